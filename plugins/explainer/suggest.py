""" "Did you mean" for an editor's typo: an unknown key, kind or slug gets its nearest known one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """`" (did you mean 'aliases'?)"` when one known word is close to `word`, else `""`.

    Close means difflib's ratio of at least 0.75, or `word` being a prefix or plural slip of it
    (`alias` for `aliases`): near enough that the suggestion is right, never a guess at random.
    """
    choices = sorted(set(known))
    if not word or not choices or word.lower() in choices:
        return ""
    lowered = word.lower()
    for choice in choices:  # a prefix or plural slip: `alias` -> `aliases`, `role` -> `roles`
        if lowered != choice and len(lowered) >= 4 and (choice.startswith(lowered) or lowered.startswith(choice)):
            return f" (did you mean '{choice}'?)"
    close = difflib.get_close_matches(lowered, choices, n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""

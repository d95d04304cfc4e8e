"""Regular expressions built from word lists, shared by extraction and the linker."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any


def trie_pattern(forms: Iterable[str]) -> str:
    """One regular expression for many literal forms, factored as a trie of their characters.

    It matches exactly what the longest-first alternation `(?:longest|...|shortest)` matches: at
    most one branch can follow any character, and where a form ends the longer continuation is
    tried first (a greedy `?`), so a failing boundary check backtracks to the next shorter form.
    A flat alternation of thousands of names tries every name at every position of every text;
    the trie tries a handful, so linking cost no longer grows with the number of actors.
    """
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return ("(?:" + body + ")" if len(branches) == 1 else body) + "?"

    return "(?:" + emit(trie) + ")"


def tries_after(groups: Iterable[tuple[Iterable[str], str]], not_after: str) -> str:
    """A search for `(?<!not_after)` and then any group's forms (`trie_pattern`) with that
    group's `tail` after them, earlier groups first, written so that the engine skips to the
    forms' first characters in C: each branch opens with a first character and checks what is
    behind it one character further back (`(?<!X[\\s\\S])`). A pattern that opens with a
    look-behind or `\\b` is tried at every position instead. `not_after` is a character class:
    `\\w` stands for `\\b` before forms that start with a word character. Worth it where the
    forms start with few of the letters words start with; else the look-behind, tried after each
    of those letters, costs more than `\\b`."""
    by_first: dict[str, list[list[str]]] = {}
    listed = [(list(forms), tail) for forms, tail in groups]
    for k, (forms, _) in enumerate(listed):
        for form in forms:
            if form:
                by_first.setdefault(form[0], [[] for _ in listed])[k].append(form[1:])
    behind = f"(?<!{not_after}[\\s\\S])"
    branches = []
    for first, rests in sorted(by_first.items()):
        tails = [trie_pattern(rest) + tail for rest, (_, tail) in zip(rests, listed) if rest]
        branches.append(re.escape(first) + behind + "(?:" + "|".join(tails) + ")")
    return "(?:" + "|".join(branches) + ")"


# Characters a rule reads back from a position: more than any context a rule matches in real copy
# (a name and its title, a clause's opening words), far less than a sentence can be long.
BEFORE = 200


class Before:
    """A pattern read back from a position (`$`-anchored, as for `search_before`) whose match
    holds at most `runs` runs of non-space characters and does not begin with a space: it is
    searched from where the last `runs` runs before the position begin (`tail_start`), not from
    every position of the `reach` characters before it. The same match as a search of those
    characters; a property test holds every `Before` of the extraction to it."""

    __slots__ = ("pattern", "reach", "runs")

    def __init__(self, pattern: str, runs: int, flags: int = 0, reach: int = BEFORE) -> None:
        self.pattern = re.compile(pattern, flags)
        self.runs = runs
        self.reach = reach

    def search(self, text: str, end: int) -> re.Match[str] | None:
        """The match that ends at `end`, if any."""
        lo = max(0, end - self.reach)
        return self.pattern.search(text, lo + tail_start(text[lo:end], self.runs), end)


def search_before(pattern: str, text: str, end: int, flags: int = 0) -> re.Match[str] | None:
    """`re.search(pattern, text[:end], flags)` for a pattern anchored at the end (`$`), reading
    back at most `BEFORE` characters: its time is bounded whatever comes before. `^`, `\\b` and
    look-behinds see the whole text as they did the slice; offsets are the text's."""
    return re.compile(pattern, flags).search(text, max(0, end - BEFORE), end)


def word_before(text: str, end: int) -> str:
    """The letters right before the spaces that end at `end`, folded (`fold`): `aged` in `a man
    aged 52` read back from the number. A rule whose pattern ends in one of a few words and spaces
    checks this word first, and searches back for the whole pattern only where it is one of them."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return fold(text[j:i])


def tail_start(text: str, runs: int) -> int:
    """Where the last `runs` runs of non-space characters of `text` begin (0 if it has no more).
    A pattern that ends at the end of the text, whose match holds at most that many runs and
    does not begin with a space, matches from there or not at all: searched from there, it is
    not tried at every position before (`\\s+of\\s+$` begins with spaces, and would be missed).
    Offsets stay the text's, and `\\b` and look-behinds still see what comes before."""
    head = text.rsplit(None, runs)
    if len(head) <= runs:
        return 0
    i = len(head[0])
    while text[i].isspace():
        i += 1
    return i


# The letters `re.IGNORECASE` matches to an ASCII letter that `str.lower` leaves apart (`ı`, `ſ`)
# or turns into two characters (`İ`), mapped to that letter first.
_IGNORECASE_FOLDS = str.maketrans({"ı": "i", "ſ": "s", "İ": "i"})


def fold(text: str) -> str:
    """`text` lower-cased the way `re.IGNORECASE` compares it with lower-case ASCII words, with
    its offsets unchanged: a case-sensitive pattern of such words searched in it finds where the
    case-insensitive one does in `text`. Such a pattern skips to the letters its words start
    with; a case-insensitive one cannot, and tries every position."""
    return (text if text.isascii() else text.translate(_IGNORECASE_FOLDS)).lower()


def matched_at(
    pattern: re.Pattern[str], folded: re.Pattern[str], text: str, low: str, pos: int = 0
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos)` for a case-insensitive `pattern`, found by `folded`, its
    case-sensitive twin in lower case, in `low` (`fold(text)`): the engine compares characters as
    they are instead of folding each. `pattern` is matched at each start to read its parts as
    written; a property test holds each pair of twins to the same matches (a start where `pattern`
    did not match would be skipped)."""
    for found in folded.finditer(low, pos):
        m = pattern.match(text, found.start())
        if m is not None:
            yield m

"""Where quotations open and close in wire copy, across paragraph breaks.

Real copy mixes its marks: straight `"` opened and curly `”` closed, `''` or `’’` for a double
mark, guillemets, a curly mark with a space on both sides. A mark is read by its neighbours (a
mark after a space and before a word opens; one after a word and before a space or punctuation
closes), and by its shape only when the neighbours do not tell.

Two conventions of newsroom style decide where a quotation ends:

- a quotation that runs over several paragraphs has no closing mark until its last paragraph,
  and each following paragraph opens with the mark again (it *continues*);
- where paragraphs were run together into one line (as in archived copy), such a repeated
  opening mark arrives while the quotation is still open: the first part ended with the
  sentence before it, and the new part continues it.

A mark that can only close while nothing is open (an inch mark, `5' 10"`) is ignored, and so is
a quotation that never closes inside its paragraph and is not continued: it ends at the end of
its paragraph. One scan, linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

DOUBLE_MARKS = frozenset('"“”„«»')
# Two single marks written for one double mark.
PAIRED_SINGLES = ("''", "’’", "‘‘", "``")
# every mark as a literal of its own: a pattern whose branches all open with a literal character
# lets the engine skip, in C, to the characters they open with, instead of trying each branch
# at every position (a character class among the branches turns that off); no double mark
# opens a pair of singles, so the order of the branches changes no match
_ANY_MARK = re.compile("|".join(map(re.escape, [*sorted(DOUBLE_MARKS), *PAIRED_SINGLES])))
_OPENING_SHAPE = frozenset("“„«")
_OPEN_AFTER = frozenset("([{—–-/:;,…‘'")
_CLOSE_BEFORE = frozenset(".,;:!?)]}—–-…’'")

Ending = Literal["mark", "reopened", "paragraph"]


@dataclass(frozen=True, slots=True)
class Mark:
    """One quotation mark: where it is, its width, and whether it can open or close a quotation."""

    pos: int
    width: int
    can_open: bool
    can_close: bool
    shape: str  # the character, for marks whose neighbours do not tell


@dataclass(frozen=True, slots=True)
class QuoteRange:
    """One quoted passage inside one paragraph.

    `open` is the offset of the opening mark, `start:end` the quoted words, `stop` the offset
    after the closing mark (or `end` where there is none). `ending` says how it ended: a
    closing `mark`, `reopened` (a repeated opening mark while open: the words ran on), or the
    `paragraph` end. `continues` is True when the passage continues the quotation before it
    (the paragraph before, or the part before a repeated opening mark).
    """

    open: int
    start: int
    end: int
    stop: int
    ending: Ending
    continues: bool = False


def find_marks(text: str) -> list[Mark]:
    """Every double quotation mark in `text`, with what its neighbours allow it to do."""
    out: list[Mark] = []
    n = len(text)
    for found in _ANY_MARK.finditer(text):  # the regex skips the words between marks
        i, ch = found.start(), found.group()[0]
        width = len(found.group())
        prev = text[i - 1] if i else " "
        nxt = text[i + width] if i + width < n else " "
        space_before, space_after = prev.isspace(), nxt.isspace()
        open_ctx = (space_before or prev in _OPEN_AFTER or prev in DOUBLE_MARKS) and not space_after
        close_ctx = (
            (space_after or nxt in _CLOSE_BEFORE or nxt in DOUBLE_MARKS) and not space_before
        ) or prev in ".,!?"
        if open_ctx == close_ctx:  # both or neither: the mark's shape decides
            open_ctx = ch in _OPENING_SHAPE
            close_ctx = ch not in _OPENING_SHAPE
        out.append(Mark(i, width, open_ctx, close_ctx, ch))
    return out


def _words_end(text: str, before: int) -> int:
    """The end of the words before offset `before` (trailing whitespace skipped)."""
    end = before
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def scan(paragraphs: Sequence[str]) -> list[list[QuoteRange]]:
    """The quoted passages of each paragraph, in order, following quotations across paragraphs."""
    out: list[list[QuoteRange]] = [[] for _ in paragraphs]
    # the quotation open at the end of the previous paragraph: (its opening mark, words start, continues)
    pending: tuple[int, int, bool] | None = None
    for p, text in enumerate(paragraphs):
        marks = find_marks(text)
        first = len(text) - len(text.lstrip())
        cur: tuple[int, int, bool] | None = None
        k = 0
        if pending is not None:
            prev_text = paragraphs[p - 1]
            carried_on = bool(marks) and marks[0].pos == first and marks[0].can_open
            o, s, cont = pending
            end = _words_end(prev_text, len(prev_text))
            out[p - 1].append(QuoteRange(o, s, end, end, "paragraph", cont))
            if carried_on:
                cur = (marks[0].pos, marks[0].pos + marks[0].width, True)
                k = 1
            pending = None
        for m in marks[k:]:
            if cur is None:
                if m.can_open:
                    cur = (m.pos, m.pos + m.width, False)
                continue  # a mark that can only close, with nothing open: an inch mark or a typo
            o, s, cont = cur
            if m.can_close:
                out[p].append(QuoteRange(o, s, m.pos, m.pos + m.width, "mark", cont))
                cur = None
            else:  # a repeated opening mark: paragraphs run together, the words go on
                end = _words_end(text, m.pos)
                out[p].append(QuoteRange(o, s, end, end, "reopened", cont))
                cur = (m.pos, m.pos + m.width, True)
        pending = cur
    if pending is not None and paragraphs:
        o, s, cont = pending
        text = paragraphs[-1]
        end = _words_end(text, len(text))
        out[-1].append(QuoteRange(o, s, end, end, "paragraph", cont))
    return out


def quote_ranges(text: str) -> list[QuoteRange]:
    """The quoted passages of one paragraph on its own."""
    return scan([text])[0]

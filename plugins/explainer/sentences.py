"""Sentence splitting that survives wire copy: `U.S.`, initials, `5,500`, `3.5`, quotes.

A boundary is a `.`, `!` or `?` (optionally followed by closing quotes or brackets),
then whitespace, then something that can start a sentence. The full stop of a known
abbreviation, an initial or a dotted acronym is not a boundary.
"""

from __future__ import annotations

import re

# Abbreviations whose full stop rarely ends a sentence in news copy (titles, months, corporate forms).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cmdr",
        "adm",
        "sen",
        "rep",
        "gov",
        "pres",
        "supt",
        "insp",
        "det",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "messrs",
        "mt",
        "ft",
        "no",
        "nos",
        "vs",
        "etc",
        "approx",
        "dept",
        "est",
        "fig",
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

_BOUNDARY = re.compile(r"""[.!?]+['"’”)\]]*(?=\s+['"‘“(\[]?[\w¡¿])""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` belongs to a word rather than ending the sentence."""
    match = _WORD_BEFORE.search(text, 0, dot + 1)
    if not match:
        return False
    word = match.group(1)
    bare = word.rstrip(".")
    if not bare:
        return False
    if "." in bare:  # dotted acronym or initialism: U.S., U.N., a.m.
        return True
    if len(bare) == 1 and bare.isalpha() and bare.isupper():  # an initial: John F. Kennedy
        return True
    if bare.lower() in {"no", "nos"}:  # "No. 5" abbreviates; "No." answering a question ends a sentence
        return bool(re.match(r"\s*\d", text[dot + 1 :]))
    return bare.lower() in ABBREVIATIONS


def _next_starts_lower(text: str, pos: int) -> bool:
    rest = text[pos:].lstrip()
    rest = rest.lstrip("'\"‘“([")
    return bool(rest) and rest[0].islower()


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of balanced double quotes; straight and curly marks may be mixed.

    A mark opens when it follows whitespace, an opening bracket or the start, and closes
    otherwise; an opening mark that never closes is ignored, so a stray mark cannot
    swallow the rest of a paragraph.
    """
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch not in '"“”':
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = ch == "“" or (ch == '"' and (before.isspace() or before in "([—–-:") and not after.isspace())
        if opened is None:
            if opening or ch == '"':
                opened = i
        elif not opening or ch == "”":
            ranges.append((opened, i))
            opened = None
        else:  # a second opening mark: the first was stray
            opened = i
    return ranges


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence in `text`, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    quotes = quote_ranges(text)
    for match in _BOUNDARY.finditer(text):
        punct = match.group(0)
        end = match.end()
        first = match.start()
        if any(o < first and end - 1 < c for o, c in quotes):
            continue  # inside a quotation that closes later: one quoted passage, one unit
        if punct[0] == "." and len(punct.rstrip("'\"’”)]")) == 1 and _is_abbreviation(text, first):
            continue
        if _next_starts_lower(text, end):
            continue
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    out = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out

"""Sentence splitting that survives wire copy: `U.S.`, initials, `12,500`, `3.5`, quotes.

A boundary is a `.`, `!` or `?` (optionally followed by closing quotes or brackets),
then whitespace, then something that can start a sentence. The full stop of a known
abbreviation, an initial or a dotted acronym is not a boundary.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .quotemarks import quote_ranges

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

MAX_SENTENCE = 1000  # characters; real sentences of news copy stay under a few hundred
# A run of end marks is read once, from its start (a run of 20,000 full stops stays linear).
_BOUNDARY = re.compile(r"""(?<![.!?])[.!?]++['"’”)\]]*+(?=\s+['"‘“(\[]?[\w¡¿])""")
_WORD_CHAR = re.compile(r"[\w.]")
_DIGIT_NEXT = re.compile(r"\s*\d")
# A name of one to four capitalised words, then an inflected cue verb.
_ATTRIBUTION_NEXT = re.compile(
    r"\s+(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|told|tells|asked|asks|added|adds|testified|wrote|writes|replied|"
    r"explained|insisted|warned|argued|noted|recalled|shouted|tweeted|conceded)\b"
)
_NEXT_START = re.compile(r"\s*['\"‘“(\[]*(.)", re.DOTALL)


def _word_before(text: str, dot: int) -> str:
    """The run of word characters and dots ending at `dot` (inclusive), read backwards.

    Scanning back from the full stop keeps each check proportional to the word, not to
    the paragraph: a regex anchored with `$` would rescan the paragraph from its start.
    """
    start = dot + 1
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    return text[start : dot + 1]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` belongs to a word rather than ending the sentence."""
    word = _word_before(text, dot)
    if not word:
        return False
    bare = word.rstrip(".")
    if not bare:
        return False
    if "." in bare:  # dotted acronym or initialism: U.S., U.N., a.m.
        return True
    if len(bare) == 1 and bare.isalpha() and bare.isupper():  # an initial: John F. Kennedy
        return True
    if bare.lower() in {"no", "nos"}:  # "No. 5" abbreviates; "No." answering a question ends a sentence
        return bool(_DIGIT_NEXT.match(text, dot + 1))
    return bare.lower() in ABBREVIATIONS


def _next_starts_lower(text: str, pos: int) -> bool:
    m = _NEXT_START.match(text, pos)
    return m is not None and m.group(1).islower()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence in `text`, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    # (opening mark, last offset inside): a passage that runs on to the paragraph's end is not cut;
    # one that ran on into a repeated opening mark may be cut where its last sentence ends
    quotes = [
        (r.open, r.stop - 1 if r.ending == "mark" else len(text) if r.ending == "paragraph" else r.end - 1)
        for r in quote_ranges(text)
    ]
    opens = [o for o, _ in quotes]  # sorted and disjoint: only the last one opened before can enclose
    for match in _BOUNDARY.finditer(text):
        punct = match.group(0)
        end = match.end()
        first = match.start()
        k = bisect_left(opens, first) - 1
        if k >= 0 and end - 1 < quotes[k][1]:
            continue  # inside a quotation that closes later: one quoted passage, one unit
        if punct[0] == "." and len(punct.rstrip("'\"’”)]")) == 1 and _is_abbreviation(text, first):
            continue
        if _next_starts_lower(text, end):
            continue
        if punct[-1] in '"”' and punct[0] in "?!" and _ATTRIBUTION_NEXT.match(text, end):
            continue  # `"... is it over?” Ruiz asked.`: the attribution belongs to the quote
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    out = []
    for s, e in _bounded(text, bounds):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _bounded(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut any unit longer than `MAX_SENTENCE` at its last space before the limit.

    No sentence of real copy comes near the limit; text pasted without full stops would
    otherwise reach the extractors as one unit of megabytes, and they work sentence by sentence.
    """
    out: list[tuple[int, int]] = []
    for s, e in bounds:
        while e - s > MAX_SENTENCE:
            cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
            cut = cut + 1 if cut != -1 else s + MAX_SENTENCE
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out

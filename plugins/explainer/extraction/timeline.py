"""Dated events: weekdays, `November 5`, `in June` resolved against the story's date.

Relative dates need the article's date (front matter); without it only dates that carry
their year are placed. A weekday means the most recent such day on or before the story's
date, unless the sentence says `next`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ..model import Article, Event, Span
from ..patterns import fold, matched_at, tail_start
from .vocabulary import MONTH_NUMBERS, MONTH_PATTERN, WEEKDAYS


def _opens_with(words: Iterable[str], digit: bool = False) -> str:
    """A look-ahead for the first characters of `words` (and a digit): where a date pattern can
    begin. Put first, it turns down every other position of a sentence at one character, as
    `figures._START` does (a month's name is written capitalised); the matches stay those of
    the pattern without it, which a property test holds."""
    return "(?=[" + re.escape("".join(sorted({w[0] for w in words}))) + ("\\d" if digit else "") + "])"


_BEFORE_MONTH = ("in", "since", "until", "by", "from", "last", "next", "early", "late", "mid-")
# (a pattern with no entry in `_NEEDS` below needs a month's name: see `_RUNS_BEFORE_MONTH`)
_PATTERNS = [
    (
        "mdy",
        re.compile(
            _opens_with(["on", *MONTH_NUMBERS])
            + rf"\b(?:on\s+)?({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b"
        ),
    ),
    (
        "dmy",
        re.compile(
            _opens_with(["on"], digit=True)
            + rf"\b(?:on\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_PATTERN})\b(?:\s+(\d{{4}}))?"
        ),
    ),
    (
        "month",
        re.compile(
            _opens_with(_BEFORE_MONTH)
            + r"\b(?:"
            + "|".join(_BEFORE_MONTH)
            + rf")\s*({MONTH_PATTERN})(?:\s+(\d{{4}}))?\b"
        ),
    ),
    (
        "weekday",
        re.compile(rf"\b(?:(on|last|next|this|earlier|late|early)\s+)?({'|'.join(WEEKDAYS)})\b", re.IGNORECASE),
    ),
    ("relative", re.compile(r"\b(yesterday|today|tomorrow)\b", re.IGNORECASE)),
    ("this_month", re.compile(r"\b(last|this|next)\s+month\b", re.IGNORECASE)),
    (
        "ahead",
        re.compile(r"\bin\s+(?:(a)\s+fortnight|(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?))\b"),
    ),
    ("later", re.compile(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\s+later\b")),
    # a month as a modifier: `a key September meeting` (never `May`, which is also a verb)
    (
        "bare_month",
        re.compile(
            _opens_with(MONTH_NUMBERS)
            + rf"\b(?<!\d )({'|'.join(m for m in MONTH_NUMBERS if len(m) > 3 and m != 'May')})(?=\s+[a-z])"
        ),
    ),
]
# The words each pattern needs, lower-cased: a sentence whose folded text (`patterns.fold`) has
# none of them skips the pattern. The month patterns need a month's name, as written.
_NEEDS = {
    "weekday": ("day",),
    "relative": ("day", "tomorrow"),
    "this_month": ("month",),
    "ahead": ("fortnight", "day", "week"),
    "later": ("later",),
}
# every pattern above needs a month's name or one of those words: a sentence with none is skipped
# without trying each pattern along it (three sentences in four of the corpus have none of them)
_HINT_WORDS = tuple(sorted({w for words in _NEEDS.values() for w in words}))
_ANY_MONTH = re.compile(MONTH_PATTERN)
# a pattern that needs a month's name holds at most two runs before it (`on 5th March`, `in
# March`, `mid-March`): it is searched from there, before the sentence's first month's name
# (`scan_start`); a pattern with more must raise this (a property test holds each pattern's
# matches from there to its matches from the sentence's start)
_RUNS_BEFORE_MONTH = 2


def _hinted(text: str) -> tuple[str, int | None, frozenset[str]] | None:
    """The sentence's folded text, where its first month's name is (None: it names none), and
    which of `_HINT_WORDS` it has (`hint_words`); None if it has neither a month's name nor any
    of them. Two scans that skip to the letters they need: one case-insensitive pattern of both
    tried every position of every sentence."""
    month = _ANY_MONTH.search(text)
    low, month_at = fold(text), month.start() if month else None
    words = hint_words(low)
    return (low, month_at, words) if month or words else None


def scan_start(kind: str, text: str, month_at: int | None) -> int:
    """Where the pattern of `kind` is searched from: before the first month's name for a
    pattern that needs one, else the sentence's start."""
    if month_at is None or kind in _NEEDS:
        return 0
    return tail_start(text[:month_at], _RUNS_BEFORE_MONTH)


def hint_words(low: str) -> frozenset[str]:
    """The `_HINT_WORDS` in a folded sentence, read once for all its patterns."""
    return frozenset(word for word in _HINT_WORDS if word in low)


def may_match(kind: str, words: frozenset[str], has_month: bool) -> bool:
    """Whether the pattern of `kind` can match a sentence that has the hint `words` (`hint_words`)."""
    needs = _NEEDS.get(kind)
    return has_month if needs is None else not words.isdisjoint(needs)


_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Where a clause ends before a date: the date belongs to the words after (`will have surgery on
# Monday after fracturing his thumb in the win on Saturday`: Saturday is past).
# (the look-ahead turns down at once, as `figures._START` does, the positions where no branch can begin)
_CLAUSE_START_AT = r"(?=[.;,afbsw])"
_CLAUSE_START = re.compile(
    _CLAUSE_START_AT + r"(?:[.;]\s|,\s|\b(?:after|since|following|before|when|which|who|while|but|as)\b)"
)
_FUTURE = re.compile(
    r"\b(?:will|would|due to|scheduled|expects?|expected|set to|plans? to|is to|are to|next|forecast|starts?|begins?|until|till)\b"
)
_PLAN = re.compile(r"\b(?:until|till|postponed|adjourned|delayed)\b|\bto\s+[a-z]+\b")
_PAST = re.compile(r"\b(?:was|were|had|did|last|ago|since)\b|\b[a-z]{3,}ed\b")


def _clause(text: str, at: int) -> str:
    """The words of the clause that a date at `at` belongs to, before it."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, at)]
    return text[starts[-1] if starts else 0 : at]


def _future(clause: str) -> bool:
    """Whether the clause before a date (`_clause`) speaks of the future: `will be flown on Saturday`."""
    return _FUTURE.search(clause) is not None


def _past(clause: str) -> bool:
    """Whether the clause before a date (`_clause`) speaks of the past (`was confirmed on`,
    `approved in`), and not of a plan (`agreed to meet on`, `adjourned until`, `postponed to`)."""
    return _PLAN.search(clause) is None and _PAST.search(clause) is not None


def _nearest_year(base: dt.date, month: int, day: int | None, future: bool, past: bool) -> int | None:
    """The year that puts a month (and day) nearest the story's date, as the tense allows:
    `is scheduled for January 30` in a December story is next January."""
    best: tuple[int, int] | None = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            when = dt.date(year, month, day or 1)
        except ValueError:
            continue
        ref = base if day else base.replace(day=1)
        if (future and when < ref) or (past and when > ref):
            continue
        distance = abs((when - ref).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _weekday(base: dt.date, name: str, modifier: str | None) -> dt.date:
    target = [w.lower() for w in WEEKDAYS].index(fold(name))
    delta = (base.weekday() - target) % 7
    if modifier and fold(modifier) == "next":
        return base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
    if modifier == "future":  # `will fly on Friday`, said on a Friday, is that day; only `next Friday` is a week on
        return base + dt.timedelta(days=(target - base.weekday()) % 7)
    if modifier and fold(modifier) == "last" and delta == 0:
        delta = 7
    return base - dt.timedelta(days=delta)


def _resolve(kind: str, m: re.Match[str], base: dt.date | None) -> str | None:
    try:
        if kind == "mdy" or kind == "dmy":
            month_s, day_s = (m.group(1), m.group(2)) if kind == "mdy" else (m.group(2), m.group(1))
            if m.group(3):
                return dt.date(int(m.group(3)), MONTH_NUMBERS[month_s], int(day_s)).isoformat()
            if base is None:
                return None
            clause = _clause(m.string, m.start())
            future, past = _future(clause), _past(clause)
            picked = _nearest_year(base, MONTH_NUMBERS[month_s], int(day_s), future, past and not future)
            return dt.date(picked, MONTH_NUMBERS[month_s], int(day_s)).isoformat() if picked else None
        if kind in ("month", "bare_month"):
            month = MONTH_NUMBERS[m.group(1)]
            year: int | None
            if kind == "month" and m.group(2):
                year = int(m.group(2))
            elif base is None:
                return None
            else:
                clause = _clause(m.string, m.start())
                future = _future(clause)
                looks_back = bool(re.match(r"(?:since|last)\b", m.group(0))) or _past(clause)
                year = _nearest_year(base, month, None, future, looks_back and not future)
            if year is None or not dt.MINYEAR <= year <= dt.MAXYEAR:  # "in May 0000", next January after 9999
                return None
            return f"{year:04d}-{month:02d}"
        if base is None:
            return None
        if kind == "this_month":
            shift = {"last": -1, "this": 0, "next": 1}[fold(m.group(1))]  # folded as the pattern matched it
            y, mo = divmod(base.year * 12 + base.month - 1 + shift, 12)
            return f"{y:04d}-{mo + 1:02d}"
        if kind == "ahead":
            if re.search(r"\b[a-z]{3,}ed\b", _clause(m.string, m.start())):
                return None  # `collapsed in three days`: a duration, not a date
            n = 14 if m.group(1) else (int(m.group(2)) if m.group(2).isdigit() else _SMALL[m.group(2)])
            unit = 1 if m.group(1) else (7 if m.group(3).startswith("week") else 1)
            return (base + dt.timedelta(days=n * unit)).isoformat()
        if kind == "later":
            return None  # resolved against the date before it in `extract_events`
        if kind == "weekday":
            if m.group(2)[0].islower():
                return None
            given = fold(m.group(1) or "")
            modifier = (
                given
                if given in ("next", "last", "this")
                else ("future" if _future(_clause(m.string, m.start())) else None)
            )
            return _weekday(base, m.group(2), modifier).isoformat()
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[fold(m.group(1))]
        return (base + dt.timedelta(days=offset)).isoformat()
    except (ValueError, OverflowError):  # no such day, or past year 1 or 9999 (`date: 9999-12-31`, `tomorrow`)
        return None


def _later(m: re.Match[str], earlier: list[str]) -> str | None:
    """`six days later`: the date named before it in the sentence, moved on."""
    if not earlier or len(earlier[-1]) != 10:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _SMALL[m.group(1)]
    days = n * (7 if m.group(2).startswith("week") else 1)
    try:
        return (dt.date.fromisoformat(earlier[-1]) + dt.timedelta(days=days)).isoformat()
    except OverflowError:  # past year 9999 (`date: 9999-12-30`, `two weeks later`; `99999999999 days later`)
        return None


# The case-insensitive patterns in lower case, searched case-sensitively in the folded text
# (`patterns.fold`), as figures are: the engine compares characters as they are instead of
# folding each; the pattern is then matched at each start to read the words as written
# (`patterns.matched_at`).
# (a pattern with an escape such as `\\S` would change meaning in lower case: it keeps its own search)
_FOLDED = {
    kind: re.compile(p.pattern.lower())
    for kind, p in _PATTERNS
    if p.flags & re.IGNORECASE and not re.search(r"\\[A-Z]", p.pattern)
}


def extract_events(article: Article) -> list[Event]:
    """Dated events: each date expression resolved against the story's date and tense."""
    events: list[Event] = []
    for s in article.sentences:
        read = _hinted(s.text)
        if read is None:
            continue
        low, month_at, words = read
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, int, str]] = []
        for kind, pattern in _PATTERNS:
            if not may_match(kind, words, month_at is not None):
                continue
            folded, pos = _FOLDED.get(kind), scan_start(kind, s.text, month_at)
            matches = pattern.finditer(s.text, pos) if folded is None else matched_at(pattern, folded, s.text, low, pos)
            for m in matches:
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                iso = _resolve(kind, m, article.date)
                if kind == "later":
                    iso = _later(m, [d for a, _, d in sorted(found) if a < m.start()])
                if iso:
                    taken.append((m.start(), m.end()))
                    found.append((m.start(), m.end(), iso))
        for start, end, iso in sorted(found):
            events.append(
                Event(
                    id=f"{article.id}-e{len(events) + 1}",
                    date=iso,
                    text=s.text,
                    when=s.text[start:end],
                    span=Span(article.id, s.id, start, end),
                )
            )
    return events

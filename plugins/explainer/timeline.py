"""Dated events: weekdays, `November 5`, `in June` resolved against the story's date.

Relative dates need the article's date (front matter); without it only dates that carry
their year are placed. A weekday means the most recent such day on or before the story's
date, unless the sentence says `next`.
"""

from __future__ import annotations

import datetime as dt
import re

from .model import Article, Event, Span
from .vocabulary import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

_MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS)} | MONTH_ABBREVIATIONS
_MONTH = "|".join(sorted(_MONTH_NUM, key=len, reverse=True))
_PATTERNS = [
    ("mdy", re.compile(rf"\b(?:on\s+)?({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")),
    ("dmy", re.compile(rf"\b(?:on\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b(?:\s+(\d{{4}}))?")),
    ("month", re.compile(rf"\b(?:in|since|until|by|from|last|next|early|late|mid-)\s*({_MONTH})(?:\s+(\d{{4}}))?\b")),
    (
        "weekday",
        re.compile(rf"\b(?:(on|last|next|this|earlier|late|early)\s+)?({'|'.join(WEEKDAYS)})\b", re.IGNORECASE),
    ),
    ("relative", re.compile(r"\b(yesterday|today|tomorrow)\b", re.IGNORECASE)),
]


def _future(text: str, at: int) -> bool:
    """Whether the clause before a date speaks of the future: `will be flown on Saturday`."""
    clause = re.split(r"[.;]\s", text[:at])[-1]
    return bool(
        re.search(r"\b(?:will|would|due to|scheduled|expects?|expected|set to|plans? to|is to|are to|next)\b", clause)
    )


def _weekday(base: dt.date, name: str, modifier: str | None) -> dt.date:
    target = [w.lower() for w in WEEKDAYS].index(name.lower())
    delta = (base.weekday() - target) % 7
    if modifier and modifier.lower() == "next":
        return base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
    if modifier and modifier.lower() == "last" and delta == 0:
        delta = 7
    return base - dt.timedelta(days=delta)


def _resolve(kind: str, m: re.Match[str], base: dt.date | None) -> str | None:
    try:
        if kind == "mdy" or kind == "dmy":
            month_s, day_s = (m.group(1), m.group(2)) if kind == "mdy" else (m.group(2), m.group(1))
            year = int(m.group(3)) if m.group(3) else (base.year if base else None)
            if year is None:
                return None
            return dt.date(year, _MONTH_NUM[month_s], int(day_s)).isoformat()
        if kind == "month":
            year = int(m.group(2)) if m.group(2) else (base.year if base else None)
            looks_back = re.match(r"(?:since|last|in)\b", m.group(0)) and not _future(m.string, m.start())
            month = _MONTH_NUM[m.group(1)]
            if year is not None and not m.group(2) and base and looks_back and month > base.month:
                year -= 1  # "since October", said in February, is last October
            elif year is not None and not m.group(2) and base and _future(m.string, m.start()) and month < base.month:
                year += 1  # "a cut expected in January", said in November, is next January
            if year is None or not dt.MINYEAR <= year <= dt.MAXYEAR:  # "in May 0000", next January after 9999
                return None
            return f"{year:04d}-{_MONTH_NUM[m.group(1)]:02d}"
        if base is None:
            return None
        if kind == "weekday":
            if m.group(2)[0].islower():
                return None
            given = (m.group(1) or "").lower()
            modifier = (
                given if given in ("next", "last", "this") else ("next" if _future(m.string, m.start()) else None)
            )
            return _weekday(base, m.group(2), modifier).isoformat()
        word = m.group(1).lower()
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
        return (base + dt.timedelta(days=offset)).isoformat()
    except (ValueError, OverflowError):  # no such day, or past year 1 or 9999 (`date: 9999-12-31`, `tomorrow`)
        return None


def extract_events(article: Article) -> list[Event]:
    events: list[Event] = []
    for s in article.sentences:
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, int, str]] = []
        for kind, pattern in _PATTERNS:
            for m in pattern.finditer(s.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                iso = _resolve(kind, m, article.date)
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

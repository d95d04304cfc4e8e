"""Glossary terms: acronyms the story defines, and curated terms, each use located.

Acronym definitions are found with the Schwartz-Hearst rule: the letters of `IMF`
must be picked, in order, from the words before `(IMF)`, the first letter starting a word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Article, Span, Term, TermUse
from .slugs import slugify

_DEFINED = re.compile(r"((?:[\w'’-]+\s+){1,8}?)\(([A-Z][A-Za-z]{1,7}s?)\)")
_REVERSED = re.compile(r"\b([A-Z]{2,8})\s+\(([a-z][\w\s'’-]{3,80})\)")


@dataclass(frozen=True)
class Definition:
    acronym: str
    expansion: str
    span: Span


def _long_form(words: list[str], acronym: str) -> str | None:
    """Schwartz-Hearst: shortest run of trailing `words` whose letters spell `acronym`."""
    short = acronym.rstrip("s").lower() if acronym[-1] == "s" and acronym[:-1].isupper() else acronym.lower()
    long = " ".join(words)
    s, li = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s]
        if not c.isalnum():
            s -= 1
            continue
        while li >= 0 and (long[li].lower() != c or (s == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        s -= 1
    start = long.rfind(" ", 0, li + 1) + 1
    found = long[start:].strip()
    if len(found.split()) > len(short) + 2:
        return None
    return found


def find_definitions(article: Article) -> list[Definition]:
    out: list[Definition] = []
    seen: set[str] = set()
    for s in article.sentences:
        for m in _DEFINED.finditer(s.text):
            acronym = m.group(2)
            if acronym in seen or not any(ch.isupper() for ch in acronym[1:] or acronym):
                continue
            expansion = _long_form(m.group(1).split(), acronym)
            if expansion:
                start = m.start(1) + m.group(1).rfind(expansion)
                seen.add(acronym)
                out.append(Definition(acronym, expansion, Span(article.id, s.id, start, m.end())))
        for m in _REVERSED.finditer(s.text):
            acronym, expansion = m.group(1), m.group(2).strip()
            if acronym not in seen and _long_form(expansion.split(), acronym) == expansion:
                seen.add(acronym)
                out.append(Definition(acronym, expansion, Span(article.id, s.id, m.start(), m.end())))
    return out


def surface_pattern(surfaces: Iterable[str]) -> re.Pattern[str] | None:
    """One alternation, longest first, inside word boundaries, plural `s` allowed."""
    return _compiled(tuple(sorted({f for f in surfaces if f}, key=lambda f: (-len(f), f))))


@functools.lru_cache(maxsize=256)
def _compiled(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compiled once per set of forms: every article of a site shares the curated glossary."""
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?:s|es)?(?![\w-])")


def locate_uses(article: Article, terms: Iterable[Term], shared: Iterable[Term] = ()) -> list[TermUse]:
    """Every place the article uses a term or one of its aliases (acronyms matched case-sensitively).

    `shared` terms (the curated glossary, the same for every article) are matched with patterns
    compiled once per build; `terms` (those this article defines) with small patterns of their own.
    At one position the longest form wins; overlapping later matches are skipped.
    """
    owner: dict[str, str] = {}
    groups: list[list[str]] = []
    for group in (shared, terms):
        forms = []
        for t in group:
            for form in (t.term, *t.aliases):
                key = form if form.isupper() else form.lower()
                if key not in owner:
                    owner[key] = t.id
                    forms.append(key)
        groups.append(forms)
    exact = [p for forms in groups if (p := surface_pattern(f for f in forms if f.isupper()))]
    folded = [p for forms in groups if (p := surface_pattern(f for f in forms if not f.isupper()))]
    uses: list[TermUse] = []
    for unit in article.units:
        found: list[TermUse] = []
        taken: list[tuple[int, int]] = []
        lowered = unit.text.lower()
        for patterns, text in ((exact, unit.text), (folded, lowered)):
            matches = sorted(
                (m for p in patterns for m in p.finditer(text)), key=lambda m: (m.start(), -(m.end() - m.start()))
            )
            for m in matches:
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                key = m.group(1)
                span = Span(article.id, unit.id, m.start(), m.end())
                found.append(TermUse(owner[key], span, unit.text[m.start() : m.end()]))
                found.extend(_nested(owner, owner[key], unit.text, m.start(), m.end(), span))
        uses.extend(sorted(found, key=lambda u: u.span.start))
    return uses


def _nested(owner: dict[str, str], outer: str, text: str, start: int, end: int, span: Span) -> list[TermUse]:
    """A longer term uses the shorter ones inside it: `UN Security Council resolutions`."""
    out = []
    inside = text[start:end]
    for form, term_id in owner.items():
        if term_id == outer or len(form) >= len(inside):
            continue
        flags = 0 if form.isupper() else re.IGNORECASE
        for n in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", inside, flags):
            at = start + n.start()
            out.append(
                TermUse(term_id, Span(span.article, span.sentence, at, at + len(form)), text[at : at + len(form)])
            )
            break
    return out


def defined_terms(definitions: Iterable[Definition]) -> list[Term]:
    return [
        Term(
            id=slugify(d.acronym) or "term",
            term=d.acronym,
            aliases=(d.expansion,),
            definition=d.expansion[:1].upper() + d.expansion[1:],
            source="article",
            defined_at=d.span,
        )
        for d in definitions
    ]

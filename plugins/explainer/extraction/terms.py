"""Glossary terms: acronyms the story defines, and curated terms, each use located.

Acronym definitions are found with the Schwartz-Hearst rule: the letters of `IMF`
must be picked, in order, from the words before `(IMF)`, the first letter starting a word.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Article, Span, Term, TermUse
from ..patterns import tail_start, trie_pattern
from ..slugs import slugify

_DEFINED = re.compile(r"((?:[\w'’-]+\s+){1,8}?)\(([A-Z][A-Za-z]{1,7}s?)\)")
# _DEFINED read back from each bracketed acronym (see `_definitions`)
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Za-z]{1,7}s?)\)")
_DEFINED_BEFORE = re.compile(_DEFINED.pattern + "$")
_DEFINED_RUNS = 9  # the most runs of non-space characters a match holds: eight words and the bracket
_REVERSED = re.compile(r"\b([A-Z]{2,8})\s+\(([a-z][\w\s'’-]{3,80})\)")


@dataclass(frozen=True, slots=True)
class Definition:
    """An acronym and the words the story spells it out in, where it does."""

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


def _definitions(text: str) -> Iterator[re.Match[str]]:
    """`_DEFINED.finditer(text)`, read back from each bracketed acronym instead of tried from
    every word of the sentence (with eight lazy words each). A match ends at a bracket, and no
    word run crosses one, so each bracket's match begins after the bracket before; it holds at
    most `_DEFINED_RUNS` runs and begins with a word, so it begins within that many runs back
    (`tail_start`) and is the leftmost match that ends at the bracket."""
    lo = 0
    for bracket in _ACRONYM_IN_BRACKETS.finditer(text):
        end = bracket.end()
        m = _DEFINED_BEFORE.search(text, lo + tail_start(text[lo:end], _DEFINED_RUNS), end)
        if m is not None:
            yield m
        lo = end


def find_definitions(article: Article) -> list[Definition]:
    """Acronyms the article defines (`long form (ACR)` or `ACR (long form)`), each once."""
    out: list[Definition] = []
    seen: set[str] = set()
    for s in article.sentences:
        if "(" not in s.text:
            continue  # both patterns need a bracket; most sentences have none
        for m in _definitions(s.text):
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


@dataclass(frozen=True, slots=True)
class Gloss:
    """A term the story explains in its own words: `fleet sales -- vehicles sold to companies --`."""

    term: str
    definition: str
    span: Span


# Words that open a clause, not an explanation: `X - who ...`, `X - said ...`.
_NOT_DEFINITIONS = frozenset("who which that both and but or said says if something anything everything".split())
# Words a term is never made of: ordinals, time words, openers of a sentence.
_NOT_TERM_WORDS = frozenset(
    "first second third fourth fifth last next this again back now then here there although however when while "
    "the this that these those it they he she we".split()
)


def _term_like(term: str) -> bool:
    """A phrase of one to four content words: no participle, ordinal, time word or sentence opener."""
    words = term.lower().split()
    return 1 <= len(words) <= 4 and not any(
        w in _NOT_TERM_WORDS or w in _FUNCTION or (w.endswith("ed") and len(w) > 4) for w in words
    )


_FUNCTION = frozenset(
    "a an the of in on at to for from by with and or but as its his her their this that these those "
    "is are was were be been has have had will would can could may might than then also only".split()
)
# `mortgage approvals -- loans agreed but not yet made --`, `the grant - a scheme which ... -`
_DASHED = re.compile(r"\s(?P<dash>--|[-–—])\s+(?P<def>[a-z][^-–—\"“”;]{3,120}?)(?:\s+(?P=dash)\s|[.;]?$)")
_LAST_WORDS = re.compile(r"(?<![\w-])((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)$")
# `Cannabis use disorder is where ...`: a sentence that opens by saying what a thing is
_COPULAR = re.compile(
    r"^(?P<term>[A-Z][a-z-]+(?:\s+[a-z][\w-]*){1,3})\s+(?:is|are)\s+(?P<def>(?:where|when|a|an|the)\s+.{10,200})$"
)
# `pneumonic plague, one of the two main forms of ...,`, `bubonic plague, which can ...`, `Yersinia pestis, the bacteria that`
_APPOSED_OPENING = r",\s+(?P<def>(?:one of the|a (?:type|form|kind|class) of|which (?:is an?|are|can|causes?)|the \w+ (?:that|which))\s"
_APPOSED = re.compile(
    r"(?P<term>(?<![\w-])(?:[a-z][\w-]+|[A-Z][a-z]+)\s+[a-z][\w-]+)" + _APPOSED_OPENING + r"[^,;—–]{5,160})"
)
# what every apposed gloss has after its term, found first: a sentence without it (nearly all) is
# not searched from each of its words for a term
_APPOSED_HINT = re.compile(_APPOSED_OPENING + ")")
_DASHES = ("-", "–", "—")  # a dashed gloss has one of these
# `the "one country, two systems" formula`: a quoted name for a policy
_QUOTED_NAME = re.compile(
    r"[\"“](?P<term>[^\"“”]{3,60})[\"”]\s+(?P<def>formula|policy|principle|doctrine|strategy|plan|rule|scheme)\b"
)


def find_glosses(article: Article) -> list[Gloss]:
    """Terms a story explains without an acronym: in dashes, in an apposition, in a sentence that
    says what the thing is, and a quoted name followed by what it is. The term must be a phrase
    of content words; the explanation must read as one (no figures, no quote, not `who ...`)."""
    out: list[Gloss] = []
    seen: set[str] = set()
    units = article.units  # (a property that builds its tuple on every read)
    lowered = " ".join(u.text for u in units).lower()
    for unit in units:
        text = unit.text
        found: list[tuple[str, str, int, int]] = []
        for m in _DASHED.finditer(text) if any(d in text for d in _DASHES) else ():
            last = _LAST_WORDS.search(text, 0, m.start())
            words = last.group(1).split() if last else []
            while any(w in _FUNCTION for w in words):  # the content words right before the dash
                words = words[max(i for i, w in enumerate(words) if w in _FUNCTION) + 1 :]
            definition = m.group("def").strip()
            first = definition.split()[0]
            if len(words) == 1 and re.search(
                r"\b(?:the|a|an|her|his|their|its|our|my|this)\s+$", text[: m.start() - len(words[0])], re.I
            ):
                continue  # `The decision - a major setback -`: an aside about a thing, not a term
            if (
                words
                and not any(c.isdigit() for c in definition)
                and first not in _NOT_DEFINITIONS
                and not first.endswith("ly")
            ):
                found.append((" ".join(words), definition, m.start() - len(" ".join(words)), m.end("def")))
        # (what it needs, a capital first and an `is` or `are`, looked for first)
        m2 = _COPULAR.match(text) if text[:1].isupper() and ("is" in text or "are" in text) else None
        if m2 and lowered.count(m2.group("term").lower()) > 1:
            found.append((m2.group("term"), m2.group("def").rstrip("."), 0, len(text)))
        for m in _APPOSED.finditer(text) if _APPOSED_HINT.search(text) else ():
            if m.group("term").split()[0] not in _FUNCTION:
                found.append((m.group("term"), m.group("def").strip(), m.start("term"), m.end("def")))
        for m in _QUOTED_NAME.finditer(text) if '"' in text or "“" in text else ():
            found.append((m.group("term"), f"a {m.group('def')} named in the story", m.start("term"), m.end("def")))
        for term, definition, start, end in found:
            key = term.lower()
            if key in seen or len(term) < 3 or not _term_like(term):
                continue
            seen.add(key)
            out.append(Gloss(term, definition[:1].upper() + definition[1:], Span(article.id, unit.id, start, end)))
    return out


def gloss_terms(glosses: Iterable[Gloss], taken: Iterable[Term] = ()) -> list[Term]:
    """Glosses as glossary terms (an acronym the story defines keeps its own entry)."""
    have = {t.term.lower() for t in taken} | {a.lower() for t in taken for a in t.aliases}
    return [
        Term(id=slugify(g.term) or "term", term=g.term, definition=g.definition, source="article", defined_at=g.span)
        for g in glosses
        if g.term.lower() not in have
    ]


PLURALS = ("s", "es")  # a glossary form is found, and linked, with these endings too
# A pattern of this many forms or fewer is searched only in a unit that holds one of them as a
# substring: a dozen substring tests cost less than one search of the unit; more, and they would not.
_SUBSTRING_CHECKS = 12


def match_key(form: str) -> str:
    """A glossary form as uses are matched: an acronym as written (`WHO`), any other folded (`who`)."""
    return form if form.isupper() else form.lower()


def surface_pattern(surfaces: Iterable[str]) -> re.Pattern[str] | None:
    """One alternation, longest first, inside word boundaries, plural `s` allowed; factored as a
    trie (`trie_pattern`): a flat alternation tries every form at every word, and a story that
    defines thousands of acronyms took seconds."""
    return _compiled(tuple(sorted({f for f in surfaces if f}, key=lambda f: (-len(f), f))))


@functools.lru_cache(maxsize=256)
def _compiled(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compiled once per set of forms: every article of a site shares the curated glossary."""
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(" + trie_pattern(forms) + r")(?:" + "|".join(PLURALS) + r")?(?![\w-])")


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
                key = match_key(form)
                if key not in owner:
                    owner[key] = t.id
                    forms.append(key)
        groups.append(forms)
    # each pattern with its forms; a pattern of a few forms is searched only in a unit that holds
    # one of them (a match's form is in the text as written), a scan saved in most units
    exact: list[tuple[re.Pattern[str], list[str]]] = []
    folded: list[tuple[re.Pattern[str], list[str]]] = []
    for forms in groups:
        for out, these in ((exact, [f for f in forms if f.isupper()]), (folded, [f for f in forms if not f.isupper()])):
            if pattern := surface_pattern(these):
                out.append((pattern, these if len(these) <= _SUBSTRING_CHECKS else []))
    uses: list[TermUse] = []
    inner: dict[str, list[str]] = {}
    starts = _first_words(owner)
    for unit in article.units:
        found: list[TermUse] = []
        # the spans already taken, disjoint and in order: a match overlaps one of them only if it
        # overlaps the last that starts before it ends (a lookup, not a scan of every span)
        taken_starts: list[int] = []
        taken_ends: list[int] = []
        lowered = unit.text.lower()
        for patterns, text in ((exact, unit.text), (folded, lowered)):
            matches = sorted(
                (m for p, few in patterns if not few or any(f in text for f in few) for m in p.finditer(text)),
                key=lambda m: (m.start(), -(m.end() - m.start())),
            )
            for m in matches:
                before = bisect_left(taken_starts, m.end())
                if before and taken_ends[before - 1] > m.start():
                    continue
                at = bisect_left(taken_starts, m.start())
                taken_starts.insert(at, m.start())
                taken_ends.insert(at, m.end())
                key = m.group(1)
                span = Span(article.id, unit.id, m.start(), m.end())
                found.append(TermUse(owner[key], span, unit.text[m.start() : m.end()]))
                found.extend(_nested(owner, owner[key], unit.text, m.start(), m.end(), span, inner, starts))
        uses.extend(sorted(found, key=lambda u: u.span.start))
    return uses


@dataclass(frozen=True, slots=True)
class _FormIndex:
    """The forms (`owner`'s keys) by their first word in lower case, each with its rank among the
    forms sharing that word: what `_nested` needs to find the forms inside a matched one from the
    matched text alone, in the order it reports them."""

    by_first: dict[str, list[str]]
    first_word: dict[str, str]
    rank: dict[str, int]


def _first_words(owner: dict[str, str]) -> _FormIndex:
    """Index the forms by their first word (see `_FormIndex`)."""
    by_first: dict[str, list[str]] = {}
    first_word: dict[str, str] = {}
    rank: dict[str, int] = {}
    for form in owner:
        first = _WORD.match(form.lower())
        if first:
            word = first.group(0)
            first_word[form] = word
            rank[form] = len(by_first.setdefault(word, []))
            by_first[word].append(form)
    return _FormIndex(by_first, first_word, rank)


_WORD = re.compile(r"[\w-]+")


def _nested(
    owner: dict[str, str],
    outer: str,
    text: str,
    start: int,
    end: int,
    span: Span,
    inner: dict[str, list[str]],
    starts: _FormIndex,
) -> list[TermUse]:
    """A longer term uses the shorter ones inside it: `UN Security Council resolutions`. `inner`
    caches, per matched form, the other forms it contains: those whose first word is one of its
    words and whose text is a piece of it, in the order of those words (and of the forms sharing a
    first word). Only the forms that start with one of its words are tried, so the work per
    matched form depends on its length, not on how many forms the site has."""
    out = []
    inside = text[start:end]
    key = match_key(inside)
    if key not in inner:
        words = {w: i for i, w in enumerate(dict.fromkeys(_WORD.findall(inside.lower())))}
        low = key.lower()
        found = [f for w in words for f in starts.by_first.get(w, ()) if len(f) < len(inside) and f.lower() in low]
        inner[key] = sorted(found, key=lambda f: (words[starts.first_word[f]], starts.rank[f]))
    for form in inner[key]:
        term_id = owner[form]
        if term_id == outer:
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
    """The acronyms an article defines, as glossary terms defined in its own words."""
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

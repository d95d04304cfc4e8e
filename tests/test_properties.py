"""Property-based tests (hypothesis) of the reader and every extractor.

Any text in, no exception out (an empty story is a `SeedError`); every span lies inside its
sentence; every figure's number agrees with the value as written. The text mixes wire-copy
pieces (names, titles, quotes, numbers with commas, qualifiers, dates, acronyms) with arbitrary
Unicode, so that both the rules and the edges of the rules are exercised.
"""

from __future__ import annotations

import html
import json
import math
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from explainer.editing.curation import Curation
from explainer.editing.merge import merge
from explainer.extraction.extract import extract
from explainer.extraction.quotemarks import quote_ranges
from explainer.extraction.reader import SeedError, parse
from explainer.extraction.sentences import MAX_SENTENCE, split_sentences
from explainer.extraction.vocabulary import NUMBER_WORDS
from explainer.extraction.vocabulary import QUALIFIERS as QUALIFIER_LIST
from explainer.model import Article, Findings, Span
from explainer.site.export import to_json
from explainer.site.markdown import fmt_date
from explainer.site.render import Renderer

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NAMES = ["Antony Blinken", "Kim", "Jane Doe", "Lloyd Austin", "Park Ji-won", "Sanne de Vries", "Сергей Лавров", "王毅"]
TITLES = ["US Secretary of State", "Foreign Minister", "President", "spokesman", "Mayor", "former energy minister"]
ORGS = ["United Nations", "UN Security Council", "Korea Monetary Authority", "AFP", "NATO", "Kanemori Holdings"]
PLACES = ["Washington", "Pyongyang", "North Korea", "Kursk region", "the North", "Russia", "Lima", "Beijing"]
QUALIFIERS = ["up to", "more than", "at least", "nearly", "about", "some", "roughly", "within", "above", "dozens of"]
UNITS = ["soldiers", "people", "percent", "%", "kilometers", "basis points", "missiles", "million", "billion yen"]
VERBS = ["said", "told reporters", "added", "warned", "stated that", "according to", "He said", "she added"]
DATES = ["Thursday", "on Monday", "November 5", "5 November 2024", "in June", "yesterday", "next Saturday", "2019"]
PUNCT = [". ", ", ", "; ", "? ", "! ", ": ", " (", ") ", "\n", "\n\n", " — ", "'s ", "’s "]
QUOTES = ['"', "“", "”", "'", "‘", "’", "«", "»", '""', "“”"]
ODD = ["U.S.", "No. 5", "Mr.", "a.m.", "Covid-19", "Apollo 11", "2nd", "©AFP", "---", "\r\n", "\t", "\x00", "\u200f",
       "\u202e", "\ufeff", "\u00a0", "(ICBM)", "intercontinental ballistic missile (ICBM)", "<script>", "{{ x }}",
       "[x](javascript:alert(1))", "**", "#", "|", "<!--", "&amp;"]  # fmt: skip


def _number() -> st.SearchStrategy[str]:
    ints = st.integers(min_value=0, max_value=10**13)
    return st.one_of(
        ints.map(lambda n: f"{n:,}"),
        ints.map(str),
        st.tuples(ints, st.integers(0, 999)).map(lambda t: f"{t[0]}.{t[1]}"),
        st.tuples(st.sampled_from(["$", "€", "£", "US$", "₩"]), ints).map(lambda t: f"{t[0]}{t[1]:,}"),
        st.sampled_from(["one", "five", "twelve", "a hundred", "thousands", "8,000", "1,2,3", "1.2.3", "10,00"]),
        st.text(alphabet="0123456789,.", min_size=1, max_size=30),
        st.text(alphabet="٠١٢٣٤٥٦٧٨٩０１２３𝟓", min_size=1, max_size=4),  # digits of other scripts
    )


_PIECE = st.one_of(
    st.sampled_from(NAMES + TITLES + ORGS + PLACES + QUALIFIERS + UNITS + VERBS + DATES + PUNCT + QUOTES + ODD),
    _number(),
    st.from_regex(r"[A-Z][a-z]{1,8}(?:-[a-z]{2,5})?", fullmatch=True),  # a capitalised word
    st.from_regex(r"[a-z]{1,10}", fullmatch=True),
    st.text(max_size=6),  # arbitrary Unicode, surrogates and controls included
)

_FRONT_MATTER = ["", "---\ndate: 2024-10-31\n---\n", "---\ndate: 0001-01-01\n---\n", "---\ndate: 9999-12-31\n---\n",
                 "---\ndate: 2025-02-29\n---\n", "---\ndate: 2024-13-45\n---\n", "---\ntitle: [1, 2]\nsource: AFP\n---\n",
                 "---\n", "---\n---\n", "---\n: :\n---\n", "\ufeff---\ndate: 2024-01-01\n---\n"]  # fmt: skip
FRONT = st.one_of(st.sampled_from(_FRONT_MATTER), st.dates().map(lambda d: f"---\ndate: {d.isoformat()}\n---\n"))


_WORDS = st.lists(
    st.sampled_from(["we", "will", "not", "back", "down", "troops", "the", "war", "is", "over"]), max_size=6
)


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    """One sentence shaped like wire copy: a titled name, a quote, a qualified figure, a date."""
    name = draw(st.sampled_from(NAMES))
    words = " ".join(draw(_WORDS))
    figure = f"{draw(st.sampled_from(QUALIFIERS))} {draw(_number())} {draw(st.sampled_from(UNITS))}"
    date = draw(st.sampled_from(DATES))
    q1, q2 = draw(st.sampled_from([('"', '"'), ("“", "”"), ('"', "”"), ("“", '"'), ('"', "")]))
    shapes = [
        f"{q1}{words},{q2} {name} {draw(st.sampled_from(VERBS))} {date}.",
        f"{draw(st.sampled_from(TITLES))} {name} said {date} that {figure} had {words}.",
        f"According to {draw(st.sampled_from(ORGS + PLACES))}, {figure} {words}.",
        f"{name} {draw(st.sampled_from(VERBS))} {q1}{figure} {words}{q2} {date}.",
        f"The North Atlantic Treaty Organization (NATO) and the {draw(st.sampled_from(ORGS))} met {date}.",
        f"He said {q1}{words}{q2}, and she added {q1}{words}.{q2}",
    ]
    return draw(st.sampled_from(shapes))


_PIECE = st.one_of(_PIECE, _sentence(), _sentence())


def _pieces_with(extra: list[str], max_size: int = 16) -> st.SearchStrategy[list[str]]:
    """Lists of the shared pieces and a test's own `extra` ones, for the test to join into a text."""
    return st.lists(st.one_of(_PIECE, st.sampled_from(extra)), max_size=max_size)


@st.composite
def wire_text(draw: st.DrawFn) -> str:
    """A headline line, then paragraphs built from wire-copy pieces and arbitrary Unicode."""
    pieces = draw(st.lists(_PIECE, max_size=80))
    joiners = draw(st.lists(st.sampled_from([" ", "", " ", "\n"]), min_size=len(pieces), max_size=len(pieces)))
    body = "".join(p + j for p, j in zip(pieces, joiners))
    return draw(FRONT) + draw(st.sampled_from(["Headline\n", "", "“Quoted Headline”\n"])) + body


TEXTS = st.one_of(wire_text(), st.text(), st.text(alphabet=st.characters(codec="utf-8"), max_size=400))


def read(text: str) -> Article | None:
    try:
        return parse(text, path="seeds/prop.txt").article
    except SeedError:
        return None


def check_span(article: Article, span: Span, what: str) -> str:
    """The span's sentence exists in the article and the offsets lie inside it; returns the covered text."""
    assert span.article == article.id, what
    sentence = article.sentence(span.sentence)  # KeyError: the sentence id does not exist
    assert 0 <= span.start <= span.end <= len(sentence.text), (what, span, sentence.text)
    return sentence.text[span.start : span.end]


def check_findings(f: Findings) -> None:
    a = f.article
    ids = [u.id for u in a.units]
    assert len(ids) == len(set(ids)), ids
    for u in a.units:
        assert u.text == u.text.strip() and u.text, repr(u.text)
        assert "\r" not in u.text and "\x00" not in u.text
    for m in f.mentions:
        assert check_span(a, m.span, "mention") == m.text
    actor_ids = {x.id for x in f.actors}
    assert len(actor_ids) == len(f.actors)
    assert {m.actor for m in f.mentions} <= actor_ids
    for q in f.quotes:
        covered = check_span(a, q.span, "quote")
        assert q.text and q.text in covered, (q.text, covered)
        assert q.speaker is None or q.speaker in actor_ids
    for use in f.term_uses:
        assert check_span(a, use.span, "term use") == use.text
    for t in f.terms:
        if t.defined_at:
            check_span(a, t.defined_at, "term definition")
    for e in f.events:
        assert check_span(a, e.span, "event") == e.when
        assert re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", e.date), e.date
        fmt_date(e.date)  # a real day or month, which the timeline page can print
    for fig in f.figures:
        for source in fig.sources:
            check_span(a, source.span, "figure source")
            assert source.claimant is None or source.claimant in actor_ids
        check_figure_number(a, fig.value, fig.number, fig.span)


_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)


def check_figure_number(article: Article, value: str, number: float | None, span: Span) -> None:
    """The value's digits are in its sentence, and `number` is what the value says: one of its
    numerals (commas removed) or number words, times a scale word (`1.2 trillion`)."""
    text = article.sentence(span.sentence).text
    flat = text.replace(",", "")
    for run in re.findall(r"\d+", value):
        assert run in text, (value, text)
    if number is None:
        return
    assert math.isfinite(number) and number >= 0, (value, number)
    said = [float(t.replace(",", "")) for t in re.findall(r"\d[\d,]*(?:\.\d+)?", value)]
    for t in re.findall(r"\d[\d,]*(?:\.\d+)?", value):
        assert t.replace(",", "") in flat, (value, text)
    low = value.lower()
    said += [float(n) for w, n in NUMBER_WORDS.items() if re.search(rf"\b{re.escape(w)}\b", low)]
    assert any(math.isclose(x * s, number, rel_tol=1e-9) for x in said for s in _SCALES), (value, number)


# -- the properties ---------------------------------------------------------------------------


@SETTINGS
@given(TEXTS)
@example("")
@example("\x00\x00")
@example("---\ndate: 2024-13-45\n---\nTitle\n\nBody.")  # a timestamp that is no date crashed the reader
@example("---\ndate: " + "[" * 2000 + "\n---\nTitle\n\nBody.")  # nesting past the recursion limit
@example("Title\n\n" + "Up to 1,000 people said " * 200)  # one unit of 5,000 characters
def test_parse_never_raises_and_ids_are_unique(text: str) -> None:
    article = read(text)
    if article is None:
        return
    ids = [u.id for u in article.units]
    assert len(ids) == len(set(ids))
    assert all(len(u.text) <= MAX_SENTENCE for u in article.sentences)


@SETTINGS
@given(TEXTS)
@example('Title\n\n"He said "nested "quotes" here" and" left.')
@example("Title\n\nThe agency said 9" + "9" * 400 + " people died.")  # float('9' * 400) is inf
@example("Headline\nAntony Blinken said five one0 ")  # the digit is in a word after the number word
@example("---\ndate: 9999-12-31\n---\nTitle\n\nIt ends tomorrow, next Friday or in January.")  # past year 9999
@example("---\ndate: 9999-12-30\n---\nTitle\n\nThe ship sailed yesterday and two weeks later it sank.")
@example("Title\n\nThe ship sailed on March 3, 2024 and 99999999999 days later it sank.")
@example("---\ndate: 0001-01-01\n---\nTitle\n\nIt began yesterday, last Sunday or in December.")  # before year 1
@example("Title\n\nIt began in May 0000.")  # year zero
@example("Title\n\nLavrov said 3 миллиарда rubles and ٣٠٠ soldiers and ５ tanks.")
@example("Title\n\n“Unclosed quote. He said. ” stray” and “ “ ” marks.")
def test_extractors_never_raise_and_spans_stay_inside_sentences(text: str) -> None:
    article = read(text)
    if article is None:
        return
    check_findings(extract(article))


@SETTINGS
@given(st.text(max_size=300))
def test_sentence_offsets_cover_the_line(line: str) -> None:
    bounds = split_sentences(line)
    last = 0
    for start, end in bounds:
        assert last <= start < end <= len(line)
        assert not line[start].isspace() and not line[end - 1].isspace()
        assert not line[last:start].strip()  # nothing but whitespace is dropped
        last = end
    assert not line[last:].strip()
    for r in quote_ranges(line):
        assert 0 <= r.open < r.start <= r.end <= r.stop <= len(line)


def test_overlong_unit_is_cut_at_a_space() -> None:
    words = "word " * 700
    bounds = split_sentences(words)
    assert len(bounds) > 1 and all(e - s <= MAX_SENTENCE for s, e in bounds)
    assert " ".join(words[s:e] for s, e in bounds) == words.strip()


@pytest.mark.parametrize("text", ["\x00", "\ufeff", "\u200f\u202e", " \n\t\r\n", "\u00a0"])
def test_blank_text_is_a_seed_error(text: str) -> None:
    with pytest.raises(SeedError, match="no story text found"):
        parse(text, path="seeds/blank.txt")


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wire_text())
@example("---\ndate: 9999-12-31\n---\nTitle\n\nIt ends tomorrow and in January, with 9" + "9" * 400 + " people.")
def test_any_story_renders_and_exports(text: str) -> None:
    """What the extractors found can be rendered into pages and exported as strict JSON."""
    article = read(text)
    if article is None:
        return
    story = merge([extract(article)], Curation(), [], [])
    pages = Renderer(story).pages()
    assert "stories/prop.md" in pages
    json.loads(to_json(story), parse_constant=_no_constant)


# the end-anchored patterns the rules read back with `search_before` (a sample of their shapes:
# words, a run of capitals, `^`, `\b` and a look-behind at the window's edge)
BEFORE_PATTERNS = [
    r"\b(?:in|near|from)\s+(?:the\s+)?$",
    r"([A-Z][\w-]*)\s+$",
    r"(?:^|[,;]\s+|\b(?:The|the)\s+)([A-Za-z][a-z]+)\s+(?:was|is)\s+$",
    r"(?<![\w-])[a-z]+,\s*$",
    r"[A-Z][\w]*-$|\w$",
]


@SETTINGS
@given(
    st.lists(
        st.sampled_from(["the ", "in ", "The ", "Harbour ", "was ", "is ", ", ", "x", "-", " ", "Q"]), max_size=120
    ),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(BEFORE_PATTERNS),
)
def test_search_before_finds_what_a_search_of_the_text_before_finds(pieces: list[str], end: int, pattern: str) -> None:
    # read back at most BEFORE characters, it finds the same match wherever that match is shorter
    from explainer.patterns import BEFORE, search_before

    text = "".join(pieces)
    end = min(end, len(text))
    whole = re.search(pattern, text[:end])
    found = search_before(pattern, text, end)
    if whole is not None and end - whole.start() <= BEFORE:
        assert found is not None and found.span() == whole.span() and found.groups() == whole.groups()
    elif whole is None:
        assert found is None


@SETTINGS
@given(
    st.lists(
        st.sampled_from(["a", "as", "ab", "abs", "b", "ba", "a b", "a-b", "es", "ABC"])
        | st.text(alphabet="abes -.", min_size=1, max_size=5),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.sampled_from(["a", "b", "ab", " ", "-", ".", "s", "es", "ba ", "ABC"]), max_size=40),
)
@example(["a", "as"], ["a", "s"])  # a form that is another one's plural: the longer form is the match
def test_a_term_pattern_matches_what_the_longest_first_alternation_matches(forms: list[str], pieces: list[str]) -> None:
    # the glossary's patterns are tries (`trie_pattern`); they must find exactly the matches of the
    # plain alternation, longest form first, that they replace: prefixes, plurals and boundaries
    from explainer.extraction.terms import PLURALS, surface_pattern

    text = "".join(pieces)
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    flat = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ordered)) + r")(?:" + "|".join(PLURALS) + r")?(?![\w-])")
    pattern = surface_pattern(forms)
    assert pattern is not None
    assert [(m.span(), m.group(1)) for m in pattern.finditer(text)] == [
        (m.span(), m.group(1)) for m in flat.finditer(text)
    ]


_TRIE_FORMS = st.lists(st.sampled_from(["a", "ab", "abs", "b", "ba", "a b", "-a", "é", "of"]), max_size=6)


@SETTINGS
@given(
    _TRIE_FORMS,
    _TRIE_FORMS,
    st.sampled_from([r"\w", r"[\w-]"]),
    st.lists(st.sampled_from(["a", "b", "ab", "abs", " ", "-", "é", "x", " of ", "\n", "s"]), max_size=30),
)
@example(["ab", "a"], ["abs"], r"\w", ["xab", " ", "abs", " of ", "a"])
@example(["-a"], [], r"\w", ["x", "-a", " ", "-a"])  # a form opening with no word character
@example(["a"], ["a b"], r"\w", ["a b", " of ", "x"])  # both match: the first group's form is found
def test_tries_opening_with_their_letters_find_what_a_look_behind_and_the_tries_found(
    first: list[str], second: list[str], not_after: str, pieces: list[str]
) -> None:
    # `tries_after` writes the look-behind after each first letter, so the engine skips to them
    from explainer.patterns import trie_pattern, tries_after

    groups = [(first, r"\b"), (second, r"\b(?=\s+of\s)")]
    text = "".join(pieces)
    plain = "|".join(f"(?<!{not_after})" + trie_pattern(forms) + tail for forms, tail in groups if forms)
    if not plain:
        return
    fast = re.compile(tries_after(groups, not_after))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


@SETTINGS
@given(
    st.lists(st.sampled_from(["ab", "AB", "ba", "a b", "ab-c", "abs", "B", "c"]), min_size=1, max_size=14),
    st.lists(st.sampled_from(["ab", "AB", "Ab", "ba", "a", "b", " ", "-", ". ", "s", "es", "c"]), max_size=30),
)
@example(["ab"] * 13, ["Ab", " ", "ab"])
def test_a_term_pattern_of_few_forms_is_searched_only_where_one_is_a_substring(
    forms: list[str], pieces: list[str]
) -> None:
    # `locate_uses` skips a unit that holds none of a small pattern's forms: the uses stay those
    # of a search of every unit
    from explainer.extraction import terms
    from explainer.model import Term

    body = "Text " + "".join(pieces).replace(". ", ".\n\n")
    article = parse("---\ntitle: T\n---\n\n" + body + "\n", path="t.txt").article
    story = [Term(id=f"t{i}", term=f, source="article") for i, f in enumerate(forms[: len(forms) // 2 or 1])]
    shared = [Term(id=f"c{i}", term=f, source="curated") for i, f in enumerate(forms[len(forms) // 2 :])]
    gated = terms.locate_uses(article, story, shared=shared)
    old, terms._SUBSTRING_CHECKS = terms._SUBSTRING_CHECKS, -1  # every pattern searched in every unit
    try:
        assert terms.locate_uses(article, story, shared=shared) == gated
    finally:
        terms._SUBSTRING_CHECKS = old


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [*'that which who while as after before when and but if with x - , ; : ( “ ” — – "'.split(), " "]
        ),
        max_size=20,
    ),
    st.integers(min_value=0, max_value=120),
)
@example(["x", " ", "that", " ", "y"], 6)
@example(["x", " ", "-", " ", "y"], 3)
def test_clause_openings_found_up_to_a_figure_are_those_of_the_whole_sentence(pieces: list[str], last: int) -> None:
    # `extract_figures` reads clause openings only up to its last figure
    from explainer.extraction.figures import _CLAUSE_OPEN

    text = "".join(pieces)
    whole = [m.end() for m in _CLAUSE_OPEN.finditer(text)]
    assert [m.end() for m in _CLAUSE_OPEN.finditer(text, 0, last)] == [end for end in whole if end <= last]


@SETTINGS
@given(st.text(alphabet="\"“”„«»'’‘`a ", max_size=30))
@example("''\"``’’‘‘’‘")
def test_the_quote_mark_pattern_finds_each_double_mark_and_each_pair_of_singles(text: str) -> None:
    # `_ANY_MARK` lists every mark as a literal: what a character class of the doubles, tried
    # after the pairs of singles, found
    from explainer.extraction.quotemarks import _ANY_MARK, DOUBLE_MARKS, PAIRED_SINGLES

    plain = re.compile("|".join(map(re.escape, PAIRED_SINGLES)) + "|[" + re.escape("".join(DOUBLE_MARKS)) + "]")
    assert [m.span() for m in _ANY_MARK.finditer(text)] == [m.span() for m in plain.finditer(text)]


@SETTINGS
@given(
    st.lists(
        st.sampled_from([*"may could likely reportedly said to be May Could x , .".split(), " ", "according to"]),
        max_size=10,
    )
)
@example(["may", " ", "x"])
def test_a_sentence_s_hedge_is_the_first_listed_that_it_has(pieces: list[str]) -> None:
    # `_hedge` skips a hedge's search where its words are not a substring: the first hedge listed
    # whose pattern the sentence matches, as a search of each found
    from explainer.extraction.figures import _ANY_HEDGE, _EACH_HEDGE, _hedge

    text = "".join(pieces)
    plain = next((h for h, p in _EACH_HEDGE if p.search(text)), None) if _ANY_HEDGE.search(text) else None
    assert _hedge(text) == plain


_BRACKET_PIECES = [*"Alpha beta O'Neil x-y U.S. , ( ) (AB) (ABs) (Ab) (ab) (ABCDEFGHs) (A) ſ".split(), " ", "  ", "\n"]


@SETTINGS
@given(st.lists(st.sampled_from(_BRACKET_PIECES), max_size=40))
@example(["Alpha", " ", "beta", " ", "(AB)", " ", "and", " ", "Gamma", " ", "(CD)"])
@example([*["Alpha", " "] * 9, "(AB)"])
@example(["x", " ", "(AB)", "(CD)", " ", "y", " ", "(EF)"])
def test_acronym_definitions_read_back_from_each_bracket_are_the_pattern_s_matches(pieces: list[str]) -> None:
    # `_definitions` reads `_DEFINED` back from each bracketed acronym: the same matches, in order
    from explainer.extraction.terms import _DEFINED, _definitions

    text = "".join(pieces)
    assert [(m.span(), m.groups()) for m in _definitions(text)] == [
        (m.span(), m.groups()) for m in _DEFINED.finditer(text)
    ]


_DATE_PIECES = [*DATES, "in a fortnight", "in 3 weeks", "two days later", "last month", "a key September meeting",
                "Sept. 4", "4th Jan", "TOMORROW", "on FRIDAY", "mid-March", "Mayor", "weekday", " ",
                "on FRİDAY", "yeſterday", "in a fortnıght"]  # fmt: skip


@SETTINGS
@given(_pieces_with([*_DATE_PIECES, "LAST", "MONTH", "Next", "ſunday", "thıs"], max_size=12))
@example(["on", " ", "FRİDAY"])
@example(["LAST", " ", "MONTH"])
def test_the_folded_date_patterns_find_the_dates_their_patterns_find(pieces: list[str]) -> None:
    # the case-insensitive date patterns are searched in lower case in the folded text, then
    # matched at each start: the same matches, words as written, as their own search
    from explainer.extraction.timeline import _FOLDED, _PATTERNS
    from explainer.patterns import fold

    text = "".join(pieces)
    assert set(_FOLDED) == {"weekday", "relative", "this_month"}
    for kind, pattern in _PATTERNS:
        if kind in _FOLDED:
            found = [pattern.match(text, m.start()) for m in _FOLDED[kind].finditer(fold(text))]
            assert all(found)
            assert [(m.span(), m.groups()) for m in found if m] == [
                (m.span(), m.groups()) for m in pattern.finditer(text)
            ]


@SETTINGS
@given(_pieces_with(_DATE_PIECES, max_size=12))
@example(["in 3 weeks"])  # each word of the hint, alone
@example(["in a fortnight"])
@example(["TOMORROW"])
@example(["last month"])
@example(["Sept. 4"])
def test_a_sentence_the_date_hint_skips_has_no_date(pieces: list[str]) -> None:
    # extract_events skips a sentence `_hinted` turns down: sound only if no date pattern could match it
    from explainer.extraction.timeline import _PATTERNS, _hinted

    text = "".join(pieces)
    if _hinted(text) is None:
        assert [kind for kind, pattern in _PATTERNS if pattern.search(text)] == []


@SETTINGS
@given(_pieces_with(_DATE_PIECES, max_size=12))
@example(["in 3 weeks"])
@example(["TOMORROW"])
@example(["THIS MONTH"])
@example(["Sept. 4"])
def test_a_date_pattern_skipped_for_want_of_its_words_has_no_match(pieces: list[str]) -> None:
    # extract_events tries a pattern only where its words are (`may_match`): sound only if a
    # pattern it skips could not match
    from explainer.extraction.timeline import _ANY_MONTH, _PATTERNS, hint_words, may_match
    from explainer.patterns import fold

    text = "".join(pieces)
    for kind, pattern in _PATTERNS:
        if pattern.search(text):
            assert may_match(kind, hint_words(fold(text)), _ANY_MONTH.search(text) is not None), kind


@SETTINGS
@given(
    _pieces_with(
        [*_DATE_PIECES, "on", "5th", "5", "\n", "\t", "  ", "in", "since", "mid-", "March", "2024"], max_size=14
    )
)
@example(["x", " ", "on", "\n", "5th", "  ", "March", " ", "2024"])  # two runs before the month
@example(["x", " ", "since", "March"])  # no space at all
@example(["Mayor", " ", "x", " ", "in", " ", "May", " ", "2024"])  # a month's name inside a word first
def test_a_month_pattern_searched_from_before_the_first_month_finds_what_it_found_from_the_start(
    pieces: list[str],
) -> None:
    # the patterns that need a month's name are searched from the two runs before the first one
    from explainer.extraction.timeline import _ANY_MONTH, _PATTERNS, scan_start

    text = "".join(pieces)
    month = _ANY_MONTH.search(text)
    for kind, pattern in _PATTERNS:
        pos = scan_start(kind, text, month.start() if month else None)
        assert [(m.span(), m.groups()) for m in pattern.finditer(text, pos)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)
        ], kind


_PHONES = ["0845 8 505", "(202) 555-0143", "+44 20 7946"]
_BEFORE_NUMBER = ["aged ", "son of", "kids over", "children  under\t"]


@SETTINGS
@given(
    st.lists(
        st.sampled_from([*_PHONES, *"call 0 05 0845 8 505 , . x 1 20 7946 - ( ) + / 9 11 2025".split(), " "]),
        max_size=16,
    )
)
@example(["0845", " ", "8", " ", "505", " ", "505"])
@example(["x", "0845", "-", "8", "-", "505"])
@example(["call", " ", "0845", " ", "8", " ", "505", " ", "505"])
def test_a_sentence_without_what_every_phone_number_has_has_none(pieces: list[str]) -> None:
    # `_may_have_phone` turns a sentence down only where `_PHONE` finds nothing
    from explainer.extraction.figures import _PHONE, _may_have_phone

    text = "".join(pieces)
    if _PHONE.search(text):
        assert _may_have_phone(text)


@SETTINGS
@given(
    _pieces_with(
        [*"US$5 xUS$5 A320 5% ٣ 9/11 3/14/2025 - , after As but. which;".split(), "a third", "at least", " ", *_PHONES]
    )
)
@example(_PHONES)
@example(["a", " ", "which;", " ", "after", ". ", "but", ", ", "As"])
def test_the_figure_pattern_matches_what_it_matches_without_its_start_check(pieces: list[str]) -> None:
    # `_START` only skips positions where no branch of FIGURE can begin: the matches stay the same;
    # so do `_PHONE_START` for the phone numbers and `_CLAUSE_START_AT` for where a date's clause opens
    from explainer.extraction.figures import _PHONE, _PHONE_START, _START, FIGURE
    from explainer.extraction.timeline import _CLAUSE_START, _CLAUSE_START_AT

    text = "".join(pieces)
    for pattern, start in ((FIGURE, _START), (_PHONE, _PHONE_START), (_CLAUSE_START, _CLAUSE_START_AT)):
        plain = re.compile(pattern.pattern.removeprefix(start), pattern.flags)
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)
        ]


@SETTINGS
@given(_pieces_with([*"US$5 Us$5 AT LEAST FIVE Dozens OF 5BN 3.5M 10KM ſix İ ı 5%".split(), "Tens of thousands", " "]))
@example(["AT LEAST", " ", "US$5", "BN"])
@example(["ſix", " ", "people"])
def test_the_folded_figure_pattern_finds_the_spans_figure_finds(pieces: list[str]) -> None:
    # figures are found in the folded text with FIGURE in lower case, then FIGURE is matched at
    # each: the same matches, parts and all, as FIGURE's own search of the text
    from explainer.extraction.figures import _FIGURE_FOLDED, FIGURE
    from explainer.patterns import fold

    text = "".join(pieces)
    found = [FIGURE.match(text, m.start()) for m in _FIGURE_FOLDED.finditer(fold(text))]
    assert [(m.span(), m.groupdict()) for m in found if m] == [(m.span(), m.groupdict()) for m in FIGURE.finditer(text)]
    assert all(found)


@SETTINGS
@given(
    _pieces_with(
        [
            *"A HALF Half-point ONE-THIRD Two-and-a-half ONE IN FIVE in 7 quarter QUARTERS tenth ſ İ ı of , - x5".split(),
            *["At least", "just over", "Within the next", " ", "  "],
        ]
    )
)
@example(["At least", " ", "A", " ", "HALF", " ", "of"])
@example(["ONE", " ", "IN", " ", "ſ"])
@example(["x5", "-and-a-half"])
@example(["(", "HALF", " ", "of", ",", "one-third", " ", "of"])
def test_the_folded_fraction_pattern_finds_the_spans_the_fraction_pattern_finds(pieces: list[str]) -> None:
    # fractions are found in the folded text with _FRACTION as written, behind a look-behind that
    # turns down the inside of words, then _FRACTION is matched at each: its own search's matches
    from explainer.extraction.figures import _FRACTION, _FRACTION_FOLDED
    from explainer.patterns import fold

    text = "".join(pieces)
    found = [_FRACTION.match(text, m.start()) for m in _FRACTION_FOLDED.finditer(fold(text))]
    assert [(m.span(), m.groupdict()) for m in found if m] == [
        (m.span(), m.groupdict()) for m in _FRACTION.finditer(text)
    ]
    assert all(found)


_MONTH_PIECES = [
    *"on On January Jan. Sept March May 5 12th 2025 in early mid- late since by x ſ İ ٣".split(),
    " ",
    ", ",
]


@SETTINGS
@given(_pieces_with(_MONTH_PIECES))
@example(["early", " ", "March", " ", "2025"])
@example(["by", " ", "Jan.", " ", "5", ", ", "2025"])
@example(["x", "on", " ", "5", " ", "May"])
@example(["٣", " ", "Sept", " ", "x"])
def test_each_date_pattern_matches_what_it_matches_without_its_start_check(pieces: list[str]) -> None:
    # the look-ahead a date pattern opens with only skips positions where it cannot begin
    from explainer.extraction.timeline import _PATTERNS

    text = "".join(pieces)
    gated = [(kind, p) for kind, p in _PATTERNS if p.pattern.startswith("(?=[")]
    assert {kind for kind, _ in gated} == {"mdy", "dmy", "month", "bare_month"}
    for _, pattern in gated:
        plain = re.compile(pattern.pattern[pattern.pattern.index("])") + 2 :], pattern.flags)
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ]


@SETTINGS
@given(st.one_of(_PIECE, st.text(), st.text(alphabet="&<>\\`*_{}[]#!|ab \u00e9")))
def test_escape_skips_only_text_neither_escape_would_change(text: str) -> None:
    # `escape` returns text with none of the characters either step rewrites as it is: the same
    # result as HTML-escaping and then backslash-escaping every string
    from explainer.site.markdown import _MD_ESCAPE, escape

    assert escape(text) == _MD_ESCAPE.sub(r"\\\1", html.escape(text, quote=False))
    assert type(escape(text)) is str  # never a `Markdown` string, which the templates print unescaped


# -- the extraction's faster formulations find what the plain ones found -------------------------

_WORDISH = st.lists(
    st.one_of(
        _PIECE,
        st.sampled_from(["O'Brien", "U.S.", "e.g.", "Amazon.com", "Colo.", "Doe's", "it’s", "a.m.", "ſ", "İ", "ı"]),
        st.text(alphabet="aZ.'’-_1 é,sHhTtQqFfOo", max_size=12),
    ),
    max_size=16,
)


@SETTINGS
@given(
    st.lists(st.text(alphabet="iksxy", min_size=1, max_size=3), min_size=1, max_size=4),
    st.text(alphabet="iksxyIKSXY\u0131\u017f\u0130\u212a\u0307 ", max_size=16),
)
@example(["i"], "İ")
@example(["sk"], "ſK")
def test_folded_text_matches_lower_case_words_where_ignorecase_matched(words: list[str], text: str) -> None:
    # `fold` keeps offsets and maps every letter `re.IGNORECASE` matches to an ASCII one onto it
    from explainer.patterns import fold

    pattern = "|".join(map(re.escape, words))
    folded, whole = re.search(pattern, fold(text)), re.search(pattern, text, re.IGNORECASE)
    assert len(fold(text)) == len(text)
    assert (folded and folded.span()) == (whole and whole.span())


@SETTINGS
@given(_WORDISH)
def test_the_token_pattern_matches_what_the_one_letter_at_a_time_pattern_matched(pieces: list[str]) -> None:
    # `_TOKEN` steps over runs of letters between joins; the same words, at the same offsets
    from explainer.extraction.annotate import _TOKEN

    text = "".join(pieces)
    plain = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w\-]|['’](?=\w)|\.(?=\w\.)|\.(?=(?:com|org|net|io)\b))*\.?")
    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in plain.finditer(text)]


@SETTINGS
@given(st.one_of(_WORDISH.map("".join), st.text()))
@example("5km km 1x x_x ½a a")
def test_tokens_start_where_the_token_pattern_read_them(text: str) -> None:
    # `tokenize` finds each word's start from the end of the one before instead of asking a match
    # object: that is where `finditer` read it, for every word of any text
    from explainer.extraction.annotate import _TOKEN, tokenize

    end = 0
    for m in _TOKEN.finditer(text):
        assert text.find(m.group(), end) == m.start()
        end = m.end()
    starts = {m.start() for m in _TOKEN.finditer(text)}
    for t in tokenize(text):
        assert t.start in starts and text[t.start : t.end] == t.text


@SETTINGS
@given(st.lists(st.one_of(_WORDISH.map("".join), st.text(max_size=20)), min_size=1, max_size=4))
@example(["Mayor Ana Lou Ren's bridge opened.", "ÉLAN and élan, 中文 x"])
def test_the_annotation_lists_the_capitalised_and_lower_case_words_its_tokens_have(texts: list[str]) -> None:
    # the actors read which words are capitalised and which are written in lower case from the
    # annotation, gathered as the words are read: the same as reading every token after
    from explainer.extraction.annotate import annotate
    from explainer.extraction.reader import parse

    body = "\n\n".join(t.replace("\n", " ").strip() or "x" for t in texts)
    article = parse(f"Title\n\n{body}\n", path="s.txt").article
    annotation = annotate(article)
    for unit in article.units:
        tokens = annotation.tokens[unit.id]
        assert annotation.capitals[unit.id] == tuple(k for k, t in enumerate(tokens) if t.text[:1].isupper())
    every = [t for tokens in annotation.tokens.values() for t in tokens]
    assert annotation.lower_words == {t.text for t in every if t.text[:1].islower()}


@SETTINGS
@given(_WORDISH)
@example(["HALF"])
@example(["One  in\tthree"])
@example(["a ", "Third"])
@example(["quarters"])
@example(["Fifths"])
@example(["a tenth"])
def test_the_fraction_hint_finds_what_the_case_insensitive_search_found(pieces: list[str]) -> None:
    # the hint is searched case-sensitively in the folded text (`patterns.fold`)
    from explainer.extraction.figures import _FRACTION_HINT, _may_have_fraction
    from explainer.patterns import fold

    text = "".join(pieces)
    plain = re.compile(r"half|third|quarter|fifth|tenth|one\s+in\s", re.IGNORECASE)
    found, whole = _FRACTION_HINT.search(fold(text)), plain.search(text)
    assert (found and found.span()) == (whole and whole.span())
    assert _may_have_fraction(fold(text)) == (whole is not None)  # the words looked for first, then the hint


@SETTINGS
@given(st.one_of(_WORDISH.map("".join), st.text()))
@example("ſix hundreds of İT")
@example("Dozens of")
def test_the_figure_hint_finds_a_figure_wherever_the_case_insensitive_pattern_did(text: str) -> None:
    # the hint reads digits in the text and number words in its folded text: the sentences it
    # turns down have no match of the case-insensitive pattern it replaced, and no figure
    from explainer.extraction.figures import _VAGUE, _WORDNUM, FIGURE, _figure_scan_start
    from explainer.patterns import fold

    plain = re.compile(r"\d|" + _WORDNUM + "|" + _VAGUE, re.IGNORECASE)
    start = _figure_scan_start(text, fold(text))
    assert (start is None) == (plain.search(text) is None)
    if start is None:
        assert FIGURE.search(text) is None
    else:
        assert [m.span() for m in FIGURE.finditer(text, start)] == [m.span() for m in FIGURE.finditer(text)]


@SETTINGS
@given(_pieces_with([*QUALIFIER_LIST, "within the  next", "$", "US$", '"', "“", "-", "5", "five", "5,000", "tens of"]))
@example(["no fewer than", " ", "“", "$", "5"])
@example(["within", " ", "the", "\t", "next", "  ", "five", " ", "days"])
@example(["x", " ", "as many as", "\n", '"', "US$", "5"])
@example(["five", " ", "of", " ", "us", " ", "met", " ", "the", " ", "5"])  # a number word before the digit
@example(["within the next", " ", "dozens", " ", "of", " ", "7", " ", "days"])  # a vague amount right before it
def test_the_figure_scan_starting_late_finds_every_figure_from_the_start(pieces: list[str]) -> None:
    # FIGURE is searched from the runs before a sentence's first number: a qualifier of the
    # longest kind, then a quote mark and currency sign glued to the number, is still found whole
    from explainer.extraction.figures import FIGURE, _figure_scan_start
    from explainer.patterns import fold

    text = "".join(pieces)
    start = _figure_scan_start(text, fold(text))
    whole = [m.span() for m in FIGURE.finditer(text)]
    assert whole == ([] if start is None else [m.span() for m in FIGURE.finditer(text, start)])


@SETTINGS
@given(_pieces_with([*VERBS, "said.", "unsaid", "saidx", "told_", "may", "likely"]))
def test_speech_verbs_and_hedges_are_found_as_word_by_word_reading_found_them(pieces: list[str]) -> None:
    # `_speech_verbs` and `_hedge` read with one trie each; word by word, the same verbs and hedge
    from explainer.extraction.figures import _hedge, _speech_verbs
    from explainer.extraction.vocabulary import HEDGES, SPEECH_VERBS

    text = "".join(pieces)
    words = [m for m in re.finditer(r"\b(\w+)\b", text) if m.group(1) in SPEECH_VERBS]
    assert [m.span(1) for m in _speech_verbs(text)] == [m.span(1) for m in words]
    hedge = next((h for h in HEDGES if h != "according to" and re.search(rf"\b{re.escape(h)}\b", text)), None)
    assert _hedge(text) == hedge


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [*"A b 9 - Covid x- \u00e9 _ , TURNſ between Ages x \u0130 turned".split(), " ", "\t", *_BEFORE_NUMBER]
        ),
        max_size=30,
    )
)
def test_what_is_read_right_before_a_number_is_what_a_search_back_found(pieces: list[str]) -> None:
    # `_is_excluded` reads one character or word back where its patterns can only match there
    from explainer.extraction.figures import _JUNK_BEFORE, _JUNK_LAST_WORDS, _glued_before
    from explainer.patterns import search_before, word_before

    text = "".join(pieces)
    for start in range(len(text) + 1):
        assert _glued_before(text, start) == (search_before(r"[A-Z][\w]*-$|\w$", text, start) is not None)
        if _JUNK_BEFORE.search(text, max(0, start - 200), start):
            assert text[start - 1 : start].isspace()
            assert word_before(text, start) in _JUNK_LAST_WORDS
        if search_before(r"\b([a-z]+)([- ])$", text, start):  # a unit word before the number
            assert text[start - 1 : start] in ("-", " ")


@SETTINGS
@given(
    st.lists(
        st.sampled_from([*"Ann Bo Ng dr. D'Arcy x-ray a, b; é 9 ( general chief".split(), " ", "  ", "\t", "\u00a0"]),
        max_size=24,
    )
)
@example(["a", " "] * 9)
@example(["Bo", " "] * 9)
@example(["x", *["Bo", " "] * 4, *["a", " "] * 3])  # seven runs: four capitalised, three lower-case
def test_a_role_before_a_name_is_found_from_the_last_seven_runs_as_from_anywhere(pieces: list[str]) -> None:
    # `_lower_case_title` searches its role patterns from `tail_start`, not from every position
    from explainer.extraction.actors import _ROLE_END, _ROLE_RUNS, _TITLE_END
    from explainer.patterns import tail_start

    text = "".join(pieces)
    for pattern in (_ROLE_END, _TITLE_END):
        found, whole = pattern.search(text, tail_start(text, _ROLE_RUNS)), pattern.search(text)
        assert (found and (found.span(), found.groups())) == (whole and (whole.span(), whole.groups()))


_BEFORE_PIECES = [*"Nov. Sept the The THESE all a an its shares stake listed in on at near x-ray magnitude- depth level of to said".split(),
                  "Apollo", "é", ",", " ", " ", "  ", "\t", "9", "Turnout", "was", "stood", "reached", ";", "THIS"]  # fmt: skip


@SETTINGS
@given(st.lists(st.sampled_from(_BEFORE_PIECES), max_size=24))
@example(["x", " ", "its", " ", "depth", " ", "level", " ", "of", " "])  # four runs
@example(["shares", "  ", "in", "\t"])
@example(["x", ",", " ", "Turnout", " ", "stood", " ", "at", " "])  # four runs, the first a comma's
def test_a_pattern_read_back_from_its_last_runs_finds_what_a_search_back_found(pieces: list[str]) -> None:
    # every `Before` of the extraction is searched from its last runs only: the same match as a
    # search from every position it reaches back to
    import importlib
    import pkgutil

    import explainer.extraction
    from explainer.patterns import Before

    befores = [
        value
        for info in pkgutil.iter_modules(explainer.extraction.__path__)
        for value in vars(importlib.import_module(f"explainer.extraction.{info.name}")).values()
        if isinstance(value, Before)
    ]
    assert len(befores) >= 10
    text = "".join(pieces)
    for before in befores:
        for end in range(len(text) + 1):
            found = before.search(text, end)
            whole = before.pattern.search(text, max(0, end - before.reach), end)
            assert (found and (found.span(), found.groups())) == (whole and (whole.span(), whole.groups()))


@SETTINGS
@given(
    _pieces_with(
        [
            *"said Foreign Ministry spokesman deputy Vice-president ex-(envoy CML 3rd O'Neil'".split(),
            "(",
            " ",
            "\t",
            "-",
        ]
    )
)
@example(["Vice-president", " "])
@example(["(", "deputy", " "])
@example(["3rd", " ", "deputy", "\t"])
@example(["CML", " ", "Deputy", " "])
@example(["acting", " ", "deputy-", " "])
def test_a_role_is_searched_for_only_where_the_words_before_a_name_end_in_a_lower_case_word(
    pieces: list[str],
) -> None:
    # `_lower_case_title` reads the last word first: where _ROLE_END matches, that word is there
    from explainer.extraction.actors import _ROLE_END, _ROLE_RUNS, _ROLE_WORD_BEFORE
    from explainer.patterns import tail_start

    tail = "".join(pieces)
    if _ROLE_END.search(tail, tail_start(tail, _ROLE_RUNS)) is not None:
        assert _ROLE_WORD_BEFORE.search(tail, len(tail)) is not None


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [*"cut raised its the a rate benchmark high record of to at by BY Of 25 basis".split(), " ", "  ", ","]
        ),
        max_size=20,
    )
)
@example(["cut", " ", "its", " ", "rate", " ", "to", " "])
@example(["the", " ", "record", " ", "of", "  "])
def test_a_clause_is_searched_for_a_setting_or_an_owner_only_where_it_ends_in_their_word(pieces: list[str]) -> None:
    # `_setting_label` and `_clause_label` read the word before the figure first: each pattern
    # can only match a clause that ends in one of its last words
    from explainer.extraction.figures import _OWNER_OF, _SETTING
    from explainer.patterns import word_before

    before = "".join(pieces)
    if _SETTING.search(before):
        assert word_before(before, len(before)) in ("to", "at", "by")
    if _OWNER_OF.search(before):
        assert word_before(before, len(before)) == "of"


_AFTER_PIECES = [
    *"5 2nd 10:30 a.m. G20 F-16s November Jan years-old -year -off of for in on per and-a-half -million".split(),
    *"km tonnes Five Counties , a the ago later also said told A x which ’s 's shares board".split(),
    *[" ", "  ", "-", ",", "’s"],
]


@SETTINGS
@given(st.lists(st.sampled_from(_AFTER_PIECES), max_size=16))
def test_a_pattern_read_at_an_offset_reads_what_it_read_on_the_rest_of_the_text(pieces: list[str]) -> None:
    # the rules that read after a number or a name match at its end instead of on a copy of the
    # rest of the sentence: sound only for patterns with no look-behind, `\b` or `^` at their start
    from explainer.extraction import actors, figures

    patterns = [
        *(figures._ORDINAL, figures._TIME, figures._GLUED_NAME, figures._MONTH_AFTER, figures._NEXT_WORD),
        *(figures._NEXT_CAPITAL, figures._JUNK_AFTER, figures._WHAT_AFTER, figures._AND_A_HALF),
        *(figures._HYPHEN_SCALE, figures._COMMA_SPACE, actors._NEXT_VERB, actors._ARTICLE_OPENING),
        figures._NUMBER_AFTER,
        figures._AFTER_AGE,
        *(actors._WHICH_AFTER, actors._ORG_POSSESSIONS, actors._NEXT_LOWER),
    ]
    text = "".join(pieces)
    for pattern in patterns:
        for at in range(len(text) + 1):
            here, rest = pattern.match(text, at), pattern.match(text[at:])
            assert (here and (here.end() - at, here.groups())) == (rest and (rest.end(), rest.groups()))


@SETTINGS
@given(st.lists(st.sampled_from([*_AFTER_PIECES, "ST", "Am", "GMT", "AGO", "ſt", "K"]), max_size=12))
@example([" ", "years", " ", "AGO"])
@example(["ST"])
def test_the_one_pattern_after_a_number_matches_where_one_of_its_checks_does(pieces: list[str]) -> None:
    # `_NUMBER_AFTER` joins five checks, each with its own case-sensitivity
    from explainer.extraction import figures

    checks = (figures._ORDINAL, figures._TIME, figures._GLUED_NAME, figures._MONTH_AFTER, figures._JUNK_AFTER)
    text = "".join(pieces)
    for at in range(len(text) + 1):
        joined = figures._NUMBER_AFTER.match(text, at) is not None
        assert joined == any(p.match(text, at) for p in checks), (text, at)


@SETTINGS
@given(st.lists(st.sampled_from([*"the a company website, ,x said Doe".split(), " ", "  ", "\t", ","]), max_size=16))
@example(["the", " ", "company", ",", " "])
def test_an_organisation_noun_before_a_name_is_searched_for_only_after_a_comma(pieces: list[str]) -> None:
    # `_reclassify` searches back for `the company, X` only where a comma is the last thing before X
    from explainer.extraction.actors import _ORG_NOUN_BEFORE, _after_comma
    from explainer.patterns import search_before

    text = "".join(pieces)
    for end in range(len(text) + 1):
        if search_before(_ORG_NOUN_BEFORE, text, end):
            assert _after_comma(text, end)


_SEGMENT = st.sampled_from(["stories", "actors", "a", "b", "index.md", "x.md", "page", "2", "glossary"])


@SETTINGS
@given(st.lists(_SEGMENT, min_size=1, max_size=5), st.lists(_SEGMENT, max_size=4))
def test_relative_paths_are_what_posixpath_relpath_gives(target: list[str], folder: list[str]) -> None:
    # `sitemap._relpath` works on the parts of normalised source paths, without the OS
    import posixpath

    from explainer.site.sitemap import _relpath

    to_src, start = "/".join(target), "/".join(folder) or "."
    assert _relpath(to_src, start) == posixpath.relpath(to_src, start)


@SETTINGS
@given(
    st.lists(st.sampled_from(["Ana", "Ana Lou", "Lou Ren", "Ana Lou Ren", "UN", "a-b", "Ed", "éa"]), min_size=1),
    st.lists(
        st.sampled_from(["Ana", " Lou", " Ren", "UN", "x", "-", " ", "_", "Ed", "é", "éa", "a-b", "s", "Lou Ren"]),
        max_size=30,
    ),
)
@example(["Ana Lou Ren", "Lou Ren"], ["x", "Ana", " Lou", " Ren"])  # a form inside a word, another after it
def test_the_linker_finds_the_whole_word_forms_its_lookbehind_pattern_found(
    forms: list[str], pieces: list[str]
) -> None:
    # `LinkIndex.mentions` checks the word start in Python instead of a lookbehind at the head of
    # the pattern: it must find exactly the forms that `(?<![\w-])form(?![\w-])` finds
    from explainer.patterns import trie_pattern
    from explainer.site.linker import LinkIndex, Target

    index = LinkIndex((f, Target(f"{f}.md", f)) for f in forms)
    text = "".join(pieces)
    whole = re.compile(r"(?<![\w-])" + trie_pattern(index.targets) + r"(?![\w-])")
    assert [m.span() for m in index.mentions(text)] == [m.span() for m in whole.finditer(text)]

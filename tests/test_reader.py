"""The reader on the seed and on the layouts wire copy arrives in."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEED
from explainer.diagnostics import Diagnostic
from explainer.extraction.reader import SeedError, decode, is_byline, is_subhead, parse, read_seed
from explainer.extraction.sentences import MAX_SENTENCE, split_sentences


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return read_seed(SEED).article


def test_seed_metadata(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.title == "US Claim Thousands of North Koreans Preparing to Fight in Ukraine"
    assert seed.date == dt.date(2024, 10, 31)
    assert seed.source == "AFP"
    assert seed.language == "en"
    assert seed.byline == "Léon Bruneu with Claire Lee with AFP"


def test_seed_caption_and_credit(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.caption is not None
    assert seed.caption.text.startswith("US Secretary of State Antony Blinken (2nd R)")
    assert seed.caption.text.endswith("South Korean Defense Minister Kim Yong-hyun")
    assert seed.credit == "SAUL LOEB / AFP"


def test_seed_subheads_and_boilerplate(seed) -> None:  # type: ignore[no-untyped-def]
    subheads = [b.sentences[0].text for b in seed.blocks if b.kind == "subhead"]
    assert subheads == ["Real Escalation", "Distract Attention"]
    text = " ".join(s.text for s in seed.sentences)
    assert "Comments" not in text
    assert "No comment yet" not in text
    assert "Léon Bruneu" not in text


def test_seed_sentence_boundaries(seed) -> None:  # type: ignore[no-untyped-def]
    texts = [s.text for s in seed.sentences]
    assert len(texts) == 19
    # "U.S." does not end a sentence; "5,500" is one number; quotes stay whole
    assert texts[0].endswith("just days before the U.S. elections.")
    assert any("at least 5,500 kilometers" in t for t in texts)
    assert texts[7].startswith("Earlier Thursday") and texts[8].startswith('"I think the reaction')
    assert [s.id for s in seed.sentences] == [f"s{i}" for i in range(1, 20)]


def test_seed_without_front_matter_reads() -> None:
    text = "Headline here\n\nFirst paragraph. Second sentence.\n\nJane Doe with AFP\n"
    article = parse(text, path="x.txt").article
    assert article.date is None and article.title == "Headline here"
    assert [s.text for s in article.sentences] == ["First paragraph.", "Second sentence."]
    assert article.byline == "Jane Doe with AFP"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith arrived. He left.", ["Mr. Smith arrived.", "He left."]),
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        (
            '"We are ready. We will act," she said. Then she left.',
            ['"We are ready. We will act," she said.', "Then she left."],
        ),
        ("The U.N. envoy arrived in Gaza. Talks began.", ["The U.N. envoy arrived in Gaza.", "Talks began."]),
        ("Is it over? No. It goes on!", ["Is it over?", "No.", "It goes on!"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_subhead_and_byline_detection() -> None:
    assert is_subhead('"Real Escalation"')
    assert not is_subhead("The United States revealed Thursday that troops moved.")
    assert is_byline("Léon Bruneu with Claire Lee with AFP")
    assert is_byline("By Jane Doe")
    assert not is_byline("Talks resumed on Monday with officials.")


def test_a_sentence_case_subhead_between_paragraphs_is_a_subhead() -> None:
    text = (
        "Ferry service cut\n\nThe island ferry will run twice a week, the operator said.\n"
        "Costs keep rising\nFuel now costs twice what it did, the operator said.\n"
        "Harbour staff were told on Friday\n"
    )
    blocks = parse(text, path="ferry.txt").article.blocks
    assert [(b.kind, b.sentences[0].text) for b in blocks] == [
        ("paragraph", "The island ferry will run twice a week, the operator said."),
        ("subhead", "Costs keep rising"),
        ("paragraph", "Fuel now costs twice what it did, the operator said."),
        ("paragraph", "Harbour staff were told on Friday"),  # last line: no paragraph follows it
    ]
    # a line that lost its full stop but ends in a quote, or runs long, stays a paragraph
    quoted = parse('T\n\nOne line here.\n"We will stay," she said\nTwo.\n', path="q.txt").article.blocks
    assert [b.kind for b in quoted] == ["paragraph", "paragraph", "paragraph"]


def test_empty_and_binary_seeds_are_errors_naming_the_file() -> None:
    with pytest.raises(SeedError, match=r"empty\.txt"):
        parse("  \n\n ", path="empty.txt")
    with pytest.raises(SeedError, match=r"bin\.txt"):
        decode(b"\x00\x01\x02", "bin.txt", [])


def test_windows_1252_and_bom_and_crlf() -> None:
    warnings: list[Diagnostic] = []
    assert decode("café".encode("cp1252"), "old.txt", warnings) == "café"
    assert warnings and warnings[0].path == "old.txt"
    assert decode("\ufeffHi".encode(), "bom.txt", []) == "Hi"
    article = parse("Title\r\n\r\nOne. Two.\r\n", path="crlf.txt").article
    assert [s.text for s in article.sentences] == ["One.", "Two."]


def test_bad_front_matter_warns_with_file_and_line() -> None:
    result = parse("---\ndate: [oops\n---\nTitle\n\nBody text here.\n", path="seeds/bad.txt")
    assert result.article.title == "Title"
    assert any(w.startswith("seeds/bad.txt:") and "YAML" in w for w in map(str, result.warnings))
    result = parse("---\ndate: 2024-01-02\ncolour: red\n---\nTitle\n\nBody.\n", path="seeds/k.txt")
    assert any(w.startswith("seeds/k.txt:3: unknown front-matter key 'colour'") for w in map(str, result.warnings))
    result = parse("---\nsorce: AP\n---\nTitle\n\nBody.\n", path="seeds/t.txt")
    assert any(
        w.startswith("seeds/t.txt:2: unknown front-matter key 'sorce' (did you mean 'source'?)")
        for w in map(str, result.warnings)
    )


def test_dateline_is_story_metadata_not_text() -> None:
    a = parse("Headline\n\nHARBOR CITY (Reuters) — Ana Ruiz said the port would reopen.\n", path="s.txt").article
    assert a.dateline is not None and a.dateline.text == "HARBOR CITY (Reuters)"
    assert a.sentences[0].text == "Ana Ruiz said the port would reopen."
    assert a.source == "Reuters"


def test_dateline_with_a_date_and_agency_only() -> None:
    a = parse("Headline\n\nLISBON, March 3 (Reuters) - Rates held.\n", path="s.txt").article
    assert a.dateline is not None and a.dateline.text == "LISBON, March 3 (Reuters)"
    a = parse("Headline\n\n(Reuters) — Rates held.\n", path="s.txt").article
    assert a.dateline is not None and a.sentences[0].text == "Rates held."


@pytest.mark.parametrize(
    ("paragraph", "dateline", "first"),
    [
        ("Santa Marela (AFP) - Rates held.", "Santa Marela (AFP)", "Rates held."),
        ("Vila do Porto, Norland (AP) — Rates held.", "Vila do Porto, Norland (AP)", "Rates held."),
        # capitalised words and a bracket that is no agency open a sentence, not a dateline
        ("Jane Doe (D) - a lawmaker - spoke.", None, "Jane Doe (D) - a lawmaker - spoke."),
        (
            "Harbor Lights (Remastered) - the album - sold out.",
            None,
            "Harbor Lights (Remastered) - the album - sold out.",
        ),
    ],
)
def test_a_dateline_in_title_case_before_a_known_agency(paragraph: str, dateline: str | None, first: str) -> None:
    a = parse(f"Headline\n\n{paragraph}\n", path="s.txt").article
    assert (a.dateline.text if a.dateline else None) == dateline
    assert a.sentences[0].text == first


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "A crane lifts a boat in the harbour. (AP Photo/Jane Roe)",
            "A crane lifts a boat in the harbour.",
            "AP Photo/Jane Roe",
        ),
        ("A crane at work (Image: AGENCY)", "A crane at work", "Image: AGENCY"),
        ("A crane at work. (JANE ROE/HARBOUR PICTURES)", "A crane at work.", "JANE ROE/HARBOUR PICTURES"),
        ("Researchers looked at cranes. Getty", "Researchers looked at cranes.", "Getty"),
        ("Above: A crane in the harbour.", "A crane in the harbour.", None),
    ],
)
def test_captions_without_a_copyright_sign(line: str, caption: str, credit: str | None) -> None:
    a = parse(f"Headline\n{line}\n\nThe port reopened on Monday.\n", path="s.txt").article
    assert a.caption is not None and (a.caption.text, a.credit) == (caption, credit)
    assert a.sentences[0].text == "The port reopened on Monday."


def test_a_first_paragraph_longer_than_any_caption_is_story_text_even_if_it_ends_like_a_credit() -> None:
    # it was read as one caption of any length, never split into sentences (nor cut at MAX_SENTENCE)
    paragraph = "The ferry sailed at dawn. " * (MAX_SENTENCE // 26 + 1) + "It docked at noon (PORT AUTHORITY)"
    a = parse(f"Headline\n\n{paragraph}\n", path="s.txt").article
    assert a.caption is None and a.credit is None
    assert a.sentences[0].text == "The ferry sailed at dawn."
    assert a.sentences[-1].text == "It docked at noon (PORT AUTHORITY)"
    short = parse("Headline\n\nThe ferry at dawn (PORT AUTHORITY)\n\nIt docked.\n", path="s.txt").article
    assert short.caption is not None and short.credit == "PORT AUTHORITY"  # a caption-sized line still is one

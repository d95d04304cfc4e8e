"""The reader's explainer, page by page, on a two-story site of our own (built in-process).

Each story gets its own explainer under its text; the home page leads with the latest story;
profiles open with role and affiliation and list quotes with their story and cue as written;
one thing gets one page; corrections, the About page and "last updated" make the site trustworthy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import assert_follows_schema
from explainer.pipeline import Site, build_site, link_index
from explainer.site.export import story_to_dict
from explainer.site.markdown import cue_as_written, quotation, typographic
from explainer.site.sitemap import ABOUT, ACTORS, CORRECTIONS, GLOSSARY, HOME, actors_title, term_pages
from explainer.site.structured import JsonLd
from explainer.site.trust import Publisher

OLDER = """---
date: 2025-04-01
source: AP
byline: Mara Quill
---
Harbour Board Delays Dredging Plan

The port director, Ines Calloway of the Norland Harbour Board, said on Monday that the dredging would start on April 14.

"We need the survey first," Calloway told reporters in Lindholm.

The work will cost about 40 million dollars, the board said.

Denmark's transport minister, Piet Varga, said the delay was "regrettable but sensible".
"""

NEWER = """---
date: 2025-05-06
source: Reuters
byline: Tomas Erl
corrections:
  - date: 2025-05-08
    text: An earlier version gave the wrong day for the vote.
---
Council Backs "Green Harbour" Plan

Lindholm's city council voted on Tuesday to back the plan, Mayor Ana Ruiz said.

"This is the start, not the end," Ruiz said, adding that work on the quays would begin in June.

"Green" Fears

Piet Varga, Denmark's transport minister, welcomed the vote. "The ships will wait," he said.
"""

BOARD_TERM = """---
term: Norland Harbour Board
---
The public body that runs the port of Lindholm.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("two-stories")
    (root / "seeds").mkdir()
    (root / "seeds" / "dredging.txt").write_text(OLDER, encoding="utf-8")
    (root / "seeds" / "council.txt").write_text(NEWER, encoding="utf-8")
    (root / "docs" / "glossary").mkdir(parents=True)
    (root / "docs" / "glossary" / "norland-harbour-board.md").write_text(BOARD_TERM, encoding="utf-8")
    return build_site(
        root / "seeds",
        root / "docs",
        site_name="Harbour explainer",
        publisher=Publisher("Lindholm Desk", "fixes@example.org"),
    )


def section(page: str, heading: str) -> str:
    """The Markdown under a heading, up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    after = page.split(heading, 1)[1]
    stop = re.search(rf"^#{{1,{len(level)}}} ", after, re.M)
    return after[: stop.start()] if stop else after


# -- several stories: each its own explainer, the home page leads with the latest -------------


def test_each_story_page_carries_its_own_explainer(site: Site) -> None:
    page = site.pages["stories/council.md"]
    explained = page.split("## This story explained", 1)[1]
    people = section(explained, "### Who's who")
    # grouped by side: the minister under the country he speaks for, the mayor with no side
    assert re.search(r"\*\*\[Denmark\]\(\.\./actors/denmark\.md\)\*\*.*Piet Varga", people, re.S)
    assert "[Ana Ruiz](../actors/ana-ruiz.md), Mayor" in people
    timeline = section(explained, "### Timeline")
    assert '<strong class="explainer-when">Tuesday 6 May 2025</strong>' in timeline
    # the quays are due in June, after the story's date: scheduled, not yet happened
    june = timeline.split("June 2025")[1].split("-   ")[0]
    assert '<span class="explainer-scheduled">Scheduled</span>' in june
    assert "would begin **in June**" in june
    assert "Scheduled" not in timeline.split("June 2025")[0]
    # the older story's figures are its own, not the newer one's
    older = site.pages["stories/dredging.md"].split("## This story explained", 1)[1]
    assert "about 40 million dollars" in section(older, "### Key figures")
    assert "### Key figures" not in explained


def test_home_leads_with_the_latest_story_and_lists_the_others(site: Site) -> None:
    home = site.pages[HOME]
    assert home.startswith("---\n") and "# Harbour explainer" in home
    lead = home.split('<p class="explainer-kicker">Latest story</p>', 1)[1].split("## More stories")[0]
    assert "## [Council Backs “Green Harbour” Plan](stories/council.md)" in lead  # typographic quotes
    assert "Tuesday 6 May 2025 · Reuters · By Tomas Erl" in lead  # date, wire source and byline
    assert "Lindholm's city council voted on Tuesday" in lead
    more = section(home, "## More stories")
    assert "[**Harbour Board Delays Dredging Plan**](stories/dredging.md) · Tuesday 1 April 2025 · AP" in more
    assert "[All 2 stories](stories/index.md)" in more


# -- profiles ---------------------------------------------------------------------------------


def test_a_profile_opens_with_role_and_affiliation_and_no_filler(site: Site) -> None:
    profile = site.pages["actors/piet-varga.md"]
    head = profile.split("# Piet Varga", 1)[1].split("##", 1)[0]
    assert "Denmark's transport minister · [Denmark](denmark.md)\n{: .explainer-role }" in head
    for filler in ("**Person**", "Person ·", "**Place**", "**Organisation**"):
        assert filler not in profile
    place = site.pages["actors/lindholm.md"]
    assert "Place" not in place.split("# Lindholm", 1)[1].split("##", 1)[0]  # nothing to say: no line at all


def test_quotes_newest_first_with_story_date_and_the_cue_as_written(site: Site) -> None:
    quotes = section(site.pages["actors/piet-varga.md"], "## Quotes (newest first)")
    newer, older = quotes.index("The ships will wait"), quotes.index("regrettable but sensible")
    assert newer < older
    assert "— said, in *[Council Backs “Green Harbour” Plan](../stories/council.md)*, Tuesday 6 May 2025 · " in quotes
    told = section(site.pages["actors/ines-calloway.md"], "## Quotes")
    assert "— told reporters, in *[Harbour Board Delays" in told  # whom it was told, as the story wrote it
    ruiz = section(site.pages["actors/ana-ruiz.md"], "## Quotes")
    assert "> “This is the start, not the end”" in ruiz


@pytest.mark.parametrize(
    ("cue", "sentence", "shown"),
    [
        ("told", '"We will," Jo Ark told AFP on Friday.', "told AFP"),
        ("told", "Jo Ark told a news conference in Oslo that it was over.", "told a news conference"),
        ("adding", 'warned Ark, adding that "it is late"', "added"),
        ("saying", "declining to comment, saying only that", "said"),
        ("replying", "replying that", "replied"),
        (
            "according to",
            'The move was "historic," according to the state broadcaster NRK.',
            "according to the state broadcaster NRK",
        ),
        ("according to", "according to", ""),  # no source written: nothing rather than a bare cue
        ("said", "x", "said"),
        ("claimed", "x", "claimed"),  # never upgraded, never downgraded: the verb as written
        (None, "x", ""),
    ],
)
def test_cue_as_written(cue: str | None, sentence: str, shown: str) -> None:
    assert cue_as_written(cue, sentence) == shown


# -- words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ('A "crucial" test', "A “crucial” test"),
        ('"Real Escalation"', "“Real Escalation”"),
        ("Putin's war", "Putin’s war"),
        ('more than "1,000 missiles"', "more than “1,000 missiles”"),
        ("no marks at all", "no marks at all"),
        ("('quoted')", "(‘quoted’)"),
    ],
)
def test_typographic_marks(text: str, printed: str) -> None:
    assert typographic(text) == printed


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ('"We expect this to happen', "We expect this to happen"),  # no doubled mark: “"We …
        ('It was "zero", he said', "It was ‘zero’, he said"),  # a quotation inside a quote: single marks
        ("plain words", "plain words"),
    ],
)
def test_a_quotation_prints_inside_the_pages_own_marks(text: str, printed: str) -> None:
    assert quotation(text) == printed


def test_headings_print_typographic_quotes_and_a_quoted_word_keeps_its_marks(site: Site) -> None:
    page = site.pages["stories/council.md"]
    assert "# Council Backs “Green Harbour” Plan" in page
    assert "## “Green” Fears" in page  # a subhead in Title Case with a quoted word is a subhead
    assert '"Green"' not in section(site.pages["actors/ana-ruiz.md"], "## Quotes")


# -- links: one thing, one page ---------------------------------------------------------------


def test_an_actor_that_is_also_a_glossary_term_gets_one_page(site: Site) -> None:
    assert "glossary/norland-harbour-board.md" not in site.pages
    profile = site.pages["actors/norland-harbour-board.md"]
    assert '!!! info "From the glossary"' in profile and "The public body that runs the port" in profile
    assert "[**Norland Harbour Board**](../actors/norland-harbour-board.md)" in site.pages[GLOSSARY]
    target = link_index(site.story, term_pages(site.story)).targets["Norland Harbour Board"]
    assert target.page == "actors/norland-harbour-board.md"
    data = story_to_dict(site.story)
    assert_follows_schema(data)  # corrections and all
    assert data["articles"][1]["corrections"] == [
        {"date": "2025-05-08", "text": "An earlier version gave the wrong day for the vote."}
    ]
    term = next(t for t in data["terms"] if t["id"] == "norland-harbour-board")
    assert term["url"] == "actors/norland-harbour-board/"


# -- trust -------------------------------------------------------------------------------------


def test_a_correction_is_shown_listed_and_dated(site: Site) -> None:
    page = site.pages["stories/council.md"]
    note = '!!! warning "Correction, Thursday 8 May 2025"\n\n    An earlier version gave the wrong day for the vote.'
    assert note in page
    assert page.index(note) < page.index('id="s1"')  # at the top, before the text it corrects
    listing = site.pages[CORRECTIONS]
    assert "**Thursday 8 May 2025** · [Council Backs" in listing
    data = JsonLd(site.story, "https://example.org/").page("stories/council.md", "stories/council/")
    assert data is not None
    assert data["dateModified"] == "2025-05-08" and data["datePublished"] == "2025-05-06"
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version gave the wrong day for the vote.",
            "datePublished": "2025-05-08",
        }
    ]


def test_corrections_page_says_so_when_there_are_none(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(OLDER, encoding="utf-8")
    built = build_site(tmp_path / "seeds", None)
    assert "No corrections have been made so far." in built.pages[CORRECTIONS]


@pytest.mark.parametrize(
    "value",
    ["corrections: yesterday", "corrections: [{date: soon, text: x}]", "corrections: [{date: 2025-01-02}]"],
)
def test_a_malformed_correction_is_one_warning_naming_file_and_line(tmp_path: Path, value: str) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(
        f"---\ndate: 2025-01-03\n{value}\n---\nTitle\n\nA line.\n", encoding="utf-8"
    )
    built = build_site(tmp_path / "seeds", None)
    (problem,) = built.diagnostics
    warning = str(problem)
    assert warning.startswith("seeds/a.txt:3: correction 1 needs a date (YYYY-MM-DD) and a text, such as ")
    assert built.story.articles[0].corrections == ()


def test_a_curated_profile_takes_corrections_too(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(OLDER, encoding="utf-8")
    (tmp_path / "docs" / "actors").mkdir(parents=True)
    (tmp_path / "docs" / "actors" / "piet-varga.md").write_text(
        "---\nrole: transport minister\ncorrections:\n  - {date: 2025-04-03, text: His role was wrong.}\n---\n",
        encoding="utf-8",
    )
    built = build_site(tmp_path / "seeds", tmp_path / "docs")
    assert built.diagnostics == ()
    assert '!!! warning "Correction, Thursday 3 April 2025"' in built.pages["actors/piet-varga.md"]
    assert "[Piet Varga](actors/piet-varga.md): His role was wrong." in built.pages[CORRECTIONS]
    updated = built.pages["actors/piet-varga.md"].rsplit('class="explainer-updated"', 1)[1]
    assert 'datetime="2025-04-03"' in updated  # the correction is the page's last change


def test_every_page_says_when_it_was_last_updated(site: Site) -> None:
    for src, page in site.pages.items():
        assert '<p class="explainer-updated">Last updated <time datetime="' in page, src
    story = site.pages["stories/dredging.md"]
    assert 'datetime="2025-04-01">Tuesday 1 April 2025</time>' in story  # its own date
    assert 'datetime="2025-05-08"' in site.pages["stories/council.md"]  # its correction's date
    assert 'datetime="2025-05-08"' in site.pages[HOME]  # the site's newest change
    # a profile changes when a story that mentions it does
    assert 'datetime="2025-04-01"' in site.pages["actors/ines-calloway.md"]


def test_about_page_says_how_it_is_made_who_publishes_it_and_where_to_ask(site: Site) -> None:
    about = site.pages[ABOUT]
    assert "built from the text of 2 wire stories" in about
    assert "[Council Backs “Green Harbour” Plan](stories/council.md) · Reuters · Tuesday 6 May 2025" in about
    assert "## How it is made" in about and "checked and corrected by\neditors" in about
    assert "published by **Lindholm Desk**{ .explainer-nolink }" in about
    assert "please write to [fixes@example.org](mailto:fixes@example.org)" in about
    assert "[Corrections](corrections.md)" in about


@pytest.mark.parametrize(
    ("publisher", "contact"),
    [
        (Publisher(), "contact the editors who publish it"),
        (Publisher(corrections="https://example.org/fix"), "use [this page](https://example.org/fix)"),
        (
            Publisher(repo_url="https://github.com/acme/site"),
            "[https://github.com/acme/site](https://github.com/acme/site/issues)",
        ),
    ],
)
def test_about_page_defaults(publisher: Publisher, contact: str) -> None:
    assert contact in publisher.contact()


def test_publisher_from_mkdocs_extra() -> None:
    got = Publisher.from_config({"publisher": " Desk ", "corrections": "a@b.org"}, None)
    assert got == Publisher("Desk", "a@b.org", None)
    assert Publisher.from_config(None, "https://x.org") == Publisher(None, None, "https://x.org")
    assert Publisher.from_config({"publisher": ["not", "text"]}) == Publisher()


def test_quotes_carry_quotation_json_ld_with_their_creator(site: Site) -> None:
    data = JsonLd(site.story, "https://example.org/").page("stories/dredging.md", "stories/dredging/")
    assert data is not None
    quotations = data["hasPart"]
    assert {
        "@type": "Quotation",
        "text": "We need the survey first",
        "creator": {"@type": "Person", "name": "Ines Calloway", "url": "https://example.org/actors/ines-calloway/"},
        "url": "https://example.org/stories/dredging/#s2",
    } in quotations
    assert all(q["creator"]["name"] for q in quotations)
    json.dumps(data)  # serialisable as it is


def test_people_index_is_titled_for_what_it_lists(site: Site) -> None:
    assert actors_title(site.story) == "People, organisations and places"
    assert site.pages[ACTORS].split("\n# ", 1)[1].startswith("People, organisations and places\n")
    (person,) = [a for a in site.story.actors if a.id == "ana-ruiz"]
    assert actors_title(type(site.story)(articles=(), actors=(person,))) == "People"

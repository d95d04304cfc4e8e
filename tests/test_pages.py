"""Generated pages, rendered in-process: what they list, in what order, and that they stay small."""

from __future__ import annotations

import re
from pathlib import Path

from explainer.pipeline import build_site
from explainer.site.lists import FIGURES_SHOWN, MENTIONS_SHOWN, STORY_EVENTS, STORY_FIGURES
from explainer.site.sitemap import FIGURES, TIMELINE
from explainer.site.structured import JsonLd


def _seeds(tmp_path: Path, stories: dict[str, str]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in stories.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def test_key_figures_are_cards_capped_per_story_newest_story_first(tmp_path: Path) -> None:
    many = " ".join(f"Crews cleared {i + 2} roads." for i in range(FIGURES_SHOWN + 10))
    seeds = _seeds(
        tmp_path,
        {
            "old.txt": "---\ndate: 2025-01-02\n---\nRoads Reopen\n\n" + many + "\n",
            "new.txt": "---\ndate: 2025-02-03\n---\nBridge Opens\n\nAbout 400 cars crossed on the first day.\n",
        },
    )
    site = build_site(seeds, None)
    page = site.pages[FIGURES]
    assert page.index("## Bridge Opens") < page.index("About 400 cars") < page.index("## Roads Reopen")
    newest = page.split("## Roads Reopen")[0].split("# Key figures")[1]
    assert "{ #" not in newest.replace("{ #new-", "").replace("{ #story-new }", "")  # one anchor per story
    cards = re.findall(r"^-   \*\*(.+?)\*\*\{ #([\w-]+) \.explainer-number \}$", page, re.M)
    assert len(cards) == FIGURES_SHOWN + 1  # every card of the new story, the first FIGURES_SHOWN of the old
    assert f"*The first {FIGURES_SHOWN} of {FIGURES_SHOWN + 10} figures in this story are shown" in page
    assert not re.search(r"^##+ .*\d", page, re.M), "no heading per figure"
    data = JsonLd(site.story, "https://example.org/").page(FIGURES, "figures/")
    assert data is not None
    assert [i["url"].split("#")[1] for i in data["itemListElement"]] == [anchor for _, anchor in cards]


def test_a_long_storys_own_explainer_shows_the_first_few_and_links_the_full_lists(tmp_path: Path) -> None:
    # a story with more dated events and figures than its page should carry (a 5 MB story had
    # thousands, all listed under its text): the first few, then a link to the list of them all
    days = STORY_EVENTS + 5
    text = " ".join(f"On March {d}, 2025, the ferry carried {100 + d} passengers." for d in range(1, days + 1))
    seeds = _seeds(tmp_path, {"ferry.txt": f"---\ndate: 2025-04-01\n---\nFerry Season\n\n{text}\n"})
    site = build_site(seeds, None)
    explained = site.pages["stories/ferry.md"].split("## This story explained", 1)[1]
    timeline = explained.split("### Timeline", 1)[1].split("### ", 1)[0]
    assert timeline.count('class="explainer-when"') == STORY_EVENTS
    assert "Saturday 1 March 2025" in timeline and f" {STORY_EVENTS + 1} March 2025" not in timeline  # earliest first
    assert f"[All {days} dated events in this story, on the Timeline](../{TIMELINE})" in timeline
    assert site.pages[TIMELINE].count("passengers") == days
    figures = explained.split("### Key figures", 1)[1].split("### ", 1)[0]
    assert figures.count(".explainer-number }") == STORY_FIGURES
    assert f"[All {days} figures in this story](../{FIGURES})" in figures


def test_a_restated_figure_links_each_restatement(tmp_path: Path) -> None:
    seeds = _seeds(
        tmp_path,
        {
            "s.txt": "Flood Toll\n\nAt least 12 people died. Officials said at least 12 people died. At least 12 people died there.\n"
        },
    )
    page = build_site(seeds, None).pages[FIGURES]
    assert page.count("**At least 12 people**") == 1
    assert re.search(r"stated again: \[source 2\]\([^)]*#s2\), \[source 3\]\([^)]*#s3\)", page)


def test_profile_lists_sentences_newest_story_first_with_story_and_date_capped(tmp_path: Path) -> None:
    old = " ".join(f"Mayor Ana Ruiz visited ward {i}." for i in range(MENTIONS_SHOWN))
    seeds = _seeds(
        tmp_path,
        {
            "a.txt": "---\ndate: 2025-01-02\n---\nWard Visits\n\n" + old + "\n",
            "b.txt": "---\ndate: 2025-03-04\n---\nBudget Passes\n\nMayor Ana Ruiz signed the budget on Monday.\n",
        },
    )
    site = build_site(seeds, None)
    profile = site.pages["actors/ana-ruiz.md"]
    section = profile.split("## In the stories (newest first)")[1].split("\n## ")[0]
    listed = re.findall(r"^- (.+)$", section, re.M)
    assert (
        listed[0].startswith("Mayor Ana Ruiz signed the budget")
        and "*[Budget Passes](../stories/b.md)*, Tuesday 4 March 2025" in listed[0]
    )
    assert "*[Ward Visits](../stories/a.md)*, Thursday 2 January 2025" in listed[1]
    assert len(listed) == MENTIONS_SHOWN
    assert f"*{MENTIONS_SHOWN} of {MENTIONS_SHOWN + 1} sentences shown.*" in profile


def test_a_renamed_actor_keeps_the_storys_name_as_an_alias_and_its_links(tmp_path: Path) -> None:
    from explainer.site.linker import linked_targets

    seeds = _seeds(tmp_path, {"s.txt": "Dock Deal\n\nMayor Ana Ruiz signed the deal. Ana Ruiz said it was fair.\n"})
    docs = tmp_path / "docs"
    (docs / "actors").mkdir(parents=True)
    (docs / "actors" / "ana-ruiz.md").write_text("---\nname: Ana María Ruiz Soto\n---\n", encoding="utf-8")
    site = build_site(seeds, docs)
    actor = next(a for a in site.story.actors if a.id == "ana-ruiz")
    assert actor.name == "Ana María Ruiz Soto" and "Ana Ruiz" in actor.aliases
    assert "actors/ana-ruiz.md" in linked_targets("As Ana Ruiz said, the deal holds.", site.links, "about.md")


def test_a_curated_term_no_story_uses_keeps_its_page_without_a_warning(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, {"s.txt": "Rates Held\n\nThe bank kept its rate at 4%.\n"})
    docs = tmp_path / "docs"
    (docs / "glossary").mkdir(parents=True)
    (docs / "glossary" / "quantitative-easing.md").write_text(
        "---\nterm: quantitative easing\n---\nA central bank buying bonds to lower long-term rates.\n", encoding="utf-8"
    )
    site = build_site(seeds, docs)
    assert site.diagnostics == ()
    assert "glossary/quantitative-easing.md" in site.pages
    assert "quantitative easing" in site.pages["glossary/index.md"]


def test_a_scare_quote_stays_in_its_sentence_not_among_the_quotes(tmp_path: Path) -> None:
    seeds = _seeds(
        tmp_path,
        {
            "mill.txt": 'Mill Reopens\n\nMill owner Ana Ruiz called the loan a "lifeline" for the town.\n\n'
            '"We will hire forty people by spring," Ruiz said.\n'
        },
    )
    site = build_site(seeds, None)
    assert {q.text for q in site.story.quotes if q.speaker == "ana-ruiz"} == {
        "lifeline",
        "We will hire forty people by spring",
    }  # both stay in the data
    profile = site.pages["actors/ana-ruiz.md"]
    quotes = profile.split("## Quotes")[1].split("\n## ")[0]
    assert "We will hire forty people by spring" in quotes and "lifeline" not in quotes
    assert 'called the loan a "lifeline" for the town' in profile  # among the sentences that mention her


def test_each_template_gets_what_its_page_type_documents(tmp_path: Path) -> None:
    """A site overriding a template relies on the documented context: the docstring of each page
    type's context method names exactly the keys the template gets."""
    import inspect

    from explainer.site.render import Renderer
    from explainer.site.sitemap import PAGE_TYPES

    seeds = _seeds(
        tmp_path,
        {
            "a.txt": "---\ndate: 2025-01-02\n---\nWard Visits\n\nMayor Ana Ruiz visited 4 wards of the Civic Works Board (CWB) on Monday.\n",
            "b.txt": "---\ndate: 2025-03-04\n---\nBudget Passes\n\nMayor Ana Ruiz signed the budget on Monday.\n",
        },
    )
    renderer = Renderer(build_site(seeds, None).story)
    checked = 0
    for pt in PAGE_TYPES:
        method = getattr(renderer, f"{pt.name}_pages", None)
        if method is None:
            continue
        documented = set(re.findall(r"`(\w+)`", inspect.getdoc(method) or ""))
        keys = {k for _, context in method() for k in context}
        assert keys, pt.name
        assert keys <= documented, (pt.name, keys - documented)
        checked += 1
    assert checked == len(PAGE_TYPES)


def test_an_ejected_story_is_listed_once_among_the_pages_that_mention_someone(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, {"a.txt": "---\ndate: 2025-01-02\n---\nWard Visits\n\nMayor Ana Ruiz visited a ward.\n"})
    first = build_site(seeds, None)
    ejected = {"stories/a.md": first.pages["stories/a.md"]}  # the story page, copied into docs/
    site = build_site(seeds, None, own_pages=ejected)
    backlinks = site.pages["actors/ana-ruiz.md"].split("## Pages that mention Ana Ruiz")[1]
    assert backlinks.count("(../stories/a.md)") == 1

"""Site-wide lists cut into pages: the paging rules, and the pages a site of several stories gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.pipeline import build_site
from explainer.site.lists import PAGE_SIZE, sort_key
from explainer.site.paging import is_continuation, paged_src, pagers, paginate
from explainer.site.sitemap import ACTORS, FIGURES, GLOSSARY, STORIES, TIMELINE, page_url, section_title
from explainer.site.structured import JsonLd


def test_page_one_keeps_the_sections_address_and_the_others_live_below_it() -> None:
    assert paged_src(FIGURES, 1) == "figures.md"
    assert paged_src(FIGURES, 2) == "figures/page/2.md"
    assert paged_src(STORIES, 3) == "stories/page/3.md"
    assert paged_src(GLOSSARY, 12) == "glossary/page/12.md"
    assert is_continuation("figures/page/2.md") and is_continuation("actors/page/10.md")
    assert not is_continuation("figures.md")
    assert not is_continuation("actors/page.md")  # a profile whose slug is "page"
    assert not is_continuation("actors/page/notes.md")


def test_groups_split_across_pages_or_stay_whole() -> None:
    groups = [("a", [1, 2, 3]), ("b", [4, 5, 6, 7]), ("c", [])]
    assert paginate(groups, 5) == [[("a", [1, 2, 3]), ("b", [4, 5])], [("b", [6, 7]), ("c", [])]]
    assert paginate(groups, 5, split=False) == [[("a", [1, 2, 3])], [("b", [4, 5, 6, 7]), ("c", [])]]
    assert paginate([("big", list(range(9)))], 5, split=False) == [[("big", list(range(9)))]]  # never empty
    assert paginate([], 5) == [[]]
    # empty groups take room too: a thousand stories without figures are not one page
    assert len(paginate([(i, []) for i in range(10)], 4, split=False)) == 3


def test_pagers_link_each_page_to_its_neighbours() -> None:
    (s1, p1), (s2, p2), (s3, p3) = pagers(TIMELINE, 3)
    assert (s1, s2, s3) == ("timeline.md", "timeline/page/2.md", "timeline/page/3.md")
    assert (p1.previous, p1.next, p2.previous, p2.next, p3.previous, p3.next) == (None, s2, s1, s3, s2, None)
    assert (p2.number, p2.count) == (2, 3)
    assert [s for s, _ in pagers(FIGURES, 1)] == ["figures.md"]


def _site(tmp_path: Path, n: int) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(n):
        (seeds / f"s{i}.txt").write_text(
            f"---\ndate: 2025-03-{i + 1:02d}\n---\nHarbour Report {i}\n\n"
            f"Mayor Ana Quist{chr(97 + i)} said {i + 3} ferries would run on April {i + 1}. "
            f"The Port Authority of Lund{chr(97 + i)} (PAL{chr(65 + i)}) counted {i + 40} boats.\n",
            encoding="utf-8",
        )
    return seeds


def test_a_site_of_many_stories_pages_every_list_and_links_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for base, size in {FIGURES: 4, STORIES: 2, ACTORS: 3, GLOSSARY: 2, TIMELINE: 2}.items():
        monkeypatch.setitem(PAGE_SIZE, base, size)
    site = build_site(_site(tmp_path, 5), None)
    pages = site.pages
    for base, count in ((STORIES, 3), (FIGURES, 3), (GLOSSARY, 3), (TIMELINE, 3)):
        srcs = [paged_src(base, n) for n in range(1, count + 1)]
        assert all(s in pages for s in srcs), base
        assert paged_src(base, count + 1) not in pages, base
        assert f"Page 2 of {count}" in pages[srcs[1]]
        assert f'title: "{section_title(base)} (page 2 of {count})"' in pages[srcs[1]]
        assert "Next page" in pages[srcs[0]] and "Previous page" not in pages[srcs[0]]
        assert "Previous page" in pages[srcs[-1]] and "Next page" not in pages[srcs[-1]]
    # ten profiles, three to a page: the People heading goes on over page 2, where Organisations start
    assert paged_src(ACTORS, 4) in pages and paged_src(ACTORS, 5) not in pages
    assert "## People" in pages[paged_src(ACTORS, 2)] and "## Organisations" in pages[paged_src(ACTORS, 2)]
    # the stories list, newest first: page 1 has the two newest, the last page the oldest
    assert "Harbour Report 4" in pages[STORIES] and "Harbour Report 0" in pages[paged_src(STORIES, 3)]
    assert "Harbour Report 0" not in pages[STORIES]
    # a story's figures stay on one page; every figure shown is on exactly one page
    shown = [
        m for n in range(1, 4) for m in re.findall(r"\{ #([\w-]+) \.explainer-number \}", pages[paged_src(FIGURES, n)])
    ]
    assert len(shown) == len(set(shown)) == len(site.story.figures) == 10
    # the glossary's letter bar on every page links each letter where it starts
    assert "[P](../index.md#letter-p)" in pages[paged_src(GLOSSARY, 2)]


def test_each_page_of_key_figures_has_the_json_ld_of_its_own_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(PAGE_SIZE, FIGURES, 4)
    site = build_site(_site(tmp_path, 4), None)
    ld = JsonLd(site.story, "https://example.org/")
    total = 0
    for n in (1, 2):
        src = paged_src(FIGURES, n)
        data = ld.page(src, page_url(src))
        assert data is not None
        anchors = [i["url"].split("#")[1] for i in data["itemListElement"]]
        assert anchors == re.findall(r"\{ #([\w-]+) \.explainer-number \}", site.pages[src])
        assert all(i["url"].startswith(f"https://example.org/{page_url(src)}#") for i in data["itemListElement"])
        total += len(anchors)
    assert total == len(site.story.figures)


def test_people_are_sorted_by_surname() -> None:
    from explainer.model import Actor

    people = [
        Actor(id=i, name=n, kind="person") for i, n in (("a", "Zoe Adams"), ("b", "Al Brown Jr."), ("c", "Bo Cole"))
    ]
    org = Actor(id="o", name="Adams Group", kind="organization")
    assert [a.name for a in sorted(people, key=sort_key)] == ["Zoe Adams", "Al Brown Jr.", "Bo Cole"]
    assert sort_key(org) == ("adams group", "adams group")


def test_a_paged_site_builds_strictly_with_later_pages_out_of_the_nav(tmp_path: Path) -> None:
    from conftest import run_mkdocs
    from test_build import page_file, write_tiny_site

    n = PAGE_SIZE[STORIES] + 3
    write_tiny_site(tmp_path, "Dock Notes\n\nCrews unloaded 12 crates.\n")
    for i in range(n):
        (tmp_path / "seeds" / f"n{i:03d}.txt").write_text(
            f"---\ndate: 2025-01-01\n---\nDock Note {i}\n\nCrews unloaded {i + 20} crates.\n", encoding="utf-8"
        )
    proc = run_mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=tmp_path)
    assert "WARNING" not in proc.stderr
    first = page_file(tmp_path / "site", "stories/").read_text(encoding="utf-8")
    second = page_file(tmp_path / "site", "stories/page/2/").read_text(encoding="utf-8")
    assert "<title>Stories (page 2 of 2) - Tiny</title>" in second
    assert re.search(r'<a href="page/2/">Next page →</a>', first)
    assert re.search(r'<a href="\.\./\.\./">← Previous page</a>', second)
    assert "page 2 of 2" not in first.split('class="md-nav__list"')[1].split("</nav>")[0]  # not in the nav
    assert second.count('class="explainer-pager"') == 1

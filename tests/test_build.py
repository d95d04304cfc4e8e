"""Builds: a tiny site in tmp_path, and the real site with --strict, checked at the HTML level."""

from __future__ import annotations

import dataclasses
import json
import pickle
import re
import shutil
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, assert_follows_schema, run_mkdocs
from explainer.site.cache import HEADER, BuiltSite, SiteCache

STORY_URL = "stories/2024-10-31-north-korean-troops-ukraine/"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, dict[str, str | None]]] = []
        self._in_content = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.links.append((a["href"] or "", a))


def parse(path: Path) -> _Collect:
    c = _Collect()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def page_file(site: Path, url: str) -> Path:
    path = site / url
    return path / "index.html" if url.endswith("/") or url == "" else path


def write_tiny_site(root: Path, story: str, extra: dict[str, str] | None = None) -> None:
    (root / "seeds").mkdir()
    (root / "docs").mkdir()
    (root / "seeds" / "story.txt").write_text(story, encoding="utf-8")
    for rel, text in (extra or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Tiny
            site_url: http://127.0.0.1:8000/
            theme: {name: material, font: false}
            plugins: [search, explainer]
            markdown_extensions: [attr_list, md_in_html, admonition, toc]
            validation: {links: {anchors: warn, unrecognized_links: warn}}
            """
        ),
        encoding="utf-8",
    )


TINY = """---
date: 2025-03-14
source: Reuters
---
Storm Hits Coast
Rescuers search a flooded street ©JANE ROE / AFP

Finance Minister Jane Doe said on Tuesday that at least 12 people died.

"We will rebuild," Doe told reporters.

John Roe with AFP
"""


def test_tiny_site_pages_nav_and_anchors(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY, {"docs/about.md": "# About\n\nA page about Jane Doe.\n"})
    proc = run_mkdocs("build", "--strict", cwd=tmp_path)
    assert "WARNING" not in proc.stderr
    site = tmp_path / "site"
    for url in ("", "stories/story/", "figures/", "actors/", "actors/jane-doe/", "glossary/", "timeline/", "about/"):
        assert page_file(site, url).is_file(), url
    story = parse(site / "stories/story/index.html")
    assert {"caption", "s1", "s2"} <= story.ids
    home = (site / "index.html").read_text(encoding="utf-8")
    for section in (
        "Key figures",
        "People",
        "Glossary",
        "Timeline",
        "The story",
        "About this explainer",
        "Corrections",
    ):
        assert section in home
    about = parse(site / "about/index.html")
    assert any(h.endswith("actors/jane-doe/") for h, _ in about.links)  # hand-written pages get cross-links
    profile = page_file(site, "actors/jane-doe/").read_text(encoding="utf-8")
    backlinks = profile.split('id="pages-that-mention-jane-doe"')[1]
    assert 'href="../../about/"' in backlinks and ">About</a>" in backlinks  # ... and are listed as backlinks
    assert not list((tmp_path / "docs").rglob("*.md"))[1:]  # nothing written into docs/


def test_tiny_site_json(tmp_path: Path) -> None:
    import json

    write_tiny_site(tmp_path, TINY)
    run_mkdocs("build", "--strict", cwd=tmp_path)
    data = json.loads((tmp_path / "site/explainer.json").read_text(encoding="utf-8"))
    assert_follows_schema(data, tmp_path / "site/explainer.schema.json")
    assert data["version"] == 1
    assert [a["title"] for a in data["articles"]] == ["Storm Hits Coast"]
    assert data["articles"][0]["date"] == "2025-03-14"
    fig = data["figures"][0]
    assert (fig["value"], fig["number"], fig["qualifier"], fig["claimant"]) == (
        "at least 12 people",
        12,
        "at least",
        "jane-doe",
    )
    assert fig["url"] == "stories/story/#s1"
    assert [(q["text"], q["speaker"]) for q in data["quotes"]] == [("We will rebuild", "jane-doe")]
    assert [(e["date"], e["url"]) for e in data["events"]] == [("2025-03-11", "stories/story/#s1")]
    # written as it is encoded (streamed), the file is the same text `to_json` gives in one piece
    from explainer.pipeline import build_story
    from explainer.site.export import to_json

    story = build_story(tmp_path / "seeds", tmp_path / "docs")
    assert (tmp_path / "site/explainer.json").read_text(encoding="utf-8") == to_json(story)


def test_curated_errors_fail_strict_with_file_and_line(tmp_path: Path) -> None:
    write_tiny_site(
        tmp_path,
        TINY,
        {
            "docs/actors/jane-doe.md": "---\nrole: Finance Minister\ncolour: red\n---\nBio.\n",
            "docs/glossary/broken.md": "---\nterm: [unclosed\n---\nBody\n",
        },
    )
    proc = run_mkdocs("build", "--strict", cwd=tmp_path, check=False)
    assert proc.returncode != 0
    assert "docs/actors/jane-doe.md:3: unknown front-matter key 'colour'" in proc.stderr
    assert re.search(r"docs/glossary/broken\.md:\d+: front matter is not valid YAML", proc.stderr)
    assert "Traceback" not in proc.stderr


def test_real_site_pages(built_site: Path) -> None:
    for url in ("", STORY_URL, "figures/", "actors/", "actors/antony-blinken/", "glossary/", "glossary/icbm/",
                "timeline/", "about/", "editors-guide/", "404.html", "sitemap.xml", "explainer.json"):  # fmt: skip
        assert page_file(built_site, url).is_file(), url


def _internal_links(site: Path) -> list[tuple[Path, str]]:
    out = []
    for html in site.rglob("*.html"):
        for href, _ in parse(html).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            out.append((html, href))
    return out


def test_every_internal_link_resolves_to_a_file_and_anchor(built_site: Path) -> None:
    cache: dict[Path, set[str]] = {}
    checked = 0
    for html, href in _internal_links(built_site):
        parts = urlsplit(href)
        base = built_site if parts.path.startswith("/") else html.parent
        target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else html
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), f"{html.relative_to(built_site)} -> {href}"
        if parts.fragment and target.suffix == ".html":
            ids = cache.setdefault(target, parse(target).ids)
            assert unquote(parts.fragment) in ids, f"{html.relative_to(built_site)} -> {href}"
        checked += 1
    assert checked > 500


def test_story_links_every_person_and_term(built_site: Path, explainer_json: dict[str, Any]) -> None:
    story = parse(page_file(built_site, STORY_URL))
    linked = {href.rstrip("/").split("/")[-1] for href, a in story.links if "explainer-link" in (a.get("class") or "")}
    people = {a["id"] for a in explainer_json["actors"] if a["kind"] == "person"}
    assert people <= linked
    # every term, but one whose only uses sit inside a longer term's (`sanctions` in `UN sanctions`):
    # the first mention links the longer term
    from explainer.pipeline import build_site

    uses = build_site(ROOT / "seeds", ROOT / "docs", starter_glossary=True).story.term_uses
    inside = {
        u.term
        for u in uses
        if any(
            v.span.sentence == u.span.sentence
            and v.span.start <= u.span.start
            and u.span.end <= v.span.end
            and v is not u
            for v in uses
        )
    }
    alone = {u.term for u in uses if u.term not in inside}
    assert {t["id"] for t in explainer_json["terms"]} - (inside - alone) <= linked
    assert "sanctions" in inside - alone  # the case this allows for is real
    for _href, a in story.links:
        if "explainer-link" in (a.get("class") or ""):
            assert "data-preview" in a


def test_figures_link_to_existing_sentence_anchors(built_site: Path, explainer_json: dict[str, Any]) -> None:
    story_ids = parse(page_file(built_site, STORY_URL)).ids
    figures_page = parse(page_file(built_site, "figures/"))
    hrefs = [h for h, _ in figures_page.links if "stories/" in h]
    for f in explainer_json["figures"]:
        assert f["url"].startswith(STORY_URL)
        assert f["url"].split("#")[1] in story_ids
        assert any(h.endswith("#" + f["sentence"]) for h in hrefs)


def test_profiles_contain_their_quotes(built_site: Path, explainer_json: dict[str, Any]) -> None:
    import html as html_lib

    from explainer.site.index import SCARE_QUOTE_WORDS

    shown = 0
    for q in explainer_json["quotes"]:
        # one- or two-word quotes are scare quotes: explainer.json keeps them, profiles do not
        if not q["speaker"] or len(q["text"].split()) <= SCARE_QUOTE_WORDS:
            continue
        shown += 1
        page = page_file(built_site, f"actors/{q['speaker']}/").read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", "", page)
        assert html_lib.escape(q["text"], quote=False) in text or q["text"] in html_lib.unescape(text)
    assert shown >= 5


def test_search_index_has_profiles_and_terms(built_site: Path) -> None:
    import json

    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {d["title"] for d in index["docs"]}
    assert {"ICBM", "Antony Blinken"} <= titles


@pytest.mark.parametrize("page", ["", STORY_URL, "actors/antony-blinken/", "glossary/icbm/"])
def test_meta_description_present(built_site: Path, page: str) -> None:
    html = page_file(built_site, page).read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="[^"]{20,}"', html)
    assert '<html lang="en"' in html


def test_build_never_writes_into_docs_or_seeds(tmp_path: Path) -> None:
    """The editor's files are sacred: a real build leaves docs/ and seeds/ byte for byte as they were."""
    import hashlib

    def snapshot() -> dict[str, str]:
        return {
            str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest()
            for d in ("docs", "seeds")
            for p in sorted((ROOT / d).rglob("*"))
            if p.is_file()
        }

    before = snapshot()
    run_mkdocs("build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert snapshot() == before
    assert not (ROOT / "docs/stories").exists() and not (ROOT / "docs/figures.md").exists()


def test_site_templates_override_built_in_ones(tmp_path: Path) -> None:
    write_tiny_site(
        tmp_path,
        TINY,
        {
            # a site's template relies on its page type's documented context (`Renderer.timeline_pages`)
            "templates/timeline.md.j2": "# Our timeline\n\n{% for date, events in events_by_date %}{% for e in events %}"
            "- {{ e.date }}: {{ e.when }}\n{% endfor %}{% endfor %}\n"
        },
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "plugins: [search, explainer]", "plugins: [search, {explainer: {templates_dir: templates}}]"
        ),
        encoding="utf-8",
    )
    run_mkdocs("build", "--strict", cwd=tmp_path)
    html = page_file(tmp_path / "site", "timeline/").read_text(encoding="utf-8")
    assert "Our timeline" in html and "2025-03-11: on Tuesday" in html
    assert "Tuesday 11 March 2025" not in html  # the built-in template was not used


def test_every_figure_heading_is_an_anchor(built_site: Path, explainer_json: dict[str, Any]) -> None:
    ids = parse(page_file(built_site, "figures/")).ids
    assert {f["id"] for f in explainer_json["figures"]} <= ids


def test_description_is_escaped_without_any_theme_override(tmp_path: Path) -> None:
    """Material prints page descriptions as HTML; the plugin must hand it escaped text."""
    hostile = TINY.replace(
        "Finance Minister Jane Doe said", '"><script>alert(1)</script> Finance Minister Jane Doe said'
    )
    write_tiny_site(tmp_path, hostile)  # plain Material, no custom_dir
    run_mkdocs("build", "--strict", cwd=tmp_path)
    html = page_file(tmp_path / "site", "stories/story/").read_text(encoding="utf-8")
    # the JSON-LD holds the text as JSON with `</` escaped (`<\/script>`): inert; nothing else may hold it
    assert "<script>alert(1)</script>" not in html
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    assert "<script>alert(1)" not in html
    assert re.search(r'<meta name="description" content="&#34;&gt;&lt;script&gt;alert\(1\)', html) or re.search(
        r'<meta name="description" content="&quot;&gt;&lt;script&gt;alert\(1\)', html
    )


@pytest.mark.parametrize("bad", ["../outside.json", "/tmp/x.json", "a/../../b.json"])
def test_json_path_outside_the_site_is_a_config_error(tmp_path: Path, bad: str) -> None:
    write_tiny_site(tmp_path, TINY)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "plugins: [search, explainer]", f"plugins: [search, {{explainer: {{json_path: '{bad}'}}}}]"
        ),
        encoding="utf-8",
    )
    proc = run_mkdocs("build", cwd=tmp_path, check=False)
    assert proc.returncode != 0
    assert "must be a relative path inside the built site" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "outside.json").exists()


def test_findings_are_cached_beside_mkdocs_yml_and_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY)
    run_mkdocs("build", "--strict", cwd=tmp_path)
    cache = tmp_path / ".cache/explainer"
    assert len(list(cache.glob("*.pickle"))) == 1
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"  # never dirties git
    first = page_file(tmp_path / "site", "stories/story/").read_text(encoding="utf-8")
    run_mkdocs("build", "--strict", cwd=tmp_path)  # warm: the same pages from the cache
    assert page_file(tmp_path / "site", "stories/story/").read_text(encoding="utf-8") == first
    shutil.rmtree(tmp_path / ".cache")
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("[search, explainer]", "[search, {explainer: {cache: false}}]"))
    run_mkdocs("build", "--strict", cwd=tmp_path)
    assert not (tmp_path / ".cache").exists()


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


KEPT = "every input is as the last build read it"


def _kept(entry: Path) -> tuple[str, BuiltSite]:
    """The key and site of a kept entry, read without the cache (to plant a changed one)."""
    with entry.open("rb") as fh:
        key = fh.read(HEADER)[32:96].decode("ascii")
        kept = pickle.load(fh)
    assert isinstance(kept, BuiltSite)
    return key, kept


def test_an_unchanged_site_is_read_back_whole_and_any_edit_builds_it_again(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY, {"docs/about.md": "# About\n\nA page about Jane Doe.\n"})
    first = run_mkdocs("build", "--strict", "-v", cwd=tmp_path)
    assert KEPT not in first.stderr
    assert (tmp_path / ".cache/explainer/site.built").is_file()
    built = _files(tmp_path / "site")
    warm = run_mkdocs("build", "--strict", "-v", cwd=tmp_path)
    assert KEPT in warm.stderr
    assert _files(tmp_path / "site") == built  # pages, JSON-LD and explainer.json, byte for byte

    # kept for page URLs other than this build's (another plugin moved a page): the JSON-LD is made again
    entry = SiteCache(tmp_path / ".cache/explainer")
    key, kept = _kept(tmp_path / ".cache/explainer/site.built")
    entry.put(key, dataclasses.replace(kept, jsonld={"stories/story.md": '{"bogus": 1}'}, urls={}))
    run_mkdocs("build", "--strict", cwd=tmp_path)
    assert _files(tmp_path / "site") == built
    refreshed = entry.get(key)  # kept again, with this build's URLs: the next build uses it whole
    assert refreshed is not None and refreshed.urls != {} and "bogus" not in str(refreshed.jsonld)

    # an edited story: built again, the new words on its page and in the contract
    seed = tmp_path / "seeds/story.txt"
    seed.write_text(TINY.replace("at least 12 people", "at least 14 people"), encoding="utf-8")
    edited = run_mkdocs("build", "--strict", "-v", cwd=tmp_path)
    assert KEPT not in edited.stderr
    assert "at least 14 people" in page_file(tmp_path / "site", "stories/story/").read_text(encoding="utf-8")
    assert "at least 14 people" in (tmp_path / "site/explainer.json").read_text(encoding="utf-8")

    # a hand-written page no longer naming her: the profile no longer lists it
    (tmp_path / "docs/about.md").write_text("# About\n\nA page.\n", encoding="utf-8")
    run_mkdocs("build", "--strict", cwd=tmp_path)
    assert ">About</a>" not in page_file(tmp_path / "site", "actors/jane-doe/").read_text(encoding="utf-8")

    # a new site_url: the JSON-LD's addresses follow
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("http://127.0.0.1:8000/", "https://news.example.org/x/"))
    moved = run_mkdocs("build", "--strict", "-v", cwd=tmp_path)
    assert KEPT not in moved.stderr
    story = page_file(tmp_path / "site", "stories/story/").read_text(encoding="utf-8")
    assert "https://news.example.org/x/stories/story/" in story


def test_what_another_plugin_adds_to_the_navigation_is_not_kept(tmp_path: Path) -> None:
    # a hook that adds a link to the navigation the plugin made: once per build, warm or cold
    write_tiny_site(tmp_path, TINY, {"hooks.py": HOOK_ADDING_TO_NAV})
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text() + "hooks: [hooks.py]\n")
    for _ in range(3):
        run_mkdocs("build", "--strict", cwd=tmp_path)
        home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
        assert home.count("https://example.org/feedback") == 1


HOOK_ADDING_TO_NAV = """\
def on_files(files, config):
    config.nav.append({"Feedback": "https://example.org/feedback"})
    return files
"""


def test_a_site_with_the_review_page_is_not_kept(tmp_path: Path) -> None:
    # the review page reads every story's findings: such a build always reads them
    write_tiny_site(tmp_path, TINY)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("[search, explainer]", "[search, {explainer: {review: always}}]"))
    run_mkdocs("build", cwd=tmp_path)
    again = run_mkdocs("build", "-v", cwd=tmp_path)
    assert KEPT not in again.stderr
    assert not (tmp_path / ".cache/explainer/site.built").exists()
    assert page_file(tmp_path / "site", "review/").is_file()


def test_a_cache_dir_inside_docs_is_one_clear_error(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("[search, explainer]", "[search, {explainer: {cache_dir: docs/x}}]"))
    proc = run_mkdocs("build", "--strict", cwd=tmp_path, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "cache_dir 'docs/x' is inside docs_dir: it would be published or rebuild itself" in proc.stderr


def test_explainer_json_follows_the_schema_published_beside_it(
    built_site: Path, explainer_json: dict[str, Any]
) -> None:
    published = built_site / "explainer.schema.json"
    assert published.is_file()
    assert_follows_schema(explainer_json, published)
    # the schema is not a formality: a figure without its value, or a stray field, fails it
    broken = {**explainer_json, "figures": [{k: v for k, v in explainer_json["figures"][0].items() if k != "value"}]}
    with pytest.raises(AssertionError, match="'value' is a required property"):
        assert_follows_schema(broken)
    with pytest.raises(AssertionError, match="Additional properties"):
        assert_follows_schema({**explainer_json, "extra": 1})


def test_a_site_with_its_own_nav_builds_strictly_and_keeps_its_guide_out_of_mentions(tmp_path: Path) -> None:
    """A site that writes its own `nav:` lists what it wants; the generated pages it leaves out
    are reached by links, not reported missing (which --strict with omitted_files: warn fails).
    A page it keeps out of its navigation is for editors: no profile lists it as mentioning them."""
    write_tiny_site(tmp_path, TINY, {"docs/notes.md": "# Notes\n\nJane Doe is in this editors' note.\n"})
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "nav:\n  - Home: index.md\n  - Figures: figures.md\nnot_in_nav: |\n  notes.md\nvalidation: {omitted_files: warn}\n",
        encoding="utf-8",
    )
    proc = run_mkdocs("build", "--strict", cwd=tmp_path)
    assert "WARNING" not in proc.stderr
    profile = page_file(tmp_path / "site", "actors/jane-doe/").read_text(encoding="utf-8")
    assert "notes/" not in profile.split('id="pages-that-mention-jane-doe"')[1]


def test_an_ejected_pages_title_is_read_as_text() -> None:
    from explainer.pipeline import page_title

    assert page_title("stories/x.md", '---\ntitle: "&quot;Historic&quot; Deal"\n---\n# x\n') == '"Historic" Deal'


def test_a_site_file_where_the_contract_goes_is_named_and_left_out(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY, {"docs/explainer.json": '{"mine": true}\n'})
    proc = run_mkdocs("build", cwd=tmp_path)
    assert (
        "docs/explainer.json: explainer.json in the built site is the explainer's contract and this file is"
        " left out; rename it, or set the plugin's json_path"
    ) in proc.stderr
    assert "articles" in json.loads((tmp_path / "site" / "explainer.json").read_text(encoding="utf-8"))
    assert (tmp_path / "docs" / "explainer.json").read_text(encoding="utf-8") == '{"mine": true}\n'


def test_the_story_is_let_go_before_mkdocs_reads_the_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the pages are built from their Files' Markdown: a story held through the Markdown conversion
    # (by the plugin, or as garbage in a cycle that waits for a full collection) is walked by every
    # full collection of the build and adds to its peak
    import gc

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from explainer.model import Story
    from explainer.plugin import ExplainerPlugin

    write_tiny_site(tmp_path, TINY)
    alive: list[int] = []
    on_page_markdown = ExplainerPlugin.on_page_markdown

    def spy(self: ExplainerPlugin, markdown: str, /, **kwargs: Any) -> str | None:
        alive.append(sum(1 for o in gc.get_objects() if type(o) is Story))  # uncollected garbage counts
        return on_page_markdown(self, markdown, **kwargs)

    monkeypatch.setattr(ExplainerPlugin, "on_page_markdown", spy)
    monkeypatch.chdir(tmp_path)
    gc.collect()  # no story of an earlier test in this process
    build(load_config(str(tmp_path / "mkdocs.yml")))
    assert alive and set(alive) == {0}
    alive.clear()
    build(load_config(str(tmp_path / "mkdocs.yml")))  # warm: the kept site, no story read
    assert alive and set(alive) == {0}
    entry = SiteCache(tmp_path / ".cache/explainer")
    key, kept = _kept(entry.path)
    entry.put(key, dataclasses.replace(kept, urls={}))
    alive.clear()
    build(load_config(str(tmp_path / "mkdocs.yml")))  # kept for other URLs: the story read again for them
    assert alive and set(alive) == {0}
    story = json.loads((tmp_path / "site" / "explainer.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in story["articles"]] == ["Storm Hits Coast"]
    assert '"@type"' in (tmp_path / "site/stories/story/index.html").read_text(encoding="utf-8")  # JSON-LD

"""Publishing: the Pages workflow, `make deploy`, search-engine metadata, JSON-LD and no third-party requests."""

from __future__ import annotations

import datetime as dt
import importlib.machinery
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ROOT, SEED, run_mkdocs
from explainer.model import Actor, Article, Block, Figure, FigureSource, Sentence, Span, Story, Term
from explainer.site.structured import byline_names, page_jsonld, plain, script_json

WORKFLOWS = ROOT / ".github" / "workflows"
PAGES_WORKFLOW = WORKFLOWS / "pages.yml"
STORY = "stories/2024-10-31-north-korean-troops-ukraine/"
SITE_NAME = "North Korean troops in Russia: an explainer"


# --------------------------------------------------------------------------- HTML head and resources


@dataclass
class Head:
    """What one built HTML page declares: lang, meta tags, links, JSON-LD, and every URL it loads or links."""

    lang: str | None = None
    meta: list[dict[str, str]] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    resources: list[tuple[str, str]] = field(default_factory=list)  # (tag/attribute, url) the browser would fetch
    anchors: list[tuple[str, bool]] = field(default_factory=list)  # (href, inside the page's <article>)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    def meta_content(self, key: str) -> list[str]:
        return [m.get("content", "") for m in self.meta if key in (m.get("name"), m.get("property"))]

    def one(self, key: str) -> str:
        found = self.meta_content(key)
        assert len(found) == 1, f"{key}: {found}"
        return found[0]

    def canonical(self) -> list[str]:
        return [ln.get("href", "") for ln in self.links if "canonical" in ln.get("rel", "").split()]


_FETCHING_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.head = Head()
        self._script_type: str | None = None
        self._in_style = False
        self._article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        h = self.head
        h.classes.update(a.get("class", "").split())
        if a.get("id"):
            h.ids.add(a["id"])
        if tag == "html":
            h.lang = a.get("lang")
        elif tag == "meta":
            h.meta.append(a)
        elif tag == "link":
            h.links.append(a)
            if not {"canonical", "alternate", "prev", "next"} & set(a.get("rel", "").split()):
                h.resources.append(("link[href]", a.get("href", "")))
        elif tag == "script":
            self._script_type = a.get("type", "")
            if self._script_type == "application/ld+json":
                h.jsonld.append("")
        elif tag == "style":
            self._in_style = True
        elif tag == "article":
            self._article += 1
        elif tag == "a" and a.get("href"):
            h.anchors.append((a["href"], self._article > 0))
        for attr in _FETCHING_ATTRS.get(tag, ()):
            for value in (a.get(attr) or "").split(","):
                if value.strip():
                    h.resources.append((f"{tag}[{attr}]", value.strip().split()[0]))
        for m in _CSS_URL.finditer(a.get("style", "")):
            h.resources.append((f"{tag}[style]", m.group(1) or m.group(2)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_type = None
        elif tag == "style":
            self._in_style = False
        elif tag == "article":
            self._article -= 1

    def handle_data(self, data: str) -> None:
        if self._script_type == "application/ld+json":
            self.head.jsonld[-1] += data
        elif self._in_style:
            self.head.resources += [("style", m.group(1) or m.group(2)) for m in _CSS_URL.finditer(data)]


def read_head(path: Path) -> Head:
    p = _HeadParser()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p.head


def page_html(site: Path, url: str) -> Path:
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


def ld(site: Path, url: str) -> dict[str, Any]:
    blocks = read_head(page_html(site, url)).jsonld
    assert len(blocks) == 1, f"{url}: {len(blocks)} JSON-LD blocks"
    data: dict[str, Any] = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


# --------------------------------------------------------------------------- 1. the Pages workflow


def _workflow(path: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflows_validate_against_githubs_schema() -> None:
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert PAGES_WORKFLOW in files
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflows_pin_every_action_to_a_version() -> None:
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for step in _steps(_workflow(path)):
            if "uses" in step:
                ref = step["uses"].partition("@")[2]
                assert re.fullmatch(r"v\d+(\.\d+){0,2}|[0-9a-f]{40}", ref), f"{path.name}: {step['uses']} is not pinned"


def test_pages_workflow_builds_strict_and_deploys_with_the_official_actions() -> None:
    wf = _workflow(PAGES_WORKFLOW)
    assert wf["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in wf["on"]
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert wf["concurrency"]["group"]

    steps = _steps(wf)
    uses = {s["uses"].partition("@")[0]: s for s in steps if "uses" in s}
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, f"{action} is not used"
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site"

    runs = [s for s in steps if "run" in s]
    assert any("pip install -e ." in s["run"] for s in runs)
    build = next(s for s in runs if "mkdocs build" in s["run"])
    assert "--strict" in build["run"]
    assert str(build["env"]["NO_MKDOCS_2_WARNING"]) == "1"
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]  # canonical URLs point at Pages
    assert (
        steps.index(uses["actions/configure-pages"])
        < steps.index(build)
        < steps.index(uses["actions/upload-pages-artifact"])
    )

    deploy = next(job for job in wf["jobs"].values() if any(s.get("id") == "deployment" for s in job["steps"]))
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert deploy["needs"] == "build"
    assert next(s for s in deploy["steps"] if s.get("id") == "deployment")["uses"].startswith("actions/deploy-pages@")


# --------------------------------------------------------------------------- 2. make deploy


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc.stdout


@pytest.mark.slow
def test_make_deploy_puts_the_site_on_the_origins_gh_pages_branch(tmp_path: Path) -> None:
    recipe = re.search(r"^deploy:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert recipe and recipe.group(1).strip() == "$(BIN)/python scripts/deploy"

    project = tmp_path / "project"
    origin = tmp_path / "origin.git"
    project.mkdir()
    for folder in ("seeds", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    for name in ("mkdocs.yml", "Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    (project / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "deploy", project / "scripts" / "deploy")
    (project / ".gitignore").write_text("site/\n", encoding="utf-8")

    # Offline and independent of the machine's git configuration (no signing, hooks or default branch).
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")},
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.invalid",
        "GIT_COMMITTER_NAME": "Test Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.invalid",
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": "https://acme.github.io/explainer/",  # a local origin tells no Pages address
    }
    _git("init", "--bare", "--quiet", str(origin), cwd=tmp_path, env=env)
    _git("init", "--quiet", "-b", "main", cwd=project, env=env)
    _git("add", "-A", cwd=project, env=env)
    _git("commit", "--quiet", "-m", "The explainer", cwd=project, env=env)
    _git("remote", "add", "origin", str(origin), cwd=project, env=env)
    head = _git("rev-parse", "--short", "HEAD", cwd=project, env=env).strip()

    if shutil.which("make"):
        # The real target, with the tools of this environment (nothing is installed: the stamp is fresh).
        stamp = tmp_path / "installed-stamp"
        stamp.touch()
        cmd = ["make", "deploy", f"BIN={Path(sys.executable).parent}", f"STAMP={stamp}"]
    else:  # pragma: no cover - make is part of the documented setup
        cmd = [sys.executable, "scripts/deploy"]

    def deploy(extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            cmd, cwd=project, env={**env, **(extra or {})}, capture_output=True, text=True, timeout=300
        )

    # refused: a dirty work tree, a localhost address
    (project / "docs" / "draft.md").write_text("# Draft\n", encoding="utf-8")
    proc = deploy()
    assert proc.returncode != 0 and "uncommitted changes" in proc.stderr
    (project / "docs" / "draft.md").unlink()
    proc = deploy({"SITE_URL": "http://127.0.0.1:8000/"})
    assert proc.returncode != 0 and "set it to the address the site is published at" in proc.stderr

    proc = deploy()
    assert proc.returncode == 0, proc.stdout + proc.stderr

    files = set(_git("ls-tree", "-r", "--name-only", "gh-pages", cwd=origin, env=env).split())
    assert {".nojekyll", "404.html", "sitemap.xml", "explainer.json", "index.html"} <= files
    assert {f"{STORY}index.html", "figures/index.html", "actors/antony-blinken/index.html"} <= files
    assert not any(f.startswith(("docs/", "seeds/")) for f in files)
    message = _git("log", "-1", "--format=%s", "gh-pages", cwd=origin, env=env)
    assert f"Deployed {head}" in message
    published = json.loads(_git("show", "gh-pages:explainer.json", cwd=origin, env=env))
    assert published["articles"][0]["url"] == STORY
    index = _git("show", "gh-pages:index.html", cwd=origin, env=env)
    assert "https://acme.github.io/explainer/" in index and "127.0.0.1" not in index

    # a custom domain set on the published branch survives the next deploy, on top of its history
    work = tmp_path / "pages"
    _git("clone", "--quiet", "--branch", "gh-pages", str(origin), str(work), cwd=tmp_path, env=env)
    (work / "CNAME").write_text("explainer.example.org\n", encoding="utf-8")
    _git("add", "CNAME", cwd=work, env=env)
    _git("commit", "--quiet", "-m", "Custom domain", cwd=work, env=env)
    _git("push", "--quiet", "origin", "gh-pages", cwd=work, env=env)
    proc = deploy()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _git("show", "gh-pages:CNAME", cwd=origin, env=env).strip() == "explainer.example.org"
    history = _git("log", "--format=%s", "gh-pages", cwd=origin, env=env).splitlines()
    assert len(history) == 3 and history[1] == "Custom domain"  # nothing rewritten


def test_deploy_derives_the_pages_address_from_origin() -> None:
    spec = importlib.util.spec_from_loader(
        "deploy", importlib.machinery.SourceFileLoader("deploy", str(ROOT / "scripts" / "deploy"))
    )
    assert spec is not None and spec.loader is not None
    deploy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(deploy)
    assert deploy.pages_url("git@github.com:acme/site.git") == "https://acme.github.io/site/"
    assert deploy.pages_url("https://github.com/Acme/site") == "https://acme.github.io/site/"
    assert deploy.pages_url("git@github.com:acme/acme.github.io.git") == "https://acme.github.io/"
    assert deploy.pages_url("/srv/git/site.git") is None


# --------------------------------------------------------------------------- 3. metadata on every page


def _pages(site: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        yield (rel[: -len("index.html")] if rel.endswith("index.html") else rel), path


def test_every_page_has_lang_description_canonical_open_graph_and_twitter_tags(built_site: Path) -> None:
    checked = 0
    for url, path in _pages(built_site):
        head = read_head(path)
        assert head.lang == "en", url
        description = head.one("description")
        assert description.strip(), url
        assert head.one("og:description") == head.one("twitter:description") == description, url
        assert head.one("og:title") == head.one("twitter:title"), url
        assert head.one("og:title").strip(), url
        assert head.one("og:site_name") == SITE_NAME, url
        assert head.one("og:locale") == "en", url
        assert head.one("twitter:card") == "summary", url
        assert head.one("og:type") == ("article" if url.startswith("stories/") else "website"), url
        if url == "404.html":
            assert head.canonical() == [] and head.meta_content("og:url") == []
            assert head.one("robots") == "noindex"
        else:
            assert head.canonical() == [f"http://127.0.0.1:8000/{url}"], url
            assert head.one("og:url") == head.canonical()[0], url
            assert head.meta_content("robots") == [], url
        checked += 1
    assert checked > 30


def test_story_page_is_shared_under_its_headline(built_site: Path, explainer_json: dict[str, Any]) -> None:
    head = read_head(page_html(built_site, STORY))
    article = explainer_json["articles"][0]
    assert head.one("og:title") == article["title"]
    assert head.one("description") == article["summary"]
    assert read_head(page_html(built_site, "")).one("og:title") == SITE_NAME


# --------------------------------------------------------------------------- 4. JSON-LD in the built site


def test_jsonld_news_article_on_the_story(built_site: Path, explainer_json: dict[str, Any]) -> None:
    data = ld(built_site, STORY)
    article = explainer_json["articles"][0]
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article["title"]
    assert data["datePublished"] == "2024-10-31"
    assert data["author"] == [
        {"@type": "Person", "name": "Léon Bruneu"},
        {"@type": "Person", "name": "Claire Lee"},
        {"@type": "Organization", "name": "AFP"},
    ]
    assert data["publisher"] == {"@type": "Organization", "name": "AFP"}
    based_on = data["isBasedOn"]
    assert based_on["@type"] == "CreativeWork"
    assert based_on["identifier"] == f"seeds/{SEED.name}"
    assert based_on["encodingFormat"] == "text/plain"
    assert based_on["publisher"] == data["publisher"]
    assert data["inLanguage"] == "en"
    assert data["url"] == data["mainEntityOfPage"] == read_head(page_html(built_site, STORY)).canonical()[0]


def test_jsonld_person_on_a_profile(built_site: Path) -> None:
    data = ld(built_site, "actors/antony-blinken/")
    assert data["@type"] == "Person"
    assert data["name"] == "Antony Blinken"
    assert data["jobTitle"] == "US Secretary of State"
    assert "Blinken" in data["alternateName"]
    assert data["url"] == "http://127.0.0.1:8000/actors/antony-blinken/"
    assert data["affiliation"]["name"] == "United States"
    assert data["affiliation"]["url"] == "http://127.0.0.1:8000/actors/united-states/"


def test_jsonld_organization_and_place_profiles(built_site: Path, explainer_json: dict[str, Any]) -> None:
    types = {"person": "Person", "organization": "Organization", "place": "Place"}
    for actor in explainer_json["actors"]:
        data = ld(built_site, actor["url"])
        assert (data["@type"], data["name"]) == (types[actor["kind"]], actor["name"])
        assert data.get("alternateName", []) == actor["aliases"]


def test_jsonld_defined_term_in_its_set(built_site: Path) -> None:
    data = ld(built_site, "glossary/icbm/")
    assert data["@type"] == "DefinedTerm"
    assert data["name"] == "ICBM"
    assert "intercontinental ballistic missile" in data["alternateName"]
    assert "5,500 kilometres" in data["description"]
    assert "\n" not in data["description"]
    assert data["url"] == "http://127.0.0.1:8000/glossary/icbm/"
    term_set = data["inDefinedTermSet"]
    assert term_set["@type"] == "DefinedTermSet"
    assert term_set["url"] == term_set["@id"] == "http://127.0.0.1:8000/glossary/"


def test_jsonld_defined_term_set_on_the_glossary(built_site: Path, explainer_json: dict[str, Any]) -> None:
    data = ld(built_site, "glossary/")
    assert data["@type"] == "DefinedTermSet"
    assert data["@id"] == data["url"] == "http://127.0.0.1:8000/glossary/"
    terms = {t["name"]: t for t in data["hasDefinedTerm"]}
    assert set(terms) == {t["term"] for t in explainer_json["terms"]}
    for t in explainer_json["terms"]:
        entry = terms[t["term"]]
        assert entry["@type"] == "DefinedTerm"
        assert entry["url"] == "http://127.0.0.1:8000/" + t["url"] == ld(built_site, t["url"])["url"]
    assert "**" not in terms["UN Security Council"]["description"]  # Markdown emphasis dropped


def test_jsonld_item_list_of_key_figures(built_site: Path, explainer_json: dict[str, Any]) -> None:
    data = ld(built_site, "figures/")
    assert data["@type"] == "ItemList"
    items = data["itemListElement"]
    figures = explainer_json["figures"]
    assert data["numberOfItems"] == len(items) == len(figures) > 0
    anchors = read_head(page_html(built_site, "figures/")).ids
    for i, (item, fig) in enumerate(zip(items, figures, strict=True), start=1):
        assert item["@type"] == "ListItem"
        assert item["position"] == i
        assert (item["name"], item["description"]) == (fig["value"], fig["label"])
        assert item["url"] == f"http://127.0.0.1:8000/figures/#{fig['id']}"
        assert fig["id"] in anchors


def test_no_jsonld_on_other_pages(built_site: Path) -> None:
    for url in ("", "actors/", "timeline/", "about/", "editors-guide/", "404.html"):
        assert read_head(page_html(built_site, url)).jsonld == [], url


# --------------------------------------------------------------------------- 5. no third-party requests


class _NoEnvLoader(yaml.SafeLoader):
    pass


_NoEnvLoader.add_constructor("!ENV", lambda loader, node: None)


def test_material_features_that_would_call_third_parties_are_off() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_NoEnvLoader)
    theme = config["theme"]
    assert theme.get("font") is False, "theme.font loads Google Fonts: set `font: false`"
    assert not config.get("repo_url"), "repo_url makes the browser call api.github.com for repository facts"
    extra = config.get("extra") or {}
    assert not extra.get("analytics"), "no analytics"
    assert not extra.get("consent"), "no cookie consent (nothing to consent to)"
    assert "navigation.instant.prefetch" not in theme.get("features", [])
    names = [next(iter(x)) if isinstance(x, dict) else x for x in config.get("markdown_extensions") or []]
    assert "pymdownx.emoji" not in names, "emoji indexes can load Twemoji from a CDN"
    assert "pymdownx.arithmatex" not in names, "MathJax/KaTeX would come from a CDN"
    assert not config.get("extra_javascript"), "scripts must be local files, reviewed here"
    for css in config.get("extra_css") or []:
        assert not is_external(css), css


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    """Every src, srcset, poster, data, stylesheet/icon href and CSS url() in every page is local."""
    outside: dict[str, list[tuple[str, str]]] = {}
    for url, path in _pages(built_site):
        head = read_head(path)
        if found := [(where, u) for where, u in head.resources if is_external(u)]:
            outside[url or "/"] = found
        # Material would fetch Mermaid from unpkg.com for a diagram on the page.
        assert "mermaid" not in head.classes, url
        # Links are not requests; the content itself links nowhere outside the site.
        assert [h for h, in_article in head.anchors if in_article and is_external(h)] == [], url
    assert outside == {}, f"third-party resources: {outside}"
    for css in built_site.rglob("*.css"):
        urls = [m.group(1) or m.group(2) for m in _CSS_URL.finditer(css.read_text(encoding="utf-8"))]
        assert [u for u in urls if is_external(u)] == [], css


# --------------------------------------------------------------------------- escaping in a tiny site

HOSTILE = """---
date: 2025-03-14
source: "Wire <!-- </script><script>alert(1)</script>"
---
Storm Hits Coast
"We will rebuild," Finance Minister Jane Doe said on Tuesday after at least 12 people died.

Doe said the city would need "months" to recover.

John Roe with AFP
"""


def test_hostile_text_cannot_break_out_of_the_head(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "seeds" / "story.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Tiny
            site_url: https://news.example.org/storm/
            theme: {name: material, font: false}
            plugins: [search, explainer]
            markdown_extensions: [attr_list, md_in_html, admonition, toc]
            """
        ),
        encoding="utf-8",
    )
    run_mkdocs("build", "--strict", cwd=tmp_path)
    page = tmp_path / "site" / "stories" / "story" / "index.html"
    head = read_head(page)
    lede = '"We will rebuild," Finance Minister Jane Doe said on Tuesday after at least 12 people died.'
    assert head.one("description") == head.one("og:description") == lede
    assert head.one("og:url") == "https://news.example.org/storm/stories/story/"
    assert len(head.jsonld) == 1
    data = json.loads(head.jsonld[0])
    assert data["publisher"]["name"] == "Wire <!-- </script><script>alert(1)</script>"
    assert data["url"] == "https://news.example.org/storm/stories/story/"
    raw = page.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in raw and "<!-- " not in raw.split("</head>")[0]


# --------------------------------------------------------------------------- structured.py, unit tests


def _story() -> Story:
    s1 = Sentence("s1", "At least 12 people died, Jane Doe said.", 0)
    article = Article(
        id="storm",
        path="seeds/storm.txt",
        title="Storm Hits Coast",
        blocks=(Block("paragraph", (s1,)),),
        byline="By Jane Roe, John Smith and Reuters",
        date=dt.date(2025, 3, 14),
        source="Reuters",
        language="en",
    )
    span = Span("storm", "s1", 0, 8)
    return Story(
        articles=(article,),
        figures=(
            Figure(
                "storm-12",
                "storm",
                "at least 12 people",
                12,
                "at least",
                "people",
                "people killed",
                (FigureSource(span, "jane-doe"),),
            ),
            Figure("storm-3", "storm", "3 towns", 3, None, "towns", "towns flooded", (FigureSource(span, None),)),
        ),
        actors=(
            Actor(
                "jane-doe", "Jane Doe", "person", roles=("Finance Minister",), aliases=("Doe",), affiliation="ministry"
            ),
            Actor("ministry", "Ministry of Finance", "organization", aliases=("the ministry",), summary="A ministry."),
            Actor("coast", "Coast", "place"),
        ),
        terms=(
            Term(
                "flood-wall",
                "flood wall",
                aliases=("sea wall",),
                curated_definition="A **wall** against [floods](x.md).\nTall.",
            ),
            Term("ems", "EMS", definition="Emergency medical services"),
        ),
    )


SITE = "https://news.example.org/storm/"


def test_unit_news_article() -> None:
    data = page_jsonld(_story(), "stories/storm.md", "stories/storm/", SITE)
    assert data is not None
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Storm Hits Coast"
    assert data["datePublished"] == "2025-03-14"
    assert data["author"] == [
        {"@type": "Person", "name": "Jane Roe"},
        {"@type": "Person", "name": "John Smith"},
        {"@type": "Organization", "name": "Reuters"},
    ]
    assert data["publisher"] == {"@type": "Organization", "name": "Reuters"}
    assert data["isBasedOn"]["identifier"] == "seeds/storm.txt"
    assert data["url"] == SITE + "stories/storm/"
    assert page_jsonld(_story(), "stories/other.md", "stories/other/", SITE) is None


def test_unit_actors() -> None:
    person = page_jsonld(_story(), "actors/jane-doe.md", "actors/jane-doe/", SITE)
    assert person == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Jane Doe",
        "alternateName": ["Doe"],
        "url": SITE + "actors/jane-doe/",
        "jobTitle": "Finance Minister",
        "affiliation": {"@type": "Organization", "name": "Ministry of Finance", "url": SITE + "actors/ministry/"},
    }
    org = page_jsonld(_story(), "actors/ministry.md", "actors/ministry/", SITE)
    assert org is not None and org["@type"] == "Organization" and org["description"] == "A ministry."
    assert "jobTitle" not in org
    place = page_jsonld(_story(), "actors/coast.md", "actors/coast/", SITE)
    assert place is not None and place["@type"] == "Place" and "alternateName" not in place
    assert page_jsonld(_story(), "actors/index.md", "actors/", SITE) is None


def test_unit_glossary() -> None:
    term = page_jsonld(_story(), "glossary/flood-wall.md", "glossary/flood-wall/", SITE)
    assert term is not None
    assert term["@type"] == "DefinedTerm"
    assert term["description"] == "A wall against floods. Tall."
    assert term["inDefinedTermSet"] == {
        "@type": "DefinedTermSet",
        "@id": SITE + "glossary/",
        "name": "Glossary",
        "url": SITE + "glossary/",
    }
    term_set = page_jsonld(_story(), "glossary/index.md", "glossary/", SITE)
    assert term_set is not None and term_set["@type"] == "DefinedTermSet"
    assert [(t["name"], t["url"]) for t in term_set["hasDefinedTerm"]] == [
        ("EMS", SITE + "glossary/ems/"),
        ("flood wall", SITE + "glossary/flood-wall/"),
    ]
    assert term_set["hasDefinedTerm"][0]["description"] == "Emergency medical services"


def test_unit_figures_and_other_pages() -> None:
    data = page_jsonld(_story(), "figures.md", "figures/", SITE)
    assert data is not None and data["@type"] == "ItemList"
    assert data["itemListElement"] == [
        {
            "@type": "ListItem",
            "position": 1,
            "name": "at least 12 people",
            "description": "people killed",
            "url": SITE + "figures/#storm-12",
        },
        {
            "@type": "ListItem",
            "position": 2,
            "name": "3 towns",
            "description": "towns flooded",
            "url": SITE + "figures/#storm-3",
        },
    ]
    for src, url in (("index.md", ""), ("timeline.md", "timeline/"), ("about.md", "about/")):
        assert page_jsonld(_story(), src, url, SITE) is None


def test_unit_urls_without_directory_urls_or_site_url() -> None:
    data = page_jsonld(_story(), "actors/jane-doe.md", "actors/jane-doe.html", SITE, use_directory_urls=False)
    assert data is not None
    assert data["url"] == SITE + "actors/jane-doe.html"
    assert data["affiliation"]["url"] == SITE + "actors/ministry.html"
    bare = page_jsonld(_story(), "figures.md", "figures/", "")
    assert bare is not None and "url" not in bare and all("url" not in i for i in bare["itemListElement"])


def test_unit_byline_and_plain_text() -> None:
    assert byline_names("Léon Bruneu with Claire Lee with AFP") == ["Léon Bruneu", "Claire Lee", "AFP"]
    assert byline_names("By Jane Doe and John Roe / AFP") == ["Jane Doe", "John Roe", "AFP"]
    assert byline_names("Mika Sato with Joris van Leeuwen with AFP") == ["Mika Sato", "Joris van Leeuwen", "AFP"]
    assert plain("Its **resolutions**, see [the charter](charter.md)\nand `Chapter VII`.") == (
        "Its resolutions, see the charter and Chapter VII."
    )


def test_unit_script_json_cannot_close_the_script_element() -> None:
    data = {"name": "</script><script>alert(1)</script>", "note": "<!-- x -->", "é": "ü"}
    text = script_json(data)
    assert "</" not in text and "<!--" not in text
    assert "é" in text  # ensure_ascii=False
    assert json.loads(text) == data

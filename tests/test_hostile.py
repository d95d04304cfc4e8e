"""Hostile and malformed input (issue 8): nothing crashes, nothing is injected, nothing the editor
wrote is touched, and the same input builds the same bytes.

One site is built from every seed in `tests/hostile/` (outcomes in `expected.yml`), the normal
seed story, a generated ~2 MB story, seeds with hostile file names and curated files with markup
in their fields; the tests below read that one build.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import re
import shutil
import string
import textwrap
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, SEED, STORIES, run_mkdocs
from explainer.diagnostics import Diagnostic
from explainer.editing.curation import Curation
from explainer.editing.merge import PROFILES_PER_STORY, TERMS_PER_STORY, merge
from explainer.extraction.extract import extract
from explainer.extraction.reader import SeedError, parse, read_seed
from explainer.model import Actor, Article, Block, Figure, FigureSource, Findings, Mention, Quote, Sentence, Span
from explainer.pipeline import extract_story
from explainer.site.lists import FIGURES_SHOWN
from explainer.slugs import MAX_LENGTH, SlugRegistry, slugify

CORPUS = Path(__file__).resolve().parent / "hostile"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((CORPUS / "expected.yml").read_text(encoding="utf-8"))
CORPUS_FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix == ".txt")
PACKAGE = ROOT / "plugins" / "explainer"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SOURCE_DATE_EPOCH = "1700000000"  # 2023-11-14

# Seeds whose file names are the attack: name -> the story id (and page folder) it must get.
HOSTILE_NAMES = {
    "CON.txt": "con-page",
    "nul.txt": "nul-page",
    "index.txt": "index-page",
    "..%2F..%2Fevil.txt": "2f-2fevil",
    "...txt": "story",  # the stem `..` leaves no slug
    "новости.txt": "story-2",  # no ASCII letters either; collides with the one above
    "x" * 246 + ".txt": "x" * 60,  # 250 characters, near the file-system limit; slug cut to 60
    "Y" * 60 + ".txt": "y" * 58 + "-2",  # the collision suffix stays within 60
    "y" * 60 + ".txt": "y" * 60,
    "Storm Warning.txt": "storm-warning-2",  # the newcomer takes the suffix ...
    "storm-warning.txt": "storm-warning",  # ... the file named as its address keeps it
}

CURATED = {
    "docs/actors/injected.md": """\
        ---
        name: "<script>alert(1)</script>"
        role: "<img src=x onerror=alert(1)>"
        summary: "<iframe src=javascript:alert(1)></iframe> [x](javascript:alert(1))"
        aliases: ["</title><script>alert(1)</script>"]
        ---
        A curated bio.
        """,
    "docs/glossary/injected-term.md": """\
        ---
        term: "{{ config.site_name }} <b onmouseover=alert(1)>"
        aliases: ["<svg onload=alert(1)>"]
        ---
        A curated definition.
        """,
    "docs/about.md": "# About\n\nA hand-written page.\n",
}


def big_story(size: int = 300_000, seed: int = 8) -> str:
    """About `size` bytes of wire copy: paragraphs of the test stories, numbers varied. The build
    test needs a long story (page caps, many figures), not a huge one: time at size is the
    benchmarks' job (`scripts/bench_extract.py`, `scripts/bench_big_story.py`)."""
    rnd = random.Random(seed)
    paragraphs = []
    for path in [*sorted(STORIES.glob("*.txt")), SEED]:
        paragraphs += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if len(ln) > 80]
    out = ["---", "date: 2025-01-15", "source: Wire", "---", "A Very Long Story", ""]
    total = 0
    while total < size:
        p = re.sub(r"\d[\d,]*", lambda _: f"{rnd.randint(2, 99_999):,}", rnd.choice(paragraphs))
        out += [p, ""]
        total += len(p.encode("utf-8")) + 2
    return "\n".join(out)


def mkdocs_yml(root: Path) -> None:
    """The real site's theme (with its overrides) and Markdown extensions, for a tiny site."""
    (root / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Tiny
            site_url: http://127.0.0.1:8000/
            theme: {name: material, font: false}
            plugins: [search, explainer]
            markdown_extensions: [attr_list, md_in_html, admonition, tables, {toc: {permalink: true}}]
            """
        ),
        encoding="utf-8",
    )


def snapshot(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under `root`: (size, mtime in ns, bytes)."""
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@dataclass
class Build:
    root: Path
    site: Path
    returncode: int
    stderr: str
    seconds: float
    before: dict[str, tuple[int, int, bytes]]
    after: dict[str, tuple[int, int, bytes]]
    data: dict[str, Any] = field(default_factory=dict)

    def warnings(self, name: str) -> list[str]:
        return [ln for ln in self.stderr.splitlines() if ("WARNING" in ln or "ERROR" in ln) and f"seeds/{name}:" in ln]

    def page(self, url: str) -> Path:
        return self.site / url / "index.html"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    sandbox = tmp_path_factory.mktemp("hostile")
    root = sandbox / "project"
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for name in CORPUS_FILES:
        shutil.copyfile(CORPUS / name, seeds / name)
    shutil.copyfile(SEED, seeds / SEED.name)
    big = big_story()
    (seeds / "big-story.txt").write_text(big, encoding="utf-8")
    for i, name in enumerate(HOSTILE_NAMES):
        text = f"Headline {i}\n\nOfficial Jo Smith{i} said on Monday that {i + 2} people left.\n"
        (seeds / name).write_text(text, encoding="utf-8")
    for rel, text in CURATED.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    mkdocs_yml(root)
    before = snapshot(sandbox)
    start = time.perf_counter()
    proc = run_mkdocs("build", cwd=root, check=False)
    seconds = time.perf_counter() - start
    print(f"hostile build incl. a {len(big.encode()) / 1e6:.1f} MB story: {seconds:.1f} s")  # shown with -s
    out = Build(root, root / "site", proc.returncode, proc.stderr, seconds, before, snapshot(sandbox))
    if proc.returncode == 0:
        out.data = json.loads((out.site / "explainer.json").read_text(encoding="utf-8"))
    return out


# -- the corpus and the reader --------------------------------------------------------------------


def test_every_corpus_file_has_an_expected_outcome() -> None:
    assert sorted(EXPECTED) == CORPUS_FILES
    assert all(e["outcome"] in ("skipped", "built") for e in EXPECTED.values())


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_reader_outcome(name: str) -> None:
    want = EXPECTED[name]
    label = f"seeds/{name}"
    if want["outcome"] == "skipped":
        with pytest.raises(SeedError) as err:
            read_seed(CORPUS / name, name=label)
        assert str(err.value).startswith(label + ":") and want["warning"] in str(err.value)
        return
    result = read_seed(CORPUS / name, name=label)
    said = [str(w) for w in result.warnings]
    assert [w for w in said if want.get("warning", "\0") in w] == said
    assert len(said) == (1 if want.get("warning") else 0), said
    article = result.article
    assert article.title == want["title"]
    if "date" in want:
        assert article.date == want["date"]
    texts = [u.text for u in article.units]
    for s in want.get("sentences", []):
        assert any(s in t for t in texts), (s, texts)
    for bad in want.get("absent", []):
        assert all(bad not in t for t in [article.title, *texts]), repr(bad)
    findings = extract(article)
    figures = {f.value: f.number for f in findings.figures}
    for value, number in want.get("figures", {}).items():
        assert figures.get(value) == number, (value, figures)
    names = {a.id: a.name for a in findings.actors}
    quotes = {q.text: names.get(q.speaker or "") for q in findings.quotes}
    for text, speaker in want.get("quotes", {}).items():
        assert text in quotes and quotes[text] == speaker, (text, quotes)


# -- the build --------------------------------------------------------------------------------------


def test_build_completes(build: Build) -> None:
    assert build.returncode == 0, build.stderr
    assert "Traceback" not in build.stderr  # and within run_mkdocs' 300 s, which a quadratic step would not be


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_each_unreadable_file_warns_once_and_readable_ones_not_at_all(build: Build, name: str) -> None:
    want = EXPECTED[name]
    found = build.warnings(name)
    if want.get("warning"):
        assert len(found) == 1, found
        assert want["warning"] in found[0]
        # a file left out is an error; a file read with a caveat (its encoding) a warning
        assert ("ERROR" in found[0]) == (want["outcome"] == "skipped"), found[0]
    else:
        assert found == []
    story_page = build.page(f"stories/{slugify(Path(name).stem)}")
    assert story_page.is_file() == (want["outcome"] == "built")


def test_other_stories_are_unaffected(build: Build) -> None:
    """The normal story builds exactly as on its own: same figures, quotes and page anchors."""
    alone = extract(read_seed(SEED).article)
    article = alone.article
    assert build.warnings(SEED.name) == []
    assert build.warnings("big-story.txt") == []
    page = build.page(f"stories/{article.id}").read_text(encoding="utf-8")
    for unit in article.units:
        assert f'id="{unit.id}"' in page
    built = [(f["id"], f["value"], f["number"]) for f in build.data["figures"] if f["article"] == article.id]
    assert built == [(f.id, f.value, f.number) for f in alone.figures]
    assert [q["text"] for q in build.data["quotes"] if q["article"] == article.id] == [q.text for q in alone.quotes]
    figures_page = build.page("figures").read_text(encoding="utf-8")
    assert all(f'id="{f.id}"' in figures_page for f in alone.figures)
    big = build.page("stories/big-story")
    assert big.stat().st_size > 300_000
    assert any(a["id"] == "big-story" for a in build.data["articles"])
    big_figures = [f for f in build.data["figures"] if f["article"] == "big-story"]
    assert len(big_figures) > FIGURES_SHOWN  # all in explainer.json, the first FIGURES_SHOWN on the page
    assert f"The first {FIGURES_SHOWN} of {len(big_figures)} figures in this story are shown" in figures_page
    assert figures_page.count('class="explainer-number"') < 20 * FIGURES_SHOWN  # the page stays small


def test_built_facts_reach_the_site(build: Build) -> None:
    by_id = {a["id"]: a for a in build.data["articles"]}
    names = {a["id"]: a["name"] for a in build.data["actors"]}
    for name, want in EXPECTED.items():
        if want["outcome"] != "built":
            continue
        article_id = slugify(Path(name).stem)
        assert by_id[article_id]["title"] == want["title"]
        if "date" in want:
            assert by_id[article_id]["date"] == want["date"].isoformat()
        figures = {f["value"]: f["number"] for f in build.data["figures"] if f["article"] == article_id}
        for value, number in want.get("figures", {}).items():
            assert figures.get(value) == number, (name, value, figures)
        quotes = {q["text"]: names.get(q["speaker"]) for q in build.data["quotes"] if q["article"] == article_id}
        for text, speaker in want.get("quotes", {}).items():
            assert quotes.get(text, "<missing>") == speaker, (name, text, quotes)


# -- nothing is injected ------------------------------------------------------------------------


class _Page(HTMLParser):
    """Tags, attributes, inline scripts and the visible text (inside `<article>`) of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self.title = ""
        self._script: dict[str, str | None] | None = None
        self._in_title = False
        self._article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))
        self._in_title = tag == "title"
        self._article += tag == "article"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None
        self._in_title = False
        self._article -= tag == "article"

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif self._in_title:
            self.title += data
        elif self._article > 0:
            self.text.append(data)

    def visible(self) -> str:
        return " ".join("".join(self.text).split())


def parse_page(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


_URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset"}
_ATTRS = r"""<[a-z][a-z0-9]*(?:\s+[^\s=<>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*?"""
_IN_TAG = re.compile(_ATTRS + r"""\s+(?:(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:|on[a-z]+\s*=)""")
_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def test_no_markup_or_script_from_the_text_reaches_the_html(build: Build) -> None:
    pages = [p for p in build.site.rglob("*.html") if "assets" not in p.relative_to(build.site).parts[:1]]
    assert len(pages) > 20
    for path in pages:
        where = str(path.relative_to(build.site))
        raw = path.read_text(encoding="utf-8")
        for data in _JSONLD.findall(raw):  # JSON-LD is data; `</` and `<!--` must not end or hide it
            assert "</" not in data and "<!--" not in data, where
            json.loads(data)
        rest = _JSONLD.sub("", raw).lower()
        for needle in ("<script>alert", "<iframe", "<img src=x", "<svg onload", "<b onmouseover"):
            assert needle not in rest, (where, needle)
        # inside a tag, that is: as text, `<a href="javascript:...">` is `&lt;a href="javascript:...&gt;`
        assert not _IN_TAG.search(rest), (where, _IN_TAG.search(rest))
        page = parse_page(path)
        for tag, attrs in page.tags:
            assert tag not in ("iframe", "object", "embed", "frame"), (where, tag)
            for name, value in attrs.items():
                assert not name.startswith("on"), (where, tag, name)
                if name in _URL_ATTRS and value:
                    assert not re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "data:text")), (
                        where,
                        tag,
                        name,
                        value,
                    )
        for attrs, body in page.scripts:
            if attrs.get("type") in ("application/ld+json", "application/json"):
                json.loads(body)  # data, never run: the story's text may be in it, quoted
            else:
                assert "alert(" not in body, (where, attrs)
        assert "alert(" not in page.title or "&lt;" in raw[raw.find("<title>") : raw.find("</title>")], where


def test_injected_text_is_shown_as_text(build: Build) -> None:
    for name, want in EXPECTED.items():
        if want["outcome"] != "built":
            continue
        page = parse_page(build.page(f"stories/{slugify(Path(name).stem)}"))
        visible = page.visible()
        for text in [want["title"], *want.get("visible", [])]:
            assert " ".join(text.split()) in visible, (name, text)
        assert page.title.startswith(want["title"] + " - "), (name, page.title)


def test_markdown_and_template_syntax_are_not_interpreted(build: Build) -> None:
    raw = build.page("stories/markup-syntax").read_text(encoding="utf-8")
    article = raw[raw.index("<article") : raw.index("</article>")]
    article = article.split("<hr")[0]  # the story's text, before the explainer the page adds under it
    assert 'class="explainer-explained"' in raw
    for tag in ("<strong", "<em", "<code", "<del", "<table", "<hr", "<blockquote", "<img", "<ul", "<ol", "<h2"):
        assert tag not in article, tag
    assert article.count("<h1") == 1
    assert 'class="admonition' not in article and 'id="fake-id"' not in article
    assert "49" not in article  # {{ 7*7 }} was not evaluated
    assert "Tiny Syntax" not in raw  # {{ config.site_name }} in the title was not evaluated


def test_curated_fields_render_as_text(build: Build) -> None:
    page = parse_page(build.page("actors/injected"))
    visible = page.visible()
    assert "<script>alert(1)</script>" in visible
    assert "<img src=x onerror=alert(1)>" in visible
    assert "<iframe src=javascript:alert(1)></iframe> [x](javascript:alert(1))" in visible
    assert page.title == "<script>alert(1)</script> - Tiny"
    term = parse_page(build.page("glossary/injected-term"))
    assert "{{ config.site_name }} <b onmouseover=alert(1)>" in term.visible()


# -- paths -------------------------------------------------------------------------------------------


def test_hostile_file_names_give_safe_story_paths(build: Build) -> None:
    ids = {a["id"] for a in build.data["articles"]}
    for name, story_id in HOSTILE_NAMES.items():
        assert story_id in ids, (name, story_id)
        assert build.page(f"stories/{story_id}").is_file()


def test_every_output_path_is_a_safe_slug_inside_the_site(build: Build) -> None:
    site = build.site.resolve()
    for path in build.site.rglob("*"):
        assert path.resolve().is_relative_to(site), path
        assert not path.is_symlink(), path
    for section in ("stories", "actors", "glossary"):
        for folder in (build.site / section).iterdir():
            if folder.is_dir():
                assert SLUG.fullmatch(folder.name) and len(folder.name) <= MAX_LENGTH, folder.name
    for item in ("articles", "actors", "terms"):
        for entry in build.data[item]:
            assert SLUG.fullmatch(entry["id"]) and len(entry["id"]) <= MAX_LENGTH, entry["id"]


def test_build_writes_only_into_the_site_folder(build: Build) -> None:
    site = str(build.site.relative_to(build.root.parent))
    cache = os.path.join("project", ".cache", "explainer") + os.sep  # the findings kept between builds
    outside = {k: v for k, v in build.after.items() if not k.startswith((site + os.sep, cache))}
    assert outside == build.before  # docs/ and seeds/ byte for byte, mtimes included; nothing new
    assert any(k.startswith(cache) and k.endswith(".pickle") for k in build.after)
    assert not any(k.startswith(site + os.sep) for k in build.before)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("../../evil", "evil"),
        ("/etc/passwd", "etc-passwd"),
        ("C:\\Windows\\System32", "c-windows-system32"),
        ("CON", "con-page"),
        ("lpt1", "lpt1-page"),
        ("com¹", "com1-page"),  # NFKD: the superscript is a 1, and COM¹ is reserved on Windows
        ("index", "index-page"),
        ("assets", "assets-page"),
        ("..", ""),
        ("", ""),
        ("Ünïcödé Straße", "unicode-strae"),
        ("a" * 300, "a" * 60),
        ("word " * 80, "-".join(["word"] * 12)),
    ],
)
def test_slugify_is_safe(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert ".." not in slug and "/" not in slug and "\\" not in slug and len(slug) <= MAX_LENGTH


def test_slug_registry_suffixes_collisions_deterministically() -> None:
    reg = SlugRegistry()
    assert [reg.claim(t) for t in ("Jane Doe", "jane-doe", "JANE  DOE", "Jane Doe 2")] == [
        "jane-doe",
        "jane-doe-2",
        "jane-doe-3",
        "jane-doe-2-2",
    ]
    long = "z" * 80
    claimed = [reg.claim(long) for _ in range(11)]
    assert claimed[:2] == ["z" * 60, "z" * 58 + "-2"] and claimed[-1] == "z" * 57 + "-11"
    assert all(len(c) <= MAX_LENGTH for c in claimed)
    names = [SlugRegistry().claim(n, "actor") for n in ("Сергей Лавров", "王毅", "Сергей Лавров")]
    assert names[0] == names[2] != names[1]  # no ASCII letters: a digest keeps names apart, and stable
    assert all(re.fullmatch(r"actor-[0-9a-f]{8}", n) for n in names)
    assert SlugRegistry().claim("!!!", "actor") == "actor"


# -- YAML ---------------------------------------------------------------------------------------------


def test_yaml_is_read_only_with_safe_loaders() -> None:
    """`safe_load`, or `load` with a SafeLoader (or a subclass of it defined in the same file)."""
    safe_loads = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for banned in ("unsafe_load", "FullLoader", "UnsafeLoader", "yaml.Loader", "full_load"):
            assert banned not in text, (path, banned)
        for call in re.finditer(r"yaml\.(?:load|load_all)\(([^\n]*)", text):
            loader = re.search(r"Loader=(?:yaml\.)?(\w+)", call.group(1))
            assert loader is not None, (path, call.group(0))
            name = loader.group(1)
            assert name in ("SafeLoader", "CSafeLoader") or re.search(rf"class {name}\(yaml\.(?:C)?SafeLoader\)", text)
        safe_loads += len(re.findall(r"yaml\.safe_load\(", text))
    assert safe_loads >= 2  # seeds' and curated files' front matter at least


def test_front_matter_that_is_no_date_or_too_deep_warns() -> None:
    from explainer.editing.curation import parse_entry

    for front in ("date: 2024-13-45", "date: " + "[" * 2000, "title: [1, 2]"):
        result = parse(f"---\n{front}\n---\nTitle\n\nBody text.\n", path="seeds/x.txt")
        assert result.article.title == "Title" and len(result.warnings) == 1, result.warnings
        assert str(result.warnings[0]).startswith("seeds/x.txt")
    warnings: list[Diagnostic] = []
    assert parse_entry("---\nname: 2024-02-30\n---\nBio", section="actors", path="d/x.md", warnings=warnings) is None
    assert [str(w) for w in warnings] == ["d/x.md:1: front matter is not valid YAML (day is out of range for month)"]


# -- reproducible builds -----------------------------------------------------------------------------


def _project(root: Path) -> Path:
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for name in CORPUS_FILES:
        shutil.copyfile(CORPUS / name, seeds / name)
    for path in [SEED, *sorted(STORIES.glob("*.txt"))]:
        shutil.copyfile(path, seeds / path.name)
    for rel, text in CURATED.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    mkdocs_yml(root)
    return root


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Different folders, different hash seeds (set and dict order), the same SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    sites = []
    for n, (folder, site_dir) in enumerate((("one", "site"), ("two/nested", "out/www"))):
        root = _project(tmp_path / folder)
        monkeypatch.setenv("PYTHONHASHSEED", str(n + 1))
        run_mkdocs("build", "--site-dir", site_dir, cwd=root)
        sites.append(root / site_dir)
    files = [sorted(str(p.relative_to(s)) for p in s.rglob("*") if p.is_file()) for s in sites]
    assert files[0] == files[1]
    different = [f for f in files[0] if (sites[0] / f).read_bytes() != (sites[1] / f).read_bytes()]
    assert different == []
    epoch = dt.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), dt.UTC).date().isoformat()
    assert f"<lastmod>{epoch}</lastmod>" in (sites[0] / "sitemap.xml").read_text(encoding="utf-8")


def test_seed_links_outside_the_project_are_refused_and_named(tmp_path: Path) -> None:
    from explainer.extraction.seeds import read_seeds

    project = tmp_path / "project"
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret headline\n\nThe vault code is here.\n", encoding="utf-8")
    (seeds / "story.txt").write_text("Headline\n\nThe port reopened on Monday.\n", encoding="utf-8")
    (seeds / "outside.txt").symlink_to(secret)
    (seeds / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    (project / "drafts").mkdir()
    (project / "drafts" / "inside.txt").write_text("Inside\n\nA story kept in the project.\n", encoding="utf-8")
    (seeds / "inside.txt").symlink_to(project / "drafts" / "inside.txt")
    problems: list[Diagnostic] = []
    articles = read_seeds(seeds, problems)
    warnings = [str(p) for p in problems]
    assert sorted(a.title for a in articles) == ["Headline", "Inside"]
    assert any("seeds/outside.txt: links outside the project" in w for w in warnings)
    assert any("seeds/dangling.txt: is a link to nothing" in w for w in warnings)
    assert any("seeds/loop.txt: is a link that loops" in w for w in warnings)


def test_utf16_seed_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Headline\n\nThe port reopened on Monday.\n".encode("utf-16"))
    assert read_seed(path).article.sentences[0].text == "The port reopened on Monday."


def test_control_characters_from_yaml_escapes_are_cleaned() -> None:
    article = parse('---\ntitle: "A\\0B\\e C"\nsource: "X\\x07Y"\n---\nHeadline\n\nBody text.\n', path="s.txt").article
    assert article.title == "AB C" and article.source == "XY"


def test_the_json_of_hostile_input_still_follows_its_schema(build: Build) -> None:
    from conftest import assert_follows_schema

    assert_follows_schema(build.data, build.site / "explainer.schema.json")


# -- a seed that is no story: bounded pages ------------------------------------------------------------


def _boards(n: int) -> str:
    """A pasted list of n invented boards, each defined with its acronym: n organisations, n terms;
    the last sentence uses a term of the editor's glossary."""
    codes = itertools.islice(itertools.product(string.ascii_uppercase, repeat=3), n)
    return (
        "Boards of the valley\n\n"
        + " ".join(
            f"The {a.lower()}ven {b.lower()}dal {c.lower()}mor Board ({a}{b}{c}B) met on Monday." for a, b, c in codes
        )
        + " Each board pays the river toll."
    )


def test_a_seed_past_the_limits_makes_bounded_pages_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs" / "glossary").mkdir(parents=True)
    (tmp_path / "docs" / "glossary" / "river-toll.md").write_text(
        "---\nterm: river toll\n---\nWhat a boat pays to pass the weir.\n", encoding="utf-8"
    )
    (tmp_path / "seeds" / "boards.txt").write_text(_boards(PROFILES_PER_STORY + 20), encoding="utf-8")
    findings, story, diagnostics = extract_story(tmp_path / "seeds", tmp_path / "docs")
    own = [t for t in findings[0].terms if t.source == "article"]
    assert len(findings[0].actors) > PROFILES_PER_STORY and len(own) > TERMS_PER_STORY
    # each board is named once: the first named are kept, in the story's order
    assert [a.id for a in story.actors] == [a.id for a in findings[0].actors[:PROFILES_PER_STORY]]
    assert {t.term for t in story.terms} == {"river toll", *(t.term for t in own[:TERMS_PER_STORY])}
    # the editor's term keeps its use: only the story's own definitions are cut
    assert [u.text for u in story.term_uses if u.term == "river-toll"] == ["river toll"]
    assert [str(d) for d in diagnostics] == [
        f"seeds/boards.txt: {PROFILES_PER_STORY + 20} people and organisations named in one story; profiles are"
        f" made for the {PROFILES_PER_STORY} it names most often (a news story names a few dozen): check that"
        " the file is one story",
        f"seeds/boards.txt: {PROFILES_PER_STORY + 20} terms defined in one story; the glossary takes"
        f" {TERMS_PER_STORY} of them (a news story defines a handful): check that the file is one story",
    ]


def _findings(article_id: str, actors: tuple[Actor, ...], once: set[str], speaker: str) -> Findings:
    """A story naming each actor twice, those in `once` once, in which `speaker` says something and
    claims a figure."""
    sentence = Sentence("s1", "Ten said 5 boats sank.", 0)
    article = Article(article_id, f"seeds/{article_id}.txt", "T", (Block("paragraph", (sentence,)),))
    span = Span(article_id, "s1", 0, 3)
    mentions = tuple(Mention(a.id, span, a.name) for a in actors for _ in range(1 if a.id in once else 2))
    return Findings(
        article,
        actors=actors,
        mentions=mentions,
        quotes=(Quote(f"{article_id}-q1", article_id, speaker, "Go", "said", span),),
        figures=(
            Figure(f"{article_id}-f1", article_id, "5", 5.0, None, None, "boats", (FigureSource(span, speaker),)),
        ),
    )


def test_an_actor_left_out_of_one_story_stays_whole_where_another_keeps_it() -> None:
    crowd = tuple(
        Actor(f"a{i}", f"A{i}", "organization", affiliation="gone" if i == 1 else None)
        for i in range(PROFILES_PER_STORY)
    )
    gone, kept = Actor("gone", "Gone", "organization"), Actor("kept", "Kept", "organization")
    # the long story names `gone` and `kept` once each, fewer times than anyone else: both are cut there
    long = _findings("list", (*crowd, gone, kept), {"gone", "kept"}, "kept")
    short = _findings("note", (kept,), set(), "kept")  # a story of one actor keeps `kept`
    warnings: list[Diagnostic] = []
    story = merge([long, short], Curation(), [], warnings)
    assert [w.path for w in warnings] == ["seeds/list.txt"]
    ids = {a.id for a in story.actors}
    assert "kept" in ids and "gone" not in ids and len(ids) == PROFILES_PER_STORY + 1
    # what `kept` said, claimed and where it was named in the long story stay its own: another story keeps it
    assert sorted((q.article, q.speaker) for q in story.quotes) == [("list", "kept"), ("note", "kept")]
    assert sorted((f.article, f.claimant) for f in story.figures) == [("list", "kept"), ("note", "kept")]
    assert {m.span.article for m in story.mentions if m.actor == "kept"} == {"list", "note"}
    # an affiliation to an organisation no story keeps is dropped, as one to a hidden actor
    assert next(a for a in story.actors if a.id == "a1").affiliation is None


def test_what_an_actor_no_story_keeps_said_or_claimed_is_credited_to_no_one() -> None:
    crowd = tuple(Actor(f"a{i}", f"A{i}", "person") for i in range(PROFILES_PER_STORY))
    story = merge([_findings("list", (*crowd, Actor("gone", "Gone", "person")), {"gone"}, "gone")], Curation(), [], [])
    assert "gone" not in {a.id for a in story.actors}
    assert [q.speaker for q in story.quotes] == [None] and [f.claimant for f in story.figures] == [None]
    assert "gone" not in {m.actor for m in story.mentions}


# Letters `re.IGNORECASE` matches to an ASCII one that `str.lower` leaves apart (ı, ſ) or turns into
# two (İ): a word the case-insensitive patterns matched was then looked up lower-cased, and the
# lookup failed (a KeyError stopped the build) or read a billion as one.
@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Officials said ſeventeen people died.", [("ſeventeen people", 17.0)]),
        ("About a thırd of the voters agreed.", [("About a thırd", 1 / 3)]),
        ("Some ſix-and-a-half years passed.", [("Some ſix-and-a-half years", 6.5)]),
        ("One in ſix homes flooded.", [("One in ſix", 1 / 6)]),
        ("A fund of $5 bıllion was set up.", [("$5 bıllion", 5e9)]),
        ("The turnout was 45% of its its.", [("45%", 45.0)]),  # a label read to nothing: no IndexError
    ],
)
def test_a_number_written_with_letters_that_fold_apart_is_read_as_matched(
    sentence: str, found: list[tuple[str, float]]
) -> None:
    article = parse(f"---\ndate: 2024-05-05\n---\nTitle\n\n{sentence}\n", path="x.txt").article
    assert [(f.value, f.number) for f in extract(article).figures] == found


@pytest.mark.parametrize(
    ("sentence", "when", "date"),
    [
        ("The vote was held yeſterday.", "yeſterday", "2024-05-04"),
        ("Prices rose laſt month.", "laſt month", "2024-04"),
    ],
)
def test_a_date_written_with_letters_that_fold_apart_is_resolved(sentence: str, when: str, date: str) -> None:
    article = parse(f"---\ndate: 2024-05-05\n---\nTitle\n\n{sentence}\n", path="x.txt").article
    assert [(e.when, e.date) for e in extract(article).events] == [(when, date)]


@pytest.mark.parametrize(
    "body",
    [
        # an acronym owned by an acronym: the chain ends at the name
        "The Harbour Council (XQ) met on Monday.\n\nXQ (ZB) said ZB would appeal.",
        # two acronyms that own each other: a loop, resolved to nobody
        "Officials of QX (GR) spoke. Officials of GR (QX) spoke. QX said so.",
    ],
)
def test_acronyms_that_own_each_other_are_no_crash(body: str) -> None:
    # `_resolve_acronyms` moved an acronym to its owner and dropped the acronym; an owner that was
    # itself an acronym, dropped first, left mentions of an actor with no kind (a KeyError that
    # stopped the build)
    article = parse(f"---\ndate: 2024-05-05\n---\nTitle\n\n{body}\n", path="x.txt").article
    findings = extract(article)
    ids = {a.id for a in findings.actors}
    assert all(m.actor in ids for m in findings.mentions)

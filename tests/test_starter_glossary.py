"""The starter glossary: common news terms the package carries, shown where a story uses them."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from explainer.editing import curation as curation_module
from explainer.editing.curation import STARTER_GLOSSARY_DIR, Curation, load_curation, parse_entry, with_starter
from explainer.extraction.vocabulary import STOPWORDS
from explainer.pipeline import build_site
from explainer.site.sitemap import GLOSSARY, HOME

STORY = """---
date: 2025-05-06
---
Port Talks Stall

Union leaders called a walkout at the harbour after the talks on a new contract broke down.
The council said an evacuation order for the low streets would stay in force.
"""


def _starter(folder: Path, entries: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in entries.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "README.md").write_text("The starter glossary.\n", encoding="utf-8")
    return folder


STARTER = {
    "walkout.md": "---\nterm: walkout\naliases: [work stoppage]\n---\nWorkers leaving their jobs together in protest.\n",
    "evacuation-order.md": "---\nterm: evacuation order\naliases: [order to evacuate]\n---\nAn official instruction to leave an area.\n",
    "tariff.md": "---\nterm: tariff\n---\nA tax on imported goods.\n",
}


@pytest.fixture
def starter_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = _starter(tmp_path / "starter", STARTER)
    monkeypatch.setattr(curation_module, "STARTER_GLOSSARY_DIR", folder)
    return folder


def _project(tmp_path: Path, glossary: dict[str, str] | None = None) -> tuple[Path, Path]:
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir()
    (seeds / "port.txt").write_text(STORY, encoding="utf-8")
    (docs / "glossary").mkdir(parents=True)
    for name, text in (glossary or {}).items():
        (docs / "glossary" / name).write_text(text, encoding="utf-8")
    return seeds, docs


def test_only_the_starter_terms_a_story_uses_appear(tmp_path: Path, starter_dir: Path) -> None:
    seeds, docs = _project(tmp_path)
    site = build_site(seeds, docs, starter_glossary=True)
    assert sorted(t.id for t in site.story.terms) == ["evacuation-order", "walkout"]  # no tariff
    assert "glossary/walkout.md" in site.pages and "glossary/tariff.md" not in site.pages
    assert (
        "[**walkout**](walkout.md) (work stoppage): Workers leaving their jobs together in protest."
        in (site.pages[GLOSSARY])
    )
    assert "[walkout](glossary/walkout.md)" in site.pages[HOME]
    assert site.diagnostics == ()


def test_the_starter_glossary_is_off_unless_asked_for(tmp_path: Path, starter_dir: Path) -> None:
    seeds, docs = _project(tmp_path)
    assert build_site(seeds, docs).story.terms == ()


def test_a_sites_own_entry_wins_by_slug_by_name_and_by_alias(tmp_path: Path, starter_dir: Path) -> None:
    own = {
        "walkout.md": "---\nterm: walkout\n---\nOur own words for it.\n",
        "leaving-orders.md": "---\nterm: leaving order\naliases: [evacuation order]\n---\nThe site's definition.\n",
    }
    seeds, docs = _project(tmp_path, own)
    site = build_site(seeds, docs, starter_glossary=True)
    terms = {t.id: t for t in site.story.terms}
    assert terms["walkout"].curated_definition == "Our own words for it."
    assert "evacuation-order" not in terms  # its name is the site's alias: the site's entry has it
    assert terms["leaving-orders"].curated_definition == "The site's definition."
    merged = with_starter(load_curation(docs))
    assert [e.slug for e in merged.starter] == ["tariff"]
    # an alias of a starter term that is one of the site's names is dropped, the rest kept
    folder = _starter(
        tmp_path / "other", {"stoppage.md": "---\nterm: stoppage\naliases: [walkout, sit-down]\n---\nA halt.\n"}
    )
    (entry,) = with_starter(load_curation(docs), folder).starter
    assert entry.aliases == ("sit-down",)


def test_starter_terms_change_the_cache_key_so_turning_it_on_re_extracts(tmp_path: Path, starter_dir: Path) -> None:
    from explainer.editing.cache import FindingsCache

    seeds, docs = _project(tmp_path)
    cache = FindingsCache(tmp_path / ".cache")
    build_site(seeds, docs, cache=cache)
    site = build_site(seeds, docs, cache=cache, starter_glossary=True)
    assert cache.misses == 2 and [t.id for t in site.story.terms] == ["evacuation-order", "walkout"]


# -- the data the package ships -------------------------------------------------------------


def _shipped() -> list[tuple[Path, object]]:
    out = []
    for path in sorted(STARTER_GLOSSARY_DIR.glob("*.md")):
        if path.name == "README.md":
            continue
        problems: list[str] = []
        entry = parse_entry(path.read_text(encoding="utf-8"), section="glossary", path=path.name, warnings=problems)
        assert entry is not None and problems == [], (path.name, problems)
        out.append((path, entry))
    return out


def test_the_shipped_starter_glossary_is_clean_data() -> None:
    entries = _shipped()
    assert len(entries) >= 200
    assert (STARTER_GLOSSARY_DIR / "README.md").is_file()  # says where the definitions come from
    forms: collections.Counter[str] = collections.Counter()
    for path, entry in entries:
        assert isinstance(entry, curation_module.CuratedTerm)
        assert set(entry.lines) <= {"term", "aliases"}, path.name  # no related/hide: nothing to dangle
        assert entry.term, path.name
        words = len(entry.body.split())
        assert 15 <= words <= 100, (path.name, words)
        assert "[" not in entry.body and "#" not in entry.body, path.name  # plain prose, no links or headings
        for form in (entry.display_name, *entry.aliases):
            key = form if form.isupper() else form.lower()
            forms[key] += 1
            assert key.lower() not in STOPWORDS, (path.name, form)  # a function word would match everywhere
    assert [f for f, n in forms.items() if n > 1] == []


def test_the_shipped_starter_glossary_loads_beside_a_site_without_warnings(tmp_path: Path) -> None:
    merged = with_starter(Curation())
    assert merged.warnings == [] and len(merged.starter) == len(_shipped())

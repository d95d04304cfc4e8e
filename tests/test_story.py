"""The merged Story: deterministic, and the same whether extraction runs in one process or several."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer import pipeline
from explainer.editing import cache as cache_module
from explainer.editing.cache import FindingsCache
from explainer.pipeline import PARALLEL_FROM, build_story

NAMES = ["Jane Doe", "Omar Haddad", "Li Wei", "Ana Ruiz", "Kofi Mensah", "Sara Berg", "Ivan Petrov"]


def write_seeds(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        name = NAMES[i % len(NAMES)]
        (folder / f"story-{i:03d}.txt").write_text(
            f"---\ndate: 2025-03-{1 + i % 28:02d}\n---\nStorm {i} Hits Coast\n\n"
            f"Finance Minister {name} said on Tuesday that at least {i + 3} people died in district {i}.\n\n"
            f'"We will rebuild," {name.split()[-1]} told reporters.\n',
            encoding="utf-8",
        )


def test_parallel_and_serial_extraction_give_the_same_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_seeds(tmp_path / "seeds", PARALLEL_FROM + 6)
    pools: list[int] = []

    class Counting(pipeline.ProcessPoolExecutor):
        def __init__(self, *args: object, **kwargs: object) -> None:
            pools.append(1)
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", Counting)
    serial = build_story(tmp_path / "seeds", None, workers=1)  # no cache given: everything extracted
    assert pools == []
    parallel = build_story(tmp_path / "seeds", None, workers=2)
    assert pools == [1]  # the worker processes did run
    assert parallel == serial
    assert len(serial.articles) == PARALLEL_FROM + 6
    speakers = {q.speaker for q in serial.quotes}
    assert speakers == {"jane-doe", "omar-haddad", "li-wei", "ana-ruiz", "kofi-mensah", "sara-berg", "ivan-petrov"}


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = pipeline.extract

    def counting(article, curated_terms=()):  # type: ignore[no-untyped-def]
        calls.append(article.id)
        return real(article, curated_terms)

    monkeypatch.setattr(pipeline, "extract", counting)
    return calls


def test_rebuild_reuses_findings_of_unchanged_stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_seeds(tmp_path / "seeds", 3)
    calls = _counting(monkeypatch)
    cache = FindingsCache()  # in memory, as the plugin keeps it across `mkdocs serve` rebuilds
    first = build_story(tmp_path / "seeds", None, cache)
    (tmp_path / "seeds/story-001.txt").write_text(
        "---\ndate: 2025-03-02\n---\nStorm Update\n\nAt least 9 people died.\n", encoding="utf-8"
    )
    second = build_story(tmp_path / "seeds", None, cache)
    assert calls == ["story-000", "story-001", "story-002", "story-001"]
    assert first.articles[0] == second.articles[0]
    assert [f.value for f in second.figures if f.article == "story-001"] == ["At least 9 people"]
    assert len(cache.memory) == 3  # the old story-001 is forgotten: the memory never outgrows the site


def test_the_disk_cache_serves_a_new_process_and_is_never_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_seeds(tmp_path / "seeds", 3)
    folder = tmp_path / ".cache/explainer"
    cold = build_story(tmp_path / "seeds", None, FindingsCache(folder))
    assert len(list(folder.glob("*.pickle"))) == 3
    calls = _counting(monkeypatch)
    warm = build_story(tmp_path / "seeds", None, FindingsCache(folder))  # a fresh cache object: a new build
    assert (calls, warm) == ([], cold)
    # a curated glossary term changes what extraction reads: every story is read again
    (tmp_path / "docs/glossary").mkdir(parents=True)
    (tmp_path / "docs/glossary/district.md").write_text("---\nterm: district\n---\nAn area.\n", encoding="utf-8")
    build_story(tmp_path / "seeds", tmp_path / "docs", FindingsCache(folder))
    assert sorted(calls) == ["story-000", "story-001", "story-002"]
    assert len(list(folder.glob("*.pickle"))) == 3  # the entries of the old terms are removed
    # so does a change to the code: its version is part of every key
    calls.clear()
    monkeypatch.setattr(cache_module, "code_version", lambda: "another version")
    build_story(tmp_path / "seeds", tmp_path / "docs", FindingsCache(folder))
    assert len(calls) == 3


def test_a_corrupt_or_unwritable_cache_is_a_miss_not_an_error(tmp_path: Path) -> None:
    write_seeds(tmp_path / "seeds", 2)
    folder = tmp_path / "cache"
    expected = build_story(tmp_path / "seeds", None, FindingsCache(folder))
    for entry in folder.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert build_story(tmp_path / "seeds", None, FindingsCache(folder)) == expected
    blocked = tmp_path / "a-file"
    blocked.write_text("x", encoding="utf-8")
    assert build_story(tmp_path / "seeds", None, FindingsCache(blocked / "cache")) == expected


def test_a_story_keeps_its_address_when_a_file_of_the_same_slug_is_added(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "harbour-strike.txt").write_text("Harbour Strike Ends\n\nDockers went back to work.\n", encoding="utf-8")
    before = [a.id for a in pipeline.read_seeds(seeds, [])]
    for newcomer in ("Harbour Strike.txt", "HARBOUR_STRIKE.txt", "harbour strike.md"):
        (seeds / newcomer).write_text("Harbour Strike Again\n\nThe dockers walked out.\n", encoding="utf-8")
    after = {a.path.rsplit("/", 1)[-1]: a.id for a in pipeline.read_seeds(seeds, [])}
    assert before == ["harbour-strike"]
    assert after["harbour-strike.txt"] == "harbour-strike"
    assert sorted(v for k, v in after.items() if k != "harbour-strike.txt") == [
        "harbour-strike-2",
        "harbour-strike-3",
        "harbour-strike-4",
    ]


def test_the_build_pauses_automatic_collection_and_gives_it_back_as_it_found_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a build allocates objects that all stay; full collections set off by that growth only walk them
    import gc

    write_seeds(tmp_path / "seeds", 2)
    seen: list[bool] = []
    render = pipeline.Renderer.pages

    def pages(self: pipeline.Renderer) -> dict[str, str]:
        seen.append(gc.isenabled())
        return render(self)

    monkeypatch.setattr(pipeline.Renderer, "pages", pages)
    assert gc.isenabled()
    pipeline.build_site(tmp_path / "seeds", None)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(RuntimeError), pipeline.collector_paused():
            raise RuntimeError("a failed build")
        assert not gc.isenabled()  # left off by whoever turned it off
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), pipeline.collector_paused():
        raise RuntimeError("a failed build")
    assert gc.isenabled()

"""The merged Story: deterministic, and the same whether extraction runs in one process or several."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer import story as story_module
from explainer.story import PARALLEL_FROM, build_story

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
    monkeypatch.setenv("EXPLAINER_WORKERS", "1")
    story_module._FINDINGS.clear()
    serial = build_story(tmp_path / "seeds", None)
    monkeypatch.setenv("EXPLAINER_WORKERS", "2")
    story_module._FINDINGS.clear()
    parallel = build_story(tmp_path / "seeds", None)
    assert parallel == serial
    assert len(serial.articles) == PARALLEL_FROM + 6
    speakers = {q.speaker for q in serial.quotes}
    assert speakers == {"jane-doe", "omar-haddad", "li-wei", "ana-ruiz", "kofi-mensah", "sara-berg", "ivan-petrov"}


def test_rebuild_reuses_findings_of_unchanged_stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_seeds(tmp_path / "seeds", 3)
    calls: list[str] = []
    real = story_module.extract

    def counting(article, curated_terms=()):  # type: ignore[no-untyped-def]
        calls.append(article.id)
        return real(article, curated_terms)

    monkeypatch.setattr(story_module, "extract", counting)
    story_module._FINDINGS.clear()
    first = build_story(tmp_path / "seeds", None)
    (tmp_path / "seeds/story-001.txt").write_text(
        "---\ndate: 2025-03-02\n---\nStorm Update\n\nAt least 9 people died.\n", encoding="utf-8"
    )
    second = build_story(tmp_path / "seeds", None)
    assert calls == ["story-000", "story-001", "story-002", "story-001"]
    assert first.articles[0] == second.articles[0]
    assert [f.value for f in second.figures if f.article == "story-001"] == ["At least 9 people"]


def test_a_story_keeps_its_address_when_a_file_of_the_same_slug_is_added(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "harbour-strike.txt").write_text("Harbour Strike Ends\n\nDockers went back to work.\n", encoding="utf-8")
    before = [a.id for a in story_module.read_seeds(seeds, [])]
    for newcomer in ("Harbour Strike.txt", "HARBOUR_STRIKE.txt", "harbour strike.md"):
        (seeds / newcomer).write_text("Harbour Strike Again\n\nThe dockers walked out.\n", encoding="utf-8")
    after = {a.path.rsplit("/", 1)[-1]: a.id for a in story_module.read_seeds(seeds, [])}
    assert before == ["harbour-strike"]
    assert after["harbour-strike.txt"] == "harbour-strike"
    assert sorted(v for k, v in after.items() if k != "harbour-strike.txt") == [
        "harbour-strike-2",
        "harbour-strike-3",
        "harbour-strike-4",
    ]

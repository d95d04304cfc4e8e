"""The editor's workflow: curated overrides, hide and same_as, several stories, live reload."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import run_mkdocs
from test_build import TINY, page_file, write_tiny_site

SECOND = """---
date: 2025-03-16
source: AFP
---
Rebuilding Begins After Storm
Crews clear debris ©JOHN ROE / AFP

Doe said on Sunday that more than 300 homes were destroyed.

"Every family will be housed," Doe said.

Jane Roe with AFP
"""


def build(root: Path, strict: bool = True) -> subprocess.CompletedProcess[str]:
    return run_mkdocs("build", *(["--strict"] if strict else []), cwd=root, check=strict)


def data(root: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((root / "site/explainer.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_curated_fields_override_and_body_becomes_bio(tmp_path: Path) -> None:
    write_tiny_site(
        tmp_path,
        TINY,
        {
            "docs/actors/jane-doe.md": """\
                ---
                role: Minister of Finance
                summary: Finance minister since 2023.
                aliases: [J. Doe]
                ---
                Jane Doe trained as an **economist**.
                """
        },
    )
    build(tmp_path)
    actor = next(a for a in data(tmp_path)["actors"] if a["id"] == "jane-doe")
    assert actor["roles"] == ["Minister of Finance"]
    assert actor["summary"] == "Finance minister since 2023."
    assert "J. Doe" in actor["aliases"]
    html = page_file(tmp_path / "site", "actors/jane-doe/").read_text(encoding="utf-8")
    assert "<strong>economist</strong>" in html  # the body, as Markdown
    assert "We will rebuild" in html  # extracted quotes stay
    assert not (tmp_path / "docs/actors/jane-doe.md").read_text(encoding="utf-8").count("We will rebuild")


def test_hide_drops_an_actor_and_its_links(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY, {"docs/actors/jane-doe.md": "---\nhide: true\n---\n"})
    build(tmp_path)
    assert "jane-doe" not in {a["id"] for a in data(tmp_path)["actors"]}
    assert not page_file(tmp_path / "site", "actors/jane-doe/").exists()
    story = page_file(tmp_path / "site", "stories/story/").read_text(encoding="utf-8")
    assert "actors/jane-doe" not in story
    assert [q["speaker"] for q in data(tmp_path)["quotes"]] == [None]


def test_same_as_merges_and_missing_target_warns(tmp_path: Path) -> None:
    story = TINY.replace("Finance Minister Jane Doe said", "Finance Minister Jane Doe and Reuters said")
    write_tiny_site(tmp_path, story, {"docs/actors/reuters.md": "---\nsame_as: jane-doe\n---\n"})
    build(tmp_path)
    ids = {a["id"] for a in data(tmp_path)["actors"]}
    assert "reuters" not in ids
    assert "Reuters" in next(a for a in data(tmp_path)["actors"] if a["id"] == "jane-doe")["aliases"]

    (tmp_path / "docs/actors/reuters.md").write_text("---\nsame_as: nobody\n---\n", encoding="utf-8")
    proc = run_mkdocs("build", "--strict", cwd=tmp_path, check=False)
    assert proc.returncode != 0
    assert "docs/actors/reuters.md:2: same_as 'nobody' points to no actor" in proc.stderr


def test_curated_entry_no_story_mentions_renders_with_warning(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY, {"docs/actors/ada-lovelace.md": "---\nname: Ada Lovelace\n---\nMathematician.\n"})
    proc = build(tmp_path, strict=False)
    assert "docs/actors/ada-lovelace.md:2: 'Ada Lovelace' is not mentioned in any story" in proc.stderr
    assert "Mathematician." in page_file(tmp_path / "site", "actors/ada-lovelace/").read_text(encoding="utf-8")
    assert run_mkdocs("build", "--strict", cwd=tmp_path, check=False).returncode != 0


def test_duplicate_slugs_warn(tmp_path: Path) -> None:
    write_tiny_site(
        tmp_path,
        TINY,
        {"docs/glossary/storm-surge.md": "---\nterm: storm surge\n---\nA.\n", "docs/glossary/Storm Surge.md": "B.\n"},
    )
    proc = run_mkdocs("build", "--strict", cwd=tmp_path, check=False)
    assert "duplicate slug 'storm-surge'" in proc.stderr


def test_several_stories_merge_actors_and_group_figures(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY)
    (tmp_path / "seeds/story-2.txt").write_text(SECOND, encoding="utf-8")
    build(tmp_path)
    d = data(tmp_path)
    assert [a["title"] for a in d["articles"]] == ["Storm Hits Coast", "Rebuilding Begins After Storm"]
    people = [a for a in d["actors"] if a["kind"] == "person"]
    assert [p["id"] for p in people] == ["jane-doe"]  # "Doe" in the second story is the same person
    assert {q["article"] for q in d["quotes"] if q["speaker"] == "jane-doe"} == {"story", "story-2"}
    site = tmp_path / "site"
    profile = page_file(site, "actors/jane-doe/").read_text(encoding="utf-8")
    assert "We will rebuild" in profile and "Every family will be housed" in profile
    figures = page_file(site, "figures/").read_text(encoding="utf-8")
    figures = figures[figures.index('<article class="md-content__inner') :]  # the page body, not its metadata
    assert figures.index("Storm Hits Coast") < figures.index("at least 12 people")
    assert figures.index("Rebuilding Begins After Storm") < figures.index("more than 300 homes")
    assert page_file(site, "stories/story-2/").is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return str(r.read().decode("utf-8"))


def _wait_for(url: str, needle: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} not served at {url} within {seconds} s")


def test_serve_rebuilds_when_a_seed_or_curated_file_is_saved(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_for(base + "stories/story/", "at least 12 people died", 60)
        seed = tmp_path / "seeds/story.txt"
        seed.write_text(TINY.replace("at least 12 people died", "at least 15 people died"), encoding="utf-8")
        _wait_for(base + "stories/story/", "at least 15 people died", 30)
        (tmp_path / "docs/actors").mkdir()
        (tmp_path / "docs/actors/jane-doe.md").write_text(
            "---\nrole: Treasurer\n---\nA curated bio.\n", encoding="utf-8"
        )
        _wait_for(base + "actors/jane-doe/", "A curated bio.", 30)
    finally:
        server.terminate()
        server.wait(timeout=20)


ACRONYM_STORY = TINY.replace(
    "at least 12 people died.",
    "at least 12 people died, the National Disaster Office (NDO) said. A storm surge (SS) followed. 9/11 was recalled.",
)


def test_glossary_hide_same_as_and_symbol_terms(tmp_path: Path) -> None:
    write_tiny_site(
        tmp_path,
        ACRONYM_STORY,
        {
            "docs/glossary/ss.md": "---\nterm: SS\nhide: true\n---\n",
            "docs/glossary/flood.md": "---\nterm: flood\naliases: [floods]\n---\nWater where it is usually dry.\n",
            "docs/glossary/flooded-street.md": "---\nterm: flooded street\nsame_as: flood\n---\n",
            "docs/glossary/9-11.md": "---\nterm: 9/11\n---\nThe attacks of 11 September 2001.\n",
        },
    )
    build(tmp_path)  # --strict: the '#' section of the A-Z index has a real anchor
    terms = {t["id"]: t for t in data(tmp_path)["terms"]}
    assert "ss" not in terms and not page_file(tmp_path / "site", "glossary/ss/").exists()
    assert "flooded street" in terms["flood"]["aliases"]
    assert "flooded-street" not in terms
    index = page_file(tmp_path / "site", "glossary/").read_text(encoding="utf-8")
    assert 'id="letter-other"' in index and 'href="#letter-other"' in index


def test_curated_affiliation_is_resolved_or_reported(tmp_path: Path) -> None:
    write_tiny_site(
        tmp_path,
        TINY.replace("Finance Minister Jane Doe said", "Finance Minister Jane Doe of Reuters Group said"),
        {"docs/actors/jane-doe.md": "---\naffiliation: Reuters Group\n---\n"},
    )
    build(tmp_path)
    actor = next(a for a in data(tmp_path)["actors"] if a["id"] == "jane-doe")
    assert actor["affiliation"] == "reuters-group"
    (tmp_path / "docs/actors/jane-doe.md").write_text("---\naffiliation: Nowhere Inc\n---\n", encoding="utf-8")
    proc = run_mkdocs("build", "--strict", cwd=tmp_path, check=False)
    assert "docs/actors/jane-doe.md:2: affiliation 'Nowhere Inc' names no actor" in proc.stderr


def test_a_broken_template_override_is_one_line(tmp_path: Path) -> None:
    write_tiny_site(tmp_path, TINY, {"templates/timeline.md.j2": "# Timeline\n\n{% for e in story.events %}\n"})
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "plugins: [search, explainer]", "plugins: [search, {explainer: {templates_dir: templates}}]"
        ),
        encoding="utf-8",
    )
    proc = run_mkdocs("build", cwd=tmp_path, check=False)
    assert proc.returncode != 0
    assert "timeline.md.j2:3: template syntax error" in proc.stderr
    assert "Traceback" not in proc.stderr


def _story_with(tmp_path: Path, curated: dict[str, str]) -> tuple[list[str], set[str]]:
    """The warnings and actor ids of the tiny story with these curated files, read in-process."""
    from explainer.pipeline import extract_story

    story = TINY.replace("Finance Minister Jane Doe said", "Finance Minister Jane Doe and Reuters said")
    write_tiny_site(tmp_path, story, curated)
    _, built, problems = extract_story(tmp_path / "seeds", tmp_path / "docs")
    return [str(p) for p in problems], {a.id for a in built.actors}


def test_a_same_as_cycle_is_one_error_and_deletes_nobody(tmp_path: Path) -> None:
    warnings, ids = _story_with(
        tmp_path,
        {
            "docs/actors/jane-doe.md": "---\nsame_as: reuters\n---\n",
            "docs/actors/reuters.md": "---\nsame_as: jane-doe\n---\n",
        },
    )
    cycles = [w for w in warnings if "same_as makes a cycle" in w]
    assert len(cycles) == 1 and cycles[0].startswith("docs/actors/jane-doe.md:2:")
    assert {"jane-doe", "reuters"} <= ids  # both actors kept


def test_same_as_to_a_hidden_entry_and_hide_of_nothing_are_named(tmp_path: Path) -> None:
    warnings, ids = _story_with(
        tmp_path,
        {
            "docs/actors/reuters.md": "---\nsame_as: jane-doe\n---\n",
            "docs/actors/jane-doe.md": "---\nhide: true\n---\n",
            "docs/actors/ghost.md": "---\nname: Ghost Writer\nhide: true\n---\n",
        },
    )
    assert any(w.startswith("docs/actors/reuters.md:2: same_as leads to 'jane-doe', which is hidden") for w in warnings)
    assert any(w.startswith("docs/actors/ghost.md:3: hide: 'Ghost Writer' matches no actor") for w in warnings)
    assert "reuters" in ids  # not deleted with the hidden entry


def test_a_dangling_related_term_is_named(tmp_path: Path) -> None:
    warnings, _ = _story_with(
        tmp_path, {"docs/glossary/storm.md": "---\nterm: storm\nrelated: [flod]\n---\nA storm.\n"}
    )
    assert any(w.startswith("docs/glossary/storm.md:3: related 'flod' is no glossary entry") for w in warnings)


def test_typos_get_a_did_you_mean_with_their_line(tmp_path: Path) -> None:
    warnings, _ = _story_with(
        tmp_path,
        {
            "docs/actors/jane-doe.md": "---\nrole: Minister\nalias: [JD]\nkind: persn\n---\n",
            "docs/actors/doe.md": "---\nsame_as: jane-do\n---\n",
            "docs/glossary/storm.md": "---\nterm: storm\nrelated: [storms]\n---\nA storm.\n",
        },
    )
    assert "docs/actors/jane-doe.md:3: unknown front-matter key 'alias' (did you mean 'aliases'?)" in "\n".join(
        warnings
    )
    assert any(
        w.startswith("docs/actors/jane-doe.md:4: 'kind' must be one of") and "(did you mean 'person'?)" in w
        for w in warnings
    )
    assert any(
        w.startswith("docs/actors/doe.md:2: same_as 'jane-do' points to no actor (did you mean 'jane-doe'?)")
        for w in warnings
    )
    assert any(
        w.startswith("docs/glossary/storm.md:3: related 'storms' is no glossary entry (did you mean 'storm'?)")
        for w in warnings
    )


def test_a_far_off_slug_gets_no_guess(tmp_path: Path) -> None:
    warnings, _ = _story_with(tmp_path, {"docs/actors/doe.md": "---\nsame_as: zzz-qqq\n---\n"})
    problem = next(w for w in warnings if "same_as 'zzz-qqq'" in w)
    assert "did you mean" not in problem


def test_an_unclosed_bracket_is_reported_on_its_own_line(tmp_path: Path) -> None:
    warnings, _ = _story_with(
        tmp_path, {"docs/actors/jane-doe.md": "---\nrole: Minister\naliases: [JD, Janey\nkind: person\n---\n"}
    )
    assert any(w.startswith("docs/actors/jane-doe.md:3: front matter is not valid YAML") for w in warnings), warnings

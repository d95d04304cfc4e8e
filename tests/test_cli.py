"""The `explainer` command: extract, check, export (built by plain MkDocs), eject."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEED, assert_follows_schema, run_mkdocs
from explainer.diagnostics import Diagnostic


def explainer(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "explainer.cli", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("seeds", "docs"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_extract_prints_the_json_contract() -> None:
    proc = explainer("extract", str(SEED))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"version", "articles", "figures", "actors", "quotes", "terms", "events"}
    assert data["figures"][0]["value"] == "up to 8,000 North Korean soldiers"
    assert data["figures"][0]["number"] == 8000


def test_extract_missing_file_is_one_line() -> None:
    proc = explainer("extract", "nope.txt")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == ["nope.txt: cannot be read (No such file or directory); skipped"]


def test_check_passes_on_the_real_project_and_names_bad_files(tmp_path: Path) -> None:
    assert explainer("check").returncode == 0
    project = copy_project(tmp_path)
    (project / "docs/actors").mkdir(exist_ok=True)
    (project / "docs/actors/ghost.md").write_text("---\nname: Ghost\nsame_as: nobody\n---\n", encoding="utf-8")
    (project / "docs/glossary/bad.md").write_text("---\nterm: x\nwhat: 1\n---\nBody\n", encoding="utf-8")
    proc = explainer("check", cwd=project)
    assert proc.returncode == 1
    assert "docs/glossary/bad.md:3: unknown front-matter key 'what'" in proc.stderr
    assert "docs/actors/ghost.md:3: same_as 'nobody' points to no actor" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_export_builds_with_plain_mkdocs_to_the_same_pages(tmp_path: Path, built_site: Path) -> None:
    out = tmp_path / "export"
    proc = explainer("export", str(out))
    assert proc.returncode == 0, proc.stderr
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(config.split("\n", 1)[1].replace("!ENV", ""))["plugins"] == ["search"]
    run_mkdocs("build", "--strict", cwd=out)

    def pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}

    assert pages(out / "site") == pages(built_site)
    assert (out / "docs/stories/2024-10-31-north-korean-troops-ukraine.md").is_file()
    exported = json.loads((out / "site/explainer.json").read_text(encoding="utf-8"))
    assert_follows_schema(exported, out / "site/explainer.schema.json")  # the contract travels with the export
    assert exported == json.loads((built_site / "explainer.json").read_text(encoding="utf-8"))

    # the same cross-links on every page, though the plain build runs no linker
    def cross_links(html: Path) -> list[tuple[str, str]]:
        text = html.read_text(encoding="utf-8")
        return re.findall(r'<a class="explainer-link" data-preview="" href="([^"]+)">([^<]+)</a>', text)

    compared = 0
    for rel in sorted(pages(built_site)):
        expected = cross_links(built_site / rel)
        assert cross_links(out / "site" / rel) == expected, rel
        compared += len(expected)
    assert compared > 100


def test_eject_copies_once_and_refuses_to_overwrite(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    first = explainer("eject", "timeline", cwd=project)
    assert first.returncode == 0, first.stderr
    assert (project / "docs/timeline.md").read_text(encoding="utf-8").startswith("---")
    again = explainer("eject", "timeline", cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert explainer("eject", "no/such/page", cwd=project).returncode == 1


def test_every_page_the_guide_names_ejects_and_builds_strictly(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    one = explainer("eject", "story", cwd=project)  # one story: `story` is its page
    assert one.returncode == 0, one.stderr
    assert "no longer follows the seeds" in one.stderr
    (project / "seeds/harbour-strike.txt").write_text(
        "Dockers walk out at Harbor City\n\nHARBOR CITY (Reuters) - Dock workers at Harbor City stopped work "
        "on Monday, union leader Ana Ruiz said.\n",
        encoding="utf-8",
    )
    several = explainer("eject", "story", cwd=project)
    assert several.returncode == 1 and "several stories; name one: stories/" in several.stderr
    for name in ("home", "stories/harbour-strike", "figures", "timeline", "stories"):
        proc = explainer("eject", name, cwd=project)
        assert proc.returncode == 0, (name, proc.stderr)
    assert (project / "docs/index.md").is_file() and (project / "docs/stories/harbour-strike.md").is_file()
    typo = explainer("eject", "timelne", cwd=project)
    assert typo.returncode == 1 and "(did you mean 'timeline'?)" in typo.stderr
    check = explainer("check", cwd=project)
    build = run_mkdocs("build", "--strict", cwd=project, check=False)
    assert (check.returncode, build.returncode) == (0, 0), check.stderr + build.stderr  # check and build agree


def test_export_into_a_file_and_eject_of_an_index_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    proc = explainer("export", str(target))
    assert proc.returncode == 1 and "is not a folder" in proc.stderr and "Traceback" not in proc.stderr
    project = copy_project(tmp_path)
    proc = explainer("eject", "actors/index", cwd=project)
    assert proc.returncode == 1 and "cannot be ejected" in proc.stderr
    assert not (project / "docs/actors/index.md").exists()


def test_export_keeps_mkdocs_yml_tags_as_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - md_in_html\n",
            "  - md_in_html\n"
            "  - pymdownx.emoji:\n"
            "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
            "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "export"
    assert explainer("export", str(out), cwd=project).returncode == 0
    exported = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "!!python/name:material.extensions.emoji.twemoji" in exported
    assert '!ENV [SITE_URL, "http://127.0.0.1:8000/"]' in exported
    run_mkdocs("build", "--strict", cwd=out)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_export_never_targets_the_project_its_docs_or_seeds(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    before = _tree(project)
    for target in (".", "docs", "docs/glossary", "seeds", "..", str(project)):
        proc = explainer("export", target, "--force", cwd=project)
        assert proc.returncode == 1, target
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert _tree(project) == before  # nothing the editor wrote was touched


def test_export_replaces_only_an_earlier_export_and_only_with_force(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.md").write_text("my own notes", encoding="utf-8")
    proc = explainer("export", str(mine), "--force", cwd=project)
    assert proc.returncode == 1 and "not an earlier export" in proc.stderr
    assert (mine / "notes.md").read_text(encoding="utf-8") == "my own notes"

    out = tmp_path / "out"
    assert explainer("export", str(out), cwd=project).returncode == 0
    (out / "stale.md").write_text("left over", encoding="utf-8")
    proc = explainer("export", str(out), cwd=project)
    assert proc.returncode == 1 and "pass --force" in proc.stderr
    assert explainer("export", str(out), "--force", cwd=project).returncode == 0
    assert not (out / "stale.md").exists() and (out / "mkdocs.yml").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out-")] == []  # no half-written folder left


def test_a_dangling_page_link_and_plugins_as_a_mapping_are_one_line_not_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "docs" / "gone.md").symlink_to(tmp_path / "nowhere.md")
    proc = explainer("export", str(tmp_path / "out"), cwd=project)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "docs/gone.md: is a link to nothing" in proc.stderr
    (project / "docs" / "gone.md").unlink()

    # `plugins:` as a mapping: the CLI reads the plugin's options from it (a seeds folder of another name)
    (project / "seeds").rename(project / "stories")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"plugins:\n(?:  .*\n)+", "plugins:\n  search: {}\n  explainer:\n    seeds_dir: stories\n", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    proc = explainer("check", cwd=project)
    assert "1 story checked" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


def test_an_unreadable_seeds_folder_is_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from explainer.extraction.seeds import read_seeds

    seeds = tmp_path / "seeds"
    seeds.mkdir()

    def refuse(self: Path) -> object:
        raise PermissionError(13, "Permission denied")

    warnings: list[Diagnostic] = []
    with monkeypatch.context() as mp:  # as root, chmod cannot make a folder unreadable
        mp.setattr(Path, "iterdir", refuse)
        assert read_seeds(seeds, warnings) == []
    assert len(warnings) == 1 and "the seeds folder cannot be read (Permission denied)" in str(warnings[0])


def test_new_makes_a_project_that_builds_strictly_at_once(tmp_path: Path) -> None:
    proc = explainer("new", "mine", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    project = tmp_path / "mine"
    assert {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()} == {
        "mkdocs.yml", "README.md", "requirements.txt", ".gitignore", ".github/workflows/pages.yml",
        "seeds/sample-story.txt", "docs/.gitkeep",
    }  # fmt: skip
    assert 'site_name: "Riverton approves flood barrier after record March rain: an explainer"' in (
        project / "mkdocs.yml"
    ).read_text(encoding="utf-8")
    run_mkdocs("build", "--strict", cwd=project)  # the plugin's theme additions come from the package
    page = (project / "site/stories/sample-story/index.html").read_text(encoding="utf-8")
    assert "application/ld+json" in page and "assets/explainer.css" in page
    assert explainer("check", cwd=project).returncode == 0
    # what a clone (and the Pages workflow's checkout) gets: git keeps no empty folder, so docs/ has a file
    import subprocess

    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "new"], cwd=project, check=True)
    subprocess.run(["git", "clone", "-q", str(project), str(tmp_path / "clone")], check=True)
    assert (tmp_path / "clone/docs").is_dir()
    assert explainer("check", cwd=tmp_path / "clone").returncode == 0


def test_new_starts_from_a_given_story_and_never_overwrites(tmp_path: Path) -> None:
    story = tmp_path / "ferry.txt"
    story.write_text("Ferry service cut to twice a week\n\nThe ferry will run twice a week, the operator said.\n")
    proc = explainer("new", "ferry-site", "--story", str(story), "--name", 'Ferries: "the" explainer', cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "ferry-site/seeds").iterdir()) == ["ferry.txt"]
    config = (tmp_path / "ferry-site/mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Ferries: \\"the\\" explainer"' in config  # quoted as YAML
    again = explainer("new", "ferry-site", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr.strip() == "ferry-site: exists and is not an empty folder; choose a new folder"


class _AnyTags(yaml.SafeLoader):
    """Reads `mkdocs.yml` with its `!ENV` and `!!python/name:` tags as None."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


def test_export_keeps_a_sites_own_nav(tmp_path: Path) -> None:
    # the plugin keeps a site's `nav:` and leaves the generated pages it omits out of navigation;
    # the export's plain build shows the same navigation, not the generated one
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "nav:\n  - Home: index.md\n  - Numbers: figures.md\n", encoding="utf-8"
    )
    out = tmp_path / "export"
    proc = explainer("export", str(out), cwd=project)
    assert proc.returncode == 0, proc.stderr
    exported = yaml.load((out / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTags)
    assert exported["nav"] == [{"Home": "index.md"}, {"Numbers": "figures.md"}]
    assert "/actors/" in exported["not_in_nav"].split()  # omitted generated pages: reached by links
    built = run_mkdocs("build", "--strict", cwd=out)
    assert "WARNING" not in built.stderr
    home = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "Numbers" in home

"""`explainer new DIR`: a fresh explainer project, in the convention of `mkdocs new`.

The files come from the package's `scaffold/` folder: `mkdocs.yml` (the plugin, Material,
strict validation), `seeds/` with a sample story of our own, `docs/` for the editor's files
(held by a `.gitkeep`, so a clone and the Pages workflow have it too), a GitHub Pages workflow
and a README with the two commands. Nothing that exists is ever overwritten.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from string import Template

from .extraction.reader import SeedError, read_seed

SCAFFOLD = Path(__file__).parent / "scaffold"
# files stored under another name in the package: dot-files are skipped by package-data globs
RENAMED = {"gitignore": ".gitignore", "github": ".github", "gitkeep": ".gitkeep"}
TEMPLATED = {"mkdocs.yml", "README.md"}  # `$site_name` is filled in; the others are copied as they are
SAMPLE = "seeds/sample-story.txt"


class NewSiteError(ValueError):
    """Why a project cannot be created there; the message names the folder or file."""


def default_site_name(story: Path) -> str:
    """`<headline>: an explainer`, from the story the project starts with."""
    try:
        title = read_seed(story).article.title.strip()
    except SeedError:
        title = ""
    return f"{title}: an explainer" if title else "An explainer"


def create(target: Path, *, site_name: str | None = None, story: Path | None = None) -> list[Path]:
    """Write a new project into `target` (new or empty) and return the files written.

    `story` replaces the sample story; `site_name` defaults to the first story's headline.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewSiteError(f"{target}: exists and is not an empty folder; choose a new folder")
    if story is not None and not story.is_file():
        raise NewSiteError(f"{story}: not found; pass the path of a story's text file")
    seed = story or SCAFFOLD / SAMPLE
    name = (site_name or "").strip() or default_site_name(seed)
    values = {"site_name": name, "site_name_yaml": json.dumps(name, ensure_ascii=False)}
    written: list[Path] = []
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(SCAFFOLD.rglob("*")):
        if source.is_dir() or source.name == "__pycache__" or source.suffix == ".pyc":
            continue
        rel = source.relative_to(SCAFFOLD)
        parts = [RENAMED.get(p, p) for p in rel.parts]
        dest = target.joinpath(*parts)
        if rel.as_posix() == SAMPLE and story is not None:
            dest = target / "seeds" / story.name
            source = story
        dest.parent.mkdir(parents=True, exist_ok=True)
        if rel.as_posix() in TEMPLATED:
            dest.write_text(Template(source.read_text(encoding="utf-8")).safe_substitute(values), encoding="utf-8")
        else:
            shutil.copyfile(source, dest)
        written.append(dest)
    return written

"""Read the seeds folder: every readable story, in date order, each with an address that never moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..diagnostics import Diagnostic
from ..files import outside_link
from ..model import Article
from ..slugs import slugify, suffixed
from .reader import SeedError, read_seed

SEED_SUFFIXES = (".txt", ".md", ".text")


def seed_paths(seeds_dir: Path) -> Iterator[Path]:
    """The paths the seeds folder holds stories at (files or not, readable or not: `read_seeds`
    says why one is not read)."""
    return (p for p in seeds_dir.iterdir() if p.suffix.lower() in SEED_SUFFIXES)


def read_seeds(seeds_dir: Path, warnings: list[Diagnostic]) -> list[Article]:
    """Every readable story in `seeds_dir`, in file-name order; unreadable ones skipped with a warning."""
    articles: list[Article] = []
    if not seeds_dir.is_dir():
        warnings.append(
            Diagnostic(str(seeds_dir), None, "seeds folder not found; create it and put a story's text in it")
        )
        return articles
    taken: set[str] = set()
    root = seeds_dir.resolve().parent  # the project: a seed may link to a file inside it, never outside
    try:
        listed = sorted(seed_paths(seeds_dir))
    except OSError as exc:
        warnings.append(
            Diagnostic(str(seeds_dir), None, f"the seeds folder cannot be read ({exc.strerror}); no story read")
        )
        return articles
    # A file named exactly as its address (`storm-warning.txt`) keeps that address, whatever is
    # added beside it later (`Storm Warning.txt` gets `storm-warning-2`): existing URLs never move.
    listed.sort(key=lambda p: (slugify(p.stem) != p.stem, p.name))
    for path in listed:
        name = f"{seeds_dir.name}/{path.name}"
        refused = outside_link(path, root, name)
        if refused:
            warnings.append(refused)
            continue
        if not path.is_file():
            continue
        try:
            result = read_seed(path, name=name)
        except SeedError as exc:
            warnings.append(exc.diagnostic)
            continue
        warnings.extend(result.warnings)
        article = result.article
        if article.id in taken:
            n = 2
            while suffixed(article.id, n) in taken:
                n += 1
            article = replace(article, id=suffixed(article.id, n))
        taken.add(article.id)
        articles.append(article)
    # chronological, undated stories last; file name breaks ties (ids stay as read)
    articles.sort(key=lambda a: (a.date is None, a.date or dt.date.min, a.path))
    if not articles:
        warnings.append(
            Diagnostic(str(seeds_dir), None, "no readable story found; add a UTF-8 .txt file with the story's text")
        )
    return articles

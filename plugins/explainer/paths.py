"""Relative links between pages, by their source paths (as under `docs/`)."""

from __future__ import annotations

import functools
import posixpath
from pathlib import Path


def relative(from_src: str, to_src: str, anchor: str = "") -> str:
    """The link from one page's source to another's: `stories/x.md` -> `../actors/y.md#s3`."""
    path = _relpath(to_src, posixpath.dirname(from_src) or ".")
    return path + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=1 << 16)
def _relpath(to_src: str, start: str) -> str:
    """`posixpath.relpath` (which asks the OS for the working directory on every call), memoised:
    a site links to each page from a handful of folders, tens of thousands of times."""
    return posixpath.relpath(to_src, start)


def outside_link(path: Path, root: Path, label: str) -> str | None:
    """Why a file that is a link may not be read, or None: a link must resolve to a file inside
    `root` (the project); a dangling link or a loop is named, never skipped in silence."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return f"{label}: is a link to nothing ({path.readlink()}); not read"
    except (OSError, RuntimeError):
        return f"{label}: is a link that loops; not read"
    if not target.is_relative_to(root.resolve()):
        return f"{label}: links outside the project (to {target}); not read. Copy the file into the project instead."
    return None


# The package's additions to Material: `main.html` (sharing metadata, JSON-LD, accessibility
# fixes) and the explainer's CSS, inserted into the theme by the plugin and copied by `export`.
THEME_DIR = Path(__file__).parent / "theme"
STARTER_GLOSSARY_DIR = Path(__file__).parent / "data" / "glossary"  # the `starter_glossary` option
THEME_CSS = "assets/explainer.css"

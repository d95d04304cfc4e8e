"""Relative links between pages, by their source paths (as under `docs/`)."""

from __future__ import annotations

import functools
import posixpath


def relative(from_src: str, to_src: str, anchor: str = "") -> str:
    """The link from one page's source to another's: `stories/x.md` -> `../actors/y.md#s3`."""
    path = _relpath(to_src, posixpath.dirname(from_src) or ".")
    return path + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=1 << 16)
def _relpath(to_src: str, start: str) -> str:
    """`posixpath.relpath` (which asks the OS for the working directory on every call), memoised:
    a site links to each page from a handful of folders, tens of thousands of times."""
    return posixpath.relpath(to_src, start)

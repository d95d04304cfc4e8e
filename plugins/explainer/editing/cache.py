"""Findings kept between builds: in memory under `mkdocs serve`, on disk under `.cache/`.

Extraction is pure: the same article and curated terms, read by the same code, give the same
findings. So a build extracts only the stories whose key it has not seen. The key is a hash of
what extraction reads (the article as the reader parsed it, its text and metadata included, and the
curated glossary terms) and of the code that reads it (every module and word list of the package,
and the Python version): an edited story, a new glossary entry or an upgrade gives a new key, so
an entry is never stale. The folder is safe to delete; entries this build did not use are
removed at its end, so it holds one site's findings, never more.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from ..model import Article, Findings, Term

PACKAGE = Path(__file__).resolve().parent.parent  # the explainer package
SUFFIX = ".pickle"


def make_cache_folder(folder: Path) -> None:
    """The cache folder, made if missing, with a `.gitignore` of everything in it: ignored by git
    wherever it is, as pytest and mypy do with theirs, so a build never makes the work tree dirty
    (`make deploy` refuses a dirty tree). Shared by the findings and the kept site."""
    folder.mkdir(parents=True, exist_ok=True)
    gitignore = folder / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("# created by mkdocs-explainer\n*\n", encoding="utf-8")


def replace_whole(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """`path` written by `write` into a temporary file beside it, then put in its place: whole or
    not at all, so a build killed mid-write leaves no torn entry (`FindingsCache.finish` sweeps
    what such a build left)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        write(fh)
    os.replace(tmp, path)


@functools.cache
def code_version() -> str:
    """A hash of the package's code and word lists: any change to how extraction reads gives new keys."""
    digest = hashlib.sha256(sys.version.encode())
    # word lists only: the starter glossary (data/glossary/) is read as curated terms, in `terms_digest`
    for path in sorted([*PACKAGE.rglob("*.py"), *(p for p in (PACKAGE / "data").glob("*") if p.is_file())]):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def terms_digest(curated: Sequence[Term]) -> bytes:
    """The curated terms extraction reads, as a digest computed once per build."""
    return hashlib.sha256(pickle.dumps(tuple(curated), protocol=5)).digest()


def findings_key(article: Article, terms: bytes) -> str:
    """What extraction reads (the article, the curated terms' `terms_digest`) and the code that
    reads it, as one hex digest."""
    payload = pickle.dumps(article, protocol=5)
    return hashlib.sha256(code_version().encode() + terms + payload).hexdigest()


class FindingsCache:
    """Findings by key: a memory layer (kept across `serve` rebuilds by the plugin that owns the
    cache) over an optional folder. A missing, unreadable or corrupt entry is a miss, never an error.
    With `keep=False` (a one-off build) nothing is held in memory: a read or written entry is
    handed on and can be freed once merged, so a large site's findings do not stay for the build."""

    def __init__(self, folder: Path | None = None, *, keep: bool = True) -> None:
        self.folder = folder
        self.keep = keep or folder is None  # without a folder, memory is the only place to keep them
        self.memory: dict[str, Findings] = {}
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{key}{SUFFIX}"

    def get(self, key: str) -> Findings | None:
        """The findings kept under `key`, or None (a corrupt or unreadable entry is a miss)."""
        self.used.add(key)
        found = self.memory.get(key)
        if found is None and self.folder is not None:
            found = self._read(key)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
            if self.keep:
                self.memory[key] = found
        return found

    def _read(self, key: str) -> Findings | None:
        try:
            with self._path(key).open("rb") as fh:
                found = pickle.load(fh)  # written by this package into the project's own .cache/
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError):
            return None
        return found if isinstance(found, Findings) else None

    def put(self, key: str, findings: Findings) -> None:
        """Keep findings under `key` (in memory, and on disk when the cache has a folder)."""
        self.used.add(key)
        if self.keep:
            self.memory[key] = findings
        if self.folder is None:
            return
        try:
            if not self.folder.is_dir():
                make_cache_folder(self.folder)
            replace_whole(self._path(key), lambda fh: pickle.dump(findings, fh, protocol=5))
        except OSError:
            self.folder = None  # a read-only or full disk: carry on in memory only

    def finish(self) -> None:
        """End of a build: forget what it did not use, in memory and on disk."""
        self.memory = {k: v for k, v in self.memory.items() if k in self.used}
        if self.folder is not None and self.folder.is_dir():
            for path in self.folder.iterdir():
                stale = path.suffix == SUFFIX and path.stem not in self.used
                if stale or path.suffix == ".tmp":
                    path.unlink(missing_ok=True)
        self.used = set()

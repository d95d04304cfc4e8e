"""The built site kept between one-off builds: a build whose inputs are all unchanged reads the
pages, their JSON-LD and `explainer.json` back instead of merging, rendering and encoding again.

The findings cache (`editing.cache`) already spares extraction; what a warm build still did was
everything after it: reading each story's findings back, merging them, rendering every page and
writing the structured data, about 2 s at 400 stories on 30 s of MkDocs' own work. This entry holds
what those steps produce, under a key of everything they read: every file of the seeds and docs
folders and of the templates folder, the site's own pages as MkDocs lists them (other plugins'
files included), the build's inputs and options, the navigation a site writes, and every file of
the package with the Python version. A change to any of them gives a new key, so the entry is
never stale. Each page's JSON-LD also depends on the page URLs MkDocs settles after the pages are
placed: the entry keeps the URLs it was made with, and where they differ it is not used.

One entry per cache folder, `site.built`, replaced by each build that misses; safe to delete.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..diagnostics import Diagnostic
from .linker import LinkIndex, Target
from .sitemap import Layout

PACKAGE = Path(__file__).resolve().parent.parent  # the explainer package
ENTRY = "site.built"  # not the findings cache's suffix: its end-of-build sweep leaves this alone
FORMAT = b"explainer-site-1"  # bumped if the entry's shape changes


@dataclass(frozen=True, slots=True)
class BuiltSite:
    """What one build made from its inputs: the generated pages' Markdown, where they go, the
    link targets, the problems found, `explainer.json` as written, and each page's JSON-LD with
    the page URLs it was made for."""

    pages: dict[str, str]
    layout: Layout
    links: tuple[tuple[str, Target], ...]
    diagnostics: tuple[Diagnostic, ...]
    contract: bytes
    jsonld: dict[str, str]  # page source path -> its JSON-LD, as the theme prints it
    urls: dict[str, str]  # page source path -> the URL its JSON-LD was made with

    def link_index(self) -> LinkIndex:
        """The build's link index, compiled again from its targets."""
        return LinkIndex(self.links)


@functools.cache
def package_version() -> bytes:
    """Every file of the package (code, word lists, templates, theme) and the Python version: a
    change to how any page is made gives new keys."""
    # the pages are rendered by Jinja: its version too (extraction's findings do not depend on it)
    digest = hashlib.sha256(f"{sys.version}\0{jinja2.__version__}".encode())
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def _folder(digest: hashlib._Hash, name: str, folder: Path | None, files: str) -> None:
    """Every file under `folder` matching `files`, by relative path, link target and bytes (a
    missing folder is an input too)."""
    digest.update(b"\0folder\0" + name.encode() + b"\0")
    if folder is None or not folder.is_dir():
        digest.update(b"-")
        return
    for path in sorted(p for p in folder.rglob(files) if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_symlink():  # a curated file linked from outside the project is refused: where it points counts
            digest.update(b"->" + os.readlink(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            data = path.read_bytes()
        except OSError:  # unreadable now: the build names it; a later readable version keys anew
            digest.update(b"unreadable")
            continue
        digest.update(len(data).to_bytes(8, "big") + data)


def site_key(
    *,
    folders: Mapping[str, tuple[Path | None, str]],
    own_text: Mapping[str, str],
    settings: Iterable[object],
) -> str:
    """The key of one build's inputs: the files of each of `folders` (name -> the folder and the
    files read in it, as a glob: the docs folder's Markdown, not its images), the site's own pages
    as MkDocs lists them (`own_text`), and `settings` (the build's inputs, the plugin's options and
    the MkDocs options the pages and structured data read), each by its `repr`."""
    digest = hashlib.sha256(FORMAT + package_version())
    for name, (folder, files) in sorted(folders.items()):
        _folder(digest, name, folder, files)
    for src, text in sorted(own_text.items()):
        data = text.encode("utf-8", "surrogatepass")
        digest.update(b"\0own\0" + src.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
    for setting in settings:
        digest.update(b"\0setting\0" + repr(setting).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class SiteCache:
    """The one built site kept in a cache folder. A missing, unreadable, corrupt or other-key entry
    is a miss, never an error; a folder that cannot be written is left as it is."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ENTRY

    def get(self, key: str) -> BuiltSite | None:
        """The site built from the inputs `key` names, or None."""
        try:
            with self.path.open("rb") as fh:
                kept_key, built = pickle.load(fh)  # written by this package into the project's own .cache/
        except (
            OSError,
            EOFError,
            ValueError,
            pickle.UnpicklingError,
            AttributeError,
            ImportError,
            IndexError,
            TypeError,
        ):
            return None
        return built if kept_key == key and isinstance(built, BuiltSite) else None

    def put(self, key: str, built: BuiltSite) -> None:
        """Keep `built` as the folder's one entry (whole or not at all)."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            gitignore = folder / ".gitignore"
            if not gitignore.exists():  # ignored by git, as the findings cache's folder is
                gitignore.write_text("# created by mkdocs-explainer\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((key, built), fh, protocol=5)
            os.replace(tmp, self.path)
        except OSError:
            return  # a read-only or full disk: the next build builds again

"""The built site kept between one-off builds: a build whose inputs are all unchanged reads the
pages, their JSON-LD and `explainer.json` back instead of merging, rendering and encoding again.

The findings cache (`editing.cache`) already spares extraction; what a warm build still did was
everything after it: reading each story's findings back, merging them, rendering every page and
writing the structured data, about 2 s at 400 stories on 30 s of MkDocs' own work. This entry holds
what those steps produce, under a key of everything they read, read as the build reads it: the
seeds the reader lists, the curated files, every file a template may include, each by its bytes
and, for a link, where it leads (a link out of the project is refused, so that counts too); the
site's own pages as MkDocs lists them (other plugins' pages included); the build's inputs and
options, the navigation a site writes; every file of the package with the Python, Jinja and YAML
versions. A change to any of them gives a new key, so the entry is never stale. Each page's
JSON-LD also depends on the page URLs MkDocs settles after the pages are placed: the entry keeps
the URLs it was made with, and where they differ the JSON-LD is made again.

One entry per cache folder, `site.built` (see `SiteCache`), replaced by each build that misses;
safe to delete.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import jinja2
import yaml

from ..diagnostics import Diagnostic
from ..editing.cache import PACKAGE, make_cache_folder, replace_whole
from ..editing.curation import CURATED_SECTIONS, curated_paths
from ..extraction.seeds import seed_paths
from .linker import LinkIndex, Target
from .sitemap import Layout

ENTRY = "site.built"  # not the findings cache's suffix: its end-of-build sweep leaves this alone
FORMAT = "explainer-site-3"  # changed whenever the entry's shape changes


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


# -- the key -----------------------------------------------------------------------------------


@functools.cache
def package_version() -> bytes:
    """Every file of the package (code, word lists, templates, theme) and the versions of what
    reads and renders with it: a change to how any page is made gives new keys."""
    versions = f"{sys.version}\0{jinja2.__version__}\0{yaml.__version__}\0{yaml.__with_libyaml__}"
    digest = hashlib.sha256(versions.encode())
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(os.fsencode(path.relative_to(PACKAGE).as_posix()) + b"\0" + path.read_bytes())
    return digest.digest()


def curated_files(folder: Path) -> Iterator[Path]:
    """The files the curation reader lists (`editing.curation.load_curation`), folder by folder."""
    for section in CURATED_SECTIONS:
        yield folder / section  # present or not, a folder or not, readable or not: all count
        if (folder / section).is_dir():
            yield from curated_paths(folder / section)


def template_files(folder: Path) -> Iterator[Path]:
    """Every file under a templates folder, through linked folders too (a template may include
    any of them), each real folder once."""
    seen: set[str] = set()
    for top, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(top)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        for name in files:
            yield Path(top) / name


def _entry(digest: Any, folder: Path, path: Path) -> None:
    """One listed path as the build meets it: a link by where it leads (or that it leads nowhere
    or loops), a folder as a folder, a file by its bytes, an unreadable one by its error."""
    digest.update(b"\0entry\0" + os.fsencode(path.relative_to(folder).as_posix()) + b"\0")
    if path.is_symlink():
        digest.update(b"link " + os.fsencode(os.readlink(path)) + b"\0")
        try:
            digest.update(b"to " + os.fsencode(path.resolve(strict=True)) + b"\0")
        except FileNotFoundError:
            digest.update(b"dangling")
            return
        except (OSError, RuntimeError):
            digest.update(b"loop")
            return
    if not path.exists():
        digest.update(b"absent")
        return
    if path.is_dir():
        digest.update(b"folder")
        return
    try:
        with path.open("rb") as fh:
            digest.update(b"file " + hashlib.file_digest(fh, "sha256").digest())
    except OSError as exc:
        digest.update(f"unreadable {exc.errno}".encode())


def _folder(digest: Any, name: str, folder: Path | None, listing: Callable[[Path], Iterable[Path]]) -> None:
    """The files `listing` finds in `folder`, each by `_entry`; where the folder resolves (a
    link leading out of the project is judged from there), and a folder that cannot be listed."""
    digest.update(b"\0folder\0" + name.encode() + b"\0")
    if folder is None:
        digest.update(b"none")
        return
    digest.update(os.fsencode(folder.resolve()) + b"\0")
    if not folder.is_dir():
        digest.update(b"missing")
        return
    try:
        listed = sorted(listing(folder))
    except OSError as exc:
        digest.update(f"unlisted {exc.errno}".encode())
        return
    for path in listed:
        _entry(digest, folder, path)


def site_key(
    *,
    seeds: Path | None,
    docs: Path | None,
    templates: Path | None,
    own_text: Mapping[str, str],
    settings: Iterable[object],
) -> str:
    """The key of one build's inputs: the seeds, curated files and templates the build reads,
    the site's own pages as MkDocs lists them (`own_text`), and `settings` (the build's inputs,
    the plugin's options and the MkDocs options the pages and structured data read), each by its
    `repr`."""
    digest = hashlib.sha256(FORMAT.encode() + package_version())
    _folder(digest, "seeds", seeds, seed_paths)
    _folder(digest, "docs", docs, curated_files)
    _folder(digest, "templates", templates, template_files)
    for src, text in sorted(own_text.items()):
        data = text.encode("utf-8", "surrogatepass")
        digest.update(b"\0own\0" + src.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(len(data).to_bytes(8, "big") + data)
    for setting in settings:
        digest.update(b"\0setting\0" + repr(setting).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# -- the entry ---------------------------------------------------------------------------------


class _Hashing:
    """A file that hashes what is written to it: the entry's body is pickled straight to disk
    (tens of MB at 1,000 stories) with its checksum, never held as one bytes object."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.fh.write(data)


class SiteCache:
    """The one built site kept in a cache folder. A missing, unreadable, corrupt or other-key entry
    is a miss, never an error; a folder that cannot be written is left as it is.

    The entry is a fixed-length header (format, key, checksum of the rest, as ASCII) and the site
    pickled: a build with other inputs reads the header only, and one whose bytes changed since
    they were written is a miss."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ENTRY

    def get(self, key: str) -> BuiltSite | None:
        """The site built from the inputs `key` names, or None."""
        try:
            with self.path.open("rb") as fh:
                if fh.read(HEADER - 64) != _header(key, "")[: HEADER - 64]:  # another format or other inputs
                    return None
                checksum = fh.read(64).decode("ascii")
                if hashlib.file_digest(fh, "sha256").hexdigest() != checksum:
                    return None
                fh.seek(HEADER)
                built = pickle.load(fh)  # written by this package into the project's own .cache/
        # whatever a damaged entry raises (MemoryError, RecursionError, ...): a miss, never a failed build
        except Exception:
            return None
        return built if isinstance(built, BuiltSite) else None

    def put(self, key: str, built: BuiltSite) -> None:
        """Keep `built` as the folder's one entry (whole or not at all)."""

        def write(fh: BinaryIO) -> None:
            fh.write(bytes(HEADER))  # the header once the body's checksum is known
            body = _Hashing(fh)
            pickle.dump(built, body, protocol=5)
            fh.seek(0)
            fh.write(_header(key, body.digest.hexdigest()))

        try:
            make_cache_folder(self.path.parent)
            replace_whole(self.path, write)
        except OSError:
            return  # a read-only or full disk: the next build builds again


HEADER = 32 + 64 + 64  # the format (padded), the key and the body's checksum, as ASCII


def _header(key: str, checksum: str) -> bytes:
    """The entry's header: each field padded to its length (a key is a SHA-256 in hex)."""
    return b"".join(field.ljust(n).encode("ascii") for field, n in ((FORMAT, 32), (key, 64), (checksum, 64)))

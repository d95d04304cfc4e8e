"""A project as MkDocs reads it, for both adapters: the plugin and the `explainer` command.

Its `mkdocs.yml` is read by MkDocs itself (`load`), so the command sees the same validated
options as a build, `!ENV` tags and all, whether `plugins:` is a list or a mapping. `inputs`
turns the MkDocs config and the plugin's options into the arguments of the one build call.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs import exceptions
from mkdocs.config.base import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel, get_files

from .config import ExplainerConfig
from .diagnostics import Diagnostic
from .pipeline import BuildInputs
from .site.trust import Publisher

PLUGIN = "explainer"


class ProjectError(ValueError):
    """A project that cannot be read or built as configured; the message is one line naming the file."""


def inputs(config: MkDocsConfig, options: ExplainerConfig, *, serving: bool = False) -> BuildInputs:
    """The build's inputs from a validated MkDocs config and the plugin's options. Under `serve`
    extraction stays in the process: the server runs threads, which forking must not copy, and a
    rebuild extracts only the story that changed."""
    root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    docs, seeds = Path(config.docs_dir), Path(options.seeds_dir)
    cache = (root / options.cache_dir).resolve() if options.cache else None
    for inside, key in ((docs.resolve(), "docs_dir"), (seeds.resolve(), "seeds_dir")):
        if cache is not None and cache.is_relative_to(inside):
            raise ProjectError(
                f"cache_dir '{options.cache_dir}' is inside {key}: it would be published or rebuild"
                " itself; use a folder of its own such as '.cache/explainer'"
            )
    workers = options.workers or min(os.cpu_count() or 1, 4)
    return BuildInputs(
        seeds=seeds,
        docs=docs,
        templates=Path(options.templates_dir) if options.templates_dir else None,
        site_name=config.site_name,
        starter_glossary=options.starter_glossary,
        publisher=Publisher.from_config(config.extra, config.repo_url),
        cache_dir=cache,
        workers=1 if serving else workers,
    )


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the message."""
        self.messages.append(record.getMessage())


@contextmanager
def _mkdocs_messages() -> Iterator[_Collect]:
    """What MkDocs logs while reading the config, collected instead of printed."""
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def load(config_file: Path) -> tuple[MkDocsConfig, ExplainerConfig]:
    """Read and validate `mkdocs.yml` as `mkdocs build` does; the explainer's options are its
    plugin's (defaults when the plugin is not listed). A problem is one `ProjectError` line."""
    if not config_file.is_file():
        raise ProjectError(f"{config_file}: not found; run this in the project folder or pass --config-file")
    with _mkdocs_messages() as said:
        try:
            config = load_config(str(config_file))
        except (exceptions.ConfigurationError, exceptions.Abort) as exc:
            detail = "; ".join(said.messages) or str(exc)
            raise ProjectError(f"{config_file}: {detail}") from None
        except OSError as exc:
            raise ProjectError(f"{config_file}: cannot be read ({exc.strerror})") from None
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None and isinstance(plugin.config, ExplainerConfig):
        return config, plugin.config
    options = ExplainerConfig(config_file_path=str(config_file))
    options.load_dict({})
    errors, _ = options.validate()
    if errors:  # pragma: no cover - the defaults are valid
        raise ProjectError(f"{config_file}: {errors[0][0]}: {errors[0][1]}")
    return config, options


@dataclass(frozen=True, slots=True)
class OwnPages:
    """A site's own documentation pages, as the plugin and the command both read them."""

    srcs: list[str]  # every one, curated entries included: what `sitemap.layout` places pages beside
    hidden: list[str]  # those the site keeps out of its navigation (for editors, not readers)
    text: dict[str, str]  # the pages for readers, with their text: profiles and terms they mention list them
    unreadable: list[Diagnostic]  # pages that could not be read, left out of `text`


def own_pages(files: Files, docs_dir: Path) -> OwnPages:
    """The site's own pages among `files` (curated profile and glossary files are data, not
    pages for readers, and neither are pages kept out of the navigation)."""
    pages = files.documentation_pages()
    hidden = [f.src_uri for f in pages if f.inclusion is InclusionLevel.NOT_IN_NAV]
    text: dict[str, str] = {}
    unreadable: list[Diagnostic] = []
    for f in pages:
        if f.src_uri.startswith(("actors/", "glossary/")) or f.inclusion is InclusionLevel.NOT_IN_NAV:
            continue
        try:
            text[f.src_uri] = f.content_bytes.decode("utf-8-sig", errors="replace")
        except OSError as exc:  # a dangling link, an unreadable file: named, then left out
            unreadable.append(
                Diagnostic(f"{docs_dir.name}/{f.src_uri}", None, f"cannot be read ({exc.strerror}); left out")
            )
    return OwnPages([f.src_uri for f in pages], hidden, text, unreadable)


def documentation_files(config: MkDocsConfig) -> Files:
    """The site's own files as MkDocs finds them (its `exclude_docs` and `not_in_nav` applied)."""
    with _mkdocs_messages():
        return get_files(config)

"""The plugin's options in `mkdocs.yml`, typed and documented."""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError


class _SitePath(c.Type[str]):
    """A relative path inside the built site: never absolute, never climbing out with `..`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        """The path, or a validation error naming what is wrong with it."""
        path = super().run_validation(value)
        parts = PurePosixPath(path.replace("\\", "/")).parts
        if not path.strip() or path.startswith(("/", "\\")) or ":" in path or ".." in parts:
            raise ValidationError(
                f"must be a relative path inside the built site, such as 'explainer.json' (got {path!r})"
            )
        return path


class ExplainerConfig(base.Config):
    """The plugin's options under `plugins: - explainer:` in `mkdocs.yml`, each documented below."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from `mkdocs.yml` (e.g. `enabled: !ENV [EXPLAINER, true]`)."""

    seeds_dir = c.Dir(exists=False, default="seeds")
    """Folder of wire stories (plain text, one story a file), relative to `mkdocs.yml`. A missing
    folder is a warning that says to create it, not an error: a new site may have no story yet."""

    templates_dir = c.Optional(c.Dir(exists=True))
    """Folder (relative to `mkdocs.yml`) of page templates overriding the built-in ones, by file name."""

    cross_links = c.Type(bool, default=True)
    """Link the first mention of each actor and term on every page to its page."""

    json_path = _SitePath(default="explainer.json")
    """Where the export contract is written in the built site."""

    starter_glossary = c.Type(bool, default=False)
    """Add the package's starter glossary: a few hundred common news terms (sanctions, ceasefire,
    indictment, magnitude, ...) defined in plain words, each shown only where a story uses it. A
    site's own `docs/glossary/` entry for the same term always wins. On in `explainer new`."""

    cache = c.Type(bool, default=True)
    """Keep each story's findings between builds, so only new or edited stories are extracted;
    and keep the pages a one-off build made, used again by the next build if no input changed."""

    cache_dir = c.Type(str, default=".cache/explainer")
    """Where the findings and pages are kept, relative to `mkdocs.yml`: safe to delete, never stale
    (a new story text, curated file, template, option or version of the plugin gives new entries);
    ignored by git."""

    workers = c.Type(int, default=0)
    """Worker processes that extract a large site's stories in parallel (64 stories or more);
    0 picks one per CPU, up to 4, and 1 keeps extraction in the build's own process. Under
    `mkdocs serve` extraction always stays in the process."""

    review = c.Choice(("serve", "always", "never"), default="serve")
    """The editor's review page (`review/`): what was extracted from each sentence and what to
    correct. `serve` shows it under `mkdocs serve` only, never in a built site; `always` builds it
    too (for a private preview), `never` leaves it out."""

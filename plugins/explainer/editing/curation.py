"""The editor's Markdown: curated actors (`docs/actors/*.md`) and glossary terms
(`docs/glossary/*.md`), each YAML front matter plus a Markdown body.

Front-matter fields override what extraction found; `hide: true` drops an entry;
`same_as: <slug>` merges it into another; the body becomes the bio or definition.
Problems are returned as `Diagnostic` values naming file and line, never raised as tracebacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic
from ..extraction.reader import clean_text, key_line, parse_corrections, read_front_matter
from ..extraction.terms import match_key
from ..files import outside_link
from ..model import ActorKind, Correction
from ..slugs import slugify
from ..suggest import did_you_mean

ACTOR_KEYS: dict[str, type | tuple[type, ...]] = {
    "name": str, "role": str, "roles": list, "kind": str, "aliases": list, "summary": str,
    "hide": bool, "same_as": str, "affiliation": str, "quotes": list, "corrections": list,
}  # fmt: skip
TERM_KEYS: dict[str, type | tuple[type, ...]] = {
    "term": str, "aliases": list, "hide": bool, "same_as": str, "related": list, "corrections": list,
}  # fmt: skip
KINDS = ("person", "organization", "place")
# the package's starter glossary of common news terms: the `starter_glossary` option
STARTER_GLOSSARY_DIR = Path(__file__).resolve().parent.parent / "data" / "glossary"


@dataclass(frozen=True, slots=True)
class CuratedEntry:
    """What every curated file gives: where it is, its Markdown body, the line of each key it
    sets, and the fields both kinds of entry may set."""

    slug: str  # the file's stem: the page it curates
    path: str
    body: str
    lines: Mapping[str, int]  # front-matter key -> its line in the file, for each key the file sets
    aliases: tuple[str, ...]
    hide: bool
    same_as: str | None
    corrections: tuple[Correction, ...]  # newest first

    def problem(self, key: str, message: str) -> Diagnostic:
        """A problem with one front-matter key, at its line."""
        return Diagnostic(self.path, self.lines.get(key, 1), message)


@dataclass(frozen=True, slots=True)
class CuratedActor(CuratedEntry):
    """`docs/actors/<slug>.md`: fields that override what the stories say of an actor."""

    name: str | None
    roles: tuple[str, ...]  # `role:` or `roles:`
    kind: ActorKind | None
    summary: str | None
    affiliation: str | None  # a profile's slug or name
    quotes: tuple[str, ...]  # the first words of quotes credited to this actor

    @property
    def display_name(self) -> str:
        """The name the file gives, or its slug when it gives none."""
        return self.name or self.slug


@dataclass(frozen=True, slots=True)
class CuratedTerm(CuratedEntry):
    """`docs/glossary/<slug>.md` (or a starter glossary file): a term, its aliases and its definition."""

    term: str | None
    related: tuple[str, ...]  # other entries' slugs

    @property
    def display_name(self) -> str:
        """The term as written, or the slug's words when the file gives none."""
        return self.term or self.slug.replace("-", " ")

    def forms(self) -> set[str]:
        """Its names as the glossary matches them: acronyms as written, the rest folded."""
        return {match_key(n) for n in (self.display_name, *self.aliases)}


@dataclass(frozen=True, slots=True)
class Curation:
    """Every curated file of a site, by kind, with the problems met reading them."""

    actors: list[CuratedActor] = field(default_factory=list)
    terms: list[CuratedTerm] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    # the package's starter glossary, less what the site's own entries define: shown only where a story uses it
    starter: list[CuratedTerm] = field(default_factory=list)


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def parse_entry(text: str, *, section: str, path: str, warnings: list[Diagnostic]) -> CuratedActor | CuratedTerm | None:
    """Parse one curated file's text; None (with a warning) when it cannot be used."""
    text = clean_text(text)
    slug = slugify(Path(path).stem)
    if not slug:
        warnings.append(Diagnostic(path, 1, "the file name gives an empty slug; rename it (e.g. 'jane-doe.md')"))
        return None
    front = read_front_matter(text, path)
    if front.problem:
        warnings.append(front.problem)
        return None
    meta: dict[str, Any] = front.meta or {}
    body = front.body.lstrip("\n")
    keys = ACTOR_KEYS if section == "actors" else TERM_KEYS
    lines = text.split("\n")
    where: dict[str, int] = {}
    for key in list(meta):
        line = where[key] = key_line(lines, key)
        if key not in keys:
            warnings.append(
                Diagnostic(
                    path,
                    line,
                    f"unknown front-matter key '{key}'{did_you_mean(str(key), keys)} (allowed: {', '.join(sorted(keys))})",
                )
            )
            del meta[key]
            continue
        expected = keys[key]
        value = meta[key]
        if key == "corrections":  # dated notes, read as a story's are
            meta[key] = parse_corrections(value, path, line, warnings)
        elif expected is list and isinstance(value, str):
            meta[key] = [value]
        elif expected is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            meta[key] = str(value)
        elif not isinstance(value, expected):
            name = expected.__name__ if isinstance(expected, type) else "value"
            warnings.append(Diagnostic(path, line, f"'{key}' must be a {name}, got {type(value).__name__}; ignored"))
            del meta[key]
        elif isinstance(value, list) and not all(isinstance(v, (str, int, float)) for v in value):
            warnings.append(Diagnostic(path, line, f"'{key}' must be a list of strings; ignored"))
            del meta[key]
    if "kind" in meta and meta["kind"] not in KINDS:
        line = where["kind"]
        warnings.append(
            Diagnostic(
                path,
                line,
                f"'kind' must be one of {', '.join(KINDS)}, got '{meta['kind']}'{did_you_mean(str(meta['kind']), KINDS)}; ignored",
            )
        )
        del meta["kind"]
    common: dict[str, Any] = {
        "slug": slug,
        "path": path,
        "body": body.strip(),
        "lines": where,
        "aliases": _strings(meta.get("aliases")),
        "hide": meta.get("hide") is True,
        "same_as": _text(meta.get("same_as")),
        "corrections": meta.get("corrections") or (),
    }
    if section == "actors":
        roles = _strings(meta.get("roles")) or ((str(meta["role"]),) if meta.get("role") else ())
        return CuratedActor(
            **common,
            name=_text(meta.get("name")),
            roles=roles,
            kind=meta.get("kind"),
            summary=_text(meta.get("summary")),
            affiliation=_text(meta.get("affiliation")),
            quotes=_strings(meta.get("quotes")),
        )
    return CuratedTerm(**common, term=_text(meta.get("term")), related=_strings(meta.get("related")))


CURATED_SECTIONS = ("actors", "glossary")  # the folders under docs/ whose `*.md` files are curated entries


def curated_paths(section: Path) -> list[Path]:
    """The curated entries' paths in one section folder (`docs/actors/`), in the order read."""
    return sorted(section.glob("*.md"))


def load_curation(docs_dir: Path) -> Curation:
    """Read every curated file under `docs_dir`; duplicate slugs are reported, the first kept."""
    out = Curation()
    for section in CURATED_SECTIONS:
        sub = section
        folder = docs_dir / sub
        if not folder.is_dir():
            continue
        seen: dict[str, str] = {}
        try:
            listed = curated_paths(folder)
        except OSError as exc:
            out.warnings.append(
                Diagnostic(
                    f"{docs_dir.name}/{sub}",
                    None,
                    f"the folder cannot be read ({exc.strerror}); its files are skipped",
                    "error",
                )
            )
            continue
        for path in listed:
            if path.name == "index.md":
                continue
            rel = f"{docs_dir.name}/{sub}/{path.name}"
            refused = outside_link(path, docs_dir.resolve().parent, rel)
            if refused:
                out.warnings.append(refused)
                continue
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                out.warnings.append(Diagnostic(rel, 1, f"cannot be read as UTF-8 text ({exc}); skipped", "error"))
                continue
            entry = parse_entry(text, section=section, path=rel, warnings=out.warnings)
            if entry is None:
                continue
            if entry.slug in seen:
                out.warnings.append(
                    Diagnostic(
                        rel,
                        1,
                        f"duplicate slug '{entry.slug}' (also {seen[entry.slug]}); this file is ignored",
                        "error",
                    )
                )
                continue
            seen[entry.slug] = rel
            if isinstance(entry, CuratedActor):
                out.actors.append(entry)
            elif isinstance(entry, CuratedTerm):
                out.terms.append(entry)
    return out


def with_starter(curation: Curation, folder: Path | None = None) -> Curation:
    """`curation` plus the starter glossary of common news terms the package carries.

    A site's own `docs/glossary/` entry always wins: a starter term with its slug or its name is
    left out, and a starter alias that names one of the site's terms is dropped from it.
    """
    own_slugs = {e.slug for e in curation.terms}
    own_forms = set().union(*(e.forms() for e in curation.terms))
    starter: list[CuratedTerm] = []
    for path in sorted((folder or STARTER_GLOSSARY_DIR).glob("*.md")):
        if path.name in ("README.md", "index.md"):
            continue
        problems: list[Diagnostic] = []
        entry = parse_entry(
            path.read_text(encoding="utf-8"),
            section="glossary",
            path=f"explainer/data/glossary/{path.name}",
            warnings=problems,
        )
        if not isinstance(entry, CuratedTerm) or problems:  # the package's own data: a test keeps every file clean
            curation.warnings.extend(problems)
            continue
        if entry.slug in own_slugs or match_key(entry.display_name) in own_forms:
            continue
        aliases = tuple(a for a in entry.aliases if match_key(a) not in own_forms)
        starter.append(replace(entry, aliases=aliases))
    return Curation(actors=curation.actors, terms=curation.terms, warnings=curation.warnings, starter=starter)

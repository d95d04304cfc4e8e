"""`explainer export`: the whole site as a plain MkDocs project that builds without the plugin.

The pages are placed as the plugin places them (`sitemap.layout`), cross-links are written into
their Markdown, and the package's Material additions become files. The export never writes into
the project: it goes to a fresh folder beside the target and is moved into place only when whole.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig

from .config import ExplainerConfig
from .pipeline import Site
from .site.assets import THEME_CSS, THEME_DIR
from .site.linker import link_markdown

MARK = ".explainer-export"  # written into every export: `--force` replaces only such a folder


class _Tagged:
    """A tagged value of mkdocs.yml (`!ENV [...]`, `!!python/name:...`) kept as written for the export."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class _KeepTags(yaml.SafeLoader):
    """Reads mkdocs.yml safely for the export: tags are carried through, never executed."""


class _KeepTagsDumper(yaml.SafeDumper):
    pass


def _keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(node.tag, node)


_KeepTags.add_multi_constructor("!", _keep)
_KeepTags.add_multi_constructor("tag:yaml.org,2002:python/", _keep)
_KeepTagsDumper.add_representer(_Tagged, lambda dumper, value: value.node)


def refusal(out: Path, root: Path, docs: Path, seeds: Path, *, force: bool) -> str | None:
    """Why `explainer export` may not write into `out`, or None. It never targets the project, its
    docs or seeds folder, or a folder that holds any of them, `--force` or not; a folder that is
    not empty must be an earlier export (it carries the mark) and `--force` must be given."""
    target = out.resolve()
    for protected, what in ((root, "the project"), (docs, "the docs folder"), (seeds, "the seeds folder")):
        p = protected.resolve()
        if target == p or p.is_relative_to(target) or (what != "the project" and target.is_relative_to(p)):
            return f"{out}: is or holds {what} ({protected}); export into a folder of its own"
    if out.exists() and not out.is_dir():
        return f"{out}: exists and is not a folder; choose a folder to export into"
    if out.exists() and any(out.iterdir()):
        if not (out / MARK).is_file():
            return f"{out}: folder is not empty and is not an earlier export; choose an empty or new folder"
        if not force:
            return f"{out}: holds an earlier export; pass --force to replace it"
    return None


def export(
    final: Path, site: Site, config: MkDocsConfig, options: ExplainerConfig, own: list[str], hidden: list[str]
) -> tuple[int, int, int]:
    """Write the export into `final` (new, empty or an earlier export): (generated pages, site
    pages, files that could not be read and were left out). `own` are the site's own
    documentation pages and `hidden` those it keeps out of its navigation."""
    final.parent.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))  # moved into place when whole
    try:
        count = _write(out, site, config, options, own, hidden)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    (out / MARK).write_text("Made by `explainer export`; `explainer export --force` may replace this folder.\n")
    if final.exists():
        shutil.rmtree(final)
    out.rename(final)
    return count


def _write(
    out: Path, site: Site, config: MkDocsConfig, options: ExplainerConfig, own: list[str], hidden: list[str]
) -> tuple[int, int, int]:
    config_file = Path(config.config_file_path or "mkdocs.yml")
    docs = Path(config.docs_dir)
    out_docs = out / "docs"
    out_docs.mkdir(parents=True, exist_ok=True)
    placed = site.layout(own, hidden, config.nav)  # a site's own `nav:` places pages as under the plugin

    def write_page(rel: str, markdown: str) -> None:
        target = out_docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        # cross-links written into the Markdown: the plain build has no linker to add them
        text = link_markdown(markdown, site.links, rel) if options.cross_links else markdown
        target.write_text(text, encoding="utf-8")

    # the site's own files (curated entries are data, merged into generated pages), then the
    # generated pages the layout places
    problems: list[str] = []
    copied = 0
    for path in sorted(docs.rglob("*")) if docs.is_dir() else []:
        rel = path.relative_to(docs).as_posix()
        if path.is_dir() or rel in placed.curated or rel.startswith(("actors/", "glossary/")):
            continue
        if not path.exists():  # a dangling link: named, left out, and the export fails at the end
            print(f"{docs.name}/{rel}: is a link to nothing; left out of the export", file=sys.stderr)
            problems.append(rel)
            continue
        try:
            text = path.read_text(encoding="utf-8-sig") if rel.endswith(".md") else None
        except UnicodeDecodeError:
            print(f"docs/{rel}: not valid UTF-8; copied unchanged, without cross-links", file=sys.stderr)
            text = None
        except OSError as exc:
            print(f"{docs.name}/{rel}: cannot be read ({exc.strerror}); left out of the export", file=sys.stderr)
            problems.append(rel)
            continue
        copied += rel.endswith(".md")
        if text is not None:
            write_page(rel, text)
        else:
            (out_docs / rel).parent.mkdir(parents=True, exist_ok=True)
            (out_docs / rel).write_bytes(path.read_bytes())
    for rel in placed.generated:
        write_page(rel, site.pages[rel])
    plain = _plain_config(out, out_docs, config_file)
    if config.nav is None:  # a site's own `nav:` is kept as written, as the plugin keeps it
        plain["nav"] = placed.nav
    # the layout's hidden pages, and those the site keeps out of its navigation itself
    plain["not_in_nav"] = "\n".join([*placed.not_in_nav(), *(f"/{src}" for src in hidden)]) + "\n"
    (out / "mkdocs.yml").write_text(
        "# Exported by `explainer export`: a plain MkDocs project, no explainer plugin needed.\n"
        + yaml.dump(plain, Dumper=_KeepTagsDumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    site.write_contract(out_docs / options.json_path, use_directory_urls=config.use_directory_urls)
    return len(placed.generated), copied, len(problems)


def _plain_config(out: Path, out_docs: Path, config_file: Path) -> dict[str, Any]:
    """`mkdocs.yml` as written (tags kept, never run), without the plugin, and with the files the
    plugin adds to Material (`main.html`, the CSS) written into the export."""
    as_written = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_KeepTags) or {}  # a SafeLoader subclass
    plain = {k: v for k, v in as_written.items() if k not in ("plugins", "docs_dir", "site_dir", "not_in_nav")}
    plain["plugins"] = ["search"]
    theme = as_written.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom_dir:  # theme overrides (accessibility fixes among them) travel with the export
        source = config_file.parent / str(custom_dir)
        dest = out / str(custom_dir)
        if source.is_dir() and dest.resolve().is_relative_to(out.resolve()):  # never written outside the export
            shutil.copytree(source, dest, dirs_exist_ok=True)
    theme_name = theme.get("name") if isinstance(theme, dict) else theme
    if theme_name == "material":  # the package's theme additions, which the plugin inserted, as files
        overrides = str(custom_dir or "overrides")
        dest = out / overrides
        if dest.resolve().is_relative_to(out.resolve()):
            dest.mkdir(parents=True, exist_ok=True)
            if not (dest / "main.html").exists():  # a site's own main.html wins, as under the plugin
                shutil.copy(THEME_DIR / "main.html", dest / "main.html")
            written = plain.get("theme")
            plain["theme"] = {
                **(written if isinstance(written, dict) else {"name": "material"}),
                "custom_dir": overrides,
            }
        css = out_docs / THEME_CSS
        if not css.exists():
            css.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(THEME_DIR / THEME_CSS, css)
        listed = plain.get("extra_css")
        plain["extra_css"] = [
            *(listed if isinstance(listed, list) else []),
            *([] if listed and THEME_CSS in listed else [THEME_CSS]),
        ]
    return plain

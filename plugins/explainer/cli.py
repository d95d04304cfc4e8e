"""The `explainer` command: new, extract, check, review, export and eject, without running MkDocs.

Every user mistake is reported as one `file:line: message` line on stderr with a non-zero
exit status; no traceback reaches the terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .editing.cache import FindingsCache
from .editing.curation import load_curation
from .editing.merge import curated_terms
from .extraction.reader import SeedError, read_seed
from .pipeline import Site, build_site
from .site.assets import THEME_CSS, THEME_DIR
from .site.export import story_to_dict
from .site.linker import link_markdown
from .site.render import FIGURES, HOME, STORIES, TIMELINE, Publisher, RenderError, story_page
from .suggest import did_you_mean

CONFIG = "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml safely, ignoring MkDocs' `!ENV`/`!relative` and Python tags."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV [NAME, default]` or `!ENV NAME`: the variable's value, else the default."""
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        names, default = [loader.construct_scalar(node)], None  # type: ignore[arg-type]
    return next((os.environ[n] for n in names if n in os.environ), default)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


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


def _project(config_file: Path) -> tuple[dict[str, Any], Path, Path, Path | None]:
    """(mkdocs config, seeds dir, docs dir, templates dir) from a project's mkdocs.yml."""
    cfg, seeds, docs, templates, _ = _project_options(config_file)
    return cfg, seeds, docs, templates


def _project_options(config_file: Path) -> tuple[dict[str, Any], Path, Path, Path | None, dict[str, Any]]:
    """As `_project`, plus the explainer plugin's own options."""
    if not config_file.is_file():
        raise SystemExit(f"{config_file}: not found; run this in the project folder or pass --config-file")
    try:
        cfg = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise SystemExit(f"{config_file}: not valid YAML ({exc})") from None
    root = config_file.parent
    options: dict[str, Any] = {}
    plugins = cfg.get("plugins") or []
    if isinstance(plugins, dict):  # `plugins:` written as a mapping of names to options
        plugins = [{name: value} for name, value in plugins.items()]
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and "explainer" in plugin:
            options = plugin["explainer"] or {}
    if not isinstance(options, dict):
        raise SystemExit(f"{config_file}: the explainer plugin's options must be a mapping of names to values")
    templates = options.get("templates_dir")
    return (
        cfg,
        root / str(options.get("seeds_dir", "seeds")),
        root / str(cfg.get("docs_dir", "docs")),
        root / str(templates) if templates else None,
        options,
    )


def _cache(config_file: Path) -> FindingsCache:
    """The build's findings cache, as the plugin's `cache` and `cache_dir` options place it."""
    *_, options = _project_options(config_file)
    if options.get("cache", True) is False:
        return FindingsCache()
    return FindingsCache(config_file.parent / str(options.get("cache_dir", ".cache/explainer")))


def _extraction(config_file: Path) -> dict[str, Any]:
    """The plugin's options that shape extraction, as keyword arguments of `extract_story` and
    `build_site`: the findings cache, and whether the starter glossary is on."""
    *_, options = _project_options(config_file)
    return {"cache": _cache(config_file), "starter_glossary": options.get("starter_glossary", False) is True}


def _whole_site(config_file: Path) -> Site:
    """The site as the plugin builds it, from a project's `mkdocs.yml` (for export and eject)."""
    cfg, seeds, docs, templates = _project(config_file)
    return build_site(
        seeds,
        docs,
        templates_dir=templates,
        site_name=str(cfg.get("site_name", "")),
        own_pages=own_pages(docs),
        publisher=Publisher.from_config(cfg.get("extra"), cfg.get("repo_url")),
        **_extraction(config_file),
    )


def cmd_extract(args: argparse.Namespace) -> int:
    try:
        result = read_seed(Path(args.seed))
    except SeedError as exc:
        print(exc, file=sys.stderr)
        return 1
    for w in result.warnings:
        print(w, file=sys.stderr)
    from .editing.merge import merge
    from .extraction.extract import extract

    docs = Path(args.docs) if args.docs else None
    curation = load_curation(docs) if docs and docs.is_dir() else None
    terms = curated_terms(curation) if curation else []
    findings = extract(result.article, terms)
    from .editing.curation import Curation

    story = merge([findings], curation or Curation(), terms, [])
    data = story_to_dict(story)
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .pipeline import extract_story

    _, seeds, docs, _ = _project(Path(args.config_file))
    _, story = extract_story(seeds, docs if docs.is_dir() else None, **_extraction(Path(args.config_file)))
    warnings = list(dict.fromkeys(story.warnings))
    for w in warnings:
        print(w, file=sys.stderr)
    count, n = len(warnings), len(story.articles)
    print(f"{n} stor{'y' if n == 1 else 'ies'} checked, {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
    return 1 if warnings else 0


def own_pages(docs: Path) -> dict[str, str]:
    """The site's hand-written pages (curated profile and glossary files are data, not pages)."""
    if not docs.is_dir():
        return {}
    out: dict[str, str] = {}
    for p in sorted(docs.rglob("*.md")):
        rel = p.relative_to(docs).as_posix()
        if rel.startswith(("actors/", "glossary/")):
            continue
        try:
            out[rel] = p.read_text(encoding="utf-8-sig", errors="replace")
        except OSError as exc:  # a dangling link, an unreadable file: named, then left out
            print(f"{docs.name}/{rel}: cannot be read ({exc.strerror}); left out", file=sys.stderr)
    return out


EXPORT_MARK = ".explainer-export"  # written into every export: `--force` replaces only such a folder


def export_refusal(out: Path, root: Path, docs: Path, seeds: Path, *, force: bool) -> str | None:
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
        if not (out / EXPORT_MARK).is_file():
            return f"{out}: folder is not empty and is not an earlier export; choose an empty or new folder"
        if not force:
            return f"{out}: holds an earlier export; pass --force to replace it"
    return None


def cmd_export(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file)
    cfg, seeds, docs, _, options = _project_options(config_file)
    final = Path(args.dir)
    refusal = export_refusal(final, config_file.parent, docs, seeds, force=args.force)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    final.parent.mkdir(parents=True, exist_ok=True)
    # written into a fresh folder beside the target, moved into place only when complete
    out = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    try:
        count = _write_export(out, config_file, cfg, docs, options)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    (out / EXPORT_MARK).write_text("Made by `explainer export`; `explainer export --force` may replace this folder.\n")
    if final.exists():
        shutil.rmtree(final)
    out.rename(final)
    print(f"exported {count[0]} generated pages and {count[1]} site pages to {final}", file=sys.stderr)
    return 1 if count[2] else 0


def _write_export(
    out: Path,
    config_file: Path,
    cfg: dict[str, Any],
    docs: Path,
    options: dict[str, Any],
) -> tuple[int, int, int]:
    """Write the whole site as a plain MkDocs project into the empty folder `out`: (generated pages,
    site pages, files that could not be read and were left out)."""
    site = _whole_site(config_file)
    for w in site.warnings:
        print(w, file=sys.stderr)
    out_docs = out / "docs"
    out_docs.mkdir(parents=True, exist_ok=True)
    generated = set(site.pages)
    cross_links = options.get("cross_links", True) is not False

    def write_page(rel: str, markdown: str) -> None:
        target = out_docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        # cross-links written into the Markdown: the plain build has no linker to add them
        target.write_text(link_markdown(markdown, site.links, rel) if cross_links else markdown, encoding="utf-8")

    # the site's own pages and assets (a hand-written page wins over a generated one, as in the
    # plugin), then every generated page; curated entries are merged into generated pages
    own: set[str] = set()
    problems: list[str] = []
    if docs.is_dir():
        for path in sorted(docs.rglob("*")):
            rel = path.relative_to(docs).as_posix()
            if path.is_dir() or rel.startswith(("actors/", "glossary/")):
                continue
            if not path.exists():  # a dangling link: named, left out, and the export fails at the end
                print(f"{docs.name}/{rel}: is a link to nothing; left out of the export", file=sys.stderr)
                problems.append(rel)
                continue
            own.add(rel)
            try:
                text = path.read_text(encoding="utf-8-sig") if rel.endswith(".md") else None
            except UnicodeDecodeError:
                print(f"docs/{rel}: not valid UTF-8; copied unchanged, without cross-links", file=sys.stderr)
                text = None
            except OSError as exc:
                print(f"{docs.name}/{rel}: cannot be read ({exc.strerror}); left out of the export", file=sys.stderr)
                problems.append(rel)
                continue
            if text is not None:
                write_page(rel, text)
            else:
                (out_docs / rel).parent.mkdir(parents=True, exist_ok=True)
                (out_docs / rel).write_bytes(path.read_bytes())
    for rel, markdown in site.pages.items():
        if rel not in own:
            write_page(rel, markdown)
    extra = sorted(
        p.relative_to(out_docs).as_posix()
        for p in out_docs.rglob("*.md")
        if p.relative_to(out_docs).as_posix() not in generated
    )
    theme = cfg.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom_dir:  # theme overrides (accessibility fixes among them) travel with the export
        source = config_file.parent / str(custom_dir)
        dest = out / str(custom_dir)
        if source.is_dir() and dest.resolve().is_relative_to(out.resolve()):  # never written outside the export
            shutil.copytree(source, dest, dirs_exist_ok=True)
    as_written = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_KeepTags) or {}  # a SafeLoader subclass
    plain = {k: v for k, v in as_written.items() if k not in ("plugins", "nav", "docs_dir", "site_dir")}
    plain["plugins"] = ["search"]
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
    plain["nav"] = site.nav(extra)
    # profiles and terms are linked from their section pages, a list's later pages from its first
    plain["not_in_nav"] = "/actors/\n/glossary/\n/stories/\n/figures/page/\n/timeline/page/\n"
    (out / "mkdocs.yml").write_text(
        "# Exported by `explainer export`: a plain MkDocs project, no explainer plugin needed.\n"
        + yaml.dump(plain, Dumper=_KeepTagsDumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    json_file = out_docs / str(options.get("json_path") or "explainer.json")
    json_file.parent.mkdir(parents=True, exist_ok=True)
    json_file.write_text(
        site.json(use_directory_urls=cfg.get("use_directory_urls", True) is not False), encoding="utf-8"
    )
    return len(site.pages), len(extra), len(problems)


def eject_names(site: Site) -> dict[str, str]:
    """The names `explainer eject` accepts, as the editor's guide writes them -> the page they
    copy: `home`, `figures`, `timeline`, `stories`, `story` (when there is one story) and
    `stories/<id>` for each story."""
    names = {"home": HOME, "figures": FIGURES, "key-figures": FIGURES, "timeline": TIMELINE}
    stories = [story_page(a.id) for a in site.story.articles]
    if STORIES in site.pages:
        names["stories"] = STORIES
    if len(stories) == 1:
        names["story"] = stories[0]
    for page in site.pages:  # `stories/<id>`, `figures.md`, ... as paths, with or without `.md`
        if not page.startswith(("actors/", "glossary/")):
            names[page] = page
            names[page.removesuffix(".md").removesuffix("/index")] = page
    return {name: page for name, page in names.items() if page in site.pages}


def cmd_eject(args: argparse.Namespace) -> int:
    _, _, docs, _ = _project(Path(args.config_file))
    site = _whole_site(Path(args.config_file))
    wanted = args.page.strip().strip("/")
    if wanted.removesuffix(".md").removesuffix("/index") in ("actors", "glossary"):
        print(
            f"{args.page}: the section index is generated from the profiles and terms; it cannot be ejected",
            file=sys.stderr,
        )
        return 1
    if wanted.startswith(("actors/", "glossary/")):
        print(
            f"{args.page}: profiles and glossary entries are edited as curated files; create "
            f"docs/{wanted.removesuffix('.md')}.md with front matter (role, aliases, ...) and a body, "
            "as the editor's guide shows",
            file=sys.stderr,
        )
        return 1
    names = eject_names(site)
    page = names.get(wanted)
    if page is None:
        if wanted == "story":
            hint = "there are several stories; name one: " + ", ".join(
                story_page(a.id).removesuffix(".md") for a in site.story.articles[:5]
            )
        else:
            short = [n for n in names if "." not in n and n != "key-figures"]
            hint = "pages that eject: " + ", ".join(short[:8]) + (", ..." if len(short) > 8 else "")
        print(f"{args.page}: no such generated page{did_you_mean(wanted, names)}; {hint}", file=sys.stderr)
        return 1
    target = docs / page
    if target.exists():
        print(f"{target}: already exists; not overwritten", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(site.pages[page], encoding="utf-8")
    print(
        f"{target}: written; it now replaces the generated page and no longer follows the seeds "
        "(delete it to go back to the generated page)",
        file=sys.stderr,
    )
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Print, sentence by sentence, what the rules found in a story and where they were unsure."""
    from .editing.review import as_text, review
    from .pipeline import extract_story

    _, seeds, docs, _ = _project(Path(args.config_file))
    findings, story = extract_story(seeds, docs if docs.is_dir() else None, **_extraction(Path(args.config_file)))
    reviews = review(findings, story, docs_dir=docs.name)
    if args.story:
        wanted = args.story.removesuffix("/")
        chosen = [
            r
            for r in reviews
            if wanted in (r.article.id, r.article.path, f"stories/{r.article.id}")
            or Path(wanted).name == Path(r.article.path).name
        ]
        if not chosen:
            names = ", ".join(r.article.path for r in reviews) or "none"
            print(f"{args.story}: no such story (stories: {names})", file=sys.stderr)
            return 1
        reviews = chosen
    print(as_text(reviews, flags_only=args.flags_only), end="", flush=True)
    for w in dict.fromkeys(story.warnings):  # after the review, so they are the last thing seen
        print(w, file=sys.stderr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .newsite import NewSiteError, create, default_site_name

    name = args.name
    if name is None and sys.stdin.isatty() and not os.environ.get("CI"):
        from .newsite import SAMPLE, SCAFFOLD

        suggested = default_site_name(Path(args.story) if args.story else SCAFFOLD / SAMPLE)
        name = input(f"Site name [{suggested}]: ").strip() or suggested
    try:
        written = create(Path(args.dir), site_name=name, story=Path(args.story) if args.story else None)
    except NewSiteError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"created {len(written)} files in {args.dir}; next: cd {args.dir} && mkdocs serve", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="explainer", description="Turn wire stories into an explainer microsite.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="print what a seed's text yields, as JSON (the explainer.json schema)")
    e.add_argument("seed", help="path to a story's text file")
    e.add_argument("--docs", help="docs folder with curated glossary entries (optional)")
    e.set_defaults(func=cmd_extract)
    n = sub.add_parser("new", help="create a new explainer project in DIR (mkdocs.yml, seeds/, docs/, Pages workflow)")
    n.add_argument("dir", help="folder to create (new or empty)")
    n.add_argument("--name", help="the site's name (default: asked, or derived from the first story's headline)")
    n.add_argument("--story", help="a story's text file to start with, instead of the sample story")
    n.set_defaults(func=cmd_new)
    for name, func, text in (
        ("check", cmd_check, "validate seeds and curated files; file:line: message per problem"),
        ("review", cmd_review, "show, sentence by sentence, what was extracted and what to correct"),
        ("export", cmd_export, "write the whole site as a plain MkDocs project (no plugin) into DIR"),
        (
            "eject",
            cmd_eject,
            "copy one generated page (home, story, stories/<id>, figures, timeline) into docs/ to edit",
        ),
    ):
        sp = sub.add_parser(name, help=text)
        sp.add_argument("-f", "--config-file", default=CONFIG, help="the project's mkdocs.yml")
        if name == "export":
            sp.add_argument("dir", help="output folder")
            sp.add_argument("--force", action="store_true", help="replace an earlier export in DIR")
        if name == "review":
            sp.add_argument("story", nargs="?", help="a seed file or story id (default: every story)")
            sp.add_argument("--flags-only", action="store_true", help="only the sentences with something to correct")
        if name == "eject":
            sp.add_argument("page", help="home, story, stories/<id>, figures or timeline (or a generated page's path)")
        sp.set_defaults(func=func)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
            return 2
        raise
    except KeyboardInterrupt:
        return 130
    except RenderError as exc:
        print(exc, file=sys.stderr)
        return 1
    except BrokenPipeError:  # `explainer extract x | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())

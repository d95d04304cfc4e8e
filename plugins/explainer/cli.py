"""The `explainer` command: new, extract, check, review, export and eject, without running MkDocs.

Every user mistake is reported as one `file:line: message` line on stderr with a non-zero
exit status; no traceback reaches the terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from . import exporting
from .config import ExplainerConfig
from .diagnostics import Diagnostic
from .editing.cache import FindingsCache
from .editing.curation import load_curation
from .editing.merge import curated_terms
from .extraction.reader import SeedError, read_seed
from .model import Findings, Story
from .pipeline import BuildInputs, Site, build, extract_story
from .project import OwnPages, ProjectError, documentation_files, inputs, load, own_pages
from .site.export import story_to_dict
from .site.render import RenderError
from .site.sitemap import eject_names, story_page
from .suggest import did_you_mean

CONFIG = "mkdocs.yml"


def _project(args: argparse.Namespace) -> tuple[MkDocsConfig, ExplainerConfig]:
    """The project's config and the plugin's options, read by MkDocs as a build reads them."""
    try:
        return load(Path(args.config_file))
    except ProjectError as exc:
        raise SystemExit(str(exc)) from None


def _inputs(config: MkDocsConfig, options: ExplainerConfig) -> BuildInputs:
    try:
        return inputs(config, options)
    except ProjectError as exc:
        raise SystemExit(f"{config.config_file_path}: {exc}") from None


def _whole_site(config: MkDocsConfig, options: ExplainerConfig) -> tuple[Site, OwnPages]:
    """The site as the plugin builds it (for export and eject), and the site's own pages."""
    own = own_pages(documentation_files(config), Path(config.docs_dir))
    for problem in own.unreadable:
        print(problem, file=sys.stderr)
    return build(_inputs(config, options), own_pages=own.text), own


def cmd_extract(args: argparse.Namespace) -> int:
    """`explainer extract SEED`: one story's findings as JSON, for tools of one's own."""
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


def _extracted(args: argparse.Namespace) -> tuple[list[Findings], Story, tuple[Diagnostic, ...], Path]:
    """Every story's findings and the merged story, as a build extracts them (cache included)."""
    given = _inputs(*_project(args))
    findings, story, problems = extract_story(
        given.seeds,
        given.docs if given.docs.is_dir() else None,
        FindingsCache(given.cache_dir),
        starter_glossary=given.starter_glossary,
        workers=given.workers,
    )
    return findings, story, problems, given.docs


def cmd_check(args: argparse.Namespace) -> int:
    """`explainer check`: every problem of the seeds and curated files, without building; exit 1 on any."""
    _, story, problems, _ = _extracted(args)
    for problem in problems:
        print(problem, file=sys.stderr)
    count, n = len(problems), len(story.articles)
    print(f"{n} stor{'y' if n == 1 else 'ies'} checked, {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
    return 1 if problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    """`explainer export DIR`: the site as a plain MkDocs project (see `exporting`)."""
    config, options = _project(args)
    final = Path(args.dir)
    root = Path(config.config_file_path or args.config_file).resolve().parent
    refused = exporting.refusal(final, root, Path(config.docs_dir), Path(options.seeds_dir), force=args.force)
    if refused:
        print(refused, file=sys.stderr)
        return 1
    site, own = _whole_site(config, options)
    for problem in site.diagnostics:
        print(problem, file=sys.stderr)
    generated, copied, problems = exporting.export(final, site, config, options, own.srcs, own.hidden)
    print(f"exported {generated} generated pages and {copied} site pages to {final}", file=sys.stderr)
    return 1 if problems else 0


def cmd_eject(args: argparse.Namespace) -> int:
    """`explainer eject PAGE`: copy one generated page into docs/, never over an existing file."""
    config, options = _project(args)
    docs = Path(config.docs_dir)
    site, _ = _whole_site(config, options)
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
    names = eject_names(site.pages, site.story)
    page = names.get(wanted)
    if page is None:
        if wanted == "story" and not site.story.articles:
            hint = "there is no story yet; add one to the seeds folder"
        elif wanted == "story":
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
    from .site.review import as_text, review

    findings, story, problems, docs = _extracted(args)
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
    for problem in problems:  # after the review, so they are the last thing seen
        print(problem, file=sys.stderr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """`explainer new DIR`: a fresh project; asks for the site's name only on a terminal."""
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
    """The command line: one subcommand per step of the editor's workflow."""
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
            "copy one generated page (home, story, stories/<id>, figures, timeline, about, corrections) into docs/ to edit",
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
            sp.add_argument(
                "page",
                help="home, story, stories/<id>, figures, timeline, about, corrections (or a generated page's path)",
            )
        sp.set_defaults(func=func)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; a user's mistake is one line on stderr and a non-zero status, never a traceback."""
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

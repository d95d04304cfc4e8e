"""Seeds and curated files in; pages, link targets and the JSON contract out.

The one call the MkDocs plugin, the CLI and the export make: everything MkDocs-free.
"""

from __future__ import annotations

import functools
import gc
import html
import multiprocessing as mp
import re
import shutil
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic
from .editing.cache import FindingsCache, findings_key, terms_digest
from .editing.curation import Curation, load_curation, with_starter
from .editing.merge import curated_terms, merge
from .extraction.extract import extract
from .extraction.reader import read_front_matter
from .extraction.seeds import read_seeds
from .extraction.terms import PLURALS
from .model import Article, Findings, Story, Term
from .site.assets import SCHEMA
from .site.export import write_json
from .site.index import StoryIndex
from .site.linker import LinkIndex, Target, linked_targets
from .site.render import Renderer
from .site.review import StoryReview, review
from .site.sitemap import Layout, actor_page, layout
from .site.trust import Publisher

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True, slots=True)
class BuildInputs:
    """What the one build call (`pipeline.build_site`) takes from a project's configuration."""

    seeds: Path
    docs: Path
    templates: Path | None
    site_name: str
    starter_glossary: bool
    publisher: Publisher
    cache_dir: Path | None  # None: findings are kept in memory only
    workers: int  # worker processes for extraction; 1 turns them off


@dataclass(frozen=True, slots=True)
class Site:
    """One build's result: the merged story, its pages as Markdown, the link index, and each
    story's findings before merging (what the review reads)."""

    story: Story
    pages: dict[str, str]
    links: LinkIndex
    findings: tuple[Findings, ...] = ()
    index: StoryIndex | None = None  # the build's one query index (the JSON-LD reads it too)
    diagnostics: tuple[Diagnostic, ...] = ()  # what an editor must fix, in the order found

    def review(self, docs_dir: str = "docs") -> list[StoryReview]:
        """What the rules found in each sentence and where they were unsure, story by story."""
        return review(self.findings, self.story, docs_dir=docs_dir)

    def write_contract(self, path: Path, *, use_directory_urls: bool = True) -> None:
        """Write the `explainer.json` contract of this site to `path`, its JSON Schema beside it
        (what the plugin publishes with the site and `explainer export` puts in the plain project)."""
        _contract_folder(path)
        write_json(self.story, path, use_directory_urls=use_directory_urls)

    def layout(self, own: list[str], own_hidden: list[str] | None = None, own_nav: object = None) -> Layout:
        """Where the generated pages go beside the site's own files (see `sitemap.layout`)."""
        return layout(self.pages, self.story, own, own_hidden or [], own_nav)


def _contract_folder(path: Path) -> None:
    """The folder `explainer.json` goes in, with the contract's JSON Schema beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SCHEMA, path.parent / SCHEMA.name)


def write_kept_contract(path: Path, contract: bytes) -> None:
    """`explainer.json` as an earlier build wrote it (`site.cache`), where `Site.write_contract` writes it."""
    _contract_folder(path)
    path.write_bytes(contract)


def build_story(
    seeds_dir: Path, docs_dir: Path | None, cache: FindingsCache | None = None, *, workers: int = 1
) -> Story:
    """Read, extract and curate: the whole pure pipeline up to the merged `Story`."""
    return extract_story(seeds_dir, docs_dir, cache, workers=workers)[1]


def extract_story(
    seeds_dir: Path,
    docs_dir: Path | None,
    cache: FindingsCache | None = None,
    *,
    starter_glossary: bool = False,
    workers: int = 1,
) -> tuple[list[Findings], Story, tuple[Diagnostic, ...]]:
    """As `build_story`, also giving each story's findings before merging (the review reads them)
    and the problems an editor must fix.
    With a `cache`, only stories it has not seen (with these curated terms, by this code) are
    extracted; the rest come from it. `starter_glossary` adds the package's common news terms
    (those a story uses); `workers` processes extract a large site's stories in parallel."""
    warnings: list[Diagnostic] = []
    curation = load_curation(docs_dir) if docs_dir else Curation()
    if starter_glossary:
        curation = with_starter(curation)
    warnings.extend(curation.warnings)
    articles = read_seeds(seeds_dir, warnings)
    curated = curated_terms(curation)
    cache = cache if cache is not None else FindingsCache()
    digest = terms_digest(curated)  # once: a site's glossary can be hundreds of terms
    keys = [findings_key(a, digest) for a in articles]
    cached = [cache.get(k) for k in keys]
    todo = [a for a, found in zip(articles, cached) if found is None]
    extracted = iter(_extract_all(todo, curated, workers))
    if todo:
        # what extraction held while it read is free now: a full collection also empties the
        # interpreter's free lists, which hand their memory back (a 5 MB story: 60 MB less
        # before the findings are cached and the pages rendered)
        gc.collect()
    findings: list[Findings] = []
    for key, found in zip(keys, cached):
        if found is None:
            found = next(extracted)
            cache.put(key, found)
        findings.append(found)
    cache.finish()
    story = merge(findings, curation, curated, warnings)
    return findings, story, tuple(dict.fromkeys(warnings))  # each problem once


PARALLEL_FROM = 64  # articles; below this, starting worker processes costs more than it saves


def _extract_all(articles: Sequence[Article], curated: Sequence[Term], workers: int = 1) -> list[Findings]:
    """Extract every article; with `workers` > 1, a large site's in worker processes (extraction
    is pure and CPU-bound, and MkDocs builds on one core). Results are identical and in order
    either way. The caller knows when forking is unsafe (a server's threads) and passes 1."""
    if workers < 2 or len(articles) < PARALLEL_FROM or "fork" not in mp.get_all_start_methods():
        return [extract(a, curated) for a in articles]
    job = functools.partial(extract, curated_terms=tuple(curated))
    chunk = max(1, len(articles) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as pool:
        return list(pool.map(job, articles, chunksize=chunk))


def link_index(story: Story, pages: Mapping[str, str]) -> LinkIndex:
    """Terms claim their forms first (`UN Security Council resolutions`), then actors; `pages`
    says where each term is shown (`sitemap.term_pages`): one that names an actor links to the
    actor's profile."""
    entries: list[tuple[str, Target]] = []
    term_forms: set[str] = set()
    actors = {actor_page(a.id): Target(actor_page(a.id), a.name) for a in story.actors}
    for t in story.terms:
        target = actors.get(pages[t.id]) or Target(pages[t.id], t.term)
        for form in (t.term, *t.aliases):
            # a term's plural links as the term does (`tariffs`, `IPOs`), as the glossary counts it
            for surface in (form, *(form + end for end in PLURALS)) if not form.endswith("s") else (form,):
                term_forms.add(surface)
                entries.append((surface, target))
    for a in story.actors:
        target = actors[actor_page(a.id)]
        entries += [(form, target) for form in (a.name, *a.aliases) if form not in term_forms]
    return LinkIndex(entries)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection inside: for work that builds many objects that all stay
    (cached findings read back, the merged story, the pages). Each full collection the heap's
    growth sets off walks everything alive, the site's and MkDocs' own, and frees nearly nothing
    (extraction leaves a few hundred cyclic objects per hundred stories): at 400 stories a warm
    build ran ten of them, five in this work. Memory kept by reference counting is freed as ever."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_site(
    seeds_dir: Path,
    docs_dir: Path | None,
    *,
    templates_dir: Path | None = None,
    site_name: str = "",
    own_pages: Mapping[str, str] | None = None,
    cache: FindingsCache | None = None,
    starter_glossary: bool = False,
    publisher: Publisher | None = None,
    workers: int = 1,
    keep_findings: bool = True,
    compiled: jinja2.BytecodeCache | None = None,
) -> Site:
    """`own_pages` are the site's hand-written pages (source path -> Markdown): profiles and terms
    they mention list them among the pages that mention them. `starter_glossary`: the package's
    common news terms, where a story uses them; `publisher`: who publishes the site and where
    readers ask for corrections (the About page); `workers`: processes that extract a large
    site's stories in parallel (1: none); `keep_findings`: keep each story's findings for the review
    (a one-off build without the review page lets them go once merged); `compiled`: the page
    templates' code, kept from an earlier build (`site.compiled`)."""
    with collector_paused():  # extraction's own garbage is collected once it ends (extract_story)
        findings, story, diagnostics = extract_story(
            seeds_dir, docs_dir, cache, starter_glossary=starter_glossary, workers=workers
        )
        index = StoryIndex(story)
        links = link_index(story, index.term_pages)
        own = own_pages or {}
        renderer = Renderer(
            story,
            index=index,
            templates_dir=templates_dir,
            site_name=site_name,
            mentioned_in=mentioned_in(own, links),
            other_titles={src: page_title(src, text) for src, text in own.items()},
            publisher=publisher,
            compiled=compiled,
        )
        kept = tuple(findings) if keep_findings else ()
        del findings  # merged into the story: free them before the pages are rendered
        pages = renderer.pages()
        renderer.close()
        return Site(story, pages, links, kept, index, diagnostics)


def read_story(given: BuildInputs, cache: FindingsCache | None = None) -> Site:
    """The merged story and its index, without pages or links: what the structured data and the
    contract read, for a build whose pages were kept (`site.cache`) but whose page URLs moved."""
    with collector_paused():
        _, story, diagnostics = extract_story(
            given.seeds, given.docs, cache, starter_glossary=given.starter_glossary, workers=given.workers
        )
        return Site(story, {}, LinkIndex(()), (), StoryIndex(story), diagnostics)


def mentioned_in(pages: Mapping[str, str], links: LinkIndex) -> dict[str, set[str]]:
    """Target page -> the given pages that name it outside code, headings and links."""
    out: dict[str, set[str]] = {}
    for src, text in pages.items():
        for target in linked_targets(text, links, src):  # what the page will link: code and headings skipped
            out.setdefault(target, set()).add(src)
    return out


def page_title(src: str, markdown: str) -> str:
    """A hand-written page's title as MkDocs would show it: front-matter title, first `# ` heading,
    else its file name."""
    front = read_front_matter(markdown, src)
    if front.meta and front.meta.get("title"):
        # an ejected page's title was written HTML-escaped, as MkDocs titles are: read it as text
        return html.unescape(str(front.meta["title"])).strip()
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", front.body, re.M)
    if heading:
        return heading.group(1)
    stem = src.rsplit("/", 1)[-1].removesuffix(".md")
    return stem.replace("-", " ").replace("_", " ").capitalize()


def build(
    given: BuildInputs,
    *,
    own_pages: Mapping[str, str] | None = None,
    cache: FindingsCache | None = None,
    keep_findings: bool = True,
    compiled: jinja2.BytecodeCache | None = None,
) -> Site:
    """The site from a project's configured inputs (what the plugin and the command both build)."""
    return build_site(
        given.seeds,
        given.docs,
        templates_dir=given.templates,
        site_name=given.site_name,
        own_pages=own_pages,
        cache=cache if cache is not None else FindingsCache(given.cache_dir),
        starter_glossary=given.starter_glossary,
        publisher=given.publisher,
        workers=given.workers,
        keep_findings=keep_findings,
        compiled=compiled,
    )

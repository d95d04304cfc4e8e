"""The MkDocs adapter: routes MkDocs events to the pure core, and nothing else."""

from __future__ import annotations

import copy
import dataclasses
import locale
import posixpath
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .config import ExplainerConfig
from .editing.cache import FindingsCache
from .pipeline import BuildInputs, Site, build, read_story, write_kept_contract
from .project import OwnPages, ProjectError, inputs, own_pages
from .site.assets import SCHEMA, THEME_CSS, THEME_DIR
from .site.cache import BuiltSite, SiteCache, site_key
from .site.compiled import CompiledTemplates
from .site.linker import LinkerExtension, LinkIndex
from .site.markdown import escape
from .site.render import RenderError
from .site.review import REVIEW, as_markdown
from .site.structured import JsonLd, script_json

log = get_plugin_logger(__name__)

# Material's search splits words on spaces and hyphens only, so `(IMF)` and `"historic"` would be
# indexed with their brackets and marks, and a search for IMF would miss the story that defines
# it. Used when a site sets no `separator` of its own: brackets, quotes, slashes and sentence
# punctuation split words too (a full stop only where no digit follows: `1.5` stays one word).
SEARCH_SEPARATOR = r"""[\s\-,:;!?=\[\]()"“”‘’/]+|\.(?!\d)"""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """The MkDocs plugin: routes MkDocs events to the pure core, and holds what lives across `serve` rebuilds."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.jsonld: dict[str, str] = {}  # page source path -> its JSON-LD, as the theme prints it
        self.linker = LinkerExtension()
        self._user_nav: Any = None
        self._generated: set[str] = set()  # this build's generated pages, by source path
        self.command = "build"  # `serve`, `build` or `gh-deploy`: set once by on_startup
        self.cache: FindingsCache | None = None  # kept across `serve` rebuilds: only edited stories are read again
        # the site kept between one-off builds (`site.cache`): where and under which key, what a
        # previous build made (used by this one), or what this one made (kept once on_nav completes it)
        self.keeping: tuple[SiteCache, str] | None = None
        self.kept: BuiltSite | None = None
        self.made: BuiltSite | None = None
        self._given: BuildInputs | None = None  # reads the story again if the kept pages' URLs moved
        # under `serve`, the theme's and the pages' templates as compiled by the first build: each
        # rebuild makes new Jinja environments, which compiled them all again
        self.compiled = {"theme": CompiledTemplates(), "pages": CompiledTemplates()}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """The command is known once per process: under `serve` it shows the editor's review page."""
        self.command = command

    def _shows_review(self) -> bool:
        return self.config.review == "always" or (self.config.review == "serve" and self.command == "serve")

    @event_priority(100)  # before the search plugin reads its options
    def _on_config_search(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        for name in ("search", "material/search"):
            search = config.plugins.get(name)
            if search is not None and getattr(search.config, "separator", "") is None:
                search.config.separator = SEARCH_SEPARATOR

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.site = None  # per-build state: nothing survives from a previous build under `mkdocs serve`
        self.jsonld = {}
        self.keeping = self.kept = self.made = self._given = None
        self.linker = LinkerExtension()
        # MkDocs types the option as names, but takes an Extension instance as Python-Markdown does
        config.markdown_extensions.append(self.linker)  # type: ignore[arg-type]
        if config.theme.name == "material":
            # the package's additions to Material (sharing metadata, JSON-LD, accessibility fixes,
            # the explainer's CSS): after a site's own custom_dir, so a site can still override them
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
            if THEME_CSS not in config.extra_css:
                config.extra_css.append(THEME_CSS)
        self._user_nav = config.nav
        return config

    on_config = CombinedEvent(_on_config_search, _on_config)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Build the site's pages and place them beside the site's own files (`sitemap.layout`)."""
        if not self.config.enabled:
            return None
        try:
            given = inputs(config, self.config, serving=self.command == "serve")
        except ProjectError as exc:
            raise PluginError(f"explainer: {exc}") from None
        own = own_pages(files, given.docs)
        if self.cache is None or self.cache.folder != given.cache_dir:
            # under `serve` kept in memory across rebuilds; a one-off build reads and writes the folder only
            self.cache = FindingsCache(given.cache_dir, keep=self.command == "serve")
        self.keeping = self._site_cache(given, own, config)
        self.kept = self.keeping[0].get(self.keeping[1]) if self.keeping else None
        if self.kept is not None:
            log.debug("explainer: every input is as the last build read it; its pages are used again")
            pages, diagnostics, placed = self.kept.pages, self.kept.diagnostics, self.kept.layout
            links: LinkIndex = self.kept.link_index()
            self._given = given
        else:
            self.site = self._build(given, own)
            pages, diagnostics, links = self.site.pages, self.site.diagnostics, self.site.links
            placed = self.site.layout(own.srcs, own.hidden, self._user_nav)
            after = self._site_cache(given, own, config)
            if self.keeping and after and after[1] == self.keeping[1]:  # no file saved while it was read
                self.made = BuiltSite(pages, placed, tuple(links.targets.items()), diagnostics, b"", {}, {})
        for problem in (*own.unreadable, *diagnostics):  # logged, so `--strict` counts them
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        for src in placed.curated:  # merged into generated profiles and terms: data, not pages
            existing = files.get_file_from_path(src)
            if existing is not None:
                files.remove(existing)
        contract = posixpath.normpath(self.config.json_path)
        for taken in [
            f for f in files if f.dest_uri in (contract, posixpath.join(posixpath.dirname(contract), SCHEMA.name))
        ]:
            # the site's own file where the contract goes: left out (on_nav writes the contract first)
            log.warning(
                f"{given.docs.name}/{taken.src_uri}: {taken.dest_uri} in the built site is the explainer's"
                " contract and this file is left out; rename it, or set the plugin's json_path"
            )
            files.remove(taken)
        for src in placed.generated:
            page_file = File.generated(config, src, content=pages[src])
            if src in placed.hidden:
                page_file.inclusion = InclusionLevel.NOT_IN_NAV  # reached from the section pages
            files.append(page_file)
        self._generated = set(placed.generated)
        # the Files hold the pages' Markdown now: the site keeps no second copy through the build
        if self.site is not None:
            self.site = dataclasses.replace(self.site, pages={})
        del pages
        for src in placed.replaced & placed.hidden:  # an ejected story: placed as its page was
            own_file = files.get_file_from_path(src)
            if own_file is not None:
                own_file.inclusion = InclusionLevel.NOT_IN_NAV
        # a site with the review page is never kept (`_site_cache`): it has this build's story
        review = self.site if self._shows_review() and files.get_file_from_path(REVIEW) is None else None
        if review is not None:
            content = as_markdown(review.review(given.docs.name), escape)
            review_file = File.generated(config, REVIEW, content=content)
            if self._user_nav is not None:  # a site's own nav does not list it: reached at /review/
                review_file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(review_file)
        if self._user_nav is None:
            config.nav = copy.deepcopy(placed.nav)  # other plugins may add to it: the kept layout stays as made
            if review is not None:
                config.nav.append({"Review (editors)": REVIEW})
        if self.config.cross_links:
            self.linker.index = links
        return files

    def _build(self, given: BuildInputs, own: OwnPages) -> Site:
        try:
            return build(
                given,
                own_pages=own.text,
                cache=self.cache,
                keep_findings=self._shows_review(),
                compiled=self.compiled["pages"] if self.command == "serve" else None,
            )
        except RenderError as exc:
            raise PluginError(f"explainer: {exc}") from None

    def _site_cache(self, given: BuildInputs, own: OwnPages, config: MkDocsConfig) -> tuple[SiteCache, str] | None:
        """Where this build's site is kept, and the key of everything it reads; None where it is
        not kept: under `serve` (a rebuild follows an edit, and the review page needs the story),
        with the review page, or without a cache folder."""
        if given.cache_dir is None or self.command == "serve" or self._shows_review():
            return None
        settings = (
            dataclasses.replace(given, workers=1),  # how many processes extract changes nothing built
            sorted(own.srcs),
            sorted(own.hidden),
            self._user_nav,
            sorted(self.config.items()),
            config.site_url,
            config.use_directory_urls,
            locale.setlocale(locale.LC_TIME),  # the names of days and months in dates, as set now
        )
        # the site's own pages come through MkDocs' Files (`own`, other plugins' pages included)
        key = site_key(
            seeds=given.seeds, docs=given.docs, templates=given.templates, own_text=own.text, settings=settings
        )
        return SiteCache(given.cache_dir), key

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Tell the linker which page it links from (it skips links to the page itself), and let
        go of a generated page's source once MkDocs has read it into `page.markdown` (a 1,000-story
        site's pages are about 50 MB of Markdown, held twice until the build ended)."""
        self.linker.current_page = page.file.src_uri
        if page.file.src_uri in self._generated:
            page.file.content_string = ""
        return None

    @event_priority(-100)  # after plugins of default priority: the URLs read here are final
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Once every page has its URL and before MkDocs reads any page's Markdown: each page's
        JSON-LD, and `explainer.json` with its schema beside the site. Then the story is let go:
        the pages are built from the Markdown their Files hold. Held any longer, its objects (130,000
        at 400 stories, three times MkDocs' own) were walked by every full garbage collection
        while MkDocs rendered the pages, and at 1,000 stories the build peaked writing the contract
        after the pages, 36 MB above what the pages and the search index hold."""
        pages = files.documentation_pages(inclusion=lambda _: True)  # drafts under `serve` too
        urls = {f.src_uri: f.page.url if f.page is not None else f.url for f in pages}
        contract = Path(config.site_dir) / self.config.json_path
        kept, self.kept = self.kept, None
        if kept is not None and kept.urls == urls:
            self.jsonld = kept.jsonld
            write_kept_contract(contract, kept.contract)
            return None
        if kept is not None and self._given is not None:
            log.debug("explainer: the pages' URLs are not those the kept JSON-LD was made for; made again")
            self.site = read_story(self._given, self.cache)
            self.made = kept  # kept again below, with this build's URLs
        self._given = None
        if self.site is None:
            return None
        data = JsonLd(
            self.site.story, config.site_url or "", use_directory_urls=config.use_directory_urls, index=self.site.index
        )
        for src, url in urls.items():
            found = data.page(src, url)
            if found is not None:
                self.jsonld[src] = script_json(found)
        self.site.write_contract(contract, use_directory_urls=config.use_directory_urls)
        self.site = None
        made, self.made = self.made, None
        if made is not None and self.keeping is not None:  # for the next build with the same inputs
            made = dataclasses.replace(made, contract=contract.read_bytes(), jsonld=self.jsonld, urls=urls)
            self.keeping[0].put(self.keeping[1], made)
        return None

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        """Under `serve`, let the theme's new environment reuse the templates the last rebuild
        compiled (unless a site or another plugin gave it a bytecode cache of its own)."""
        if self.config.enabled and self.command == "serve" and env.bytecode_cache is None:
            env.bytecode_cache = self.compiled["theme"]
        return env

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Hand the page's JSON-LD to the theme (the package's `theme/main.html` prints it in the head)."""
        page.meta["explainer_jsonld"] = self.jsonld.get(page.file.src_uri)
        return None

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Under `mkdocs serve`, rebuild when a seed or a page template changes too."""
        if self.config.enabled:
            if Path(self.config.seeds_dir).is_dir():
                server.watch(self.config.seeds_dir)
            if self.config.templates_dir:
                server.watch(self.config.templates_dir)
        return server

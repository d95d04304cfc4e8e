"""The MkDocs adapter: routes MkDocs events to the pure core, and nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .config import ExplainerConfig
from .editing.cache import FindingsCache
from .editing.review import REVIEW, as_markdown
from .pipeline import Site, build_site
from .site.assets import THEME_CSS, THEME_DIR
from .site.linker import LinkerExtension
from .site.paging import is_continuation
from .site.render import ACTORS, GLOSSARY, HOME, STORIES, Publisher, RenderError, escape
from .site.structured import JsonLd, script_json

log = get_plugin_logger(__name__)

# Material's search splits words on spaces and hyphens only, so `(IMF)` and `"historic"` would be
# indexed with their brackets and marks, and a search for IMF would miss the story that defines
# it. Used when a site sets no `separator` of its own: brackets, quotes, slashes and sentence
# punctuation split words too (a full stop only where no digit follows: `1.5` stays one word).
SEARCH_SEPARATOR = r"""[\s\-,:;!?=\[\]()"“”‘’/]+|\.(?!\d)"""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.jsonld: JsonLd | None = None
        self.linker = LinkerExtension()
        self._user_nav: Any = None
        self.command = "build"  # `serve`, `build` or `gh-deploy`: set once by on_startup
        self.cache: FindingsCache | None = None  # kept across `serve` rebuilds: only edited stories are read again

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """The command is known once per process: under `serve` it shows the editor's review page."""
        self.command = command

    def _shows_review(self) -> bool:
        return self.config.review == "always" or (self.config.review == "serve" and self.command == "serve")

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

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
        self.jsonld = None
        self.linker = LinkerExtension()
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
        if not self.config.enabled:
            return None
        templates = self._path(config, self.config.templates_dir) if self.config.templates_dir else None
        if templates is not None and not templates.is_dir():
            raise PluginError(
                f"explainer: templates_dir '{self.config.templates_dir}' is not a folder next to mkdocs.yml"
            )
        docs_dir = Path(config.docs_dir)
        own = {  # the site's hand-written pages: profiles and terms they mention list them
            f.src_uri: f.content_string
            for f in files.documentation_pages()
            if not f.src_uri.startswith(("actors/", "glossary/"))
        }
        folder = self._path(config, self.config.cache_dir) if self.config.cache else None
        for inside, name in (
            (docs_dir.resolve(), "docs_dir"),
            (self._path(config, self.config.seeds_dir), "seeds_dir"),
        ):
            if folder is not None and folder.is_relative_to(inside):
                raise PluginError(
                    f"explainer: cache_dir '{self.config.cache_dir}' is inside {name}: it would be published"
                    " or rebuild itself; use a folder of its own such as '.cache/explainer'"
                )
        if self.cache is None or self.cache.folder != folder:
            self.cache = FindingsCache(folder)
        try:
            self.site = build_site(
                self._path(config, self.config.seeds_dir),
                docs_dir,
                templates_dir=templates,
                site_name=config.site_name,
                own_pages=own,
                cache=self.cache,
                starter_glossary=self.config.starter_glossary,
                publisher=Publisher.from_config(config.extra, config.repo_url),
            )
        except RenderError as exc:
            raise PluginError(f"explainer: {exc}") from None
        for warning in self.site.warnings:
            log.warning(warning)
        for src, markdown in self.site.pages.items():
            existing = files.get_file_from_path(src)
            if existing is not None:
                if src == HOME or not src.startswith(("actors/", "glossary/")):
                    if src.startswith("stories/") and src != STORIES:
                        existing.inclusion = InclusionLevel.NOT_IN_NAV  # an ejected story: placed as its page was
                    continue  # a hand-written page wins over a generated one
                files.remove(existing)  # a curated entry: its content was merged into the generated page
            page_file = File.generated(config, src, content=markdown)
            if is_continuation(src) or (
                src.startswith(("actors/", "glossary/", "stories/")) and src not in (ACTORS, GLOSSARY, STORIES)
            ):
                page_file.inclusion = InclusionLevel.NOT_IN_NAV  # reached from the section pages
            files.append(page_file)
        review_page = self._shows_review() and files.get_file_from_path(REVIEW) is None
        if review_page:
            content = as_markdown(self.site.review(docs_dir.name), escape)
            review_file = File.generated(config, REVIEW, content=content)
            if self._user_nav is not None:  # a site's own nav does not list it: reached at /review/
                review_file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(review_file)
        for f in list(files):  # curated entries nobody can place stay data, not pages
            if (
                f.src_uri.startswith(("actors/", "glossary/"))
                and f.src_uri not in self.site.pages
                and f.is_documentation_page()
            ):
                files.remove(f)
        if self._user_nav is None:
            generated = set(self.site.pages)
            extra = sorted(
                f.src_uri
                for f in files.documentation_pages()
                if f.src_uri not in generated
                and f.src_uri not in (ACTORS, GLOSSARY)
                and not f.inclusion.is_not_in_nav()
            )
            extra = [p for p in extra if p != REVIEW]
            config.nav = self.site.nav(extra)  # type: ignore[assignment]
            if review_page:
                config.nav.append({"Review (editors)": REVIEW})  # type: ignore[union-attr]
        if self.config.cross_links:
            self.linker.index = self.site.links
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self.linker.current_page = page.file.src_uri
        return None

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Hand the page's JSON-LD to the theme (the package's `theme/main.html` prints it in the head)."""
        if self.site is None:
            return None
        if self.jsonld is None:
            self.jsonld = JsonLd(self.site.story, config.site_url or "", use_directory_urls=config.use_directory_urls)
        data = self.jsonld.page(page.file.src_uri, page.url)
        page.meta["explainer_jsonld"] = script_json(data) if data is not None else None
        return None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is None:
            return
        target = Path(config.site_dir) / self.config.json_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.site.json(use_directory_urls=config.use_directory_urls), encoding="utf-8")

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            seeds = self._path(config, self.config.seeds_dir)
            if seeds.is_dir():
                server.watch(str(seeds))
            if self.config.templates_dir:
                server.watch(str(self._path(config, self.config.templates_dir)))
        return server

"""The site map: every kind of page the explainer generates, in one table, and where pages go.

Each `PageType` says where its pages live, which template renders them, how they are titled,
whether the navigation lists them, what `explainer eject` calls them and which structured data
describes them. The renderer, the plugin, `explainer export` and `explainer eject` all read this
table and `layout`, so a new page type is one entry here, one template and, when its template
needs data, one context method on `render.Renderer` (a list that grows with the site cuts itself
into pages there, `Renderer._paged`).

Paths are source paths as under `docs/` (`stories/x.md`); links between pages are relative
paths to `.md` files, which MkDocs resolves and validates.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Story
from .paging import MARK, is_continuation

HOME = "index.md"
STORIES = "stories/index.md"
FIGURES = "figures.md"
ACTORS = "actors/index.md"
GLOSSARY = "glossary/index.md"
TIMELINE = "timeline.md"
CORRECTIONS = "corrections.md"
ABOUT = "about.md"


@dataclass(frozen=True, slots=True)
class PageType:
    """One kind of generated page."""

    name: str
    path: str  # `figures.md`, or `stories/{id}.md` for one page per story, actor or term
    template: str
    title: str | None  # a section's title; None: the page's own thing (headline, name, term)
    nav: str | None  # its label in the navigation; None: reached from a section page
    eject: tuple[str, ...] = ()  # the names `explainer eject` knows it by (none: not ejectable)
    jsonld: str | None = None  # the structured data that describes it (a `structured.JsonLd` builder)
    last: bool = False  # listed after the site's own pages in the navigation

    @property
    def per_thing(self) -> bool:
        """Whether the type has one page per story, actor or term."""
        return "{id}" in self.path

    def src(self, thing: str = "") -> str:
        """The source path of this type's page (of `thing`, for one page per thing)."""
        return self.path.format(id=thing)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", HOME, "home.md.j2", "Home", "Home", eject=("home",)),
    PageType("story", "stories/{id}.md", "story.md.j2", None, "The story", eject=("story",), jsonld="article"),
    PageType("stories", STORIES, "stories.md.j2", "Stories", "Stories", eject=("stories",)),
    PageType("figures", FIGURES, "figures.md.j2", "Key figures", "Key figures", ("figures", "key-figures"), "figures"),
    PageType("actors", ACTORS, "actors.md.j2", "People, organisations and places", "People"),
    PageType("profile", "actors/{id}.md", "actor.md.j2", None, None, jsonld="actor"),
    PageType("glossary", GLOSSARY, "glossary.md.j2", "Glossary", "Glossary", jsonld="glossary"),
    PageType("term", "glossary/{id}.md", "term.md.j2", None, None, jsonld="term"),
    PageType("timeline", TIMELINE, "timeline.md.j2", "Timeline", "Timeline", eject=("timeline",)),
    PageType(
        "corrections", CORRECTIONS, "corrections.md.j2", "Corrections", "Corrections", ("corrections",), last=True
    ),
    PageType("about", ABOUT, "about.md.j2", "About this explainer", "About this explainer", ("about",), last=True),
)


def _by_path() -> tuple[dict[str, PageType], list[tuple[str, PageType]]]:
    fixed = {pt.path: pt for pt in PAGE_TYPES if not pt.per_thing}
    patterns = [(pt.path.split("{id}")[0], pt) for pt in PAGE_TYPES if pt.per_thing]
    return fixed, patterns


_FIXED, _PATTERNS = _by_path()  # read-only lookups of the table above, built once at import


def page_type(src: str) -> PageType | None:
    """The type of the generated page at `src` (a list's later pages are of the list's type)."""
    if src in _FIXED:
        return _FIXED[src]
    if is_continuation(src):
        head = src.rpartition(MARK)[0]
        return _FIXED.get(head + ".md") or _FIXED.get(head + "/index.md")
    for prefix, pt in _PATTERNS:
        if src.startswith(prefix) and "/" not in src[len(prefix) :]:
            return pt
    return None


def section_title(src: str) -> str:
    """The title of a section page (`figures.md` -> `Key figures`), as the site map gives it."""
    pt = page_type(src)
    return (pt.title if pt else None) or src


def story_page(article_id: str) -> str:
    """The source path of a story's page."""
    return f"stories/{article_id}.md"


def actor_page(actor_id: str) -> str:
    """The source path of an actor's profile."""
    return f"actors/{actor_id}.md"


def term_page(term_id: str) -> str:
    """The source path of a term's own glossary page."""
    return f"glossary/{term_id}.md"


def term_pages(story: Story) -> dict[str, str]:
    """Each term's page. A term that names one of the story's actors (the UN Security Council, a
    region) has no page of its own: one thing gets one page, the profile, which shows the
    definition too, and every mention of either links there."""
    actors = {a.id: a.id for a in story.actors}
    for a in story.actors:
        actors.setdefault(a.name.casefold(), a.id)
    out = {}
    for t in story.terms:
        actor = actors.get(t.id) or actors.get(t.term.casefold())
        out[t.id] = actor_page(actor) if actor else term_page(t.id)
    return out


def actors_title(story: Story) -> str:
    """The people index titled for what it lists: `People, organisations and places`, `People`, ..."""
    present = {a.kind for a in story.actors}
    kinds = (("person", "people"), ("organization", "organisations"), ("place", "places"))
    words = [w for kind, w in kinds if kind in present] or ["people"]
    text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return text[:1].upper() + text[1:]


def titles(story: Story, term_pages: Mapping[str, str]) -> dict[str, str]:
    """The plain-text title of every generated page but a list's later pages: a section's own,
    a story's headline, an actor's name, a term (one that names an actor has no page:
    `term_pages` says where each term is shown)."""
    out = {pt.path: pt.title for pt in PAGE_TYPES if pt.title is not None}
    out[ACTORS] = actors_title(story)
    out |= {story_page(a.id): a.title for a in story.articles}
    out |= {actor_page(a.id): a.name for a in story.actors}
    out |= {term_page(t.id): t.term for t in story.terms if term_pages[t.id] == term_page(t.id)}
    return out


def relative(from_src: str, to_src: str, anchor: str = "") -> str:
    """The link from one page's source to another's: `stories/x.md` -> `../actors/y.md#s3`."""
    path = _relpath(to_src, from_src.rpartition("/")[0] or ".")  # its folder: source paths are normalised
    return path + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=1 << 16)
def _relpath(to_src: str, start: str) -> str:
    """`posixpath.relpath` for normalised source paths (no `.`, `..` or empty parts but a lone
    `.` start), memoised: a site links to each page from a handful of folders, tens of thousands
    of times, and `posixpath.relpath` asks the OS for the working directory on every call."""
    if start == ".":
        return to_src
    here, there = start.split("/"), to_src.split("/")
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a page, relative to the site root."""
    stem = src[:-3]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


# -- where pages go ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layout:
    """How the generated pages and a site's own files make one site: the plugin applies it to
    MkDocs' files, `explainer export` to the folder it writes."""

    generated: tuple[str, ...]  # generated pages the site gets (where the site has its own page, it wins)
    replaced: frozenset[str]  # the site's own pages that stand in for a generated one (ejected pages)
    curated: frozenset[str]  # the site's own curated entries: merged into generated pages, not pages
    hidden: frozenset[str]  # pages reached from a section page, not listed in the navigation
    nav: list[dict[str, str] | str]  # the navigation, for a site that writes none of its own

    def not_in_nav(self) -> list[str]:
        """`not_in_nav` patterns (gitignore style) that cover `hidden`: the first folder of a page
        in a folder, else the page itself. (A pattern only quiets MkDocs' note that a page is not
        in the navigation; a section index the navigation lists stays listed.)"""
        out: set[str] = set()
        for src in self.hidden:
            head = src.split("/", 1)[0]
            out.add(f"/{head}/" if "/" in src else f"/{src}")
        return sorted(out)


def layout(
    generated: Iterable[str],
    story: Story,
    own: Iterable[str],
    own_hidden: Iterable[str] = (),
    own_nav: object = None,
) -> Layout:
    """Place the generated pages beside a site's own Markdown files (`own`, source paths; those in
    `own_hidden` the site keeps out of its navigation itself). A site that writes its own `nav:`
    (`own_nav`, as in `mkdocs.yml`) lists what it wants: the generated pages it leaves out are
    reached by links, not missing from the navigation.

    A site's own page at a generated page's path replaces it (an ejected page), except under
    `actors/` and `glossary/`, where the site's files are curated entries merged into the
    generated page; a curated entry no story can place is data, never a page. Stories, profiles,
    terms and a list's later pages are reached from the section pages, not the navigation (a
    navigation of every actor would be rendered into every page).
    """
    pages = list(generated)
    made = set(pages)
    own_set = set(own)
    curated = {src for src in own_set if src.startswith(("actors/", "glossary/"))}
    replaced = (own_set & made) - curated
    hidden = {
        src
        for src in made | replaced
        if is_continuation(src)
        or ((pt := page_type(src)) is not None and pt.nav is None)
        or (pt is not None and pt.name == "story" and len(story.articles) != 1)
    }
    if own_nav is not None:
        hidden |= made - nav_pages(own_nav)
    first: list[dict[str, str] | str] = []
    last: list[dict[str, str] | str] = []
    for pt in PAGE_TYPES:
        src = pt.src(story.articles[0].id) if pt.name == "story" and len(story.articles) == 1 else pt.path
        if pt.nav is None or (pt.per_thing and len(story.articles) != 1) or src not in made | replaced:
            continue
        label = actors_title(story) if pt.name == "actors" else pt.nav
        (last if pt.last else first).append({label: src})
    extra = sorted(own_set - made - curated - set(own_hidden))
    return Layout(
        generated=tuple(p for p in pages if p not in replaced),
        replaced=frozenset(replaced),
        curated=frozenset(curated),
        hidden=frozenset(hidden),
        nav=[*first, *extra, *last],
    )


def nav_pages(nav: object) -> set[str]:
    """Every page a `nav:` as written in `mkdocs.yml` lists (its titles and sections walked)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(nav_pages(v) for v in nav.values()))
    if isinstance(nav, list):
        return set().union(*(nav_pages(v) for v in nav))
    return set()


def eject_names(pages: Iterable[str], story: Story) -> dict[str, str]:
    """The names `explainer eject` accepts -> the page they copy: each page type's own names
    (`home`, `figures`, `timeline`, `story` when there is one story, ...) and any generated page
    outside `actors/` and `glossary/` by its path, with or without `.md`."""
    made = set(pages)
    names: dict[str, str] = {}
    for pt in PAGE_TYPES:
        if pt.per_thing and pt.eject and len(story.articles) == 1:
            names |= dict.fromkeys(pt.eject, pt.src(story.articles[0].id))
        elif not pt.per_thing:
            names |= dict.fromkeys(pt.eject, pt.path)
    for page in made:
        if not page.startswith(("actors/", "glossary/")):
            names[page] = page
            names[page.removesuffix(".md").removesuffix("/index")] = page
    return {name: page for name, page in names.items() if page in made}

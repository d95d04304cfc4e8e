"""Seeds and curated files in; pages, link targets and the JSON contract out.

The one call the MkDocs plugin, the CLI and the export make: everything MkDocs-free.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .cache import FindingsCache
from .export import to_json
from .linker import LinkIndex, Target, linked_targets
from .model import Findings, Story
from .reader import read_front_matter
from .render import (
    ABOUT,
    ACTORS,
    CORRECTIONS,
    FIGURES,
    GLOSSARY,
    HOME,
    STORIES,
    TIMELINE,
    Publisher,
    Renderer,
    actor_page,
    actors_title,
    story_page,
    term_pages,
)
from .review import StoryReview, review
from .story import extract_story


@dataclass(frozen=True)
class Site:
    story: Story
    pages: dict[str, str]
    links: LinkIndex
    findings: tuple[Findings, ...] = ()  # each story's, before merging: what the review reads

    def review(self, docs_dir: str = "docs") -> list[StoryReview]:
        """What the rules found in each sentence and where they were unsure, story by story."""
        return review(self.findings, self.story, docs_dir=docs_dir)

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.story.warnings

    def json(self, *, use_directory_urls: bool = True) -> str:
        return to_json(self.story, use_directory_urls=use_directory_urls)

    def nav(self, extra_pages: list[str]) -> list[dict[str, str] | str]:
        """A navigation for MkDocs: the explainer's sections, then the site's own pages."""
        s = self.story
        stories = [story_page(a.id) for a in s.articles]
        nav: list[dict[str, str] | str] = [{"Home": HOME}]
        if len(stories) == 1:
            nav.append({"The story": stories[0]})
        elif stories:  # the stories page lists them: a nav of every story is rendered into every page
            nav.append({"Stories": STORIES})
        nav.append({"Key figures": FIGURES})
        # Profiles and terms are reached from their section pages, not listed in the navigation:
        # a nav of every actor would be rendered into every page, growing the site quadratically.
        nav.append({actors_title(s): ACTORS})
        nav.append({"Glossary": GLOSSARY})
        nav.append({"Timeline": TIMELINE})
        nav.extend(extra_pages)
        nav.append({"Corrections": CORRECTIONS})
        nav.append({"About this explainer": ABOUT})
        return nav


def link_index(story: Story) -> LinkIndex:
    """Terms claim their forms first (`UN Security Council resolutions`), then actors."""
    entries: list[tuple[str, Target]] = []
    term_forms: set[str] = set()
    actors = {actor_page(a.id): Target(actor_page(a.id), a.name) for a in story.actors}
    pages = term_pages(story)  # a term that names an actor links to the actor's profile
    for t in story.terms:
        target = actors.get(pages[t.id]) or Target(pages[t.id], t.term)
        for form in (t.term, *t.aliases):
            # a term's plural links as the term does (`tariffs`, `IPOs`), as the glossary counts it
            for surface in (form, form + "s", form + "es") if not form.endswith("s") else (form,):
                term_forms.add(surface)
                entries.append((surface, target))
    for a in story.actors:
        target = actors[actor_page(a.id)]
        entries += [(form, target) for form in (a.name, *a.aliases) if form not in term_forms]
    return LinkIndex(entries)


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
) -> Site:
    """`own_pages` are the site's hand-written pages (source path -> Markdown): profiles and terms
    they mention list them among the pages that mention them. `starter_glossary`: the package's
    common news terms, where a story uses them; `publisher`: who publishes the site and where
    readers ask for corrections (the About page)."""
    findings, story = extract_story(seeds_dir, docs_dir, cache, starter_glossary=starter_glossary)
    links = link_index(story)
    own = own_pages or {}
    renderer = Renderer(
        story,
        templates_dir=templates_dir,
        site_name=site_name,
        mentioned_in=mentioned_in(own, links),
        other_titles={src: page_title(src, text) for src, text in own.items()},
        publisher=publisher,
    )
    return Site(story, renderer.pages(), links, tuple(findings))


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
        return str(front.meta["title"]).strip()
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", front.body, re.M)
    if heading:
        return heading.group(1)
    stem = src.rsplit("/", 1)[-1].removesuffix(".md")
    return stem.replace("-", " ").replace("_", " ").capitalize()

"""What makes a reader trust the site: who publishes it, its corrections, and when each page changed."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Correction, Story
from .markdown import Markdown, escape
from .sitemap import actor_page, story_page


@dataclass(frozen=True, slots=True)
class Publisher:
    """Who publishes the explainer and where readers ask for a correction, for the About page:
    `extra: {publisher: ..., corrections: ...}` in `mkdocs.yml`; `repo_url` is the fallback
    address for corrections (its issue tracker)."""

    name: str | None = None
    corrections: str | None = None
    repo_url: str | None = None

    @classmethod
    def from_config(cls, extra: object, repo_url: object = None) -> Publisher:
        """From `mkdocs.yml`: its `extra` mapping (`publisher`, `corrections`) and `repo_url`."""
        got = extra if isinstance(extra, Mapping) else {}

        def text(value: object) -> str | None:
            return str(value).strip() or None if isinstance(value, (str, int, float)) else None

        return cls(text(got.get("publisher")), text(got.get("corrections")), text(repo_url))

    def contact(self) -> Markdown:
        """How to ask for a correction, as a Markdown phrase: an e-mail address, a page, or the editors."""
        where = (self.corrections or "").strip()
        if "@" in where and " " not in where and not where.startswith(("http://", "https://")):
            address = where.removeprefix("mailto:")
            return Markdown(f"write to [{escape(address)}](mailto:{address})")
        if where.startswith(("http://", "https://")):
            return Markdown(f"use [this page]({where})")
        if where:
            return Markdown(escape(where))
        if self.repo_url and self.repo_url.startswith(("http://", "https://")):
            return Markdown(f"open an issue at [{escape(self.repo_url)}]({self.repo_url.rstrip('/')}/issues)")
        return Markdown("contact the editors who publish it")


@dataclass(frozen=True, slots=True)
class Corrected:
    """A correction note with the page it corrects, for the Corrections page."""

    correction: Correction
    page: str
    title: str


def corrections(story: Story, term_pages: Mapping[str, str]) -> list[Corrected]:
    """Every correction of the site, newest first (stories, profiles and glossary entries);
    `term_pages` says where each term is shown (`sitemap.term_pages`)."""
    pages = term_pages
    found = [Corrected(c, story_page(a.id), a.title) for a in story.articles for c in a.corrections]
    found += [Corrected(c, actor_page(a.id), a.name) for a in story.actors for c in a.corrections]
    found += [Corrected(c, pages[t.id], t.term) for t in story.terms for c in t.corrections]
    return sorted(found, key=lambda x: (x.correction.date, x.title), reverse=True)


def last_updated(
    story: Story, corrected: Iterable[Corrected], term_pages: Mapping[str, str]
) -> tuple[dict[str, dt.date], dt.date | None]:
    """When each story, profile and term page last changed: the newest date of the stories it
    draws on and of its `corrected` notes; and the site's newest date (for the site-wide pages).
    Dates come from the stories and the editors' notes, never from the clock, so builds stay
    identical."""
    dates = {
        a.id: max([d for d in (a.date, *(c.date for c in a.corrections)) if d], default=None) for a in story.articles
    }
    out: dict[str, dt.date] = {story_page(k): v for k, v in dates.items() if v}
    drawn: dict[str, set[str]] = defaultdict(set)
    for m in story.mentions:
        drawn[actor_page(m.actor)].add(m.span.article)
    for u in story.term_uses:
        if u.term in term_pages:
            drawn[term_pages[u.term]].add(u.span.article)
    notes: dict[str, list[dt.date]] = defaultdict(list)
    for x in corrected:
        notes[x.page].append(x.correction.date)
    for page in set(drawn) | set(notes):
        newest = max([d for a in drawn.get(page, ()) if (d := dates.get(a))] + notes.get(page, []), default=None)
        if newest:
            out[page] = newest
    site = max(out.values(), default=None)
    return out, site

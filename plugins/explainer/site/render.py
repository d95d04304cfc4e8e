"""Render the `Story` into Markdown pages, from Jinja templates a site can override.

One Jinja environment per build, its helpers registered once (they read the page being rendered
from the template's context). Each page type of `sitemap.PAGE_TYPES` gets its pages from the
context method named after it (`Renderer.story_pages`, `Renderer.figures_pages`, ...), whose docstring lists
what its template may rely on; a page type without one renders its template with the globals
alone. Every template also gets the globals and helpers `Renderer._globals` documents, never the
raw story or index.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import jinja2

from ..model import Actor, Article, Event, Figure, FigureSource, Story
from .index import StoryIndex
from .lists import (
    BACKLINKS_SHOWN,
    LATEST,
    MENTIONS_SHOWN,
    PAGE_SIZE,
    RELATED_SHOWN,
    STORY_EVENTS,
    STORY_FIGURES,
    actor_groups,
    figure_pages,
    glossary_pages,
)
from .markdown import (
    Markdown,
    byline,
    cue_as_written,
    escape,
    finalize,
    fmt_date,
    gist,
    quotation,
    typographic,
    with_title,
)
from .paging import Pager, pagers, paginate
from .sitemap import (
    ABOUT,
    ACTORS,
    CORRECTIONS,
    FIGURES,
    GLOSSARY,
    HOME,
    PAGE_TYPES,
    STORIES,
    TIMELINE,
    actor_page,
    relative,
    story_page,
    term_page,
    titles,
)
from .trust import Publisher, corrections, last_updated

KIND_LABELS = {"person": "Person", "organization": "Organisation", "place": "Place"}
Context = dict[str, Any]


class RenderError(ValueError):
    """A page template (usually a site's override) that cannot render; the message names it."""


def scheduled(event: Event, article: Article | None) -> bool:
    """Whether the story places an event after its own date: scheduled, not yet happened."""
    if article is None or article.date is None:
        return False
    return event.date > article.date.isoformat()[: len(event.date)]


def paged_title(title: str, pager: Pager) -> str:
    """`Key figures (page 2 of 7)`: page 2 and later of a list page, as titled in nav and tabs."""
    return f"{title} (page {pager.number} of {pager.count})"


class Renderer:
    """Renders every generated page. `templates_dir` (optional) holds a site's overrides."""

    def __init__(
        self,
        story: Story,
        *,
        index: StoryIndex | None = None,
        templates_dir: Path | None = None,
        site_name: str = "",
        mentioned_in: Mapping[str, Iterable[str]] | None = None,
        other_titles: Mapping[str, str] | None = None,
        publisher: Publisher | None = None,
        compiled: jinja2.BytecodeCache | None = None,
    ) -> None:
        """`mentioned_in` maps a profile or term page to the site's own pages that mention it;
        `other_titles` gives those pages' titles; `publisher` fills the About page; `compiled`
        keeps the templates' code for the next renderer (`site.compiled`, under `serve`)."""
        self.story = story
        self.ix = index or StoryIndex(story)
        self.site_name = site_name
        self.publisher = publisher or Publisher()
        self.titles = {**titles(story, self.ix.term_pages), **(other_titles or {})}  # a site's own page wins
        self.mentioned_in = {k: set(v) for k, v in (mentioned_in or {}).items()}
        self.corrected = corrections(story, self.ix.term_pages)
        self.updated, self.site_updated = last_updated(story, self.corrected, self.ix.term_pages)
        self.figure_pages = figure_pages(self.ix)
        self.claimant_pages: dict[str, set[str]] = defaultdict(set)  # actor -> Key figures pages citing them
        self.figures_page_of: dict[str, str] = {}  # article -> the Key figures page listing it
        for (src, pager), page in zip(pagers(FIGURES, len(self.figure_pages)), self.figure_pages, strict=True):
            if pager.number > 1:  # profiles list the Key figures pages citing them, by title
                self.titles[src] = paged_title(self.titles[FIGURES], pager)
            for article, shown, _ in page:
                self.figures_page_of[article.id] = src
                for f in shown:
                    for fs in f.sources:
                        if fs.claimant:
                            self.claimant_pages[fs.claimant].add(src)
        loaders: list[jinja2.BaseLoader] = []
        if templates_dir is not None and templates_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
        loaders.append(jinja2.PackageLoader("explainer.site", "templates"))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=False,
            finalize=finalize,
            keep_trailing_newline=True,
            trim_blocks=False,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # one environment per build: no stat() of the template per page
            bytecode_cache=compiled,
        )
        self.env.globals.update(self._globals())

    def close(self) -> None:
        """Let the story go once the pages are made. The template helpers close over the story
        and the environment holds them, in cycles only a full garbage collection frees: a build
        kept the whole story alive through MkDocs' Markdown conversion. Without the helpers, the
        renderer and what it read are freed as soon as the caller lets go of them."""
        self.env.globals.clear()
        self.env.cache = None

    # -- what every template gets ------------------------------------------------------------

    def _globals(self) -> Context:
        """The globals and helpers of every template. Values: `page` (the page's source path,
        set per page), `site_name`, `several` (the site has more than one story), `titles`
        (source path -> page title), `corrections_page`. Helpers: `link(target, anchor)` and
        `a(text, target, anchor)` (a relative link from this page), `actor_link(id)`,
        `source(article, sentence, text)` (a link to a sentence), `sentence_text(article,
        sentence)`, `article(id)`, `from_story(article)` (its headline, linked, and date),
        `subtitle(actor)`, `claim(figure)` (who states it, and its source), `marked_sentence(event)`,
        `scheduled(event)`, `story_page(id)`, `term_page(id)` (the page a term is shown on),
        `summary(article)`, `gist(definition)`, `fmt_date(iso)`, `typographic(text)`,
        `quotation(text)`, `cue_as_written(cue, sentence)`, `byline(text)`, `md(text)` (trusted
        Markdown), `kind_label(kind)`, `meta_text(text)` (a description for page metadata)."""
        ix = self.ix

        @jinja2.pass_context
        def link(ctx: Mapping[str, Any], target: str, anchor: str = "") -> Markdown:
            return Markdown(relative(ctx["page"], target, anchor))

        @jinja2.pass_context
        def a(ctx: Mapping[str, Any], text: str, target: str, anchor: str = "") -> Markdown:
            return Markdown(f"[{escape(text)}]({relative(ctx['page'], target, anchor)})")

        @jinja2.pass_context
        def actor_link(ctx: Mapping[str, Any], actor_id: str | None) -> Markdown:
            actor = ix.actors.get(actor_id or "")
            return a(ctx, actor.name, actor_page(actor.id)) if actor else Markdown("")

        @jinja2.pass_context
        def source(ctx: Mapping[str, Any], article_id: str, sentence_id: str, text: str = "source") -> Markdown:
            return a(ctx, text, story_page(article_id), sentence_id)

        @jinja2.pass_context
        def from_story(ctx: Mapping[str, Any], article_id: str) -> Markdown:
            """`*[Headline](its page)*, Thursday 31 October 2024`: which story a line comes from (a
            link, so the headline's names are not cross-linked on their own)."""
            art = ix.articles[article_id]
            when = f", {fmt_date(art.date.isoformat())}" if art.date else ""
            return Markdown(f"*{a(ctx, typographic(art.title), story_page(art.id))}*{when}")

        @jinja2.pass_context
        def claim(ctx: Mapping[str, Any], figure: Figure, src: FigureSource | None = None) -> Markdown:
            """Who the story attributes a figure to, its hedge, and the link to the sentence."""
            src = src or figure.sources[0]
            according = src.hedge == "according to"
            parts = []
            if src.claimant and src.claimant in ix.actors:
                parts.append(f"{'According to' if according else 'Attributed to'} {actor_link(ctx, src.claimant)}")
            else:
                parts.append("In the story")
            if src.hedge and not according:
                parts.append(f"({escape(src.hedge)})")
            return Markdown(" ".join(parts) + " · " + source(ctx, src.span.article, src.span.sentence))

        def subtitle(actor: Actor) -> str:
            """A card's second line: the role as the story gives it, else kind and affiliation."""
            if actor.roles:
                return actor.roles[0]
            label = KIND_LABELS.get(actor.kind, actor.kind)
            aff = ix.actors.get(actor.affiliation or "")
            return f"{label}, {aff.name}" if aff else label

        def marked_sentence(event: Event) -> Markdown:
            """The event's sentence with its date expression in bold, so readers see what was dated."""
            text = ix.sentence(event.span.article, event.span.sentence).text
            start, end = event.span.start, event.span.end
            return Markdown(f"{escape(text[:start])}**{escape(text[start:end])}**{escape(text[end:])}")

        return {
            "site_name": self.site_name,
            "several": len(self.story.articles) > 1,
            "titles": self.titles,
            "corrections_page": CORRECTIONS,
            "link": link,
            "a": a,
            "actor_link": actor_link,
            "source": source,
            "from_story": from_story,
            "claim": claim,
            "subtitle": subtitle,
            "marked_sentence": marked_sentence,
            "sentence_text": lambda article_id, sentence_id: ix.sentence(article_id, sentence_id).text,
            "article": ix.articles.__getitem__,
            "scheduled": lambda e: scheduled(e, ix.articles.get(e.span.article)),
            "story_page": story_page,
            "term_page": lambda term_id: ix.term_pages.get(term_id) or term_page(term_id),
            "summary": lambda article: article.summary(),
            "gist": gist,
            "fmt_date": fmt_date,
            "typographic": typographic,
            "quotation": quotation,
            "cue_as_written": cue_as_written,
            "byline": byline,
            "md": Markdown,
            "kind_label": KIND_LABELS.get,
            # page descriptions are HTML to MkDocs and Material (printed as-is in <meta>): escape them here
            "meta_text": lambda s: Markdown(json.dumps(html.escape(str(s), quote=True), ensure_ascii=False)),
        }

    def _render(self, template: str, src: str, context: Context) -> str:
        try:
            return self.env.get_template(template).render(page=src, **context)
        except jinja2.TemplateSyntaxError as exc:
            raise RenderError(
                f"{exc.filename or template}:{exc.lineno}: template syntax error: {exc.message}"
            ) from None
        except jinja2.TemplateError as exc:  # an undefined name, a filter that fails, ...
            raise RenderError(f"{template}: cannot render {src}: {exc}") from None

    # -- every page ----------------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        """Every generated page: source path (as under `docs/`) -> Markdown, for each page type
        of the site map, each page ending with when it last changed."""
        out: dict[str, str] = {}
        continued: dict[str, str] = {}  # page 2 and later of a list page -> its title
        for pt in PAGE_TYPES:
            make = getattr(self, f"{pt.name}_pages", None)
            for src, context in make() if make else [(pt.path, {})]:
                out[src] = self._render(pt.template, src, context)
                pager = context.get("pager")
                if isinstance(pager, Pager) and pager.number > 1:
                    continued[src] = paged_title(self.titles.get(pt.path, pt.title or ""), pager)
                when = self.updated.get(src) or self.site_updated
                if when is not None:  # every page says when it last changed
                    out[src] += self._render("updated.md.j2", src, {"updated": when})
        page_titles = {k: html.escape(v) for k, v in {**self.titles, **continued}.items()}
        return {src: with_title(md, page_titles.get(src)) if src != HOME else md for src, md in out.items()}

    def _paged(self, base: str, pages: list[Context]) -> Iterator[tuple[str, Context]]:
        for (src, pager), context in zip(pagers(base, len(pages)), pages, strict=True):
            yield src, {**context, "pager": pager}

    # -- one context method per page type, `<name>_pages` (see sitemap.PAGE_TYPES) -----------------------------

    def home_pages(self) -> Iterator[tuple[str, Context]]:
        """`home.md.j2`: `headline`, `summary_text`, `lead` (the latest story, or None), `others`
        (the next latest stories), `figures` (the lead's first six), `sides` (its who's who, as
        `StoryIndex.sides`), `terms` (the glossary terms it uses), `stories_total`."""
        latest = list(reversed(self.story.articles))[:LATEST]  # articles are in date order, newest last
        newest = latest[0] if latest else None
        single = len(self.story.articles) == 1
        yield (
            HOME,
            {
                "headline": typographic(newest.title) if newest and single else (self.site_name or "Explainer"),
                "summary_text": newest.summary() if newest and single else self.site_name,
                "lead": newest,
                "others": latest[1:],
                "figures": self.ix.figures_by_article.get(newest.id, [])[:6] if newest else [],
                "sides": self.ix.sides(self.ix.people_of(newest.id if newest else None)[:9]),
                "terms": self.ix.terms_of(newest.id if newest else None),
                "stories_total": len(self.story.articles),
            },
        )

    def story_pages(self) -> Iterator[tuple[str, Context]]:
        """`story.md.j2`, one page per story: `article`, `blocks` (("subhead" | "paragraph",
        Markdown) in reading order, every sentence an anchored span), `page_summary`, and the
        story's own explainer: `figures` (the first few), `figures_total`, `figures_page` and
        `figures_anchor` (where Key figures lists them all), `sides`, `organizations`
        (organisations and places), `events` (the first few in date order), `events_total`,
        `timeline_page` (where the Timeline lists them all) and `terms`."""
        ix = self.ix
        several = len(self.story.articles) > 1
        for article in self.story.articles:
            blocks = []
            dateline = article.dateline
            for block in article.blocks:
                if block.kind == "subhead":
                    blocks.append(("subhead", Markdown(escape(typographic(block.sentences[0].text)))))
                    continue
                spans = [f'<span class="sentence" id="{s.id}">{escape(s.text)}</span>' for s in block.sentences]
                if dateline is not None:  # where the story was filed, as the wire wrote it, opens the text
                    spans.insert(0, f'<span class="sentence" id="{dateline.id}">{escape(dateline.text)}</span> —')
                    dateline = None
                blocks.append(("paragraph", Markdown(" ".join(spans))))
            figures = ix.figures_by_article.get(article.id, [])
            events = sorted(ix.events_by_article.get(article.id, []), key=lambda e: e.date)
            yield (
                story_page(article.id),
                {
                    "article": article,
                    "blocks": blocks,
                    "page_summary": article.summary(),
                    "figures": figures[:STORY_FIGURES],
                    "figures_total": len(figures),
                    "figures_page": self.figures_page_of.get(article.id, FIGURES),
                    "figures_anchor": f"story-{article.id}" if several else "",
                    "sides": ix.sides(ix.people_of(article.id)),
                    "organizations": ix.people_of(article.id, "organization") + ix.people_of(article.id, "place"),
                    "events": events[:STORY_EVENTS],
                    "events_total": len(events),
                    "timeline_page": TIMELINE,
                    "terms": ix.terms_of(article.id),
                },
            )

    def stories_pages(self) -> Iterator[tuple[str, Context]]:
        """`stories.md.j2`, on a site of several stories, in pages: `articles` (newest first), `pager`."""
        if len(self.story.articles) < 2:
            return
        newest_first = list(reversed(self.story.articles))
        pages = paginate([(None, newest_first)], PAGE_SIZE[STORIES])
        yield from self._paged(STORIES, [{"articles": [a for _, chunk in p for a in chunk]} for p in pages])

    def figures_pages(self) -> Iterator[tuple[str, Context]]:
        """`figures.md.j2`, in pages: `groups` ((article, its figures shown, how many it has), newest
        story first), `pager`."""
        yield from self._paged(FIGURES, [{"groups": p} for p in self.figure_pages])

    def actors_pages(self) -> Iterator[tuple[str, Context]]:
        """`actors.md.j2`, in pages: `title`, `groups` ((label, actors): people by surname, then
        organisations, then places), `pager`."""
        pages = paginate(actor_groups(self.story), PAGE_SIZE[ACTORS])
        yield from self._paged(ACTORS, [{"groups": p, "title": self.titles[ACTORS]} for p in pages])

    def profile_pages(self) -> Iterator[tuple[str, Context]]:
        """`actor.md.j2`, one page per actor: `actor`, `affiliation` (an Actor or None), `notes`
        (corrections, newest first), `same_terms` (the glossary terms that name it), `quotes`
        (newest story first), `mentions` ((shown sentences, how many)), `related`, `backlinks`."""
        ix = self.ix
        for actor in self.story.actors:
            terms = ix.terms_of_actor.get(actor.id, [])
            notes = (*actor.corrections, *(c for t in terms for c in t.corrections))
            yield (
                actor_page(actor.id),
                {
                    "actor": actor,
                    "affiliation": ix.actors.get(actor.affiliation or ""),
                    "notes": sorted(notes, key=lambda c: c.date, reverse=True),
                    "same_terms": terms,
                    "quotes": sorted(ix.quotes_by_speaker.get(actor.id, []), key=lambda q: -ix.rank[q.article]),
                    "mentions": ix.newest_first(ix.mentions_by_actor.get(actor.id, []), MENTIONS_SHOWN),
                    "related": ix.related_actors(actor.id)[:RELATED_SHOWN],
                    "backlinks": self._backlinks(
                        actor_page(actor.id), ix.mentions_by_actor.get(actor.id, []), self.claimant_pages[actor.id]
                    ),
                },
            )

    def glossary_pages(self) -> Iterator[tuple[str, Context]]:
        """`glossary.md.j2`, in pages: `letters` ((letter, anchor, terms) on this page),
        `index_letters` ((letter, page, anchor) for the A-Z bar of every page), `pager`."""
        pages = glossary_pages(self.story)
        bar: dict[str, tuple[str, str, str]] = {}  # every letter, linked to the page it starts on
        for (src, _), page in zip(pagers(GLOSSARY, len(pages)), pages, strict=True):
            for letter, anchor, _ in page:
                bar.setdefault(letter, (letter, src, anchor))
        yield from self._paged(GLOSSARY, [{"letters": p, "index_letters": list(bar.values())} for p in pages])

    def term_pages(self) -> Iterator[tuple[str, Context]]:
        """`term.md.j2`, one page per term that names no actor: `term`, `uses` ((shown sentences,
        how many)), `related`, `backlinks`."""
        ix = self.ix
        for term in self.story.terms:
            if ix.term_pages[term.id] != term_page(term.id):
                continue  # it names an actor: their profile is its page
            yield (
                term_page(term.id),
                {
                    "term": term,
                    "uses": ix.newest_first(ix.uses_by_term.get(term.id, []), MENTIONS_SHOWN),
                    "related": ix.related_terms(term)[:RELATED_SHOWN],
                    "backlinks": self._backlinks(term_page(term.id), ix.uses_by_term.get(term.id, [])),
                },
            )

    def timeline_pages(self) -> Iterator[tuple[str, Context]]:
        """`timeline.md.j2`, in pages: `events_by_date` ((ISO date, events)), `any_events`,
        `story_dates` (each dated story's date, for the note on relative dates), `pager`."""
        by_date: dict[str, list[Event]] = defaultdict(list)
        for e in self.story.events:
            by_date[e.date].append(e)
        common = {
            "any_events": bool(self.story.events),
            "story_dates": [a.date.isoformat() for a in self.story.articles if a.date],
        }
        pages = paginate(sorted(by_date.items()), PAGE_SIZE[TIMELINE])
        yield from self._paged(TIMELINE, [{"events_by_date": p, **common} for p in pages])

    def corrections_pages(self) -> Iterator[tuple[str, Context]]:
        """`corrections.md.j2`: `corrected` (every correction with the page it corrects, newest first)."""
        yield CORRECTIONS, {"corrected": self.corrected}

    def about_pages(self) -> Iterator[tuple[str, Context]]:
        """`about.md.j2`: `publisher`, `contact` (how to ask for a correction, Markdown),
        `newest_first` (up to ten stories), `stories_total`, `starter` (whether the starter
        glossary defines any term shown)."""
        name = self.publisher.name or (f"the editors of {self.site_name}" if self.site_name else "its editors")
        yield (
            ABOUT,
            {
                "publisher": name,
                "contact": self.publisher.contact(),
                "newest_first": list(reversed(self.story.articles))[:10],
                "stories_total": len(self.story.articles),
                "starter": any((t.curated_path or "").startswith("explainer/data/glossary/") for t in self.story.terms),
            },
        )

    def _backlinks(self, page: str, sentences: Iterable[tuple[str, str]], more: Iterable[str] = ()) -> list[str]:
        """The pages that mention a profile or term: its stories, the Key figures pages citing it,
        the site's own pages naming it; newest story first, at most `BACKLINKS_SHOWN`."""
        stories = sorted({a for a, _ in sentences}, key=lambda a: -self.ix.rank[a])
        pages = [story_page(a) for a in stories]
        pages += sorted((set(more) | self.mentioned_in.get(page, set())) - set(pages))  # an ejected story once
        return pages[:BACKLINKS_SHOWN]

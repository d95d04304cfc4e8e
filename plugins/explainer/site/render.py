"""Render the `Story` into Markdown pages, from Jinja templates a site can override.

Every value printed with `{{ }}` is escaped for Markdown and HTML unless it is a `Markdown`
string built here on purpose, so text from a seed or a curated field can never inject markup.
Links point at `.md` paths relative to the page, so MkDocs resolves and validates them.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from ..model import Actor, Article, Correction, Event, Figure, FigureSource, Quote, Sentence, Story, Term
from .paging import Pager, pagers, paginate
from .sitemap import relative
from ..slugs import slugify
from ..extraction.vocabulary import SPEECH_VERBS

HOME = "index.md"
STORIES = "stories/index.md"
LATEST = 5  # stories shown on the home page; the stories page lists them all
FIGURES = "figures.md"
ACTORS = "actors/index.md"
GLOSSARY = "glossary/index.md"
TIMELINE = "timeline.md"
ABOUT = "about.md"
CORRECTIONS = "corrections.md"
KIND_LABELS = {"person": "Person", "organization": "Organisation", "place": "Place"}
SECTION_TITLES = {
    FIGURES: "Key figures",
    ACTORS: "People, organisations and places",  # as `actors_title` words it for the kinds a site has
    GLOSSARY: "Glossary",
    TIMELINE: "Timeline",
    ABOUT: "About this explainer",
    CORRECTIONS: "Corrections",
}

# How much one page lists, so that pages stay small whatever the size of the site or a story:
# a reader scans a selection, and `explainer.json` keeps everything.
FIGURES_SHOWN = 60  # per story, on Key figures
STORY_FIGURES = 8  # cards under a story's text; Key figures lists the rest
SCARE_QUOTE_WORDS = 2  # quotes this short are words the story marks, not what someone said
MENTIONS_SHOWN = 40  # sentences quoted on a profile or term page, newest story first
# Entries per page of a site-wide list, so that no page grows with the site (each under ~200 KB
# of HTML at a thousand stories): figure cards, stories with their summary, profile cards,
# glossary lines with their definition, timeline entries with their sentence.
PAGE_SIZE = {FIGURES: 150, STORIES: 50, ACTORS: 400, GLOSSARY: 250, TIMELINE: 150}

_MD_ESCAPE = re.compile(r"([\\`*_{}\[\]#!|])")


class RenderError(ValueError):
    """A page template (usually a site's override) that cannot render; the message names it."""


class Markdown(str):
    """Markdown built by this module on purpose; the template engine prints it unescaped."""


def escape(text: object) -> str:
    """Text shown as-is in Markdown: HTML escaped, Markdown punctuation backslash-escaped."""
    s = html.escape(str(text), quote=False)
    return _MD_ESCAPE.sub(r"\\\1", s)


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (Markdown, int, float)):
        return value
    return escape(value)


_OPENS_AFTER = frozenset(" \t\n([{\u2014\u2013-/")  # a straight mark after these opens a quotation


def typographic(text: str) -> str:
    """Straight quotation marks as typographic ones (`"a"` -> `“a”`, `it's` -> `it’s`), the way a
    newsroom prints them; the words are untouched (`explainer.json` keeps the text as written)."""
    if '"' not in text and "'" not in text:
        return text
    out = []
    for i, ch in enumerate(text):
        opens = i == 0 or text[i - 1] in _OPENS_AFTER or text[i - 1] in "“‘"
        if ch == '"':
            out.append("“" if opens else "”")
        elif ch == "'":
            out.append("‘" if opens and i + 1 < len(text) and not text[i + 1].isspace() else "’")
        else:
            out.append(ch)
    return "".join(out)


_QUOTE_MARKS = '"“”«»„‟'


def quotation(text: str) -> str:
    """A quote's words to print inside the page's own “ ”: marks left at its ends are dropped (no
    `“"We…`), and a quotation inside it takes single marks, as newsrooms nest them."""
    inner = typographic(text.strip().strip(_QUOTE_MARKS).strip())
    return inner.replace("“", "‘").replace("”", "’")


def scheduled(event: Event, article: Article | None) -> bool:
    """Whether the story places an event after its own date: scheduled, not yet happened."""
    if article is None or article.date is None:
        return False
    return event.date > article.date.isoformat()[: len(event.date)]


_IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "find": "found"}
_TOLD_WHOM = re.compile(
    r"\btold\s+((?:[\w'’.-]+\s+){0,3}?[\w'’.-]+?)(?=[,.;:!?\"“”]|\s+(?:that|in|on|at|during|after|before|when|while|as|by)\b|$)"
)
_ACCORDING_TO = re.compile(
    r"\baccording to\s+((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+?)(?=[,.;:!?\"“”(]|\s+(?:that|in|on|at|which|who)\b|$)"
)


def cue_as_written(cue: str | None, sentence: str) -> str:
    """A quote's cue as the story wrote it, to print after the quote: `told` with whom it was told
    (`told AFP`, `told reporters`), `according to` with its source, a participle as its verb's
    past form (`adding` -> `added`; the verb is never changed, `said` is never `claimed`)."""
    if not cue:
        return ""
    low = cue.lower()
    if low == "told" and (m := _TOLD_WHOM.search(sentence)):
        return f"told {m.group(1)}"
    if low == "according to":
        m = _ACCORDING_TO.search(sentence)
        return f"according to {m.group(1)}" if m else ""
    if low.endswith("ing") and len(low) > 5:
        stem = low[:-3]
        for past in (_IRREGULAR_PAST.get(stem), stem + "ed", stem + "d", stem[:-1] + "ied"):
            if past and past in SPEECH_VERBS:
                return past
    return cue


def byline(text: str) -> str:
    """A byline as printed under a headline: `By ` unless the story already wrote it."""
    return text if text[:3].lower() == "by " else f"By {text}"


def story_page(article_id: str) -> str:
    return f"stories/{article_id}.md"


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def term_page(term_id: str) -> str:
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Corrected:
    """A correction note with the page it corrects, for the Corrections page."""

    correction: Correction
    page: str
    title: str


def corrections(story: Story) -> list[Corrected]:
    """Every correction of the site, newest first (stories, profiles and glossary entries)."""
    pages = term_pages(story)
    found = [Corrected(c, story_page(a.id), a.title) for a in story.articles for c in a.corrections]
    found += [Corrected(c, actor_page(a.id), a.name) for a in story.actors for c in a.corrections]
    found += [Corrected(c, pages[t.id], t.term) for t in story.terms for c in t.corrections]
    return sorted(found, key=lambda x: (x.correction.date, x.title), reverse=True)


def last_updated(story: Story) -> tuple[dict[str, dt.date], dt.date | None]:
    """When each story, profile and term page last changed: the newest date of the stories it
    draws on and of its corrections; and the site's newest date (for the site-wide pages). Dates
    come from the stories and the editors' notes, never from the clock, so builds stay identical."""
    dates = {
        a.id: max([d for d in (a.date, *(c.date for c in a.corrections)) if d], default=None) for a in story.articles
    }
    out: dict[str, dt.date] = {story_page(k): v for k, v in dates.items() if v}
    drawn: dict[str, set[str]] = defaultdict(set)
    for m in story.mentions:
        drawn[actor_page(m.actor)].add(m.span.article)
    pages = term_pages(story)
    for u in story.term_uses:
        if u.term in pages:
            drawn[pages[u.term]].add(u.span.article)
    notes: dict[str, list[dt.date]] = defaultdict(list)
    for x in corrections(story):
        notes[x.page].append(x.correction.date)
    for page in set(drawn) | set(notes):
        newest = max([d for a in drawn.get(page, ()) if (d := dates.get(a))] + notes.get(page, []), default=None)
        if newest:
            out[page] = newest
    site = max(out.values(), default=None)
    return out, site


@dataclass
class Index:
    """Lookups the templates need, built once per render (dicts, so pages render in linear time)."""

    story: Story

    def __post_init__(self) -> None:
        s = self.story
        self.articles = {a.id: a for a in s.articles}
        self.rank = {a.id: i for i, a in enumerate(s.articles)}  # date order: higher is newer
        self.actors = {a.id: a for a in s.actors}
        self.terms = {t.id: t for t in s.terms}
        self.quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        for q in s.quotes:
            # a one- or two-word quote (`a "crucial" test`) is a scare quote, not a statement: it
            # stays in the sentence the profile lists, not among the person's quotes
            if q.speaker and len(q.text.split()) > SCARE_QUOTE_WORDS:
                self.quotes_by_speaker[q.speaker].append(q)
        self.mentions_by_actor: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.actors_by_sentence: dict[tuple[str, str], list[str]] = defaultdict(list)
        seen: set[tuple[str, tuple[str, str]]] = set()  # (actor or term, sentence) pairs: no list scans
        for m in s.mentions:
            key = (m.span.article, m.span.sentence)
            if (m.actor, key) not in seen:
                seen.add((m.actor, key))
                self.mentions_by_actor[m.actor].append(key)
                self.actors_by_sentence[key].append(m.actor)
        self.uses_by_term: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.terms_by_sentence: dict[tuple[str, str], list[str]] = defaultdict(list)
        seen.clear()
        for u in s.term_uses:
            key = (u.span.article, u.span.sentence)
            if (u.term, key) not in seen:
                seen.add((u.term, key))
                self.uses_by_term[u.term].append(key)
                self.terms_by_sentence[key].append(u.term)
        self.actors_by_article: dict[str, dict[str, None]] = defaultdict(dict)  # first-mention order
        for m in s.mentions:
            self.actors_by_article[m.span.article].setdefault(m.actor, None)
        self.events_by_article: dict[str, list[Event]] = defaultdict(list)
        for e in s.events:
            self.events_by_article[e.span.article].append(e)
        self.figures_by_article: dict[str, list[Figure]] = defaultdict(list)
        for f in s.figures:
            self.figures_by_article[f.article].append(f)
        self.claimants = {src.claimant for f in s.figures for src in f.sources if src.claimant}
        self.sentences = {(a.id, u.id): u for a in s.articles for u in a.units}
        self.term_pages = term_pages(s)  # term -> its page: its own, or the profile of the actor it names
        self.term_of_actor = {  # the glossary entry a profile shows, where the term names the actor
            src[len("actors/") : -len(".md")]: self.terms[tid]
            for tid, src in self.term_pages.items()
            if src.startswith("actors/")
        }

    def sentence(self, article_id: str, sentence_id: str) -> Sentence:
        return self.sentences[(article_id, sentence_id)]

    def related_actors(self, actor_id: str) -> list[Actor]:
        seen: dict[str, int] = {}
        for key in self.mentions_by_actor.get(actor_id, []):
            for other in self.actors_by_sentence[key]:
                if other != actor_id:
                    seen[other] = seen.get(other, 0) + 1
        return [self.actors[a] for a in sorted(seen, key=lambda a: (-seen[a], self.actors[a].name)) if a in self.actors]

    def related_terms(self, term: Term) -> list[Term]:
        ids = [r for r in term.related if r in self.terms]
        for key in self.uses_by_term.get(term.id, []):
            ids += [t for t in self.terms_by_sentence[key] if t != term.id and t not in ids]
        return [self.terms[i] for i in ids]


class Renderer:
    """Renders every generated page. `templates_dir` (optional) holds a site's overrides."""

    def __init__(
        self,
        story: Story,
        *,
        templates_dir: Path | None = None,
        site_name: str = "",
        mentioned_in: Mapping[str, Iterable[str]] | None = None,
        other_titles: Mapping[str, str] | None = None,
        publisher: Publisher | None = None,
    ) -> None:
        """`mentioned_in` maps a profile or term page to the site's own pages that mention it;
        `other_titles` gives those pages' titles; `publisher` fills the About page."""
        loaders: list[jinja2.BaseLoader] = []
        if templates_dir is not None and templates_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
        loaders.append(jinja2.PackageLoader("explainer.site", "templates"))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=False,
            finalize=_finalize,
            keep_trailing_newline=True,
            trim_blocks=False,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # one environment per build: no stat() of the template per page
        )
        self.story = story
        self.index = Index(story)
        self.site_name = site_name
        self.publisher = publisher or Publisher()
        self.corrections = corrections(story)
        self.updated, self.site_updated = last_updated(story)
        self.titles = {**page_titles(story, html_escaped=False), **(other_titles or {})}  # a site's own page wins
        self.mentioned_in = {k: set(v) for k, v in (mentioned_in or {}).items()}
        self.figure_pages = figure_pages(story)
        self.claimant_pages: dict[str, set[str]] = defaultdict(set)  # actor -> Key figures pages citing them
        self.figures_page_of: dict[str, str] = {}  # article -> the Key figures page listing it
        for (src, pager), page in zip(pagers(FIGURES, len(self.figure_pages)), self.figure_pages, strict=True):
            for article, _, _ in page:
                self.figures_page_of[article.id] = src
            if pager.number > 1:  # profiles list the pages citing them, by title
                self.titles[src] = paged_title(FIGURES, pager)
            for _, shown, _ in page:
                for f in shown:
                    for fs in f.sources:
                        if fs.claimant:
                            self.claimant_pages[fs.claimant].add(src)

    # -- helpers exposed to templates ------------------------------------------------------

    def _helpers(self, src: str) -> dict[str, Any]:
        ix = self.index

        def link(target: str, anchor: str = "") -> Markdown:
            return Markdown(relative(src, target, anchor))

        def a(text: str, target: str, anchor: str = "") -> Markdown:
            return Markdown(f"[{escape(text)}]({relative(src, target, anchor)})")

        def actor_link(actor_id: str | None) -> Markdown:
            if actor_id is None or actor_id not in ix.actors:
                return Markdown("")
            actor = ix.actors[actor_id]
            return a(actor.name, actor_page(actor.id))

        def source(article_id: str, sentence_id: str, text: str = "source") -> Markdown:
            return a(text, story_page(article_id), sentence_id)

        def from_story(article_id: str) -> Markdown:
            """`*[Headline](its page)*, Thursday 31 October 2024`: which story a line comes from (a
            link, so the headline's names are not cross-linked on their own)."""
            art = ix.articles[article_id]
            when = f", {fmt_date(art.date.isoformat())}" if art.date else ""
            return Markdown(f"*{a(typographic(art.title), story_page(art.id))}*{when}")

        def sentence_text(article_id: str, sentence_id: str) -> str:
            return ix.sentence(article_id, sentence_id).text

        def subtitle(actor: Actor) -> str:
            """A card's second line: the role as the story gives it, else kind and affiliation."""
            if actor.roles:
                return actor.roles[0]
            label = KIND_LABELS.get(actor.kind, actor.kind)
            aff = ix.actors.get(actor.affiliation or "")
            return f"{label}, {aff.name}" if aff else label

        def claim(figure: Figure, src: FigureSource | None = None) -> Markdown:
            """Who the story attributes a figure to, its hedge, and the link to the sentence."""
            src = src or figure.sources[0]
            parts = []
            according = src.hedge == "according to"
            if src.claimant and src.claimant in ix.actors:
                parts.append(f"{'According to' if according else 'Attributed to'} {actor_link(src.claimant)}")
            else:
                parts.append("In the story")
            if src.hedge and not according:
                parts.append(f"({escape(src.hedge)})")
            return Markdown(" ".join(parts) + " · " + source(src.span.article, src.span.sentence))

        def marked_sentence(event: Event) -> Markdown:
            """The event's sentence with its date expression in bold, so readers see what was dated."""
            text = ix.sentence(event.span.article, event.span.sentence).text
            a, b = event.span.start, event.span.end
            return Markdown(f"{escape(text[:a])}**{escape(text[a:b])}**{escape(text[b:])}")

        return {
            "link": link,
            "subtitle": subtitle,
            "claim": claim,
            "marked_sentence": marked_sentence,
            "a": a,
            "actor_link": actor_link,
            "source": source,
            "sentence_text": sentence_text,
            "from_story": from_story,
            "md": Markdown,
            "kind_label": KIND_LABELS.get,
            # page descriptions are HTML to MkDocs and Material (printed as-is in <meta>): escape them here
            "meta_text": lambda s: Markdown(json.dumps(html.escape(str(s), quote=True), ensure_ascii=False)),
            "page": src,
            "story_page": story_page,
            "term_page": lambda term_id: ix.term_pages.get(term_id) or term_page(term_id),
            "summary": summary,
            "gist": gist,
            "fmt_date": fmt_date,
            "titles": self.titles,
            "typographic": typographic,
            "quotation": quotation,
            "cue_as_written": cue_as_written,
            "byline": byline,
            "scheduled": lambda e: scheduled(e, ix.articles.get(e.span.article)),
            "several": len(self.story.articles) > 1,
            "corrections_page": CORRECTIONS,
        }

    def _render(self, template: str, src: str, **context: Any) -> str:
        try:
            tpl = self.env.get_template(template)
            return tpl.render(
                story=self.story, ix=self.index, site_name=self.site_name, **self._helpers(src), **context
            )
        except jinja2.TemplateSyntaxError as exc:
            raise RenderError(
                f"{exc.filename or template}:{exc.lineno}: template syntax error: {exc.message}"
            ) from None
        except jinja2.TemplateError as exc:  # an undefined name, a filter that fails, ...
            raise RenderError(f"{template}: cannot render {src}: {exc}") from None

    # -- pages --------------------------------------------------------------------------------

    def story_markdown(self, article: Article) -> str:
        blocks = []
        dateline = article.dateline
        for block in article.blocks:
            if block.kind == "subhead":
                blocks.append(("subhead", Markdown(escape(typographic(block.sentences[0].text)))))
            else:
                spans = [f'<span class="sentence" id="{s.id}">{escape(s.text)}</span>' for s in block.sentences]
                if dateline is not None:  # where the story was filed, as the wire wrote it, opens the text
                    spans.insert(0, f'<span class="sentence" id="{dateline.id}">{escape(dateline.text)}</span> —')
                    dateline = None
                blocks.append(("paragraph", Markdown(" ".join(spans))))
        figures = self.index.figures_by_article.get(article.id, [])
        return self._render(
            "story.md.j2",
            story_page(article.id),
            article=article,
            blocks=blocks,
            page_summary=summary(article),
            # the story's own explainer, under its text: figures, who's who, timeline
            figures=figures[:STORY_FIGURES],
            figures_total=len(figures),
            figures_page=self.figures_page_of.get(article.id, FIGURES),
            sides=self.sides(self._people_of(article.id)),
            organizations=self._people_of(article.id, "organization") + self._people_of(article.id, "place"),
            events=sorted(self.index.events_by_article.get(article.id, []), key=lambda e: e.date),
            terms=self._terms_of(article.id),
        )

    def pages(self) -> dict[str, str]:
        """Every generated page: source path (as under `docs/`) -> Markdown."""
        ix = self.index
        articles = self.story.articles
        latest = list(reversed(articles))[:LATEST]  # articles are in date order, newest last
        newest = latest[0] if latest else None
        single = len(articles) == 1
        out: dict[str, str] = {
            # the home page leads with the latest story: its credit line, gist, figures and people
            HOME: self._render(
                "home.md.j2",
                HOME,
                headline=typographic(newest.title) if newest and single else (self.site_name or "Explainer"),
                summary_text=summary(newest) if newest and single else self.site_name,
                lead=newest,
                others=latest[1:],
                figures=ix.figures_by_article.get(newest.id, [])[:6] if newest else [],
                sides=self.sides(self._people_of(newest.id if newest else None)[:9]),
                terms=self._terms_of(newest.id if newest else None),
            )
        }
        continued: dict[str, str] = {}  # page 2 and later of a list page -> its title

        def paged(base: str, template: str, pages: list[Any], **context: Any) -> None:
            for (src, pager), page in zip(pagers(base, len(pages)), pages, strict=True):
                out[src] = self._render(template, src, pager=pager, **context, **page)
                if pager.number > 1:
                    continued[src] = paged_title(base, pager, self.titles.get(base))

        if not single:
            newest_first = list(reversed(articles))
            paged(
                STORIES,
                "stories.md.j2",
                [
                    {"articles": [a for _, chunk in p for a in chunk]}
                    for p in paginate([(None, newest_first)], PAGE_SIZE[STORIES])
                ],
            )
        for article in self.story.articles:
            out[story_page(article.id)] = self.story_markdown(article)
        paged(FIGURES, "figures.md.j2", [{"groups": p} for p in self.figure_pages])
        paged(
            ACTORS,
            "actors.md.j2",
            [{"groups": p} for p in paginate(self.actor_groups(), PAGE_SIZE[ACTORS])],
            title=self.titles[ACTORS],
        )
        for actor in self.story.actors:
            out[actor_page(actor.id)] = self._render(
                "actor.md.j2",
                actor_page(actor.id),
                actor=actor,
                quotes=sorted(ix.quotes_by_speaker.get(actor.id, []), key=lambda q: -ix.rank[q.article]),
                mentions=self.newest_first(ix.mentions_by_actor.get(actor.id, [])),
                related=ix.related_actors(actor.id)[:12],
                affiliation=ix.actors.get(actor.affiliation or ""),
                same_term=ix.term_of_actor.get(actor.id),
                notes=sorted(
                    (*actor.corrections, *(t.corrections if (t := ix.term_of_actor.get(actor.id)) else ())),
                    key=lambda c: c.date,
                    reverse=True,
                ),
                backlinks=self.actor_backlinks(actor.id),
            )
        glossary = glossary_pages(self.story)
        bar: dict[str, tuple[str, str, str]] = {}  # every letter, linked to the page it starts on
        for (src, _), page in zip(pagers(GLOSSARY, len(glossary)), glossary, strict=True):
            for letter, anchor, _ in page:
                bar.setdefault(letter, (letter, src, anchor))
        paged(GLOSSARY, "glossary.md.j2", [{"letters": p} for p in glossary], index_letters=list(bar.values()))
        for term in self.story.terms:
            if ix.term_pages[term.id] != term_page(term.id):
                continue  # it names an actor: their profile is its page
            out[term_page(term.id)] = self._render(
                "term.md.j2",
                term_page(term.id),
                term=term,
                uses=self.newest_first(ix.uses_by_term.get(term.id, [])),
                related=ix.related_terms(term)[:12],
                backlinks=self.term_backlinks(term.id),
            )
        by_date: dict[str, list[Event]] = defaultdict(list)
        for e in self.story.events:
            by_date[e.date].append(e)
        timeline = paginate(sorted(by_date.items()), PAGE_SIZE[TIMELINE])
        paged(TIMELINE, "timeline.md.j2", [{"events_by_date": p} for p in timeline])
        out[CORRECTIONS] = self._render("corrections.md.j2", CORRECTIONS, corrected=self.corrections)
        out[ABOUT] = self._render(
            "about.md.j2",
            ABOUT,
            publisher=self.publisher.name or (f"the editors of {self.site_name}" if self.site_name else "its editors"),
            contact=self.publisher.contact(),
            newest_first=list(reversed(articles))[:10],
            starter=any((t.curated_path or "").startswith("explainer/data/glossary/") for t in self.story.terms),
        )
        for src in out:  # every page says when it last changed
            when = self.updated.get(src) or self.site_updated
            if when is not None:
                out[src] += self._render("updated.md.j2", src, updated=when)
        titles = page_titles(self.story) | {k: html.escape(v) for k, v in continued.items()}
        return {src: md if src == HOME else with_title(md, titles.get(src)) for src, md in out.items()}

    def newest_first(self, keys: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], int]:
        """Sentences `(article, sentence)` newest story first (each story's in reading order),
        the first `MENTIONS_SHOWN` of them, and how many there are."""
        rank = self.index.rank
        ordered = sorted(keys, key=lambda k: -rank[k[0]])  # stable: reading order kept within a story
        return ordered[:MENTIONS_SHOWN], len(keys)

    def _people_of(self, article_id: str | None, kind: str = "person") -> list[Actor]:
        """People (or another kind) of one story in order of first mention (the whole site's when None)."""
        if article_id is None:
            seen: dict[str, None] = {}
            for m in self.story.mentions:
                seen.setdefault(m.actor, None)
        else:
            seen = self.index.actors_by_article.get(article_id, {})
        return [a for a in (self.index.actors.get(i) for i in seen) if a is not None and a.kind == kind]

    def sides(self, people: list[Actor]) -> list[tuple[Actor | None, list[Actor]]]:
        """Who's who by the sides of the story: people under their affiliation, the sides in order
        of first mention, people with none last (under None)."""
        groups: dict[str | None, list[Actor]] = {}
        for p in people:
            key = p.affiliation if p.affiliation in self.index.actors else None
            groups.setdefault(key, []).append(p)
        ordered = sorted(groups.items(), key=lambda kv: kv[0] is None)  # stable: first mention kept
        return [(self.index.actors[k] if k else None, members) for k, members in ordered]

    def _terms_of(self, article_id: str | None) -> list[Term]:
        """The glossary terms one story uses, alphabetically (the home page shows the latest's)."""
        used = {u.term for u in self.story.term_uses if u.span.article == article_id}
        return [t for t in self.story.terms if t.id in used]

    def actor_groups(self) -> list[tuple[str, list[Actor]]]:
        groups = []
        for kind, label in (("person", "People"), ("organization", "Organisations"), ("place", "Places")):
            members = sorted((a for a in self.story.actors if a.kind == kind), key=sort_key)
            if members:
                groups.append((label, members))
        return groups

    def actor_backlinks(self, actor_id: str) -> list[str]:
        pages = {story_page(a) for a, _ in self.index.mentions_by_actor.get(actor_id, [])}
        pages |= self.claimant_pages.get(actor_id, set())
        pages |= self.mentioned_in.get(actor_page(actor_id), set())
        return sorted(pages)

    def term_backlinks(self, term_id: str) -> list[str]:
        pages = {story_page(a) for a, _ in self.index.uses_by_term.get(term_id, [])}
        pages |= self.mentioned_in.get(term_page(term_id), set())
        return sorted(pages)


def figure_groups(story: Story) -> list[tuple[Article, list[Figure], int]]:
    """Key figures as the page shows them (and its JSON-LD lists them): newest story first, each
    story's first `FIGURES_SHOWN` figures in the order it gives them, and how many it has."""
    by_article: dict[str, list[Figure]] = defaultdict(list)
    for f in story.figures:
        by_article[f.article].append(f)
    return [(a, by_article[a.id][:FIGURES_SHOWN], len(by_article[a.id])) for a in reversed(story.articles)]


def paged_title(base: str, pager: Pager, title: str | None = None) -> str:
    """`Key figures (page 2 of 7)`: page 2 and later of a list page, as titled in nav and tabs."""
    return f"{title or SECTION_TITLES.get(base, 'Stories')} (page {pager.number} of {pager.count})"


def actors_title(story: Story) -> str:
    """The people index titled for what it lists: `People, organisations and places`, `People`, ..."""
    present = {a.kind for a in story.actors}
    words = [
        w
        for kind, w in (("person", "people"), ("organization", "organisations"), ("place", "places"))
        if kind in present
    ]
    if not words:
        return "People"
    text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return text[:1].upper() + text[1:]


def figure_pages(story: Story) -> list[list[tuple[Article, list[Figure], int]]]:
    """`figure_groups` over the pages of Key figures: a story's figures are never split."""
    groups = [((a, total), shown) for a, shown, total in figure_groups(story)]
    return [
        [(a, shown, total) for (a, total), shown in page] for page in paginate(groups, PAGE_SIZE[FIGURES], split=False)
    ]


def glossary_pages(story: Story) -> list[list[tuple[str, Markdown, list[Term]]]]:
    """The glossary's A-Z sections over its pages: a letter may go on over the next page."""
    groups = [((letter, anchor), terms) for letter, anchor, terms in letters(story.terms)]
    return [
        [(letter, anchor, terms) for (letter, anchor), terms in page] for page in paginate(groups, PAGE_SIZE[GLOSSARY])
    ]


def letters(terms: Iterable[Term]) -> list[tuple[str, Markdown, list[Term]]]:
    """A-Z sections: (letter, its anchor id, terms). Terms not starting with a letter go under '#'."""
    by_letter: dict[str, list[Term]] = defaultdict(list)
    for t in terms:
        first = t.term[:1].upper()
        by_letter[first if first.isalpha() else "#"].append(t)
    out = []
    for letter in sorted(by_letter, key=lambda k: (k == "#", k)):
        anchor = "letter-other" if letter == "#" else "letter-" + (slugify(letter) or f"u{ord(letter):x}")
        out.append((letter, Markdown(anchor), sorted(by_letter[letter], key=lambda t: t.term.lower())))
    return out


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def sort_key(actor: Actor) -> tuple[str, str]:
    """People by surname, taken as the last word of the name (before Jr., III, ...); others by name.

    Names written family name first (Mao Zedong) file under their last word too: the rules
    cannot tell the order a name is written in.
    """
    name = actor.name.lower()
    if actor.kind != "person":
        return name, name
    words = [w for w in name.split() if w not in _SUFFIXES] or [name]
    return words[-1], name


_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def gist(definition: str, max_words: int = 30) -> str:
    """A definition's first sentence, as plain text (Markdown links reduced to their words), for
    an index line; cut at a word boundary when long."""
    text = " ".join(_MD_LINK.sub(r"\1", definition).replace("*", "").split())
    end = re.search(r"(?<=[.!?])\s+(?=[A-Z\"“])", text)
    first = text[: end.start()] if end else text
    words = first.split()
    return first if len(words) <= max_words else " ".join(words[:max_words]).rstrip(",;:") + " …"


def page_titles(story: Story, *, html_escaped: bool = True) -> dict[str, str]:
    """Titles of generated pages. For MkDocs (navigation, page meta) they are HTML, as MkDocs
    titles are and as the theme prints them: `html_escaped=False` gives the plain text."""
    titles = {HOME: "Home", STORIES: "Stories", **SECTION_TITLES, ACTORS: actors_title(story)}
    titles |= {story_page(a.id): a.title for a in story.articles}
    titles |= {actor_page(a.id): a.name for a in story.actors}
    own = term_pages(story)
    titles |= {term_page(t.id): t.term for t in story.terms if own[t.id] == term_page(t.id)}
    return {k: html.escape(v) for k, v in titles.items()} if html_escaped else titles


def with_title(markdown: str, title: str | None) -> str:
    """Give a page a `title:` in its front matter (unless its template set one).

    Without it the theme prints the navigation title or the first heading through Jinja's
    `striptags`, which unescapes entities: a story titled `</title><script>` would run.
    `title` is already HTML, as `page_titles` returns it.
    """
    if not title:
        return markdown
    line = f"title: {json.dumps(title, ensure_ascii=False)}\n"
    if not markdown.startswith("---\n"):
        return f"---\n{line}---\n{markdown}"
    end = markdown.find("\n---\n", 3)
    if end != -1 and re.search(r"^title\s*:", markdown[4 : end + 1], re.MULTILINE):
        return markdown
    return "---\n" + line + markdown[4:]


def summary(article: Article, max_words: int = 45) -> str:
    """What happened, drawn verbatim from the lede (cut at a word boundary, marked with an ellipsis)."""
    words = article.lede.split()
    if len(words) <= max_words:
        return article.lede
    return " ".join(words[:max_words]).rstrip(",;:") + " …"


def fmt_date(iso: str) -> str:
    """`2024-10-31` -> `Thursday 31 October 2024`; `2024-06` -> `June 2024`."""
    parts = iso.split("-")
    if len(parts) == 2:
        return f"{dt.date(int(parts[0]), int(parts[1]), 1):%B} {parts[0]}"
    d = dt.date.fromisoformat(iso)
    return f"{d:%A} {d.day} {d:%B %Y}"

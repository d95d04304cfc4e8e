"""Structured data (schema.org JSON-LD) for the generated pages, from the `Story` alone.

Pure: no MkDocs import. `plugin.py` asks for one page's data and the theme prints it in a
`<script type="application/ld+json">` (see `script_json`). Nothing is invented: every value is
read from the story or the editor's files, and a field the story does not give is left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from ..model import Actor, Article, Figure, Quote, Story, Term
from .index import StoryIndex
from .lists import figure_pages, glossary_pages
from .paging import paged_src
from .sitemap import FIGURES, GLOSSARY, actor_page, page_type, page_url, section_title, story_page

CONTEXT = "https://schema.org"
ACTOR_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}

_BYLINE_JOINERS = re.compile(r"\s*(?:,|&|\s/\s|\bwith\b|\band\b)\s*", re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|\*|`)")


class JsonLd:
    """Structured data for every page of one build, from the build's one `StoryIndex`: each page
    costs the same however many stories, actors and terms the site has. Which builder describes
    a page is the `jsonld` of its type in the site map."""

    def __init__(
        self, story: Story, site_url: str, *, use_directory_urls: bool = True, index: StoryIndex | None = None
    ) -> None:
        self.ix = index or StoryIndex(story)
        self.urls = _Urls(site_url, use_directory_urls)
        # each page of Key figures and of the glossary lists what that page shows, as the page does
        self.figures = {
            paged_src(FIGURES, n): [f for _, shown, _ in page for f in shown]
            for n, page in enumerate(figure_pages(self.ix), start=1)
        }
        self.glossary = {
            paged_src(GLOSSARY, n): [t for _, _, terms in page for t in terms]
            for n, page in enumerate(glossary_pages(story), start=1)
        }

    def page(self, src_uri: str, page_url: str) -> dict[str, Any] | None:
        """The JSON-LD object for the page built from `src_uri`, or None when the page has none.

        `page_url` is the page's URL relative to the site root (MkDocs' `page.url`). Without a
        site_url no `url` is given: a relative URL in structured data is read against the wrong base.
        """
        kind = page_type(src_uri)
        if kind is None or kind.jsonld is None:
            return None
        thing = src_uri.rsplit("/", 1)[-1].removesuffix(".md")
        builder: Callable[[str, str, str | None], dict[str, Any] | None] = getattr(self, f"_{kind.jsonld}")
        return builder(src_uri, thing, self.urls.absolute(page_url))

    def _article(self, src: str, thing: str, url: str | None) -> dict[str, Any] | None:
        article = self.ix.articles.get(thing)
        if article is None:
            return None
        quotations = [self._quotation(q) for q in self.ix.quotes_by_article.get(article.id, [])]
        return _clean({**_article(article, url, self.ix.org_names), "hasPart": quotations})

    def _figures(self, src: str, thing: str, url: str | None) -> dict[str, Any] | None:
        return _figures(self.figures[src], url) if src in self.figures else None

    def _glossary(self, src: str, thing: str, url: str | None) -> dict[str, Any] | None:
        return _glossary(self.glossary[src], url, self.urls, self.ix.term_pages) if src in self.glossary else None

    def _term(self, src: str, thing: str, url: str | None) -> dict[str, Any] | None:
        term = self.ix.terms.get(thing)
        if term is None or self.ix.term_pages[term.id] != src:
            return None
        return {"@context": CONTEXT, **_term(term, url, self.urls, in_set=True)}

    def _actor(self, src: str, thing: str, url: str | None) -> dict[str, Any] | None:
        actor = self.ix.actors.get(thing)
        if actor is None:
            return None
        return _actor(actor, self.ix.actors.get(actor.affiliation or ""), url, self.urls)

    def _quotation(self, quote: Quote) -> dict[str, Any]:
        """A quote as schema.org `Quotation`: its words as written, its speaker as `creator`."""
        speaker = self.ix.actors[quote.speaker or ""]
        return _clean(
            {
                "@type": "Quotation",
                "text": quote.text,
                "creator": _clean(
                    {
                        "@type": ACTOR_TYPES[speaker.kind],
                        "name": speaker.name,
                        "url": self.urls.page(actor_page(speaker.id)),
                    }
                ),
                "url": self.urls.page(story_page(quote.article), quote.span.sentence),
            }
        )


def page_jsonld(
    story: Story, src_uri: str, page_url: str, site_url: str, *, use_directory_urls: bool = True
) -> dict[str, Any] | None:
    """One page's JSON-LD (see `JsonLd.page`); for many pages, build one `JsonLd` and reuse it."""
    return JsonLd(story, site_url, use_directory_urls=use_directory_urls).page(src_uri, page_url)


def script_json(data: dict[str, Any]) -> str:
    """JSON that is safe inside `<script>`: `</` cannot end the element, `<!--` cannot open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")


# --------------------------------------------------------------------------- helpers


class _Urls:
    def __init__(self, site_url: str, use_directory_urls: bool) -> None:
        self.base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        self.directory_urls = use_directory_urls

    def absolute(self, path: str) -> str | None:
        """A site-relative URL made absolute, or None without a site_url."""
        return urljoin(self.base, path) if self.base else None

    def page(self, src: str, anchor: str = "") -> str | None:
        """The absolute URL of a generated page (and anchor), or None without a site_url."""
        url = self.absolute(page_url(src, self.directory_urls))
        return f"{url}#{anchor}" if url and anchor else url


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    """Leave out fields the story does not give (None, empty string or list)."""
    return {k: v for k, v in d.items() if v not in (None, "", [], ())}


def plain(markdown: str) -> str:
    """An editor's Markdown as one line of plain text: link text kept, emphasis marks dropped."""
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_MARKS.sub("", text)
    return " ".join(text.split())


def _organization(name: str, url: str | None = None) -> dict[str, Any]:
    return _clean({"@type": "Organization", "name": name, "url": url})


def byline_names(byline: str) -> list[str]:
    """`Léon Bruneu with Claire Lee with AFP` -> the names, in order; `By ` dropped."""
    text = byline.strip()
    if text.lower().startswith("by "):
        text = text[3:]
    names = (part.strip(" ()") for part in _BYLINE_JOINERS.split(text))
    return list(dict.fromkeys(n for n in names if n))


def authors(article: Article, org_names: set[str]) -> list[dict[str, Any]]:
    """Bylined people as `Person`; the agency (the story's source, a known organisation, or an
    all-capitals name such as AFP) as `Organization`. `org_names` are casefolded."""
    if not article.byline:
        return []
    orgs = org_names | ({article.source.casefold()} if article.source else set())
    out = []
    for name in byline_names(article.byline):
        letters = [c for c in name if c.isalpha()]
        if name.casefold() in orgs or (len(letters) >= 2 and all(c.isupper() for c in letters)):
            out.append(_organization(name))
        else:
            out.append({"@type": "Person", "name": name})
    return out


# --------------------------------------------------------------------------- page types


def _article(article: Article, url: str | None, org_names: set[str]) -> dict[str, Any]:
    publisher = _organization(article.source) if article.source else None
    based_on = _clean(
        {
            # The wire copy as it reached the newsroom: the plain-text seed file the page is rendered from.
            "@type": "CreativeWork",
            "name": article.title,
            "identifier": article.path,
            "encodingFormat": "text/plain",
            "inLanguage": article.language,
            "datePublished": article.date.isoformat() if article.date else None,
            "publisher": publisher,
        }
    )
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.summary(),
            "datePublished": article.date.isoformat() if article.date else None,
            "author": authors(article, org_names),
            "publisher": publisher,
            "isBasedOn": based_on,
            "inLanguage": article.language,
            "url": url,
            "mainEntityOfPage": url,
            # an editor's corrections: the newest is when the page last changed
            "dateModified": article.corrections[0].date.isoformat() if article.corrections else None,
            "correction": [
                {"@type": "CorrectionComment", "text": c.text, "datePublished": c.date.isoformat()}
                for c in article.corrections
            ],
        }
    )


def _actor(actor: Actor, affiliation: Actor | None, url: str | None, urls: _Urls) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": ACTOR_TYPES[actor.kind],
        "name": actor.name,
        "alternateName": list(actor.aliases),
        "description": actor.summary,
        "url": url,
    }
    if actor.kind == "person":
        data["jobTitle"] = actor.roles[0] if len(actor.roles) == 1 else list(actor.roles)
    if affiliation is not None and affiliation.id != actor.id:
        # The story ties the actor to this organisation or country ("US Secretary of State").
        data["affiliation"] = _clean(
            {
                "@type": ACTOR_TYPES[affiliation.kind],
                "name": affiliation.name,
                "url": urls.page(actor_page(affiliation.id)),
            }
        )
    return _clean(data)


def _term_set(urls: _Urls) -> dict[str, Any]:
    url = urls.page(GLOSSARY)
    return _clean({"@type": "DefinedTermSet", "@id": url, "name": section_title(GLOSSARY), "url": url})


def _term(term: Term, url: str | None, urls: _Urls, *, in_set: bool) -> dict[str, Any]:
    definition = term.curated_definition or term.definition
    return _clean(
        {
            "@type": "DefinedTerm",
            "@id": url,
            "name": term.term,
            "alternateName": list(term.aliases),
            "description": plain(definition) if definition else None,
            "url": url,
            "inDefinedTermSet": _term_set(urls) if in_set else None,
        }
    )


def _glossary(terms: list[Term], url: str | None, urls: _Urls, pages: dict[str, str]) -> dict[str, Any]:
    return _clean(
        {
            "@context": CONTEXT,
            **_term_set(urls),
            "hasDefinedTerm": [_term(t, urls.page(pages[t.id]), urls, in_set=False) for t in terms],
        }
    )


def _figures(figures: list[Figure], url: str | None) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@type": "ItemList",
        "name": section_title(FIGURES),
        **({"url": url} if url else {}),
        "numberOfItems": len(figures),
        "itemListElement": [
            _clean(
                {
                    "@type": "ListItem",
                    "position": i,
                    "name": f.value,
                    "description": f.label,
                    "url": f"{url}#{f.id}" if url else None,
                }
            )
            for i, f in enumerate(figures, start=1)
        ],
    }

"""The `explainer.json` contract: the story as data, for reuse and for tests; its JSON Schema,
`explainer.schema.json`, documents every field and ships beside it."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, TextIO

from ..model import Story
from .sitemap import actor_page, page_url, story_page, term_pages

VERSION = 1


def _sentence_url(article: str, sentence: str, directory_urls: bool) -> str:
    return f"{page_url(story_page(article), directory_urls)}#{sentence}"


def story_to_dict(story: Story, *, use_directory_urls: bool = True) -> dict[str, Any]:
    """The story as `explainer.json` data (see `explainer.schema.json` for every field)."""
    d = use_directory_urls
    pages = term_pages(story)
    return {
        "version": VERSION,
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "url": page_url(story_page(a.id), d),
                "date": a.date.isoformat() if a.date else None,
                "byline": a.byline,
                "source": a.source,
                "summary": a.summary(),
                "corrections": [{"date": c.date.isoformat(), "text": c.text} for c in a.corrections],
            }
            for a in story.articles
        ],
        "figures": [
            {
                "id": f.id,
                "article": f.article,
                "value": f.value,
                "number": int(f.number) if f.number is not None and f.number.is_integer() else f.number,
                "qualifier": f.qualifier,
                "unit": f.unit,
                "label": f.label,
                "claimant": f.claimant,
                "hedge": f.sources[0].hedge,
                "sentence": f.span.sentence,
                "url": _sentence_url(f.article, f.span.sentence, d),
                "sources": [
                    {
                        "sentence": s.span.sentence,
                        "claimant": s.claimant,
                        "hedge": s.hedge,
                        "url": _sentence_url(s.span.article, s.span.sentence, d),
                    }
                    for s in f.sources
                ],
            }
            for f in story.figures
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "roles": list(a.roles),
                "aliases": list(a.aliases),
                "affiliation": a.affiliation,
                "summary": a.summary,
                "url": page_url(actor_page(a.id), d),
            }
            for a in story.actors
        ],
        "quotes": [
            {
                "id": q.id,
                "article": q.article,
                "speaker": q.speaker,
                "text": q.text,
                "cue": q.cue,
                "sentence": q.span.sentence,
                "url": _sentence_url(q.article, q.span.sentence, d),
            }
            for q in story.quotes
        ],
        "terms": [
            {
                "id": t.id,
                "term": t.term,
                "aliases": list(t.aliases),
                "definition": t.definition,
                "source": t.source,
                "url": page_url(pages[t.id], d),
            }
            for t in story.terms
        ],
        "events": [
            {
                "id": e.id,
                "date": e.date,
                "text": e.text,
                "when": e.when,
                "url": _sentence_url(e.span.article, e.span.sentence, d),
            }
            for e in story.events
        ],
    }


def to_json(story: Story, *, use_directory_urls: bool = True) -> str:
    """`story_to_dict` as JSON text, indented, non-ASCII kept."""
    out = io.StringIO()
    _dump(story, out, use_directory_urls)
    return out.getvalue()


def write_json(story: Story, path: Path, *, use_directory_urls: bool = True) -> None:
    """`to_json` written to `path` as it is encoded: the indented encoder yields small pieces, and
    joining them into one string first cost twice the file's size in memory (110 MB for a 5 MB
    story's 23 MB file)."""
    with path.open("w", encoding="utf-8") as out:
        _dump(story, out, use_directory_urls)


def _dump(story: Story, out: TextIO, use_directory_urls: bool) -> None:
    """The contract's one encoding (indented, non-ASCII kept, a final newline), piece by piece."""
    json.dump(story_to_dict(story, use_directory_urls=use_directory_urls), out, ensure_ascii=False, indent=2)
    out.write("\n")

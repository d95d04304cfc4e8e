"""Run every extractor over one article; the single entry point the CLI and the plugin share."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Article, Findings, Term
from .actors import extract_actors
from .annotate import annotate
from .figures import extract_figures
from .quotes import extract_quotes
from .terms import defined_terms, find_definitions, find_glosses, gloss_terms, locate_uses
from .timeline import extract_events
from .vocabulary import ORG_WORDS


def acronyms(terms: Iterable[Term]) -> frozenset[str]:
    """Surface forms of terms that look like acronyms: these are never actors (`GDP`), unless the
    term's full form names an organisation (`World Health Organization (WHO)`)."""
    return frozenset(
        f
        for t in terms
        if not any(w in ORG_WORDS for alias in t.aliases for w in alias.split())
        for f in (t.term, *t.aliases)
        if f.replace(".", "").isupper() and " " not in f
    )


def extract(article: Article, curated_terms: Iterable[Term] = ()) -> Findings:
    """Every extractor over one article, the annotation made once for all of them."""
    curated = tuple(curated_terms)
    acronyms_defined = defined_terms(find_definitions(article))
    defined = [*acronyms_defined, *gloss_terms(find_glosses(article), acronyms_defined)]
    annotation = annotate(article)  # tokens and quoted passages, read once for every pass
    actors, mentions = extract_actors(annotation, acronyms((*defined, *curated)))
    quotes = extract_quotes(annotation, actors, mentions)
    return Findings(
        article=article,
        figures=tuple(extract_figures(article, actors, mentions, quotes)),
        actors=tuple(actors),
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        terms=tuple(defined),
        term_uses=tuple(locate_uses(article, defined, shared=curated)),
        events=tuple(extract_events(article)),
    )

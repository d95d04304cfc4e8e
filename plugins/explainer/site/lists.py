"""What each list shows and in which order: the grouping and paging policy of the site's pages.

Pages stay small whatever the size of the site or a story: a reader scans a selection, and
`explainer.json` keeps everything. The numbers here bound each page (each under ~200 KB of
HTML at a thousand stories).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..model import Actor, Article, Figure, Story, Term
from ..slugs import slugify
from .index import StoryIndex
from .markdown import Markdown
from .paging import paginate
from .sitemap import ACTORS, FIGURES, GLOSSARY, STORIES, TIMELINE

LATEST = 5  # stories shown on the home page; the stories page lists them all
FIGURES_SHOWN = 60  # per story, on Key figures
STORY_FIGURES = 8  # cards under a story's text; Key figures lists the rest
STORY_EVENTS = 20  # dated entries under a story's text, earliest first; the Timeline lists them all
MENTIONS_SHOWN = 40  # sentences quoted on a profile or term page, newest story first
RELATED_SHOWN = 12  # related actors or terms on a profile or term page
BACKLINKS_SHOWN = 40  # pages listed under "Pages that mention ..."
# Entries per page of a site-wide list: figure cards, stories with their summary, profile cards,
# glossary lines with their definition, timeline entries with their sentence.
PAGE_SIZE = {FIGURES: 150, STORIES: 50, ACTORS: 400, GLOSSARY: 250, TIMELINE: 150}


def figure_groups(ix: StoryIndex) -> list[tuple[Article, list[Figure], int]]:
    """Key figures as the page shows them (and its JSON-LD lists them): newest story first, each
    story's first `FIGURES_SHOWN` figures in the order it gives them, and how many it has."""
    return [
        (a, figures[:FIGURES_SHOWN], len(figures))
        for a in reversed(ix.story.articles)
        for figures in [ix.figures_by_article.get(a.id, [])]
    ]


def figure_pages(ix: StoryIndex) -> list[list[tuple[Article, list[Figure], int]]]:
    """`figure_groups` over the pages of Key figures: a story's figures are never split."""
    groups = [((a, total), shown) for a, shown, total in figure_groups(ix)]
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


def actor_groups(story: Story) -> list[tuple[str, list[Actor]]]:
    """The people index: people by surname, then organisations, then places."""
    groups = []
    for kind, label in (("person", "People"), ("organization", "Organisations"), ("place", "Places")):
        members = sorted((a for a in story.actors if a.kind == kind), key=sort_key)
        if members:
            groups.append((label, members))
    return groups

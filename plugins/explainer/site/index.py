"""One query index over the `Story`, built once per build and read by every page and its JSON-LD.

Pages ask many questions of the story (who is mentioned in this sentence, which quotes did this
person give, which terms does this story use); answering each by scanning the story would make a
site's build grow with the square of its size. Every lookup is a dictionary filled in one pass.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Actor, Article, Event, Figure, Quote, Sentence, Story, Term
from .sitemap import term_pages

SCARE_QUOTE_WORDS = 2  # quotes this short are words the story marks (`a "crucial" test`), not what someone said

Key = tuple[str, str]  # (article id, sentence id)


class StoryIndex:
    """Lookups over one `Story`; `story` is kept for the lists that walk it in order."""

    def __init__(self, story: Story) -> None:
        s = self.story = story
        self.articles: dict[str, Article] = {a.id: a for a in s.articles}
        self.rank = {a.id: i for i, a in enumerate(s.articles)}  # date order: higher is newer
        self.actors: dict[str, Actor] = {a.id: a for a in s.actors}
        self.terms: dict[str, Term] = {t.id: t for t in s.terms}
        self.sentences: dict[Key, Sentence] = {(a.id, u.id): u for a in s.articles for u in a.units}
        # who said what: a one- or two-word quote is a scare quote, not a statement; it stays in
        # the sentence a profile lists, not among the person's quotes
        self.quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        self.quotes_by_article: dict[str, list[Quote]] = defaultdict(list)
        for q in s.quotes:
            if q.speaker in self.actors and len(q.text.split()) > SCARE_QUOTE_WORDS:
                self.quotes_by_speaker[q.speaker or ""].append(q)
                self.quotes_by_article[q.article].append(q)
        self.mentions_by_actor: dict[str, list[Key]] = defaultdict(list)
        self.actors_by_sentence: dict[Key, list[str]] = defaultdict(list)
        self.actors_by_article: dict[str, dict[str, None]] = defaultdict(dict)  # first-mention order
        seen: set[tuple[str, Key]] = set()  # (actor or term, sentence) pairs: no list scans
        for m in s.mentions:
            key = (m.span.article, m.span.sentence)
            self.actors_by_article[m.span.article].setdefault(m.actor, None)
            if (m.actor, key) not in seen:
                seen.add((m.actor, key))
                self.mentions_by_actor[m.actor].append(key)
                self.actors_by_sentence[key].append(m.actor)
        self.uses_by_term: dict[str, list[Key]] = defaultdict(list)
        self.terms_by_sentence: dict[Key, list[str]] = defaultdict(list)
        self.terms_by_article: dict[str, set[str]] = defaultdict(set)
        seen.clear()
        for u in s.term_uses:
            key = (u.span.article, u.span.sentence)
            self.terms_by_article[u.span.article].add(u.term)
            if (u.term, key) not in seen:
                seen.add((u.term, key))
                self.uses_by_term[u.term].append(key)
                self.terms_by_sentence[key].append(u.term)
        self.events_by_article: dict[str, list[Event]] = defaultdict(list)
        for e in s.events:
            self.events_by_article[e.span.article].append(e)
        self.figures_by_article: dict[str, list[Figure]] = defaultdict(list)
        for f in s.figures:
            self.figures_by_article[f.article].append(f)
        # one thing, one page: a term that names an actor is shown on the actor's profile
        self.term_pages = term_pages(s)
        self.terms_of_actor: dict[str, list[Term]] = defaultdict(list)  # the glossary entries a profile shows
        for tid, src in self.term_pages.items():
            if src.startswith("actors/"):
                self.terms_of_actor[src[len("actors/") : -len(".md")]].append(self.terms[tid])
        self.org_names = {n.casefold() for a in s.actors if a.kind == "organization" for n in (a.name, *a.aliases)}

    def sentence(self, article_id: str, sentence_id: str) -> Sentence:
        """The unit `sentence_id` of an article."""
        return self.sentences[(article_id, sentence_id)]

    def related_actors(self, actor_id: str) -> list[Actor]:
        """Actors named in the same sentences, the most often first."""
        seen: dict[str, int] = {}
        for key in self.mentions_by_actor.get(actor_id, []):
            for other in self.actors_by_sentence[key]:
                if other != actor_id:
                    seen[other] = seen.get(other, 0) + 1
        return [self.actors[a] for a in sorted(seen, key=lambda a: (-seen[a], self.actors[a].name)) if a in self.actors]

    def related_terms(self, term: Term) -> list[Term]:
        """The terms an editor relates to it, then those used in the same sentences."""
        ids = [r for r in term.related if r in self.terms]
        for key in self.uses_by_term.get(term.id, []):
            ids += [t for t in self.terms_by_sentence[key] if t != term.id and t not in ids]
        return [self.terms[i] for i in ids]

    def people_of(self, article_id: str | None, kind: str = "person") -> list[Actor]:
        """The actors of one kind in one story, in order of first mention (the whole site's when None)."""
        if article_id is None:
            order: dict[str, None] = {}
            for m in self.story.mentions:
                order.setdefault(m.actor, None)
        else:
            order = self.actors_by_article.get(article_id, {})
        return [a for a in (self.actors.get(i) for i in order) if a is not None and a.kind == kind]

    def terms_of(self, article_id: str | None) -> list[Term]:
        """The glossary terms one story uses, alphabetically."""
        used = self.terms_by_article.get(article_id or "", set())
        return [t for t in self.story.terms if t.id in used]

    def newest_first(self, keys: list[Key], limit: int) -> tuple[list[Key], int]:
        """Sentences newest story first (each story's in reading order), the first `limit` of
        them, and how many there are."""
        ordered = sorted(keys, key=lambda k: -self.rank[k[0]])  # stable: reading order kept within a story
        return ordered[:limit], len(keys)

    def sides(self, people: list[Actor]) -> list[tuple[Actor | None, list[Actor]]]:
        """Who's who by the sides of the story: people under their affiliation, the sides in order
        of first mention, people with none last (under None)."""
        groups: dict[str | None, list[Actor]] = {}
        for p in people:
            key = p.affiliation if p.affiliation in self.actors else None
            groups.setdefault(key, []).append(p)
        ordered = sorted(groups.items(), key=lambda kv: kv[0] is None)  # stable: first mention kept
        return [(self.actors[k] if k else None, members) for k, members in ordered]

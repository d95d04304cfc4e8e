"""The story model: immutable records that every stage passes on.

Provenance is data: each finding carries the `Span` it was read from, so every
page can link a fact back to its source sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

ActorKind = Literal["person", "organization", "place"]
BlockKind = Literal["paragraph", "subhead"]


@dataclass(frozen=True, slots=True)
class Span:
    """Where a finding was read: article id, sentence id and character offsets in the sentence."""

    article: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One anchored unit of a story: a body sentence, the caption, the dateline or a subhead."""

    id: str
    text: str
    block: int


@dataclass(frozen=True, slots=True)
class Correction:
    """An editor's correction note (`corrections:` in a story's or a curated file's front matter):
    shown on the page it corrects, listed on the Corrections page, dated in its JSON-LD."""

    date: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (split into sentences) or a subhead (one unit, kept as written)."""

    kind: BlockKind
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """One story as read: its text in blocks of sentences, and its metadata."""

    id: str
    path: str
    title: str
    blocks: tuple[Block, ...]
    caption: Sentence | None = None
    credit: str | None = None
    byline: str | None = None
    date: dt.date | None = None
    source: str | None = None
    language: str = "en"
    dateline: Sentence | None = None  # `WASHINGTON (AP)`: where and for whom it was filed, as written
    # the editor's `labels:` front matter: (figure as written, what it counts), and the key's line
    labels: tuple[tuple[str, str], ...] = ()
    labels_line: int = 0
    corrections: tuple[Correction, ...] = ()

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Body sentences in reading order (subheads excluded: they are display text)."""
        return tuple(s for b in self.blocks if b.kind == "paragraph" for s in b.sentences)

    @property
    def units(self) -> tuple[Sentence, ...]:
        """Every anchored unit that findings may point at: caption and dateline first, then the body."""
        head = tuple(u for u in (self.caption, self.dateline) if u is not None)
        return head + self.sentences

    def sentence(self, sentence_id: str) -> Sentence:
        """The unit with this id (KeyError if none)."""
        for s in self.units:
            if s.id == sentence_id:
                return s
        raise KeyError(sentence_id)

    @property
    def lede(self) -> str:
        """The first body sentence: what happened."""
        body = self.sentences
        return body[0].text if body else ""

    def summary(self, max_words: int = 45) -> str:
        """What happened, drawn verbatim from the lede (cut at a word boundary, marked with an ellipsis)."""
        words = self.lede.split()
        if len(words) <= max_words:
            return self.lede
        return " ".join(words[:max_words]).rstrip(",;:") + " …"


@dataclass(frozen=True, slots=True)
class FigureSource:
    """One sentence that states a figure, with whom it attributes it to and the hedge it carries."""

    span: Span
    claimant: str | None
    hedge: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity as written, with its qualifier kept; `number` is only ever read, never derived."""

    id: str
    article: str
    value: str
    number: float | None
    qualifier: str | None
    unit: str | None
    label: str
    sources: tuple[FigureSource, ...]

    @property
    def span(self) -> Span:
        """Where the figure is first stated."""
        return self.sources[0].span

    @property
    def claimant(self) -> str | None:
        """Who the first statement attributes it to."""
        return self.sources[0].claimant


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or place, with its roles and other names as the stories give them."""

    id: str
    name: str
    kind: ActorKind
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    summary: str | None = None
    bio: str | None = None
    curated_path: str | None = None
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One place a story names an actor."""

    actor: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote, verbatim; `speaker` is None when nobody can be named with certainty."""

    id: str
    article: str
    speaker: str | None
    text: str
    cue: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary term: the story's definition, an editor's, or both."""

    id: str
    term: str
    aliases: tuple[str, ...] = ()
    definition: str | None = None
    source: Literal["article", "curated"] | None = None
    defined_at: Span | None = None
    curated_definition: str | None = None
    related: tuple[str, ...] = ()
    curated_path: str | None = None
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True, slots=True)
class TermUse:
    """One place a story uses a term."""

    term: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event: the ISO date the story's words resolve to, and those words."""

    id: str
    date: str
    text: str
    when: str
    span: Span


@dataclass(frozen=True, slots=True)
class Findings:
    """What extraction read from one article, before curation."""

    article: Article
    figures: tuple[Figure, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    terms: tuple[Term, ...] = ()
    term_uses: tuple[TermUse, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """The whole site's knowledge: every article merged with the editor's curated files."""

    articles: tuple[Article, ...]
    figures: tuple[Figure, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    terms: tuple[Term, ...] = ()
    term_uses: tuple[TermUse, ...] = ()
    events: tuple[Event, ...] = ()

"""The editor's review: what the rules found in each sentence, and where they were unsure.

For every story, sentence by sentence: the people and organisations named (with role), the
quotes (speaker and cue verb as written), the figures (qualifier, label, who gives them) and the
dates. Where the rules gave up or may be wrong, a flag says so and gives the exact snippet of
front matter that corrects it, with the file to put it in. The same review is printed by
`explainer review STORY` and shown as a page under `mkdocs serve`; it is never published.

Pure: it reads the per-story findings and the merged `Story`, and imports nothing from MkDocs.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from ..model import Actor, Article, Event, Figure, FigureSource, Findings, Mention, Quote, Sentence, Story
from .sitemap import story_page

FlagKind = Literal["unattributed quote", "person without role", "figure without label", "person or organization"]
FLAG_KINDS: tuple[FlagKind, ...] = (
    "unattributed quote",
    "person without role",
    "figure without label",
    "person or organization",
)
KIND_NAMES = {"person": "person", "organization": "organization", "place": "place"}
# the labels figures.py falls back on when nothing in the sentence says what is counted
UNLABELLED = frozenset(
    {"figure", "number", "percentage", "percent", "hundred", "thousand", "million", "billion", "trillion"}
)
REVIEW = "review.md"  # the serve-only page's source path
OPENING_WORDS = 6  # a quote's first words, enough to tell it from the story's other quotes


@dataclass(frozen=True, slots=True)
class Fix:
    """Front matter that corrects a flag, and the file to put it in (created if missing)."""

    path: str
    snippet: str
    exists: bool = False


@dataclass(frozen=True, slots=True)
class Flag:
    """Where the rules gave up or may be wrong in one sentence, and the front matter that fixes it."""

    kind: FlagKind
    message: str
    fix: Fix


@dataclass(frozen=True, slots=True)
class Item:
    """One finding in a sentence, as a line of the review: `what` is person, quote, figure..."""

    what: str
    text: str


@dataclass(frozen=True, slots=True)
class SentenceReview:
    """One sentence of a story with what was found in it and its flags."""

    sentence: Sentence
    items: tuple[Item, ...]
    flags: tuple[Flag, ...]


@dataclass(frozen=True, slots=True)
class StoryReview:
    """A story's review: every sentence, in reading order."""

    article: Article
    sentences: tuple[SentenceReview, ...]

    @property
    def flags(self) -> tuple[Flag, ...]:
        """Every flag of the story, in reading order."""
        return tuple(f for s in self.sentences for f in s.flags)

    def counts(self) -> dict[FlagKind, int]:
        """How many flags of each kind the story has."""
        out: dict[FlagKind, int] = dict.fromkeys(FLAG_KINDS, 0)
        for f in self.flags:
            out[f.kind] += 1
        return out


def review(findings: Sequence[Findings], story: Story, *, docs_dir: str = "docs") -> list[StoryReview]:
    """One review per story, in the site's order. `findings` are the per-story results before
    merging: they show a name one story reads as a person and another as an organisation."""
    actors = {a.id: a for a in story.actors}
    kinds: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        for a in f.actors:
            kinds[a.id].add(a.kind)
    for a in actors.values():
        if a.curated_path and a.kind:  # an editor's `kind:` settles it
            kinds[a.id] = {a.kind}

    flagged_actors: set[str] = set()  # each actor's flags once, at its first mention in the site
    out = []
    for article in story.articles:
        mentions = _by_sentence(story.mentions, article.id)
        quotes = _by_sentence(story.quotes, article.id)
        events = _by_sentence(story.events, article.id)
        figures: dict[str, list[tuple[Figure, FigureSource]]] = defaultdict(list)
        for fig in story.figures:
            for src in fig.sources:
                if src.span.article == article.id:
                    figures[src.span.sentence].append((fig, src))
        sentences = []
        for s in article.units:
            items: list[Item] = []
            flags: list[Flag] = []
            seen: set[str] = set()
            for m in mentions.get(s.id, []):
                actor = actors.get(m.actor)
                if actor is None or actor.id in seen:
                    continue
                seen.add(actor.id)
                items.append(Item(KIND_NAMES.get(actor.kind, actor.kind), _who(actor)))
                if actor.id not in flagged_actors:
                    flagged_actors.add(actor.id)
                    flags.extend(_actor_flags(actor, kinds.get(actor.id, set()), docs_dir))
            for q in quotes.get(s.id, []):
                speaker = actors.get(q.speaker or "")
                said = (speaker.name + (f" ({q.cue})" if q.cue else "")) if speaker else "no speaker"
                items.append(Item("quote", f"“{_short(q.text)}” — {said}"))
                if speaker is None:
                    flags.append(_quote_flag(q.text, q.cue, docs_dir))
            for fig, src in figures.get(s.id, []):
                items.append(Item("figure", _figure(fig, src, actors)))
                if _unlabelled(fig) and src is fig.sources[0]:
                    flags.append(_figure_flag(fig, article))
            for e in events.get(s.id, []):
                items.append(Item("date", f"{e.date} — “{e.when}”"))
            for t in story.terms:
                if t.defined_at and t.defined_at.article == article.id and t.defined_at.sentence == s.id:
                    items.append(Item("term", f"{t.term} — defined here"))
            sentences.append(SentenceReview(s, tuple(items), tuple(flags)))
        out.append(StoryReview(article, tuple(sentences)))
    return out


def _who(actor: Actor) -> str:
    if actor.roles:
        return f"{actor.name}, {actor.roles[0]}"
    return actor.name


def _short(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _actor_file(actor: Actor, docs_dir: str) -> tuple[str, bool]:
    if actor.curated_path:
        return actor.curated_path, True
    return f"{docs_dir}/actors/{actor.id}.md", False


def _actor_flags(actor: Actor, kinds: set[str], docs_dir: str) -> list[Flag]:
    path, exists = _actor_file(actor, docs_dir)
    flags = []
    if len(kinds) > 1:
        read = " and ".join(sorted(kinds))
        flags.append(
            Flag(
                "person or organization",
                f"'{actor.name}' is read as {read} in different stories; the site shows it as {actor.kind}",
                Fix(path, f"kind: {actor.kind}    # person, organization or place", exists),
            )
        )
    if actor.kind == "person" and not actor.roles:
        flags.append(
            Flag(
                "person without role",
                f"no story says who {actor.name} is; the profile shows no role",
                Fix(path, "role: <who they are, as a reader needs it>", exists),
            )
        )
    return flags


def _quote_flag(text: str, cue: str | None, docs_dir: str) -> Flag:
    opening = _yaml_str(" ".join(text.split()[:OPENING_WORDS]))
    why = (
        f"the sentence has a cue ('{cue}') but names nobody the story introduces, so it is shown without"
        " a speaker; credit it only to someone the story names"
        if cue
        else "the sentence does not settle who said this, so it is shown without a speaker"
    )
    return Flag("unattributed quote", why, Fix(f"{docs_dir}/actors/<speaker's slug>.md", f"quotes:\n  - {opening}"))


def _unlabelled(fig: Figure) -> bool:
    return fig.label.lower() in UNLABELLED


def _figure_flag(fig: Figure, article: Article) -> Flag:
    return Flag(
        "figure without label",
        f"nothing in the sentence says what {fig.value} counts; Key figures shows it as '{fig.label}'",
        Fix(article.path, f"labels:\n  {_yaml_str(fig.value)}: <what it counts>"),
    )


def _figure(fig: Figure, src: FigureSource, actors: dict[str, Actor]) -> str:
    parts = [fig.value, f" — {fig.label}"]  # the value as written carries its qualifier
    claimant = actors.get(src.claimant or "")
    if claimant:
        parts.append(f" (according to {claimant.name})" if src.hedge == "according to" else f" ({claimant.name})")
    if src.hedge and src.hedge != "according to":
        parts.append(f" [{src.hedge}]")
    return "".join(parts)


def _yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's): the text exactly as written."""
    return json.dumps(text, ensure_ascii=False)


_Spanned = TypeVar("_Spanned", Mention, Quote, Event)


def _by_sentence(items: Sequence[_Spanned], article: str) -> dict[str, list[_Spanned]]:
    out: dict[str, list[_Spanned]] = defaultdict(list)
    for x in items:
        if x.span.article == article:
            out[x.span.sentence].append(x)
    return out


def flag_count(r: StoryReview) -> str:
    """`3 flags (1 unattributed quote, 2 person without role)`."""
    counts = {k: n for k, n in r.counts().items() if n}
    total = sum(counts.values())
    detail = f" ({', '.join(f'{n} {k}' for k, n in counts.items())})" if counts else ""
    return f"{total} flag{'s' if total != 1 else ''}{detail}"


def _fix_where(fix: Fix) -> str:
    if "<" in fix.path:
        return f"put in the speaker's profile file, {fix.path} (create it if there is none)"
    if fix.path.endswith(".md") and not fix.exists:
        return f"create {fix.path} with"
    return f"add to the front matter of {fix.path} (the block between the --- lines; start one if there is none)"


def _fenced(snippet: str) -> list[str]:
    return ["---", *snippet.split("\n"), "---"]


def as_text(reviews: Sequence[StoryReview], *, flags_only: bool = False, width: int = 100) -> str:
    """The review for a terminal: each sentence, what was found in it, and each flag with its fix."""
    import textwrap

    lines: list[str] = []
    for r in reviews:
        lines += [f"{r.article.path} — {r.article.title}: {flag_count(r)}", ""]
        for s in r.sentences:
            if flags_only and not s.flags:
                continue
            if not flags_only and not s.items and not s.flags:
                continue
            lines += textwrap.wrap(
                s.sentence.text, width, initial_indent=f"{s.sentence.id:<9}", subsequent_indent=" " * 9
            )
            lines += [f"         {i.what:<13}{i.text}" for i in s.items]
            for f in s.flags:
                lines.append(f"       ! {f.kind}: {f.message}")
                lines.append(f"         fix: {_fix_where(f.fix)}")
                lines += [f"             {ln}" for ln in _fenced(f.fix.snippet)]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def as_markdown(reviews: Sequence[StoryReview], escape: Callable[[str], str]) -> str:
    """The review as a page for `mkdocs serve`: one section a story, a table of its sentences."""
    out = [
        "# Review",
        "",
        '!!! warning "For editors: shown by `mkdocs serve` only, never published"',
        "    What the rules found in each sentence. A flag marks where they gave up or may be wrong,",
        "    with the front matter that corrects it. Save the fix and this page reloads.",
        "",
    ]
    for r in reviews:
        out += [f"## {escape(r.article.title)}", "", f"`{escape(r.article.path)}`: {flag_count(r)}.", ""]
        flagged = [s for s in r.sentences if s.flags]
        if flagged:
            out += ["### To correct", ""]
        for s in flagged:
            link = f"[{s.sentence.id}]({story_page(r.article.id)}#{s.sentence.id})"
            for f in s.flags:
                out += [
                    f'!!! note "{f.kind}"',
                    f"    {link}: {escape(_short(s.sentence.text, 30))}",
                    "",
                    f"    {escape(f.message[:1].upper() + f.message[1:])}. To fix it, {escape(_fix_where(f.fix))}:",
                    "",
                    *(f"        {ln}" for ln in _fenced(f.fix.snippet)),  # an indented code block
                    "",
                ]
        out += ["### Sentence by sentence", ""]
        for s in r.sentences:
            if not s.items:
                continue
            link = f"[**{s.sentence.id}**]({story_page(r.article.id)}#{s.sentence.id})"
            found = " · ".join(f"*{i.what}* {escape(i.text)}" for i in s.items)
            out += [f"{link} {escape(s.sentence.text)}", "", f"{'⚑ ' if s.flags else ''}{found}", "", "---", ""]
    return "\n".join(out)

"""Merge every article's findings with the editor's curated files into one `Story`.

Actors and terms with the same id merge across articles. Curated front matter wins over
extracted fields; extracted quotes and mentions always stay. All merging is keyed by id
(dictionaries, one pass), so it stays linear as stories are added. `merge` runs named steps:
actors across stories, the editor's actor files, following their redirects, then terms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic
from ..model import Actor, Figure, Findings, Quote, Story, Term, TermUse
from ..suggest import did_you_mean
from .curation import CuratedActor, Curation


def curated_terms(curation: Curation) -> list[Term]:
    """Curated glossary entries as terms (before merging with what stories define)."""
    out = []
    extra: dict[str, list[str]] = {}  # same_as: the entry's own names become the target's aliases
    for e in curation.terms:
        if e.same_as and not e.hide:
            extra.setdefault(e.same_as, []).extend([e.display_name, *e.aliases])
    for e in (*curation.terms, *curation.starter):
        if e.hide or e.same_as:
            continue
        out.append(
            Term(
                id=e.slug,
                term=e.display_name,
                aliases=_union(e.aliases, extra.get(e.slug, ())),
                definition=e.body or None,
                source="curated" if e.body else None,
                curated_definition=e.body or None,
                related=e.related,
                curated_path=e.path,
                corrections=e.corrections,
            )
        )
    return out


# What one story's findings may add to the site: a news story names a few dozen people and
# organisations and defines a handful of terms. A seed far past these (a pasted list, a glossary,
# hostile input) is named in a warning and makes no more pages than this: each page is built again
# on every edit under `mkdocs serve` (the README's hostile-input section has the measurements).
PROFILES_PER_STORY = 150
TERMS_PER_STORY = 50


def merge(
    findings: Sequence[Findings], curation: Curation, curated: Sequence[Term], warnings: list[Diagnostic]
) -> Story:
    """One `Story` from every article's findings, the editor's files and the curated terms;
    problems with the editor's files are added to `warnings`."""
    findings = [_within_limits(f, warnings) for f in findings]
    actors = _actors_across_stories(findings)
    figures = _labelled_figures(findings, warnings)
    edits = _curate_actors(actors, curation.actors, warnings)
    follow = edits.follow
    mentions = [replace(m, actor=target) for f in findings for m in f.mentions if (target := follow(m.actor))]
    quotes = _credited(
        [replace(q, speaker=follow(q.speaker)) for f in findings for q in f.quotes],
        [(follow(t) or t, e) for t, e in edits.credits],
        warnings,
    )
    figures = [replace(x, sources=tuple(replace(s, claimant=follow(s.claimant)) for s in x.sources)) for x in figures]
    people = {k: replace(v, affiliation=follow(v.affiliation)) for k, v in edits.actors.items()}
    terms, uses = _curate_terms(findings, curation, curated, warnings)
    return Story(
        articles=tuple(f.article for f in findings),
        figures=tuple(figures),
        actors=tuple(people.values()),
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        terms=tuple(sorted(terms.values(), key=lambda t: t.term.lower())),
        term_uses=tuple(uses),
        events=tuple(sorted((e for f in findings for e in f.events), key=lambda e: (e.date, e.id))),
    )


def _within_limits(found: Findings, warnings: list[Diagnostic]) -> Findings:
    """One story's findings with at most `PROFILES_PER_STORY` actors (those it names most often)
    and `TERMS_PER_STORY` terms of its own (in the order extraction lists them). Only the lists
    are cut: an actor or term another story keeps stays whole, and `merge` credits what an actor
    no story keeps said or claimed to no one, as it does for an actor an editor hides."""
    path = found.article.path
    if len(found.actors) > PROFILES_PER_STORY:
        warnings.append(
            Diagnostic(
                path,
                None,
                f"{len(found.actors):,} people and organisations named in one story; profiles are made for the "
                f"{PROFILES_PER_STORY} it names most often (a news story names a few dozen): check that the file is one story",
            )
        )
        found = replace(found, actors=_most_named(found, PROFILES_PER_STORY))
    if len(found.terms) > TERMS_PER_STORY:
        warnings.append(
            Diagnostic(
                path,
                None,
                f"{len(found.terms):,} terms defined in one story; the glossary takes {TERMS_PER_STORY} of them "
                "(a news story defines a handful): check that the file is one story",
            )
        )
        found = replace(found, terms=found.terms[:TERMS_PER_STORY])
    return found


def _most_named(found: Findings, n: int) -> tuple[Actor, ...]:
    """The `n` actors a story mentions most often, in the story's order; a tie goes to the first named."""
    named = Counter(m.actor for m in found.mentions)
    ranked = sorted(range(len(found.actors)), key=lambda i: -named[found.actors[i].id])  # a stable sort
    return tuple(found.actors[i] for i in sorted(ranked[:n]))


def _actors_across_stories(findings: Sequence[Findings]) -> dict[str, Actor]:
    """Every story's actors by id: one actor named in several stories gathers their roles and aliases."""
    actors: dict[str, Actor] = {}
    for f in findings:
        for a in f.actors:
            old = actors.get(a.id)
            actors[a.id] = (
                replace(
                    old,
                    roles=_union(old.roles, a.roles),
                    aliases=_union(old.aliases, a.aliases),
                    affiliation=old.affiliation or a.affiliation,
                )
                if old
                else a
            )
    return actors


@dataclass
class _ActorEdits:
    """The actors after the editor's files, and where each removed or merged actor's mentions go."""

    actors: dict[str, Actor]
    redirect: dict[str, str | None] = field(default_factory=dict)  # actor -> the one it became (None: hidden)
    credits: list[tuple[str, CuratedActor]] = field(default_factory=list)  # (actor id, entry) for `quotes:`

    def follow(self, actor_id: str | None) -> str | None:
        """Where an actor's mentions, quotes and claims go now (None: nowhere, it was hidden)."""
        seen = set()
        while actor_id in self.redirect and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.redirect[actor_id]
        return actor_id if actor_id in self.actors else None


def _curate_actors(
    actors: dict[str, Actor], entries: Sequence[CuratedActor], warnings: list[Diagnostic]
) -> _ActorEdits:
    """Apply the editor's actor files: `hide`, `same_as`, field overrides, a profile no story
    names; a later story's bare surname joins the person another story named in full."""
    edits = _ActorEdits(dict(actors), _surname_redirects(actors))
    actors = edits.actors
    by_slug = {e.slug: e for e in entries}
    broken = _broken_same_as(entries, warnings)
    for e in entries:
        target = _match_actor(e, actors)
        if e.hide:
            if target:
                edits.redirect[target] = None
            else:
                warnings.append(
                    e.problem(
                        "hide",
                        f"hide: '{e.display_name}' matches no actor in any story{did_you_mean(e.slug, actors)}",
                    )
                )
            continue
        if e.same_as:
            if e.slug in broken:
                continue
            if e.same_as not in actors and e.same_as not in by_slug:
                warnings.append(
                    e.problem(
                        "same_as",
                        f"same_as '{e.same_as}' points to no actor{did_you_mean(e.same_as, [*actors, *by_slug])};"
                        " check the slug in docs/actors/",
                    )
                )
            elif target and target != e.same_as:
                edits.redirect[target] = e.same_as
            continue
        if target is None:
            warnings.append(
                e.problem(
                    "name",
                    f"'{e.display_name}' is not mentioned in any story{did_you_mean(e.slug, actors)};"
                    " its page is kept from the curated file",
                )
            )
            actors[e.slug] = Actor(e.slug, e.name or e.slug.replace("-", " ").title(), "person")
            target = e.slug
        actors[target] = _apply_actor(actors[target], e, actors, warnings)
        edits.credits.append((target, e))
    for source, dest in edits.redirect.items():
        gone = actors.pop(source, None)
        if dest and gone and dest in actors:
            d = actors[dest]
            actors[dest] = replace(
                d, aliases=_union(d.aliases, (gone.name, *gone.aliases)), roles=_union(d.roles, gone.roles)
            )
    return edits


def _curate_terms(
    findings: Sequence[Findings], curation: Curation, curated: Sequence[Term], warnings: list[Diagnostic]
) -> tuple[dict[str, Term], list[TermUse]]:
    """The glossary: curated terms, and the terms stories define (a story's definition joins the
    curated entry with the same name); each term use pointed at the entry that shows it."""
    terms: dict[str, Term] = {t.id: t for t in curated}
    redirect: dict[str, str] = {}
    hidden: set[str] = set()  # `hide: true` in docs/glossary/: a term a story defines that should not be shown
    for e in curation.terms:
        if e.hide:
            hidden |= {e.slug, (e.term or "").lower()} - {""}
    # each name (lower case) -> the first curated term that has it: a story's term joins the first
    # entry sharing a name with it, found by lookup (a starter glossary has hundreds of entries)
    first_named: dict[str, int] = {}
    for i in reversed(range(len(curated))):
        first_named.update(dict.fromkeys(_names(curated[i]), i))
    for f in findings:
        for t in f.terms:
            if t.id in hidden or t.term.lower() in hidden:
                continue
            at = min((first_named[n] for n in _names(t) if n in first_named), default=None)
            match = curated[at] if at is not None else None
            if match:
                merged = terms[match.id]
                terms[match.id] = replace(
                    merged,
                    aliases=_union(merged.aliases, t.aliases),
                    definition=t.definition if merged.source != "article" else merged.definition,
                    source="article",
                    defined_at=merged.defined_at or t.defined_at,
                )
                redirect[t.id] = match.id
            elif t.id not in terms:
                terms[t.id] = t
    for e in curation.terms:
        if e.same_as and e.same_as not in terms:
            warnings.append(
                e.problem(
                    "same_as",
                    f"same_as '{e.same_as}' points to no glossary entry{did_you_mean(e.same_as, terms)};"
                    " check the slug in docs/glossary/",
                )
            )
        for r in e.related:
            if r not in terms:
                warnings.append(
                    e.problem(
                        "related",
                        f"related '{r}' is no glossary entry{did_you_mean(r, terms)}; check the slug in docs/glossary/",
                    )
                )
    uses = [
        replace(u, term=redirect.get(u.term, u.term))
        for f in findings
        for u in f.term_uses
        if redirect.get(u.term, u.term) in terms
    ]
    # a curated term no story uses is background an editor wants (`quantitative easing`): it keeps
    # its glossary page, and is no warning (a warning would fail the strict build); a starter term
    # no story uses is left out (the starter glossary is hundreds of terms)
    used = {u.term for u in uses}
    for e in curation.starter:
        if e.slug not in used:
            terms.pop(e.slug, None)
    return terms, uses


def _labelled_figures(findings: Sequence[Findings], warnings: list[Diagnostic]) -> list[Figure]:
    """Every figure, with the label a story's `labels:` front matter gives it (figure as written ->
    what it counts); a label for no figure of its story is named, with the nearest figure."""
    out: list[Figure] = []
    for f in findings:
        labels = dict(f.article.labels)
        used: set[str] = set()
        for x in f.figures:
            if x.value in labels:
                used.add(x.value)
                x = replace(x, label=labels[x.value])
            out.append(x)
        values = list(dict.fromkeys(x.value for x in f.figures))
        for value in sorted(set(labels) - used):
            hint = did_you_mean(value, values) or (
                f" (its figures: {', '.join(values[:8])}{', ...' if len(values) > 8 else ''})" if values else ""
            )
            warnings.append(
                Diagnostic(
                    f.article.path,
                    f.article.labels_line,
                    f"labels: '{value}' is no figure of this story{hint}; write the figure as `explainer review` shows it",
                )
            )
    return out


def _quote_key(text: str) -> str:
    """A quote's words for matching an editor's opening: case, quote marks and spacing ignored."""
    return " ".join(text.translate(_QUOTE_MARKS).lower().split())


_QUOTE_MARKS = str.maketrans("", "", "\"'“”‘’«»„")


def _credited(
    quotes: list[Quote], credits: Sequence[tuple[str, CuratedActor]], warnings: list[Diagnostic]
) -> list[Quote]:
    """Quotes an editor credits in a profile's `quotes:` (each the first words of a quote, as
    written) go to that profile, whoever the rules named; the cue verb stays as the story wrote it."""
    if not credits:
        return quotes
    keys = [_quote_key(q.text) for q in quotes]
    out = list(quotes)
    for actor_id, e in credits:
        for opening in e.quotes:
            want = _quote_key(opening)
            hits = [i for i, k in enumerate(keys) if want and k.startswith(want)]
            if not hits:
                warnings.append(
                    e.problem(
                        "quotes",
                        f"quotes: '{opening}' starts no quote in any story; copy the quote's first words as"
                        " `explainer review` shows them",
                    )
                )
            for i in hits:
                out[i] = replace(out[i], speaker=actor_id)
    return out


def _broken_same_as(entries: Sequence[CuratedActor], warnings: list[Diagnostic]) -> set[str]:
    """Curated actors whose `same_as` chain loops (a -> b -> a) or ends at a hidden entry: each is
    named once, file and line, and its `same_as` is ignored (it would delete every actor in it)."""
    by_slug = {e.slug: e for e in entries}
    broken: set[str] = set()
    named: set[frozenset[str]] = set()
    for e in entries:
        chain, slug = [e.slug], e.same_as or ""
        while slug and slug in by_slug and slug not in chain:
            chain.append(slug)
            nxt = by_slug[slug]
            if nxt.hide:
                if e.slug not in broken:
                    warnings.append(
                        e.problem("same_as", f"same_as leads to '{slug}', which is hidden; point it at a shown entry")
                    )
                broken.add(e.slug)
                break
            slug = nxt.same_as or ""
        else:
            if slug and slug in chain:
                loop = [*chain[chain.index(slug) :], slug]
                if frozenset(loop) not in named:  # each cycle named once
                    named.add(frozenset(loop))
                    warnings.append(
                        e.problem(
                            "same_as", f"same_as makes a cycle ({' -> '.join(loop)}); every same_as in it is ignored"
                        )
                    )
                broken.update(loop)
    return broken


def _surname_redirects(actors: dict[str, Actor]) -> dict[str, str | None]:
    """`Doe` (a one-word person in one story) -> `Jane Doe` (named in full in another),
    when exactly one fully named person carries that word; otherwise the two stay apart."""
    owners: dict[str, list[str]] = {}
    for a in actors.values():
        words = a.name.split()
        if a.kind == "person" and len(words) > 1:
            for w in words:
                owners.setdefault(w, []).append(a.id)
    out: dict[str, str | None] = {}
    for a in actors.values():
        if a.kind == "person" and " " not in a.name and len(owners.get(a.name, [])) == 1:
            out[a.id] = owners[a.name][0]
    return out


def _union(a: Iterable[str], b: Iterable[str]) -> tuple[str, ...]:
    out = list(a)
    have = set(out)  # a set, not the list: an actor named in many stories merges in linear time
    out += [x for x in b if x not in have]
    return tuple(out)


def _names(term: Term) -> set[str]:
    """A term's name and aliases in lower case: the names by which a story's term and an editor's are one."""
    return {term.term.lower(), *(x.lower() for x in term.aliases)}


def _match_actor(e: CuratedActor, actors: dict[str, Actor]) -> str | None:
    """The actor a curated file is about: its slug's, or the one its name or an alias names."""
    if e.slug in actors:
        return e.slug
    names = {(e.name or "").lower(), *(x.lower() for x in e.aliases)} - {""}
    for a in actors.values():
        if a.name.lower() in names:
            return a.id
    return None


def _apply_actor(actor: Actor, e: CuratedActor, actors: dict[str, Actor], warnings: list[Diagnostic]) -> Actor:
    """The actor with the editor's fields: name, kind, roles, aliases, summary, bio, affiliation."""
    affiliation = actor.affiliation
    if e.affiliation:
        wanted = e.affiliation
        found = (
            wanted
            if wanted in actors
            else next(
                (a.id for a in actors.values() if wanted.lower() in {a.name.lower(), *(x.lower() for x in a.aliases)}),
                None,
            )
        )
        if found is None:
            warnings.append(
                e.problem(
                    "affiliation",
                    f"affiliation '{wanted}' names no actor in the stories{did_you_mean(wanted, actors)};"
                    " use a profile's slug or name",
                )
            )
        else:
            affiliation = found
    name = e.name or actor.name
    # a renamed actor keeps the name the story used as an alias, so its mentions stay linked
    renamed = (actor.name,) if name != actor.name else ()
    return replace(
        actor,
        name=name,
        kind=e.kind or actor.kind,
        roles=e.roles or actor.roles,
        aliases=tuple(a for a in _union(actor.aliases, (*renamed, *e.aliases)) if a != name),
        summary=e.summary or actor.summary,
        bio=e.body or actor.bio,
        curated_path=e.path,
        affiliation=affiliation,
        corrections=e.corrections,
    )

"""Merge every article's findings with the editor's curated files into one `Story`.

Actors and terms with the same id merge across articles. Curated front matter wins over
extracted fields; extracted quotes and mentions always stay. All merging is keyed by id
(dictionaries, one pass), so it stays linear as stories are added.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..diagnostics import Diagnostic
from ..model import Actor, Figure, Findings, Quote, Story, Term
from ..suggest import did_you_mean
from .curation import CuratedEntry, Curation


def curated_terms(curation: Curation) -> list[Term]:
    """Curated glossary entries as terms (before merging with what stories define)."""
    out = []
    extra: dict[str, list[str]] = {}  # same_as: the entry's own names become the target's aliases
    for e in curation.terms:
        if e.meta.get("same_as") and not e.meta.get("hide"):
            names = [str(e.meta.get("term") or e.slug.replace("-", " ")), *e.get_list("aliases")]
            extra.setdefault(str(e.meta["same_as"]), []).extend(names)
    for e in (*curation.terms, *curation.starter):
        if e.meta.get("hide") or e.meta.get("same_as"):
            continue
        name = str(e.meta.get("term") or e.slug.replace("-", " "))
        out.append(
            Term(
                id=e.slug,
                term=name,
                aliases=_union(e.get_list("aliases"), extra.get(e.slug, ())),
                definition=e.body or None,
                source="curated" if e.body else None,
                curated_definition=e.body or None,
                related=e.get_list("related"),
                curated_path=e.path,
                corrections=e.corrections,
            )
        )
    return out


def merge(
    findings: Sequence[Findings], curation: Curation, curated: Sequence[Term], warnings: list[Diagnostic]
) -> Story:
    actors: dict[str, Actor] = {}
    for f in findings:
        for a in f.actors:
            if a.id in actors:
                old = actors[a.id]
                actors[a.id] = replace(
                    old,
                    roles=_union(old.roles, a.roles),
                    aliases=_union(old.aliases, a.aliases),
                    affiliation=old.affiliation or a.affiliation,
                )
            else:
                actors[a.id] = a
    mentions = [m for f in findings for m in f.mentions]
    quotes = [q for f in findings for q in f.quotes]
    figures = _labelled_figures(findings, warnings)

    # -- a later story's bare surname is the person another story named in full -------------
    redirect: dict[str, str | None] = _surname_redirects(actors)
    entries = {e.slug: e for e in curation.actors}
    broken = _broken_same_as(curation.actors, warnings)
    credits: list[tuple[str, CuratedEntry]] = []  # (actor id, entry) for each entry's `quotes:`
    for e in curation.actors:
        target = _match_actor(e, actors)
        if e.meta.get("hide"):
            if target:
                redirect[target] = None
            else:
                warnings.append(
                    e.problem(
                        "hide",
                        f"hide: '{e.meta.get('name') or e.slug}' matches no actor in any story{did_you_mean(e.slug, actors)}",
                    )
                )
            continue
        same_as = e.meta.get("same_as")
        if same_as and e.slug in broken:
            continue
        if same_as:
            if same_as not in actors and same_as not in entries:
                warnings.append(
                    e.problem(
                        "same_as",
                        f"same_as '{same_as}' points to no actor{did_you_mean(same_as, [*actors, *entries])}; check the slug in docs/actors/",
                    )
                )
                continue
            if target and target != same_as:
                redirect[target] = same_as
            continue
        if target is None:
            warnings.append(
                e.problem(
                    "name",
                    f"'{e.meta.get('name') or e.slug}' is not mentioned in any story{did_you_mean(e.slug, actors)}; its page is kept from the curated file",
                )
            )
            actors[e.slug] = Actor(e.slug, str(e.meta.get("name") or e.slug.replace("-", " ").title()), "person")
            target = e.slug
        actors[target] = _apply_actor(actors[target], e, actors, warnings)
        credits.append((target, e))
    for source, dest in redirect.items():
        gone = actors.pop(source, None)
        if dest and gone and dest in actors:
            d = actors[dest]
            actors[dest] = replace(
                d, aliases=_union(d.aliases, (gone.name, *gone.aliases)), roles=_union(d.roles, gone.roles)
            )

    def follow(actor_id: str | None) -> str | None:
        seen = set()
        while actor_id in redirect and actor_id not in seen:
            seen.add(actor_id)
            actor_id = redirect[actor_id]
        return actor_id if actor_id in actors else None

    mentions = [replace(m, actor=target) for m in mentions if (target := follow(m.actor))]
    quotes = _credited(
        [replace(q, speaker=follow(q.speaker)) for q in quotes],
        [(follow(t) or t, e) for t, e in credits],
        warnings,
    )
    figures = [replace(x, sources=tuple(replace(s, claimant=follow(s.claimant)) for s in x.sources)) for x in figures]
    actors = {k: replace(v, affiliation=follow(v.affiliation)) for k, v in actors.items()}

    # -- terms ---------------------------------------------------------------------------------
    terms: dict[str, Term] = {t.id: t for t in curated}
    term_redirect: dict[str, str] = {}
    hidden = set()  # `hide: true` in docs/glossary/: a term a story defines that should not be shown
    for e in curation.terms:
        if e.meta.get("hide"):
            hidden |= {e.slug, str(e.meta.get("term") or "").lower()} - {""}
    for f in findings:
        for t in f.terms:
            if t.id in hidden or t.term.lower() in hidden:
                continue
            match = next((c for c in curated if _same_term(c, t)), None)
            if match:
                merged = terms[match.id]
                terms[match.id] = replace(
                    merged,
                    aliases=_union(merged.aliases, t.aliases),
                    definition=t.definition if merged.source != "article" else merged.definition,
                    source="article",
                    defined_at=merged.defined_at or t.defined_at,
                )
                term_redirect[t.id] = match.id
            elif t.id not in terms:
                terms[t.id] = t
    for e in curation.terms:
        if e.meta.get("same_as") and e.meta["same_as"] not in terms:
            warnings.append(
                e.problem(
                    "same_as",
                    f"same_as '{e.meta['same_as']}' points to no glossary entry{did_you_mean(str(e.meta['same_as']), terms)}; check the slug in docs/glossary/",
                )
            )
        for r in e.get_list("related"):
            if r not in terms:
                warnings.append(
                    e.problem(
                        "related",
                        f"related '{r}' is no glossary entry{did_you_mean(r, terms)}; check the slug in docs/glossary/",
                    )
                )
    uses = [
        replace(u, term=term_redirect.get(u.term, u.term))
        for f in findings
        for u in f.term_uses
        if term_redirect.get(u.term, u.term) in terms
    ]
    # a curated term no story uses is background an editor wants (`quantitative easing`): it keeps
    # its glossary page, and is no warning (a warning would fail the strict build); a starter term
    # no story uses is left out (the starter glossary is hundreds of terms)
    used = {u.term for u in uses}
    for e in curation.starter:
        if e.slug not in used:
            terms.pop(e.slug, None)
    return Story(
        articles=tuple(f.article for f in findings),
        figures=tuple(figures),
        actors=tuple(actors.values()),
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        terms=tuple(sorted(terms.values(), key=lambda t: t.term.lower())),
        term_uses=tuple(uses),
        events=tuple(sorted((e for f in findings for e in f.events), key=lambda e: (e.date, e.id))),
    )


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
    quotes: list[Quote], credits: Sequence[tuple[str, CuratedEntry]], warnings: list[Diagnostic]
) -> list[Quote]:
    """Quotes an editor credits in a profile's `quotes:` (each the first words of a quote, as
    written) go to that profile, whoever the rules named; the cue verb stays as the story wrote it."""
    if not credits:
        return quotes
    keys = [_quote_key(q.text) for q in quotes]
    out = list(quotes)
    for actor_id, e in credits:
        for opening in e.get_list("quotes"):
            want = _quote_key(opening)
            hits = [i for i, k in enumerate(keys) if want and k.startswith(want)]
            if not hits:
                warnings.append(
                    e.problem(
                        "quotes",
                        f"quotes: '{opening}' starts no quote in any story; copy the quote's first words as `explainer review` shows them",
                    )
                )
            for i in hits:
                out[i] = replace(out[i], speaker=actor_id)
    return out


def _broken_same_as(entries: Sequence[CuratedEntry], warnings: list[Diagnostic]) -> set[str]:
    """Curated actors whose `same_as` chain loops (a -> b -> a) or ends at a hidden entry: each is
    named once, file and line, and its `same_as` is ignored (it would delete every actor in it)."""
    by_slug = {e.slug: e for e in entries}
    broken: set[str] = set()
    named: set[frozenset[str]] = set()
    for e in entries:
        chain, slug = [e.slug], str(e.meta.get("same_as") or "")
        while slug and slug in by_slug and slug not in chain:
            chain.append(slug)
            nxt = by_slug[slug]
            if nxt.meta.get("hide"):
                if e.slug not in broken:
                    warnings.append(
                        e.problem("same_as", f"same_as leads to '{slug}', which is hidden; point it at a shown entry")
                    )
                broken.add(e.slug)
                break
            slug = str(nxt.meta.get("same_as") or "")
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


def _same_term(curated: Term, found: Term) -> bool:
    a = {curated.term.lower(), *(x.lower() for x in curated.aliases)}
    return bool(a & {found.term.lower(), *(x.lower() for x in found.aliases)})


def _match_actor(e: CuratedEntry, actors: dict[str, Actor]) -> str | None:
    if e.slug in actors:
        return e.slug
    names = {str(e.meta.get("name", "")).lower(), *(x.lower() for x in e.get_list("aliases"))} - {""}
    for a in actors.values():
        if a.name.lower() in names:
            return a.id
    return None


def _apply_actor(actor: Actor, e: CuratedEntry, actors: dict[str, Actor], warnings: list[Diagnostic]) -> Actor:
    roles = e.get_list("roles") or ((str(e.meta["role"]),) if e.meta.get("role") else ())
    affiliation = actor.affiliation
    if e.meta.get("affiliation"):
        wanted = str(e.meta["affiliation"])
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
                    f"affiliation '{wanted}' names no actor in the stories{did_you_mean(wanted, actors)}; use a profile's slug or name",
                )
            )
        else:
            affiliation = found
    name = str(e.meta.get("name") or actor.name)
    # a renamed actor keeps the name the story used as an alias, so its mentions stay linked
    renamed = (actor.name,) if name != actor.name else ()
    return replace(
        actor,
        name=name,
        kind=e.meta.get("kind") or actor.kind,
        roles=roles or actor.roles,
        aliases=tuple(a for a in _union(actor.aliases, (*renamed, *e.get_list("aliases"))) if a != name),
        summary=str(e.meta["summary"]) if e.meta.get("summary") else actor.summary,
        bio=e.body or actor.bio,
        curated_path=e.path,
        affiliation=affiliation,
        corrections=e.corrections,
    )

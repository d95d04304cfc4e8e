"""The gazetteer: what a surface form of a country, capital, region, city or organisation stands for.

Reference data shipped with the package (`data/places.yaml`), never story knowledge. Built once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import ActorKind
from .vocabulary import places


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer entry: what a surface form stands for."""

    name: str
    kind: ActorKind
    how: str  # name | alias | capital | demonym | org


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Countries, demonyms, capitals, regions, cities and parties by their words, built once."""

    entries: dict[tuple[str, ...], Entry]
    longest: int
    dotted: frozenset[str]  # one-word entries that end in a full stop (`Colo.`, `Calif.`): no sentence end
    firsts: frozenset[str]  # the first words of the entries: a run of words that starts otherwise has none


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read from `data/places.yaml` once per process (it never changes)."""
    entries: dict[tuple[str, ...], Entry] = {}

    def add(surface: str, entry: Entry) -> None:
        entries.setdefault(tuple(surface.split()), entry)

    data = places()
    for c in data["countries"]:
        add(c["name"], Entry(c["name"], "place", "name"))
        for a in c.get("aliases") or []:
            add(a, Entry(c["name"], "place", "alias"))
        if c.get("capital"):
            add(c["capital"], Entry(c["name"], "place", "capital"))
        for o in c.get("other") or []:
            add(o, Entry(c["name"], "place", "capital"))
    for c in data["countries"]:  # demonyms last: "US" is a country before it is an adjective
        for d in c.get("demonyms") or []:
            add(d, Entry(c["name"], "place", "demonym"))
    for city in data["cities"]:
        add(city, Entry(city, "place", "name"))
    for r in data.get("regions") or []:
        add(r["name"], Entry(r["name"], "place", "name"))
        for a in r.get("aliases") or []:
            add(a, Entry(r["name"], "place", "alias"))
        for d in r.get("demonyms") or []:
            add(d, Entry(r["name"], "place", "demonym"))
    for o in data["organizations"]:
        add(o["name"], Entry(o["name"], "organization", "name"))
        for a in o.get("aliases") or []:
            add(a, Entry(o["name"], "organization", "alias"))
    dotted = frozenset(k[0] for k in entries if len(k) == 1 and k[0].endswith("."))
    return Gazetteer(entries, max(len(k) for k in entries), dotted, frozenset(k[0] for k in entries))

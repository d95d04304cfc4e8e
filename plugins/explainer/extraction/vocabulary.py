"""Closed word lists of English news style that the rule-based extractors read.

These are properties of the language and of wire style, never of any one story. The lists live in
`data/*.txt` (one file a list, with where it comes from at its top); this module loads them once
and keeps the few small mappings (month numbers, number words, scales, currency signs) in code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..patterns import trie_pattern

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"Sept": 9}
MONTH_NUMBERS = {m: i + 1 for i, m in enumerate(MONTHS)} | MONTH_ABBREVIATIONS  # a month's name, full or short
# the month names as one pattern, a trie: the same matches as their longest-first alternation,
# with a handful of branches tried at each position of a sentence instead of every name
MONTH_PATTERN = trie_pattern(MONTH_NUMBERS)


def _entries(name: str) -> dict[str, tuple[str, ...]]:
    """`data/<name>.txt` as written: `[heading]` lines open a section, `#` starts a comment, words
    are separated by white space, or one entry a line where `lines` says so."""
    return _read(name, False)


def _lines(name: str) -> tuple[str, ...]:
    """`data/<name>.txt` with one entry (of one or more words) a line, in order."""
    return _read(name, True)[""]


@lru_cache(maxsize=32)
def _read(name: str, by_line: bool) -> dict[str, tuple[str, ...]]:
    text = resources.files("explainer").joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        elif line:
            sections[current].extend([line] if by_line else line.split())
    return {k: tuple(v) for k, v in sections.items()}


# Verbs that report a quantity changing: `X rose 5%` (intransitive), `cut its rate to 2%` (transitive).
CHANGE_VERBS = frozenset(_entries("change_verbs")["intransitive"])
SETTING_VERBS = frozenset(_entries("change_verbs")["transitive"])
IRREGULAR_VERBS = frozenset(_entries("change_verbs")["irregular"])

# Verbs that introduce speech or a claim. Kept as written in the text: "said" is never shown as "claimed".
SPEECH_VERBS = frozenset(_entries("speech_verbs")[""])
# Capitalised words that head a title before a name: "Foreign Minister X", "Judge Y".
HEAD_ROLES = frozenset(_entries("titles")[""])
# Capitalised words that qualify a title: "Foreign Affairs Minister", "Secretary of State".
ROLE_MODIFIERS = frozenset(_entries("role_modifiers")[""])
# Lower-case nouns that make an apposition a role: "X, president of the University of Y, said".
ROLE_NOUNS = frozenset(_entries("role_nouns")[""])
# Capitalised words that make a name an organisation: "X University", "Y Agency".
ORG_WORDS = frozenset(_entries("org_words")[""])
# Capitalised words that make a name a place: "Colca Canyon", "Lake Titicaca".
PLACE_WORDS = frozenset(_entries("place_words")[""])
# Lower-case nouns after a demonym that make it stand for the state: "French diplomacy".
INSTITUTION_NOUNS = frozenset(_entries("institution_nouns")[""])
# Words that open sentences in capitals without being names.
STOPWORDS = frozenset(_entries("stopwords")[""])
# Adjectives that look like names but never stand for an actor on their own; acronyms of units.
NON_ACTOR_ADJECTIVES = frozenset(_entries("not_actors")["adjectives"])
NON_ACTOR_ACRONYMS = frozenset(_entries("not_actors")["acronyms"])
# Qualifiers kept with a figure: "up to 300" is never shown as "300".
QUALIFIERS = _lines("qualifiers")
# Words that signal a claim is reported rather than established; they travel with the claim.
HEDGES = _lines("hedges")
MEASURE_UNITS = frozenset(_entries("units")["measures"])
CURRENCY_WORDS = frozenset(_entries("units")["currencies"])


# Lower-case nouns that, naming what a thing is, make the name beside them an organisation.
ORG_NOUNS = frozenset(
    "company firm group label agency carrier airline bank lender insurer retailer maker manufacturer provider "
    "website site platform network broadcaster newspaper publisher studio startup start-up conglomerate journal "
    "magazine outlet tabloid paper consultancy "
    "subsidiary operator developer distributor chain brand club team party union charity organisation "
    "organization association council service app".split()
)
# Letters after a name that are no part of it (`Jane Doe KC`) and never come before one, as `MP` does.
POST_NOMINALS = frozenset({"KC", "QC", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD"})
# What an apposition may call an organisation (`X, the trade body for Y,`): the nouns above and the
# names of public and collective bodies. Kept apart: `the ministry said` does not read these.
APPOSED_ORG_NOUNS = ORG_NOUNS | frozenset(
    "body regulator watchdog lobby ministry department institute foundation trust federation coalition "
    "alliance cooperative co-operative nonprofit non-profit think-tank".split()
)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a thousand": 1000, "a million": 1_000_000, "a dozen": 12,
    "half a million": 500_000, "a billion": 1_000_000_000,
}  # fmt: skip
VAGUE_AMOUNTS = ("tens of thousands", "hundreds of thousands", "tens of millions", "hundreds of millions",
                 "dozens", "scores", "hundreds", "thousands", "millions", "billions")  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9, "m": 1e6, "bln": 1e9}
CURRENCY_SYMBOLS = {
    "$": "dollars",
    "US$": "dollars",
    "€": "euros",
    "£": "pounds",
    "¥": "yen",
    "₩": "won",
    "₹": "rupees",
}


@lru_cache(maxsize=1)
def places() -> dict[str, Any]:
    """The gazetteer shipped with the package (countries, demonyms, capitals, organisations)."""
    text = resources.files("explainer").joinpath("data/places.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def word_list(name: str) -> dict[str, frozenset[str]]:
    """A word list of `data/<name>.txt` (see `_entries`), its words compared in lower case."""
    return _lowered(name)


@lru_cache(maxsize=8)
def _lowered(name: str) -> dict[str, frozenset[str]]:
    return {k: frozenset(w.lower() for w in words) for k, words in _entries(name).items()}


def given_name_pronoun(name: str) -> str | None:
    """`he` or `she` for a given name that is overwhelmingly given to one sex, else None."""
    first = name.split()[0].lower() if name.split() else ""
    names = word_list("given_names")
    if first in names["he"]:
        return "he"
    if first in names["she"]:
        return "she"
    return None

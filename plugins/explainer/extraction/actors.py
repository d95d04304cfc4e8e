"""Find the people, organisations and places a story names, with their roles and aliases.

Rule-based: runs of capitalised words are cut into a title ("US Secretary of State"),
a name ("Jane Doe"), an organisation (one with an organisation word or an acronym)
or a place from the gazetteer. Later single-word references ("Doe") resolve to the one
person whose name contains that word; a word shared by two people ("Kim") resolves to no one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Actor, ActorKind, Mention, Sentence, Span
from ..patterns import BEFORE, Before, search_before, tail_start
from ..slugs import SlugRegistry
from .annotate import Annotation, Token
from .gazetteer import Entry, gazetteer
from .reader import dateline_fields
from .vocabulary import (
    APPOSED_ORG_NOUNS,
    HEAD_ROLES,
    INSTITUTION_NOUNS,
    MONTHS,
    NON_ACTOR_ACRONYMS,
    NON_ACTOR_ADJECTIVES,
    ORG_NOUNS,
    ORG_WORDS,
    PLACE_WORDS,
    POST_NOMINALS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STOPWORDS,
    WEEKDAYS,
    given_name_pronoun,
    word_list,
)

_NAME_PARTICLES = frozenset(
    {
        "von",
        "van",
        "der",
        "den",
        "ter",
        "ten",
        "de",
        "da",
        "das",
        "du",
        "dos",
        "del",
        "della",
        "di",
        "bin",
        "al",
        "la",
        "le",
        "ben",
        "y",
    }
)
# Titles of courtesy: the words after one are a person's name, even a word that is also a place
# or a demonym (`Mr Paris`, `Mr English`); they are not roles.
HONORIFICS = frozenset(
    ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "Mx"]
)
# a US lawmaker's party and state, after the name (not `I-`: `I-Chen Lin` is a name)
_PARTY_TAG = re.compile(r"[DR]-[A-Z][a-z]")
# The honorifics that tell a person's sex: `Mr Doe` is not the Jane Doe of the same story.
_HONORIFIC_PRONOUN = re.compile(r"\b(?:(Mr|Sir|Lord)|(Mrs|Ms|Miss|Dame|Lady))\.?\s+$")
# Inflected cue verbs: a bare `post` or `report` after a name is a noun (`a Zipline post`).
_SUFFIXES = ("s", "ed")
# A single first name in brackets inside a name: `Coach (Jane) Doe`.
_BRACKETED_FIRST = re.compile(r"\b([A-Z][\w’'-]+) \(([A-Z][a-z]+)\) ([A-Z][\w’'-]+)")
# What a possessive names that only an organisation has: `X's chief executive`, `X's shares`.
_ORG_POSSESSIONS = re.compile(  # (matched right after a name)
    r"['’]s?\s+(?:(?:former|new|current|deputy|acting)\s+)?(?:chief executive|chief financial officer|chairman|chairwoman|"
    r"board|shares|stock|headquarters|subsidiary|subsidiaries|customers|employees|staff|profits?|revenues?|results|"
    r"executive|executives|tech teams?|business|brand|website|chief economist|ceo)\b"
)
_JOINERS = _NAME_PARTICLES | {"of", "for", "the"}
_PLACE_SUFFIXES = frozenset(
    [
        "region",
        "province",
        "state",
        "county",
        "district",
        "oblast",
        "prefecture",
        "island",
        "islands",
        "peninsula",
        "river",
        "valley",
        "mountains",
        "city",
        "port",
        "town",
        "village",
        "plateau",
        "desert",
        "basin",
        "coast",
        "station",
        "airport",
        "stadium",
        "square",
    ]
)
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
# Capitalised words that are no one's name and name no organisation or place on their own.
_NOT_NAMES = frozenset(
    "God Christmas Easter Ramadan Eid Hanukkah Diwali Thanksgiving Halloween New Year Budget Internet "
    "Pope I OK TV Mr Mrs Ms Dr Sir Coach North South East West Brexit Covid Islam Christianity Judaism "
    "Hinduism Buddhism Mandarin Cantonese Arabic Latin Bible Koran Quran Torah Mass".split()
)
# A lone word before these is most likely a person named by surname: `said Berg would veto`.
_SUBJECT_OF_VERB = re.compile(r"\s+(?:would|will|could|should|might|must|has|had|was|is|says|said|told)\b")
# `his son Jack`, `her husband Tom`: a kin or role noun right before a lone name.
_KIN_BEFORE = re.compile(
    r"\b(?:his|her|their|my|our)\s+(?:\w+\s+)?(?:son|daughter|wife|husband|brother|sister|mother|father|partner|"
    r"friend|cousin|uncle|aunt|grandson|granddaughter|boyfriend|girlfriend)\s+$"
)
_FEW = 6  # owners of a word among whom a short form may still pick one
_POSSESSIVE_AFTER = re.compile(r"['’]")
_WHERE = re.compile(
    r"(?:\b(?:in|at|near|outside|from)\s+(?:the\s+)?|\b(?:village|town|city|region|province|district|county|state) of\s+)$"
)
_LOCATED = re.compile(r"^([A-Z][\w’'-]*?)-(?:based|born|bred|area|headquartered)$")
# Lower-case heads that make `Name + head` an institution of its own: `the Harbour Vale assembly`,
# `the Stay campaign`, `the province's health commission`.
_ORG_SUFFIXES = frozenset(
    "assembly campaign council government police party committee commission ministry department agency "
    "parliament senate court authority board union club league".split()
)
# What an institution's lower-case name may add before its head: the field it covers.
_FIELDS = (
    "health finance education transport security justice defence defense energy trade interior foreign environment "
    "planning fire water housing regional national local state city county district election electoral ethics "
    "human rights police public safety budget audit legal ruling opposition"
)
_INSTITUTION = re.compile(
    r"\s+(?:(?:" + "|".join(_FIELDS.split()) + r")\s+){0,2}(?:" + "|".join(sorted(_ORG_SUFFIXES)) + r")\b"
)


# read back from a name (`Before`: each spans the runs of non-space characters it is given)
_WORD_BEFORE = Before(r"\b([a-z][\w-]*)\s+$", 1)
_LISTED_BEFORE = Before(r"\b(?:shares in|stake in|listed on)\s+$", 2)
_ARTICLE_BEFORE = Before(r"\b(?:a|an)\s+$", 1)
_THE_BEFORE = Before(r"\b[Tt]he\s+$", 1)
_PLACE_PREPOSITION_BEFORE = Before(r"\b(?:in|near|outside|across|from|at)\s+(?:the\s+)?$", 2)
_NEAR_BEFORE = Before(r"\b(?:in|near|outside|across|from)\s+$", 1)
# `the property website, Homefinder`: an organisation's common noun, then the name (read back)
_ORG_NOUN_BEFORE = r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:" + "|".join(ORG_NOUNS) + r")\b[^,;]{0,80},\s+$"


# what `_lower_case_title` reads before a name, compiled once (it reads them for every name)
_COMMA_END = re.compile(r",\s+$")
_PLACE_END = re.compile(r"\s+(?:to|of|for|in)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}$")
# (each holds at most seven runs of non-space characters, each ending in spaces: `tail_start`)
_ROLE_END = re.compile(r"((?:[A-Z][\w.&’'-]*\s+){0,4})((?:[a-z][\w-]*\s+){0,2})\b([a-z][\w-]*)\s+$")
_TITLE_END = re.compile(r"((?:[A-Z][\w.&’'-]*\s+){0,4})()\b([A-Z][a-z]+)\s+$")
_ROLE_RUNS = 7
# what _ROLE_END ends with, read back first: a sentence whose words before the name do not end in
# a lower-case word has no role there, and _ROLE_END, tried from each of seven runs' characters
# and failing at every one, is not searched (the text read back is at most `BEFORE` characters,
# the reach of a `Before`)
_ROLE_WORD_BEFORE = Before(r"\b[a-z][\w-]*\s+$", 1)


# what the classification reads around a name, compiled once (it reads them for every name)
_HYPHEN_LOWER = re.compile(r"-[a-z]")
_NEXT_VERB = re.compile(r"\s+(?:\w+ly\s+|also\s+)?(\w+)")
_NEXT_LOWER = re.compile(r"\s+([a-z]+)")
_WHICH_AFTER = re.compile(r",?\s+which\b")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)\b")
_COMPOUND_ADJECTIVE = re.compile(r"-(?:[a-z]+ing|based|born|backed|owned|led)$")
_OPENING_DETERMINER = re.compile(r"^(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+")
_APPOSITION = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?((?:[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*['’]s?\s+)?"
    r"[a-zA-Z][^,;:\"“”()]{1,160}?)\s*(?=,|;|\.\s|\.$|$|\s\()"
)
_ARTICLE_OPENING = re.compile(r",\s+(?:a|an|the)\s")
_OWNER_ROLE = re.compile(r"(?:[A-Z][\w.&’'-]*\s+)*[A-Z][\w.&’'-]*['’]s?\s+(.*)")
_ROLE_ORGANISATION = re.compile(r"\b(?:of|at|for)\s+(?:the\s+)?((?:[A-Z][\w’'-]*)(?:\s+(?:of|for|the|[A-Z][\w’'-]*))*)")
_TRAILING_JOINER = re.compile(r"\s+(?:of|for|the)$")
_TRAILING_PLACE = re.compile(r"\s+in\s+[A-Z].*$")
_SPACE_LOWER = re.compile(r"\s[a-z]")


def _after_comma(text: str, end: int) -> bool:
    """Whether the last character before `end` that is not a space is a comma (what
    `_ORG_NOUN_BEFORE` ends in: it is searched only then)."""
    return text[max(0, end - BEFORE) : end].rstrip().endswith(",")


def _is_acronym(word: str) -> bool:
    bare = word.replace(".", "")
    return len(bare) >= 2 and bare.isalpha() and bare.isupper()


def _sentence_initial(text: str, start: int) -> bool:
    """Whether a word opens a sentence: the unit's first word, or one after a sentence's end, a
    quotation mark, a bracket or a dash (`...the figures. If Ken wants...` inside one quoted unit)."""
    before = text[max(0, start - 8) : start].rstrip()
    return not before or before[-1] in '"“‘(:—–-•.?!' or before.endswith(("\u2019", "'"))


_OWNER = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s\s+[a-z]")  # `Denmark's minister`


@dataclass(slots=True)
class _Person:
    name: str
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None


@dataclass(slots=True)
class _Found:
    """A resolved occurrence in a sentence."""

    key: str  # canonical name
    kind: ActorKind
    start: int
    end: int
    text: str
    alias: bool = True


# an apposition after a name: `, the trade body representing X,`; its head noun ends where a
# preposition, a relative pronoun or a participle begins (`representing`, `based`)
_APPOSED_PHRASE = re.compile(r",\s+(?:the|a|an)\s+([a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,5})")
_AFTER_HEAD = frozenset("of for in at on to from with by that which who whose based".split())


def _described_as_organisation(words: list[str], text: str, end: int) -> bool:
    """Whether the apposition after the name at `end` calls it an organisation: `Cosmetics Norland,
    the trade body representing the sector,` (head noun `body`), not `X, the group's leader,`."""
    if given_name_pronoun(words[0]):
        return False  # `Jane Doe, the company ...`: a person, whatever follows
    m = _APPOSED_PHRASE.match(text, end)
    if m is None:
        return False
    head = ""
    for word in m.group(1).split():
        if word in _AFTER_HEAD or word.endswith(("ing", "ed")):
            break
        head = word
    return head in APPOSED_ORG_NOUNS


class ActorExtractor:
    """One article's actors. `terms` holds surface forms that are glossary terms, not actors."""

    def __init__(self, annotation: Annotation, terms: frozenset[str] = frozenset()) -> None:
        article = annotation.article
        self.article = article
        self.terms = terms
        self.gaz = gazetteer()
        self.persons: dict[str, _Person] = {}
        self.kinds: dict[str, ActorKind] = {}
        self.found: dict[str, list[_Found]] = defaultdict(list)
        self.singles: list[tuple[Sentence, Token, bool]] = []
        self.acronym_owner: dict[str, str] = {}
        self.honorific: set[str] = set()  # people the story names with Mr, Ms, Dr, ...
        self.units = article.units  # (a property that builds its tuple on every read)
        self.tokens = {s.text: list(annotation.tokens[s.id]) for s in self.units}  # tokenised once, by `annotate`
        # where each unit's capitalised words are: the scans for names step from one to the next
        # instead of over every word (five words in six are lower case)
        self.capitals = {s.text: annotation.capitals[s.id] for s in self.units}
        self.unit_text = {s.id: s.text for s in self.units}
        self.place_hints: set[tuple[str, int]] = set()  # (sentence text, offset) of `X-based`, `X-born`
        self.mid_caps = self._mid_sentence_capitals()
        # words the story also writes in lower case are common words (`Flight director` opening a sentence)
        self.lower_words = annotation.lower_words

    def _mid_sentence_capitals(self) -> set[str]:
        seen: set[str] = set()
        for s in self.units:
            toks = self.tokens[s.text]
            for k in self.capitals[s.text]:
                word = toks[k].text
                if word not in seen and not _sentence_initial(s.text, toks[k].start):  # (a name seen once is enough)
                    seen.add(word)
        return seen

    # -- sequences of capitalised words -------------------------------------------------

    def _sequences(self, text: str) -> list[list[Token]]:
        toks, capitals = self.tokens[text], self.capitals[text]  # (every text read is a unit's)
        seqs: list[list[Token]] = []
        current: list[Token] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            usable = t.text[:1].isupper() and (len(t.text) > 1 or text[t.end : t.end + 1] == ".")  # inlined
            surname_may = t.text == "May" and current and not re.match(r"\s*\d", text[t.end :])  # `Theresa May said`
            if not usable or (t.text in _TIME_WORDS and not surname_may):
                if current:
                    seqs.append(current)
                current = []
                # on to the next capitalised word: none of the words before it is usable either
                k = bisect_right(capitals, i)
                i = capitals[k] if k < len(capitals) else len(toks)
                continue
            if current and t.text in POST_NOMINALS and text[current[-1].end : t.start] == " ":
                seqs.append(current)  # `Judge Jane Doe KC`: the name ends before the letters
                current = []
                i += 1
                continue
            if current:
                prev = current[-1]
                gap = text[prev.end : t.start]
                if prev.possessive and gap.startswith(("'s ", "’s ")) and self._org_ahead(toks, i, text):
                    gap = " "  # `the County Sheriff's Department`, `People's Relief Army`: one name
                if gap != " " or (prev.possessive and not self._org_ahead(toks, i, text)):
                    seqs.append(current)
                    current = []
            hint = _LOCATED.match(t.text) if "-" in t.text else None  # (its hyphen, looked for first)
            if hint:  # `Port Ash-based`, `Harbour-born`: the words before the suffix are a place
                t = Token(hint.group(1), t.start, t.start + len(hint.group(1)), False)
                self.place_hints.add((text, t.start))
                current.append(t)
                seqs.append(current)
                current = []
                i += 1
                continue
            current.append(t)
            # `Center for Disease Control and Prevention`: `and` one more word, inside an organisation's name
            if (
                i + 2 < len(toks)
                and toks[i + 2].capitalised
                and any(w.text in ORG_WORDS for w in current)
                and (
                    i + 3 >= len(toks)
                    or not toks[i + 3].capitalised
                    or text[toks[i + 2].end : toks[i + 3].start] != " "
                )
                and text[t.end : toks[i + 2].start] == " and "
            ):
                current.extend(toks[i + 1 : i + 3])
                i += 3
                continue
            # "Secretary of State", "University of the Philippines", "Ursula von der Leyen"
            j = i + 1
            while j < len(toks) and toks[j].text in _JOINERS and not t.possessive:
                j += 1
            if j > i + 1 and j < len(toks) and toks[j].capitalised and toks[j].text not in _TIME_WORDS:
                link = toks[i + 1 : j]
                words = [w.text for w in link]
                joins_title = (
                    t.text in ORG_WORDS or t.text in HEAD_ROLES or t.text in ROLE_MODIFIERS or t.text in PLACE_WORDS
                )
                joins_name = all(w in _NAME_PARTICLES for w in words)
                spaced = all(text[a.end : b.start] == " " for a, b in zip([t, *link], [*link, toks[j]]))
                if spaced and ((joins_title and words[0] in ("of", "for")) or joins_name):
                    current.extend(link)
                    i = j
                    continue
            i += 1
        if current:
            seqs.append(current)
        return seqs

    @staticmethod
    def _org_ahead(toks: list[Token], i: int, text: str) -> bool:
        """Whether capitalised words from token `i` on, within three, reach an organisation's head word."""
        for k in range(i, min(i + 3, len(toks))):
            if not toks[k].capitalised or (k > i and text[toks[k - 1].end : toks[k].start] != " "):
                return False
            if toks[k].text in ORG_WORDS:
                return True
        return False

    def _trim_initial(self, text: str, seq: list[Token]) -> list[Token]:
        """Drop a capitalised first word that is only capitalised because it opens the sentence."""
        if not seq or not _sentence_initial(text, seq[0].start):
            return seq
        first = seq[0].text
        if self._lookup([first]) is not None or _is_acronym(first):
            return seq
        if "-" in first and _HYPHEN_LOWER.search(first):  # "Third-placed Joel Santana", "Well-known X": an adjective
            return seq[1:]
        named = given_name_pronoun(first) is not None or first in self.mid_caps  # `Emily Doe`, `Boeing said`
        if first.lower() in STOPWORDS or (first.endswith(("ing", "ly")) and not named):
            return seq[1:]
        if len(seq) == 1 and first not in self.mid_caps and not self._speaks(text, seq[0]):
            keep = _affiliation_word(first) and _before_role_and_name().match(text, seq[0].end)
            return seq if keep else []
        return seq

    def _lookup(self, words: list[str]) -> Entry | None:
        return self.gaz.entries.get(tuple(words))

    def _owner(self, role: str, person: _Person) -> None:
        """The side a possessive role names: `Denmark's transport minister` is affiliated with
        Denmark, `the Port Authority's chief engineer` with the Port Authority. Only a country or
        place the gazetteer knows, or a name with an organisation word, is taken."""
        if person.affiliation is not None:
            return
        m = _OWNER.match(role)
        if not m:
            return
        words = m.group(1).split()
        entry = self._lookup(words)
        if entry is not None and entry.how != "demonym":
            person.affiliation = entry.name
        elif len(words) > 1 and any(w in ORG_WORDS for w in words):
            person.affiliation = m.group(1)

    def _speaks(self, text: str, tok: Token) -> bool:
        after = _NEXT_VERB.match(text, tok.end)
        verb = after.group(1) if after else ""
        return verb in SPEECH_VERBS and (verb.endswith(_SUFFIXES) or verb in {"said", "told", "wrote"})

    # -- classification -------------------------------------------------------------------

    def _add(self, sentence: Sentence, key: str, kind: ActorKind, start: int, end: int, alias: bool = True) -> None:
        self.kinds.setdefault(key, kind)
        self.found[sentence.id].append(_Found(key, kind, start, end, sentence.text[start:end], alias))

    def _gazetteer_cover(self, words: list[str]) -> list[tuple[int, int, Entry]] | None:
        """Cut `words` into gazetteer entries, longest first; None if some word is not covered."""
        out, i = [], 0
        while i < len(words):
            if words[i] not in self.gaz.firsts:
                return None  # no entry starts here
            for n in range(min(self.gaz.longest, len(words) - i), 0, -1):
                entry = self._lookup(words[i : i + n])
                if entry:
                    out.append((i, n, entry))
                    i += n
                    break
            else:
                return None
        return out

    def _classify(self, sentence: Sentence, seq: list[Token]) -> None:
        text = sentence.text
        words = [t.text for t in seq]
        span = (seq[0].start, seq[-1].end)
        after = text[seq[-1].end :]

        if len(words) == 1 and (words[0] in NON_ACTOR_ADJECTIVES or words[0] in NON_ACTOR_ACRONYMS):
            return
        if _PARTY_TAG.match(words[0]) and text[max(0, span[0] - 2) : span[0]] == ", ":
            return  # `Sen. Jane Doe, R-Iowa,`, `D-Port Wendell`: her party and state, no actor
        if span[0] and text[span[0] - 1] in '"“' and re.match(r"[,.!?]?[\"”]", text[span[1] :]) and len(words) > 1:
            return  # a title in quotes of its own: a film, a song, a slogan (`"Mary Poppins"`)
        if len(words) == 1 and (words[0] in self.terms or words[0].replace(".", "") in self.terms):
            return
        if " ".join(words) in self.terms:
            return

        cover = self._gazetteer_cover(words)
        if cover is not None and all(e.how != "demonym" for _, _, e in cover):
            for i, n, entry in cover:
                self._add(sentence, entry.name, entry.kind, seq[i].start, seq[i + n - 1].end)
            return
        if cover is not None and len(cover) == 1:  # a demonym: "French diplomacy" stands for France
            noun = _NEXT_LOWER.match(after)
            if noun and noun.group(1) in INSTITUTION_NOUNS:
                entry = cover[0][2]
                self._add(sentence, entry.name, "place", span[0], seq[-1].end + noun.end(), alias=False)
            return

        if self._person_with_title(sentence, seq):
            return

        if any(w in ORG_WORDS for w in words[1:]) or (words[0] in ORG_WORDS and len(words) > 1):
            name = text[span[0] : span[1]]
            self._add(sentence, name, "organization", *span)
            return

        institution = _INSTITUTION.match(after)
        if institution and not any(w in HEAD_ROLES for w in words):
            end = seq[-1].end + institution.end()  # `the Harbour Vale assembly`, `the Stay campaign`
            self._add(sentence, text[span[0] : end], "organization", span[0], end)
            return
        compass = words[0] in ("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western")
        if (any(w in PLACE_WORDS for w in words) or (compass and len(words) > 1)) and not any(
            w in HEAD_ROLES or w in ORG_WORDS for w in words
        ):
            self._add(sentence, text[span[0] : span[1]], "place", *span)
            return

        if (text, seq[-1].start) in self.place_hints:
            self._add(sentence, text[span[0] : span[1]], "place", *span)
            return
        suffix = _NEXT_LOWER_WORD.match(after)
        if suffix and suffix.group(1) in _PLACE_SUFFIXES and not any(w in HEAD_ROLES for w in words):
            end = seq[-1].end + suffix.end()
            self._add(sentence, text[span[0] : end], "place", span[0], end)
            return

        if len(words) == 1:
            if _is_acronym(words[0]):
                named = [f for f in self.found[sentence.id] if f.kind == "organization" and f.end == span[0] - 2]
                if named and text[span[0] - 2 : span[0]] == " (":  # "National Emergency Response Institute (INARE)"
                    self.acronym_owner.setdefault(words[0], named[-1].key)
                    self._add(sentence, named[-1].key, "organization", *span)
                else:
                    self._add(sentence, words[0], "organization", *span)
            else:
                self.singles.append((sentence, seq[0], _sentence_initial(text, seq[0].start)))
            return

        if all(w in HEAD_ROLES or w in ROLE_MODIFIERS or w in ("of", "for", "the") for w in words):
            return  # a title with nobody named: "Prime Minister"
        name = text[span[0] : span[1]]
        for n in range(len(words) - 1, 0, -1):  # `... to Britain Jane Doe`: a place, then a person
            place = self._lookup(words[:n])
            rest = words[n:]
            if place is not None and (self._name_shaped(rest) or (len(rest) == 1 and self._lookup(rest) is not None)):
                self._add(sentence, place.name, place.kind, seq[0].start, seq[n - 1].end, place.how != "demonym")
                self._classify(sentence, seq[n:])
                return
        k = self._descriptor_end(text, seq)
        if k:  # `Patient Jane Doe said`: a word in capitals only because it opens the sentence
            self._classify(sentence, seq[k:])
            person = self.persons.get(text[seq[k].start : span[1]])
            role = text[span[0] : seq[k - 1].end]
            if person is not None and role not in person.roles:
                person.roles.append(role)
            return
        if self._name_shaped(words) and not _described_as_organisation(words, text, span[1]):
            person = self.persons.setdefault(name, _Person(name))
            self._lower_case_title(sentence, seq[0].start, person)
            self._apposition(sentence, span[1], person)
            self._add(sentence, name, "person", *span)
        elif not all(w.lower() in STOPWORDS for w in words):
            # the name of a thing: an organisation, unless it is where something is
            where = _PLACE_PREPOSITION_BEFORE.search(text, span[0])
            self._add(sentence, name, "place" if where else "organization", *span)

    def _descriptor_end(self, text: str, seq: list[Token]) -> int:
        """Where the name starts in `Patient Jane Doe` or `Unseeded Swede Jane Doe` opening a
        sentence: at the first of its words that is a common given name, when the words before
        are neither given names, titles nor places, and the rest is a name of two or three words;
        else 0 (`Lee Anne Doe`, `Tan Wei Ming` and mid-sentence names are left whole)."""
        if len(seq) < 3 or not _sentence_initial(text, seq[0].start):
            return 0
        for k in range(1, len(seq) - 1):
            word = seq[k].text
            if given_name_pronoun(word):
                rest = [t.text for t in seq[k:]]
                before = [t.text for t in seq[:k]]
                if len(rest) <= 3 and self._name_shaped(rest) and all(self._descriptive(w) for w in before):
                    return k
                return 0
        return 0

    def _descriptive(self, word: str) -> bool:
        """Whether a capitalised word before a name describes the person rather than being a first
        name the given-names list does not know (`Xochitl Maria Doe`): a role noun, a word the
        story writes in lower case, a participle (`Unseeded`, `Born`), a nationality (`Swede`)."""
        if given_name_pronoun(word) or word in HEAD_ROLES or word in ROLE_MODIFIERS or word in ORG_WORDS:
            return False
        low = word.lower()
        entry = self._lookup([word])
        if entry is not None:
            return entry.how == "demonym"
        return low in ROLE_NOUNS or low in self.lower_words or low.endswith(("ed", "ist")) or low == "born"

    def _name_shaped(self, words: list[str]) -> bool:
        """Whether capitalised words can be a person's name: two to five words, no digits or
        acronyms, no word of the names of things (`Grand Slam`, `Drug Use`), no adjective made
        with a hyphen (`NBA-leading`), and not a place followed by more (`Harbor City Comets`),
        unless the first word is a common given name."""
        if not 2 <= len(words) <= 5 or any(_is_acronym(w) or any(c.isdigit() for c in w) for w in words):
            return False
        if any(not w[:1].isupper() and w not in _NAME_PARTICLES for w in words):
            return False
        if given_name_pronoun(words[0]):
            return True
        things = word_list("thing_words")[""]
        if any(
            w.lower().strip(".") in things or ("-" in w and _COMPOUND_ADJECTIVE.search(w) is not None) for w in words
        ):
            return False
        return not any(self._lookup(words[:n]) for n in range(1, len(words)))

    def _person_with_title(self, sentence: Sentence, seq: list[Token]) -> bool:
        """`US Trade Representative Jane Doe`: title words, then a name of 1-4 words."""
        words = [t.text for t in seq]
        heads = [i for i, w in enumerate(words) if w in HEAD_ROLES]
        for h in reversed(heads):
            k = h + 1
            while k < len(words) - 1 and (words[k] in HEAD_ROLES or words[k] in ROLE_MODIFIERS):
                k += 1  # `Chief Executive Jane Doe`, `Director General Jane Doe`
            while (
                k + 1 < len(words)
                and words[k] in ("of", "for")
                and (words[k + 1] in ROLE_MODIFIERS or self._lookup([words[k + 1]]))
            ):
                k += 2
            name = words[k:]
            if not 1 <= len(name) <= 4 or not name[0][:1].isupper():
                continue  # `Commissioner for Human Rights`: a title that names an office, not a person
            if any(w in HEAD_ROLES or w in ROLE_MODIFIERS or w in ORG_WORDS or _is_acronym(w) for w in name):
                continue
            if self._lookup(name) is not None and words[h] not in HONORIFICS:
                continue
            text = sentence.text
            start, end = seq[k].start, seq[-1].end
            full = text[start:end]
            role_words = [t for t in seq[:k] if t.text not in HONORIFICS]
            role = text[role_words[0].start : role_words[-1].end] if role_words else ""
            person = self.persons.setdefault(full, _Person(full))
            if role and role not in person.roles:
                person.roles.append(role)
            if words[h] in HONORIFICS:
                self.honorific.add(full)
                if not role:  # `singer Sir Tom Berg`: the role before the title
                    self._lower_case_title(sentence, seq[0].start, person)
            for n in (2, 1):
                entry = self._lookup(words[:n]) if h >= n else None
                if entry:
                    person.affiliation = person.affiliation or entry.name
                    alias = entry.how != "demonym"
                    self._add(sentence, entry.name, entry.kind, seq[0].start, seq[n - 1].end, alias)
                    break
            org = words[:h]
            if len(org) > 1 and any(w in ORG_WORDS for w in org):
                org_name = text[seq[0].start : seq[h - 1].end]
                self._add(sentence, org_name, "organization", seq[0].start, seq[h - 1].end)
                person.affiliation = person.affiliation or org_name
            self._apposition(sentence, end, person)
            self._add(sentence, full, "person", start, end)
            return True
        return False

    def _lower_case_title(self, sentence: Sentence, start: int, person: _Person) -> None:
        """A role right before the name: `Foreign Ministry spokesman Lin Jian`, `actor-director X`,
        `CML director general X`, `envoy to Norway X`, and `Argentina's economy minister, X`."""
        before = sentence.text[max(0, start - BEFORE) : start]  # a role is a few words: read that far back
        comma = _COMMA_END.search(before)
        if comma:  # `Norland's economy minister, Eva Lind,`: the role, a comma, the name
            before = before[: comma.start()] + " "
        place = _PLACE_END.search(before)
        tail = before[: place.start()] + " " if place else before
        last_words = tail_start(tail, _ROLE_RUNS)
        m = _ROLE_END.search(tail, last_words) if _ROLE_WORD_BEFORE.search(tail, len(tail)) else None
        if comma and not m:  # `Argentina's President, X`: a title before the comma
            m = _TITLE_END.search(tail, last_words)
            if m and m.group(3) not in HEAD_ROLES:
                return
        elif not m or not _is_role_noun(m.group(3), m.group(2).split()[-1:] or [""]):
            return
        if m is None:
            return
        modifiers = m.group(2).split()
        while modifiers and modifiers[0] in STOPWORDS | SPEECH_VERBS:  # "said chief executive X" -> "chief executive"
            modifiers.pop(0)
        if m.group(2).split() != modifiers:
            role = " ".join([*modifiers, m.group(3)])
        else:
            role = (m.group(1) + m.group(2) + m.group(3)).strip()
        if place:
            role += before[place.start() :].rstrip()
        role = _OPENING_DETERMINER.sub("", role)
        if role and role not in person.roles:
            person.roles.append(role)
        self._owner(role, person)

    def _apposition(self, sentence: Sentence, end: int, person: _Person) -> None:
        """`Li Wei, president of the University of X in Lyon, told Reuters`; `X, BA's chief
        executive,`; `X, Director General of the Chambers of Commerce,`."""
        m = _APPOSITION.match(sentence.text[end:]) if sentence.text.startswith(",", end) else None
        if not m:
            return
        role = m.group(1).strip()
        words = role.split()
        with_article = _ARTICLE_OPENING.match(sentence.text, end) is not None
        owner = _OWNER_ROLE.match(role)  # `BA's chief executive`
        head = (owner.group(1) if owner else role).split()
        titled = words[0] in HEAD_ROLES and words[0] not in HONORIFICS  # `Director General of ...`
        if not role[0].islower() and not owner and not titled:
            return
        roles = ROLE_NOUNS
        if (
            not (with_article and len(words) <= 12)
            and not titled
            and not any(_is_role_noun(w.strip(",."), [""]) or w.strip(",.") in roles for w in head[:4])
        ):
            return  # "X, a shopkeeper in Chivay," is a role; "X, who fled," is not
        if role not in person.roles:
            person.roles.append(role)
        self._owner(role, person)
        if person.affiliation is None:
            org = _ROLE_ORGANISATION.search(role)
            if org:
                name = _TRAILING_JOINER.sub("", org.group(1))
                name = _TRAILING_PLACE.sub("", name)
                if any(w in ORG_WORDS for w in name.split()):
                    person.affiliation = name

    # -- the whole article ----------------------------------------------------------------

    def _dateline(self, unit: Sentence) -> None:
        """`LOS ANGELES (AP)`: the city the story was filed from (itself, not the state a capital
        stands for elsewhere) and the agency it was filed for."""
        m = dateline_fields(unit.text)
        if m is None:
            return
        city = (m.group("place") or "").strip()
        if city:
            name = " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in city.split())
            entry = self._lookup(name.split())
            key = entry.name if entry is not None and entry.how == "name" else name
            kind: ActorKind = entry.kind if entry is not None and entry.how == "name" else "place"
            self._add(unit, key, kind, m.start("place"), m.start("place") + len(city), alias=False)
        agency = m.group("agency").strip()
        entry = self._lookup(agency.split())
        self._add(
            unit, entry.name if entry else agency, "organization", m.start("agency"), m.start("agency") + len(agency)
        )

    def run(self) -> tuple[list[Actor], list[Mention]]:
        """Read every unit of the article once, then decide each entity's kind from all its uses."""
        if self.article.dateline is not None:
            self._dateline(self.article.dateline)
        for s in self.units:
            if s is self.article.dateline:
                continue
            # `Coach (Jane) Doe` is Jane Doe, the coach
            for m in _BRACKETED_FIRST.finditer(s.text) if "(" in s.text else ():
                full = f"{m.group(2)} {m.group(3)}"
                person = self.persons.setdefault(full, _Person(full))
                self.kinds.setdefault(full, "person")
                if m.group(1) in HEAD_ROLES and m.group(1) not in HONORIFICS and m.group(1) not in person.roles:
                    person.roles.append(m.group(1))
            for seq in self._sequences(s.text):
                seq = self._trim_initial(s.text, seq)
                # time words split a run: "Paris Monday"
                if seq:
                    self._classify(s, seq)
        self._resolve_singles()
        self._merge_short_names()
        self._resolve_acronyms()
        self._resolve_the_north()
        self._reclassify()
        return self._build()

    def _reclassify(self) -> None:
        """A name taken for a person that behaves like an organisation across the story, and has
        nothing of a person (no role, no title, no common given name), is an organisation:
        `The label's owner, Blue Lantern, which ...`, `property website Homefinder`, `X's shares`."""
        evidence: set[str] = set()
        located: dict[str, int] = defaultdict(int)  # `at Ferny Brook`, `the village of X`: where something is
        mentions: dict[str, int] = defaultdict(int)
        for sid, found in self.found.items():
            text = self.unit_text.get(sid, "")
            for f in found:
                if self.kinds.get(f.key) != "person":
                    continue
                mentions[f.key] += 1
                if _WHERE.search(text, max(0, f.start - 40), f.start) and not _POSSESSIVE_AFTER.match(text, f.end):
                    located[f.key] += 1
                noun = _WORD_BEFORE.search(text, f.start)
                if (
                    _WHICH_AFTER.match(text, f.end)
                    or _ORG_POSSESSIONS.match(text, f.end)
                    or (noun and noun.group(1) in ORG_NOUNS)
                    or (_after_comma(text, f.start) and search_before(_ORG_NOUN_BEFORE, text, f.start))
                    or _LISTED_BEFORE.search(text, f.start)
                    or (_ARTICLE_BEFORE.search(text, f.start) and _NEXT_LOWER.match(text, f.end))
                    or f.text.startswith("The ")  # people take no article: `The Harbour Times`, `the Comets`
                    or _THE_BEFORE.search(text, f.start)
                    or any(
                        g.kind == "person" and g.key != f.key and text[g.end : f.start] in (" of ", ", of ")
                        for g in found
                    )
                ):
                    evidence.add(f.key)
        places = {k for k, n in located.items() if 2 * n >= mentions[k]}  # where it is, at least every other time
        for key in sorted(evidence | places):
            person = self.persons.get(key)
            if person and (person.roles or key in self.honorific or given_name_pronoun(key)):
                continue
            kind: ActorKind = "place" if key in places and key not in evidence else "organization"
            self.kinds[key] = kind
            self.persons.pop(key, None)
            for found in self.found.values():
                for i, f in enumerate(found):
                    if f.key == key:
                        found[i] = _Found(key, kind, f.start, f.end, f.text, f.alias)

    def _resolve_singles(self) -> None:
        index: dict[str, set[str]] = defaultdict(set)
        for name in self.persons:
            for w in name.split():
                if w[:1].isupper() and w not in _NAME_PARTICLES:
                    index[w].add(name)
        for owners in index.values():  # `Ambassador Doe` or `Pat Doe` is the one `Patrick Doe`: not a second owner
            if len(owners) > _FEW:
                continue  # a word many people share resolves to no one anyway
            for short in [o for o in owners if any(_same_person(o, full) for full in owners if full != o)]:
                owners.discard(short)
        orgs: dict[str, set[str]] = defaultdict(set)
        for key, kind in self.kinds.items():
            if kind == "organization" and " " in key:  # "Kanemori" (Holdings), (Union Sportive) "Garonne"
                for w in {key.split()[0], key.split()[-1]}:
                    if w not in ORG_WORDS and w[:1].isupper() and self._lookup([w]) is None:
                        orgs[w].add(key)
        for sentence, tok, _initial in self.singles:
            if len(orgs.get(tok.text, ())) == 1 and tok.text not in index:
                self._add(sentence, next(iter(orgs[tok.text])), "organization", tok.start, tok.end)
                continue
            owners = index.get(tok.text, set())
            if len(owners) == 1:
                owner = next(iter(owners))
                self._add(sentence, owner, "person", tok.start, tok.end)
                if owner in self.persons:  # `His wife Ana, ...`: a role given with the short name
                    self._lower_case_title(sentence, tok.start, self.persons[owner])
            elif len(owners) > 1:
                pass  # a surname two people share names neither of them: left unlinked
            elif tok.text in self.terms or tok.text.lower() in STOPWORDS:
                continue
            elif _NEAR_BEFORE.search(sentence.text, tok.start) and not tok.possessive:
                self._add(sentence, tok.text, "place", tok.start, tok.end)  # "landed near Woomera"
            elif tok.text in HEAD_ROLES or tok.text in _NOT_NAMES or (_initial and _plural(tok.text, self.mid_caps)):
                continue  # `the Mayor said`, `Critics said`: a title or a plural common noun, no name
            elif tok.possessive or self._speaks(sentence.text, tok) or self._spoken_by(sentence.text, tok):
                self.persons.setdefault(tok.text, _Person(tok.text))
                self._add(sentence, tok.text, "person", tok.start, tok.end)
            elif _KIN_BEFORE.search(sentence.text, max(0, tok.start - 30), tok.start):
                self.persons.setdefault(tok.text, _Person(tok.text))  # `his son Jack`: a person's name
                self._add(sentence, tok.text, "person", tok.start, tok.end)
            elif self._names_a_thing(sentence.text, tok, _initial):
                # a name that is no one's: an organisation, brand or outlet (`posted on Zipline`,
                # `Norwind economist Jane Doe`)
                self._add(sentence, tok.text, "organization", tok.start, tok.end)

    def _names_a_thing(self, text: str, tok: Token, initial: bool) -> bool:
        """A lone capitalised word that is not a person's: mid-sentence, or opening the sentence
        before a role and a name (`Norwind economist Jane Doe`); not a common word, a month, a
        demonym or an adjective, and not inside a quote of its own (a title: `"Bambi"`)."""
        word = tok.text
        if any(c.isdigit() for c in word) or re.match(r"\s*-?\d", text[tok.end :]):
            return False  # `Kestrel-1`, `Apollo 11`: the name of a craft or a product
        if word.lower() in STOPWORDS or word in NON_ACTOR_ADJECTIVES or word in _TIME_WORDS or word in HEAD_ROLES:
            return False
        if word.lower() in word_list("thing_words")[""] or word in _NOT_NAMES or word.lower() in self.lower_words:
            return False
        if re.match(r"[\"“”]", text[tok.end : tok.end + 1]) and tok.start and text[tok.start - 1] in '"“”':
            return False
        if _SUBJECT_OF_VERB.match(text, tok.end):
            return False  # `said Berg would veto`: most likely a person named by surname; no guess
        if not _affiliation_word(word) and _before_role_and_name().match(text, tok.end):
            return False  # `Retired judge Jane Doe`: an adjective before a role
        return not initial or (_affiliation_word(word) and _before_role_and_name().match(text, tok.end) is not None)

    def _resolve_acronyms(self) -> None:
        """`INARE said` after `National Emergency Response Institute (INARE)`: the same organisation.
        An acronym whose owner is itself an acronym (`... Council (PTC) ... PTC (TC)`) goes to the
        name at the end of the chain; one in a loop of acronyms owning each other stays as it is."""
        for acronym, owner in self.acronym_owner.items():
            seen = {acronym}
            while owner in self.acronym_owner and owner not in seen:  # follow the chain to a name
                seen.add(owner)
                owner = self.acronym_owner[owner]
            if owner in seen:
                continue  # its own owner, or a loop: nothing to resolve it to
            for found in self.found.values():
                for i, f in enumerate(found):
                    if f.key == acronym:
                        found[i] = _Found(owner, "organization", f.start, f.end, f.text, f.alias)
            self.kinds.pop(acronym, None)

    def _merge_short_names(self) -> None:
        """`De Vries` (capitalised to open a sentence) is the `Sanne de Vries` named before; `Pat Doe`
        is the `Patrick Doe Jr.` of the same story (a first name that begins the other's)."""
        people = [k for k, kind in self.kinds.items() if kind == "person"]
        by_surname: dict[str, list[str]] = defaultdict(list)  # the people who share a last word
        for k in people:
            by_surname[_surname(k)].append(k)
        # each name by every ending that follows one of its spaces (`sanne de vries` under `de
        # vries` and `vries`), so the longer names ending in another are looked up, not searched
        by_ending: dict[str, list[str]] = defaultdict(list)
        for k in people:
            low = k.lower()
            for at, ch in enumerate(low):
                if ch == " ":
                    by_ending[low[at + 1 :]].append(k)
        merged: dict[str, str] = {}
        shared: dict[str, list[str]] = {}  # a surname alone that several people of the story have
        for short in people:
            surname = _surname(short)
            longer = [k for k in by_ending.get(short.lower(), []) if k != short and _surname(k) == surname]
            if not longer and len(short.split()) == 2:  # `Pat Doe`: only a two-word name is a shortened one
                longer = [k for k in by_surname.get(surname, []) if k != short and _shortened(short, k)]
            if len(longer) == 1:
                merged[short] = longer[0]
            elif longer and len(short.split()) == 1:
                shared[short] = longer
        if not merged and not shared:
            return
        texts = {s.id: s.text for s in self.units}
        for sid, found in self.found.items():
            for i, f in enumerate(found):
                if f.key in merged:
                    found[i] = _Found(merged[f.key], "person", f.start, f.end, f.text, f.alias)
                elif f.key in shared:
                    # `Mr Doe` where the story names Tom and Jane Doe: the one the honorific fits, else
                    # nobody (a `Doe` of its own would take the quotes of both)
                    honorific = _HONORIFIC_PRONOUN.search(texts[sid], max(0, f.start - 8), f.start)
                    if honorific is not None:
                        owner = self._fitting(shared[f.key], "he" if honorific.group(1) else "she")
                        found[i] = _Found(owner or "", "person", f.start, f.end, f.text, f.alias)
            found[:] = [f for f in found if f.key]
        left = {f.key for found in self.found.values() for f in found}
        for short in (*merged, *(k for k in shared if k not in left)):
            del self.kinds[short]
            self.persons.pop(short, None)

    @staticmethod
    def _fitting(names: list[str], pronoun: str) -> str | None:
        """The one of `names` whose given name is a `pronoun`'s (`he`: a man's), where every other
        is known to be the other sex's: a given name the list does not know may be either."""
        known = [given_name_pronoun(n) for n in names]
        if None in known or known.count(pronoun) != 1:
            return None
        return names[known.index(pronoun)]

    @staticmethod
    def _spoken_by(text: str, tok: Token) -> bool:
        before = search_before(r"(\w+)\s+$", text, tok.start)
        return bool(
            before and before.group(1) in SPEECH_VERBS and search_before(r"[\"”]\s*,?\s*\w+\s+$", text, tok.start)
        )

    def _resolve_the_north(self) -> None:
        """`the North` stands for the one country in the story whose name starts with North. The
        places are read once, before the text: adding a mention of a place changes no kind."""
        places = [k for k, kind in self.kinds.items() if kind == "place"]
        sole = {}
        for point in _COMPASS_POINTS:
            owners = [k for k in places if k.startswith(point + " ")]
            if len(owners) == 1:
                sole[point] = owners[0]
        if not sole:
            return  # no story text to read: `the North` would stand for nobody
        for s in self.units:
            for m in _THE_COMPASS_POINT.finditer(s.text):
                owner = sole.get(m.group(1))
                if owner is not None:
                    self._add(s, owner, "place", m.start(), m.end())

    def _build(self) -> tuple[list[Actor], list[Mention]]:
        order: dict[str, int] = {}
        surfaces: dict[str, list[str]] = defaultdict(list)
        mentions: list[Mention] = []
        registry = SlugRegistry()
        ids: dict[str, str] = {}
        for s in self.units:
            for f in sorted(self.found.get(s.id, []), key=lambda f: (f.start, -f.end)):
                if f.key not in order:
                    order[f.key] = len(order)
                    ids[f.key] = registry.claim(f.key, "actor")
                if f.end > f.start:
                    mentions.append(Mention(ids[f.key], Span(self.article.id, s.id, f.start, f.end), f.text))
                    if f.text != f.key and f.text not in surfaces[f.key] and self._alias_like(f):
                        surfaces[f.key].append(f.text)
        actors = []
        for key in sorted(order, key=order.__getitem__):
            kind = self.kinds[key]
            person = self.persons.get(key)
            roles = tuple(_dedupe_roles(person.roles)) if person else ()
            affiliation = ids.get(person.affiliation) if person and person.affiliation else None
            actors.append(Actor(ids[key], key, kind, roles, tuple(surfaces[key]), affiliation=affiliation))
        return actors, mentions

    @staticmethod
    def _alias_like(f: _Found) -> bool:
        """Names and metonyms are aliases; demonyms and phrases such as `French diplomacy` are only mentions."""
        return f.alias and (_SPACE_LOWER.search(f.text) is None or f.text.startswith("the "))


_COMPASS_POINTS = ("North", "South", "East", "West")
_THE_COMPASS_POINT = re.compile(r"\bthe (" + "|".join(_COMPASS_POINTS) + r")\b(?!\s+[A-Z])")


@lru_cache(maxsize=1)
def _before_role_and_name() -> re.Pattern[str]:
    """`Norwind economist Jane Doe`: a word before a role and a name is the organisation the role
    belongs to (compiled once, from the shipped role list)."""
    roles = "|".join(sorted(map(re.escape, ROLE_NOUNS), key=len, reverse=True))
    return re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}(?:" + roles + r")\s+[A-Z][a-z]")


def _is_role_noun(word: str, before: list[str]) -> bool:
    """A noun that names a role: in the role lists, an `-ist`, a hyphenated role (`actor-director`),
    or `general` after `director`, `secretary`, `attorney`, ... (`director general`)."""
    roles = ROLE_NOUNS
    if word == "general":
        return before[-1] in {"director", "secretary", "attorney", "inspector", "consul", "surgeon", "solicitor"}
    return word in roles or word.endswith("ist") or word.rsplit("-", 1)[-1] in roles


def _same_person(short: str, full: str) -> bool:
    """`Doe` or `Pat Doe` is a shorter form of `Patrick Doe Jr.`."""
    return full.lower().endswith(" " + short.lower()) or _shortened(short, full)


def _surname(name: str) -> str:
    """The last word of a name, a generational suffix left out, in lower case."""
    words = [w for w in name.split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")] or name.split()
    return words[-1].lower() if words else ""


def _affiliation_word(word: str) -> bool:
    """Whether a capitalised word before a role can be the organisation the role belongs to, not an
    adjective that opens the sentence (`Veteran actor X`, `Retired judge X`, `Local official X`)."""
    if word in ROLE_MODIFIERS or word.lower() in _ADJECTIVE_OPENERS:
        return False
    return not word.lower().endswith(("ed", "ing", "an", "al", "ic", "ive", "ous", "ary", "ful", "ent", "ant"))


_ADJECTIVE_OPENERS = frozenset(
    "top fellow former veteran retired local senior junior chief leading legendary famous".split()
)


def _plural(word: str, mid_caps: set[str]) -> bool:
    """`Critics`, `Witnesses`, `Prosecutors`: a capitalised plural common noun opening a sentence."""
    return len(word) > 4 and word.endswith("s") and not word.endswith("ss") and word not in mid_caps


def _shortened(short: str, full: str) -> bool:
    """`Pat Doe` for `Patrick Doe Jr.`: the same surname, a first name that begins the other's."""
    a = short.split()
    b = [w for w in full.split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")]
    return len(a) == 2 and len(b) >= 2 and a[-1] == b[-1] and len(a[0]) >= 3 and b[0] != a[0] and b[0].startswith(a[0])


def _dedupe_roles(roles: list[str]) -> list[str]:
    """`US Secretary of State` and `Secretary of State` are one role; keep the fuller wording."""
    norm = [r.replace(".", "").lower() for r in roles]
    out = []
    for i, r in enumerate(roles):
        n = norm[i]
        if any(j != i and (m.endswith(" " + n) or (m == n and j < i)) for j, m in enumerate(norm)):
            continue
        out.append(r)
    return out


def extract_actors(annotation: Annotation, terms: frozenset[str] = frozenset()) -> tuple[list[Actor], list[Mention]]:
    """The actors an article names and each of their mentions."""
    return ActorExtractor(annotation, terms).run()

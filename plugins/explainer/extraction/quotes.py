"""Direct quotes and who said them.

A quote keeps its words verbatim and its cue verb as written. The speaker is named only
when the sentence says who it is: `..." Doe added`, `warned Roe`, `X stated that
... "..."`, `according to X`. `he`/`she` resolves to a person only when exactly one
person fits (the one named nearby, else the last speaker); otherwise the quote stays
unattributed rather than credited to the wrong person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Actor, Article, Mention, Quote, Sentence, Span
from ..patterns import BEFORE
from .annotate import Annotation, QuotedPassage
from .attribution import ADVERB, POSSESSIVE, cue_after_apposition, only_leads, source_of, subject_of
from .vocabulary import ORG_NOUNS, ROLE_NOUNS, SPEECH_VERBS, given_name_pronoun

_PRONOUNS = {"he": "person", "she": "person"}
WALK = 12  # sentences a pronoun or a description may reach back
# Words that tell a person's pronoun when the story uses them: a title before the name or a role.
_SHE = re.compile(
    r"\b(?:Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess|Duchess|Sister|spokeswoman|chairwoman|"
    r"congresswoman|businesswoman|councilwoman|actress|mother|wife|daughter|sister|grandmother|widow)\b\.?",
    re.IGNORECASE,
)
_HE = re.compile(
    r"\b(?:Mr|Sir|Lord|King|Prince|Duke|Brother|spokesman|chairman|congressman|businessman|"
    r"councilman|father|husband|son|brother|grandfather|widower)\b\.?",
    re.IGNORECASE,
)
# the same words right before a name (`Ms Doe`), compiled once
_SHE_BEFORE = re.compile(_SHE.pattern + r"\s+$", re.IGNORECASE)
_HE_BEFORE = re.compile(_HE.pattern + r"\s+$", re.IGNORECASE)

# `he said` right before a cue verb (searched up to the verb, a few words back)
_PRONOUN_CUE = re.compile(r"\b(he|she|He|She)\s+" + ADVERB + r"$")


def _role_head(role: str) -> str:
    """The noun a role is headed by: `Police chief` -> chief, `US Secretary of State` -> secretary,
    `president of the University of X` -> president (`the police said` is no police chief)."""
    words = re.sub(r"\s+(?:of|to|for|at|in|on)\s.*$", "", role).split()
    return words[-1].lower() if words else ""


def _names_the_phrase(text: str, start: int, mention: Mention) -> bool:
    """Whether a person is the one the phrase after a cue names: not a possessor (`Y's lawyer`), and
    no preposition before it since the phrase's last comma (`a spokeswoman for Y`, `the mother of
    victim Y`; but `another witness in the probe, former adviser Y` names Y)."""
    if POSSESSIVE.match(text, mention.span.end):
        return False
    segment = text[start : mention.span.start].rsplit(",", 1)[-1]
    return re.search(r"\b(?:of|for|to|with|from|at|by|about|against)\b", segment) is None


# Between a closing mark and the speaker's name: a comma and the words of a role, nothing that speaks.
# (`..." in Russia, Jane Doe, ... told AFP`: a phrase that ends the quoted clause may come first)
_ROLE_WORDS_ONLY = re.compile(
    r"\s*(?:(?:in|at|on|to|from|for|of|with|by|about|over|into)\s+[^,\"“”]{1,60},)?\s*,?\s*"
    r"(?:(?!(?:in|at|on|to|from|for|of|with|by|about|over|into|and|or|but|that|which|who)\b)"
    r"(?:[A-Z][\w.’'-]*|[a-z][\w-]*)\s+){0,6}"
)


# After a subject: an apposition in commas or dashes, an adverb, then its verb (`X - who ... - said`).
_SUBJECT_CUE = re.compile(
    r"(?:,\s+[^,\"“”]{2,250},|\s+[-–—]\s+[^-–—\"“”]{2,250}\s+[-–—])?\s+(?:(?:also|then|later|again|\w+ly)\s+)?(\w+)"
)
# A person named after a role or kin noun and a preposition is not who the sentence is about:
# `a spokesman for X`, `the son of X`, `an adviser to X` (`came from X` is).
_OF_SOMEONE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|son|daughter|wife|husband|mother|father|brother|sister|family|friend|lawyer|"
    r"attorney|aide|adviser|advisor|assistant|representative|office|campaign|team|staff)\s+(?:for|of|to)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*\s+){0,3}$"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
# a sentence whose subject is somebody it does not name: `One diplomat said`, `Another senior official, who`
_TITLED_SUBJECT = re.compile(r"\W*(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+[A-Z]")
_UNNAMED_SUBJECT = re.compile(
    r"\W*(?:(?:But|And|Yet|Still|Then),?\s+)?(?:[Oo]ne|[Aa]nother|[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]ome|[Ss]everal|[Hh]is|[Hh]er|[Tt]heir)"
    r"((?:\s+[A-Za-z][\w-]*){1,4})"  # (`One Norlandic diplomat`: a capitalised modifier may come first)
)
# (`, though` opens a clause only where no comma closes it within a few words: `X, though tired, said`)
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but)\s+|,\s+(?:though|although)\s+(?![^,]{0,30},)|\s+while\s+")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote's sentence names as speaker (None: nobody certain) and its cue verb as written."""

    speaker: str | None
    cue: str | None


# `a company spokeswoman`, `one resident`, `her husband`: a determiner and lower-case words only
_UNNAMED_SPEAKER = re.compile(
    r"\s*,?\s*(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    r"((?:\s+[a-z][\w'’-]*){2,6})"
)


def _clauses(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut a sentence where a new clause may have its own speaker, never inside a quote."""
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        if not any(o < m.start() < c for o, c in quotes):
            cuts.append(m.end())
    cuts.append(len(text))
    return list(zip(cuts, cuts[1:]))


_PRONOUN_AFTER = re.compile(r"\s*,?\s*(he|she|He|She)\s+" + ADVERB + r"(\w+)")  # `..." he said`
_ORGANISATION_CUE = re.compile(
    r"\s*,?\s*(they|it|They|It|[Tt]he\s+(?:" + "|".join(ORG_NOUNS) + r"))\s+" + ADVERB + r"(\w+)"
)  # `..." the ministry said`
_ROLE_CUE = re.compile(
    r"\s*,?\s*(?:[Tt]he\s+([a-z-]+)\s+" + ADVERB + r"(\w+)|(\w+)\s+the\s+([a-z-]+)\b(?!['’]))"
)  # `..." the minister said`, `..." said the minister`
# `..." the Dane said`, `..." Doe said` where two people are named Doe: a speaker named or described,
# but not one actor of the story
_DESCRIBED_SPEAKER = re.compile(
    r"\s*,?\s*(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+" + ADVERB + r"(\w+)"
)
# `That was the verdict of X.`, `So said X.`: a sentence that names who said the quote before it
_POINTS_BACK = re.compile(
    r"(?:(?:That|This|Those|These|Such)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:verdict|view|message|words|"
    r"assessment|reaction|response|warning|opinion|take)\b|So\s+(?:said|says)\b)"
)
_CUE_FIRST = re.compile(r"\s*,?\s*(\w+)\s+(?:(?:de|van|von|der|da|du|al|bin|la|le)\s+)?")  # `..." said X`
_PHRASE_STOP = re.compile(r",\s+(?:who|which|whose|adding|saying|according)\b|\s+that\b|;|$")


class QuoteExtractor:
    """Quotes of one article, each credited only where the sentence's structure settles who spoke."""

    def __init__(self, annotation: Annotation, actors: Iterable[Actor], mentions: Iterable[Mention]) -> None:
        article = annotation.article
        self.annotation = annotation
        self.article = article
        actors = list(actors)
        self.kind = {a.id: a.kind for a in actors}
        self.roles = {a.id: a.roles for a in actors if a.kind == "person"}
        self.names = {a.id: a.name for a in actors}
        self.people = frozenset(a.id for a in actors if a.kind == "person")
        self.flat = list(article.sentences)
        self.flat_index = {sentence.id: i for i, sentence in enumerate(self.flat)}
        self.block_pos = {b: i for i, b in enumerate(sorted({s.block for s in self.flat}))}  # paragraph order
        self.by_sentence: dict[str, list[Mention]] = {}
        for m in mentions:
            self.by_sentence.setdefault(m.span.sentence, []).append(m)
        for ms in self.by_sentence.values():
            ms.sort(key=lambda m: m.span.start)
        units = article.units  # (a property that builds its tuple on every read)
        self.order = {s.id: i for i, s in enumerate(units)}
        self.first_seen: dict[str, int] = {}
        for s in units:
            for m in self.by_sentence.get(s.id, []):
                self.first_seen.setdefault(m.actor, self.order[s.id])
        self.gender = self._genders(article)
        self.last_speaker: str | None = None
        self.last_spoken: str | None = None  # the sentence of the last speaker's quote

    def _mention_at(self, sentence: Sentence, start: int, end: int) -> list[Mention]:
        return [m for m in self.by_sentence.get(sentence.id, []) if start <= m.span.start and m.span.end <= end]

    # -- attribution patterns ---------------------------------------------------------------

    def _according_to(self, sentence: Sentence, lo: int, hi: int, after: int) -> Attribution | None:
        """`..., according to X.` after the quotes, or `According to X, ...` opening the sentence."""
        text = sentence.text
        for acc in _ACCORDING.finditer(text, lo, hi):
            if acc.start() < after and not (acc.start() == lo == 0 and acc.group(0)[0] == "A"):
                continue
            return Attribution(source_of(text, acc, self.by_sentence.get(sentence.id, [])), "according to")
        return None

    def _after_quote(self, sentence: Sentence, close: int, hi: int) -> Attribution | None:
        """`..." Doe added`, `..." warned Roe`, `..." he said`, `..., X, president of Y, told AFP`."""
        text = sentence.text
        rest = text[close + 1 : hi]
        m = _PRONOUN_AFTER.match(rest)
        if m and m.group(2) in SPEECH_VERBS:
            return self._pronoun(sentence, m.group(1).lower(), m.group(2), close + 1 + m.start(1))
        m = _ORGANISATION_CUE.match(rest)
        if m and m.group(2) in SPEECH_VERBS:
            return Attribution(self._organisation_before(sentence, close + 1 + m.start(1)), m.group(2))
        m = _ROLE_CUE.match(rest)
        if m:
            noun, verb = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            if verb in SPEECH_VERBS and (owner := self._by_role(noun, sentence)):
                return Attribution(owner, verb)
        m = _CUE_FIRST.match(rest)
        if m and m.group(1) in SPEECH_VERBS and not m.group(1).endswith("ing"):  # `, saying X ...` is no cue for X
            # `said X`, `said Wales coach X`, `said another witness, former adviser X`: the person the
            # phrase after the verb names (not one in its possessive, `Y's lawyer X`), else what opens it
            start = close + 1 + m.end()
            stop = _PHRASE_STOP.search(text[start:hi])
            found = self._mention_at(sentence, start, start + stop.start() if stop else hi)
            people = [f for f in found if self.kind.get(f.actor) == "person" and _names_the_phrase(text, start, f)]
            if people:
                return Attribution(people[0].actor, m.group(1))
            if found and text[start : found[0].span.start].strip() in ("", "the"):
                return Attribution(found[0].actor, m.group(1))
            after = text[start:hi]
            pron = re.match(r"(he|she)\b", after)
            if pron:
                return self._pronoun(sentence, pron.group(1), m.group(1), start)
            if re.match(r"(?:the\s+)?[A-Z]", after):
                return Attribution(None, m.group(1))  # `said Doe` where two are named Doe: nobody certain
        # `..." Doe added`, `...," study author Jane Doe, a scientist at X in Y, Z, said`: the first
        # name after the quote, with at most a role before it, is the subject of the cue after it
        for named in self._mention_at(sentence, close + 1, hi):
            if not _ROLE_WORDS_ONLY.fullmatch(text[close + 1 : named.span.start]):
                continue
            verb = cue_after_apposition().match(text, named.span.end, hi)
            if verb:
                return Attribution(named.actor, verb.group(1))
        # `..." a company spokeswoman said`, `..." one resident told AFP`: a speaker the story does
        # not name. The cue is kept, the speaker stays unknown, and no earlier speaker is carried on.
        # only where the quote closes as speech does (`...," a resident said`), not a scare-quoted
        # word inside the sentence (`"patched" the software as the company continued`)
        closes_speech = text[:close].rstrip()[-1:] in (",", "?", "!") or rest.lstrip().startswith(",")
        m = _UNNAMED_SPEAKER.match(rest) if closes_speech else None
        words = m.group(1).split() if m else []
        verb = next((i for i, w in enumerate(words) if w in SPEECH_VERBS), None)
        if verb is not None and verb > 0:  # at least one word says who: `a spokeswoman said`
            return Attribution(None, words[verb])
        # `..." the Brazilian said`, `..." Doe said`: a speaker the story's actors do not settle
        m = _DESCRIBED_SPEAKER.match(rest) if closes_speech else None
        if m and m.group(1) in SPEECH_VERBS:
            return Attribution(None, m.group(1))
        return None

    def _sentence_final(self, sentence: Sentence, after: int, hi: int) -> Attribution | None:
        """`X was known for telling others "...", said another witness, former adviser Y.`: an
        attribution that closes the sentence, after its last quote, covers the quotes before it."""
        text = sentence.text
        m = re.search(r",\s+(said|says|told|added|wrote|testified)\s+([^\"“”;]{2,250}?)[.!?]?$", text[after:hi])
        if m is None:
            return None
        start = after + m.start(2)
        people = [
            f
            for f in self._mention_at(sentence, start, hi)
            if self.kind.get(f.actor) == "person" and _names_the_phrase(text, start, f)
        ]
        return Attribution(people[0].actor, m.group(1)) if people else None

    def _before_quote(self, sentence: Sentence, lo: int, open_: int) -> Attribution | None:
        """`X stated that ... "..."`, `X expressed "..."`, `He also noted that ... "..."`."""
        text = sentence.text
        words = list(re.finditer(r"\b(\w+)\b", text[lo:open_]))
        # a speech verb right after another is what that one reports (`said demand had been`), no cue
        verbs = [
            m
            for k, m in enumerate(words)
            if m.group(1) in SPEECH_VERBS and not (k and words[k - 1].group(1) in SPEECH_VERBS)
        ]
        for verb in reversed(verbs):
            at = lo + verb.start()
            pron = _PRONOUN_CUE.search(text, max(lo, at - BEFORE), at)
            if pron:
                return self._pronoun(sentence, pron.group(1).lower(), verb.group(1), pron.start())
            named = subject_of(text, at, self._mention_at(sentence, lo, at), self.people)
            if named is not None:
                # `X said Y had concluded that ... "..."`: two speakers before the quote, and the
                # sentence does not say whose words these are
                others = {
                    o.actor
                    for v in verbs
                    if v is not verb
                    and (
                        o := subject_of(
                            text, lo + v.start(), self._mention_at(sentence, lo, lo + v.start()), self.people
                        )
                    )
                }
                if others - {named.actor}:
                    return Attribution(None, verb.group(1))
                return Attribution(named.actor, verb.group(1))
        if verbs and lo == 0:  # the sentence's subject speaks: "The governor declined ..., saying ..."
            cue = verbs[0].group(1)
            subject = re.match(r"(?:[A-Z]\w+ly,\s+)?(?:(He|She)|[Tt]he\s+([a-z-]+))\b", text)
            if subject and subject.group(1):
                return self._pronoun(sentence, subject.group(1).lower(), cue, subject.start(1))
            if subject and subject.group(2):
                owner = self._by_role(subject.group(2), sentence)
                return Attribution(owner, cue) if owner else None
            if cue.endswith("ing"):  # `X attacked the plans, saying "..."`: the sentence's subject speaks
                first = next((m for m in self._outside(sentence, open_) if self.kind.get(m.actor) == "person"), None)
                if first is not None and self._is_subject(sentence, first):
                    return Attribution(first.actor, cue)
        return None

    def _outside(self, sentence: Sentence, limit: int) -> list[Mention]:
        """Mentions in the sentence before `limit`, outside quotes, in order."""
        return [
            m
            for m in self.by_sentence.get(sentence.id, [])
            if m.span.start < limit and not self._in_quote(sentence.id, m.span.start)
        ]

    def _is_subject(self, sentence: Sentence, mention: Mention) -> bool:
        """Whether a mention opens its sentence's main clause: only capitalised words (titles,
        organisations, `But`), determiners and a role's modifiers come before it (`Tory leader X
        said`, `But Mr X said`), after an opening phrase that ends with a comma. `Police praised X`
        and `During his speech X` do not: a lower-case word that is no role comes first."""
        before = sentence.text[: mention.span.start]
        for o, c in sorted(self.annotation.quoted.get(sentence.id, ()), reverse=True):
            if c <= mention.span.start:  # what is quoted is no part of the clause: `"...," Jane Doe said`
                before = before[:o] + before[c:]
        before = re.sub(r"^[\s,]+", "", before)
        before = re.sub(r"^[^,\"“”]{0,60},\s+", "", before)
        before = re.sub(r"^(?:[Tt]he\s+[a-z]+\b[^,]*,\s+)$", "", before)  # `The company that runs Y, X,`
        return only_leads(re.findall(r"[\w’'.-]+", before))

    def _organisation_before(self, sentence: Sentence, at: int) -> str | None:
        """The organisation a `they`, `it` or `the company` at offset `at` means: the subject of
        the nearest sentence before it that has one, passing over sentences that only quote or whose
        subject is the same kind of pronoun. Any other subject (a person, `Police think`) stops the
        search: nobody."""
        for s in self._walk_back(sentence, paragraphs=4):
            limit = at if s is sentence else len(s.text)
            outside = self._outside(s, limit)
            first = outside[0] if outside else None
            if first is not None and self.kind.get(first.actor) == "organization" and self._is_subject(s, first):
                return first.actor
            plain = s.text[:limit]
            for o, c in sorted(self.annotation.quoted.get(s.id, ()), reverse=True):
                plain = plain[:o] + plain[c:]
            if len(plain.split()) <= 3 or re.match(
                r"\W*(?:(?:Now|But|And|Then|So|Yet),?\s+)*(?:they|it)\b", plain, re.I
            ):
                continue
            return None
        return None

    def _by_role(self, noun: str, sentence: Sentence) -> str | None:
        """`the governor`: the one person named so far whose role, as the story gives it, is headed
        by that noun (a description points back, never to someone the story introduces later)."""
        here = self.order.get(sentence.id, len(self.order))
        owners = [
            a
            for a, roles in self.roles.items()
            if self.first_seen.get(a, here + 1) <= here and any(_role_head(r) == noun.lower() for r in roles)
        ]
        return owners[0] if len(owners) == 1 else None

    def _genders(self, article: Article) -> dict[str, str]:
        """`he` or `she` for people the story marks: `Ms Doe`, `spokeswoman Jane Doe`, a role."""
        out: dict[str, str] = {}
        for actor, roles in self.roles.items():
            text = " ".join(roles)
            if _SHE.search(text):
                out[actor] = "she"
            elif _HE.search(text):
                out[actor] = "he"
        for s in article.units:
            for m in self.by_sentence.get(s.id, []):
                if m.actor in self.roles and m.actor not in out:
                    before = s.text[max(0, m.span.start - 12) : m.span.start]
                    if _SHE_BEFORE.search(before):
                        out[m.actor] = "she"
                    elif _HE_BEFORE.search(before):
                        out[m.actor] = "he"
        return out

    def _fits(self, actor: str, pronoun: str) -> bool:
        known = self.gender.get(actor) or given_name_pronoun(self.names.get(actor, ""))
        return known is None or known == pronoun

    def _pronoun(self, sentence: Sentence, pronoun: str, cue: str, at: int) -> Attribution:
        """The person a `he` or `she` at offset `at` means, or nobody (see `_resolve_pronoun`)."""
        found_actor = self._resolve_pronoun(sentence, pronoun, at)
        if found_actor is not None:
            self.gender.setdefault(found_actor, pronoun)  # once called 'she', never 'he'
        return Attribution(found_actor, cue)

    def _spoke_since(self, sentence: Sentence) -> bool:
        """Whether the last speaker's quote came after `sentence` (within the walk back)."""
        return self.last_spoken is not None and self.flat_index.get(self.last_spoken, -1) > self.flat_index.get(
            sentence.id, -1
        )

    def _walk_back(self, sentence: Sentence, paragraphs: int) -> list[Sentence]:
        """The sentence and those before it, newest first: the rest of its paragraph and up to
        `paragraphs` paragraphs before, never more than `WALK` sentences (an antecedent is near;
        the bound keeps a paragraph of a thousand quotes linear)."""
        i = self.flat_index.get(sentence.id)
        if i is None:
            return [sentence]
        lowest = self.block_pos[sentence.block] - paragraphs
        out: list[Sentence] = []
        while i >= 0 and len(out) < WALK and self.block_pos[self.flat[i].block] >= lowest:
            out.append(self.flat[i])
            i -= 1
        return out

    def _unnamed_subject(self, sentence: Sentence, limit: int, pronoun: str) -> bool:
        """Whether the sentence, up to `limit`, opens with a person it does not name (`One
        diplomat`, `Another senior official`, `His father`) or names by a title and a name that is
        no actor (`Ms Doe`, two women being named Doe): a `he` after it may be that person. A
        description that one person named so far fits (`The minister`) is left to the walk back."""
        titled = _TITLED_SUBJECT.match(sentence.text, 0, limit)
        if titled and not any(
            m.span.start == titled.end() - 1 and self.kind.get(m.actor) == "person"
            for m in self.by_sentence.get(sentence.id, [])
        ):
            return True  # `Ms Doe won ...` where two women are named Doe: she is not one we know
        m = _UNNAMED_SUBJECT.match(sentence.text, 0, limit)
        if m is None:
            return False
        for word in m.group(1).split():
            noun = word[:-1] if word.endswith("s") and word[:-1] in ROLE_NOUNS else word
            if noun in ROLE_NOUNS:
                other = _HE if pronoun == "she" else _SHE  # `His father disapproved. She said`: not him
                return self._by_role(noun, sentence) is None and other.fullmatch(noun) is None
            if word in SPEECH_VERBS:
                break
        return False

    def _resolve_pronoun(self, sentence: Sentence, pronoun: str, at: int) -> str | None:
        """Walk back sentence by sentence, through this paragraph and the one before, to the first
        that names a person who fits the pronoun, outside quotes (a name inside a quote is not who
        speaks). A sentence whose subject is the same pronoun defers to the sentences before it
        (`And he hit back at Y's claim.`). One person who fits: that person; several: the last
        speaker if among them, else nobody. People the story marks with the other pronoun (by a
        title, a role, a given name or an earlier pronoun) never fit."""
        if _PRONOUNS.get(pronoun) != "person":
            return None
        same = re.compile(rf"\b{pronoun}\b", re.IGNORECASE)
        for s in self._walk_back(sentence, paragraphs=1):
            limit = at if s is sentence else len(s.text)
            people: list[tuple[int, str]] = []
            mentioned: dict[str, Mention] = {}
            oblique = False  # a person named as a possessor or after a preposition: not the subject
            for m in self.by_sentence.get(s.id, []):
                if (
                    m.span.start < limit
                    and self.kind.get(m.actor) == "person"
                    and not self._in_quote(s.id, m.span.start)
                ):
                    if POSSESSIVE.match(s.text, m.span.end) or _OF_SOMEONE.search(
                        s.text, max(0, m.span.start - 40), m.span.start
                    ):
                        oblique = oblique or self._fits(m.actor, pronoun)
                        continue  # `X's lawyer said`, `a spokesman for X`, `the son of X`: not X
                    people.append((m.span.start, m.actor))
                    mentioned.setdefault(m.actor, m)
            subject = next((p for p in same.finditer(s.text, 0, limit) if not self._in_quote(s.id, p.start())), None)
            if subject is not None and (not people or subject.start() < people[0][0]):
                continue  # the pronoun is this sentence's subject: its referent is further back
            fits = list(dict.fromkeys(a for _, a in people if self._fits(a, pronoun)))
            if oblique and not fits:
                return None  # the nearest sentence names someone only obliquely: no guess further back
            if not fits and self._unnamed_subject(s, limit, pronoun):
                return None  # `One diplomat said ..., an idea he described as "..."`: he is the diplomat
            if len(fits) == 1:
                one = fits[0]
                if one == self.last_speaker:
                    return one
                speaks = _SUBJECT_CUE.match(s.text, mentioned[one].span.end)
                if not self._is_subject(s, mentioned[one]) and not (speaks and speaks.group(1) in SPEECH_VERBS):
                    return None  # `Police arrested X. "...," he said.`: the one named is the object
                if self.last_speaker and self._fits(self.last_speaker, pronoun) and self._spoke_since(s):
                    return None  # someone else spoke just before: `he` may be either
                return one
            if len(fits) > 1:
                if self.last_speaker in fits:
                    # the last speaker, where the sentence is about them (`Okafor thanked Lasalle`),
                    # not where another is its subject (`Lasalle conceded, ... called Okafor`)
                    spoke = next(m for m in self._outside(s, limit) if m.actor == self.last_speaker)
                    return self.last_speaker if self._is_subject(s, spoke) else None
                first = next(m for m in self._outside(s, limit) if m.actor == fits[0])
                speaks = _SUBJECT_CUE.match(s.text, first.span.end)
                return fits[0] if self._is_subject(s, first) and speaks and speaks.group(1) in SPEECH_VERBS else None
        last = self.last_speaker
        if last and self.kind.get(last) == "person" and self._fits(last, pronoun):
            return last
        return None

    # -- the whole article ----------------------------------------------------------------

    def run(self) -> list[Quote]:
        """Every quoted passage of the article as a `Quote`, speaker or none."""
        located = list(self.annotation.passages)
        by_sentence: dict[str, list[QuotedPassage]] = {}
        for loc in located:
            by_sentence.setdefault(loc.sentence.id, []).append(loc)
        found: dict[int, Attribution] = {}  # id(located) -> its own attribution
        for sentence in self.article.sentences:
            here = by_sentence.get(sentence.id)
            if not here:
                continue
            pairs = [(loc.open, loc.close if loc.close is not None else loc.end) for loc in here]
            for lo, hi in _clauses(sentence.text, pairs):
                inside = [
                    loc for loc in here if lo <= loc.open and (loc.close if loc.close is not None else loc.end - 1) < hi
                ]
                if not inside:
                    continue
                for loc, attribution in zip(inside, self._attribute_clause(sentence, lo, hi, inside)):
                    found[id(loc)] = attribution
                    if attribution.speaker and self.kind.get(attribution.speaker) == "person":
                        self.last_speaker = attribution.speaker
                        self.last_spoken = sentence.id
        attributions = [found.get(id(loc), Attribution(None, None)) for loc in located]
        self._carry_on(located, attributions)
        quotes: list[Quote] = []
        for loc, attribution in zip(located, attributions):
            words = loc.sentence.text[loc.start : loc.end].strip()
            words = words[:-1].rstrip() if words.endswith(",") else words
            if not words:
                continue
            quotes.append(
                Quote(
                    id=f"{self.article.id}-q{len(quotes) + 1}",
                    article=self.article.id,
                    speaker=attribution.speaker,
                    text=words,
                    cue=attribution.cue,
                    span=Span(self.article.id, loc.sentence.id, loc.open, loc.stop),
                )
            )
        return quotes

    def _carry_on(self, located: list[QuotedPassage], found: list[Attribution]) -> None:
        """A passage with no attribution of its own keeps the speaker of the quotation it continues:
        the part before a repeated opening mark or in the paragraph before (both directions: a long
        quotation is often attributed only in its last paragraph), else the quote just before it in
        its paragraph when it opens a sentence of its own, or at the end of the paragraph before when it
        opens its own paragraph, as long as nobody else is named in between."""
        for i in range(len(located) - 1, 0, -1):  # a quotation attributed at its end
            if located[i].continues and found[i].speaker and not found[i - 1].speaker and not found[i - 1].cue:
                found[i - 1] = found[i]
        for i in range(1, len(located)):
            if found[i].speaker or found[i].cue:
                continue  # its own cue names nobody we can be sure of (`he said`, `a resident said`): it stays so
            prev, loc = located[i - 1], located[i]
            if not found[i - 1].speaker:
                continue
            opens_sentence = not loc.sentence.text[: loc.open].strip()
            same_paragraph = prev.paragraph == loc.paragraph and opens_sentence
            # the paragraph right after, with no subhead between (block numbers count subheads too)
            next_paragraph = loc.sentence.block == prev.sentence.block + 1 and loc.opens_paragraph
            if loc.continues or (
                (same_paragraph or next_paragraph)
                and not self._someone_between(prev, loc, found[i - 1].speaker)
                and not self._named_next(loc, found[i - 1].speaker)
            ):
                found[i] = Attribution(found[i - 1].speaker, found[i].cue or found[i - 1].cue)

    def _named_next(self, loc: QuotedPassage, speaker: str | None) -> bool:
        """Whether the quote is a sentence of its own and the next sentence of its paragraph points
        back at it and names someone else: `"...". That was the verdict of X.`, `"...". So said X.`"""
        sentence = loc.sentence
        k = self.flat_index[sentence.id] + 1
        if sentence.text[: loc.open].strip() or sentence.text[loc.stop :].strip(" .") or k >= len(self.flat):
            return False
        following = self.flat[k]
        if following.block != sentence.block or not _POINTS_BACK.match(following.text):
            return False
        return self._names_another(following, 0, len(following.text), speaker)

    def _names_another(self, sentence: Sentence, lo: int, hi: int, speaker: str | None) -> bool:
        """Whether a person other than `speaker` is named (outside quotes) at lo:hi of a sentence."""
        return any(
            lo <= m.span.start < hi
            and m.actor != speaker
            and self.kind.get(m.actor) == "person"
            and not self._in_quote(sentence.id, m.span.start)
            for m in self.by_sentence.get(sentence.id, [])
        )

    def _someone_between(self, a: QuotedPassage, b: QuotedPassage, speaker: str | None) -> bool:
        """Whether a person other than `speaker` is named (outside quotes) between two passages."""
        sentences = self.flat
        first, last = self.flat_index[a.sentence.id], self.flat_index[b.sentence.id]
        for k in range(first, last + 1):
            s = sentences[k]
            lo = (a.close + 1 if a.close is not None else a.end) if k == first else 0
            hi = b.open if k == last else len(s.text)
            if self._names_another(s, lo, hi, speaker):
                return True
        return False

    def _in_quote(self, sentence_id: str, offset: int) -> bool:
        return self.annotation.in_quote(sentence_id, offset)

    def _attribute_clause(self, sentence: Sentence, lo: int, hi: int, inside: list[QuotedPassage]) -> list[Attribution]:
        last = inside[-1]
        clause = self._according_to(sentence, lo, hi, last.close if last.close is not None else last.end)
        found: list[Attribution | None] = []
        final = self._sentence_final(sentence, last.close if last.close is not None else last.end, hi)
        for loc in inside:
            own = self._after_quote(sentence, loc.close, hi) if loc.close is not None else None
            if own is not None and own.speaker:
                found.append(own)  # `"...," Jane Doe said, according to a transcript`: she said it
                continue
            if own is None and not clause:
                own = final or self._before_quote(sentence, lo, loc.open)
            found.append(own if not clause else None)
        if clause and not any(a is not None and a.speaker for a in found):
            return [clause] * len(inside)
        named = [a for a in found if a is not None and a.speaker]
        fallback = named[0] if named else Attribution(None, None)
        out = []
        previous = lo
        for loc, a in zip(inside, found):
            if (a is None or not a.speaker) and (fallback.speaker or a is None):
                # inherit the clause's speaker, but keep the verb that introduces this quote
                verbs = [w for w in re.findall(r"\b(\w+)\b", sentence.text[previous : loc.open]) if w in SPEECH_VERBS]
                a = Attribution(fallback.speaker, verbs[-1] if verbs and fallback.speaker else fallback.cue)
            out.append(a)
            previous = (loc.close if loc.close is not None else loc.end) + 1
        return out


def extract_quotes(annotation: Annotation, actors: Iterable[Actor], mentions: Iterable[Mention]) -> list[Quote]:
    """The article's quotes, speakers resolved against its actors and mentions."""
    return QuoteExtractor(annotation, actors, mentions).run()

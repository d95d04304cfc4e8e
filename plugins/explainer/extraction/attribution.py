"""Who a sentence says speaks or claims: the rules quotes and figures share.

A speaker or claimant is named only where the structure of the sentence settles it: the subject
right before a cue verb (`Jane Doe, the mayor, said`), the name right after a closing quotation
mark and its cue (`..." study author Jane Doe, a chemist at X, said`), an `according to X`. A name
after a preposition (`the envoy to Britain accused`) or inside a possessive (`Y's lawyer X`) is
never the subject. The cue verb is kept as the story wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Mention
from ..patterns import BEFORE, Before
from .vocabulary import HEAD_ROLES, POST_NOMINALS, ROLE_MODIFIERS, ROLE_NOUNS, SPEECH_VERBS

ADVERB = r"(?:(?:also|then|later|again|further|previously|earlier|once|had|has|have|\w+ly)\s+)?"
POSSESSIVE = re.compile(r"['’]s?\b")
_PREPOSITIONS = r"\b(?:to|of|in|at|for|from|with|by|against|about|on|into|over|than)\s+(?:the\s+)?"
_PREPOSITION = Before(_PREPOSITIONS + "$", 2, re.IGNORECASE, reach=40)
# ... or before the name this one is coordinated with (`of Ardley and Vale Police`: Vale Police
# is governed by `of` too); read only after an `and` or `&`
_COORDINATED = Before(_PREPOSITIONS + r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:and|&)\s+(?:the\s+)?$", 8, re.IGNORECASE, reach=80)
# capitalised words, `and`, `of` or `&` between them: what names an organisation or a place
_PROPER_RUN = r"(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w.'’&-]*){0,6}"
# Between a subject and its verb: letters after the name (`KC`), a bracket or a party tag in
# commas (`(D-Ore.)`, `, R-Ore.,`), an apposition in commas, an adverb.
_GAP_HEAD = r"(?:\s+(?:" + "|".join(sorted(POST_NOMINALS)) + r"))?"
_GAP_TAIL = r"(?:,\s+[^,\"“”]{2,250},)?\s+" + ADVERB
_SUBJECT_GAP = re.compile(
    _GAP_HEAD + r"(?:\s*\([^)]{1,40}\)|,\s+[DR]-[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?" + _GAP_TAIL
)
# ... or where the person works (`of Ardley Police`, `at Norwind Capital`): read only for a name
# that opens its clause (`Analyst Jane Doe of X said`, not `Doctors treating Jane Doe at X said`)
_AFFILIATION_GAP = re.compile(_GAP_HEAD + r"\s+(?:of|at)\s+" + _PROPER_RUN + _GAP_TAIL)
# Lower-case words that may come before a clause's subject without being its verb.
LEADS = frozenset("the a an his her their its and but yet so then also former late then-".split())
_CLAUSE_START = re.compile(r"(?:^|[,;:\"“”(—–])\s*([^,;:\"“”(—–]*)$")
# between a mention and the one after it that describes it: `X, a Republican,`, `X, R-Ore.,`
_APPOSED = re.compile(r",\s+(?:(?:a|an|the)\s+)?")
# a comma and a title before a person's name: `The mayor, Councillor Jane Doe, said`
_TITLED_APPOSITION = Before(
    r",\s+(?:(?:"
    + "|".join(sorted(map(re.escape, HEAD_ROLES | ROLE_MODIFIERS), key=len, reverse=True))
    + r")\s+){1,3}$",
    4,
)
_ONE_WORD_GAP = re.compile(r"\s+[a-z]+\s+")  # `Kim then stated`, `Kim also said`
_ENCLOSED_GAP = re.compile(r",\s+" + ADVERB)  # `Argentina's President, Jane Doe, said`

# Verbs that report an act rather than a claim: they attribute a figure only with "that".
ACT_VERBS = frozenset(
    "declare declares declared announce announces announced pledge pledged promise promised call called calling "
    "condemn condemned criticize criticized criticise criticised urge urged demand demanded ask asked rule ruled "
    "find found vow vowed threaten threatened describe described express expressed accuse accused continue "
    "continued agree agreed deny denied".split()
)


def after_preposition(text: str, start: int) -> bool:
    """Whether the name at `start` is the object of a preposition (`ambassador to Britain`)."""
    return _PREPOSITION.search(text, start) is not None


def _coordinated(text: str, start: int) -> bool:
    """Whether the name at `start` follows `and` after a preposition's object (`of Ardley and
    Vale Police`): governed by that preposition too, where both names are of one kind."""
    before = text[max(0, start - 9) : start].rstrip().lower()
    if before.endswith("the"):
        before = before[:-3].rstrip()
    return before.endswith((" and", "&")) and _COORDINATED.search(text, start) is not None


def opens_clause(text: str, start: int) -> bool:
    """Whether the name at `start` opens its clause: only capitalised words (titles), determiners
    and a role noun with its lower-case modifiers stand between it and the clause's start (a
    comma, a quote mark, the sentence's start). `Analyst Jane Doe`, `Yet aviation analyst Jane
    Doe` do; `Doctors treating Jane Doe`, `In a case involving Jane Doe` do not."""
    m = _CLAUSE_START.search(text, max(0, start - BEFORE), start)
    words = m.group(1).split() if m else text[max(0, start - BEFORE) : start].split()
    while words and words[-1][:1].isupper():
        words.pop()  # titles right before the name: `Housing minister Lord X`
    return only_leads(words)


def only_leads(words: list[str]) -> bool:
    """Whether the words before a name can all open a clause whose subject it is: capitalised words
    (titles, organisations, `But`), determiners (`LEADS`), and a role noun at the end with its
    lower-case modifiers (`Tory leader`, `aviation analyst`); `Police praised` cannot."""
    k = len(words)
    if k and words[-1][:1].islower() and words[-1].rsplit("-", 1)[-1] in ROLE_NOUNS:
        while k and words[k - 1][:1].islower() and words[k - 1] not in LEADS:
            k -= 1  # the role and its lower-case modifiers
    return all(w[:1].isupper() or w[:1].isdigit() or w in LEADS for w in words[:k])


# Characters between a subject and its verb at most: a bracket (40), an apposition in commas
# (250) and an adverb, with room to spare; a mention farther back is never the subject.
SUBJECT_REACH = 400


def subject_of(
    text: str, verb_start: int, mentions: Sequence[Mention], people: frozenset[str] = frozenset()
) -> Mention | None:
    """The mention that is the subject of the cue verb at `verb_start`: the nearest before it that
    only an apposition, a bracket or an adverb separates from the verb, and no preposition governs.
    A person set off in commas (`Role, Jane Doe, said`) may stand right before the verb's comma;
    `people` holds the actor ids that are people."""
    before = [m for m in mentions if m.span.end <= verb_start]
    for i in range(len(before) - 1, -1, -1):
        mention = before[i]
        start = mention.span.start
        if verb_start - mention.span.end > SUBJECT_REACH or after_preposition(text, start):
            continue
        if _coordinated(text, start) and not (mention.actor in people and i and before[i - 1].actor not in people):
            continue  # `of Ardley and Vale Police said`; but `rain fell in Kenton and Jane Doe said` names her
        gap = text[mention.span.end : verb_start]
        enclosed = mention.actor in people and (
            text[max(0, start - 2) : start] == ", " or _TITLED_APPOSITION.search(text, start) is not None
        )
        if (
            _SUBJECT_GAP.fullmatch(gap)
            or _ONE_WORD_GAP.fullmatch(gap)
            or (enclosed and _ENCLOSED_GAP.fullmatch(gap))
            or (_AFFILIATION_GAP.fullmatch(gap) and opens_clause(text, start))
        ):
            if (
                i
                and gap[:1] == ","
                and mention.actor not in people
                and before[i - 1].actor in people
                and _APPOSED.fullmatch(text, before[i - 1].span.end, start)
                and opens_clause(text, before[i - 1].span.start)
            ):
                continue  # `X, a Republican, who ..., said`: what describes a person is not who speaks
            return mention
    return None


@lru_cache(maxsize=1)
def cue_after_apposition() -> re.Pattern[str]:
    """After a name: an apposition (commas inside it allowed) ending right before a cue verb."""
    verbs = "|".join(
        sorted(
            (v for v in SPEECH_VERBS if v.endswith(("s", "ed")) or v in ("said", "told", "wrote")),
            key=len,
            reverse=True,
        )
    )
    return re.compile(r"(?:,\s+[^\"“”;]{2,300}?,)?\s+" + ADVERB + r"(" + verbs + r")\b")


def according_to_end(text: str, after: int) -> int:
    """Where the source named after `according to` ends: the next comma, semicolon or full stop
    that ends a phrase (`according to the Civic Rights Council, ...`), else the sentence's end."""
    stop = re.search(r"[,;.]\s|[,;.]$|$", text[after:])
    return after + (stop.start() if stop else 0)


def according_to(text: str, start: int, end: int) -> re.Match[str] | None:
    """An `according to X` that governs the words at start:end: opening the sentence, or in their
    own comma-delimited segment, or opening the segment right after it."""
    if "ccording to" not in text:  # what every match below contains: most sentences have none
        return None
    seg_start = text.rfind(",", 0, start) + 1
    seg_end = text.find(",", end)
    seg_end = len(text) if seg_end == -1 else seg_end
    for acc in re.finditer(r"\b[Aa]ccording to\b", text):
        if acc.start() == 0 or seg_start <= acc.start() < seg_end:
            return acc
        if acc.start() > seg_end and not text[seg_end + 1 : acc.start()].strip():
            return acc
    return None


def source_of(text: str, acc: re.Match[str], mentions: Sequence[Mention]) -> str | None:
    """The actor an `according to` names: the last mention before its phrase ends."""
    stop = according_to_end(text, acc.end())
    found = [m for m in mentions if acc.end() <= m.span.start < stop]
    return found[-1].actor if found else None

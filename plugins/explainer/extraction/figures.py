"""Key figures: quantities as written, qualifier kept, never derived.

`up to 300 Dutch engineers` gives value `up to 300 Dutch engineers`,
number 8000, qualifier `up to`, unit `soldiers`. Years, dates, ordinals, times and
numbers inside names (`Apollo 11`, `Covid-19`) are not figures.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..model import Actor, Article, Figure, FigureSource, Mention, Quote, Sentence, Span
from ..patterns import (
    BEFORE,
    Before,
    fold,
    matched_at,
    search_before,
    tail_start,
    trie_pattern,
    tries_after,
    word_before,
)
from ..slugs import SlugRegistry
from .attribution import ACT_VERBS, according_to, source_of, subject_of
from .vocabulary import (
    CHANGE_VERBS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    HEDGES,
    IRREGULAR_VERBS,
    MEASURE_UNITS,
    MONTH_PATTERN,
    NUMBER_WORDS,
    QUALIFIERS,
    SCALES,
    SETTING_VERBS,
    SPEECH_VERBS,
    STOPWORDS,
    VAGUE_AMOUNTS,
)

_Q = r"[\"“”]?"
# word lists as tries (`patterns.trie_pattern`): the same matches as a longest-first alternation,
# but a handful of branches tried at each position instead of every word of the list
_QUALIFIER = (
    r"(?P<qual>\b(?:within\s+the\s+(?:next|past|last|coming)|"  # `within the next 24 hours`; `over the next` is no bound
    + trie_pattern(QUALIFIERS)
    + r")\s+)?"
)
_CURRENCY = r"(?P<cur>US\$|[$€£¥₩₹])?"
_DIGITS = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_WORDNUM = r"(?P<word>\b" + trie_pattern(NUMBER_WORDS) + r")\b"
_VAGUE = r"(?P<vague>\b" + trie_pattern(VAGUE_AMOUNTS) + r"\b)(?=\s+of\s)"
_SCALE = (
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|bln)\b|(?P<scale2>[mb]n?)\b"
    r"|(?P<glued>ft|km|kg|cm|mm|mph|kph|lbs?|p)\b)?"
)
# Units written onto the number: `30ft`, `7p`; `m` is metres unless a currency makes it millions.
_GLUED = {"ft": "feet", "km": "kilometres", "kg": "kilograms", "cm": "centimetres", "mm": "millimetres",
          "mph": "mph", "kph": "kph", "lb": "pounds (weight)", "lbs": "pounds (weight)", "p": "pence", "m": "metres"}  # fmt: skip
_PERCENT = r"(?P<pct>\s*%|\s+percent\b|\s+per\s+cent\b|\s+percentage\s+points?\b)?"

# Where a figure can start: every branch below opens with a word at a word boundary, or with a
# digit, a quote mark or a currency sign; checked first, it turns down the inside of words (most of
# a sentence) at one character instead of trying every branch there, and matches exactly what they
# match alone.
_START = r'(?:(?<!\w)|(?=[\d"“”$€£¥₩₹]|US\$))'
FIGURE = re.compile(
    _START
    + _QUALIFIER
    + _Q
    + r"(?:(?:"
    + _CURRENCY
    + _DIGITS
    + r"|"
    + _WORDNUM
    + r")"
    + _SCALE
    + _PERCENT
    + r"|"
    + _VAGUE
    + r")",
    re.IGNORECASE,
)
# FIGURE in lower case (`US$` is its only capital), searched case-sensitively in the folded text
# (`patterns.fold`): the same spans, found faster, since the engine compares characters as they
# are; FIGURE is then matched at each to read its parts as written (`patterns.matched_at`)
_FIGURE_FOLDED = re.compile(FIGURE.pattern.replace("US\\$", "us\\$"))
# every figure has a digit, a number word or a vague amount: a sentence without any skips FIGURE;
# the words are looked for case-sensitively in the folded text (`patterns.fold`), where the engine
# skips to the letters they start with
_DIGIT = re.compile(r"\d")
# (`_WORDNUM` or `_VAGUE`, opening with their letters: see `patterns.tries_after`)
_NUMBER_WORD = re.compile(tries_after([(NUMBER_WORDS, r"\b"), (VAGUE_AMOUNTS, r"\b(?=\s+of\s)")], r"\w"))


# what a figure holds before its digits or number word: a qualifier (`within the next`, or a word
# list's longest entry), then the run the number opens with a quote mark or currency sign before it
_RUNS_BEFORE_NUMBER = max(3, *(len(q.split()) for q in QUALIFIERS)) + 1


def _figure_scan_start(text: str, low: str) -> int | None:
    """Where in `text` (folded: `low`) FIGURE can first match: where the runs a figure holds
    before its first digit, number word or vague amount begin; None where there is none of
    them, and so no figure. Searched from there, FIGURE finds what it finds from the sentence's
    start, without trying each position of the words before the sentence's first number."""
    digit = _DIGIT.search(text)
    # a number word before the digit (its `\b` and look-ahead read no further than the digit)
    word = _NUMBER_WORD.search(low, 0, digit.start() if digit else len(low))
    first = word or digit
    if first is None:
        return None
    return tail_start(text[: first.start()], _RUNS_BEFORE_NUMBER)


_NOUN = re.compile(r"\s*[\"“”]?\s*((?:[A-Z][\w’'-]*\s+){0,3}[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})")
_STOP_AFTER = frozenset(
    [
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "as",
        "that",
        "which",
        "who",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "than",
        "more",
        "less",
        "per",
        "each",
    ]
)
# Words that end the noun phrase after a number: adverbs and common irregular past-tense verbs.
_PHRASE_END = frozenset(
    [
        "worldwide",
        "nationwide",
        "across",
        "ago",
        "apart",
        "away",
        "overall",
        "ahead",
        "each",
        "apiece",
        "total",
        "alone",
        "annually",
        "so",
        "too",
        "spent",
        "made",
        "took",
        "went",
        "came",
        "lost",
        "left",
        "fell",
        "rose",
        "held",
        "kept",
        "paid",
        "built",
        "sold",
        "bought",
        "fled",
        "hit",
        "cut",
        "set",
        "won",
        "ran",
        "saw",
        "gave",
        "got",
        "grew",
        "knew",
        "began",
        "became",
        "brought",
        "stood",
        "sent",
        "met",
        "led",
        "fought",
        "struck",
        "drove",
        "flew",
        "swept",
        "remain",
        "live",
        "sank",
        "sunk",
        "broke",
        "shot",
        "froze",
        "hid",
        "lay",
        "rode",
        "stole",
        "last",
        "towards",
        "toward",
        "shortly",
        "earlier",
        "later",
        "this",
        "next",
    ]
)
_UNITS = MEASURE_UNITS | frozenset(["centimetres", "millimetres", "milligrams", "grams", "metre", "kilometre"])
_AUX = re.compile(r"^(?:(?:are|is|were|was|have|has|had|been|being|be|will|would|could|also)\s+)+")
_TEXT = re.compile(r"\S")  # any text at all (searched from the sentence's start, it stops at the first)
# what `_is_excluded` reads around a number, compiled once: it reads them for every number
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME = re.compile(r"[:.]\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|GMT\b|UTC)")
_GLUED_NAME = re.compile(r"[A-Za-z]|-[A-Z]")
_TICKER = re.compile(r"\.[A-Z]{1,3}\)")  # `(7203.T)`, `(0700.HK)`: a stock code and its exchange
_WORD_CHAR = re.compile(r"\w")
# read back from a number (`Before`: each spans the runs of non-space characters it is given)
_MONTH_BEFORE = Before(rf"\b{MONTH_PATTERN}\.?\s+$", 1)
_CAPITALISED_BEFORE = Before(r"([A-Z][\w-]*)\s+$", 1)
_UNIT_BEFORE = Before(r"\b([a-z]+)([- ])$", 1)
_LABEL_BEFORE = Before(r"\b(?:a|an|the|its|their|his|her)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:of|at|to|by)\s+$", 4)
_DETERMINER_BEFORE_WORD = Before(r"\b(?:the|these|those|all)\s+$", 1, re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s+{MONTH_PATTERN}\b")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_NEXT_CAPITAL = re.compile(r"\s+[A-Z]")


def _glued_before(text: str, start: int) -> bool:
    """Whether a word is glued to the number at `start`: a letter or digit right before it, or a
    capitalised word and a hyphen (`Covid-19`). Read from the one character before where it can
    be: a search back over the sentence for every number cost more than the rest of the test."""
    glued = text[start - 1 : start]
    if glued == "-":  # `Covid-19`, and a ranking band, `a top-10 player`
        return search_before(r"(?:[A-Z][\w]*|\b[Tt]op)-$", text, start) is not None
    if glued == ":":  # the minutes of a clock time, `at 7:45`
        return text[start - 2 : start - 1].isdigit()
    if glued == "/":  # a season or a financial year, `the 2024/25 season`
        return _YEAR.fullmatch(text[max(0, start - 5) : start - 1]) is not None
    return bool(glued) and _WORD_CHAR.match(glued) is not None


# capitalised words whose number names a kind or a stage, not a quantity
_KIND_LABELS = frozenset({"Type", "Category", "Phase", "Stage", "Grade", "Level", "Class", "Tier", "Step"})
# (the same in lower case, but for the common words `level`, `class` and `step`)
_KIND_WORDS = frozenset(w.lower() for w in _KIND_LABELS) - {"level", "class", "step"}
_UNIT_WORDS = MEASURE_UNITS | CURRENCY_WORDS  # what a year-like number may count: `2024 tonnes`


def _is_excluded(text: str, m: re.Match[str]) -> bool:
    start, end = m.start("num") if m.group("num") else m.start(), m.end()
    # what follows is read at `end` (every pattern here opens with a character, not a look-behind)
    num = m.group("num")
    spaced = text[start - 1 : start].isspace()  # what the patterns read back need
    before = word_before(text, start) if spaced else ""  # (read once: several rules ask)
    if num:
        # what follows: an ordinal (2nd), a time, a name glued on (G20, F-16s), a month (5
        # November), an age or a relative date (`_NUMBER_AFTER`, one pattern for the five)
        if _NUMBER_AFTER.match(text, end):
            return True
        if _glued_before(text, start):  # a number glued to a name: Covid-19
            return True
        if spaced and _MONTH_BEFORE.search(text, start):
            return True  # a date: November 5
        if _YEAR.fullmatch(num) and not m.group("cur") and not m.group("pct"):
            nxt = _NEXT_WORD.match(text, end)
            if not (nxt and nxt.group(1) in _UNIT_WORDS):
                return True  # a year
        prev = _CAPITALISED_BEFORE.search(text, start) if spaced else None
        if (prev and prev.group(1) in _KIND_LABELS) or before in _KIND_WORDS:
            return True  # `Type 2 diabetes`, `a Category 4 storm`, `phase 3 trials`: a kind, not a count
        if (
            prev
            and not m.group("qual")
            and not m.group("cur")
            and prev.group(1) not in {"Some", "About", "Over", "Nearly", "Up", "More", "At", "Around"}
        ):
            if prev.start() > 0:
                return True  # inside a name (not the sentence's first word): Apollo 11, Boeing 737
    if m.group("word") and fold(m.group("word")) == "hundred":
        return True
    if (
        m.group("word")
        and m.group("word")[0].isupper()
        and _NEXT_CAPITAL.match(text, end)
        and _TEXT.search(text, 0, start)
    ):
        return True  # a number word inside a name: the Five Counties Cup, Radio Four
    if not num and _JUNK_AFTER.match(text, end):  # (a number's was read in `_NUMBER_AFTER`)
        return True
    # every `_JUNK_BEFORE` branch ends in one of its last words and spaces right before the number:
    # nothing to read back otherwise
    if before in _JUNK_LAST_WORDS and _JUNK_BEFORE.search(text, max(0, start - BEFORE), start):
        return True
    if before in ("to", "and") and _AGE_RANGE_TOP.search(text, start):
        return True
    if num and (before in _REFERENCE_WORDS or (before in _DIAL_VERBS and num in _DIALLED)):
        return True  # `quoting reference 1324`, `call 999`: a number to dial or quote, no quantity
    if (
        num
        and before in ("was", "is", "be", "been")
        and not (m.group("cur") or m.group("pct") or m.group("scale") or m.group("qual"))
        and _CLAUSE_END.match(text, end)
        and _AGE_IS.search(text, start)
    ):
        return True  # `She was 91.`
    return False


# What makes a number something other than a quantity of the story, read around it:
# an age (`a 52-year-old`, `aged 26`, `, 31,` after a name: see `_is_age`), a relative date
# (`three years ago`, `six days later`, `in five years' time`), a compound adjective that counts
# nothing (`one-off`, `two-bit`, `24-carat`, `3-pointer`), a bond's tenor (`a 30-year bond`).
_JUNK_AFTER = re.compile(
    r"(?:-|\s)years?-old\b|\s+years?\s+old\b|-years?\s+(?:(?:government|treasury|benchmark|sovereign|corporate)\s+)?"
    r"(?:bond|note|yield|gilt|treasury|treasuries|loan)s?\b"
    r"|\s+(?:years?|months?|weeks?|days?|hours?|decades?|centuries)\s+(?:ago|later|earlier)\b"
    r"|\s+(?:years?|months?|weeks?|days?)['’]s?\s+time\b"
    r"|-(?:off|bit|way|time|sided|carat|pointer|year-old|years-old|hander|all|tier|horse|man|term|weekly|monthly|yearly)\b"
    r"|-(?:state\s+solution|party\s+(?:system|state|rule))\b"  # set phrases of politics, not counts
    r"|\s+or\s+(?:above|older|over|younger)\b",
    re.IGNORECASE,
)
_JUNK_BEFORE = re.compile(
    r"\b(?:aged|ages|age|turned|turns|turning)\s+(?:between\s+)?$"
    r"|\b(?:boy|girl|man|woman|child|son|daughter|baby|teenager|toddler)\s+of\s+$"
    r"|\b(?:children|people|anyone|those|adults|teenagers|kids)\s+(?:under|over|aged)\s+$"
    r"|\bage\s+of\s+$",  # `at the age of 49`
    re.IGNORECASE,
)
# the top of an age range: `aged 40 to 79` (read only after `to` or `and`)
_AGE_RANGE_TOP = Before(r"\b(?:aged|ages(?:\s+of)?)\s+\d+\s+(?:to|and)\s+$", 5, re.IGNORECASE)
# `She was 91.`: a bare number after a person's `was` or `is`, ending the clause, is an age
_AGE_IS = Before(r"\b(?:[Hh]e|[Ss]he)\s+(?:was|is|will\s+be|would\s+have\s+been)\s+$", 4)
_CLAUSE_END = re.compile(r"\s*(?:[.,;!?]|$)")
# emergency and police numbers dialled (`call 999`, `dialled 911`) and a case's reference
_DIALLED = frozenset({"911", "999", "112", "101", "111", "000"})
_DIAL_VERBS = frozenset("call called calling calls dial dialled dialed dialling dialing ring rang phoned phone".split())
_REFERENCE_WORDS = frozenset({"reference", "ref"})
# every check `_is_excluded` reads right after a number, as one pattern: it matches where any of
# them does (each keeps its own case-sensitivity), read in one call instead of five
_NUMBER_AFTER = re.compile(
    "|".join(
        f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
        for p in (_ORDINAL, _TIME, _GLUED_NAME, _TICKER, _MONTH_AFTER, _JUNK_AFTER)
    )
)
# the words `_JUNK_BEFORE` can end in, right before the number's spaces
_JUNK_LAST_WORDS = frozenset({"aged", "ages", "age", "turned", "turns", "turning", "between", "of", "under", "over"})
# `_PHONE_START` turns down at once, as `_START` does, the positions where no branch can begin (the
# engine still steps through them, but tests one character there instead of every branch)
_PHONE_START = r"(?=[\d(+])"
_PHONE = re.compile(
    _PHONE_START + r"(?:(?<![\d,.])0\d{2,4}(?:[ -]\d{1,4}){2,}(?![\d,])"  # 0845 8 505 505
    r"|\(\d{3}\)\s*\d{3}-\d{4}"  # (202) 555-0143
    r"|\+\d{1,3}(?:[ -]\d{1,4}){2,}"  # +44 20 7946 0958
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b)"  # 9/11, 3/14/2025: dates, not quantities
)
# every `_PHONE` match holds a bracket, a plus, a slash, or a 0 that opens a number: a sentence
# with none (most) is not searched (the 0 is found by its literal, which the engine skips to)
_OPENING_ZERO = re.compile(r"0(?<![\d,.]0)\d")


def _may_have_phone(text: str) -> bool:
    """Whether `text` has what every phone number and slashed date `_PHONE` finds has."""
    return "(" in text or "+" in text or "/" in text or _OPENING_ZERO.search(text) is not None


_STREET = re.compile(
    r"\s+(?:[NSEW]\.\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Drive|Dr|Place|Pl|Lane|Ln|Blvd|Boulevard|Way|Court|Ct)\b"
)


def _metres(text: str, m: re.Match[str]) -> bool:
    """A bare `10m` is ten metres only where a length is meant: `5m high`, `the 400m race`,
    `30ft (10m)`; elsewhere (`1.2m subscribers`) the scale it may be is never guessed."""
    if m.group("cur") or (m.group("scale2") or "").lower() != "m":
        return False
    return bool(_LENGTH_AFTER.match(text, m.end()) or search_before(r"(?:ft|feet|foot|inches)\s*\($", text, m.start()))


_LENGTH_AFTER = re.compile(
    r"\)|\s+(?:high|tall|long|wide|deep|away|below|above|underground|race|sprint|relay|freestyle|hurdles|"
    r"metres?|meters?|square|from|of\s+(?:water|snow|rain))\b"
)
# After a change, a number is the level it reached: `fell 0.5% to $1.27` is no range.
_CHANGE_BEFORE = re.compile(
    r"\b(?:from|rose|fell|rises|falls|rising|falling|climbed|dropped|jumped|slid|grew|gained|lost|increased|"
    r"decreased|declined|cut|raised|up|down)\s+(?:by\s+)?$"
)


_AFTER_AGE = re.compile(r"\s*(?:,|\)|of\b|and\b|$)")  # `Jane Doe, 32,`, `(32)`, `32, of`
_NOUN_COMMA_BEFORE = re.compile(r"\b[a-z]{3,},\s*$")
_COMMA_SPACE = re.compile(r",\s")


def _is_age_or_address(text: str, m: re.Match[str], people_ends: set[int]) -> bool:
    """`Jane Doe, 32, of Fairview` (an age after a person's name) and `of 1119 Elm St.` (a house number)."""
    if not m.group("num") or m.group("cur") or m.group("pct") or m.group("qual") or "." in m.group("num"):
        return False
    start = m.start("num")
    before = text[:start].rstrip()
    before = before[:-1].rstrip() if before.endswith((",", "(")) else before
    if len(before) in people_ends and _AFTER_AGE.match(text, m.end()):
        return True
    if _NOUN_COMMA_BEFORE.search(text[max(0, start - 20) : start]) and _COMMA_SPACE.match(text, m.end()):
        if int(float(m.group("num").replace(",", ""))) < 120:
            return True  # `a man, 52, and a woman, 48,`: an age set off in commas after a noun
    return _STREET.match(text, m.end()) is not None


def _number(m: re.Match[str]) -> float | None:
    if m.group("vague"):
        return None
    if m.group("num"):
        value = float(m.group("num").replace(",", ""))
    else:
        value = float(NUMBER_WORDS[fold(m.group("word"))])  # folded as FIGURE matched it: `ſix` is six
    scale = fold(m.group("scale") or (m.group("scale2") if m.group("cur") else "") or "")
    if scale:
        value = _scaled(value, SCALES.get(scale, 1))
    return value if math.isfinite(value) else None  # 400 nines overflow to inf: not a number JSON can carry


def _scaled(value: float, scale: float) -> float:
    """`value` times `scale` as the story writes it: `4.1 billion` is 4100000000, where binary
    floating point makes it 4099999999.9999995 (both are read in decimal, as written)."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


# what `_unit_and_label` reads after a number, compiled once (it reads them for every number)
_WHAT_AFTER = re.compile(r"\s+(?:in|for|of|on)\s+((?:[\w-]+\s*){1,4})")  # `$5m for flood defences`
_HYPHEN_UNIT = re.compile(r"-(?:(?:thousand|million|billion|trillion)-([a-z]+)|([a-z]+))\b")
_OF_OPENING = re.compile(r"^\s+of\s+")
_PER = re.compile(r"\s+per\s+[a-z]+\b")
_PHRASE_BREAK = re.compile(r"[,;:.\"“”()]")


def _unit_and_label(sentence: Sentence, m: re.Match[str]) -> tuple[str | None, str, int]:
    """The unit (head noun after the number) and a short label of what is counted."""
    text = sentence.text
    if m.group("pct"):
        # `a 9% raise`, `a 4.5% pay rise`: a percentage used as a modifier says what it measures
        attributive = _DETERMINER_BEFORE.search(text, m.start()) and _head_noun(text[m.end() :])
        label = attributive or _label_before(text, m.start()) or _copula_subject(text, m.start())
        return "percent", label or "percentage", m.end()
    glued = m.group("glued") or (m.group("scale2") if _metres(text, m) else None)
    if glued:  # `30ft`, `10m`, `7p`
        unit = _GLUED[fold(glued)]
        return unit, _label_before(text, m.start()) or unit, m.end()
    if m.group("cur"):
        unit = _iso(CURRENCY_SYMBOLS.get(m.group("cur"), "currency"))
        after = _WHAT_AFTER.match(text, m.end())
        label = after.group(1).strip() if after else (_label_before(text, m.start()) or unit)
        return unit, _trim(label), m.end()
    rest = text[m.end() :]
    hyphen = _HYPHEN_UNIT.match(rest)
    if hyphen:  # "a 6.9-magnitude earthquake", "a 10-year prison sentence", "a 48-million-euro barrier"
        # `-million-euro`: the scale is part of the number and the currency is the unit
        unit = _iso(hyphen.group(1)) if hyphen.group(1) else hyphen.group(2)
        label = _head_noun(rest[hyphen.end() :]) or unit
        return unit, label, m.end() + hyphen.end()
    if m.group("vague"):
        rest = _OF_OPENING.sub(" ", rest)
        skip = m.end() + (len(text[m.end() :]) - len(rest))
    else:
        skip = m.end()
    noun = _NOUN.match(rest)
    if not noun:
        return None, _label_before(text, m.start()) or "figure", m.end()
    words = noun.group(1).split()
    digit = (
        next((i for i, w in enumerate(words) if any(map(str.isdigit, w))), None)
        if any(map(str.isdigit, noun.group(1)))  # (rarely: read word by word only then)
        else None
    )
    if digit is not None:  # `six Skylark K400 jets`: a model number is not part of what is counted
        words = words[:digit]
        if not words:
            return None, _label_before(text, m.start()) or "figure", m.end()
    caps = sum(1 for w in words if w[0].isupper())
    for i in range(caps + 1, len(words)):  # "25 basis points", "five board members"; stop at a verb or function word
        w = words[i].lower()
        if (
            w in _STOP_AFTER
            or w in SPEECH_VERBS
            or w in _PHRASE_END
            or w.endswith(("ed", "ing"))
            or words[i - 1].lower() in _UNITS
        ):
            words = words[:i]
            break
    rest_len = len(" ".join(words))
    noun_end = noun.start(1) + rest_len
    if words[-1].lower() in _STOP_AFTER or words[-1].lower() in SPEECH_VERBS:
        return None, _label_before(text, m.start()) or "figure", m.end()
    lower = [w for w in words if not w[0].isupper()]
    unit = " ".join(lower) if lower else words[-1]  # "basis points", "board members"; demonyms left out
    per = _PER.match(rest, noun_end)
    if per:  # "12 kilometres per second"
        unit += per.group(0).rstrip()
        noun_end = per.end()
    end = skip + noun_end
    if lower and (lower[-1].lower() in _UNITS or lower[-1].lower() in CURRENCY_WORDS or lower[-1].lower() in _ISO):
        return _iso(unit), _label_before(text, m.start()) or unit, end
    tail = _AUX.sub("", _PHRASE_BREAK.split(text[end:] + ".", maxsplit=1)[0].strip())
    label = " ".join([*words, *tail.split()[:7]])
    return unit, _trim(label), end


# ISO 4217 codes for currency names that name one currency only; others stay as written.
_ISO = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY",
    "yuan": "CNY", "won": "KRW", "soles": "PEN", "naira": "NGN", "rand": "ZAR", "reais": "BRL",
    "roubles": "RUB", "rubles": "RUB", "shekels": "ILS", "lira": "TRY", "hryvnias": "UAH",
}  # fmt: skip


def _iso(unit: str) -> str:
    return _ISO.get(unit.lower(), unit)


_DETERMINER_BEFORE = Before(r"\b(?:a|an|the|its|their|his|her|this|that)\s+$", 1, re.IGNORECASE)


_HEAD_NOUN = re.compile(r"\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})")


def _head_noun(rest: str) -> str | None:
    """The noun phrase right after a modifier (`pay rise` in `% pay rise on Monday`): up to three
    lower-case words, ending before a function word, a verb form or a cue verb."""
    m = _HEAD_NOUN.match(rest)
    words = m.group(1).split() if m else []
    for i, w in enumerate(words):
        if (
            w in _STOP_AFTER
            or w in STOPWORDS
            or w in _PREPOSITIONS
            or w in SPEECH_VERBS
            or w in _PHRASE_END
            or w.endswith(("ed", "ing", "ly"))
            or w in _AUX_WORDS
        ):
            words = words[:i]
            break
    return " ".join(words) or None


_PREPOSITIONS = frozenset(
    {"along", "over", "near", "beside", "behind", "off", "out", "up", "down", "past", "per", "than", "like", "versus"}
)
_AUX_WORDS = frozenset(
    {"are", "is", "were", "was", "have", "has", "had", "been", "be", "will", "would", "could", "can", "may"}
)


_COPULA_BEFORE = Before(r"(?:^|[,;]\s+|\b(?:The|the)\s+)([A-Za-z][a-z]+)\s+(?:was|is|were|stood\s+at|reached)\s+$", 4)


def _copula_subject(text: str, end: int) -> str | None:
    """`Turnout was 61%` -> `turnout`: a one-word subject before `was`, `is` or `stood at` (`end`)."""
    m = _COPULA_BEFORE.search(text, end)
    if (
        m is None
        or m.group(1).lower() in _STOP_AFTER
        or m.group(1).lower() in ("it", "this", "that", "he", "she", "they")
    ):
        return None
    return m.group(1).lower()


# -- a label from the figure's own clause, where the words after it say nothing ----------------

# searched in the folded text (`patterns.fold`): case-insensitive, it tried every position; at
# any position at most one branch can match, and each is as long as it is, so a search that
# stops at a figure finds the same openings before it as a search of the whole sentence
_CLAUSE_OPEN = re.compile(r"[,;:(\"“”—–]|\s-\s|\b(?:that|which|who|while|as|after|before|when|and|but|if|with)\s")
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "a", "an", "this", "these", "those", "our", "your"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "you", "i", "this", "that", "these", "those", "which", "who"})
_AUX_CHANGE = frozenset({"has", "have", "had", "will", "would", "could", "may", "might", "is", "are", "was", "were",
                         "be", "been", "also", "only", "further", "sharply", "slightly", "steadily", "again"})  # fmt: skip
_SET_UNITS = frozenset(
    {"percent", "points", "basis points", "percentage point", "percentage points"}
)  # what rates move by
_NP_PREPOSITIONS = frozenset({"of", "for", "in", "at", "on", "across", "among", "within"})  # inside a noun phrase
_NP_WORD = re.compile(r"[\w'’.&-]+")
_LINKING = frozenset({"were", "are", "was", "is", "reside", "resided", "live", "lived", "voted", "said", "say",
                      "says", "have", "had", "own", "owned", "used", "use", "support", "supported", "oppose", "opposed"})  # fmt: skip


def _noun_phrase_back(words: list[str], limit: int = 4) -> list[str]:
    """The noun phrase that ends `words` (up to `limit` content words): it stops at a determiner,
    a function word, a pronoun or a verb form, which are not part of what is counted, but reads on
    over `of`/`for`/`in` (`turnover for the quarter`, `sales in the north`). The object of `told`
    is not part of it (`told MPs child benefit` -> `child benefit`)."""
    out: list[str] = []
    i = len(words)
    content = 0
    while i > 0:
        w = words[i - 1]
        low = w.lower()
        if low in _DETERMINERS or low in _NP_PREPOSITIONS:
            # `for the quarter`, `in north`: a prepositional phrase inside the noun phrase, if a noun
            # comes before it; `prep` is where its preposition must stand
            prep = i - 2 if low in _DETERMINERS else i - 1
            if out and prep >= 1 and words[prep].lower() in _NP_PREPOSITIONS and _content(words[prep - 1]):
                out[:0] = words[prep:i]
                i = prep
                continue
            break
        head_noun = not out and low.endswith("ing") and low not in IRREGULAR_VERBS  # `lending fell`
        if content == limit or not (_content(w) or head_noun):
            break
        out.insert(0, w)
        content += 1
        i -= 1
    if out and i > 0 and words[i - 1].lower() in ("told", "tell", "tells", "telling") and len(out) > 1:
        out = out[1:]
    while out and out[0].lower() in _NP_PREPOSITIONS:
        out = out[1:]
    return out


def _content(w: str) -> bool:
    """A word that can belong to what a figure counts: not a function word, pronoun or verb form."""
    low = w.lower()
    return not (
        low in STOPWORDS
        or low in _PRONOUNS
        or low in SPEECH_VERBS
        or low in CHANGE_VERBS
        or low in SETTING_VERBS
        or low in IRREGULAR_VERBS
        or low.endswith(("ed", "ing", "ly"))
        or not any(c.isalpha() for c in w)
    )


def _bare(label: str, unit: str | None) -> bool:
    """A label that only repeats the unit (`percentage`, `dollars` for USD): it says nothing of
    what the figure counts."""
    return label in ("percentage", "figure", "fraction") or (
        unit is not None and (label == unit or _iso(label) == unit)
    )


_SETTING = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?:its|their|the|his|her|a|an)\s+(?P<np>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
    r"\s+(?:by\s+[^,;]{1,40}?\s+)?(?P<prep>to|at|by)\s+$"
)


def _setting_label(before: str) -> str | None:
    """`cut its benchmark rate by 25 basis points to 2.5%`: the object of a setting verb is what
    the figure after `to` or `at` measures, and the figure after `by` is its change."""
    # every setting ends in `to`, `at` or `by` right before the figure: nothing to search otherwise
    setting = _SETTING.search(before) if word_before(before, len(before)) in ("to", "at", "by") else None
    if setting and setting.group("verb") in SETTING_VERBS:
        np = setting.group("np").split()
        if all(w.lower() not in STOPWORDS and w.lower() not in _PRONOUNS for w in np):
            label = " ".join(np)
            return f"{label} {setting.group('verb')} by" if setting.group("prep") == "by" else label
    return None


def _clause_before(text: str, start: int, opens: list[int]) -> str:
    """The words of the clause of a figure at `start`, up to the figure; `opens` are where the
    sentence's clauses open (`_CLAUSE_OPEN` ends, found once per sentence)."""
    k = bisect_right(opens, start)
    return text[opens[k - 1] if k else 0 : start]


_OWNER_OF = re.compile(r"(?:^\s*|\b(?:a|an|the|its|their|his|her)\s+)((?:[\w'’-]+\s+){0,2}[\w'’-]+)\s+of\s+$")
_SHARE_OF = re.compile(r"\s+of\s+((?:(?:the|its|their|his|her|all)\s+)?[\w'’.&-]+(?:\s+[\w'’.&-]+){0,5})")
_SAYS_OF_THEM = re.compile(r"\s+([a-z]+)\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?=[,;.]|\s+(?:and|but|while)\b|$)")


def _clause_label(before: str, text: str, end: int, percent: bool) -> str | None:
    """What a figure counts, read from its own clause (`before` it, then the words after `end`)
    when the words right after it say nothing (`8%`, `£5m`) and no setting verb names it: the
    thing that changed (`passenger numbers rose 8%` -> `passenger numbers rose`), or for a share
    what it is a share of (`40% of the total debt` -> `of the total debt`) or what it says of them
    (`12% were under 30` -> `were under 30`). Only words of the clause, as written, in their
    order; None if none fit."""
    words = _NP_WORD.findall(before)
    low = [w.lower() for w in words]
    # `passenger numbers rose 8%`, `lending fell by 4%`, `turnover was up 4%`, `will rise to 9%`
    i = len(low)
    prep = low[i - 1] if i and low[i - 1] in ("by", "to", "from") else ""
    i -= bool(prep)
    verb: list[str] = []
    if i >= 2 and low[i - 1] in ("up", "down") and low[i - 2] in ("was", "were", "is", "are"):
        verb, i = words[i - 2 : i], i - 2
    elif i and low[i - 1] in CHANGE_VERBS:
        verb, i = words[i - 1 : i], i - 1
        while i and low[i - 1] in _AUX_CHANGE | {"to"}:  # `expects the economy to grow 2%`
            verb.insert(0, words[i - 1])
            i -= 1
    if verb:
        np = _noun_phrase_back(words[:i])
        if np:
            return " ".join([*np, *verb, *([prep] if prep else [])])  # as written, capitals included
        return None
    owner = _OWNER_OF.search(before) if word_before(before, len(before)) == "of" else None
    if owner and (np := _noun_phrase_back(owner.group(1).split(), 3)) and len(np) == len(owner.group(1).split()):
        return " ".join(np)  # `the March high of 21%`, `a record of £5m`
    after = text[end:]
    if percent:
        share = _SHARE_OF.match(after)
        if share:
            kept = ["of"]
            for w in share.group(1).split():
                if kept[1:] and not _content(w.rstrip(",.;:")) and w.lower() not in _DETERMINERS | {"of", "all"}:
                    break  # `of the island's homes lost power`: the verb is not part of it
                if not any(ch.isalnum() for ch in w):
                    break  # `of the total debt - had`: a dash closes the phrase
                kept.append(w.rstrip(",.;:"))
                if w[-1:] in ",.;:":
                    break
            while kept and kept[-1].lower() in ("of", "the", "its", "their", "his", "her", "all"):
                kept.pop()
            return " ".join(kept) if len(kept) > 1 else None
        says = _SAYS_OF_THEM.match(after)
        if says and says.group(1) in _LINKING:
            return f"{says.group(1)} {says.group(2)}"
    return None


def _label_before(text: str, start: int) -> str | None:
    """`a depth of at least 35 kilometres` -> `depth`."""
    m = _LABEL_BEFORE.search(text, start)
    return m.group(1) if m else None


def _trim(label: str) -> str:
    words = label.split()
    while words and words[-1].lower() in _STOP_AFTER:
        words.pop()
    return " ".join(words)


# a whole word that is a speech verb (all are letters only), as one trie: the engine skips the
# words that start no verb instead of a word-by-word lookup in Python
_SPEECH_VERB = re.compile(r"\b(" + trie_pattern(SPEECH_VERBS) + r")\b")


def _speech_verbs(text: str) -> list[re.Match[str]]:
    """The sentence's speech verbs, found once for all its figures."""
    return list(_SPEECH_VERB.finditer(text))


# a clause of the story's own after a cue: a relative clause on something named, or a time clause
_NARRATION = re.compile(
    r",\s*(?:which|who|whose|where|when|while)\b|\b(?:after|before|when|while|as)\s+(?:the|a|an|his|her|their|its)\b"
)


_COMMA_BEFORE = Before(r",\s+(?:the\s+)?$", 2)  # `, the X said`
_CUE_BEFORE = Before(r",\s+(said|says|told|added|reported)\s+$", 2)  # `, said X.`


_THAT_SOON = re.compile(r"(?:\s+\S+){0,3}?\s+that\b")  # `declared that`, `announced on Monday that`
_THAT = re.compile(r"\bthat\b")


class _Claims:
    """Who states a sentence's figures: what that depends on only through the sentence (its cue
    verbs, each verb's subject, its narration clauses, a closing `, X said`) is worked out once
    for all its figures, so a sentence of many figures, names and verbs stays linear."""

    def __init__(self, sentence: Sentence, mentions: list[Mention], people: frozenset[str]) -> None:
        self.text = sentence.text
        self.mentions = mentions  # in the order they start
        self.people = people
        self.subjects: dict[int, Mention | None] = {}  # verb start -> its subject, read once per verb
        self.starts = [x.span.start for x in mentions]
        # read on first use (plain attributes: `functools.cached_property` takes a lock per read)
        self._verbs: list[re.Match[str]] | None = None
        self._verb_ends: list[int] = []  # where each verb ends, in order (the verbs do not overlap)
        self._narration: list[tuple[int, int]] | None = None
        self._last_closing: tuple[Mention | None] | None = None

    @property
    def verbs(self) -> list[re.Match[str]]:
        """The sentence's speech verbs (read only if a figure has no `according to`)."""
        if self._verbs is None:
            self._verbs = _speech_verbs(self.text)
            self._verb_ends = [v.end() for v in self._verbs]
        return self._verbs

    def subject_at(self, verb_start: int) -> Mention | None:
        """The subject of the cue verb at `verb_start` (see `attribution.subject_of`)."""
        if verb_start not in self.subjects:
            self.subjects[verb_start] = subject_of(self.text, verb_start, self.mentions, self.people)
        return self.subjects[verb_start]

    @property
    def narration(self) -> list[tuple[int, int]]:
        """Where the sentence's narration clauses are (read only if a cue verb comes before a figure)."""
        if self._narration is None:
            self._narration = [(n.start(), n.end()) for n in _NARRATION.finditer(self.text)]
        return self._narration

    @property
    def last_closing(self) -> Mention | None:
        """The last mention that closes the sentence as its source (read only if a figure needs it)."""
        if self._last_closing is None:
            self._last_closing = (next((x for x in reversed(self.mentions) if self._closes(x)), None),)
        return self._last_closing[0]

    def claimant(self, start: int, end: int) -> tuple[str | None, bool]:
        """Who the sentence says states the figure at start:end (an adjacent `according to X`,
        else the speaker), and whether that attribution is an `according to`."""
        text = self.text
        acc = according_to(text, start, end)
        if acc:
            return source_of(text, acc, self.mentions), True
        verbs = self.verbs
        for verb in reversed(verbs[: bisect_right(self._verb_ends, start)]):  # the verbs before the figure
            between = text[verb.end() : start]
            if verb.group(1) in ACT_VERBS and not _THAT_SOON.match(between):
                continue  # "Lima declared a state of emergency for 60 days": an act, not a claim
            narration = self.narration
            aside = next((e for s, e in narration if s >= verb.end() and e <= start), None) if narration else None
            if aside is not None and not _THAT.search(text[aside:start]):
                break  # `X told reporters after the vote, which passed 31 to 9`: the story's own words, no claim
            subject = self.subject_at(verb.start())
            if subject is not None:
                return subject.actor, False
        return self._trailing(end), False

    def _closes(self, x: Mention) -> bool:
        """Whether `x` closes the sentence as its source: `..., killing at least 37 people, the
        National Emergency Response Institute (INARE) said.`"""
        if not _COMMA_BEFORE.search(self.text, x.span.start):
            return False
        verb = re.match(
            r"(?:\s*\([^)]{1,40}\))?\s+(?:\w+ly\s+)?(\w+)\b"  # ", the Central Electoral Board said"
            r"(?:[^,;\"“”]*[.!]?$|(?:\s+(?:on|in|at)\s+[\w ]{1,24}?)?\s*,\s+[a-z]+ing\b)",  # ", setting up ..."
            self.text[x.span.end :],
        )
        return bool(verb and verb.group(1) in SPEECH_VERBS and verb.group(1) not in ACT_VERBS)

    def _trailing(self, end: int) -> str | None:
        """The source a closing attribution after `end` names: the last mention that closes the
        sentence, else a `, said X.` ending on the first mention after the figure."""
        if self.last_closing is not None and self.last_closing.span.start >= end:
            return self.last_closing.actor
        k = bisect_left(self.starts, end)
        if k == len(self.mentions):
            return None
        first = self.mentions[k]
        if _CUE_BEFORE.search(self.text, first.span.start) and re.fullmatch(
            r"[.!]?", self.text[first.span.end :].strip()
        ):
            return first.actor
        return None


# any hedge at all, in one pass; the first listed that the sentence has is the one reported
_ANY_HEDGE = re.compile(r"\b" + trie_pattern(HEDGES) + r"\b")
# case-sensitive, so the month "May" and a sentence-initial name are not hedges
_EACH_HEDGE = tuple((h, re.compile(rf"\b{re.escape(h)}\b")) for h in HEDGES if h != "according to")


def _hedge(text: str) -> str | None:
    """The sentence's hedge, if any (`according to` is the claimant's, set where it is read)."""
    if not _ANY_HEDGE.search(text):
        return None
    # (a hedge found at word boundaries is in the text: the substring test skips the search for most)
    return next((h for h, pattern in _EACH_HEDGE if h in text and pattern.search(text)), None)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A quantity read in a sentence: `start:core` the number as written (qualifier, currency,
    scale, percent), `start:end` with what it counts."""

    start: int
    core: int
    end: int
    number: float | None
    qualifier: str | None
    unit: str | None
    label: str
    digits: bool = True


_FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fifth": 1 / 5, "tenth": 1 / 10,
              "thirds": 1 / 3, "quarters": 1 / 4, "fifths": 1 / 5}  # fmt: skip
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_FRACTION = re.compile(
    _QUALIFIER
    + r"\b(?:(?P<pt>(?:a\s+)?(?:quarter|half))-point\b"
    + r"|(?P<a>a|one|two|three)[\s-](?P<part>half|thirds?|quarters?|fifths?|tenth)(?=\s+(?:of|more|less|fewer)\b|[-\s]point\b|[,.;]|$)"
    + r"|(?P<whole>\d+|one|two|three|four|five|six|seven|eight|nine|ten)-and-a-half\b"
    + r"|one\s+in\s+(?P<in>\d+|two|three|four|five|six|seven|eight|nine|ten)\b"
    + r"|(?P<half>half)(?=\s+(?:of|the|a|an|were|was|are|is|had|have)\b|[,.;]|$)"
    + r")",
    re.IGNORECASE,
)


_THE_NEXT = re.compile(r"\s+the\s+\w+$")


def _qualifier(m: re.Match[str]) -> str | None:
    """`Within the next` -> `within`: the qualifier as a word of the figure, lower-cased."""
    qual = m.group("qual")
    return _THE_NEXT.sub("", qual.strip()).lower() if qual else None


# every fraction has one of these words: a sentence whose folded text has none skips the long pattern
_HALF_A_SCALE = re.compile(
    r"\s+an?\s+(?:dozen|hundred|thousand|million|billion|trillion|century|decade|year|month|week|day|hour|minute|mile)\b",
    re.IGNORECASE,
)
_FRACTION_HINT = re.compile(r"half|third|quarter|fifth|tenth|one\s+in\s")


def _may_have_fraction(low: str) -> bool:
    """Whether the folded text `low` has a fraction's word: most sentences have none of the
    words the hint needs, found by substring search without the engine."""
    return (
        "half" in low or "third" in low or "quarter" in low or "fifth" in low or "tenth" in low or "one" in low
    ) and _FRACTION_HINT.search(low) is not None


# _FRACTION as written (it has no capital letter) searched case-sensitively in the folded text,
# as `_FIGURE_FOLDED` is: every branch opens with a word at a word boundary, so the look-behind
# turns down the inside of words at one character; _FRACTION is then matched at each to read its parts
_FRACTION_FOLDED = re.compile(r"(?<!\w)" + _FRACTION.pattern)


def _fractions(text: str, low: str) -> list[_Candidate]:
    """`a third of`, `one-third`, `just over half`, `one in three`, `two-and-a-half years`, `a
    quarter-point`; `low` is the text folded (`patterns.fold`)."""
    out: list[_Candidate] = []
    if not _may_have_fraction(low):
        return out
    for m in matched_at(_FRACTION, _FRACTION_FOLDED, text, low):
        if search_before(r"\b(?:first|second|the|in)\s+$", text, m.start(), re.IGNORECASE) and m.group("half"):
            continue  # `the first half`, `in half`: not a share of anything
        qualifier = _qualifier(m)
        unit: str | None = "fraction"
        if m.group("part"):
            # the words are read folded, as the case-insensitive pattern matched them
            n = _SMALL.get(fold(m.group("a")), 1)
            number = n * _FRACTIONS[fold(m.group("part"))]
        elif m.group("whole"):
            w = fold(m.group("whole"))
            number = (float(w) if w.isdigit() else _SMALL[w]) + 0.5
            noun = re.match(r"\s+([a-z]+)", text[m.end() :])
            unit = noun.group(1) if noun else None
        elif m.group("in"):
            w = fold(m.group("in"))
            if _YEAR.fullmatch(w) and not _NEXT_WORD.match(text, m.end()):
                continue  # `number one in 2016`: a year, not one in 2,016 of anything
            number = 1 / (float(w) if w.isdigit() else _SMALL[w])
        elif m.group("pt"):
            number, unit = _FRACTIONS[fold(m.group("pt")).split()[-1]], "percentage point"
        else:
            if _HALF_A_SCALE.match(text, m.end()):
                continue  # `half a million tonnes`, `half a century`: an amount, not a share; never read as 0.5
            number = 0.5
        end = m.end()
        counted = re.match(r"\s+[a-z]+", text[end:]) if unit not in ("fraction", "percentage point") else None
        if counted:
            end += len(counted.group(0))
        out.append(_Candidate(m.start(), m.end(), end, number, qualifier, unit, unit or "fraction", False))
    return out


_TALLY_BEFORE = Before(
    r"\b(?:voted|passed|approved|rejected|won|lost|led|leads|leading|trailed|trailing|beat|defeated|drew)\s+$",
    1,
    re.IGNORECASE,
)
_SCORE_WORDS = frozenset(
    "win victory defeat loss lead deficit draw scoreline result over with in to at on after before vote votes margin".split()
)


def _ranges(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """`3% to 3.5%`, `$20-30 billion`, `four to six services`: one figure, with no single number
    (none is derived); `24-18 win`, `112-107 over`: a score, not a figure."""
    out: list[_Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        joint = text[a.core : b.start] if b else ""
        dash = joint.strip() in ("-", "–")
        if (
            b
            and b.qualifier is None
            and joint in (" to ", " or ", "-", "–", " - ")
            and not _CHANGE_BEFORE.search(text, max(0, a.start - 30), a.start)
            and (a.unit == b.unit or a.unit is None or dash or (joint == " or " and a.unit.startswith("or ")))
        ):
            noun = re.match(r"\s+([a-z]+)", text[b.core :])
            counted = noun and noun.group(1) not in _SCORE_WORDS and noun.group(1) not in _STOP_AFTER
            if (
                dash
                and a.digits
                and b.digits
                and a.unit is None
                and (not counted or _TALLY_BEFORE.search(text, a.start))
            ):
                i += 2  # a score, or a vote's tally (`voted 19-14 early Thursday`)
                continue
            out.append(_Candidate(a.start, b.core, b.end, None, a.qualifier, b.unit or a.unit, b.label, a.digits))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


# Numbers read per sentence: the corpus's busiest sentence has 9 and real copy stays far below
# this; a sentence of hundreds (a pasted table, hostile input) is read for its first ones only, so
# that the work per sentence, where each number's context is read, stays bounded.
NUMBERS_PER_SENTENCE = 40


_AND_A_HALF = re.compile(r"-and-a-half\b")
_HYPHEN_SCALE = re.compile(r"-(thousand|million|billion|trillion)\b")
_SPACES = re.compile(r"\s+")


def extract_figures(
    article: Article, actors: Iterable[Actor], mentions: Iterable[Mention], quotes: Iterable[Quote] = ()
) -> list[Figure]:
    """Every figure in the body; one inside a quote is claimed by the quote's speaker."""
    kinds = {a.id: a.kind for a in actors}
    people = frozenset(a for a, kind in kinds.items() if kind == "person")
    quoted: dict[str, list[Quote]] = {}
    for q in quotes:
        quoted.setdefault(q.span.sentence, []).append(q)
    by_sentence: dict[str, list[Mention]] = {}
    for x in mentions:
        by_sentence.setdefault(x.span.sentence, []).append(x)
    found: list[tuple[str, float | None, str | None, str | None, str, FigureSource]] = []
    for sentence in article.sentences:
        text = sentence.text
        low = fold(text)
        fractions = _fractions(text, low)
        scan_from = _figure_scan_start(text, low)
        if not fractions and scan_from is None:
            continue  # no number in any form: nothing else of the sentence is read
        ms = sorted(by_sentence.get(sentence.id, []), key=lambda x: x.span.start)
        people_ends = {x.span.end for x in ms if kinds.get(x.actor) == "person"}
        short_quotes = [q for q in quoted.get(sentence.id, []) if len(q.text.split()) <= 5]
        cands: list[_Candidate] = []
        # phone numbers and fractions are read whole: none of their parts is a figure of its own
        held = [(p.start(), p.end()) for p in _PHONE.finditer(text)] if _may_have_phone(text) else []
        held += [(c.start, c.end) for c in fractions]
        dropped: set[int] = set()  # where numbers read as no figure end: `England 2-1` drops the `1` too
        numbers = matched_at(FIGURE, _FIGURE_FOLDED, text, low, scan_from) if scan_from is not None else iter(())
        for m in itertools.islice(numbers, NUMBERS_PER_SENTENCE):
            num, word, qual = m.group("num", "word", "qual")  # read once: each rule below asks
            if num and m.start("num") - 1 in dropped and text[m.start("num") - 1] in "-–":
                continue  # the second half of a score or name whose first half is no figure
            if not (num or word or m.group("vague")) or _is_excluded(text, m):
                if num:
                    dropped.add(m.end("num"))
                continue
            if any(a <= m.start("num" if num else 0) < b for a, b in held):
                continue
            if _is_age_or_address(text, m, people_ends):
                continue
            if m.group("scale2") and not m.group("cur") and not _metres(text, m):
                continue  # `a 5bn plan`, `1.2m subscribers` with no currency: a scale is never guessed
            if word and not qual and _DETERMINER_BEFORE_WORD.search(text, m.start()):
                continue
            if word and _AND_A_HALF.match(text, m.end()):
                continue  # `two-and-a-half years`: read as a fraction below
            if word and fold(word) == "one" and not qual:
                continue  # `one` counts only with a qualifier (`at least one band`); else a pronoun or `one-third`
            if word and any(q.span.start <= m.start() < q.span.end for q in short_quotes):
                continue  # a number word in a quoted phrase is part of the phrase: "one country, two systems"
            unit, label, end = _unit_and_label(sentence, m)
            if word and unit is None and not qual:
                continue
            start = m.start()
            # `magnitude 5.4`: a unit word right before, with a space or hyphen (else nothing to read back)
            measure = _UNIT_BEFORE.search(text, start) if text[start - 1 : start] in ("-", " ") else None
            if measure and measure.group(1) in _UNITS and (unit is None or measure.group(2) == "-"):
                unit, start, end = measure.group(1), measure.start(), m.end()  # "magnitude 5.4", "magnitude-8.0"
            qualifier = _qualifier(m)
            number = _number(m)
            scale = _HYPHEN_SCALE.match(text, m.end())
            if scale and number is not None:  # `48-million-euro`: the number as written, scale included
                number = _scaled(number, SCALES[scale.group(1)])
            cands.append(_Candidate(start, m.end(), end, number, qualifier, unit, label, bool(num)))
        cands.extend(fractions)
        if not cands:
            continue
        hedge = _hedge(text)  # the sentence's, whichever of its figures it is read for
        # where clauses open, up to the last figure (no clause after it is read); read at the first
        # figure whose label its clause gives, and not at all where each figure's own words do
        opens: list[int] | None = None
        claims = _Claims(sentence, ms, people)
        previous: tuple[int, str | None] | None = None  # where the last figure ended, and its label (None: bare)
        for c in _ranges(text, sorted(cands, key=lambda c: c.start)):
            start, end = c.start, c.end
            label = c.label
            rate = c.unit in _SET_UNITS  # a rate's label is what a setting verb set, whatever else the clause says
            before = ""  # the figure's clause, read where a label is read from it (a rate, or a bare label)
            if rate or _bare(label, c.unit):
                if opens is None:
                    opens = [o.end() for o in _CLAUSE_OPEN.finditer(low, 0, max(k.start for k in cands))]
                before = _clause_before(text, start, opens)
            setting = _setting_label(before) if rate else None
            if setting:
                label = setting  # `cut its rate by 0.5 points to 3%`: what the setting verb set
            elif _bare(label, c.unit):
                if previous and previous[1] and re.fullmatch(r"\s*\(\s*", text[previous[0] : start]):
                    label = previous[1]  # `£75m ($141m)`: a conversion counts what the figure before it counts
                else:
                    percent = c.unit == "percent" or label == "fraction"
                    read = (None if rate else _setting_label(before)) or _clause_label(before, text, c.core, percent)
                    label = read or label
            previous = (c.end, None if _bare(label, c.unit) else label)
            if end < len(text) and text[end] in '"”' and sum(text[start:end].count(q) for q in '"“”') % 2:
                end += 1  # more than "1,000 missiles": the quoted words stay quoted, as written
            value = _SPACES.sub(" ", text[start:end]).strip()
            inside = [q for q in quoted.get(sentence.id, []) if q.span.start <= start and end <= q.span.end]
            if inside:
                claimant, according = inside[0].speaker, False
            else:
                claimant, according = claims.claimant(start, end)
            source = FigureSource(
                Span(article.id, sentence.id, start, end), claimant, "according to" if according else hedge
            )
            found.append((value, c.number, c.qualifier, c.unit, label, source))

    figures: list[_Stated] = []
    registry = SlugRegistry()
    by_number: dict[float, list[_Stated]] = {}
    for value, number, qualifier, unit, label, source in found:
        same = None
        for f in by_number.get(number, []) if number is not None else []:
            # the same figure stated again: same number, same qualifier ("at least 20" is not "more
            # than 20") and the same unit, or no unit on one side
            if f.qualifier == qualifier and (f.unit is None or unit is None or f.unit == unit):
                same = f
                break
        if same is not None:
            if same.unit is None:
                same.unit = unit
            same.sources.append(source)  # a figure restated n times stays linear
            continue
        fid = f"{article.id}-{registry.claim(value, 'figure')}"
        figures.append(_Stated(fid, value, number, qualifier, unit, label or (unit or "figure"), [source]))
        if number is not None:
            by_number.setdefault(number, []).append(figures[-1])
    return [
        Figure(f.id, article.id, f.value, f.number, f.qualifier, f.unit, f.label, tuple(f.sources)) for f in figures
    ]


@dataclass(slots=True)
class _Stated:
    """A figure as first stated, with every source that states it: each `Figure` is made once, when
    all are read (`dataclasses.replace` for each took a twentieth of the figures' time)."""

    id: str
    value: str
    number: float | None
    qualifier: str | None
    unit: str | None
    label: str
    sources: list[FigureSource]

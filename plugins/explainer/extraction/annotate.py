"""Read an article once for every extractor: the words of each unit and the quoted passages.

`annotate` tokenises each anchored unit (caption, dateline, body sentences) once, and finds the
quotations of the body once, across paragraph breaks, each placed in the sentence it opens in. The
extractors are passes over this annotation: actors read its tokens, quotes its passages, figures
and the pronoun rules what lies inside quotes.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from ..model import Article, Sentence
from .gazetteer import gazetteer
from .quotemarks import scan
from .sentences import ABBREVIATIONS
from .vocabulary import HEAD_ROLES

# a word: letters, digits and hyphens, joined by an apostrophe before a letter (`O'Brien`) or a
# full stop inside an abbreviation or a web address (`e.g.`, `Amazon.com`); written as runs
# between the joins, so the engine steps over a run at once instead of trying every join per letter
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w-]*(?:(?:['’](?=\w)|\.(?=\w\.|(?:com|org|net|io)\b))[\w-]*)*\.?")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_POSSESSIVE = ("'s", "’s")


class Token(NamedTuple):
    """A word and its offsets (a tuple: tokens are made by the hundred thousand, so they stay cheap)."""

    text: str
    start: int
    end: int
    possessive: bool = False

    @property
    def capitalised(self) -> bool:
        """Whether the word starts with a capital (a name can only be made of such words)."""
        return self.text[:1].isupper()


_new_tuple = tuple.__new__


def tokenize(text: str, keep: frozenset[str] = frozenset()) -> list[Token]:
    """Words with their offsets (see `_tokenize`)."""
    return _tokenize(text, keep, [], set())


def _tokenize(text: str, keep: frozenset[str], capitals: list[int], lower: set[str]) -> list[Token]:
    """Words with their offsets; `keep` holds abbreviations whose full stop is part of them (`Colo.`).
    Every extractor reads these, so the loop is kept lean: most words end in neither a full stop
    nor a possessive, and tokens are made as plain tuples, without `NamedTuple`'s Python `__new__`.
    The words come from `findall`, without a match object each; a word's start is found from the
    end of the one before: every character that can start a word does (any word character but a
    digit or `_` starts a match), so none lies between two words, and the first place the word is
    found is where it was read.
    The same loop adds to `capitals` the index of each capitalised word and to `lower` each word
    that starts in lower case: what the actors' scans read of every word."""
    out: list[Token] = []
    append = out.append
    find, intern = text.find, sys.intern
    end = 0
    for word in _TOKEN.findall(text):
        start = find(word, end)
        end = start + len(word)
        last = word[-1]
        if last == "." and not (
            _INITIALS.fullmatch(word)
            or word in HEAD_ROLES
            or word[:-1].lower() in ABBREVIATIONS
            or (word in keep and text[max(0, start - 2) : start] == ", ")  # `Fairview, Colo.`, not `attended Mass.`
        ):
            word = word[:-1]  # a sentence's full stop, not part of the word
            last = word[-1:]
        possessive = last == "s" and word.endswith(_POSSESSIVE)
        if possessive:
            word = word[:-2]
        if word:
            if word[0].isupper():
                capitals.append(len(out))
            elif word[0].islower():
                lower.add(word)
            append(_new_tuple(Token, (intern(word), start, start + len(word), possessive)))
    return out


@dataclass(frozen=True, slots=True)
class QuotedPassage:
    """A quoted passage placed in its sentence: `open` is the opening mark, `start:end` the words,
    `close` the closing mark (None when the passage runs on into the next paragraph or part);
    `continues` when it carries on the quotation before it; `opens_paragraph` when its mark
    begins the paragraph."""

    paragraph: int
    sentence: Sentence
    open: int
    start: int
    end: int
    close: int | None
    continues: bool
    opens_paragraph: bool

    @property
    def stop(self) -> int:
        """Where the passage ends in its sentence, closing mark included."""
        return self.close + 1 if self.close is not None else self.end


@dataclass(frozen=True, slots=True)
class Annotation:
    """One article, read once: `tokens` per unit id, the quoted `passages` of the body in reading
    order, and `quoted`, per unit id, the (start, stop) offsets that lie inside quotes;
    `capitals`, per unit id, the indices of its capitalised tokens, and `lower_words`, the words
    the article writes in lower case."""

    article: Article
    tokens: Mapping[str, tuple[Token, ...]]
    passages: tuple[QuotedPassage, ...]
    quoted: Mapping[str, tuple[tuple[int, int], ...]]
    capitals: Mapping[str, tuple[int, ...]]
    lower_words: frozenset[str]

    def in_quote(self, unit_id: str, offset: int) -> bool:
        """Whether a position of a sentence is inside quoted words."""
        return any(o <= offset < c for o, c in self.quoted.get(unit_id, ()))


def annotate(article: Article) -> Annotation:
    """Tokenise every unit and find every quoted passage of `article`, once."""
    dotted = gazetteer().dotted
    tokens: dict[str, tuple[Token, ...]] = {}
    capitals: dict[str, tuple[int, ...]] = {}
    lower: set[str] = set()
    for u in article.units:
        caps: list[int] = []
        tokens[u.id] = tuple(_tokenize(u.text, dotted, caps, lower))
        capitals[u.id] = tuple(caps)
    passages = tuple(_passages(article))
    quoted: dict[str, list[tuple[int, int]]] = {}
    for p in passages:
        quoted.setdefault(p.sentence.id, []).append((p.open, p.stop))
    return Annotation(
        article,
        MappingProxyType(tokens),
        passages,
        MappingProxyType({k: tuple(v) for k, v in quoted.items()}),
        MappingProxyType(capitals),
        frozenset(lower),
    )


def _passages(article: Article) -> list[QuotedPassage]:
    """Every quoted passage of the body, found across paragraph breaks and placed in its sentence."""
    paragraphs = [b.sentences for b in article.blocks if b.kind == "paragraph" and b.sentences]
    texts: list[str] = []
    bases: list[list[int]] = []
    for sentences in paragraphs:
        offsets, pos = [], 0
        for s in sentences:
            offsets.append(pos)
            pos += len(s.text) + 1
        texts.append(" ".join(s.text for s in sentences))
        bases.append(offsets)
    out: list[QuotedPassage] = []
    for p, ranges in enumerate(scan(texts)):
        first = len(texts[p]) - len(texts[p].lstrip())
        for r in ranges:
            k = bisect_right(bases[p], r.open) - 1
            sentence, base = paragraphs[p][k], bases[p][k]
            end = min(r.end - base, len(sentence.text))
            close = r.stop - base - 1 if r.ending == "mark" and r.stop - base <= len(sentence.text) else None
            out.append(
                QuotedPassage(p, sentence, r.open - base, r.start - base, end, close, r.continues, r.open == first)
            )
    return out

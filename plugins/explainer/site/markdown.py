"""Text as the pages print it: escaped for Markdown and HTML unless built here on purpose.

Every value a template prints with `{{ }}` goes through `finalize`: escaped, unless it is a
`Markdown` string made by these helpers, so text from a seed or a curated field can never inject
markup. The helpers set text the way a newsroom prints it (typographic quotation marks, a quote's
cue as written, dates spelt out) without changing a word of it.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re

from ..extraction.vocabulary import SPEECH_VERBS

_MD_ESCAPE = re.compile(r"([\\`*_{}\[\]#!|])")
_SPECIAL = re.compile(r"[&<>\\`*_{}\[\]#!|]")  # what either escape changes: most names and figures have none


class Markdown(str):
    """Markdown built by this module on purpose; the template engine prints it unescaped."""


def escape(text: object) -> str:
    """Text shown as-is in Markdown: HTML escaped, Markdown punctuation backslash-escaped."""
    s = str(text)
    if not _SPECIAL.search(s):
        return s
    s = html.escape(s, quote=False)
    return _MD_ESCAPE.sub(r"\\\1", s)


def finalize(value: object) -> object:
    """How a template prints a value: `None` as nothing, numbers and `Markdown` as they are, the rest escaped."""
    if value is None:
        return ""
    if isinstance(value, (Markdown, int, float)):
        return value
    return escape(value)


_OPENS_AFTER = frozenset(" \t\n([{\u2014\u2013-/")  # a straight mark after these opens a quotation


def typographic(text: str) -> str:
    """Straight quotation marks as typographic ones (`"a"` -> `“a”`, `it's` -> `it’s`), the way a
    newsroom prints them; the words are untouched (`explainer.json` keeps the text as written)."""
    if '"' not in text and "'" not in text:
        return text
    out = []
    for i, ch in enumerate(text):
        opens = i == 0 or text[i - 1] in _OPENS_AFTER or text[i - 1] in "“‘"
        if ch == '"':
            out.append("“" if opens else "”")
        elif ch == "'":
            out.append("‘" if opens and i + 1 < len(text) and not text[i + 1].isspace() else "’")
        else:
            out.append(ch)
    return "".join(out)


_QUOTE_MARKS = '"“”«»„‟'


def quotation(text: str) -> str:
    """A quote's words to print inside the page's own “ ”: marks left at its ends are dropped (no
    `“"We…`), and a quotation inside it takes single marks, as newsrooms nest them."""
    inner = typographic(text.strip().strip(_QUOTE_MARKS).strip())
    return inner.replace("“", "‘").replace("”", "’")


_IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "find": "found"}
_TOLD_WHOM = re.compile(
    r"\btold\s+((?:[\w'’.-]+\s+){0,3}?[\w'’.-]+?)(?=[,.;:!?\"“”]|\s+(?:that|in|on|at|during|after|before|when|while|as|by)\b|$)"
)
_ACCORDING_TO = re.compile(
    r"\baccording to\s+((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+?)(?=[,.;:!?\"“”(]|\s+(?:that|in|on|at|which|who)\b|$)"
)


def cue_as_written(cue: str | None, sentence: str) -> str:
    """A quote's cue as the story wrote it, to print after the quote: `told` with whom it was told
    (`told AFP`, `told reporters`), `according to` with its source, a participle as its verb's
    past form (`adding` -> `added`; the verb is never changed, `said` is never `claimed`)."""
    if not cue:
        return ""
    low = cue.lower()
    if low == "told" and (m := _TOLD_WHOM.search(sentence)):
        return f"told {m.group(1)}"
    if low == "according to":
        m = _ACCORDING_TO.search(sentence)
        return f"according to {m.group(1)}" if m else ""
    if low.endswith("ing") and len(low) > 5:
        stem = low[:-3]
        for past in (_IRREGULAR_PAST.get(stem), stem + "ed", stem + "d", stem[:-1] + "ied"):
            if past and past in SPEECH_VERBS:
                return past
    return cue


def byline(text: str) -> str:
    """A byline as printed under a headline: `By ` unless the story already wrote it."""
    return text if text[:3].lower() == "by " else f"By {text}"


_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def gist(definition: str, max_words: int = 30) -> str:
    """A definition's first sentence, as plain text (Markdown links reduced to their words), for
    an index line; cut at a word boundary when long."""
    text = " ".join(_MD_LINK.sub(r"\1", definition).replace("*", "").split())
    end = re.search(r"(?<=[.!?])\s+(?=[A-Z\"“])", text)
    first = text[: end.start()] if end else text
    words = first.split()
    return first if len(words) <= max_words else " ".join(words[:max_words]).rstrip(",;:") + " …"


def with_title(markdown: str, title: str | None) -> str:
    """Give a page a `title:` in its front matter (unless its template set one).

    Without it the theme prints the navigation title or the first heading through Jinja's
    `striptags`, which unescapes entities: a story titled `</title><script>` would run.
    `title` is already HTML, as `page_titles` returns it.
    """
    if not title:
        return markdown
    line = f"title: {json.dumps(title, ensure_ascii=False)}\n"
    if not markdown.startswith("---\n"):
        return f"---\n{line}---\n{markdown}"
    end = markdown.find("\n---\n", 3)
    if end != -1 and re.search(r"^title\s*:", markdown[4 : end + 1], re.MULTILINE):
        return markdown
    return "---\n" + line + markdown[4:]


@functools.lru_cache(maxsize=4096)  # pure: a page's dates are a few of the site's, printed on every page
def fmt_date(iso: str) -> str:
    """`2024-10-31` -> `Thursday 31 October 2024`; `2024-06` -> `June 2024`."""
    parts = iso.split("-")
    if len(parts) == 2:
        return f"{dt.date(int(parts[0]), int(parts[1]), 1):%B} {parts[0]}"
    d = dt.date.fromisoformat(iso)
    return f"{d:%A} {d.day} {d:%B %Y}"

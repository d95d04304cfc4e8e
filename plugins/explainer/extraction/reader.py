"""Read a wire story pasted as plain text into an `Article`.

The layout wire copy arrives in: an optional YAML front-matter block, the headline
on the first line, an optional photo caption ending in a `©` credit, paragraphs one per
line, short subheads (quoted, Title Case, or sentence case between paragraphs), a byline, then web boilerplate that is dropped.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Diagnostic
from ..model import Article, Block, Correction, Sentence
from ..slugs import slugify
from ..suggest import did_you_mean
from .sentences import MAX_SENTENCE, split_sentences

FRONT_MATTER_KEYS = frozenset({"date", "source", "language", "title", "byline", "labels", "corrections"})
LIST_KEYS = frozenset({"corrections"})  # `corrections: [{date: 2025-03-02, text: ...}]`, see `parse_corrections`
MAPPING_KEYS = frozenset({"labels"})  # `labels: {"31 to 9": vote in the council}`: figure -> what it counts

# Lines that web pages append to an article; everything from a `Comments` line on is dropped.
_BOILERPLATE = re.compile(
    r"^(?:•\s*)?(?:no comments?(?: yet)?|comments?\s*\(?\d*\)?|share(?: this(?: article)?)?|"
    r"advertisement|read more|related articles?|sign up.*newsletter.*|follow us.*|"
    r"most read|trending|tags?:.*)\s*$",
    re.IGNORECASE,
)
_CUTOFF = re.compile(r"^(?:comments?|related articles?|most read)\s*$", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»"
_CONNECTORS = {"with", "and", "by", "in", "for", "de", "van", "von", "der", "la", "le", "bin", "al"}
_CONTROL = dict.fromkeys(c for c in range(0x20) if chr(c) not in "\n\t") | dict.fromkeys(
    [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF]
)


# What `yaml.safe_load` raises besides `YAMLError`: a timestamp that is no date (`2024-13-45`)
# is a ValueError from `datetime`; a thousand nested `[` exhaust the recursion limit.
YAML_VALUE_ERRORS = (ValueError, OverflowError, RecursionError)


def yaml_value_problem(exc: BaseException) -> str:
    """What is wrong with a YAML value that parsed but cannot be used (a date that does not exist)."""
    return "nested too deeply" if isinstance(exc, RecursionError) else f"{exc}"


def safe_yaml(text: str) -> Any:
    """YAML through LibYAML's safe loader when PyYAML has it (several times faster on hundreds of
    front-matter blocks), else PyYAML's own. Both construct only plain data."""
    if hasattr(yaml, "CSafeLoader"):
        return yaml.load(text, Loader=yaml.CSafeLoader)
    return yaml.safe_load(text)


class SeedError(ValueError):
    """A seed that cannot be read as a story: the one `Diagnostic` that says why."""

    def __init__(self, path: str, message: str) -> None:
        self.diagnostic = Diagnostic(path, None, message, "error")
        super().__init__(str(self.diagnostic))


@dataclass(frozen=True, slots=True)
class ReadResult:
    """A story as read from its file, with the problems met reading it."""

    article: Article
    warnings: list[Diagnostic] = field(default_factory=list)


def decode(data: bytes, name: str, warnings: list[Diagnostic]) -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM; otherwise Windows-1252, with a warning
    naming the file."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SeedError(name, "starts as UTF-16 but is not valid UTF-16; skipped") from None
    if b"\x00" in data[:4096]:
        raise SeedError(name, "looks like a binary file, not a plain-text story; skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.append(
            Diagnostic(name, None, "not valid UTF-8; read as Windows-1252. Save the file as UTF-8 to silence this.")
        )
        return data.decode("cp1252", errors="replace")


def clean_text(text: str) -> str:
    """Normalise line endings and Unicode form; drop invisible direction and control marks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return text.translate(_CONTROL).replace("\u00a0", " ")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A file's YAML front matter: `meta` (None when there is none or it is unusable), the body
    after it, and `problem` when it could not be read."""

    meta: dict[str, Any] | None
    body: str
    problem: Diagnostic | None = None


def read_front_matter(text: str, name: str) -> FrontMatter:
    """The one reader of `---` front matter, for seeds and curated files alike."""
    if not text.startswith("---\n"):
        return FrontMatter(None, text)
    end = text.find("\n---\n", 3)
    if end == -1:
        if not text.rstrip().endswith("\n---"):
            return FrontMatter(None, text, Diagnostic(name, 1, "front matter opened with '---' is never closed"))
        end = len(text.rstrip()) - 4
    raw, body = text[4:end], text[end + 5 :]
    try:
        loaded = safe_yaml(raw)
    except yaml.YAMLError as exc:
        # an unclosed `[`, `{` or quote is reported where the parser gave up, lines later: point
        # at the opening mark instead, which is where the editor has to look
        opened = str(getattr(exc, "context", "") or "").startswith(("while parsing a flow", "while scanning a quoted"))
        mark = getattr(exc, "context_mark", None) if opened else None
        mark = mark or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return FrontMatter(None, body, Diagnostic(name, line, f"front matter is not valid YAML ({problem})"))
    except YAML_VALUE_ERRORS as exc:
        return FrontMatter(
            None, body, Diagnostic(name, 1, f"front matter is not valid YAML ({yaml_value_problem(exc)})")
        )
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        return FrontMatter(None, body, Diagnostic(name, 2, "front matter must be a mapping of keys to values"))
    return FrontMatter({str(k): _clean_value(v) for k, v in loaded.items()}, body)


def _clean_value(value: Any) -> Any:
    """Front-matter strings cleaned as the text is: YAML escapes (`"A\\0B\\e"`) bring control
    characters that the file itself could not."""
    if isinstance(value, str):
        return value.translate(_CONTROL)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_value(v) for k, v in value.items()}
    return value


def key_line(lines: list[str], key: str) -> int:
    """The 1-based line of a top-level front-matter `key:` among a file's lines (1 if not found)."""
    return next((i + 1 for i, ln in enumerate(lines) if ln.startswith(f"{key}:")), 1)


def split_front_matter(text: str, name: str, warnings: list[Diagnostic]) -> tuple[dict[str, object], str]:
    """A seed's (metadata, body): unknown keys and unusable values are warned about and dropped."""
    front = read_front_matter(text, name)
    if front.problem:
        never_closed = front.body is text
        p = front.problem
        warnings.append(
            replace(p, message=p.message + ("; read as story text" if never_closed else "; metadata ignored"))
        )
        return {}, front.body
    if front.meta is None:
        return {}, text
    meta = front.meta
    lines = text.split("\n", 64)
    for key in sorted(str(k) for k in meta if k not in FRONT_MATTER_KEYS):
        line = key_line(lines, key)
        warnings.append(
            Diagnostic(
                name,
                line,
                f"unknown front-matter key '{key}'{did_you_mean(key, FRONT_MATTER_KEYS)} (expected one of: {', '.join(sorted(FRONT_MATTER_KEYS))})",
            )
        )
    known = {str(k): v for k, v in meta.items() if k in FRONT_MATTER_KEYS}
    if "corrections" in known:
        known["corrections"] = parse_corrections(known["corrections"], name, key_line(lines, "corrections"), warnings)
    for key in sorted(
        k for k, v in known.items() if isinstance(v, (list, dict, set)) and k not in MAPPING_KEYS | LIST_KEYS
    ):
        warnings.append(
            Diagnostic(
                name,
                key_line(lines, key),
                f"front-matter '{key}' must be a single value, not a list or mapping; ignored",
            )
        )
        del known[key]
    for key in sorted(MAPPING_KEYS & set(known)):
        value = known[key]
        if not isinstance(value, dict) or not all(isinstance(v, (str, int, float)) for v in value.values()):
            warnings.append(
                Diagnostic(
                    name,
                    key_line(lines, key),
                    f"""front-matter '{key}' must map each figure as written to a label, such as  {key}: {{"31 to 9": vote in the council}}; ignored""",
                )
            )
            del known[key]
        else:
            known[key] = (
                tuple((str(k), str(v).strip()) for k, v in value.items() if str(v).strip()),
                key_line(lines, key),
            )
    return known, front.body


_CORRECTION_EXAMPLE = "corrections: [{date: 2025-03-02, text: An earlier version misspelt her name.}]"


def parse_corrections(value: object, path: str, line: int, warnings: list[Diagnostic]) -> tuple[Correction, ...]:
    """An editor's `corrections:` list, each item a date (YYYY-MM-DD) and a text; `line` is the
    key's line in `path`. An unusable item is one warning naming it, and is left out."""
    items = value if isinstance(value, list) else [value]
    out = []
    for n, item in enumerate(items, start=1):
        date = item.get("date") if isinstance(item, dict) else None
        text = clean_text(str(item.get("text") or "")).strip() if isinstance(item, dict) else ""
        if isinstance(date, dt.datetime):
            date = date.date()
        if isinstance(date, str):
            try:
                date = dt.date.fromisoformat(date.strip())
            except ValueError:
                date = None
        if not isinstance(date, dt.date) or not text:
            warnings.append(
                Diagnostic(
                    path,
                    line,
                    f"correction {n} needs a date (YYYY-MM-DD) and a text, such as  {_CORRECTION_EXAMPLE}; ignored",
                )
            )
            continue
        out.append(Correction(date, text))
    return tuple(sorted(out, key=lambda c: c.date, reverse=True))


def _parse_date(value: object, name: str, line: int, warnings: list[Diagnostic]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        warnings.append(Diagnostic(name, line, f"front-matter 'date' must be YYYY-MM-DD, got {value!r}; date ignored"))
        return None


def _strip_quotes(line: str) -> str:
    """A subhead wholly in quotes (`"Real Escalation"`) without them; `"Green" Fears` as written."""
    s = line.strip()
    if len(s) > 2 and s[0] in _QUOTES and s[-1] in _QUOTES:
        return s.strip(_QUOTES).strip()
    return s


def is_subhead(line: str) -> bool:
    """A short line wholly in quotes, or short Title Case without a full stop: a section title."""
    words = line.split()
    if not words or len(words) > 8:
        return False
    s = line.strip()
    if len(s) > 2 and s[0] in _QUOTES and s[-1] in _QUOTES and not any(q in s[1:-1] for q in '"“”'):
        return s[-2] not in ".?!,;:…"  # `"Real Escalation"` is a title; `"We lost."` a quote paragraph
    if s[-1] in ".?!,;:" + _QUOTES:
        return False
    # a word in quotes counts as the word: `"Green" Fears` is a title in Title Case
    bare = [b for w in words if (b := w.strip(_QUOTES))]
    content = [w for w in bare if w.lower() not in {"a", "an", "the", "of", "in", "on", "to", "and", "for", "at"}]
    return len(words) <= 6 and bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def is_plain_subhead(line: str) -> bool:
    """A subhead in sentence case (`Political uncertainty`): short, capitalised, with no final
    punctuation and no quote marks. Only read so between two paragraphs, where a sentence that
    lost its full stop is far rarer than a section title."""
    s = line.strip()
    words = s.split()
    return (
        0 < len(words) <= 8
        and len(s) <= 80
        and s[0].isupper()
        and (s[-1].isalnum() or s[-1] == ")")  # `Line ending with \` or `Costs:` is no title
        and not any(q in s for q in _QUOTES)
    )


def is_byline(line: str) -> bool:
    """`Jane Doe with John Roe with AFP`, `By Jane Doe`: short, no full stop, names and joiners only."""
    s = line.strip()
    words = s.split()
    if not words or len(words) > 14 or s[-1] in ".?!:;" + _QUOTES:
        return False
    if words[0].lower() == "by" and len(words) >= 2:
        words = words[1:]
    elif not any(w.lower() in {"with", "and", "by"} for w in words) and "(" not in s:
        return False
    for w in words:
        w = w.strip(",()")
        if not w:
            continue
        if w.lower() in _CONNECTORS:
            continue
        if not (w[0].isupper() or w[0] == "/"):
            return False
    return True


# A photo credit closing the line under the headline: `(AP Photo/Jane Doe)`, `(Image: AGENCY)`,
# `(Jane Doe / Agency)`, `(JANE DOE/AGENCY)`, `(Jane Doe, AP)`, or a bare `Getty` after the last sentence.
_CREDIT = re.compile(
    r"\s*\((?P<paren>(?:[^()]*(?:/|Photo|Image|Getty|Reuters|AFP|\bAP\b|Press)[^()]*)|[A-Z][A-Z .'/-]{3,})\)\s*$"
    r"|(?<=[.!?])\s+(?P<bare>Getty(?: Images)?|Reuters|AFP|AP(?: Photo)?|EPA|PA)\s*$"
)
_CAPTION_LEAD = re.compile(r"^(?:Above|Pictured|Photo|File photo|Top)\s*:\s+")


def _caption_split(line: str) -> tuple[str, str | None] | None:
    """The photo caption under the headline: one with a `©` credit, a credit in closing brackets,
    or one that opens `Above:`; return (caption, credit)."""
    if "©" in line:
        text, _, credit = line.partition("©")
        text = text.strip().rstrip("-–—|").strip()
        return text, credit.strip() or None
    found = _CREDIT.search(line)
    if found:
        return line[: found.start()].strip(), (found.group("paren") or found.group("bare")).strip()
    lead = _CAPTION_LEAD.match(line)
    if lead:
        return line[lead.end() :].strip(), None
    return None


# `WASHINGTON (AP) —`, `LISBON, March 3 (Reuters) -`, `(Reuters) —`: where and for whom the story was filed.
# the agencies whose datelines some copy writes in title case (`Santa Marta (AFP) -`): a place so
# written counts as a dateline only before one of them, since capitalised words and a bracket can
# open any paragraph
_TITLE_CASE_AGENCY = r"\((?:AP|AFP|Reuters|Bloomberg|UPI|dpa|Xinhua|Kyodo|Yonhap|EFE|ANSA|PA|IANS|PTI)\)"
_DATELINE_FIELDS = (
    r"^(?P<place>[A-Z][A-Z.'’ -]*[A-Z.]|[A-Z][a-z’'.]+(?:[ -](?:(?:de|da|do|dos|del|di|du|la|le|al|el|sur) )?[A-Z][a-z’'.]+){0,3}"
    r"(?=(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*" + _TITLE_CASE_AGENCY + r"))?"
    r"(?:,\s+(?P<region>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?))??"
    r"(?:,?\s+(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s*\((?P<agency>[A-Z][\w .&-]{0,30})\)"
)
_DATELINE = re.compile(_DATELINE_FIELDS + r"\s*[-—–]+\s*")
_DATELINE_WRITTEN = re.compile(_DATELINE_FIELDS)


def dateline_fields(written: str) -> re.Match[str] | None:
    """The `place`, `region`, `when` and `agency` groups of a dateline as the reader kept it."""
    return _DATELINE_WRITTEN.match(written)


def _dateline_split(paragraph: str) -> tuple[str, str, str] | None:
    """(dateline as written, its agency, the paragraph without it), or None."""
    m = _DATELINE.match(paragraph)
    if m is None or not (m.group("place") or paragraph.startswith("(")):
        return None
    written = paragraph[: m.end()].rstrip(" -—–").strip()
    return written, m.group("agency").strip(), paragraph[m.end() :]


def parse(text: str, *, path: str, article_id: str | None = None) -> ReadResult:
    """Parse the text of one seed file. Raises `SeedError` when there is no story in it."""
    warnings: list[Diagnostic] = []
    text = clean_text(text)
    meta, body = split_front_matter(text, path, warnings)
    lines = [ln.strip() for ln in body.split("\n")]
    kept: list[str] = []
    for ln in lines:
        if not ln:
            continue
        if _CUTOFF.match(ln) and kept:
            break
        if _BOILERPLATE.match(ln):
            continue
        kept.append(ln)
    if not kept:
        raise SeedError(path, "no story text found (the file is empty or only whitespace); skipped")

    title = str(meta.get("title") or "").strip() or _strip_quotes(kept[0]) or kept[0]
    rest = kept[1:] if not meta.get("title") else kept
    if meta.get("title") and rest and _strip_quotes(rest[0]) == title:
        rest = rest[1:]

    caption_text: str | None = None
    credit: str | None = None
    # a caption is a line or two under the headline: a longer first paragraph is the story's text
    # (and is split into sentences), even if it happens to end as a credit does (`(A.B.C.)`)
    if rest and len(rest[0]) <= MAX_SENTENCE and (cap := _caption_split(rest[0])):
        caption_text, credit = cap
        rest = rest[1:]

    byline = str(meta["byline"]).strip() if meta.get("byline") else None
    if rest and byline is None and is_byline(rest[-1]):
        byline = rest[-1]
        rest = rest[:-1]
    elif rest and byline is None and is_byline(rest[0]) and rest[0].lower().startswith("by "):
        byline = rest[0]
        rest = rest[1:]

    dateline: Sentence | None = None
    source = str(meta["source"]).strip() if meta.get("source") else None
    first = next((i for i, ln in enumerate(rest) if not is_subhead(ln)), None)
    if first is not None and (found := _dateline_split(rest[first])) and found[2].strip():
        written, agency, remainder = found
        dateline = Sentence("dateline", written, -2)
        source = source or agency
        rest = [*rest[:first], remainder, *rest[first + 1 :]]

    blocks: list[Block] = []
    counter = heads = 0
    for i, ln in enumerate(rest):
        index = len(blocks)
        between = bool(blocks) and blocks[-1].kind == "paragraph" and i + 1 < len(rest)
        if is_subhead(ln) or (between and is_plain_subhead(ln)):
            heads += 1
            blocks.append(Block("subhead", (Sentence(f"h{heads}", _strip_quotes(ln), index),)))
            continue
        sentences = []
        for start, end in split_sentences(ln):
            counter += 1
            sentences.append(Sentence(f"s{counter}", ln[start:end], index))
        blocks.append(Block("paragraph", tuple(sentences)))

    caption = Sentence("caption", caption_text, -1) if caption_text else None
    stem = Path(path).stem
    labels_read = meta.get("labels")
    labels: tuple[tuple[str, str], ...] = labels_read[0] if isinstance(labels_read, tuple) else ()
    labels_line: int = labels_read[1] if isinstance(labels_read, tuple) else 0
    corrections_read = meta.get("corrections")
    corrections = (
        tuple(c for c in corrections_read if isinstance(c, Correction)) if isinstance(corrections_read, tuple) else ()
    )
    return ReadResult(
        Article(
            id=article_id or slugify(stem) or "story",
            path=path,
            title=title,
            blocks=tuple(blocks),
            caption=caption,
            credit=credit,
            byline=byline,
            date=_parse_date(meta.get("date"), path, key_line(text.split("\n", 64), "date"), warnings),
            source=source,
            dateline=dateline,
            language=str(meta.get("language") or "en").strip() or "en",
            labels=labels,
            labels_line=labels_line,
            corrections=corrections,
        ),
        warnings,
    )


def read_seed(path: Path, *, name: str | None = None) -> ReadResult:
    """Read one seed file from disk; `name` is how messages refer to it (defaults to the path)."""
    label = name or str(path)
    warnings: list[Diagnostic] = []
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(label, f"cannot be read ({exc.strerror}); skipped") from None
    text = decode(data, label, warnings)
    result = parse(text, path=label)
    result.warnings[:0] = warnings
    return result

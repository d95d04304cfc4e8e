"""Score the extractor against hand-labelled ground truth: precision, recall and field accuracy.

Run from the project root:

    .venv/bin/python scripts/evaluate.py [--json] [TRUTH.yml ...]

By default it scores every `tests/stories/*.yml` plus `scripts/seed-truth.yml`. Each truth file
names its story (`story: <slug>.txt`), looked up next to the truth file, then in `seeds/` and
`tests/stories/`. The format is described in `tests/stories/README.md`.

The report is a per-story table with totals, then every mismatch, most important first within
each story. `--json` prints only the totals, as JSON. The exit status is always 0: this is a
report, not a test.

Matching is lenient on formatting and strict on substance:

- text is compared after Unicode NFC, curly-to-straight quote marks, collapsed whitespace and
  case folding; names and roles also ignore dots ("U.S." == "US");
- figures match by value; a figure is *correct* when number and qualifier agree. A figure whose
  value differs only in wording (a qualifier left out, a longer or shorter noun phrase, or the
  same number and unit) still pairs up, so that a lost qualifier shows as a wrong field rather
  than as one missing plus one spurious figure; the mismatch list flags such pairs;
- actors match by name or alias. An expected actor found only inside another found actor's
  aliases (the extractor merged them) counts as recalled but is listed; a second found actor for
  an already matched expected one is a duplicate and counts against precision, as do actors named
  in `not_actors` and actors that match nothing;
- a quote whose span differs from the expected one (one contains the other) pairs up and is
  listed. A quote given to the wrong speaker is worse than one given to nobody: the two are
  counted separately ("wrong", "missing");
- claimants and speakers agree when the expected name (or one of its aliases in the truth file)
  equals the found actor's name or one of its aliases;
- events match by (date, when), `when` ignoring case and a leading "on "; repeated identical
  events count once, and a found event that only adds a word ("Earlier Thursday" for "Thursday")
  on the same date is listed, not counted as spurious;
- terms match by acronym.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from explainer.extraction.extract import extract
from explainer.extraction.reader import read_seed
from explainer.model import Actor, Article, Findings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRUTH = (*sorted((ROOT / "tests" / "stories").glob("*.yml")), ROOT / "scripts" / "seed-truth.yml")
STORY_DIRS = (ROOT / "seeds", ROOT / "tests" / "stories")
AREAS = ("figures", "actors", "quotes", "events", "terms")

_QUOTE_MARKS = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"', "‘": "'", "’": "'", "‚": "'", "′": "'"}
)
_QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "some",
    "above",
    "over",
    "under",
    "roughly",
    "within",
)
_QUALIFIER_RE = re.compile(rf"^(?:{'|'.join(re.escape(q) for q in _QUALIFIERS)})\s+")
_NUMBER_WORD = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds?|"
    r"thousands?|millions?|billions?|trillions?)\b"
)

# Mismatch priorities: lower is more important for whoever fixes the extractor.
P_WRONG_SPEAKER = 1
P_FALSE_ACTOR = 2
P_QUALIFIER = 3
P_NUMBER = 4
P_WRONG_CLAIMANT = 5
P_MISSING_SPEAKER = 6
P_MISSING = 7
P_CLAIMANT_GAP = 8
P_SPURIOUS = 9
P_ACTOR_FIELD = 10
P_EVENT_TERM = 11
P_COSMETIC = 12


# --- normalisation ---------------------------------------------------------------------------


def norm_text(text: str) -> str:
    """NFC, straight quote marks, single spaces, case-folded."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_MARKS).replace("\u00a0", " ")
    return " ".join(text.split()).casefold()


def norm_name(name: str) -> str:
    """A name or role: like `norm_text`, and dots do not count ("U.S." == "US")."""
    return " ".join(norm_text(name).replace(".", " ").split())


def norm_value(value: str) -> str:
    """A figure's value without quote marks: `more than "1,000 missiles"` == "more than 1,000 missiles"."""
    return " ".join(norm_text(value).replace('"', " ").strip("'").split())


def norm_quote(text: str) -> str:
    """A quote span without surrounding quote marks and without a trailing comma or full stop."""
    text = norm_text(text).strip(" \"'")
    return text.rstrip(",. ").strip(" \"'")


def norm_when(when: str) -> str:
    text = norm_text(when)
    return text[3:] if text.startswith("on ") else text


def norm_date(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def core_value(value: str) -> str:
    """A normalised value with its leading qualifier removed."""
    return _QUALIFIER_RE.sub("", value)


def contains_phrase(big: str, small: str) -> bool:
    return bool(small) and re.search(rf"(?<!\w){re.escape(small)}(?!\w)", big) is not None


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def show(value: object) -> str:
    return "null" if value is None else repr(value) if isinstance(value, str) else str(value)


# --- ground truth ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpFigure:
    value: str
    number: float | None
    qualifier: str | None
    unit: str | None
    claimant: str | None
    mentions: int


@dataclass(frozen=True)
class ExpActor:
    name: str
    kind: str
    roles: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ExpQuote:
    text: str
    speaker: str | None


@dataclass(frozen=True)
class ExpEvent:
    date: str | None
    when: str


@dataclass(frozen=True)
class ExpTerm:
    term: str
    expansion: str | None


@dataclass(frozen=True)
class Truth:
    path: Path
    story: Path
    raw: dict[str, Any]
    figures: tuple[ExpFigure, ...]
    not_figures: tuple[str, ...]
    actors: tuple[ExpActor, ...]
    not_actors: tuple[str, ...]
    ambiguous: tuple[str, ...]
    quotes: tuple[ExpQuote, ...]
    events: tuple[ExpEvent, ...]
    terms: tuple[ExpTerm, ...]

    @property
    def label(self) -> str:
        return self.story.stem


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _strs(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def find_story(truth_path: Path, name: str) -> Path:
    for folder in (truth_path.parent, *STORY_DIRS):
        candidate = (folder / name).resolve()
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{truth_path}: story file {name!r} not found next to it, in seeds/ or in tests/stories/")


def load_truth(path: Path) -> Truth:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or "story" not in raw:
        raise ValueError(f"{path}: not a ground-truth file (no 'story:' key)")
    figures = tuple(
        ExpFigure(
            value=str(f["value"]),
            number=None if f.get("number") is None else float(f["number"]),
            qualifier=_opt_str(f.get("qualifier")),
            unit=_opt_str(f.get("unit")),
            claimant=_opt_str(f.get("claimant")),
            mentions=int(f.get("mentions") or 1),
        )
        for f in raw.get("figures") or ()
    )
    actors = tuple(
        ExpActor(str(a["name"]), str(a.get("kind")), _strs(a.get("roles")), _strs(a.get("aliases")))
        for a in raw.get("actors") or ()
    )
    quotes = tuple(ExpQuote(str(q["text"]), _opt_str(q.get("speaker"))) for q in raw.get("quotes") or ())
    events = tuple(ExpEvent(norm_date(e.get("date")), str(e["when"])) for e in raw.get("events") or ())
    terms = tuple(ExpTerm(str(t["term"]), _opt_str(t.get("expansion"))) for t in raw.get("terms") or ())
    return Truth(
        path=path,
        story=find_story(path, str(raw["story"])),
        raw=raw,
        figures=figures,
        not_figures=_strs(raw.get("not_figures")),
        actors=actors,
        not_actors=_strs(raw.get("not_actors")),
        ambiguous=_strs(raw.get("ambiguous")),
        quotes=quotes,
        events=events,
        terms=terms,
    )


# --- scores ----------------------------------------------------------------------------------


@dataclass
class Check:
    ok: int = 0
    total: int = 0

    def add(self, passed: bool) -> None:
        self.ok += passed
        self.total += 1

    @property
    def rate(self) -> float | None:
        return self.ok / self.total if self.total else None


@dataclass
class AreaScore:
    expected: int = 0
    found: int = 0
    recalled: int = 0  # expected items that found a partner
    precise: int = 0  # found items that are right to exist
    checks: dict[str, Check] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float | None:
        return self.precise / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.expected if self.expected else None

    def check(self, name: str, passed: bool) -> None:
        self.checks.setdefault(name, Check()).add(passed)

    def merge(self, other: AreaScore) -> None:
        self.expected += other.expected
        self.found += other.found
        self.recalled += other.recalled
        self.precise += other.precise
        for name, c in other.checks.items():
            mine = self.checks.setdefault(name, Check())
            mine.ok += c.ok
            mine.total += c.total
        self.counts.update(other.counts)

    def as_json(self) -> dict[str, Any]:
        return {
            "expected": self.expected,
            "found": self.found,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "checks": {n: {"ok": c.ok, "total": c.total, "rate": _round(c.rate)} for n, c in self.checks.items()},
            **({"counts": dict(self.counts)} if self.counts else {}),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


@dataclass(frozen=True)
class Mismatch:
    area: str
    kind: str
    detail: str
    priority: int


@dataclass
class StoryReport:
    label: str
    areas: dict[str, AreaScore] = field(default_factory=lambda: {a: AreaScore() for a in AREAS})
    mismatches: list[Mismatch] = field(default_factory=list)
    error: str | None = None

    def miss(self, area: str, kind: str, detail: str, priority: int) -> None:
        self.mismatches.append(Mismatch(area, kind, detail, priority))


# --- matching --------------------------------------------------------------------------------

E = TypeVar("E")
F = TypeVar("F")


def pair(
    expected: Sequence[E], found: Sequence[F], same: Callable[[E, F], bool], taken: dict[int, int] | None = None
) -> dict[int, int]:
    """Greedy one-to-one pairing, in order: {expected index: found index}, extending `taken`."""
    pairs = dict(taken or {})
    used = set(pairs.values())
    for i, e in enumerate(expected):
        if i in pairs:
            continue
        for j, f in enumerate(found):
            if j not in used and same(e, f):
                pairs[i] = j
                used.add(j)
                break
    return pairs


class ActorIndex:
    """Names and aliases of found and expected actors, to compare claimants and speakers."""

    def __init__(self, found: Iterable[Actor], expected: Iterable[ExpActor]) -> None:
        self.found = {a.id: a for a in found}
        self.expected_forms = {norm_name(a.name): {norm_name(n) for n in (a.name, *a.aliases)} for a in expected}

    def name(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        actor = self.found.get(actor_id)
        return actor.name if actor else actor_id

    def forms(self, actor_id: str) -> set[str]:
        actor = self.found.get(actor_id)
        return {norm_name(n) for n in (actor.name, *actor.aliases)} if actor else {norm_name(actor_id)}

    def agree(self, expected_name: str | None, found_id: str | None) -> bool:
        if expected_name is None or found_id is None:
            return expected_name is None and found_id is None
        key = norm_name(expected_name)
        return bool(self.expected_forms.get(key, {key}) & self.forms(found_id))


def score_figures(truth: Truth, findings: Findings, index: ActorIndex, report: StoryReport) -> None:
    score = report.areas["figures"]
    exp, found = truth.figures, findings.figures
    score.expected, score.found = len(exp), len(found)
    ev = [norm_value(e.value) for e in exp]
    fv = [norm_value(f.value) for f in found]

    def loose(i: int, j: int) -> bool:
        a, b = core_value(ev[i]), core_value(fv[j])
        short, long_ = sorted((a, b), key=len)
        if a == b or (_NUMBER_WORD.search(short) and contains_phrase(long_, short)):
            return True
        e, f = exp[i], found[j]
        return (
            e.number is not None
            and same_number(e.number, f.number)
            and norm_text(e.unit or "") == norm_text(f.unit or "")
        )

    idx_e, idx_f = range(len(exp)), range(len(found))
    pairs = pair(idx_e, idx_f, lambda i, j: ev[i] == fv[j])
    exact = set(pairs)
    pairs = pair(idx_e, idx_f, loose, pairs)
    score.recalled = score.precise = len(pairs)

    for i, j in sorted(pairs.items()):
        e, f = exp[i], found[j]
        where = f"{e.value!r}" if i in exact else f"{e.value!r} (found as {f.value!r})"
        if i not in exact:
            score.counts["value wording differs"] += 1
            report.miss("figures", "value wording", f"expected {e.value!r}, found {f.value!r}", P_COSMETIC)
        number_ok = same_number(e.number, f.number)
        qualifier_ok = norm_text(e.qualifier or "") == norm_text(f.qualifier or "")
        score.check("correct", number_ok and qualifier_ok)
        if not qualifier_ok:
            kind = "missing qualifier" if f.qualifier is None else "wrong qualifier"
            report.miss(
                "figures", kind, f"{where}: qualifier {show(f.qualifier)}, expected {show(e.qualifier)}", P_QUALIFIER
            )
        if not number_ok:
            report.miss(
                "figures", "wrong number", f"{where}: number {show(f.number)}, expected {show(e.number)}", P_NUMBER
            )
        unit_ok = norm_text(e.unit or "") == norm_text(f.unit or "")
        score.check("unit", unit_ok)
        if not unit_ok:
            report.miss(
                "figures", "wrong unit", f"{where}: unit {show(f.unit)}, expected {show(e.unit)}", P_ACTOR_FIELD
            )
        claimant_ok = index.agree(e.claimant, f.claimant)
        score.check("claimant", claimant_ok)
        if not claimant_ok:
            got = index.name(f.claimant)
            if e.claimant is not None and f.claimant is not None:
                kind, prio = "wrong claimant", P_WRONG_CLAIMANT
            elif f.claimant is None:
                kind, prio = "missing claimant", P_CLAIMANT_GAP
            else:
                kind, prio = "spurious claimant", P_CLAIMANT_GAP
            report.miss("figures", kind, f"{where}: claimant {show(got)}, expected {show(e.claimant)}", prio)
        if len(f.sources) != e.mentions:
            report.miss(
                "figures", "mentions", f"{where}: {len(f.sources)} source(s), expected {e.mentions}", P_COSMETIC
            )

    for i, e in enumerate(exp):
        if i not in pairs:
            report.miss("figures", "missing figure", f"{e.value!r} (claimant {show(e.claimant)})", P_MISSING)
    traps = [norm_value(t) for t in truth.not_figures]
    matched_found = set(pairs.values())
    for j, f in enumerate(found):
        if j not in matched_found:
            trap = any(fv[j] == t or contains_phrase(t, fv[j]) or contains_phrase(fv[j], t) for t in traps)
            note = " — listed in not_figures" if trap else ""
            report.miss("figures", "spurious figure", f"{f.value!r} (number {show(f.number)}){note}", P_SPURIOUS)


def score_actors(truth: Truth, findings: Findings, report: StoryReport) -> None:
    score = report.areas["actors"]
    exp, found = truth.actors, findings.actors
    score.expected, score.found = len(exp), len(found)
    traps = {norm_name(t) for t in truth.not_actors}
    e_name = [norm_name(a.name) for a in exp]
    e_alias = [{norm_name(n) for n in a.aliases} for a in exp]
    f_name = [norm_name(a.name) for a in found]
    f_alias = [{norm_name(n) for n in a.aliases} for a in found]
    trapped = {j for j in range(len(found)) if f_name[j] in traps}
    open_found = [j for j in range(len(found)) if j not in trapped]

    def by_alias(i: int, j: int) -> bool:
        return e_name[i] in f_alias[j] or f_name[j] in e_alias[i]

    by_pos = range(len(exp))
    pairs = pair(by_pos, open_found, lambda i, j: e_name[i] == f_name[j])
    pairs = pair(by_pos, open_found, by_alias, pairs)
    pairs = {i: open_found[k] for i, k in pairs.items()}
    matched_found = set(pairs.values())
    merged = {i: j for i in by_pos if i not in pairs for j in matched_found if by_alias(i, j) or e_name[i] == f_name[j]}
    score.recalled = len(pairs) + len(merged)
    score.precise = len(matched_found)

    for i, j in sorted(pairs.items()):
        e, f = exp[i], found[j]
        where = e.name if e_name[i] == f_name[j] else f"{e.name} (found as {f.name!r})"
        kind_ok = e.kind == f.kind
        score.check("kind", kind_ok)
        if not kind_ok:
            report.miss("actors", "wrong kind", f"{where}: kind {f.kind}, expected {e.kind}", P_ACTOR_FIELD)
        found_roles = {norm_name(r) for r in f.roles}
        for role in e.roles:
            role_ok = norm_name(role) in found_roles
            score.check("roles", role_ok)
            if not role_ok:
                got = ", ".join(repr(r) for r in f.roles) or "none"
                report.miss("actors", "missing role", f"{where}: role {role!r} not found (found: {got})", P_ACTOR_FIELD)
    for i, j in sorted(pairs.items()):
        if e_name[i] != f_name[j]:
            report.miss("actors", "alias match", f"{exp[i].name!r} matched found {found[j].name!r}", P_COSMETIC)
    for i, j in sorted(merged.items()):
        report.miss("actors", "merged", f"{exp[i].name!r} found only as an alias of {found[j].name!r}", P_COSMETIC)
    for i, e in enumerate(exp):
        if i not in pairs and i not in merged:
            report.miss("actors", "missing actor", f"{e.name} ({e.kind})", P_MISSING)

    ambiguous = {norm_name(a) for a in truth.ambiguous} | traps
    for j, f in enumerate(found):
        for alias in f.aliases:
            if norm_name(alias) in ambiguous:
                report.miss("actors", "bad alias", f"{f.name}: alias {alias!r} is ambiguous or a trap", P_FALSE_ACTOR)
        if j in matched_found:
            continue
        if j in trapped:
            score.counts["trap"] += 1
            report.miss("actors", "false actor", f"{f.name!r} ({f.kind}) — listed in not_actors", P_FALSE_ACTOR)
        elif dup := next((exp[i].name for i in pairs if by_alias(i, j) or e_name[i] == f_name[j]), None):
            score.counts["duplicate"] += 1
            report.miss("actors", "duplicate actor", f"{f.name!r} ({f.kind}) duplicates {dup!r}", P_FALSE_ACTOR)
        else:
            score.counts["unmatched"] += 1
            report.miss("actors", "false actor", f"{f.name!r} ({f.kind}) matches no expected actor", P_FALSE_ACTOR)


def score_quotes(truth: Truth, findings: Findings, index: ActorIndex, report: StoryReport) -> None:
    score = report.areas["quotes"]
    exp, found = truth.quotes, findings.quotes
    score.expected, score.found = len(exp), len(found)
    et = [norm_quote(q.text) for q in exp]
    ft = [norm_quote(q.text) for q in found]

    def overlaps(i: int, j: int) -> bool:
        short, long_ = sorted((et[i], ft[j]), key=len)
        return len(short) >= 0.5 * len(long_) and contains_phrase(long_, short)

    idx_e, idx_f = range(len(exp)), range(len(found))
    pairs = pair(idx_e, idx_f, lambda i, j: et[i] == ft[j])
    exact = set(pairs)
    pairs = pair(idx_e, idx_f, overlaps, pairs)
    score.recalled = score.precise = len(pairs)
    score.counts.update({"wrong speaker": 0, "missing speaker": 0})

    for i, j in sorted(pairs.items()):
        e, f = exp[i], found[j]
        where = _clip(e.text)
        if i not in exact:
            report.miss("quotes", "span differs", f"expected {e.text!r}, found {f.text!r}", P_COSMETIC)
        speaker_ok = index.agree(e.speaker, f.speaker)
        score.check("speaker", speaker_ok)
        if speaker_ok:
            continue
        got = index.name(f.speaker)
        if f.speaker is None:
            score.counts["missing speaker"] += 1
            report.miss(
                "quotes", "missing speaker", f"{where}: speaker null, expected {show(e.speaker)}", P_MISSING_SPEAKER
            )
        else:
            score.counts["wrong speaker"] += 1
            detail = f"{where}: speaker {show(got)} (cue {show(f.cue)}), expected {show(e.speaker)}"
            report.miss("quotes", "wrong speaker", detail, P_WRONG_SPEAKER)
    for i, e in enumerate(exp):
        if i not in pairs:
            report.miss("quotes", "missing quote", f"{_clip(e.text)} (speaker {show(e.speaker)})", P_MISSING)
    matched_found = set(pairs.values())
    for j, f in enumerate(found):
        if j not in matched_found:
            detail = f"{_clip(f.text)} (speaker {show(index.name(f.speaker))})"
            report.miss("quotes", "spurious quote", detail, P_SPURIOUS)


def _clip(text: str, width: int = 70) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def score_events(truth: Truth, findings: Findings, report: StoryReport) -> None:
    score = report.areas["events"]
    written: dict[tuple[str | None, str], str] = {}
    for e in truth.events:
        written.setdefault((e.date, norm_when(e.when)), e.when)
    exp = list(written)
    shown: dict[tuple[str | None, str], str] = {}
    for ev in findings.events:
        shown.setdefault((norm_date(ev.date), norm_when(ev.when)), ev.when)
    found = list(shown)
    pairs = pair(exp, found, lambda e, f: e == f)
    matched_found = set(pairs.values())
    variants = {
        j
        for j, (date, when) in enumerate(found)
        if j not in matched_found and any(date == d and when.endswith(" " + w) for d, w in exp)
    }
    score.expected, score.found = len(exp), len(found) - len(variants)
    score.recalled = score.precise = len(pairs)
    for i, key in enumerate(exp):
        if i not in pairs:
            report.miss("events", "missing event", f"{written[key]!r} → {show(key[0])}", P_EVENT_TERM)
    for j, (date, when) in enumerate(found):
        if j in variants:
            report.miss("events", "when wording", f"{shown[found[j]]!r} → {show(date)} (an extra word)", P_COSMETIC)
        elif j not in matched_found:
            same_when = [d for d, w in exp if w == when]
            note = f", expected {show(same_when[0])}" if same_when else ""
            report.miss("events", "spurious event", f"{shown[found[j]]!r} → {show(date)}{note}", P_EVENT_TERM)


def score_terms(truth: Truth, findings: Findings, report: StoryReport) -> None:
    score = report.areas["terms"]
    exp, found = truth.terms, findings.terms
    score.expected, score.found = len(exp), len(found)
    pairs = pair(exp, found, lambda e, f: norm_name(e.term) == norm_name(f.term))
    score.recalled = score.precise = len(pairs)
    for i, j in pairs.items():
        e, f = exp[i], found[j]
        forms = {norm_name(x) for x in (*f.aliases, f.definition or "")}
        if e.expansion and norm_name(e.expansion) not in forms:
            got = ", ".join(repr(a) for a in f.aliases) or "none"
            report.miss(
                "terms", "expansion", f"{e.term}: expansion {e.expansion!r} not found (aliases: {got})", P_EVENT_TERM
            )
    for i, e in enumerate(exp):
        if i not in pairs:
            report.miss("terms", "missing term", f"{e.term} ({e.expansion})", P_EVENT_TERM)
    for j, f in enumerate(found):
        if j not in set(pairs.values()):
            report.miss("terms", "spurious term", f"{f.term} ({', '.join(f.aliases)})", P_EVENT_TERM)


def check_layout(truth: Truth, article: Article, report: StoryReport) -> None:
    """Reader output against the layout fields; listed as mismatches only, not scored."""
    raw = truth.raw
    subheads = [s.text for b in article.blocks if b.kind == "subhead" for s in b.sentences]
    fields: list[tuple[str, object, object]] = [
        ("date", norm_date(raw.get("date")), norm_date(article.date)),
        ("title", raw.get("title"), article.title),
        ("byline", raw.get("byline"), article.byline),
        ("caption_credit", raw.get("caption_credit"), article.credit),
        ("subheads", raw.get("subheads"), subheads),
        ("sentence_count", raw.get("sentence_count"), len(article.sentences)),
    ]
    for name, want, got in fields:
        if name not in raw:
            continue
        if isinstance(want, list) and isinstance(got, list):
            same = [norm_quote(str(w)) for w in want] == [norm_quote(str(g)) for g in got]
        elif isinstance(want, str) and isinstance(got, str):
            same = norm_text(want) == norm_text(got)
        else:
            same = want == got
        if not same:
            report.miss("layout", name, f"found {show(got)}, expected {show(want)}", P_COSMETIC)


def evaluate(truth: Truth) -> StoryReport:
    report = StoryReport(truth.label)
    try:
        article = read_seed(truth.story).article
        findings = extract(article)
    except Exception as exc:  # a crash in the extractor is a finding, not a reason to stop the report
        report.error = f"{type(exc).__name__}: {exc}"
        report.miss("error", "extraction failed", "".join(traceback.format_exception_only(exc)).strip(), 0)
        return report
    index = ActorIndex(findings.actors, truth.actors)
    score_figures(truth, findings, index, report)
    score_actors(truth, findings, report)
    score_quotes(truth, findings, index, report)
    score_events(truth, findings, report)
    score_terms(truth, findings, report)
    check_layout(truth, article, report)
    report.mismatches.sort(key=lambda m: m.priority)
    return report


# --- output ----------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _ratio(check: Check | None) -> str:
    return "—" if check is None or not check.total else f"{check.ok}/{check.total}"


def row_cells(areas: dict[str, AreaScore]) -> list[str]:
    fig, act, quo, evt, trm = (areas[a] for a in AREAS)
    speaker = quo.checks.get("speaker")
    return [
        _pct(fig.precision),
        _pct(fig.recall),
        _ratio(fig.checks.get("correct")),
        _ratio(fig.checks.get("claimant")),
        _pct(act.precision),
        _pct(act.recall),
        _ratio(act.checks.get("kind")),
        _ratio(act.checks.get("roles")),
        _pct(quo.precision),
        _pct(quo.recall),
        _pct(speaker.rate if speaker else None),
        str(quo.counts["wrong speaker"]),
        str(quo.counts["missing speaker"]),
        _pct(evt.precision),
        _pct(evt.recall),
        _pct(trm.precision),
        _pct(trm.recall),
    ]


GROUPS = (("figures", 4), ("actors", 4), ("quotes", 5), ("events", 2), ("terms", 2))
HEADERS = (
    *("P", "R", "correct", "claimant"),
    *("P", "R", "kind", "roles"),
    *("P", "R", "speaker", "wrong", "miss"),
    *("P", "R"),
    *("P", "R"),
)


def print_table(reports: Sequence[StoryReport], totals: dict[str, AreaScore]) -> None:
    rows = [
        (r.label, row_cells(r.areas) if r.error is None else ["error"] + [""] * (len(HEADERS) - 1)) for r in reports
    ]
    rows.append(("TOTAL", row_cells(totals)))
    label_w = max(len(label) for label, _ in rows)
    widths = [max(len(h), *(len(cells[k]) for _, cells in rows)) for k, h in enumerate(HEADERS)]
    group_line, k = [], 0
    for name, span in GROUPS:
        width = sum(widths[k : k + span]) + 2 * (span - 1)
        group_line.append(name.center(width, "─"))
        k += span
    print(" " * label_w + " │ " + " │ ".join(group_line))
    cells_at = [0]
    for _, span in GROUPS:
        cells_at.append(cells_at[-1] + span)

    def line(label: str, cells: Sequence[str]) -> str:
        parts = []
        for a, b in zip(cells_at, cells_at[1:], strict=False):
            parts.append("  ".join(c.rjust(widths[a + n]) for n, c in enumerate(cells[a:b])))
        return label.ljust(label_w) + " │ " + " │ ".join(parts)

    print(line("story", HEADERS))
    print("─" * len(line("", HEADERS)))
    for label, cells in rows:
        if label == "TOTAL":
            print("─" * len(line("", HEADERS)))
        print(line(label, cells))


def print_report(reports: Sequence[StoryReport], totals: dict[str, AreaScore]) -> None:
    print("Extraction scores against hand-labelled ground truth")
    print("P/R: precision/recall · correct: number and qualifier right · claimant, kind, roles, speaker: agreement")
    print("wrong/miss: quotes given to the wrong speaker / to nobody\n")
    print_table(reports, totals)
    count = sum(len(r.mismatches) for r in reports)
    print(f"\nMismatches ({count}), most important first within each story")
    for r in reports:
        print(f"\n## {r.label} ({len(r.mismatches)})")
        for m in r.mismatches:
            print(f"  [{m.area}] {m.kind}: {m.detail}")


def totals_of(reports: Iterable[StoryReport]) -> dict[str, AreaScore]:
    totals = {a: AreaScore() for a in AREAS}
    for r in reports:
        for a in AREAS:
            totals[a].merge(r.areas[a])
    return totals


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("truth", nargs="*", type=Path, help="ground-truth files (default: all of them)")
    args = parser.parse_args(argv)
    reports: list[StoryReport] = []
    for path in args.truth or DEFAULT_TRUTH:
        try:
            truth = load_truth(path)
        except Exception as exc:
            report = StoryReport(path.stem, error=str(exc))
            report.miss("error", "unreadable truth", str(exc), 0)
            reports.append(report)
            continue
        reports.append(evaluate(truth))
    totals = totals_of(reports)
    if args.json:
        payload = {
            "stories": [r.label for r in reports],
            "errors": {r.label: r.error for r in reports if r.error},
            "mismatches": sum(len(r.mismatches) for r in reports),
            **{a: totals[a].as_json() for a in AREAS},
        }
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print_report(reports, totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())

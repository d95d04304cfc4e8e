"""Score the extraction on the real-article corpus beside the project (`../shared/corpus`), in-process.

    .venv/bin/python scripts/corpus_eval.py [--split dev|heldout|all] [--details] [--json] [STORY.txt ...]

`../shared/corpus/score-corpus` is the reference: it builds every story alone as a site with MkDocs
and scores `site/explainer.json`. This script runs the same pipeline without MkDocs (each story read
alone from a temporary `seeds/`, merged with this project's `docs/`, turned into the same JSON) and
scores it with the corpus's own `score.py`, so a change to the rules is measured in a second, not a
minute. Its totals match `score-corpus`; `make eval` runs both.

The split keeps part of the corpus aside to check against, not to tune on: in file-name order,
every third story (the 3rd, 6th, 9th, ...) is held out. The rule is positional so that no story is
named here.

`--details` prints, per story, every miss, wrong speaker and false person; without it only the
per-story line and the totals. Exit status 0 always: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib.util
import io
import json
import re
import shutil
import sys
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from explainer.pipeline import build_story
from explainer.site.export import story_to_dict

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MEASURES = ("quotes", "orgs", "people", "roles", "figures", "events", "terms")


def split(stories: list[Path], which: str) -> list[Path]:
    """`dev`, `heldout` or `all`: held out is every third story in file-name order."""
    ordered = sorted(stories, key=lambda p: p.name)
    if which == "all":
        return ordered
    held = {p for i, p in enumerate(ordered) if i % 3 == 2}
    return [p for p in ordered if (p in held) == (which == "heldout")]


def load_scorer(corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{corpus / 'score.py'}: cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_story(scorer: ModuleType, story: Path, work: Path) -> tuple[dict[str, Any], list[str]]:
    """Extract one story alone (with the project's curated docs) and score it; (summary, detail lines)."""
    seeds = work / "seeds"
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir(parents=True)
    shutil.copy(story, seeds / story.name)
    data = story_to_dict(build_story(seeds, ROOT / "docs"))
    export = work / "explainer.json"
    export.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    # the corpus's scorer opens files without closing them: their warnings are its own, not ours
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        scorer.main(str(export), [str(story.with_suffix(".yml"))], [str(story)])
        gc.collect()
    lines = out.getvalue().splitlines()
    summary: dict[str, Any] = json.loads(lines[-1])
    counts: dict[str, list[int]] = {}
    for ln in lines:
        m = re.match(r"^(\w+): (\d+)/(\d+)$", ln)
        if m:
            counts[m.group(1)] = [int(m.group(2)), int(m.group(3))]
        m = re.match(r"^people listed: (\d+)$", ln)
        if m:
            summary["_listed"] = int(m.group(1))
        m = re.match(r"^people precision: [\d.]+ \(false: (.*)\)$", ln)
        if m:
            summary["_false"] = [] if m.group(1) == "[]" else re.findall(r"'([^']*)'|\"([^\"]*)\"", m.group(1))
    summary["_counts"] = counts
    details = [ln for ln in lines if ln.startswith(("miss:", "wrong speaker:", "not verbatim:", "people precision:"))]
    details += [ln for ln in lines if ln.startswith("junk figures:") and ln != "junk figures: []"]
    return summary, details


@dataclass
class Totals:
    """Per-story summaries summed over a set of stories, as the corpus's `total.py` sums them."""

    counts: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in MEASURES})
    listed: int = 0
    false: int = 0
    junk: int = 0
    wrong: int = 0

    def add(self, summary: dict[str, Any]) -> None:
        for k, (hit, tot) in summary["_counts"].items():
            self.counts.setdefault(k, [0, 0])
            self.counts[k][0] += hit
            self.counts[k][1] += tot
        self.listed += summary.get("_listed", 0)
        self.false += len(summary.get("_false", []))
        self.junk += summary["junk"]
        self.wrong += summary["wrong_speakers"]

    def result(self) -> dict[str, Any]:
        """Each measure as a share, people precision, junk figures and wrong speakers."""
        out: dict[str, Any] = {k: h / t if t else 1.0 for k, (h, t) in self.counts.items()}
        out["precision"] = (self.listed - self.false) / self.listed if self.listed else 0.0
        out["junk"] = self.junk
        out["wrong_speakers"] = self.wrong
        return out


def score_all(stories: list[Path], corpus: Path = CORPUS) -> dict[str, Any]:
    """The totals of `stories` (see `Totals.result`)."""
    scorer = load_scorer(corpus)
    totals = Totals()
    with tempfile.TemporaryDirectory() as tmp:
        for story in stories:
            totals.add(score_story(scorer, story, Path(tmp))[0])
    return totals.result()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("stories", nargs="*", type=Path, help="corpus stories (default: the split)")
    p.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--details", action="store_true", help="print misses, wrong speakers and false people")
    p.add_argument("--json", action="store_true", help="print only the totals, as JSON")
    args = p.parse_args(argv)
    if not (args.corpus / "score.py").is_file():
        print(f"{args.corpus}: no corpus here (expected score.py and *.txt beside it)", file=sys.stderr)
        return 0
    scorer = load_scorer(args.corpus)
    stories = args.stories or split(list(args.corpus.glob("*.txt")), args.split)
    with tempfile.TemporaryDirectory() as tmp:
        totals = Totals()
        for story in stories:
            summary, details = score_story(scorer, story, Path(tmp))
            totals.add(summary)
            if not args.json:
                shown = " ".join(
                    f"{k}={summary[k]:.2f}" for k in (*MEASURES, "precision") if isinstance(summary.get(k), float)
                )
                print(f"{story.stem}: {shown} junk={summary['junk']} wrong={summary['wrong_speakers']}")
                if args.details:
                    for d in details:
                        print("   ", d[:220])
    result = totals.result()
    counts, listed, false, junk, wrong = totals.counts, totals.listed, totals.false, totals.junk, totals.wrong
    if args.json:
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}))
        return 0
    print(f"\n{len(stories)} stories ({args.split if not args.stories else 'as given'})")
    for k, (h, t) in counts.items():
        print(f"  {k:9} {h:4}/{t:<4} {h / t if t else 1.0:.2f}")
    print(f"  precision {listed - false:4}/{listed:<4} {result['precision']:.2f}")
    print(f"  junk {junk}, wrong speakers {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

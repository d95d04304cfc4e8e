"""Build a site of one very long story (5 MB by default) and report the time and peak memory of
`mkdocs build` against the targets (30 s, 300 MB): a benchmark, not a test.

    .venv/bin/python scripts/bench_big_story.py [--mb 5] [--check-targets]

The story is made of the hand-labelled test stories' paragraphs with their numbers varied (the
same text as the hostile-input build test, at a larger size). Exit status 0 unless the build
fails, or `--check-targets` is given and a target is missed.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_hostile import big_story, mkdocs_yml  # noqa: E402  (the build test's own story and site)

TARGET_SECONDS = 30.0
TARGET_MB = 300.0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=float, default=5.0, help="story size in megabytes")
    p.add_argument("--check-targets", action="store_true", help="exit 1 when a target is missed")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="explainer-big-") as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / "docs").mkdir()
        text = big_story(int(args.mb * 1_000_000))
        (root / "seeds" / "big.txt").write_text(text, encoding="utf-8")
        (root / "docs" / "about.md").write_text("# About\n\nA hand-written page.\n", encoding="utf-8")
        mkdocs_yml(root)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env, capture_output=True, text=True
        )
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            return 1
        largest = max((f.stat().st_size, str(f.relative_to(root / "site"))) for f in (root / "site").rglob("*.html"))
    print(f"story {len(text.encode()) / 1e6:.1f} MB: build {seconds:.1f} s (target {TARGET_SECONDS:.0f} s), "
          f"peak {peak_mb:.0f} MB (target {TARGET_MB:.0f} MB), largest page {largest[1]} {largest[0] / 1e6:.1f} MB")  # fmt: skip
    missed = seconds > TARGET_SECONDS or peak_mb > TARGET_MB
    return 1 if args.check_targets and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

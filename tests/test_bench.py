"""`scripts/bench --smoke`: the benchmark still runs end to end (no timing is asserted)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

COLUMNS = [
    "stories", "pages", "plugin_s", "plain_s", "ratio", "warm_s", "warm_ratio", "cpu_ratio", "warm_cpu_ratio",
    "export_s", "peak_mb", "plain_peak_mb", "largest_kb",
]  # fmt: skip


@pytest.mark.slow
def test_bench_smoke_prints_the_table() -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench"), "--smoke"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split() == COLUMNS)
    row = lines[header + 1].split()
    assert len(row) == len(COLUMNS)
    assert row[0] == "5"  # five synthetic stories, each with its story page
    assert int(row[1]) > 5
    assert float(row[COLUMNS.index("cpu_ratio")]) > 0  # CPU time read from the build processes
    assert "seed site build:" in proc.stdout
    assert "ms per KB of story text" in proc.stdout
    assert "serve reload after a seed edit (1 story):" in proc.stdout
    assert "serve reload after a curated edit (2 stories):" in proc.stdout  # the guide's two-story site
    assert "FAILED" not in proc.stdout

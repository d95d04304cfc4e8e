"""`scripts/bench --smoke`: the benchmark still runs end to end (no timing is asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _bench_module(monkeypatch: pytest.MonkeyPatch) -> Any:
    import importlib.machinery
    import importlib.util

    loader = importlib.machinery.SourceFileLoader("bench_script", str(ROOT / "scripts" / "bench"))
    spec = importlib.util.spec_from_loader("bench_script", loader)
    assert spec is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_script", bench)  # (its dataclasses look their module up)
    loader.exec_module(bench)
    return bench


def test_the_report_shows_each_round_s_own_ratios(monkeypatch: pytest.MonkeyPatch) -> None:
    # the table's ratios take each side's best build; the rounds' own ratios show the spread
    bench = _bench_module(monkeypatch)
    row = bench.Row(n=4, stories=4, pages=9, plugin_s=1.2, plain_s=1.0, ratio=1.2, export_s=0.1, peak_mb=1.0,
                    plain_peak_mb=1.0, rounds=[(1.25, 1.1), (1.2, 1.04)])  # fmt: skip
    result = {
        "machine": {"nproc": 2, "cpu": "x", "ram": "1 GiB", "python": "3", "mkdocs": "1"},
        "repeat": 2,
        "sites": "/dev/shm/explainer-bench-sites-x",
        "sizes": [bench.asdict(row)],
        "ratio_400_100": None,
        "seed_build_s": None,
        "serve": [],
        "extract_ms_per_kb": 0.9,
        "targets": [],
        "failures": [],
    }
    text = bench.report(result)
    assert "each round at 4 stories, cold/plain and warm/plain: 1.25/1.10, 1.20/1.04" in text
    assert "sites written to /dev/shm/explainer-bench-sites-x" in text


def test_sites_go_where_asked_or_stay_in_the_work_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # both sides' sites are written in one place (RAM-backed by default), never outside it
    bench = _bench_module(monkeypatch)
    work = tmp_path / "work"
    work.mkdir()
    asked = bench.sites_folder(str(tmp_path / "ram"), work, need_mb=1)
    assert asked.parent == tmp_path / "ram" and asked.is_dir() and not list(asked.iterdir())
    assert bench.sites_folder(None, work, need_mb=1e12) == work  # no RAM folder with a petabyte free

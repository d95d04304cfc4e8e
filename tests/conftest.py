"""Shared fixtures: the seed story, and one strict build of the real site per test session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = next(SEEDS.glob("*.txt"))
STORIES = Path(__file__).resolve().parent / "stories"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def run_mkdocs(*args: str, cwd: Path = ROOT, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the MkDocs CLI in a subprocess, as a user would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"mkdocs {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with `--strict` (any warning fails the build)."""
    out = tmp_path_factory.mktemp("site")
    proc = run_mkdocs("build", "--strict", "--site-dir", str(out))
    warnings = [ln for ln in proc.stderr.splitlines() if "WARNING" in ln]
    assert warnings == []
    return out


@pytest.fixture(scope="session")
def explainer_json(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "explainer.json").read_text(encoding="utf-8"))
    return data


def assert_follows_schema(data: Any, schema_file: Path | None = None) -> None:
    """`explainer.json` data is valid against the contract's JSON Schema (the package's own copy,
    or the one a build published beside it)."""
    import jsonschema

    from explainer.site.assets import SCHEMA

    schema = json.loads((schema_file or SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:10])

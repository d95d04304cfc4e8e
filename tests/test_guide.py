"""The editor's guide does what it says: every command it shows runs, every file it shows works."""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, run_mkdocs
from test_cli import explainer
from test_editing import _free_port, _wait_for

GUIDE = ROOT / "docs" / "editors-guide.md"
COMMAND = re.compile(r"`((?:explainer|mkdocs|make) [^`]+)`")
PROBLEM = re.compile(r"\.(?:md|txt|yml):\d")  # a `file:line: message` line
BLOCK = re.compile(r"^( *)```(\w+)\n(.*?)^\1```", re.S | re.M)


def guide_commands() -> list[str]:
    return list(dict.fromkeys(COMMAND.findall(GUIDE.read_text(encoding="utf-8"))))


def _serves(argv: list[str], cwd: Path, port: int, page: str, needle: str) -> None:
    """Start a server as the guide says, wait until `page` shows `needle`, stop it and its children."""
    server = subprocess.Popen(
        argv,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # `make serve` runs mkdocs as its child: stop the whole group
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/{page}", needle, 90)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_the_guide_shows_the_commands_an_editor_needs() -> None:
    shown = {" ".join(c.split()[:2]) for c in guide_commands()}
    wanted = {"explainer new", "explainer review", "explainer check", "explainer eject", "explainer export"}
    assert wanted | {"explainer extract", "mkdocs serve", "mkdocs build", "make serve"} <= shown


def test_every_command_the_guide_shows_runs_as_written(tmp_path: Path) -> None:
    project: Path | None = None
    ran = []
    for command in guide_commands():
        argv = shlex.split(command)
        if argv == ["make", "serve"]:  # this repository's demo, on a free port
            port = _free_port()
            _serves(["make", "serve", f"DEV_ADDR=127.0.0.1:{port}"], ROOT, port, "review/", "Review (editors)")
        elif argv[:2] == ["explainer", "new"]:
            done = explainer(*argv[1:], "--name", "Guide test", cwd=tmp_path)
            assert done.returncode == 0, done.stderr
            project = tmp_path / argv[2]
        else:
            assert project is not None, f"`{command}` is shown before `explainer new`"
            if argv == ["mkdocs", "serve"]:
                port = _free_port()
                serve = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
                _serves(serve, project, port, "review/", "Riverton")
            elif argv[0] == "mkdocs":
                proc = run_mkdocs(*argv[1:], cwd=project)
                assert "WARNING" not in proc.stderr
            else:
                done = explainer(*argv[1:], cwd=project)
                assert done.returncode == 0, f"{command}: {done.stderr}"
                assert not PROBLEM.search(done.stderr), f"{command}: {done.stderr}"
        ran.append(command)
    assert len(ran) >= 10, ran
    assert (project / "docs/timeline.md").is_file() and (project / "out/mkdocs.yml").is_file()  # type: ignore[operator]


def test_the_files_the_guide_shows_work_in_a_new_project(tmp_path: Path) -> None:
    done = explainer("new", "site", "--name", "Guide files", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    project = tmp_path / "site"
    blocks = [(lang, text) for _, lang, text in BLOCK.findall(GUIDE.read_text(encoding="utf-8"))]
    files = {"name:": "docs/actors/mara-lindqvist.md", "term:": "docs/glossary/icbm.md"}
    written = 0
    for lang, text in blocks:
        text = re.sub(r"(?m)^ {2}", "", text) if text.startswith("  ") else text
        for key, rel in files.items():
            if lang == "markdown" and key in text:
                (project / rel).parent.mkdir(parents=True, exist_ok=True)
                (project / rel).write_text(text, encoding="utf-8")
                written += 1
        if lang == "yaml" and text.startswith("site_name:"):  # the site's name, publisher and corrections address
            config = project / "mkdocs.yml"
            kept = [ln for ln in config.read_text(encoding="utf-8").splitlines() if not ln.startswith("site_name:")]
            config.write_text(text + "\n".join(kept) + "\n", encoding="utf-8")
            written += 1
        if lang == "yaml" and text.startswith("---\n") and ("labels:" in text or "corrections:" in text):
            seed = project / "seeds/sample-story.txt"
            meta, body = seed.read_text(encoding="utf-8").split("---\n")[1:3]
            front = {**yaml.safe_load(meta), **yaml.safe_load(text.strip("-\n"))}
            seed.write_text(f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n{body}", encoding="utf-8")
            written += 1
    assert written == 5
    (project / "docs/glossary/ballistic-missile.md").write_text("---\nterm: ballistic missile\n---\nA rocket.\n")
    check = explainer("check", cwd=project)
    assert (check.returncode, check.stderr) == (0, "1 story checked, 0 problems\n")
    review = explainer("review", "--flags-only", cwd=project)
    assert '"31 to 9"' not in review.stdout  # the guide's label fixed its flag
    assert "31 to 9 — council vote on the barrier" in explainer("review", cwd=project).stdout
    assert "Mara Lindqvist, Leader of Riverton city council" in explainer("review", cwd=project).stdout
    run_mkdocs("build", "--strict", cwd=project)
    about = (project / "site/about/index.html").read_text(encoding="utf-8")
    assert (
        'published by <strong class="explainer-nolink">Riverton Courier</strong>' in about
        and "mailto:corrections@example.org" in about
    )
    assert "<title>About this explainer - Riverton flood defences, explained</title>" in about
    story = (project / "site/stories/sample-story/index.html").read_text(encoding="utf-8")
    assert "Correction, Saturday 14 March 2026" in story and "wrong height for the barrier" in story
    assert "wrong height for the barrier" in (project / "site/corrections/index.html").read_text(encoding="utf-8")

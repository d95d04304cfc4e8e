"""The editor's review: each sentence's findings, the flags, and fixes that really fix them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import run_mkdocs
from explainer.model import Actor, Article, Block, Findings, Mention, Sentence, Span, Story
from explainer.pipeline import extract_story
from explainer.site.markdown import escape
from explainer.site.review import as_markdown, as_text, review
from test_build import page_file, write_tiny_site
from test_cli import explainer
from test_editing import _free_port, _wait_for

FERRY = """\
Harbour Board Buys Electric Ferries

The harbour board voted 7 to 2 on Monday to buy two electric ferries.

"This is the cleanest fleet we have ever had," said Maria Olsen, the board's chair.

Tom Varga welcomed the decision.

"We will keep every job," the statement read.
"""


def _project(root: Path, seed: str = FERRY, curated: dict[str, str] | None = None) -> Path:
    write_tiny_site(root, "")
    (root / "seeds/story.txt").write_text(seed, encoding="utf-8")
    for rel, text in (curated or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def _flags(root: Path) -> list[tuple[str, str, str]]:
    findings, story, _ = extract_story(root / "seeds", root / "docs")
    return [(s.sentence.id, f.kind, f.fix.path) for r in review(findings, story) for s in r.sentences for f in s.flags]


def test_each_sentence_lists_what_was_found_and_flags_what_the_rules_left(tmp_path: Path) -> None:
    root = _project(tmp_path)
    findings, story, _ = extract_story(root / "seeds", root / "docs")
    (r,) = review(findings, story)
    by_id = {s.sentence.id: s for s in r.sentences}
    assert ("person", "Maria Olsen, board's chair") in {(i.what, i.text) for i in by_id["s2"].items}
    assert ("quote", "“This is the cleanest fleet we have ever had” — Maria Olsen (said)") in {
        (i.what, i.text) for i in by_id["s2"].items
    }
    assert ("figure", "7 to 2 — figure") in {(i.what, i.text) for i in by_id["s1"].items}
    assert _flags(root) == [
        ("s1", "figure without label", "seeds/story.txt"),
        ("s3", "person without role", "docs/actors/tom-varga.md"),
        ("s4", "unattributed quote", "docs/actors/<speaker's slug>.md"),
    ]
    assert r.counts()["unattributed quote"] == 1


def test_the_snippets_the_review_gives_remove_their_flags(tmp_path: Path) -> None:
    root = _project(tmp_path)
    findings, story, _ = extract_story(root / "seeds", root / "docs")
    fixes = {f.kind: f.fix.snippet for r in review(findings, story) for f in r.flags}
    seed = root / "seeds/story.txt"
    seed.write_text(f"---\n{fixes['figure without label'].replace('<what it counts>', 'board vote')}\n---\n{FERRY}")
    (root / "docs/actors").mkdir()
    role = fixes["person without role"].replace("<who they are, as a reader needs it>", "union leader")
    (root / "docs/actors/tom-varga.md").write_text(f"---\n{role}\n---\n")
    (root / "docs/actors/maria-olsen.md").write_text(f"---\n{fixes['unattributed quote']}\n---\n")
    assert _flags(root) == []
    _, story, problems = extract_story(root / "seeds", root / "docs")
    assert problems == ()
    (job,) = [q for q in story.quotes if q.text.startswith("We will keep")]
    assert (job.speaker, job.cue) == ("maria-olsen", None)  # credited by the editor; no cue verb invented
    assert [f.label for f in story.figures if f.value == "7 to 2"] == ["board vote"]
    assert [a.roles for a in story.actors if a.id == "tom-varga"] == [("union leader",)]


def test_a_credit_or_label_that_matches_nothing_is_named_with_its_line(tmp_path: Path) -> None:
    seed = '---\nsource: AP\nlabels:\n  "7 to 3": vote\n---\n' + FERRY
    root = _project(tmp_path, seed, {"docs/actors/maria-olsen.md": '---\nrole: chair\nquotes: ["Never said"]\n---\n'})
    *_, problems = extract_story(root / "seeds", root / "docs")
    assert tuple(map(str, problems)) == (
        "seeds/story.txt:3: labels: '7 to 3' is no figure of this story (did you mean '7 to 2'?);"
        " write the figure as `explainer review` shows it",
        "docs/actors/maria-olsen.md:3: quotes: 'Never said' starts no quote in any story;"
        " copy the quote's first words as `explainer review` shows them",
    )


def test_labels_must_be_a_mapping(tmp_path: Path) -> None:
    root = _project(tmp_path, "---\nlabels: [7 to 2]\n---\n" + FERRY)
    *_, problems = extract_story(root / "seeds", root / "docs")
    assert len(problems) == 1
    assert str(problems[0]).startswith("seeds/story.txt:2: front-matter 'labels' must map each figure as written")


def test_a_name_read_as_person_and_organization_is_flagged_with_a_kind_fix() -> None:
    def story_of(article_id: str, kind: str) -> Findings:
        s = Sentence("s1", "Harmon praised the plan.", 0)
        article = Article(article_id, f"seeds/{article_id}.txt", "T", (Block("paragraph", (s,)),))
        actor = Actor("harmon", "Harmon", kind, roles=("chair",))  # type: ignore[arg-type]
        return Findings(article, actors=(actor,), mentions=(Mention("harmon", Span(article_id, "s1", 0, 6), "Harmon"),))

    found = [story_of("a", "person"), story_of("b", "organization")]
    merged = Story(
        articles=tuple(f.article for f in found),
        actors=(found[0].actors[0],),
        mentions=tuple(m for f in found for m in f.mentions),
    )
    reviews = review(found, merged)
    (flag,) = [f for r in reviews for f in r.flags]
    assert (flag.kind, flag.fix.path, flag.fix.snippet.split("#")[0].strip()) == (
        "person or organization",
        "docs/actors/harmon.md",
        "kind: person",
    )
    assert "read as organization and person in different stories" in flag.message


def test_text_and_page_show_the_flag_and_its_fix(tmp_path: Path) -> None:
    findings, story, _ = extract_story(_project(tmp_path) / "seeds", tmp_path / "docs")
    reviews = review(findings, story)
    text = as_text(reviews, flags_only=True)
    assert text.splitlines()[0] == (
        "seeds/story.txt — Harbour Board Buys Electric Ferries: 3 flags"
        " (1 unattributed quote, 1 person without role, 1 figure without label)"
    )
    assert '               - "We will keep every job"' in text.splitlines()
    assert "s2 " not in text  # nothing to correct there
    page = as_markdown(reviews, escape)
    assert '!!! note "unattributed quote"' in page
    assert '          - "We will keep every job"' in page.splitlines()  # an indented code block in the note


def test_review_command_prints_one_story_and_names_a_wrong_one(tmp_path: Path) -> None:
    root = _project(tmp_path)
    done = explainer("review", "seeds/story.txt", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "s3       Tom Varga welcomed the decision." in done.stdout
    assert "fix: create docs/actors/tom-varga.md with" in done.stdout
    wrong = explainer("review", "storyy", cwd=root)
    assert (wrong.returncode, wrong.stdout, wrong.stderr) == (
        1,
        "",
        "storyy: no such story (stories: seeds/story.txt)\n",
    )


def test_review_page_is_never_built_unless_asked(tmp_path: Path) -> None:
    root = _project(tmp_path)
    run_mkdocs("build", "--strict", cwd=root)
    assert not page_file(root / "site", "review/").exists()
    assert "review" not in (root / "site/sitemap.xml").read_text(encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("plugins: [search, explainer]", "plugins: [search, {explainer: {review: always}}]")
    )
    proc = run_mkdocs("build", "--strict", cwd=root)
    assert "WARNING" not in proc.stderr
    html = page_file(root / "site", "review/").read_text(encoding="utf-8")
    assert "For editors: shown by <code>mkdocs serve</code> only, never published" in html
    assert "We will keep every job" in html


def test_serve_shows_the_review_page_and_a_saved_fix_clears_its_flag(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "seeds/second.txt").write_text(
        "Union Backs Ferry Plan\n\nTom Varga said the union would support the plan.\n", encoding="utf-8"
    )
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        review_url = f"http://127.0.0.1:{port}/review/"
        page = _wait_for(review_url, "No story says who Tom Varga is", 60)
        assert "Review (editors)" in page  # in the navigation while serving
        assert "Union Backs Ferry Plan" in page  # both stories
        (root / "docs/actors").mkdir()
        (root / "docs/actors/tom-varga.md").write_text("---\nrole: union leader\n---\n", encoding="utf-8")
        page = _wait_for(review_url, "Tom Varga, union leader", 30)
        assert "No story says who Tom Varga is" not in page
    finally:
        server.terminate()
        server.wait(timeout=20)

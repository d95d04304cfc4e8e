"""The built site kept between builds (`site.cache`): its key changes with every input it names,
and an entry that cannot be read, or was kept for other inputs, is a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.diagnostics import Diagnostic
from explainer.site.cache import ENTRY, BuiltSite, SiteCache, site_key
from explainer.site.linker import Target
from explainer.site.sitemap import Layout


def _project(root: Path) -> dict[str, Path | None]:
    for rel, text in {
        "seeds/a.txt": "Headline\n\nA story.\n",
        "docs/about.md": "# About\n",
        "docs/glossary/icbm.md": "---\nterm: ICBM\n---\nA missile.\n",
        "templates/story.md.j2": "{{ story.title }}\n",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return {"seeds": (root / "seeds", "*"), "docs": (root / "docs", "*.md"), "templates": (root / "templates", "*")}


def _key(folders: dict[str, tuple[Path | None, str]], own: dict[str, str] | None = None, *settings: object) -> str:
    return site_key(folders=folders, own_text=own or {"about.md": "# About\n"}, settings=settings or ("x",))


def test_the_key_is_the_same_for_the_same_inputs(tmp_path: Path) -> None:
    folders = _project(tmp_path)
    assert _key(folders) == _key(folders)


@pytest.mark.parametrize(
    "edit",
    [
        lambda root: (root / "seeds/a.txt").write_text("Headline\n\nA story, edited.\n", encoding="utf-8"),
        lambda root: (root / "seeds/b.txt").write_text("Another\n\nStory.\n", encoding="utf-8"),
        lambda root: (root / "seeds/a.txt").rename(root / "seeds/c.txt"),
        lambda root: (root / "docs/glossary/icbm.md").write_text("---\nterm: ICBM\n---\nA rocket.\n", encoding="utf-8"),
        lambda root: (root / "docs/glossary/icbm.md").unlink(),
        lambda root: (root / "templates/story.md.j2").write_text("{{ story.id }}\n", encoding="utf-8"),
    ],
    ids=["seed edited", "seed added", "seed renamed", "curated entry edited", "curated entry removed", "template"],
)
def test_any_file_of_the_seeds_docs_or_templates_gives_a_new_key(tmp_path: Path, edit: object) -> None:
    folders = _project(tmp_path)
    before = _key(folders)
    edit(tmp_path)  # type: ignore[operator]
    assert _key(folders) != before


def test_an_image_under_docs_reads_as_no_input(tmp_path: Path) -> None:
    # no page is made from it: a large media folder is not read on every build
    folders = _project(tmp_path)
    before = _key(folders)
    (tmp_path / "docs/photo.jpg").write_bytes(b"\xff\xd8 a photo")
    assert _key(folders) == before


def test_own_pages_and_settings_give_new_keys(tmp_path: Path) -> None:
    folders = _project(tmp_path)
    before = _key(folders, {"about.md": "# About\n"}, "http://a/", True)
    assert _key(folders, {"about.md": "# About us\n"}, "http://a/", True) != before  # a page's text
    assert _key(folders, {"about.md": "# About\n", "x.md": ""}, "http://a/", True) != before  # a page added
    assert _key(folders, {"about.md": "# About\n"}, "http://b/", True) != before  # a setting
    assert _key(folders, {"about.md": "# About\n"}, "http://a/", False) != before
    assert _key({**folders, "templates": (None, "*")}, {"about.md": "# About\n"}, "http://a/", True) != before


def _built() -> BuiltSite:
    layout = Layout(("index.md",), frozenset(), frozenset(), frozenset(), ["index.md"])
    return BuiltSite(
        {"index.md": "# Home\n"},
        layout,
        (("Jane Doe", Target("actors/jane-doe.md", "Jane Doe")),),
        (Diagnostic("seeds/a.txt", 3, "a warning"),),
        b"{}\n",
        {"index.md": "{}"},
        {"index.md": ""},
    )


def test_an_entry_is_read_back_for_its_own_key_only(tmp_path: Path) -> None:
    cache = SiteCache(tmp_path / "cache")
    assert cache.get("k1") is None  # nothing kept yet
    cache.put("k1", _built())
    kept = cache.get("k1")
    assert kept == _built()
    assert kept is not None and kept.link_index().targets == {"Jane Doe": Target("actors/jane-doe.md", "Jane Doe")}
    assert cache.get("k2") is None  # other inputs: built again
    assert (tmp_path / "cache/.gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_corrupt_entry_is_a_miss_not_an_error(tmp_path: Path, content: bytes) -> None:
    (tmp_path / ENTRY).write_bytes(content)
    assert SiteCache(tmp_path).get("k1") is None


def test_a_folder_that_cannot_be_written_is_left_as_it_is(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    SiteCache(blocked).put("k1", _built())  # no error: the next build builds again
    assert blocked.read_text(encoding="utf-8") == "not a folder"

"""The built site kept between builds (`site.cache`): its key changes with every input it names,
and an entry that cannot be read, or was kept for other inputs, is a miss."""

from __future__ import annotations

import os
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
    return {"seeds": root / "seeds", "docs": root / "docs", "templates": root / "templates"}


def _key(folders: dict[str, Path | None], own: dict[str, str] | None = None, *settings: object) -> str:
    return site_key(**folders, own_text=own or {"about.md": "# About\n"}, settings=settings or ("x",))


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


def test_files_the_build_does_not_read_are_no_input(tmp_path: Path) -> None:
    # no page is made from them: a large media folder is not read on every build
    folders = _project(tmp_path)
    before = _key(folders)
    (tmp_path / "docs/photo.jpg").write_bytes(b"\xff\xd8 a photo")
    (tmp_path / "seeds/video.mp4").write_bytes(b"\x00 a video")
    (tmp_path / "seeds/old").mkdir()
    (tmp_path / "seeds/old/story.txt").write_text("Not read: seeds are read from the folder itself\n")
    assert _key(folders) == before


def test_a_linked_folder_is_read_through_and_a_link_by_where_it_leads(tmp_path: Path) -> None:
    # as the build reads them: a curated folder or template part linked from elsewhere, and a seed
    # that links to nothing (the build names it as an error) or somewhere else
    folders = _project(tmp_path)
    shared = tmp_path / "shared"
    (shared / "parts").mkdir(parents=True)
    (shared / "imf.md").write_text("---\nterm: IMF\n---\nA fund.\n", encoding="utf-8")
    (shared / "parts/foot.md.j2").write_text("old\n", encoding="utf-8")
    (tmp_path / "docs/glossary/imf.md").symlink_to(shared / "imf.md")
    (tmp_path / "templates/parts").symlink_to(shared / "parts", target_is_directory=True)
    keys = [_key(folders)]
    (shared / "imf.md").write_text("---\nterm: IMF\n---\nA lender.\n", encoding="utf-8")
    keys.append(_key(folders))
    (shared / "parts/foot.md.j2").write_text("new\n", encoding="utf-8")
    keys.append(_key(folders))
    (tmp_path / "seeds/broken.txt").symlink_to(tmp_path / "missing.txt")
    keys.append(_key(folders))
    (tmp_path / "missing.txt").write_text("Headline\n\nNow there.\n", encoding="utf-8")
    keys.append(_key(folders))
    assert len(set(keys)) == len(keys)


def test_a_file_name_that_is_not_utf8_is_read_as_any_other(tmp_path: Path) -> None:
    folders = _project(tmp_path)
    before = _key(folders)
    (tmp_path / os.fsdecode(b"seeds/caf\xe9.txt")).write_bytes(b"Headline\n\nA story.\n")
    assert _key(folders) != before


def test_own_pages_and_settings_give_new_keys(tmp_path: Path) -> None:
    folders = _project(tmp_path)
    before = _key(folders, {"about.md": "# About\n"}, "http://a/", True)
    assert _key(folders, {"about.md": "# About us\n"}, "http://a/", True) != before  # a page's text
    assert _key(folders, {"about.md": "# About\n", "x.md": ""}, "http://a/", True) != before  # a page added
    assert _key(folders, {"about.md": "# About\n"}, "http://b/", True) != before  # a setting
    assert _key(folders, {"about.md": "# About\n"}, "http://a/", False) != before
    assert _key({**folders, "templates": None}, {"about.md": "# About\n"}, "http://a/", True) != before


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


def test_an_entry_whose_bytes_changed_is_a_miss(tmp_path: Path) -> None:
    cache = SiteCache(tmp_path)
    cache.put("k1", _built())
    data = bytearray((tmp_path / ENTRY).read_bytes())
    at = data.rindex(b"# Home")  # a page's text: it would still load, wrong
    data[at + 2] ^= 0x20
    (tmp_path / ENTRY).write_bytes(bytes(data))
    assert cache.get("k1") is None
    for cut in range(0, len(data), max(1, len(data) // 50)):  # and cut anywhere
        (tmp_path / ENTRY).write_bytes(bytes(data[:cut]))
        assert cache.get("k1") is None


def test_a_folder_that_cannot_be_written_is_left_as_it_is(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    SiteCache(blocked).put("k1", _built())  # no error: the next build builds again
    assert blocked.read_text(encoding="utf-8") == "not a folder"

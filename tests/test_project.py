"""A project read as MkDocs reads it: the command and the plugin see the same validated options."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from explainer.project import ProjectError, inputs, load


def _project(tmp_path: Path, plugins: str, extra: str = "") -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "stories").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            site_name: Test
            theme: {{name: material}}
            {extra}
            """
        )
        + plugins,
        encoding="utf-8",
    )
    return config


def test_plugins_written_as_a_mapping_are_read_with_their_options(tmp_path: Path) -> None:
    config_file = _project(tmp_path, "plugins:\n  search: {}\n  explainer:\n    seeds_dir: stories\n    workers: 3\n")
    config, options = load(config_file)
    assert Path(options.seeds_dir) == tmp_path / "stories"  # a c.Dir: resolved beside mkdocs.yml
    given = inputs(config, options)
    assert given.workers == 3 and given.seeds == tmp_path / "stories"
    assert inputs(config, options, serving=True).workers == 1  # a server's threads: no forking


def test_the_plugins_own_validators_run(tmp_path: Path) -> None:
    config_file = _project(tmp_path, "plugins:\n  - explainer:\n      json_path: ../outside.json\n")
    with pytest.raises(ProjectError) as raised:
        load(config_file)
    message = str(raised.value)
    assert message.startswith(f"{config_file}: ") and "json_path" in message and "\n" not in message


def test_env_tags_are_read_as_a_build_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_NAME_FOR_TEST", "From the environment")
    config_file = _project(tmp_path, "plugins: [explainer]\n")
    config_file.write_text(
        config_file.read_text().replace("site_name: Test", "site_name: !ENV [SITE_NAME_FOR_TEST, x]"), encoding="utf-8"
    )
    config, options = load(config_file)
    assert inputs(config, options).site_name == "From the environment"


def test_a_cache_inside_docs_is_refused_naming_the_option(tmp_path: Path) -> None:
    config, options = load(_project(tmp_path, "plugins:\n  - explainer:\n      cache_dir: docs/.cache\n"))
    with pytest.raises(ProjectError, match=r"cache_dir 'docs/\.cache' is inside docs_dir"):
        inputs(config, options)


def test_a_missing_config_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="not found; run this in the project folder"):
        load(tmp_path / "mkdocs.yml")

"""Templates compiled once under `mkdocs serve` (`site.compiled`): reused by later rebuilds, never
stale, and the pages as a one-off build makes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from explainer.site.compiled import CompiledTemplates
from test_build import TINY, _files, page_file, write_tiny_site


def _env(templates: dict[str, str], cache: CompiledTemplates, **settings: Any) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(templates), bytecode_cache=cache, **settings)


def test_a_new_environment_reuses_the_code_an_earlier_one_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = CompiledTemplates()
    templates = {"page.html": "{% if x %}\n  <b>{{ x | upper }}</b>\n{% endif %}\n"}
    first = _env(templates, cache).get_template("page.html").render(x="news")
    assert len(cache) == 1

    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    again = _env(templates, cache)
    monkeypatch.setattr(again, "compile", no_compile)
    assert again.get_template("page.html").render(x="news") == first == "\n  <b>NEWS</b>\n"


def test_an_edited_template_or_other_compile_settings_compile_it_again() -> None:
    cache = CompiledTemplates()
    templates = {"page.html": "{% if x %}\n  <b>{{ x }}</b>\n{% endif %}\n"}
    assert _env(templates, cache).get_template("page.html").render(x="a") == "\n  <b>a</b>\n"

    # the same source under other whitespace rules: its own code, not the first environment's
    stripped = _env(templates, cache, trim_blocks=True, lstrip_blocks=True)
    assert stripped.get_template("page.html").render(x="a") == "  <b>a</b>\n"
    assert _env(templates, cache).get_template("page.html").render(x="a") == "\n  <b>a</b>\n"

    # an edited source: Jinja compares the source's checksum, and the new text is what renders
    templates["page.html"] = "<i>{{ x }}</i>"
    assert _env(templates, cache).get_template("page.html").render(x="a") == "<i>a</i>"

    # a filter remade with another value: Jinja runs a filter on constant arguments while it
    # compiles, so code compiled with the first would print its value
    templates["page.html"] = '{{ "edition" | stamp }}'
    for value in ("one", "two", "three"):
        stamped = _env(templates, cache)
        stamped.filters["stamp"] = lambda s, value=value: f"{s} {value}"
        assert stamped.get_template("page.html").render() == f"edition {value}"
    # ... or made to take the context: called with it, not as compiled for the first
    stamped = _env(templates, cache)
    stamped.filters["stamp"] = jinja2.pass_context(lambda ctx, s: f"{s} {ctx['issue']}")
    assert stamped.get_template("page.html").render(issue="42") == "edition 42"
    assert len(cache) == 1  # one entry per template, whatever changed

    # a filter the template uses, and that a later environment lacks: Jinja's own error, as uncached
    templates["page.html"] = "{{ x | shout }}"
    loud = _env(templates, cache)
    loud.filters["shout"] = lambda s: s + "!"
    assert loud.get_template("page.html").render(x="a") == "a!"
    with pytest.raises(jinja2.TemplateAssertionError, match="shout"):
        _env(templates, cache).get_template("page.html")


def test_serve_rebuilds_reuse_compiled_templates_and_show_template_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # in process, as `mkdocs serve` rebuilds: one plugin instance, a new config and new Jinja
    # environments each time; a theme override and a page template edited between rebuilds
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    write_tiny_site(
        tmp_path,
        TINY,
        {
            "overrides/main.html": '{% extends "base.html" %}\n{% block announce %}Edition one{% endblock %}\n',
            "templates/timeline.md.j2": "# Our timeline\n\nFirst draft.\n",
        },
    )
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text(encoding="utf-8")
        .replace("theme: {name: material, font: false}", "theme: {name: material, font: false, custom_dir: overrides}")
        .replace("plugins: [search, explainer]", "plugins: [search, {explainer: {templates_dir: templates}}]"),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    first = load_config(str(config_file), site_dir=str(tmp_path / "served"))
    plugins = first.plugins
    plugins.on_startup(command="serve", dirty=False)
    build(first)
    plugin: Any = plugins["explainer"]
    theme, pages = plugin.compiled["theme"], plugin.compiled["pages"]
    assert len(theme) > 10 and len(pages) > 5  # Material's templates and the package's, compiled once

    compiles: list[str] = []
    compile_ = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiles.append(name or "")
        return compile_(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    (tmp_path / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Edition two{% endblock %}\n', encoding="utf-8"
    )
    (tmp_path / "templates/timeline.md.j2").write_text("# Our timeline\n\nSecond draft.\n", encoding="utf-8")
    again = load_config(str(config_file), site_dir=str(tmp_path / "served"))
    again.plugins = plugins  # MkDocs keeps a plugin with `on_startup` across rebuilds
    build(again)
    # the edited templates compiled again; the theme's and the package's others reused (Material's
    # search plugin makes an environment of its own, outside `on_env`, for its translations)
    assert {"main.html", "timeline.md.j2"} <= set(compiles)
    assert not {"base.html", "404.html", "partials/header.html", "story.md.j2", "actor.md.j2"} & set(compiles)
    timeline = page_file(tmp_path / "served", "timeline/").read_text(encoding="utf-8")
    assert "Second draft." in timeline and "First draft." not in timeline
    assert "Edition two" in timeline and "Edition one" not in timeline

    # byte for byte what a one-off build makes (no compiled templates kept)
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    build(load_config(str(config_file), site_dir=str(tmp_path / "built")))
    assert _files(tmp_path / "served") == _files(tmp_path / "built")

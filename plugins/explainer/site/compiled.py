"""Compiled templates kept in memory between `mkdocs serve` rebuilds.

MkDocs makes a new Jinja environment for the theme on every rebuild, and the renderer makes its
own, so each rebuild compiled Material's templates and the package's again: about 0.15 s of the
0.45 s in which the seed site rebuilds, time an editor waits after every save. Jinja's bytecode
cache hook lets an environment reuse code compiled by an earlier one.
"""

from __future__ import annotations

from types import CodeType

import jinja2
from jinja2.bccache import Bucket


def _compile_settings(env: jinja2.Environment) -> tuple[object, ...]:
    """What, besides a template's source, decides the code Jinja compiles from it: the syntax,
    the whitespace rules, the extensions, the filters and tests it checks exist, and how output
    is finalised and escaped. Two environments that agree on these compile a source alike."""

    def named(value: object) -> object:
        return getattr(value, "__qualname__", None) or repr(value) if callable(value) else value

    return (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        named(env.autoescape),
        named(env.finalize),
        tuple(sorted(env.extensions)),
        tuple(sorted(env.filters)),
        tuple(sorted(env.tests)),
    )


class CompiledTemplates(jinja2.BytecodeCache):
    """An in-memory bytecode cache: a template's code, by its name and file, its source's
    checksum, and the compile settings of the environment that compiled it.

    Give one instance to each environment a rebuild makes (`env.bytecode_cache = ...`); a
    template whose source or environment changed is compiled again, as Jinja checks the source's
    checksum and the key holds the settings.
    """

    def __init__(self) -> None:
        self._code: dict[tuple[tuple[object, ...], str], tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Hand Jinja the code compiled from this very source under the same settings, if any."""
        kept = self._code.get((_compile_settings(bucket.environment), bucket.key))
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep what Jinja just compiled."""
        if bucket.code is not None:
            self._code[(_compile_settings(bucket.environment), bucket.key)] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        """Forget every template."""
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)

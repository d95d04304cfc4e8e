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
    """What, besides a template's source, decides the code Jinja compiles from it: the syntax, the
    whitespace rules, the environment's class and code generator, the extensions and the i18n
    policy, how output is finalised and escaped, and the filters and tests. The callables are
    compared as objects, not by name: Jinja compiles a filter's call by how it takes its arguments,
    and runs a filter on constant arguments while compiling, so a filter remade with other values
    (a hook's closure over the config) must compile the template again."""
    return (
        type(env),
        env.code_generator_class,
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
        env.autoescape,
        env.finalize,
        env.policies.get("ext.i18n.trimmed"),
        getattr(env, "newstyle_gettext", None),
        tuple(sorted(env.extensions)),
        tuple(sorted(env.filters.items())),
        tuple(sorted(env.tests.items())),
    )


class CompiledTemplates(jinja2.BytecodeCache):
    """An in-memory bytecode cache: per template (Jinja's key, from its name and file), the code
    last compiled for it, with its source's checksum and the compile settings of the environment
    that compiled it. Code is handed back only when both match.

    Give one instance to each environment a rebuild makes (`env.bytecode_cache = ...`). It holds
    at most one entry per template file, whatever changes between rebuilds; an entry keeps the
    filters it was compiled with alive until the template is compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[str, tuple[tuple[object, ...], str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Hand Jinja the code compiled from this very source under the same settings, if any."""
        kept = self._code.get(bucket.key)
        if kept is not None and kept[1] == bucket.checksum and kept[0] == _compile_settings(bucket.environment):
            bucket.code = kept[2]

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep what Jinja just compiled, in place of what was kept for the template."""
        if bucket.code is not None:
            self._code[bucket.key] = (_compile_settings(bucket.environment), bucket.checksum, bucket.code)

    def clear(self) -> None:
        """Forget every template."""
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)

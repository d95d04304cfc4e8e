"""Problems an editor must fix, typed: the file, the line where it can be known, and what to do.

Kept apart from the story: the reader, the curation and the merge return them beside what they
read, and each adapter renders them once (the plugin as MkDocs log lines, so `--strict` counts
them; the command as `file:line: message` lines on stderr).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["warning", "error"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: `error` when something was left out (a file not read), `warning` when a value
    was ignored or may be wrong. Either fails a strict build."""

    path: str
    line: int | None
    message: str
    severity: Severity = "warning"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"

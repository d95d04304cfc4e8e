"""Files a build may read: a link inside the project, never one that leads out of it."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic


def outside_link(path: Path, root: Path, label: str) -> Diagnostic | None:
    """Why a file that is a link may not be read, or None: a link must resolve to a file inside
    `root` (the project); a dangling link or a loop is named, never skipped in silence."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return Diagnostic(label, None, f"is a link to nothing ({path.readlink()}); not read", "error")
    except (OSError, RuntimeError):
        return Diagnostic(label, None, "is a link that loops; not read", "error")
    if not target.is_relative_to(root.resolve()):
        return Diagnostic(
            label,
            None,
            f"links outside the project (to {target}); not read. Copy the file into the project instead.",
            "error",
        )
    return None

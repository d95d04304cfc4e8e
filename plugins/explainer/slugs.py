"""Safe, stable slugs: ASCII, bounded, never a path trick or a reserved device name."""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 60
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index", "search", "assets", "404", "sitemap"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


def slugify(text: str, *, max_length: int = MAX_LENGTH) -> str:
    """`Antony Blinken` -> `antony-blinken`; empty when nothing usable is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    if slug in _RESERVED:
        slug = f"{slug}-page"
    return slug


class SlugRegistry:
    """Hands out unique slugs in call order; a collision gets `-2`, `-3`, ... deterministically."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, text: str, fallback: str = "item") -> str:
        base = slugify(text) or fallback
        slug, n = base, 2
        while slug in self._taken:
            slug = f"{base}-{n}"
            n += 1
        self._taken.add(slug)
        return slug

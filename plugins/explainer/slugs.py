"""Safe, stable slugs: ASCII, bounded, never a path trick or a reserved device name."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LENGTH = 60
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index", "search", "assets", "404", "sitemap"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = MAX_LENGTH) -> str:
    """`Jane Doe` -> `jane-doe`; empty when nothing usable is left."""
    ascii_text = (
        text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    )
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    if slug in _RESERVED:
        slug = f"{slug}-page"
    return slug


def opaque_slug(text: str, prefix: str) -> str:
    """A slug for text with no ASCII letters or digits (`Сергей Лавров`, `王毅`): the prefix and
    a digest of the text, so that two such names never share an id, and one name keeps its id."""
    norm = unicodedata.normalize("NFC", " ".join(text.split()))
    if not any(ch.isalnum() for ch in norm):
        return prefix
    return f"{prefix}-{hashlib.blake2s(norm.encode('utf-8'), digest_size=4).hexdigest()}"


def suffixed(slug: str, n: int) -> str:
    """`slug-n`, still within `MAX_LENGTH`."""
    suffix = f"-{n}"
    return slug[: MAX_LENGTH - len(suffix)].rstrip("-") + suffix


class SlugRegistry:
    """Hands out unique slugs in call order; a collision gets `-2`, `-3`, ... deterministically."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}  # base -> the next suffix to try: thousands of equal bases stay linear

    def claim(self, text: str, fallback: str = "item") -> str:
        """A slug for `text` no earlier claim has: the slug itself, else the next free numbered one."""
        base = slugify(text) or opaque_slug(text, fallback)
        slug, n = base, self._next.get(base, 2)
        while slug in self._taken:
            slug = suffixed(base, n)
            n += 1
        self._next[base] = n
        self._taken.add(slug)
        return slug

"""Site-wide list pages (Key figures, Stories, People, Glossary, Timeline) in pages of bounded size.

One page listing a thousand stories' figures is megabytes that the browser, Material's search
index and every reader's phone pay for. Each list is cut into pages of about a fixed number of
entries, as blogs page their archives: page 1 keeps the section's address (`figures.md`), the
next ones live below it (`figures/page/2.md`), out of the navigation, linked from page to page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K")
T = TypeVar("T")

MARK = "/page/"  # what every continuation page's path contains, and nothing else does


def paged_src(base: str, number: int) -> str:
    """The source path of page `number` (from 1) of the list page `base`.

    >>> paged_src("figures.md", 1), paged_src("figures.md", 2), paged_src("stories/index.md", 3)
    ('figures.md', 'figures/page/2.md', 'stories/page/3.md')
    """
    if number <= 1:
        return base
    stem = base[: -len("/index.md")] if base.endswith("/index.md") else base.removesuffix(".md")
    return f"{stem}{MARK}{number}.md"


def is_continuation(src: str) -> bool:
    """Whether `src` is page 2 or later of a list page (reached from page to page, not the nav)."""
    head, sep, tail = src.rpartition(MARK)
    return bool(sep and head and tail.removesuffix(".md").isdigit())


def paginate(
    groups: Sequence[tuple[K, Sequence[T]]], size: int, *, split: bool = True
) -> list[list[tuple[K, list[T]]]]:
    """Spread groups of entries over pages of about `size` entries each, in order.

    With `split`, a group too long for the rest of a page goes on over the next (its heading is
    shown again there); without, a page ends before a group that would overflow it, so a group
    (say, one story's figures, already capped) stays whole. An empty group counts as one entry,
    since its heading and its "none found" line still take room. There is always one page.
    """
    pages: list[list[tuple[K, list[T]]]] = [[]]
    count = 0
    for key, entries in groups:
        items = list(entries)
        if not split or not items:
            weight = max(1, len(items))
            if count and count + weight > size:
                pages.append([])
                count = 0
            pages[-1].append((key, items))
            count += weight
            continue
        while items:
            if count >= size:
                pages.append([])
                count = 0
            take, items = items[: size - count], items[size - count :]
            pages[-1].append((key, take))
            count += len(take)
    return pages


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page sits in its list, for the template's "Page 2 of 7 · Previous · Next" line."""

    number: int
    count: int
    previous: str | None  # source path of the page before, None on the first
    next: str | None  # source path of the page after, None on the last


def pagers(base: str, count: int) -> list[tuple[str, Pager]]:
    """Each page's source path with its pager, for a list page of `count` pages."""
    srcs = [paged_src(base, n) for n in range(1, count + 1)]
    return [
        (src, Pager(n, count, srcs[n - 2] if n > 1 else None, srcs[n] if n < count else None))
        for n, src in enumerate(srcs, start=1)
    ]

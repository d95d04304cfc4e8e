"""Extraction time on hostile story shapes, in milliseconds per KB of text: the worst case the
rules meet, whatever the text (a benchmark, not a test; see `make bench` for whole builds).

    .venv/bin/python scripts/bench_extract.py [--scale N]

Each shape is built at N and 2N repetitions; a ratio near 2 between the two times means linear
time. Exit status 0 always.
"""

from __future__ import annotations

import argparse
import itertools
import string
import time
from collections.abc import Callable

from explainer.extraction.extract import extract
from explainer.extraction.reader import parse


def _acronyms(n: int) -> list[str]:
    """n distinct three-letter acronyms."""
    return ["".join(c) for c in itertools.islice(itertools.product(string.ascii_uppercase, repeat=3), n)]


SHAPES: dict[str, Callable[[int], str]] = {
    "one paragraph of n pronoun quotes": lambda n: " ".join(['"Go," she said.'] * n),
    "organisation then n 'they said'": lambda n: (
        "Blue Lantern Records denied it.\n\n" + " ".join(['"Go," they said.'] * n)
    ),
    "n people and pronouns": lambda n: " ".join(f'Ana Ruiz{i % 7} met Tom Berg. "Go," he said.' for i in range(n)),
    "n full stops": lambda n: "." * (4 * n),
    "n dashed phrases": lambda n: " - ".join(["the harbour levy"] * n),
    "n unclosed quotes": lambda n: " ".join(['"open'] * n),
    "n figures": lambda n: " ".join(f"About {i},000 people and {i}% rose." for i in range(n)),
    "n defined acronyms": lambda n: " ".join(f"{a[0]}x {a[1]}x {a[2]}x ({a})." for a in _acronyms(n)),
    "n capitals then numbers": lambda n: "\n\n".join(
        " ".join(["A"] * (n // 3)) + " " + " ".join(str(i) for i in range(40)) for _ in range(6)
    ),
    "n figures sharing a slug": lambda n: " ".join("5 people came." if i % 2 else "5 persons came." for i in range(n)),
    "n names sharing a slug": lambda n: " ".join(f"Ana Ruiz{'' if i % 2 else '.'} met Tom." for i in range(n)),
}


def timed(body: str) -> float:
    text = f"Title\n\n{body}\n"
    start = time.perf_counter()
    extract(parse(text, path="bench.txt").article)
    return time.perf_counter() - start


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scale", type=int, default=1500, help="repetitions of each shape (then twice as many)")
    args = p.parse_args()
    print(f"{'shape':40} {'KB':>6} {'ms/KB':>7} {'x2 ratio':>9}")
    for name, make in SHAPES.items():
        small, large = make(args.scale), make(2 * args.scale)
        t1, t2 = timed(small), timed(large)
        kb = len(large.encode()) / 1024
        print(f"{name:40} {kb:6.0f} {1000 * t2 / kb:7.2f} {t2 / t1 if t1 else 0:9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

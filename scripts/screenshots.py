#!/usr/bin/env python3
"""Build a site and take the screenshots an editor or a developer looks at before claiming a change.

    .venv/bin/python scripts/screenshots.py [--project DIR] [--out DIR] [--pages home,story,...]

Without `--project` it builds this repository's demo site. With `--two-story` it builds the demo
plus one of the test stories, the shape of a site that has grown. Each page is shot at desktop
(1280 px) and phone (390 px) widths, in the light and the dark palette, with Debian's Chromium
driven by Playwright (never a downloaded browser). Output: PNG files named page-width-scheme.png.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _two_story(tmp: Path) -> Path:
    project = tmp / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", ".cache", "tests"))
    shutil.copy(ROOT / "tests" / "stories" / "korea-rate-cut.txt", project / "seeds")
    return project


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", type=Path, default=None)
    ap.add_argument("--two-story", action="store_true")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "explainer-shots")
    ap.add_argument("--pages", default="", help="comma-separated site paths, e.g. ',figures/,timeline/'")
    ap.add_argument("--dark", action="store_true", help="also shoot the dark palette")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        project = args.project or (_two_story(tmp) if args.two_story else ROOT)
        site = tmp / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8765/"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
            cwd=project,
            env=env,
            check=True,
        )
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 8765), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        pages = args.pages.split(",") if args.pages else ["", "figures/", "actors/", "glossary/", "timeline/"]
        pages += [str(p.parent.relative_to(site)) + "/" for p in sorted((site / "stories").glob("*/index.html"))][:2]
        args.out.mkdir(parents=True, exist_ok=True)
        schemes = ["light", "dark"] if args.dark else ["light"]
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
            )
            for size, viewport in SIZES.items():
                for scheme in schemes:
                    ctx = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
                    page = ctx.new_page()
                    for path in pages:
                        response = page.goto(f"http://127.0.0.1:8765/{path}")
                        if response is None or not response.ok:  # a mistyped path: say so, no shot of a 404
                            print(f"no page at {path!r} in the built site (paths as in the site: 'figures/')")
                            return 1
                        page.wait_for_load_state("networkidle")
                        name = (path.strip("/").replace("/", "_") or "home") + f"-{size}-{scheme}.png"
                        page.screenshot(path=str(args.out / name), full_page=True)
                        print(args.out / name)
                    ctx.close()
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The built site in a real browser: previews, search, privacy, accessibility, keyboard use and layout.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright's sync API; never `playwright install`.
The site is served from 127.0.0.1 at the root of `site_url`, because Material's instant previews only
open for links listed in sitemap.xml, whose URLs carry site_url's host and port.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import run_mkdocs

_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    if _CI:
        raise
    pytest.skip("playwright / axe-playwright-python are not installed", allow_module_level=True)

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PREFERRED_PORT = 8000  # the port in mkdocs.yml's default site_url
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

STORY = "stories/2024-10-31-north-korean-troops-ukraine/"
PAGES = {
    "home": "",
    "story": STORY,
    "figures": "figures/",
    "profile": "actors/antony-blinken/",
    "glossary": "glossary/icbm/",
    "timeline": "timeline/",
}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# --------------------------------------------------------------------------- serving and browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser drops connections it no longer needs (e.g. on navigation): not a failure.
        pass


def _bind() -> _Server:
    """A server on 127.0.0.1:8000 if that port is free, else on any free loopback port."""
    try:
        return _Server(("127.0.0.1", PREFERRED_PORT), _QuietHandler)
    except OSError:
        return _Server(("127.0.0.1", 0), _QuietHandler)


@contextlib.contextmanager
def _serving(server: _Server, root: Path) -> Iterator[Site]:
    """`root` served over HTTP by `server` in a thread, for as long as the block runs."""
    server.RequestHandlerClass = functools.partial(_QuietHandler, directory=str(root))  # type: ignore[assignment]
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Site(root=root, base=f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass(frozen=True)
class Site:
    root: Path
    base: str  # e.g. "http://127.0.0.1:8000/"

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="module")
def site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The site served over HTTP from loopback, built for the port it is served on."""
    server = _bind()
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}/"
    root = built_site
    if port != PREFERRED_PORT:
        # Port 8000 is taken: build a copy whose site_url (read from $SITE_URL by mkdocs.yml) matches.
        root = tmp_path_factory.mktemp(f"site-{port}")
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("SITE_URL", base)
            run_mkdocs("build", "--strict", "--site-dir", str(root))
    sitemap = (root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}" in sitemap, (
        f"sitemap.xml is not built for {base}: does mkdocs.yml read site_url from $SITE_URL?"
    )
    with _serving(server, root) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if _CI:
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing (Debian package `chromium`); browser tests need it")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    try:
        yield ctx
    finally:
        ctx.close()


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def serious(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line per rule."""
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# --------------------------------------------------------------------------- 1. instant previews

_LEAD_JS = """async (href) => {
  const html = await (await fetch(href)).text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  const h1 = doc.querySelector("article h1");
  const lead = [];
  for (let el = h1.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName); el = el.nextElementSibling) {
    lead.push(el.textContent);
  }
  return {title: h1.firstChild.textContent, lead};
}"""


def _preview_for(page: Page, preferred: str, fallback: str) -> tuple[str, dict[str, Any]]:
    """Hover a content link; return the text of the preview it opens and the linked page's h1 + lead."""
    link = page.locator(f"article a.explainer-link[href*='{preferred}']").first
    if link.count() == 0:
        link = page.locator(f"article a.explainer-link[href*='{fallback}']").first
    href = link.evaluate("a => a.href")
    target: dict[str, Any] = page.evaluate(_LEAD_JS, href)
    link.hover()
    preview = page.locator(".md-tooltip2[role=dialog]", has_text=target["title"].strip())
    preview.wait_for(state="visible", timeout=10_000)
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")  # fade-in done
    assert "md-tooltip2--active" in (preview.get_attribute("class") or "")
    assert (preview.get_attribute("aria-label") or "").strip(), "the preview dialog has no accessible name"
    return squash(preview.inner_text()), target


def test_hover_previews_profile_and_glossary_definition(site: Site, context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, site.url(STORY))

    text, target = _preview_for(page, "actors/antony-blinken/", "actors/")
    assert squash(target["title"]) in text
    assert target["lead"], "the profile has no lead text under its title"
    for para in target["lead"]:
        assert squash(para) in text, f"profile text {para!r} missing from the preview {text!r}"

    text, target = _preview_for(page, "glossary/icbm/", "glossary/")
    assert squash(target["title"]) in text
    definition = [squash(p) for p in target["lead"] if len(squash(p)) > 40]
    assert definition, f"the glossary entry {target['title']!r} has no definition under its title"
    for para in definition:
        assert para in text, f"definition {para!r} missing from the preview {text!r}"

    # With a preview open and its link hovered, the page is still free of serious accessibility faults.
    assert serious(page) == []


# --------------------------------------------------------------------------- 2. search


def test_search_finds_glossary_entry(site: Site, context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, site.url(""))
    page.click("input.md-search__input")
    page.keyboard.type("ICBM")
    page.locator(".md-search-result__list a[href*='glossary/icbm/']").first.wait_for(timeout=10_000)
    hrefs: list[str] = page.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)")
    paths = [urlsplit(h).path for h in hrefs]
    assert paths[0] == "/glossary/icbm/", f"the glossary entry is not the top result: {paths}"


# --------------------------------------------------------------------------- 3. privacy and console


@pytest.mark.parametrize("name", list(PAGES))
def test_page_stays_on_loopback_without_console_errors(site: Site, context: BrowserContext, name: str) -> None:
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_page(page, site.url(PAGES[name]))
    page.wait_for_timeout(300)  # let late scripts (search worker, sitemap) report

    assert requests, "no requests were recorded"
    outside = [
        u
        for u in requests
        if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).hostname not in LOOPBACK
    ]
    assert outside == [], f"requests leaving loopback: {outside}"
    assert errors == [], f"console errors: {errors}"


# --------------------------------------------------------------------------- 4. accessibility


def axe_pages(site: Site, browser: Browser, pages: dict[str, str], scheme: str, palette: str) -> None:
    """axe-core on each page in one colour scheme: no serious or critical violation anywhere."""
    ctx = browser.new_context(viewport=DESKTOP, color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page = ctx.new_page()
        found: dict[str, list[str]] = {}
        for name, path in pages.items():
            open_page(page, site.url(path))
            assert page.get_attribute("body", "data-md-color-scheme") == palette
            if violations := serious(page):
                found[name] = violations
        assert found == {}, f"axe-core, {scheme} scheme: {found}"
    finally:
        ctx.close()


# The dark palette changes colours only: axe checks it on a page of each layout, the light one on all.
DARK = ("home", "story", "profile")


@pytest.mark.parametrize(("scheme", "palette"), [("light", "default"), ("dark", "slate")])
def test_no_serious_accessibility_violations(site: Site, browser: Browser, scheme: str, palette: str) -> None:
    pages = PAGES if scheme == "light" else {k: v for k, v in PAGES.items() if k in DARK}
    axe_pages(site, browser, pages, scheme, palette)


# --------------------------------------------------------------------------- 5. keyboard

_FOCUS_JS = """(first) => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  return {
    isFirst: el === first,
    where: `${el.tagName.toLowerCase()}.${el.className} ${el.getAttribute("href") || ""}`,
    outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
    shadow: s.boxShadow !== "none",
    focusVisible: el.matches(":focus-visible"),
  };
}"""


def test_tab_reaches_first_content_link_with_visible_focus(site: Site, context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, site.url(STORY))
    first = page.evaluate_handle("document.querySelector('article a[href]:not(.headerlink)')")
    assert page.evaluate("el => el !== null", first), "the story has no content link"

    visited: list[str] = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focus: dict[str, Any] = page.evaluate(_FOCUS_JS, first)
        visited.append(focus["where"])
        if focus["isFirst"]:
            break
    else:
        pytest.fail(f"Tab never reached the first content link; focus went through {visited[:60]}")

    assert focus["focusVisible"]
    assert focus["outline"] or focus["shadow"], f"no visible focus indicator on {focus['where']}"


# --------------------------------------------------------------------------- 6. screenshots and overflow


SINGLE = ("home", "figures", "glossary")  # pages whose layout differs on a site of one story


@pytest.fixture(scope="module")
def shots_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x900", "390x844"])
def test_screenshots_without_horizontal_overflow(
    site: Site, browser: Browser, shots_dir: Path, viewport: dict[str, int]
) -> None:
    ctx = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    try:
        page = ctx.new_page()
        width = viewport["width"]
        overflowing: dict[str, int] = {}
        for name, path in PAGES.items():
            if name not in SINGLE:
                continue  # the two-story site's screenshots cover it
            open_page(page, site.url(path))
            shot = shots_dir / f"{name}-{width}x{viewport['height']}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 0
            scroll_width: int = page.evaluate("document.scrollingElement.scrollWidth")
            if scroll_width > width + 1:
                overflowing[name] = scroll_width
        print(f"screenshots in {shots_dir}")
        assert overflowing == {}, f"horizontal overflow at {width}px (scrollWidth by page): {overflowing}"
    finally:
        ctx.close()


# --------------------------------------------------------------------------- 7. a site of two stories

TWO = {
    "home": "",
    "story": STORY,
    "newer story": "stories/korea-rate-cut/",
    "timeline": "timeline/",
    "profile": "actors/antony-blinken/",
    "one page for actor and term": "actors/kursk-region/",
    "about": "about/",
    "corrections": "corrections/",
}
CORRECTION = "  - date: 2025-02-28\n    text: An earlier version misnamed the governor's bank.\n"


@pytest.fixture(scope="module")
def two_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The demo site grown to two stories (the newer one corrected), served from loopback."""
    from conftest import ROOT

    project = tmp_path_factory.mktemp("two-story-project")
    for name in ("mkdocs.yml", "docs", "seeds"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy(source, project / name)
    story = (ROOT / "tests" / "stories" / "korea-rate-cut.txt").read_text(encoding="utf-8")
    (project / "seeds" / "korea-rate-cut.txt").write_text(
        story.replace("language: en\n", "language: en\ncorrections:\n" + CORRECTION, 1), encoding="utf-8"
    )
    server = _Server(("127.0.0.1", 0), _QuietHandler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    root = project / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", base)
        run_mkdocs("build", "--strict", cwd=project)
    with _serving(server, root) as served:
        yield served


def test_home_leads_with_the_latest_story_and_lists_the_other(two_site: Site, context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, two_site.url(""))
    article = page.locator("article")
    assert squash(article.locator(".explainer-kicker").inner_text()).lower() == "latest story"
    assert article.locator("h2#latest").inner_text().startswith("South Korea Cuts Rates Again")
    credit = squash(article.locator(".explainer-dateline").first.inner_text())
    assert credit.startswith("Thursday 27 February 2025 · AFP · By ")  # date, wire, byline
    more = squash(article.inner_text()).split("More stories", 1)[1]
    assert "US Claim Thousands of North Koreans Preparing to Fight in Ukraine" in more
    nav = squash(page.locator(".md-nav--primary").inner_text())
    assert "Stories" in nav and "Corrections" in nav and "About this explainer" in nav
    assert "Editor's guide" not in nav  # for editors: not in the reader's navigation


def test_story_page_explains_itself_with_a_drawn_timeline(two_site: Site, context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, two_site.url(STORY))
    assert page.locator("h2#explained").inner_text().startswith("This story explained")
    timeline = page.locator("#explained ~ .explainer-timeline, .explainer-explained .explainer-timeline").first
    line = timeline.evaluate("el => getComputedStyle(el).borderLeftStyle + ' ' + getComputedStyle(el).borderLeftWidth")
    assert line == "solid 2px", line  # the line of the timeline
    dots = timeline.evaluate(
        "el => [...el.querySelectorAll(':scope > ul > li')].map(li => getComputedStyle(li, '::before').borderRadius)"
    )
    assert dots and all(d == "50%" for d in dots), dots  # a dot per entry
    scheduled = timeline.locator(".explainer-scheduled")
    assert scheduled.count() == 1 and scheduled.first.is_visible()  # the election after the story's date
    sides = [squash(s) for s in page.locator(".explainer-sides > ul > li > p:first-child").all_inner_texts()]
    assert sides[:2] == ["United States", "South Korea"], sides  # who's who by side, in order of mention


def test_a_correction_is_visible_and_listed(two_site: Site, context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, two_site.url("stories/korea-rate-cut/"))
    note = page.locator("article .admonition.warning").first
    assert note.is_visible()
    assert "Correction, Friday 28 February 2025" in squash(note.inner_text())
    assert "misnamed the governor's bank" in squash(note.inner_text())
    updated = squash(page.locator(".explainer-updated").inner_text())
    assert updated == "Last updated Friday 28 February 2025"
    open_page(page, two_site.url("corrections/"))
    assert "Friday 28 February 2025 · South Korea Cuts Rates Again" in squash(page.locator("article").inner_text())


def _search(page: Page, query: str) -> list[str]:
    page.click("input.md-search__input")
    page.keyboard.type(query)
    page.locator(".md-search-result__list a").first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # the result list settles after the last keystroke
    hrefs: list[str] = page.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)")
    return [urlsplit(h).path for h in hrefs]


def test_search_finds_the_story_behind_a_bracketed_acronym(two_site: Site, context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, two_site.url(""))
    found = {p.split("#")[0] for p in _search(page, "ICBM")}
    assert "/" + STORY in found, found  # `(ICBM)` in the text is indexed as ICBM
    assert "/glossary/icbm/" in found, found


def test_search_for_a_person_finds_their_profile_first(two_site: Site, context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, two_site.url(""))
    paths = _search(page, "Blinken")
    assert paths[0] == "/actors/antony-blinken/", paths
    profiles = [p for p in paths if p.startswith("/actors/") and p != "/actors/antony-blinken/"]
    assert len(profiles) <= 2, f"other profiles crowd the results: {profiles}"


def test_the_editors_guide_is_not_in_search(two_site: Site, context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, two_site.url(""))
    page.click("input.md-search__input")
    page.keyboard.type("eject")
    page.wait_for_timeout(1500)
    hrefs: list[str] = page.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)")
    assert not [h for h in hrefs if "editors-guide" in h], hrefs


@pytest.mark.parametrize(("scheme", "palette"), [("light", "default"), ("dark", "slate")])
def test_two_story_site_has_no_serious_accessibility_violations(
    two_site: Site, browser: Browser, scheme: str, palette: str
) -> None:
    pages = TWO if scheme == "light" else {k: v for k, v in TWO.items() if k not in DARK}  # the rest, dark
    axe_pages(two_site, browser, pages, scheme, palette)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x900", "390x844"])
def test_two_story_screenshots_without_horizontal_overflow(
    two_site: Site, browser: Browser, shots_dir: Path, viewport: dict[str, int]
) -> None:
    ctx = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    requests: list[str] = []
    ctx.on("request", lambda r: requests.append(r.url))
    try:
        page = ctx.new_page()
        width = viewport["width"]
        overflowing: dict[str, int] = {}
        for name, path in TWO.items():
            open_page(page, two_site.url(path))
            page.screenshot(path=str(shots_dir / f"two-{name.replace(' ', '-')}-{width}.png"), full_page=True)
            scroll_width: int = page.evaluate("document.scrollingElement.scrollWidth")
            if scroll_width > width + 1:
                overflowing[name] = scroll_width
        assert overflowing == {}, f"horizontal overflow at {width}px (scrollWidth by page): {overflowing}"
        outside = [
            u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname not in LOOPBACK
        ]
        assert outside == [], f"requests leaving loopback: {outside}"
    finally:
        ctx.close()

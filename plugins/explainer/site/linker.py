"""Cross-links inside Python-Markdown: the first mention of each actor or term on a page
becomes a link to its page, with Material's instant preview.

Modelled on Python-Markdown's abbr extension: one escaped, longest-first alternation inside
word boundaries, compiled once per build (factored as a trie, see `trie_pattern`); `AtomicString`
text, headings, code and existing links are skipped; `reset()` forgets what was linked on the
previous page.
"""

from __future__ import annotations

import functools
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..patterns import trie_pattern
from .sitemap import relative

SKIP_TAGS = frozenset(
    {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "kbd", "abbr", "title"}
)
PRIORITY = 7  # after inline processing (20), before MkDocs' anchor collection and toc (5) and link rewriting (0)


@dataclass(frozen=True, slots=True)
class Target:
    """Where a surface form links: the page's source path (as under docs/) and a tooltip."""

    page: str
    title: str


_WORDISH = re.compile(r"[\w-]")  # a character that makes a form part of a longer word or name


class LinkIndex:
    """Surface forms -> targets, compiled once per build into a single regular expression.

    A form claimed by two different targets is dropped: an ambiguous name links to no one.
    """

    def __init__(self, entries: Iterable[tuple[str, Target]]) -> None:
        claims: dict[str, Target | None] = {}
        for form, target in entries:
            form = form.strip()
            if len(form) < 2:
                continue
            if form in claims and claims[form] != target:
                claims[form] = None
            else:
                claims.setdefault(form, target)
        self.targets = {f: t for f, t in claims.items() if t is not None}
        # the forms, each ending a word; that each also starts one is checked in `mentions`: a
        # lookbehind at the head of the pattern made the engine try the whole alternation at every
        # position of a page's text, instead of only where a form's first letter is
        self.pattern = re.compile(trie_pattern(self.targets) + r"(?![\w-])") if self.targets else None

    def mentions(self, text: str) -> Iterator[re.Match[str]]:
        r"""The forms in `text`, left to right, each a whole word: what
        `(?<![\w-])form(?![\w-])` finds. A form found inside a word is skipped, and the search
        goes on from its next character, where the lookbehind would have tried next."""
        pattern = self.pattern
        if pattern is None:
            return
        search, wordish = pattern.search, _WORDISH.match
        pos = 0
        while (m := search(text, pos)) is not None:
            start = m.start()
            if start and wordish(text, start - 1):
                pos = start + 1
                continue
            yield m
            pos = m.end()


class LinkerTreeprocessor(Treeprocessor):
    """Walks a page's element tree once, linking first mentions in its text."""

    def __init__(self, md: Markdown, extension: LinkerExtension) -> None:
        super().__init__(md)
        self.ext = extension

    def run(self, root: etree.Element) -> None:
        """Link the page's first mentions, skipping headings, code and existing links."""
        index = self.ext.index
        if index is None or index.pattern is None:
            return
        self.ext.linked = set()
        self._made: set[int] = set()
        self._walk(root, index)  # the document's wrapper: no tag or class of its own to skip

    def _walk(self, parent: etree.Element, index: LinkIndex) -> None:
        """In document order (an element's text, then each child and its tail), so the link
        goes on the first mention a reader meets. Each child is judged here, in the loop: a page
        is some 60 elements, most of them links, code or empty, and a call per element was half
        the linker's time."""
        assert index.pattern is not None
        search = index.pattern.search
        text = parent.text
        if text and not text.isspace() and not isinstance(text, AtomicString) and search(text):
            self._link_text(parent, index)
        made = self._made
        for child in list(parent):
            if id(child) in made:  # a link just made: its tail was scanned with its text
                continue
            tag, classes = child.tag, child.get("class")
            if tag == "a":
                # a page that already links to a profile or term (a card, an index entry) has made
                # its first mention: a later name in the text is not linked again
                target = link_target(child.get("href") or "", self.ext.current_page or "")
                if target:
                    self.ext.linked.add(target)
            if tag in SKIP_TAGS or (classes and ("explainer-nolink" in classes or "admonition-title" in classes)):
                pass  # headings, code, links, and admonition titles (headings in all but name)
            elif classes and "explainer-caption" in classes and "explainer-caption" in classes.split():
                # a photo caption links its own first mentions, and leaves the story text its own:
                # the reader's first mention is in the text, not under the photo
                before = set(self.ext.linked)
                self._walk(child, index)
                self.ext.linked = before
            elif child.text or len(child):  # else nothing inside to read (an image, a line break)
                self._walk(child, index)
            tail = child.tail
            if tail and not tail.isspace() and not isinstance(tail, AtomicString) and search(tail):
                self._link_tail(parent, child, index)

    def _split(self, text: str, index: LinkIndex) -> tuple[str, list[str | etree.Element]] | None:
        """`text` cut at its first mentions: the text before the first link, then links and the
        text between and after them; None when nothing in it is linked. `_walk` calls it only for
        text where a form is found: most text nodes are the line breaks between elements."""
        pieces: list[str | etree.Element] = []
        pos = 0
        for m in index.mentions(text):
            target = index.targets[m.group(0)]
            if target.page in self.ext.linked or target.page == self.ext.current_page:
                continue
            self.ext.linked.add(target.page)
            pieces.append(text[pos : m.start()])
            a = etree.Element("a")
            a.set("href", self.ext.href(target.page))
            a.set("class", "explainer-link")
            a.set("data-preview", "")
            a.text = AtomicString(m.group(0))
            self._made.add(id(a))
            pieces.append(a)
            pos = m.end()
        if not pieces:
            return None
        pieces.append(text[pos:])
        head = pieces[0]
        assert isinstance(head, str)  # the text before the first link
        return head, pieces[1:]

    def _link_text(self, el: etree.Element, index: LinkIndex) -> None:
        split = self._split(el.text or "", index)
        if split is None:
            return
        el.text, rest = split
        self._insert(el, 0, rest)

    def _link_tail(self, parent: etree.Element, child: etree.Element, index: LinkIndex) -> None:
        split = self._split(child.tail or "", index)
        if split is None:
            return
        child.tail, rest = split
        self._insert(parent, list(parent).index(child) + 1, rest)

    @staticmethod
    def _insert(parent: etree.Element, at: int, pieces: list[str | etree.Element]) -> None:
        last: etree.Element | None = None
        for piece in pieces:
            if isinstance(piece, str):
                if last is not None:
                    last.tail = piece
            else:
                parent.insert(at, piece)
                at += 1
                last = piece


class LinkerExtension(Extension):
    """Register with `Markdown(extensions=[LinkerExtension(index)])`; set `current_page` per page."""

    def __init__(self, index: LinkIndex | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.index = index
        self.current_page: str | None = None
        self.linked: set[str] = set()

    def href(self, target: str) -> str:
        """The relative address of a target page from the page being rendered."""
        return relative(self.current_page or "", target)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        """Register the tree processor after inline processing and before MkDocs' own."""
        md.registerExtension(self)
        md.treeprocessors.register(LinkerTreeprocessor(md, self), "explainer_links", PRIORITY)

    def reset(self) -> None:
        """Forget the previous page's links: each page links its own first mentions."""
        self.linked = set()


# -- the same cross-links written into Markdown source, for `explainer export` ------------------

_PROTECTED = re.compile(
    r"`[^`\n]*`"  # inline code
    r"|!?\[[^\]\n]*\]\([^)\n]*\)(?:\{[^}\n]*\})?"  # links and images, with their attribute lists
    r"|!?\[[^\]\n]*\]\[[^\]\n]*\]"  # reference links
    r"|<[^>\n]*>"  # HTML tags and autolinks
    r"|\{[:#.][^}\n]*\}"  # attribute lists
    r"|https?://\S+"  # bare addresses
    r"|\\."  # backslash escapes
)
_MD_LINK_TARGET = re.compile(r"!?\[[^\]\n]*\]\(([^)\s]*)")
_SKIP_LINE = re.compile(r"^\s*(?:#{1,6}\s|!!!|\?\?\?|\{:|\[[^\]]+\]:\s)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_OPEN_SKIP = re.compile(r"<(a|code|pre|script|style)\b[^>]*>", re.IGNORECASE)


def link_target(href: str, current_page: str) -> str | None:
    """The page (source path, as under docs/) a relative `.md` link points to, if any."""
    return _target_from(current_page.rpartition("/")[0], href)


@functools.lru_cache(maxsize=1 << 16)
def _target_from(folder: str, href: str) -> str | None:
    """`href` read from a page in `folder`: memoised, as a site's cards and lists link the same
    pages from the same few folders tens of thousands of times."""
    path = href.split("#", 1)[0]
    if not path.endswith(".md") or "://" in path or path.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(folder, path))


def linked_targets(markdown: str, index: LinkIndex, current_page: str) -> set[str]:
    """The pages a Markdown page links to by first mention (what `link_markdown` would link)."""
    return _scan(markdown, index, current_page)[1]


def link_markdown(markdown: str, index: LinkIndex, current_page: str) -> str:
    """Write the first mention of each target as a Markdown link, as `LinkerTreeprocessor` does in
    the rendered tree: so that a plain MkDocs build of an export shows the same cross-links.

    Skips front matter, fenced code, headings, admonition titles, inline code, existing links,
    HTML tags and the text inside `<a>`, `<code>` and `<pre>`.
    """
    return _scan(markdown, index, current_page)[0]


def _scan(markdown: str, index: LinkIndex, current_page: str) -> tuple[str, set[str]]:
    linked: set[str] = set()
    if index.pattern is None:
        return markdown, linked
    lines = markdown.split("\n")
    out: list[str] = []
    fence: str | None = None
    in_front = bool(lines) and lines[0] == "---"
    inside: str | None = None  # an HTML element whose text is never linked
    for n, line in enumerate(lines):
        if in_front:
            out.append(line)
            if n > 0 and line == "---":
                in_front = False
            continue
        fenced = _FENCE.match(line)
        if fence or fenced:
            if fenced and (fence is None or fenced.group(1) == fence):
                fence = None if fence else fenced.group(1)
            out.append(line)
            continue
        if _SKIP_LINE.match(line):
            out.append(line)
            continue
        caption = n + 1 < len(lines) and lines[n + 1].strip() == "{: .explainer-caption }"
        before = set(linked) if caption else linked  # a caption leaves the text its first mentions
        pieces: list[str] = []
        pos = 0
        for m in _PROTECTED.finditer(line):
            pieces.append(
                _link_text(line[pos : m.start()], index, linked, current_page) if not inside else line[pos : m.start()]
            )
            token = m.group(0)
            href = _MD_LINK_TARGET.match(token)
            if href and not inside:  # an explicit link made the first mention, as in the tree linker
                target = link_target(href.group(1), current_page)
                if target:
                    linked.add(target)
            opened = _OPEN_SKIP.fullmatch(token)
            if opened and not token.endswith("/>"):
                inside = inside or opened.group(1).lower()
            elif inside and token.lower() == f"</{inside}>":
                inside = None
            pieces.append(token)
            pos = m.end()
        rest = line[pos:]
        pieces.append(rest if inside else _link_text(rest, index, linked, current_page))
        out.append("".join(pieces))
        if caption:
            linked = before
    return "\n".join(out), linked


def _link_text(text: str, index: LinkIndex, linked: set[str], current_page: str) -> str:
    assert index.pattern is not None
    out: list[str] = []
    pos = 0
    for m in index.mentions(text):
        target = index.targets[m.group(0)]
        if target.page in linked or target.page == current_page:
            continue
        linked.add(target.page)
        href = relative(current_page, target.page)
        out.append(text[pos : m.start()])
        out.append(f'[{m.group(0)}]({href}){{ .explainer-link data-preview="" }}')
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)

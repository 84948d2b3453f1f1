"""The visible text of an HTML page, and the schema.org JSON-LD blocks embedded in it.

Uses the standard library's ``html.parser``: no network, no scripts run. Text inside
script, style, head, template, noscript, svg, nav and embedded objects is dropped.
``<embed>`` is void (it has no content and no end tag), so it hides nothing.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

HIDDEN = frozenset(
    {
        "script",
        "style",
        "head",
        "title",
        "template",
        "noscript",
        "svg",
        "nav",
        "iframe",
        "object",
        "button",
        "select",
        "form",
    }
)
BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "hr",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "details",
        "summary",
    }
)
# What may stand in <head>: any other start tag opens the body, closing an unclosed head.
HEAD_CONTENT = frozenset(
    {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


class _Visible(HTMLParser):
    """Collects visible text with a line break at every block element, and JSON-LD scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.jsonld: list[str] = []
        self._hidden: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and any(
            k == "type" and (v or "").strip().lower() == "application/ld+json" for k, v in attrs
        ):
            self._in_jsonld = True
            self.jsonld.append("")
        if tag not in HEAD_CONTENT and "head" in self._hidden:
            self._close("head")  # </head> is optional: the body starts here
        if tag in HIDDEN:
            self._hidden.append(tag)
        elif tag in BLOCKS:
            self.parts.append("\n")
            if tag == "li" and not self._hidden:
                self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False
        if tag in HIDDEN and tag in self._hidden:
            self._close(tag)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def _close(self, tag: str) -> None:
        """Pop the hidden elements up to and including the innermost ``tag``."""
        while self._hidden and self._hidden.pop() != tag:
            pass

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld[-1] += data
        elif not self._hidden:
            self.parts.append(data)


def _parse(html: str) -> _Visible:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return parser


def _tidy(raw: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def html_text(html: str) -> str:
    """The text a browser would show, one block a line."""
    return _tidy("".join(_parse(html).parts))


def html_jsonld(html: str) -> list[str]:
    """The bodies of the page's ``<script type="application/ld+json">`` blocks, in order."""
    return _parse(html).jsonld


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML page (a doctype, <html>, or a head/body tag)."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and ("<body" in head or "<head" in head)
    )

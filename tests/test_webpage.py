"""gapscan.read.webpage: the visible text of a page and its JSON-LD blocks."""

from __future__ import annotations

import pytest

from gapscan.read.webpage import html_jsonld, html_text, looks_like_html


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Hello&nbsp;&amp; <b>world</b></p>", "Hello & world"),
        ("<ul><li>Go</li><li>C</li></ul>", "- Go\n\n- C"),
        ("<p>line<br>two<br/>three</p>", "line\ntwo\nthree"),
        ("<div>  a \t  b  </div>", "a b"),
        ("<p>a</p><p></p><p></p><p></p><p>b</p>", "a\n\nb"),
        ("<p>x</p><script>var skill = 'Haskell';</script><style>p{color:red}</style><p>y</p>",
         "x\n\ny"),
        ("<head><title>Jobs</title></head><body>Go</body>", "Go"),
        ("<div><nav>menu <span>inside</span></nav>after</div>", "after"),
        ("<nav><nav>a</nav>b</nav>c", "c"),
        ("<template><ul><li>hidden</li></ul></template><ul><li>shown</li></ul>", "- shown"),
        ("<svg><text>icon</text></svg><form><button>Apply</button></form>Go", "Go"),
        ("</nav>kept", "kept"),
    ],
    ids=["entities", "list-items", "line-breaks", "spaces", "blank-lines", "script-style",
         "head-title", "nav", "nested-hidden", "template", "svg-form-button", "stray-end-tag"],
)  # fmt: skip
def test_html_text(html: str, text: str) -> None:
    assert html_text(html) == text


def test_html_jsonld_bodies_in_order() -> None:
    page = (
        '<script type=" Application/LD+JSON ">{"a": 1}</script>'
        "<script>var x = 1;</script>"
        '<p>text</p><script type="application/ld+json">[2]</script>'
    )
    assert html_jsonld(page) == ['{"a": 1}', "[2]"]
    assert html_text(page) == "text"  # JSON-LD is never visible text
    assert html_jsonld("<p>none</p>") == []


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("  <!DOCTYPE html><p>x", True),
        ("<HTML lang='en'>", True),
        ("<div><body>x</body></div>", True),
        ("<meta charset='utf-8'><head>", True),
        ("<div>x</div>", False),
        ("Skills: <html>, CSS", False),
        ("", False),
    ],
    ids=["doctype", "html-tag", "body", "head", "fragment", "text-first", "empty"],
)
def test_looks_like_html(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_text_after_a_void_embed_is_kept() -> None:
    """<embed> has no end tag: it was kept open as hidden, and the rest of the page lost."""
    page = '<p>Before</p><embed src="intro.mp4" type="video/mp4"><h2>Requirements</h2>'
    assert html_text(page) == "Before\n\nRequirements"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Job</title><body><h1>Go Developer</h1><p>Kubernetes</p></body>",
        "<html><head><meta charset=utf-8><title>Job</title><h1>Go Developer</h1><p>Kubernetes",
    ],
    ids=["body-tag", "no-body-tag"],
)
def test_a_body_after_an_unclosed_head_is_visible(page: str) -> None:
    """</head> is optional: without it the whole body was hidden with the head."""
    assert html_text(page) == "Go Developer\n\nKubernetes"

"""Pure repairs for text extracted from PDFs: ligatures, soft hyphens, line-end hyphenation.

Only PDF text goes through these: for a text file, offsets must index the decoded file as is.
"""

from __future__ import annotations

import re

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# PDFium reports a hyphen it recognised as end-of-line hyphenation as U+0002 or U+FFFE
# ("mod\ufffeeling", "man\ufffe\nagement"), a soft hyphen is U+00AD: each joins its word.
SOFT_HYPHENS = ("\u00ad", "\u0002", "\ufffe")
_SOFT_BREAK = re.compile("[\u00ad\u0002\ufffe][ \t]*\n[ \t]*")
# "-" first, then the letter before it: the search can look for the hyphen alone
_HARD_BREAK = re.compile(r"-(?<=[a-z]-)[ \t]*\n[ \t]*(?=[a-z])")
_ODD_SPACES = (
    "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_SPACES = re.compile(f"[ {_ODD_SPACES}]+")
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000e-\u001f\u007f\uffff\ue000-\uf8ff]")
_BLANK_LINES = re.compile(r"\n{3,}")


def repair_pdf_text(text: str) -> str:
    """Normalise one page of PDF text so the extractor sees ordinary words.

    Hyphenation marked as such by the PDF (soft hyphens, PDFium's U+0002 and U+FFFE) is
    joined, at a line end or inside a line ("manage-\\nment", "mod\\ufffeeling");
    a plain hyphen before a line break is kept and the break removed ("data-\\ndriven" ->
    "data-driven"), since resumes wrap real compounds far more often than they hyphenate.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for lig, repl in LIGATURES.items():
        text = text.replace(lig, repl)
    text = _SOFT_BREAK.sub("", text)
    for mark in SOFT_HYPHENS:
        text = text.replace(mark, "")
    text = _HARD_BREAK.sub("-", text)
    text = _CONTROL.sub(" ", text)
    if "  " in text or any(c in text for c in _ODD_SPACES):  # else there is nothing to collapse
        text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")

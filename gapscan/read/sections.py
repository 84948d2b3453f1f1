"""Recognise the sections of a resume or posting from their heading lines.

Headings are short lines whose words name a known section ("Technical Skills", "What you'll
need", "Nice to have:"). Text before the first heading is ``header`` (a posting's first line
is its ``title``, when it reads like one).

Which lines are headings, and of what, is ``headings``' part; here the text is cut at them.
"""

from __future__ import annotations

import re
from typing import get_args

from ..records import Section, SectionKind
from .headings import heading_kind, inline_heading, posting_heading, posting_heading_kind

SECTION_KINDS: tuple[SectionKind, ...] = get_args(SectionKind)

_LINE = re.compile(r"[^\n]*\n?")
MAX_TITLE = 120  # characters: "Senior Machine Learning Platform Engineer (Remote, EU)" is 54
# a sentence that ends and another that follows: "We are hiring. You will..."; a capital
# before the stop ("Sr. Engineer", "Acme Inc. - Berlin") is taken for an abbreviation
_SENTENCE_GOES_ON = re.compile(r"\b[a-z]{2,}[.!?]\s+\S")
# a list item: "- Go", "• Go", "1. Go", "2) Go"
_LIST_ITEM = re.compile(r"\s*(?:[-*•●▪–]|\d{1,2}[.)])\s")


def can_be_title(line: str) -> bool:
    """True when a posting's first line reads like a job title: short, and not sentences.

    A posting written on one line, or whose line ends were lost, starts with its whole text:
    read as the title, none of it would count.
    """
    stripped = line.strip()
    return len(stripped) <= MAX_TITLE and not _SENTENCE_GOES_ON.search(stripped)


def detect_sections(text: str, *, posting: bool) -> tuple[Section, ...]:
    """Split ``text`` into sections covering it from start to end, in order."""
    lines = [m for m in _LINE.finditer(text) if m.group()]
    sections: list[Section] = []
    kind: SectionKind = "title" if posting else "header"
    heading, start = "", 0
    seen_text = False
    body = False  # the section has text after its heading
    for i, match in enumerate(lines):
        line, offset = match.group(), match.start()
        if kind == "not_needed" and i and _ends_not_needed(line, lines[i - 1].group(), body):
            # what the job does not need is one list or paragraph: "Our stack: ..." after it
            # is no longer in it
            sections.append(Section(kind, heading, start, offset))
            kind, heading, start = "other", "", offset
        found, label = heading_kind(line), line.strip()
        inline = inline_heading(line) if found is None and posting else None
        if inline is not None:
            found, label = inline
        if found is None and posting and seen_text:
            # the title line stands apart as a blank line would
            before = lines[i - 1].group() if i and kind != "title" else ""
            after = next((m.group() for m in lines[i + 1 :] if m.group().strip()), "")
            if posting_heading(line, before, after, kind):
                found = posting_heading_kind(line)
        if found is not None:
            if offset > start:
                sections.append(Section(kind, heading, start, offset))
            kind, heading, start = found, label, offset
            seen_text = True
            body = inline is not None
            continue
        body = body or bool(line.strip())
        if posting and kind == "title" and line.strip():
            if not seen_text and not can_be_title(line):
                kind = "summary"  # no title line: the text starts at once
            elif seen_text:  # the title is the first non-empty line only
                sections.append(Section(kind, heading, start, offset))
                kind, heading, start = "summary", "", offset
            seen_text = True
    if len(text) > start or not sections:
        sections.append(Section(kind, heading, start, len(text)))
    return tuple(sections)


def _ends_not_needed(line: str, before: str, body: bool) -> bool:
    """True for a paragraph after a blank line, once the section holds text: it ends what
    the job does not need, which is one list or paragraph."""
    return body and not before.strip() and bool(line.strip()) and not _LIST_ITEM.match(line)


POSTING_SECTIONS = frozenset(
    {"requirements", "preferred", "responsibilities", "about", "benefits", "application"}
)

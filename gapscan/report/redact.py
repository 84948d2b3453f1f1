"""Blind-screening redaction: names, e-mail addresses, phone numbers and URLs out of a document.

Pure functions over the dictionaries of ``gapscan.serialize``. ``personal_details`` finds what
to hide in the resume's own text (its header line is the name, plus the file name); ``redact``
replaces it, and anything else that looks like an e-mail, phone or URL, in every string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from ..addresses import EMAIL_RE, URL_RE
from .serialize import with_header_field

EMAIL = "[email]"
PHONE = "[phone]"
URL = "[url]"
NAME = "[name]"
SOURCE_PREFIX = "sha256:"
SOURCE_CHARS = 12
MIN_FRAGMENT = 3  # shorter cut-off pieces at a snippet's edge say nothing about a person

# Three or more digit groups ending in one of 3-4 digits, e.g. "(206) 555-0182",
# "+44 20 7946 0958", "555.010.1234"; "2019-2023" (two groups) and "2024-01-15" do not match.
_GROUP = r"(?:\(\d{1,4}\)|\d{1,4}(?!\d))"
_PHONE_RE = re.compile(rf"(?<![\w/])\+?{_GROUP}(?:[ .-]?{_GROUP}){{1,3}}[ .-]?\d{{3,4}}(?!\w)")
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")
# Words that are often in a resume's header or file name and never a person's name.
_NOT_NAMES = frozenset(
    {
        "resume",
        "cv",
        "curriculum",
        "vitae",
        "final",
        "updated",
        "new",
        "draft",
        "copy",
        "version",
        "the",
        "of",
        "and",
        "engineer",
        "developer",
        "scientist",
        "analyst",
        "architect",
        "manager",
        "data",
        "ml",
        "ai",
        "senior",
        "junior",
    }  # fmt: skip
)
# Keys whose values come from the taxonomy or from gapscan itself, never from a document.
_FIXED_KEYS = frozenset(
    {
        "schema_version",
        "gapscan_version",
        "taxonomy",
        "crosswalk",
        "id",
        "name",
        "type",
        "area",
        "skill",
        "alternatives",
        "title",
        "provider",
        "kind",
        "formula",
        "method",
        "status",
        "importance",
        "format",
        "encoding",
        "sha256",
        "section",
        "why",
        "run",
        "as_of",
        "verdict",
        "met_by",
        "level",
        "fields",
        "issuer",
        "value",
        "detail",
    }
)


@dataclass(frozen=True)
class PersonalDetails:
    """What to hide: name words, and the exact e-mails, phones and URLs the text contains."""

    names: tuple[str, ...] = ()
    literals: tuple[tuple[str, str], ...] = ()  # (text, placeholder), longest first


def _name_words(text: str) -> list[str]:
    words = [w.strip("'.-") for w in re.split(r"[\s_.,;:|/()-]+", text)]
    return [w for w in words if len(w) >= 2 and w.isalpha() and w.lower() not in _NOT_NAMES]


def header_name(text: str) -> tuple[str, ...]:
    """The words of the first non-empty line when it reads like a name (a few plain words)."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    words = line.split()
    if not 1 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return ()
    return tuple(_name_words(line))


def personal_details(text: str, source: str) -> PersonalDetails:
    """The candidate's details as written in the resume ``text`` and its file name."""
    names = {w.lower() for w in (*header_name(text), *_name_words(PurePath(source).stem))}
    found: dict[str, str] = {}
    for pattern, placeholder in ((EMAIL_RE, EMAIL), (URL_RE, URL), (_PHONE_RE, PHONE)):
        for match in pattern.finditer(text):
            found.setdefault(" ".join(match.group().split()), placeholder)
    literals = sorted(found.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return PersonalDetails(tuple(sorted(names)), tuple(literals))


def _edges(text: str, literals: Iterable[tuple[str, str]]) -> str:
    """Hide pieces of a detail that a snippet cut off at its start or end ("...ra@example.com")."""
    for value, placeholder in literals:
        low = value.lower()
        for size in range(len(low) - 1, MIN_FRAGMENT - 1, -1):
            head, tail = text[3:], text[:-3]
            if (
                text.startswith("...")
                and head.lower().startswith(low[-size:])
                and not head[size : size + 1].isalnum()
            ):
                text = "..." + placeholder + head[size:]
            if (
                text.endswith("...")
                and tail.lower().endswith(low[:size])
                and not tail[-size - 1 : -size].isalnum()
            ):
                text = tail[:-size] + placeholder + "..."
    return text


def redact_text(text: str, details: PersonalDetails) -> str:
    """``text`` with the details, and anything shaped like an e-mail, URL or phone, replaced."""
    text = EMAIL_RE.sub(EMAIL, text)
    text = URL_RE.sub(URL, text)
    text = _PHONE_RE.sub(PHONE, text)
    for value, placeholder in details.literals:
        text = re.sub(re.escape(value), placeholder, text, flags=re.IGNORECASE)
    if details.names:
        words = "|".join(re.escape(n) for n in sorted(details.names, key=len, reverse=True))
        text = re.sub(rf"(?<![A-Za-z])(?:{words})(?![A-Za-z])", NAME, text, flags=re.IGNORECASE)
    return _edges(text, (*details.literals, *((n, NAME) for n in details.names)))


def source_label(sha256: str) -> str:
    """What replaces a resume's file path: a short digest that still tells files apart."""
    return SOURCE_PREFIX + sha256[:SOURCE_CHARS]


def _walk(value: Any, details: PersonalDetails) -> Any:
    if isinstance(value, str):
        return redact_text(value, details)
    if isinstance(value, list):
        return [_walk(v, details) for v in value]
    if isinstance(value, dict):
        return {k: v if k in _FIXED_KEYS else _walk(v, details) for k, v in value.items()}
    return value


def redact(data: dict[str, Any], details: PersonalDetails) -> dict[str, Any]:
    """A redacted copy of a report or extract dict, marked ``"redacted": true``.

    The resume's ``source`` becomes its digest label (a posting's path keeps only what is not
    personal); every other string from a document is scrubbed. What the resume states for a
    constraint keeps its facts (``value``, ``detail``) and loses the line it was read from
    (``text``: null), which may carry an address or other personal detail.
    """
    out: dict[str, Any] = _walk(data, details)
    for constraint in out.get("constraints", []):
        for statement in constraint["resume"] or []:
            statement["text"] = None  # the fact stays; the line it came from may say more
    resume = out.get("resume")
    if not isinstance(resume, dict) and out.get("kind") == "resume":
        resume = out
    if isinstance(resume, dict):
        resume["source"] = source_label(str(resume["sha256"]))
    return with_header_field(out, "redacted", True)

"""Turn structured documents into sectioned text: a JSON Resume, a schema.org JobPosting.

The text uses the headings ``gapscan.sections`` recognises, in a fixed order, so the same
file always gives the same text and the same offsets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .webpage import html_text

RESUME_KEYS = frozenset({"basics", "work", "education", "skills", "projects", "certificates"})


def parse_json(text: str) -> Any:
    """``json.loads`` that reports deep nesting as a ``ValueError`` like any bad JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _str(value: Any) -> str:
    """A scalar as text; HTML inside it (JobPosting descriptions often hold some) stripped."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    text = str(value).strip()
    return html_text(text) if "<" in text and ">" in text else text


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else ([] if value is None else [value])


def _join(*parts: Any, sep: str = ", ") -> str:
    return sep.join(s for s in (_str(p) for p in parts) if s)


def _section(heading: str, lines: list[str]) -> list[str]:
    lines = [line for line in lines if line]
    return ["", heading, *lines] if lines else []


def is_json_resume(data: Any) -> bool:
    return isinstance(data, dict) and bool(RESUME_KEYS & data.keys()) and "@type" not in data


def json_resume_text(data: dict[str, Any]) -> str:
    """A JSON Resume (jsonresume.org schema) as a text resume with the usual headings."""
    basics = data.get("basics") if isinstance(data.get("basics"), dict) else {}
    assert isinstance(basics, dict)
    lines = [line for line in (_str(basics.get("name")), _str(basics.get("label"))) if line]
    lines += _section("Summary", [_str(basics.get("summary"))])
    lines += _section(
        "Experience", list(_entries(data.get("work"), ("position", "name", "company")))
    )
    lines += _section("Education", list(_education(data.get("education"))))
    lines += _section(
        "Skills",
        [
            _join(s.get("name"), _join(*_items(s.get("keywords"))), sep=": ")
            for s in _dicts(data.get("skills"))
        ],
    )
    lines += _section(
        "Certifications",
        [
            _join(c.get("name"), c.get("issuer"), c.get("date"))
            for c in _dicts(data.get("certificates"))
        ],
    )
    lines += _section("Projects", list(_entries(data.get("projects"), ("name",))))
    return "\n".join(lines).strip("\n")


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    return (item for item in _items(value) if isinstance(item, dict))


def _entries(value: Any, title_keys: tuple[str, ...]) -> Iterator[str]:
    for item in _dicts(value):
        dates = _join(item.get("startDate"), item.get("endDate"), sep=" - ")
        yield _join(*(item.get(k) for k in title_keys), dates)
        yield _str(item.get("summary")) or _str(item.get("description"))
        yield from (f"- {_str(h)}" for h in _items(item.get("highlights")) if _str(h))
        keywords = _join(*_items(item.get("keywords")))
        yield f"Keywords: {keywords}" if keywords else ""


def _education(value: Any) -> Iterator[str]:
    for item in _dicts(value):
        yield _join(
            _join(item.get("studyType"), item.get("area"), sep=" "),
            item.get("institution"),
            _join(item.get("startDate"), item.get("endDate"), sep=" - "),
        )
        yield from (f"- {_str(c)}" for c in _items(item.get("courses")) if _str(c))


def find_job_posting(data: Any) -> dict[str, Any] | None:
    """The first schema.org JobPosting in a JSON-LD value (an object, a list or an @graph)."""
    for node in _nodes(data):
        types = _items(node.get("@type"))
        if any(str(t).rsplit("/", 1)[-1] == "JobPosting" for t in types):
            return node
    return None


def _nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    for item in _items(data):
        if isinstance(item, dict):
            yield item
            yield from _nodes(item.get("@graph"), depth + 1)


def job_posting_text(node: dict[str, Any]) -> str:
    """A JobPosting as a posting: title line, summary, requirements, responsibilities."""
    lines = [_str(node.get("title")) or "Job posting"]
    lines += _section("Summary", [_str(node.get("description"))])
    asks = [
        node.get(k)
        for k in ("skills", "qualifications", "experienceRequirements", "educationRequirements")
    ]
    lines += _section("Requirements", [_value_line(v) for a in asks for v in _items(a)])
    lines += _section(
        "Responsibilities", [_value_line(v) for v in _items(node.get("responsibilities"))]
    )
    return "\n".join(lines).strip("\n")


def _value_line(value: Any) -> str:
    """A string, or a DefinedTerm / requirement object by its name and description."""
    if isinstance(value, dict):
        return _join(value.get("name"), value.get("description"), sep=": ")
    return _str(value)

"""The report for a person: plain text in 80 columns, with color only when asked for."""

from __future__ import annotations

import textwrap
from typing import Any

WIDTH = 80
MAX_COURSES = 2
_COLORS = {"bold": "1", "green": "32", "yellow": "33", "red": "31", "dim": "2"}
_STATUS_COLOR = {"matched": "green", "partial": "yellow", "missing": "red"}


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        codes = ";".join(_COLORS[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _num(x: float) -> str:
    return f"{x:g}"


def _names(entry: dict[str, Any]) -> str:
    return " or ".join(s["name"] for s in entry["skills"])


def render_report(report: dict[str, Any], *, color: bool = False) -> str:
    """Render a report dictionary (as built by ``serialize.report_dict``) as text."""
    st = _Style(color)
    lines: list[str] = []
    resume, posting = report["resume"], report["posting"]
    title = f"gapscan: {resume['source']} against {posting['label']}"
    lines.extend(st(line, "bold") for line in _wrap(title, "  ", ""))
    tax = report["taxonomy"]
    lines.append(st(f"taxonomy {tax['name']} {tax['version']}", "dim"))
    lines.append("")
    if report["status"] != "assessed":
        lines.append(st("Not assessed", "bold", "yellow"))
        lines.extend(_wrap(report["status_reason"] or "", "  "))
        return "\n".join(lines) + "\n"

    score = report["score"]
    b = score["breakdown"]
    lines.append(st(f"Score {score['value']:g} / 100", "bold"))
    for level in ("required", "preferred"):
        line = b[level]
        if not line["total"]:
            continue
        lines.append(
            f"  {level:<9} {line['matched']:>2} matched {line['partial']:>2} partial"
            f" {line['missing']:>2} missing of {line['total']:<3}"
            f" {_num(line['points']):>5} of {_num(line['max_points']):<4}"
            f" points (x{_num(line['weight'])})"
        )
    lines.append(
        f"  score = 100 x {_num(b['points'])} / {_num(b['max_points'])}"
        f" (a partial match earns {_num(b['partial_credit'])} of its weight)"
    )

    for status in ("matched", "partial", "missing"):
        entries = report[status]
        lines.append("")
        lines.append(st(f"{status.capitalize()} ({len(entries)})", "bold", _STATUS_COLOR[status]))
        if not entries:
            lines.append("  (none)")
        for e in entries:
            head = f"{_names(e)} [{e['importance']}]"
            if status == "partial" and e["via"]:
                head += f" via {e['via']['name']}"
            lines.extend(_wrap(head, "    ", "  "))
            evidence = e["resume_evidence"] if status != "missing" else e["posting_evidence"]
            for ev in evidence[:1]:
                where = f"p.{ev['page']}, " if ev["page"] else ""
                label = "resume" if status != "missing" else "posting"
                lines.extend(
                    _wrap(f'{label} ({where}{ev["section"]}): "{ev["snippet"]}"', "      ", "    ")
                )

    lines.append("")
    lines.append(st("Learning plan", "bold"))
    if not report["learning_plan"]:
        lines.append("  Nothing to learn for this posting: every requirement is matched.")
    names = {
        ref["id"]: ref["name"]
        for status in ("matched", "partial", "missing")
        for entry in report[status]
        for ref in entry["skills"]
    }
    for item in report["learning_plan"]:
        alts = [names.get(a, a) for a in item["alternatives"] if a != item["learn"]["id"]]
        head = f"{item['rank']}. {item['learn']['name']} ({item['importance']}, {item['status']})"
        if alts:
            head += f", or instead: {', '.join(alts)}"
        lines.extend(_wrap(head, "     ", "  "))
        lines.extend(_wrap(f"why: {item['why']}", "     "))
        steps = "; ".join(f"{s['number']}. {s['title']}" for s in item["roadmap_steps"])
        if steps:
            lines.extend(_wrap(f"roadmap: {steps}", "     "))
        courses = [f"{c['provider']}: {c['title']}" for c in item["courses"]]
        if courses:
            more = f" (+{len(courses) - MAX_COURSES} more in the JSON report)"
            shown = "; ".join(courses[:MAX_COURSES]) + (more if len(courses) > MAX_COURSES else "")
            lines.extend(_wrap(f"learn with: {shown}", "     "))
    return "\n".join(lines) + "\n"


def render_profile(profile: dict[str, Any], *, color: bool = False) -> str:
    """Render ``gapscan extract`` output as text: one line a skill, with its first evidence."""
    st = _Style(color)
    lines = [
        st(f"{profile['source']}: {len(profile['skills'])} skills ({profile['kind']})", "bold")
    ]
    for skill in profile["skills"]:
        counted = [m for m in skill["mentions"] if m["counted"]]
        tag = skill.get("importance") or ("not counted" if not counted else "")
        first = (counted or skill["mentions"])[0]
        note = f" [{tag}]" if tag else ""
        lines.extend(
            _wrap(
                f'{skill["name"]}{note}: "{first["text"]}" ({first["section"]},'
                f" {first['method']}), {len(skill['mentions'])} mention(s)",
                "    ",
                "  ",
            )
        )
    return "\n".join(lines) + "\n"

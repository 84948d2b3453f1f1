"""The report for a person: plain text in 80 columns, with color only when asked for.

Rendered from the records themselves (``GapReport``, ``SkillProfile``); with ``--redact``,
every string that comes from a document passes through the redaction first, as in the JSON.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from ..coverage import posting_coverage
from ..plan import plan_hours, step_asks
from ..records import Gap, GapReport, SkillProfile
from ..taxonomy import Course, Taxonomy
from .evidence import evidence, plan_reason, via_words
from .redact import PersonalDetails, redact_text, source_label

WIDTH = 80
MAX_COURSES = 2
STATUSES = ("matched", "partial", "missing")
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


def _scrub(redaction: PersonalDetails | None) -> Callable[[str], str]:
    """What a document's string becomes in the report: itself, or its redacted form."""
    if redaction is None:
        return lambda text: text
    return lambda text: redact_text(text, redaction)


def render_report(
    report: GapReport,
    taxonomy: Taxonomy,
    *,
    color: bool = False,
    redaction: PersonalDetails | None = None,
) -> str:
    """The gap report as text; ``redaction`` hides the candidate's details (``--redact``)."""
    st = _Style(color)
    shown = _scrub(redaction)
    resume = report.resume.document
    source = source_label(resume.sha256) if redaction is not None else resume.source
    lines: list[str] = []
    title = f"gapscan: {source} against {shown(report.posting_label)}"
    lines.extend(st(line, "bold") for line in _wrap(title, "  ", ""))
    lines.append(st(f"taxonomy {taxonomy.name} {taxonomy.version}", "dim"))
    lines.append("")
    if report.status != "assessed":
        lines.append(st("Not assessed", "bold", "yellow"))
        lines.extend(_wrap(shown(report.status_reason or ""), "  "))
        return "\n".join(lines) + "\n"
    lines.extend(_coverage_lines(report, taxonomy, st, shown))
    lines.extend(_score_lines(report, st))
    for status in STATUSES:
        lines.extend(_gap_lines(report, status, taxonomy, st, shown))
    lines.extend(_plan_lines(report, taxonomy, st))
    return "\n".join(lines) + "\n"


def _coverage_lines(
    report: GapReport, taxonomy: Taxonomy, st: _Style, shown: Callable[[str], str]
) -> list[str]:
    """The posting terms not recognised; first, a warning when they are many."""
    found = posting_coverage(report.posting, taxonomy)
    if found is None or not found.not_recognised:
        return []
    c = found.coverage
    terms = ", ".join(shown(u.text) for u in found.not_recognised)
    lines: list[str] = []
    if c.low:
        warning = f"Warning: {c.warning()}."
        lines.extend(st(line, "bold", "yellow") for line in _wrap(warning, "  ", ""))
    lines.extend(_wrap(f"Not recognised in the posting: {terms}", "  ", ""))
    lines.append("")
    return lines


def _score_lines(report: GapReport, st: _Style) -> list[str]:
    score = report.score
    lines = [st(f"Score {score.value:g} / 100", "bold")]
    for line in score.lines:
        if not line.total:
            continue
        lines.append(
            f"  {line.importance:<9} {line.matched:>2} matched {line.partial:>2} partial"
            f" {line.missing:>2} missing of {line.total:<3}"
            f" {_num(line.points):>5} of {_num(line.max_points):<4}"
            f" points (x{_num(line.weight)})"
        )
    lines.append(
        f"  score = 100 x {_num(score.points)} / {_num(score.max_points)}"
        f" (a partial match earns {_num(score.partial_credit)} of its weight)"
    )
    return lines


def _names(gap: Gap, taxonomy: Taxonomy) -> str:
    return " or ".join(taxonomy.skill(s).name for s in gap.requirement.skills)


def _gap_lines(
    report: GapReport, status: str, taxonomy: Taxonomy, st: _Style, shown: Callable[[str], str]
) -> list[str]:
    gaps = [g for g in report.gaps if g.status == status]
    lines = ["", st(f"{status.capitalize()} ({len(gaps)})", "bold", _STATUS_COLOR[status])]
    if not gaps:
        lines.append("  (none)")
    for gap in gaps:
        head = f"{_names(gap, taxonomy)} [{gap.requirement.importance}]"
        via = via_words(gap, taxonomy)
        if via:
            head += f" via {via}"
        lines.extend(_wrap(head, "    ", "  "))
        if status != "missing":
            found = evidence(report.resume, (gap.via,)) if gap.via else ()
        else:
            found = evidence(report.posting, gap.requirement.skills)
        label = "resume" if status != "missing" else "posting"
        for ev in found[:1]:
            where = f"p.{ev.page}, " if ev.page else ""
            quoted = f'{label} ({where}{ev.section}): "{shown(ev.snippet)}"'
            lines.extend(_wrap(quoted, "      ", "    "))
    return lines


def _plan_lines(report: GapReport, taxonomy: Taxonomy, st: _Style) -> list[str]:
    lines = ["", st("Learning plan", "bold")]
    if not report.plan:
        lines.append("  Nothing to learn for this posting: every requirement is matched.")
        return lines
    lines.extend(_wrap(_hours_line(report), "  ", "  "))
    starts = [f"{i.rank}. {taxonomy.skill(i.learn).name}" for i in report.plan if i.start_here]
    lines.extend(_wrap(f"Start here: {'; '.join(starts)}", "    ", "  "))
    told: set[int] = set()
    for item in report.plan:
        alts = [taxonomy.skill(a).name for a in item.alternatives if a != item.learn]
        kind = "needed first" if item.gap is None else f"{item.importance}, {item.status}"
        hours = f", about {item.hours} h" if item.hours else ""
        head = f"{item.rank}. {taxonomy.skill(item.learn).name} ({kind}{hours})"
        if alts:
            head += f", or instead: {', '.join(alts)}"
        lines.extend(_wrap(head, "     ", "  "))
        lines.extend(_wrap(f"why: {plan_reason(item, taxonomy, report.posting)}", "     "))
        if item.also_meets:
            also = "; ".join(
                f"{_names(g, taxonomy)} ({g.requirement.importance})" for g in item.also_meets
            )
            lines.extend(_wrap(f"also meets: {also}", "     "))
        steps = "; ".join(f"{n}. {taxonomy.step(n).title}" for n in item.steps)
        if steps:
            lines.extend(_wrap(f"roadmap: {steps}", "     "))
        asks = step_asks(item, taxonomy)
        if asks and item.steps[0] not in told:  # once a step: the items after it share it
            told.add(item.steps[0])
            lines.extend(_wrap(f"step {item.steps[0]} asks: {asks}", "     "))
        found = [taxonomy.course(c) for c in item.courses]
        if found:
            direct = taxonomy.teaches(found[0], (item.learn,))
            names = [_resource(c) for c in found]
            more = f" (+{len(names) - MAX_COURSES} more in the JSON report)"
            listed = "; ".join(names[:MAX_COURSES]) + (more if len(names) > MAX_COURSES else "")
            lead = "learn with" if direct else "no resource teaches it itself; for its area"
            lines.extend(_wrap(f"{lead}: {listed}", "     "))
    return lines


def _hours_line(report: GapReport) -> str:
    """``About 40 hours of study for the required gaps and 12 for the preferred ...``"""
    hours = plan_hours(report.plan)
    if hours.without_estimate == len(report.plan):
        return "No item of the plan has an estimate of study time yet."
    line = (
        f"About {hours.required} hours of study for the required gaps and "
        f"{hours.preferred} for the preferred"
    )
    if hours.without_estimate:
        line += f", besides {hours.without_estimate} items with no estimate"
    return line + "."


def _resource(course: Course) -> str:
    """``Provider: Title (kind, free, about 6 h) URL``, with what the taxonomy knows."""
    facts = [course.kind, *([course.cost] if course.cost else [])]
    if course.hours:
        facts.append(f"about {course.hours} h")
    if course.guide:
        facts.append("named by the guide")
    shown = f"{course.provider}: {course.title} ({', '.join(facts)})"
    return f"{shown} {course.url}" if course.url else shown


def render_profile(
    profile: SkillProfile,
    *,
    taxonomy: Taxonomy,
    posting: bool,
    color: bool = False,
    redaction: PersonalDetails | None = None,
) -> str:
    """``gapscan extract`` as text: one line a skill, with its first evidence.

    ``redaction`` (``--redact``) scrubs the document's strings; a resume's path becomes its
    digest label.
    """
    st = _Style(color)
    shown = _scrub(redaction)
    doc = profile.document
    hide_path = redaction is not None and not posting
    source = source_label(doc.sha256) if hide_path else shown(doc.source)
    kind = "posting" if posting else "resume"
    lines = [st(f"{source}: {len(profile.skills)} skills ({kind})", "bold")]
    for hit in profile.skills:
        counted = [m for m in hit.mentions if m.counted]
        level = hit.importance if posting else None
        tag = level or ("not counted" if not counted else "")
        first = (counted or list(hit.mentions))[0]
        note = f" [{tag}]" if tag else ""
        lines.extend(
            _wrap(
                f'{taxonomy.skill(hit.skill_id).name}{note}: "{shown(first.text)}"'
                f" ({first.section}, {first.method}), {len(hit.mentions)} mention(s)",
                "    ",
                "  ",
            )
        )
    return "\n".join(lines) + "\n"

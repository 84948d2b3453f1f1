"""The report for a person: plain text in 80 columns, with color only when asked for.

Rendered from the records themselves (``GapReport``, ``SkillProfile``); with ``--redact``,
every string that comes from a document passes through the redaction first, as in the JSON.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from ..experience.verdicts import (
    Background,
    ConstraintVerdict,
    EducationVerdict,
    ExperienceVerdict,
)
from ..plan import plan_hours
from ..records import Gap, GapReport, ScoreLine, SkillProfile
from ..taxonomy import Course, Taxonomy
from .background import NOT_STATED, stated_text
from .evidence import evidence, plan_reason
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
    lines.extend(_score_lines(report, st))
    for status in STATUSES:
        lines.extend(_gap_lines(report, status, taxonomy, st, shown))
    if report.background is not None:
        lines.extend(_experience_lines(report.background, taxonomy, st, shown))
        lines.extend(_education_lines(report.background, st, shown))
        lines.extend(_constraint_lines(report.background, st, shown))
    lines.extend(_plan_lines(report, taxonomy, st))
    return "\n".join(lines) + "\n"


def _score_lines(report: GapReport, st: _Style) -> list[str]:
    score = report.score
    lines = [st(f"Score {score.value:g} / 100", "bold")]
    labelled: list[tuple[str, ScoreLine]] = [(line.importance, line) for line in score.lines]
    labelled += [(f"years, {line.importance}", line) for line in score.experience]
    width = max(len(label) for label, line in labelled if line.total) if score.experience else 9
    for label, line in labelled:
        if not line.total:
            continue
        lines.append(
            f"  {label:<{width}} {line.matched:>2} matched {line.partial:>2} partial"
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
        if status == "partial" and gap.via:
            head += f" via {taxonomy.skill(gap.via).name}"
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


def _years(months: int) -> str:
    """``11.6 years``: months as years to one decimal."""
    return f"{_num(round(months / 12, 1))} years"


_EXPERIENCE_VERDICT = {"met": "met", "short": "short", "not_shown": "not shown"}


def _experience_head(verdict: ExperienceVerdict, taxonomy: Taxonomy) -> str:
    req = verdict.requirement
    years = (
        f"{_num(req.min_years)}+"
        if req.max_years is None
        else (f"{_num(req.min_years)}-{_num(req.max_years)}")
    )
    subject = "in total"
    if req.skills:
        written = " and ".join(req.skills)
        names = ", ".join(taxonomy.skill(s).name for s in verdict.skills)
        same = names.lower() == ", ".join(req.skills).lower()
        subject = written + (f" ({names})" if names and not same else "")
    status = _EXPERIENCE_VERDICT[verdict.status]
    if verdict.status == "short":
        status = f"short by {_num(verdict.short_by_years or 0)} years"
    held = (
        f"{_years(verdict.months_held)} held" if verdict.months_held else "no dated role shows it"
    )
    stated = " (stated in the skills)" if verdict.stated else ""
    return f"{status}: {years} years {subject} [{req.importance}]: {held}{stated}"


def _experience_lines(
    found: Background, taxonomy: Taxonomy, st: _Style, shown: Callable[[str], str]
) -> list[str]:
    """Years of experience: the resume's roles, then each requirement with its verdict."""
    if not (found.roles or found.experience or found.ignored):
        return []
    roles = len(found.roles)
    head = (
        f"Experience as of {found.as_of.isoformat()}: {_years(found.total_months)} "
        f"({found.total_months} months) in {roles} role{'s' if roles != 1 else ''}, "
        "overlaps counted once"
    )
    lines = ["", *(st(line, "bold") for line in _wrap(head, "  ", ""))]
    for role in found.roles:
        span = f"{' '.join(role.dates.text.split())}, {role.months} months"
        lines.extend(_wrap(f"{shown(role.heading) or '(no heading)'}: {span}", "      ", "  "))
    for verdict in found.experience:
        lines.extend(_wrap(_experience_head(verdict, taxonomy), "      ", "  "))
        if verdict.roles and verdict.requirement.skills:
            used = "; ".join(shown(r.heading) or "(no heading)" for r in verdict.roles)
            lines.extend(_wrap(f"in: {used}", "      ", "    "))
    for ignored in found.ignored:
        note = f'dates not used: "{shown(ignored.text)}" ({ignored.reason})'
        lines.extend(_wrap(note, "      ", "  "))
    return lines


_LEVEL = {"bachelor": "bachelor's", "master": "master's", "phd": "PhD"}
_EDUCATION_VERDICT = {
    "met": "met",
    "field_to_check": "level met, field to check (the posting accepts a related field)",
    "not_met": "not met",
    "not_shown": "no degree shown",
}


def _degree_head(verdict: EducationVerdict) -> str:
    req = verdict.requirement
    level = f"{_LEVEL[req.level]} or higher" if req.level else "a degree"
    fields = f" in {', '.join(req.fields)}" if req.fields else ""
    equivalent = ", or equivalent experience" if req.or_equivalent else ""
    status = _EDUCATION_VERDICT[verdict.status]
    if verdict.met_by == "degree":
        status = "met by the degree"
    elif verdict.met_by == "equivalent_experience":
        status = f"met by equivalent experience ({_years(verdict.equivalent_months or 0)})"
    return f"{level}{fields}{equivalent} [{req.importance}]: {status}"


def _education_lines(found: Background, st: _Style, shown: Callable[[str], str]) -> list[str]:
    """Degrees and certifications: reported with their verdicts, no points of their own."""
    if not (found.education or found.certifications):
        return []
    lines = ["", st("Education and certifications (no points of their own)", "bold")]
    degree = found.degree
    held = "none stated" if degree is None else f'"{shown(degree.text)}"'
    lines.extend(_wrap(f"degree held: {held}", "      ", "  "))
    for verdict in found.education:
        lines.extend(_wrap(_degree_head(verdict), "      ", "  "))
    for cert in found.certifications:
        issuer = f" ({cert.issuer})" if cert.issuer else ""
        status = f'held: "{shown(cert.held.text)}"' if cert.held else "not shown"
        line = f"{shown(cert.requirement.name)}{issuer} [{cert.requirement.importance}]: {status}"
        lines.extend(_wrap(f"certification {line}", "      ", "  "))
    return lines


def _constraint_lines(found: Background, st: _Style, shown: Callable[[str], str]) -> list[str]:
    """Knock-out conditions: what the posting states beside what the resume states."""
    if not found.constraints:
        return []
    lines = ["", st("Constraints (knock-outs, never part of the score)", "bold")]
    grouped: dict[tuple[str, int], list[ConstraintVerdict]] = {}
    for item in found.constraints:  # "US or Canada": the values one clause states together
        grouped.setdefault((item.constraint.kind, item.constraint.start), []).append(item)
    for items in grouped.values():
        item, c = items[0], items[0].constraint
        values = [stated_text(i.constraint.value, None, c.kind) for i in items]
        value = "" if c.value is None else " " + " or ".join(values)
        posting = f'{c.kind.replace("_", " ")}{value} [{c.importance}]: "{shown(c.text)}"'
        lines.extend(_wrap(posting, "      ", "  "))
        said = (
            "; ".join(stated_text(s.value, s.detail, s.kind) for s in item.resume)
            if item.resume
            else NOT_STATED
        )
        lines.extend(_wrap(f"resume: {shown(said)}", "      ", "    "))
    return lines


def _plan_lines(report: GapReport, taxonomy: Taxonomy, st: _Style) -> list[str]:
    lines = ["", st("Learning plan", "bold")]
    if not report.plan:
        lines.append("  Nothing to learn for this posting: every requirement is matched.")
        return lines
    lines.extend(_wrap(_hours_line(report), "  ", "  "))
    starts = [f"{i.rank}. {taxonomy.skill(i.learn).name}" for i in report.plan if i.start_here]
    lines.extend(_wrap(f"Start here: {'; '.join(starts)}", "    ", "  "))
    for item in report.plan:
        alts = [taxonomy.skill(a).name for a in item.alternatives if a != item.learn]
        kind = "needed first" if item.gap is None else f"{item.importance}, {item.status}"
        hours = f", about {item.hours} h" if item.hours else ""
        head = f"{item.rank}. {taxonomy.skill(item.learn).name} ({kind}{hours})"
        if alts:
            head += f", or instead: {', '.join(alts)}"
        lines.extend(_wrap(head, "     ", "  "))
        lines.extend(_wrap(f"why: {plan_reason(item, taxonomy, report.posting)}", "     "))
        steps = "; ".join(f"{n}. {taxonomy.step(n).title}" for n in item.steps)
        if steps:
            lines.extend(_wrap(f"roadmap: {steps}", "     "))
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
    experience: Background | None = None,
) -> str:
    """``gapscan extract`` as text: one line a skill, with its first evidence; then a
    resume's roles when ``experience`` is given.

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
    if experience is not None:
        lines.extend(_experience_lines(experience, taxonomy, st, shown))
    return "\n".join(lines) + "\n"

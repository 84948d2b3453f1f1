"""The report for a person: plain text in 80 columns, with color only when asked for.

Rendered from the records themselves (``GapReport``, ``SkillProfile``); with ``--redact``,
every string that comes from a document passes through the redaction first, as in the JSON.

The report opens with the answer (``answer.answer``): the score, the verdict in one
sentence, the points breakdown, where to start (each with its hours and first resource) and
any warning. The breakdown sits right under the score rather than at the end: a number is
trusted when its arithmetic is in view, and it takes three lines. Then come the gaps with the
posting's words (which say why each is in the plan), the plan in its order with hours,
coverage by skill area and the matched skills, in the order of the HTML report. By default
the plan and the matched skills are lists of names; ``verbose`` adds each plan item's
reason, roadmap steps and resources, and each match's resume evidence. Each block is a
function of its own.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from ..coverage import posting_coverage
from ..experience.verdicts import (
    Background,
    CertificationVerdict,
    ConstraintVerdict,
    EducationVerdict,
    ExperienceVerdict,
)
from ..plan import plan_hours, step_asks
from ..records import Gap, GapReport, PlanItem, ScoreLine, SkillProfile
from ..taxonomy import Course, Taxonomy
from .answer import Answer, answer
from .areas import area_coverage
from .background import NOT_STATED, stated_text
from .evidence import evidence, plan_reason, via_words
from .redact import PersonalDetails, redact_text, source_label

WIDTH = 80
_NBSP = "\u00a0"  # joins words that wrapping must not part (never in the output)
MAX_COURSES = 2
_COLORS = {"bold": "1", "green": "32", "yellow": "33", "red": "31", "dim": "2"}
_STATUS_COLOR = {"matched": "green", "partial": "yellow", "missing": "red"}
_MORE = "--verbose adds each plan item's steps and resources and each match's evidence."
_BAND_COLOR = {"strong": "green", "fair": "yellow", "weak": "red", "poor": "red"}

Shown = Callable[[str], str]


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
        break_long_words=False,  # a long URL runs past the width rather than break
    ) or [indent.rstrip()]


def _num(x: float) -> str:
    return f"{x:g}"


def _scrub(redaction: PersonalDetails | None) -> Shown:
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
    verbose: bool = False,
) -> str:
    """The gap report as text; ``redaction`` hides the candidate's details (``--redact``),
    ``verbose`` shows every plan item's resources and every match's evidence."""
    st = _Style(color)
    shown = _scrub(redaction)
    lines = _header_lines(report, taxonomy, st, shown, hide_source=redaction is not None)
    if report.status != "assessed":
        lines.append(st("Not assessed", "bold", "yellow"))
        lines.extend(_wrap(shown(report.status_reason or ""), "  "))
        return "\n".join(lines) + "\n"
    blocks = (
        _answer_lines(report, answer(report, taxonomy), taxonomy, st, shown),
        _gap_lines(report, taxonomy, st, shown),
        _plan_lines(report, taxonomy, st, verbose),
        _area_lines(report, taxonomy, st),
        _matched_lines(report, taxonomy, st, shown, verbose),
        _background_lines(report, taxonomy, st, shown, verbose),
    )  # the order of the HTML report's sections
    for block in blocks:
        if block:
            lines.extend(["", *block])
    if not verbose:
        lines.extend(["", st(_MORE, "dim")])
    return "\n".join(lines) + "\n"


def _header_lines(
    report: GapReport, taxonomy: Taxonomy, st: _Style, shown: Shown, *, hide_source: bool
) -> list[str]:
    """What was compared with what, and against which taxonomy."""
    resume = report.resume.document
    source = source_label(resume.sha256) if hide_source else resume.source
    title = (
        f"gapscan: {source} against {shown(report.posting_label)},"
        f" taxonomy {taxonomy.name} {taxonomy.version}"
    )
    return [st(line, "bold") for line in _wrap(title, "  ", "")]


def _answer_lines(
    report: GapReport, said: Answer, taxonomy: Taxonomy, st: _Style, shown: Shown
) -> list[str]:
    """The score, the verdict, where to start (hours, first resource) and the warnings; a
    warning that the score is unreliable for this posting (low coverage) comes first, and
    the posting terms not recognised last."""
    band = _BAND_COLOR[said.band] if said.band else "yellow"
    found = posting_coverage(report.posting, taxonomy)
    doubt = found.coverage.warning() if found is not None and found.coverage.low else None
    terms = ", ".join(shown(u.text) for u in found.not_recognised) if found else ""
    unknown = _wrap(f"Not recognised in the posting: {terms}", "  ", "") if terms else []
    lines = [] if doubt is None else [*_warning_lines(f"{doubt}.", st, shown), *unknown, ""]
    lines.append(st(f"Score {report.score.value:g} / 100", "bold", band))
    lines.extend(_wrap(said.verdict, ""))
    lines.extend(_score_lines(report))
    items = {item.learn: item for item in report.plan}
    if said.start_here:
        lines.append(st("Start here", "bold"))
    for n, skill in enumerate(said.start_here, 1):
        item = items[skill]
        hours = f" (about {item.hours} h)" if item.hours else ""
        head = f"{n}. {taxonomy.skill(skill).name}{hours}: {_first_resource(item, taxonomy)}"
        lines.extend(_wrap(head, "     ", "  "))
    for warning in said.warnings:
        if warning != doubt:
            lines.extend(_warning_lines(warning, st, shown))
    return lines if doubt is not None else [*lines, *unknown]


def _warning_lines(warning: str, st: _Style, shown: Shown) -> list[str]:
    return [st(line, "bold", "yellow") for line in _wrap(f"Warning: {shown(warning)}", "  ", "")]


def _first_resource(item: PlanItem, taxonomy: Taxonomy) -> str:
    """``Title URL`` of the item's first resource, said so when it only serves the area; when
    the item has an estimate, the resource it comes from (the hours quoted are its own)."""
    if not item.courses:
        return "no resource in the taxonomy yet"
    courses = [taxonomy.course(c) for c in item.courses]
    timed = [c for c in courses if item.hours and c.hours and taxonomy.teaches(c, (item.learn,))]
    course = timed[0] if timed else courses[0]
    named = f"{course.title} {course.url}" if course.url else f"{course.provider}: {course.title}"
    return named if taxonomy.teaches(course, (item.learn,)) else f"for its area, {named}"


def _names(gap: Gap, taxonomy: Taxonomy) -> str:
    return " or ".join(taxonomy.skill(s).name for s in gap.requirement.skills)


def _posting_words(report: GapReport, gap: Gap, taxonomy: Taxonomy, shown: Shown) -> str | None:
    """The posting's words for a requirement, unless they only repeat the skill's name."""
    found = evidence(report.posting, gap.requirement.skills)
    if not found:
        return None
    words = shown(found[0].text)
    return None if words.casefold() in _names(gap, taxonomy).casefold() else words


def _gap_lines(report: GapReport, taxonomy: Taxonomy, st: _Style, shown: Shown) -> list[str]:
    """Missing, then partial requirements, by importance, with the posting's words."""
    missing = [g for g in report.gaps if g.status == "missing"]
    partial = [g for g in report.gaps if g.status == "partial"]
    if not missing and not partial:
        return [st("Gaps: none", "bold"), "  Every requirement of the posting is matched."]
    lines = [st(f"Gaps: {len(missing)} missing, {len(partial)} partial", "bold")]
    for status, gaps in (("missing", missing), ("partial", partial)):
        for importance in ("required", "preferred"):
            chosen = [g for g in gaps if g.requirement.importance == importance]
            if not chosen:
                continue
            said = ", ".join(_gap_phrase(report, g, taxonomy, shown) for g in chosen)
            label = f"{status.capitalize()}, {importance} ({len(chosen)}):"
            wrapped = _wrap(f"{label} {said}", "    ", "  ")
            # colored after wrapping, so that the codes count for no width
            wrapped[0] = wrapped[0].replace(label, st(label, _STATUS_COLOR[status]), 1)
            lines.extend(wrapped)
    return lines


def _gap_phrase(report: GapReport, gap: Gap, taxonomy: Taxonomy, shown: Shown) -> str:
    """``DevOps ("platform engineering"; via MLOps)``: the skill, what the posting
    calls it, and for a partial match the related skill the resume shows."""
    notes = []
    words = _posting_words(report, gap, taxonomy, shown)
    if words:
        notes.append(f'"{words}"')
    via = via_words(gap, taxonomy)
    if gap.status == "partial" and via:
        notes.append(f"via {via}")
    return _names(gap, taxonomy) + (f" ({'; '.join(notes)})" if notes else "")


def _plan_lines(report: GapReport, taxonomy: Taxonomy, st: _Style, verbose: bool) -> list[str]:
    """The plan in its order with hours; ``verbose``: each item's reason, steps, resources."""
    if not report.plan:
        return [st("Learning plan", "bold"), "  Nothing to learn: every requirement is matched."]
    lines = [st(line, "bold") for line in _wrap(_plan_heading(report), "  ", "")]
    if not verbose:
        order = "; ".join(_unbroken(_plan_phrase(item, taxonomy)) for item in report.plan)
        return [*lines, *(_whole(line) for line in _wrap(order, "  "))]
    told: set[int] = set()  # the steps whose summary is shown: once a step
    for item in report.plan:
        kind = "needed first" if item.gap is None else f"{item.importance}, {item.status}"
        hours = f", about {item.hours} h" if item.hours else ""
        head = f"{item.rank}. {taxonomy.skill(item.learn).name} ({kind}{hours})"
        lines.extend(_wrap(head, "     ", "  "))
        lines.extend(_plan_details(item, report, taxonomy, told))
    return lines


def _unbroken(text: str) -> str:
    """``text`` that ``_wrap`` keeps on one line (``_whole`` undoes it)."""
    return text.replace(" ", _NBSP)


def _whole(line: str) -> str:
    return line.replace(_NBSP, " ")


def _plan_phrase(item: PlanItem, taxonomy: Taxonomy) -> str:
    """``17. Rust (40 h)``; a prerequisite the posting does not name says so."""
    facts = (["needed first"] if item.gap is None else []) + (
        [f"{item.hours} h"] if item.hours else []
    )
    if item.also_meets:
        facts.append("also meets " + " and ".join(_names(g, taxonomy) for g in item.also_meets))
    said = f"{item.rank}. {taxonomy.skill(item.learn).name}"
    return said + (f" ({', '.join(facts)})" if facts else "")


def _why(item: PlanItem, report: GapReport, taxonomy: Taxonomy) -> str:
    """Why this item, in its own words: what the posting asks and the resume shows
    (``plan_reason``), then what it opens the way to and what could replace it."""
    said = [plan_reason(item, taxonomy, report.posting)]
    name = taxonomy.skill
    opens = [
        o.learn
        for o in report.plan
        if item.learn in taxonomy.prerequisites(o.learn) and o.learn not in item.needed_for
    ]
    if opens:
        said.append("it opens the way to " + ", ".join(name(s).name for s in opens))
    alts = [name(a).name for a in item.alternatives if a != item.learn]
    if alts:
        said.append("or learn instead " + " or ".join(alts))
    return "; ".join(said)


def _plan_details(
    item: PlanItem, report: GapReport, taxonomy: Taxonomy, told: set[int]
) -> list[str]:
    """``--verbose``: the item's reason in full, what else it meets, its roadmap steps (with
    what a step asks, the first time the plan reaches it) and its resources."""
    lines = _wrap(f"why: {_why(item, report, taxonomy)}", "     ")
    if item.also_meets:
        also = "; ".join(
            f"{_names(g, taxonomy)} ({g.requirement.importance})" for g in item.also_meets
        )
        lines.extend(_wrap(f"also meets: {also}", "     "))
    steps = "; ".join(f"{n}. {taxonomy.step(n).title}" for n in item.steps)
    if steps:
        lines.extend(_wrap(f"roadmap: {steps}", "     "))
    asks = step_asks(item, taxonomy)
    if asks and item.steps[0] not in told:
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


def _plan_heading(report: GapReport) -> str:
    """``Learning plan (23 items): about 38 h of study for the required gaps ...``"""
    hours = plan_hours(report.plan)
    head = f"Learning plan ({len(report.plan)} items)"
    if hours.without_estimate == len(report.plan):
        return f"{head}: no item has an estimate of study time yet"
    head += (
        f": about {hours.required} h of study for the required gaps and "
        f"{hours.preferred} h for the preferred"
    )
    if hours.without_estimate:
        n = hours.without_estimate
        head += f"; {n} item has no estimate" if n == 1 else f"; {n} items have no estimate"
    return head


def _resource(course: Course) -> str:
    """``Provider: Title (kind, free, about 6 h) URL``, with what the taxonomy knows."""
    facts = [course.kind, *([course.cost] if course.cost else [])]
    if course.hours:
        facts.append(f"about {course.hours} h")
    if course.guide:
        facts.append("named by the guide")
    shown = f"{course.provider}: {course.title} ({', '.join(facts)})"
    return f"{shown} {course.url}" if course.url else shown


def _area_lines(report: GapReport, taxonomy: Taxonomy, st: _Style) -> list[str]:
    """The skill areas the posting asks for, two to a line, each with its requirements
    matched / partial / missing."""
    lines = [st("Coverage by skill area (matched / partial / missing)", "bold")]
    named = sorted((taxonomy.area(a.area).name, a) for a in area_coverage(report, taxonomy))
    cells = [(name, f"{a.matched}/{a.partial}/{a.missing}") for name, a in named]

    def column(part: list[tuple[str, str]]) -> list[str]:
        width = max((len(n) + 1 + len(c) for n, c in part), default=0)
        return [f"{n} {c:>{width - len(n) - 1}}" for n, c in part]

    left, right = column(cells[0::2]), column(cells[1::2])
    if left and right and 2 + len(left[0]) + 3 + len(right[0]) <= WIDTH:  # two to a line
        for i, cell in enumerate(left):
            lines.append(("  " + cell + ("   " + right[i] if i < len(right) else "")).rstrip())
    else:
        lines.extend("  " + cell for cell in column(cells))
    return lines


def _matched_lines(
    report: GapReport, taxonomy: Taxonomy, st: _Style, shown: Shown, verbose: bool
) -> list[str]:
    """The requirements met: their names, or with ``verbose`` each with its resume evidence."""
    matched = [g for g in report.gaps if g.status == "matched"]
    lines = [st(f"Matched ({len(matched)})", "bold", "green")]
    if not matched:
        return [*lines, "  (none)"]
    if not verbose:
        names = ", ".join(_matched_name(g, taxonomy) for g in matched)
        return [*lines, *_wrap(names, "  ")]
    for gap in matched:
        via = via_words(gap, taxonomy)
        head = f"{_names(gap, taxonomy)} [{gap.requirement.importance}]"
        lines.extend(_wrap(head + (f" via {via}" if via else ""), "    ", "  "))
        for ev in evidence(report.resume, (gap.via,) if gap.via else ())[:1]:
            where = f"p.{ev.page}, " if ev.page else ""
            quoted = f'resume ({where}{ev.section}): "{shown(ev.snippet)}"'
            lines.extend(_wrap(quoted, "      ", "    "))
    return lines


def _matched_name(gap: Gap, taxonomy: Taxonomy) -> str:
    """The skill that meets the requirement, as the resume shows it (``AWS``, not ``AWS or
    Microsoft Azure or Google Cloud Platform``)."""
    if gap.via in gap.requirement.skills:
        return taxonomy.skill(gap.via).name
    if gap.via is not None and gap.relation == "narrower":  # GitHub Actions (a kind of CI/CD)
        asked = next(s for s in gap.requirement.skills if s in taxonomy.broader(gap.via))
        return f"{taxonomy.skill(gap.via).name} (a kind of {taxonomy.skill(asked).name})"
    return _names(gap, taxonomy)


def _score_lines(report: GapReport) -> list[str]:
    """How the score adds up: counts and points by importance, and the formula."""
    score = report.score
    labelled: list[tuple[str, ScoreLine]] = [(line.importance, line) for line in score.lines]
    short = {"required": "years req.", "preferred": "years pref."}
    labelled += [(short[line.importance], line) for line in score.experience]
    width = max(len(label) for label, line in labelled if line.total) if score.experience else 9
    lines = []
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


def _background_lines(
    report: GapReport, taxonomy: Taxonomy, st: _Style, shown: Callable[[str], str], verbose: bool
) -> list[str]:
    """What the posting asks beyond skills: years, degrees and certifications, knock-outs;
    ``verbose`` adds the roles, and the resume's and the posting's words for each."""
    found = report.background
    if found is None:
        return []
    if not verbose:
        return _background_summary(found, taxonomy, st, shown)
    lines = [
        *_experience_lines(found, taxonomy, st, shown, verbose),
        *_education_lines(found, st, shown, verbose),
        *_constraint_lines(found, st, shown, verbose),
    ]
    return lines[1:] if lines else []  # each block opens with a blank line


def _background_summary(
    found: Background, taxonomy: Taxonomy, st: _Style, shown: Callable[[str], str]
) -> list[str]:
    """The background blocks in one: a line for the experience, one for each years
    requirement, one each for degrees, certifications and constraints."""
    parts: list[str] = []
    total = [v for v in found.experience if not v.requirement.skills]  # "8+ years in total"
    if found.roles or found.experience or found.ignored:
        roles = len(found.roles)
        shows = (
            f"{_years(found.total_months)} in {roles} role{'s' if roles != 1 else ''}"
            f" as of {found.as_of.isoformat()}"
            + (f"; {len(found.ignored)} dates not used (--verbose)" if found.ignored else "")
        )
        heads = [_experience_head(v, taxonomy, held=False) for v in total] or ["experience"]
        parts.append(f"{'; '.join(heads)}: {shows}")
    parts.extend(
        _experience_head(v, taxonomy, names=False) for v in found.experience if v not in total
    )
    degree = found.degree
    for verdict in found.education:
        by_degree = verdict.met_by == "degree" and degree is not None
        status = f'met by "{shown(degree.text)}"' if by_degree and degree else None
        parts.append("degree, no points: " + _degree_head(verdict, status=status))
    if found.certifications:
        certs = [
            (f"{_certificate_name(c, shown)}: {'held' if c.held else 'not shown'}",
             c.requirement.importance)
            for c in found.certifications
        ]  # fmt: skip
        parts.append("certifications, no points" + _by_importance(certs))
    if found.constraints:
        parts.append("constraints, never scored" + _constraints_summary(found, shown))
    if not parts:
        return []
    lines = [st("Experience, education and constraints", "bold")]
    for part in parts:
        lines.extend(_wrap(part, "      ", "  "))
    return lines


def _certificate_name(cert: CertificationVerdict, shown: Callable[[str], str]) -> str:
    """The certification's name, with its issuer when the name does not hold it already."""
    name = shown(cert.requirement.name)
    issuer = cert.issuer if cert.issuer and cert.issuer not in name else None
    return f"{name} ({issuer})" if issuer else name


def _by_importance(items: list[tuple[str, str]]) -> str:
    """``: a; b`` with each item's ``[importance]``, or `` [required]: a; b`` when all share one."""
    levels = {level for _, level in items}
    if len(levels) == 1:
        return f" [{levels.pop()}]: " + "; ".join(text for text, _ in items)
    return ": " + "; ".join(f"{text} [{level}]" for text, level in items)


def _constraints_summary(found: Background, shown: Callable[[str], str]) -> str:
    """Each knock-out asked and what the resume states; "none stated" said once."""
    asked: list[tuple[str, str, str | None]] = []
    for items in _grouped_constraints(found).values():
        item, c = items[0], items[0].constraint
        values = [stated_text(i.constraint.value, None, c.kind) for i in items]
        value = "" if c.value is None else " " + " or ".join(values)
        said = "; ".join(stated_text(s.value, s.detail, s.kind) for s in item.resume or ())
        asked.append((f"{c.kind.replace('_', ' ')}{value}", c.importance, said or None))
    if all(said is None for _, _, said in asked):
        none = [(", ".join(a for a, level, _ in asked if level == lv), lv) for lv in
                sorted({level for _, level, _ in asked})]  # fmt: skip
        return _by_importance(none) + "; none stated in the resume"
    return _by_importance(
        [(f"{a}, resume: {shown(said) if said else NOT_STATED}", level) for a, level, said in asked]
    )


def _grouped_constraints(found: Background) -> dict[tuple[str, int], list[ConstraintVerdict]]:
    """The verdicts by the clause that states them ("US or Canada" together)."""
    grouped: dict[tuple[str, int], list[ConstraintVerdict]] = {}
    for item in found.constraints:
        grouped.setdefault((item.constraint.kind, item.constraint.start), []).append(item)
    return grouped


def _years(months: int) -> str:
    """``11.6 years``: months as years to one decimal."""
    return f"{_num(round(months / 12, 1))} years"


_EXPERIENCE_VERDICT = {"met": "met", "short": "short", "not_shown": "not shown"}


def _experience_head(
    verdict: ExperienceVerdict, taxonomy: Taxonomy, *, names: bool = True, held: bool = True
) -> str:
    """The verdict on one years requirement; ``names`` adds the taxonomy's names for the
    posting's words when they differ, ``held`` the years the resume shows."""
    req = verdict.requirement
    years = (
        f"{_num(req.min_years)}+"
        if req.max_years is None
        else (f"{_num(req.min_years)}-{_num(req.max_years)}")
    )
    subject = "in total"
    if req.skills:
        written = " and ".join(req.skills)
        skill_names = ", ".join(taxonomy.skill(s).name for s in verdict.skills)
        same = skill_names.lower() == ", ".join(req.skills).lower()
        subject = written + (f" ({skill_names})" if names and skill_names and not same else "")
    status = _EXPERIENCE_VERDICT[verdict.status]
    if verdict.status == "short":
        status = f"short by {_num(verdict.short_by_years or 0)} years"
    shows = (
        f"{_years(verdict.months_held)} held" if verdict.months_held else "no dated role shows it"
    )
    stated = " (stated in the skills)" if verdict.stated else ""
    if not held:
        return f"{status}: {years} years {subject} [{req.importance}]{stated}"
    return f"{status}: {years} years {subject} [{req.importance}]: {shows}{stated}"


def _experience_lines(
    found: Background, taxonomy: Taxonomy, st: _Style, shown: Callable[[str], str], verbose: bool
) -> list[str]:
    """Years of experience: the resume's roles, then each requirement with its verdict."""
    if not (found.roles or found.experience or found.ignored):
        return []
    roles = len(found.roles)
    head = (
        f"Experience as of {found.as_of.isoformat()}: {_years(found.total_months)} "
        f"({found.total_months} months) in {roles} role{'s' if roles != 1 else ''}"
    )
    lines = ["", *(st(line, "bold") for line in _wrap(head, "  ", ""))]
    for role in found.roles if verbose else ():
        span = f"{' '.join(role.dates.text.split())}, {role.months} months"
        lines.extend(_wrap(f"{shown(role.heading) or '(no heading)'}: {span}", "      ", "  "))
    for verdict in found.experience:
        lines.extend(_wrap(_experience_head(verdict, taxonomy), "      ", "  "))
        if verbose and verdict.roles and verdict.requirement.skills:
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


def _degree_head(verdict: EducationVerdict, *, status: str | None = None) -> str:
    """A degree requirement and its verdict (``status`` says it in other words)."""
    req = verdict.requirement
    level = f"{_LEVEL[req.level]} or higher" if req.level else "a degree"
    fields = f" in {', '.join(req.fields)}" if req.fields else ""
    equivalent = ", or equivalent experience" if req.or_equivalent else ""
    if status is None:
        status = _EDUCATION_VERDICT[verdict.status]
        if verdict.met_by == "degree":
            status = "met by the degree"
        elif verdict.met_by == "equivalent_experience":
            status = f"met by equivalent experience ({_years(verdict.equivalent_months or 0)})"
    return f"{level}{fields}{equivalent} [{req.importance}]: {status}"


def _education_lines(
    found: Background, st: _Style, shown: Callable[[str], str], verbose: bool
) -> list[str]:
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
        if cert.held is None:
            status = "not shown"
        else:
            status = f'held: "{shown(cert.held.text)}"' if verbose else "held"
        line = f"{shown(cert.requirement.name)}{issuer} [{cert.requirement.importance}]: {status}"
        lines.extend(_wrap(f"certification {line}", "      ", "  "))
    return lines


def _constraint_lines(
    found: Background, st: _Style, shown: Callable[[str], str], verbose: bool
) -> list[str]:
    """Knock-out conditions: what the posting states beside what the resume states."""
    if not found.constraints:
        return []
    lines = ["", st("Constraints (knock-outs, never part of the score)", "bold")]
    for items in _grouped_constraints(found).values():
        item, c = items[0], items[0].constraint
        values = [stated_text(i.constraint.value, None, c.kind) for i in items]
        value = "" if c.value is None else " " + " or ".join(values)
        asked = f"{c.kind.replace('_', ' ')}{value} [{c.importance}]"
        said = (
            "; ".join(stated_text(s.value, s.detail, s.kind) for s in item.resume)
            if item.resume
            else NOT_STATED
        )
        if not verbose:  # one line: what is asked, what the resume states
            lines.extend(_wrap(f"{asked}; resume: {shown(said)}", "      ", "  "))
            continue
        lines.extend(_wrap(f'{asked}: "{shown(c.text)}"', "      ", "  "))
        lines.extend(_wrap(f"resume: {shown(said)}", "      ", "    "))
    return lines


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
        lines.extend(_experience_lines(experience, taxonomy, st, shown, verbose=True))
    return "\n".join(lines) + "\n"

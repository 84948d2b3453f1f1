"""The JSON edge: reports and profiles as plain dictionaries with a stable key order.

Same inputs, same bytes: nothing here reads the clock or the environment. The layout is
documented in docs/report-format.md; bump ``SCHEMA_VERSION`` on any change to it.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from .. import __version__
from ..coverage import posting_coverage
from ..experience.verdicts import Background
from ..gap import WEIGHTS
from ..plan import plan_hours, step_asks
from ..records import (
    Gap,
    GapReport,
    Mention,
    PlanItem,
    Requirement,
    ScoreLine,
    SkillHit,
    SkillProfile,
)
from ..taxonomy import Course, Taxonomy
from .answer import answer
from .background import constraints_list, education_dict, experience_dict
from .evidence import Evidence, evidence, plan_reason_quoting, snippet

SCHEMA_VERSION = "2.2.0"  # semver; history in docs/CHANGELOG-format.md


def dumps(data: dict[str, Any]) -> str:
    """Indented UTF-8 JSON with a final newline, for people (byte-identical for identical data)."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def compact_bytes(data: dict[str, Any]) -> bytes:
    """One line of JSON and a newline, as a batch writes its reports.

    Encoded by orjson: the same bytes as ``json.dumps(data, ensure_ascii=False,
    separators=(",", ":"))`` for every value a report holds (tests compare the two), about
    seven times faster, which matters when a batch writes tens of reports a second.
    """
    return orjson.dumps(data) + b"\n"


def taxonomy_info(taxonomy: Taxonomy) -> dict[str, Any]:
    return {"name": taxonomy.name, "version": taxonomy.version, "sha256": taxonomy.sha256}


def skill_ref(skill_id: str, taxonomy: Taxonomy) -> dict[str, Any]:
    """The skill's identity in a report; made once per taxonomy and shared, so read-only."""
    refs = _for(taxonomy).refs
    ref = refs.get(skill_id)
    if ref is None:
        skill = taxonomy.skill(skill_id)
        crosswalk = {k: v for k, v in (("esco", skill.esco), ("onet", skill.onet)) if v}
        ref = refs[skill_id] = {
            "id": skill.id,
            "name": skill.name,
            "type": skill.type,
            "area": skill.area,
            "crosswalk": crosswalk,
        }
    return ref


def mention_dict(m: Mention) -> dict[str, Any]:
    return {
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "page": m.page,
        "section": m.section,
        "method": m.method,
        "score": m.score,
        "counted": m.counted,
        "reason": m.reason,
        "importance": m.importance,
    }


def hit_dict(hit: SkillHit, taxonomy: Taxonomy, *, posting: bool) -> dict[str, Any]:
    data = dict(skill_ref(hit.skill_id, taxonomy))
    data["counted"] = hit.counted
    if posting:
        data["importance"] = hit.importance
    data["mentions"] = [mention_dict(m) for m in hit.mentions]
    return data


def document_dict(profile: SkillProfile, taxonomy: Taxonomy, *, posting: bool) -> dict[str, Any]:
    doc = profile.document
    return {
        "source": doc.source,
        "sha256": doc.sha256,
        "format": doc.format,
        "encoding": doc.encoding,
        "pages": len(doc.pages) or None,
        "warnings": list(doc.warnings),
        "skills": [hit_dict(h, taxonomy, posting=posting) for h in profile.skills],
    }


def profile_dict(
    profile: SkillProfile,
    taxonomy: Taxonomy,
    *,
    posting: bool,
    experience: Background | None = None,
) -> dict[str, Any]:
    """What ``gapscan extract`` prints; for a resume, its roles when ``experience`` is given."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "gapscan_version": __version__,
        "taxonomy": taxonomy_info(taxonomy),
        "kind": "posting" if posting else "resume",
        **document_dict(profile, taxonomy, posting=posting),
    }
    if experience is not None and not posting:
        data["experience"] = experience_dict(experience)
    return data


def evidence_dict(found: Evidence) -> dict[str, Any]:
    # written out: dataclasses.asdict deep-copies, and is the slowest step of a report
    return {
        "skill": found.skill,
        "text": found.text,
        "snippet": found.snippet,
        "page": found.page,
        "section": found.section,
    }


def _evidence(profile: SkillProfile, skill_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    return [evidence_dict(e) for e in evidence(profile, skill_ids)]


def _steps(numbers: tuple[int, ...], taxonomy: Taxonomy) -> list[dict[str, Any]]:
    return [
        {"number": n, "title": taxonomy.step(n).title, "summary": taxonomy.step(n).summary}
        for n in numbers
    ]


def course_dict(course: Course, taxonomy: Taxonomy, skills: tuple[str, ...]) -> dict[str, Any]:
    """A learning resource, and whether it teaches the skill itself or only serves its area."""
    return {
        "id": course.id,
        "provider": course.provider,
        "title": course.title,
        "kind": course.kind,
        "url": course.url or None,
        "level": course.level,
        "hours": course.hours,
        "cost": course.cost,
        "guide": course.guide,
        "teaches": "skill" if taxonomy.teaches(course, skills) else "area",
    }


def _courses(
    ids: tuple[str, ...], taxonomy: Taxonomy, skills: tuple[str, ...]
) -> list[dict[str, Any]]:
    return [course_dict(taxonomy.course(i), taxonomy, skills) for i in ids]


def _learning(req: Requirement, taxonomy: Taxonomy) -> tuple[list[Any], list[Any]]:
    """The roadmap steps and courses that close a requirement (shared, read-only)."""
    memo = _for(taxonomy).learning
    found = memo.get(req.skills)
    if found is None:
        steps = tuple(sorted({n for s in req.skills for n in taxonomy.skill(s).steps}))
        courses = tuple(c.id for c in taxonomy.learning_resources(req.skills))
        found = memo[req.skills] = (
            _steps(steps, taxonomy),
            _courses(courses, taxonomy, req.skills),
        )
    return found


def gap_dict(gap: Gap, report: GapReport, taxonomy: Taxonomy) -> dict[str, Any]:
    req = gap.requirement
    steps, courses = _learning(req, taxonomy) if gap.status != "matched" else ([], [])
    return {
        "skills": [skill_ref(s, taxonomy) for s in req.skills],
        "importance": req.importance,
        "status": gap.status,
        "via": skill_ref(gap.via, taxonomy) if gap.via else None,
        "relation": gap.relation,
        "weight": gap.weight,
        "credit": gap.credit,
        "resume_evidence": _evidence(report.resume, (gap.via,)) if gap.via else [],
        "posting_evidence": _posting_evidence(report.posting, req.skills),
        "roadmap_steps": steps,
        "courses": courses,
    }


def plan_dict(item: PlanItem, report: GapReport, taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "rank": item.rank,
        "learn": skill_ref(item.learn, taxonomy),
        "alternatives": list(item.alternatives),
        "importance": item.importance,
        "status": item.status,
        "why": plan_reason_quoting(item, taxonomy, _quote(report.posting, item)),
        "needed_for": list(item.needed_for),
        "also_meets": [
            {
                "skills": [skill_ref(s, taxonomy) for s in g.requirement.skills],
                "importance": g.requirement.importance,
                "status": g.status,
            }
            for g in item.also_meets
        ],
        "start_here": item.start_here,
        "hours": item.hours,
        "description": taxonomy.skill(item.learn).description,
        "in_guide": taxonomy.skill(item.learn).guide,
        "area": area_dict(taxonomy.skill(item.learn).area, taxonomy),
        "roadmap_steps": _steps(item.steps, taxonomy),
        "step_asks": step_asks(item, taxonomy),
        "courses": _courses(item.courses, taxonomy, (item.learn,)),
    }


def plan_hours_dict(report: GapReport) -> dict[str, int]:
    hours = plan_hours(report.plan)
    return {
        "required": hours.required,
        "preferred": hours.preferred,
        "items_without_estimate": hours.without_estimate,
    }


def _quote(posting: SkillProfile, item: PlanItem) -> str | None:
    """The posting's words for the item's requirement, from the evidence already built."""
    if item.gap is None:
        return None
    found = _posting_evidence(posting, item.gap.requirement.skills)
    return str(found[0]["text"]) if found else None


def area_dict(area_id: str, taxonomy: Taxonomy) -> dict[str, Any]:
    area = taxonomy.area(area_id)
    return {"id": area.id, "name": area.name, "description": area.description}


def summary_dict(report: GapReport, taxonomy: Taxonomy) -> dict[str, Any]:
    """The answer first: band, verdict sentence, start-here skills and warnings."""
    said = answer(report, taxonomy)
    return {
        "band": said.band,
        "verdict": said.verdict,
        "start_here": [skill_ref(s, taxonomy) for s in said.start_here],
        "warnings": list(said.warnings),
    }


def score_dict(report: GapReport) -> dict[str, Any]:
    s = report.score
    breakdown: dict[str, Any] = {
        "formula": "value = 100 * points / max_points, rounded to 1 decimal",
        "partial_credit": s.partial_credit,
        "points": s.points,
        "max_points": s.max_points,
    }
    for line in s.lines:
        breakdown[line.importance] = score_line_dict(line)
    years = {line.importance: score_line_dict(line) for line in s.experience}
    breakdown["experience"] = {
        level: years.get(level, score_line_dict(ScoreLine(level, WEIGHTS[level], 0, 0, 0, 0, 0, 0)))
        for level in ("required", "preferred")
    }
    return {"value": s.value, "breakdown": breakdown}


def score_line_dict(line: ScoreLine) -> dict[str, Any]:
    return {
        "weight": line.weight,
        "total": line.total,
        "matched": line.matched,
        "partial": line.partial,
        "missing": line.missing,
        "points": line.points,
        "max_points": line.max_points,
    }


def background_dicts(found: Background | None) -> dict[str, Any]:
    """The ``experience``, ``education`` and ``constraints`` keys (empty without a scan's
    background: a report assembled from its parts)."""
    if found is None:
        return {
            "experience": {
                "as_of": None,
                "total_months": 0,
                "roles": [],
                "ignored_dates": [],
                "requirements": [],
            },
            "education": {"degree": None, "requirements": [], "certifications": []},
            "constraints": [],
        }
    return {
        "experience": experience_dict(found),
        "education": education_dict(found),
        "constraints": constraints_list(found),
    }


class _TaxonomyMemo:
    """What reports repeat about one taxonomy: skill references and learning steps."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.refs: dict[str, dict[str, Any]] = {}
        self.learning: dict[tuple[str, ...], tuple[list[Any], list[Any]]] = {}


_taxonomy_memo: list[_TaxonomyMemo] = []


def _for(taxonomy: Taxonomy) -> _TaxonomyMemo:
    if not (_taxonomy_memo and _taxonomy_memo[0].taxonomy is taxonomy):
        _taxonomy_memo[:] = [_TaxonomyMemo(taxonomy)]
    return _taxonomy_memo[0]


class _PostingMemo:
    """The posting part of a report and its evidence, built once per posting."""

    def __init__(self, key: tuple[Any, ...], part: dict[str, Any]) -> None:
        self.key = key
        self.part = part
        self.evidence: dict[tuple[str, ...], list[dict[str, Any]]] = {}


_posting_memo: list[_PostingMemo] = []


def _posting_part(report: GapReport, taxonomy: Taxonomy) -> dict[str, Any]:
    """The report's posting part, shared by every report on the same posting: read-only.

    A batch reports every resume against one posting; its skills and mentions are a large
    share of each report. Nothing in gapscan mutates it (redaction builds new dicts).
    """
    key = (report.posting, taxonomy, report.posting_label, report.requirements)
    memo = _posting_memo[0] if _posting_memo else None
    if memo is None or any(a is not b for a, b in zip(memo.key, key, strict=True)):
        memo = _PostingMemo(key, _build_posting_part(report, taxonomy))
        _posting_memo[:] = [memo]
    return memo.part


def _posting_evidence(profile: SkillProfile, skills: tuple[str, ...]) -> list[dict[str, Any]]:
    memo = _posting_memo[0] if _posting_memo else None
    if memo is None or memo.key[0] is not profile:
        return _evidence(profile, skills)
    found = memo.evidence.get(skills)
    if found is None:
        found = memo.evidence[skills] = _evidence(profile, skills)
    return found


def _build_posting_part(report: GapReport, taxonomy: Taxonomy) -> dict[str, Any]:
    posting = document_dict(report.posting, taxonomy, posting=True)
    posting["label"] = report.posting_label
    if report.posting.document.format == "role":  # a taxonomy role: skills without mentions
        posting["skills"] = [
            {
                **skill_ref(sid, taxonomy),
                "counted": True,
                "importance": r.importance,
                "mentions": [],
            }
            for r in report.requirements
            for sid in r.skills
        ]
    posting["requirements"] = [
        {"skills": list(r.skills), "importance": r.importance} for r in report.requirements
    ]
    return posting


def coverage_dicts(report: GapReport, taxonomy: Taxonomy) -> tuple[list[Any], Any]:
    """The report's ``not_recognised`` terms and ``coverage`` (None for a taxonomy role)."""
    found = posting_coverage(report.posting, taxonomy)
    if found is None:
        return [], None
    text = report.posting.document.text
    terms = [
        {"text": u.text, "evidence": snippet(text, u.start, u.end)} for u in found.not_recognised
    ]
    c = found.coverage
    return terms, {"recognised": c.recognised, "not_recognised": c.not_recognised, "ratio": c.ratio}


def report_dict(report: GapReport, taxonomy: Taxonomy) -> dict[str, Any]:
    """The single-scan JSON report.

    Parts that repeat from report to report (the posting part, skill references, learning
    steps and courses) are built once and shared between the dictionaries returned: treat
    them as read-only, or copy before changing them (``redact`` builds new dictionaries).
    """
    posting = _posting_part(report, taxonomy)
    by_status: dict[str, list[dict[str, Any]]] = {"matched": [], "partial": [], "missing": []}
    for gap in report.gaps:
        by_status[gap.status].append(gap_dict(gap, report, taxonomy))
    not_recognised, coverage = coverage_dicts(report, taxonomy)
    return {
        "schema_version": SCHEMA_VERSION,
        "gapscan_version": __version__,
        "taxonomy": taxonomy_info(taxonomy),
        "status": report.status,
        "status_reason": report.status_reason,
        "summary": summary_dict(report, taxonomy),
        "resume": document_dict(report.resume, taxonomy, posting=False),
        "posting": posting,
        "score": score_dict(report),
        "coverage": coverage,
        "not_recognised": not_recognised,
        **background_dicts(report.background),
        **by_status,
        "learning_plan": [plan_dict(item, report, taxonomy) for item in report.plan],
        "plan_hours": plan_hours_dict(report),
    }


HEADER_KEYS = ("schema_version", "gapscan_version", "taxonomy", "redacted", "run")


def with_header_field(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """``data`` with ``key`` set among the header fields, always in ``HEADER_KEYS`` order."""
    head = {k: data[k] for k in HEADER_KEYS if k in data}
    head[key] = value
    first = {k: head[k] for k in HEADER_KEYS if k in head}
    return {**first, **{k: v for k, v in data.items() if k not in HEADER_KEYS}}


def with_run_metadata(
    data: dict[str, Any], generated_at: str, python: str, platform: str
) -> dict[str, Any]:
    """``data`` plus a ``run`` object: only on request, as it differs from run to run."""
    run = {"generated_at": generated_at, "python": python, "platform": platform}
    return with_header_field(data, "run", run)

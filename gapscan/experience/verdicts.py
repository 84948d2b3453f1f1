"""How a resume meets what a posting asks beyond skills: years of experience (met / short by K
years / not shown, with the roles as evidence), degrees, certifications, and the knock-out
constraints set beside what the resume states (never a verdict, never a guess).

Pure: it takes the texts already read, the sections found and the skill mentions with their
offsets, and the reference date for "Present".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from .dates import IgnoredRange, merge_months, month_index
from .requirements import (
    CONSTRAINT_KINDS,
    DEGREE_LEVELS,
    CertificationRequirement,
    Clause,
    Constraint,
    Degree,
    EducationRequirement,
    ExperienceRequirement,
    PostingRequirements,
    ResumeStatement,
    clauses,
    highest_degree,
    resume_constraints,
)
from .roles import Role, find_roles, months_per_skill, stated_skill_months

__all__ = [
    "EQUIVALENT_MONTHS",
    "Background",
    "CertificationVerdict",
    "ConstraintVerdict",
    "EducationVerdict",
    "ExperienceVerdict",
    "Span",
    "background",
    "blank_sections",
    "years_status",
]

ExperienceStatus = Literal["met", "short", "not_shown"]
ScoreStatus = Literal["matched", "partial", "missing"]
EducationStatus = Literal["met", "field_to_check", "not_met", "not_shown"]
# Equivalent experience, when a posting accepts it for a degree and names no total of its own:
# four years, the usual length of a bachelor's degree.
EQUIVALENT_MONTHS = 48


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document: a section (its kind), or a skill mention (its skill id)."""

    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExperienceVerdict:
    """One "N years of X" requirement against the resume's roles.

    ``skills`` are the taxonomy skill ids named in the requirement's phrases; ``months_held``
    the merged months of ``roles`` (the roles that mention X, or every role for total
    experience), or a skills line's stated duration when larger (``stated``). ``status`` is how
    it counts in the score: matched when met, partial when short but shown for at least half
    the minimum, missing otherwise.
    """

    requirement: ExperienceRequirement
    skills: tuple[str, ...]
    months_required: int
    months_held: int
    status: ExperienceStatus
    score_status: ScoreStatus
    roles: tuple[Role, ...]
    stated: bool
    last_used: date | None

    @property
    def short_by_years(self) -> float | None:
        """Years missing to the minimum, to one decimal; None unless short."""
        if self.status != "short":
            return None
        return round((self.months_required - self.months_held) / 12, 1)


@dataclass(frozen=True, slots=True)
class EducationVerdict:
    """A degree requirement against the resume's highest degree, and what met it: ``degree``,
    ``equivalent_experience`` (accepted by the posting, ``months`` of total experience) or
    None."""

    requirement: EducationRequirement
    status: EducationStatus
    met_by: Literal["degree", "equivalent_experience"] | None
    degree: Degree | None
    equivalent_months: int | None


@dataclass(frozen=True, slots=True)
class CertificationVerdict:
    """A certification requirement: its issuer (when the name shows one) and the resume clause
    that names it with the same words and issuer, or None (not shown)."""

    requirement: CertificationRequirement
    issuer: str | None
    held: Clause | None


@dataclass(frozen=True, slots=True)
class ConstraintVerdict:
    """A knock-out condition of the posting beside what the resume states for its kind (None:
    not stated in the resume). Never scored, never judged."""

    constraint: Constraint
    resume: tuple[ResumeStatement, ...] | None


@dataclass(frozen=True, slots=True)
class Background:
    """Everything beyond skills: the resume's roles and total (overlaps merged) as of ``as_of``,
    the dates not used, and each posting requirement with its verdict."""

    as_of: date
    total_months: int
    roles: tuple[Role, ...]
    ignored: tuple[IgnoredRange, ...]
    experience: tuple[ExperienceVerdict, ...]
    degree: Degree | None
    education: tuple[EducationVerdict, ...]
    certifications: tuple[CertificationVerdict, ...]
    constraints: tuple[ConstraintVerdict, ...]


def years_status(months_held: int, months_required: int) -> tuple[ExperienceStatus, ScoreStatus]:
    """Met, short or not shown; and the score's reading of it (partial: at least half shown)."""
    if months_held <= 0:
        return "not_shown", "missing"
    if months_held >= months_required:
        return "met", "matched"
    return "short", "partial" if 2 * months_held >= months_required else "missing"


def _shifted(role: Role, offset: int) -> Role:
    dates = replace(
        role.dates,
        start_offset=role.dates.start_offset + offset,
        end_offset=role.dates.end_offset + offset,
    )
    return replace(
        role,
        dates=dates,
        start_offset=role.start_offset + offset,
        end_offset=role.end_offset + offset,
    )


def _heading_end(text: str, section: Span) -> int:
    """Where a section's body starts: after its heading line ("EXPERIENCE"), unless that line
    has a digit, and so may hold a role's dates too ("Experience: Acme, 2019 - 2021")."""
    newline = text.find("\n", section.start, section.end)
    end = section.end if newline < 0 else newline + 1
    return section.start if any(c.isdigit() for c in text[section.start : end]) else end


def _roles(
    text: str, sections: Sequence[Span], as_of: date
) -> tuple[tuple[Role, ...], tuple[IgnoredRange, ...]]:
    """The roles of every experience section, with offsets into the whole text."""
    roles: list[Role] = []
    ignored: list[IgnoredRange] = []
    for section in sections:
        if section.key != "experience":
            continue
        body = _heading_end(text, section)
        scan = find_roles(text[body : section.end], as_of)
        roles.extend(_shifted(r, body) for r in scan.roles)
        ignored.extend(
            replace(i, start_offset=i.start_offset + body, end_offset=i.end_offset + body)
            for i in scan.ignored
        )
    return tuple(roles), tuple(ignored)


def _stated(text: str, sections: Sequence[Span], mentions: Iterable[Span]) -> dict[str, int]:
    """Durations a skills line states beside a skill ("Python (5 years)"), the largest per skill."""
    out: dict[str, int] = {}
    for section in sections:
        if section.key != "skills":
            continue
        for mention in mentions:
            if section.start <= mention.start < section.end:
                months = stated_skill_months(text, mention.end)
                if months:
                    out[mention.key] = max(out.get(mention.key, 0), months)
    return out


_OR_RE = re.compile(r"\bor\b|/", re.IGNORECASE)


def _phrase_roles(phrase: str, roles: Sequence[Role]) -> list[Role]:
    """The roles whose text names a phrase that is no taxonomy skill, word for word."""
    words = r"\s+".join(re.escape(w) for w in phrase.split())
    pattern = re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)
    return [r for r in roles if pattern.search(r.text)]


def _experience_verdict(
    requirement: ExperienceRequirement,
    posting_text: str,
    posting_mentions: Sequence[Span],
    roles: Sequence[Role],
    skill_months: Mapping[str, int],
    skill_roles: Mapping[str, list[Role]],
    stated: Mapping[str, int],
    as_of: date,
) -> ExperienceVerdict:
    months_required = round(requirement.min_years * 12)
    if not requirement.skills:
        used = list(roles)
        held = merge_months((r.dates for r in used), as_of)
        return _verdict(requirement, (), months_required, held, used, False, as_of)
    per_phrase: list[tuple[int, list[Role], bool]] = []
    ids: list[str] = []
    cursor = requirement.start
    for phrase in requirement.skills:
        at = posting_text.find(phrase, cursor, requirement.end)
        at = at if at >= 0 else posting_text.find(phrase, requirement.start, requirement.end)
        named = [] if at < 0 else _ids_within(posting_mentions, at, at + len(phrase))
        cursor = at + len(phrase) if at >= 0 else cursor
        ids.extend(s for s in named if s not in ids)
        if named:
            best = max(named, key=lambda s: (skill_months.get(s, 0), s))
            months = skill_months.get(best, 0)
            from_line = stated.get(best, 0) >= months and best in stated
            per_phrase.append((months, skill_roles.get(best, []), from_line and months > 0))
        else:
            found = _phrase_roles(phrase, roles)
            per_phrase.append((merge_months((r.dates for r in found), as_of), found, False))
    between = posting_text[requirement.start : requirement.end]
    either = len(per_phrase) > 1 and _OR_RE.search(between) is not None
    pick = max if either else min
    months, _, from_line = pick(per_phrase, key=lambda p: p[0])
    used_ids = {id(r) for _, rs, _ in per_phrase for r in rs}
    used = [r for r in roles if id(r) in used_ids]
    return _verdict(requirement, tuple(ids), months_required, months, used, from_line, as_of)


def _verdict(
    requirement: ExperienceRequirement,
    ids: tuple[str, ...],
    months_required: int,
    held: int,
    used: Sequence[Role],
    stated: bool,
    as_of: date,
) -> ExperienceVerdict:
    status, score_status = years_status(held, months_required)
    ends = [as_of if r.dates.end is None else r.dates.end for r in used]
    last = max(ends, key=month_index) if ends else None
    return ExperienceVerdict(
        requirement, ids, months_required, held, status, score_status, tuple(used), stated, last
    )


def _ids_within(mentions: Sequence[Span], start: int, end: int) -> list[str]:
    return sorted({m.key for m in mentions if start <= m.start and m.end <= end})


def _education_verdict(
    requirement: EducationRequirement,
    degree: Degree | None,
    total_months: int,
    equivalent: int,
) -> EducationVerdict:
    level_ok = degree is not None and (
        requirement.level is None
        or DEGREE_LEVELS.index(degree.level) >= DEGREE_LEVELS.index(requirement.level)
    )
    named = [f for f in requirement.fields if f not in ("related field", "quantitative field")]
    field_ok = not requirement.fields or (degree is not None and degree.field in named)
    if level_ok and field_ok:
        return EducationVerdict(requirement, "met", "degree", degree, None)
    if requirement.or_equivalent and total_months >= equivalent:
        return EducationVerdict(requirement, "met", "equivalent_experience", degree, total_months)
    if level_ok and len(named) < len(requirement.fields):
        return EducationVerdict(requirement, "field_to_check", None, degree, None)
    return EducationVerdict(
        requirement, "not_shown" if degree is None else "not_met", None, degree, None
    )


# Issuers as certification names show them: the canonical name and its written forms.
_ISSUERS = (
    ("AWS", r"AWS|Amazon(?:\s+Web\s+Services)?"),
    ("Microsoft", r"Microsoft|Azure"),
    ("Google", r"Google(?:\s+Cloud)?|GCP"),
    ("CNCF", r"CNCF|Linux\s+Foundation|Kubernetes"),
    ("Databricks", r"Databricks"),
    ("Snowflake", r"Snowflake"),
    ("NVIDIA", r"NVIDIA"),
    ("IBM", r"IBM"),
    ("Oracle", r"Oracle"),
    ("Cisco", r"Cisco"),
    ("CompTIA", r"CompTIA"),
    ("HashiCorp", r"HashiCorp|Terraform"),
    ("PMI", r"PMI|PMP"),
    ("ISC2", r"\(?ISC\)?\s*2|CISSP"),
    ("The Open Group", r"(?:The\s+)?Open\s+Group|TOGAF"),
    ("Salesforce", r"Salesforce"),
)
_ISSUER_RES = tuple((name, re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I)) for name, p in _ISSUERS)
_GENERIC_CERT_WORDS = frozenset(
    {"certified", "certification", "certificate", "certifications", "cert", "in", "of", "the"}
)
_WORD_RE = re.compile(r"[\w+#]+")


def _issuer(name: str) -> tuple[str | None, re.Pattern[str] | None]:
    for issuer, pattern in _ISSUER_RES:
        if pattern.search(name):
            return issuer, pattern
    return None, None


def _certifications(
    text: str, wanted: Sequence[CertificationRequirement]
) -> tuple[CertificationVerdict, ...]:
    """Each certification: held when one resume clause has every word of its name (issuer
    words aside) and the same issuer. "AWS Certified Solutions Architect - Associate" holds
    "AWS Solutions Architect certification"; a Google certification of that title does not.
    Clauses are read word by word only when the whole text has every word of a name."""
    if not wanted:
        return ()
    in_text = frozenset(_WORD_RE.findall(text.lower()))
    names = []
    for requirement in wanted:
        issuer, pattern = _issuer(requirement.name)
        name = pattern.sub(" ", requirement.name) if pattern else requirement.name
        words = frozenset(_WORD_RE.findall(name.lower())) - _GENERIC_CERT_WORDS
        names.append((requirement, issuer, pattern, words))
    possible = any((words or pattern) and words <= in_text for _, _, pattern, words in names)
    lowered = [(c, c.text.lower()) for c in clauses(text)] if possible else []
    out: list[CertificationVerdict] = []
    for requirement, issuer, pattern, words in names:
        held = None
        if words or pattern is not None:
            held = next(
                (
                    clause
                    for clause, low in lowered
                    if all(w in low for w in words)  # a quick look before the words proper
                    and words <= frozenset(_WORD_RE.findall(low))
                    and (pattern is None or pattern.search(clause.text))
                ),
                None,
            )
        out.append(CertificationVerdict(requirement, issuer, held))
    return tuple(out)


def _constraints(
    wanted: Sequence[Constraint], stated: Mapping[str, tuple[ResumeStatement, ...] | None]
) -> tuple[ConstraintVerdict, ...]:
    """Each kind and value the posting states once (its first clause), in CONSTRAINT_KINDS
    order, beside the resume's statements of that kind."""
    first: dict[tuple[str, str | int | None], Constraint] = {}
    for item in wanted:
        first.setdefault((item.kind, item.value), item)
    ordered = sorted(first.values(), key=lambda c: (CONSTRAINT_KINDS.index(c.kind), c.start))
    return tuple(ConstraintVerdict(c, stated.get(c.kind)) for c in ordered)


def background(
    resume_text: str,
    resume_sections: Sequence[Span],
    resume_mentions: Sequence[Span],
    posting_text: str,
    posting: PostingRequirements,
    posting_mentions: Sequence[Span],
    as_of: date,
) -> Background:
    """The resume's roles, months per skill, degree and statements, against the posting's
    experience, education, certification and constraint requirements."""
    roles, ignored = _roles(resume_text, resume_sections, as_of)
    total = merge_months((r.dates for r in roles), as_of)
    offsets: dict[str, list[int]] = {}
    for mention in resume_mentions:
        offsets.setdefault(mention.key, []).append(mention.start)
    stated = _stated(resume_text, resume_sections, resume_mentions)
    skill_months = months_per_skill(roles, offsets, as_of, stated)
    skill_roles = {
        skill: [r for r in roles if any(r.start_offset <= o < r.end_offset for o in spots)]
        for skill, spots in offsets.items()
    }
    experience = tuple(
        _experience_verdict(
            r, posting_text, posting_mentions, roles, skill_months, skill_roles, stated, as_of
        )
        for r in posting.experience
    )
    degree = _degree(resume_text, resume_sections)
    totals = [round(r.min_years * 12) for r in posting.experience if not r.skills]
    equivalent = max(totals, default=EQUIVALENT_MONTHS)
    education = tuple(_education_verdict(r, degree, total, equivalent) for r in posting.education)
    certifications = _certifications(resume_text, posting.certifications)
    constraints = _constraints(posting.constraints, resume_constraints(resume_text))
    return Background(
        as_of, total, roles, ignored, experience, degree, education, certifications, constraints
    )


def _degree(text: str, sections: Sequence[Span]) -> Degree | None:
    """The highest degree of the education sections (of the whole text when there is none),
    with offsets into the whole text."""
    parts = [s for s in sections if s.key == "education"] or [Span("", 0, len(text))]
    best: Degree | None = None
    for part in parts:
        found = highest_degree(text[part.start : part.end])
        if found is not None and (
            best is None or DEGREE_LEVELS.index(found.level) > DEGREE_LEVELS.index(best.level)
        ):
            best = replace(found, start=found.start + part.start, end=found.end + part.start)
    return best


def blank_sections(text: str, sections: Sequence[Span], kinds: Iterable[str]) -> str:
    """The text with the sections of the given kinds blanked, offsets kept: a posting's "About
    us" and benefits state no requirement ("in business for 25 years", "home office")."""
    skip = set(kinds)
    out = list(text)
    for s in sections:
        if s.key in skip:
            out[s.start : s.end] = [" " if ch != "\n" else ch for ch in text[s.start : s.end]]
    return "".join(out)

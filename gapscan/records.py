"""Frozen dataclasses that flow between the steps: document, mentions, profiles, the gap report.

path -> Document -> Mention -> SkillProfile -> Requirement -> GapReport. Only the JSON edge
(``gapscan.serialize``) turns them into dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .experience.verdicts import Background

Importance = Literal["required", "preferred"]
Status = Literal["matched", "partial", "missing"]
Method = Literal["ruler", "tfidf"]
SectionKind = Literal[
    "header",
    "title",
    "summary",
    "skills",
    "experience",
    "education",
    "certifications",
    "projects",
    "publications",
    "talks",
    "awards",
    "requirements",
    "preferred",
    "responsibilities",
    "about",
    "benefits",
    "application",
    "not_needed",
    "other",
]
ReportStatus = Literal["assessed", "not_assessed"]
PlanStatus = Literal["missing", "partial"]
NO_TEXT_LAYER = "no text layer: scanned? OCR is not supported"


@dataclass(frozen=True)
class Page:
    """A page's span in the document text (1-based page number)."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A recognised part of a document, with the kind of section it is."""

    kind: SectionKind
    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """The text of one input with its pages and sections; offsets index into ``text``."""

    source: str
    format: str
    text: str
    sha256: str
    pages: tuple[Page, ...] = ()
    sections: tuple[Section, ...] = ()
    encoding: str | None = None
    warnings: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None

    def section_at(self, offset: int) -> Section | None:
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        return None

    @property
    def readable(self) -> bool:
        """True when the document holds enough letters (20) to be assessed.

        A PDF whose reader found no text layer (a scan, or ``(cid:N)`` garbage) is not
        readable, whatever stray letters it has.
        """
        if any(w.startswith(NO_TEXT_LAYER) for w in self.warnings):
            return False
        letters = 0
        for ch in self.text:
            letters += ch.isalpha()
            if letters >= 20:
                return True
        return False


@dataclass(frozen=True)
class Mention:
    """One place a skill is named. ``counted`` is False, with a reason, when it must not count."""

    skill_id: str
    text: str
    start: int
    end: int
    page: int | None
    section: str
    method: Method
    score: float
    counted: bool = True
    reason: str | None = None
    importance: Importance | None = None


@dataclass(frozen=True)
class SkillHit:
    """A skill found in a document, with every mention of it (sorted by offset)."""

    skill_id: str
    mentions: tuple[Mention, ...]

    @property
    def counted(self) -> bool:
        return any(m.counted for m in self.mentions)

    @property
    def importance(self) -> Importance | None:
        """For a posting: required when any counted mention is required."""
        levels = {m.importance for m in self.mentions if m.counted}
        if "required" in levels:
            return "required"
        return "preferred" if "preferred" in levels else None


@dataclass(frozen=True)
class SkillProfile:
    """The skills of one document (sorted by skill id)."""

    document: Document
    skills: tuple[SkillHit, ...]

    @classmethod
    def of(cls, document: Document, mentions: list[Mention]) -> SkillProfile:
        """Mentions grouped by skill; skills sorted by id, mentions by offset."""
        by_skill: dict[str, list[Mention]] = {}
        for m in mentions:
            by_skill.setdefault(m.skill_id, []).append(m)
        hits = tuple(
            SkillHit(sid, tuple(sorted(ms, key=lambda m: (m.start, m.end))))
            for sid, ms in sorted(by_skill.items())
        )
        return cls(document, hits)

    def counted_ids(self) -> frozenset[str]:
        return frozenset(h.skill_id for h in self.skills if h.counted)

    def hit(self, skill_id: str) -> SkillHit | None:
        return self._by_id.get(skill_id)

    @cached_property
    def _by_id(self) -> dict[str, SkillHit]:
        return {h.skill_id: h for h in self.skills}


@dataclass(frozen=True)
class Requirement:
    """What a posting asks for: one skill, or alternatives any one of which meets it."""

    skills: tuple[str, ...]
    importance: Importance


Relation = Literal["same", "narrower", "broader", "related"]


@dataclass(frozen=True)
class Gap:
    """How the resume meets one requirement; ``via`` is the resume skill that meets it.

    ``relation`` says how ``via`` stands to the requirement: the skill itself (``same``), a
    kind or part of it (``narrower``: Apache Airflow for workflow orchestration, full
    credit), more general than it (``broader``: partial) or a substitute (``related``:
    partial).
    """

    requirement: Requirement
    status: Status
    via: str | None
    credit: float
    weight: float
    relation: Relation | None = None


@dataclass(frozen=True)
class ScoreLine:
    """Points for one importance level: counts and points a reader can recompute."""

    importance: Importance
    weight: float
    total: int
    matched: int
    partial: int
    missing: int
    points: float
    max_points: float


@dataclass(frozen=True)
class Score:
    """The score and its parts: ``lines`` for skill requirements, ``experience`` for years of
    experience requirements (the same weights and partial credit)."""

    value: float | None
    lines: tuple[ScoreLine, ...]
    partial_credit: float
    experience: tuple[ScoreLine, ...] = ()

    @property
    def points(self) -> float:
        return sum(line.points for line in (*self.lines, *self.experience))

    @property
    def max_points(self) -> float:
        return sum(line.max_points for line in (*self.lines, *self.experience))


@dataclass(frozen=True)
class GapReport:
    """Everything a report shows; ``status`` is ``assessed`` or ``not_assessed``."""

    resume: SkillProfile
    posting: SkillProfile
    posting_label: str
    requirements: tuple[Requirement, ...]
    gaps: tuple[Gap, ...]
    score: Score
    status: ReportStatus
    status_reason: str | None
    plan: tuple[PlanItem, ...] = ()
    background: Background | None = None  # experience, education, constraints


@dataclass(frozen=True)
class PlanItem:
    """One step of the learning plan: what to learn, where it sits in the roadmap, and how.

    ``gap`` is the posting requirement it closes; None for a prerequisite the posting does
    not name, which is ``needed_for`` the skills listed there.
    """

    rank: int
    learn: str  # the skill to learn (the alternative earliest in the roadmap)
    alternatives: tuple[str, ...]
    importance: Importance
    status: PlanStatus
    steps: tuple[int, ...]
    courses: tuple[str, ...]
    gap: Gap | None = None
    needed_for: tuple[str, ...] = ()
    hours: int | None = None  # the estimate of its first resource that teaches it
    start_here: bool = False
    also_meets: tuple[Gap, ...] = ()  # gaps for broader skills that learning this one meets

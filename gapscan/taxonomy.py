"""The skill taxonomy: frozen dataclasses and the one loader that knows where the default lives.

A taxonomy is data (a TOML file, see ``taxonomy/FORMAT.md``); ruler patterns and the TF-IDF
matcher's documents are derived from it, never written twice.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import TaxonomyError, display_path
from .validate import SkillType, check_raw, resource_entries

DEFAULT_TAXONOMY = "ai-architect.toml"


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    summary: str = ""


@dataclass(frozen=True)
class Course:
    """A learning resource: a course, certification, tutorial, documentation path or book.

    ``skills`` are the skills it teaches itself; ``areas`` the areas it serves, which make it
    a labelled fallback for a skill that no resource teaches. ``guide`` marks the guide's own.
    """

    id: str
    provider: str
    title: str
    kind: str
    steps: tuple[int, ...] = ()
    skills: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    url: str = ""
    level: str | None = None
    hours: int | None = None
    cost: str | None = None  # "free" or "paid"
    guide: bool = False


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    type: SkillType
    area: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # what to learn first (Python before PyTorch)
    broader: tuple[str, ...] = ()  # what this skill is a kind or part of (Airflow: orchestration)
    steps: tuple[int, ...] = ()
    guide: bool = False
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    esco: str = ""
    onet: str = ""
    description: str = ""

    @property
    def case_insensitive_forms(self) -> tuple[str, ...]:
        """Name and aliases matched in any casing (the name only when it is not an exact form)."""
        forms = [] if self.name in self.exact else [self.name]
        forms.extend(self.aliases)
        return tuple(dict.fromkeys(forms))


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    required: tuple[str, ...] = ()
    preferred: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """A validated taxonomy; every collection is sorted by id (steps by number)."""

    name: str
    version: str
    title: str
    source: str
    sha256: str
    areas: tuple[Area, ...]
    steps: tuple[Step, ...]
    courses: tuple[Course, ...]
    skills: tuple[Skill, ...]
    roles: tuple[Role, ...]
    origin: str = field(default="", compare=False)

    @cached_property
    def _skills_by_id(self) -> dict[str, Skill]:
        return {s.id: s for s in self.skills}

    @cached_property
    def _related(self) -> dict[str, tuple[str, ...]]:
        pairs: dict[str, set[str]] = {s.id: set(s.related) for s in self.skills}
        for s in self.skills:
            for other in s.related:
                pairs.setdefault(other, set()).add(s.id)
        return {k: tuple(sorted(v)) for k, v in pairs.items()}

    def skill(self, skill_id: str) -> Skill:
        return self._skills_by_id[skill_id]

    def has_skill(self, skill_id: str) -> bool:
        return skill_id in self._skills_by_id

    def related(self, skill_id: str) -> tuple[str, ...]:
        """Skills that partly stand in for ``skill_id`` (the relation is symmetric)."""
        return self._related.get(skill_id, ())

    @cached_property
    def _ancestors(self) -> dict[str, dict[str, int]]:
        """Each skill's broader skills, directly or through others, with their distance."""
        found: dict[str, dict[str, int]] = {}
        for s in self.skills:
            seen: dict[str, int] = {}
            frontier, depth = list(s.broader), 1
            while frontier:
                nxt: list[str] = []
                for b in frontier:
                    if b not in seen:
                        seen[b] = depth
                        nxt.extend(self.skill(b).broader)
                frontier, depth = nxt, depth + 1
            if seen:
                found[s.id] = seen
        return found

    def alike(self, skill_id: str, other: str) -> bool:
        """True for skills one may stand for the other in a choice ("Airflow/Dagster",
        "AWS/GCP", "Python/Java"): substitutes, one a kind of the other, or of one area with
        the same broader skills. A framework and a language ("React/TypeScript") are not."""
        if other in self.related(skill_id) or other == skill_id:
            return True
        if other in self.broader(skill_id) or skill_id in self.broader(other):
            return True
        a, b = self.skill(skill_id), self.skill(other)
        return a.area == b.area and set(self.broader(skill_id)) == set(self.broader(other))

    def broader(self, skill_id: str) -> dict[str, int]:
        """What ``skill_id`` is a kind or part of, transitively: broader id -> steps up."""
        return self._ancestors.get(skill_id, {})

    def course(self, course_id: str) -> Course:
        return self._courses_by_id[course_id]

    @cached_property
    def _courses_by_id(self) -> dict[str, Course]:
        return {c.id: c for c in self.courses}

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def step(self, number: int) -> Step:
        return next(s for s in self.steps if s.number == number)

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def courses_for(self, skill_id: str) -> tuple[Course, ...]:
        """Resources that teach the skill; failing those, the ones that serve its area.

        Which of the two it is, ``teaches`` tells: a resource chosen by area is never shown
        as if it taught the skill.
        """
        direct = self._teaching.get(skill_id, ())
        if direct:
            return direct
        area = self.skill(skill_id).area
        return tuple(c for c in self.courses if area in c.areas)

    def prerequisites(self, skill_id: str) -> tuple[str, ...]:
        """Everything the skill requires, directly or through its prerequisites (sorted)."""
        return self._prerequisites.get(skill_id, ())

    @cached_property
    def _prerequisites(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {}

        def collect(skill_id: str) -> tuple[str, ...]:
            if skill_id not in found:
                found[skill_id] = ()  # validation refuses cycles; this only stops a loop
                needs = set(self.skill(skill_id).requires)
                for need in self.skill(skill_id).requires:
                    needs.update(collect(need))
                found[skill_id] = tuple(sorted(needs))
            return found[skill_id]

        for s in self.skills:
            collect(s.id)
        return found

    def learning_resources(self, skill_ids: tuple[str, ...]) -> tuple[Course, ...]:
        """The resources for any of the skills: those that teach one first, then the guide's,
        then by id."""
        memo = self._resources_memo
        if skill_ids not in memo:
            found = {c.id: c for s in skill_ids for c in self.courses_for(s)}
            order = sorted(
                found.values(), key=lambda c: (not self.teaches(c, skill_ids), not c.guide, c.id)
            )
            memo[skill_ids] = tuple(order)
        return memo[skill_ids]

    @cached_property
    def _resources_memo(self) -> dict[tuple[str, ...], tuple[Course, ...]]:
        return {}

    def teaches(self, course: Course, skill_ids: tuple[str, ...]) -> bool:
        """True when the resource teaches one of the skills itself (not only their area)."""
        return any(s in course.skills for s in skill_ids)

    @cached_property
    def _teaching(self) -> dict[str, tuple[Course, ...]]:
        """Each skill's direct resources: the guide's first, then by id."""
        found: dict[str, list[Course]] = {}
        for course in sorted(self.courses, key=lambda c: (not c.guide, c.id)):
            for skill_id in course.skills:
                found.setdefault(skill_id, []).append(course)
        return {k: tuple(v) for k, v in found.items()}

    def without_direct_resource(self) -> tuple[str, ...]:
        """Technical and soft skills that no resource teaches directly (for taxonomy check)."""
        return tuple(
            s.id
            for s in self.skills
            if s.type in ("technical", "soft") and s.id not in self._teaching
        )


def load_taxonomy(path: Path | str | None = None) -> Taxonomy:
    """Load and validate a taxonomy file; ``None`` loads the packaged default."""
    return parse_taxonomy(*taxonomy_source(path))


def taxonomy_source(path: Path | str | None = None) -> tuple[bytes, str]:
    """A taxonomy file's bytes and the name to show for it; ``None``: the packaged one."""
    if path is None:
        origin = f"<packaged {DEFAULT_TAXONOMY}>"
        data = resources.files("gapscan.taxonomy_data").joinpath(DEFAULT_TAXONOMY).read_bytes()
    else:
        origin = display_path(path)
        p = Path(path)
        if p.is_dir():
            raise TaxonomyError(origin, "is a directory, not a taxonomy file")
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise TaxonomyError(origin, "no such file") from None
        except OSError as exc:
            raise TaxonomyError(origin, f"cannot be read ({exc.strerror})") from None
    return data, origin


def parse_taxonomy(data: bytes, origin: str) -> Taxonomy:
    """Parse TOML bytes into a validated :class:`Taxonomy`, or raise :class:`TaxonomyError`."""
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise TaxonomyError(origin, "is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(origin, f"is not valid TOML: {exc}") from None
    problems = check_raw(raw)
    if problems:
        raise TaxonomyError(origin, problems)
    return _build(raw, hashlib.sha256(data).hexdigest(), origin)


def _tup(value: Any) -> tuple[Any, ...]:
    return tuple(value or ())


def _build(raw: dict[str, Any], sha256: str, origin: str) -> Taxonomy:
    meta = raw["taxonomy"]
    skills = [
        Skill(
            id=s["id"],
            name=s["name"],
            type=s["type"],
            area=s["area"],
            aliases=_tup(s.get("aliases")),
            exact=_tup(s.get("exact")),
            phrases=_tup(s.get("phrases")),
            related=tuple(sorted(_tup(s.get("related")))),
            requires=tuple(sorted(_tup(s.get("requires")))),
            broader=tuple(sorted(_tup(s.get("broader")))),
            steps=tuple(sorted(_tup(s.get("steps")))),
            guide=bool(s.get("guide", False)),
            not_before=_tup(s.get("not_before")),
            not_after=_tup(s.get("not_after")),
            esco=s.get("esco", ""),
            onet=s.get("onet", ""),
            description=s.get("description", ""),
        )
        for s in raw.get("skills", [])
    ]
    courses = [
        Course(
            id=c["id"],
            provider=c["provider"],
            title=c["title"],
            kind=c["kind"],
            steps=tuple(sorted(_tup(c.get("steps")))),
            skills=tuple(sorted(_tup(c.get("skills")))),
            areas=tuple(sorted(_tup(c.get("areas")))),
            url=c.get("url", ""),
            level=c.get("level"),
            hours=c.get("hours"),
            cost=c.get("cost"),
            guide=bool(c.get("guide", False)),
        )
        for c in resource_entries(raw)
    ]
    return Taxonomy(
        name=meta["name"],
        version=meta["version"],
        title=meta.get("title", meta["name"]),
        source=meta.get("source", ""),
        sha256=sha256,
        areas=tuple(
            sorted(
                (Area(a["id"], a["name"], a.get("description", "")) for a in raw["areas"]),
                key=lambda a: a.id,
            )
        ),
        steps=tuple(
            sorted(
                (Step(s["number"], s["title"], s.get("summary", "")) for s in raw["steps"]),
                key=lambda s: s.number,
            )
        ),
        courses=tuple(sorted(courses, key=lambda c: c.id)),
        skills=tuple(sorted(skills, key=lambda s: s.id)),
        roles=tuple(
            sorted(
                (
                    Role(
                        r["id"],
                        r["name"],
                        tuple(sorted(_tup(r.get("required")))),
                        tuple(sorted(_tup(r.get("preferred")))),
                    )
                    for r in raw.get("roles", [])
                ),
                key=lambda r: r.id,
            )
        ),
        origin=origin,
    )

"""Checks a parsed taxonomy against the rules in ``taxonomy/FORMAT.md``.

Each problem is one plain sentence naming the entry at fault, so ``gapscan taxonomy check``
can print them as they are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Literal, get_args

SkillType = Literal["technical", "soft", "certification", "education"]
SKILL_TYPES: tuple[SkillType, ...] = get_args(SkillType)
COURSE_KINDS = (
    "course",
    "certification",
    "certificate-program",
    "degree",
    "tutorial",
    "documentation",
    "book",
)
LEVELS = ("beginner", "intermediate", "advanced")
COSTS = ("free", "paid")

GAP = "..."  # in a phrase, stands for up to three words
ID_RE = re.compile(r"^[a-z0-9][a-z0-9+#.-]*$")


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _ints(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, int) for v in value)


def _entries(raw: dict[str, Any], key: str, problems: list[str]) -> list[dict[str, Any]]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        problems.append(f"'{key}' must be a list of tables ([[{key}]])")
        return []
    return value


def _check_fields(
    kind: str,
    entry: dict[str, Any],
    required: dict[str, type],
    lists: dict[str, str],
    problems: list[str],
) -> bool:
    """Type-check one entry; returns False when it is too broken to check further."""
    label = entry.get("id", entry.get("number", "?"))
    ok = True
    for name, typ in required.items():
        value = entry.get(name)
        if not isinstance(value, typ) or isinstance(value, bool) != (typ is bool):
            problems.append(f"{kind} '{label}': '{name}' is missing or not a {typ.__name__}")
            ok = False
        elif isinstance(value, str) and not value.strip():
            problems.append(f"{kind} '{label}': '{name}' is empty")
    for name, what in lists.items():
        if name in entry and not (_ints(entry[name]) if what == "int" else _strings(entry[name])):
            problems.append(f"{kind} '{label}': '{name}' must be a list of {what}s")
            ok = False
        elif what == "str" and any(not v.strip() for v in entry.get(name, [])):
            problems.append(f"{kind} '{label}': '{name}' holds an empty string")
    if isinstance(entry.get("id"), str) and not ID_RE.match(entry["id"]):
        problems.append(f"{kind} '{label}': id must be lower-case kebab-case")
    return ok


def _duplicates(kind: str, ids: list[Any], problems: list[str]) -> None:
    seen: set[Any] = set()
    for i in ids:
        if i in seen:
            problems.append(f"{kind} '{i}' is defined twice")
        seen.add(i)


def resource_entries(raw: dict[str, Any]) -> list[dict[str, Any]]:
    """The learning resources of a parsed file: ``[[resources]]``, and the older name
    ``[[courses]]`` for the same tables."""
    return [*raw.get("resources", []), *raw.get("courses", [])]


def _resource_fields(c: dict[str, Any]) -> list[str]:
    """Problems with a resource's optional fields: address, level, hours, cost, guide."""
    where = f"course '{c['id']}'"
    found = []
    url = c.get("url", "")
    if not isinstance(url, str) or (url and not url.startswith(("https://", "http://"))):
        found.append(f"{where}: url must be an http(s) address")
    if c.get("level") is not None and c["level"] not in LEVELS:
        found.append(f"{where}: level must be one of {', '.join(LEVELS)}")
    if c.get("cost") is not None and c["cost"] not in COSTS:
        found.append(f"{where}: cost must be one of {', '.join(COSTS)}")
    hours = c.get("hours")
    if hours is not None and (not isinstance(hours, int) or isinstance(hours, bool) or hours < 1):
        found.append(f"{where}: hours must be a whole number of at least 1")
    if not isinstance(c.get("guide", False), bool):
        found.append(f"{where}: guide must be true or false")
    return found


def _broader_and_related(skills: list[dict[str, Any]]) -> list[str]:
    """A pair of skills is either broader/narrower or related (a substitute), never both."""
    related = {
        frozenset((s["id"], r)) for s in skills for r in s.get("related", []) if r != s["id"]
    }
    return [
        f"skill '{s['id']}': '{b}' is both broader and related; a pair is one or the other"
        for s in skills
        for b in s.get("broader", [])
        if frozenset((s["id"], b)) in related
    ]


def _cycles(skills: list[dict[str, Any]], key: str) -> list[str]:
    """One problem per skill that reaches itself through ``key`` (requires, broader)."""
    needs = {s["id"]: [r for r in s.get(key, [])] for s in skills}
    problems = []
    for start in sorted(needs):
        seen: set[str] = set()
        todo = list(needs[start])
        while todo:
            current = todo.pop()
            if current == start:
                verb = "requires" if key == "requires" else "is broader than"
                problems.append(f"skill '{start}': {verb} itself (through '{key}')")
                break
            if current not in seen:
                seen.add(current)
                todo.extend(needs.get(current, []))
    return problems


def check_raw(raw: dict[str, Any]) -> list[str]:
    """Return every problem found in a parsed taxonomy (an empty list means it is valid)."""
    problems: list[str] = []
    if raw.get("format") != 1:
        problems.append("'format' must be 1 (the taxonomy file format version)")
    meta = raw.get("taxonomy")
    if not isinstance(meta, dict):
        return [*problems, "the [taxonomy] table with name and version is missing"]
    _check_fields("taxonomy", meta, {"name": str, "version": str}, {}, problems)

    areas = _entries(raw, "areas", problems)
    steps = _entries(raw, "steps", problems)
    courses = _entries(raw, "resources", problems) + _entries(raw, "courses", problems)
    skills = _entries(raw, "skills", problems)
    roles = _entries(raw, "roles", problems)
    good_areas = [
        a for a in areas if _check_fields("area", a, {"id": str, "name": str}, {}, problems)
    ]
    good_steps = [
        s for s in steps if _check_fields("step", s, {"number": int, "title": str}, {}, problems)
    ]
    good_courses = [
        c
        for c in courses
        if _check_fields(
            "course",
            c,
            {"id": str, "provider": str, "title": str, "kind": str},
            {"steps": "int", "skills": "str", "areas": "str"},
            problems,
        )
    ]
    good_skills = [
        s
        for s in skills
        if _check_fields(
            "skill",
            s,
            {"id": str, "name": str, "type": str, "area": str},
            {
                "aliases": "str",
                "exact": "str",
                "phrases": "str",
                "related": "str",
                "requires": "str",
                "broader": "str",
                "steps": "int",
                "not_before": "str",
                "not_after": "str",
            },
            problems,
        )
    ]
    good_roles = [
        r
        for r in roles
        if _check_fields(
            "role", r, {"id": str, "name": str}, {"required": "str", "preferred": "str"}, problems
        )
    ]
    if len(good_areas) + len(good_steps) + len(good_courses) + len(good_skills) + len(
        good_roles
    ) < len(areas) + len(steps) + len(courses) + len(skills) + len(roles):
        return problems  # references cannot be checked reliably on broken entries

    area_ids = {a["id"] for a in areas}
    step_numbers = {s["number"] for s in steps}
    skill_ids = {s["id"] for s in skills}
    _duplicates("area", [a["id"] for a in areas], problems)
    _duplicates("step", [s["number"] for s in steps], problems)
    _duplicates("course", [c["id"] for c in courses], problems)
    _duplicates("skill", [s["id"] for s in skills], problems)
    _duplicates("role", [r["id"] for r in roles], problems)

    def refs(kind: str, owner: str, field: str, values: list[Any], known: set[Any]) -> None:
        for v in values:
            if v not in known:
                what = (
                    "step"
                    if field == "steps"
                    else ("area" if field in ("area", "areas") else "skill")
                )
                problems.append(f"{kind} '{owner}': {field} names unknown {what} '{v}'")

    for c in courses:
        if c["kind"] not in COURSE_KINDS:
            problems.append(f"course '{c['id']}': kind must be one of {', '.join(COURSE_KINDS)}")
        problems.extend(_resource_fields(c))
        refs("course", c["id"], "steps", c.get("steps", []), step_numbers)
        refs("course", c["id"], "skills", c.get("skills", []), skill_ids)
        refs("course", c["id"], "areas", c.get("areas", []), area_ids)

    forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in skills:
        sid = s["id"]
        if s["type"] not in SKILL_TYPES:
            problems.append(f"skill '{sid}': type must be one of {', '.join(SKILL_TYPES)}")
        refs("skill", sid, "area", [s["area"]], area_ids)
        refs("skill", sid, "related", s.get("related", []), skill_ids)
        refs("skill", sid, "requires", s.get("requires", []), skill_ids)
        refs("skill", sid, "broader", s.get("broader", []), skill_ids)
        refs("skill", sid, "steps", s.get("steps", []), step_numbers)
        for phrase in s.get("phrases", []):
            parts = [part.strip() for part in phrase.split(GAP)]
            if len(parts) < 2 or not all(parts):
                problems.append(
                    f"skill '{sid}': phrase '{phrase}' needs words on both sides of '{GAP}'"
                )
        if sid in s.get("related", []):
            problems.append(f"skill '{sid}': is related to itself")
        if sid in s.get("requires", []):
            problems.append(f"skill '{sid}': requires itself")
        exact = s.get("exact", [])
        loose = ([] if s["name"] in exact else [s["name"]]) + s.get("aliases", [])
        for form in {f.strip().lower() for f in loose}:
            forms[("any case", form)].append(sid)
        for form in set(exact):
            forms[("exact", form)].append(sid)
    for (mode, form), owners in sorted(forms.items()):
        if len(set(owners)) > 1:
            names = ", ".join(f"'{o}'" for o in sorted(set(owners)))
            problems.append(f"alias '{form}' ({mode}) is claimed by more than one skill: {names}")
    loose_forms = {form for (mode, form) in forms if mode == "any case"}
    for (mode, form), owners in sorted(forms.items()):
        if mode == "exact" and form.lower() in loose_forms:
            other = forms[("any case", form.lower())]
            if set(other) != set(owners):
                problems.append(
                    f"exact form '{form}' of '{owners[0]}' is also an alias of '{other[0]}'"
                )

    problems.extend(_cycles(skills, "requires"))
    problems.extend(_cycles(skills, "broader"))
    problems.extend(_broader_and_related(skills))
    for r in roles:
        refs("role", r["id"], "required", r.get("required", []), skill_ids)
        refs("role", r["id"], "preferred", r.get("preferred", []), skill_ids)
        for sid in sorted(set(r.get("required", [])) & set(r.get("preferred", []))):
            problems.append(f"role '{r['id']}': '{sid}' is both required and preferred")
    return problems

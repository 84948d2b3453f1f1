"""The learning plan (pure): what to learn for the gaps, in an order a person can follow.

Nothing comes before what it requires (the taxonomy's ``requires``); then required before
preferred, missing before partial, earlier roadmap steps first, and what unlocks more first.
A prerequisite that the posting does not ask for and the resume does not show becomes an
item of its own, "needed for" the items that require it. The three items that unlock the
most, among those that can be started at once, are where to start.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from .records import Gap, Importance, PlanItem, PlanStatus
from .taxonomy import Taxonomy

NO_STEP = 99  # sorts skills without a roadmap step last
START_HERE = 3


def first_step(skill_id: str, taxonomy: Taxonomy) -> int:
    steps = taxonomy.skill(skill_id).steps
    return min(steps) if steps else NO_STEP


@dataclass(frozen=True)
class _Draft:
    learn: str
    alternatives: tuple[str, ...]
    importance: Importance
    status: PlanStatus
    gap: Gap | None
    needed_for: tuple[str, ...] = ()
    also_meets: tuple[Gap, ...] = ()


def learning_plan(
    gaps: tuple[Gap, ...], have: frozenset[str], taxonomy: Taxonomy
) -> tuple[PlanItem, ...]:
    """The plan for the gaps that are not matched, prerequisites added, ranked from 1."""
    drafts: list[_Draft] = []
    for gap in gaps:
        if gap.status == "matched":
            continue
        skills = gap.requirement.skills
        learn = min(skills, key=lambda s: (first_step(s, taxonomy), s))
        drafts.append(_Draft(learn, skills, gap.requirement.importance, gap.status, gap))
    drafts = _grouped(drafts, taxonomy)
    drafts.extend(_prerequisites(drafts, have, taxonomy))
    learns = {d.learn for d in drafts}
    after = {d.learn: set(taxonomy.prerequisites(d.learn)) & learns for d in drafts}
    needed = Counter(need for o in drafts for need in after[o.learn])
    unlocks = {d.learn: needed[d.learn] for d in drafts}

    def key(d: _Draft) -> tuple[int, int, int, int, str]:
        return (
            d.importance != "required",
            d.status != "missing",
            first_step(d.learn, taxonomy),
            -unlocks[d.learn],
            taxonomy.skill(d.learn).name.lower(),
        )

    # a prerequisite is as urgent as the most urgent item that needs it
    # (importance, status, step); what unlocks more, then the name, still break its ties
    level = {d.learn: key(d)[:3] for d in drafts}
    for d in sorted(drafts, key=lambda d: -len(taxonomy.prerequisites(d.learn))):
        for need in after[d.learn]:
            level[need] = min(level[need], level[d.learn])
    urgency = {d.learn: (*level[d.learn], *key(d)[3:]) for d in drafts}
    ordered: list[_Draft] = []
    placed: set[str] = set()
    waiting = sorted(drafts, key=lambda d: (urgency[d.learn], key(d)))
    while waiting:  # the first item, in key order, whose prerequisites are all placed
        ready = next((d for d in waiting if after[d.learn] <= placed), waiting[0])
        waiting.remove(ready)
        ordered.append(ready)
        placed.add(ready.learn)
    starts = sorted(
        (d for d in ordered if not after[d.learn]),
        key=lambda d: (-unlocks[d.learn], urgency[d.learn]),
    )[:START_HERE]
    return tuple(
        PlanItem(
            rank=rank,
            learn=d.learn,
            alternatives=d.alternatives,
            importance=d.importance,
            status=d.status,
            steps=taxonomy.skill(d.learn).steps,
            courses=tuple(c.id for c in taxonomy.learning_resources((d.learn,))),
            gap=d.gap,
            needed_for=d.needed_for,
            hours=_hours(d.learn, taxonomy),
            start_here=d in starts,
            also_meets=d.also_meets,
        )
        for rank, d in enumerate(ordered, start=1)
    )


def _grouped(drafts: list[_Draft], taxonomy: Taxonomy) -> list[_Draft]:
    """Overlapping gaps as one item: a gap for a broader skill joins the item of a narrower
    one, since learning the narrower skill meets both (AI fairness meets responsible AI)."""

    def urgency(d: _Draft) -> tuple[bool, bool, int, str]:
        return (
            d.importance != "required",
            d.status != "missing",
            first_step(d.learn, taxonomy),
            d.learn,
        )

    narrower = {
        i: [
            j
            for j, n in enumerate(drafts)
            if j != i and any(s in taxonomy.broader(n.learn) for s in d.alternatives)
        ]
        for i, d in enumerate(drafts)
    }
    hosts: dict[int, list[_Draft]] = {}
    joins: set[int] = set()
    for i, d in enumerate(drafts):
        # only an item that joins no other can host, so nothing joins an item that left
        leaves = [j for j in narrower[i] if not narrower[j]]
        if leaves:
            hosts.setdefault(min(leaves, key=lambda j: urgency(drafts[j])), []).append(d)
            joins.add(i)
    out = []
    for i, d in enumerate(drafts):
        if i in joins:
            continue
        joined = hosts.get(i, [])
        if joined:
            either = {d.importance, *(j.importance for j in joined)}
            level: Importance = "required" if "required" in either else "preferred"
            gaps = tuple(j.gap for j in joined if j.gap is not None)
            d = replace(d, importance=level, also_meets=gaps)
        out.append(d)
    return out


def _prerequisites(drafts: list[_Draft], have: frozenset[str], taxonomy: Taxonomy) -> list[_Draft]:
    """Items for what the plan's skills require and neither the resume nor the plan holds."""
    covered = have | {s for d in drafts for s in d.alternatives}
    extra: dict[str, _Draft] = {}
    for d in drafts:
        for need in taxonomy.prerequisites(d.learn):
            if need in covered:
                continue
            known = extra.get(need)
            if known is None:
                extra[need] = _Draft(need, (need,), d.importance, "missing", None, (d.learn,))
            else:
                either = (known.importance, d.importance)
                level: Importance = "required" if "required" in either else "preferred"
                extra[need] = replace(
                    known, importance=level, needed_for=tuple(sorted({*known.needed_for, d.learn}))
                )
    return [extra[k] for k in sorted(extra)]


def step_asks(item: PlanItem, taxonomy: Taxonomy) -> str | None:
    """What the item's first roadmap step, the one the plan orders it by, asks of a learner."""
    return (taxonomy.step(item.steps[0]).summary or None) if item.steps else None


def _hours(skill_id: str, taxonomy: Taxonomy) -> int | None:
    """The estimate of the first resource that teaches the skill itself, when it has one."""
    for course in taxonomy.learning_resources((skill_id,)):
        if taxonomy.teaches(course, (skill_id,)) and course.hours:
            return course.hours
    return None


@dataclass(frozen=True)
class PlanHours:
    """Estimated study time of the plan, by importance; items with no estimate are counted."""

    required: int
    preferred: int
    without_estimate: int


def plan_hours(plan: tuple[PlanItem, ...]) -> PlanHours:
    return PlanHours(
        sum(i.hours or 0 for i in plan if i.importance == "required"),
        sum(i.hours or 0 for i in plan if i.importance == "preferred"),
        sum(i.hours is None for i in plan),
    )

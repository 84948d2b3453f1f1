"""What every report shows about a gap, computed once for all formats (pure).

The evidence behind a match or a gap (the first counted mentions, each with a one-line
snippet), and the reason a plan item is there. The JSON edge (``serialize``) and the text
report (``text``) both build on these.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Gap, PlanItem, SkillProfile
from ..taxonomy import Taxonomy

SNIPPET_CHARS = 45
MAX_EVIDENCE = 3


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a skill was found: its words, a snippet around them, the page and section."""

    skill: str
    text: str
    snippet: str
    page: int | None
    section: str


def snippet(text: str, start: int, end: int, width: int = SNIPPET_CHARS) -> str:
    """The mention with some context either side, on one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    body = " ".join(text[left:right].split())
    return ("..." if left > 0 else "") + body + ("..." if right < len(text) else "")


def evidence(profile: SkillProfile, skill_ids: tuple[str, ...]) -> tuple[Evidence, ...]:
    """The first counted mentions of any of the skills, in document order."""
    text = profile.document.text
    found = [
        m
        for sid in skill_ids
        if (hit := profile.hit(sid)) is not None
        for m in hit.mentions
        if m.counted
    ]
    found.sort(key=lambda m: (m.start, m.skill_id))
    return tuple(
        Evidence(m.skill_id, m.text, snippet(text, m.start, m.end), m.page, m.section)
        for m in found[:MAX_EVIDENCE]
    )


def plan_reason(item: PlanItem, taxonomy: Taxonomy, posting: SkillProfile | None = None) -> str:
    """Why the plan lists this item, in its own words: what the posting asks (quoted where it
    can be) and what the resume shows."""
    found = (
        ()
        if posting is None or item.gap is None
        else evidence(posting, item.gap.requirement.skills)
    )
    return plan_reason_quoting(item, taxonomy, found[0].text if found else None)


def plan_reason_quoting(item: PlanItem, taxonomy: Taxonomy, quote: str | None) -> str:
    """``plan_reason`` with the posting's words already found (``None``: nothing to quote)."""
    wanted = "requires" if item.importance == "required" else "prefers"
    if item.gap is None:
        names = ", ".join(taxonomy.skill(s).name for s in item.needed_for)
        return f"needed first for {names}; your resume does not show it"
    gap = item.gap
    asks = f'the posting {wanted} it ("{quote}")' if quote else f"the posting {wanted} it"
    if gap.status == "partial" and gap.via:
        shows = "the more general" if gap.relation == "broader" else "the related"
        return (
            f"{asks}; your resume shows {shows} "
            f"{taxonomy.skill(gap.via).name}, which counts only in part"
        )
    return f"{asks} and your resume does not show it"


def via_words(gap: Gap, taxonomy: Taxonomy) -> str | None:
    """How a resume skill other than the one asked for meets a requirement, in words."""
    if gap.via is None or gap.relation == "same":
        return None
    via = taxonomy.skill(gap.via).name
    if gap.relation == "narrower":
        asked = next(s for s in gap.requirement.skills if s in taxonomy.broader(gap.via))
        return f"{via}, a kind of {taxonomy.skill(asked).name}"
    if gap.relation == "broader":
        return f"{via}, more general"
    return via

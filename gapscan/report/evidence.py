"""What every report shows about a gap, computed once for all formats (pure).

The evidence behind a match or a gap (the first counted mentions, each with a one-line
snippet), and the reason a plan item is there. The JSON edge (``serialize``) and the text
report (``text``) both build on these.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import PlanItem, SkillProfile
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


def plan_reason(item: PlanItem, taxonomy: Taxonomy) -> str:
    """Why the plan lists this item: what the posting asks and what the resume shows."""
    gap = item.gap
    wanted = "requires" if gap.requirement.importance == "required" else "prefers"
    if gap.status == "partial" and gap.via:
        return (
            f"the posting {wanted} it; your resume shows the related "
            f"{taxonomy.skill(gap.via).name}, which counts only in part"
        )
    return f"the posting {wanted} it and your resume does not show it"

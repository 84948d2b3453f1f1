"""Coverage by the guide's skill areas: how many of a posting's requirements in each area the
resume matches, in part or not at all (pure, for every view of a report)."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Gap, GapReport
from ..taxonomy import Taxonomy


@dataclass(frozen=True)
class AreaCoverage:
    """The requirements of one skill area, counted by status."""

    area: str  # area id
    matched: int
    partial: int
    missing: int

    @property
    def total(self) -> int:
        return self.matched + self.partial + self.missing


def gap_area(gap: Gap, taxonomy: Taxonomy) -> str:
    """The area a requirement counts in: that of its first skill (alternatives share one)."""
    return taxonomy.skill(gap.requirement.skills[0]).area


def area_coverage(report: GapReport, taxonomy: Taxonomy) -> tuple[AreaCoverage, ...]:
    """Each area the posting asks for, in the taxonomy's order (by id), with its counts."""
    counts: dict[str, dict[str, int]] = {}
    for gap in report.gaps:
        by_status = counts.setdefault(gap_area(gap, taxonomy), {})
        by_status[gap.status] = by_status.get(gap.status, 0) + 1
    return tuple(
        AreaCoverage(a.id, *(counts[a.id].get(s, 0) for s in ("matched", "partial", "missing")))
        for a in taxonomy.areas
        if a.id in counts
    )

"""The answer first: a report's verdict in one sentence, where to start, and what to doubt.

Every view of a report (text, HTML, the JSON's ``summary``) opens with this, so a job seeker
reads the answer before the evidence. Pure functions over the ``GapReport``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..coverage import posting_coverage
from ..records import GapReport, ScoreLine
from ..taxonomy import Taxonomy

Band = Literal["strong", "fair", "weak", "poor"]

# The lowest score of each band, best first. Documented in docs/report-format.md ("summary").
BANDS: tuple[tuple[float, Band], ...] = (
    (75.0, "strong"),
    (50.0, "fair"),
    (25.0, "weak"),
    (0.0, "poor"),
)


@dataclass(frozen=True)
class Answer:
    """What a report says first."""

    band: Band | None  # None when the resume was not assessed
    verdict: str  # one sentence
    start_here: tuple[str, ...]  # skill ids, in plan order (at most three)
    warnings: tuple[str, ...]


def band_of(score: float) -> Band:
    """The band a score falls in (``BANDS``)."""
    return next(band for low, band in BANDS if score >= low)


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def _shown(line: ScoreLine) -> str:
    """How much of one importance level the resume shows, as words."""
    kind = f"{line.importance} skill"
    if line.matched == line.total:
        return f"all {_count(line.total, kind)}" if line.total > 1 else f"the {kind}"
    said = f"{line.matched} of {_count(line.total, kind)}"
    if line.partial:
        said += f", {line.partial} more in part"
    if line.missing:
        said += f", and lacks {line.missing}"
    return said


def answer(report: GapReport, taxonomy: Taxonomy) -> Answer:
    """The verdict sentence, the start-here skills and the warnings of ``report``."""
    warnings = tuple(report.resume.document.warnings) + tuple(report.posting.document.warnings)
    if report.status != "assessed" or report.score.value is None:
        reason = report.status_reason or "the resume could not be assessed"
        return Answer(None, f"Not assessed: {reason}", (), warnings)
    found = posting_coverage(report.posting, taxonomy)
    if found is not None and found.coverage.low:  # first: it puts the score in doubt
        warnings = (found.coverage.warning(),) + warnings
    value = report.score.value
    band = band_of(value)
    lines = [line for line in report.score.lines if line.total]
    # Required skills decide; a posting without any is judged on what it has.
    main = next((line for line in lines if line.importance == "required"), lines[0])
    start = tuple(item.learn for item in report.plan if item.start_here)
    verdict = f"{band.capitalize()} match ({value:g} of 100): your resume shows {_shown(main)}"
    if start:
        verdict += f"; start with {taxonomy.skill(start[0]).name}"
    return Answer(band, verdict + ".", start, warnings)

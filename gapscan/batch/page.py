"""``index.html``: a batch on one page (pure), from the data summary.csv and cohort.json hold.

The ranked candidates (as in summary.csv, each linked to its own HTML report), a heatmap of
candidates against the posting's requirements, and the "train or hire" chart. It shows only
what the outcomes and the cohort view carry, so whatever those leave out (``--redact``)
never reaches the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..report.html import BAR_WIDTH, STATUSES, render_index, segments
from .identity import shown_file
from .output import Outcome, page_name
from .summary import duplicates_cell, ranked

HEATMAP_SYMBOLS = {"matched": "✓", "partial": "½", "missing": "✗"}


@dataclass(frozen=True)
class Column:
    """One column of the candidates table: its heading and the row key it shows."""

    key: str
    heading: str
    numeric: bool = False


# One more column: one more entry here and its key in ``candidate_row``.
COLUMNS = (
    Column("rank", "rank", numeric=True),
    Column("candidate", "candidate"),
    Column("file", "file"),
    Column("status", "status"),
    Column("score", "score", numeric=True),
    Column("required", "required matched / partial / missing", numeric=True),
    Column("preferred", "preferred matched / partial / missing", numeric=True),
    Column("duplicates", "duplicates"),
    Column("note", "note"),
)


def href(report: str) -> str:
    """A relative link to a report's HTML page, safe for any file name (``#``, ``?``, spaces)."""
    return quote(page_name(report), safe="/")


def candidate_row(
    rank: int | None, o: Outcome, pages: bool, *, redact: bool = False, duplicates: str = ""
) -> dict[str, Any]:
    """One row of the candidates table, keyed by ``COLUMNS``; under ``redact`` the file is
    named as summary.csv names it, with no word of a name."""
    shown = [str(c) for c in o.counts]
    note = o.reason or ""
    return {
        "rank": rank if rank is not None else "",
        "candidate": o.candidate or "",
        "file": shown_file(o.rel, redact=redact),
        "duplicates": duplicates,
        "link": href(o.report) if pages and o.report else None,
        "status": o.status.replace("_", " "),
        "status_class": o.status,
        "score": "" if o.score is None else f"{o.score:g}",
        "required": " / ".join(shown[:3]),
        "preferred": " / ".join(shown[3:]),
        "note": note,
    }


def heatmap(
    outcomes: list[Outcome], requirements: list[Mapping[str, Any]], *, redact: bool = False
) -> dict[str, Any]:
    """Assessed candidates (ranked, one per content) against requirements (cohort order)."""
    rows = []
    for o in ranked(outcomes):
        if o.status != "ok" or o.duplicate_of is not None:
            continue
        by_skills = {g.skills: g.status for g in o.gaps}
        cells = [by_skills.get(tuple(r["skills"])) for r in requirements]
        rows.append({"file": o.candidate or shown_file(o.rel, redact=redact),
                     "score": f"{o.score:g}" if o.score is not None else "",
                     "cells": [{"status": c, "symbol": HEATMAP_SYMBOLS.get(c or "", "")}
                               for c in cells]})  # fmt: skip
    return {"requirements": requirements, "rows": rows}


def train_or_hire(cohort: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One bar per requirement: how many assessed candidates miss it, have it in part, meet it."""
    assessed = int(cohort["candidates_assessed"])
    scale = BAR_WIDTH / assessed if assessed else 0.0
    order = ("missing", "partial", "matched")
    return [{**r, "segments": segments(r, scale, order)} for r in cohort["requirements"]]


def index_view(
    outcomes: list[Outcome],
    cohort: Mapping[str, Any],
    *,
    pages: bool = True,
    near: Mapping[str, tuple[str, ...]] | None = None,
    redact: bool = False,
) -> dict[str, Any]:
    """What ``index.html`` shows; ``cohort`` is cohort.json's dictionary, ``near`` each near
    duplicate's look-alikes (as for summary.csv)."""
    by_rel = {o.rel: o for o in outcomes}
    rows = [  # ranked and numbered as in summary.csv
        candidate_row(
            number if o.status == "ok" else None,
            o,
            pages,
            redact=redact,
            duplicates=duplicates_cell(o, near or {}, by_rel, redact),
        )
        for number, o in enumerate(ranked(outcomes), start=1)
    ]
    return {
        "data": cohort,
        "columns": COLUMNS,
        "rows": rows,
        "heatmap": heatmap(outcomes, list(cohort["requirements"]), redact=redact),
        "bars": train_or_hire(cohort),
        "statuses": STATUSES,
    }


def index_html(
    outcomes: list[Outcome],
    cohort: Mapping[str, Any],
    *,
    pages: bool = True,
    near: Mapping[str, tuple[str, ...]] | None = None,
    redact: bool = False,
) -> str:
    """The batch's ``index.html``."""
    return render_index(index_view(outcomes, cohort, pages=pages, near=near, redact=redact))

"""What a batch has done, in one small file, so that a re-run need not read every report.

``OUT/.gapscan-index.json`` is written at the end of a run. It names the posting, taxonomy
and gapscan version the reports were made for, and for each report its size, its
modification time and the outcome it gives (status, reason, score, counts and gap lines;
each distinct gap line stored once). A report whose size or time differs from the index is
read again, so the index never stands in for a report that was edited, replaced or removed.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .identity import shown_file
from .output import INDEX, GapLine, Outcome, from_jsonl_signature

__all__ = ["INDEX", "Indexed", "index_text", "load_index", "stamp"]
_FORMAT = 3  # 2: candidate, signature, redaction; 3: experience, constraints, as-of
Fingerprint = tuple[str, str, str, bool, str]  # posting, taxonomy, version, redacted, as-of
Stamp = tuple[int, int]  # size, modification time in nanoseconds


def stamp(path: Path) -> Stamp | None:
    """A report's size and modification time, or None when there is no such file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@dataclass(frozen=True)
class Indexed:
    """One report as the index recorded it: its stamp then, and the outcome it gives."""

    stamp: Stamp
    outcome: Outcome  # reused=True; ``rel`` is the file it was written for


def index_text(
    out: Path, outcomes: list[Outcome], fingerprint: Fingerprint, *, redact: bool = False
) -> str:
    """The index of every report a file of ``outcomes`` has of its own (duplicates have none);
    under ``redact`` files are named as results.jsonl names them, with no word of a name."""
    lines: dict[GapLine, int] = {}
    entries: dict[str, dict[str, Any]] = {}
    for o in outcomes:
        if o.report is None or o.duplicate_of is not None or o.status not in ("ok", "not_assessed"):
            continue
        found = stamp(out / o.report)
        if found is None:
            continue
        entries[o.report] = {
            "file": shown_file(o.rel, redact=redact), "sha256": o.sha256,
            "stamp": list(found), "status": o.status,
            "reason": o.reason, "score": o.score, "counts": list(o.counts),
            "gaps": [lines.setdefault(g, len(lines)) for g in o.gaps],
            "candidate": o.candidate,
            "experience_months": o.experience_months,
            "constraints": list(o.constraints),
            "signature": None if o.signature is None else base64.b64encode(o.signature).decode(),
        }  # fmt: skip
    data = {
        "format": _FORMAT,
        "fingerprint": list(fingerprint),
        "lines": [[list(g.skills), g.name, g.importance, g.status] for g in lines],
        "reports": entries,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def load_index(out: Path, fingerprint: Fingerprint) -> dict[str, Indexed]:
    """The index's reports by name; empty when there is none, or it is for another posting,
    taxonomy or version, or it cannot be read (then every report is read instead)."""
    try:
        data = json.loads((out / INDEX).read_text(encoding="utf-8"))
        if data["format"] != _FORMAT or tuple(data["fingerprint"]) != fingerprint:
            return {}
        lines = [GapLine(tuple(skills), *rest) for skills, *rest in data["lines"]]
        return {
            name: Indexed(
                (int(e["stamp"][0]), int(e["stamp"][1])),
                Outcome(
                    e["file"],
                    e["status"],
                    e["reason"],
                    e["sha256"],
                    name,
                    e["score"],
                    tuple(e["counts"]),
                    tuple(lines[i] for i in e["gaps"]),
                    reused=True,
                    candidate=e["candidate"],
                    signature=from_jsonl_signature(e["signature"]),
                    experience_months=e["experience_months"],
                    constraints=tuple(e["constraints"]),
                ),
            )  # fmt: skip
            for name, e in data["reports"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return {}

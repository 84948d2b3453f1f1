"""ESCO skills export -> gapscan taxonomy (``gapscan taxonomy import esco``), pure but for I/O.

ESCO publishes its skills pillar as CSV (``skills_en.csv``): one row per concept, with
``conceptUri``, ``preferredLabel``, ``altLabels`` (one label per line), ``skillType``
(``skill/competence`` or ``knowledge``), ``reuseLevel`` (``transversal``, ``cross-sector``,
``sector-specific``, ``occupation-specific``), ``status`` and ``description``. Each released
concept becomes a skill: the URI its ``esco`` crosswalk, the labels its name and aliases, a
transversal one a soft skill, any other a technical one. The result stands alone, or extends
another taxonomy (``merge``) without claiming any of that taxonomy's names or aliases.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

REQUIRED_COLUMNS = ("conceptUri", "preferredLabel")
# Where ESCO's skill types go: an area per kind, so reports group them.
AREAS = {
    "transversal": ("esco-transversal", "Transversal skills (ESCO)"),
    "knowledge": ("esco-knowledge", "Knowledge (ESCO)"),
    "skill/competence": ("esco-skills", "Skills and competences (ESCO)"),
}
_LABEL_SPLIT = re.compile(r"\r?\n| \| ")
MIN_ALIAS = 3  # shorter alternative labels would match stray letters


@dataclass(frozen=True)
class Imported:
    """The taxonomy built, and what the import did, for the one-line summary."""

    data: dict[str, Any]
    added: int
    linked: int  # existing skills given an ESCO crosswalk: same name, no crosswalk yet
    skipped: int  # rows not released, without a label, or already in the taxonomy
    aliases_dropped: int  # labels another skill already claims


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of an ESCO skills CSV; a one-line ``InputError`` when it is not one."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(path, "is not UTF-8 text; ESCO exports are UTF-8 CSV") from None
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(path, f"is not a readable CSV file ({exc})") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(
            path,
            f"has no {', '.join(missing)} column; export the ESCO skills pillar as CSV"
            " (skills_en.csv)",
        )
    return [{k: (v or "") for k, v in row.items() if k is not None} for row in rows]


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def _forms(skill: Mapping[str, Any]) -> set[str]:
    return {f.strip().lower() for f in [skill["name"], *skill.get("aliases", [])]}


def import_esco(
    rows: Iterable[Mapping[str, str]], base: Mapping[str, Any] | None, name: str
) -> Imported:
    """A taxonomy of the ESCO rows, alone (``base`` None) or added to ``base``'s contents."""
    data: dict[str, Any] = {
        "format": 1,
        "taxonomy": {"name": name, "version": "0.1.0", "title": f"{name} (imported from ESCO)"},
        "areas": [],
        "steps": [],
        "resources": [],
        "skills": [],
        "roles": [],
    }
    if base is not None:
        data = {k: (list(v) if isinstance(v, list) else v) for k, v in base.items()}
        data["taxonomy"] = {**base["taxonomy"], "name": name}
        data["skills"] = [dict(s) for s in base.get("skills", [])]
    skills: list[dict[str, Any]] = data["skills"]
    ids = {s["id"] for s in skills}
    claimed = set().union(*(_forms(s) for s in skills)) if skills else set()
    by_name = {s["name"].strip().lower(): s for s in skills}
    uris = {s.get("esco") for s in skills if s.get("esco")}
    areas_used: set[str] = set()
    added = linked = skipped = dropped = 0
    for row in sorted(rows, key=lambda r: (r.get("preferredLabel", ""), r.get("conceptUri", ""))):
        uri = row.get("conceptUri", "").strip()
        label = " ".join(row.get("preferredLabel", "").split())
        status = row.get("status", "released").strip() or "released"
        if not uri or not label or status != "released" or uri in uris:
            skipped += 1
            continue
        known = by_name.get(label.lower())
        if known is not None:  # the same name: link it when it has no crosswalk yet
            if not known.get("esco"):
                known["esco"] = uri
                linked += 1
            else:
                skipped += 1
            uris.add(uri)
            continue
        if label.lower() in claimed:
            skipped += 1
            continue
        sid = _slug(label) or "skill"
        if sid in ids:
            sid = f"{sid}-{hashlib.sha256(uri.encode()).hexdigest()[:6]}"
        aliases: list[str] = []
        for alt in _LABEL_SPLIT.split(row.get("altLabels", "")):
            alt = " ".join(alt.split())
            key = alt.lower()
            if len(alt) < MIN_ALIAS or key == label.lower() or key in {a.lower() for a in aliases}:
                continue
            if key in claimed:
                dropped += 1
                continue
            aliases.append(alt)
        reuse = row.get("reuseLevel", "").strip()
        kind = "transversal" if reuse == "transversal" else row.get("skillType", "").strip()
        area, _ = AREAS.get(kind, AREAS["skill/competence"])
        areas_used.add(area)
        skill: dict[str, Any] = {
            "id": sid,
            "name": label,
            "type": "soft" if kind == "transversal" else "technical",
            "area": area,
            "esco": uri,
        }
        if aliases:
            skill["aliases"] = aliases
        description = " ".join(row.get("description", "").split())
        if description:
            skill["description"] = description
        skills.append(skill)
        ids.add(sid)
        claimed |= _forms(skill)
        uris.add(uri)
        added += 1
    have = {a["id"] for a in data["areas"]}
    for area_id, area_name in sorted(AREAS.values()):
        if area_id in areas_used and area_id not in have:
            data["areas"].append({"id": area_id, "name": area_name})
    return Imported(data, added, linked, skipped, dropped)

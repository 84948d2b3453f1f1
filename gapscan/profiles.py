"""What a posting asks for: its counted skills turned into requirements.

Skills listed as alternatives in one clause ("such as TensorFlow, PyTorch, or JAX",
"Airflow/Dagster") form one requirement that any of them meets. A requirement is required when
any of its mentions is, otherwise preferred.
"""

from __future__ import annotations

import re

from .records import Importance, Mention, Requirement, SkillProfile
from .skills.rules import clause_bounds
from .taxonomy import Role

_OR_GAPS = {"or", ", or", "/", "and/or", ", and/or", "|"}
_AND_GAPS = {",", "and", ", and", "&", ", &"}
_EXAMPLE_CUE = re.compile(
    r"(?:such\s+as|e\.g\.,?|for\s+example|for\s+instance|one\s+of|any\s+of|including|"
    r"either|similar\s+to)[\s:(]*$",
    re.I,
)


def _groups(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Chain mentions joined only by list punctuation; keep chains that read as alternatives."""
    ordered = sorted(mentions, key=lambda m: m.start)
    groups: list[list[Mention]] = []
    chain: list[Mention] = []
    has_or = False

    def close() -> None:
        nonlocal chain, has_or
        if chain:
            first = chain[0]
            left, _ = clause_bounds(text, first.start, first.end)
            lead = text[max(left, first.start - 40) : first.start]
            if len(chain) > 1 and (has_or or _EXAMPLE_CUE.search(lead)):
                groups.append(chain)
            else:
                groups.extend([m] for m in chain)
        chain, has_or = [], False

    for m in ordered:
        if chain:
            raw_gap = text[chain[-1].end : m.start]
            gap = " ".join(raw_gap.split()).lower()
            if "\n" not in raw_gap and (gap in _OR_GAPS or gap in _AND_GAPS):
                has_or = has_or or gap in _OR_GAPS
                chain.append(m)
                continue
            close()
        chain = [m]
    close()
    return groups


def _rank(level: Importance | None) -> int:
    return 0 if level == "required" else 1


def posting_requirements(posting: SkillProfile) -> tuple[Requirement, ...]:
    """Requirements of a posting, sorted: required first, then by skill ids."""
    text = posting.document.text
    counted = [m for hit in posting.skills for m in hit.mentions if m.counted]
    wanted: dict[tuple[str, ...], Importance] = {}
    for group in _groups(text, counted):
        ids = tuple(sorted({m.skill_id for m in group}))
        level: Importance = min((m.importance or "required" for m in group), key=_rank)
        if ids not in wanted or _rank(level) < _rank(wanted[ids]):
            wanted[ids] = level
    singles = {ids[0]: level for ids, level in wanted.items() if len(ids) == 1}
    out: list[Requirement] = []
    for ids, level in wanted.items():
        if len(ids) > 1 and any(s in singles and _rank(singles[s]) <= _rank(level) for s in ids):
            continue  # a skill asked for on its own already covers this alternative
        out.append(Requirement(ids, level))
    return tuple(sorted(out, key=lambda r: (_rank(r.importance), r.skills)))


def role_requirements(role: Role) -> tuple[Requirement, ...]:
    """Requirements of a built-in role from the taxonomy."""
    out = [Requirement((sid,), "required") for sid in role.required]
    out += [Requirement((sid,), "preferred") for sid in role.preferred]
    return tuple(sorted(out, key=lambda r: (_rank(r.importance), r.skills)))

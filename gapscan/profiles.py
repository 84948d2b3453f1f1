"""What a posting asks for: its counted skills turned into requirements.

Skills listed as alternatives in one clause ("such as TensorFlow, PyTorch, or JAX",
"Airflow/Dagster", "LangChain, LlamaIndex or a similar library") form one requirement that
any of them meets. A requirement is required when any of its mentions is, otherwise preferred.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .records import Importance, Mention, Requirement, SkillProfile
from .skills.roles import OR_SIMILAR
from .taxonomy import Role, Taxonomy

_OR_GAPS = {"or", ", or", "/", "and/or", ", and/or", "|"}
_AND_GAPS = {",", "and", ", and", "&", ", &"}
_AND_WORDS = _AND_GAPS - {","}
_EXAMPLE_CUE = re.compile(
    r"(?:such\s+as|e\.g\.,?|for\s+example|for\s+instance|one\s+of|any\s+of|including|"
    r"either|similar\s+to)[\s:(]*$",
    re.I,
)


# the noun a general term may carry before its examples: "distributed computing frameworks
# (e.g., Hadoop, Spark)", "cloud platforms such as AWS"
_PAREN_OPEN = re.compile(r"[ \t]*\([ \t]*")
_GENERAL_TAIL = re.compile(
    r"\s*(?:(?:frameworks?|platforms?|tools?|tooling|services?|systems?|technologies|"
    r"providers?|librar(?:y|ies)|solutions?|environments?|engines?|stores?|databases?|"
    r"languages?)\s*)?[(,:]?\s*$",
    re.I,
)


def _joined(text: str, left: Mention, right: Mention) -> str | None:
    """The list punctuation between two mentions ("or", ", and", "/"), or None."""
    raw_gap = text[left.end : right.start]
    gap = " ".join(raw_gap.split()).lower()
    if "\n" in raw_gap:
        return None
    if _OR_SIMILAR.fullmatch(" " + gap.lstrip(", ")):  # "Kafka or other event streaming"
        return "or"
    if not (gap in _OR_GAPS or gap in _AND_GAPS):
        return None
    return gap


def _lead(text: str, first: Mention) -> tuple[int, re.Match[str] | None]:
    """Where the words before a mention start (its line, 40 characters at most), and the
    example cue ending them. A line, not a clause: "e.g." ends no clause here."""
    at = max(text.rfind("\n", 0, first.start) + 1, first.start - 40)
    return at, _EXAMPLE_CUE.search(text, at, first.start)


def _alternatives(
    chain: list[Mention], gaps: list[str], cued: bool, alike: Callable[[str, str], bool] | None
) -> list[list[Mention]]:
    """A chain of mentions split into the requirements it states.

    Examples after a cue ("such as", "e.g.") are one requirement. Otherwise "or" binds
    tighter than "and": "Python and Spark or Ray" asks for Python, and for Spark or Ray. A
    slash between two unlike skills lists both ("React/TypeScript": a framework and a
    language), between like ones it offers a choice ("Airflow/Dagster").
    """
    if len(chain) > 1 and cued:
        return [chain]
    if alike is not None:
        gaps = [
            "," if gap == "/" and not alike(left.skill_id, right.skill_id) else gap
            for left, right, gap in zip(chain[:-1], chain[1:], gaps, strict=True)
        ]
    parts: list[list[Mention]] = [[chain[0]]]
    ors = [False]
    has_or = any(gap in _OR_GAPS for gap in gaps)
    for m, gap in zip(chain[1:], gaps, strict=True):
        if has_or and gap in _AND_WORDS:
            parts.append([m])
            ors.append(False)
        else:
            parts[-1].append(m)
            ors[-1] = ors[-1] or gap in _OR_GAPS
    out: list[list[Mention]] = []
    for part, alternative in zip(parts, ors, strict=True):
        out.extend([part] if alternative else [[m] for m in part])
    return out


# "LangChain, LlamaIndex or a similar library", "Python, Java or other languages": the list
# before names examples, any of which meets it
_OR_SIMILAR = re.compile(OR_SIMILAR, re.I)


def _in_parentheses(text: str, before: list[Mention], first: Mention) -> bool:
    """True when ``first`` opens a parenthesis right after a mention: "cloud (AWS, GCP)"."""
    return bool(before) and bool(_PAREN_OPEN.fullmatch(text, before[-1].end, first.start))


def _general_term(text: str, before: list[Mention], examples: list[Mention]) -> list[Mention]:
    """The mentions a list of examples illustrates: those right before its cue, or right
    before the parenthesis the examples are in, with the ones chained to them ("cloud
    platforms and distributed computing frameworks (e.g.,", "distributed compute (")."""
    if not before:
        return []
    last = before[-1]
    line_start = text.rfind("\n", 0, examples[0].start) + 1
    if last.start < line_start:
        return []
    if not _in_parentheses(text, before, examples[0]):
        _, cue = _lead(text, examples[0])
        if cue is None or not _GENERAL_TAIL.fullmatch(text, last.end, cue.start()):
            return []
    general = [last]
    for m in reversed(before[:-1]):
        if _joined(text, m, general[0]) is None:
            break
        general.insert(0, m)
    return general


class _Group(NamedTuple):
    """Mentions one requirement is made of, and the skills of its general term, if any."""

    mentions: list[Mention]
    general: frozenset[str]


def _groups(
    text: str, mentions: list[Mention], alike: Callable[[str, str], bool] | None = None
) -> list[_Group]:
    """Chain mentions joined only by list punctuation; split chains into alternatives."""
    ordered = sorted(mentions, key=lambda m: m.start)
    chains: list[tuple[list[Mention], list[str]]] = []
    for m in ordered:
        gap = _joined(text, chains[-1][0][-1], m) if chains else None
        if gap is None:
            chains.append(([m], []))
        else:
            chains[-1][0].append(m)
            chains[-1][1].append(gap)
    groups: list[_Group] = []
    for chain, gaps in chains:
        before = [m for g in groups for m in g.mentions]
        cued = (
            _lead(text, chain[0])[1] is not None
            or _in_parentheses(text, before, chain[0])
            or _OR_SIMILAR.match(text, chain[-1].end) is not None
        )
        for part in _alternatives(chain, gaps, cued, alike):
            general = _general_term(text, [m for g in groups for m in g.mentions][-8:], part)
            if general:  # one requirement with the examples, not one of its own as well
                groups = [g for g in groups if not any(m in general for m in g.mentions)]
            skills = frozenset(m.skill_id for m in general)
            groups.append(_Group(general + part, skills))
    return groups


def _rank(level: Importance | None) -> int:
    return 0 if level == "required" else 1


def posting_requirements(
    posting: SkillProfile, taxonomy: Taxonomy | None = None
) -> tuple[Requirement, ...]:
    """Requirements of a posting, sorted: required first, then by skill ids.

    With the ``taxonomy``, a slash offers a choice only between like skills
    (:meth:`Taxonomy.alike`); without it, every slash does.

    An alternative that holds a skill asked for on its own is covered by it and dropped;
    when that skill is only the general term before examples ("a deep learning framework
    such as PyTorch", with deep learning asked elsewhere), the examples stay a requirement.
    """
    text = posting.document.text
    counted = [m for hit in posting.skills for m in hit.mentions if m.counted]
    if taxonomy is not None:
        counted = _without_kinds_said(counted, taxonomy)
    wanted: dict[tuple[str, ...], Importance] = {}
    generals: dict[tuple[str, ...], frozenset[str]] = {}
    for group in _groups(text, counted, taxonomy.alike if taxonomy is not None else None):
        ids = tuple(sorted({m.skill_id for m in group.mentions}))
        level: Importance = min((m.importance or "required" for m in group.mentions), key=_rank)
        if ids not in wanted or _rank(level) < _rank(wanted[ids]):
            wanted[ids] = level
        generals[ids] = generals.get(ids, frozenset()) | group.general
    singles = {ids[0]: level for ids, level in wanted.items() if len(ids) == 1}
    out: dict[tuple[str, ...], Importance] = {}
    for ids, level in wanted.items():
        covered = {s for s in ids if s in singles and _rank(singles[s]) <= _rank(level)}
        if len(ids) > 1 and covered:
            if covered - generals[ids]:
                continue  # a skill asked for on its own already covers this alternative
            ids = tuple(s for s in ids if s not in covered)
        if ids not in out or _rank(level) < _rank(out[ids]):
            out[ids] = level
    found = [Requirement(ids, level) for ids, level in out.items()]
    return tuple(sorted(found, key=lambda r: (_rank(r.importance), r.skills)))


def _without_kinds_said(mentions: list[Mention], taxonomy: Taxonomy) -> list[Mention]:
    """The mentions, less each one inside a mention of a narrower skill: "leading
    cross-functional teams" asks for cross-functional leadership, a kind of leadership, not
    for leadership beside it (mentions are short: only those starting a little earlier are
    looked at)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept = []
    for i, m in enumerate(ordered):
        earlier = (o for o in reversed(ordered[max(0, i - 8) : i]) if m.start - o.start < 200)
        later = (o for o in ordered[i + 1 : i + 9] if o.start == m.start)
        if not any(
            o.end >= m.end
            and o.skill_id != m.skill_id
            and m.skill_id in taxonomy.broader(o.skill_id)
            for o in (*earlier, *later)
        ):
            kept.append(m)
    return kept


def role_requirements(role: Role) -> tuple[Requirement, ...]:
    """Requirements of a built-in role from the taxonomy."""
    out = [Requirement((sid,), "required") for sid in role.required]
    out += [Requirement((sid,), "preferred") for sid in role.preferred]
    return tuple(sorted(out, key=lambda r: (_rank(r.importance), r.skills)))

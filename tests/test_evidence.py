"""gapscan.report.evidence: snippets, the evidence behind a gap, and why a plan item is there."""

from __future__ import annotations

import pytest

from gapscan.records import (
    Document,
    Gap,
    Importance,
    Mention,
    PlanItem,
    PlanStatus,
    Requirement,
    SkillProfile,
    Status,
)
from gapscan.report.evidence import MAX_EVIDENCE, Evidence, evidence, plan_reason, snippet
from gapscan.taxonomy import Taxonomy


@pytest.mark.parametrize(
    ("start", "end", "width", "expected"),
    [
        (9, 11, 5, "...56789Go12345..."),
        (0, 2, 5, "Go34567..."),
        (18, 20, 5, "...34567Go"),
        (0, 20, 5, "Go3456789Go1234567Go"),
    ],
    ids=["middle", "at-start", "at-end", "whole-text"],
)
def test_snippet_marks_cut_edges(start: int, end: int, width: int, expected: str) -> None:
    text = "Go3456789Go1234567Go"
    assert snippet(text, start, end, width) == expected


def test_snippet_is_one_line() -> None:
    assert snippet("Skills\n  Go,\tC\n", 8, 10) == "Skills Go, C"


TEXT = "".join(f"{i:02d}" for i in range(50))  # "00" at 0, "01" at 2: offsets read back


def m(skill: str, start: int, counted: bool = True) -> Mention:
    reason = None if counted else "negated"
    end = start + 2
    return Mention(skill, TEXT[start:end], start, end, 1, "skills", "ruler", 1.0, counted, reason)


def profile(*mentions: Mention) -> SkillProfile:
    return SkillProfile.of(Document("r.pdf", "pdf", TEXT, "0" * 64), list(mentions))


def test_evidence_in_document_order_counted_only_and_at_most_three() -> None:
    found = evidence(
        profile(m("go", 40), m("c", 2), m("go", 10, counted=False), m("go", 6), m("c", 30),
                m("kubernetes", 0)),
        ("go", "c", "absent"),
    )  # fmt: skip
    assert MAX_EVIDENCE == 3
    assert [(e.skill, e.text) for e in found] == [("c", "01"), ("go", "03"), ("c", "15")]
    assert found[0] == Evidence("c", "01", snippet(TEXT, 2, 4), 1, "skills")


def test_evidence_ties_by_skill_id() -> None:
    found = evidence(profile(m("go", 4), m("c", 4)), ("go", "c"))
    assert [e.skill for e in found] == ["c", "go"]


def test_no_evidence() -> None:
    assert evidence(profile(m("go", 4, counted=False)), ("go",)) == ()
    assert evidence(profile(), ("go",)) == ()


def plan_item(status: Status, importance: str, via: str | None) -> PlanItem:
    level: Importance = "required" if importance == "required" else "preferred"
    requirement = Requirement(("machine-learning",), level)
    gap = Gap(requirement, status, via, 0.0, 2.0)
    plan_status: PlanStatus = "partial" if status == "partial" else "missing"
    return PlanItem(
        1, "machine-learning", ("machine-learning",), level, plan_status, (1,), ("c1",), gap
    )


@pytest.mark.parametrize(
    ("status", "importance", "via", "reason"),
    [
        ("missing", "required", None, "the posting requires it and your resume does not show it"),
        ("missing", "preferred", None, "the posting prefers it and your resume does not show it"),
        ("partial", "required", "deep-neural-networks",
         "the posting requires it; your resume shows the related deep neural networks, "
         "which counts only in part"),
        ("partial", "preferred", "deep-neural-networks",
         "the posting prefers it; your resume shows the related deep neural networks, "
         "which counts only in part"),
    ],
    ids=["missing-required", "missing-preferred", "partial-required", "partial-preferred"],
)  # fmt: skip
def test_plan_reason(
    tiny: Taxonomy, status: Status, importance: str, via: str | None, reason: str
) -> None:
    assert plan_reason(plan_item(status, importance, via), tiny) == reason


def test_plan_reason_of_a_prerequisite_and_with_the_posting_quoted(tiny: Taxonomy) -> None:
    needed = PlanItem(
        2, "machine-learning", ("machine-learning",), "required", "missing", (1,), (),
        needed_for=("deep-neural-networks",),
    )  # fmt: skip
    assert plan_reason(needed, tiny) == (
        "needed first for deep neural networks; your resume does not show it"
    )
    posting = profile(m("machine-learning", 10))
    quoted = plan_reason(plan_item("missing", "required", None), tiny, posting)
    assert quoted == (
        f'the posting requires it ("{posting.skills[0].mentions[0].text}") and your resume '
        "does not show it"
    )

"""gapscan.records: the few records with behaviour (offsets to pages and sections, grouping)."""

from __future__ import annotations

import pytest

from gapscan.records import (
    NO_TEXT_LAYER,
    Document,
    Importance,
    Mention,
    Page,
    Score,
    ScoreLine,
    Section,
    SkillHit,
    SkillProfile,
)

TEXT = "Jane\nSkills\nGo\n\nPage two"
DOC = Document(
    "r.pdf",
    "pdf",
    TEXT,
    "0" * 64,
    pages=(Page(1, 0, 15), Page(2, 17, 25)),
    sections=(Section("header", "", 0, 5), Section("skills", "Skills", 5, 15)),
)


def mention(
    skill: str,
    start: int,
    end: int | None = None,
    *,
    counted: bool = True,
    importance: Importance | None = None,
) -> Mention:
    end = start + 2 if end is None else end
    reason = None if counted else "negated"
    return Mention(skill, "xx", start, end, None, "skills", "ruler", 1.0, counted, reason,
                   importance)  # fmt: skip


@pytest.mark.parametrize(
    ("offset", "page"),
    [(0, 1), (14, 1), (15, None), (16, None), (17, 2), (24, 2), (25, None), (-1, None)],
    ids=["first", "last-of-1", "end-of-1", "page-break", "start-of-2", "last-of-2", "end", "neg"],
)
def test_page_at_is_half_open(offset: int, page: int | None) -> None:
    assert DOC.page_at(offset) == page


@pytest.mark.parametrize(
    ("offset", "kind"),
    [(0, "header"), (4, "header"), (5, "skills"), (14, "skills"), (15, None)],
    ids=["header-start", "header-end", "skills-start", "skills-end", "after"],
)
def test_section_at_is_half_open(offset: int, kind: str | None) -> None:
    found = DOC.section_at(offset)
    assert (found.kind if found else None) == kind


def test_a_text_file_has_no_pages() -> None:
    assert Document("r.txt", "text", TEXT, "0" * 64).page_at(0) is None


@pytest.mark.parametrize(
    ("text", "warnings", "readable"),
    [
        ("a" * 20, (), True),
        ("a" * 19, (), False),
        ("1 2 3 " * 20 + "a" * 19, (), False),
        ("é" * 20, (), True),
        ("", (), False),
        ("Jane Doe Curriculum Vitae with lots of letters", (NO_TEXT_LAYER,), False),
        ("a" * 30, (NO_TEXT_LAYER + " (page 2)",), False),
        ("a" * 30, ("some other warning",), True),
    ],
    ids=["20-letters", "19-letters", "digits-do-not-count", "accented", "empty",
         "no-text-layer", "no-text-layer-prefix", "other-warning"],
)  # fmt: skip
def test_readable(text: str, warnings: tuple[str, ...], readable: bool) -> None:
    assert Document("r", "pdf", text, "0" * 64, warnings=warnings).readable is readable


def test_hit_counted_when_any_mention_counts() -> None:
    assert SkillHit("go", (mention("go", 0, counted=False), mention("go", 5))).counted
    assert not SkillHit("go", (mention("go", 0, counted=False),)).counted
    assert not SkillHit("go", ()).counted


@pytest.mark.parametrize(
    ("mentions", "level"),
    [
        ((("preferred", True), ("required", True)), "required"),
        ((("preferred", True), ("required", False)), "preferred"),
        ((("preferred", True),), "preferred"),
        (((None, True),), None),
        ((("required", False),), None),
    ],
    ids=["required-wins", "uncounted-required-ignored", "preferred", "resume", "none-counted"],
)
def test_hit_importance(mentions: tuple[tuple[Importance | None, bool], ...], level: str) -> None:
    hit = SkillHit(
        "go",
        tuple(mention("go", 3 * i, counted=c, importance=imp) for i, (imp, c) in
              enumerate(mentions)),
    )  # fmt: skip
    assert hit.importance == level


def test_profile_of_groups_by_skill_sorted_by_id_then_offset() -> None:
    found = [
        mention("kubernetes", 9),
        mention("go", 7, 9),
        mention("go", 2, 6),
        mention("c", 4),
        mention("go", 2, 4),
    ]
    profile = SkillProfile.of(DOC, found)
    assert profile.document is DOC
    assert [(h.skill_id, [(m.start, m.end) for m in h.mentions]) for h in profile.skills] == [
        ("c", [(4, 6)]),
        ("go", [(2, 4), (2, 6), (7, 9)]),
        ("kubernetes", [(9, 11)]),
    ]


def test_profile_counted_ids_and_hit() -> None:
    profile = SkillProfile.of(DOC, [mention("go", 0), mention("c", 3, counted=False)])
    assert profile.counted_ids() == frozenset({"go"})
    hit = profile.hit("c")
    assert hit is not None and hit.skill_id == "c"
    assert profile.hit("kubernetes") is None
    assert SkillProfile.of(DOC, []).skills == ()


def line(importance: Importance, points: float, max_points: float) -> ScoreLine:
    return ScoreLine(importance, 1.0, 1, 1, 0, 0, points, max_points)


def test_score_points_sum_the_lines() -> None:
    score = Score(62.5, (line("required", 4.0, 6.0), line("preferred", 1.0, 2.0)), 0.5)
    assert (score.points, score.max_points) == (5.0, 8.0)
    assert (Score(None, (), 0.5).points, Score(None, (), 0.5).max_points) == (0, 0)

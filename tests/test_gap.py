from __future__ import annotations

import pytest

from gapscan.gap import assess, classify, score
from gapscan.records import NO_TEXT_LAYER, Document, Gap, Requirement, SkillHit, SkillProfile
from gapscan.taxonomy import Taxonomy


def profile(text: str, *skills: str) -> SkillProfile:
    doc = Document("r.txt", "text", text, "0" * 64)
    return SkillProfile(doc, tuple(SkillHit(s, ()) for s in skills))


def test_classify(tiny: Taxonomy) -> None:
    have = frozenset({"go-language"})
    assert classify(Requirement(("go-language",), "required"), have, tiny).status == "matched"
    alt = classify(Requirement(("c-language", "go-language"), "preferred"), have, tiny)
    assert (alt.status, alt.via, alt.credit, alt.weight) == ("matched", "go-language", 1.0, 1.0)
    missing = classify(Requirement(("kubernetes",), "required"), have, tiny)
    assert (missing.status, missing.credit, missing.weight) == ("missing", 0.0, 2.0)


def test_partial_through_related_skill(tiny: Taxonomy) -> None:
    # tiny.toml: deep-neural-networks is related to machine-learning (declared on one side)
    gap = classify(
        Requirement(("machine-learning",), "required"), frozenset({"deep-neural-networks"}), tiny
    )
    assert (gap.status, gap.via, gap.credit) == ("partial", "deep-neural-networks", 1.0)


def test_score_breakdown_recomputes() -> None:
    req, pref = Requirement(("a",), "required"), Requirement(("b",), "preferred")
    gaps = (
        Gap(req, "matched", "a", 2.0, 2.0),
        Gap(req, "partial", "x", 1.0, 2.0),
        Gap(req, "missing", None, 0.0, 2.0),
        Gap(pref, "matched", "b", 1.0, 1.0),
    )
    s = score(gaps)
    assert s.value == pytest.approx(round(100 * 4 / 7, 1)) == 57.1
    required = s.lines[0]
    assert (required.total, required.matched, required.partial, required.missing) == (3, 1, 1, 1)
    assert (required.points, required.max_points) == (3.0, 6.0)
    assert (s.points, s.max_points) == (4.0, 7.0)


def test_unreadable_resume_is_not_assessed(tiny: Taxonomy) -> None:
    report = assess(
        profile("  \n"), profile(""), (Requirement(("go-language",), "required"),), tiny, "p.txt"
    )
    assert report.status == "not_assessed"
    assert report.score.value is None
    assert "no readable text" in (report.status_reason or "")


def test_pdf_without_text_layer_is_not_assessed_despite_stray_letters(tiny: Taxonomy) -> None:
    doc = Document(
        "scan.pdf",
        "pdf",
        "Page 1 of 2 Jane Doe Curriculum Vitae (cid:12)(cid:7)",
        "0" * 64,
        warnings=(NO_TEXT_LAYER,),
    )
    report = assess(
        SkillProfile(doc, ()),
        profile(""),
        (Requirement(("go-language",), "required"),),
        tiny,
        "p.txt",
    )
    assert (report.status, report.status_reason) == ("not_assessed", NO_TEXT_LAYER)

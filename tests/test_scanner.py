"""gapscan.scanner: one flow (read, extract, prepare, assess), with the pipeline built lazily."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from gapscan.errors import InputError, UsageProblem
from gapscan.records import Requirement
from gapscan.scanner import Kind, Scanner
from gapscan.taxonomy import Taxonomy

POSTING = "Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n"
RESUME = "Sam\nSkills\nGolang, deep neural networks\n"


@pytest.fixture()
def tiny_scanner(tiny: Taxonomy) -> Scanner:
    """A Scanner of the tiny taxonomy; its extractor comes from the test run's cache."""
    return Scanner(tiny)


@pytest.fixture()
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


@pytest.fixture()
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "resume.txt"
    path.write_text(RESUME, encoding="utf-8")
    return path


def test_prepare_a_posting_file(tiny_scanner: Scanner, posting: Path) -> None:
    prepared = tiny_scanner.prepare(posting)
    assert prepared.label == str(posting)
    assert prepared.requirements == (
        Requirement(("c-language", "go-language"), "required"),
        Requirement(("kubernetes",), "required"),
        Requirement(("machine-learning",), "preferred"),
    )
    document = prepared.profile.document
    assert (document.format, document.text) == ("text", POSTING)
    assert document.sections[0].kind == "title"  # read as a posting: its first line
    assert [h.skill_id for h in prepared.profile.skills] == [
        "c-language", "go-language", "kubernetes", "machine-learning",
    ]  # fmt: skip


def test_prepare_a_role(tiny: Taxonomy, tiny_scanner: Scanner) -> None:
    prepared = tiny_scanner.prepare(None, role="r")
    assert prepared.label == "role:r (R)"
    assert prepared.requirements == (Requirement(("kubernetes",), "required"),)
    document = prepared.profile.document
    assert (document.source, document.format, document.text, document.sha256) == (
        "role:r", "role", "", tiny.sha256,
    )  # fmt: skip
    assert prepared.profile.skills == ()
    assert tiny_scanner._extractor is None  # a role needs no pipeline


def test_default_role_is_the_first_when_none_is_named_like_the_taxonomy(
    tiny_scanner: Scanner,
) -> None:
    assert tiny_scanner.default_role() == "r"
    assert tiny_scanner.prepare(None).label == "role:r (R)"


def test_default_role_of_the_packaged_taxonomy(scanner: Scanner) -> None:
    assert scanner.default_role() == "ai-architect"


@pytest.mark.parametrize(
    ("roles", "role", "message"),
    [
        (True, "cook", "no role 'cook' in taxonomy tiny (roles: r)"),
        (False, None, "no role 'tiny' in taxonomy tiny (roles: none)"),
    ],
    ids=["unknown-role", "taxonomy-without-roles"],
)
def test_unknown_role(tiny: Taxonomy, roles: bool, role: str | None, message: str) -> None:
    taxonomy = tiny if roles else dataclasses.replace(tiny, roles=())
    with pytest.raises(UsageProblem) as info:
        Scanner(taxonomy).prepare(None, role=role)
    assert str(info.value) == message


def test_assess_a_read_resume(tiny_scanner: Scanner, resume: Path, posting: Path) -> None:
    report = tiny_scanner.assess(tiny_scanner.read(resume, posting=False),
                                 tiny_scanner.prepare(posting))  # fmt: skip
    assert (report.status, report.posting_label) == ("assessed", str(posting))
    assert {g.requirement.skills: (g.status, g.via) for g in report.gaps} == {
        ("c-language", "go-language"): ("matched", "go-language"),
        ("kubernetes",): ("missing", None),
        ("machine-learning",): ("partial", "deep-neural-networks"),
    }
    assert (report.score.points, report.score.max_points, report.score.value) == (2.5, 5.0, 50.0)
    assert tiny_scanner.scan(resume, posting) == report


AS_POSTING = [
    ("c-language", True, "required"),
    ("go-language", False, None),  # "Go Developer": the job title does not count
    ("go-language", True, "required"),
    ("kubernetes", True, "required"),
    ("machine-learning", True, "preferred"),
]
AS_RESUME = [
    ("c-language", True, None),
    ("go-language", True, None),
    ("go-language", True, None),
    ("kubernetes", True, None),
    ("machine-learning", True, None),
]


@pytest.mark.parametrize(
    ("text", "kind", "posting", "first_section", "mentions"),
    [
        (POSTING, "auto", True, "title", AS_POSTING),
        (RESUME, "auto", False, "header",
         [("deep-neural-networks", True, None), ("go-language", True, None)]),
        (POSTING, "resume", False, "header", AS_RESUME),
        (POSTING, "posting", True, "title", AS_POSTING),
        (RESUME, "posting", True, "title",
         [("deep-neural-networks", True, "required"), ("go-language", True, "required")]),
    ],
    ids=["auto-posting", "auto-resume", "forced-resume", "forced-posting", "resume-as-posting"],
)  # fmt: skip
def test_extract_kind(
    tiny_scanner: Scanner,
    tmp_path: Path,
    text: str,
    kind: Kind,
    posting: bool,
    first_section: str,
    mentions: list[tuple[str, bool, str | None]],
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    profile, as_posting = tiny_scanner.extract(path, kind=kind)
    assert as_posting is posting
    assert profile.document.sections[0].kind == first_section
    found = sorted((m.skill_id, m.counted, m.importance) for h in profile.skills
                   for m in h.mentions)  # fmt: skip
    assert found == mentions


def test_a_missing_resume_fails_before_the_pipeline_is_built(
    tiny_scanner: Scanner, posting: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.pdf"
    with pytest.raises(InputError) as info:
        tiny_scanner.scan(missing, posting)
    assert str(info.value) == f"{missing}: no such file"
    assert tiny_scanner._extractor is None


def test_the_extractor_is_built_once(tiny_scanner: Scanner, posting: Path) -> None:
    tiny_scanner.prepare(posting)
    first = tiny_scanner._extractor
    assert first is not None
    assert tiny_scanner.extractor is first


def test_the_package_exports_the_library_names() -> None:
    import gapscan
    from gapscan.errors import GapscanError
    from gapscan.records import GapReport
    from gapscan.scanner import Scanner as Defined
    from gapscan.taxonomy import load_taxonomy

    assert sorted(gapscan.__all__) == [
        "GapReport", "GapscanError", "Scanner", "__version__", "load_taxonomy"
    ]  # fmt: skip
    from gapscan import GapReport as G
    from gapscan import GapscanError as E
    from gapscan import Scanner as S
    from gapscan import load_taxonomy as L

    assert (Defined, load_taxonomy, GapReport, GapscanError) == (S, L, G, E)
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = gapscan.Nope  # type: ignore[attr-defined]

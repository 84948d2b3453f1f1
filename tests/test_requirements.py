from __future__ import annotations

from pathlib import Path

import pytest

from gapscan.profiles import posting_requirements, role_requirements
from gapscan.read.document import read_document
from gapscan.records import Requirement
from gapscan.skills.extractor import SkillExtractor
from gapscan.taxonomy import Role


def requirements(
    extractor: SkillExtractor, tmp_path: Path, text: str
) -> list[tuple[tuple[str, ...], str]]:
    path = tmp_path / "posting.txt"
    path.write_text(text)
    profile = extractor.extract(read_document(path, posting=True), posting=True)
    return [(r.skills, r.importance) for r in posting_requirements(profile)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "- Experience with Go, C, or Kubernetes",
            [(("c-language", "go-language", "kubernetes"), "required")],
        ),
        ("- A framework such as Go and Kubernetes", [(("go-language", "kubernetes"), "required")]),
        ("- Go/Kubernetes", [(("go-language", "kubernetes"), "required")]),
        ("- Go and Kubernetes", [(("go-language",), "required"), (("kubernetes",), "required")]),
        ("- Go or Kubernetes\n- Kubernetes", [(("kubernetes",), "required")]),
        ("- Go or Kubernetes is a plus", [(("go-language", "kubernetes"), "preferred")]),
        ("- Go\n- Kubernetes", [(("go-language",), "required"), (("kubernetes",), "required")]),
    ],
    ids=["or-list", "such-as", "slash", "and", "single-covers-group", "preferred-group", "lines"],
)
def test_alternatives(
    tiny_extractor: SkillExtractor, tmp_path: Path, body: str, expected: list[object]
) -> None:
    assert requirements(tiny_extractor, tmp_path, f"Engineer\nRequirements\n{body}\n") == expected


def test_required_beats_preferred(tiny_extractor: SkillExtractor, tmp_path: Path) -> None:
    text = "Engineer\nRequirements\n- Kubernetes\nNice to have\n- Kubernetes, Go\n"
    assert requirements(tiny_extractor, tmp_path, text) == [
        (("kubernetes",), "required"),
        (("go-language",), "preferred"),
    ]


def test_role_requirements() -> None:
    role = Role("r", "R", required=("b", "a"), preferred=("c",))
    assert role_requirements(role) == (
        Requirement(("a",), "required"),
        Requirement(("b",), "required"),
        Requirement(("c",), "preferred"),
    )

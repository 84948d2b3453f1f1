"""Reports on one posting share its posting part; the bytes never depend on that sharing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gapscan.gap import assess
from gapscan.profiles import posting_requirements
from gapscan.report.serialize import compact_bytes, report_dict
from gapscan.scanner import Scanner
from gapscan.taxonomy import Taxonomy

POSTING = "Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n"
RESUMES = ("Ada\nSkills\nGolang, Kubernetes, ML\n", "Bo\nSkills\nC, deep neural networks\n")


def plain(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def reports(tiny: Taxonomy, tmp_path: Path, posting_text: str) -> list[dict[str, Any]]:
    """Each resume against one posting profile, as a batch does."""
    scanner = Scanner(tiny)
    (tmp_path / "posting.txt").write_text(posting_text, encoding="utf-8")
    doc = scanner.read(tmp_path / "posting.txt", posting=True)
    posting = scanner.extractor.extract(doc, posting=True)
    requirements = posting_requirements(posting)
    out = []
    for i, text in enumerate(RESUMES):
        (tmp_path / f"r{i}.txt").write_text(text, encoding="utf-8")
        resume = scanner.extractor.extract(scanner.read(tmp_path / f"r{i}.txt", posting=False))
        report = assess(resume, posting, requirements, tiny, doc.source)
        out.append(report_dict(report, tiny))
    return out


def test_compact_bytes_equal_plain_json_with_a_shared_posting(
    tiny: Taxonomy, tmp_path: Path
) -> None:
    first, second = reports(tiny, tmp_path, POSTING)
    assert first["posting"] is second["posting"]  # built once for the posting
    assert compact_bytes(first).decode() == plain(first)
    assert compact_bytes(second).decode() == plain(second)
    assert json.loads(compact_bytes(second).decode())["posting"]["requirements"] == [
        {"skills": ["c-language", "go-language"], "importance": "required"},
        {"skills": ["kubernetes"], "importance": "required"},
        {"skills": ["machine-learning"], "importance": "preferred"},
    ]


def test_a_report_on_an_earlier_posting_still_encodes_its_own(
    tiny: Taxonomy, tmp_path: Path
) -> None:
    old = reports(tiny, tmp_path, POSTING)[0]
    other = POSTING.replace("- Kubernetes\n", "")
    new = reports(tiny, tmp_path, other)[0]
    assert compact_bytes(old).decode() == plain(old)
    assert compact_bytes(new).decode() == plain(new)
    assert "kubernetes" in compact_bytes(old).decode()
    assert len(json.loads(compact_bytes(new).decode())["posting"]["requirements"]) == 2


def test_changing_a_report_after_encoding_changes_its_bytes(tiny: Taxonomy, tmp_path: Path) -> None:
    first, _ = reports(tiny, tmp_path, POSTING)
    before = compact_bytes(first).decode()
    changed = {**first, "posting": {**first["posting"], "label": "renamed"}}
    assert compact_bytes(changed).decode() == plain(changed) != before


def test_compact_bytes_equal_plain_json_for_odd_values() -> None:
    """The values a report can hold: control characters, any script, emoji, scores, nulls."""
    data: dict[str, Any] = {
        "text": 'tab\there "quoted" back\\slash \x00\x1f\x7f \u2028\u2029 é 中文 😀 </script>',
        "numbers": [0, -1, 10**15, 0.0, 0.0001, 0.5, 2.0, 33.3, 99.9, 100.0, 0.8493, 1 / 3],
        "flags": [True, False, None],
        "nested": {"empty": {}, "list": [], "keys": {"b": 1, "a": 2}},
    }
    assert compact_bytes(data).decode() == plain(data)

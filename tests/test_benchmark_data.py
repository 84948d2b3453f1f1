"""The benchmark corpus is well-formed and the accuracy script's scoring is right."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gapscan.skills.roles import ROLES
from gapscan.taxonomy import load_taxonomy

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
GOLD = json.loads((BENCH / "data" / "gold.json").read_text(encoding="utf-8"))
DOCS = GOLD["documents"]
SKILLS = {s.id: s for s in load_taxonomy().skills}


def load_script(name: str) -> ModuleType:
    """Import a benchmark script by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


acc = load_script("accuracy")


def test_corpus_size() -> None:
    kinds = [entry["kind"] for entry in DOCS.values()]
    assert kinds.count("resume") >= 30 and kinds.count("posting") >= 30


@pytest.mark.parametrize("name", sorted(DOCS), ids=lambda n: Path(n).stem)
def test_document_has_valid_gold(name: str) -> None:
    entry = DOCS[name]
    path = BENCH / "data" / name
    words = len(path.read_text(encoding="utf-8").split())
    assert 150 <= words <= 500, f"{name}: {words} words"
    assert entry["skills"], f"{name}: no gold"
    assert set(entry["skills"]) <= set(SKILLS), set(entry["skills"]) - set(SKILLS)
    if entry["kind"] == "posting":
        assert set(entry["skills"].values()) <= {"required", "preferred"}
    else:
        assert entry["kind"] == "resume" and isinstance(entry["skills"], list)


def test_every_corpus_file_has_gold() -> None:
    files = {str(p.relative_to(BENCH / "data")) for p in (BENCH / "data").glob("*/*.txt")}
    assert files == set(DOCS)


def test_pdfs_have_a_text_source_and_two_columns_exist() -> None:
    pdfs = sorted((BENCH / "data" / "resumes" / "pdf").glob("*.pdf"))
    assert len(pdfs) >= 8
    assert all(f"resumes/{p.stem}.txt" in DOCS for p in pdfs)
    module = load_script("make_corpus_pdfs")
    assert list(module.LAYOUTS.values()).count("two-column") >= 3
    assert {f"{n}.pdf" for n in module.LAYOUTS} == {p.name for p in pdfs}


def test_set_scoring_on_a_tiny_example() -> None:
    tp, fp, fn = acc.set_counts({"python", "sql", "docker"}, {"python", "sql", "go-language"})
    assert (tp, fp, fn) == (2, 1, 1)
    p, r, f = acc.prf(tp, fp, fn)
    assert (round(p, 4), round(r, 4), round(f, 4)) == (0.6667, 0.6667, 0.6667)
    assert acc.prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert acc.prf(3, 1, 0) == (0.75, 1.0, pytest.approx(6 / 7))


def test_importance_accuracy_counts_only_found_gold_skills() -> None:
    gold = {"python": "required", "rust": "preferred", "sql": "required"}
    found = {"python": "required", "rust": "required", "docker": "required"}
    assert acc.importance_accuracy(gold, found) == (1, 2)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(0, 3, False), (3, 5, True), (9, 12, True), (10, 12, False)],
    ids=["before", "left-edge", "right-edge", "after"],
)
def test_overlaps(start: int, end: int, expected: bool) -> None:
    assert acc.overlaps(start, end, [(4, 10)]) is expected


def test_jaccard_and_groups() -> None:
    assert acc.jaccard({"a", "b"}, {"b", "c"}) == pytest.approx(1 / 3)
    assert acc.jaccard(set(), set()) == 1.0
    assert [acc.group_of(t) for t in ("technical", "soft", "certification", "education")] == [
        "technical",
        "soft",
        "cert/edu",
        "cert/edu",
    ]


@pytest.mark.parametrize(
    ("text", "form", "exact", "hit"),
    [
        ("Experience with Go and Rust", "Go", True, True),
        ("we go to market", "Go", True, False),
        ("build data pipelines daily", "data pipeline", False, True),
        ("machine-learning models", "machine learning", False, True),
        ("Series C", "C++", False, False),
    ],
    ids=["exact-go", "verb-go", "plural", "hyphen", "c-not-cpp"],
)
def test_surface_forms(text: str, form: str, exact: bool, hit: bool) -> None:
    pattern: re.Pattern[str] = acc.form_pattern(acc.Form("x", form, exact))
    assert bool(pattern.search(text)) is hit


def test_first_line_end() -> None:
    assert acc.first_line_end("Title\nbody") == 5
    assert acc.first_line_end("only") == 4


def test_sentence_roles_are_whole() -> None:
    """Every sentence label is a role and still holds its text; the development and held-out
    parts share no document."""
    rows = [
        json.loads(line)
        for line in (BENCH / "data" / "sentence_roles.jsonl").read_text().splitlines()
    ]
    assert {r["role"] for r in rows} <= set(ROLES)
    parts: dict[str, set[str]] = {r["split"]: set() for r in rows}
    for r in rows:
        parts[r["split"]].add(r["doc"])
        assert (BENCH.parent / r["doc"]).read_text(encoding="utf-8")[r["start"] : r["end"]] == r[
            "text"
        ]
    assert set(parts) == {"development", "held-out"}
    assert not parts["development"] & parts["held-out"]


def test_competency_sentences_name_taxonomy_skills() -> None:
    """benchmarks/competencies.py: every line is a set, skill ids the taxonomy knows and a
    sentence; the ten competencies of issue 11 are all there."""
    ids = {s.id for s in load_taxonomy().skills}
    lines = (BENCH / "data" / "competencies" / "sentences.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in lines.splitlines() if not line.startswith("#")]
    assert all(len(row) == 3 and row[0] in set("12345678") and row[2] for row in rows)
    assert {s for row in rows for s in row[1].split("|")} <= ids
    assert len({row[1].split("|")[0] for row in rows}) == 10


def test_blind_sets_are_complete_and_name_taxonomy_skills() -> None:
    """benchmarks/data/blind/set*/ and held-out-set*/: every document has gold, every gold
    document exists, every id is a taxonomy skill, and postings give a level per skill."""
    ids = {s.id for s in load_taxonomy().skills}
    blind = BENCH / "data" / "blind"
    sets = sorted([*blind.glob("set*"), *blind.glob("held-out-set*")])
    assert len(sets) >= 5
    for folder in sets:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["documents"]
        files = {str(p.relative_to(folder)) for p in folder.glob("*/*.txt")}
        assert files == set(gold) and files
        for name, entry in gold.items():
            assert entry["kind"] == ("posting" if name.startswith("postings/") else "resume")
            assert set(entry["skills"]) <= ids, name
            if entry["kind"] == "posting":
                assert set(entry["skills"].values()) <= {"required", "preferred"}

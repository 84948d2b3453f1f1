from __future__ import annotations

from pathlib import Path

import pytest

from gapscan.errors import ModelError
from gapscan.read.document import read_document
from gapscan.records import SkillProfile
from gapscan.skills.cache import cache_key, load_or_build
from gapscan.skills.extractor import SkillExtractor
from gapscan.taxonomy import Taxonomy, load_taxonomy


def extract(
    extractor: SkillExtractor, tmp_path: Path, text: str, posting: bool = False
) -> SkillProfile:
    path = tmp_path / "doc.txt"
    path.write_text(text)
    return extractor.extract(read_document(path, posting=posting), posting=posting)


def test_mentions_carry_offsets_section_and_method(
    tiny_extractor: SkillExtractor, tmp_path: Path
) -> None:
    text = "Jane\nSkills\nMachine-learning, deep neural network design, K8S\n"
    profile = extract(tiny_extractor, tmp_path, text)
    got = {
        (m.skill_id, m.text, m.section, m.method) for hit in profile.skills for m in hit.mentions
    }
    assert got == {
        ("machine-learning", "Machine-learning", "skills", "ruler"),
        ("deep-neural-networks", "deep neural network", "skills", "tfidf"),
        ("kubernetes", "K8S", "skills", "ruler"),
    }
    for hit in profile.skills:
        for m in hit.mentions:
            assert text[m.start : m.end] == m.text
            assert m.page is None  # a text file has no pages


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We are a Series C company.", set()),
        ("Our go-to-market team.", set()),
        ("Go to the office.", set()),
        ("We write Go and C daily.", {"go-language", "c-language"}),
        ("C-level executives", set()),
        ("golang services", {"go-language"}),
    ],
    ids=["series-c", "go-to-market", "go-to", "go-and-c", "c-level", "golang"],
)
def test_ambiguous_short_names(
    tiny_extractor: SkillExtractor, tmp_path: Path, text: str, found: set[str]
) -> None:
    assert set(extract(tiny_extractor, tmp_path, text).counted_ids()) == found


def test_posting_context(tiny_extractor: SkillExtractor, tmp_path: Path) -> None:
    text = (
        "ML Engineer\nAbout us\nWe run on Kubernetes.\nRequirements\n"
        "- Machine learning\n- No Kubernetes experience needed\n- Golang is a plus\n"
    )
    profile = extract(tiny_extractor, tmp_path, text, posting=True)
    reasons = {
        (m.skill_id, m.section, m.reason, m.importance)
        for hit in profile.skills
        for m in hit.mentions
    }
    assert reasons == {
        ("machine-learning", "title", "in the job title", None),
        ("kubernetes", "about", "in the company description", None),
        ("machine-learning", "requirements", None, "required"),
        ("kubernetes", "requirements", "negated", None),
        ("go-language", "requirements", None, "preferred"),
    }
    assert profile.counted_ids() == {"machine-learning", "go-language"}


def test_save_and_load_round_trip(
    tiny: Taxonomy, tiny_extractor: SkillExtractor, tmp_path: Path
) -> None:
    tiny_extractor.save(tmp_path / "model")
    loaded = SkillExtractor.load(tmp_path / "model", tiny)
    text = "Skills: Go, machine learnin, Kubernetes\n"
    assert extract(loaded, tmp_path, text) == extract(tiny_extractor, tmp_path, text)


def test_load_refuses_another_taxonomy(tiny_extractor: SkillExtractor, tmp_path: Path) -> None:
    tiny_extractor.save(tmp_path / "model")
    with pytest.raises(ModelError, match="built from another taxonomy"):
        SkillExtractor.load(tmp_path / "model", load_taxonomy())


def test_load_refuses_a_folder_that_is_no_model(tiny: Taxonomy, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a gapscan model folder"):
        SkillExtractor.load(tmp_path, tiny)


def test_cache_builds_once_then_loads(tiny: Taxonomy, tmp_path: Path) -> None:
    first = load_or_build(tiny, tmp_path)
    entry = tmp_path / cache_key(tiny)
    assert (entry / "meta.json").is_file()
    assert [p.name for p in tmp_path.iterdir()] == [entry.name]  # no temporary folder left
    (entry / "marker").write_text("x")
    second = load_or_build(tiny, tmp_path)
    assert (entry / "marker").exists()  # loaded, not rebuilt
    text = "Skills: Go, machine learnin, Kubernetes\n"
    assert extract(second, tmp_path, text) == extract(first, tmp_path, text)


def test_damaged_cache_entry_is_rebuilt(tiny: Taxonomy, tmp_path: Path) -> None:
    load_or_build(tiny, tmp_path)
    entry = tmp_path / cache_key(tiny)
    (entry / "matcher" / "matcher.json").write_text("{broken")
    extractor = load_or_build(tiny, tmp_path)
    assert extract(extractor, tmp_path, "Golang\n").counted_ids() == {"go-language"}
    assert (entry / "matcher" / "matcher.json").read_text().startswith('{"params"')


def test_cache_key_follows_the_taxonomy(tiny: Taxonomy) -> None:
    assert cache_key(tiny) != cache_key(load_taxonomy())
    assert cache_key(tiny).startswith("tiny-")


def test_memory_zone_keeps_the_string_store_flat(tiny: Taxonomy, tmp_path: Path) -> None:
    extractor = SkillExtractor.build(tiny)
    strings = extractor.nlp.vocab.strings
    before = len(strings)
    with extractor.memory_zone():
        profile = extract(extractor, tmp_path, "Skills: Golang, zqxvw-unseen-token 98765\n")
    assert profile.counted_ids() == {"go-language"}  # results outlive the zone
    assert len(strings) == before


def test_warming_up_changes_no_result(tiny: Taxonomy, tmp_path: Path) -> None:
    """Batch contexts warm the extractor before forking; results must not depend on it."""
    text = "Jane\nSkills\nMachine learnin, deep neural network design, K8S, Golang\n"
    cold = extract(SkillExtractor.build(tiny), tmp_path, text)
    warmed = SkillExtractor.build(tiny)
    warmed.warm()
    assert extract(warmed, tmp_path, text) == cold
    assert {m.method for hit in cold.skills for m in hit.mentions} == {"ruler", "tfidf"}

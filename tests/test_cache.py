"""gapscan.skills.cache: where the pipeline cache lives, its key, and build-once-then-load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gapscan.skills.cache import cache_key, default_cache_dir, load_or_build
from gapscan.skills.extractor import SkillExtractor
from gapscan.taxonomy import Taxonomy, parse_taxonomy


def variant(tiny_path: Path, old: str, new: str) -> Taxonomy:
    text = tiny_path.read_text(encoding="utf-8")
    assert old in text
    return parse_taxonomy(text.replace(old, new, 1).encode(), "variant.toml")


def test_the_key_follows_the_taxonomy_content(tiny: Taxonomy, tiny_path: Path) -> None:
    same = parse_taxonomy(tiny_path.read_bytes(), "elsewhere.toml")
    assert cache_key(same) == cache_key(tiny)  # the content, not the path
    more_aliases = variant(tiny_path, 'aliases = ["k8s"]', 'aliases = ["k8s", "kube"]')
    assert cache_key(more_aliases) != cache_key(tiny)
    assert cache_key(more_aliases).startswith("tiny-")
    spaced = variant(tiny_path, "format = 1\n", "format = 1\n\n")  # same data, other bytes
    assert cache_key(spaced) != cache_key(tiny)


def test_the_key_is_a_folder_name(tiny: Taxonomy) -> None:
    key = cache_key(tiny)
    name, digest = key.split("-", 1)
    assert name == "tiny"
    assert re.fullmatch(r"[0-9a-f]{20}", digest)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"GAPSCAN_NO_CACHE": "1", "GAPSCAN_CACHE_DIR": "/c"}, None),
        ({"GAPSCAN_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x"}, Path("/c")),
        ({"XDG_CACHE_HOME": "/x"}, Path("/x/gapscan")),
        ({}, Path("/home/u/.cache/gapscan")),
    ],
    ids=["no-cache", "cache-dir", "xdg", "home"],
)
def test_default_cache_dir(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: Path | None
) -> None:
    for name in ("GAPSCAN_NO_CACHE", "GAPSCAN_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("HOME", "/home/u")
    assert default_cache_dir() == expected


def test_builds_once_then_loads(
    tiny: Taxonomy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = load_or_build(tiny, tmp_path)
    assert sorted(p.name for p in (tmp_path / cache_key(tiny)).iterdir()) == [
        "matcher", "meta.json", "nlp",
    ]  # fmt: skip

    def no_build(taxonomy: Taxonomy) -> SkillExtractor:
        raise AssertionError("built again")

    monkeypatch.setattr(SkillExtractor, "build", no_build)  # what load_or_build calls
    loaded = load_or_build(tiny, tmp_path)
    assert loaded is not built
    assert loaded.taxonomy == tiny
    assert loaded._ruler.patterns == built._ruler.patterns


def test_no_root_builds_without_writing(
    tiny: Taxonomy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert isinstance(load_or_build(tiny, None), SkillExtractor)
    assert list(tmp_path.iterdir()) == []


def test_a_root_that_cannot_be_written_still_builds(tiny: Taxonomy, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder")
    extractor = load_or_build(tiny, blocker)
    assert isinstance(extractor, SkillExtractor)
    assert blocker.read_text() == "a file, not a folder"

"""Shared fixtures: a tiny taxonomy for fast unit tests, the packaged one for end-to-end tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapscan.api import Scanner
from gapscan.pipeline import SkillExtractor
from gapscan.taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def tiny_path() -> Path:
    return DATA / "tiny.toml"


@pytest.fixture(scope="session")
def tiny(tiny_path: Path) -> Taxonomy:
    return load_taxonomy(tiny_path)


@pytest.fixture(scope="session")
def tiny_extractor(tiny: Taxonomy) -> SkillExtractor:
    return SkillExtractor.build(tiny)


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="session")
def scanner(taxonomy: Taxonomy) -> Scanner:
    return Scanner(taxonomy)


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES

"""Shared fixtures: a tiny taxonomy for fast unit tests, the packaged one for end-to-end tests."""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from gapscan.limits import DEFAULT_LIMITS, Limits
from gapscan.report import schema as document_schema
from gapscan.report import serialize
from gapscan.scanner import Scanner
from gapscan.skills.extractor import SkillExtractor
from gapscan.taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the pipeline cache of the test run out of the user's home."""
    os.environ["GAPSCAN_CACHE_DIR"] = str(tmp_path_factory.mktemp("gapscan-cache"))


@pytest.fixture(params=[0o022, 0o077], ids=["umask-022", "umask-077"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The process's umask set to each value in turn (outputs must follow it)."""
    old = os.umask(request.param)
    try:
        yield int(request.param)
    finally:
        os.umask(old)


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


def _schema_checked(build: Callable[..., Any], name: str) -> Callable[..., Any]:
    def checked(*args: Any, **kwargs: Any) -> Any:
        data = build(*args, **kwargs)
        problems = document_schema.problems(data, name)
        assert not problems, f"{build.__name__} breaks the {name} schema: {problems[:5]}"
        return data

    return checked


@pytest.fixture(autouse=True)
def _documents_match_their_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every report and extract dict any test builds must match its packaged JSON Schema."""
    for attr, name in (("report_dict", "report"), ("profile_dict", "extract")):
        original = getattr(serialize, attr)
        checked = _schema_checked(original, name)
        for module in list(sys.modules.values()):  # modules that imported the name directly
            ours = getattr(module, "__name__", "").startswith("gapscan")
            if ours and getattr(module, attr, None) is original:
                monkeypatch.setattr(module, attr, checked)


@pytest.fixture()
def shared_cli_scanner(scanner: Scanner, monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI runs with the packaged taxonomy reuse the session's scanner instead of building one."""
    import gapscan.cli

    build = gapscan.cli._load
    _ = scanner.extractor  # built once, before the copies share it

    def load(
        taxonomy_path: Path | None,
        model: Path | None = None,
        limits: Limits = DEFAULT_LIMITS,
        as_of: datetime | None = None,
    ) -> Scanner:
        if taxonomy_path is not None or model is not None:
            return build(taxonomy_path, model, limits, as_of)
        reused = copy.copy(scanner)  # the same pipeline, with this command's limits and date
        reused.limits = limits
        reused.as_of = as_of.date() if as_of else date.today()
        return reused

    monkeypatch.setattr(gapscan.cli, "_load", load)

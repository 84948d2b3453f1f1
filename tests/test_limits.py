"""gapscan.limits: the defaults the README documents, in the units the options use."""

from __future__ import annotations

import dataclasses
import json
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run

from gapscan import limits
from gapscan.limits import DEFAULT_LIMITS, MAX_CHARS, Limits, lower_of


def test_module_defaults_match_the_readme() -> None:
    assert limits.MAX_BYTES == 20 * 1_000_000  # --max-mb 20: decimal megabytes
    assert limits.MAX_PAGES == 50
    assert limits.MAX_CHARS == 2_000_000
    assert limits.TIMEOUT == 60.0  # seconds


def test_default_limits_take_the_module_defaults_and_no_timeout() -> None:
    assert Limits() == DEFAULT_LIMITS
    assert dataclasses.astuple(DEFAULT_LIMITS) == (20_000_000, 50, 2_000_000, None)


def test_limits_are_frozen_and_replaced_field_by_field() -> None:
    tight = dataclasses.replace(DEFAULT_LIMITS, max_pages=3, timeout=1.5)
    assert (tight.max_bytes, tight.max_pages, tight.max_chars, tight.timeout) == (
        20_000_000, 3, 2_000_000, 1.5,
    )  # fmt: skip
    with pytest.raises(dataclasses.FrozenInstanceError):
        tight.max_pages = 4  # type: ignore[misc]


def test_limits_are_hashable_for_batch_contexts() -> None:
    assert hash(Limits(max_bytes=5)) == hash(Limits(max_bytes=5))
    assert Limits(max_bytes=5) != DEFAULT_LIMITS


INF = resource.RLIM_INFINITY


def test_text_between_spacys_limit_and_ours_is_read(tmp_path: Path, tiny_path: Path) -> None:
    line = "Built services in Go on Kubernetes for the platform team.\n"
    path = tmp_path / "long.txt"
    path.write_text("Skills\n" + line * (1_500_000 // len(line)), encoding="utf-8")
    assert 1_000_000 < path.stat().st_size < MAX_CHARS  # spaCy's default max_length is 1e6
    code, out, err = run("extract", path, "--taxonomy", tiny_path, "--format", "json")
    assert (code, err) == (0, "")
    found = {s["id"]: len(s["mentions"]) for s in json.loads(out)["skills"]}
    assert found == {"go-language": 1_500_000 // len(line), "kubernetes": 1_500_000 // len(line)}


CAP = 2_000_000_000  # bytes: under the 2 GiB the PDF reader's child asks for (issue 15)


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def run_capped(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The CLI in a process whose address space the user capped below 2 GiB (prlimit --as)."""
    code = "from gapscan.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_capped,
    )


def test_a_lower_memory_limit_is_kept_not_raised(
    tmp_path: Path, tiny_path: Path, samples: Path
) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text("Go Developer\nRequirements\n- Go\n- Kubernetes\n", encoding="utf-8")
    resume = samples / "resumes" / "alex-rivera.pdf"
    done = run_capped(resume, posting, "--taxonomy", tiny_path, "--format", "json")
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["status"] == "assessed"
    folder = tmp_path / "resumes"
    folder.mkdir()
    shutil.copy(resume, folder / "alex.pdf")
    out = tmp_path / "reports"
    done = run_capped("batch", folder, posting, "-o", out, "--taxonomy", tiny_path, "-q")
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    ("wanted", "soft", "hard", "cap"),
    [
        (2048, INF, INF, 2048),
        (2048, 1900, INF, 1900),  # the user's soft limit stays
        (2048, 1900, 2100, 1900),  # never raised towards the hard limit
        (2048, INF, 2000, 2000),
        (1024, 1900, 2100, 1024),
    ],
)
def test_a_cap_only_lowers(wanted: int, soft: int, hard: int, cap: int) -> None:
    assert lower_of(wanted, soft, hard) == cap

"""The limits of README "Limits" hold end to end: what is under a limit is read, never a
traceback from a library's own, lower limit."""

from __future__ import annotations

import json
from pathlib import Path

from cli_run import run

from gapscan.limits import MAX_CHARS


def test_text_between_spacys_limit_and_ours_is_read(tmp_path: Path, tiny_path: Path) -> None:
    line = "Built services in Go on Kubernetes for the platform team.\n"
    path = tmp_path / "long.txt"
    path.write_text("Skills\n" + line * (1_500_000 // len(line)), encoding="utf-8")
    assert 1_000_000 < path.stat().st_size < MAX_CHARS  # spaCy's default max_length is 1e6
    code, out, err = run("extract", path, "--taxonomy", tiny_path, "--format", "json")
    assert (code, err) == (0, "")
    found = {s["id"]: len(s["mentions"]) for s in json.loads(out)["skills"]}
    assert found == {"go-language": 1_500_000 // len(line), "kubernetes": 1_500_000 // len(line)}

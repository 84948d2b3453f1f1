"""Every output gapscan gives on the project's own documents, digested: proof that a refactor
changed nothing a user sees.

Runs the command line in this process (click's test runner) over the samples, the annotated
corpus in benchmarks/data and the hostile corpus of tests/make_hostile.py: scans (text, JSON,
redacted, against a role), extracts in every format, error cases, and one batch whose every
output file is digested. Each case's exit code, stdout and stderr are hashed.

    python benchmarks/same_output.py --save before.json      # on the old tree
    python benchmarks/same_output.py --compare before.json   # on the new one: exit 1 on a change

Only the command line is used, so the script runs unchanged on both sides of a restructuring.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = ROOT / "benchmarks" / "data"
sys.path.insert(0, str(ROOT / "tests"))

Case = tuple[str, list[str]]


def documents() -> tuple[list[Path], list[Path]]:
    """The project's resumes and postings, relative to the root (the working directory), so
    that no output depends on where the tree is checked out."""
    samples, data = SAMPLES.relative_to(ROOT), DATA.relative_to(ROOT)
    resumes = sorted((samples / "resumes").iterdir()) + sorted((data / "resumes").glob("*.txt"))
    resumes += sorted((data / "resumes" / "pdf").glob("*.pdf"))
    postings = sorted((samples / "postings").iterdir()) + sorted((data / "postings").iterdir())
    return resumes, postings


def cases(hostile: Path, scratch: Path) -> Iterator[Case]:
    """Every command line to run, named by what it covers (paths relative to the root)."""
    resumes, postings = documents()
    samples = postings[:3]
    for resume in resumes:
        for posting in samples:
            for fmt in ("json", "text"):
                yield f"scan {fmt} {_rel(resume)} {_rel(posting)}", [
                    str(resume), str(posting), "--format", fmt
                ]
        yield f"scan role {_rel(resume)}", [str(resume), "--format", "json"]
        yield f"scan redact {_rel(resume)}", [
            str(resume), str(samples[0]), "--format", "json", "--redact"
        ]
    first = resumes[0]
    for posting in postings:
        yield f"scan posting {_rel(posting)}", [str(first), str(posting), "--format", "json"]
    for doc in [*resumes, *postings]:
        for fmt in ("json", "text", "definedterms"):
            yield f"extract {fmt} {_rel(doc)}", ["extract", str(doc), "--format", fmt]
    for resume in resumes:
        yield f"extract jsonresume {_rel(resume)}", [
            "extract", str(resume), "--format", "jsonresume", "--kind", "resume", "--redact"
        ]
    for path in sorted(hostile.rglob("*")):
        if path.is_file() or not path.exists():
            name = os.fsencode(path.relative_to(hostile)).decode("utf-8", "backslashreplace")
            yield f"hostile scan {name}", [str(path), str(samples[0]), "--format", "json"]
            yield f"hostile extract {name}", ["extract", str(path), "--format", "json"]
    yield from errors(scratch, first, samples[0])
    for name in ("", "report", "extract", "batch-line", "batch-summary", "nope"):
        yield f"schema {name or '(list)'}", ["schema", *([name] if name else [])]
    yield "taxonomy check", ["taxonomy", "check"]
    yield "help", ["--help"]
    for command in ("scan", "extract", "batch", "schema", "taxonomy", "model"):
        yield f"help {command}", [command, "--help"]


def errors(scratch: Path, resume: Path, posting: Path) -> Iterator[Case]:
    bad = scratch / "bad.toml"
    bad.write_text('format = 1\n[taxonomy]\nname = "x"\n', encoding="utf-8")
    yield "error missing resume", [str(scratch / "missing.pdf"), str(posting)]
    yield "error missing posting", [str(resume), str(scratch / "missing.txt")]
    yield "error folder as resume", [str(scratch), str(posting)]
    yield "error unknown role", [str(resume), "--role", "nope"]
    yield "error bad taxonomy", [str(resume), str(posting), "--taxonomy", str(bad)]
    yield "error taxonomy check", ["taxonomy", "check", str(bad)]
    yield "error bad option", [str(resume), str(posting), "--format", "xml"]
    yield "error jsonresume of a posting", ["extract", str(posting), "--format", "jsonresume"]
    yield "error tiny size limit", [str(resume), str(posting), "--max-mb", "0.001"]
    yield "error batch no folder", ["batch", str(scratch / "nope"), str(posting)]
    yield "error bad model", [str(resume), str(posting), "--model", str(scratch)]


def _rel(path: Path) -> str:
    return str(path)


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def run(
    runner: CliRunner, args: list[str], scratch: Path, *, hostile: bool = False
) -> tuple[str, str]:
    """The case's digest and what it showed. The hostile corpus is generated afresh each run
    and its PDFs carry their creation time, so there its files' digests are masked."""
    from gapscan.cli import cli

    result = runner.invoke(cli, args, catch_exceptions=True)
    shown = result.stdout + "\n--stderr--\n" + result.stderr
    shown = shown.replace(str(ROOT), "<root>").replace(str(scratch), "<scratch>")
    if hostile:
        shown = re.sub(r"\b(sha256:)?[0-9a-f]{12}(?:[0-9a-f]{52})?\b", "<sha256>", shown)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        shown += f"\n--exception-- {type(result.exception).__name__}"
    return digest(str(result.exit_code), shown), f"exit {result.exit_code}\n{shown}"


def batch_case(runner: CliRunner, scratch: Path) -> dict[str, str]:
    """One batch over the corpus resumes, duplicates and a bad file included."""
    folder = scratch / "batch-in"
    folder.mkdir()
    resumes, _ = documents()
    for resume in resumes:
        (folder / resume.name).write_bytes(resume.read_bytes())
    (folder / "copy-of-first.txt").write_bytes(resumes[-1].read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    out = scratch / "batch-out"
    posting = SAMPLES.relative_to(ROOT) / "postings" / "ai-architect.txt"
    args = ["batch", str(folder), str(posting), "-o", str(out),
            "--workers", "2", "--quiet"]  # fmt: skip
    found = {"batch run": run(runner, args, scratch)[0]}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            text = path.read_bytes().replace(str(scratch).encode(), b"<scratch>")
            found[f"batch file {path.relative_to(out)}"] = digest(text)
    return found


def share_extractors() -> None:
    """Build each taxonomy's extractor once for all cases (the outputs do not depend on it).

    Patched where the running tree builds it, so the script runs on old and new layouts.
    """
    import importlib

    built: dict[str, Any] = {}
    for name in ("gapscan.skills.cache", "gapscan.cache", "gapscan.api"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        original = getattr(module, "load_or_build", None)
        if original is None:
            continue

        def shared(taxonomy: Any, root: Any, original: Any = original) -> Any:
            if taxonomy.sha256 not in built:
                built[taxonomy.sha256] = original(taxonomy, root)
            return built[taxonomy.sha256]

        module.load_or_build = shared  # type: ignore[attr-defined]


def collect(keep: Path | None) -> dict[str, str]:
    from make_hostile import make_corpus

    share_extractors()
    runner = CliRunner()
    found: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        hostile = make_corpus(scratch / "hostile")
        for name, args in cases(hostile, scratch):
            found[name], shown = run(runner, args, scratch, hostile=name.startswith("hostile"))
            if keep is not None:
                target = keep / (hashlib.sha256(name.encode()).hexdigest()[:16] + ".txt")
                target.write_text(f"{name}\n{shown}", encoding="utf-8", errors="surrogateescape")
        found.update(batch_case(runner, scratch))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path, help="write the digests to this file")
    parser.add_argument("--compare", type=Path, help="compare with digests saved earlier")
    parser.add_argument("--keep", type=Path, help="also write every case's output here")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("GAPSCAN_CACHE_DIR", tempfile.mkdtemp(prefix="gapscan-cache-"))
    os.chdir(ROOT)
    found = collect(args.keep)
    print(f"{len(found)} cases, digest {digest(*(f'{k}={v}' for k, v in sorted(found.items())))}")
    if args.save:
        args.save.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        changed = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
        for name in changed:
            print(f"  changed: {name}")
        print(f"{len(changed)} of {len(before)} cases differ")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Seeded mutation fuzzer of every input format gapscan reads, through its command line.

    python benchmarks/fuzz.py --seed 1 --count 200
    python benchmarks/fuzz.py --seed 1 --count 50 --formats pdf,docx --jobs 2
    python benchmarks/fuzz.py --replay 1:12 [--write case.html]

Input ``SEED:INDEX`` is a seed document of format ``FORMATS[INDEX % 5]`` with one to three
mutations, all drawn from an RNG seeded with the pair, so a replay rebuilds the same bytes
whatever ``--formats`` and ``--count`` were. Each input runs in a child process per command
(``gapscan extract FILE --format json``, ``gapscan FILE POSTING --format json``) under a
wall-clock limit and an address-space cap, and is classed ok, clean error, traceback, hang,
memory or malformed (a documented code without the promised one ``Error:`` line, an
undocumented code, or a report that is not JSON). Each new failure is shrunk and kept.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import os
import queue
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_forkserver import ForkServer, lower_address_space  # noqa: E402
from fuzz_mutations import BY_FORMAT  # noqa: E402
from fuzz_seeds import EXTENSIONS, SEEDS  # noqa: E402
from gapscan_cli import ROOT, SAMPLE_POSTING, gapscan_command  # noqa: E402

FORMATS = ("pdf", "docx", "html", "text", "json")
CLASSES = ("ok", "clean", "traceback", "hang", "memory", "malformed")
FAILURES = ("hang", "memory", "traceback", "malformed")  # worst first
DEFAULT_KEEP = Path(__file__).resolve().parent / "fuzz-findings"
_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line \d+,? in (?P<func>\S+)', re.M)
_EXCEPTION = re.compile(r"(?P<type>[A-Za-z_][\w.]*)(?::\s?(?P<message>.*))?$")
# The one line gapscan gives for a scan whose child process crashed, ran out of memory or
# raised an unexpected exception (gapscan.isolate): still findings, as tracebacks were.
_CRASHED = re.compile(r": the scan (?:crashed \((?P<how>[^)]*)\)|ran out of (?P<oom>memory))")
_BUG = re.compile(r": the scan failed \((?P<type>[\w.]+)(?::\s?(?P<message>.*))?\); a bug in")


# --- inputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One fuzz input: where it came from (for the report) and its bytes."""

    seed: int
    index: int
    format: str
    seed_doc: str
    mutations: tuple[str, ...]
    data: bytes

    @property
    def id(self) -> str:
        return f"{self.seed}:{self.index}"


@functools.cache
def seed_bytes(fmt: str, name: str) -> bytes:
    """A seed document's bytes, generated once per run."""
    return SEEDS[fmt][name]()


def make_case(seed: int, index: int) -> Case:
    """Rebuild input ``seed:index``: its format, seed document and mutations come from an RNG
    seeded with the pair (a string seed hashes the same in every Python process)."""
    rng = random.Random(f"gapscan-fuzz:{seed}:{index}")
    fmt = FORMATS[index % len(FORMATS)]
    seed_doc = rng.choice(sorted(SEEDS[fmt]))
    options = BY_FORMAT[fmt]
    chosen = rng.choices(options, weights=[m.weight for m in options], k=rng.choice((1, 1, 2, 3)))
    chosen.sort(key=lambda m: not m.rebuild)  # reparsing ones first, byte damage after
    data = seed_bytes(fmt, seed_doc)
    for mutation in chosen:
        data = mutation.apply(data, rng)
    return Case(seed, index, fmt, seed_doc, tuple(m.name for m in chosen), data)


def cases(seed: int, count: int, formats: tuple[str, ...]) -> Iterator[Case]:
    """The first ``count`` inputs of ``seed`` whose format is one of ``formats``."""
    index = made = 0
    while made < count:
        if FORMATS[index % len(FORMATS)] in formats:
            yield make_case(seed, index)
            made += 1
        index += 1


# --- running and classing ------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """How each child runs: limits, which commands, where inputs are written."""

    time_limit: float
    memory_mb: int
    commands: tuple[str, ...]
    workdir: Path
    posting: Path = SAMPLE_POSTING
    servers: queue.Queue[ForkServer] | None = None  # --fork-server: one per job
    gapscan_timeout: float | None = None  # --gapscan-timeout: gapscan's own --timeout


@dataclass(frozen=True)
class Outcome:
    """What one command did with one input, and its class."""

    command: str
    cls: str
    returncode: int | None
    stderr: str
    exc_type: str = ""
    message: str = ""
    frame: str = ""
    seconds: float = 0.0

    def key(self, fmt: str) -> tuple[str, str, str]:
        """Failures are the same when class, exception type and last frame agree; hangs and
        malformed outputs carry no frame, so the format and command stand in for it."""
        if self.frame:
            return (self.cls, self.exc_type, self.frame)
        return (self.cls, self.exc_type, f"{fmt}/{self.command}")


def gapscan_args(
    command: str, path: Path, posting: Path = SAMPLE_POSTING, timeout: float | None = None
) -> list[str]:
    """gapscan's arguments for ``command`` (extract, or scan with the file as resume), with
    its ``--timeout`` when one is given."""
    limit = [] if timeout is None else ["--timeout", f"{timeout:g}"]
    if command == "extract":
        return ["extract", str(path), "--format", "json", *limit]
    return [str(path), str(posting), "--format", "json", *limit]


def argv_for(command: str, path: Path, settings: Settings) -> list[str]:
    """The whole gapscan command line for ``command``."""
    return [
        *gapscan_command(),
        *gapscan_args(command, path, settings.posting, settings.gapscan_timeout),
    ]


def child_env() -> dict[str, str]:
    """The environment without gapscan's test hooks, with faulthandler on so that a crash
    in native code still names the Python frame it happened under."""
    env = {k: v for k, v in os.environ.items() if k != "GAPSCAN_TEST_HOOKS"}
    env["PYTHONFAULTHANDLER"] = "1"
    return env


def run_command(command: str, path: Path, settings: Settings) -> Outcome:
    """Run one command in its own session, kill the whole group at the limit, and class it."""
    start = time.monotonic()
    if settings.servers is not None:
        server = settings.servers.get()
        try:
            code, timed_out, out, err = server.run(
                gapscan_args(command, path, settings.posting, settings.gapscan_timeout),
                settings.workdir,
                settings.memory_mb,
                settings.time_limit,
            )
        finally:
            settings.servers.put(server)
        outcome = classify(command, code, out, err.decode("utf-8", "replace"), timed_out)
        return dataclasses.replace(outcome, seconds=time.monotonic() - start)
    proc = subprocess.Popen(
        argv_for(command, path, settings),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        preexec_fn=lower_address_space(settings.memory_mb),
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=settings.time_limit)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        timed_out = True
    stderr = err.decode("utf-8", "replace")
    outcome = classify(command, proc.returncode, out, stderr, timed_out)
    return dataclasses.replace(outcome, seconds=time.monotonic() - start)


def classify(command: str, code: int, out: bytes, stderr: str, timed_out: bool) -> Outcome:
    """The class of one run: see the module docstring and benchmarks/README.md."""
    if timed_out:
        return Outcome(command, "hang", None, stderr, "timeout")
    exc_type, message, frame = last_exception(stderr)
    last = stderr.strip().rpartition("\n")[2]
    crashed, bug = _CRASHED.search(last), _BUG.search(last)
    if crashed:
        name = "MemoryError" if crashed["oom"] else crashed["how"]
        return Outcome(command, "memory", code, stderr, name, last, frame)
    if "MemoryError" in stderr or code < 0:
        name = "MemoryError" if "MemoryError" in stderr else signal.Signals(-code).name
        return Outcome(command, "memory", code, stderr, name, message, frame)
    if bug:
        return Outcome(command, "traceback", code, stderr, bug["type"], bug["message"] or "")
    if "Traceback" in stderr or code == 1:
        return Outcome(command, "traceback", code, stderr, exc_type or "exit 1", message, frame)
    if code in (0, 3):
        try:
            json.loads(out)
        except ValueError as exc:
            return Outcome(command, "malformed", code, stderr, "report not JSON", str(exc))
        return Outcome(command, "ok", code, stderr)
    lines = stderr.strip().splitlines()
    if code in (2, 4, 5):
        if len(lines) == 1 and lines[0].startswith("Error: "):
            return Outcome(command, "clean", code, stderr, message=lines[0])
        return Outcome(command, "malformed", code, stderr, f"exit {code}, {len(lines)} lines")
    return Outcome(command, "malformed", code, stderr, f"exit {code}", " | ".join(lines[-2:]))


def last_exception(stderr: str) -> tuple[str, str, str]:
    """(exception type, message, last frame as ``file:function``) of the last traceback.

    Without a traceback, the frame comes from a faulthandler dump, which lists the most
    recent call first.
    """
    if "Traceback" not in stderr:
        frames = list(_FRAME.finditer(stderr))
        return "", "", f"{Path(frames[0]['file']).name}:{frames[0]['func']}" if frames else ""
    block = stderr[stderr.rfind("Traceback") :]
    frames = list(_FRAME.finditer(block))
    frame = f"{Path(frames[-1]['file']).name}:{frames[-1]['func']}" if frames else ""
    for line in block.splitlines()[1:]:
        match = _EXCEPTION.match(line)
        if line and not line[0].isspace() and match:
            return match["type"], (match["message"] or "")[:300], frame
    return "", "", frame


@dataclass
class Result:
    """Every command's outcome for one input."""

    case: Case
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def worst(self) -> Outcome:
        rank = {cls: i for i, cls in enumerate(("ok", "clean", *reversed(FAILURES)))}
        return max(self.outcomes, key=lambda o: rank[o.cls])


def write_input(data: bytes, fmt: str, settings: Settings, stem: str) -> Path:
    path = settings.workdir / f"{stem}{EXTENSIONS[fmt]}"
    path.write_bytes(data)
    return path


def evaluate(case: Case, settings: Settings) -> Result:
    """Run every command on one input, in a file of its own named after its index."""
    path = write_input(case.data, case.format, settings, f"case-{case.index}")
    try:
        return Result(case, [run_command(c, path, settings) for c in settings.commands])
    finally:
        path.unlink()


# --- shrinking and keeping -----------------------------------------------------------------


def shrink(case: Case, failure: Outcome, settings: Settings, tries: int) -> bytes:
    """Delta debugging, bounded to ``tries`` runs: remove halves, then quarters, ... of the
    input while the same failure (class, exception type, last frame) still happens."""
    data, chunk, used = case.data, len(case.data) // 2, 0
    target = failure.key(case.format)
    while chunk >= 1 and used < tries:
        start = 0
        while start < len(data) and used < tries:
            candidate = data[:start] + data[start + chunk :]
            used += 1
            path = write_input(candidate, case.format, settings, f"shrink-{case.index}")
            again = run_command(failure.command, path, settings)
            path.unlink()
            if candidate and again.key(case.format) == target:
                data = candidate
            else:
                start += chunk
        chunk //= 2
    return data


def own_frame(stderr: str) -> str:
    """The last traceback frame in gapscan's own code (``module.py:line:function``): where
    the failure escaped from, when the last frame is in the standard library or spaCy."""
    block = stderr[stderr.rfind("Traceback") :]
    own = re.findall(r'File "[^"]*/gapscan/(?:[^"]*/)?([^"/]+)", line (\d+),? in (\S+)', block)
    return ":".join(own[-1]) if own else "-"


def known_keys(keep: Path) -> set[str]:
    """The failure keys already kept in ``keep`` by earlier runs (their ``key:`` lines)."""
    keys = set()
    for note in keep.glob("*.note.txt"):
        for line in note.read_text(errors="replace").splitlines():
            if line.startswith("key: "):
                keys.add(line[5:])
    return keys


def keep_finding(case: Case, failure: Outcome, data: bytes, keep: Path, settings: Settings) -> Path:
    """Save the reproducer and a note beside it (``STEM.note.txt``): the command, exit
    code, last stderr lines."""
    keep.mkdir(parents=True, exist_ok=True)
    kind = f"{failure.cls}-{failure.exc_type or 'none'}-{case.format}-{failure.command}"
    stem = f"{kind}-{case.seed}_{case.index}"
    stem = re.sub(r"[^\w.-]", "_", stem)
    path = keep / f"{stem}{EXTENSIONS[case.format]}"
    path.write_bytes(data)
    tail = "\n".join(failure.stderr.strip().splitlines()[-15:])
    command = " ".join(argv_for(failure.command, path, settings))
    note = (
        f"replay: python benchmarks/fuzz.py --replay {case.id}\n"
        f"key: {json.dumps(failure.key(case.format))}\n"
        f"format: {case.format} (seed document {case.seed_doc})\n"
        f"mutations: {', '.join(case.mutations)}\n"
        f"size: {len(case.data)} bytes, kept {len(data)} after shrinking\n"
        f"command: {command}\n"
        f"class: {failure.cls}\nexit code: {failure.returncode}\n"
        f"exception: {failure.exc_type}: {failure.message}\nlast frame: {failure.frame}\n"
        f"last gapscan frame: {own_frame(failure.stderr)}\n"
        f"stderr (last lines):\n{tail}\n"
    )
    keep.joinpath(f"{stem}.note.txt").write_text(note)  # beside a text input, not over it
    return path


# --- the run -------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts per format and class, and the distinct failures with their first input."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    findings: dict[str, tuple[Case, Outcome]] = field(default_factory=dict)


def handle(
    result: Result, tally: Tally, known: set[str], args: argparse.Namespace, settings: Settings
) -> None:
    """Count one input, print its failures, and shrink and keep each failure not seen yet."""
    case = result.case
    tally.counts[(case.format, result.worst.cls)] += 1
    for outcome in result.outcomes:
        if outcome.cls not in FAILURES:
            continue
        key = json.dumps(outcome.key(case.format))
        first = key not in tally.findings
        print(
            f"{case.id:>9} {case.format:5} {outcome.command:7} {outcome.cls:9} "
            f"{outcome.exc_type}: {outcome.message[:90]}{'  [new]' if first else ''}"
        )
        if not first:
            continue
        tally.findings[key] = (case, outcome)
        if key in known or args.keep is None:
            continue
        tries = 0 if outcome.cls == "hang" else args.shrink_tries
        data = shrink(case, outcome, settings, tries)
        kept = keep_finding(case, outcome, data, args.keep, settings)
        print(f"{'':9} kept {kept} ({len(case.data)} -> {len(data)} bytes)")
        known.add(key)


def print_table(tally: Tally, formats: tuple[str, ...]) -> None:
    """Inputs per format and class (an input takes the worst class of its commands)."""
    print(f"\n{'format':8}" + "".join(f"{c:>10}" for c in CLASSES) + f"{'total':>10}")
    for fmt in (*formats, "total"):
        row = [
            sum(n for (f, c), n in tally.counts.items() if c == cls and fmt in (f, "total"))
            for cls in CLASSES
        ]
        print(f"{fmt:8}" + "".join(f"{n:>10}" for n in row) + f"{sum(row):>10}")


def print_progress(tally: Tally, done: int) -> None:
    """One line of running counts, so a long run's figures survive its end."""
    counts = Counter[str]()
    for (_, cls), n in tally.counts.items():
        counts[cls] += n
    print(f"{done:>9} inputs: " + ", ".join(f"{c} {counts[c]}" for c in CLASSES), flush=True)


def print_findings(tally: Tally) -> None:
    print(f"\n{len(tally.findings)} distinct failures")
    for case, outcome in tally.findings.values():
        print(
            f"  {outcome.cls} {case.format} {outcome.command}: {outcome.exc_type}: "
            f"{outcome.message[:120]}\n    at {outcome.frame or '-'}; replay {case.id} "
            f"({case.seed_doc} + {', '.join(case.mutations)})"
        )


def replay(args: argparse.Namespace, settings: Settings) -> None:
    """Rebuild one input, optionally write it out, run it and print each command's outcome."""
    seed, index = (int(part) for part in args.replay.split(":"))
    case = make_case(seed, index)
    print(
        f"{case.id}: {case.format}, {case.seed_doc} + {', '.join(case.mutations)}, "
        f"{len(case.data)} bytes"
    )
    if args.write:
        Path(args.write).write_bytes(case.data)
    for outcome in evaluate(case, settings).outcomes:
        print(
            f"\n{outcome.command}: {outcome.cls} (exit {outcome.returncode}, "
            f"{outcome.seconds:.1f} s) {outcome.exc_type} {outcome.frame}"
        )
        print("\n".join(outcome.stderr.strip().splitlines()[-15:]))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=100, help="inputs to run")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated")
    parser.add_argument("--commands", default="extract,scan", help="extract and/or scan")
    parser.add_argument("--jobs", type=int, default=1, help="inputs run at once")
    parser.add_argument(
        "--fork-server",
        action="store_true",
        help="import gapscan once per job and fork each command from it (much faster)",
    )
    parser.add_argument("--time-limit", type=float, default=90.0, help="seconds per command")
    parser.add_argument(
        "--gapscan-timeout",
        type=float,
        default=None,
        help="gapscan's own --timeout (default: its 60 s); with a --time-limit a few seconds "
        "above it, a run that outlives its own limit is a hang, and slow inputs cost less",
    )
    parser.add_argument("--memory-mb", type=int, default=3072, help="RLIMIT_AS of each child")
    parser.add_argument("--shrink-tries", type=int, default=40, help="runs per shrink")
    parser.add_argument(
        "--progress", type=int, default=0, metavar="N", help="print running counts every N inputs"
    )
    parser.add_argument("--keep", type=Path, default=DEFAULT_KEEP, help="where findings go")
    parser.add_argument("--no-keep", dest="keep", action="store_const", const=None)
    parser.add_argument("--replay", metavar="SEED:INDEX", help="rerun one input")
    parser.add_argument("--write", metavar="FILE", help="with --replay: save the input")
    args = parser.parse_args(argv)
    args.formats = tuple(f for f in args.formats.split(",") if f)
    args.commands = tuple(c for c in args.commands.split(",") if c)
    if not set(args.formats) <= set(FORMATS) or not set(args.commands) <= {"extract", "scan"}:
        parser.error(f"formats are {', '.join(FORMATS)}; commands extract and scan")
    return args


def bounded_map(settings: Settings, inputs: Iterator[Case], jobs: int) -> Iterator[Result]:
    """Evaluate inputs ``jobs`` at a time, in order, holding only a few inputs in memory
    (some are two million characters), unlike ``Executor.map`` which takes them all at once."""
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[Result]] = deque()
        for case in inputs:
            pending.append(pool.submit(evaluate, case, settings))
            if len(pending) > jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def run(args: argparse.Namespace, settings: Settings) -> Tally:
    """Run the inputs, handling each as it finishes; Ctrl-C stops early, keeping the tally."""
    tally, known = Tally(), known_keys(args.keep) if args.keep else set()
    try:
        inputs = cases(args.seed, args.count, args.formats)
        for done, result in enumerate(bounded_map(settings, inputs, args.jobs), 1):
            handle(result, tally, known, args, settings)
            if args.progress and done % args.progress == 0:
                print_progress(tally, done)
    except KeyboardInterrupt:
        print("\ninterrupted")
    return tally


def fork_servers(jobs: int) -> queue.Queue[ForkServer]:
    """One warmed-up fork server per job (see ``fuzz_forkserver``)."""
    resume = ROOT / "samples" / "resumes" / "alex-rivera.pdf"
    warm = [gapscan_args("extract", resume), gapscan_args("scan", resume)]
    servers: queue.Queue[ForkServer] = queue.Queue()
    for _ in range(jobs):
        servers.put(ForkServer(child_env(), warm))
    return servers


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    servers = fork_servers(args.jobs) if args.fork_server else None
    with tempfile.TemporaryDirectory(prefix="gapscan-fuzz-") as tmp:
        settings = Settings(
            args.time_limit,
            args.memory_mb,
            args.commands,
            Path(tmp),
            servers=servers,
            gapscan_timeout=args.gapscan_timeout,
        )
        try:
            if args.replay:
                replay(args, settings)
                return
            start = time.monotonic()
            tally = run(args, settings)
        finally:
            while servers is not None and not servers.empty():
                servers.get().close()
    print_table(tally, args.formats)
    print_findings(tally)
    done = sum(tally.counts.values())
    print(f"\n{done} inputs, seed {args.seed}, {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()

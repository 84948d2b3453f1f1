"""How much of a candidate's identity survives ``gapscan ... --redact`` (blind screening).

    python benchmarks/redaction.py                 # JSON and text reports
    python benchmarks/redaction.py --formats json

For every persona in ``data/personas/resumes/`` (and DOCX copies of a few, made at run time) it runs
``gapscan PERSONA samples/postings/ai-architect.txt --format F --redact`` and searches the
report for each personal detail in ``data/personas/gold.json``, in the forms a leak would
take: names case- and accent-insensitively, whole and each part of three letters or more;
phones as written, as digits only and without the country code; URLs without their scheme;
handles without the ``@``. It prints the details left per 100, by kind and in total, and
every leak with where in the report it is. A measurement: it always exits 0.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_seeds import document_xml, docx_bytes  # noqa: E402
from gapscan_cli import SAMPLE_POSTING, gapscan_command  # noqa: E402

PERSONAS = Path(__file__).resolve().parent / "data" / "personas"
# a folder down: the accuracy corpus is data/*/*.txt, and these are not part of it
RESUMES = PERSONAS / "resumes"
KINDS = ("name", "phone", "email", "url", "handle", "address")
DOCX_COPIES = (  # read again as DOCX: the same gold, another reader
    "p03-cv-first-line-henrike-voss.txt",
    "p05-marcus-delacroix-jr.txt",
    "p14-uk-national-callum-mcandrew.txt",
    "p20-hyderabad-lakshmi-venkataraman.txt",
)
# titles, suffixes and particles: not what identifies a person on their own
NOT_NAME_PARTS = frozenset(
    ("dr", "mr", "mrs", "ms", "prof", "phd", "mba", "jr", "sr", "ii", "iii", "rer", "nat")
    + ("van", "der", "den", "von", "del", "dos", "das", "the")
)
_PHONE_RUN = re.compile(r"\+?\(?\d[\d\s().\-/]*\d")
_DIGEST = re.compile(r"(sha256:)?[0-9a-f]{12,64}")

Matcher = Callable[[str], "re.Match[str] | None"]


def fold(text: str) -> str:
    """Casefolded, accents dropped, whitespace runs made one space: how leaks are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", bare.casefold())


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# --- the forms a detail can leak in --------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """One way a gold detail may show up in a report, and how to find it in a folded string."""

    label: str
    find: Matcher


def literal(label: str, value: str) -> Form:
    pattern = re.compile(re.escape(fold(value)))
    return Form(label, pattern.search)


def word(label: str, value: str) -> Form:
    pattern = re.compile(r"(?<!\w)" + re.escape(fold(value)) + r"(?!\w)")
    return Form(label, pattern.search)


def digit_run(label: str, number: str) -> Form:
    """Found when a run of phone-like characters in the text holds ``number``'s digits."""

    def find(text: str) -> re.Match[str] | None:
        for run in _PHONE_RUN.finditer(text):
            if number in digits(run.group()):
                return run
        return None

    return Form(label, find)


def name_forms(value: str, posting_words: set[str]) -> list[Form]:
    """The whole name, and each part of 3+ letters that is not a title, a particle, or a
    word of the posting (which the report quotes, so it would be found without any leak)."""
    forms = [literal("name", value)]
    for part in re.findall(r"[^\W\d_]+", value):
        key = fold(part)
        if len(key) >= 3 and key not in NOT_NAME_PARTS and key not in posting_words:
            forms.append(word(f"name part {part!r}", part))
    return forms


def phone_forms(value: str) -> list[Form]:
    """As written, as digits only, and without the country code or with a trunk 0 instead."""
    forms = [literal("as written", value)]
    all_digits = digits(value)
    variants = {all_digits: "digits only"}
    code = re.match(r"\+\s*(\d{1,3})[\s(.-]", value) or re.match(r"\+(1)\d{10}$", value)
    if code:
        national = all_digits[len(code.group(1)) :].removeprefix("0")
        variants.setdefault(national, "without country code")
        variants.setdefault("0" + national, "national with 0")
    forms += [digit_run(label, number) for number, label in variants.items() if len(number) >= 7]
    return forms


def url_forms(value: str) -> list[Form]:
    bare = re.sub(r"^[a-z]+://", "", value).removeprefix("www.").rstrip("/")
    return [literal("as written", value), literal("without scheme", bare)]


def handle_forms(value: str) -> list[Form]:
    bare = value.lstrip("@")
    forms = [literal("as written", value)]
    if len(bare) >= 4 and bare != value:
        forms.append(word("without @", bare))
    return forms


def forms_of(kind: str, value: str, posting_words: set[str]) -> list[Form]:
    if kind == "name":
        return name_forms(value, posting_words)
    if kind == "phone":
        return phone_forms(value)
    if kind == "url":
        return url_forms(value)
    if kind == "handle":
        return handle_forms(value)
    return [literal("as written", value)]  # e-mail, address


# --- the places a report holds text --------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Folded text of one place in a report; a text report is one place with line starts."""

    where: str
    folded: str
    line_starts: tuple[int, ...] = ()

    def locate(self, offset: int) -> str:
        """The JSON path, or the line of the text report that ``offset`` falls on."""
        if not self.line_starts:
            return self.where
        return f"line {bisect.bisect_right(self.line_starts, offset)}"


def json_places(report: str) -> Iterator[Place]:
    """A place for every string value of the JSON report, digests left out (never personal)."""
    stack: list[tuple[str, object]] = [("$", json.loads(report))]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{where}.{k}", v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", v) for i, v in reversed(list(enumerate(value))))
        elif isinstance(value, str) and not _DIGEST.fullmatch(value):
            yield Place(where, fold(value))


def text_places(report: str) -> Iterator[Place]:
    """The text report as one place, its lines folded and joined by spaces, so that a detail
    the report wrapped over two lines is still found."""
    starts, lines, offset = [], [], 0
    for line in report.splitlines():
        folded = fold(line).strip()
        starts.append(offset)
        lines.append(folded)
        offset += len(folded) + 1
    yield Place("text", " ".join(lines), tuple(starts))


# --- the run -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leak:
    persona: str
    report: str
    kind: str
    value: str
    form: str
    where: str
    context: str


def scan(persona: Path, fmt: str) -> tuple[int, str]:
    """Run the redacted scan; returns (exit code, report or stderr)."""
    argv = [*gapscan_command(), str(persona), str(SAMPLE_POSTING), "--format", fmt, "--redact"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout if done.returncode in (0, 3) else done.stderr


def find_leaks(
    persona: str, fmt: str, report: str, gold: dict[str, list[str]], posting_words: set[str]
) -> list[Leak]:
    """Every gold detail found in one report, with its first form and place."""
    places = list(json_places(report) if fmt == "json" else text_places(report))
    leaks = []
    for kind in KINDS:
        for value in gold.get(kind, []):
            leak = first_match(forms_of(kind, value, posting_words), places)
            if leak:
                leaks.append(Leak(persona, fmt, kind, value, *leak))
    return leaks


def first_match(forms: list[Form], places: list[Place]) -> tuple[str, str, str] | None:
    """(every form found, where the first is, its context), or None when none is found."""
    found: list[tuple[str, str, str]] = []
    for form in forms:
        for place in places:
            match = form.find(place.folded)
            if match:
                context = place.folded[max(0, match.start() - 30) : match.end() + 30]
                found.append((form.label, place.locate(match.start()), context))
                break
    if not found:
        return None
    return ", ".join(label for label, _, _ in found), found[0][1], found[0][2]


def personas(tmp: Path) -> Iterator[tuple[str, Path, dict[str, list[str]]]]:
    """(label, file, gold) for each persona, then DOCX copies of ``DOCX_COPIES``."""
    gold = json.loads((PERSONAS / "gold.json").read_text(encoding="utf-8"))["personas"]
    for name, details in gold.items():
        yield name, RESUMES / name, details
    for name in DOCX_COPIES:
        lines = (RESUMES / name).read_text(encoding="utf-8").splitlines()
        copy = tmp / (Path(name).stem + ".docx")
        copy.write_bytes(docx_bytes(document_xml(tuple(lines))))
        yield copy.name, copy, gold[name]


def check_gold(label: str, path: Path, gold: dict[str, list[str]]) -> None:
    """Warn about a gold detail that is not in its persona's file: a typo in the gold."""
    if path.suffix == ".docx":
        return
    source = fold(path.read_text(encoding="utf-8"))
    for kind, values in gold.items():
        for value in values:
            if fold(value) not in source:
                print(f"warning: {label}: {kind} {value!r} is not in the file")


def print_figures(fmt: str, leaks: list[Leak], totals: dict[str, int]) -> None:
    print(f"\n--format {fmt} --redact: details left per 100")
    print(f"  {'kind':8} {'details':>8} {'left':>6} {'per 100':>8}")
    for kind in (*KINDS, "total"):
        total = sum(totals.values()) if kind == "total" else totals.get(kind, 0)
        left = sum(1 for leak in leaks if kind in (leak.kind, "total"))
        rate = f"{100 * left / total:.1f}" if total else "-"
        print(f"  {kind:8} {total:>8} {left:>6} {rate:>8}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--formats", default="json,text", help="report formats, comma-separated")
    args = parser.parse_args(argv)
    posting_words = set(re.findall(r"\w+", fold(SAMPLE_POSTING.read_text(encoding="utf-8"))))
    results: dict[str, tuple[list[Leak], dict[str, int]]] = {}
    with tempfile.TemporaryDirectory(prefix="gapscan-redaction-") as tmp:
        for label, path, gold in personas(Path(tmp)):
            check_gold(label, path, gold)
            for fmt in args.formats.split(","):
                code, report = scan(path, fmt)
                if code not in (0, 3):
                    print(f"warning: {label} --format {fmt}: exit {code}: {report.strip()}")
                    continue
                leaks = find_leaks(label, fmt, report, gold, posting_words)
                found, totals = results.setdefault(fmt, ([], {}))
                found += leaks
                for kind, values in gold.items():
                    totals[kind] = totals.get(kind, 0) + len(values)
    for fmt, (leaks, totals) in results.items():
        print_figures(fmt, leaks, totals)
    for fmt, (leaks, _) in results.items():
        print(f"\nleaks in --format {fmt} ({len(leaks)})")
        for leak in leaks:
            print(f"  {leak.persona}: {leak.kind} {leak.value!r} ({leak.form}) at {leak.where}")
            print(f"      ...{leak.context}...")


if __name__ == "__main__":
    main()

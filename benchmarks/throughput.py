"""Batch throughput of gapscan against the floor, measured in the same run on the same files.

    pip install -e ".[bench]"
    python benchmarks/throughput.py [--resumes 120] [--pages 1-2] [--rounds 3]

Generates N resumes with fpdf2 (single-column, two-column and with a skills table; 1-3
pages) in a temporary folder and prints:

* resumes/s of the batch with 1 and 2 workers (the local process pool, startup excluded),
  writing the JSON reports only (``--no-html``), and with 1 worker writing each report's
  HTML page too (the default of ``gapscan batch``);
  each round measures the floor and both pools back to back, and medians of the rounds
  (``--rounds``, default 3) are printed with every round's figures;
* time per stage in-process: read (pypdfium2), nlp (spaCy + skill ruler), TF-IDF, report,
  page (the HTML report);
* cold start of one ``gapscan resume.pdf posting.txt`` against importing spacy, sklearn
  and pypdfium2;
* peak memory (ru_maxrss) of a worker;
* the floor: pypdfium2 text extraction plus one Aho-Corasick scan of the taxonomy's terms.

Targets (issue 4, 2 cores): >= 60 resumes/s with 2 workers on 1-2-page resumes, <= 6x the
floor, cold scan <= 1.3x the imports, <= 300 MB per worker.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from fpdf import FPDF

from gapscan.batch.pool import LocalPool
from gapscan.batch.run import plan
from gapscan.batch.task import BatchSpec, prepare
from gapscan.batch.walk import walk
from gapscan.gap import assess
from gapscan.report.html import render_report as render_page
from gapscan.report.serialize import compact_bytes, report_dict
from gapscan.skills.mentions import ruler_matches

ROOT = Path(__file__).resolve().parent.parent
POSTING = ROOT / "samples" / "postings" / "ai-architect.txt"
LAYOUTS = ("single", "two-column", "table")
FILLER = (
    "Led a team that delivered the project on time and within budget for the client.",
    "Worked closely with product owners to shape the roadmap and measure outcomes.",
    "Mentored junior colleagues and ran weekly reviews of design documents.",
    "Improved reliability of the platform and reduced incident response times.",
)


def _resume_lines(rng: random.Random, terms: list[str], pages: int) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = [("h", "Experience")]
    for job in range(6 * pages):
        lines.append(("b", f"Senior Engineer, Company {job} (2015-2020)"))
        for _ in range(5):
            skills = ", ".join(rng.sample(terms, 3))
            lines.append(("p", f"{rng.choice(FILLER)} Used {skills}."))
    lines.append(("h", "Education"))
    lines.append(("p", "MSc Computer Science, University of Somewhere, 2014"))
    return lines


def make_pdf(path: Path, layout: str, pages: int, rng: random.Random, terms: list[str]) -> None:
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, f"Candidate {path.stem}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    if layout == "table":
        with pdf.table(col_widths=(40, 150)) as table:
            for area in ("Languages", "Cloud", "ML", "Data"):
                row = table.row()
                row.cell(area)
                row.cell(", ".join(rng.sample(terms, 5)))
    body = _resume_lines(rng, terms, pages)
    if layout == "two-column":
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 6, "Skills", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=9)
        top = pdf.get_y()
        pdf.multi_cell(50, 4.5, "\n".join(rng.sample(terms, 14)))
        pdf.set_xy(70, top)
        pdf.set_left_margin(70)
    for kind, text in body:
        if pdf.page_no() > pages:
            break
        pdf.set_font("Helvetica", "B" if kind != "p" else "", 11 if kind == "h" else 9)
        pdf.multi_cell(0, 4.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def generate(folder: Path, count: int, pages: tuple[int, int], terms: list[str]) -> None:
    rng = random.Random(4)
    ascii_terms = [t for t in terms if t.isascii()]
    for i in range(count):
        n = pages[0] + i % (pages[1] - pages[0] + 1)
        make_pdf(folder / f"r{i:04d}.pdf", LAYOUTS[i % 3], n, rng, ascii_terms)


def throughput(spec: BatchSpec, folder: Path, workers: int) -> tuple[float, int]:
    spec, ctx = prepare(spec)
    tasks, _ = plan(walk(folder), ctx, force=True)
    start = time.perf_counter()
    outcomes = list(LocalPool(spec, workers, 60.0).run(tasks))
    elapsed = time.perf_counter() - start
    assert all(o.status == "ok" for o in outcomes), [o for o in outcomes if o.status != "ok"][:3]
    return len(tasks) / elapsed, len(tasks)


def stages(spec: BatchSpec, files: list[Path]) -> dict[str, float]:
    """Mean milliseconds per resume of each stage, timed in this process."""
    _, ctx = prepare(spec)
    ext = ctx.scanner.extractor
    totals = dict.fromkeys(("read", "nlp", "tfidf", "annotate", "report", "page"), 0.0)
    for path in files:
        t0 = time.perf_counter()
        document = ctx.scanner.read(path, posting=False)
        t1 = time.perf_counter()
        # the steps of SkillExtractor.extract, timed one by one
        spans, tokens = ext._parse(document.text)
        ruler = ruler_matches(spans, tokens, document.text, ext._context)
        t2 = time.perf_counter()
        tfidf = ext._tfidf_matches(spans, document.text)
        t3 = time.perf_counter()
        profile = ext.extract(document)  # the whole extract again, for the annotate share
        t4 = time.perf_counter()
        posting = ctx.posting
        report = assess(
            profile, posting.profile, posting.requirements, ctx.scanner.taxonomy, posting.label
        )
        data = report_dict(report, ctx.scanner.taxonomy)
        compact_bytes(data)  # as the batch writes
        t5 = time.perf_counter()
        render_page(data, ctx.areas)
        t6 = time.perf_counter()
        assert ruler or tfidf
        totals["read"] += t1 - t0
        totals["nlp"] += t2 - t1
        totals["tfidf"] += t3 - t2
        totals["annotate"] += max(0.0, (t4 - t3) - (t3 - t1))
        totals["report"] += t5 - t4
        totals["page"] += t6 - t5
    return {k: 1000 * v / len(files) for k, v in totals.items()}


def floor(files: list[Path], terms: list[str]) -> float:
    """Milliseconds per resume: pypdfium2 text plus one multi-pattern scan of the terms."""
    import ahocorasick
    import pypdfium2 as pdfium

    automaton = ahocorasick.Automaton()
    for term in terms:
        automaton.add_word(term.lower(), term)
    automaton.make_automaton()
    start = time.perf_counter()
    for path in files:
        pdf = pdfium.PdfDocument(path)
        text = []
        for page in pdf:
            textpage = page.get_textpage()
            text.append(textpage.get_text_range())
            textpage.close()
            page.close()
        pdf.close()
        found = {value for _, value in automaton.iter("\n".join(text).lower())}
        assert found
    return 1000 * (time.perf_counter() - start) / len(files)


def cold(cmd: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resumes", type=int, default=120)
    parser.add_argument("--pages", default="1-2", help="page range, e.g. 1-2 or 1-3")
    parser.add_argument(
        "--rounds", type=int, default=3, help="floor, 1 and 2 workers measured this many times"
    )
    args = parser.parse_args()
    low, high = (int(x) for x in args.pages.split("-"))
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "resumes", Path(tmp) / "reports"
        folder.mkdir()
        # the analysis, as the targets mean it: JSON reports only (--no-html)
        spec = BatchSpec(posting=str(POSTING), out=str(out), memory_mb=2048, pages=False)
        _, ctx = prepare(spec)
        tax = ctx.scanner.taxonomy
        terms = sorted({f for s in tax.skills for f in (s.name, *s.aliases, *s.exact)})
        generate(folder, args.resumes, (low, high), terms)
        files = sorted(folder.glob("*.pdf"))
        print(f"{len(files)} resumes, {low}-{high} pages, layouts: {', '.join(LAYOUTS)}")
        # Each round measures the floor and both pools back to back, so that the ratio of a
        # round compares figures taken on the same machine state; medians are printed.
        rounds = []
        for _ in range(max(1, args.rounds)):
            floor_ms = floor(files, terms)
            rates = {w: throughput(spec, folder, w)[0] for w in (1, 2)}
            paged = throughput(replace(spec, pages=True), folder, 1)[0]
            rounds.append((floor_ms, rates[1], rates[2], (1000 / rates[1]) / floor_ms, paged))
        floor_ms, one, two, ratio, one_paged = (
            statistics.median(r[i] for r in rounds) for i in range(5)
        )
        child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        per = stages(spec, files)
        gapscan = str(Path(sys.executable).with_name("gapscan"))
        scan_s = cold([gapscan, str(files[0]), str(POSTING)])
        import_s = cold([sys.executable, "-c", "import spacy, sklearn, pypdfium2"])
    print(f"medians of {len(rounds)} rounds (each: floor, then 1 and 2 workers)")
    print(f"throughput, 1 worker : {one:6.1f} resumes/s ({1000 / one:.1f} ms each)")
    print(f"throughput, 2 workers: {two:6.1f} resumes/s   target >= 60")
    print(f"throughput, 1 worker, with HTML pages: {one_paged:6.1f} resumes/s")
    print(f"floor (pypdfium2 + Aho-Corasick): {floor_ms:.1f} ms/resume = {1000 / floor_ms:.0f}/s")
    print(f"ratio to the floor, 1 worker: {ratio:.1f}x   target <= 6")
    print(
        "rounds (floor ms, 1 worker/s, 2 workers/s, ratio): "
        + "; ".join(f"{f:.1f}, {a:.1f}, {b:.1f}, {r:.1f}x" for f, a, b, r, _ in rounds)
    )
    print("per stage, ms/resume: " + ", ".join(f"{k} {v:.1f}" for k, v in per.items()))
    print(
        f"cold start: gapscan scan {scan_s:.2f} s, imports {import_s:.2f} s, "
        f"ratio {scan_s / import_s:.2f}   target <= 1.3"
    )
    print(f"peak memory per worker (ru_maxrss): {child_peak:.0f} MB   target <= 300")


if __name__ == "__main__":
    main()

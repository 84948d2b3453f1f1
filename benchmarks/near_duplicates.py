"""Where the batch's near-duplicate threshold comes from: same CV rendered differently vs
different CVs of people with similar profiles.

    python benchmarks/near_duplicates.py [--scale 5000] [--redact]

Same CV ("copies"): each resume of the benchmark corpus (``benchmarks/data/resumes`` and
``benchmarks/data/personas/resumes``, 62 people, all in AI/ML/data roles) as its text file,
as a DOCX, as a one-column PDF in Times and as a two-column PDF in Helvetica (sidebar on the
left), every pair of the four; and, when ``../shared/eval/rendercv`` is there (read in
place), one CV in nine RenderCV themes, every pair of the nine.
Different CVs ("others"): every pair of different people of the corpus, text files; and
look-alikes generated from one template (the same filler sentences and skill vocabulary,
as ``throughput.py`` makes them), every pair of 30.

Each text goes through the batch's own path (``read_document``, its words, under
``--redact`` without the details ``personal_details`` finds, their MinHash), so the figures
are those of the product. Prints, per
group, the exact Jaccard similarity of the shingle sets and the MinHash estimate (min,
median, max), the pairs on the wrong side of the threshold, and with ``--scale N`` the time
of ``near_duplicates`` over N signatures.
"""

from __future__ import annotations

import argparse
import io
import itertools
import random
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf.enums import XPos, YPos
from make_corpus_pdfs import blocks, is_sidebar, new_pdf, write_block
from throughput import make_pdf

from gapscan.batch.near_duplicates import (
    SHINGLE,
    THRESHOLD,
    near_duplicates,
    resume_words,
    shingles,
    signature,
    similarity,
    words,
)
from gapscan.read.document import read_document
from gapscan.report.redact import personal_details
from gapscan.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
RENDERCV = ROOT.parent / "shared" / "eval" / "rendercv"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(text: str) -> bytes:
    """A minimal DOCX: one paragraph per line."""
    body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines())
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
    return buffer.getvalue()


def times_pdf(text: str) -> bytes:
    """One column, Times, larger type: another template's line breaks."""
    pdf = new_pdf("copy")
    for block in blocks(text):
        for i, line in enumerate(block):
            pdf.set_font("Times", "B" if i == 0 else "", 13 if i == 0 else 11)
            pdf.multi_cell(0, 5.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)
    return bytes(pdf.output())


def two_column_pdf(text: str) -> bytes:
    """Skills, education and certificates in a narrow left column, the rest on the right."""
    parts = blocks(text)
    pdf = new_pdf("copy")
    full = pdf.w - pdf.l_margin - pdf.r_margin
    write_block(pdf, parts[0], pdf.l_margin, full)
    top, left = pdf.get_y(), 55.0
    for block in (b for b in parts[1:] if is_sidebar(b)):
        write_block(pdf, block, pdf.l_margin, left)
    pdf.set_y(top)
    for block in (b for b in parts[1:] if not is_sidebar(b)):
        write_block(pdf, block, pdf.l_margin + left + 6, full - left - 6)
    return bytes(pdf.output())


RENDERINGS: dict[str, Callable[[str], bytes]] = {
    "docx": docx_bytes,
    "times.pdf": times_pdf,
    "two-column.pdf": two_column_pdf,
}


Words = list[str]


REDACT = "--redact" in sys.argv


def read(path: Path) -> Words:
    """The resume's words as the batch signs them: as they are, or under ``--redact`` with
    the details cut out."""
    document = read_document(path)
    if not REDACT:
        return words(document.text)
    return resume_words(document.text, personal_details(document.text, document.source))


def people() -> list[Path]:
    folders = (DATA / "resumes", DATA / "personas" / "resumes")
    return sorted(p for f in folders for p in f.iterdir() if p.suffix in (".txt", ".md"))


def copies(folder: Path) -> dict[str, list[Words]]:
    """Each person's texts, as read back from each rendering."""
    out: dict[str, list[Words]] = {}
    for source in people():
        text = source.read_text(encoding="utf-8")
        texts = [read(source)]
        for suffix, render in RENDERINGS.items():
            target = folder / f"{source.stem}.{suffix}"
            target.write_bytes(render(text))
            texts.append(read(target))
        out[source.stem] = texts
    return out


def look_alikes(folder: Path, count: int = 30) -> list[Words]:
    rng = random.Random(7)
    terms = [t for s in load_taxonomy().skills for t in (s.name, *s.aliases) if t.isascii()]
    texts = []
    for i in range(count):
        path = folder / f"look-alike-{i:02d}.pdf"
        make_pdf(path, ("single", "two-column", "table")[i % 3], 1, rng, terms)
        texts.append(read(path))
    return texts


def exact(a: Words, b: Words) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def report(name: str, pairs: list[tuple[Words, Words]], same: bool) -> None:
    sigs = [(signature(a), signature(b)) for a, b in pairs]
    estimates = [similarity(x, y) for x, y in sigs if x and y]
    exacts = [exact(a, b) for a, b in pairs]
    wrong = sum((e >= THRESHOLD) != same for e in estimates)
    print(
        f"{name:<34} {len(pairs):>5} pairs  exact {min(exacts):.2f} / "
        f"{statistics.median(exacts):.2f} / {max(exacts):.2f}   MinHash {min(estimates):.2f} / "
        f"{statistics.median(estimates):.2f} / {max(estimates):.2f}   "
        f"{'missed' if same else 'flagged'} at {THRESHOLD}: {wrong}"
    )


def index_recall(by_person: dict[str, list[Words]], alikes: list[Words]) -> None:
    """``near_duplicates`` (LSH, then the threshold) over every text at once, against the truth."""
    signatures: dict[str, bytes] = {}
    for person, texts in by_person.items():
        for i, text in enumerate(texts):
            signatures[f"{person}/{i}"] = signature(text) or b""
    for i, text in enumerate(alikes):
        signatures[f"look-alike-{i}/0"] = signature(text) or b""
    found = near_duplicates(signatures)
    flagged = {(k, o) for k, others in found.items() for o in others if k < o}
    truth = {(a, b) for a, b in itertools.combinations(sorted(signatures), 2)
             if a.split("/")[0] == b.split("/")[0]}  # fmt: skip
    print(
        f"near_duplicates over all {len(signatures)} texts: {len(flagged & truth)} of "
        f"{len(truth)} copy pairs flagged, {len(flagged - truth)} other pairs flagged"
    )


def scale(n: int, texts: list[Words]) -> None:
    """near_duplicates over n signatures: the corpus's, then look-alikes of them, with copies."""
    start = time.perf_counter()
    base = [s for s in (signature(t) for t in texts) if s]
    per = (time.perf_counter() - start) / len(texts) * 1000
    rng = random.Random(3)
    pool = [w for t in texts for w in t]
    signatures: dict[str, bytes] = {}
    for i in range(n):
        if i % 10 == 0:  # one in ten is a copy of a corpus resume
            signatures[f"{i:05d}"] = base[i % len(base)]
        else:
            signatures[f"{i:05d}"] = signature([rng.choice(pool) for _ in range(600)]) or b""
    start = time.perf_counter()
    found = near_duplicates(signatures)
    elapsed = time.perf_counter() - start
    print(
        f"signature: {per:.2f} ms a resume; near_duplicates over {n} signatures: "
        f"{elapsed:.2f} s, {len(found)} flagged; signature {len(base[0])} bytes"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=5000)
    parser.add_argument("--redact", action="store_true", help="sign as batch --redact does")
    args = parser.parse_args()
    how = "details cut out (--redact)" if args.redact else "text as it is"
    print(f"shingles of {SHINGLE} words, {how}; threshold {THRESHOLD}; min / median / max")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        by_person = copies(folder)
        same = [p for texts in by_person.values() for p in itertools.combinations(texts, 2)]
        report("same CV, txt/docx/pdf/2-column", same, True)
        themes = sorted(RENDERCV.glob("*.pdf")) if RENDERCV.is_dir() else []
        if themes:
            pairs = list(itertools.combinations([read(p) for p in themes], 2))
            report(f"same CV, {len(themes)} RenderCV themes", pairs, True)
        originals = [texts[0] for texts in by_person.values()]
        report("different people, corpus", list(itertools.combinations(originals, 2)), False)
        others = [(a[0], b[2]) for a, b in itertools.combinations(by_person.values(), 2)]
        report("different people, txt vs pdf", others, False)
        alikes = look_alikes(folder)
        report("look-alikes from one template", list(itertools.combinations(alikes, 2)), False)
        index_recall(by_person, alikes)
        if args.scale:
            scale(args.scale, originals)
    sys.stdout.flush()


if __name__ == "__main__":
    main()

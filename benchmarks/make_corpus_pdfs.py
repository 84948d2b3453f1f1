"""Render some benchmark resumes to PDF so the accuracy benchmark also scores PDF reading.

Reads ``benchmarks/data/resumes/*.txt`` and writes ``benchmarks/data/resumes/pdf/*.pdf``:
single-column layouts, and two-column ones (skills, education and certifications in a
narrow left column, the rest on the right). Deterministic: fixed creation date, core fonts
only, latin-1 text, so a rerun gives byte-identical files with the same fpdf2 version.

    python benchmarks/make_corpus_pdfs.py
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

DATA = Path(__file__).resolve().parent / "data"
OUT = DATA / "resumes" / "pdf"
FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)

# name -> layout; the gold of each PDF is the gold of its .txt source.
LAYOUTS = {
    "r01-maya-chen": "two-column",
    "r02-daniel-okoro": "one-column",
    "r04-ravi-subramanian": "one-column",
    "r05-hannah-berg": "one-column",
    "r07-aisha-rahman": "two-column",
    "r13-priya-shah": "one-column",
    "r20-ivan-petrov": "two-column",
    "r29-thomas-nguyen": "two-column",
}
SIDEBAR_WORDS = ("skill", "education", "certif", "toolbox", "expertise", "languages")
LATIN1 = str.maketrans({"—": "-", "–": "-", "·": "|", "•": "-", "▸": "-", "→": "-", "’": "'"})


def latin1(text: str) -> str:
    """The text with the few typographic characters the corpus uses mapped to latin-1."""
    return text.translate(LATIN1).encode("latin-1", "replace").decode("latin-1")


def blocks(text: str) -> list[list[str]]:
    """Paragraph blocks (runs of non-blank lines)."""
    out: list[list[str]] = []
    for chunk in latin1(text).split("\n\n"):
        lines = [line.rstrip() for line in chunk.splitlines() if line.strip()]
        if lines:
            out.append(lines)
    return out


def is_sidebar(block: list[str]) -> bool:
    return block[0].lower().startswith(SIDEBAR_WORDS)


def new_pdf(title: str) -> FPDF:
    pdf = FPDF(format="Letter")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_author("gapscan benchmark corpus")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    return pdf


def write_block(pdf: FPDF, block: list[str], x: float, width: float) -> None:
    """A heading line in bold, then the block's other lines."""
    for i, line in enumerate(block):
        pdf.set_x(x)
        pdf.set_font("Helvetica", "B" if i == 0 else "", 10 if i == 0 else 9)
        pdf.multi_cell(width, 4.6, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def render(name: str, layout: str) -> bytes:
    parts = blocks((DATA / "resumes" / f"{name}.txt").read_text(encoding="utf-8"))
    pdf = new_pdf(name)
    header, rest = parts[0], parts[1:]
    full = pdf.w - pdf.l_margin - pdf.r_margin
    write_block(pdf, header, pdf.l_margin, full)
    if layout == "one-column":
        for block in rest:
            write_block(pdf, block, pdf.l_margin, full)
    else:
        top, left_w, gap = pdf.get_y(), 55.0, 6.0
        for block in (b for b in rest if is_sidebar(b)):
            write_block(pdf, block, pdf.l_margin, left_w)
        pdf.set_y(top)
        right_x = pdf.l_margin + left_w + gap
        for block in (b for b in rest if not is_sidebar(b)):
            write_block(pdf, block, right_x, full - left_w - gap)
    return bytes(pdf.output())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, layout in sorted(LAYOUTS.items()):
        (OUT / f"{name}.pdf").write_bytes(render(name, layout))
        print(f"wrote {OUT.relative_to(DATA.parent.parent)}/{name}.pdf ({layout})")


if __name__ == "__main__":
    main()

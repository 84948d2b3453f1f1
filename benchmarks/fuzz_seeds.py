"""Small valid seed documents for ``fuzz.py``, one list per input format.

Every seed is generated here at run time (PDFs with fpdf2 or by hand, DOCX with zipfile,
HTML, JSON and text written out), apart from the project's own samples in ``samples/``.
The fuzzer mutates these, so each seed is a well-formed file that gapscan reads cleanly.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED_DATE = datetime(2024, 1, 2, tzinfo=UTC)
ZIP_TIME = (2024, 1, 2, 3, 4, 6)  # fixed, so a DOCX seed is the same bytes on every run

RESUME = (
    "Robin Example",
    "Machine learning engineer",
    "Skills",
    "Python, PyTorch, SQL, Docker, Kubernetes, AWS",
    "Experience",
    "Built retrieval-augmented generation services on AWS with vector databases.",
    "Led a team of four; presented results to stakeholders.",
    "Education",
    "M.S. Statistics",
)
POSTING = (
    "Senior ML Engineer",
    "What you'll do",
    "Design deep learning models in PyTorch and ship them with Docker.",
    "What you'll need",
    "- Python and SQL",
    "- Experience with Spark or Airflow",
    "Nice to have",
    "- Terraform is a plus",
)


def _fpdf_resume(*, compress: bool, pages: int) -> bytes:
    """A text PDF drawn with fpdf2's core font; ``compress`` off leaves streams readable."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(FIXED_DATE)  # the same bytes on every run
    pdf.set_compression(compress)
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        for line in RESUME if page == 0 else ("Projects", f"Project {page}: Kafka pipelines"):
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _pdf_without_xref() -> bytes:
    """A one-page PDF with no cross-reference table or ``startxref``: a reader has to find
    the objects by scanning, a path the fpdf2 seeds never take."""
    shown = b" ".join(b"(%s) Tj 0 -14 Td" % line.encode() for line in RESUME)
    content = zlib.compress(b"BT /F1 11 Tf 72 720 Td " + shown + b" ET")
    parts = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Count 1 /Kids [ 3 0 R ] >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 612 792 ] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier >> >> >> >>",
        4: b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (len(content), content),
    }
    body = b"".join(b"%d 0 obj\n%s\nendobj\n" % item for item in parts.items())
    return b"%PDF-1.7\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _sample(path: str) -> Callable[[], bytes]:
    return lambda: (ROOT / path).read_bytes()


def docx_bytes(document_xml: bytes) -> bytes:
    """A DOCX package (content types, relationships, the main part) around ``document_xml``."""
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="r1" Target="word/document.xml" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (
            ("[Content_Types].xml", types.encode()),
            ("_rels/.rels", rels.encode()),
            ("word/document.xml", document_xml),
        ):
            zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def document_xml(paragraphs: tuple[str, ...], *, table: bool = False) -> bytes:
    """``word/document.xml`` with one paragraph per line, or the lines in a one-column table."""
    runs = (escape(p) for p in paragraphs)
    paras = [f"<w:p><w:r><w:t xml:space='preserve'>{r}</w:t></w:r></w:p>" for r in runs]
    body = (
        "<w:tbl>" + "".join(f"<w:tr><w:tc>{p}</w:tc></w:tr>" for p in paras) + "</w:tbl>"
        if table
        else "".join(paras)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def html_page(lines: tuple[str, ...], *, charset: str = "utf-8", jsonld: bool = False) -> bytes:
    """A saved job page: head with a meta charset, a heading and list items, maybe JSON-LD."""
    script = ""
    if jsonld:
        ld = json.dumps(JOB_POSTING).replace("</", "<\\/")
        script = f'<script type="application/ld+json">{ld}</script>'
    items = "".join(f"<li>{line}</li>" for line in lines[1:])
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{lines[0]}</title>'
        f"{script}</head><body><nav>Jobs</nav><h1>{lines[0]}</h1><ul>{items}</ul>"
        "<footer>Posted today</footer></body></html>\n"
    )
    return page.encode(charset)


JSON_RESUME = {
    "basics": {"name": "Robin Example", "label": "ML engineer", "summary": "Python and SQL."},
    "work": [
        {
            "name": "Acme",
            "position": "Engineer",
            "summary": "Shipped PyTorch models with Docker.",
            "highlights": ["Ran Kubernetes clusters", "Built Spark jobs"],
        }
    ],
    "education": [{"institution": "Uni", "area": "Statistics", "studyType": "MSc"}],
    "skills": [{"name": "Cloud", "keywords": ["AWS", "Terraform"]}],
    "certificates": [{"name": "CKA"}],
    "projects": [{"name": "rag-kit", "description": "RAG over vector databases"}],
}
JOB_POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Senior ML Engineer",
    "description": "<p>Design <b>deep learning</b> models.</p><ul><li>Python</li></ul>",
    "skills": ["PyTorch", {"@type": "DefinedTerm", "name": "SQL"}],
    "qualifications": "Experience with Spark",
    "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "description": "Go"},
    "responsibilities": ["Run Docker services"],
}

SEEDS: dict[str, dict[str, Callable[[], bytes]]] = {
    "pdf": {
        "fpdf-compressed": lambda: _fpdf_resume(compress=True, pages=1),
        "fpdf-plain-2pages": lambda: _fpdf_resume(compress=False, pages=2),
        "no-xref": _pdf_without_xref,
        "sample-sam-okafor": _sample("samples/resumes/sam-okafor.pdf"),
    },
    "docx": {
        "paragraphs": lambda: docx_bytes(document_xml(RESUME)),
        "table": lambda: docx_bytes(document_xml(RESUME, table=True)),
        "posting": lambda: docx_bytes(document_xml(POSTING)),
    },
    "html": {
        "utf-8": lambda: html_page(POSTING),
        "latin-1": lambda: html_page(POSTING + ("Café, München",), charset="iso-8859-1"),
        "json-ld": lambda: html_page(POSTING, jsonld=True),
    },
    "text": {
        "resume": lambda: "\n".join(RESUME).encode(),
        "posting": lambda: "\n".join(POSTING).encode(),
        "sample-jordan-lee": _sample("samples/resumes/jordan-lee.txt"),
        "cp1252": lambda: "\n".join(RESUME + ("Résumé — “quoted”",)).encode("cp1252"),
    },
    "json": {
        "json-resume": lambda: json.dumps(JSON_RESUME, indent=2).encode(),
        "job-posting": lambda: json.dumps(JOB_POSTING).encode(),
    },
}
EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "text": ".txt", "json": ".json"}

"""Generate the hostile-input corpus: real formats and every kind of bad file gapscan must
refuse clearly. Nothing binary is committed; the tests build the corpus in a temporary folder.

    python tests/make_hostile.py OUTDIR
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

RESUME_LINES = (
    "Skills",
    "Go, Kubernetes, deep neural networks",
    "Experience",
    "Platform engineer at Acme, building services in Go on Kubernetes.",
)
PASSWORD = "s3cret"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NON_UTF8_NAME = b"r\xe9sum\xe9.txt"  # latin-1 bytes: not valid UTF-8


def fpdf_resume(pages: int = 2, password: str | None = None) -> bytes:
    """A text PDF whose every page has a running header and a "Page N of M" footer."""
    from fpdf import FPDF

    class Running(FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=9)
            self.cell(0, 8, "Sam Example - Resume", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}")

    pdf = Running()
    for number in range(pages):
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        for line in RESUME_LINES if number == 0 else ("Projects", f"Project {number}: Go tools"):
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    if password is not None:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password="owner", user_password=password, encryption_method=EncryptionMethod.RC4
        )
    return bytes(pdf.output())


def blank_pdf(pages: int) -> bytes:
    """Pages with a drawing and no text at all: what a scanner produces, minus the image."""
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(20, 20, 100, 50)
    return bytes(pdf.output())


def raw_pdf(content: bytes, *, compress: bool = True, pages: int = 1) -> bytes:
    """A minimal PDF written by hand: ``pages`` pages sharing one content stream."""
    stream = zlib.compress(content, 9) if compress else content
    flate = b"/Filter/FlateDecode" if compress else b""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, pages),
        b"<</Length %d%s>>stream\n%s\nendstream" % (len(stream), flate, stream),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    objects += [
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]"
        b"/Resources<</Font<</F1 4 0 R>>>>/Contents 3 0 R>>"
    ] * pages
    return pdf_of(objects)


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF file of these object bodies, numbered from 1 (the first is the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_ops(line: bytes, repeat: int) -> bytes:
    return b"BT /F1 10 Tf 72 700 Td " + b"(%s) Tj 0 -12 Td " % line * repeat + b"ET"


# Two columns with ligatures (bytes 1 and 2 are the glyphs fi and fl) and words hyphenated
# at line ends, drawn row by row: left line, the right line beside it, the next row.
TWO_COLUMNS = (
    ("Skills", "Experience"),
    ("Databases: Postgre-", "Platform engineer, Acme 2019-2024"),
    ("SQL and Redis, query pro\x01ling", "Built CI/CD pipelines for forty"),
    ("Languages: Python, Java-", "services and ran Kubernetes"),
    ("Script, Go and Bash", "clusters on AWS; wrote the con-"),
    ("Machine learning with Tensor-", "\x01guration tooling in Go."),
    ("Flow and PyTorch", "Data engineer, Globex 2016-2019"),
    ("Work\x02ows: Airflow and dbt", "Designed batch jobs in Spark"),
    ("Certi\x01cations: CKA", "and kept the reporting e\x02eet fast."),
)


def two_column_pdf(rows: tuple[tuple[str, str], ...] = TWO_COLUMNS) -> bytes:
    """A one-page resume: a centred name above two columns drawn row by row, so that
    PDFium's order of the text interleaves the columns."""

    def show(x: int, y: int, size: int, text: str) -> bytes:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"BT /F1 %d Tf %d %d Td (%s) Tj ET" % (size, x, y, escaped.encode("latin-1"))

    ops = [show(240, 740, 16, "Jordan Example")]
    for row, (left, right) in enumerate(rows):
        ops += [show(54, 700 - 14 * row, 10, left), show(320, 700 - 14 * row, 10, right)]
    content = b"\n".join(ops)
    return pdf_of(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[5 0 R]/Count 1>>",
            b"<</Length %d>>stream\n%s\nendstream" % (len(content), content),
            b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding<</Type/Encoding"
            b"/BaseEncoding/WinAnsiEncoding/Differences[1/fi 2/fl]>>>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]"
            b"/Resources<</Font<</F1 4 0 R>>>>/Contents 3 0 R>>",
        ]
    )


def zero_page_pdf() -> bytes:
    return raw_pdf(b"", pages=0)


def docx(paragraphs: tuple[str, ...] = RESUME_LINES, *, xml: bytes | None = None) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    part = (
        xml
        or (
            '<?xml version="1.0"?>'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
        ).encode()
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", part)
    return buffer.getvalue()


def docx_bomb(megabytes: int = 48) -> bytes:
    """A DOCX whose document part inflates from ~100 KB to ``megabytes`` MB of spaces."""
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("word/document.xml", "w", force_zip64=True) as part,
    ):
        part.write(head.encode())
        block = b" " * (1 << 20)
        for _ in range(megabytes):
            part.write(block)
        part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def nested_docx(depth: int = 8000) -> bytes:
    """A DOCX of ``depth`` paragraphs each nested in the one before (about 1 KB zipped)."""
    body = "<w:p><w:r><w:t>Go</w:t></w:r>" * depth + "</w:p>" * depth
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'
    return docx(xml=f"{head}{body}</w:body></w:document>".encode())


def entity_docx() -> bytes:
    lol = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    return docx(xml=b'<?xml version="1.0"?>' + lol + b"<d>&b;</d>")


JOB_POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Platform Engineer",
    "description": "<p>We build <b>cloud</b> platforms.</p><script>alert(1)</script>",
    "skills": ["Kubernetes", {"@type": "DefinedTerm", "name": "Go"}],
    "qualifications": "Experience with deep neural networks",
    "experienceRequirements": {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": 36,
        "description": "3 years with C",
    },
    "responsibilities": ["Run the Kubernetes clusters"],
}
JSON_RESUME = {
    "basics": {"name": "Sam Example", "label": "Engineer", "summary": "I build ML systems."},
    "work": [
        {
            "name": "Acme",
            "position": "Engineer",
            "startDate": "2020-01",
            "summary": "Services in Go.",
            "highlights": ["Ran Kubernetes"],
        }
    ],
    "education": [
        {
            "institution": "Uni",
            "area": "CS",
            "studyType": "BSc",
            "courses": ["Deep neural networks"],
        }
    ],
    "skills": [{"name": "Languages", "keywords": ["Go", "C"]}],
    "certificates": [{"name": "CKA", "issuer": "CNCF", "date": "2022"}],
    "projects": [{"name": "k8s-tool", "description": "A Kubernetes operator", "keywords": ["Go"]}],
}
HTML_POSTING = """<!DOCTYPE html>
<html><head><title>Jobs | Board</title><style>.x{color:red}</style>
<script>var tracking = "Haskell";</script></head>
<body><nav><a href="/">Home</a> Haskell jobs</nav>
<h1>Platform Engineer</h1>
<h2>Requirements</h2><ul><li>Go or C</li><li>Kubernetes &amp; Helm</li></ul>
<h2>Nice to have</h2><p>ML</p><noscript>Haskell</noscript>
</body></html>
"""
# Pages escape "</" inside JSON-LD ("<\\/"), or the first "</script>" in it ends the block.
_LD = json.dumps(JOB_POSTING).replace("</", "<\\/")
HTML_WITH_JSONLD = HTML_POSTING.replace(
    "</head>", f'<script type="application/ld+json">{_LD}</script></head>'
)


def _deep_json() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


# name -> bytes; the special cases (folders, FIFOs, odd names) are made in ``make_corpus``.
FILES: dict[str, Callable[[], bytes]] = {
    "resume.txt": lambda: "\n".join(RESUME_LINES).encode(),
    "resume.pdf": fpdf_resume,
    "resume.docx": docx,
    "docx-renamed.pdf": docx,
    "resume.json": lambda: json.dumps(JSON_RESUME, indent=2).encode(),
    "posting.html": HTML_POSTING.encode,
    "posting-jsonld.html": HTML_WITH_JSONLD.encode,
    "posting.json": lambda: json.dumps(JOB_POSTING).encode(),
    "html-renamed.pdf": HTML_POSTING.encode,
    "empty.pdf": bytes,
    "random.pdf": lambda: bytes((i * 7919 + 13) % 256 for i in range(4096)),
    "truncated.pdf": lambda: fpdf_resume()[:700],
    "encrypted.pdf": lambda: fpdf_resume(password=PASSWORD),
    "zero-pages.pdf": zero_page_pdf,
    "scanned.pdf": lambda: blank_pdf(2),
    "cid-garbage.pdf": lambda: raw_pdf(text_ops(b"(cid:12)(cid:7)(cid:31)(cid:4)", 40)),
    "too-many-pages.pdf": lambda: blank_pdf(60),
    "pdf-bomb.pdf": lambda: raw_pdf(b"0 0 m " * 12_000_000),
    "pdf-heavy.pdf": lambda: raw_pdf(text_ops(b"Go Kubernetes " * 8, 100_000)),
    "two-columns.pdf": two_column_pdf,
    "docx-bomb.docx": docx_bomb,
    "docx-entities.docx": entity_docx,
    "docx-nested.docx": nested_docx,
    "bad.json": lambda: b'{"basics": {"name": "Sam"',
    "deep.json": _deep_json,
    "other.json": lambda: b'{"hello": "world"}',
}


def make_corpus(out: Path) -> Path:
    """Write every hostile and valid input into ``out`` (created); returns ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for name, make in FILES.items():
        (out / name).write_bytes(make())
    (out / "folder.pdf").mkdir(exist_ok=True)
    fifo = out / "fifo.pdf"
    if not fifo.exists():
        os.mkfifo(fifo)
    name = os.path.join(os.fsencode(out), NON_UTF8_NAME)
    with open(name, "wb") as fh:
        fh.write(b"\x00\x01\x02\x03" * 64)  # binary: refused, and the name must print safely
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/make_hostile.py OUTDIR")
    print(make_corpus(Path(sys.argv[1])))

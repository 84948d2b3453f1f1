"""PDFium text extraction, in this process or in a capped child process (``python -m``).

PDFium is native code: a hostile file can make it run for minutes or take gigabytes, and a
Python signal cannot interrupt it. Heavy files (see ``gapscan.pdf_guard``) are therefore
read by a child process with a wall-clock timeout and an address-space limit (RLIMIT_AS);
the child receives the bytes on stdin and answers with JSON on stdout. The child never
outlives its reader: on Linux it is killed when the process that started it dies (a batch
worker killed at its time limit), and everywhere it ends itself a little after its timeout.
Forms, JavaScript and attachments are never touched: only each page's text layer is read.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys

from ..errors import over_time
from ..limits import address_space_cap, cap_address_space
from .columns import page_text

CHILD_MEMORY = 2 * 1024**3  # the child's address space, unless this process has less
# The child's own time limit runs this much past its reader's, so that the reader, which
# explains the limit to the user, normally stops it first.
CHILD_GRACE = 2.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class PdfProblem(Exception):
    """Why a PDF cannot be read (the message is the cause shown to the user)."""


def pdf_pages(data: bytes, password: str | None, max_pages: int, max_chars: int) -> list[str]:
    """The raw text of each page; raises :class:`PdfProblem` with the cause."""
    import pypdfium2 as pdfium  # imported here: text inputs never pay for it

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            if password is None:
                raise PdfProblem(
                    "the PDF is encrypted; give its password with --password"
                ) from None
            raise PdfProblem("the PDF password is wrong; check it and try again") from None
        # kept word for word: batch reports and their tests quote it
        raise PdfProblem(
            "not a readable PDF (the file is damaged or truncated); export it to PDF again"
        ) from None
    try:
        count = len(pdf)
        if count == 0:
            raise PdfProblem(
                "the PDF has no pages (the file is damaged or truncated); re-export it"
            )
        if count > max_pages:
            raise PdfProblem(
                f"has {count} pages, over the limit of {max_pages} (raise it with --max-pages)"
            )
        texts: list[str] = []
        total = 0
        for index in range(count):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
            except pdfium.PdfiumError:  # "Failed to load page.": a page-tree cycle, a bad object
                raise PdfProblem(
                    f"not a readable PDF (page {index + 1} of {count} cannot be loaded: the file "
                    "is damaged); export it to PDF again"
                ) from None
            try:
                total += textpage.count_chars()
                if total > max_chars:
                    raise PdfProblem(
                        f"holds over {max_chars:,} characters of text, over the limit; "
                        "is it really a resume or a posting?"
                    )
                try:
                    texts.append(page_text(textpage))
                except pdfium.PdfiumError:  # no text rectangles on a damaged page
                    texts.append(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
        return texts
    finally:
        pdf.close()


def pdf_pages_isolated(
    data: bytes, password: str | None, max_pages: int, max_chars: int, timeout: float
) -> list[str]:
    """:func:`pdf_pages` in a child process that is killed after ``timeout`` seconds."""
    request = json.dumps(
        {
            "password": password,
            "max_pages": max_pages,
            "max_chars": max_chars,
            "parent": os.getpid(),
            "seconds": timeout + CHILD_GRACE,
        }
    )
    try:
        done = subprocess.run(
            [sys.executable, "-m", "gapscan.read.pdfium"],
            input=request.encode() + b"\n" + data,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdfProblem(f"reading it {over_time(timeout)}") from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        answer = None
    if not isinstance(answer, dict) or done.returncode != 0:
        gigabytes = address_space_cap(CHILD_MEMORY) / 2**30  # what the child could set
        raise PdfProblem(
            f"reading the PDF's text failed (the reader crashed or needed over {gigabytes:.3g} "
            "GB of memory); a hostile or broken file?"
        )
    if "problem" in answer:
        raise PdfProblem(str(answer["problem"]))
    return [str(t) for t in answer["pages"]]


def die_with_parent() -> None:
    """Have Linux send SIGKILL to this process when its parent dies (``PR_SET_PDEATHSIG``).

    Elsewhere this does nothing, and the child's own time limit bounds it instead.
    """
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _child() -> None:
    die_with_parent()  # first of all: the parent may be killed while we start
    cap_address_space(CHILD_MEMORY, hard=True)
    raw = sys.stdin.buffer.read()
    header, _, data = raw.partition(b"\n")
    request = json.loads(header)
    if os.getppid() != request["parent"]:  # it died before the death signal was set
        sys.exit(1)
    # SIGALRM's default action ends the process, even inside PDFium's native code
    signal.setitimer(signal.ITIMER_REAL, request["seconds"])
    try:
        pages = pdf_pages(data, request["password"], request["max_pages"], request["max_chars"])
        answer: dict[str, object] = {"pages": pages}
    except PdfProblem as exc:
        answer = {"problem": str(exc)}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    _child()

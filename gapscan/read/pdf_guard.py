"""Look inside a PDF's compressed streams before PDFium does, to refuse decompression bombs.

Every Flate stream is inflated in bounded steps (pure Python, no native parser), so a bomb
costs at most ``BOMB_BYTES`` of memory. The total of the page-content streams also tells
whether the file is *heavy*: then PDFium runs in a child process with a time and memory cap.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

BOMB_BYTES = 64 * 1024 * 1024  # one stream inflating past this is refused
HEAVY_BYTES = 256 * 1024  # content past this is read in a capped child process
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image|/FontFile|/Length1|/EmbeddedFile")


@dataclass(frozen=True)
class StreamReport:
    """What the scan found: the total content size, and whether a stream is a bomb."""

    content: int
    bomb: bool


def inspect_streams(data: bytes) -> StreamReport:
    """Inflate each stream up to the bomb bound; images, fonts and attachments are not content."""
    content = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        dictionary = data[max(0, match.start() - 512) : match.start()]
        dictionary = dictionary[dictionary.rfind(b"obj") + 1 :]
        size = _inflated_size(data, start)
        if size is None:
            size = _raw_size(data, start)
        if size > BOMB_BYTES:
            return StreamReport(content, True)
        if not _IMAGE.search(dictionary):
            content += size
    return StreamReport(content, False)


def _inflated_size(data: bytes, start: int) -> int | None:
    """How many bytes the zlib stream at ``start`` inflates to (capped), None if not zlib."""
    inflater = zlib.decompressobj()
    total, pos, chunk = 0, start, 1 << 16
    try:
        while pos < len(data) and not inflater.eof:
            out = inflater.decompress(data[pos : pos + chunk], 1 << 20)
            total += len(out)
            while inflater.unconsumed_tail and not inflater.eof and total <= BOMB_BYTES:
                out = inflater.decompress(inflater.unconsumed_tail, 1 << 20)
                total += len(out)
            if total > BOMB_BYTES:
                return total
            pos += chunk
    except zlib.error:
        return None if total == 0 else total
    return total


def _raw_size(data: bytes, start: int) -> int:
    end = data.find(b"endstream", start)
    return (len(data) if end < 0 else end) - start

"""How much one input may cost: the single home of every size and time default (README, Limits).

The command line's options and the batch take their defaults from here, in these units.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 20_000_000  # an input file (--max-mb 20)
MAX_PAGES = 50  # a PDF (--max-pages)
MAX_CHARS = 2_000_000  # the text read from one input
TIMEOUT = 60.0  # seconds: one scan or extract (--timeout), one file of a batch (--time-limit)


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input may cost.

    ``timeout`` (seconds) also sends every PDF read to a child process that is killed when it
    runs out; None reads light PDFs in process and heavy ones in a child bounded by
    ``TIMEOUT``.
    """

    max_bytes: int = MAX_BYTES
    max_pages: int = MAX_PAGES
    max_chars: int = MAX_CHARS
    timeout: float | None = None


DEFAULT_LIMITS = Limits()

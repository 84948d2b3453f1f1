"""How much one input may cost: the single home of every size and time default (README, Limits).

The command line's options and the batch take their defaults from here, in these units.
"""

from __future__ import annotations

import resource
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


def lower_of(wanted: int, soft: int, hard: int) -> int:
    """The lowest of ``wanted`` and the current soft and hard limits (RLIM_INFINITY: none).

    A cap may only ever lower a limit: raising one above the hard limit is refused
    (ValueError), and raising a soft limit would undo what the user set (``prlimit --as``).
    """
    return min(x for x in (wanted, soft, hard) if x != resource.RLIM_INFINITY)


def address_space_cap(wanted: int) -> int:
    """The address-space cap (bytes) this process can set: ``wanted`` or the current lower one."""
    return lower_of(wanted, *resource.getrlimit(resource.RLIMIT_AS))


def cap_address_space(wanted: int, *, hard: bool = False) -> int:
    """Lower RLIMIT_AS to ``address_space_cap(wanted)`` and return it; never raise a limit.

    ``hard`` lowers the hard limit too, so the process cannot raise it back.
    """
    _, current_hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = address_space_cap(wanted)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap if hard else current_hard))
    return cap

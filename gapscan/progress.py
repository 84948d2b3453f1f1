"""A one-line progress bar for batches: count, percentage, rate and ETA, on stderr only."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

_WIDTH = 24


def bar_line(done: int, total: int, elapsed: float) -> str:
    """``[#####-----]  12/40  30%  3.1/s  ETA 0:09`` (pure, for tests)."""
    share = done / total if total else 1.0
    filled = round(_WIDTH * share)
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate > 0 else 0.0
    minutes, seconds = divmod(round(eta), 60)
    return (
        f"[{'#' * filled}{'-' * (_WIDTH - filled)}] {done}/{total} {share:4.0%} "
        f"{rate:.1f}/s ETA {minutes}:{seconds:02d}"
    )


class Progress:
    """Redraws the bar at most ``hz`` times a second, and always for the last file."""

    def __init__(
        self, stream: TextIO, *, hz: float = 10.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.clock = clock
        self.start = clock()
        self.every = 1.0 / hz
        self.last = float("-inf")

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if done < total and now - self.last < self.every:
            return
        self.last = now
        self.stream.write("\r" + bar_line(done, total, now - self.start))
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()

"""gapscan.read.timelimit: a wall-clock limit raised inside the block, and restored after."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from gapscan.errors import TimeLimitExceeded
from gapscan.read.timelimit import time_limit


def test_the_limit_interrupts_the_block() -> None:
    with pytest.raises(TimeLimitExceeded) as info, time_limit(0.05):
        time.sleep(30)
    assert info.value.seconds == 0.05
    assert str(info.value) == (
        "the scan took over 0.05 s (a hostile or broken file?); raise --timeout if you trust it"
    )


def test_the_previous_handler_and_timer_are_restored() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(30):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize("seconds", [None, 0], ids=["none", "zero"])
def test_no_limit(seconds: float | None) -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(seconds):
        assert signal.getsignal(signal.SIGALRM) is before
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_off_the_main_thread_no_limit_is_set() -> None:
    seen: list[tuple[float, float]] = []

    def body() -> None:
        with time_limit(0.01):
            seen.append(signal.getitimer(signal.ITIMER_REAL))

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert seen == [(0.0, 0.0)]

"""gapscan.limits: the defaults the README documents, in the units the options use."""

from __future__ import annotations

import dataclasses

import pytest

from gapscan import limits
from gapscan.limits import DEFAULT_LIMITS, Limits


def test_module_defaults_match_the_readme() -> None:
    assert limits.MAX_BYTES == 20 * 1_000_000  # --max-mb 20: decimal megabytes
    assert limits.MAX_PAGES == 50
    assert limits.MAX_CHARS == 2_000_000
    assert limits.TIMEOUT == 60.0  # seconds


def test_default_limits_take_the_module_defaults_and_no_timeout() -> None:
    assert Limits() == DEFAULT_LIMITS
    assert dataclasses.astuple(DEFAULT_LIMITS) == (20_000_000, 50, 2_000_000, None)


def test_limits_are_frozen_and_replaced_field_by_field() -> None:
    tight = dataclasses.replace(DEFAULT_LIMITS, max_pages=3, timeout=1.5)
    assert (tight.max_bytes, tight.max_pages, tight.max_chars, tight.timeout) == (
        20_000_000, 3, 2_000_000, 1.5,
    )  # fmt: skip
    with pytest.raises(dataclasses.FrozenInstanceError):
        tight.max_pages = 4  # type: ignore[misc]


def test_limits_are_hashable_for_batch_contexts() -> None:
    assert hash(Limits(max_bytes=5)) == hash(Limits(max_bytes=5))
    assert Limits(max_bytes=5) != DEFAULT_LIMITS

"""Where a clause or a sentence (or list item) around an offset starts and ends (pure).

Boundaries are found once per document and cached on the text; a span's clause or sentence
is then two bisections.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

# "b(?<!\wb)ut" is "\bbut" written to start with a letter: the search can skip ahead by
# first characters, which a leading \b prevents (same matches, a third faster)
_CLAUSE_END = re.compile(
    r"\n|[.;!?](?=\s)|\s[-\u2013\u2014]\s|b(?<!\wb)ut\b|h(?<!\wh)owever\b", re.I
)
_SENTENCE_END = re.compile(r"\n|[.;!?](?=\s)")


def _breaks(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of every boundary in a text."""
    found = list(pattern.finditer(text))
    return [m.start() for m in found], [m.end() for m in found]


# Computed once per document. Cached on the text alone: a compiled pattern hashes its whole
# program on every call, which made the cache lookup cost more than the bisection.
@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    return _breaks(_CLAUSE_END, text)


@lru_cache(maxsize=8)
def sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of every sentence end (and line break) in a text."""
    return _breaks(_SENTENCE_END, text)


def _bounds(
    breaks: tuple[list[int], list[int]], text: str, start: int, end: int
) -> tuple[int, int]:
    """From the last boundary before ``start`` to the first after ``end`` (300 chars at most)."""
    starts, ends = breaks
    i = bisect_right(ends, start) - 1
    left = max(ends[i] if i >= 0 else 0, start - 300, 0)
    j = bisect_left(starts, end)
    right = min(starts[j] if j < len(starts) else len(text), end + 300, len(text))
    return left, right


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: up to a line break, a sentence end or a "but"."""
    return _bounds(_clause_breaks(text), text, start, end)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or list item) around ``text[start:end]``."""
    return _bounds(sentence_breaks(text), text, start, end)

"""The document's words as the two matchers see them: spaCy's tokens and the TF-IDF words.

Plain values read once from spaCy (its objects cost more to touch than the matching), and the
text with layout line breaks unwrapped at the same offsets.
"""

from __future__ import annotations

import re
from typing import NamedTuple, overload


class Token(NamedTuple):
    text: str
    lower: str
    space_after: bool
    idx: int


class Tokens:
    """The document's tokens, read from spaCy in one array and made into ``Token`` on demand.

    Only the few tokens around each match are ever looked at; building all of them one by
    one from spaCy's objects would cost more than the matching.
    """

    def __init__(self, text: str, idx: list[int], length: list[int], space: list[int]) -> None:
        self.text = text
        self.idx = idx
        self.length = length
        self.space = space

    def __len__(self) -> int:
        return len(self.idx)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        word = self.text_at(i)
        return Token(word, word.lower(), bool(self.space[i]), self.idx[i])

    def text_at(self, i: int) -> str:
        start = self.idx[i]
        return self.text[start : start + self.length[i]]


class SpanInfo(NamedTuple):
    """A ruler match: token and character offsets, label and skill id."""

    start: int  # token offsets
    end: int
    start_char: int
    end_char: int
    label: str
    skill_id: str


_WORD = re.compile(r"[^\W_][\w+#]*")  # the matcher's words: "C++", "k8s", "scikit" "learn"


def word_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of every word of the TF-IDF matcher's vocabulary."""
    return [m.span() for m in _WORD.finditer(text)]


_SINGLE_BREAK = re.compile(r"(?<![\r\n])\r?\n(?![\r\n])")
_SINGLE_LF = re.compile(r"(?<!\n)\n(?!\n)")


def unwrap_lines(text: str) -> str:
    """The text with single line breaks turned into spaces, at the same offsets.

    A phrase wrapped by a layout ("stakeholder\nengagement", "Azure\nOpenAI") must match as
    if it were on one line; blank lines still separate paragraphs.
    """
    if "\r" not in text:  # the usual case, without a call per line
        return _SINGLE_LF.sub(" ", text)
    return _SINGLE_BREAK.sub(lambda m: " " * len(m.group()), text)



"""The document's words as the two matchers see them: spaCy's tokens and the TF-IDF words.

Plain values read once from spaCy (its objects cost more to touch than the matching), and the
text with layout line breaks unwrapped at the same offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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


# A word in which one word seems glued to the next: "SQLWorked", "GCPAzureAWS", "PostgreSQL"
_GLUED = re.compile(r"[A-Za-z]*(?:[a-z][A-Z]|[A-Z][A-Z][a-z])[A-Za-z]*")
_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# the words a resume's next line starts with: a bullet's past tense, a heading
_PAST_TENSE = re.compile(r"[A-Z][a-z]{2,}ed")
_LINE_OPENERS = frozenset(
    [
        "Led",
        "Built",
        "Ran",
        "Wrote",
        "Made",
        "Grew",
        "Drove",
        "Won",
        "Taught",
        "Cut",
        "Set",
        "Kept",
        "Oversaw",
        "Began",
        "Brought",
        "Took",
        "Gave",
        "Held",
        "Met",
        "Sold",
        "Spoke",
        "Found",
        "Shipped",
        "Experience",
        "Education",
        "Skills",
        "Projects",
        "Summary",
        "Certifications",
        "Languages",
        "Tools",
    ]
)


# a word with a full stop on it, not inside an abbreviation ("Ph.D.", "e.g.")
_FULL_STOP = re.compile(r"(?<![\w.])([A-Za-z][\w+#]*)\.(?=\s|$)")
# words joined by slashes with a character spaCy does not split at ("C#/.NET")
_SLASHED = re.compile(r"(?<![\w#+./])[\w#+.-]+(?:/[\w#+.-]+)+")
_ENDS_LINE = re.compile(r"[ \t]*(?:\n|$)")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


class GlueSplitter:
    """Splits words a PDF glued together ("SQLWorked", "GCPAzureAWS") where the halves
    are plainly two words, and leaves names written in CamelCase whole.

    ``forms`` are the taxonomy's case-insensitive forms (lower-cased), ``exact`` its exact
    forms. A word that is itself a form, spaces and hyphens aside (PostgreSQL, JavaScript,
    TensorFlow, GitHub), is never split. Otherwise a boundary, where an acronym meets a
    capitalised word ("SQL|Worked", "GCP|Azure") or a lower-case letter meets a capital
    ("Azure|AWS"), is cut only when the half before is a taxonomy form and the half after
    is one too, or is what a resume's next line starts with (a past tense, a heading):
    "SQLAlchemy", "OpenAI", "DeepMind", "CloudFlare", "GoPro" stay whole.
    """

    def __init__(
        self,
        forms: frozenset[str],
        exact: frozenset[str],
        tokenize: Callable[[str], list[str]] = lambda piece: [piece],
    ) -> None:
        self.forms = forms
        self.exact = exact
        self.tokenize = tokenize  # a piece's tokens as the forms were tokenized ("C" "#")
        self.joined = frozenset(f.replace(" ", "").replace("-", "") for f in forms)

    def _form(self, piece: str) -> bool:
        return piece in self.exact or piece.lower() in self.forms

    def _next_word(self, piece: str) -> bool:
        return self._form(piece) or piece in _LINE_OPENERS or bool(_PAST_TENSE.fullmatch(piece))

    def parts(self, word: str) -> list[str] | None:
        """The pieces ``word`` is made of, or None when it stays whole."""
        if word.lower() in self.joined or word in self.exact:
            return None
        cuts = [m.start() for m in _BOUNDARY.finditer(word)]
        if not cuts:
            return None
        edges = [0, *cuts, len(word)]
        pieces = [word[a:b] for a, b in zip(edges, edges[1:], strict=False)]
        kept = [0] + [
            cut
            for k, cut in enumerate(cuts)
            if self._form(pieces[k]) and self._next_word(pieces[k + 1])
        ]
        if len(kept) == 1:
            return None
        kept.append(len(word))
        return [word[a:b] for a, b in zip(kept, kept[1:], strict=False)]

    def splits(self, text: str) -> list[tuple[int, list[str]]]:
        """Every glued word of ``text`` to split: its start offset and its pieces."""
        found: list[tuple[int, list[str]]] = []
        for m in _GLUED.finditer(text):
            pieces = self.parts(m.group())
            if pieces is not None:
                found.append((m.start(), pieces))
        found += self.full_stops(text)
        found += self.slashed(text)
        return sorted(found)

    def slashed(self, text: str) -> list[tuple[int, list[str]]]:
        """Forms joined by slashes into one token ("C#/.NET"): each form and each slash.
        A form that has a slash of its own ("CI/CD", "TCP/IP") stays whole."""
        found: list[tuple[int, list[str]]] = []
        for m in _SLASHED.finditer(text):
            word = m.group().rstrip(".")
            pieces = word.split("/")
            if self._form(word) or not all(p and self._form(p) for p in pieces):
                continue
            parts = self.tokenize(pieces[0])
            for piece in pieces[1:]:
                parts += ["/", *self.tokenize(piece)]
            found.append((m.start(), parts))
        return found

    def full_stops(self, text: str) -> list[tuple[int, list[str]]]:
        """A form that ends a sentence, its full stop kept on it as by an abbreviation
        ("in R.", "or PhD."): the form and the stop. A single letter after a capitalised
        word is an initial ("John R. Smith") and stays whole."""
        found: list[tuple[int, list[str]]] = []
        for m in _FULL_STOP.finditer(text):
            stem = m.group(1)
            if not self._form(stem) or self._form(m.group()):
                continue
            if len(stem) == 1 and not _ENDS_LINE.match(text, m.end()):
                before = _WORD_BEFORE.search(text, max(0, m.start() - 80), m.start())
                if before is None or before.group(1)[0].isupper():
                    continue
            found.append((m.start(), [stem, "."]))
        return found

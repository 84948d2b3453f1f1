"""The extractor: a spaCy pipeline (``spacy.blank("en")`` + skill ruler) and the TF-IDF matcher.

These are the two stateful objects of gapscan. ``SkillExtractor.extract`` turns a
:class:`Document` into a :class:`SkillProfile`; everything it calls after matching is pure.
A built extractor can be saved to a folder (``models/``) and loaded back without the
patterns being generated again.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .. import __version__
from ..errors import ModelError, display_path
from ..limits import MAX_CHARS
from ..records import Document, Mention, SkillProfile
from ..taxonomy import Taxonomy
from .matcher import TfidfMatcher
from .mentions import (
    Match,
    claimed_by_ruler,
    context_table,
    make_mention,
    purposes,
    ruler_matches,
    similar_terms,
    tfidf_context_ok,
    tfidf_units,
)
from .patterns import taxonomy_patterns
from .ruler import FACTORY, SkillRuler
from .tokens import GlueSplitter, SpanInfo, Tokens, unwrap_lines, word_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPANS_KEY = "skills"


def build_nlp(taxonomy: Taxonomy) -> Language:
    """A blank English pipeline whose skill ruler holds the taxonomy's patterns."""
    import spacy

    nlp = spacy.blank("en")
    ruler = cast(SkillRuler, nlp.add_pipe(FACTORY, config={"spans_key": SPANS_KEY}))
    tokenizer = nlp.tokenizer
    ruler.add_patterns(taxonomy_patterns(taxonomy, lambda s: [t.text for t in tokenizer(s)]))
    return nlp


class SkillExtractor:
    """Finds taxonomy skills in documents; built once, used for many documents."""

    def __init__(self, taxonomy: Taxonomy, nlp: Language, matcher: TfidfMatcher) -> None:
        self.taxonomy = taxonomy
        self.nlp = nlp
        # spaCy refuses texts over 1,000,000 characters (for its parser and NER, which this
        # pipeline has not); the readers already refuse more than the limit, so agree with it
        nlp.max_length = max(nlp.max_length, MAX_CHARS)
        self.matcher = matcher
        self._stop_words = frozenset(nlp.Defaults.stop_words)
        self._context = context_table(taxonomy)
        self._certificates = frozenset(s.id for s in taxonomy.skills if s.type == "certification")
        self._technical = frozenset(s.id for s in taxonomy.skills if s.type == "technical")
        self._degrees = frozenset(s.id for s in taxonomy.skills if s.type == "education")
        self._ruler = cast(SkillRuler, nlp.get_pipe(FACTORY))
        self._glue = GlueSplitter(
            frozenset(f.lower() for s in taxonomy.skills for f in s.case_insensitive_forms),
            frozenset(f for s in taxonomy.skills for f in s.exact),
            lambda piece: [t.text for t in nlp.tokenizer(piece)],
        )

    @classmethod
    def build(cls, taxonomy: Taxonomy) -> SkillExtractor:
        return cls(taxonomy, build_nlp(taxonomy), TfidfMatcher().fit(taxonomy))

    def save(self, path: Path) -> None:
        """Write the pipeline, the fitted matcher and what they were built from."""
        path.mkdir(parents=True, exist_ok=True)
        self.nlp.to_disk(path / "nlp")
        self.matcher.to_disk(path / "matcher")
        meta = {
            "gapscan_version": __version__,
            "taxonomy": {
                "name": self.taxonomy.name,
                "version": self.taxonomy.version,
                "sha256": self.taxonomy.sha256,
            },
        }
        (path / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path, taxonomy: Taxonomy) -> SkillExtractor:
        """Load a saved extractor; it must have been built from this very taxonomy."""
        import spacy

        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise ModelError(
                f"{display_path(path)}: not a gapscan model folder (no readable meta.json); "
                "build one with 'gapscan model build'"
            ) from None
        if meta.get("taxonomy", {}).get("sha256") != taxonomy.sha256:
            raise ModelError(
                f"{display_path(path)}: built from another taxonomy than {taxonomy.origin}; "
                "rebuild it with 'gapscan model build'"
            )
        try:
            nlp = spacy.load(path / "nlp")
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"{display_path(path)}: the saved pipeline cannot be loaded ({exc})"
            ) from None
        return cls(taxonomy, nlp, TfidfMatcher.from_disk(path / "matcher"))

    def warm(self) -> None:
        """Learn every taxonomy word and tokenize every form once, before workers are forked.

        A forked batch worker inherits what its parent learnt: without this, each worker
        (and each replacement) would first learn the words of the taxonomy one document at
        a time.
        """
        forms = [f for s in self.taxonomy.skills for f in (*s.case_insensitive_forms, *s.exact)]
        text = "\n".join(forms)
        self.nlp.make_doc(text)
        self.matcher.viable_words({text[a:b].lower() for a, b in word_spans(text)})

    @contextmanager
    def memory_zone(self) -> Iterator[None]:
        """Free the strings spaCy interns while inside, for long-running in-process use.

        ``extract`` does not open a zone itself: inside one spaCy's tokenizer cache is off,
        which doubles the cost of extraction (benchmarks/memory_zone.py). Batch
        workers keep memory flat by being replaced after a number of files instead.
        """
        with self.nlp.memory_zone():
            yield

    def _kind_of(self, skill_id: str, other: str) -> bool:
        """True when ``skill_id`` is ``other``, a kind of it, or a substitute for it."""
        taxonomy = self.taxonomy
        return (
            other == skill_id
            or other in taxonomy.broader(skill_id)
            or other in taxonomy.related(skill_id)
        )

    def extract(self, document: Document, *, posting: bool = False) -> SkillProfile:
        """The document's skills, each with every mention (counted or not, and why)."""
        return SkillProfile.of(document, self.mentions(document, posting=posting))

    def mentions(self, document: Document, *, posting: bool = False) -> list[Mention]:
        """Every skill mention in the document, with counted/importance set."""
        spans, tokens = self._parse(document.text)
        text = document.text
        lists = [(s.start, s.end) for s in document.sections if s.kind == "skills"]
        found = ruler_matches(spans, tokens, text, self._context, lists)
        found += self._tfidf_matches(spans, text)
        purpose = purposes(found, text, self._technical)
        similar = similar_terms(found, text, self._kind_of)
        return [
            make_mention(
                document,
                posting,
                match,
                self._certificates,
                degrees=self._degrees,
                technical=self._technical,
                purpose=k in purpose,
                similar=k in similar,
            )
            for k, match in enumerate(found)
        ]

    def _parse(self, text: str) -> tuple[list[SpanInfo], Tokens]:
        """Tokenize and match, keeping plain values: spaCy's objects are costly to touch.

        This is ``nlp(text)`` without the ``Span`` objects the ruler would store in
        ``doc.spans`` only to be read back here: the ruler's matches are taken as tuples.
        """
        from spacy.attrs import IDX, LENGTH, SPACY

        unwrapped = unwrap_lines(text)
        doc = self.nlp.make_doc(unwrapped)
        idx, length, space = (column.tolist() for column in doc.to_array([IDX, LENGTH, SPACY]).T)
        glued = self._glue.splits(unwrapped)
        if glued:  # "SQLWorked" -> "SQL" "Worked", at the same offsets
            doc = _split_tokens(doc, unwrapped, glued, (idx, length, space))
            idx, length, space = (
                column.tolist() for column in doc.to_array([IDX, LENGTH, SPACY]).T
            )
        marks = _emphasis_marks(unwrapped, idx, length, space)
        if marks:  # "**Design the architecture** for": the words as if unmarked
            doc, (idx, length, space) = _drop_tokens(doc, unwrapped, marks, (idx, length, space))
        ends = [i + n for i, n in zip(idx, length, strict=True)]
        spans = [
            SpanInfo(start, end, idx[start], ends[end - 1], label, skill_id)
            for start, end, label, skill_id in self._ruler.find(doc)
        ]
        # nothing spaCy made leaves: a caller's memory zone may close
        return spans, Tokens(unwrapped, idx, length, space)

    def _tfidf_matches(self, spans: list[SpanInfo], text: str) -> list[Match]:
        found = word_spans(text)
        lowered = text.lower()
        if len(lowered) == len(text):  # the usual case: lowering moved no offset
            words = [lowered[a:b] for a, b in found]
        else:  # "İ" lowers to two characters
            words = [text[a:b].lower() for a, b in found]
        viable = self.matcher.viable_words(set(words))
        claimed = claimed_by_ruler(spans, len(text), text)
        units = tfidf_units(text, found, words, viable, claimed, self._stop_words)
        index = {start: k for k, (start, _) in enumerate(found)}
        matches: list[Match] = []
        for c in self.matcher.match(units):
            start, end = units[c.first].start, units[c.last].end
            first, last = index[start], index[units[c.last].start]
            if tfidf_context_ok(self._context[c.skill_id], text, found, words, first, last):
                matches.append(Match(c.skill_id, start, end, "tfidf", c.score))
        return matches


_EMPHASIS = re.compile(r"[*_]")


def _emphasis_marks(text: str, idx: list[int], length: list[int], space: list[int]) -> set[int]:
    """The tokens that are Markdown's emphasis marks, glued to a word ("**bold**",
    "_italic_"); not a separator with a space on each side (" * ") or a bullet ("* item").

    Only the tokens at a ``*`` or ``_`` are looked at, found by bisection: most documents
    have none, and a long one has far more tokens than marks.
    """
    marks: set[int] = set()
    last = len(idx) - 1
    for m in _EMPHASIS.finditer(text):
        i = bisect_left(idx, m.start())
        if i > last or idx[i] != m.start() or length[i] != 1:
            continue  # inside a word ("snake_case") or a longer token
        glued_before = i > 0 and not space[i - 1] and not text[idx[i - 1]].isspace()
        glued_after = i < last and not space[i] and not text[idx[i + 1]].isspace()
        if glued_before or glued_after:
            marks.add(i)
    return marks


def _drop_tokens(
    doc: Doc,
    text: str,
    dropped: set[int],
    columns: tuple[list[int], list[int], list[int]],
) -> tuple[Doc, tuple[list[int], list[int], list[int]]]:
    """``doc`` without the ``dropped`` tokens, and the offsets of those kept, which still
    index ``text``: a kept token is followed by a space when any whitespace stood between
    it and the next kept one."""
    from spacy.tokens import Doc

    idx, length, space = columns
    words: list[str] = []
    spaces: list[bool] = []
    kept_idx: list[int] = []
    kept_length: list[int] = []
    kept_space: list[int] = []
    for i, (start, size, after) in enumerate(zip(idx, length, space, strict=True)):
        if i in dropped:
            if kept_space and after:
                kept_space[-1] = 1
                spaces[-1] = True
            continue
        words.append(text[start : start + size])
        spaces.append(bool(after))
        kept_idx.append(start)
        kept_length.append(size)
        kept_space.append(after)
    return Doc(doc.vocab, words=words, spaces=spaces), (kept_idx, kept_length, kept_space)


def _split_tokens(
    doc: Doc,
    text: str,
    glued: list[tuple[int, list[str]]],
    columns: tuple[list[int], list[int], list[int]],
) -> Doc:
    """``doc`` rebuilt with each glued token (one token exactly at ``start``) split into its
    pieces, in one pass over the tokens.

    spaCy's retokenizer moves every later token for each split, so 4,500 splits in a
    1.7-million-character document took minutes in native code, past the time limit and
    out of its reach. The ruler reads only ``ORTH`` and ``LOWER``, which a ``Doc`` built
    from words and spaces has just as the retokenizer would leave them.
    """
    from spacy.tokens import Doc

    pieces_at = dict(glued)
    words: list[str] = []
    spaces: list[bool] = []
    for start, size, space in zip(*columns, strict=True):
        pieces = pieces_at.get(start)
        if pieces is not None and sum(map(len, pieces)) == size:
            words += pieces
            spaces += [False] * (len(pieces) - 1)
        else:
            words.append(text[start : start + size])
        spaces.append(bool(space))
    return Doc(doc.vocab, words=words, spaces=spaces)

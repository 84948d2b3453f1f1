"""The extractor: a spaCy pipeline (``spacy.blank("en")`` + skill ruler) and the TF-IDF matcher.

These are the two stateful objects of gapscan. ``SkillExtractor.extract`` turns a
:class:`Document` into a :class:`SkillProfile`; everything it calls after matching is pure.
A built extractor can be saved to a folder (``models/``) and loaded back without the
patterns being generated again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast, overload

from .. import __version__
from ..errors import ModelError
from ..records import Document, Mention, Method, SkillHit, SkillProfile
from ..taxonomy import Taxonomy
from .matcher import TfidfMatcher, Unit
from .patterns import taxonomy_patterns
from .ruler import FACTORY, LABEL, PHRASE_LABEL, SkillRuler
from .rules import importance, uncounted_reason

if TYPE_CHECKING:
    from spacy.language import Language

SPANS_KEY = "skills"
_JOINERS = ("", "-", "/")
_Match = tuple[str, int, int, "Method", float]  # skill id, start, end, method, score


class _Token(NamedTuple):
    text: str
    lower: str
    space_after: bool
    idx: int


class _Tokens:
    """The document's tokens, read from spaCy in one array and made into ``_Token`` on demand.

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
    def __getitem__(self, i: int) -> _Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[_Token]: ...
    def __getitem__(self, i: int | slice) -> _Token | list[_Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        word = self.text_at(i)
        return _Token(word, word.lower(), bool(self.space[i]), self.idx[i])

    def text_at(self, i: int) -> str:
        start = self.idx[i]
        return self.text[start : start + self.length[i]]


class _SpanInfo(NamedTuple):
    start: int  # token offsets
    end: int
    start_char: int
    end_char: int
    label: str
    skill_id: str


_WORD = re.compile(r"[^\W_][\w+#]*")  # the matcher's words: "C++", "k8s", "scikit" "learn"


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
        self.matcher = matcher
        self._stop_words = frozenset(nlp.Defaults.stop_words)
        # per skill, lower-cased context words and exact forms, looked up for every match
        self._context = {
            s.id: (
                frozenset(w.lower() for w in s.not_before),
                frozenset(w.lower() for w in s.not_after),
                frozenset(s.exact),
            )
            for s in taxonomy.skills
        }
        # certificate names end in job titles by right ("... Machine Learning Engineer")
        self._certificates = frozenset(s.id for s in taxonomy.skills if s.type == "certification")
        self._ruler = cast(SkillRuler, nlp.get_pipe(FACTORY))

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
                f"{path}: not a gapscan model folder (no readable meta.json); "
                "build one with 'gapscan model build'"
            ) from None
        if meta.get("taxonomy", {}).get("sha256") != taxonomy.sha256:
            raise ModelError(
                f"{path}: built from another taxonomy than {taxonomy.origin}; "
                "rebuild it with 'gapscan model build'"
            )
        try:
            nlp = spacy.load(path / "nlp")
        except (OSError, ValueError) as exc:
            raise ModelError(f"{path}: the saved pipeline cannot be loaded ({exc})") from None
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
        self.matcher.viable_words({text[a:b].lower() for a, b in _spans(text)})

    @contextmanager
    def memory_zone(self) -> Iterator[None]:
        """Free the strings spaCy interns while inside, for long-running in-process use.

        ``extract`` does not open a zone itself: inside one spaCy's tokenizer cache is off,
        which doubles the cost of extraction (benchmarks/memory_zone.py). Batch
        workers keep memory flat by being replaced after a number of files instead.
        """
        with self.nlp.memory_zone():
            yield

    def extract(self, document: Document, *, posting: bool = False) -> SkillProfile:
        """Every skill mention in the document, with counted/importance set."""
        spans, tokens = self._parse(document.text)
        text = document.text
        found = self._ruler_matches(spans, tokens, text) + self._tfidf_matches(spans, text)
        mentions = [self._mention(document, posting, *match) for match in found]
        return profile_from_mentions(document, mentions)

    def _parse(self, text: str) -> tuple[list[_SpanInfo], _Tokens]:
        """Tokenize and match, keeping plain values: spaCy's objects are costly to touch.

        This is ``nlp(text)`` without the ``Span`` objects the ruler would store in
        ``doc.spans`` only to be read back here: the ruler's matches are taken as tuples.
        """
        from spacy.attrs import IDX, LENGTH, SPACY

        unwrapped = unwrap_lines(text)
        doc = self.nlp.make_doc(unwrapped)
        idx, length, space = (column.tolist() for column in doc.to_array([IDX, LENGTH, SPACY]).T)
        ends = [i + n for i, n in zip(idx, length, strict=True)]
        spans = [
            _SpanInfo(start, end, idx[start], ends[end - 1], label, skill_id)
            for start, end, label, skill_id in self._ruler.find(doc)
        ]
        # nothing spaCy made leaves: a caller's memory zone may close
        return spans, _Tokens(unwrapped, idx, length, space)

    def _ruler_matches(self, spans: list[_SpanInfo], tokens: _Tokens, text: str) -> list[_Match]:
        kept = [s for s in spans if s.label == LABEL and self._context_ok(s, tokens, text)]
        # phrases with gaps ("led the platform team") stand beside the names they contain
        phrases = [s for s in spans if s.label == PHRASE_LABEL]
        return [
            (s.skill_id, s.start_char, s.end_char, "ruler", 1.0)
            for s in _longest_first(kept) + _longest_first(phrases)
        ]

    def _context_ok(self, span: _SpanInfo, tokens: _Tokens, text: str) -> bool:
        """Apply the skill's not_before/not_after words and the rules for exact short forms."""
        not_before, not_after, exact = self._context[span.skill_id]
        start, end = span.start, span.end
        if not_before and start > 0 and tokens.text_at(start - 1).lower() in not_before:
            return False
        if not_after and end < len(tokens) and tokens.text_at(end).lower() in not_after:
            return False
        surface = text[span.start_char : span.end_char]
        if end - start == 1 and _in_proper_name(span, surface, tokens, text):
            return False  # "Lanternwise Legal AI", "Kestrel Vision AI": a company's name
        if exact and (surface in exact or surface.rstrip("s") in exact):
            # "go-to-market", "C-level", "R-squared": an exact short form glued by a hyphen
            glued_after = end < len(tokens) and not tokens.space[end - 1]
            if glued_after and tokens.text_at(end) in ("-", "'", "&"):
                return False
            glued_before = start > 0 and not tokens.space[start - 1]
            if glued_before and tokens.text_at(start - 1) in ("-", "&", "@", "."):
                return False
        return True

    def _tfidf_matches(self, spans: list[_SpanInfo], text: str) -> list[_Match]:
        claimed = bytearray(len(text))  # characters inside a ruler match
        for span in spans:
            if span.label == LABEL:
                claimed[span.start_char : span.end_char] = b"\x01" * (
                    span.end_char - span.start_char
                )
        found = _spans(text)
        lowered = text.lower()
        if len(lowered) == len(text):  # the usual case: lowering moved no offset
            words = [lowered[a:b] for a, b in found]
        else:  # "İ" lowers to two characters
            words = [text[a:b].lower() for a, b in found]
        viable = self.matcher.viable_words(set(words))
        # Only words that resemble some taxonomy word can be part of a match, and only where
        # the ruler has not matched already: the others are left out, and a window never
        # reaches across them.
        units: list[Unit] = []
        stop_words = self._stop_words
        last = len(found) - 1
        for k, word in enumerate(words):
            if word not in viable:
                continue
            start, end = found[k]
            if claimed.find(1, start, end) >= 0:
                continue
            joined = (
                k < last
                and words[k + 1] in viable
                and text[end : found[k + 1][0]].strip(" ") in _JOINERS
                and claimed.find(1, *found[k + 1]) < 0
            )
            units.append(Unit(text[start:end], start, end, word in stop_words, joined))
        return [
            (c.skill_id, units[c.first].start, units[c.last].end, "tfidf", c.score)
            for c in self.matcher.match(units)
        ]

    def _mention(
        self,
        document: Document,
        posting: bool,
        skill_id: str,
        start: int,
        end: int,
        method: Method,
        score: float,
    ) -> Mention:
        """A mention with its place, and whether (and how much) it counts."""
        text = document.text
        found = document.section_at(start)
        section = found.kind if found else "other"
        reason = uncounted_reason(
            text, start, end, section, posting=posting, job_rule=skill_id not in self._certificates
        )
        level = importance(text, start, end, section) if posting and reason is None else None
        return Mention(
            skill_id=skill_id,
            text=text[start:end],
            start=start,
            end=end,
            page=document.page_at(start),
            section=section,
            method=method,
            score=score,
            counted=reason is None,
            reason=reason,
            importance=level,
        )


def _spans(text: str) -> list[tuple[int, int]]:
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


def _in_proper_name(span: _SpanInfo, surface: str, tokens: _Tokens, text: str) -> bool:
    """A short acronym that ends a run of capitalised words on its line is part of a name."""
    if not (surface.isupper() and len(surface) <= 3) or span.start < 2:
        return False
    words = tokens[span.start - 2 : span.start]
    if "\n" in text[words[0].idx : span.start_char]:
        return False
    return all(w.text.isalpha() and w.text.istitle() for w in words)


def _longest_first(spans: list[_SpanInfo]) -> list[_SpanInfo]:
    """Non-overlapping spans, longer first then earlier (as ``spacy.util.filter_spans``)."""
    taken: set[int] = set()
    kept: list[_SpanInfo] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if span.start not in taken and span.end - 1 not in taken:
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def profile_from_mentions(document: Document, mentions: list[Mention]) -> SkillProfile:
    """Group mentions by skill; skills sorted by id, mentions by offset."""
    by_skill: dict[str, list[Mention]] = {}
    for m in mentions:
        by_skill.setdefault(m.skill_id, []).append(m)
    hits = tuple(
        SkillHit(sid, tuple(sorted(ms, key=lambda m: (m.start, m.end))))
        for sid, ms in sorted(by_skill.items())
    )
    return SkillProfile(document, hits)

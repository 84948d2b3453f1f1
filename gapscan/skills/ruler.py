"""The skill ruler: a spaCy component that marks taxonomy skills as spans in ``doc.spans``.

Modelled on spaCy's ``span_ruler``: ``__call__`` is ``match()`` then ``set_annotations()``,
patterns are data (``{"id": skill id, "tokens": [...], "exact": bool}``) added through
``add_patterns`` and saved as JSONL by ``to_disk``. Unlike ``span_ruler`` it stores patterns
already tokenized, so building or loading it never runs the tokenizer over thousands of
pattern strings: the cold start of a single scan is what this saves.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

LABEL = "SKILL"
PHRASE_LABEL = "SKILL_PHRASE"  # a phrase with gaps: evidence that overlaps other mentions
FACTORY = "gapscan_skill_ruler"
MAX_GAP = 3
# a part of two words or more is specific enough to stand further away: "present the roadmap
# and its risks to the executive committee", "design end-to-end machine learning and
# generative AI solutions"
LONG_GAP = 6


class SkillRuler:
    """Phrase matching on ``LOWER`` for case-insensitive forms and on ``ORTH`` for exact ones."""

    def __init__(self, nlp: Language, name: str = FACTORY, spans_key: str = "skills") -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.patterns: list[dict[str, Any]] = []
        self._loose = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        # phrases with gaps: each part is a phrase of its own, chained in match()
        self._parts = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._phrases: list[tuple[str, list[str]]] = []  # (skill id, keys of its parts)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add pre-tokenized patterns; a pattern is ``{"id", "tokens", "exact"}``."""
        loose: dict[str, list[Doc]] = {}
        exact: dict[str, list[Doc]] = {}
        for pattern in patterns:
            self.patterns.append(pattern)
            if "parts" in pattern:
                keys = [" ".join(part) for part in pattern["parts"]]
                for key, part in zip(keys, pattern["parts"], strict=True):
                    self._parts.add(key, [Doc(self.nlp.vocab, words=list(part))])
                self._phrases.append((pattern["id"], keys))
                continue
            doc = Doc(self.nlp.vocab, words=list(pattern["tokens"]))
            (exact if pattern["exact"] else loose).setdefault(pattern["id"], []).append(doc)
        for key, docs in loose.items():
            self._loose.add(key, docs)
        for key, docs in exact.items():
            self._exact.add(key, docs)

    def find(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """Every match as ``(start, end, label, skill id)``, overlapping ones included, sorted
        by position then skill id (names first, then phrases)."""
        found = {
            (start, end, match_id)
            for matcher in (self._loose, self._exact)
            for match_id, start, end in matcher(doc)
        }
        strings = self.nlp.vocab.strings
        names = sorted((start, end, strings[match_id]) for start, end, match_id in found)
        return [(start, end, LABEL, skill_id) for start, end, skill_id in names] + [
            (start, end, PHRASE_LABEL, skill_id)
            for start, end, skill_id in self._match_phrases(doc)
        ]

    def _match_phrases(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Phrases whose parts follow each other with at most MAX_GAP plain words between.

        Each start keeps its shortest match ("led the team" inside "led the team leads").
        """
        if not self._phrases:
            return []
        strings = self.nlp.vocab.strings
        starts: dict[str, dict[int, int]] = {}  # part -> start token -> shortest end
        for match_id, start, end in self._parts(doc):
            ends = starts.setdefault(strings[match_id], {})
            ends[start] = min(end, ends.get(start, end))
        found: set[tuple[int, int, str]] = set()
        for skill_id, keys in self._phrases:
            if not all(k in starts for k in keys):
                continue
            for first, end in starts[keys[0]].items():
                for key in keys[1:]:
                    end = self._next_part(doc, end, starts[key])
                    if end < 0:
                        break
                else:
                    found.add((first, end, skill_id))
        return sorted(found, key=lambda m: (m[0], m[1], m[2]))

    @staticmethod
    def _next_part(doc: Doc, end: int, part_starts: dict[int, int]) -> int:
        """End of the part starting within MAX_GAP plain words after ``end`` (LONG_GAP for a
        part of two words or more), or -1.

        A hyphenated word is one word of the gap: "led a cross-functional team".
        """
        words = 0
        start = end
        while start <= len(doc):
            if start in part_starts:
                part_end = part_starts[start]
                if words <= MAX_GAP or part_end - start >= 2:
                    return part_end
            if start == len(doc):
                return -1
            token = doc[start]
            if _joins_a_word(doc, start):
                start += 1  # the hyphen inside "cross-functional": no word of its own
                continue
            if token.is_punct or token.is_space:
                return -1  # a gap never crosses punctuation or a line break
            words += 1
            if words > LONG_GAP:
                return -1
            start += 1
        return -1

    def __call__(self, doc: Doc) -> Doc:
        """As a spaCy component (``nlp(text)``): every match in ``doc.spans``, ``id_`` the skill."""
        doc.spans[self.spans_key] = [
            Span(doc, start, end, label=label, span_id=skill_id)
            for start, end, label, skill_id in self.find(doc)
        ]
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps(p, ensure_ascii=False) for p in self.patterns)
        (path / "patterns.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SkillRuler:
        text = (Path(path) / "patterns.jsonl").read_text(encoding="utf-8")
        self.add_patterns(json.loads(line) for line in text.splitlines() if line.strip())
        return self


def _joins_a_word(doc: Doc, i: int) -> bool:
    """True for a hyphen glued to the words on both sides of it ("cross-functional")."""
    return (
        doc[i].text == "-"
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i - 1].is_alpha
        and doc[i + 1].is_alpha
    )


@Language.factory(FACTORY, default_config={"spans_key": "skills"})
def make_skill_ruler(nlp: Language, name: str, spans_key: str) -> SkillRuler:
    return SkillRuler(nlp, name, spans_key)

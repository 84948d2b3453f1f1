"""The skill ruler: a spaCy component that marks taxonomy skills as spans in ``doc.spans``.

Modelled on spaCy's ``span_ruler``: ``__call__`` is ``match()`` then ``set_annotations()``,
patterns are data (``{"id": skill id, "tokens": [...], "exact": bool}``) added through
``add_patterns`` and saved as JSONL by ``to_disk``. Unlike ``span_ruler`` it stores patterns
already tokenized, so building or loading it never runs the tokenizer over thousands of
pattern strings: the cold start of a single scan is what this saves.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

LABEL = "SKILL"
PHRASE_LABEL = "SKILL_PHRASE"  # a phrase with gaps: evidence that overlaps other mentions
FACTORY = "gapscan_skill_ruler"
MAX_GAP = 3


class SkillRuler:
    """Phrase matching on ``LOWER`` for case-insensitive forms and on ``ORTH`` for exact ones."""

    def __init__(self, nlp: Language, name: str = FACTORY, spans_key: str = "skills") -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.patterns: list[dict[str, Any]] = []
        self._loose = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._gapped = Matcher(nlp.vocab)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add pre-tokenized patterns; a pattern is ``{"id", "tokens", "exact"}``."""
        loose: dict[str, list[Doc]] = {}
        exact: dict[str, list[Doc]] = {}
        for pattern in patterns:
            self.patterns.append(pattern)
            if "parts" in pattern:
                self._gapped.add(pattern["id"], [_gapped_tokens(pattern["parts"])])
                continue
            doc = Doc(self.nlp.vocab, words=list(pattern["tokens"]))
            (exact if pattern["exact"] else loose).setdefault(pattern["id"], []).append(doc)
        for key, docs in loose.items():
            self._loose.add(key, docs)
        for key, docs in exact.items():
            self._exact.add(key, docs)

    def match(self, doc: Doc) -> list[Span]:
        """Every match, overlapping ones included, sorted by position then skill id."""
        found = {
            (start, end, match_id)
            for matcher in (self._loose, self._exact)
            for match_id, start, end in matcher(doc)
        }
        strings = self.nlp.vocab.strings
        spans = [
            Span(doc, start, end, label=LABEL, span_id=strings[match_id])
            for start, end, match_id in sorted(found, key=lambda m: (m[0], m[1], strings[m[2]]))
        ]
        # the shortest match of each phrase start: "led the team" inside "led the team leads"
        phrases: dict[tuple[int, int], int] = {}
        for match_id, start, end in self._gapped(doc) if len(self._gapped) else ():
            key = (start, match_id)
            phrases[key] = min(end, phrases.get(key, end))
        spans += [
            Span(doc, start, end, label=PHRASE_LABEL, span_id=strings[match_id])
            for (start, match_id), end in sorted(
                phrases.items(), key=lambda m: (m[0][0], m[1], strings[m[0][1]])
            )
        ]
        return spans

    def set_annotations(self, doc: Doc, spans: Sequence[Span]) -> None:
        doc.spans[self.spans_key] = list(spans)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
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


def _gapped_tokens(parts: list[list[str]]) -> list[dict[str, Any]]:
    """A Matcher pattern: the parts' words in order, up to MAX_GAP plain words between."""
    tokens: list[dict[str, Any]] = []
    for i, part in enumerate(parts):
        if i:
            tokens.append({"IS_PUNCT": False, "IS_SPACE": False, "OP": f"{{0,{MAX_GAP}}}"})
        tokens.extend({"LOWER": word} for word in part)
    return tokens


@Language.factory(FACTORY, default_config={"spans_key": "skills"})
def make_skill_ruler(nlp: Language, name: str, spans_key: str) -> SkillRuler:
    return SkillRuler(nlp, name, spans_key)

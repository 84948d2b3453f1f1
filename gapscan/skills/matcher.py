"""The TF-IDF matcher: finds the skill names the ruler misses ("deep neural nets").

It follows scikit-learn's estimator contract: ``__init__`` stores parameters, ``fit`` returns
``self``, fitted state ends in ``_``, and ``match`` before ``fit`` fails clearly.

Windows of one to ``max_words`` words are scored by cosine similarity of character n-gram
TF-IDF vectors against the taxonomy's names and aliases. With ``analyzer="char_wb"`` n-grams
never cross a space, so a window's raw vector is the sum of its words' raw vectors: the matcher
vectorises each distinct word once (and keeps it from document to document) and scores a
window from per-word dot products, with scores identical to vectorising the window.

A window is only scored against forms of its length whose every word its word at the same
place resembles (the word threshold), since only those can be accepted. An index from form
words to forms gives these candidates, so most windows are dismissed by a set lookup and
only a few are scored: this is what makes the matcher cheap (about 1.5 ms a resume).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, cast

import numpy as np

from ..errors import ModelError, display_path
from ..taxonomy import Taxonomy

WORD_CACHE_SIZE = 50_000  # words learnt before the caches start afresh (~4 KB per viable word)
_WordEntry = tuple[list[int], list[float], list[tuple[str, float]]]


class _WordInfo(NamedTuple):
    """What scoring needs of one viable word, cached from document to document."""

    word: str
    known: dict[int, float]  # column of each n-gram some form contains -> its raw weight
    unseen: dict[str, float]  # n-grams no taxonomy form contains, at the highest idf
    norm2: float  # squared length, unseen n-grams included
    similar: dict[int, float]  # form word -> cosine, where it reaches the lower threshold
    slots: dict[tuple[int, int], frozenset[int]]  # (form size, place) -> forms, filled lazily


class Unit(NamedTuple):
    """One word of a document, as the matcher sees it.

    A named tuple rather than a frozen dataclass: hundreds are made per document.
    """

    text: str
    start: int
    end: int
    stop: bool  # a stop word may sit inside a window, never at its edge
    joined: bool  # True when the next unit continues the same phrase (no punctuation between)


@dataclass(frozen=True)
class Candidate:
    """A window that resembles a taxonomy form: units ``first``..``last`` inclusive."""

    skill_id: str
    first: int
    last: int
    score: float
    form: str


class TfidfMatcher:
    """Character n-gram TF-IDF similarity between document windows and taxonomy forms."""

    def __init__(
        self,
        *,
        ngram_range: tuple[int, int] = (3, 5),
        threshold: float = 0.75,
        single_word_threshold: float = 0.85,
        word_threshold: float = 0.5,
        max_words: int = 4,
        min_chars: int = 5,
    ) -> None:
        self.ngram_range = ngram_range
        self.threshold = threshold
        self.single_word_threshold = single_word_threshold
        self.word_threshold = word_threshold
        self.max_words = max_words
        self.min_chars = min_chars

    def get_params(self) -> dict[str, Any]:
        return {
            "ngram_range": list(self.ngram_range),
            "threshold": self.threshold,
            "single_word_threshold": self.single_word_threshold,
            "word_threshold": self.word_threshold,
            "max_words": self.max_words,
            "min_chars": self.min_chars,
        }

    def fit(self, taxonomy: Taxonomy) -> TfidfMatcher:
        """Learn n-gram weights from every case-insensitive form of every skill."""
        forms: dict[str, str] = {}
        for skill in taxonomy.skills:
            for form in skill.case_insensitive_forms:
                key = " ".join(form.lower().replace("-", " ").split())
                if len(key) >= self.min_chars and key not in forms:
                    forms[key] = skill.id
        self.forms_ = sorted(forms)
        self.form_skill_ = [forms[f] for f in self.forms_]
        from sklearn.feature_extraction.text import TfidfVectorizer  # fitting only

        vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=self.ngram_range, norm=None, dtype=np.float64
        ).fit(self.forms_)
        self.vocabulary_ = {str(k): int(v) for k, v in vectorizer.vocabulary_.items()}
        self.idf_ = [float(x) for x in vectorizer.idf_]
        self._finish()
        return self

    def analyze(self, text: str) -> list[str]:
        """Character n-grams inside word boundaries, as ``TfidfVectorizer(analyzer="char_wb")``.

        Written out here so that a loaded matcher scores without importing scikit-learn
        (a third of a single scan's start-up); a test pins it to scikit-learn's analyzer.
        """
        low, high = self.ngram_range
        grams: list[str] = []
        for word in text.lower().split():
            padded = f" {word} "
            for n in range(low, high + 1):
                if len(padded) <= n:
                    grams.append(padded)  # a short word counts once, whole
                    break
                grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
        return grams

    def _vectors(self, texts: list[str]) -> Any:
        """Raw TF-IDF rows of texts whose n-grams are all known (taxonomy forms and words)."""
        from scipy.sparse import csr_matrix

        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        for row, text in enumerate(texts):
            counts: dict[int, int] = {}
            for gram in self.analyze(text):
                col = self.vocabulary_.get(gram)
                if col is not None:
                    counts[col] = counts.get(col, 0) + 1
            for col, count in sorted(counts.items()):
                rows.append(row)
                cols.append(col)
                values.append(count * self.idf_[col])
        return csr_matrix((values, (rows, cols)), shape=(len(texts), len(self.idf_)))

    def _finish(self) -> None:
        self._viable: dict[str, bool] = {}
        self._entries: dict[str, _WordInfo] = {}
        self._pairs: dict[tuple[str, str], float] = {}
        # the smoothed idf of an n-gram no taxonomy form contains
        self.unseen_idf_ = float(np.log((1 + len(self.forms_)) / 1) + 1)
        self.form_matrix_ = _normalize(self._vectors(self.forms_)).T.tocsr()
        form_words = [f.split() for f in self.forms_]
        self.word_list_ = sorted({w for words in form_words for w in words})
        word_index = {w: i for i, w in enumerate(self.word_list_)}
        self.form_word_ids_ = [[word_index[w] for w in words] for words in form_words]
        # (form size, place) -> form word -> the forms with that word at that place
        self._slot_index: dict[tuple[int, int], dict[int, list[int]]] = {}
        for form, ids in enumerate(self.form_word_ids_):
            for pos, word in enumerate(ids):
                self._slot_index.setdefault((len(ids), pos), {}).setdefault(word, []).append(form)
        self.word_matrix_ = _normalize(self._vectors(self.word_list_)).T.tocsr()

    def _check_fitted(self) -> None:
        if not hasattr(self, "vocabulary_"):
            raise RuntimeError("TfidfMatcher is not fitted: call fit(taxonomy) first")

    def match(self, units: list[Unit], blocked: list[bool] | None = None) -> list[Candidate]:
        """Best non-overlapping windows scoring at or above the thresholds.

        ``blocked[i]`` marks units already claimed (by the ruler); windows never touch them.
        A window of ``k`` words is scored against the ``k``-word forms whose every word
        resembles the window's word at the same place (cosine >= ``word_threshold``; one
        word: the single-word threshold), and the best of those is kept if it reaches the
        threshold.
        """
        self._check_fitted()
        n = len(units)
        if n == 0:
            return []
        blocked = blocked or [False] * n
        lowered = [u.text.lower() for u in units]
        viable = self.viable_words(set(lowered))
        if not viable:
            return []
        entries = [
            self._entries[w] if w in viable and not b else None
            for w, b in zip(lowered, blocked, strict=True)
        ]
        # first the windows whose every word resembles its place in some form of that size
        windows: list[tuple[int, int, list[int]]] = []
        for first in range(n):
            head = entries[first]
            if head is None or units[first].stop:
                continue
            window = [head]
            for last in range(first, min(n, first + self.max_words)):
                if last > first:
                    entry = entries[last]
                    if entry is None or not units[last - 1].joined:
                        break
                    window.append(entry)
                if units[last].stop:
                    continue
                size = len(window)
                candidates = self._slot(head, size, 0)
                for pos in range(1, size):
                    if not candidates:
                        break
                    candidates = candidates & self._slot(window[pos], size, pos)
                if candidates:
                    windows.append((first, last, sorted(candidates)))
        if not windows:
            return []
        # then their scores, from one product of the words they hold with every form
        used = sorted({i for first, last, _ in windows for i in range(first, last + 1)})
        row_of = {i: r for r, i in enumerate(used)}
        sims = self._form_sims([cast(_WordInfo, entries[i]) for i in used])
        found: list[Candidate] = []
        for first, last, forms in windows:
            size = last - first + 1
            window = [cast(_WordInfo, entries[i]) for i in range(first, last + 1)]
            norm2 = sum(e.norm2 for e in window) + 2.0 * sum(
                self._pair(window[a], window[b]) for a in range(size) for b in range(a + 1, size)
            )
            rows = [row_of[i] for i in range(first, last + 1)]
            dots = sims[rows][:, forms].sum(axis=0) if size > 1 else sims[rows[0], forms]
            k = int(dots.argmax())
            score = float(dots[k]) / math.sqrt(norm2) if norm2 > 0 else 0.0
            limit = self.single_word_threshold if size == 1 else self.threshold
            if score > 0.0 and score >= limit:
                form = forms[k]
                found.append(
                    Candidate(
                        self.form_skill_[form], first, last, round(score, 4), self.forms_[form]
                    )
                )
        return _non_overlapping(found)

    def _slot(self, entry: _WordInfo, size: int, pos: int) -> frozenset[int]:
        """The forms of ``size`` words whose word at ``pos`` this word resembles."""
        found = entry.slots.get((size, pos))
        if found is None:
            bar = self.single_word_threshold if size == 1 else self.word_threshold
            index = self._slot_index.get((size, pos), {})
            found = frozenset(
                form
                for word, cosine in entry.similar.items()
                if cosine >= bar
                for form in index.get(word, ())
            )
            entry.slots[(size, pos)] = found
        return found

    def _form_sims(self, entries: list[_WordInfo]) -> Any:
        """Dense words x forms matrix of raw word vectors dotted with normalised forms."""
        from scipy.sparse import csr_matrix

        indptr = np.zeros(len(entries) + 1, dtype=np.int64)
        np.cumsum([len(e.known) for e in entries], out=indptr[1:])
        vectors = csr_matrix(
            (
                [v for e in entries for v in e.known.values()],
                [c for e in entries for c in e.known],
                indptr,
            ),
            shape=(len(entries), len(self.idf_)),
        )
        return np.asarray((vectors @ self.form_matrix_).todense())

    def _pair(self, a: _WordInfo, b: _WordInfo) -> float:
        """Dot product of two words' raw vectors, unseen n-grams included (cached)."""
        key = (a.word, b.word) if a.word <= b.word else (b.word, a.word)
        value = self._pairs.get(key)
        if value is None:
            if len(a.known) > len(b.known):
                a, b = b, a
            value = sum(v * b.known.get(c, 0.0) for c, v in a.known.items())
            value += sum(v * b.unseen.get(g, 0.0) for g, v in a.unseen.items())
            if len(self._pairs) >= WORD_CACHE_SIZE:
                self._pairs.clear()
            self._pairs[key] = value
        return value

    def viable_words(self, words: set[str]) -> set[str]:
        """The words whose best cosine with any word of any form reaches the word threshold.

        Every word of an accepted window must (single words: the single-word threshold, longer
        windows: the word threshold against its counterpart), so other words are never scored.
        Decided once per distinct word and cached, with what scoring the word needs.
        """
        new = sorted(w for w in words if w not in self._viable)
        if new:
            if len(self._viable) + len(new) > WORD_CACHE_SIZE:
                self._viable.clear()  # start afresh, then learn every word asked about
                self._entries.clear()
                new = sorted(words)
            self._learn(new)
        return {w for w in words if self._viable[w]}

    def _learn(self, words: list[str]) -> None:
        """Vectorise new words; keep the viable ones' vectors and the form words they resemble."""
        from scipy.sparse import csr_matrix

        raw = [self._word_entry(w) for w in words]
        cols = [c for entry in raw for c in entry[0]]
        values = [v for entry in raw for v in entry[1]]
        indptr = np.zeros(len(raw) + 1, dtype=np.int64)
        np.cumsum([len(entry[0]) for entry in raw], out=indptr[1:])
        vectors = csr_matrix((values, cols, indptr), shape=(len(raw), len(self.idf_)))
        norm2 = [
            sum(v * v for v in wvalues) + sum(v * v for _, v in unseen)
            for _, wvalues, unseen in raw
        ]
        norms = np.sqrt(np.array(norm2))
        norms[norms == 0] = 1.0
        cosines = (vectors @ self.word_matrix_).tocsr()
        # every cosine at once; only the few at or above the lower threshold are kept
        rows = np.repeat(np.arange(len(raw)), np.diff(cosines.indptr))
        scaled = cosines.data / norms[rows]
        keep = scaled >= min(self.word_threshold, self.single_word_threshold)
        similar: dict[int, dict[int, float]] = {}
        for row, form_word, cosine in zip(
            rows[keep].tolist(), cosines.indices[keep].tolist(), scaled[keep].tolist(), strict=True
        ):
            similar.setdefault(row, {})[form_word] = cosine
        for i, word in enumerate(words):
            found = similar.get(i)
            self._viable[word] = found is not None
            if found is not None:
                wcols, wvalues, unseen = raw[i]
                self._entries[word] = _WordInfo(
                    word,
                    dict(zip(wcols, wvalues, strict=True)),
                    dict(unseen),
                    norm2[i],
                    found,
                    {},
                )

    def _word_entry(self, word: str) -> _WordEntry:
        """One word's weighted n-grams: known (column, weight) and unseen (n-gram, weight)."""
        counts: dict[str, int] = {}
        for gram in self.analyze(word):
            counts[gram] = counts.get(gram, 0) + 1
        vocab = self.vocabulary_
        cols: list[int] = []
        values: list[float] = []
        unseen: list[tuple[str, float]] = []
        for gram, count in sorted(counts.items()):
            col = vocab.get(gram)
            if col is None:
                unseen.append((gram, count * self.unseen_idf_))
            else:
                cols.append(col)
                values.append(count * self.idf_[col])
        return cols, values, unseen

    def to_disk(self, path: Path) -> None:
        """Save the fitted state as JSON (no pickle: a model folder is safe to load)."""
        self._check_fitted()
        path.mkdir(parents=True, exist_ok=True)
        state = {
            "params": self.get_params(),
            "forms": self.forms_,
            "form_skill": self.form_skill_,
            "vocabulary": dict(sorted(self.vocabulary_.items())),
            "idf": self.idf_,
        }
        (path / "matcher.json").write_text(json.dumps(state), encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path) -> TfidfMatcher:
        try:
            state = json.loads((path / "matcher.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{display_path(path)}: no readable matcher.json ({exc})") from None
        params = state["params"]
        self = cls(
            ngram_range=tuple(params["ngram_range"]),
            threshold=params["threshold"],
            single_word_threshold=params["single_word_threshold"],
            word_threshold=params["word_threshold"],
            max_words=params["max_words"],
            min_chars=params["min_chars"],
        )
        self.forms_ = list(state["forms"])
        self.form_skill_ = list(state["form_skill"])
        self.vocabulary_ = {str(k): int(v) for k, v in state["vocabulary"].items()}
        self.idf_ = [float(x) for x in state["idf"]]
        self._finish()
        return self


def _normalize(matrix: Any) -> Any:
    """Scale each row of a sparse matrix to unit length (rows of zeros stay zero)."""
    from scipy.sparse import diags

    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return diags(1.0 / norms) @ matrix


def _non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Greedy: highest score first, longer window on ties; sorted by position at the end."""
    taken: set[int] = set()
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.score, -(c.last - c.first), c.first)):
        span = set(range(c.first, c.last + 1))
        if span & taken:
            continue
        taken |= span
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.first)

"""The TF-IDF matcher: finds the skill names the ruler misses ("deep neural nets").

It follows scikit-learn's estimator contract: ``__init__`` stores parameters, ``fit`` returns
``self``, fitted state ends in ``_``, and ``match`` before ``fit`` fails clearly.

Windows of one to ``max_words`` words are scored by cosine similarity of character n-gram
TF-IDF vectors against every taxonomy name and alias. With ``analyzer="char_wb"`` n-grams never
cross a space, so a window's raw vector is the sum of its words' raw vectors: the matcher
vectorises each distinct word once and scores every window from per-word dot products. The
scores are identical to vectorising each window, at a fraction of the cost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from .errors import ModelError
from .taxonomy import Taxonomy

WORD_CACHE_SIZE = 200_000
_WordEntry = tuple[list[int], list[float], list[tuple[str, float]]]


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
        self._words: dict[str, _WordEntry] = {}
        self._viable: dict[str, bool] = {}
        # the smoothed idf of an n-gram no taxonomy form contains
        self.unseen_idf_ = float(np.log((1 + len(self.forms_)) / 1) + 1)
        self.form_matrix_ = _normalize(self._vectors(self.forms_)).T.tocsr()
        form_words = [f.split() for f in self.forms_]
        self.form_sizes_ = np.array([len(w) for w in form_words])
        self.word_list_ = sorted({w for words in form_words for w in words})
        word_index = {w: i for i, w in enumerate(self.word_list_)}
        self.form_word_ids_ = [[word_index[w] for w in words] for words in form_words]
        self.word_matrix_ = _normalize(self._vectors(self.word_list_)).T.tocsr()

    def _check_fitted(self) -> None:
        if not hasattr(self, "vocabulary_"):
            raise RuntimeError("TfidfMatcher is not fitted: call fit(taxonomy) first")

    def match(self, units: list[Unit], blocked: list[bool] | None = None) -> list[Candidate]:
        """Best non-overlapping windows scoring at or above the thresholds.

        ``blocked[i]`` marks units already claimed (by the ruler); windows never touch them.
        """
        self._check_fitted()
        n = len(units)
        if n == 0:
            return []
        blocked = blocked or [False] * n
        lowered = [u.text.lower() for u in units]
        viable = self.viable_words(set(lowered))
        words = sorted(viable)
        if not words:
            return []
        index = {w: i for i, w in enumerate(words)}
        vectors, unseen = self._word_vectors(words)
        sims = np.asarray((vectors @ self.form_matrix_).todense())  # words x forms
        gram = np.asarray((vectors @ vectors.T + unseen @ unseen.T).todense())  # words x words
        ids = np.array([index.get(w, 0) for w in lowered])

        stop = np.array([u.stop for u in units])
        # a unit that resembles no word of any form can be in no accepted window, so windows
        # are made of viable units only: same result, far fewer windows to score
        closed = [b or w not in viable for b, w in zip(blocked, lowered, strict=True)]
        # prefix sums answer "is any unit in first..last blocked / any link broken" at once
        blocked_sum = np.concatenate(([0], np.cumsum(np.array(closed, dtype=int))))
        broken_sum = np.concatenate(([0], np.cumsum([not u.joined for u in units])))
        word_sims: np.ndarray | None = None  # document words x form words, when needed
        found: list[Candidate] = []
        for size in range(1, self.max_words + 1):
            columns = np.nonzero(self.form_sizes_ == size)[0]
            if n < size or not len(columns):
                continue
            first = np.arange(n - size + 1)
            last = first + size - 1
            ok = ~stop[first] & ~stop[last]
            ok &= blocked_sum[last + 1] == blocked_sum[first]
            ok &= broken_sum[last] == broken_sum[first]  # links first..last-1 all joined
            starts = [int(i) for i in first[ok]]
            if not starts:
                continue
            rows = ids[np.array(starts)[:, None] + np.arange(size)]  # windows x size
            dots = sims[:, columns][rows].sum(axis=1)  # windows x forms of this size
            norms = np.sqrt(gram[rows[:, :, None], rows[:, None, :]].sum(axis=(1, 2)))
            norms[norms == 0] = 1.0
            scores = dots / norms[:, None]
            best = scores.argmax(axis=1)
            best_scores = scores[np.arange(len(starts)), best]
            limit = self.single_word_threshold if size == 1 else self.threshold
            for k in np.nonzero(best_scores >= limit)[0]:
                form = int(columns[best[k]])
                if size > 1:
                    # every word must resemble its counterpart: "ai architecture" is not
                    # "data architecture" however long the shared word is
                    if word_sims is None:
                        word_norms = np.sqrt(np.maximum(np.diag(gram), 1e-12))
                        raw = np.asarray((vectors @ self.word_matrix_).todense())
                        word_sims = raw / word_norms[:, None]
                    pairs = zip(rows[k], self.form_word_ids_[form], strict=True)
                    if min(word_sims[w, f] for w, f in pairs) < self.word_threshold:
                        continue
                found.append(
                    Candidate(
                        self.form_skill_[form],
                        starts[k],
                        starts[k] + size - 1,
                        round(float(best_scores[k]), 4),
                        self.forms_[form],
                    )
                )
        return _non_overlapping(found)

    def _word_vectors(self, words: list[str]) -> tuple[Any, Any]:
        """Raw TF-IDF rows of each word: known n-grams, and unseen ones at the highest idf.

        Unseen n-grams count in a window's length: "kubernetes cluster" must not score as
        high as "kubernetes" just because "cluster" is not in the taxonomy's vocabulary.
        """
        from scipy.sparse import csr_matrix

        known: tuple[list[int], list[int], list[float]] = ([], [], [])
        other: tuple[list[int], list[int], list[float]] = ([], [], [])
        local: dict[str, int] = {}
        for row, word in enumerate(words):
            cols, values, unseen_grams = self._word_entry(word)
            known[0].extend([row] * len(cols))
            known[1].extend(cols)
            known[2].extend(values)
            for gram, value in unseen_grams:
                other[0].append(row)
                other[1].append(local.setdefault(gram, len(local)))
                other[2].append(value)
        shape = (len(words), len(self.idf_))
        vectors = csr_matrix((known[2], (known[0], known[1])), shape=shape)
        unseen = csr_matrix(
            (other[2], (other[0], other[1])), shape=(len(words), max(1, len(local)))
        )
        return vectors, unseen

    def viable_words(self, words: set[str]) -> set[str]:
        """The words whose best cosine with any word of any form reaches the word threshold.

        Every word of an accepted window must (single words: the single-word threshold, longer
        windows: the word threshold against its counterpart), so other words are never scored.
        Decided once per distinct word and cached.
        """
        new = sorted(w for w in words if w not in self._viable)
        if new:
            if len(self._viable) >= WORD_CACHE_SIZE:
                self._viable.clear()
            vectors, unseen = self._word_vectors(new)
            norms = np.sqrt(
                np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel()
                + np.asarray(unseen.multiply(unseen).sum(axis=1)).ravel()
            )
            norms[norms == 0] = 1.0
            best = np.asarray((vectors @ self.word_matrix_).max(axis=1).todense()).ravel()
            bar = min(self.word_threshold, self.single_word_threshold)
            for word, ok in zip(new, best / norms >= bar, strict=True):
                self._viable[word] = bool(ok)
        return {w for w in words if self._viable[w]}

    def _word_entry(self, word: str) -> _WordEntry:
        """One word's weighted n-grams, cached: most words recur from document to document."""
        entry = self._words.get(word)
        if entry is not None:
            return entry
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
        if len(self._words) >= WORD_CACHE_SIZE:
            self._words.clear()
        entry = self._words[word] = (cols, values, unseen)
        return entry

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
            raise ModelError(f"{path}: no readable matcher.json ({exc})") from None
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

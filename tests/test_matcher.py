from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from gapscan.skills.matcher import TfidfMatcher, Unit
from gapscan.taxonomy import Taxonomy


def units(phrase: str) -> list[Unit]:
    out, pos = [], 0
    for word in phrase.split():
        start = phrase.index(word, pos)
        pos = start + len(word)
        out.append(Unit(word, start, pos, word in {"and", "of", "the"}, True))
    return out


def brute_force(matcher: TfidfMatcher, window: str, form: str) -> float:
    """Cosine of two strings' TF-IDF vectors, unseen n-grams at the highest idf."""
    analyzer = matcher.analyze
    vocab, idf = matcher.vocabulary_, matcher.idf_

    def vec(text: str) -> dict[str, float]:
        return {
            g: c * (idf[vocab[g]] if g in vocab else matcher.unseen_idf_)
            for g, c in Counter(analyzer(text)).items()
        }

    a, b = vec(window), vec(form)
    dot = sum(v * b.get(g, 0.0) for g, v in a.items())
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


@pytest.mark.parametrize(
    "text", ["deep neural nets", "a", "Go", "ai  ML\tops", "scikit-learn C++ Node.js", "é x"]
)
def test_analyzer_is_scikit_learns_char_wb(tiny: Taxonomy, text: str) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    matcher = TfidfMatcher().fit(tiny)
    reference = TfidfVectorizer(analyzer="char_wb", ngram_range=matcher.ngram_range)
    assert matcher.analyze(text) == reference.build_analyzer()(text)


def test_window_scores_equal_full_vectorisation(tiny: Taxonomy) -> None:
    matcher = TfidfMatcher(threshold=0.0, single_word_threshold=0.0).fit(tiny)
    found = matcher.match(units("deep neural network"))
    assert len(found) == 1
    c = found[0]
    assert (c.first, c.last, c.skill_id) == (0, 2, "deep-neural-networks")
    assert c.score == pytest.approx(brute_force(matcher, "deep neural network", c.form), abs=1e-4)


@pytest.mark.parametrize(
    ("phrase", "skill"),
    [("deep neural network", "deep-neural-networks"), ("machine learnin", "machine-learning")],
    ids=["singular", "truncated"],
)
def test_finds_variants(tiny: Taxonomy, phrase: str, skill: str) -> None:
    found = TfidfMatcher().fit(tiny).match(units(phrase))
    assert [c.skill_id for c in found] == [skill]


def test_unseen_words_lower_the_score(tiny: Taxonomy) -> None:
    matcher = TfidfMatcher(threshold=0.0, single_word_threshold=0.0).fit(tiny)
    assert matcher.match(units("kubernetes"))[0].score == pytest.approx(1.0)
    assert brute_force(matcher, "kubernetes cluster", "kubernetes") < 0.7
    strict = TfidfMatcher().fit(tiny)
    # "kubernetes" claimed by the ruler: "cluster" alone resembles nothing
    assert strict.match(units("kubernetes cluster"), [True, False]) == []


def test_windows_do_not_start_or_end_on_stop_words(tiny: Taxonomy) -> None:
    found = TfidfMatcher(threshold=0.5).fit(tiny).match(units("the machine learnin and"))
    assert [(c.first, c.last) for c in found] == [(1, 2)]


def test_unfitted_matcher_fails_clearly() -> None:
    with pytest.raises(RuntimeError, match="not fitted"):
        TfidfMatcher().match(units("python"))


def test_save_and_load_give_same_matches(tiny: Taxonomy, tmp_path: Path) -> None:
    matcher = TfidfMatcher().fit(tiny)
    matcher.to_disk(tmp_path)
    loaded = TfidfMatcher.from_disk(tmp_path)
    phrase = units("deep neural network and machine learnin")
    assert loaded.match(phrase) == matcher.match(phrase)
    assert loaded.get_params() == matcher.get_params()


def test_a_full_word_cache_starts_afresh_without_losing_matches(
    tiny: Taxonomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gapscan.skills import matcher as module

    phrases = [
        units("deep neural network and machine learnin"),
        units("kubernetes and machine learnin"),
    ]
    matcher = TfidfMatcher().fit(tiny)
    expected = [matcher.match(p) for p in phrases]
    assert [len(e) for e in expected] == [2, 2]
    monkeypatch.setattr(module, "WORD_CACHE_SIZE", 4)  # fewer than either phrase's words
    small = TfidfMatcher().fit(tiny)
    for _ in range(2):
        assert [small.match(p) for p in phrases] == expected

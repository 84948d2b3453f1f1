"""gapscan.skills.tokens: the TF-IDF matcher's words, lines unwrapped at the same offsets, and
words a PDF glued together split only where both halves are plainly words."""

from __future__ import annotations

import pytest

from gapscan.skills.tokens import GlueSplitter, Token, Tokens, unwrap_lines, word_spans
from gapscan.taxonomy import Taxonomy


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("C++, k8s and scikit-learn", ["C++", "k8s", "and", "scikit", "learn"]),
        ("C# .NET #tag", ["C#", "NET", "tag"]),
        ("snake_case _lead", ["snake_case", "lead"]),
        ("naïve Bayes, 3D", ["naïve", "Bayes", "3D"]),
        (" -- ", []),
    ],
    ids=["plus-and-hyphen", "hash", "underscore", "unicode-and-digits", "no-words"],
)
def test_word_spans(text: str, words: list[str]) -> None:
    assert [text[a:b] for a, b in word_spans(text)] == words


def test_word_spans_are_offsets() -> None:
    assert word_spans("Go, C++") == [(0, 2), (4, 7)]


@pytest.mark.parametrize(
    ("text", "unwrapped"),
    [
        ("stakeholder\nengagement", "stakeholder engagement"),
        ("Azure\nOpenAI\n\nnext", "Azure OpenAI\n\nnext"),
        ("a\n\n\nb\n", "a\n\n\nb "),
        ("next\r\nline\r\n\r\nend", "next  line\r\n\r\nend"),
        ("no breaks", "no breaks"),
    ],
    ids=["wrapped-phrase", "paragraph-kept", "blank-lines-kept", "crlf", "none"],
)
def test_unwrap_lines_keeps_offsets(text: str, unwrapped: str) -> None:
    assert unwrap_lines(text) == unwrapped
    assert len(unwrap_lines(text)) == len(text)


def test_tokens_are_made_on_demand() -> None:
    text = "Go, C++ rocks"
    tokens = Tokens(text, [0, 2, 4, 8], [2, 1, 3, 5], [0, 1, 1, 0])
    assert len(tokens) == 4
    assert tokens.text_at(2) == "C++"
    assert tokens[0] == Token("Go", "go", False, 0)
    assert tokens[1:3] == [Token(",", ",", True, 2), Token("C++", "c++", True, 4)]
    assert tokens[-1] == Token("rocks", "rocks", False, 8)


@pytest.fixture(scope="module")
def glue(taxonomy: Taxonomy) -> GlueSplitter:
    return GlueSplitter(
        frozenset(f.lower() for s in taxonomy.skills for f in s.case_insensitive_forms),
        frozenset(f for s in taxonomy.skills for f in s.exact),
    )


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("SQLWorked", ["SQL", "Worked"]),
        ("GCPAzureAWS", ["GCP", "Azure", "AWS"]),
        ("PythonLed", ["Python", "Led"]),
        ("AWSExperience", ["AWS", "Experience"]),
    ],
)
def test_glued_words_are_split(glue: GlueSplitter, word: str, parts: list[str]) -> None:
    assert glue.parts(word) == parts


@pytest.mark.parametrize(
    "word",
    [
        "PostgreSQL",
        "JavaScript",
        "TensorFlow",
        "PyTorch",
        "GitHub",
        "LangChain",
        "OpenAI",
        "DeepMind",
        "CloudFlare",
        "GoPro",
        "SQLAlchemy",
        "XGBoost",
        "PhD",
        "macOS",
        "YouTube",
    ],
)
def test_camel_case_names_stay_whole(glue: GlueSplitter, word: str) -> None:
    assert glue.parts(word) is None


def test_splits_give_offsets(glue: GlueSplitter) -> None:
    assert glue.splits("Tools: SQLWorked, PyTorch") == [(7, ["SQL", "Worked"])]

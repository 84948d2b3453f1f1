"""gapscan.skills.mentions: which ruler matches the context allows, and what a mention records."""

from __future__ import annotations

import pytest

from gapscan.read.sections import detect_sections
from gapscan.records import Document, Page
from gapscan.skills.extractor import SkillExtractor
from gapscan.skills.matcher import Unit
from gapscan.skills.mentions import (
    Match,
    claimed_by_ruler,
    context_ok,
    context_table,
    in_proper_name,
    longest_first,
    make_mention,
    tfidf_units,
)
from gapscan.skills.ruler import LABEL, PHRASE_LABEL
from gapscan.skills.tokens import SpanInfo, Tokens, unwrap_lines, word_spans
from gapscan.taxonomy import Taxonomy


def parse(extractor: SkillExtractor, text: str) -> tuple[list[SpanInfo], Tokens]:
    """The ruler's spans and the tokens, as the extractor reads them (``_parse``)."""
    return extractor._parse(text)


def allowed(extractor: SkillExtractor, tiny: Taxonomy, text: str) -> list[tuple[str, bool]]:
    spans, tokens = parse(extractor, text)
    table = context_table(tiny)
    return [(text[s.start_char : s.end_char], context_ok(s, tokens, text, table)) for s in spans]


def test_context_table(tiny: Taxonomy) -> None:
    table = context_table(tiny)
    assert table["go-language"].not_after == frozenset({"to", "ahead"})
    assert table["c-language"].not_before == frozenset({"series"})  # lower-cased
    assert table["go-language"].exact == frozenset({"Go"})
    assert table["kubernetes"] == (frozenset(), frozenset(), frozenset(), False, False)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Go to the office", [("Go", False)]),
        ("Go ahead", [("Go", False)]),
        ("Go is fast", [("Go", True)]),
        ("a Series C company", [("C", False)]),
        ("a series C company", [("C", False)]),
        ("we write C daily", [("C", True)]),
        ("C-level executives", [("C", False)]),
        ("Objective-C code", [("C", False)]),
        ("Go-based tools", [("Go", False)]),
        ("Go, C and golang", [("Go", True), ("C", True), ("golang", True)]),
    ],
    ids=["not-after-to", "not-after-ahead", "go-allowed", "not-before-series",
         "not-before-any-case", "c-allowed", "glued-hyphen-after", "glued-hyphen-before",
         "go-glued", "list"],
)  # fmt: skip
def test_context_ok(
    tiny_extractor: SkillExtractor, tiny: Taxonomy, text: str, found: list[tuple[str, bool]]
) -> None:
    assert allowed(tiny_extractor, tiny, text) == found


@pytest.mark.parametrize(
    ("text", "proper"),
    [
        ("Kestrel Vision ML", True),
        ("We use ML", False),
        ("Kestrel\nVision ML", False),  # the name must be on the acronym's line
        ("Vision ML", False),  # two capitalised words before it, at least
        ("Kestrel 2 ML", False),
    ],
    ids=["company-name", "lower-case-before", "line-break", "one-word-before", "digit"],
)
def test_in_proper_name(tiny_extractor: SkillExtractor, text: str, proper: bool) -> None:
    spans, tokens = parse(tiny_extractor, text)
    (span,) = [s for s in spans if s.skill_id == "machine-learning"]
    assert in_proper_name(span, "ML", tokens, text) is proper


def test_in_proper_name_only_for_short_acronyms(tiny_extractor: SkillExtractor) -> None:
    text = "Kestrel Vision golang"
    spans, tokens = parse(tiny_extractor, text)
    assert in_proper_name(spans[0], "golang", tokens, text) is False


def span(start: int, end: int, skill: str = "s", label: str = LABEL) -> SpanInfo:
    return SpanInfo(start, end, start * 10, end * 10, label, skill)


def test_longest_first() -> None:
    """A span inside a longer one goes; spans that cross both stay ("streaming data
    pipelines" is streaming data and data pipelines)."""
    spans = [span(1, 2, "inside"), span(0, 3, "long"), span(2, 4, "crosses-long"),
             span(3, 5, "after-long"), span(5, 6, "single"), span(7, 9, "second-of-two"),
             span(6, 8, "first-of-two"), span(4, 5, "inside-after-long")]  # fmt: skip
    assert [s.skill_id for s in longest_first(spans)] == [
        "long", "crosses-long", "after-long", "single", "first-of-two", "second-of-two",
    ]  # fmt: skip
    # "demand forecasting models": one mention of a skill whose two forms cross
    assert longest_first([span(0, 2, "a"), span(1, 3, "a")]) == [span(0, 2, "a")]


def test_longest_first_keeps_equal_spans_of_two_skills() -> None:
    # "ETL pipelines" is both ETL and data pipelines; one skill's twin spans are one mention
    assert longest_first([span(0, 2, "a"), span(0, 2, "b")]) == [span(0, 2, "a"), span(0, 2, "b")]
    assert longest_first([span(0, 2, "a"), span(0, 2, "a")]) == [span(0, 2, "a")]
    assert longest_first([span(0, 2, "a"), span(1, 2, "b")]) == [span(0, 2, "a")]
    assert longest_first([]) == []


def test_claimed_by_ruler_marks_names_only() -> None:
    claimed = claimed_by_ruler([span(0, 1), span(2, 3, label=PHRASE_LABEL)], 40)
    assert claimed == bytearray(b"\x01" * 10 + b"\x00" * 30)


def units(text: str, viable: set[str], claimed: bytearray | None = None) -> list[Unit]:
    found = word_spans(text)
    words = [text[a:b].lower() for a, b in found]
    claim = bytearray(len(text)) if claimed is None else claimed
    return tfidf_units(text, found, words, frozenset(viable), claim, frozenset({"of", "and"}))


def test_tfidf_units_keep_viable_words_and_their_joins() -> None:
    text = "deep neural-networks, of ML and golang"
    assert units(text, {"deep", "neural", "networks", "of", "and", "golang"}) == [
        Unit("deep", 0, 4, False, True),
        Unit("neural", 5, 11, False, True),  # a hyphen joins
        Unit("networks", 12, 20, False, False),  # a comma does not
        Unit("of", 22, 24, True, False),  # "ML" between is not viable: no join across it
        Unit("and", 28, 31, True, True),
        Unit("golang", 32, 38, False, False),
    ]


def test_tfidf_units_skip_what_the_ruler_claimed() -> None:
    text = "deep neural networks"
    claimed = bytearray(len(text))
    claimed[5:11] = b"\x01" * 6  # "neural"
    assert units(text, {"deep", "neural", "networks"}, claimed) == [
        Unit("deep", 0, 4, False, False),
        Unit("networks", 12, 20, False, False),
    ]


POSTING = (
    "ML Engineer\nRequirements\n- Kubernetes\n- No Go needed\nNice to have\n- golang is a plus\n"
)


def posting_doc() -> Document:
    return Document("p.pdf", "pdf", POSTING, "0" * 64, pages=(Page(1, 0, len(POSTING)),),
                    sections=detect_sections(POSTING, posting=True))  # fmt: skip


@pytest.mark.parametrize(
    ("skill", "word", "posting", "section", "counted", "reason", "importance"),
    [
        ("kubernetes", "Kubernetes", True, "requirements", True, None, "required"),
        ("go-language", "Go", True, "requirements", False, "negated", None),
        ("go-language", "golang", True, "preferred", True, None, "preferred"),
        ("machine-learning", "ML", True, "title", False, "in the job title", None),
        ("kubernetes", "Kubernetes", False, "requirements", True, None, None),
        ("machine-learning", "ML", False, "title", True, None, None),
    ],
    ids=["required", "negated", "preferred", "job-title", "resume-has-no-importance",
         "title-counts-in-a-resume"],
)  # fmt: skip
def test_make_mention(
    skill: str,
    word: str,
    posting: bool,
    section: str,
    counted: bool,
    reason: str | None,
    importance: str | None,
) -> None:
    start = POSTING.index(word)
    match = Match(skill, start, start + len(word), "ruler", 1.0)
    m = make_mention(posting_doc(), posting, match, frozenset())
    assert (m.skill_id, m.text, m.start, m.end, m.page, m.method, m.score) == (
        skill, word, start, start + len(word), 1, "ruler", 1.0,
    )  # fmt: skip
    assert (m.section, m.counted, m.reason, m.importance) == (section, counted, reason, importance)


def test_make_mention_outside_every_section_is_other() -> None:
    doc = Document("r.txt", "text", "Go", "0" * 64)
    m = make_mention(doc, False, Match("go-language", 0, 2, "tfidf", 0.8), frozenset())
    assert (m.section, m.page, m.method, m.score, m.counted) == ("other", None, "tfidf", 0.8, True)


def test_unwrapped_tokens_keep_the_text_offsets(tiny_extractor: SkillExtractor) -> None:
    text = "deep\nneural networks, Go"
    spans, tokens = parse(tiny_extractor, text)
    assert tokens.text == unwrap_lines(text)
    assert [(s.skill_id, text[s.start_char : s.end_char]) for s in spans] == [
        ("deep-neural-networks", "deep\nneural networks"), ("go-language", "Go"),
    ]  # fmt: skip

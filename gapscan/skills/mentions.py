"""Where a mention is made: ruler and TF-IDF matches become :class:`Mention` records (pure).

A ruler match is kept when the words around it allow it (the skill's ``not_before`` and
``not_after``, exact short forms glued by a hyphen, an acronym ending a company's name). Each
kept match then gets its place (page, section) and, from ``rules``, whether it counts and,
in a posting, how much.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..addresses import EMAIL_RE, URL_RE
from ..read.headings import heading_key, heading_kind
from ..records import Document, Mention, Method
from ..taxonomy import Taxonomy
from .matcher import Unit
from .roles import OR_SIMILAR
from .ruler import LABEL, PHRASE_LABEL
from .rules import (
    INTEREST_HEADINGS,
    INTERESTS,
    LEARNING_HEADINGS,
    STILL_LEARNED,
    acts_on_people,
    importance,
    names_a_job,
    uncounted_reason,
)
from .tokens import SpanInfo, Tokens

_JOINERS = ("", "-", "/")


class Match(NamedTuple):
    """A skill found at ``start:end`` by one method, with its score (1.0 for the ruler)."""

    skill_id: str
    start: int
    end: int
    method: Method
    score: float


class SkillContext(NamedTuple):
    """A skill's context words (lower-cased) and exact forms, looked up for every match."""

    not_before: frozenset[str]
    not_after: frozenset[str]
    exact: frozenset[str]
    spaced_dash: bool = False  # a form holds " - " ("AWS Certified Machine Learning - Specialty")
    education: bool = False  # a degree or a field of study


def context_table(taxonomy: Taxonomy) -> dict[str, SkillContext]:
    return {
        s.id: SkillContext(
            frozenset(w.lower() for w in s.not_before),
            frozenset(w.lower() for w in s.not_after),
            frozenset(s.exact),
            any(_SPACED_DASH.search(f) for f in (s.name, *s.aliases, *s.exact)),
            s.type == "education",
        )
        for s in taxonomy.skills
    }


# a dash with a space on each side separates words ("pipeline on AWS - SageMaker for
# training"); joined forms of a name only ever take a hyphen glued to the words
_SPACED_DASH = re.compile(r"\s[-\u2013\u2014]\s")


def ruler_matches(
    spans: list[SpanInfo],
    tokens: Tokens,
    text: str,
    context: dict[str, SkillContext],
    lists: Sequence[tuple[int, int]] = (),
) -> list[Match]:
    """Names the context allows, longest first; phrases with gaps stand beside them.

    ``lists`` are the character ranges of the sections that list skills (a resume's
    "Skills"): there a run of capitalised words is read as items, never as a company's name.
    """
    names = [s for s in spans if s.label == LABEL]
    named = {i for s in names for i in range(s.start, s.end)}
    place = Place(named, lists, organisations(text))
    kept = [s for s in names if context_ok(s, tokens, text, context, place)]
    # phrases with gaps ("led the platform team") stand beside the names they contain
    phrases = [s for s in spans if s.label == PHRASE_LABEL]
    chosen = longest_first(kept)
    chosen += degrees_inside(kept, chosen, context)
    return [
        Match(s.skill_id, s.start_char, s.end_char, "ruler", 1.0)
        for s in sorted(chosen, key=lambda s: s.start) + longest_first(phrases)
    ]


def degrees_inside(
    spans: list[SpanInfo], chosen: list[SpanInfo], context: dict[str, SkillContext]
) -> list[SpanInfo]:
    """The degrees stated inside another one's name: "MSc in Artificial Intelligence" is a
    master's degree as well as a degree in AI, and "Bachelor's in Data Science" a bachelor's.

    Any other name inside a longer one is part of it ("Spark" in "Spark Streaming").
    """
    education = [s for s in chosen if context[s.skill_id].education]
    if not education:
        return []
    have = {(s.skill_id, s.start) for s in chosen}
    out: list[SpanInfo] = []
    for span in spans:
        if not context[span.skill_id].education or (span.skill_id, span.start) in have:
            continue
        inside = (
            outer.start <= span.start and span.end <= outer.end and outer.skill_id != span.skill_id
            for outer in education
        )
        if any(inside):
            out.append(span)
            have.add((span.skill_id, span.start))
    return out


class Place(NamedTuple):
    """What the document around a match says: the tokens inside some skill's name, the
    character ranges of the sections that list skills, and those of organisations' names."""

    named: set[int]
    lists: Sequence[tuple[int, int]]
    organisations: Sequence[tuple[int, int]] = ()


NOWHERE = Place(set(), ())

_ORG_WORD = r"[A-Z][\w&'-]*"
_ORG_JOIN = r"(?:\s+(?:and|&|of|for|in)\s+|[ \t]+)"
_ORG_HEAD = r"(?:Department|Faculty|School|Institute|Centre|Center|Laboratory|Lab|Division)"
_ORG_TAIL = (
    r"(?:Lab|Laboratory|Centre|Center|Institute|Foundation|Department|Academy|School|College|"
    r"Caf\u00e9|Cafe|Bakery|Restaurant|Bistro)"
)
# "the Department of Bioinformatics and Data Mining", "the Embodied AI and Robotics Lab",
# "a WHO Collaborating Centre": the skill's words name a place of work, not a skill asked for
# a company's legal form after a short name: "Redshift Courier Co.", "Pinecone Ridge Credit
# Union", "Snowflake Inc." (the company, not the skill)
_CORPORATE = r"(?:(?:Company|Inc|Ltd|LLC|GmbH|Corp|Corporation|Credit\s+Union|Bank|plc)\b|Co\.)"
_ORGANISATIONS = (
    re.compile(rf"\b{_ORG_HEAD}\s+(?:of|for)\s+{_ORG_WORD}(?:{_ORG_JOIN}{_ORG_WORD}){{0,6}}"),
    re.compile(rf"\b(?!The\b){_ORG_WORD}(?:{_ORG_JOIN}{_ORG_WORD}){{0,6}}[ \t]+{_ORG_TAIL}\b"),
    re.compile(rf"\b(?!The\b){_ORG_WORD}(?:[ \t]+{_ORG_WORD}){{0,2}}[ \t]+{_CORPORATE}"),
)


def organisations(text: str) -> list[tuple[int, int]]:
    """Character ranges of organisations' names built on a unit's word ("Department of",
    "... Lab", "... Centre"): the skills inside them are the place's subject, not the job's."""
    return sorted(m.span() for pattern in _ORGANISATIONS for m in pattern.finditer(text))


def in_organisation(start: int, end: int, place: Place) -> bool:
    """The match lies inside an organisation's name, outside a section that lists skills."""
    if any(a <= start < b for a, b in place.lists):
        return False
    return any(a <= start and end <= b for a, b in place.organisations)


def context_ok(
    span: SpanInfo,
    tokens: Tokens,
    text: str,
    context: dict[str, SkillContext],
    place: Place = NOWHERE,
) -> bool:
    """Apply the skill's not_before/not_after words and the rules for exact short forms."""
    not_before, not_after, exact, spaced_dash, _ = context[span.skill_id]
    start, end = span.start, span.end
    if not_before and start > 0 and word_before(tokens, start) in not_before:
        return False
    if not_after and end < len(tokens) and tokens.text_at(end).lower() in not_after:
        return False
    surface = text[span.start_char : span.end_char]
    if not spaced_dash and _SPACED_DASH.search(surface):
        return False
    if in_organisation(span.start_char, span.end_char, place):
        return False
    if end - start == 1 and in_proper_name(span, surface, tokens, text, place):
        return False  # "Lanternwise Legal AI", "Kestrel Vision AI": a company's name
    if exact and surface in exact and cheer(tokens, text, start, end):
        return False  # "(Go Sooners!)": a cheer, not the language
    if exact and (surface in exact or surface.rstrip("s") in exact):
        # "go-to-market", "C-level", "R-squared": an exact short form glued by a hyphen
        glued_after = end < len(tokens) and not tokens.space[end - 1]
        if glued_after and tokens.text_at(end) in ("-", "'", "&") and not kind_suffix(tokens, end):
            return False
        glued_before = start > 0 and not tokens.space[start - 1]
        if glued_before and tokens.text_at(start - 1) in ("-", "&", "@", "."):
            return False
    return True


# "BERT-family models", "GPT-powered search": the skill itself ("Go-based" stays no Go)
_KIND_SUFFIXES = frozenset({"family", "powered"})


def kind_suffix(tokens: Tokens, hyphen: int) -> bool:
    """True when the hyphen at token ``hyphen`` glues on a word that makes the name a kind
    ("BERT-family"), not another word ("go-to-market", "R-squared")."""
    after = hyphen + 1
    return (
        tokens.text_at(hyphen) == "-"
        and after < len(tokens)
        and not tokens.space[hyphen]
        and tokens.text_at(after).lower() in _KIND_SUFFIXES
    )


def word_before(tokens: Tokens, start: int) -> str:
    """The word before token ``start``, lower-cased, seen through a hyphen or colon glued to
    it: "cutting-edge AI" and "Group: C" are preceded by "cutting" and "group" as much as
    "leading edge AI" and "Group C" are. A dash with a space after it is no word: "- Go"
    opens a list item."""
    before = tokens.text_at(start - 1)
    if before == "-" and tokens.space[start - 1]:
        return ""  # a dash or a list item's bullet ("- Go, Rust"), no hyphen glued to the word
    if before in ("-", ":") and start > 1 and not tokens.space[start - 2]:
        return tokens.text_at(start - 2).lower()
    return before.lower()


_OPENERS = frozenset({"(", "[", ":", "-", "\u2013", "\u2014", '"', "\u201c"})


def cheer(tokens: Tokens, text: str, start: int, end: int) -> bool:
    """True for an exact short form that opens an exclamation of one or two capitalised
    words: "(Go Sooners!)", "Go Team!". Nobody lists a skill that way."""
    if start > 0:
        before = tokens.text_at(start - 1)
        line_start = "\n" in text[tokens.idx[start - 1] : tokens.idx[start]]
        if not (line_start or before.isspace() or before in _OPENERS):
            return False
    for k in range(end, min(end + 2, len(tokens))):
        word = tokens.text_at(k)
        if not (word.isalpha() and word[0].isupper()):
            return False
        if k + 1 < len(tokens) and tokens.text_at(k + 1) == "!":
            return True
    return False


def in_proper_name(
    span: SpanInfo, surface: str, tokens: Tokens, text: str, place: Place = NOWHERE
) -> bool:
    """A short acronym that ends a run of capitalised words on its line is part of a name
    ("Lanternwise Legal AI", "Kestrel Vision AI").

    Not when the run is a list of skills instead: a word of it is itself (part of) a skill
    ("Microsoft Azure AWS"), the words open the line after a label ("Databases: Toad Oracle
    SQL", "Languages Basic SQL" from a two-column layout), or the line sits in a section
    that lists skills.
    """
    if not (surface.isupper() and len(surface) <= 3) or span.start < 2:
        return False
    first = span.start - 2
    words = tokens[first : span.start]
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if line_start > words[0].idx:
        return False
    if not all(w.text.isalpha() and w.text.istitle() for w in words):
        return False
    if first in place.named or first + 1 in place.named:
        return False
    if opens_list(text[line_start : words[0].idx], words[0].text):
        return False
    return not any(a <= span.start_char < b for a, b in place.lists)


_LABEL = re.compile(r"\W*([A-Za-z][\w &/+.-]{0,40}):\s*")
# labels after which a run of capitalised words is an organisation's name, not a list
_NAME_LABELS = frozenset(
    [
        "company",
        "employer",
        "organisation",
        "organization",
        "client",
        "customer",
        "university",
        "school",
        "college",
        "institution",
        "institute",
        "lab",
        "team",
    ]
)


def opens_list(head: str, first_word: str) -> bool:
    """True when the words after ``head`` (their line up to them) start a list of items:
    ``head`` is a label ("Databases:"), or is empty and the first word is a skills
    heading written on the same line as its items ("Languages Basic SQL")."""
    if not head.strip():
        return heading_kind(first_word) == "skills"
    label = _LABEL.fullmatch(head)
    return bool(label and label.group(1).strip().lower() not in _NAME_LABELS)


def longest_first(spans: list[SpanInfo]) -> list[SpanInfo]:
    """The spans no longer (or earlier, as long) span contains or crosses with the same
    skill, longer first then earlier.

    Spans of two skills that cross both stay: "streaming data pipelines" states streaming
    data and data pipelines, where ``spacy.util.filter_spans`` would keep only the first. So
    do two skills' spans over the same words ("architecture decision records": solution
    architecture and technical writing).
    """
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    longest = ordered[0].end - ordered[0].start if ordered else 0
    reach: dict[int, int] = {}  # start token -> the furthest end of a kept span from there
    skills: dict[int, set[str]] = {}  # token -> the skills of the kept spans over it
    kept: list[SpanInfo] = []
    extents: set[tuple[int, int]] = set()  # of the kept spans
    for span in ordered:
        first = max(0, span.end - longest)
        twin = (span.start, span.end) in extents  # two skills list the same words
        if not twin and any(reach.get(i, -1) >= span.end for i in range(first, span.start + 1)):
            continue  # inside a longer span
        if any(span.skill_id in skills.get(i, ()) for i in range(span.start, span.end)):
            continue  # crosses a span of its own skill: the same mention
        kept.append(span)
        extents.add((span.start, span.end))
        reach[span.start] = max(reach.get(span.start, -1), span.end)
        for i in range(span.start, span.end):
            skills.setdefault(i, set()).add(span.skill_id)
    return sorted(kept, key=lambda s: s.start)


def claimed_by_ruler(spans: list[SpanInfo], size: int, text: str = "") -> bytearray:
    """A byte per character of the text: 1 inside a ruler match of a name or inside an
    e-mail address or URL of ``text`` ("github.com/jdoe" claims no Git), else 0."""
    claimed = bytearray(size)
    for span in spans:
        if span.label == LABEL:
            claimed[span.start_char : span.end_char] = b"\x01" * (span.end_char - span.start_char)
    if "@" in text or "." in text:
        for pattern in (EMAIL_RE, URL_RE):
            for m in pattern.finditer(text):
                claimed[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return claimed


def tfidf_units(
    text: str,
    found: list[tuple[int, int]],
    words: list[str],
    viable: frozenset[str] | set[str],
    claimed: bytearray,
    stop_words: frozenset[str],
) -> list[Unit]:
    """The words the TF-IDF matcher may join into windows.

    Only words that resemble some taxonomy word (``viable``) can be part of a match, and only
    where the ruler has not matched already: the others are left out, and a window never
    reaches across them.
    """
    units: list[Unit] = []
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
    return units


def tfidf_context_ok(
    context: SkillContext,
    text: str,
    found: list[tuple[int, int]],
    words: list[str],
    first: int,
    last: int,
) -> bool:
    """The skill's not_before/not_after words for a TF-IDF match of words ``first``..``last``.

    As for a ruler match ("spotlight presentation" is no more a presentation skill than
    "spotlight presentations"): the neighbouring word counts when only spaces, or a hyphen
    or colon glued to it, stand between.
    """
    not_before, not_after = context.not_before, context.not_after
    if not_before and first > 0:
        gap = text[found[first - 1][1] : found[first][0]]
        if (not gap.strip() or gap.rstrip() in ("-", ":")) and words[first - 1] in not_before:
            return False
    if not_after and last + 1 < len(words):
        gap = text[found[last][1] : found[last + 1][0]]
        if not gap.strip() and words[last + 1] in not_after:
            return False
    return True


# one lower-case noun naming an activity: "orchestration", "monitoring", "analysis"
_GENERIC_WORD = re.compile(r"[A-Za-z][a-z]+(?:tion|sion|ment|ing|ance|ence|ity|sis|ics|ure)")
_FOR = re.compile(r"\s+for\s+")
_BY_MEANS_OF = re.compile(r"\s+(?:with|via|using|through|on)\s+")
PURPOSE = "says what the skill next to it is for"


def purposes(found: Sequence[Match], text: str, technical: frozenset[str]) -> set[int]:
    """Indices of matches that only say what a technical skill next to them does.

    A generic word right after "X for" ("Kubernetes for orchestration") or before "with X"
    ("orchestration with Kubernetes") describes X's purpose: it asks for X, not for the
    field the word also names (workflow orchestration).
    """
    ends = {m.end: m for m in found if m.skill_id in technical}
    starts = {m.start: m for m in found if m.skill_id in technical}
    out: set[int] = set()
    for k, m in enumerate(found):
        if not _GENERIC_WORD.fullmatch(text, m.start, m.end):
            continue
        cut = text.rfind(" for ", max(0, m.start - 12), m.start)
        if cut >= 0 and _FOR.fullmatch(text, cut, m.start):
            before = ends.get(cut)
            if before is not None and before.skill_id != m.skill_id:
                out.add(k)
                continue
        means = _BY_MEANS_OF.match(text, m.end)
        after = starts.get(means.end()) if means else None
        if (
            after is not None
            and after.skill_id != m.skill_id
            and not names_a_job(text, after.start, after.end)  # "... with data scientists"
        ):
            out.add(k)
    return out


# "LangChain, LlamaIndex or a similar orchestration library": the words after "or a similar"
# describe the examples before them (the libraries named), they ask for nothing else
_SIMILAR_BEFORE = re.compile(rf"{OR_SIMILAR}\s+$", re.I)
SIMILAR = "describes the examples before it"


def similar_terms(
    found: Sequence[Match], text: str, kind_of: Callable[[str, str], bool]
) -> set[int]:
    """Indices of matches that follow "X or a similar" and only describe X.

    The term stays when the taxonomy makes it what X is a kind of (``kind_of(x, term)``):
    "Kafka or other event streaming" asks for event streaming, which Kafka meets; "LangChain
    or a similar orchestration library" does not ask for workflow orchestration.
    """
    out: set[int] = set()
    by_end: dict[int, list[Match]] = {}
    for m in found:
        by_end.setdefault(m.end, []).append(m)
    for k, m in enumerate(found):
        cue = _SIMILAR_BEFORE.search(text, max(0, m.start - 40), m.start)
        if cue is None:
            continue
        examples = [x for e in range(cue.start() - 2, cue.start() + 1) for x in by_end.get(e, [])]
        if examples and not any(kind_of(x.skill_id, m.skill_id) for x in examples):
            out.add(k)
    return out


def make_mention(
    document: Document,
    posting: bool,
    match: Match,
    certificates: frozenset[str],
    *,
    degrees: frozenset[str] = frozenset(),
    technical: frozenset[str] = frozenset(),
    purpose: bool = False,
    similar: bool = False,
) -> Mention:
    """A mention with its place, and whether (and how much) it counts; ``purpose`` marks a
    word that says what the skill next to it is for (:func:`purposes`), ``similar`` one that
    describes the examples before it (:func:`similar_terms`)."""
    text = document.text
    start, end = match.start, match.end
    found = document.section_at(start)
    section = found.kind if found else "other"
    # certificate names end in job titles by right ("... Machine Learning Engineer")
    job_rule = match.skill_id not in certificates
    soft = job_rule and match.skill_id not in technical and match.skill_id not in degrees
    if soft and acts_on_people(text, start, end):
        job_rule = False  # "Mentored engineers" is mentoring, not a job
    heading = found is not None and bool(found.heading) and text.find("\n", found.start) >= end
    reason = PURPOSE if purpose else SIMILAR if similar else None
    if not posting and found is not None and heading_key(found.heading) in INTEREST_HEADINGS:
        reason = reason or INTERESTS
    if not posting and found is not None and heading_key(found.heading) in LEARNING_HEADINGS:
        reason = reason or STILL_LEARNED
    reason = reason or uncounted_reason(
        text,
        start,
        end,
        section,
        posting=posting,
        job_rule=job_rule,
        field_rule=match.skill_id not in degrees,  # a degree's field is the degree asked for
        heading=heading,
        # "2 data scientists" claims no data science; "coached data scientists" is mentoring
        people_rule=match.skill_id in technical,
    )
    level = importance(text, start, end, section) if posting and reason is None else None
    return Mention(
        skill_id=match.skill_id,
        text=text[start:end],
        start=start,
        end=end,
        page=document.page_at(start),
        section=section,
        method=match.method,
        score=match.score,
        counted=reason is None,
        reason=reason,
        importance=level,
    )

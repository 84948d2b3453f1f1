"""What a posting asks for that gapscan did not understand, and how much it did (pure).

A posting outside the taxonomy's field names tools no skill covers ("Java, Struts,
Hibernate and Oracle"); its score then rests on the few terms recognised. Terms that look
like requirements are found where a requirement could be (never in the company blurb,
the benefits, how to apply, a job title or a negated clause) and outside every mention:

- words written as tools are: "GraphQL", "CSS", "HTML5", "Node.js", "C#";
- capitalised words listed with a recognised skill or such a word ("Java, Struts,
  Hibernate"), or named after "experience with", "knowledge of" and the like.

Coverage is the share of recognised skills among recognised and not recognised terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Mention, SkillProfile
from .skills.roles import NAME_LINE
from .skills.rules import negation_reason, posting_reason
from .skills.sentences import sentence_bounds
from .taxonomy import Taxonomy

LOW_COVERAGE = 0.7  # below this share the score is said to be unreliable for the posting

# a word as tools are written: letters, digits and the marks inside names ("Node.js", "C++")
_WORD = re.compile(r"(?<![\w<.#+-])[A-Za-z][A-Za-z0-9]*(?:[.+#-][A-Za-z0-9]+)*[+#]*(?![\w>])")
_TOOL_SHAPED = re.compile(r"[A-Za-z]+[A-Z0-9.#+][\w.#+-]*|[A-Z][+#]+")
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")
_LIST_GAP = re.compile(r"\s*(?:,|/|\||\(|\)|,?\s*(?:and|or|and/or|&)\s)\s*\(?\s*")
_CUE_BEFORE = re.compile(
    r"\b(?:experience\s+(?:with|in|using)|knowledge\s+of|proficien(?:t|cy)\s+(?:in|with)|"
    r"familiar(?:ity)?\s+with|expertise\s+in|skilled\s+in|fluen(?:t|cy)\s+in|"
    r"understanding\s+of|background\s+in|such\s+as|e\.g\.,?|including)\s+$",
    re.I,
)
# capitalised or upper-case words of postings that name no skill
_NOT_TERMS = frozenset(
    [
        "a", "an", "the", "we", "you", "our", "your", "us", "i", "it", "they", "this", "that",
        "these", "those", "all", "any", "each", "every", "usa", "uk", "eu", "emea", "apac",
        "nyc", "sf", "la", "est", "pst", "cet", "utc", "gmt", "eeo", "eoe", "pto", "hr", "ceo",
        "cto", "cfo", "coo", "vp", "svp", "evp", "llc", "inc", "ltd", "gmbh", "ag", "plc", "co",
        "corp", "faq", "tbd", "asap", "ie", "eg", "etc", "ok", "id", "usd", "eur", "gbp", "cv",
        "yes", "no", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "remote", "hybrid", "onsite", "senior", "junior",
        "lead", "staff", "principal", "organization", "organisation", "location", "e.g", "i.e"
    ]
)  # fmt: skip
# "Boston, MA", "San Francisco, CA", "Toronto, ON": a place, not a tool
_PLACE = re.compile(r"(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+,\s+[A-Z]{2}\b")


@dataclass(frozen=True)
class Unrecognised:
    """A posting term that looks like a requirement but is no taxonomy skill."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Coverage:
    """How many distinct skills the posting asks for were recognised, how many terms not."""

    recognised: int
    not_recognised: int

    @property
    def ratio(self) -> float:
        """Recognised over all; 1.0 when the posting names nothing at all."""
        total = self.recognised + self.not_recognised
        return round(self.recognised / total, 3) if total else 1.0

    @property
    def low(self) -> bool:
        return self.ratio < LOW_COVERAGE

    def warning(self) -> str:
        """What a report says first when coverage is low."""
        total = self.recognised + self.not_recognised
        return (
            f"the score is unreliable for this posting: of {total} terms it asks for,"
            f" gapscan recognised {self.recognised} ({self.ratio:.0%})"
        )


def _asks(profile: SkillProfile, start: int, end: int) -> bool:
    """True when a requirement could stand at ``start:end`` (see the module docstring)."""
    text = profile.document.text
    found = profile.document.section_at(start)
    section = found.kind if found else "other"
    if posting_reason(text, start, end, section) is not None:
        return False
    return negation_reason(text, start, end) is None


def _in_mention(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _names(text: str) -> list[tuple[int, int]]:
    """Where places and lines of names (company, location) stand."""
    found = [(m.start(), m.end()) for m in _PLACE.finditer(text)]
    return found + [(m.start(), m.end()) for m in NAME_LINE.finditer(text)]


def unrecognised_terms(
    profile: SkillProfile, known: frozenset[str] = frozenset()
) -> tuple[Unrecognised, ...]:
    """The posting's terms that look like requirements but match no skill: the first place
    of each, sorted by their words (case-insensitive). ``known`` holds the taxonomy's forms,
    lower case: a form its context kept from being a mention ("Vision AI" in a company's
    name) is understood, not unknown."""
    text = profile.document.text
    mentions = [m for hit in profile.skills for m in hit.mentions]
    names = _names(text)
    runs: list[tuple[int, int, bool]] = []  # "Apache Struts": words side by side, one term
    for w in _WORD.finditer(text):
        word, start, end = w.group(), w.start(), w.end()
        tool = bool(_TOOL_SHAPED.fullmatch(word))
        if not (tool or _CAPITALISED.fullmatch(word)) or word.lower() in _NOT_TERMS:
            continue
        if word.lower() in known or _in_mention(mentions, start, end):
            continue
        if any(a <= start < b for a, b in names):
            continue
        if not tool and _sentence_start(text, start):
            continue  # "Define SLOs": a sentence's first word is capitalised anyway
        if runs and text[runs[-1][1] : start] == " ":
            runs[-1] = (runs[-1][0], end, runs[-1][2] or tool)
        else:
            runs.append((start, end, tool))
    # a list chain holding a recognised skill or a tool-shaped word makes all its items terms
    items = sorted([(m.start, m.end, True) for m in mentions if m.counted] + runs)
    chains: list[list[tuple[int, int, bool]]] = []
    for item in items:
        if chains and _LIST_GAP.fullmatch(text, chains[-1][-1][1], item[0]):
            chains[-1].append(item)
        else:
            chains.append([item])
    listed = {(a, b) for chain in chains if any(t for _, _, t in chain) for a, b, _ in chain}
    first: dict[str, Unrecognised] = {}
    for start, end, tool in runs:
        term = text[start:end]
        if not tool:
            cued = _CUE_BEFORE.search(text, max(0, start - 40), start)
            if not cued and (start, end) not in listed:
                continue
        key = term.lower()
        if key not in first and key not in known and _asks(profile, start, end):
            first[key] = Unrecognised(term, start, end)
    return tuple(sorted(first.values(), key=lambda u: (u.text.lower(), u.text)))


def _sentence_start(text: str, start: int) -> bool:
    """True when only marks stand between the sentence's (or list item's) start and here."""
    left, _ = sentence_bounds(text, start, start)
    return not re.search(r"[A-Za-z0-9]", text[left:start])


def coverage(profile: SkillProfile, unrecognised: tuple[Unrecognised, ...]) -> Coverage:
    """The posting's recognised skills against the terms not recognised."""
    return Coverage(len(profile.counted_ids()), len(unrecognised))


@dataclass(frozen=True)
class PostingCoverage:
    """The terms of a posting not recognised, and its coverage."""

    not_recognised: tuple[Unrecognised, ...]
    coverage: Coverage


_memo: list[tuple[SkillProfile, Taxonomy, PostingCoverage, frozenset[str]]] = []


def posting_coverage(posting: SkillProfile, taxonomy: Taxonomy) -> PostingCoverage | None:
    """What the posting asks that no skill covers, and its coverage; None for a taxonomy
    role (no text to understand). The last posting's answer is kept: a batch asks once per
    resume, and the JSON and text reports both ask."""
    if posting.document.format == "role":
        return None
    if _memo and _memo[0][0] is posting and _memo[0][1] is taxonomy:
        return _memo[0][2]
    if _memo and _memo[0][1] is taxonomy:
        known = _memo[0][3]
    else:
        known = frozenset(
            f.lower() for s in taxonomy.skills for f in (*s.case_insensitive_forms, *s.exact)
        )
    terms = unrecognised_terms(posting, known)
    found = PostingCoverage(terms, coverage(posting, terms))
    _memo[:] = [(posting, taxonomy, found, known)]
    return found

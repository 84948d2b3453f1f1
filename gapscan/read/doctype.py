"""Is a text a job posting or a resume? Cues weighed against each other (pure rules).

A posting speaks to its reader ("you will", "your"), of itself ("we", "our team") and of
the hiring ("apply", "candidates", "years of experience", "is a plus"), and has sections
only a posting has. A resume gives dates from and to, contact details, its own section
headings and lines opening with what its owner did ("Led", "Built"). Each cue found adds
its weight, up to a cap, to its side; the text is a posting when that side weighs more.
Rules, not a trained model: each cue says why, and they hold for postings without any
heading (one paragraph of prose) as for resumes in any template. Measured in
``benchmarks/accuracy.py`` (posting/resume detection).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .sections import POSTING_SECTIONS, detect_sections


class Cue(NamedTuple):
    """A pattern, the weight of each time it is found, and the most it may add."""

    pattern: re.Pattern[str]
    weight: float
    cap: float


def _cue(pattern: str, weight: float, cap: float, flags: int = re.I) -> Cue:
    return Cue(re.compile(pattern, flags), weight, cap)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR = r"(?:19|20)\d{2}"

POSTING_CUES = (
    _cue(r"\byou(?:r|rs|rself|'ll|\u2019ll|'re|\u2019re|'d|\u2019d)?\b", 1.0, 12.0),
    _cue(r"\b(?:we|our|us)\b", 0.5, 4.0),
    _cue(
        r"\b(?:looking\s+for|seeking|join\s+(?:our|the|us|a)|apply|applicants?|applications?|"
        r"candidates?|hiring|recruit\w*|the\s+(?:role|position)|this\s+(?:role|position)|"
        r"we\s+offer|is\s+a\s+plus|nice\s+to\s+have|would\s+be\s+(?:a\s+plus|great)|"
        r"equal\s+opportunity|salary|full[-\s]time|part[-\s]time|job\s+(?:description|title)|"
        r"(?:must|should)\s+have|ideally|preferred|the\s+ideal|reports?\s+to|"
        r"responsibilit(?:y|ies)|requirements?|qualifications?|benefits)\b",
        2.0,
        20.0,
    ),
    _cue(r"\b\d+\+?\s*(?:years?|yrs)\s+(?:of\s+)?(?:\w+\s+){0,3}experience\b", 2.0, 6.0),
)
RESUME_CUES = (
    _cue(
        rf"\b(?:{_MONTH}\s+)?{_YEAR}\s*(?:-|\u2013|\u2014|to|until)\s*"
        rf"(?:(?:{_MONTH}\s+)?{_YEAR}|present|now|current|today)\b",
        2.5,
        15.0,
    ),
    _cue(rf"\b{_MONTH}\s+{_YEAR}\b", 0.5, 3.0),
    # an e-mail address or a phone number: "+44 20 7946 0958", "(555) 010-4477"
    _cue(
        r"[\w.+-]+@[\w-]+\.[\w.-]+|\+\d[\d ().-]{7,}\d|\(\d{3}\)\s*\d{3}[ .-]\d{4}|"
        r"\b\d{3}[ .-]\d{3}[ .-]\d{4}\b",
        2.0,
        4.0,
    ),
    _cue(r"linkedin\.com/in/|github\.com/\w", 2.0, 4.0),
    # a line opening with what its owner did: "- Led the migration", "Built a feature store"
    _cue(
        r"^[ \t]*(?:[-*\u2022\u25cf\u25aa\u2013]\s*)?(?:[A-Z][a-z]+ed|Led|Built|Ran|Won|Wrote|"
        r"Taught|Made|Grew|Cut|Drove|Shipped)\b",
        1.0,
        10.0,
        re.M,
    ),
    _cue(r"\b(?:I|I'm|I've|my)\b", 0.5, 4.0, 0),
    _cue(r"\b(?:gpa|cgpa|cum\s+laude|dean's\s+list|references\s+available)\b", 2.0, 4.0),
)
RESUME_SECTIONS = frozenset(
    {"skills", "experience", "education", "certifications", "projects", "publications", "talks",
     "awards"}
)  # fmt: skip
SECTION_WEIGHT = 3.0


def _weigh(cues: tuple[Cue, ...], text: str) -> float:
    return sum(min(cue.weight * len(cue.pattern.findall(text)), cue.cap) for cue in cues)


def posting_evidence(text: str) -> tuple[float, float]:
    """How much the text reads like a posting, and how much like a resume."""
    kinds = {s.kind for s in detect_sections(text, posting=False)}
    posting = _weigh(POSTING_CUES, text) + SECTION_WEIGHT * len(kinds & POSTING_SECTIONS)
    resume = _weigh(RESUME_CUES, text) + SECTION_WEIGHT * len(kinds & RESUME_SECTIONS)
    return posting, resume


def looks_like_posting(text: str) -> bool:
    """True when the text reads more like a job posting than like a resume."""
    posting, resume = posting_evidence(text)
    return posting > resume

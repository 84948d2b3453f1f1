"""Recognise the sections of a resume or posting from their heading lines.

Headings are short lines whose words name a known section ("Technical Skills", "What you'll
need", "Nice to have:"). Text before the first heading is ``header`` (a posting's first line
is its ``title``, when it reads like one).
"""

from __future__ import annotations

import re
from typing import get_args

from ..records import Section, SectionKind

SECTION_KINDS: tuple[SectionKind, ...] = get_args(SectionKind)

# Heading phrases (lower case, punctuation removed) and the section each opens. Longer
# phrases are tried first, so "preferred qualifications" wins over "qualifications".
HEADINGS: dict[str, SectionKind] = {
    "summary": "summary",
    "professional summary": "summary",
    "profile": "summary",
    "professional profile": "summary",
    "about me": "summary",
    "objective": "summary",
    "career objective": "summary",
    "overview": "summary",
    "the role": "summary",
    "about the role": "summary",
    "role overview": "summary",
    "job description": "summary",
    "position summary": "summary",
    "skills": "skills",
    "technical skills": "skills",
    "core skills": "skills",
    "key skills": "skills",
    "skills and tools": "skills",
    "skills tools": "skills",
    "core competencies": "skills",
    "competencies": "skills",
    "technologies": "skills",
    "tech stack": "skills",
    "tools": "skills",
    "languages": "skills",
    "programming languages": "skills",
    "soft skills": "skills",
    "skills summary": "skills",
    "areas of expertise": "skills",
    "expertise": "skills",
    "experience": "experience",
    "work experience": "experience",
    "professional experience": "experience",
    "employment": "experience",
    "employment history": "experience",
    "work history": "experience",
    "career history": "experience",
    "relevant experience": "experience",
    "education": "education",
    "education and training": "education",
    "academic background": "education",
    "certifications": "certifications",
    "certificates": "certifications",
    "licenses and certifications": "certifications",
    "certifications and training": "certifications",
    "training": "certifications",
    "courses": "certifications",
    "projects": "projects",
    "selected projects": "projects",
    "personal projects": "projects",
    "open source": "projects",
    "publications": "publications",
    "selected publications": "publications",
    "papers": "publications",
    "patents": "publications",
    "publications and patents": "publications",
    "talks": "talks",
    "invited talks": "talks",
    "selected talks": "talks",
    "conference talks": "talks",
    "presentations": "talks",
    "talks and presentations": "talks",
    "speaking": "talks",
    "speaking engagements": "talks",
    "honors": "awards",
    "honours": "awards",
    "selected honors": "awards",
    "honors and awards": "awards",
    "honours and awards": "awards",
    "awards": "awards",
    "awards and honors": "awards",
    "awards and honours": "awards",
    "achievements": "awards",
    "awards and achievements": "awards",
    "scholarships": "awards",
    "requirements": "requirements",
    "requirements and qualifications": "requirements",
    "qualifications": "requirements",
    "minimum qualifications": "requirements",
    "basic qualifications": "requirements",
    "required qualifications": "requirements",
    "required skills": "requirements",
    "what you'll need": "requirements",
    "what you will need": "requirements",
    "what you bring": "requirements",
    "what we're looking for": "requirements",
    "what we are looking for": "requirements",
    "who you are": "requirements",
    "must have": "requirements",
    "must haves": "requirements",
    "you have": "requirements",
    "your profile": "requirements",
    "skills and experience": "requirements",
    "nice to have": "preferred",
    "nice to haves": "preferred",
    "nice-to-have": "preferred",
    "preferred": "preferred",
    "preferred qualifications": "preferred",
    "preferred skills": "preferred",
    "bonus": "preferred",
    "bonus points": "preferred",
    "bonus points if you have": "preferred",
    "desirable": "preferred",
    "good to have": "preferred",
    "pluses": "preferred",
    "extra credit": "preferred",
    "responsibilities": "responsibilities",
    "key responsibilities": "responsibilities",
    "what you'll do": "responsibilities",
    "what you will do": "responsibilities",
    "your responsibilities": "responsibilities",
    "duties": "responsibilities",
    "the job": "responsibilities",
    "your role": "responsibilities",
    "in this role you will": "responsibilities",
    "day to day": "responsibilities",
    "about us": "about",
    "company description": "about",
    "company overview": "about",
    "about the employer": "about",
    "who are we": "about",
    "about the company": "about",
    "who we are": "about",
    "our company": "about",
    "company": "about",
    "our mission": "about",
    "about the team": "about",
    "our team": "about",
    "benefits": "benefits",
    "perks": "benefits",
    "perks and benefits": "benefits",
    "benefits and perks": "benefits",
    "what we offer": "benefits",
    "compensation": "benefits",
    "compensation and benefits": "benefits",
    "why join us": "benefits",
    "salary": "benefits",
    "equal opportunity": "other",
    "how to apply": "other",
    "references": "other",
    "interests": "other",
    "hobbies": "other",
    "contact": "header",
}

_MARKS = re.compile(r"[^\w'\s-]+")
_APOS = re.compile("[\u2018\u2019`]")
_LINE = re.compile(r"[^\n]*\n?")
MAX_TITLE = 120  # characters: "Senior Machine Learning Platform Engineer (Remote, EU)" is 54
# a sentence that ends and another that follows: "We are hiring. You will..."; a capital
# before the stop ("Sr. Engineer", "Acme Inc. - Berlin") is taken for an abbreviation
_SENTENCE_GOES_ON = re.compile(r"\b[a-z]{2,}[.!?]\s+\S")


def heading_kind(line: str) -> SectionKind | None:
    """The section a line opens, or None when it is not a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return None
    if stripped[0] in "-*\u2022\u25cf\u25aa":
        return None  # a bullet is never a heading
    words = _MARKS.sub(" ", _APOS.sub("'", stripped).replace("&", " and ")).lower()
    key = " ".join(words.replace("-", " ").split())
    if key in HEADINGS:
        return HEADINGS[key]
    if key.replace(" ", "-") in HEADINGS:
        return HEADINGS[key.replace(" ", "-")]
    return None


def can_be_title(line: str) -> bool:
    """True when a posting's first line reads like a job title: short, and not sentences.

    A posting written on one line, or whose line ends were lost, starts with its whole text:
    read as the title, none of it would count.
    """
    stripped = line.strip()
    return len(stripped) <= MAX_TITLE and not _SENTENCE_GOES_ON.search(stripped)


def detect_sections(text: str, *, posting: bool) -> tuple[Section, ...]:
    """Split ``text`` into sections covering it from start to end, in order."""
    sections: list[Section] = []
    kind: SectionKind = "title" if posting else "header"
    heading, start = "", 0
    offset = 0
    seen_text = False
    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            break
        found = heading_kind(line)
        if found is not None:
            if offset > start:
                sections.append(Section(kind, heading, start, offset))
            kind, heading, start = found, line.strip(), offset
        elif posting and kind == "title" and line.strip():
            if not seen_text and not can_be_title(line):
                kind = "summary"  # no title line: the text starts at once
            elif seen_text:  # the title is the first non-empty line only
                sections.append(Section(kind, heading, start, offset))
                kind, heading, start = "summary", "", offset
            seen_text = True
        offset = match.end()
    if len(text) > start or not sections:
        sections.append(Section(kind, heading, start, len(text)))
    return tuple(sections)


POSTING_SECTIONS = frozenset({"requirements", "preferred", "responsibilities", "about", "benefits"})


def looks_like_posting(text: str) -> bool:
    """True when the text has a section only a job posting has."""
    return any(s.kind in POSTING_SECTIONS for s in detect_sections(text, posting=False))

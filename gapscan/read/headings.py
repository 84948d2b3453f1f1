"""Posting and resume headings: the table of known ones, and a posting's own wordings.

Headings are short lines whose words name a known section ("Technical Skills", "What you'll
need", "Nice to have:").

A posting's headings are worded freely ("The work", "What you'll bring to Acme", "Who we
are"). There, a line set out as a heading (short, no sentence, after a blank line or ending
in a colon, with text after it) is one even when its words are not in the table: its words
name the section when they can ("bring" asks for requirements, "offer" gives benefits),
otherwise it opens a neutral ``other`` section, where each sentence is judged by its own
cues. Either way it ends the section before it, so a company introduction never swallows
the rest of the posting.
"""

from __future__ import annotations

import re

from ..records import SectionKind

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
    "description": "summary",
    "role description": "summary",
    "position description": "summary",
    "position summary": "summary",
    "about the job": "summary",
    "about this role": "summary",
    "about the position": "summary",
    "about the opportunity": "summary",
    "the opportunity": "summary",
    "job summary": "summary",
    "role summary": "summary",
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
    "appointments": "experience",
    "preprints": "publications",
    "invited talks and panels": "talks",
    "talks and panels": "talks",
    "teaching": "experience",
    "teaching experience": "experience",
    "teaching and supervision": "experience",
    "supervision": "experience",
    "academic appointments": "experience",
    "research appointments": "experience",
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
    "what you'll bring": "requirements",
    "what you will bring": "requirements",
    "what you need": "requirements",
    "what we need": "requirements",
    "you'll have": "requirements",
    "you will have": "requirements",
    "about you": "requirements",
    "the ideal candidate": "requirements",
    "ideal candidate": "requirements",
    "minimum requirements": "requirements",
    "essential skills": "requirements",
    "key qualifications": "requirements",
    "what we're looking for": "requirements",
    "what we are looking for": "requirements",
    "who you are": "requirements",
    "must have": "requirements",
    "must haves": "requirements",
    "you have": "requirements",
    "your profile": "requirements",
    "skills and experience": "requirements",
    "nice to have": "preferred",
    "nice, but not required": "preferred",
    "nice but not required": "preferred",
    "would be nice": "preferred",
    "would be lovely": "preferred",
    "would be great": "preferred",
    "lovely to have": "preferred",
    "not required": "not_needed",
    "not needed": "not_needed",
    "what you don't need": "not_needed",
    "you don't need": "not_needed",
    "what you won't need": "not_needed",
    "what you won't do": "not_needed",
    "what you will not do": "not_needed",
    "what this role is not": "not_needed",
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
    "preferred experience": "preferred",
    "additional qualifications": "preferred",
    "even better": "preferred",
    "plus points": "preferred",
    "bonus skills": "preferred",
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
    "what you'll be doing": "responsibilities",
    "what you will be doing": "responsibilities",
    "your impact": "responsibilities",
    "your mission": "responsibilities",
    "what to expect": "responsibilities",
    "tasks": "responsibilities",
    "your tasks": "responsibilities",
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
    "our story": "about",
    "our culture": "about",
    "our values": "about",
    "what we do": "about",
    "benefits": "benefits",
    "perks": "benefits",
    "perks and benefits": "benefits",
    "benefits and perks": "benefits",
    "what we offer": "benefits",
    "compensation": "benefits",
    "compensation and benefits": "benefits",
    "why join us": "benefits",
    "salary": "benefits",
    "what's in it for you": "benefits",
    "why work with us": "benefits",
    "why us": "benefits",
    "our offer": "benefits",
    "what you'll get": "benefits",
    "what you get": "benefits",
    "what awaits you": "benefits",
    "what we can offer": "benefits",
    "what we offer you": "benefits",
    "we offer": "benefits",
    "equal opportunity": "other",
    "how to apply": "application",
    "application process": "application",
    "hiring process": "application",
    "our hiring process": "application",
    "next steps": "application",
    "references": "other",
    "interests": "other",
    "hobbies": "other",
    "learning": "other",
    "currently learning": "other",
    "learning now": "other",
    "now learning": "other",
    "hobbies and interests": "other",
    "interests and hobbies": "other",
    "personal interests": "other",
    "outside work": "other",
    "other interests": "other",
    "pastimes": "other",
    "activities": "other",
    "extracurricular activities": "other",
    "extracurriculars": "other",
    "contact": "header",
}

_BULLETS = "-*\u2022\u25cf\u25aa"
# Markdown around a heading, as postings copied from the web have it: "## The role",
# "**Requirements**", "__About us__"
_MARKDOWN = re.compile(r"^#{1,6}[ \t]*|^(\*\*|__)[ \t]*(\S(?:.*\S)?)[ \t]*\1(:?)$")
_MARKS = re.compile(r"[^\w'\s-]+")
_APOS = re.compile("[\u2018\u2019`]")


_ASIDE = re.compile(r"\s*\([^()]*\)\s*(?=:?\s*$)")


def _key(line: str) -> str:
    """A heading's words, lower case, without marks: "What You’ll Bring:" -> "what you'll bring"."""
    words = _MARKS.sub(" ", _APOS.sub("'", line).replace("&", " and ")).lower()
    return " ".join(words.replace("-", " ").split())


def _unmarked(line: str) -> str:
    """The line without the Markdown that makes it a heading, stripped."""
    stripped = line.strip()
    bold = _MARKDOWN.match(stripped)
    if bold is None:
        return stripped
    return bold.group(2) + bold.group(3) if bold.group(1) else stripped[bold.end() :]


def heading_key(line: str) -> str:
    """A heading's words as the table knows them: "**Hobbies & Interests:**" -> "hobbies and
    interests"."""
    return _key(_unmarked(line))


def heading_kind(line: str) -> SectionKind | None:
    """The section a line opens, or None when it is not a heading."""
    stripped = _unmarked(line)
    if not stripped or len(stripped) > 60:
        return None
    if stripped[0] in _BULLETS:
        return None  # a bullet is never a heading
    key = _key(stripped)
    if key in HEADINGS:
        return HEADINGS[key]
    if key.replace(" ", "-") in HEADINGS:
        return HEADINGS[key.replace(" ", "-")]
    # a closing aside: "Selected Publications (peer-reviewed)", "Experience (selected)"
    bare = _key(_ASIDE.sub("", stripped))
    return HEADINGS.get(bare) if bare != key else None


# Words that name a posting's section however the heading is worded, tried in this order:
# "Nice to have skills" is preferred before it is requirements, "What you'll bring" asks
# before it describes the work. "About <company>" is the company; "About you" is not.
_HEADING_WORDS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    # what the job does not ask: "You don't need", "What you won't do", "This role is not for
    # you if", before "need" and "do" read it as the requirements or the work
    (
        "not_needed",
        re.compile(
            r"\b(?:don't|dont|do not|won't|wont|will not|doesn't|does not|isn't|is not|"
            r"not (?:required|needed|necessary|expected|looking for|for you)|no need)\b"
        ),
    ),
    (
        "application",
        re.compile(r"\b(?:apply|application|process|hiring|interviews?|next steps)\b"),
    ),
    ("about", re.compile(r"^about (?!you\b|the (?:role|job|position|opportunity)\b)")),
    ("summary", re.compile(r"^about\b|\b(?:overview|summary|opportunity)\b")),
    (
        "preferred",
        re.compile(
            # "great" only as a hedge ("Great to have"), not "What makes you a great fit"
            r"\b(?:nice|bonus|plus(?:es)?|prefer\w*|desir\w*|ideally|extra|even better|"
            r"great(?! fit| match| candidate)|assets?|it helps|helpful|stand out)\b"
        ),
    ),
    (
        "benefits",
        re.compile(
            r"\b(?:benefits?|perks?|offer|salary|compensation|pay|rewards?|in it for)\b|^life at\b"
        ),
    ),
    ("preferred", re.compile(r"\bstack\b")),  # what the team uses: "Our stack", "Tech stack"
    (
        "requirements",
        re.compile(
            r"\b(?:require\w*|qualif\w*|need|bring|have|skills|experience|background|profile|"
            r"looking for|must|you are|you're|who you|expertise|candidate|fit|match)\b"
        ),
    ),
    (
        "responsibilities",
        re.compile(
            r"\b(?:do|doing|responsib\w*|duties|day to day|role|impact|tasks|work on|"
            r"you will|you'll)\b"
        ),
    ),
    ("about", re.compile(r"\b(?:we are|who we|company|mission|culture|values|team|story)\b")),
)
_HEADING_WORD_LIMIT = 8  # "It would be a bonus if you have"
_NOT_IN_HEADING = re.compile(r"[.,;!|@/\\\u00b7\u2013\u2014]|https?:|\d{3}")


def posting_heading_kind(line: str) -> SectionKind:
    """The section a posting's heading opens: from the table, else from its words, else
    ``other`` (neutral: each sentence counts by its own cues)."""
    known = heading_kind(line)
    if known is not None:
        return known
    key = _key(line)
    return next((kind for kind, words in _HEADING_WORDS if words.search(key)), "other")


def heading_shaped(line: str) -> bool:
    """True for a line written like a heading: a few words, capitalised, no sentence."""
    stripped = _unmarked(line)
    if not stripped or len(stripped) > 60 or not stripped[0].isupper():
        return False
    body = stripped.removesuffix(":").rstrip().removesuffix("?")
    return not _NOT_IN_HEADING.search(body) and 0 < len(body.split()) <= _HEADING_WORD_LIMIT


# sections that list what the job asks: a line ending in a colon inside one, right under an
# item, is a label of the list ("Cloud:"), not a new section, unless its words name a part
# no such list holds ("Job benefits:", "Application process:")
_LIST_SECTIONS = frozenset({"requirements", "preferred", "responsibilities", "skills"})
_NEVER_LISTED = frozenset({"benefits", "application"})


def posting_heading(line: str, before: str, after: str, current: SectionKind) -> bool:
    """True when a posting's line opens a section although its words are not in the table.

    It is heading-shaped and set apart: after a blank line or a list item and followed by
    text that is no heading itself (a column of short items is not a run of headings), or
    ending in a colon. Inside a list of what the job asks, a line ending in a colon right
    under an item labels the items after it ("Cloud:"): the section goes on, unless it
    names the benefits or how to apply ("Job benefits:").
    """
    if not heading_shaped(line) or not after.strip():
        return False
    colon = _unmarked(line).endswith(":")
    if colon and before.strip() and current in _LIST_SECTIONS:
        return posting_heading_kind(line) in _NEVER_LISTED
    if not before.strip() or before.lstrip()[:1] in _BULLETS:
        return colon or not heading_shaped(after)
    return colon


_INLINE_HEADING = re.compile(r"\s*([^\W\d][^:\n]{2,40}):[ \t]+\S")
# sections a posting may open inline, in front of their text: "Requirements: 4+ years of ..."
_INLINE_KINDS = frozenset(
    {"requirements", "preferred", "responsibilities", "about", "benefits", "not_needed"}
)


def inline_heading(line: str) -> tuple[SectionKind, str] | None:
    """The section a posting's paragraph opens with a heading in front of its text, and
    that heading."""
    found = _INLINE_HEADING.match(line)
    kind = heading_kind(found.group(1)) if found else None
    return (kind, found.group(1).strip()) if found and kind in _INLINE_KINDS else None

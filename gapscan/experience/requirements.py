"""What a posting asks beyond skills (years of experience, degrees, certifications, knock-out
constraints) and what a resume states about the same things.

Every finding keeps its source: the clause it came from and that clause's offsets in the text
given, so a report can quote it. Nothing is inferred that the text does not say: a resume that
states no work authorisation gets None for it, never a default.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

__all__ = [
    "CONSTRAINT_KINDS",
    "CertificationRequirement",
    "Clause",
    "Constraint",
    "Degree",
    "EducationRequirement",
    "ExperienceRequirement",
    "PostingRequirements",
    "ResumeStatement",
    "certification_requirements",
    "clauses",
    "constraint_requirements",
    "education_requirements",
    "experience_requirements",
    "highest_degree",
    "parse_posting",
    "resume_constraints",
]

CONSTRAINT_KINDS = (
    "work_authorization",
    "sponsorship",
    "clearance",
    "work_mode",
    "location",
    "relocation",
    "travel",
    "language",
    "background_check",
)
DEGREE_LEVELS = ("bachelor", "master", "phd")


@dataclass(frozen=True, slots=True)
class Clause:
    """A sentence or ``;``-separated clause of the text, with its offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExperienceRequirement:
    """ "N+ years of X": a minimum (and a maximum for "3-5 years") tied to the skill phrases as
    written (empty: total experience), required or preferred, with the clause it came from."""

    min_years: float
    max_years: float | None
    skills: tuple[str, ...]
    importance: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EducationRequirement:
    """A degree asked for: the lowest level that meets it ("PhD or MS" is master; None when only
    "a degree" is named), the fields, whether equivalent experience is accepted."""

    level: str | None
    fields: tuple[str, ...]
    or_equivalent: bool
    importance: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CertificationRequirement:
    """A certification asked for, by its name as written (matched to the taxonomy elsewhere)."""

    name: str
    importance: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Constraint:
    """A knock-out condition of a posting: its kind (one of CONSTRAINT_KINDS), a normalised value
    where one makes sense ("US", "TS/SCI", "hybrid", 25 for 25% travel, "German"), the clause."""

    kind: str
    value: str | int | None
    importance: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PostingRequirements:
    """Everything :func:`parse_posting` found in a posting, each kind in text order."""

    experience: tuple[ExperienceRequirement, ...]
    education: tuple[EducationRequirement, ...]
    certifications: tuple[CertificationRequirement, ...]
    constraints: tuple[Constraint, ...]


@dataclass(frozen=True, slots=True)
class ResumeStatement:
    """What a resume states for a constraint kind: the value in the posting's terms, a detail
    ("citizen", "active", "native", "fluent") when written, and the clause it came from."""

    kind: str
    value: str | int | None
    detail: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Degree:
    """A degree the resume says is held: its level, its field (normalised when it is one of the
    known fields, else as written; None when not named) and the line it came from."""

    level: str
    field: str | None
    text: str
    start: int
    end: int


# --- clauses -------------------------------------------------------------------------------

_CLAUSE_END_RE = re.compile(r"\n|;|[.!?](?=\s+[A-Z(\"“‘'0-9]|\s*$)")
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:[A-Za-z]\.)+[A-Za-z]{1,3}|\b(?:e\.g|i\.e|etc|approx|incl|min|max|no|vs|Dr|Mr|Ms|St|Ph"
    r"|BSc|MSc|BEng|MEng|BA|MA|BS|MS|PhD|Hons)"
    r"|\b[A-Z])$"
)


def clauses(text: str) -> tuple[Clause, ...]:
    """Lines, sentences and ``;`` clauses, without splitting "B.S. in" or "e.g. Python".

    Cached for the last few texts: a resume's clauses are read for its statements, its degree
    and its certifications."""
    return _clauses(text)


@lru_cache(maxsize=4)
def _clauses(text: str) -> tuple[Clause, ...]:
    out: list[Clause] = []
    start = 0
    for match in _CLAUSE_END_RE.finditer(text):
        if match[0] == "." and _ABBREVIATION_RE.search(
            text, max(start, match.start() - 8), match.start()
        ):
            continue
        out.extend(_clause(text, start, match.end()))
        start = match.end()
    out.extend(_clause(text, start, len(text)))
    return tuple(out)


def _clause(text: str, start: int, end: int) -> list[Clause]:
    """The stretch without its surrounding white space (str.strip's, which is isspace's)."""
    body = text[start:end]
    kept = body.lstrip()
    start += len(body) - len(kept)
    kept = kept.rstrip()
    return [Clause(kept, start, start + len(kept))] if kept else []


_PREFERRED_RE = re.compile(
    r"\b(?:preferred|preferably|preference|nice[ -]to[ -]have"
    r"|(?:is |are |would be )?an? (?:big |huge )?(?:plus|bonus|advantage)|advantageous|ideally"
    r"|desirable|desired|bonus|beneficial"
    r"|would be (?:great|nice|helpful)|not required|optional)\b",
    re.IGNORECASE,
)
_PREFERRED_HEADING_RE = re.compile(
    r"^\W*(?:(?:preferred|desired|desirable|bonus|additional|nice[ -]to[ -]have|optional)"
    r"(?:\s+\w+){0,2}|bonus points|nice to haves?|it'?s a plus if)\W*$",
    re.IGNORECASE,
)
_REQUIRED_HEADING_RE = re.compile(
    r"^\W*(?:requirements|required|qualifications|must[ -]haves?|minimum qualifications"
    r"|basic qualifications|what you(?:'|’)ll need|what we(?:'|’)re looking for|who you are"
    r"|about you|responsibilities)\W*$",
    re.IGNORECASE,
)


def _importance(text: str, default: str = "required") -> str:
    return "preferred" if _PREFERRED_RE.search(text) else default


# --- experience ----------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUM = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")(?: ?\(\d{1,2}\))?"
_YEARS_RE = re.compile(
    rf"(?<![\w.])(?P<min>{_NUM})\s*(?:\+\s*)?(?:(?:-|–|—|to)\s*(?P<max>{_NUM})\s*)?(?:\+\s*)?"
    rf"(?:or more\s+|plus\s+)?(?:years?|yrs?)\b(?:[’']s?)?",
    re.IGNORECASE,
)
# "…, 3 in ML": a second figure in a list, the word "years" understood.
_MORE_YEARS_RE = re.compile(
    rf",\s*(?:and\s+)?(?:at least\s+)?(?P<min>{_NUM})\s*\+?\s*(?:in|of|with)\s+", re.IGNORECASE
)
_GERUND_RE = re.compile(r"\s*[A-Za-z]{2,}ing\b")
_BEFORE_EXPERIENCE_RE = re.compile(r"\s*[\w+#./-]+(?:\s+[\w+#./-]+){0,4}\s+experience\b", re.I)
_GENERIC_WORDS = (
    r"professional|relevant|hands[- ]on|industry|industrial|practical|commercial|proven"
    r"|direct|related|technical|overall|total|combined|full[- ]time|post[- ]?graduate|work"
    r"|working|demonstrated|solid|strong|progressive|prior|previous|recent|real[- ]world"
)
_AFTER_YEARS_RE = re.compile(
    rf"\s*(?P<of>of\s+)?(?:(?:{_GENERIC_WORDS})\s+)*(?P<exp>(?:experience|exp\b\.?)\s*)?"
    r"(?P<link>(?:working\s+(?:with|on|in)"
    r"|(?:in|with|of|using|on|as|at|doing|in the field of)\b))?",
    re.IGNORECASE,
)
_PHRASE_CUT_RE = re.compile(
    r"[.;:()!?\n]|,\s*(?:\d|including|ideally|preferably|with|especially|in a\b)|\s+(?:including"
    r"|such as|e\.g\.|is (?:a|an|required|essential|preferred|desired|desirable|mandatory)"
    r"|are (?:a|an|required|preferred)|would be|preferred|required|preferably|ideally|or equivalent"
    r"|is a must|a must|strongly|highly|within|across|and at least)\b",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(r"\s*,\s*(?:and/or\s+|and\s+|or\s+)?|\s+(?:and/or|and|or)\s+|\s+/\s+")
_EXPERIENCE_WORD_RE = re.compile(r"\s+experience\b.*$", re.IGNORECASE | re.DOTALL)
_TOTAL_PHRASE_RE = re.compile(
    r"^(?:(?:an?|the|this|same|similar|related|relevant|comparable|equivalent|senior|professional)"
    r"\s+)*(?:role|roles|position|positions|capacity|field|industry|environment|setting|job)$",
    re.IGNORECASE,
)
# "software or data roles", "engineering positions": the kinds of job held, so the years are
# total experience (a resume's roles are not classified by kind).
_ROLE_KINDS_RE = re.compile(
    r"^[\w+#./-]+(?:\s+(?:or|and|and/or|/)?\s*[\w+#./-]+){0,4}\s+(?:roles|positions|jobs)$",
    re.IGNORECASE,
)
_PAREN_YEARS_LEAD_RE = re.compile(
    r"\b(?:experience|expertise|proficiency|background)\s+(?:with|in|using|of)\s+(?P<phrase>[^()]+?)"
    r"\s*\(\s*$",
    re.IGNORECASE,
)
# Characters searched before and after a figure or a keyword: each match looks at a bounded
# window, so a 200 KB clause full of matches still takes linear time.
_LOOK_BEHIND = 120
_LOOK_AHEAD = 160
_AT_LEAST_RE = re.compile(r"\b(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?)\s+$", re.I)
_COMPANY_AGE_RE = re.compile(r"\b(?:for|over|past|last|in|within)\s+(?:the\s+)?(?:over\s+)?$", re.I)


def _number(text: str) -> float:
    word = text.split("(")[0].strip().lower()
    return float(_NUMBER_WORDS[word]) if word in _NUMBER_WORDS else float(word)


def _skill_phrases(text: str) -> tuple[str, ...]:
    """The skill phrases a years figure is tied to, as written; empty for total experience."""
    cut = _PHRASE_CUT_RE.search(text)
    phrase = text[: cut.start()] if cut else text
    phrase = _EXPERIENCE_WORD_RE.sub("", phrase).strip(" ,-–")
    if not phrase or _TOTAL_PHRASE_RE.match(phrase) or _ROLE_KINDS_RE.match(phrase):
        return ()
    first = phrase.split()[0]
    if first.lower().endswith("ing") and len(first) > 4:
        return (phrase,)  # "building and operating pipelines": one activity, not a list
    parts = [p.strip(" ,") for p in _SPLIT_RE.split(phrase)]
    return tuple(p for p in parts if p and not _TOTAL_PHRASE_RE.match(p))


def experience_requirements(text: str) -> list[ExperienceRequirement]:
    """Years of experience asked for, per clause: "5+ years with Python and Spark", "at least 3
    years", "3-5 years", "a minimum of four years' experience", "7 years in X, 3 in Y"."""
    out: list[ExperienceRequirement] = []
    for clause in clauses(text):
        out.extend(_experience_in(clause, _importance(clause.text)))
    return out


def _experience_in(clause: Clause, importance: str) -> Iterator[ExperienceRequirement]:
    body = clause.text
    for match in _YEARS_RE.finditer(body):
        lead = body[max(0, match.start() - _LOOK_BEHIND) : match.start()]
        after = _AFTER_YEARS_RE.match(body, match.end())
        assert after is not None  # every part of it is optional
        rest = body[after.end() : after.end() + _LOOK_AHEAD]
        paren = _PAREN_YEARS_LEAD_RE.search(lead)
        if paren:  # "Experience with Airflow (2+ years)"
            skills = _skill_phrases(paren["phrase"])
        elif after["link"]:  # "5+ years with Python", "3 years of experience in SQL"
            skills = _skill_phrases(rest)
        elif after["exp"]:  # "3 years of experience", "… experience managing teams"
            skills = _skill_phrases(rest) if _GERUND_RE.match(rest) else ()
        elif (
            after["of"]  # "5+ years of Python"
            or _BEFORE_EXPERIENCE_RE.match(rest)  # "5 years Python experience"
            or (
                _GERUND_RE.match(rest) and _AT_LEAST_RE.search(lead)
            )  # "at least 4 years designing"
        ):
            skills = _skill_phrases(rest)
        else:  # "for over 20 years": no experience asked for
            continue
        if not after["exp"] and _COMPANY_AGE_RE.search(lead):
            continue  # "in business for 25 years with offices in …"
        low = _number(match["min"])
        high = _number(match["max"]) if match["max"] else None
        yield ExperienceRequirement(low, high, skills, importance, *_source(clause))
        more = _MORE_YEARS_RE.search(body, after.end(), after.end() + _LOOK_AHEAD)
        if more and not _YEARS_RE.match(body, more.start("min")):
            extra = _skill_phrases(body[more.end() : more.end() + _LOOK_AHEAD])
            yield ExperienceRequirement(
                _number(more["min"]), None, extra, importance, *_source(clause)
            )


def _source(clause: Clause) -> tuple[str, int, int]:
    return clause.text, clause.start, clause.end


# --- education -----------------------------------------------------------------------------

_DEGREE_RE = re.compile(
    r"(?P<phd>\b(?:Ph\.?\s?D\.?|PHD|D\.?Phil\.?|(?i:doctorate|doctoral(?: degree)?)))"
    r"|(?P<master>\b(?:M\.?S\.?c?\.?(?![\w.])(?!\s+(?:Office|Excel|Word|Teams|SQL|Azure|Access))"
    r"|M\.S\.|M\.?Eng\.?|M\.?Sc\.?|M\.A\.|MA(?=\s+in\b)|MBA|M\.?Phil\.?|M\.?Tech"
    r"|(?i:master(?:[’']?s)?(?:\s+degree)?|(?:advanced|graduate)\s+degree)))"
    r"|(?P<bachelor>\b(?:B\.?S\.?c?\.?(?![\w.])|B\.S\.|B\.?Sc\.?|B\.A\.|BA(?=\s+in\b)|B\.?Eng\.?"
    r"|B\.?Tech|(?i:bachelor(?:[’']?s)?(?:\s+degree)?|undergraduate\s+degree|four[- ]year degree)))"
    r"|(?P<any>\b(?i:(?:university|college)\s+degree|degree)\b)"
)
_FIELDS = (
    ("computer science", r"computer science|\bCS\b|computing|informatics"),
    ("engineering", r"(?:\w+\s+)?engineering"),
    ("mathematics", r"(?:applied\s+)?math(?:ematic)?s?\b"),
    ("statistics", r"statistics|\bstats\b"),
    ("physics", r"physics"),
    ("data science", r"data science"),
    ("economics", r"economics"),
    (
        "related field",
        r"related\s+(?:technical\s+|STEM\s+)?(?:fields?|disciplines?|areas?|subjects?)",
    ),
    ("quantitative field", r"quantitative\s+(?:fields?|disciplines?|areas?|subjects?)"),
)
_FIELD_RE = re.compile(
    "|".join(f"(?P<f{i}>{pattern})" for i, (_, pattern) in enumerate(_FIELDS)), re.IGNORECASE
)
_EQUIVALENT_RE = re.compile(
    r"\bequivalent\s+(?:practical\s+|work\s+|professional\s+|industry\s+)?experience\b"
    r"|\bor\s+(?:the\s+)?equivalent\b|\bequivalent combination\b",
    re.IGNORECASE,
)
_ALTERNATIVE_RE = re.compile(r"\s*(?:/|,|or|,\s*or|and/or)\s*(?:an?\s+)?$", re.IGNORECASE)
_FIELD_STOP_RE = re.compile(
    r"\b(?:and|plus|with)\s+(?:\d|at least|a minimum)|\d+\s*\+?\s*years?", re.I
)


def education_requirements(text: str) -> list[EducationRequirement]:
    """Degrees asked for: "BS in Computer Science or related field, or equivalent experience",
    "Master's preferred", "PhD or MS in Statistics". Alternatives make one requirement at the
    lowest level named; a degree asked for apart ("BS required; MS preferred") is another."""
    out: list[EducationRequirement] = []
    for clause in clauses(text):
        groups = _degree_groups(clause.text)
        for number, (start, level) in enumerate(groups):
            end = groups[number + 1][0] if number + 1 < len(groups) else len(clause.text)
            segment = clause.text[start:end]
            lead = clause.text[:start] if number == 0 else ""
            stop = _FIELD_STOP_RE.search(segment)
            fields = _fields(segment[: stop.start()] if stop else segment)
            out.append(
                EducationRequirement(
                    level,
                    fields,
                    bool(_EQUIVALENT_RE.search(segment)),
                    _importance(lead + segment),
                    *_source(clause),
                )
            )
    return out


# past these words a degree's clause goes on to skills: "BS in CS with strong statistics"
_FIELD_LIST_END_RE = re.compile(
    r"\b(?:with|experience|knowledge|skills?|proficiency|including|plus)\b|[:(]", re.I
)


def degree_field_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where degree requirements name their fields, as document offsets: in "MS in computer
    science, statistics or a related field" the fields are read as education (the degree's
    verdict judges them), not asked for as skills of their own."""
    return _degree_field_spans(text)


@lru_cache(maxsize=4)
def _degree_field_spans(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for clause in clauses(text):
        groups = _degree_groups(clause.text)
        for number, (start, _) in enumerate(groups):
            end = groups[number + 1][0] if number + 1 < len(groups) else len(clause.text)
            segment = clause.text[start:end]
            stop = _FIELD_STOP_RE.search(segment) or _FIELD_LIST_END_RE.search(segment)
            at = clause.start + start
            for match in _FIELD_RE.finditer(segment[: stop.start()] if stop else segment):
                out.append((at + match.start(), at + match.end()))
    return tuple(out)


def _degree_groups(text: str) -> list[tuple[int, str | None]]:
    """(start, lowest level) of each group of alternative degrees named together."""
    groups: list[tuple[int, str | None]] = []
    previous_end = -1
    for match in _DEGREE_RE.finditer(text):
        level = match.lastgroup
        value = None if level == "any" else level
        if groups and (
            value is None or _ALTERNATIVE_RE.fullmatch(text[previous_end : match.start()])
        ):
            start, held = groups[-1]
            if value is not None:
                held = value if held is None else min(held, value, key=DEGREE_LEVELS.index)
            groups[-1] = (start, held)
        elif groups and groups[-1][1] is None and match.start() - previous_end <= 1:
            groups[-1] = (groups[-1][0], value)
        else:
            groups.append((match.start(), value))
        previous_end = match.end()
    return groups


def _named(table: tuple[tuple[str, str], ...], match: re.Match[str]) -> str:
    """The canonical name of the table row whose pattern matched (groups are named x0, x1, …)."""
    return table[int((match.lastgroup or "x0")[1:])][0]


def _fields(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in _FIELD_RE.finditer(text):
        name = _named(_FIELDS, match)
        if name not in found:
            found.append(name)
    return tuple(found)


# --- certifications ------------------------------------------------------------------------

_CERT_WORD_RE = re.compile(r"\bcertifi(?:cation|cations|ed|cate|cates)\b", re.IGNORECASE)
_NAME_WORD = r"(?:[A-Z0-9][\w+#&.-]*|\([A-Z0-9][\w+#&. -]*\))"
_NAME_WORD_RE = re.compile(_NAME_WORD)
_NAME_TOKEN_RE = re.compile(r"\([^()]*\)|[^\s()]+")
_NAME_JOINERS = frozenset({"of", "for", "in", "&", "-"})
_MAX_NAME_WORDS = 8
_NAME_AFTER_RE = re.compile(
    rf"\s*(?:(?:in|as an?|as)\s+)?"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:of|for|in|&|-)?\s*{_NAME_WORD}){{0,7}})"
)
_LIST_AFTER_RE = re.compile(
    r"\s*(?:\(|,?\s*(?:such as|e\.g\.,?|like|including)|:)\s*(?P<list>(?:[^.;)]|\.(?=\S)){1,160})",
    re.IGNORECASE,
)


def _name_before(text: str) -> str:
    """The capitalised name that ends the text ("… hold an AWS Solutions Architect"), walking
    back word by word; joiners ("of", "&") only between two name words."""
    if text[-1:] and not text[-1].isspace() and text[-1] != ")":
        return ""  # the keyword is glued to a word ("recertification")
    kept: list[str] = []
    for token in reversed(_NAME_TOKEN_RE.findall(text)):
        if len(kept) == _MAX_NAME_WORDS:
            break
        if _NAME_WORD_RE.fullmatch(token) or (kept and token in _NAME_JOINERS):
            kept.insert(0, token)
        else:
            break
    while kept and kept[0] in _NAME_JOINERS:
        kept.pop(0)
    return " ".join(kept)


def certification_requirements(text: str) -> list[CertificationRequirement]:
    """Certifications asked for: "AWS Solutions Architect certification required", "PMP
    certification preferred", "certifications such as CISSP or CISM", "certified in Azure"."""
    out: list[CertificationRequirement] = []
    for clause in clauses(text):
        importance = _importance(clause.text)
        for name in _certification_names(clause.text):
            out.append(CertificationRequirement(name, importance, *_source(clause)))
    return out


def _certification_names(text: str) -> list[str]:
    names: list[str] = []
    for match in _CERT_WORD_RE.finditer(text):
        word = match[0].lower()
        before = _name_before(text[max(0, match.start() - _LOOK_BEHIND) : match.start()])
        if word == "certified":  # "Certified Kubernetes Administrator", "certified in Azure"
            after = _NAME_AFTER_RE.match(text, match.end())
            if after and after["name"]:
                prefix = "" if text[match.end() :].lstrip().startswith("in ") else match[0] + " "
                issuer = f"{before} " if prefix and before else ""  # "AWS Certified ..."
                names.append(issuer + prefix + after["name"])
            continue
        listed = _LIST_AFTER_RE.match(text, match.end())
        items = (
            [p for p in _SPLIT_RE.split(listed["list"].strip()) if p[:1].isupper()]
            if listed
            else []
        )
        if items:  # "certifications such as CISSP or CISM"
            names.extend(items)
            continue
        if before:
            names.append(before)
            continue
        after = _NAME_AFTER_RE.match(text, match.end())
        if after and after["name"] and text[match.end() :].lstrip().startswith("in "):
            names.append(after["name"])
    kept = list(dict.fromkeys(names))
    # "certification, e.g. AWS Certified X": the list item and the "Certified" name are one
    return [n for n in kept if not any(n != other and n in other for other in kept)]


# --- knock-out constraints -----------------------------------------------------------------

_COUNTRIES = (
    ("US", r"U\.?S\.?A?\.?(?![\w.])|United States(?: of America)?|America"),
    ("UK", r"U\.?K\.?(?![\w.])|United Kingdom|Great Britain|Britain"),
    ("EU", r"E\.?U\.?(?![\w.])|European Union|EEA"),
    ("Canada", r"Canada"),
    ("Australia", r"Australia"),
    ("Germany", r"Germany"),
    ("Ireland", r"Ireland"),
    ("India", r"India"),
)
_COUNTRY_RES = tuple((name, re.compile(pattern)) for name, pattern in _COUNTRIES)
_COUNTRY = "(?:" + "|".join(pattern for _, pattern in _COUNTRIES) + ")"
_AUTHORIZED_RE = re.compile(
    r"\b(?i:(?:authori[sz]ed|eligible|entitled|legally\s+(?:able|permitted|allowed)|(?:the\s+)?"
    r"right|permission|permitted|able|allowed)\s+to\s+(?:live\s+and\s+)?work\s+(?:in|within|for)"
    rf"\s+(?:the\s+)?)(?P<country>{_COUNTRY})"
    rf"|\b(?P<country2>{_COUNTRY})\s+(?i:citizen(?:ship)?s?|work\s+(?:permit|authori[sz]ation|visa)"
    r"|permanent\s+residen(?:t|ts|cy)|national)\b",
)
_SPONSOR_RE = re.compile(r"\bsponsor(?:ship|ed|ing|s)?\b", re.IGNORECASE)
_NEGATION_RE = re.compile(
    r"\b(?:no|not|unable|cannot|can't|can’t|won't|won’t|will\s+not|do\s+not|does\s+not|without"
    r"|isn't|isn’t|neither|nor|never)\b",
    re.IGNORECASE,
)
_CLEARANCE_WORD_RE = re.compile(r"\b(?:clearance|cleared|vetting|vetted|security\s+check)\b", re.I)
_CLEARANCE_LEVELS = (
    ("TS/SCI", r"\bTS\s*/\s*SCI\b|Top\s+Secret\s*/\s*SCI"),
    ("Top Secret", r"\b(?i:top\s+secret)\b|\bTS\b"),
    ("Secret", r"\b(?i:secret)\b"),
    ("Public Trust", r"\b(?i:public\s+trust)\b"),
    ("eDV", r"\beDV\b"),
    ("DV", r"\bDV\b|\b(?i:developed\s+vetting)\b"),
    ("SC", r"\bSC\b|\b(?i:security\s+check)\b"),
    ("BPSS", r"\bBPSS\b"),
    ("NV1", r"\bNV1\b"),
    ("NV2", r"\bNV2\b"),
    ("Q", r"\bQ\s+(?i:clearance)\b"),
)
_CLEARANCE_RE = re.compile(
    "|".join(f"(?P<l{i}>{pattern})" for i, (_, pattern) in enumerate(_CLEARANCE_LEVELS))
)
_WORK_MODES = (
    ("hybrid", r"\bhybrid\b"),
    ("remote", r"\b(?:remote(?:ly)?|work\s+from\s+home|WFH|home[- ]based|distributed\s+team)\b"),
    ("on-site", r"\b(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based|in\s+the\s+office)\b"),
)
_WORK_MODE_RE = re.compile(
    "|".join(f"(?P<m{i}>{pattern})" for i, (_, pattern) in enumerate(_WORK_MODES)), re.IGNORECASE
)
_NOT_WORK_MODE_RE = re.compile(r"\bremote\s+(?:sensing|monitoring|access|procedure|call)", re.I)
_PLACE = (
    r"(?:[A-Z][a-zA-Z]+|[A-Z]{2,3})(?:[ -](?:[A-Z][a-zA-Z]+)){0,3}"
    r"(?:,\s*(?:[A-Z]{2}\b|[A-Z][a-z]+))?"
)
_LOCATION_RE = re.compile(
    rf"\b(?:based|located|position|role|job|office|offices|site|on-?site|hybrid|live|reside)"
    rf"\s+(?:in|at|near|from)\s+(?:the\s+)?(?:greater\s+)?(?P<a>{_PLACE})"
    rf"|\bin\s+our\s+(?P<b>{_PLACE})\s+(?:office|offices|HQ|headquarters|site|studio|lab)"
    rf"|\b(?:within|anywhere\s+in|from\s+anywhere\s+in|relocate\s+to|relocation\s+to|commut\w+"
    rf"\s+(?:distance\s+)?(?:of|to|from))\s+(?:the\s+)?(?P<c>{_PLACE})"
)
_NOT_PLACE = frozenset({"The", "Our", "This", "A", "An", "Office", "Person", "Time"})
_RELOCATION_RE = re.compile(r"\breloca(?:te|tion|ting)\b", re.IGNORECASE)
_RELOCATION_OFFERED_RE = re.compile(
    r"\b(?:assistance|package|support|provided|offered|available|covered|paid|help)\b", re.I
)
_RELOCATION_REQUIRED_RE = re.compile(r"\b(?:must|willing|required|need\s+to|expected|able)\b", re.I)
_TRAVEL_RE = re.compile(
    r"\btravel(?:l?ing|s)?\b(?!\s+(?:industry|budget|expenses?|agency|insurance|sector|allowance))",
    re.IGNORECASE,
)
_TRAVEL_CUE_RE = re.compile(
    r"%|\b(?:required|requires|require|willing|able|occasional|frequent|extensive|regular"
    r"|domestic|international|overnight|up\s+to|travel\s+to|per\s+(?:month|year|quarter))\b",
    re.IGNORECASE,
)
_NO_TRAVEL_RE = re.compile(r"\bno\s+travel\b", re.IGNORECASE)
_OPEN_TO_MODE_RE = re.compile(r"\b(?:open|prefer|seeking|available)\b", re.IGNORECASE)
_PERCENT_RE = re.compile(r"(?<![\d.])(?P<n>\d{1,3})\s*%")
_LANGUAGES = (
    "English", "French", "German", "Spanish", "Italian", "Portuguese", "Dutch", "Mandarin",
    "Chinese", "Cantonese", "Japanese", "Korean", "Arabic", "Hindi", "Russian", "Polish",
    "Swedish", "Norwegian", "Danish", "Finnish", "Turkish", "Hebrew", "Greek", "Czech",
    "Hungarian", "Romanian", "Vietnamese", "Thai", "Indonesian", "Malay", "Tagalog",
    "Ukrainian", "Welsh", "Irish", "Bengali", "Urdu", "Punjabi", "Tamil", "Persian", "Farsi",
    "Flemish", "Catalan", "Basque", "Swahili", "Icelandic", "Estonian", "Latvian", "Lithuanian",
)  # fmt: skip
_LANGUAGE_RE = re.compile(rf"\b(?P<lang>{'|'.join(_LANGUAGES)})\b(?![- ](?:market|law|company))")
_LANGUAGE_CUE_RE = re.compile(
    r"\b(?:fluent|fluency|native|proficien\w*|speak\w*|spoken|written|verbal|bilingual|language"
    r"s?|mother\s+tongue|business[- ]level|working\s+knowledge\s+of|required|a\s+must|is\s+a\s+"
    r"must|essential|plus|[ABC][12])\b",
    re.IGNORECASE,
)
_BACKGROUND_RE = re.compile(
    r"\b(?:background\s+(?:checks?|screening|investigation|verification)|criminal\s+(?:record|"
    r"background)\s+checks?|DBS\s+check(?:ed)?|drug\s+(?:tests?|testing|screen(?:ing)?)"
    r"|pre-employment\s+screening|credit\s+check)\b",
    re.IGNORECASE,
)


def _country(written: str) -> str:
    """ "US" for "the United States", "U.S." and "USA"; other countries as written."""
    for name, pattern in _COUNTRY_RES:
        if pattern.fullmatch(written):
            return name
    return written


def constraint_requirements(text: str) -> list[Constraint]:
    """Knock-out conditions, one per kind and value in each clause: work authorisation,
    sponsorship, clearance, work mode, location, relocation, travel, language, background
    check."""
    out: list[Constraint] = []
    for clause in clauses(text):
        importance = _importance(clause.text)
        seen: set[tuple[str, str | int | None]] = set()
        for kind, value in _constraints_in(clause.text):
            if (kind, value) not in seen:
                seen.add((kind, value))
                out.append(Constraint(kind, value, importance, *_source(clause)))
    return out


_MORE_COUNTRIES_RE = re.compile(rf"\s*(?:,|/|\bor\b|\band\b)\s*(?:the\s+)?(?P<country>{_COUNTRY})")


def _authorized_countries(text: str) -> Iterator[str]:
    """The countries a work authorisation names: "in the US or Canada" is both."""
    for match in _AUTHORIZED_RE.finditer(text):
        yield _country(match["country"] or match["country2"])
        if match["country"]:
            more = _MORE_COUNTRIES_RE.match(text, match.end())
            while more:
                yield _country(more["country"])
                more = _MORE_COUNTRIES_RE.match(text, more.end())


def _constraints_in(text: str) -> Iterator[tuple[str, str | int | None]]:
    for country in _authorized_countries(text):
        yield "work_authorization", country
    sponsor = _SPONSOR_RE.search(text)
    if sponsor:
        negated = _NEGATION_RE.search(text)
        yield "sponsorship", "none" if negated else "available"
    if _CLEARANCE_WORD_RE.search(text):
        levels: list[str | None] = [
            _named(_CLEARANCE_LEVELS, m) for m in _CLEARANCE_RE.finditer(text)
        ]
        yield from (("clearance", level) for level in levels or [None])
    for match in _WORK_MODE_RE.finditer(text):
        if not _NOT_WORK_MODE_RE.match(text, match.start()):
            yield "work_mode", _named(_WORK_MODES, match)
    for match in _LOCATION_RE.finditer(text):
        place = match["a"] or match["b"] or match["c"]
        if place and place.split()[0] not in _NOT_PLACE and not _LANGUAGE_RE.fullmatch(place):
            yield "location", _country(place)
    if _RELOCATION_RE.search(text):
        if _NEGATION_RE.search(text):
            yield "relocation", "not offered"
        elif _RELOCATION_OFFERED_RE.search(text):
            yield "relocation", "offered"
        elif _RELOCATION_REQUIRED_RE.search(text):
            yield "relocation", "required"
        else:
            yield "relocation", None
    travel = _TRAVEL_RE.search(text)
    if travel and _TRAVEL_CUE_RE.search(text):
        percents = list(_PERCENT_RE.finditer(text))
        near = min(percents, key=lambda m: abs(m.start() - travel.start()), default=None)
        if near and abs(near.start() - travel.start()) <= 40:
            yield "travel", int(near["n"])
        elif _NO_TRAVEL_RE.search(text):
            yield "travel", 0
        else:
            yield "travel", None
    if _LANGUAGE_CUE_RE.search(text):
        for match in _LANGUAGE_RE.finditer(text):
            yield "language", match["lang"]
    if _BACKGROUND_RE.search(text):
        yield "background_check", None


# --- the whole posting ---------------------------------------------------------------------


def parse_posting(text: str) -> PostingRequirements:
    """Every experience, education, certification and constraint requirement of a posting.
    A "Nice to have" / "Preferred qualifications" heading makes what follows it preferred until
    the next heading, as a cue in the clause itself does."""
    experience: list[ExperienceRequirement] = []
    education: list[EducationRequirement] = []
    certifications: list[CertificationRequirement] = []
    constraints: list[Constraint] = []
    default = "required"
    for clause in clauses(text):
        if len(clause.text) <= 60:
            if _PREFERRED_HEADING_RE.match(clause.text):
                default = "preferred"
                continue
            if _REQUIRED_HEADING_RE.match(clause.text):
                default = "required"
                continue
        offset = clause.start
        body = clause.text
        experience.extend(_shift(r, offset, default) for r in experience_requirements(body))
        education.extend(_shift(r, offset, default) for r in education_requirements(body))
        certifications.extend(_shift(r, offset, default) for r in certification_requirements(body))
        constraints.extend(_shift(r, offset, default) for r in constraint_requirements(body))
    return PostingRequirements(
        tuple(experience), tuple(education), tuple(certifications), tuple(constraints)
    )


_Found = TypeVar(
    "_Found", ExperienceRequirement, EducationRequirement, CertificationRequirement, Constraint
)


def _shift(item: _Found, offset: int, default: str) -> _Found:
    """The finding with offsets into the whole posting and the section's level applied."""
    importance = "preferred" if default == "preferred" else item.importance
    return replace(item, start=item.start + offset, end=item.end + offset, importance=importance)


# --- the resume side -----------------------------------------------------------------------

_CITIZEN_RE = re.compile(
    rf"\b(?:(?P<country>{_COUNTRY})\s+(?P<what>citizen(?:ship)?|national|permanent\s+resident|green\s+card"
    r"(?:\s+holder)?|work\s+(?:permit|visa))"
    r"|(?P<gc>green\s+card(?:\s+holder)?)"
    r"|(?P<what2>citizen(?:ship)?|permanent\s+resident)\s+of\s+(?:the\s+)?"
    rf"(?P<country2>{_COUNTRY}))\b",
    re.IGNORECASE,
)
_NEEDS_SPONSOR_RE = re.compile(
    r"\b(?:require|requires|need|needs|will\s+need|will\s+require)\s+(?:visa\s+)?sponsorship\b",
    re.I,
)
_RESUME_CLEARANCE_DETAIL_RE = re.compile(
    r"\b(?:active|current|inactive|expired|lapsed|eligible)\b", re.I
)
_OPEN_TO_RE = re.compile(r"\b(?:open|willing|happy|able)\s+to\s+(?P<what>relocat\w*|travel)", re.I)
_RESUME_LOCATION_RE = re.compile(
    rf"^\s*(?:location|based\s+in|address)\s*[:\-–]?\s*(?P<place>{_PLACE})", re.I | re.M
)
_LANGUAGES_LINE_RE = re.compile(r"^\s*languages?\s*[:\-–]", re.IGNORECASE)
_LEVEL_WORDS = (
    r"native|mother\s+tongue|bilingual|fluent|fluency|full\s+professional|professional"
    r"|business|proficient|advanced|intermediate|conversational|basic|elementary|beginner|[ABC][12]"
)
_LANGUAGE_LEVEL_RE = re.compile(
    rf"\b(?P<lang>{'|'.join(_LANGUAGES)})\b\s*(?:[(:\-–,]\s*)?(?P<after>{_LEVEL_WORDS})?"
    rf"|(?P<before>{_LEVEL_WORDS})\s+(?:in\s+|speaker\s+of\s+)?(?P<lang2>{'|'.join(_LANGUAGES)})\b",
    re.IGNORECASE,
)


# The words without which no clause states anything _statements_in reads: each of its
# triggers needs a word that is one of _STATE_WORDS ("work in", "on-site", "in the office",
# a language) or starts with one of _STATE_STEMS ("citizenship", "relocation"). Checking a
# resume's lowered words first spares most clauses a dozen case-insensitive searches, which
# Python's re runs slowly: most resumes state none of it.
_STATE_WORDS = frozenset(
    ("work", "green", "security", "home", "distributed", "site", "onsite", "office", "person",
     "based", "dbs", "employment", "credit", *(language.lower() for language in _LANGUAGES))
)  # fmt: skip
_STATE_STEMS = (
    "citizen", "national", "residen", "sponsor", "clearance", "cleared", "vetting", "vetted",
    "relocat", "travel", "hybrid", "remote", "wfh", "location", "address", "background",
    "criminal", "drug",
)  # fmt: skip
_LOWER_WORD_RE = re.compile(r"[a-z]+")


def _trigger_words(text: str) -> set[str]:
    """The text's lowered words that are or start like a statement's (most resumes: none)."""
    words = sorted(set(_LOWER_WORD_RE.findall(text.lower())))
    hits = set(_STATE_WORDS.intersection(words))
    for stem in _STATE_STEMS:
        at = bisect_left(words, stem)
        while at < len(words) and words[at].startswith(stem):
            hits.add(words[at])
            at += 1
    return hits


def resume_constraints(text: str) -> dict[str, tuple[ResumeStatement, ...] | None]:
    """What a resume states for each constraint kind, keyed by every kind in CONSTRAINT_KINDS;
    None where the resume says nothing about it (never a guess)."""
    found: dict[str, list[ResumeStatement]] = {}
    hits = _trigger_words(text)
    for clause in clauses(text) if hits else ():
        lowered = clause.text.lower()
        if not any(word in lowered for word in hits):
            continue
        for kind, value, detail in _statements_in(clause.text):
            statement = ResumeStatement(kind, value, detail, *_source(clause))
            if statement not in found.setdefault(kind, []):
                found[kind].append(statement)
    return {kind: tuple(found[kind]) if found.get(kind) else None for kind in CONSTRAINT_KINDS}


def _statements_in(text: str) -> Iterator[tuple[str, str | int | None, str | None]]:
    for match in _AUTHORIZED_RE.finditer(text):
        if (
            not match[0]
            .lower()
            .endswith(("citizen", "citizens", "citizenship", "resident", "national"))
        ):
            yield (
                "work_authorization",
                _country(match["country"] or match["country2"]),
                "authorized",
            )
    for match in _CITIZEN_RE.finditer(text):
        written = match["country"] or match["country2"]
        country = _country(written) if written else "US"  # a green card is American
        what = (match["what"] or match["what2"] or match["gc"] or "").lower()
        detail = "permanent resident" if "resident" in what or "green" in what else what.split()[0]
        yield "work_authorization", country, detail.replace("citizenship", "citizen")
    if _NEEDS_SPONSOR_RE.search(text):
        yield "sponsorship", "needed", None
    elif _SPONSOR_RE.search(text) and _NEGATION_RE.search(text):
        yield "sponsorship", "not needed", None
    if _CLEARANCE_WORD_RE.search(text):
        detail_match = _RESUME_CLEARANCE_DETAIL_RE.search(text)
        detail = detail_match[0].lower() if detail_match else None
        for match in _CLEARANCE_RE.finditer(text):
            yield "clearance", _named(_CLEARANCE_LEVELS, match), detail
    for match in _OPEN_TO_RE.finditer(text):
        negated = _NEGATION_RE.search(text, 0, match.start())
        kind = "relocation" if match["what"].lower().startswith("relocat") else "travel"
        percent = _PERCENT_RE.search(text, match.end())
        value: str | int | None = "not open" if negated else "open"
        if kind == "travel" and percent and not negated:
            value = int(percent["n"])
        yield kind, value, None
    for match in _WORK_MODE_RE.finditer(text):
        if _OPEN_TO_MODE_RE.search(text):
            yield "work_mode", _named(_WORK_MODES, match), "open to"
    for match in _RESUME_LOCATION_RE.finditer(text):
        yield "location", match["place"], None
    if _LANGUAGES_LINE_RE.match(text) or _LANGUAGE_CUE_RE.search(text):
        for match in _LANGUAGE_LEVEL_RE.finditer(text):
            language = match["lang"] or match["lang2"]
            level = match["after"] or match["before"]
            if level or _LANGUAGES_LINE_RE.match(text):
                yield "language", language.title(), level.lower() if level else None
    if _BACKGROUND_RE.search(text):
        yield "background_check", None, "stated"


_NOT_HELD_RE = re.compile(
    r"\b(?:expected|candidate|pursuing|in\s+progress|ongoing|anticipated|currently\s+enrolled"
    r"|incomplete|coursework|not\s+completed|until|to\s+be\s+completed)\b",
    re.IGNORECASE,
)
_RAW_FIELD_RE = re.compile(
    r"\s*(?:degree\s+)?(?:(?:in|of)\s+)?(?P<field>[A-Z][\w&]*(?:\s+(?:and|&|of)?\s*[A-Z][\w&]*){0,5})"
)


def highest_degree(text: str) -> Degree | None:
    """The highest degree the resume says is held, with its field; a degree still in progress
    ("PhD candidate", "MSc, expected 2025") does not count. None when no degree is named."""
    best: Degree | None = None
    for clause in clauses(text):
        if _NOT_HELD_RE.search(clause.text):
            continue
        for match in _DEGREE_RE.finditer(clause.text):
            level = match.lastgroup
            if level is None or level == "any":
                continue
            rest = clause.text[match.end() : match.end() + 60]
            fields = _fields(rest)
            raw = _RAW_FIELD_RE.match(rest)
            field = fields[0] if fields else (raw["field"] if raw and raw["field"] else None)
            degree = Degree(level, field, *_source(clause))
            if best is None or DEGREE_LEVELS.index(level) > DEGREE_LEVELS.index(best.level):
                best = degree
    return best

"""Pure rules that read a mention's surroundings: does it count, how much is it wanted.

A mention does not count when it is negated ("no Kubernetes experience needed"), sits in a
company description, the benefits, how to apply, a posting's title line or its details
("Role: DevOps"). In a posting, the section and cues in the same clause ("a plus",
"familiarity with") decide required versus preferred. A sentence about the team's tools
("Our stack runs on AWS (ECS, RDS)") is an expectation, if a soft one: it counts as
preferred wherever it stands, even in the company description.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from ..experience.requirements import degree_field_spans
from ..records import Importance
from .roles import (
    HEADING_ROLES,
    PEOPLE,
    Role,
    sentence_role,
    stack_sentence,
    table_column_kind,
    tools_sentence,
    your_work,
)
from .sentences import clause_bounds, sentence_bounds

UNCOUNTED_SECTIONS = {
    "about": "in the company description",
    "benefits": "in the benefits",
    "application": "in how to apply",
    "title": "in the job title",
}
# a section of what the job does not need ("You don't need"): only a hedged wish there
# counts, as preferred ("being able to read Python is a plus")
PREFERRED_SECTIONS = {"preferred", "not_needed"}
NOT_NEEDED = "in what the job does not need"
HASHTAG = "in a hashtag"
# A skill name followed by (or ending in) one of PEOPLE names a job, not a requirement:
# "work with data engineers", "our Machine Learning Engineer".
_GROUPS = (
    r"team|department|division|group|squad|fellowship|position|scholarship|supervision|programme|"
    r"program"
)
ROLE_NOUNS = re.compile(rf"(?:{PEOPLE})s?", re.I)
ROLE_OR_GROUP_NOUNS = re.compile(rf"(?:{PEOPLE}|{_GROUPS})s?", re.I)
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z]+)")
# a title in Title Case after the mention: "AI Solutions Architect", "Java Performance Engineer",
# "ML Platform Team" (one or two capitalised words, then the job or group)
_TITLE_AFTER = re.compile(r"(?:[ \t/]+[A-Z][A-Za-z]*){1,2}[ \t]+([A-Z][a-z]+)\b")
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")

_NEG_BEFORE = re.compile(
    r"(?:\b(?:no|not|without|never|nor|zero)\b|n't\b)(?!\s+only\b)(?:\W+\w+){0,5}\W*$", re.I
)
# how far along its line a rule looks from a mention: a document on one line of a million
# characters must not cost a scan of the line per mention
_REACH = 400


def line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts, looking back at most ``_REACH`` characters."""
    low = max(0, pos - _REACH)
    return text.rfind("\n", low, pos) + 1 or low


def line_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends, looking on at most ``_REACH`` characters."""
    high = min(len(text), pos + _REACH)
    found = text.find("\n", pos, high)
    return found if found >= 0 else high


# a new item of a list of actions between a negation and the mention ends the negation's
# reach: "query it without calling us, and putting data quality checks in place", "explain
# trade-offs without the acronyms, and present the roadmap to the board"
_NEW_ACTION = re.compile(r",\s*(?:and|but|while|then)\s+([a-z]+)\b", re.I)


def _starts_an_action(negation: str) -> bool:
    """True when a list item after the negation opens with a verb: one in -ing or -ed, or
    a verb's base form ("and present the roadmap"; not "and Python", "and teams")."""
    for m in _NEW_ACTION.finditer(negation):
        word = m.group(1).lower()
        if word.endswith(("ing", "ed")) or word in _AUXILIARIES or _base_verb(word):
            return True
    return False


# "..., and are comfortable writing Go", "..., and have shipped"
_AUXILIARIES = frozenset(
    ["are", "is", "am", "have", "has", "can", "will", "should", "must", "may", "could", "would"]
)


@cache
def _base_verb(word: str) -> bool:
    from lemminflect import getAllLemmas  # English lexicon, loaded on first use

    return word in getAllLemmas(word, "VERB").get("VERB", ())


# Skills a resume names as not yet held: "Currently learning: Apache Spark". A bare
# "Learning:" label opens its clause or list item ("Learning: Rust", "Python, learning: Go"):
# after another word it ends a skill's name, heading skills held ("Machine Learning: PyTorch").
_LEARNING = re.compile(
    r"(?:\b(?:currently\s+learning|want\s+to\s+learn|plan(?:ning)?\s+to\s+learn|"
    r"hope\s+to\s+learn|would\s+like\s+to\s+learn)\s*:?"
    r"|(?:^|[,(|/\u2022])\W*(?:(?:now|also|still|presently)\s+)?learning\s*:)"
    r"\s*(?:\w+\W+){0,8}$"
    # "Currently auditing an online course on CUDA", "Aspiring Machine Learning Engineer"
    r"|\bcurrently\s+(?:auditing|taking|studying|doing|following|enrolled\s+in)\s+"
    r"(?:\w+\W+){0,12}$|\baspiring\s+(?:\w+\W+){0,2}$"
    # "Auditing a Coursera specialisation in software architecture", "Learning now: Docker"
    r"|\bauditing\s+(?:\w+\W+){0,6}$|\blearning\s+now\s*:\s*(?:\w+\W+){0,8}$"
    # "In progress: Apache Spark fundamentals", "Exam booked: Azure Solutions Architect Expert",
    # "studying for the CKA"
    r"|\b(?:in\s+progress|exam\s+(?:booked|scheduled)|studying\s+for|preparing\s+for)\s*:?\s*"
    r"(?:\w+\W+){0,8}$",
    re.I,
)
# ... said after the name: "Certified Kubernetes Administrator: exam booked for March",
# "Azure Data Scientist Associate (DP-100), exam in the spring", "CKA (in progress)"
_LEARNING_AFTER = re.compile(
    r"\W{0,3}(?:(?:[\w-]+\W{1,3}){0,5}?exam\s+(?:booked|scheduled|planned|in\b|on\b|next\b)|"
    r"in\s+progress\b|currently\s+(?:studying|preparing)|studying\s+for\s+it)",
    re.I,
)
# a skills grid's rating of one star in five or more: "Spark \u2605\u2606\u2606\u2606\u2606, one
# online course"
_RATING = re.compile(r"[ \t:(\u2013-]*([\u2605\u25cf]*)([\u2606\u25cb]*)")
ONE_STAR = "rated one star of five, not a claim"


def _one_star(text: str, end: int) -> bool:
    found = _RATING.match(text, end)
    if found is None:
        return False
    filled, empty = len(found.group(1)), len(found.group(2))
    return filled <= 1 and filled + empty >= 4


# "No prior experience with our stack (Go, Kubernetes) is needed": the whole clause is negated
_NO_CLAUSE = re.compile(
    r"\W*(?:no|none\s+of)\b.*\b(?:needed|required|necessary|expected|assumed)\b", re.I | re.S
)
_NEG_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,5}?(?:is|are|isn't|aren't)?\s*"
    r"(?:not\s+(?:yet\s+)?(?:required|needed|necessary|expected|a\s+requirement|mandatory|used)"
    r"|(?:don't|do\s+not)\s+claim"
    r"|isn't\s+(?:required|needed|necessary)|aren't\s+(?:required|needed|necessary)"
    r"|(?:is|are)\s+optional|needed\s+not|unnecessary)",
    re.I,
)
# ... right after the name: "AWS isn't part of our estate", "Java is not part of the stack"
_NOT_PART_AFTER = re.compile(
    r"\W{0,2}(?:isn't|aren't|is\s+not|are\s+not)\s+(?:\w+\s+)?part\s+of\b", re.I
)
_PREFERRED_CUES = re.compile(
    # "plus" alone only as a verdict ("Plus: Go", "Terraform (plus)"), not as "and": "Java or
    # Scala, plus Python", "LLM-as-a-judge plus human review"
    r"\b(?:an?\s+(?:(?:big|huge|definite|real|strong|major|added)\s+)?plus|"
    r"plus(?=\s*(?:[:)!]|$))|preferred|preferably|nice[\s-]to[\s-]have|bonus|ideally|desirable|"
    r"familiarity\s+with|familiar\s+with|exposure\s+to|an?\s+advantage|advantageous|"
    r"would\s+be\s+great|is\s+a\s+bonus|good\s+to\s+have|not\s+required|optional|"
    r"(?:have|has|gives?)\s+an\s+edge|welcome|appreciated)\b",
    re.I,
)


# Every negation or "learning" pattern above holds one of these: a clause without any is
# neither negated nor being learned. They are found once per document (overlapping ones
# too), and most clauses are dismissed by one lookup.
_NEG_HINT_WORDS = (
    "no", "without", "never", "zero", "optional", "unnecessary", "n't", "learn", "currently",
    "aspiring", "progress", "exam", "studying", "preparing", "looking", "seeking", "next", "audit",
    "\u2606", "\u25cb",
)  # fmt: skip
_NEG_HINTS = re.compile(rf"(?=({'|'.join(_NEG_HINT_WORDS)}))", re.I)
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ ı ſ K: equal to ASCII letters under re.I


@lru_cache(maxsize=8)
def _hints(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of every negation hint in a text."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(c in text for c in _FOLDS_TO_ASCII):
        # lowering moved offsets ("İ"), or re.I would match what lower() does not: the regex
        found = [(m.start(), m.start() + len(m.group(1))) for m in _NEG_HINTS.finditer(text)]
    else:
        found = []
        for word in _NEG_HINT_WORDS:
            at = lowered.find(word)
            while at >= 0:
                found.append((at, at + len(word)))
                at = lowered.find(word, at + 1)
        found.sort()
    return [a for a, _ in found], [b for _, b in found]


def _has_hint(text: str, left: int, right: int) -> bool:
    starts, ends = _hints(text)
    i = bisect_left(starts, left)
    while i < len(starts) and starts[i] < right:
        if ends[i] <= right:
            return True
        i += 1
    return False


def negation_reason(text: str, start: int, end: int) -> str | None:
    """``"negated"`` when the clause says the skill is not wanted or not held."""
    left, right = clause_bounds(text, start, end)
    end_of_line = line_end(text, end)
    if not _has_hint(text, left, max(right, end_of_line)):
        return None
    before, after = text[left:start], text[end:right]
    if _NEG_AFTER.search(after) or _NOT_PART_AFTER.match(after):
        return "negated"
    negation = _NEG_BEFORE.search(before)
    if negation and _starts_an_action(text[left + negation.start() : end]):
        negation = None
    if negation or _NO_CLAUSE.match(text, left, right):
        return "negated"
    # the line, not the clause: "IBM AI Developer Certificate \u2014 in progress"
    if _LEARNING.search(before) or _LEARNING_AFTER.match(text, end, end_of_line):
        return STILL_LEARNED
    if _one_star(text, end):
        return ONE_STAR
    if (_SEEKING.search(before) and _ROLE_AFTER.match(after)) or _NEXT_ROLE.search(before):
        return "a role sought, not held"
    return None


# "I am looking for an AI architect role": the job hoped for
_SEEKING = re.compile(
    r"\b(?:looking\s+for|seeking|pursuing|targeting)\s+(?:an?|my\s+next|the)\s+"
    r"(?:[\w/-]+\s+){0,4}$",
    re.I,
)
# "I'd like my next role to be a data or ML platform lead"
_NEXT_ROLE = re.compile(
    r"\bnext\s+(?:role|job|position)\s+to\s+be\s+(?:an?\s+)?(?:[\w/-]+\s+){0,4}$", re.I
)
_ROLE_AFTER = re.compile(rf"(?:[\w/-]*\s+){{0,3}}?(?:{PEOPLE})?\s*(?:role|position|job)\b", re.I)


# A field named as the people who work in it: "work with data engineering to shape the
# pipelines", "sit between research, platform engineering and compliance". Only a field's
# name (ending in engineering, science, research, ...) after a verb of working together, in
# that verb's list, and ending the phrase there: "work with data engineering tools" asks for
# the skill.
_FIELD_END = re.compile(r"(?:engineering|science|research|operations|security|design)$", re.I)
_WORK_WITH = re.compile(
    r"\b(?:work|works|working|partner|partners|partnering|collaborate|collaborates|"
    r"collaborating|liaise|liaises|liaising|sit|sits|sitting)\s+(?:closely\s+)?"
    r"(?:with|between|alongside|across)\s+(?:(?:our|the|your)\s+)?"
    r"(?:[\w'-]+(?:\s+[\w'-]+){0,2},\s+|[\w'-]+(?:\s+[\w'-]+){0,2}\s+(?:and|or)\s+)*$",
    re.I,
)
_FIELD_FOLLOWS = re.compile(r"\s*(?:[,.;:)]|$|(?:and|or|to|on|in|as|for|so)\b)", re.I)


def names_a_field_of_people(text: str, start: int, end: int) -> bool:
    """True for a field named as a team: "work with data engineering to shape ..."."""
    if not _FIELD_END.search(text, start, end) or not _FIELD_FOLLOWS.match(text, end):
        return False
    line_start = max(text.rfind("\n", 0, start) + 1, start - 120)
    return bool(_WORK_WITH.search(text, line_start, start))


# "3+ years as a data engineer", "experience as an ML engineer": the job is the demand
_AS_A_JOB = re.compile(
    r"\b(?:years?|yrs|experience|background|time)\s+(?:\w+\s+){0,2}?as\s+an?\s+(?:\w+\s+){0,2}$",
    re.I,
)


def _people_word(
    text: str, start: int, end: int, last: re.Pattern[str], following: re.Pattern[str]
) -> bool:
    """The mention's last word is one of ``last``, or the word after it one of ``following``."""
    word = _LAST_WORD.search(text, start, end)
    if word and last.fullmatch(word.group(1)):
        return True
    after = _NEXT_WORD.match(text, end)
    return bool(after and following.fullmatch(after.group(1)))


# a verb acting on people, first in a soft skill's words: "Mentored engineers", "coach data
# scientists" (the skill, not a job)
_PEOPLE_VERB = re.compile(
    r"(?:mentor|coach|onboard|unblock|support|develop)(?:s|es|ed|ing)?|lead(?:s|ing)?|led|"
    r"manag(?:e|es|ed|ing)|guid(?:e|es|ed|ing)|teach(?:es|ing)?|taught|train(?:s|ed|ing)?|"
    r"grow(?:s|ing)?|grew",
    re.I,
)
_FIRST_WORD = re.compile(r"\W*([A-Za-z]+)")


def acts_on_people(text: str, start: int, end: int) -> bool:
    """True when the mention opens with a verb done to people ("Mentored engineers"), not
    when a title follows it ("Lead Engineer")."""
    word = _FIRST_WORD.match(text, start, end)
    if not word or not _PEOPLE_VERB.fullmatch(word.group(1)):
        return False
    after = _NEXT_WORD.match(text, end)
    return not (after and after.group(1)[:1].isupper())


def names_a_job(text: str, start: int, end: int) -> bool:
    """True for "Data Engineer", "machine learning engineers", "the NLP team", "AI Solutions
    Architect", and a field named as a team ("work with data engineering"); not for a job
    asked of the candidate ("3+ years as a data engineer")."""
    if _AS_A_JOB.search(text, max(0, start - 80), start):
        return False
    if _people_word(text, start, end, ROLE_NOUNS, ROLE_OR_GROUP_NOUNS):
        return True
    title = text[start:end][:1].isupper() and _TITLE_AFTER.match(text, end)
    if title and ROLE_OR_GROUP_NOUNS.fullmatch(title.group(1)):
        return True
    return names_a_field_of_people(text, start, end)


# A resume's talks, publications and awards are listed by their titles, which name topics,
# venues and prizes ("Efficient Deep Learning: A Practitioner's Perspective, Google Tech
# Talk"; "Google PhD Fellowship in Machine Learning"), not what the owner works with.
TITLE_SECTIONS = {
    "talks": "in a talk title",
    "publications": "in a publication title",
    "awards": "in an award's name",
}
_LONG_WORD = re.compile(r"[^\W\d_][\w'-]{3,}")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d\n]+[\"\u201d]")


def in_title(text: str, start: int, end: int) -> bool:
    """True when the mention is in a title: quoted, or on a line in Title Case (most of its
    words of four letters or more capitalised). A sentence about the work is not a title:
    "Two peer-reviewed publications on lightweight detectors"."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    line = text[left : right if right >= 0 else len(text)]
    if any(q.start() <= start - left and end - left <= q.end() for q in _QUOTED.finditer(line)):
        return True
    words = _LONG_WORD.findall(line)
    capitals = sum(w[0].isupper() for w in words)
    return len(words) >= 2 and capitals >= 0.6 * len(words)


def uncounted_reason(
    text: str,
    start: int,
    end: int,
    section: str,
    *,
    posting: bool = True,
    job_rule: bool = True,
    field_rule: bool = True,
    heading: bool = False,
    people_rule: bool = True,
) -> str | None:
    """Why a mention must not count, or None when it counts.

    Section rules and job titles apply to postings only: a resume's "Data Engineer" is a
    job its owner held, a posting's "work with data engineers" asks for nothing.
    ``job_rule`` is off for names that end in a role by right ("... ML Engineer" certificates),
    ``field_rule`` for degrees ("computer science" is the degree a posting asks for).
    In a resume, a mention in the title of a talk, publication or award does not count;
    the section's heading (``heading``: "Presentations", "Invited Talks") does, since it
    says what its owner did. With ``people_rule`` (technical skills), a resume's mention that
    names other people ("2 data scientists") does not count either.
    """
    if not posting and section in TITLE_SECTIONS and not heading and in_title(text, start, end):
        return TITLE_SECTIONS[section]
    if not posting and job_rule and people_rule and names_other_people(text, start, end):
        return OTHER_PEOPLE
    if not posting and people_rule and others_work(text, start, end):
        return OTHERS_WORK
    if posting:
        reason = posting_reason(text, start, end, section, job_rule=job_rule, field_rule=field_rule)
        if reason is not None:
            return reason
    return negation_reason(text, start, end)


DEGREE_FIELD = "names a degree's field (judged with the education requirement)"
OTHER_PEOPLE = "names other people or their team, not the resume's owner"
INTERESTS = "in the interests, not a claim of work"
STILL_LEARNED = "still being learned"
# a resume's section of what is being learned: "Learning", "Currently learning"
LEARNING_HEADINGS = frozenset(["learning", "currently learning", "learning now", "now learning"])
# a resume's section of pastimes: "Go (the board game)", "Python meetups" are not work
INTEREST_HEADINGS = frozenset(
    ["interests", "hobbies", "hobbies and interests", "interests and hobbies",
     "personal interests", "outside work", "other interests", "pastimes", "activities",
     "extracurricular activities", "extracurriculars"]
)  # fmt: skip
_PLURAL_PEOPLE = re.compile(rf"(?:{PEOPLE})s", re.I)
_WITH_THE = re.compile(r"\bwith\s+(?:the|our|their|its)\s+$", re.I)
_GROUP_NEXT = re.compile(r"[ \t]+(?:team|teams|group|groups|squad|department)\b", re.I)


OTHERS_WORK = "another team's work, not the resume owner's"
_TEAM_NOUNS = (
    r"team|teams|engineers|scientists|analysts|developers|colleagues|group|department|"
    r"vendors?|contractors?|consultants|division|unit|students|interns|specialists|"
    r"researchers|designers|teammates"
)
# people who are never the resume's owner, even as "our": "Our product engineers build the
# platform in Rust" (but "our team" holds the owner)
_OTHER_PEOPLE_NOUNS = r"engineers|scientists|analysts|developers|colleagues|students|interns"
# a resume's clause whose subject is someone else: "The data scientists write the models in
# PyTorch", "The IT team runs the Azure tenant" (not "The team I led", nor "our team", which
# holds the owner)
_OTHERS_SUBJECT = re.compile(
    rf"\W*(?:(?:the|their|another|a\s+separate|those|these)\s+(?:[\w&/'-]+\s+){{0,3}}?(?:{_TEAM_NOUNS})|"
    rf"our\s+(?:[\w&/'-]+\s+){{0,3}}?(?:{_OTHER_PEOPLE_NOUNS})|"
    r"their\s+(?:[\w'-]+\s+){0,2}?(?:projects|work|code)|"
    # "My search team built semantic search on Elasticsearch": the team's work, the owner led
    r"my\s+(?:[\w&/'-]+\s+){0,2}?(?:team|teams|group|squad|reports|teammates|colleagues)\s+"
    r"(?:built|build|builds|"
    r"shipped|ships|wrote|writes|trained|trains|developed|develops|created|delivered|ran|runs))\b"
    r"(?!\s+(?:i|we|that\s+i|who\s+i|of)\b)(?!')",
    re.I,
)
# ... or is done by someone else: "The Terraform modules were written by the platform team",
# "Terraform and the clusters belonged to the platform team"
_OTHERS_AGENT = re.compile(
    r"\b(?:(?:was|were|is|are)\s+(?:\w+\s+)?(?:written|run|built|owned|maintained|managed|"
    r"deployed|handled|operated|done|looked\s+after)\s+by|belong(?:s|ed)?\s+to)\s+"
    rf"(?:the|another|a\s+separate|their)\s+(?:[\w&/'-]+\s+){{0,3}}?(?:{_TEAM_NOUNS})\b",
    re.I,
)


# a posting's sentence saying the work with the skill is another team's: "our platform
# engineering (Spark on Hadoop) is run by a separate Data Platform division"
_OTHER_TEAMS_JOB = re.compile(
    r"\b(?:(?:is|are)\s+(?:\w+\s+)?(?:run|owned|maintained|managed|built|handled|operated|"
    r"looked\s+after|supported)\s+by\s+(?:a\s+separate|another|other|our\s+sister)|"
    # "reporting and BI stay with the analytics team", "That sits with our embedded group"
    r"(?:stays?|sits?|remains?|lives?)\s+(?:with|in)\s+(?:the|our|a\s+separate|another))\s+"
    rf"(?:[\w&/'-]+\s+){{0,3}}?(?:{_TEAM_NOUNS})\b",
    re.I,
)
OTHER_TEAMS_JOB = "another team's work, not asked of the candidate"
# ... or names the skill in what other people do: "work with our data scientists, who build
# the statistical and machine learning models"
_PEOPLE_WHO = re.compile(
    rf"\b(?:{_OTHER_PEOPLE_NOUNS}|researchers|team|teams|group),\s+who\s+(?:\w+\s+)?"
    r"(?:build|own|run|write|use|design|develop|train|maintain|create)s?\b[^.;:()]*$",
    re.I,
)


# ... or hands what was just named to another team: "The core system is written in Java, but
# another team owns it"
_ANOTHER_TEAM_OWNS = re.compile(
    r"[^.;]*?,?\s+but\s+(?:another|a\s+separate|a\s+different|the\s+[\w-]+)\s+team\s+"
    r"(?:owns|runs|maintains|looks\s+after|handles|supports)\s+(?:it|that|them|this)\b",
    re.I,
)


def other_teams_job(text: str, start: int, end: int) -> bool:
    """In a posting, the sentence says a separate team, or other people, do the work with
    the skill."""
    left, right = sentence_bounds(text, start, end)
    left, right = max(left, start - _REACH), min(right, end + _REACH)
    agent = _OTHER_TEAMS_JOB.search(text, end, right)
    if agent and not _CLAUSE_BREAK.search(_outside_parentheses(text[end : agent.start()])):
        return True
    if _ANOTHER_TEAM_OWNS.match(text, end, right):
        return True
    return bool(_PEOPLE_WHO.search(text, left, start))


# what ends the mention's clause before a later one: "help run A/B tests cleanly, although
# the platform itself is owned by another team"
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:although|though|but|while|whereas|because|since)\b", re.I)
_PARENTHESIS = re.compile(r"\([^()]*\)")


def _outside_parentheses(segment: str) -> str:
    """``segment`` (text after a mention) without what is in parentheses, the mention's own
    included: "on a Hadoop cluster, now moving) is run by" -> " is run by"."""
    close = segment.find(")")
    if close >= 0 and "(" not in segment[:close]:
        segment = segment[close + 1 :]
    return _PARENTHESIS.sub("", segment)


# ... or a parenthesis opened with other people as its subject: "Co-supervised 4 MSc theses
# (the students built speech recognition systems and a Django tool)"
_OTHERS_PAREN = re.compile(
    rf"\(\s*(?:(?:the|their|those|these)\s+(?:[\w&/'-]+\s+){{0,3}}?(?:{_TEAM_NOUNS})\b"
    r"|they\b)(?!\s+(?:i|we)\b)[^();]*$",
    re.I,
)


# ... or a clause on people named before: "for the ML team, whose data scientists train
# their models in PyTorch"
_OTHERS_WHOSE = re.compile(
    rf"\bwhose\s+(?:[\w&/'-]+\s+){{0,2}}?(?:{_TEAM_NOUNS})\b[^.;]*$", re.I
)


# ... or people described by what they do: "Worked alongside a platform team that ran
# Kubernetes", "Handed over to an analytics team who maintain it in Looker" (not the team
# the owner led: "Led a team that built ...")
_OTHERS_THAT = re.compile(
    rf"\b(?:a|an|another|the|a\s+separate)\s+(?:[\w&/'-]+\s+){{0,3}}?(?:{_TEAM_NOUNS}),?\s+"
    r"(?:that|which|who)\s+(?!i\b|we\b)[^.;]*$",
    re.I,
)
_OWNER_LEADS = re.compile(
    r"\b(?:led|lead|leading|managed|managing|headed|heading|ran|running|built|hired|grew|"
    r"mentored|coached|formed|founded|set\s+up)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# ... or a team of the owner's employer set against the owner's own part: "Our BI team builds
# the Tableau dashboards; I own the data models under them" ("our team" alone holds the owner)
_OUR_TEAM = re.compile(
    r"\W*our\s+(?:[\w&/'-]+\s+){1,3}?(?:team|teams|group|department|division|unit)\b"
    r"(?!\s+(?:i|we|that\s+i|who\s+i|of)\b)",
    re.I,
)
_OWNER = re.compile(r"\b(?:I|me|my)\b")
# the owner later in the same sentence, past a ";" too: "...; I own the data models"
_OWNER_LATER = re.compile(r"[^.!?\n]{0,300}?\b(?:I|me|my)\b")


def others_work(text: str, start: int, end: int) -> bool:
    """In a resume, the clause says someone else did the work with the skill."""
    left, right = clause_bounds(text, start, end)
    if _OTHERS_SUBJECT.match(text, left, right) or _OTHERS_AGENT.search(text, left, right):
        return True
    first = line_start(text, start)
    if any(p.search(text, first, start) for p in (_OTHERS_PAREN, _OTHERS_WHOSE)):
        return True
    that = _OTHERS_THAT.search(text, first, start)
    if that and not _OWNER_LEADS.search(text, first, that.start()):
        return True
    ours = _OUR_TEAM.match(text, left, right)
    if ours is None or _OWNER.search(text, ours.end(), start):
        return False
    return _OWNER_LATER.match(text, end) is not None


def names_other_people(text: str, start: int, end: int) -> bool:
    """In a resume, the mention names people the owner worked with or led, not a job the owner
    held: "2 data scientists", "coached ML engineers", "with the data science team" (the
    owner's own title is singular: "Data Scientist, Acme")."""
    if _people_word(text, start, end, _PLURAL_PEOPLE, _PLURAL_PEOPLE):
        return True
    return bool(_GROUP_NEXT.match(text, end)) and bool(
        _WITH_THE.search(text, max(0, start - 12), start)
    )


def in_degree_fields(text: str, start: int, end: int) -> bool:
    """True for a field a degree requirement names: "MS in computer science, [statistics] or a
    related field" asks for the degree, which the education verdict judges with its fields."""
    spans = degree_field_spans(text)
    i = bisect_right(spans, (start, len(text)))
    return any(a < end and start < b for a, b in spans[max(0, i - 2) : i + 1])


# why a mention in a sentence of each role asks for nothing
_ROLE_REASONS: dict[Role, str] = {
    "title": "in the job's details",
    "application": "in what to send with an application",
    "benefits": "in the benefits",
    "company": "in the company description",
}


def posting_reason(
    text: str,
    start: int,
    end: int,
    section: str,
    *,
    job_rule: bool = True,
    field_rule: bool = True,
) -> str | None:
    """Why a posting's mention asks for nothing (before negation), or None.

    The sentence's role (``roles.sentence_role``) decides, but a sentence about the team's
    stack counts (as preferred), even in the company description, as does one there that says
    what the candidate will work on (``roles.your_work``), and a sentence about the employer
    that says what it works with (``roles.tools_sentence``).
    """
    if start and text[start - 1] == "#":  # "#hiring #genai": a tag, not a requirement
        return HASHTAG
    if section == "not_needed" and not _PREFERRED_CUES.search(
        text, *sentence_bounds(text, start, end)
    ):
        return NOT_NEEDED
    if other_teams_job(text, start, end):
        return OTHER_TEAMS_JOB
    stack = stack_sentence(text, start, end)
    # what a company or team section says of the stack, or of the candidate's work, counts
    kept = section == "about" and (stack or your_work(text, start, end))
    if section in HEADING_ROLES and not kept:
        return UNCOUNTED_SECTIONS[section]
    if job_rule and names_a_job(text, start, end):
        return "names a job or team, not a skill"
    if field_rule and in_degree_fields(text, start, end):
        return DEGREE_FIELD
    role = sentence_role(text, start, end, "other" if section in HEADING_ROLES else section)
    if role == "company" and (stack or tools_sentence(text, start, end, section)):
        return None
    return _ROLE_REASONS.get(role)


def importance(text: str, start: int, end: int, section: str) -> Importance:
    """Required or preferred, for a counted mention in a posting: what a section about the
    company or team says the candidate will work with is preferred."""
    left, right = sentence_bounds(text, start, end)
    if our_stack_aside(text, left, start, end):
        return "preferred"
    column = table_column_kind(text, start)
    if column is not None:
        return "preferred" if column == "preferred" else "required"
    if section in PREFERRED_SECTIONS or section == "about" or stack_sentence(text, start, end):
        return "preferred"
    for cue in _PREFERRED_CUES.finditer(text, left, right):
        ahead = _HEDGES_AHEAD.fullmatch(cue.group())
        if ahead and cue.start() > start:
            continue  # "Spark, ideally on Databricks": the hedge is Databricks'
        if ahead and _starts_an_action(text[cue.end() : start]):
            continue  # "ideally with Terraform, and be comfortable writing Go": Terraform's
        if _hedges_its_parenthesis_only(text, left, cue.start(), start, right):
            continue  # "a cloud data platform (we are on Azure, so Azure is a plus)"
        return "preferred"
    return "required"


def _hedges_its_parenthesis_only(text: str, left: int, cue: int, start: int, right: int) -> bool:
    """True when the cue (in the sentence ``left:right``) is inside a parenthesis that does not
    hold the mention."""
    opening = max(text.rfind("(", left, cue), text.rfind(")", left, cue))
    if opening < 0 or text[opening] != "(":
        return False  # the cue is in no parenthesis
    close = text.find(")", cue, right)
    return not opening < start < (close if close >= 0 else right)


# cues that hedge only what follows them: "ideally on Databricks", "preferably Terraform"
_HEDGES_AHEAD = re.compile(
    r"preferably|ideally|familiarity\s+with|familiar\s+with|exposure\s+to", re.I
)
# an aside on what the team uses, inside a requirement: "CI/CD pipelines (we use GitHub
# Actions)", "a container orchestrator (we run ECS today)"
_STACK_ASIDE = re.compile(
    r"\(\s*(?:we(?:'re|\s+are)?\s+(?:currently\s+|mostly\s+|mainly\s+)?"
    r"(?:use|using|run|running|on|build\s+on|work\s+with)|currently|today)\b[^()]*$",
    re.I,
)


# ... or after a semicolon or dash: "Good habits around CI/CD; we use GitLab CI", "Solid
# SQL; our feature data lives in Snowflake"
_STACK_CLAUSE = re.compile(
    r"(?:;|\s[\u2013\u2014-])\s*(?:we(?:'re|\s+are)?\s+(?:currently\s+|mostly\s+|mainly\s+)?"
    r"(?:use|using|run|running|on|build\s+on|work\s+with)|"
    r"our\s+(?:[\w-]+\s+){0,3}?(?:lives?|runs?|sits?|is|are)\s+(?:in|on)|"
    r"(?:the|our)\s+team\s+(?:currently\s+|mostly\s+)?(?:uses|runs|works\s+with))\b[^;()]*$",
    re.I,
)
# ... or a parenthesis that ends by saying it is what is used now: "(XGBoost and LightGBM
# today)"
_NOW_CLOSE = re.compile(r"\b(?:today|currently|at\s+the\s+moment|for\s+now)\s*\)", re.I)


def our_stack_aside(text: str, left: int, start: int, end: int) -> bool:
    """True when the mention is inside a parenthesis, or a clause after a semicolon, that
    says what the team uses."""
    if _STACK_CLAUSE.search(text, max(0, left - 3, start - _REACH), start):
        return True
    # the parenthesis may hold a stop of its own: "(we run EKS, i.e. Kubernetes on AWS)"
    first = line_start(text, start)
    opening = max(text.rfind("(", first, start), text.rfind(")", first, start))
    if opening < 0 or text[opening] != "(":
        return False
    if _STACK_ASIDE.match(text, opening, start):
        return True
    close = text.find(")", end, line_end(text, end))
    return close >= 0 and bool(_NOW_CLOSE.search(text, opening, close + 1))

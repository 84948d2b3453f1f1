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
from functools import lru_cache

from ..experience.requirements import degree_field_spans
from ..records import Importance

UNCOUNTED_SECTIONS = {
    "about": "in the company description",
    "benefits": "in the benefits",
    "application": "in how to apply",
    "title": "in the job title",
}
PREFERRED_SECTIONS = {"preferred"}
# A skill name followed by (or ending in) one of these names a job, not a requirement:
# "work with data engineers", "our Machine Learning Engineer".
_PEOPLE = (
    r"engineer|scientist|architect|developer|analyst|manager|specialist|administrator|"
    r"consultant|researcher|designer|lead|owner|practitioner|expert|student|candidate|fellow"
)
_GROUPS = (
    r"team|department|group|squad|fellowship|position|scholarship|supervision|programme|program"
)
ROLE_NOUNS = re.compile(rf"(?:{_PEOPLE})s?", re.I)
ROLE_OR_GROUP_NOUNS = re.compile(rf"(?:{_PEOPLE}|{_GROUPS})s?", re.I)
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z]+)")
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")

# "b(?<!\wb)ut" is "\bbut" written to start with a letter: the search can skip ahead by
# first characters, which a leading \b prevents (same matches, a third faster)
_CLAUSE_END = re.compile(
    r"\n|[.;!?](?=\s)|\s[-\u2013\u2014]\s|b(?<!\wb)ut\b|h(?<!\wh)owever\b", re.I
)
_SENTENCE_END = re.compile(r"\n|[.;!?](?=\s)")
_NEG_BEFORE = re.compile(
    r"(?:\b(?:no|not|without|never|nor|zero)\b|n't\b)(?!\s+only\b)(?:\W+\w+){0,5}\W*$", re.I
)
# Skills a resume names as not yet held: "Currently learning: Apache Spark". A bare
# "Learning:" label opens its clause or list item ("Learning: Rust", "Python, learning: Go"):
# after another word it ends a skill's name, heading skills held ("Machine Learning: PyTorch").
_LEARNING = re.compile(
    r"(?:\b(?:currently\s+learning|want\s+to\s+learn|plan(?:ning)?\s+to\s+learn|"
    r"hope\s+to\s+learn|would\s+like\s+to\s+learn)\s*:?"
    r"|(?:^|[,(|/\u2022])\W*(?:(?:now|also|still|presently)\s+)?learning\s*:)"
    r"\s*(?:\w+\W+){0,3}$",
    re.I,
)
# "No prior experience with our stack (Go, Kubernetes) is needed": the whole clause is negated
_NO_CLAUSE = re.compile(
    r"\W*(?:no|none\s+of)\b.*\b(?:needed|required|necessary|expected|assumed)\b", re.I | re.S
)
_NEG_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,5}?(?:is|are|isn't|aren't)?\s*"
    r"(?:not\s+(?:required|needed|necessary|expected|a\s+requirement|mandatory|used)"
    r"|isn't\s+(?:required|needed|necessary)|aren't\s+(?:required|needed|necessary)"
    r"|(?:is|are)\s+optional|needed\s+not|unnecessary)",
    re.I,
)
_PREFERRED_CUES = re.compile(
    r"\b(?:a\s+plus|plus|preferred|preferably|nice[\s-]to[\s-]have|bonus|ideally|desirable|"
    r"familiarity\s+with|familiar\s+with|exposure\s+to|an?\s+advantage|advantageous|"
    r"would\s+be\s+great|is\s+a\s+bonus|good\s+to\s+have|not\s+required|optional|"
    r"(?:have|has|gives?)\s+an\s+edge|welcome|appreciated)\b",
    re.I,
)


def _breaks(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of every boundary in a text."""
    found = list(pattern.finditer(text))
    return [m.start() for m in found], [m.end() for m in found]


# Computed once per document. Cached on the text alone: a compiled pattern hashes its whole
# program on every call, which made the cache lookup cost more than the bisection.
@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    return _breaks(_CLAUSE_END, text)


@lru_cache(maxsize=8)
def _sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    return _breaks(_SENTENCE_END, text)


def _bounds(
    breaks: tuple[list[int], list[int]], text: str, start: int, end: int
) -> tuple[int, int]:
    """From the last boundary before ``start`` to the first after ``end`` (300 chars at most)."""
    starts, ends = breaks
    i = bisect_right(ends, start) - 1
    left = max(ends[i] if i >= 0 else 0, start - 300, 0)
    j = bisect_left(starts, end)
    right = min(starts[j] if j < len(starts) else len(text), end + 300, len(text))
    return left, right


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: up to a line break, a sentence end or a "but"."""
    return _bounds(_clause_breaks(text), text, start, end)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or list item) around ``text[start:end]``."""
    return _bounds(_sentence_breaks(text), text, start, end)


# Every negation or "learning" pattern above holds one of these: a clause without any is
# neither negated nor being learned. They are found once per document (overlapping ones
# too), and most clauses are dismissed by one lookup.
_NEG_HINT_WORDS = ("no", "without", "never", "zero", "optional", "unnecessary", "n't", "learn")
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
    if not _has_hint(text, left, right):
        return None
    before, after = text[left:start], text[end:right]
    if _NEG_AFTER.search(after):
        return "negated"
    if _NEG_BEFORE.search(before) or _NO_CLAUSE.match(text, left, right):
        return "negated"
    if _LEARNING.search(before):
        return "still being learned"
    return None


# Sentences about the employer, not the job: "We use PyTorch", "Acme AI builds computer vision"
_COMPANY_VERBS = (
    r"builds|helps|provides|offers|develops|makes|creates|powers|serves|runs|delivers|"
    r"enables|uses|designs|sells|operates|partners|specializes|specialises"
)
_COMPANY_SENTENCE = re.compile(
    r"\W*(?:(?i:we|our|us)\b(?!\s+(?i:are|'re)\s+(?i:looking|seeking|hiring))"
    r"|<ORGANIZATION>"
    rf"|(?:[A-Z][\w&.'-]*\s+){{2,4}}(?:is|are|was|has|{_COMPANY_VERBS})\b"
    rf"|[A-Z][\w&.'-]*\s+(?:{_COMPANY_VERBS})\b)"
)
COMPANY_SECTIONS = {"summary", "header", "other"}


# "Our stack runs on AWS", "The tech stack: ...": what the team works with. Named as the
# stack, not as any sentence on what the company uses ("We use PyTorch" may be the
# company's business, as "We run on Kubernetes" may be its hosting)
_STACK_OPENING = re.compile(
    r"\W*(?:our|the|their)\s+(?:(?:current|core|main|tech(?:nical|nology)?|data|ml|"
    r"engineering|software)\s+)*(?:stack|tooling|toolchain|tools|technologies)\b",
    re.I,
)
# what turns a sentence about the stack into a demand on the candidate, before the mention
_DEMAND = re.compile(
    r"\b(?:you|your|candidates?|experience|must|required|proficien\w*|knowledge|familiar\w*)\b",
    re.I,
)
# "Role: DevOps", "Department: Data Platform": a posting's details, on a line of their own or
# run together ("Job type: Full-time Experience level: Senior Role: DevOps Industry: IT")
_DETAIL_KEYS = (
    r"(?:job\s+|position\s+)?(?:role|position|title|department|team|function|category|"
    r"division|discipline|family|location|employment\s+type|type|contract|level|seniority|"
    r"reports\s+to|area|industry|sector|company\s+size)"
)
# the label a mention follows on its line: the last "Word:" before it, no sentence between
_LAST_LABEL = re.compile(r"([A-Za-z]+(?:\s+[A-Za-z]+)?)\s*:[^:.;!?]*$")
_VALUE_LINE = re.compile(r"[\w&/+#.() -]{1,60}")  # "Backend Developer DevOps", "Full-time"
_DETAIL_KEY = re.compile(rf"(?:\w+\s+)?{_DETAIL_KEYS}|{_DETAIL_KEYS}", re.I)
# what to send: "Send your CV and Diploma (MSc/PhD)"
_APPLY_VERBS = re.compile(
    r"\b(?:send|submit|attach|enclose|upload|include|apply)\b(?!\s+(?:models?|code|features))",
    re.I,
)
_APPLY_PAPERS = re.compile(
    r"\b(?:cv|resumes?|r\u00e9sum\u00e9s?|cover\s+letters?|transcripts?|diplomas?|"
    r"certificates?|portfolio|references|copies)\b",
    re.I,
)
# what the employer gives: "employer-funded continuing education", "a learning budget"
_BENEFIT_CUES = re.compile(
    r"\b(?:(?:employer|company)[-\s](?:funded|paid|sponsored)|stipends?|allowances?|"
    r"reimburs\w*|tuition|(?:learning|training|education|conference)\s+budgets?|"
    r"we\s+(?:offer|provide)|perks?)\b",
    re.I,
)


def stack_sentence(text: str, start: int, end: int) -> bool:
    """True when the mention is in a sentence about the team's tools, before any demand on
    the candidate: "Our stack runs on AWS (ECS, RDS)", "The tooling: dbt and Airflow"."""
    left, _ = sentence_bounds(text, start, end)
    opening = _STACK_OPENING.match(text, left, start)
    return bool(opening) and not _DEMAND.search(text, left, start)


# a sentence that opens on the company but asks of the candidate: "We value people with
# knowledge in Cloud", "<ORGANIZATION> is seeking an engineer with expertise in Java"
_COMPANY_DEMAND = re.compile(
    r"\byou(?:r|'ll|'d)?\b|\b(?:seek(?:s|ing)?|looking\s+for|hiring|recruiting)\b"
    r"|\bwe\s+(?:\w+\s+)?(?:value|expect|need|want|require)\b"
    r"|\b(?:people|someone|candidates?|applicants?|engineers?|developers?)\s+(?:with|who)\b"
    r"|\b(?:expertise|knowledge|experience|proficiency|skills)\s+(?:in|with|of)\b",
    re.I,
)


# a sentence whose subject is the one person hired: "Our AI Architect defines how the bank
# builds AI systems" says what the job does ("Our engineers use Go" stays the company's)
_ROLE_SUBJECT = re.compile(
    rf"\W*(?:our|the|this|a)\s+(?:new\s+)?(?:[\w/&+-]+\s+){{0,3}}?(?:{_PEOPLE})\b(?!s)",
    re.I,
)


def company_sentence(text: str, start: int, end: int) -> bool:
    """True when the sentence around the mention speaks of the company, not the candidate."""
    left, right = sentence_bounds(text, start, end)
    if not _COMPANY_SENTENCE.match(text, left, right) or _ROLE_SUBJECT.match(text, left, right):
        return False
    return not _COMPANY_DEMAND.search(text, left, right)


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


def names_a_job(text: str, start: int, end: int) -> bool:
    """True for "Data Engineer", "machine learning engineers", "the NLP team", and a field
    named as a team ("work with data engineering"); not for a job asked of the candidate
    ("3+ years as a data engineer")."""
    if _AS_A_JOB.search(text, max(0, start - 80), start):
        return False
    last = _LAST_WORD.search(text, start, end)
    if last and ROLE_NOUNS.fullmatch(last.group(1)):
        return True
    following = _NEXT_WORD.match(text, end)
    if following and ROLE_OR_GROUP_NOUNS.fullmatch(following.group(1)):
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
) -> str | None:
    """Why a mention must not count, or None when it counts.

    Section rules and job titles apply to postings only: a resume's "Data Engineer" is a
    job its owner held, a posting's "work with data engineers" asks for nothing.
    ``job_rule`` is off for names that end in a role by right ("... ML Engineer" certificates),
    ``field_rule`` for degrees ("computer science" is the degree a posting asks for).
    In a resume, a mention in the title of a talk, publication or award does not count;
    the section's heading (``heading``: "Presentations", "Invited Talks") does, since it
    says what its owner did.
    """
    if not posting and section in TITLE_SECTIONS and not heading and in_title(text, start, end):
        return TITLE_SECTIONS[section]
    if posting:
        reason = posting_reason(text, start, end, section, job_rule=job_rule, field_rule=field_rule)
        if reason is not None:
            return reason
    return negation_reason(text, start, end)


def in_job_details(text: str, start: int) -> bool:
    """True on a line of the job's details ("Role: DevOps"), or after such a label among
    others on one line ("Experience level: Senior Role: DevOps Industry: IT")."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 300)
    label = _LAST_LABEL.search(text, line_start, start)
    if label is not None:
        return bool(_DETAIL_KEY.fullmatch(label.group(1)))
    # the label on a line of its own, its value on the next line ("Role:\nDevOps")
    line_end = text.find("\n", start)
    if line_start == 0 or not _VALUE_LINE.fullmatch(
        text[line_start : line_end if line_end >= 0 else None].strip()
    ):
        return False
    above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].strip()
    return above.endswith(":") and bool(_DETAIL_KEY.fullmatch(above[:-1].strip()))


DEGREE_FIELD = "names a degree's field (judged with the education requirement)"


def in_degree_fields(text: str, start: int, end: int) -> bool:
    """True for a field a degree requirement names: "MS in computer science, [statistics] or a
    related field" asks for the degree, which the education verdict judges with its fields."""
    spans = degree_field_spans(text)
    i = bisect_right(spans, (start, len(text)))
    return any(a < end and start < b for a, b in spans[max(0, i - 2) : i + 1])


def posting_reason(
    text: str,
    start: int,
    end: int,
    section: str,
    *,
    job_rule: bool = True,
    field_rule: bool = True,
) -> str | None:
    """Why a posting's mention asks for nothing (before negation), or None."""
    stack = stack_sentence(text, start, end)
    if section in UNCOUNTED_SECTIONS and not (section == "about" and stack):
        return UNCOUNTED_SECTIONS[section]
    if job_rule and names_a_job(text, start, end):
        return "names a job or team, not a skill"
    if field_rule and in_degree_fields(text, start, end):
        return DEGREE_FIELD
    if in_job_details(text, start):
        return "in the job's details"
    left, right = sentence_bounds(text, start, end)
    if _APPLY_VERBS.search(text, left, right) and _APPLY_PAPERS.search(text, left, right):
        return "in what to send with an application"
    if _BENEFIT_CUES.search(text, left, right):
        return "in the benefits"
    if section in COMPANY_SECTIONS and not stack and company_sentence(text, start, end):
        return "in the company description"
    return None


def importance(text: str, start: int, end: int, section: str) -> Importance:
    """Required or preferred, for a counted mention in a posting."""
    if section in PREFERRED_SECTIONS or stack_sentence(text, start, end):
        return "preferred"
    left, right = sentence_bounds(text, start, end)
    if _PREFERRED_CUES.search(text, left, right):
        return "preferred"
    return "required"

"""What a posting's sentence does: asks something of the candidate, or not (pure rules).

Every sentence (or list item) of a posting has one role: a requirement, a responsibility,
the company (the employer, its products, departments, culture), the benefits, how to apply,
the title or the job's details, or other. Only requirements and responsibilities ask
something of the candidate; a skill named in any other sentence is not asked for.

A heading decides for its section ("About us", "Benefits", "How to apply", the title line).
Elsewhere the sentence's own words decide: a sentence whose subject is the employer ("We
ship daily", "The Department of Data Mining combines ...", "Acme is a university
collaborating ...") or that describes the workplace ("in a collaborative, trusting
environment") is the company's, unless it asks something of the candidate ("you will",
"we value people with", "is seeking an engineer with"). Measured on our own labelled
sentences by ``benchmarks/sentence_roles.py``.
"""

from __future__ import annotations

import re
from typing import Literal

from ..read.headings import posting_heading_kind
from .sentences import sentence_bounds

Role = Literal[
    "requirement", "responsibility", "company", "benefits", "application", "title", "other"
]
ROLES: tuple[Role, ...] = (
    "requirement", "responsibility", "company", "benefits", "application", "title", "other"
)  # fmt: skip
# the sections whose heading decides every sentence's role, and the lists of what a job asks
HEADING_ROLES: dict[str, Role] = {
    "about": "company",
    "benefits": "benefits",
    "application": "application",
    "title": "title",
}
LIST_ROLES: dict[str, Role] = {
    "requirements": "requirement",
    "preferred": "requirement",
    "skills": "requirement",
    "education": "requirement",
    "certifications": "requirement",
    "experience": "requirement",
    "responsibilities": "responsibility",
}
# sections before or between the posting's lists: an introduction, a header, a neutral part
_OPEN_SECTIONS = frozenset({"summary", "header", "other"})

# "Our stack runs on AWS", "The tech stack: ...": what the team works with. Named as the
# stack, not as any sentence on what the company uses ("We use PyTorch" may be the
# company's business, as "We run on Kubernetes" may be its hosting)
_STACK_OPENING = re.compile(
    r"\W*(?:our|the|their)\s+(?:(?:team|company|group)'?s\s+)?"
    r"(?:(?:current|core|main|tech(?:nical|nology)?|data|ml|"
    r"engineering|software)\s+)*(?:stack|tooling|toolchain|tools|technologies)\b",
    re.I,
)
# what turns a sentence about the stack into a demand on the candidate, before the mention
_DEMAND = re.compile(
    r"\b(?:you|your|candidates?|experience|must|required|proficien\w*|knowledge|familiar\w*)\b",
    re.I,
)


def stack_sentence(text: str, start: int, end: int) -> bool:
    """True when the mention is in a sentence about the team's tools, before any demand on
    the candidate: "Our stack runs on AWS (ECS, RDS)", "The tooling: dbt and Airflow"."""
    left, _ = sentence_bounds(text, start, end)
    opening = _STACK_OPENING.match(text, left, start)
    return bool(opening) and not _DEMAND.search(text, left, start)


# "Role: DevOps", "Department: Data Platform": a posting's details, on a line of their own or
# run together ("Job type: Full-time Experience level: Senior Role: DevOps Industry: IT")
_DETAIL_KEYS = (
    r"(?:job\s+|position\s+)?(?:role|position|title|department|team|function|category|"
    r"division|discipline|family|location|employment\s+type|type|contract|seniority|"
    r"reports\s+to|area|industry|sector|company\s+size)"
)
# the label a mention follows on its line: the last "Word:" before it, no sentence between
_LAST_LABEL = re.compile(r"([A-Za-z]+(?:\s+[A-Za-z]+)?)\s*:[^:.;!?]*$")
_VALUE_LINE = re.compile(r"[\w&/+#.() -]{1,60}")  # "Backend Developer DevOps", "Full-time"
# "Level" only alone or as a grade ("Experience level:"), not "Python at a production level:"
_DETAIL_KEY = re.compile(
    rf"(?:\w+\s+)?{_DETAIL_KEYS}|(?:(?:experience|seniority|job|career|position)\s+)?level", re.I
)
# "Goldleaf Retail Group | Cincinnati", "Kestrel Vision AI \u2014 Toronto": a line of names
NAME_LINE = re.compile(
    r"^[ \t]*[^\s.!?\-*\u2022][^.!?\n]{0,80}[ \t](?:\||\u2014|\u2013|\u00b7|-)[ \t][^.!?\n]{0,80}$",
    re.M,
)


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


# the terms of the post: "The position is offered for a period of three years", "employment
# is governed by the collective agreement"
_TERMS = re.compile(
    r"\b(?:position|appointment|employment|contract|post)\s+(?:is|will\s+be)\s+(?:offered|"
    r"governed|available|temporary|permanent|full-time|part-time|limited|funded|"
    r"for\s+a\s+(?:period|term|duration))\b",
    re.I,
)
_HEADER_LINES = 3  # the title's line and the two under it
_HEADER_END = 400  # characters: where those lines end at the latest
_NAME_LINE_LENGTH = 80
_LOWER_IN_NAMES = frozenset({"of", "and", "the", "in", "at", "for", "de", "du", "und"})


def _capitalised(line: str) -> bool:
    """True when every word of the line but a few small ones starts with no small letter."""
    words = line.split()
    return any(c.isalpha() for c in line) and all(
        not w[0].islower() or w in _LOWER_IN_NAMES for w in words
    )


def _name_line(text: str, start: int) -> bool:
    """True on a line of names near the title: "Acme Robotics \u00b7 Austin, TX", or "Juniper
    Grocers, Salt Lake City, UT" (every word capitalised) just under it. A line with a label
    lists things ("Tech we use: Python | Go")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = line_end if line_end >= 0 else len(text)
    if line_start > _HEADER_END or ":" in text[line_start:line_end]:
        return False  # far from the title, or a labelled list ("Tech we use: Python | Go")
    if NAME_LINE.fullmatch(text, line_start, line_end):
        return True
    if line_end - line_start > _NAME_LINE_LENGTH:
        return False
    lines_above = sum(bool(line.strip()) for line in text[:line_start].splitlines())
    return 0 < lines_above < _HEADER_LINES and _capitalised(text[line_start:line_end])


# what to send: "Send your CV and Diploma (MSc/PhD)", "Your application must contain a CV"
_APPLY_VERBS = re.compile(
    r"\b(?:send|submit(?:ted)?|attach|enclose|upload(?:ed)?|include|apply|contains?|accompanied)\b"
    r"(?!\s+(?:models?|code|features))",
    re.I,
)
_APPLY_PAPERS = re.compile(
    r"\b(?:cv|resumes?|r\u00e9sum\u00e9s?|cover\s+letters?|transcripts?|diplomas?|"
    r"certificates?|portfolio|references|copies|publication\s+lists?)\b",
    re.I,
)
# how candidates are chosen: "We run a four-stage process: a call with the hiring manager, a
# systems design conversation, a take-home review of a model card"
_HIRING_PROCESS = re.compile(
    r"\b(?:(?:interview|hiring|recruitment|selection|application)\s+(?:process|stages?|loop)|"
    r"interviews?\s+(?:stages?|rounds?|loop)|(?:\d|two|three|four|five)[-\s]stage\s+process|"
    r"take-home|hiring\s+manager|design\s+(?:interview|conversation|session|round)s?|"
    r"shortlisted|candidates\s+will\s+be\s+asked)\b",
    re.I,
)
# what the employer gives: "employer-funded continuing education", "a learning budget", "we
# pay for certification exams (AWS, Azure)",
# "the starting salary", "you will receive training", "our mentor helps you grow"
_BENEFIT_CUES = re.compile(
    r"\b(?:(?:employer|company)[-\s](?:funded|paid|sponsored)|stipends?|allowances?|"
    r"reimburs\w*|tuition|(?:learning|training|education|conference)\s+budgets?|"
    r"we\s+(?:offer|provide|pay\s+for|fund)|study\s+days?|(?:exam|certification)\s+fees|perks?|salar(?:y|ies)|pension|remuneration|"
    r"paid\s+(?:time\s+off|leave|holidays?|vacation)|parental\s+leave|vacation|"
    r"health\s+(?:insurance|coverage)|insurance\s+plan|work-life\s+balance|"
    r"you(?:'ll|\s+will)\s+(?:also\s+)?(?:receive|gain|enjoy|be\s+offered|get(?!\s+to\b))|"
    r"help(?:s|ing)?\s+you\s+(?:to\s+)?grow|learn\s+from|"
    r"on-the-job\s+(?:training|coaching)|(?:full|generous|competitive|comprehensive)\s+benefits|"
    r"benefits\s+package|wellness|(?:extra|paid)\s+time\s+off|days\s+off|stock\s+options|"
    r"equity\s+(?:for|package|grants?))\b",
    re.I,
)

# "LangChain, LlamaIndex or a similar library", "Python, Java or other languages": what
# follows describes the examples before it (``mentions.similar_terms``), any of which meets
# the requirement (``profiles``)
OR_SIMILAR = (
    r"(?:,\s*|\s+)(?:or|and/or)\s+(?:an?\s+|any\s+|some\s+)?(?:other\s+)?"
    r"(?:similar|comparable|equivalent|alternative|other)\b"
)

# the people a job is for: "data engineers", "our Machine Learning Engineer"
PEOPLE = (
    r"engineer|scientist|architect|developer|analyst|manager|specialist|administrator|"
    r"consultant|researcher|designer|lead|owner|practitioner|expert|student|candidate|fellow"
)

# Sentences about the employer, not the job: "We use PyTorch", "Acme AI builds computer vision"
_COMPANY_VERBS = (
    r"builds|helps|provides|offers|develops|makes|creates|powers|serves|runs|delivers|"
    r"enables|uses|designs|sells|operates|partners|specializes|specialises|publishes|"
    r"manufactures|employs|produces|ships"
)
_NAME_OPENING = re.compile(
    r"\W*(?:(?i:we|us)\b(?!\s+(?i:are|'re)\s+(?i:looking|seeking|hiring))"
    # "Our AI Architect defines ...": the job, not the employer ("Our engineers run ..." is)
    rf"|(?i:our)\b(?!\s+(?:[\w-]+\s+){{0,3}}?(?i:{PEOPLE})\b)"
    r"|<ORGANIZATION>"
    rf"|(?:[A-Z][\w&.'-]*\s+){{2,4}}(?:is|are|was|has|{_COMPANY_VERBS})\b)"
)
# a sentence whose subject is the one person hired: "Our AI Architect defines how the bank
# builds AI systems" says what the job does ("Our engineers use Go" stays the company's)
_ROLE_SUBJECT = re.compile(
    rf"\W*(?:our|the|this|a)\s+(?:new\s+)?(?:[\w/&+-]+\s+){{0,3}}?(?:{PEOPLE})\b(?!s)",
    re.I,
)
# "Acme builds ...", but not in a list of what the job asks, where "Review designs" is an order
_ONE_NAME_OPENING = re.compile(rf"\W*[A-Z][\w&.'-]*\s+(?:{_COMPANY_VERBS})\b")
# an organisation as the subject: "The Department of Bioinformatics combines ...", "Our
# platform team keeps ...", "The product includes ..."; or named as one: "Acme is an
# independent university ...", "Tallgrass is a 90-year-old mutual insurer"
_ORG_NOUNS = (
    r"compan(?:y|ies)|departments?|cent(?:re|er)s?|labs?|laborator(?:y|ies)|groups?|teams?|"
    r"units?|universit(?:y|ies)|institutes?|institutions?|products?|platforms?|firms?|"
    r"organi[sz]ations?|sections?|divisions?|practices?|schools?|facult(?:y|ies)|hospitals?|"
    r"agenc(?:y|ies)|business(?:es)?|start-?ups?|studios?|banks?|clinics?|foundations?|"
    r"offices?|services?|solutions?|apps?|systems?|consultanc(?:y|ies)|networks?"
)
# (a name before an organisation noun is left out: "Translate business goals" opens like one)
_OWNER = r"(?i:the|our|this|its|their)|(?:<ORGANIZATION>\s*)+"
_NOT_MODIFIER = r"(?!(?:of|for|in|at|with|to|or|is|are|was|were|has|have|will)\b)"
_VERB = (
    r"(?:is|are|was|were|has|have|had|will|can|aims?|"
    r"(?!(?:needs|requires|expects|seeks|wants|looks)\b)[a-z]{2,}(?<![su])s)\b"
)
_ORG_SUBJECT = re.compile(
    rf"\W*(?:{_OWNER})(?:'s)?\s+(?:{_NOT_MODIFIER}[\w&/'-]+\s+){{0,4}}?(?i:{_ORG_NOUNS})"
    rf"(?:\s+(?:of|for|at|in|on)\s+[^,.;:\n]{{1,60}}?)?\s+{_VERB}"
)
_ORG_NAMED = re.compile(
    rf"\W*(?:[A-Z][\w&.'-]*|(?:<ORGANIZATION>\s*)+)\s+(?:is|are)\s+(?:an?|the|one\s+of\s+the)\s+"
    rf"(?:{_NOT_MODIFIER}[\w&/'-]+\s+){{0,4}}?(?i:{_ORG_NOUNS}|provider|leader|marketplace|"
    r"insurer|retailer|partner|employer|manufacturer|community|non-?profit|charity|brand)\b"
)
# what the employer's own things are made of: "Usability and security are key elements of our
# product" (outside a list of what the job asks, where "Go is central to our platform" asks)
_OF_OURS = re.compile(
    rf"\b(?:is|are)\s+(?:[\w-]+\s+){{0,3}}(?:of|in|at|for|to)\s+(?i:our|the\s+company's)\s+"
    rf"(?:[\w-]+\s+)?(?i:{_ORG_NOUNS}|culture|mission|values|history|dna)\b"
)
# a workplace described: "in a collaborative, trusting environment", "our culture built on"
_WORKPLACE = re.compile(
    r"\b(?:in|join|joining|into|within|of|offers?|provides?|is)\s+(?:a|an|our|the)\s+"
    r"((?:[\w-]+,?\s+(?:and\s+)?){1,5}?)(?:environment|culture|atmosphere|workplace|setting|place)\b"
    r"|\bour\s+(?:\w+\s+){0,2}(?:culture|values)\b",
    re.I,
)
_CULTURE_WORDS = frozenset(
    [
        "collaborative", "trusting", "friendly", "supportive", "inclusive", "diverse",
        "dynamic", "international", "open", "flexible", "fast-paced", "creative", "innovative",
        "informal", "relaxed", "thought-provoking", "welcoming", "multicultural", "young",
        "vibrant", "stimulating", "positive", "respectful", "caring", "entrepreneurial",
        "unique", "great",
    ]
)  # fmt: skip
# what the sentence asks of the candidate: "you will", "we value people with", "is seeking
# an engineer with", "... is required"
_ASKS = re.compile(
    r"\byou(?:r|'ll|'d|'re)?\b|\b(?:seek(?:s|ing)?|looking\s+for|hiring|recruiting)\b"
    r"|\bwe\s+(?:[\w']+\s+)?(?:value|expect|need|want|require)\b"
    r"|\b(?:people|someone|candidates?|applicants?|engineers?|developers?|researchers?|"
    r"scientists?|persons?|individuals?)\s+(?:with|who)\b"
    r"|\b(?:requires?|required|requirements?|essential|mandatory|must|should|a\s+plus|"
    r"preferred|desirable|nice\s+to\s+have|needed|necessary)\b",
    re.I,
)
# ... and what only asks when the employer is "we" or named: "We value people with knowledge
# in Cloud" (a department "combines strong computational skills with biological insights")
_ASKS_SKILLS = re.compile(
    r"\b(?:expertise|knowledge|experience|proficiency|skills)\s+(?:in|with|of)\b", re.I
)
# what asks even of a workplace described ("ability to work in a collaborative environment"),
# and makes a sentence of the introduction a requirement
_ASKS_STRONGLY = re.compile(
    r"\b(?:experience\w*|expertise|knowledge|proficien\w*|skill(?:s|ed)?|abilit(?:y|ies)|"
    r"able|capable|must|required|requires?|should|comfortable|thriv\w+|degree|years?|"
    r"familiar\w*|understanding|background|proven|track\s+record)\b",
    re.I,
)


def _workplace(text: str, left: int, right: int) -> bool:
    """True when the sentence describes the workplace, asking nothing of the candidate."""
    if _ASKS_STRONGLY.search(text, left, right):
        return False
    for found in _WORKPLACE.finditer(text, left, right):
        words = found.group(1)
        if words is None or _CULTURE_WORDS & set(words.lower().replace(",", " ").split()):
            return True
    return False


def company_sentence(text: str, left: int, right: int, *, listed: bool = False) -> bool:
    """True when the sentence ``text[left:right]`` speaks of the employer, not the job.

    In a list of what the job asks (``listed``), any word of a demand keeps the item ("Our
    clients are hospitals, so HIPAA knowledge helps"), and a workplace described asks too
    ("Work well in a collaborative environment").
    """
    asks = bool(_ASKS.search(text, left, right))
    if listed and (asks or _ASKS_STRONGLY.search(text, left, right)):
        return False
    if _ROLE_SUBJECT.match(text, left, right):
        return False  # "The AI Architect defines how the bank builds AI": the job itself
    if _ORG_SUBJECT.match(text, left, right) or _ORG_NAMED.match(text, left, right):
        return not asks
    named = _NAME_OPENING.match(text, left, right) or (
        not listed and _ONE_NAME_OPENING.match(text, left, right)
    )
    if named:
        return not (asks or _ASKS_SKILLS.search(text, left, right))
    if listed:
        return False
    if _OF_OURS.search(text, left, right):
        return not asks
    return _workplace(text, left, right)


# a sentence about the employer that names its tools before the mention: "The team picks
# the best tools for the job: current languages include Node.js and Java"; or, in a list of
# what the job asks, says what it works with: "We use Python daily", "our services are in Go"
_TOOLS_NAMED = re.compile(
    r"\b(?:stack|tools|tooling|toolchain|technolog(?:y|ies)|languages|frameworks|libraries)\b",
    re.I,
)
_WORKS_WITH = re.compile(
    r"\b(?:use[sd]?|using|run(?:s|ning)?\s+on|built\s+(?:on|with|in)|written\s+in|"
    r"(?:is|are)\s+(?:in|on)|based\s+on|powered\s+by|rel(?:y|ies)\s+on|lives?\s+in|"
    # "our APIs are FastAPI services", "the back end is Django"
    r"(?:apis?|services|back[\s-]?ends?|front[\s-]?ends?|platform|pipelines|infrastructure)\s+"
    r"(?:is|are)(?:\s+(?:all|mostly|mainly))?)\b",
    re.I,
)


def tools_sentence(text: str, start: int, end: int, section: str) -> bool:
    """True when a sentence about the employer says, before the mention, what it works with:
    named as its tools anywhere, or in a list of what the job asks."""
    left, right = sentence_bounds(text, start, end)
    if _WORKPLACE.search(text, left, right):
        return False  # "our culture built on ownership": the workplace, not its tools
    if _TOOLS_NAMED.search(text, left, start):
        return True
    return section in LIST_ROLES and bool(_WORKS_WITH.search(text, left, start))


_DOES = re.compile(
    r"\byou(?:'ll|\s+will)\b|\byour\s+(?:role|job|mission|tasks?|work)\b|\bin\s+this\s+role\b",
    re.I,
)


def your_work(text: str, start: int, end: int) -> bool:
    """True when the sentence says, before the mention, what the candidate will do: "You'll
    join a team of six working on Kubernetes and Go" (in a section about the team, too)."""
    left, _ = sentence_bounds(text, start, end)
    return bool(_DOES.search(text, left, start))


# a table row set out in columns: "Kubernetes in production | Terraform for the AWS side"
_CELL_RULE = re.compile(r"[\s|:+-]*")
_ROW_LIMIT = 400  # characters: a longer line is no row of a table
_ROWS = 60  # rows looked up for the header


def _row(text: str, pos: int) -> tuple[int, int] | None:
    """Start and end of the line holding ``pos``, or None when it is longer than a row."""
    low, high = max(0, pos - _ROW_LIMIT), min(len(text), pos + _ROW_LIMIT)
    first = text.rfind("\n", low, pos)
    last = text.find("\n", pos, high)
    if (first < 0 and low > 0) or (last < 0 and high < len(text)):
        return None
    return first + 1, last if last >= 0 else high


def table_column_kind(text: str, start: int) -> str | None:
    """The section named atop the column a mention stands in, in a text table whose header
    row names what each column asks ("Must have | Nice to have"): ``requirements`` or
    ``preferred``; None outside such a table."""
    row = _row(text, start)
    if row is None or "|" not in text[row[0] : row[1]]:
        return None
    line = text[row[0] : row[1]]
    column = line.count("|", 0, start - row[0]) - line.startswith("|")
    header = None
    at = row[0]
    for _ in range(_ROWS):  # up the rows of the table to its first
        above = _row(text, at - 1) if at > 0 else None
        if above is None or "|" not in text[above[0] : above[1]]:
            break
        if not _CELL_RULE.fullmatch(text, above[0], above[1]):
            header = text[above[0] : above[1]]
        at = above[0]
    if header is None:
        return None
    cells = [c.strip() for c in header.strip().strip("|").split("|")]
    if not 0 <= column < len(cells):
        return None
    kinds = [posting_heading_kind(c) for c in cells]
    if "preferred" not in kinds or not set(kinds) <= {"requirements", "preferred"}:
        return None  # not a table of what is asked, at both levels
    return kinds[column]



def sentence_role(text: str, start: int, end: int, section: str) -> Role:
    """The role of the sentence (or list item) around ``text[start:end]`` in a posting.

    ``section`` is the kind of the section it stands in; a heading that decides (about,
    benefits, application, title) wins over the sentence's words.
    """
    if section in HEADING_ROLES:
        return HEADING_ROLES[section]
    if in_job_details(text, start):
        return "title"
    if section in _OPEN_SECTIONS and _name_line(text, start):
        # a row of a table of what is asked is no line of names
        return "title" if table_column_kind(text, start) is None else "requirement"
    left, right = sentence_bounds(text, start, end)
    if _TERMS.search(text, left, right):
        return "title"
    if _APPLY_VERBS.search(text, left, right) and _APPLY_PAPERS.search(text, left, right):
        return "application"
    if _HIRING_PROCESS.search(text, left, right):
        return "application"
    if _BENEFIT_CUES.search(text, left, right):
        return "benefits"
    if company_sentence(text, left, right, listed=section in LIST_ROLES):
        return "company"
    if section in LIST_ROLES:
        return LIST_ROLES[section]
    if _ASKS_STRONGLY.search(text, left, right):
        return "requirement"
    if _DOES.search(text, left, right) or section == "summary":
        return "responsibility"
    return "other"

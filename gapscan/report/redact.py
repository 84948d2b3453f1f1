"""Blind-screening redaction: names, e-mails, phones, URLs, handles and postal addresses out of
a document.

Pure functions over the dictionaries of ``gapscan.serialize``. ``personal_details`` finds what
to hide in the resume's own text: the name at its top (past a ``CURRICULUM VITAE`` line, with
titles and degrees left out, in any script and with accents) or stated in a sentence, and the
file name's words; phone numbers, read with libphonenumber (``phonenumbers``) as national
numbers of ``PHONE_REGIONS`` and as any "+" number, besides the shapes it does not take for
valid (fictional 555 numbers); e-mails, URLs, ``/in/...`` profile paths and ``@handles``; and
street addresses with their postal codes. ``redact`` replaces all of it, and anything else
shaped like an e-mail, URL, handle or phone, in every string. Name words are compared without
case or accents, so "NUNEZ" is hidden for "Núñez". A name word is hidden everywhere, also where
it is a skill's word ("Apache [name]" for a candidate named Spark): blind screening comes
first, and the skills, which come from the taxonomy, are unchanged in the report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from phonenumbers import Leniency, PhoneNumberMatcher

from ..addresses import EMAIL_RE, URL_RE
from .serialize import with_header_field

EMAIL = "[email]"
PHONE = "[phone]"
URL = "[url]"
NAME = "[name]"
HANDLE = "[handle]"
ADDRESS = "[address]"
SOURCE_PREFIX = "sha256:"
SOURCE_CHARS = 12
MIN_FRAGMENT = 3  # shorter cut-off pieces at a snippet's edge say nothing about a person
HEADER_LINES = 6  # where a resume puts the name: its first few lines
# Where numbers written without "+" are read as national numbers: the regions of most
# resumes gapscan sees. A "+" number is read in any region.
PHONE_REGIONS = ("US", "GB", "IN", "DE", "FR", "AU")

# Three or more digit groups ending in one of 3-4 digits, e.g. "(206) 555-0182",
# "+44 20 7946 0958", "555.010.1234"; "2019-2023" (two groups) and "2024-01-15" do not match.
# With phonenumbers, this still finds the fictional numbers (555-01xx, Ofcom's drama
# ranges) that are not valid anywhere; "555-0100" is a US local number.
_GROUP = r"(?:\(\d{1,4}\)|\d{1,4}(?!\d))"
_PHONE_RE = re.compile(rf"(?<![\w/])\+?{_GROUP}(?:[ .-]?{_GROUP}){{1,3}}[ .-]?\d{{3,4}}(?!\w)")
# a local number has no year for its last four digits ("id 404-2019" is not a phone)
_LOCAL_PHONE_RE = re.compile(r"(?<![\w.,/-])\d{3}[-.](?!(?:19|20)\d\d\b)\d{4}(?![\w-])")
# after a word that says "phone", seven or more digits are one, however written
_LABELLED_PHONE_RE = re.compile(
    r"\b(?i:tel|phone|cell|mobile|mob|office|desk|call|fax|telefon|mobil|tél|whatsapp)\b"
    r"\.?:?\s*(\+?\d[\d ().-]{5,}\d)(?![\w-])"
)
MIN_PHONE_DIGITS = 7
# in the header, where contact details are, a bare run of this many digits is a phone
_HEADER_DIGITS_RE = re.compile(r"(?<![\w.,/-])\+?\d{10,15}(?![\w-])")
_HANDLE_RE = re.compile(r"(?<![\w.+@/-])@[A-Za-z0-9_](?:[\w.-]*\w)?(?:@[\w-]+(?:\.[\w-]+)+)?")
_PROFILE_PATH_RE = re.compile(r"(?<![\w/.])/in/[\w%-]+/?")
_LETTERS = r"[^\W\d_]"
_NAME_TOKEN = re.compile(rf"{_LETTERS}[^\W\d_\u0300-\u036f]*(?:[\u0300-\u036f]+{_LETTERS}*)*")
_NAME_IN_SENTENCE = re.compile(
    r"\b(?i:my\s+name\s+is|name\s*:)\s+((?:[A-Z][^\W\d_]*(?:[-'][A-Z][^\W\d_]*)*\s?){1,4})"
)
# The fields of a line ("Jane Doe | jane@example.com | Berlin"); in a header line, a dash
# also parts the name from a title ("Farida Kassymova - CV")
_FIELD_SEP = re.compile(r"\s*(?:[|·•\t]|\s/\s|\s{3,})\s*")
_NAME_FIELD_SEP = re.compile(r"\s*(?:[|·•\t]|\s/\s|\s[-–—]\s|\s{3,})\s*")
_ADDRESS_PARTS = re.compile(r"\s*,\s*")

# Address signals: a street with its number, a postal code with its place.
_STREET_WORDS = (
    "street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|crescent|terrace|close|court|ct|place"
    "|pl|boulevard|blvd|square|sq|parkway|pkwy|highway|hwy|row|grove|gardens|mews|hill"
)
# street words written before the name, capitalized, and the French ones written lowercase
_STREET_FIRST = (
    "Calle|Rua|Avenida|Av|Via|Viale|Heol|Rue|Carrer|Paseo|Praça|Plaza|Strada|Allée|Chemin"
    "|Impasse|Quai|Boulevard|Avenue"
)
_STREET_FIRST_FR = "rue|avenue|boulevard|bd|allée|chemin|impasse|quai|place"
_PARTICLES = r"(?:(?:de|des|du|la|le|los|las|el|y|del|das|dos|da|di)\s+)*"
_REGIONS = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH"
    "|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
    "|NSW|VIC|QLD|SA|TAS|ACT|NT"
)
_ADDRESS_RES = tuple(
    re.compile(pattern)
    for pattern in (
        # "221B Baker Street", "1600 Example Ave", "1207 Birchmont Drive NE"
        rf"\b\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:{_STREET_WORDS})\b\.?",
        # "12, rue des Tanneurs", "9 Heol y Castell"
        rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:{_STREET_FIRST}|{_STREET_FIRST_FR})\.?\s+{_PARTICLES}"
        r"[A-ZÀ-Ý][^\d,\n]{0,40}",
        # "Calle del Olmo 23", "Rua das Acácias, 118", "Av. de los Insurgentes Sur 1602"
        rf"\b(?:{_STREET_FIRST})\.?\s+{_PARTICLES}[A-ZÀ-Ý][^\d,\n]{{0,40}}?,?\s\d{{1,5}}[A-Za-z]?\b",
        r"\bRoad\s+No\.?\s*\d+",
        # "Musterstraße 12", "Leopoldstraße 117a"
        r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm)"
        r"\s+\d{1,4}\s?[a-z]?\b",
        # UK postcodes: "NW1 6XE", "G12 8QQ", "CF10 1BH"
        r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b",
        # a US state or an Australian one with its code: "IL 62704", "VIC 3065"
        rf"\b(?:{_REGIONS})\s(?:\d{{5}}(?:-\d{{4}})?|\d{{4}})(?![\d-])",
        # a code with its place: "10115 Berlin", "01310-000 São Paulo", "Bengaluru 560038",
        # "Hyderabad - 500034", at the start of an address part
        r"(?:^|(?<=,)|(?<=,\s))\s*(?:\d{5}(?:-\d{3})?\s+[A-ZÀ-Ý][^\W\d_]+"
        r"|[A-Z][^\W\d_]+(?:\s[-–]\s|\s)\d{6}\b)",
        r"\b\d{5}-\d{3}\b",  # a Brazilian CEP
        r"\b(?:Flat|Apt|Apartment|Unit|Suite|apto|H\.\s?No)\.?\s*\d[\w/-]*",
    )
)
# Shapes hidden wherever they are: handles before e-mails ("@noor@fediverse.example")
_SHAPES = (
    (_HANDLE_RE, HANDLE),
    (EMAIL_RE, EMAIL),
    (URL_RE, URL),
    (_PROFILE_PATH_RE, URL),
)
_SHORT_PART = 4  # words in an address part next to a signal: "Apt 12B", "Banjara Hills"
_ADDRESS_LOWER = frozenset(("apto", "de", "del", "la", "y", "das", "dos", "no.", "bis", "ter"))

# Words that are often in a resume's header or file name and never a person's name.
_NOT_NAMES = frozenset(
    {
        "resume",
        "résumé",
        "cv",
        "curriculum",
        "vitae",
        "lebenslauf",
        "final",
        "updated",
        "new",
        "draft",
        "copy",
        "version",
        "the",
        "of",
        "and",
        "engineer",
        "developer",
        "scientist",
        "analyst",
        "architect",
        "manager",
        "data",
        "ml",
        "ai",
        "senior",
        "junior",
        "summary",
        "profile",
        "experience",
        "education",
        "skills",
        "contact",
        "objective",
    }  # fmt: skip
)
# Titles, degrees and suffixes around a name, and particles inside one: not the person's
# own words, and common words elsewhere ("de", "van").
_NAME_AFFIXES = frozenset(
    ("dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "dame", "rer", "nat", "dipl")
    + ("ing", "phd", "dphil", "mba", "md", "msc", "bsc", "ma", "ba", "jr", "sr", "ii", "iii")
    + ("iv", "esq", "cpa", "van", "der", "den", "von", "de", "del", "della", "la", "le", "du")
    + ("dos", "das", "da", "di", "al", "el", "bin", "ibn", "ní", "ni", "mac", "st")
)
# Keys whose values come from the taxonomy or from gapscan itself, never from a document.
_FIXED_KEYS = frozenset(
    {
        "schema_version",
        "gapscan_version",
        "taxonomy",
        "crosswalk",
        "id",
        "name",
        "type",
        "area",
        "skill",
        "alternatives",
        "title",
        "provider",
        "kind",
        "formula",
        "method",
        "status",
        "importance",
        "format",
        "encoding",
        "sha256",
        "section",
        "why",
        "run",
        "as_of",
        "verdict",
        "met_by",
        "level",
        "fields",
        "issuer",
        "value",
        "detail",
    }
)


@dataclass(frozen=True)
class PersonalDetails:
    """What to hide: name words, and the exact e-mails, phones and URLs the text contains."""

    names: tuple[str, ...] = ()
    literals: tuple[tuple[str, str], ...] = ()  # (text, placeholder), longest first


def fold(text: str) -> str:
    """Casefolded, accents dropped: how names are compared ("Núñez" is "nunez")."""
    return _folded(text)[0]


def _folded(text: str) -> tuple[str, list[int]]:
    """``fold(text)``, and for each of its characters the index it comes from in ``text``."""
    if text.isascii():  # most strings: nothing to decompose, one character for one
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for low in part.casefold():
                out.append(low)
                where.append(i)
    return "".join(out), where


_SKIP_WORDS = frozenset(fold(w) for w in _NOT_NAMES | _NAME_AFFIXES)


def _name_words(text: str) -> list[str]:
    """The words of a name, each part of a hyphenated one on its own, without titles,
    degrees, particles or header words."""
    words = _NAME_TOKEN.findall(text)
    return [w for w in words if len(fold(w)) >= 2 and fold(w) not in _SKIP_WORDS]


_NAME_SHAPE = re.compile(rf"{_NAME_TOKEN.pattern}(?:[-'’]{_NAME_TOKEN.pattern})*\.?")


def _line_name(line: str) -> tuple[str, ...] | None:
    """The name words of a header line read as a name: its first field, a few words of
    letters. ``None`` when the line is only a heading ("CURRICULUM VITAE", "Resume")."""
    field = _NAME_FIELD_SEP.split(line.strip(" #*_\t"), maxsplit=1)[0]
    tokens = field.replace(",", " ").replace("(", " ").replace(")", " ").split()
    if not 1 <= len(tokens) <= 8 or not all(_NAME_SHAPE.fullmatch(t) for t in tokens):
        return ()
    words = tuple(_name_words(field))
    return words if words else None


def header_name(text: str) -> tuple[str, ...]:
    """The name at the top of a resume: the first line that reads like one (titles and
    degrees around it left out), past a heading line such as ``CURRICULUM VITAE``. A name
    split over two one-word lines ("Ana-Lucía" / "Oyèláràn") is taken whole."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:HEADER_LINES]
    for i, line in enumerate(lines):
        words = _line_name(line)
        if words is None:
            continue
        if len(line.split()) == 1 and i + 1 < len(lines) and len(lines[i + 1].split()) == 1:
            words += _line_name(lines[i + 1]) or ()
        return words
    return ()


def _sentence_names(text: str) -> list[str]:
    """Names a resume states in words: "My name is Ximena Calderwood-Paz", "Name: ..."."""
    return [w for m in _NAME_IN_SENTENCE.finditer(text) for w in _name_words(m.group(1))]


def _phone_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has phone numbers: valid national numbers of ``PHONE_REGIONS``, any
    "+" number, the shapes above, and digits after a "phone" word; overlapping finds merged
    into the longest."""
    found: set[tuple[int, int]] = set()
    # libphonenumber is the slow part; a string with fewer digits holds no number it reads
    enough = sum(c.isdigit() for c in text) >= MIN_PHONE_DIGITS
    readings = (("ZZ", Leniency.POSSIBLE), *((r, Leniency.VALID) for r in PHONE_REGIONS))
    for region, leniency in readings if enough else ():  # "ZZ", no region: "+" numbers
        found.update((m.start, m.end) for m in PhoneNumberMatcher(text, region, leniency=leniency))
    for pattern in (_PHONE_RE, _LOCAL_PHONE_RE):
        found.update(m.span() for m in pattern.finditer(text))
    for match in _LABELLED_PHONE_RE.finditer(text):
        if sum(c.isdigit() for c in match.group(1)) >= MIN_PHONE_DIGITS:
            found.add(match.span(1))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _replace_spans(text: str, spans: Iterable[tuple[int, int]], placeholder: str) -> str:
    """``text`` with each (start, end) span, in order and apart, replaced."""
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], placeholder]
        at = end
    return "".join(out) + text[at:]


def _short_part(part: str) -> bool:
    """A piece of an address beside one that is surely an address: "Apt 12B", "Indiranagar",
    "São Paulo - SP"; not words of a sentence ("References from ...")."""
    words = part.split()
    digits = sum(c.isdigit() for c in part)
    if len(words) > _SHORT_PART or digits >= 5 or set("@:") & set(part):
        return False
    return all(not w[0].islower() or w in _ADDRESS_LOWER for w in words)


def addresses(text: str) -> list[str]:
    """Postal addresses in ``text``, as written: in each field of a line, the comma-separated
    parts that hold a street or a postal code, with the short parts around them."""
    found = []
    for line in text.splitlines():
        for field in _FIELD_SEP.split(line):
            signals = [m.span() for pattern in _ADDRESS_RES for m in pattern.finditer(field)]
            if not signals:
                continue
            parts = [m.span() for m in re.finditer(r"[^,]+", field)]
            hit = [i for i, (a, b) in enumerate(parts) if any(s < b and a < e for s, e in signals)]
            first, last = hit[0], hit[-1]
            while first > 0 and _short_part(field[slice(*parts[first - 1])]):
                first -= 1
            while last + 1 < len(parts) and _short_part(field[slice(*parts[last + 1])]):
                last += 1
            found.append(" ".join(field[parts[first][0] : parts[last][1]].split()).rstrip(".;"))
    return found


def personal_details(text: str, source: str) -> PersonalDetails:
    """The candidate's details as written in the resume ``text`` and its file name."""
    words = (*header_name(text), *_sentence_names(text), *_name_words(PurePath(source).stem))
    names = {fold(w) for w in words}
    found: dict[str, str] = {}
    for pattern, placeholder in _SHAPES:
        for match in pattern.finditer(text):
            found.setdefault(" ".join(match.group().split()), placeholder)
    header = "\n".join(text.splitlines()[:HEADER_LINES])
    phones = [text[a:b] for a, b in _phone_spans(text)]
    phones += [m.group() for m in _HEADER_DIGITS_RE.finditer(header)]
    for phone in phones:
        found.setdefault(" ".join(phone.split()), PHONE)
    for address in addresses(text):
        found.setdefault(address, ADDRESS)
    literals = sorted(found.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return PersonalDetails(tuple(sorted(names)), tuple(literals))


def _edges(text: str, literals: Iterable[tuple[str, str]]) -> str:
    """Hide pieces of a detail that a snippet cut off at its start or end ("...ra@example.com")."""
    for value, placeholder in literals:
        low = value.lower()
        for size in range(len(low) - 1, MIN_FRAGMENT - 1, -1):
            head, tail = text[3:], text[:-3]
            if (
                text.startswith("...")
                and head.lower().startswith(low[-size:])
                and not head[size : size + 1].isalnum()
            ):
                text = "..." + placeholder + head[size:]
            if (
                text.endswith("...")
                and tail.lower().endswith(low[:size])
                and not tail[-size - 1 : -size].isalnum()
            ):
                text = tail[:-size] + placeholder + "..."
    return text


_EDGE_START = re.compile(rf"^\.\.\.({_NAME_TOKEN.pattern})")
_EDGE_END = re.compile(rf"({_NAME_TOKEN.pattern})\.\.\.$")


def _name_edges(text: str, names: tuple[str, ...]) -> str:
    """Hide the end of a name word a snippet starts with, or the start of one it ends with."""
    start = _EDGE_START.match(text)
    if start and _fragment_of(fold(start.group(1)), names, str.endswith):
        text = "..." + NAME + text[start.end() :]
    end = _EDGE_END.search(text)
    if end and _fragment_of(fold(end.group(1)), names, str.startswith):
        text = text[: end.start()] + NAME + "..."
    return text


def _fragment_of(piece: str, names: tuple[str, ...], fits: Callable[[str, str], bool]) -> bool:
    return len(piece) >= MIN_FRAGMENT and any(fits(n, piece) for n in names)


def _redact_names(text: str, names: tuple[str, ...]) -> str:
    """Every whole word of ``text`` that is one of the name words, whatever its case and
    accents ("NÚÑEZ", "Nunez"); placeholders already there stay."""
    if not names:
        return text
    folded, where = _folded(text)
    words = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W\d_])(?<!\[)(?:{words})(?![^\W\d_])(?!\])")
    spans = []
    for match in pattern.finditer(folded):
        start, end = where[match.start()], where[match.end() - 1] + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        spans.append((start, end))
    return _replace_spans(text, spans, NAME)


def redact_text(text: str, details: PersonalDetails) -> str:
    """``text`` with the details, and anything shaped like an e-mail, URL, handle or phone,
    replaced."""
    return _redacted(text, details)


@lru_cache(maxsize=4096)  # a report repeats its snippets and labels; the function is pure
def _redacted(text: str, details: PersonalDetails) -> str:
    for value, placeholder in details.literals:
        text = re.sub(re.escape(value), placeholder, text, flags=re.IGNORECASE)
    for pattern, placeholder in _SHAPES:
        text = pattern.sub(placeholder, text)
    text = _replace_spans(text, _phone_spans(text), PHONE)
    text = _redact_names(text, details.names)
    return _name_edges(_edges(text, details.literals), details.names)


def source_label(sha256: str) -> str:
    """What replaces a resume's file path: a short digest that still tells files apart."""
    return SOURCE_PREFIX + sha256[:SOURCE_CHARS]


def _walk(value: Any, details: PersonalDetails) -> Any:
    if isinstance(value, str):
        return redact_text(value, details)
    if isinstance(value, list):
        return [_walk(v, details) for v in value]
    if isinstance(value, dict):
        return {k: v if k in _FIXED_KEYS else _walk(v, details) for k, v in value.items()}
    return value


def redact(data: dict[str, Any], details: PersonalDetails) -> dict[str, Any]:
    """A redacted copy of a report or extract dict, marked ``"redacted": true``.

    The resume's ``source`` becomes its digest label (a posting's path keeps only what is not
    personal); every other string from a document is scrubbed. What the resume states for a
    constraint keeps its facts (``value``, ``detail``) and loses the line it was read from
    (``text``: null), which may carry an address or other personal detail.
    """
    out: dict[str, Any] = _walk(data, details)
    for constraint in out.get("constraints", []):
        for statement in constraint["resume"] or []:
            statement["text"] = None  # the fact stays; the line it came from may say more
    resume = out.get("resume")
    if not isinstance(resume, dict) and out.get("kind") == "resume":
        resume = out
    if isinstance(resume, dict):
        resume["source"] = source_label(str(resume["sha256"]))
    return with_header_field(out, "redacted", True)

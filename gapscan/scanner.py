"""The one flow of gapscan: read -> mentions -> profile -> requirements -> assess.

``gapscan scan`` and every batch worker run it. A posting is prepared once (read, its skills
found, turned into requirements) and every resume is then assessed against it.

>>> from gapscan import Scanner
>>> scanner = Scanner()                      # packaged AI-architect taxonomy
>>> report = scanner.scan("resume.pdf", "posting.txt")   # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import InputError, UsageProblem
from .experience.requirements import PostingRequirements, parse_posting
from .experience.verdicts import Background, Span, background, blank_sections
from .gap import assess
from .limits import DEFAULT_LIMITS, Limits
from .profiles import posting_requirements, role_requirements
from .read.doctype import looks_like_posting
from .read.document import read_document
from .read.sections import detect_sections
from .records import Document, GapReport, Requirement, SkillProfile
from .taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from .skills.extractor import SkillExtractor

Kind = Literal["auto", "resume", "posting"]


@dataclass(frozen=True)
class PreparedPosting:
    """A posting (or a taxonomy role) with its skills found and turned into requirements."""

    profile: SkillProfile
    requirements: tuple[Requirement, ...]
    label: str
    beyond_skills: PostingRequirements = field(default=PostingRequirements((), (), (), ()))

    @cached_property
    def mentions(self) -> list[Span]:
        """Where the posting names each counted skill (once per posting, not per resume)."""
        return _mentions(self.profile)


# Posting sections that state no requirement of the candidate ("in business for 25 years").
_NOT_REQUIREMENTS = ("about", "benefits")


def _sections(document: Document) -> list[Span]:
    return [Span(s.kind, s.start, s.end) for s in document.sections]


def _mentions(profile: SkillProfile) -> list[Span]:
    """Where each counted skill is named."""
    return [
        Span(hit.skill_id, m.start, m.end)
        for hit in profile.skills
        for m in hit.mentions
        if m.counted
    ]


def beyond_skills(document: Document) -> PostingRequirements:
    """A posting's experience, education, certification and constraint requirements."""
    text = blank_sections(document.text, _sections(document), _NOT_REQUIREMENTS)
    return parse_posting(text)


def _with_text(path: Path | str, document: Document, *, against: bool) -> Document:
    """The document, refused when it holds only white space (a posting, or anything extracted).

    A resume scanned against a posting is still read: it is reported *not assessed* (exit 3),
    while a blank posting or a blank file to extract from is an input that cannot be used. A
    PDF without a text layer carries its own warning: extracting from it reports that, as it
    always has; as the posting resumes are held ``against``, it names the posting, not the
    resume, as what lacks text.
    """
    if document.text.strip():
        return document
    if not document.warnings:
        raise InputError(path, "holds no text, only white space; give the file with the text in it")
    if against:
        raise InputError(path, f"{document.warnings[0]}; give the posting as text")
    return document


class Scanner:
    """A taxonomy and its extractor, reused for every document.

    The extractor (spaCy and the fitted matcher, the costly part) is built or loaded when
    the first document needs it, so an unreadable file is reported before any of that.
    """

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        *,
        model: Path | None = None,
        limits: Limits = DEFAULT_LIMITS,
        as_of: date | None = None,
    ) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self.limits = limits
        self.model = model
        self.as_of = as_of or date.today()  # "Present" in a resume; recorded in every report
        self._extractor: SkillExtractor | None = None

    @property
    def extractor(self) -> SkillExtractor:
        """The pipeline and matcher: loaded from ``model``, else from the cache or built."""
        if self._extractor is None:
            from .skills.cache import default_cache_dir, load_or_build
            from .skills.extractor import SkillExtractor

            if self.model is not None:
                self._extractor = SkillExtractor.load(self.model, self.taxonomy)
            else:
                self._extractor = load_or_build(self.taxonomy, default_cache_dir())
        return self._extractor

    def default_role(self) -> str:
        """The role named like the taxonomy, else its first role."""
        if self.taxonomy.role(self.taxonomy.name) or not self.taxonomy.roles:
            return self.taxonomy.name
        return self.taxonomy.roles[0].id

    def read(self, path: Path | str, *, posting: bool, password: str | None = None) -> Document:
        return read_document(path, posting=posting, password=password, limits=self.limits)

    def extract(
        self, path: Path | str, *, kind: Kind = "auto", password: str | None = None
    ) -> tuple[SkillProfile, bool]:
        """The skills of one document, and whether it was read as a posting."""
        if kind == "auto":
            document = _with_text(
                path, self.read(path, posting=False, password=password), against=False
            )
            posting = looks_like_posting(document.text)
            if posting:  # the same text; only a posting's first line is its title
                document = replace(document, sections=detect_sections(document.text, posting=True))
        else:
            posting = kind == "posting"
            document = _with_text(
                path, self.read(path, posting=posting, password=password), against=False
            )
        return self.extractor.extract(document, posting=posting), posting

    def prepare(self, posting: Path | str | None, *, role: str | None = None) -> PreparedPosting:
        """Read a posting file into requirements, or take a taxonomy role's when none is given."""
        if posting is not None:
            return self.prepared(self.read_posting(posting))
        role_id = role or self.default_role()
        found = self.taxonomy.role(role_id)
        if found is None:
            known = ", ".join(r.id for r in self.taxonomy.roles) or "none"
            raise UsageProblem(
                f"no role '{role_id}' in taxonomy {self.taxonomy.name} (roles: {known})"
            )
        empty = Document(f"role:{found.id}", "role", "", self.taxonomy.sha256)
        label = f"role:{found.id} ({found.name})"
        return PreparedPosting(SkillProfile(empty, ()), role_requirements(found), label)

    def read_posting(self, path: Path | str) -> Document:
        """A posting file, read (no pipeline needed yet) and refused when it holds no text."""
        return _with_text(path, self.read(path, posting=True), against=True)

    def prepared(self, document: Document) -> PreparedPosting:
        """A posting that has been read, with its skills found and turned into requirements."""
        profile = self.extractor.extract(document, posting=True)
        requirements = posting_requirements(profile, self.taxonomy)
        return PreparedPosting(profile, requirements, document.source, beyond_skills(document))

    def assess(self, resume: Document, posting: PreparedPosting) -> GapReport:
        """How a resume that has been read meets a prepared posting."""
        profile = self.extractor.extract(resume)
        found = self.background(profile, posting)
        return assess(
            profile, posting.profile, posting.requirements, self.taxonomy, posting.label, found
        )

    def experience(self, resume: SkillProfile) -> Background:
        """A resume's roles and total experience alone (``gapscan extract``)."""
        empty = Document("", "role", "", "")
        nothing = PreparedPosting(SkillProfile(empty, ()), (), "")
        return self.background(resume, nothing)

    def background(self, resume: SkillProfile, posting: PreparedPosting) -> Background:
        """The resume's roles and years, degree and statements against what the posting asks
        beyond skills."""
        return background(
            resume.document.text,
            _sections(resume.document),
            _mentions(resume),
            posting.profile.document.text,
            posting.beyond_skills,
            posting.mentions,
            self.as_of,
        )

    def scan(
        self,
        resume: Path | str,
        posting: Path | str | None = None,
        *,
        role: str | None = None,
        password: str | None = None,
    ) -> GapReport:
        """Compare a resume with a posting file, or with a taxonomy role when none is given."""
        document = self.read(resume, posting=False, password=password)
        return self.assess(document, self.prepare(posting, role=role))

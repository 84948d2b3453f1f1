"""The library's front door: scan a resume against a posting or a built-in role.

>>> from gapscan.api import Scanner
>>> scanner = Scanner()                      # packaged AI-architect taxonomy
>>> report = scanner.scan("resume.pdf", "posting.txt")   # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .cache import default_cache_dir, load_or_build
from .errors import UsageProblem
from .gap import assess
from .pipeline import SkillExtractor
from .reading import DEFAULT_LIMITS, Limits, read_document
from .requirements import posting_requirements, role_requirements
from .sections import detect_sections
from .taxonomy import Taxonomy, load_taxonomy
from .types import Document, GapReport, SkillProfile

POSTING_SECTIONS = {"requirements", "preferred", "responsibilities", "about", "benefits"}


def looks_like_posting(text: str) -> bool:
    """True when the text has a section only a job posting has."""
    return any(s.kind in POSTING_SECTIONS for s in detect_sections(text, posting=False))


class Scanner:
    """A taxonomy and its extractor, built once and reused for every document."""

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        *,
        model: Path | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self.limits = limits
        if model is not None:
            self.extractor = SkillExtractor.load(model, self.taxonomy)
        else:
            self.extractor = load_or_build(self.taxonomy, default_cache_dir())

    def default_role(self) -> str:
        """The role named like the taxonomy, else its first role."""
        if self.taxonomy.role(self.taxonomy.name) or not self.taxonomy.roles:
            return self.taxonomy.name
        return self.taxonomy.roles[0].id

    def read(self, path: Path | str, *, posting: bool, password: str | None = None) -> Document:
        return read_document(path, posting=posting, password=password, limits=self.limits)

    def extract(
        self, path: Path | str, *, kind: str = "auto", password: str | None = None
    ) -> tuple[SkillProfile, bool]:
        """The skills of one document, and whether it was read as a posting."""
        if kind == "auto":
            document = self.read(path, posting=False, password=password)
            posting = looks_like_posting(document.text)
            if posting:  # the same text; only a posting's first line is its title
                document = replace(document, sections=detect_sections(document.text, posting=True))
        else:
            posting = kind == "posting"
            document = self.read(path, posting=posting, password=password)
        return self.extractor.extract(document, posting=posting), posting

    def scan(
        self,
        resume: Path | str,
        posting: Path | str | None = None,
        *,
        role: str | None = None,
        password: str | None = None,
    ) -> GapReport:
        """Compare a resume with a posting file, or with a taxonomy role when none is given."""
        resume_profile = self.extractor.extract(self.read(resume, posting=False, password=password))
        if posting is not None:
            posting_doc = self.read(posting, posting=True)
            posting_profile = self.extractor.extract(posting_doc, posting=True)
            requirements = posting_requirements(posting_profile)
            label = posting_doc.source
        else:
            role_id = role or self.default_role()
            found = self.taxonomy.role(role_id)
            if found is None:
                known = ", ".join(r.id for r in self.taxonomy.roles) or "none"
                raise UsageProblem(
                    f"no role '{role_id}' in taxonomy {self.taxonomy.name} (roles: {known})"
                )
            empty = Document(f"role:{found.id}", "role", "", self.taxonomy.sha256)
            posting_profile = SkillProfile(empty, ())
            requirements = role_requirements(found)
            label = f"role:{found.id} ({found.name})"
        return assess(resume_profile, posting_profile, requirements, self.taxonomy, label)

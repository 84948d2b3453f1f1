"""Who a batch row is: the candidate's name, or under ``--redact`` a stable id and no name.

The name is the resume's header line as ``gapscan.report.redact`` finds it (the same words
``--redact`` hides). The id is ``cand-`` and the first 10 hex digits of the SHA-256 of the
resume file's bytes: the same file always gets the same id, in any run and on any machine,
and whoever holds the files can map an id back (``sha256sum``).
"""

from __future__ import annotations

from ..report.redact import header_name, personal_details, redact_text

ID_PREFIX = "cand-"
ID_HEX = 10


def candidate_id(sha256: str) -> str:
    """The stable id of a resume, from its content's SHA-256."""
    return ID_PREFIX + sha256[:ID_HEX]


def candidate_name(text: str) -> str | None:
    """The candidate's name as the resume's header line gives it, or None.

    ``--redact`` takes the header's words broadly, erring towards hiding; a name to show
    must read as one: at most five words, each capitalised ("Results-driven engineer with
    ten years" is no one's name).
    """
    words = header_name(text)
    if not words or len(words) > 5 or not all(w[:1].isupper() for w in words):
        return None
    return " ".join(words)


def candidate(text: str, sha256: str, *, redact: bool) -> str | None:
    """What the ``candidate`` column shows: the id under ``--redact``, else the name."""
    return candidate_id(sha256) if redact else candidate_name(text)


def redacted_path(rel: str) -> str:
    """A relative path with every part that may be a name replaced (``[name]-cv.pdf``).

    Candidates name their files after themselves, and folders are often named after them:
    each part is scrubbed as a resume's file name is, plus any e-mail, phone or URL in it.
    """
    return "/".join(redact_text(part, personal_details("", part)) for part in rel.split("/"))


def shown_file(rel: str, *, redact: bool) -> str:
    """How an output names an input file."""
    return redacted_path(rel) if redact else rel


def reference(rel: str, sha256: str | None, *, redact: bool) -> str:
    """How an output names another file (a near duplicate, a duplicate's original): its
    path, or under ``--redact`` its candidate id (redacted paths may look alike)."""
    if redact:
        return candidate_id(sha256) if sha256 else redacted_path(rel)
    return rel

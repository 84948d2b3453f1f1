"""Near-duplicate resumes: the same CV in another template (PDF, DOCX, text; other fonts).

Each worker reduces a resume's text to a MinHash signature over its word shingles (about
270 bytes), so the parent keeps only that per resume; at the end one LSH index (datasketch)
finds the pairs whose estimated Jaccard similarity reaches :data:`THRESHOLD`. The threshold
and the shingle size are measured in ``benchmarks/near_duplicates.py``: the same CV rendered
differently against different CVs of people with similar profiles.

The text is shingled with the candidate's details already replaced (``redact_text``), so a
signature carries no name, e-mail, phone or URL, and a copy with another phone number is
still a copy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from datasketch import LeanMinHash, MinHash, MinHashLSH

from ..report.redact import PersonalDetails, redact_text

SHINGLE = 3  # words per shingle
PERMUTATIONS = 64
THRESHOLD = 0.5  # estimated Jaccard similarity of the shingle sets; see the benchmark
_BYTE_ORDER = "<"  # signatures travel between processes and machines (Dask)
_WORD = re.compile(r"[^\W_]+")


def shingles(text: str) -> set[bytes]:
    """The text's runs of :data:`SHINGLE` words, lower-cased, punctuation and layout ignored."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    runs = range(len(words) - SHINGLE + 1)
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in runs}


def text_signature(text: str) -> bytes | None:
    """The MinHash signature of a (redacted) resume text, or None when it has no words."""
    found = shingles(text)
    if not found:
        return None
    minhash = MinHash(num_perm=PERMUTATIONS)
    minhash.update_batch(sorted(found))
    lean = LeanMinHash(minhash)
    buffer = bytearray(lean.bytesize(_BYTE_ORDER))
    lean.serialize(buffer, _BYTE_ORDER)
    return bytes(buffer)


def resume_signature(text: str, details: PersonalDetails) -> bytes | None:
    """The signature of a resume's text with its details (name, e-mail, phone, URL) replaced."""
    return text_signature(redact_text(text, details))


def _lean(signature: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(signature, _BYTE_ORDER)


def similarity(a: bytes, b: bytes) -> float:
    """Two signatures' estimate of their texts' Jaccard similarity (0 to 1)."""
    return float(_lean(a).jaccard(_lean(b)))


def near_duplicates(
    signatures: Mapping[str, bytes], threshold: float = THRESHOLD
) -> dict[str, tuple[str, ...]]:
    """For each key whose text is a near duplicate of others, those others (sorted).

    The LSH index proposes candidate pairs in about linear time; each pair is then kept only
    when its estimated similarity reaches ``threshold``.
    """
    keys = sorted(signatures)
    sketches = {key: _lean(signatures[key]) for key in keys}
    index = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    with index.insertion_session() as session:
        for key in keys:
            session.insert(key, sketches[key])
    found: dict[str, set[str]] = {}
    for key in keys:
        for other in index.query(sketches[key]):
            if other != key and sketches[key].jaccard(sketches[other]) >= threshold:
                found.setdefault(key, set()).add(other)
    return {key: tuple(sorted(others)) for key, others in sorted(found.items())}


def near_duplicate_groups(pairs: Mapping[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The connected groups of near duplicates, each sorted, in order of their first key."""
    groups: list[tuple[str, ...]] = []
    placed: set[str] = set()
    for start in sorted(pairs):
        if start in placed:
            continue
        group, todo = {start}, [start]
        while todo:
            for other in pairs.get(todo.pop(), ()):
                if other not in group:
                    group.add(other)
                    todo.append(other)
        placed |= group
        groups.append(tuple(sorted(group)))
    return groups

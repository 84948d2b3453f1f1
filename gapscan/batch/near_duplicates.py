"""Near-duplicate resumes: the same CV in another template (PDF, DOCX, text; other fonts).

Each worker reduces a resume's text to a MinHash signature over its word shingles (about
270 bytes), so the parent keeps only that per resume; at the end one LSH index (datasketch)
finds the pairs whose estimated Jaccard similarity reaches :data:`THRESHOLD`. The threshold
and the shingle size are measured in ``benchmarks/near_duplicates.py``: the same CV rendered
differently against different CVs of people with similar profiles.

Under ``--redact`` the text is shingled without the candidate's details (as ``--redact``
finds them), so a signature carries no name, e-mail, phone or URL. Otherwise it is shingled
as it is: finding the details costs a quarter of a scan on a long resume, and a copy's
other phone number changes only a few of its hundreds of shingles.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping, Sequence

from datasketch import LeanMinHash, MinHash, MinHashLSH

from ..report.redact import PersonalDetails

SHINGLE = 3  # words per shingle
# CRC-32 hashes each shingle: deterministic across processes and runs (signatures are kept in
# results.jsonl), twice as fast as datasketch's default SHA-1, and the "affine32" scheme mixes
# it with MurmurHash3's finalizer before permuting.
PERMUTATIONS = 64
THRESHOLD = 0.4  # estimated Jaccard similarity of the shingle sets; see the benchmark
_BYTE_ORDER = "<"  # signatures travel between processes and machines (Dask)
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The text's words, lower-cased: punctuation, bullets and layout do not count."""
    return _WORD.findall(text.lower())


def shingles(found: Sequence[str]) -> set[bytes]:
    """The runs of :data:`SHINGLE` words (a shorter text is one run)."""
    encoded = [w.encode("utf-8") for w in found]
    if len(encoded) < SHINGLE:
        return {b" ".join(encoded)} if encoded else set()
    return {b" ".join(encoded[i : i + SHINGLE]) for i in range(len(encoded) - SHINGLE + 1)}


def signature(found: Sequence[str]) -> bytes | None:
    """The MinHash signature of a sequence of words, or None when there are none."""
    runs = shingles(found)
    if not runs:
        return None
    minhash = MinHash(num_perm=PERMUTATIONS, hashfunc=zlib.crc32)
    minhash.update_batch(runs)
    lean = LeanMinHash(minhash)
    buffer = bytearray(lean.bytesize(_BYTE_ORDER))
    lean.serialize(buffer, _BYTE_ORDER)
    return bytes(buffer)


def text_signature(text: str) -> bytes | None:
    """The signature of a text as it is."""
    return signature(words(text))


def resume_signature(text: str, details: PersonalDetails) -> bytes | None:
    """The signature of a resume's text without its details (for ``--redact``): the e-mails,
    phones and URLs ``personal_details`` found in it are cut out, its name words left out.

    Cheaper than shingling ``redact_text``'s output (whose patterns would run over the whole
    text a second time), and as blind to the details.
    """
    return signature(resume_words(text, details))


def resume_words(text: str, details: PersonalDetails) -> list[str]:
    """The words of a resume's text, its details cut out (see :func:`resume_signature`)."""
    low = text.lower()
    for value, _ in details.literals:
        low = low.replace(value.lower(), " ")
    names = set(details.names)
    return [w for w in words(low) if w not in names]


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

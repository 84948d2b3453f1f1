"""Derive the span ruler's patterns from the taxonomy (pure functions, no spaCy state).

Each form is tokenized once; case-insensitive forms are matched on ``LOWER``, exact forms on
``ORTH``. Hyphen/space variants and a regular plural of the last word are generated
here, so the taxonomy lists only irregular forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..taxonomy import Skill, Taxonomy
from ..validate import GAP

Tokenize = Callable[[str], list[str]]


def plural(word: str) -> str | None:
    """A regular English plural of ``word``, or None when one should not be generated."""
    if len(word) < 3 or not word[-1].isalpha() or word[-1] in "sS":
        return None
    if word.isupper():
        return word + "s"  # LLM -> LLMs, GPU -> GPUs
    lower = word.lower()
    if lower.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def variants(tokens: list[str]) -> list[list[str]]:
    """The tokens, their hyphen/space variants, and the plural of the last word."""
    out = [tokens]
    if "-" in tokens:
        out.append([t for t in tokens if t != "-"])  # "scikit-learn" -> "scikit learn"
        # the dash as typeset: "Machine Learning – Specialty" for "Machine Learning - Specialty"
        out.append(["\u2013" if t == "-" else t for t in tokens])
    elif 1 < len(tokens) <= 4 and all(t.isalnum() for t in tokens):
        hyphenated = [tokens[0]]
        for t in tokens[1:]:
            hyphenated += ["-", t]
        out.append(hyphenated)  # "machine learning" -> "machine-learning"
    for v in list(out):
        p = plural(v[-1])
        if p is not None:
            out.append([*v[:-1], p])
    unique: dict[tuple[str, ...], list[str]] = {tuple(v): v for v in out}
    return list(unique.values())


def skill_patterns(skill: Skill, tokenize: Tokenize) -> list[dict[str, Any]]:
    """Every ruler pattern for one skill: ``{"id", "tokens", "exact"}``, or for a phrase
    with gaps ``{"id", "parts", "exact"}`` (up to three words may stand between parts)."""
    patterns: list[dict[str, Any]] = []
    for form in skill.case_insensitive_forms:
        for tokens in variants([t.lower() for t in tokenize(form.strip())]):
            patterns.append({"id": skill.id, "tokens": tokens, "exact": False})
    for phrase in skill.phrases:
        parts = [[t.lower() for t in tokenize(part.strip())] for part in phrase.split(GAP)]
        patterns.append({"id": skill.id, "parts": parts, "exact": False})
    for form in skill.exact:
        tokens = tokenize(form)
        forms = [tokens]
        if tokens[-1].isupper() and len(tokens[-1]) >= 2 and tokens[-1].isalpha():
            forms.append([*tokens[:-1], tokens[-1] + "s"])  # LLM -> LLMs
        for f in forms:
            patterns.append({"id": skill.id, "tokens": f, "exact": True})
    return patterns


def taxonomy_patterns(taxonomy: Taxonomy, tokenize: Tokenize) -> list[dict[str, Any]]:
    """All patterns, deduplicated, in a stable order."""
    # a phrase's key is its parts, apart from the forms: "present ... to" is no duplicate of
    # the alias "present to", which it spans gaps beyond
    seen: set[tuple[str, bool, bool, tuple[str, ...]]] = set()
    out: list[dict[str, Any]] = []
    for skill in taxonomy.skills:
        for pattern in skill_patterns(skill, tokenize):
            phrase = "parts" in pattern
            words = [" ".join(part) for part in pattern["parts"]] if phrase else pattern["tokens"]
            key = (pattern["id"], pattern["exact"], phrase, tuple(words))
            if key not in seen:
                seen.add(key)
                out.append(pattern)
    return out

"""Derive the span ruler's patterns from the taxonomy (pure functions, no spaCy state).

Case-insensitive forms become phrase patterns (matched on ``LOWER``); exact forms become token
patterns on ``ORTH``. Hyphen/space variants and a regular plural of the last word are generated
here, so the taxonomy lists only irregular forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .taxonomy import Skill, Taxonomy

LABEL = "SKILL"
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


def variants(form: str) -> list[str]:
    """The form, its hyphen/space variants, and the plural of its last word."""
    out = [form]
    if "-" in form:
        out.append(form.replace("-", " "))
    words = form.split(" ")
    if 1 < len(words) <= 4 and all(w.isalnum() for w in words):
        out.append("-".join(words))
    for v in list(out):
        head, _, last = v.rpartition(" ")
        p = plural(last)
        if p is not None:
            out.append(f"{head} {p}" if head else p)
    return list(dict.fromkeys(out))


def skill_patterns(skill: Skill, tokenize: Tokenize) -> list[dict[str, Any]]:
    """Every ruler pattern for one skill; the pattern ``id`` is the skill id."""
    patterns: list[dict[str, Any]] = []
    for form in skill.case_insensitive_forms:
        for v in variants(form.strip()):
            patterns.append({"label": LABEL, "pattern": v.lower(), "id": skill.id})
    for form in skill.exact:
        forms = [form]
        last = form.split(" ")[-1]
        if last.isupper() and len(last) >= 2 and last.isalpha():
            forms.append(form + "s")
        for f in forms:
            tokens = tokenize(f)
            patterns.append(
                {"label": LABEL, "pattern": [{"ORTH": t} for t in tokens], "id": skill.id}
            )
    return patterns


def taxonomy_patterns(taxonomy: Taxonomy, tokenize: Tokenize) -> list[dict[str, Any]]:
    """All patterns, deduplicated, in a stable order."""
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for skill in taxonomy.skills:
        for pattern in skill_patterns(skill, tokenize):
            key = repr((pattern["id"], pattern["pattern"]))
            if key not in seen:
                seen.add(key)
                out.append(pattern)
    return out


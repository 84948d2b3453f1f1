"""Derive the span ruler's patterns from the taxonomy (pure functions, no spaCy state).

Each form is tokenized once; case-insensitive forms are matched on ``LOWER``, exact forms on
``ORTH``. Hyphen/space variants, a regular plural of the last word and the tenses of a leading
verb (in phrases, and in a soft skill's forms) are generated here, so the taxonomy lists
only irregular forms.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
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


# the inflections a form is written in: "design", "designed", "designing". Not the third
# person: "how a business makes decisions" is somebody else's doing, and neither a
# resume's past tense nor a posting's "you make decisions"
_VERB_TAGS = ("VB", "VBD", "VBG", "VBN")
# a word that is a verb form only as a participle is used as an adjective as often:
# "written postmortems" is no "wrote postmortems"
_OWN_TAGS = frozenset(("VB", "VBD", "VBG"))


@cache
def verb_inflections(word: str) -> tuple[str, ...]:
    """Every inflection of the verb ``word`` but the third person, ``word`` first; just
    ``(word,)`` when it is no verb form, or only a third-person form ("models", "needs",
    "tests", as likely a plural noun) or a participle ("written").

    The words come from lemminflect's English lexicon: "led" gives "lead", "leads",
    "leading"; "keep" gives "keeps", "kept", "keeping".
    """
    # imported here: a scan whose pipeline comes from the cache never needs the lexicon
    from lemminflect import getAllInflections, getAllLemmas

    lower = word.lower()
    if not lower.isalpha():
        return (word,)
    out = [word]
    for lemma in getAllLemmas(lower, "VERB").get("VERB", ()):
        inflections = getAllInflections(lemma, "VERB")
        own = {tag for tag, forms in inflections.items() if lower in forms}
        if not own & _OWN_TAGS:
            continue
        for tag in _VERB_TAGS:
            for form in inflections.get(tag, ()):
                if form not in out:
                    out.append(form)
    return tuple(out)


def inflected(tokens: list[str]) -> list[list[str]]:
    """The tokens with their first word in each of its verb inflections ("collaborate with",
    "collaborated with", "collaborating with", "collaborates with")."""
    return [[form, *tokens[1:]] for form in verb_inflections(tokens[0])]


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
        words = [t.lower() for t in tokenize(form.strip())]
        # a soft skill is written as what a person does, in any tense: "partner with
        # stakeholders", "partnered with stakeholders"; a technical term keeps its form
        # ("distributed systems" is no "distribute systems")
        for wording in inflected(words) if skill.type == "soft" and len(words) > 1 else [words]:
            for tokens in variants(wording):
                patterns.append({"id": skill.id, "tokens": tokens, "exact": False})
    for phrase in skill.phrases:
        parts = [[t.lower() for t in tokenize(part.strip())] for part in phrase.split(GAP)]
        # a phrase begins with what is done: "designed ... AI systems" is also "design",
        # "designs" and "designing ... AI systems"
        for first in inflected(parts[0]):
            patterns.append({"id": skill.id, "parts": [first, *parts[1:]], "exact": False})
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

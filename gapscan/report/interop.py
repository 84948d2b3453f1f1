"""Skills in the formats HR tooling already reads: JSON Resume ``skills[]`` and schema.org terms.

Pure functions over the ``gapscan extract`` dictionary (``serialize.profile_dict``), so a
redacted profile converts the same way. Only skills with a counted mention are written, sorted
by id, each with its crosswalk ids (ESCO URI, O*NET code) when the taxonomy has them.
"""

from __future__ import annotations

from typing import Any

JSON_RESUME_SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
SCHEMA_ORG = "https://schema.org"
CROSSWALK_IDS = (("esco", "ESCO"), ("onet", "O*NET"))


def _counted(profile: dict[str, Any]) -> list[dict[str, Any]]:
    skills = [s for s in profile["skills"] if s["counted"]]
    return sorted(skills, key=lambda s: str(s["id"]))


def _generator(profile: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": "gapscan",
        "version": profile["gapscan_version"],
        "schema_version": profile["schema_version"],
        "taxonomy": profile["taxonomy"],
        "source_sha256": profile["sha256"],
    }


def json_resume(profile: dict[str, Any]) -> dict[str, Any]:
    """A JSON Resume document holding only ``skills``: one entry a skill, its words as keywords."""
    skills = []
    for skill in _counted(profile):
        entry: dict[str, Any] = {
            "name": skill["name"],
            "keywords": sorted({m["text"] for m in skill["mentions"] if m["counted"]}),
            "id": skill["id"],
        }
        if skill["crosswalk"]:
            entry["crosswalk"] = dict(sorted(skill["crosswalk"].items()))
        skills.append(entry)
    meta = {"gapscan": _generator(profile)}
    return {"$schema": JSON_RESUME_SCHEMA, "skills": skills, "meta": meta}


def taxonomy_urn(taxonomy: dict[str, Any]) -> str:
    """A stable identifier for the taxonomy as a schema.org DefinedTermSet."""
    return f"urn:gapscan:taxonomy:{taxonomy['name']}:{taxonomy['version']}"


def defined_term(skill: dict[str, Any], term_set: str) -> dict[str, Any]:
    """One skill as a schema.org DefinedTerm; an ESCO URI is also its ``sameAs``."""
    crosswalk = skill["crosswalk"]
    term: dict[str, Any] = {
        "@type": "DefinedTerm",
        "termCode": skill["id"],
        "name": skill["name"],
        "inDefinedTermSet": term_set,
    }
    if "esco" in crosswalk:
        term["sameAs"] = crosswalk["esco"]
    ids = [
        {"@type": "PropertyValue", "propertyID": label, "value": crosswalk[key]}
        for key, label in CROSSWALK_IDS
        if key in crosswalk
    ]
    if ids:
        term["identifier"] = ids
    if skill.get("importance"):
        term["description"] = f"{skill['importance']} by the posting"
    return term


def defined_terms(profile: dict[str, Any]) -> dict[str, Any]:
    """The document's skills as a schema.org DefinedTermSet (JSON-LD), terms of the taxonomy."""
    taxonomy = profile["taxonomy"]
    term_set = taxonomy_urn(taxonomy)
    return {
        "@context": SCHEMA_ORG,
        "@type": "DefinedTermSet",
        "name": f"Skills in {profile['source']}",
        "isBasedOn": {
            "@type": "DefinedTermSet",
            "@id": term_set,
            "name": taxonomy["name"],
            "version": taxonomy["version"],
        },
        "hasDefinedTerm": [defined_term(s, term_set) for s in _counted(profile)],
    }

"""The JSON Schemas of gapscan's documents, shipped in the package (``gapscan/report/schemas/``).

Each document schema refers to shared definitions in ``common.json``; ``bundled`` embeds them
so one printed schema stands alone. Validating needs ``jsonschema``, which gapscan itself does
not depend on: it is imported only when ``problems`` is called.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from importlib import resources
from typing import Any

from ..errors import UsageProblem

COMMON = "common"
_DIR = "schemas"


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("gapscan.report").joinpath(_DIR, f"{name}.json").read_text(encoding="utf-8")
    )
    return data


def names() -> tuple[str, ...]:
    """The documents that have a schema, sorted (the shared definitions are not one)."""
    found = (
        entry.name.removesuffix(".json")
        for entry in resources.files("gapscan.report").joinpath(_DIR).iterdir()
        if entry.name.endswith(".json")
    )
    return tuple(sorted(n for n in found if n != COMMON))


def load(name: str) -> dict[str, Any]:
    """A document schema as shipped, with references into ``common.json``."""
    known = names()
    if name not in known:
        raise UsageProblem(f"no schema '{name}' (schemas: {', '.join(known)})")
    return _read(name)


@cache
def _bundled(name: str) -> str:
    schema = load(name)
    # Draft 2020-12 bundling: the referenced resource goes in $defs under its own $id, so
    # "common.json#/..." resolves inside this one document, with no registry or download.
    schema.setdefault("$defs", {})[f"{COMMON}.json"] = _read(COMMON)
    return json.dumps(schema)


def bundled(name: str) -> dict[str, Any]:
    """A document schema that stands alone: the shared definitions are embedded in it."""
    data: dict[str, Any] = json.loads(_bundled(name))
    return data


@cache
def _validator(name: str) -> Any:
    try:
        jsonschema = importlib.import_module("jsonschema")
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "validating a gapscan document needs the jsonschema package: pip install jsonschema"
        ) from None
    schema = bundled(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def problems(data: dict[str, Any], name: str) -> list[str]:
    """Every way ``data`` breaks schema ``name``, as sorted ``path: message`` lines."""
    found = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in _validator(name).iter_errors(data)
    ]
    return sorted(found)

"""The pipeline cache: a built extractor per taxonomy, kept on disk between runs.

Building the skill ruler and fitting the matcher costs more than reading a resume; loading
them from the cache, without scikit-learn, keeps a single scan's start-up close to the
import time of its libraries. Only taxonomy-derived data is stored, never a document.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from .. import __version__
from .. import taxonomy as _taxonomy
from ..taxonomy import Taxonomy
from . import extractor, matcher, patterns, ruler
from .extractor import SkillExtractor

# the code a cached pipeline is derived from: a change to any of them makes a new entry
_BUILT_BY = (_taxonomy, patterns, ruler, matcher, extractor)


def default_cache_dir() -> Path | None:
    """``$GAPSCAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/gapscan`` or ``~/.cache/gapscan``;
    None when ``GAPSCAN_NO_CACHE`` is set."""
    if os.environ.get("GAPSCAN_NO_CACHE"):
        return None
    if os.environ.get("GAPSCAN_CACHE_DIR"):
        return Path(os.environ["GAPSCAN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gapscan"


def cache_key(taxonomy: Taxonomy) -> str:
    """A folder name that changes whenever the cached pipeline could differ."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for part in (taxonomy.sha256, __version__, version("spacy")):
        digest.update(part.encode() + b"\0")
    for module in _BUILT_BY:
        digest.update(Path(str(module.__file__)).read_bytes())
    return f"{taxonomy.name}-{digest.hexdigest()[:20]}"


def load_or_build(taxonomy: Taxonomy, root: Path | None) -> SkillExtractor:
    """Load the extractor for this taxonomy from a cache folder, building it on a miss.

    A scan spends more time building the pipeline than reading a resume; the cache makes
    every scan after the first start fast. The key covers the taxonomy's content, the
    versions involved and the code that derives patterns, so a stale entry is never used.
    Only taxonomy-derived data is stored, never anything from a document. ``root=None``
    (or any trouble with the folder) just builds.
    """
    if root is None:
        return SkillExtractor.build(taxonomy)
    path = root / cache_key(taxonomy)
    if (path / "meta.json").is_file():
        try:
            return SkillExtractor.load(path, taxonomy)
        except Exception:  # a damaged entry is rebuilt, whatever went wrong in it
            shutil.rmtree(path, ignore_errors=True)
    extractor = SkillExtractor.build(taxonomy)
    tmp: Path | None = None
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=root, prefix=".build-"))
        extractor.save(tmp)
        os.replace(tmp, path)  # atomic: a reader sees a whole entry or none
    except OSError:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return extractor

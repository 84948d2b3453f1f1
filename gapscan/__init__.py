"""gapscan: find the skills a resume lacks for a job posting, and what to learn to close them.

>>> from gapscan import Scanner
>>> report = Scanner().scan("resume.pdf", "posting.txt")   # doctest: +SKIP

The names below are imported when first used, so ``import gapscan`` (and the command line's
start-up) stays light until a document is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["GapReport", "GapscanError", "Scanner", "__version__", "load_taxonomy"]

if TYPE_CHECKING:
    from .errors import GapscanError
    from .records import GapReport
    from .scanner import Scanner
    from .taxonomy import load_taxonomy

_HOMES = {
    "Scanner": "scanner",
    "load_taxonomy": "taxonomy",
    "GapReport": "records",
    "GapscanError": "errors",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'gapscan' has no attribute {name!r}")

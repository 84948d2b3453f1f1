"""gapscan: find the skills a resume lacks for a job posting, and what to learn to close them."""

from __future__ import annotations

__version__ = "0.1.0"

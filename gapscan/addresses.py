"""Patterns for e-mail addresses and URLs, shared by redaction and skill matching.

Redaction hides them; the skill matchers skip them, since "github.com/jdoe" or
"jane@kubeflow.dev" is an address, not a claim of Git or Kubeflow.
"""

from __future__ import annotations

import re

EMAIL_RE = re.compile(r"[\w+-][\w.+-]*@[\w-]+(?:\.[\w-]+)*")
URL_RE = re.compile(
    r"(?:https?://|www\.)\S*[^\s.,;)]"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|me|ai|co|info|app|page|site|xyz"
    r"|edu|gov|uk|de|fr|ca|in)\b(?:/\S*[^\s.,;)])?"
)

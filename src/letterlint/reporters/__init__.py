"""Reporters: findings → text for people, JSON for tools.  More formats register in FORMATS."""

from __future__ import annotations

from . import json as json_reporter
from . import text as text_reporter

FORMATS = {
    "text": text_reporter.report,
    "json": json_reporter.report,
}

"""Reporters: findings → text for people, JSON for tools, SARIF for code scanning, GitHub workflow commands,
GitLab Code Quality (Code Climate JSON), JUnit XML, and a self-contained HTML page.

More formats register in FORMATS.  A reporter is `report(results, out, *, lang, color, **context)`; the
context holds `plan` (the rules that ran, for SARIF's rule descriptions).
"""

from __future__ import annotations

from . import github as github_reporter
from . import gitlab as gitlab_reporter
from . import html as html_reporter
from . import json as json_reporter
from . import junit as junit_reporter
from . import sarif as sarif_reporter
from . import text as text_reporter

FORMATS = {
    "text": text_reporter.report,
    "json": json_reporter.report,
    "sarif": sarif_reporter.report,
    "github": github_reporter.report,
    "gitlab": gitlab_reporter.report,
    "junit": junit_reporter.report,
    "html": html_reporter.report,
}

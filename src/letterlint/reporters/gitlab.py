"""GitLab Code Quality report (the Code Climate JSON subset GitLab reads), for `artifacts: reports: codequality`.

A JSON array; each finding is an object with `description`, `check_name` (the rule), `fingerprint` (unique
in the report: the baseline fingerprint of rule, text and context, plus the path and a counter where the same
text recurs), `severity` (error → critical, warning → minor, info → info) and `location`
(`path` relative to the working folder, `lines.begin`; for .docx the paragraph as counted for writers, see
docs/output.md, with the place in words at the start of the description).  Files that could not be read are
entries of their own (check_name `letterlint`, severity blocker), so a broken file shows up in the widget.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..baseline import fingerprint
from .json import dump
from .sarif import docx_line
from .text import docx_place

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, TextIO

    from ..findings import Finding
    from ..runner import FileResult

SEVERITY = {"error": "critical", "warning": "minor", "info": "info"}


def _path(path: str) -> str:
    if path.startswith("<") or path == "-":
        return path
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, os.getcwd())
    return Path(absolute if rel.startswith("..") else rel).as_posix()


def issue(path: str, f: Finding, lang: str, seen: dict) -> dict:
    loc = f.location
    description = f.message(lang)
    if loc.line is None:
        description = f"{docx_place(loc, lang)}: {description}"
        begin = docx_line(loc)
    else:
        begin = loc.line
    if f.suggestion is not None:
        description += f" → {f.suggestion(lang)}"
    base = hashlib.sha256(f"{_path(path)}\0{fingerprint(f)}".encode()).hexdigest()[:32]
    seen[base] = seen.get(base, 0) + 1
    unique = base if seen[base] == 1 else hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()[:32]
    return {"type": "issue", "description": description, "check_name": f.rule, "fingerprint": unique,
            "severity": SEVERITY.get(f.severity or "", "minor"), "categories": ["Style"],
            "location": {"path": _path(path), "lines": {"begin": begin}}}


def report(results: Sequence[FileResult], out: TextIO, *, lang: str = "nl", color: bool = False,
           **_context: Any) -> None:
    seen: dict = {}
    issues = []
    for r in results:
        for problem in ([r.error] if r.error is not None else []) + list(r.problems):
            digest = hashlib.sha256(f"{_path(r.path)}\0{problem('en')}".encode()).hexdigest()[:32]
            issues.append({"type": "issue", "description": problem(lang), "check_name": "letterlint",
                           "fingerprint": digest, "severity": "blocker", "categories": ["Bug Risk"],
                           "location": {"path": _path(r.path), "lines": {"begin": 1}}})
        issues += [issue(r.path, f, lang, seen) for f in r.findings]
    dump(issues, out)  # json.dump(…, ensure_ascii=False, indent=2) byte for byte, faster
    out.write("\n")

"""JSON output, in exactly the shape other tools read (see docs/output.md and docs/usage.md).

Every finding keeps the keys it always had; `related` lists its second places ({path, line, column,
paragraph, message}), `fixable` says whether `letterlint --fix` repairs it, and .docx findings add the places
a writer finds in Word: `section`, `shown_paragraph` (counted as Word's Navigation pane shows paragraphs),
`cell` and `quote`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .. import __version__
from ..findings import Finding

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, TextIO

    from ..findings import Related
    from ..model import Location
    from ..runner import FileResult


def finding_dict(f: Finding, lang: str) -> dict:
    loc = f.location
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message(lang),
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "paragraph": loc.paragraph,
        "heading": loc.heading,
        "text": loc.text,
        "suggestion": f.suggestion(lang) if f.suggestion is not None else None,
        "fixable": f.fix is not None and f.fix.safe and f.fix.refused is None,
        "related": [related_dict(rel, lang) for rel in f.related],
        **docx_place(loc),
    }


def docx_place(loc: Location) -> dict:
    """The places a writer finds in Word (.docx); the keys are there, null, for the text formats too."""
    return {"section": loc.section, "shown_paragraph": loc.shown, "cell": list(loc.cell) if loc.cell else None,
            "quote": loc.quote, "note": loc.note}


def related_dict(rel: Related, lang: str) -> dict:
    loc = rel.location
    out = {"path": rel.path, "line": loc.line, "column": loc.column, "paragraph": loc.paragraph,
           "message": rel.label(lang)}
    if loc.line is None:
        out.update(shown_paragraph=loc.shown, quote=loc.quote)
    return out


def report(results: Sequence[FileResult], out: TextIO, *, lang: str = "nl", color: bool = False,
           **_context: Any) -> None:
    files = []
    total = errors = 0
    for r in results:
        findings = [finding_dict(f, lang) for f in r.findings]
        total += len(findings)
        errors += sum(1 for f in r.findings if f.severity == "error")
        error = r.error(lang) if r.error is not None else None
        files.append({"path": r.path, "error": error, "findings": findings})
    from .text import rule_table

    rules = [{"rule": rule, "severity": sev, "count": n, "fixable": k} for rule, sev, n, k in rule_table(results)]
    data = {"version": __version__, "files": files,
            "summary": {"files": len(files), "findings": total, "errors": errors, "rules": rules}}
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")

"""JSON output, in exactly the shape other tools read (see docs/usage.md)."""

from __future__ import annotations

import json

from .. import __version__
from ..findings import Finding


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
    }


def report(results, out, *, lang: str = "nl", color: bool = False, **_context) -> None:
    files = []
    total = errors = 0
    for r in results:
        findings = [finding_dict(f, lang) for f in r.findings]
        total += len(findings)
        errors += sum(1 for f in r.findings if f.severity == "error")
        error = r.error(lang) if r.error is not None else None
        files.append({"path": r.path, "error": error, "findings": findings})
    data = {"version": __version__, "files": files,
            "summary": {"files": len(files), "findings": total, "errors": errors}}
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")

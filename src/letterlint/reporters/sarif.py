"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub code scanning, Azure DevOps, …).

One run; `tool.driver.rules` describes every rule that ran (id, summary, documentation as help text,
default level); each result has its rule, level, message (with the suggestion), and a location:

* text exports and Markdown: a physical location with a region (1-based line and column, `endColumn` one
  past the last character, as SARIF counts) and the offending text as snippet;
* .docx: a Word file has no lines, but GitHub's code scanning needs a region with a startLine: the
  startLine is the paragraph number as letterlint counts it for writers (non-empty body paragraphs outside
  tables, see docs/output.md), and the message says so; a logical location names the paragraph, the
  footnote if any and the section heading.

`Finding.related` become relatedLocations; `partialFingerprints["letterlint/v1"]` is the hash of rule,
offending text and its context (the same key as baselines), so alerts survive edits elsewhere in a file.
Files that could not be read are tool execution notifications.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from .. import __version__
from ..baseline import fingerprint
from .json import dump

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, TextIO

    from ..findings import Finding
    from ..model import Location
    from ..registry import Rule
    from ..runner import FileResult, Plan

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
WORDS = {
    "nl": {"paragraph": "alinea", "footnote": "voetnoot", "endnote": "eindnoot", "at": "bij"},
    "en": {"paragraph": "paragraph", "footnote": "footnote", "endnote": "endnote", "at": "at"},
}


def artifact_location(path: str) -> dict:
    """A URI for a path: relative paths against %SRCROOT% (the working folder), absolute ones as file: URIs."""
    uri, base = _uri(path)
    return {"uri": uri, "uriBaseId": base} if base else {"uri": uri}


@lru_cache(maxsize=256)
def _uri(path: str) -> tuple[str, str | None]:
    """The URI of a path, and its base (None: absolute): made once per file, not once per finding (a
    result names its file two or three times; a report has thousands of results)."""
    if os.path.isabs(path):
        return Path(path).as_uri(), None
    posix = Path(os.path.normpath(path)).as_posix()
    return quote(os.fsencode(posix), safe="/"), SRCROOT  # bytes: undecodable names too


def paragraph_name(loc: Location, lang: str) -> str:
    from .text import paragraph_words

    return paragraph_words(loc, lang)


def docx_line(loc: Location) -> int:
    """The startLine of a .docx finding: its paragraph as counted for writers (never below 1)."""
    return max(loc.shown if loc.shown is not None else loc.paragraph, 1)


def docx_prefix(loc: Location, lang: str) -> str:
    """'alinea 12 «De leden…» (section) — regel 12 = alinea 12 in Word: ' for a .docx result's message."""
    from .text import docx_place

    n = docx_line(loc)
    explain = (f"line {n} = paragraph {n} of the Word file, counting non-empty paragraphs outside tables"
               if lang == "en" else
               f"regel {n} = alinea {n} van het Word-bestand, lege alinea's en tabellen niet meegeteld")
    return f"{docx_place(loc, lang)} [{explain}]: "


def _region(loc: Location) -> dict | None:
    if loc.line is None:
        return {"startLine": docx_line(loc)}
    empty = loc.raw_end <= loc.raw_start
    region: dict[str, Any] = {"startLine": loc.line, "startColumn": loc.column or 1,
                              "endLine": loc.end_line or loc.line,
                              "endColumn": (loc.column or 1) if empty else (loc.end_column or loc.column or 1) + 1}
    if loc.text:
        region["snippet"] = {"text": loc.text}
    return region


def location(path: str, loc: Location, lang: str, index: int | None = None) -> dict:
    art = artifact_location(path)
    if index is not None:
        art["index"] = index
    physical = {"artifactLocation": art, "region": _region(loc)}
    out: dict = {"physicalLocation": physical}
    if loc.line is None:  # .docx: name the paragraph and its section
        name = paragraph_name(loc, lang)
        section = loc.section or loc.heading
        logical = {"name": name, "kind": "element",
                   "fullyQualifiedName": f"{section} › {name}" if section else name}
        out["logicalLocations"] = [logical]
        props = {"paragraph": loc.paragraph, "shownParagraph": loc.shown, "heading": loc.heading,
                 "section": loc.section, "quote": loc.quote, "text": loc.text}
        if loc.note:
            props["note"] = loc.note
        out["properties"] = props
    return out


def _first_paragraph(doc: str) -> str:
    for block in doc.split("\n\n"):
        text = " ".join(block.split())
        if text:
            return text
    return ""


def rule_descriptor(rule_id: str, rule: Rule | None, severity: str, lang: str) -> dict:
    if rule is None:
        return {"id": rule_id, "name": rule_id, "defaultConfiguration": {"level": LEVEL.get(severity, "warning")}}
    summary = rule.summary(lang)
    doc, translated = rule.doc_in(lang)
    doc = doc or summary
    if translated:
        full, help_text = _first_paragraph(doc) or summary, doc
    else:  # no documentation in this language: say so rather than switch language unannounced
        full = summary
        help_text = f"{summary}\n\n(Uitgebreide documentatie, in het Engels: letterlint explain {rule_id})\n\n{doc}"
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVEL.get(severity, "warning")},
        "properties": {"tags": ["letterlint"], "fixable": bool(rule.fixable)},
    }


def _rules(results: Sequence[FileResult], plan: Plan | None, lang: str) -> tuple[list[dict], dict[str, int]]:
    descriptors: dict[str, dict] = {}
    if plan is not None:
        for active in plan.rules:
            descriptors[active.rule.id] = rule_descriptor(active.rule.id, active.rule, active.ctx.severity, lang)
    missing = {f.rule: f.severity for r in results for f in r.findings if f.rule not in descriptors}
    if missing:
        from ..registry import builtin_rules

        known = builtin_rules()
        for rule_id, severity in missing.items():
            descriptors[rule_id] = rule_descriptor(rule_id, known.get(rule_id), severity or "", lang)
    ordered = [descriptors[k] for k in sorted(descriptors)]
    return ordered, {d["id"]: i for i, d in enumerate(ordered)}


def _fix(f: Finding, path: str, region: dict | None, lang: str) -> dict | None:
    """A SARIF fix for a text format, when the fix replaces the finding's own span."""
    if f.fix is None or f.fix.refused is not None or region is None or f.location.line is None:
        return None
    own = (f.location.raw_start, f.location.raw_end)
    if f.fix.raw_start is not None and (f.fix.raw_start, f.fix.raw_end) != own:
        return None  # another span than the finding's
    deleted = {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")}
    label = f.suggestion(lang) if f.suggestion is not None else f.fix.replacement
    return {"description": {"text": label},
            "artifactChanges": [{"artifactLocation": artifact_location(path),
                                 "replacements": [{"deletedRegion": deleted,
                                                   "insertedContent": {"text": f.fix.replacement}}]}],
            "properties": {"safe": f.fix.safe}}


def build(results: Sequence[FileResult], *, lang: str = "nl", plan: Plan | None = None) -> dict:
    rules, rule_index = _rules(results, plan, lang)
    artifacts: list[dict] = []
    art_index: dict[str, int] = {}
    for r in results:
        if r.path not in art_index:
            art_index[r.path] = len(artifacts)
            artifacts.append({"location": artifact_location(r.path)})
    out_results, notifications = [], []
    for r in results:
        if r.error is not None:
            notifications.append({"level": "error", "message": {"text": r.error(lang)},
                                  "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}]})
        for problem in r.problems:
            notifications.append({"level": "error", "message": {"text": problem(lang)},
                                  "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}]})
        for f in r.findings:
            loc = location(r.path, f.location, lang, art_index[r.path])
            text = f.message(lang)
            if f.location.line is None:
                text = docx_prefix(f.location, lang) + text
            if f.suggestion is not None:
                text += f" → {f.suggestion(lang)}"
            result = {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": LEVEL.get(f.severity or "", "warning"),
                "message": {"text": text},
                "locations": [loc],
                "partialFingerprints": {"letterlint/v1": fingerprint(f)},
            }
            if f.related:
                result["relatedLocations"] = [
                    {**location(rel.path or r.path, rel.location, lang), "id": i + 1,
                     "message": {"text": rel.label(lang)}}
                    for i, rel in enumerate(f.related)
                ]
            fix = _fix(f, r.path, loc["physicalLocation"].get("region"), lang)
            if fix is not None:
                result["fixes"] = [fix]
            if f.suggestion is not None:
                result["properties"] = {"suggestion": f.suggestion(lang)}
            out_results.append(result)
    run = {
        "tool": {"driver": {"name": "letterlint", "version": __version__, "semanticVersion": __version__,
                            "rules": rules}},
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "artifacts": artifacts,
        "results": out_results,
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def report(results: Sequence[FileResult], out: TextIO, *, lang: str = "nl", color: bool = False, plan: Plan | None = None,
           **_context: Any) -> None:
    # json.dump(…, ensure_ascii=False, indent=2) byte for byte, without the standard library's Python encoder
    dump(build(results, lang=lang, plan=plan), out)
    out.write("\n")

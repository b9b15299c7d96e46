"""GitHub Actions workflow commands: findings become annotations on the pull request, within GitHub's limits.

    ::warning file=brieven/a.txt,line=233,col=302,endLine=233,endColumn=305,title=letterlint typo::«RVIM» …

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per job) and drops the
rest silently.  So errors come first, then warnings, then info findings as notices, at most LIMIT of each
(LIMIT - 1 notices: one is kept); then ONE notice says how many findings were not annotated, and those
follow as plain log lines (in a collapsed group), so nothing is lost.  File errors are annotations too (they
take the first error slots).

A .docx finding has no line: its annotation gets `line=` the paragraph as counted for writers (see
docs/output.md) and the message names the paragraph, a quote and the section.  Values are escaped as the
Actions toolkit does (`%`, CR and LF everywhere; also `:` and `,` in properties).

When `$GITHUB_STEP_SUMMARY` names a file, a Markdown summary (a table per rule) is appended to it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..findings import RANK
from .sarif import docx_line
from .text import docx_place, line, rule_table, severity_word, summary

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, TextIO

    from ..findings import Finding
    from ..runner import FileResult

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
LIMIT = 10  # annotations GitHub shows per severity and step


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: str) -> str:
    return path if path.startswith("<") else Path(os.path.normpath(path)).as_posix()


def command(kind: str, properties: dict, message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def annotation(path: str, f: Finding, lang: str) -> str:
    loc = f.location
    props: dict = {"file": _path(path)}
    message = f.message(lang)
    if loc.line is not None:
        end_line = loc.end_line or loc.line
        props["line"] = loc.line
        if end_line == loc.line:  # GitHub takes columns only for an annotation on one line
            props.update(col=loc.column, endLine=end_line, endColumn=loc.end_column)
        else:
            props["endLine"] = end_line
    else:  # .docx: the paragraph as line, and the place in words
        props["line"] = docx_line(loc)
        message = f"{docx_place(loc, lang)}: {message}"
    props["title"] = f"letterlint {f.rule}"
    if f.suggestion is not None:
        message += f" → {f.suggestion(lang)}"
    return command(COMMAND.get(f.severity or "", "warning"), props, message)


def _plan(results):
    """(annotated, rest): errors first, then warnings, at most LIMIT each (file errors use error slots)."""
    errors_left = LIMIT - sum((r.error is not None) + len(r.problems) for r in results)
    left = {"error": max(errors_left, 0), "warning": LIMIT, "info": LIMIT - 1}  # one notice for "N more"
    ordered = sorted(((r.path, f) for r in results for f in r.findings), key=lambda pf: -RANK[pf[1].severity])
    annotated, rest = [], []
    for path, f in ordered:
        if left[f.severity] > 0:
            left[f.severity] -= 1
            annotated.append((path, f))
        else:
            rest.append((path, f))
    return annotated, rest


def _more_notice(rest: list[tuple[str, Finding]], lang: str) -> str:
    n = len(rest)
    by = {s: sum(1 for _, f in rest if f.severity == s) for s in ("error", "warning", "info")}
    parts = ", ".join(f"{k} {severity_word(s, lang)}" for s, k in by.items() if k)
    if lang == "en":
        text = (f"{n} more finding{'s' if n != 1 else ''} not shown as annotations ({parts}): GitHub shows "
                f"{LIMIT} per severity; see the log of this step, or upload SARIF (--format sarif)")
    else:
        text = (f"Nog {n} bevinding{'en' if n != 1 else ''} zonder annotatie ({parts}): GitHub toont er {LIMIT} "
                "per ernst; zie het log van deze stap, of upload SARIF (--format sarif)")
    return command("notice", {"title": "letterlint"}, text)


def report(results: Sequence[FileResult], out: TextIO, *, lang: str = "nl", color: bool = False,
           **_context: Any) -> None:
    for r in results:
        if r.error is not None:
            out.write(command("error", {"file": _path(r.path), "title": "letterlint"}, r.error(lang)) + "\n")
        for problem in r.problems:
            out.write(command("error", {"file": _path(r.path), "title": "letterlint"}, problem(lang)) + "\n")
    annotated, rest = _plan(results)
    for path, f in annotated:
        out.write(annotation(path, f, lang) + "\n")
    if rest:
        out.write(_more_notice(rest, lang) + "\n")
        title = "the other findings" if lang == "en" else "de andere bevindingen"
        out.write(f"::group::letterlint: {title} ({len(rest)})\n")
        for path, f in rest:
            text = " ".join(line(path, f, lang, False).splitlines())
            out.write(("  " + text if text.startswith("::") else text) + "\n")  # never a workflow command
        out.write("::endgroup::\n")
    out.write(summary(results, lang) + "\n")
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        try:
            with open(step_summary, "a", encoding="utf-8") as fh:
                fh.write(markdown_summary(results, lang))
        except OSError:
            pass  # the summary is a courtesy; the annotations and the exit code carry the result


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_summary(results: Sequence[FileResult], lang: str) -> str:
    """A Markdown section for the job summary page: the totals, a table per rule, the files with errors."""
    en = lang == "en"
    lines = ["## letterlint", "", summary(results, lang), ""]
    rows = rule_table(results)
    if rows:
        head = ("Rule", "Severity", "Findings", "Fixable with --fix") if en else (
            "Regel", "Ernst", "Bevindingen", "Te herstellen met --fix")
        lines += ["| " + " | ".join(head) + " |", "|---|---|---:|---:|"]
        lines += [f"| `{rule}` | {severity_word(sev, lang)} | {n} | {k} |" for rule, sev, n, k in rows]
        lines.append("")
    worst = [(r.path, sum(1 for f in r.findings if f.severity == "error"), len(r.findings)) for r in results
             if r.findings]
    if worst:
        files_head = ("File", "Errors", "Findings") if en else ("Bestand", "Fouten", "Bevindingen")
        lines += ["| " + " | ".join(files_head) + " |", "|---|---:|---:|"]
        lines += [f"| {_cell(p)} | {e} | {n} |" for p, e, n in sorted(worst, key=lambda w: (-w[1], -w[2], w[0]))[:50]]
        lines.append("")
    for r in results:
        if r.error is not None:  # unread
            lines.append(f"- ⚠ {_cell(r.path)}: {_cell(r.error(lang))}")
    return "\n".join(lines) + "\n"

"""GitHub Actions workflow commands: every finding becomes an annotation on the pull request.

    ::warning file=brieven/a.txt,line=233,col=302,endLine=233,endColumn=305,title=letterlint typo::«RVIM» …

error → `::error`, warning → `::warning`, info → `::notice`.  Columns are given only for a finding on one
line (GitHub ignores them otherwise).  A .docx finding has no line: it gets `file=` only, and the message
names the paragraph and heading.  Values are escaped as the Actions toolkit does (`%`, CR and LF
everywhere; also `:` and `,` in properties).  A summary line ends the output.
"""

from __future__ import annotations

import os
from pathlib import Path

from .sarif import paragraph_name
from .text import summary

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: str) -> str:
    return path if path.startswith("<") else Path(os.path.normpath(path)).as_posix()


def command(kind: str, properties: dict, message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def annotation(path: str, f, lang: str) -> str:
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
    else:  # .docx: no lines
        heading = f" ({loc.heading})" if loc.heading else ""
        message = f"{paragraph_name(loc, lang)}{heading}: {message}"
    props["title"] = f"letterlint {f.rule}"
    if f.suggestion is not None:
        message += f" → {f.suggestion(lang)}"
    return command(COMMAND.get(f.severity, "warning"), props, message)


def report(results, out, *, lang: str = "nl", color: bool = False, **_context) -> None:
    for r in results:
        if r.error is not None:
            out.write(command("error", {"file": _path(r.path), "title": "letterlint"}, r.error(lang)) + "\n")
        for problem in r.problems:
            out.write(command("error", {"file": _path(r.path), "title": "letterlint"}, problem(lang)) + "\n")
        for f in r.findings:
            out.write(annotation(r.path, f, lang) + "\n")
    out.write(summary(results, lang) + "\n")

"""JUnit XML, for CI systems that show test reports (GitLab `reports: junit`, Jenkins, Azure DevOps).

One <testsuite> per file; each finding at or above a warning is a <testcase> with a <failure> (its rule,
severity, place and message); info findings are passing test cases with the message as <system-out>; a
file without findings is one passing test case; a file that could not be read is an <error>.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from ..lazyre import lazy_re
from .text import line, where

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, TextIO

    from ..findings import Finding
    from ..runner import FileResult

_NOT_XML = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0, even escaped


def escape(text: str) -> str:
    return _escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    return _quoteattr(_NOT_XML.sub("\ufffd", text))


def _case(path: str, f: Finding, lang: str) -> str:
    name = quoteattr(f"{f.rule} {where(path, f.location, lang).rstrip(':')}")
    text = escape(line(path, f, lang, False))
    if f.severity == "info":
        return f'    <testcase classname={quoteattr(path)} name={name}><system-out>{text}</system-out></testcase>'
    message = quoteattr(f.message(lang))
    return (f'    <testcase classname={quoteattr(path)} name={name}>'
            f'<failure type={quoteattr(f.severity or "")} message={message}>{text}</failure></testcase>')


def report(results: Sequence[FileResult], out: TextIO, *, lang: str = "nl", color: bool = False,
           **_context: Any) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    total = sum(max(len(r.findings), 1) for r in results)
    failures = sum(1 for r in results for f in r.findings if f.severity != "info")
    errors = sum(1 for r in results if r.error is not None or r.problems)
    out.write(f'<testsuites name="letterlint" tests="{total}" failures="{failures}" errors="{errors}">\n')
    for r in results:
        fails = sum(1 for f in r.findings if f.severity != "info")
        err = int(r.error is not None or bool(r.problems))
        out.write(f'  <testsuite name={quoteattr(r.path)} tests="{max(len(r.findings), 1)}" failures="{fails}" '
                  f'errors="{err}">\n')
        if r.error is not None or r.problems:
            text = "; ".join(m(lang) for m in ([r.error] if r.error is not None else []) + list(r.problems))
            out.write(f'    <testcase classname={quoteattr(r.path)} name="letterlint">'
                      f'<error message={quoteattr(text)}>{escape(text)}</error></testcase>\n')
        elif not r.findings:
            out.write(f'    <testcase classname={quoteattr(r.path)} name="letterlint"/>\n')
        for f in r.findings:
            out.write(_case(r.path, f, lang) + "\n")
        out.write("  </testsuite>\n")
    out.write("</testsuites>\n")

"""Text output for people: one line per finding, grouped per file, coloured only on a terminal.

    path:line:col: severity [rule] message → suggestion          (text exports, Markdown)
    path ¶N (heading): severity [rule] message → suggestion      (.docx)
"""

from __future__ import annotations

from typing import Any

from ..findings import Finding

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
DIM, BOLD, RESET = "\033[2m", "\033[1m", "\033[0m"
WORDS: dict[str, dict[str, Any]] = {
    "nl": {"note": {"footnote": "voetnoot", "endnote": "eindnoot"}, "see": "zie ook"},
    "en": {"note": {"footnote": "footnote", "endnote": "endnote"}, "see": "see also"},
}


def _short(text: str | None, limit: int = 50) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def where(path: str, loc, lang: str) -> str:
    note = f" {WORDS[lang]['note'].get(loc.part, loc.part)} {loc.note}" if loc.note else ""
    if loc.line is not None:
        return f"{path}:{loc.line}:{loc.column}:"
    heading = f" ({_short(loc.heading)})" if loc.heading else ""
    return f"{path} ¶{loc.paragraph}{note}{heading}:"


def line(path: str, f: Finding, lang: str, color: bool) -> str:
    sev = f.severity
    sev_text = f"{COLORS.get(sev or '', '')}{sev}{RESET}" if color else sev
    rule = f"{DIM}[{f.rule}]{RESET}" if color else f"[{f.rule}]"
    text = f"{where(path, f.location, lang)} {sev_text} {rule} {f.message(lang)}"
    if f.suggestion is not None:
        text += f" → {f.suggestion(lang)}"
    return text


def summary(results, lang: str) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[f.severity] += 1
    unread = sum(1 for r in results if r.error is not None)
    n_files = len(results) - unread
    total = sum(counts.values())
    if lang == "en":
        files = f"{n_files} file{'s' if n_files != 1 else ''}"
        text = (f"No findings in {files}." if not total else
                f"{total} finding{'s' if total != 1 else ''} in {files}: {counts['error']} error(s), "
                f"{counts['warning']} warning(s), {counts['info']} info.")
        return text + (f" {unread} file(s) could not be read (see above)." if unread else "")
    files = f"{n_files} bestand{'en' if n_files != 1 else ''}"
    text = (f"Geen bevindingen in {files}." if not total else
            f"{total} bevinding{'en' if total != 1 else ''} in {files}: {counts['error']} fout(en), "
            f"{counts['warning']} waarschuwing(en), {counts['info']} info.")
    return text + (f" {unread} bestand(en) kon(den) niet worden gelezen (zie hierboven)." if unread else "")


def report(results, out, *, lang: str = "nl", color: bool = False, **_context) -> None:
    first = True
    for r in results:
        if not r.findings:
            continue
        if not first:
            out.write("\n")
        first = False
        for f in r.findings:
            out.write(line(r.path, f, lang, color) + "\n")
            for rel in f.related:
                out.write(f"    {WORDS[lang]['see']}: {where(rel.path or r.path, rel.location, lang)} {rel.label(lang)}\n")
    if not first:
        out.write("\n")
    out.write(summary(results, lang) + "\n")

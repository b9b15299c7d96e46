"""Text output for people: per file, errors first, then a summary per rule.

    path:line:col: waarschuwing [rule] message → suggestion                              (text exports, Markdown)
    path alinea 12 «De leden van de VVD-fractie…» (Vragen en … VVD-fractie): fout [rule] message   (.docx)

Options (from the command line): `show` hides findings below a severity (the summary still counts them);
`group_by="rule"` lists the findings per rule instead of per file; `statistics` prints only the summary;
`quiet` prints only the findings.  More than REPEAT findings of one rule in one paragraph are shown as the
first REPEAT and one line with the count (all of them stay in JSON and SARIF).  How a .docx place is
written (the paragraph count, the quote, the section) is explained in docs/output.md.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..findings import RANK, Finding

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TextIO

    from ..model import Location
    from ..runner import FileResult

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
DIM, BOLD, RESET = "\033[2m", "\033[1m", "\033[0m"
REPEAT = 2
SEVERITY = {
    "nl": {"error": "fout", "warning": "waarschuwing", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
WORDS: dict[str, dict[str, Any]] = {
    "nl": {"note": {"footnote": "voetnoot", "endnote": "eindnoot"}, "see": "zie ook", "paragraph": "alinea",
           "at": "bij", "table": "tabel {0}, rij {1}, kolom {2}", "after": "na", "char": "teken"},
    "en": {"note": {"footnote": "footnote", "endnote": "endnote"}, "see": "see also", "paragraph": "paragraph",
           "at": "at", "table": "table {0}, row {1}, column {2}", "after": "after", "char": "char"},
}


def severity_word(severity: str, lang: str) -> str:
    return SEVERITY.get(lang, SEVERITY["nl"]).get(severity, severity)


def _short(text: str | None, limit: int = 60) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def paragraph_words(loc: Location, lang: str) -> str:
    """'alinea 12', 'tabel 1, rij 2, kolom 1 (na alinea 40)', 'voetnoot 3 (bij alinea 12)' — no quote, no section."""
    w = WORDS["en" if lang == "en" else "nl"]
    number = loc.shown if loc.shown is not None else loc.paragraph
    if loc.cell is not None:
        base = w["table"].format(*loc.cell) + (f" ({w['after']} {w['paragraph']} {number})" if loc.shown else "")
    else:
        base = f"{w['paragraph']} {number}"
    if loc.note and loc.part in ("footnote", "endnote"):
        return f"{w['note'].get(loc.part, loc.part)} {loc.note} ({w['at']} {base})"
    return base


SECTION_CHARS = 70


def section_words(section: str, limit: int = SECTION_CHARS) -> str:
    """A section path («party heading › subheading») in `limit` characters: the innermost heading — the one a
    writer navigates by — whole; the outer ones shortened at a word boundary, or left out ("… › Proces")."""
    from ..places import shorten_words

    section = " ".join(section.split())
    if len(section) <= limit:
        return section
    *outer, inner = section.split(" › ")
    inner = shorten_words(inner, limit)
    room = limit - len(inner) - len(" › ")
    if not outer or room < 12:
        return f"… › {inner}" if outer and len(inner) + 4 <= limit else inner
    return f"{shorten_words(' › '.join(outer), room)} › {inner}"


def docx_place(loc: Location, lang: str, char: bool = False) -> str:
    """The place of a .docx finding as a writer finds it in Word: paragraph count, quote to search, section;
    with `char`, the character position in the paragraph too (for two findings in one paragraph)."""
    text = paragraph_words(loc, lang)
    if char:
        text += f", {WORDS['en' if lang == 'en' else 'nl']['char']} {loc.raw_start + 1}"
    if loc.quote:
        text += f" «{loc.quote}…»"
    section = loc.section or loc.heading
    if section:
        text += f" ({section_words(section)})"
    return text


def where(path: str, loc: Location, lang: str, char: bool = False) -> str:
    if loc.line is not None:
        return f"{path}:{loc.line}:{loc.column}:"
    return f"{path} {docx_place(loc, lang, char)}:"


def line(path: str, f: Finding, lang: str, color: bool, char: bool = False) -> str:
    sev = severity_word(f.severity or "warning", lang)
    sev_text = f"{COLORS.get(f.severity or '', '')}{sev}{RESET}" if color else sev
    rule = f"{DIM}[{f.rule}]{RESET}" if color else f"[{f.rule}]"
    text = f"{where(path, f.location, lang, char)} {sev_text} {rule} {f.message(lang)}"
    if f.suggestion is not None:
        text += f" → {f.suggestion(lang)}"
    return text


def fixable(f: Finding) -> bool:
    return f.fix is not None and f.fix.safe and f.fix.refused is None


def summary(results: Sequence[FileResult], lang: str) -> str:
    from ..wording import count

    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[f.severity or ""] += 1
    unread = sum(1 for r in results if r.error is not None)
    n_files = len(results) - unread
    total = sum(counts.values())
    en = lang == "en"
    files = count(n_files, "file", lang)
    if not total:
        text = f"No findings in {files}." if en else f"Geen bevindingen in {files}."
    else:
        parts = ", ".join(count(counts[k], k, lang) for k in ("error", "warning", "info"))
        text = f"{count(total, 'finding', lang)} in {files}: {parts}."
    if unread:
        text += (f" {count(unread, 'file', lang)} could not be read (see above)." if en else
                 f" {count(unread, 'file', lang)} {'kon' if unread == 1 else 'konden'} niet worden gelezen "
                 "(zie hierboven).")
    return text


# -- the per-rule summary ----------------------------------------------------------------------------------


def rule_table(results: Sequence[FileResult]) -> list[tuple[str, str, int, int]]:
    """(rule, severity, count, fixable) per rule and severity: errors first, then by count."""
    count: Counter = Counter()
    fix: Counter = Counter()
    for r in results:
        for f in r.findings:
            key = (f.rule, f.severity)
            count[key] += 1
            fix[key] += fixable(f)
    rows = [(rule, sev, n, fix[(rule, sev)]) for (rule, sev), n in count.items()]
    return sorted(rows, key=lambda row: (-RANK[row[1]], -row[2], row[0]))


def statistics(results: Sequence[FileResult], lang: str, hidden: int = 0, show: str = "info") -> list[str]:
    rows = rule_table(results)
    if not rows:
        return [summary(results, lang)]
    en = lang == "en"
    head = ("rule", "severity", "count", "--fix") if en else ("regel", "ernst", "aantal", "--fix")
    table = [head] + [(rule, severity_word(sev, lang), str(n), str(k) if k else "") for rule, sev, n, k in rows]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    out = ["  ".join(cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(row)).rstrip()
           for row in table]
    total_fix = sum(row[3] for row in rows)
    out.append(summary(results, lang))
    if total_fix:
        out.append(f"{total_fix} can be repaired with letterlint --fix." if en else
                   f"{total_fix} daarvan kan letterlint --fix herstellen.")
    if hidden:
        word = severity_word(show, lang)
        from ..wording import count

        out.append(f"{count(hidden, 'finding', lang)} below {word} not shown (--show info shows all)." if en else
                   f"{count(hidden, 'finding', lang)} onder {word} niet getoond (--show info toont alles).")
    return out


# -- the findings ------------------------------------------------------------------------------------------


def _display_order(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; in document order within each."""
    return sorted(findings, key=lambda f: (-RANK.get(f.severity or "", 1), f.sort_key()))


def _collapse(findings: list[Finding], lang: str) -> list[tuple[Finding, int]]:
    """(finding, n more of its kind in its paragraph): at most REPEAT per rule and paragraph are shown."""
    seen: Counter = Counter()
    total: Counter = Counter()
    key = lambda f: (f.rule, f.severity, f.location.part, f.location.note, f.location.paragraph)  # noqa: E731
    for f in findings:
        total[key(f)] += 1
    out = []
    for f in findings:
        k = key(f)
        seen[k] += 1
        if seen[k] <= REPEAT:
            out.append((f, total[k] - REPEAT if seen[k] == REPEAT and total[k] > REPEAT else 0))
    return out


def _more(n: int, f: Finding, lang: str) -> str:
    if lang == "en":
        return f"    … and {n} more [{f.rule}] in this paragraph (--format json lists them all)"
    return f"    … en nog {n} × [{f.rule}] in deze alinea (--format json toont ze alle)"


def _shared_paragraphs(findings: list[Finding]) -> set:
    """The (rule, paragraph) keys of .docx findings that share a paragraph with another of their rule: their
    lines name the character position too, or two occurrences would print as the same line."""
    seen: Counter = Counter(_paragraph_key(f) for f in findings if f.location.line is None)
    return {k for k, n in seen.items() if n > 1}


def _paragraph_key(f: Finding) -> tuple:
    return (f.rule, f.location.part, f.location.note, f.location.paragraph)


def _write_finding(out: TextIO, path: str, f: Finding, more: int, lang: str, color: bool, shared: set | frozenset = frozenset()) -> None:
    out.write(line(path, f, lang, color, _paragraph_key(f) in shared) + "\n")
    w = WORDS["en" if lang == "en" else "nl"]
    for rel in f.related:
        out.write(f"    {w['see']}: {where(rel.path or path, rel.location, lang)} {rel.label(lang)}\n")
    if more:
        out.write(_more(more, f, lang) + "\n")


def visible(results: Sequence[FileResult], show: str) -> tuple[list[tuple[FileResult, list[Finding]]], int]:
    """Per result: the findings at or above `show`, in display order; and how many were hidden."""
    threshold = RANK.get(show, 0)
    shown, hidden = [], 0
    for r in results:
        keep = [f for f in r.findings if RANK[f.severity or ""] >= threshold]
        hidden += len(r.findings) - len(keep)
        shown.append((r, _display_order(keep)))
    return shown, hidden


def _by_file(out: TextIO, shown: list[tuple[FileResult, list[Finding]]], lang: str, color: bool) -> bool:
    first = True
    for r, findings in shown:
        if not findings:
            continue
        if not first:
            out.write("\n")
        first = False
        shared = _shared_paragraphs(findings)
        for f, more in _collapse(findings, lang):
            _write_finding(out, r.path, f, more, lang, color, shared)
    return not first


def _by_rule(out: TextIO, shown: list[tuple[FileResult, list[Finding]]], lang: str, color: bool) -> bool:
    groups: dict[str, list] = {}
    for r, findings in shown:
        for f in findings:
            groups.setdefault(f.rule, []).append((r.path, f))
    order = sorted(groups, key=lambda rule: (-max(RANK[f.severity] for _, f in groups[rule]), -len(groups[rule]), rule))
    for i, rule in enumerate(order):
        if i:
            out.write("\n")
        title = f"[{rule}] {len(groups[rule])}×"
        out.write((f"{BOLD}{title}{RESET}" if color else title) + "\n")
        by_path: dict[str, list] = {}
        for path, f in groups[rule]:
            by_path.setdefault(path, []).append(f)
        for path, findings in by_path.items():
            shared = _shared_paragraphs(findings)
            for f, more in _collapse(findings, lang):
                _write_finding(out, path, f, more, lang, color, shared)
    return bool(order)


def report(results: Sequence[FileResult], out: TextIO, *, lang: str = "nl", color: bool = False, show: str = "warning", group_by: str = "file",
           statistics_only: bool = False, quiet: bool = False, **_context: Any) -> None:
    shown, hidden = visible(results, show)
    if not statistics_only:
        wrote = (_by_rule if group_by == "rule" else _by_file)(out, shown, lang, color)
        if quiet:
            return
        if wrote:
            out.write("\n")
    elif quiet:
        return
    # --statistics shows no findings but counts them all: nothing is hidden, so no note says so
    for text in statistics(results, lang, 0 if statistics_only else hidden, show):
        out.write(text + "\n")

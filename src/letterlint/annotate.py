"""Findings as Word comments: `letterlint draft.docx --annotate out.docx`.

Writes a copy of the draft in which every finding is a Word comment — author "letterlint", initials "LL" —
anchored at the offending text, so that a writer sees the findings in Word's margin and works through them
with Word's own review tools.  The comment says the rule id and severity, the message, and the suggestion
where there is one (in the language of `--lang`).

* A finding with a span is anchored at exactly that text (`w:commentRangeStart`/`w:commentRangeEnd` around
  it, then a run with `w:commentReference`; runs are split where the span starts or ends inside one).
* A finding without a precise span (an empty span: a hidden bookmark, a missing answer …) is anchored at its
  whole paragraph.
* A finding in a footnote or endnote is anchored at the note's reference mark in the running text, and its
  comment starts with "In voetnoot N:".  Word can hold comments inside notes, but LibreOffice (7.4) refuses
  to open a .docx with a comment reference in footnotes.xml — and a copy every writer can open matters more.
* Existing comments are kept; new ones get fresh ids.  A document without comments gets a comments part,
  with its relationship and content-type override.  All other parts are copied byte for byte.
* The input is never changed, and `out` may not be the input.  Text exports and Markdown are refused: they
  have no place for comments (the report is the way to see their findings).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .findings import Finding
from .model import Document

AUTHOR = "letterlint"
INITIALS = "LL"

SEVERITY_WORDS = {
    "nl": {"error": "fout", "warning": "waarschuwing", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


class AnnotateError(Exception):
    """The copy could not be written; the message says why (in English; `nl` holds the Dutch)."""

    def __init__(self, nl: str, en: str):
        super().__init__(en)
        self.nl, self.en = nl, en

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


def comment_lines(f: Finding, lang: str) -> list[str]:
    """The paragraphs of the comment for one finding."""
    severity = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["nl"]).get(f.severity or "", f.severity or "")
    lines = [f"{f.rule} ({severity}): {f.message(lang)}"]
    if f.suggestion is not None:
        lines.append(("Suggestion: " if lang == "en" else "Suggestie: ") + f.suggestion(lang))
    for rel in f.related:
        where = f"¶{rel.location.paragraph}"
        if rel.location.note:
            where += f" ({rel.location.part} {rel.location.note})"
        lines.append(f"{'See also' if lang == 'en' else 'Zie ook'}: {where} {rel.label(lang)}")
    return lines


def _now() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime.now(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def annotate(data: bytes, doc: Document, findings: list[Finding], lang: str = "nl",
             date: str | None = None) -> tuple[bytes, int]:
    """The .docx `data` with one comment per finding; and the number of comments added."""
    from .docx_edit import DocxEditor, EditError
    from .readers import read_bytes

    if doc.format != "docx":
        raise AnnotateError(
            "--annotate werkt alleen voor Word-bestanden (.docx); bij tekst en Markdown staan de bevindingen in het rapport",
            "--annotate works for Word files (.docx) only; for text and Markdown the findings are in the report",
        )
    raws = {p.xml: p.raw for p in doc.blocks() if p.xml is not None}
    notes = {p.xml: n for n in doc.notes for p in n.paragraphs if p.xml is not None}
    hosts = {(r.kind, r.id): r.paragraph.xml for r in doc.note_refs}
    fallback = next((p.xml for p in doc.paragraphs if p.xml is not None), None)
    note_word = {"footnote": "footnote" if lang == "en" else "voetnoot",
                 "endnote": "endnote" if lang == "en" else "eindnoot"}
    try:
        editor = DocxEditor(data, doc.meta.get("main_part") or "word/document.xml")
        cid = editor.next_comment_id()
        comments = []
        for f in findings:
            loc = f.location
            lines = comment_lines(f, lang)
            note = notes.get(loc.xml) if loc.xml is not None else None
            if note is not None:
                lines[0] = f"In {note_word.get(note.kind, note.kind)} {note.label}: {lines[0]}"
                if editor.anchor_comment_at_reference(note.kind, note.id, cid):
                    comments.append((cid, lines))
                    cid += 1
                    continue
                host = hosts.get((note.kind, note.id))  # no reference run: the referencing paragraph
                key, start, end = (host, 0, 0) if host in raws else (fallback, 0, 0)
                if key is None:
                    continue
            elif loc.xml in raws:
                key, start, end = loc.xml, loc.raw_start, loc.raw_end
            elif fallback is not None:  # a finding about the whole document: its first paragraph
                key, start, end = fallback, 0, 0
            else:
                continue
            editor.anchor_comment(key[0], key[1], raws[key], start, end, cid)
            comments.append((cid, lines))
            cid += 1
        editor.add_comments(comments, AUTHOR, INITIALS, date or _now())
        out = editor.save()
    except EditError as exc:
        raise AnnotateError(f"de kopie met opmerkingen kon niet worden gemaakt ({exc})",
                            f"could not write the annotated copy ({exc})") from None
    # the result must read back with every new comment anchored
    check = read_bytes(out, doc.path)
    ours = [c for c in check.comments if c.author == AUTHOR and c.paragraph is not None]
    before = sum(1 for c in doc.comments if c.author == AUTHOR and c.paragraph is not None)
    if len(ours) - before != len(comments):
        raise AnnotateError("de kopie met opmerkingen is niet goed gelukt (niet alle opmerkingen zijn verankerd)",
                            "the annotated copy came out wrong (not every comment is anchored)")
    return out, len(comments)


def same_file(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False

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
from typing import TYPE_CHECKING

from .findings import Finding
from .model import Document
from .wording import note_noun, note_place, place

if TYPE_CHECKING:
    from collections.abc import Callable

    from .docx_edit import DocxEditor

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
        where = place(rel.location, lang)  # the count the finding's message and the text output use
        if rel.location.note:
            where += f" ({note_place(rel.location.part, rel.location.note, lang)})"
        lines.append(f"{'See also' if lang == 'en' else 'Zie ook'}: {where} {rel.label(lang)}")
    return lines


def timestamp() -> str:
    """Now (or SOURCE_DATE_EPOCH, for reproducible output) as the UTC time stamp Word writes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime.now(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


CommentAnchor = tuple[tuple[str, int], int, int]  # (part, ordinal of the w:p), raw start, raw end
NOTE_WORDS = {lang: {kind: note_noun(kind, lang) for kind in ("footnote", "endnote")} for lang in ("nl", "en")}


def annotate(data: bytes, doc: Document, findings: list[Finding], lang: str = "nl",
             date: str | None = None) -> tuple[bytes, int]:
    """The .docx `data` with one comment per finding; and the number of comments added."""
    from .docx_edit import DocxEditor, EditError

    if doc.format != "docx":
        raise AnnotateError(
            "--annotate werkt alleen voor Word-bestanden (.docx); bij tekst en Markdown staan de bevindingen in het rapport",
            "--annotate works for Word files (.docx) only; for text and Markdown the findings are in the report",
        )
    try:
        editor = DocxEditor(data, doc.info.main_part or "word/document.xml")
        comments = place_comments(editor, doc, [(f, comment_lines(f, lang)) for f in findings], lang)
        editor.add_comments(comments, AUTHOR, INITIALS, date or timestamp())
        out = editor.save()
    except EditError as exc:
        raise AnnotateError(f"de kopie met opmerkingen kon niet worden gemaakt ({exc})",
                            f"could not write the annotated copy ({exc})") from None
    check_anchored(out, doc, len(comments))
    return out, len(comments)


def place_comments(editor: DocxEditor, doc: Document, items: list[tuple[Finding, list[str]]], lang: str,
                   where: Callable[[Finding], CommentAnchor | None] | None = None) -> list[tuple[int, list[str]]]:
    """Anchor one comment per (finding, lines) in `editor`; the (id, lines) to write with add_comments.

    `where(finding)` gives the span to anchor at in `doc`'s coordinates (default: the finding's own).
    """
    raws = {p.xml: p.raw for p in doc.blocks() if p.xml is not None}
    notes = {p.xml: n for n in doc.notes for p in n.paragraphs if p.xml is not None}
    hosts = {(r.kind, r.id): r.paragraph.xml for r in doc.note_refs}
    fallback = next((p.xml for p in doc.paragraphs if p.xml is not None), None)
    words = NOTE_WORDS.get(lang, NOTE_WORDS["nl"])
    comments = []
    for f, lines in items:
        key = f.location.xml
        note = notes.get(key) if key is not None else None
        span: CommentAnchor | None
        if note is not None:
            lines = [f"In {words.get(note.kind, note.kind)} {note.label}: {lines[0]}", *lines[1:]]
            cid = editor.new_id()
            if editor.anchor_comment_at_reference(note.kind, note.id, cid):
                comments.append((cid, lines))
                continue
            host = hosts.get((note.kind, note.id))  # no reference run: the referencing paragraph
            span = _whole(host if host in raws else fallback)
        elif key is not None and key in raws:
            span = where(f) if where else (key, f.location.raw_start, f.location.raw_end)
        else:  # a finding about the whole document: its first paragraph
            span = _whole(fallback)
        if span is None:
            continue
        cid = editor.new_id()
        editor.anchor_comment(span[0][0], span[0][1], raws[span[0]], span[1], span[2], cid)
        comments.append((cid, lines))
    return comments


def _whole(key: tuple[str, int] | None) -> CommentAnchor | None:
    """The span of a whole paragraph (an empty one), or None without a paragraph."""
    return (key, 0, 0) if key is not None else None


def check_anchored(out: bytes, doc: Document, added: int, check: Document | None = None) -> None:
    """The result (`check`: it read back) must have every new comment anchored."""
    from .readers import read_bytes

    check = check or read_bytes(out, doc.path)
    ours = [c for c in check.comments if c.author == AUTHOR and c.paragraph is not None]
    before = sum(1 for c in doc.comments if c.author == AUTHOR and c.paragraph is not None)
    if len(ours) - before != added:
        raise AnnotateError("de kopie met opmerkingen is niet goed gelukt (niet alle opmerkingen zijn verankerd)",
                            "the annotated copy came out wrong (not every comment is anchored)")


def same_file(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False

"""The footnote analysis: references paired with bodies, the numbers a reader sees, locations, wording.

A shared analysis (`analyses.of(doc).notes`), built once per document for the six footnote rules.  How
references and bodies pair up is knowledge of how each exporter writes notes; that lives with the readers
(`readers/notes.py`).  What this module gives the rules is format-neutral: which reference goes with which
body, which are missing or unused (and why), the number a reader sees, and how to point at and name them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .findings import Related, msg
from .model import Document, Location, Note, NoteRef
from .readers.notes import STYLES, NoteStyle, missing_note_artefacts, note_style, pair_notes
from .wording import note_noun, note_place

if TYPE_CHECKING:
    from .findings import Msg

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass
class Notes:
    """The footnote structure of one document."""

    refs: list[NoteRef]  # references in the running text and in notes, in document order
    body_of: dict[int, Note] = field(default_factory=dict)  # id(ref) → the body it pairs with
    refs_of: dict[int, list[NoteRef]] = field(default_factory=dict)  # id(note) → its references
    bodies: list[Note] = field(default_factory=list)  # notes a reader can see (no separators, no POI errors)
    missing: list[tuple[NoteRef, str, object]] = field(default_factory=list)  # (ref, reason, detail)
    unused: list[tuple[Note, str, object]] = field(default_factory=list)  # (note, reason, detail)
    stray_errors: list = field(default_factory=list)  # POI "not found" artefacts with no reference
    display: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, id) → number a reader sees
    counts: dict[str, int] = field(default_factory=dict)  # kind → how many numbered notes a reader sees
    style: NoteStyle = field(default_factory=lambda: STYLES["docx"])  # how the file writes notes


def notes(doc: Document) -> Notes:
    """The footnote analysis of `doc` (shared: `analyses.of(doc).notes`)."""
    from . import analyses

    return analyses.of(doc).notes


def build_notes(doc: Document) -> Notes:
    info = Notes(refs=list(doc.note_refs), style=note_style(doc))
    errors = missing_note_artefacts(doc)
    poi_errors: dict[int, object] = {}  # id(note) → POI's "not found" text standing in for its body
    for note in doc.notes:
        if note.special is not None:
            continue
        error = next((errors[id(p)] for p in note.paragraphs if id(p) in errors), None)
        if error is not None and not note.text.strip():
            poi_errors[id(note)] = error
        else:
            info.bodies.append(note)

    pair_notes(doc, info, poi_errors)

    reported = {id(detail) for _, reason, detail in info.missing if reason == "poi-error"}
    info.stray_errors = [a for a in errors.values() if id(a) not in reported]
    _display_numbers(doc, info)
    return info


def _display_numbers(doc: Document, info: Notes) -> None:
    """The numbers a reader of the printed letter sees: notes numbered by their first reference."""
    counts = {"footnote": 0, "endnote": 0}
    for ref in info.refs:
        if ref.paragraph.part != "body" or ref.custom_mark:
            continue
        key = (ref.kind, ref.id)
        if key not in info.display:
            counts[ref.kind] = counts.get(ref.kind, 0) + 1
            info.display[key] = counts[ref.kind]
    info.counts = counts


# -- locations ---------------------------------------------------------------------------------------------


def ref_location(doc: Document, ref: NoteRef) -> Location:
    """The reference mark: its text in a text export or Markdown; in .docx the word it follows."""
    if notes(doc).style.marks_in_text:
        return doc.locate_raw(ref.paragraph, ref.raw_start, ref.raw_end)
    text = ref.paragraph.text
    start = ref.offset
    while start > 0 and not text[start - 1].isspace() and ref.offset - start < 40:
        start -= 1
    return doc.locate(ref.paragraph, start, ref.offset)


def body_location(doc: Document, note: Note) -> Location:
    """The note's body: the whole ``[N: …]`` marker in a text export, else the note's text."""
    if note.host is not None and note.raw_start is not None and note.raw_end is not None:
        start = note.raw_start
        if note.host.raw[start : start + 1] == " ":
            start += 1
        loc = doc.locate_raw(note.host, start, max(note.raw_end, start))
        return replace(loc, part=note.kind, note=note.label)  # the marker sits on a body line, but is the note
    if not note.paragraphs:
        return doc.locate_raw(note.host, 0, 0) if note.host is not None else Location(paragraph=1, heading=None, text="")
    first = note.paragraphs[0]
    loc = doc.locate(first, len(first.text), len(first.text)) if first.is_empty else doc.locate_paragraph(first)
    info = notes(doc)
    if not info.style.numbers_in_file and (note.kind, note.id) not in info.display:
        loc = replace(loc, note=None)  # no reference, so no number: its label would be the internal XML id
    if info.style.body_label and doc.source is not None and first.origin is not None:
        # take the definition's label "[^id]:" in, so the location starts where the definition does
        label = doc.source.rfind(info.style.body_label.format(id=note.id), 0, first.origin + 1)
        if label != -1 and not doc.source[label : first.origin].count("\n"):
            line, col = doc.line_col(label)
            loc = replace(loc, text=doc.source[label : loc.raw_end], line=line, column=col, raw_start=label)
    return loc


def ref_related(doc: Document, ref: NoteRef, label: Msg | None = None) -> Related:
    return Related(ref_location(doc, ref), label or msg("de verwijzing in de tekst", "the reference in the text"))


def body_related(doc: Document, note: Note, label: Msg | None = None) -> Related:
    return Related(body_location(doc, note), label or msg("de tekst van de noot", "the text of the note"))


# -- wording -------------------------------------------------------------------------------------------------


def noun(kind: str, lang: str = "nl") -> str:
    return note_noun(kind, lang)


def ref_shown(doc: Document, ref: NoteRef, info: Notes | None = None) -> str:
    """The reference as the writer sees it: the marker text, or in .docx the number in superscript."""
    info = info or notes(doc)
    if info.style.marks_in_text:
        return ref.paragraph.raw[ref.raw_start : ref.raw_end]
    if ref.custom_mark:
        return "*"
    number = info.display.get((ref.kind, ref.id))
    return str(number).translate(SUPERSCRIPT) if number else "¹"


def ref_desc(doc: Document, ref: NoteRef, info: Notes | None = None) -> str:
    """The reference for a message: the marker itself; in .docx (no line numbers) with the words around it."""
    info = info or notes(doc)
    shown = ref_shown(doc, ref, info)
    if info.style.marks_in_text:
        return shown
    return f"{shown} in {context(ref.paragraph.text, ref.offset, ref.offset, shown)}"


def note_name(doc: Document, note: Note, lang: str = "nl") -> str:
    """"voetnoot 3" (the number a reader sees; in a text export and Markdown the number in the file)."""
    info = notes(doc)
    label = note.id if info.style.numbers_in_file else (str(info.display.get((note.kind, note.id), "")) or f"id {note.id}")
    return note_place(note.kind, label, lang)


def context(text: str, start: int, end: int, shown: str, width: int = 25) -> str:
    """«…word⁵word…»: the reference shown between its neighbours, for messages."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    left = text[a:start]
    right = text[end:b]
    if a > 0:
        left = "…" + left.split(" ", 1)[-1] if " " in left else "…" + left
    if b < len(text):
        right = right.rsplit(" ", 1)[0] + "…" if " " in right else right + "…"
    return "«" + " ".join((left + shown + right).split("\n")) + "»"


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


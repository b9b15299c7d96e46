"""How each exporter writes footnotes and endnotes: pairing references with bodies (reader knowledge).

* text export (Apache POI): POI writes the body ``[N: …]`` once for every reference ``[footnoteRef:N]``,
  after the paragraph that holds it.  So references and bodies of one number pair one to one, a body in
  the reference's own paragraph first.  A reference left over is a reference without a body; a body left
  over is a body no reference uses.  The kind (footnote/endnote) is not trusted: POI writes both bodies
  alike, so pairing is by number only.  POI's text for a reference whose note does not exist
  (``!!! End note with ID "4" not found in document.``) is not a body.
* Markdown (pandoc): one definition ``[^id]: …`` serves every reference ``[^id]``; of two definitions with
  the same id pandoc uses the last, so the earlier ones are unused.
* .docx: a reference points by id at a ``w:footnote``/``w:endnote``; an id that does not exist, or that of a
  separator or continuation note, is a broken reference.  References inside deleted (tracked) text are not
  references, but their note is not reported as unused either: accepting the deletion removes it.

`pair_notes` fills a `footnotes.Notes` (the format-neutral result the rules read).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Document, Note, NoteRef

if TYPE_CHECKING:
    from ..footnotes import Notes


@dataclass(frozen=True, slots=True)
class NoteStyle:
    """How a file writes its notes: the reader knowledge the footnote rules need, stated as facts."""

    marks_in_text: bool  # references and bodies are text markers in the file (a fix can move them); else markup
    numbers_in_file: bool  # the note numbers are written in the file, so their order and gaps can be checked
    body_per_reference: bool  # the exporter writes one body per reference (a number twice = a copied note)
    numbers_from_one: bool  # the writer numbers from 1; else exporter ids (Word 1, LibreOffice 2, Google 0)
    ref_syntax: str | None  # how a reference is written, with {kind} and {id}; None: a number Word shows
    unknown_without_marks: bool  # no marker at all means the notes are unknown (text taken from a PDF)
    body_label: str | None = None  # the label that opens a note's body in the file, with {id}


STYLES = {
    "text": NoteStyle(marks_in_text=True, numbers_in_file=True, body_per_reference=True, numbers_from_one=False,
                      ref_syntax="[{kind}Ref:{id}]", unknown_without_marks=True),
    "markdown": NoteStyle(marks_in_text=True, numbers_in_file=True, body_per_reference=False,
                          numbers_from_one=True, ref_syntax="[^{id}]", unknown_without_marks=False, body_label="[^{id}]:"),
    "docx": NoteStyle(marks_in_text=False, numbers_in_file=False, body_per_reference=False, numbers_from_one=False,
                      ref_syntax=None, unknown_without_marks=False),
}


def note_style(doc: Document) -> NoteStyle:
    return STYLES.get(doc.format, STYLES["docx"])


def pair_notes(doc: Document, info: Notes, poi_errors: dict[int, object]) -> None:
    """Pair references and bodies the way the exporter of `doc` did."""
    if doc.format == "text":
        _pair_export(doc, info, poi_errors)
    elif doc.format == "markdown":
        _pair_markdown(doc, info)
    else:
        _pair_docx(doc, info)


def missing_note_artefacts(doc: Document) -> dict[int, object]:
    """POI's "not found" text (text exports), by the paragraph it sits in (a note or a body paragraph)."""
    if doc.format != "text":
        return {}
    return {id(a.paragraph): a for a in doc.artefacts if a.kind == "missing-note"}


def _pair_export(doc: Document, info: Notes, poi_errors: dict[int, object]) -> None:
    bodies_by_number: dict[str, list[Note]] = {}
    for note in info.bodies:
        bodies_by_number.setdefault(note.id, []).append(note)
    errors_by_number: dict[str, list[tuple[Note, object]]] = {}
    for note in doc.notes:
        if id(note) in poi_errors:
            errors_by_number.setdefault(note.id, []).append((note, poi_errors[id(note)]))
    refs_by_number: dict[str, list[NoteRef]] = {}
    for ref in info.refs:
        refs_by_number.setdefault(ref.id, []).append(ref)
    for number, refs in refs_by_number.items():
        bodies = bodies_by_number.pop(number, [])
        by_host: dict[int, list[Note]] = {}
        for body in reversed(bodies):
            by_host.setdefault(id(body.host), []).append(body)
        taken: set[int] = set()
        unpaired = []
        for ref in refs:  # POI writes the body after the reference's own paragraph: pair those first
            here = by_host.get(id(ref.paragraph))
            if here:
                body = here.pop()
                taken.add(id(body))
                _pair(info, ref, body)
            else:
                unpaired.append(ref)
        bodies = [b for b in bodies if id(b) not in taken]
        bodies.reverse()
        errors = errors_by_number.get(number, [])
        for ref in unpaired:
            if bodies:
                _pair(info, ref, bodies.pop())
                continue
            err = next((e for e in errors if e[0].host is ref.paragraph), errors[0] if errors else None)
            if err is not None:
                errors.remove(err)
                info.missing.append((ref, "poi-error", err[1]))
            else:
                info.missing.append((ref, "no-body", refs[0] if refs[0] is not ref else None))
        for body in reversed(bodies):
            info.unused.append((body, "extra-copy", refs[0]))
    for bodies in bodies_by_number.values():
        for body in bodies:
            info.unused.append((body, "unreferenced", None))


def _pair_markdown(doc: Document, info: Notes) -> None:
    defs: dict[str, list[Note]] = {}
    for note in info.bodies:
        defs.setdefault(note.id, []).append(note)
    for ref in info.refs:
        found = defs.get(ref.id)
        if found:
            _pair(info, ref, found[-1])  # pandoc uses the last definition
        else:
            info.missing.append((ref, "no-body", None))
    for copies in defs.values():
        for note in copies[:-1]:
            info.unused.append((note, "redefined", copies[-1]))
        if not info.refs_of.get(id(copies[-1])):
            info.unused.append((copies[-1], "unreferenced", None))


def _pair_docx(doc: Document, info: Notes) -> None:
    by_key: dict[tuple[str, str], Note] = {}
    for note in doc.notes:
        by_key.setdefault((note.kind, note.id), note)  # Word uses the first of two notes with one id
    for ref in info.refs:
        target = by_key.get((ref.kind, ref.id))
        if target is None:
            info.missing.append((ref, "no-note", None))
        elif target.special is not None:
            info.missing.append((ref, "special", target))
        else:
            _pair(info, ref, target)
    deleted = doc.info.deleted_note_refs
    for note in info.bodies:
        if by_key.get((note.kind, note.id)) is not note:
            info.unused.append((note, "same-id", by_key[(note.kind, note.id)]))
        elif not info.refs_of.get(id(note)) and (note.kind, note.id) not in deleted:
            info.unused.append((note, "unreferenced", None))


def _pair(info: Notes, ref: NoteRef, body: Note) -> None:
    info.body_of[id(ref)] = body
    info.refs_of.setdefault(id(body), []).append(ref)

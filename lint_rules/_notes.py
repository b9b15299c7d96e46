"""What the footnote rules share: pairing references with bodies, display numbers, locations, wording.

Not a rule (the registry skips modules whose name starts with "_").  The pairing is computed once per
document and cached in `doc.meta["_cache"]`, so the six footnote rules pay for it once.

How references and bodies pair up depends on the format:

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
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from letterlint.findings import Related, msg
from letterlint.model import Document, Location, Note, NoteRef

NOUN = {
    "nl": {"footnote": "voetnoot", "endnote": "eindnoot"},
    "en": {"footnote": "footnote", "endnote": "endnote"},
}
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


def notes(doc: Document) -> Notes:
    cache = doc.meta.setdefault("_cache", {})
    key = ("letterlint.lint_rules._notes",)
    if key not in cache:
        cache[key] = _build(doc)
    return cache[key]


def _missing_note_artefacts(doc: Document) -> dict[int, object]:
    """POI's "not found" text, by the paragraph it sits in (a note paragraph or a body paragraph)."""
    return {id(a.paragraph): a for a in doc.artefacts if a.kind == "missing-note"}


def _build(doc: Document) -> Notes:
    info = Notes(refs=list(doc.note_refs))
    errors = _missing_note_artefacts(doc) if doc.format == "text" else {}
    poi_errors: dict[int, object] = {}  # id(note) → POI's "not found" text standing in for its body
    for note in doc.notes:
        if note.special is not None:
            continue
        error = next((errors[id(p)] for p in note.paragraphs if id(p) in errors), None)
        if error is not None and not note.text.strip():
            poi_errors[id(note)] = error
        else:
            info.bodies.append(note)

    if doc.format == "text":
        _pair_export(doc, info, poi_errors)
    elif doc.format == "markdown":
        _pair_markdown(doc, info)
    else:
        _pair_docx(doc, info)

    reported = {id(detail) for _, reason, detail in info.missing if reason == "poi-error"}
    info.stray_errors = [a for a in errors.values() if id(a) not in reported]
    _display_numbers(doc, info)
    return info


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
        note = by_key.get((ref.kind, ref.id))
        if note is None:
            info.missing.append((ref, "no-note", None))
        elif note.special is not None:
            info.missing.append((ref, "special", note))
        else:
            _pair(info, ref, note)
    deleted = {tuple(k) for k in doc.meta.get("deleted_note_refs", ())}
    for note in info.bodies:
        if by_key.get((note.kind, note.id)) is not note:
            info.unused.append((note, "same-id", by_key[(note.kind, note.id)]))
        elif not info.refs_of.get(id(note)) and (note.kind, note.id) not in deleted:
            info.unused.append((note, "unreferenced", None))


def _pair(info: Notes, ref: NoteRef, body: Note) -> None:
    info.body_of[id(ref)] = body
    info.refs_of.setdefault(id(body), []).append(ref)


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
    if doc.format != "docx":
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
    if doc.format == "docx" and (note.kind, note.id) not in notes(doc).display:
        loc = replace(loc, note=None)  # no reference, so no number: its label would be the internal XML id
    if doc.format == "markdown" and doc.source is not None and first.origin is not None:
        # take the definition's label "[^id]:" in, so the location starts where the definition does
        label = doc.source.rfind(f"[^{note.id}]:", 0, first.origin + 1)
        if label != -1 and not doc.source[label : first.origin].count("\n"):
            line, col = doc.line_col(label)
            loc = replace(loc, text=doc.source[label : loc.raw_end], line=line, column=col, raw_start=label)
    return loc


def ref_related(doc: Document, ref: NoteRef, label=None) -> Related:
    return Related(ref_location(doc, ref), label or msg("de verwijzing in de tekst", "the reference in the text"))


def body_related(doc: Document, note: Note, label=None) -> Related:
    return Related(body_location(doc, note), label or msg("de tekst van de noot", "the text of the note"))


# -- wording -------------------------------------------------------------------------------------------------


def noun(kind: str, lang: str = "nl") -> str:
    return NOUN[lang].get(kind, kind)


def ref_shown(doc: Document, ref: NoteRef, info: Notes | None = None) -> str:
    """The reference as the writer sees it: the marker text, or in .docx the number in superscript."""
    if doc.format != "docx":
        return ref.paragraph.raw[ref.raw_start : ref.raw_end]
    if ref.custom_mark:
        return "*"
    number = (info or notes(doc)).display.get((ref.kind, ref.id))
    return str(number).translate(SUPERSCRIPT) if number else "¹"


def ref_desc(doc: Document, ref: NoteRef, info: Notes | None = None) -> str:
    """The reference for a message: the marker itself; in .docx (no line numbers) with the words around it."""
    shown = ref_shown(doc, ref, info)
    if doc.format != "docx":
        return shown
    return f"{shown} in {context(ref.paragraph.text, ref.offset, ref.offset, shown)}"


def note_name(doc: Document, note: Note, lang: str = "nl") -> str:
    """"voetnoot 3" (the number a reader sees; in a text export and Markdown the number in the file)."""
    label = note.id if doc.format != "docx" else (str(notes(doc).display.get((note.kind, note.id), "")) or f"id {note.id}")
    return f"{noun(note.kind, lang)} {label}"


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


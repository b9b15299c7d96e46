"""What all readers share: input errors, decoding, leaked markers, and assembling the Document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..findings import Msg
from ..lazyre import lazy, lazy_re
from ..model import (
    BODY,
    EMPTY,
    HEADING,
    Artefact,
    Bookmark,
    Change,
    Comment,
    Directive,
    Document,
    Field,
    Format,
    Note,
    NoteRef,
    Paragraph,
    SourceInfo,
)
from ..textmap import TextBuilder, TextMap


class InputError(Exception):
    """A file letterlint cannot read.  The message is one line, in Dutch and English."""

    def __init__(self, nl: str, en: str):
        super().__init__(en)
        self.msg = Msg(nl, en)


# -- decoding ------------------------------------------------------------------------------------------

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"


def decode_text(data: bytes) -> tuple[str, dict[str, Any]]:
    """Decode a text file: UTF-8 with or without BOM, UTF-16 with BOM, else cp1252.

    Line ends are normalised to "\\n"; `meta` records the encoding and the original line end so that a fix
    can write the file back as it was.
    """
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError("het bestand is leeg", "the file is empty")
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        raise InputError("dit is een zip-bestand (een .docx?), geen tekst", "this is a zip archive (a .docx?), not text")
    if data.startswith(OLE_MAGIC):
        raise InputError("dit is een binair Office-bestand, geen tekst", "this is a binary Office file, not text")
    notes: list[Msg] = []
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, text = "utf-8-sig", _strict(data, "utf-8-sig")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, text = "utf-16", _strict(data, "utf-16")
    else:
        if b"\x00" in data:
            text = data.decode("latin-1")  # only to say where the NUL is
        else:
            encoding, text, notes = _utf8_or_cp1252(data)
    nul = text.find("\x00") if b"\x00" in data else -1  # no NUL byte, no NUL character
    if nul >= 0:  # anywhere, not only at the start: a NUL is never part of a letter
        line = text.count("\n", 0, nul) + 1
        raise InputError(f"dit is een binair bestand, geen tekst (NUL-teken op regel {line})",
                         f"this is a binary file, not text (a NUL character on line {line})")
    if _looks_binary(text):
        raise InputError("dit is een binair bestand, geen tekst", "this is a binary file, not text")
    # no byte 13 in the file, no carriage return in the text (in each of these encodings): one memchr over the
    # bytes in place of three searches of the decoded text, slow where it holds characters past Latin-1
    newline = "\n"
    if b"\r" in data:
        newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text and "\n" not in text else "\n")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, Any] = {"encoding": encoding, "newline": newline}
    if notes:
        meta["notes"] = tuple(notes)
    return text, meta


def _utf8_or_cp1252(data: bytes) -> tuple[str, str, list[Msg]]:
    """UTF-8, else Windows-1252 — with a note that says so, and where the first non-UTF-8 byte is."""
    try:
        return "utf-8", data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            "de tekst is geen UTF-8, UTF-16 of Windows-1252", "the text is not UTF-8, UTF-16 or Windows-1252"
        ) from None
    note = Msg(f"geen geldige UTF-8 (regel {line}); gelezen als Windows-1252",
               f"not valid UTF-8 (line {line}); read as Windows-1252")
    return "cp1252", text, [note]


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            f"de tekst is geen geldige {encoding.upper()}", f"the text is not valid {encoding.upper()}"
        ) from None


CONTROL = lazy_re(r"[\x00-\x08\x0e-\x1f]")  # control characters but tab, line ends, form feed and \v


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = len(CONTROL.findall(sample))
    return controls > max(8, len(sample) // 50)


# -- leaked markers (visible text that Word exporters write for hidden things) ----------------------------

LEAKED_BOOKMARK = lazy(r"\[bookmark: (?P<name>[^\]\r\n]+)\]")


# -- assembling ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class Draft:
    """A paragraph under construction."""

    raw: str
    builder: TextBuilder = field(default_factory=TextBuilder)
    kind: str = BODY
    level: int | None = None
    origin: int | None = None
    style: str | None = None
    cell: tuple[int, int, int] | None = None
    xml: tuple[str, int] | None = None
    part: str = "body"
    note: str | None = None
    # things found in this paragraph, with offsets relative to it
    refs: list = field(default_factory=list)  # (kind, id, clean offset, raw start, raw end, custom mark)
    bookmarks: list = field(default_factory=list)  # (name, clean offset, raw start, raw end, id, leaked)
    artefacts: list = field(default_factory=list)  # (kind, raw start, raw end, text, name)
    fields: list = field(default_factory=list)  # (instruction, clean start, clean end, result)
    changes: list = field(default_factory=list)  # (kind, author, date, clean start, clean end, text)
    comment_marks: list = field(default_factory=list)  # (comment id, "start"|"end", clean offset)
    directives: list = field(default_factory=list)  # (text, line)
    inline_comments: list = field(default_factory=list)  # (author, text) from a text export
    code: list = field(default_factory=list)  # (clean start, clean end) of inline code (Markdown `…`)
    built: tuple[str, TextMap] | None = None  # the text once built (a reader that classifies builds it early)

    marked: ClassVar[bool] = True  # a LineDraft has no marks to take over

    def build(self) -> tuple[str, TextMap]:
        """The cleaned text and its map: built once, when the paragraph is complete."""
        if self.built is None:
            self.built = self.builder.build()
        return self.built

    def clean_offset(self) -> int:
        return len(self.builder)

    def add_text(self, text: str, raw_pos: int) -> None:
        self.builder.add(text, raw_pos)

    def add_raw_text(self, raw_start: int, raw_end: int) -> None:
        """Add raw[raw_start:raw_end] to the text, taking leaked bookmark markers out."""
        pos = raw_start
        for m in LEAKED_BOOKMARK.finditer(self.raw, raw_start, raw_end):
            self.builder.add(self.raw[pos : m.start()], pos)
            self.bookmarks.append((m.group("name"), self.clean_offset(), m.start(), m.end(), None, True))
            self.artefacts.append(("bookmark-marker", m.start(), m.end(), m.group(), m.group("name")))
            pos = m.end()
        self.builder.add(self.raw[pos:raw_end], pos)


class LineDraft(Draft):
    """A paragraph that is exactly its raw text (a line without markers: most of a text export).  Nothing is
    added to it, so it has no builder and shares empty mark lists: made in a fraction of a Draft's time."""

    __slots__ = ()
    marked = False
    # class attributes in place of the slots below them: never set on a LineDraft
    refs = bookmarks = artefacts = fields = changes = comment_marks = directives = inline_comments = code = ()  # type: ignore[assignment]
    builder = style = cell = xml = None  # type: ignore[assignment]

    def __init__(self, raw: str, origin: int | None = None):
        self.raw, self.origin, self.built = raw, origin, (raw, _identity(len(raw)))
        self.kind, self.level, self.part, self.note = BODY, None, "body", None


_IDENTITIES: dict[int, TextMap] = {}  # the map of a paragraph that is its raw text, by length (maps never change)


def _identity(length: int) -> TextMap:
    """The one-to-one map of that length: shared by the paragraphs of that length (most lines of a text
    export), in this and later documents; kept for lengths below 1,000 (at most a thousand small maps)."""
    found = _IDENTITIES.get(length)
    if found is None:
        found = TextMap((0,), (0,), length)
        if length < 1000:
            _IDENTITIES[length] = found
    return found


@dataclass
class NoteDraft:
    """A footnote or endnote as a reader collects it, before the document is assembled."""

    kind: str
    id: str
    paragraphs: list[Draft]
    host: int | None = None  # index of the host body paragraph (text export)
    raw_start: int | None = None
    raw_end: int | None = None
    special: str | None = None
    after: int | None = None  # index of the body paragraph before the note's definition (Markdown)


def _materialise(draft: Draft, index: int, number: int, heading: str | None) -> Paragraph:
    text, tmap = draft.build()
    kind = draft.kind
    if kind == BODY and not text.strip():
        kind = EMPTY
    # positional, in the order of Paragraph's fields (index, number, text, raw, map, kind, level, heading,
    # origin, part, note, style, cell, xml, code): a call with keywords costs more, once per paragraph;
    # text: one string, not two equal ones (most paragraphs)
    return Paragraph(index, number, draft.raw if text == draft.raw else text, draft.raw, tmap, kind,
                     draft.level if kind == HEADING else None, heading, draft.origin, draft.part, draft.note,
                     draft.style, draft.cell, draft.xml, tuple(draft.code) if draft.code else ())


def assemble(
    path: str,
    fmt: str,
    drafts: list[Draft],
    notes: Sequence[NoteDraft] = (),
    *,
    source: str | None = None,
    comments: dict[str, dict] | None = None,
    meta: dict | None = None,
    note_labels: dict[tuple[str, str], str] | None = None,
    note_hosts: dict[tuple[str, str], int] | None = None,
    directives: Sequence[tuple[str, int | None, int | None]] = (),
) -> Document:
    """Turn drafts into the immutable Document, resolving headings, references and note hosts.

    `note_hosts` maps a note to the body paragraph that references it (.docx), for its paragraph number;
    `directives` are (text, index of the paragraph they precede, line).
    """
    paragraphs: list[Paragraph] = []
    heading: str | None = None
    for i, d in enumerate(drafts):
        par = _materialise(d, i, i + 1, heading)
        paragraphs.append(par)
        if par.kind == HEADING and par.text.strip():
            heading = par.text.strip()

    refs, bookmarks, artefacts, fields, changes = [], [], [], [], []
    marks: dict[str, list] = {}
    inline_comments: list[Comment] = []
    directive_objs = []

    def take_marks(d: Draft, par: Paragraph) -> None:  # the draft's references, bookmarks … onto `par`
        if not d.marked:
            return
        for kind, nid, off, rs, re_, custom in d.refs:
            refs.append(NoteRef(kind, nid, par, off, rs, re_, custom))
        for name, off, rs, re_, bid, leaked in d.bookmarks:
            bookmarks.append(Bookmark(name, par, off, rs, re_, bid, leaked))
        for kind, rs, re_, text, name in d.artefacts:
            artefacts.append(Artefact(kind, par, rs, re_, text, name))
        for instr, s, e, result in d.fields:
            fields.append(Field(instr, par, s, e, result))
        for kind, author, date, s, e, text in d.changes:
            changes.append(Change(kind, author, date, par, s, e, text))
        for cid, which, off in d.comment_marks:
            marks.setdefault(cid, []).append((which, par, off))
        for author, text in d.inline_comments:
            inline_comments.append(Comment(id=f"export-{len(inline_comments) + 1}", author=author, text=text,
                                           paragraph=par, start=0, end=len(par.text)))
        for text, line in d.directives:
            directive_objs.append(Directive(text, par, line))

    for d, par in zip(drafts, paragraphs, strict=True):
        take_marks(d, par)

    note_objs = []
    note_hosts = note_hosts or {}
    note_labels = note_labels or {}
    for nd in notes:
        host_index = nd.host if nd.host is not None else note_hosts.get((nd.kind, nd.id))
        if host_index is None and paragraphs:
            # an unreferenced note: point at the paragraph before its definition, or at the end
            host_index = nd.after if nd.after is not None else len(paragraphs) - 1
        host = paragraphs[host_index] if host_index is not None and 0 <= host_index < len(paragraphs) else None
        number = host.number if host else 1
        pars = []
        for j, d in enumerate(nd.paragraphs):
            d.part, d.note = nd.kind, nd.id
            par = _materialise(d, j, number, host.heading if host else None)
            pars.append(par)
            take_marks(d, par)
        note_objs.append(
            Note(
                kind=nd.kind,
                id=nd.id,
                paragraphs=tuple(pars),
                label=note_labels.get((nd.kind, nd.id), nd.id),
                host=paragraphs[nd.host] if nd.host is not None else None,
                raw_start=nd.raw_start,
                raw_end=nd.raw_end,
                special=nd.special,
            )
        )

    comment_objs = list(inline_comments)
    for cid, data in (comments or {}).items():
        start = next((m for m in marks.get(cid, []) if m[0] == "start"), None)
        end = next((m for m in marks.get(cid, []) if m[0] == "end"), None)
        start_par, start_off = (start[1], start[2]) if start else ((end[1], end[2]) if end else (None, 0))
        end_par, end_off = (end[1], end[2]) if end else (start_par, start_off)
        comment_objs.append(
            Comment(
                id=cid,
                author=data.get("author", ""),
                text=data.get("text", ""),
                date=data.get("date"),
                paragraph=start_par,
                start=start_off,
                end=end_off if end_par is start_par else len(start_par.text) if start_par else 0,
                end_paragraph=end_par,
            )
        )

    for text, index, line in directives:
        before = paragraphs[index] if index is not None and index < len(paragraphs) else None
        directive_objs.append(Directive(text, before, line))

    return Document(
        path=path,
        format=Format(fmt),
        paragraphs=tuple(paragraphs),
        notes=tuple(note_objs),
        note_refs=tuple(refs),
        bookmarks=tuple(bookmarks),
        comments=tuple(comment_objs),
        changes=tuple(changes),
        fields=tuple(fields),
        artefacts=tuple(artefacts),
        directives=tuple(directive_objs),
        source=source,
        info=SourceInfo.of(meta),
    )


def identity_map(length: int) -> TextMap:
    return TextMap.identity(length)

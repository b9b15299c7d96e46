"""The document model: what every reader produces and every rule reads.

One immutable `Document` is built per file and shared by all rules.  Positions:

* a `Paragraph` has `text` (cleaned: artefacts and markers removed) and `raw` (exactly as in the source),
  linked by `map`;
* for text formats (`.txt` export, Markdown) `origin` is the offset of `raw[0]` in `Document.source`, so a
  cleaned offset becomes a `line:col` of the file;
* for .docx, `raw` is the visible text of the paragraph (run text, tabs, breaks; not deleted text, not field
  codes) and positions are reported as the paragraph number plus the nearest heading.

Body paragraphs are numbered from 1 in document order, empty ones included.  Paragraphs of footnotes and
endnotes live in their `Note` and carry the number of the paragraph that references them (or, in a text
export, that holds their body).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from .textmap import TextMap

HEADING, BODY, LIST, TABLE, EMPTY = "heading", "body", "list", "table", "empty"



class Format(StrEnum):
    """The input format a reader made the document from.  A str: `Format.DOCX == "docx"`."""

    TEXT = "text"  # a plain-text export of a Word file (Apache POI/Tika)
    MARKDOWN = "markdown"
    DOCX = "docx"


# Not frozen, though nothing changes a paragraph once a reader made it: a frozen dataclass sets each of its 15
# fields with object.__setattr__, and that was a third of the time to read a letter (hundreds of paragraphs).
@dataclass(slots=True, eq=False)
class Paragraph:
    """A paragraph's text (as a writer sees it), its raw form in the file, and where it stands in the letter."""

    index: int  # position in Document.paragraphs, or in Note.paragraphs for note paragraphs
    number: int  # 1-based paragraph number shown to the user
    text: str
    raw: str
    map: TextMap
    kind: str = BODY
    level: int | None = None  # heading level (1 = top)
    heading: str | None = None  # nearest heading above (for a heading: the one above it)
    origin: int | None = None  # text formats: offset of raw[0] in Document.source
    part: str = "body"  # body | footnote | endnote
    note: str | None = None  # id of the note this paragraph belongs to
    style: str | None = None  # .docx style name
    cell: tuple[int, int, int] | None = None  # .docx: (table, row, column), 1-based
    xml: tuple[str, int] | None = None  # .docx: (part name, ordinal of the w:p in that part)
    # spans of the text that are literal code (Markdown `…`): names, paths, commands, not running text;
    # the shared addresses analysis gives them with the addresses, so that every rule leaves them alone
    code: tuple[tuple[int, int], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.map.span_to_raw(start, end)

    def is_verbatim(self, start: int, end: int) -> bool:
        """Is the cleaned span [start, end) exactly the raw text there (no marker, reference or markup
        removed inside it)?  Only such a span can be replaced in the file without losing something."""
        rs, re_ = self.map.span_to_raw(start, end)
        return self.raw[rs:re_] == self.text[start:end]


@dataclass(frozen=True, slots=True, eq=False)
class Note:
    """A footnote or endnote body."""

    kind: str  # footnote | endnote
    id: str
    paragraphs: tuple[Paragraph, ...]
    label: str  # the number a reader sees (text export: the id; .docx: order of first reference)
    host: Paragraph | None = None  # text export: the body paragraph whose line holds the note body
    raw_start: int | None = None  # text export: span of the whole "[N: …]" marker in host.raw
    raw_end: int | None = None
    special: str | None = None  # .docx separator/continuation notes (never shown, never referenced)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


# Not frozen, as Paragraph (above): a text export holds hundreds of these, one per leaked marker.
@dataclass(slots=True, eq=False)
class NoteRef:
    """A footnote or endnote reference mark in the running text."""

    kind: str  # footnote | endnote
    id: str
    paragraph: Paragraph
    offset: int  # position in paragraph.text where the mark sits
    raw_start: int  # span of the mark in paragraph.raw (empty in .docx, where the mark has no text)
    raw_end: int
    custom_mark: str | None = None  # .docx w:customMarkFollows: the mark is literal text


# Not frozen: as NoteRef.
@dataclass(slots=True, eq=False)
class Bookmark:
    """A bookmark: its name and where it starts in a paragraph (or the visible marker a text export left)."""

    name: str
    paragraph: Paragraph
    offset: int  # position in paragraph.text
    raw_start: int  # text export: span of the "[bookmark: …]" marker; .docx: empty span
    raw_end: int
    id: str | None = None
    leaked: bool = False  # True when the bookmark is visible marker text


@dataclass(frozen=True, slots=True, eq=False)
class Comment:
    """A reviewer's comment and the range of text it is about."""

    id: str
    author: str
    text: str
    date: str | None = None
    paragraph: Paragraph | None = None  # where the commented range starts
    start: int = 0  # commented range in paragraph.text
    end: int = 0
    end_paragraph: Paragraph | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Change:
    """A tracked change (w:ins, w:del, w:moveFrom, w:moveTo)."""

    kind: str  # insert | delete | move-from | move-to
    author: str | None
    date: str | None
    paragraph: Paragraph
    start: int  # span in paragraph.text (empty for deletions: deleted text is not in the text)
    end: int
    text: str


@dataclass(frozen=True, slots=True, eq=False)
class Field:
    """A Word field: its instruction and its (cached) result."""

    instruction: str
    paragraph: Paragraph
    start: int  # result span in paragraph.text
    end: int
    result: str

    @property
    def kind(self) -> str:
        words = self.instruction.split()
        return words[0].upper() if words else ""

    @property
    def target(self) -> str | None:
        """The bookmark a REF/PAGEREF/NOTEREF field points at, or a HYPERLINK \\l anchor."""
        words = self.instruction.split()
        if not words:
            return None
        kind = words[0].upper()
        if kind in ("REF", "PAGEREF", "NOTEREF") and len(words) > 1:
            return words[1].strip('"')
        if kind == "HYPERLINK" and "\\l" in words:
            i = words.index("\\l")
            if i + 1 < len(words):
                return words[i + 1].strip('"')
        if kind not in ("REF", "PAGEREF", "NOTEREF", "HYPERLINK") and len(words) == 1 and words[0].startswith("_"):
            return words[0]  # a bare bookmark name is a REF field
        return None


# Not frozen: as NoteRef.
@dataclass(slots=True, eq=False)
class Artefact:
    """Exporter or editor text that leaked into the letter and was taken out of the paragraph text."""

    kind: str  # bookmark-marker | comment-marker | missing-note
    paragraph: Paragraph
    raw_start: int  # span in paragraph.raw
    raw_end: int
    text: str
    name: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Directive:
    """An in-document instruction to letterlint, e.g. `<!-- letterlint: ignore typo -->`."""

    text: str
    paragraph: Paragraph | None  # the paragraph it precedes or belongs to
    line: int | None = None


# Not frozen, but hashable and compared by value as a frozen one (unsafe_hash): rules make hundreds per letter,
# and a frozen dataclass's __init__ (object.__setattr__ per field, 17 fields) cost several times plain slots.
# Nothing changes one once made.
@dataclass(slots=True, unsafe_hash=True)
class Location:
    """A resolved position, ready for reporting.

    `raw_start`/`raw_end` are the span in the file's own text, in the unit a fix edits (`unit`): for text
    exports and Markdown that is the whole decoded file (offsets in `Document.source`, and `line` is set);
    for .docx it is the paragraph named by `xml` (offsets in its visible text, `Paragraph.raw`)."""

    paragraph: int
    heading: str | None
    text: str  # the offending text exactly as in the source
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    part: str = "body"
    note: str | None = None  # label of the note when the position is inside a footnote/endnote
    raw_start: int = 0  # the span in the file's text, counted in `unit` (see above)
    raw_end: int = 0
    xml: tuple[str, int] | None = None
    # .docx, filled in by `letterlint.places` after the rules ran: places a writer can find in Word
    section: str | None = None  # the heading the letter shows above it (party heading, «Vraag 12», subheading)
    shown: int | None = None  # paragraph number counting only non-empty body paragraphs outside tables
    cell: tuple[int, int, int] | None = None  # (table, row, column), 1-based, for a paragraph in a table
    quote: str | None = None  # the start of the paragraph, to paste into Word's Find

    @property
    def unit(self) -> str:
        """What `raw_start`/`raw_end` count in: "source" (the whole file) or "paragraph" (.docx, `xml`)."""
        return "source" if self.line is not None else "paragraph"

    def place(self, lang: str = "nl") -> str:
        """How a message names this place: "regel 12" / "alinea 12" ("line 12" / "paragraph 12")."""
        from .wording import place

        return place(self, lang)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What a reader records about the file itself, for writing fixes back and for format-level facts."""

    encoding: str = "utf-8"  # text formats: the encoding the file was read in
    newline: str = "\n"  # text formats: the file's original line end
    main_part: str | None = None  # .docx: the part holding the main document
    parts: tuple[str, ...] = ()  # .docx: the package's part names
    application: str | None = None  # .docx: the application that wrote it
    deleted_note_refs: frozenset[tuple[str, str]] = frozenset()  # .docx: (kind, id) referenced only in deleted text
    notes: tuple = ()  # Msg for the user that is not an error (say, "read as Windows-1252"); the CLI prints them

    @classmethod
    def of(cls, values: dict | None) -> SourceInfo:
        values = dict(values or {})
        if "parts" in values:
            values["parts"] = tuple(values["parts"])
        if "deleted_note_refs" in values:
            values["deleted_note_refs"] = frozenset(tuple(k) for k in values["deleted_note_refs"])
        return cls(**values)


@dataclass(frozen=True, eq=False)
class Document:
    """A letter as the readers make it: its paragraphs, notes, bookmarks, comments and tracked changes."""

    path: str
    format: Format
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...] = ()
    note_refs: tuple[NoteRef, ...] = ()
    bookmarks: tuple[Bookmark, ...] = ()
    comments: tuple[Comment, ...] = ()
    changes: tuple[Change, ...] = ()
    fields: tuple[Field, ...] = ()
    artefacts: tuple[Artefact, ...] = ()
    directives: tuple[Directive, ...] = ()
    source: str | None = None  # text formats: the decoded file
    info: SourceInfo = field(default_factory=SourceInfo)

    # -- what the format means for the text (the readers' knowledge, stated as facts) ---------------

    @property
    def lines_may_wrap(self) -> bool:
        """Each line of the file is a paragraph, and a line may be a hard-wrapped piece of a sentence (a Word
        text export, or text taken from a PDF): a sentence or a reference may go on on the next line."""
        return self.format == "text"

    # -- navigation ---------------------------------------------------------------------------------

    def blocks(self) -> Iterator[Paragraph]:
        """Every paragraph with text a reader sees: body paragraphs, then footnote and endnote paragraphs."""
        return iter(self._blocks)

    @cached_property
    def _blocks(self) -> tuple[Paragraph, ...]:
        # made once: a generator here was resumed for every paragraph by each of the many rules and analyses
        # that walk the letter (ten thousand resumptions per letter); a tuple is walked in C
        return self.paragraphs + tuple(p for note in self.notes if note.special is None for p in note.paragraphs)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return self.paragraphs

    @cached_property
    def notes_by_key(self) -> dict[tuple[str, str | None], Note]:
        return {(n.kind, n.id): n for n in self.notes}

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        if self.source is not None:
            find = self.source.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in `source`."""
        starts = self._line_starts
        k = bisect_right(starts, offset) - 1
        return k + 1, offset - starts[k] + 1

    def note_label(self, paragraph: Paragraph) -> str | None:
        if paragraph.note is None:
            return None
        note = self.notes_by_key.get((paragraph.part, paragraph.note))
        return note.label if note else paragraph.note

    # -- locations ----------------------------------------------------------------------------------

    def locate(self, paragraph: Paragraph, start: int, end: int) -> Location:
        """Location of the cleaned span [start, end) of `paragraph`."""
        raw_start, raw_end = paragraph.span_to_raw(start, end)
        return self.locate_raw(paragraph, raw_start, raw_end)

    def locate_raw(self, paragraph: Paragraph, raw_start: int, raw_end: int) -> Location:
        """Location of the span [raw_start, raw_end) of `paragraph.raw`."""
        # positional, in the order of Location's fields: made for every finding (hundreds per letter)
        text = paragraph.raw[raw_start:raw_end]
        note = None if paragraph.note is None else self.note_label(paragraph)
        if paragraph.origin is None or self.source is None:
            return Location(paragraph.number, paragraph.heading, text, None, None, None, None, paragraph.part, note,
                            raw_start, raw_end, paragraph.xml, None, self._shown(paragraph))
        a, b = paragraph.origin + raw_start, paragraph.origin + raw_end
        starts = self._line_starts
        k = bisect_right(starts, a) - 1
        line, col = k + 1, a - starts[k] + 1
        # the end position is the last character's own position, inclusive, as editors show it
        if b - 1 > a:
            k = bisect_right(starts, b - 1, k) - 1
            end_line, end_col = k + 1, b - starts[k]
        else:
            end_line, end_col = line, col
        return Location(paragraph.number, paragraph.heading, text, line, col, end_line, end_col, paragraph.part, note,
                        a, b, paragraph.xml)

    def _shown(self, paragraph: Paragraph) -> int | None:
        """A .docx paragraph's number as a writer counts it (letterlint.places.shown_numbers)."""
        if self.format != "docx":
            return None
        from .places import shown_numbers

        numbers = shown_numbers(self)
        return numbers[paragraph.number - 1] if 1 <= paragraph.number <= len(numbers) else None

    def locate_paragraph(self, paragraph: Paragraph) -> Location:
        """Location of the whole text of a paragraph (trailing whitespace left out)."""
        text = paragraph.text
        end = len(text.rstrip())
        start = len(text) - len(text.lstrip())
        if end <= start:
            start = end = 0
        return self.locate(paragraph, start, end)

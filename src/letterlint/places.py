"""Places a writer can find in Word: the heading the letter shows, a paragraph count, a quote to search for.

A .docx finding carries the reader's paragraph number (every `w:p` of the body, empty ones and table cells
included), which nobody can find in Word.  After the rules ran, `enrich()` adds to each .docx location:

* `section`: the heading the letter itself shows above the place, from the question–answer structure
  (`letterlint.structure`): «Vraag 12» / «Antwoord 12» in a numbered letter, else the party heading
  («Vragen en opmerkingen van de leden van de D66-fractie») and its topical subheading, else the nearest
  heading (a Word heading style), else the nearest paragraph that reads as a heading: numbered («1.2.1
  Fine-tunen», «Deel 2: …», «Hoofdstuk 3») or short and title-like («Inleiding»: a few words, no closing
  punctuation, followed by running text) — such headings are often only bold, which the model does not keep;
* `shown`: the paragraph number counted as a writer counts in Word's Navigation pane — only body paragraphs
  with visible text, outside tables, from the top of the document (headings count; empty paragraphs, table
  cells, headers, footers and notes do not);
* `cell`: (table, row, column) for a paragraph in a table (its `shown` is that of the paragraph above the
  table);
* `quote`: the first words of the paragraph (of the footnote, for a place in a footnote), to paste into
  Word's Find (Ctrl+F).

Locations of text formats have lines and columns and are left as they are.  Linear in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .findings import evolve
from .lazyre import lazy_re
from .model import Document, Location, Paragraph

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from .findings import Finding
    from .structure import Section

QUOTE_WORDS = 6
QUOTE_CHARS = 40
SECTION_CHARS = 300  # JSON's `section` is the whole heading; the text output shortens it (reporters.text)


@dataclass(frozen=True)
class _Place:
    """Where a finding is, for a writer: the section, the paragraph number shown, the table cell, a quote."""

    section: str | None
    shown: int | None
    cell: tuple[int, int, int] | None
    quote: str | None


def quote(text: str, words: int = QUOTE_WORDS, limit: int = QUOTE_CHARS) -> str | None:
    """The first words of a text, short enough for Word's Find box (which takes 255 characters)."""
    parts = text.split()
    if not parts:
        return None
    out = " ".join(parts[:words])
    if len(out) > limit:
        cut = out.rfind(" ", 0, limit)
        out = out[: cut if cut > limit // 2 else limit]
    return out


def _short(text: str, limit: int = SECTION_CHARS) -> str:
    """A heading on one line; only a pathological one is cut (at a word boundary)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else shorten_words(text, limit)


def shorten_words(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut at a word boundary with "…" (mid-word only for one long word)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


def _unit_label(unit: object) -> str | None:
    label = getattr(unit, "label", None)
    if label is None or not getattr(unit, "numbers", ()):
        return None
    return " ".join(label.text.split()).rstrip(":. ")


def _section_title(section: Section | None) -> str | None:
    if section is None or section.heading is None:
        return None
    return _short(section.title)


NUMBERED_HEADING = lazy_re(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,4}\.?|[IVX]{1,5}\.|(?:Deel|Hoofdstuk|Bijlage|Paragraaf)\s+\w{1,4}[.:]?)\s+\S")


CAPTION = lazy_re(r"^\s*(?:Figuur|Tabel|Afbeelding|Grafiek|Bron|Foto|Figure|Table|Source)\b\s*\d*\s*[:.]", re.IGNORECASE)


def _looks_like_heading(par: Paragraph, nxt: Paragraph | None) -> bool:
    """A body paragraph that reads as a heading (see the module documentation)."""
    text = par.text.strip()
    if not text or par.cell is not None or par.kind != "body" or "\n" in text or len(text) > 100:
        return False
    if CAPTION.match(text):
        return False
    words = len(text.split())
    if NUMBERED_HEADING.match(text) and words <= 12 and text[-1] not in ",;?!":
        return True
    if words > 8 or text[-1] in ".,;:?!…" or not (text[0].isupper() or text[0].isdigit()):
        return False
    return nxt is not None and len(nxt.text.strip()) > 80


def _fallback_headings(doc: Document) -> list[str | None]:
    """For every body paragraph, the nearest paragraph above it (or itself) that reads as a heading."""
    out: list[str | None] = []
    current = None
    pars = doc.paragraphs
    nxt_nonempty: list[Paragraph | None] = [None] * len(pars)
    following = None
    for i in range(len(pars) - 1, -1, -1):
        nxt_nonempty[i] = following
        if not pars[i].is_empty:
            following = pars[i]
    for i, p in enumerate(pars):
        if _looks_like_heading(p, nxt_nonempty[i]):
            current = _short(p.text)
        out.append(current)
    return out


def _sections(doc: Document, settings: Mapping[str, Any] | None) -> list[str | None]:
    """The section heading of every body paragraph (by index)."""
    from .structure import structure

    st = structure(doc, settings or {})
    out: list[str | None] = [p.heading and _short(p.heading) for p in doc.paragraphs]
    party_title: str | None = None
    for s in st.sections:
        title = _section_title(s)
        if not s.topical:
            party_title = title if s.party else None
        shown = f"{party_title} › {title}" if s.topical and party_title and title else title
        for i in range(s.start, min(s.end, len(out))):
            if shown:
                out[i] = shown
    if any(s is None for s in out):
        fallback = _fallback_headings(doc)
        out = [s if s is not None else fallback[i] for i, s in enumerate(out)]
    if st.mode == "numbered":
        for i, p in enumerate(doc.paragraphs):
            unit = st.question_at(p) or st.answer_at(p)
            label = _unit_label(unit) if unit is not None else None
            if label:
                out[i] = label
    return out


def _shown_numbers(doc: Document) -> list[int | None]:
    shown, out = 0, []
    for p in doc.paragraphs:
        if p.cell is None and not p.is_empty:
            shown += 1
        out.append(shown or None)
    return out


def shown_numbers(doc: Document) -> list[int | None]:
    """For every body paragraph (by index), its number as a writer counts in Word (see `shown` above).

    A shared analysis: `Document.locate` gives every .docx location this number as it is made, so the
    rules' messages («hetzelfde als het antwoord op alinea 196») count as the place shown beside them."""
    from . import analyses

    return analyses.of(doc).keyed(("shown-numbers",), lambda: _shown_numbers(doc))


def _places(doc: Document, settings: Mapping[str, Any] | None) -> list[_Place]:
    sections = _sections(doc, settings)
    numbers = shown_numbers(doc)
    return [_Place(sections[i], numbers[i], p.cell, quote(p.text)) for i, p in enumerate(doc.paragraphs)]


def places(doc: Document, settings: dict[str, Any] | None = None) -> list[_Place]:
    """The place of every body paragraph (a shared analysis: once per document, in the engine's cache)."""
    from . import analyses

    return analyses.of(doc).keyed(("places",), lambda: _places(doc, settings))


def _note_quotes(doc: Document) -> dict[tuple[str, str], str | None]:
    out = {}
    for note in doc.notes:
        if note.special is None:
            out[(note.kind, note.label)] = quote(note.text)
    return out


def locate(doc: Document, loc: Location, settings: dict[str, Any] | None = None, notes: dict | None = None) -> Location:
    """The location with the places a writer can find filled in (.docx only)."""
    if doc.format != "docx" or loc.line is not None:
        return loc
    table = places(doc, settings)
    if not 1 <= loc.paragraph <= len(table):
        return loc
    place = table[loc.paragraph - 1]
    text = place.quote
    if loc.note and loc.part in ("footnote", "endnote"):
        notes = _note_quotes(doc) if notes is None else notes
        text = notes.get((loc.part, loc.note), text)
    return evolve(loc, section=place.section, shown=place.shown, cell=place.cell, quote=text)


def enrich(doc: Document, findings: list[Finding], settings: dict[str, Any] | None = None) -> list[Finding]:
    """The findings with their (and their related) .docx locations filled in; others unchanged."""
    if doc.format != "docx" or not findings:
        return findings
    notes = _note_quotes(doc)
    out = []
    for f in findings:
        related = tuple(
            evolve(r, location=locate(doc, r.location, settings, notes)) if r.path is None else r for r in f.related
        ) if f.related else ()
        out.append(evolve(f, location=locate(doc, f.location, settings, notes), related=related))
    return out


def paragraph_of(doc: Document, number: int) -> Paragraph | None:
    return doc.paragraphs[number - 1] if 1 <= number <= len(doc.paragraphs) else None

"""Which element holds which character of a paragraph: the .docx reader's own walk, traced."""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element

from ..readers.docx import PartReader, Styles, paragraph_ordinals, word_namespace
from .errors import EditError
from .xmlpart import XmlPart


class _Tracer(PartReader):
    """The reader's paragraph walk, recording (raw start, raw end, element) for every piece of text."""

    def __init__(self, w: str, part: str, ordinals: dict[int, int]):
        super().__init__(w, part, Styles(None, w), ordinals)
        self.segments: dict[int, list[tuple[int, int, Element]]] = {}
        self.raws: dict[int, str] = {}
        self.marks: dict[int, set[int]] = {}
        self._current: list | None = None

    def paragraph(self, p, cell):
        self._current = self.segments.setdefault(id(p), [])
        d = super().paragraph(p, cell)
        self.raws[id(p)] = d.raw
        self.marks[id(p)] = {ref[3] for ref in d.refs}
        self._current = None
        return d

    def _emit(self, text, d, chars, hidden, change):
        before = self.pos
        super()._emit(text, d, chars, hidden, change)
        if self.pos != before and self._current is not None:
            self._current.append((before, self.pos, self.node))


@dataclass
class Story:
    """A part that holds paragraphs (main document, footnotes, endnotes), traced."""

    part: XmlPart
    w: str
    paragraphs: list[Element]
    segments: dict[int, list[tuple[int, int, Element]]]
    raws: dict[int, str]
    marks: dict[int, set[int]]

    def paragraph(self, ordinal: int, raw: str | None = None) -> Element:
        if not 0 <= ordinal < len(self.paragraphs):
            raise EditError(f"paragraph {ordinal} of {self.part.name} not found")
        p = self.paragraphs[ordinal]
        if raw is not None and self.raws.get(id(p)) != raw:
            raise EditError(f"paragraph {ordinal} of {self.part.name} does not have the expected text")
        return p


def trace(part: XmlPart) -> Story:
    root = part.root
    try:
        w = word_namespace(root)
    except Exception as exc:
        raise EditError(f"{part.name}: {exc}") from None
    local = root.tag.rsplit("}", 1)[-1]
    tracer = _Tracer(w, part.name, paragraph_ordinals(root, w))
    if local == "document":
        body = root.find(f"{w}body")
        tracer.read(root, body if body is not None else root)
    elif local in ("footnotes", "endnotes"):
        for note in root.iter(f"{w}{local[:-1]}"):
            tracer.read(root, note)
    else:
        raise EditError(f"{part.name} is not a document, footnotes or endnotes part")
    return Story(part, w, list(root.iter(f"{w}p")), tracer.segments, tracer.raws, tracer.marks)


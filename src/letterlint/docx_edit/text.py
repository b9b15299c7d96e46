"""Text edits (`--fix`): change the text of the `w:t` elements concerned and nothing else.

A replacement takes the formatting of the run where it starts, characters that are deleted vanish from their
own runs, a `w:t` left empty is removed (and a run left without content with it).  Tabs and breaks (`w:tab`,
`w:br`, …) inside a replaced span are removed.  An insertion goes into the text run before the position —
except exactly at a footnote or endnote mark, where it goes after the mark (to put text before a mark, replace
the character before it).  Replacements with a tab or line break are not carried out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ..findings import Msg
from .errors import EditError
from .package import EditorBase
from .runs import remove_elements, t_element
from .story import Story

Segment = tuple[int, int, Element]  # raw start, raw end, the element that holds the text

CHANGED = Msg("de alinea heeft niet meer de tekst die gelezen is", "the paragraph no longer has the text that was read")
BREAK = Msg("een vervanging met een regeleinde of tab wordt in .docx niet gemaakt",
            "a replacement with a line break or tab is not made in .docx")
HALF = Msg("de tekst loopt half door een speciaal teken", "the span cuts through a special character")
NO_RUN = Msg("op deze plek staat geen tekst om in te voegen", "no text run at this position")
UNEXPECTED = Msg("de runs bevatten niet de verwachte tekst", "the runs do not hold the expected text")


@dataclass
class Located:
    """Where an edit (a, b, new) falls: the segments it overlaps and the text segment that takes `new`."""

    over: list[Segment]
    text_over: list[Segment]
    anchor: Segment | None


def locate(story: Story, p: Element, a: int, b: int, new: str) -> Located | Msg:
    """The segments of paragraph p that the edit touches, or the reason it cannot be made."""
    if "\n" in new or "\t" in new or "\r" in new:
        return BREAK
    t_tag = f"{story.w}t"
    segs = story.segments.get(id(p), [])
    over = [s for s in segs if s[0] < b and s[1] > a]
    t_over = [s for s in over if s[2].tag == t_tag]
    if any(s[2].tag != t_tag and not (a <= s[0] and s[1] <= b) for s in over):
        return HALF
    anchor = t_over[0] if t_over else None
    if new and anchor is None:
        anchor = insertion_segment(segs, a, story.marks.get(id(p), set()), t_tag)
        if anchor is None:
            return NO_RUN
    check = t_over + ([anchor] if anchor is not None else [])
    if any(len(s[2].text or "") != s[1] - s[0] for s in check):
        return UNEXPECTED
    return Located(over, t_over, anchor)


def insertion_segment(segs: list[Segment], a: int, marks: set[int], t_tag: str) -> Segment | None:
    """The text element an insertion at raw offset `a` goes into."""
    inside = before = after = None
    for s in segs:
        if s[2].tag != t_tag:
            continue
        if s[0] < a < s[1]:
            inside = s
            break
        if s[1] == a:
            before = s
        elif s[0] == a and after is None:
            after = s
    if inside is not None:
        return inside
    if a in marks and after is not None:
        return after
    return before or after


@dataclass
class _NewText:
    """The new texts of one paragraph's `w:t` elements, and the elements to remove."""

    texts: dict[int, list] = field(default_factory=dict)  # id(w:t) → [element, new text]
    removed: dict[int, Element] = field(default_factory=dict)  # tabs, breaks … inside replaced spans

    def apply(self, where: Located, a: int, b: int, new: str) -> None:
        anchor = where.anchor
        for s in where.text_over:
            entry = self.texts.setdefault(id(s[2]), [s[2], s[2].text or ""])
            lo, hi = max(a - s[0], 0), min(b - s[0], s[1] - s[0])
            entry[1] = entry[1][:lo] + (new if s is anchor else "") + entry[1][hi:]
        if new and anchor is not None and not any(s is anchor for s in where.text_over):
            entry = self.texts.setdefault(id(anchor[2]), [anchor[2], anchor[2].text or ""])
            k = a - anchor[0]
            entry[1] = entry[1][:k] + new + entry[1][k:]
        texts = {id(s[2]) for s in where.text_over}
        for s in where.over:
            if id(s[2]) not in texts:
                self.removed[id(s[2])] = s[2]


class TextEdits(EditorBase):
    def edit_paragraph(self, part_name: str, ordinal: int, raw: str,
                       edits: list[tuple[int, int, str]]) -> list[Msg | None]:
        """Apply non-overlapping edits (raw start, raw end, replacement) to one paragraph.

        Returns, per edit, None when done or the reason it was not.
        """
        story = self.story(part_name)
        try:
            p = story.paragraph(ordinal, raw)
        except EditError:
            return [CHANGED] * len(edits)
        new_text = _NewText()
        results: list[Msg | None] = [None] * len(edits)
        for i in sorted(range(len(edits)), key=lambda i: (edits[i][0], edits[i][1]), reverse=True):
            a, b, new = edits[i]
            where = locate(story, p, a, b, new)
            if isinstance(where, Msg):
                results[i] = where
                continue
            new_text.apply(where, a, b, new)
        part = story.part
        gone: list[Element] = list(new_text.removed.values())
        for el, text in new_text.texts.values():
            if text == (el.text or ""):
                continue
            if not text:
                gone.append(el)
                continue
            span = part.span[id(el)]
            part.splice(span[0], span[3], t_element(part, el, text))
        remove_elements(part, gone, story.w)
        return results

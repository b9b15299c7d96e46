"""Tracked changes (`--suggest`): an edit made as `w:del` and `w:ins` runs instead of changing the text.

An edit (raw start, raw end, replacement) of a paragraph touches the same runs as `--fix` would (`text.locate`):

* every character it replaces stays where it is, in a run with the properties of its own run, wrapped in
  `w:del` (its `w:t` becomes `w:delText`; tabs and breaks in the span are deleted with it);
* the replacement is a new run in `w:ins`, with the run properties of the run where the span starts — the
  formatting `--fix` gives it — right after the deleted part of that run (an insertion: where `--fix` would
  insert it).

So accepting the change gives the paragraph `--fix` writes and rejecting it gives the original.  Nothing else
in the paragraph changes.  No fix changes formatting or paragraph properties, so no `w:rPrChange` or
`w:pPrChange` is written: the inserted run carries its formatting itself.

An edit that touches an existing revision (inserted, deleted or moved text, a formatting change) is not made:
revisions are not nested; the caller leaves a comment instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from ..findings import Msg
from .comments import Comments
from .errors import EditError
from .runs import ORDER_STEP, content_children, position, run_properties
from .story import Story
from .text import CHANGED, HALF, Located, Segment, locate
from .xmlpart import escape_attr, escape_text

if TYPE_CHECKING:
    from .xmlpart import XmlPart

REVISIONS = ("ins", "del", "moveFrom", "moveTo")
IN_REVISION = Msg("de tekst valt in een bestaande bijgehouden wijziging",
                  "the text lies in an existing tracked change")
INSERT_ORDER = ORDER_STEP // 2  # at one place: comment ends, then insertions, then comment starts


class Tracked(Comments):
    def track_paragraph(self, part_name: str, ordinal: int, raw: str, edits: list[tuple[int, int, str]],
                        author: str, date: str) -> list[Msg | None]:
        """Make non-overlapping edits (raw start, raw end, replacement) as tracked changes.

        Returns, per edit, None when done or the reason it was not.
        """
        story = self.story(part_name)
        try:
            p = story.paragraph(ordinal, raw)
        except EditError:
            return [CHANGED] * len(edits)
        _, decl = self._w_prefix(story.part, story.w[1:-1])
        attrs = b' w:author="' + escape_attr(author) + b'" w:date="' + escape_attr(date) + b'"'
        revisions = _revision_spans(story.part, p, story.w)
        results: list[Msg | None] = []
        for a, b, new in edits:
            where = locate(story, p, a, b, new)
            if not isinstance(where, Msg):
                where = self._check(story, where, revisions)
            if isinstance(where, Msg):
                results.append(where)
                continue
            self._delete(story, where, a, b, b"<w:del" + decl + b' w:id="%ID%"' + attrs + b">")
            if new:
                self._insert(story, where, a, b, new, decl, attrs)
            results.append(None)
        return results

    @staticmethod
    def _check(story: Story, where: Located, revisions: list[tuple[int, int]]) -> Located | Msg:
        """Refuse an edit outside plain runs, or touching an existing revision."""
        part, w = story.part, story.w
        touched = where.over + ([where.anchor] if where.anchor is not None else [])
        found = [part.parent.get(id(s[2])) for s in touched]
        runs = [r for r in found if r is not None and r.tag == f"{w}r"]
        if len(runs) != len(found):
            return HALF
        if any(r.find(f"{w}rPr/{w}rPrChange") is not None for r in runs):
            return IN_REVISION
        spans = [part.span[id(r)] for r in runs]
        lo, hi = min(s[0] for s in spans), max(s[3] for s in spans)
        if any(start < hi and end > lo for start, end in revisions):
            return IN_REVISION
        return where

    def _delete(self, story: Story, where: Located, a: int, b: int, del_tag: bytes) -> None:
        part, w = story.part, story.w
        for s0, s1, node in where.over:
            run = part.parent[id(node)]
            j = next(i for i, c in enumerate(content_children(run, w)) if c is node)
            k0, k1 = (max(a - s0, 0), min(b, s1) - s0) if node.tag == f"{w}t" else (0, 1)
            self.delete_in_run(part.name, run, j, k0, k1, del_tag)

    def _insert(self, story: Story, where: Located, a: int, b: int, new: str, decl: bytes, attrs: bytes) -> None:
        part, w = story.part, story.w
        anchor = where.anchor
        assert anchor is not None  # locate() gives every edit with new text an anchor
        if any(s is anchor for s in where.text_over):
            s0, s1, node = _last_deleted(story, where, anchor)
            at = position(part, w, node, min(b, s1) - s0 if node.tag == f"{w}t" else 0, "end")
        else:
            at = position(part, w, anchor[2], a - anchor[0], "end")
        assert at is not None  # _check() made sure the anchor is in a run
        rid = self.new_id()
        rpr = run_properties(part, part.parent[id(anchor[2])], w)
        marker = (b"<w:ins" + decl + b' w:id="%d"' % rid + attrs + b"><w:r" + decl + b">" + rpr
                  + b'<w:t xml:space="preserve">' + escape_text(new) + b"</w:t></w:r></w:ins>")
        self.put_marker(part.name, at, INSERT_ORDER + rid, marker)


def _last_deleted(story: Story, where: Located, anchor: Segment) -> Segment:
    """The last segment deleted in one go with the anchor: same run, nothing kept in between.

    The insertion follows it, so a writer sees the old text, then the new; accepting gives what --fix gives
    (which puts the new text where the anchor's text was), since nothing but deleted text lies in between.
    """
    part, w = story.part, story.w
    run = part.parent[id(anchor[2])]
    children = content_children(run, w)
    index = {id(c): i for i, c in enumerate(children)}
    last = anchor
    i = where.over.index(last)
    for seg in where.over[i + 1:]:
        if part.parent.get(id(seg[2])) is not run or index[id(seg[2])] != index[id(last[2])] + 1:
            break
        last = seg
    return last


def _revision_spans(part: XmlPart, p: Element, w: str) -> list[tuple[int, int]]:
    """The byte spans of the existing revisions of text in paragraph p."""
    tags = {f"{w}{name}" for name in REVISIONS}
    out = []
    for el in p.iter():
        if el.tag in tags and el.tag != p.tag:
            span = part.span[id(el)]
            out.append((span[0], span[3]))
    return out

"""Comments: anchors in the running text (`w:commentRangeStart`/`End` and a reference run) and the comments part.

Anchors split runs where a range starts or ends inside one: both halves keep the run properties.  Existing
comments are kept; new ones get fresh ids.  A document without comments gets a comments part, with its
relationship and content-type override.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from .package import append_to_root
from .runs import ORDER_STEP, RunCuts
from .xmlpart import escape_attr, escape_text

if TYPE_CHECKING:
    from .xmlpart import XmlPart

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


class Comments(RunCuts):
    def next_comment_id(self) -> int:
        """A fresh comment id: used by no comment, revision or other annotation of the document."""
        return self.new_id()

    def _markers(self, part: XmlPart, w: str, cid: int) -> tuple[bytes, bytes]:
        _, decl = self._w_prefix(part, w[1:-1])
        start = b"<w:commentRangeStart" + decl + b' w:id="%d"/>' % cid
        end = (b"<w:commentRangeEnd" + decl + b' w:id="%d"/>' % cid
               + b"<w:r" + decl + b'><w:commentReference w:id="%d"/></w:r>' % cid)
        return start, end

    def anchor_comment(self, part_name: str, ordinal: int, raw: str | None, start: int, end: int, cid: int) -> None:
        """Anchor comment `cid` at the raw span [start, end) of a paragraph (an empty span: the paragraph)."""
        story = self.story(part_name)
        p = story.paragraph(ordinal, raw)
        part, w = story.part, story.w
        start_marker, end_marker = self._markers(part, w, cid)
        first = last = None
        if start < end:
            first = self.cut(story, p, start, "start")
            last = self.cut(story, p, end, "end")
        if first is None or last is None:
            first, last = self.paragraph_cut(part, p, w, "start"), self.paragraph_cut(part, p, w, "end")
        self.put_marker(part.name, first, ORDER_STEP + cid, start_marker)
        self.put_marker(part.name, last, cid, end_marker)

    def anchor_comment_at_reference(self, kind: str, note_id: str, cid: int) -> bool:
        """Anchor comment `cid` at the reference mark of a footnote/endnote in the main document."""
        story = self.story(self.main)
        part, w = story.part, story.w
        for el in part.root.iter(f"{w}{kind}Reference"):
            if el.get(f"{w}id") != note_id:
                continue
            run = part.parent.get(id(el))
            if run is None or run.tag != f"{w}r":
                return False
            start_marker, end_marker = self._markers(part, w, cid)
            span = part.span[id(run)]
            self.put_marker(part.name, ("byte", span[0]), ORDER_STEP + cid, start_marker)
            self.put_marker(part.name, ("byte", span[3]), cid, end_marker)
            return True
        return False

    def add_comments(self, comments: list[tuple[int, list[str]]], author: str, initials: str, date: str) -> None:
        """Write the comments (id, paragraphs of text) to the comments part, creating it when needed."""
        if not comments:
            return
        w_ns = self.story(self.main).w[1:-1]
        body = b"".join(self._comment_xml(cid, lines, author, initials, date) for cid, lines in comments)
        targets = self._related("comments")
        if targets and targets[0] in self.zip.by_name:
            part = self.part(targets[0])
            _, decl = self._w_prefix(part, w_ns)
            if decl:
                body = body.replace(b"<w:comment ", b"<w:comment" + decl + b" ")
            append_to_root(part, body)
            return
        name = targets[0] if targets else self._free_name(posixpath.join(posixpath.dirname(self.main), "comments.xml"))
        self.added[name] = (XML_DECLARATION + b'<w:comments xmlns:w="' + escape_attr(w_ns) + b'">' + body
                            + b"</w:comments>")
        if not targets:
            self._add_relationship(name)
        self._add_override(name)

    @staticmethod
    def _comment_xml(cid: int, lines: list[str], author: str, initials: str, date: str) -> bytes:
        paragraphs = []
        for i, line in enumerate(lines):
            ref = b"<w:r><w:annotationRef/></w:r>" if i == 0 else b""
            paragraphs.append(b"<w:p>" + ref + b'<w:r><w:t xml:space="preserve">' + escape_text(line) + b"</w:t></w:r></w:p>")
        return (b'<w:comment w:id="%d" w:author="' % cid + escape_attr(author) + b'" w:date="' + escape_attr(date)
                + b'" w:initials="' + escape_attr(initials) + b'">' + b"".join(paragraphs) + b"</w:comment>")

"""An XML part edited as bytes: parsed with expat for the byte span of every element, changed by splices."""

from __future__ import annotations

import re
import xml.parsers.expat as expat
from xml.etree.ElementTree import Element, TreeBuilder

from ..lazyre import lazy_re
from .errors import EditError

_TAG_END = lazy_re(rb"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_QNAME = lazy_re(rb"<([^\s/>]+)")
_DECL_ENCODING = lazy_re(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_INVALID_XML = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _refuse(*_args):
    raise EditError("XML with a DTD or entity declarations is not edited")


def _clark(name: str) -> str:
    return "{" + name if "}" in name else name


def escape_text(text: str) -> bytes:
    text = _INVALID_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")


def escape_attr(text: str) -> bytes:
    return escape_text(text).replace(b'"', b"&quot;")


class XmlPart:
    """One XML part as an ElementTree (the reader's view) plus the byte span of every element."""

    def __init__(self, name: str, data: bytes):
        self.name, self.data = name, data
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise EditError(f"{name} is not UTF-8")
        m = _DECL_ENCODING.match(data)
        if m and m.group(1).lower() not in (b"utf-8", b"utf8"):
            raise EditError(f"{name} is not UTF-8")
        self.span: dict[int, list[int]] = {}  # id(element) → [start, start-tag end, end-tag start, end]
        self.parent: dict[int, Element] = {}
        tb = TreeBuilder()
        stack: list[Element] = []
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True

        def start(tag, attrs):
            i = parser.CurrentByteIndex
            found = _TAG_END.match(data, i)
            assert found is not None  # expat reports a start tag where one begins
            tag_end = found.end()
            el = tb.start(_clark(tag), {_clark(k): v for k, v in attrs.items()})
            if stack:
                self.parent[id(el)] = stack[-1]
            stack.append(el)
            empty = data[tag_end - 2 : tag_end] == b"/>"
            self.span[id(el)] = [i, tag_end, tag_end if empty else -1, tag_end if empty else -1]

        def end(tag):
            el = tb.end(_clark(tag))
            stack.pop()
            span = self.span[id(el)]
            if span[3] < 0:
                i = parser.CurrentByteIndex
                span[2], span[3] = i, data.index(b">", i) + 1

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = tb.data
        parser.StartDoctypeDeclHandler = _refuse
        parser.EntityDeclHandler = _refuse
        try:
            parser.Parse(data, True)
        except expat.ExpatError as exc:
            raise EditError(f"damaged XML in {name} ({exc})") from None
        self.root: Element = tb.close()
        self.splices: list[tuple[int, int, int, int, bytes]] = []  # (start, end, priority, seq, bytes)

    # bytes of elements

    def element_bytes(self, el: Element) -> bytes:
        s = self.span[id(el)]
        return self.data[s[0] : s[3]]

    def start_tag(self, el: Element) -> bytes:
        s = self.span[id(el)]
        return self.data[s[0] : s[1]]

    def qname(self, el: Element) -> bytes:
        m = _QNAME.match(self.data, self.span[id(el)][0])
        assert m is not None  # every span starts at a start tag
        return m.group(1)

    def open_tag(self, el: Element) -> bytes:
        """The start tag, as a non-empty one (`<w:t/>` → `<w:t>`)."""
        tag = self.start_tag(el)
        return tag[:-2].rstrip() + b">" if tag.endswith(b"/>") else tag

    def close_tag(self, el: Element) -> bytes:
        return b"</" + self.qname(el) + b">"

    def is_empty(self, el: Element) -> bool:
        s = self.span[id(el)]
        return s[1] == s[3]

    # splicing

    def splice(self, start: int, end: int, data: bytes, priority: int = 0) -> None:
        self.splices.append((start, end, priority, len(self.splices), data))

    def result(self) -> bytes:
        if not self.splices:
            return self.data
        out, pos = [], 0
        for start, end, _p, _s, data in sorted(self.splices):
            if start < pos:
                raise EditError(f"overlapping edits in {self.name}")
            out.append(self.data[pos:start])
            out.append(data)
            pos = end
        out.append(self.data[pos:])
        return b"".join(out)

    def declares(self, prefix: str, namespace: str) -> bool:
        """Does the root element bind `prefix` to `namespace`?"""
        tag = self.start_tag(self.root)
        return re.search(rb"\sxmlns:" + prefix.encode() + rb"""\s*=\s*["']""" + re.escape(namespace.encode()) + rb"""["']""",
                         tag) is not None


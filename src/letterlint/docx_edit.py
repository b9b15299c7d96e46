"""Editing a .docx without disturbing it: text fixes, removal of hidden bookmarks, comment anchors.

The principle: change the fewest bytes possible and leave everything else exactly as it was.

* The zip is rewritten by hand (`ZipPackage`): every entry that is not edited is copied as its original
  bytes (local header, compressed data, data descriptor), in the original order, and its central-directory
  record is kept except for the new offset.  Edited entries keep their name, compression method, time stamp
  and attributes; new entries (a comments part) are added at the end.
* An XML part is edited as bytes, not re-serialised (`XmlPart`): it is parsed with expat to learn the byte
  span of every element, and edits are splices of those spans.  Namespace prefixes, attribute order,
  `mc:Ignorable` declarations, whitespace — everything not edited stays byte for byte.
* Which bytes hold which character of a paragraph is found by walking the part with the .docx reader's own
  rules (`_Tracer` is the reader's `PartReader`, recording the element behind every character), so the
  offsets of the document model (`Paragraph.raw`, `Location.raw_start/raw_end`) map exactly.

Text edits change the text of the `w:t` elements concerned and nothing else: a replacement takes the
formatting of the run where it starts, characters that are deleted vanish from their own runs, a `w:t` left
empty is removed (and a run left without content with it).  Tabs and breaks (`w:tab`, `w:br`, …) inside a
replaced span are removed.  An insertion goes into the text run before the position — except exactly at a
footnote or endnote mark, where it goes after the mark (to put text before a mark, replace the character
before it).  Replacements with a tab or line break are not carried out.

Comment anchors (`--annotate`) split runs where a range starts or ends inside one: both halves keep the run
properties.  Supported: transitional and strict OOXML in UTF-8 (what Word and LibreOffice write); ZIP64,
multi-disk and encrypted archives are refused (`EditError`), as is anything else the editor cannot do safely.
"""

from __future__ import annotations

import posixpath
import re
import struct
import xml.parsers.expat as expat
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element, TreeBuilder

from .findings import Msg
from .readers.docx import REL_NS, Package, PartReader, Styles, _namespace, _ordinals


class EditError(Exception):
    """The package cannot be edited safely; nothing is written."""


# -- the zip ---------------------------------------------------------------------------------------------

LOCAL_SIG, CD_SIG, EOCD_SIG = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
ZIP64_EXTRA = 0x0001


@dataclass
class _Entry:
    name: str
    cd: bytes  # the central-directory record, as in the file
    offset: int  # of the local header
    end: int = 0  # end of the entry's bytes (next entry's header, or the central directory)


def _strip_zip64(extra: bytes) -> bytes:
    out, i = b"", 0
    while i + 4 <= len(extra):
        kind, size = struct.unpack("<HH", extra[i : i + 4])
        if kind != ZIP64_EXTRA:
            out += extra[i : i + 4 + size]
        i += 4 + size
    return out


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


class ZipPackage:
    """A zip archive that can be written back with some entries replaced and others added."""

    def __init__(self, data: bytes):
        self.data = data
        i = data.rfind(EOCD_SIG, max(0, len(data) - 65557))
        if i < 0 or len(data) < i + 22:
            raise EditError("the zip archive has no central directory")
        _, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, clen = struct.unpack("<4sHHHHIIH", data[i : i + 22])
        if disk or cd_disk or n_disk != n_total or n_total == 0xFFFF or 0xFFFFFFFF in (cd_size, cd_offset):
            raise EditError("multi-disk and ZIP64 archives are not edited")
        self.comment = data[i + 22 : i + 22 + clen]
        self.cd_offset = cd_offset
        self.entries: list[_Entry] = []
        pos = cd_offset
        for _ in range(n_total):
            if data[pos : pos + 4] != CD_SIG:
                raise EditError("the zip central directory is damaged")
            flags = struct.unpack("<H", data[pos + 8 : pos + 10])[0]
            nlen, xlen, klen = struct.unpack("<HHH", data[pos + 28 : pos + 34])
            offset = struct.unpack("<I", data[pos + 42 : pos + 46])[0]
            end = pos + 46 + nlen + xlen + klen
            try:
                name = data[pos + 46 : pos + 46 + nlen].decode("utf-8" if flags & 0x800 else "cp437")
            except UnicodeDecodeError:
                raise EditError("the zip has an entry name that cannot be decoded") from None
            if flags & 0x1:
                raise EditError("encrypted zip entries are not edited")
            if offset == 0xFFFFFFFF:
                raise EditError("ZIP64 entries are not edited")
            self.entries.append(_Entry(name, data[pos:end], offset))
            pos = end
        by_offset = sorted(self.entries, key=lambda e: e.offset)
        if by_offset and by_offset[0].offset != 0:
            raise EditError("the zip archive has data before its first entry")
        for a, b in zip(by_offset, by_offset[1:] + [None], strict=True):
            a.end = b.offset if b is not None else cd_offset
            if a.end <= a.offset or data[a.offset : a.offset + 4] != LOCAL_SIG:
                raise EditError("the zip archive is damaged (overlapping or missing entries)")
        self.by_name = {e.name: e for e in self.entries}

    def build(self, changes: dict[str, bytes], additions: Sequence[tuple[str, bytes]] = ()) -> bytes:
        out = bytearray()
        records: dict[int, bytes] = {}
        for e in sorted(self.entries, key=lambda e: e.offset):
            offset = len(out)
            if e.name in changes:
                local, record = self._rewrite(e, changes[e.name], offset)
                out += local
            else:
                out += self.data[e.offset : e.end]
                record = e.cd[:42] + struct.pack("<I", offset) + e.cd[46:]
            records[id(e)] = record
        template = self.by_name.get("word/document.xml") or self.entries[0]
        new_records = []
        for name, content in additions:
            if name in self.by_name:
                raise EditError(f"part {name} exists already")
            local, record = self._new(name, content, len(out), template)
            out += local
            new_records.append(record)
        cd_start = len(out)
        for e in self.entries:
            out += records[id(e)]
        for record in new_records:
            out += record
        n = len(self.entries) + len(new_records)
        if n >= 0xFFFF or len(out) >= 0xFFFFFFFF:
            raise EditError("the result would need ZIP64")
        out += struct.pack("<4sHHHHIIH", EOCD_SIG, 0, 0, n, n, len(out) - cd_start, cd_start, len(self.comment))
        out += self.comment
        return bytes(out)

    def _rewrite(self, e: _Entry, content: bytes, offset: int) -> tuple[bytes, bytes]:
        data = self.data
        nlen, xlen = struct.unpack("<HH", data[e.offset + 26 : e.offset + 30])
        name = data[e.offset + 30 : e.offset + 30 + nlen]
        extra = _strip_zip64(data[e.offset + 30 + nlen : e.offset + 30 + nlen + xlen])
        flags = struct.unpack("<H", e.cd[8:10])[0] & ~0x8  # sizes are in the header now: no data descriptor
        method = struct.unpack("<H", e.cd[10:12])[0]
        if method == 0:
            packed = content
        else:
            method, packed = 8, _deflate(content)
        crc = zlib.crc32(content)
        head = data[e.offset : e.offset + 6] + struct.pack("<HH", flags, method) + data[e.offset + 10 : e.offset + 14]
        local = head + struct.pack("<IIIHH", crc, len(packed), len(content), len(name), len(extra)) + name + extra
        cnlen, cxlen, cklen = struct.unpack("<HHH", e.cd[28:34])
        cextra = _strip_zip64(e.cd[46 + cnlen : 46 + cnlen + cxlen])
        record = (
            e.cd[:8] + struct.pack("<HH", flags, method) + e.cd[12:16]
            + struct.pack("<IIIHHH", crc, len(packed), len(content), cnlen, len(cextra), cklen)
            + e.cd[34:42] + struct.pack("<I", offset)
            + e.cd[46 : 46 + cnlen] + cextra + e.cd[46 + cnlen + cxlen :]
        )
        return local + packed, record

    @staticmethod
    def _new(name: str, content: bytes, offset: int, template: _Entry) -> tuple[bytes, bytes]:
        raw_name = name.encode("utf-8")
        flags = 0 if raw_name.isascii() else 0x800
        time_date = template.cd[12:16]  # the main document's time stamp: deterministic output
        packed, crc = _deflate(content), zlib.crc32(content)
        local = (LOCAL_SIG + struct.pack("<HHH", 20, flags, 8) + time_date
                 + struct.pack("<IIIHH", crc, len(packed), len(content), len(raw_name), 0) + raw_name)
        record = (CD_SIG + template.cd[4:6] + struct.pack("<HHH", 20, flags, 8) + time_date
                  + struct.pack("<IIIHHHHHII", crc, len(packed), len(content), len(raw_name), 0, 0, 0, 0, 0, offset)
                  + raw_name)
        return local + packed, record


# -- XML parts with byte spans -----------------------------------------------------------------------------

_TAG_END = re.compile(rb"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_QNAME = re.compile(rb"<([^\s/>]+)")
_DECL_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


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
            tag_end = _TAG_END.match(data, i).end()
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
        assert m is not None  # every element's span starts with its tag
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


# -- paragraphs: which element holds which character -------------------------------------------------------


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


def _trace(part: XmlPart) -> Story:
    root = part.root
    try:
        w = _namespace(root)
    except Exception as exc:
        raise EditError(f"{part.name}: {exc}") from None
    local = root.tag.rsplit("}", 1)[-1]
    tracer = _Tracer(w, part.name, _ordinals(root, w))
    if local == "document":
        body = root.find(f"{w}body")
        tracer.read(root, body if body is not None else root)
    elif local in ("footnotes", "endnotes"):
        for note in root.iter(f"{w}{local[:-1]}"):
            tracer.read(root, note)
    else:
        raise EditError(f"{part.name} is not a document, footnotes or endnotes part")
    return Story(part, w, list(root.iter(f"{w}p")), tracer.segments, tracer.raws, tracer.marks)


# -- the editor --------------------------------------------------------------------------------------------

CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
TRANSITIONAL_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


class DocxEditor:
    """Collects edits to a .docx and writes the new package.  Raises EditError when it cannot edit safely."""

    def __init__(self, data: bytes, main_part: str):
        self.zip = ZipPackage(data)
        self.main = main_part
        self.parts: dict[str, XmlPart] = {}
        self.stories: dict[str, Story] = {}
        self.added: dict[str, bytes] = {}
        self._w_ok: dict[str, bool] = {}
        self._pending: dict[str, list] = {}  # comment markers to place, per part
        self._pkg: Package | None = None

    def has(self, name: str) -> bool:
        return name in self.zip.by_name or name in self.added

    def read(self, name: str) -> bytes:
        from .readers.common import InputError

        if self._pkg is None:
            self._pkg = Package(self.zip.data)
        try:
            return self._pkg.read(name)
        except KeyError:
            raise EditError(f"part {name} not found") from None
        except InputError as exc:
            raise EditError(str(exc)) from None

    def part(self, name: str) -> XmlPart:
        if name not in self.parts:
            if name not in self.zip.by_name:
                raise EditError(f"part {name} not found")
            self.parts[name] = XmlPart(name, self.read(name))
        return self.parts[name]

    def story(self, name: str) -> Story:
        if name not in self.stories:
            self.stories[name] = _trace(self.part(name))
        return self.stories[name]

    # -- text edits ---------------------------------------------------------------------------------------

    def edit_paragraph(self, part_name: str, ordinal: int, raw: str,
                       edits: list[tuple[int, int, str]]) -> list[Msg | None]:
        """Apply non-overlapping edits (raw start, raw end, replacement) to one paragraph.

        Returns, per edit, None when done or the reason it was not.
        """
        story = self.story(part_name)
        try:
            p = story.paragraph(ordinal, raw)
        except EditError:
            return [Msg("de alinea heeft niet meer de tekst die gelezen is",
                        "the paragraph no longer has the text that was read")] * len(edits)
        part, w = story.part, story.w
        t_tag = f"{w}t"
        segs = story.segments.get(id(p), [])
        marks = story.marks.get(id(p), set())
        texts: dict[int, list] = {}  # id(w:t) → [element, new text]
        removed: dict[int, Element] = {}  # tabs, breaks … inside replaced spans
        results: list[Msg | None] = [None] * len(edits)
        for i in sorted(range(len(edits)), key=lambda i: (edits[i][0], edits[i][1]), reverse=True):
            a, b, new = edits[i]
            if "\n" in new or "\t" in new or "\r" in new:
                results[i] = Msg("een vervanging met een regeleinde of tab wordt in .docx niet gemaakt",
                                 "a replacement with a line break or tab is not made in .docx")
                continue
            over = [s for s in segs if s[0] < b and s[1] > a]
            t_over = [s for s in over if s[2].tag == t_tag]
            if any(s[2].tag != t_tag and not (a <= s[0] and s[1] <= b) for s in over):
                results[i] = Msg("de tekst loopt half door een speciaal teken",
                                 "the span cuts through a special character")
                continue
            anchor = t_over[0] if t_over else None
            if new and anchor is None:
                anchor = _insertion_segment(segs, a, marks, t_tag)
                if anchor is None:
                    results[i] = Msg("op deze plek staat geen tekst om in te voegen",
                                     "no text run at this position")
                    continue
            check = t_over + ([anchor] if anchor is not None else [])
            if any(len(s[2].text or "") != s[1] - s[0] for s in check):
                results[i] = Msg("de runs bevatten niet de verwachte tekst", "the runs do not hold the expected text")
                continue
            for s in t_over:
                entry = texts.setdefault(id(s[2]), [s[2], s[2].text or ""])
                lo, hi = max(a - s[0], 0), min(b - s[0], s[1] - s[0])
                entry[1] = entry[1][:lo] + (new if s is anchor else "") + entry[1][hi:]
            if new and anchor is not None and not any(s is anchor for s in t_over):
                entry = texts.setdefault(id(anchor[2]), [anchor[2], anchor[2].text or ""])
                k = a - anchor[0]
                entry[1] = entry[1][:k] + new + entry[1][k:]
            for s in over:
                if s[2].tag != t_tag:
                    removed[id(s[2])] = s[2]
        gone: list[Element] = list(removed.values())
        for el, text in texts.values():
            if text == (el.text or ""):
                continue
            if not text:
                gone.append(el)
                continue
            span = part.span[id(el)]
            part.splice(span[0], span[3], self._t_element(part, el, text))
        self._remove_elements(part, gone, w)
        return results

    @staticmethod
    def _t_element(part: XmlPart, el: Element, text: str) -> bytes:
        tag = part.open_tag(el)
        if (text != text.strip() or "  " in text) and b"xml:space" not in tag:
            tag = tag[:-1] + b' xml:space="preserve">'
        return tag + escape_text(text) + part.close_tag(el)

    @staticmethod
    def _remove_elements(part: XmlPart, elements: list[Element], w: str) -> None:
        """Remove elements; a run left with nothing but its properties goes too."""
        by_run: dict[int, list[Element]] = {}
        runs: dict[int, Element] = {}
        for el in elements:
            run = part.parent.get(id(el))
            if run is not None and run.tag == f"{w}r":
                by_run.setdefault(id(run), []).append(el)
                runs[id(run)] = run
            else:
                span = part.span[id(el)]
                part.splice(span[0], span[3], b"")
        for key, els in by_run.items():
            run = runs[key]
            content = [c for c in run if c.tag != f"{w}rPr"]
            ids = {id(e) for e in els}
            targets = [run] if all(id(c) in ids for c in content) else els
            for el in targets:
                span = part.span[id(el)]
                part.splice(span[0], span[3], b"")

    # -- bookmarks ----------------------------------------------------------------------------------------

    def remove_bookmarks(self, part_name: str, names: list[str]) -> dict[str, Msg | None]:
        """Remove the named bookmarks from a story part; keep any that some part still names elsewhere."""
        story = self.story(part_name)
        part, w = story.part, story.w
        wanted = set(names)
        starts: dict[str, list[Element]] = {}
        keep_ids = set()
        for el in part.root.iter(f"{w}bookmarkStart"):
            name = el.get(f"{w}name")
            if name in wanted:
                starts.setdefault(name, []).append(el)
            else:
                keep_ids.add(el.get(f"{w}id"))
        results: dict[str, Msg | None] = {}
        mentions = self._mentions([n for n in names if n in starts])
        doomed_ids: set[str | None] = set()
        doomed: list[Element] = []
        for name in names:
            els = starts.get(name)
            if not els:
                results[name] = Msg("bladwijzer niet gevonden", "bookmark not found")
                continue
            if mentions.get(name, 0) > len(els):
                results[name] = Msg("de bladwijzer wordt nog gebruikt (een veld, koppeling of ander onderdeel noemt haar)",
                                    "the bookmark is still used (a field, link or other part names it)")
                continue
            doomed += els
            doomed_ids.update(el.get(f"{w}id") for el in els)
            results[name] = None
        doomed_ids -= keep_ids
        doomed += [el for el in part.root.iter(f"{w}bookmarkEnd") if el.get(f"{w}id") in doomed_ids]
        for el in doomed:
            span = part.span[id(el)]
            part.splice(span[0], span[3], b"")
        return results

    def _mentions(self, names: list[str]) -> dict[str, int]:
        """How often each name occurs, as a whole word, in the XML parts of the package."""
        if not names:
            return {}
        pattern = re.compile(rb"(?<![\w.-])(" + b"|".join(re.escape(escape_attr(n)) for n in names) + rb")(?![\w.-])")
        counts: dict[str, int] = {}
        for entry in self.zip.entries:
            if not entry.name.endswith((".xml", ".rels")):
                continue
            data = self.parts[entry.name].data if entry.name in self.parts else self.read(entry.name)
            for m in pattern.finditer(data):
                key = m.group(1).decode("utf-8", "replace")
                counts[key] = counts.get(key, 0) + 1
        return counts

    # -- comments -----------------------------------------------------------------------------------------

    def next_comment_id(self) -> int:
        ids = [-1]
        names = [self.main] + [t for kind in ("footnotes", "endnotes", "comments") for t in self._related(kind)]
        for name in names:
            if name not in self.zip.by_name:
                continue
            part = self.part(name)
            for el in part.root.iter():
                if el.tag.endswith(("}comment", "}commentRangeStart", "}commentReference")):
                    for key, value in el.attrib.items():
                        if key.endswith("}id") and value.lstrip("-").isdigit():
                            ids.append(int(value))
        return max(ids) + 1

    def _related(self, kind: str) -> list[str]:
        rels = _rels_name(self.main)
        if rels not in self.zip.by_name:
            return []
        out = []
        folder = posixpath.dirname(self.main)
        for rel in self.part(rels).root.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External" or rel.get("Type", "").rsplit("/", 1)[-1] != kind:
                continue
            target = rel.get("Target", "")
            out.append(target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target)))
        return out

    def _w_prefix(self, part: XmlPart, w_ns: str) -> tuple[str, bytes]:
        """The prefix to write WordprocessingML elements with, and a declaration to add when it is unbound."""
        if part.name not in self._w_ok:
            self._w_ok[part.name] = part.declares("w", w_ns)
        return "w", (b"" if self._w_ok[part.name] else b' xmlns:w="' + escape_attr(w_ns) + b'"')

    def anchor_comment(self, part_name: str, ordinal: int, raw: str | None, start: int, end: int, cid: int) -> None:
        """Anchor comment `cid` at the raw span [start, end) of a paragraph (an empty span: the paragraph)."""
        story = self.story(part_name)
        p = story.paragraph(ordinal, raw)
        part, w = story.part, story.w
        _, decl = self._w_prefix(part, w[1:-1])
        start_marker = b"<w:commentRangeStart" + decl + b' w:id="%d"/>' % cid
        end_marker = (b"<w:commentRangeEnd" + decl + b' w:id="%d"/>' % cid
                      + b"<w:r" + decl + b'><w:commentReference w:id="%d"/></w:r>' % cid)
        first = last = None
        if start < end:
            first = self._cut(story, p, start, "start")
            last = self._cut(story, p, end, "end")
        if first is None or last is None:
            first, last = self._paragraph_cut(part, p, w, "start"), self._paragraph_cut(part, p, w, "end")
        self._pending.setdefault(part.name, []).append((first, 1, cid, start_marker))
        self._pending[part.name].append((last, 0, cid, end_marker))

    def anchor_comment_at_reference(self, kind: str, note_id: str, cid: int) -> bool:
        """Anchor comment `cid` at the reference mark of a footnote/endnote in the main document."""
        story = self.story(self.main)
        part, w = story.part, story.w
        tag = f"{w}{kind}Reference"
        for el in part.root.iter(tag):
            if el.get(f"{w}id") != note_id:
                continue
            run = part.parent.get(id(el))
            if run is None or run.tag != f"{w}r":
                return False
            _, decl = self._w_prefix(part, w[1:-1])
            span = part.span[id(run)]
            self._pending.setdefault(part.name, []).append(
                (("byte", span[0]), 1, cid, b"<w:commentRangeStart" + decl + b' w:id="%d"/>' % cid))
            self._pending[part.name].append(
                (("byte", span[3]), 0, cid, b"<w:commentRangeEnd" + decl + b' w:id="%d"/>' % cid
                 + b"<w:r" + decl + b'><w:commentReference w:id="%d"/></w:r>' % cid))
            return True
        return False

    def _cut(self, story: Story, p: Element, x: int, side: str):
        segs = story.segments.get(id(p), [])
        found = [s for s in segs if (s[0] <= x < s[1] if side == "start" else s[0] < x <= s[1])]
        if not found:
            return None
        s0, _s1, node = found[0]
        part, w = story.part, story.w
        run = part.parent.get(id(node))
        if run is None or run.tag != f"{w}r":
            return None
        children = [c for c in run if c.tag != f"{w}rPr"]
        j = next(i for i, c in enumerate(children) if c is node)
        if node.tag == f"{w}t":
            k = x - s0
            if k == len(node.text or ""):
                j, k = j + 1, 0
        else:
            j, k = (j, 0) if side == "start" else (j + 1, 0)
        span = part.span[id(run)]
        if k == 0 and j == 0:
            return ("byte", span[0])
        if k == 0 and j == len(children):
            return ("byte", span[3])
        return ("run", run, j, k)

    @staticmethod
    def _paragraph_cut(part: XmlPart, p: Element, w: str, side: str):
        span = part.span[id(p)]
        if part.is_empty(p):
            return ("empty-p", p)
        if side == "end":
            return ("byte", span[2])
        ppr = p.find(f"{w}pPr")
        return ("byte", part.span[id(ppr)][3] if ppr is not None and p[0] is ppr else span[1])

    def _place_comment_markers(self) -> None:
        for name, cuts in self._pending.items():
            part = self.part(name)
            w = self.story(name).w
            runs: dict[int, tuple[Element, list]] = {}
            empty: dict[int, tuple[Element, list]] = {}
            for where, priority, cid, marker in cuts:
                if where[0] == "byte":
                    part.splice(where[1], where[1], marker, priority * 1_000_000 + cid)
                elif where[0] == "run":
                    runs.setdefault(id(where[1]), (where[1], []))[1].append((where[2], where[3], priority, cid, marker))
                else:
                    empty.setdefault(id(where[1]), (where[1], []))[1].append((1 - priority, cid, marker))
            for run, run_cuts in runs.values():
                span = part.span[id(run)]
                part.splice(span[0], span[3], self._split_run(part, run, sorted(run_cuts), w))
            for p, p_cuts in empty.values():
                span = part.span[id(p)]
                inner = b"".join(m for _, _, m in sorted(p_cuts))  # starts, then ends
                part.splice(span[0], span[3], part.open_tag(p) + inner + part.close_tag(p))
        self._pending.clear()

    def _split_run(self, part: XmlPart, run: Element, cuts: list, w: str) -> bytes:
        open_tag, close_tag = part.open_tag(run), part.close_tag(run)
        rpr = run.find(f"{w}rPr")
        rpr_bytes = part.element_bytes(rpr) if rpr is not None else b""
        children = [c for c in run if c.tag != f"{w}rPr"]
        out: list[bytes] = []
        pieces: list[bytes] = []

        def flush():
            if pieces:
                out.append(open_tag + rpr_bytes + b"".join(pieces) + close_tag)
                pieces.clear()

        ci = 0
        for j, child in enumerate(children):
            if child.tag == f"{w}t":
                text, pos = child.text or "", 0
                while ci < len(cuts) and cuts[ci][0] == j:
                    k = cuts[ci][1]
                    if k > pos:
                        pieces.append(self._t_element(part, child, text[pos:k]))
                        pos = k
                    flush()
                    out.append(cuts[ci][4])
                    ci += 1
                if pos == 0:
                    pieces.append(part.element_bytes(child))
                elif pos < len(text):
                    pieces.append(self._t_element(part, child, text[pos:]))
            else:
                while ci < len(cuts) and cuts[ci][0] == j:
                    flush()
                    out.append(cuts[ci][4])
                    ci += 1
                pieces.append(part.element_bytes(child))
        while ci < len(cuts):
            flush()
            out.append(cuts[ci][4])
            ci += 1
        flush()
        return b"".join(out)

    def add_comments(self, comments: list[tuple[int, list[str]]], author: str, initials: str, date: str) -> None:
        """Write the comments (id, paragraphs of text) to the comments part, creating it when needed."""
        if not comments:
            return
        self._place_comment_markers()
        main = self.story(self.main)
        w_ns = main.w[1:-1]
        body = b"".join(self._comment_xml(cid, lines, author, initials, date) for cid, lines in comments)
        targets = [t for t in self._related("comments")]
        if targets and targets[0] in self.zip.by_name:
            part = self.part(targets[0])
            _, decl = self._w_prefix(part, w_ns)
            if decl:
                body = body.replace(b"<w:comment ", b"<w:comment" + decl + b" ")
            span = part.span[id(part.root)]
            if part.is_empty(part.root):
                part.splice(span[0], span[3], part.open_tag(part.root) + body + part.close_tag(part.root))
            else:
                part.splice(span[2], span[2], body)
            return
        name = targets[0] if targets else self._free_name(posixpath.join(posixpath.dirname(self.main), "comments.xml"))
        self.added[name] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="'
                            + escape_attr(w_ns) + b'">' + body + b"</w:comments>")
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

    def _free_name(self, name: str) -> str:
        base, ext = posixpath.splitext(name)
        n = 1
        while self.has(name):
            name = f"{base}{n}{ext}"
            n += 1
        return name

    def _rel_type_base(self) -> str:
        """The relationship namespace the package uses (transitional or strict), from its officeDocument link."""
        if "_rels/.rels" in self.zip.by_name:
            for rel in self.part("_rels/.rels").root.iter(f"{{{REL_NS}}}Relationship"):
                kind = rel.get("Type", "")
                if kind.endswith("/officeDocument"):
                    return kind.rsplit("/", 1)[0]
        return TRANSITIONAL_RELS

    def _add_relationship(self, target_part: str) -> None:
        rels = _rels_name(self.main)
        target = posixpath.relpath(target_part, posixpath.dirname(self.main) or ".")
        kind = self._rel_type_base() + "/comments"
        if rels not in self.zip.by_name:
            self.added[rels] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="'
                                + REL_NS.encode() + b'"><Relationship Id="rId1" Type="' + escape_attr(kind)
                                + b'" Target="' + escape_attr(target) + b'"/></Relationships>')
            self._add_override(rels, None)
            return
        part = self.part(rels)
        used = {rel.get("Id") for rel in part.root.iter(f"{{{REL_NS}}}Relationship")}
        n = len(used) + 1
        while f"rId{n}" in used:
            n += 1
        prefix = part.qname(part.root)[: -len(b"Relationships")]
        element = (b"<" + prefix + b'Relationship Id="rId%d" Type="' % n + escape_attr(kind) + b'" Target="'
                   + escape_attr(target) + b'"/>')
        span = part.span[id(part.root)]
        if part.is_empty(part.root):
            part.splice(span[0], span[3], part.open_tag(part.root) + element + part.close_tag(part.root))
        else:
            part.splice(span[2], span[2], element)

    def _add_override(self, name: str, content_type: str | None = COMMENTS_CT) -> None:
        if content_type is None:  # a .rels part: covered by the Default for the extension, if there is one
            part = self.part(CONTENT_TYPES)
            if any(el.get("Extension", "").lower() == "rels" for el in part.root.iter(f"{{{CT_NS}}}Default")):
                return
            content_type = "application/vnd.openxmlformats-package.relationships+xml"
        part = self.part(CONTENT_TYPES)
        for el in part.root.iter(f"{{{CT_NS}}}Override"):
            if el.get("PartName", "").lstrip("/").lower() == name.lower():
                return
        prefix = part.qname(part.root)[: -len(b"Types")]
        element = (b"<" + prefix + b'Override PartName="/' + escape_attr(name) + b'" ContentType="'
                   + escape_attr(content_type) + b'"/>')
        span = part.span[id(part.root)]
        if part.is_empty(part.root):
            part.splice(span[0], span[3], part.open_tag(part.root) + element + part.close_tag(part.root))
        else:
            part.splice(span[2], span[2], element)

    # -- writing ------------------------------------------------------------------------------------------

    def save(self) -> bytes:
        self._place_comment_markers()
        changes = {}
        for name, part in self.parts.items():
            data = part.result()
            if data != part.data:
                changes[name] = data
        if not changes and not self.added:
            return self.zip.data
        return self.zip.build(changes, list(self.added.items()))


def _insertion_segment(segs, a: int, marks: set[int], t_tag: str):
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

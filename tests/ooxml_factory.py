"""Small hand-made .docx packages for the fix and annotate tests, and helpers to look inside zips."""

from __future__ import annotations

import io
import struct
import zipfile
from xml.etree import ElementTree as ET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
Q = f"{{{W}}}"
STORIES = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")


def make_docx(body: str, *, footnotes: str | None = None, extra: dict[str, str] | None = None) -> bytes:
    """A minimal WordprocessingML package; `body` is the content of w:body, `footnotes` of w:footnotes."""
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>']
    parts = {
        "_rels/.rels": f'{DECL}<Relationships xmlns="{REL_NS}"><Relationship Id="rId1" '
                       f'Type="{OFFICE_RELS}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'{DECL}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
    }
    if footnotes is not None:
        overrides.append('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.footnotes+xml"/>')
        parts["word/footnotes.xml"] = f'{DECL}<w:footnotes xmlns:w="{W}">{footnotes}</w:footnotes>'
        parts["word/_rels/document.xml.rels"] = (
            f'{DECL}<Relationships xmlns="{REL_NS}"><Relationship Id="rId7" Type="{OFFICE_RELS}/footnotes" '
            f'Target="footnotes.xml"/></Relationships>')
    parts.update(extra or {})
    parts["[Content_Types].xml"] = (
        f'{DECL}<Types xmlns="{CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        f'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(overrides) + "</Types>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["[Content_Types].xml", "_rels/.rels", *[n for n in parts if n not in ("[Content_Types].xml", "_rels/.rels")]]:
            z.writestr(name, parts[name])
    return buf.getvalue()


def raw_entries(data: bytes) -> dict[str, bytes]:
    """Each entry's bytes exactly as stored (local header fields that matter + compressed data)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    out = {}
    for info in z.infolist():
        off = info.header_offset
        nlen, xlen = struct.unpack("<HH", data[off + 26 : off + 30])
        start = off + 30 + nlen + xlen
        out[info.filename] = data[off + 8 : off + 10] + data[start : start + info.compress_size]  # method + data
    return out


def part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def names(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


# -- accepting and rejecting tracked changes, done to the XML as Word does it ----------------------------


def review(data: bytes, accept: bool, author: str | None = "letterlint") -> bytes:
    """The package with the revisions (by `author`; None: all) accepted or rejected."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            content = src.read(info)
            if info.filename in STORIES:
                root = ET.fromstring(content)
                review_element(root, accept, author)
                content = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
            out.writestr(info, content)
    return buf.getvalue()


def review_element(el: ET.Element, accept: bool, author: str | None) -> None:
    drop, keep = (f"{Q}del", f"{Q}ins") if accept else (f"{Q}ins", f"{Q}del")
    children = list(el)
    for child in children:
        review_element(child, accept, author)
    new: list[ET.Element] = []
    for child in children:
        ours = author is None or child.get(f"{Q}author") == author
        if child.tag == drop and ours:
            continue
        if child.tag == keep and ours:
            for grandchild in child:
                for t in grandchild.iter(f"{Q}delText"):
                    t.tag = f"{Q}t"
                new.append(grandchild)
            continue
        new.append(child)
    if new != children:
        el[:] = new


def formatted(data: bytes) -> dict[str, list[list[tuple[str, bytes]]]]:
    """Per story part, per paragraph: every visible character with the properties of its run."""
    z = zipfile.ZipFile(io.BytesIO(data))
    out = {}
    for name in STORIES:
        if name not in z.namelist():
            continue
        root = ET.fromstring(z.read(name))
        paragraphs = []
        for p in root.iter(f"{Q}p"):
            chars = []
            for run in _runs(p):
                rpr = run.find(f"{Q}rPr")
                props = ET.tostring(rpr) if rpr is not None else b""
                chars += [(c, props) for t in run.findall(f"{Q}t") for c in (t.text or "")]
            paragraphs.append(chars)
        out[name] = paragraphs
    return out


def _runs(el: ET.Element):
    for child in el:
        if child.tag == f"{Q}r":
            yield child
        elif child.tag not in (f"{Q}del", f"{Q}moveFrom", f"{Q}p"):
            yield from _runs(child)

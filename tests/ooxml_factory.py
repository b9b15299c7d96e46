"""Small hand-made .docx packages for the fix and annotate tests, and helpers to look inside zips."""

from __future__ import annotations

import io
import struct
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


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

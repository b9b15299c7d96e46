"""Mutations of .docx packages for fuzzing: zip-level (flips, truncation, duplicate/missing/renamed parts,
header fields) and XML-level (flips, truncation, deep nesting, odd encodings, huge attributes, odd symbols).

`mutate(data, rng)` applies one to three random mutations; `check(data, name)` is the oracle: reading and
linting end in findings or an InputError, and every output format renders.  Used by tests/test_fuzz.py
(hypothesis picks the seeds) and bench/fuzz (the long run).
"""

from __future__ import annotations

import io
import os
import random
import struct
import warnings
import zipfile
from pathlib import Path

from ooxml_factory import make_docx

ENCODINGS = ["UTF-16", "utf-32", "x-onbekend", "ISO-8859-1", "cp1252", "EBCDIC-CP-US", "UTF-7", "", "utf-8\x00",
             "shift_jis", "ascii", "punycode", "rot13", "idna", "hex", "base64", "UTF-16LE"]


def fixture_docx() -> bytes:
    """A small but rich package: headings, a table, a content control, a field, a footnote, tracked changes."""
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Inleiding</w:t></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">De minister stuurt de de Kamer een brief</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cel met tekst [bookmark: _Toc1]</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '<w:sdt><w:sdtContent><w:p><w:ins w:author="A"><w:r><w:t>ingevoegd</w:t></w:r></w:ins>'
        '<w:del w:author="B"><w:r><w:delText>weg</w:delText></w:r></w:del></w:p></w:sdtContent></w:sdt>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>paragraaf 2</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:sym w:char="F0B7"/><w:tab/><w:t>Vraag 1</w:t></w:r></w:p>'
    )
    notes = ('<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Kamerstukken II '
             '2023/24, 12345, nr. 6.</w:t></w:r></w:p></w:footnote>')
    return make_docx(body, footnotes=notes)


def seeds(corpus: Path | None) -> list[tuple[str, bytes]]:
    """The fixture and, where the corpus is beside the checkout, its real Word files."""
    out = [("fixture.docx", fixture_docx())]
    if corpus is not None:
        for sub in ("docx", "docx-nl"):
            folder = corpus / sub
            if folder.is_dir():
                out += [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.docx")) if p.stat().st_size < 2_000_000]
    return out


# -- zip level -----------------------------------------------------------------------------------------------


def _parts(data: bytes) -> list[tuple[str, bytes]] | None:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        return [(i.filename, z.read(i)) for i in z.infolist()]
    except Exception:
        return None


def _zip(parts: list[tuple[str, bytes]], rng: random.Random) -> bytes:
    buf = io.BytesIO()
    method = rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w", method) as z:
            for name, content in parts:
                z.writestr(name, content)
    return buf.getvalue()


def flip(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if b:
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    return bytes(b)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def duplicate_part(data: bytes, rng: random.Random) -> bytes:
    parts = _parts(data)
    if not parts:
        return flip(data, rng)
    name, content = rng.choice(parts)
    return _zip(parts + [(name, flip(content, rng))], rng)


def drop_part(data: bytes, rng: random.Random) -> bytes:
    parts = _parts(data)
    if not parts:
        return truncate(data, rng)
    parts.pop(rng.randrange(len(parts)))
    return _zip(parts, rng)


def rename_part(data: bytes, rng: random.Random) -> bytes:
    parts = _parts(data)
    if not parts:
        return flip(data, rng)
    i = rng.randrange(len(parts))
    new = rng.choice(["word/document.xml", "../evil.xml", "/abs.xml", "word/DOCUMENT.xml", "word\\document.xml",
                      "a" * 300, "word/document.xml\x00x", "_rels/.rels"])
    parts[i] = (new, parts[i][1])
    return _zip(parts, rng)


def header_field(data: bytes, rng: random.Random) -> bytes:
    """Overwrite a 2- or 4-byte field of a local or central header (version, flags, method, sizes, counts)."""
    b = bytearray(data)
    sig = rng.choice([b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"])
    spots = [i for i in range(len(b) - 4) if b[i : i + 4] == sig] if len(b) < 4_000_000 else []
    if not spots:
        return flip(data, rng)
    at = rng.choice(spots)
    offset = rng.choice([4, 6, 8, 10, 16, 20, 24, 28, 30, 32, 34])
    value = rng.choice([0, 1, 0xFF, 0xFFFF, 0xFFFFFFFF, rng.getrandbits(16)])
    if at + offset + 4 <= len(b):
        if value > 0xFFFF or rng.random() < 0.3:
            struct.pack_into("<I", b, at + offset, value & 0xFFFFFFFF)
        else:
            struct.pack_into("<H", b, at + offset, value)
    return bytes(b)


def append_garbage(data: bytes, rng: random.Random) -> bytes:
    return data + os.urandom(rng.randint(1, 2000)) if rng.random() < 0.5 else os.urandom(rng.randint(1, 200)) + data


# -- XML level ------------------------------------------------------------------------------------------------


def _xml_mutation(data: bytes, rng: random.Random, change) -> bytes:
    parts = _parts(data)
    if not parts:
        return flip(data, rng)
    xml = [i for i, (n, _) in enumerate(parts) if n.endswith((".xml", ".rels"))]
    if not xml:
        return flip(data, rng)
    main = [i for i in xml if parts[i][0].endswith(("document.xml", "footnotes.xml", "styles.xml"))]
    i = rng.choice(main if main and rng.random() < 0.8 else xml)
    name, content = parts[i]
    parts[i] = (name, change(content, rng))
    return _zip(parts, rng)


def _x_flip(content: bytes, rng) -> bytes:
    return flip(content, rng)


def _x_truncate(content: bytes, rng) -> bytes:
    return truncate(content, rng)


def _x_nest(content: bytes, rng) -> bytes:
    depth = rng.choice([50, 500, 1000, 3000, 20000])
    tag = rng.choice([b"w:smartTag", b"w:sdt", b"w:hyperlink", b"w:ins", b"w:customXml", b"w:r", b"w:tbl", b"x"])
    at = content.find(rng.choice([b"<w:r>", b"<w:p>", b"<w:t", b"<w:body>"]))
    if at < 0:
        return content
    close = b"</" + tag + b">"
    open_ = b"<" + tag + b">"
    end = content.find(b">", at) + 1
    return content[:end] + open_ * depth + close * depth + content[end:]


def _x_encoding(content: bytes, rng) -> bytes:
    enc = rng.choice(ENCODINGS).encode("latin-1", "replace")
    head, sep, rest = content.partition(b"?>")
    if not sep:
        return b'<?xml version="1.0" encoding="' + enc + b'"?>' + content
    return b'<?xml version="1.0" encoding="' + enc + b'" standalone="yes"?>' + rest


def _x_attribute(content: bytes, rng) -> bytes:
    size = rng.choice([1000, 100_000, 1_000_000])
    value = (os.urandom(size // 2).hex() if rng.random() < 0.5 else "x" * size).encode()
    at = content.find(b' w:val="')
    if at < 0:
        at = content.find(b"<w:p>")
        return content if at < 0 else content[:at] + b'<w:p w:rsidR="' + value + b'">' + content[at + 5 :]
    return content[: at + 8] + value + content[at + 8 :]


def _x_symbol(content: bytes, rng) -> bytes:
    code = rng.choice(["D800", "DFFF", "FFFFFFFFFFFFFFFFFFFF", "110000", "0", "-1", "", "zz", "FFFE", "1F600",
                       "0x41", " 41", "４１"]).encode("utf-8")
    at = content.find(b"<w:t")
    if at < 0:
        return content
    return content[:at] + b'<w:sym w:char="' + code + b'"/>' + content[at:]


def _x_inject(content: bytes, rng) -> bytes:
    snippet = rng.choice([
        b'<!DOCTYPE x [<!ENTITY a "aaaa">]>', b"&#xD800;", b"&#0;", b"&unknown;", b"<![CDATA[x]]>", b"\x00",
        b'<w:t xml:space="preserve">' + ("\u00e9\u200b\ufeff" * 50).encode() + b"</w:t>", b"<?pi x?>", b"<!-- c -->",
        b'<w:fldChar w:fldCharType="begin"/>' * 200, b'<w:footnoteReference w:id="999"/>', b"<w:br/>" * 5000,
    ])
    at = rng.randrange(len(content) + 1)
    return content[:at] + snippet + content[at:]


ZIP_MUTATIONS = [flip, truncate, duplicate_part, drop_part, rename_part, header_field, append_garbage]
XML_MUTATIONS = [_x_flip, _x_truncate, _x_nest, _x_encoding, _x_attribute, _x_symbol, _x_inject]


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """One to three mutations; returns the bytes and their names (for a report)."""
    done = []
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.55:
            change = rng.choice(XML_MUTATIONS)
            data = _xml_mutation(data, rng, change)
        else:
            change = rng.choice(ZIP_MUTATIONS)
            data = change(data, rng)
        done.append(change.__name__.lstrip("_"))
    return data, done


# -- the oracle ------------------------------------------------------------------------------------------------


_PLAN = None


def plan():
    global _PLAN
    if _PLAN is None:
        from letterlint.config import load_config
        from letterlint.runner import build_plan

        _PLAN = build_plan(load_config(None, search=False))
    return _PLAN


def check(data: bytes, name: str = "fuzz.docx") -> str:
    """'refused' or 'linted'; raises AssertionError (or the unexpected exception) otherwise."""
    from letterlint.readers import InputError, read_bytes
    from letterlint.reporters import FORMATS
    from letterlint.runner import FileResult, lint_document

    try:
        doc = read_bytes(data, name)
    except InputError as exc:
        for lang in ("nl", "en"):
            line = exc.msg(lang)
            assert line and "\n" not in line, repr(line)
            assert "interne fout" not in line and "internal error" not in line, line
        return "refused"
    findings, problems = lint_document(doc, plan())
    assert not problems, [p("en") for p in problems]
    result = FileResult(path=name, findings=findings)
    for report in FORMATS.values():
        out = io.StringIO()
        report([result], out, lang="nl", color=False, plan=plan())
        out.getvalue().encode("utf-8")  # no lone surrogates in what is written
    from letterlint.baseline import fingerprint

    for f in findings:
        fingerprint(f)
    return "linted"

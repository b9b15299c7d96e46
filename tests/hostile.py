"""Hostile inputs, made on the fly: damaged and malicious .docx files, text exports, Markdown, configurations.

Each generator returns the bytes of one file.  `DOCUMENTS` and `CONFIGS` list them with what letterlint must
do with them: refuse (exit 2, one stderr line naming the file and a cause matching `cause`) or lint them.
The same generators feed tests/test_hostile.py and bench/fuzz.
"""

from __future__ import annotations

import io
import random
import string
import struct
import zipfile
from dataclasses import dataclass

from ooxml_factory import make_docx

PARA = "<w:p><w:r><w:t>De minister stuurt de Kamer een brief over de stand van zaken.</w:t></w:r></w:p>"


@dataclass
class Case:
    name: str  # the file name (its extension picks the reader)
    data: bytes
    refuse: str | None  # a regular expression for the cause in the (Dutch) stderr line; None: lints normally
    refuse_en: str | None = None


# -- .docx ----------------------------------------------------------------------------------------------


def sym(code: str) -> bytes:
    return make_docx(f'<w:p><w:r><w:t>Teken:</w:t><w:sym w:font="Symbol" w:char="{code}"/>'
                     f"<w:t> einde van de zin.</w:t></w:r></w:p>{PARA}")


def deep_nesting(levels: int, tag: str = "w:smartTag") -> bytes:
    inner = "<w:r><w:t>diep</w:t></w:r>"
    body = f"<w:p>{f'<{tag}>' * levels}{inner}{f'</{tag}>' * levels}</w:p>"
    return make_docx(body + PARA)


def deep_blocks(levels: int) -> bytes:
    """Content controls in content controls: the block-level walk."""
    return make_docx("<w:sdt><w:sdtContent>" * levels + PARA + "</w:sdtContent></w:sdt>" * levels)


def declared_encoding(encoding: str) -> bytes:
    doc = make_docx(PARA)
    z = zipfile.ZipFile(io.BytesIO(doc))
    parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b'encoding="UTF-8"', f'encoding="{encoding}"'.encode())
    return _zip(parts)


def _zip(parts: dict[str, bytes], extra: list[tuple[str, bytes]] = ()) -> bytes:
    import warnings

    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names, which is the point
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, content in parts.items():
                z.writestr(name, content)
            for name, content in extra:
                z.writestr(name, content)
    return buf.getvalue()


def duplicate_main_part() -> bytes:
    """Two word/document.xml entries: Word shows the first, Python's zipfile would read the last."""
    z = zipfile.ZipFile(io.BytesIO(make_docx(PARA)))
    parts = {n: z.read(n) for n in z.namelist()}
    hidden = parts["word/document.xml"].replace(b"stand van zaken", b"verborgen tekst")
    return _zip(parts, [("word/document.xml", hidden)])


def version_needed(value: int = 0xFFFF) -> bytes:
    """A central-directory entry that claims to need an unknown zip version to extract."""
    data = bytearray(make_docx(PARA))
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        struct.pack_into("<H", data, pos + 6, value)  # version needed to extract
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(data)


def long_attribute(size: int = 2_000_000, compressible: bool = False) -> bytes:
    """A style name of `size` characters: random letters (past the zip-bomb ratio guard) or one letter."""
    value = "x" * size if compressible else "".join(random.Random(size).choices(string.ascii_letters, k=size))
    return make_docx(f'<w:p><w:pPr><w:pStyle w:val="{value}"/></w:pPr><w:r><w:t>Tekst.</w:t></w:r></w:p>{PARA}')


# -- text and Markdown --------------------------------------------------------------------------------------


def late_nul() -> bytes:
    return ("Een gewone regel tekst.\n" * 1000).encode() + b"\x00" + b"Nog een regel.\n"


def cp1252_text() -> bytes:
    return "Geachte voorzitter,\n\nDe caf\u00e9s en de ge\u00efnteresseerden.\n".encode("cp1252")


# -- the list ------------------------------------------------------------------------------------------------


def documents() -> list[Case]:
    return [
        Case("sym-surrogaat.docx", sym("D800"), None),
        Case("sym-overloop.docx", sym("F" * 20), None),
        Case("sym-te-groot.docx", sym("110000"), None),
        Case("diep-inline.docx", deep_nesting(3000), "te diep genest", "nested too deeply"),
        Case("diep-blokken.docx", deep_blocks(3000), "te diep genest", "nested too deeply"),
        Case("onbekende-codering.docx", declared_encoding("x-onbekend"), "codering|XML", "encoding|XML"),
        Case("utf16-codering.docx", declared_encoding("UTF-16"), "codering|XML", "encoding|XML"),
        Case("dubbel-onderdeel.docx", duplicate_main_part(), "dubbel", "twice"),
        Case("zipversie.docx", version_needed(), "zip", "zip"),
        Case("lang-attribuut.docx", long_attribute(), None),
        Case("lang-attribuut-comprimeerbaar.docx", long_attribute(compressible=True), "zip-bom", "zip bomb"),
        Case("nul-laat.txt", late_nul(), "binair", "binary"),
        Case("nul-laat.md", late_nul(), "binair", "binary"),
    ]


# -- configurations ----------------------------------------------------------------------------------------


def alias_bomb(depth: int = 9, width: int = 9) -> bytes:
    """A "billion laughs" under a known key: each list holds `width` aliases of the one before."""
    lines = ["settings:", "  answer-labels:", "    - &x0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, depth):
        lines.append(f"    - &x{i} [" + ", ".join([f"*x{i - 1}"] * width) + "]")
    return ("\n".join(lines) + "\n").encode()


def configs() -> list[Case]:
    big = "9" * 5000
    return [
        Case("groot-getal.yaml", f"rules:\n  doubled-word:\n    severity: {big}\n".encode(), "getal|number", "number"),
        Case("alias-bom.yaml", alias_bomb(), "alias", "alias"),
        # libyaml's C parser crashes the process on this (a segmentation fault), so user files use the Python one
        Case("diep-genest.yaml", b"settings:\n  answer-labels: " + b"[" * 100_000 + b"\n", "te diep genest", "nested too deeply"),
        Case("dubbele-sleutel.yaml", b"fail-on: error\nlang: nl\nfail-on: info\n", "regel 1 en 3", "lines 1 and 3"),
        Case("ongeldige-glob.yaml", b"per-file-ignores:\n  'archief/[a-z.txt': [doubled-word]\n", "glob|patroon", "glob|pattern"),
        Case("geheugenpatroon.yaml", (b"rules:\n  bom:\n    kind: pattern\n    pattern: '((a{1000}){1000}){1000}'\n"
                                      b"    message: te groot\n"), "bom", "bom"),
        Case("lang-patroon.yaml", (b"rules:\n  lang:\n    kind: pattern\n    pattern: '" + b"(?:ab|cd)" * 5000 + b"'\n"
                                   b"    message: te lang\n"), "lang", "lang"),
    ]

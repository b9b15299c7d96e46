"""Reader for Word .docx files, straight from the zip of XML parts (standard library + defusedxml).

What it reads:
* the main part, found through `_rels/.rels` (it is not always `word/document.xml`), in transitional or
  strict OOXML;
* paragraphs in order, in tables and content controls too; heading level from the style (outline level or a
  heading style name, following `basedOn`) or the paragraph's own outline level; list paragraphs (numbering);
* footnotes and endnotes with their references (separator notes are kept but marked `special`);
* bookmarks, comments and their anchors, tracked changes (deleted and moved-away text is not part of the
  paragraph text), fields (complex `w:fldChar` fields, also across paragraphs, and `w:fldSimple`), with their
  instruction and cached result.

Guards: the zip must be a real OOXML package; parts are read with a size cap and a compression-ratio cap (zip
bombs), XML with defusedxml (no DTDs, no entities).  Password-protected files and legacy .doc files (both OLE
containers) are recognised and refused with a clear message.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element, ParseError

import regex

from ..lazyre import lazy, lazy_re
from ..model import HEADING, LIST, TABLE, Document
from ..textmap import TextBuilder
from .common import LEAKED_BOOKMARK, OLE_MAGIC, Draft, InputError, NoteDraft, assemble

if TYPE_CHECKING:
    from collections.abc import Iterator

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part, uncompressed
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # everything read from one file
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MiB

HEADING_NAME = lazy(
    r"^(?:heading|kop|überschrift|titre|titolo|encabezado|título|rubrik|otsikko)\s*(\d)$", regex.IGNORECASE
)
TITLE_NAMES = {"title", "titel", "titre", "título", "titolo"}
NOTE_SPECIAL = {"separator", "continuationSeparator", "continuationNotice"}


# -- the package -----------------------------------------------------------------------------------------



# What defusedxml guards against (entity expansion, external entities) needs a DTD.  A part in UTF-8 or ASCII
# (all of OOXML) without "<!DOCTYPE" and "<!ENTITY" has none, and is parsed by the standard library's parser in
# C; any other part goes through defusedxml's, which walks every element in Python (five times slower) and
# refuses a DTD.  An encoding in which these words are not those bytes (UTF-16, EBCDIC) is never let through.
_DECLARED_ENCODING = lazy_re(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")


def _without_dtd(data: bytes) -> bool:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.startswith(b"<") or data.startswith(b"<\x00"):
        return False
    declared = _DECLARED_ENCODING.match(data)
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
        return False
    return b"<!DOCTYPE" not in data and b"<!ENTITY" not in data


def _defused_fromstring(data: bytes, name: str) -> Element:
    """A part that may have a DTD, parsed by defusedxml (imported here: an ordinary .docx never needs it)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise InputError(f"onveilige XML in {name} (DTD of entiteiten); niet gelezen",
                         f"unsafe XML in {name} (a DTD or entities); not read") from None


def _c_fromstring(data: bytes) -> Element:
    from xml.etree.ElementTree import XMLParser

    parser = XMLParser()
    parser.feed(data)
    return parser.close()


class Package:
    """A .docx zip with guarded reads."""

    def __init__(self, data: bytes):
        self.read_total = 0
        if data.startswith(OLE_MAGIC):
            raise ole_error(data)
        if not data:
            raise InputError("het bestand is leeg", "the file is empty")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (UnicodeDecodeError, ValueError, OSError):  # a corrupt central directory (e.g. bad entry names)
            raise InputError("het zip-archief is beschadigd (onleesbare inhoudsopgave)",
                             "the zip archive is damaged (unreadable directory)") from None
        except NotImplementedError as exc:  # e.g. an entry that "needs" a zip version nobody has written
            raise InputError(f"het zip-archief gebruikt een onbekende zip-versie ({exc})",
                             f"the zip archive uses an unsupported zip version ({exc})") from None
        except zipfile.BadZipFile:
            if data[:2] == b"PK":
                raise InputError("het zip-archief is beschadigd (afgebroken of corrupt)",
                                 "the zip archive is damaged (truncated or corrupt)") from None
            raise InputError("dit is geen Word-document (.docx): het is geen zip-archief",
                             "this is not a Word document (.docx): it is not a zip archive") from None
        listed = self.zip.namelist()
        self.names = set(listed)
        if len(self.names) != len(listed):
            twice = sorted({n for n in listed if listed.count(n) > 1} if len(listed) < 5000 else {"…"})[0]
            raise InputError(f"het zip-archief bevat onderdeel {twice} twee keer (beschadigd of gemanipuleerd: "
                             "Word en letterlint zouden verschillende teksten lezen)",
                             f"the zip archive holds part {twice} twice (damaged or tampered with: Word and "
                             "letterlint would read different texts)")
        if not self.names:
            raise InputError("het zip-archief is leeg; dit is geen Word-document",
                             "the zip archive is empty; this is not a Word document")

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self.zip.getinfo(name)
        if info.flag_bits & 0x1:
            raise InputError("het zip-archief is met een wachtwoord versleuteld",
                             "the zip archive is encrypted with a password")
        if info.file_size > MAX_PART_BYTES or (
            info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise InputError(f"onderdeel {name} is verdacht groot (mogelijk een zip-bom); niet gelezen",
                             f"part {name} is suspiciously large (a zip bomb?); not read")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as exc:
            raise InputError(f"onderdeel {name} is beschadigd ({exc})", f"part {name} is damaged ({exc})") from None
        except NotImplementedError as exc:  # an unknown compression method or "version needed to extract"
            raise InputError(f"onderdeel {name} gebruikt een onbekende zip-opslagmethode ({exc})",
                             f"part {name} uses an unsupported zip storage method ({exc})") from None
        except Exception as exc:  # zlib.error and the like from a corrupt stream
            raise InputError(f"onderdeel {name} is beschadigd ({exc})", f"part {name} is damaged ({exc})") from None
        self.read_total += len(data)
        if len(data) > MAX_PART_BYTES or self.read_total > MAX_TOTAL_BYTES:
            raise InputError(f"onderdeel {name} is te groot; niet gelezen", f"part {name} is too large; not read")
        return data

    def xml(self, name: str) -> Element:
        data = self.read(name)
        try:
            if _without_dtd(data):
                return _c_fromstring(data)
            return _defused_fromstring(data, name)
        except ParseError as exc:
            from ..catalogue import reason

            raise InputError(f"beschadigde XML in {name} ({reason(exc, 'nl')})",
                             f"damaged XML in {name} ({reason(exc, 'en')})") from None
        except (LookupError, ValueError) as exc:  # an unknown or unusable encoding in the XML declaration
            raise InputError(f"beschadigde XML in {name}: onbruikbare tekencodering ({exc})",
                             f"damaged XML in {name}: unusable character encoding ({exc})") from None

    def relationships(self, part: str) -> dict[str, list[tuple[str, str]]]:
        """Relationship type suffix → [(id, target part)] for `part` ('' for the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
        if not self.has(rels_name):
            return {}
        out: dict[str, list[tuple[str, str]]] = {}
        for rel in self.xml(rels_name).iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            out.setdefault(kind, []).append((rel.get("Id", ""), target))
        return out


def ole_error(data: bytes) -> InputError:
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        return InputError(
            "het document is met een wachtwoord beveiligd (versleuteld); sla een onbeveiligde kopie op als .docx",
            "the document is password-protected (encrypted); save an unprotected copy as .docx",
        )
    if "WordDocument".encode("utf-16-le") in data:
        return InputError("dit is een oud Word-bestand (.doc); sla het op als .docx",
                          "this is a legacy Word file (.doc); save it as .docx")
    return InputError("dit is een binair Office-bestand, geen .docx", "this is a binary Office file, not a .docx")


# -- styles ----------------------------------------------------------------------------------------------


class Styles:
    def __init__(self, root: Element | None, w: str):
        self.names: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        self.numbered: set[str] = set()
        self.based_on: dict[str, str] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in root.iter(f"{w}style"):
            if style.get(f"{w}type") not in (None, "paragraph"):
                continue
            sid = style.get(f"{w}styleId", "")
            name_el = style.find(f"{w}name")
            self.names[sid] = name_el.get(f"{w}val", sid) if name_el is not None else sid
            if style.get(f"{w}default") in ("1", "true", "on"):
                self.default_paragraph = sid
            based = style.find(f"{w}basedOn")
            if based is not None:
                self.based_on[sid] = based.get(f"{w}val", "")
            ppr = style.find(f"{w}pPr")
            if ppr is not None:
                lvl = ppr.find(f"{w}outlineLvl")
                if lvl is not None and (lvl.get(f"{w}val") or "").isdigit():
                    self.outline[sid] = int(lvl.get(f"{w}val") or 0)
                num = ppr.find(f"{w}numPr")
                if num is not None:
                    num_id = num.find(f"{w}numId")
                    if num_id is None or num_id.get(f"{w}val") != "0":
                        self.numbered.add(sid)

    def _chain(self, sid: str | None) -> Iterator[str]:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            yield sid
            sid = self.based_on.get(sid)

    def heading_level(self, sid: str | None) -> int | None:
        """1-based heading level of a style, or None."""
        for s in self._chain(sid):
            name = self.names.get(s, s)
            m = HEADING_NAME.match(name) or HEADING_NAME.match(s)
            if m:
                return max(int(m.group(1)), 1)
            if name.lower() in TITLE_NAMES or s.lower() in TITLE_NAMES:
                return 1
            if s in self.outline and self.outline[s] < 9:
                return self.outline[s] + 1
        return None

    def is_list(self, sid: str | None) -> bool:
        return any(s in self.numbered for s in self._chain(sid))


# -- paragraphs ------------------------------------------------------------------------------------------


class _FieldState:
    __slots__ = ("instruction", "phase", "draft", "start")

    def __init__(self):
        self.instruction = ""
        self.phase = "code"  # code → result
        self.draft = None
        self.start = 0


class PartReader:
    """Reads the paragraphs of one part (main document, footnotes, endnotes)."""

    def __init__(self, w: str, part: str, styles: Styles, ordinals: dict[int, int]):
        self.w = w
        self.part = part
        self.styles = styles
        self.ordinals = ordinals
        self.fields: list[_FieldState] = []  # complex fields may run over several paragraphs
        self.tables = 0
        self.pos = 0  # length of the current paragraph's raw text so far
        self.deleted_refs: list[tuple[str, str]] = []  # (kind, id) of note references in deleted text
        self.node: Element | None = None
        t = {name: f"{w}{name}" for name in (
            "p", "r", "t", "tab", "br", "cr", "noBreakHyphen", "softHyphen", "sym", "delText", "instrText",
            "fldChar", "footnoteReference", "endnoteReference", "ins", "del", "moveFrom", "moveTo", "hyperlink",
            "fldSimple", "bookmarkStart", "commentRangeStart", "commentRangeEnd", "commentReference", "pPr",
            "rPr", "drawing", "pict", "object", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "smartTag",
            "pStyle", "numPr", "numId", "outlineLvl", "footnoteRef", "endnoteRef", "txbxContent", "dir", "bdo",
            "ptab", "customMarkFollows", "rubyBase", "ruby", "rt",
        )}
        self.t = t
        self.skip = {t["pPr"], t["rPr"], t["drawing"], t["pict"], t["object"], t["txbxContent"], t["rt"],
                     f"{{{MC_NS}}}AlternateContent"}

    # block level

    def blocks(self, parent: Element, table_stack: list | None = None) -> Iterator[tuple[Element, tuple | None]]:
        """Paragraph elements in reading order, with their table cell if any."""
        t = self.t
        table_stack = table_stack or []
        for child in parent:
            tag = child.tag
            if tag == t["p"]:
                yield child, (table_stack[-1] if table_stack else None)
            elif tag == t["tbl"]:
                self.tables += 1
                table_no = self.tables
                for r, row in enumerate(child.findall(t["tr"]), start=1):
                    for c, cell in enumerate(row.findall(t["tc"]), start=1):
                        yield from self.blocks(cell, table_stack + [(table_no, r, c)])
            elif tag in (t["sdt"], t["sdtContent"], t["customXml"]) or tag.endswith("}sdtContent"):
                yield from self.blocks(child, table_stack)
            elif tag in (t["ins"], t["moveTo"]):
                yield from self.blocks(child, table_stack)

    def paragraph(self, p: Element, cell: tuple | None) -> Draft:
        d = Draft(raw="", xml=(self.part, self.ordinals.get(id(p), -1)))
        d.cell = cell
        chars: list[str] = []
        self.pos = 0
        self._walk(p, d, chars, hidden=False, change=None)
        d.raw = "".join(chars)
        if "[bookmark:" in d.raw:
            _strip_leaks(d)
        self._style(p, d)
        return d

    def _style(self, p: Element, d: Draft) -> None:
        t = self.t
        ppr = p.find(t["pPr"])
        sid = None
        own_outline = None
        numbered = False
        if ppr is not None:
            ps = ppr.find(t["pStyle"])
            sid = ps.get(f"{self.w}val") if ps is not None else None
            ol = ppr.find(t["outlineLvl"])
            if ol is not None and (ol.get(f"{self.w}val") or "").isdigit():
                own_outline = int(ol.get(f"{self.w}val") or 0)
            num = ppr.find(t["numPr"])
            if num is not None:
                nid = num.find(t["numId"])
                numbered = nid is None or nid.get(f"{self.w}val") != "0"
        sid = sid or self.styles.default_paragraph
        d.style = self.styles.names.get(sid, sid) if sid else None
        level = self.styles.heading_level(sid)
        if own_outline is not None:
            level = own_outline + 1 if own_outline < 9 else None
        if level is not None and d.cell is None:
            d.kind, d.level = HEADING, level
        elif d.cell is not None:
            d.kind = TABLE
        elif numbered or self.styles.is_list(sid):
            d.kind = LIST

    # inline level

    def _visible(self) -> bool:
        return all(f.phase == "result" for f in self.fields)

    def _emit(self, text: str, d: Draft, chars: list[str], hidden: bool, change: list | None) -> None:
        if not text:
            return
        if hidden:
            if change is not None:
                change[5].append(text)
            return
        if not self._visible():
            return
        chars.append(text)
        d.add_text(text, self.pos)
        self.pos += len(text)
        if change is not None:
            change[5].append(text)

    def _walk(self, el: Element, d: Draft, chars: list[str], hidden: bool, change: list | None) -> None:
        t = self.t
        w = self.w
        for child in el:
            self.node = child  # the element whose text _emit receives (docx_edit maps text back to it)
            tag = child.tag
            if tag in self.skip:
                if tag == f"{{{MC_NS}}}AlternateContent":
                    fallback = child.find(f"{{{MC_NS}}}Fallback")
                    if fallback is not None:
                        self._walk(fallback, d, chars, hidden, change)
                continue
            if tag == t["t"]:
                self._emit(child.text or "", d, chars, hidden, change)
            elif tag == t["delText"]:
                if change is not None:
                    change[5].append(child.text or "")
            elif tag in (t["tab"], t["ptab"]):
                self._emit("\t", d, chars, hidden, change)
            elif tag in (t["br"], t["cr"]):
                self._emit("\n", d, chars, hidden, change)
            elif tag == t["noBreakHyphen"]:
                self._emit("-", d, chars, hidden, change)
            elif tag == t["sym"]:
                self._emit(_symbol(child.get(f"{w}char", "")), d, chars, hidden, change)
            elif tag == t["instrText"]:
                if self.fields and not hidden:
                    self.fields[-1].instruction += child.text or ""
            elif tag == t["fldChar"]:
                self._field_char(child.get(f"{w}fldCharType"), d, hidden)
            elif tag in (t["footnoteReference"], t["endnoteReference"]):
                kind = "footnote" if tag == t["footnoteReference"] else "endnote"
                if not hidden and self._visible():
                    custom = child.get(f"{w}customMarkFollows") in ("1", "true", "on")
                    d.refs.append((kind, child.get(f"{w}id", ""), d.clean_offset(), self.pos, self.pos,
                                   "custom" if custom else None))
                elif hidden:  # in deleted text: not a reference, but its note is not an orphan either
                    self.deleted_refs.append((kind, child.get(f"{w}id", "")))
            elif tag == t["bookmarkStart"]:
                d.bookmarks.append((child.get(f"{w}name", ""), d.clean_offset(), self.pos, self.pos,
                                    child.get(f"{w}id"), False))
            elif tag in (t["commentRangeStart"], t["commentRangeEnd"]):
                which = "start" if tag == t["commentRangeStart"] else "end"
                d.comment_marks.append((child.get(f"{w}id", ""), which, d.clean_offset()))
            elif tag == t["commentReference"]:
                d.comment_marks.append((child.get(f"{w}id", ""), "ref", d.clean_offset()))
            elif tag in (t["ins"], t["moveTo"], t["del"], t["moveFrom"]):
                kind = {t["ins"]: "insert", t["moveTo"]: "move-to", t["del"]: "delete", t["moveFrom"]: "move-from"}[tag]
                removed = kind in ("delete", "move-from")
                rec: list[Any] = [kind, child.get(f"{w}author"), child.get(f"{w}date"), d.clean_offset(), None, []]
                self._walk(child, d, chars, hidden or removed, rec)
                end = rec[3] if removed else d.clean_offset()
                d.changes.append((kind, rec[1], rec[2], rec[3], end, "".join(rec[5])))
            elif tag == t["hyperlink"] and child.get(f"{w}anchor"):
                # an internal link uses a bookmark just as a cross-reference field does
                start = d.clean_offset()
                self._walk(child, d, chars, hidden, change)
                if not hidden:
                    d.fields.append((f'HYPERLINK \\l "{child.get(f"{w}anchor")}"', start, d.clean_offset(), None))
            elif tag == t["fldSimple"]:
                start = d.clean_offset()
                self._walk(child, d, chars, hidden, change)
                if not hidden:
                    d.fields.append((child.get(f"{w}instr", "").strip(), start, d.clean_offset(), None))
            else:
                # runs, hyperlinks, smart tags, content controls, bidi containers …: their content counts
                self._walk(child, d, chars, hidden, change)

    def _field_char(self, kind: str | None, d: Draft, hidden: bool) -> None:
        if hidden:
            return
        if kind == "begin":
            self.fields.append(_FieldState())
        elif kind == "separate" and self.fields:
            f = self.fields[-1]
            f.phase, f.draft, f.start = "result", d, d.clean_offset()
        elif kind == "end" and self.fields:
            f = self.fields.pop()
            if f.draft is None:  # a field without a result (XE, TC, …)
                d.fields.append((f.instruction.strip(), d.clean_offset(), d.clean_offset(), None))
            elif f.draft is d:
                d.fields.append((f.instruction.strip(), f.start, d.clean_offset(), None))
            else:  # the result ran over paragraphs: record it on the paragraph where it starts
                f.draft.fields.append((f.instruction.strip(), f.start, len(f.draft.builder), None))

    def read(self, root: Element, container: Element | None = None) -> list[Draft]:
        drafts = []
        for p, cell in self.blocks(container if container is not None else root):
            drafts.append(self.paragraph(p, cell))
        return drafts


def _symbol(code: str) -> str:
    """The character of a w:sym, or "" when its code is not a Unicode scalar value (a lone surrogate, a number
    past U+10FFFF or too long to convert): such a character cannot be written to JSON, SARIF or a baseline."""
    if not 0 < len(code) <= 8 or not all(c in "0123456789abcdefABCDEF" for c in code):
        return ""
    value = int(code, 16)
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return ""
    return chr(value)


def _strip_leaks(d: Draft) -> None:
    """Take "[bookmark: …]" text pasted into the document out of the paragraph text, as the other readers do.

    Until now the text was the raw text itself, so offsets recorded so far are raw offsets: move them.
    """
    removed = [(m.start(), m.end()) for m in LEAKED_BOOKMARK.finditer(d.raw)]

    def clean(raw_off: int) -> int:
        return raw_off - sum(min(e, raw_off) - s for s, e in removed if s < raw_off)

    d.builder = TextBuilder()
    d.add_raw_text(0, len(d.raw))
    d.refs = [(k, i, clean(o), rs, re_, c) for k, i, o, rs, re_, c in d.refs]
    d.bookmarks = [b if b[5] else (b[0], clean(b[1]), *b[2:]) for b in d.bookmarks]
    d.fields = [(instr, clean(st), clean(en), r) for instr, st, en, r in d.fields]
    d.changes = [(k, a, dt, clean(st), clean(en), t) for k, a, dt, st, en, t in d.changes]
    d.comment_marks = [(c, which, clean(o)) for c, which, o in d.comment_marks]


def _strip_leading_space(d: Draft) -> None:
    """A note starts with its number mark and a space; the space is not part of the note's text."""
    k = len(d.raw) - len(d.raw.lstrip(" \t"))
    if not k or d.refs or d.fields or d.changes or any(b[5] for b in d.bookmarks):
        return
    d.builder = TextBuilder()
    d.add_text(d.raw[k:], k)
    d.bookmarks = [(n, max(o - k, 0), rs, re_, i, leaked) for n, o, rs, re_, i, leaked in d.bookmarks]
    d.comment_marks = [(c, which, max(o - k, 0)) for c, which, o in d.comment_marks]


def _finish_fields(drafts: list[Draft]) -> None:
    """Fill in each field's result text now that the paragraph texts are known."""
    for d in drafts:
        if not d.fields:
            continue
        text = d.builder.build()[0]
        d.fields = [(instr, s, e, text[s:e]) for instr, s, e, _ in d.fields]


# -- the document ----------------------------------------------------------------------------------------


def word_namespace(root: Element) -> str:
    tag = root.tag
    if tag.startswith("{"):
        ns = tag[1:].split("}", 1)[0]
        if ns in (W_TRANSITIONAL, W_STRICT):
            return f"{{{ns}}}"
    raise InputError("dit is geen Word-document: onbekend XML-formaat van het hoofddocument",
                     "this is not a Word document: the main part has an unknown XML format")


def paragraph_ordinals(root: Element, w: str) -> dict[int, int]:
    return {id(p): i for i, p in enumerate(root.iter(f"{w}p"))}


def _comments(pkg: Package, name: str | None, w: str) -> dict[str, dict]:
    if not name or not pkg.has(name):
        return {}
    out = {}
    for c in pkg.xml(name).iter(f"{w}comment"):
        paragraphs = []
        for p in c.iter(f"{w}p"):
            paragraphs.append("".join(t.text or "" for t in p.iter(f"{w}t")))
        out[c.get(f"{w}id", "")] = {"author": c.get(f"{w}author", ""), "date": c.get(f"{w}date"),
                                    "text": "\n".join(paragraphs).strip()}
    return out


def _notes(pkg: Package, name: str | None, kind: str, w: str, styles: Styles) -> list[NoteDraft]:
    if not name or not pkg.has(name):
        return []
    root = pkg.xml(name)
    reader = PartReader(w, name, styles, paragraph_ordinals(root, w))
    notes = []
    for note in root.iter(f"{w}{kind}"):
        drafts = reader.read(root, note)
        _finish_fields(drafts)
        for d in drafts:  # note paragraphs are never headings or table cells of the letter
            d.kind = "body" if d.kind == HEADING else d.kind
        if drafts:
            _strip_leading_space(drafts[0])
        special = note.get(f"{w}type")
        notes.append(NoteDraft(kind=kind, id=note.get(f"{w}id", ""), paragraphs=drafts,
                               special=special if special in NOTE_SPECIAL else None))
    return notes


def _first_part(rels: dict, kind: str) -> str | None:
    return rels[kind][0][1] if rels.get(kind) else None


def read_docx(data: bytes, path: str) -> Document:
    pkg = Package(data)
    main = _first_part(pkg.relationships(""), "officeDocument")
    if main is None or not pkg.has(main):
        main = "word/document.xml" if pkg.has("word/document.xml") else None
    if main is None:
        if any(n.startswith(("content.xml", "META-INF/")) for n in pkg.names):
            raise InputError("dit is een OpenDocument-bestand (.odt), geen .docx",
                             "this is an OpenDocument file (.odt), not a .docx")
        raise InputError("dit is geen Word-document: het hoofddocument ontbreekt in het zip-archief",
                         "this is not a Word document: the zip has no main document part")
    root = pkg.xml(main)
    w = word_namespace(root)
    rels = pkg.relationships(main)
    styles_part = _first_part(rels, "styles")
    styles = Styles(pkg.xml(styles_part) if styles_part and pkg.has(styles_part) else None, w)
    body = root.find(f"{w}body")
    reader = PartReader(w, main, styles, paragraph_ordinals(root, w))
    drafts = reader.read(root, body if body is not None else root)
    _finish_fields(drafts)

    notes = _notes(pkg, _first_part(rels, "footnotes"), "footnote", w, styles)
    notes += _notes(pkg, _first_part(rels, "endnotes"), "endnote", w, styles)
    labels, hosts = _note_numbers(drafts)
    meta = {"main_part": main, "parts": sorted(pkg.names), "application": _application(pkg),
            "deleted_note_refs": reader.deleted_refs}
    return assemble(path, "docx", drafts, notes, comments=_comments(pkg, _first_part(rels, "comments"), w),
                    meta=meta, note_labels=labels, note_hosts=hosts)


def _note_numbers(drafts: list[Draft]) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], int]]:
    """Readers see notes numbered by the order of their first reference; custom marks are not counted."""
    labels: dict[tuple[str, str], str] = {}
    hosts: dict[tuple[str, str], int] = {}
    counters = {"footnote": 0, "endnote": 0}
    for i, d in enumerate(drafts):
        for kind, nid, _off, _rs, _re, custom in d.refs:
            key = (kind, nid)
            hosts.setdefault(key, i)
            if key not in labels and not custom:
                counters[kind] += 1
                labels[key] = str(counters[kind])
    return labels, hosts


def _application(pkg: Package) -> str | None:
    if not pkg.has("docProps/app.xml"):
        return None
    try:
        root = pkg.xml("docProps/app.xml")
    except InputError:
        return None
    for el in root.iter():
        if el.tag.endswith("}Application"):
            return (el.text or "").strip() or None
    return None

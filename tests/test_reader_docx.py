"""The .docx reader on Word files from real producers: the corpus (Word, LibreOffice, Google Docs, Pages)
and fixtures made here with pandoc and LibreOffice (tests/data/README.md)."""

import io
import zipfile

import pytest
from conftest import CORPUS, DATA, needs_shared

from letterlint.readers import InputError, read_bytes, read_path

DOCX = CORPUS / "docx"
NL = CORPUS / "docx-nl"


# -- fixtures made by pandoc and LibreOffice from the example draft --------------------------------------


@pytest.mark.parametrize("name", ["draft-pandoc.docx", "draft-libreoffice.docx"])
def test_draft_docx_has_the_drafts_footnotes_bookmarks_and_headings(name):
    doc = read_path(DATA / name)
    real_notes = [n for n in doc.notes if n.special is None]
    assert len(real_notes) == 18
    assert len(doc.note_refs) == 18
    assert {(r.kind, r.id) for r in doc.note_refs} == {(n.kind, n.id) for n in real_notes}
    # labels are the numbers a reader sees: 1..18 in order of reference
    assert sorted(int(n.label) for n in real_notes) == list(range(1, 19))
    hlk = {b.name for b in doc.bookmarks if b.name.startswith("_Hlk")}
    assert len(hlk) == 187 and "_GoBack" in {b.name for b in doc.bookmarks}
    headings = [p.text for p in doc.paragraphs if p.kind == "heading"]
    assert "Vragen en opmerkingen van de leden van de D66-fractie" in headings
    note3 = next(n for n in real_notes if n.label == "3")
    assert note3.text.strip() == "Bijlage bij Kamerstukken II, 2024-2025, nr. 335"
    # the reference sits where the draft has it: right after "Omgaan"
    ref3 = next(r for r in doc.note_refs if r.id == note3.id)
    assert ref3.paragraph.text[: ref3.offset].endswith("Juridisch Onderzoek Omgaan")
    assert any(p.kind == "table" and "Versterken van de contacten" in p.text for p in doc.paragraphs)


@pytest.mark.parametrize("name", ["small-features.docx", "small-features-libreoffice.docx"])
def test_small_features(name):
    doc = read_path(DATA / name)
    fields = {f.kind: f for f in doc.fields}
    assert fields["REF"].target == "_Hlk224100117"
    assert fields["REF"].result == "Fout! Verwijzingsbron niet gevonden."
    assert fields["PAGEREF"].result == "Fout! Bladwijzer niet gedefinieerd."
    assert "DOCPROPERTY" in fields
    kinds = {c.kind for c in doc.changes}
    assert kinds == {"insert", "delete"}
    deleted = next(c for c in doc.changes if c.kind == "delete")
    assert deleted.text == "eind 2025" and "eind 2025" not in deleted.paragraph.text
    inserted = next(c for c in doc.changes if c.kind == "insert")
    assert inserted.paragraph.text[inserted.start : inserted.end] == "eind 2027"
    assert len(doc.comments) == 1 and doc.comments[0].paragraph is not None
    assert doc.comments[0].text
    leaked = [b for b in doc.bookmarks if b.leaked]
    assert [b.name for b in leaked] == ["_Hlk999"]
    assert "[bookmark:" not in leaked[0].paragraph.text
    assert any(p.kind == "list" for p in doc.paragraphs)
    assert any(p.kind == "table" and p.cell == (1, 2, 2) for p in doc.paragraphs)
    assert len([n for n in doc.notes if n.special is None]) == 2


def test_docx_location_is_paragraph_and_heading():
    doc = read_path(DATA / "small-features.docx")
    par = next(p for p in doc.paragraphs if "RVIM" in p.text)
    i = par.text.index("RVIM")
    loc = doc.locate(par, i, i + 4)
    assert loc.line is None and loc.paragraph == par.number and loc.text == "RVIM"
    assert loc.heading == "Vragen en opmerkingen van de leden van de VVD-fractie"


# -- the corpus of real Word files ----------------------------------------------------------------------


@needs_shared
def test_every_corpus_docx_reads_or_fails_cleanly():
    for path in sorted(DOCX.iterdir()) + sorted(NL.glob("*.docx")):
        if path.suffix not in (".docx", ".doc", ".zip"):
            continue
        try:
            doc = read_path(path)
        except InputError as exc:
            assert path.name in ("msoffcrypto-example_password.docx", "msoffcrypto-ecma376standard_password.docx",
                                 "msoffcrypto-plain.doc", "mammoth-empty.zip"), (path.name, exc)
            continue
        assert doc.paragraphs is not None


@needs_shared
def test_notes_and_endnotes_word_for_mac():
    doc = read_path(DOCX / "pandoc-notes.docx")
    real = {(n.kind, n.label): n.text for n in doc.notes if n.special is None}
    assert real == {("footnote", "1"): "My note.", ("endnote", "1"): "This is an endnote at the end of the document."}
    assert {n.special for n in doc.notes if n.special} == {"separator", "continuationSeparator"}
    assert [(r.kind, r.paragraph.number) for r in doc.note_refs] == [("footnote", 3), ("endnote", 3)]


@needs_shared
def test_tracked_changes():
    doc = read_path(DOCX / "pandoc-track_changes_deletion.docx")
    assert doc.paragraphs[0].text == "This is a text with a deletion."
    assert doc.changes[0].kind == "delete" and doc.changes[0].text == "n excessively modified"
    doc = read_path(DOCX / "pandoc-track_changes_insertion.docx")
    change = doc.changes[0]
    assert change.kind == "insert" and change.paragraph.text[change.start : change.end] == "two exciting "
    doc = read_path(DOCX / "pandoc-track_changes_move.docx")
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts.count("Here is the text to be moved.") == 1  # moved-away text is not text any more


@needs_shared
def test_comments_with_anchors():
    doc = read_path(DOCX / "pandoc-comments.docx")
    first = next(c for c in doc.comments if c.id == "0")
    assert first.text == "I left a comment." and first.author == "Jesse Rosenthal"
    assert first.paragraph.text[first.start : first.end].strip() == "some text to have a comment"
    across = next(c for c in doc.comments if c.id == "1")
    assert across.end_paragraph is not across.paragraph


@needs_shared
def test_fields_and_bookmarks():
    doc = read_path(DOCX / "pandoc-cross_reference.docx")
    ref = doc.fields[0]
    assert ref.kind == "REF" and ref.target in {b.name for b in doc.bookmarks} and ref.result == "TITLE"
    doc = read_path(DOCX / "pandoc-pageref.docx")
    assert sorted(f.kind for f in doc.fields) == ["PAGEREF", "PAGEREF", "TOC"]
    assert [p.text for p in doc.paragraphs if p.kind == "heading"] == ["Title", "Title2"]


@needs_shared
@pytest.mark.parametrize("name,text", [
    ("pandoc-alternate_document_path.docx", "Test"),      # main part is word/document2.xml
    ("docx2python-renamed_document_xml.docx", "This is a link to my website."),
    ("mammoth-strict-format.docx", "Test"),               # strict OOXML namespace
    ("mammoth-utf8-bom.docx", "This XML has a byte order mark."),
])
def test_odd_packages(name, text):
    doc = read_path(DOCX / name)
    assert text in [p.text for p in doc.paragraphs]


@needs_shared
def test_tables_and_localised_styles():
    doc = read_path(DOCX / "mammoth-tables.docx")
    assert [(p.text, p.cell) for p in doc.paragraphs if p.kind == "table"] == [
        ("Top left", (1, 1, 1)), ("Top right", (1, 1, 2)), ("Bottom left", (1, 2, 1)), ("Bottom right", (1, 2, 2))]
    doc = read_path(DOCX / "pandoc-german_styled_lists.docx")
    assert all(p.kind == "list" for p in doc.paragraphs if p.text)


@needs_shared
@pytest.mark.parametrize("name,refs", [
    ("learninglion-advies.docx", 16),
    ("learninglion-kabinetsvisie.docx", 32),
    ("learninglion-visiestuk-ssc-ict.docx", 32),
    ("learninglion-eindverslag-jitse-goutbeek.docx", 15),
])
def test_dutch_government_documents(name, refs):
    doc = read_path(NL / name)
    assert len([r for r in doc.note_refs if r.kind == "footnote"]) == refs
    referenced = {(r.kind, r.id) for r in doc.note_refs}
    assert referenced <= {(n.kind, n.id) for n in doc.notes}
    assert all(n.text.strip() for n in doc.notes if n.special is None)


@needs_shared
@pytest.mark.parametrize("name,needle", [
    ("msoffcrypto-example_password.docx", "password"),
    ("msoffcrypto-ecma376standard_password.docx", "password"),
    ("msoffcrypto-plain.doc", "legacy Word"),
    ("mammoth-empty.zip", "empty"),
])
def test_unreadable_corpus_files(name, needle):
    with pytest.raises(InputError) as info:
        read_path(DOCX / name)
    assert needle in str(info.value)


# -- hostile or broken packages, made here -------------------------------------------------------------


def _docx(document_xml: bytes, extra: dict | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_truncated_zip():
    data = (DATA / "small-features.docx").read_bytes()
    with pytest.raises(InputError, match="damaged"):
        read_bytes(data[: len(data) // 2], "x.docx")


def test_not_a_zip():
    with pytest.raises(InputError, match="not a zip"):
        read_bytes(b"Gewoon tekst, geen docx.", "x.docx")


def test_zip_bomb_is_refused():
    huge = b"<w:document " + W + b"><w:body><w:p><w:r><w:t>" + b" " * (8 * 1024 * 1024) + b"</w:t></w:r></w:p></w:body></w:document>"
    with pytest.raises(InputError, match="zip bomb"):
        read_bytes(_docx(huge), "bomb.docx")


def test_entity_expansion_is_refused():
    evil = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b"<w:document " + W + b"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    with pytest.raises(InputError, match="unsafe XML"):
        read_bytes(_docx(evil), "evil.docx")


def test_damaged_xml():
    with pytest.raises(InputError, match="damaged XML"):
        read_bytes(_docx(b"<w:document " + W + b"><w:body><w:p>"), "x.docx")


def test_zip_without_document():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="main document"):
        read_bytes(buf.getvalue(), "x.docx")


def test_zip_with_undecodable_entry_name():
    data = bytearray(_docx(b"<w:document " + W + b"><w:body/></w:document>"))
    # flag the first entry's name as UTF-8 (bit 11) and put an invalid byte in it, in the central directory
    cd = data.rfind(b"PK\x01\x02")
    first_cd = data.find(b"PK\x01\x02")
    assert cd != -1 and first_cd != -1
    flags = int.from_bytes(data[first_cd + 8 : first_cd + 10], "little") | 0x800
    data[first_cd + 8 : first_cd + 10] = flags.to_bytes(2, "little")
    data[first_cd + 46] = 0xFF
    with pytest.raises(InputError, match="unreadable directory"):
        read_bytes(bytes(data), "x.docx")

"""The .docx editor: zip rewriting, run-level text edits, bookmark removal, comment anchors."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import DATA
from ooxml_factory import W, make_docx, names, part, raw_entries

from letterlint.docx_edit import DocxEditor, EditError, XmlPart, ZipPackage
from letterlint.readers import read_bytes

SMALL = DATA / "small-features.docx"


# -- the zip ---------------------------------------------------------------------------------------------


def test_rebuilding_without_changes_gives_the_same_bytes():
    data = SMALL.read_bytes()
    assert ZipPackage(data).build({}) == data


def test_a_replaced_entry_leaves_every_other_entry_byte_for_byte_in_order():
    data = SMALL.read_bytes()
    new_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").replace(b"RVIM", b"RIVM")
    out = ZipPackage(data).build({"word/document.xml": new_xml}, [("word/extra.xml", b"<x/>")])
    assert zipfile.ZipFile(io.BytesIO(out)).testzip() is None
    assert names(out) == names(data) + ["word/extra.xml"]
    before, after = raw_entries(data), raw_entries(out)
    for name in names(data):
        if name != "word/document.xml":
            assert after[name] == before[name], name
    assert after["word/document.xml"][:2] == before["word/document.xml"][:2]  # same compression method
    assert zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml") == new_xml
    old_infos = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    for info in zipfile.ZipFile(io.BytesIO(out)).infolist():
        if info.filename in old_infos:
            assert info.date_time == old_infos[info.filename].date_time
            assert info.external_attr == old_infos[info.filename].external_attr


def test_xml_with_a_dtd_is_refused():
    with pytest.raises(EditError):
        XmlPart("word/document.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')


# -- text edits ------------------------------------------------------------------------------------------


def _edit(body: str, edits, raw: str | None = None, **kw):
    data = make_docx(body, **kw)
    doc = read_bytes(data, "t.docx")
    par = doc.paragraphs[0]
    editor = DocxEditor(data, doc.info.main_part)
    results = editor.edit_paragraph(par.xml[0], par.xml[1], par.raw if raw is None else raw, edits)
    out = editor.save()
    return results, read_bytes(out, "t.docx").paragraphs[0].raw, part(out, "word/document.xml"), data, out


def test_a_replacement_inside_one_run_keeps_its_formatting():
    results, raw, xml, *_ = _edit('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>het RVIM zegt</w:t></w:r></w:p>',
                                  [(4, 8, "RIVM")])
    assert results == [None]
    assert raw == "het RIVM zegt"
    assert xml.count("<w:r>") == 1 and "<w:b/>" in xml


def test_a_replacement_across_runs_edits_only_those_runs():
    body = ('<w:p><w:r><w:t>het RV</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>IM zegt</w:t></w:r>'
            '<w:r><w:t>, echt.</w:t></w:r></w:p>')
    results, raw, xml, *_ = _edit(body, [(4, 8, "RIVM")])
    assert results == [None] and raw == "het RIVM zegt, echt."
    assert "<w:t>het RIVM</w:t>" in xml  # the replacement takes the run where it starts
    assert '<w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> zegt</w:t>' in xml  # leading space: preserved
    assert "<w:t>, echt.</w:t>" in xml  # untouched run, untouched bytes


def test_a_run_left_empty_is_removed():
    body = ('<w:p><w:r><w:t xml:space="preserve">a </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
            '<w:t>[bookmark: _Hlk1]</w:t></w:r><w:r><w:t>b</w:t></w:r></w:p>')
    results, raw, xml, *_ = _edit(body, [(2, 2 + len("[bookmark: _Hlk1]"), "")])
    assert results == [None] and raw == "a b"
    assert "<w:b/>" not in xml and "bookmark" not in xml


def test_tabs_inside_a_replaced_span_go_and_tabs_in_replacements_are_refused():
    results, raw, xml, *_ = _edit("<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>", [(0, 3, "a b")])
    assert results == [None] and raw == "a b" and "<w:tab/>" not in xml
    results, raw, *_ = _edit("<w:p><w:r><w:t>a b</w:t></w:r></w:p>", [(1, 2, "\t")])
    assert results[0] and "tab" in results[0].en and raw == "a b"


def test_insertions_go_into_the_run_before_except_at_a_note_mark():
    body = ('<w:p><w:r><w:t>woord</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r><w:r><w:t>volgende</w:t></w:r></w:p>')
    results, raw, xml, *_ = _edit(body, [(5, 5, " ")])
    assert results == [None] and raw == "woord volgende"
    assert xml.index("footnoteReference") < xml.index(" volgende")  # after the mark, where it belongs
    results, raw, xml, *_ = _edit('<w:p><w:r><w:t>ab</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>cd</w:t></w:r></w:p>',
                                  [(2, 2, "X")])
    assert raw == "abXcd" and "<w:t>abX</w:t>" in xml


def test_several_edits_in_one_run_and_escaping():
    results, raw, *_ = _edit("<w:p><w:r><w:t>a RVIM b RVIM c</w:t></w:r></w:p>", [(2, 6, "R&amp;<"), (9, 13, "RIVM")])
    assert results == [None, None] and raw == "a R&amp;< b RIVM c"


def test_a_paragraph_that_changed_is_not_edited():
    results, raw, _xml, data, out = _edit("<w:p><w:r><w:t>het RVIM</w:t></w:r></w:p>", [(4, 8, "RIVM")], raw="iets anders")
    assert results[0] and raw == "het RVIM"
    assert out == data


# -- bookmarks -------------------------------------------------------------------------------------------


def _bookmark_doc(extra=None):
    body = ('<w:p><w:bookmarkStart w:id="1" w:name="_GoBack"/><w:bookmarkEnd w:id="1"/>'
            '<w:bookmarkStart w:id="2" w:name="_Hlk5"/><w:r><w:t>tekst</w:t></w:r><w:bookmarkEnd w:id="2"/></w:p>')
    return make_docx(body, extra=extra)


def test_unused_hidden_bookmarks_are_removed_start_and_end():
    data = _bookmark_doc()
    editor = DocxEditor(data, "word/document.xml")
    assert editor.remove_bookmarks("word/document.xml", ["_GoBack", "_Hlk5"]) == {"_GoBack": None, "_Hlk5": None}
    xml = part(editor.save(), "word/document.xml")
    assert "bookmark" not in xml and "<w:t>tekst</w:t>" in xml


def test_a_bookmark_that_another_part_names_is_kept():
    header = f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:instrText> REF _Hlk5 \\h </w:instrText></w:r></w:p></w:hdr>'
    data = _bookmark_doc({"word/header1.xml": header})
    editor = DocxEditor(data, "word/document.xml")
    results = editor.remove_bookmarks("word/document.xml", ["_GoBack", "_Hlk5"])
    assert results["_GoBack"] is None and "used" in results["_Hlk5"].en
    xml = part(editor.save(), "word/document.xml")
    assert 'w:name="_Hlk5"' in xml and '<w:bookmarkEnd w:id="2"/>' in xml and "_GoBack" not in xml


# -- comment anchors -------------------------------------------------------------------------------------


def _ids(xml: str, tag: str) -> list[str]:
    return re.findall(rf'<w:{tag} w:id="(\d+)"', xml)


def test_a_comment_inside_a_run_splits_it_and_both_halves_keep_the_formatting():
    data = make_docx('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>het RVIM zegt</w:t></w:r></w:p>')
    doc = read_bytes(data, "t.docx")
    par = doc.paragraphs[0]
    editor = DocxEditor(data, "word/document.xml")
    cid = editor.next_comment_id()
    editor.anchor_comment(*par.xml, par.raw, 4, 8, cid)
    editor.add_comments([(cid, ["typo: fout", "Suggestie: RIVM"])], "letterlint", "LL", "2026-01-01T00:00:00Z")
    out = editor.save()
    xml = part(out, "word/document.xml")
    assert xml.count("<w:b/>") == 3  # "het ", "RVIM", " zegt": three runs, all bold
    start, end = xml.index(f'<w:commentRangeStart w:id="{cid}"/>'), xml.index(f'<w:commentRangeEnd w:id="{cid}"/>')
    assert re.findall(r"<w:t[^>]*>([^<]*)", xml[start:end]) == ["RVIM"]
    assert _ids(xml, "commentReference") == [str(cid)]
    comments = part(out, "word/comments.xml")
    assert f'w:id="{cid}" w:author="letterlint"' in comments and 'w:initials="LL"' in comments
    assert "Suggestie: RIVM" in comments
    assert 'Target="comments.xml"' in part(out, "word/_rels/document.xml.rels")
    assert 'PartName="/word/comments.xml"' in part(out, "[Content_Types].xml")
    check = read_bytes(out, "t.docx")
    (comment,) = check.comments
    assert comment.paragraph.text[comment.start:comment.end] == "RVIM"


def test_empty_spans_anchor_at_the_whole_paragraph_even_an_empty_one():
    data = make_docx('<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t>alinea</w:t></w:r></w:p><w:p/>')
    doc = read_bytes(data, "t.docx")
    editor = DocxEditor(data, "word/document.xml")
    editor.anchor_comment(*doc.paragraphs[0].xml, doc.paragraphs[0].raw, 3, 3, 0)
    editor.anchor_comment(*doc.paragraphs[1].xml, doc.paragraphs[1].raw, 0, 0, 1)
    editor.add_comments([(0, ["a"]), (1, ["b"])], "letterlint", "LL", "2026-01-01T00:00:00Z")
    xml = part(editor.save(), "word/document.xml")
    assert '</w:pPr><w:commentRangeStart w:id="0"/><w:r><w:t>alinea</w:t></w:r><w:commentRangeEnd w:id="0"/>' in xml
    assert '<w:p><w:commentRangeStart w:id="1"/><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>' in xml


# -- tracked changes ---------------------------------------------------------------------------------------


def _random_edits(raw: str, rng) -> list[tuple[int, int, str]]:
    """Non-overlapping edits at random places of a paragraph: deletions, insertions, replacements."""
    cuts = sorted(rng.sample(range(len(raw) + 1), min(len(raw) + 1, rng.choice([2, 4, 6]))))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        new = rng.choice(["", "x", "nieuw woord", " & <b>"])
        if a == b and not new:
            continue
        if edits and edits[-1][1] >= a:
            continue
        edits.append((a, b, new))
    return edits


@pytest.mark.parametrize("src", ["small-features.docx", "draft-pandoc.docx", "small-features-libreoffice.docx",
                                 "draft-libreoffice.docx"])
def test_tracked_edits_accept_to_what_fix_writes_and_reject_to_the_original(src):
    """For any edits: accepting the tracked changes gives edit_paragraph's result, rejecting gives the original."""
    import random

    from ooxml_factory import formatted, review

    data = (DATA / src).read_bytes()
    doc = read_bytes(data, src)
    rng = random.Random(src)
    paragraphs = [p for p in doc.blocks() if p.xml is not None and p.raw]
    fixer, tracker = DocxEditor(data, doc.info.main_part), DocxEditor(data, doc.info.main_part)
    made = 0
    for p in rng.sample(paragraphs, min(60, len(paragraphs))):
        edits = _random_edits(p.raw, rng)
        fixed = fixer.edit_paragraph(p.xml[0], p.xml[1], p.raw, edits)
        tracked = tracker.track_paragraph(p.xml[0], p.xml[1], p.raw, edits, "letterlint", "2026-01-01T00:00:00Z")
        assert [r is None for r in fixed] == [r is None for r in tracked], (p.raw, edits, fixed, tracked)
        made += sum(r is None for r in tracked)
    assert made > 20
    fixed_data, tracked_data = fixer.save(), tracker.save()
    assert formatted(review(tracked_data, True)) == formatted(fixed_data)
    assert formatted(review(tracked_data, False)) == formatted(data)
    texts = {q.xml: q.raw for q in read_bytes(fixed_data, src).blocks()}
    assert {q.xml: q.raw for q in read_bytes(tracked_data, src).blocks()} == texts  # the reader sees it accepted


def test_a_tracked_edit_keeps_note_marks_and_deletes_tabs_in_its_own_runs():
    body = ('<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Een </w:t><w:tab/><w:t>zin</w:t></w:r>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
            '<w:r><w:t xml:space="preserve"> met een noot.</w:t></w:r></w:p>')
    footnotes = '<w:footnote w:id="1"><w:p><w:r><w:t>Noot.</w:t></w:r></w:p></w:footnote>'
    data = make_docx(body, footnotes=footnotes)
    raw = read_bytes(data, "x.docx").paragraphs[0].raw
    assert raw == "Een \tzin met een noot."
    editor = DocxEditor(data, "word/document.xml")
    assert editor.track_paragraph("word/document.xml", 0, raw, [(3, 8, "-"), (8, 8, "!")], "letterlint",
                                  "2026-01-01T00:00:00Z") == [None, None]
    xml = part(editor.save(), "word/document.xml")
    # the deleted text stays in its run's formatting, tab and all; the replacement follows it in that formatting
    revision = r'w:id="\d+" w:author="letterlint" w:date="2026-01-01T00:00:00Z"'
    assert re.search(r'<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Een</w:t></w:r>'
                     r'<w:del ' + revision + r'><w:r><w:rPr><w:i/></w:rPr><w:delText xml:space="preserve"> </w:delText>'
                     r'<w:tab/><w:delText xml:space="preserve">zin</w:delText></w:r></w:del>'
                     r'<w:ins ' + revision + r'><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">-</w:t></w:r></w:ins>',
                     xml), xml
    # the note mark stays, and the insertion at the mark goes after it, as --fix puts it
    assert re.search(r'<w:footnoteReference w:id="1"/></w:r><w:ins [^>]*><w:r><w:t xml:space="preserve">!</w:t>', xml)

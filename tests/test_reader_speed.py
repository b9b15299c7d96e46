"""The readers' fast paths give what the general paths give (the text-export reader's plain lines, its
marker search that jumps between start characters, the positional Paragraph construction)."""

from dataclasses import fields

from letterlint.model import Paragraph
from letterlint.readers import read_bytes
from letterlint.readers import export


def test_paragraph_fields_are_in_the_order_the_readers_pass_them():
    assert [f.name for f in fields(Paragraph)] == [
        "index", "number", "text", "raw", "map", "kind", "level", "heading", "origin", "part", "note", "style",
        "cell", "xml", "code"]


def _reference(text: str) -> list[tuple]:
    """Every marker INLINE finds line by line with a plain search, as the reader did before the cursor."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        p = pos
        while (m := export.INLINE.search(text, p, end)) is not None:
            out.append((export._start(text, m, p), m.end(), m.lastgroup))
            p = m.end()
        pos = end + 1
    return out


def _cursor(text: str) -> list[tuple]:
    markers, out, pos = export._Markers(text), [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        p = pos
        while (m := markers.search(p, end)) is not None:
            out.append((export._start(text, m, p), m.end(), m.lastgroup))
            p = m.end()
        pos = end + 1
    return out


def test_the_marker_cursor_finds_what_a_search_per_line_finds():
    text = ("Tekst [bookmark: _Hlk1] met [footnoteRef:2] en [2: noot] !x! [ [3:\tb\n"
            "\tComment by A]b: c [bookmark: y]\n!!! End note with ID \"4\" not found in document.\n"
            "[[[ ! \t [9: x]\n\n  [1: y]")
    assert _cursor(text) == _reference(text)
    assert {kind for *_, kind in _cursor(text)} == {"bookmark", "ref", "body", "comment", "missing"}


def test_a_body_takes_the_space_before_it_along():
    doc = read_bytes("Zin.[footnoteRef:1] [1:  Noot.]\nEinde.\n".encode(), "x.txt")
    assert doc.paragraphs[0].text == "Zin."
    assert doc.notes[0].raw_start == len("Zin.[footnoteRef:1]")


def test_plain_lines_and_lines_with_markers_give_the_same_paragraphs():
    plain = read_bytes("Een zin.\n\tcel\n- punt\nKop\nTekst die volgt.\n".encode(), "x.txt")
    marked = read_bytes("Een zin.[bookmark: a]\n\tcel[bookmark: b]\n- punt[bookmark: c]\nKop[bookmark: d]\n"
                        "Tekst die volgt.[bookmark: e]\n".encode(), "x.txt")
    for p, q in zip(plain.paragraphs, marked.paragraphs, strict=True):
        assert (p.text, p.kind, p.level, p.heading) == (q.text, q.kind, q.level, q.heading)
        assert p.raw == p.text and plain.source[p.origin : p.origin + len(p.raw)] == p.raw
        assert p.map.to_raw(len(p.text)) == len(p.raw)
    assert [p.kind for p in plain.paragraphs] == ["body", "table", "list", "heading", "body"]


def test_markdown_plain_lines_skip_the_block_patterns_but_not_the_blocks():
    from letterlint.readers import markdown

    for line in ("Tekst", "   Tekst", "    # code", "\t# x", "", "    "):
        assert markdown._plain_start(line)
    for line in ("# Kop", "   - punt", "1. punt", "> citaat", "| a |", "[^1]: noot", "<!-- x -->", "===", "```", "~~~", "***"):
        assert not markdown._plain_start(line)
    doc = read_bytes("Kop\n===\n\nTekst met `code` en [^1].\n\n[^1]: Noot.\n".encode(), "x.md")
    assert [(p.kind, p.text) for p in doc.paragraphs] == [("heading", "Kop"), ("body", "Tekst met code en .")]
    assert doc.notes[0].text == "Noot."


def test_markdown_directive_lines_are_counted_once(tmp_path):
    """Each directive's line number was counted from the start of the file (quadratic in directives)."""
    text = "".join(f"Zin {i}.\n\n<!-- letterlint: ignore typo -->\n" for i in range(50))
    doc = read_bytes(text.encode(), "x.md")
    assert [d.line for d in doc.directives] == [3 + 3 * i for i in range(50)]


def test_docx_parts_without_a_dtd_parse_to_the_same_tree_in_c():
    from xml.etree.ElementTree import tostring

    from defusedxml.ElementTree import fromstring

    from letterlint.readers import docx

    part = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="urn:w"><w:body>'
            '<w:p><w:r><w:t xml:space="preserve">Tekst &amp; «meer» &#233;</w:t></w:r><!-- c --></w:p>'
            '</w:body></w:document>').encode()
    assert docx._without_dtd(part)
    assert tostring(docx._c_fromstring(part)) == tostring(fromstring(part, forbid_dtd=True))
    bomb = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>'
    for unsafe in (bomb, bomb.replace(b"<?xml", b"\xef\xbb\xbf<?xml"), "<a/>".encode("utf-16"),
                   b'<?xml version="1.0" encoding="cp037"?><a/>', b" " + bomb):
        assert not docx._without_dtd(unsafe)  # defusedxml reads (or refuses) these

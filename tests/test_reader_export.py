"""The text-export reader (Apache POI / Tika format), on the example draft and on small fixtures."""

import pytest
from conftest import DATA, EXAMPLE

from letterlint.readers import InputError, read_bytes, read_path


@pytest.fixture(scope="module")
def draft():
    return read_path(EXAMPLE)


def test_one_line_is_one_paragraph(draft):
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    if lines[-1] == "":
        lines.pop()
    assert len(draft.paragraphs) == len(lines)
    assert [p.number for p in draft.paragraphs] == list(range(1, len(lines) + 1))


def test_markers_are_out_of_the_text_and_in_the_model(draft):
    source = EXAMPLE.read_text(encoding="utf-8")
    assert len(draft.bookmarks) == source.count("[bookmark: ")
    assert all(b.leaked for b in draft.bookmarks)
    assert len(draft.note_refs) == source.count("[footnoteRef:") == 18
    for par in draft.blocks():
        assert "[bookmark:" not in par.text and "[footnoteRef:" not in par.text


def test_all_eighteen_footnotes_are_bodies_with_their_references(draft):
    assert sorted(int(n.id) for n in draft.notes) == list(range(1, 19))
    assert {r.id for r in draft.note_refs} == {n.id for n in draft.notes}
    note3 = draft.notes_by_key[("footnote", "3")]
    assert note3.text == "Bijlage bij Kamerstukken II, 2024-2025, nr. 335"
    assert note3.host.number == 43
    # the body is not part of the host paragraph's text
    assert "Bijlage bij Kamerstukken" not in note3.host.text


def test_positions_are_the_original_line_and_column(draft):
    source_lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    for par in draft.paragraphs:
        i = par.text.find("RVIM")
        if i >= 0:
            loc = draft.locate(par, i, i + 4)
            assert source_lines[loc.line - 1][loc.column - 1 : loc.end_column] == "RVIM"
            assert loc.text == "RVIM"
            break
    else:
        pytest.fail("RVIM not found")
    note = draft.notes_by_key[("footnote", "4")]
    loc = draft.locate(note.paragraphs[0], 0, len("Kamerstukken"))
    assert loc.line == 60 and source_lines[59][loc.column - 1 :].startswith("Kamerstukken II, 2023-2024")
    assert loc.part == "footnote" and loc.note == "4"


def test_note_body_with_brackets_and_a_line_break():
    text = ("Eerste alinea met een verwijzing[footnoteRef:1] en nog een[footnoteRef:2]. "
            "[1:  Zie [bijlage] bij de brief (Kamerstuk 28089, nr. 346).] [2:  Eerste regel\nTweede regel]\n"
            "Volgende alinea.\n")
    doc = read_bytes(text.encode(), "x.txt")
    assert [p.text for p in doc.paragraphs] == ["Eerste alinea met een verwijzing en nog een.", "Volgende alinea."]
    n1, n2 = doc.notes
    assert n1.text == "Zie [bijlage] bij de brief (Kamerstuk 28089, nr. 346)."
    assert [p.text for p in n2.paragraphs] == ["Eerste regel", "Tweede regel"]
    loc = doc.locate(n2.paragraphs[1], 0, 6)
    assert (loc.line, loc.column, loc.text) == (2, 1, "Tweede")
    assert doc.paragraphs[1].number == 2


def test_unclosed_body_runs_to_end_of_line():
    doc = read_bytes(b"Tekst[footnoteRef:1] [1:  kapotte voetnoot\nVolgende.", "x.txt")
    assert doc.notes[0].text == "kapotte voetnoot"
    assert doc.paragraphs[1].text == "Volgende."


def test_endnotes_and_poi_comments():
    text = "Tekst[endnoteRef:2] hier. [2: Eindnoot.]\tComment by Jansen, P.: graag aanpassen\n"
    doc = read_bytes(text.encode(), "x.txt")
    assert doc.notes[0].kind == "endnote" and doc.note_refs[0].kind == "endnote"
    assert doc.comments[0].author == "Jansen, P." and doc.comments[0].text == "graag aanpassen"
    assert doc.paragraphs[0].text.rstrip() == "Tekst hier."


def test_fixture_export_basic():
    doc = read_path(DATA / "export-basic.txt")
    assert len(doc.notes) == 2 and len(doc.note_refs) == 2
    assert any("\n" not in p.text for n in doc.notes for p in n.paragraphs)
    assert all(n.host is not None for n in doc.notes)


@pytest.mark.parametrize("name", ["export-cp1252.txt", "export-utf16.txt"])
def test_other_encodings(name):
    doc = read_path(DATA / name)
    text = "\n".join(p.text for p in doc.blocks())
    assert "’" in text or "ë" in text or "é" in text
    assert doc.info.encoding in ("cp1252", "utf-16")


def test_bad_text_inputs():
    with pytest.raises(InputError, match="empty"):
        read_bytes(b"  \n", "x.txt")
    with pytest.raises(InputError, match="binary"):
        read_bytes(bytes(range(256)) * 4, "x.txt")
    with pytest.raises(InputError, match="zip"):
        read_bytes(b"PK\x03\x04rest", "x.txt")


def test_headings_from_layout(draft):
    headings = [p.text.strip() for p in draft.paragraphs if p.kind == "heading"]
    assert "Vragen en opmerkingen van de leden van de D66-fractie" in headings
    assert "Annet Bertram" not in headings  # a signature is not a heading
    d66 = next(p for p in draft.paragraphs if p.text.startswith("Voor de leden van de D66-fractie"))
    assert d66.heading == "Vragen en opmerkingen van de leden van de D66-fractie"
    tables = [p for p in draft.paragraphs if p.kind == "table"]
    assert any("Versterken van de contacten met omwonenden" in p.text for p in tables)


def test_a_line_without_marker_characters_costs_no_marker_search(monkeypatch):
    """Most lines of a letter hold no '[', tab or '!': the reader takes them as they are, without asking the
    marker search about each."""
    from letterlint.readers import export

    asked = []
    real = export._Markers.search
    monkeypatch.setattr(export._Markers, "search", lambda self, pos, end: asked.append(pos) or real(self, pos, end))
    plain = "\n".join(f"Regel {i} van de brief, zonder markeringen." for i in range(200))
    marked = plain + "\nDe minister[footnoteRef:1] schrijft.\n[1:  Kamerstuk 12345, nr. 6.]\nSlot.\n"
    doc = read_bytes(marked.encode(), "brief.txt")
    assert 0 < len(asked) < 10  # for the two lines with a "[" (and its note body), not for the 200 plain ones
    assert [p.text for p in doc.paragraphs[:200]] == plain.split("\n")
    assert doc.paragraphs[200].text == "De minister schrijft." and doc.notes[0].paragraphs[0].text.strip()
    assert doc.paragraphs[-1].text == "Slot." and len(doc.paragraphs) == 203  # the body's line is one


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252"])
def test_line_ends_and_encodings_read_alike(newline, encoding):
    """Carriage returns are looked for in the bytes first; the text is the same in every encoding and line end
    (UTF-16 writes other characters with a byte 13 too: 'č' is 0D 01)."""
    lines = ["Geachte voorzitter,", "Het «plan» — zie [footnoteRef:1] en ‘dit’.", "[1:  Kamerstuk 1, nr. 2.]", ""]
    if encoding != "cp1252":
        lines[0] += " Ačkoliv"
    text = newline.join(lines)
    doc = read_bytes(text.encode(encoding), "brief.txt")
    same = read_bytes("\n".join(lines).encode("utf-8"), "brief.txt")
    assert [p.text for p in doc.paragraphs] == [p.text for p in same.paragraphs]
    assert doc.source == same.source and doc.info.newline == newline


def test_plain_lines_share_one_map_per_length():
    """A line that is its own text needs no map of its own: one per length, shared (in time and memory)."""
    one = read_bytes(b"Eerste regel.\nTweede regel.\nDe minister[footnoteRef:1] schrijft.\n", "a.txt")
    two = read_bytes(b"Derde   regel.\nVierde regel.\n", "b.txt")
    a, b, marked = one.paragraphs[:3]
    assert a.map is b.map is two.paragraphs[1].map and two.paragraphs[0].map is not a.map
    assert marked.map is not a.map and marked.span_to_raw(12, 20) == (27, 35)  # past the marker
    assert a.span_to_raw(0, 6) == (0, 6) and a.map.to_raw(len(a.text)) == len(a.text)

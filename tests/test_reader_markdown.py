from conftest import DATA

from letterlint.readers import read_bytes, read_path

MD = """# Beantwoording

Eerste **alinea** met een [link](https://example.nl) en een voetnoot[^1] over
twee regels.

<!-- letterlint: ignore typo -->
- punt een
- punt twee

| a | b |
|---|---|
| c | d |

Titel in setext
---------------

[^1]: De voetnoot
    loopt door.
"""


def test_blocks_kinds_and_headings():
    doc = read_bytes(MD.encode(), "brief.md")
    kinds = [(p.kind, p.text.strip()) for p in doc.paragraphs]
    assert kinds[0] == ("heading", "Beantwoording")
    assert kinds[1] == ("body", "Eerste alinea met een link en een voetnoot over\ntwee regels.")
    assert kinds[2:4] == [("list", "punt een"), ("list", "punt twee")]
    assert [k for k, _ in kinds[4:6]] == ["table", "table"] and kinds[4][1].split() == ["a", "b"]
    assert kinds[6] == ("heading", "Titel in setext")
    assert doc.paragraphs[1].heading == "Beantwoording"


def test_footnotes_and_positions():
    doc = read_bytes(MD.encode(), "brief.md")
    assert doc.notes[0].text == "De voetnoot\nloopt door."
    ref = doc.note_refs[0]
    assert ref.id == "1" and ref.paragraph.text[: ref.offset].endswith("een voetnoot")
    par = doc.paragraphs[1]
    i = par.text.index("alinea")
    loc = doc.locate(par, i, i + len("alinea"))
    assert (loc.line, loc.column, loc.text) == (3, 10, "alinea")
    i = par.text.index("twee")
    assert doc.locate(par, i, i + 4).line == 4
    note_loc = doc.locate(doc.notes[0].paragraphs[0], 0, 2)
    assert note_loc.line == 17 and note_loc.text == "De" and note_loc.paragraph == 2


def test_directives_attach_to_the_next_paragraph():
    doc = read_bytes(MD.encode(), "brief.md")
    (d,) = doc.directives
    assert d.text == "letterlint: ignore typo" and d.paragraph.text == "punt een" and d.line == 6


def test_draft_as_markdown():
    doc = read_path(DATA / "draft.md")
    assert len(doc.notes) == 18 and len(doc.note_refs) == 18
    assert len([b for b in doc.bookmarks if b.name.startswith("_Hlk")]) == 187


def test_inline_code_spans_are_marked_on_the_paragraph():
    doc = read_bytes(b"Zie `map/a.txt` en ``een `vreemde` naam`` hier.\n\nGeen code.\n", "b.md")
    par = doc.paragraphs[0]
    assert [par.text[a:b] for a, b in par.code] == ["map/a.txt", "een `vreemde` naam"]
    assert doc.paragraphs[1].code == ()


def test_rules_leave_inline_code_alone():
    from conftest import lint_text

    text = "# Brief\n\nDraai `letterlint --fix RVIM..` of `RVIM` in de map. Het RVIM schreef het..\n"
    line = text.splitlines()[2]
    got = [(f.rule, f.location.column) for f in lint_text(text, "b.md", select=["typo", "punctuation"])]
    assert got == [("typo", line.index("RVIM schreef") + 1), ("punctuation", line.index("het..") + 4)]

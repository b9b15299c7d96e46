from letterlint.textmap import TextBuilder


def test_cleaned_offsets_map_back_to_raw():
    raw = "[bookmark: _Hlk1]De leden[footnoteRef:1] vragen"
    b = TextBuilder()
    b.add("De leden", raw.index("De"))
    b.add(" vragen", raw.index(" vragen"))
    text, tmap = b.build()
    assert text == "De leden vragen"
    start = text.index("vragen")
    rs, re_ = tmap.span_to_raw(start, start + len("vragen"))
    assert raw[rs:re_] == "vragen"
    # a span ending right before a removed marker does not swallow the marker
    rs, re_ = tmap.span_to_raw(0, len("De leden"))
    assert raw[rs:re_] == "De leden"


def test_contiguous_pieces_make_one_segment():
    b = TextBuilder()
    b.add("ab", 0)
    b.add("cd", 2)
    text, tmap = b.build()
    assert text == "abcd" and tmap.to_raw(3) == 3 and len(tmap._clean) == 1

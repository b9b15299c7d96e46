"""One home for place and note wording: a location describes itself, the same way in every rule."""

from __future__ import annotations

import re
from pathlib import Path

from letterlint.model import Location
from letterlint.wording import note_noun, note_nouns, note_place, place, places

RULES = Path(__file__).resolve().parents[1] / "lint_rules"


def loc(line=None, paragraph=7):
    return Location(paragraph=paragraph, heading=None, text="", line=line)


def test_a_location_describes_itself():
    assert loc(12).place() == "regel 12" and loc(12).place("en") == "line 12"
    assert loc(None, 4).place() == "alinea 4" and loc(None, 4).place("en") == "paragraph 4"
    assert place(loc(3)) == loc(3).place()


def test_several_places():
    assert places([loc(12), loc(40), loc(77)], "nl") == "regels 12, 40 en 77"
    assert places([loc(None, 2), loc(None, 5)], "en") == "paragraphs 2 and 5"
    assert places([loc(i) for i in range(1, 7)], "nl", limit=4) == "regels 1, 2, 3, 4 en nog 2"


def test_notes():
    assert (note_noun("footnote"), note_noun("endnote"), note_noun(None)) == ("voetnoot", "eindnoot", "noot")
    assert (note_noun("endnote", "en"), note_nouns("footnote"), note_nouns("endnote", "en")) == \
        ("endnote", "voetnoten", "endnotes")
    assert note_place("footnote", 3) == "voetnoot 3" and note_place("endnote", "2", "en") == "endnote 2"


def test_rules_take_place_words_from_the_wording_module():
    spelled = re.compile(r'f"(regel|alinea|line|paragraph) \{|"(eindnoot|voetnoot)" if ')
    for path in sorted(RULES.glob("*.py")):
        assert not spelled.search(path.read_text("utf-8")), path.name


def test_counts_take_the_singular_for_one_and_the_plural_otherwise():
    from letterlint.wording import count, plural

    assert count(1, "finding") == "1 bevinding" and count(0, "finding") == "0 bevindingen"
    assert count(2, "paragraph") == "2 alinea's" and count(1, "fix", "en") == "1 fix"
    assert count(3, "fix", "en") == "3 fixes" and plural(1, ("hij lekt", "ze lekken")) == "hij lekt"

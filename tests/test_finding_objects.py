"""The objects every finding is made of (Location, Finding, Msg) and the steps that make them, as behaviour:
they compare and hash by value, and making one is one call — a letter makes hundreds of them, so the
engine's work per finding is counted in function calls here, not in time."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable

from letterlint.findings import Finding, Fix, Msg, Related, Severity, evolve
from letterlint.model import Location
from letterlint.readers import read_bytes


def calls(action: Callable[[], object]) -> list[str]:
    """The functions (Python and built-in) that `action` calls, in order; a generator's every resumption counts."""
    seen: list[str] = []

    def profile(frame, event, arg):
        if event == "call":
            seen.append(frame.f_code.co_name)
        elif event == "c_call":
            seen.append(getattr(arg, "__name__", "?"))

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return [name for name in seen if name != "setprofile"][1:]  # not the action itself


def doc_of(text: str, name: str = "brief.txt"):
    return read_bytes(text.encode("utf-8"), name)


def test_locations_and_findings_compare_and_hash_by_value():
    def make() -> Finding:
        loc = Location(3, "Kop", "abc", 3, 4, 3, 6, raw_start=10, raw_end=13)
        other = Related(Location(1, None, "x", 1, 1, 1, 1), Msg("daar", "there"))
        return Finding(loc, Msg("a", "b"), "c", Fix("d"), Severity.ERROR, (other,), "rule", "ctx")

    a, b = make(), make()
    assert a == b and a is not b and hash(a) == hash(b) and hash(a.location) == hash(b.location)
    assert len({a, b, a.location, b.location, a.message, b.message}) == 3
    changed = dataclasses.replace(a, location=dataclasses.replace(a.location, column=5))
    assert changed != a and changed.location.column == 5 and a.location.column == 4
    assert Finding(a.location, "tekst").message == Msg("tekst", "tekst")  # a plain message still becomes a Msg


def test_making_a_location_or_a_finding_is_one_call():
    loc = Location(3, "Kop", "abc", 3, 4, 3, 6, "body", None, 10, 13)
    assert calls(lambda: Location(3, "Kop", "abc", 3, 4, 3, 6, "body", None, 10, 13)) == ["__init__"]
    assert calls(lambda: Msg("a", "b")) == ["__init__"]
    made = calls(lambda: Finding(loc, Msg("a", "b"), rule="x"))
    assert made.count("__init__") == 2 and len(made) <= 5  # with the Msg; __post_init__'s two isinstance


def test_locating_a_span_of_a_text_export_makes_only_the_location():
    doc = doc_of("\n".join(f"Regel {i} met tekst die over twee regels loopt." for i in range(300)))
    par = doc.paragraphs[150]
    loc = doc.locate_raw(par, 6, 20)
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (151, 7, 151, 20)
    assert loc.raw_start == par.origin + 6 and loc.text == par.raw[6:20]
    made = calls(lambda: doc.locate_raw(par, 6, 20))
    # the line of the start and of the end, and the Location (no helper per finding, no keyword dictionary)
    assert made[0] == "locate_raw" and sorted(made[1:]) == ["__init__", "bisect_right", "bisect_right"]


def test_line_and_column_of_every_span_end():
    text = "ab\n\ncdé\nf"
    doc = doc_of(text)
    for par in doc.paragraphs:
        for a in range(len(par.raw) + 1):
            for b in range(a, len(par.raw) + 1):
                loc = doc.locate_raw(par, a, b)
                start, last = par.origin + a, par.origin + max(b - 1, a)
                assert (loc.line, loc.column) == (text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start))
                assert (loc.end_line, loc.end_column) == (text.count("\n", 0, last) + 1, last - text.rfind("\n", 0, last))


def test_walking_the_blocks_costs_no_call_per_paragraph():
    notes = "".join(f"Alinea {i} met een voetnoot.[footnoteRef:{i}]\n[{i}: Bron {i}.]\n" for i in range(1, 60))
    doc = doc_of(notes)
    assert len(doc.notes) == 59
    expected = list(doc.paragraphs) + [p for n in doc.notes for p in n.paragraphs]
    assert list(doc.blocks()) == expected and list(doc.blocks()) == expected  # the same, asked again

    def walk() -> None:
        for _ in doc.blocks():
            pass

    assert len(calls(walk)) <= 2


def test_completing_a_finding_is_evolve():
    from letterlint.findings import completed

    loc = Location(3, "Kop", "abc", 3, 4, 3, 6)
    f = Finding(loc, Msg("a", "b"), suggestion="c", related=(Related(loc, Msg("d", "e")),))
    done = completed(f, "rule", Severity.WARNING, Fix("x"), "context")
    assert done == evolve(f, rule="rule", severity=Severity.WARNING, fix=Fix("x"), context="context")
    assert calls(lambda: completed(f, "rule", Severity.WARNING, None, "context")).count("__init__") == 1

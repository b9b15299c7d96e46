import pytest
from conftest import EXAMPLE, lint_text


def typos(text, name="brief.txt"):
    return [(f.location.text, f.suggestion.nl) for f in lint_text(text, name, select=["typo"])]


def test_the_drafts_three_typos():
    findings = [f for f in lint_text(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name, select=["typo"])]
    assert sorted((f.location.line, f.location.text, f.suggestion.nl) for f in findings) == [
        (189, "staatsecretaris", "staatssecretaris"), (233, "RVIM", "RIVM"), (547, "bevoegd bezag", "bevoegd gezag")]


@pytest.mark.parametrize("text,expected", [
    ("Het RVIM adviseert.", [("RVIM", "RIVM")]),
    ("Het RVIM-rapport.", [("RVIM", "RIVM")]),
    ("Staatsecretarissen schrijven.", [("Staatsecretarissen", "Staatssecretarissen")]),
    ("de Tweede kamer en de tweede Kamer", [("Tweede kamer", "Tweede Kamer"), ("tweede Kamer", "Tweede Kamer")]),
    ("Op 7 april j.l. sprak ik", [("j.l.", "jl.")]),
    ("de GGD’s in het land", [("GGD’s", "GGD’en")]),
])
def test_matches(text, expected):
    assert typos(text + "\n") == expected


@pytest.mark.parametrize("text", [
    "Het RIVM adviseert het bevoegd gezag en de bevoegde gezagen.",
    "De staatssecretaris en de Tweede Kamer; het PvdA-Kamerlid.",
    "Zie https://iplo.nl/regelgeving/omgevingswet/participatie/ en www.rijkswaterstaat.nl/kamerbrief.",
    "GGD’en en GGD'en werken samen; 7 april jl. is voorbij.",
    "RVIMX is geen afkorting en kamerlidmaatschap evenmin.",
])
def test_no_false_positives(text):
    assert typos(text + "\n") == []


def test_line_wrapped_phrase_in_markdown():
    assert typos("# Brief\n\nHet bevoegd\nbezag besluit.\n", "brief.md") == [("bevoegd\nbezag", "bevoegd gezag")]


def test_user_extra_entries(tmp_path):
    rules = "rules:\n  typo:\n    extra-entries:\n      - {wrong: Rijkswaterstraat, right: Rijkswaterstaat}\n"
    findings = lint_text("Rijkswaterstraat en RVIM.\n", rules_yaml=rules, tmp_path=tmp_path, select=["typo"])
    assert [f.suggestion.nl for f in findings] == ["Rijkswaterstaat", "RIVM"]


def test_footnotes_are_checked_too():
    doc_text = "Tekst[footnoteRef:1]. [1:  Brief van de staatsecretaris.]\n"
    (f,) = lint_text(doc_text, select=["typo"])
    assert f.location.part == "footnote" and f.location.text == "staatsecretaris"

"""The shared analyses: computed once per document whichever rules ask, and the address spans every rule
leaves alone (one pattern, e-mail addresses included)."""

from __future__ import annotations

import pytest
from conftest import lint_text

from letterlint import analyses
from letterlint.addresses import address_spans, trim
from letterlint.readers import read_bytes

HEAD = "Geachte voorzitter,\n"


def doc_of(text: str, name: str = "brief.txt"):
    return read_bytes(text.encode("utf-8"), name)


def test_each_analysis_is_built_once_per_document():
    doc = doc_of(HEAD + "Vraag 1\nWanneer start de pilot?\nAntwoord 1\nIn mei.[footnoteRef:1]\n[1: Zie www.rivm.nl.]\n")
    shared = analyses.of(doc)
    assert analyses.of(doc) is shared
    assert shared.structure({}) is shared.structure(None)
    assert shared.similarity({}) is shared.similarity({})
    assert shared.notes is shared.notes and shared.words is shared.words
    par = doc.paragraphs[-1]
    assert shared.addresses.spans(par) is shared.addresses.spans(par)
    analyses.forget(doc)
    assert analyses.of(doc) is not shared


def test_other_documents_get_their_own_analyses():
    a, b = doc_of(HEAD + "Een.\n"), doc_of(HEAD + "Een.\n")
    assert analyses.of(a) is not analyses.of(b)
    assert analyses.of(a).doc is a


@pytest.mark.parametrize("text, found", [
    ("zie https://www.rivm.nl/a?b=c voor meer", "https://www.rivm.nl/a?b=c"),
    ("zie www.rivm.nl voor meer", "www.rivm.nl"),
    ("mail info.team@minienw.nl of bel", "info.team@minienw.nl"),
    ("op open.overheid.nl/documenten/x staat het", "open.overheid.nl/documenten/x"),
])
def test_address_spans(text, found):
    (span,) = address_spans(text)
    assert text[slice(*span)] == found


def test_no_address_without_its_signs():
    assert address_spans("De minister, i.v.m. de Wet 2023, stelt dit vast.") == []


def test_trim_leaves_a_bracket_that_belongs_to_the_address():
    text = "(zie https://nl.wikipedia.org/wiki/Foo_(bar))."
    (span,) = address_spans(text)
    assert text[slice(*trim(text, span))] == "https://nl.wikipedia.org/wiki/Foo_(bar)"
    text = "(zie https://www.rivm.nl/a)."
    (span,) = address_spans(text)
    assert text[slice(*trim(text, span))] == "https://www.rivm.nl/a"


@pytest.mark.parametrize("address", ["2023z14995@tweedekamer.nl", "celex32024L178@eur-lex.eu",
                                     "team.2024z0001@example.org"])
def test_identifiers_inside_mail_addresses_are_left_alone(address):
    # an e-mail address is spelled as it is: its local part is not a malformed zaak or CELEX number
    text = f"Vragen over dit onderwerp kunt u mailen naar {address} voor de zaak.\n"
    assert lint_text(text, select=["identifier-format", "kamerstuk-reference"]) == []


def test_the_same_identifier_outside_an_address_is_still_found():
    text = "Het zaaknummer is 2023z14995 en de CELEX 32024L178 voor de zaak.\n"
    found = lint_text(text, select=["identifier-format"])
    assert {f.location.text for f in found} == {"2023z14995", "32024L178"}


def test_rules_do_not_branch_on_the_input_format():
    # format knowledge lives in the readers and the model (Document.lines_may_wrap, footnotes' NoteStyle);
    # bookmark-artefact is the documented exception: there the difference is the finding itself
    import re
    from pathlib import Path

    rules = Path(__file__).resolve().parents[1] / "lint_rules"
    branching = {p.name for p in rules.glob("*.py") if re.search(r"\.format\s*(==|!=|in\b|not in\b)", p.read_text("utf-8"))}
    assert branching == {"bookmark_artefact.py"}


def test_note_style_says_how_each_format_writes_notes():
    text = doc_of("Tekst[footnoteRef:1].\n[1: Een noot.]\n")
    md = doc_of("Tekst[^1].\n\n[^1]: Een noot.\n", "brief.md")
    assert analyses.of(text).notes.style.body_per_reference and text.lines_may_wrap
    style = analyses.of(md).notes.style
    assert style.numbers_from_one and style.marks_in_text and not md.lines_may_wrap
    assert style.ref_syntax.format(kind="footnote", id="3") == "[^3]"


@pytest.mark.parametrize("text, found", [
    ("Zie het bestand 03-rapport-RVIM-metingen.txt hierover.", ["03-rapport-RVIM-metingen.txt"]),
    ("In de map ../bijlagen-RVIM/ staat het.", ["../bijlagen-RVIM/"]),
    ("Zie stukken/RVIM/overzicht.xlsx, en C:\\Data\\RVIM\\nota.docx.", ["stukken/RVIM/overzicht.xlsx",
                                                                      "C:\\Data\\RVIM\\nota.docx"]),
    ("Open /srv/brieven/ of ./concept.MD nu.", ["/srv/brieven/", "./concept.MD"]),
])
def test_file_names_and_paths_are_address_spans(text, found):
    assert address_texts(text + "\n") == found


def address_texts(text: str, paragraph: int = 0) -> list[str]:
    """The texts of the address spans the analysis finds in one paragraph of a letter made of `text`."""
    doc = doc_of(text)
    par = doc.paragraphs[paragraph]
    return [par.text[a:b] for a, b in analyses.of(doc).addresses.spans(par)]


@pytest.mark.parametrize("text", [
    "Dit geldt voor en/of na 2023/24, op 26/03/2024, bij 50 km/u en voor m/v/x.",
    "De motie-Bruins Slot/Pia Dijkstra en de motie-Van Aalst/Remco Dijkstra; ja/nee/misschien.",
    "Het is klaar.De leden, de rapporten.Zij vragen.",
])
def test_running_text_with_slashes_is_not_a_path(text):
    assert address_texts(text + "\n") == []


def test_rules_leave_words_in_file_names_and_paths_alone():
    text = ("Geachte voorzitter,\n\nHet bestand 03-rapport-RVIM-metingen.txt en de map ../bijlagen..RVIM/ zijn "
            "verstuurd.\n")
    assert lint_text(text, select=["typo", "punctuation"]) == []
    assert [f.rule for f in lint_text("Het rapport van het RVIM is klaar..\n", select=["typo", "punctuation"])] \
        == ["typo", "punctuation"]


@pytest.mark.parametrize("token", ["KeesDeVries/Taalmodel-3B-chat", "Team-Noord/DataPortaal-scripts", "acme/Model-2-7b",
                                   "OrgaNisatie/tool_kit"])
def test_owner_name_identifiers_are_address_spans(token):
    assert address_texts(f"Het model {token} is getraind.\n") == [token]


@pytest.mark.parametrize("text", [
    "De fracties van CDA/ChristenUnie en GroenLinks/PvdA, per e-mail/WhatsApp of e-mail/post.",
    "Over COVID-19/corona en Noord-Holland/Zuid-Holland; de motie-Kröger/Van der Lee.",
])
def test_running_text_with_camel_case_and_a_slash_is_not_an_identifier(text):
    assert address_texts(text + "\n") == []


def test_the_handle_of_an_identifier_is_left_alone_elsewhere_in_the_document():
    text = ("Kees de Vries traint modellen. Kees de Vries werkt in Delft. Kees de Vries publiceert veel.\n"
            "Zijn model KeesDeVries/Taalmodel-3B-chat staat online.\n"
            "Het klassement is een Space by KeesDeVries, en KeesDeVriesje is iets anders.\n")
    assert address_texts(text, paragraph=2) == ["KeesDeVries"]
    assert lint_text(text, select=["term-consistency"]) == []

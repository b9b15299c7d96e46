"""answer-label: missing, misspelled, empty and placeholder answers."""

from __future__ import annotations

import pytest
from conftest import DATA, EXAMPLE, lint_text

RULE = "answer-label"


def findings(text, name="brief.txt", **kw):
    return [f for f in lint_text(text, name, select=[RULE], **kw) if f.rule == RULE]


def apply(text: str, finding) -> str:
    """Apply a finding's fix to a text file's source (what --fix would write)."""
    fix = finding.fix
    start = finding.location.raw_start if fix.raw_start is None else fix.raw_start
    end = finding.location.raw_end if fix.raw_end is None else fix.raw_end
    return text[:start] + fix.replacement + text[end:]


def test_the_draft():
    text = EXAMPLE.read_text(encoding="utf-8")
    got = findings(text, EXAMPLE.name)
    assert [(f.location.line, f.location.text, f.severity) for f in got] == [
        (81, "Antwoord;", "warning"),
        (620, "Zoals eerder aangegeven heeft het bevoegd gezag in het kader van zijn wettelijke toezichtstaak de "
              "bevoegdheid om onafhankelijke, eigen metingen uit te voeren bij bedrijven.", "warning")]
    semicolon, unlabelled = got
    assert semicolon.message.nl == "Antwoordlabel «Antwoord;» wijkt af van de rest van de brief («Antwoord:»): " \
                                   "puntkomma in plaats van dubbele punt"
    assert semicolon.fix.safe and semicolon.fix.replacement == "Antwoord:"
    assert apply(text, semicolon).split("\n")[80].startswith("Antwoord: De verwachting is dat")
    assert unlabelled.message.nl == "Dit antwoord (op de vraag op regel 618) heeft geen label «Antwoord:», terwijl de " \
                                    "andere antwoorden er een hebben"
    assert not unlabelled.fix.safe
    assert apply(text, unlabelled).split("\n")[619].startswith("Antwoord: Zoals eerder aangegeven")


@pytest.mark.parametrize("name", ["draft.md", "draft-pandoc.docx", "draft-libreoffice.docx"])
def test_the_draft_in_other_formats(name):
    from letterlint.config import load_config
    from letterlint.readers import read_path
    from letterlint.runner import build_plan, lint_document

    got, _ = lint_document(read_path(DATA / name), build_plan(load_config(None, search=False), select=[RULE]))
    assert [f.location.text[:12] for f in got] == ["Antwoord;", "Zoals eerder"]


HEAD = "Vragen en opmerkingen van de leden van de VVD-fractie\n"
BODY = "Hoe borgt u de meetcapaciteit?\nAntwoord: Met eigen metingen.\nWie betaalt de pilot?\nAntwoord: Het Rijk.\n" \
       "Wanneer start de pilot?\nAntwoord: In mei.\n"


@pytest.mark.parametrize("written,replacement", [
    ("Antwoord;", "Antwoord:"), ("Antwoord :", "Antwoord:"), ("Antwoord", "Antwoord:"), ("antwoord:", "Antwoord:"),
    ("ANTWOORD:", "Antwoord:"), ("Antwoorrd:", "Antwoord:"), ("Antwoord.", "Antwoord:"),
])
def test_labels_that_differ_from_the_house_style(written, replacement):
    text = HEAD + BODY + "Wie voert de pilot uit?\n" + written + " De provincie.\n"
    [f] = findings(text)
    assert f.location.line == 9 and f.location.text == written
    assert f.fix.safe and f.fix.replacement == replacement
    assert apply(text, f).split("\n")[8] == replacement + " De provincie."


def test_a_label_on_its_own_line():
    text = HEAD + BODY + "Wie voert de pilot uit?\nAntwoord\nDe provincie.\n"
    [f] = findings(text)
    assert f.location.text == "Antwoord" and f.fix.replacement == "Antwoord:"


def test_a_house_style_without_colon_is_respected():
    text = HEAD + "Hoe?\nAntwoord\nZo.\nWie?\nAntwoord\nWij.\nWanneer?\nAntwoord\nIn mei.\nWaar?\nAntwoord\nHier.\n"
    assert findings(text) == []


def test_no_house_style_with_only_two_labels():
    text = HEAD + "Hoe?\nAntwoord: Zo.\nWie?\nAntwoord; Wij.\n"
    assert findings(text) == []


def test_a_label_followed_by_nothing():
    text = HEAD + BODY + "Wie voert de pilot uit?\nAntwoord:\nHoe lang duurt de pilot?\nAntwoord: Twee jaar.\n"
    [f] = findings(text)
    assert f.severity == "error" and f.location.line == 9 and f.message.nl == "Na «Antwoord:» volgt geen antwoord"


@pytest.mark.parametrize("answer,placeholder", [
    ("PM", "PM"), ("p.m.", "p.m."), ("volgt", "volgt"), ("Volgt.", "Volgt."), ("nog invullen", "nog invullen"),
    ("[…]", "[…]"), ("TODO", "TODO"), ("Het Rijk betaalt XXX euro per jaar.", "XXX"),
    ("De provincie; TODO bedrag nagaan bij de directie.", "TODO"),
])
def test_placeholder_answers(answer, placeholder):
    text = HEAD + BODY + "Wie voert de pilot uit?\nAntwoord: " + answer + "\n"
    [f] = findings(text)
    assert f.severity == "error" and f.location.text == placeholder
    assert f.message.nl == f"Placeholder in plaats van een antwoord: «{placeholder}»"


@pytest.mark.parametrize("answer", [
    "Het antwoord volgt uit de Omgevingswet.", "De PM10-concentratie daalt.", "Zie het citaat «dit […] is goed» van "
    "de Raad van State over de pilot en de vervolgstappen.", "Ja.",
])
def test_ordinary_answers_are_no_placeholders(answer):
    assert findings(HEAD + BODY + "Wie voert de pilot uit?\nAntwoord: " + answer + "\n") == []


def test_placeholders_and_labels_are_settings(tmp_path):
    text = HEAD + "Hoe?\nReactie: Zo.\nWie?\nReactie: NADER TE BEPALEN\nWanneer?\nReactie: In mei.\n"
    yaml = "settings:\n  answer-labels: [Reactie]\n  answer-placeholders: [NADER TE BEPALEN]\n"
    [f] = lint_text(text, select=[RULE], rules_yaml=yaml, tmp_path=tmp_path)
    assert f.location.text == "NADER TE BEPALEN"


def test_a_label_inside_the_question_paragraph():
    text = HEAD + BODY + "Is de staatssecretaris bereid de pilot te verlengen? Antwoord: Ja, tot 2027.\n"
    [f] = findings(text)
    assert f.location.text == "Antwoord:" and f.location.line == 8
    assert "midden in de alinea" in f.message.nl
    assert not [x for x in lint_text(text, select=["unanswered-question"])]


def test_an_unlabelled_answer_is_not_unanswered():
    text = HEAD + BODY + "Wie voert de pilot uit?\nDe provincie voert de pilot uit, samen met de omgevingsdienst.\n"
    [f] = findings(text)
    assert f.location.line == 9 and f.fix.replacement == "Antwoord: " and not f.fix.safe
    assert lint_text(text, select=["unanswered-question"]) == []


NUMBERED = (DATA / "qa" / "numbered.txt").read_text(encoding="utf-8")


def test_numbered_fixture_is_clean():
    assert findings(NUMBERED) == []


def test_numbered_answer_without_its_label():
    text = NUMBERED.replace("Antwoord 3\n", "")
    [f] = findings(text)
    assert f.location.text == "De uitloging is gemeten door Deltares in opdracht van Rijkswaterstaat; de"
    assert f.message.nl == "Tekst na «Vraag 3» die een antwoord lijkt, zonder het label «Antwoord 3»"
    assert lint_text(text, select=["unanswered-question"]) == []


def test_numbered_empty_and_placeholder_answers():
    text = NUMBERED.replace("Antwoord 1\nJa.\n", "Antwoord 1\n").replace("Ik heb de vragen zo spoedig mogelijk "
                                                                         "beantwoord.", "PM")
    got = findings(text)
    assert [(f.location.text, f.severity) for f in got] == [("Antwoord 1", "error"), ("PM", "error")]


def test_the_covering_letter_is_left_alone():
    text = "Geachte voorzitter,\nWie had dat gedacht?\nHoogachtend,\nDe staatssecretaris\n" + HEAD + BODY
    assert findings(text) == []

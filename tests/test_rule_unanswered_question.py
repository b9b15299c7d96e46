"""unanswered-question: questions without an answer, questions a shared answer passes over, Vraag/Antwoord N."""

from __future__ import annotations

import pytest
from conftest import CORPUS, DATA, EXAMPLE, lint_text, needs_shared, run_cli

RULE = "unanswered-question"


def findings(text, name="brief.txt", **kw):
    return [f for f in lint_text(text, name, select=[RULE], **kw) if f.rule == RULE]


def draft_findings():
    return findings(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name)


def test_the_draft():
    got = draft_findings()
    summary = [(f.location.line, f.severity) for f in got]
    assert summary == [(315, "warning"), (369, "info"), (401, "info"), (419, "info"), (768, "info"), (770, "error")]
    closing = got[-1]
    assert closing.message.nl.startswith("Dit verzoek krijgt geen antwoord voor het einde van de brief: «De leden van de "
                                         "Partij voor de Dieren-fractie verzoeken de staatssecretaris")
    assert closing.message.en.startswith("This request gets no answer before the end of the letter")
    assert closing.suggestion.nl.startswith("Voeg een antwoord toe")
    carbon = got[0]
    assert "Het gedeelde antwoord (regel 319) gaat niet in op deze vraag: «Deze leden vragen hoe het kabinet" \
           in carbon.message.nl
    assert "(niets over verplaatsing, banenverlies, goedbedoelde, buitenland)" in carbon.message.nl  # as the question has them
    assert [r.location.line for r in carbon.related] == [319]
    # the infos sit on the shared answers and point at their questions
    assert [sorted(r.location.line for r in f.related) for f in got[1:5]] == [[365, 367], [397, 399], [415, 417],
                                                                              [764, 766]]


def test_the_draft_from_the_command_line(tmp_path):
    proc = run_cli(EXAMPLE, "--select", RULE, "--lang", "en", cwd=tmp_path)
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert f"{EXAMPLE}:770:26: error [{RULE}] This request gets no answer before the end of the letter" in out
    assert f"{EXAMPLE}:315:1: warning [{RULE}] The shared answer (line 319) does not take up this question" in out


@pytest.mark.parametrize("name", ["draft.md", "draft-pandoc.docx", "draft-libreoffice.docx"])
def test_the_draft_in_other_formats(name):
    from letterlint.config import load_config
    from letterlint.readers import read_path
    from letterlint.runner import build_plan, lint_document

    doc = read_path(DATA / name)
    got, problems = lint_document(doc, build_plan(load_config(None, search=False), select=[RULE]))
    assert not problems
    assert [f.severity for f in got] == ["warning", "info", "info", "info", "info", "error"]
    assert "(niets over verplaatsing, banenverlies, goedbedoelde, buitenland)" in got[0].message.nl


HEAD = "Vragen en opmerkingen van de leden van de VVD-fractie\n"
NEXT = "Vragen en opmerkingen van de leden van de CDA-fractie\n"


def test_a_question_before_the_next_heading():
    text = HEAD + "Hoe borgt u de meetcapaciteit?\nAntwoord: Zo.\nWanneer start de pilot meten?\n" + NEXT + \
        "Hoe staat het met de taskforce?\nAntwoord: Goed.\n"
    [f] = findings(text)
    assert f.severity == "error" and f.location.line == 4
    assert f.message.nl == "Deze vraag krijgt geen antwoord voor de volgende kop: «Wanneer start de pilot meten?»"


def test_a_probable_question_is_a_warning():
    text = HEAD + "Hoe borgt u het?\nAntwoord: Zo.\nKan de staatssecretaris aangeven hoeveel het kost.\n"
    [f] = findings(text)
    assert f.severity == "warning"


def test_remarks_and_answered_indirect_questions_are_silent():
    text = HEAD + "De leden van de VVD-fractie merken op dat meten discussie kan voorkomen.\n" \
        "De leden van de VVD-fractie vragen hoe de staatssecretaris de meetcapaciteit borgt.\nAntwoord: Zo.\n" \
        "Graag ontvangen deze leden een reflectie op de rol van de GGD.\nAntwoord: De GGD adviseert.\n" \
        "De leden van de VVD-fractie achten het van belang dit zorgvuldig te doen.\n"
    assert findings(text) == []


def test_the_covering_letter_is_left_alone_unless_asked():
    text = "Geachte voorzitter,\nKunt u zich voorstellen hoeveel vragen er zijn?\n" + HEAD + \
        "Hoe borgt u het?\nAntwoord: Zo.\nWie betaalt?\nAntwoord: Wij.\n"
    assert findings(text) == []


def test_option_before_first_heading(tmp_path):
    text = "Geachte voorzitter,\nKunt u zich voorstellen hoeveel vragen er zijn?\n" + HEAD + \
        "Hoe borgt u het?\nAntwoord: Zo.\nWie betaalt?\nAntwoord: Wij.\n"
    got = lint_text(text, select=[RULE], tmp_path=tmp_path,
                    rules_yaml="rules:\n  unanswered-question:\n    before-first-heading: true\n")
    assert [f.location.line for f in got] == [2]


def test_a_letter_without_answers_is_not_checked():
    text = "Inleiding\nWat betekent dit voor de industrie? Dat is de vraag die dit rapport beantwoordt.\n" \
        "Hoe verder?\nDat lezen we in hoofdstuk 3.\n"
    assert findings(text) == []


SHARED = HEAD + (
    "Hoe borgt u de meetcapaciteit?\nAntwoord: Zo.\n"
    "Deze leden vragen hoe het kabinet voorkomt dat maatregelen leiden tot verplaatsing van chemische bedrijven "
    "naar het buitenland en tot carbon leakage.\n"
    "De leden vragen of er een integrale impactanalyse is gemaakt van de actieagenda op investeringsbeslissingen?\n"
    "Antwoord: Een impactanalyse is niet nodig, omdat de pilots geen nieuwe eisen stellen.\n"
    "Wie betaalt de pilot?\nAntwoord: Het Rijk.\nWie voert de pilot uit?\nAntwoord: De provincie.\n"
    "Wanneer start de pilot?\nAntwoord: In mei.\n"
)


def test_a_question_the_shared_answer_passes_over():
    [f] = findings(SHARED)
    assert f.severity == "warning" and f.location.line == 4
    assert "gaat niet in op deze vraag" in f.message.nl and "buitenland" in f.message.nl
    assert f.related[0].location.line == 6


def test_a_shared_answer_that_takes_up_both_questions():
    text = SHARED.replace("omdat de pilots geen nieuwe eisen stellen.",
                          "omdat de pilots geen nieuwe eisen stellen; verplaatsing naar het buitenland is daarom niet "
                          "te verwachten.")
    assert [f for f in findings(text) if f.severity != "info"] == []


def test_a_shared_answer_that_says_it_answers_them_together():
    text = SHARED.replace("Antwoord: Een impactanalyse", "Antwoord: Deze vragen worden gezamenlijk beantwoord. "
                                                          "Een impactanalyse")
    assert findings(text) == []


def test_option_shared_answers_off(tmp_path):
    got = lint_text(SHARED, select=[RULE], tmp_path=tmp_path,
                    rules_yaml="rules:\n  unanswered-question:\n    shared-answers: false\n")
    assert got == []


def test_a_short_follow_up_is_not_judged():
    text = SHARED.replace("Deze leden vragen hoe het kabinet voorkomt dat maatregelen leiden tot verplaatsing van "
                          "chemische bedrijven naar het buitenland en tot carbon leakage.", "Zo nee, waarom niet?")
    assert findings(text) == []


# -- numbered letters ----------------------------------------------------------------------------------------

NUMBERED = (DATA / "qa" / "numbered.txt").read_text(encoding="utf-8")


def test_numbered_fixture_is_clean():
    assert findings(NUMBERED) == []


def test_numbered_missing_answer():
    text = NUMBERED.replace("Antwoord 1\nJa.\n", "")
    [f] = findings(text)
    assert f.severity == "error" and f.location.text == "Vraag 1"
    assert f.message.nl == "Bij «Vraag 1» staat geen «Antwoord 1»: «Kent u het bericht «Staalslak in de Oosterschelde " \
                           "blijft liggen»?1»"


def test_numbered_combined_answer_for_separate_questions():
    text = NUMBERED.replace("Vraag 4 en 5\nDeelt u de zorg", "Vraag 4\nDeelt u de zorg").replace(
        "mosselteelt?\nBent u", "mosselteelt?\nVraag 5\nBent u")
    assert findings(text) == []


def test_numbered_answer_without_question():
    text = NUMBERED.replace("Vraag 2\n", "")
    [f] = findings(text)
    assert f.severity == "warning" and f.location.text == "Antwoord 2"
    assert "Bij «Antwoord 2» hoort geen «Vraag 2»" in f.message.nl


def test_numbered_duplicate_answer():
    text = NUMBERED.replace("Antwoord 6\nIk heb", "Antwoord 6\nIk heb de vragen beantwoord.\nAntwoord 6\nIk heb")
    [f] = findings(text)
    assert f.severity == "error" and "«Antwoord 6» staat twee keer in de brief" == f.message.nl
    assert f.related[0].location.line == 32 and f.location.line == 34


def test_numbered_typo_is_named_once():
    text = NUMBERED.replace("Antwoord 2\n", "Antwoord 3\n")
    [f] = findings(text)
    assert f.severity == "error" and f.location.line == 14
    assert "bedoeld is waarschijnlijk «Antwoord 2»" in f.message.nl


def test_numbered_swapped_answers():
    a1 = "Antwoord 1\nJa.\n"
    a2 = "Antwoord 2\nRijkswaterstaat heeft sinds 2015 ongeveer 12.000 ton staalslak toegepast bij\n" \
         "dijkversterkingen langs de Oosterschelde.\n"
    text = NUMBERED.replace(a1, "@@1").replace(a2, "@@2").replace("@@1", a2).replace("@@2", a1)
    got = findings(text)
    assert [(f.location.text, f.severity) for f in got] == [("Antwoord 2", "warning"), ("Antwoord 1", "warning")]
    assert got[0].message.nl == "«Antwoord 2» staat niet bij «Vraag 2» maar onder «Vraag 1»"


@needs_shared
def test_published_letters():
    letters = sorted((CORPUS / "letters").glob("*.txt"))
    by_name = {}
    for path in letters:
        by_name[path.name] = findings(path.read_text(encoding="utf-8"), path.name)
    assert {k: v for k, v in by_name.items() if v}.keys() == {"03-kamervragen-mind-nza-gegevensdeling-md.txt"}
    [f] = by_name["03-kamervragen-mind-nza-gegevensdeling-md.txt"]
    assert (f.location.line, f.location.text, f.severity) == (62, "Antwoord 2", "warning")


def test_a_single_numbered_question_without_answer():
    [f] = findings("Vraag 1\nWanneer ontvangt de Kamer de evaluatie van de pilot?\n")
    assert f.severity == "error" and f.location.text == "Vraag 1" and "«Antwoord 1»" in f.message.nl
    [f] = findings("Vraag 3\nKunt u de cijfers per provincie geven?\n")
    assert "«Vraag 3»" in f.message.nl


def test_a_single_numbered_question_with_its_answer_is_clean():
    assert findings("Vraag 1\nWanneer ontvangt de Kamer de evaluatie?\nAntwoord 1\nIn mei.\n") == []
    assert findings("Vraag 1\nWanneer ontvangt de Kamer de evaluatie?\nAntwoord: In mei.\n") == []


def test_prose_that_mentions_one_question_is_not_a_numbered_letter():
    for text in (
        "Geachte voorzitter,\nIn vraag 1 van het lid vraagt zij naar de pilot. Hoe staat het daarmee?\n",
        "Geachte voorzitter,\nVraag 1 van de enquête ging over de pilot. Wat vonden de deelnemers?\n",
        "Geachte voorzitter,\nZoals gezegd bij Vraag 1. Wat betekent dit voor de regio?\n",
        "Vraag 1\nDe deelnemers vonden de pilot nuttig en willen doorgaan met de metingen in de regio.\n",
    ):
        assert findings(text) == [], text

"""deferred-answer: answers that say the question cannot (yet) be answered."""

from __future__ import annotations

import pytest
from conftest import CORPUS, EXAMPLE, lint_text, needs_shared

RULE = "deferred-answer"


def findings(text, name="brief.txt", **kw):
    return [f for f in lint_text(text, name, select=[RULE], **kw) if f.rule == RULE]


def test_the_draft():
    got = findings(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name)
    assert [(f.location.line, f.location.text, f.severity) for f in got] == [
        (106, "valt op voorhand niet te zeggen", "info"),
        (225, "om deze vraag te beantwoorden", "info"),
        (458, "is op voorhand niet te zeggen", "info"),
        (475, "kan helaas niet inhoudelijk worden beantwoord", "info"),
        (606, "kunnen nog niet worden beantwoord", "info"),
        (760, "is op voorhand niet te zeggen", "info"),
    ]
    assert got[3].message.nl == "Dit antwoord stelt de beantwoording uit of weigert die: «kan helaas niet inhoudelijk " \
                                "worden beantwoord»"


HEAD = "Vragen en opmerkingen van de leden van de VVD-fractie\nWanneer start de pilot?\nAntwoord: "


@pytest.mark.parametrize("answer,phrase", [
    ("Deze vraag kan nog niet worden beantwoord.", "kan nog niet worden beantwoord"),
    ("Het kabinet zal in een separate brief op deze vraag ingaan.", "in een separate brief"),
    ("De uitkomsten van het onderzoek zijn nog niet bekend.", "uitkomsten van het onderzoek zijn nog niet bekend"),
    ("Ik kom hier later op terug.", "Ik kom hier later op terug"),
    ("Daar kom ik na de zomer op terug.", "Daar kom ik na de zomer op terug"),
    ("Het is nu niet te zeggen wanneer dat is.", "is nu niet te zeggen"),
    ("Antwoord volgt.", "Antwoord volgt"),
])
def test_deferrals(answer, phrase):
    [f] = findings(HEAD + answer + "\n")
    assert f.location.text == phrase


@pytest.mark.parametrize("answer", [
    "Ik heb mijn best gedaan de vragen zo spoedig mogelijk te beantwoorden.",
    "De pilot start in mei; de resultaten zijn bekend in 2027.",
    "Zie de beantwoording van vergelijkbare Kamervragen.",
])
def test_answers_that_are_no_deferrals(answer):
    assert findings(HEAD + answer + "\n") == []


def test_questions_are_not_answers():
    text = "Vragen en opmerkingen van de leden van de VVD-fractie\nKan deze vraag nog niet worden beantwoord?\n" \
        "Antwoord: Jawel.\n"
    assert findings(text) == []


def test_extra_phrases(tmp_path):
    text = HEAD + "Hier kan niet op vooruit worden gelopen.\n"
    assert findings(text) == []
    yaml = "rules:\n  deferred-answer:\n    extra-phrases: ['niet\\s+(?:op\\s+)?vooruit(?:ge)?lopen|vooruit\\s+worden\\s+gelopen']\n"
    [f] = lint_text(text, select=[RULE], rules_yaml=yaml, tmp_path=tmp_path)
    assert f.location.text == "vooruit worden gelopen"


def test_a_bad_pattern_is_a_configuration_error(tmp_path):
    from letterlint.config import ConfigError

    with pytest.raises(ConfigError) as err:
        lint_text(HEAD + "Ja.\n", select=[RULE], rules_yaml="rules:\n  deferred-answer:\n    extra-phrases: ['(']\n",
                  tmp_path=tmp_path)
    assert "rules.yaml" in str(err.value) and "extra-phrases" in str(err.value)


@needs_shared
def test_published_letters():
    got = {}
    for path in sorted((CORPUS / "letters").glob("*.txt")):
        got[path.name] = [f.location.text for f in findings(path.read_text(encoding="utf-8"), path.name)]
    assert {k: v for k, v in got.items() if v} == {
        "02-kamervragen-zuidelijke-kaukasus-md.txt": ["in een separate brief"],
        "06-kamervragen-ziekenhuisrekeningen-2014-flat.txt": [
            "uitkomsten van de omzetonderzoeken zijn nog niet bekend",
            "uitkomsten van het jaarrekening traject zijn nog niet bekend"],
    }

import pytest
from conftest import EXAMPLE, lint_text


def marks(text, name="brief.txt", **kw):
    return [(f.location.text, f.suggestion.nl if f.suggestion else None)
            for f in lint_text(text, name, select=["punctuation"], **kw)]


def test_the_drafts_slips():
    findings = lint_text(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name, select=["punctuation"])
    assert [(f.location.line, f.location.text, f.suggestion.nl, f.fix.safe) for f in findings] == [
        (3, "..", ".", True),
        (262, " .", ".", True),
        (266, "creëren De", "creëren. De", False),
        (383, "( (", "(", True),
    ]
    assert "«…vragen..»" in findings[0].message.nl  # the message shows where (a .docx has no line numbers)


@pytest.mark.parametrize("text,expected", [
    ("Dit zijn de vragen..", [("..", ".")]),
    ("Rood,, groen.", [(",,", ",")]),
    ("Zie de motie ((Kamerstuk 1, nr. 2).", [("((", "(")]),
    ("De locaties , zoals Velsen ; en IJmuiden ?", [(" ,", ","), (" ;", ";"), (" ?", "?")]),
    ("Het is gesteld.De leden vragen.", [(".", ". ")]),
    ("Wat vindt u ervan?Dat is de vraag.", [("?", "? ")]),
    ("Rood,groen en blauw.", [(",", ", ")]),
    ("Wij willen dat doen Daarom vragen wij u.", [("doen Daarom", "doen. Daarom")]),
    ("Zij vragen (zie de bijlage om een reactie.", [("(", "sluit het haakje of haal het weg")]),
    ("Zij vragen zie de bijlage) om een reactie.", [(")", "open het haakje of haal het weg")]),
    ("Zij noemen [de bijlage om een reactie.", [("[", "sluit het haakje of haal het weg")]),
    ("Het heet «Schone lucht en daarmee uit.", [("«", "sluit het citaat of haal het aanhalingsteken weg")]),
    ("Het heet “Schone lucht\" en daarmee uit.", [("“Schone lucht\"", "gebruik een passend paar: «“…”»")]),
])
def test_findings(text, expected):
    assert marks(text + "\n") == expected


@pytest.mark.parametrize("text", [
    "Dit zijn de vragen... en meer … Zie www.rijksoverheid.nl/a..b, info@rivm.nl. Of 1,5 en 2.0 en 1..10.",
    "Zoals i.v.m. de regels, o.a. de wet, 7 april jl. De minister De Jonge en c.s. Ook nr. 5 en blz. 3.",
    "Het rapport De staat van de zorg; de nota Het nieuwe werken; het programma Ook jij telt.",
    "Aan de orde zijn: a) de lucht; b) het water (zie bijlage 2); iv) en «de bodem».",
    "Zie (https://www.bd.nl/a/b?c=d&e=1). En (zie https://example.org/Foo_(bar)).",
    "De bestanden rapport.docx en www.Overheid.nl; z.Wh. en ASP.Net.",
    "Het heet ”Schone lucht” en „Schoon water”. En \"Stille straten\".",
    "Tekst met spaties aan het eind.   ",
    "De minister en de staatssecretaris. De Kamer. Het kabinet.",
])
def test_no_finding(text):
    assert marks(text + "\n") == []


def test_a_quotation_over_several_paragraphs():
    text = "“Beantwoord op basis van:\n\nDe eerste alinea.\n\nDe vraag.”\n"
    assert marks(text) == []
    assert len(marks("“Beantwoord op basis van:\n" + "Nog een alinea.\n" * 13 + "Eind.”\n")) == 2


def test_hard_wrapped_text_pairs_brackets_over_lines():
    text = "Zie de uitspraak (ECLI:NL:RVS:2023:1234, van\n12 januari 2023) over de vergunning.\n"
    assert marks(text) == []
    assert marks("# Brief\n\nZie (de uitspraak.\n\nEn dan 12 januari 2023) over.\n", "brief.md") == [
        ("(", "sluit het haakje of haal het weg"), (")", "open het haakje of haal het weg")]


def test_markers_between_are_left_alone():
    # a footnote mark between the word and the full stop: no fix that would delete the mark
    findings = lint_text("Zie de brief [footnoteRef:1]. [1:  Kamerstuk 1.]\n", select=["punctuation"])
    assert findings == []


def test_checks_can_be_switched_off(tmp_path):
    rules = "rules:\n  punctuation:\n    missing-full-stop: false\n    doubled: false\n"
    assert marks("Dit is gesteld.. Wij willen dat doen Daarom vragen wij u.\n", rules_yaml=rules, tmp_path=tmp_path) == []


def apply_fixes(source, findings, unsafe=False):
    """Apply the findings' fixes to a text file's source, as a --fix would (last first)."""
    out = source
    for f in sorted(findings, key=lambda f: -f.location.raw_start):
        if f.fix and (f.fix.safe or unsafe):
            out = out[:f.location.raw_start] + f.fix.replacement + out[f.location.raw_end:]
    return out


def test_the_fixes_repair_the_text():
    source = "Dit zijn de vragen..\nBij locaties . Op iedere ,, plek ( (zie bijlage).\nHet is gesteld.De leden doen dat Daarom niet.\n"
    findings = lint_text(source, select=["punctuation"])
    assert apply_fixes(source, findings) == (
        "Dit zijn de vragen.\nBij locaties. Op iedere , plek (zie bijlage).\nHet is gesteld. De leden doen dat Daarom niet.\n")
    assert apply_fixes(source, findings, unsafe=True).endswith("De leden doen dat. Daarom niet.\n")


def _rules(text, **kw):
    return [(f.rule, f.location.text) for f in lint_text(text, select=["punctuation", "kamerstuk-reference"], **kw)]


@pytest.mark.parametrize("text", [
    "Dit volgt uit de motie-Jansen ( (Kamerstuk 31 305, nr. 12) van vorig jaar.",
    "Dit volgt uit de motie-Jansen (  (Kamerstukken II 2023/24, 36 200 XII, nr. 5) van vorig jaar.",
    "Dit volgt uit de motie-Jansen (Kamerstuk 31 305, nr. 12 van vorig jaar.",
])
def test_a_citation_bracket_is_reported_once_by_the_citation_rule(text):
    got = _rules(text + "\n")
    assert [rule for rule, _ in got] == ["kamerstuk-reference"], got


def test_without_the_citation_rule_punctuation_still_reports_the_bracket(tmp_path):
    text = "Dit volgt uit de motie-Jansen ( (Kamerstuk 31 305, nr. 12) van vorig jaar.\n"
    assert marks(text) == [("( (", "(")]
    off = "rules:\n  kamerstuk-reference:\n    brackets: false\n"
    assert [r for r, _ in _rules(text, rules_yaml=off, tmp_path=tmp_path)] == ["punctuation"]


def test_other_brackets_in_a_reported_citations_paragraph_are_still_checked():
    got = _rules("Zie ( (Kamerstuk 31 305, nr. 12) en (de bijlage.\n")
    assert got == [("kamerstuk-reference", "( (Kamerstuk 31 305, nr. 12)"), ("punctuation", "(")], got


@pytest.mark.parametrize("text,marks_named", [
    ("De nota “Werken aan water\" verschijnt in mei.", ("“", '"')),
    ("De nota \"Werken aan water” verschijnt in mei.", ('"', "”")),
    ("De nota „Werken aan water\" verschijnt in mei.", ("„", '"')),
])
def test_a_mismatched_quote_pair_is_one_finding_naming_both_marks(text, marks_named):
    (f,) = lint_text(text + "\n", select=["punctuation"])
    assert f.location.text.startswith(marks_named[0]) and f.location.text.endswith(marks_named[1])
    assert f"«{marks_named[0]}» en «{marks_named[1]}» horen niet bij elkaar" in f.message.nl
    assert f"«{marks_named[0]}» and «{marks_named[1]}» do not match" in f.message.en


def test_a_lone_quote_beside_a_mismatched_pair_is_still_reported():
    got = marks("Hij zei “ja\" en toen «nee.\n")
    assert [t for t, _ in got] == ["“ja\"", "«"], got


def test_a_long_mismatched_quotation_shows_both_ends():
    text = "Zij schreef: “" + "Dit is een lange zin over de lucht en het water in de regio. " * 3 + "Einde.\" Klaar.\n"
    (f,) = lint_text(text, select=["punctuation"])
    assert "«…schreef: “Dit … Einde.\" Klaar.»" in f.message.nl, f.message.nl


def _bracket_state_step_by_step(text, skip, monkeypatch):
    from letterlint.lint_rules import punctuation

    with monkeypatch.context() as m:
        m.setattr(punctuation, "_paired", lambda brackets: False)  # the loop over every bracket
        return punctuation._bracket_state(text, skip)


@pytest.mark.parametrize("seed", range(30))
def test_brackets_in_pairs_found_at_once_as_step_by_step(seed, monkeypatch):
    import random

    from letterlint.lint_rules import punctuation

    rnd = random.Random(seed)
    pieces = ["(", ")", "()", "(a)", "[b]", "[", "]", "a) ", " 2) ", "tekst ", "(zie ", "x", " "]
    for _ in range(40):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        for spans in ([], [(0, 2)]):
            skip = punctuation._Spans(spans)
            assert punctuation._bracket_state(text, skip) == _bracket_state_step_by_step(text, skip, monkeypatch), text


def test_a_paragraph_of_closed_pairs_is_judged_without_a_step_per_bracket():
    from tracing import line_events

    from letterlint.lint_rules import punctuation

    skip = punctuation._Spans([])

    def work(n):
        text = "Het kabinet (zie de brief) schrijft [noot] iets. " * n
        return line_events(lambda: punctuation._bracket_state(text, skip),
                           lambda code: code.co_qualname in {"_bracket_state", "_paired"})

    assert work(200) == work(2)

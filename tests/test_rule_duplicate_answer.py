"""duplicate-answer and repeated-passage on small letters, and on the example draft against a hand-made truth."""

from conftest import DATA, EXAMPLE, lint_text

from letterlint.readers import read_path
from letterlint.structure import structure

PILOT = ("Het doel van deze pilot is om te bevorderen dat gezondheid op voorhand wordt meegewogen bij keuzes over "
         "de ruimtelijke inpassing en voorwaarden. De pilot is gericht op planvorming en niet op vergunningverlening.")
CLOSING = ("Mocht er uit deze pilots op een of andere manier een gevolg zijn voor regelgeving, dan wordt hierbij "
           "regeldruk expliciet meegewogen. Ook wordt hierbij een bedrijfseffectentoets uitgevoerd.")
RULES = ["duplicate-answer", "repeated-passage"]
OWN = ["De pilot start dit voorjaar in drie regio's, samen met de omgevingsdiensten, de GGD'en en de bedrijven zelf.",
       "De verkenning moet nog starten; de opdracht wordt na de zomer verleend aan een extern onderzoeksbureau.",
       "Er komt een landelijke gesprekstafel waaraan omwonenden, industrie en overheden elk twee keer per jaar deelnemen."]


def letter(*answers: str) -> str:
    lines = []
    for i, answer in enumerate(answers, 1):
        lines.append(f"De leden van de VVD-fractie vragen wat de staatssecretaris doet aan punt {i}?")
        lines.append(f"Antwoord: {answer}")
    return "\n".join(lines) + "\n"


def test_a_lightly_edited_copy_is_reported_once_with_both_questions():
    findings = lint_text(letter(PILOT, "Een ander antwoord over de planning van de gesprekstafel in het voorjaar.",
                                PILOT.replace("deze pilot", "de pilot")), select=RULES)
    (f,) = findings
    assert f.rule == "duplicate-answer" and f.severity == "warning"
    assert f.location.line == 6 and f.location.text.startswith("Het doel van de pilot")
    assert "hetzelfde als het antwoord op regel 2 (96% gelijk)" in f.message.nl
    assert "punt 3?" in f.message.nl and "(96% alike)" in f.message.en
    (rel,) = f.related
    assert rel.location.line == 2 and "eerste exemplaar" in rel.label.nl and "punt 1?" in rel.label.nl


def test_an_answer_inside_a_longer_one():
    longer = "Dit is de inleiding van een langer antwoord over de pilot in IJmond. " + PILOT
    (f,) = lint_text(letter(longer, PILOT), select=["duplicate-answer"])
    assert f.location.line == 4 and "staat (vrijwel) helemaal in het langere antwoord op regel 2 (100%)" in f.message.nl
    (f,) = lint_text(letter(PILOT, longer), select=["duplicate-answer"])
    assert f.location.line == 4 and "bevat het antwoord op regel 2 (vrijwel) helemaal (100%)" in f.message.nl


def test_a_group_of_copies_is_one_finding():
    findings = lint_text(letter(PILOT, PILOT, "Nee.", PILOT.replace("gezondheid", "de gezondheid")), select=RULES)
    (f,) = findings
    assert f.location.line == 4 and "3 antwoorden in deze brief hebben deze tekst" in f.message.nl
    assert [r.location.line for r in f.related] == [2, 8]
    assert "nog een kopie (97%)" in f.related[1].label.nl


def test_short_answers_and_shared_phrases_are_not_copies():
    text = letter("Ja.", "Ja.", "Zie het antwoord op vraag 1.", "Zie het antwoord op vraag 1.",
                  "Zoals aangegeven in de Kamerbrief van 19 december jl. start de pilot in het voorjaar in drie regio's.",
                  "Zoals aangegeven in de Kamerbrief van 19 december jl. is de gesprekstafel een plek voor dialoog.")
    assert lint_text(text, select=RULES) == []


def test_thresholds_are_options(tmp_path):
    half = PILOT.split(". ")[0] + ". Daarna volgt een heel andere zin over de uitvoering van de pilot in IJmond."
    text = letter(PILOT, half)
    assert lint_text(text, select=["duplicate-answer"]) == []
    rules = "rules:\n  duplicate-answer:\n    similarity: 0.6\n"
    (f,) = lint_text(text, select=["duplicate-answer"], rules_yaml=rules, tmp_path=tmp_path)
    assert "regel 2" in f.message.nl
    rules = "rules:\n  duplicate-answer:\n    min-words: 40\n"
    assert lint_text(letter(PILOT, PILOT), select=["duplicate-answer"], rules_yaml=rules, tmp_path=tmp_path) == []


def test_a_letter_without_answers_has_no_duplicate_answers():
    text = f"Geachte voorzitter,\n{PILOT}\nEen alinea daartussen.\n{PILOT}\nHoogachtend,\n"
    assert lint_text(text, select=["duplicate-answer"]) == []
    (f,) = lint_text(text, select=RULES)  # repeated-passage compares the paragraphs instead
    assert f.rule == "repeated-passage" and "1 andere alinea (regel 4)" in f.message.nl


# -- repeated-passage ------------------------------------------------------------------------------------


def test_a_standard_closing_is_one_finding_with_all_places():
    text = letter(OWN[0] + " " + CLOSING, OWN[1] + " " + CLOSING,
                  OWN[2] + " " + CLOSING.replace("deze pilots", "de uitkomsten"))
    (f,) = lint_text(text, select=RULES)
    assert f.rule == "repeated-passage" and f.severity == "info"
    assert f.location.line == 2 and f.location.text == CLOSING
    assert "(27 woorden) staat ook in 2 andere antwoorden (regels 4 en 6): «Mocht er uit deze pilots" in f.message.nl
    assert [r.location.line for r in f.related] == [4, 6]
    assert f.related[1].location.text == "op een of andere manier een gevolg zijn voor regelgeving, dan wordt hierbij " \
                                         "regeldruk expliciet meegewogen. Ook wordt hierbij een bedrijfseffectentoets uitgevoerd."


def test_allow_list(tmp_path):
    text = letter(OWN[0] + " " + CLOSING, OWN[1] + " " + CLOSING)
    assert [f.rule for f in lint_text(text, select=RULES)] == ["repeated-passage"]
    rules = f"rules:\n  repeated-passage:\n    allow:\n      - '{CLOSING}'\n"
    assert lint_text(text, select=RULES, rules_yaml=rules, tmp_path=tmp_path) == []
    # an allowed sentence inside a longer shared passage: the rest is still reported when long enough
    longer = CLOSING + " " + PILOT
    other = "Daarnaast wordt gekeken naar de rol van de provincies bij de vergunningverlening en het toezicht."
    text = letter(OWN[0] + " " + OWN[2] + " " + longer, OWN[1] + " " + other + " " + longer)
    (f,) = lint_text(text, select=RULES, rules_yaml=rules, tmp_path=tmp_path)
    assert f.rule == "repeated-passage"


def test_allow_list_entries_must_be_passages(tmp_path):
    import pytest

    from letterlint.config import ConfigError

    with pytest.raises(ConfigError, match=r"rules\.yaml.*allow.*at least 5 words"):
        lint_text(letter("x"), select=RULES, rules_yaml="rules:\n  repeated-passage:\n    allow: [Zie antwoord]\n",
                  tmp_path=tmp_path)


def test_copies_are_not_reported_twice():
    text = letter(PILOT, PILOT)
    assert [f.rule for f in lint_text(text, select=RULES)] == ["duplicate-answer"]
    # without duplicate-answer, the shared text is a repeated passage
    assert [f.rule for f in lint_text(text, select=["repeated-passage"])] == ["repeated-passage"]


def test_letter_furniture_is_never_reported(tmp_path):
    closing = ("Met vriendelijke groet, mede namens de minister van Volksgezondheid, Welzijn en Sport, "
               "de staatssecretaris van Infrastructuur en Waterstaat")
    body = ["Een eerste alinea over de aanpak van de uitstoot van zeer zorgwekkende stoffen bij bedrijven.",
            "Een tweede alinea over de gesprekstafel met omwonenden, bedrijven en overheden in het voorjaar."]
    text = "\n".join(["Geachte voorzitter,", body[0], closing, "Geachte voorzitter,", body[1], closing]) + "\n"
    rules = "rules:\n  repeated-passage:\n    min-words: 8\n"
    assert lint_text(text, select=RULES, rules_yaml=rules, tmp_path=tmp_path) == []
    text = text.replace(closing, closing.replace("Met vriendelijke groet, ", "Dit besluit is genomen "))
    assert len(lint_text(text, select=RULES, rules_yaml=rules, tmp_path=tmp_path)) == 1


# -- the example draft: every group found by hand, and nothing else ------------------------------------
#
# Answers are named by the line of their first paragraph in the example (one line = one paragraph).
# Found by reading the draft (aided by a throw-away all-pairs comparison with difflib).

DUPLICATES = [  # whole answers that are (nearly) the same, or one inside another
    {39, 292},  # the verkenning herbeoordelingsmoment: three of four sentences of 39 are pasted into 292
    {69, 199, 256, 340},  # the GGD-advies pilot: 69 ≈ 340 ("deze pilot"/"de pilot"); 199 and 256 contain it
    {156, 625},  # 156 (134 words: "Het kabinet zoekt altijd naar een goede balans …", "de vervuiler betaalt")
    #             is nearly all inside 625 (218 words) — once the answer units span their continuation paragraphs
    {175, 387},  # "De aandachtspunten vanuit alle belanghebbenden …" with one clause rewritten
    {209, 738},  # financing of the omgevingsdiensten: 738 is the middle of 209
    {288, 380},  # "Het kabinet heeft begrip voor partijen …": the same 130 words
    {319, 327},  # 327: one own sentence, then the last two sentences of 319
    {401, 409},  # "Het kabinet heeft dit signaal van Omgevingsdienst NL (serieus) meegewogen …"
    {419, 441},  # 441 is two sentences of 419
]
PASSAGES = [  # (places that must be listed, places that may be listed): shared passages of ≥ 25 words
    ({43, 292}, set()),  # "Hoewel er binnen de huidige wet- en regelgeving juridische instrumenten bestaan …"
    ({60, 199}, set()),  # "Op dit moment vindt een pilot van een GER … plaats bij Tata Steel …"
    ({69, 101, 199, 256, 340}, set()),  # "De pilot is gericht op planvorming en niet op vergunningverlening …"
    ({69, 199, 256, 340, 522}, {205}),  # "Zoals aangegeven in de Kamerbrief van 19 december jl. is het uitgangspunt nu …"
    ({77, 179}, set()),  # "Indien bedrijven een minder strenge vergunning willen krijgen …"
    ({77, 221}, set()),  # "… worden bevoegde gezagen (overigens) juridisch steviger gepositioneerd …"
    ({90, 720}, set()),  # "… bleek dat er al veel informatie en onderzoek(en) … schaarse capaciteit …"
    ({114, 191}, set()),  # "… in meer eigen meetcapaciteit. Meer meetcapaciteit hoeft overigens niet …"
    ({168, 301}, set()),  # "Het is goed gebruik om medeoverheden te betrekken …"
    ({191, 262}, set()),  # the meetpilots (118 words)
    ({191, 616}, set()),  # "Het kabinet wil toewerken naar een systeem waarin emissies en immissies …"
    ({229, 638, 768}, set()),  # "Met de Actieagenda Industrie en Omwonenden en de daaruit voortvloeiende …"
    ({237, 471}, set()),  # "Het kabinet werkt in brede zin aan het verbeteren van de leefomgeving …"
    ({262, 266, 319}, set()),  # "Uitgangspunt voor de in de Kamerbrief van 19 december jl. aangekondigde …"
    ({262, 266, 319, 373}, {229}),  # "Mocht er uit deze pilots op een of andere manier …" (standard closing)
    ({288, 380, 391, 437}, set()),  # "Het kabinet heeft begrip voor partijen … niet alles kan tegelijk."
    ({423, 431}, set()),  # "… om verbinding te leggen, de dialoog tussen omwonenden, industrie en overheid …"
]
EITHER = {217, 638}  # 217 is a reworded sentence plus a paragraph of 638: 80% — a copy or a passage, once


def answer_lines(findings, path=EXAMPLE):
    doc = read_path(path)
    start = {}
    for answer in structure(doc).answers:
        for p in answer.paragraphs:
            start[p.number] = answer.first.number
    out = []
    for f in findings:
        places = {start[f.location.paragraph]} | {start[r.location.paragraph] for r in f.related}
        out.append((f.rule, frozenset(places)))
    return out


def test_example_draft_every_group_once_and_nothing_else():
    found = answer_lines(lint_text(EXAMPLE.read_text(encoding="utf-8"), select=RULES))
    dups = [places for rule, places in found if rule == "duplicate-answer"]
    passages = [places for rule, places in found if rule == "repeated-passage"]
    either = [places for places in dups + passages if places == EITHER]
    assert len(either) == 1
    assert sorted(map(sorted, (d for d in dups if d != EITHER))) == sorted(map(sorted, DUPLICATES))
    unmatched = [p for p in passages if p != EITHER]
    for must, may in PASSAGES:
        match = next((p for p in unmatched if must <= p <= must | may), None)
        assert match is not None, f"passage at {sorted(must)} not reported; reported: {sorted(map(sorted, unmatched))}"
        unmatched.remove(match)
    assert unmatched == [], f"reported but not in the truth: {sorted(map(sorted, unmatched))}"


def test_example_draft_messages():
    findings = lint_text(EXAMPLE.read_text(encoding="utf-8"), select=RULES)
    closing = next(f for f in findings if f.location.text.startswith("Met de Actieagenda Industrie en Omwonenden"))
    assert closing.rule == "repeated-passage" and closing.location.line == 229
    assert "staat ook in 2 andere antwoorden (regels 638 en 768)" in closing.message.nl
    pilot = next(f for f in findings if f.rule == "duplicate-answer" and f.location.line == 199)
    assert pilot.message.nl.startswith("Dit antwoord bevat het antwoord op regel 69 (vrijwel) helemaal (91%); "
                                       "4 antwoorden in deze brief hebben deze tekst. Vraag hier: «")
    assert [r.location.line for r in pilot.related] == [69, 256, 340]


def test_same_groups_in_the_word_and_markdown_versions():
    """The fixtures made by pandoc and LibreOffice from the draft give the same groups (other numbering)."""
    expected = sorted(f.rule for f in lint_text(EXAMPLE.read_text(encoding="utf-8"), select=RULES))
    for name in ("draft-pandoc.docx", "draft-libreoffice.docx", "draft.md"):
        from letterlint.config import load_config
        from letterlint.runner import build_plan, lint_document

        doc = read_path(DATA / name)
        findings, problems = lint_document(doc, build_plan(load_config(None, search=False), select=RULES))
        assert not problems
        assert sorted(f.rule for f in findings) == expected, name


def _flat(*answers: str) -> str:
    """A numbered letter whose questions and answers all run on in one paragraph (a PDF text without breaks)."""
    parts = []
    for i, answer in enumerate(answers, 1):
        parts.append(f"Vraag {i} Wat doet de minister aan het probleem met nummer {i} in de regio?")
        parts.append(f"Antwoord {i} {answer}")
    return " ".join(parts) + "\n"


def test_answers_in_one_flattened_paragraph_are_compared_as_their_own_spans():
    text = _flat(*OWN, "Nee.")
    assert lint_text(text, select=["duplicate-answer"]) == []


def test_a_copy_in_one_flattened_paragraph_is_still_reported_at_its_own_place():
    text = _flat(OWN[0], PILOT, OWN[1], PILOT)
    (f,) = lint_text(text, select=["duplicate-answer"])
    assert f.location.text.startswith("Het doel van deze pilot")
    assert f.location.column > text.index(OWN[1])
    assert "hetzelfde als het antwoord" in f.message.nl

"""The question–answer structure (issue 3): sections, question units, remarks, answers, numbered mode."""

from __future__ import annotations

import time

import pytest
import yaml
from conftest import CORPUS, DATA, EXAMPLE, needs_shared

from letterlint import analyses
from letterlint.readers import read_bytes, read_path
from letterlint.structure import LabelMatcher, ask_kind, sentences, structure

TRUTH = yaml.safe_load((DATA / "qa" / "draft-truth.yaml").read_text(encoding="utf-8"))


def doc_of(text: str, name: str = "brief.txt"):
    return read_bytes(text.encode("utf-8"), name)


@pytest.fixture(scope="module")
def draft():
    doc = read_path(EXAMPLE)
    return doc, structure(doc, {})


def line(doc, par) -> int:
    return doc.locate_paragraph(par).line


# -- the example draft against the hand-made ground truth --------------------------------------------------


def test_draft_question_units_are_the_ground_truth(draft):
    doc, s = draft
    assert s.mode == "labelled"
    assert [line(doc, q.first) for q in s.questions] == [q["line"] for q in TRUTH["questions"]]
    assert all(q.certain for q in s.questions)


def test_draft_remarks_and_headings_are_the_ground_truth(draft):
    doc, s = draft
    assert [line(doc, p) for p in s.remarks] == TRUTH["remarks"]
    assert [line(doc, x.heading) for x in s.sections if x.heading is not None] == TRUTH["headings"]


def test_draft_every_question_the_truth_calls_answered_has_an_answer(draft):
    doc, s = draft
    by_line = {line(doc, q.first): q for q in s.questions}
    for q in TRUTH["questions"]:
        answer = s.answer_to(by_line[q["line"]])
        if q["line"] == 770:
            assert answer is None  # the closing request: nothing follows
        else:
            assert answer is not None, q


def test_draft_sections_know_their_party_also_under_a_subheading(draft):
    doc, s = draft
    parties = {x.title: x.party for x in s.sections if x.heading is not None}
    assert parties["Vragen en opmerkingen van de leden van de D66-fractie"] == "D66"
    assert parties["Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie"] == "GroenLinks-PvdA"
    pfas = next(x for x in s.sections if x.title == "PFAS")
    assert pfas.topical and pfas.party == "Partij voor de Dieren"
    title = next(x for x in s.sections if x.title.startswith("Beantwoording"))
    assert title.party is None and not title.topical


def test_draft_answers_stop_at_party_remarks(draft):
    doc, s = draft
    # line 147 continues the answer of line 144; line 149 is the VVD's closing remark, not part of it
    answer = s.answer_at(next(p for p in doc.paragraphs if line(doc, p) == 144))
    assert [line(doc, p) for p in answer.paragraphs] == [144, 147]
    assert "De leden van de VVD-fractie merken tot slot op" not in answer.text
    assert answer.text.startswith("Momenteel lopen de onderhandelingen")  # the label is not in the text


def test_draft_shared_answers_and_unlabelled_answer(draft):
    doc, s = draft
    shared = [[line(doc, q.first) for q in a.questions] for a in s.answers if a.shared]
    assert shared == [[315, 317], [365, 367], [397, 399], [415, 417], [764, 766]]
    unlabelled = [a for a in s.answers if a.label is None]
    assert [(line(doc, a.first), [line(doc, q.first) for q in a.questions]) for a in unlabelled] == [(620, [618])]
    semicolon = next(a for a in s.answers if line(doc, a.first) == 81)
    assert (semicolon.label_word, semicolon.label_punct) == ("Antwoord", ";")


@pytest.mark.parametrize("name", ["draft.md", "draft-pandoc.docx", "draft-libreoffice.docx"])
def test_other_formats_of_the_draft_give_the_same_structure(draft, name):
    _, s = draft
    other = structure(read_path(DATA / name), {})
    assert other.mode == "labelled"
    def first(q):  # (the Markdown reader keeps the backslash of an escaped quote in the text)
        return q.first.text.replace("\\", "").strip()[:40]

    assert [first(q) for q in other.questions] == [first(q) for q in s.questions]
    assert len(other.answers) == len(s.answers)
    assert [p.text[:30] for p in other.remarks] == [p.text[:30] for p in s.remarks]


def test_structure_is_cached_per_labels(draft):
    doc, s = draft
    assert structure(doc, {}) is s
    assert structure(doc, {"answer-labels": ["Antwoord", "Reactie"]}) is s
    other = structure(doc, {"answer-labels": ["Reactie"]})
    assert other is not s and other.mode == "none"


def test_structure_is_linear_in_the_text():
    text = EXAMPLE.read_text(encoding="utf-8")

    def best(copies: int) -> float:
        doc = doc_of(text * copies)
        times = []
        for _ in range(3):
            analyses.forget(doc)
            t = time.perf_counter()
            structure(doc, {})
            times.append(time.perf_counter() - t)
        return min(times)

    one, eight = best(1), best(8)
    assert eight < 8 * one * 2.5 + 0.05, (one, eight)


# -- question sentences -------------------------------------------------------------------------------------

ASKING = [
    ("De leden van de D66-fractie vragen hoe hij borgt dat het perspectief van omwonenden wordt meegewogen.", "request"),
    ("Zij vragen of de staatssecretaris de analyse deelt.", "request"),
    ("De leden van de VVD-fractie vragen ten aanzien van de verkenning naar een herbeoordelingsmoment van "
     "vergunningen hoe wordt voorkomen dat dit knellend wordt.", "request"),
    ("De leden van de D66-fractie vragen daarnaast nadrukkelijk naar de effectiviteit van de herziening.", "request"),
    ("De leden van de Partij voor de Dieren-fractie verzoeken de staatssecretaris bij de beantwoording steeds "
     "concreet te maken wat de deadlines zijn.", "request"),
    ("Graag ontvangen deze leden een reflectie van de staatssecretaris hierop.", "request"),
    ("Tevens vragen deze leden om een reflectie op de kansen om technologische innovaties in te zetten.", "request"),
    ("Zij vernemen graag welke elementen van de GER als toegevoegde waarde worden gezien.", "request"),
    ("De leden van de CDA-fractie willen graag weten wanneer de pilot start.", "request"),
    ("Tot slot vragen de leden van de BBB-fractie of de staatssecretaris de opvatting deelt.", "request"),
    ("Wat is de actuele stand van zaken?", "direct"),
    ("Kan de staatssecretaris aangeven hoeveel extra investeringen dit vergt.", "probable"),
]
NOT_ASKING = [
    "De leden van de VVD-fractie merken op dat meten discussie kan voorkomen.",
    "De leden van de CDA-fractie hebben over de nieuwe maatregelen enkele vragen.",
    "Bijgevoegd treft u de beantwoording van de door de fracties gestelde vragen.",
    "Graag wil ik de fracties danken voor hun inbreng.",
    "Bevoegde gezagen vragen ook al jaren om concrete actie.",
    "Nu die brief er is, zien deze leden geen echte aanscherping in lijn met adviezen van experts.",
    "Als onder meer deze leden in debatten vroegen om omwonenden te beschermen, werden ze verwezen.",
    "Het kabinet heeft begrip voor partijen die om verdergaande maatregelen vragen.",
    "Dat vraagt om een zorgvuldige afweging.",
    "Hoe ingrijpender een wijzigingsbesluit, hoe hoger de eisen.",
    "Het artikel «Wat nu?» beschrijft dit.",
    "Zij vragen hoe het zit.",  # "zij" without the members in sight: other people asking
]


@pytest.mark.parametrize("sentence,kind", ASKING)
def test_asking_sentences(sentence, kind):
    assert ask_kind(sentence, party_text="leden" in sentence or sentence.startswith(("Zij", "Graag", "Tevens"))) == kind


@pytest.mark.parametrize("sentence", NOT_ASKING)
def test_sentences_that_ask_nothing(sentence):
    assert ask_kind(sentence, party_text="leden" in sentence) is None


def test_sentences_keep_abbreviations_together():
    text = "Zoals aangegeven in de Kamerbrief van 19 december jl. is dat zo (Kamerstuk 28089, nr. 346). Klopt dat?"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Zoals aangegeven in de Kamerbrief van 19 december jl. is dat zo (Kamerstuk 28089, nr. 346).", "Klopt dat?"]


# -- answer labels ------------------------------------------------------------------------------------------

LABELS = [
    ("Antwoord: Ja.", ("Antwoord", ":", False)),
    ("Antwoord; De verwachting is dat …", ("Antwoord", ";", False)),
    ("Antwoord : Ja.", ("Antwoord", " :", False)),
    ("Antwoord Het kabinet deelt die mening.", ("Antwoord", " ", False)),
    ("Antwoord", ("Antwoord", "", False)),
    ("antwoord: ja.", ("antwoord", ":", False)),
    ("Antwoorrd: Ja.", ("Antwoorrd", ":", True)),
    ("Reactie: Het kabinet …", ("Reactie", ":", False)),
    ("Antwoord 3", ("Antwoord", "", False)),
    ("Antwoord van Minister Van der Wal-Zeggelink (Natuur en Stikstof)", None),
    ("Reactie van de staatssecretaris", None),
    ("antwoord op vraag 3 is ja.", None),
    ("Antwoorden: zie hieronder.", None),
    ("Het antwoord: ja.", None),
]


@pytest.mark.parametrize("text,expected", LABELS)
def test_label_matcher(text, expected):
    m = LabelMatcher(("Antwoord", "Reactie")).match(text)
    assert (None if m is None else (m.word, m.punct, m.fuzzy)) == expected


# -- labelled letters: small cases ---------------------------------------------------------------------------

HEAD = "Vragen en opmerkingen van de leden van de VVD-fractie\n"


def test_unlabelled_answer_needs_a_labelled_letter():
    text = HEAD + "Hoe borgt u de meetcapaciteit?\nAntwoord: Zo.\nWanneer start de pilot?\nIn mei.\n" \
        "Wie voert de pilot uit?\nAntwoord: De provincie.\n"
    s = structure(doc_of(text))
    mei = next(a for a in s.answers if a.text == "In mei.")
    assert mei.label is None and mei.questions[0].first.text == "Wanneer start de pilot?"
    # without labelled answers elsewhere, text after a question is not taken for an answer
    s = structure(doc_of(HEAD + "Wanneer start de pilot?\nIn mei.\n"))
    assert s.mode == "none" and not s.answers


def test_context_between_question_and_labelled_answer_belongs_to_the_question():
    text = HEAD + "Hoe borgt u de meetcapaciteit?\nAntwoord: Zo.\nWanneer start de pilot?\n" \
        "Het gaat om de pilot meten bij Tata Steel.\nAntwoord: In mei.\nWie?\nAntwoord: Wij.\n"
    s = structure(doc_of(text))
    q = s.questions[1]
    assert [p.text for p in q.paragraphs] == ["Wanneer start de pilot?", "Het gaat om de pilot meten bij Tata Steel."]
    assert s.answer_to(q).text == "In mei."


def test_follow_up_zo_ja_joins_the_question_before_it():
    text = HEAD + "Deelt u de analyse?\nZo ja, hoe weegt u dit mee?\nAntwoord: Ja, zwaar.\n"
    s = structure(doc_of(text))
    assert len(s.questions) == 1 and len(s.questions[0].paragraphs) == 2
    assert not s.answers[0].shared


def test_label_inside_the_question_paragraph():
    text = HEAD + "Hoe borgt u het?\nAntwoord: Zo.\nIs de staatssecretaris bereid de pilot te verlengen? " \
        "Antwoord: Ja, tot 2027.\nWie?\nAntwoord: Wij.\n"
    s = structure(doc_of(text))
    a = s.answers[1]
    assert a.label_inline and a.text == "Ja, tot 2027." and a.questions[0].text.startswith("Is de staatssecretaris")
    assert [sp.text for sp in a.questions[0].questions] == ["Is de staatssecretaris bereid de pilot te verlengen?"]


def test_a_question_mark_inside_an_answer_does_not_start_a_question():
    text = HEAD + "Hoe borgt u het?\nAntwoord: Zo.\nDe vraag is dan: wie betaalt? Dat zijn de provincies, " \
        "zoals in de wet staat.\nWie?\nAntwoord: Wij.\n"
    s = structure(doc_of(text))
    assert len(s.questions) == 2 and len(s.answers[0].paragraphs) == 2


def test_markdown_bold_labels_and_headings():
    text = "## Vragen en opmerkingen van de leden van de D66-fractie\n\nHoe borgt u het?\n\n" \
        "**Antwoord:** Zo.\n\nWie betaalt?\n\n**Antwoord:** Wij.\n"
    s = structure(doc_of(text, "brief.md"))
    assert s.mode == "labelled" and [a.text for a in s.answers] == ["Zo.", "Wij."]
    assert s.sections[-1].party == "D66"


# -- numbered letters ------------------------------------------------------------------------------------------


def test_numbered_fixture():
    s = structure(read_path(DATA / "qa" / "numbered.txt"))
    assert s.mode == "numbered"
    assert [(x.kind, x.numbers) for x in s.labels] == [
        ("vraag", ("1",)), ("antwoord", ("1",)), ("vraag", ("2",)), ("antwoord", ("2",)),
        ("vraag", ("3",)), ("antwoord", ("3",)),  # "Vraag 3" glued to the page footer
        ("vraag", ("4", "5")), ("antwoord", ("4", "5")), ("vraag", ("6",)), ("antwoord", ("6",))]
    assert [a.questions[0].numbers for a in s.answers] == [("1",), ("2",), ("3",), ("4", "5"), ("6",)]
    assert s.answers[0].text == "Ja."
    assert s.questions[2].text == "Welke metingen van uitloging zijn daarbij gedaan, en door wie?"
    assert all("Aanhangsel" not in a.text and "ISSN" not in a.text for a in s.answers)


def test_numbered_flattened_to_one_line():
    text = ("Vragen van het lid Bouwmeester. Antwoord van Minister Schippers (ontvangen 26 november 2014). "
            "Vraag 1 Kent u het bericht? Antwoord 1 Ja. Vraag 2 en 3 Herinnert u zich dat? Wat deed u? "
            "Antwoord 2 en 3 De uitkomsten zijn nog niet bekend.")
    s = structure(doc_of(text))
    assert s.mode == "numbered"
    assert [(x.kind, x.numbers) for x in s.labels] == [
        ("vraag", ("1",)), ("antwoord", ("1",)), ("vraag", ("2", "3")), ("antwoord", ("2", "3"))]
    assert [a.text for a in s.answers] == ["Ja.", "De uitkomsten zijn nog niet bekend."]


def test_numbered_answer_without_its_label():
    text = "Vraag 1\nKent u het bericht?\nAntwoord 1\nJa.\nVraag 2\nWat gaat u doen aan de uitloging van staalslak?\n" \
        "Rijkswaterstaat laat de uitloging van staalslak dit jaar op vier plaatsen meten door Deltares.\n"
    s = structure(doc_of(text))
    lost = s.answers[-1]
    assert lost.label is None and lost.numbers == ("2",) and lost.text.startswith("Rijkswaterstaat")
    assert s.questions[-1].text == "Wat gaat u doen aan de uitloging van staalslak?"


@needs_shared
@pytest.mark.parametrize("name,count", [("01-kamervragen-stalvloer-piekbelasters.txt", 14),
                                        ("02-kamervragen-zuidelijke-kaukasus-md.txt", 9),
                                        ("03-kamervragen-mind-nza-gegevensdeling-md.txt", 9),
                                        ("04-kamervragen-arriva-verkoop-md.txt", 11),
                                        ("05-kamervragen-gaza-staatsburger.txt", 8),
                                        ("06-kamervragen-ziekenhuisrekeningen-2014-flat.txt", 5)])
def test_published_letters(name, count):
    s = structure(read_path(CORPUS / "letters" / name))
    assert s.mode == "numbered"
    assert len([x for x in s.labels if x.kind == "antwoord"]) == count
    vragen = [x.numbers for x in s.labels if x.kind == "vraag"]
    if name.startswith("03"):
        assert ("2",) not in vragen  # the label was lost at a page break
        assert s.answers[1].numbers == ("2",) and s.answers[1].questions == ()
    else:
        assert all(a.questions for a in s.answers)
    # "Antwoord van Minister … (ontvangen …)" is a header, not an answer
    assert all(not a.text.startswith("van Minister") for a in s.answers)


# -- bad input -------------------------------------------------------------------------------------------------


def test_a_document_without_paragraphs():
    from letterlint.model import Document

    s = structure(Document("leeg.txt", "text", ()))
    assert (s.mode, s.questions, s.answers) == ("none", (), ())


@pytest.mark.parametrize("text", [
    "?", "Antwoord:", "Antwoord:\nAntwoord:\n", "Vraag 1\n", "Vraag 999 Antwoord 999",
    "Vraag 1 t/m 3\nWat?\nAntwoord 3-1\nJa.", "Vraag 1\nAntwoord 1\nAntwoord 1\nVraag 1\n",
    "Vragen en opmerkingen van de leden van de -fractie\n?\n", "[bookmark: x]Antwoord; \n" * 5,
    "De leden vragen " * 500, "«" * 300 + "?", "Antwoord: " + "x" * 100_000,
])
def test_bad_input_never_crashes(text):
    s = structure(doc_of(text))
    assert s.mode in ("labelled", "numbered", "none")


def test_questions_labelled_vraag_and_numbers_mentioned_in_running_text():
    text = HEAD + "Vraag: Graag een toelichting op de rol van de GGD.\nAntwoord: De GGD adviseert.\n" \
        "Vraag: Wanneer start de pilot?\nAntwoord: In mei, zie ook het antwoord op Vraag 3 en Vraag 4.\n" \
        "Vraag: Een overzicht van de kosten.\nAntwoord: Zie Vraag 2.\n"
    s = structure(doc_of(text))
    assert s.mode == "labelled"  # "Vraag 3" inside a sentence is a reference, not a label
    assert [q.questions[0].text for q in s.questions] == [
        "Graag een toelichting op de rol van de GGD.", "Wanneer start de pilot?", "Een overzicht van de kosten."]
    assert all(s.answer_to(q) is not None for q in s.questions)

import os

import pytest
from conftest import EXAMPLE, lint_text


def typos(text, name="brief.txt"):
    return [(f.location.text, f.suggestion.nl) for f in lint_text(text, name, select=["typo"])]


def test_the_drafts_typos():
    findings = [f for f in lint_text(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name, select=["typo"])]
    assert sorted((f.location.line, f.location.text, f.suggestion.nl) for f in findings) == [
        (189, "staatsecretaris", "staatssecretaris"), (233, "RVIM", "RIVM"),
        (547, "bevoegd bezag", "bevoegd gezag")]


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


# -- the protected-term lexicon: near-misses and the case of acronyms ------------------------------------

NO_LIST = "rules:\n  typo:\n    entries: []\n"


def near(text, tmp_path, rules=NO_LIST, name="brief.txt"):
    return [(f.location.text, f.suggestion.nl) for f in lint_text(text, name, select=["typo"], rules_yaml=rules,
                                                                  tmp_path=tmp_path)]


def test_the_lexicon_alone_finds_the_drafts_three_typos(tmp_path):
    """With the wrong → right list emptied, the near-miss search finds the same three slips in the draft."""
    findings = lint_text(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name, select=["typo"], rules_yaml=NO_LIST,
                         tmp_path=tmp_path)
    assert sorted((f.location.line, f.location.text, f.suggestion.nl) for f in findings) == [
        (189, "staatsecretaris", "staatssecretaris"), (233, "RVIM", "RIVM"), (547, "bevoegd bezag", "bevoegd gezag")]
    assert all("verschrijving" in f.message.nl and f.fix and not f.fix.safe for f in findings)


@pytest.mark.parametrize("text,expected", [
    ("Het RIMV adviseert.", [("RIMV", "RIVM")]),  # a swap
    ("Onder de Omgevinsgwet geldt dat.", [("Omgevinsgwet", "Omgevingswet")]),
    ("Onder de Omgevingwet geldt dat.", [("Omgevingwet", "Omgevingswet")]),  # a letter left out
    ("Door Rijkswaterstraat beheerd.", [("Rijkswaterstraat", "Rijkswaterstaat")]),  # a letter added
    ("De staatssecretarsi schrijft.", [("staatssecretarsi", "staatssecretaris")]),
    ("Staatsecretarissen schrijven.", [("Staatsecretarissen", "Staatssecretarissen")]),  # a protected form
    ("Het NWVA-rapport.", [("NWVA", "NVWA")]),  # part of a compound
    ("Het bevoegt gezag besluit.", [("bevoegt gezag", "bevoegd gezag")]),
    ("Bevoegd bezag besluit.", [("Bevoegd bezag", "Bevoegd gezag")]),
    ("Aan de Tweede Kamre gezonden.", [("Tweede Kamre", "Tweede Kamer")]),
    ("De Raad van Sate adviseert.", [("Raad van Sate", "Raad van State")]),
    ("Het Rivm en de Nvwa.", [("Rivm", "RIVM"), ("Nvwa", "NVWA")]),  # the case of an acronym
    ("Het ministerie van IENW.", [("IENW", "IenW")]),
    ("Deze leden van de PVDA.", [("PVDA", "PvdA")]),
])
def test_near_misses(text, expected, tmp_path):
    assert near(text + "\n", tmp_path) == expected


@pytest.mark.parametrize("text", [
    "Het RIVM, de NVWA, de GGD’en en de GGZ; het ministerie van IenW en dat van IenM (oud).",
    "De bevoegde gezagen en het bevoegde gezag; hij bezag het rapport.",  # inflections; a real word alone
    "Voor de tweede keer, in het eerste kader, zonder kaderleden of een hamerstuk.",
    "De Adviescommissie Milieu en Industrie (AMVI) en de AMVI; het RIVO en RIVM.",  # defined; another body
    "Zie www.rivm.nl, rivm.nl en info@ggd.nl, kenmerk IENW/BSK-2026/41234.",
    "HET RIVM EN DE RIJKSWATERSTAAT: KOPJE IN HOOFDLETTERS.",
    "Denk aan de Kamerbrieven, Kamerstukken, Kamerleden en staatssecretarissen; de minister-resident.",
    "De vult het formulier in; Volt en vult; de wandelingen en de kaderbrief.",
    "Omgevingswetgeving en omgevingsvergunningen; de Staten-Generaal.",
])
def test_no_near_miss_on_real_words(text, tmp_path):
    assert near(text + "\n", tmp_path) == []


def test_near_miss_across_a_line_break(tmp_path):
    assert near("# Brief\n\nHet bevoegd\nbezag besluit.\n", tmp_path, name="brief.md") == [("bevoegd\nbezag", "bevoegd gezag")]


def test_no_double_report_of_what_the_list_reports(tmp_path):
    assert near("Het RVIM en het bevoegd bezag.\n", tmp_path, rules="rules: {}\n") == [
        ("RVIM", "RIVM"), ("bevoegd bezag", "bevoegd gezag")]
    msgs = [f.message.nl for f in lint_text("Het RVIM.\n", select=["typo"])]
    assert len(msgs) == 1 and "bekende schrijffout" in msgs[0]


def test_user_extra_terms_and_neighbours(tmp_path):
    rules = ("rules:\n  typo:\n    extra-terms:\n      - Actieagenda Industrie en Omwonenden\n"
             "      - {term: Luchtmeetnet, neighbours: [Lichtmeetnet]}\n")
    assert near("De Actieagenda Industrie en Omwonendne; het Luchtmeetnet en Lichtmeetnet; Luchtmeetnte.\n",
                tmp_path, rules=rules) == [("Actieagenda Industrie en Omwonendne", "Actieagenda Industrie en Omwonenden"),
                                           ("Luchtmeetnte", "Luchtmeetnet")]


def test_near_misses_can_be_switched_off(tmp_path):
    assert near("Het RIMV.\n", tmp_path, rules="rules:\n  typo:\n    near-misses: false\n") == []


def test_a_failing_term_example_is_a_configuration_error(tmp_path):
    from letterlint.config import ConfigError, load_config
    from letterlint.runner import build_plan

    cfg = tmp_path / "rules.yaml"
    cfg.write_text("rules:\n  typo:\n    extra-terms:\n      - term: Luchtmeetnet\n"
                   "        examples: {match: ['het Luchtmeetnet']}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        build_plan(load_config(cfg))
    assert "rules.yaml" in str(err.value) and "should give a near-miss" in str(err.value)


def test_a_malformed_term_is_a_configuration_error(tmp_path):
    from letterlint.config import ConfigError, load_config

    cfg = tmp_path / "rules.yaml"
    cfg.write_text("rules:\n  typo:\n    extra-terms:\n      - {term: Luchtmeetnet, buren: [x]}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert "rules.yaml:4" in str(err.value)


DIC = "/usr/share/hunspell/nl.dic"


@pytest.mark.skipif(not os.path.exists(DIC), reason="the OpenTaal word list (Debian hunspell-nl) is not installed")
def test_no_word_of_the_dutch_word_list_is_a_near_miss():
    """Every stem of the OpenTaal list (180 000 words) is scanned: none may be taken for a slip of a protected term."""
    from letterlint.config import load_config
    from letterlint.lexicon import Lexicon

    from letterlint.wordlists import WordLists

    options = load_config(None, search=False).rule_settings("typo")
    lexicon = Lexicon.from_entries(list(WordLists.from_settings(options).terms))  # the shipped terms
    with open(DIC, encoding="utf-8") as fh:
        words = [line.split("/")[0].strip() for line in fh][1:]
    flagged = {w: h.suggestion for w in words for h in lexicon.scan(w) if h.kind == "near-miss"}
    # Ministee-president is a Flemish spelling in the list; PVDA (the Belgian party) is a case finding, not here
    assert flagged == {"Ministee-president": "Minister-president"}

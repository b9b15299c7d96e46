import shutil

import pytest
from conftest import EXAMPLE, lint_text, run_cli

from letterlint.lint_rules import spelling

HUNSPELL = shutil.which("hunspell")
DICTIONARY = spelling.find_dictionary("nl_NL") or spelling.find_dictionary("nl")
needs_dictionary = pytest.mark.skipif(DICTIONARY is None, reason="the Dutch Hunspell dictionary (hunspell-nl) is not installed")
needs_hunspell = pytest.mark.skipif(HUNSPELL is None or DICTIONARY is None,
                                    reason="the hunspell command or the Dutch dictionary is not installed")
try:
    import spylls.hunspell  # noqa: F401
    SPYLLS = True
except ImportError:
    SPYLLS = False

ON = "rules:\n  spelling:\n    enabled: true\n"


def unknown(text, tmp_path, rules=ON, **kw):
    findings = lint_text(text, select=["spelling"], rules_yaml=rules, tmp_path=tmp_path, **kw)
    assert all(f.severity == "info" for f in findings)
    return [(f.location.text, f.suggestion.nl if f.suggestion else None) for f in findings]


def test_off_by_default():
    assert not [f for f in lint_text("De staatsecreatris heeft de raport.\n") if f.rule == "spelling"]


@needs_hunspell
def test_unknown_words_with_suggestions(tmp_path):
    found = unknown("De bloostelling aan fijnstof; de raport.\n", tmp_path)
    assert [w for w, _ in found] == ["bloostelling", "raport"]
    assert found[0][1].split(", ")[0] == "blootstelling" and "rapport" in found[1][1].split(", ")


@needs_hunspell
@pytest.mark.parametrize("text", [
    "Het RIVM, de GGD’en en de AMVI; PFAS-lozingen en BBT-conclusies.",  # acronyms, also in compounds
    "Mevrouw Bouchallikh en Chemelot; de motie-Kostić.",  # names inside a sentence
    "Op 7 april jl. en in nr. 5; zie www.iplo.nl/regelgeving en info@rivm.nl.",
    "De Omgevingswet, de Rli, de IenW en GroenLinks-PvdA; de bevoegde gezagen.",  # the protected terms
    "Het onderzoeks- en meetprogramma en de actie- en -plannen.",
])
def test_no_finding(text, tmp_path):
    assert unknown(text + "\n", tmp_path) == []


@needs_hunspell
def test_what_the_typo_rule_reports_is_left_to_it(tmp_path):
    assert unknown("De staatsecretaris schrijft.\n", tmp_path) == []
    assert [w for w, _ in unknown("De staatsecretaris schrijft.\n", tmp_path, rules=ON + "  typo: false\n")] == [
        "staatsecretaris"]


@needs_hunspell
def test_user_words_and_word_file(tmp_path):
    (tmp_path / "woorden.txt").write_text("netcongestie\nmeekoppelkansen\n", encoding="utf-8")
    rules = ON + "    words: [groenwassen]\n    word-file: woorden.txt\n    suggest: 0\n"
    assert unknown("Netcongestie, meekoppelkansen, groenwassen en bloostelling.\n", tmp_path, rules=rules) == [
        ("bloostelling", None)]


def test_an_unreadable_word_file_is_a_configuration_error(tmp_path):
    from letterlint.config import ConfigError, load_config
    from letterlint.runner import build_plan

    (tmp_path / "rules.yaml").write_text(ON + "    word-file: ontbreekt.txt\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        build_plan(load_config(tmp_path / "rules.yaml"))
    assert "word-file" in str(err.value)


@needs_hunspell
def test_the_draft(tmp_path):
    """On the draft: the real slip (bloostelling) is found; typo's slips are not reported twice."""
    words = {w for w, _ in unknown(EXAMPLE.read_text(encoding="utf-8"), tmp_path, rules=ON + "    suggest: 0\n",
                                   name=EXAMPLE.name)}
    assert "bloostelling" in words
    assert not words & {"staatsecretaris", "RVIM", "bezag", "JLOI", "Rie", "gezagen", "Omgevingswet"}


@pytest.mark.skipif(not SPYLLS or DICTIONARY is None, reason="spylls or the Dutch dictionary is not installed")
def test_the_spylls_engine(tmp_path):
    rules = ON + "    engine: spylls\n    suggest: 0\n"  # spylls suggests slowly (about 0.3 s a word)
    found = unknown("De bloostelling aan fijnstof; het RIVM en de GGD’en.\n", tmp_path, rules=rules)
    assert found == [("bloostelling", None)]


def test_a_missing_dictionary_is_said_once(tmp_path):
    (tmp_path / "rules.yaml").write_text(ON + "    dictionary: /nergens/nl_XX\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("De raport.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("De raport.\n", encoding="utf-8")
    proc = run_cli("--select", "spelling", "a.txt", "b.txt", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert err.count("apt install hunspell-nl") == 2  # once, in Dutch and in English
    assert "niet gevonden" in err

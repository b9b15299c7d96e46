"""Every rule's documentation in Dutch too (DOC_NL), with the English structure and the same examples.

A Dutch run (the default) shows the Dutch documentation in `letterlint explain` and SARIF's rule help;
`--lang en` the English.  Rules still without a Dutch documentation are listed in MISSING_NL: that set
may only shrink (a rule in it that has gained DOC_NL fails the test until it is taken out).
"""

import re

import pytest
from test_rule_docs import RULES, example

from letterlint.cli import main

MISSING_NL: set[str] = set()

ENGLISH_HEADERS = ("What it checks", "Why", "Options", "Bad::", "Good::")
DUTCH_HEADERS = ("Wat het controleert", "Waarom", "Fout::", "Goed::")


def test_missing_only_shrinks():
    without = {r.id for r in RULES if not r.doc_nl}
    assert without == MISSING_NL, (f"without DOC_NL but not listed: {sorted(without - MISSING_NL)}; "
                                   f"listed but translated now (take them out): {sorted(MISSING_NL - without)}")


@pytest.mark.parametrize("rule", [r for r in RULES if r.id not in MISSING_NL], ids=lambda r: r.id)
def test_dutch_doc_has_the_structure_and_the_same_examples(rule):
    doc_nl = rule.doc_in("nl")[0]  # the Dutch doc as shown: DOC_NL and the examples
    for header in DUTCH_HEADERS:
        assert header in doc_nl, f"{rule.id}: no {header!r} in DOC_NL"
    if re.search(r"^Options$", rule.doc, re.M):
        assert re.search(r"^Opties$", doc_nl, re.M), f"{rule.id}: Options in English, no Opties in Dutch"
    for header in ENGLISH_HEADERS:
        assert not re.search(rf"^{re.escape(header)}$", doc_nl, re.M), f"{rule.id}: {header!r} in DOC_NL"
    assert example(doc_nl, "Fout") == example(rule.doc, "Bad")
    assert example(doc_nl, "Goed") == example(rule.doc, "Good")


def _explain(capsys, *args):
    assert main(["explain", "typo", *args]) == 0
    return capsys.readouterr().out


def test_explain_follows_the_language(capsys):
    nl = _explain(capsys)
    for header in ENGLISH_HEADERS:
        assert not re.search(rf"^{re.escape(header)}$", nl, re.M), f"{header!r} in a Dutch explain"
    assert "in het Engels" not in nl
    assert re.search(r"^Wat het controleert$", nl, re.M) and re.search(r"^Fout::$", nl, re.M)
    en = _explain(capsys, "--lang", "en")
    assert re.search(r"^What it checks$", en, re.M) and re.search(r"^Bad::$", en, re.M)
    assert "Wat het controleert" not in en and "Fout::" not in en


def test_a_rule_without_dutch_doc_announces_its_english(capsys):
    from dataclasses import replace

    from letterlint.cli import _explain
    from letterlint.config import default_config_path, load_config
    from letterlint.registry import builtin_rules, rule_from_module
    from letterlint.reporters.sarif import rule_descriptor

    typo = builtin_rules()["typo"]
    plain = replace(rule_from_module(typo.module, "plugin:x"), doc_nl="")  # a plugin rule written in English
    assert plain.doc_in("nl") == (plain.doc, False) and plain.doc_in("en") == (plain.doc, True)
    text = _explain(plain, load_config(default_config_path()), "nl", lambda s, lang: s)
    assert "Documentatie (in het Engels):" in text and "What it checks" in text
    help_text = rule_descriptor("typo", plain, "warning", "nl")["help"]["text"]
    assert "in het Engels" in help_text and help_text.endswith(plain.doc)
    assert "in het Engels" not in _explain(typo, load_config(default_config_path()), "nl", lambda s, lang: s)

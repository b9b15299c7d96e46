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
    for header in DUTCH_HEADERS:
        assert header in rule.doc_nl, f"{rule.id}: no {header!r} in DOC_NL"
    if re.search(r"^Options$", rule.doc, re.M):
        assert re.search(r"^Opties$", rule.doc_nl, re.M), f"{rule.id}: Options in English, no Opties in Dutch"
    for header in ENGLISH_HEADERS:
        assert not re.search(rf"^{re.escape(header)}$", rule.doc_nl, re.M), f"{rule.id}: {header!r} in DOC_NL"
    assert example(rule.doc_nl, "Fout") == example(rule.doc, "Bad")
    assert example(rule.doc_nl, "Goed") == example(rule.doc, "Good")


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

"""The shared word lists (typo list, protected terms): package data, present whatever `extends` says, and
the one source typo, spelling and term-consistency read; rules depend on the engine, never on each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import lint_text

from letterlint.config import load_config
from letterlint.lexicon import check_term_examples
from letterlint.runner import build_plan
from letterlint.wordlists import WordLists, shipped
from letterlint.yamlrules import phrases_from_entries

RULES = Path(__file__).resolve().parents[1] / "lint_rules"


class Raise:
    def error(self, keys, message):
        return AssertionError(f"{keys}: {message}")


def test_the_shipped_examples_hold():
    data = shipped()
    assert len(data["entries"]) > 20 and len(data["terms"]) > 50
    phrases_from_entries(data["entries"], Raise(), ("entries",))  # raises on a failing example
    lexicon = WordLists.from_settings().lexicon
    checked = 0
    for i, entry in enumerate(data["terms"]):
        if isinstance(entry, dict) and entry.get("examples"):
            check_term_examples(lexicon, entry["examples"], Raise(), ("terms", i, "examples"))
            checked += 1
    assert checked >= 5


def test_the_lists_are_there_whatever_extends_says(tmp_path):
    text = "Het RVIM adviseert de staatssecreatris.\n"
    for rules in ("extends: none\n", "extends: none\nrules:\n  typo:\n    severity: info\n"):
        found = lint_text(text, select=["typo"], rules_yaml=rules, tmp_path=tmp_path)
        assert {f.location.text for f in found} == {"RVIM", "staatssecreatris"}


def test_entries_replace_and_extra_entries_add(tmp_path):
    text = "Het RVIM en de Rijkswaterstraat.\n"
    replaced = "rules:\n  typo:\n    entries: [{wrong: Rijkswaterstraat, right: Rijkswaterstaat}]\n    near-misses: false\n"
    assert [f.location.text for f in lint_text(text, select=["typo"], rules_yaml=replaced, tmp_path=tmp_path)] \
        == ["Rijkswaterstraat"]
    added = "rules:\n  typo:\n    extra-entries: [{wrong: Rijkswaterstraat, right: Rijkswaterstaat}]\n    near-misses: false\n"
    assert {f.location.text for f in lint_text(text, select=["typo"], rules_yaml=added, tmp_path=tmp_path)} \
        == {"RVIM", "Rijkswaterstraat"}


def test_every_rule_gets_the_same_word_lists(tmp_path):
    cfg = tmp_path / "rules.yaml"
    cfg.write_text("rules:\n  spelling: true\n  typo:\n    extra-terms: [Luchtmeetnet]\n", encoding="utf-8")
    try:
        plan = build_plan(load_config(cfg), select=["typo", "term-consistency"])
    except Exception as exc:  # pragma: no cover - spelling's engine may be missing; the others suffice
        pytest.skip(str(exc))
    lists = {id(a.ctx.wordlists) for a in plan.rules}
    assert len(lists) == 1
    (one,) = {a.ctx.wordlists for a in plan.rules}
    assert "Luchtmeetnet" in one.term_words and "RIVM" in one.term_words


def test_term_consistency_leaves_typo_slips_to_typo():
    # "Rijkswaterstraat" is a near-miss of a protected term: typo reports it, term-consistency does not
    text = ("Rijkswaterstaat meldt dit. Rijkswaterstaat en Rijkswaterstaat werken samen. "
            "Rijkswaterstraat ook.\n")
    rules = {f.rule for f in lint_text(text, select=["typo", "term-consistency"])}
    assert rules == {"typo"}


def test_rules_do_not_reach_each_other():
    for path in sorted(RULES.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+(letterlint\.)?lint_rules\b|^\s*from\s+\.", source, re.M), path.name
        assert "ctx.peers" not in source and ".meta" not in source, path.name
        assert "where.config" not in source and 'getattr(where, "config"' not in source, path.name

"""The index of the bundled rules (registry): what the engine needs before a rule runs, kept between runs,
so that a rule's module is imported only when the rule runs."""

from __future__ import annotations

import os
import subprocess
import sys

from letterlint import bundled, registry

FIELDS = ("id", "severity", "summary", "doc", "default", "conf", "origin", "enabled", "fixable")
CODE = ("prepare", "collect", "check_across")


def _rules_twice(tmp_path, monkeypatch):
    monkeypatch.setattr(bundled, "kept_path", lambda stem: str(tmp_path / f"{stem}.pickle"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return registry._bundled_rules(), registry._bundled_rules()


def test_the_index_describes_every_rule_as_its_module_does(tmp_path, monkeypatch):
    imported, indexed = _rules_twice(tmp_path, monkeypatch)
    assert (tmp_path / "rule-index.pickle").exists()
    assert list(indexed) == list(imported)
    for rule_id, rule in imported.items():
        kept = indexed[rule_id]
        assert isinstance(kept, registry._IndexedRule) and not isinstance(rule, registry._IndexedRule)
        for name in FIELDS:
            assert getattr(kept, name) == getattr(rule, name), (rule_id, name)
        for name in CODE:
            assert (getattr(kept, name) is None) == (getattr(rule, name) is None), (rule_id, name)
        assert kept.check is rule.check and kept.module is rule.module


def test_a_changed_rule_module_makes_the_index_stale(tmp_path, monkeypatch):
    _rules_twice(tmp_path, monkeypatch)
    key = registry._index_key(registry._builtin_names())
    assert key is not None
    changed = key[:1] + (key[1][:2] + (key[1][2] + 1, key[1][3]),) + key[2:]  # one module one byte longer
    monkeypatch.setattr(registry, "_index_key", lambda names: changed)
    rules = registry._bundled_rules()
    assert not any(isinstance(r, registry._IndexedRule) for r in rules.values())  # imported, index rewritten
    assert all(isinstance(r, registry._IndexedRule) for r in registry._bundled_rules().values())


_CHILD = """
import sys
from letterlint import bundled
bundled.kept_path = lambda stem, folder=sys.argv[1]: f"{folder}/{stem}.pickle"
from letterlint.cli import main
import io
out, sys.stdout = sys.stdout, io.StringIO()
main(["--isolated", "--select", "typo", sys.argv[2]])
sys.stdout = out
print(sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("letterlint.lint_rules.")))
"""


def test_only_the_rules_that_run_are_imported(tmp_path):
    letter = tmp_path / "brief.md"
    letter.write_text("# Brief\n\nDit is een korte brief.\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def imported() -> str:
        return subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path), str(letter)], capture_output=True,
                              text=True, check=True, env=env).stdout.strip()

    assert "spelling" in imported()  # no index yet: every module is imported, and the index written
    assert imported() == "['typo']"


def test_an_index_of_another_shape_is_made_again(tmp_path, monkeypatch):
    _rules_twice(tmp_path, monkeypatch)
    key = registry._index_key(registry._builtin_names())
    bundled.keep(str(tmp_path / "rule-index.pickle"), key, [{"id": "typo"}])  # an entry without its fields
    rules = registry._bundled_rules()
    assert "typo" in rules and not any(isinstance(r, registry._IndexedRule) for r in rules.values())
    assert all(isinstance(r, registry._IndexedRule) for r in registry._bundled_rules().values())

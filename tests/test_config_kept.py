"""A user configuration that parsed and validated cleanly is not parsed or validated again (start-up: every
pre-commit run reads the repository's configuration); one with errors is checked afresh every run."""

from __future__ import annotations

import pytest

from letterlint import bundled, config
from letterlint.registry import builtin_rules


@pytest.fixture
def fresh_memos(tmp_path, monkeypatch):
    monkeypatch.setattr(bundled, "_MEMOS", {})
    monkeypatch.setattr(bundled, "kept_path", lambda stem: str(tmp_path / f"{stem}.pickle"))
    monkeypatch.setattr(bundled.sys, "dont_write_bytecode", True)  # the files: not written by the test


def counting(monkeypatch, name):
    calls = []
    real = getattr(config, name)
    monkeypatch.setattr(config, name, lambda *a, **k: calls.append(1) or real(*a, **k))
    return calls


def test_a_clean_configuration_is_parsed_and_validated_once(tmp_path, monkeypatch, fresh_memos):
    path = tmp_path / "rules.yaml"
    path.write_text("extends: default\nrules:\n  typo:\n    severity: error\n", encoding="utf-8")
    parsed, validated = counting(monkeypatch, "_load_user_yaml"), counting(monkeypatch, "_validate_source")
    first = config.load_config(path)
    second = config.load_config(path)
    assert (len(parsed), len(validated)) == (1, 1)
    assert first.rule_settings("typo") == second.rule_settings("typo") and second.rule_settings("typo")["severity"] == "error"


def test_the_kept_data_is_a_fresh_copy_each_time(tmp_path, fresh_memos):
    text = "extends: default\nrules:\n  typo:\n    severity: error\n"
    one = config._kept_user_yaml(text, "a.yaml")
    one.pop("extends")
    assert config._kept_user_yaml(text, "a.yaml")["extends"] == "default"


def test_a_configuration_with_errors_is_checked_every_run(tmp_path, monkeypatch, fresh_memos):
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  typo:\n    severity: loud\n", encoding="utf-8")
    validated = counting(monkeypatch, "_validate_source")
    for _ in range(2):
        with pytest.raises(config.ConfigError, match="severity"):
            config.load_config(path)
    assert len(validated) == 2


def test_a_broken_yaml_file_is_refused_every_run(tmp_path, monkeypatch, fresh_memos):
    path = tmp_path / "rules.yaml"
    path.write_text("rules: [\n", encoding="utf-8")
    parsed = counting(monkeypatch, "_load_user_yaml")
    for _ in range(2):
        with pytest.raises(config.ConfigError):
            config.load_config(path)
    assert len(parsed) == 2


def test_other_rules_validate_again(tmp_path, monkeypatch, fresh_memos):
    source = config.Source("rules.yaml", "", {"rules": {"typo": {"severity": "error"}}})
    validated = counting(monkeypatch, "_validate_source")
    known = builtin_rules()
    config.validate_source(source, known)
    config.validate_source(source, known)
    fewer = {k: v for k, v in known.items() if k != "doubled-word"}  # e.g. a plugin gone
    config.validate_source(source, fewer)
    assert len(validated) == 2


def test_the_memos_are_kept_between_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(bundled, "kept_path", lambda stem: str(tmp_path / f"{stem}.pickle"))
    monkeypatch.setattr(bundled.sys, "dont_write_bytecode", False)
    monkeypatch.setattr(bundled, "_MEMOS", {})
    text = "extends: default\n"
    config._kept_user_yaml(text, "a.yaml")
    for memo in bundled._MEMOS.values():
        memo._save()  # what the run's exit does
    monkeypatch.setattr(bundled, "_MEMOS", {})  # a new run
    parsed = counting(monkeypatch, "_load_user_yaml")
    assert config._kept_user_yaml(text, "a.yaml") == {"extends": "default"} and parsed == []

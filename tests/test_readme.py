"""The README stays short and starts with the two commands that work on a fresh machine; CI runs the second."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"

pytestmark = pytest.mark.skipif(not README.is_file() or not CI.is_file(), reason="not a full checkout")


def _commands() -> list[str]:
    return [line.strip() for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("    python3 -m venv")]


def test_the_readme_fits_on_two_screens():
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 150


def test_the_first_two_commands_lint_the_example_and_run_the_tests():
    lint, test = _commands()[:2]
    example = re.search(r"letterlint (examples/\S+)$", lint)
    assert example and (ROOT / example.group(1)).is_file()
    assert "pip install -q ." in lint
    assert "'.[test]'" in test and test.endswith(".venv/bin/pytest")


def test_ci_runs_exactly_the_readme_test_command_and_the_type_checker():
    lines = [x.strip() for x in CI.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    assert _commands()[1] in lines
    assert ".venv/bin/mypy" in lines


def test_every_link_into_docs_exists():
    links = re.findall(r"\]\((docs/[^)#]+)", README.read_text(encoding="utf-8"))
    assert links
    for link in links:
        assert (ROOT / link).exists(), link


def _readme_rules() -> dict[str, str]:
    rows = re.findall(r"^\| `([a-z-]+)` \| ([a-z, ]+) \|", README.read_text(encoding="utf-8"), re.MULTILINE)
    return dict(rows)


def test_the_readme_rule_table_matches_the_rules():
    """Every rule, with its default severity (and «off» when it is off by default), as `letterlint rules`."""
    from letterlint.config import load_config
    from letterlint.runner import all_rules

    config = load_config(None, search=False)
    rules = all_rules(config)
    expected = {}
    for rule_id, rule in rules.items():
        if rule.origin == "config":
            continue
        settings = config.rule_settings(rule_id)
        severity = settings.get("severity", rule.severity)
        expected[rule_id] = severity if settings.get("enabled", rule.enabled) else f"{severity}, off"
    assert _readme_rules() == expected


def test_the_readme_states_no_counts_that_go_stale():
    assert not re.search(r"\b\d+ findings \(\d+ errors", README.read_text(encoding="utf-8"))

"""Every rule documents itself, and its documented examples are tests: Bad:: must fail, Good:: must pass."""

import re
import textwrap

import pytest
from conftest import lint_text

from letterlint.findings import Msg
from letterlint.registry import builtin_rules

RULES = sorted(builtin_rules().values(), key=lambda r: r.id)


def example(doc: str, label: str) -> str:
    m = re.search(rf"^{label}::\n\n((?:(?: {{4}}.*)?\n)+)", doc + "\n", re.M)
    assert m, f"no {label}:: example"
    return textwrap.dedent(m.group(1)).strip("\n") + "\n"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert rule.severity in ("error", "warning", "info")
    assert isinstance(rule.summary, Msg) and rule.summary.nl and rule.summary.en
    for section in ("What it checks", "Why", "Bad::", "Good::"):
        assert section in rule.doc, f"{rule.id}: no {section!r} in its documentation"
    assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.id)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_documented_examples(rule):
    available = getattr(rule.module, "available", None)
    if available is not None and not available():
        pytest.skip(f"{rule.id}: what it needs is not installed")
    bad = [f for f in lint_text(example(rule.doc, "Bad"), select=[rule.id]) if f.rule == rule.id]
    good = [f for f in lint_text(example(rule.doc, "Good"), select=[rule.id]) if f.rule == rule.id]
    assert bad, f"{rule.id}: its Bad example gives no finding"
    assert not good, f"{rule.id}: its Good example gives {[(f.message.nl, f.location.text) for f in good]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_defaults_fit_the_options_schema(rule):
    from jsonschema import Draft202012Validator

    from letterlint.config import rule_schema

    Draft202012Validator(rule_schema(rule)).validate(rule.default)

"""One home for each default: a rule module declares its severity and option defaults; the bundled
rules.yaml holds shared settings and real overrides only — never a restated module default, never an
option the module does not have."""

from __future__ import annotations

import yaml

from letterlint.config import default_config_path, load_config
from letterlint.registry import builtin_rules


def bundled() -> dict:
    return yaml.safe_load(default_config_path().read_text(encoding="utf-8")) or {}


def test_rules_yaml_restates_no_module_default():
    rules = builtin_rules()
    restated, unknown = [], []
    for rule_id, settings in (bundled().get("rules") or {}).items():
        rule = rules.get(rule_id)
        if rule is None or not isinstance(settings, dict) or "kind" in settings:
            continue  # a rule defined in the file itself (kind: pattern/substitution) has no module
        for key, value in settings.items():
            default = {"severity": rule.severity, "enabled": rule.enabled}.get(key, rule.default.get(key, KeyError))
            if default is KeyError:
                unknown.append(f"{rule_id}.{key}")
            elif value == default:
                restated.append(f"{rule_id}.{key}")
    assert not restated, f"rules.yaml restates the module default of {restated}: state it in the module only"
    assert not unknown, f"rules.yaml sets options no module declares: {unknown}"


def test_every_option_a_module_defaults_is_one_it_validates():
    for rule in builtin_rules().values():
        assert set(rule.default) == set(rule.conf), rule.id
        assert rule.severity in ("error", "warning", "info"), rule.id


def test_the_defaults_in_effect_are_the_modules():
    config = load_config(None, search=False)
    for rule in builtin_rules().values():
        settings = config.rule_settings(rule.id)
        assert settings.get("severity", rule.severity) == rule.severity, rule.id

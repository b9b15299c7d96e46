"""Configuration: discovery, extends, validation messages with file, line and key, YAML-defined rules."""

import pytest
from conftest import run_cli

from letterlint.config import ConfigError, default_config_path, find_config, load_config
from letterlint.runner import build_plan


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path, yaml_text):
    cfg = write(tmp_path / "rules.yaml", yaml_text)
    with pytest.raises(ConfigError) as info:
        build_plan(load_config(cfg))
    return info.value


def test_default_is_valid_and_complete():
    from letterlint.config import Source, validate_source
    from letterlint.registry import builtin_rules

    path = default_config_path()
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    validate_source(Source(str(path), path.read_text(encoding="utf-8"), data), builtin_rules())
    config = load_config(None, search=False)
    plan = build_plan(config)  # prepares every rule (the shipped typo list's examples: test_wordlists.py)
    # every rule that is on by default runs with the default configuration (its defaults live in its module)
    assert {a.rule.id for a in plan.rules} >= set(builtin_rules()) - {r.id for r in builtin_rules().values() if not r.enabled}


def test_found_from_the_working_directory_upward(tmp_path):
    write(tmp_path / "rules.yaml", "rules:\n  typo: false\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "rules.yaml"
    config = load_config(cwd=nested)
    assert config.rules["typo"]["enabled"] is False
    assert config.rules["bookmark-artefact"]["severity"] == "warning"  # extends the default


def test_pyproject_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.letterlint]\nfail-on = "error"\n\n'
          '[tool.letterlint.rules.typo]\nseverity = "error"\n')
    config = load_config(cwd=tmp_path)
    assert config.fail_on == "error" and config.rules["typo"]["severity"] == "error"


def test_extends_another_file_and_none(tmp_path):
    write(tmp_path / "base.yaml", "extends: none\nrules:\n  typo:\n    severity: info\n    entries: []\n")
    cfg = write(tmp_path / "rules.yaml", "extends: base.yaml\nrules:\n  typo:\n    extra-entries: [{wrong: foo, right: bar}]\n")
    config = load_config(cfg)
    assert "bookmark-artefact" not in config.rules
    assert config.rules["typo"]["severity"] == "info"


@pytest.mark.parametrize("text,line,key,expected", [
    ("fail_on: warning\n", 1, "fail_on", "unknown key fail_on"),
    ("rules:\n  typo:\n    severity: fatal\n", 3, "rules.typo.severity", "expected one of error, warning, info, got 'fatal'"),
    ("rules:\n  tpyo: {severity: error}\n", 2, "rules.tpyo", "did you mean typo"),
    ("rules:\n  typo:\n    extra-entries:\n      - {wrong: RVIM}\n", 4, "rules.typo.extra-entries[0]", "missing required key right"),
    ("rules:\n  typo:\n    extra-entries:\n      - wrong: Rijkswaterstraat\n        right: Rijkswaterstaat\n"
     "        examples: {match: [Rijkswaterstaat]}\n", 6, "rules.typo.extra-entries[0].examples.match[0]",
     "should match but does not"),
    ("rules:\n  ivm:\n    kind: pattern\n    pattern: '(unclosed'\n    message: x\n", 4, "rules.ivm.pattern",
     "valid regular expression"),
    ("rules:\n  bookmark-artefact:\n    hidden-bookmarks: yes please\n", 3, "rules.bookmark-artefact.hidden-bookmarks",
     "expected true/false"),
    ("rules: [typo]\n", 1, "rules", "expected a mapping"),
    ("rules:\n  typo:\n  - x\n", 2, "rules.typo", "expected true/false or 'enable' or 'disable' or a mapping"),
])
def test_invalid_configuration_names_file_line_key_and_expectation(tmp_path, text, line, key, expected):
    err = error_of(tmp_path, text)
    assert err.file.endswith("rules.yaml")
    assert err.line == line, str(err)
    assert err.keypath == key, str(err)
    assert expected in err.message, str(err)


def test_invalid_yaml_syntax(tmp_path):
    err = error_of(tmp_path, "rules:\n  typo: [\n")
    assert "invalid YAML" in err.message and err.line


def test_invalid_config_on_the_command_line_stops_the_run_with_exit_2(tmp_path):
    write(tmp_path / "rules.yaml", "rules:\n  typo:\n    severity: fatal\n")
    write(tmp_path / "brief.txt", "Het RVIM adviseert.\n")
    proc = run_cli("brief.txt", cwd=tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "rules.yaml:3" in err[0] and "rules.typo.severity" in err[0]
    assert err[0].endswith("; er is niets gecontroleerd")
    assert "Traceback" not in proc.stderr.decode()
    # no findings: linting with the default configuration would drop the user's ignores and own rules
    assert proc.stdout == b""


def test_every_error_of_a_broken_config_is_listed(tmp_path):
    write(tmp_path / "rules.yaml", "fail_on: warning\nrules:\n  tpyo: {severity: error}\n  typo:\n"
          "    severity: fatal\n  Bookmark-Artefact:\n    hidden-bookmarks: yes please\n")
    write(tmp_path / "brief.txt", "Het RVIM adviseert.\n")
    proc = run_cli("brief.txt", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == b""
    err = proc.stderr.decode().strip().splitlines()
    assert err == [
        "letterlint: rules.yaml:1: fail_on: unknown key fail_on (expected one of: exclude, extends, fail-on, "
        "lang, letters, per-file-ignores, rules, settings)",
        "letterlint: rules.yaml:3: rules.tpyo: unknown rule 'tpyo' (did you mean typo?)",
        "letterlint: rules.yaml:5: rules.typo.severity: expected one of error, warning, info, got 'fatal'",
        "letterlint: rules.yaml:7: rules.Bookmark-Artefact.hidden-bookmarks: expected true/false, got a string "
        "'yes please'",
        "letterlint: the configuration has 4 errors; nothing was checked",
    ]
    nl = run_cli("brief.txt", cwd=tmp_path).stderr.decode().strip().splitlines()  # Dutch by default
    assert nl[1:] == [
        "letterlint: rules.yaml:3: rules.tpyo: onbekende regel 'tpyo' (bedoelt u typo?)",
        "letterlint: rules.yaml:5: rules.typo.severity: verwacht een van error, warning, info, maar staat er 'fatal'",
        "letterlint: rules.yaml:7: rules.Bookmark-Artefact.hidden-bookmarks: verwacht true/false, maar staat er een "
        "tekst 'yes please'",
        "letterlint: de configuratie bevat 4 fouten; er is niets gecontroleerd",
    ]


def test_rule_ids_match_case_insensitively_in_config_and_cli(tmp_path):
    write(tmp_path / "rules.yaml", "rules:\n  TYPO:\n    severity: error\n")
    write(tmp_path / "brief.txt", "Het RVIM adviseert.\n[bookmark: _GoBack]Einde.\n")
    proc = run_cli("--select", "Typo", "brief.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "brief.txt:1:5: fout [typo]" in proc.stdout.decode()
    assert "bookmark-artefact" not in proc.stdout.decode()
    typo = run_cli("--ignore", "tyop", "brief.txt", cwd=tmp_path)
    assert typo.returncode == 2 and "onbekende regel 'tyop' (bedoelt u typo?)".encode() in typo.stderr


def test_pattern_rule_in_yaml(lint):
    rules = """
rules:
  ivm:
    kind: pattern
    pattern: '\\bivm\\b'
    ignore-case: true
    message: {nl: "Schrijf i.v.m. voluit: «{match}»", en: "Write i.v.m.: «{match}»"}
    suggestion: i.v.m.
    severity: info
    examples: {match: ["ivm de regels"], no-match: ["i.v.m. de regels"]}
"""
    findings = [f for f in lint("Dit is ivm de regels.\nIVM ook.\n", rules_yaml=rules) if f.rule == "ivm"]
    assert [(f.location.line, f.location.text, f.severity) for f in findings] == [(1, "ivm", "info"), (2, "IVM", "info")]
    assert findings[0].message.nl == "Schrijf i.v.m. voluit: «ivm»" and findings[0].suggestion.nl == "i.v.m."


def test_substitution_rule_in_yaml(lint):
    rules = """
rules:
  huisstijl:
    kind: substitution
    severity: warning
    entries:
      - {wrong: Tweede kamerlid, right: Tweede Kamerlid}
      - {wrong: e-mail adres, right: e-mailadres}
"""
    findings = [f for f in lint("Het e-mail\nadres van het Tweede kamerlid.\n", name="brief.md", rules_yaml=rules) if f.rule == "huisstijl"]
    assert [f.suggestion.nl for f in findings] == ["e-mailadres", "Tweede Kamerlid"]
    assert findings[0].location.line == 1 and findings[0].location.end_line == 2


def test_slow_user_regex_times_out(tmp_path):
    write(tmp_path / "rules.yaml", "rules:\n  traag:\n    kind: pattern\n    pattern: '^(a|aa)+$'\n    message: traag\n")
    write(tmp_path / "brief.txt", "a" * 60 + "b\nGewone tekst.\n")
    proc = run_cli("brief.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "traag" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_builtin_id_cannot_be_redefined(tmp_path):
    err = error_of(tmp_path, "rules:\n  typo:\n    kind: pattern\n    pattern: x\n    message: y\n")
    assert "built-in" in err.message and err.line == 2

"""Hostile documents and configurations (made by tests/hostile.py): a clean refusal or a correct lint.

The contract for every case: exit 2 with exactly one stderr line that names the file and the cause, in the
message language — or a normal lint — and never a traceback.  Memory and CPU time are bounded by limits
set on the child process (resource.setrlimit), not by wall-clock asserts: a hang or a blow-up kills the
child, which fails the test.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys

import hostile
import pytest

MEMORY_CAP = 1024 * 1024 * 1024  # address space of the child (bytes)
CPU_CAP = 60  # CPU seconds of the child; a hang ends in SIGXCPU, far below the test's own timeout


def _limits():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_CAP, CPU_CAP))


def run_capped(*args, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("LETTERLINT_LANG", None)
    return subprocess.run([sys.executable, "-m", "letterlint", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, errors="replace", env=env, preexec_fn=_limits, timeout=300)


def assert_contract(result, name: str, cause: str | None) -> None:
    """A refusal (cause given): exit 2, one line naming the file and the cause.  Else a clean lint."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode >= 0, f"killed by signal {-result.returncode} (memory or CPU limit?)"
    if cause is None:
        assert result.returncode in (0, 1), result.stderr
        assert result.stderr == "", result.stderr
        return
    lines = result.stderr.splitlines()
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("letterlint: ") and name in lines[0], lines[0]
    assert re.search(cause, lines[0], re.IGNORECASE), lines[0]
    assert not re.search("interne fout|internal error|meld dit|please report", lines[0]), lines[0]


DOCUMENTS = hostile.documents()


@pytest.mark.parametrize("case", DOCUMENTS, ids=[c.name for c in DOCUMENTS])
def test_a_hostile_document_is_refused_or_linted(case, tmp_path):
    (tmp_path / case.name).write_bytes(case.data)
    assert_contract(run_capped("--isolated", case.name, cwd=tmp_path), case.name, case.refuse)


@pytest.mark.parametrize("case", [c for c in DOCUMENTS if c.refuse][:3], ids=lambda c: c.name)
def test_the_refusal_speaks_english_with_lang_en(case, tmp_path):
    (tmp_path / case.name).write_bytes(case.data)
    assert_contract(run_capped("--isolated", "--lang", "en", case.name, cwd=tmp_path), case.name, case.refuse_en)


CONFIGS = hostile.configs()


@pytest.mark.parametrize("case", CONFIGS, ids=[c.name for c in CONFIGS])
def test_a_hostile_configuration_is_refused(case, tmp_path):
    (tmp_path / case.name).write_bytes(case.data)
    (tmp_path / "brief.txt").write_text("De minister stuurt de Kamer een brief.\n", encoding="utf-8")
    result = run_capped("--config", case.name, "--select", "doubled-word", "brief.txt", cwd=tmp_path)
    assert_contract(result, case.name, case.refuse)


IN_PROCESS = [c for c in CONFIGS if c.name != "diep-genest.yaml"]  # that one crashed the process itself


@pytest.mark.parametrize("case", IN_PROCESS, ids=[c.name for c in IN_PROCESS])
def test_a_configuration_refusal_speaks_english_with_lang_en(case, tmp_path, capsys, monkeypatch):
    from letterlint.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LETTERLINT_LANG", raising=False)
    (tmp_path / case.name).write_bytes(case.data)
    (tmp_path / "brief.txt").write_text("De minister stuurt de Kamer een brief.\n", encoding="utf-8")
    code = main(["--config", case.name, "--lang", "en", "--select", "doubled-word", "brief.txt"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1 and case.name in err, err
    assert re.search(case.refuse_en, err, re.IGNORECASE), err
    assert "internal error" not in err, err


# -- configurations, in-process (fast) ------------------------------------------------------------------


def _config_error(tmp_path, text: str, name: str = "rules.yaml"):
    from letterlint.config import ConfigError, load_config

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return info.value


def test_duplicate_keys_name_both_lines(tmp_path):
    err = _config_error(tmp_path, "rules:\n  doubled-word:\n    severity: info\n  typo: false\n"
                                  "  doubled-word:\n    severity: error\n")
    assert err.line == 5 and "lines 2 and 5" in err.message and "regel 2 en 5" in err.nl


def test_an_alias_may_repeat_a_little_but_not_explode(tmp_path):
    from letterlint.config import load_config

    ok = tmp_path / "ok.yaml"
    ok.write_text("per-file-ignores:\n  'a/*.txt': &ids [doubled-word, typo]\n  'b/*.txt': *ids\n", encoding="utf-8")
    assert load_config(ok).per_file_ignores["b/*.txt"] == ["doubled-word", "typo"]
    err = _config_error(tmp_path, hostile.alias_bomb(6, 12).decode())
    assert "alias" in err.message
    err = _config_error(tmp_path, "settings: &a\n  answer-labels: [*a]\n")
    assert "itself" in err.message


def test_extends_refuses_a_file_that_is_not_a_configuration_without_quoting_it(tmp_path):
    secret = "root:$6$geheimeHash:19000:0:99999:7:::\nwachtwoord: hunter2\n"
    for name in ("shadow", "secret.yaml", "secret.txt"):
        (tmp_path / name).write_text(secret, encoding="utf-8")
    (tmp_path / "lijst.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (tmp_path / "kapot.yaml").write_text("wachtwoord: [hunter2\n", encoding="utf-8")
    for target in ("shadow", "secret.yaml", "secret.txt", "lijst.yaml", "kapot.yaml"):
        err = _config_error(tmp_path, f"extends: {target}\nfail-on: error\n")
        text = err.text("nl") + err.text("en")
        assert err.keypath == "extends" and err.line == 1, text
        assert "hunter2" not in text and "geheim" not in text and "wachtwoord" not in text, text


def test_extends_still_reads_a_real_configuration(tmp_path):
    from letterlint.config import load_config

    (tmp_path / "basis.yml").write_text("fail-on: info\n", encoding="utf-8")
    path = tmp_path / "rules.yaml"
    path.write_text("extends: basis.yml\nlang: en\n", encoding="utf-8")
    config = load_config(path)
    assert config.fail_on == "info" and config.lang == "en"


@pytest.mark.parametrize("pattern", ["archief/[a-z.txt", "", "[!", "x[]"])
def test_an_invalid_per_file_ignores_glob_is_an_error(tmp_path, pattern):
    err = _config_error(tmp_path, f"per-file-ignores:\n  '{pattern}': [doubled-word]\n")
    assert "glob" in err.message and err.line == 2


@pytest.mark.parametrize("pattern", ["archief/*.txt", "[[]x].md", "x[]]y", "x[!]]y", "**/*.docx"])
def test_a_valid_glob_is_accepted(tmp_path, pattern):
    from letterlint.config import load_config

    path = tmp_path / "rules.yaml"
    path.write_text(f"per-file-ignores:\n  '{pattern}': [doubled-word]\n", encoding="utf-8")
    assert pattern in load_config(path).per_file_ignores


def test_pattern_size_estimate():
    from letterlint.yamlrules import MAX_PATTERN_SIZE, pattern_size

    assert pattern_size(r"\bivm\b") < 10
    assert pattern_size(r"a{60000}") == 60000
    assert pattern_size(r"[a-z{}]{3}(?:x|y){2,5}") <= 20
    assert pattern_size(r"(a{1000}){1000}") > MAX_PATTERN_SIZE
    assert pattern_size(r"((a{1000}){1000}){1000}") > MAX_PATTERN_SIZE
    assert pattern_size(r"(?:x{65535}){100}") > MAX_PATTERN_SIZE


def test_deep_nesting_in_block_style_is_an_error_too(tmp_path):
    text = "settings:\n  answer-labels:\n" + "".join("  " * (i + 2) + "-\n" for i in range(1500)) + "x\n"
    err = _config_error(tmp_path, text)
    assert "deep" in err.message or "YAML" in err.message


def test_a_big_integer_in_the_config_names_its_line(tmp_path):
    err = _config_error(tmp_path, "fail-on: error\nsettings:\n  x: " + "7" * 4400 + "\n")
    assert err.line == 3 and "4300" in err.message


# -- text decoding ----------------------------------------------------------------------------------------


def test_a_cp1252_file_says_which_encoding_was_used(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(hostile.cp1252_text())
    for _ in range(2):  # the second run comes from the cache, which keeps the note
        result = run_capped("--isolated", "--cache", "--cache-dir", "c", "--select", "doubled-word", path.name,
                            cwd=tmp_path)
        assert result.returncode == 0
        assert result.stderr.count("\n") == 1 and "Windows-1252" in result.stderr and "regel 3" in result.stderr


def test_a_utf16_file_with_a_nul_character_is_refused():
    from letterlint.readers import InputError, read_bytes

    data = "\ufeffGeachte voorzitter,\n\x00\n".encode("utf-16-le")
    with pytest.raises(InputError, match="NUL"):
        read_bytes(data, "brief.txt")


# -- lone surrogates: from a w:sym code or from a file name that is not UTF-8 ------------------------------


def test_fingerprints_take_lone_surrogates():
    from letterlint.baseline import fingerprint
    from letterlint.findings import Finding, msg
    from letterlint.model import Location

    finding = Finding(location=Location(paragraph=1, heading=None, text="a\ud800b"), message=msg("m"), rule="r")
    assert len(fingerprint(finding)) == 32


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
@pytest.mark.parametrize("mode", [["--format", "sarif"], ["--format", "json"], ["--format", "text"],
                                  ["--format", "github"], ["--write-baseline", "b.json"], ["--cache", "--cache-dir", "c"]])
def test_a_file_name_that_is_not_utf8_is_reported(tmp_path, mode):
    folder = tmp_path / "stukken"
    folder.mkdir()
    try:
        open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb").write(b"De de minister schrijft.\n")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    result = run_capped("--isolated", *mode, "stukken", cwd=tmp_path)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr

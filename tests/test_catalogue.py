"""Everything the command line says besides the findings follows the run's language (letterlint.catalogue)."""

import errno
import zipfile

import pytest
import yaml
from conftest import run_cli

from letterlint.catalogue import MESSAGES, reason, say, usage_error


def test_every_message_has_both_languages():
    for key, (nl, en) in MESSAGES.items():
        assert nl and en and nl != en or key in ("unknown-rule",), key


@pytest.mark.parametrize("argv, dutch, english", [
    ((), "geen bestanden opgegeven", "no files given"),
    (("explain", "nosuch"), "onbekende regel 'nosuch'", "unknown rule 'nosuch'"),
    (("--select", "nosuch", "a.txt"), "onbekende regel 'nosuch' (zie `letterlint rules`)", "unknown rule 'nosuch'"),
    (("--shwo", "x", "a.txt"), "onbekende argumenten: --shwo (bedoelt u --show?)", "unrecognized arguments"),
    (("--format", "nope", "a.txt"), "--format: ongeldige keuze", "invalid choice"),
    (("explain",), "deze argumenten ontbreken: rule", "the following arguments are required"),
    (("--fix", "-"), "werken op bestanden, niet op standaardinvoer", "need files, not standard input"),
    (("--suggest", "x.md", "a.txt"), "geef het een .txt-naam, niet 'x.md'", "give it a .txt name"),
    (("--baseline", "nergens.json", "a.txt"), "baseline niet gevonden", "baseline not found"),
    (("--config", "kapot.yaml", "a.txt"), "ongeldige YAML: hier ontbreekt een waarde",
     "invalid YAML:"),
    (("kapot.docx",), "beschadigde XML in word/document.xml (regel 1, kolom ", "damaged XML in word/document.xml (line 1"),
    (("--report", "nergens/r.html", "a.txt"), "(bestand of map bestaat niet)", "(no such file or folder)"),
])
def test_usage_and_input_errors_in_the_runs_language(tmp_path, argv, dutch, english):
    (tmp_path / "a.txt").write_text("Hallo.\n")
    (tmp_path / "kapot.yaml").write_text("rules:\n  typo: [\n")
    with zipfile.ZipFile(tmp_path / "kapot.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", '<w:document xmlns:w="x"><w:body>')
    nl = run_cli(*argv, cwd=tmp_path).stderr.decode()
    assert dutch in nl, nl
    for english_only in ("did you mean", "unrecognized", "required", "No such file", "no element found", "not found"):
        assert english_only not in nl, nl
    en = run_cli("--lang", "en", *argv, cwd=tmp_path).stderr.decode() if argv[:1] != ("explain",) else \
        run_cli(*argv, "--lang", "en", cwd=tmp_path).stderr.decode()
    assert english in en, en


def test_reasons_of_the_os_and_of_the_libraries():
    assert reason(OSError(errno.ENOSPC, "No space left on device", "x"), "nl") == "de schijf is vol"
    assert reason(OSError(errno.EACCES, "Permission denied"), "en") == "permission denied"
    try:
        yaml.safe_load("a: [\n")
    except yaml.YAMLError as exc:
        assert reason(exc, "nl").startswith("regel ")
    assert usage_error("something argparse never said", "nl") == "something argparse never said"
    assert say("no-files", "en").startswith("no files given")


def test_rules_and_explain_report_a_broken_configuration_in_the_runs_language(tmp_path):
    (tmp_path / "kapot.yaml").write_text("rules:\n  typo: [\n")
    nl = run_cli("rules", "--config", "kapot.yaml", cwd=tmp_path)
    assert nl.returncode == 2 and "kapot.yaml:3: ongeldige YAML: hier ontbreekt een waarde" in nl.stderr.decode()
    en = run_cli("--lang", "en", "explain", "typo", "--config", "kapot.yaml", cwd=tmp_path)
    assert en.returncode == 2 and "kapot.yaml:3: invalid YAML" in en.stderr.decode()

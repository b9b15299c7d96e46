"""Suppressions: <!-- letterlint: ignore/disable/enable --> lines, Word comments, per-file-ignores, and the
unused-suppression rule that keeps them from rotting."""

import json
import os
from pathlib import Path

import pytest
from conftest import DATA, run_cli

from letterlint.readers import read_bytes

RULES = ["typo", "bookmark-artefact", "unused-suppression"]


def found(findings, rule=None):
    return [(f.rule, f.location.line, f.location.text) for f in findings if rule is None or f.rule == rule]


# -- text exports -----------------------------------------------------------------------------------------


def test_export_comment_line_is_a_directive_not_a_paragraph():
    text = "Titel van de brief\n<!-- letterlint: ignore typo -->\nHet RVIM adviseert.\n"
    doc = read_bytes(text.encode(), "brief.txt")
    assert [p.text for p in doc.paragraphs] == ["Titel van de brief", "Het RVIM adviseert."]
    (directive,) = doc.directives
    assert directive.text == "letterlint: ignore typo" and directive.line == 2
    assert directive.paragraph.text == "Het RVIM adviseert."
    # a comment in the middle of a line is text of the letter, not a directive
    doc = read_bytes(b"Het RVIM <!-- x --> adviseert.\n", "brief.txt")
    assert doc.paragraphs[0].text == "Het RVIM <!-- x --> adviseert." and not doc.directives


def test_export_ignore_silences_the_next_paragraph_only(lint):
    text = ("<!-- letterlint: ignore typo -- letterlijk citaat -->\n"
            "Het RVIM adviseert.\n"
            "Het RVIM adviseert opnieuw.\n")
    assert found(lint(text, select=RULES)) == [("typo", 3, "RVIM")]


def test_export_ignore_skips_blank_lines_and_covers_the_footnote_on_the_line(lint):
    text = ("<!-- letterlint: ignore typo -->\n"
            "\n"
            "Het RVIM adviseert[footnoteRef:1].[1:  Zie het advies van het RVIM.]\n"
            "Daarna: RVIM.\n")
    assert found(lint(text, select=RULES)) == [("typo", 4, "RVIM")]


def test_export_disable_enable_and_all(lint):
    text = ("Het RVIM vooraf.\n"
            "<!-- letterlint: disable all -->\n"
            "[bookmark: _GoBack]Het RVIM binnen.\n"
            "Nog een RVIM binnen.\n"
            "<!-- letterlint: enable all -->\n"
            "Het RVIM achteraf.\n")
    assert found(lint(text, select=RULES)) == [("typo", 1, "RVIM"), ("typo", 6, "RVIM")]


def test_export_disable_without_enable_runs_to_the_end(lint):
    text = "Het RVIM vooraf.\n<!-- letterlint: disable typo -->\nHet RVIM.\n\nEn het RVIM.\n"
    assert found(lint(text, select=RULES)) == [("typo", 1, "RVIM")]


def test_export_word_comment_from_poi_covers_its_paragraph(lint):
    text = ("Het RVIM adviseert.\tComment by Jansen, P.: letterlint: ignore typo\n"
            "Het RVIM adviseert.\tComment by Jansen, P.: Klopt dit?\n")
    assert found(lint(text, select=["typo", "unused-suppression"])) == [("typo", 2, "RVIM")]


# -- Markdown ---------------------------------------------------------------------------------------------


def test_markdown_ignore_and_block(lint):
    text = ("# Brief\n\n"
            "<!-- letterlint: ignore typo -->\n"
            "Het RVIM adviseert,\nen het RVIM meet.\n\n"
            "Het RVIM buiten.\n\n"
            "<!-- letterlint: disable typo, bookmark-artefact -->\n\n"
            "Het RVIM []{#_Hlk123} [bookmark: _GoBack]binnen.\n\n"
            "<!-- letterlint: enable typo, bookmark-artefact -->\n\n"
            "Het RVIM na het blok.\n")
    assert found(lint(text, "brief.md", select=RULES)) == [("typo", 7, "RVIM"), ("typo", 15, "RVIM")]


def test_markdown_ignore_before_a_footnote_definition(lint):
    text = "Tekst[^1] met RVIM.\n\n<!-- letterlint: ignore typo -->\n[^1]: Bron: het RVIM.\n"
    assert found(lint(text, "brief.md", select=RULES)) == [("typo", 1, "RVIM")]


# -- unused suppressions ----------------------------------------------------------------------------------


def test_unused_suppressions_are_reported_at_the_directive(lint):
    text = ("<!-- letterlint: ignore typo -->\n"          # 1: nothing to suppress
            "Het RIVM adviseert.\n"
            "<!-- letterlint: ignore typo, bookmark-artefact -->\n"  # 3: typo used, bookmark-artefact not
            "Het RVIM adviseert.\n"
            "<!-- letterlint: ignore tyop -->\n"          # 5: unknown rule
            "Schoon.\n"
            "<!-- letterlint: negeer typo -->\n"          # 7: unknown instruction
            "<!-- letterlint: enable typo -->\n"          # 8: enable without disable
            "<!-- letterlint: ignore -->\n"               # 9: no rule
            "<!-- gewoon commentaar -->\n"                # 10: not for letterlint
            "Schoon.\n")
    findings = lint(text, select=RULES)
    unused = {f.location.line: f for f in findings if f.rule == "unused-suppression"}
    assert sorted(unused) == [1, 3, 5, 7, 8, 9]
    assert all(f.severity == "info" for f in unused.values())
    assert unused[1].location.text == "<!-- letterlint: ignore typo -->"
    assert unused[1].message.nl.endswith("onderdrukt hier niets (geen bevinding van typo); haal de aanwijzing weg")
    assert unused[1].message.en.endswith("suppresses nothing here (no typo finding); remove it")
    assert unused[1].suggestion.nl == "verwijder deze regel"
    assert "geen bevinding van bookmark-artefact" in unused[3].message.nl and "haal bookmark-artefact eruit" in unused[3].message.nl
    assert "onbekende regel «tyop»" in unused[5].message.nl and unused[5].suggestion.nl == "typo"
    assert "onbekende opdracht «negeer»" in unused[7].message.nl
    assert "geen «letterlint: disable typo» ervoor" in unused[8].message.nl
    assert "noemt geen regel" in unused[9].message.nl
    assert not [f for f in findings if f.rule == "typo"]


def test_suppression_of_a_rule_that_did_not_run_is_not_reported(lint):
    text = "<!-- letterlint: ignore typo -->\nHet RIVM adviseert.\n"
    assert found(lint(text, select=["bookmark-artefact", "unused-suppression"])) == []
    assert found(lint(text, select=["typo"])) == []  # unused-suppression itself off


def test_unused_suppression_can_be_switched_off(lint):
    text = "<!-- letterlint: ignore typo -->\nHet RIVM adviseert.\n"
    assert found(lint(text, rules_yaml="rules:\n  unused-suppression: false\n")) == []
    assert found(lint(text)) == [("unused-suppression", 1, "<!-- letterlint: ignore typo -->")]


# -- .docx: Word comments ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["suppressions.docx", "suppressions-libreoffice.docx"])
def test_docx_comments_suppress_the_text_they_are_anchored_to(lint, name):
    from letterlint.config import load_config
    from letterlint.readers import read_path
    from letterlint.runner import build_plan, lint_document

    findings, problems = lint_document(read_path(DATA / name), build_plan(load_config(None, search=False), RULES))
    assert not problems
    got = [(f.rule, f.location.paragraph, f.location.text) for f in findings]
    assert got == [
        ("typo", 2, "RVIM"),  # the RVIM outside the commented words
        ("unused-suppression", 4, "De provincie is het bevoegd gezag."),
        ("unused-suppression", 5, "De gemeente verleent de vergunning."),
        ("typo", 6, "RVIM"),  # an ordinary comment suppresses nothing
    ]
    par2 = next(f for f in findings if f.location.paragraph == 2)
    assert par2.location.raw_start > len("Het RIVM meet de uitstoot. Volgens het RVIM")  # the second one
    assert findings[1].message.nl.startswith("«letterlint: ignore typo» onderdrukt hier niets")
    assert findings[1].suggestion.nl == "verwijder deze opmerking"
    assert "onbekende regel «tyop»" in findings[2].message.nl


def test_docx_suppression_from_the_command(tmp_path):
    proc = run_cli("--format", "json", DATA / "suppressions.docx", cwd=tmp_path)
    data = json.loads(proc.stdout)
    rules = [(f["rule"], f["paragraph"]) for f in data["files"][0]["findings"]]
    assert ("typo", 3) not in rules and ("bookmark-artefact", 3) not in rules
    assert ("unused-suppression", 4) in rules and ("typo", 6) in rules
    assert proc.returncode == 1


# -- per-file-ignores -------------------------------------------------------------------------------------


@pytest.fixture
def archive(tmp_path):
    (tmp_path / "archief").mkdir()
    (tmp_path / "archief" / "oud.txt").write_text("Het RVIM adviseerde.\n[bookmark: _GoBack]Einde.\n", encoding="utf-8")
    (tmp_path / "nieuw.txt").write_text("Het RVIM adviseert.\n", encoding="utf-8")
    (tmp_path / "rules.yaml").write_text('per-file-ignores:\n  "archief/*.txt": [typo]\n', encoding="utf-8")
    return tmp_path


def _rules_per_file(proc):
    data = json.loads(proc.stdout)
    return {Path(os.path.normpath(entry["path"])).as_posix(): sorted({f["rule"] for f in entry["findings"]})
            for entry in data["files"]}


def test_per_file_ignores_match_from_anywhere(archive):
    expected = {"archief/oud.txt": ["bookmark-artefact"], "nieuw.txt": ["typo"]}
    assert _rules_per_file(run_cli("--format", "json", ".", cwd=archive)) == expected
    assert _rules_per_file(run_cli("--format", "json", "archief/oud.txt", "nieuw.txt", cwd=archive)) == expected
    # from another folder, with the configuration named: globs are relative to the configuration's folder
    elsewhere = run_cli("--config", archive / "rules.yaml", "--format", "json", archive / "archief" / "oud.txt",
                        cwd=archive.parent)
    assert _rules_per_file(elsewhere) == {(archive / "archief" / "oud.txt").as_posix(): ["bookmark-artefact"]}
    inside = run_cli("--format", "json", "oud.txt", cwd=archive / "archief")  # rules.yaml found upward
    assert _rules_per_file(inside) == {"oud.txt": ["bookmark-artefact"]}


def test_per_file_ignores_all_and_unknown_rule(archive):
    (archive / "rules.yaml").write_text('per-file-ignores:\n  "archief/*": [all]\n', encoding="utf-8")
    proc = run_cli("--format", "json", ".", cwd=archive)
    assert _rules_per_file(proc) == {"archief/oud.txt": [], "nieuw.txt": ["typo"]}
    (archive / "rules.yaml").write_text('per-file-ignores:\n  "archief/*": [tyop]\n', encoding="utf-8")
    bad = run_cli(".", cwd=archive)
    assert bad.returncode == 2
    assert "per-file-ignores 'archief/*': unknown rule 'tyop' (did you mean typo?)" in bad.stderr.decode()

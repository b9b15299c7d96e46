"""Baselines, as a ministry adopts the CI gate on an archive: --write-baseline records today's findings,
--baseline reports only new ones, and edits elsewhere in a file do not bring the old ones back."""

import json
import shutil
import zipfile

import pytest
from conftest import DATA, EXAMPLE, run_cli

BASELINE = ".letterlint-baseline.json"


@pytest.fixture
def archive(tmp_path):
    (tmp_path / "brieven").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "brieven" / "concept.txt")
    shutil.copy(DATA / "small-features.docx", tmp_path / "brieven" / "kort.docx")
    (tmp_path / "brieven" / "notitie.md").write_text("# Notitie\n\nHet RVIM adviseert.\n\nHet RVIM adviseert.\n",
                                                   encoding="utf-8")
    return tmp_path


def findings(proc):
    data = json.loads(proc.stdout)
    return [(e["path"].split("/")[-1], f["rule"], f["text"]) for e in data["files"] for f in e["findings"]]


def test_write_then_use_a_baseline(archive):
    before = findings(run_cli("--format", "json", "brieven", cwd=archive))
    assert len(before) > 100

    made = run_cli("--write-baseline", BASELINE, "brieven", cwd=archive)
    assert made.returncode == 0, made.stderr.decode()
    assert f"Baseline {BASELINE} geschreven: {len(before)} bevindingen in 3 bestanden vastgelegd" in made.stdout.decode()
    data = json.loads((archive / BASELINE).read_text(encoding="utf-8"))
    assert data["letterlint-baseline"] == 1
    assert sorted(data["files"]) == ["brieven/concept.txt", "brieven/kort.docx", "brieven/notitie.md"]
    rvim = [e for e in data["files"]["brieven/concept.txt"] if e["text"] == "RVIM"]
    assert rvim == [{"rule": "typo", "text": "RVIM", "context": rvim[0]["context"], "count": 1}]
    line = next(x for x in EXAMPLE.read_text(encoding="utf-8").split("\n") if "RVIM" in x)
    context = rvim[0]["context"]  # the offending text with up to 30 characters either side
    assert context in " ".join(line.split()) and 50 <= len(context) <= 64 and "RVIM" in context
    assert data["files"]["brieven/notitie.md"] == [
        {"rule": "typo", "text": "RVIM", "context": "Het RVIM adviseert.", "count": 2}]
    entries = [e for items in data["files"].values() for e in items]
    assert all(set(e) == {"rule", "text", "context", "count"} for e in entries)  # never by position

    used = run_cli("--baseline", BASELINE, "brieven", cwd=archive)
    assert used.returncode == 0, used.stdout.decode()
    assert "Geen bevindingen in 3 bestanden." in used.stdout.decode()
    assert f"{len(before)} bekende bevindingen uit {BASELINE} niet getoond" in used.stderr.decode()


def test_edits_elsewhere_keep_old_findings_suppressed_and_new_ones_are_reported(archive):
    assert run_cli("--write-baseline", BASELINE, "brieven", cwd=archive).returncode == 0
    draft = archive / "brieven" / "concept.txt"
    lines = draft.read_text(encoding="utf-8").split("\n")
    rvim_line = next(i for i, line in enumerate(lines) if "RVIM" in line)
    # edits elsewhere: new lines at the top (every line number shifts), a rewritten paragraph far away,
    # and one new defect
    lines[rvim_line - 20] = "Deze alinea is helemaal herschreven door de directie."
    lines[rvim_line + 5] += " Het bevoegd bezag beslist."
    lines = ["Nieuwe eerste regel.", "", "Nog een nieuwe regel."] + lines
    draft.write_text("\n".join(lines), encoding="utf-8")
    # the Markdown note gets a third copy of a recorded finding: the copy is new
    note = archive / "brieven" / "notitie.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nHet RVIM adviseert.\n", encoding="utf-8")
    # the .docx gets a new first paragraph: every paragraph number shifts
    _prepend_docx_paragraph(archive / "brieven" / "kort.docx", "Nieuwe alinea vooraan.")

    proc = run_cli("--baseline", BASELINE, "--format", "json", "brieven", cwd=archive)
    assert proc.returncode == 1
    assert findings(proc) == [("concept.txt", "typo", "bevoegd bezag"), ("notitie.md", "typo", "RVIM")]
    text = run_cli("--baseline", BASELINE, "brieven", cwd=archive)
    out = text.stdout.decode()
    assert f"brieven/concept.txt:{rvim_line + 5 + 4}:" in out and "«bevoegd bezag»" in out
    assert "2 bevindingen in 3 bestanden" in out


def test_an_edit_at_the_finding_makes_it_new_and_the_old_entry_stale(archive):
    assert run_cli("--write-baseline", BASELINE, "brieven/notitie.md", cwd=archive).returncode == 0
    note = archive / "brieven" / "notitie.md"
    note.write_text("# Notitie\n\nVolgens het RVIM klopt het.\n\nHet RVIM adviseert.\n", encoding="utf-8")
    proc = run_cli("--baseline", BASELINE, "--format", "json", "brieven/notitie.md", cwd=archive)
    assert findings(proc) == [("notitie.md", "typo", "RVIM")]
    assert json.loads(proc.stdout)["files"][0]["findings"][0]["line"] == 3
    assert "1 vastgelegde bevinding komt niet meer voor" in proc.stderr.decode()


def test_the_baseline_is_relative_to_its_own_folder(archive):
    assert run_cli("--write-baseline", BASELINE, "brieven", cwd=archive).returncode == 0
    inside = run_cli("--baseline", f"../{BASELINE}", ".", cwd=archive / "brieven")
    assert inside.returncode == 0 and "Geen bevindingen" in inside.stdout.decode()


def test_rewriting_keeps_entries_of_files_not_linted(archive):
    assert run_cli("--write-baseline", BASELINE, "brieven", cwd=archive).returncode == 0
    (archive / "brieven" / "notitie.md").write_text("# Notitie\n\nSchoon.\n", encoding="utf-8")
    assert run_cli("--write-baseline", BASELINE, "brieven/notitie.md", cwd=archive).returncode == 0
    data = json.loads((archive / BASELINE).read_text(encoding="utf-8"))
    assert sorted(data["files"]) == ["brieven/concept.txt", "brieven/kort.docx"]  # notitie.md is clean now


def test_baseline_errors(archive):
    missing = run_cli("--baseline", "nergens.json", "brieven", cwd=archive)
    assert missing.returncode == 2
    assert "nergens.json: baseline niet gevonden (maak er een met --write-baseline nergens.json)" in missing.stderr.decode()
    (archive / "kapot.json").write_text('{"files": []}', encoding="utf-8")
    broken = run_cli("--baseline", "kapot.json", "brieven", cwd=archive)
    assert broken.returncode == 2 and "kapot.json: geen letterlint-baseline" in broken.stderr.decode()
    (archive / "kapot.json").write_text('{"files": ', encoding="utf-8")
    broken = run_cli("--baseline", "kapot.json", "--lang", "en", "brieven", cwd=archive)
    assert "kapot.json: not a letterlint baseline (not valid JSON at line 1, column 11)" in broken.stderr.decode()
    both = run_cli("--baseline", "a.json", "--write-baseline", "b.json", "brieven", cwd=archive)
    assert both.returncode == 2 and "--write-baseline gaat niet samen met --baseline" in both.stderr.decode()


def _prepend_docx_paragraph(path, text):
    with zipfile.ZipFile(path) as z:
        parts = {info: z.read(info.filename) for info in z.infolist()}
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts.items():
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                i = xml.index("<w:body>") + len("<w:body>")
                data = (xml[:i] + f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" + xml[i:]).encode("utf-8")
            z.writestr(info, data)
    out.replace(path)

"""The installed command, used as writers and CI use it."""

import io
import json
import zipfile

import pytest
from conftest import CORPUS, DATA, EXAMPLE, needs_shared, run_cli

JSON_KEYS = {"rule", "severity", "message", "line", "column", "end_line", "end_column", "paragraph", "heading",
             "text", "suggestion", "fixable", "related", "section", "shown_paragraph", "cell", "quote", "note"}


def test_example_draft_prints_findings_and_exits_1(tmp_path):
    proc = run_cli(EXAMPLE, cwd=tmp_path)  # from another directory: the embedded default configuration
    out = proc.stdout.decode()
    assert proc.returncode == 1, proc.stderr.decode()
    assert f"{EXAMPLE}:233:302: waarschuwing [typo] «RVIM» is een bekende schrijffout; schrijf «RIVM» → RIVM" in out
    assert "[bookmark-artefact]" in out
    assert proc.stderr.decode() == ""


def test_json_has_exactly_the_documented_shape(tmp_path):
    proc = run_cli("--format", "json", EXAMPLE, DATA / "small-features.docx", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert set(data) == {"version", "files", "summary"}
    assert set(data["summary"]) == {"files", "findings", "errors", "rules"}
    assert data["summary"]["files"] == 2
    for entry in data["files"]:
        assert set(entry) == {"path", "error", "findings"} and entry["error"] is None
        for f in entry["findings"]:
            assert set(f) == JSON_KEYS
            assert f["severity"] in ("error", "warning", "info")
            assert isinstance(f["paragraph"], int) and f["paragraph"] >= 1
    text_file, docx_file = data["files"]
    rvim = next(f for f in text_file["findings"] if f["text"] == "RVIM")
    assert (rvim["line"], rvim["column"], rvim["end_line"], rvim["end_column"]) == (233, 302, 233, 305)
    assert rvim["suggestion"] == "RIVM" and rvim["paragraph"] == 233
    source_line = EXAMPLE.read_text(encoding="utf-8").split("\n")[232]
    for f in text_file["findings"]:  # `text` is the offending text exactly as in the source
        if f["line"] == f["end_line"] == 233:
            assert source_line[f["column"] - 1 : f["end_column"]] == f["text"]
    broken = [f for f in docx_file["findings"] if f["severity"] == "error"]
    assert {f["text"] for f in broken} == {"Fout! Verwijzingsbron niet gevonden.", "Fout! Bladwijzer niet gedefinieerd."}
    assert all(f["line"] is None and f["heading"] for f in docx_file["findings"])
    assert data["summary"]["errors"] == sum(f["severity"] == "error" for e in data["files"] for f in e["findings"])
    # the draft's closing request gets no answer
    assert any(f["rule"] == "unanswered-question" and f["line"] == 770 for f in text_file["findings"])


def test_docx_text_output_names_paragraph_and_heading(tmp_path):
    out = run_cli(DATA / "small-features.docx", cwd=tmp_path).stdout.decode()
    # the paragraph counted as in Word (non-empty body paragraphs), a quote to search for, the party heading
    assert ("small-features.docx alinea 5 «De leden van de VVD-fractie vragen…» (Vragen en opmerkingen van de "
            "leden van de VVD-fractie): waarschuwing [typo]") in out


def test_select_ignore_and_fail_on(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM adviseert.\n[bookmark: _GoBack]Einde.\n", encoding="utf-8")
    only = run_cli("--select", "typo", "--format", "json", "brief.txt", cwd=tmp_path)
    assert {f["rule"] for f in json.loads(only.stdout)["files"][0]["findings"]} == {"typo"}
    ignored = run_cli("--ignore", "typo,bookmark-artefact", "brief.txt", cwd=tmp_path)
    assert ignored.returncode == 0
    assert run_cli("--fail-on", "error", "brief.txt", cwd=tmp_path).returncode == 0  # warnings only
    assert run_cli("--fail-on", "warning", "brief.txt", cwd=tmp_path).returncode == 1
    bad = run_cli("--select", "nosuchrule", "brief.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "nosuchrule" in bad.stderr.decode()


def test_fail_on_info(tmp_path):
    proc = run_cli("--fail-on", "info", "--select", "bookmark-artefact", DATA / "small-features.docx", cwd=tmp_path)
    assert proc.returncode == 1


def test_clean_file_exits_0(tmp_path):
    (tmp_path / "brief.md").write_text("# Brief\n\nHet RIVM adviseert het bevoegd gezag.\n", encoding="utf-8")
    proc = run_cli("brief.md", cwd=tmp_path)
    assert proc.returncode == 0 and "Geen bevindingen" in proc.stdout.decode()


def test_english_messages(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM adviseert.\n", encoding="utf-8")
    out = run_cli("--lang", "en", "brief.txt", cwd=tmp_path).stdout.decode()
    assert "«RVIM» is a known misspelling; write «RIVM» → RIVM" in out and "1 finding in 1 file" in out


def test_stdin_with_a_filename(tmp_path):
    proc = run_cli("-", "--stdin-filename", "brief.md", stdin=b"# Brief\n\nDe staatsecretaris schrijft.\n",
                   cwd=tmp_path)
    assert proc.returncode == 1
    assert "brief.md:3:4: waarschuwing [typo]" in proc.stdout.decode()


def test_folder_is_searched_and_lock_files_skipped(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "brief.txt").write_text("Het RVIM.\n", encoding="utf-8")
    (tmp_path / "a" / "notities.csv").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "~$brief.docx").write_bytes(b"\x00" * 162)
    proc = run_cli("--format", "json", "a", cwd=tmp_path)
    assert [f["path"] for f in json.loads(proc.stdout)["files"]] == ["a/brief.txt"]
    lock = run_cli("a/~$brief.docx", "a/brief.txt", cwd=tmp_path)
    assert "lock file" in lock.stderr.decode() or "vergrendelbestand" in lock.stderr.decode()
    assert lock.returncode == 1


def _corrupt_docx():
    data = (DATA / "small-features.docx").read_bytes()
    return data[: len(data) // 3]


@pytest.mark.parametrize("name,content,needle", [
    ("kapot.docx", _corrupt_docx(), "beschadigd"),
    ("leeg.txt", b"", "leeg"),
    ("binair.txt", bytes(range(256)) * 8, "binair"),
    ("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + b"\x00" * 64, ".doc"),
    ("geheim.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64, "wachtwoord"),
    ("plaatje.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, ".png"),
])
def test_bad_input_is_one_line_exit_2_and_the_others_are_still_checked(tmp_path, name, content, needle):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "goed.txt").write_text("Het RVIM adviseert.\n", encoding="utf-8")
    proc = run_cli(name, "goed.txt", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert err.count("\n") == 1 and err.startswith(f"letterlint: {name}: ") and needle in err, err
    assert "goed.txt:1:5: waarschuwing [typo]" in proc.stdout.decode()


def test_missing_path_and_directory(tmp_path):
    proc = run_cli("bestaat-niet.docx", cwd=tmp_path)
    assert proc.returncode == 2 and "bestaat-niet.docx: bestand niet gevonden" in proc.stderr.decode()
    assert run_cli(cwd=tmp_path).returncode == 2


def test_unreadable_file(tmp_path):
    import os

    path = tmp_path / "geheim.txt"
    path.write_text("tekst", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything (root)")
        proc = run_cli("geheim.txt", cwd=tmp_path)
        assert proc.returncode == 2 and "leesrechten" in proc.stderr.decode()
    finally:
        path.chmod(0o644)


def test_input_file_is_never_modified(tmp_path):
    docx = tmp_path / "brief.docx"
    docx.write_bytes((DATA / "small-features.docx").read_bytes())
    before = docx.read_bytes(), docx.stat().st_mtime_ns
    run_cli(docx, cwd=tmp_path)
    assert (docx.read_bytes(), docx.stat().st_mtime_ns) == before


def test_zip_bomb_via_cli(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<x>" + b"\x20" * (20 * 1024 * 1024) + b"</x>")
    (tmp_path / "bom.docx").write_bytes(buf.getvalue())
    proc = run_cli("bom.docx", cwd=tmp_path)
    assert proc.returncode == 2 and "zip-bom" in proc.stderr.decode()


def test_rules_and_explain(tmp_path):
    listing = run_cli("rules", cwd=tmp_path).stdout.decode()
    assert any(line.startswith("bookmark-artefact") and "waarschuwing" in line for line in listing.splitlines())
    english = run_cli("rules", "--lang", "en", cwd=tmp_path).stdout.decode()
    assert any(line.startswith("bookmark-artefact") and "warning" in line for line in english.splitlines())
    assert any(line.startswith("typo") for line in listing.splitlines())
    explained = run_cli("explain", "typo", cwd=tmp_path)
    text = explained.stdout.decode()
    assert explained.returncode == 0 and "Fout::" in text and "Goed::" in text and "RVIM" in text
    unknown = run_cli("explain", "tpyo", cwd=tmp_path)
    assert unknown.returncode == 2 and "onbekende regel 'tpyo' (bedoelt u typo?)" in unknown.stderr.decode()


@needs_shared
def test_corpus_docx_from_the_command_line(tmp_path):
    files = sorted((CORPUS / "docx").glob("*.docx"))
    proc = run_cli("--format", "json", *files, cwd=tmp_path)
    data = json.loads(proc.stdout)
    errors = {e["path"].rsplit("/", 1)[-1] for e in data["files"] if e["error"]}
    assert errors == {"msoffcrypto-example_password.docx", "msoffcrypto-ecma376standard_password.docx"}
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode()
    assert len(data["files"]) == len(files)


def test_unreadable_paths_even_as_root(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM.\n", encoding="utf-8")
    (tmp_path / "kapotte-link.docx").symlink_to(tmp_path / "weg.docx")
    proc = run_cli("brief.txt/onder.txt", "kapotte-link.docx", "brief.txt", cwd=tmp_path)
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(lines) == 2
    assert lines[0].startswith("letterlint: brief.txt/onder.txt: kan het bestand niet lezen")
    assert lines[1] == "letterlint: kapotte-link.docx: bestand niet gevonden"
    assert "brief.txt:1:5:" in proc.stdout.decode()


def test_colour_only_when_asked_or_on_a_terminal(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM.\n", encoding="utf-8")
    plain = run_cli("brief.txt", cwd=tmp_path).stdout.decode()
    assert "\033[" not in plain  # a pipe is not a terminal
    coloured = run_cli("--color", "always", "brief.txt", cwd=tmp_path).stdout.decode()
    assert "\033[33mwaarschuwing\033[0m" in coloured


@pytest.mark.parametrize("argv", [("--lang", "en", "rules"), ("--isolated", "rules"), ("--config", "none.yaml",
                                   "--isolated", "rules"), ("--lang", "en", "explain", "typo")])
def test_a_subcommand_after_global_options_runs_the_subcommand(tmp_path, argv):
    (tmp_path / "rules").write_text("Een bestand dat rules heet.\n")  # the command wins; ./rules lints the file
    proc = run_cli(*argv, cwd=tmp_path)
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()
    assert ("typo" in out) and "not found" not in proc.stderr.decode()
    if argv[:2] == ("--lang", "en"):
        assert "warning" in out
    assert run_cli("./rules", cwd=tmp_path).returncode in (0, 1)


@pytest.mark.parametrize("option", ["--report", "-o"])
def test_an_unwritable_report_names_the_file_asked_for(tmp_path, option):
    (tmp_path / "a.txt").write_text("Hallo.\n")
    target = tmp_path / "missing" / "r.html"
    proc = run_cli(option, str(target), "a.txt", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and f"{target}:" in err
    assert ".tmp" not in err and ".r.html." not in err


def test_a_folder_without_letters_says_so_on_stderr(tmp_path):
    (tmp_path / "leeg" / "sub").mkdir(parents=True)
    (tmp_path / "leeg" / "sub" / "plaatje.png").write_bytes(b"\x89PNG")
    (tmp_path / "brieven").mkdir()
    (tmp_path / "brieven" / "a.txt").write_text("Hallo.\n")
    proc = run_cli("leeg", "brieven", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 0 and "leeg: geen brieven gevonden (.docx, .txt, .md) in deze map" in err
    assert "brieven:" not in err
    english = run_cli("--lang", "en", "leeg", cwd=tmp_path)
    assert english.returncode == 0 and "leeg: no letters found" in english.stderr.decode()
    assert run_cli("-q", "leeg", cwd=tmp_path).stderr == b""

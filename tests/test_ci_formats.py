"""CI gates: --format sarif (validated against the official SARIF 2.1.0 schema) and --format github
(workflow commands that GitHub Actions turns into annotations)."""

import json
import shutil

import pytest
from conftest import CORPUS, DATA, EXAMPLE, SHARED, needs_shared, run_cli

from letterlint.findings import Finding, Fix, Msg, Related
from letterlint.model import Location
from letterlint.registry import builtin_rules
from letterlint.reporters import FORMATS, github, sarif
from letterlint.runner import FileResult

SCHEMA = SHARED / "reference" / "sarif-schema-2.1.0.json"
needs_schema = pytest.mark.skipif(not SCHEMA.is_file(), reason="../shared/reference/sarif-schema-2.1.0.json is absent")
RVIM = "«RVIM» is een bekende schrijffout; schrijf «RIVM» → RIVM"


def validate(data):
    from jsonschema import Draft4Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.fixture
def letters(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "concept.txt")
    shutil.copy(DATA / "small-features.docx", tmp_path / "kort.docx")
    (tmp_path / "notitie met spatie.md").write_text("# Notitie\n\nHet bevoegd\nbezag beslist.\n", encoding="utf-8")
    (tmp_path / "kapot.docx").write_bytes(b"PK\x03\x04 geen zip")
    return tmp_path


def sarif_of(letters, *args):
    proc = run_cli("--format", "sarif", *args, "concept.txt", "kort.docx", "notitie met spatie.md", "kapot.docx",
                   cwd=letters)
    assert proc.returncode == 2  # kapot.docx cannot be read
    return json.loads(proc.stdout)


# -- SARIF ------------------------------------------------------------------------------------------------


@needs_schema
def test_sarif_is_valid_against_the_official_schema(letters):
    validate(sarif_of(letters))
    validate(sarif_of(letters, "--lang", "en"))


def test_sarif_rules_carry_their_documentation(letters):
    run = sarif_of(letters)["runs"][0]
    assert run["tool"]["driver"]["name"] == "letterlint"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {"typo", "bookmark-artefact", "unused-suppression"} <= set(rules)
    typo = builtin_rules()["typo"]
    assert rules["typo"]["shortDescription"]["text"] == typo.summary("nl")
    # Dutch texts in a Dutch run, the documentation too; English with --lang en
    shown_nl = typo.doc_in("nl")[0]  # DOC_NL and the examples
    assert rules["typo"]["help"]["text"] == shown_nl and "Fout::" in shown_nl
    assert rules["typo"]["fullDescription"]["text"] == " ".join(typo.doc_nl.split("\n\n")[0].split())
    assert rules["typo"]["defaultConfiguration"] == {"level": "warning"}
    assert rules["unused-suppression"]["defaultConfiguration"] == {"level": "note"}
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    en = {r["id"]: r for r in sarif_of(letters, "--lang", "en")["runs"][0]["tool"]["driver"]["rules"]}
    assert en["typo"]["shortDescription"]["text"] == typo.summary("en")
    assert en["typo"]["help"]["text"] == typo.doc and "Bad::" in typo.doc
    assert en["typo"]["help"]["text"] == typo.doc
    assert en["typo"]["fullDescription"]["text"] == " ".join(typo.doc.split("\n\n")[0].split())


def test_sarif_text_results_have_regions(letters):
    run = sarif_of(letters)["runs"][0]
    rvim = next(r for r in run["results"] if r["locations"][0]["physicalLocation"].get("region", {})
                .get("snippet", {}).get("text") == "RVIM")
    assert rvim["ruleId"] == "typo" and rvim["level"] == "warning" and rvim["message"]["text"] == RVIM
    loc = rvim["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "concept.txt" and loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    # SARIF's endColumn is one past the last character
    assert loc["region"] == {"startLine": 233, "startColumn": 302, "endLine": 233, "endColumn": 306,
                             "snippet": {"text": "RVIM"}}
    assert run["artifacts"][loc["artifactLocation"]["index"]]["location"]["uri"] == "concept.txt"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == letters.as_uri() + "/"
    assert len(rvim["partialFingerprints"]["letterlint/v1"]) == 32
    # a finding over a soft line break in Markdown; the file name is percent-encoded
    wrapped = next(r for r in run["results"]
                   if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notitie%20met%20spatie.md")
    assert wrapped["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 5, "endLine": 4, "endColumn": 6, "snippet": {"text": "bevoegd\nbezag"}}


def test_sarif_docx_results_name_paragraph_and_heading(letters):
    run = sarif_of(letters)["runs"][0]
    docx = [r for r in run["results"]
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "kort.docx"]
    assert len(docx) == 5  # the two hidden bookmarks are one finding
    typo = next(r for r in docx if r["ruleId"] == "typo")
    loc = typo["locations"][0]
    # a Word file has no lines; GitHub needs a startLine: the paragraph as counted for writers, explained
    assert loc["physicalLocation"]["region"] == {"startLine": 5}
    heading = "Vragen en opmerkingen van de leden van de VVD-fractie"
    assert loc["logicalLocations"] == [{"name": "alinea 5", "kind": "element",
                                        "fullyQualifiedName": f"{heading} › alinea 5"}]
    assert loc["properties"] == {"paragraph": 5, "shownParagraph": 5, "heading": heading, "section": heading,
                                 "quote": "De leden van de VVD-fractie vragen", "text": "RVIM"}
    assert typo["message"]["text"] == (
        f"alinea 5 «De leden van de VVD-fractie vragen…» ({heading}) [regel 5 = alinea 5 van het Word-bestand, "
        f"lege alinea's en tabellen niet meegeteld]: {RVIM}")
    broken = [r for r in docx if r["level"] == "error"]
    assert {r["locations"][0]["properties"]["text"] for r in broken} == {
        "Fout! Verwijzingsbron niet gevonden.", "Fout! Bladwijzer niet gedefinieerd."}


def test_sarif_unreadable_files_are_notifications(letters):
    invocation = sarif_of(letters)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "kapot.docx"


def _synthetic():
    here = Location(paragraph=3, heading="Antwoorden", text="RVIM", line=3, column=5, end_line=3, end_column=8,
                    raw_start=20, raw_end=24)
    there = Location(paragraph=1, heading=None, text="RIVM", line=1, column=5, end_line=1, end_column=8,
                     raw_start=4, raw_end=8)
    in_word = Location(paragraph=7, heading="Vraag 2", text="bezag", part="footnote", note="2", xml=("word/footnotes.xml", 3))
    f1 = Finding(here, Msg("100% fout,\necht: «RVIM»", "100% wrong"), suggestion="RIVM", fix=Fix("RIVM"),
                 related=(Related(there, Msg("eerder goed gespeld", "spelled right before")),
                          Related(in_word, Msg("ook hier", "here too"), path="andere brief.docx")),
                 rule="typo", severity="warning", context="het RVIM meet")
    f2 = Finding(in_word, Msg("bezag", "bezag"), rule="typo", severity="info", context="bevoegd bezag")
    return [FileResult(path="map/brief, versie 2: def.txt", findings=[f1]), FileResult(path="b.docx", findings=[f2])]


@needs_schema
def test_sarif_related_locations_and_fixes():
    data = sarif.build(_synthetic(), lang="nl")
    validate(data)
    result = data["runs"][0]["results"][0]
    first, second = result["relatedLocations"]
    assert first["id"] == 1 and first["message"]["text"] == "eerder goed gespeld"
    assert first["physicalLocation"]["region"]["startLine"] == 1
    assert second["physicalLocation"]["artifactLocation"]["uri"] == "andere%20brief.docx"
    assert second["logicalLocations"][0]["name"] == "voetnoot 2 (bij alinea 7)"
    (fix,) = result["fixes"]
    assert fix["artifactChanges"][0]["replacements"] == [{
        "deletedRegion": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9},
        "insertedContent": {"text": "RIVM"}}]
    assert data["runs"][0]["results"][1]["level"] == "note"


def test_sarif_makes_a_files_uri_once_not_per_finding(monkeypatch, tmp_path):
    """A result names its file in its location and its fix: the URI is made once per file."""
    made = []
    real = sarif.quote
    monkeypatch.setattr(sarif, "quote", lambda *a, **k: made.append(a) or real(*a, **k))
    sarif._uri.cache_clear()
    loc = Location(paragraph=1, heading=None, text="RIVM", line=1, column=1, end_line=1, end_column=4,
                   raw_start=0, raw_end=4)
    findings = [Finding(loc, Msg("fout", "wrong"), rule="typo", severity="warning", fix=Fix("RIVM")) for _ in range(40)]
    one = sarif.build([FileResult(path="map/brief.txt", findings=findings)], lang="nl")
    assert len(made) == 1
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in one["runs"][0]["results"]} == {
        "map/brief.txt"}
    absolute = sarif.artifact_location(str(tmp_path / "a b.txt"))
    assert absolute == {"uri": (tmp_path / "a b.txt").as_uri()} and "uriBaseId" not in absolute
    absolute["index"] = 3  # a caller may add to what it gets: the next caller gets a fresh dict
    assert sarif.artifact_location(str(tmp_path / "a b.txt")) == {"uri": (tmp_path / "a b.txt").as_uri()}


def test_sarif_fingerprints_survive_edits_elsewhere(letters):
    def prints():
        run = json.loads(run_cli("--format", "sarif", "concept.txt", cwd=letters).stdout)["runs"][0]
        return {r["partialFingerprints"]["letterlint/v1"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
                for r in run["results"]}

    before = prints()
    draft = letters / "concept.txt"
    draft.write_text("Een nieuwe eerste regel.\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    after = prints()
    assert set(after) == set(before)
    assert all(after[k] == before[k] + 1 for k in before)


@needs_shared
@needs_schema
def test_sarif_on_the_whole_corpus_is_valid(tmp_path):
    proc = run_cli("--format", "sarif", "-j", "2", CORPUS, cwd=tmp_path)
    data = json.loads(proc.stdout)
    validate(data)
    assert len(data["runs"][0]["results"]) > 50


# -- GitHub workflow commands -----------------------------------------------------------------------------


def test_github_annotations(letters):
    proc = run_cli("--format", "github", "concept.txt", "kort.docx", "notitie met spatie.md", "kapot.docx",
                   cwd=letters)
    lines = proc.stdout.decode().splitlines()
    typos = run_cli("--format", "github", "--select", "typo", "concept.txt", cwd=letters).stdout.decode().splitlines()
    assert f"::warning file=concept.txt,line=233,col=302,endLine=233,endColumn=305,title=letterlint typo::{RVIM}" in typos
    heading = "Vragen en opmerkingen van de leden van de VVD-fractie"
    typos = run_cli("--format", "github", "--select", "typo", "kort.docx", cwd=letters).stdout.decode().splitlines()
    assert (f"::warning file=kort.docx,line=5,title=letterlint typo::alinea 5 «De leden van de VVD-fractie "
            f"vragen…» ({heading}): {RVIM}") in typos
    assert any(line.startswith("::error file=kort.docx,line=8,title=letterlint bookmark-artefact::alinea 8")
               for line in lines)
    # GitHub shows 10 annotations per severity and step: errors first, then warnings, then one notice for the rest
    kinds = [line.split(" ", 1)[0] for line in lines if line.startswith("::") and not line.startswith("::group")
             and not line.startswith("::endgroup")]
    assert kinds == sorted(kinds, key=["::error", "::warning", "::notice"].index)
    assert kinds.count("::error") <= 10 and kinds.count("::warning") == 10 and kinds.count("::notice") <= 10
    more = next(line for line in lines if line.startswith("::notice title=letterlint::Nog "))
    n_more = int(more.split("Nog ")[1].split()[0])
    start = lines.index(next(line for line in lines if line.startswith("::group::")))
    assert lines.index("::endgroup::") - start - 1 == n_more  # the rest, as plain log lines
    total = int(lines[-1].split()[0])
    assert len([k for k in kinds if k != "::error" or True]) - 1 - 1 + n_more == total  # -1 file error, -1 "more"
    # over two lines: no columns (GitHub takes them only on one line)
    md = run_cli("--format", "github", "notitie met spatie.md", cwd=letters).stdout.decode().splitlines()
    assert ("::warning file=notitie met spatie.md,line=3,endLine=4,title=letterlint typo::"
            "«bevoegd%0Abezag» is een bekende schrijffout; schrijf «bevoegd gezag» → bevoegd gezag") in md
    assert any(line.startswith("::error file=kapot.docx,title=letterlint::") for line in lines)
    assert lines[-1].startswith("1") and "bevindingen in 3 bestanden" in lines[-1]
    assert proc.returncode == 2


def test_github_escaping():
    assert github.escape_data("100%\r\nklaar") == "100%25%0D%0Aklaar"
    assert github.escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    lines = []

    class Out:
        def write(self, s):
            lines.extend(s.splitlines())

    FORMATS["github"](_synthetic(), Out(), lang="nl")
    assert lines[0] == ("::warning file=map/brief%2C versie 2%3A def.txt,line=3,col=5,endLine=3,endColumn=8,"
                        "title=letterlint typo::100%25 fout,%0Aecht: «RVIM» → RIVM")
    assert lines[1] == "::notice file=b.docx,line=7,title=letterlint typo::voetnoot 2 (bij alinea 7) (Vraag 2): bezag"


def test_the_installed_console_script(letters):
    """The `letterlint` command that pip installs, with the workflow flags, as a user types them."""
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("letterlint")
    if not exe.exists():
        pytest.skip("no letterlint console script beside this Python (not installed with pip?)")

    def run(*args):
        return subprocess.run([str(exe), *args], cwd=letters, capture_output=True, text=True, timeout=120,
                              env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})

    assert run("--write-baseline", "baseline.json", "-j", "2", "concept.txt", "kort.docx").returncode == 0
    assert run("--baseline", "baseline.json", "--format", "github", "concept.txt", "kort.docx").returncode == 0
    sarif_out = run("--format", "sarif", "-j", "2", "kort.docx")
    assert sarif_out.returncode == 1 and json.loads(sarif_out.stdout)["version"] == "2.1.0"
    assert "--write-baseline" in run("--help").stdout

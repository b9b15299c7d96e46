"""What a writer and a CI page see: display threshold, ordering, summaries, places in Word, one language,
--output-file/--exit-zero, GitHub's annotation limits and step summary, GitLab Code Quality, JUnit."""

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import DATA, EXAMPLE, run_cli
from ooxml_factory import make_docx

from letterlint.findings import Finding, Msg
from letterlint.model import Location
from letterlint.reporters import FORMATS
from letterlint.runner import FileResult


def p(text: str = "", bold: bool = False) -> str:
    run_props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{run_props}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>' if text else "<w:p/>"


def table(*cells: str) -> str:
    return "<w:tbl><w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in cells) + "</w:tr></w:tbl>"


PARTY = "Vragen en opmerkingen van de leden van de SP-fractie"


@pytest.fixture
def letter(tmp_path):
    """A .docx with empty paragraphs, a party heading that is only bold (no heading style), a table, and one
    paragraph with the same misspelling four times."""
    body = (p("Ons kenmerk: ABC/123") + p() + p(PARTY, bold=True) + p() +
            p("De leden van de SP-fractie vragen waarom het bevoegd bezag dit toestaat?") +
            table("Het bevoegd bezag in een tabel", "Tweede cel") +
            p("Antwoord: Het bevoegd bezag toetst. Het bevoegd bezag weegt. Het bevoegd bezag besluit. "
              "Het bevoegd bezag publiceert."))
    path = tmp_path / "brief.docx"
    path.write_bytes(make_docx(body))
    return path


def findings_json(*args, cwd):
    proc = run_cli("--format", "json", *args, cwd=cwd)
    return json.loads(proc.stdout)["files"][0]["findings"]


# -- places a writer can find ---------------------------------------------------------------------------


def test_docx_places_count_like_word_quote_and_section(letter):
    found = [f for f in findings_json("--select", "typo", letter.name, cwd=letter.parent) if f["rule"] == "typo"]
    first = found[0]
    # the reader counts every w:p (empty ones too): 5; a writer counts the non-empty paragraphs: 3
    assert first["paragraph"] == 5 and first["shown_paragraph"] == 3
    assert first["section"] == PARTY  # a bold paragraph, recognised by the structure analysis
    assert first["quote"] == "De leden van de SP-fractie vragen"
    in_table = found[1]
    assert in_table["cell"] == [1, 1, 1] and in_table["shown_paragraph"] == 3
    text = run_cli("--select", "typo", letter.name, cwd=letter.parent).stdout.decode()
    assert (f"brief.docx alinea 3 «De leden van de SP-fractie vragen…» ({PARTY}): waarschuwing [typo] "
            "«bevoegd bezag»") in text
    assert "brief.docx tabel 1, rij 1, kolom 1 (na alinea 3) «Het bevoegd bezag in een tabel…»" in text
    en = run_cli("--select", "typo", "--lang", "en", letter.name, cwd=letter.parent).stdout.decode()
    assert "brief.docx paragraph 3 «De leden van de SP-fractie vragen…»" in en and ": warning [typo]" in en


def test_numbered_letters_name_the_question(tmp_path):
    body = (p("Vraag 1") + p("Hoe meet het RIVM de uitstoot?") + p("Antwoord 1") + p("Jaarlijks.") +
            p("Vraag 2") + p("Wie is het bevoegd gezag?") + p("Antwoord 2") + p("Het bevoegd bezag is de provincie."))
    (tmp_path / "kv.docx").write_bytes(make_docx(body))
    (f,) = [f for f in findings_json("--select", "typo", "kv.docx", cwd=tmp_path) if f["rule"] == "typo"]
    assert f["section"] == "Antwoord 2" and f["shown_paragraph"] == 8


def test_related_places_in_json(tmp_path):
    (tmp_path / "brief.txt").write_text(
        "De GroenLinks-PvdA-fractie vraagt.\nDe GroenLinks-PvdA-fractie vraagt weer.\n"
        "De GroenLinks-PvdA fractie vraagt ook.\n", encoding="utf-8")
    found = findings_json("--select", "term-consistency", "brief.txt", cwd=tmp_path)
    assert found and found[0]["related"]
    rel = found[0]["related"][0]
    assert set(rel) >= {"line", "column", "paragraph", "message"} and rel["line"] in (1, 2)


# -- severity, ordering, summaries -----------------------------------------------------------------------


def test_text_shows_warnings_and_up_errors_first_and_a_summary_per_rule(tmp_path):
    (tmp_path / "brief.txt").write_text(
        "Het RVIM meet.\nZie Fout! Verwijzingsbron niet gevonden. hier.\n[bookmark: _GoBack]Einde.\n",
        encoding="utf-8")
    out = run_cli("brief.txt", cwd=tmp_path).stdout.decode().splitlines()
    assert out[0].startswith("brief.txt:2:5: fout [bookmark-artefact]")  # the error first, though on line 2
    assert out[1].startswith("brief.txt:1:5: waarschuwing [typo]")
    assert out[2].startswith("brief.txt:3:1: waarschuwing [bookmark-artefact]")
    table = out[out.index("") + 1:]
    assert table[0].split() == ["regel", "ernst", "aantal", "--fix"]
    assert table[1].split() == ["bookmark-artefact", "fout", "1"]
    assert sorted(table[2:4]) == sorted(["bookmark-artefact  waarschuwing       1      1",
                                         "typo               waarschuwing       1      1"])
    assert "2 daarvan kan letterlint --fix herstellen." in table
    only_errors = run_cli("--show", "error", "brief.txt", cwd=tmp_path)
    lines = only_errors.stdout.decode().splitlines()
    assert [line for line in lines if line.startswith("brief.txt")] == [out[0]]
    assert "2 bevindingen onder fout niet getoond (--show info toont alles)." in lines
    assert only_errors.returncode == 1  # --show changes what is shown, not the exit code


def test_statistics_quiet_group_by_rule(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM meet.\n[bookmark: _GoBack]Het RVIM telt.\n", encoding="utf-8")
    stats = run_cli("--statistics", "brief.txt", cwd=tmp_path).stdout.decode().splitlines()
    assert stats[0].split() == ["regel", "ernst", "aantal", "--fix"] and not any("brief.txt:" in s for s in stats)
    assert stats[1].split() == ["typo", "waarschuwing", "2", "2"]
    quiet = run_cli("--quiet", "brief.txt", cwd=tmp_path).stdout.decode().splitlines()
    assert len(quiet) == 3 and all(line.startswith("brief.txt:") for line in quiet)
    grouped = run_cli("--group-by", "rule", "brief.txt", cwd=tmp_path).stdout.decode().splitlines()
    assert grouped[0] == "[typo] 2×" and grouped[1].startswith("brief.txt:1:5:")
    assert grouped[2].startswith("brief.txt:2:") and grouped[3] == ""
    assert grouped[4] == "[bookmark-artefact] 1×"


def test_repeated_findings_in_one_paragraph_are_summarised(letter):
    out = run_cli("--select", "typo", letter.name, cwd=letter.parent).stdout.decode().splitlines()
    answer = [line for line in out if "«Antwoord: Het bevoegd bezag" in line]
    assert len(answer) == 2  # four in the paragraph: two shown, then one line for the rest
    more = out.index("    … en nog 2 × [typo] in deze alinea (--format json toont ze alle)")
    assert out[more - 2:more] == answer
    assert len([f for f in findings_json("--select", "typo", letter.name, cwd=letter.parent)
                if f["quote"].startswith("Antwoord")]) == 4


def test_hidden_bookmarks_are_one_finding_per_document_but_leaked_markers_stay_per_place(tmp_path):
    proc = run_cli("--format", "json", "--select", "bookmark-artefact", DATA / "draft-pandoc.docx", cwd=tmp_path)
    hidden = [f for f in json.loads(proc.stdout)["files"][0]["findings"] if f["severity"] == "info"]
    assert len(hidden) == 1 and hidden[0]["fixable"]
    assert hidden[0]["message"].startswith("188 ongebruikte verborgen bladwijzers (")
    assert hidden[0]["message"].endswith("letterlint --fix verwijdert ze")
    export = run_cli("--format", "json", "--select", "bookmark-artefact", EXAMPLE, cwd=tmp_path)
    leaked = [f for f in json.loads(export.stdout)["files"][0]["findings"] if "Verborgen Word-bladwijzer" in f["message"]]
    assert len(leaked) > 50 and len({f["line"] for f in leaked}) > 50  # one per place in a text export


# -- one language per run -------------------------------------------------------------------------------


def test_one_language_per_run(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM meet.\n", encoding="utf-8")
    nl = run_cli("brief.txt", cwd=tmp_path).stdout.decode()
    assert "waarschuwing [typo]" in nl and "warning" not in nl and "regel" in nl
    en = run_cli("--lang", "en", "brief.txt", cwd=tmp_path).stdout.decode()
    assert "warning [typo]" in en and "waarschuwing" not in en and "fout" not in en
    assert "1 can be repaired with letterlint --fix." in en


def test_option_typos_get_a_suggestion(tmp_path):
    proc = run_cli("--shwo", "error", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "(bedoelt u --show?)".encode() in proc.stderr
    proc = run_cli("--lang", "en", "--shwo", "error", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2 and b"(did you mean --show?)" in proc.stderr


# -- CI ---------------------------------------------------------------------------------------------------


def test_output_file_and_exit_zero(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM meet.\n", encoding="utf-8")
    proc = run_cli("--format", "sarif", "--output-file", "out/letterlint.sarif", "brief.txt", cwd=tmp_path)
    assert proc.returncode == 2 and b"letterlint.sarif" in proc.stderr  # the folder does not exist
    (tmp_path / "out").mkdir()
    proc = run_cli("--format", "sarif", "--output-file", "out/letterlint.sarif", "--exit-zero", "brief.txt",
                   cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == b""
    assert json.loads((tmp_path / "out" / "letterlint.sarif").read_text("utf-8"))["runs"][0]["results"]
    assert run_cli("--exit-zero", "nope.txt", cwd=tmp_path).returncode == 2  # input errors still fail


def _many(n_error: int, n_warning: int, n_info: int):
    def f(sev, i):
        loc = Location(paragraph=i, heading=None, text="x", line=i, column=1, end_line=i, end_column=1)
        return Finding(location=loc, message=Msg(f"m{i}", f"m{i}"), rule="typo", severity=sev)

    findings = [f("info", i) for i in range(n_info)] + [f("warning", i) for i in range(n_warning)] + \
               [f("error", i) for i in range(n_error)]
    return [FileResult(path="a.txt", findings=findings)]


class Lines:
    def __init__(self):
        self.lines = []

    def write(self, s):
        self.lines.extend(s.splitlines())


def test_github_stays_within_the_annotation_limits_and_writes_a_step_summary(tmp_path, monkeypatch):
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    out = Lines()
    FORMATS["github"](_many(12, 15, 30), out, lang="en")
    kinds = [line.split(" ", 1)[0] for line in out.lines if line.startswith(("::error", "::warning", "::notice"))]
    assert kinds == ["::error"] * 10 + ["::warning"] * 10 + ["::notice"] * 10
    assert out.lines[29].startswith("::notice title=letterlint::28 more findings not shown as annotations "
                                    "(2 error, 5 warning, 21 info)")
    group = out.lines.index("::endgroup::") - out.lines.index("::group::letterlint: the other findings (28)") - 1
    assert group == 28
    md = summary_file.read_text("utf-8")
    assert md.startswith("## letterlint\n") and "| `typo` | error | 12 | 0 |" in md and "| a.txt | 12 | 57 |" in md


def test_gitlab_code_quality_report(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM meet.\nHet RVIM meet.\n", encoding="utf-8")
    (tmp_path / "kort.docx").write_bytes((DATA / "small-features.docx").read_bytes())
    proc = run_cli("--format", "gitlab", "brief.txt", "kort.docx", "weg.txt", cwd=tmp_path)
    issues = json.loads(proc.stdout)
    assert proc.returncode == 2 and isinstance(issues, list)
    for i in issues:  # the keys GitLab requires, and nothing absolute
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
        assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert not i["location"]["path"].startswith("/") and i["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # the same text twice: still unique
    docx = next(i for i in issues if i["location"]["path"] == "kort.docx" and i["check_name"] == "typo")
    assert docx["location"]["lines"]["begin"] == 5 and docx["description"].startswith("alinea 5 «")
    assert any(i["check_name"] == "letterlint" and i["severity"] == "blocker" for i in issues)  # weg.txt


def test_junit_report(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM meet.\u000b\n", encoding="utf-8")
    (tmp_path / "goed.txt").write_text("Het RIVM meet.\n", encoding="utf-8")
    proc = run_cli("--format", "junit", "brief.txt", "goed.txt", cwd=tmp_path)
    root = ET.fromstring(proc.stdout)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert suites["brief.txt"].get("failures") == "1" and suites["goed.txt"].get("failures") == "0"
    (failure,) = suites["brief.txt"].iter("failure")
    assert failure.get("type") == "warning" and "RVIM" in failure.get("message")


def test_a_broken_configuration_gives_no_report(tmp_path):
    (tmp_path / "rules.yaml").write_text("rules:\n  typo: {severity: fatal}\n", encoding="utf-8")
    (tmp_path / "brief.txt").write_text("Het RVIM meet.\n", encoding="utf-8")
    proc = run_cli("--format", "sarif", "--output-file", "out.sarif", "brief.txt", cwd=tmp_path)
    assert proc.returncode == 2 and not (tmp_path / "out.sarif").exists()


# -- which text files are letters (--only-letters, the pre-commit hooks) --------------------------------------


@pytest.mark.parametrize("text,letter", [
    ("Geachte voorzitter,\n\nHierbij stuur ik u de antwoorden.\n\nHoogachtend,\n", True),
    ("De leden van de CDA-fractie vragen hoe dit zit.\nAntwoord: Zo zit het.\n", True),
    ("Vraag 1\nHoe zit dit?\nAntwoord 1\nZo.\n\nDE MINISTER VAN FINANCIËN,\n", True),
    ("[bookmark: _GoBack]Zie Kamerstuk 28089, nr. 346.\n", True),
    ("# Brieven\n\nConcepten voor de Tweede Kamer; zie Kamerstuk 28089.\n", False),  # one sign only
    ("regex>=2023\npyyaml\n", False),
    ("Met vriendelijke groet, de beheerder\n", False),
])
def test_looks_like_letter(text, letter):
    from letterlint.letterlike import looks_like_letter

    assert looks_like_letter(text) is letter


def test_only_letters_uses_the_configured_globs(tmp_path):
    (tmp_path / "brieven").mkdir()
    (tmp_path / "brieven" / "kort.txt").write_text("Het RVIM meet.\n", encoding="utf-8")  # no letter signs
    (tmp_path / "notitie.txt").write_text("Geachte heer,\nHet RVIM meet.\nHoogachtend,\n", encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("letters: [brieven/]\n", encoding="utf-8")
    out = run_cli("--only-letters", "--quiet", "brieven/kort.txt", "notitie.txt", cwd=tmp_path).stdout.decode()
    assert "brieven/kort.txt:1:5" in out and "notitie.txt" not in out
    (tmp_path / "rules.yaml").unlink()
    out = run_cli("--only-letters", "--quiet", "brieven/kort.txt", "notitie.txt", cwd=tmp_path).stdout.decode()
    assert "notitie.txt:2:5" in out and "kort.txt" not in out


def test_headings_that_are_only_numbered_or_short_name_the_section(tmp_path):
    long = "Dit is een gewone alinea met genoeg woorden om als lopende tekst te gelden, zoals in elke notitie. "
    body = (p("Inleiding") + p(long + "Het RVIM meet.") + p("2.1.3 Metingen in de praktijk") +
            p("Figuur 3: Overzicht van de meetpunten") + p(long + "Het RVIM telt.") +
            p("Geachte voorzitter,") + p(long + "Het RVIM weegt."))
    (tmp_path / "notitie.docx").write_bytes(make_docx(body))
    found = [f for f in findings_json("--select", "typo", "notitie.docx", cwd=tmp_path) if f["rule"] == "typo"]
    # a caption and a salutation are not headings
    assert [f["section"] for f in found] == ["Inleiding", "2.1.3 Metingen in de praktijk",
                                             "2.1.3 Metingen in de praktijk"]


def test_statistics_alone_says_nothing_is_hidden_and_one_is_singular(tmp_path):
    from letterlint.findings import Finding, msg
    from letterlint.model import Location
    from letterlint.reporters.text import report
    from letterlint.runner import FileResult

    loc = Location(paragraph=1, heading=None, text="x", line=1, column=1)
    findings = [Finding(location=loc, message=msg("a", "a"), rule="typo", severity="info")]
    out = io.StringIO()
    report([FileResult(path="a.txt", findings=findings)], out, show="warning", statistics_only=True)
    text = out.getvalue()
    assert "niet getoond" not in text and "1 bevinding in 1 bestand: 0 fouten, 0 waarschuwingen, 1 info." in text
    out = io.StringIO()
    report([FileResult(path="a.txt", findings=findings)], out, show="warning")
    assert "1 bevinding onder waarschuwing niet getoond" in out.getvalue()


def test_docx_messages_name_paragraphs_by_the_count_the_location_shows(tmp_path):
    """A rule's «alinea N» in its message counts as the place printed beside it (empty paragraphs and table
    cells not counted), never the reader's count of every w:p."""
    proc = run_cli("--format", "json", "--select", "duplicate-answer,answer-label,repeated-passage",
                   DATA / "draft-pandoc.docx", cwd=tmp_path)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    checked = 0
    for f in findings:
        named = {int(n) for n in re.findall(r"alinea (\d+)", f["message"])}
        related = {r["shown_paragraph"] for r in f["related"]}
        if f["rule"] == "duplicate-answer" and named:
            assert named <= related, f
            checked += 1
        raw = {r["paragraph"] for r in f["related"]} - related
        assert not named & raw, f  # no reader numbers that differ from the shown ones
    assert checked >= 3
    labelled = [f for f in findings if f["rule"] == "answer-label" and "op de vraag in alinea" in f["message"]]
    for f in labelled:
        (n,) = re.findall(r"op de vraag in alinea (\d+)", f["message"])
        assert int(n) <= f["shown_paragraph"]


def test_wording_names_a_docx_place_by_its_shown_number():
    from letterlint.wording import place, places

    docx = Location(paragraph=200, heading=None, text="x", shown=196)
    assert place(docx) == "alinea 196" and places([docx, Location(paragraph=9, heading=None, text="y", shown=7)],
                                                  "en") == "paragraphs 196 and 7"
    assert place(Location(paragraph=5, heading=None, text="x", line=12)) == "regel 12"
    assert place(Location(paragraph=5, heading=None, text="x")) == "alinea 5"


def test_text_output_keeps_the_innermost_heading_and_json_the_whole_section(tmp_path):
    from letterlint.reporters.text import section_words

    party = "Vragen en opmerkingen van de leden van de Partij voor de Dieren-fractie"
    shown = section_words(f"{party} › Proces")
    assert shown.endswith(" › Proces") and len(shown) <= 70
    assert shown.split(" › ")[0].endswith("…") and shown.split(" › ")[0][:-1] in party
    assert party.startswith(shown.split(" › ")[0][:-1].rstrip()) and " Di…" not in shown  # cut between words
    assert section_words("Inleiding") == "Inleiding" and section_words("Kort › Ook kort") == "Kort › Ook kort"
    long_inner = section_words(f"{party} › " + "Een heel lange tussenkop die bijna de hele regel vult " * 2)
    assert len(long_inner) <= 70 and "…" in long_inner
    proc = run_cli("--format", "json", DATA / "draft-pandoc.docx", cwd=tmp_path)
    sections = {f["section"] for f in json.loads(proc.stdout)["files"][0]["findings"] if f["section"]}
    assert f"{party} › Proces" in sections and not any(s.endswith("…") for s in sections)
    text = run_cli(DATA / "draft-pandoc.docx", cwd=tmp_path).stdout.decode()
    assert " › Proces):" in text


def test_two_occurrences_in_one_docx_paragraph_print_as_two_places(tmp_path):
    body = ("<w:p><w:r><w:t>Het RVIM meet de lucht en het RVIM meet ook het water in de regio.</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>Het RVIM meet verder niets.</w:t></w:r></w:p>")
    (tmp_path / "twee.docx").write_bytes(make_docx(body))
    lines = [x for x in run_cli("--select", "typo", "twee.docx", cwd=tmp_path).stdout.decode().splitlines()
             if "[typo]" in x]
    assert len(lines) == 3 and len(set(lines)) == 3
    assert "alinea 1, teken 5 «" in lines[0] and "alinea 1, teken 31 «" in lines[1]
    assert "alinea 2 «" in lines[2] and "teken" not in lines[2].split("[typo]")[0]
    english = run_cli("--lang", "en", "--select", "typo", "twee.docx", cwd=tmp_path).stdout.decode()
    assert "paragraph 1, char 31 «" in english

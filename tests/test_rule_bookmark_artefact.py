import pytest
from conftest import DATA, EXAMPLE, lint_text

from letterlint.config import load_config
from letterlint.readers import read_path
from letterlint.runner import build_plan, lint_document


def findings_of(path, **options):
    config = load_config(None, search=False)
    config.rules["bookmark-artefact"].update(options)
    doc = read_path(path)
    findings, problems = lint_document(doc, build_plan(config, select=["bookmark-artefact"]))
    assert not problems
    return findings


def test_every_leaked_marker_in_the_draft_is_reported_once():
    findings = findings_of(EXAMPLE)
    text = EXAMPLE.read_text(encoding="utf-8")
    covered = "".join(f.location.text for f in findings)
    assert covered.count("[bookmark: ") == text.count("[bookmark: ") == 188
    # adjacent markers form one finding: one per line that has markers
    lines_with_markers = sum(1 for line in text.split("\n") if "[bookmark: " in line)
    assert len(findings) == lines_with_markers
    first = findings[0]
    assert (first.location.line, first.location.column) == (1, 2)
    assert first.location.text == "[bookmark: _GoBack]" and first.fix.replacement == "" and first.fix.safe


def test_run_of_markers_is_one_finding():
    (f,) = lint_text("[bookmark: _Hlk1][bookmark: _Hlk2] [bookmark: _Hlk3]De leden vragen.\n",
                     select=["bookmark-artefact"])
    assert f.location.text == "[bookmark: _Hlk1][bookmark: _Hlk2] [bookmark: _Hlk3]" and "3×" in f.message.nl


@pytest.mark.parametrize("text", [
    "Zie Fout! Verwijzingsbron niet gevonden. hieronder.",
    "Zie pagina Fout! Bladwijzer niet gedefinieerd.",
    "See Error! Reference source not found. below.",
    "Page Error!\u00a0Bookmark not defined.",
])
def test_broken_cross_references_are_errors(text):
    (f,) = lint_text(text + "\n", select=["bookmark-artefact"])
    assert f.severity == "error" and f.location.text.startswith(("Fout!", "Error!"))


def test_no_finding_on_ordinary_exclamations():
    assert not lint_text("Fout! Dat klopt niet. Error! is een woord.\n", select=["bookmark-artefact"])


def test_docx_hidden_bookmarks_broken_fields_and_pasted_marker():
    findings = findings_of(DATA / "small-features.docx")
    by_severity = {}
    for f in findings:
        by_severity.setdefault(f.severity, []).append(f)
    assert {f.location.text for f in by_severity["error"]} == {
        "Fout! Verwijzingsbron niet gevonden.", "Fout! Bladwijzer niet gedefinieerd."}
    (leak,) = by_severity["warning"]
    assert leak.location.text == "[bookmark: _Hlk999]"
    (hidden,) = by_severity["info"]  # one finding for the document, however many bookmarks
    assert set(hidden.fix.data) == {"_Hlk224100233", "_GoBack"}  # not _Hlk224100117: the REF field uses it
    assert hidden.message.nl.startswith("2 ongebruikte verborgen bladwijzers (")
    assert hidden.message.nl.endswith("letterlint --fix verwijdert ze")


def test_options_switch_off_docx_checks():
    findings = findings_of(DATA / "small-features.docx", **{"hidden-bookmarks": False})
    assert all(f.severity != "info" for f in findings)


def test_missing_target_of_a_reference_field(tmp_path):
    import zipfile

    src = DATA / "small-features.docx"
    out = tmp_path / "x.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                # the REF field keeps a valid-looking result, but its bookmark is gone
                data = data.replace(b"Fout! Verwijzingsbron niet gevonden.", b"vraag 1").replace(
                    b'w:name="_Hlk224100117"', b'w:name="_Hlk000"')
            zout.writestr(item, data)
    findings = findings_of(out)
    missing = [f for f in findings if "_Hlk224100117" in f.message.nl and f.severity == "warning"]
    assert len(missing) == 1 and missing[0].location.text == "vraag 1"


def test_pandoc_and_libreoffice_drafts_report_hidden_bookmarks_as_info_only():
    for name in ("draft-pandoc.docx", "draft-libreoffice.docx"):
        findings = findings_of(DATA / name)
        assert findings and {f.severity for f in findings} == {"info"}
        (hidden,) = [f for f in findings if f.fix is not None and f.fix.action == "remove-bookmarks"]
        named = {n for n in hidden.fix.data if n.startswith("_Hlk")}
        assert len(named) > 100 and hidden.message.nl.startswith(f"{len(hidden.fix.data)} ongebruikte")


def test_one_hidden_bookmark_is_named_in_the_singular(tmp_path):
    from ooxml_factory import make_docx

    body = '<w:p><w:bookmarkStart w:id="1" w:name="_Hlk5"/><w:r><w:t>tekst</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>'
    (tmp_path / "one.docx").write_bytes(make_docx(body))
    (hidden,) = [f for f in findings_of(tmp_path / "one.docx") if f.severity == "info"]
    assert hidden.message.nl.startswith("1 ongebruikte verborgen bladwijzer (_Hlk5) in 1 alinea;")
    assert "hij lekt" in hidden.message.nl and hidden.message.nl.endswith("verwijdert hem")
    assert "1 unused hidden bookmark (_Hlk5) in 1 paragraph;" in hidden.message.en
    assert hidden.message.en.endswith("removes it")

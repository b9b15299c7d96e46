"""--fix, --diff and --unsafe-fixes, end to end from the command (and the fix engine in-process)."""

from __future__ import annotations

import os
import re
import stat
import zipfile
from io import BytesIO

import pytest
from conftest import DATA, EXAMPLE, run_cli
from ooxml_factory import names, part, raw_entries

from letterlint.config import load_config
from letterlint.fixes import Edit, fix_bytes, resolve
from letterlint.readers.common import LEAKED_BOOKMARK
from letterlint.runner import build_plan

MARKER = LEAKED_BOOKMARK


def _copy(src, tmp_path, name=None):
    dst = tmp_path / (name or src.name)
    dst.write_bytes(src.read_bytes())
    return dst


def _plan(rules_yaml=None, tmp_path=None):
    if rules_yaml is None:
        return build_plan(load_config(None, search=False))
    cfg = tmp_path / "rules.yaml"
    cfg.write_text(rules_yaml, encoding="utf-8")
    return build_plan(load_config(cfg))


# The fix tests below were written against the rules whose fixes they exercise; other rules (footnotes,
# references) add findings of their own that no fix removes. test_all_rules_leave_no_safe_fix_behind covers those.
ORIGINAL_RULES = ("--select", "bookmark-artefact,typo")


# -- the example draft (text export) ----------------------------------------------------------------------


def test_fix_on_the_example_draft_then_a_second_run_finds_nothing(tmp_path):
    draft = _copy(EXAMPLE, tmp_path)
    draft.chmod(0o640)
    before = draft.read_text(encoding="utf-8")
    first = run_cli(draft, *ORIGINAL_RULES)
    assert first.returncode == 1 and b"bookmark-artefact" in first.stdout and b"[typo]" in first.stdout
    fixed = run_cli(draft, *ORIGINAL_RULES, "--fix")
    assert fixed.returncode == 0, fixed.stderr
    assert b"123 herstellingen toegepast, 0 bevindingen over" in fixed.stderr
    after = draft.read_text(encoding="utf-8")
    assert "[bookmark:" not in after and "bevoegd bezag" not in after and "staatsecretaris" not in after
    assert len(after.split("\n")) == len(before.split("\n"))  # only the offending text changed
    assert MARKER.sub("", before).count("[footnoteRef:") == after.count("[footnoteRef:")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640  # file mode kept
    assert sorted(os.listdir(tmp_path)) == [draft.name]  # no temporary file left behind
    second = run_cli(draft, *ORIGINAL_RULES)
    assert second.returncode == 0 and b"Geen bevindingen" in second.stdout


def test_diff_shows_the_changes_and_writes_nothing(tmp_path):
    draft = _copy(EXAMPLE, tmp_path)
    before, mtime = draft.read_bytes(), draft.stat().st_mtime_ns
    result = run_cli(draft, *ORIGINAL_RULES, "--diff")
    assert result.returncode == 1
    out = result.stdout.decode("utf-8")
    assert out.startswith(f"--- a/{draft}\n+++ b/{draft}\n@@ ")
    removed = [line for line in out.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert any("[bookmark: _GoBack]" in line for line in removed)
    assert not any("[bookmark:" in line for line in added)
    assert any("bevoegd gezag" in line for line in added)
    assert draft.read_bytes() == before and draft.stat().st_mtime_ns == mtime
    # the diff is what --fix does: apply it, and a new --diff is empty
    assert run_cli(draft, *ORIGINAL_RULES, "--fix").returncode == 0
    again = run_cli(draft, *ORIGINAL_RULES, "--diff")
    assert again.returncode == 0 and again.stdout == b""


def test_a_plain_run_never_modifies_the_input(tmp_path):
    for src in (EXAMPLE, DATA / "small-features.docx"):
        copy = _copy(src, tmp_path)
        before, mtime = copy.read_bytes(), copy.stat().st_mtime_ns
        run_cli(copy)
        run_cli(copy, "--format", "json")
        assert copy.read_bytes() == before and copy.stat().st_mtime_ns == mtime


# -- encodings and line ends ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["export-cp1252.txt", "export-utf16.txt", "export-basic.txt"])
def test_fix_keeps_the_encoding_and_bom(tmp_path, name):
    src = DATA / name
    data = src.read_bytes()
    encoding = {"export-cp1252.txt": "cp1252", "export-utf16.txt": "utf-16-le"}.get(name, "utf-8")
    bom = b"\xff\xfe" if name == "export-utf16.txt" else b""
    text = data[len(bom):].decode(encoding)
    assert MARKER.search(text)
    copy = _copy(src, tmp_path)
    assert run_cli(copy, "--fix", "--select", "bookmark-artefact").returncode == 0
    assert copy.read_bytes() == bom + MARKER.sub("", text).encode(encoding)


def test_fix_keeps_crlf_and_mixed_line_ends_and_the_utf8_bom(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    # CRLF everywhere except a few lines with a bare LF, and a BOM
    mixed = "".join(line + ("\n" if i % 97 == 5 else "\r\n") for i, line in enumerate(lines[:-1])) + lines[-1]
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"\xef\xbb\xbf" + mixed.encode("utf-8"))
    result = run_cli(draft, "--fix", "--select", "bookmark-artefact")
    assert result.returncode == 0, result.stderr
    assert draft.read_bytes() == b"\xef\xbb\xbf" + MARKER.sub("", mixed).encode("utf-8")


def test_a_replacement_the_encoding_cannot_hold_is_left_with_its_reason(tmp_path):
    rules = "rules:\n  pijl:\n    kind: substitution\n    entries:\n      - {wrong: actie 8, right: actie 8 →}\n"
    copy = _copy(DATA / "export-cp1252.txt", tmp_path)
    before = copy.read_bytes()
    (tmp_path / "rules.yaml").write_text(rules, encoding="utf-8")
    result = run_cli(copy, "--fix", "--select", "bookmark-artefact,pijl", "--config", tmp_path / "rules.yaml")
    assert result.returncode == 1  # the arrow finding remains
    assert b"cp1252" in result.stderr and b"[pijl]" in result.stderr
    after = copy.read_bytes()
    assert b"[bookmark:" not in after and after != before and b"actie 8" in after


# -- Markdown ---------------------------------------------------------------------------------------------


def test_fix_on_the_markdown_draft(tmp_path):
    draft = _copy(DATA / "draft.md", tmp_path)
    before = draft.read_text(encoding="utf-8")
    assert run_cli(draft, *ORIGINAL_RULES, "--fix").returncode == 0
    after = draft.read_text(encoding="utf-8")
    assert after.count('[]{id="') == before.count('[]{id="')  # pandoc anchors are bookmarks, not leaks
    assert after.count("[^") == before.count("[^")
    assert run_cli(draft, *ORIGINAL_RULES).returncode == 0


def test_a_fix_that_would_cut_through_markdown_markup_is_not_made(tmp_path):
    draft = tmp_path / "brief.md"
    draft.write_text("Het **RV**IM adviseert. Het RVIM rapporteert.\n", encoding="utf-8")
    result = run_cli(draft, "--fix", "--select", "typo")
    assert result.returncode == 1
    assert draft.read_text(encoding="utf-8") == "Het **RV**IM adviseert. Het RIVM rapporteert.\n"
    assert b"Markdown" in result.stderr and b"brief.md:1:7:" in result.stderr


# -- safe and unsafe, overlaps ----------------------------------------------------------------------------


def test_unsafe_fixes_only_with_unsafe_fixes(tmp_path):
    (tmp_path / "rules.yaml").write_text(
        "rules:\n  typo:\n    extra-entries:\n      - {wrong: hierbij, right: hiermee, case: exact, fix: unsafe}\n",
        encoding="utf-8")
    draft = tmp_path / "brief.txt"
    draft.write_text("Het RVIM stuurt hierbij de stukken.\n", encoding="utf-8")
    assert run_cli(draft, "--fix", cwd=tmp_path).returncode == 1
    assert draft.read_text(encoding="utf-8") == "Het RIVM stuurt hierbij de stukken.\n"
    diff = run_cli(draft, "--diff", "--unsafe-fixes", cwd=tmp_path)
    assert diff.returncode == 1 and b"+Het RIVM stuurt hiermee de stukken." in diff.stdout
    assert run_cli(draft, "--fix", "--unsafe-fixes", cwd=tmp_path).returncode == 0
    assert draft.read_text(encoding="utf-8") == "Het RIVM stuurt hiermee de stukken.\n"


def test_overlapping_fixes_wait_for_a_second_pass(tmp_path):
    rules = ("rules:\n"
             "  a:\n    kind: substitution\n    entries:\n      - {wrong: aap noot, right: Aap noot, case: exact}\n"
             "  b:\n    kind: substitution\n    entries:\n      - {wrong: noot mies, right: noot Mies, case: exact}\n")
    plan = _plan(rules, tmp_path)
    data = b"Dit is de aap noot mies van de brief.\n"
    outcome = fix_bytes(data, "brief.txt", plan)
    assert outcome.data == b"Dit is de Aap noot Mies van de brief.\n"
    assert outcome.passes == 2 and outcome.applied == 2 and outcome.findings == []


def test_resolve_keeps_non_overlapping_edits_and_merges_nothing_else():
    edits = [Edit(None, 0, 5, "x"), Edit(None, 3, 8, "y"), Edit(None, 8, 8, "z"), Edit(None, 8, 8, "w"),
             Edit(None, 8, 10, "v"), Edit(None, 20, 20, "u"), Edit(None, 15, 25, "t")]
    keep, wait = resolve(edits)
    assert [(e.start, e.end, e.replacement) for e in keep] == [(0, 5, "x"), (8, 8, "z"), (8, 10, "v"), (15, 25, "t")]
    assert {e.replacement for e in wait} == {"y", "w", "u"}


# -- .docx ------------------------------------------------------------------------------------------------


def test_fix_on_small_features_docx(tmp_path):
    src = DATA / "small-features.docx"
    copy = _copy(src, tmp_path)
    result = run_cli(copy, "--fix")
    assert result.returncode == 1  # the two broken cross-references are errors no fix can repair
    # 3: the leaked marker, the typo… and ONE finding for both hidden bookmarks (one per document now)
    assert b"3 herstellingen toegepast, 2 bevindingen over" in result.stderr
    second = run_cli(copy, "--format", "json")
    import json

    remaining = json.loads(second.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in remaining] == ["bookmark-artefact", "bookmark-artefact"]
    assert all("Kapotte kruisverwijzing" in f["message"] for f in remaining)
    before, after = src.read_bytes(), copy.read_bytes()
    assert names(after) == names(before)
    old, new = raw_entries(before), raw_entries(after)
    assert [n for n in names(before) if old[n] != new[n]] == ["word/document.xml"]
    xml = part(after, "word/document.xml")
    assert "RVIM" not in xml and "[bookmark:" not in xml and "_GoBack" not in xml and "_Hlk224100233" not in xml
    assert 'w:name="_Hlk224100117"' in xml  # used by a REF field: kept


def test_fix_on_draft_pandoc_docx_then_a_second_run_finds_nothing(tmp_path):
    copy = _copy(DATA / "draft-pandoc.docx", tmp_path)
    result = run_cli(copy, *ORIGINAL_RULES, "--fix")
    assert result.returncode == 0, result.stderr
    assert b"0 bevindingen over" in result.stderr
    second = run_cli(copy, *ORIGINAL_RULES)
    assert second.returncode == 0 and b"Geen bevindingen" in second.stdout
    xml = part(copy.read_bytes(), "word/document.xml")
    assert not re.search(r'w:name="_(?:GoBack|Hlk\d+)"', xml)
    assert len(re.findall(r"<w:bookmarkStart ", xml)) == len(re.findall(r"<w:bookmarkEnd ", xml)) == 7  # pandoc's X… bookmarks


def test_diff_on_a_docx_shows_paragraph_text(tmp_path):
    copy = _copy(DATA / "small-features.docx", tmp_path)
    before = copy.read_bytes()
    result = run_cli(copy, "--diff")
    assert result.returncode == 1 and copy.read_bytes() == before
    out = result.stdout.decode("utf-8")
    assert "(tekst van de alinea's)" in out.splitlines()[0]
    assert "-¶16: [bookmark: _Hlk999]De Kamer ontvangt" in out and "+¶16: De Kamer ontvangt" in out
    assert "-¶17: Hoogachtend,  {bladwijzers: _GoBack}" in out and "+¶17: Hoogachtend," in out
    english = run_cli(copy, "--diff", "--lang", "en").stdout.decode("utf-8")
    assert "(paragraph text)" in english.splitlines()[0] and "{bookmarks: _GoBack}" in english


def test_fix_refuses_a_docx_that_is_open_in_word(tmp_path):
    copy = _copy(DATA / "small-features.docx", tmp_path)
    (tmp_path / f"~${copy.name}").write_bytes(b"owner")
    before = copy.read_bytes()
    result = run_cli(copy, "--fix", "--lang", "en")
    assert result.returncode == 2 and b"open in an editor" in result.stderr
    assert copy.read_bytes() == before


def test_a_hidden_bookmark_named_elsewhere_in_the_package_is_kept(tmp_path):
    src = zipfile.ZipFile(DATA / "small-features.docx")
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info))
        z.writestr("word/header9.xml", '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   "<w:p><w:r><w:instrText> REF _GoBack </w:instrText></w:r></w:p></w:hdr>")
    copy = tmp_path / "kop.docx"
    copy.write_bytes(out.getvalue())
    result = run_cli(copy, "--fix")
    assert b"_GoBack" in part(copy.read_bytes(), "word/document.xml").encode()
    assert b"niet hersteld" in result.stderr and b"nog gebruikt" in result.stderr


# -- usage ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("args, message", [
    (["--unsafe-fixes"], b"--unsafe-fixes needs --fix or --diff"),
    (["--fix", "--diff"], b"give one of them"),
    (["-", "--fix"], b"not standard input"),
])
def test_usage_errors(args, message):  # in English (--lang en); the Dutch ones: test_catalogue.py
    args = [*args, "--lang", "en"]
    result = run_cli(*args) if "-" in args else run_cli(EXAMPLE, *args)
    assert result.returncode == 2 and message in result.stderr


@pytest.mark.parametrize("name", ["example", "draft.md", "draft-pandoc.docx"])
def test_all_rules_leave_no_safe_fix_behind(tmp_path, name):
    """With every rule on, --fix applies every safe fix: a second run has no finding with a safe fix left."""
    from letterlint.config import load_config
    from letterlint.readers import read_path
    from letterlint.runner import build_plan, lint_document

    copy = _copy(EXAMPLE if name == "example" else DATA / name, tmp_path)
    plan = build_plan(load_config(None, search=False))
    before, _ = lint_document(read_path(copy), plan)
    assert any(f.fix and f.fix.safe for f in before)
    result = run_cli(copy, "--fix", "--isolated")
    assert result.returncode in (0, 1), result.stderr
    after, _ = lint_document(read_path(copy), plan)
    assert [(f.rule, f.location.text) for f in after if f.fix and f.fix.safe] == []
    fixed_rules = {f.rule for f in before if f.fix and f.fix.safe}
    assert "typo" in fixed_rules and len(fixed_rules) >= 2

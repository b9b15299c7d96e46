"""--annotate: findings as Word comments in a copy of the draft; and LibreOffice opens what we write."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile

import pytest
from conftest import DATA, EXAMPLE, run_cli
from ooxml_factory import names, part, raw_entries

from letterlint.readers import read_bytes

SMALL = DATA / "small-features.docx"


def _comments(xml: str) -> dict[str, dict]:
    out = {}
    for m in re.finditer(r"<w:comment ([^>]*)>(.*?)</w:comment>", xml, re.S):
        attrs = dict(re.findall(r'w:(\w+)="([^"]*)"', m.group(1)))
        text = "\n".join("".join(re.findall(r"<w:t[^>]*>([^<]*)", p)) for p in re.findall(r"<w:p>.*?</w:p>", m.group(2)))
        out[attrs["id"]] = {**attrs, "text": text}
    return out


def _anchored_text(xml: str, cid: str) -> str:
    start = xml.index(f'<w:commentRangeStart w:id="{cid}"/>')
    end = xml.index(f'<w:commentRangeEnd w:id="{cid}"/>')
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)", xml[start:end]))


def test_every_finding_becomes_an_anchored_comment(tmp_path):
    src = tmp_path / "draft.docx"
    src.write_bytes(SMALL.read_bytes())
    before, mtime = src.read_bytes(), src.stat().st_mtime_ns
    out = tmp_path / "annotated.docx"
    result = run_cli(src, "--annotate", out)
    assert result.returncode == 1  # the findings are reported as usual (two are errors)
    assert b"5 opmerkingen geschreven" in result.stderr  # the hidden bookmarks: one finding
    assert src.read_bytes() == before and src.stat().st_mtime_ns == mtime  # the input is never changed
    data = out.read_bytes()
    comments = _comments(part(data, "word/comments.xml"))
    ours = {cid: c for cid, c in comments.items() if c["author"] == "letterlint"}
    assert len(ours) == 5 and all(c["initials"] == "LL" for c in ours.values())
    theirs = [c for c in comments.values() if c["author"] != "letterlint"]
    assert len(theirs) == 1 and theirs[0]["id"] not in ours  # the writer's own comment stays, ids stay unique
    xml = part(data, "word/document.xml")
    for cid in ours:
        assert xml.count(f'<w:commentRangeStart w:id="{cid}"/>') == 1
        assert xml.count(f'<w:commentRangeEnd w:id="{cid}"/>') == 1
        assert xml.count(f'<w:commentReference w:id="{cid}"/>') == 1
        assert xml.index(f'<w:commentRangeStart w:id="{cid}"/>') < xml.index(f'<w:commentRangeEnd w:id="{cid}"/>') \
            < xml.index(f'<w:commentReference w:id="{cid}"/>')
    by_text = {c["text"].split(":")[0]: c for c in ours.values()}
    assert set(by_text) == {"typo (waarschuwing)", "bookmark-artefact (fout)", "bookmark-artefact (waarschuwing)",
                            "bookmark-artefact (info)"}
    typo = next(cid for cid, c in ours.items() if c["text"].startswith("typo"))
    assert _anchored_text(xml, typo) == "RVIM"
    assert ours[typo]["text"] == "typo (waarschuwing): «RVIM» is een bekende schrijffout; schrijf «RIVM»\nSuggestie: RIVM"
    broken = [cid for cid, c in ours.items() if "Verwijzingsbron" in c["text"]]
    assert [_anchored_text(xml, cid) for cid in broken] == ["Fout! Verwijzingsbron niet gevonden."]
    leak = next(cid for cid, c in ours.items() if "(waarschuwing): Verborgen" in c["text"])
    assert _anchored_text(xml, leak) == "[bookmark: _Hlk999]"
    hidden = [cid for cid, c in ours.items() if c["text"].startswith("bookmark-artefact (info)")]
    # one finding for all hidden bookmarks, at the first one; empty span: the whole paragraph
    assert [_anchored_text(xml, cid) for cid in hidden] == [
        "De leden van de VVD-fractie vragen daarnaast welke pilots dit jaar starten en wanneer de Kamer over de "
        "resultaten wordt geïnformeerd."]
    # every other part is untouched, byte for byte
    old, new = raw_entries(before), raw_entries(data)
    assert names(data) == names(before)
    assert [n for n in names(before) if old[n] != new[n]] == ["word/document.xml", "word/comments.xml"]
    # and our own reader sees the comments where the findings are
    doc = read_bytes(data, "annotated.docx")
    mine = [c for c in doc.comments if c.author == "letterlint" and c.text.startswith("typo")]
    assert mine[0].paragraph.text[mine[0].start:mine[0].end] == "RVIM"


def test_a_document_without_comments_gets_a_comments_part(tmp_path):
    src = DATA / "draft-libreoffice.docx"
    assert "word/comments.xml" not in names(src.read_bytes())
    out = tmp_path / "out.docx"
    result = run_cli(src, "--annotate", out, "--lang", "en", "--select", "bookmark-artefact,typo")
    assert b"4 comments written" in result.stderr  # hidden bookmarks: one finding
    data = out.read_bytes()
    assert names(data)[-1] == "word/comments.xml"
    rels = part(data, "word/_rels/document.xml.rels")
    assert re.search(r'<Relationship Id="rId\d+" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                     r'relationships/comments" Target="comments.xml"/>', rels)
    assert ('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.comments+xml"/>') in part(data, "[Content_Types].xml")
    comments = _comments(part(data, "word/comments.xml"))
    assert len(comments) == 4 and all(c["text"].startswith(("typo (warning)", "bookmark-artefact ("))
                                        for c in comments.values())
    assert any(c["text"].endswith("letterlint --fix removes them") for c in comments.values())
    assert len(read_bytes(data, "out.docx").comments) == 4


def _with_typo_in_footnote(tmp_path):
    src = zipfile.ZipFile(SMALL)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/footnotes.xml":
                data = data.replace(b"Zie ook de Kamerbrief", b"Zie ook het RVIM en de Kamerbrief")
            z.writestr(info, data)
    path = tmp_path / "noot.docx"
    path.write_bytes(buf.getvalue())
    return path


def test_a_finding_in_a_footnote_is_anchored_at_its_reference_mark(tmp_path):
    src = _with_typo_in_footnote(tmp_path)
    out = tmp_path / "out.docx"
    run_cli(src, "--annotate", out, "--select", "typo")
    data = out.read_bytes()
    ours = [c for c in _comments(part(data, "word/comments.xml")).values() if c["author"] == "letterlint"]
    assert len(ours) == 2  # RVIM in the body and in footnote 2
    (comment,) = [c for c in ours if c["text"].startswith("In voetnoot 2: typo (waarschuwing): «RVIM»")]
    xml = part(data, "word/document.xml")
    start = xml.index(f'<w:commentRangeStart w:id="{comment["id"]}"/>')
    end = xml.index(f'<w:commentRangeEnd w:id="{comment["id"]}"/>')
    assert '<w:footnoteReference w:id="21" />' in xml[start:end] and "<w:t" not in xml[start:end]
    assert part(data, "word/footnotes.xml") == part(src.read_bytes(), "word/footnotes.xml")


@pytest.mark.parametrize("make_args, message", [
    (lambda d: [d, "--annotate", d], b"would overwrite the input"),
    (lambda d: [d, "--annotate", d.parent / "." / d.name], b"would overwrite the input"),
    (lambda d: [d, "--annotate", d.parent / "out.txt"], b"give it a .docx name"),
    (lambda d: [d, d, "--annotate", d.parent / "out.docx"], b"exactly one .docx"),
    (lambda d: [d, "--annotate", d.parent / "out.docx", "--fix"], b"cannot be combined"),
])
def test_annotate_usage_errors(tmp_path, make_args, message):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(SMALL.read_bytes())
    result = run_cli(*make_args(draft), "--lang", "en")
    assert result.returncode == 2 and message in result.stderr
    assert draft.read_bytes() == SMALL.read_bytes()
    assert not (tmp_path / "out.docx").exists()


def test_annotate_refuses_text_and_markdown(tmp_path):
    for src in (EXAMPLE, DATA / "draft.md"):
        out = tmp_path / "out.docx"
        result = run_cli(src, "--annotate", out, "--lang", "en")
        assert result.returncode == 2
        assert b"--annotate works for Word files (.docx) only" in result.stderr
        assert not out.exists()


# -- LibreOffice opens what we write -----------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_fixed_and_annotated_files(tmp_path):
    files = []
    for src in (SMALL, DATA / "draft-pandoc.docx"):
        fixed = tmp_path / f"fixed-{src.name}"
        fixed.write_bytes(src.read_bytes())
        assert run_cli(fixed, "--fix").returncode in (0, 1)
        assert fixed.read_bytes() != src.read_bytes()
        annotated = tmp_path / f"annotated-{src.name}"
        assert run_cli(src, "--annotate", annotated, "--select", "bookmark-artefact,typo").returncode in (0, 1)
        files += [fixed, annotated]
    noted = tmp_path / "annotated-noot.docx"
    run_cli(_with_typo_in_footnote(tmp_path), "--annotate", noted, "--select", "bookmark-artefact,typo")
    files.append(noted)
    outdir = tmp_path / "out"
    profile = (tmp_path / "lo-profile").as_uri()
    env = {**os.environ, "HOME": str(tmp_path)}

    def convert(fmt, paths):
        subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(outdir), *map(str, paths)], capture_output=True, timeout=240, env=env)

    convert("pdf", files)
    for f in files:
        pdf = outdir / (f.stem + ".pdf")
        assert pdf.is_file(), f"LibreOffice could not open {f.name}"
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 1
    # LibreOffice also sees the comments (as annotations), anchored in the text
    annotated = [f for f in files if f.name.startswith("annotated-")]
    convert("odt", annotated)
    expected = {"annotated-small-features.docx": 5 + 1, "annotated-draft-pandoc.docx": 4,
                "annotated-noot.docx": 6 + 1}
    for f in annotated:
        content = zipfile.ZipFile(outdir / (f.stem + ".odt")).read("content.xml").decode("utf-8")
        assert len(re.findall(r"<office:annotation[ >]", content)) == expected[f.name], f.name
        assert content.count("<dc:creator>letterlint</dc:creator>") == expected[f.name] - (f.name != "annotated-draft-pandoc.docx")


def test_a_comments_see_also_names_the_place_as_the_message_does():
    from letterlint.annotate import comment_lines
    from letterlint.findings import Finding, Msg, Related
    from letterlint.model import Location

    first = Location(paragraph=141, heading=None, text="x", shown=138)
    f = Finding(location=Location(paragraph=189, heading=None, text="y", shown=185),
                message=Msg("hetzelfde als het antwoord op alinea 138", "the same as the answer at paragraph 138"),
                rule="duplicate-answer", severity="warning", related=(Related(first, Msg("eerste", "first")),))
    assert comment_lines(f, "nl")[-1] == "Zie ook: alinea 138 eerste"
    note = Location(paragraph=3, heading=None, text="z", shown=2, part="footnote", note="4")
    f = Finding(location=first, message=Msg("a", "a"), rule="x", severity="info", related=(Related(note, Msg("b", "b")),))
    assert comment_lines(f, "en")[-1] == "See also: paragraph 2 (footnote 4) b"

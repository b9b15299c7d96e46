"""--suggest: fixes as tracked changes (accept all = --fix, reject all = the original), findings as comments."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree as ET

import pytest
from conftest import CORPUS, DATA, run_cli
from ooxml_factory import STORIES, W, formatted, make_docx, part, review

from letterlint.config import load_config
from letterlint.fixes import fix_bytes
from letterlint.readers import read_bytes
from letterlint.runner import build_plan
from letterlint.suggest import OffsetMap, suggest, text_edits

DATE = "2026-01-02T03:04:05Z"
Q = f"{{{W}}}"
DRAFTS = [DATA / "draft-libreoffice.docx", DATA / "draft-pandoc.docx", DATA / "small-features.docx",
          DATA / "small-features-libreoffice.docx"]


@pytest.fixture(scope="module")
def plan():
    return build_plan(load_config(None, search=False))


def _texts(data: bytes, name: str = "x.docx") -> dict:
    return {p.xml: p.raw for p in read_bytes(data, name).blocks()}


def _bookmarks(data: bytes) -> set:
    return {(b.paragraph.xml, b.name) for b in read_bytes(data, "x.docx").bookmarks if not b.leaked}


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("src", DRAFTS, ids=lambda p: p.name)
def test_accepting_all_gives_fix_and_rejecting_all_gives_the_original(src, unsafe, plan):
    data = src.read_bytes()
    made, outcome = suggest(data, src.name, plan, unsafe, "nl", DATE)
    fixed = fix_bytes(data, src.name, plan, unsafe=unsafe).data
    assert made.changes > 0 and made.refused == 0
    accepted, rejected = review(made.data, True), review(made.data, False)
    assert _texts(accepted) == _texts(fixed)
    assert formatted(accepted) == formatted(fixed)  # the same characters with the same run formatting
    assert _texts(rejected) == _texts(data)
    assert formatted(rejected) == formatted(data)
    # bookmarks are not a change of text: they are gone whatever the writer does with the changes
    assert _bookmarks(made.data) == _bookmarks(fixed)
    assert made.comments >= len(outcome.findings)


def test_tracked_changes_are_word_revisions_with_author_date_and_unique_ids(plan):
    data = (DATA / "draft-pandoc.docx").read_bytes()
    made, _ = suggest(data, "draft.docx", plan, False, "nl", DATE)
    names = zipfile.ZipFile(io.BytesIO(made.data)).namelist()
    xml = "".join(part(made.data, n) for n in STORIES if n in names)
    revisions = re.findall(r"<w:(ins|del) ([^>]*)>", xml)
    assert len(revisions) >= made.changes
    for _kind, attrs in revisions:
        assert 'w:author="letterlint"' in attrs and f'w:date="{DATE}"' in attrs
    ids = re.findall(r'<w:(?:ins|del|commentRangeStart) w:id="(\d+)"', xml)
    assert len(ids) == len(set(ids))
    # deleted text is w:delText inside w:del; inserted text carries the run properties of the text it replaces
    for m in re.finditer(r"<w:del [^>]*>(.*?)</w:del>", xml):
        assert "<w:t>" not in m.group(1) and "<w:t " not in m.group(1)
    assert "<w:delText" in xml


def test_the_same_draft_and_date_give_the_same_bytes(plan):
    data = (DATA / "small-features.docx").read_bytes()
    first, _ = suggest(data, "x.docx", plan, False, "nl", DATE)
    again, _ = suggest(data, "x.docx", plan, False, "nl", DATE)
    assert first.data == again.data


def test_a_change_in_one_run_keeps_its_formatting():
    body = ('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Dit is de de brief. </w:t></w:r>'
            '<w:r><w:t>Verder niets.</w:t></w:r></w:p>')
    data = make_docx(body)
    plan = build_plan(load_config(None, search=False), select=["doubled-word"])
    made, _ = suggest(data, "x.docx", plan, False, "nl", DATE)
    xml = part(made.data, "word/document.xml")
    assert made.changes == 1
    assert re.search(r'<w:del [^>]*><w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">(?: de|de )</w:delText>'
                     r"</w:r></w:del>", xml)
    assert "<w:r><w:t>Verder niets.</w:t></w:r>" in xml  # the other run is not touched
    assert _texts(review(made.data, True))[("word/document.xml", 0)] == "Dit is de brief. Verder niets."


WITH_REVISION = ('<w:p><w:r><w:t xml:space="preserve">Wij sturen </w:t></w:r>'
                 '<w:ins w:id="7" w:author="Schrijver" w:date="2025-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">'
                 'de de brief</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> morgen. Dan is het het eind.</w:t>'
                 '</w:r></w:p>')


def test_a_fix_touching_an_existing_revision_becomes_a_comment():
    data = make_docx(WITH_REVISION)
    plan = build_plan(load_config(None, search=False), select=["doubled-word"])
    made, outcome = suggest(data, "x.docx", plan, False, "nl", DATE)
    xml = part(made.data, "word/document.xml")
    assert made.refused == 1  # «de de» lies in the writer's insertion
    assert '<w:ins w:id="7" w:author="Schrijver" w:date="2025-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">' \
        'de de brief</w:t></w:r></w:ins>' in xml  # untouched, not nested
    comments = part(made.data, "word/comments.xml")
    assert re.search(r"letterlint stelt voor: «(de )?de( )?» → «(de)?»", comments), comments
    assert "niet als bijgehouden wijziging gemaakt: de tekst valt in een bestaande bijgehouden wijziging" in comments
    assert xml.count('w:author="letterlint"') >= 1  # the other doubled word is a tracked change
    ours_accepted = _texts(review(made.data, True))[("word/document.xml", 0)]
    assert ours_accepted == "Wij sturen de de brief morgen. Dan is het eind."


def test_hidden_bookmarks_are_removed_directly_and_said_so_once(plan):
    data = (DATA / "small-features.docx").read_bytes()
    made, _ = suggest(data, "x.docx", plan, False, "nl", DATE)
    assert made.bookmarks
    comments = part(made.data, "word/comments.xml")
    assert comments.count("verborgen bladwijzer(s) direct verwijderd") == 1
    left = {b.name for b in read_bytes(made.data, "x.docx").bookmarks}
    assert not left & set(made.bookmarks)


def test_existing_comments_and_revisions_survive(plan):
    data = (DATA / "small-features.docx").read_bytes()
    made, _ = suggest(data, "x.docx", plan, True, "nl", DATE)
    before = read_bytes(data, "x.docx")
    after = read_bytes(made.data, "x.docx")
    theirs = [(c.id, c.author, c.text) for c in before.comments]
    assert theirs and all(t in [(c.id, c.author, c.text) for c in after.comments] for t in theirs)


CORPUS_DRAFTS = ["pandoc-track_changes_deletion.docx", "pandoc-track_changes_insertion.docx",
                 "pandoc-track_changes_move.docx", "pandoc-paragraph_insertion_deletion.docx",
                 "docx2python-test_file_with_comments.docx", "pandoc-comments.docx", "mammoth-footnotes.docx"]


@pytest.mark.parametrize("name", CORPUS_DRAFTS)
def test_real_files_with_revisions_and_comments(name, plan):
    src = CORPUS / "docx" / name
    if not src.is_file():
        pytest.skip("../shared/corpus is not beside this checkout")
    data = src.read_bytes()
    made, _ = suggest(data, name, plan, True, "nl", DATE)
    fixed = fix_bytes(data, name, plan, unsafe=True).data
    if made.refused == 0:
        assert _texts(review(made.data, True)) == _texts(fixed)
    assert _texts(review(made.data, False)) == _texts(data)
    # every revision and comment that was there is still there, as it was
    for story in STORIES:
        if story in zipfile.ZipFile(io.BytesIO(data)).namelist():
            old = part(data, story)
            new = part(made.data, story)
            for m in re.finditer(r"<w:(ins|del|moveFrom|moveTo) [^>]*>", old):
                assert new.count(m.group()) == old.count(m.group())
    theirs = [(c.id, c.author, c.text) for c in read_bytes(data, name).comments]
    assert all(t in [(c.id, c.author, c.text) for c in read_bytes(made.data, name).comments] for t in theirs)


# -- Markdown and text exports: CriticMarkup -------------------------------------------------------------

CRITIC = {
    True: [(r"\{--.*?--\}", ""), (r"\{\+\+(.*?)\+\+\}", r"\1"), (r"\{==(.*?)==\}", r"\1"), (r"\{>>.*?<<\}", "")],
    False: [(r"\{--(.*?)--\}", r"\1"), (r"\{\+\+.*?\+\+\}", ""), (r"\{==(.*?)==\}", r"\1"), (r"\{>>.*?<<\}", "")],
}


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec), codec
    codec = "cp1252" if "cp1252" in name else "utf-8"
    return data.decode(codec), codec


def _critic(text: str, accept: bool) -> str:
    for pattern, repl in CRITIC[accept]:
        text = re.sub(pattern, repl, text, flags=re.S)
    return text


TEXTS = [DATA / "draft.md", DATA / "export-basic.txt", DATA / "export-cp1252.txt", DATA / "export-utf16.txt",
         DATA / "small-features.md"]


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("src", TEXTS, ids=lambda p: p.name)
def test_criticmarkup_accepts_to_fix_and_rejects_to_the_original(src, unsafe, plan):
    data = src.read_bytes()
    made, outcome = suggest(data, src.name, plan, unsafe, "nl")
    fixed = fix_bytes(data, src.name, plan, unsafe=unsafe).data
    text, codec = _decode(made.data, src.name)
    assert _critic(text, True) == _decode(fixed, src.name)[0]
    assert _critic(text, False) == _decode(data, src.name)[0]
    assert made.data.startswith(data[:2]) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else True
    assert ("\r\n" in text) == (b"\r\n" in data.replace(b"\x00", b""))
    assert text.count("{>>") == len(outcome.findings)


def test_text_edits_are_whole_words_and_offsets_map_back():
    old, new = "Dit is de de brief van het ministerie.\nTweede regel.\n", "Dit is de brief van het Ministerie.\nTweede regel.\n"
    edits = text_edits(old, new)
    out, pos = [], 0
    for a, b, text in edits:
        out += [old[pos:a], text]
        pos = b
    assert "".join(out) + old[pos:] == new
    assert ("ministerie", "Ministerie") in [(old[a:b], text) for a, b, text in edits]
    m = OffsetMap(edits)
    k = new.index("Tweede")
    assert m.old(k, "start") == old.index("Tweede")
    w = new.index("Ministerie")
    assert (m.old(w, "start"), m.old(w + len("Ministerie"), "end")) == (old.index("ministerie"), old.index("ministerie") + 10)


# -- the command ------------------------------------------------------------------------------------------


def test_cli_writes_the_copy_and_never_touches_the_input(tmp_path):
    src = tmp_path / "draft.docx"
    src.write_bytes((DATA / "small-features.docx").read_bytes())
    before, mtime = src.read_bytes(), src.stat().st_mtime_ns
    out = tmp_path / "suggested.docx"
    result = run_cli("--suggest", out, src)
    assert result.returncode == 1, result.stderr
    assert b"wijziging(en) om te aanvaarden of te weigeren" in result.stderr
    assert src.read_bytes() == before and src.stat().st_mtime_ns == mtime
    assert b"w:author=\"letterlint\"" in zipfile.ZipFile(out).read("word/document.xml")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # written atomically
    md = tmp_path / "brief.md"
    md.write_bytes((DATA / "draft.md").read_bytes())
    result = run_cli("--suggest", tmp_path / "voorstel.md", md, "--lang", "en")
    assert result.returncode == 1 and b"change(s) to accept or reject" in result.stderr
    assert "{>>" in (tmp_path / "voorstel.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["--suggest", "{src}"], b"would overwrite the input"),
    (["--suggest", "out.md"], b"give it a .docx name"),
    (["--suggest", "out.docx", "--fix"], b"cannot be combined"),
    (["--suggest", "out.docx", "--annotate", "x.docx"], b"cannot be combined"),
])
def test_cli_usage_errors(tmp_path, args, message):
    src = tmp_path / "draft.docx"
    src.write_bytes((DATA / "small-features.docx").read_bytes())
    result = run_cli(*[a.replace("{src}", str(src)) for a in args], src, "--lang", "en", cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr


# -- LibreOffice opens the result (CI installs it; elsewhere this is skipped) -----------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_suggested_copy_and_keeps_the_changes(tmp_path, plan):
    files = []
    revised = tmp_path / "with-revision.docx"
    revised.write_bytes(make_docx(WITH_REVISION))  # the writer's own insertion and ours side by side
    for src in (DATA / "draft-pandoc.docx", DATA / "small-features-libreoffice.docx", revised):
        made, _ = suggest(src.read_bytes(), src.name, plan, False, "nl", DATE)
        path = tmp_path / f"suggested-{src.name}"
        path.write_bytes(made.data)
        files.append((path, made))
    outdir = tmp_path / "out"
    profile = (tmp_path / "lo-profile").as_uri()
    env = {**os.environ, "HOME": str(tmp_path)}
    for fmt in ("pdf", "docx:MS Word 2007 XML"):
        subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(outdir), *[str(p) for p, _ in files]], capture_output=True, timeout=300, env=env)
    for path, made in files:
        pdf = outdir / (path.stem + ".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), f"LibreOffice could not open {path.name}"
        back = (outdir / path.name).read_bytes()
        xml = "".join(part(back, n) for n in STORIES if n in zipfile.ZipFile(io.BytesIO(back)).namelist())
        # LibreOffice read our revisions as revisions and wrote them back as such
        assert len(re.findall(r'<w:(?:ins|del) [^>]*w:author="letterlint"', xml)) >= made.changes
        assert _revised_text(back) == _revised_text(made.data)
    assert "de de brief" in _revised_text((outdir / "suggested-with-revision.docx").read_bytes(), "Schrijver")["ins"]


def _revised_text(data: bytes, author: str = "letterlint") -> dict[str, str]:
    """All text deleted and all text inserted by `author`, in document order."""
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    out = {"del": "", "ins": ""}
    for name in STORIES:
        if name in names:
            for el in ET.fromstring(part(data, name).encode()).iter():
                kind = el.tag.removeprefix(Q)
                if kind in out and el.get(f"{Q}author") == author:
                    out[kind] += "".join(t.text or "" for t in el.iter() if t.tag in (f"{Q}t", f"{Q}delText"))
    return out

"""The HTML report: self-contained, every finding highlighted on its own words, filters that work — checked in
the page's source and in a real headless Chromium (skipped where none is installed; .ci/run installs one)."""

import json
import os
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser

import pytest
from conftest import DATA, EXAMPLE, run_cli

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")


class Page(HTMLParser):
    """Collects the marks (by finding id), the message items, and anything that loads from elsewhere."""

    def __init__(self):
        super().__init__()
        self.marks: dict[str, str] = {}
        self.items: dict[str, dict] = {}
        self.external: list[str] = []
        self.scripts = 0
        self._open: list[tuple[str, list[str] | None]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith("#"):
                self.external.append(a[key])
        if tag == "link":
            self.external.append(str(a))
        if tag == "script":
            self.scripts += 1
        if tag == "li" and "data-finding" in a:
            self.items[a["data-finding"]] = a
        ids = a.get("data-ids", "").split() if tag == "mark" else None
        if tag in ("mark", "span", "sup", "a", "li", "div", "aside", "p", "ul", "section", "h2", "h3", "br"):
            if tag != "br":
                self._open.append((tag, ids))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data):
        for tag, ids in self._open:
            if tag == "mark" and ids:
                for i in ids:
                    self.marks[i] = self.marks.get(i, "") + data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


@pytest.fixture
def report(tmp_path):
    docx = tmp_path / "kort.docx"
    docx.write_bytes((DATA / "small-features.docx").read_bytes())
    txt = tmp_path / "concept.txt"
    txt.write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "rapport.html"
    proc = run_cli("kort.docx", "concept.txt", "--report", out.name, "--show", "info", cwd=tmp_path)
    assert proc.returncode == 1 and out.is_file(), proc.stderr
    data = json.loads(run_cli("--format", "json", "kort.docx", "concept.txt", cwd=tmp_path).stdout)
    return out, data


def _expected(data):
    """The findings in the order the page numbers them, with the text each highlights."""
    return [(f["rule"], f["severity"], f["text"]) for entry in data["files"] for f in entry["findings"]]


def test_the_page_is_self_contained_and_marks_every_finding_on_its_words(report):
    out, data = report
    html = out.read_text("utf-8")
    page = parse(html)
    assert page.external == [] and page.scripts == 1  # nothing from elsewhere; one inline script
    findings = _expected(data)
    assert len(page.items) == len(findings)
    by_rule_text = {}
    for fid, item in page.items.items():
        by_rule_text.setdefault((item["data-rule"], item["data-severity"]), []).append(page.marks.get(fid))
    for rule, sev, text in findings:
        marked = by_rule_text[(rule, sev)]
        if text and "\n" not in text:
            assert text in marked, (rule, text)
    # a few by hand: the typo in the .docx, a broken cross-reference, a leaked bookmark in the export
    assert "RVIM" in by_rule_text[("typo", "warning")]
    assert "Fout! Verwijzingsbron niet gevonden." in by_rule_text[("bookmark-artefact", "error")]
    assert "[bookmark: _GoBack]" in by_rule_text[("bookmark-artefact", "warning")]
    # footnotes as notes beside their paragraph, with the reference mark
    assert '<aside class="note" id="note-footnote-1">' in html and 'href="#note-footnote-1"' in html
    assert "Kamerstuk 28089, nr. 346." in html


def test_html_in_english(tmp_path):
    (tmp_path / "brief.txt").write_text("Het RVIM meet.\n", encoding="utf-8")
    html = run_cli("--format", "html", "--lang", "en", "brief.txt", cwd=tmp_path).stdout.decode()
    assert '<html lang="en">' in html and "letterlint report" in html and ">warning [typo]" in html


# -- in a real browser --------------------------------------------------------------------------------------


def chromium(tmp_path, *args, timeout=90):
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args]
    proc = subprocess.run(cmd, capture_output=True, timeout=timeout, env={**os.environ, "HOME": str(tmp_path)})
    shutil.rmtree(profile, ignore_errors=True)
    return proc


def dom(tmp_path, url: str) -> str:
    proc = chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", url)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    return proc.stdout.decode("utf-8")


class Shown(HTMLParser):
    """After the browser ran the page's script: which items are hidden, which marks are switched off."""

    def __init__(self):
        super().__init__()
        self.items, self.marks, self.visible = {}, {}, None
        self._in_visible = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "li" and "data-finding" in a:
            self.items[a["data-finding"]] = (a["data-severity"], a["data-rule"], "hidden" not in classes)
        if tag == "mark" and "data-ids" in a:
            self.marks[a["data-ids"]] = "off" not in classes
        self._in_visible = a.get("id") == "visible"

    def handle_data(self, data):
        if self._in_visible:
            self.visible = int(data)
            self._in_visible = False


def shown(html: str) -> Shown:
    s = Shown()
    s.feed(html)
    return s


@needs_chromium
def test_chromium_renders_the_page_and_the_filters_work(report, tmp_path):
    out, data = report
    url = out.as_uri()
    everything = shown(dom(tmp_path, url))
    total = len(_expected(data))
    assert everything.visible == total and all(v for _, _, v in everything.items.values())  # the script ran
    errors = shown(dom(tmp_path, url + "#severity=error"))
    assert errors.visible == sum(1 for _, sev, _ in _expected(data) if sev == "error")
    assert all(visible == (sev == "error") for sev, _, visible in errors.items.values())
    for ids, on in errors.marks.items():  # a mark stays lit only where one of its findings is shown
        assert on == any(errors.items[i][0] == "error" for i in ids.split())
    typo = shown(dom(tmp_path, url + "#rule=typo"))
    assert all(visible == (rule == "typo") for _, rule, visible in typo.items.values())
    assert typo.visible == sum(1 for rule, _, _ in _expected(data) if rule == "typo")


def _png_pixels(path):
    """(width, height, rows of RGBA bytes) of a PNG as Chromium writes it (8-bit RGBA or RGB, no interlace)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6)
            bpp = 4 if color == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


@needs_chromium
def test_chromium_screenshot_shows_the_highlights(tmp_path):
    (tmp_path / "brief.txt").write_text("Zie Fout! Verwijzingsbron niet gevonden. in de bijlage.\n", encoding="utf-8")
    assert run_cli("brief.txt", "--report", "r.html", cwd=tmp_path).returncode == 1
    shot = tmp_path / "shot.png"
    proc = chromium(tmp_path, "--window-size=900,500", f"--screenshot={shot}", (tmp_path / "r.html").as_uri())
    assert shot.is_file(), proc.stderr.decode(errors="replace")[-2000:]
    width, height, bpp, rows = _png_pixels(shot)
    # the error highlight's colour (#ffd6d6) covers a stretch of the page: the words are marked, visibly
    pink = sum(1 for row in rows for x in range(0, width * bpp, bpp) if row[x:x + 3] == b"\xff\xd6\xd6")
    assert pink > 500

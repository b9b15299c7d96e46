#!/usr/bin/env python3
"""Regenerate the letterlint test fixtures in tests/data/.

    python3 tests/data/make_fixtures.py

Needs Python >= 3.11 (standard library only), pandoc and LibreOffice (`soffice`).  Other binaries can be
chosen with the environment variables PANDOC and SOFFICE.  Made with pandoc 2.17.1.1 and LibreOffice
7.4.7.2; other versions write different (but equivalent) XML.

The outputs are committed, so the test suite needs neither pandoc nor LibreOffice.  Re-run this script
only to change a fixture, then review the diff and the regenerated README.md (counts are measured from the
XML each run).  The pandoc outputs are reproducible (SOURCE_DATE_EPOCH is fixed); LibreOffice stamps the
current time into its files, so its .docx files change on every run.

Writes, next to this script:

    draft.md                         the example draft (examples/…omwonenden.txt) as pandoc Markdown
    draft-pandoc.docx                pandoc draft.md --lua-filter=word-bookmarks.lua -o draft-pandoc.docx
    draft-libreoffice.docx           draft-pandoc.docx re-saved by LibreOffice (docx:"MS Word 2007 XML")
    small-features.md                a small letter with every Word feature pandoc can be made to write
    small-features.docx              pandoc small-features.md --lua-filter=word-bookmarks.lua -o …
    small-features-libreoffice.docx  small-features.docx re-saved by LibreOffice
    export-basic.txt                 Apache POI/Tika style plain-text exports (UTF-8, cp1252, UTF-16 + BOM)
    export-cp1252.txt
    export-utf16.txt
    README.md                        what each fixture is and contains (measured)

word-bookmarks.lua (committed next to this script, not generated) keeps Word's hidden bookmark names
(_GoBack, _Hlk…): pandoc's docx writer would otherwise rename them to "X<sha1>".
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DRAFT_TXT = ROOT / "examples" / "schriftelijk-overleg-actieagenda-industrie-en-omwonenden.txt"
LUA_FILTER = HERE / "word-bookmarks.lua"

PANDOC = os.environ.get("PANDOC", "pandoc")
SOFFICE = os.environ.get("SOFFICE", "soffice")
SOURCE_DATE_EPOCH = "1772323200"  # 2026-03-01T00:00:00Z: fixed dates and zip timestamps in pandoc output

MAX_DOCX_BYTES = 100_000


# --------------------------------------------------------------------------------------------------
# 1. The POI/Tika plain-text export -> pandoc Markdown
# --------------------------------------------------------------------------------------------------

# `[bookmark: NAME]`, `[footnoteRef:N]` and the start of a footnote body `[N:  body]`.
BOOKMARK_RE = re.compile(r"\[bookmark: ([^\]\s]+)\]")
NOTEREF_RE = re.compile(r"\[footnoteRef:(\d+)\]")
NOTEBODY_START_RE = re.compile(r"\[(\d+):  ?")
HEADING_RE = re.compile(
    r"^(?:Vragen en opmerkingen van de leden van de .+-fractie|Beantwoording schriftelijk overleg .+)$"
)

# Characters that pandoc Markdown could read as markup.  Escaping " and ' also keeps pandoc's `smart`
# extension from curling the draft's straight quotes.
_ESCAPE = set("\\`*_[]<>\"'$^~@|{}")


def md_escape(text: str, *, line_start: bool = False) -> str:
    """Escape `text` so that pandoc Markdown reads it back as exactly this text."""
    out = "".join("\\" + c if c in _ESCAPE else c for c in text)
    out = out.replace("...", "\\.\\.\\.").replace("--", "-\\-")  # `smart`: ellipsis, dashes
    out = re.sub(r"&(?=#?\w+;)", r"\\&", out)  # entity look-alikes
    if line_start:
        out = out.lstrip(" \t") if re.match(r"[ \t]{4}|\t", out) else out  # no indented code blocks
        # list markers ("1. ", "a) ", "(ii) ", "- "), headings, block quotes, definition lists,
        # a title block, a horizontal rule
        out = re.sub(r"^(\s*\(?(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+))([.)])(?=\s|$)", r"\1\\\2", out)
        out = re.sub(r"^(\s*)([-+*#>:%=])", r"\1\\\2", out)
    return out


def convert_inline(text: str, *, line_start: bool) -> str:
    """Markdown for paragraph text: bookmark markers -> empty spans, footnote refs -> [^N]."""
    pieces: list[str] = []
    pos = 0
    first = line_start
    for m in re.finditer(f"{BOOKMARK_RE.pattern}|{NOTEREF_RE.pattern}", text):
        if m.start() > pos:
            pieces.append(md_escape(text[pos : m.start()], line_start=first))
        first = False
        if m.group(1) is not None:
            pieces.append(f'[]{{id="{m.group(1)}"}}')
        else:
            pieces.append(f"[^{m.group(2)}]")
        pos = m.end()
    if pos < len(text):
        pieces.append(md_escape(text[pos:], line_start=first))
    return "".join(pieces)


def split_note_bodies(line: str) -> tuple[str, list[tuple[str, str]]]:
    """Split an export line into its paragraph text and the `[N:  body]` footnote bodies after it.

    A body starts at `[N:` for a number N that is referenced by `[footnoteRef:N]` earlier on the line
    and runs to the last `]` before the next body (bodies may contain brackets themselves).
    """
    refs = NOTEREF_RE.findall(line)
    if not refs:
        return line, []
    starts = []
    search_from = 0
    for n in refs:
        m = re.compile(rf"\[{n}:  ?").search(line, search_from)
        if m is None:
            continue  # a reference without a body in the export: leave it to the linter
        starts.append((n, m))
        search_from = m.end()
    if not starts:
        return line, []
    text = line[: starts[0][1].start()]
    bodies = []
    for i, (n, m) in enumerate(starts):
        stop = starts[i + 1][1].start() if i + 1 < len(starts) else len(line)
        chunk = line[m.end() : stop]
        close = chunk.rfind("]")
        if close < 0:
            raise ValueError(f"footnote body {n} is not closed: {chunk[:60]!r}")
        bodies.append((n, chunk[:close]))
    return text, bodies


def table_markdown(rows: list[list[str]]) -> str:
    """A headerless pipe table (an all-empty header row is how pandoc spells 'no header')."""
    ncols = max(len(r) for r in rows)

    def cell(s: str) -> str:
        return convert_inline(s.strip(), line_start=False)

    lines = ["|" + "|".join(["   "] * ncols) + "|", "|" + "|".join(["---"] * ncols) + "|"]
    for r in rows:
        r = r + [""] * (ncols - len(r))
        lines.append("| " + " | ".join(cell(c) for c in r) + " |")
    return "\n".join(lines)


def export_to_markdown(source: str) -> str:
    lines = source.split("\n")
    blocks: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            # A table: tab-led cell lines; a blank line ends a row.
            rows: list[list[str]] = [[]]
            j = i
            while j < len(lines) and (lines[j].startswith("\t") or not lines[j].strip()):
                if lines[j].startswith("\t"):
                    rows[-1].extend(lines[j][1:].split("\t"))
                elif rows[-1]:
                    rows.append([])
                j += 1
            rows = [r for r in rows if r]
            if any(c.strip() for r in rows for c in r):
                blocks.append(table_markdown(rows))
            # else: empty layout cells (the letterhead), nothing to keep
            i = j
            continue
        i += 1
        if not line.strip():
            continue
        text, bodies = split_note_bodies(line)
        if HEADING_RE.match(text.strip()):
            blocks.append("## " + convert_inline(text.strip(), line_start=False))
        else:
            blocks.append(convert_inline(text.rstrip(), line_start=True))
        for n, body in bodies:
            blocks.append(f"[^{n}]: " + convert_inline(body.strip(), line_start=False))
    return "\n\n".join(blocks) + "\n"


# --------------------------------------------------------------------------------------------------
# 2. small-features.md: a short letter exercising footnotes, bookmarks, fields, changes, comments, …
# --------------------------------------------------------------------------------------------------

AUTHOR = 'author="Jansen, P." date="2026-03-02T09:15:00Z"'
AUTHOR_DEL = 'author="Jansen, P." date="2026-03-02T09:20:00Z"'
AUTHOR_INS = 'author="Jansen, P." date="2026-03-02T09:21:00Z"'

REF_FIELD = (
    '`<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> REF _Hlk224100117 \\h </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>Fout! Verwijzingsbron niet gevonden.</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>`{=openxml}'
)
PAGEREF_FIELD = (
    '`<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGEREF _Hlk224100999 \\h </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>Fout! Bladwijzer niet gedefinieerd.</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>`{=openxml}'
)
# A document property, as in the Rijkshuisstijl letter templates.  (A DATE field would be recomputed to
# today's date by LibreOffice, making the LibreOffice fixture change on every run.)
SIMPLE_FIELD = (
    '`<w:fldSimple w:instr=" DOCPROPERTY Kenmerk ">'
    "<w:r><w:t>IENW/BSK-2026/41234</w:t></w:r></w:fldSimple>`{=openxml}"
)

SMALL_FEATURES_MD = f"""\
Ons kenmerk: {SIMPLE_FIELD}

Geachte voorzitter,

Hierbij ontvangt u de antwoorden op de vragen van de vaste commissie voor Infrastructuur en Waterstaat \
over de Actieagenda Industrie en Omwonenden[^1].

## Vragen en opmerkingen van de leden van de VVD-fractie

[De leden van de VVD-fractie vragen hoe het RVIM de metingen van industriële emissies rond Chemelot \
controleert.]{{id="_Hlk224100117"}}

Antwoord: Het RIVM valideert de meetgegevens van de provincie jaarlijks[^2]. \
[Bron van deze zin toevoegen?]{{.comment-start id="1" {AUTHOR}}}De resultaten worden gepubliceerd in \
de Atlas Leefomgeving.[]{{.comment-end id="1"}} De pilot meten loopt tot \
[eind 2025]{{.deletion {AUTHOR_DEL}}}[eind 2027]{{.insertion {AUTHOR_INS}}}.

[]{{id="_Hlk224100233"}}De leden van de VVD-fractie vragen daarnaast welke pilots dit jaar starten en \
wanneer de Kamer over de resultaten wordt geïnformeerd.

Antwoord: In aanvulling op het antwoord op de vraag over {REF_FIELD} starten dit jaar twee pilots:

- de pilot meten, samen met de omgevingsdiensten;
- de pilot versteviging GGD-advies.

| Pilot       | Start                |
|-------------|----------------------|
| Pilot meten | tweede kwartaal 2026 |

Zie voor de planning pagina {PAGEREF_FIELD} van de bijlage.

\\[bookmark: \\_Hlk999\\]De Kamer ontvangt na de zomer een voortgangsbrief over beide pilots.

[]{{id="_GoBack"}}Hoogachtend,

DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,

[^1]: Kamerstuk 28089, nr. 346.

[^2]: Zie ook de Kamerbrief van 19 december jl. over de pilot meten.
"""


# --------------------------------------------------------------------------------------------------
# 3. Small POI/Tika-style plain-text exports
# --------------------------------------------------------------------------------------------------

# Cut from the draft (slightly shortened); footnote 1's body contains brackets, footnote 2's body has a
# line break in it (a footnote of two paragraphs), so its closing "]" is on the next line.
EXPORT_BASIC = (
    "\n".join(
        [
            " [bookmark: _GoBack]Geachte voorzitter, ",
            "",
            "Vragen en opmerkingen van de leden van de D66-fractie",
            "[bookmark: _Hlk221883716][bookmark: _Hlk221883755]De leden van de D66-fractie vragen daarnaast nadrukkelijk naar de effectiviteit van de periodieke herziening van vergunningen. Biedt de huidige systematiek daadwerkelijk voldoende handelingsperspectief? ",
            "",
            "[bookmark: _Hlk223596428]Antwoord: Hoewel er binnen de huidige wet- en regelgeving juridische instrumenten bestaan om vergunningen aan te passen of aan te scherpen[footnoteRef:1], blijken deze in sommige situaties in de praktijk lastig uitvoerbaar te zijn. Dit is in lijn met de motie-Gabriëls c.s.[footnoteRef:2] [1:  De wet- en regelgeving kent een aantal gronden voor het ambtshalve wijzigen van de vergunning (afdeling 8.10 van het Besluit kwaliteit leefomgeving [Bkl]).]  [2:  Kamerstukken II, 2023-2024, 28089, nr. 287",
            "Zie ook de bijlage bij Kamerstukken II, 2024-2025, nr. 335] ",
            "[bookmark: _Hlk221883775]",
            "Is de staatsecretaris bereid de gezondheidscomponent structureel te verankeren bij alle vergunningsaanvragen waarvoor reeds een MER-plicht geldt?",
            "",
            "Antwoord; In de bestaande MER-regelgeving is gezondheid al verankerd..",
        ]
    )
    + "\n"
)

# The same kind of text with é/ë/ï and curly quotes, for the cp1252 export (all of it is in cp1252).
EXPORT_CP1252 = (
    "\n".join(
        [
            "Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie",
            "[bookmark: _Hlk221885024]De leden van de GroenLinks-PvdA-fractie vragen de staatssecretaris of hij de mening deelt dat het principe ‘de vervuiler betaalt’ ook voor industriële emissies moet gelden. ",
            "",
            "Antwoord: Het kabinet zoekt altijd naar een goede balans. Eén van de uitgangspunten is dat de GGD’en vroegtijdig worden betrokken bij het opstellen van omgevingsvisies[footnoteRef:1]. Omwonenden worden daarover geïnformeerd via de Atlas Leefomgeving – zie ook het rapport van de Onderzoeksraad voor Veiligheid (OVV) over het “Tata-dossier”. [1:  Kamerstukken II, 2023-2024, 28089, nr. 287 (motie-Gabriëls c.s.)] ",
            "",
            "[bookmark: _Hlk221885149]Wat is de stand van zaken van de financiële prikkels uit ‘actie 8’? ",
            "",
            "Antwoord: Dit wordt meegenomen in de verkenning naar positieve financiële prikkels.",
        ]
    )
    + "\n"
)

EXPORT_UTF16 = (
    "\n".join(
        [
            "Vragen en opmerkingen van de leden van de BBB-fractie",
            "[bookmark: _Hlk221888264][bookmark: _Hlk221888329]De leden van de BBB-fractie vragen of de staatssecretaris de analyse deelt dat Nederland een aantrekkelijk vestigingsklimaat voor de industrie moet behouden. ",
            "",
            "Antwoord: Zoals weergegeven in de paragraaf ‘De sterkste economie van Europa’ van het coalitieakkoord staat het verdienvermogen van Nederland onder druk[footnoteRef:1]. [1:  Kamerstuk 28089, nr. 346] ",
            "",
            "[bookmark: _Hlk221888382]Deze leden vragen of GGD’en momenteel beschikken over voldoende technische kennis van industriële processen?",
            "",
            "Antwoord: De kennis van de GGD’en betreft de gezondheidsgevolgen van besluiten en ontwikkelingen in de leefomgeving.",
        ]
    )
    + "\n"
)


# --------------------------------------------------------------------------------------------------
# Running the producers
# --------------------------------------------------------------------------------------------------


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("  $", " ".join(cmd), file=sys.stderr)
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def pandoc_docx(md: Path, out: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    run(
        [PANDOC, md.name, "--lua-filter", LUA_FILTER.name, "-o", out.name],
        cwd=md.parent,
        env=env,
    )


def libreoffice_resave(src: Path, dst: Path) -> None:
    """Open `src` in LibreOffice and save it again as Word 2007-365 .docx (its own writer)."""
    with tempfile.TemporaryDirectory(prefix="letterlint-lo-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        outdir = Path(tmp, "out")
        run(
            [
                SOFFICE,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(outdir),
                str(src),
            ],
            timeout=300,
        )
        produced = outdir / src.name
        if not produced.exists():
            raise RuntimeError(f"LibreOffice did not write {produced}")
        shutil.move(produced, dst)


def tool_version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, check=True, text=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.strip().splitlines()[0]


# --------------------------------------------------------------------------------------------------
# Measuring what a .docx contains (by counting elements in its XML)
# --------------------------------------------------------------------------------------------------


def _read(z: zipfile.ZipFile, name: str) -> str:
    try:
        return z.read(name).decode("utf-8")
    except KeyError:
        return ""


def measure_docx(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        doc = _read(z, "word/document.xml")
        fn = _read(z, "word/footnotes.xml")
        en = _read(z, "word/endnotes.xml")
        com = _read(z, "word/comments.xml")

    def count(pattern: str, xml: str = doc) -> int:
        return len(re.findall(pattern, xml))

    bookmarks = re.findall(r'<w:bookmarkStart\b[^>]*\bw:name="([^"]*)"', doc)
    instr = [
        " ".join(html.unescape(i).split())
        for i in re.findall(r"<w:instrText\b[^>]*>([^<]*)</w:instrText>", doc)
        + re.findall(r'<w:fldSimple\b[^>]*\bw:instr="([^"]*)"', doc)
    ]
    styles = re.findall(r'<w:pStyle w:val="([^"]*)"', doc)
    return {
        "size": path.stat().st_size,
        "parts": sorted(n for n in names if n.startswith("word/") and n.endswith(".xml")),
        "paragraphs": count(r"<w:p[ >/]"),
        "headings": sum(1 for s in styles if re.match(r"(?i)heading\s*\d|kop\s*\d", s)),
        "heading_styles": sorted({s for s in styles if re.match(r"(?i)heading\s*\d|kop\s*\d", s)}),
        "tables": count(r"<w:tbl>"),
        "list_paragraphs": count(r"<w:numPr>"),
        "footnote_refs": count(r"<w:footnoteReference\b"),
        "footnotes": count(r"<w:footnote\b", fn),
        "footnotes_real": count(r"<w:footnote\b(?![^>]*w:type=)", fn),
        "endnote_refs": count(r"<w:endnoteReference\b"),
        "endnotes_real": count(r"<w:endnote\b(?![^>]*w:type=)", en),
        "bookmarks": len(bookmarks),
        "bookmark_names": len(set(bookmarks)),
        "bookmark_ends": count(r"<w:bookmarkEnd\b"),
        "bookmarks_hlk": sum(1 for b in set(bookmarks) if b.startswith("_Hlk")),
        "bookmarks_goback": sum(1 for b in set(bookmarks) if b == "_GoBack"),
        "bookmarks_other": sorted(b for b in set(bookmarks) if not b.startswith("_Hlk") and b != "_GoBack"),
        "bookmarks_duplicated": sorted({b for b in bookmarks if bookmarks.count(b) > 1}),
        "fields_complex": count(r'<w:fldChar w:fldCharType="begin"'),
        "fields_simple": count(r"<w:fldSimple\b"),
        "field_instructions": instr,
        "ins": count(r"<w:ins\b"),
        "del": count(r"<w:del\b"),
        "comments": count(r"<w:comment\b", com),
        "comment_refs": count(r"<w:commentReference\b"),
        "comment_ranges": count(r"<w:commentRangeStart\b"),
        "text_fout": count(r"Fout! Verwijzingsbron niet gevonden\.")
        + count(r"Fout! Bladwijzer niet gedefinieerd\."),
        "text_leaked_bookmark": count(r"\[bookmark: _Hlk999\]"),
        "text_rvim": count(r"RVIM"),
    }


def measure_export(path: Path, encoding: str) -> dict[str, object]:
    raw = path.read_bytes()
    text = raw.decode(encoding)
    return {
        "bytes": len(raw),
        "bom": raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:3] == b"\xef\xbb\xbf",
        "lines": text.count("\n"),
        "bookmarks": len(BOOKMARK_RE.findall(text)),
        "footnote_refs": len(NOTEREF_RE.findall(text)),
        "footnote_bodies": len(NOTEBODY_START_RE.findall(text)),
        "non_ascii": "".join(sorted({c for c in text if ord(c) > 127})),
    }


# --------------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------------


def docx_row(name: str, m: dict[str, object]) -> str:
    other = m["bookmarks_other"]
    return (
        f"| `{name}` | {m['size'] / 1024:.0f} KB | {m['paragraphs']} | {m['headings']} | {m['tables']} "
        f"| {m['footnote_refs']} / {m['footnotes_real']} | {m['endnote_refs']} "
        f"| {m['bookmarks']} starts, {m['bookmark_ends']} ends, {m['bookmark_names']} names "
        f"({m['bookmarks_hlk']} `_Hlk`, {m['bookmarks_goback']} `_GoBack`, {len(other)} other) "
        f"| {m['fields_complex']} + {m['fields_simple']} | {m['ins']} / {m['del']} | {m['comments']} |"
    )


COMPARED = {
    "paragraphs": "paragraphs",
    "headings": "headings",
    "tables": "tables",
    "list_paragraphs": "list paragraphs",
    "footnote_refs": "footnote references",
    "footnotes_real": "footnotes",
    "bookmarks": "w:bookmarkStart elements",
    "bookmark_ends": "w:bookmarkEnd elements",
    "bookmark_names": "distinct bookmark names",
    "bookmarks_hlk": "`_Hlk` bookmarks",
    "bookmarks_goback": "`_GoBack` bookmarks",
    "fields_complex": "complex fields",
    "fields_simple": "w:fldSimple fields",
    "ins": "insertions",
    "del": "deletions",
    "comments": "comments",
    "text_fout": "broken field results",
}


def roundtrip_notes(label: str, before: dict, after: dict) -> list[str]:
    same = [v for k, v in COMPARED.items() if before[k] == after[k]]
    changed = [f"{v} {before[k]} → {after[k]}" for k, v in COMPARED.items() if before[k] != after[k]]
    out = [f"* {label}: unchanged: {', '.join(same)}.", f"  Changed: {'; '.join(changed) or 'nothing'}."]
    if after["bookmarks_duplicated"]:
        out.append(
            f"  LibreOffice wrote a second `w:bookmarkStart` (without a matching `w:bookmarkEnd`) for "
            f"{len(after['bookmarks_duplicated'])} bookmark name(s): "
            + ", ".join(
                f"`{b}`" for b in sorted(after["bookmarks_duplicated"], key=lambda b: (b[0] != "_", b))
            )
            + " (bookmarks that are alone in an empty paragraph or span several paragraphs)."
        )
    if before["field_instructions"] != after["field_instructions"]:
        out.append(
            "  Field instructions before: "
            + "; ".join(f"`{i}`" for i in before["field_instructions"])
            + "; after: "
            + "; ".join(f"`{i}`" for i in after["field_instructions"])
            + "."
        )
    return out


def write_readme(docx: dict[str, dict], exports: dict[str, dict], versions: dict[str, str]) -> None:
    def field_list(m: dict) -> str:
        return "; ".join(f"`{i}`" for i in m["field_instructions"]) or "none"

    d_p, d_l = docx["draft-pandoc.docx"], docx["draft-libreoffice.docx"]
    s_p, s_l = docx["small-features.docx"], docx["small-features-libreoffice.docx"]
    lines = [
        "# Test fixtures",
        "",
        "Generated by `python3 tests/data/make_fixtures.py` (which also writes this file; edit the script,",
        "not this file).  The outputs are committed, so the tests need neither pandoc nor LibreOffice.",
        "",
        f"* pandoc: `{versions['pandoc']}`",
        f"* LibreOffice: `{versions['soffice']}`",
        "",
        "All counts below were measured from the files' XML when they were made (regular expressions over",
        "`word/document.xml`, `word/footnotes.xml`, `word/comments.xml`), not written by hand.",
        "",
        "## Files",
        "",
        "| File | Made by | What it is |",
        "|---|---|---|",
        "| `draft.md` | `make_fixtures.py` from `examples/schriftelijk-overleg-actieagenda-industrie-en-omwonenden.txt` "
        "| The example draft as pandoc Markdown: the six party headings and the title line are `##` headings; "
        "`[footnoteRef:N]` → `[^N]`, `[N:  body]` → `[^N]: body` after the paragraph; `[bookmark: NAME]` → "
        '`[]{id="NAME"}` (pandoc 2.17 rejects `#_Hlk…` in the `{#id}` shorthand); the factsheet table (tab-led '
        "lines) → a headerless 2-column pipe table; empty lines and the empty letterhead cells dropped. "
        'All wording, typos and defects kept (straight quotes are `\\"`-escaped so `smart` does not curl them). |',
        "| `draft-pandoc.docx` | `SOURCE_DATE_EPOCH=1772323200 pandoc draft.md --lua-filter=word-bookmarks.lua -o draft-pandoc.docx` "
        "| Real footnotes (`word/footnotes.xml`), bookmarks, `Heading2` headings, one table. |",
        "| `draft-libreoffice.docx` | `soffice --headless -env:UserInstallation=file:///tmp/… --convert-to "
        'docx:"MS Word 2007 XML" draft-pandoc.docx` | The same document written by LibreOffice\'s DOCX export. |',
        "| `small-features.md` | written by `make_fixtures.py` (text in the script) | A short letter (VVD heading, "
        "two questions, two `Antwoord:` answers) using raw OOXML (`` `…`{=openxml} ``) for the fields. |",
        "| `small-features.docx` | `SOURCE_DATE_EPOCH=1772323200 pandoc small-features.md --lua-filter=word-bookmarks.lua -o small-features.docx` "
        "| Every feature listed below. |",
        "| `small-features-libreoffice.docx` | LibreOffice re-save of `small-features.docx` (as above) "
        "| What survives a LibreOffice round trip. |",
        "| `export-basic.txt` | hand-written excerpt of the draft, UTF-8 | POI/Tika text export. |",
        "| `export-cp1252.txt` | hand-written, encoded cp1252 (no BOM) | POI/Tika text export with é, ë, ï, ‘ ’ “ ” –. |",
        "| `export-utf16.txt` | hand-written, UTF-16 LE with BOM | POI/Tika text export. |",
        "| `word-bookmarks.lua` | hand-written pandoc Lua filter | Writes spans with an id starting with `_` as raw "
        "`w:bookmarkStart`/`w:bookmarkEnd` so the name survives (pandoc renames such bookmarks to `X<sha1>`). |",
        "",
        "## What the .docx files contain (measured)",
        "",
        "Paragraphs = all `w:p` in `document.xml` (table cells included).  Footnotes = `w:footnoteReference` in "
        "the body / `w:footnote` in `footnotes.xml` without `w:type` (the separator notes left out).  Fields = "
        "complex (`w:fldChar` begin) + simple (`w:fldSimple`).  Changes = `w:ins` / `w:del`.  Comments = "
        "`w:comment` in `comments.xml`.",
        "",
        "| File | Size | Paragraphs | Headings | Tables | Footnotes (refs / bodies) | Endnotes | Bookmarks "
        "| Fields | Changes (ins / del) | Comments |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [docx_row(n, m) for n, m in docx.items()]
    lines += [
        "",
        "Details:",
        "",
        f"* `draft-pandoc.docx`: heading styles {d_p['heading_styles']}; bookmarks other than `_Hlk`/`_GoBack`: "
        f"{len(d_p['bookmarks_other'])} (pandoc puts a bookmark named `X<sha1>` around every heading's section, "
        "because the auto-identifiers of the long headings exceed 40 characters). Text `RVIM` occurs "
        f"{d_p['text_rvim']}×. Parts: {', '.join(d_p['parts'])}.",
        f"* `draft-libreoffice.docx`: heading styles {d_l['heading_styles']}; bookmarks other than `_Hlk`/`_GoBack`: "
        f"{len(d_l['bookmarks_other'])}; fields: {field_list(d_l)}. Parts: {', '.join(d_l['parts'])}.",
        f"* `small-features.docx`: fields {field_list(s_p)}; broken field results "
        f"(`Fout! Verwijzingsbron niet gevonden.` / `Fout! Bladwijzer niet gedefinieerd.`): {s_p['text_fout']}; "
        f"leaked `[bookmark: _Hlk999]`: {s_p['text_leaked_bookmark']}; `RVIM`: {s_p['text_rvim']}; "
        f"list paragraphs: {s_p['list_paragraphs']}; bookmarks other than `_Hlk`/`_GoBack`: "
        f"{s_p['bookmarks_other']}. Parts: {', '.join(s_p['parts'])}.",
        f"* `small-features-libreoffice.docx`: fields {field_list(s_l)}; broken field results: {s_l['text_fout']}; "
        f"leaked `[bookmark: _Hlk999]`: {s_l['text_leaked_bookmark']}; `RVIM`: {s_l['text_rvim']}; "
        f"list paragraphs: {s_l['list_paragraphs']}; bookmarks other than `_Hlk`/`_GoBack`: "
        f"{s_l['bookmarks_other']}. Parts: {', '.join(s_l['parts'])}.",
        "",
        "### What the LibreOffice re-save changed (measured, LibreOffice 7.4)",
        "",
        *roundtrip_notes("draft", d_p, d_l),
        *roundtrip_notes("small-features", s_p, s_l),
        "",
        "### small-features: what is in it",
        "",
        "* heading `Vragen en opmerkingen van de leden van de VVD-fractie`, two questions, two answers starting "
        "`Antwoord:`;",
        "* two footnotes (`[^1]`, `[^2]`);",
        "* no endnote: pandoc's docx writer cannot write `word/endnotes.xml` (a raw `w:endnoteReference` would "
        "point at a missing part, and a reference document's endnotes part is not copied), so there is none;",
        "* bookmarks `_Hlk224100117` (encloses the first question; target of the REF field), `_Hlk224100233` "
        "(empty, not referenced), `_GoBack` (empty, before `Hoogachtend,`);",
        "* complex field ` REF _Hlk224100117 \\h ` with cached result `Fout! Verwijzingsbron niet gevonden.`;",
        "* complex field ` PAGEREF _Hlk224100999 \\h ` (no such bookmark) with cached result "
        "`Fout! Bladwijzer niet gedefinieerd.`;",
        "* simple field `w:fldSimple` ` DOCPROPERTY Kenmerk ` with result `IENW/BSK-2026/41234` (after `Ons kenmerk:`);",
        "* a tracked replacement in `De pilot meten loopt tot eind 2025 → eind 2027.`: deletion `eind 2025` "
        "directly followed by insertion `eind 2027`, author `Jansen, P.`;",
        "* a comment `Bron van deze zin toevoegen?` on `De resultaten worden gepubliceerd in de Atlas Leefomgeving.`;",
        "* a two-item bullet list and a 2×2 table (header row + one row);",
        "* the typo `RVIM` (once; the correct `RIVM` also occurs) and the leaked marker text `[bookmark: _Hlk999]` "
        "at the start of a paragraph.",
        "",
        "## Plain-text exports (measured)",
        "",
        "Same format as the example draft (Apache POI/Tika): one line per paragraph, `[bookmark: NAME]`, "
        "`[footnoteRef:N]`, footnote bodies `[N:  body]` after the paragraph's text.",
        "",
        "| File | Encoding | Bytes | Lines | Bookmarks | Footnote refs | Footnote bodies | Non-ASCII characters |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, m in exports.items():
        lines.append(
            f"| `{name}` | {m['encoding']}{' + BOM' if m['bom'] else ''} | {m['bytes']} | {m['lines']} "
            f"| {m['bookmarks']} | {m['footnote_refs']} | {m['footnote_bodies']} | {m['non_ascii']} |"
        )
    lines += [
        "",
        "* `export-basic.txt`: `_GoBack` and `_Hlk` bookmarks (two on one line, one alone on an otherwise empty "
        "line); footnote 1's body contains parentheses and square brackets (`(… [Bkl]).]`); footnote 2's body has a "
        "line break in it, so its closing `]` is on the next line; defects `staatsecretaris`, `Antwoord;` and `..`.",
        "* `export-cp1252.txt`: é/ë/ï, ’ (0x92), ‘ ’ “ ” and – in cp1252; one footnote whose body ends in `(…)]`.",
        "* `export-utf16.txt`: UTF-16 little-endian with a byte-order mark; bookmarks and one footnote.",
        "",
        "## Known differences from the source text",
        "",
        "* Markdown cannot hold empty paragraphs, so the draft's empty lines are not paragraphs in `draft.md` or the "
        ".docx files, and paragraph numbers differ from the text export.",
        "* pandoc collapses runs of spaces and drops leading/trailing spaces, so the three double spaces in the "
        "draft (`Bovendien  kunnen`, `lozen.  De`, `vergunningsvoorschriften.  Kunnen`) are in `draft.md` but are "
        "single spaces in the .docx files.",
        "* Non-heading section labels of the draft (`Proces`, `Factsheet`, …) stay ordinary paragraphs.",
        "",
        "## Made elsewhere",
        "",
        "* `suppressions.docx`, `suppressions-libreoffice.docx`: Word comments `letterlint: ignore …` anchored on "
        "findings, made by `make_suppressions.py` (pandoc, then a LibreOffice re-save); see its docstring.",
        "* `qa/`: the hand-made ground truth of the question–answer structure (`draft-truth.yaml`, "
        "`letters-truth.yaml`) and a small numbered letter (`numbered.txt`), used by `tests/qa_eval.py`.",
        "",
    ]
    (HERE / "README.md").write_text("\n".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------------------------------


def main() -> int:
    for tool in (PANDOC, SOFFICE):
        if shutil.which(tool) is None:
            print(f"error: {tool} not found (set PANDOC / SOFFICE)", file=sys.stderr)
            return 2
    versions = {
        "pandoc": tool_version([PANDOC, "--version"]),
        "soffice": tool_version([SOFFICE, "--version"]),
    }

    print("draft.md", file=sys.stderr)
    source = DRAFT_TXT.read_text(encoding="utf-8")
    (HERE / "draft.md").write_text(export_to_markdown(source), encoding="utf-8")

    print("draft-pandoc.docx", file=sys.stderr)
    pandoc_docx(HERE / "draft.md", HERE / "draft-pandoc.docx")
    print("draft-libreoffice.docx", file=sys.stderr)
    libreoffice_resave(HERE / "draft-pandoc.docx", HERE / "draft-libreoffice.docx")

    print("small-features.docx", file=sys.stderr)
    (HERE / "small-features.md").write_text(SMALL_FEATURES_MD, encoding="utf-8")
    pandoc_docx(HERE / "small-features.md", HERE / "small-features.docx")
    print("small-features-libreoffice.docx", file=sys.stderr)
    libreoffice_resave(HERE / "small-features.docx", HERE / "small-features-libreoffice.docx")

    print("exports", file=sys.stderr)
    (HERE / "export-basic.txt").write_bytes(EXPORT_BASIC.encode("utf-8"))
    (HERE / "export-cp1252.txt").write_bytes(EXPORT_CP1252.encode("cp1252"))
    (HERE / "export-utf16.txt").write_bytes(b"\xff\xfe" + EXPORT_UTF16.encode("utf-16-le"))

    # ---- checks ---------------------------------------------------------------------------------
    n_notes = len(NOTEREF_RE.findall(source))
    n_bookmarks = len(BOOKMARK_RE.findall(source))
    docx = {
        name: measure_docx(HERE / name)
        for name in (
            "draft-pandoc.docx",
            "draft-libreoffice.docx",
            "small-features.docx",
            "small-features-libreoffice.docx",
        )
    }
    problems = []
    for name in ("draft-pandoc.docx", "draft-libreoffice.docx"):
        m = docx[name]
        if (m["footnote_refs"], m["footnotes_real"]) != (n_notes, n_notes):
            problems.append(
                f"{name}: {m['footnote_refs']} refs / {m['footnotes_real']} footnotes, want {n_notes}"
            )
    if (
        docx["draft-pandoc.docx"]["bookmarks_hlk"] + docx["draft-pandoc.docx"]["bookmarks_goback"]
        != n_bookmarks
    ):
        problems.append(f"draft-pandoc.docx: Word bookmarks lost (want {n_bookmarks})")
    s = docx["small-features.docx"]
    want = {
        "footnote_refs": 2, "footnotes_real": 2, "bookmarks_hlk": 2, "bookmarks_goback": 1,
        "fields_complex": 2, "fields_simple": 1, "ins": 1, "del": 1, "comments": 1, "tables": 1,
        "text_fout": 2, "text_leaked_bookmark": 1, "text_rvim": 1,
    }  # fmt: skip
    for key, value in want.items():
        if s[key] != value:
            problems.append(f"small-features.docx: {key} = {s[key]}, want {value}")
    for name, m in docx.items():
        if m["size"] > MAX_DOCX_BYTES:
            problems.append(f"{name}: {m['size']} bytes (> {MAX_DOCX_BYTES})")
    exports = {}
    for name, enc in (
        ("export-basic.txt", "utf-8"),
        ("export-cp1252.txt", "cp1252"),
        ("export-utf16.txt", "utf-16"),
    ):
        exports[name] = dict(measure_export(HERE / name, enc), encoding=enc)
        if exports[name]["footnote_refs"] != exports[name]["footnote_bodies"]:
            problems.append(f"{name}: footnote refs and bodies differ")

    write_readme(docx, exports, versions)
    for name, m in docx.items():
        print(
            f"{name}: {m['size']} B, footnotes {m['footnote_refs']}/{m['footnotes_real']}, "
            f"bookmarks {m['bookmarks']} (_Hlk {m['bookmarks_hlk']}, _GoBack {m['bookmarks_goback']}), "
            f"fields {m['fields_complex']}+{m['fields_simple']}, ins/del {m['ins']}/{m['del']}, "
            f"comments {m['comments']}, headings {m['headings']}",
            file=sys.stderr,
        )
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print("ok", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

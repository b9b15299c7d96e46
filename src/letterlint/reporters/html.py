"""An HTML report: one self-contained page (no external assets, no scripts from elsewhere) with the letter's
text, every finding highlighted in place and its message beside it, a summary per rule and severity, and
filters by rule and severity.

    letterlint --format html draft.docx > rapport.html
    letterlint draft.docx --report rapport.html          (the usual output, and the report besides)

Each file is read again to show its text (the findings carry positions, not the text around them); standard
input cannot be read twice, so its findings are listed without the text.  Footnotes are shown as notes: in a
.docx beside the paragraph that references them (the reference mark as a superscript number); in a text
export the exporter's inline "[N: …]" bodies are set off as notes where they stand.

The filters also read the page address: `rapport.html#severity=error,warning&rule=typo` opens the page with
only those shown (handy for links from CI, and how the browser test drives them).
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from .. import __version__
from ..findings import RANK, SEVERITIES
from .text import docx_place, rule_table, severity_word, summary

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, TextIO

    from ..findings import Finding
    from ..model import Document
    from ..runner import FileResult

TITLE = {"nl": "letterlint-rapport", "en": "letterlint report"}
LABELS = {
    "nl": {"severity": "Ernst", "rule": "Regel", "count": "Aantal", "fix": "Met --fix", "filters": "Filters",
           "unplaced": "Bevindingen zonder plaats in de tekst", "notext": "De tekst kan niet worden getoond",
           "notes": "voetnoot", "all": "alles", "none": "niets", "unread": "kon niet worden gelezen",
           "suggestion": "Suggestie"},
    "en": {"severity": "Severity", "rule": "Rule", "count": "Count", "fix": "With --fix", "filters": "Filters",
           "unplaced": "Findings without a place in the text", "notext": "The text cannot be shown",
           "notes": "footnote", "all": "all", "none": "none", "unread": "could not be read",
           "suggestion": "Suggestion"},
}

CSS = """
body{font-family:Georgia,'Times New Roman',serif;margin:0;color:#1b1b1b;background:#fafafa}
header,main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}
header{font-family:system-ui,sans-serif}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-family:system-ui,sans-serif;font-size:1.1rem;border-bottom:1px solid #ccc}
table.summary{border-collapse:collapse;font-size:.9rem}table.summary td,table.summary th{padding:.15rem .6rem;
border-bottom:1px solid #ddd;text-align:left}table.summary td.n{text-align:right}
fieldset{display:inline-block;vertical-align:top;margin:.5rem .5rem .5rem 0;font-size:.9rem}
.par{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;margin:.25rem 0}
.par .text{white-space:pre-wrap;line-height:1.5}.par .num{color:#888;font:.75rem system-ui,sans-serif;margin-right:.4rem}
.msgs{list-style:none;margin:0;padding:0;font:.85rem/1.35 system-ui,sans-serif}
.msgs li{border-left:4px solid #999;padding:.15rem .5rem;margin-bottom:.3rem;background:#fff}
mark{background:#fff3b0;border-bottom:2px solid #c90;padding:0 1px}
mark.error,li.error{border-color:#c00}mark.error{background:#ffd6d6}
mark.warning,li.warning{border-color:#d80}mark.info,li.info{border-color:#39c}mark.info{background:#dff0ff}
mark.point{background:none;color:#c00;font-weight:bold}
mark.off{background:none;border-bottom:none}
sup.ref{color:#555;font-size:.7rem}
aside.note{font-size:.85rem;color:#333;border-left:2px solid #bbb;margin:.2rem 0 .2rem 1.5rem;padding-left:.5rem;white-space:pre-wrap}
span.note{font-size:.85rem;color:#444;background:#f0f0f0}
.hidden{display:none}.badge{font-weight:bold;margin-right:.3rem}
"""

SCRIPT = """
(function(){
 function checked(name){return Array.from(document.querySelectorAll('input[name='+name+']:checked')).map(function(e){return e.value;});}
 function apply(){
  var sev=checked('severity'),rule=checked('rule'),shown={};
  document.querySelectorAll('[data-finding]').forEach(function(el){
   var ok=sev.indexOf(el.dataset.severity)>=0&&rule.indexOf(el.dataset.rule)>=0;
   shown[el.dataset.finding]=ok;el.classList.toggle('hidden',!ok);});
  document.querySelectorAll('mark[data-ids]').forEach(function(m){
   var any=m.dataset.ids.split(' ').some(function(i){return shown[i];});m.classList.toggle('off',!any);});
  var n=Object.keys(shown).filter(function(k){return shown[k];}).length;
  var c=document.getElementById('visible');if(c){c.textContent=n;}
 }
 function fromHash(){
  var h=decodeURIComponent(location.hash.replace(/^#/,''));if(!h){return;}
  h.split('&').forEach(function(part){var kv=part.split('=');if(kv.length!==2){return;}
   var want=kv[1].split(',');
   document.querySelectorAll('input[name='+kv[0]+']').forEach(function(e){e.checked=want.indexOf(e.value)>=0;});});
 }
 document.querySelectorAll('input[name=severity],input[name=rule]').forEach(function(e){e.addEventListener('change',apply);});
 fromHash();apply();window.addEventListener('hashchange',function(){fromHash();apply();});
})();
"""


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


class _Ids:
    def __init__(self):
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


def _marked(text: str, spans: list[tuple[int, int, int, str | None, str]], notes: Sequence[tuple[int, int]] = (),
            inserts: dict | None = None) -> str:
    """`text` as HTML with <mark> around each finding's span (start, end, id, severity, rule); empty spans
    become a caret; overlapping findings share segments.  `notes` are (start, end) spans to set off as notes."""
    cuts = {0, len(text)}
    for s, e, *_ in spans:
        cuts.update((max(0, min(s, len(text))), max(0, min(e, len(text)))))
    for s, e in notes:
        cuts.update((s, e))
    inserts = {max(0, min(k, len(text))): v for k, v in (inserts or {}).items()}
    cuts.update(inserts)
    points = defaultdict(list)
    for s, e, i, sev, rule in spans:
        if e <= s:
            points[max(0, min(s, len(text)))].append((i, sev, rule))
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:] + [None], strict=True):
        for i, sev, rule in points.pop(a, []):
            out.append(f'<mark class="point {sev}" data-ids="{i}" title="{_e(rule)}">⁁</mark>')
        if a in inserts:
            out.append(inserts.pop(a))
        if b is None:
            break
        piece = _e(text[a:b])
        active = [(i, sev) for s, e, i, sev, _ in spans if s <= a and b <= e and e > s]
        if active:
            worst = max(active, key=lambda x: RANK[x[1] or ""])[1]
            piece = f'<mark class="{worst}" data-ids="{" ".join(str(i) for i, _ in active)}">{piece}</mark>'
        if any(s <= a and b <= e for s, e in notes):
            piece = f'<span class="note">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _item(fid: int, f: Finding, lang: str, place: str) -> str:
    sugg = f" → {_e(f.suggestion(lang))}" if f.suggestion is not None else ""
    return (f'<li class="{f.severity}" data-finding="{fid}" data-severity="{f.severity}" data-rule="{_e(f.rule)}">'
            f'<span class="badge">{fid}</span>{_e(severity_word(f.severity or "", lang))} [{_e(f.rule)}] '
            f'{_e(place)}{_e(f.message(lang))}{sugg}</li>')


def _par_html(number: str, body: str, items: list[str], extra: str = "") -> str:
    msgs = f'<ul class="msgs">{"".join(items)}</ul>' if items else '<ul class="msgs"></ul>'
    return (f'<div class="par"><div class="text"><span class="num">{_e(number)}</span>{body}{extra}</div>'
            f'{msgs}</div>')


def _text_document(doc: Document, findings: list[Finding], ids: _Ids, lang: str) -> tuple[list[str], list]:
    """A text export or Markdown file: its lines, grouped by paragraph, marks at their source offsets."""
    src = doc.source or ""
    per_line: dict[int | None, list] = defaultdict(list)
    for f in findings:
        per_line[f.location.line].append(f)
    note_spans = []
    for note in doc.notes:
        if (note.host is not None and note.raw_start is not None and note.raw_end is not None
                and note.host.origin is not None):
            note_spans.append((note.host.origin + note.raw_start, note.host.origin + note.raw_end))
    out, offset = [], 0
    for number, text in enumerate(src.split("\n"), start=1):
        end = offset + len(text)
        spans, items = [], []
        for f in per_line.get(number, ()):
            fid = ids.next()
            loc = f.location
            spans.append((loc.raw_start - offset, min(loc.raw_end, end) - offset, fid, f.severity, f.rule))
            items.append(_item(fid, f, lang, ""))
        if text.strip() or items:
            notes = [(max(s, offset) - offset, min(e, end) - offset) for s, e in note_spans if s < end and e > offset]
            out.append(_par_html(str(number), _marked(text, spans, notes), items))
        offset = end + 1
    return out, []


def _docx_document(doc: Document, findings: list[Finding], ids: _Ids, lang: str) -> tuple[list[str], list]:
    """A .docx: body paragraphs with their marks, notes beside the paragraph that references them."""
    by_xml: dict = defaultdict(list)
    unplaced: list = []
    for f in findings:
        (by_xml[f.location.xml] if f.location.xml is not None else unplaced).append(f)
    refs: dict = defaultdict(list)
    for r in doc.note_refs:
        refs[id(r.paragraph)].append(r)
    notes = {(n.kind, n.id): n for n in doc.notes if n.special is None}
    from ..places import places

    shown = places(doc)
    out = []
    for index, p in enumerate(doc.paragraphs):
        spans, items = _spans(by_xml.pop(p.xml, []), ids, lang)
        if p.is_empty and not items and not refs.get(id(p)):
            continue
        marks: dict[int, str] = {}
        for r in refs.get(id(p), ()):
            note = notes.get((r.kind, r.id))
            if note is not None:
                marks[r.raw_start] = marks.get(r.raw_start, "") + (
                    f'<sup class="ref"><a href="#note-{_e(note.kind)}-{_e(note.label)}">{_e(note.label)}</a></sup>')
        body = _marked(p.raw, spans, inserts=marks)
        extra = ""
        for r in refs.get(id(p), ()):
            note = notes.get((r.kind, r.id))
            if note is None:
                continue
            n_spans, n_items = [], []
            for np in note.paragraphs:
                s, it = _spans(by_xml.pop(np.xml, []), ids, lang)
                n_spans.append(_marked(np.raw, s))
                n_items += it
            items += n_items
            extra += (f'<aside class="note" id="note-{_e(note.kind)}-{_e(note.label)}"><sup class="ref">'
                      f'{_e(note.label)}</sup> {"<br>".join(n_spans)}</aside>')
        place = shown[index]
        label = "·" if place.cell is not None else str(place.shown or "")  # as the text output counts
        out.append(_par_html(label, body, items, extra))
    unplaced += [f for rest in by_xml.values() for f in rest]
    return out, unplaced


def _spans(findings: list[Finding], ids: _Ids, lang: str) -> tuple[list[tuple[int, int, int, str | None, str]], list[str]]:
    spans, items = [], []
    for f in findings:
        fid = ids.next()
        loc = f.location
        spans.append((loc.raw_start, loc.raw_end, fid, f.severity, f.rule))
        items.append(_item(fid, f, lang, f"{docx_place(loc, lang)}: " if loc.part != "body" else ""))
    return spans, items


def _read(path: str) -> Document | None:
    if path in ("-", "<stdin>") or path.startswith("<"):
        return None
    from ..readers import InputError, read_path

    try:
        return read_path(path)
    except (InputError, OSError):
        return None


def _file_section(r: FileResult, ids: _Ids, lang: str) -> str:
    w = LABELS["en" if lang == "en" else "nl"]
    head = f"<h2>{_e(r.path)}</h2>"
    if r.error is not None:
        return f'<section class="file">{head}<p>{_e(w["unread"])}: {_e(r.error(lang))}</p></section>'
    doc = r.document or _read(r.path)
    if doc is None:
        pars, unplaced = [], list(r.findings)
        pars.append(f"<p>{_e(w['notext'])}.</p>")
    elif doc.format == "docx":
        pars, unplaced = _docx_document(doc, r.findings, ids, lang)
    else:
        pars, unplaced = _text_document(doc, r.findings, ids, lang)
    rest = ""
    if unplaced:
        items = "".join(_item(ids.next(), f, lang, _place_words(r.path, f, lang)) for f in unplaced)
        rest = f'<h3>{_e(w["unplaced"])}</h3><ul class="msgs">{items}</ul>'
    return f'<section class="file">{head}{"".join(pars)}{rest}</section>'


def _place_words(path: str, f: Finding, lang: str) -> str:
    from .text import where

    return where(path, f.location, lang) + " "


def _summary_html(results: Sequence[FileResult], lang: str) -> str:
    w = LABELS["en" if lang == "en" else "nl"]
    rows = "".join(f'<tr><td>{_e(rule)}</td><td>{_e(severity_word(sev, lang))}</td><td class="n">{n}</td>'
                   f'<td class="n">{k or ""}</td></tr>' for rule, sev, n, k in rule_table(results))
    table = (f'<table class="summary"><tr><th>{w["rule"]}</th><th>{w["severity"]}</th><th>{w["count"]}</th>'
             f'<th>{w["fix"]}</th></tr>{rows}</table>') if rows else ""
    sev_count = Counter(f.severity for r in results for f in r.findings)
    rule_count = Counter(f.rule for r in results for f in r.findings)
    sev_boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{s}" checked> {_e(severity_word(s, lang))} '
        f'({sev_count.get(s, 0)})</label> ' for s in reversed(SEVERITIES))
    rule_boxes = "".join(f'<label><input type="checkbox" name="rule" value="{_e(rule)}" checked> {_e(rule)} '
                         f'({n})</label><br>' for rule, n in sorted(rule_count.items()))
    total = sum(sev_count.values())
    filters = (f'<fieldset><legend>{w["severity"]}</legend>{sev_boxes}</fieldset>'
               f'<fieldset><legend>{w["rule"]}</legend>{rule_boxes}</fieldset>'
               f'<p>{"Shown" if lang == "en" else "Getoond"}: <span id="visible">{total}</span> / {total}</p>')
    return f"<p>{_e(summary(results, lang))}</p>{table}{filters}"


def render(results: Sequence[FileResult], lang: str = "nl") -> str:
    lang = "en" if lang == "en" else "nl"
    ids = _Ids()
    files = "".join(_file_section(r, ids, lang) for r in results)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="letterlint {__version__}">'
            f"<title>{TITLE[lang]}</title><style>{CSS}</style></head><body>"
            f"<header><h1>{TITLE[lang]}</h1>{_summary_html(results, lang)}</header>"
            f"<main>{files}</main><script>{SCRIPT}</script></body></html>\n")


def report(results: Sequence[FileResult], out: TextIO, *, lang: str = "nl", color: bool = False,
           **_context: Any) -> None:
    out.write(render(results, lang))

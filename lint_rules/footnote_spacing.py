"""A footnote reference with a space before it, glued to the next word, or inside a word.

What it checks
  Where a footnote or endnote reference sits in the running text:
  * a space before the reference: ``2025 [footnoteRef:18]`` (prints as "2025 ¹⁸": the number floats free
    of the word it belongs to);
  * a reference glued to the next word: ``[footnoteRef:18]staat`` (prints as "¹⁸staat");
  * both at once, the usual slip: ``2025 [footnoteRef:18]staat`` — the space ended up on the wrong side;
  * a reference inside a word: ``Omg[footnoteRef:3]aan``.
  Whether the reference goes before or after a full stop or comma is house style, and both are fine:
  ``c.s.[footnoteRef:4] Hierbij`` and ``aanscherpen[footnoteRef:2], blijken`` are not reported.  Several
  references in a row (``[footnoteRef:1][footnoteRef:2]`` or ``…¹, ²``) count as one; a space between
  them is not reported.  Word's custom marks (a literal ``*`` as the mark) are left alone.
  In text exports and Markdown the fix moves the space to the right side (``--fix``); for a reference
  inside a word the fix moves it to the end of the word, only with ``--unsafe-fixes`` (the word might
  really be two words with a space missing).  In .docx there is no fix: correct it in Word.

Why
  A footnote number belongs directly after the word or punctuation it annotates.  A space in front, or a
  number glued to the next word, is visible in the printed letter and reads as a typing slip.

Options
  none.

Bad::

    In de Kamerbrief van 18 december 2025 [footnoteRef:18]staat beschreven hoe de Taskforce werkt. [18:  Kamerstuk 30 015, nr. 140]

Good::

    In de Kamerbrief van 18 december 2025[footnoteRef:18] staat beschreven hoe de Taskforce werkt. [18:  Kamerstuk 30 015, nr. 140]
    Dit is in lijn met de motie-Gabriëls c.s.[footnoteRef:4] Hierbij wordt gekeken naar de regeldruk. [4:  Kamerstukken II, 2023-2024, 28089, nr. 287]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint.findings import Finding, Fix, msg
from letterlint.footnotes import context, notes, noun, ref_shown
from letterlint.lazyre import lazy_re

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.model import Document
    from letterlint.registry import RuleContext

DOC_NL = """Een voetnootverwijzing met een spatie ervoor, vast aan het volgende woord, of midden in een woord.

Wat het controleert
  Waar een voet- of eindnootverwijzing in de lopende tekst staat:
  * een spatie vóór de verwijzing: ``2025 [footnoteRef:18]`` (afgedrukt als "2025 ¹⁸": het nummer staat los
    van het woord waar het bij hoort);
  * een verwijzing die vastzit aan het volgende woord: ``[footnoteRef:18]staat`` (afgedrukt als "¹⁸staat");
  * allebei tegelijk, de gewone vergissing: ``2025 [footnoteRef:18]staat`` — de spatie staat aan de verkeerde
    kant;
  * een verwijzing midden in een woord: ``Omg[footnoteRef:3]aan``.
  Of de verwijzing vóór of na een punt of komma staat, is huisstijl, en beide zijn goed:
  ``c.s.[footnoteRef:4] Hierbij`` en ``aanscherpen[footnoteRef:2], blijken`` worden niet gemeld.  Meerdere
  verwijzingen achter elkaar (``[footnoteRef:1][footnoteRef:2]`` of ``…¹, ²``) tellen als één; een spatie
  ertussen wordt niet gemeld.  Eigen notentekens van Word (een letterlijke ``*`` als teken) blijven staan.
  In tekstexports en Markdown zet de fix de spatie aan de goede kant (``--fix``); een verwijzing midden in een
  woord zet de fix aan het einde van het woord, alleen met ``--unsafe-fixes`` (het kunnen ook twee woorden
  zijn waartussen een spatie ontbreekt).  In .docx is er geen fix: verbeter het in Word.

Waarom
  Een voetnootnummer hoort direct na het woord of leesteken waar het bij hoort.  Een spatie ervoor, of een
  nummer dat vastzit aan het volgende woord, is zichtbaar in de afgedrukte brief en leest als een tikfout.

Opties
  geen.
"""  # the documentation in Dutch: same structure, same examples

ID = "footnote-spacing"
SEVERITY = "warning"
SUMMARY = msg(
    "Spatie vóór een voetnootverwijzing, verwijzing vast aan het volgende woord of midden in een woord",
    "Space before a footnote reference, reference glued to the next word or inside a word",
)
DEFAULT: dict = {}
CONF: dict = {}
FIXABLE = True

SPACES = " \u00a0\u202f"
# what a reference may follow across a space for that space to be a slip: a word, a number, punctuation
AFTER_WORD = set(".,;:!?)]»”’\"'%")
WORD = lazy_re(r"\S{1,200}")


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    info = notes(doc)
    by_paragraph: dict[int, list] = {}
    for ref in info.refs:
        if ref.paragraph.part == "body":
            by_paragraph.setdefault(id(ref.paragraph), []).append(ref)
    for refs in by_paragraph.values():
        yield from _paragraph(doc, info, refs)


def _units(refs):
    """References at one position of the text (``[1][2]``) form one unit."""
    refs = sorted(refs, key=lambda r: (r.offset, r.raw_start))
    unit = [refs[0]]
    for ref in refs[1:]:
        if ref.offset == unit[-1].offset:
            unit.append(ref)
        else:
            yield unit
            unit = [ref]
    yield unit


def _paragraph(doc, info, refs):
    par = refs[0].paragraph
    text = par.text
    offsets = {r.offset for r in refs}
    seen, word_end = 0, 0  # text[:seen] is looked at; word_end: just after its last character that is not a space
    for unit in _units(refs):
        o = unit[0].offset
        # where the spaces before the reference begin, from the stretch since the last reference only
        # (walking back from every reference would be quadratic in a paragraph of references and spaces)
        stretch = text[seen:o].rstrip(SPACES)
        if stretch:
            word_end = seen + len(stretch)
        seen = max(seen, o)
        if any(r.custom_mark for r in unit):
            continue
        j = word_end
        prev = text[j - 1] if j > 0 else ""
        nxt = text[o] if o < len(text) else ""
        space_before = (
            j < o and prev != "" and (prev.isalnum() or prev in AFTER_WORD)
            and j not in offsets  # a space between two references
            and not (prev == "," and j - 1 in offsets)  # "¹, ²": a list of references
        )
        glued = nxt.isalnum() or nxt == "("
        inside = glued and j == o and prev.isalpha() and nxt.isalpha()
        if space_before or glued:
            yield _finding(doc, info, par, unit, j, o, space_before, glued, inside)


def _finding(doc, info, par, unit, j, o, space_before, glued, inside):
    text = par.text
    nl, en = noun(unit[0].kind), noun(unit[0].kind, "en")
    shown = "".join(ref_shown(doc, r, info) for r in unit)
    where = context(text, o, o, shown)
    rs, re_ = unit[0].raw_start, unit[-1].raw_end
    fix = None
    if inside:
        k = o
        while k < len(text) and text[k].isalnum():
            k += 1
        w = o
        while w > 0 and text[w - 1].isalnum():
            w -= 1
        word = text[w:o] + text[o:k]
        message = msg(f"{nl.capitalize()}verwijzing midden in het woord «{word}»: {where}",
                      f"{en.capitalize()} reference inside the word «{word}»: {where}")
        suggestion = msg(f"zet de verwijzing achter het woord: «{text[w:k]}{shown}»",
                         f"put the reference after the word: «{text[w:k]}{shown}»")
        span = (rs, re_)
        if info.style.marks_in_text:
            tail_start, tail_end = par.span_to_raw(o, k)
            if tail_start == re_ and par.is_verbatim(o, k):
                span = (rs, tail_end)
                fix = (text[o:k] + par.raw[rs:re_], False)
    else:
        words_before = text[max(0, j - 30) : j].split()
        before = words_before[-1] if words_before else ""
        word_after = WORD.search(text, o) if glued else None  # the window keeps a long run of references linear
        after = word_after.group() if word_after else ""
        span = (rs, re_)
        ws_raw = None
        if space_before:
            ws_start, ws_end = par.span_to_raw(j, o)
            if info.style.marks_in_text and not par.raw[ws_start:ws_end].strip(SPACES) and ws_end <= rs:
                ws_raw = (ws_start, ws_end)
                span = (ws_start, re_)
        if space_before and glued:
            message = msg(f"Spatie vóór de {nl}verwijzing en geen spatie erna: {where}",
                          f"Space before the {en} reference and none after it: {where}")
            suggestion = msg(f"zet de verwijzing direct achter «{before}» en de spatie erna: «{before}{shown} {after}»",
                             f"put the reference right after «{before}» and the space after it: «{before}{shown} {after}»")
        elif space_before:
            message = msg(f"Spatie vóór de {nl}verwijzing: {where}",
                          f"Space before the {en} reference: {where}")
            suggestion = msg(f"zet de verwijzing direct achter «{before}»: «{before}{shown}»",
                             f"put the reference right after «{before}»: «{before}{shown}»")
        else:
            message = msg(f"{nl.capitalize()}verwijzing zit vast aan het volgende woord: {where}",
                          f"{en.capitalize()} reference glued to the next word: {where}")
            suggestion = msg(f"zet een spatie na de verwijzing: «{shown} {after}»",
                             f"put a space after the reference: «{shown} {after}»")
        if info.style.marks_in_text and (ws_raw is not None or not space_before):
            moved = par.raw[ws_raw[1] : re_] if ws_raw else par.raw[rs:re_]
            space = (par.raw[ws_raw[0] : ws_raw[1]] if ws_raw else " ") if glued else ""
            fix = (moved + space, True)
    if not info.style.marks_in_text:
        a = j  # from the word before the reference (and its space) to the end of the word after it
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = o
        while b < len(text) and not text[b].isspace():
            b += 1
        location = doc.locate(par, a, b)
    else:
        location = doc.locate_raw(par, *span)
    made = None
    if fix is not None:
        replacement, safe = fix
        made = Fix(replacement, safe=safe, raw_start=location.raw_start, raw_end=location.raw_end)
    return Finding(location=location, message=message, suggestion=suggestion, fix=made)

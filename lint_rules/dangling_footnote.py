"""Footnote references without a footnote text, and footnote texts that nothing refers to.

What it checks
  * A reference with no body: ``[footnoteRef:4]`` without a ``[4: …]`` in a text export (also where the
    exporter wrote ``!!! End note with ID "4" not found in document.``), ``[^4]`` without a ``[^4]: …``
    definition in Markdown, and in .docx a reference whose id points at no footnote or endnote at all, or at
    Word's separator or continuation note (which are never shown).
  * A body that no reference uses: ``[4: …]`` without ``[footnoteRef:4]``, a Markdown definition nothing
    refers to (or one of two definitions with the same id: pandoc keeps the last), a .docx footnote or
    endnote without a reference.  References in deleted tracked text still count for their note: accepting
    the deletion removes the note too.
  Footnotes and endnotes are both checked.  In a text export every reference has its own body (the
  exporter writes the body after each reference), so two references with one number need two bodies.

Why
  A reference without a text prints a number that leads nowhere, or (in Markdown) the literal ``[^4]``;
  a text without a reference silently disappears, and usually means a sentence was deleted or pasted in
  without its footnote.

Options
  none.

Bad::

    Zie het rapport[footnoteRef:1] en de brief[footnoteRef:2]. [1:  Kamerstuk 28089, nr. 346.]

Good::

    Zie het rapport[footnoteRef:1] en de brief[footnoteRef:2]. [1:  Kamerstuk 28089, nr. 346.]  [2:  Kamerstuk 28089, nr. 347.]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint.findings import Finding, Related, msg
from letterlint.footnotes import (
    body_location,
    body_related,
    notes,
    ref_desc,
    ref_location,
    ref_related,
    short,
)
from letterlint.wording import note_noun

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.model import Document
    from letterlint.registry import RuleContext

DOC_NL = """Voetnootverwijzingen zonder voetnoottekst, en voetnootteksten waar niets naar verwijst.

Wat het controleert
  * Een verwijzing zonder tekst: ``[footnoteRef:4]`` zonder ``[4: …]`` in een tekstexport (ook waar het
    exportprogramma ``!!! End note with ID "4" not found in document.`` schreef), ``[^4]`` zonder definitie
    ``[^4]: …`` in Markdown, en in .docx een verwijzing waarvan het id naar geen enkele voet- of eindnoot wijst,
    of naar de scheidings- of vervolgnoot van Word (die nooit getoond worden).
  * Een tekst die geen verwijzing gebruikt: ``[4: …]`` zonder ``[footnoteRef:4]``, een Markdown-definitie waar
    niets naar verwijst (of een van twee definities met hetzelfde id: pandoc houdt de laatste), een voet- of
    eindnoot in .docx zonder verwijzing.  Verwijzingen in verwijderde tekst met wijzigingen bijhouden tellen
    nog mee voor hun noot: wie de verwijdering accepteert, verwijdert ook de noot.
  Voetnoten en eindnoten worden allebei gecontroleerd.  In een tekstexport heeft elke verwijzing haar eigen
  tekst (het exportprogramma schrijft de tekst na elke verwijzing), dus twee verwijzingen met één nummer
  hebben twee teksten nodig.

Waarom
  Een verwijzing zonder tekst drukt een nummer af dat nergens heen leidt, of (in Markdown) letterlijk
  ``[^4]``; een tekst zonder verwijzing verdwijnt ongemerkt, en betekent meestal dat een zin is verwijderd of
  zonder zijn voetnoot is ingeplakt.

Opties
  geen.
"""  # the documentation in Dutch: same structure, same examples

ID = "dangling-footnote"
SEVERITY = "error"
SUMMARY = msg(
    "Voetnootverwijzing zonder voetnoottekst, of voetnoottekst zonder verwijzing",
    "Footnote reference without a footnote text, or footnote text without a reference",
)
DEFAULT: dict = {}
CONF: dict = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    info = notes(doc)
    for ref, reason, detail in info.missing:
        yield _missing(doc, info, ref, reason, detail)
    for note, reason, detail in info.unused:
        yield _unused(doc, note, reason, detail)
    for artefact in info.stray_errors:
        yield Finding(
            location=doc.locate_raw(artefact.paragraph, artefact.raw_start, artefact.raw_end),
            message=msg(
                f"Het exportprogramma meldt een ontbrekende noot (id {artefact.name}): de voetnoottekst is niet gevonden",
                f"The exporter reports a missing note (id {artefact.name}): its text was not found",
            ),
            suggestion=msg("zoek de voetnoot in het Word-bestand op en zet de tekst terug, of haal de verwijzing weg",
                           "look the footnote up in the Word file and restore its text, or remove the reference"),
        )


def _missing(doc, info, ref, reason, detail):
    shown = ref_desc(doc, ref, info)
    noun_nl, noun_en = note_noun(ref.kind), note_noun(ref.kind, "en")
    related: tuple[Related, ...] = ()
    if reason == "poi-error":
        message = msg(
            f"Verwijzing {shown} heeft geen {noun_nl}tekst: het exportprogramma vond de noot niet "
            f"(«{short(detail.text, 70)}»)",
            f"Reference {shown} has no {noun_en} text: the exporter did not find the note "
            f"(«{short(detail.text, 70)}»)",
        )
        related = (Related(doc.locate_raw(detail.paragraph, detail.raw_start, detail.raw_end),
                           msg("de foutmelding van het exportprogramma", "the exporter's error text")),)
    elif reason == "special":
        plural = "eindnoten" if ref.kind == "endnote" else "voetnoten"
        message = msg(
            f"Verwijzing {shown} wijst naar Word's scheidingslijn van de {plural} (id {ref.id}), niet naar een {noun_nl}",
            f"Reference {shown} points at Word's {noun_en} separator (id {ref.id}), not at a {noun_en}",
        )
    elif reason == "no-note":
        message = msg(
            f"Verwijzing {shown} wijst naar een {noun_nl} (id {ref.id}) die niet in het document staat",
            f"Reference {shown} points at a {noun_en} (id {ref.id}) that is not in the document",
        )
    else:
        again_nl = again_en = ""
        if detail is not None:
            where = ref_location(doc, detail)
            pos, pos_en = where.place("nl"), where.place("en")
            again_nl, again_en = f" (nummer {ref.id} staat ook op {pos})", f" (number {ref.id} is also used on {pos_en})"
            related = (ref_related(doc, detail, msg("hetzelfde nummer eerder", "the same number earlier")),)
        message = msg(
            f"Verwijzing {shown} heeft geen {noun_nl}tekst{again_nl}",
            f"Reference {shown} has no {noun_en} text{again_en}",
        )
    return Finding(
        location=ref_location(doc, ref),
        message=message,
        suggestion=msg(f"voeg de {noun_nl}tekst toe of haal de verwijzing weg",
                       f"add the {noun_en} text or remove the reference"),
        related=related,
    )


def _unused(doc, note, reason, detail):
    noun_nl, noun_en = note_noun(note.kind), note_noun(note.kind, "en")
    label = note.id
    text = short(note.text, 60)
    related: tuple[Related, ...] = ()
    if reason == "redefined":
        message = msg(
            f"{noun_nl.capitalize()} [^{label}] is twee keer gedefinieerd; deze tekst wordt niet gebruikt («{text}»)",
            f"{noun_en.capitalize()} [^{label}] is defined twice; this text is not used («{text}»)",
        )
        related = (body_related(doc, detail, msg("de definitie die wel gebruikt wordt", "the definition that is used")),)
        suggestion = msg("voeg de twee definities samen of geef er één een eigen nummer",
                         "merge the two definitions or give one its own number")
    elif reason == "same-id":
        message = msg(
            f"Twee {noun_nl}en hebben hetzelfde id ({label}); Word toont alleen de eerste («{text}»)",
            f"Two {noun_en}s have the same id ({label}); Word shows only the first («{text}»)",
        )
        related = (body_related(doc, detail, msg("de noot met hetzelfde id", "the note with the same id")),)
        suggestion = msg(f"maak de {noun_nl} opnieuw in Word", f"recreate the {noun_en} in Word")
    elif reason == "extra-copy":
        message = msg(
            f"{noun_nl.capitalize()}tekst {label} staat er vaker dan er verwijzingen {label} zijn; "
            f"deze wordt door geen verwijzing gebruikt («{text}»)",
            f"{noun_en.capitalize()} text {label} occurs more often than references {label}; "
            f"this one is used by no reference («{text}»)",
        )
        related = (ref_related(doc, detail, msg("een verwijzing met dit nummer", "a reference with this number")),)
        suggestion = msg("haal de overbodige tekst weg of voeg de ontbrekende verwijzing toe",
                         "remove the surplus text or add the missing reference")
    else:
        syntax = notes(doc).style.ref_syntax  # how a reference is written in this file, if it is text
        shown = syntax.format(kind=note.kind, id=label) if syntax else f"een {noun_nl}verwijzing"
        shown_en = shown if syntax else f"a {noun_en} reference"
        message = msg(
            f"{noun_nl.capitalize()}tekst zonder verwijzing: nergens in de tekst staat {shown} («{text}»)",
            f"{noun_en.capitalize()} text without a reference: {shown_en} occurs nowhere in the text («{text}»)",
        )
        suggestion = msg(f"zet de verwijzing terug of haal de {noun_nl}tekst weg",
                         f"put the reference back or remove the {noun_en} text")
    return Finding(location=body_location(doc, note), message=message, suggestion=suggestion, related=related)

"""Leftover bookmark artefacts and broken cross-references.

What it checks
  * Leaked bookmark markers: text such as ``[bookmark: _Hlk221883646]`` or ``[bookmark: _GoBack]`` in the
    letter.  Word keeps hidden bookmarks (``_GoBack`` marks the last edit, ``_Hlk…`` are made when text is
    copied or linked); exporters write them out as text, and from there they get pasted into drafts.  One
    finding per run of adjacent markers; the fix removes them.
  * Broken cross-references: "Fout! Verwijzingsbron niet gevonden.", "Fout! Bladwijzer niet gedefinieerd.",
    "Error! Reference source not found.", "Error! Bookmark not defined." and their relatives — Word's text
    for a cross-reference whose target was deleted.  Always an error: it would be published as is.
  * In .docx: a REF/PAGEREF cross-reference field whose target bookmark does not exist (it will show the
    error text the next time fields are updated), and hidden ``_GoBack``/``_Hlk…`` bookmarks that no field
    or link uses (info, ONE finding per document story with the count — they are invisible and harmless in
    Word, but they leak into every export; leaked markers in a text export stay one finding per place).
    ``letterlint --fix`` removes them (a bookmark that any part of the package still names is kept).

Why
  A published letter with "[bookmark: _Hlk…]" or "Fout! Bladwijzer niet gedefinieerd." in it looks careless
  and hides a broken reference from the reader.

Options
  hidden-bookmarks: report unused hidden bookmarks in .docx files (default true).
  missing-targets: report REF/PAGEREF fields that point at a bookmark that does not exist (default true).

Bad::

    [bookmark: _Hlk221883646]De leden van de D66-fractie vragen de staatssecretaris hoe hij dit borgt.
    Zie paragraaf Fout! Verwijzingsbron niet gevonden. van de brief.

Good::

    De leden van de D66-fractie vragen de staatssecretaris hoe hij dit borgt.
    Zie paragraaf 2.3 van de brief.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint.findings import Finding, Fix, msg
from letterlint.lazyre import lazy
from letterlint.wording import count, plural

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.model import Artefact, Document
    from letterlint.registry import RuleContext

DOC_NL = """Achtergebleven bladwijzerresten en kapotte kruisverwijzingen.

Wat het controleert
  * Uitgelekte bladwijzermarkeringen: tekst zoals ``[bookmark: _Hlk221883646]`` of ``[bookmark: _GoBack]`` in
    de brief.  Word houdt verborgen bladwijzers bij (``_GoBack`` markeert de laatste bewerking, ``_Hlk…``
    ontstaan als tekst gekopieerd of gekoppeld wordt); exportprogramma's schrijven ze uit als tekst, en van
    daaruit worden ze in concepten geplakt.  Eén melding per reeks aangrenzende markeringen; de fix verwijdert ze.
  * Kapotte kruisverwijzingen: "Fout! Verwijzingsbron niet gevonden.", "Fout! Bladwijzer niet gedefinieerd.",
    "Error! Reference source not found.", "Error! Bookmark not defined." en verwanten — de tekst die Word
    toont voor een kruisverwijzing waarvan het doel verwijderd is.  Altijd een fout: zo zou het gepubliceerd
    worden.
  * In .docx: een kruisverwijzingsveld REF/PAGEREF waarvan de bladwijzer niet bestaat (het toont de fouttekst
    zodra de velden worden bijgewerkt), en verborgen bladwijzers ``_GoBack``/``_Hlk…`` die geen veld of
    koppeling gebruikt (info, EEN melding per documentdeel met het aantal — in Word zijn ze onzichtbaar en
    onschadelijk, maar ze lekken in elke export; uitgelekte markeringen in een tekstexport blijven één melding
    per plek).  ``letterlint --fix`` verwijdert ze (een bladwijzer die nog ergens in het bestand genoemd wordt,
    blijft staan).

Waarom
  Een gepubliceerde brief met "[bookmark: _Hlk…]" of "Fout! Bladwijzer niet gedefinieerd." erin oogt slordig
  en verbergt een kapotte verwijzing voor de lezer.

Opties
  hidden-bookmarks: meld ongebruikte verborgen bladwijzers in .docx-bestanden (standaard true).
  missing-targets: meld REF/PAGEREF-velden die naar een niet-bestaande bladwijzer wijzen (standaard true).
"""  # the documentation in Dutch: same structure, same examples

ID = "bookmark-artefact"
SEVERITY = "warning"
SUMMARY = msg(
    "Zichtbare Word-bladwijzers ([bookmark: _Hlk…]) en kapotte kruisverwijzingen (Fout! …)",
    "Leaked Word bookmark markers ([bookmark: _Hlk…]) and broken cross-references (Error! …)",
)
DEFAULT = {"hidden-bookmarks": True, "missing-targets": True}
CONF = {
    "hidden-bookmarks": {"type": "boolean"},
    "missing-targets": {"type": "boolean"},
}
FIXABLE = True

SP = r"[\s\u00A0]+"
BROKEN = lazy(
    r"(?:Error|Fout)!" + SP + r"(?:"
    + "|".join(
        phrase.replace(" ", SP)
        for phrase in (
            "Reference source not found",
            "Bookmark not defined",
            "No text of specified style in document",
            "Not a valid bookmark self-reference",
            "Hyperlink reference not valid",
            "Verwijzingsbron niet gevonden",
            "Bladwijzer niet gedefinieerd",
            "Geen tekst met de opgegeven stijl in het document",
            "Hyperlinkverwijzing niet geldig",
            "Geen geldige bladwijzer",
        )
    )
    + r")\.?"
)
HIDDEN = lazy(r"^_(?:GoBack|Hlk\d+)$")
SHOW_NAMES = 3


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    yield from _leaked_markers(doc)
    yield from _broken_results(doc)
    # The one place a rule looks at the format, because the difference is the finding itself: in a text
    # export a bookmark is a leaked "[bookmark: …]" marker (above); in .docx it is hidden markup, and only
    # there can it be hidden in the wrong place or be the missing target of a REF field.
    if doc.format == "docx":
        if ctx.options["missing-targets"]:
            yield from _missing_targets(doc)
        if ctx.options["hidden-bookmarks"]:
            yield from _hidden_bookmarks(doc)


def _runs(artefacts: list[Artefact]) -> Iterator[list[Artefact]]:
    """Group markers that follow each other directly (only spaces between) into runs."""
    run: list[Artefact] = []
    for a in artefacts:
        if run and a.paragraph is run[-1].paragraph and not a.paragraph.raw[run[-1].raw_end : a.raw_start].strip():
            run.append(a)
        else:
            if run:
                yield run
            run = [a]
    if run:
        yield run


def _leaked_markers(doc):
    markers = [a for a in doc.artefacts if a.kind == "bookmark-marker"]
    for run in _runs(markers):
        par = run[0].paragraph
        start, end = run[0].raw_start, run[-1].raw_end
        names = ", ".join(a.name or "" for a in run)
        count = f" ({len(run)}×)" if len(run) > 1 else ""
        yield Finding(
            location=doc.locate_raw(par, start, end),
            message=msg(
                f"Verborgen Word-bladwijzer staat als tekst in de brief{count}: {names}",
                f"Hidden Word bookmark leaked into the text{count}: {names}",
            ),
            suggestion=msg("verwijder de markering", "remove the marker"),
            fix=Fix("", safe=True),
        )


def _broken_results(doc):
    for par in doc.blocks():
        if "!" not in par.text:
            continue
        for m in BROKEN.finditer(par.text):
            yield Finding(
                location=doc.locate(par, m.start(), m.end()),
                message=msg(
                    f"Kapotte kruisverwijzing: «{m.group()}» — het doel van de verwijzing bestaat niet meer",
                    f"Broken cross-reference: «{m.group()}» — its target no longer exists",
                ),
                suggestion=msg("herstel de verwijzing of vervang haar door gewone tekst",
                               "repair the cross-reference or replace it with plain text"),
                severity="error",
            )


def _missing_targets(doc):
    names = {b.name for b in doc.bookmarks if not b.leaked}
    for field in doc.fields:
        target = field.target
        if field.kind not in ("REF", "PAGEREF", "NOTEREF") or not target or target in names:
            continue
        if BROKEN.search(field.result or ""):
            continue  # already reported as broken text
        yield Finding(
            location=doc.locate(field.paragraph, field.start, field.end),
            message=msg(
                f"Kruisverwijzing ({field.kind}) naar bladwijzer {target} die niet bestaat; bij bijwerken wordt dit een foutmelding",
                f"Cross-reference ({field.kind}) to bookmark {target}, which does not exist; updating fields will show an error",
            ),
            suggestion=msg("maak de kruisverwijzing opnieuw", "recreate the cross-reference"),
        )


def _hidden_bookmarks(doc):
    """One finding per story (the body, the footnotes, …) for all unused hidden bookmarks: they are invisible
    in Word and harmless there, so one line with the count and the fix is all a writer needs."""
    used = {f.target for f in doc.fields if f.target}
    by_part: dict[str, list] = {}
    for b in doc.bookmarks:
        if not b.leaked and HIDDEN.match(b.name) and b.name not in used:
            by_part.setdefault(b.paragraph.xml[0] if b.paragraph.xml else b.paragraph.part, []).append(b)
    for group in by_part.values():
        first = group[0]
        names = list(dict.fromkeys(b.name for b in group))
        n = len(names)
        shown = ", ".join(names[:SHOW_NAMES]) + (", …" if n > SHOW_NAMES else "")
        paragraphs = len({id(b.paragraph) for b in group})
        yield Finding(
            location=doc.locate(first.paragraph, first.offset, first.offset),
            message=msg(
                f"{n} ongebruikte verborgen {plural(n, ('bladwijzer', 'bladwijzers'))} ({shown}) in "
                f"{count(paragraphs, 'paragraph')}; onschuldig in Word, maar "
                f"{plural(n, ('hij lekt', 'ze lekken'))} in tekstexports; letterlint --fix verwijdert "
                f"{plural(n, ('hem', 'ze'))}",
                f"{n} unused hidden {plural(n, ('bookmark', 'bookmarks'))} ({shown}) in "
                f"{count(paragraphs, 'paragraph', 'en')}; harmless in Word, but "
                f"{plural(n, ('it leaks', 'they leak'))} into text exports; letterlint --fix removes "
                f"{plural(n, ('it', 'them'))}",
            ),
            severity="info",
            fix=Fix("", safe=True, action="remove-bookmarks", data=tuple(names)),
        )

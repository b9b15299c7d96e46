"""A footnote or endnote with no text.

What it checks
  A footnote or endnote whose body has no text, or only spaces or punctuation: ``[3:  ]`` or ``[3:  .]`` in
  a text export, ``[^3]:`` with nothing after it in Markdown, a Word footnote holding only its number.
  Word's separator notes are not footnotes and are not checked; a body the exporter could not find
  (``!!! End note with ID …``) is reported by ``dangling-footnote``.

Why
  An empty footnote prints a number that leads to a blank line at the foot of the page: the source it was
  meant to give is missing.

Options
  none.

Bad::

    Dit blijkt uit het onderzoek[footnoteRef:1]. [1:   ]

Good::

    Dit blijkt uit het onderzoek[footnoteRef:1]. [1:  Kamerstuk 28089, nr. 346]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint.findings import Finding, msg
from letterlint.footnotes import body_location, notes, noun, ref_desc, ref_related
from letterlint.lazyre import lazy

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.model import Document
    from letterlint.registry import RuleContext

DOC_NL = """Een voet- of eindnoot zonder tekst.

Wat het controleert
  Een voet- of eindnoot zonder tekst, of met alleen spaties of leestekens: ``[3:  ]`` of ``[3:  .]`` in een
  tekstexport, ``[^3]:`` met niets erachter in Markdown, een Word-voetnoot met alleen haar nummer.  De
  scheidingsnoten van Word zijn geen voetnoten en worden niet gecontroleerd; een tekst die het
  exportprogramma niet kon vinden (``!!! End note with ID …``) meldt ``dangling-footnote``.

Waarom
  Een lege voetnoot drukt een nummer af dat leidt naar een lege regel onder aan de pagina: de bron die ze
  moest geven, ontbreekt.

Opties
  geen.
"""  # the documentation in Dutch: same structure, same examples

ID = "empty-footnote"
SEVERITY = "error"
SUMMARY = msg("Voetnoot of eindnoot zonder tekst", "Footnote or endnote without text")
DEFAULT: dict = {}
CONF: dict = {}

NOTHING = lazy(r"[\s\p{P}]*")


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    info = notes(doc)
    for note in info.bodies:
        text = note.text
        if not NOTHING.fullmatch(text):
            continue
        refs = info.refs_of.get(id(note)) or []
        nl, en = noun(note.kind), noun(note.kind, "en")
        what = f" ({ref_desc(doc, refs[0], info)})" if refs else ""
        only = " ".join(text.split())
        yield Finding(
            location=body_location(doc, note),
            message=msg(f"Lege {nl}{what}: " + (f"er staat alleen «{only}» in" if only else "er staat geen tekst in"),
                        f"Empty {en}{what}: " + (f"it holds only «{only}»" if only else "it has no text")),
            suggestion=msg(f"vul de {nl} in (de bron) of haal de {nl} en de verwijzing weg",
                           f"fill in the {en} (the source) or remove the {en} and its reference"),
            related=tuple(ref_related(doc, r) for r in refs[:1]),
        )

"""Two footnotes with the same text.

What it checks
  Footnotes (and endnotes) whose text is the same once spaces are normalised and a final full stop is
  left off: ``[2:  Besluit kwaliteit leefomgeving, Bkl.]`` and ``[13:  Besluit kwaliteit leefomgeving,
  Bkl]``.  Each later copy is reported, pointing at the first.  Short back-references such as "Ibid.",
  "Idem", "Aldaar", "t.a.p." or "Zie noot 3" are meant to repeat and are not reported; nor are empty notes
  (see ``empty-footnote``).

Why
  The same footnote twice is often a sign that a paragraph was pasted with its footnote, so the answer may
  repeat itself too.  Where the source is really cited twice, a short form ("Zie voetnoot 2") is usual.

Options
  min-length: texts shorter than this (in characters, after normalising) are not compared (default 8).

Bad::

    Zie het Besluit[footnoteRef:1] en later opnieuw het Besluit[footnoteRef:2]. [1:  Besluit kwaliteit leefomgeving, art. 8.10.]  [2:  Besluit kwaliteit leefomgeving, art. 8.10]

Good::

    Zie het Besluit[footnoteRef:1] en later opnieuw het Besluit[footnoteRef:2]. [1:  Besluit kwaliteit leefomgeving, art. 8.10.]  [2:  Zie voetnoot 1.]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint.findings import Finding, msg
from letterlint.footnotes import body_location, body_related, note_name, notes, ref_related, short
from letterlint.lazyre import lazy

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.model import Document, Note
    from letterlint.registry import RuleContext

DOC_NL = """Twee voetnoten met dezelfde tekst.

Wat het controleert
  Voetnoten (en eindnoten) waarvan de tekst gelijk is als spaties gelijkgetrokken zijn en een slotpunt
  weggelaten: ``[2:  Besluit kwaliteit leefomgeving, Bkl.]`` en ``[13:  Besluit kwaliteit leefomgeving,
  Bkl]``.  Elke latere kopie wordt gemeld, met een verwijzing naar de eerste.  Korte terugverwijzingen zoals
  "Ibid.", "Idem", "Aldaar", "t.a.p." of "Zie noot 3" zijn bedoeld om terug te komen en worden niet gemeld;
  lege noten evenmin (zie ``empty-footnote``).

Waarom
  Dezelfde voetnoot twee keer is vaak een teken dat een alinea met voetnoot en al is geplakt, zodat het
  antwoord zichzelf misschien ook herhaalt.  Waar de bron echt twee keer wordt aangehaald, is een korte vorm
  ("Zie voetnoot 2") gebruikelijk.

Opties
  min-length: teksten korter dan dit (in tekens, na gelijktrekken) worden niet vergeleken (standaard 8).
"""  # the documentation in Dutch: same structure, same examples

ID = "duplicate-footnote"
SEVERITY = "info"
SUMMARY = msg("Twee voetnoten met dezelfde tekst", "Two footnotes with the same text")
DEFAULT = {"min-length": 8}
CONF = {"min-length": {"type": "integer", "minimum": 1}}

SPACE = lazy(r"[\s\u00a0\u202f]+")
BACK_REFERENCE = lazy(
    r"(?i)(?:ibid(?:em)?|idem|id\.|aldaar|t\.?\s?a\.?\s?p|a\.?\s?w|op\.?\s?cit|loc\.?\s?cit"
    r"|(?:zie|vgl\.?)\s+(?:ook\s+)?(?:(?:voet|eind)?noot|hierboven|hiervoor|boven))\b"
)


def normalise(text: str) -> str:
    text = SPACE.sub(" ", text).strip()
    return text[:-1].rstrip() if text.endswith(".") else text


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    info = notes(doc)
    minimum = ctx.options["min-length"]
    first: dict[str, Note] = {}
    for note in info.bodies:
        key = normalise(note.text)
        if len(key) < minimum or BACK_REFERENCE.match(key):
            continue
        if key not in first:
            first[key] = note
            continue
        original = first[key]
        refs = info.refs_of.get(id(note)) or []
        this, that = note_name(doc, note), note_name(doc, original)
        this_en, that_en = note_name(doc, note, "en"), note_name(doc, original, "en")
        yield Finding(
            location=body_location(doc, note),
            message=msg(f"{this.capitalize()} heeft dezelfde tekst als {that}: «{short(key, 70)}»",
                        f"{this_en.capitalize()} has the same text as {that_en}: «{short(key, 70)}»"),
            suggestion=msg(f"controleer of de alinea bij {this} niet dubbel is geplakt; verwijs anders naar "
                           f"de eerdere noot («Zie {that}.»)",
                           f"check that the paragraph of {this_en} was not pasted twice; otherwise refer to the "
                           f"earlier note («See {that_en}.»)"),
            related=(body_related(doc, original, msg(f"de eerste: {that}", f"the first: {that_en}")),
                     *(ref_related(doc, r) for r in refs[:1])),
        )

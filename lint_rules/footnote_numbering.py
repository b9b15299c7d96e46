"""Footnote numbers that skip, repeat, or appear out of order (text exports and Markdown).

What it checks
  In a text export (``[footnoteRef:N]``) and in Markdown with numbered footnotes (``[^N]``), footnotes and
  endnotes each on their own:
  * out of order: the first reference of a note comes before the first reference of a note with a lower
    number ("the first reference of note 5 before the first of note 4").  Of a run of notes out of order
    only the ones that break the order are reported (the fewest that explain it);
  * repeated: one number referenced twice.  In a text export that is a pasted copy (Word gives every
    reference its own note); in Markdown pandoc turns every reference into a footnote of its own, so the
    text is printed twice.  A repeat that leaves a reference without a body is reported by
    ``dangling-footnote`` instead;
  * skipped: a number missing from the sequence (3, 5: where is 4?), counting the bodies too, so a body
    whose reference is gone is reported once, by ``dangling-footnote``.  In Markdown numbering starts at 1.
    In a text export the numbers are Word's internal note ids: the check for skips runs only when they
    start at 0, 1 or 2 (as Word, LibreOffice and Google Docs number them), not when a program numbered
    them from elsewhere (pandoc starts at 20 and leaves gaps).
  Not checked: Markdown footnotes with names (``[^bron]``): pandoc numbers those itself; and .docx files:
  Word numbers footnotes automatically, so their numbers cannot skip or repeat (see ``dangling-footnote``
  for references that point nowhere).

Why
  A skipped or repeated number in a draft usually means a footnote was deleted, or a paragraph was pasted
  with its footnote; numbers out of order mean text was moved around.  Either way, the note the reader
  finds may not be the note the writer meant.

Options
  gaps: report numbers that skip (default true).

Bad::

    Eerst het rapport[footnoteRef:1], dan de brief[footnoteRef:3] en de motie[footnoteRef:2]. [1:  Rapport.]  [3:  Brief.]  [2:  Motie.]

Good::

    Eerst het rapport[footnoteRef:1], dan de brief[footnoteRef:2] en de motie[footnoteRef:3]. [1:  Rapport.]  [2:  Brief.]  [3:  Motie.]
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from letterlint.findings import Finding, msg
from letterlint.footnotes import body_location, notes, ref_desc, ref_location, ref_related
from letterlint.wording import note_noun, note_nouns

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.model import Document
    from letterlint.registry import RuleContext

DOC_NL = """Voetnootnummers die overslaan, dubbel voorkomen of in de verkeerde volgorde staan (tekstexports en Markdown).

Wat het controleert
  In een tekstexport (``[footnoteRef:N]``) en in Markdown met genummerde voetnoten (``[^N]``), voetnoten en
  eindnoten elk apart:
  * verkeerde volgorde: de eerste verwijzing naar een noot komt vóór de eerste verwijzing naar een noot met
    een lager nummer ("de eerste verwijzing naar noot 5 vóór de eerste naar noot 4").  Van een reeks noten
    in de verkeerde volgorde worden alleen de noten gemeld die de volgorde breken (zo weinig mogelijk, die het
    verklaren);
  * dubbel: naar één nummer wordt twee keer verwezen.  In een tekstexport is dat een geplakte kopie (Word
    geeft elke verwijzing haar eigen noot); in Markdown maakt pandoc van elke verwijzing een eigen voetnoot,
    zodat de tekst twee keer wordt afgedrukt.  Een dubbel nummer dat een verwijzing zonder tekst achterlaat,
    meldt ``dangling-footnote``;
  * overgeslagen: een nummer dat in de reeks ontbreekt (3, 5: waar is 4?), de teksten meegeteld, zodat een
    tekst waarvan de verwijzing weg is één keer gemeld wordt, door ``dangling-footnote``.  In Markdown begint
    de nummering bij 1.  In een tekstexport zijn de nummers de interne notennummers van Word: overgeslagen
    nummers worden alleen gecontroleerd als de nummering begint bij 0, 1 of 2 (zoals Word, LibreOffice en
    Google Docs nummeren), niet als een programma ergens anders begon (pandoc begint bij 20 en laat gaten).
  Niet gecontroleerd: Markdown-voetnoten met een naam (``[^bron]``): die nummert pandoc zelf; en
  .docx-bestanden: Word nummert voetnoten automatisch, dus hun nummers kunnen niet overslaan of dubbel
  voorkomen (zie ``dangling-footnote`` voor verwijzingen die nergens heen wijzen).

Waarom
  Een overgeslagen of dubbel nummer in een concept betekent meestal dat een voetnoot is verwijderd, of dat een
  alinea met voetnoot en al is geplakt; nummers in de verkeerde volgorde betekenen dat tekst is verschoven.
  Hoe dan ook: de noot die de lezer vindt, is misschien niet de noot die de schrijver bedoelde.

Opties
  gaps: meld nummers die overslaan (standaard true).
"""  # the documentation in Dutch: same structure, same examples

ID = "footnote-numbering"
SEVERITY = "warning"
SUMMARY = msg(
    "Voetnootnummers die overslaan, dubbel voorkomen of niet op volgorde staan (tekstexport, Markdown)",
    "Footnote numbers that skip, repeat or are out of order (text export, Markdown)",
)
DEFAULT = {"gaps": True}
CONF = {"gaps": {"type": "boolean"}}

WORDS = {kind: (note_noun(kind), note_noun(kind, "en")) for kind in ("footnote", "endnote")}
PLURAL = {kind: note_nouns(kind) for kind in ("footnote", "endnote")}


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    info = notes(doc)
    if not info.style.numbers_in_file:
        return  # Word numbers the notes itself
    for kind in ("footnote", "endnote"):
        # negative ids are Word's separators: a reference to one is dangling-footnote's business
        refs = [r for r in info.refs if r.kind == kind and r.paragraph.part == "body" and not r.id.startswith("-")]
        bodies = [n for n in info.bodies if n.kind == kind and not n.id.startswith("-")]
        ids = [r.id for r in refs] + [n.id for n in bodies]
        if not refs or not all(_is_number(i) for i in ids):
            continue
        first: dict[int, object] = {}
        order: list[int] = []
        for ref in refs:
            n = int(ref.id)
            if n in first:
                yield from _repeat(doc, info, ref, first[n], kind)
            else:
                first[n] = ref
                order.append(n)
        yield from _out_of_order(doc, order, first, kind)
        if ctx.options["gaps"]:
            numbers = sorted(set(order) | {int(n.id) for n in bodies})
            yield from _gaps(doc, numbers, first, kind)


def _is_number(s: str) -> bool:
    return s.isdigit() and len(s) < 10


def _repeat(doc, info, ref, earlier, kind):
    nl, en = WORDS[kind]
    shown = ref_desc(doc, ref, info)
    if info.style.body_per_reference:
        if id(ref) not in info.body_of:
            return  # a reference without its own body: dangling-footnote reports it
        message = msg(
            f"{nl.capitalize()}nummer {ref.id} komt twee keer voor ({shown}), elk met een eigen tekst; "
            f"waarschijnlijk is een alinea met voetnoot gekopieerd",
            f"{en.capitalize()} number {ref.id} occurs twice ({shown}), each with its own text; "
            f"probably a paragraph was copied with its footnote",
        )
        suggestion = msg("geef de tweede een eigen nummer, of haal de dubbele weg",
                         "give the second its own number, or remove the copy")
    else:
        message = msg(
            f"{shown} wordt voor de tweede keer gebruikt; pandoc maakt er een tweede {nl} met dezelfde tekst van",
            f"{shown} is used a second time; pandoc makes it a second {en} with the same text",
        )
        suggestion = msg(f"verwijs in de tekst naar de eerdere {nl} (\u2018zie {nl} …\u2019) of geef deze een eigen nummer",
                         f"refer to the earlier {en} in the text ('see {en} …') or give this one its own number")
    yield Finding(location=ref_location(doc, ref), message=message, suggestion=suggestion,
                  related=(ref_related(doc, earlier, msg("het eerste gebruik", "the first use")),))


def _longest_increasing(seq: list[int]) -> set[int]:
    """Positions in `seq` of one longest strictly increasing subsequence (O(n log n))."""
    tails: list[int] = []  # tails[k] = smallest tail value of an increasing run of length k+1
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for i, v in enumerate(seq):
        k = bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_pos.append(i)
        else:
            tails[k] = v
            tail_pos[k] = i
        prev[i] = tail_pos[k - 1] if k else -1
    keep = set()
    i = tail_pos[-1] if tail_pos else -1
    while i != -1:
        keep.add(i)
        i = prev[i]
    return keep


def _out_of_order(doc, order, first, kind):
    nl, en = WORDS[kind]
    keep = _longest_increasing(order)
    if len(keep) == len(order):
        return
    later_min: list[float] = [0] * (len(order) + 1)  # the lowest number from position i on
    later_min[-1] = float("inf")
    for i in range(len(order) - 1, -1, -1):
        later_min[i] = min(order[i], later_min[i + 1])
    earlier_max: float = float("-inf")
    for i, n in enumerate(order):
        if i in keep:
            earlier_max = max(earlier_max, n)
            continue
        if later_min[i + 1] < n:
            other = later_min[i + 1]
            where_nl, where_en = "vóór", "before"
        else:
            other = earlier_max
            where_nl, where_en = "na", "after"
        earlier_max = max(earlier_max, n)
        ref, other_ref = first[n], first[other]
        yield Finding(
            location=ref_location(doc, ref),
            message=msg(
                f"{nl.capitalize()} {n} staat in de tekst {where_nl} {nl} {other} ({ref_desc(doc, ref)})",
                f"{en.capitalize()} {n} comes {where_en} {en} {other} in the text ({ref_desc(doc, ref)})",
            ),
            suggestion=msg(f"nummer de {PLURAL[kind]} door in de volgorde van de tekst",
                           f"renumber the {en}s in the order of the text"),
            related=(ref_related(doc, other_ref, msg(f"{nl} {other}", f"{en} {other}")),),
        )


def _gaps(doc, numbers, first, kind):
    nl, en = WORDS[kind]
    if not numbers:
        return
    if notes(doc).style.numbers_from_one:
        start = 1
    elif numbers[0] <= 2:
        start = numbers[0]  # Word numbers from 1, LibreOffice from 2, Google Docs from 0
    else:
        return  # ids from another program (pandoc starts at 20 and leaves gaps): not a sign of a slip
    previous = None
    expected = start
    for n in numbers:
        if n > expected:
            missing = f"{expected}" if n - expected == 1 else f"{expected} t/m {n - 1}"
            missing_en = f"{expected}" if n - expected == 1 else f"{expected} to {n - 1}"
            ref = first.get(n)
            after_nl = f" (na {nl} {previous} komt {n})" if previous is not None else f" (de nummering begint bij {n})"
            after_en = f" ({en} {previous} is followed by {n})" if previous is not None else f" (numbering starts at {n})"
            plural = n - expected > 1
            yield Finding(
                location=ref_location(doc, ref) if ref is not None else _body_loc(doc, kind, n),
                message=msg(
                    f"{nl.capitalize()}nummer{'s' if plural else ''} {missing} ontbre{'ken' if plural else 'ekt'}{after_nl}",
                    f"{en.capitalize()} number{'s' if plural else ''} {missing_en} {'are' if plural else 'is'} missing{after_en}",
                ),
                suggestion=msg(f"controleer of er een {nl} is weggevallen, en nummer de {PLURAL[kind]} door",
                               f"check whether a {en} was lost, and renumber the {en}s"),
                related=((ref_related(doc, first[previous], msg(f"{nl} {previous}", f"{en} {previous}")),)
                         if previous is not None and previous in first else ()),
            )
        previous = n
        expected = max(expected, n + 1)


def _body_loc(doc, kind, n):
    note = next(x for x in notes(doc).bodies if x.kind == kind and x.id.isdigit() and int(x.id) == n)
    return body_location(doc, note)

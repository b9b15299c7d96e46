"""References to parliamentary papers (Kamerstukken, Handelingen, Aanhangsel) and the moties named in the text.

What it checks
  Every reference is parsed into its parts — keyword, bijlage, Kamer, vergaderjaar, dossier number with its
  suffix (36 200 XII, 21 501-07, 27 484 (R 1669)), paper number or Eerste Kamer letter, item, page — and then
  judged.  Three families are all correct and are never flagged for differing from each other: the full form
  "Kamerstukken II 2023/24, 36 200 XII, nr. 5, p. 3", the short form "Kamerstuk 28089, nr. 346" and the
  Handelingen compact form "(35300-A, nr. 15)".

  Malformed (error): no dossier number ("Kamerstukken II, 2024-2025, nr. 335"); a dossier number that is not
  five digits; an impossible vergaderjaar ("2023/25", "2022–203"); "nr." missing ("Kamerstuk 28089, 346") or
  misspelled ("nr 5", "nr:5", "no. 5", "nummer 5"); Handelingen or Aanhangsel without "nr."; a Kamer other than
  I or II; "kamerstuk(ken)" in lower case at the start of a citation; brackets that do not close around a
  reference ("( (Kamerstuk 28089, nr. 321)").

  House style (warning): "Kamerstukken" for one paper in the short form, "Kamerstuk" for several or in the
  full form; the vergaderjaar in another style than the house style (2023-2024 where it is 2023/24; after the
  word "vergaderjaar" the Tweede Kamer's own 2023–2024 is left alone); a comma after "II" or after
  "Kamerstuk", a missing comma between the parts, "nr.5" without a space, "Nr.", "nr." before several
  numbers; the web-title form "Kamerstuk 28089-346"; a Kamer without a vergaderjaar; Handelingen from 2011 on
  without "item"; and a dossier number written both "28089" and "28 089" in one document.

  Moties: "motie Grinwis" (a name after motie takes a hyphen: "motie-Grinwis"), "motie-van der Staaij" (the
  particle takes a capital when no first name precedes it), "c.s" or "cs." (write "c.s."), and a motie cited
  without its paper number ("motie-Kostić (28089, 321)").

  Where the intended reference is certain the finding carries the corrected reference in the house style of
  the document, and ``--fix`` applies it (only what is certain: a missing dossier number is never filled in by
  a fix; the suggestion shows where it goes, and names the dossier of another reference to the same paper
  number in the document, if there is exactly one, for the writer to check).

Why
  A reference the reader cannot follow, or that points at the wrong paper, undermines the answer; and a
  letter that cites the same dossier in three different ways looks unedited.  Sources: Aanwijzingen voor de
  regelgeving 3.43, the Leidraad voor juridische auteurs, and Tweede Kamer usage
  (../shared/reference/conventions.md §1).

Options
  year-style: the house style of the vergaderjaar in the full form: "2023/24" (default, Ar and Leidraad),
    "2023/2024", "2023-2024", "2023–2024"; "consistent" (the style most used in the document) or "any".
  dossier-spacing: "same-number" (default: flag a dossier number written both with and without the space),
    "document" (one spacing throughout the document), "space" ("28 089"), "no-space" ("28089"), "any".
  singular-plural: check "Kamerstuk" against "Kamerstukken" (default true).
  punctuation: check commas, "nr." spacing and case (default true).
  handelingen-item: ask for "item N" in Handelingen from 2011 on (default true).
  brackets: check the brackets around references (default true).
  moties: check how moties are named (default true).
  style-severity: the severity of house-style findings (default warning; malformed references have the
    rule's severity).

Bad::

    Zie de brief van 3 juli.[footnoteRef:1] Dit volgt uit de motie Grinwis.  [1:  Kamerstukken II, 2024-2025, nr. 335]
    Zie ook kamerstukken 22 343, nr. 419 en de motie-Kostić ( (Kamerstuk 28089, nr. 321).

Good::

    Zie de brief van 3 juli (Kamerstuk 28089, nr. 346) en Kamerstukken II 2023/24, 36 200 XII, nr. 5, p. 3.
    Dit volgt uit de motie-Van Aalst/Remco Dijkstra (35300-A, nr. 15) en Handelingen II 2023/24, nr. 12, item 5.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

import regex

from letterlint import analyses
from letterlint.citations import (
    ERROR,
    INFO,
    PREFILTER,
    SPC,
    STYLE,
    WS,
    YEAR_STYLES,
    Edit,
    HouseStyle,
    Problem,
    apply_edits,
    bracket_problems,
    format_dossier,
    judge,
    motie_problems,
    parse,
    parse_moties,
)
from letterlint.findings import RANK, Finding, Fix, Msg, Related, msg
from letterlint.wording import note_place

ID = "kamerstuk-reference"
SEVERITY = "error"
SUMMARY = msg(
    "Verwijzingen naar Kamerstukken, Handelingen en moties: misvormd (geen dossiernummer, «nr.» fout) of "
    "afwijkend van de huisstijl",
    "References to Kamerstukken, Handelingen and moties: malformed (no dossier number, bad «nr.») or off the "
    "house style",
)
DEFAULT = {
    "year-style": "2023/24",
    "dossier-spacing": "same-number",
    "singular-plural": True,
    "punctuation": True,
    "handelingen-item": True,
    "brackets": True,
    "moties": True,
    "style-severity": "warning",
}
CONF = {
    "year-style": {"enum": [*YEAR_STYLES, "consistent", "any"]},
    "dossier-spacing": {"enum": ["same-number", "document", "space", "no-space", "any"]},
    "singular-plural": {"type": "boolean"},
    "punctuation": {"type": "boolean"},
    "handelingen-item": {"type": "boolean"},
    "brackets": {"type": "boolean"},
    "moties": {"type": "boolean"},
    "style-severity": {"$ref": "#/$defs/severity"},
}
FIXABLE = True

MOTIE_BARE = regex.compile(
    r"(?P<lead>" + WS + r"*\(" + WS + r"*)(?:Kamerstuk" + SPC + r"+)?(?P<d>\d{2}" + SPC + r"?\d{3}(?:-[A-Z0-9]+)?),"
    + WS + r"*(?P<n>\d{1,4})\)"
)


GOES_ON = regex.compile(r"\s*(?:\d|nrs?\.|II?\b|[Vv]ergaderjaar)")


def _where(doc, par) -> tuple[str, str]:
    if par.part != "body":
        label = doc.note_label(par)
        return note_place("footnote", label), note_place("footnote", label, "en")
    loc = doc.locate(par, 0, 0)
    return loc.place("nl"), loc.place("en")


def _continues(doc, blocks, i) -> bool:
    """A hard-wrapped line (PDF text) whose next line goes on with the reference."""
    if not doc.lines_may_wrap or i + 1 >= len(blocks):
        return False
    nxt = blocks[i + 1]
    if nxt.part != blocks[i].part or nxt.note != blocks[i].note:
        return False
    return GOES_ON.match(nxt.text) is not None


def _masked(start: int, urls: list[tuple[int, int]]) -> bool:
    return bool(urls) and any(a <= start < b for a, b in urls)


def check(doc, ctx):
    for finding, _codes in results(doc, ctx):
        yield finding


def results(doc, ctx):
    """The findings, each with the codes of the problems it reports (for tests and measurements)."""
    opts = ctx.options
    style_sev = opts["style-severity"]
    if RANK[style_sev] > RANK[ctx.severity]:
        style_sev = ctx.severity
    blocks = list(doc.blocks())
    found = []  # (index, paragraph, reference)
    moties = []  # (paragraph, motie)
    for i, par in enumerate(blocks):
        text = par.text
        if not text:
            continue
        refs = parse(text, continues=_continues(doc, blocks, i)) if PREFILTER.search(text) else []
        ms = parse_moties(text) if opts["moties"] else []
        if not refs and not ms:
            continue
        urls = analyses.of(doc).addresses.spans(par)
        refs = [r for r in refs if not _masked(r.start, urls)]
        found += [(i, par, r) for r in refs]
        starts = [r.start for r in refs]
        moties += [(par, m, refs, starts) for m in ms if not _masked(m.start, urls)]

    # -- the document's own habits: dossier spacing and vergaderjaar style
    spellings: dict[str, dict[bool, list]] = {}
    spaced_count = Counter()
    for _, par, ref in found:
        if ref.kind != "kamerstuk":
            continue
        for d in ref.dossiers:
            if d.spaced is not None:
                spellings.setdefault(d.digits, {True: [], False: []})[d.spaced].append((par, d))
                spaced_count[d.spaced] += 1
    mode = opts["dossier-spacing"]
    if mode == "space":
        preferred_space = True
    elif mode == "no-space":
        preferred_space = False
    elif spaced_count[True] != spaced_count[False]:
        preferred_space = spaced_count[True] > spaced_count[False]
    else:
        preferred_space = next((d.spaced for _, _, r in found for d in r.dossiers if d.spaced is not None), None)
    year_style = opts["year-style"]
    if year_style == "consistent":
        styles = Counter(r.year.style for _, _, r in found if r.family == "full" and r.year and r.year.valid)
        year_style = styles.most_common(1)[0][0] if styles else "any"
    house = HouseStyle(year_style=year_style, dossier_space=preferred_space,
                       singular_plural=opts["singular-plural"], punctuation=opts["punctuation"],
                       handelingen_item=opts["handelingen-item"])

    by_number: dict[str, list] = {}
    for _, par, ref in found:
        if ref.dossiers and ref.numbers is not None:
            by_number.setdefault(ref.numbers.values.text, []).append((par, ref))

    for i, par, ref in found:
        text = par.text
        problems = judge(ref, house, text)
        if opts["brackets"]:
            nxt = blocks[i + 1].text if i + 1 < len(blocks) and blocks[i + 1].part == par.part else None
            problems += bracket_problems(ref, text, nxt if doc.lines_may_wrap else None)
        related = []
        if mode != "any" and ref.kind == "kamerstuk":
            for d in ref.dossiers:
                if d.spaced is None:
                    continue
                both = spellings[d.digits]
                conflict = (mode in ("document", "space", "no-space")) or (both[True] and both[False])
                if not conflict:
                    continue
                want = preferred_space
                if mode == "same-number" and want is None:
                    want = not d.spaced
                if want is None or d.spaced == want:
                    continue
                right = format_dossier(d.digits, want)
                if mode == "same-number" or both[want]:
                    other_par, other = both[want][0] if both[want] else (None, None)
                    why = (f"in dit document ook als «{right}» geschreven", f"also written «{right}» in this document")
                else:
                    other_par = None
                    why = ((f"de huisstijl is «{right}»", f"the house style is «{right}»") if mode in ("space", "no-space")
                           else (f"het document schrijft dossiernummers {'met' if want else 'zonder'} spatie",
                                 f"the document writes dossier numbers {'with' if want else 'without'} a space"))
                problems.append(Problem("dossier-spacing", STYLE, f"dossiernummer «{d.number.text}»: {why[0]}",
                                        f"dossier number «{d.number.text}»: {why[1]}",
                                        (Edit(d.number.start, d.number.end, right),)))
                if other_par is not None:
                    related.append(Related(doc.locate(other_par, other.number.start, other.number.end),
                                           msg("andere schrijfwijze", "other spelling")))
        if not problems:
            continue
        guess = None
        if any(p.code == "no-dossier" for p in problems) and ref.numbers is not None:
            # the dossier number cannot be known; another reference to the same paper number may tell
            sep = ref.seps["numbers"]
            others = {o.dossier.digits: (op, o) for op, o in by_number.get(ref.numbers.values.text, ()) if o is not ref}
            if len(others) == 1:
                op, other = next(iter(others.values()))
                spaced = house.dossier_space if house.dossier_space is not None else bool(other.dossier.spaced)
                dossier = format_dossier(other.dossier.digits, spaced)
                where = _where(doc, op)
                guess = (sep.start, f", {dossier}", f", {dossier}",
                         f" (dossiernummer zoals in {where[0]}: «{other.text}»; controleer)",
                         f" (dossier number as in {where[1]}: «{other.text}»; check)")
            else:
                guess = (sep.start, ", <dossiernummer>", ", <dossier number>", "", "")
        yield _finding(doc, par, ref.start, ref.end, ref.text, problems, ctx.severity, style_sev, guess,
                       tuple(related), "Verwijzing", "Reference"), tuple(p.code for p in problems)

    for par, motie, par_refs, starts in moties:
        problems = motie_problems(motie, par.text)
        after = MOTIE_BARE.match(par.text, motie.end)
        nxt = None
        if after is not None:
            shown = par.text[motie.start : after.end()]
            problems.append(Problem("nr-missing", ERROR, f"«{shown}»: «nr.» ontbreekt voor het stuknummer {after.group('n')}",
                                    f"«{shown}»: «nr.» is missing before paper number {after.group('n')}",
                                    (Edit(after.start("n"), after.start("n"), "nr. "),), safe=False))
        else:
            k = bisect_left(starts, motie.end)
            nxt = par_refs[k] if k < len(par_refs) and par_refs[k].start <= motie.end + 3 else None
            if nxt is not None and nxt.kind == "kamerstuk" and nxt.paper_numbers == 0 and nxt.dossiers:
                shown = par.text[motie.start : nxt.end]
                problems.append(Problem("motie-nr", STYLE,
                                        f"«{shown}»: een motie is één Kamerstuk: vermeld het stuknummer («nr.»)",
                                        f"«{shown}»: a motie is one paper: give its number («nr.»)"))
        if problems:
            end = motie.end
            if after is not None:
                end = after.end()
            elif nxt is not None and problems[-1].code == "motie-nr":
                end = nxt.end + (1 if par.text[nxt.end : nxt.end + 1] == ")" else 0)
            yield _finding(doc, par, motie.start, end, par.text[motie.start : end], problems, ctx.severity,
                           style_sev, None, (), None, None), tuple(p.code for p in problems)


def _finding(doc, par, start, end, shown, problems, error_sev, style_sev, guess, related, label_nl, label_en):
    """One finding for all the problems of one reference (or motie), with the corrected text as suggestion.

    The fix makes only the edits the problems are sure of; `guess` (a missing part, given as
    (position, text nl, text en, note nl, note en)) goes into the suggestion only, for a person to check.
    """
    text = par.text
    edits = [e for p in problems for e in p.edits]
    lo = min([start] + [e.start for e in edits])
    hi = max([end] + [e.end for e in edits])
    kinds = {p.kind for p in problems}
    severity = error_sev if ERROR in kinds else (style_sev if STYLE in kinds else INFO)
    ordered = [p for p in problems if p.kind == ERROR] + [p for p in problems if p.kind != ERROR]
    lead_nl = f"{label_nl} «{shown}»: " if label_nl else ""
    lead_en = f"{label_en} «{shown}»: " if label_en else ""
    suggestion = fix = None
    if edits:
        right = apply_edits(text, lo, hi, edits)
        suggestion = Msg(right, right)
        fix = Fix.text_edit(par, lo, hi, right, "safe" if all(p.safe for p in problems if p.edits) else "unsafe")
    if guess is not None:
        pos, add_nl, add_en, note_nl, note_en = guess
        suggestion = Msg(apply_edits(text, lo, hi, [*edits, Edit(pos, pos, add_nl)]) + note_nl,
                         apply_edits(text, lo, hi, [*edits, Edit(pos, pos, add_en)]) + note_en)
    elif suggestion is None:
        hint = next((p.hint for p in ordered if p.hint), None)
        if hint is not None:
            suggestion = Msg(*hint)
    return Finding(
        location=doc.locate(par, lo, hi),
        message=Msg(lead_nl + "; ".join(p.nl for p in ordered), lead_en + "; ".join(p.en for p in ordered)),
        suggestion=suggestion,
        fix=fix,
        severity=None if severity == error_sev else severity,
        related=related,
    )

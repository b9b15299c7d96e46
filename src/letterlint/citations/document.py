"""The citations of one document, each judged once, with everything the rules say about it.

`references(doc, settings)` parses every paragraph, settles the document's own habits (dossier spacing, the
vergaderjaar style when the house style is "consistent") and returns one `Cited` per reference or motie with
all its problems — malformed (error) and house style (style) — and the places it is related to.
`identifiers(doc, settings)` does the same for zaak numbers, ECLI, EU acts and CELEX numbers.

Who reports what (the rules call these and never each other):
  * a citation with at least one error is reported by kamerstuk-reference (identifier-format for
    identifiers), in ONE finding whose message also names its house-style points: one finding per citation;
  * a citation with house-style points only is reported by reference-style.
So switching reference-style off keeps every error, and no citation is ever reported twice.

`claimed_marks(doc, settings)` gives the brackets those findings are about, which punctuation leaves alone.

`finding(doc, cited, problems)` turns a citation and the problems a rule reports into one Finding, with the
corrected text as suggestion and fix.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..chunking import batches
from ..findings import Finding, Fix, Msg, Related, msg
from ..identifiers import scan, suspects
from ..lazyre import lazy
from ..model import Document, Paragraph
from ..textpass import find_all, texts_at
from ..wording import note_place
from .grammar import MOTIE_WORDS, PREFILTER_PARTS, SPC, WS, folded
from .house import house_settings
from .judge import apply_edits, bracket_problems, format_dossier, judge, motie_problems
from .model import ERROR, STYLE, CitationEdit, HouseStyle, Motie, Problem, Reference
from .parse import parse, parse_moties

MOTIE_BARE = lazy(
    r"(?P<lead>" + WS + r"*\(" + WS + r"*)(?:Kamerstuk" + SPC + r"+)?(?P<d>\d{2}" + SPC + r"?\d{3}(?:-[A-Z0-9]+)?),"
    + WS + r"*(?P<n>\d{1,4})\)"
)
GOES_ON = lazy(r"\s*(?:\d|nrs?\.|II?\b|[Vv]ergaderjaar)")
DIGIT = lazy(r"\d")
RELATED_AT_MOST = 5  # places named beside a finding about a number written two ways


@dataclass
class Cited:
    """One citation (reference, motie or identifier) and what is wrong with it."""

    par: Paragraph
    start: int
    end: int
    problems: list[Problem]
    kind: str = "reference"  # reference | motie | zaak | ecli | eu-act | celex
    related: tuple[Related, ...] = ()
    guess: tuple[int, str, str, str, str] | None = None  # a missing part, for the suggestion only
    label: tuple[str, str] | None = ("Verwijzing", "Reference")
    ref: Reference | None = field(default=None, repr=False)

    @property
    def malformed(self) -> bool:
        return any(p.kind == ERROR for p in self.problems)

    @property
    def shown(self) -> str:
        return self.par.text[self.start : self.end]


# -- once per document ----------------------------------------------------------------------------------------

# Three rules read these analyses of the same document: the engine's per-document cache keeps them (once per
# document and house style), whichever of the rules run.


def _once(name: str, compute: Callable[[Document, dict], list], doc: Document,
          settings: Mapping[str, Any] | None) -> list:
    from .. import analyses

    conf = house_settings(settings)
    key = ("citations", name, tuple(sorted(conf.items())))  # flat: names → strings and booleans (house.SCHEMA)
    return analyses.of(doc).keyed(key, lambda: compute(doc, conf))


# -- references and moties -------------------------------------------------------------------------------------


def references(doc: Document, settings: Mapping[str, Any] | None = None) -> list[Cited]:
    """Every reference and motie of the document with its problems, in document order (moties last)."""
    return _once("references", _references, doc, settings)


def _references(doc: Document, conf: dict) -> list[Cited]:
    blocks = list(doc.blocks())
    found, moties = _find_citations(doc, blocks)
    house = _house_style(found, conf)
    spelling = _spelling_conflicts(doc, found, house, conf["dossier-spacing"])
    by_number: dict[str, list[tuple[Paragraph, Any]]] = {}  # references with a dossier number
    for _, par, ref in found:
        if ref.dossiers and ref.numbers is not None:
            by_number.setdefault(ref.numbers.values.text, []).append((par, ref))
    out = []
    for i, par, ref in found:
        problems = judge(ref, house, par.text)
        nxt = blocks[i + 1].text if i + 1 < len(blocks) and blocks[i + 1].part == par.part else None
        problems += bracket_problems(ref, par.text, nxt if doc.lines_may_wrap else None)
        extra, related = spelling.get(id(ref), ([], ()))
        problems += extra
        if problems:
            out.append(Cited(par, ref.start, ref.end, problems, related=related, ref=ref,
                             guess=_guess(doc, ref, problems, by_number, house)))
    out += [c for c in (_motie(par, m, refs, starts, house) for par, m, refs, starts in moties) if c is not None]
    return out


def claimed_marks(doc: Document, settings: Mapping[str, Any] | None = None) -> dict[int, list[int]]:
    """Per paragraph (by id), the positions of the punctuation marks that the citations kamerstuk-reference
    reports are about ("( (Kamerstuk …)", an unclosed "(Kamerstuk …"): their one finding is that rule's."""
    out: dict[int, list[int]] = {}
    for cited in references(doc, settings):
        if cited.malformed:
            for problem in cited.problems:
                out.setdefault(id(cited.par), []).extend(problem.marks)
    return {k: sorted(v) for k, v in out.items() if v}


def _find_citations(doc: Document, blocks: list[Paragraph]) -> tuple[list[tuple[int, Paragraph, Reference]], list[tuple[Paragraph, Motie, list[Reference], list[int]]]]:
    """The references (index, paragraph, reference) and moties of the document, outside web addresses."""
    from .. import analyses

    addresses = analyses.of(doc).addresses
    found: list[tuple[int, Paragraph, Reference]] = []
    moties: list[tuple[Paragraph, Motie, list[Reference], list[int]]] = []
    for i in sorted(_may_cite([par.text for par in blocks])):
        par = blocks[i]
        text = par.text
        if not text:
            continue
        refs = parse(text, continues=_continues(doc, blocks, i))  # [] unless PREFILTER finds a keyword
        ms = parse_moties(text)
        if not refs and not ms:
            continue
        urls = addresses.spans(par)
        refs = [r for r in refs if not _masked(r.start, urls)]
        found += [(i, par, r) for r in refs]
        starts = [r.start for r in refs]
        moties += [(par, m, refs, starts) for m in ms if not _masked(m.start, urls)]
    return found, moties


def _may_cite(texts: list[str]) -> set[int]:
    """The indexes of the texts that may hold a reference (PREFILTER) or a motie: one pass over the lowered
    text of the document (letterlint.textpass) instead of a case-insensitive search in each paragraph."""
    def positions(joined: str) -> Iterator[int]:
        for literal in (*PREFILTER_PARTS, *MOTIE_WORDS):
            yield from find_all(joined, literal)

    out: set[int] = set()
    for first, batch in batches(texts):  # a batch at a time: no lowered copy of the whole document (no literal
        # spans a line break); "ſ", "İ": the two letters lower() does not fold as PREFILTER does (folded)
        odd = any("ſ" in text or "İ" in text for text in batch)
        out.update(first + i for i in texts_at(list(batch), positions, fold=folded if odd else str.lower))
    return out


def _masked(start: int, urls: list[tuple[int, int]]) -> bool:
    return bool(urls) and any(a <= start < b for a, b in urls)


def _continues(doc: Document, blocks: list[Paragraph], i: int) -> bool:
    """A hard-wrapped line (PDF text) whose next line goes on with the reference."""
    if not doc.lines_may_wrap or i + 1 >= len(blocks):
        return False
    nxt = blocks[i + 1]
    if nxt.part != blocks[i].part or nxt.note != blocks[i].note:
        return False
    return GOES_ON.match(nxt.text) is not None


def _house_style(found: list[tuple[int, Paragraph, Reference]], conf: Mapping[str, Any]) -> HouseStyle:
    """The configured house style, with the document's own dossier spacing and (if "consistent") year style."""
    spaced = Counter(d.spaced for _, _, r in found if r.kind == "kamerstuk" for d in r.dossiers if d.spaced is not None)
    mode = conf["dossier-spacing"]
    if mode in ("space", "no-space"):
        preferred: bool | None = mode == "space"
    elif spaced[True] != spaced[False]:
        preferred = spaced[True] > spaced[False]
    else:
        preferred = next((d.spaced for _, _, r in found for d in r.dossiers if d.spaced is not None), None)
    year = conf["year"]
    if year == "consistent":
        styles = Counter(r.year.style for _, _, r in found if r.family == "full" and r.year and r.year.valid)
        year = styles.most_common(1)[0][0] if styles else "any"
    return HouseStyle(year_style=year, dossier_space=preferred, kamerstuk=conf["kamerstuk"],
                      punctuation=conf["punctuation"], handelingen_item=conf["handelingen-item"],
                      chamber=conf["chamber"], motie=conf["motie"])


def _spelling_conflicts(doc: Document, found: list[tuple[int, Paragraph, Reference]], house: HouseStyle, mode: str) -> dict[int, tuple[list[Problem], tuple]]:
    """Dossier numbers written against the spacing in force, by id of their reference: the problem, and the
    places where the number is written the other way (a number written "22 343" and "22343" is one point,
    reported where it deviates, naming the other places)."""
    if mode == "any":
        return {}
    places: dict[str, dict[bool, list]] = {}
    for _, par, ref in found:
        for d in ref.dossiers if ref.kind == "kamerstuk" else ():
            if d.spaced is not None:
                places.setdefault(d.digits, {True: [], False: []})[d.spaced].append((par, d))
    out: dict[int, tuple[list[Problem], tuple]] = {}
    for _, _par, ref in found:
        for d in ref.dossiers if ref.kind == "kamerstuk" else ():
            if d.spaced is None:
                continue
            both = places[d.digits]
            want = house.dossier_space
            if mode == "same-number" and not (both[True] and both[False]):
                continue
            if want is None or d.spaced == want:
                continue
            right = format_dossier(d.digits, want)
            if mode == "same-number" or both[want]:
                why = (f"in dit document ook als «{right}» geschreven", f"also written «{right}» in this document")
            elif mode in ("space", "no-space"):
                why = (f"de huisstijl is «{right}»", f"the house style is «{right}»")
            else:
                why = (f"het document schrijft dossiernummers {'met' if want else 'zonder'} spatie",
                       f"the document writes dossier numbers {'with' if want else 'without'} a space")
            problem = Problem("dossier-spacing", STYLE, f"dossiernummer «{d.number.text}»: {why[0]}",
                              f"dossier number «{d.number.text}»: {why[1]}", (CitationEdit(d.number.start, d.number.end, right),))
            related = tuple(Related(doc.locate(op, o.number.start, o.number.end),
                                    msg(f"ook geschreven als «{o.number.text}»", f"also written «{o.number.text}»"))
                            for op, o in both[want][:RELATED_AT_MOST])
            problems, rel = out.get(id(ref), ([], ()))
            out[id(ref)] = (problems + [problem], rel + related)
    return out


def _guess(doc: Document, ref: Reference, problems: list[Problem], by_number: dict[str, list[tuple[Paragraph, Any]]],
           house: HouseStyle) -> tuple[int, str, str, str, str] | None:
    """For a reference without its dossier number: the number of another reference to the same paper number
    in the document, if there is exactly one, for the writer to check (never a fix)."""
    if ref.numbers is None or not any(p.code == "no-dossier" for p in problems):
        return None
    sep = ref.seps["numbers"]
    others = {o.dossier.digits: (op, o) for op, o in by_number.get(ref.numbers.values.text, ()) if o is not ref}
    if len(others) != 1:
        return (sep.start, ", <dossiernummer>", ", <dossier number>", "", "")
    op, other = next(iter(others.values()))
    spaced = house.dossier_space if house.dossier_space is not None else bool(other.dossier.spaced)
    dossier = format_dossier(other.dossier.digits, spaced)
    where = _where(doc, op)
    return (sep.start, f", {dossier}", f", {dossier}", f" (dossiernummer zoals in {where[0]}: «{other.text}»; controleer)",
            f" (dossier number as in {where[1]}: «{other.text}»; check)")


def _where(doc: Document, par: Paragraph) -> tuple[str, str]:
    if par.part != "body":
        label = doc.note_label(par)
        return note_place("footnote", label), note_place("footnote", label, "en")
    loc = doc.locate(par, 0, 0)
    return loc.place("nl"), loc.place("en")


def _motie(par: Paragraph, motie: Motie, par_refs: list[Reference], starts: list[int], house: HouseStyle) -> Cited | None:
    """A motie: its name, and the paper number it should be cited with."""
    text = par.text
    problems = motie_problems(motie, text, house)
    after = MOTIE_BARE.match(text, motie.end)
    end = motie.end
    if after is not None:
        shown = text[motie.start : after.end()]
        n = after.group("n")
        problems.append(Problem("nr-missing", ERROR, f"«{shown}»: «nr.» ontbreekt voor het stuknummer {n}",
                                f"«{shown}»: «nr.» is missing before paper number {n}",
                                (CitationEdit(after.start("n"), after.start("n"), "nr. "),), safe=False))
        end = after.end()
    else:
        k = bisect_left(starts, motie.end)
        nxt = par_refs[k] if k < len(par_refs) and par_refs[k].start <= motie.end + 3 else None
        if nxt is not None and nxt.kind == "kamerstuk" and nxt.paper_numbers == 0 and nxt.dossiers:
            shown = text[motie.start : nxt.end]
            problems.append(Problem("motie-nr", STYLE,
                                    f"«{shown}»: een motie is één Kamerstuk: vermeld het stuknummer («nr.»)",
                                    f"«{shown}»: a motie is one paper: give its number («nr.»)"))
            end = nxt.end + (1 if text[nxt.end : nxt.end + 1] == ")" else 0)
    if not problems:
        return None
    return Cited(par, motie.start, end, problems, kind="motie", label=None)


# -- other identifiers -------------------------------------------------------------------------------------------


def identifiers(doc: Document, settings: Mapping[str, Any] | None = None) -> list[Cited]:
    """Every zaak number, ECLI, EU act and CELEX number with a problem, outside web and e-mail addresses."""
    return _once("identifiers", _identifiers, doc, settings)


def _identifiers(doc: Document, conf: dict) -> list[Cited]:
    from .. import analyses

    addresses = analyses.of(doc).addresses
    out = []
    blocks = list(doc.blocks())
    may = suspects([par.text for par in blocks])  # where scan() can find anything: one pass over the text
    for par in (blocks[i] for i in sorted(may)):
        text = par.text
        if not text or DIGIT.search(text) is None:
            continue
        idents = scan(text)
        urls = addresses.spans(par) if idents else []
        for ident in idents:
            problems = [p for p in ident.problems if p.code != "eu-domain" or conf["eu-domain"]]
            if problems and not _masked(ident.start, urls):
                out.append(Cited(par, ident.start, ident.end, problems, kind=ident.kind, label=None))
    return out


# -- the finding ---------------------------------------------------------------------------------------------------


def finding(doc: Document, cited: Cited, problems: list[Problem] | None = None) -> Finding:
    """One finding for the problems of one citation (all of them unless given), with the corrected text as
    suggestion; the fix makes only the edits the problems are sure of, and only where the text is verbatim."""
    problems = cited.problems if problems is None else problems
    par, text = cited.par, cited.par.text
    edits = [e for p in problems for e in p.edits]
    lo = min([cited.start] + [e.start for e in edits])
    hi = max([cited.end] + [e.end for e in edits])
    ordered = [p for p in problems if p.kind == ERROR] + [p for p in problems if p.kind != ERROR]
    lead = (f"{cited.label[0]} «{cited.shown}»: ", f"{cited.label[1]} «{cited.shown}»: ") if cited.label else ("", "")
    suggestion = fix = None
    if edits:
        right = apply_edits(text, lo, hi, edits)
        suggestion = Msg(right, right)
        safe = all(p.safe for p in problems if p.edits)
        fix = Fix.text_edit(par, lo, hi, right, "safe" if safe else "unsafe")  # the engine checks it is verbatim
    guess = cited.guess if any(p.code == "no-dossier" for p in problems) else None
    if guess is not None:
        pos, add_nl, add_en, note_nl, note_en = guess
        suggestion = Msg(apply_edits(text, lo, hi, [*edits, CitationEdit(pos, pos, add_nl)]) + note_nl,
                         apply_edits(text, lo, hi, [*edits, CitationEdit(pos, pos, add_en)]) + note_en)
    elif suggestion is None:
        hint = next((p.hint for p in ordered if p.hint), None)
        if hint is not None:
            suggestion = Msg(*hint)
    return Finding(
        location=doc.locate(par, lo, hi),
        message=Msg(lead[0] + "; ".join(p.nl for p in ordered), lead[1] + "; ".join(p.en for p in ordered)),
        suggestion=suggestion,
        fix=fix,
        related=cited.related if any(p.code == "dossier-spacing" for p in problems) else (),
    )

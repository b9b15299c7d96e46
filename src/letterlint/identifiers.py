"""Other identifiers in letters: Tweede Kamer zaak- and documentnummers, ECLI, EU legal acts, CELEX numbers.

`scan(text)` returns every identifier found in one paragraph's text as an `Identifier`: its kind, span, parsed
fields, and the problems with it (each a `citations.Problem` with edits that repair it, where the repair is
certain).  Formats and sources: ../shared/reference/conventions.md §2 (TK open data and URLs for zaak numbers;
the Interinstitutionele schrijfwijzer §1.2.2 for EU acts; EUR-Lex for CELEX; the ECLI Council conclusions).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .citations import ERROR, INFO, SPC, WS, CitationEdit, Problem
from .lazyre import lazy, lazy_re
from .textpass import match_starts, texts_at

# -- zaak- and documentnummers ---------------------------------------------------------------------------

ZAAK = lazy(
    r"(?<![\w/-])(?P<year>(?:19|20)\d{2})(?P<sep>-|" + SPC + r")?(?P<letter>[ZzDd])(?P<num>\d{3,7})(?![\w/])"
)
ZAAK_HINT = lazy(r"\d{4}[-\s\u00a0]?[ZzDd]\d")
ZAAK_CONTEXT = lazy(r"(?i)(?:kenmerk|referentie|zaak|document|nummer|nr\.?|zie)\W{0,3}$")

# -- ECLI ------------------------------------------------------------------------------------------------------

ECLI = lazy(
    r"(?<![\w])(?P<kw>(?i:ecli))(?P<rest>(?:" + SPC + r"?:" + SPC + r"?[A-Za-z0-9.]+){1,6})"
)

# -- EU acts ---------------------------------------------------------------------------------------------------

EU_ACT = lazy(
    r"(?<![\p{L}])(?P<type>(?:[Gg]edelegeerde" + SPC + r"+|[Uu]itvoerings)?[Vv]erordening"
    r"|(?:[Gg]edelegeerde" + SPC + r"+|[Uu]itvoerings)?[Rr]ichtlijn"
    r"|(?:[Gg]edelegeerd" + SPC + r"+|[Uu]itvoerings)?[Bb]esluit|[Kk]aderbesluit)"
    r"(?P<gap>" + SPC + r"+)"
    r"(?:(?P<dom>\((?:EU|EG|EEG|EGKS|Euratom|EU," + SPC + r"?Euratom|GBVB|JBZ)\))(?P<gap2>" + SPC + r"+))?"
    r"(?P<nr>(?P<nrlab>[Nn]r\.?|[Nn][Oo]\.?|[Nn][º°])" + SPC + r"?)?"  # "nr."; English "No", "nr" without its stop
    r"(?P<a>\d{1,4})/(?P<b>\d{1,4})(?:/(?P<dom2>EU|EG|EEG|EGKS|Euratom|GBVB|JBZ))?(?![\w/])"
)
NEW_STYLE_FROM = 2015  # acts from 1 January 2015 on are numbered "(domain) YYYY/N"

# -- CELEX -----------------------------------------------------------------------------------------------------

CELEX_SHAPE = lazy(r"[0-9CE]\d{4}[A-Z]{1,2}\d{4}(?:\(\d{2}\))?(?:-\d{8})?")
CELEX_LABELLED = lazy(
    r"(?<![\w])(?i:celex)(?:-?(?:nummer|nr\.?))?" + SPC + r"?:?" + WS + r"*(?P<id>[0-9A-Za-z()\-]{4,30})"
)
CELEX_BARE = lazy(r"(?<![\w])(?P<id>3(?:19|20)\d{2}[LRD]\d{4})(?!\w)")
CELEX_HINT = lazy(r"(?i)celex|3(?:19|20)\d{2}[LRD]\d{4}")
CELEX_TYPE = {"L": "Richtlijn", "R": "Verordening", "D": "Besluit"}


# Where scan() can find anything: a superset of what each of its parts matches (ZAAK's year, "cli"/"CLI", which
# scan() asks before the ECLI pattern, the digit, "/" and digit of an EU act's number, CELEX's label or bare
# number), each alternative starting with a literal so that the standard `re` engine skips in C to the next
# candidate character.  One pass over a document's text instead of several searches in each of its paragraphs
# with a digit, most of which find nothing.  (`re`'s \d is `regex`'s; its \s holds ZAAK's separators.)
_SIGNS = (
    [r"1(?=9\d\d[-\s]?[ZzDd]\d)", r"2(?=0\d\d[-\s]?[ZzDd]\d)"]  # zaak: 19xx or 20xx, Z or D
    + ["cli", "CLI"]  # ecli
    + [r"/(?<=\d/)(?=\d)"]  # an EU act's number
    + ["c(?i:elex)", "C(?i:elex)", r"3(?:19|20)\d{2}[LRDlrd]\d{4}"]  # celex (CELEX_HINT ignores case)
)
SIGN = lazy_re("|".join(_SIGNS))


def suspects(texts: list[str]) -> set[int]:
    """The indexes of the texts where scan() may find an identifier (elsewhere it finds none)."""
    return texts_at(texts, match_starts(SIGN))


@dataclass
class Identifier:
    """An identifier in the text (a case number, ECLI, EU act or CELEX number), its fields and problems."""

    kind: str  # zaak | ecli | eu-act | celex
    start: int
    end: int
    text: str
    fields: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def scan(text: str) -> list[Identifier]:
    if not text:
        return []
    found: list[Identifier] = []
    if ZAAK_HINT.search(text):
        found += _zaken(text)
    if "cli" in text or "CLI" in text:
        found += _eclis(text)
    acts = _eu_acts(text) if ("ichtlijn" in text or "erordening" in text or "esluit" in text) else []
    found += acts
    if CELEX_HINT.search(text):
        found += _celex(text, acts)
    found.sort(key=lambda i: i.start)
    return found


def _zaken(text: str) -> list[Identifier]:
    out = []
    for m in ZAAK.finditer(text):
        sep, letter, num = m.group("sep"), m.group("letter"), m.group("num")
        kind_nl = "zaaknummer" if letter.upper() == "Z" else "documentnummer"
        kind_en = "zaak number" if letter.upper() == "Z" else "document number"
        if sep == "-" or (sep is None and (letter.islower() or len(num) != 5) and len(num) >= 4):
            pass
        elif sep is not None and ZAAK_CONTEXT.search(text[max(0, m.start() - 20) : m.start()]) and len(num) == 5:
            pass  # "kenmerk 2025 Z14995": a space inside the number
        elif sep is None and letter.isupper() and len(num) == 5:
            out.append(Identifier("zaak", m.start(), m.end(), m.group(), {"year": m.group("year")}))
            continue
        else:
            continue
        ident = Identifier("zaak", m.start(), m.end(), m.group(), {"year": m.group("year")})
        reasons_nl, reasons_en, edits, safe = [], [], [], True
        if sep is not None:
            reasons_nl.append("zonder spatie of streepje na het jaartal")
            reasons_en.append("no space or hyphen after the year")
            edits.append(CitationEdit(m.start("sep"), m.end("sep"), ""))
        if letter.islower():
            reasons_nl.append(f"hoofdletter {letter.upper()}")
            reasons_en.append(f"capital {letter.upper()}")
            edits.append(CitationEdit(m.start("letter"), m.end("letter"), letter.upper()))
        if len(num) != 5:
            reasons_nl.append(f"vijf cijfers na de {letter.upper()}, niet {len(num)}")
            reasons_en.append(f"five digits after the {letter.upper()}, not {len(num)}")
            safe = False
            edits = []
        ident.problems.append(Problem(
            "zaak", ERROR, f"{kind_nl} «{m.group()}» is misvormd: " + "; ".join(reasons_nl)
            + " (vorm: 2025Z14995)",
            f"{kind_en} «{m.group()}» is malformed: " + "; ".join(reasons_en) + " (form: 2025Z14995)",
            tuple(edits), safe=safe))
        out.append(ident)
    return out



# the parts after "ECLI": their shape, and what to say when a part has another shape
# (every pattern of this module is compiled once, on first use, and kept between runs by lazyre: one compiled
# from its source inside a function costs ~0.2-1 ms on the first letter of every process)
ECLI_PARTS = (
    (lazy(r"[A-Za-z]{2}"), "landcode «{}» heeft geen twee letters", "country code «{}» is not two letters"),
    (lazy(r"[A-Za-z0-9]{1,7}"), "instantiecode «{}» is ongeldig", "court code «{}» is not valid"),
    (lazy(r"\d{4}"), "jaartal «{}» heeft geen vier cijfers", "year «{}» is not four digits"),
    (lazy(r"[A-Za-z0-9.]{1,25}"), "volgnummer «{}» is ongeldig", "ordinal «{}» is not valid"),
)
ECLI_SPACE = lazy(SPC)
CELEX_PARTS = lazy(r"3(\d{4})([LRD])(\d{4})")

def _eclis(text: str) -> list[Identifier]:
    out = []
    for m in ECLI.finditer(text):
        whole = m.group()
        end = m.end()
        while whole.endswith("."):
            whole, end = whole[:-1], end - 1
        parts = [p.strip(" \u00a0\u202f") for p in whole.split(":")]
        ident = Identifier("ecli", m.start(), end, whole, {"parts": parts})
        reasons_nl, reasons_en = [], []
        fixable = True
        if len(parts) != 5:
            reasons_nl.append(f"{len(parts)} delen in plaats van vijf (ECLI:land:instantie:jaar:nummer)")
            reasons_en.append(f"{len(parts)} parts instead of five (ECLI:country:court:year:number)")
            fixable = False
        else:
            for value, (shape, nl, en) in zip(parts[1:], ECLI_PARTS, strict=True):
                if not shape.fullmatch(value):
                    reasons_nl.append(nl.format(value))
                    reasons_en.append(en.format(value))
                    fixable = False
        if ECLI_SPACE.search(whole):
            reasons_nl.append("geen spaties rond de dubbele punten")
            reasons_en.append("no spaces around the colons")
        if whole != whole.upper() and not reasons_nl[:1]:
            reasons_nl.append("in hoofdletters")
            reasons_en.append("in capitals")
        elif whole != whole.upper():
            reasons_nl.append("in hoofdletters")
            reasons_en.append("in capitals")
        if reasons_nl:
            right = ":".join(parts).upper()
            edits = (CitationEdit(m.start(), end, right),) if fixable else ()
            ident.problems.append(Problem(
                "ecli", ERROR, f"ECLI «{whole}» is misvormd: " + "; ".join(reasons_nl),
                f"ECLI «{whole}» is malformed: " + "; ".join(reasons_en), edits))
        out.append(ident)
    return out


def _is_year(s: str) -> bool:
    return len(s) == 4 and s[:2] in ("19", "20")


def _full_year(s: str) -> int:
    y = int(s)
    if len(s) == 2:
        return y + (1900 if y > 50 else 2000)
    return y


def _eu_label(m: regex.Match[str]) -> Problem:
    """ "Verordening (EU) No 123/2011": English (or "nr" without its stop) in a Dutch citation."""
    lab = m.group("nrlab")
    why_nl = "Engels" if lab[:2].lower() == "no" or lab[-1] in "º°" else "zonder punt"
    why_en = "English" if why_nl == "Engels" else "without its full stop"
    return Problem("eu-label", ERROR, f"«{lab}» ({why_nl}) in een Nederlandse verwijzing: schrijf «nr.»",
                   f"«{lab}» ({why_en}) in a Dutch citation: write «nr.»", (CitationEdit(m.start("nr"), m.end("nr"), "nr. "),))


def _eu_acts(text: str) -> list[Identifier]:
    out = []
    for m in EU_ACT.finditer(text):
        kind = m.group("type")
        dom, dom2 = m.group("dom"), m.group("dom2")
        ident = Identifier("eu-act", m.start(), m.end(), m.group(), {"type": kind, "domain": dom or dom2})
        if dom is not None:
            _eu_domain_first(m, ident)
        elif dom2 is not None:
            _eu_domain_last(m, ident)
        else:
            _eu_no_domain(m, ident)
        out.append(ident)
    return out


def _eu_no_domain(m: regex.Match[str], ident: Identifier) -> None:
    """ "Richtlijn 2024/1785": no domain; for an act from 2015 on, the shorthand of "(EU) 2024/1785"."""
    a, b, nr, kind = m.group("a"), m.group("b"), m.group("nr"), m.group("type")
    if _is_year(a) and int(a) >= NEW_STYLE_FROM and nr is None and kind.lower().endswith(("richtlijn", "verordening")):
        ident.fields.update(year=int(a), number=int(b))
        ident.problems.append(Problem(
            "eu-domain", INFO, f"«{m.group()}»: vermeld het domein: «{kind} (EU) {a}/{b}»",
            f"«{m.group()}»: give the domain: «{kind} (EU) {a}/{b}»", (CitationEdit(m.end("gap"), m.end("gap"), "(EU) "),)))


def _eu_domain_first(m: regex.Match[str], ident: Identifier) -> None:
    """ "Verordening (EU) 2016/679", "Verordening (EG) nr. 1907/2006": the domain in brackets before the number."""
    a, b, dom, dom2, nr = m.group("a"), m.group("b"), m.group("dom"), m.group("dom2"), m.group("nr")
    kind, add = m.group("type"), ident.problems.append
    old_domain = dom.strip("()") in ("EG", "EEG", "EGKS")
    b_year = _is_year(b) or (len(b) == 2 and (old_domain or nr is not None))
    verordening = kind.lower().endswith("verordening")
    if nr is not None and _is_year(a) and int(a) >= NEW_STYLE_FROM and not _is_year(b):
        layout = "new+nr"  # "(EU) nr. 2016/679"
        year, number = int(a), int(b)
    elif nr is not None or (b_year and not (_is_year(a) and int(a) >= NEW_STYLE_FROM and not old_domain)):
        layout = "old"  # number first: "(EG) nr. 1907/2006", "(EU) 1785/2024"
        year, number = _full_year(b), int(a)
    elif _is_year(a):
        layout = "new"  # year first: "(EU) 2024/1785"
        year, number = int(a), int(b)
    else:
        return
    ident.fields.update(year=year, number=number)
    new_form = f"{kind} {dom} {year}/{number}"
    old_form = (f"{kind} {dom} nr. {number}/{year}" if verordening
                else f"{kind} {year}/{number}/{dom.strip('()')}")
    if nr is not None and layout != "new+nr" and m.group("nrlab") != "nr.":
        add(_eu_label(m))
    if dom2 is not None:
        right = new_form if year >= NEW_STYLE_FROM else f"{kind} {year}/{number}/{dom2}"
        add(Problem("eu-mixed", ERROR, f"«{m.group()}» mengt de oude en de nieuwe nummering: schrijf «{right}»",
                    f"«{m.group()}» mixes the old and the new numbering: write «{right}»",
                    (CitationEdit(m.start(), m.end(), right),)))
    elif layout == "new+nr":
        add(Problem("eu-nr", ERROR,
                    f"«{m.group()}»: een EU-handeling vanaf 2015 heeft geen «nr.»: «{new_form}»",
                    f"«{m.group()}»: an EU act from 2015 on takes no «nr.»: «{new_form}»",
                    (CitationEdit(m.start(), m.end(), new_form),)))
    elif layout == "old" and year >= NEW_STYLE_FROM:
        add(Problem("eu-swapped", ERROR,
                    f"«{m.group()}»: vanaf 2015 eerst het jaar, dan het nummer: «{new_form}»",
                    f"«{m.group()}»: from 2015 on the year comes first, then the number: «{new_form}»",
                    (CitationEdit(m.start(), m.end(), new_form),)))
    elif layout == "old" and nr is None and verordening:
        add(Problem("eu-nr", ERROR, f"«{m.group()}»: een verordening van vóór 2015 heeft «nr.»: «{old_form}»",
                    f"«{m.group()}»: a regulation from before 2015 takes «nr.»: «{old_form}»",
                    (CitationEdit(m.start("a"), m.start("a"), "nr. "),)))
    elif (layout == "old" and not verordening and not old_domain) or (layout == "new" and year < NEW_STYLE_FROM):
        add(Problem("eu-old-new", ERROR,
                    f"«{m.group()}»: een handeling van vóór 2015 houdt de oude nummering: «{old_form}»",
                    f"«{m.group()}»: an act from before 2015 keeps the old numbering: «{old_form}»",
                    (CitationEdit(m.start(), m.end(), old_form),), safe=False))


def _eu_domain_last(m: regex.Match[str], ident: Identifier) -> None:
    """Old style with the domain at the end: "Richtlijn 2010/75/EU", "Besluit nr. 284/2010/EU"."""
    a, b, dom2, nr = m.group("a"), m.group("b"), m.group("dom2"), m.group("nr")
    kind, add = m.group("type"), ident.problems.append
    year = int(a) if (_is_year(a) or (len(a) == 2 and nr is None)) else int(b)
    if year < 100:
        year += 1900 if year > 50 else 2000
    number = int(b) if year == int(a) or (len(a) == 2 and nr is None) else int(a)
    ident.fields.update(year=year, number=number)
    if year >= NEW_STYLE_FROM and _is_year(a):
        right = f"{kind} ({dom2}) {year}/{number}"
        add(Problem("eu-old-new", ERROR,
                    f"«{m.group()}»: een handeling vanaf 2015 wordt genummerd als «{right}»",
                    f"«{m.group()}»: an act from 2015 on is numbered «{right}»",
                    (CitationEdit(m.start(), m.end(), right),)))


def _celex(text: str, acts: list[Identifier]) -> list[Identifier]:
    out = []
    seen: set[int] = set()
    for m in CELEX_LABELLED.finditer(text):
        cid = m.group("id").rstrip(").,")
        start = m.start("id")
        seen.add(start)
        ident = Identifier("celex", start, start + len(cid), cid)
        if not CELEX_SHAPE.fullmatch(cid):
            ident.problems.append(Problem(
                "celex", ERROR, f"CELEX-nummer «{cid}» is misvormd (vorm: 32024L1785: sector, jaar, soort, nummer)",
                f"CELEX number «{cid}» is malformed (form: 32024L1785: sector, year, type, number)"))
        out.append(ident)
    for m in CELEX_BARE.finditer(text):
        if m.start() not in seen:
            out.append(Identifier("celex", m.start(), m.end(), m.group("id")))
    # a CELEX number beside exactly one EU act of the same paragraph must name that act
    new_acts = [a for a in acts if a.fields.get("year", 0) >= NEW_STYLE_FROM and not a.problems]
    for ident in out:
        if ident.problems or len(new_acts) != 1 or not ident.text.startswith("3"):
            continue
        m = CELEX_PARTS.fullmatch(ident.text)
        if m is None:
            continue
        act = new_acts[0]
        act_type = act.fields["type"].lower()
        want_type = next((k for k, v in CELEX_TYPE.items() if act_type.endswith(v.lower())), None)
        if (int(m.group(1)), int(m.group(3))) != (act.fields["year"], act.fields["number"]) or (
                want_type is not None and want_type != m.group(2)):
            right = f"3{act.fields['year']}{want_type or m.group(2)}{act.fields['number']:04d}"
            ident.problems.append(Problem(
                "celex-mismatch", ERROR, f"CELEX-nummer «{ident.text}» hoort niet bij «{act.text}» (dat is {right})",
                f"CELEX number «{ident.text}» does not belong to «{act.text}» (that is {right})",
                (CitationEdit(ident.start, ident.end, right),), safe=False))
    return out

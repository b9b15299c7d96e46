"""Judging: what is wrong with one parsed reference or motie, as `Problem`s with the edits that repair them."""

from __future__ import annotations

from collections.abc import Iterable

from ..lazyre import lazy
from .grammar import BRACKETS, DOUBLE_CLOSE, DOUBLE_OPEN, LOWER_WORD_END, OPEN, PARTICLE, REST_IS_BLANK, SPC
from .model import ERROR, STYLE, YEAR_STYLES, CitationEdit, HouseStyle, Motie, Problem, Reference, Year

# a motie's names that start with a particle ("motie-van der Plas"); compiled on first use and kept between runs
# (lazyre), not compiled from its source on the first letter of every process (~1 ms)
PARTICLE_FIRST = lazy(PARTICLE + SPC)


def format_year(year: Year, style: str) -> str:
    first = year.first
    second = first + 1
    sep = "/" if style.startswith("2023/") else ("–" if "–" in style else "-")
    tail = f"{second % 100:02d}" if style == "2023/24" else str(second)
    return f"{first}{sep}{tail}"


def format_year_like(year: Year) -> str:
    """The right year span, written the way the writer wrote it (separator, two or four digits)."""
    second = year.first + 1
    tail = f"{second % 100:02d}" if len(year.second_text) == 2 else str(second)
    return f"{year.first}{year.sep}{tail}"


def format_dossier(digits: str, spaced: bool) -> str:
    return f"{digits[:2]} {digits[2:]}" if spaced and len(digits) == 5 else digits


def judge(ref: Reference, style: HouseStyle, text: str = "") -> list[Problem]:
    """What is wrong with one reference: malformed parts (error) and house-style deviations (style)."""
    problems: list[Problem] = []
    for part in (_keyword, _chamber, _year, _dossiers, _paper_number, _numbers_label, _page, _handelingen):
        problems += part(ref, style)
    return problems


def _keyword(ref: Reference, style: HouseStyle) -> list[Problem]:
    """The keyword: a capital; "Kamerstuk" or "Kamerstukken" as the house style counts; no comma after it."""
    kw = ref.keyword
    if kw is None or ref.family == "vergaderjaar":
        return []
    problems = []
    word = kw.text
    right = word[:1].upper() + word[1:].lower()
    why = _number_form(ref, style, right.endswith("ken")) if ref.kind == "kamerstuk" else None
    if why is not None:
        right = right[:-3] if right.endswith("ken") else right + "ken"
    if word[:1].islower():
        problems.append(Problem("lowercase", ERROR,
                                f"«{word}» begint een verwijzing en krijgt een hoofdletter" + (f"; {why[0]}" if why else ""),
                                f"«{word}» starts a citation: capitalise it" + (f"; {why[1]}" if why else ""),
                                (CitationEdit(kw.start, kw.end, right),)))
    elif why is not None and not (word.isupper() and len(word) > 3):  # KAMERSTUKKEN in a heading: leave it
        problems.append(Problem("plural", STYLE, f"«{word}»: {why[0]}", f"«{word}»: {why[1]}",
                                (CitationEdit(kw.start, kw.end, right),)))
    sep = ref.seps.get("dossier") if ref.chamber is None and ref.year is None else None
    if ref.kind == "kamerstuk" and sep is not None and sep.text.strip() == "," and style.punctuation:
        problems.append(Problem("comma-keyword", STYLE, "geen komma na «Kamerstuk»", "no comma after «Kamerstuk»",
                                (CitationEdit(sep.start, sep.end, " "),)))
    return problems


def _number_form(ref: Reference, style: HouseStyle, plural: bool) -> tuple[str, str] | None:
    """Why the keyword should be the other number (singular/plural), or None when it is right."""
    if style.kamerstuk == "any" or ref.zaak is not None:
        return None
    if style.kamerstuk == "plural":
        want, why = True, ("de huisstijl is «Kamerstukken»", "the house style is «Kamerstukken»")
    elif ref.chamber is not None or ref.year is not None:
        want, why = True, ("in de volledige vorm met Kamer en vergaderjaar is het «Kamerstukken»",
                           "the full form with Kamer and year takes «Kamerstukken»")
    elif ref.paper_numbers >= 2:
        want, why = True, ("meer stukken: «Kamerstukken»", "several papers: «Kamerstukken»")
    elif ref.paper_numbers == 1:
        want, why = False, ("één stuk: «Kamerstuk»", "one paper: «Kamerstuk»")
    else:
        return None
    return why if want != plural else None


def _chamber(ref: Reference, style: HouseStyle) -> list[Problem]:
    """The Kamer: I or II; no comma after it; with a vergaderjaar; given at all where the year is."""
    problems = []
    c = ref.chamber.text if ref.chamber is not None else None
    if c == "III":
        problems.append(Problem("chamber", ERROR, f"Kamer «{c}» bestaat niet: I (Eerste Kamer) of II (Tweede Kamer)",
                                f"there is no Kamer «{c}»: I (Eerste Kamer) or II (Tweede Kamer)"))
    elif c in ("1", "2") and ref.chamber is not None:
        roman = "I" * int(c)
        problems.append(Problem("chamber", ERROR, f"Kamer als «{c}» geschreven: schrijf «{roman}»",
                                f"Kamer written «{c}»: write «{roman}»", (CitationEdit(ref.chamber.start, ref.chamber.end, roman),)))
    ysep = ref.seps.get("year")
    if c is not None and ysep is not None and ysep.text.strip() == "," and style.punctuation:
        problems.append(Problem("comma-chamber", STYLE, f"geen komma na «{c}»", f"no comma after «{c}»",
                                (CitationEdit(ysep.start, ysep.end, " "),)))
    if (c is not None and ref.year is None and ref.kind == "kamerstuk" and (ref.dossiers or ref.numbers)
            and not ref.wrapped):
        problems.append(Problem("year-missing", STYLE, f"het vergaderjaar ontbreekt na «{c}»",
                                f"the parliamentary year is missing after «{c}»",
                                hint=("vul het vergaderjaar in, bijvoorbeeld «Kamerstukken II 2023/24, …»",
                                      "add the parliamentary year, e.g. «Kamerstukken II 2023/24, …»")))
    # a paper (or Handelingen) of one year names its Kamer; a whole bill over both Kamers need not (Leidraad)
    names_paper = ref.kind != "kamerstuk" or ref.paper_numbers > 0
    if (c is None and ref.year is not None and not ref.year.multi and names_paper and ref.family != "vergaderjaar"
            and ref.keyword is not None and style.chamber):
        at = ref.keyword.end
        problems.append(Problem("chamber-missing", STYLE,
                                f"de Kamer ontbreekt: «{ref.keyword.text} II» (Tweede Kamer) of «… I» (Eerste Kamer)",
                                f"the Kamer is missing: «{ref.keyword.text} II» (Tweede Kamer) or «… I» (Eerste Kamer)",
                                hint=(f"{ref.text[: at - ref.start]} II{ref.text[at - ref.start:]}",) * 2))
    return problems


def _year(ref: Reference, style: HouseStyle) -> list[Problem]:
    """The vergaderjaar: one year after the other; in the house style in the full form; a comma after it."""
    y = ref.year
    if y is None:
        return []
    problems = []
    if not y.multi and not y.valid:
        second = y.second
        if second is None:
            what_nl, what_en = f"«{y.second_text}» is geen jaartal", f"«{y.second_text}» is not a year"
        else:
            what_nl, what_en = f"{second} volgt niet op {y.first}", f"{second} does not follow {y.first}"
        start = y.span.start + y.span.text.find(str(y.first))
        fix = (CitationEdit(start, y.span.end, format_year_like(y)),) if second is None or abs(second - y.first) <= 2 else ()
        shown = y.span.text[y.span.text.find(str(y.first)) :]
        problems.append(Problem("year", ERROR, f"onmogelijk vergaderjaar «{shown}»: {what_nl}",
                                f"impossible parliamentary year «{shown}»: {what_en}", fix, safe=False))
    elif (not y.multi and y.word is None and style.year_style in YEAR_STYLES and y.style != style.year_style
          and ref.family == "full"):
        want = format_year(y, style.year_style)
        problems.append(Problem("year-style", STYLE, f"vergaderjaar «{y.span.text}»: de huisstijl is «{want}»",
                                f"parliamentary year «{y.span.text}»: the house style is «{want}»",
                                (CitationEdit(y.span.start, y.span.end, want),)))
    ds = ref.seps.get("dossier")
    if ds is not None and "," not in ds.text and style.punctuation and ref.dossiers:
        problems.append(Problem("comma-missing", STYLE, "komma ontbreekt na het vergaderjaar",
                                "comma missing after the parliamentary year", (CitationEdit(y.span.end, y.span.end, ","),)))
    return problems


def _dossiers(ref: Reference, style: HouseStyle) -> list[Problem]:
    """The dossier number: there, five digits, written with a space or without, not with a full stop."""
    if ref.kind != "kamerstuk":
        return []
    if ref.zaak is not None:
        return [_zaak_as_kamerstuk(ref)]
    if not ref.dossiers:
        if (ref.numbers is not None or ref.bare_number is not None) and not ref.wrapped:
            return [Problem("no-dossier", ERROR, "het dossiernummer (Kamerstuknummer) ontbreekt",
                            "the dossier number (Kamerstuk number) is missing", safe=False,
                            hint=("vul het vijfcijferige dossiernummer in, bijvoorbeeld «Kamerstuk 28089, nr. 346»",
                                  "add the five-digit dossier number, e.g. «Kamerstuk 28089, nr. 346»"))]
        return []
    problems = []
    for d in ref.dossiers:
        n = len(d.digits)
        if n != 5 and not (n == 4 and ref.year is not None and ref.year.first < 1970):
            problems.append(Problem(
                "dossier-digits", ERROR,
                f"dossiernummer «{d.number.text}» heeft {n} cijfers; een Kamerstuknummer heeft er vijf (28089 of 28 089)",
                f"dossier number «{d.number.text}» has {n} digits; a Kamerstuk number has five (28089 or 28 089)"))
        elif n == 5 and d.spaced is None:
            right = format_dossier(d.digits, style.dossier_space is not False)
            problems.append(Problem(
                "dossier-separator", ERROR,
                f"dossiernummer «{d.number.text}»: vijf cijfers, met een spatie na de eerste twee of zonder: «{right}»",
                f"dossier number «{d.number.text}»: five digits, with a space after the first two or none: «{right}»",
                (CitationEdit(d.number.start, d.number.end, right),)))
    return problems


def _zaak_as_kamerstuk(ref: Reference) -> Problem:
    z = ref.zaak.text if ref.zaak is not None else ""
    zaak = z[4:5].upper() == "Z"
    what_nl, what_en = ("zaaknummer", "zaak number") if zaak else ("documentnummer", "document number")
    label = "zaak" if zaak else "document"
    return Problem(
        "zaak-as-kamerstuk", ERROR,
        f"«{z}» is een {what_nl} van de Tweede Kamer, geen Kamerstuk: een Kamerstuk is dossier en stuknummer "
        f"(«Kamerstuk 28089, nr. 346»); of noem het een {what_nl} («{label} {z}»)",
        f"«{z}» is a Tweede Kamer {what_en}, not a Kamerstuk: a Kamerstuk is a dossier and a paper number "
        f"(«Kamerstuk 28089, nr. 346»); or call it a {what_en} («{label} {z}»)",
        safe=False,
        hint=(f"Kamerstuk <dossier>, nr. <n> (of: {label} {z})", f"Kamerstuk <dossier>, nr. <n> (or: {label} {z})"))


def _paper_number(ref: Reference, style: HouseStyle) -> list[Problem]:
    """The paper number glued to the dossier ("28089-346") or given without "nr." ("28089, 346")."""
    problems = []
    if ref.hyphen_number is not None and ref.dossiers:
        h, dossier = ref.hyphen_number, ref.dossiers[0].number.text
        glued = f"{dossier}-{h.text}"
        problems.append(Problem(
            "hyphen-nr", ERROR,
            f"«{glued}»: stuknummer met een streepje aan het dossiernummer vast (zo heet het bestand op de website); "
            f"schrijf «{dossier}, nr. {h.text}»",
            f"«{glued}»: the paper number glued to the dossier with a hyphen (the web file name); "
            f"write «{dossier}, nr. {h.text}»",
            (CitationEdit(h.start - 1, h.start, ", nr. "),)))
    if ref.bare_number is not None and not ref.wrapped:
        b = ref.bare_number
        problems.append(Problem("nr-missing", ERROR, f"«nr.» ontbreekt voor het stuknummer {b.text}",
                                f"«nr.» is missing before paper number {b.text}", (CitationEdit(b.start, b.start, "nr. "),),
                                safe=False))
    return problems


def _numbers_label(ref: Reference, style: HouseStyle) -> list[Problem]:
    """The label before the paper numbers: "nr." or "nrs.", lower case, a space after it, a comma before it."""
    nums = ref.numbers
    if nums is None:
        return []
    problems = []
    lab = nums.label.text
    several = nums.several
    if lab.lower() in ("nr.", "nrs."):
        kw_caps = ref.keyword is not None and ref.keyword.text.isupper()
        if lab != lab.lower() and style.punctuation and not kw_caps:
            problems.append(Problem("nr-case", STYLE, f"«{lab}» met een kleine letter: «{lab.lower()}»",
                                    f"«{lab}» takes a lower-case n: «{lab.lower()}»",
                                    (CitationEdit(nums.label.start, nums.label.end, lab.lower()),)))
        elif style.punctuation and ref.kind == "kamerstuk" and lab in ("nr.", "nrs.") and several != (lab == "nrs."):
            want = "nrs." if several else "nr."
            problems.append(Problem("nr-plural", STYLE, *(("meer stuknummers: «nrs.»", "several paper numbers: «nrs.»")
                                                          if several else ("één stuknummer: «nr.»", "one paper number: «nr.»")),
                                    (CitationEdit(nums.label.start, nums.label.end, want),)))
        if nums.gap.text == "" and nums.values.text[:1].isdigit() and style.punctuation:
            problems.append(Problem("nr-space", STYLE, f"spatie na «{lab}»: «{lab} {nums.values.text}»",
                                    f"a space after «{lab}»: «{lab} {nums.values.text}»",
                                    (CitationEdit(nums.gap.start, nums.gap.end, " "),)))
    else:
        base = lab.lower().rstrip(".:")
        right = "nrs." if (base == "nrs" or several) else "nr."
        english = " (Engels)" if base.startswith("no") else ""
        problems.append(Problem("nr-spelling", ERROR, f"«{lab}» is geen juiste afkorting{english}: schrijf «{right}»",
                                f"«{lab}» is not the right abbreviation: write «{right}»",
                                (CitationEdit(nums.label.start, nums.gap.end, right + " "),)))
    sep = ref.seps.get("numbers")
    if sep is not None and "," not in sep.text and style.punctuation and (ref.dossiers or ref.year):
        problems.append(Problem("comma-missing", STYLE, f"komma ontbreekt voor «{lab}»", f"comma missing before «{lab}»",
                                (CitationEdit(sep.start, sep.start, ","),)))
    return problems


def _page(ref: Reference, style: HouseStyle) -> list[Problem]:
    sep = ref.seps.get("page") if ref.page is not None and style.punctuation else None
    if sep is None or "," in sep.text:
        return []
    return [Problem("comma-missing", STYLE, "komma ontbreekt voor het paginanummer", "comma missing before the page number",
                    (CitationEdit(sep.start, sep.start, ","),))]


def _handelingen(ref: Reference, style: HouseStyle) -> list[Problem]:
    """Handelingen and the Aanhangsel are cited by number; Handelingen from 2011 on with the agenda item."""
    if ref.kind not in ("handelingen", "aanhangsel") or ref.wrapped:
        return []
    y = ref.year
    if ref.numbers is None:
        modern = y is not None and y.first >= 2010
        if ref.kind == "aanhangsel" or ref.item is not None or ref.page is None or modern:
            what = "Aanhangsel Handelingen" if ref.kind == "aanhangsel" else "Handelingen"
            example = f"{what} II 2023/24, nr. 12" + (", item 5»" if ref.kind == "handelingen" else "»")
            return [Problem("handelingen-nr", ERROR, f"«nr.» ontbreekt: {what} worden aangehaald met het nummer",
                            f"«nr.» is missing: {what} are cited by number",
                            hint=(f"schrijf bijvoorbeeld «{example}", f"write e.g. «{example}"))]
        return []
    if (ref.kind == "handelingen" and ref.item is None and y is not None and y.first >= 2011 and style.handelingen_item
            and ref.page is None):
        return [Problem("handelingen-item", STYLE, "Handelingen vanaf 2011: vermeld ook het agendapunt («item N»)",
                        "Handelingen from 2011 on: give the agenda item too («item N»)",
                        hint=("schrijf bijvoorbeeld «Handelingen II 2023/24, nr. 12, item 5»",
                              "write e.g. «Handelingen II 2023/24, nr. 12, item 5»"))]
    return []


def bracket_problems(ref: Reference, text: str, next_text: str | None) -> list[Problem]:
    """Brackets around a reference that do not match: "( (Kamerstuk …)", "(Kamerstuk …" never closed."""
    problems = []
    window = max(0, ref.start - 40)
    m = DOUBLE_OPEN.search(text, window, ref.start)
    opened = OPEN.search(text, window, ref.start)
    end = ref.end
    if m is not None and DOUBLE_CLOSE.match(text, end) is None:
        edits = [CitationEdit(m.start(), m.end("inner"), "")]
        marks = [m.start(), m.end("inner")]
        if text.startswith(")", end):
            edits.append(CitationEdit(ref.end, ref.end + 1, ")"))  # no change: shows the closing bracket in the finding
            marks.append(ref.end)
        problems.append(Problem("bracket", ERROR, "dubbel openingshaakje voor de verwijzing",
                                "a doubled opening bracket before the reference", tuple(edits), marks=tuple(marks)))
    elif opened is not None:
        if text.startswith("]", end):
            problems.append(Problem("bracket", ERROR, "de verwijzing opent met «(» maar sluit met «]»",
                                    "the reference opens with «(» but closes with «]»",
                                    (CitationEdit(ref.end, ref.end + 1, ")"),), marks=(opened.start(), ref.end)))
        elif not _closes(text, end) and (next_text is None or not _closes(next_text, 0, depth=_depth(text, end))):
            blank = REST_IS_BLANK.match(text, end) is not None
            close = (CitationEdit(ref.end, ref.end, ")"),) if blank and next_text is None else ()
            problems.append(Problem("bracket", ERROR, "het haakje voor de verwijzing wordt niet gesloten",
                                    "the bracket before the reference is never closed", close, safe=False,
                                    marks=(opened.start(),)))
    return problems


def _closes(text: str, pos: int, depth: int = 1) -> bool:
    """Whether text[pos:] closes `depth` open round brackets (brackets opened inside it are closed first)."""
    for m in BRACKETS.finditer(text, pos):
        depth += 1 if m.group() == "(" else -1
        if depth == 0:
            return True
    return False


def _depth(text: str, pos: int) -> int:
    """How many round brackets are still open at the end of text, counting one open at `pos`."""
    depth = 1
    for m in BRACKETS.finditer(text, pos):
        depth = max(depth + (1 if m.group() == "(" else -1), 0)
    return depth


def motie_problems(motie: Motie, text: str = "", style: HouseStyle | None = None) -> list[Problem]:
    """The spelling of a motie's name: "motie-Naam" with a hyphen, particles capitalised, "c.s." with two stops.

    `text` is the paragraph: "Motie" with a capital in the middle of a sentence is written in lower case.
    With the house style's motie naming "any", the name is not checked (only "c.s.").
    """
    problems = []
    kw = motie.keyword.text
    before = text[: motie.start].rstrip()
    if kw[:1].isupper() and before and LOWER_WORD_END.search(before[-40:]):
        kw = kw.lower()  # "de Motie Bouchallikh": mid-sentence, a common noun
    case_edit = (CitationEdit(motie.keyword.start, motie.keyword.start + 1, kw[:1]),) if kw != motie.keyword.text else ()
    names = motie.names.text
    if style is not None and style.motie == "any":
        pass
    elif not motie.hyphen:
        if motie.extra is not None:
            second = motie.extra.text.split(None, 1)[1] if len(motie.extra.text.split(None, 1)) > 1 else ""
            right = f"{kw}-{names}/{second.strip()}"
            written = f"{motie.keyword.text} {names}{motie.extra.text}"
            problems.append(Problem(
                "motie-hyphen", STYLE, f"«{written}»: schrijf «{right}»", f"«{written}»: write «{right}»",
                (CitationEdit(motie.keyword.start, motie.extra.end, right),), safe=False))
        else:
            written = motie.keyword.text
            problems.append(Problem("motie-hyphen", STYLE,
                                    f"«{written} {names}»: een naam na «{kw.lower()}» krijgt een koppelteken: «{kw}-{names}»",
                                    f"«{written} {names}»: a name after «{kw.lower()}» takes a hyphen: «{kw}-{names}»",
                                    case_edit + (CitationEdit(motie.joint.start, motie.joint.end, "-"),)))
    else:
        m = PARTICLE_FIRST.match(names)
        if m is not None:
            fixed = names[:1].upper() + names[1:]
            problems.append(Problem("motie-particle", STYLE,
                                    f"«{kw}-{names}»: het voorvoegsel krijgt een hoofdletter: «{kw}-{fixed}»",
                                    f"«{kw}-{names}»: the name particle is capitalised: «{kw}-{fixed}»",
                                    (CitationEdit(motie.names.start, motie.names.start + 1, names[:1].upper()),)))
    if motie.cs is not None:
        cs = motie.cs.text.strip()
        if cs != "c.s.":
            lead = motie.cs.text[: len(motie.cs.text) - len(motie.cs.text.lstrip())]
            problems.append(Problem("motie-cs", STYLE, f"«{cs}»: schrijf «c.s.»", f"«{cs}»: write «c.s.»",
                                    (CitationEdit(motie.cs.start, motie.cs.end, (lead or " ") + "c.s."),)))
    return problems


def apply_edits(text: str, start: int, end: int, edits: Iterable[CitationEdit]) -> str:
    """text[start:end] with the edits made (edits inside the span, not overlapping)."""
    out, pos = [], start
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            continue
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:end])
    return "".join(out)

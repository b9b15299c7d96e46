"""Judging: what is wrong with one parsed reference or motie, as `Problem`s with the edits that repair them."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .grammar import BRACKETS, DOUBLE_CLOSE, DOUBLE_OPEN, LOWER_WORD_END, OPEN, PARTICLE, REST_IS_BLANK, SPC
from .model import ERROR, STYLE, YEAR_STYLES, Edit, HouseStyle, Motie, Problem, Reference, Year


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


def judge(ref: Reference, style: HouseStyle, text: str) -> list[Problem]:
    """What is wrong with one reference: malformed parts (error) and house-style deviations (style)."""
    problems: list[Problem] = []
    add = problems.append
    kw = ref.keyword
    is_kst = ref.kind == "kamerstuk"

    # -- the keyword: a capital, and singular for one paper in the short form, plural in the full form
    if kw is not None and ref.family != "vergaderjaar":
        word = kw.text
        right = word[:1].upper() + word[1:].lower()
        reasons_nl, reasons_en = [], []
        if is_kst and style.singular_plural:
            plural = right.endswith("ken")
            if ref.chamber is not None or ref.year is not None:
                want_plural = True
                why = ("in de volledige vorm met Kamer en vergaderjaar is het «Kamerstukken»",
                       "the full form with Kamer and year takes «Kamerstukken»")
            elif ref.paper_numbers >= 2:
                want_plural = True
                why = ("meer stukken: «Kamerstukken»", "several papers: «Kamerstukken»")
            elif ref.paper_numbers == 1:
                want_plural = False
                why = ("één stuk: «Kamerstuk»", "one paper: «Kamerstuk»")
            else:
                want_plural = plural
                why = ("", "")
            if want_plural != plural:
                right = right + "ken" if want_plural else right[:-3]
                reasons_nl.append(why[0])
                reasons_en.append(why[1])
        if word[:1].islower():
            add(Problem("lowercase", ERROR,
                        f"«{word}» begint een verwijzing en krijgt een hoofdletter"
                        + (f"; {reasons_nl[0]}" if reasons_nl else ""),
                        f"«{word}» starts a citation: capitalise it" + (f"; {reasons_en[0]}" if reasons_en else ""),
                        (Edit(kw.start, kw.end, right),)))
        elif right != word and reasons_nl:
            add(Problem("plural", STYLE, f"«{word}»: {reasons_nl[0]}", f"«{word}»: {reasons_en[0]}",
                        (Edit(kw.start, kw.end, right),)))
        elif word.isupper() and len(word) > 3:
            pass  # KAMERSTUKKEN in a heading in capitals: leave it
    if kw is not None and is_kst and ref.family != "vergaderjaar":
        sep = ref.seps.get("dossier") if ref.chamber is None and ref.year is None else None
        if sep is not None and sep.text.strip() == "," and style.punctuation:
            add(Problem("comma-keyword", STYLE, "geen komma na «Kamerstuk»", "no comma after «Kamerstuk»",
                        (Edit(sep.start, sep.end, " "),)))

    # -- Kamer
    if ref.chamber is not None:
        c = ref.chamber.text
        if c in ("III",):
            add(Problem("chamber", ERROR, f"Kamer «{c}» bestaat niet: I (Eerste Kamer) of II (Tweede Kamer)",
                        f"there is no Kamer «{c}»: I (Eerste Kamer) or II (Tweede Kamer)"))
        elif c in ("1", "2"):
            roman = "I" * int(c)
            add(Problem("chamber", ERROR, f"Kamer als «{c}» geschreven: schrijf «{roman}»",
                        f"Kamer written «{c}»: write «{roman}»", (Edit(ref.chamber.start, ref.chamber.end, roman),)))
        ysep = ref.seps.get("year")
        if ysep is not None and ysep.text.strip() == "," and style.punctuation:
            add(Problem("comma-chamber", STYLE, f"geen komma na «{c}»", f"no comma after «{c}»",
                        (Edit(ysep.start, ysep.end, " "),)))
        if ref.year is None and is_kst and (ref.dossiers or ref.numbers) and not ref.wrapped:
            add(Problem("year-missing", STYLE, f"het vergaderjaar ontbreekt na «{c}»",
                        f"the parliamentary year is missing after «{c}»",
                        hint=("vul het vergaderjaar in, bijvoorbeeld «Kamerstukken II 2023/24, …»",
                              "add the parliamentary year, e.g. «Kamerstukken II 2023/24, …»")))

    # -- vergaderjaar
    y = ref.year
    if y is not None:
        if not y.multi and not y.valid:
            second = y.second
            if second is None:
                what_nl, what_en = f"«{y.second_text}» is geen jaartal", f"«{y.second_text}» is not a year"
            else:
                what_nl = f"{second} volgt niet op {y.first}"
                what_en = f"{second} does not follow {y.first}"
            fix = ()
            if second is None or abs(second - y.first) <= 2:
                start = y.span.start + y.span.text.find(str(y.first))
                fix = (Edit(start, y.span.end, format_year_like(y)),)
            shown = y.span.text[y.span.text.find(str(y.first)) :]
            add(Problem("year", ERROR, f"onmogelijk vergaderjaar «{shown}»: {what_nl}",
                        f"impossible parliamentary year «{shown}»: {what_en}", fix, safe=False))
        elif (not y.multi and y.word is None and style.year_style in YEAR_STYLES and y.style != style.year_style
              and ref.family == "full"):
            start = y.span.start
            want = format_year(y, style.year_style)
            add(Problem("year-style", STYLE, f"vergaderjaar «{y.span.text}»: de huisstijl is «{want}»",
                        f"parliamentary year «{y.span.text}»: the house style is «{want}»",
                        (Edit(start, y.span.end, want),)))
        if ref.chamber is None and ref.kind == "handelingen" and ref.family != "vergaderjaar" and style.punctuation:
            add(Problem("chamber-missing", STYLE, "de Kamer ontbreekt: «Handelingen II» of «Handelingen I»",
                        "the Kamer is missing: «Handelingen II» or «Handelingen I»"))
        ds = ref.seps.get("dossier")
        if ds is not None and "," not in ds.text and style.punctuation and ref.dossiers:
            add(Problem("comma-missing", STYLE, "komma ontbreekt na het vergaderjaar",
                        "comma missing after the parliamentary year", (Edit(y.span.end, y.span.end, ","),)))

    # -- dossier
    if is_kst:
        if not ref.dossiers:
            if (ref.numbers is not None or ref.bare_number is not None) and not ref.wrapped:
                add(Problem("no-dossier", ERROR, "het dossiernummer (Kamerstuknummer) ontbreekt",
                            "the dossier number (Kamerstuk number) is missing", safe=False,
                            hint=("vul het vijfcijferige dossiernummer in, bijvoorbeeld «Kamerstuk 28089, nr. 346»",
                                  "add the five-digit dossier number, e.g. «Kamerstuk 28089, nr. 346»")))
        for d in ref.dossiers:
            n = len(d.digits)
            old = n == 4 and y is not None and y.first < 1970
            if n != 5 and not old:
                add(Problem("dossier-digits", ERROR,
                            f"dossiernummer «{d.number.text}» heeft {n} cijfers; een Kamerstuknummer heeft er vijf",
                            f"dossier number «{d.number.text}» has {n} digits; a Kamerstuk number has five"))

    # -- nr.
    if ref.hyphen_number is not None:
        h = ref.hyphen_number
        add(Problem("hyphen-nr", STYLE,
                    f"«{ref.dossier.number.text}-{h.text}» is de korte webtitel; schrijf «nr.»",
                    f"«{ref.dossier.number.text}-{h.text}» is the short web-title form; write «nr.»",
                    (Edit(h.start - 1, h.start, ", nr. "),)))
    if ref.bare_number is not None and not ref.wrapped:
        b = ref.bare_number
        add(Problem("nr-missing", ERROR, f"«nr.» ontbreekt voor het stuknummer {b.text}",
                    f"«nr.» is missing before paper number {b.text}", (Edit(b.start, b.start, "nr. "),), safe=False))
    nums = ref.numbers
    if nums is not None:
        lab = nums.label.text
        base = lab.lower().rstrip(".:")
        several = nums.several
        if base.startswith("n") and base in ("nr", "nrs"):
            right_label = "nrs." if (base == "nrs" or several) else "nr."
        else:
            right_label = "nrs." if several else "nr."
        if lab.lower() in ("nr.", "nrs."):
            if lab != lab.lower() and style.punctuation and not (kw is not None and kw.text.isupper()):
                add(Problem("nr-case", STYLE, f"«{lab}» met een kleine letter: «{lab.lower()}»",
                            f"«{lab}» takes a lower-case n: «{lab.lower()}»",
                            (Edit(nums.label.start, nums.label.end, lab.lower()),)))
            elif style.punctuation and ref.kind == "kamerstuk":
                if several and lab == "nr.":
                    add(Problem("nr-plural", STYLE, "meer stuknummers: «nrs.»", "several paper numbers: «nrs.»",
                                (Edit(nums.label.start, nums.label.end, "nrs."),)))
                elif not several and lab == "nrs.":
                    add(Problem("nr-plural", STYLE, "één stuknummer: «nr.»", "one paper number: «nr.»",
                                (Edit(nums.label.start, nums.label.end, "nr."),)))
            if nums.gap.text == "" and nums.values.text[:1].isdigit() and style.punctuation:
                add(Problem("nr-space", STYLE, f"spatie na «{lab}»: «{lab} {nums.values.text}»",
                            f"a space after «{lab}»: «{lab} {nums.values.text}»",
                            (Edit(nums.gap.start, nums.gap.end, " "),)))
        else:
            add(Problem("nr-spelling", ERROR, f"«{lab}» is geen juiste afkorting: schrijf «{right_label}»",
                        f"«{lab}» is not the right abbreviation: write «{right_label}»",
                        (Edit(nums.label.start, nums.gap.end, right_label + " "),)))
        sep = ref.seps.get("numbers")
        if sep is not None and "," not in sep.text and style.punctuation and (ref.dossiers or ref.year):
            prev_end = sep.start
            add(Problem("comma-missing", STYLE, f"komma ontbreekt voor «{lab}»", f"comma missing before «{lab}»",
                        (Edit(prev_end, prev_end, ","),)))
    if ref.page is not None and style.punctuation:
        sep = ref.seps.get("page")
        if sep is not None and "," not in sep.text:
            add(Problem("comma-missing", STYLE, "komma ontbreekt voor het paginanummer",
                        "comma missing before the page number", (Edit(sep.start, sep.start, ","),)))

    # -- Handelingen and Aanhangsel
    if ref.kind in ("handelingen", "aanhangsel") and nums is None and not ref.wrapped:
        modern = y is not None and y.first >= 2010
        if ref.kind == "aanhangsel" or ref.item is not None or ref.page is None or modern:
            what = "Aanhangsel Handelingen" if ref.kind == "aanhangsel" else "Handelingen"
            add(Problem("handelingen-nr", ERROR, f"«nr.» ontbreekt: {what} worden aangehaald met het nummer",
                        f"«nr.» is missing: {what} are cited by number",
                        hint=(f"schrijf bijvoorbeeld «{what} II 2023/24, nr. 12"
                              + (", item 5»" if ref.kind == "handelingen" else "»"),
                              f"write e.g. «{what} II 2023/24, nr. 12" + (", item 5»" if ref.kind == "handelingen" else "»"))))
    if (ref.kind == "handelingen" and nums is not None and ref.item is None and y is not None and y.first >= 2011
            and style.handelingen_item and not ref.wrapped and ref.page is None):
        add(Problem("handelingen-item", STYLE, "Handelingen vanaf 2011: vermeld ook het agendapunt («item N»)",
                    "Handelingen from 2011 on: give the agenda item too («item N»)",
                    hint=("schrijf bijvoorbeeld «Handelingen II 2023/24, nr. 12, item 5»",
                          "write e.g. «Handelingen II 2023/24, nr. 12, item 5»")))
    return problems


def bracket_problems(ref: Reference, text: str, next_text: str | None) -> list[Problem]:
    """Brackets around a reference that do not match: "( (Kamerstuk …)", "(Kamerstuk …" never closed."""
    problems = []
    window = max(0, ref.start - 40)
    m = DOUBLE_OPEN.search(text, window, ref.start)
    opened = OPEN.search(text, window, ref.start) is not None
    end = ref.end
    if m is not None and DOUBLE_CLOSE.match(text, end) is None:
        edits = [Edit(m.start(), m.end("inner"), "")]
        if text.startswith(")", end):
            edits.append(Edit(ref.end, ref.end + 1, ")"))  # no change: shows the closing bracket in the finding
        problems.append(Problem("bracket", ERROR, "dubbel openingshaakje voor de verwijzing",
                                "a doubled opening bracket before the reference", tuple(edits)))
    elif opened:
        if text.startswith("]", end):
            problems.append(Problem("bracket", ERROR, "de verwijzing opent met «(» maar sluit met «]»",
                                    "the reference opens with «(» but closes with «]»",
                                    (Edit(ref.end, ref.end + 1, ")"),)))
        elif not _closes(text, end) and (next_text is None or not _closes(next_text, 0, depth=_depth(text, end))):
            blank = REST_IS_BLANK.match(text, end) is not None
            edits = (Edit(ref.end, ref.end, ")"),) if blank and next_text is None else ()
            problems.append(Problem("bracket", ERROR, "het haakje voor de verwijzing wordt niet gesloten",
                                    "the bracket before the reference is never closed", edits, safe=False))
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


def motie_problems(motie: Motie, text: str = "") -> list[Problem]:
    """The spelling of a motie's name: "motie-Naam" with a hyphen, particles capitalised, "c.s." with two stops.

    `text` is the paragraph: "Motie" with a capital in the middle of a sentence is written in lower case.
    """
    problems = []
    kw = motie.keyword.text
    before = text[: motie.start].rstrip()
    if kw[:1].isupper() and before and LOWER_WORD_END.search(before[-40:]):
        kw = kw.lower()  # "de Motie Bouchallikh": mid-sentence, a common noun
    case_edit = (Edit(motie.keyword.start, motie.keyword.start + 1, kw[:1]),) if kw != motie.keyword.text else ()
    names = motie.names.text
    if not motie.hyphen:
        if motie.extra is not None:
            second = motie.extra.text.split(None, 1)[1] if len(motie.extra.text.split(None, 1)) > 1 else ""
            right = f"{kw}-{names}/{second.strip()}"
            written = f"{motie.keyword.text} {names}{motie.extra.text}"
            problems.append(Problem(
                "motie-hyphen", STYLE, f"«{written}»: schrijf «{right}»", f"«{written}»: write «{right}»",
                (Edit(motie.keyword.start, motie.extra.end, right),), safe=False))
        else:
            written = motie.keyword.text
            problems.append(Problem("motie-hyphen", STYLE,
                                    f"«{written} {names}»: een naam na «{kw.lower()}» krijgt een koppelteken: «{kw}-{names}»",
                                    f"«{written} {names}»: a name after «{kw.lower()}» takes a hyphen: «{kw}-{names}»",
                                    case_edit + (Edit(motie.joint.start, motie.joint.end, "-"),)))
    else:
        m = regex.match(PARTICLE + SPC, names)
        if m is not None:
            fixed = names[:1].upper() + names[1:]
            problems.append(Problem("motie-particle", STYLE,
                                    f"«{kw}-{names}»: het voorvoegsel krijgt een hoofdletter: «{kw}-{fixed}»",
                                    f"«{kw}-{names}»: the name particle is capitalised: «{kw}-{fixed}»",
                                    (Edit(motie.names.start, motie.names.start + 1, names[:1].upper()),)))
    if motie.cs is not None:
        cs = motie.cs.text.strip()
        if cs != "c.s.":
            lead = motie.cs.text[: len(motie.cs.text) - len(motie.cs.text.lstrip())]
            problems.append(Problem("motie-cs", STYLE, f"«{cs}»: schrijf «c.s.»", f"«{cs}»: write «c.s.»",
                                    (Edit(motie.cs.start, motie.cs.end, (lead or " ") + "c.s."),)))
    return problems


def apply_edits(text: str, start: int, end: int, edits: Iterable[Edit]) -> str:
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

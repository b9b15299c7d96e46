"""Parsing: the references to parliamentary papers in one paragraph's text, and the moties named in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grammar import (
    BARE,
    CHAMBER,
    COMPACT,
    DOSSIER,
    EK_LETTER,
    HYPHEN_NUMBER,
    ITEM,
    KEYWORD,
    LABEL,
    MORE_DOSSIERS,
    MOTIE,
    NAME_FOLLOWS,
    NON_DIGIT,
    NOT_NAMES,
    NUMBERED_SUBDOSSIERS,
    PAGE,
    PARTICLE_START,
    PREFILTER,
    REST_IS_BLANK,
    SEP,
    VALUES,
    YEAR,
    YEARISH,
    ZAAK_NUMBER,
)
from .model import CitationPart, Dossier, Motie, Numbers, Reference, Year

if TYPE_CHECKING:
    import regex


def _span(m: regex.Match[str], group: str | int = 0) -> CitationPart:
    return CitationPart(m.start(group), m.end(group), m.group(group))


def parse(text: str, continues: bool = False) -> list[Reference]:
    """The references to parliamentary papers in `text`, in order.

    `continues`: the text is one hard-wrapped line and the next line goes on with it, so a reference at the
    very end may be incomplete here without being malformed.
    """
    if not text or not PREFILTER.search(text):
        return []
    refs: list[Reference] = []
    taken_until = 0
    for m in KEYWORD.finditer(text):
        if m.start() < taken_until:
            continue
        ref = _parse_keyword(text, m, continues)
        if ref is None:
            continue
        refs.append(ref)
        taken_until = ref.end
    covered = [(r.start, r.end) for r in refs]  # in order, not overlapping
    k = 0
    for m in COMPACT.finditer(text):
        while k < len(covered) and covered[k][1] <= m.start():
            k += 1
        if k < len(covered) and covered[k][0] <= m.start():
            continue
        ref = _parse_compact(text, m)
        if ref is not None:
            refs.append(ref)
    refs.sort(key=lambda r: r.start)
    return refs


def _sep(text: str, pos: int) -> tuple[CitationPart, int]:
    s = SEP.match(text, pos)
    return CitationPart(s.start(), s.end(), s.group()), s.end()


def _parse_keyword(text: str, m: regex.Match[str], continues: bool = False) -> Reference | None:
    """The reference that keyword match `m` starts, part by part, or None when it is not a citation."""
    ref, pos = _start(m)
    pos = _parse_chamber_year(text, ref, pos, heading=m.group("tk") is not None)
    if ref.kind == "kamerstuk":
        sep, p = _sep(text, pos)
        z = ZAAK_NUMBER.match(text, p) if sep.text else None
        if z is not None:  # "Kamerstuk 2019Z01234": a zaak number under the wrong label
            ref.zaak, ref.seps["zaak"] = _span(z), sep
            pos = z.end()
        else:
            pos = _parse_dossiers(text, pos, ref, keyword_form=True)
    pos = _parse_numbers(text, ref, pos)
    for name, rx in (("item", ITEM), ("page", PAGE)):
        sep, p = _sep(text, pos)
        x = rx.match(text, p) if sep.text else None
        if x is not None:
            setattr(ref, name, _span(x))
            ref.seps[name] = sep
            pos = x.end()
    ref.end = pos
    ref.text = text[ref.start : ref.end]
    ref.wrapped = continues and REST_IS_BLANK.match(text, ref.end) is not None
    if ref.family != "vergaderjaar" and ref.year is not None:
        if ref.chamber is not None:
            ref.family = "full"
        elif ref.year.word is not None:
            ref.family = "vergaderjaar"
    return ref if _is_citation(ref) else None


def _start(m: regex.Match[str]) -> tuple[Reference, int]:
    """The reference as far as its keyword (and "Bijlage bij" before it)."""
    if m.group("kst") is not None:
        kind, kw = "kamerstuk", _span(m, "kst")
    elif m.group("ah") is not None:
        kind, kw = "aanhangsel", _span(m, "ah")
    elif m.group("han") is not None:
        kind, kw = "handelingen", _span(m, "han")
    else:
        kind, kw = "kamerstuk", _span(m, "tk")
    ref = Reference(kind=kind, family="short", start=m.start(), end=m.end(), text="", keyword=kw)
    if m.group("bij") is not None:
        ref.bijlage = _span(m, "bij")
    if m.group("tk") is None:
        return ref, m.end()
    ref.family = "vergaderjaar"  # "Tweede Kamer, vergaderjaar …": the heading of a paper
    kw_text = kw.text.rstrip(" ,\u00a0\u202f\t\n")
    ref.keyword = CitationPart(kw.start, kw.start + len(kw_text), kw_text)
    return ref, ref.keyword.end


def _parse_chamber_year(text: str, ref: Reference, pos: int, heading: bool) -> int:
    if not heading:
        sep, p = _sep(text, pos)
        c = CHAMBER.match(text, p) if sep.text and "," not in sep.text else None
        if c is not None:
            ref.chamber, ref.seps["chamber"] = _span(c, "c"), sep
            pos = c.end()
    sep, p = _sep(text, pos)
    y = YEAR.match(text, p) if sep.text else None
    if y is not None:
        ref.year = Year(_span(y), int(y.group("y1")), y.group("y2"), y.group("sep"), y.group("word"),
                        y.group("y3") is not None)
        ref.seps["year"] = sep
        pos = y.end()
    return pos


def _parse_numbers(text: str, ref: Reference, pos: int) -> int:
    """"nr. 5", "nrs. 5 en 6"; after a dossier also a bare Eerste Kamer letter (", A") or number (", 346")."""
    sep, p = _sep(text, pos)
    if ref.hyphen_number is not None or not sep.text:
        return pos
    n = _numbers(text, p)
    if n is not None:
        ref.numbers, ref.seps["numbers"] = n, sep
        return n.span.end
    if ref.kind != "kamerstuk" or not ref.dossiers or sep.text.strip() != ",":
        return pos
    e = EK_LETTER.match(text, p)
    if e is not None:
        ref.ek_letter, ref.seps["numbers"] = _span(e, "ek"), sep
        return e.end()
    b = BARE.match(text, p)
    if b is not None and not _looks_like_year(b.group("bare")):
        ref.bare_number, ref.seps["numbers"] = _span(b, "bare"), sep
        return b.end()
    return pos


def _digits(s: str) -> str:
    return NON_DIGIT.sub("", s)


def _looks_like_year(s: str) -> bool:
    return len(s) == 4 and s[:2] in ("19", "20")


def _parse_dossiers(text: str, pos: int, ref: Reference, keyword_form: bool) -> int:
    sep, p = _sep(text, pos)
    if not sep.text:
        return pos
    d = DOSSIER.match(text, p)
    if d is None or (ref.year is None and _looks_like_year(_digits(d.group("num")))
                     and YEARISH.match(text, d.end("num")) is not None):
        return pos
    dossier = _dossier(d)
    if dossier is None:
        return pos
    ref.dossiers.append(dossier)
    ref.seps["dossier"] = sep
    pos = dossier.span.end
    # more dossiers: "31728, 30914, nr. 5", "31 031/29 949, nr. 19"
    while True:
        s2 = MORE_DOSSIERS.match(text[pos : pos + 4])
        if s2 is None:
            break
        d2 = DOSSIER.match(text, pos + s2.end())
        if d2 is None or len(_digits(d2.group("num"))) != 5:
            break
        more = _dossier(d2)
        if more is None:
            break
        ref.dossiers.append(more)
        pos = more.span.end
    h = HYPHEN_NUMBER.match(text, pos) if keyword_form else None
    if h is not None:
        ref.hyphen_number = _span(h, "hn")
        pos = h.end()
    return pos


def _dossier(d: regex.Match[str]) -> Dossier | None:
    num = _span(d, "num")
    digits = _digits(num.text)
    suffix = d.group("suf")
    if suffix is not None and suffix.isdigit() and digits not in NUMBERED_SUBDOSSIERS:
        # "28089-34": a paper number in the web-title form, not a sub-dossier; parse the dossier alone
        end = d.start("sufsep")
        return Dossier(CitationPart(num.start, end, num.text), num, digits, None, None)
    rw = d.group("rw")
    return Dossier(_span(d), num, digits, suffix, rw.strip() if rw else None)


def _numbers(text: str, p: int) -> Numbers | None:
    lab = LABEL.match(text, p)
    if lab is None:
        return None
    v = VALUES.match(text, lab.end())
    if v is None:
        return None
    return Numbers(CitationPart(lab.start(), v.end(), text[lab.start() : v.end()]), _span(lab, "lab"), _span(lab, "gap"),
                   _span(v))


def _is_citation(ref: Reference) -> bool:
    """Whether the keyword starts a citation, rather than being a word in a sentence."""
    lower = ref.keyword is not None and ref.keyword.text[:1].islower()
    if ref.kind == "kamerstuk":
        if ref.zaak is not None:
            return True
        if ref.dossiers:
            digits = ref.dossiers[0].digits
            if len(digits) == 5 or ref.numbers or ref.hyphen_number or ref.bare_number or ref.year:
                return True
            return False
        return bool(ref.numbers) or (ref.chamber is not None and ref.year is not None and (ref.wrapped or not lower))
    if ref.kind == "handelingen":
        if lower:
            return ref.chamber is not None and ref.year is not None
        return ref.year is not None or (ref.chamber is not None and ref.numbers is not None)
    return ref.year is not None or ref.numbers is not None  # aanhangsel


def _parse_compact(text: str, m: regex.Match[str]) -> Reference | None:
    ref = Reference(kind="kamerstuk", family="compact", start=m.start(), end=m.end(), text="")
    d = DOSSIER.match(text, m.start())
    if d is None:
        return None
    dossier = _dossier(d)
    if dossier is None or len(dossier.digits) != 5:
        return None
    ref.dossiers.append(dossier)
    pos = dossier.span.end
    sep, p = _sep(text, pos)
    n = _numbers(text, p)
    if n is None:
        return None
    ref.numbers, ref.seps["numbers"] = n, sep
    pos = n.span.end
    sep, p = _sep(text, pos)
    x = PAGE.match(text, p) if sep.text else None
    if x is not None:
        ref.page, ref.seps["page"] = _span(x), sep
        pos = x.end()
    ref.end = pos
    ref.text = text[ref.start : ref.end]
    return ref


def parse_moties(text: str) -> list[Motie]:
    """Moties and amendementen named after a person: "motie-Kostić", "motie Grinwis", "motie-Van Esch c.s."."""
    if "otie" not in text and "mendement" not in text:
        return []
    found = []
    for m in MOTIE.finditer(text):
        names = _span(m, "names")
        hyphen = m.group("joint") == "-"
        if not hyphen:
            if names.text[:1].islower():
                continue  # "motie van het lid …": the other attested form, no name compound
            first = names.text.split()[0].split("/")[0]
            if first in NOT_NAMES and not PARTICLE_START.match(names.text):
                continue
            before = text[max(0, m.start() - 3) : m.start()].rstrip()
            if m.group("kw")[:1].isupper() and not (before and (before[-1].islower() or before[-1] == ",")):
                # "Motie Stikstof is aangenomen.": at the start of a sentence a capitalised word need not be a
                # name; take it as one only when a list form follows ("Motie Ceder, Kamerstuk …", "c.s.", "(")
                if m.group("cs") is None and NAME_FOLLOWS.match(text, m.end()) is None:
                    continue
        found.append(Motie(
            m.start(), m.end(), m.group(), _span(m, "kw"), hyphen, _span(m, "joint"), names,
            _span(m, "extra") if m.group("extra") else None, _span(m, "cs") if m.group("cs") else None,
        ))
    return found



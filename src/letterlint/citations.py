"""References to parliamentary papers, parsed into fields with exact spans, and judged against the house style.

`parse(text)` finds the references in one paragraph's text and returns `Reference`s: the kind (kamerstuk,
handelingen, aanhangsel), the family (full "Kamerstukken II 2023/24, …", short "Kamerstuk 28089, nr. 346",
compact "(35300-A, nr. 15)", or the "Tweede Kamer, vergaderjaar …" heading form), and the parts as written —
keyword, bijlage, Kamer, vergaderjaar, dossier numbers with suffix, paper numbers or letters, item, page — each
with its span.  `parse_moties(text)` finds moties and amendementen named in the text.  `judge(ref, style)`
turns a reference into `Problem`s: malformed (error) or house style (style), each with the edits that repair
it.  Nothing here knows about documents or findings; the rule `lint_rules/kamerstuk_reference.py` does that.

The grammar follows ../shared/reference/conventions.md §1–2 (Aanwijzingen voor de regelgeving 3.43, the
Leidraad voor juridische auteurs, Tweede Kamer house style, Handelingen), made lenient where real text is
sloppy so that a malformed reference is still recognised and can be named, and strict where a bare number
could be anything else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

SPC = "[ \u00a0\u202f]"  # a space inside a number or a citation: space, no-break space, narrow no-break space
WS = "[\\s\u00a0\u202f]"  # any white space, line breaks included
DASHES = "\\-\u2010\u2011\u2012\u2013\u2014"
MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december")

# -- the parts -------------------------------------------------------------------------------------------------

KEYWORD = regex.compile(
    r"(?<!\p{L})(?:"
    r"(?P<bij>[Bb]ijlage" + WS + r"+(?:bij" + WS + r"+|van" + WS + r"+)?)?"
    r"(?P<kst>[Kk]amerstuk(?:ken)?|KAMERSTUK(?:KEN)?)(?!\p{L})"
    r"|(?P<ah>[Aa]anhangsel" + WS + r"+(?:van" + WS + r"+de" + WS + r"+)?[Hh]andelingen)(?!\p{L})"
    r"|(?P<han>[Hh]andelingen)(?!\p{L})"
    r"|(?P<tk>(?:Tweede|Eerste)" + WS + r"+Kamer(?:" + WS + r"+der" + WS + r"+Staten-Generaal)?,?" + WS + r"+"
    r"(?=[Vv]ergaderjaar" + WS + r"+(?:18|19|20)\d{2}" + SPC + r"?[/" + DASHES + r"]" + SPC + r"?\d{2,4},"
    + WS + r"*\d{2}" + SPC + r"?\d{3}(?!\d)))"
    r")"
)
SEP = regex.compile(r"(?P<ws1>" + WS + r"*)(?P<comma>,)?(?P<ws2>" + WS + r"*)")
CHAMBER = regex.compile(
    r"(?P<c>III|II|I|VV|UCV)(?![\w/.'’-])"
    r"|(?P<c>[12])(?=" + WS + r"+(?:18|19|20)\d{2}" + SPC + r"?[/" + DASHES + r"])"
)
YEAR = regex.compile(
    r"(?:(?P<word>[Vv]ergaderjaar|[Zz]itting)" + WS + r"+)?"
    r"(?P<y1>(?:18|19|20)\d{2})" + SPC + r"?(?P<sep>[/" + DASHES + r"])" + SPC + r"?(?P<y2>\d{2,4})(?!\d)"
    r"(?:" + SPC + r"?[" + DASHES + r"]" + SPC + r"?(?P<y3>(?:18|19|20)\d{2})" + SPC + r"?[/" + DASHES + r"]"
    + SPC + r"?(?P<y4>\d{2,4})(?!\d))?"
)
_ROMAN_SUFFIX = r"(?:[IVXL]{1,6}[AB]?|[A-HJ])(?![\w'’])"
DOSSIER = regex.compile(
    r"(?P<num>(?<![\d.,/])(?:\d{2}" + SPC + r"\d{3}(?![\d/])|\d{1,7}(?![\d/:]|[.,]\d)))"
    r"(?:(?P<sufsep>" + SPC + r"?-" + SPC + r"?|" + SPC + r")(?P<suf>" + _ROMAN_SUFFIX + r")"
    r"|(?P<sufsep>-)(?P<suf>\d{2})(?!\d)"
    r"|(?P<sufsep>" + SPC + r"+)(?P<suf>hoofdstuk" + SPC + r"+[IVXL]+)(?!\w))?"
    r"(?P<rw>" + SPC + r"?-?\(R" + SPC + r"?\d{3,4}\))?"
)
DOSSIER_STRICT = regex.compile(r"(?<![\w/.,-])(?:\d{2}" + SPC + r"\d{3}|\d{5})(?![\w/])")
NUMBERED_SUBDOSSIERS = {"21501"}  # 21 501-07, 21501-20: the EU Council series; elsewhere "-NN" is a paper number
HYPHEN_NUMBER = regex.compile(r"-(?P<hn>\d{1,4}[a-z]?)(?![\w/])")
LABEL = regex.compile(
    r"(?P<lab>[Nn][Rr][Ss]?\.|[Nn]rs?:|[Nn]rs?(?=" + SPC + r"|\d)|[Nn]os?\.|[Nn]ummers?(?=" + SPC + r"))"
    r"(?P<gap>" + WS + r"*)"
)
_VAL = r"(?:\d{1,5}[a-z]?(?![\w/])|[A-Z]{1,3}(?![\w'’]))"
_NEXT_NUMBER = (r"\d{1,4}[a-z]?(?![\w/])(?!" + SPC + r"\d{3}(?!\d))"  # not a dossier number ("en 29 826")
                r"(?!" + WS + r"*,?" + WS + r"*[Nn]rs?\b)")  # … nor one followed by its own "nr."
_MORE = (r"(?:" + WS + r"*[" + DASHES + r"]" + WS + r"*"
         r"|" + WS + r"+(?:en|t/m|tot" + WS + r"+en" + WS + r"+met)" + WS + r"+"
         r"|," + WS + r"*(?!\d{1,4}" + WS + r"+(?:" + MONTHS + r")))" + _NEXT_NUMBER)
VALUES = regex.compile(_VAL + r"(?:" + _MORE + r")*")
EK_LETTER = regex.compile(r"(?P<ek>[A-Z]{1,3})(?![\w'’])")
BARE = regex.compile(r"(?P<bare>\d{1,4})(?![\w/])(?![.,:]\d)(?!" + WS + r"+(?:" + MONTHS + r"))")
PAGE = regex.compile(
    r"(?P<pl>p|pp|blz|pag)\.?" + SPC + r"?\d+(?:" + SPC + r"?[" + DASHES + r"]" + SPC + r"?\d+)?"
    r"(?:" + SPC + r"+en" + SPC + r"+\d+)?(?:" + SPC + r"+e\.v\.)?(?![\w])"
)
ITEM = regex.compile(r"item" + SPC + r"+\d+(?!\w)")
COMPACT = regex.compile(
    r"(?<![\w/.,-])(?P<num>\d{2}" + SPC + r"\d{3}|\d{5})(?![\d/])"
    r"(?:(?P<sufsep>" + SPC + r"?-" + SPC + r"?|" + SPC + r")(?P<suf>" + _ROMAN_SUFFIX + r")|(?P<sufsep>-)(?P<suf>\d{2})(?!\d))?"
    r"(?P<rw>" + SPC + r"?-?\(R" + SPC + r"?\d{3,4}\))?"
    r"(?=" + WS + r"*,?" + WS + r"*(?:[Nn]rs?[.:]|[Nn]rs?" + SPC + r"\d|[Nn]o\.))"
)
SEVERAL = regex.compile(r"[\d\w]" + WS + r"*(?:[,\-\u2013]|en\b|t/m|tot)")
YEARISH = regex.compile(SPC + r"?[/" + DASHES + r"]")
MORE_DOSSIERS = regex.compile(SPC + r"?/" + SPC + r"?|," + WS + r"*")
DOUBLE_OPEN = regex.compile(r"\((?P<inner>" + WS + r"*)\(" + WS + r"*$")
OPEN = regex.compile(r"\(" + WS + r"*$")
DOUBLE_CLOSE = regex.compile(WS + r"*\)" + WS + r"*\)")
LOWER_WORD_END = regex.compile(r"(?:^|\s)\p{Ll}+$")
REST_IS_BLANK = regex.compile(WS + r"*\Z")
BRACKETS = regex.compile(r"[()]")
NON_DIGIT = regex.compile(r"\D")
PREFILTER = regex.compile(r"(?i)amerstuk|andelingen|\bnrs?\b|\bno\.|\bnr\.|\bnr:|vergaderjaar")

# -- the model ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Year:
    span: Span
    first: int
    second_text: str  # as written: "24", "2024", "203"
    sep: str  # "/", "-", "–" …
    word: str | None  # "vergaderjaar" / "Zitting" before the year
    multi: bool  # a span of several years: 1993/94-1996/97

    @property
    def second(self) -> int | None:
        """The second year in full, or None when it cannot be read as a year."""
        t = self.second_text
        if len(t) == 4:
            return int(t)
        if len(t) == 2:
            return (self.first // 100) * 100 + int(t) + (100 if int(t) < self.first % 100 else 0)
        return None

    @property
    def valid(self) -> bool:
        return self.second == self.first + 1

    @property
    def style(self) -> str:
        """The style the year is written in, as a house-style name: 2023/24, 2023/2024, 2023-2024, 2023–2024."""
        sep = "/" if self.sep == "/" else ("–" if self.sep in "\u2013\u2014" else "-")
        return f"2023{sep}{'2024' if len(self.second_text) == 4 else '24'}"


@dataclass(frozen=True, slots=True)
class Dossier:
    span: Span
    number: Span  # the number as written: "36 200"
    digits: str  # "36200"
    suffix: str | None  # "XII", "A", "07", "hoofdstuk XV"
    rijkswet: str | None  # "(R 1669)"

    @property
    def spaced(self) -> bool | None:
        """True for "28 089", False for "28089", None when the number is not five digits."""
        if len(self.digits) != 5:
            return None
        return len(self.number.text) == 6


@dataclass(frozen=True, slots=True)
class Numbers:
    span: Span  # label and values: "nr. 5", "nrs. 520 en 548"
    label: Span  # "nr.", "nrs.", "nr", "no.", "nummer" …
    gap: Span  # what separates label and values
    values: Span  # "5", "520 en 548", "AB"

    @property
    def several(self) -> bool:
        return SEVERAL.search(self.values.text) is not None


@dataclass(slots=True)
class Reference:
    kind: str  # kamerstuk | handelingen | aanhangsel
    family: str  # full | short | compact | vergaderjaar
    start: int
    end: int
    text: str
    keyword: Span | None = None
    bijlage: Span | None = None
    chamber: Span | None = None
    year: Year | None = None
    dossiers: list[Dossier] = field(default_factory=list)
    numbers: Numbers | None = None
    hyphen_number: Span | None = None  # "-346" in "Kamerstuk 28089-346"
    bare_number: Span | None = None  # "346" in "Kamerstuk 28089, 346"
    ek_letter: Span | None = None  # "A" in "Kamerstukken I 2009/10, 32217, A"
    item: Span | None = None
    page: Span | None = None
    seps: dict[str, Span] = field(default_factory=dict)  # the separator before each part, by part name
    wrapped: bool = False  # runs to the end of its line, and the next line seems to go on with it

    @property
    def dossier(self) -> Dossier | None:
        return self.dossiers[0] if self.dossiers else None

    @property
    def paper_numbers(self) -> int:
        """How many papers the reference names: 0 (a whole dossier), 1, or 2 for several."""
        if self.numbers is not None:
            return 2 if self.numbers.several else 1
        return 1 if (self.hyphen_number or self.bare_number or self.ek_letter) else 0


@dataclass(frozen=True, slots=True)
class Motie:
    start: int
    end: int
    text: str
    keyword: Span  # "motie", "Motie", "amendement"
    hyphen: bool  # motie-Naam (True) or motie Naam (False)
    joint: Span  # the hyphen or the space(s) between keyword and names
    names: Span
    extra: Span | None  # " en Omtzigt" in "motie Bikker en Omtzigt"
    cs: Span | None  # " c.s." as written


# -- parsing ---------------------------------------------------------------------------------------------


def _span(m, group: str | int = 0) -> Span:
    return Span(m.start(group), m.end(group), m.group(group))


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


def _sep(text: str, pos: int) -> tuple[Span, int]:
    s = SEP.match(text, pos)
    return Span(s.start(), s.end(), s.group()), s.end()


def _parse_keyword(text: str, m, continues: bool = False) -> Reference | None:
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
    pos = m.end()
    if m.group("tk") is not None:
        ref.family = "vergaderjaar"
        kw_text = kw.text.rstrip(" ,\u00a0\u202f\t\n")
        ref.keyword = Span(kw.start, kw.start + len(kw_text), kw_text)
        pos = ref.keyword.end

    last = pos
    # Kamer
    if m.group("tk") is None:
        sep, p = _sep(text, pos)
        c = CHAMBER.match(text, p) if sep.text and "," not in sep.text else None
        if c is not None:
            ref.chamber, ref.seps["chamber"] = _span(c, "c"), sep
            pos = last = c.end()
    # vergaderjaar
    sep, p = _sep(text, pos)
    y = YEAR.match(text, p) if sep.text else None
    if y is not None:
        ref.year = Year(_span(y), int(y.group("y1")), y.group("y2"), y.group("sep"), y.group("word"),
                        y.group("y3") is not None)
        ref.seps["year"] = sep
        pos = last = y.end()
    if kind == "kamerstuk":
        pos, last = _parse_dossiers(text, pos, last, ref, keyword_form=True)
    # nr.
    sep, p = _sep(text, pos)
    if ref.hyphen_number is None and sep.text:
        n = _numbers(text, p)
        if n is not None:
            ref.numbers, ref.seps["numbers"] = n, sep
            pos = last = n.span.end
        elif kind == "kamerstuk" and ref.dossiers and sep.text.strip() == ",":
            e = EK_LETTER.match(text, p)
            b = BARE.match(text, p) if e is None else None
            if e is not None:
                ref.ek_letter, ref.seps["numbers"] = _span(e, "ek"), sep
                pos = last = e.end()
            elif b is not None and not _looks_like_year(b.group("bare")):
                ref.bare_number, ref.seps["numbers"] = _span(b, "bare"), sep
                pos = last = b.end()
    # item, page
    for name, rx in (("item", ITEM), ("page", PAGE)):
        sep, p = _sep(text, pos)
        if not sep.text:
            continue
        x = rx.match(text, p)
        if x is not None:
            setattr(ref, name, _span(x))
            ref.seps[name] = sep
            pos = last = x.end()
    ref.end = last
    ref.text = text[ref.start : ref.end]
    ref.wrapped = continues and REST_IS_BLANK.match(text, ref.end) is not None
    if ref.family != "vergaderjaar" and ref.year is not None:
        if ref.chamber is not None:
            ref.family = "full"
        elif ref.year.word is not None:
            ref.family = "vergaderjaar"
    if not _is_citation(ref):
        return None
    return ref


def _digits(s: str) -> str:
    return NON_DIGIT.sub("", s)


def _looks_like_year(s: str) -> bool:
    return len(s) == 4 and s[:2] in ("19", "20")


def _parse_dossiers(text: str, pos: int, last: int, ref: Reference, keyword_form: bool) -> tuple[int, int]:
    sep, p = _sep(text, pos)
    if not sep.text:
        return pos, last
    d = DOSSIER.match(text, p)
    if d is None or (ref.year is None and _looks_like_year(_digits(d.group("num")))
                     and YEARISH.match(text, d.end("num")) is not None):
        return pos, last
    dossier = _dossier(d)
    if dossier is None:
        return pos, last
    ref.dossiers.append(dossier)
    ref.seps["dossier"] = sep
    pos = last = dossier.span.end
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
        pos = last = more.span.end
    h = HYPHEN_NUMBER.match(text, pos) if keyword_form else None
    if h is not None:
        ref.hyphen_number = _span(h, "hn")
        pos = last = h.end()
    return pos, last


def _dossier(d) -> Dossier | None:
    num = _span(d, "num")
    digits = _digits(num.text)
    suffix = d.group("suf")
    if suffix is not None and suffix.isdigit() and digits not in NUMBERED_SUBDOSSIERS:
        # "28089-34": a paper number in the web-title form, not a sub-dossier; parse the dossier alone
        end = d.start("sufsep")
        return Dossier(Span(num.start, end, num.text), num, digits, None, None)
    rw = d.group("rw")
    return Dossier(_span(d), num, digits, suffix, rw.strip() if rw else None)


def _numbers(text: str, p: int) -> Numbers | None:
    lab = LABEL.match(text, p)
    if lab is None:
        return None
    v = VALUES.match(text, lab.end())
    if v is None:
        return None
    return Numbers(Span(lab.start(), v.end(), text[lab.start() : v.end()]), _span(lab, "lab"), _span(lab, "gap"),
                   _span(v))


def _is_citation(ref: Reference) -> bool:
    """Whether the keyword starts a citation, rather than being a word in a sentence."""
    lower = ref.keyword is not None and ref.keyword.text[:1].islower()
    if ref.kind == "kamerstuk":
        if ref.dossiers:
            digits = ref.dossier.digits if ref.dossier is not None else ""
            if len(digits) == 5 or ref.numbers or ref.hyphen_number or ref.bare_number or ref.year:
                return True
            return False
        return bool(ref.numbers) or (ref.chamber is not None and ref.year is not None and (ref.wrapped or not lower))
    if ref.kind == "handelingen":
        if lower:
            return ref.chamber is not None and ref.year is not None
        return ref.year is not None or (ref.chamber is not None and ref.numbers is not None)
    return ref.year is not None or ref.numbers is not None  # aanhangsel


def _parse_compact(text: str, m) -> Reference | None:
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


# -- moties ----------------------------------------------------------------------------------------------

_PARTICLE = r"(?:van|de|der|den|ter|ten|te|het|in|'t|’t|op|la|le|du|d'|d’)"
_WORD = r"\p{Lu}[\p{Ll}\p{Lu}'’]*\p{Ll}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*"  # a capitalised name, not an acronym
_NAME = (r"(?:(?:" + _PARTICLE + SPC + r"+)+|(?:(?:Van|De|Der|Den|Ter|Ten|Te|Het|In|Op|La|Le|Du)" + SPC
         + r"+)(?:" + _PARTICLE + SPC + r"+)*)?" + _WORD + r"(?:" + SPC + r"+" + _WORD + r")?")
_NAME_CAP = (r"(?:(?:Van|De|Der|Den|Ter|Ten|Te|Het|In|Op|La|Le|Du)" + SPC + r"+(?:" + _PARTICLE + SPC + r"+)*)?"
             + _WORD + r"(?:" + SPC + r"+" + _WORD + r")?")
MOTIE = regex.compile(
    r"(?<![\p{L}\-])(?P<kw>[Mm]otie|[Aa]mendement)(?:(?P<joint>-)|(?P<joint>" + SPC + r"+))"
    r"(?P<names>" + _NAME + r"(?:" + SPC + r"?/" + SPC + r"?" + _NAME + r")*)"
    r"(?P<extra>" + SPC + r"+en" + SPC + r"+" + _NAME_CAP + r"(?!" + SPC + r"*\p{Lu}))?"
    r"(?P<cs>" + SPC + r"*(?:c\.s\.|c\.s(?![.\p{L}])|cs\.|C\.S\.|c\.\s?s\.|c\s\.s\.)(?!\p{L}))?"
)
PARTICLE_START = regex.compile(r"(?:Van|De|Het|In|Op)" + SPC)
NAME_FOLLOWS = regex.compile(WS + r"*(?:[,;(/\[]|$)")
NOT_NAMES = {
    "Kamerstuk", "Kamerstukken", "Handelingen", "Tweede", "Eerste", "Kamer", "Staten", "Europese", "Europees",
    "In", "Op", "Over", "Bij", "Met", "Voor", "Van", "De", "Het", "Een", "Om", "Die", "Dat", "Deze", "Dit",
    "Zie", "Nr", "Kamerlid", "Kamerleden", "Lid", "Leden", "Januari", "Februari", "Maart", "April", "Mei", "Juni", "Juli", "Augustus", "September",
    "Oktober", "November", "December",
}


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


# -- judging ----------------------------------------------------------------------------------------------

ERROR, STYLE, INFO = "error", "style", "info"
YEAR_STYLES = ("2023/24", "2023/2024", "2023-2024", "2023–2024")


@dataclass(frozen=True, slots=True)
class Edit:
    start: int  # offsets in the paragraph text
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    kind: str  # error | style | info
    nl: str
    en: str
    edits: tuple[Edit, ...] = ()
    safe: bool = True  # the edits are certainly what the writer meant
    hint: tuple[str, str] | None = None  # a suggestion in words, where no edit can be given


@dataclass(frozen=True, slots=True)
class HouseStyle:
    year_style: str = "2023/24"  # one of YEAR_STYLES, or "any"
    dossier_space: bool | None = None  # the document's spacing: True "28 089", False "28089", None unknown
    singular_plural: bool = True
    punctuation: bool = True  # commas between the parts, "nr. 5" with a space
    handelingen_item: bool = True


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
            fix: tuple[Edit, ...] = ()
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
    if ref.hyphen_number is not None and ref.dossier is not None:
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
        doubled = [Edit(m.start(), m.end("inner"), "")]
        if text.startswith(")", end):
            doubled.append(Edit(ref.end, ref.end + 1, ")"))  # no change: shows the closing bracket in the finding
        problems.append(Problem("bracket", ERROR, "dubbel openingshaakje voor de verwijzing",
                                "a doubled opening bracket before the reference", tuple(doubled)))
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
        m = regex.match(_PARTICLE + SPC, names)
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

"""The grammar of citations: the regular expressions for each part of a reference and for moties.

Follows ../shared/reference/conventions.md §1.3, made lenient where real text is sloppy (so that a malformed
reference is still recognised and can be named) and strict where a bare number could be anything else.
"""

from __future__ import annotations


from .. import chunking
from ..lazyre import lazy

SPC = "[ \u00a0\u202f]"  # a space inside a number or a citation: space, no-break space, narrow no-break space
WS = "[\\s\u00a0\u202f]"  # any white space, line breaks included
DASHES = "\\-\u2010\u2011\u2012\u2013\u2014"
MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december")

# -- the parts -------------------------------------------------------------------------------------------------

KEYWORD = lazy(
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
SEP = lazy(r"(?P<ws1>" + WS + r"*)(?P<comma>,)?(?P<ws2>" + WS + r"*)")
CHAMBER = lazy(
    r"(?P<c>III|II|I|VV|UCV)(?![\w/.'’-])"
    r"|(?P<c>[12])(?=" + WS + r"+(?:18|19|20)\d{2}" + SPC + r"?[/" + DASHES + r"])"
)
YEAR = lazy(
    r"(?:(?P<word>[Vv]ergaderjaar|[Zz]itting)" + WS + r"+)?"
    r"(?P<y1>(?:18|19|20)\d{2})" + SPC + r"?(?P<sep>[/" + DASHES + r"])" + SPC + r"?(?P<y2>\d{2,4})(?!\d)"
    r"(?:" + SPC + r"?[" + DASHES + r"]" + SPC + r"?(?P<y3>(?:18|19|20)\d{2})" + SPC + r"?[/" + DASHES + r"]"
    + SPC + r"?(?P<y4>\d{2,4})(?!\d))?"
)
_ROMAN_SUFFIX = r"(?:[IVXL]{1,6}[AB]?|[A-HJ])(?![\w'’])"
DOSSIER = lazy(
    r"(?P<num>(?<![\d.,/])(?:\d{2}" + SPC + r"\d{3}(?![\d/])"
    r"|\d{2}\.\d{3}(?![\d/]|[.,]\d)"  # "34.775": a thousands separator (an error, but still a dossier)
    # "31 3050", "293 83": the space in the wrong place, or a digit too many (five to seven digits in all)
    r"|(?:\d" + SPC + r"\d{4}|\d{2}" + SPC + r"\d{4}|\d{3}" + SPC + r"\d{2,4}|\d{4}" + SPC + r"\d{1,3})(?![\d/]|[.,]\d)"
    r"|\d{1,7}(?![\d/:]|[.,]\d)))"
    r"(?:(?P<sufsep>" + SPC + r"?-" + SPC + r"?|" + SPC + r")(?P<suf>" + _ROMAN_SUFFIX + r")"
    r"|(?P<sufsep>-)(?P<suf>\d{2})(?!\d)"
    r"|(?P<sufsep>" + SPC + r"+)(?P<suf>hoofdstuk" + SPC + r"+[IVXL]+)(?!\w))?"
    r"(?P<rw>" + SPC + r"?-?\(R" + SPC + r"?\d{3,4}\))?"
)
DOSSIER_STRICT = lazy(r"(?<![\w/.,-])(?:\d{2}" + SPC + r"\d{3}|\d{5})(?![\w/])")
ZAAK_NUMBER = lazy(r"(?:18|19|20)\d{2}[ZzDd]\d{3,7}(?![\w/])")  # a zaak or document number: 2019Z01234
NUMBERED_SUBDOSSIERS = {"21501"}  # 21 501-07, 21501-20: the EU Council series; elsewhere "-NN" is a paper number
HYPHEN_NUMBER = lazy(r"-(?P<hn>\d{1,4}[a-z]?)(?![\w/])")
LABEL = lazy(
    r"(?P<lab>[Nn][Rr][Ss]?\.|[Nn]rs?:|[Nn]rs?(?=" + SPC + r"|\d)|[Nn]os?\.|[Nn][Oo](?=" + SPC + r"\d)|[Nn]ummers?(?=" + SPC + r"))"
    r"(?P<gap>" + WS + r"*)"
)
_VAL = r"(?:\d{1,5}[a-z]?(?![\w/])|[A-Z]{1,3}(?![\w'’]))"
_NEXT_NUMBER = (r"\d{1,4}[a-z]?(?![\w/])(?!" + SPC + r"\d{3}(?!\d))"  # not a dossier number ("en 29 826")
                r"(?!" + WS + r"*,?" + WS + r"*[Nn]rs?\b)")  # … nor one followed by its own "nr."
_MORE = (r"(?:" + WS + r"*[" + DASHES + r"]" + WS + r"*"
         r"|" + WS + r"+(?:en|t/m|tot" + WS + r"+en" + WS + r"+met)" + WS + r"+"
         r"|," + WS + r"*(?!\d{1,4}" + WS + r"+(?:" + MONTHS + r")))" + _NEXT_NUMBER)
VALUES = lazy(_VAL + r"(?:" + _MORE + r")*")
EK_LETTER = lazy(r"(?P<ek>[A-Z]{1,3})(?![\w'’])")
BARE = lazy(r"(?P<bare>\d{1,4})(?![\w/])(?![.,:]\d)(?!" + WS + r"+(?:" + MONTHS + r"))")
PAGE = lazy(
    r"(?P<pl>p|pp|blz|pag)\.?" + SPC + r"?\d+(?:" + SPC + r"?[" + DASHES + r"]" + SPC + r"?\d+)?"
    r"(?:" + SPC + r"+en" + SPC + r"+\d+)?(?:" + SPC + r"+e\.v\.)?(?![\w])"
)
ITEM = lazy(r"item" + SPC + r"+\d+(?!\w)")
COMPACT = lazy(
    r"(?<![\w/.,-])(?P<num>\d{2}" + SPC + r"\d{3}|\d{5}|(?<=\(" + SPC + r"?)\d{2}\.\d{3})(?![\d/])"  # "(34.775 …": in brackets only
    r"(?:(?P<sufsep>" + SPC + r"?-" + SPC + r"?|" + SPC + r")(?P<suf>" + _ROMAN_SUFFIX + r")|(?P<sufsep>-)(?P<suf>\d{2})(?!\d))?"
    r"(?P<rw>" + SPC + r"?-?\(R" + SPC + r"?\d{3,4}\))?"
    r"(?=" + WS + r"*,?" + WS + r"*(?:[Nn]rs?[.:]|[Nn]rs?" + SPC + r"\d|[Nn]o\.))"
)
SEVERAL = lazy(r"[\d\w]" + WS + r"*(?:[,\-\u2013]|en\b|t/m|tot)")
YEARISH = lazy(SPC + r"?[/" + DASHES + r"]")
MORE_DOSSIERS = lazy(SPC + r"?/" + SPC + r"?|," + WS + r"*")
DOUBLE_OPEN = lazy(r"\((?P<inner>" + WS + r"*)\(" + WS + r"*$")
OPEN = lazy(r"\(" + WS + r"*$")
DOUBLE_CLOSE = lazy(WS + r"*\)" + WS + r"*\)")
LOWER_WORD_END = lazy(r"(?:^|\s)\p{Ll}+$")
REST_IS_BLANK = lazy(WS + r"*\Z")
BRACKETS = lazy(r"[()]")
NON_DIGIT = lazy(r"\D")
PREFILTER = lazy(r"(?i)amerstuk|andelingen|\bnrs?\b|\bno\.|\bnr\.|\bnr:|vergaderjaar")
# The literal part of each PREFILTER alternative in lower case: a text PREFILTER matches holds one of them once
# lowered with folded() (document.py looks for them in a whole document's folded text, to name the paragraphs
# worth the PREFILTER search).
PREFILTER_PARTS = ("amerstuk", "andelingen", "nr", "no.", "vergaderjaar")


def folded(text: str) -> str:
    """text.lower(), with the two letters that PREFILTER's (?i) takes for a letter of its words and lower()
    does not: "ſ" (long s) and "İ" (lowered to i and a combining dot).  Checked over all of Unicode in
    tests/test_textpass.py."""
    low = chunking.folded(text, str.lower)  # (a long text: a piece at a time)
    if "ſ" in low:
        low = low.replace("ſ", "s")
    if "\u0307" in low:
        low = low.replace("i\u0307", "i")
    return low
MOTIE_WORDS = ("otie", "mendement")  # parse_moties looks no further in a text without one of these

# -- moties ----------------------------------------------------------------------------------------------

PARTICLE = r"(?:van|de|der|den|ter|ten|te|het|in|'t|’t|op|la|le|du|d'|d’)"
_WORD = r"\p{Lu}[\p{Ll}\p{Lu}'’]*\p{Ll}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*"  # a capitalised name, not an acronym
_NAME = (r"(?:(?:" + PARTICLE + SPC + r"+)+|(?:(?:Van|De|Der|Den|Ter|Ten|Te|Het|In|Op|La|Le|Du)" + SPC
         + r"+)(?:" + PARTICLE + SPC + r"+)*)?" + _WORD + r"(?:" + SPC + r"+" + _WORD + r")?")
_NAME_CAP = (r"(?:(?:Van|De|Der|Den|Ter|Ten|Te|Het|In|Op|La|Le|Du)" + SPC + r"+(?:" + PARTICLE + SPC + r"+)*)?"
             + _WORD + r"(?:" + SPC + r"+" + _WORD + r")?")
MOTIE = lazy(
    r"(?<![\p{L}\-])(?P<kw>[Mm]otie|[Aa]mendement)(?:(?P<joint>-)|(?P<joint>" + SPC + r"+))"
    r"(?P<names>" + _NAME + r"(?:" + SPC + r"?/" + SPC + r"?" + _NAME + r")*)"
    r"(?P<extra>" + SPC + r"+en" + SPC + r"+" + _NAME_CAP + r"(?!" + SPC + r"*\p{Lu}))?"
    r"(?P<cs>" + SPC + r"*(?:c\.s\.|c\.s(?![.\p{L}])|cs\.|C\.S\.|c\.\s?s\.|c\s\.s\.)(?!\p{L}))?"
)
PARTICLE_START = lazy(r"(?:Van|De|Het|In|Op)" + SPC)
NAME_FOLLOWS = lazy(WS + r"*(?:[,;(/\[]|$)")
NOT_NAMES = {
    "Kamerstuk", "Kamerstukken", "Handelingen", "Tweede", "Eerste", "Kamer", "Staten", "Europese", "Europees",
    "In", "Op", "Over", "Bij", "Met", "Voor", "Van", "De", "Het", "Een", "Om", "Die", "Dat", "Deze", "Dit",
    "Zie", "Nr", "Kamerlid", "Kamerleden", "Lid", "Leden", "Januari", "Februari", "Maart", "April", "Mei", "Juni", "Juli", "Augustus", "September",
    "Oktober", "November", "December",
}


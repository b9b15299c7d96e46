"""Which sentences ask something: a question mark, an indirect question or request of the members."""

from __future__ import annotations

import re
from bisect import bisect_left

from .. import chunking
from ..lazyre import compile_re, lazy_re
from ..model import Paragraph
from .patterns import UPPER

_SUBJECT = (r"(?:(?:de|deze|die|ook\s+de)\s+leden(?:\s+van\s+de\s+[^.?!;:]{1,60}?fractie)?|(?:de\s+)?[\w-]+-fractie"
            r"|(?P<pronoun>zij|ze|hij)|het\s+lid(?:\s+" + UPPER + r"[\w-]+)?)")
_ASK = r"(?:vragen|vraagt|verzoeken|verzoekt)"
_WANT = (r"(?:willen|wil|zouden|zou)\s+(?:\w+\s+){0,3}?(?:graag\s+)?(?:weten|horen|vernemen|ontvangen|zien|een\s+(?:reactie|reflectie|toelichting))"
         r"|(?:ontvangen|vernemen|horen|zien)\s+graag|(?:ontvangen|vernemen|horen)\s+(?:\w+\s+){0,3}?graag")
_COMPLEMENT = lazy_re(
    r"\b(?:of|hoe|wanneer|waarom|welke?|wat|wie|waar|hoeveel|hoelang|waarop|waarmee|waarover|in\s+hoeverre|naar|om|aan"
    r"|de\s+staatssecretaris|de\s+minister|de\s+bewindspersoon|het\s+kabinet|de\s+regering|hem|haar|u|zich\s+af)\b",
    re.IGNORECASE,
)
SUBJECT_ASK = compile_re(rf"\b{_SUBJECT}\s+(?:[\w’'-]+\s+){{0,3}}?(?P<verb>{_ASK}|{_WANT})\b", re.IGNORECASE)
INVERTED_ASK = compile_re(
    r"\b(?P<verb>vragen|verzoeken)\s+(?:ook\s+|daarom\s+|tevens\s+|dan\s+ook\s+)?(?:de|deze)\s+leden\b"
    r"|\bgraag\s+(?:ontvangen|vernemen|horen|zien|krijgen|weten)\b"
    r"|\b(?:ontvangen|vernemen|horen|zien)\s+(?:de|deze)\s+leden\s+(?:[\w-]+\s+){0,5}?graag\b"
    r"|\bwillen\s+(?:de|deze)\s+leden\s+(?:[\w-]+\s+){0,5}?(?:weten|graag)\b"
    r"|^\W*Graag\s+(?:een|nog\s+een|ook\s+een)\s+(?:reactie|reflectie|toelichting|overzicht|appreciatie|antwoord)\b",
    re.IGNORECASE,
)
# a direct question that lost its question mark: "Kan de staatssecretaris aangeven hoeveel …"
VERB_FIRST = compile_re(
    r"^\W*(?:En\s+|Zo\s+ja,?\s+|Zo\s+nee,?\s+)?(?:Kan|Kunt|Wil|Wilt|Is|Bent|Deelt|Erkent|Acht|Ziet|Heeft|Hebt|Gaat|Zal|Zou|Wordt)"
    r"\s+(?:de\s+staatssecretaris|de\s+minister|het\s+kabinet|de\s+regering|u|hij)\b"
)
# past-tense or narrative uses that look like asking but are not ("vroegen", "werd gevraagd") need no pattern:
# the verbs above are present tense only.
QUOTED = compile_re(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^”\"]*[”\"]")
ABBREVIATIONS = frozenset(
    "jl nr nrs c.s o.a i.e d.d e.d m.b.t i.v.m bijv z.g t.a.v p.m art artt vgl zgn resp etc mr dr drs ir prof mevr dhr "
    "blz p pp e.a m.n a.s ca incl excl mln mld min max jr st blz mw e.v.a ir ing bc bv nl n.a.v t.b.v v.w.b d.w.z".split()
)
# [.?!…][.?!…]* rather than [.?!…]+: the same matches, and `re` skips ahead to the first mark (twice as fast)
_SENT_END = lazy_re(r"[.?!…][.?!…]*[\"”’»)\]]*(?=\s|$)")
LINKED_START = compile_re(r"^\W*(?:Zo\s+(?:ja|nee|niet)\b|En\s|Of\s|Indien\s+(?:ja|nee|niet)\b|Als\s+dat\s+zo\s+is\b)",
                             re.IGNORECASE)


WORD_WINDOW = 200
_NEXT_CHAR = lazy_re(r"\s*(\S)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph's text (abbreviations such as "jl." and "nr." do not end a sentence)."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        ms, end = m.span()
        if text[ms] == "." and _continues(text, start, ms, end):
            continue
        while start < n and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
        start = end
    while start < n and text[start].isspace():
        start += 1
    if start < n and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# What a sentence must contain to ask anything: a "?", or words without which SUBJECT_ASK and INVERTED_ASK
# cannot match (a verb of asking and its subject; "leden" or "graag"), or the opening of VERB_FIRST.  Testing
# a paragraph for them (substring tests of its lower case: a few instructions a character, where one regular
# expression for all of them costs fifty) lets a paragraph without them skip its sentences, and most
# sentences skip the two costly searches.  The tests are a superset of the patterns (parts of words count
# too).  The patterns ignore case; besides the ASCII letters' own cases `re` folds only four letters onto
# them, so where one of those occurs nothing is skipped.
_ASK_VERBS = ("vra", "verzoek", "wil", "zou", "ontvangen", "vernemen", "horen", "zien")
_ASK_SUBJECTS = ("leden", "fractie", "ze", "zij", "hij", "lid")
_INVERTED_WORDS = ("leden", "graag")
_VERB_FIRST_OPENING = lazy_re(  # VERB_FIRST without what precedes its verb
    r"(?:Kan|Kunt|Wil|Wilt|Is|Bent|Deelt|Erkent|Acht|Ziet|Heeft|Hebt|Gaat|Zal|Zou|Wordt)"
    r"\s+(?:de\s+staatssecretaris|de\s+minister|het\s+kabinet|de\s+regering|u|hij)\b"
)
# SUBJECT_ASK and INVERTED_ASK reduced to what a match cannot do without, in lower case and without leading
# word boundaries, so that `re` skips ahead to the first letters: a subject ("leden", "…fractie", "het lid
# Kops", a pronoun) and, at most four words on, a verb of asking; "graag", or "vragen de leden" and the like.
# Searching a sentence with them costs a fraction of the patterns themselves (tens of instructions a character
# against hundreds), and most sentences that mention the members and a verb fail them.
_SUBJECT_GATE = lazy_re(
    r"(?:leden|fractie|zij|ze|hij|lid)\s+(?:[\w’'-]+\s+){0,4}?(?:vra|verzoek|wil|zou|ontvangen|vernemen|horen|zien)"
)
_INVERTED_GATE = lazy_re(
    r"(?:vragen|verzoeken)\s+(?:ook\s+|daarom\s+|tevens\s+|dan\s+ook\s+)?(?:de|deze)\s+leden|graag"
    r"|willen\s+(?:de|deze)\s+leden"
)
def odd_folds(text: str) -> bool:
    """Has the text one of the letters `re` folds onto an ASCII letter when ignoring case (İ ı ſ K)?  Four
    substring tests: a character class searched with `re` costs twenty times as much."""
    return not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text)
MAYBE = (True, True)
NEITHER = (False, False)


def _has_any(low: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if w in low:
            return True
    return False


def may_ask(text: str) -> tuple[bool, bool]:
    """Can SUBJECT_ASK, INVERTED_ASK match in this text (or in a part of it)?  False only where it cannot."""
    if odd_folds(text):
        return MAYBE
    return _may_ask_lower(text.lower())


def _may_words(low: str) -> tuple[bool, bool]:
    """The substring tests alone (for a whole paragraph: cheap, and enough to skip most)."""
    return _has_any(low, _ASK_VERBS) and ("leden" in low or _has_any(low, _ASK_SUBJECTS)), _has_any(low, _INVERTED_WORDS)


def _may_ask_lower(low: str) -> tuple[bool, bool]:
    """`may_ask` of a lower-cased sentence: the substring tests, then the two gate patterns where they pass."""
    subject, inverted = _may_words(low)
    return bool(subject and _SUBJECT_GATE.search(low)), bool(inverted and _INVERTED_GATE.search(low))


def _continues(text: str, start: int, dot: int, end: int) -> bool:
    """Does the sentence go on after this full stop (an abbreviation, a number, a small letter next)?"""
    # bounded windows: a long run of abbreviations or of spaces must not make this quadratic
    before = text[max(start, dot - WORD_WINDOW) : dot].rsplit(None, 1)
    word = before[-1].lower().lstrip("(«“\"'") if before else ""
    if word in ABBREVIATIONS or (len(word) <= 2 and word.isalpha() and word.lower() != "ja") or word.isdigit():
        return True
    if end + 1 < len(text) and text[end] == " " and not text[end + 1].isspace():  # the usual case: one space
        nxt = text[end + 1]
    else:
        after = _NEXT_CHAR.match(text, end)
        nxt = after.group(1) if after else ""
    return bool(nxt) and not (nxt.isupper() or nxt.isdigit() or nxt in "«“\"'(‘[")


def ask_kind(sentence: str, party_text: bool, may: tuple[bool, bool] | None = None) -> str | None:
    """"direct" ("?"), "request" (an indirect question or request by the members), "probable", or None.

    `party_text`: the paragraph is about the members (mentions "leden"/"fractie"), so that "Zij vragen hoe …"
    can be read as the members asking.  `may`: `may_ask` of the sentence where the caller knows it.
    """
    unquoted = QUOTED.sub("", sentence) if ("«" in sentence or "“" in sentence or '"' in sentence or "„" in sentence) else sentence
    if "?" in unquoted:
        return "direct"
    if may is None:
        may = may_ask(sentence)
    m = SUBJECT_ASK.search(sentence) if may[0] else None
    if m:
        if m.group("pronoun") and not party_text:
            return None
        verb = m.group("verb").lower()
        if verb.startswith("vraag") or verb == "vragen":
            if _COMPLEMENT.search(sentence, m.end()):
                return "request"
        else:
            return "request"
    m = INVERTED_ASK.search(sentence) if may[1] else None
    if m and (m.group("verb") is None or m.group("verb").lower() != "vragen" or _COMPLEMENT.search(sentence, m.end())):
        return "request"
    if VERB_FIRST.match(sentence):
        return "probable"
    return None


# -- the types --------------------------------------------------------------------------------------------



QUESTION_LABEL = compile_re(r"^\W*Vra(?:ag|gen)(?:\s+\d{1,3}[a-z]?)?\s*:\s*")


def question_spans(par: Paragraph) -> tuple[list[tuple[int, int]], str | None]:
    """The asking sentences of a paragraph and the strongest kind among them ("Vraag: …" asks, whatever it says)."""
    text = par.text
    m = QUESTION_LABEL.match(text)
    if m and text[m.end() :].strip():
        return [(m.end(), len(text.rstrip()))], "request"
    party_text = "leden" in text or "fractie" in text
    found: list[tuple[int, int]] = []
    best = None
    rank = {"direct": 3, "request": 2, "probable": 1}
    for s, e, may in _gated_sentences(text):
        kind = ask_kind(text[s:e], party_text, may)
        if kind:
            found.append((s, e))
            if best is None or rank[kind] > rank[best]:
                best = kind
    return found, best


def _gated_sentences(text: str) -> list[tuple[int, int, tuple[bool, bool] | None]]:
    """The sentences of a paragraph that may ask something, with `may_ask` of each (None: not known).

    One lower-casing of the paragraph and one search of each gate over all of it, not one per sentence: a gate
    match holds letters, white space and [\\w’'-] only, never a sentence's closing [.?!…], so each match lies
    inside one sentence, and a sentence has a match of a gate exactly when one of the paragraph's matches
    starts in it.  A sentence with no "?", no gate match and no verb-first opening asks nothing (`ask_kind`
    returns None for it) and is left out; a paragraph with none of them is not split at all."""
    low = chunking.folded(text, str.lower)  # (a long text: a piece at a time)
    if len(low) != len(text) or odd_folds(text):  # low[s:e] is not the sentence's lower case
        return [(s, e, None) for s, e in sentences(text)]
    subject, inverted = _may_words(low)
    at_subject = [m.start() for m in _SUBJECT_GATE.finditer(low)] if subject else []
    at_inverted = [m.start() for m in _INVERTED_GATE.finditer(low)] if inverted else []
    at_opening = [m.start() for m in _VERB_FIRST_OPENING.finditer(text)]
    if not at_subject and not at_inverted and not at_opening:  # only a "?" can make a sentence ask
        if "?" not in text:
            return []
        return [(s, e, NEITHER) for s, e in sentences(text) if text.find("?", s, e) >= 0]
    out: list[tuple[int, int, tuple[bool, bool] | None]] = []
    for s, e in sentences(text):
        may = (_starts_in(at_subject, s, e), _starts_in(at_inverted, s, e))
        if may != NEITHER or _starts_in(at_opening, s, e) or text.find("?", s, e) >= 0:
            out.append((s, e, may))
    return out


def _starts_in(starts: list[int], s: int, e: int) -> bool:
    """Does one of the (sorted) match starts lie in [s, e)?"""
    if not starts:
        return False
    i = bisect_left(starts, s)
    return i < len(starts) and starts[i] < e

"""Mechanical punctuation slips: doubled marks, a space before or none after a mark, a missing full stop, brackets and quotes that do not pair.

What it checks
  * doubled marks: "vragen..", ",,", ";;", "( (" and "((";
  * a space before a full stop, comma, semicolon, colon, question or exclamation mark ("locaties .");
  * no space after a sentence's full stop, question or exclamation mark, or after a comma, between two
    words ("gesteld.De leden", "regels,zoals");
  * a missing full stop between two sentences: a word, a space and a capitalised sentence opener followed
    by lower case ("… te creëren De verkenning doet …");
  * brackets that do not pair within a paragraph, and an odd number of quotation marks.
  Left alone: ellipses ("..." and "…"), decimals and version numbers, web and mail addresses, abbreviations
  (i.v.m., o.a., jl., nr., c.s.: a full stop inside or after them is never taken for a sentence end),
  list labels ("a)", "2)", "iv)"), names (minister De Jonge: the word after "De" has a capital too),
  titles after a word that introduces one (het rapport De staat van …), quotations, tables, and spaces at a
  paragraph's end, and the brackets of a citation that kamerstuk-reference reports ("( (Kamerstuk …)": one
  finding, that rule's, while it runs with its bracket check).  In a text file (a text export or a PDF extraction, one line per paragraph) a
  bracket or quotation mark that opens on one line and closes on the next pairs up.
  Fixes: doubled marks and stray spaces are removed and a missing space inserted (--fix); the full stop
  between two sentences is inserted only with --unsafe-fixes; brackets and quotes have no automatic fix.

Why
  These slips survive proofreading because the eye skips them; in a letter to Parliament they look careless.

Options
  doubled, space-before, missing-space, missing-full-stop, unbalanced: false switches that check off.
  title-words: words after which a capitalised word starts a title, not a sentence (rapport, nota, …).

Bad::

    Dit zijn de antwoorden op de gestelde vragen..
    Bij een aantal locaties . Op iedere locatie ,, zoals bij de motie ( (Kamerstuk 28089, nr. 321).
    Het is gesteld.De leden vragen om wet- en regelgeving te creëren De verkenning doet daaraan geen afbreuk.
    Zij vragen (zie de bijlage om een reactie.

Good::

    Dit zijn de antwoorden op de gestelde vragen... en meer … Zie www.rijksoverheid.nl/a..b of 1,5 en 2.0.
    Zoals i.v.m. de regels, o.a. de wet, 7 april jl. De minister De Jonge en het rapport De staat van de zorg.
    Aan de orde zijn: a) de lucht; b) het water (zie bijlage 2); en «de bodem». De vragen zijn gesteld.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import regex

from letterlint import analyses
from letterlint.addresses import merged
from letterlint.findings import Finding, Fix, Msg, msg
from letterlint.lazyre import lazy, lazy_re
from letterlint.textpass import match_starts, texts_at

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from letterlint.model import Document, Paragraph
    from letterlint.registry import RuleContext
    from letterlint.runner import Where

DOC_NL = """Mechanische leestekenfouten: dubbele tekens, een spatie ervoor of geen erna, een ontbrekende punt, haakjes en aanhalingstekens die geen paar vormen.

Wat het controleert
  * dubbele tekens: "vragen..", ",,", ";;", "( (" en "((";
  * een spatie vóór een punt, komma, puntkomma, dubbele punt, vraagteken of uitroepteken ("locaties .");
  * geen spatie na de punt, het vraagteken of uitroepteken van een zin, of na een komma, tussen twee woorden
    ("gesteld.De leden", "regels,zoals");
  * een ontbrekende punt tussen twee zinnen: een woord, een spatie en een zinsbegin met een hoofdletter
    gevolgd door kleine letters ("… te creëren De verkenning doet …");
  * haakjes die binnen een alinea geen paar vormen, en een oneven aantal aanhalingstekens.
  Met rust gelaten: beletseltekens ("..." en "…"), decimalen en versienummers, web- en e-mailadressen,
  afkortingen (i.v.m., o.a., jl., nr., c.s.: een punt erin of erna geldt nooit als einde van een zin),
  opsommingstekens ("a)", "2)", "iv)"), namen (minister De Jonge: het woord na "De" heeft ook een hoofdletter),
  titels na een woord dat er een inleidt (het rapport De staat van …), citaten, tabellen, spaties aan het einde
  van een alinea, en de haakjes van een verwijzing die kamerstuk-reference meldt ("( (Kamerstuk …)": één
  melding, van die regel, zolang die met haar haakjescontrole draait).  In een tekstbestand (een tekstexport of
  een PDF-extractie, één regel per alinea) vormen een haakje of aanhalingsteken dat op de ene regel opent en op
  de volgende sluit een paar.
  Fixes: dubbele tekens en losse spaties worden verwijderd en een ontbrekende spatie ingevoegd (--fix); de punt
  tussen twee zinnen wordt alleen met --unsafe-fixes ingevoegd; haakjes en aanhalingstekens hebben geen
  automatische fix.

Waarom
  Deze fouten overleven het proeflezen omdat het oog eroverheen glijdt; in een brief aan de Kamer ogen ze
  slordig.

Opties
  doubled, space-before, missing-space, missing-full-stop, unbalanced: false zet die controle uit.
  title-words: woorden waarna een woord met een hoofdletter een titel begint, geen zin (rapport, nota, …).
"""  # the documentation in Dutch: same structure, same examples

ID = "punctuation"
SEVERITY = "warning"
SUMMARY = msg(
    "Leestekens: dubbele tekens (.. ,, ( (), spatie vóór of geen spatie na een leesteken, ontbrekende punt, "
    "haakjes en aanhalingstekens die niet sluiten",
    "Punctuation: doubled marks (.. ,, ( (), a space before or none after a mark, a missing full stop, "
    "brackets and quotes that do not pair",
)
TITLE_WORDS = ["rapport", "nota", "notitie", "brief", "programma", "advies", "publicatie", "boek", "artikel",
               "project", "getiteld", "genaamd", "titel", "thema", "campagne", "platform", "document", "visie",
               "agenda", "actieagenda", "plan", "strategie", "onderzoek", "verkenning", "uitzending", "bericht",
               "krant", "dagblad", "initiatief", "handreiking", "richtlijn", "website", "film", "serie", "motie",
               "programma's", "rubriek", "podcast", "debat", "conferentie", "congres", "symposium", "verslag",
               "evaluatie", "monitor", "studie", "toolkit", "app", "regeling", "werkgroep", "commissie", "fonds"]
DEFAULT = {"doubled": True, "space-before": True, "missing-space": True, "missing-full-stop": True,
           "unbalanced": True, "title-words": TITLE_WORDS}
CONF = {
    "doubled": {"type": "boolean"},
    "space-before": {"type": "boolean"},
    "missing-space": {"type": "boolean"},
    "missing-full-stop": {"type": "boolean"},
    "unbalanced": {"type": "boolean"},
    "title-words": {"type": "array", "items": {"type": "string", "minLength": 1}},
}
FIXABLE = True

SP = r"[ \t\u00A0\u202F]"
DOUBLED = lazy(r"(?<![.…\d])\.\.(?![.…\d])|,,|;;|\(" + SP + r"*\(")
SPACE_BEFORE = lazy(r"(?<=[\p{L}\p{N})\]»”’'])" + SP + r"+([.,;:?!])(?![.…\w])")
MISSING_SPACE = lazy(r"(?<=\p{Ll}\p{Ll})([.?!])(?=\p{Lu}\p{Ll})|(?<=\p{Ll}\p{Ll}),(?=\p{Ll}\p{Ll})")
SPACE_HINT = lazy(SP + r"[.,;:?!]")
MISSING_SPACE_HINT = lazy(r"[.?!]\p{Lu}|,\p{Ll}")
OPENERS = ("De Het Een Dit Deze Daarom Daarnaast Ook Wij Ik Zij Hij Er Tevens Verder Bovendien Echter Hierbij "
           "Daarbij Daarmee Hiermee Hierdoor Daardoor Momenteel Vervolgens Inmiddels Uiteraard Zoals Wel Niet")
# the opener word first: the engine then looks for its literal letters instead of trying a look-behind at every
# position (~5× faster); the spaces before it are found by walking back from the word (_space_start)
OPENER = lazy(r"(?<=\p{Ll}" + SP + r"+)(" + "|".join(OPENERS.split()) + r")" + SP + r"+(?=\p{Ll})")
SP_CHARS = " \t\u00A0\u202F"
WORD_BEFORE = lazy(r"(?<![\w.\-])\p{Ll}[\p{Ll}\-]+\p{Ll}$")
QUOTED = lazy(r'«[^»]*»|“[^”]*”|„[^”“]*[”“]|"[^"\n]*"')
STRAIGHT_QUOTE = lazy('"')
QUOTE_MARK = lazy(r"[«»“”„]")
BRACKET = lazy(r"[()\[\]]")
LABEL = lazy(r"(?:^|(?<=[\s;:,(]))(?:\p{L}|\d{1,2}|[ivxIVX]{1,4})\)")
NOTHING = Msg("", "")

# Where a check above can fire at all, found in one pass over the document's text (see suspect_paragraphs).
# Each alternative is a necessary condition of one check (a superset of what the check matches), written so
# that it starts with a literal mark or opener word: the standard `re` engine then skips through the text to
# the next such character in C, instead of trying a look-behind at every position as the checks do.
_S = r"[^\S\n]"  # white space but a line break: wider than SP, so a superset; SP's own class would be compiled 50 times
_LETTER = r"[^\W\d_]"  # every letter (\p{Lu} and \p{Ll} among them)
_TRIGGERS = (
    [r"\.(?=\.)", ",(?=,)", ";(?=;)", r"\((?=" + _S + r"*\()"]  # doubled
    + [regex.escape(c) + r"(?<=" + _S + regex.escape(c) + ")" for c in ".,;:?!"]  # a space before
    + [regex.escape(c) + r"(?=[^\W\d_a-z])" for c in ".?!"] + [r",(?=[^\W\d_A-Z])"]  # no space after
    # a sentence opener after a word (or after a second space) and before a word that is not capitalised
    + [w + r"(?<=" + _LETTER + _S + w + "|" + _S + _S + w + r")(?=" + _S + r"+[^\W\d_A-Z])" for w in OPENERS.split()]
)
TRIGGER = lazy_re("|".join(_TRIGGERS))  # the standard `re` module: ~3× faster than `regex` on this one


def suspect_paragraphs(texts: list[str]) -> set[int]:
    """The indexes of the texts where a doubled mark, a space before or after a mark, or a missing full stop
    may be: one pass over all of them (letterlint.textpass) instead of a handful of searches per paragraph,
    most of which find nothing."""
    return texts_at(texts, match_starts(TRIGGER))


_NO_SPANS: Any = None  # the skip spans of a paragraph that has no mark a check looks at (never asked)

MESSAGES = {
    "..": (Msg("twee punten achter elkaar in «{context}»", "two full stops in a row in «{context}»"), "."),
    ",,": (Msg("twee komma's achter elkaar in «{context}»", "two commas in a row in «{context}»"), ","),
    ";;": (Msg("twee puntkomma's achter elkaar in «{context}»", "two semicolons in a row in «{context}»"), ";"),
    "((": (Msg("twee openingshaakjes achter elkaar in «{context}»", "two opening brackets in a row in «{context}»"), "("),
}
SPACE_MSG = Msg("spatie vóór «{mark}» in «{context}»", "a space before «{mark}» in «{context}»")
MISSING_SPACE_MSG = Msg("geen spatie na «{mark}» in «{context}»", "no space after «{mark}» in «{context}»")
MISSING_STOP_MSG = Msg("hier lijkt een punt te ontbreken tussen twee zinnen: «{found}»",
                       "a full stop seems to be missing between two sentences: «{found}»")
UNCLOSED_MSG = Msg("haakje «{mark}» wordt in deze alinea niet gesloten: «{context}»",
                   "bracket «{mark}» is not closed in this paragraph: «{context}»")
UNOPENED_MSG = Msg("haakje «{mark}» wordt in deze alinea niet geopend: «{context}»",
                   "bracket «{mark}» is not opened in this paragraph: «{context}»")
QUOTE_MSG = Msg("aanhalingsteken «{mark}» zonder tegenhanger: «{context}»",
                "quotation mark «{mark}» without its partner: «{context}»")
CLOSE_SUGGESTION = Msg("sluit het haakje of haal het weg", "close the bracket or remove it")
OPEN_SUGGESTION = Msg("open het haakje of haal het weg", "open the bracket or remove it")
QUOTE_SUGGESTION = Msg("sluit het citaat of haal het aanhalingsteken weg", "close the quotation or remove the mark")
MISMATCH_MSG = Msg("aanhalingstekens «{mark}» en «{other}» horen niet bij elkaar: «{context}»",
                   "quotation marks «{mark}» and «{other}» do not match: «{context}»")
MISMATCH_SUGGESTION = Msg("gebruik een passend paar: «{pair}»", "use a matching pair: «{pair}»")
PARTNER = {"«": "»", "“": "”", "„": "”", '"': '"', "”": "”"}


def prepare(options: dict[str, Any], where: Where) -> frozenset[str]:
    return frozenset(w.lower() for w in options.get("title-words", []))


def _fmt(m: Msg, **values: object) -> Msg:
    return Msg(m.nl.format(**values), m.en.format(**values))


def _context(text: str, start: int, end: int) -> str:
    """The span with the words around it, for a message (a .docx location has no line and column)."""
    a = start
    while a > 0 and start - a < 25 and not (text[a - 1].isspace() and a < start):
        a -= 1
    b = end
    while b < len(text) and b - end < 25 and not (text[b].isspace() and b > end):
        b += 1
    return ("…" if a > 0 else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")




def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    options = ctx.options
    title_words = ctx.prepared or frozenset()
    hard_wrapped = doc.lines_may_wrap  # one line per paragraph: a PDF extraction wraps mid-sentence
    balance = _Balance(doc, hard_wrapped) if options.get("unbalanced", True) else None
    addresses = analyses.of(doc).addresses
    claimed = _claimed(doc, ctx.settings)
    blocks = list(doc.blocks())
    suspects = suspect_paragraphs([par.text for par in blocks])
    for i, par in enumerate(blocks):
        text = par.text
        if not text or text.isspace() or par.kind == "table":  # (isspace: no copy of the text, as strip made)
            if balance:
                yield from balance.line_break()
            continue
        suspect = i in suspects
        brackets, quotes = balance is not None and _has_brackets(text), balance is not None and _has_quotes(text)
        if not (suspect or brackets or quotes):
            if balance:
                yield from balance.paragraph(par, text, _NO_SPANS, False, False, False)
            continue
        skip = _Spans(_merge(addresses.trimmed(par), claimed.get(id(par), ())))
        doubled_paren = False
        if suspect:
            if options.get("doubled", True):
                doubles, doubled_paren = _doubled(doc, par, text, skip.overlaps)
                yield from doubles
            yield from _spacing(doc, par, text, options, skip.overlaps)
            if options.get("missing-full-stop", True) and par.kind in ("body", "list"):
                yield from _missing_stops(doc, par, text, title_words, skip.overlaps)
        if balance:
            yield from balance.paragraph(par, text, skip, doubled_paren, brackets, quotes)
    if balance:
        yield from balance.close()


def _has_brackets(text: str) -> bool:
    return "(" in text or ")" in text or "[" in text or "]" in text


def _has_quotes(text: str) -> bool:
    return '"' in text or "«" in text or "»" in text or "“" in text or "”" in text or "„" in text


def _doubled(doc: Document, par: Paragraph, text: str, skipped: Any) -> tuple[list[Finding], bool]:
    """Doubled marks of one paragraph, and whether "( (" is among them."""
    out: list[Finding] = []
    doubled_paren = False
    if not (".." in text or ",," in text or ";;" in text or text.count("(") > 1):
        return out, doubled_paren
    for m in DOUBLED.finditer(text):
        if skipped(m.start(), m.end()):
            continue
        key = "((" if m.group().startswith("(") else m.group()
        doubled_paren = doubled_paren or key == "(("
        message, replacement = MESSAGES[key]
        message = _fmt(message, context=_context(text, m.start(), m.end()))
        out.append(Finding(location=doc.locate(par, m.start(), m.end()), message=message, suggestion=Msg(replacement, replacement),
                           fix=Fix.text_edit(par, m.start(), m.end(), replacement)))
    return out, doubled_paren


def _spacing(doc: Document, par: Paragraph, text: str, options: dict[str, Any], skipped: Any) -> Iterator[Finding]:
    """A space before a mark, no space after one: the checks of one paragraph."""
    if options.get("space-before", True) and SPACE_HINT.search(text):
        for m in SPACE_BEFORE.finditer(text):
            if skipped(m.start(), m.end()):
                continue
            if not par.is_verbatim(m.start(), m.end()):
                continue  # a footnote mark or a removed marker stands between: not a plain space
            mark = m.group(1)
            if text[m.end():m.end() + 1] == mark:
                continue  # ",," is reported as doubled; two fixes of one spot would clash
            yield Finding(location=doc.locate(par, m.start(), m.end()), message=_fmt(SPACE_MSG, mark=mark, context=_context(text, m.start(), m.end())),
                          suggestion=mark, fix=Fix.text_edit(par, m.start(), m.end(), mark))
    if options.get("missing-space", True) and MISSING_SPACE_HINT.search(text):
        for m in MISSING_SPACE.finditer(text):
            if skipped(m.start() - 2, m.end() + 2) or _in_word_with_dots(text, m.start()):
                continue
            mark = text[m.start():m.end()]
            yield Finding(location=doc.locate(par, m.start(), m.end()), message=_fmt(MISSING_SPACE_MSG, mark=mark, context=_context(text, m.start(), m.end())),
                          suggestion=Msg(mark + " ", mark + " "), fix=Fix.text_edit(par, m.start(), m.end(), mark + " "))


def _claimed(doc: Document, settings: dict[str, Any]) -> dict[int, list[int]]:
    """The brackets of citations that kamerstuk-reference reports (while it runs, with its bracket check):
    "( (Kamerstuk …)" is one defect, reported once, by the rule with the fuller message."""
    if not settings.get("kamerstuk-reference.brackets"):
        return {}
    from letterlint.citations.document import claimed_marks

    return claimed_marks(doc, settings)


def _merge(spans: list[tuple[int, int]], marks: Iterable[int]) -> list[tuple[int, int]]:
    """Address spans and single marks as sorted, non-overlapping spans."""
    return merged([*spans, *((i, i + 1) for i in marks)]) if marks else spans


def _in_word_with_dots(text: str, i: int) -> bool:
    """Part of a dotted name or abbreviation run together (z.Wh., ASP.Net, bestand.Docx): letters with a dot before."""
    j = i - 1
    while j >= 0 and text[j].isalpha():
        j -= 1
    return j >= 0 and text[j] in "./@_"


def _missing_stops(doc, par, text, title_words, skipped):
    hits = list(OPENER.finditer(text))
    if not hits:
        return
    quoted = [m.span() for m in QUOTED.finditer(text)] if ("«" in text or "“" in text or "„" in text or '"' in text) else []
    for m in hits:
        spaces = _space_start(text, m.start())
        w = WORD_BEFORE.search(text, max(0, spaces - 60), spaces)
        if w is None:
            continue
        before, start = w.group(), w.start()
        if before.lower() in title_words or skipped(start, m.end()):
            continue
        if any(s < m.end() and start < e for s, e in quoted):
            continue
        end = m.end(1)
        found = text[start:end]
        replacement = before + ". " + m.group(1)
        yield Finding(location=doc.locate(par, start, end), message=_fmt(MISSING_STOP_MSG, found=found),
                      suggestion=replacement, fix=Fix.text_edit(par, start, end, replacement, "unsafe"))


def _space_start(text: str, i: int) -> int:
    """Where the run of spaces that ends at i starts."""
    while i > 0 and text[i - 1] in SP_CHARS:
        i -= 1
    return i


class _Spans:
    """Sorted, non-overlapping spans (the addresses of a paragraph), asked by binary search: a paragraph of
    thousands of addresses and brackets stays linear."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_right(self.ends, a)  # the first span that ends after a
        return k < len(self.starts) and self.starts[k] < b

    def covers(self, i: int) -> bool:
        return bool(self.starts) and self.overlaps(i, i + 1)


def _bracket_state(text, skip):
    """Unclosed opening brackets (positions), unopened closing brackets (positions), quote positions by kind."""
    if not skip.starts and _paired(BRACKET.findall(text)):
        return [], []  # every bracket closed
    labels = {m.end() - 1 for m in LABEL.finditer(text)} if ")" in text else set()
    stack: list[int] = []
    unopened: list[int] = []
    pairs = {")": "(", "]": "["}
    open_count = {"(": 0, "[": 0}  # brackets of each kind on the stack (no search through a deep stack)
    for m in BRACKET.finditer(text):
        i, c = m.start(), m.group()
        if c in "([":
            if not skip.covers(i):
                stack.append(i)
                open_count[c] += 1
        elif c in ")]":
            if skip.covers(i):
                continue
            if stack and text[stack[-1]] == pairs[c]:
                open_count[text[stack.pop()]] -= 1
            elif i in labels and not stack:
                continue  # a list label: a) b) 2) iv)
            elif stack and open_count[pairs[c]]:
                while stack and text[stack[-1]] != pairs[c]:
                    open_count[text[stack.pop()]] -= 1
                open_count[text[stack.pop()]] -= 1
            else:
                unopened.append(i)
    return stack, unopened


def _paired(brackets: list[str]) -> bool:
    """The brackets (in order) close one after another: only pairs «()» and «[]», each with nothing or such
    pairs between its two.  Removing a bracket and the one that closes it right after it keeps a sequence as
    well or badly formed as it was, so what is left after taking out the «()», then the «[]» is empty only
    where every bracket is closed (the common case, in C: no step per bracket)."""
    return not "".join(brackets).replace("()", "").replace("[]", "")


def _quote_state(text, skip):
    """Quotation marks without a partner in the paragraph: (openers, closers); a lone straight quote is an opener
    when it starts a word and a closer otherwise."""
    openers: list[int] = []
    closers: list[int] = []
    straight = [m.start() for m in STRAIGHT_QUOTE.finditer(text) if not skip.covers(m.start())]
    if len(straight) % 2:
        i = straight[-1]
        (openers if i + 1 < len(text) and not text[i + 1].isspace() and (i == 0 or text[i - 1].isspace()) else closers).append(i)
    if not any(c in text for c in "«»“”„"):
        return openers, closers
    stack: list[int] = []
    for m in QUOTE_MARK.finditer(text):
        i, c = m.start(), m.group()
        if c in "«“„":
            stack.append(i)
        elif stack:
            stack.pop()
        elif c == "”" and (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and not text[i + 1].isspace():
            stack.append(i)  # ”…” written with closing marks on both sides: this one opens
        else:
            closers.append(i)
    return openers + stack, closers


QUOTE_REACH = 12  # paragraphs a quotation may run on (a quoted passage of several paragraphs)


class _Balance:
    """Brackets and quotation marks, paragraph by paragraph, with what may close on a later paragraph."""

    def __init__(self, doc: Document, hard_wrapped: bool) -> None:
        self.doc, self.hard_wrapped = doc, hard_wrapped
        self.brackets: tuple[Paragraph, Any] | None = None  # (paragraph, positions) left open on the line before (hard-wrapped text only)
        self.quotes: list[tuple] = []  # (paragraph, position, paragraphs since)

    def paragraph(self, par, text, skip, doubled_paren, has_brackets, has_quotes):
        """One paragraph with text; has_brackets and has_quotes say whether it holds any such mark."""
        if not (has_brackets or has_quotes or self.brackets or self.quotes):
            return  # nothing open, nothing to open or close
        if self.brackets and (self.brackets[0].part, self.brackets[0].note) != (par.part, par.note):
            yield from self.flush_brackets()
        if self.quotes and (self.quotes[0][0].part, self.quotes[0][0].note) != (par.part, par.note):
            yield from self.flush_quotes()
        unclosed, unopened = _bracket_state(text, skip) if has_brackets else ([], [])
        openers, closers = _quote_state(text, skip) if has_quotes else ([], [])
        if self.brackets:
            ppar, pending = self.brackets
            closed = min(len(pending), len(unopened))  # what the line before left open closes here
            del pending[len(pending) - closed:]
            del unopened[:closed]
            yield from self.flush_brackets()
        closed = min(len(self.quotes), len(closers))
        del self.quotes[len(self.quotes) - closed:]
        del closers[:closed]
        if doubled_paren and len(unclosed) == 1:
            unclosed = []  # "( (" was reported; removing one bracket balances the paragraph
        for i in unopened:
            yield _finding(self.doc, par, i, UNOPENED_MSG, OPEN_SUGGESTION)
        openers, closers, mismatched = _mismatched(openers, closers)
        for i, j in mismatched:
            yield _mismatch_finding(self.doc, par, i, j)
        for i in closers:
            yield _finding(self.doc, par, i, QUOTE_MSG, QUOTE_SUGGESTION)
        if unclosed:
            if self.hard_wrapped:
                self.brackets = (par, unclosed)
            else:
                for i in unclosed:
                    yield _finding(self.doc, par, i, UNCLOSED_MSG, CLOSE_SUGGESTION)
        self.quotes = [(p, i, n + 1) for p, i, n in self.quotes]
        expired = [q for q in self.quotes if q[2] > QUOTE_REACH]
        self.quotes = [q for q in self.quotes if q[2] <= QUOTE_REACH] + [(par, i, 0) for i in openers]
        for p, i, _ in expired:
            yield _finding(self.doc, p, i, QUOTE_MSG, QUOTE_SUGGESTION)

    def line_break(self):
        """An empty paragraph: a bracket does not run on over it (a quotation may)."""
        yield from self.flush_brackets()

    def flush_brackets(self):
        if self.brackets:
            par, pending = self.brackets
            self.brackets = None
            for i in pending:
                yield _finding(self.doc, par, i, UNCLOSED_MSG, CLOSE_SUGGESTION)

    def flush_quotes(self):
        quotes, self.quotes = self.quotes, []
        for p, i, _ in quotes:
            yield _finding(self.doc, p, i, QUOTE_MSG, QUOTE_SUGGESTION)

    def close(self):
        yield from self.flush_brackets()
        yield from self.flush_quotes()


def _mismatched(openers: list[int], closers: list[int]) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Pair the quotation marks without a partner of one paragraph that open and close one quotation with marks
    of different kinds (“…"): one defect, one finding.  Returns the openers and closers left, and the pairs."""
    if not openers or not closers:
        return openers, closers, []
    events = sorted([(i, 0) for i in openers] + [(i, 1) for i in closers])
    stack: list[int] = []
    left: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, closing in events:
        if not closing:
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i))
        else:
            left.append(i)  # may close a quotation of an earlier paragraph
    return stack, left, pairs


def _mismatch_finding(doc, par, i, j):
    text = par.text
    mark, other = text[i], text[j]
    if j - i <= 60:
        context = _context(text, i, j + 1)
    else:
        context = _context(text, i, i + 1).rstrip("…") + " … " + _context(text, j, j + 1).lstrip("…")
    pair = mark + "…" + PARTNER.get(mark, mark)
    return Finding(location=doc.locate(par, i, j + 1),
                   message=_fmt(MISMATCH_MSG, mark=mark, other=other, context=context),
                   suggestion=_fmt(MISMATCH_SUGGESTION, pair=pair))


def _finding(doc, par, i, message, suggestion):
    text = par.text
    return Finding(location=doc.locate(par, i, i + 1), message=_fmt(message, mark=text[i], context=_context(text, i, i + 1)),
                   suggestion=suggestion)

"""A term the document spells one way, except in a few places: the rare spelling, with the usual one as suggestion.

What it checks
  Within one document (body and footnotes), words and names of one to three words that are written with
  the same letters in different ways:

  * spacing and hyphens: "Schone Luchtakkoord" beside "Schone Lucht Akkoord", "GroenLinks-PvdA fractie"
    beside "GroenLinks-PvdA-fractie", "e-mail" beside "email";
  * the case of an acronym or a name with an inner capital: "JLOI" beside "JLoI", "Rie" beside "RIE",
    "Groenlinks" beside "GroenLinks";
  * two adjacent letters swapped in an acronym: "RVIM" beside "RIVM".

  The usual spelling must occur at least twice and at least twice as often as the rare one; the rare one is
  reported where it occurs, with the usual one as suggestion.  No list is involved: the document itself is
  the reference.  Not reported: a capital at the start of a sentence (De/de, Minister/minister: only an
  inner capital counts), all-capital headings, words with a different ending (Kamerlid/Kamerleden: different
  letters), function words written together or apart ("voor dat"/"voordat", "ten minste"/"tenminste":
  different words), numbers, web addresses, slips the typo rule already reports (RVIM is on its list),
  a separable verb written together and apart ("dat zij deelneemt", "zij neemt deel", "zij deel neemt" is a
  main clause: gebruikmaakt/gebruik maakt, plaatsvindt/plaats vindt), and titles of cited sources (quoted,
  or a web page's title pasted into a footnote: "Title | by Author | Site", "Title (arxiv.org)").

Why
  A reader notices when a letter calls one agreement "Schone Lucht Akkoord" on one page and "Schone
  Luchtakkoord" on the next, or writes JLoI and JLOI; a spellchecker accepts both.

Options
  min-count: how often the usual spelling must occur (default 2).
  ratio: how many times more often than the rare one (default 2).
  max-words: the longest term considered, in words (default 3).

Bad::

    Het Schone Lucht Akkoord (SLA) en de JLoI met Tata Steel; de JLoI van 2024.
    Het Schone Lucht Akkoord werkt; de JLOI ook, zegt de GroenLinks-PvdA-fractie.
    De GroenLinks-PvdA-fractie vraagt naar het Schone Luchtakkoord.

Good::

    Het Schone Lucht Akkoord (SLA) en de JLoI met Tata Steel; de JLoI van 2024.
    De minister besluit. Minister en staatssecretaris. Omdat het voordat gebeurt, voor dat doel.
    Ten minste drie, tenminste vier. Het Kamerlid en de Kamerleden.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections import Counter, deque
from itertools import accumulate, compress, filterfalse, islice, repeat
from operator import add, and_, itemgetter, le, ne, not_, or_
from typing import TYPE_CHECKING, Any

import regex

from letterlint import analyses
from letterlint.chunking import batches, pieces
from letterlint.findings import Finding, Fix, Msg, Related, msg
from letterlint.lazyre import LazyPattern, lazy, lazy_re
from letterlint.lexicon import FUNCTION_WORDS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from letterlint.addresses import Addresses
    from letterlint.model import Document, Paragraph
    from letterlint.registry import RuleContext
    from letterlint.runner import Where

DOC_NL = """Een term die het document op één manier schrijft, op een paar plekken na: de zeldzame schrijfwijze, met de gebruikelijke als suggestie.

Wat het controleert
  Binnen één document (hoofdtekst en voetnoten) woorden en namen van één tot drie woorden die met dezelfde
  letters op verschillende manieren geschreven zijn:

  * spaties en streepjes: "Schone Luchtakkoord" naast "Schone Lucht Akkoord", "GroenLinks-PvdA fractie"
    naast "GroenLinks-PvdA-fractie", "e-mail" naast "email";
  * de hoofdletters van een afkorting of een naam met een hoofdletter binnenin: "JLOI" naast "JLoI", "Rie"
    naast "RIE", "Groenlinks" naast "GroenLinks";
  * twee naburige letters verwisseld in een afkorting: "RVIM" naast "RIVM".

  De gebruikelijke schrijfwijze moet minstens twee keer voorkomen en minstens twee keer zo vaak als de
  zeldzame; de zeldzame wordt gemeld waar ze staat, met de gebruikelijke als suggestie.  Er is geen lijst
  nodig: het document zelf is de maatstaf.  Niet gemeld: een hoofdletter aan het begin van een zin (De/de,
  Minister/minister: alleen een hoofdletter binnenin telt), koppen in hoofdletters, woorden met een andere
  uitgang (Kamerlid/Kamerleden: andere letters), functiewoorden aaneen of los ("voor dat"/"voordat",
  "ten minste"/"tenminste": andere woorden), getallen, webadressen, verschrijvingen die de regel typo al
  meldt (RVIM staat op zijn lijst), een scheidbaar werkwoord dat aaneen en los staat ("dat zij deelneemt",
  "zij neemt deel": gebruikmaakt/gebruik maakt, plaatsvindt/plaats vindt), en titels van aangehaalde bronnen
  (tussen aanhalingstekens, of de titel van een webpagina die in een voetnoot is geplakt: "Titel | by Auteur |
  Site", "Titel (arxiv.org)").

Waarom
  Een lezer merkt het als een brief een akkoord op de ene pagina "Schone Lucht Akkoord" noemt en op de volgende
  "Schone Luchtakkoord", of JLoI en JLOI schrijft; een spellingcontrole keurt beide goed.

Opties
  min-count: hoe vaak de gebruikelijke schrijfwijze moet voorkomen (standaard 2).
  ratio: hoeveel keer vaker dan de zeldzame (standaard 2).
  max-words: de langste term die meetelt, in woorden (standaard 3).
"""  # the documentation in Dutch: same structure, same examples

ID = "term-consistency"
SEVERITY = "warning"
SUMMARY = msg(
    "Een term die het document op één manier schrijft, op een paar plaatsen anders (JLOI naast JLoI)",
    "A term the document spells one way, except in a few places (JLOI beside JLoI)",
)
DEFAULT = {"min-count": 2, "ratio": 2, "max-words": 3}
CONF = {
    "min-count": {"type": "integer", "minimum": 2},
    "ratio": {"type": "number", "minimum": 1},
    "max-words": {"type": "integer", "minimum": 1, "maximum": 5},
}
FIXABLE = True

CHUNK = lazy(r"\w+(?:[-\u2011]\w+)*")
SEPARATORS = lazy(r"[-\u2011 ]")
HYPHEN = lazy(r"[-\u2011]")
SPACE_ONLY = lazy(r"[ \t\n\r\u00A0\u202F]+")
HAS_LETTER = lazy(r"\p{L}")
# a word that is part of a web or mail address or an identifier: rivm.nl, info@ggd.nl, IENW/BSK-2026/1
# words separated by nothing but spaces (a run of them can hold a multi-word term)
RUN = lazy(r"\w+(?:[-\u2011]\w+)*(?:[ \t\n\r\u00A0\u202F]+\w+(?:[-\u2011]\w+)*)*")
# \w.\w, \w@\w, \w/\w: each found by its middle character, a literal (one pattern per separator: see _separators)
DOT_INSIDE = lazy(r"\.(?<=\w.)(?=\w)")
AT_INSIDE = lazy(r"@(?<=\w.)(?=\w)")
SLASH_INSIDE = lazy(r"/(?<=\w.)(?=\w)")
# a quotation reproduces someone else's spelling (a newspaper headline, a report's title)
# (a quotation may run on from the paragraph before or into the next one: hard-wrapped text)
# each alternative with the characters it needs (one of them): a paragraph is searched with the alternatives
# it can match only (quotations): the same matches, as an alternative that cannot match takes no part, and
# several times quicker than trying all of them at every character
QUOTE_ALTERNATIVES = (
    ("«", r'«[^»]*(?:»|$)'), ("»", r'^[^«]*»'), ("“", r'“[^”]*(?:”|$)'), ("”", r'^[^“]*”'),
    ("„", r'„[^”“]*(?:[”“]|$)'), ('"', r'"[^"\n]*"'),
    # what follows a quoted title in a source reference is its link text or source:
    # «Title» (Title – Newspaper), «Title» – Title on the site
    ("»”", r'(?<=[»”])\s*(?:\([^)]*(?:\)|$)|[–—]\s[^\n]*)'),
    # an italic title in Markdown: _Title of the article_
    ("_", r'(?<![\w_])_[^_\n]{2,200}_(?![\w_])'),
)
QUOTED = lazy("|".join(alternative for _, alternative in QUOTE_ALTERNATIVES))
_QUOTE_SIGNS = "«»“”„\"_"
_QUOTED_WITH: dict[str, LazyPattern] = {}  # the signs a text holds → QUOTED's alternatives that need those


def _quoted(text: str) -> list[tuple[int, int]]:
    """The spans of QUOTED's matches in text (QUOTED.finditer), searched with the alternatives that can match
    in it only."""
    signs = "".join([sign for sign in _QUOTE_SIGNS if sign in text])
    if not signs:
        return []
    pattern = _QUOTED_WITH.get(signs)
    if pattern is None:
        pattern = _QUOTED_WITH[signs] = lazy("|".join(alternative for needs, alternative in QUOTE_ALTERNATIVES
                                                      if any(sign in signs for sign in needs)))
    return [m.span() for m in pattern.finditer(text)]

# a web page's title pasted into a footnote, as the browser tab shows it: «Title | by Author | Site», «Title · Site»,
# «Title (arxiv.org)»; from the footnote's start or after a colon or comma («Zie: Title | Site»); the site's
# name is capitalised words, so the writer's words after it stay (… | Hugging Face dit heeft …)
PASTED_TITLE = lazy(r"(?:^|(?<=[:,]\s))[^:|·\n]{2,200}?(?:(?:\s[|·]\s(?:by\s)?[\p{Lu}\d][\w.,'-]*(?:\s[\p{Lu}\d][\w.,'-]*){0,4})+"
                    r"|\s\((?:[\w-]+\.)+\p{Ll}{2,6}\))")


MESSAGE = Msg("«{rare}» staat {n}× in het document, «{usual}» {m}×: schrijf het overal op dezelfde manier",
              "«{rare}» occurs {n}× in the document, «{usual}» {m}×: spell it the same way throughout")
COMPOUND = Msg(" (een samenstelling schrijf je aaneen of met een koppelteken; een naam houdt zijn eigen spelling)",
               " (Dutch writes a compound as one word or with a hyphen; a name keeps its own spelling)")
RELATED = msg("de gangbare schrijfwijze in dit document", "the usual spelling in this document")


class Prepared:
    def __init__(self, flagged_by_typo: Callable[[str], bool] | None, official: frozenset[str]) -> None:
        self.flagged_by_typo, self.official = flagged_by_typo, official
        self.verdicts = _Verdicts()


def prepare(options: dict[str, Any], where: Where) -> Prepared:
    """The typo rule's matcher, to leave alone what that rule reports (and never to suggest its slips), and the
    protected terms as written (Wmo, JLoI): the official form of a name wins over the most frequent one."""
    lists = where.wordlists  # the shared typo list and protected terms (letterlint.wordlists)
    official = frozenset(t.text for t in lists.lexicon.targets)
    return Prepared(lists.typo_flags if lists.typo_enabled else None, official)


def _inner_capital(form: str) -> bool:
    """A capital that is not the first letter of a word: JLoI, RIE, GroenLinks, PvdA."""
    return any(map(str.isupper, "".join([part[1:] for part in SEPARATORS.split(form)])))


def _case_differs_inside(a: str, b: str) -> bool:
    """a and b (same letters, same separators) differ in case somewhere other than a word's first letter."""
    first = True
    for x, y in zip(a, b, strict=False):
        if not x.isalnum():
            first = True
            continue
        if not first and x != y:
            return True
        first = False
    return False


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]}


def _mostly_capitals(text: str) -> bool:
    letters = sum(map(str.isalpha, text))  # counted in C loops, no list of the letters (a long paragraph)
    return letters >= 8 and sum(map(operator.and_, map(str.isalpha, text), map(str.isupper, text))) > 0.8 * letters


def _visible_texts(pars: list[Paragraph], addresses: Addresses, foreign: dict) -> list[str]:
    """The paragraphs' texts with addresses, quotations and the text the writer does not own (the Members'
    questions: `foreign`) blanked out, so that they count for nothing and are not reported.  The dotted names
    are found in one pass over the texts joined (a few long strings, not a search per paragraph), quotations
    only with the alternatives a paragraph's quotation marks allow; a paragraph without any span is its own
    text, not a copy."""
    texts = [par.text for par in pars]
    spans = _dotted_in(texts)
    for i, par in enumerate(pars):
        theirs = [*addresses.spans(par), *foreign.get(id(par), ())]
        text = texts[i]
        if "«" in text or "“" in text or "„" in text or '"' in text or "»" in text or "”" in text or "_" in text:
            theirs += _quoted(text)  # (each of QUOTED's alternatives needs one of these)
        if par.part == "footnote" and ("|" in text or "·" in text or "(" in text):
            theirs += [m.span() for m in PASTED_TITLE.finditer(text)]
        if theirs:
            spans.setdefault(i, []).extend(theirs)
    for i, found in spans.items():
        if found:
            texts[i] = _blank(texts[i], found)
    return texts


def _dotted_in(texts: Sequence[str]) -> dict[int, list[tuple[int, int]]]:
    """index → _dotted(texts[index]) for the texts that hold a dotted name, found in the texts joined by NUL a
    batch at a time: a NUL is neither a word character nor part of a name, so no span or look-around crosses
    from one text into the next, and the spans are those of each text on its own."""
    out: dict[int, list[tuple[int, int]]] = {}
    for first, batch in batches(texts):
        starts = list(accumulate(map(add, map(len, batch[:-1]), repeat(1)), initial=0)) if batch else []
        for a, b in _dotted("\x00".join(batch)):
            k = bisect_right(starts, a) - 1
            out.setdefault(first + k, []).append((a - starts[k], b - starts[k]))
    return out


def _dotted(text: str) -> list[tuple[int, int]]:
    """A word that is part of a web or mail address or an identifier (rivm.nl, info@ggd.nl, IENW/BSK-2026/1):
    the whole dotted or slashed name.  Each separator between word characters starts one (as `\\w[.@/]\\w`
    matched from left to right would: not within the three characters of the one before)."""
    spans = []
    taken = -1  # where the last \w[.@/]\w ended
    for at in _separators(text):
        a, b = at - 1, at + 2
        if a < taken:
            continue
        taken = b
        while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "-.@/_"):
            a -= 1
        while b < len(text) and (text[b].isalnum() or text[b] in "-@/_" or (text[b] == "." and text[b + 1:b + 2].isalnum())):
            b += 1
        spans.append((a, b))
    return spans


def _separators(text: str) -> list[int]:
    """Where a separator (. @ /) stands between two word characters, in order: a search per separator for
    that literal (the engine skips to it quickly; a class of three characters is tried at every character)."""
    found = [m.start() for m in DOT_INSIDE.finditer(text)]
    if "@" in text or "/" in text:
        found += [m.start() for m in AT_INSIDE.finditer(text)]
        found += [m.start() for m in SLASH_INSIDE.finditer(text)]
        found.sort()
    return found


def _covers(spans: Iterable[tuple[int, int]], length: int) -> bool:
    """The spans together cover 0 … length."""
    at = 0
    for a, b in sorted(spans):
        if a > at:
            return False
        at = max(at, b)
    return at >= length


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """text with every span replaced by as many NUL characters (slices: not a list of every character)."""
    pieces: list[str] = []
    at = 0
    for a, b in sorted(spans):
        if b <= at or b <= a:
            continue
        a = max(a, at)
        pieces += (text[at:a], "\x00" * (b - a))
        at = b
    pieces.append(text[at:])
    return "".join(pieces)


def _counts(doc: Document, max_words: int, foreign: dict) -> tuple[_Counted, list[tuple[Paragraph, str]]]:
    """The counted forms of the visible texts, and those texts."""
    pars: list[Paragraph] = []
    for par in doc.blocks():
        if not par.text or par.kind == "table":
            continue
        theirs = foreign.get(id(par), ())
        if theirs and _covers(theirs, len(par.text)):
            continue  # all of it a Member's question: nothing to count, nothing to report
        pars.append(par)
    visible = list(zip(pars, _visible_texts(pars, analyses.of(doc).addresses, foreign)))
    return _Counted((text for _, text in visible), max_words), visible


def _content_flags(words: Iterable[str]) -> list[bool]:
    """Whether each word (non-empty) can be part of a term: a name with a number (G20, A4, COP28: a letter
    first, a digit in it), or three letters or more, no function word and no digit first.  Worked out for all
    the words at once in C loops (map over the words, and over each word's characters): no Python statement
    per word, so a run's first letter, whose words are all new, costs no more than the next one."""
    words = list(words)
    firsts = list(map(itemgetter(0), words))
    letters = map(sum, map(map, repeat(str.isalpha), words))
    named = map(and_, map(str.isalpha, firsts), map(any, map(map, repeat(str.isdigit), words)))
    plain = map(and_, map(le, repeat(3), letters), map(not_, map(str.isdigit, firsts)))
    plain = map(and_, plain, map(not_, map(FUNCTION_WORDS.__contains__, map(str.lower, words))))
    return list(map(or_, named, plain))


class _WordFacts:
    """What the rule needs of a word (whether it is a content word, its key), for the words of the letters so
    far: words repeat, so a letter's words are dictionary lookups in C; the new words of a letter are worked
    out all at once, in C loops.  Emptied when it grows large."""

    def __init__(self) -> None:
        self.content: dict[str, bool] = {_MARK: False}
        self.key: dict[str, str] = {}
        self.worked_out = 0  # words worked out (for tests)

    def learn(self, words: Iterable[str]) -> None:
        """Work out the facts of those of `words` (distinct, no _MARK) not known yet."""
        new = list(filterfalse(self.key.__contains__, words))
        if len(self.key) + len(new) > 200_000:
            self.content, self.key = {_MARK: False}, {}
        self.content.update(zip(new, _content_flags(new)))
        self.key.update(zip(new, _keys(new)))
        self.worked_out += len(new)

    def learn_keys(self, forms: Iterable[str]) -> None:
        """Work out the keys of those of `forms` (terms: distinct) not known yet."""
        new = list(filterfalse(self.key.__contains__, forms))
        if len(self.key) + len(new) > 200_000:
            self.content, self.key = {_MARK: False}, {}
        self.key.update(zip(new, _keys(new)))


_MARK = "\x00"  # stands between two runs of words: not a word, not content, so no term spans it
_WORD_FACTS = _WordFacts()
_BATCH = 1 << 16  # characters of text tokenised at once: the word lists of a long text in one go would be big


_CUT = lazy_re(r"[.,;:!?()]")  # no word or term (RUN) spans one of these


def _cut(texts: Iterable[str]) -> Iterator[str]:
    """The texts, a long one in pieces cut after punctuation (no run of words spans it, so the counts are
    the same): a batch of pieces, not a whole long paragraph, is tokenised at once."""
    for text in texts:
        yield from pieces(text, _BATCH, _CUT) if len(text) > _BATCH else (text,)


class _Counted:
    """How often every word, and every run of 2 to max_words content words, occurs in the visible texts; the
    key of each form (lower case, without spaces and hyphens): forms with the same key are one term."""

    def __init__(self, texts: Iterable[str], max_words: int) -> None:
        self.counts: Counter[str] = Counter()
        self.key: dict[str, str] = {}
        batch: list[str] = []
        size = 0
        for text in _cut(texts):
            batch.append(text)
            size += len(text)
            if size > _BATCH:
                self._count(batch, max_words)
                batch, size = [], 0
        if batch:
            self._count(batch, max_words)

    def _several(self) -> Iterator[str]:
        """The keys with more than one form: where the first form seen of a key is not the last one (C loops:
        no statement per form)."""
        first: dict[str, str] = {}
        deque(map(first.setdefault, self.key.values(), self.key), maxlen=0)
        last = dict(zip(self.key.values(), self.key))  # (the keys in the same order as in `first`)
        return compress(first, map(ne, first.values(), last.values()))

    def in_group_order(self, words: list[str]) -> list[str]:
        """words ordered by the first word of their key (as groups were made: in the order of the text), then
        by their own first place; only where it matters, for two or more words."""
        if len(words) < 2:
            return words
        wanted = {self.key[word] for word in words}
        first: dict[str, int] = {}
        for i, form in enumerate(self.counts):  # (a few words: once per letter with two frequent acronyms)
            if self.key[form] in wanted:
                first.setdefault(self.key[form], i)
        chosen = set(words)
        place = {form: i for i, form in enumerate(self.counts) if form in chosen}
        return sorted(words, key=lambda word: (first[self.key[word]], place[word]))

    def _count(self, texts: list[str], max_words: int) -> None:
        """Count a batch of texts: whole-list operations (C loops), no Python statement per word."""
        words = f" {_MARK} ".join(RUN.findall(_MARK.join(texts))).split()
        facts = _WORD_FACTS
        fresh = self._add(words)
        facts.learn(fresh)
        self.key.update(zip(fresh, map(facts.key.__getitem__, fresh)))
        if max_words > 1:
            fresh = self._add(_terms(words, max_words, facts.content))  # (no word is a term: a term has a space)
            facts.learn_keys(fresh)
            self.key.update(zip(fresh, map(facts.key.__getitem__, fresh)))

    def _add(self, forms: list[str]) -> list[str]:
        """Count forms (Counter.update of a list counts in C; of a mapping it loops in Python); the forms not
        counted before, in the order first seen (the keys the counts gained: they keep that order)."""
        before = len(self.counts)
        self.counts.update(forms)
        self.counts.pop(_MARK, None)  # (MARK only: it is added again by each batch, so it is among the new ones)
        fresh = list(islice(reversed(self.counts), len(self.counts) - before))  # (from the end: not past the old)
        fresh.reverse()
        return fresh

    def groups(self, defined: Iterable[str]) -> dict[str, dict[str, int]]:
        """key → {form: count} for the keys with more than one form (a form the letter defines counts as one,
        with count 0); numbers (1-0, 2024-2025) are no terms."""
        extra: dict[str, list[str]] = {}
        keys = set(self.key.values())
        for form in defined:
            key = form.lower().replace(" ", "").replace("-", "").replace("\u2011", "")
            if key in keys and form not in self.key:
                extra.setdefault(key, []).append(form)
        wanted = set(self._several()).union(extra)
        groups: dict[str, dict[str, int]] = {}
        for form in compress(self.key, map(wanted.__contains__, self.key.values())):
            key = self.key[form]
            if not key.isdigit():
                groups.setdefault(key, {})[form] = self.counts[form]
        for key, forms in extra.items():
            if not key.isdigit():
                for form in forms:
                    groups[key].setdefault(form, 0)
        return groups


def _terms(words: list[str], max_words: int, is_content: dict[str, bool]) -> list[str]:
    """Every run of 2 to max_words content words among `words` (runs of text separated by _MARK; `is_content`:
    word → whether it is a content word), found for all the runs at once: the content flags as one big integer,
    a byte a word; a term of k words starts where the flags ANDed with themselves shifted by 1 … k-1 words are set."""
    flags = bytes(map(is_content.__getitem__, words))
    size = len(flags)
    content = together = int.from_bytes(flags, "little")  # word i is byte i
    terms: list[str] = []
    forms, before = words, None  # the terms of k words, where `before` has a byte set (all words: None)
    for k in range(1, max_words):
        together &= content >> (8 * k)  # words i … i+k all content words
        if not together:
            break
        at = together.to_bytes(size, "little")
        heads = compress(forms, at if before is None else compress(at, before))  # the k words starting at i
        forms = list(map(" ".join, zip(heads, compress(words[k:], at))))  # + word i+k (one join: no "w " made first)
        terms += forms
        before = at
    return terms


def _keys(forms: Iterable[str]) -> Iterator[str]:
    """The key of each form, as _term_key makes it, in C loops (a function call per form is most of the time)."""
    return _without(_without(_without(map(str.lower, forms), " "), "-"), "\u2011")


def _without(texts: Iterable[str], char: str) -> Iterator[str]:
    """Each text without `char` (str.replace called from C: map with the unbound method)."""
    return map(str.replace, texts, repeat(char), repeat(""))


def _term_key(form: str) -> str:
    return form.lower().replace(" ", "").replace("-", "").replace("\u2011", "")


class _Places:
    """Where forms occur in the visible texts, found for all the wanted forms in one pass over the texts joined
    a batch at a time (chunking.batches: a long letter is never copied whole), searched with str.find for a
    form's first word (quick) and matched exactly only there, instead of a regular expression per paragraph."""

    def __init__(self, visible: list[tuple[Paragraph, str]], wanted: Iterable[tuple[str, bool]]) -> None:
        self.found: dict[tuple[str, bool], list] = {key: [] for key in wanted}
        pars = list(map(itemgetter(0), visible))
        texts = list(map(itemgetter(1), visible))
        for first, batch in batches(texts):
            self._search("\x00".join(batch), pars[first:first + len(batch)], batch)  # NUL: no word character

    def of(self, form: str, first_only: bool = False) -> list:
        """[(paragraph, start, end)] of a wanted form, in text order (as finditer over each paragraph finds
        them); with first_only, the first one only."""
        return self.found[(form, first_only)]

    def _search(self, text: str, pars: list[Paragraph], texts: Sequence[str]) -> None:
        # where each text starts in the joined one (C loops: no statement per paragraph)
        starts = list(accumulate(map(add, map(len, texts[:-1]), repeat(1)), initial=0)) if texts else []
        for (form, first_only), out in self.found.items():
            if first_only and out:
                continue  # found in an earlier batch
            for at, found in _spans(text, form.split(" "), first_only):
                k = bisect_right(starts, at) - 1
                out.append((pars[k], at - starts[k], found - starts[k]))


def _spans(text: str, words: list[str], first_only: bool) -> Iterator[tuple[int, int]]:
    """(start, end) of each place where the form of `words` stands as a whole in `text`, in order."""
    head = words[0]
    end = 0  # as finditer goes on after a match: no match starts inside the one before
    at = text.find(head)
    while at >= 0:
        found = _match(text, at, words) if at >= end else -1
        if found >= 0:
            yield at, found
            if first_only:
                return
            end = found
        at = text.find(head, at + 1)


_NOT_BEFORE = lazy(r"[\w\-\u2011]")  # a form does not start after a word character or a hyphen
_NOT_AFTER = lazy(r"\w|[-\u2011]\w")  # nor end before a word character or a hyphen and a word


def _match(text: str, at: int, words: list[str]) -> int:
    """Where the form of `words` (the first of them at `at`) ends when it stands there as a whole, its words
    separated by spaces or line breaks; else -1.  (Matched step by step with patterns compiled once: a pattern
    per form was a compilation for every form reported, most of a run's first letter.)"""
    if at and _NOT_BEFORE.match(text, at - 1):
        return -1
    end = at + len(words[0])
    for word in words[1:]:
        gap = SPACE_ONLY.match(text, end)
        if not gap or not text.startswith(word, gap.end()):
            return -1
        end = gap.end() + len(word)
    return -1 if _NOT_AFTER.match(text, end) else end


def _variant_kind(rare: str, usual: str, official: bool = False) -> str | None:
    """spacing | case | None (no difference worth reporting).  Against an official form every difference of
    case counts (WMO-voorziening beside Wmo-voorziening)."""
    if SEPARATORS.sub("", rare).lower() != SEPARATORS.sub("", usual).lower():
        return None
    if len(rare) != len(usual) or "".join(filterfalse(str.isalnum, rare)) != "".join(filterfalse(str.isalnum, usual)):
        return "spacing"  # (other characters between the letters and digits)
    if rare == usual:
        return None
    if (_inner_capital(usual) or official) and _case_differs_inside(rare, usual) and sum(map(str.isalpha, usual)) >= 3:
        return "case"
    return None


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    options = ctx.options
    min_count, ratio = options.get("min-count", 2), options.get("ratio", 2)
    prepared = ctx.prepared if isinstance(ctx.prepared, Prepared) else Prepared(ctx.prepared, frozenset())
    flagged_by_typo = prepared.flagged_by_typo or (lambda form: False)
    from letterlint.structure import not_owned

    counted, visible = _counts(doc, options.get("max-words", 3), not_owned(doc, ctx.settings))
    authority = _Authority(prepared.official, doc, prepared.verdicts)
    # a form the letter defines counts, even where only a Member's question writes it
    groups = counted.groups(authority.defined)
    findings = []  # (rare form, usual form, rare count, usual count, kind, why)

    def consider(rare, n, usual, m, kind, why=""):
        if not why and (m < min_count or m < ratio * n):
            return
        if flagged_by_typo(rare) or flagged_by_typo(usual):
            return  # the typo rule reports it, or the usual form is itself a slip
        if _phrase_and_modifier(rare, usual):
            return  # «op korte termijn» and «korte-termijn maatregel» are different constructions
        if _separable_verb(rare, usual, authority.known):
            return  # «dat hij gebruikmaakt» and «hij maakt er gebruik van»: both right
        findings.append((rare, usual, n, m, kind, why))

    for forms in filterfalse(_first_letter_only, groups.values()):
        _judge(forms, authority, consider)
    counts = counted.counts
    frequent = [form for form in filterfalse(str.islower, compress(counts, map(str.isalpha, counts)))
                if counts[form] >= min_count and len(form) >= 4 and _acronym(form)]  # (words of letters only)
    # a frequent acronym's spellings with two letters swapped; where two acronyms make one swap, the first (as
    # the groups were made) is its usual form
    acronyms = _swapped(frequent, counts) or _swapped(counted.in_group_order(frequent), counts, clash=False) or {}
    for form in [form for form in acronyms if form in counts]:  # (a swap that occurs)
        if _acronym(form):
            usual, m = acronyms[form]
            consider(form, counts[form], usual, m, "swap")
    yield from _report(doc, findings, visible)


def _swapped(acronyms: list[str], counts: Counter[str], clash: bool = True) -> dict[str, tuple[str, int]] | None:
    """swapped spelling → (acronym, count); None (with `clash`) where two acronyms make one swapped spelling."""
    out: dict[str, tuple[str, int]] = {}
    for form in acronyms:
        for swapped in _swaps(form):
            if out.setdefault(swapped, (form, counts[form]))[0] != form and clash:
                return None
    return out


def _everywhere(doc):
    return [(par, par.text) for par in doc.blocks() if par.text and par.kind != "table"]


def _first_letter_only(forms: dict[str, int]) -> bool:
    """The forms differ in their first letter only (De/de, Rijk/rijk: the start of a sentence), which is never
    reported: no difference of spacing, none of case inside a word (most groups, judged without a statement)."""
    return len(set(map(itemgetter(_AFTER_FIRST), forms))) == 1


_AFTER_FIRST = slice(1, None)


def _judge(forms: dict[str, int], authority: _Authority, consider: Callable[..., None]) -> None:
    """Which form of a term is the right one: the official form (a protected term, the letter's own
    definition), else a correctly written compound against a split one, else the most frequent."""
    ranked = sorted(forms.items(), key=lambda kv: (-authority.official(kv[0]), -kv[1]))
    (best, m), *rest = ranked
    if authority.official(best) > authority.official(rest[0][0]):
        for rare, n in rest:
            kind = _variant_kind(rare, best, official=True)
            if kind:
                consider(rare, n, best, m, kind, "official")
        return
    closed = [f for f in forms if forms[f] and " " not in f and not _loose(f, SEPARATORS.sub("", f), authority)
              and authority.compound(f)]
    if len(closed) == 1 and any(_loose(f, closed[0], authority) and not _name_joint(f, closed[0]) for f in forms):
        usual = closed[0]
        for rare, n in forms.items():
            if _loose(rare, usual, authority) and _variant_kind(rare, usual) == "spacing":
                consider(rare, n, usual, forms[usual], "spacing", "compound")
        return
    (usual, m), *rest = sorted(forms.items(), key=lambda kv: -kv[1])
    if rest and rest[0][1] == m:
        return  # a tie: no usual spelling
    for rare, n in rest:
        kind = _variant_kind(rare, usual)
        if kind and not (" " not in rare and " " in usual and authority.compound(rare)):
            consider(rare, n, usual, m, kind)


def _loose(form: str, closed: str, authority: _Authority) -> bool:
    """form writes the compound `closed` apart (a space: a spatiefout) or with a hyphen it does not need between
    two words (no vowel clash, acronym, number or name at the joint: meet-pilot; not zee-egel, G20-verklaring,
    nor a word broken at a line end: emissiefacto-ren)."""
    if form == closed:
        return False
    if " " in form:
        return True
    parts = HYPHEN.split(form)
    if any(len(p) < 2 for p in parts) or not all(authority.compound(p) for p in parts):
        return False  # e-mail, x-as: a single letter keeps its hyphen
    for left, right in zip(parts, parts[1:], strict=False):
        joint = left[-1:] + right[:1]
        if len(joint) < 2 or (joint[0] in "aeiouy" and joint[1] in "aeiouyëï") or not joint.isalpha():
            return False
        if any(c.isupper() for c in left + right[:1]):
            return False
    return "-" in form or "\u2011" in form


def _name_joint(loose: str, closed: str) -> bool:
    """loose is written apart where closed has a capital inside a word: a name's two words run together
    (NagornoKarabach beside Nagorno Karabach), not a compound."""
    joints, i = set(), 0
    for c in loose:
        if c in " -\u2011":
            joints.add(i)
        else:
            i += 1
    bare = SEPARATORS.sub("", closed)
    inner, i = set(), 0
    for k, c in enumerate(closed):
        if c in " -\u2011":
            continue
        if c.isupper() and k > 0 and closed[k - 1] not in " -\u2011" and closed[k - 1].islower():
            inner.add(i)
        i += 1
    return bool(joints & inner) and len(bare) == i


def _phrase_and_modifier(a: str, b: str) -> bool:
    """Lower-case words written apart in one and with a hyphen in the other: a noun phrase and the same words
    used as a modifier (op korte termijn, korte-termijn maatregel), not two spellings of one term."""
    if not (a.islower() and b.islower()):
        return False
    return a.replace("-", " ").replace("\u2011", " ") == b.replace("-", " ").replace("\u2011", " ") and a != b


def _separable_verb(a: str, b: str, known: Callable[[str], bool]) -> bool:
    """One of a, b is «X Y» and the other «XY», Y a form of a verb and X+that verb a known separable verb
    (deel neemt/deelneemt: deelnemen): a subordinate clause writes it together, a main clause apart."""
    split, closed = (a, b) if " " in a else (b, a)
    if " " in closed or split.count(" ") != 1 or "-" in split + closed or "\u2011" in split + closed:
        return False
    head, verb = split.lower().split()
    if closed.lower() != head + verb or not head.isalpha():
        return False
    if verb.endswith("en") and len(verb) > 4:
        # an infinitive or a plural noun (gemeente huizen): a finite form or participle of X+verb must exist
        return known(head + verb) and any(known(head + form) for form in _finite(verb))
    if any(known(head + infinitive) for infinitive in _infinitives(verb)):
        return True
    # a strong verb's past, one syllable (plaats vond, deel nam): the closed form is a word, and so is X + the
    # infinitive with another vowel (not the word's own: milieu vergunning, milieuvergunningen is a plural)
    if len(VOWELS.findall(verb)) != 1 or not known(closed.lower()):
        return False
    return any(known(head + _vowel(verb, v) + "en") for v in ("i", "e", "ee", "ij", "ie", "ui") if _vowel(verb, v) != verb)


VOWELS = lazy(r"[aeiouy]+")  # (compiled once and kept between runs, as lazy patterns are: not on a run's first verb)
LAST_VOWELS = lazy(r"[aeiouy]+(?=[^aeiouy]*$)")


def _vowel(word: str, vowel: str) -> str:
    """word with its last run of vowels replaced: vond → vind, nom → nem."""
    m = LAST_VOWELS.search(word)
    return word[:m.start()] + vowel + word[m.end():] if m else word


def _stems(infinitive: str) -> set[str]:
    """maken → maak, nemen → neem, geven → geef, zitten → zit, vinden → vind."""
    stem = infinitive[:-2]
    stems = {stem}
    if len(stem) >= 2 and stem[-1] == stem[-2]:
        stems.add(stem[:-1])
    for s in list(stems):
        base = s[:-1] + {"v": "f", "z": "s"}.get(s[-1], s[-1])
        stems.add(base)
        if len(base) >= 3 and base[-2] in "aeou" and base[-3] not in "aeiou":
            stems.add(base[:-1] + base[-2] + base[-1])
    return stems


def _finite(infinitive: str) -> set[str]:
    """The third person and the regular participles of a verb: maakt, gemaakt; the strong participle ge+infinitive."""
    forms = {"ge" + infinitive, "ge" + _vowel(infinitive[:-2], "o") + "en"}  # genomen, gevonden
    for stem in _stems(infinitive):
        forms.update((stem + "t", "ge" + stem + "t", "ge" + stem + "d"))
    return forms


def _infinitives(form: str) -> set[str]:
    """The infinitives a regular finite verb form may belong to: maakt, maakte → maken; vindt → vinden."""
    stems = set()  # not the form itself: plaats → plaatsen is a noun's plural (werk plaats, werkplaatsen)
    if form.endswith("t"):
        stems.add(form[:-1])
    for ending in ("te", "de", "ten", "den"):
        if form.endswith(ending):
            stems.add(form[:-len(ending)])
    found = set()
    for stem in stems:
        if len(stem) < 2:
            continue
        found.add(stem + "en")
        base = stem[:-1] + {"f": "v", "s": "z"}.get(stem[-1], stem[-1])
        if len(base) >= 3 and base[-2] == base[-3] and base[-2] in "aeou":  # maak → maken, geef → geven
            found.add(base[:-2] + base[-1] + "en")
        found.add(base + "en")
        found.add(stem + stem[-1] + "en")  # zit → zitten
    return found


DEFINITION = lazy(r"\((?:hierna:?\s*)?([\p{L}][\p{L}\d&-]{1,11})\)")


_LOOK_BACK = 1 << 14  # characters: past this, words before a bracket are no abbreviation's words


def _last_words(text: str, end: int, n: int) -> list[str]:
    """The last n whitespace-separated words of text[:end] (fewer at the start), looking back only as far as
    they reach: copying text[:end] for every bracket made one huge paragraph quadratic."""
    size = 256
    while True:
        start = max(0, end - size)
        words = text[start:end].rsplit(None, n)
        if len(words) > n or start == 0 or size >= _LOOK_BACK:  # more than n: the last n are whole words
            return words[-n:]
        size *= 4


class _Authority:
    """What the letter and the lexicon say is the official form of a name."""

    def __init__(self, official: frozenset[str], doc: Document, verdicts: _Verdicts) -> None:
        self.verdicts = verdicts
        self._official: dict[str, int] = {}
        self._loaded = False
        self.words = set(official)
        self.phrases: set[str] = set()
        self.defined: set[str] = set()
        for par in doc.blocks():  # definitions count wherever they stand (also in a Member's question)
            if "(" in par.text:
                for m in DEFINITION.finditer(par.text):
                    self._definition(par.text, m)

    def _definition(self, text: str, m: regex.Match[str]) -> None:
        """An abbreviation defined by the words before it, their initials (Richtlijn Industriële Emissies
        (RIE)), or by «(hierna: …)»: both it and the words are official.  Other brackets define nothing."""
        short = m.group(1)
        if not any(c.isupper() for c in short):
            return
        initials = [c.lower() for c in short if c.isalpha()]
        before = _last_words(text, m.start(), len(initials)) if initials else []
        if len(before) == len(initials) and [w[:1].lower() for w in before] == initials:
            self.phrases.add(" ".join(before))
            self.defined.update((" ".join(before), short))
            self.words.add(short)
        elif "hierna" in m.group(0):
            self.defined.add(short)
            self.words.add(short)

    def official(self, form: str) -> int:
        if form not in self._official:  # (asked several times per form while judging its group)
            self._official[form] = self._score(form)
        return self._official[form]

    def _score(self, form: str) -> int:
        score = sum(1 for part in SEPARATORS.split(form) if part in self.words)
        if " " in form and any((" " + form + " ") in (" " + p + " ") for p in self.phrases):
            score += 1
        return score

    def known(self, word: str) -> bool:
        """word (lower case) is in the vocabulary."""
        self._ready()
        return self.verdicts.known(word)

    def compound(self, form: str) -> bool:
        """A correctly written closed compound: every part (between hyphens) a known word, a compound of known
        words, an acronym or a number (onlineloket, Klimaattop, G20-verklaring)."""
        self._ready()
        return self.verdicts.compound(form)

    def _ready(self) -> None:
        if not self._loaded:  # the vocabulary is loaded when a word is first judged
            self.verdicts.ready()
            self._loaded = True


class _Verdicts:
    """What the vocabulary says of a word, asked once for all the letters a plan checks (the same compounds
    come back in every letter; judging one takes dozens of vocabulary lookups), and kept between runs
    (bundled.kept_memo) under the vocabulary's identity and this code's: a run's first letter does not judge
    the usual compounds again.  The vocabulary is loaded when a compound is first judged."""

    def __init__(self) -> None:
        self._vocabulary: Any = None
        self._checker: Any = None  # a slips.Checker, made when a word is first judged
        self._known: dict[str, bool] = {}
        self._compound: dict[str, bool] = {}
        self._memo: Any = None  # the kept memo (None: the vocabulary has no identity, nothing is kept)

    def ready(self) -> None:
        """Load the vocabulary (once per document: another one, after a change of settings, has other verdicts)."""
        from letterlint import vocabulary

        loaded = vocabulary.load()
        if self._checker is None or loaded is not self._vocabulary:
            self._vocabulary, self._checker = loaded, _plain_checker(loaded)
            self._known, self._compound, self._memo = _kept_verdicts(loaded)

    def known(self, word: str) -> bool:
        if word not in self._known:
            checker = self._checker
            self._known[word] = bool(checker.vocabulary is not None and checker.count(word))
            self._learnt(self._known)
        return self._known[word]

    def compound(self, form: str) -> bool:
        if form not in self._compound:
            self._compound[form] = _compound(self._checker, form)
            self._learnt(self._compound)
        return self._compound[form]

    def _learnt(self, verdicts: dict[str, bool]) -> None:
        if len(verdicts) > _MAX_VERDICTS:  # bounded: the words of many letters come and go
            verdicts.clear()
        if self._memo is not None:
            self._memo.changed()


_MAX_VERDICTS = 8_000  # words judged, per kind (known, compound): past this, that memo starts afresh
_VERDICTS_FORMAT = 1  # bump when what a verdict means changes


def _plain_checker(vocabulary: Any) -> Any:
    """A slips.Checker of `vocabulary` that keeps nothing between runs itself."""
    from letterlint import slips

    class Checker(slips.Checker):
        """The vocabulary lookups of a slips.Checker without the misspelling rule's kept neighbours (loading
        them is a pickle of thousands of words this rule never reads; the verdicts here are kept on their own)."""

        def _keep_between_runs(self) -> None:
            return None

    return Checker(vocabulary)


def _kept_verdicts(vocabulary: Any) -> tuple[dict[str, bool], dict[str, bool], Any]:
    """The known and compound verdicts kept between runs for this vocabulary (empty ones, kept by nobody,
    where the vocabulary has no identity: a test's own word list)."""
    identity = getattr(vocabulary, "identity", None)
    if identity is None:
        return {}, {}, None
    import os
    from pathlib import Path

    from letterlint import __version__, slips
    from letterlint.bundled import file_key, kept_memo

    code = tuple(file_key(Path(os.path.abspath(f))) for f in (__file__, slips.__file__))
    memo = kept_memo("term-consistency-verdicts", (_VERDICTS_FORMAT, __version__, identity, code))
    known, compound = memo.parts({"known": dict, "compound": dict}, 2 * _MAX_VERDICTS)  # (each bounded: _learnt)
    return known, compound, memo


def _compound(checker: Any, form: str) -> bool:
    if checker.vocabulary is None:
        return False
    for part in HYPHEN.split(form):
        lower = part.lower()
        if not part or any(c.isdigit() for c in part) or _acronym_part(part):
            continue
        if not (checker.count(lower) or checker.compound(lower)):
            return False
    return True


def _acronym_part(part: str) -> bool:
    return sum(1 for c in part if c.isupper()) >= 2


OFFICIAL = Msg("«{rare}» staat {n}× in het document; de officiële schrijfwijze is «{usual}»",
               "«{rare}» occurs {n}× in the document; the official spelling is «{usual}»")
CLOSED = Msg("«{rare}» staat {n}× in het document, «{usual}» {m}×: schrijf overal «{usual}»",
             "«{rare}» occurs {n}× in the document, «{usual}» {m}×: write «{usual}» throughout")
WHY = {
    "official": Msg(" (de officiële schrijfwijze: die van de wet of instantie, of zoals de brief het begrip definieert)",
                    " (the official spelling: the act's or body's own, or as the letter defines the term)"),
    "compound": Msg(" (een samenstelling schrijf je aaneen; los geschreven is het een spatiefout)",
                    " (Dutch writes a compound as one word; written apart it is a spacing error)"),
}


def _report(doc, findings, visible):
    candidates = []
    capitals: dict[int, bool] = {}  # per paragraph, asked once (not once per place: quadratic in a long one)
    if not findings:
        return
    places = _Places(visible, [w for f in findings for w in ((f[1], True), (f[0], False))])
    # the usual form where it stands only in a Member's question or a quotation
    elsewhere = [(usual, True) for _, usual, *_ in findings if not places.of(usual, first_only=True)]
    everywhere = _Places(_everywhere(doc), elsewhere) if elsewhere else None
    for rare, usual, n, m, kind, why in findings:
        first = places.of(usual, first_only=True)
        if not first and everywhere is not None:
            first = everywhere.of(usual, first_only=True)
        if not first:
            continue
        for par, s, e in places.of(rare):
            if kind == "case":
                if id(par) not in capitals:
                    capitals[id(par)] = _mostly_capitals(par.text)
                if capitals[id(par)]:
                    continue
            candidates.append(((par, s, e), rare, usual, n, m, first[0], why))
    candidates.sort(key=lambda c: (c[0][0].part != "body", c[0][0].number, c[0][0].index, c[0][1], -(c[0][2] - c[0][1])))
    taken: dict[int, int] = {}  # per paragraph, the end of the spans taken (they come sorted by start)
    reported = set()
    for (par, s, e), rare, usual, n, m, first, why in candidates:
        if s < taken.get(id(par), -1):
            continue  # overlaps a span taken before
        taken[id(par)] = max(e, taken.get(id(par), -1))
        found = par.text[s:e]
        suggestion = usual
        if found[:1].isupper() and usual[:1].islower():
            suggestion = usual[:1].upper() + usual[1:]
        fpar, fs, fe = first
        template = {"official": OFFICIAL, "compound": CLOSED}.get(why, MESSAGE)
        note = WHY.get(why) or (COMPOUND if rare.count(" ") < usual.count(" ") else Msg("", ""))
        location = doc.locate(par, s, e)
        key = (location.part, location.paragraph, location.line, location.column, location.text, suggestion)
        if key in reported:
            continue  # one paragraph reached twice (the same text, the same place): one finding
        reported.add(key)
        yield Finding(
            location=location,
            message=Msg(template.nl.format(rare=rare, usual=usual, n=n, m=m) + note.nl,
                        template.en.format(rare=rare, usual=usual, n=n, m=m) + note.en),
            suggestion=suggestion,
            fix=Fix.text_edit(par, s, e, suggestion, "unsafe"),
            related=(Related(doc.locate(fpar, fs, fe), RELATED),),
        )


def _acronym(form: str) -> bool:
    """Letters only, four or more, two capitals or more: JLoI, RIVM."""
    return len(form) >= 4 and form.isalpha() and sum(map(str.isupper, form)) >= 2

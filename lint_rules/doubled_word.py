"""A word written twice in a row ("de de", "is is"), and an article before a demonstrative ("de die").

What it checks
  1. The same word twice, separated only by spaces or a line break: "het het rapport", "is is",
     "De de leden".  Correct Dutch repetitions are allowed: "dat dat", "die die", "had had", "was was",
     "werd werd", "zijn zijn", "haar haar", "ze ze", "je je", "u u" (the option ``allow``), and so are names ("Bora
     Bora": the second word has a capital), numbers, single letters and words joined by an apostrophe or
     hyphen ("GGD’en en", "de de-escalatie").  "is is" is reported: where it is meant ("Wat het is, is …"),
     Dutch puts a comma between the verbs.
  2. "de" directly before "die", "deze", "dit" or "dat" — a slip left by an edit ("Nu de die brief er
     is"): one of the two words is too many.  Not when a time follows ("de dit jaar ingevoerde regels",
     "de die dag geldende regels"), where the demonstrative belongs to the time.
  Applies to every paragraph and footnote.  The fix removes the second copy of a doubled word (applied with
  --fix only for words that never repeat: articles, prepositions, conjunctions; otherwise with
  --unsafe-fixes); for "de die" there is no automatic fix: only the writer knows which word stays.

Why
  A doubled word is the commonest slip after editing a sentence; a reader sees it at once, a spellchecker
  in Word not always (and never across a line break in a text export).

Options
  allow: words that may be written twice in a row (lower case).
  extra-allow: your own additions, kept apart so that the bundled list still applies.
  article-slip: false switches part 2 off.

Bad::

    Het het rapport is is verschenen.
    Nu de die brief er is, zien deze leden uit naar de de uitwerking.

Good::

    Hij zegt dat dat rapport klopt; de mensen die die brief lazen; als hij het geweten had had hij gebeld.
    Worden GGD’en en het RIVM betrokken? De de-escalatie en de dit jaar ingevoerde regels; Bora Bora; 10 10.
"""

from __future__ import annotations

from itertools import islice
from operator import eq
from typing import TYPE_CHECKING

from letterlint.chunking import folded, pieces
from letterlint.findings import Finding, Fix, Msg, msg
from letterlint.lazyre import lazy

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from letterlint.model import Document
    from letterlint.registry import RuleContext
    from letterlint.runner import Where

DOC_NL = """Een woord twee keer achter elkaar ("de de", "is is"), en een lidwoord voor een aanwijzend voornaamwoord ("de die").

Wat het controleert
  1. Hetzelfde woord twee keer, alleen gescheiden door spaties of een regelovergang: "het het rapport",
     "is is", "De de leden".  Juiste Nederlandse herhalingen mogen: "dat dat", "die die", "had had", "was
     was", "werd werd", "zijn zijn", "haar haar", "ze ze", "je je", "u u" (de optie ``allow``), en ook namen
     ("Bora Bora": het tweede woord heeft een hoofdletter), getallen, losse letters en woorden die met een
     apostrof of streepje vastzitten ("GGD’en en", "de de-escalatie").  "is is" wordt gemeld: waar het
     bedoeld is ("Wat het is, is …"), staat in het Nederlands een komma tussen de werkwoorden.
  2. "de" direct voor "die", "deze", "dit" of "dat" — een rest van een bewerking ("Nu de die brief er
     is"): een van de twee woorden is te veel.  Niet als er een tijdsaanduiding volgt ("de dit jaar
     ingevoerde regels", "de die dag geldende regels"), waar het aanwijzend voornaamwoord bij de tijd hoort.
  Geldt voor elke alinea en voetnoot.  De fix verwijdert het tweede exemplaar van een dubbel woord (met --fix
  alleen voor woorden die nooit herhaald worden: lidwoorden, voorzetsels, voegwoorden; anders met
  --unsafe-fixes); voor "de die" is er geen automatische fix: alleen de schrijver weet welk woord blijft.

Waarom
  Een dubbel woord is de meest voorkomende fout na het bewerken van een zin; een lezer ziet het meteen, de
  spellingcontrole van Word niet altijd (en nooit over een regelovergang in een tekstexport heen).

Opties
  allow: woorden die twee keer achter elkaar mogen staan (kleine letters).
  extra-allow: uw eigen aanvullingen, apart gehouden zodat de meegeleverde lijst blijft gelden.
  article-slip: false zet deel 2 uit.
"""  # the documentation in Dutch: same structure, same examples

ID = "doubled-word"
SEVERITY = "warning"
SUMMARY = msg(
    "Een woord twee keer achter elkaar (de de, is is) en een lidwoord vóór een aanwijzend voornaamwoord (de die)",
    "A word written twice in a row (de de, is is), and an article before a demonstrative (de die)",
)
DEFAULT = {"allow": ["dat", "die", "had", "was", "werd", "zijn", "haar", "ze", "je", "u", "jullie", "ja", "nee", "bla", "hè", "tja"],
           "extra-allow": [], "article-slip": True}
CONF = {
    "allow": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "extra-allow": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "article-slip": {"type": "boolean"},
}
FIXABLE = True

_EDGE_BEFORE = r"(?<![\w'’\-\u2011])"
_EDGE_AFTER = r"(?![\w'’\u2011]|-\w)"
_GAP = r"(?:[ \t\u00A0\u202F]+\n?[ \t\u00A0\u202F]*|\n[ \t\u00A0\u202F]*)"  # spaces, or one line break
DOUBLED = lazy(rf"(?i){_EDGE_BEFORE}(\w+){_GAP}(\1){_EDGE_AFTER}")
# what is neither a word character nor a space: made a space, the text splits (str.split, in C) into exactly the
# words \w+ finds, quicker than a list of matches (str.split splits on every \s, and on no word character)
NOT_WORD = lazy(r"[^\w\s]+")
ARTICLE = lazy(rf"(?i){_EDGE_BEFORE}(de){_GAP}(die|deze|dit|dat){_EDGE_AFTER}(?:\s+(\w+))?")
TIMES = frozenset("""
jaar jaren week weken maand maanden dag dagen keer keren eeuw eeuwen zomer winter lente voorjaar najaar herfst
morgen ochtend middag avond nacht nachten periode kabinetsperiode vergaderjaar seizoen tijd moment datum kwartaal
""".split())
# words that never repeat in correct Dutch: removing the second copy is safe
NEVER_TWICE = frozenset("""
de het een van in op te voor met en of aan naar om bij tot door uit over onder tegen tussen zonder als dan
maar want omdat zodat niet ook nog wel er
""".split())

DOUBLED_MSG = Msg("«{word}» staat twee keer achter elkaar", "«{word}» is written twice in a row")
ARTICLE_MSG = Msg("«{found}»: een lidwoord vóór een aanwijzend voornaamwoord; één van beide is te veel",
                  "«{found}»: an article before a demonstrative; one of the two is too many")
ARTICLE_SUGGESTION = Msg("schrap «{a}» of «{b}»", "delete «{a}» or «{b}»")


def prepare(options: dict[str, Any], where: Where) -> frozenset[str]:
    return frozenset(w.lower() for w in [*options.get("allow", []), *options.get("extra-allow", [])])


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    allow = ctx.prepared or frozenset()
    article_slip = ctx.options.get("article-slip", True)
    for par in doc.blocks():
        text = par.text
        if not text or " " not in text and "\n" not in text:
            continue
        lower = folded(text, str.lower)  # (a long text: a piece at a time)
        if not _word_follows_itself(lower):
            matches: Iterable[Any] = ()  # the common case: no word follows itself (a quick test before the exact pattern)
        else:
            matches = DOUBLED.finditer(text)
        for m in matches:
            first, second = m.group(1), m.group(2)
            word = first.lower()
            if word in allow or len(word) < 2 or any(c.isdigit() for c in word) or second[:1].isupper():
                continue
            start, end = m.start(1), m.end(2)
            yield Finding(
                location=doc.locate(par, start, end),
                message=Msg(DOUBLED_MSG.nl.format(word=first), DOUBLED_MSG.en.format(word=first)),
                suggestion=first,
                fix=Fix.text_edit(par, start, end, first, "safe" if word in NEVER_TWICE else "unsafe"),
            )
        if article_slip and "de d" in lower:
            for m in ARTICLE.finditer(text):
                following = (m.group(3) or "").lower()
                if following in TIMES or m.group(2)[:1].isupper():
                    continue
                a, b = m.group(1), m.group(2)
                found = text[m.start(1):m.end(2)]
                yield Finding(
                    location=doc.locate(par, m.start(1), m.end(2)),
                    message=Msg(ARTICLE_MSG.nl.format(found=found), ARTICLE_MSG.en.format(found=found)),
                    suggestion=Msg(ARTICLE_SUGGESTION.nl.format(a=a, b=b), ARTICLE_SUGGESTION.en.format(a=a, b=b)),
                )


def _word_follows_itself(lower: str) -> bool:
    """Whether some word of `lower` (a lower-cased text) follows itself, punctuation aside: a quick test
    before the exact pattern.  A long text a piece at a time (cut after white space, so no word is cut; the
    last word of a piece is compared with the first of the next): its list of words is not held whole."""
    last = None
    for piece in pieces(lower):
        words = NOT_WORD.sub(" ", piece).split()
        if words and (words[0] == last or any(map(eq, words, islice(words, 1, None)))):
            return True
        last = words[-1] if words else last
    return False

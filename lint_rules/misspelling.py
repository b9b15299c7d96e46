"""Typing slips in running text: a word no dictionary knows, one letter from a word that exists (kabnet, bedoleing).

What it checks
  Every word of the letter and its footnotes against a Dutch vocabulary (the word list of pyspellchecker, a
  dependency: nothing to install), the protected terms of the typo rule and your own words.  A word is
  reported only when it is unknown and one edit — a letter left out, added or replaced, or two adjacent
  letters swapped — from a word that exists: one the letter itself uses, or a word of the vocabulary (for
  words of up to six letters, a common one).  Also an acronym glued to a word (ZZSemissies → ZZS-emissies)
  and an elision hyphen without its space (Kennis-en Innovatieconvenant → Kennis- en Innovatieconvenant);
  «ZZS emissies» beside «ZZS-emissies» is reported by term-consistency.
  Never reported: a compound whose parts are known words (netcongestie, meekoppelkansen, with or without a
  linking s or e) unless the letter itself uses the word it is one letter from (bloostelling beside
  blootstelling); a capitalised word (a name) unless it is one letter from a name or term of eight letters or
  more or one the letter writes with a capital (Nederlnad, Kamerstukk); acronyms, words with digits, web and
  mail addresses, runs of English, words in quotation marks or brackets (terms the letter defines) and
  wherever else they occur, an unknown word written the same way twice or more (a term, not a slip), the old
  case forms after ten/ter/te (ten behoeve, ter plaatse), and what the typo rule reports.  Where the hunspell
  command and the OpenTaal dictionary are installed, a word Hunspell knows is not reported either.
  The suggestion is the correction the letter itself uses, else the most common one.  --fix applies it when
  it is the only word one edit away; otherwise it is an unsafe fix (--unsafe-fixes).

Why
  A typing slip (kabnet, Kamerstukk) in a letter to Parliament is seen by every reader, and text exports and
  Markdown have no spellchecker.  The rule reports only slips it is confident about: a finding you have to
  dismiss costs more trust than a slip it misses.  For every unknown word, switch on the `spelling` rule
  (Hunspell, at info level).

Options
  words: extra words to accept (your organisation's terms, names).  word-file: a file of such words, one a
    line (a path relative to the configuration file that names it).
  use-terms: accept the typo rule's protected terms (default true).
  repeated: an unknown word written this many times is a term, not a slip (default 2).
  second-opinion: auto (the hunspell command where installed), hunspell, spylls (pure Python, about 2 s to
    load) or none.
  hyphens: also check acronym–word and elision hyphens (default true).
  fix: safe (default: --fix applies a unique one-edit correction), unsafe (only with --unsafe-fixes) or none.

Bad::

    Het kabnet heeft niet de bedoleing om de uitvoeringsorgnisaties te belasten.
    De blootstelling aan ZZS daalt: de bloostelling door ZZSemissies en het Kennis-en Innovatieconvenant.

Good::

    Het kabinet heeft de bedoeling om de uitvoeringsorganisaties te ontlasten; netcongestie en meekoppelkansen.
    De blootstelling aan ZZS-emissies, het Kennis- en Innovatieconvenant, ten behoeve van de zorg, ter plaatse.
    Minister Vermeulen en Chemelot, zie www.rivm.nl/ZZSlijst of 'piekbelasters'; the Zero Pollution Action Plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from letterlint import slips, vocabulary
from letterlint.findings import Finding, Fix, Msg, msg
from letterlint.lexicon import defined_acronyms

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from letterlint.model import Document, Paragraph
    from letterlint.registry import RuleContext
    from letterlint.runner import Where
    from letterlint.wordlists import WordLists

DOC_NL = """Tikfouten in de lopende tekst: een woord dat geen woordenboek kent, één letter af van een woord dat bestaat (kabnet, bedoleing).

Wat het controleert
  Elk woord van de brief en de voetnoten tegen een Nederlandse woordenschat (de woordenlijst van
  pyspellchecker, een afhankelijkheid: niets te installeren), de beschermde termen van de regel typo en uw
  eigen woorden.  Een woord wordt alleen gemeld als het onbekend is en één bewerking — een letter weggelaten,
  toegevoegd of vervangen, of twee naburige letters verwisseld — af ligt van een woord dat bestaat: een woord
  dat de brief zelf gebruikt, of een woord uit de woordenschat (bij woorden tot zes letters: een gangbaar
  woord).  Ook een afkorting die aan een woord vastzit (ZZSemissies → ZZS-emissies) en een weglatingsstreepje
  zonder spatie erna (Kennis-en Innovatieconvenant → Kennis- en Innovatieconvenant); «ZZS emissies» naast
  «ZZS-emissies» meldt term-consistency.
  Nooit gemeld: een samenstelling waarvan de delen bekende woorden zijn (netcongestie, meekoppelkansen, met of
  zonder tussen-s of -e), tenzij de brief zelf het woord gebruikt waar het één letter van af ligt (bloostelling
  naast blootstelling); een woord met een hoofdletter (een naam), tenzij het één letter af ligt van een naam of
  term van acht of meer letters of van een woord dat de brief met een hoofdletter schrijft (Nederlnad,
  Kamerstukk); afkortingen, woorden met cijfers, web- en e-mailadressen, Engelse passages, woorden tussen
  aanhalingstekens of haakjes (termen die de brief invoert) en overal waar die verder staan, een onbekend woord
  dat twee keer of vaker op dezelfde manier geschreven is (een term, geen tikfout), de oude naamvalsvormen na
  ten/ter/te (ten behoeve, ter plaatse), en wat de regel typo meldt.  Waar het commando hunspell en het
  OpenTaal-woordenboek geïnstalleerd zijn, wordt een woord dat Hunspell kent ook niet gemeld.
  De suggestie is de verbetering die de brief zelf gebruikt, anders de gangbaarste.  --fix past die toe als het
  het enige woord op één bewerking afstand is; anders is het een onveilige fix (--unsafe-fixes).

Waarom
  Een tikfout (kabnet, Kamerstukk) in een brief aan de Kamer ziet elke lezer, en tekstexports en Markdown
  hebben geen spellingcontrole.  De regel meldt alleen tikfouten waar hij zeker van is: een melding die u moet
  wegklikken kost meer vertrouwen dan een tikfout die hij mist.  Zet voor elk onbekend woord de regel
  `spelling` aan (Hunspell, op niveau info).

Opties
  words: extra woorden die goed zijn (termen van uw organisatie, namen).  word-file: een bestand met zulke
    woorden, één per regel (een pad ten opzichte van het configuratiebestand dat het noemt).
  use-terms: accepteer de beschermde termen van de regel typo (standaard true).
  repeated: een onbekend woord dat zo vaak geschreven is, is een term en geen tikfout (standaard 2).
  second-opinion: auto (het commando hunspell waar dat geïnstalleerd is), hunspell, spylls (puur Python,
    ongeveer 2 s laden) of none.
  hyphens: controleer ook streepjes tussen afkorting en woord en weglatingsstreepjes (standaard true).
  fix: safe (standaard: --fix past een unieke verbetering op één bewerking toe), unsafe (alleen met
    --unsafe-fixes) of none.
"""  # the documentation in Dutch: same structure, same examples

ID = "misspelling"
SEVERITY = "warning"
SUMMARY = msg("Tikfouten in lopende tekst: een onbekend woord op één letter van een bestaand woord (kabnet)",
              "Typing slips in running text: an unknown word one letter from a word that exists (kabnet)")
DEFAULT: dict[str, Any] = {"words": [], "word-file": None, "use-terms": True, "repeated": 2, "second-opinion": "auto",
           "hyphens": True, "fix": "safe"}
CONF = {
    "words": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "word-file": {"type": ["string", "null"]},
    "use-terms": {"type": "boolean"},
    "repeated": {"type": "integer", "minimum": 2},
    "second-opinion": {"enum": ["auto", "hunspell", "spylls", "none"]},
    "hyphens": {"type": "boolean"},
    "fix": {"enum": ["safe", "unsafe", "none"]},
}
FIXABLE = True

SLIP = Msg("«{wrong}» lijkt een tikfout voor «{right}»", "«{wrong}» looks like a typing slip for «{right}»")
OTHERS = Msg(" (of: {others})", " (or: {others})")
ACRONYM = Msg("een afkorting en een woord worden met een koppelteken verbonden: «{right}»",
              "an acronym and a word are joined with a hyphen: «{right}»")
ELISION = Msg("na een weglatingsstreepje komt een spatie: «{right}»",
              "an elision hyphen is followed by a space: «{right}»")
MISSING = ("letterlint: misspelling: de Nederlandse woordenlijst (het Python-pakket pyspellchecker) is niet "
           "(goed) geïnstalleerd; de regel controleert nu niets. Installeer het met: pip install pyspellchecker\n"
           "letterlint: misspelling: the Dutch word list (the Python package pyspellchecker) is missing or damaged; "
           "the rule checks nothing. Install it with: pip install pyspellchecker\n")


class Prepared:
    def __init__(self, checker: slips.Checker | None, typo: Callable[[str, set[str]], list[tuple[int, int]]] | None, options: dict[str, Any]) -> None:
        self.checker, self.typo, self.options = checker, typo, options


def prepare(options: dict[str, Any], where: Where) -> Prepared:
    words = set(options.get("words", [])) | _word_file(options, where)
    typo = None
    lists = getattr(where, "wordlists", None)  # the shared typo list and protected terms (letterlint.wordlists)
    if lists is not None:
        if options.get("use-terms", True):
            words |= lists.term_words
        if lists.typo_enabled:
            typo = _typo_spans(lists)
    vocab = vocabulary.load()
    if vocab is None:
        import sys

        sys.stderr.write(MISSING)
        return Prepared(None, typo, options)
    from letterlint.hunspell import second_opinion

    checker = slips.Checker(vocab, words, second_opinion(options.get("second-opinion", "auto")),
                            english=lambda: vocabulary.load("en"), english_identity=vocabulary.identity("en"))
    return Prepared(checker, typo, options)


def _word_file(options: dict[str, Any], where: Where) -> set[str]:
    word_file = options.get("word-file")
    if not word_file:
        return set()
    path = Path(word_file)
    folder = where.folder("word-file")  # the folder of the configuration file that names it
    if not path.is_absolute() and folder is not None:
        path = folder / path
    try:
        return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    except OSError as exc:
        raise where.error(("word-file",), f"expected a readable file of words, one a line ({exc})") from None


def _typo_spans(lists: WordLists) -> Callable[[str, set[str]], list[tuple[int, int]]]:
    """Where the typo rule (its list and the near-misses of the protected terms) reports something in a text
    (the list is compiled on first use: most letters have no slip to compare with the typo rule's)."""

    def spans(text: str, defined: set[str]) -> list[tuple[int, int]]:
        out = [(s, e) for s, e, *_ in lists.phrases.finditer(text)]
        if lists.near_misses:
            out += [(h.start, h.end) for h in lists.lexicon.scan(text, defined)]
        return out

    return spans


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    prepared: Prepared = ctx.prepared
    if prepared is None or prepared.checker is None:
        return
    pars = [p for p in doc.blocks() if p.text]
    letter = slips.Letter([p.text for p in pars])  # its words counted once, for both searches
    found = slips.find(pars, prepared.checker, prepared.options.get("repeated", 2), letter)
    hyphens = slips.hyphen_slips(pars, prepared.checker, letter) if prepared.options.get("hyphens", True) else []
    if not found and not hyphens:
        return
    taken = _typo_taken(found, hyphens, pars, prepared.typo)
    mode = prepared.options.get("fix", "safe")
    for slip in found:
        if not any(a < slip.end and slip.start < b for a, b in taken.get(id(slip.paragraph), ())):
            yield _slip_finding(doc, slip, mode)
    for h in hyphens:
        location = doc.locate(h.paragraph, h.start, h.end)
        if location.text != h.found:
            continue  # the source has something the text lost there (a .docx non-breaking hyphen)
        template = ACRONYM if h.kind == "acronym" else ELISION
        yield Finding(location=location,
                      message=Msg(template.nl.format(right=h.right), template.en.format(right=h.right)),
                      suggestion=msg(h.right), fix=_fix(h.right, True, mode))


def _typo_taken(found: list[slips.Slip], hyphens: list[slips.HyphenSlip], pars: list[Paragraph],
                typo: Callable[[str, set[str]], list[tuple[int, int]]] | None) -> dict[int, list]:
    if typo is None:
        return {}
    defined = defined_acronyms(p.text for p in pars)
    marked: list[slips.Slip | slips.HyphenSlip] = [*found, *hyphens]
    return {id(p): typo(p.text, defined) for p in {id(s.paragraph): s.paragraph for s in marked}.values()}


def _slip_finding(doc: Document, slip: slips.Slip, mode: str) -> Finding:
    right, others = slip.suggestions[0], slip.suggestions[1:]
    nl, en = SLIP.nl.format(wrong=slip.word, right=right), SLIP.en.format(wrong=slip.word, right=right)
    if others:
        nl += OTHERS.nl.format(others=", ".join(f"«{o}»" for o in others))
        en += OTHERS.en.format(others=", ".join(f"«{o}»" for o in others))
    return Finding(location=doc.locate(slip.paragraph, slip.start, slip.end), message=Msg(nl, en),
                   suggestion=msg(right), fix=_fix(right, not others and slip.edits == 1, mode))


def _fix(replacement: str, unique: bool, mode: str) -> Fix | None:
    if mode == "none":
        return None
    return Fix(replacement, safe=unique and mode == "safe")

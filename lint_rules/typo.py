"""Misspellings of fixed terms, acronyms and house-style words: a wrong → right list, and near-misses of protected terms.

What it checks
  1. Every entry of the list (``wrong`` → ``right``) in every paragraph and footnote.  Entries match on word
     boundaries, across any run of spaces or a line break, with straight or curly apostrophes.  Case follows
     the entry: acronyms (RVIM) and case-only corrections (kamerlid → Kamerlid) match exactly as written;
     other entries also match with a capital first letter, and the suggestion follows.  ``stem: true`` also
     catches longer forms (staatsecretarissen).
  2. Near-misses of the protected terms (``terms``): a word one letter away from a protected term of four or
     more letters — a letter left out, added or replaced, or two adjacent letters swapped (RVMI, Omgevinsgwet,
     staatsecretaris, Rijkswaterstraat).  A multi-word term matches only as a whole, all words but one exact
     (bevoegd bezag), so a real word that happens to be one letter away (bezag) is flagged only beside the
     term's other words.  Words that are themselves protected, or listed as a term's ``neighbours`` (GGZ beside
     GGD), are never flagged, nor inflections (bevoegde gezag), nor acronyms the document defines itself
     ("(AMVI)").  In a four-letter acronym only a swap counts: RIVO and IenM are other bodies.
  3. The case of protected acronyms: Rivm, Nvwa, IENW → RIVM, NVWA, IenW (not in all-capital text).
  What the list already reports is not reported again as a near-miss.  Text inside web addresses is left alone.

Why
  A misspelled institution or fixed term (RVIM, bevoegd bezag, staatsecretaris) in a letter to Parliament
  is noticed by every reader, and spellcheckers do not know these terms.  The list catches known slips; the
  lexicon catches the new ones writers make every day.

Options
  entries: the wrong → right list; null (default) is the shipped list (letterlint/data/wordlists.yaml,
    shared with spelling and term-consistency); a list of your own replaces it. Each entry: wrong, right,
    and optionally case (auto, exact, ignore), stem (true/false), note, fix (safe, unsafe, none) and
    examples: {match: [...], no-match: [...]}. Examples are checked when the configuration loads; an
    example that fails is a configuration error.
  extra-entries: your own additions to the list, kept apart so that the bundled list still applies.
  terms: the protected-term lexicon; null (default) is the shipped one (letterlint/data/wordlists.yaml).
    Each term is a string ("RIVM", "bevoegd gezag") or a mapping: term, and optionally forms (other
    protected forms: plurals), neighbours (real words one letter away, never slips of it), near-miss (false: protect the term, look for no near-misses), note, and examples
    {match, no-match} checked when the configuration loads.
  extra-terms: your own protected terms (the names of your organisation, programme, project).
  near-misses: false switches parts 2 and 3 off.
  fix: what a near-miss's suggestion may do: unsafe (default: only with --unsafe-fixes) or none.

Bad::

    Het RVIM adviseert het bevoegd bezag; de staatsecretaris neemt dat over.
    Onder de Omgevinsgwet adviseert het RIMV de Rijkswaterstraat.

Good::

    Het RIVM adviseert het bevoegd gezag; de staatssecretaris neemt dat over.
    De bevoegde gezagen, de GGD’en en de GGZ; hij bezag het rapport van de Adviescommissie (AMVI).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from letterlint import analyses
from letterlint.findings import Finding, Fix, Msg, msg
from letterlint.lexicon import DefinedAcronyms, Lexicon, check_term_examples
from letterlint.wordlists import Screen, WordLists
from letterlint.yamlrules import phrases_from_entries

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.lexicon import Hit
    from letterlint.model import Document, Paragraph
    from letterlint.phrases import Phrase, PhraseList
    from letterlint.registry import RuleContext
    from letterlint.runner import Where

DOC_NL = """Verschrijvingen van vaste termen, afkortingen en huisstijlwoorden: een lijst fout → goed, en bijna-treffers van beschermde termen.

Wat het controleert
  1. Elk paar van de lijst (``wrong`` → ``right``) in elke alinea en voetnoot.  Een paar wordt gevonden op
     woordgrenzen, over een of meer spaties of een regelovergang heen, met rechte of gekrulde apostrof.  De
     hoofdletters volgen het paar: afkortingen (RVIM) en correcties van alleen hoofdletters (kamerlid →
     Kamerlid) worden precies zo gevonden als ze geschreven zijn; andere paren ook met een hoofdletter vooraan,
     en de suggestie neemt die over.  ``stem: true`` vindt ook langere vormen (staatsecretarissen).
  2. Bijna-treffers van de beschermde termen (``terms``): een woord dat één letter afwijkt van een beschermde
     term van vier of meer letters — een letter weggelaten, toegevoegd of vervangen, of twee naburige letters
     verwisseld (RVMI, Omgevinsgwet, staatsecretaris, Rijkswaterstraat).  Een term van meer woorden telt
     alleen als geheel, met alle woorden op één na exact (bevoegd bezag); een bestaand woord dat toevallig één
     letter afwijkt (bezag) wordt dus alleen gemeld naast de andere woorden van de term.  Woorden die zelf
     beschermd zijn of als ``neighbours`` van een term staan (GGZ naast GGD) worden nooit gemeld, net zomin
     als verbuigingen (bevoegde gezag) en afkortingen die het document zelf invoert ("(AMVI)").  In een
     afkorting van vier letters telt alleen een verwisseling: RIVO en IenM zijn andere organisaties.
  3. De hoofdletters van beschermde afkortingen: Rivm, Nvwa, IENW → RIVM, NVWA, IenW (niet in tekst die
     helemaal in hoofdletters staat).
  Wat de lijst al meldt, wordt niet nog eens als bijna-treffer gemeld.  Tekst in webadressen blijft buiten
  beschouwing.

Waarom
  Een verschreven organisatie of vaste term (RVIM, bevoegd bezag, staatsecretaris) in een brief aan de Kamer
  valt elke lezer op, en spellingcontroles kennen deze termen niet.  De lijst vangt bekende verschrijvingen;
  het lexicon vangt de nieuwe die schrijvers elke dag maken.

Opties
  entries: de lijst fout → goed; null (standaard) is de meegeleverde lijst (letterlint/data/wordlists.yaml,
    gedeeld met spelling en term-consistency); een eigen lijst vervangt die.  Elk paar: wrong, right, en
    eventueel case (auto, exact, ignore), stem (true/false), note, fix (safe, unsafe, none) en
    examples: {match: [...], no-match: [...]}.  Voorbeelden worden gecontroleerd bij het laden van de
    configuratie; een voorbeeld dat niet klopt is een configuratiefout.
  extra-entries: uw eigen aanvullingen op de lijst, apart gehouden zodat de meegeleverde lijst blijft gelden.
  terms: het lexicon van beschermde termen; null (standaard) is het meegeleverde (letterlint/data/wordlists.yaml).
    Elke term is een tekst ("RIVM", "bevoegd gezag") of een mapping: term, en eventueel forms (andere
    beschermde vormen: meervouden), neighbours (bestaande woorden op één letter afstand, nooit een
    verschrijving ervan), near-miss (false: bescherm de term, zoek geen bijna-treffers), note, en examples
    {match, no-match}, gecontroleerd bij het laden van de configuratie.
  extra-terms: uw eigen beschermde termen (de namen van uw organisatie, programma, project).
  near-misses: false zet deel 2 en 3 uit.
  fix: wat de suggestie bij een bijna-treffer mag doen: unsafe (standaard: alleen met --unsafe-fixes) of none.
"""  # the documentation in Dutch: same structure, same examples

ID = "typo"
SEVERITY = "warning"
SUMMARY = msg(
    "Tikfouten in vaste termen en afkortingen: een lijst (RVIM → RIVM) en bijna-treffers van beschermde termen",
    "Misspelled fixed terms and acronyms: a list (RVIM → RIVM) and near-misses of protected terms",
)
_TERM = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["term"],
            "properties": {
                "term": {"type": "string", "minLength": 1},
                "forms": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "neighbours": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "near-miss": {"type": "boolean"},
                "note": {"type": "string"},
                "examples": {"$ref": "#/$defs/examples"},
            },
        },
    ]
}
# entries / terms: None means the shipped lists (letterlint/data/wordlists.yaml; see letterlint.wordlists)
DEFAULT: dict[str, Any] = {"entries": None, "extra-entries": [], "terms": None, "extra-terms": [], "near-misses": True, "fix": "unsafe"}
CONF = {
    "entries": {"type": ["array", "null"], "items": {"$ref": "#/$defs/phrase-entry"}},
    "extra-entries": {"type": "array", "items": {"$ref": "#/$defs/phrase-entry"}},
    "terms": {"type": ["array", "null"], "items": _TERM},
    "extra-terms": {"type": "array", "items": _TERM},
    "near-misses": {"type": "boolean"},
    "fix": {"enum": ["unsafe", "none"]},
}
FIXABLE = True

MESSAGE = Msg("«{wrong}» is een bekende schrijffout; schrijf «{right}»", "«{wrong}» is a known misspelling; write «{right}»")
NEAR_MISS = Msg("«{wrong}» lijkt een verschrijving van «{right}»", "«{wrong}» looks like a misspelling of «{right}»")
CASE = Msg("«{wrong}» wordt geschreven als «{right}»", "«{wrong}» is written «{right}»")


class Prepared:
    def __init__(self, phrases: PhraseList, lexicon: Lexicon | None, fix: str, kept: tuple | None = None) -> None:
        self.phrases, self.lexicon, self.fix = phrases, lexicon, fix
        # the tokens it has seen, kept from letter to letter (and the quiet words from run to run: `kept`,
        # the lists' fingerprint)
        self.screen = Screen(phrases, lexicon, kept)


def prepare(options: dict[str, Any], where: Where) -> Prepared:
    """The shared word lists (as this rule's options make them), with the examples of what the
    configuration itself lists checked: a failing example names its file, line and key."""
    lists: WordLists = where.wordlists
    for key in ("entries", "extra-entries"):
        if options.get(key) is not None:
            phrases_from_entries(options[key], where, (key,))
    lexicon = lists.lexicon if options.get("near-misses", True) else None
    if lexicon is not None:
        for key in ("terms", "extra-terms"):
            for i, entry in enumerate(options.get(key) or []):
                if isinstance(entry, dict):
                    check_term_examples(lexicon, entry.get("examples") or {}, where, (key, i, "examples"))
    return Prepared(lists.phrases, lexicon, options.get("fix", "unsafe"), lists.fingerprint())


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """The paragraphs the screen picks (one pass over the document's tokens) are scanned; the others
    cannot hold a hit of either list."""
    prepared: Prepared = ctx.prepared
    pars = [p for p in doc.blocks() if p.text]
    defined = DefinedAcronyms(lambda: (p.text for p in doc.blocks()))
    addresses = analyses.of(doc).addresses
    for i, keys, near in prepared.screen.select([p.text for p in pars]):
        par = pars[i]
        urls = addresses.spans(par)
        taken = list(urls)
        if keys or prepared.phrases.everywhere:
            yield from _listed(doc, par, prepared.phrases.finditer_screened(par.text, keys), urls, taken)
        if near and prepared.lexicon is not None:
            hits = prepared.lexicon.scan(par.text, defined, taken, prepared.screen.quiet)
            yield from _near_misses(doc, par, hits, prepared.fix)


def _listed(doc: Document, par: Paragraph, found: Iterator[tuple[int, int, Phrase, str]],
            urls: list[tuple[int, int]], taken: list[tuple[int, int]]) -> Iterator[Finding]:
    """Findings for the list's matches in one paragraph; their spans are added to `taken`."""
    text = par.text
    for start, end, phrase, suggestion in found:
        if any(s < end and start < e for s, e in urls):
            continue  # web and mail addresses are spelled as they are
        taken.append((start, end))
        values = {"wrong": text[start:end], "right": suggestion}
        fix_kind = (phrase.data or {}).get("fix", "safe")
        yield Finding(
            location=doc.locate(par, start, end),
            message=Msg(MESSAGE.nl.format(**values), MESSAGE.en.format(**values)),
            suggestion=Msg(suggestion, suggestion),
            fix=Fix.text_edit(par, start, end, suggestion, "safe" if fix_kind == "safe" else "unsafe")
            if fix_kind != "none" else None,
        )


def _near_misses(doc: Document, par: Paragraph, hits: Iterator[Hit], fix: str) -> Iterator[Finding]:
    for hit in hits:
        template = CASE if hit.kind == "case" else NEAR_MISS
        values = {"wrong": hit.found, "right": hit.suggestion}
        note = f" ({hit.target.note})" if hit.target.note else ""
        yield Finding(
            location=doc.locate(par, hit.start, hit.end),
            message=Msg(template.nl.format(**values) + note, template.en.format(**values) + note),
            suggestion=Msg(hit.suggestion, hit.suggestion),
            fix=Fix.text_edit(par, hit.start, hit.end, hit.suggestion, "unsafe") if fix != "none" else None,
        )

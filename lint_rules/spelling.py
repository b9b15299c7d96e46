"""Dutch spelling: words that the OpenTaal dictionary (Hunspell) does not know (off unless switched on).

What it checks
  Every word of the letter and its footnotes against the Dutch Hunspell dictionary of OpenTaal (Debian
  package hunspell-nl), with the protected terms of the typo rule and your own word list as extra
  dictionaries.  Not checked: acronyms (RIVM, the acronym part of BBT-conclusies), words with digits, names
  (a capitalised word inside a sentence; option skip-names), short abbreviations before a full stop (jl.,
  nr.), web and mail addresses, and words the typo rule already reports.  A hyphenated word is accepted
  when the dictionary knows it whole or knows each of its parts.
  The checker is the hunspell command (apt install hunspell hunspell-nl), or else the pure-Python spylls
  (pip install 'letterlint[spelling]'), which is slower to start (about 2 s for the Dutch dictionary).
  When neither or no dictionary is found, letterlint says once how to install them and checks nothing.

Why
  Word's spellchecker is not run on every export, and text exports and Markdown have none.  The rule is
  off by default and reports at info level: Hunspell does not know every correct Dutch compound
  (netcongestie, meekoppelkansen), so its findings are questions, not errors.

Options
  dictionary: a name (nl_NL, nl) looked up in the usual folders and in DICPATH, or a path without .dic/.aff.
  engine: auto (hunspell, else spylls), hunspell or spylls.
  words: extra words to accept (your organisation's terms, names).  word-file: a file of such words, one a
    line (a path relative to the configuration file that names it).
  use-terms: accept the typo rule's protected terms (default true).
  skip-names: leave capitalised words inside a sentence alone (default true).
  suggest: for how many unknown words per document to ask the checker for suggestions (default 3; each
    takes Hunspell about 0.1 s for Dutch).

Bad::

    De staatsecreatris heeft de raport ontvangen.

Good::

    De staatssecretaris heeft het rapport ontvangen; de AMVI en Chemelot, zie www.iplo.nl.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from letterlint import analyses
from letterlint.findings import Finding, Msg, msg
from letterlint.hunspell import Hunspell, Spylls, find_dictionary  # noqa: F401 (find_dictionary: for tests)
from letterlint.lazyre import lazy
from letterlint.lexicon import in_address

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from letterlint.model import Document
    from letterlint.registry import RuleContext
    from letterlint.runner import Where

DOC_NL = """Nederlandse spelling: woorden die het woordenboek van OpenTaal (Hunspell) niet kent (uit, tenzij aangezet).

Wat het controleert
  Elk woord van de brief en de voetnoten tegen het Nederlandse Hunspell-woordenboek van OpenTaal
  (Debian-pakket hunspell-nl), met de beschermde termen van de regel typo en uw eigen woordenlijst als extra
  woordenboeken.  Niet gecontroleerd: afkortingen (RIVM, het afkortingsdeel van BBT-conclusies), woorden met
  cijfers, namen (een woord met een hoofdletter midden in een zin; optie skip-names), korte afkortingen voor
  een punt (jl., nr.), web- en e-mailadressen, en woorden die de regel typo al meldt.  Een woord met een
  streepje is goed als het woordenboek het als geheel kent of elk van de delen kent.
  De controle gebeurt met het commando hunspell (apt install hunspell hunspell-nl), of anders met spylls in
  puur Python (pip install 'letterlint[spelling]'), dat trager start (ongeveer 2 s voor het Nederlandse
  woordenboek).  Is geen van beide of geen woordenboek te vinden, dan zegt letterlint één keer hoe u ze
  installeert en controleert het niets.

Waarom
  De spellingcontrole van Word draait niet bij elke export, en tekstexports en Markdown hebben er geen.  De
  regel staat standaard uit en meldt op niveau info: Hunspell kent niet elke juiste Nederlandse samenstelling
  (netcongestie, meekoppelkansen), dus de meldingen zijn vragen, geen fouten.

Opties
  dictionary: een naam (nl_NL, nl), gezocht in de gebruikelijke mappen en in DICPATH, of een pad zonder
    .dic/.aff.
  engine: auto (hunspell, anders spylls), hunspell of spylls.
  words: extra woorden die goed zijn (termen van uw organisatie, namen).  word-file: een bestand met zulke
    woorden, één per regel (een pad ten opzichte van het configuratiebestand dat het noemt).
  use-terms: accepteer de beschermde termen van de regel typo (standaard true).
  skip-names: laat woorden met een hoofdletter midden in een zin met rust (standaard true).
  suggest: voor hoeveel onbekende woorden per document de controle om suggesties wordt gevraagd (standaard 3;
    elk kost Hunspell ongeveer 0,1 s voor het Nederlands).
"""  # the documentation in Dutch: same structure, same examples

ID = "spelling"
SEVERITY = "info"
ENABLED = False
SUMMARY = msg("Woorden die het Nederlandse woordenboek (OpenTaal, Hunspell) niet kent",
              "Words the Dutch dictionary (OpenTaal, Hunspell) does not know")
DEFAULT: dict[str, Any] = {"dictionary": "nl_NL", "engine": "auto", "words": [], "word-file": None, "use-terms": True,
           "skip-names": True, "suggest": 3}
CONF = {
    "dictionary": {"type": "string", "minLength": 1},
    "engine": {"enum": ["auto", "hunspell", "spylls"]},
    "words": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "word-file": {"type": ["string", "null"]},
    "use-terms": {"type": "boolean"},
    "skip-names": {"type": "boolean"},
    "suggest": {"type": "integer", "minimum": 0, "maximum": 100},
}

WORD = lazy(r"\p{L}[\p{L}\p{M}'’\-\u2011]*\p{L}\p{M}*|\p{L}")
MESSAGE = Msg("«{word}» staat niet in het woordenboek", "«{word}» is not in the dictionary")
INSTALL_DICTIONARY = ("letterlint: spelling: het Nederlandse woordenboek ({name}.dic en .aff, OpenTaal) is niet gevonden; "
                      "installeer het (Debian/Ubuntu: apt install hunspell-nl) of geef het pad op met "
                      "'dictionary:' onder 'spelling' in rules.yaml. De regel controleert nu niets.\n"
                      "letterlint: spelling: the Dutch dictionary ({name}.dic and .aff, OpenTaal) was not found; "
                      "install it (Debian/Ubuntu: apt install hunspell-nl) or give its path as 'dictionary:'.\n")
INSTALL_ENGINE = ("letterlint: spelling: geen spellingcontrole gevonden; installeer hunspell (apt install hunspell) "
                  "of spylls (pip install 'letterlint[spelling]'). De regel controleert nu niets.\n"
                  "letterlint: spelling: no spellchecker found; install hunspell (apt install hunspell) or spylls "
                  "(pip install 'letterlint[spelling]').\n")
_SAID: set[str] = set()


def _say_once(text: str) -> None:
    if text not in _SAID:
        _SAID.add(text)
        sys.stderr.write(text)


def available(options: dict[str, Any] | None = None) -> bool:
    """Whether a checker and the dictionary are installed (tests of the documented examples skip without)."""
    options = options or DEFAULT
    if find_dictionary(options.get("dictionary", "nl_NL")) is None and find_dictionary("nl") is None:
        return False
    if shutil.which("hunspell"):
        return True
    try:
        import spylls.hunspell  # noqa: F401
    except ImportError:
        return False
    return True


def make_checker(options: dict[str, Any]) -> Hunspell | Spylls | None:
    """The checker the options ask for, or None (after saying once what to install)."""
    name = options.get("dictionary", "nl_NL")
    base = find_dictionary(name)
    if base is None and name == "nl_NL":
        base = find_dictionary("nl")
    if base is None:
        _say_once(INSTALL_DICTIONARY.format(name=name))
        return None
    engine = options.get("engine", "auto")
    exe = shutil.which("hunspell")
    if engine in ("auto", "hunspell") and exe:
        return Hunspell(exe, base)
    if engine in ("auto", "spylls"):
        try:
            return Spylls(base)
        except ImportError:
            pass
    _say_once(INSTALL_ENGINE)
    return None


class Prepared:
    def __init__(self, checker: Hunspell | Spylls | None, accepted: set[str], typo: Callable[[str], bool] | None,
                 suggest: int, skip_names: bool) -> None:
        self.checker, self.accepted, self.typo = checker, accepted, typo
        self.suggest, self.skip_names = suggest, skip_names


def prepare(options: dict[str, Any], where: Where) -> Prepared:
    accepted = {w for w in options.get("words", [])}
    word_file = options.get("word-file")
    if word_file:
        path = Path(word_file)
        folder = where.folder("word-file")
        if not path.is_absolute() and folder is not None:
            path = folder / path
        try:
            accepted |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        except OSError as exc:
            raise where.error(("word-file",), f"expected a readable file of words, one a line ({exc})") from None
    lists = where.wordlists  # the shared typo list and protected terms (letterlint.wordlists)
    if options.get("use-terms", True):
        accepted |= lists.term_words
    typo = lists.typo_flags if lists.typo_enabled else None
    checker = make_checker(options)
    return Prepared(checker, accepted, typo, options.get("suggest", 3), options.get("skip-names", True))


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and (text[j].isspace() or text[j] in "\"'“‘«„(*-–•"):
        j -= 1
    return j < 0 or text[j] in ".!?:;"


def _candidate(word: str, text: str, start: int, end: int, prepared: Prepared) -> bool:
    if len(word) < 2 or word in prepared.accepted or word.lower() in prepared.accepted:
        return False
    capitals = sum(1 for c in word if c.isupper())
    if capitals >= 2 and not any(sum(1 for c in p if c.isupper()) < 2 and len(p) > 1
                                 for p in regex.split(r"[-\u2011’']", word)):
        return False  # an acronym (RIVM, GGD’en, PFAS-BBT)
    if text[end:end + 1] == "." and len(word) <= 4:
        return False  # an abbreviation: jl., nr., bijv.
    if text[end:end + 1] in ("-", "\u2011") or (start and text[start - 1] in ("-", "\u2011")):
        return False  # a part of a compound cut short: "onderzoeks- en meetprogramma", "actie- en -plannen"
    if text[end:end + 1] == ")" and text[end + 1:end + 2].isalpha():
        return False  # "(onderzoeks)gegevens"
    if prepared.skip_names and word[:1].isupper() and not _sentence_start(text, start):
        return False  # a name inside a sentence
    return not in_address(text, start, end)


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    prepared: Prepared = ctx.prepared
    if prepared is None or prepared.checker is None:
        return
    occurrences: dict[str, list] = {}
    addresses = analyses.of(doc).addresses
    for par in doc.blocks():
        text = par.text
        if not text or par.kind == "table":
            continue
        urls = addresses.spans(par)
        for m in WORD.finditer(text):
            word, s, e = m.group(), m.start(), m.end()
            if urls and any(a < e and s < b for a, b in urls):
                continue
            if _candidate(word, text, s, e, prepared):
                occurrences.setdefault(word, []).append((par, s, e))
    if not occurrences:
        return
    # one call of the checker: the words, and the parts of hyphenated words (PFAS-lozing: lozing)
    parts = {w: _parts(w, prepared) for w in occurrences if "-" in w or "\u2011" in w}
    asked = set(occurrences) | {p for ps in parts.values() for p in ps}
    unknown_all = prepared.checker.unknown(sorted(asked))
    unknown = {w for w in occurrences if w in unknown_all}
    # a hyphenated word whose parts are each known, an acronym or a name is accepted (motie-Kostić, PFAS-lozing)
    unknown = {w for w in unknown if not (w in parts and not any(p in unknown_all for p in parts[w]))}
    if prepared.typo is not None:
        unknown = {w for w in unknown if not prepared.typo(w)}
    ordered = sorted(unknown, key=lambda w: (occurrences[w][0][0].part != "body", occurrences[w][0][0].number,
                                             occurrences[w][0][1]))
    suggestions = prepared.checker.suggest(ordered[:prepared.suggest]) if prepared.suggest else {}
    for word in ordered:
        found = [s for s in suggestions.get(word, []) if s != word]
        for par, s, e in occurrences[word]:
            yield Finding(location=doc.locate(par, s, e), message=Msg(MESSAGE.nl.format(word=word), MESSAGE.en.format(word=word)),
                          suggestion=msg(", ".join(found)) if found else None)


def _acronym(part: str) -> bool:
    return sum(1 for c in part if c.isupper()) >= 2


def _parts(word: str, prepared: Prepared) -> list[str]:
    """The parts of a hyphenated word that the checker must know (not acronyms, names or accepted words)."""
    return [p for p in regex.split(r"[-\u2011]", word) if p and p not in prepared.accepted and not _acronym(p)
            and not (prepared.skip_names and p[:1].isupper())]

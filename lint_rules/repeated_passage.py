"""A passage of one or more sentences that recurs in different answers.

What it checks
  Passages of at least ``min-words`` words that occur, verbatim or lightly edited, in two or more answers
  of the letter: a standard closing sentence, a paragraph pasted from another answer, a shared opening.
  Each passage is reported once, at its first place, with all other places.  Where the same sentence recurs
  with a different opening or a changed word, those places are listed with it.
  Not reported:
  * what ``duplicate-answer`` already reports: answers it groups as copies are not compared with each other
    (a passage they share with a third answer is reported);
  * sanctioned standard wording listed in ``allow``;
  * letter furniture (salutation, "Hoogachtend,", signature lines), which is never part of an answer;
  * passages shorter than ``min-words``, such as stock phrases ("om geen stapeling van eisen bovenop het
    bestaande instrumentarium van wet- en regelgeving te creëren", 15 words).
  In a letter without recognised answers (a plain Kamerbrief), the body paragraphs are compared instead:
  a passage that recurs in different paragraphs is reported the same way.

Why
  A passage that recurs in many answers is often pasted boilerplate that does not answer the question it
  stands under, and every copy must be kept in step when the wording changes.  Where the text is meant to
  recur, add it to ``allow``; otherwise refer to one answer, or fit the text to each question.

Options
  min-words: the shortest passage reported, in words (default 25).  In the example draft, the standard
    closing "Mocht er uit deze pilots op een of andere manier een gevolg zijn voor regelgeving, dan wordt
    hierbij regeldruk expliciet meegewogen. Ook wordt hierbij een bedrijfseffectentoets uitgevoerd." has 27
    words and is reported (in five answers); the 15-word stock phrase above is not.  Set 15 to report
    shorter recurring sentences too.
  allow: sanctioned standard wording, one passage per entry (at least five words); a recurring passage
    whose words are (nearly all) in an entry is not reported.  Example::

        repeated-passage:
          allow:
            - De Kamer wordt eind 2026 geïnformeerd over de stand van zaken rondom de pilots.

  max-related: the most other places listed with one finding (default 8).

Bad::

    De leden van de VVD-fractie vragen hoe de meetpilot wordt vormgegeven?
    Antwoord: De pilot start dit voorjaar in drie regio's, samen met de omgevingsdiensten, de GGD'en en de bedrijven zelf. Mocht er uit deze pilots op een of andere manier een gevolg zijn voor regelgeving, dan wordt hierbij regeldruk expliciet meegewogen. Ook wordt hierbij een bedrijfseffectentoets uitgevoerd.
    De leden van de VVD-fractie vragen wat de verkenning voor bedrijven betekent?
    Antwoord: De verkenning moet nog starten; de opdracht wordt na de zomer verleend aan een extern onderzoeksbureau. Mocht er uit deze pilots op een of andere manier een gevolg zijn voor regelgeving, dan wordt hierbij regeldruk expliciet meegewogen. Ook wordt hierbij een bedrijfseffectentoets uitgevoerd.

Good::

    De leden van de VVD-fractie vragen hoe de meetpilot wordt vormgegeven?
    Antwoord: De pilot start dit voorjaar in drie regio's, samen met de omgevingsdiensten, de GGD'en en de bedrijven zelf. Mocht er uit deze pilots op een of andere manier een gevolg zijn voor regelgeving, dan wordt hierbij regeldruk expliciet meegewogen. Ook wordt hierbij een bedrijfseffectentoets uitgevoerd.
    De leden van de VVD-fractie vragen wat de verkenning voor bedrijven betekent?
    Antwoord: De verkenning moet nog starten; de opdracht wordt na de zomer verleend aan een extern onderzoeksbureau. Voor regeldruk en de bedrijfseffectentoets: zie het antwoord op de vorige vraag.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from letterlint.findings import Finding, Msg, Related, msg
from letterlint.similarity import (
    K,
    analyse,
    duplicate_groups,
    locate_words,
    passage_groups,
    shorten,
    snap,
    text_shingles,
    tokens,
)
from letterlint.wording import places

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from letterlint.model import Document
    from letterlint.registry import RuleContext
    from letterlint.runner import Where
    from letterlint.similarity import PassageGroup, Unit

DOC_NL = """Een passage van een of meer zinnen die in verschillende antwoorden terugkomt.

Wat het controleert
  Passages van minstens ``min-words`` woorden die letterlijk of licht bewerkt in twee of meer antwoorden van
  de brief staan: een vaste slotzin, een alinea die uit een ander antwoord is geplakt, een gedeelde opening.
  Elke passage wordt één keer gemeld, op haar eerste plek, met alle andere plekken.  Waar dezelfde zin
  terugkomt met een andere opening of een gewijzigd woord, worden die plekken erbij genoemd.
  Niet gemeld:
  * wat ``duplicate-answer`` al meldt: antwoorden die die regel als kopieën groepeert, worden niet met
    elkaar vergeleken (een passage die ze met een derde antwoord delen, wordt wel gemeld);
  * goedgekeurde standaardteksten die in ``allow`` staan;
  * het vaste kader van de brief (aanhef, "Hoogachtend,", ondertekening), dat nooit bij een antwoord hoort;
  * passages korter dan ``min-words``, zoals vaste formuleringen ("om geen stapeling van eisen bovenop het
    bestaande instrumentarium van wet- en regelgeving te creëren", 15 woorden).
  In een brief zonder herkende antwoorden (een gewone Kamerbrief) worden in plaats daarvan de alinea's van de
  hoofdtekst vergeleken: een passage die in verschillende alinea's terugkomt, wordt op dezelfde manier gemeld.

Waarom
  Een passage die in veel antwoorden terugkomt, is vaak geplakte standaardtekst die de vraag waaronder ze
  staat niet beantwoordt, en elke kopie moet worden bijgewerkt als de tekst verandert.  Is het de bedoeling
  dat de tekst terugkomt, zet hem dan in ``allow``; verwijs anders naar één antwoord, of pas de tekst aan
  elke vraag aan.

Opties
  min-words: de kortste passage die gemeld wordt, in woorden (standaard 25).  In het voorbeeldconcept heeft
    de vaste slotzin "Mocht er uit deze pilots op een of andere manier een gevolg zijn voor regelgeving, dan
    wordt hierbij regeldruk expliciet meegewogen. Ook wordt hierbij een bedrijfseffectentoets uitgevoerd."
    27 woorden en wordt gemeld (in vijf antwoorden); de vaste formulering van 15 woorden hierboven niet.  Zet
    15 om ook kortere terugkerende zinnen te melden.
  allow: goedgekeurde standaardteksten, één passage per regel (minstens vijf woorden); een terugkerende
    passage waarvan de woorden (bijna) allemaal in een regel staan, wordt niet gemeld.  Voorbeeld::

        repeated-passage:
          allow:
            - De Kamer wordt eind 2026 geïnformeerd over de stand van zaken rondom de pilots.

  max-related: het grootste aantal andere plekken dat bij één melding genoemd wordt (standaard 8).
"""  # the documentation in Dutch: same structure, same examples

ID = "repeated-passage"
SEVERITY = "info"
SUMMARY = msg(
    "Een passage die in meer antwoorden terugkomt (vaste tekst, geplakte alinea); een allow-lijst voor vaste formuleringen",
    "A passage that recurs in several answers (boilerplate, a pasted paragraph); an allow list for standard wording",
)
NEEDS = ("similarity",)  # the shared similarity index (letterlint.analyses.RELEASABLE)
DEFAULT = {"min-words": 25, "allow": [], "max-related": 8}
CONF = {
    "min-words": {"type": "integer", "minimum": 8},
    "allow": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "max-related": {"type": "integer", "minimum": 1},
}

SUGGESTION = msg(
    "vaste tekst? Zet hem dan onder repeated-passage: allow in rules.yaml; anders: verwijs naar één antwoord "
    "of stem de tekst af op elke vraag",
    "standard wording? Add it under repeated-passage: allow in rules.yaml; otherwise refer to one answer or "
    "fit the text to each question",
)


def prepare(options: dict[str, Any], where: Where) -> frozenset[int]:
    allowed: set[int] = set()
    for i, entry in enumerate(options.get("allow") or []):
        if len(tokens(entry)) < K:
            raise where.error(("allow", i), f"expected a passage of at least {K} words, got {entry!r}")
        allowed.update(text_shingles(entry))
    return frozenset(allowed)


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    analysis = analyse(doc, ctx.settings)
    units = analysis.units
    min_words = ctx.options["min-words"]
    allowed = ctx.prepared or frozenset()
    limit = ctx.options["max-related"]
    cluster_of: dict[int, int] = {}
    similarity = ctx.settings.get("duplicate-answer.similarity")  # published while duplicate-answer runs
    if similarity is not None and analysis.kind == "answers":
        # answers that duplicate-answer reports as copies of each other are not compared again
        for copies in duplicate_groups(analysis, similarity, ctx.settings["duplicate-answer.min-words"]):
            for m in copies.members:
                cluster_of[m] = copies.members[0]
    noun = ("ander antwoord", "andere antwoorden", "other answer", "other answers") if analysis.kind == "answers" \
        else ("andere alinea", "andere alinea's", "other paragraph", "other paragraphs")
    for group in passage_groups(analysis, min_words, cluster_of):
        if allowed and _allowed(units, group, allowed, min_words):
            continue
        located = []
        for u, s, e in group.places:
            s, e = snap(units[u], s, e)
            located.append((u, s, e, locate_words(doc, units[u], s, e)))
        u0, s0, e0, loc = located[group.lead]
        others = located[: group.lead] + located[group.lead + 1 :]
        n_units = len({u for u, _, _, _ in others if u != u0}) or len(others)
        quote = shorten(units[u0].text_of(s0, e0), 70)
        where_nl, where_en = places([x[3] for x in others], "nl"), places([x[3] for x in others], "en")
        words = e0 - s0
        message = Msg(
            f"Deze passage ({words} woorden) staat ook in {n_units} {noun[0] if n_units == 1 else noun[1]} "
            f"({where_nl}): «{quote}»",
            f"This passage ({words} words) recurs in {n_units} {noun[2] if n_units == 1 else noun[3]} "
            f"({where_en}): «{quote}»",
        )
        related = tuple(
            Related(x[3], Msg(f"zelfde passage ({x[2] - x[1]} woorden)", f"same passage ({x[2] - x[1]} words)"))
            for x in others[:limit]
        )
        yield Finding(loc, message, suggestion=SUGGESTION, related=related)


def _allowed(units: Sequence[Unit], group: PassageGroup, allowed: frozenset[int], min_words: int) -> bool:
    """True when, at some place, fewer than min-words words of the passage lie outside the allowed wording."""
    for u, s, e in group.places:
        hashes = units[u].hashes
        covered = [False] * (e - s)
        for p in range(s, max(s, e - K + 1)):
            if hashes[p] in allowed:
                for w in range(p - s, min(p - s + K, e - s)):
                    covered[w] = True
        if covered.count(False) < min_words:
            return True
    return False

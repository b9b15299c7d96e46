"""Answers that say the question cannot (yet) be answered.

What it checks
  Every answer (after "Antwoord:" or "Antwoord N") for phrases that put the answer off or decline it: "kan
  nog niet worden beantwoord", "kan niet inhoudelijk worden beantwoord", "valt op voorhand niet te zeggen",
  "het kabinet zal in een separate brief op deze vraag ingaan", "de pilot heeft het doel om deze vraag te
  beantwoorden", "de uitkomsten zijn nog niet bekend", "ik kom hierop terug".  One finding (info) per answer,
  on the first such phrase.  The list is an option; add your own.

Why
  Such answers are sometimes right, but reviewers should see every one of them before the letter goes out:
  the Kamer reads them as unanswered questions, and the promised follow-up has to be kept.

Options
  phrases: the bundled list of regular expressions (case-insensitive, matched in the answer's text).
  extra-phrases: your own additions.

Bad::

    Wanneer start de pilot meten bij Tata Steel?
    Antwoord: Deze vraag kan nog niet worden beantwoord.

Good::

    Wanneer start de pilot meten bij Tata Steel?
    Antwoord: De pilot start in september.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import regex

from letterlint.findings import Finding, msg
from letterlint.lazyre import compile_regex
from letterlint.structure import structure
from letterlint.structure.prefilter import Prefilter

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from letterlint.model import Document, Paragraph
    from letterlint.registry import RuleContext
    from letterlint.runner import Where
    from letterlint.structure import AnswerUnit

DOC_NL = """Antwoorden die zeggen dat de vraag (nog) niet te beantwoorden is.

Wat het controleert
  Elk antwoord (na "Antwoord:" of "Antwoord N") op zinsneden die het antwoord uitstellen of afwijzen: "kan
  nog niet worden beantwoord", "kan niet inhoudelijk worden beantwoord", "valt op voorhand niet te zeggen",
  "het kabinet zal in een separate brief op deze vraag ingaan", "de pilot heeft het doel om deze vraag te
  beantwoorden", "de uitkomsten zijn nog niet bekend", "ik kom hierop terug".  Eén melding (info) per
  antwoord, bij de eerste zulke zinsnede.  De lijst is een optie; vul die aan met uw eigen zinsneden.

Waarom
  Zulke antwoorden zijn soms terecht, maar een lezer moet ze allemaal zien voordat de brief de deur uit gaat:
  de Kamer leest ze als onbeantwoorde vragen, en het beloofde vervolg moet worden nagekomen.

Opties
  phrases: de meegeleverde lijst reguliere expressies (hoofdletterongevoelig, gezocht in de tekst van het
    antwoord).
  extra-phrases: uw eigen aanvullingen.
"""  # the documentation in Dutch: same structure, same examples

ID = "deferred-answer"
SEVERITY = "info"
SUMMARY = msg(
    "Antwoorden die zeggen dat de vraag (nog) niet beantwoord kan worden, zodat de reviewer ze ziet",
    "Answers saying that the question cannot (yet) be answered, so that reviewers see them",
)
W = r"(?:\s+[\w’'-]+){0,3}?"  # up to three words in between
DEFAULT = {
    "phrases": [
        rf"\b(?:kan|kunnen|kon|konden){W}\s+(?:(?:nog|nu|helaas|op\s+dit\s+moment|momenteel)\s+)*niet{W}\s+(?:worden\s+)?beantwoord",
        r"\bniet\s+(?:inhoudelijk\s+|volledig\s+|binnen\s+de\s+(?:gebruikelijke\s+|gestelde\s+)?termijn\s+)?(?:te\s+)?beantwoorden\b",
        r"\bniet\s+(?:inhoudelijk\s+|volledig\s+|binnen\s+de\s+(?:gebruikelijke\s+|gestelde\s+)?termijn\s+)(?:worden\s+)?beantwoord",
        r"\b(?:valt|is|zijn)\s+(?:(?:nu|nog|op\s+voorhand|op\s+dit\s+moment|momenteel)\s+)+niet\s+te\s+(?:zeggen|beantwoorden|voorspellen)\b",
        r"\b(?:geen|nog\s+geen)\s+(?:inhoudelijk\s+)?antwoord\s+(?:te\s+)?(?:geven|worden\s+gegeven)\b",
        r"\b(?:in\s+een|per)\s+(?:separate|aparte|afzonderlijke|volgende|latere|nog\s+te\s+verschijnen)\s+brief\b",
        r"\bom\s+deze\s+vra(?:ag|gen)\s+te\s+beantwoorden\b",
        r"\b(?:ik|we|wij|het\s+kabinet)\s+(?:kom|komen|komt|zal|zullen)\s+(?:\w+\s+){0,3}?(?:hier|daar|er|hierop|daarop)\s*(?:\w+\s+){0,3}?(?:op\s+)?terug\b",
        r"\b(?:kom|komen|komt)\s+(?:ik|we|wij|het\s+kabinet)\s+(?:\w+\s+){0,3}?(?:hier|daar|er|hierop|daarop)\s*(?:\w+\s+){0,3}?(?:op\s+)?terug\b",
        r"\b(?:hier|daar|hierop|daarop)\s+(?:kom|komen|komt)\s+(?:ik|we|wij|het\s+kabinet)\s+(?:[\w-]+\s+){0,5}?(?:op\s+)?terug\b",
        r"\b(?:uitkomsten|resultaten|gegevens|cijfers)\s+(?:\w+\s+){0,4}?(?:zijn|is)\s+(?:nu\s+|op\s+dit\s+moment\s+)?nog\s+niet\s+(?:bekend|beschikbaar)\b",
        r"\bantwoord\s+volgt\b",
    ],
    "extra-phrases": [],
}
CONF = {
    "phrases": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "extra-phrases": {"type": "array", "items": {"type": "string", "minLength": 1}},
}


def prepare(options: dict[str, Any], where: Where | None) -> Phrases:
    compiled = []
    for key in ("phrases", "extra-phrases"):
        for i, pattern in enumerate(options.get(key) or []):
            try:
                compiled.append(compile_regex(pattern, regex.IGNORECASE))  # kept between runs (lazyre)
            except regex.error as exc:
                if where is None:  # check() on options that were never prepared
                    raise
                raise where.error((key, i), f"not a valid regular expression: {exc}") from None
    return Phrases(compiled, Prefilter(compiled))


class Phrases(NamedTuple):
    patterns: list[regex.Pattern[str]]
    prefilter: Prefilter  # the words each pattern needs: an answer without them is not searched


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    phrases = ctx.prepared if ctx.prepared is not None else prepare(ctx.options, None)
    if not phrases.patterns:
        return
    s = structure(doc, ctx.settings)
    for a in s.answers:
        hit = _first_hit(a, phrases)
        if hit is None:
            continue
        p, ms, me = hit
        phrase = " ".join(p.text[ms:me].split())
        yield Finding(
            doc.locate(p, ms, me),
            msg(f"Dit antwoord stelt de beantwoording uit of weigert die: «{phrase}»",
                f"This answer puts the answer off or declines it: «{phrase}»"),
            suggestion=msg("Controleer of dat zo kan blijven, en noem zo mogelijk wanneer het antwoord volgt.",
                           "Check that this can stand, and say when the answer will follow where possible."),
        )


def _first_hit(a: AnswerUnit, phrases: Phrases) -> tuple[Paragraph, int, int] | None:
    """The earliest phrase in the first piece of the answer that has one (ties: the first pattern)."""
    for p, start, end in a.pieces():
        text = p.text[:end]
        hit = None
        for i in phrases.prefilter.candidates(text[start:]):
            m = phrases.patterns[i].search(text, start)
            if m and (hit is None or m.start() < hit[1]):
                hit = (p, m.start(), m.end())
        if hit is not None:
            return hit
    return None

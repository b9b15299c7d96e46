"""Questions of the Kamer that the letter does not answer.

What it checks
  In a letter that answers a *schriftelijk overleg* (questions of the parties, each followed by "Antwoord:"):

  * a question with no answer before the next heading or the end of the letter — a paragraph with a question
    mark, or an indirect question or request ("De leden … vragen hoe …", "… verzoeken de staatssecretaris …",
    "Graag ontvangen deze leden een reflectie …").  An error where the paragraph certainly asks something;
    a warning where it only probably does ("Kan de staatssecretaris aangeven …" without a question mark).
    Remarks of the parties that ask nothing ("De leden … merken op dat …") need no answer.
  * several questions followed by one shared answer (common and often right): each question is compared with
    the answer on its distinctive words — names, terms and words that are rare in this letter, after Dutch
    stopwords and the framing of a question are left out — and a question is reported (warning) when the
    answer takes up none of its distinctive words while it does take up those of another question of the
    group.  The finding quotes the question and points at the shared answer.  Where no question stands out
    that way but the answer uses few key words of one of them, and the letter otherwise answers question by
    question, an info finding on the shared answer names its questions, so that a reviewer checks them.

  In answers to written questions ("Vraag 1 … Antwoord 1", also "Vraag 4 en 5"):

  * a Vraag N without an Antwoord N (error), an Antwoord N without a Vraag N (warning: often a label lost at a
    page break), an Antwoord N that occurs twice (error), and answers out of order: an Antwoord N under another
    question (warning; where that question has no answer of its own, the likely typo is named).

Why
  A reviewer must be able to trust that every question put by the Kamer is answered.  A question that is
  passed over in a shared answer is easy to miss in a long letter and is noticed at once in the Kamer.

Options
  shared-answers: judge the questions that share one answer (default true).
  min-distinctive: how many distinctive words a question needs before it can be judged (default 3); a short
    follow-up ("Zo nee, waarom niet?") is never reported.
  before-first-heading: also check the part before the first heading (default false: the covering letter).

Bad::

    Vragen en opmerkingen van de leden van de VVD-fractie
    De leden van de VVD-fractie vragen hoe de staatssecretaris de meetcapaciteit van omgevingsdiensten borgt.
    Antwoord: De omgevingsdiensten investeren zelf in meer eigen meetcapaciteit.
    De leden van de VVD-fractie verzoeken de staatssecretaris de Kamer halfjaarlijks te informeren.

Good::

    Vragen en opmerkingen van de leden van de VVD-fractie
    De leden van de VVD-fractie vragen hoe de staatssecretaris de meetcapaciteit van omgevingsdiensten borgt.
    Antwoord: De omgevingsdiensten investeren zelf in meer eigen meetcapaciteit.
    De leden van de VVD-fractie merken op dat meten discussie kan voorkomen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint.findings import Finding, Related, lower, msg
from letterlint.structure import (
    PARTY_HEADING,
    AnswerUnit,
    QuestionUnit,
    Structure,
    WordMatcher,
    content_words,
    rarity,
    stop_tokens,
    structure,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from letterlint.model import Document, Location
    from letterlint.registry import RuleContext
    from letterlint.structure import NumberLabel

DOC_NL = """Vragen van de Kamer die de brief niet beantwoordt.

Wat het controleert
  In een brief die antwoord geeft op een *schriftelijk overleg* (vragen van de fracties, elk gevolgd door
  "Antwoord:"):

  * een vraag zonder antwoord vóór de volgende kop of het einde van de brief — een alinea met een vraagteken,
    of een indirecte vraag of verzoek ("De leden … vragen hoe …", "… verzoeken de staatssecretaris …",
    "Graag ontvangen deze leden een reflectie …").  Een fout waar de alinea zeker iets vraagt; een
    waarschuwing waar dat alleen waarschijnlijk is ("Kan de staatssecretaris aangeven …" zonder vraagteken).
    Opmerkingen van de fracties die niets vragen ("De leden … merken op dat …") hoeven geen antwoord.
  * meerdere vragen met één gezamenlijk antwoord (gebruikelijk en vaak terecht): elke vraag wordt met het
    antwoord vergeleken op haar kenmerkende woorden — namen, termen en woorden die in deze brief zeldzaam
    zijn, zonder Nederlandse stopwoorden en de inleiding van een vraag — en een vraag wordt gemeld
    (waarschuwing) als het antwoord geen van haar kenmerkende woorden overneemt, terwijl het die van een andere
    vraag uit de groep wel overneemt.  De melding citeert de vraag en wijst naar het gezamenlijke antwoord.
    Springt er zo geen vraag uit, maar gebruikt het antwoord weinig kernwoorden van een ervan, en beantwoordt
    de brief verder vraag voor vraag, dan noemt een melding (info) bij het gezamenlijke antwoord de vragen,
    zodat een lezer ze nakijkt.

  In antwoorden op schriftelijke vragen ("Vraag 1 … Antwoord 1", ook "Vraag 4 en 5"):

  * een Vraag N zonder Antwoord N (fout), een Antwoord N zonder Vraag N (waarschuwing: vaak een label dat bij
    een pagina-einde verloren ging), een Antwoord N dat twee keer voorkomt (fout), en antwoorden in de verkeerde
    volgorde: een Antwoord N onder een andere vraag (waarschuwing; heeft die vraag geen eigen antwoord, dan
    wordt de waarschijnlijke tikfout genoemd).

Waarom
  Een lezer moet erop kunnen vertrouwen dat elke vraag van de Kamer beantwoord is.  Een vraag die in een
  gezamenlijk antwoord wordt overgeslagen, valt in een lange brief makkelijk weg en valt in de Kamer meteen op.

Opties
  shared-answers: beoordeel de vragen die één antwoord delen (standaard true).
  min-distinctive: hoeveel kenmerkende woorden een vraag nodig heeft om beoordeeld te worden (standaard 3);
    een korte vervolgvraag ("Zo nee, waarom niet?") wordt nooit gemeld.
  before-first-heading: controleer ook het deel vóór de eerste kop (standaard false: de begeleidende brief).
"""  # the documentation in Dutch: same structure, same examples

ID = "unanswered-question"
SEVERITY = "error"
SUMMARY = msg(
    "Vragen zonder antwoord, ook vragen die een gedeeld antwoord overslaat, en ontbrekende Antwoord N",
    "Questions without an answer, including questions a shared answer passes over, and missing Antwoord N",
)
DEFAULT = {"shared-answers": True, "min-distinctive": 3, "before-first-heading": False}
CONF = {
    "shared-answers": {"type": "boolean"},
    "min-distinctive": {"type": "integer", "minimum": 1},
    "before-first-heading": {"type": "boolean"},
}

# A word is distinctive when it is rare in this letter: in at most this share of its paragraphs (at least 2).
# Chosen on the test set of tests/qa_eval.py (see the README).
DISTINCTIVE = 0.03
# a sibling question is clearly taken up when the answer has this share of its distinctive weight
SIBLING = 0.1
# below this share a question of a shared answer is pointed out to the reviewer (info)
ADDRESSED = 0.2


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    s = structure(doc, ctx.settings)
    if s.mode == "numbered":
        yield from _numbered(doc, s, ctx)
    elif s.mode == "labelled":
        yield from _labelled(doc, s, ctx)


# -- helpers -----------------------------------------------------------------------------------------------


def shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _question_location(doc: Document, q: QuestionUnit) -> tuple[Location, str]:
    span = q.questions[0] if q.questions else None
    if span is None:
        return doc.locate_paragraph(q.first), q.first.text
    return doc.locate(span.paragraph, span.start, span.end), span.text


def _where(loc: Location) -> str:
    return loc.place("nl")


def _where_en(loc: Location) -> str:
    return loc.place("en")


# -- labelled letters ----------------------------------------------------------------------------------------


def _labelled(doc: Document, s: Structure, ctx: RuleContext) -> Iterator[Finding]:
    opts = ctx.options
    answered = {id(q) for a in s.answers for q in a.questions}
    has_headings = any(sec.heading is not None for sec in s.sections)
    for q in s.questions:
        if id(q) in answered:
            continue
        if has_headings and not opts.get("before-first-heading") and (q.section is None or q.section.heading is None):
            continue
        loc, text = _question_location(doc, q)
        nl_where = "voor de volgende kop" if _has_next_section(s, q) else "voor het einde van de brief"
        en_where = "before the next heading" if _has_next_section(s, q) else "before the end of the letter"
        yield Finding(
            loc,
            msg(f"{'Dit verzoek' if q.request else 'Deze vraag'} krijgt geen antwoord {nl_where}: «{shorten(text)}»",
                f"This {'request' if q.request else 'question'} gets no answer {en_where}: «{shorten(text)}»"),
            suggestion=msg("Voeg een antwoord toe (‘Antwoord: …’), of verwijs naar het antwoord elders in de brief.",
                           "Add an answer ('Antwoord: …'), or refer to the answer elsewhere in the letter."),
            severity=None if q.certain else lower(ctx.severity),
        )
    if opts.get("shared-answers", True):
        single = sum(1 for a in s.answers if len(a.questions) == 1)
        one_by_one = bool(s.answers) and single / len(s.answers) >= 0.8
        for a in s.answers:
            if len(a.questions) > 1:
                yield from _shared(doc, a, ctx, one_by_one)


def _has_next_section(s: Structure, q: QuestionUnit) -> bool:
    start = q.section.start if q.section is not None else 0
    return any(sec.heading is not None and sec.start > start for sec in s.sections)


JOINT = ("gezamenlijk beantwoord", "samen beantwoord", "in samenhang beantwoord", "tezamen beantwoord",
         "gezamenlijk beantwoorden", "in samenhang beantwoorden")


def framing_words(q: QuestionUnit) -> frozenset[str]:
    """Tokens of the party's name and heading: they are in the question and never in the answer."""
    words: list[str] = []
    party = q.section.party if q.section is not None else None
    if party:
        words += party.replace("-", " ").split() + [party + "-fractie"]
    for p in q.paragraphs:
        m = PARTY_HEADING.search(p.text)
        if m:
            words += m.group(0).split()
    return stop_tokens(words)


def judge(doc: Document, answer: AnswerUnit) -> list[tuple[QuestionUnit, float, list[str], list[str]]]:
    """For each question of a shared answer: the share of its distinctive weight the answer takes up, its
    distinctive words, and those the answer has."""
    r = rarity(doc)
    matcher = WordMatcher(answer.text)
    out = []
    for q in answer.questions:
        words = set(content_words(q.text, framing_words(q)))
        words = {w for w in words if not w.endswith("fractie")}
        distinctive = [w for w in words if r.distinctive(w, DISTINCTIVE)]
        total = sum(r.weight(w) for w in distinctive)
        hits = [w for w in distinctive if w in matcher]
        share = sum(r.weight(w) for w in hits) / total if total else 0.0
        order = sorted(distinctive, key=lambda w: (-r.weight(w), -len(w), w))
        out.append((q, share, order, hits))
    return out


def _shared(doc: Document, a: AnswerUnit, ctx: RuleContext, one_by_one: bool) -> Iterator[Finding]:
    text = a.text.lower()
    if any(j in text for j in JOINT):
        return
    min_distinctive = ctx.options.get("min-distinctive", 3)
    judged = [j for j in judge(doc, a) if j[0].questions]
    if len(judged) < 2:
        return
    answer_loc = doc.locate(a.label.paragraph, a.label.start, a.label.end) if a.label else doc.locate_paragraph(a.first)
    related: tuple[Related, ...] = (Related(answer_loc, msg("het gedeelde antwoord", "the shared answer")),)
    warned = False
    for q, share, distinctive, _hits in judged:
        if len(distinctive) < min_distinctive or share > 0:
            continue
        others = [j for j in judged if j[0] is not q]
        if max(o[1] for o in others) < SIBLING or not any(o[3] for o in others):
            continue  # the answer takes up no other question clearly either: too little to go on
        loc, qtext = _question_location(doc, q)
        yield Finding(
            loc,
            msg(f"Het gedeelde antwoord ({_where(answer_loc)}) gaat niet in op deze vraag: «{shorten(qtext)}» "
                f"(niets over {_words(q, distinctive)})",
                f"The shared answer ({_where_en(answer_loc)}) does not take up this question: «{shorten(qtext)}» "
                f"(nothing about {_words(q, distinctive)})"),
            suggestion=msg("Beantwoord deze vraag apart, of vul het gedeelde antwoord aan.",
                           "Answer this question separately, or complete the shared answer."),
            severity=lower(ctx.severity),
            related=related,
        )
        warned = True
    if warned:
        return
    # no clear case: where this letter otherwise answers question by question, show the reviewer the shared
    # answer and the question it says least about
    if not one_by_one:
        return
    ranked = sorted(judged, key=lambda j: j[1])
    q, share, distinctive, hits = ranked[0]
    if share >= ADDRESSED or len(distinctive) < min_distinctive:
        return
    locs = [_question_location(doc, j[0]) for j in judged]
    nl_lines = ", ".join(_where(x) for x, _ in locs)
    en_lines = ", ".join(_where_en(x) for x, _ in locs)
    related = tuple(Related(x, msg("een van de vragen", "one of the questions")) for x, _ in locs)
    if ranked[1][1] - share >= 0.05:  # one question stands out: name it
        qloc, qtext = _question_location(doc, q)
        nl = (f"Dit ene antwoord volgt op {len(judged)} vragen ({nl_lines}) en gebruikt de minste kernwoorden van die "
              f"op {_where(qloc)}: «{shorten(qtext, 70)}» — ga na of elke vraag beantwoord is")
        en = (f"This one answer follows {len(judged)} questions ({en_lines}) and uses the fewest key words of the one "
              f"at {_where_en(qloc)}: «{shorten(qtext, 70)}» — check that each question is answered")
    else:
        nl = (f"Dit ene antwoord volgt op {len(judged)} vragen ({nl_lines}) en gebruikt weinig kernwoorden van die "
              f"vragen — ga na of elke vraag beantwoord is")
        en = (f"This one answer follows {len(judged)} questions ({en_lines}) and uses few of their key words — "
              f"check that each question is answered")
    yield Finding(
        answer_loc,
        msg(nl, en),
        suggestion=msg("Beantwoord de vragen apart, of laat het gedeelde antwoord op elke vraag ingaan.",
                       "Answer the questions separately, or let the shared answer take up each of them."),
        severity=lower(lower(ctx.severity)),
        related=related,
    )


def _words(q: QuestionUnit, distinctive: list[str]) -> str:
    """The first distinctive words, as the question writes them."""
    from letterlint.structure import WORD_TOKEN, norm

    wanted = set(distinctive[:4])
    shown: dict[str, str] = {}
    for m in WORD_TOKEN.finditer(q.text):
        n = norm(m.group())
        if n in wanted and n not in shown:
            shown[n] = m.group()
    return ", ".join(shown.get(w, w) for w in distinctive[:4])


# -- numbered letters ------------------------------------------------------------------------------------------


def _label_loc(doc: Document, lab: NumberLabel) -> Location:
    return doc.locate(lab.span.paragraph, lab.span.start, lab.span.end)


def _nums(numbers: Sequence[str]) -> str:
    return " en ".join(numbers) if len(numbers) <= 2 else ", ".join(numbers[:-1]) + " en " + numbers[-1]


def _numbered(doc: Document, s: Structure, ctx: RuleContext) -> Iterator[Finding]:
    labels = s.labels
    vraag_at: dict[str, list] = {}
    antwoord_at: dict[str, list] = {}
    for lab in labels:
        target = vraag_at if lab.kind == "vraag" else antwoord_at
        for n in lab.numbers:
            target.setdefault(n, []).append(lab)
    answered: set[str] = {n for a in s.answers if a.label is None for n in a.numbers}  # (answer-label reports these)
    # question numbers that have had their answer (or a mistyped one), or an answer without its label
    pending: dict[str, None] = {}  # question numbers asked and not yet answered (an ordered set)
    last_vraag = None
    seen_answer: dict[str, NumberLabel] = {}
    for lab in labels:
        if lab.kind == "vraag":
            for n in lab.numbers:
                if vraag_at[n][0] is not lab:
                    yield Finding(
                        _label_loc(doc, lab),
                        msg(f"«Vraag {n}» staat twee keer in de brief", f"«Vraag {n}» occurs twice in the letter"),
                        suggestion=msg("Controleer de nummering van de vragen.", "Check the numbering of the questions."),
                        severity=lower(ctx.severity),
                        related=(Related(_label_loc(doc, vraag_at[n][0]), msg(f"de eerste Vraag {n}", f"the first Vraag {n}")),),
                    )
                pending.setdefault(n, None)
            last_vraag = lab
            continue
        loc = _label_loc(doc, lab)
        nums = lab.numbers
        under = last_vraag.numbers if last_vraag is not None else ()
        under_open = [m for m in under if m not in answered and m not in nums]
        # the question right above has no answer anywhere: this label is most likely a typo for its number
        typo = bool(under_open) and not any(m in antwoord_at for m in under_open)
        for n in nums:
            if typo and (n not in vraag_at or n in seen_answer):
                # one finding naming the likely typo, not "no such Vraag" / "answered twice" besides
                yield _typo(doc, lab, n, under_open, last_vraag)
                answered.update(under_open)
                continue
            if n not in vraag_at:
                yield Finding(
                    loc,
                    msg(f"Bij «Antwoord {n}» hoort geen «Vraag {n}»: is het label van de vraag verloren gegaan?",
                        f"«Antwoord {n}» has no «Vraag {n}»: was the question's label lost?"),
                    suggestion=msg(f"Zet ‘Vraag {n}’ boven de tekst van de vraag, of corrigeer het nummer.",
                                   f"Put 'Vraag {n}' above the question's text, or correct the number."),
                    severity=lower(ctx.severity),
                )
                continue
            if n in seen_answer:
                yield Finding(
                    loc,
                    msg(f"«Antwoord {n}» staat twee keer in de brief", f"«Antwoord {n}» occurs twice in the letter"),
                    suggestion=msg("Verwijder het dubbele antwoord of corrigeer het nummer.",
                                   "Remove the duplicate answer or correct its number."),
                    related=(Related(_label_loc(doc, seen_answer[n]), msg(f"het eerste Antwoord {n}",
                                                                           f"the first Antwoord {n}")),),
                )
                continue
            out_of_order = n not in pending or (
                last_vraag is not None and n not in last_vraag.numbers and all(m in answered for m in last_vraag.numbers)
            )
            if out_of_order and typo:
                yield _typo(doc, lab, n, under_open, last_vraag)
                answered.update(under_open)
                continue
            if out_of_order:
                where = f"onder «{last_vraag.span.text.strip()}»" if last_vraag is not None else "voor de vragen"
                where_en = f"under «{last_vraag.span.text.strip()}»" if last_vraag is not None else "before the questions"
                yield Finding(
                    loc,
                    msg(f"«Antwoord {n}» staat niet bij «Vraag {n}» maar {where}",
                        f"«Antwoord {n}» is not with «Vraag {n}» but {where_en}"),
                    suggestion=msg(f"Zet het antwoord direct na Vraag {n}.", f"Put the answer right after Vraag {n}."),
                    severity=lower(ctx.severity),
                    related=(Related(_label_loc(doc, vraag_at[n][0]), msg(f"Vraag {n}", f"Vraag {n}")),),
                )
            seen_answer[n] = lab
            answered.add(n)
            pending.pop(n, None)
    # questions that never got an answer
    unit_of = {(id(q.label.paragraph), q.label.start): q for q in s.questions if q.label is not None}
    for n, labs in vraag_at.items():
        lab = labs[0]
        if n in answered or n in antwoord_at or lab.numbers[0] != n and any(m not in answered for m in lab.numbers[:lab.numbers.index(n)]):
            continue
        missing = [m for m in lab.numbers if m not in answered and m not in antwoord_at]
        q = unit_of.get((id(lab.span.paragraph), lab.span.start))
        qtext = q.text if q is not None else ""
        quote_nl = f": «{shorten(qtext, 70)}»" if qtext else ""
        yield Finding(
            _label_loc(doc, lab),
            msg(f"Bij «Vraag {_nums(missing)}» staat geen «Antwoord {_nums(missing)}»{quote_nl}",
                f"«Vraag {_nums(missing)}» has no «Antwoord {_nums(missing)}»{quote_nl}"),
            suggestion=msg(f"Voeg ‘Antwoord {_nums(missing)}’ toe na de vraag.",
                           f"Add 'Antwoord {_nums(missing)}' after the question."),
        )
        answered.update(missing)


def _typo(doc, lab, n, under_open, last_vraag):
    want = _nums(under_open)
    return Finding(
        _label_loc(doc, lab),
        msg(f"«Antwoord {n}» staat onder «{last_vraag.span.text.strip()}», die nog geen antwoord heeft: "
            f"bedoeld is waarschijnlijk «Antwoord {want}»",
            f"«Antwoord {n}» is under «{last_vraag.span.text.strip()}», which has no answer yet: "
            f"«Antwoord {want}» is probably meant"),
        suggestion=msg(f"Corrigeer het nummer in ‘Antwoord {want}’.", f"Correct the number to 'Antwoord {want}'."),
        related=(Related(_label_loc(doc, last_vraag), msg(f"Vraag {want}", f"Vraag {want}")),),
    )

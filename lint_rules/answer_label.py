"""Answer labels: missing, misspelled, followed by nothing, or followed by a placeholder.

What it checks
  * Answer text without its label where the letter otherwise labels its answers: a paragraph that answers the
    question before it but does not open with "Antwoord:" (the labels are `settings.answer-labels`).  In a
    numbered letter: text after "Vraag N" that reads as an answer, with no "Antwoord N" before it.
  * A label that differs from the letter's own house style: "Antwoord;", "Antwoord :", "Antwoord" without the
    colon, "antwoord:", or a misspelled label word ("Antwoorrd:").  The house style is what most labels in the
    letter look like (at least three, and at least 60% of them).  The fix rewrites the label in the house
    style; it is safe.
  * A label followed by nothing (error): no answer text before the next question or heading.
  * A placeholder answer (error): "PM", "p.m.", "nog invullen", "TODO", "XXX" anywhere in an answer; "volgt",
    "[…]", "…" when they are (almost) all of it.  The list is `settings.answer-placeholders`.

Why
  Reviewers, the Kamer and the tools that publish the letter find answers by their labels; a placeholder or
  an empty answer is an unanswered question on its way out of the door.

Options
  unlabelled: report answers that have lost their label (default true).
  style: report labels that differ from the house style (default true).

Bad::

    De leden van de VVD-fractie vragen hoe de staatssecretaris de meetcapaciteit borgt.
    Antwoord: De omgevingsdiensten investeren in meer eigen meetcapaciteit.
    Hoe wordt de kwaliteit van de metingen bewaakt?
    Antwoord: De metingen worden geaccrediteerd uitgevoerd.
    Wanneer start de pilot meten?
    Antwoord; De pilot start in het najaar.
    Wie voert de pilot uit?
    Antwoord: PM

Good::

    De leden van de VVD-fractie vragen hoe de staatssecretaris de meetcapaciteit borgt.
    Antwoord: De omgevingsdiensten investeren in meer eigen meetcapaciteit.
    Hoe wordt de kwaliteit van de metingen bewaakt?
    Antwoord: De metingen worden geaccrediteerd uitgevoerd.
    Wanneer start de pilot meten?
    Antwoord: De pilot start in het najaar.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import TYPE_CHECKING

import regex

from letterlint.findings import Finding, Fix, lower, msg
from letterlint.lazyre import compile_regex, lazy
from letterlint.structure import PAGE_FURNITURE, AnswerUnit, labels, placeholders, sentences, structure
from letterlint.structure.prefilter import Prefilter

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.model import Document, Paragraph
    from letterlint.registry import RuleContext
    from letterlint.structure import Structure

DOC_NL = """Antwoordlabels: ontbrekend, verschreven, zonder tekst erna of met een opvultekst erna.

Wat het controleert
  * Antwoordtekst zonder label waar de brief zijn antwoorden verder wel labelt: een alinea die antwoord geeft
    op de vraag ervoor maar niet begint met "Antwoord:" (de labels staan in `settings.answer-labels`).  In een
    genummerde brief: tekst na "Vraag N" die leest als een antwoord, zonder "Antwoord N" ervoor.
  * Een label dat afwijkt van de eigen huisstijl van de brief: "Antwoord;", "Antwoord :", "Antwoord" zonder
    dubbele punt, "antwoord:", of een verschreven labelwoord ("Antwoorrd:").  De huisstijl is hoe de meeste
    labels in de brief eruitzien (minstens drie, en minstens 60% ervan).  De fix herschrijft het label in de
    huisstijl; die is veilig.
  * Een label zonder iets erna (fout): geen antwoordtekst vóór de volgende vraag of kop.
  * Een opvulantwoord (fout): "PM", "p.m.", "nog invullen", "TODO", "XXX" ergens in een antwoord; "volgt",
    "[…]", "…" als dat (bijna) het hele antwoord is.  De lijst staat in `settings.answer-placeholders`.

Waarom
  Lezers, de Kamer en de systemen die de brief publiceren vinden antwoorden aan hun label; een opvultekst of
  een leeg antwoord is een onbeantwoorde vraag die de deur uit gaat.

Opties
  unlabelled: meld antwoorden die hun label kwijt zijn (standaard true).
  style: meld labels die afwijken van de huisstijl (standaard true).
"""  # the documentation in Dutch: same structure, same examples

ID = "answer-label"
SEVERITY = "error"
SUMMARY = msg(
    "Antwoordlabels: ontbrekend, afwijkend gespeld (‘Antwoord;’), zonder tekst, of met een placeholder (PM, TODO)",
    "Answer labels: missing, misspelled ('Antwoord;'), followed by nothing, or by a placeholder (PM, TODO)",
)
DEFAULT = {"unlabelled": True, "style": True}
CONF = {"unlabelled": {"type": "boolean"}, "style": {"type": "boolean"}}
FIXABLE = True

# compiled on first use and kept between runs (lazyre), not compiled by `regex` in every process
_LABEL_PARTS = lazy(r"\W*\p{L}+(\s+\d[^:;,.]*?)?\s*[:;,.\-–—]?\s*$")  # a label as written: word, numbers, punct
_INITIALS = lazy(r"(?:\p{L}\.){2,}")  # "p.m.": a placeholder that marks an answer wherever it stands

_PUNCT_NAME = {":": "dubbele punt", ";": "puntkomma", " :": "spatie en dubbele punt", ",": "komma", ".": "punt",
               "": "geen leesteken", " ": "geen dubbele punt", " ;": "spatie en puntkomma", "-": "streepje",
               "–": "streepje", "—": "streepje"}


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    s = structure(doc, ctx.settings)
    if s.mode not in ("labelled", "numbered"):
        return
    items = placeholders(ctx.settings)
    try:
        holders = _placeholders_of(items)
    except TypeError:  # an unhashable item in a hand-made setting: made for this letter only
        holders = _Placeholders(items)
    for a in s.answers:
        if a.label is not None:
            yield from _empty_or_placeholder(doc, a, holders, ctx)
        elif a.text.strip():
            yield from _placeholder(doc, a, holders, ctx)
    if s.mode == "labelled":
        yield from _labelled(doc, s, ctx)
    elif ctx.options.get("unlabelled", True):
        yield from _numbered_unlabelled(doc, s, ctx)


def _label_span(a: AnswerUnit) -> tuple[int, int]:
    assert a.label is not None  # called for labelled answers only
    text = a.label.paragraph.text
    end = a.label.start + len(text[a.label.start : a.label.end].rstrip())
    return a.label.start, end


def _labelled(doc: Document, s: Structure, ctx: RuleContext) -> Iterator[Finding]:
    labelled = [a for a in s.answers if a.label is not None]
    exact = [a for a in labelled if not a.label_fuzzy]
    if not exact:
        return
    styles = Counter(a.label_punct for a in exact)
    house, count = _most_common(styles)
    established = len(exact) >= 3 and count / len(exact) >= 0.6
    words = Counter(a.label_word for a in exact if a.label_word[:1].isupper() and not a.label_word.isupper())
    configured = labels(ctx.settings)
    canonical = _most_common(words)[0] if words else configured[0]
    for a in labelled:
        if a.label_inline and a.label is not None:
            start, end = _label_span(a)
            yield Finding(
                doc.locate(a.label.paragraph, start, end),
                msg(f"Het antwoordlabel «{a.label.paragraph.text[start:end]}» staat midden in de alinea van de vraag",
                    f"The answer label «{a.label.paragraph.text[start:end]}» stands inside the question's paragraph"),
                suggestion=msg("Begin het antwoord op een nieuwe regel (een nieuwe alinea).",
                               "Start the answer on a new line (a new paragraph)."),
                severity=lower(ctx.severity),
            )
    if ctx.options.get("style", True) and established:
        for a in labelled:
            yield from _style(doc, a, house, canonical, configured, ctx)
    if ctx.options.get("unlabelled", True):
        share = len(labelled) / len(s.answers) if s.answers else 0
        headed = any(sec.heading is not None for sec in s.sections)
        if len(exact) >= 3 and share >= 0.75:
            for a in s.answers:
                if a.label is None and not (headed and (a.section is None or a.section.heading is None)):
                    yield _unlabelled(doc, a, canonical + (house if house not in ("", " ") else ":"), ctx)


def _most_common(counts: Counter) -> tuple[str, int]:
    """Counter.most_common(1)[0] (the first counted of the most frequent), without the heapq import that
    most_common makes on its first call: this rule runs first, in a fresh process it paid for that import."""
    return max(counts.items(), key=lambda item: item[1])


def _style(doc: Document, a: AnswerUnit, house: str, canonical: str, configured: tuple[str, ...], ctx: RuleContext) -> Iterator[Finding]:
    word = a.label_word
    punct = a.label_punct
    target_word = word
    problems_nl, problems_en = [], []
    if a.label_fuzzy:
        low = word.lower()
        candidates = [c for c in configured if len(c) >= 6 and _close(low, c.lower())]
        target_word = candidates[0] if len(candidates) == 1 else canonical
        problems_nl.append(f"«{word}» is verkeerd gespeld")
        problems_en.append(f"«{word}» is misspelled")
    elif word != canonical and word.lower() == canonical.lower():
        target_word = canonical
        problems_nl.append(f"schrijf «{canonical}»")
        problems_en.append(f"write «{canonical}»")
    if punct != house:
        if house == ":" or punct in (";", " ;", " :", ",", "."):
            problems_nl.append(f"{_PUNCT_NAME.get(punct, repr(punct))} in plaats van {_PUNCT_NAME.get(house, repr(house))}")
            problems_en.append(f"{punct.strip() or 'no colon'!s} instead of {house.strip() or 'no colon'}")
        else:
            return  # the house style has no colon and this label has one: leave it
    if not problems_nl:
        return
    start, end = _label_span(a)
    assert a.label is not None
    par = a.label.paragraph
    written = par.text[start:end]
    numbers = _LABEL_PARTS.match(written)
    number_part = (numbers.group(1) or "") if numbers else ""
    new_punct = house if house.strip() else ""
    replacement = target_word + number_part.rstrip() + new_punct
    if house == " " and punct in ("", ":"):
        return
    safe = replacement != written and (not a.label_fuzzy or target_word in configured)
    yield Finding(
        doc.locate(par, start, end),
        msg(f"Antwoordlabel «{written}» wijkt af van de rest van de brief («{canonical}{house.strip()}»): "
            + "; ".join(problems_nl),
            f"Answer label «{written}» differs from the rest of the letter («{canonical}{house.strip()}»): "
            + "; ".join(problems_en)),
        suggestion=msg(f"Schrijf «{replacement}».", f"Write «{replacement}»."),
        fix=Fix.text_edit(par, start, end, replacement, "safe" if safe else "unsafe") if replacement != written else None,
        severity=lower(ctx.severity),
    )


def _close(a: str, b: str) -> bool:
    from letterlint.structure import one_edit_apart

    return one_edit_apart(a, b)


def _unlabelled(doc: Document, a: AnswerUnit, label: str, ctx: RuleContext) -> Finding:
    par = a.first
    spans = sentences(par.text)
    start, end = spans[0] if spans else (0, len(par.text.rstrip()))
    loc = doc.locate(par, start, end)
    q = a.questions[-1] if a.questions else None
    qloc = doc.locate_paragraph(q.first) if q is not None else None
    where_nl = (f" (op de vraag {'op' if qloc.line else 'in'} {qloc.place('nl')})") if qloc is not None else ""
    where_en = (f" (to the question {'at' if qloc.line else 'in'} {qloc.place('en')})") if qloc is not None else ""
    return Finding(
        loc,
        msg(f"Dit antwoord{where_nl} heeft geen label «{label}», terwijl de andere antwoorden er een hebben",
            f"This answer{where_en} has no «{label}» label, while the other answers have one"),
        suggestion=msg(f"Begin het antwoord met «{label} ».", f"Start the answer with «{label} »."),
        fix=Fix.text_edit(par, start, start, f"{label} ", "unsafe"),
        severity=lower(ctx.severity),
    )


# -- empty answers and placeholders ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _placeholders_of(items: tuple[str, ...]) -> _Placeholders:
    """The placeholder patterns of a configuration, made once per process (not for every letter)."""
    return _Placeholders(items)


class _Placeholders:
    def __init__(self, items):
        self.anywhere: list[regex.Pattern[str]] = []
        self.alone: set[str] = set()
        for item in items:
            item = str(item).strip()
            if not item:
                continue
            marker = (any(c.isupper() for c in item) and item.replace(".", "").isalpha() and item.upper() == item) or \
                " " in item or (_INITIALS.fullmatch(item) is not None)
            self.alone.add(item.lower().strip("[]().: "))
            self.alone.add(item.lower())
            if marker:
                flags = 0 if any(c.isupper() for c in item) else regex.IGNORECASE
                self.anywhere.append(compile_regex(r"(?<![\w-])" + regex.escape(item) + r"(?![\w-])", flags))
        self.prefilter = Prefilter(self.anywhere)  # a piece without a placeholder's text is not searched

    def find(self, text: str) -> tuple[int, int] | None:
        stripped = text.strip()
        core = stripped.lower().strip("[]().:;!? ")
        if core in self.alone or stripped.lower() in self.alone:
            s = text.index(stripped[0]) if stripped else 0
            return s, s + len(stripped)
        words = stripped.split()
        if len(words) <= 4:
            for w in words:
                if w.lower().strip(".:;!?") in self.alone or w.lower() in self.alone:
                    s = text.index(w)
                    return s, s + len(w)
        return _anywhere(self, text)


def _empty_or_placeholder(doc: Document, a: AnswerUnit, holders: _Placeholders, ctx: RuleContext) -> Iterator[Finding]:
    body = [(p, s, e) for p, s, e in a.pieces() if p.text[s:e].strip() and not PAGE_FURNITURE.match(p.text[s:e])]
    if not body:
        start, end = _label_span(a)
        assert a.label is not None
        written = a.label.paragraph.text[start:end]
        yield Finding(
            doc.locate(a.label.paragraph, start, end),
            msg(f"Na «{written}» volgt geen antwoord", f"«{written}» is followed by no answer"),
            suggestion=msg("Schrijf het antwoord, of haal het label weg als de vraag elders is beantwoord.",
                           "Write the answer, or remove the label if the question is answered elsewhere."),
        )
        return
    yield from _placeholder(doc, a, holders, ctx, body)


def _placeholder(doc: Document, a: AnswerUnit, holders: _Placeholders, ctx: RuleContext,
                 body: list[tuple[Paragraph, int, int]] | None = None) -> Iterator[Finding]:
    if body is None:
        body = [(p, s, e) for p, s, e in a.pieces() if p.text[s:e].strip()]
    # only whether there are at most 4 words (2 in a piece) matters: count no further than 5 (3)
    total_words = sum(len(p.text[s:e].split(None, 4)) for p, s, e in body)
    for p, s, e in body:
        piece = p.text[s:e]
        short = total_words <= 4 or len(piece.split(None, 2)) <= 2
        found = holders.find(piece) if short else _anywhere(holders, piece)
        if found:
            fs, fe = found
            yield Finding(
                doc.locate(p, s + fs, s + fe),
                msg(f"Placeholder in plaats van een antwoord: «{piece[fs:fe]}»",
                    f"A placeholder instead of an answer: «{piece[fs:fe]}»"),
                suggestion=msg("Schrijf het antwoord.", "Write the answer."),
            )
            return


def _anywhere(holders: _Placeholders, text: str) -> tuple[int, int] | None:
    """The first placeholder pattern (in the configured order) found anywhere in the text."""
    for i in holders.prefilter.candidates(text):
        m = holders.anywhere[i].search(text)
        if m:
            return m.start(), m.end()
    return None


# -- numbered letters: an answer without "Antwoord N" ------------------------------------------------------


def _numbered_unlabelled(doc: Document, s: Structure, ctx: RuleContext) -> Iterator[Finding]:
    for a in s.answers:
        if a.label is not None or not a.body:
            continue
        target = a.body[0]
        label = "Antwoord " + " en ".join(a.numbers)
        vraag = "Vraag " + " en ".join(a.numbers)
        yield Finding(
            doc.locate(target.paragraph, target.start, target.end),
            msg(f"Tekst na «{vraag}» die een antwoord lijkt, zonder het label «{label}»",
                f"Text after «{vraag}» that reads as an answer, without the label «{label}»"),
            suggestion=msg(f"Zet ‘{label}’ boven het antwoord.", f"Put '{label}' above the answer."),
            severity=lower(ctx.severity),
        )

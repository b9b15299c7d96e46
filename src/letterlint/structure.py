"""The question–answer structure of a letter: sections, question units, answer units.

Rules that need it (unanswered-question, answer-label, duplicate-answer, …) call `structure(doc, settings)`;
it is computed once per document and settings and cached on the document.

This is the interface.  The recognisers below are a baseline (answer labels, "?" and a few indirect
question forms, numbered "Vraag N / Antwoord N"); issue 3 refines them without changing these types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from .model import BODY, EMPTY, HEADING, LIST, TABLE, Document, Paragraph

DEFAULT_LABELS = ("Antwoord", "Reactie")
PARTY_HEADING = regex.compile(
    r"^\s*(?:Vragen\s+en\s+opmerkingen|Inbreng)\s+(?:van\s+)?(?:de\s+)?leden\s+van\s+de\s+(?P<party>.+?)[-\s]fractie\b",
    regex.IGNORECASE,
)
NUMBERED = regex.compile(r"^\s*(?P<kind>Vraag|Antwoord)\s+(?P<numbers>\d+[a-z]?(?:\s*(?:,|en|t/m|-|–)\s*\d+[a-z]?)*)\s*[:.]?\s*",
                         regex.IGNORECASE)
INDIRECT = regex.compile(
    r"\b(?:vragen|vraagt|verzoeken|verzoekt|willen\s+(?:graag\s+)?weten|ontvangen\s+graag|vernemen\s+graag|"
    r"horen\s+graag|graag\s+(?:ontvangen|vernemen|horen))\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True, eq=False)
class Span:
    """A span of a paragraph's cleaned text."""

    paragraph: Paragraph
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


@dataclass(frozen=True, eq=False)
class Section:
    title: str
    heading: Paragraph | None  # None for the part before the first heading
    party: str | None  # "D66" for "Vragen en opmerkingen van de leden van de D66-fractie"
    start: int  # index range [start, end) in Document.paragraphs
    end: int


@dataclass(frozen=True, eq=False)
class QuestionUnit:
    paragraphs: tuple[Paragraph, ...]
    questions: tuple[Span, ...]  # the sentences that ask something
    section: Section | None
    numbers: tuple[str, ...] = ()  # numbered mode: ("4", "5") for "Vraag 4 en 5"
    certain: bool = True  # a "?" or an explicit request; False where only probably a question

    @property
    def first(self) -> Paragraph:
        return self.paragraphs[0]

    @property
    def text(self) -> str:
        return "\n".join(p.text.strip() for p in self.paragraphs)


@dataclass(frozen=True, eq=False)
class AnswerUnit:
    paragraphs: tuple[Paragraph, ...]
    label: Span | None  # "Antwoord:" / "Antwoord 3" (None: an answer recognised without its label)
    section: Section | None
    questions: tuple[QuestionUnit, ...] = ()  # the question units this answer follows (shared answers: several)
    numbers: tuple[str, ...] = ()

    @property
    def first(self) -> Paragraph:
        return self.paragraphs[0]

    @property
    def text(self) -> str:
        """The answer's text without its label (footnote markers are already out of the paragraph text)."""
        parts = []
        for p in self.paragraphs:
            t = p.text
            if self.label is not None and p is self.label.paragraph:
                t = t[self.label.end :]
            parts.append(t.strip())
        return "\n".join(t for t in parts if t)


@dataclass(frozen=True, eq=False)
class Structure:
    sections: tuple[Section, ...]
    questions: tuple[QuestionUnit, ...]
    answers: tuple[AnswerUnit, ...]
    mode: str  # "numbered" (Vraag N / Antwoord N), "labelled" (Antwoord:), or "none"
    extra: dict[str, Any] = field(default_factory=dict)

    def answer_to(self, question: QuestionUnit) -> AnswerUnit | None:
        for answer in self.answers:
            if any(q is question for q in answer.questions):
                return answer
        return None


def labels(settings: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(settings.get("answer-labels") or DEFAULT_LABELS)


def structure(doc: Document, settings: Mapping[str, Any] | None = None) -> Structure:
    settings = settings or {}
    key = ("structure", labels(settings))
    cache = doc.meta.setdefault("_cache", {})
    if key not in cache:
        cache[key] = _build(doc, settings)
    return cache[key]


# -- the baseline recognisers ------------------------------------------------------------------------------


def _label_re(settings: Mapping[str, Any]) -> regex.Pattern:
    alternatives = "|".join(regex.escape(label) for label in labels(settings))
    return regex.compile(rf"^\s*(?:{alternatives})(?:\s+\d+[a-z]?(?:\s*(?:,|en|t/m|-|–)\s*\d+[a-z]?)*)?\s*[:.;]?\s*",
                         regex.IGNORECASE)


def _is_question(par: Paragraph) -> bool:
    return "?" in par.text or bool(INDIRECT.search(par.text))


def _sections(doc: Document) -> list[Section]:
    sections: list[Section] = []
    start, title, heading = 0, "", None
    for i, par in enumerate(doc.paragraphs):
        if par.kind == HEADING:
            if i > start or heading is not None:
                sections.append(_section(title, heading, start, i))
            start, title, heading = i, par.text.strip(), par
    sections.append(_section(title, heading, start, len(doc.paragraphs)))
    return sections


def _section(title: str, heading: Paragraph | None, start: int, end: int) -> Section:
    m = PARTY_HEADING.match(title)
    return Section(title=title, heading=heading, party=m.group("party") if m else None, start=start, end=end)


def _build(doc: Document, settings: Mapping[str, Any]) -> Structure:
    label_re = _label_re(settings)
    sections = _sections(doc)
    section_of = {}
    for s in sections:
        for i in range(s.start, s.end):
            section_of[i] = s
    numbered = any(NUMBERED.match(p.text) and NUMBERED.match(p.text).group("kind").lower() == "vraag" for p in doc.paragraphs)

    questions: list[QuestionUnit] = []
    answers: list[AnswerUnit] = []
    pending: list[QuestionUnit] = []
    current: list[Paragraph] | None = None
    current_label: Span | None = None
    current_numbers: tuple[str, ...] = ()
    current_section = None

    def close_answer() -> None:
        nonlocal current, current_label, pending
        if current:
            answers.append(AnswerUnit(tuple(current), current_label, current_section, tuple(pending), current_numbers))
            pending = []
        current, current_label = None, None

    for i, par in enumerate(doc.paragraphs):
        if par.kind in (EMPTY, TABLE) or par.is_empty:
            continue
        section = section_of.get(i)
        if par.kind == HEADING and not NUMBERED.match(par.text):
            close_answer()
            pending = []
            continue
        m = label_re.match(par.text)
        n = NUMBERED.match(par.text)
        if m and (not n or n.group("kind").lower() != "vraag"):
            close_answer()
            current, current_label, current_section = [par], Span(par, m.start(), m.end()), section
            current_numbers = _numbers(n.group("numbers")) if n else ()
            continue
        if numbered and n and n.group("kind").lower() == "vraag":
            close_answer()
            q = QuestionUnit((par,), (Span(par, n.end(), len(par.text)),), section, _numbers(n.group("numbers")))
            questions.append(q)
            pending.append(q)
            continue
        if numbered and pending and not current and pending[-1].first.kind in (BODY, LIST, HEADING):
            last = pending[-1]
            if not last.questions[0].text.strip():  # "Vraag 1" on its own line: this is its text
                pending[-1] = QuestionUnit(last.paragraphs + (par,), (Span(par, 0, len(par.text)),), section, last.numbers)
                questions[-1] = pending[-1]
                continue
        if not numbered and _is_question(par):
            close_answer()
            q = QuestionUnit((par,), (Span(par, 0, len(par.text)),), section, (), "?" in par.text)
            questions.append(q)
            pending.append(q)
            continue
        if current is not None:
            current.append(par)
    close_answer()
    mode = "numbered" if numbered else ("labelled" if any(a.label for a in answers) else "none")
    return Structure(tuple(sections), tuple(questions), tuple(answers), mode)


def _numbers(text: str) -> tuple[str, ...]:
    return tuple(regex.findall(r"\d+[a-z]?", text))

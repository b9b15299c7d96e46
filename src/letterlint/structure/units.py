"""The types of the question–answer structure: sections, question units, answer units, the whole."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import Paragraph

DEFAULT_LABELS = ("Antwoord", "Reactie")
DEFAULT_PLACEHOLDERS = ("PM", "p.m.", "P.M.", "nog invullen", "invullen", "volgt", "TODO", "XXX", "xxx", "[…]",
                        "[...]", "[..]", "…", "...", "???", "tbd", "TBD")


@dataclass(frozen=True, eq=False)
class ParagraphSpan:
    """A span of a paragraph's cleaned text."""

    paragraph: Paragraph
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


@dataclass(frozen=True, eq=False)
class Section:
    """A part of the letter under one heading, with the party whose questions it holds, if any."""

    title: str
    heading: Paragraph | None  # None for the part before the first heading
    party: str | None  # "D66" for "Vragen en opmerkingen van de leden van de D66-fractie" (also under its subheadings)
    start: int  # index range [start, end) in Document.paragraphs
    end: int
    topical: bool = False  # a topical subheading ("PFAS") inside a party's section


@dataclass(frozen=True, eq=False)
class QuestionUnit:
    """Paragraphs that together ask one or more questions."""

    paragraphs: tuple[Paragraph, ...]
    questions: tuple[ParagraphSpan, ...]  # the sentences that ask something
    section: Section | None
    numbers: tuple[str, ...] = ()  # numbered mode: ("4", "5") for "Vraag 4 en 5"
    certain: bool = True  # a "?" or an explicit request; False where only probably a question
    label: ParagraphSpan | None = None  # numbered mode: the "Vraag 4 en 5" label

    @property
    def first(self) -> Paragraph:
        return self.paragraphs[0]

    @property
    def text(self) -> str:
        if self.label is not None:  # numbered: the text after the label, up to the next label
            return "\n".join(s.text.strip() for s in self.questions if s.text.strip())
        return "\n".join(p.text.strip() for p in self.paragraphs)

    @property
    def request(self) -> bool:
        """True when nothing in it has a question mark: an indirect question or a request."""
        return not any("?" in s.text for s in self.questions)


@dataclass(frozen=True, eq=False)
class AnswerUnit:
    """Paragraphs that together answer one or more question units."""

    paragraphs: tuple[Paragraph, ...]
    label: ParagraphSpan | None  # "Antwoord:" / "Antwoord 3" (None: an answer recognised without its label)
    section: Section | None
    questions: tuple[QuestionUnit, ...] = ()  # the question units this answer follows (shared answers: several)
    numbers: tuple[str, ...] = ()
    body: tuple[ParagraphSpan, ...] = ()  # the answer's text spans; empty: all of `paragraphs` after the label
    label_word: str = ""  # the label as written ("Antwoord", "antwoord", "Antwoorrd")
    label_punct: str = ""  # what follows the label word: ":", ";", " :", "" (label alone), " " (text follows)
    label_fuzzy: bool = False  # the label word is a misspelling of a configured label
    label_inline: bool = False  # the label stands inside the question's paragraph (a lost paragraph break)

    @property
    def first(self) -> Paragraph:
        return self.paragraphs[0]

    def pieces(self) -> Iterator[tuple[Paragraph, int, int]]:
        """(paragraph, start, end) of the answer's text in each of its paragraphs, the label left out."""
        if self.body:
            for sp in self.body:
                yield sp.paragraph, sp.start, sp.end
            return
        for p in self.paragraphs:
            start = self.label.end if self.label is not None and p is self.label.paragraph else 0
            yield p, start, len(p.text)

    @property
    def text(self) -> str:
        """The answer's text without its label (footnote markers are already out of the paragraph text)."""
        return "\n".join(t for t in (p.text[s:e].strip() for p, s, e in self.pieces()) if t)

    @property
    def shared(self) -> bool:
        return len(self.questions) > 1


@dataclass(frozen=True, eq=False)
class NumberLabel:
    """Numbered mode: one "Vraag N" or "Antwoord N" label, in document order."""

    kind: str  # "vraag" | "antwoord"
    numbers: tuple[str, ...]
    span: ParagraphSpan


@dataclass(frozen=True, eq=False)
class Structure:
    """The letter's questions and answers, its sections, and how its answers are marked (numbered, labelled)."""

    sections: tuple[Section, ...]
    questions: tuple[QuestionUnit, ...]
    answers: tuple[AnswerUnit, ...]
    mode: str  # "numbered" (Vraag N / Antwoord N), "labelled" (Antwoord:), or "none"
    extra: dict[str, Any] = field(default_factory=dict)
    remarks: tuple[Paragraph, ...] = ()  # party paragraphs that ask nothing ("De leden … merken op dat …")
    labels: tuple[NumberLabel, ...] = ()  # numbered mode: every label in document order

    def answer_to(self, question: QuestionUnit) -> AnswerUnit | None:
        return self._answer_of.get(id(question))

    @property
    def _answer_of(self) -> dict[int, AnswerUnit]:
        cached = self.extra.get("_answer_of")
        if cached is None:
            cached = {id(q): a for a in self.answers for q in a.questions}
            self.extra["_answer_of"] = cached
        return cached

    def question_at(self, paragraph: Paragraph) -> QuestionUnit | None:
        """The question unit a body paragraph belongs to."""
        return self._unit_of().get(("q", id(paragraph)))

    def answer_at(self, paragraph: Paragraph) -> AnswerUnit | None:
        """The answer unit a body paragraph belongs to."""
        return self._unit_of().get(("a", id(paragraph)))

    def _unit_of(self) -> dict:
        cached = self.extra.get("_unit_of")
        if cached is None:
            cached = {}
            for q in self.questions:
                for p in q.paragraphs:
                    cached.setdefault(("q", id(p)), q)
            for a in self.answers:
                for p in a.paragraphs:
                    cached.setdefault(("a", id(p)), a)
            self.extra["_unit_of"] = cached
        return cached


def labels(settings: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(settings.get("answer-labels") or DEFAULT_LABELS)


def placeholders(settings: Mapping[str, Any]) -> tuple[str, ...]:
    value = settings.get("answer-placeholders")
    return tuple(DEFAULT_PLACEHOLDERS if value is None else value)

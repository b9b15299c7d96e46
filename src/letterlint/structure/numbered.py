"""The numbered layout (answers to written questions): "Vraag 1 … Antwoord 1", every label opening a unit
that runs to the next label."""

from __future__ import annotations

import re

from ..lazyre import lazy_re
from ..model import TABLE, Document, Paragraph
from .labels import label_numbers
from .patterns import NUMBERED_INLINE, PAGE_FURNITURE
from .sections import section_lookup, sections_from_headings
from .units import AnswerUnit, NumberLabel, ParagraphSpan, QuestionUnit, Structure


def numbered_labels(doc: Document) -> list[NumberLabel]:
    """Every "Vraag N" / "Antwoord N" label: at the start of a line, after the end of a sentence, or glued to
    page furniture ("…Aanhangsel 1Antwoord 3").  Not "zie het antwoord op Vraag 3" in running text."""
    found: list[NumberLabel] = []
    for p in doc.paragraphs:
        text = p.text
        if "Vraag" not in text and "Antwoord" not in text:  # what NUMBERED_INLINE needs (case and all)
            continue
        for m in NUMBERED_INLINE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            head = text[max(line_start, m.start() - 40) : m.start()]  # a bounded look back: linear in the text
            at_start = not head.strip() and m.start() - 40 <= line_start
            if not at_start and not _LABEL_HEAD.search(head):
                continue
            found.append(NumberLabel(m.group("kind").lower(), label_numbers(m.group("numbers")), ParagraphSpan(p, m.start(), m.end())))
    return found


_LABEL_HEAD = lazy_re(r"(?:[.?!»”\")\]]|\d)\s*$|Aanhangsel\s*\d*\s*$")


def build_numbered(doc: Document, found: list[NumberLabel]) -> Structure:
    """Vraag N / Antwoord N: every label opens a unit that runs to the next label."""
    sections = sections_from_headings(doc)
    section_at = section_lookup(sections, len(doc.paragraphs))
    # the units: text from each label to the next
    questions: list[QuestionUnit] = []
    answers: list[AnswerUnit] = []
    pending: list[QuestionUnit] = []
    index = {id(p): i for i, p in enumerate(doc.paragraphs)}
    for k, lab in enumerate(found):
        end_par = found[k + 1].span.paragraph if k + 1 < len(found) else None
        end_off = found[k + 1].span.start if k + 1 < len(found) else None
        spans = _spans_between(doc, index, lab.span, end_par, end_off)
        pars = _unique_pars([lab.span.paragraph] + [s.paragraph for s in spans])
        section = section_at[index[id(lab.span.paragraph)]]
        if lab.kind == "vraag":
            asked, rest = _split_unlabelled(spans)
            q = QuestionUnit(tuple(_unique_pars([lab.span.paragraph] + [sp.paragraph for sp in asked])), tuple(asked),
                             section, lab.numbers, True, lab.span)
            questions.append(q)
            pending.append(q)
            if rest:  # the answer lost its "Antwoord N" label
                answers.append(AnswerUnit(tuple(_unique_pars([sp.paragraph for sp in rest])), None, section, (q,),
                                          lab.numbers, tuple(rest)))
                pending.remove(q)
        else:
            mine = tuple(q for q in pending if set(q.numbers) & set(lab.numbers)) or tuple(pending)
            answers.append(AnswerUnit(tuple(pars), lab.span, section, mine, lab.numbers, tuple(spans),
                                      lab.span.text.split()[0], ""))
            pending = [q for q in pending if q not in mine]
    return Structure(sections, tuple(questions), tuple(answers), "numbered", labels=tuple(found))


def _split_unlabelled(spans: list[ParagraphSpan]) -> tuple[list[ParagraphSpan], list[ParagraphSpan]]:
    """A numbered question's text, and the text after its last question mark when that reads as an answer
    (at least 12 words, footnote lines left out): an answer whose "Antwoord N" label was lost."""
    last = max((k for k, sp in enumerate(spans) if "?" in sp.text), default=None)
    if last is None:
        return spans, []
    sp = spans[last]
    cut = sp.start + sp.text.rfind("?") + 1
    tail = sp.paragraph.text[cut : sp.end]
    rest = []
    if re.search(r"[^\W\d_]{2,}", tail):  # not just a footnote mark ("?[7 ]")
        lead = len(tail) - len(tail.lstrip())
        rest.append(ParagraphSpan(sp.paragraph, cut + lead, sp.end))
    rest += [x for x in spans[last + 1 :] if not re.match(r"\s*(?:\d|\[\d)", x.text)]
    words = sum(len(x.text.split()) for x in rest)
    if words < 12:
        return spans, []
    asked = spans[:last] + ([ParagraphSpan(sp.paragraph, sp.start, cut)] if cut > sp.start else [])
    return asked, rest


def _spans_between(doc: Document, index: dict, label: ParagraphSpan, end_par: Paragraph | None, end_off: int | None) -> list[ParagraphSpan]:
    """The text after a label up to the next label, one span per paragraph, page furniture left out."""
    spans: list[ParagraphSpan] = []
    i = index[id(label.paragraph)]
    paragraphs = doc.paragraphs
    while i < len(paragraphs):
        p = paragraphs[i]
        start = label.end if p is label.paragraph else 0
        stop = end_off if p is end_par else len(p.text)
        if stop is not None and stop > start:
            piece = p.text[start:stop]
            if piece.strip() and not PAGE_FURNITURE.match(piece) and p.kind != TABLE:
                spans.append(ParagraphSpan(p, start, stop))
        if p is end_par:
            break
        i += 1
    return spans


def _unique_pars(pars: list[Paragraph]) -> list[Paragraph]:
    seen: set[int] = set()
    out = []
    for p in pars:
        if id(p) not in seen:
            seen.add(id(p))
            out.append(p)
    return out

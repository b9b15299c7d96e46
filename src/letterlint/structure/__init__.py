"""The question–answer structure of a letter: sections, question units, answer units.

Rules that need it (unanswered-question, answer-label, duplicate-answer, …) call `structure(doc, settings)`;
it is computed once per document and settings and cached on the document.

Two layouts are recognised:

* **labelled** (answers in a *schriftelijk overleg*): party headings ("Vragen en opmerkingen van de leden van
  de D66-fractie"), topical subheadings ("PFAS"), question paragraphs (a "?" or an indirect question or request:
  "De leden … vragen hoe …", "… verzoeken de staatssecretaris …", "Graag ontvangen deze leden een reflectie"),
  party remarks that ask nothing ("De leden … merken op dat …"), and answers opening with a label ("Antwoord:",
  configurable with `settings.answer-labels`) plus the paragraphs that continue them.  An answer that lost its
  label is recognised too (`AnswerUnit.label is None`) where the document otherwise labels its answers.
* **numbered** (answers to written questions): "Vraag 1 … Antwoord 1", "Vraag 4 en 5", also where page
  furniture of a PDF extraction is glued to a label ("… Aanhangsel 2Antwoord 7") or the whole letter is one line.

One pass over the paragraphs, with a look-ahead of one paragraph: linear in the text.

The package, by subject: `patterns` (the layout's regular expressions), `asking` (which sentences ask something),
`labels` (answer labels and their near misses), `units` (the types), `sections` (headings), `labelled` and
`numbered` (the two layouts), `words` (content words and their rarity, for judging whether an answer addresses a
question).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Document
from .asking import (
    ABBREVIATIONS,
    INVERTED_ASK,
    LINKED_START,
    QUESTION_LABEL,
    QUOTED,
    SUBJECT_ASK,
    VERB_FIRST,
    ask_kind,
    sentences,
)
from .labelled import build_labelled
from .labels import LabelMatch, LabelMatcher, label_numbers, one_edit_apart
from .numbered import build_numbered, numbered_labels
from .patterns import NUMBERED, NUMBERED_INLINE, NUMS, PAGE_FURNITURE, PARTY_HEADING, PARTY_REF
from .units import (
    DEFAULT_LABELS,
    DEFAULT_PLACEHOLDERS,
    AnswerUnit,
    NumberLabel,
    ParagraphSpan,
    QuestionUnit,
    Section,
    Structure,
    labels,
    placeholders,
)
from .words import (
    STOPWORDS,
    WORD_TOKEN,
    Rarity,
    WordMatcher,
    build_rarity,
    content_words,
    norm,
    rarity,
    stop_tokens,
)

# the public names, re-exported: `from letterlint.structure import …` keeps working as before the split
__all__ = [
    "ABBREVIATIONS",
    "DEFAULT_LABELS",
    "DEFAULT_PLACEHOLDERS",
    "PAGE_FURNITURE",
    "INVERTED_ASK",
    "LINKED_START",
    "NUMBERED",
    "NUMBERED_INLINE",
    "NUMS",
    "PARTY_HEADING",
    "PARTY_REF",
    "QUESTION_LABEL",
    "QUOTED",
    "STOPWORDS",
    "SUBJECT_ASK",
    "VERB_FIRST",
    "WORD_TOKEN",
    "AnswerUnit",
    "LabelMatch",
    "LabelMatcher",
    "NumberLabel",
    "QuestionUnit",
    "Rarity",
    "Section",
    "ParagraphSpan",
    "Structure",
    "WordMatcher",
    "one_edit_apart",
    "label_numbers",
    "ask_kind",
    "content_words",
    "labels",
    "norm",
    "placeholders",
    "rarity",
    "sentences",
    "stop_tokens",
    "structure",
    "not_owned",
    "build_structure",
    "build_rarity",
]


def structure(doc: Document, settings: Mapping[str, Any] | None = None) -> Structure:
    """The document's question–answer structure (a shared analysis: built once per document and labels)."""
    from .. import analyses

    return analyses.of(doc).structure(settings)


def not_owned(doc: Document, settings: Mapping[str, Any] | None = None) -> dict[int, list[tuple[int, int]]]:
    """The text the writer does not own, by id(paragraph): the Members' questions and remarks, which the
    ministry quotes and may not edit (their spelling is theirs).  Empty when the letter has no Q&A structure."""
    st = structure(doc, settings)
    out: dict[int, list[tuple[int, int]]] = {}
    if st.mode == "none":
        return out
    answer_at = {id(a.label.paragraph): a.label.start for a in st.answers if a.label is not None}
    for q in st.questions:
        if q.label is not None:  # numbered: the question's text runs from its label to the next label
            for sp in q.questions:
                out.setdefault(id(sp.paragraph), []).append((sp.start, sp.end))
        else:
            for p in q.paragraphs:  # a paragraph of the question, up to an answer label inside it
                out.setdefault(id(p), []).append((0, answer_at.get(id(p), len(p.text))))
    for p in st.remarks:
        out.setdefault(id(p), []).append((0, len(p.text)))
    return out


def build_structure(doc: Document, settings: Mapping[str, Any]) -> Structure:
    """Read the structure afresh (`structure` caches it): a numbered letter where its labels say so, else
    a labelled one."""
    matcher = LabelMatcher(labels(settings))
    found = numbered_labels(doc)
    vraag = sum(1 for x in found if x.kind == "vraag")
    if vraag >= 2 or (vraag and len(found) > vraag):
        return build_numbered(doc, found)
    labelled = build_labelled(doc, matcher)
    if vraag == 1 and len(found) == 1 and not labelled.answers:
        # one "Vraag 1" and no answer at all: a letter of a single written question that lacks its answer,
        # where the label opens a line and a question mark follows (never a mention of "vraag 1" in prose)
        numbered = build_numbered(doc, found)
        if _opens_line(found[0].span) and any("?" in s.text for q in numbered.questions for s in q.questions):
            return numbered
    return labelled


def _opens_line(span: ParagraphSpan) -> bool:
    text = span.paragraph.text
    return not text[text.rfind("\n", 0, span.start) + 1 : span.start].strip()

"""The labelled layout (answers in a schriftelijk overleg): headings, question paragraphs, remarks of the
members, and answers opening with a label plus the paragraphs that continue them.  One pass, with a look-ahead
of one paragraph."""

from __future__ import annotations

from ..model import HEADING, LIST, TABLE, Document, Paragraph
from .asking import LINKED_START, QUESTION_LABEL, VERB_FIRST, question_spans
from .labels import LabelMatch, LabelMatcher, label_numbers, punct_kind
from .patterns import PARTY_REF
from .sections import is_subheading, make_sections, party_of, section_lookup
from .units import AnswerUnit, ParagraphSpan, QuestionUnit, Structure


class _Labelled:
    """The single pass over a labelled document (see `build_labelled`)."""

    def __init__(self, labelled_doc: bool):
        self.labelled_doc = labelled_doc
        self.questions: list[list] = []  # [paragraphs, spans, certain]
        self.answers: list[dict] = []
        self.remarks: list[Paragraph] = []
        self.pending: list[list] = []
        self.floating: list[Paragraph] = []
        self.answer: dict | None = None
        self.answer_closed_since = True  # no answer was open since the last question
        self.events: list[tuple[int, Paragraph, str | None, bool]] = []  # headings: (index, paragraph, party, topical)

    def close_answer(self) -> None:
        if self.answer is not None:
            self.answer["questions"] = self.pending
            self.answers.append(self.answer)
            self.pending = []
        self.answer = None

    def settle_floating(self, as_answer: bool) -> None:
        """Floating paragraphs become an unlabelled answer (`as_answer`) or the context of the last question."""
        if not self.floating:
            return
        if as_answer and self.labelled_doc and self.pending:
            self.answers.append({"pars": self.floating, "label": None, "numbers": (), "word": "", "punct": "",
                                 "fuzzy": False, "questions": self.pending})
            self.pending = []
        elif self.pending:
            self.pending[-1][0].extend(self.floating)
        self.floating = []

    def boundary(self) -> None:
        self.close_answer()
        self.settle_floating(True)
        self.pending = []

    def question(self, par: Paragraph, spans: list[tuple[int, int]], kind: str) -> None:
        self.close_answer()
        self.settle_floating(True)
        q_spans = [ParagraphSpan(par, s, e) for s, e in spans]
        certain = kind in ("direct", "request")
        if self.pending and LINKED_START.match(par.text) and self.prev_par is self.last_question_par is not None:
            last = self.pending[-1]  # "Zo ja, …" / "En …" right after a question: the same question goes on
            last[0].append(par)
            last[1].extend(q_spans)
            last[2] = last[2] or certain
        else:
            unit = [[par], q_spans, certain]
            self.questions.append(unit)
            self.pending.append(unit)
        self.last_question_par = par

    last_question_par: Paragraph | None = None
    prev_par: Paragraph | None = None
    current_party: str | None = None

    def heading(self, i: int, par: Paragraph, lab: LabelMatch | None, nxt: Paragraph | None, next_is_label: bool) -> bool:
        """A heading is a section boundary (Word heading styles, party headings, topical subheadings)."""
        text = par.text
        party = party_of(text) if len(text) < 200 else None
        is_heading = party is not None or (
            par.kind == HEADING and lab is None and "?" not in text and text.rstrip()[-1:] not in ".;:"
        )
        topical = False
        if not is_heading and lab is None and par.kind not in (LIST, TABLE) and self.events:
            if not next_is_label and is_subheading(par, nxt):
                is_heading = topical = True
        if not is_heading:
            return False
        self.boundary()
        if party is not None:
            self.current_party = party
        elif self.current_party is not None and len(text.split()) <= 8:
            topical = True  # a subheading under a party's heading ("PFAS")
        else:
            self.current_party = None
        self.events.append((i, par, party, topical))
        return True

    def open_answer(self, par: Paragraph, lab: LabelMatch) -> None:
        self.close_answer()
        self.settle_floating(False)
        self.answer = {"pars": [par], "label": ParagraphSpan(par, lab.start, lab.end), "numbers": lab.numbers,
                       "word": lab.word, "punct": lab.punct, "fuzzy": lab.fuzzy}

    def asks(self, par: Paragraph, matcher: LabelMatcher) -> bool:
        """A question (after an answer only when it reads like the members' text again); a label after its
        sentences opens the answer in the same paragraph."""
        text = par.text
        after_answer = self.answer is not None or bool(self.floating)
        if after_answer and not _may_ask_again(text) and not ((":" in text or ";" in text) and matcher.has_word(text)):
            return False  # the answer goes on: no inline label, nothing `_asks_again` could accept (not split)
        spans, kind = question_spans(par)
        if kind is None or par.kind == TABLE:
            return False
        inline = matcher.inline.search(text) if (":" in text or ";" in text) and matcher.has_word(text) else None
        before = [sp for sp in spans if inline is not None and sp[1] <= inline.start() + 1]
        if (self.answer is not None or self.floating) and not before and not _asks_again(text, spans, kind):
            return False
        if inline is not None and before:
            self.question(par, before, kind)
            self.answer = {"pars": [par], "label": ParagraphSpan(par, inline.start("word"), inline.end()),
                           "numbers": label_numbers(inline.group("num") or ""), "word": inline.group("word"),
                           "punct": punct_kind(inline.group("punct")), "fuzzy": False, "inline": True}
            return True
        self.question(par, spans, kind)
        return True


def _may_ask_again(text: str) -> bool:
    """What `_asks_again` cannot accept a paragraph without (whatever its question spans): a party reference
    at the start, a "?", "leden"/"fractie", a verb-first question at the start or a "Vraag:" label.  Most
    paragraphs of an answer have none, and are not split into sentences."""
    return bool("?" in text or "leden" in text or "fractie" in text or PARTY_REF.match(text)
                or VERB_FIRST.match(text) or QUESTION_LABEL.match(text))


def _asks_again(text: str, spans: list[tuple[int, int]], kind: str) -> bool:
    """After an answer, only what reads as the members' text again starts a question."""
    party_start = bool(PARTY_REF.match(text))
    last = spans[-1]
    last_asks = last[1] >= len(text.rstrip()) - 1 and "?" in text[last[0] : last[1]]
    members = kind == "request" and any("leden" in text[a:b] or "fractie" in text[a:b] for a, b in spans)
    opens = kind == "probable" and spans[0][0] == 0
    return bool(party_start or last_asks or members or opens or QUESTION_LABEL.match(text))


def build_labelled(doc: Document, matcher: LabelMatcher) -> Structure:
    paragraphs = doc.paragraphs
    items = [(i, p) for i, p in enumerate(paragraphs) if p.text.strip()]
    label_of: dict[int, LabelMatch] = {}
    for i, p in items:
        m = matcher.match(p.text)
        if m is not None:
            label_of[i] = m
    st = _Labelled(sum(1 for m in label_of.values() if not m.fuzzy) >= 2)
    for k, (i, par) in enumerate(items):
        st.prev_par = items[k - 1][1] if k else None
        nxt_i, nxt = items[k + 1] if k + 1 < len(items) else (None, None)
        lab = label_of.get(i)
        if st.heading(i, par, lab, nxt, nxt_i is not None and nxt_i in label_of):
            continue
        if lab is not None:
            st.open_answer(par, lab)
            continue
        if st.asks(par, matcher):
            continue
        if PARTY_REF.match(par.text):  # a remark of the members that asks nothing
            st.close_answer()
            st.settle_floating(True)
            st.remarks.append(par)
            continue
        # running text: an answer goes on, or text after a question waits for what comes next
        if st.answer is not None:
            st.answer["pars"].append(par)
        elif st.pending:
            st.floating.append(par)
    st.close_answer()
    st.settle_floating(True)
    return _assemble(paragraphs, st)


def _assemble(paragraphs: tuple[Paragraph, ...], st: _Labelled) -> Structure:
    """The units of the pass, with their sections."""
    sections = make_sections(st.events, len(paragraphs))
    section_at = section_lookup(sections, len(paragraphs))
    index = {id(p): i for i, p in enumerate(paragraphs)}
    made: dict[int, QuestionUnit] = {}
    questions = []
    for pars, spans, certain in st.questions:
        q = QuestionUnit(tuple(pars), tuple(spans), section_at[index[id(pars[0])]], (), certain)
        made[id(pars)] = q
        questions.append(q)
    answers = []
    for a in st.answers:
        qs = tuple(made[id(u[0])] for u in a["questions"])
        answers.append(AnswerUnit(tuple(a["pars"]), a["label"], section_at[index[id(a["pars"][0])]], qs, a["numbers"],
                                  (), a["word"], a["punct"], a["fuzzy"], a.get("inline", False)))
    mode = "labelled" if st.labelled_doc or any(a.label for a in answers) else "none"
    return Structure(sections, tuple(questions), tuple(answers), mode, remarks=tuple(st.remarks))

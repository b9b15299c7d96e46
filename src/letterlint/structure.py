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
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from .model import HEADING, LIST, TABLE, Document, Paragraph

DEFAULT_LABELS = ("Antwoord", "Reactie")
DEFAULT_PLACEHOLDERS = ("PM", "p.m.", "P.M.", "nog invullen", "invullen", "volgt", "TODO", "XXX", "xxx", "[…]",
                        "[...]", "[..]", "…", "...", "???", "tbd", "TBD")

NUMS = r"\d{1,3}[a-z]?(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d{1,3}[a-z]?)*"
PARTY_HEADING = re.compile(
    r"^\s*(?:\d+[.)]?\s+|[IVX]+[.)]?\s+)?(?:Vragen\s+en\s+opmerkingen|Inbreng|Opmerkingen|Vragen)\s+(?:van\s+|vanuit\s+)?"
    r"(?:de\s+)?leden\s+(?:van\s+|der\s+)?(?:de\s+)?(?:fracties?\s+van\s+(?:de\s+)?(?P<party2>.+?)\s*$|(?P<party>.+?)[-\s]fractie\b)",
    re.IGNORECASE,
)
NUMBERED = re.compile(rf"^\s*(?P<kind>Vraag|Antwoord)\s+(?P<numbers>{NUMS})\s*[:.]?\s*", re.IGNORECASE)
# a numbered label anywhere (PDF text: glued to page furniture "…Aanhangsel 2Antwoord 7", or a flattened letter)
_LETTER = r"[^\W\d_]"
_UPPER = r"[A-ZÀ-ÖØ-Þ]"
NUMBERED_INLINE = re.compile(
    rf"(?<!{_LETTER})(?<!-)(?P<kind>Vraag|Antwoord)\s+(?P<numbers>{NUMS})(?![\d_])(?!{_LETTER})\s*[:.]?(?=\s*$|\s+[{_UPPER[1:-1]}«\"“‘'(\[¿])"
)
# page furniture of published letters (text extracted from the PDF)
FURNITURE = re.compile(
    r"^\s*(?:Tweede\s+Kamer,\s+vergaderjaar\s+\S+,\s+Aanhangsel\s*\d*|ah-tk-\d+-\d+|h\s+tk\s+\d+\s+\d+|ISSN\s.*|-{3,}|#+\s*\d+"
    r"|Tweede\s+Kamer\s+der\s+Staten-Generaal\s*\d*|\d{1,3})\s*$"
)
PARTY_REF = re.compile(
    r"^\W*(?:(?:Tot\s+slot|Ten\s+slotte|Tevens|Ook|Daarnaast|Verder|Voorts|Wel|Tegelijkertijd|Bovendien)\s*,?\s+)?"
    r"(?:(?:De|Deze|Voor\s+de|Ook\s+de|Volgens\s+de|Het\s+lid)\s+leden\b|(?:De|Deze)\s+(?:[\w-]+\s+){0,4}?[\w-]*fractie\b"
    rf"|Het\s+lid\s+{_UPPER})",
)

# -- question sentences ---------------------------------------------------------------------------------

_SUBJECT = (r"(?:(?:de|deze|die|ook\s+de)\s+leden(?:\s+van\s+de\s+[^.?!;:]{1,60}?fractie)?|(?:de\s+)?[\w-]+-fractie"
            r"|(?P<pronoun>zij|ze|hij)|het\s+lid(?:\s+" + _UPPER + r"[\w-]+)?)")
_ASK = r"(?:vragen|vraagt|verzoeken|verzoekt)"
_WANT = (r"(?:willen|wil|zouden|zou)\s+(?:\w+\s+){0,3}?(?:graag\s+)?(?:weten|horen|vernemen|ontvangen|zien|een\s+(?:reactie|reflectie|toelichting))"
         r"|(?:ontvangen|vernemen|horen|zien)\s+graag|(?:ontvangen|vernemen|horen)\s+(?:\w+\s+){0,3}?graag")
_COMPLEMENT = re.compile(
    r"\b(?:of|hoe|wanneer|waarom|welke?|wat|wie|waar|hoeveel|hoelang|waarop|waarmee|waarover|in\s+hoeverre|naar|om|aan"
    r"|de\s+staatssecretaris|de\s+minister|de\s+bewindspersoon|het\s+kabinet|de\s+regering|hem|haar|u|zich\s+af)\b",
    re.IGNORECASE,
)
SUBJECT_ASK = re.compile(rf"\b{_SUBJECT}\s+(?:[\w’'-]+\s+){{0,3}}?(?P<verb>{_ASK}|{_WANT})\b", re.IGNORECASE)
INVERTED_ASK = re.compile(
    r"\b(?P<verb>vragen|verzoeken)\s+(?:ook\s+|daarom\s+|tevens\s+|dan\s+ook\s+)?(?:de|deze)\s+leden\b"
    r"|\bgraag\s+(?:ontvangen|vernemen|horen|zien|krijgen|weten)\b"
    r"|\b(?:ontvangen|vernemen|horen|zien)\s+(?:de|deze)\s+leden\s+(?:[\w-]+\s+){0,5}?graag\b"
    r"|\bwillen\s+(?:de|deze)\s+leden\s+(?:[\w-]+\s+){0,5}?(?:weten|graag)\b"
    r"|^\W*Graag\s+(?:een|nog\s+een|ook\s+een)\s+(?:reactie|reflectie|toelichting|overzicht|appreciatie|antwoord)\b",
    re.IGNORECASE,
)
# a direct question that lost its question mark: "Kan de staatssecretaris aangeven hoeveel …"
VERB_FIRST = re.compile(
    r"^\W*(?:En\s+|Zo\s+ja,?\s+|Zo\s+nee,?\s+)?(?:Kan|Kunt|Wil|Wilt|Is|Bent|Deelt|Erkent|Acht|Ziet|Heeft|Hebt|Gaat|Zal|Zou|Wordt)"
    r"\s+(?:de\s+staatssecretaris|de\s+minister|het\s+kabinet|de\s+regering|u|hij)\b"
)
# past-tense or narrative uses that look like asking but are not ("vroegen", "werd gevraagd") need no pattern:
# the verbs above are present tense only.
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^”\"]*[”\"]")
ABBREVIATIONS = frozenset(
    "jl nr nrs c.s o.a i.e d.d e.d m.b.t i.v.m bijv z.g t.a.v p.m art artt vgl zgn resp etc mr dr drs ir prof mevr dhr "
    "blz p pp e.a m.n a.s ca incl excl mln mld min max jr st blz mw e.v.a ir ing bc bv nl n.a.v t.b.v v.w.b d.w.z".split()
)
_SENT_END = re.compile(r"[.?!…]+[\"”’»)\]]*(?=\s|$)")
LINKED_START = re.compile(r"^\W*(?:Zo\s+(?:ja|nee|niet)\b|En\s|Of\s|Indien\s+(?:ja|nee|niet)\b|Als\s+dat\s+zo\s+is\b)",
                             re.IGNORECASE)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph's text (abbreviations such as "jl." and "nr." do not end a sentence)."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group()[0] == ".":
            before = text[start : m.start()].rsplit(None, 1)
            word = before[-1].lower().lstrip("(«“\"'") if before else ""
            if word in ABBREVIATIONS or (len(word) <= 2 and word.isalpha() and word.lower() != "ja") or word.isdigit():
                continue
            nxt = text[end:].lstrip()[:1]
            if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "«“\"'(‘["):
                continue
        while start < n and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
        start = end
    while start < n and text[start].isspace():
        start += 1
    if start < n and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def ask_kind(sentence: str, party_text: bool) -> str | None:
    """"direct" ("?"), "request" (an indirect question or request by the members), "probable", or None.

    `party_text`: the paragraph is about the members (mentions "leden"/"fractie"), so that "Zij vragen hoe …"
    can be read as the members asking.
    """
    unquoted = QUOTED.sub("", sentence) if ("«" in sentence or "“" in sentence or '"' in sentence or "„" in sentence) else sentence
    if "?" in unquoted:
        return "direct"
    m = SUBJECT_ASK.search(sentence)
    if m:
        if m.group("pronoun") and not party_text:
            return None
        verb = m.group("verb").lower()
        if verb.startswith("vraag") or verb == "vragen":
            if _COMPLEMENT.search(sentence, m.end()):
                return "request"
        else:
            return "request"
    m = INVERTED_ASK.search(sentence)
    if m and (m.group("verb") is None or m.group("verb").lower() != "vragen" or _COMPLEMENT.search(sentence, m.end())):
        return "request"
    if VERB_FIRST.match(sentence):
        return "probable"
    return None


# -- the types --------------------------------------------------------------------------------------------


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
    party: str | None  # "D66" for "Vragen en opmerkingen van de leden van de D66-fractie" (also under its subheadings)
    start: int  # index range [start, end) in Document.paragraphs
    end: int
    topical: bool = False  # a topical subheading ("PFAS") inside a party's section


@dataclass(frozen=True, eq=False)
class QuestionUnit:
    paragraphs: tuple[Paragraph, ...]
    questions: tuple[Span, ...]  # the sentences that ask something
    section: Section | None
    numbers: tuple[str, ...] = ()  # numbered mode: ("4", "5") for "Vraag 4 en 5"
    certain: bool = True  # a "?" or an explicit request; False where only probably a question
    label: Span | None = None  # numbered mode: the "Vraag 4 en 5" label

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
    paragraphs: tuple[Paragraph, ...]
    label: Span | None  # "Antwoord:" / "Antwoord 3" (None: an answer recognised without its label)
    section: Section | None
    questions: tuple[QuestionUnit, ...] = ()  # the question units this answer follows (shared answers: several)
    numbers: tuple[str, ...] = ()
    body: tuple[Span, ...] = ()  # the answer's text spans; empty: all of `paragraphs` after the label
    label_word: str = ""  # the label as written ("Antwoord", "antwoord", "Antwoorrd")
    label_punct: str = ""  # what follows the label word: ":", ";", " :", "" (label alone), " " (text follows)
    label_fuzzy: bool = False  # the label word is a misspelling of a configured label
    label_inline: bool = False  # the label stands inside the question's paragraph (a lost paragraph break)

    @property
    def first(self) -> Paragraph:
        return self.paragraphs[0]

    def pieces(self):
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
    span: Span


@dataclass(frozen=True, eq=False)
class Structure:
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


def structure(doc: Document, settings: Mapping[str, Any] | None = None) -> Structure:
    settings = settings or {}
    key = ("structure", labels(settings))
    cache = doc.meta.setdefault("_cache", {})
    if key not in cache:
        cache[key] = _build(doc, settings)
    return cache[key]


# -- answer labels -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelMatch:
    start: int
    end: int  # where the answer text starts
    word: str
    punct: str
    numbers: tuple[str, ...]
    fuzzy: bool


class LabelMatcher:
    """Answer labels at the start of a paragraph: "Antwoord:", "Antwoord 3:", and the near misses a writer
    makes ("Antwoord;", "Antwoord :", "Antwoord" without colon, "antwoord:", "Antwoorrd:")."""

    def __init__(self, words: tuple[str, ...]):
        self.words = words
        self.lower = {w.lower() for w in words}
        alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        self.exact = regex.compile(  # the label word in any case; what follows it case-sensitively
            rf"^(?P<lead>\W*?)(?P<word>(?i:{alternatives}))(?P<num>\s+{NUMS})?(?P<punct>\s*[:;,.]|\s+[-–—](?=\s)|\s*$"
            rf"|\s+(?=[\p{{Lu}}\d«\"“‘'(]))\s*",
        )
        # a label inside a paragraph, after a sentence: a lost paragraph break ("… bereid? Antwoord: Ja, …")
        self.inline = regex.compile(
            rf"(?<=[.?!»”\")\]])\s+(?P<word>{alternatives})(?P<num>\s+\d{{1,3}}[a-z]?)?(?P<punct>\s*[:;])\s*"
        )
        self.fuzzy = regex.compile(r"^(?P<lead>\W*?)(?P<word>\p{L}{4,14})(?P<num>\s+\d{1,3}[a-z]?)?(?P<punct>\s*[:;])\s*")

    def match(self, text: str) -> LabelMatch | None:
        m = self.exact.match(text)
        if m and len(m.group("lead")) <= 2 and not regex.search(r"\w", m.group("lead")):
            word = m.group("word")
            punct = m.group("punct")
            if punct.strip() == "" and punct and word.islower():
                return None  # "antwoord Het…" in running text is not a label
            if punct.strip() in (",", ".") and not word[:1].isupper():
                return None
            if punct.strip() == "" and not punct and word[:1].islower():
                return None  # a lone "antwoord"
            return LabelMatch(m.start("word"), m.end(), word, _punct_kind(punct), _numbers(m.group("num") or ""), False)
        m = self.fuzzy.match(text)
        if m and not regex.search(r"\w", m.group("lead")):
            word = m.group("word")
            low = word.lower()
            for label in self.lower:
                if low != label and len(label) >= 6 and _edit_distance_1(low, label):
                    return LabelMatch(m.start("word"), m.end(), word, _punct_kind(m.group("punct")),
                                      _numbers(m.group("num") or ""), True)
        return None


def _punct_kind(punct: str) -> str:
    stripped = punct.strip()
    if not punct:
        return ""
    if not stripped:
        return " "
    return (" " if punct[0].isspace() else "") + stripped


def _edit_distance_1(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or transposition of neighbours."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


# -- building -----------------------------------------------------------------------------------------------


def _build(doc: Document, settings: Mapping[str, Any]) -> Structure:
    matcher = LabelMatcher(labels(settings))
    found = _numbered_labels(doc)
    vraag = sum(1 for x in found if x.kind == "vraag")
    if vraag >= 2 or (vraag and len(found) > vraag):
        return _build_numbered(doc, found)
    return _build_labelled(doc, matcher)


def _numbered_labels(doc: Document) -> list[NumberLabel]:
    """Every "Vraag N" / "Antwoord N" label: at the start of a line, after the end of a sentence, or glued to
    page furniture ("…Aanhangsel 1Antwoord 3").  Not "zie het antwoord op Vraag 3" in running text."""
    found: list[NumberLabel] = []
    for p in doc.paragraphs:
        text = p.text
        if "raag" not in text and "ntwoord" not in text:
            continue
        for m in NUMBERED_INLINE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            head = text[max(line_start, m.start() - 40) : m.start()]  # a bounded look back: linear in the text
            at_start = not head.strip() and m.start() - 40 <= line_start
            if not at_start and not _LABEL_HEAD.search(head):
                continue
            found.append(NumberLabel(m.group("kind").lower(), _numbers(m.group("numbers")), Span(p, m.start(), m.end())))
    return found


_LABEL_HEAD = re.compile(r"(?:[.?!»”\")\]]|\d)\s*$|Aanhangsel\s*\d*\s*$")


def _party(text: str) -> str | None:
    m = PARTY_HEADING.match(text)
    if not m:
        return None
    return (m.group("party") or m.group("party2") or "").strip() or None


_TITLE_LIKE_END = ".,;:?!…"


def _subheading(par: Paragraph, nxt: Paragraph | None) -> bool:
    """A short title-like body paragraph followed by running text: a topical subheading ("PFAS", "Metingen")."""
    t = par.text.strip()
    if not t or len(t) > 80 or t[-1] in _TITLE_LIKE_END or not (t[0].isupper() or t[0].isdigit()):
        return False
    if len(t.split()) > 8 or par.kind in (LIST, TABLE) or "\n" in t:
        return False
    if nxt is None:
        return False
    n = nxt.text.strip()
    return len(n) > 80 or (bool(n) and n[-1] in _TITLE_LIKE_END)


def _make_sections(events: list[tuple[int, Paragraph, str | None, bool]], n: int) -> tuple[Section, ...]:
    """Sections from the headings found (index, paragraph, party, topical); topical ones inherit the party."""
    out: list[Section] = []
    start, title, heading, party, topical = 0, "", None, None, False
    current_party = None
    for i, par, p_party, p_topical in events:
        if i > start or heading is not None:
            out.append(Section(title, heading, party, start, i, topical))
        if p_party is not None or not p_topical:
            current_party = p_party
        start, title, heading, party, topical = i, par.text.strip(), par, current_party, p_topical
    if n > start or heading is not None or not out:
        out.append(Section(title, heading, party, start, n, topical))
    return tuple(out)


def _sections_from_headings(doc: Document) -> tuple[Section, ...]:
    events = [(i, p, _party(p.text), False) for i, p in enumerate(doc.paragraphs) if p.kind == HEADING]
    return _make_sections(events, len(doc.paragraphs))


def _section_lookup(sections: tuple[Section, ...], n: int) -> list[Section | None]:
    out: list[Section | None] = [None] * n
    for s in sections:
        for i in range(s.start, min(s.end, n)):
            out[i] = s
    return out


QUESTION_LABEL = re.compile(r"^\W*Vra(?:ag|gen)(?:\s+\d{1,3}[a-z]?)?\s*:\s*")


def _question_spans(par: Paragraph) -> tuple[list[tuple[int, int]], str | None]:
    """The asking sentences of a paragraph and the strongest kind among them ("Vraag: …" asks, whatever it says)."""
    text = par.text
    m = QUESTION_LABEL.match(text)
    if m and text[m.end() :].strip():
        return [(m.end(), len(text.rstrip()))], "request"
    party_text = "leden" in text or "fractie" in text
    found: list[tuple[int, int]] = []
    best = None
    rank = {"direct": 3, "request": 2, "probable": 1}
    for s, e in sentences(text):
        kind = ask_kind(text[s:e], party_text)
        if kind:
            found.append((s, e))
            if best is None or rank[kind] > rank[best]:
                best = kind
    return found, best


class _Labelled:
    """The single pass over a labelled document (see `_build_labelled`)."""

    def __init__(self, labelled_doc: bool):
        self.labelled_doc = labelled_doc
        self.questions: list[list] = []  # [paragraphs, spans, certain]
        self.answers: list[dict] = []
        self.remarks: list[Paragraph] = []
        self.pending: list[list] = []
        self.floating: list[Paragraph] = []
        self.answer: dict | None = None
        self.answer_closed_since = True  # no answer was open since the last question

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
        q_spans = [Span(par, s, e) for s, e in spans]
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


def _build_labelled(doc: Document, matcher: LabelMatcher) -> Structure:
    paragraphs = doc.paragraphs
    items = [(i, p) for i, p in enumerate(paragraphs) if p.text.strip()]
    label_of: dict[int, LabelMatch] = {}
    for i, p in items:
        m = matcher.match(p.text)
        if m is not None:
            label_of[i] = m
    labelled_doc = sum(1 for m in label_of.values() if not m.fuzzy) >= 2
    st = _Labelled(labelled_doc)
    events: list[tuple[int, Paragraph, str | None, bool]] = []
    current_party = None
    for k, (i, par) in enumerate(items):
        st.prev_par = items[k - 1][1] if k else None
        nxt_i, nxt = items[k + 1] if k + 1 < len(items) else (None, None)
        text = par.text
        lab = label_of.get(i)
        # 1. a heading: a section boundary (Word heading styles, party headings, topical subheadings)
        party = _party(text) if len(text) < 200 else None
        is_heading = party is not None or (
            par.kind == HEADING and lab is None and "?" not in text and text.rstrip()[-1:] not in ".;:"
        )
        topical = False
        if not is_heading and lab is None and par.kind not in (LIST, TABLE) and events:
            if (nxt_i is None or nxt_i not in label_of) and _subheading(par, nxt):
                is_heading = topical = True
        if is_heading:
            st.boundary()
            if party is not None:
                current_party = party
            elif current_party is not None and len(text.split()) <= 8:
                topical = True  # a subheading under a party's heading ("PFAS")
            else:
                current_party = None
            events.append((i, par, party, topical))
            continue
        # 2. an answer label
        if lab is not None:
            st.close_answer()
            st.settle_floating(False)
            st.answer = {"pars": [par], "label": Span(par, lab.start, lab.end), "numbers": lab.numbers,
                         "word": lab.word, "punct": lab.punct, "fuzzy": lab.fuzzy}
            continue
        # 3. a question (after an answer only when it reads like the members' text again)
        spans, kind = _question_spans(par)
        if kind is not None and par.kind != TABLE:
            inline = matcher.inline.search(text) if ":" in text or ";" in text else None
            before = [sp for sp in spans if inline is not None and sp[1] <= inline.start() + 1]
            if (st.answer is not None or st.floating) and not before:
                # after an answer, only what reads as the members' text again starts a question
                party_start = bool(PARTY_REF.match(text))
                last = spans[-1]
                last_asks = last[1] >= len(text.rstrip()) - 1 and "?" in text[last[0] : last[1]]
                members = kind == "request" and any("leden" in text[a:b] or "fractie" in text[a:b] for a, b in spans)
                opens = kind == "probable" and spans[0][0] == 0
                if not (party_start or last_asks or members or opens or QUESTION_LABEL.match(text)):
                    kind = None
            if kind is not None:
                if before:
                    st.question(par, before, kind)
                    st.answer = {"pars": [par], "label": Span(par, inline.start("word"), inline.end()),
                                 "numbers": _numbers(inline.group("num") or ""), "word": inline.group("word"),
                                 "punct": _punct_kind(inline.group("punct")), "fuzzy": False, "inline": True}
                    continue
                st.question(par, spans, kind)
                continue
        # 4. a remark of the members that asks nothing
        if PARTY_REF.match(text):
            st.close_answer()
            st.settle_floating(True)
            st.remarks.append(par)
            continue
        # 5. running text: an answer goes on, or text after a question waits for what comes next
        if st.answer is not None:
            st.answer["pars"].append(par)
        elif st.pending:
            st.floating.append(par)
    st.close_answer()
    st.settle_floating(True)

    sections = _make_sections(events, len(paragraphs))
    section_at = _section_lookup(sections, len(paragraphs))
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
    mode = "labelled" if labelled_doc or any(a.label for a in answers) else "none"
    return Structure(sections, tuple(questions), tuple(answers), mode, remarks=tuple(st.remarks))


def _build_numbered(doc: Document, found: list[NumberLabel]) -> Structure:
    """Vraag N / Antwoord N: every label opens a unit that runs to the next label."""
    sections = _sections_from_headings(doc)
    section_at = _section_lookup(sections, len(doc.paragraphs))
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


def _split_unlabelled(spans: list[Span]) -> tuple[list[Span], list[Span]]:
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
        rest.append(Span(sp.paragraph, cut + lead, sp.end))
    rest += [x for x in spans[last + 1 :] if not re.match(r"\s*(?:\d|\[\d)", x.text)]
    words = sum(len(x.text.split()) for x in rest)
    if words < 12:
        return spans, []
    asked = spans[:last] + ([Span(sp.paragraph, sp.start, cut)] if cut > sp.start else [])
    return asked, rest


def _spans_between(doc: Document, index: dict, label: Span, end_par: Paragraph | None, end_off: int | None) -> list[Span]:
    """The text after a label up to the next label, one span per paragraph, page furniture left out."""
    spans: list[Span] = []
    i = index[id(label.paragraph)]
    paragraphs = doc.paragraphs
    while i < len(paragraphs):
        p = paragraphs[i]
        start = label.end if p is label.paragraph else 0
        stop = end_off if p is end_par else len(p.text)
        if stop is not None and stop > start:
            piece = p.text[start:stop]
            if piece.strip() and not FURNITURE.match(piece) and p.kind != TABLE:
                spans.append(Span(p, start, stop))
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


def _numbers(text: str) -> tuple[str, ...]:
    """"4 en 5" → ("4", "5"); "3 t/m 5" and "3-5" → ("3", "4", "5")."""
    out: list[str] = []
    for m in regex.finditer(r"(\d+[a-z]?)(?:\s*(?:t/m|tot\s+en\s+met|-|–)\s*(\d+[a-z]?))?", text):
        a, b = m.group(1), m.group(2)
        if b and a.isdigit() and b.isdigit() and 0 < int(b) - int(a) <= 50:
            out += [str(n) for n in range(int(a), int(b) + 1)]
        else:
            out.append(a)
            if b:
                out.append(b)
    return tuple(out)


# -- content words (for judging whether an answer addresses a question) ------------------------------------

STOPWORDS = frozenset(
    """
    aan aangaande aangezien achter af al alle allebei alleen als alsnog altijd ander andere anders bij bijna binnen
    boven buiten daar daarbij daardoor daarin daarmee daarna daarom daarop daarover daartoe daarvan daarvoor dan dat
    de deze die dien dit doch doen door dus echter een eens eerst en enige enkele er erg ergens even eveneens ge geen
    gehad gekund geleden gelijk gemoeten gemogen genoeg geweest gewoon gezegd had hadden hare heb hebben hebt heeft
    hem hen het hier hierbij hierdoor hierin hiermee hierna hierom hierop hierover hiervan hiervoor hij hoe hoewel hun
    iemand iets ik in inmiddels is ja je jij jou jouw juist kan kon konden kunnen kunt laat later liever maar meer
    mede meest men met mij mijn mijnheer minder misschien moest moet moeten mogen na naar nabij namelijk nee neem net
    niet niets noch nog nogal nu of ofschoon om omdat omtrent onder ondertussen ons onze ook op opdat over overigens
    pas precies reeds rond rondom sinds sommige steeds te tegen tenzij ter terwijl tijdens toch toe tot totdat tussen
    u uit uw van vanaf vandaan vanuit vanwege veel veeleer verder vervolgens via vol volgens voor vooraf vooral
    voordat voorts vrij waar waarbij waardoor waarin waarmee waarom waarop waarover waarvan wanneer want waren was wat
    we wederom weer wel welk welke werd werden wie wier wij wiens wil willen wilt word worden wordt zal ze zelf zelfs
    zich zij zijn zo zoals zodat zodra zonder zou zouden zowel zulk zulke zullen zult een twee drie vier vijf zes
    tevens daarnaast tot slot ten slotte eerder hierbij eraan ervan erover ervoor erin erop ermee kunt waarvoor
    leden fractie fracties staatssecretaris minister ministers kabinet regering bewindspersoon vraag vragen vraagt
    vroegen verzoeken verzoekt graag ontvangen vernemen horen reflectie reflecteren reactie toelichten toelichting
    aangeven bereid mening delen deelt eens erkent acht ziet zien bevestigen kunnen uiteenzetten concretiseren
    lezen lezen merken merkt opmerken constateren constateert stellen stelt vinden vindt menen achten hechten
    daadwerkelijk concreet concrete namelijk wijze manier mogelijk mogelijkheden nadrukkelijk specifiek expliciet
    antwoord antwoorden beantwoording beantwoorden zo ja nee hoeverre hoeveel waarom wanneer welke
    """.split()
)
_WORD = re.compile(r"[^\W\d_](?:[\w’'-]*[^\W\d_])?")
_SUFFIXES = ("en", "s", "e")


def norm(word: str) -> str:
    """A word in lower case with one inflection suffix taken off (omgevingsdiensten → omgevingsdienst)."""
    w = word.lower().replace("’", "").replace("'", "")
    if len(w) >= 6:
        for suffix in _SUFFIXES:
            if w.endswith(suffix):
                return w[: -len(suffix)]
    return w


_TOKENS: dict[str, tuple[str, ...]] = {}


def _tokens(word: str) -> tuple[str, ...]:
    """The content tokens of one word as written (memoised: words repeat)."""
    got = _TOKENS.get(word)
    if got is not None:
        return got
    out = []
    for part in [word] + (word.split("-") if "-" in word else []):
        if part.isupper() and 2 <= len(part) <= 6:  # an acronym (GGD, PAS, RIE) is never a stopword
            out.append(part)
            continue
        low = part.lower()
        if low in STOPWORDS or low.isdigit() or len(low) < 3:
            continue
        out.append(norm(part))
    got = tuple(out)
    if len(_TOKENS) < 200_000:
        _TOKENS[word] = got
    return got


def content_words(text: str, extra_stop: frozenset[str] = frozenset()) -> list[str]:
    """The normalised content words of a text: stopwords, the framing of a question ("De leden … vragen de
    staatssecretaris …") and short words left out; acronyms (GGD, RIE) kept as written; hyphenated compounds
    also in their parts.  `extra_stop`: more words to leave out, as `stop_tokens` makes them."""
    out: list[str] = []
    for word in _WORD.findall(text):
        for t in _tokens(word):
            if t not in extra_stop:
                out.append(t)
    return out


def stop_tokens(words) -> frozenset[str]:
    """Words (as written) made into tokens that `content_words` leaves out."""
    return frozenset(t for w in words for t in _tokens(w))


class WordMatcher:
    """Does a text contain a word, allowing other inflections and longer forms (verplaatsing ~ verplaatst)?"""

    def __init__(self, text: str):
        self.words = set(content_words(text))
        self.prefixes: set[str] = set()
        for w in self.words:
            for k in range(6, len(w) + 1):
                self.prefixes.add(w[:k])

    def __contains__(self, word: str) -> bool:
        if word in self.words:
            return True
        if word.isupper():
            return False
        if len(word) < 6:
            return False
        k = max(6, math.ceil(0.75 * len(word)))
        return word[:k] in self.prefixes


@dataclass(frozen=True)
class Rarity:
    """Document frequency of content words over the body paragraphs: rare words are distinctive."""

    df: Mapping[str, int]
    n: int

    def weight(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 0.5))

    def distinctive(self, word: str, share: float = 0.03) -> bool:
        """Rare in this letter: in at most max(2, share × paragraphs) paragraphs."""
        return self.df.get(word, 0) <= max(2, round(share * self.n))


def rarity(doc: Document) -> Rarity:
    cache = doc.meta.setdefault("_cache", {})
    if "rarity" not in cache:
        df: Counter = Counter()
        n = 0
        for p in doc.paragraphs:
            if p.text.strip():
                n += 1
                df.update(set(content_words(p.text)))
        cache["rarity"] = Rarity(df, n)
    return cache["rarity"]


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

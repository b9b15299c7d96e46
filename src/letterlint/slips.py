"""Confident typing slips in running Dutch text: unknown words one edit from a word that exists.

A word is a slip only when all of these hold (the rule ``misspelling`` reports them):

* the vocabulary (``letterlint.vocabulary``), the protected terms, the user's words and — where installed —
  Hunspell with the OpenTaal dictionary do not know it;
* one edit (a letter left out, added or replaced, or two adjacent letters swapped) turns it into a word that
  exists: one the letter itself uses, a protected term, or a word of the vocabulary; in words of up to six
  letters only into a common word (or one the letter uses), because short real words lie close together;
* it is not a compound of known parts (``netcongestie``: net + congestie; with a linking s or e:
  ``meekoppelkansen``), unless the letter itself uses the corrected word (bloostelling beside blootstelling);
* it is not an acronym, a word with digits, part of a web or mail address, in a run of English words, in a
  quotation or a definition (a term the letter defines), nor repeated (an unknown word the letter writes the
  same way twice is a term, not a slip);
* a capitalised word inside a sentence (a name) counts only when its correction is a known name or term of
  seven letters or more, or one the letter uses (Nederlnad, Kamerstukk), never when it is itself known.

Finding them is linear in the text: each distinct word is looked up once; only the few unknown words that
survive the cheap tests have their one-edit variants generated (about 60 per letter) and looked up.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .lexicon import edit_kind, in_address, is_acronym
from .vocabulary import Vocabulary
from .yamlrules import URL

# a word: letters (with accents) and inner apostrophes; hyphens separate words here
WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?")
ALPHABET = "abcdefghijklmnopqrstuvwxyzéëï"
MIN_LETTERS = 4
SHORT = 6  # up to this many letters, the correction must be a common word (or used in the letter)
COMMON = 200  # a count in the vocabulary that marks a common word
NAME_MIN = 8  # a name's correction from the vocabulary needs this many letters
LINKS = ("s", "e", "en", "er")  # linking letters between the parts of a compound
MIN_PART = 3
ENGLISH = frozenset("""the and for with are this that from which will been have has would should their its was were
be by on at an to of or not can into than these those such our your they there what when where who how""".split())
DUTCH_TOO = frozenset({"of", "an", "on", "is", "in", "door", "be"})  # never the only sign of English
QUOTED = regex.compile(r"«[^»\n]{1,120}»|“[^”\n]{1,120}”|‘[^’\n]{1,80}’|\"[^\"\n]{1,120}\"|'[^'\n]{1,80}'")
DEFINED = regex.compile(r"\(([^()]{2,60})\)")
# old case forms live on in fixed phrases (ten behoeve, ter plaatse, te allen tijde): never a slip after these
FIXED_BEFORE = frozenset({"ten", "ter", "te", "des"})


@dataclass(frozen=True)
class Slip:
    paragraph: object
    start: int
    end: int
    word: str
    suggestions: tuple[str, ...]  # best first
    edits: int = 1


def edits1(word: str) -> Iterable[str]:
    """Every string one edit from `word`: deletions, adjacent swaps, replacements and insertions."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for a, b in splits:
        if b:
            yield a + b[1:]
            if len(b) > 1 and b[0] != b[1]:
                yield a + b[1] + b[0] + b[2:]
            for c in ALPHABET:
                if c != b[0]:
                    yield a + c + b[1:]
        for c in ALPHABET:
            yield a + c + b


class Checker:
    """What counts as a known word: the vocabulary, extra words (terms, the user's) and Hunspell's opinion."""

    def __init__(self, vocabulary: Vocabulary | None, extra: Iterable[str] = (), second_opinion=None):
        self.vocabulary = vocabulary
        self.extra: dict[str, str] = {}
        for word in extra:
            for part in regex.split(r"[\s\-\u2011/]+", word):
                if part:
                    self.extra.setdefault(part.lower(), part)
        self.second_opinion = second_opinion

    def count(self, word: str) -> int:
        lower = word.lower()
        if lower in self.extra:
            return COMMON
        return self.vocabulary.count(lower) if self.vocabulary is not None else 0

    def compound(self, word: str, depth: int = 0) -> bool:
        """`word` (lower case) splits into known parts, with or without a linking s or e."""
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:i], word[i:]
            if not (self.count(tail) or (depth < 1 and len(tail) >= 2 * MIN_PART and self.compound(tail, depth + 1))):
                continue
            if self.count(head):
                return True
            for link in LINKS:
                if head.endswith(link) and len(head) - len(link) >= MIN_PART and self.count(head[:-len(link)]):
                    return True
        return False


class _Letter:
    """What the letter itself says about its words: how often each is used, what it quotes or defines."""

    def __init__(self, texts: list[str]):
        self.forms: Counter[str] = Counter()
        self.defined: set[str] = set()
        for text in texts:
            self.forms.update(WORD.findall(text))
            if "(" in text or "«" in text or "“" in text or "‘" in text or "'" in text or '"' in text:
                for pattern in (QUOTED, DEFINED):
                    for m in pattern.finditer(text):
                        self.defined.update(w.lower() for w in WORD.findall(m.group()))
        self.lower: Counter[str] = Counter()
        self.capitalised: set[str] = set()
        for form, n in self.forms.items():
            self.lower[form.lower()] += n
            if form[:1].isupper():
                self.capitalised.add(form.lower())
        self._deletions: dict[str, list[str]] | None = None

    def near(self, word: str) -> set[str]:
        """The letter's words (lower case) one edit from `word`: a deletion index, built on first use."""
        if self._deletions is None:
            self._deletions = {}
            for w in self.lower:
                if len(w) >= MIN_LETTERS - 1:
                    for key in {w} | {w[:i] + w[i + 1:] for i in range(len(w))}:
                        self._deletions.setdefault(key, []).append(w)
        out = set()
        for key in {word} | {word[:i] + word[i + 1:] for i in range(len(word))}:
            for w in self._deletions.get(key, ()):
                if w != word and edit_kind(word, w) is not None:
                    out.add(w)
        return out


def find(pars: list, checker: Checker, repeated: int = 2) -> list[Slip]:
    """The confident slips in the paragraphs (objects with `.text`).

    Each distinct word is judged once; only paragraphs holding a suspect are searched for its places."""
    letter = _Letter([p.text for p in pars])
    suspects = {}
    for word, n in letter.forms.items():
        if n < repeated and len(word) >= MIN_LETTERS and not is_acronym(word) and "'" not in word and "’" not in word:
            verdict = _verdict(word, word[:1].isupper(), checker, letter)
            if verdict is not None:
                suspects[word] = verdict
    out = []
    if suspects and checker.second_opinion is not None:
        try:  # Hunspell knows many inflections and compounds; what it knows is no slip
            doubted = checker.second_opinion.unknown(sorted(suspects))
        except (OSError, ValueError, subprocess.SubprocessError):
            doubted = set(suspects)
        suspects = {w: v for w, v in suspects.items() if w in doubted}
    if not suspects:
        return out
    for par in pars:
        text = par.text
        if not any(w in text for w in suspects):
            continue
        for m in WORD.finditer(text):
            word, s, e = m.group(), m.start(), m.end()
            if word in suspects and _context_ok(text, s, e):
                suggestions, edits = suspects[word]
                out.append(Slip(par, s, e, word, suggestions, edits))
    return out


def _context_ok(text: str, s: int, e: int) -> bool:
    """The place allows a slip: no digits beside it, not in an address, English, a fixed phrase or a cut word."""
    if (s and (text[s - 1].isdigit() or text[s - 1] in "_@./\\")) or text[e:e + 1].isdigit():
        return False
    if in_address(text, s, e) or _hyphen_cut(text, s, e) or _after_fixed(text, s) or _english(text, s, e):
        return False
    if "/" in text or "@" in text or "www." in text:
        return not any(m.start() < e and s < m.end() for m in URL.finditer(text))
    return True


def _hyphen_cut(text: str, s: int, e: int) -> bool:
    """A part of a hyphenated word or a compound cut short (onderzoeks- en meetprogramma), or the second
    half of a word broken at a line end (zorgaanbie- ders: a defect of the extraction, not a slip)."""
    if text[e:e + 1] in ("-", "\u2011", ")") or (s > 0 and text[s - 1] in ("-", "\u2011", "(")):
        return True
    return s > 2 and text[s - 2] in ("-", "\u2011") and text[s - 1].isspace() and text[s - 3].isalpha()


def _after_fixed(text: str, s: int) -> bool:
    before = WORD.findall(text[max(0, s - 8):s])
    return bool(before) and before[-1].lower() in FIXED_BEFORE and text[s - 1:s].isspace()


def _verdict(word: str, name: bool, checker: Checker, letter: _Letter):
    """(suggestions, edits) when `word` is a confident slip, else None."""
    lower = word.lower()
    if checker.count(lower) or lower in letter.defined:
        return None
    compound = checker.compound(lower)
    scores: dict[str, tuple[bool, int]] = {}
    for cand in letter.near(lower):
        if name and cand not in letter.capitalised:
            continue  # a name is corrected by a name the letter uses, not by a common word
        if compound and _linking_only(lower, cand):
            continue  # vervoerdiensten beside vervoersdiensten: both are written
        scores[cand] = (True, checker.count(cand))
    if not compound:  # a compound of known parts is corrected only by a word the letter uses
        for cand in edits1(lower):
            if cand not in scores:
                n = checker.count(cand)
                if n:
                    scores[cand] = (False, n)
    if not scores:
        return None
    scored = sorted(((v[0], v[1], c) for c, v in scores.items()), reverse=True)
    in_letter, n, best = scored[0]
    if not _confident(lower, name, in_letter, n, best):
        return None
    return tuple(_case_like(word, c) for _, _, c in scored[:3]), 1


def _confident(lower: str, name: bool, in_letter: bool, n: int, best: str) -> bool:
    if _inflection(lower, best):
        return False  # actualisaties beside actualisatie, opgaves beside opgave: a form the vocabulary lacks
    if in_letter:
        return True
    if len(lower) <= SHORT and n < COMMON:
        return False
    return not (name and len(best) < NAME_MIN)


def _inflection(word: str, known: str) -> bool:
    """word is known + a plural ending (s, n), or known less a final s, n or e (control beside controle)."""
    if word.startswith(known) and word[len(known):] in ("s", "n"):
        return True
    return known.startswith(word) and known[len(word):] in ("s", "n", "e")


def _linking_only(a: str, b: str) -> bool:
    """a and b differ by a linking s or e only (vervoerdiensten, vervoersdiensten: both are written)."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) != len(short) + 1:
        return False
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return long_[i] in "se"


def _case_like(word: str, suggestion: str) -> str:
    if word.isupper():
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and (text[j].isspace() or text[j] in "\"'“‘«„(*-–•"):
        j -= 1
    return j < 0 or text[j] in ".!?:;" or (text[j].isdigit() and j < 6)


def _english(text: str, s: int, e: int) -> bool:
    """The word stands in a run of English: two English function words among the six words around it."""
    before = WORD.findall(text[max(0, s - 60):s])[-3:]
    after = WORD.findall(text[e:e + 60])[:3]
    hits = [w.lower() for w in before + after if w.lower() in ENGLISH]
    return len(hits) >= 2 and any(w not in DUTCH_TOO for w in hits)


# -- hyphens -----------------------------------------------------------------------------------------------

# an acronym glued to a word (ZZSemissies); IJ is a Dutch letter, not an acronym (IJsselmeer)
GLUED = regex.compile(r"(?<![\w\-\u2011])(?!IJ)(\p{Lu}{2,6})(\p{Ll}{4,})(?![\w\-\u2011])")
SPACED = regex.compile(r"(?<![\w\-\u2011])(\p{Lu}{2,6})[ \u00A0](\p{Ll}{4,})(?![\w\-\u2011])")
# a hyphen that stands for a left-out part needs a space after it: "Kennis- en Innovatieconvenant"
ELISION = regex.compile(r"(?<![\w\-\u2011])(\p{L}\p{Ll}{2,})([\-\u2011])(en|of) (?=\p{L})")


@dataclass(frozen=True)
class HyphenSlip:
    paragraph: object
    start: int
    end: int
    found: str
    right: str
    kind: str  # acronym | elision


def hyphen_slips(pars: list, checker: Checker) -> list[HyphenSlip]:
    """An acronym and a word written without their hyphen (ZZSemissies; ZZS emissies where the letter also writes
    ZZS-emissies), and an elision hyphen without its space (Kennis-en Innovatieconvenant)."""
    hyphenated = set()
    for par in pars:
        if "-" in par.text or "\u2011" in par.text:
            hyphenated.update(m.group().lower() for m in regex.finditer(r"\p{Lu}{2,6}[\-\u2011]\p{Ll}{4,}", par.text))
    out = []
    for par in pars:
        text = par.text
        for m in GLUED.finditer(text):
            if checker.count(m.group(2)) and not in_address(text, m.start(), m.end()):
                out.append(HyphenSlip(par, m.start(), m.end(), m.group(), f"{m.group(1)}-{m.group(2)}", "acronym"))
        for m in SPACED.finditer(text):
            if f"{m.group(1)}-{m.group(2)}".lower() in hyphenated:
                out.append(HyphenSlip(par, m.start(), m.end(), m.group(), f"{m.group(1)}-{m.group(2)}", "acronym"))
        for m in ELISION.finditer(text):
            if not is_acronym(m.group(1)):
                found = text[m.start():m.end() - 1]
                out.append(HyphenSlip(par, m.start(), m.end() - 1, found,
                                      f"{m.group(1)}{m.group(2)} {m.group(3)}", "elision"))
    return out

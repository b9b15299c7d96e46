"""Protected terms and their near-misses: acronyms, institution names and fixed terms.

The lexicon is data (the `terms` of the `typo` rule in rules.yaml).  Each entry is a term as it must be
written ("RIVM", "bevoegd gezag", "Omgevingswet"), optionally with other protected `forms` of it (plurals:
"staatssecretarissen"), `neighbours` (real words or names one letter away that must never be taken for a
slip of it: "GGZ" for "GGD", "IenM" for "IenW") and `near-miss: false` to protect it without looking for
near-misses.

A near-miss is a word one edit away from a protected term of four or more letters: one letter left out,
added or replaced, or two adjacent letters swapped ("RVIM", "Omgevinsgwet", "staatsecretaris").  Finding
them is linear in the text: every protected form of four or more letters is stored under itself and each of
its one-letter deletions (a SymSpell-style deletion index); a word of the text is looked up under itself and
its own deletions, and each candidate is verified with an exact edit check.  No pattern is run over the
text per term.

Guards against flagging real words:

* a word that is itself a protected term, form or neighbour is never a near-miss;
* multi-word terms ("bevoegd gezag") match only as a whole: all words but one exact, the other one edit
  away ("bevoegd bezag"), so "bezag" alone (a real word: hij bezag) is never flagged; an inflection of the
  term's word ("bevoegde gezag", "Tweede Kamers") is not a slip;
* an acronym's near-miss must itself look like an acronym (two capitals or more); in a four-letter acronym
  only a swap counts (RIVO and IenM are other bodies, not slips of RIVM and IenW), and an acronym the
  document defines itself ("(AMVI)") is never taken for a slip;
* the case of an acronym ("Rivm", "JLOI" for "JLoI") is checked separately; all-capital text (headings)
  is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

# a word with hyphens inside it ("RVIM-rapport", "minister-president"), and its parts
CHUNK = regex.compile(r"\w+(?:[-\u2011]\w+)*")
PART = regex.compile(r"\w+")
DEFINED = regex.compile(r"\((\p{Lu}[\p{L}&]{1,11})\)")
SPACE_ONLY = regex.compile(r"[ \t\n\r\u00A0\u202F]+")
MIN_LENGTH = 4  # near-misses only for terms of four or more letters
SHORT_WORD = 6  # ... and for a word that is not an acronym, six or more
INFLECTIONS = ("e", "s", "n", "en", "'s", "’s", "es", "ren", "er")


def is_acronym(word: str) -> bool:
    """Two capitals or more: RIVM, JLoI, IenW, NZa, PvdA (not Omgevingswet)."""
    return sum(1 for c in word if c.isupper()) >= 2


def edit_kind(found: str, term: str) -> str | None:
    """How `found` differs from `term` by exactly one edit: substitution, swap, insertion, deletion; else None."""
    if found == term:
        return None
    lf, lt = len(found), len(term)
    if lf == lt:
        diffs = [i for i in range(lf) if found[i] != term[i]]
        if len(diffs) == 1:
            return "substitution"
        if (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and found[diffs[0]] == term[diffs[1]]
                and found[diffs[1]] == term[diffs[0]]):
            return "swap"
        return None
    if abs(lf - lt) != 1:
        return None
    short, long_ = (found, term) if lf < lt else (term, found)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    if short[i:] != long_[i + 1:]:
        return None
    return "insertion" if lf > lt else "deletion"


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _inflected(a: str, b: str) -> bool:
    """a and b differ by an inflectional ending only (gezag/gezagen, bevoegd/bevoegde, Kamer/Kamers)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.startswith(short) and long_[len(short):] in INFLECTIONS


def _match_case(suggestion: str, found: str, term_is_acronym: bool) -> str:
    if term_is_acronym:
        return suggestion
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return suggestion.upper()
    if found[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


@dataclass(frozen=True)
class Target:
    """One protected form: what a near-miss of it is corrected to."""

    text: str  # as it must be written
    words: tuple[str, ...]  # lower-cased words
    term: str  # the entry's term (for messages)
    acronym: bool
    near_miss: bool
    note: str | None = None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    found: str
    suggestion: str
    kind: str  # near-miss | case
    target: Target
    edit: str | None = None  # substitution | swap | insertion | deletion


@dataclass
class Lexicon:
    targets: list[Target] = field(default_factory=list)
    accepted: set[str] = field(default_factory=set)  # lower-cased single words that are never near-misses
    accepted_phrases: set[str] = field(default_factory=set)  # lower-cased, single-spaced multi-word forms
    exact: set[str] = field(default_factory=set)  # single words as written (for the case of acronyms)

    @classmethod
    def from_entries(cls, entries: Iterable) -> Lexicon:
        lex = cls()
        for entry in entries:
            if isinstance(entry, str):
                entry = {"term": entry}
            term = " ".join(entry["term"].split())
            near = entry.get("near-miss", True)
            for form in [term, *entry.get("forms", [])]:
                lex._add_target(" ".join(form.split()), term, near, entry.get("note"))
            for neighbour in entry.get("neighbours", []):
                lex._accept(" ".join(neighbour.split()))
        lex._index()
        return lex

    def _accept(self, text: str) -> None:
        words = text.lower().split()
        if len(words) == 1:
            self.accepted.add(words[0])
            self.exact.add(text)
        else:
            self.accepted_phrases.add(" ".join(words))

    def _add_target(self, text: str, term: str, near: bool, note: str | None) -> None:
        words = tuple(text.lower().split())
        self.targets.append(Target(text, words, term, len(words) == 1 and is_acronym(text), near, note))
        self._accept(text)

    def _index(self) -> None:
        self._deletion_index: dict[str, list[Target]] = {}
        self._case: dict[str, Target] = {}
        self._anchors: dict[str, list[tuple[Target, int]]] = {}
        for t in self.targets:
            if len(t.words) == 1:
                word = t.words[0]
                if t.acronym:
                    self._case.setdefault(word, t)
                if t.near_miss and _letters(word) >= MIN_LENGTH:
                    for key in {word} | _deletions(word):
                        self._deletion_index.setdefault(key, []).append(t)
            elif t.near_miss:
                for i, word in enumerate(t.words):
                    if _letters(word) >= MIN_LENGTH:
                        self._anchors.setdefault(word, []).append((t, i))
        self._cache: dict[tuple[str, bool], tuple[Target, str] | None] = {}

    # -- words of the lexicon (for a spelling dictionary) ----------------------------------------------

    def words(self) -> set[str]:
        out = set()
        for t in self.targets:
            out.update(PART.findall(t.text))
            out.update(CHUNK.findall(t.text))
        return out

    # -- finding -------------------------------------------------------------------------------------

    def _single(self, word: str) -> tuple[Target, str] | None:
        """The protected single-word form that `word` is a near-miss of, with the kind of edit."""
        lower = word.lower()
        acronym = is_acronym(word)
        key = (word, acronym)
        if key in self._cache:
            return self._cache[key]
        result = None
        if lower not in self.accepted and len(lower) >= MIN_LENGTH - 1 and not any(c.isdigit() for c in lower):
            seen = set()
            for k in (lower, *_deletions(lower)):
                for t in self._deletion_index.get(k, ()):
                    if id(t) in seen:
                        continue
                    seen.add(id(t))
                    kind = edit_kind(lower, t.words[0])
                    if kind is None or not self._plausible(word, t, kind):
                        continue
                    result = (t, kind)
                    break
                if result:
                    break
        if len(self._cache) > 50000:
            self._cache.clear()
        self._cache[key] = result
        return result

    @staticmethod
    def _plausible(word: str, t: Target, kind: str) -> bool:
        if _letters(word) < MIN_LENGTH and not t.acronym:
            return False
        if t.acronym:
            if not is_acronym(word):
                return False  # "rvim" or "Rivm" are not acronym slips; case is checked apart
            if kind == "swap":
                return True
            if kind in ("insertion", "deletion"):
                return _letters(word) >= MIN_LENGTH
            return _letters(t.words[0]) >= 5  # a letter replaced in a four-letter acronym: another body
        if t.text[:1].isupper() and not word[:1].isupper():
            return False  # a name's slip keeps its capital: kaderbrief, wandelingen are other words
        if _letters(t.words[0]) < SHORT_WORD:
            return False  # Volt/vult, Bal/bal: a short word's neighbours are real words
        if _inflected(word.lower(), t.words[0]):
            return False
        return True

    def scan(self, text: str, defined: set[str] = frozenset(), skip: list[tuple[int, int]] = ()) -> Iterator[Hit]:
        """Near-misses and acronym case slips in `text`, in text order, without overlaps."""
        hits: list[Hit] = []
        chunks = [(m.group(), m.start(), m.end()) for m in CHUNK.finditer(text)]
        caps_context = _mostly_capitals(text)
        for word, start, end in chunks:
            pieces = [(word, start, end)]
            if "-" in word or "\u2011" in word:
                pieces += [(m.group(), start + m.start(), start + m.end()) for m in PART.finditer(word)]
            if _in_address(text, start, end):
                continue  # rivm.nl, info@ggd.nl: a domain is spelled as it is
            for piece, s, e in pieces:
                if piece in defined:
                    continue
                lower = piece.lower()
                case_target = self._case.get(lower)
                if case_target is not None:
                    if piece not in self.exact and not caps_context and _case_slip(piece, case_target.text):
                        hits.append(Hit(s, e, piece, case_target.text, "case", case_target))
                    continue
                found = self._single(piece)
                if found:
                    t, kind = found
                    hits.append(Hit(s, e, piece, _match_case(t.text, piece, t.acronym), "near-miss", t, kind))
        if self._anchors:
            hits += self._multi(text, chunks)
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        last = -1
        for h in hits:
            if h.start < last or any(s < h.end and h.start < e for s, e in skip):
                continue
            last = h.end
            yield h

    def _multi(self, text: str, chunks: list[tuple[str, int, int]]) -> list[Hit]:
        out = []
        lowers = [c[0].lower() for c in chunks]
        for j, lower in enumerate(lowers):
            for t, i in self._anchors.get(lower, ()):
                s = j - i
                n = len(t.words)
                if s < 0 or s + n > len(chunks):
                    continue
                window = lowers[s:s + n]
                misses = [k for k in range(n) if window[k] != t.words[k]]
                if len(misses) != 1:
                    continue
                k = misses[0]
                got, want = window[k], t.words[k]
                written, term_word = chunks[s + k][0], t.text.split()[k]
                if term_word[:1].isupper() != written[:1].isupper() and not (k == 0 and written[:1].isupper()):
                    continue  # "het eerste kader" is no slip of "Eerste Kamer"
                if _letters(want) < MIN_LENGTH or _letters(got) < MIN_LENGTH - 1:
                    continue
                kind = edit_kind(got, want)
                if kind is None or _inflected(got, want):
                    continue
                if " ".join(window) in self.accepted_phrases:
                    continue
                start, end = chunks[s][1], chunks[s + n - 1][2]
                if any(not SPACE_ONLY.fullmatch(text[chunks[q][2]:chunks[q + 1][1]]) for q in range(s, s + n - 1)):
                    continue
                found = text[start:end]
                out.append(Hit(start, end, found, _match_case(t.text, found, False), "near-miss", t, kind))
        return out


def _case_slip(found: str, term: str) -> bool:
    """A case variant of an acronym worth flagging: JLOI for JLoI, IENW for IenW, Rivm for RIVM.

    A variant with at most one capital (Denk, om) is flagged only for an all-capital acronym of four
    letters or more, where it cannot be an ordinary word at the start of a sentence.
    """
    if is_acronym(found):
        return True
    return len(term) >= 4 and term.isupper() and found[:1].isupper() and found[1:].islower()


def _in_address(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start]
    after = text[end:end + 2]
    return before in (".", "@", "/") or after[:1] == "/" or (after[:1] in (".", "@") and after[1:2].isalnum())


def _letters(word: str) -> int:
    return sum(1 for c in word if c.isalpha())


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(1 for c in letters if c.isupper()) > 0.8 * len(letters)


def defined_acronyms(texts: Iterable[str]) -> set[str]:
    """Acronyms a document defines in brackets, "Adviescommissie … (AMVI)": its own, never a slip."""
    out: set[str] = set()
    for text in texts:
        if "(" in text:
            out.update(m.group(1) for m in DEFINED.finditer(text) if is_acronym(m.group(1)))
    return out

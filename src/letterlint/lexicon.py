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
* a word that is not an acronym needs six letters or more (Volt/vult), a name's slip keeps its capital
  (kaderbrief and wandelingen are no slips of Kamerbrief and Handelingen), and an inflection is no slip;
* words in web and mail addresses and identifiers (rivm.nl, IENW/BSK-2026/1) are left alone;
* the case of an acronym ("Rivm", "JLOI" for "JLoI", "IENW" for "IenW") is checked separately; a variant
  with one capital only for all-capital acronyms of four letters or more (Rivm, not Denk); all-capital
  text (headings) is left alone.

Screening (screen, quiet, could_hit): the typo rule does not scan every paragraph.  What a token (a run of
text without white space) can contribute is worked out once per process, with quick necessary conditions
first (_may_matter), and only paragraphs whose tokens together can give a hit are scanned
(wordlists.Screen; tests/test_typo_screen.py checks the findings equal scanning everything).

tests/test_rule_typo.py scans every stem of the OpenTaal word list with the bundled lexicon: none of them
may come out as a near-miss.
"""

from __future__ import annotations

import operator
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .chunking import PIECE, pieces
from .lazyre import lazy

if TYPE_CHECKING:
    from .runner import Where

# a word with hyphens inside it ("RVIM-rapport", "minister-president"), and its parts
CHUNK = lazy(r"\w+(?:[-\u2011]\w+)*")
PART = lazy(r"\w+")
DEFINED = lazy(r"\((\p{Lu}[\p{L}&]{1,11})\)")
SPACE_ONLY = lazy(r"[ \t\n\r\u00A0\u202F]+")
MIN_LENGTH = 4  # near-misses only for terms of four or more letters
SHORT_WORD = 6  # ... and for a word that is not an acronym, six or more
# Dutch function words: never an anchor of a multi-word term (they are in every paragraph); for the
# term-consistency rule, never part of a multi-word term (voor dat/voordat, ten minste/tenminste).
FUNCTION_WORDS = frozenset("""
aan achter af al alle alleen als andere bij binnen boven buiten daar daarom dan dat de deze die dit door dus
een eens elk elke en er even geen haar heel hen het hier hij hoe hun ieder iedere in is je kan men met mee
meer minder na naar naast niet nog nu of om omdat onder ons onze ook op over per reeds rond samen sinds tegen
te ten ter terug tijdens toch toe tot tussen uit uw van vanaf vanuit veel via voor vooral waar wat we weer wel
welk welke wie wij worden wordt zal ze zeer zij zijn zo zoals zodat zonder zou zullen een twee drie vier vijf
zes zeven acht negen tien honderd duizend miljoen miljard
""".split())
INFLECTIONS = ("e", "s", "n", "en", "'s", "’s", "es", "ren", "er")


def is_acronym(word: str) -> bool:
    """Two capitals or more: RIVM, JLoI, IenW, NZa, PvdA (not Omgevingswet)."""
    return sum(map(str.isupper, word)) >= 2  # (map: no Python step per letter)


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


def _end_size(length: int) -> int:
    """How many letters at each end of a word of this length (four or more) one edit leaves as they were at
    one end at least: a word of 2s+1 letters or more keeps its first s or its last s."""
    return max(2, (length - 1) // 2)


def _ends(word: str) -> list[tuple[str, str, int]]:
    """Keys a word one edit away from `word` (four letters or more) has at least one of (see _end_keys): its
    first letters or its last (_end_size), with its length; for a four-letter word also its first and last
    letter (a swap in the middle: abcd, acbd)."""
    s = _end_size(len(word))
    keys = [(side, part, n) for n in (len(word) - 1, len(word), len(word) + 1)
            for side, part in (("<", word[:s]), (">", word[-s:]))]
    if len(word) == 4:
        keys.append(("=", word[0] + word[-1], 4))
    return keys


def _end_keys(word: str) -> list[tuple[str, str, int]]:
    """The keys of _ends a word has, for terms one letter shorter, as long, or one longer."""
    n = len(word)
    keys = [("=", word[:1] + word[-1:], n)]
    for s in {_end_size(n - 1), _end_size(n), _end_size(n + 1)}:
        keys += [("<", word[:s], n), (">", word[-s:], n)]
    return keys


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
class Screened:
    """What one token can contribute to Lexicon.scan (see Lexicon.screen)."""

    single: bool  # a chunk of it is a near-miss or a case slip of a single-word term
    anchor: bool  # a chunk of it is a word a multi-word term is looked for from
    words: int  # bit set of the words of multi-word terms a chunk of it is (Lexicon._word_bit)
    slips: int  # bit set of the words of multi-word terms a chunk of it is one edit away from

    def __bool__(self) -> bool:
        return self.single or bool(self.words) or bool(self.slips)


QUIET = Screened(False, False, 0, 0)


@dataclass(frozen=True)
class Hit:
    """A near-miss (or a wrongly cased form) of a protected term, found in a text."""

    start: int
    end: int
    found: str
    suggestion: str
    kind: str  # near-miss | case
    target: Target
    edit: str | None = None  # substitution | swap | insertion | deletion


@dataclass
class Lexicon:
    """The protected terms, their accepted forms and neighbours, indexed to find near-misses in a text."""

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
        self._lengths: dict[str, set[int]] = {}
        self._case: dict[str, Target] = {}
        self._anchors: dict[str, list[tuple[Target, int]]] = {}
        # the screen (see screen()): the multi-word terms that can be found, their words, and those words
        # and their deletions (a word one edit away from one of them shares a key with it)
        self._multi_terms: list[tuple[Target, frozenset[int]]] = []  # (term, indices of its anchors)
        self._term_words: dict[str, list[tuple[int, int]]] = {}  # word → (term number, word number)
        self._slip_index: dict[str, list[tuple[int, int, str]]] = {}
        self._word_bit: dict[tuple[int, int], int] = {}  # (term, word) → a bit of Screened.words / .slips
        self._others: dict[int, int] = {}  # a word's bit → the bits of the other words of its term
        self._slip_ends: set[tuple[str, str, int]] = set()  # a quick "no" first (see _ends)
        self._ends: set[tuple[str, str, int]] = set()  # the same for every term's word (_may_matter)
        self._acronym_ends: set[tuple[str, str, int]] = set()  # and for acronyms
        for t in self.targets:
            if len(t.words) == 1:
                word = t.words[0]
                if t.acronym:
                    self._case.setdefault(word, t)
                if t.near_miss and _letters(word) >= MIN_LENGTH:
                    for key in {word} | _deletions(word):
                        self._deletion_index.setdefault(key, []).append(t)
                    if t.acronym:
                        self._acronym_ends.update(_ends(word))  # (an acronym's slip is an acronym)
                    elif _letters(word) >= SHORT_WORD:  # (a shorter word's near-misses are not: _plausible)
                        self._ends.update(_ends(word))
                    # which words can be a near-miss of it at all: by shape (an acronym's slip is an acronym,
                    # a name's slip starts with a capital) and length; most words of a text are neither
                    shapes = ("acronym",) if t.acronym else ("capital",) if t.text[:1].isupper() else ("capital", "lower")
                    for shape in shapes:
                        self._lengths.setdefault(shape, set()).update((len(word) - 1, len(word), len(word) + 1))
            elif t.near_miss:
                # A window is found from an exact word of the term (its anchor).  With one word missed, one of
                # the two longest words is still exact: two anchors are enough, and long words are rare.
                significant = [(len(w), i) for i, w in enumerate(t.words)
                               if _letters(w) >= MIN_LENGTH and w not in FUNCTION_WORDS]
                for _, i in sorted(significant, reverse=True)[:2]:
                    self._anchors.setdefault(t.words[i], []).append((t, i))
                if significant:  # a term without an anchor is never found (see _multi)
                    self._index_multi(t, [i for _, i in sorted(significant, reverse=True)[:2]])
        self._cache: dict[tuple[str, str], tuple[Target, str] | None] = {}
        self._words: dict[str, tuple] = {}
        self._boring: set[str] = set()  # words that are neither near a term nor part of one
        self._quiet: set[str] = set()  # chunks screen() found to contribute nothing

    def _index_multi(self, t: Target, anchors: list[int]) -> None:
        n = len(self._multi_terms)
        self._multi_terms.append((t, frozenset(anchors)))
        first = len(self._word_bit)
        for k in range(len(t.words)):
            self._word_bit[n, k] = first + k
        everything = ((1 << len(t.words)) - 1) << first
        for k, w in enumerate(t.words):
            self._others[first + k] = everything & ~(1 << (first + k))
            self._term_words.setdefault(w, []).append((n, k))
            if _letters(w) >= MIN_LENGTH:  # _multi skips a slipped word shorter than that
                for key in {w} | _deletions(w):
                    self._slip_index.setdefault(key, []).append((n, k, w))
                self._slip_ends.update(_ends(w))
                self._ends.update(_ends(w))

    # -- screening: what a token can contribute to scan() ------------------------------------------------

    def screen(self, token: str, known_quiet: AbstractSet[str] = frozenset()) -> Screened:
        """What the chunks of `token` (a run of text without white space) can contribute to scan().

        Every chunk scan() looks at lies inside one such token, so what a text's tokens say together
        (could_hit) is a superset of what scan() finds in it: it ignores addresses, defined acronyms,
        all-capital text and word order.  Not cached here: the caller keeps it per token.  `known_quiet`:
        chunks the caller found quiet() already (the typo screen's, kept between runs), not judged again.
        """
        chunks = CHUNK.findall(token)
        quiet = self._quiet
        if quiet.issuperset(chunks):
            return QUIET  # the common case, decided in C
        single = anchor = False
        words = slips = 0
        for chunk in set(chunks).difference(quiet, known_quiet):
            if self.quiet(chunk):
                quiet.add(chunk)
                continue
            found, _ = self._classify(chunk)
            lower = chunk.lower()
            said = self._term_words.get(lower, ())
            slipped = list(self._slips(lower, chunk))
            if not found and not said and not slipped:
                if len(quiet) > 100000:
                    quiet.clear()
                quiet.add(chunk)
                continue
            single = single or bool(found)
            for n, k in said:
                words |= 1 << self._word_bit[n, k]
                anchor = anchor or k in self._multi_terms[n][1]
            for n, k in slipped:
                slips |= 1 << self._word_bit[n, k]
        return Screened(single, anchor, words, slips)

    def quiet(self, chunk: str) -> bool:
        """`chunk` (a chunk as CHUNK finds it) can contribute nothing to scan(): screen() of a token made of
        such chunks (and punctuation) says nothing."""
        if "-" in chunk or "\u2011" in chunk:  # _classify looks at the parts too
            return not any(self._may_matter(piece) for piece in [chunk, *PART.findall(chunk)])
        return not self._may_matter(chunk)

    def _may_matter(self, word: str) -> bool:
        """A quick "no" for most words: not an acronym of the lexicon in any case, not a word of a multi-word
        term, and not one edit away from a term's word by its ends and length (_ends; an acronym's slip has
        two capitals)."""
        lower = word.lower()
        if lower in self._case or lower in self._term_words or not self._ends.isdisjoint(_end_keys(lower)):
            return True
        return is_acronym(word) and not self._acronym_ends.isdisjoint(_end_keys(lower))

    def _slips(self, lower: str, written: str) -> Iterator[tuple[int, int]]:
        """(term number, word number) of the words of multi-word terms that `written` (`lower`, lower-cased)
        can be the slip of, as _multi judges a slip."""
        if self._slip_ends.isdisjoint(_end_keys(lower)) or _letters(lower) < MIN_LENGTH - 1:
            return
        for key in (lower, *_deletions(lower)):
            for n, k, want in self._slip_index.get(key, ()):
                term_word = self._multi_terms[n][0].text.split()[k]
                if term_word[:1].isupper() != written[:1].isupper() and not (k == 0 and written[:1].isupper()):
                    continue
                if edit_kind(lower, want) is not None and not _inflected(lower, want):
                    yield n, k

    def could_hit(self, single: bool, words: int, slips: int) -> bool:
        """Can scan() find something in a text whose tokens, screened, say this together (bit sets of
        Screened)?  A multi-word term needs all its words exactly but one, and a slip of that one."""
        if single:
            return True
        while slips:
            low = slips & -slips
            others = self._others[low.bit_length() - 1]
            if words & others == others:
                return True
            slips ^= low
        return False

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
        shape = "acronym" if is_acronym(word) else "capital" if word[:1].isupper() else "lower"
        if len(word) not in self._lengths.get(shape, ()):
            return None
        key = (word, shape)
        if key in self._cache:
            return self._cache[key]
        result = None
        if lower not in self.accepted and len(lower) >= MIN_LENGTH - 1 and not any(map(str.isdigit, lower)):
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

    def _classify(self, word: str) -> tuple:
        """What a chunk of text is, cached: (hits relative to the chunk, whether it anchors a multi-word term).

        Each hit is (offset, length, piece, kind, target, edit).
        """
        found = self._words.get(word)
        if found is not None:
            return found
        pieces = [(word, 0)]
        if "-" in word or "\u2011" in word:
            pieces += [(m.group(), m.start()) for m in PART.finditer(word)]
        hits: list[tuple[int, int, str, str, Target, str | None]] = []
        anchor = False
        for piece, offset in pieces:
            lower = piece.lower()
            anchor = anchor or lower in self._anchors
            case_target = self._case.get(lower)
            if case_target is not None:
                if piece not in self.exact and _case_slip(piece, case_target.text):
                    hits.append((offset, len(piece), piece, "case", case_target, None))
                continue
            near = self._single(piece)
            if near:
                hits.append((offset, len(piece), piece, "near-miss", near[0], near[1]))
        result = (tuple(hits), anchor)
        if len(self._words) > 100000:
            self._words.clear()
            self._boring.clear()
        self._words[word] = result
        return result

    def _all_boring(self, text: str, known_quiet: AbstractSet[str] = frozenset()) -> bool:
        """Whether no word of `text` is near a protected term (each new word judged once, and remembered if
        it is not; words of `known_quiet` are not); a long text a piece at a time (cut at white space, which
        no word spans): its list of words is not held whole."""
        classify, boring, quiet = self._classify, self._boring, True
        for piece in pieces(text) if len(text) > PIECE else (text,):
            words = CHUNK.findall(piece)
            if not boring.issuperset(words):
                rest = set(words).difference(boring, known_quiet)
                for word in rest:
                    found, anchor = classify(word)
                    if not found and not anchor:
                        boring.add(word)
                quiet = quiet and boring.issuperset(rest)
        return quiet

    def scan(self, text: str, defined: AbstractSet[str] = frozenset(), skip: Sequence[tuple[int, int]] = (),
             known_quiet: AbstractSet[str] = frozenset()) -> Iterator[Hit]:
        """Near-misses and acronym case slips in `text`, in text order, without overlaps.  `known_quiet`:
        chunks that quiet() says nothing of (the typo screen's, kept between runs), not classified again."""
        classify = self._classify
        if self._all_boring(text, known_quiet):
            return  # the common case: nothing in this paragraph is near a protected term
        boring = self._boring
        hits: list[Hit] = []
        # word positions as arrays (16 bytes a word): a multi-word term is looked for around its anchors
        starts, ends, anchors = array("q"), array("q"), []
        caps_context = None
        for m in CHUNK.finditer(text):
            word = m.group()
            start, end = m.span()
            starts.append(start)
            ends.append(end)
            if word in boring or word in known_quiet:
                continue
            found, anchor = classify(word)
            if anchor:
                anchors.append(len(starts) - 1)
            if not found or in_address(text, start, end):
                continue  # rivm.nl, info@ggd.nl: a domain is spelled as it is
            for offset, length, piece, kind, t, edit in found:
                if piece in defined:
                    continue
                s = start + offset
                if kind == "case":
                    if caps_context is None:
                        caps_context = _mostly_capitals(text)
                    if not caps_context:
                        hits.append(Hit(s, s + length, piece, t.text, "case", t))
                else:
                    hits.append(Hit(s, s + length, piece, _match_case(t.text, piece, t.acronym), "near-miss", t, edit))
        if anchors:
            hits += self._multi(text, starts, ends, anchors)
        if not hits:
            return
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        last = -1
        blocked = _Blocked(skip)
        for h in hits:
            if h.start < last or blocked.overlaps(h.start, h.end):
                continue
            last = h.end
            yield h

    def _multi(self, text: str, starts: array, ends: array, anchors: list[int]) -> list[Hit]:
        """Multi-word terms with one word slipped, around the words that anchor a term (indices)."""
        out = []

        def word(q: int) -> str:
            return text[starts[q]:ends[q]]

        for j in anchors:
            for t, i in self._anchors.get(word(j).lower(), ()):
                s = j - i
                n = len(t.words)
                if s < 0 or s + n > len(starts):
                    continue
                window = [word(q).lower() for q in range(s, s + n)]
                misses = [k for k in range(n) if window[k] != t.words[k]]
                if len(misses) != 1:
                    continue
                k = misses[0]
                got, want = window[k], t.words[k]
                written, term_word = word(s + k), t.text.split()[k]
                if term_word[:1].isupper() != written[:1].isupper() and not (k == 0 and written[:1].isupper()):
                    continue  # "het eerste kader" is no slip of "Eerste Kamer"
                if _letters(want) < MIN_LENGTH or _letters(got) < MIN_LENGTH - 1:
                    continue
                kind = edit_kind(got, want)
                if kind is None or _inflected(got, want):
                    continue
                if " ".join(window) in self.accepted_phrases:
                    continue
                start, end = starts[s], ends[s + n - 1]
                if any(not SPACE_ONLY.fullmatch(text[ends[q]:starts[q + 1]]) for q in range(s, s + n - 1)):
                    continue
                found = text[start:end]
                out.append(Hit(start, end, found, _match_case(t.text, found, False), "near-miss", t, kind))
        return out


class _Blocked:
    """Spans to leave alone, merged and sorted once, asked by binary search (many hits and many spans in
    one long paragraph would otherwise compare every pair)."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_right(self.ends, a)  # the first span that ends after a
        return k < len(self.starts) and self.starts[k] < b


def _case_slip(found: str, term: str) -> bool:
    """A case variant of an acronym worth flagging: JLOI for JLoI, IENW for IenW, Rivm for RIVM.

    A variant with at most one capital (Denk, om) is flagged only for an all-capital acronym of four
    letters or more, where it cannot be an ordinary word at the start of a sentence.
    """
    if is_acronym(found):
        return True
    return len(term) >= 4 and term.isupper() and found[:1].isupper() and found[1:].islower()


def in_address(text: str, start: int, end: int) -> bool:
    """The word at [start, end) is part of a web or mail address or an identifier (rivm.nl, IENW/BSK-2026/1)."""
    before = text[start - 1:start]
    after = text[end:end + 2]
    return before in (".", "@", "/") or after[:1] == "/" or (after[:1] in (".", "@") and after[1:2].isalnum())


def _letters(word: str) -> int:
    return sum(map(str.isalpha, word))


def _mostly_capitals(text: str) -> bool:
    letters = sum(map(str.isalpha, text))  # counted in C loops, no list of the letters (a long paragraph)
    return letters >= 8 and sum(map(operator.and_, map(str.isalpha, text), map(str.isupper, text))) > 0.8 * letters


def defined_acronyms(texts: Iterable[str]) -> set[str]:
    """Acronyms a document defines in brackets, "Adviescommissie … (AMVI)": its own, never a slip."""
    out: set[str] = set()
    for text in texts:
        if "(" in text:
            out.update(m.group(1) for m in DEFINED.finditer(text) if is_acronym(m.group(1)))
    return out


class DefinedAcronyms(AbstractSet[str]):
    """defined_acronyms() of a document's texts, worked out when first asked: scan() asks only about a
    near-miss it found, and most paragraphs it is given have none."""

    def __init__(self, texts: Callable[[], Iterable[str]]) -> None:
        self._texts = texts
        self._found: set[str] | None = None

    def _set(self) -> set[str]:
        if self._found is None:
            self._found = defined_acronyms(self._texts())
        return self._found

    def __contains__(self, word: object) -> bool:
        return word in self._set()

    def __iter__(self) -> Iterator[str]:
        return iter(self._set())

    def __len__(self) -> int:
        return len(self._set())


def check_term_examples(lexicon: Lexicon, examples: dict, where: Where, path: tuple) -> None:
    """A protected term's examples: each `match` must give a near-miss, each `no-match` none."""
    for j, example in enumerate(examples.get("match", [])):
        if not list(lexicon.scan(example, defined_acronyms([example]))):
            raise where.error(path + ("match", j), f"example {example!r} should give a near-miss but does not")
    for j, example in enumerate(examples.get("no-match", [])):
        if list(lexicon.scan(example, defined_acronyms([example]))):
            raise where.error(path + ("no-match", j), f"example {example!r} should give no near-miss but does")

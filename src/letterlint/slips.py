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

import re
from collections import Counter
from collections.abc import Iterable, KeysView, Sequence
from bisect import bisect_left, bisect_right
from itertools import accumulate, filterfalse
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .chunking import batches, pieces
from .lazyre import lazy_re
from .lexicon import edit_kind, in_address, is_acronym
from .vocabulary import Vocabulary
from .yamlrules import URL

if TYPE_CHECKING:
    from collections.abc import Callable

    from .bundled import KeptMemo
    from .hunspell import Hunspell, Spylls
    from .model import Paragraph

# a word: letters (with accents) and inner apostrophes; hyphens separate words here
# (the standard re module: these run over every paragraph and compile in microseconds, the regex module's
# \p classes take milliseconds to compile at start-up)
LETTER = r"[^\W\d_]"
LOWER = "[a-zß-öø-ÿ]"
WORD = lazy_re(LETTER + r"+(?:['’]" + LETTER + "+)?")
# Counting a letter's words fast: in the UTF-8 bytes every ASCII character but a letter and the apostrophe
# becomes a space (bytes.translate), and bytes.split() cuts the runs between them.  A run of letters only
# (str.isalpha) is one word; any other run (risico’s, “actie, a–b: non-ASCII, not a letter) is split by WORD.
# The characters between runs are neither letters nor apostrophes, so no word crosses them: the count is exact.
RUNS = bytes(b if b >= 0x80 or b == 0x27 or chr(b).isalpha() else 0x20 for b in range(256))
ALPHABET = "abcdefghijklmnopqrstuvwxyzéëï"
MIN_LETTERS = 4
SHORT = 6  # up to this many letters, the correction must be a common word (or used in the letter)
COMMON = 200  # a count in the vocabulary that marks a common word
LONG = 9  # letters of a correction that stands for itself
FREQUENT = 1000  # a correction this common beats reading the word as a compound (Zakeen: Zak + een)
CAPITAL, NAME = 1, 2  # a capitalised word at a sentence's start; inside a sentence (a name)
LINKS = ("s", "e", "en", "er")  # linking letters between the parts of a compound
MIN_PART = 4  # a compound's first part (a three-letter one would let slips through: inlvoed, anazien) ...
MIN_TAIL = 3  # ... and its last (trainingsset)
MEMO = 200_000  # words a checker remembers across the letters of a run (then it starts afresh)
KEPT = 5_000  # unknown words whose neighbours are kept between runs (then the kept memo starts afresh)
KEPT_FORMS = 8_000  # forms kept as dismissed between runs (past this: only the last letter's are kept)
_KEPT_FORMAT = 2
ENGLISH = frozenset("""the and for with are this that from which will been have has would should their its was were
be by on at an to of or not can into than these those such our your they there what when where who how""".split())
DUTCH_TOO = frozenset({"of", "an", "on", "is", "in", "door", "be"})  # never the only sign of English
QUOTED = lazy_re(r"«[^»\n]{1,120}»|“[^”\n]{1,120}”|‘[^’\n]{1,80}’|\"[^\"\n]{1,120}\"|'[^'\n]{1,80}'")
DEFINED = lazy_re(r"\(([^()]{2,60})\)")
# old case forms in -e live on in fixed phrases (ten behoeve, ter plaatse, in feite): never a slip after these
FIXED_BEFORE = frozenset({"ten", "ter", "des", "in"})


@dataclass(frozen=True)
class Slip:
    """A word that looks like a typing slip, with the words it was probably meant to be."""

    paragraph: Paragraph
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

    def __init__(self, vocabulary: Vocabulary | None, extra: Iterable[str] = (),
                 second_opinion: Hunspell | Spylls | None = None,
                 english: Vocabulary | Callable[[], Vocabulary | None] | None = None,
                 english_identity: str | None = None) -> None:
        self.vocabulary = vocabulary
        self.english = english  # a Vocabulary, or a callable that loads one when first needed
        # (english_identity: the identity of the one it loads, vocabulary.identity("en"))
        self._english_identity = getattr(english, "identity", None) or english_identity
        self.extra: dict[str, str] = {}
        for word in extra:
            for part in re.split(r"[\s\-\u2011/]+", word):
                if part:
                    self.extra.setdefault(part.lower(), part)
        self.second_opinion = second_opinion
        # what holds for a word whatever the letter, remembered for the run (the checker lives on the plan)
        self._dismissed: set[str] = set()  # forms that are never a suspect: short, not plain, or known words
        self._compound: dict[str, bool] = {}  # lower-case unknown word → a compound of known parts
        self._near: dict[str, dict[str, int]] = {}  # lower-case unknown word → the known words one edit away
        self._kept_forms: set[str] = set()  # dismissed forms of earlier runs (bounded, see undecided)
        self._kept_absent: set[str] = set()  # lower-case undecided words the vocabulary lacks, of earlier runs
        self._absent: set[str] = set()  # ... and of this run
        self._english_words: dict[str, bool] = {}  # lower-case suspect → an English word (kept: see below)
        self._opinions: dict[str, bool] | None = None  # word → known to the second opinion (kept where it says
        # what its verdicts depend on)
        self._kept = self._keep_between_runs()
        self.seen = Seen()  # the words of the letters so far

    def _keep_between_runs(self) -> KeptMemo | None:
        """What holds for a word whatever the letter — the forms dismissed (_kept_forms), compound or not
        (_compound), the known words one edit away (_near), the second opinion's verdicts on suspects
        (_opinions), English or not (_english_words) — depends only on the vocabulary, the extra words, the
        second opinion and the English vocabulary: kept between runs
        (beside the bytecode, bundled.kept_memo) under their identity, so a run's first letter does not look up
        its words again (most of a single letter's misspelling time).  The verdicts are a copy of a few of the
        second opinion's own kept file's: they hold while that file is unchanged."""
        identity = getattr(self.vocabulary, "identity", None)
        if identity is None:
            return None
        import os
        from pathlib import Path

        from . import __version__
        from .bundled import file_key, kept_memo

        verdicts = getattr(self.second_opinion, "verdicts", None)  # Hunspell's (None: no second opinion, or
        # one that does not say what its verdicts depend on: asked every run)
        opinion = verdicts.key() if verdicts is not None else None
        key = (_KEPT_FORMAT, __version__, identity, tuple(sorted(self.extra)), file_key(Path(os.path.abspath(__file__))),
               opinion, self._english_identity)
        memo = kept_memo("misspelling-words", key)
        # (together bounded: KEPT)
        self._compound, self._near, opinions, english = memo.parts(dict.fromkeys(FACTS, dict), KEPT)
        if self._english_identity is not None:
            self._english_words = english
        if verdicts is not None:
            if memo.data.get("opinions-stamp") != verdicts.stamp():
                opinions.clear()  # a copy of some of the verdicts file's words: the file changed since
            self._opinions = opinions
        self._kept_forms, = memo.parts({"dismissed": set}, KEPT_FORMS)
        self._kept_absent, = memo.parts({"absent": set}, KEPT_FORMS)
        self._absent = set(self._kept_absent)  # and those of this run: the in-process memo may grow past KEPT_FORMS
        return memo

    def _learnt(self) -> None:
        if self._kept is not None:
            self._kept.changed()

    def undecided(self, forms: KeysView[str] | set[str]) -> list[str]:
        """Those of `forms` (a letter's words) that may be slips: long enough, plain and unknown."""
        if len(self._dismissed) > MEMO:
            self._dismissed.clear()
            self._absent.clear()
            self._compound.clear()
            self._near.clear()
            if self._opinions is not None:
                self._opinions.clear()
            self.seen = Seen()
        fresh = forms - self._dismissed
        kept = fresh & self._kept_forms  # dismissed by an earlier run: no lookup (most of a letter's words)
        self._dismissed |= kept
        out, dismissed, absent = [], [], []
        for word in fresh - kept:
            if len(word) < MIN_LETTERS or not _plain(word):
                dismissed.append(word)
            elif (lower := word.lower()) in self._absent:
                out.append(word)
            elif self.count(lower):
                dismissed.append(word)
            else:
                out.append(word)
                absent.append(lower)
        if dismissed:
            self._dismissed.update(dismissed)
            self._keep(self._kept_forms, forms, dismissed)
        if absent:
            self._absent.update(absent)
            self._keep(self._kept_absent, {w.lower() for w in out}, absent)
        return out

    def _keep(self, kept: set[str], letter: Iterable[str], new: list[str]) -> None:
        """Add `new` to a kept set for later runs; past KEPT_FORMS keep only what concerns this letter (`letter`:
        a writer's next run is most likely on the same letter)."""
        if self._kept is None:
            return
        if len(kept) + len(new) > KEPT_FORMS:
            kept.intersection_update(letter)
        kept.update(new[:KEPT_FORMS - len(kept)])
        self._learnt()

    def doubted(self, words: list[str]) -> set[str]:
        """Those of `words` the second opinion does not know either (asked only about words it was not asked
        about in this or, where its verdicts are kept, an earlier run).  OSError, ValueError: it failed."""
        assert self.second_opinion is not None
        opinions = self._opinions
        if opinions is None:
            return self.second_opinion.unknown(words)
        ask = [w for w in words if w not in opinions]
        if ask:
            unknown = self.second_opinion.unknown(ask)
            opinions.update((w, w not in unknown) for w in ask)
            if self._kept is not None:
                self._kept.data["opinions-stamp"] = getattr(self.second_opinion, "verdicts").stamp()
            self._learnt()
        return {w for w in words if not opinions[w]}

    def is_compound(self, lower: str) -> bool:
        found = self._compound.get(lower)
        if found is None:
            found = self._compound[lower] = self.compound(lower)
            self._learnt()
        return found

    def known_near(self, lower: str) -> dict[str, int]:
        """The known words one edit from `lower` (an unknown word that is no compound), with their counts."""
        found = self._near.get(lower)
        if found is None:
            found = self._near[lower] = self.neighbours(lower)[1]
            self._learnt()
        return found

    def frequent_near(self, lower: str) -> dict[str, int]:
        """The frequent words one deletion or swap from `lower` (an unknown compound): Zakeen, bloostelling."""
        found = self._near.get(lower)
        if found is None:
            found = self._near[lower] = self.compound_neighbours(lower, set())[1]
            self._learnt()
        return found

    def count(self, word: str) -> int:
        lower = word.lower()
        if lower in self.extra:
            return COMMON
        if lower in self._absent:
            return 0
        return self.vocabulary.count(lower) if self.vocabulary is not None else 0

    def neighbours(self, lower: str) -> tuple[frozenset[str], dict[str, int]]:
        """Every string one edit from `lower`, and the counts of those that are words."""
        cands = frozenset(edits1(lower))
        known = self.vocabulary.known_among(cands) if self.vocabulary is not None else {}
        for cand in cands & self.extra.keys():
            known[cand] = max(known.get(cand, 0), COMMON)
        return cands, known

    def compound_neighbours(self, lower: str, in_letter: set[str]) -> tuple[frozenset[str], dict[str, int]]:
        """For a compound of known parts only the letter's words one edit away (`in_letter`) and the frequent
        words one deletion or swap away (Zakeen, bloostelling) are candidates: a few dozen lookups."""
        cheap = {lower[:i] + lower[i + 1:] for i in range(len(lower))}
        cheap |= {lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:] for i in range(len(lower) - 1)}
        voc = self.vocabulary.known_among(cheap | in_letter) if self.vocabulary is not None else {}
        known = {c: n for c, n in voc.items() if n >= FREQUENT or c in in_letter}
        return frozenset(in_letter) | known.keys(), known

    def english_word(self, word: str) -> bool:
        lower = word.lower()
        found = self._english_words.get(lower)
        if found is None:
            if callable(self.english):
                self.english = self.english()
            found = self._english_words[lower] = self.english is not None and lower in self.english
            if self._english_identity is not None:
                self._learnt()
        return found

    def compound(self, word: str, depth: int = 0) -> bool:
        """`word` (lower case) splits into known parts, with or without a linking s or e."""
        for i in range(MIN_PART, len(word) - MIN_TAIL + 1):
            head, tail = word[:i], word[i:]
            if not (self.count(tail) or (depth < 1 and len(tail) >= MIN_PART + MIN_TAIL and self.compound(tail, depth + 1))):
                continue
            if self.count(head):
                return True
            for link in LINKS:
                if head.endswith(link) and len(head) - len(link) >= MIN_PART and self.count(head[:-len(link)]):
                    return True
        return False


FACTS = ("compound", "near", "opinions", "english")  # the kept dicts of facts about words


class Seen:
    """The words (lower case) of the letters of a run, indexed so that those one edit from a word are found by
    comparing it only with words added since it was last asked about: a run of letters that share most of their
    words compares each pair once.  Each call of `add` makes a batch of the new words, sorted three ways (by
    their front, by their back read backwards, by length: a few C-level sorts, no Python step per word); a word
    of seven letters or more is compared with the words of a batch that share its first or its last (n - 1) // 2
    letters and are about as long (one edit cannot touch both ends of such a word), a shorter one with the
    words about as long."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self._batches: list[_Batch] = []
        self._found: dict[str, tuple[int, set[str]]] = {}  # word → (batches made when asked, those one edit away)

    def add(self, words: set[str]) -> None:
        new = words - self.words
        if not new:
            return
        self.words |= new
        self._batches.append(_Batch(new))

    def near(self, word: str) -> set[str]:
        """The words seen one edit from `word` (of words under seven letters: those among edits1)."""
        since, out = self._found.get(word, (0, set()))
        n = len(word)
        if n < 7 and not since:  # the first time: every string one edit away, looked up
            since, out = len(self._batches), set(edits1(word)) & self.words
        for batch in self._batches[since:]:
            for w in batch.around(word):
                if w != word and edit_kind(word, w) is not None and (n >= 7 or _in_alphabet(word, w)):
                    out.add(w)
        self._found[word] = (len(self._batches), out)
        return out


class _Batch:
    """Words added to a Seen at once, sorted by front, by back (reversed) and by length."""

    __slots__ = ("fronts", "backs", "_words", "_by_size", "_sizes")

    def __init__(self, words: set[str]) -> None:
        self.fronts = sorted(words)
        self.backs = sorted([w[::-1] for w in words])
        self._words = words
        self._by_size: list[str] | None = None  # sorted by length when first needed: a word under seven letters
        self._sizes: list[int] = []  # is compared with the batches added after it was first asked about only

    def around(self, word: str) -> list[str]:
        """The words one edit from `word` may be among: of about its length, and (seven letters or more) with
        its first or its last three letters."""
        n = len(word)
        if n < 7:
            if self._by_size is None:
                self._by_size = sorted(self._words, key=len)
                self._sizes = list(map(len, self._by_size))
            return self._by_size[bisect_left(self._sizes, n - 1):bisect_right(self._sizes, n + 1)]
        # one edit at place i leaves the first k letters as they were when i >= k, the last k when i < n - k - 1
        # (a swap touches i + 1 too): with 2k <= n - 1 one of the two holds, so the words sharing neither end are
        # never one edit away (the longer the word, the fewer share an end)
        k = (n - 1) // 2
        out = [w for w in _starting(self.fronts, word[:k]) if n - 2 < len(w) < n + 2]
        out += [w[::-1] for w in _starting(self.backs, word[:-k - 1:-1]) if n - 2 < len(w) < n + 2]
        return out


def _starting(ordered: list[str], prefix: str) -> list[str]:
    """The strings of the sorted list `ordered` that start with `prefix` (a non-empty string)."""
    lo = bisect_left(ordered, prefix)
    last = ord(prefix[-1])
    if last < 0x10FFFF:
        return ordered[lo:bisect_left(ordered, prefix[:-1] + chr(last + 1), lo)]
    hi = lo
    while hi < len(ordered) and ordered[hi].startswith(prefix):
        hi += 1
    return ordered[lo:hi]


class Letter:
    """What the letter itself says about its words: how often each is used, what it quotes or defines."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.batches = list(batches(texts))  # cut once for every pass over the letter (runs, defined, holding)
        self._starts: dict[int, list[int]] = {}  # first paragraph of a batch → where each starts in it, joined
        runs, self.elision_hint = _runs_of(self.batches)
        self.forms = _words_of_runs(runs)
        self.lower = set(map(str.lower, self.forms))
        self.neighbours: dict[str, tuple] = {}  # lower-case word → (the letter's words one edit away, known ones)
        self._seen: Seen | None = None  # the index of words this letter's words were added to

    @cached_property
    def capitalised(self) -> set[str]:
        """The lower-case forms of the words the letter writes with a capital."""
        return {form.lower() for form in self.forms if form[:1].isupper()}

    @cached_property
    def defined(self) -> set[str]:
        """The words (lower case) the letter quotes or defines in brackets."""
        out: set[str] = set()
        for _first, batch in self.batches:
            for m in QUOTED.finditer("\n".join(batch)):  # no quotation crosses a line
                out.update(w.lower() for w in WORD.findall(m.group()))
        for text in self.texts:
            if "(" in text:
                for m in DEFINED.finditer(text):
                    out.update(w.lower() for w in WORD.findall(m.group()))
        return out

    def holding(self, needles: Iterable[str]) -> list[int]:
        """The numbers of the paragraphs that hold any of `needles` (no line breaks in them), in order.
        Searched a batch of paragraphs at a time, joined by line breaks: no copy of the whole letter is kept."""
        needles, found = list(needles), set()
        for first, batch in self.batches:
            joined = "\n".join(batch)
            starts = self._starts.get(first)
            if starts is None:
                starts = self._starts[first] = list(accumulate(map(len, batch[:-1]), lambda a, n: a + n + 1, initial=0))
            for needle in needles:
                at = joined.find(needle)
                while at >= 0:
                    found.add(first + bisect_right(starts, at) - 1)
                    at = joined.find(needle, at + 1)
        return sorted(found)

    def near(self, word: str, seen: Seen) -> set[str]:
        """The letter's words (lower case) one edit from `word` (of those under seven letters, the ones among
        edits1), from the run's index of words (`seen`, which holds this letter's)."""
        return seen.near(word) & self.lower

    def one_edit(self, lower: str, compound: bool, checker: Checker) -> tuple[set[str], dict[str, int]]:
        """The letter's words one edit from `lower` and the known words that may correct it with their counts.
        A compound of known parts is corrected only by a word the letter uses or a frequent word one deletion or
        swap away (a few dozen lookups); another word by any known word one edit away (edits1)."""
        if self._seen is not checker.seen:  # once a letter (and again if the checker started afresh)
            checker.seen.add(self.lower)
            self._seen = checker.seen
        if compound:
            near = self.near(lower, checker.seen)
            voc = checker.vocabulary
            known = voc.known_among(near) if voc is not None else {}
            frequent = checker.frequent_near(lower)
            known.update(frequent)
            return near | (frequent.keys() & self.lower), known
        near = self.near(lower, checker.seen)
        if len(lower) >= 7:  # edits1 inserts or puts in only the letters of ALPHABET
            near = {w for w in near if _in_alphabet(lower, w)}
        return near, checker.known_near(lower)


def _runs_of(groups: list[tuple[int, Sequence[str]]]) -> tuple[Counter[bytes], bool]:
    """How often each run of word bytes (RUNS) occurs in the texts (UTF-8, surrogates passed), and whether
    they hold an elision hint; a batch of texts (`groups`: chunking.batches), and a piece of a long one, at a
    time: the list of a whole document's runs is not held at once (a piece is cut after white space: no run or
    hint spans a cut)."""
    runs: Counter[bytes] = Counter()
    hint = False
    for _first, batch in groups:
        for piece in pieces("\n".join(batch)):
            data = piece.encode("utf-8", "surrogatepass")
            hint = hint or _elision_hint(data)
            runs.update(data.translate(RUNS).split())
    return runs, hint


def _elision_hint(data: bytes) -> bool:
    """`data` holds one of ELISION_HINTS (a hyphen or a non-breaking one, then "en " or "of ").  Found from the
    hyphens, which are rare: searching the hints themselves is slow, as they end in a space, the commonest
    byte of a text (a search skips ahead by the last byte of what it looks for)."""
    for dash, tail in ((b"-", 1), (b"\x91", 3)):  # \x91 ends the UTF-8 of U+2011, the non-breaking hyphen
        i = data.find(dash)
        while i >= 0:
            if data[i + 1:i + 4] in (b"en ", b"of ") and data[max(i + 1 - tail, 0):i + 1] in ELISION_DASHES:
                return True
            i = data.find(dash, i + 1)
    return False


def _count_words(data: bytes) -> Counter[str]:
    """How often each word (WORD) occurs in a text (`data`: its UTF-8 bytes, surrogates passed)."""
    return _words_of_runs(Counter(data.translate(RUNS).split()))


def _words_of_runs(runs: Counter[bytes]) -> Counter[str]:
    """How often each word (WORD) occurs, from how often each run of word bytes does (_runs_of)."""
    if not runs:
        return Counter()
    words = b"\n".join(runs).decode("utf-8", "surrogatepass").split("\n")  # one decode, not one per run
    out: Counter[str] = Counter()
    dict.update(out, zip(words, runs.values()))  # (Counter.update would add: these are distinct)
    for run in list(filterfalse(str.isalpha, words)):
        n = out.pop(run)
        for word in WORD.findall(run):
            out[word] += n
    return out


def _in_alphabet(word: str, other: str) -> bool:
    """`other`, one edit from `word`, is among edits1(word): what it replaces or inserts is in ALPHABET."""
    if len(other) < len(word):
        return True  # a deletion
    extra = Counter(other) - Counter(word)
    return all(c in ALPHABET for c in extra)  # nothing extra: a swap


def find(pars: list, checker: Checker, repeated: int = 2, letter: Letter | None = None) -> list[Slip]:
    """The confident slips in the paragraphs (objects with `.text`; `letter`: their Letter, if made already).

    Each distinct word is judged once (and what does not depend on the letter, once a run); only paragraphs
    holding a suspect are searched for its places."""
    letter = letter or Letter([p.text for p in pars])
    suspects = {}
    words = [w for w in checker.undecided(letter.forms.keys()) if letter.forms[w] < repeated]
    for word in words:
        verdict = _verdict(word, 0, checker, letter)
        if verdict is not None and not checker.english_word(word):
            suspects[word] = verdict
    if suspects and checker.second_opinion is not None:
        try:  # Hunspell knows many inflections and compounds; what it knows is no slip (a failed run: OSError)
            doubted = checker.doubted(sorted(suspects))
        except (OSError, ValueError):
            doubted = set(suspects)
        suspects = {w: v for w, v in suspects.items() if w in doubted}
    return _places(pars, suspects, checker, letter) if suspects else []


def _plain(word: str) -> bool:
    """Not an acronym, a brand with an inner capital (iBestuur, eHerkenning) or a word with an apostrophe."""
    rest = word[1:]
    return rest == rest.lower() and "'" not in word and "’" not in word


def _places(pars: list, suspects: dict, checker: Checker, letter: Letter) -> list[Slip]:
    """Where the suspects stand, where the place allows a slip.  A capital inside a sentence marks a name,
    judged more strictly; a paragraph that runs on from the one before (hard-wrapped text) has no sentence start."""
    out = []
    as_name: dict[tuple[str, int], tuple | None] = {}
    for i in letter.holding(suspects):
        par, text = pars[i], pars[i].text
        tail = pars[i - 1].text.rstrip()[-1:] if i else ""
        runs_on = bool(tail) and (tail.isalpha() or tail in ",-")
        for m in WORD.finditer(text):
            word, s, e = m.group(), m.start(), m.end()
            if word not in suspects or not _context_ok(text, s, e):
                continue
            verdict = suspects[word]
            if word[:1].isupper():
                capital = CAPITAL if _sentence_start(text, s, runs_on) else NAME
                if (word, capital) not in as_name:
                    as_name[word, capital] = _verdict(word, capital, checker, letter)
                verdict = as_name[word, capital]
            if verdict is not None:
                out.append(Slip(par, s, e, word, *verdict))
    return out


def _context_ok(text: str, s: int, e: int) -> bool:
    """The place allows a slip: no digits beside it, not in an address, English, a fixed phrase or a cut word."""
    if (s and (text[s - 1].isdigit() or text[s - 1] in "_@./\\")) or text[e:e + 1].isdigit():
        return False
    if in_address(text, s, e) or _hyphen_cut(text, s, e) or _after_fixed(text, s, e) or _english(text, s, e):
        return False
    if "/" in text or "@" in text or "www." in text:
        return not any(m.start() < e and s < m.end() for m in URL.finditer(text))
    return True


def _hyphen_cut(text: str, s: int, e: int) -> bool:
    """A part of a hyphenated word or a compound cut short (onderzoeks- en meetprogramma), or the second
    half of a word broken at a line end (zorgaanbie- ders: a defect of the extraction, not a slip)."""
    if text[e:e + 1] in ("-", "\u2011") or (s > 0 and text[s - 1] in ("-", "\u2011")):
        return True
    if (text[e:e + 1] == ")" and text[e + 1:e + 2].isalpha()) or (text[s - 1:s] == "(" and s and text[s - 2:s - 1].isalpha()):
        return True  # (onderzoeks)gegevens, gegevens(sets)
    return s > 2 and text[s - 2] in ("-", "\u2011") and text[s - 1].isspace() and text[s - 3].isalpha()


def _after_fixed(text: str, s: int, e: int) -> bool:
    """ten behoeve, ter plaatse, te allen tijde, in feite: old case forms in fixed phrases."""
    before = WORD.findall(text[max(0, s - 8):s])
    if not before or not text[s - 1:s].isspace():
        return False
    return before[-1].lower() in FIXED_BEFORE and text[e - 1:e] == "e"


def _verdict(word: str, capital: int, checker: Checker, letter: Letter) -> tuple[tuple[str, ...], int] | None:
    """(suggestions, edits) when `word` is a confident slip, else None.  capital: 0 (a word judged as lower
    case), CAPITAL (at a sentence's start) or NAME (inside a sentence)."""
    name = capital == NAME
    lower = word.lower()
    if checker.count(lower):
        return None
    compound = checker.is_compound(lower)
    if lower not in letter.neighbours:
        letter.neighbours[lower] = letter.one_edit(lower, compound, checker)
    in_letter, known = letter.neighbours[lower]
    scores: dict[str, tuple[bool, int]] = {}
    for cand in in_letter:
        if name and cand not in letter.capitalised:
            continue  # a name is corrected by a name the letter uses, not by a common word
        if compound and _linking_only(lower, cand):
            continue  # vervoerdiensten beside vervoersdiensten: both are written
        n = known.get(cand, 0)
        if n or checker.is_compound(cand):  # the letter's own slip (traininsgdata) corrects nothing
            scores[cand] = (True, n)
    for cand, n in known.items():
        if cand not in scores and (not compound or n >= FREQUENT):
            scores[cand] = (False, n)
    if not scores:
        return None
    scored = sorted(((v[0], v[1], c) for c, v in scores.items()), reverse=True)
    in_letter, n, best = scored[0]
    if not _confident(lower, capital, in_letter, n, best, checker, compound) or lower in letter.defined:
        return None  # (what the letter quotes or defines is asked last: most letters then need not find it)
    return tuple(_case_like(word, c) for _, _, c in scored[:3]), 1


def _confident(lower: str, capital: int, in_letter: bool, n: int, best: str, checker: Checker,
               compound: bool) -> bool:
    if _inflection(lower, best, compound):
        return False  # actualisaties beside actualisatie, opgaves beside opgave: a form the vocabulary lacks
    if capital == NAME:  # a name is a slip of a name the letter writes or a protected term (Kamerstukk), or of a
        # long known word (Nederlnad, Lxngdurige in a title): names that close to a long known word are rare
        return in_letter or best in checker.extra or len(best) >= LONG
    if in_letter:
        return True
    if capital == CAPITAL:  # a name in a footnote (Decisio) is no slip of a word of seven letters
        return n >= COMMON or len(best) >= LONG - 1
    return len(lower) > SHORT or n >= COMMON  # short words need a common word


ADJECTIVE = ("er", "isch", "ig", "lijk", "baar", "ief", "eel", "aal", "ant", "ent", "tet", "ed")
VOWELS = "aeiouy"
PLURAL_S = ("el", "er", "em", "en", "je")


def _plural(stem: str, ending: str) -> bool:
    """stem + ending is how Dutch makes a plural: -n after an e (opgaven), -s after a vowel or an unstressed
    -el, -er, -em, -en or -je (opgaves, actualisaties, Factsheets is English: after any letter but s)."""
    if ending == "n":
        return stem.endswith("e")
    return ending == "s" and not stem.endswith("s") and (stem[-1:] in VOWELS or stem.endswith(PLURAL_S)
                                                          or stem[-2:-1] not in VOWELS)


def _inflection(word: str, known: str, compound: bool = False) -> bool:
    """word is an inflection of known the vocabulary lacks: a plural (s, n) or the singular of one, known less
    a final e (control beside controle), an adjective's e (logischere, capabelere, geüpdatete; not gebouwe),
    or, in a compound, an e that halves a double vowel (overheidsbrede beside overheidsbreed; not wannere)."""
    if word.startswith(known) and _plural(known, word[len(known):]):
        return True
    if known.startswith(word) and (_plural(word, known[len(word):]) or known[len(word):] == "e"):
        return True
    if word == known + "e" and known.endswith(ADJECTIVE):
        return True
    return (compound and len(known) >= 4 and word.endswith("e") and known[-3] == known[-2] and known[-2] in VOWELS
            and word[:-1] == known[:-2] + known[-1])


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


def _sentence_start(text: str, i: int, runs_on: bool = False) -> bool:
    j = i - 1
    while j >= 0 and (text[j].isspace() or text[j] in "\"'“‘«„(*-–•"):
        j -= 1
    if j < 0:
        return not runs_on
    return text[j] in ".!?:;" or (text[j].isdigit() and j < 6)


def _english(text: str, s: int, e: int) -> bool:
    """The word stands in a run of English: two English function words among the six words around it."""
    before = WORD.findall(text[max(0, s - 60):s])[-3:]
    after = WORD.findall(text[e:e + 60])[:3]
    hits = [w.lower() for w in before + after if w.lower() in ENGLISH]
    return len(hits) >= 2 and any(w not in DUTCH_TOO for w in hits)


# -- hyphens -----------------------------------------------------------------------------------------------

# an acronym glued to a word (ZZSemissies); IJ is a Dutch letter, not an acronym (IJsselmeer)
GLUED = lazy_re(r"(?<![\w\-\u2011])(?!IJ)([A-Z]{2,6})(" + LOWER + r"{4,})(?![\w\-\u2011])")
# a hyphen that stands for a left-out part needs a space after it: "Kennis- en Innovatieconvenant"
ELISION = lazy_re(r"(?<![\w\-\u2011])(" + LETTER + LOWER + r"{2,})([\-\u2011])(en|of) (?=" + LETTER + ")")
ELISION_TEXTS = ("-en ", "-of ", "\u2011en ", "\u2011of ")  # what every match of ELISION holds
ELISION_HINTS = tuple(t.encode() for t in ELISION_TEXTS)
ELISION_DASHES = (b"-", "\u2011".encode())
GLUED_WORD = lazy_re("^[A-Z]{2,6}" + LOWER + "{4}.*", re.M)  # a word that starts as a match of GLUED does


@dataclass(frozen=True)
class HyphenSlip:
    """A hyphen slip: an acronym and a word not joined by a hyphen, or an elision hyphen without a space."""

    paragraph: Paragraph
    start: int
    end: int
    found: str
    right: str
    kind: str  # acronym | elision


def hyphen_slips(pars: list, checker: Checker, letter: Letter | None = None) -> list[HyphenSlip]:
    """An acronym and a word written without their hyphen (ZZSemissies), and an elision hyphen without its space
    (Kennis-en Innovatieconvenant).  «ZZS emissies» beside «ZZS-emissies» is term-consistency's: a correctly
    written compound wins over a split one.  The full patterns are slow to try at every place of a long letter,
    so they run only in the paragraphs that hold a glued word (among the letter's words) or a hyphen before
    en/of."""
    letter = letter or Letter([p.text for p in pars])
    out = []
    glued = GLUED_WORD.findall("\n".join(letter.forms))  # a match of GLUED is a word (letters between non-letters)
    for par in [pars[i] for i in letter.holding(glued)] if glued else []:
        text = par.text
        for m in GLUED.finditer(text):
            if checker.count(m.group(2)) and not in_address(text, m.start(), m.end()):
                out.append(HyphenSlip(par, m.start(), m.end(), m.group(), f"{m.group(1)}-{m.group(2)}", "acronym"))
    for par in [pars[i] for i in letter.holding(ELISION_TEXTS)] if letter.elision_hint else []:
        text = par.text
        for m in ELISION.finditer(text):
            if not is_acronym(m.group(1)):
                found = text[m.start():m.end() - 1]
                out.append(HyphenSlip(par, m.start(), m.end() - 1, found,
                                      f"{m.group(1)}{m.group(2)} {m.group(3)}", "elision"))
    return out

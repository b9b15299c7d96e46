"""Wrong → right phrase lists, matched fast and tolerantly.

Used by the `typo` rule and by `substitution` rules written in YAML.  A phrase matches on word boundaries,
any run of spaces (including no-break spaces and line breaks) between its words, and straight or curly
apostrophes alike.  Case:

* `exact`  — only as written;
* `ignore` — any case;
* `auto` (default) — exact for acronyms (RVIM) and for entries that only fix case (kamerlid → Kamerlid);
  otherwise the first letter may be a capital (a sentence start), and the suggestion follows it.

`stem: true` lets the wrong form continue with more letters (staatsecretaris → staatsecretarissen), which
are carried over into the suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import regex

from .lazyre import compile_regex, lazy
from .chunking import PIECE, pieces
from .lexicon import FUNCTION_WORDS

SPACE = r"[\s\u00A0\u202F]+"
APOSTROPHES = "'’‘`"
_WORD = lazy(r"\w+")
_KEY = lazy(r"(\w{1,4})\w*")  # the first four characters of each word (see _key)
_HEAD = lazy(r"(\w{1,3})\w*")  # the first three characters of each word (prefix needs)


def _key(word: str) -> str:
    return word[:4].lower()


def _letters_pattern(text: str) -> str:
    out = []
    for ch in text:
        out.append(f"[{APOSTROPHES}]" if ch in APOSTROPHES else regex.escape(ch))
    return "".join(out)


@dataclass
class Phrase:
    """One entry of a phrase list: the wrong form, the right one, and how to match it."""

    wrong: str
    right: str
    case: str = "auto"
    stem: bool = False
    note: str | None = None
    data: dict | None = None  # the entry as configured, for rules that carry more

    def __post_init__(self) -> None:
        self.case = self.effective_case()
        self._pattern = None
        first = _WORD.search(self.wrong)
        self.key = _key(first.group()) if first else None

    @property
    def pattern(self) -> regex.Pattern:
        """Compiled when first needed: a list of hundreds of phrases is mostly never tried on a letter
        (only phrases whose first word occurs are), and compiling them all cost more than linting."""
        if self._pattern is None:
            self._pattern = compile_regex(self.regex_source())  # kept between runs (lazyre)
        return self._pattern

    def effective_case(self) -> str:
        if self.case != "auto":
            return self.case
        letters = [c for c in self.wrong if c.isalpha()]
        if self.wrong.lower() == self.right.lower():
            return "exact"  # the entry is about case itself
        if sum(1 for c in letters[1:] if c.isupper()) >= 1:
            return "exact"  # an acronym or a mixed-case name
        return "first"

    def regex_source(self) -> str:
        words = self.wrong.split()
        body = SPACE.join(_letters_pattern(w) for w in words)
        if self.case == "first" and body and self.wrong[0].isalpha():
            c = self.wrong[0]
            body = f"[{regex.escape(c.lower())}{regex.escape(c.upper())}]" + body[len(regex.escape(c)) :]
        flags = "(?i)" if self.case == "ignore" else ""
        before = r"(?<!\w)" if self.wrong[:1].isalnum() else ""
        if self.stem:
            after = r"(?P<rest>\w*)"
        elif self.wrong[-1:].isalnum():
            after = r"(?!\w)"
        else:
            after = ""
        return f"{flags}{before}{body}{after}"

    def needs(self) -> list[Need]:
        """What every match of this phrase contains (see Need), most telling first; [] where that cannot be
        said simply.

        Each part between spaces that is more than one word (bevoegd-gezag, GGD's): it lies inside one
        token of the text.  Then the words the pattern bounds on both sides (inside the phrase or by a word
        boundary; a stem word counts as a word the text's word starts with): not a function word first, then
        the longest, a word whose first letter may have either case counting two letters less.  The first
        need is what a text is looked at for (Screen), so the rarest is best; lengths are a fair guess.
        """
        if self.case == "ignore":
            return []  # (?i) matches case variants that lower() does not give
        body = " ".join(self.wrong.split())
        words = []
        for n, run in enumerate(_WORD.finditer(body)):
            left = run.start() > 0 or self.wrong[:1].isalnum()
            end_open = run.end() == len(body) and (self.stem or not self.wrong[-1:].isalnum())
            free = n == 0 and run.start() == 0 and self.case == "first" and self.wrong[0].isalpha()
            form = run.group()
            if not left or (free and not _simple_case(form[0])) or (end_open and not (self.stem and len(form) >= 3)):
                continue  # unbounded on the left, an odd capital, or an unbounded end that is not a stem
            words.append((run.start(), run.group(), Need(form[:1].lower() + form[1:] if free else form, free,
                                                          "prefix" if end_open else "word")))
        parts, offset = [], 0
        for part in body.split(" "):
            inside = [(text, need) for start, text, need in words if offset <= start < offset + len(part)]
            if inside and part != inside[0][0]:
                free = offset == 0 and inside[0][1].free
                parts.append(Need(_straight(part[:1].lower() + part[1:] if free else part), free, "part"))
            offset += len(part) + 1
        ranked = sorted((need for _, _, need in words), reverse=True,
                        key=lambda w: (w.form.lower() not in FUNCTION_WORDS, len(w.form) - 2 * w.free, not w.free,
                                       w.kind == "word"))
        return parts + ranked

    def suggestion_for(self, matched: regex.Match) -> str:
        right = self.right
        text = matched.group()
        if self.case in ("first", "ignore") and text[:1].isupper() and right[:1].islower():
            right = right[:1].upper() + right[1:]
        if self.stem:
            right += matched.group("rest") or ""
        return right

    def matches(self, text: str) -> bool:
        return self.pattern.search(text) is not None


def _simple_case(c: str) -> bool:
    """[cC] in a pattern is exactly what c.lower() of the text's letter compares equal to."""
    low, up = c.lower(), c.upper()
    return len(low) == 1 and len(up) == 1 and up.lower() == low and low.lower() == low


@dataclass(frozen=True)
class Need:
    """What every match of a phrase contains: a word of the text equal to `form` ("word"), or starting with it
    ("prefix"), or a token containing it ("part", apostrophes made straight); compared with its first letter
    lower-cased (or, in a part, either way) where `free` (the phrase's case is free there)."""

    form: str
    free: bool
    kind: str  # word | prefix | part

    def variants(self) -> list[str]:
        """The forms a word meeting it starts with (prefix) or is (word): both cases of a free first letter."""
        if not self.free:
            return [self.form]
        return [self.form, self.form[:1].upper() + self.form[1:]]

    def met_by(self, word: str) -> bool:
        if self.kind == "part":
            token = _straight(word)
            return self.form in token or (self.free and self.form[:1].upper() + self.form[1:] in token)
        if self.free:
            word = word[:1].lower() + word[1:]
        return word.startswith(self.form) if self.kind == "prefix" else word == self.form


_STRAIGHT = str.maketrans({c: "'" for c in APOSTROPHES})


def _straight(text: str) -> str:
    return text.translate(_STRAIGHT)


class PhraseList:
    """Many phrases, searched together: only phrases whose first word occurs in a text are tried.

    A phrase's key is the first four letters of its first word, lower-cased (see _key); finditer() tries the
    phrases whose key one of the text's words has.  For a whole document, screen() says per token (a run of
    text without white space; a word never spans white space) which phrases a text with that token can
    match, by the words every match contains (Phrase.needs): a caller that screens the distinct tokens
    of a document once runs finditer_screened() only on the few texts with all of them, only those phrases.
    """

    def __init__(self, phrases: list[Phrase]):
        self.phrases = phrases
        self._by_key: dict[str | None, list[tuple[int, Phrase]]] = {}
        for i, p in enumerate(phrases):
            self._by_key.setdefault(p.key, []).append((i, p))
        self.everywhere = None in self._by_key  # phrases without a word are tried on every text
        # the screen: each phrase by the words its matches contain (Phrase.needs), looked up by the word
        # (exact), the word with its first letter lower-cased (free), or its first three letters (prefix)
        self._words: dict[str, list[tuple[int, int, Need]]] = {}  # by the word, in each case it may have
        self._heads: dict[str, list[tuple[int, int, Need]]] = {}  # prefix needs, by their first three letters
        self._parts: dict[int, list[tuple[int, Need]]] = {}  # checked on a token where a word need is met
        self._need_bit: dict[tuple[int, int], int] = {}  # (phrase, need) → a bit of screen()'s `met`
        self._need_mask: list[int] = []  # per phrase: the bits of all its needs
        self._unscreened: dict[str, list[int]] = {}  # phrases without needs: by key, as finditer tries them
        for i, p in enumerate(phrases):
            needs = p.needs()
            self._need_mask.append(0)
            for k, need in enumerate(needs):
                self._need_bit[i, k] = len(self._need_bit)
                self._need_mask[i] |= 1 << self._need_bit[i, k]
                if need.kind == "part":
                    self._parts.setdefault(i, []).append((k, need))
                    continue
                index = self._heads if need.kind == "prefix" else self._words
                for form in need.variants():
                    index.setdefault(form[:3] if need.kind == "prefix" else form, []).append((i, k, need))
            if not needs and p.key is not None:
                self._unscreened.setdefault(p.key, []).append(i)

    def quiet(self, chunk: str) -> bool:
        """No word of `chunk` (one of the lexicon's chunks: words joined by hyphens) is a word a phrase needs,
        starts like a stem a phrase needs, or has the key of a phrase without needs: a token made of such
        chunks (and punctuation) says nothing to screen()."""
        words = _WORD.findall(chunk)
        return (self._words.keys().isdisjoint(words) and self._heads.keys().isdisjoint([w[:3] for w in words])
                and self._unscreened.keys().isdisjoint([_key(w) for w in words]))

    def screen(self, token: str) -> tuple[int, int]:
        """What `token` (a run of text without white space; a word never spans white space) tells about the
        phrases a text with it can match, as bit sets: (the phrases whose most telling need it meets, or
        whose key it has where a phrase has no needs; the needs it meets).  See candidates()."""
        words = _WORD.findall(token)
        if (self._words.keys().isdisjoint(words) and self._heads.keys().isdisjoint(_HEAD.findall(token))
                and self._unscreened.keys().isdisjoint(map(str.lower, _KEY.findall(token)))):
            return 0, 0  # the common case, decided in C
        gate = met = 0
        touched = set()
        for word in words:
            for i, k, need in (*self._words.get(word, ()), *self._heads.get(word[:3], ())):
                if need.met_by(word):
                    met |= 1 << self._need_bit[i, k]
                    touched.add(i)
                    if k == 0:
                        gate |= 1 << i
            for i in self._unscreened.get(_key(word), ()):
                gate |= 1 << i
        for i in touched:  # a part contains a word need of its phrase (Phrase.needs)
            for k, need in self._parts.get(i, ()):
                if need.met_by(token):
                    met |= 1 << self._need_bit[i, k]
                    if k == 0:
                        gate |= 1 << i
        return gate, met

    def candidates(self, gate: int, met: int) -> set[int]:
        """The phrases a text can match, from the union of screen() over its tokens (bit sets): a superset
        of what finditer() finds in it (a phrase without needs: where its key occurs, as finditer tries it)."""
        out = set()
        while gate:
            low = gate & -gate
            i = low.bit_length() - 1
            if met & self._need_mask[i] == self._need_mask[i]:
                out.add(i)
            gate ^= low
        return out

    def finditer_screened(self, text: str, screened: AbstractSet[int]) -> Iterator[tuple[int, int, Phrase, str]]:
        """finditer(), trying only the phrases of `screened` (see screen(); a superset of what can match)."""
        keys = _keys(text)
        return self._find(text, [(i, self.phrases[i]) for i in sorted(screened) if self.phrases[i].key in keys]
                          + self._by_key.get(None, []))

    def finditer(self, text: str) -> Iterator[tuple[int, int, Phrase, str]]:
        """(start, end, phrase, suggestion) for each match, in text order, without overlaps."""
        keys = _keys(text)
        candidates = [c for k in keys if k in self._by_key for c in self._by_key[k]]
        return self._find(text, candidates + self._by_key.get(None, []))

    @staticmethod
    def _find(text: str, candidates: list[tuple[int, Phrase]]) -> Iterator[tuple[int, int, Phrase, str]]:
        hits = []
        for order, phrase in candidates:
            for m in phrase.pattern.finditer(text):
                hits.append((m.start(), -(m.end() - m.start()), order, m.end(), phrase, phrase.suggestion_for(m)))
        hits.sort(key=lambda h: h[:3])  # two phrases on the same span: the first in the list wins
        last_end = -1
        for start, _neg, _order, end, phrase, suggestion in hits:
            if start >= last_end:
                last_end = end
                yield start, end, phrase, suggestion


def _keys(text: str) -> set[str]:
    """_key() of every word of `text`, without a Python loop per word; a long text a piece at a time (a
    piece is cut at white space, which no word spans), so its list of words is not held whole."""
    if len(text) <= PIECE:
        return set(map(str.lower, _KEY.findall(text)))
    out: set[str] = set()
    for piece in pieces(text):
        out.update(map(str.lower, _KEY.findall(piece)))
    return out

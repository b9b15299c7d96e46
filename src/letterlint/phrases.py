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
from dataclasses import dataclass

import regex

from .lazyre import lazy

SPACE = r"[\s\u00A0\u202F]+"
APOSTROPHES = "'’‘`"
_WORD = regex.compile(r"\w+")
_KEY = lazy(r"(\w{1,4})\w*")  # the first four characters of each word (see _key)


def _key(word: str) -> str:
    return word[:4].lower()


def _letters_pattern(text: str) -> str:
    out = []
    for ch in text:
        out.append(f"[{APOSTROPHES}]" if ch in APOSTROPHES else regex.escape(ch))
    return "".join(out)


@dataclass
class Phrase:
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
            self._pattern = regex.compile(self.regex_source())
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


class PhraseList:
    """Many phrases, searched together: only phrases whose first word occurs in a text are tried."""

    def __init__(self, phrases: list[Phrase]):
        self.phrases = phrases
        self._by_key: dict[str | None, list[Phrase]] = {}
        for p in phrases:
            self._by_key.setdefault(p.key, []).append(p)

    def finditer(self, text: str) -> Iterator[tuple[int, int, Phrase, str]]:
        """(start, end, phrase, suggestion) for each match, in text order, without overlaps."""
        keys = set(map(str.lower, _KEY.findall(text)))  # _key() of every word, without a Python loop
        candidates = [p for k in keys if k in self._by_key for p in self._by_key[k]]
        candidates += self._by_key.get(None, [])
        hits = []
        for phrase in candidates:
            for m in phrase.pattern.finditer(text):
                hits.append((m.start(), -(m.end() - m.start()), m.end(), phrase, phrase.suggestion_for(m)))
        hits.sort(key=lambda h: (h[0], h[1]))
        last_end = -1
        for start, _neg, end, phrase, suggestion in hits:
            if start >= last_end:
                last_end = end
                yield start, end, phrase, suggestion

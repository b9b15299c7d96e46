"""Answer labels ("Antwoord:", "Antwoord 3:") and the near misses a writer makes; label numbers."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..lazyre import compile_regex, lazy
from .patterns import NUMS

# compiled once, not looked up in regex's cache per paragraph (~60 µs a call)
_WORD_CHAR = lazy(r"\w")
_NUMBER_RANGE = lazy(r"(\d+[a-z]?)(?:\s*(?:t/m|tot\s+en\s+met|-|–)\s*(\d+[a-z]?))?")


@dataclass(frozen=True)
class LabelMatch:
    """A question or answer label at the start of a paragraph: «Antwoord 3:», «Vraag 4 en 5»."""

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
        self.exact = compile_regex(  # the label word in any case; what follows it case-sensitively
            rf"^(?P<lead>\W*?)(?P<word>(?i:{alternatives}))(?P<num>\s+{NUMS})?(?P<punct>\s*[:;,.]|\s+[-–—](?=\s)|\s*$"
            rf"|\s+(?=[\p{{Lu}}\d«\"“‘'(]))\s*",
        )
        # a label inside a paragraph, after a sentence: a lost paragraph break ("… bereid? Antwoord: Ja, …")
        self.inline = compile_regex(
            rf"(?<=[.?!»”\")\]])\s+(?P<word>{alternatives})(?P<num>\s+\d{{1,3}}[a-z]?)?(?P<punct>\s*[:;])\s*"
        )
        self.fuzzy = compile_regex(r"^(?P<lead>\W*?)(?P<word>\p{L}{4,14})(?P<num>\s+\d{1,3}[a-z]?)?(?P<punct>\s*[:;])\s*")

    def has_word(self, text: str) -> bool:
        """Does the text contain a label word as written (what `inline` needs; a cheap test first)?"""
        return any(w in text for w in self.words)

    def match(self, text: str) -> LabelMatch | None:
        m = self.exact.match(text)
        if m and len(m.group("lead")) <= 2 and not _WORD_CHAR.search(m.group("lead")):
            word = m.group("word")
            punct = m.group("punct")
            if punct.strip() == "" and punct and word.islower():
                return None  # "antwoord Het…" in running text is not a label
            if punct.strip() in (",", ".") and not word[:1].isupper():
                return None
            if punct.strip() == "" and not punct and word[:1].islower():
                return None  # a lone "antwoord"
            return LabelMatch(m.start("word"), m.end(), word, punct_kind(punct), label_numbers(m.group("num") or ""), False)
        m = self.fuzzy.match(text)
        if m and not _WORD_CHAR.search(m.group("lead")):
            word = m.group("word")
            low = word.lower()
            for label in self.lower:
                if low != label and len(label) >= 6 and one_edit_apart(low, label):
                    return LabelMatch(m.start("word"), m.end(), word, punct_kind(m.group("punct")),
                                      label_numbers(m.group("num") or ""), True)
        return None


def punct_kind(punct: str) -> str:
    stripped = punct.strip()
    if not punct:
        return ""
    if not stripped:
        return " "
    return (" " if punct[0].isspace() else "") + stripped


def one_edit_apart(a: str, b: str) -> bool:
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


def label_numbers(text: str) -> tuple[str, ...]:
    """"4 en 5" → ("4", "5"); "3 t/m 5" and "3-5" → ("3", "4", "5")."""
    out: list[str] = []
    for m in _NUMBER_RANGE.finditer(text):
        a, b = m.group(1), m.group(2)
        if b and a.isdigit() and b.isdigit() and 0 < int(b) - int(a) <= 50:
            out += [str(n) for n in range(int(a), int(b) + 1)]
        else:
            out.append(a)
            if b:
                out.append(b)
    return tuple(out)



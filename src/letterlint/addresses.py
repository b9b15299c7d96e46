"""Web and mail addresses in the text: the one pattern, and their spans per paragraph.

Rules leave what sits inside an address alone (a misspelled acronym in rivm.nl, a dossier number in a URL,
"..." in a query string), so every rule asks this module where the addresses are, instead of each matching
its own pattern with its own pre-check.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .model import Paragraph

# https://…, www.…, name@host.tld, and host.tld/path (a dotted host with a path)
ADDRESS = regex.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)+/\S*")

_TRAILING = ".,;:!?)]»”’'\""


# ADDRESS's alternatives, in its order, and the literal each needs: a paragraph without "@" is scanned without
# the mail alternative, which lets the regex engine skip it on the missing literal (the whole pattern was
# the largest cost on a long paragraph: ~0.7 s a megabyte)
_PARTS = (
    (r"(?:https?://|www\.)\S+", ("://", "www.")),
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", ("@",)),
    (r"\b[\w-]+(?:\.[\w-]+)+/\S*", ("/",)),
)


@lru_cache(maxsize=8)
def _pattern(which: tuple[bool, ...]) -> regex.Pattern:
    return regex.compile("|".join(p for (p, _), on in zip(_PARTS, which, strict=True) if on))


def address_spans(text: str) -> list[tuple[int, int]]:
    """tuple[int, int]s of the addresses in `text`, as ADDRESS.finditer gives them (leftmost, first
    alternative), matched with only the alternatives whose literal occurs."""
    which = tuple(any(lit in text for lit in needs) for _, needs in _PARTS)
    if not any(which):
        return []
    return [m.span() for m in _pattern(which).finditer(text)]


def trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The address without the punctuation that follows it ("(https://…/a)." keeps its ")." )."""
    start, end = span
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break  # a bracket that belongs to the address: …/Foo_(bar)
        end -= 1
    return start, end


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


class Addresses:
    """The address spans of one document's paragraphs, each paragraph scanned once (on first request)."""

    def __init__(self) -> None:
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def spans(self, par: Paragraph) -> list[tuple[int, int]]:
        found = self._spans.get(id(par))
        if found is None:
            found = self._spans[id(par)] = address_spans(par.text)
        return found

    def trimmed(self, par: Paragraph) -> list[tuple[int, int]]:
        return [trim(par.text, s) for s in self.spans(par)]

    def covers(self, par: Paragraph, start: int, end: int) -> bool:
        """Does [start, end) of the paragraph's text overlap an address?"""
        return overlaps(self.spans(par), start, end)

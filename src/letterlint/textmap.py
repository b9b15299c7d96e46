"""Cleaned text with a mapping back to the raw text it came from.

Readers take artefacts (leaked markers, footnote markers, Markdown emphasis) out of a paragraph's text so
that rules see what a reader of the letter sees.  A finding on the cleaned text must still point at the
original position, so every cleaned string carries a `TextMap`: a short list of segments, each saying
"cleaned offset c corresponds to raw offset r, and the following characters correspond one to one".
"""

from __future__ import annotations

from bisect import bisect_right

_ZERO = (0,)  # the starts of most maps: one segment, at 0 (one shared tuple, not two lists per paragraph)


class TextMap:
    """Maps offsets in a cleaned string to offsets in its raw string.

    The segment starts are tuples, the common one-segment-at-0 shared: a document has a map per paragraph."""

    __slots__ = ("_clean", "_raw", "length")

    def __init__(self, clean_starts: list[int] | tuple[int, ...], raw_starts: list[int] | tuple[int, ...], length: int):
        self._clean = _compact(clean_starts)
        self._raw = _compact(raw_starts)
        self.length = length

    @classmethod
    def identity(cls, length: int, raw_start: int = 0) -> TextMap:
        return cls([0], [raw_start], length)

    def to_raw(self, i: int) -> int:
        """Raw offset of cleaned offset `i` (0 <= i <= length)."""
        k = bisect_right(self._clean, i) - 1
        if k < 0:
            k = 0
        return self._raw[k] + (i - self._clean[k])

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span of the cleaned span [start, end).

        The end is mapped from the last character, so a span never swallows markers that were removed
        just after it.
        """
        if end <= start:
            r = self.to_raw(start)
            return r, r
        return self.to_raw(start), self.to_raw(end - 1) + 1


def _compact(starts: list[int] | tuple[int, ...]) -> tuple[int, ...]:
    if not starts or (len(starts) == 1 and starts[0] == 0):
        return _ZERO
    return tuple(starts)


class TextBuilder:
    """Builds a cleaned string piece by piece, remembering where each piece came from."""

    __slots__ = ("_parts", "_clean", "_raw", "_n")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._clean: list[int] = []
        self._raw: list[int] = []
        self._n = 0

    def add(self, text: str, raw_pos: int) -> None:
        """Append `text`, which appears at `raw_pos` in the raw string (one character per character)."""
        if not text:
            return
        contiguous = self._clean and self._raw[-1] + (self._n - self._clean[-1]) == raw_pos
        if not contiguous:
            self._clean.append(self._n)
            self._raw.append(raw_pos)
        self._parts.append(text)
        self._n += len(text)

    def __len__(self) -> int:
        return self._n

    def build(self) -> tuple[str, TextMap]:
        return "".join(self._parts), TextMap(self._clean, self._raw, self._n)

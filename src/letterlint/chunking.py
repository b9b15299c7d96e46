"""Bounded pieces of a long text, or of a document's texts, for passes whose temporary structures (lists of
tokens, joined copies) would otherwise grow with the whole document: a 1.5 MB paragraph split into words
holds ten times its size in string objects at once.  A pass over the pieces keeps at most one piece's worth.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from typing import Any

from .lazyre import lazy_re

PIECE = 1 << 16  # characters: large enough that a normal paragraph, or a batch of them, is one piece
_SPACE = lazy_re(r"\s")  # what str.split() splits on (both use Py_UNICODE_ISSPACE)


def pieces(text: str, size: int = PIECE, at: Any = _SPACE) -> Iterator[str]:
    """`text` in slices of about `size` characters, each cut after a white-space character (which ends the
    slice), so no white-space-free run (a word, a token, a word and the space after it) is cut; a text of
    at most `size` is itself.  `at`: the characters to cut after instead (one a match), for a pass whose
    units span white space but not those."""
    if len(text) <= size:
        yield text
        return
    start = 0
    while start < len(text):
        m = at.search(text, start + size)
        end = m.end() if m else len(text)
        yield text[start:end]
        start = end


def batches(texts: Sequence[str], size: int = PIECE) -> Iterator[tuple[int, Sequence[str]]]:
    """(index of the first, the texts) for consecutive groups of `texts` of at most `size` characters in
    all (a longer text forms a group of its own), in order; all of them at once when they fit.  Each group is
    as long as it can be: where it ends is found by bisection on the running total of the lengths (made in
    C), not by a Python step per text (several passes of a letter's run call this on its paragraphs)."""
    if sum(map(len, texts)) <= size:
        yield 0, texts
        return
    ends = array("q", accumulate(map(len, texts), initial=0))  # ends[i]: the characters of texts[:i]
    first, n = 0, len(texts)
    while first < n:
        last = max(bisect_right(ends, ends[first] + size) - 1, first + 1)  # texts[first:last] fit (or one)
        yield first, texts[first:last]
        first = last


def folded(text: str, fold: Callable[[str], str]) -> str:
    """fold(text) for str.lower or str.casefold, a piece at a time where the text is long and not ASCII:
    CPython folds a non-ASCII string through a buffer of three 4-byte characters per character (a 1.5 MB
    paragraph: 18 MB at once).  The same result: a piece is cut after white space, which ends the context
    of the one context-dependent mapping (a final sigma)."""
    if len(text) <= PIECE or text.isascii():
        return fold(text)
    return "".join(map(fold, pieces(text)))

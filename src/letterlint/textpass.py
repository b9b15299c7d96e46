"""One pass over a document's paragraphs at once: which paragraphs hold a sign that a check can fire.

Most checks find nothing in most paragraphs, and asking each paragraph costs a pattern search per paragraph and
per check, each a pass over its text plus the engine's call overhead.  A prefilter that is a superset of what
the checks match (a necessary condition of each of them) is run once over all the texts joined by line breaks;
the checks then run unchanged on the paragraphs it names, and only there.  Written so that each alternative
starts with a literal, a prefilter of the standard `re` engine skips in C to the next candidate character.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate

from .chunking import PIECE, batches, folded


BATCH = 4 * PIECE  # characters: a letter of up to ~250 KB is one batch, as it was one joined text


def texts_at(texts: list[str], positions: Callable[[str], Iterable[int]],
             fold: Callable[[str], str] | None = None) -> set[int]:
    """The indexes of the texts that hold a position that positions(joined) gives, joined being the texts
    (each passed through fold, if given: str.lower runs in C; a fold that gives the same a piece at a time,
    see chunking.folded) joined by line breaks; a position on a joining
    line break counts for the text before it.

    A batch of texts at a time (chunking.batches), each batch joined with the line breaks around it: never a
    joined (or folded) copy of the whole document, which on a 1.5 MB letter was 3 MB at once, made by each of
    the passes that use this, and what is left of the process's memory after them.  So positions() must not
    depend on where the joined text starts or ends (no \\A, \\Z, ^ or $ without MULTILINE): a look-around sees the
    line break that joins a text to the next, not that text."""
    out: set[int] = set()
    if not texts:
        return out
    for first, batch in batches(texts, BATCH):
        group = [folded(text, fold) for text in batch] if fold is not None else batch  # chunking.folded
        before = [""] if first else []  # "" joined: the line break that joins it to the batch before
        after = [""] if first + len(group) < len(texts) else []  # and to the batch after
        starts = list(accumulate((len(t) + 1 for t in group[:-1]), initial=len(before)))
        found = {bisect_right(starts, i) for i in positions("\n".join([*before, *group, *after]))}
        found.discard(0)  # the line break before the batch: the text before it, counted with its own batch
        out.update(first + k - 1 for k in found)  # (bisect_right: text k of the batch is k + 1)
    return out


def match_starts(pattern: object) -> Callable[[str], Iterator[int]]:
    """positions() for texts_at: where the matches of a compiled pattern start."""
    def positions(joined: str) -> Iterator[int]:
        return (m.start() for m in pattern.finditer(joined))  # type: ignore[attr-defined]
    return positions


def find_all(text: str, literal: str) -> Iterator[int]:
    """Where literal occurs in text (str.find: a fast search in C)."""
    i = text.find(literal)
    while i != -1:
        yield i
        i = text.find(literal, i + 1)

"""Strings a regular expression cannot match without: a substring test that spares the search.

A rule that searches every answer with a list of patterns (deferred-answer's phrases, answer-label's
placeholders) spends most of its time on answers that contain none of them.  Every match of
`\\b(?:kan|kunnen)…niet…beantwoord` contains "beantwoord"; `"beantwoord" in text` costs a few instructions a
character where the search costs tens.  `needed` reads a pattern's parse tree for such strings (one of which
every match contains), and `Prefilter` tells which patterns can match a text at all.

The test is a superset of the pattern: both sides are compared case-folded, so it holds with and without
IGNORECASE.  Where a pattern uses syntax the standard parser reads differently from the `regex` module (fuzzy
matching, \\p{…}, version-1 sets …) or cannot read at all, no strings are known and the search always runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import chunking
from ..lazyre import lazy_re

# syntax of the `regex` module that the standard parser reads otherwise (or not at all): no prefilter
_REGEX_ONLY = lazy_re(r"\\[pPLXmMGKQEVN]|\{[^\d,}]|\(\?[Vfebr|&R0-9+\-]|\(\?P>|\[\[:|\(\?\(")
# letters that the regex module's case-insensitive matching pairs with an ASCII letter but case folding
# does not (dotted and dotless i): where the text has one, the search runs


def _odd_cases(text: str) -> bool:
    """Has the text one of them?  (Two substring tests: a character class searched with `re` costs twenty times
    as much, and this runs on every piece of every answer.)"""
    return not text.isascii() and ("\u0130" in text or "\u0131" in text)


def needed(pattern: str) -> frozenset[str] | None:
    """Case-folded strings one of which every match of `pattern` contains; None where none are known.

    A function of the pattern alone (and of this code, whose version keys the kept file): worked out once,
    then kept between runs, as compiled patterns are (reading the parse trees was most of a plan's start)."""
    from ..bundled import kept_memo

    memo = kept_memo("prefilter-needed", _MEMO_FORMAT)
    if pattern in memo.data:
        found = memo.data[pattern]
        return found if found is None or isinstance(found, frozenset) else _needed(pattern)
    found = memo.data[pattern] = _needed(pattern)
    memo.changed()
    return found


_MEMO_FORMAT = 1  # bump when what `needed` finds changes within one letterlint version


def _needed(pattern: str) -> frozenset[str] | None:
    if _REGEX_ONLY.search(pattern):
        return None
    try:
        tree = _module("re._parser", "sre_parse").parse(pattern)
    except Exception:  # not the standard syntax (the regex module has more): no prefilter
        return None
    found = _sequence(list(tree))
    return frozenset(found) if found and all(found) else None


def _sequence(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """The most selective needed set of a sequence: runs of literal characters, and groups, alternations
    and repeats of at least one that have their own."""
    c = _constants()
    ATOMIC_GROUP, BRANCH, LITERAL, SUBPATTERN = getattr(c, "ATOMIC_GROUP", None), c.BRANCH, c.LITERAL, c.SUBPATTERN
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))
    best: set[str] | None = None
    run: list[str] = []

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in items:
        if op is LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider({"".join(run).casefold()})
            run = []
        if op is SUBPATTERN:
            consider(_sequence(list(av[-1])))
        elif ATOMIC_GROUP is not None and op is ATOMIC_GROUP:
            consider(_sequence(list(av)))
        elif op is BRANCH:
            consider(_branches(av[1]))
        elif op in repeats and av[0] >= 1:
            consider(_sequence(list(av[2])))
        # anything else (classes, anchors, lookarounds, back references) consumes no known literal
    if run:
        consider({"".join(run).casefold()})
    return best


def _constants() -> Any:
    return _module("re._constants", "sre_constants")


def _module(name: str, older: str) -> Any:
    """The standard library's regular-expression parser module (renamed in Python 3.11)."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover - older Pythons
        return importlib.import_module(older)


def _branches(alternatives: Sequence[Any]) -> set[str] | None:
    out: set[str] = set()
    for alternative in alternatives:
        found = _sequence(list(alternative))
        if not found:
            return None  # an alternative without a known string: the alternation has none
        out |= found
    return out


class Prefilter:
    """Patterns with their needed strings: `candidates(text)` are the indexes of the patterns that can match
    the text (in order), from one substring test per needed string however many patterns share it."""

    def __init__(self, patterns: Sequence[Any]):
        self.count = len(patterns)
        self.needed = [needed(p.pattern) if isinstance(getattr(p, "pattern", None), str) else None for p in patterns]
        self.always = [i for i, n in enumerate(self.needed) if n is None]
        self.users: dict[str, list[int]] = {}  # needed string → the patterns that need it
        for i, wanted in enumerate(self.needed):
            for w in wanted or ():
                self.users.setdefault(w, []).append(i)

    def candidates(self, text: str) -> list[int]:
        if not self.users or _odd_cases(text):
            return list(range(self.count))
        found = set(self.always)
        if len(text) <= chunking.PIECE:
            self._add_found(text.casefold(), found)
            return sorted(found)
        # a long text folded a piece at a time (chunking.folded), each searched with the end of the one
        # before it (a needed string may span the cut): no folded copy of the whole text
        overlap, tail = max(map(len, self.users)) - 1, ""
        for piece in chunking.pieces(text):
            window = tail + piece.casefold()
            self._add_found(window, found)
            tail = window[len(window) - overlap:] if overlap else ""
        return sorted(found)

    def _add_found(self, folded: str, found: set[int]) -> None:
        for w, users in self.users.items():
            if w in folded:
                found.update(users)

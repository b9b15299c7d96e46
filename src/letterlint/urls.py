"""Web and mail addresses in a paragraph, found once and shared by the rules that leave them alone.

Six rules skip addresses; each scanning every paragraph again was the largest cost on long paragraphs.
`url_spans` remembers the answer for the last paragraphs asked, and leaves out the alternatives that
cannot match (no "@": no mail address), which lets the regex engine skip a paragraph on a missing literal.
"""

from __future__ import annotations

from functools import lru_cache

import regex

# the same alternatives, in the same order, as the one pattern they replace (leftmost match, first alternative)
_PARTS = (
    r"(?:https?://|www\.)\S+",  # needs "://" or "www."
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # needs "@"
    r"\b[\w-]+(?:\.[\w-]+)+/\S*",  # needs "/"
)


@lru_cache(maxsize=8)
def _pattern(which: tuple[bool, ...]) -> regex.Pattern:
    return regex.compile("|".join(p for p, on in zip(_PARTS, which, strict=True) if on))


@lru_cache(maxsize=256)
def url_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every address in `text`, as URL.finditer would give them."""
    which = ("://" in text or "www." in text, "@" in text, "/" in text)
    if not any(which):
        return ()
    return tuple(m.span() for m in _pattern(which).finditer(text))

"""Bounding the findings of one rule in one paragraph.

A paragraph of 40,000 opening brackets is one slip repeated, not 40,000 things to read: after CAP findings
of one rule in one paragraph, the rest are counted, not kept, and one more finding says how many there were
(«… en nog 59.980 keer in deze alinea»).  Output and memory stay bounded whatever the input."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .findings import Finding, Msg, evolve

CAP = 50


def _place(f: Finding) -> tuple:
    loc = f.location
    return (loc.part, loc.note, loc.paragraph)


def capped(findings: Iterable[Finding], cap: int = CAP) -> Iterator[Finding]:
    """The findings of one rule, at most `cap` per paragraph and one summary for the rest of that paragraph."""
    counts: dict[tuple, int] = {}
    first_hidden: dict[tuple, Finding] = {}
    for f in findings:
        place = _place(f)
        n = counts.get(place, 0) + 1
        counts[place] = n
        if n <= cap:
            yield f
        elif n == cap + 1:
            first_hidden[place] = f
    for place, f in first_hidden.items():
        yield summary(f, counts[place] - cap)


def summary(f: Finding, hidden: int) -> Finding:
    """The first finding not shown, standing for all `hidden` of them; no fix (the others get none either)."""
    nl_count = f"{hidden:,}".replace(",", ".")
    more = Msg(f"{f.message.nl} (… en nog {nl_count} keer in deze alinea)",
               f"{f.message.en} (… and {hidden:,} more in this paragraph)")
    return evolve(f, message=more, fix=None)

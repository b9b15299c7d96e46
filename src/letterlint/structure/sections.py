"""Sections: Word headings, party headings ("Vragen en opmerkingen van de leden van de D66-fractie") and topical
subheadings ("PFAS"), which keep the party of their section."""

from __future__ import annotations

from ..model import HEADING, LIST, TABLE, Document, Paragraph
from .patterns import PARTY_HEADING
from .units import Section


def party_of(text: str) -> str | None:
    m = PARTY_HEADING.match(text)
    if not m:
        return None
    return (m.group("party") or m.group("party2") or "").strip() or None


_TITLE_LIKE_END = ".,;:?!…"


def is_subheading(par: Paragraph, nxt: Paragraph | None) -> bool:
    """A short title-like body paragraph followed by running text: a topical subheading ("PFAS", "Metingen")."""
    t = par.text.strip()
    if not t or len(t) > 80 or t[-1] in _TITLE_LIKE_END or not (t[0].isupper() or t[0].isdigit()):
        return False
    if len(t.split()) > 8 or par.kind in (LIST, TABLE) or "\n" in t:
        return False
    if nxt is None:
        return False
    n = nxt.text.strip()
    return len(n) > 80 or (bool(n) and n[-1] in _TITLE_LIKE_END)


def make_sections(events: list[tuple[int, Paragraph, str | None, bool]], n: int) -> tuple[Section, ...]:
    """Sections from the headings found (index, paragraph, party, topical); topical ones inherit the party."""
    out: list[Section] = []
    start, title, heading, party, topical = 0, "", None, None, False
    current_party = None
    for i, par, p_party, p_topical in events:
        if i > start or heading is not None:
            out.append(Section(title, heading, party, start, i, topical))
        if p_party is not None or not p_topical:
            current_party = p_party
        start, title, heading, party, topical = i, par.text.strip(), par, current_party, p_topical
    if n > start or heading is not None or not out:
        out.append(Section(title, heading, party, start, n, topical))
    return tuple(out)


def sections_from_headings(doc: Document) -> tuple[Section, ...]:
    events = [(i, p, party_of(p.text), False) for i, p in enumerate(doc.paragraphs) if p.kind == HEADING]
    return make_sections(events, len(doc.paragraphs))


def section_lookup(sections: tuple[Section, ...], n: int) -> list[Section | None]:
    out: list[Section | None] = [None] * n
    for s in sections:
        for i in range(s.start, min(s.end, n)):
            out[i] = s
    return out

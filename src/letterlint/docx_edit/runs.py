"""Runs: where a character offset falls in them, and rewriting one run with markers put in and text deleted.

A *position* in a paragraph is either ("byte", offset) — between two elements, where a marker is spliced in
as it is — or ("run", run, j, k): inside a run, before character k of its j-th content child (`w:rPr` does
not count).  A run with positions inside it, or with text to mark as deleted, is written anew by
`rewrite_run`: split into runs that all keep the original run properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from .package import EditorBase
from .story import Story
from .xmlpart import XmlPart, escape_text

if TYPE_CHECKING:
    from collections.abc import Callable

ORDER_STEP = 1_000_000  # marker order: kind * ORDER_STEP + id; ends (kind 0) before starts (kind 1)
Position = tuple  # ("byte", offset) | ("run", run, j, k) | ("empty-p", paragraph)


@dataclass
class RunChange:
    """Everything to do inside one run: markers at (j, k) and deletions of (j, k0, k1)."""

    run: Element
    markers: list[tuple[int, int, int, bytes]] = field(default_factory=list)  # (j, k, order, bytes)
    deletions: list[tuple[int, int, int, bytes]] = field(default_factory=list)  # (j, k0, k1, w:del start tag)


def t_element(part: XmlPart, el: Element, text: str, local: bytes = b"t") -> bytes:
    """A copy of the text element `el` holding `text` (as `w:delText` when local is b"delText")."""
    tag = part.open_tag(el)
    if local != b"t":
        prefix = part.qname(el)[:-1]
        tag = b"<" + prefix + local + tag[len(prefix) + 2:]
    if (local != b"t" or text != text.strip() or "  " in text) and b"xml:space" not in tag:
        tag = tag[:-1] + b' xml:space="preserve">'
    close = part.close_tag(el) if local == b"t" else b"</" + part.qname(el)[:-1] + local + b">"
    return tag + escape_text(text) + close


def content_children(run: Element, w: str) -> list[Element]:
    return [c for c in run if c.tag != f"{w}rPr"]


def run_properties(part: XmlPart, run: Element, w: str) -> bytes:
    rpr = run.find(f"{w}rPr")
    return part.element_bytes(rpr) if rpr is not None else b""


def position(part: XmlPart, w: str, node: Element, k: int, side: str) -> Position | None:
    """The position before character k of `node` (a run's content child); None when not in a run."""
    run = part.parent.get(id(node))
    if run is None or run.tag != f"{w}r":
        return None
    children = content_children(run, w)
    j = next(i for i, c in enumerate(children) if c is node)
    if node.tag == f"{w}t":
        if k == len(node.text or ""):
            j, k = j + 1, 0
    else:
        j, k = (j, 0) if side == "start" else (j + 1, 0)
    span = part.span[id(run)]
    if k == 0 and j == 0:
        return ("byte", span[0])
    if k == 0 and j == len(children):
        return ("byte", span[3])
    return ("run", run, j, k)


def rewrite_run(part: XmlPart, change: RunChange, w: str, new_id: Callable[[], int]) -> bytes:
    """The run of `change` split at its markers, deleted text wrapped in `w:del` (ids from `new_id()`)."""
    run = change.run
    open_tag, close_tag = part.open_tag(run), part.close_tag(run)
    rpr = run_properties(part, run, w)
    markers = sorted(change.markers, key=lambda m: (m[0], m[1], m[2]))
    out: list[bytes] = []
    pieces: list[bytes] = []
    state: list[bytes | None] = [None]  # the w:del start tag of the pieces collected, or None

    def flush() -> None:
        if pieces:
            r = open_tag + rpr + b"".join(pieces) + close_tag
            tag = state[0]
            out.append(r if tag is None else tag.replace(b"%ID%", b"%d" % new_id()) + r + tag_end(tag))
            pieces.clear()

    def put(piece: bytes, deleting: bytes | None) -> None:
        if deleting != state[0]:
            flush()
            state[0] = deleting
        pieces.append(piece)

    mi = 0

    def markers_upto(j: int, k: int) -> None:
        nonlocal mi
        while mi < len(markers) and (markers[mi][0], markers[mi][1]) <= (j, k):
            flush()
            out.append(markers[mi][3])
            mi += 1

    for j, child in enumerate(content_children(run, w)):
        dels = [d for d in change.deletions if d[0] == j]
        if child.tag != f"{w}t" or not child.text:
            markers_upto(j, 0)
            put(part.element_bytes(child), dels[0][3] if dels else None)
            continue
        text = child.text
        bounds = sorted({0, len(text)} | {m[1] for m in markers if m[0] == j and 0 < m[1] < len(text)}
                        | {k for d in dels for k in d[1:3] if 0 < k < len(text)})
        for x, y in pairwise(bounds):
            markers_upto(j, x)
            deleting = next((d[3] for d in dels if d[1] <= x and y <= d[2]), None)
            if deleting is not None:
                put(t_element(part, child, text[x:y], b"delText"), deleting)
            else:
                put(part.element_bytes(child) if (x, y) == (0, len(text)) else t_element(part, child, text[x:y]), None)
        markers_upto(j, len(text))
    markers_upto(1 << 30, 0)
    flush()
    return b"".join(out)


def tag_end(start_tag: bytes) -> bytes:
    """The end tag for a start tag such as b'<w:del w:id="1">'."""
    return b"</" + start_tag[1:].split(None, 1)[0].rstrip(b">") + b">"


def remove_elements(part: XmlPart, elements: list[Element], w: str) -> None:
    """Remove elements; a run left with nothing but its properties goes too."""
    by_run: dict[int, list[Element]] = {}
    runs: dict[int, Element] = {}
    for el in elements:
        run = part.parent.get(id(el))
        if run is not None and run.tag == f"{w}r":
            by_run.setdefault(id(run), []).append(el)
            runs[id(run)] = run
        else:
            span = part.span[id(el)]
            part.splice(span[0], span[3], b"")
    for key, els in by_run.items():
        run = runs[key]
        ids = {id(e) for e in els}
        targets = [run] if all(id(c) in ids for c in content_children(run, w)) else els
        for el in targets:
            span = part.span[id(el)]
            part.splice(span[0], span[3], b"")


class RunCuts(EditorBase):
    """Markers and deletions collected per part, placed when the package is written."""

    def __init__(self, data: bytes, main_part: str):
        super().__init__(data, main_part)
        self._pending: dict[str, list] = {}  # part → [(position, order, bytes)]
        self._deletions: dict[str, dict[int, RunChange]] = {}  # part → id(run) → change
        self._next_id: int | None = None

    def new_id(self) -> int:
        """A fresh id for a comment or a revision (they share one counter, so no id is used twice)."""
        if self._next_id is None:
            self._next_id = self._max_annotation_id() + 1
        self._next_id += 1
        return self._next_id - 1

    def _max_annotation_id(self) -> int:
        ids = [-1]
        names = [self.main] + [t for kind in ("footnotes", "endnotes", "comments") for t in self._related(kind)]
        for name in names:
            if name not in self.zip.by_name:
                continue
            for el in self.part(name).root.iter():
                if el.tag.endswith(("}comment", "}commentRangeStart", "}commentReference", "}ins", "}del",
                                    "}moveFrom", "}moveTo", "}rPrChange", "}pPrChange", "}sectPrChange",
                                    "}tblPrChange", "}trPrChange", "}tcPrChange", "}numberingChange")):
                    for key, value in el.attrib.items():
                        if key.endswith("}id") and value.lstrip("-").isdigit():
                            ids.append(int(value))
        return max(ids)

    def cut(self, story: Story, p: Element, x: int, side: str) -> Position | None:
        """The position of raw offset x in paragraph p: at the start or the end of a stretch of text."""
        segs = story.segments.get(id(p), [])
        found = [s for s in segs if (s[0] <= x < s[1] if side == "start" else s[0] < x <= s[1])]
        if not found:
            return None
        s0, _s1, node = found[0]
        return position(story.part, story.w, node, x - s0 if node.tag == f"{story.w}t" else 0, side)

    @staticmethod
    def paragraph_cut(part: XmlPart, p: Element, w: str, side: str) -> Position:
        span = part.span[id(p)]
        if part.is_empty(p):
            return ("empty-p", p)
        if side == "end":
            return ("byte", span[2])
        ppr = p.find(f"{w}pPr")
        return ("byte", part.span[id(ppr)][3] if ppr is not None and p[0] is ppr else span[1])

    def put_marker(self, part_name: str, where: Position, order: int, marker: bytes) -> None:
        self._pending.setdefault(part_name, []).append((where, order, marker))

    def delete_in_run(self, part_name: str, run: Element, j: int, k0: int, k1: int, del_tag: bytes) -> None:
        runs = self._deletions.setdefault(part_name, {})
        runs.setdefault(id(run), RunChange(run)).deletions.append((j, k0, k1, del_tag))

    def _finish(self) -> None:
        super()._finish()
        for name in sorted(set(self._pending) | set(self._deletions)):
            self._place(name)
        self._pending.clear()
        self._deletions.clear()

    def _place(self, name: str) -> None:
        part = self.part(name)
        w = self.story(name).w
        runs = self._deletions.get(name, {})
        empty: dict[int, tuple[Element, list]] = {}
        for where, order, marker in self._pending.get(name, []):
            if where[0] == "byte":
                part.splice(where[1], where[1], marker, order)
            elif where[0] == "run":
                runs.setdefault(id(where[1]), RunChange(where[1])).markers.append((where[2], where[3], order, marker))
            else:
                empty.setdefault(id(where[1]), (where[1], []))[1].append((order, marker))
        for change in runs.values():
            span = part.span[id(change.run)]
            part.splice(span[0], span[3], rewrite_run(part, change, w, self.new_id))
        for p, p_cuts in empty.values():
            span = part.span[id(p)]
            starts_first = sorted(p_cuts, key=lambda c: (-(c[0] // ORDER_STEP), c[0]))
            inner = b"".join(m for _, m in starts_first)
            part.splice(span[0], span[3], part.open_tag(p) + inner + part.close_tag(p))

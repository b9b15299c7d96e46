"""Reader for plain-text exports of Word files (Apache POI / Tika, the format of the example draft).

One line is one paragraph.  The exporter writes hidden things as text, which this reader takes out of the
paragraph text and records in the model:

    [bookmark: _Hlk221883646]        a bookmark (Tika) — kept as a leaked-marker artefact as well
    [footnoteRef:3] / [endnoteRef:3]  a note reference (POI)
    [3:  body text]                   the body of note 3, after its paragraph; may hold brackets and line breaks
    \\tComment by Author: text         a Word comment (POI), to the end of the line
    !!! End note with ID "4" not found in document.   POI's text for a reference without a body

A line that is only an HTML comment, such as ``<!-- letterlint: ignore typo -->``, is not a paragraph of the
letter: it is kept as a directive for letterlint, bound to the paragraph that follows (as in Markdown).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

import regex

from ..lazyre import lazy
from ..model import HEADING, LIST, TABLE, Document
from .common import Draft, LineDraft, NoteDraft, assemble

# A body's opening takes the space before it along (see _start): a pattern that may start with a space would
# be tried at every space of the text, five times slower than one that starts only at '[', tab or '!'.
INLINE = lazy(
    r"(?P<bookmark>\[bookmark: (?P<bname>[^\]\r\n]+)\])"
    r"|(?P<ref>\[(?P<rkind>footnote|endnote)Ref:(?P<rid>-?\d+)\])"
    r"|(?P<body>\[(?P<bid>\d+):[ \t])"
    r"|(?P<comment>\tComment by (?P<author>[^:\n]+): )"
    r"|(?P<missing>!!! (?:End|Foot) ?note with ID \"?(?P<mid>-?\d+)\"? not found in document\.?)"
)
MARKER_STARTS = "[\t!"  # the first characters of INLINE's markers

HEADING_EXCLUDE = lazy(
    r"^(?:antwoord|reactie|vraag|vragen\s+\d|geachte|hoogachtend|met\s+vriendelijke|bijlage\s*:|datum|kenmerk|betreft)\b",
    regex.IGNORECASE,
)
COMMENT_LINE = lazy(r"[ \t]*<!--(?P<body>(?:(?!-->).)*)-->[ \t\r]*$")
LIST_BULLETS = "-•·*–▪◦"
LIST_START = lazy(rf"^\s*(?:[{LIST_BULLETS}]\s+|\d{{1,2}}[.)]\s+|[a-z][.)]\s+)")


class _Brackets:
    """Where each '[' of the text is closed, matched in one pass over the whole text when first asked.

    A note body may hold brackets and run over line breaks; scanning forward from every body would be
    quadratic when many bodies are never closed.  Arrays keep the memory at 16 bytes per bracket."""

    def __init__(self, src: str):
        self.src = src
        self.opens: array | None = None
        self.closes = array("q")

    def close_of(self, open_pos: int) -> int | None:
        """Offset of the ']' closing the '[' at `open_pos`, or None when it is never closed."""
        if self.opens is None:
            self._match()
        opens = self.opens
        assert opens is not None  # _match() fills it
        k = bisect_left(opens, open_pos)
        if k < len(opens) and opens[k] == open_pos and self.closes[k] >= 0:
            return self.closes[k]
        return None

    def _match(self) -> None:
        opens, closes, stack = array("q"), array("q"), array("q")
        src = self.src
        o, c = src.find("["), src.find("]")  # str.find, not a pattern: it skips the text at memchr speed
        while o >= 0 or c >= 0:
            if c < 0 or 0 <= o < c:
                stack.append(len(opens))
                opens.append(o)
                closes.append(-1)
                o = src.find("[", o + 1)
            else:
                if stack:
                    closes[stack.pop()] = c
                c = src.find("]", c + 1)
        self.opens, self.closes = opens, closes


class _Markers:
    """INLINE.search(src, pos, end) for positions that only move forward: one search serves every line up
    to the next marker, so lines without markers (most of a letter) cost no search of their own.

    A marker starts with '[', a tab or '!': the search jumps from one such character to the next with
    str.find (a pattern scan tests every character of the text in turn, many times slower)."""

    def __init__(self, src: str):
        self.src = src
        self.since = -1  # the position the kept search started from
        self.next: regex.Match | None = None  # the first marker at or after `since`
        self.starts = dict.fromkeys(MARKER_STARTS, -2)  # the next occurrence of each start character

    def search(self, pos: int, end: int) -> regex.Match | None:
        m = self.next
        if pos < self.since or (m is not None and m.start() < pos) or self.since < 0:
            if pos < self.since:  # backwards (not done by the reader): the start characters are looked for again
                self.starts = dict.fromkeys(MARKER_STARTS, -2)
            m = self.next = self._first(pos)
            self.since = pos
        if m is None or m.start() >= end:
            return None
        if m.end() > end:  # runs past `end` (only a comment's author can hold a ']'): search within it
            return INLINE.search(self.src, pos, end)
        return m

    def _first(self, pos: int) -> regex.Match | None:
        """The leftmost marker at or after `pos` (linear over all calls: each character is found once)."""
        src, starts = self.src, self.starts
        while True:
            for ch, at in starts.items():
                if at != -1 and at < pos:  # -1: none left; -2: not looked for yet
                    starts[ch] = src.find(ch, pos)
            found = [at for at in starts.values() if at >= 0]
            if not found:
                return None
            at = min(found)
            m = INLINE.match(src, at)
            if m is not None:
                return m
            pos = at + 1


def _start(src: str, m: regex.Match, pos: int) -> int:
    """Where marker `m` starts in the text: a body's opening takes the one space before it along."""
    s = m.start()
    return s - 1 if m.lastgroup == "body" and s > pos and src[s - 1] == " " else s


def _scan(src: str, start: int, end: int, draft: Draft, base: int, allow_bodies: bool, found_bodies: list,
          brackets: _Brackets | None = None, markers: _Markers | None = None) -> int:
    """Fill `draft` with src[start:end], taking markers out.  Returns where the paragraph really ends.

    `base` is the offset of draft.raw[0] in src.  A note body may run past `end` (over line breaks): then
    the paragraph is extended to the end of the line where the body closes.
    """
    pos = start
    search = markers.search if markers is not None else lambda p, e: INLINE.search(src, p, e)
    while True:
        m = search(pos, end)
        if m is None:
            draft.add_text(src[pos:end], pos - base)
            return end
        mstart = _start(src, m, pos)
        draft.add_text(src[pos:mstart], pos - base)
        kind = m.lastgroup
        rs, re_ = mstart - base, m.end() - base
        if kind == "bookmark":
            draft.bookmarks.append((m.group("bname"), draft.clean_offset(), rs, re_, None, True))
            draft.artefacts.append(("bookmark-marker", rs, re_, m.group(), m.group("bname")))
            pos = m.end()
        elif kind == "ref":
            draft.refs.append((m.group("rkind"), m.group("rid"), draft.clean_offset(), rs, re_, None))
            pos = m.end()
        elif kind == "missing":
            draft.artefacts.append(("missing-note", rs, re_, m.group(), m.group("mid")))
            pos = m.end()
        elif kind == "comment":
            line_end = src.find("\n", m.end(), end)
            line_end = end if line_end == -1 else line_end
            draft.inline_comments.append((m.group("author").strip(), src[m.end() : line_end].strip()))
            draft.artefacts.append(("comment-marker", rs, line_end - base, src[mstart:line_end], None))
            pos = line_end
        elif kind == "body" and allow_bodies:
            close = (brackets or _Brackets(src)).close_of(m.start())
            unclosed = close is None
            if close is None:  # no closing bracket anywhere: the body runs to the end of its line
                close = src.find("\n", m.end())
                close = len(src) if close == -1 else close
            found_bodies.append((m.group("bid"), mstart, m.end(), close, unclosed))
            after = close if unclosed else close + 1
            if after > end:  # the body ran over line breaks: the paragraph ends where its line ends
                line_end = src.find("\n", after)
                end = len(src) if line_end == -1 else line_end
                draft.raw = src[base:end]
            pos = after
        else:  # a "[3: " inside a note body is just text
            draft.add_text(src[mstart : m.end()], rs)
            pos = m.end()


def _note_paragraphs(src: str, start: int, end: int) -> list[Draft]:
    """The paragraphs of a note body src[start:end] (lines of a multi-paragraph note)."""
    drafts = []
    pos = start
    while True:
        nl = src.find("\n", pos, end)
        stop = end if nl == -1 else nl
        text_start = pos
        while text_start < stop and src[text_start] in " \t":
            text_start += 1
        d = Draft(raw=src[pos:stop], origin=pos)
        _scan(src, text_start, stop, d, pos, allow_bodies=False, found_bodies=[])
        drafts.append(d)
        if nl == -1:
            return drafts
        pos = nl + 1


def looks_like_heading(text: str, next_text: str | None) -> bool:
    """A short standalone line that is followed by text: a title, a party heading or a topical subheading."""
    t = text.strip()
    if not t or len(t) > 120 or t[-1] in ".,;:?!…" or not (t[0].isupper() or t[0].isdigit()):
        return False
    if len(t.split()) > 14 or HEADING_EXCLUDE.match(t) or (t.startswith("(") and t.endswith(")")):
        return False
    if next_text is None:
        return False
    n = next_text.strip()
    # a heading is followed by running text, not by another heading-like line (a signature block is)
    return bool(n) and (len(n) > 120 or n[-1] in ".,;:?!…)" or n.startswith("("))


def read_export(text: str, path: str, meta: dict | None = None) -> Document:
    drafts: list[Draft] = []
    notes: list[NoteDraft] = []
    directives: list[tuple[str, int, int]] = []  # (text, index of the paragraph it precedes, line)
    n = len(text)
    brackets = _Brackets(text)
    markers = _Markers(text)
    pos = resume = 0  # resume: where the next paragraph starts after one that ran over line breaks
    for number, line in enumerate(text.split("\n"), 1):  # one split, not a search per line
        start, pos = pos, pos + len(line) + 1
        if start < resume:
            continue  # a line of the paragraph before (a note body over line breaks)
        if start >= n and drafts:
            break  # the file ends with a line break: no empty paragraph after it
        if _plain(line):  # most lines: no marker, no comment: the paragraph is the line
            drafts.append(LineDraft(line, start))
            continue
        end = start + len(line)
        if "<!--" in line and (c := COMMENT_LINE.match(text, start, end)):
            directives.append((c.group("body").strip(), len(drafts), number))
            if end >= n and not drafts:  # a file of comments only: one empty paragraph, as for an empty file
                drafts.append(Draft(raw="", origin=n))
            continue
        if markers.search(start, end) is None:
            drafts.append(LineDraft(line, start))
            continue
        d = Draft(raw=line, origin=start)
        resume = _marked_paragraph(text, start, end, d, len(drafts), notes, brackets, markers) + 1
        drafts.append(d)

    _classify(drafts)
    _note_kinds(drafts, notes)
    return assemble(path, "text", drafts, notes, source=text, meta=meta, directives=directives)


def _plain(line: str) -> bool:
    """A line in which no marker and no comment can start (every marker starts with one of MARKER_STARTS)."""
    return "[" not in line and "\t" not in line and "!" not in line and "<!--" not in line


def _marked_paragraph(text: str, pos: int, end: int, d: Draft, host: int, notes: list[NoteDraft],
                      brackets: _Brackets, markers: _Markers) -> int:
    """Fill `d` from the line text[pos:end] that holds markers, adding its note bodies to `notes`.
    Returns where the paragraph ends (past `end` when a note body runs over line breaks)."""
    bodies: list = []
    end = _scan(text, pos, end, d, pos, allow_bodies=True, found_bodies=bodies, brackets=brackets,
                markers=markers)
    for bid, mstart, bstart, close, _unclosed in bodies:
        notes.append(
            NoteDraft(kind="footnote", id=bid, paragraphs=_note_paragraphs(text, bstart, close), host=host,
                      raw_start=mstart - pos, raw_end=min(close + 1, end) - pos)
        )
    return end


def _next_non_blank(texts: list[str]) -> list[str | None]:
    """For each paragraph, the text of the next paragraph that is not blank (one pass from the end)."""
    out: list[str | None] = [None] * len(texts)
    nxt = None
    for i in range(len(texts) - 1, -1, -1):
        out[i] = nxt
        if texts[i].strip():
            nxt = texts[i]
    return out


def _classify(drafts: list[Draft]) -> None:
    texts = [d.build()[0] for d in drafts]
    following = _next_non_blank(texts)
    for i, d in enumerate(drafts):
        t = texts[i]
        stripped = t.strip()
        if not stripped:  # a blank line is a body paragraph (made EMPTY later)
            continue
        if d.raw.startswith("\t"):
            d.kind = TABLE
        elif _may_open_list(stripped[0]) and LIST_START.match(t):
            d.kind = LIST
        elif looks_like_heading(t, following[i]):
            d.kind, d.level = HEADING, 1


def _may_open_list(c: str) -> bool:
    """Can a line whose first character is `c` match LIST_START?  Most lines start with a capital: no pattern."""
    return c in LIST_BULLETS or c.isdigit() or "a" <= c <= "z"


def _note_kinds(drafts: list[Draft], notes: list[NoteDraft]) -> None:
    """POI writes endnote bodies like footnote bodies; an id referenced only as an endnote is an endnote."""
    kinds: dict[str, set[str]] = {}
    for d in drafts:
        for kind, nid, *_ in d.refs:
            kinds.setdefault(nid, set()).add(kind)
    for nd in notes:
        if kinds.get(nd.id) == {"endnote"}:
            nd.kind = "endnote"

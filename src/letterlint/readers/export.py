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
from .common import Draft, NoteDraft, assemble

INLINE = lazy(
    r"(?P<bookmark>\[bookmark: (?P<bname>[^\]\r\n]+)\])"
    r"|(?P<ref>\[(?P<rkind>footnote|endnote)Ref:(?P<rid>-?\d+)\])"
    r"|(?P<body> ?\[(?P<bid>\d+):[ \t])"
    r"|(?P<comment>\tComment by (?P<author>[^:\n]+): )"
    r"|(?P<missing>!!! (?:End|Foot) ?note with ID \"?(?P<mid>-?\d+)\"? not found in document\.?)"
)
BRACKET = lazy(r"[\[\]]")

HEADING_EXCLUDE = lazy(
    r"^(?:antwoord|reactie|vraag|vragen\s+\d|geachte|hoogachtend|met\s+vriendelijke|bijlage\s*:|datum|kenmerk|betreft)\b",
    regex.IGNORECASE,
)
COMMENT_LINE = lazy(r"[ \t]*<!--(?P<body>(?:(?!-->).)*)-->[ \t\r]*$")
LIST_START = lazy(r"^\s*(?:[-•·*–▪◦]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)")


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
        for m in BRACKET.finditer(self.src):
            if m.group() == "[":
                stack.append(len(opens))
                opens.append(m.start())
                closes.append(-1)
            elif stack:
                closes[stack.pop()] = m.start()
        self.opens, self.closes = opens, closes


def _scan(src: str, start: int, end: int, draft: Draft, base: int, allow_bodies: bool, found_bodies: list,
          brackets: _Brackets | None = None) -> int:
    """Fill `draft` with src[start:end], taking markers out.  Returns where the paragraph really ends.

    `base` is the offset of draft.raw[0] in src.  A note body may run past `end` (over line breaks): then
    the paragraph is extended to the end of the line where the body closes.
    """
    pos = start
    while True:
        m = INLINE.search(src, pos, end)
        if m is None:
            draft.add_text(src[pos:end], pos - base)
            return end
        draft.add_text(src[pos : m.start()], pos - base)
        kind = next(k for k in ("bookmark", "ref", "body", "comment", "missing") if m.group(k) is not None)
        rs, re_ = m.start() - base, m.end() - base
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
            draft.artefacts.append(("comment-marker", rs, line_end - base, src[m.start() : line_end], None))
            pos = line_end
        elif kind == "body" and allow_bodies:
            close = (brackets or _Brackets(src)).close_of(m.start("bid") - 1)
            unclosed = close is None
            if close is None:  # no closing bracket anywhere: the body runs to the end of its line
                close = src.find("\n", m.end())
                close = len(src) if close == -1 else close
            found_bodies.append((m.group("bid"), m.start(), m.end(), close, unclosed))
            after = close if unclosed else close + 1
            if after > end:  # the body ran over line breaks: the paragraph ends where its line ends
                line_end = src.find("\n", after)
                end = len(src) if line_end == -1 else line_end
                draft.raw = src[base:end]
            pos = after
        else:  # a "[3: " inside a note body is just text
            draft.add_text(src[m.start() : m.end()], rs)
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
    pos = 0
    n = len(text)
    line_no = 1
    brackets = _Brackets(text)
    while pos < n or not drafts:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        if "<!--" in text[pos:end] and (c := COMMENT_LINE.match(text, pos, end)):
            directives.append((c.group("body").strip(), len(drafts), line_no))
            line_no += 1
            if end >= n:
                if not drafts:  # a file of comments only: one empty paragraph, as for an empty file
                    drafts.append(Draft(raw="", origin=n))
                break
            pos = end + 1
            continue
        d = Draft(raw=text[pos:end], origin=pos)
        bodies: list = []
        end = _scan(text, pos, end, d, pos, allow_bodies=True, found_bodies=bodies, brackets=brackets)
        host = len(drafts)
        for bid, mstart, bstart, close, _unclosed in bodies:
            notes.append(
                NoteDraft(kind="footnote", id=bid, paragraphs=_note_paragraphs(text, bstart, close), host=host,
                          raw_start=mstart - pos, raw_end=min(close + 1, end) - pos)
            )
        drafts.append(d)
        line_no += text.count("\n", pos, end) + 1
        if end >= n:
            break
        pos = end + 1

    _classify(drafts)
    _note_kinds(drafts, notes)
    return assemble(path, "text", drafts, notes, source=text, meta=meta, directives=directives)


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
    texts = [d.builder.build()[0] for d in drafts]
    following = _next_non_blank(texts)
    for i, d in enumerate(drafts):
        t = texts[i]
        if d.raw.startswith("\t") and t.strip():
            d.kind = TABLE
            continue
        if LIST_START.match(t) and t.strip():
            d.kind = LIST
            continue
        if looks_like_heading(t, following[i]):
            d.kind, d.level = HEADING, 1


def _note_kinds(drafts: list[Draft], notes: list[NoteDraft]) -> None:
    """POI writes endnote bodies like footnote bodies; an id referenced only as an endnote is an endnote."""
    kinds: dict[str, set[str]] = {}
    for d in drafts:
        for kind, nid, *_ in d.refs:
            kinds.setdefault(nid, set()).add(kind)
    for nd in notes:
        if kinds.get(nd.id) == {"endnote"}:
            nd.kind = "endnote"

"""Reader for Markdown letters (CommonMark with pandoc-style footnotes).

Blocks: ATX and setext headings, paragraphs (soft line breaks kept as characters of the text), list items,
table rows, block quotes, footnote definitions `[^id]: text` (with indented continuation lines).  Fenced
code is not part of the letter and is skipped.  Inline: `[^id]` references, `**`/`__` emphasis, links
(their text is kept), code spans (literal text: no references or markup inside), pandoc anchors `[]{#name}`
(bookmarks), `<!-- … -->` comments (directives for letterlint, e.g. `<!-- letterlint: ignore typo -->`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..lazyre import lazy, lazy_re
from ..model import HEADING, LIST, TABLE, Document
from .common import Draft, NoteDraft, assemble

if TYPE_CHECKING:
    from collections.abc import Iterator

ATX = lazy(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT = lazy(r"^ {0,3}(=+|-+)[ \t]*$")
HR = lazy(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})")
LIST_ITEM = lazy(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
TABLE_ROW = lazy(r"^ {0,3}\|")
TABLE_RULE = lazy(r"^ {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
QUOTE = lazy(r"^ {0,3}>[ \t]?")
FOOTDEF = lazy(r"^ {0,3}\[\^(?P<id>[^\]\s]+)\]:[ \t]?")
COMMENT_LINE = lazy(r"^ {0,3}<!--(?P<body>.*?)-->[ \t]*$")

INLINE = lazy(
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`)(?P<ctext>.+?)(?<!`)(?P=ticks)(?!`))"  # a code span is literal text
    r"|(?P<ref>\[\^(?P<rid>[^\]\s]+)\])"
    r"|(?P<anchor>\[\]\{(?:#(?P<aname>[^}\s]+)|[^}]*?\bid=\"(?P<aname>[^\"]+)\")[^}]*\})"
    r"|(?P<comment><!--(?P<cbody>.*?)-->)"
    r"|(?P<leak>\[bookmark: (?P<lname>[^\]\r\n]+)\])"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<linkend>\]\((?:[^()\s]|\([^()]*\))*\)|\]\{[^}]*\})"
    r"|(?P<linkstart>\[(?=[^\]]*\](?:\(|\{)))"
    r"|(?P<emph>\*\*|__|`)"
    r"|(?P<escape>\\(?=[\\`*_{}\[\]()#+\-.!|]))",
    regex.DOTALL,
)
# Every INLINE alternative starts with one of these characters (a code span with its backticks): a text
# without any of them (most of a letter's paragraphs) is taken as it is, with no pattern tried at every character.
INLINE_STARTS = lazy_re(r"[`\[\]<!*_\\]")


def _inline(raw: str, start: int, end: int, d: Draft) -> None:
    pos = start
    first = INLINE_STARTS.search(raw, start, end)
    for m in INLINE.finditer(raw, first.start() if first else end, end):
        d.add_text(raw[pos : m.start()], pos)
        kind = m.lastgroup  # the outermost group of the alternative that matched
        if kind == "code":
            start = d.clean_offset()
            d.add_text(m.group("ctext"), m.start("ctext"))
            d.code.append((start, d.clean_offset()))
        elif kind == "ref":
            d.refs.append(("footnote", m.group("rid"), d.clean_offset(), m.start(), m.end(), None))
        elif kind == "anchor":
            d.bookmarks.append((m.group("aname"), d.clean_offset(), m.start(), m.end(), None, False))
        elif kind == "comment":
            d.directives.append((m.group("cbody").strip(), None))
        elif kind == "leak":
            d.bookmarks.append((m.group("lname"), d.clean_offset(), m.start(), m.end(), None, True))
            d.artefacts.append(("bookmark-marker", m.start(), m.end(), m.group(), m.group("lname")))
        pos = m.end()
    d.add_text(raw[pos:end], pos)


class _Block:
    __slots__ = ("kind", "start", "end", "level", "note", "prefixes")

    def __init__(self, kind, start, end, level=None, note=None):
        self.kind, self.start, self.end, self.level, self.note = kind, start, end, level, note
        self.prefixes = []  # (absolute offset, length) of line prefixes to leave out (quote markers, indents)


def _blocks(text: str) -> Iterator[_Block | tuple[str, str, int]]:
    """Split the text into blocks with absolute offsets; yields blocks and ('directive', text, offset)."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i, n = 0, len(lines)
    while i < n:
        off, line = lines[i]
        if not line.strip():
            i += 1
            continue
        plain = _plain_start(line)
        if not plain and (m := FENCE.match(line)):
            fence = m.group(1)
            i += 1
            while i < n and not lines[i][1].lstrip().startswith(fence):
                i += 1
            i += 1
            continue
        if not plain and (m := COMMENT_LINE.match(line)):
            yield ("directive", m.group("body").strip(), off)
            i += 1
            continue
        if line.lstrip().startswith("<!--"):  # a comment over several lines
            j = i
            while j < n and "-->" not in lines[j][1]:
                j += 1
            body = text[off : lines[min(j, n - 1)][0] + len(lines[min(j, n - 1)][1])]
            yield ("directive", body.strip()[4:].rsplit("-->", 1)[0].strip(), off)
            i = j + 1
            continue
        if not plain and (m := ATX.match(line)):
            content = m.group(2) or ""
            cstart = off + (m.start(2) if m.group(2) is not None else len(line))
            yield _Block("heading", cstart, cstart + len(content), level=len(m.group(1)))
            i += 1
            continue
        if not plain and HR.match(line):
            i += 1
            continue
        if not plain and (m := FOOTDEF.match(line)):
            block = _Block("note", off + m.end(), off + len(line), note=m.group("id"))
            i += 1
            while i < n and (lines[i][1].startswith(("    ", "\t")) or (lines[i][1].strip() and not _starts_block(lines[i][1]))):
                _continue(block, *lines[i])
                i += 1
            # indented paragraphs after a blank line still belong to the note
            while i + 1 < n and not lines[i][1].strip() and lines[i + 1][1].startswith(("    ", "\t")):
                i += 1
                while i < n and lines[i][1].startswith(("    ", "\t")):
                    _continue(block, *lines[i])
                    i += 1
            yield block
            continue
        if not plain and TABLE_ROW.match(line):
            if not TABLE_RULE.match(line):
                yield _Block("table", off, off + len(line))
            i += 1
            continue
        kind = "list" if not plain and LIST_ITEM.match(line) else "body"
        block = _Block(kind, off, off + len(line))
        if not plain and (m := QUOTE.match(line)):
            block.prefixes.append((off, m.end()))
        if kind == "list":
            block.prefixes.append((off, LIST_ITEM.match(line).end()))
        i += 1
        while i < n and lines[i][1].strip() and not _starts_block(lines[i][1]):
            nxt_off, nxt = lines[i]
            plain = _plain_start(nxt)
            if not plain and SETEXT.match(nxt) and kind == "body":
                block.kind = "heading"
                block.level = 1 if nxt.strip()[0] == "=" else 2
                i += 1
                break
            if not plain and (m := QUOTE.match(nxt)):
                block.prefixes.append((nxt_off, m.end()))
            _continue(block, nxt_off, nxt)
            i += 1
        yield block


def _continue(block: _Block, off: int, line: str) -> None:
    """Add a continuation line to a block; its indentation is not part of the text."""
    indent = len(line) - len(line.lstrip(" \t"))
    if indent:
        block.prefixes.append((off, indent))
    block.end = off + len(line)


BLOCK_STARTS = frozenset("#=-*_`~+|>[<")  # what the block patterns start with (after 0–3 spaces), or a digit


def _plain_start(line: str) -> bool:
    """Can no block pattern match at the start of `line`?  True for a line of running text: most lines."""
    rest = line.lstrip(" ")
    return len(line) - len(rest) > 3 or not rest or (rest[0] not in BLOCK_STARTS and not rest[0].isdigit())


def _starts_block(line: str) -> bool:
    if _plain_start(line):
        return False
    return bool(
        ATX.match(line) or FENCE.match(line) or LIST_ITEM.match(line) or FOOTDEF.match(line)
        or TABLE_ROW.match(line) or COMMENT_LINE.match(line) or (HR.match(line) and not SETEXT.match(line))
    )


def _fill(text: str, block: _Block, d: Draft) -> None:
    """Inline-parse the block's text, leaving out line prefixes (quote markers, list bullets)."""
    if block.kind == "table":
        _fill_row(block, d)
        return
    base = block.start
    pos = block.start
    for off, length in sorted(block.prefixes):
        if off + length <= pos:
            continue
        if off > pos:
            _inline(d.raw, pos - base, off - base, d)
        pos = off + length
    if pos < block.end:
        _inline(d.raw, pos - base, block.end - base, d)


def _fill_row(block: _Block, d: Draft) -> None:
    """A table row: the cells' text separated by tabs (each tab stands where a "|" was)."""
    raw = d.raw
    cells = [m.start() for m in regex.finditer(r"(?<!\\)\|", raw)]
    first = cells[0] if cells and not raw[: cells[0]].strip() else None
    last = cells[-1] if cells and not raw[cells[-1] + 1 :].strip() else None
    pos = 0 if first is None else first + 1
    for pipe in cells:
        if pipe in (first,):
            continue
        if pipe == last:
            break
        _inline(raw, pos, pipe, d)
        d.add_text("\t", pipe)
        pos = pipe + 1
    _inline(raw, pos, last if last is not None else len(raw), d)


def read_markdown(text: str, path: str, meta: dict | None = None) -> Document:
    drafts: list[Draft] = []
    notes: list[NoteDraft] = []
    directives = []
    line, counted = 1, 0  # the line of text[counted]: counted on, from one directive to the next
    for block in _blocks(text):
        if isinstance(block, tuple):
            _, body, off = block
            line, counted = line + text.count("\n", counted, off), off
            directives.append((body, len(drafts), line))
            continue
        raw = text[block.start : block.end]
        d = Draft(raw=raw, origin=block.start)
        _fill(text, block, d)
        if block.kind == "note":
            d.part = "footnote"
            notes.append(NoteDraft(kind="footnote", id=block.note, paragraphs=[d], after=len(drafts) - 1 if drafts else None))
            continue
        d.kind = {"heading": HEADING, "list": LIST, "table": TABLE}.get(block.kind, d.kind)
        d.level = block.level
        drafts.append(d)
    # a note's paragraph number is that of the paragraph that first references it
    hosts: dict[tuple[str, str], int] = {}
    for i, d in enumerate(drafts):
        for kind, nid, *_ in d.refs:
            hosts.setdefault((kind, nid), i)
    return assemble(path, "markdown", drafts, notes, source=text, meta=meta, note_hosts=hosts,
                    directives=[(t, i, line) for t, i, line in directives])

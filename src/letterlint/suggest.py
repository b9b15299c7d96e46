"""Fixes to accept or reject, findings as comments, in one reviewed copy: `letterlint --suggest OUT draft`.

What `--fix` would change (the safe fixes; with `--unsafe-fixes` all) is computed by `fixes.fix_bytes`, pass
after pass, exactly as `--fix` does.  The difference between the original and the fixed text is then written
into a copy of the original as changes a writer accepts or rejects, so that accepting every change gives the
`--fix` result and rejecting every change gives the original (see docs/suggest.md):

* .docx: per paragraph, whole words that differ become a tracked change (`w:del`/`w:ins`, author
  "letterlint", dated now) made by `docx_edit.Tracked`; every finding that remains after the fixes becomes a
  Word comment anchored at its words, as `--annotate` does.  Removing hidden bookmarks is no change of text:
  it is done directly and one comment at the top of the document says so.  A change that would touch an
  existing revision is not nested in it: it becomes a comment that says what the fix would write.
* Markdown and text exports: a copy with CriticMarkup — `{--old--}{++new++}` for changes, `{==words==}{>>
  comment<<}` for the remaining findings — in the file's encoding, byte-order mark and line ends.

The input is never changed; the copy is written by the caller (atomically).
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .annotate import (
    AUTHOR,
    INITIALS,
    AnnotateError,
    check_anchored,
    comment_lines,
    place_comments,
    timestamp,
)
from .findings import Finding, Msg
from .fixes import FixOutcome, text_codec
from .lazyre import lazy
from .model import Document, Paragraph

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from .annotate import CommentAnchor
    from .docx_edit import DocxEditor
    from .runner import FileResult, Plan

TOKEN = lazy(r"\w+|\s+|[^\w\s]")
TextEdit = tuple[int, int, str]  # start, end in the old text; what the new text has there


@dataclass
class Suggestion:
    """The reviewed copy --suggest made, and how many changes and comments it holds."""

    data: bytes  # the reviewed copy
    changes: int = 0  # tracked changes (or CriticMarkup changes) written
    comments: int = 0
    bookmarks: list[str] = field(default_factory=list)  # hidden bookmarks removed directly
    refused: int = 0  # changes left as comments (they touch an existing revision)
    original: Document | None = None  # the input, read


class SuggestError(AnnotateError):
    """The copy could not be made; `nl`/`en` say why."""


# -- what changed ---------------------------------------------------------------------------------------


def text_edits(old: str, new: str) -> list[TextEdit]:
    """Replacements of whole words (and spaces and punctuation marks) that turn `old` into `new`.

    Lines are matched first — one to one when the fixes kept the number of lines, as they nearly always do —
    so the work stays proportional to the text for long files with few changes.
    """
    if old == new:
        return []
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    starts = _starts(old_lines)
    if len(old_lines) == len(new_lines):
        blocks = [(i, i + 1, i, i + 1) for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    else:
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines)
        blocks = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    out: list[TextEdit] = []
    for i1, i2, j1, j2 in blocks:
        out += _token_edits("".join(old_lines[i1:i2]), "".join(new_lines[j1:j2]), starts[i1])
    return out


def _starts(pieces: list[str]) -> list[int]:
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    return starts


def _token_edits(old: str, new: str, base: int) -> list[TextEdit]:
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a_mid, b_mid = a[head:len(a) - tail], b[head:len(b) - tail]
    starts = _starts(a)
    out = []
    # exact for a paragraph; for a very long one, frequent tokens (spaces) may be skipped as anchors to stay fast
    matcher = difflib.SequenceMatcher(None, a_mid, b_mid, autojunk=len(b_mid) > 2000)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.append((base + starts[head + i1], base + starts[head + i2], "".join(b_mid[j1:j2])))
    return out


class OffsetMap:
    """Offsets in the new text → offsets in the old one, through a list of edits."""

    def __init__(self, edits: list[TextEdit]):
        self.edits = sorted(edits)
        self.new_starts, delta = [], 0
        for a, b, new in self.edits:
            self.new_starts.append(a + delta)
            delta += len(new) - (b - a)

    def old(self, x: int, side: str) -> int:
        """Where x lies in the old text; inside replaced text: its start or end (`side` "start" or "end")."""
        i = bisect_right(self.new_starts, x) - 1
        if i < 0:
            return x
        a, b, new = self.edits[i]
        start, end = self.new_starts[i], self.new_starts[i] + len(new)
        if x < end:
            return a if side == "start" else b
        if x == end and side == "end" and start == end:
            return a  # a span that ends where text was deleted does not take the deleted text in
        return b + (x - end)


# -- .docx ----------------------------------------------------------------------------------------------


def suggest_docx(original: bytes, doc: Document, outcome: FixOutcome, lang: str, date: str) -> Suggestion:
    from .docx_edit import DocxEditor, EditError

    try:
        editor = DocxEditor(original, doc.info.main_part or "word/document.xml")
        result = Suggestion(b"")
        notes = _track(editor, doc, outcome.document, result, date, lang)
        maps = notes.pop("maps")
        items = _bookmark_comment(editor, doc, outcome.document, result, lang)
        items += notes["refused"]
        reasons = {id(f): why for f, why in outcome.unfixed}
        items += [(f, _lines(f, lang, reasons.get(id(f)))) for f in outcome.findings]
        where = _mapped(maps)
        comments = place_comments(editor, doc, items, lang, where)
        editor.add_comments(comments, AUTHOR, INITIALS, date)
        result.data, result.comments = editor.save(), len(comments)
    except EditError as exc:
        raise SuggestError(f"de kopie met voorstellen kon niet worden gemaakt ({exc})",
                           f"could not write the copy with suggestions ({exc})") from None
    from .readers import read_bytes

    written = read_bytes(result.data, doc.path)
    check_anchored(result.data, doc, result.comments, written)
    _check_accepted(written, outcome.document, notes["refused_keys"])
    return result


def _track(editor: DocxEditor, doc: Document, fixed: Document, result: Suggestion, date: str, lang: str) -> dict:
    """Tracked changes for every paragraph whose text the fixes changed."""
    new_raws = {p.xml: p.raw for p in fixed.blocks() if p.xml is not None}
    maps, refused, refused_keys = {}, [], set()
    for p in doc.blocks():
        new = new_raws.get(p.xml) if p.xml is not None else None
        if p.xml is None or new is None or new == p.raw:
            continue
        edits = text_edits(p.raw, new)
        maps[p.xml] = OffsetMap(edits)
        outcomes = editor.track_paragraph(p.xml[0], p.xml[1], p.raw, edits, AUTHOR, date)
        for (a, b, text), why in zip(edits, outcomes, strict=True):
            if why is None:
                result.changes += 1
                continue
            refused_keys.add(p.xml)
            # anchored at the paragraph: markers inside the existing revision would change it
            refused.append((_ProposalFinding(p, 0, 0), _proposal(p.raw[a:b], text, why, lang)))
    result.refused = len(refused)
    return {"maps": maps, "refused": refused, "refused_keys": refused_keys}


@dataclass
class _Location:
    """Where a finding is in the file: the paragraph (.docx) and the span in the raw text."""

    xml: tuple[str, int] | None
    raw_start: int
    raw_end: int


@dataclass
class _ProposalFinding:
    """Where a change that could not be tracked is shown as a comment (the paragraph's own coordinates)."""

    paragraph: Paragraph
    start: int
    end: int

    @property
    def location(self) -> _Location:
        return _Location(self.paragraph.xml, self.start, self.end)


def _proposal(old: str, new: str, why: Msg, lang: str) -> list[str]:
    first = (f"letterlint suggests «{old}» → «{new}»" if lang == "en" else f"letterlint stelt voor: «{old}» → «{new}»")
    label = "not made as a tracked change" if lang == "en" else "niet als bijgehouden wijziging gemaakt"
    return [first, f"({label}: {why(lang)})"]


def _lines(f: Finding, lang: str, why: Msg | None) -> list[str]:
    lines = comment_lines(f, lang)
    if why is not None:
        lines.append(("Not suggested as a change: " if lang == "en" else "Niet als wijziging voorgesteld: ") + why(lang))
    return lines


def _mapped(maps: dict) -> Callable[[Finding], CommentAnchor]:
    def where(f):
        loc = f.location
        if isinstance(f, _ProposalFinding) or loc.xml not in maps:
            return (loc.xml, loc.raw_start, loc.raw_end)
        m = maps[loc.xml]
        start = m.old(loc.raw_start, "start")
        return (loc.xml, start, max(start, m.old(loc.raw_end, "end")))

    return where


def _bookmark_comment(editor: DocxEditor, doc: Document, fixed: Document, result: Suggestion, lang: str) -> list:
    """Remove the bookmarks the fixes removed; one comment at the top says which."""
    def names(d: Document) -> set[tuple[str, str]]:
        return {(b.paragraph.xml[0], b.name) for b in d.bookmarks if not b.leaked and b.paragraph.xml}

    gone = sorted(names(doc) - names(fixed))
    by_part: dict[str, list[str]] = {}
    for part, name in gone:
        by_part.setdefault(part, []).append(name)
    for part, group in by_part.items():
        results = editor.remove_bookmarks(part, group)
        result.bookmarks += [n for n in group if results.get(n) is None]
    if not result.bookmarks or not doc.paragraphs:
        return []
    shown = ", ".join(result.bookmarks[:10]) + (" …" if len(result.bookmarks) > 10 else "")
    line = (f"letterlint removed {len(result.bookmarks)} hidden bookmark(s) directly, not as a tracked change: {shown}"
            if lang == "en" else
            f"letterlint heeft {len(result.bookmarks)} verborgen bladwijzer(s) direct verwijderd, niet als "
            f"bijgehouden wijziging: {shown}")
    return [(_ProposalFinding(doc.paragraphs[0], 0, 0), [line])]


def _check_accepted(written: Document, fixed: Document, refused_keys: set) -> None:
    """Accepting every change must give the text --fix gives (the reader reads a document as accepted)."""
    accepted = {p.xml: p.raw for p in written.blocks()}
    for p in fixed.blocks():
        if p.xml not in refused_keys and accepted.get(p.xml) != p.raw:
            raise SuggestError("de kopie met voorstellen is niet goed gelukt (aanvaarden geeft niet de herstelde tekst)",
                               "the copy with suggestions came out wrong (accepting does not give the fixed text)")


# -- Markdown and text exports: CriticMarkup -------------------------------------------------------------


def suggest_text(original: bytes, doc: Document, outcome: FixOutcome, lang: str) -> Suggestion:
    old, new = doc.source or "", outcome.document.source or ""
    edits = text_edits(old, new)
    offsets = OffsetMap(edits)
    ops = [(a, b, 0, f"{{--{old[a:b]}--}}" if a < b else "", f"{{++{text}++}}" if text else "") for a, b, text in edits]
    reasons = {id(f): why for f, why in outcome.unfixed}
    taken = [(a, b) for a, b, *_ in ops]
    notes = 0
    for f in outcome.findings:
        a = offsets.old(f.location.raw_start, "start")
        b = max(a, offsets.old(f.location.raw_end, "end"))
        comment = "{>>" + _critic_safe(" — ".join(_lines(f, lang, reasons.get(id(f))))) + "<<}"
        if a < b and "\n\n" not in old[a:b] and not any(x < b and a < y for x, y in taken):
            taken.append((a, b))
            ops.append((a, b, 1, "{==" + old[a:b] + "==}", comment))
        else:
            ops.append((b, b, 2, "", comment))
        notes += 1
    pieces, pos = [], 0
    for a, b, _kind, first, second in sorted(ops, key=lambda op: (op[0], op[1], op[2])):
        pieces += [old[pos:a], first, second]
        pos = max(pos, b)
    pieces.append(old[pos:])
    return Suggestion(_encode("".join(pieces), original, doc), changes=len(edits), comments=notes)


def _critic_safe(text: str) -> str:
    """A comment must not close itself early."""
    return text.replace("<<}", "<< }").replace("\n", " ")


def _encode(text: str, original: bytes, doc: Document) -> bytes:
    """In the original's encoding, byte-order mark and line ends; UTF-8 with a BOM when that cannot hold it."""
    name, bom = text_codec(original, doc.info.encoding)
    newline = doc.info.newline
    if newline != "\n":
        text = text.replace("\n", newline)
    try:
        return bom + text.encode(name)
    except UnicodeEncodeError:
        return b"\xef\xbb\xbf" + text.encode("utf-8")


# -- a whole file ---------------------------------------------------------------------------------------


def suggest(data: bytes, path: str, plan: Plan, unsafe: bool, lang: str, date: str | None = None) -> tuple[Suggestion, FixOutcome]:
    """The reviewed copy of `data` (the content of `path`), and the --fix outcome it was made from."""
    from .fixes import fix_bytes
    from .readers import read_bytes

    doc = read_bytes(data, path)
    outcome = fix_bytes(data, path, plan, unsafe=unsafe)
    if doc.format == "docx":
        made = suggest_docx(data, doc, outcome, lang, date or timestamp())
    else:
        made = suggest_text(data, doc, outcome, lang)
    made.original = doc
    return made, outcome


# -- the command line ------------------------------------------------------------------------------------


def check_arguments(args: argparse.Namespace, lang: str = "nl") -> str | None:
    """A usage problem with --suggest, or None."""
    import os

    from .annotate import same_file
    from .catalogue import say
    from .readers import kind_of

    if args.fix or args.diff or args.annotate is not None:
        return say("suggest-alone", lang)
    if len(args.paths) != 1 or args.paths[0] == "-" or os.path.isdir(args.paths[0]):
        return say("suggest-one", lang)
    if same_file(args.paths[0], args.suggest):
        return say("suggest-overwrite", lang)
    kind = kind_of(args.paths[0])
    if kind is not None and kind_of(args.suggest) != kind:
        wanted = {"docx": ".docx", "markdown": ".md", "text": ".txt"}[kind]
        return say("suggest-kind", lang, wanted=wanted, name=args.suggest)
    return None


def suggest_file(path: str, data: bytes, plan: Plan, args: argparse.Namespace, lang: str) -> FileResult:
    """--suggest for one file: write the copy, say what it holds on stderr; a FileResult of the original."""
    import sys

    from .fixes import FixError, write_atomically
    from .readers import read_bytes
    from .runner import FileResult, lint_document

    try:
        made, outcome = suggest(data, path, plan, args.unsafe_fixes, lang)
    except (FixError, SuggestError) as exc:
        msg = Msg(exc.nl, exc.en) if isinstance(exc, SuggestError) else Msg(f"niet gemaakt: {exc}", f"not made: {exc}")
        return FileResult(path=path, error=msg)
    write_atomically(args.suggest, made.data)
    en = lang == "en"
    note = (f"{made.changes} change(s) to accept or reject, {made.comments} comment(s)" if en else
            f"{made.changes} wijziging(en) om te aanvaarden of te weigeren, {made.comments} opmerking(en)")
    if made.refused:
        note += (f"; {made.refused} change(s) left as a comment (they touch an existing tracked change)" if en else
                 f"; {made.refused} wijziging(en) als opmerking (ze raken een bestaande bijgehouden wijziging)")
    sys.stderr.write(f"letterlint: {args.suggest}: {note}\n")
    findings, problems = lint_document(made.original or read_bytes(data, path), plan)  # the report is about the input, unchanged
    return FileResult(path=outcome.path, findings=findings, problems=problems)

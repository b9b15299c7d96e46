"""Applying the fixes that rules attach to findings: `--fix`, `--diff`, `--unsafe-fixes`.

A rule gives a finding a `Fix` (see `findings.Fix`): a replacement of the finding's span, or of another span
in the same coordinates — offsets in `Document.source` for text exports and Markdown, offsets in the
paragraph's raw text for .docx (the paragraph is `Location.xml`).  `--fix` applies the safe fixes,
`--unsafe-fixes` the unsafe ones as well.  This module is generic over those fixes: it knows no rule.

How a file is fixed:

1. lint it; take the fixes wanted; identical fixes (two rules, same change) count once;
2. per paragraph (or per file for text formats), keep the fixes that do not overlap — sorted by position,
   a fix that overlaps one already kept waits (two insertions at the same point overlap; an insertion
   strictly inside a replaced span overlaps it);
3. apply them: text formats as a string edit that keeps the file's encoding, byte-order mark and line ends
   (an edit only changes the characters it replaces); .docx with `docx_edit`, which edits only the runs
   concerned and keeps every other part of the package byte for byte;
4. lint the result again and repeat while fixes are left and progress is made (at most MAX_PASSES), so fixes
   that waited in step 2 get their turn and a fix that exposed another finding is followed up.

What remains afterwards is reported as usual, and the exit code follows it.  A fix that cannot be made
(say, a replacement character that the file's cp1252 encoding cannot hold, or a span in Markdown that would
cut through emphasis or a link) is left alone and its finding stays, with the reason on stderr.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import stat
import tempfile
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .findings import Finding, Msg
from .model import Document
from .wording import paragraph_mark

if TYPE_CHECKING:  # only for the annotation: the runner is imported when fix_bytes runs
    from .model import Paragraph
    from .runner import Plan

MAX_PASSES = 8
NOT_RESOLVED = Msg("de herstelling loste de bevinding niet op", "the fix did not resolve the finding")


class FixError(Exception):
    """A file could not be fixed at all (it is left as it was)."""


@dataclass
class FileEdit:
    """One change to the file, in its own coordinates (a rule's findings.TextEdit, resolved and planned)."""

    key: tuple | None  # .docx: (part, ordinal of the w:p); text formats: None (offsets in the whole source)
    start: int
    end: int
    replacement: str
    action: str = "replace"
    data: tuple = ()
    findings: list[Finding] = field(default_factory=list)

    def identity(self) -> tuple:
        return (self.key, self.start, self.end, self.replacement, self.action, self.data)


Edit = FileEdit  # the earlier name (tests and other helpers' code use it)


@dataclass
class FixOutcome:
    """What --fix made of one file: the new bytes, the findings that remain, and how many edits it applied."""

    path: str
    original: bytes
    data: bytes  # the content after the fixes
    document: Document  # of `data`
    findings: list[Finding]  # what remains
    problems: list[Msg]
    before: int  # findings before fixing
    applied: int = 0  # edits made, over all passes
    passes: int = 0
    unfixed: list[tuple[Finding, Msg]] = field(default_factory=list)  # wanted fixes that could not be made

    @property
    def changed(self) -> bool:
        return self.data != self.original


def wanted(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.safe or unsafe)


# -- planning --------------------------------------------------------------------------------------------


def plan_edits(doc: Document, findings: list[Finding], unsafe: bool) -> tuple[list[FileEdit], list[tuple[Finding, Msg]]]:
    """The edits the fixes of `findings` ask for (identical ones merged), and fixes that cannot apply here."""
    edits: dict[tuple, FileEdit] = {}
    refused: list[tuple[Finding, Msg]] = []
    for f in findings:
        if not wanted(f, unsafe):
            continue
        fix, loc = f.fix, f.location
        assert fix is not None  # wanted() keeps findings with a fix only
        if fix.refused is not None:
            refused.append((f, fix.refused))
            continue
        start = fix.raw_start if fix.raw_start is not None else loc.raw_start
        end = fix.raw_end if fix.raw_end is not None else loc.raw_end
        if doc.format == "docx":
            if loc.xml is None:
                refused.append((f, Msg("de bevinding heeft geen plaats in de XML van het document",
                                       "the finding has no place in the document's XML")))
                continue
            key = (loc.xml[0], loc.xml[1])
        else:
            key = None
            if fix.action != "replace":
                refused.append((f, Msg(f"herstelling '{fix.action}' werkt alleen in .docx",
                                       f"fix '{fix.action}' applies to .docx only")))
                continue
            if doc.source is None or end > len(doc.source):
                refused.append((f, Msg("de tekst ligt buiten het bestand", "the span lies outside the file")))
                continue
        if fix.action not in ("replace", "remove-bookmarks"):
            refused.append((f, Msg(f"onbekende herstelling '{fix.action}'", f"unknown fix action '{fix.action}'")))
            continue
        if not 0 <= start <= end:
            refused.append((f, Msg("de herstelling heeft een ongeldig bereik", "the fix has an invalid span")))
            continue
        edit = FileEdit(key, start, end, fix.replacement, fix.action, tuple(fix.data))
        edits.setdefault(edit.identity(), edit).findings.append(f)
    return list(edits.values()), refused


def _overlap(a: FileEdit, b: FileEdit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one point: their order is not defined
    return a.start < b.end and b.start < a.end


def resolve(edits: list[FileEdit]) -> tuple[list[FileEdit], list[FileEdit]]:
    """Split replacements into non-overlapping ones to make now, and the rest (for a later pass)."""
    keep, wait = [], []
    last: dict[tuple | None, FileEdit] = {}
    for e in sorted(edits, key=lambda e: (str(e.key), e.start, e.end)):
        if e.action != "replace":
            keep.append(e)
            continue
        prev = last.get(e.key)
        if prev is not None and _overlap(prev, e):
            wait.append(e)
            continue
        keep.append(e)
        last[e.key] = e
    return keep, wait


# -- text formats ----------------------------------------------------------------------------------------


def text_codec(data: bytes, encoding: str) -> tuple[str, bytes]:
    """The codec to decode/encode the body of a text file, and its byte-order mark."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8", b"\xef\xbb\xbf"
    if data.startswith(b"\xff\xfe"):
        return "utf-16-le", b"\xff\xfe"
    if data.startswith(b"\xfe\xff"):
        return "utf-16-be", b"\xfe\xff"
    return ("cp1252" if encoding == "cp1252" else "utf-8"), b""


def _markup(text: str) -> list[str]:
    from .readers.markdown import INLINE

    return [m.group() for m in INLINE.finditer(text) if m.group("leak") is None]


def apply_text(data: bytes, doc: Document, edits: list[FileEdit]) -> tuple[bytes, list[FileEdit], list[tuple[FileEdit, Msg]]]:
    codec, bom = text_codec(data, doc.info.encoding)
    try:
        original = data[len(bom):].decode(codec)
    except UnicodeDecodeError:
        raise FixError("the file can no longer be decoded as it was read") from None
    normal = original.replace("\r\n", "\n").replace("\r", "\n")
    if normal != doc.source:
        raise FixError("the file does not hold the text that was linted")
    # offsets in `normal` → offsets in `original`: every "\r\n" before the offset adds one
    crlf = [m.start() - i for i, m in enumerate(re.finditer("\r\n", original))]
    newline = doc.info.newline
    pieces, pos = [], 0
    done, failed = [], []
    for e in sorted((e for e in edits if e.action == "replace"), key=lambda e: (e.start, e.end)):
        new = e.replacement.replace("\n", newline) if newline != "\n" else e.replacement
        try:
            new.encode(codec)
        except UnicodeEncodeError:
            failed.append((e, Msg(f"de vervanging past niet in de tekenset van het bestand ({codec})",
                                  f"the replacement cannot be written in the file's encoding ({codec})")))
            continue
        if doc.format == "markdown" and _markup(normal[e.start:e.end]) != _markup(e.replacement):
            failed.append((e, Msg("de tekst bevat Markdown-opmaak die de herstelling zou breken",
                                  "the span contains Markdown markup that the fix would break")))
            continue
        a, b = e.start + bisect_left(crlf, e.start), e.end + bisect_left(crlf, e.end)
        if a < pos:
            failed.append((e, Msg("overlapt met een andere herstelling", "overlaps another fix")))
            continue
        pieces += [original[pos:a], new]
        pos = b
        done.append(e)
    pieces.append(original[pos:])
    return bom + "".join(pieces).encode(codec), done, failed


# -- .docx -----------------------------------------------------------------------------------------------


def apply_docx(data: bytes, doc: Document, edits: list[FileEdit]) -> tuple[bytes, list[FileEdit], list[tuple[FileEdit, Msg]]]:
    from .docx_edit import DocxEditor, EditError

    raws = {p.xml: p.raw for p in doc.blocks() if p.xml is not None}
    done: list[FileEdit] = []
    failed: list[tuple[FileEdit, Msg]] = []
    try:
        editor = DocxEditor(data, doc.info.main_part or "word/document.xml")
        by_paragraph: dict[tuple, list[FileEdit]] = {}
        bookmarks: dict[str, list[FileEdit]] = {}
        for e in edits:
            assert e.key is not None  # .docx edits always have their place in the XML (see plan_edits)
            if e.action == "replace":
                by_paragraph.setdefault(e.key, []).append(e)
            else:
                bookmarks.setdefault(e.key[0], []).append(e)
        for key, group in by_paragraph.items():
            if key not in raws:
                failed += [(e, Msg("alinea niet gevonden", "paragraph not found")) for e in group]
                continue
            results = editor.edit_paragraph(key[0], key[1], raws[key], [(e.start, e.end, e.replacement) for e in group])
            for e, reason in zip(group, results, strict=True):
                (failed.append((e, reason)) if reason else done.append(e))
        for part, group in bookmarks.items():
            names = list(dict.fromkeys(n for e in group for n in e.data))
            removed = editor.remove_bookmarks(part, names)
            for e in group:
                reasons = [reason for n in e.data if (reason := removed.get(n)) is not None]
                (failed.append((e, reasons[0])) if reasons and len(reasons) == len(e.data) else done.append(e))
        return editor.save(), done, failed
    except EditError as exc:
        raise FixError(str(exc)) from None


# -- a whole file ----------------------------------------------------------------------------------------


def fix_bytes(data: bytes, path: str, plan: Plan, unsafe: bool = False) -> FixOutcome:
    """Fix `data` (the content of `path`) in memory, pass after pass.  Raises InputError for unreadable input."""
    from .readers import read_bytes
    from .runner import lint_document

    doc = read_bytes(data, path)
    findings, problems = lint_document(doc, plan)
    outcome = FixOutcome(path=doc.path, original=data, data=data, document=doc, findings=findings,
                         problems=problems, before=len(findings))
    reasons: dict[tuple, Msg] = {}
    while outcome.passes < MAX_PASSES:
        edits, refused = plan_edits(doc, findings, unsafe)
        for f, why in refused:
            reasons[_key(f)] = why
        keep, _wait = resolve(edits)
        if not keep:
            break
        apply = apply_docx if doc.format == "docx" else apply_text
        new, done, failed = apply(outcome.data, doc, keep)
        for e, why in failed:
            for f in e.findings:
                reasons[_key(f)] = why
        if not done or new == outcome.data:
            break
        outcome.data = new
        outcome.applied += len(done)
        outcome.passes += 1
        doc = read_bytes(new, path)
        findings, problems = lint_document(doc, plan)
        outcome.document, outcome.findings, outcome.problems = doc, findings, problems
    outcome.unfixed = [(f, reasons.get(_key(f), NOT_RESOLVED))
                       for f in outcome.findings if wanted(f, unsafe)]
    return outcome


def _key(f: Finding) -> tuple:
    loc = f.location
    return (f.rule, loc.xml, loc.part, loc.raw_start, loc.raw_end, f.message.nl)


# -- diffs -----------------------------------------------------------------------------------------------


def text_view(doc: Document, lang: str = "nl") -> list[str]:
    """A .docx as lines of text for a diff: one line per paragraph, notes after the body."""
    from .catalogue import say

    marks: dict[int, list[str]] = {}
    for b in doc.bookmarks:
        if not b.leaked:
            marks.setdefault(id(b.paragraph), []).append(b.name)

    def show(prefix: str, par: Paragraph) -> str:
        text = par.raw.replace("\n", "↵")
        names = marks.get(id(par))
        return f"{prefix}: {text}" + (f"  {say('diff-bookmarks', lang, names=', '.join(names))}" if names else "")

    lines = [show(paragraph_mark(p.number), p) for p in doc.paragraphs]
    for note in doc.notes:
        if note.special is None:
            lines += [show(f"{note.kind} {note.label}", p) for p in note.paragraphs]
    return lines


def diff(outcome: FixOutcome, lang: str = "nl") -> str:
    """A unified diff of what the fixes change (for .docx: of the paragraph texts)."""
    if not outcome.changed:
        return ""
    path = outcome.path
    if outcome.document.format == "docx":
        from .readers import read_bytes

        from .catalogue import say

        before = text_view(read_bytes(outcome.original, path), lang)
        after = text_view(outcome.document, lang)
        label = f" {say('diff-paragraphs', lang)}"
    else:
        from .readers import read_bytes

        before = (read_bytes(outcome.original, path).source or "").split("\n")
        after = (outcome.document.source or "").split("\n")
        label = ""
    lines = difflib.unified_diff(before, after, f"a/{path}{label}", f"b/{path}{label}", lineterm="")
    return "".join(line + "\n" for line in lines)


# -- writing ---------------------------------------------------------------------------------------------


class WriteRefused(Exception):
    """The file is not written: it changed meanwhile, or writing would change more than its content."""

    def __init__(self, nl: str, en: str):
        super().__init__(en)
        self.msg = Msg(nl, en)


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read: a later write goes ahead only if it is still exactly that."""

    size: int
    mtime_ns: int
    digest: bytes


def snapshot(path: str, data: bytes) -> Snapshot:
    """The snapshot of `path`, whose content was read as `data` (a change in between shows in the digest)."""
    st = os.stat(path)
    return Snapshot(st.st_size, st.st_mtime_ns, hashlib.sha256(data).digest())


def unchanged(path: str, snap: Snapshot) -> bool:
    try:
        st = os.stat(path)
        if (st.st_size, st.st_mtime_ns) != (snap.size, snap.mtime_ns):
            return False
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).digest() == snap.digest
    except OSError:
        return False


def check_replaceable(path: str) -> None:
    """Refuse what an atomic replace would silently change: a read-only file (a rename needs only the folder's
    rights) and a hard-linked one (the other names would keep the old content)."""
    st = os.stat(os.path.realpath(path))
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise WriteRefused("het bestand is alleen-lezen; niet hersteld", "the file is read-only; not fixed")
    if st.st_nlink > 1:
        raise WriteRefused(f"het bestand heeft {st.st_nlink} harde koppelingen, die --fix zou verbreken; niet hersteld",
                           f"the file has {st.st_nlink} hard links, which --fix would break; not fixed")


def write_atomically(path: str, data: bytes, expected: Snapshot | None = None) -> list[str]:
    """Write `data` to `path` via a temporary file in the same folder and a rename, keeping the file's mode,
    owner and extended attributes.  With `expected`, refuse (WriteRefused) when the file no longer matches
    it right before the rename: an edit saved meanwhile is never overwritten.  Returns the names of extended
    attributes that could not be kept."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".letterlint.tmp")
    except OSError as exc:  # name the file the writer asked for, not our temporary one
        raise OSError(exc.errno, exc.strerror, path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        lost = _keep_identity(target, tmp, st)
        if expected is not None and not unchanged(target, expected):
            raise WriteRefused("het bestand is gewijzigd terwijl letterlint het herstelde; niets geschreven, "
                               "herhaal --fix", "the file changed while letterlint was fixing it; nothing was "
                               "written, run --fix again")
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and exc.errno is not None:
            raise OSError(exc.errno, exc.strerror, path) from None
        raise
    _sync_folder(folder)
    return lost


def _keep_identity(target: str, tmp: str, st: os.stat_result | None) -> list[str]:
    if st is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return []
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:
            raise WriteRefused("de eigenaar van het bestand zou veranderen; niet hersteld",
                               "the file's owner would change; not fixed") from None
    os.chmod(tmp, stat.S_IMODE(st.st_mode))
    return _copy_xattrs(target, tmp)


def _copy_xattrs(source: str, dest: str) -> list[str]:
    if not hasattr(os, "listxattr"):
        return []
    try:
        names = os.listxattr(source)
    except OSError:
        return []
    lost = []
    for name in names:
        try:
            os.setxattr(dest, name, os.getxattr(source, name))
        except OSError:
            lost.append(name)
    return lost


def _sync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def open_elsewhere(path: str) -> str | None:
    """The lock file of an editor that has the document open (Word's ~$ owner file, LibreOffice's .~lock)."""
    folder, name = os.path.split(os.path.abspath(path))
    for lock in (f"~${name}", f"~${name[2:]}", f".~lock.{name}#"):
        if os.path.exists(os.path.join(folder, lock)):
            return lock
    return None

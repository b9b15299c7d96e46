"""Baselines: accept today's findings of an archive, report only new ones.

    letterlint --write-baseline .letterlint-baseline.json brieven/    record every current finding
    letterlint --baseline .letterlint-baseline.json brieven/          report only findings not recorded

A finding is recorded by its file (relative to the baseline file's folder), its rule, its offending text
and the text around it (`CONTEXT` characters each side, within the paragraph/line, whitespace normalised)
— not by line or paragraph number, so edits elsewhere in the file do not invalidate the baseline.  The
same finding several times in one file is recorded with a count: a further copy is new.  Writing a
baseline keeps the entries of files that were not linted in that run.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, evolve
from .model import Document, Location

FORMAT = 1
CONTEXT = 30


class BaselineError(Exception):
    """A baseline that cannot be used: `path`, and why in `msg` (Dutch and English, from the catalogue)."""

    def __init__(self, path: str, key: str, why: str | None = None, exc: BaseException | None = None, **fields: object):
        """The message `key`; for "baseline-invalid" the reason is the message `why`, or the OSError `exc`."""
        from .catalogue import reason, say
        from .findings import Msg

        def text(lang: str) -> str:
            detail = say(why, lang, **fields) if why else reason(exc, lang) if exc is not None else ""
            return say(key, lang, why=detail, **fields)

        self.path = path
        self.msg = Msg(text("nl"), text("en"))
        super().__init__(f"{path}: {self.msg.en}")


def _norm(text: str) -> str:
    return " ".join(text.split())


class Contexts:
    """The context of locations in one document: the offending text with a little of the text around it."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._by_xml: dict | None = None  # .docx: paragraph by (part, ordinal), made on first need

    def __call__(self, loc: Location) -> str:
        doc = self.doc
        before = after = ""
        if doc.source is not None and loc.line is not None:
            src = doc.source
            a, b = loc.raw_start, loc.raw_end
            before = src[max(a - CONTEXT, 0) : a].rsplit("\n", 1)[-1]
            after = src[b : b + CONTEXT].split("\n", 1)[0]
        elif loc.xml is not None:
            if self._by_xml is None:
                self._by_xml = {p.xml: p for p in doc.blocks() if p.xml is not None}
            par = self._by_xml.get(loc.xml)
            if par is not None:
                raw = par.raw
                before = raw[max(loc.raw_start - CONTEXT, 0) : loc.raw_start]
                after = raw[loc.raw_end : loc.raw_end + CONTEXT]
        return _norm(before + loc.text + after) or "-"


def with_context(doc: Document, findings: list[Finding], contexts: Contexts | None = None) -> list[Finding]:
    """The findings with `context` filled in where it is not yet (see `Contexts`)."""
    if not findings:
        return findings
    contexts = contexts or Contexts(doc)
    return [f if f.context else evolve(f, context=contexts(f.location)) for f in findings]


def key(f: Finding) -> tuple[str, str, str]:
    return (f.rule, _norm(f.location.text), f.context)


def fingerprint(f: Finding) -> str:
    """A stable hash of rule, offending text and context (SARIF partialFingerprints)."""
    import hashlib

    return hashlib.sha256("\0".join(key(f)).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def file_key(path: str, base: str) -> str:
    """A file's name in the baseline: relative to the baseline's folder, with forward slashes."""
    if path == "-" or path.startswith("<"):
        return path
    rel = os.path.relpath(os.path.abspath(path), base)
    # a name that is not valid UTF-8 (undecodable bytes arrive as lone surrogates) cannot go into JSON as is
    return Path(rel).as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@dataclass
class Baseline:
    """The findings recorded in a baseline file, per file, and how many of them were not found again."""

    path: str
    entries: dict[str, Counter] = field(default_factory=dict)  # file key → Counter of finding keys
    stale: int = 0  # recorded findings that were not found again (fixed), in the files linted

    @property
    def base(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    @classmethod
    def load(cls, path: str) -> Baseline:
        import json  # here, not at import: only --baseline reads one (start-up)

        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise BaselineError(path, "baseline-missing", file=path) from None
        except json.JSONDecodeError as exc:
            raise BaselineError(path, "baseline-invalid", "baseline-json", line=exc.lineno, column=exc.colno) from None
        except (OSError, ValueError) as exc:
            raise BaselineError(path, "baseline-invalid", exc=exc) from None
        if not isinstance(data, dict) or data.get("letterlint-baseline") != FORMAT or not isinstance(data.get("files"), dict):
            raise BaselineError(path, "baseline-invalid", "baseline-format", format=FORMAT)
        baseline = cls(path)
        try:
            for name, items in data["files"].items():
                counts: Counter[tuple[str, str, str]] = Counter()
                for item in items:
                    counts[(item["rule"], _norm(item["text"]), item["context"])] += int(item.get("count", 1))
                baseline.entries[name] = counts
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BaselineError(path, "baseline-invalid", "baseline-entry") from None
        return baseline

    def filter(self, path: str, findings: list[Finding]) -> tuple[list[Finding], int]:
        """The findings of `path` that are not in the baseline, and how many were."""
        recorded = self.entries.get(file_key(path, self.base))
        if not recorded:
            return findings, 0
        left = Counter(recorded)
        new = []
        for f in findings:
            k = key(f)
            if left[k] > 0:
                left[k] -= 1
            else:
                new.append(f)
        self.stale += sum(left.values())
        return new, len(findings) - len(new)

    def record(self, path: str, findings: list[Finding]) -> None:
        self.entries[file_key(path, self.base)] = Counter(key(f) for f in findings)

    def write(self) -> None:
        files = {}
        for name in sorted(self.entries):
            counts = self.entries[name]
            if counts:
                files[name] = [{"rule": r, "text": t, "context": c, "count": n}
                               for (r, t, c), n in sorted(counts.items())]
        data = {
            "letterlint-baseline": FORMAT,
            "about": "Findings accepted when this file was written: `letterlint --baseline FILE` reports only "
                     "findings not listed here. Remake it with `letterlint --write-baseline FILE PATH…`.",
            "files": files,
        }
        import json

        target = Path(self.path)
        tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, target)


def for_writing(path: str) -> Baseline:
    """The baseline to (re)write: the existing one's entries are kept for files not linted this time."""
    if os.path.exists(path):
        try:
            return Baseline.load(path)
        except BaselineError:
            pass  # an unreadable old file is simply replaced
    return Baseline(path)

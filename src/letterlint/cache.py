"""`--cache`: the findings of a file that has not changed since the last run, without linting it again.

An entry is keyed by the file's content (SHA-256), its path (findings name it, and `per-file-ignores` depend
on it), letterlint's version and code (size and time of every module, so an upgrade or an edited rule is
a miss) and the effective configuration (rules, options, settings, --select/--ignore).  Anything else that
changes is a miss, never a stale answer.  Entries are JSON, never pickles: a cache folder someone else could
write to must not be able to run code.  An entry that cannot be read or decoded is ignored and rewritten.
An entry no run has used for 30 days is removed by the next run that writes one (Cache.prune).

The folder: --cache-dir, else $LETTERLINT_CACHE_DIR, else the platform's user cache folder
(~/.cache/letterlint, ~/Library/Caches/letterlint, %LOCALAPPDATA%\\letterlint\\Cache).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from . import __version__
from .findings import Finding, Fix, Msg, Related
from .lazyre import lazy_re
from .model import Location
from .runner import FileResult, Plan

FORMAT = 1  # of an entry; bump when the layout changes
MAX_AGE = 30 * 86400  # seconds: an entry no run has used for this long is removed (see Cache.prune)
_ENTRY = lazy_re(r"[0-9a-f]{64}(\.json|\.\d+\.tmp)")  # only letterlint's own files are ever removed


def default_dir() -> Path:
    if os.environ.get("LETTERLINT_CACHE_DIR"):
        return Path(os.environ["LETTERLINT_CACHE_DIR"])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "letterlint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "letterlint"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "letterlint"


def code_fingerprint() -> str:
    """letterlint's version and the size and modification time of its modules, rules and default config."""
    import importlib

    import letterlint

    lint_rules = importlib.import_module("letterlint.lint_rules")  # by name: mapped into the package (see __init__)
    # the package's own folder, not all of its __path__: from a checkout that holds the checkout's top folder
    # too (letterlint/__init__.py), whose virtual environment and outputs are no part of letterlint's code
    roots = [Path(letterlint.__file__).parent, *map(Path, lint_rules.__path__)]
    parts = [__version__]
    for root in roots:
        parts += _stamps(root)
    from .config import default_config_path

    st = default_config_path().stat()
    parts.append(f"rules.yaml:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _stamps(root: Path) -> list[str]:
    """`relative path:size:modification time` of the code and data files under root, in a stable order."""
    out = []
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".json")):
                path = os.path.join(folder, name)
                st = os.stat(path)
                out.append(f"{os.path.relpath(path, root)}:{st.st_size}:{st.st_mtime_ns}")
    return out


def config_fingerprint(plan: Plan) -> str:
    """The effective configuration: every active rule with its severity and options, and the settings."""
    active = [(a.rule.id, a.ctx.severity, a.ctx.options) for a in plan.rules]
    config = plan.config
    data = {"active": active, "settings": config.settings, "ignores": config.per_file_ignores,
            "known": sorted(plan.known)}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=repr).encode()).hexdigest()


class Cache:
    def __init__(self, folder: Path, plan: Plan) -> None:
        self.folder = folder
        self.salt = f"{FORMAT}\n{code_fingerprint()}\n{config_fingerprint(plan)}"
        self.hits = self.misses = self.written = 0

    def _entry(self, path: str) -> tuple[Path, str] | None:
        try:
            content = Path(path).read_bytes()
        except OSError:
            return None  # the linter says why
        key = f"{self.salt}\n{os.path.abspath(path)}\n{hashlib.sha256(content).hexdigest()}"
        name = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()  # a file name may not be UTF-8
        return self.folder / name[:2] / f"{name}.json", key

    def get(self, path: str) -> FileResult | None:
        entry = self._entry(path)
        if entry is None:
            return None
        file, key = entry
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if data["key"] != key:
                raise ValueError("another file's entry")
            result = FileResult(path=data["path"], findings=[_finding(f) for f in data["findings"]],
                                notes=[_required_msg(n) for n in data.get("notes", [])])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None  # absent or damaged: lint the file, the entry is rewritten
        self.hits += 1
        try:
            os.utime(file)  # used now: kept by prune
        except OSError:
            pass
        return result

    def put(self, path: str, result: FileResult) -> None:
        """Keep a clean result (a file that could not be read, or where a rule failed, is linted again)."""
        if result.error is not None or result.problems or result.summaries:
            return
        entry = self._entry(path)
        if entry is None:
            return
        file, key = entry
        data = {"key": key, "path": result.path, "findings": [plain(f) for f in result.findings],
                "notes": [{"nl": n.nl, "en": n.en} for n in result.notes]}
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            tmp = file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"))  # encoded before the file exists
            os.replace(tmp, file)
            self.written += 1
        except (OSError, UnicodeEncodeError):  # UnicodeEncodeError: a name that is not UTF-8
            pass  # a cache that cannot be written only costs time

    def prune(self, now: float | None = None) -> int:
        """After a run that wrote entries: remove those no run has used for MAX_AGE (every edit of a letter
        makes a new entry, so without this the folder grows without end), and temporary files a killed run
        left.  Only files named as this module names them are removed, in its two-letter subfolders: the
        folder may be shared (the user cache folder holds the vocabulary index too) or chosen by hand.
        Returns the number removed."""
        if not self.written:
            return 0  # a run that added nothing leaves the folder as it was (and costs no walk)
        now = time.time() if now is None else now
        removed = 0
        try:
            subfolders = [d for d in os.scandir(self.folder) if len(d.name) == 2 and d.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        for sub in subfolders:
            removed += _prune_folder(sub.path, now)
        return removed


def _prune_folder(folder: str, now: float) -> int:
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _ENTRY.fullmatch(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if age > (MAX_AGE if match.group(1) == ".json" else 3600):
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue  # removed or replaced meanwhile by another run
    return removed


_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's field names


def plain(value: Any) -> Any:
    """What dataclasses.asdict makes of a finding, as JSON writes it (tuples as lists), without its deep copy
    of every value: a finding holds only strings, numbers, tuples and dataclasses (asdict was most of the cost
    of keeping a letter's findings)."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind is tuple or kind is list:
        return [plain(v) for v in value]
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    names = _FIELDS.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(value):
            return value  # (a str or int subclass: JSON writes it as its base)
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    return {name: plain(getattr(value, name)) for name in names}


def _msg(d: dict | None) -> Msg | None:
    return None if d is None else Msg(d["nl"], d["en"])


def _required_msg(d: dict) -> Msg:
    return Msg(d["nl"], d["en"])


def _location(d: dict) -> Location:
    d = dict(d)
    if d.get("xml") is not None:
        d["xml"] = tuple(d["xml"])
    return Location(**d)


def _finding(d: dict[str, Any]) -> Finding:
    fix = d.get("fix")
    if fix is not None:
        fix = Fix(**{**fix, "data": tuple(fix.get("data") or ())})
    related = tuple(Related(_location(r["location"]), _required_msg(r["label"]), r.get("path")) for r in d.get("related") or ())
    return Finding(location=_location(d["location"]), message=_required_msg(d["message"]), suggestion=_msg(d.get("suggestion")),
                   fix=fix, severity=d.get("severity"), related=related, rule=d["rule"], context=d.get("context", ""))

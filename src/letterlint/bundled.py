"""The bundled YAML files (the default rules.yaml, the word lists) parsed once and kept between runs.

Importing PyYAML and parsing the bundled files costs every run ~15–20 ms (PyYAML compiles its resolver
patterns at import).  Like bytecode, the parsed data is kept in `letterlint/__pycache__/` (not where Python
writes no bytecode: -B, PYTHONDONTWRITEBYTECODE), keyed by the file's path, size and modification time and
the versions of letterlint and Python; a missing, stale or damaged copy is parsed again.  Only files that
ship with letterlint go through here: a user's configuration is parsed each time, with its line numbers.
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any

from . import __version__


def kept_path(stem: str) -> str:
    """Where a kept copy named `stem` goes: beside the bytecode, per letterlint and Python version."""
    name = f"letterlint-{stem}-{__version__}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__", name)


def _copy_path(path: Path) -> str:
    return kept_path(path.stem)


def read_kept_dict(path: str, load: Any, limit: int) -> dict:
    """A dict kept at `path` (read with load(file)), or {} when missing, stale, damaged or over `limit` entries."""
    try:
        with open(path, "rb") as f:
            data = load(f)
        if isinstance(data, dict) and len(data) <= limit:
            return data
    except Exception:  # missing, stale or damaged: made afresh
        pass
    return {}


def read_kept(path: str, key: Any) -> Any | None:
    """The value kept at `path` under `key`, or None (missing, stale, damaged)."""
    try:
        with open(path, "rb") as f:
            kept = pickle.load(f)
        if isinstance(kept, dict) and kept.get("key") == key:
            return kept["data"]
    except Exception:
        pass
    return None


def keep(path: str, key: Any, value: Any) -> None:
    """Keep `value` under `key` at `path` for later runs (not where Python writes no bytecode)."""
    if not sys.dont_write_bytecode:
        _write(path, {"key": key, "data": value})


def file_key(path: Path) -> tuple | None:
    """A file's identity for kept facts: path, size, modification time (None: not readable)."""
    try:
        return _key(path, path.stat())
    except OSError:
        return None


def _key(path: Path, st: os.stat_result) -> tuple:
    return (str(path.resolve()), st.st_size, st.st_mtime_ns)


def load_yaml(path: Path, text: str) -> Any:
    """yaml.safe_load(text) of the bundled file `path` (whose content `text` is), kept between runs."""
    try:
        key = _key(path, path.stat())
    except OSError:
        return parse_yaml(text)
    copy = _copy_path(path)
    data = read_kept(copy, key)
    if data is None:  # missing, stale or damaged: parse again
        data = parse_yaml(text)
        keep(copy, key, data)
    return data


def parse_yaml(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _write(path: str, value: dict) -> None:
    _write_with(path, lambda f: pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL))


def _write_with(path: str, dump: Any) -> None:
    """Write a file atomically with dump(file) (quietly not where it can't)."""
    import tempfile

    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            dump(f)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except Exception:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


# -- the compiled methods of dataclasses -------------------------------------------------------------------
#
# A dataclass compiles the source of its methods (__init__, __repr__, __eq__ …) when its class statement runs:
# letterlint and its rules define ~65 dataclasses, and compiling their ~280 methods was a sixth of a small
# letter's run.  The source is the same every run, so, as Python keeps bytecode, the compiled code is kept
# (marshal, beside the bytecode, per Python version) and the dataclasses module is given an `exec` that uses it.

_CODES: dict[str, bytes] | None = None  # method source → marshalled code
_CODES_NEW = False
_MAX_CODES = 5000  # classes of other versions come and go: past this, the file starts afresh


def keep_dataclass_code() -> None:
    """From now on, dataclasses made in this process use (and add to) the kept compiled methods."""
    import dataclasses

    dataclasses.exec = _exec_kept  # type: ignore[attr-defined]  # the module's global shadows the builtin


def _codes_path() -> str:
    return kept_path("dataclass-code")  # per Python version, as marshal is


def _load_codes() -> dict[str, bytes]:
    global _CODES
    if _CODES is None:
        import marshal

        _CODES = read_kept_dict(_codes_path(), marshal.load, _MAX_CODES)
    return _CODES


def _exec_kept(source: Any, globals: dict | None = None, locals: dict | None = None) -> None:
    """exec(source, globals, locals), with the compiled code of `source` kept between runs."""
    global _CODES_NEW
    if not isinstance(source, str):
        return exec(source, globals, locals)
    import marshal

    codes = _load_codes()
    code = None
    if source in codes:
        try:
            code = marshal.loads(codes[source])
        except Exception:
            code = None
    if code is None:
        # as exec(source) in the dataclasses module compiles it: no __future__ flags of this module
        code = compile(source, "<string>", "exec", dont_inherit=True)
        codes[source] = marshal.dumps(code)
        if not _CODES_NEW and not sys.dont_write_bytecode:
            import atexit

            atexit.register(_save_codes)
        _CODES_NEW = True
    return exec(code, globals, locals)


def _save_codes() -> None:
    import marshal

    if _CODES is not None:
        _write_with(_codes_path(), lambda f: marshal.dump(_CODES, f))


# -- facts kept between runs ---------------------------------------------------------------------------------
#
# A few facts that a run works out before its first letter depend only on letterlint itself and on data that
# the caller names in the key (a pattern's needed strings, say): kept like the parsed YAML above, beside the
# bytecode, per letterlint and Python version, written at exit when a run added to them.

_MEMOS: dict[str, KeptMemo] = {}
_MAX_MEMO = 20_000  # entries of other configurations come and go: past this, a memo starts afresh


class KeptMemo:
    """A dict kept between runs under `key` (another key: starts empty); `changed()` after adding to it."""

    def __init__(self, stem: str, key: Any) -> None:
        self.path, self.key = kept_path(stem), key
        data = read_kept(self.path, key)
        self.data: dict = data if isinstance(data, dict) and len(data) <= _MAX_MEMO else {}
        self._dirty = False

    def parts(self, kinds: dict[str, type], limit: int) -> list[Any]:
        """The memo's containers named in `kinds` (name → set or dict), all made afresh (empty) when one is
        missing or damaged or together they hold more than `limit` entries (loading a kept memo must stay
        cheaper than working out again what it holds)."""
        found = [self.data.get(name) for name in kinds]
        if all(map(isinstance, found, kinds.values())) and sum(len(f) for f in found if f is not None) <= limit:
            return found
        fresh = [kind() for kind in kinds.values()]
        self.data.update(zip(kinds, fresh))
        return fresh

    def changed(self) -> None:
        if not self._dirty and not sys.dont_write_bytecode:
            import atexit

            atexit.register(self._save)
        self._dirty = True

    def _save(self) -> None:
        keep(self.path, self.key, self.data)


def kept_memo(stem: str, key: Any) -> KeptMemo:
    """The memo named `stem`, for this process: loaded once (a key other than the kept one: empty)."""
    memo = _MEMOS.get(stem)
    if memo is None or memo.key != key:
        memo = _MEMOS[stem] = KeptMemo(stem, key)
    return memo

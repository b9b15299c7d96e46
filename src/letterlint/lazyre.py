"""Patterns compiled when first used, not at import.

Compiling a pattern with the `regex` module costs a fraction of a millisecond; letterlint has hundreds, and
most are needed only when a paragraph passes a cheaper test first (a quick check for "nr." before the
citation grammar).  A small .docx used to spend most of its run compiling patterns it never used.

    NAME = lazy(r"…", regex.IGNORECASE)        # a regex.Pattern on first use: NAME.search(text) …

Compiled `regex` patterns are also kept between runs, as Python keeps bytecode: a `regex` pattern pickles as
its compiled code, so a pattern unpickled from `__pycache__/letterlint-patterns-….pickle` (beside this module;
keyed by the versions of Python, regex and letterlint; not written where Python writes no bytecode) skips the
pattern parser, which is most of what a small letter's run spends on its ~100 patterns.  A missing, stale or
damaged file costs nothing but the compiling.

Unpickling is not free either (regex builds the matcher from the code: ~1/15 of compiling), and the file holds
every pattern any run asked for; so each pattern is kept as its own pickle and unpickled when asked for.
"""

from __future__ import annotations

import sys
from typing import Any

_STORE: dict | None = None  # (args, kwargs) → the pickle of the compiled regex pattern, from and for the file
_NEW = False  # patterns compiled in this process that the file does not have yet


def _store_path() -> str:
    import os

    import regex

    from . import __version__

    name = f"letterlint-patterns-{__version__}-py{sys.version_info[0]}{sys.version_info[1]}-regex{regex.__version__}.pickle"
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__", name)


def _load_store() -> dict:
    global _STORE
    if _STORE is None:
        import pickle

        from .bundled import read_kept_dict

        _STORE = read_kept_dict(_store_path(), pickle.load, _MAX_STORED)
    return _STORE


def _save_store() -> None:
    """At exit: the patterns compiled in this run, added to the file (atomically; quietly not where it can't)."""
    if not _NEW or sys.dont_write_bytecode or _STORE is None:
        return
    import os
    import pickle
    import tempfile

    path = _store_path()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(_STORE, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)  # like bytecode: readable by whoever runs the installed package
        os.replace(tmp, path)
    except Exception:
        try:
            os.unlink(tmp)
        except Exception:
            pass


_MAX_STORED = 5000  # patterns of configurations come and go: past this, the file starts afresh


def compile_regex(*args: Any, **kwargs: Any) -> Any:
    """regex.compile(*args, **kwargs), from the patterns kept between runs where there (for patterns made at
    plan time: phrase lists, patterns in the configuration)."""
    return _compile_regex(args, kwargs)


def _compile_regex(args: tuple, kwargs: dict) -> Any:
    global _NEW, _STORE
    import regex

    store = _load_store()
    if len(store) > _MAX_STORED:
        store = _STORE = {}
    try:
        key = (args, tuple(sorted(kwargs.items())))
        hash(key)
    except TypeError:
        return regex.compile(*args, **kwargs)
    kept = store.get(key)
    if isinstance(kept, bytes):
        import pickle

        try:
            return pickle.loads(kept)
        except Exception:  # damaged: compiled again below
            pass
    pattern = regex.compile(*args, **kwargs)
    import pickle

    store[key] = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)
    _mark_new()
    return pattern


def compile_re(*args: Any, **kwargs: Any) -> Any:
    """re.compile(*args, **kwargs) (the standard library's), from the kept compiled code where there."""
    return _compile_re(args, kwargs)


def _compile_re(args: tuple, kwargs: dict) -> Any:
    """The standard library's patterns are kept as their compiled code: a `re` pattern pickles as its source
    (compiled again on load), so the code the compiler makes is kept instead and handed to _sre.compile, as
    re._compiler.compile does.  Private to the standard library: any surprise, and it is re.compile."""
    import re

    try:
        pattern, flags = args[0], int(args[1] if len(args) > 1 else kwargs.get("flags", 0))
        if not isinstance(pattern, str) or set(kwargs) - {"flags"} or len(args) > 2:
            return re.compile(*args, **kwargs)
        key = ("re", pattern, flags)
        store = _load_store()
        kept = store.get(key)
        import pickle

        import _sre  # type: ignore[import-not-found]

        if isinstance(kept, bytes):
            try:
                return _sre.compile(*pickle.loads(kept))
            except Exception:  # damaged, or another Python's: compiled again below
                pass
        parts = _re_parts(pattern, flags)
        compiled = _sre.compile(*parts)
        kept = pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return re.compile(*args, **kwargs)
    store[key] = kept
    _mark_new()
    return compiled


def _re_parts(pattern: str, flags: int) -> tuple:
    """The arguments re._compiler.compile gives _sre.compile for `pattern`."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # some are named int constants: plain ints pickle
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _mark_new() -> None:
    """A pattern was added to the store: write it at exit."""
    global _NEW
    if not _NEW:
        import atexit

        atexit.register(_save_store)
    _NEW = True


class LazyPattern:
    """After the first use, each method asked for is kept on the instance, so later calls (NAME.search in a
    loop over words) cost a plain attribute lookup, not a call of __getattr__."""

    def __init__(self, module: str, *args: Any, **kwargs: Any) -> None:
        self._module, self._args, self._kwargs = module, args, kwargs
        self._compiled: Any = None

    def compiled(self) -> Any:
        if self._compiled is None:
            if self._module == "re":
                self._compiled = _compile_re(self._args, self._kwargs)
            else:
                self._compiled = _compile_regex(self._args, self._kwargs)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # search, finditer, pattern, … of the compiled pattern
        if name.startswith("_"):
            raise AttributeError(name)  # copy, pickle and the attributes of __init__ are not the pattern's
        value = getattr(self.compiled(), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(*args: Any, **kwargs: Any) -> LazyPattern:
    """Like regex.compile, compiled on first use."""
    return LazyPattern("regex", *args, **kwargs)


def lazy_re(*args: Any, **kwargs: Any) -> LazyPattern:
    """Like re.compile (the standard library's), compiled on first use."""
    return LazyPattern("re", *args, **kwargs)

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
    import tempfile

    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except Exception:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass

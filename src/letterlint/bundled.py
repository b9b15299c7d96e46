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


def _copy_path(path: Path) -> str:
    name = f"letterlint-{path.stem}-{__version__}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__", name)


def _key(path: Path, st: os.stat_result) -> tuple:
    return (str(path.resolve()), st.st_size, st.st_mtime_ns)


def load_yaml(path: Path, text: str) -> Any:
    """yaml.safe_load(text) of the bundled file `path` (whose content `text` is), kept between runs."""
    try:
        key = _key(path, path.stat())
    except OSError:
        return parse_yaml(text)
    copy = _copy_path(path)
    try:
        with open(copy, "rb") as f:
            kept = pickle.load(f)
        if isinstance(kept, dict) and kept.get("key") == key:
            return kept["data"]
    except Exception:  # missing, stale or damaged: parse again
        pass
    data = parse_yaml(text)
    if not sys.dont_write_bytecode:
        _write(copy, {"key": key, "data": data})
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

"""Patterns compiled on first use, and compiled regex patterns kept between runs (like bytecode)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import regex

from letterlint import lazyre

_CHILD = """
import sys
from letterlint import lazyre
lazyre._store_path = lambda: sys.argv[1]
p = lazyre.lazy(r"(?i)\\bvoor\\s+(\\w+)")
print(p.search("zie Voor beeld").group(1))
print(lazyre.compile_regex(r"b+").pattern)
"""


def _child(path, *, dont_write=False) -> str:
    args = [sys.executable, *(["-B"] if dont_write else []), "-c", _CHILD, str(path)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return subprocess.run(args, capture_output=True, text=True, check=True, env=env).stdout


def test_compiled_patterns_are_kept_and_reused(tmp_path):
    path = tmp_path / "patterns.pickle"
    assert _child(path) == "beeld\nb+\n"
    with open(path, "rb") as f:
        kept = pickle.load(f)
    assert ((r"(?i)\bvoor\s+(\w+)",), ()) in kept and ((r"b+",), ()) in kept
    # a pattern in the file is used as it is (here a planted one, to see that it is the file's); each pattern
    # is kept as its own pickle, unpickled only when a run asks for it
    assert all(isinstance(v, bytes) for v in kept.values())
    kept[((r"(?i)\bvoor\s+(\w+)",), ())] = pickle.dumps(regex.compile(r"(?i)(z)ie"))
    with open(path, "wb") as f:
        pickle.dump(kept, f)
    assert _child(path) == "z\nb+\n"


def test_a_damaged_file_is_ignored_and_replaced(tmp_path):
    path = tmp_path / "patterns.pickle"
    path.write_bytes(b"not a pickle")
    assert _child(path) == "beeld\nb+\n"
    with open(path, "rb") as f:
        assert isinstance(pickle.load(f), dict)


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path):
    path = tmp_path / "patterns.pickle"
    assert _child(path, dont_write=True) == "beeld\nb+\n"
    assert not path.exists()


def test_the_store_is_keyed_by_the_versions():
    name = lazyre._store_path()
    assert regex.__version__ in name and f"py{sys.version_info[0]}{sys.version_info[1]}" in name
    assert "__pycache__" in name


def test_only_the_patterns_asked_for_are_unpickled(tmp_path, monkeypatch):
    """Unpickling a pattern rebuilds its matcher: the file's other patterns (of other runs) cost nothing."""
    path = tmp_path / "patterns.pickle"
    store = {((f"a{i}b+",), ()): pickle.dumps(regex.compile(f"a{i}b+")) for i in range(50)}
    store[((r"voor\s+(\w+)",), ())] = b"damaged"
    with open(path, "wb") as f:
        pickle.dump(store, f)
    monkeypatch.setattr(lazyre, "_store_path", lambda: str(path))
    monkeypatch.setattr(lazyre, "_STORE", None)
    loads = []
    real = pickle.loads
    monkeypatch.setattr(pickle, "loads", lambda data: loads.append(data) or real(data))
    assert lazyre.compile_regex("a7b+").match("a7bb")
    assert lazyre.compile_regex(r"voor\s+(\w+)").match("voor beeld").group(1) == "beeld"  # damaged: compiled
    assert len(loads) == 2


def test_standard_library_patterns_are_kept_as_their_compiled_code(tmp_path, monkeypatch):
    import re

    monkeypatch.setattr(lazyre, "_store_path", lambda: str(tmp_path / "patterns.pickle"))
    monkeypatch.setattr(lazyre, "_STORE", {})
    sources = [(r"(?P<word>\w+)\s+(\d+)", 0), (r"^ab|c$", re.MULTILINE | re.IGNORECASE), (r"[\x00-\x08]", 0),
               (r"(?x) a  b # comment", 0), (r"(?i:x)y", re.ASCII)]
    for source, flags in sources:
        made = lazyre.compile_re(source, flags)
        kept = lazyre.compile_re(source, flags=flags)  # from the store, by _sre.compile
        plain = re.compile(source, flags)
        for p in (made, kept):
            assert (p.pattern, p.flags, p.groups, p.groupindex) == (plain.pattern, plain.flags, plain.groups,
                                                                  plain.groupindex)
            for text in ("woord 12", "AB\nc", "\x01", "ab", "Xy", "xY"):
                assert [m.span() for m in p.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert all(isinstance(v, bytes) for v in lazyre._STORE.values()) and len(lazyre._STORE) == len(sources)
    lazyre._STORE[("re", "q+", 0)] = b"damaged"
    assert lazyre.compile_re("q+").match("qq").group() == "qq"

"""The bundled YAML files parsed once and kept between runs (like bytecode), and parsed again when changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_CHILD = """
import sys
from pathlib import Path
from letterlint import bundled
bundled._copy_path = lambda path: sys.argv[2]
path = Path(sys.argv[1])
print(bundled.load_yaml(path, path.read_text("utf-8")))
print("yaml" if "yaml" in sys.modules else "no yaml")
"""


def _child(source: Path, copy: Path, *, dont_write: bool = False) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    args = [sys.executable, *(["-B"] if dont_write else []), "-c", _CHILD, str(source), str(copy)]
    return subprocess.run(args, capture_output=True, text=True, check=True, env=env).stdout.splitlines()


def test_parsed_once_then_kept_without_pyyaml(tmp_path):
    source, copy = tmp_path / "lists.yaml", tmp_path / "copy.pickle"
    source.write_text("entries:\n  - {wrong: a, right: b}\n", "utf-8")
    assert _child(source, copy) == ["{'entries': [{'wrong': 'a', 'right': 'b'}]}", "yaml"]
    assert copy.exists()
    assert _child(source, copy) == ["{'entries': [{'wrong': 'a', 'right': 'b'}]}", "no yaml"]


def test_a_changed_file_is_parsed_again(tmp_path):
    source, copy = tmp_path / "lists.yaml", tmp_path / "copy.pickle"
    source.write_text("a: 1\n", "utf-8")
    _child(source, copy)
    source.write_text("a: 22\n", "utf-8")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1_000_000_000))
    assert _child(source, copy) == ["{'a': 22}", "yaml"]


def test_a_damaged_copy_is_ignored(tmp_path):
    source, copy = tmp_path / "lists.yaml", tmp_path / "copy.pickle"
    source.write_text("a: 1\n", "utf-8")
    copy.write_bytes(b"\x80\x05garbage")
    assert _child(source, copy) == ["{'a': 1}", "yaml"]
    assert _child(source, copy) == ["{'a': 1}", "no yaml"]


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path):
    source, copy = tmp_path / "lists.yaml", tmp_path / "copy.pickle"
    source.write_text("a: 1\n", "utf-8")
    assert _child(source, copy, dont_write=True) == ["{'a': 1}", "yaml"]
    assert not copy.exists()


# -- the compiled methods of dataclasses, kept between runs ------------------------------------------------

_DATACLASS_CHILD = """
import sys
from letterlint import bundled
bundled._codes_path = lambda: sys.argv[1]
bundled.keep_dataclass_code()
from dataclasses import dataclass, field, fields
import typing

@dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: "tuple[str, ...]" = field(default_factory=tuple)

p = Point(1)
print(p, p == Point(1), hash(p) == hash(Point(1)), [f.name for f in fields(Point)])
print(Point.__init__.__annotations__["x"] is int, Point.__init__.__code__.co_filename)
try:
    p.x = 2
except Exception as exc:
    print(type(exc).__name__)
print("compiled" if bundled._CODES_NEW else "kept")
"""


def _dataclass_child(path: Path, *, dont_write: bool = False) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    args = [sys.executable, *(["-B"] if dont_write else []), "-c", _DATACLASS_CHILD, str(path)]
    return subprocess.run(args, capture_output=True, text=True, check=True, env=env).stdout.splitlines()


def test_dataclass_methods_are_compiled_once_then_kept(tmp_path):
    path = tmp_path / "codes.marshal"
    same = ["Point(x=1, y=()) True True ['x', 'y']", "True <string>", "FrozenInstanceError"]
    assert _dataclass_child(path) == [*same, "compiled"]
    assert path.exists()
    assert _dataclass_child(path) == [*same, "kept"]  # the same class, from the kept code


def test_damaged_kept_dataclass_code_is_compiled_again(tmp_path):
    path = tmp_path / "codes.marshal"
    path.write_bytes(b"\x00not marshal")
    assert _dataclass_child(path)[-1] == "compiled"
    assert _dataclass_child(path)[-1] == "kept"
    assert _dataclass_child(tmp_path / "other", dont_write=True)[-1] == "compiled"
    assert not (tmp_path / "other").exists()

"""Start-up as behaviour: what a run imports and compiles, not how long it takes."""

from __future__ import annotations

import subprocess
import sys

import pytest

_VERSION = """
import sys
from letterlint.cli import main
try:
    main(["--version"])
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.startswith("letterlint")))
print([m for m in ("regex", "dataclasses", "yaml", "letterlint.registry") if m in sys.modules])
"""


def test_version_imports_no_rules_nor_patterns():
    out = subprocess.run([sys.executable, "-c", _VERSION], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    assert lines[0].startswith("letterlint ")
    assert lines[-2] == "['letterlint', 'letterlint.catalogue', 'letterlint.cli', 'letterlint.collecting', 'letterlint.reporters']"
    assert lines[-1] == "[]"


_IMPORTS = """
import pkgutil, re, sys
import regex, regex._main
import letterlint, letterlint.lint_rules

compiled = []

def counting(module, original):
    def compile_(*args, **kwargs):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename in (re.__file__, regex._main.__file__):
            frame = frame.f_back
        name = frame.f_code.co_filename if frame is not None else ""
        if "letterlint" in name or "lint_rules" in name:
            compiled.append((name.rsplit("/", 2)[-2:], args[0] if args else None))
        return original(*args, **kwargs)
    return compile_

re._compile = counting(re, re._compile)
regex._main._compile = counting(regex, regex._main._compile)
for package in (letterlint, letterlint.lint_rules):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not info.name.endswith("__main__"):
            __import__(info.name)
print(compiled)
"""


def test_importing_any_module_compiles_no_pattern():
    """Patterns are compiled when first used (lazyre), not at import: a run pays only for those it uses."""
    out = subprocess.run([sys.executable, "-c", _IMPORTS], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


_COLLECTIONS = """
import atexit, gc, sys
from letterlint import cli
at_start = []  # the collections made while the run started: imports, configuration, plan
gc.callbacks.append(lambda phase, info: at_start.append(info["generation"]) if phase == "start" else None)
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))  # runs after the run's handlers
real_load = cli._load
def load(*args, **kwargs):
    made = real_load(*args, **kwargs)
    print("collections during start-up:", len(at_start), "collecting after:", gc.isenabled(),
          "start-up frozen:", gc.get_freeze_count() > 10_000)
    return made
cli._load = load
sys.argv = ["letterlint", "--format", "json", sys.argv[1]]
cli.run()
"""


def test_a_run_collects_no_garbage_while_it_starts_nor_at_exit(tmp_path):
    """Start-up makes what lives to the end of the run (modules, classes, patterns, word lists): the garbage
    collector is off until the plan is made, then on again for the letters with what start-up made frozen
    (not walked again), and the exiting process does not walk everything once more (gc.freeze).  Garbage
    collection outside a run is as the caller had it."""
    letter = tmp_path / "brief.txt"
    letter.write_text("Geachte voorzitter,\n\nDit is een brief.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _COLLECTIONS, str(letter)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "collections during start-up: 0 collecting after: True start-up frozen: True" in lines
    assert lines[-1] == "frozen at exit: True"


def test_the_command_is_the_run_entry_point():
    import tomllib
    from pathlib import Path

    from letterlint import cli

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["scripts"]["letterlint"] == "letterlint.cli:run"
    assert cli.run.__annotations__["return"] in ("NoReturn", "typing.NoReturn")


def test_main_leaves_garbage_collection_as_it_was(tmp_path, capsys):
    import gc

    from letterlint.cli import main

    letter = tmp_path / "brief.txt"
    letter.write_text("Dit is een brief.\n", encoding="utf-8")
    before = gc.get_threshold()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            main([str(letter)])
            assert gc.isenabled() is enabled and gc.get_freeze_count() == 0
            with pytest.raises(SystemExit):
                main(["--version"])
            assert gc.isenabled() is enabled
    finally:
        gc.enable()
        gc.set_threshold(*before)
    capsys.readouterr()


def test_every_dataclass_has_a_docstring():
    """A dataclass without a docstring gets one made from inspect.signature when its class statement runs:
    on every run, for every such class a run imports.  A written docstring is better reading anyway."""
    import dataclasses
    import importlib
    import pkgutil

    import letterlint
    import letterlint.lint_rules

    missing = []
    for package in (letterlint, letterlint.lint_rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if (isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == info.name
                        and (value.__doc__ or "").startswith(value.__name__ + "(")):
                    missing.append(f"{info.name}.{value.__qualname__}")
    assert missing == []


_READ_IMPORTS = """
import contextlib, io, sys
from letterlint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main([sys.argv[1]])
print(code, [m for m in ("letterlint.readers.docx", "defusedxml", "json") if m in sys.modules])
"""


def test_linting_a_letter_loads_no_xml_guard_nor_json_it_does_not_use(tmp_path):
    """defusedxml's parser is for .docx parts that may have a DTD (it refuses them); Word's parts have none and
    go to the standard library's parser in C, so a run over an ordinary .docx never loads it
    (tests/test_reader_docx checks that a part with a DTD is still refused).  json is for some reports,
    baselines and checking a configuration: not for a run with the default text report."""
    from pathlib import Path

    text = tmp_path / "brief.txt"
    text.write_text("Geachte voorzitter,\n\nZie Kamerstukken II 2023/24, 36 200, nr. 5.\n", encoding="utf-8")
    for path, found in ((Path(__file__).parent / "data" / "small-features.docx", "1 ['letterlint.readers.docx']"),
                        (text, "0 []")):
        # in tmp_path: from the checkout the run would find its rules.yaml as a user configuration, whose
        # parsing and validation (json among them) are kept between runs only where bytecode is written
        done = subprocess.run([sys.executable, "-c", _READ_IMPORTS, str(path)], capture_output=True, text=True,
                              cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[-1] == found

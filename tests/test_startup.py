"""Start-up as behaviour: what a run imports and compiles, not how long it takes."""

from __future__ import annotations

import subprocess
import sys

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
    assert lines[-2] == "['letterlint', 'letterlint.catalogue', 'letterlint.cli', 'letterlint.reporters']"
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

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

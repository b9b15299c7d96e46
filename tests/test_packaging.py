"""The installed wheel puts only `letterlint` (and its dist-info) into site-packages: the rules install
inside the letterlint namespace, not as a top-level `lint_rules` that another project may also install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_has_only_the_letterlint_namespace(tmp_path):
    try:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                        "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot build a wheel here without the network: {exc}")
    wheel = next(tmp_path.glob("letterlint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"letterlint", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}
    assert "letterlint/lint_rules/typo.py" in names
    assert "letterlint/rules.yaml" in names


def test_rules_load_from_the_letterlint_namespace():
    from letterlint.registry import builtin_rules

    modules = {rule.module.__name__ for rule in builtin_rules().values() if rule.origin == "builtin"}
    assert modules and all(name.startswith("letterlint.lint_rules.") for name in modules)

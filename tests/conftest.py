"""Shared test helpers.  Tests that need ../shared (the corpus beside the checkout) skip without it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
EXAMPLE = ROOT / "examples" / "schriftelijk-overleg-actieagenda-industrie-en-omwonenden.txt"
SHARED = Path(os.environ.get("LETTERLINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"

needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")


def run_cli(*args, cwd=None, stdin: bytes | None = None, env=None) -> subprocess.CompletedProcess:
    """Run the letterlint command the way a user does, in its own process."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("LETTERLINT_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "letterlint", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=120,
    )


def lint_text(text: str, name: str = "brief.txt", select=None, config=None, rules_yaml: str | None = None,
              tmp_path=None):
    """Lint a string in-process and return the findings (a rule error fails the test)."""
    from letterlint.config import load_config
    from letterlint.readers import read_bytes
    from letterlint.runner import build_plan, lint_document

    if rules_yaml is not None:
        assert tmp_path is not None
        cfg_path = tmp_path / "rules.yaml"
        cfg_path.write_text(rules_yaml, encoding="utf-8")
        config = load_config(cfg_path)
    config = config or load_config(None, search=False)
    plan = build_plan(config, select=select)
    doc = read_bytes(text.encode("utf-8"), name)
    findings, problems = lint_document(doc, plan)
    assert not problems, problems
    return findings


@pytest.fixture
def lint(tmp_path):
    def _lint(text, name="brief.txt", select=None, rules_yaml=None):
        return lint_text(text, name, select=select, rules_yaml=rules_yaml, tmp_path=tmp_path)

    return _lint

"""Property: a mutated .docx (zip-level or XML-level) is linted or cleanly refused — nothing else.

Seeds: a fixture package made here (so this runs anywhere) and, where ../shared is beside the checkout, the
real Word files of corpus/docx and corpus/docx-nl.  bench/fuzz runs the same harness for ten thousands of
cases; this is the short run for CI.  The second half holds every output mode to the same contract.
"""

from __future__ import annotations

import random
import re

import hostile
import mutate
import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

SEEDS = mutate.seeds(CORPUS if CORPUS.is_dir() else None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(which=st.integers(0, len(SEEDS) - 1), seed=st.integers(0, 2**32 - 1))
def test_a_mutated_docx_is_linted_or_refused(which, seed):
    name, data = SEEDS[which]
    mutated, changes = mutate.mutate(data, random.Random(seed))
    note(f"{name} with {changes} (seed {seed})")
    assert mutate.check(mutated) in ("linted", "refused")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_every_corpus_docx_is_linted_or_refused_as_it_is():
    assert len(SEEDS) > 10
    for name, data in SEEDS:
        assert mutate.check(data, name) in ("linted", "refused"), name


# -- every output mode holds to the contract --------------------------------------------------------------

MODES = {
    "text": ["--format", "text"],
    "json": ["--format", "json"],
    "sarif": ["--format", "sarif"],
    "github": ["--format", "github"],
    "write-baseline": ["--write-baseline", "baseline.json"],
    "diff": ["--diff"],
    "fix": ["--fix"],
    "annotate": ["--annotate", "opmerkingen.docx"],
    "suggest": ["--suggest", "voorstel.docx"],
}


def _inputs():
    cases = [c for c in hostile.documents() if c.name.endswith(".docx") or c.name.endswith(".txt")]
    rng = random.Random(12)
    for i in range(4):
        data, _ = mutate.mutate(mutate.fixture_docx(), rng)
        cases.append(hostile.Case(f"gemuteerd-{i}.docx", data, None))
    cases.append(hostile.Case("fixture.docx", mutate.fixture_docx(), None))
    cases.append(hostile.Case("codepagina.txt", hostile.cp1252_text(), None))  # linted, with a note
    return cases


INPUTS = _inputs()


@pytest.mark.parametrize("mode", list(MODES))
def test_every_mode_refuses_cleanly_or_works(mode, tmp_path, monkeypatch, capsys):
    from letterlint.cli import main
    from letterlint.readers import InputError, read_bytes

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LETTERLINT_LANG", raising=False)
    for case in INPUTS:
        if mode in ("annotate", "suggest") and not case.name.endswith(".docx"):
            continue
        (tmp_path / case.name).write_bytes(case.data)
        try:
            read_bytes(case.data, case.name)
            refused = False
        except InputError:
            refused = True
        code = main(["--isolated", *MODES[mode], case.name])
        captured = capsys.readouterr()
        err = captured.err
        assert not re.search("interne fout|Traceback", err), (case.name, err)
        if refused:
            assert code == 2 and len(err.splitlines()) == 1 and case.name in err, (case.name, code, err)
            if case.refuse:
                assert re.search(case.refuse, err, re.IGNORECASE), err
        else:  # readable, but a writing mode may still refuse the file (say, a ZIP64 package): in one line
            assert code in (0, 1) or (code == 2 and len(err.splitlines()) == 1), (case.name, code, err)
        captured.out.encode("utf-8")

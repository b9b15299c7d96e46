"""--across-files: answers that recur in other letters, also when files are linted in other processes."""

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

from conftest import EXAMPLE, lint_text, run_cli

from letterlint.config import load_config
from letterlint.runner import build_plan, lint_across, lint_file

BEGRIP = next(line for line in EXAMPLE.read_text(encoding="utf-8").split("\n")
              if line.startswith("Antwoord: Het kabinet heeft begrip voor partijen"))
ZORGPLICHT = next(line for line in EXAMPLE.read_text(encoding="utf-8").split("\n")
                  if line.startswith("Antwoord: De Omgevingswet bevat een algemene zorgplicht"))
OWN = ("Antwoord: De Kamer ontvangt in het voorjaar een voortgangsbrief waarin de uitkomsten van de gesprekken "
       "met de provincies en de omgevingsdiensten worden beschreven.")


def write_letters(folder):
    """Two later letters: one reuses two answers of the draft (one lightly edited), one reuses nothing."""
    a = folder / "a-sp-brief.txt"
    a.write_text("Geachte voorzitter,\n\nDe leden van de SP-fractie vragen of het kabinet verdergaande maatregelen "
                 "neemt?\n" + BEGRIP.replace("Niet alles kan", "Niet alles kan echter") + "\n"
                 "De leden van de SP-fractie vragen wat de zorgplicht inhoudt?\n" + ZORGPLICHT + "\n"
                 "De leden van de SP-fractie vragen wanneer de Kamer wordt geïnformeerd?\n" + OWN + "\n",
                 encoding="utf-8")
    b = folder / "b-andere-brief.txt"
    b.write_text("De leden van de CDA-fractie vragen wanneer de Kamer wordt geïnformeerd?\n" + OWN.replace(
        "voorjaar", "najaar") + "\n", encoding="utf-8")
    draft = folder / "c-draft.txt"
    draft.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return a, b, draft


def across(paths, **plan_options):
    plan = build_plan(load_config(None, search=False), select=["duplicate-answer"])
    plan.across = True
    results = [lint_file(str(p), plan) for p in paths]
    assert not lint_across(results, plan)
    return results


def test_answers_that_recur_in_other_letters(tmp_path):
    a, b, draft = write_letters(tmp_path)
    ra, rb, rd = across([a, b, draft])
    found = [f for f in ra.findings if f.severity == "info"]
    assert [f.location.line for f in found] == [4, 6, 8]  # 8: the same as in b, voorjaar → najaar
    begrip = found[0]
    assert begrip.rule == "duplicate-answer"
    assert begrip.message.nl.startswith(f"Dit antwoord komt (vrijwel) ook voor in 1 andere brief: {draft} (regel 288, ")
    assert {(r.path, r.location.line) for r in begrip.related} == {(str(draft), 288), (str(draft), 380)}
    assert all("vraag: «" in r.label.nl for r in begrip.related)
    # the other letter shares one sentence-long answer with a; the draft has the reused answers too
    assert [f.location.line for f in rb.findings] == [2]
    assert {f.location.line for f in rd.findings if f.severity == "info"} == {288, 380, 501}
    # in-letter findings are unchanged
    in_letter = lint_text(EXAMPLE.read_text(encoding="utf-8"), select=["duplicate-answer"])
    assert [f for f in rd.findings if f.severity == "warning"] == in_letter


def test_summaries_are_small_and_picklable(tmp_path):
    a, _, draft = write_letters(tmp_path)
    ra, rd = across([a, draft])
    summary = rd.summaries["duplicate-answer"]
    data = pickle.dumps(summary)
    assert 100 < len(pickle.loads(data)) == len(summary) < 133  # the draft's answers of 15 words or more
    assert len(data) < EXAMPLE.stat().st_size // 3  # a quarter of the text: hashes, locations, questions


def _lint_in_worker(path):
    plan = build_plan(load_config(None, search=False), select=["duplicate-answer"])
    plan.across = True
    return lint_file(path, plan)


def test_files_linted_in_other_processes(tmp_path):
    """What `-j N` will do: lint in worker processes (own hash seeds), compare in the parent."""
    paths = [str(p) for p in write_letters(tmp_path)]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(_lint_in_worker, paths))
    plan = build_plan(load_config(None, search=False), select=["duplicate-answer"])
    plan.across = True
    assert not lint_across(results, plan)
    expected = across(paths)
    assert [[(f.location.line, f.message.nl) for f in r.findings] for r in results] == \
           [[(f.location.line, f.message.nl) for f in r.findings] for r in expected]


def test_command_line(tmp_path):
    write_letters(tmp_path)
    on = run_cli("--across-files", "--select", "duplicate-answer", "--show", "info", ".", cwd=tmp_path)
    out = on.stdout.decode()
    assert on.returncode == 1, on.stderr
    assert "a-sp-brief.txt:4:11: info [duplicate-answer] Dit antwoord komt (vrijwel) ook voor in 1 andere brief: " \
           "./c-draft.txt (regel 288" in out
    assert "    zie ook: ./c-draft.txt:288:11: zelfde antwoord" in out
    off = run_cli("--select", "duplicate-answer", ".", cwd=tmp_path)
    assert "andere brief" not in off.stdout.decode()
    ignored = run_cli("--across-files", "--ignore", "duplicate-answer", "--lang", "en", ".", cwd=tmp_path)
    assert "duplicate-answer" not in ignored.stdout.decode() and ignored.stderr == b""
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  duplicate-answer:\n    across-files: false\n", encoding="utf-8")
    assert "andere brief" not in run_cli("--across-files", ".", cwd=tmp_path).stdout.decode()


def test_one_file_or_unreadable_files(tmp_path):
    a, _, _ = write_letters(tmp_path)
    (tmp_path / "kapot.docx").write_bytes(b"PK\x03\x04 not really a zip")
    proc = run_cli("--across-files", a, tmp_path / "kapot.docx", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode()
    assert "andere brie" not in proc.stdout.decode()


def test_a_standard_answer_in_every_letter_stays_linear():
    """400 letters with the same answer: one group of 400; each finding lists a few others, not 399."""
    import time

    from letterlint.readers import read_bytes

    plan = build_plan(load_config(None, search=False), select=["duplicate-answer"])
    plan.across = True
    active = plan.rules[0]
    doc = read_bytes(("De leden vragen wat de zorgplicht inhoudt?\n" + ZORGPLICHT + "\n").encode("utf-8"), "x.txt")
    summary = active.rule.collect(doc, active.ctx)
    summaries = {f"brief-{i:03d}.txt": summary for i in range(400)}
    start = time.process_time()
    found = list(active.rule.check_across(summaries, active.ctx))
    assert time.process_time() - start < 5
    assert len(found) == 400 and {path for path, _ in found} == set(summaries)
    path, finding = found[-1]
    assert "ook voor in 399 andere brieven" in finding.message.nl
    assert len(finding.related) == 6 and all(r.path != path for r in finding.related)


def test_answers_across_word_files_have_the_places_a_writer_finds_in_word():
    """In .docx a finding needs the heading the letter shows and a quote to search for: the runner adds
    them to in-letter findings, but findings across files are made after the documents are gone."""
    import pytest

    from conftest import ROOT

    files = [ROOT / "tests" / "data" / "draft-pandoc.docx", ROOT / "tests" / "data" / "draft-libreoffice.docx"]
    if not all(f.exists() for f in files):
        pytest.skip("the .docx fixtures are not here")
    results = across(files)
    found = [f for r in results for f in r.findings if "andere brief" in f.message.nl]
    assert found
    for f in found:
        places = [f.location, *(r.location for r in f.related)]
        assert all(p.quote and p.shown for p in places), f
    in_letter = [f for r in results for f in r.findings if "andere brief" not in f.message.nl]
    assert all(f.location.quote for f in in_letter)

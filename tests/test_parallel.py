"""Large repositories: -j N lints in parallel processes with exactly the sequential output; a progress line
on stderr when many files are checked on a terminal."""

import functools
import os
import pickle
import shutil
import subprocess
import sys

import pytest
from conftest import CORPUS, DATA, EXAMPLE, needs_shared, run_cli

from letterlint import cli, parallel
from letterlint.config import load_config
from letterlint.runner import build_plan, lint_file


@pytest.fixture
def repo(tmp_path):
    """Twelve letters of all three formats, with findings, some clean, one unreadable."""
    folder = tmp_path / "brieven"
    folder.mkdir()
    for i in range(3):
        shutil.copy(EXAMPLE, folder / f"concept-{i}.txt")
    for name in ("small-features.docx", "small-features-libreoffice.docx", "draft-pandoc.docx", "draft.md",
                 "export-basic.txt", "export-cp1252.txt", "export-utf16.txt", "suppressions.docx"):
        shutil.copy(DATA / name, folder / name)
    (folder / "schoon.md").write_text("# Brief\n\nHet RIVM adviseert.\n", encoding="utf-8")
    (folder / "kapot.docx").write_bytes(b"PK\x03\x04 geen echte zip")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_parallel_output_is_identical(repo, fmt):
    one = run_cli("--format", fmt, "brieven", cwd=repo)
    two = run_cli("--format", fmt, "-j", "2", "brieven", cwd=repo)
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert one.returncode == two.returncode == 2  # kapot.docx cannot be read
    assert b"kapot.docx" in one.stderr
    if fmt == "text":
        assert one.stdout.count(b"[typo]") >= 8


def test_jobs_zero_means_every_core_and_stdin_is_read_by_the_main_process(repo):
    seq = run_cli("brieven/concept-0.txt", "-", "brieven/draft.md", cwd=repo, stdin=EXAMPLE.read_bytes())
    par = run_cli("-j", "0", "brieven/concept-0.txt", "-", "brieven/draft.md", cwd=repo,
                  stdin=EXAMPLE.read_bytes())
    assert seq.stdout == par.stdout and seq.returncode == par.returncode == 1
    assert b"<stdin>:233:302: waarschuwing [typo]" in par.stdout


@pytest.mark.parametrize("bad", ["-1", "twee"])
def test_bad_job_counts(repo, bad):
    proc = run_cli("-j", bad, "brieven", cwd=repo)
    assert proc.returncode == 2 and b"-j/--jobs" in proc.stderr


def test_findings_travel_between_processes(repo):
    plan = build_plan(load_config(None, search=False))
    result = lint_file(str(repo / "brieven" / "small-features.docx"), plan)
    assert result.document is None and result.findings
    assert pickle.loads(pickle.dumps(result.findings)) == result.findings


def test_spawned_workers_rebuild_the_plan(repo, monkeypatch):
    """Where processes are spawned (macOS, Windows) the workers build the plan themselves."""
    import multiprocessing

    monkeypatch.chdir(repo)
    plan = build_plan(load_config(None, search=False))
    paths = sorted(str(p.relative_to(repo)) for p in (repo / "brieven").iterdir())[:4]
    sequential = [r.findings for r in parallel.lint_many(paths, plan, jobs=1)]
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    factory = functools.partial(cli._plan_for, None, True, None, None, str(repo))
    spawned = [r.findings for r in parallel.lint_many(paths, plan, jobs=2, plan_factory=factory)]
    assert spawned == sequential and any(spawned)


@needs_shared
def test_parallel_on_the_corpus_matches_sequential(tmp_path):
    one = run_cli("--format", "json", CORPUS, cwd=tmp_path)
    two = run_cli("--format", "json", "-j", "2", CORPUS, cwd=tmp_path)
    assert one.stdout == two.stdout and one.returncode == two.returncode


# -- progress ---------------------------------------------------------------------------------------------


def _run_on_a_terminal(args, cwd):
    """Run letterlint with stderr on a pseudo-terminal; returns (stdout, what the terminal showed)."""
    import pty
    import tempfile

    master, slave = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    env.pop("LETTERLINT_LANG", None)
    stdout = tempfile.TemporaryFile()  # a file, not a pipe: nobody reads a pipe while the terminal is read
    proc = subprocess.Popen([sys.executable, "-m", "letterlint", *map(str, args)], cwd=cwd, stdout=stdout,
                            stderr=slave, env=env)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=120)
    os.close(master)
    stdout.seek(0)
    return stdout.read(), shown.decode("utf-8", "replace")


def test_progress_line_on_a_terminal(repo):
    out, shown = _run_on_a_terminal(["-j", "2", "brieven"], repo)
    assert "\rletterlint: 13/13 bestanden" in shown.replace("\x1b[K", "")
    assert shown.rstrip("\r\n").endswith("\r\x1b[K")  # the line is taken away at the end
    assert "kapot.docx" in shown  # messages still come through, on their own line
    assert "bevindingen in" in out.decode()  # stdout untouched


def test_no_progress_line_when_few_files_or_not_a_terminal(repo):
    _, shown = _run_on_a_terminal(["brieven/concept-0.txt", "brieven/draft.md"], repo)
    assert "bestanden\r" not in shown and "letterlint: 2/2" not in shown
    piped = run_cli("brieven", cwd=repo)  # stderr is a pipe here
    assert b"13/13" not in piped.stderr and b"\x1b[K" not in piped.stderr


# -- what makes -j N fast --------------------------------------------------------------------------------


def test_tasks_are_single_letters_unless_there_are_thousands():
    """A chunk of 8 letters per task left one worker linting alone at the end of 100 letters."""
    assert parallel.chunk_size(100, 2) == 1 and parallel.chunk_size(1000, 2) == 7
    assert parallel.chunk_size(100_000, 2) == 8 and parallel.chunk_size(3, 8) == 1


def test_objects_made_before_linting_are_frozen_while_it_runs(repo):
    """The plan is not walked by every garbage collection, nor written to (copied) by forked workers'."""
    import gc

    plan = build_plan(load_config(None, search=False))
    paths = [str(p) for p in sorted((repo / "brieven").iterdir())[:2]]
    counts = [gc.get_freeze_count() for _ in parallel.lint_many(paths, plan, jobs=1)]
    assert all(c > 1000 for c in counts) and gc.get_freeze_count() == 0


def test_a_letters_document_is_freed_before_the_next_letter_is_read(repo, monkeypatch):
    """A document holds cycles (paragraphs, maps, analyses): only a collection frees it.  One collection after
    each file frees it at once, instead of automatic collections tracing it while it is alive."""
    import gc
    import weakref

    from letterlint import runner

    plan = build_plan(load_config(None, search=False))
    docs: list = []
    real_read = runner.read

    def read(path, stdin_filename=None):
        doc = real_read(path, stdin_filename)
        docs.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(runner, "read", read)
    paths = [str(repo / "brieven" / f"concept-{i}.txt") for i in range(3)]
    threshold = gc.get_threshold()
    gc.set_threshold(10_000, 10, 10)  # the CLI's (collecting.quiet)
    try:
        alive = [sum(d() is not None for d in docs) for _ in parallel.lint_many(paths, plan, jobs=1)]
    finally:
        gc.set_threshold(*threshold)
    assert alive == [0, 0, 0]
    assert gc.isenabled()


def test_no_automatic_collection_while_a_letter_is_linted(repo, monkeypatch):
    """Collections come once per file, after it: none traces a letter while its document is alive."""
    import gc

    from letterlint import runner

    plan = build_plan(load_config(None, search=False))
    paths = [str(repo / "brieven" / f"concept-{i}.txt") for i in range(3)]
    threshold = gc.get_threshold()
    inside, during, full = [False], [], []
    real_lint = runner.lint_document

    def lint_document(doc, plan):
        inside[0] = True
        try:
            return real_lint(doc, plan)
        finally:
            inside[0] = False

    def count(phase, info):
        if phase == "start":
            (during if inside[0] else full).append(info["generation"])

    monkeypatch.setattr(runner, "lint_document", lint_document)
    gc.set_threshold(100, 10, 10)  # many automatic collections, were they allowed
    gc.callbacks.append(count)
    try:
        results = list(parallel.lint_many(paths, plan, jobs=1))
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    assert all(r.findings for r in results)
    assert during == [] and full.count(2) == 3  # one full collection after each file (of what it left)

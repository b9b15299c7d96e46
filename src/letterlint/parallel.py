"""Linting many files: in parallel processes (`-j N`), with a progress line on a terminal.

Results come back in the order of the paths, whatever the number of processes, so the output is the same
as a sequential run.  Workers send back findings only (they are plain, picklable data), never documents.
Standard input is always read by the main process.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

from . import collecting
from .runner import STDIN, FileResult, Plan, lint_file

if TYPE_CHECKING:
    from typing import TextIO

PROGRESS_MIN_FILES = 10  # fewer files finish before a progress line would help

_PLAN: Plan | None = None  # the plan in a worker process


def default_jobs(requested: int) -> int:
    """`-j 0` means one process per core."""
    if requested and requested > 0:
        return requested
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


def lint_collected(path: str, plan: Plan, stdin_filename: str | None = None) -> FileResult:
    """lint_file with the garbage collected once, after the file (collecting.one_file)."""
    with collecting.one_file():
        return lint_file(path, plan, stdin_filename)


def _init(factory: Callable[[], Plan] | None) -> None:
    global _PLAN
    collecting.quiet()
    if factory is not None:  # a spawned worker builds its own plan; a forked one inherited it
        _PLAN = factory()
        collecting.worker_ready()


def _work(path: str) -> FileResult:
    assert _PLAN is not None
    return lint_collected(path, _PLAN)


def lint_many(paths: list[str], plan: Plan, *, jobs: int = 1, stdin_filename: str | None = None,
              plan_factory: Callable[[], Plan] | None = None,
              progress: Progress | None = None) -> Generator[FileResult, None, None]:
    """Lint `paths` with up to `jobs` processes; yields one FileResult per path, in order.

    `plan_factory` (picklable) rebuilds the plan in a worker where processes are spawned rather than
    forked (macOS, Windows); without one those platforms lint sequentially.
    """
    files = [p for p in paths if p != STDIN]
    jobs = min(default_jobs(jobs), len(files))
    with collecting.many_files():
        if jobs <= 1:
            yield from _sequential(paths, plan, stdin_filename, progress)
        else:
            yield from _in_processes(paths, files, plan, jobs, stdin_filename, plan_factory, progress)


def _sequential(paths: list[str], plan: Plan, stdin_filename: str | None,
                progress: Progress | None) -> Generator[FileResult, None, None]:
    for i, path in enumerate(paths):
        yield lint_collected(path, plan, stdin_filename)
        if progress:
            progress.update(i + 1)


def chunk_size(files: int, jobs: int) -> int:
    """Files per task sent to a worker: one while a straggling chunk could leave a worker idle for long (a
    letter takes a tenth of a second or more); a few when there are thousands, to save the messages."""
    return max(1, min(8, files // (jobs * 64)))


def _in_processes(paths: list[str], files: list[str], plan: Plan, jobs: int, stdin_filename: str | None,
                  plan_factory: Callable[[], Plan] | None, progress: Progress | None) -> Generator[FileResult, None, None]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _PLAN
    if "fork" in multiprocessing.get_all_start_methods():
        context: Any = multiprocessing.get_context("fork")
        factory = None
        _PLAN = plan  # inherited by the forked workers
    elif plan_factory is not None:
        context, factory = multiprocessing.get_context("spawn"), plan_factory
    else:
        yield from _sequential(paths, plan, stdin_filename, progress)
        return
    stdin_result = lint_collected(STDIN, plan, stdin_filename) if STDIN in paths else None
    chunk = chunk_size(len(files), jobs)
    done = 0
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init, initargs=(factory,))
    try:
        results = executor.map(_work, files, chunksize=chunk)
        it = iter(files)
        for path in paths:
            if path == STDIN:
                result = stdin_result
            else:
                next(it)
                try:
                    result = next(results)
                except BrokenProcessPool:  # a worker died (out of memory?): finish in this process
                    results = iter(())
                    result = lint_collected(path, plan)
                except StopIteration:
                    result = lint_collected(path, plan)
            done += 1
            if progress:
                progress.update(done)
            assert result is not None  # stdin_result is made when STDIN is among the paths
            yield result
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        _PLAN = None


class Progress:
    """`letterlint: 37/120 bestanden` on one self-overwriting stderr line, only on a terminal."""

    def __init__(self, total: int, lang: str = "nl", stream: TextIO | None = None) -> None:
        self.total, self.lang = total, lang
        self.stream = stream or sys.stderr
        self.last = 0.0
        self.shown = False

    @classmethod
    def maybe(cls, total: int, lang: str = "nl", stream: TextIO | None = None) -> Progress | None:
        stream = stream or sys.stderr
        try:
            tty = stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        if total < PROGRESS_MIN_FILES or not tty or os.environ.get("TERM") == "dumb":
            return None
        return cls(total, lang, stream)

    def update(self, done: int) -> None:
        now = time.monotonic()
        if done < self.total and now - self.last < 0.1:
            return
        self.last = now
        word = "bestanden" if self.lang == "nl" else "files"
        self.stream.write(f"\r\033[Kletterlint: {done}/{self.total} {word}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Take the line away (before other messages, and at the end)."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False

"""When a linting process lets Python's garbage collector run: every setting of it is here.

A run makes two kinds of objects.  What the start-up builds — modules, classes, compiled patterns, word lists,
the plan — lives to the end of the run; a letter's objects are short-lived, nearly all freed by reference
counting as soon as a rule is done with them.  What reference counting cannot free is the document itself:
its paragraphs, text maps and analyses point at each other, so a letter's few thousand container objects are
garbage only a collection finds.  Python's default collections therefore worked for nothing: during the
start-up they walked objects that all stay (~30 collections, a twentieth of a small letter's run), in the
middle of a letter they traced its document while it was still in use (~4 % of a run over 100 letters), and
at exit the interpreter walked everything once more (a tenth of a small letter's run).

So a run
  * collects nothing while it starts (`pause_for_start_up` … `resume_after_start_up`), then freezes what the
    start-up made (gc.freeze: no later collection walks it);
  * collects once per file, after it, when its document is garbage (`one_file`), and freezes what the file
    left alive (its findings, memos);
  * leaves everything frozen at exit (`freeze_for_exit`);
  * and in between, where collections still happen (reporting, the parent of parallel workers), makes them
    rarer (`quiet`).
`main()` gives the caller back the collector as it found it (`restore`): tests and embedders call it in-process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused = False  # pause_for_start_up turned collection off, and resume_after_start_up has not turned it on


def pause_for_start_up() -> bool:
    """No collections until resume_after_start_up (see the module's docstring); whether they were on."""
    global _paused
    was_on = _paused = gc.isenabled()
    gc.disable()
    return was_on


def resume_after_start_up() -> None:
    """Collections on again, if pause_for_start_up turned them off; what the start-up made is frozen."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def restore(was_on: bool) -> None:
    """The collector as it was before pause_for_start_up (which returned `was_on`): on or off, nothing frozen."""
    resume_after_start_up()
    if was_on:
        gc.unfreeze()


def quiet() -> None:
    """Rarer automatic collections (a young one per 10,000 allocations, not per 700) where they still run; the
    CLI and spawned workers call this once, before building the plan."""
    gc.set_threshold(10_000, 10, 10)


@contextmanager
def one_file() -> Iterator[None]:
    """No automatic collection while a file is linted, one after it, and what it left alive frozen.

    Within a file the garbage that only a collection frees stays until the file is done: at most the size of
    that file's own data (the document, its released analyses), never more than one file's."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
        gc.collect()
        gc.freeze()


@contextmanager
def many_files() -> Iterator[None]:
    """Around a run over files: what exists before it (the plan, word lists) frozen, unfrozen after it; forked
    workers share those pages instead of copying them when a collection would touch them."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def worker_ready() -> None:
    """A spawned worker has built its own plan: frozen, as many_files freezes the parent's."""
    gc.freeze()


def freeze_for_exit() -> None:
    """Everything frozen, so the exiting interpreter does not walk every object once more to free what the
    process gives back anyway (the reports are written and kept files saved by then, or at atexit either way)."""
    gc.freeze()

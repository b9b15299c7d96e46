"""Where the time of one letter goes: each rule's steady-state milliseconds, in one process.

    .venv/bin/python bench/rules.py [N] [FILE]         # N variants of FILE (default: 6 of the example draft)
    .venv/bin/python bench/rules.py --cold [FILE]      # the first letter of a fresh process only

The first letter warms up (imports, compiled patterns, word indexes) and is not counted; with --cold only that
first letter is counted (what a writer's single run pays; run it twice, so that what is kept between runs —
bytecode, kept patterns and memos — is in place).  A rule's time
includes the shared analyses it is the first to ask for (structure, similarity, words …), as in a real run;
"analyses" shows them separately by timing every rule again on a document whose analyses are already made.
"""

from __future__ import annotations

import collections
import sys
import tempfile
import time
from pathlib import Path

from _common import DRAFT, letters

from letterlint import collecting, runner
from letterlint.caps import capped
from letterlint.config import load_config


def main() -> None:
    args = sys.argv[1:]
    cold = "--cold" in args
    args = [a for a in args if a != "--cold"]
    n = 1 if cold else int(args.pop(0)) if args and args[0].isdigit() else 6
    source = Path(args[0]) if args else DRAFT
    collecting.quiet()  # the garbage collector as a CLI run has it (letterlint.collecting)
    plan = runner.build_plan(load_config(None, search=False))
    files = sorted(letters(Path(tempfile.mkdtemp()), n, source).iterdir())
    first, again, whole, reading = collections.Counter(), collections.Counter(), 0.0, 0.0

    def counted(i: int) -> bool:
        return i == 0 if cold else i > 0

    for i, path in enumerate(files):
        with collecting.one_file():  # no collection lands on whichever rule is running, as in a CLI run
            start = time.perf_counter()
            doc = runner.read_path(str(path))
            reading += (time.perf_counter() - start) * counted(i)
            for timing in (first, again):
                for active in plan.rules:
                    start = time.perf_counter()
                    list(capped(active.rule.check(doc, active.ctx)))
                    timing[active.rule.id] += (time.perf_counter() - start) * counted(i)
            start = time.perf_counter()
            runner.lint_document(doc, plan)
            whole += (time.perf_counter() - start) * counted(i)
            del doc
    m = 1 if cold else max(n - 1, 1)
    print(f"{source.name}: ms per letter " + ("(the first letter of a fresh process)" if cold else f"(mean of {m}, after one warm-up)"))
    print(f"{'read':28s} {reading / m * 1000:7.1f}")
    print(f"{'rule':28s} {'first':>7s} {'again':>7s}")
    for rule_id, seconds in first.most_common():
        print(f"{rule_id:28s} {seconds / m * 1000:7.1f} {again[rule_id] / m * 1000:7.1f}")
    print(f"{'all rules':28s} {sum(first.values()) / m * 1000:7.1f} {sum(again.values()) / m * 1000:7.1f}")
    print(f"{'lint_document (analyses made)':28s} {whole / m * 1000:7.1f}   (rules + suppressions, places, context)")


if __name__ == "__main__":
    main()

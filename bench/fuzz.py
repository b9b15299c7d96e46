"""The long fuzz run (issue 12): mutated .docx files, the hostile corpus through every mode, and --fix killed
at random moments.

    python bench/fuzz.py                 # 10,000 mutation cases, 100 kill trials
    python bench/fuzz.py --cases 500 --kills 10

The mutations and the oracle are those of tests/test_fuzz.py (tests/mutate.py): each case must end in
findings or a clean refusal.  Each case runs with an alarm (CASE_SECONDS) and the whole run under a memory
cap (MEMORY_CAP), so a hang or a blow-up is a failure, not a stuck run.  Every 100th case also goes through
the installed command in a random mode (format, --diff, --fix, --annotate, --write-baseline) in a capped
child process: exit 0/1, or exit 2 with one stderr line naming the file.  Failing inputs are kept in
bench/out/fuzz-failures/.  The summary line is the one docs/security.md records.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import mutate  # noqa: E402
from test_fix_safety import BODY, TEXT, kill_trial  # noqa: E402

MEMORY_CAP = 2 * 1024**3
CASE_SECONDS = 30
CHILD_MEMORY = 1024**3
MODES = [["--format", "text"], ["--format", "json"], ["--format", "sarif"], ["--format", "github"], ["--diff"],
         ["--fix"], ["--annotate", "uit.docx"], ["--suggest", "voorstel.docx"], ["--write-baseline", "b.json"]]


class Hang(Exception):
    pass


def _alarm(*_):
    raise Hang(f"a case took more than {CASE_SECONDS}s")


def _child_limits():
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (120, 120))


def cli_case(data: bytes, mode: list[str], folder: Path) -> str | None:
    """Run the command on `data` in `mode`; a contract violation as a string, or None."""
    path = folder / "fuzz.docx"
    path.write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "letterlint", "--isolated", *mode, path.name], cwd=folder,
                            capture_output=True, text=True, preexec_fn=_child_limits, timeout=600)
    lines = result.stderr.splitlines()
    if result.returncode < 0:
        return f"killed by signal {-result.returncode}"
    if re.search("Traceback|interne fout|internal error", result.stderr):
        return result.stderr[-500:]
    if result.returncode == 2 and (len(lines) != 1 or "fuzz.docx" not in lines[0]):
        return f"exit 2 with {len(lines)} stderr lines: {result.stderr[-300:]}"
    if result.returncode not in (0, 1, 2):
        return f"exit {result.returncode}"
    return None


def run_cases(n: int, seeds, out: Path) -> dict:
    counts = {"linted": 0, "refused": 0, "failed": 0, "cli": 0}
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            rng = random.Random(i)
            name, data = rng.choice(seeds)
            mutated, changes = mutate.mutate(data, rng)
            signal.alarm(CASE_SECONDS)
            try:
                counts[mutate.check(mutated)] += 1
                problem = None
            except BaseException as exc:  # noqa: B036 - a MemoryError or a Hang is a finding of the fuzzer
                if isinstance(exc, KeyboardInterrupt):
                    raise
                problem = "".join(traceback.format_exception_only(exc)).strip()
            finally:
                signal.alarm(0)
            if problem is None and i % 100 == 0:
                counts["cli"] += 1
                problem = cli_case(mutated, rng.choice(MODES), Path(tmp))
            if problem:
                counts["failed"] += 1
                (out / f"case-{i}.docx").write_bytes(mutated)
                print(f"case {i}: {name} {changes}: {problem[:300]}", flush=True)
            if (i + 1) % 1000 == 0:
                print(f"{i + 1} cases: {counts}", flush=True)
    return counts


def run_kills(n: int) -> dict:
    from ooxml_factory import make_docx

    outcomes = {"original": 0, "fixed": 0, "other": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("txt", "docx"):
            path = Path(tmp) / f"brief.{kind}"
            original = TEXT.encode() if kind == "txt" else make_docx(BODY)
            path.write_bytes(original)
            copy = Path(tmp) / f"vooraf.{kind}"
            copy.write_bytes(original)
            start = time.monotonic()
            subprocess.run([sys.executable, "-m", "letterlint", "--fix", "--isolated", str(copy)], capture_output=True)
            run_time = time.monotonic() - start
            fixed = copy.read_bytes()
            rng = random.Random(kind)
            for _ in range(n // 2):
                try:
                    outcomes[kill_trial(path, original, fixed, rng.uniform(0.0, 1.3) * run_time)] += 1
                except AssertionError as exc:
                    outcomes["other"] += 1
                    print(f"kill trial ({kind}): {exc}", flush=True)
    return outcomes


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=10_000)
    p.add_argument("--kills", type=int, default=100)
    shared = Path(os.environ.get("LETTERLINT_SHARED", ROOT.parent / "shared"))
    p.add_argument("--corpus", default=str(shared / "corpus"), help="the corpus with docx/ and docx-nl/")
    args = p.parse_args()
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    out = ROOT / "bench" / "out" / "fuzz-failures"
    out.mkdir(parents=True, exist_ok=True)
    corpus = Path(args.corpus)
    seeds = mutate.seeds(corpus if corpus.is_dir() else None)
    start = time.monotonic()
    counts = run_cases(args.cases, seeds, out)
    kills = run_kills(args.kills)
    minutes = (time.monotonic() - start) / 60
    print(f"{datetime.date.today()}: {args.cases} mutation cases from {len(seeds)} seed files: "
          f"{counts['linted']} linted, {counts['refused']} refused cleanly, {counts['failed']} failed "
          f"({counts['cli']} also through the command); {sum(kills.values())} --fix kill trials: "
          f"{kills['original']} original, {kills['fixed']} fixed, {kills['other']} other; {minutes:.1f} min")
    return 1 if counts["failed"] or kills["other"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: start-up plus one letter, throughput on many letters, and time per rule.

    python bench/bench.py                 # defaults: 7 runs, copies 250,500,1000
    python bench/bench.py --copies 100,200 --runs 3

Prints Markdown tables; the README records a run.  Uses the installed `letterlint` command when there is
one (that is what users start), else `python -m letterlint`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import DRAFT, ROOT, command, letters

DOCX = ROOT / "tests" / "data" / "draft-pandoc.docx"




def timed(args: list[str], cwd: str | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"letterlint failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return elapsed


def startup(runs: int, extra: list[str]) -> list[tuple[str, float, float]]:
    rows = []
    base = command()
    cases = [("--version (start-up only)", ["--version"])]
    cases.append((f"{DRAFT.name} ({DRAFT.stat().st_size // 1024} KB text export)", [str(DRAFT)]))
    if DOCX.exists():
        cases.append((f"{DOCX.name} (same letter as .docx)", [str(DOCX)]))
    for label, args in cases:
        times = [timed(base + args + extra, cwd=tempfile.gettempdir()) for _ in range(runs)]
        rows.append((label, statistics.median(times), min(times)))
    return rows


def throughput(counts: list[int], runs: int, extra: list[str]) -> list[tuple[int, float, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            folder = Path(tmp) / f"letters-{n}"
            folder.mkdir()
            letters(folder, n)
            times = [timed(command() + ["--format", "json", str(folder)] + extra) for _ in range(max(1, runs // 3))]
            best = min(times)
            rows.append((n, best, best / n * 1000))
            shutil.rmtree(folder)
    return rows


def per_rule(runs: int) -> list[tuple[str, float]]:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    from letterlint.config import load_config
    from letterlint.readers import read_path
    from letterlint.runner import build_plan

    plan = build_plan(load_config(None, search=False))
    start = time.perf_counter()
    for _ in range(runs):
        doc = read_path(DRAFT)
    read_ms = (time.perf_counter() - start) / runs * 1000
    rows = [("(reading the text export)", read_ms)]
    for active in plan.rules:
        start = time.perf_counter()
        for _ in range(runs):
            list(active.rule.check(doc, active.ctx))
        rows.append((active.rule.id, (time.perf_counter() - start) / runs * 1000))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--copies", default="250,500,1000")
    ap.add_argument("--extra", default="", help="extra letterlint arguments, e.g. '--ignore duplicate-answer'")
    args = ap.parse_args()
    extra = args.extra.split()
    counts = [int(c) for c in args.copies.split(",") if c]

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"command: {' '.join(Path(c).name for c in command())} {' '.join(extra)}\n")
    print("| one letter, including start-up | median | best |\n|---|---:|---:|")
    for label, med, best in startup(args.runs, extra):
        print(f"| {label} | {med * 1000:.0f} ms | {best * 1000:.0f} ms |")
    print("\n| letters in one run (copies of the draft with edits) | wall time | per letter |\n|---:|---:|---:|")
    for n, best, per in throughput(counts, args.runs, extra):
        print(f"| {n} | {best:.2f} s | {per:.1f} ms |")
    print("\n| rule (in-process, example draft) | ms |\n|---|---:|")
    for rule_id, ms in per_rule(args.runs):
        print(f"| {rule_id} | {ms:.1f} |")


if __name__ == "__main__":
    main()

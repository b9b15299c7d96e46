"""The speed table of docs/benchmarks.md, measured in one run on this machine (start it as `bench/run`).

    bench/run                      # everything; the 100× rows take minutes
    bench/run --quick              # fewer runs, no 100× rows
    bench/run --no-textlint        # without the npm comparison (no network)

Every row is a separate process started as a user would (the installed `letterlint` command), timed by its
wall clock and by its CPU time (user + system, from wait4: the machine is shared, and CPU time is what a
quiet machine would show as wall time), with its peak memory (maximum resident set size).  Ratios compare
rows of the same run.  Targets are those of the speed issue; a row that misses one is marked ✗.
"""

from __future__ import annotations

import argparse
import json
import math
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

SMALL_DOCX = ROOT / "tests" / "data" / "small-features.docx"
SHARED = Path(os.environ.get("LETTERLINT_SHARED", ROOT.parent / "shared"))
if not (SHARED / "corpus").is_dir():
    SHARED = Path("/work/shared")  # a worktree one level deeper than the checkout


class Run:
    def __init__(self, wall: float, cpu: float, rss_mb: float):
        self.wall, self.cpu, self.rss_mb = wall, cpu, rss_mb


TIME = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)


def run(args: list[str], cwd: str | None = None) -> Run:
    """One process: wall time, CPU time (user + system, children included) and peak memory.

    Peak memory comes from GNU time where there is one: a child forked from this (by now large) process
    would be charged this process's memory until it starts the command (Linux counts the old address space
    in ru_maxrss at exec)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        wrapped = [TIME, "-q", "-f", "%M", "-o", out.name, *args] if TIME else args
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        rss_kb = int(out.read().split()[-1]) if TIME else usage.ru_maxrss
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, args[:4]))} … failed ({code}): {err[:400]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, rss_kb / 1024)


def median_run(args: list[str], runs: int, cwd: str | None = None) -> Run:
    results = [run(args, cwd) for _ in range(runs)]
    return Run(statistics.median(r.wall for r in results), statistics.median(r.cpu for r in results),
               max(r.rss_mb for r in results))


def fmt(r: Run) -> str:
    return f"{r.wall:.2f} s | {r.cpu:.2f} s | {r.rss_mb:.0f} MB"


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


# -- (1), (2) the example draft, and textlint + prh on it ----------------------------------------------------


def typo_entries() -> list[dict]:
    """The typo list letterlint ships (src/letterlint/data/wordlists.yaml; rules.yaml no longer holds it)."""
    import yaml

    lists = yaml.safe_load((ROOT / "src" / "letterlint" / "data" / "wordlists.yaml").read_text(encoding="utf-8"))
    return lists["entries"]


def install_textlint(folder: Path) -> Path | None:
    npm = shutil.which("npm")
    if npm is None:
        return None
    proc = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", "textlint", "textlint-rule-prh"],
                          cwd=folder, capture_output=True, timeout=600)
    exe = folder / "node_modules" / ".bin" / "textlint"
    return exe if proc.returncode == 0 and exe.exists() else None


def textlint_setup(folder: Path) -> list[str] | None:
    exe = install_textlint(folder)
    if exe is None:
        return None
    rules = [{"expected": e["right"], "patterns": [e["wrong"]]} for e in typo_entries()]
    (folder / "prh.yml").write_text(json.dumps({"version": 1, "rules": rules}, ensure_ascii=False), encoding="utf-8")
    (folder / ".textlintrc.json").write_text(json.dumps({"rules": {"prh": {"rulePaths": ["prh.yml"]}}}), encoding="utf-8")
    shutil.copy(DRAFT, folder / "draft.txt")
    return [str(exe), "--config", str(folder / ".textlintrc.json"), "draft.txt"]


# -- (3), (4) many letters, bigger inputs -------------------------------------------------------------------


FLOOR = """
import re, sys, pathlib
pattern = re.compile(r"RVIM|staatsecretaris")
n = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    n += len(pattern.findall(path.read_text(encoding="utf-8")))
print(n)
"""


def one_file(path: Path, copies: int, one_paragraph: bool) -> Path:
    text = DRAFT.read_text(encoding="utf-8")
    if one_paragraph:
        text = " ".join(line.strip() for line in text.splitlines() if line.strip())
        path.write_text(" ".join([text] * copies), encoding="utf-8")
    else:
        path.write_text("\n".join([text] * copies), encoding="utf-8")
    return path


def growth(rows: list[tuple[float, Run]]) -> list[str]:
    """Time factor per doubling of the input between consecutive rows: (t2/t1) ** (1 / log2(size2/size1))."""
    out = ["–"]
    for (s1, r1), (s2, r2) in zip(rows, rows[1:], strict=False):
        out.append(f"{(r2.cpu / max(r1.cpu, 1e-3)) ** (1 / math.log2(s2 / s1)):.2f}×")
    return out


# -- (6) .docx reading ----------------------------------------------------------------------------------------


def docx_throughput() -> tuple[int, float, float] | None:
    """Files, MB and seconds to read every corpus .docx (in this process: reading only, no rules)."""
    files = sorted((SHARED / "corpus" / "docx").glob("*.docx")) + sorted((SHARED / "corpus" / "docx-nl").glob("*.docx"))
    if not files:
        return None
    sys.path.insert(0, str(ROOT / "src"))
    from letterlint.readers import InputError, read_path

    size = sum(f.stat().st_size for f in files) / 1e6
    start = time.process_time()
    for f in files:
        try:
            read_path(str(f))
        except InputError:
            pass  # a damaged file is refused: its time counts, it gives no document
    return len(files), size, time.process_time() - start


# -- the table ---------------------------------------------------------------------------------------------


def section_draft(runs: int, tmp: Path, use_textlint: bool) -> Run:
    base = command()
    print("| (1)–(2) the example draft, whole process | wall | CPU | peak memory | target |\n|---|---:|---:|---:|---|")
    version = median_run(base + ["--version"], runs)
    print(f"| `letterlint --version` (start-up only) | {fmt(version)} | |")
    draft = median_run(base + [str(DRAFT)], runs)
    setup = textlint_setup(tmp / "textlint") if use_textlint and (tmp / "textlint").mkdir() is None else None
    if setup is None:
        print(f"| letterlint, {DRAFT.name} ({DRAFT.stat().st_size // 1024} KB), all default rules | {fmt(draft)} | |")
        print("| textlint + textlint-rule-prh | not measured (no npm or no network) | | | |")
        return draft
    peer = median_run(setup, runs, cwd=str(tmp / "textlint"))
    ratio = draft.cpu / peer.cpu
    print(f"| letterlint, {DRAFT.name} ({DRAFT.stat().st_size // 1024} KB), all default rules | {fmt(draft)} "
          f"| {ratio:.2f}× textlint (CPU), ≤ 0.5× {mark(ratio <= 0.5)} |")
    print(f"| textlint + textlint-rule-prh, the same text, the {len(typo_entries())} typo entries letterlint ships "
          f"| {fmt(peer)} | |")
    return draft


def section_letters(runs: int, tmp: Path) -> None:
    folder = letters(tmp / "letters-100", 100)
    floor = median_run([sys.executable, "-c", FLOOR, str(folder)], runs)
    print("\n| (3) 100 letters (copies of the draft with edits) | wall | CPU | peak memory | target |\n|---|---:|---:|---:|---|")
    print(f"| floor: one Python process reading them and running one regex | {fmt(floor)} | |")
    for jobs in ("1", "2"):
        r = median_run(command() + ["-j", jobs, "--format", "json", str(folder)], max(1, runs // 2))
        ratio = r.cpu / floor.cpu
        target = f"≤ 25× the floor {mark(ratio <= 25)}" if jobs == "1" else f"wall {r.wall / floor.wall:.0f}× the floor's wall"
        print(f"| letterlint -j {jobs} | {fmt(r)} | {ratio:.0f}× the floor (CPU); {target} |")
    cache = tmp / "cache"
    cold = run(command() + ["--cache", "--cache-dir", str(cache), "--format", "json", str(folder)])
    warm = median_run(command() + ["--cache", "--cache-dir", str(cache), "--format", "json", str(folder)], runs)
    print(f"| letterlint --cache, first run (fills the cache) | {fmt(cold)} | |")
    print(f"| letterlint --cache, again, nothing changed | {fmt(warm)} | {cold.cpu / max(warm.cpu, 1e-3):.0f}× less CPU |")


def section_growth(tmp: Path, sizes: list[int]) -> None:
    global BASE_MB
    tiny = tmp / "one-line.txt"
    tiny.write_text("Geachte voorzitter,\n", encoding="utf-8")
    BASE_MB = median_run(command() + ["--format", "json", str(tiny)], 3).rss_mb
    print("\n| (4) bigger inputs | size | wall | CPU | peak memory | growth per doubling (CPU) | memory / text |"
          "\n|---|---:|---:|---:|---:|---:|---:|")
    draft_mb = DRAFT.stat().st_size / 1e6
    for label, one_paragraph in (("the draft N× in one file", False), ("the draft N× as one paragraph", True)):
        rows = []
        for n in sizes:
            path = one_file(tmp / f"big-{n}-{int(one_paragraph)}.txt", n, one_paragraph)
            rows.append((path.stat().st_size / 1e6, run(command() + ["--format", "json", str(path)])))
        _print_growth(label, rows)
    print(f"| (memory / text: peak memory less {BASE_MB:.0f} MB — a run on a one-line letter: the interpreter, modules, "
          "word lists and patterns — over the text size; in brackets the whole peak over the text size) | | | | | | |")
    rows = []
    for n in (10 * s for s in sizes):  # 10, 100, 1,000 files
        folder = letters(tmp / f"files-{n}", n)
        rows.append((n * draft_mb, run(command() + ["--format", "json", str(folder)])))
        shutil.rmtree(folder)
    _print_growth("N files (copies of the draft with edits)", rows)


BASE_MB = 0.0  # a run on a one-line letter (measured first): the interpreter, modules, word lists, not the text


def _print_growth(label: str, rows: list[tuple[float, Run]]) -> None:
    for (size, r), g in zip(rows, growth(rows), strict=True):
        per, whole = (r.rss_mb - BASE_MB) / size, r.rss_mb / size
        print(f"| {label} | {size:.1f} MB | {r.wall:.2f} s | {r.cpu:.2f} s | {r.rss_mb:.0f} MB | {g} "
              f"| {per:.0f}× ({whole:.0f}×) |")


def section_paragraph_target(tmp: Path) -> None:
    path = one_file(tmp / "six-mb.txt", 40, True)
    r = run(command() + ["--format", "json", str(path)])
    ok = r.cpu <= 10 and r.rss_mb <= 300
    print(f"| a {path.stat().st_size / 1e6:.1f} MB paragraph: ≤ 10 s and ≤ 300 MB {mark(ok)} | | {r.wall:.2f} s "
          f"| {r.cpu:.2f} s | {r.rss_mb:.0f} MB | | |")


def section_docx(runs: int) -> None:
    print("\n| (5)–(6) .docx | wall | CPU | peak memory | target |\n|---|---:|---:|---:|---|")
    r = median_run(command() + [str(SMALL_DOCX)], runs)
    print(f"| {SMALL_DOCX.name} ({SMALL_DOCX.stat().st_size // 1024} KB, 2 pages), whole process | {fmt(r)} "
          f"| ≤ 0.12 s {mark(r.cpu <= 0.12)} (CPU) |")
    found = docx_throughput()
    if found is None:
        print("| reading the corpus .docx files | not measured (../shared/corpus absent) | | | |")
        return
    n, size, seconds = found
    print(f"| reading {n} corpus .docx files ({size:.1f} MB), in-process | | {seconds:.2f} s | | "
          f"{size / seconds:.1f} MB/s |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="3 runs, sizes 1× and 10× only")
    ap.add_argument("--no-textlint", action="store_true")
    args = ap.parse_args()
    runs = 3 if args.quick else args.runs
    sizes = [1, 10] if args.quick else [1, 10, 100]
    cpu = open("/proc/cpuinfo").read().split("model name")[1].split("\n")[0].strip(" :\t") if os.path.exists("/proc/cpuinfo") else platform.processor()
    print(f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python "
          f"{platform.python_version()}; load average at start {os.getloadavg()[0]:.1f}; "
          f"{time.strftime('%Y-%m-%d %H:%M')}; command: {' '.join(Path(c).name for c in command())}\n")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        section_draft(runs, tmp, not args.no_textlint)
        section_letters(runs, tmp)
        section_growth(tmp, sizes)
        if not args.quick:
            section_paragraph_target(tmp)
        section_docx(runs)


if __name__ == "__main__":
    main()

"""Benchmark of duplicate-answer and repeated-passage: in one letter, and --across-files on many letters.

    python bench/bench_duplicates.py                      # defaults: letters 250,500,1000; 3 runs each
    python bench/bench_duplicates.py --letters 50,100 --runs 1    # a quick look

1. In one letter (the example draft, in-process): the shared analysis, each rule, the findings.
2. Across files: folders of letters built from the corpus (the example draft and, where ../shared is
   beside the checkout, the published letters in ../shared/corpus/letters): every letter has 8–20
   questions with answers; a quarter of the answers are reused from the pool (verbatim or with a few words
   changed), the rest are made unique (every third word replaced).  Each folder is linted by the
   installed command three ways: all rules with --across-files; all rules without it; and without the
   duplicate rules (--ignore duplicate-answer,repeated-passage).  The target: the duplicate rules add less
   than the rest of the linting costs, and time grows linearly with the number of letters.
3. The parent's share of --across-files (check_across on the summaries of the largest folder, in-process):
   the part that stays serial when files are linted in parallel.

Prints Markdown tables.  The letters are written to a temporary folder (removed afterwards), made with a
fixed seed, so every run lints the same text.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "examples" / "schriftelijk-overleg-actieagenda-industrie-en-omwonenden.txt"
SHARED = Path(os.environ.get("LETTERLINT_SHARED", ROOT.parent / "shared"))
RULES = "duplicate-answer,repeated-passage"

sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


from _common import command  # noqa: E402  (bench/_common.py, beside this script)

# -- 1. one letter -------------------------------------------------------------------------------------


def in_letter(runs: int) -> list[tuple[str, float, str]]:
    from letterlint import analyses
    from letterlint.config import load_config
    from letterlint.readers import read_path
    from letterlint.runner import build_plan, lint_document
    from letterlint.similarity import analyse

    plan = build_plan(load_config(None, search=False))
    active = {a.rule.id: a for a in plan.rules}
    doc = read_path(DRAFT)
    analyse(doc)  # warm the word caches as a long-running process would have them

    def cold() -> None:  # the similarity analysis made again (the structure it reads stays made)
        made = analyses.of(doc)._keyed
        for key in [k for k in made if k[0] == "similarity"]:
            del made[key]

    def best(fn) -> float:
        times = []
        for _ in range(runs):
            cold()
            start = time.process_time()  # CPU time: steadier than the wall clock on a shared machine
            fn()
            times.append((time.process_time() - start) * 1000)
        return min(times)

    rows = []
    analysis = analyse(doc)
    rows.append(("analysis (words, shingles, index, alignment; shared by both rules)", best(lambda: analyse(doc)),
                 f"{len(analysis.units)} answers, {len(analysis.pairs)} pairs aligned"))
    for rule_id in RULES.split(","):
        a = active[rule_id]
        found = list(a.rule.check(doc, a.ctx))
        rows.append((f"{rule_id} (from a cold start, analysis included)", best(lambda a=a: list(a.rule.check(doc, a.ctx))),
                     f"{len(found)} findings"))

    def both() -> None:
        for rule_id in RULES.split(","):
            list(active[rule_id].rule.check(doc, active[rule_id].ctx))

    rows.append(("both rules together (analysis once)", best(both), ""))

    def rest() -> None:
        fresh = read_path(DRAFT)
        for a in plan.rules:
            if a.rule.id not in RULES.split(","):
                list(a.rule.check(fresh, a.ctx))

    rows.append(("for comparison: reading the draft and the other rules", best(rest), ""))
    findings, _ = lint_document(read_path(DRAFT), plan)
    rows.append(("all rules, findings", 0.0, f"{sum(f.rule in RULES for f in findings)} of {len(findings)} "
                                             "findings are from the duplicate rules"))
    return rows


def memory(copies: int = 10) -> list[tuple[str, float, float, str]]:
    """The analysis's memory on a long input: the draft `copies` times in one file, and as one paragraph
    (as bench/speed.py builds them): what it keeps with the document, and its peak while it is made."""
    import gc
    import tracemalloc

    from letterlint.readers import read_path
    from letterlint.similarity import build_index
    from letterlint.structure import structure

    text = DRAFT.read_text(encoding="utf-8")
    flat = " ".join(line.strip() for line in text.splitlines() if line.strip())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, body in (("in one file", "\n".join([text] * copies)), ("as one paragraph", " ".join([flat] * copies))):
            path = Path(tmp) / "big.txt"
            path.write_text(body, encoding="utf-8")
            doc = read_path(path)
            structure(doc, {})
            build_index(doc, {})  # word caches warm, as in a long run
            gc.collect()
            tracemalloc.start()
            analysis = build_index(doc, {})
            kept, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            rows.append((f"the draft {copies}× {label} ({path.stat().st_size / 1e6:.1f} MB)", kept / 1e6, peak / 1e6,
                         f"{len(analysis.units)} units, {len(analysis.pairs)} pairs"))
    return rows


# -- 2. many letters -----------------------------------------------------------------------------------


def pool() -> list[tuple[str, str]]:
    """(question, answer) pairs from the example draft and the published letters of the corpus."""
    from letterlint.readers import read_path
    from letterlint.structure import structure

    paths = [DRAFT] + sorted((SHARED / "corpus" / "letters").glob("*.txt"))
    out = []
    for path in paths:
        try:
            doc = read_path(path)
        except Exception:
            continue
        for answer in structure(doc).answers:
            text = " ".join(answer.text.split())
            question = " ".join(" ".join(q.text.split()) for q in answer.questions)
            question = re.sub(r"^(?:Vraag\s+\d+[a-z]?\s*[:.]?\s*)+", "", question)  # the generator numbers them
            if len(text.split()) >= 8 and question:
                out.append((question, text))
    return out


def edit(text: str, rng: random.Random, vocabulary: list[str], every: int | None = None, changes: int = 0) -> str:
    words = text.split()
    if every:  # make the text unique: no five-word run survives
        for i in range(rng.randrange(every), len(words), every):
            words[i] = rng.choice(vocabulary)
    for _ in range(changes):  # a few light edits
        i = rng.randrange(len(words))
        words[i] = rng.choice(("de", "deze", "het", "dit", words[i]))
    return " ".join(words)


TRUTH: dict[str, dict[int, tuple[int, bool]]] = {}  # path → {line of an answer: (pool item, reused?)}


def make_letters(folder: Path, n: int, qa: list[tuple[str, str]], seed: int = 4) -> int:
    rng = random.Random(seed)
    vocabulary = sorted({w for _, a in qa for w in a.split() if w.isalpha()})
    size = 0
    for i in range(n):
        numbered = i % 2 == 1
        lines = ["Geachte voorzitter,", "",
                 f"Hierbij ontvangt u de antwoorden op de vragen over onderwerp {i} (kenmerk IENW/BSK-2026/{i:05d}).", ""]
        path = folder / f"brief-{i:05d}.txt"
        truth = TRUTH[str(path)] = {}
        for k in range(1, rng.randint(8, 20) + 1):
            item = rng.randrange(len(qa))
            question, answer = qa[item]
            question = edit(question.rstrip("?"), rng, vocabulary, every=4) + "?"  # still a question
            reused = rng.random() < 0.25
            if reused:
                answer = edit(answer, rng, vocabulary, changes=rng.choice((0, 0, 1, 2, 3)))
            else:
                answer = edit(answer, rng, vocabulary, every=3)
            if numbered:
                lines += [f"Vraag {k}", question, "", f"Antwoord {k}"]
                truth[len(lines) + 1] = (item, reused)
                lines += [answer, ""]
            else:
                lines += [question]
                truth[len(lines) + 1] = (item, reused)
                lines += [f"Antwoord: {answer}", ""]
        lines += ["Hoogachtend,", "", "DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,", ""]
        text = "\n".join(lines)
        size += len(text.encode("utf-8"))
        path.write_text(text, encoding="utf-8")
    return size


def timed(args: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"letterlint failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def across(counts: list[int], runs: int) -> tuple[list[tuple], Path | None, str]:
    qa = pool()
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="letterlint-bench-"))
    sizes = {}
    for n in counts:
        folder = tmp / f"letters-{n}"
        folder.mkdir()
        sizes[n] = make_letters(folder, n, qa)
        base = command() + ["--format", "json", str(folder)]
        cases = {"across": base + ["--across-files"], "in-letter": base, "without": base + ["--ignore", RULES]}
        times = {}
        for name, args in cases.items():
            measured = [timed(args) for _ in range(runs)]
            times[name] = min(m[0] for m in measured)
            times[name + "-cpu"] = min(m[1] for m in measured)
        rows.append((n, sizes[n], times))
    note = f"pool: {len(qa)} question–answer pairs"
    return rows, tmp, note


def parent_share(folder: Path) -> tuple[float, int, int, int, int]:
    """check_across alone on the summaries of all letters in a folder (in-process), and how right it is.

    Reported answers that were made unique are false positives; reused answers (15 words or more) whose
    pool item was reused in another letter too, but that are not reported, are misses.
    """
    from letterlint.config import load_config
    from letterlint.runner import build_plan, lint_across, lint_file

    plan = build_plan(load_config(None, search=False), select=RULES.split(","))
    plan.across = True
    results = [lint_file(str(p), plan) for p in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    lint_across(results, plan)
    elapsed = time.perf_counter() - start
    reported = {(r.path, f.location.line) for r in results for f in r.findings
                if f.severity == "info" and f.rule == "duplicate-answer" and any(rel.path for rel in f.related)}
    letters_of: dict[int, set[str]] = {}
    for path, answers in TRUTH.items():
        if path.startswith(str(folder)):
            for item, reused in answers.values():
                if reused:
                    letters_of.setdefault(item, set()).add(path)
    qa = pool()
    expected = {(path, line) for path, answers in TRUTH.items() if path.startswith(str(folder))
                for line, (item, reused) in answers.items()
                if reused and len(letters_of[item]) > 1 and len(qa[item][1].split()) >= 15}
    unique = {(path, line) for path, answers in TRUTH.items() if path.startswith(str(folder))
              for line, (_, reused) in answers.items() if not reused}
    return elapsed, len(results), len(reported), len(reported & unique), len(expected - reported)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement; the best is shown")
    ap.add_argument("--letters", default="250,500,1000", help="folder sizes for --across-files")
    ap.add_argument("--no-across", action="store_true", help="only the one-letter and memory tables")
    args = ap.parse_args()
    counts = [int(c) for c in args.letters.split(",") if c]

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"command: {' '.join(Path(c).name for c in command())}\n")
    print("| in one letter: the example draft (in-process, best of runs, CPU time) | ms | |\n|---|---:|---|")
    for label, ms, note in in_letter(max(args.runs, 5)):
        print(f"| {label} | {ms:.1f} | {note} |" if ms else f"| {label} | | {note} |")
    print("\n| the analysis on a long input (tracemalloc) | kept, MB | peak, MB | |\n|---|---:|---:|---|")
    for label, kept, peak, note in memory():
        print(f"| {label} | {kept:.1f} | {peak:.1f} | {note} |")
    if args.no_across:
        return

    rows, tmp, note = across(counts, args.runs)
    try:
        print(f"\nLetters built from the corpus ({note}); one `letterlint --format json FOLDER` run, best of "
              f"{args.runs}: wall time, and CPU time (user + system; steadier on a shared machine).\n")
        print("| letters | MB | without the duplicate rules | with them, in each letter | with them and "
              "--across-files | added by the duplicate rules (across, CPU) | per letter (across, CPU) |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for n, size, t in rows:
            added = t["across-cpu"] - t["without-cpu"]
            print(f"| {n} | {size / 1e6:.1f} | {t['without']:.2f} s / {t['without-cpu']:.2f} s CPU | "
                  f"{t['in-letter']:.2f} s / {t['in-letter-cpu']:.2f} s | {t['across']:.2f} s / {t['across-cpu']:.2f} s | "
                  f"{added:+.2f} s ({added / t['without-cpu'] * 100:.0f}% of the rest) | "
                  f"{t['across-cpu'] / n * 1000:.1f} ms |")
        largest = tmp / f"letters-{max(counts)}"
        elapsed, n, found, false, missed = parent_share(largest)
        print(f"\ncheck_across on the summaries of {n} letters (the serial part under -j N): {elapsed * 1000:.0f} ms; "
              f"{found} answers reported as recurring in other letters; {false} of them were made unique (false "
              f"positives); {missed} reused answers of 15 words or more, reused in another letter too, not reported.")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Recall of the misspelling rule on slips injected into clean text (used by the quality tests and to write
docs/spelling.md: `python tests/slip_quality.py FILE…` prints the numbers)."""

from __future__ import annotations

import sys
from pathlib import Path

from slip_injection import inject

from letterlint import vocabulary


def known(word: str) -> bool:
    vocab = vocabulary.load()
    return vocab is not None and word.lower() in vocab


def measure(text: str, name: str, seeds=range(3), rules=("misspelling", "typo")) -> tuple[int, int, list]:
    """(found, made, missed) over the seeds: each seed puts one slip in every line that has a word for it."""
    from conftest import lint_text

    found = made = 0
    missed = []
    for seed in seeds:
        lines = text.split("\n")
        changed, slips = inject(lines, seed, real_word=known)
        findings = lint_text("\n".join(changed), name, select=list(rules))
        at = {}
        for f in findings:
            at.setdefault(f.location.line, []).append(f.location.text)
        for s in slips:
            made += 1
            if any(s.slip in t for t in at.get(s.paragraph + 1, ())):
                found += 1
            else:
                missed.append(s)
    return found, made, missed


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    total_found = total_made = 0
    for path in sys.argv[1:]:
        f, m, missed = measure(Path(path).read_text(encoding="utf-8"), Path(path).name)
        total_found += f
        total_made += m
        print(f"{Path(path).name}: {f}/{m}")
        for s in missed:
            print(f"   missed {s.kind}: {s.word} → {s.slip}")
    print(f"recall {total_found}/{total_made} = {total_found / max(total_made, 1):.1%}")

"""What the benchmark scripts share."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "examples" / "schriftelijk-overleg-actieagenda-industrie-en-omwonenden.txt"


def command() -> list[str]:
    """The installed command: beside this Python (a virtual environment), else on PATH, else python -m."""
    beside = Path(sys.executable).parent / "letterlint"
    exe = str(beside) if beside.exists() else shutil.which("letterlint")
    return [exe] if exe else [sys.executable, "-m", "letterlint"]


def letters(folder: Path, n: int, source: Path = DRAFT) -> Path:
    """n letters built from the draft (or source), each a little different (no two files are identical)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = source.read_text(encoding="utf-8").split("\n")
    for i in range(n):
        edited = list(lines)
        k = (i * 7919) % len(edited)
        edited[k] = edited[k].replace(" de ", " deze ", 1)
        edited.insert(0, f"Kenmerk IENW/BSK-2026/{i:05d}")
        (folder / f"brief-{i:05d}{source.suffix}").write_text("\n".join(edited), encoding="utf-8")
    return folder

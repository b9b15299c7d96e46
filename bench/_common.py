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

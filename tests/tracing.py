"""Counting executed lines: how tests assert an amount of work without timing it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import CodeType


def letterlint_code(code: CodeType) -> bool:
    """letterlint's code and its rules'."""
    return "letterlint" in code.co_filename or "lint_rules" in code.co_filename


def line_events(func: Callable[[], object], where: Callable[[CodeType], bool] = letterlint_code) -> int:
    """How many lines of the code `where` accepts (default: letterlint's and its rules') run while func() does."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += event == "line"
        return local

    def watch(frame, event, arg):
        return local if where(frame.f_code) else None

    sys.settrace(watch)
    try:
        func()
    finally:
        sys.settrace(None)
    return count

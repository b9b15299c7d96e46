"""Reporters: findings → text for people, JSON for tools, SARIF for code scanning, GitHub workflow commands,
GitLab Code Quality (Code Climate JSON), JUnit XML, and a self-contained HTML page.

More formats register in `_NAMES` (a format is the module of that name in this package, imported only when
that format is asked for: start-up).  A reporter is `report(results, out, *, lang, color, **context)`; the
context holds `plan` (the rules that ran, for SARIF's rule descriptions).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping

# each format is the module of that name here; importing them all would cost every run ~25 ms (junit alone
# loads xml.sax, github urllib)
_NAMES = ("text", "json", "sarif", "github", "gitlab", "junit", "html")


class _Formats(Mapping[str, Callable]):
    """FORMATS[name] is that format's report function, its module imported on first use."""

    def __getitem__(self, name: str) -> Callable:
        if name not in _NAMES:
            raise KeyError(name)
        return importlib.import_module(f"{__name__}.{name}").report

    def __iter__(self) -> Iterator[str]:
        return iter(_NAMES)

    def __len__(self) -> int:
        return len(_NAMES)


FORMATS: Mapping[str, Callable] = _Formats()

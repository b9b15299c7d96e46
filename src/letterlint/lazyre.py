"""Patterns compiled when first used, not at import.

Compiling a pattern with the `regex` module costs a fraction of a millisecond; letterlint has hundreds, and
most are needed only when a paragraph passes a cheaper test first (a quick check for "nr." before the
citation grammar).  A small .docx used to spend most of its run compiling patterns it never used.

    NAME = lazy(r"…", regex.IGNORECASE)        # a regex.Pattern on first use: NAME.search(text) …
"""

from __future__ import annotations

from typing import Any


class LazyPattern:
    """After the first use, each method asked for is kept on the instance, so later calls (NAME.search in a
    loop over words) cost a plain attribute lookup, not a call of __getattr__."""

    def __init__(self, module: str, *args: Any, **kwargs: Any) -> None:
        self._module, self._args, self._kwargs = module, args, kwargs
        self._compiled: Any = None

    def compiled(self) -> Any:
        if self._compiled is None:
            if self._module == "re":
                import re

                self._compiled = re.compile(*self._args, **self._kwargs)
            else:
                import regex

                self._compiled = regex.compile(*self._args, **self._kwargs)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # search, finditer, pattern, … of the compiled pattern
        if name.startswith("_"):
            raise AttributeError(name)  # copy, pickle and the attributes of __init__ are not the pattern's
        value = getattr(self.compiled(), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(*args: Any, **kwargs: Any) -> LazyPattern:
    """Like regex.compile, compiled on first use."""
    return LazyPattern("regex", *args, **kwargs)


def lazy_re(*args: Any, **kwargs: Any) -> LazyPattern:
    """Like re.compile (the standard library's), compiled on first use."""
    return LazyPattern("re", *args, **kwargs)

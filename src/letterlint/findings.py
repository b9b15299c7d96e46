"""Findings: what rules yield and reporters print."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .model import Location


class Severity(StrEnum):
    """How serious a finding is.  A str: `Severity.ERROR == "error"`, and JSON, YAML options and reporters see
    the plain word."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


SEVERITIES = tuple(Severity)  # from least to most severe
RANK: dict[str, int] = {name: i for i, name in enumerate(SEVERITIES)}  # also answers for the plain words ("error")


def lower(severity: str) -> Severity:
    """One step less severe (error → warning → info)."""
    return SEVERITIES[max(RANK[severity] - 1, 0)]


@dataclass(frozen=True, slots=True)
class Msg:
    """A message in Dutch (for the writers) and English."""

    nl: str
    en: str

    def __call__(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl

    def __str__(self) -> str:
        return self.nl


def msg(nl: str, en: str | None = None) -> Msg:
    return Msg(nl, nl if en is None else en)


def as_msg(value: str | Msg | None) -> Msg | None:
    if value is None or isinstance(value, Msg):
        return value
    return Msg(value, value)


@dataclass(frozen=True, slots=True)
class Fix:
    """A replacement of the finding's span (or of the span given here, in the same coordinates).

    `safe` fixes are applied by `--fix`; unsafe ones only with `--unsafe-fixes`.

    `action` says what kind of change it is (see `letterlint.fixes`):
      "replace"           replace the span with `replacement` (every format);
      "remove-bookmarks"  .docx only: remove the bookmarks named in `data` (their w:bookmarkStart and
                          w:bookmarkEnd) from the story of the finding's paragraph; `replacement` is unused.
    A fix whose action a format cannot carry out is left alone (and its finding stays).
    """

    replacement: str
    safe: bool = True
    raw_start: int | None = None
    raw_end: int | None = None
    action: str = "replace"
    data: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding is about (the first copy of a duplicate, the other end of a footnote)."""

    location: Location
    label: Msg
    path: str | None = None  # another file, for findings across files


@dataclass(frozen=True, slots=True)
class Finding:
    location: Location
    message: Msg
    suggestion: Msg | None = None
    fix: Fix | None = None
    severity: str | None = None  # a Severity; set by a rule only where it differs from the configured one
    related: tuple[Related, ...] = ()
    rule: str = ""  # filled in by the runner
    context: str = ""  # filled in by the runner: the offending text with the text around it (baselines, SARIF)

    def __post_init__(self) -> None:
        if isinstance(self.message, str):
            object.__setattr__(self, "message", Msg(self.message, self.message))
        if isinstance(self.suggestion, str):
            object.__setattr__(self, "suggestion", Msg(self.suggestion, self.suggestion))

    def sort_key(self) -> tuple:
        loc = self.location
        part_order = 0 if loc.part == "body" else 1
        return (loc.line or 0, loc.paragraph, part_order, loc.raw_start, loc.raw_end, self.rule)

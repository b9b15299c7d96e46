"""Findings: what rules yield and reporters print."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from operator import attrgetter
from typing import Any, Literal, TypeVar

from .model import Document, Location, Paragraph

T = TypeVar("T")
_SHAPES: dict[type, tuple[attrgetter, dict[str, int]]] = {}


def evolve(obj: T, **changes: Any) -> T:
    """`dataclasses.replace` for the engine's per-finding path: the same result, a third of the time (the
    field names are looked up once per class, the values read in one C call).  Every finding passes
    through a few of these, so on a letter with hundreds of findings it counts."""
    cls = type(obj)
    shape = _SHAPES.get(cls)
    if shape is None:
        names = [f.name for f in fields(cls) if f.init]  # type: ignore[arg-type]
        shape = _SHAPES[cls] = (attrgetter(*names), {name: i for i, name in enumerate(names)})
    getter, index = shape
    values = list(getter(obj)) if len(index) > 1 else [getter(obj)]
    for name, value in changes.items():
        values[index[name]] = value
    return cls(*values)


class Severity(StrEnum):
    """How serious a finding is.  A str: `Severity.ERROR == "error"`, and JSON, YAML options and reporters see
    the plain word."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


SEVERITIES = tuple(Severity)  # from least to most severe
RANK: dict[str, int] = {name: i for i, name in enumerate(SEVERITIES)}  # also answers for the plain words ("error")
_BY_NAME: dict[str, Severity] = {s.value: s for s in SEVERITIES}


def severity(value: str) -> Severity:
    """`Severity(value)` without the enum machinery (a dict look-up); an unknown word raises ValueError."""
    found = _BY_NAME.get(value)
    return found if found is not None else Severity(value)


def lower(severity: str) -> Severity:
    """One step less severe (error → warning → info)."""
    return SEVERITIES[max(RANK[severity] - 1, 0)]


# Not frozen, but hashable and compared by value as before (unsafe_hash: the same __hash__ and __eq__ a
# frozen dataclass has): a frozen dataclass sets each field with object.__setattr__, and a letter makes
# hundreds of these (a finding, its location, its message) — several times the cost of plain slots.
# Nothing changes one once made: the engine makes a new one (`evolve`).
@dataclass(slots=True, unsafe_hash=True)
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


Applicability = Literal["safe", "unsafe"]


@dataclass(slots=True, unsafe_hash=True)  # see Msg
class TextEdit:
    """Replace [start, end) of `paragraph.text` — the cleaned text a rule reads — with the fix's replacement.

    The engine maps it to the file (`resolve_fix`): offsets in `Document.source` for text exports and
    Markdown, in the paragraph's raw text for .docx; and it refuses a span whose raw text is not the cleaned
    text verbatim (a leaked marker, a footnote reference or a Markdown emphasis inside would be lost)."""

    paragraph: Paragraph
    start: int
    end: int


@dataclass(slots=True, unsafe_hash=True)  # see Msg
class Fix:
    """A change that resolves a finding; `safe` fixes are applied by `--fix`, unsafe ones only with
    `--unsafe-fixes`.

    How a rule expresses one:
      Fix.text_edit(par, start, end, replacement, "safe")  a typed edit in cleaned-text coordinates (preferred);
      Fix(replacement, safe)                               replace the finding's own span (the raw text of its
                                                           location, markers included: for removing or moving
                                                           leaked markers);
      Fix(replacement, safe, raw_start=…, raw_end=…)       another raw span, in the finding location's
                                                           coordinates (marker-level edits only).

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
    edit: TextEdit | None = None  # resolved by the engine into raw_start/raw_end
    refused: Msg | None = None  # set by the engine: why this fix cannot be made (the finding stays)

    @classmethod
    def text_edit(cls, paragraph: Paragraph, start: int, end: int, replacement: str,
                  applicability: Applicability = "safe") -> Fix:
        return cls(replacement, safe=applicability == "safe", edit=TextEdit(paragraph, start, end))

    @property
    def applicability(self) -> Applicability:
        return "safe" if self.safe else "unsafe"


NOT_VERBATIM = {
    "markdown": Msg("de tekst bevat Markdown-opmaak die de herstelling zou breken",
                    "the span contains Markdown markup that the fix would break"),
    None: Msg("de tekst bevat een verborgen markering (voetnootverwijzing, bladwijzer) die de herstelling zou "
              "weghalen", "the span contains a hidden marker (a note reference, a bookmark) that the fix would remove"),
}
ELSEWHERE = Msg("de herstelling ligt buiten de alinea van de bevinding", "the fix lies outside the finding's paragraph")


def resolve_fix(doc: Document, location: Location, fix: Fix | None) -> Fix | None:
    """A rule's fix in the file's coordinates (raw_start/raw_end, those of `Location.raw_start`).

    The one place that checks that a span of cleaned text is exactly the file's text there: a text edit that
    is not verbatim is refused (`Fix.refused` says why; --fix reports it and leaves the finding)."""
    if fix is None or fix.edit is None:
        return fix
    edit = fix.edit
    par = edit.paragraph
    if not 0 <= edit.start <= edit.end <= len(par.text) or par.xml != location.xml:
        return evolve(fix, edit=None, refused=ELSEWHERE)
    if not par.is_verbatim(edit.start, edit.end):
        # hidden text inside (a marker, a reference, markup): replacing it would lose it
        return evolve(fix, edit=None, refused=NOT_VERBATIM.get(doc.format, NOT_VERBATIM[None]))
    start, end = par.span_to_raw(edit.start, edit.end)
    if par.origin is not None and doc.source is not None:
        start, end = par.origin + start, par.origin + end
    return evolve(fix, raw_start=start, raw_end=end, edit=None)


@dataclass(slots=True, unsafe_hash=True)  # see Msg
class Related:
    """Another place a finding is about (the first copy of a duplicate, the other end of a footnote)."""

    location: Location
    label: Msg
    path: str | None = None  # another file, for findings across files


@dataclass(slots=True, unsafe_hash=True)  # see Msg
class Finding:
    """One problem a rule found: where, what (a message), and a suggestion or fix where there is one."""

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
            self.message = Msg(self.message, self.message)
        if isinstance(self.suggestion, str):
            self.suggestion = Msg(self.suggestion, self.suggestion)

    def sort_key(self) -> tuple:
        loc = self.location
        part_order = 0 if loc.part == "body" else 1
        return (loc.line or 0, loc.paragraph, part_order, loc.raw_start, loc.raw_end, self.rule)


def completed(f: Finding, rule: str, severity: str, fix: Fix | None, context: str) -> Finding:
    """`evolve(f, rule=rule, severity=severity, fix=fix, context=context)`, made in one call: the runner's step
    for every finding a rule yields."""
    return Finding(f.location, f.message, f.suggestion, fix, severity, f.related, rule, context)

"""JSON output, in exactly the shape other tools read (see docs/output.md and docs/usage.md).

Every finding keeps the keys it always had; `related` lists its second places ({path, line, column,
paragraph, message}), `fixable` says whether `letterlint --fix` repairs it, and .docx findings add the places
a writer finds in Word: `section`, `shown_paragraph` (counted as Word's Navigation pane shows paragraphs),
`cell` and `quote`.
"""

from __future__ import annotations

from json import encoder as _json_encoder
from json.encoder import JSONEncoder, encode_basestring  # the C function where there is one
from typing import TYPE_CHECKING

from .. import __version__
from ..findings import Finding

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any, TextIO

    from ..findings import Related
    from ..model import Location
    from ..runner import FileResult


def finding_dict(f: Finding, lang: str) -> dict:
    loc = f.location
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message(lang),
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "paragraph": loc.paragraph,
        "heading": loc.heading,
        "text": loc.text,
        "suggestion": f.suggestion(lang) if f.suggestion is not None else None,
        "fixable": f.fix is not None and f.fix.safe and f.fix.refused is None,
        "related": [related_dict(rel, lang) for rel in f.related],
        **docx_place(loc),
    }


def docx_place(loc: Location) -> dict:
    """The places a writer finds in Word (.docx); the keys are there, null, for the text formats too."""
    return {"section": loc.section, "shown_paragraph": loc.shown, "cell": list(loc.cell) if loc.cell else None,
            "quote": loc.quote, "note": loc.note}


def related_dict(rel: Related, lang: str) -> dict:
    loc = rel.location
    out = {"path": rel.path, "line": loc.line, "column": loc.column, "paragraph": loc.paragraph,
           "message": rel.label(lang)}
    if loc.line is None:
        out.update(shown_paragraph=loc.shown, quote=loc.quote)
    return out


def report(results: Sequence[FileResult], out: TextIO, *, lang: str = "nl", color: bool = False,
           **_context: Any) -> None:
    # {"version": …, "files": [one file after another], "summary": …}: written file by file, so that the
    # dictionaries of a run over a thousand letters are never all in memory at once
    writer = _Writer(out, "  ")
    writer.parts += ("{\n  ", encode_basestring("version"), ": ", encode_basestring(__version__), ",\n  ",
                     encode_basestring("files"), ": ")
    total = errors = 0
    sep = "[\n    "
    for r in results:
        findings = [finding_dict(f, lang) for f in r.findings]
        total += len(findings)
        errors += sum(1 for f in r.findings if f.severity == "error")
        error = r.error(lang) if r.error is not None else None
        writer.parts.append(sep)
        writer.value({"path": r.path, "error": error, "findings": findings}, "\n    ")
        sep = ",\n    "
    writer.parts.append("[]" if sep.startswith("[") else "\n  ]")
    from .text import rule_table

    rules = [{"rule": rule, "severity": sev, "count": n, "fixable": k} for rule, sev, n, k in rule_table(results)]
    summary = {"files": len(results), "findings": total, "errors": errors, "rules": rules}
    writer.parts += (",\n  ", encode_basestring("summary"), ": ")
    writer.value(summary, "\n  ")
    writer.parts.append("\n}\n")
    writer.flush()


# -- writing -------------------------------------------------------------------------------------------------
#
# `json.dump(data, out, ensure_ascii=False, indent=2)` byte for byte, several times faster: with an indent,
# the standard library falls back from its C encoder to a generator per nested value, which on a run over a
# hundred letters (tens of thousands of findings, twenty values each) costs more than the engine's own work on
# them.  Only the types JSON has (and their subclasses, as json treats them); anything else is a TypeError.


def dump(data: object, out: TextIO, indent: int = 2) -> None:
    """Write `data` as `json.dump(data, out, ensure_ascii=False, indent=indent)` does."""
    writer = _Writer(out, " " * indent)
    writer.value(data, "\n")
    writer.flush()


def dumps(data: object, indent: int = 2) -> str:
    import io

    buffer = io.StringIO()
    dump(data, buffer, indent)
    return buffer.getvalue()


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


_SCALAR: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda v: "true" if v else "false",
    type(None): lambda v: "null",
}
_KEY: dict[type, Callable[[Any], str]] = {  # what json makes of a key that is not a string
    int: int.__repr__, float: _float, bool: lambda v: "true" if v else "false", type(None): lambda v: "null"}
FLUSH = 8192  # pieces kept before they are written out (memory stays small on big reports)


class _Writer:
    __slots__ = ("out", "step", "parts")

    def __init__(self, out: TextIO, step: str):
        self.out, self.step = out, step
        self.parts: list[str] = []

    def flush(self) -> None:
        self.out.write("".join(self.parts))
        self.parts.clear()

    def value(self, value: object, newline: str) -> None:
        """Append `value`; `newline` is a line break and the indentation of the line it is on."""
        scalar = _SCALAR.get(type(value))
        if scalar is not None:
            self.parts.append(scalar(value))
        elif isinstance(value, dict):
            self.mapping(value, newline)
        elif isinstance(value, (list, tuple)):
            self.sequence(value, newline)
        else:
            self.parts.append(_subclass(value))
        if len(self.parts) > FLUSH:
            self.flush()

    def flat(self, value: dict | list | tuple, newline: str) -> None:
        """A container of scalars in one call of json's C encoder: its items joined by "," and a line break
        with the inner indentation, which is the indented form but for the brackets' own line breaks."""
        inner = newline + self.step
        encode = _FLAT.get(inner) or _flat_encoder(inner)
        text = encode(value)
        self.parts += (text[0], inner, text[1:-1], newline, text[-1])

    def mapping(self, value: dict, newline: str) -> None:
        if not value:
            self.parts.append("{}")
            return
        if _flat(value.values()):
            self.flat(value, newline)
            return
        inner = newline + self.step
        parts, scalars, sep = self.parts, _SCALAR, "{" + inner
        for key, item in value.items():
            parts += (sep, encode_basestring(key if isinstance(key, str) else _key(key)), ": ")
            scalar = scalars.get(type(item))
            if scalar is not None:
                parts.append(scalar(item))
            else:
                self.value(item, inner)
            sep = "," + inner
        parts.append(newline + "}")

    def sequence(self, value: list | tuple, newline: str) -> None:
        if not value:
            self.parts.append("[]")
            return
        if _flat(value):
            self.flat(value, newline)
            return
        inner = newline + self.step
        sep = "[" + inner
        for item in value:
            self.parts.append(sep)
            self.value(item, inner)
            sep = "," + inner
        self.parts.append(newline + "]")


c_make_encoder = getattr(_json_encoder, "c_make_encoder", None)  # None without json's C speed-ups
_FLAT: dict[str, Callable[[object], str]] = {}  # by inner indentation
_EMPTY = (list, tuple, dict)


def _flat_encoder(inner: str) -> Callable[[object], str]:
    """json's C encoder, made once per indentation (JSONEncoder.encode makes one per call), items separated
    by "," and `inner`."""
    if c_make_encoder is None:  # no C speed-ups: the same text, at the Python encoder's speed
        encoder = JSONEncoder(ensure_ascii=False, check_circular=False, separators=("," + inner, ": "))
        _FLAT[inner] = encoder.encode
        return encoder.encode
    make = c_make_encoder(None, _unserializable, encode_basestring, None, ": ", "," + inner, False, False, True)

    def encode(value: object) -> str:
        return "".join(make(value, 0))

    _FLAT[inner] = encode
    return encode


def _unserializable(value: object) -> object:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _flat(values: Iterable[object]) -> bool:
    """Are these only scalars and empty containers (what the C encoder writes the same with or without indent)?"""
    scalars = _SCALAR
    for v in values:
        if type(v) in scalars or (not v and isinstance(v, _EMPTY)) or isinstance(v, (str, int, float)):
            continue
        return False
    return True


def _key(key: object) -> str:
    for kind in (bool, int, float, type(None)):  # bool before int, as json does
        if isinstance(key, kind):
            return _KEY[kind](key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _subclass(value: object) -> str:
    """A subclass of a JSON type (a str enum, an int enum), encoded as json encodes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

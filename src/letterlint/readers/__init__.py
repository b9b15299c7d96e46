"""Readers: a file (or stdin) in, one Document out.  Picks the reader by extension, checks the content."""

from __future__ import annotations

import os
from pathlib import Path

from ..model import Document, Format
from .common import EMPTY_ZIP_MAGIC, OLE_MAGIC, ZIP_MAGIC, InputError, decode_text

DOCX = {".docx", ".docm", ".dotx", ".dotm"}
MARKDOWN = {".md", ".markdown"}
TEXT = {".txt", ".text"}
SUPPORTED = DOCX | MARKDOWN | TEXT
MAX_INPUT_BYTES = 200 * 1024 * 1024

__all__ = ["InputError", "read_path", "read_bytes", "SUPPORTED", "kind_of"]


def kind_of(name: str) -> Format | None:
    suffix = Path(name).suffix.lower()
    if suffix in DOCX:
        return Format.DOCX
    if suffix in MARKDOWN:
        return Format.MARKDOWN
    if suffix in TEXT:
        return Format.TEXT
    return None


def read_bytes(data: bytes, name: str, kind: str | None = None) -> Document:
    """Build the document model of `data`, named `name` (whose extension picks the reader)."""
    try:
        return _read(data, name, kind)
    except RecursionError:  # the readers walk XML trees recursively: nesting past Python's stack is refused
        raise InputError("het document is te diep genest (meer niveaus dan letterlint leest)",
                         "the document is nested too deeply (more levels than letterlint reads)") from None


def _read(data: bytes, name: str, kind: str | None) -> Document:
    kind = kind or kind_of(name)
    suffix = Path(name).suffix.lower()
    if kind is None:
        if suffix == ".doc" or data.startswith(OLE_MAGIC):
            from .docx import ole_error

            raise ole_error(data)
        if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
            kind = "docx"  # a renamed .docx reads fine; any other zip gets a clear message from the reader
        elif suffix in ("", ".log", ".csv") or suffix[1:].isdigit():
            kind = "text"
        else:
            raise InputError(f"bestandstype {suffix} wordt niet gelezen; letterlint leest .docx, .txt en .md",
                             f"file type {suffix} is not read; letterlint reads .docx, .txt and .md")
    if kind == "docx":
        from .docx import read_docx

        if not data:
            raise InputError("het bestand is leeg", "the file is empty")
        return read_docx(data, name)
    text, meta = decode_text(data)
    if kind == "markdown":
        from .markdown import read_markdown

        return read_markdown(text, name, meta)
    from .export import read_export

    return read_export(text, name, meta)


def read_path(path: str | os.PathLike, kind: str | None = None) -> Document:
    name = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_INPUT_BYTES:
            raise InputError(f"het bestand is te groot ({size // (1024 * 1024)} MB)",
                             f"the file is too large ({size // (1024 * 1024)} MB)")
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError("bestand niet gevonden", "file not found") from None
    except IsADirectoryError:
        raise InputError("dit is een map, geen bestand", "this is a directory, not a file") from None
    except PermissionError:
        raise InputError("geen leesrechten voor dit bestand", "no permission to read this file") from None
    except OSError as exc:
        from ..catalogue import reason

        raise InputError(f"kan het bestand niet lezen ({reason(exc, 'nl')})",
                         f"cannot read the file ({reason(exc, 'en')})") from None
    return read_bytes(data, name, kind)

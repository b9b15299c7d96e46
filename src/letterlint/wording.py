"""One home for how letterlint names places and things in what a writer reads (Dutch, and English).

A place: "regel 12" where the file has lines (text exports, Markdown), "alinea 12" where it has not (.docx);
"voetnoot 3" inside a note.  A note: "voetnoot" / "eindnoot" ("footnote" / "endnote"), "noot" when the kind
is not known.  Rules take these words from here, so every rule describes the same place the same way; a
`Location` describes itself with `Location.place(lang)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

NOTE = {
    "nl": {"footnote": "voetnoot", "endnote": "eindnoot", None: "noot"},
    "en": {"footnote": "footnote", "endnote": "endnote", None: "note"},
}
NOTES = {  # plurals
    "nl": {"footnote": "voetnoten", "endnote": "eindnoten", None: "noten"},
    "en": {"footnote": "footnotes", "endnote": "endnotes", None: "notes"},
}
LINE = {"nl": ("regel", "regels"), "en": ("line", "lines")}
PARAGRAPH = {"nl": ("alinea", "alinea's"), "en": ("paragraph", "paragraphs")}
AND = {"nl": ("en", "en nog {n}"), "en": ("and", "and {n} more")}


class Placed(Protocol):
    @property
    def line(self) -> int | None: ...

    @property
    def paragraph(self) -> int: ...

    @property
    def shown(self) -> int | None: ...


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "nl"


def note_noun(kind: str | None, lang: str = "nl") -> str:
    """"voetnoot" / "eindnoot" ("footnote" / "endnote"); "noot" for a kind not known."""
    nouns = NOTE[_lang(lang)]
    return nouns.get(kind, kind if kind is not None else nouns[None])


def note_nouns(kind: str | None, lang: str = "nl") -> str:
    nouns = NOTES[_lang(lang)]
    return nouns.get(kind, nouns[None])


def note_place(kind: str | None, label: str | int | None, lang: str = "nl") -> str:
    """"voetnoot 3" ("footnote 3")."""
    return f"{note_noun(kind, lang)} {label}"


def number(location: Placed) -> int:
    """The number a place is named by: the line, or (.docx) the paragraph as a writer counts it in Word —
    the `shown` count the output prints beside the finding, never the reader's count of every `w:p`."""
    if location.line is not None:
        return location.line
    shown = getattr(location, "shown", None)
    return shown if shown is not None else location.paragraph


def place(location: Placed, lang: str = "nl") -> str:
    """"regel 12" / "line 12" where the file has lines, "alinea 12" / "paragraph 12" where it has not."""
    if location.line is not None:
        return f"{LINE[_lang(lang)][0]} {location.line}"
    return f"{PARAGRAPH[_lang(lang)][0]} {number(location)}"


def places(locations: Sequence[Placed], lang: str = "nl", limit: int = 4) -> str:
    """"regels 12, 40 en 77" for several places (at most `limit`, then "en nog N")."""
    if not locations:
        return ""
    lang = _lang(lang)
    by_line = locations[0].line is not None
    numbers = [str(number(loc)) for loc in locations]
    one, many = (LINE if by_line else PARAGRAPH)[lang]
    and_word, more = AND[lang]
    if len(numbers) == 1:
        return f"{one} {numbers[0]}"
    if len(numbers) > limit:
        return f"{many} {', '.join(numbers[:limit])} {more.format(n=len(numbers) - limit)}"
    return f"{many} {', '.join(numbers[:-1])} {and_word} {numbers[-1]}"


def paragraph_mark(number: int) -> str:
    """"¶12": a paragraph in a listing of a .docx (diffs, comments)."""
    return f"¶{number}"


NOUNS = {  # (one, many) per language: counts in what a writer reads say "1 bevinding", "2 bevindingen"
    "finding": {"nl": ("bevinding", "bevindingen"), "en": ("finding", "findings")},
    "file": {"nl": ("bestand", "bestanden"), "en": ("file", "files")},
    "error": {"nl": ("fout", "fouten"), "en": ("error", "errors")},
    "warning": {"nl": ("waarschuwing", "waarschuwingen"), "en": ("warning", "warnings")},
    "info": {"nl": ("info", "info"), "en": ("info", "info")},
    "fix": {"nl": ("herstelling", "herstellingen"), "en": ("fix", "fixes")},
    "comment": {"nl": ("opmerking", "opmerkingen"), "en": ("comment", "comments")},
    "bookmark": {"nl": ("bladwijzer", "bladwijzers"), "en": ("bookmark", "bookmarks")},
    "paragraph": {"nl": PARAGRAPH["nl"], "en": PARAGRAPH["en"]},
}


def plural(n: int, forms: tuple[str, str]) -> str:
    """The form for `n`: forms[0] for exactly one, forms[1] otherwise (0, 2, …)."""
    return forms[0] if n == 1 else forms[1]


def count(n: int, noun: str, lang: str = "nl") -> str:
    """"1 bevinding", "3 bevindingen" ("1 finding", "3 findings"): the noun from NOUNS in the number's form."""
    return f"{n} {plural(n, NOUNS[noun][_lang(lang)])}"

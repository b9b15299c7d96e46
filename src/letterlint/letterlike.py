"""Which files are letters, for `letterlint --only-letters` (the pre-commit hook gets every .docx/.txt/.md file
of a commit, README.md and requirements.txt included).

* .docx files are always letters.
* .txt and .md files are letters when the configuration's `letters:` globs name them (a glob matches the path
  as given, its name, or the path relative to the working folder or the configuration's folder; a folder
  name such as `brieven/` matches everything below it);
* without `letters:` in the configuration, a .txt/.md file is a letter when it LOOKS like one: at least two
  different signs of a government letter among its first 64 KB — a salutation («Geachte …»), a closing
  («Hoogachtend», «Met vriendelijke groet»), a party's question («De leden van de …-fractie»), answer labels
  («Antwoord:», «Vraag 3»), a Kamerstuk reference, Word-export markers («[bookmark: …]», «[footnoteRef:…]»),
  a ministry's signature («DE MINISTER …», «DE STAATSSECRETARIS …»).  One sign alone is not enough: a README
  may well mention the Tweede Kamer once.
"""

from __future__ import annotations

import fnmatch
import os


from .lazyre import lazy

HEAD_BYTES = 65536
SIGNS = {
    "salutation": lazy(r"(?m)^\W*Geachte\s+\w"),
    "closing": lazy(r"(?i)\b(?:Hoogachtend|Met\s+vriendelijke\s+groet(?:en)?)\b"),
    "party": lazy(r"\b(?:De|Deze)\s+leden\s+van\s+de\s+[\w-]+[-\s]fractie\b"),
    "labels": lazy(r"(?m)^\W*(?:Antwoord\s*:|(?:Vraag|Antwoord)\s+\d{1,3}\b)"),
    "kamerstuk": lazy(r"\bKamerstuk(?:ken)?\s+(?:II\s+)?(?:\d{4}/\d{2}\s*,?\s+)?\d{5}\b"),
    "export": lazy(r"\[(?:bookmark:\s|footnoteRef:\d)"),
    "signature": lazy(r"(?m)^\s*DE\s+(?:MINISTER|STAATSSECRETARIS)\b"),
}


def looks_like_letter(text: str) -> bool:
    return sum(1 for pattern in SIGNS.values() if pattern.search(text)) >= 2


def _head(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read(HEAD_BYTES)
    except OSError:
        return ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")


def _named(path: str, patterns: list[str], bases: list[str]) -> bool:
    from .runner import path_forms

    forms = path_forms(path, bases)
    for pattern in patterns:
        folder = pattern.rstrip("/")
        for form in forms:
            if fnmatch.fnmatch(form, pattern) or form.startswith(folder + "/") or fnmatch.fnmatch(form, folder + "/*"):
                return True
    return False


def is_letter(path: str, letters: list[str] | None, bases: tuple[str, ...] | list[str] = ()) -> bool:
    """True for the files `--only-letters` lints (see the module documentation)."""
    if path == "-" or path.lower().endswith(".docx"):
        return True
    if letters is not None:
        return _named(path, letters, list(bases))
    return os.path.isfile(path) and looks_like_letter(_head(path))

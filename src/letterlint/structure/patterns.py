"""The patterns of a question–answer letter's layout: numbered labels, party headings, page furniture."""

from __future__ import annotations

import re

from ..lazyre import compile_re

NUMS = r"\d{1,3}[a-z]?(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d{1,3}[a-z]?)*"
PARTY_HEADING = compile_re(
    r"^\s*(?:\d+[.)]?\s+|[IVX]+[.)]?\s+)?(?:Vragen\s+en\s+opmerkingen|Inbreng|Opmerkingen|Vragen)\s+(?:van\s+|vanuit\s+)?"
    r"(?:de\s+)?leden\s+(?:van\s+|der\s+)?(?:de\s+)?(?:fracties?\s+van\s+(?:de\s+)?(?P<party2>.+?)\s*$|(?P<party>.+?)[-\s]fractie\b)",
    re.IGNORECASE,
)
NUMBERED = compile_re(rf"^\s*(?P<kind>Vraag|Antwoord)\s+(?P<numbers>{NUMS})\s*[:.]?\s*", re.IGNORECASE)
# a numbered label anywhere (PDF text: glued to page furniture "…Aanhangsel 2Antwoord 7", or a flattened letter)
_LETTER = r"[^\W\d_]"
UPPER = r"[A-ZÀ-ÖØ-Þ]"
# (the look-behinds come after the label's first letter, which lets `re` skip ahead to a "V" or an "A":
# three times faster than look-behinds first, and the same matches)
NUMBERED_INLINE = compile_re(
    rf"(?P<kind>V(?<!{_LETTER}V)(?<!-V)raag|A(?<!{_LETTER}A)(?<!-A)ntwoord)\s+(?P<numbers>{NUMS})(?![\d_])(?!{_LETTER})"
    rf"\s*[:.]?(?=\s*$|\s+[{UPPER[1:-1]}«\"“‘'(\[¿])"
)
# page furniture of published letters (text extracted from the PDF)
PAGE_FURNITURE = compile_re(
    r"^\s*(?:Tweede\s+Kamer,\s+vergaderjaar\s+\S+,\s+Aanhangsel\s*\d*|ah-tk-\d+-\d+|h\s+tk\s+\d+\s+\d+|ISSN\s.*|-{3,}|#+\s*\d+"
    r"|Tweede\s+Kamer\s+der\s+Staten-Generaal\s*\d*|\d{1,3})\s*$"
)
PARTY_REF = compile_re(
    r"^\W*(?:(?:Tot\s+slot|Ten\s+slotte|Tevens|Ook|Daarnaast|Verder|Voorts|Wel|Tegelijkertijd|Bovendien)\s*,?\s+)?"
    r"(?:(?:De|Deze|Voor\s+de|Ook\s+de|Volgens\s+de|Het\s+lid)\s+leden\b|(?:De|Deze)\s+(?:[\w-]+\s+){0,4}?[\w-]*fractie\b"
    rf"|Het\s+lid\s+{UPPER})",
)


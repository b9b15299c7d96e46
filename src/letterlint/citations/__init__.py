"""References to parliamentary papers, parsed into fields with exact spans, and judged against the house style.

`parse(text)` finds the references in one paragraph's text and returns `Reference`s: the kind (kamerstuk,
handelingen, aanhangsel), the family (full "Kamerstukken II 2023/24, …", short "Kamerstuk 28089, nr. 346",
compact "(35300-A, nr. 15)", or the "Tweede Kamer, vergaderjaar …" heading form), and the parts as written —
keyword, bijlage, Kamer, vergaderjaar, dossier numbers with suffix, paper numbers or letters, item, page — each
with its span.  `parse_moties(text)` finds moties and amendementen named in the text.  `judge(ref, style)`
turns a reference into `Problem`s: malformed (error) or house style (style), each with the edits that repair
it.  Nothing here knows about documents or findings; the rule `lint_rules/kamerstuk_reference.py` does that.

The grammar follows ../shared/reference/conventions.md §1–2 (Aanwijzingen voor de regelgeving 3.43, the
Leidraad voor juridische auteurs, Tweede Kamer house style, Handelingen), made lenient where real text is
sloppy so that a malformed reference is still recognised and can be named, and strict where a bare number
could be anything else.

The package, by subject: `grammar` (the regular expressions), `model` (Reference, Motie, Problem, HouseStyle),
`parse`, `judge`.  Everything is re-exported here: `from letterlint.citations import parse, judge` works.
"""

from __future__ import annotations

from .grammar import DASHES, MONTHS, PREFILTER, SPC, WS
from .judge import (
    apply_edits,
    bracket_problems,
    format_dossier,
    format_year,
    format_year_like,
    judge,
    motie_problems,
)
from .model import (
    ERROR,
    INFO,
    STYLE,
    YEAR_STYLES,
    CitationEdit,
    CitationPart,
    Dossier,
    HouseStyle,
    Motie,
    Numbers,
    Problem,
    Reference,
    Year,
)
from .parse import parse, parse_moties

__all__ = [
    "DASHES", "ERROR", "INFO", "MONTHS", "PREFILTER", "SPC", "STYLE", "WS", "YEAR_STYLES", "Dossier", "CitationEdit",
    "HouseStyle", "Motie", "Numbers", "Problem", "Reference", "CitationPart", "Year", "apply_edits", "bracket_problems",
    "format_dossier", "format_year", "format_year_like", "judge", "motie_problems", "parse", "parse_moties",
]

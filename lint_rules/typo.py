"""Known misspellings of fixed terms, acronyms and house-style words, from a list in rules.yaml.

What it checks
  Every entry of the list (``wrong`` → ``right``) in every paragraph and footnote.  Entries match on word
  boundaries, across any run of spaces or a line break, with straight or curly apostrophes.  Case follows
  the entry: acronyms (RVIM) and case-only corrections (kamerlid → Kamerlid) match exactly as written;
  other entries also match with a capital first letter, and the suggestion follows.  ``stem: true`` also
  catches longer forms (staatsecretarissen).  Text inside web addresses is left alone.

Why
  A misspelled institution or fixed term (RVIM, bevoegd bezag, staatsecretaris) in a letter to Parliament
  is noticed by every reader, and spellcheckers do not know these terms.

Options
  entries: the list (see rules.yaml). Each entry: wrong, right, and optionally case (auto, exact, ignore),
    stem (true/false), note, fix (safe, unsafe, none) and examples: {match: [...], no-match: [...]}.
    Examples are checked when the configuration loads; an example that fails is a configuration error.
  extra-entries: your own additions, kept apart so that the bundled list still applies.

Bad::

    Het RVIM adviseert het bevoegd bezag; de staatsecretaris neemt dat over.

Good::

    Het RIVM adviseert het bevoegd gezag; de staatssecretaris neemt dat over.
"""

from __future__ import annotations

from letterlint.findings import Msg, msg
from letterlint.yamlrules import phrases_from_entries, substitution_findings

ID = "typo"
SEVERITY = "warning"
SUMMARY = msg(
    "Bekende tikfouten in vaste termen en afkortingen (RVIM → RIVM), uit een lijst in rules.yaml",
    "Known misspellings of fixed terms and acronyms (RVIM → RIVM), from a list in rules.yaml",
)
DEFAULT = {"entries": [], "extra-entries": []}
CONF = {
    "entries": {"type": "array", "items": {"$ref": "#/$defs/phrase-entry"}},
    "extra-entries": {"type": "array", "items": {"$ref": "#/$defs/phrase-entry"}},
}
FIXABLE = True

MESSAGE = Msg("«{wrong}» is een bekende schrijffout; schrijf «{right}»", "«{wrong}» is a known misspelling; write «{right}»")


def prepare(options, where):
    from letterlint.phrases import PhraseList

    base = phrases_from_entries(options.get("entries", []), where, ("entries",))
    extra = phrases_from_entries(options.get("extra-entries", []), where, ("extra-entries",))
    return PhraseList(base.phrases + extra.phrases)


def check(doc, ctx):
    yield from substitution_findings(doc, ctx.prepared, MESSAGE)

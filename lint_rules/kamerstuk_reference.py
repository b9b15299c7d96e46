"""Malformed references to parliamentary papers (Kamerstukken, Handelingen, Aanhangsel) and moties.

What it checks
  Every reference is parsed into its parts — keyword, bijlage, Kamer, vergaderjaar, dossier number with its
  suffix (36 200 XII, 21 501-07, 27 484 (R 1669)), paper number or Eerste Kamer letter, item, page — and then
  judged.  Three families are all correct and are never flagged for differing from each other: the full form
  "Kamerstukken II 2023/24, 36 200 XII, nr. 5, p. 3", the short form "Kamerstuk 28089, nr. 346" and the
  Handelingen compact form "(35300-A, nr. 15)".

  Malformed: no dossier number ("Kamerstukken II, 2024-2025, nr. 335"); a zaak or document number labelled as
  a Kamerstuk ("Kamerstuk 2019Z01234"); a dossier number that is not five digits ("Kamerstuk 31 3050") or is
  written with a full stop ("34.775"); the paper number glued to the dossier with a hyphen ("Kamerstuk
  30175-345", the file name on the website); an impossible vergaderjaar ("2023/25", "2022–203"); "nr." missing
  ("Kamerstuk 28089, 346") or misspelled ("nr 5", "nr:5", "no. 5", "No 5", "nummer 5"); Handelingen or
  Aanhangsel without "nr."; a Kamer other than I or II; "kamerstuk(ken)" in lower case at the start of a
  citation; brackets that do not close around a reference ("( (Kamerstuk 28089, nr. 321)"); a motie cited
  with a bare paper number ("motie-Kostić (28089, 321)").

  House-style points (plural "Kamerstukken" for one paper, "2022/2023" for "2022/23", "motie Grinwis", a
  missing "II", commas, spacing) are the rule reference-style's, with one exception: a citation that is
  malformed AND off the house style is reported here, once, with both in one message (one finding per
  citation); switch that off with style-points: false.  The house style itself is the shared setting
  `house-style` (see `letterlint explain reference-style`).

  Where the intended reference is certain the finding carries the corrected reference, and ``--fix``
  applies it (only what is certain: a missing dossier number is never filled in by a fix; the suggestion
  shows where it goes, and names the dossier of another reference to the same paper number in the
  document, if there is exactly one, for the writer to check).

Why
  A reference the reader cannot follow, or that points at the wrong paper, undermines the answer.  Sources:
  Aanwijzingen voor de regelgeving 3.43, the Leidraad voor juridische auteurs, and Tweede Kamer usage
  (../shared/reference/conventions.md §1).

Options
  brackets: check the brackets around references (default true).
  style-points: name the house-style points of a malformed citation in the same finding (default true).

Bad::

    Zie de brief van 3 juli.[footnoteRef:1] Dit volgt uit (Kamerstuk 2019Z01234).  [1:  Kamerstukken II, 2024-2025, nr. 335]
    Zie ook kamerstukken 22 343, nr. 419, Kamerstuk 30175-345 en de motie-Kostić ( (Kamerstuk 28089, nr. 321).

Good::

    Zie de brief van 3 juli (Kamerstuk 28089, nr. 346) en Kamerstukken II 2023/24, 36 200 XII, nr. 5, p. 3.
    Dit volgt uit de motie-Van Aalst/Remco Dijkstra (35300-A, nr. 15) en Handelingen II 2023/24, nr. 12, item 5.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint.citations import ERROR
from letterlint.citations.document import finding, references
from letterlint.findings import msg

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.findings import Finding
    from letterlint.model import Document
    from letterlint.registry import RuleContext

DOC_NL = """Onjuist gevormde verwijzingen naar Kamerstukken, Handelingen, Aanhangsel en moties.

Wat het controleert
  Elke verwijzing wordt in haar delen ontleed — trefwoord, bijlage, Kamer, vergaderjaar, dossiernummer met
  toevoeging (36 200 XII, 21 501-07, 27 484 (R 1669)), stuknummer of letter van de Eerste Kamer, item, pagina —
  en dan beoordeeld.  Drie vormen zijn alle drie juist en worden nooit gemeld omdat ze van elkaar verschillen:
  de volledige vorm "Kamerstukken II 2023/24, 36 200 XII, nr. 5, p. 3", de korte vorm "Kamerstuk 28089,
  nr. 346" en de compacte vorm van de Handelingen "(35300-A, nr. 15)".

  Onjuist: geen dossiernummer ("Kamerstukken II, 2024-2025, nr. 335"); een zaak- of documentnummer als
  Kamerstuk ("Kamerstuk 2019Z01234"); een dossiernummer dat geen vijf cijfers heeft ("Kamerstuk 31 3050") of
  met een punt is geschreven ("34.775"); het stuknummer met een streepje aan het dossier vast ("Kamerstuk
  30175-345", de bestandsnaam op de website); een onmogelijk vergaderjaar ("2023/25", "2022–203"); "nr." dat
  ontbreekt ("Kamerstuk 28089, 346") of verkeerd geschreven is ("nr 5", "nr:5", "no. 5", "No 5", "nummer 5");
  Handelingen of Aanhangsel zonder "nr."; een andere Kamer dan I of II; "kamerstuk(ken)" met een kleine letter
  aan het begin van een verwijzing; haakjes die niet sluiten rond een verwijzing ("( (Kamerstuk 28089,
  nr. 321)"); een motie aangehaald met alleen een stuknummer ("motie-Kostić (28089, 321)").

  Huisstijlpunten (meervoud "Kamerstukken" voor één stuk, "2022/2023" voor "2022/23", "motie Grinwis", een
  ontbrekende "II", komma's, spaties) zijn voor de regel reference-style, met één uitzondering: een verwijzing
  die onjuist is EN afwijkt van de huisstijl wordt hier gemeld, één keer, met beide in één melding (één melding
  per verwijzing); zet dat uit met style-points: false.  De huisstijl zelf is de gedeelde instelling
  `house-style` (zie `letterlint explain reference-style`).

  Waar vaststaat welke verwijzing bedoeld is, bevat de melding de verbeterde verwijzing en past ``--fix`` die
  toe (alleen wat vaststaat: een ontbrekend dossiernummer vult een fix nooit in; de suggestie laat zien waar
  het hoort, en noemt het dossier van een andere verwijzing naar hetzelfde stuknummer in het document, als
  er precies één is, zodat de schrijver het controleert).

Waarom
  Een verwijzing die de lezer niet kan volgen, of die naar het verkeerde stuk wijst, ondermijnt het antwoord.
  Bronnen: Aanwijzingen voor de regelgeving 3.43, de Leidraad voor juridische auteurs en het gebruik van de
  Tweede Kamer (../shared/reference/conventions.md §1).

Opties
  brackets: controleer de haakjes rond verwijzingen (standaard true).
  style-points: noem de huisstijlpunten van een onjuiste verwijzing in dezelfde melding (standaard true).
"""  # the documentation in Dutch: same structure, same examples

ID = "kamerstuk-reference"
SEVERITY = "error"
SUMMARY = msg(
    "Misvormde verwijzingen naar Kamerstukken, Handelingen en moties (geen dossiernummer, zaaknummer als "
    "Kamerstuk, «nr.» fout, onmogelijk vergaderjaar)",
    "Malformed references to Kamerstukken, Handelingen and moties (no dossier number, a zaak number as a "
    "Kamerstuk, bad «nr.», impossible year)",
)
DEFAULT = {"brackets": True, "style-points": True}
CONF = {"brackets": {"type": "boolean"}, "style-points": {"type": "boolean"}}
FIXABLE = True
# published as the shared setting "kamerstuk-reference.brackets" while this rule runs: punctuation leaves the
# brackets of a citation reported here alone ("( (Kamerstuk …)" is one defect, one finding)
PUBLISH = ("brackets",)


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    for found, _codes in results(doc, ctx):
        yield found


def results(doc: Document, ctx: RuleContext) -> Iterator[tuple[Finding, tuple[str, ...]]]:
    """The findings, each with the codes of the problems it reports (for tests and measurements)."""
    for cited in references(doc, ctx.settings):
        problems = [p for p in cited.problems if p.code != "bracket" or ctx.options["brackets"]]
        if not any(p.kind == ERROR for p in problems):
            continue  # well formed: its house-style points are reference-style's
        if not ctx.options["style-points"]:
            problems = [p for p in problems if p.kind == ERROR]
        yield finding(doc, cited, problems), tuple(p.code for p in problems)

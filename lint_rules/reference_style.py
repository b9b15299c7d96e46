"""House style of references: well-formed citations written another way than the house style.

What it checks
  Citations that are correct (anyone can follow them) but not written the house way:
  * "Kamerstukken 32852, nr. 199" for one paper in the short form (one paper: "Kamerstuk"), "Kamerstuk" for
    several papers or in the full form with Kamer and year;
  * the vergaderjaar "2022/2023" or "2022-2023" where the house style is "2022/23" (after the word
    "vergaderjaar" the Tweede Kamer's own "2021–2022" is left alone);
  * a missing Kamer: "Kamerstukken 2022/23, 36 200, nr. 5", "Handelingen 2023/24, nr. 5" («II» or «I»),
    and a Kamer without its vergaderjaar;
  * "motie Grinwis" for "motie-Grinwis", "motie-van der Staaij" (the particle takes a capital when no first
    name precedes it), "c.s" for "c.s.", a motie cited without its paper number;
  * a comma after "II" or after "Kamerstuk", a missing comma between the parts, "nr.5", "Nr.", "nr." before
    several numbers; Handelingen from 2011 on without "item";
  * a dossier number written two ways in one letter ("22 343" and "22343"): one finding where it deviates
    from the document's habit, naming the places where it is written the other way;
  * "Richtlijn 2024/1785" without its domain "(EU)".

  A citation that is also malformed is not reported here: kamerstuk-reference (or identifier-format) reports
  it once, with its house-style points in the same message.  So switching this rule off keeps every error.

The house style
  Shared setting `house-style` (read by kamerstuk-reference and identifier-format too), each point optional:

    settings:
      house-style:
        year: "2023/24"          # 2023/24 | 2023/2024 | 2023-2024 | 2023–2024 | consistent (the document's
                                 # most used form) | any
        kamerstuk: by-count      # by-count: "Kamerstuk" for one paper, "Kamerstukken" for several and in the
                                 # full form | plural: always "Kamerstukken" | any
        motie: hyphen            # hyphen: "motie-Grinwis" | any
        dossier-spacing: same-number  # same-number (one number, one spelling) | document (one spacing
                                 # throughout) | space ("28 089") | no-space ("28089") | any
        chamber: true            # ask for «II»/«I» with the year
        punctuation: true        # commas, "nr. 5" with a space, lower-case "nr."
        handelingen-item: true   # "item N" in Handelingen from 2011 on
        eu-domain: true          # "Richtlijn (EU) 2024/1785"

Why
  A letter that cites the same paper three ways looks unedited, but none of these stops a reader finding the
  paper: they are information, not errors.  Sources:
  * Aanwijzingen voor de regelgeving, aanwijzing 3.43 "Verwijzing naar parlementaire stukken" (kcbr.nl):
    "Kamerstukken II 2009/10, 27858, nr. 88, p. 3"; the vergaderjaar as 2009/10; Handelingen from 2011 with
    "item"; a whole bill as "Kamerstukken 31945".
  * Leidraad voor juridische auteurs: the same pattern, "Kamerstukken I/II jaar, dossier, nr., p.".
  * The Tweede Kamer's own usage in published Kamerstukken and Handelingen: "(Kamerstuk 31 865, nr. 207)"
    in the singular for one paper, "motie-Van Aalst/Remco Dijkstra (35300-A, nr. 15)", "vergaderjaar
    2024–2025" in its headings.
  * Interinstitutionele schrijfwijzer §1.2.2 (EU Publications Office): "Richtlijn (EU) 2024/1785".
  See ../shared/reference/conventions.md §1–2 for the full table with sources.

Options
  None besides enabled and severity (info by default): the house style is the shared setting above.

Bad::

    Zie Kamerstukken 32852, nr. 199 en Kamerstukken II 2022/2023, 36 200, nr. 5; dit volgt uit de motie Grinwis.

Good::

    Zie Kamerstuk 32852, nr. 199 en Kamerstukken II 2022/23, 36 200, nr. 5; dit volgt uit de motie-Grinwis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint.citations.document import finding, identifiers, references
from letterlint.findings import msg

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.findings import Finding
    from letterlint.model import Document
    from letterlint.registry import RuleContext

DOC_NL = """Huisstijl van verwijzingen: juist gevormde verwijzingen die anders geschreven zijn dan de huisstijl.

Wat het controleert
  Verwijzingen die juist zijn (iedereen kan ze volgen) maar niet volgens de huisstijl geschreven:
  * "Kamerstukken 32852, nr. 199" voor één stuk in de korte vorm (één stuk: "Kamerstuk"), "Kamerstuk" voor
    meerdere stukken of in de volledige vorm met Kamer en jaar;
  * het vergaderjaar "2022/2023" of "2022-2023" waar de huisstijl "2022/23" is (na het woord
    "vergaderjaar" blijft de eigen schrijfwijze van de Tweede Kamer, "2021–2022", staan);
  * een ontbrekende Kamer: "Kamerstukken 2022/23, 36 200, nr. 5", "Handelingen 2023/24, nr. 5" («II» of
    «I»), en een Kamer zonder vergaderjaar;
  * "motie Grinwis" voor "motie-Grinwis", "motie-van der Staaij" (het voorvoegsel krijgt een hoofdletter als
    er geen voornaam voor staat), "c.s" voor "c.s.", een motie aangehaald zonder stuknummer;
  * een komma na "II" of na "Kamerstuk", een ontbrekende komma tussen de delen, "nr.5", "Nr.", "nr." voor
    meerdere nummers; Handelingen vanaf 2011 zonder "item";
  * een dossiernummer dat in één brief op twee manieren geschreven is ("22 343" en "22343"): één melding waar
    het afwijkt van de gewoonte van het document, met de plekken waar het anders geschreven is;
  * "Richtlijn 2024/1785" zonder het domein "(EU)".

  Een verwijzing die ook onjuist is, wordt hier niet gemeld: kamerstuk-reference (of identifier-format) meldt
  haar één keer, met haar huisstijlpunten in dezelfde melding.  Wie deze regel uitzet, houdt dus elke fout.

De huisstijl
  Gedeelde instelling `house-style` (ook gelezen door kamerstuk-reference en identifier-format), elk punt
  optioneel:

    settings:
      house-style:
        year: "2023/24"          # 2023/24 | 2023/2024 | 2023-2024 | 2023–2024 | consistent (de meest
                                 # gebruikte vorm in het document) | any
        kamerstuk: by-count      # by-count: "Kamerstuk" voor één stuk, "Kamerstukken" voor meerdere en in
                                 # de volledige vorm | plural: altijd "Kamerstukken" | any
        motie: hyphen            # hyphen: "motie-Grinwis" | any
        dossier-spacing: same-number  # same-number (één nummer, één schrijfwijze) | document (één
                                 # spatiegebruik in het hele document) | space ("28 089") | no-space ("28089") | any
        chamber: true            # vraag om «II»/«I» bij het jaar
        punctuation: true        # komma's, "nr. 5" met een spatie, "nr." met een kleine letter
        handelingen-item: true   # "item N" in Handelingen vanaf 2011
        eu-domain: true          # "Richtlijn (EU) 2024/1785"

Waarom
  Een brief die hetzelfde stuk op drie manieren aanhaalt, oogt onbewerkt, maar geen van deze punten houdt een
  lezer tegen het stuk te vinden: het is informatie, geen fout.  Bronnen:
  * Aanwijzingen voor de regelgeving, aanwijzing 3.43 "Verwijzing naar parlementaire stukken" (kcbr.nl):
    "Kamerstukken II 2009/10, 27858, nr. 88, p. 3"; het vergaderjaar als 2009/10; Handelingen vanaf 2011 met
    "item"; een heel wetsvoorstel als "Kamerstukken 31945".
  * Leidraad voor juridische auteurs: hetzelfde patroon, "Kamerstukken I/II jaar, dossier, nr., p.".
  * Het eigen gebruik van de Tweede Kamer in gepubliceerde Kamerstukken en Handelingen: "(Kamerstuk 31 865,
    nr. 207)" in het enkelvoud voor één stuk, "motie-Van Aalst/Remco Dijkstra (35300-A, nr. 15)",
    "vergaderjaar 2024–2025" in de koppen.
  * Interinstitutionele schrijfwijzer §1.2.2 (Publicatiebureau van de EU): "Richtlijn (EU) 2024/1785".
  Zie ../shared/reference/conventions.md §1–2 voor de volledige tabel met bronnen.

Opties
  Geen, behalve enabled en severity (standaard info): de huisstijl is de gedeelde instelling hierboven.
"""  # the documentation in Dutch: same structure, same examples

ID = "reference-style"
SEVERITY = "info"
SUMMARY = msg(
    "Huisstijl van verwijzingen: «Kamerstuk» of «Kamerstukken», «2022/23», «motie-Naam», «II», komma's",
    "House style of references: «Kamerstuk» or «Kamerstukken», «2022/23», «motie-Name», «II», commas",
)
DEFAULT: dict = {}
CONF: dict = {}
FIXABLE = True


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    for found, _codes in results(doc, ctx):
        yield found


def results(doc: Document, ctx: RuleContext) -> Iterator[tuple[Finding, tuple[str, ...]]]:
    """The findings, each with the codes of the problems it reports (for tests and measurements)."""
    for c in [*references(doc, ctx.settings), *identifiers(doc, ctx.settings)]:
        if not c.malformed:  # a malformed citation is kamerstuk-reference's / identifier-format's, style and all
            yield finding(doc, c), tuple(p.code for p in c.problems)

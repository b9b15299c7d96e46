"""Other identifiers: Tweede Kamer zaak- and documentnummers, ECLI, EU legal acts and CELEX numbers.

What it checks
  * Zaak- and documentnummers of the Tweede Kamer: the year, Z or D, five digits (2025Z14995, 2023D39037).
    Flagged: "2025Z1499" (four digits), "2025-Z14995", "kenmerk 2025 Z14995", "2025z14995".
  * ECLI: five parts, ECLI:country:court:year:number, in capitals and without spaces (ECLI:NL:RVS:2023:1234).
    Flagged: "ecli:nl:rvs:2023:1234", "ECLI : NL : …", "ECLI:NL:2023:1234" (a part missing), a two-digit year.
  * EU legal acts (Interinstitutionele schrijfwijzer §1.2.2): from 2015 on "Richtlijn (EU) 2024/1785",
    "Verordening (EU) 2016/679"; before 2015 "Richtlijn 2010/75/EU", "Verordening (EG) nr. 1907/2006".
    Flagged: "Verordening (EU) nr. 2016/679" (no "nr." from 2015 on), "Richtlijn (EU) 1785/2024" (year and
    number swapped), "Richtlijn (EU) 2024/1785/EU" (old and new mixed), "Richtlijn (EU) 2014/24" (an act from
    before 2015 in the new style), "Verordening (EG) 1907/2006" ("nr." missing), "Verordening (EU) No 123/2011"
    (English "No" in a Dutch citation: "nr.").  "Richtlijn 2024/1785" without its domain is a house-style
    point: reference-style reports it.
  * CELEX numbers: the shape (32024L1785: sector, year, type, number) where the text says "CELEX", and that a
    CELEX number names the one EU act cited beside it.

Why
  An identifier with a digit too few or the parts swapped cannot be looked up; the reader (and the search
  engine of the Tweede Kamer or EUR-Lex) finds nothing or the wrong document.

Options
  zaak, ecli, eu-acts, celex: switch each check off with false (all true by default).

Bad::

    Zie de vragen met kenmerk 2025Z1499, Verordening (EU) No 1303/2013 en Verordening (EU) nr. 2016/679
    (ecli:nl:rvs:2023:1234).

Good::

    Zie de vragen met kenmerk 2025Z14995, Verordening (EU) 2016/679, Richtlijn 2010/75/EU en ECLI:NL:RVS:2023:1234.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint.citations.document import finding, identifiers
from letterlint.findings import msg

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.findings import Finding
    from letterlint.model import Document
    from letterlint.registry import RuleContext

DOC_NL = """Andere kenmerken: zaak- en documentnummers van de Tweede Kamer, ECLI, Europese rechtshandelingen en CELEX-nummers.

Wat het controleert
  * Zaak- en documentnummers van de Tweede Kamer: het jaar, Z of D, vijf cijfers (2025Z14995, 2023D39037).
    Gemeld: "2025Z1499" (vier cijfers), "2025-Z14995", "kenmerk 2025 Z14995", "2025z14995".
  * ECLI: vijf delen, ECLI:land:gerecht:jaar:nummer, in hoofdletters en zonder spaties (ECLI:NL:RVS:2023:1234).
    Gemeld: "ecli:nl:rvs:2023:1234", "ECLI : NL : …", "ECLI:NL:2023:1234" (een deel ontbreekt), een jaar van
    twee cijfers.
  * Europese rechtshandelingen (Interinstitutionele schrijfwijzer §1.2.2): vanaf 2015 "Richtlijn (EU)
    2024/1785", "Verordening (EU) 2016/679"; vóór 2015 "Richtlijn 2010/75/EU", "Verordening (EG) nr.
    1907/2006".  Gemeld: "Verordening (EU) nr. 2016/679" (geen "nr." vanaf 2015), "Richtlijn (EU) 1785/2024"
    (jaar en nummer verwisseld), "Richtlijn (EU) 2024/1785/EU" (oud en nieuw door elkaar), "Richtlijn (EU)
    2014/24" (een handeling van vóór 2015 in de nieuwe schrijfwijze), "Verordening (EG) 1907/2006" ("nr."
    ontbreekt), "Verordening (EU) No 123/2011" (Engels "No" in een Nederlandse verwijzing: "nr.").  "Richtlijn
    2024/1785" zonder domein is een huisstijlpunt: dat meldt reference-style.
  * CELEX-nummers: de vorm (32024L1785: sector, jaar, soort, nummer) waar de tekst "CELEX" zegt, en dat een
    CELEX-nummer de Europese handeling noemt die ernaast wordt aangehaald.

Waarom
  Een kenmerk met een cijfer te weinig of met verwisselde delen is niet op te zoeken; de lezer (en de
  zoekmachine van de Tweede Kamer of EUR-Lex) vindt niets of het verkeerde document.

Opties
  zaak, ecli, eu-acts, celex: zet elke controle uit met false (standaard alle true).
"""  # the documentation in Dutch: same structure, same examples

ID = "identifier-format"
SEVERITY = "error"
SUMMARY = msg(
    "Misvormde zaaknummers (2025Z14995), ECLI's, nummers van EU-handelingen en CELEX-nummers",
    "Malformed zaak numbers (2025Z14995), ECLIs, EU act numbers and CELEX numbers",
)
DEFAULT = {"zaak": True, "ecli": True, "eu-acts": True, "celex": True}
CONF = {key: {"type": "boolean"} for key in DEFAULT}
FIXABLE = True

KIND_OPTION = {"zaak": "zaak", "ecli": "ecli", "eu-act": "eu-acts", "celex": "celex"}


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    for found, _codes in results(doc, ctx):
        yield found


def results(doc: Document, ctx: RuleContext) -> Iterator[tuple[Finding, tuple[str, ...]]]:
    """The findings, each with the codes of the problems it reports (for tests and measurements)."""
    for cited in identifiers(doc, ctx.settings):
        if cited.malformed and ctx.options[KIND_OPTION[cited.kind]]:  # style points alone: reference-style's
            yield finding(doc, cited), tuple(p.code for p in cited.problems)

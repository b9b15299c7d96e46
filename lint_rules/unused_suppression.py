"""Suppressions that silence nothing, or cannot work.

What it checks
  A writer silences a finding where it is intended: in a text export or Markdown with a line
  ``<!-- letterlint: ignore RULE -->`` before the paragraph (or ``disable RULE`` … ``enable RULE`` around a
  block), in a .docx with a Word comment that starts with ``letterlint: ignore RULE`` on the text.  RULE may
  be a list (``typo, bookmark-artefact``) or ``all``; text after `` -- `` is the reason.  This rule reports
  such a suppression when

  * it silenced no finding of a rule that ran (the text was corrected, or the suppression is in the wrong
    place);
  * it names a rule that does not exist (a typing error: ``ignore tyop``);
  * it cannot be read: an unknown instruction (``letterlint: negeer typo``), no rule, or an ``enable``
    without a ``disable`` before it.

  A suppression of a rule that did not run (switched off, not selected, ignored for the file in
  ``per-file-ignores``) is not reported.

Why
  Suppressions rot: the text they excused is rewritten, and the stale comment then hides the next real
  defect in that paragraph.  Reporting them keeps every suppression deliberate.

Options
  None.  Switch the rule off (``unused-suppression: false``) to stop these reports.

Bad::

    <!-- letterlint: ignore tyop -->
    Het RIVM adviseert het bevoegd gezag.

Good::

    <!-- letterlint: ignore typo -- letterlijk citaat -->
    Het RIVM adviseert het bevoegd gezag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letterlint import suppress
from letterlint.findings import Finding, msg

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.model import Document
    from letterlint.registry import RuleContext

DOC_NL = """Onderdrukkingen die niets onderdrukken, of niet kunnen werken.

Wat het controleert
  Een schrijver zet een melding uit waar die bedoeld is: in een tekstexport of Markdown met een regel
  ``<!-- letterlint: ignore RULE -->`` vóór de alinea (of ``disable RULE`` … ``enable RULE`` rond een blok),
  in een .docx met een Word-opmerking op de tekst die begint met ``letterlint: ignore RULE``.  RULE mag een
  lijst zijn (``typo, bookmark-artefact``) of ``all``; tekst na `` -- `` is de reden.  Deze regel meldt zo'n
  onderdrukking als

  * ze geen enkele melding onderdrukte van een regel die draaide (de tekst is verbeterd, of de onderdrukking
    staat op de verkeerde plek);
  * ze een regel noemt die niet bestaat (een tikfout: ``ignore tyop``);
  * ze niet te lezen is: een onbekende opdracht (``letterlint: negeer typo``), geen regel, of een ``enable``
    zonder ``disable`` ervoor.

  Een onderdrukking van een regel die niet draaide (uitgezet, niet gekozen, voor het bestand genegeerd in
  ``per-file-ignores``) wordt niet gemeld.

Waarom
  Onderdrukkingen verouderen: de tekst die ze excuseerden wordt herschreven, en de achtergebleven opmerking
  verbergt dan de volgende echte fout in die alinea.  Door ze te melden blijft elke onderdrukking bewust.

Opties
  Geen.  Zet de regel uit (``unused-suppression: false``) om deze meldingen te stoppen.
"""  # the documentation in Dutch: same structure, same examples

ID = suppress.RULE_ID
SEVERITY = "info"
SUMMARY = msg(
    "Onderdrukkingen (letterlint: ignore …) die niets onderdrukken of niet kunnen werken",
    "Suppressions (letterlint: ignore …) that suppress nothing or cannot work",
)
DEFAULT: dict = {}
CONF: dict = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Directives that cannot be read; suppressions that silenced nothing are added by the runner."""
    for location, message, suggestion in suppress.find_suppressions(doc).problems:
        yield Finding(location, message, suggestion=suggestion)

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

#!/usr/bin/env python3
"""Regenerate tests/data/suppressions.docx and suppressions-libreoffice.docx (issue 8: suppressions).

    python3 tests/data/make_suppressions.py

Needs pandoc (2.17 was used) and LibreOffice (`soffice`, 7.4).  A short letter in which Word comments
starting with "letterlint: ignore RULE" sit on defects:

* ¶2: comment "letterlint: ignore typo -- letterlijk citaat" on the words "het RVIM" (a typo finding there
  is suppressed); the same paragraph has a second RVIM outside the commented range (still reported);
* ¶3: comment "Letterlint: ignore typo, bookmark-artefact" (Word capitalises the first letter of a
  comment) on a whole paragraph with a typo and a leaked bookmark marker (both suppressed);
* ¶4: comment "letterlint: ignore typo" on clean text (reported by unused-suppression);
* ¶5: comment "letterlint: ignore tyop" (unknown rule) on clean text;
* ¶6: comment "Klopt dit cijfer?" (an ordinary comment, not an instruction) on a typo (still reported).

The LibreOffice copy is the pandoc file re-saved by LibreOffice's DOCX export (its comment anchors are
written differently).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PANDOC = os.environ.get("PANDOC", "pandoc")
SOFFICE = os.environ.get("SOFFICE", "soffice")
WHO = 'author="Jansen, P." date="2026-03-02T09:15:00Z"'

MARKDOWN = f"""\
## Vragen en opmerkingen van de leden van de VVD-fractie

Het RIVM meet de uitstoot. Volgens [letterlint: ignore typo -- letterlijk citaat]{{.comment-start id="1" {WHO}}}het RVIM[]{{.comment-end id="1"}} is de uitstoot gedaald, maar het RVIM meet niet overal.

[Letterlint: ignore typo, bookmark-artefact]{{.comment-start id="2" {WHO}}}\\[bookmark: \\_Hlk999\\]Het RVIM publiceert de cijfers in de Atlas Leefomgeving.[]{{.comment-end id="2"}}

[letterlint: ignore typo]{{.comment-start id="3" {WHO}}}De provincie is het bevoegd gezag.[]{{.comment-end id="3"}}

[letterlint: ignore tyop]{{.comment-start id="4" {WHO}}}De gemeente verleent de vergunning.[]{{.comment-end id="4"}}

[Klopt dit cijfer?]{{.comment-start id="5" {WHO}}}Het RVIM telde 12 meetpunten.[]{{.comment-end id="5"}}
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        md = Path(tmp) / "suppressions.md"
        md.write_text(MARKDOWN, encoding="utf-8")
        out = HERE / "suppressions.docx"
        subprocess.run([PANDOC, str(md), "-o", str(out)], check=True,
                       env={**os.environ, "SOURCE_DATE_EPOCH": "1772323200"})
        profile = Path(tmp) / "profile"
        subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to",
                        'docx:MS Word 2007 XML', "--outdir", tmp, str(out)], check=True, capture_output=True)
        shutil.copy(Path(tmp) / "suppressions.docx", HERE / "suppressions-libreoffice.docx")


if __name__ == "__main__":
    main()

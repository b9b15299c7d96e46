"""Issue 7's quality bar: every slip of the example draft found with no finding on its correct words, and the
false-positive rate on published letters.

What counts as correct text: the published answers to Kamervragen in ../shared/corpus/letters (Aanhangsel
Handelingen, 8 868 words), as extracted from the PDFs.  Their wording was edited for publication; what the
extraction broke (hyphenation left inside words at line ends, hyphens lost at line ends) is really in the
files, so a finding there is correct about the text it was given, and is counted apart as "extraction".
A finding on the published wording is correct only where the letter itself is inconsistent; every other
finding is a false positive.
"""

from conftest import CORPUS, EXAMPLE, lint_text, needs_shared

RULES = ["typo", "term-consistency", "doubled-word", "punctuation"]

# The example draft, grepped by hand (grep -n 'RVIM\|bezag\|staatsecretaris\|JLOI\|Rie\b\|Lucht Akkoord\|
# Luchtakkoord\|PvdA fractie\|\.\.\|( (\|creëren De\| \.\|de die\|kamerstuk' and reading the hits in context;
# the spelling rule, switched on, pointed at kamerstukken).
DRAFT = [
    ("punctuation", 3, ".."),  # "gestelde vragen.."
    ("term-consistency", 168, "GroenLinks-PvdA fractie"),  # 13× GroenLinks-PvdA-fractie
    ("typo", 189, "staatsecretaris"),
    # meetpilot (225) is a correct compound: it wins over meet-pilot (3×) whatever the counts (issue 14)
    ("term-consistency", 225, "meet-pilot"),
    # line 211 "… en kamerstukken 22 343, nr. 419": reported by kamerstuk-reference (lower case at a citation's start)
    ("typo", 233, "RVIM"),
    ("punctuation", 262, " ."),  # "industriële locaties . Op iedere locatie"
    ("punctuation", 266, "creëren De"),  # "… te creëren De verkenning doet …"
    ("term-consistency", 280, "Schone Luchtakkoord"),  # 2× Schone Lucht Akkoord (the agreement's name)
    ("punctuation", 383, "( ("),  # "motie-Kostić ( (Kamerstuk 28089, nr. 321)"
    ("doubled-word", 383, "de die"),  # "Nu de die brief er is"
    # JLOI (477, 481) stands in the Members' questions, which the ministry does not edit (issue 14)
    ("term-consistency", 522, "Rie"),  # Richtlijn Industriële Emissies (RIE)
    ("typo", 547, "bevoegd bezag"),
    ("term-consistency", 612, "meet-pilot"),
    ("term-consistency", 620, "meet-pilot"),
]


def test_every_slip_of_the_draft_and_nothing_else():
    findings = lint_text(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name, select=RULES)
    assert sorted((f.location.line, f.rule, f.location.text) for f in findings) == sorted(
        (line, rule, text) for rule, line, text in DRAFT)


# Every finding on the published letters, classified by reading the files.
LETTERS = {
    ("01-kamervragen-stalvloer-piekbelasters.txt", 37, "term-consistency", "stalsyste-men"): "extraction",
    ("01-kamervragen-stalvloer-piekbelasters.txt", 48, "term-consistency", "stalsyste-men"): "extraction",
    ("01-kamervragen-stalvloer-piekbelasters.txt", 87, "term-consistency", "vergunnin-gen"): "extraction",
    ("02-kamervragen-zuidelijke-kaukasus-md.txt", 34, "term-consistency", "NagornoKarabach"): "extraction",
    # gone since issue 14: a footnote's link text after a quoted headline («…» (…), «…» – …) and Markdown
    # italic titles count as quotation (Nagorno Karabach, line 42); MIND stood only in titles and questions
    # the letter writes openbaarvervoerdiensten twice and openbaar vervoerdiensten once
    ("04-kamervragen-arriva-verkoop-md.txt", 195, "term-consistency", "openbaar vervoerdiensten"): "true",
}
LETTER_WORDS = 8868


@needs_shared
def test_precision_on_published_letters():
    found = {}
    words = 0
    for path in sorted((CORPUS / "letters").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        for f in lint_text(text, path.name, select=RULES):
            found[(path.name, f.location.line, f.rule, f.location.text)] = LETTERS.get(
                (path.name, f.location.line, f.rule, f.location.text), "unclassified")
    assert words == LETTER_WORDS
    assert found == LETTERS  # a new finding must be read and classified here
    false = sum(1 for v in found.values() if v == "false")
    precision = 1 - false / len(found)
    assert precision >= 0.75
    assert false / words * 1000 <= 0.25  # false positives per 1000 words of published text

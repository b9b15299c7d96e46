"""The one-pass prefilters (letterlint.textpass): which paragraphs the punctuation checks, the address, identifier
and citation patterns run on.

A prefilter may name a paragraph where nothing is found, never miss one where something is: each test builds
texts from fragments that sit on the edges of the patterns (marks, spaces of four kinds, capitals, look-alike
letters, digits, addresses) and checks that every paragraph where the full patterns find something is named,
and that the findings are those of a run that asks every paragraph.  The operation counts show the work left
out: paragraphs without a sign are not scanned.
"""

from __future__ import annotations

import random
import sys

import letterlint.lint_rules.punctuation as punctuation
import pytest
import regex
from conftest import lint_text
from test_speed import growth

from letterlint import addresses, identifiers
from letterlint.citations import document as citations
from letterlint.citations.grammar import PREFILTER, PREFILTER_PARTS, folded
from letterlint.citations.parse import parse_moties
from letterlint.config import load_config
from letterlint.readers import read_bytes
from letterlint.runner import build_plan
from letterlint.textpass import find_all, match_starts, texts_at


def variants(fragments: list[str], n: int, seed: int, longest: int = 14) -> list[str]:
    """n texts, each a random run of fragments (fixed seed: the same texts every run)."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(fragments) for _ in range(rnd.randint(1, longest))) for _ in range(n)]


def everywhere(texts: list[str], *args: object, **kwargs: object) -> set[int]:
    return set(range(len(texts)))


# -- texts_at --------------------------------------------------------------------------------------------------


def test_texts_at_names_the_text_of_each_position():
    texts = ["ab/", "", "c", "/d/", "x"]
    assert texts_at(texts, lambda joined: find_all(joined, "/")) == {0, 3}
    assert texts_at(texts, lambda joined: [len(joined) - 1]) == {4}
    assert texts_at([], lambda joined: [0]) == set()


def test_texts_at_folds_each_text_before_joining():
    texts = ["İ", "x", "İi"]  # "İ".lower() is two characters: the texts after it keep their indexes
    assert texts_at(texts, lambda joined: find_all(joined, "i"), fold=str.lower) == {0, 2}
    assert texts_at(["A", "b", "A"], lambda joined: find_all(joined, "a"), fold=str.lower) == {0, 2}


def test_match_starts_gives_where_matches_start():
    assert list(match_starts(regex.compile("b+"))("abba b")) == [1, 5]


# -- punctuation -----------------------------------------------------------------------------------------------

MARKS = [".", "..", "...", ",", ",,", ";", ";;", ":", "?", "!", "(", "( (", "((", ")", "[", "]", "«", "»", "“",
         "”", "„", '"', "…"]
SPACES = [" ", "  ", "\u00a0", "\u202f", "\t", "\u2003", " \u00a0"]
WORDS = ["de", "vragen", "gesteld", "zoals", "creëren", "minister", "Jonge", "De", "Het", "Echter", "Daarom",
         "Deze", "Er", "Wij", "ÉÉN", "ǅx", "Ünïcode", "ßtraße", "x²", "i.v.m.", "o.a.", "z.Wh.", "1.5", "2.0",
         "a)", "iv)", "www.x.nl/a..b", "mail@x.nl", "map/a.txt", "rapport", "verkenning", "ĳs", "ǈj"]
PUNCT_FRAGMENTS = MARKS + SPACES * 3 + WORDS * 2


def _checks_find_something(text: str) -> bool:
    return any(p.search(text) for p in (punctuation.DOUBLED, punctuation.SPACE_BEFORE, punctuation.MISSING_SPACE,
                                        punctuation.OPENER))


def test_every_paragraph_a_punctuation_check_matches_is_a_suspect():
    texts = variants(PUNCT_FRAGMENTS, 4000, seed=13)
    suspects = punctuation.suspect_paragraphs(texts)
    missed = [t for i, t in enumerate(texts) if _checks_find_something(t) and i not in suspects]
    assert missed == []
    assert sum(map(_checks_find_something, texts)) > 500  # the variants do exercise the checks
    assert len(suspects) < len(texts)  # and the prefilter does leave paragraphs out


def _findings(text: str, rules: list[str]) -> list[tuple]:
    return [(f.rule, f.location.line, f.location.column, f.message.en, str(f.suggestion))
            for f in lint_text(text, select=rules)]


@pytest.mark.parametrize("seed", range(4))
def test_punctuation_findings_are_those_of_checking_every_paragraph(seed, monkeypatch):
    texts = variants(PUNCT_FRAGMENTS, 120, seed=seed)
    letter = "\n".join(t.replace("\n", " ") for t in texts) + "\n"
    fast = _findings(letter, ["punctuation", "kamerstuk-reference"])
    monkeypatch.setattr(punctuation, "suspect_paragraphs", everywhere)
    assert _findings(letter, ["punctuation", "kamerstuk-reference"]) == fast
    assert len(fast) > 20


def test_only_suspect_paragraphs_get_the_mark_checks(monkeypatch):
    calls = []
    spacing = punctuation._spacing
    monkeypatch.setattr(punctuation, "_spacing", lambda doc, par, *a: calls.append(par.text) or spacing(doc, par, *a))
    plain = "Het kabinet heeft de vragen beantwoord en stuurt de Kamer een brief (met een bijlage).\n"
    found = lint_text(plain * 300 + "Dit zijn de vragen..\n" + plain, select=["punctuation"])
    assert calls == ["Dit zijn de vragen.."]
    assert [f.location.line for f in found] == [301]


# -- addresses -------------------------------------------------------------------------------------------------

ADDRESS_FRAGMENTS = ["a/b", "../x", "~/map/", "C:\\map\\a.txt", "x\\y", "x@y.nl", "naam.achternaam@minienw.nl",
                     "www.", "www.rijksoverheid.nl", "https://e.org/a_(b)", "http://", "brief.PDF", "nota v2.docx",
                     "a.b", "/", "\\", "@", ".md", "data.json-x", "BramVanroy/GEITje-7B-ultra", "meta-llama/Llama-2-7b",
                     "BramVanroy", "en/of", "2023/24", "«", "(", ")", ",", ".", " ", "\u00a0", "\x1c", "tekst", "x.pdf²",
                     "rivm.nl/x", "`code`"]


def test_slashed_matches_as_the_pattern_it_replaces():
    old = regex.compile(r"[^\s«»“”„\"'`()\[\]<>{},;|*]*[/\\][^\s«»“”„\"'`()\[\]<>{},;|*]*")
    chars = list("ab/\\.«(), ;|*") + ["\x1c", "\x1f", "\u00a0", "\u2003", "\u200b", "\n", "\t", "é"]
    for text in variants(chars, 3000, seed=5, longest=20) + variants(ADDRESS_FRAGMENTS, 500, seed=6):
        assert [m.span() for m in addresses.SLASHED.finditer(text)] == [m.span() for m in old.finditer(text)], text


def _spans_of(doc) -> list[list[tuple[int, int]]]:
    found = addresses.Addresses(doc.blocks)
    return [found.spans(par) for par in doc.blocks()]


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_address_spans_are_those_of_scanning_every_paragraph(fmt, monkeypatch):
    texts = variants(ADDRESS_FRAGMENTS + ["tekst ", " ", "de "] * 6, 600, seed=7)
    doc = read_bytes("\n\n".join(texts).encode("utf-8"), f"x.{fmt}", {"txt": "text", "md": "markdown"}[fmt])
    fast = _spans_of(doc)
    monkeypatch.setattr(addresses, "signed", everywhere)
    assert _spans_of(doc) == fast
    assert sum(map(bool, fast)) > 100


def recorded(monkeypatch, module, name: str) -> list[str]:
    """The texts module.name is called with from now on (it still does its work)."""
    texts: list[str] = []
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda text: texts.append(text) or real(text))
    return texts


def test_only_signed_paragraphs_are_scanned_for_addresses(monkeypatch):
    scanned = recorded(monkeypatch, addresses, "path_spans")
    text = "Het kabinet stuurt de Kamer een brief.\n\n" * 200 + "Zie map/a.txt en www.rijksoverheid.nl.\n"
    doc = read_bytes(text.encode("utf-8"), "x.txt", "text")
    spans = _spans_of(doc)
    assert scanned == ["Zie map/a.txt en www.rijksoverheid.nl."]  # once: the handles' pass is reused
    assert sum(map(bool, spans)) == 1


def test_a_paragraph_of_another_document_is_scanned_in_full():
    mine = read_bytes(b"Gewone tekst.\n", "a.txt", "text")
    other = read_bytes(b"Zie www.example.org.\n", "b.txt", "text")
    found = addresses.Addresses(mine.blocks)
    assert found.spans(next(iter(mine.blocks()))) == []
    assert found.spans(next(iter(other.blocks()))) != []


# -- identifiers -----------------------------------------------------------------------------------------------

IDENT_FRAGMENTS = ["2025Z14995", "2025 z1499", "2025-D12345", "2025\u00a0Z12345", "2025\u2003d123", "kenmerk ",
                   "ECLI:NL:HR:2020:1", "ecli : nl", "CLI", "Ecli", "Richtlijn ", "Verordening (EU) ", "Besluit nr. ",
                   "2010/75/EU", "2016/679", "284/2010/EU", "CELEX ", "Celex-nummer: ", "32024L1785", "32024l1785",
                   "31999R0001", "2025", "Z", "d", "/", "1", "12", " ", "tekst ", "١٢٣٤Z12345", "19", "99", "20",
                   "-", "\u202f", "1999-d1234567", "x2024Z12345"]


def test_every_paragraph_scan_finds_an_identifier_in_is_a_suspect():
    texts = variants(IDENT_FRAGMENTS, 3000, seed=11)
    suspects = identifiers.suspects(texts)
    assert [t for i, t in enumerate(texts) if identifiers.scan(t) and i not in suspects] == []
    assert sum(bool(identifiers.scan(t)) for t in texts) > 500
    assert len(suspects) < len(texts)


def test_only_suspect_paragraphs_are_scanned_for_identifiers(monkeypatch):
    scanned = recorded(monkeypatch, citations, "scan")
    text = "Op 12 maart 2025 besloot het kabinet, zie bijlage 3.\n" * 200 + "Zaak 2025z14995 loopt.\n"
    doc = read_bytes(text.encode("utf-8"), "x.txt", "text")
    found = citations.identifiers(doc, {})
    assert scanned == ["Zaak 2025z14995 loopt."]
    assert [c.shown for c in found] == ["2025z14995"]


# -- citations -------------------------------------------------------------------------------------------------

CITATION_FRAGMENTS = ["Kamerstuk ", "KAMERSTUK ", "kamerſtuk ", "KamerStuk ", "Kamerstukken II ", "Handelingen ",
                      "HANDELİNGEN ", "nr. ", "NR ", "Nrs. ", "nr:", "no. ", "No.", "vergaderjaar ", "VERGADERJAAR ",
                      "2023/24, ", "28089, ", "nr. 321", "motie-Kostić ", "Motie ", "motie van ", "amendement ",
                      "Amendement-Van Esch ", "(35300-A, nr. 15) ", "Tweede Kamer, ", "de Kamer ", "inrichting ",
                      "tekst ", ", ", " "]


def test_every_paragraph_that_may_cite_is_named():
    texts = variants(CITATION_FRAGMENTS, 3000, seed=17)
    may = citations._may_cite(texts)
    missed = [t for i, t in enumerate(texts) if (PREFILTER.search(t) or parse_moties(t)) and i not in may]
    assert missed == []
    assert len(may) < len(texts)


def test_finding_the_paragraphs_that_may_cite_holds_a_bounded_part_of_a_long_document():
    import tracemalloc

    texts = variants(CITATION_FRAGMENTS + ["“de brief” ", "uitstoot ", "gemeente "], 60_000, seed=18)
    size = sum(map(len, texts))
    citations._may_cite(texts[:10])  # patterns compiled: not the text's memory
    tracemalloc.start()
    try:
        citations._may_cite(texts)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size > 1_000_000 and peak <= 2 * size, f"{peak / size:.1f}× the text"  # (a set of indexes, too)


def test_folded_maps_every_letter_prefilter_takes_for_its_own():
    letters = sorted(set("".join(PREFILTER_PARTS)) - {"."})
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in letters:
        for m in regex.finditer("(?i)" + letter, every):
            assert folded(m.group()) == letter, (letter, hex(ord(m.group())))


def test_only_paragraphs_that_may_cite_are_parsed(monkeypatch):
    parsed = []
    parse = citations.parse
    monkeypatch.setattr(citations, "parse", lambda text, **kw: parsed.append(text) or parse(text, **kw))
    text = "Het kabinet stuurt de Kamer een brief.\n" * 200 + "Zie Kamerstuk 28089, nr. 321.\n"
    doc = read_bytes(text.encode("utf-8"), "x.txt", "text")
    citations.references(doc, {})
    assert parsed == ["Zie Kamerstuk 28089, nr. 321."]


# -- linear --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan():
    return build_plan(load_config(None, search=False))


def test_many_paragraphs_with_signs_are_linear(plan):
    line = ("De minister De Jonge schreef in Kamerstuk 28089, nr. 321 ( (zie www.x.nl/a) over zaak 2025Z14995 "
            "en map/a.txt, «citaat».Daarom gesteld .\n")
    rules = ("punctuation", "kamerstuk-reference", "identifier-format", "reference-style")
    assert growth(lambda n: line * n, "txt", plan, 150, rules=rules) < 2.3


def _whole(texts: list[str], positions) -> set[int]:
    """texts_at as it was: one joined copy of all the texts."""
    from bisect import bisect_right
    from itertools import accumulate

    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    return {bisect_right(starts, i) - 1 for i in positions("\n".join(texts))} if texts else set()


def test_texts_at_a_batch_at_a_time_names_what_one_joined_text_would():
    fragments = ["Zie www.", "rijksoverheid.nl", ". ", "Het", " ", "\u2019", "a/b", "x", ",", "!", "Op 3 mei."]
    pattern = regex.compile(r"\.(?=\s)|/|(?<=\n)Het|!(?=\n)|\u2019")  # line breaks on either side of a text
    for n, longest in ((30, 5), (3000, 40)):  # one batch; many (the texts of 3000 × ~20 fragments > PIECE)
        texts = variants(fragments, n, seed=n, longest=longest) + ["", "x."]
        for positions in (match_starts(pattern), lambda joined: find_all(joined, "/")):
            assert texts_at(texts, positions) == _whole(texts, positions)
        assert texts_at(texts, match_starts(regex.compile("het")), fold=str.lower) == \
            _whole([t.lower() for t in texts], match_starts(regex.compile("het")))


def test_texts_at_holds_no_joined_copy_of_all_the_texts():
    """A pass over a long document's paragraphs holds a batch of them at a time, not all of them joined (on a
    1.5 MB letter each of four passes made a 3 MB copy, and the process kept that memory)."""
    import tracemalloc

    texts = [f"Alinea {i}: wat tekst met een schuine streep / en een punt. " * 8 for i in range(4000)]
    size = sum(map(len, texts))  # ~2 MB of text
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        found = texts_at(texts, lambda joined: find_all(joined, "/"))
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert found == set(range(4000))
    assert peak < size / 3, f"{peak / size:.2f}× the text at once"  # the result, a batch; the old code: > 1×

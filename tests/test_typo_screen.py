"""The typo rule's screen (wordlists.Screen): one pass over a document's tokens picks the paragraphs that can
hold a hit of the typo list or the lexicon; only those are scanned.

The findings must be exactly those of scanning every paragraph with both lists (the rule as it was, kept
here as the reference): checked on generated letters full of the lists' words, their slips, case variants,
hyphenations, apostrophes, addresses and defined acronyms, with the shipped lists and with lists of our own.
And the mechanism: each distinct token is looked up once per process, and a paragraph without a telling
token costs no pattern and no lexicon scan, however long the lists are.
"""

from __future__ import annotations

import random
import tracemalloc

import pytest
from letterlint.lint_rules import typo

from letterlint import analyses
from letterlint.config import load_config
from letterlint.lexicon import Lexicon, defined_acronyms
from letterlint.phrases import PhraseList
from letterlint.readers import read_bytes
from letterlint.runner import build_plan
from letterlint.wordlists import shipped

FILLER = ("de het een van en in op met voor naar aanleiding kader betrekking door taken maken eerst staten "
          "minister Kamer kamer Tweede tweede raad Raad gezag bevoegd bevoegde wet regels brief antwoord vragen "
          "leefomgeving Omgevingswet provincie gemeente overheid semi anti vice premier beleid ten ter te aanzien "
          "gevolge behoeve plaatse rijksoverheid").split()
EDGES = ["", "", "", ",", ".", ";", ")", "(", "’s", "'s", "-rapport", "-", "/", "…", "’"]
SPACES = [" "] * 12 + ["  ", "\u00a0", "\u202f", "\t"]


def _slip(word: str, rng: random.Random) -> str:
    """One random edit: a letter replaced, added, left out, or two neighbours swapped."""
    if len(word) < 2:
        return word
    i = rng.randrange(len(word) - 1)
    letter = rng.choice(word + "xeé")
    return rng.choice([word[:i] + letter + word[i + 1:], word[:i] + letter + word[i:], word[:i] + word[i + 1:],
                       word[:i] + word[i + 1] + word[i] + word[i + 2:]])


def _case(text: str, rng: random.Random) -> str:
    return rng.choice([text, text, text, text.lower(), text.upper(), text[:1].upper() + text[1:],
                       text[:1].lower() + text[1:], text.title()])


def _pieces(entries: list, terms: list) -> list[str]:
    out = []
    for e in entries:
        out += [e["wrong"], e["right"], e["wrong"] + "en", e["wrong"].replace(" ", "-")]
        first = e["wrong"][:1]
        out += [c + e["wrong"][1:] for c in set(first.upper() + first.lower())]  # ﬁ: F, I
    for t in terms:
        t = t if isinstance(t, str) else t["term"]
        out += [t, t + "s", t.replace(" ", "-")]
    return out


def _letter(rng: random.Random, pieces: list[str]) -> str:
    paragraphs = []
    for _ in range(rng.randrange(3, 12)):
        words = []
        for _ in range(rng.randrange(4, 30)):
            r = rng.random()
            if r < 0.55:
                word = rng.choice(FILLER)
            else:
                word = rng.choice(pieces)
                if r < 0.7:
                    parts = word.split(" ")
                    k = rng.randrange(len(parts))
                    parts[k] = _slip(parts[k], rng)
                    word = " ".join(parts)
                word = _case(word, rng) if r > 0.85 else word
            if rng.random() < 0.03:
                word = rng.choice(["www.", "info@", "https://", ""]) + word.replace(" ", "") + ".nl"
            if rng.random() < 0.03:
                word = f"Adviescommissie ({word.split()[-1].upper()[:6]})"
            words.append(rng.choice(EDGES[:6]) * (rng.random() < 0.1) + word + rng.choice(EDGES))
        glue = SPACES + [""]  # now and then two words run together
        paragraphs.append("".join(w + rng.choice(glue) for w in words).strip())
    return "\n\n".join(paragraphs) + "\n"


def _reference(doc, prepared) -> list:
    """Every paragraph scanned with both lists: the typo rule before the screen."""
    lexicon = prepared.lexicon
    defined = defined_acronyms(p.text for p in doc.blocks()) if lexicon else set()
    addresses = analyses.of(doc).addresses
    out = []
    for par in doc.blocks():
        if not par.text:
            continue
        urls = addresses.spans(par)
        taken = list(urls)
        out += typo._listed(doc, par, prepared.phrases.finditer(par.text), urls, taken)
        if lexicon is not None:
            out += typo._near_misses(doc, par, lexicon.scan(par.text, defined, taken), prepared.fix)
    return out


def _typo(tmp_path, rules: str | None):
    if rules is None:
        config = load_config(None, search=False)
    else:
        (tmp_path / "rules.yaml").write_text(rules, encoding="utf-8")
        config = load_config(tmp_path / "rules.yaml")
    (active,) = [a for a in build_plan(config, select=["typo"]).rules if a.rule.id == "typo"]
    return active


OWN = """rules:
  typo:
    extra-entries:
      - {wrong: "'t Gooi", right: "het Gooi"}
      - {wrong: dwz, right: d.w.z., case: ignore}
      - {wrong: "zo'n beetje", right: zowat}
      - {wrong: abc, right: ABC, stem: true}
      - {wrong: "_intern", right: intern}
      - {wrong: "Ministerie van ezk", right: Ministerie van EZK, case: exact}
      - {wrong: "ﬁnanciën", right: financiën}
    extra-terms:
      - Luchtmeetnet
      - {term: Programma Aanpak Stikstof, forms: [Programma's Aanpak Stikstof]}
      - {term: Nationaal Programma Landelijk Gebied, neighbours: [Nationaal Programma Landelijke Gebieden]}
      - EZK
"""


@pytest.mark.parametrize("rules", [None, OWN, "rules:\n  typo:\n    near-misses: false\n"])
def test_the_screen_finds_what_scanning_every_paragraph_finds(tmp_path, rules):
    active = _typo(tmp_path, rules)
    prepared = active.ctx.prepared
    entries = [{"wrong": p.wrong, "right": p.right} for p in prepared.phrases.phrases]
    terms = [t.text for t in prepared.lexicon.targets] if prepared.lexicon else shipped()["terms"]
    pieces = _pieces(entries, terms)
    rng = random.Random(1313)
    found = 0
    for n in range(60):
        doc = read_bytes(_letter(rng, pieces).encode("utf-8"), "brief.txt" if n % 2 else "brief.md")
        expected = _reference(doc, prepared)
        assert list(active.rule.check(doc, active.ctx)) == expected, n
        found += len(expected)
    assert found > 200  # the letters are full of slips: the comparison means something


def _nothing_kept(monkeypatch, tmp_path) -> None:
    """As the first run ever: no verdicts kept by earlier runs (bundled.kept_memo) are read or written."""
    from letterlint import bundled

    monkeypatch.setattr(bundled, "kept_path", lambda stem: str(tmp_path / f"{stem}.pickle"))
    monkeypatch.setattr(bundled, "_MEMOS", {})


def test_a_token_is_looked_up_once_per_process(tmp_path, monkeypatch):
    _nothing_kept(monkeypatch, tmp_path)
    active = _typo(tmp_path, None)
    screen = active.ctx.prepared.screen
    text = "De minister schrijft de Kamer over het bevoegd gezag en het RVIM.\n\nNog een alinea over de Kamer.\n"
    list(active.rule.check(read_bytes(text.encode(), "a.txt"), active.ctx))
    looked_up = screen.classified
    assert looked_up >= len(set(text.split()))
    findings = list(active.rule.check(read_bytes((text * 3).encode(), "b.txt"), active.ctx))
    assert screen.classified == looked_up  # the second letter's tokens were all known
    assert [f.location.text for f in findings] == ["RVIM"] * 3


def _counting(monkeypatch) -> dict:
    """Count the phrase patterns run and the lexicon scans made."""
    counts = {"patterns": 0, "scans": 0}
    find, scan = PhraseList._find, Lexicon.scan

    def counted_find(text, candidates):
        counts["patterns"] += len(candidates)
        return find(text, candidates)

    def counted_scan(self, *args, **kwargs):
        counts["scans"] += 1
        return scan(self, *args, **kwargs)

    monkeypatch.setattr(PhraseList, "_find", staticmethod(counted_find))
    monkeypatch.setattr(Lexicon, "scan", counted_scan)
    return counts


@pytest.mark.parametrize("extra", [0, 400])
def test_clean_paragraphs_cost_no_pattern_and_no_scan_whatever_the_list_size(tmp_path, monkeypatch, extra):
    own = "".join(f"      - {{wrong: woordfout{i} in zin, right: woord{i} in zin}}\n" for i in range(extra))
    rules = "rules:\n  typo:\n    extra-entries:\n" + own if extra else None
    active = _typo(tmp_path, rules)
    clean = "De minister schrijft de Tweede Kamer over het bevoegd gezag, de leefomgeving en de Omgevingswet."
    text = "\n\n".join([clean] * 200 + ["Het RVIM adviseert over de woordfout7 in zin."]) + "\n"
    counts = _counting(monkeypatch)
    findings = list(active.rule.check(read_bytes(text.encode(), "brief.txt"), active.ctx))
    assert [f.location.text for f in findings] == ["RVIM"] + ["woordfout7 in zin"] * (extra > 7)
    assert counts["scans"] == 1  # only the last paragraph is scanned for near-misses
    assert counts["patterns"] == (1 + (extra > 7))  # RVIM, and the one own phrase whose words are all there


def _long_texts(one_paragraph: bool) -> list[str]:
    rng = random.Random(7)
    words = FILLER + ["RVIM", "bevoegd", "gezag", "Programma", "Aanpak", "Stikstof"]
    pars = [" ".join(rng.choice(words) + rng.choice(EDGES) for _ in range(rng.randrange(5, 80))) for _ in range(3000)]
    return [" ".join(pars)] if one_paragraph else pars


@pytest.mark.parametrize("one_paragraph", [False, True])
def test_the_screen_selects_per_batch_as_over_the_whole_document(tmp_path, one_paragraph):
    screen = _typo(tmp_path, None).ctx.prepared.screen
    texts = _long_texts(one_paragraph)
    whole = list(screen._select([set(t.split()) for t in texts]))  # every token of the document at once
    assert whole and list(screen.select(texts)) == whole


@pytest.mark.parametrize("one_paragraph", [False, True])
def test_the_screen_and_the_phrase_keys_hold_a_bounded_part_of_a_long_document(tmp_path, one_paragraph):
    prepared = _typo(tmp_path, None).ctx.prepared
    texts = _long_texts(one_paragraph)
    size = sum(map(len, texts))
    list(prepared.screen.select(texts))  # the tokens learnt: the screen's per-process memory, not the text's
    tracemalloc.start()
    try:
        for i, keys, _near in prepared.screen.select(texts):
            list(prepared.phrases.finditer_screened(texts[i], keys))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size > 500_000 and peak <= 2 * size, f"{peak / size:.1f}× the text"


def test_the_lexicon_scans_a_long_paragraph_a_piece_at_a_time(tmp_path):
    lexicon = _typo(tmp_path, None).ctx.prepared.lexicon
    (long,) = _long_texts(True)
    quiet = " ".join(w for w in long.split() if lexicon._all_boring(w))  # words near no term, no anchors
    rng = random.Random(5)
    slipped = next(s for t in lexicon.targets for s in [_slip(t.text, rng)] if list(lexicon.scan(s)))
    short = [(h.start, h.end, h.found) for h in lexicon.scan(slipped)]
    assert [(h.start - len(quiet) - 1, h.end - len(quiet) - 1, h.found)
            for h in lexicon.scan(quiet + " " + slipped)] == short  # the hit in the last piece is found
    tracemalloc.start()
    try:
        assert list(lexicon.scan(quiet)) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(quiet) > 500_000 and peak <= 2 * len(quiet), f"{peak / len(quiet):.1f}× the text"

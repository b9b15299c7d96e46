"""The similarity engine: normalisation, stable shingle hashes, aligned chains, and bounded cost."""

import os
import subprocess
import sys

from letterlint import similarity
from letterlint.readers import read_bytes
from letterlint.similarity import (
    MAX_PARTNERS,
    align,
    analyse,
    compare,
    is_furniture,
    make_unit,
    normal,
    question_quote,
    sample,
    shorten,
    text_shingles,
    unpack,
)
from letterlint.structure import structure

PILOT = ("Het doel van deze pilot is om te bevorderen dat gezondheid op voorhand wordt meegewogen bij keuzes over "
         "de ruimtelijke inpassing en voorwaarden. De pilot is gericht op planvorming en niet op vergunningverlening.")


def doc_of(text: str, name: str = "brief.txt"):
    return read_bytes(text.encode("utf-8"), name)


def test_words_are_folded_for_comparison():
    assert normal("Creëren") == normal("creeren") == "creeren"
    assert normal("GGD’en") == normal("GGD'en") == "ggd'en"
    assert text_shingles("De Kamerbrief van 19 december jl.") == text_shingles("de kamerbrief  van 19\ndecember JL")
    assert text_shingles("wet- en regelgeving is nodig") == text_shingles("wet en regelgeving is nodig")
    assert text_shingles("te kort") == []  # fewer words than one shingle


def test_hashes_are_the_same_in_every_process():
    """Summaries made in worker processes are compared in the parent: hashes must not depend on PYTHONHASHSEED."""
    code = f"from letterlint.similarity import text_shingles; print(text_shingles({PILOT!r}))"
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.add(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                                   check=True).stdout)
    assert len(outputs) == 1
    assert outputs.pop().strip() == str(text_shingles(PILOT))


def test_a_changed_word_uncovers_only_that_word():
    edited = PILOT.replace("deze pilot", "de pilot")
    doc = doc_of(f"Antwoord: {PILOT}\nAntwoord: {edited}\n")
    a, b = analyse(doc).units
    chains = align(a.hashes, b.hashes, a.hashset & b.hashset)
    assert len(chains) == 1  # one chain bridges the edit
    (pair,) = analyse(doc).pairs
    n = a.n_words
    assert pair.sim_i == (n - 1) / n and pair.sim_j == (n - 1) / n


def test_a_passage_inside_a_longer_text_is_found_at_both_places():
    long = "Dit is een eigen inleiding van het antwoord met enkele woorden. " + PILOT + " En een eigen slotzin erachter."
    doc = doc_of(f"Antwoord: {PILOT}\nAntwoord: {long}\n")
    (pair,) = analyse(doc).pairs
    assert pair.sim_i == 1.0 and 0.5 < pair.sim_j < 0.8
    (chain,) = [c for c in pair.chains if c.words > 10]
    a, b = analyse(doc).units
    assert a.text_of(chain.a0, chain.a1) == PILOT.rstrip(".")
    assert b.text_of(chain.b0, chain.b1) == PILOT.rstrip(".")


def test_unrelated_answers_are_not_compared():
    doc = doc_of("Antwoord: Het kabinet neemt de motie over en informeert de Kamer voor de zomer over de uitvoering.\n"
                 "Antwoord: De provincie is bevoegd gezag voor deze installaties en houdt toezicht op de naleving.\n")
    assert analyse(doc).pairs == []


def test_cost_is_bounded_by_the_partner_cap():
    """300 copies of one answer: each is aligned with at most MAX_PARTNERS earlier ones, not with all."""
    units = [make_unit(i, [(p, 0, len(p.text))]) for i, p in
             enumerate(doc_of("\n".join([PILOT] * 300) + "\n").paragraphs) if p.text.strip()]
    pairs = compare(units)
    assert len(units) == 300 and len(pairs) <= 300 * MAX_PARTNERS
    assert all(p.sim_i == 1.0 for p in pairs)


def test_analysis_is_cached_and_uses_paragraphs_without_answers():
    doc = doc_of(f"Geachte voorzitter,\n{PILOT}\nEen andere alinea over iets heel anders dan de pilot.\n{PILOT}\n"
                 "Hoogachtend,\n")
    analysis = analyse(doc)
    assert analysis is analyse(doc)
    assert analysis.kind == "paragraphs" and len(analysis.units) == 3  # furniture left out


def test_letter_furniture():
    for text in ("Geachte voorzitter,", "Hoogachtend,", "Met vriendelijke groet,",
                 "De staatssecretaris van Infrastructuur en Waterstaat,",
                 "DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,",
                 "van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 13 november 2023)."):
        assert is_furniture(text), text
    for text in ("De staatssecretaris van Infrastructuur en Waterstaat heeft de Kamer op 3 maart geïnformeerd over de "
                 "stand van zaken. Daarna volgt een brief.", PILOT, "Geachte voorzitter, hierbij bied ik u de antwoorden "
                 "aan op de vragen van de leden van de vaste commissie. Zij vroegen naar de voortgang van de pilots."):
        assert not is_furniture(text), text


def test_samples_are_a_fixed_share_of_the_hashes():
    hashes = text_shingles(PILOT + " " + PILOT.replace("pilot", "proef"))
    picked = list(unpack(sample(hashes)))
    expected = sorted({(h >> 8) & 0xFFFFFFFF for h in hashes if h % similarity.SAMPLE_MOD == 0})
    assert picked == expected and 0.1 < len(picked) / len(set(hashes)) < 0.5


def test_question_quote_picks_the_question():
    doc = doc_of("De leden van de D66-fractie hebben een vraag over de pilot. Zij vragen hoe de staatssecretaris "
                 "dit borgt. Wanneer wordt de Kamer geïnformeerd over de resultaten van de pilot in IJmond?\n"
                 f"Antwoord: {PILOT}\n")
    (answer,) = structure(doc).answers
    assert question_quote(answer) == "Wanneer wordt de Kamer geïnformeerd over de resultaten van de pilot in IJmond?"
    assert question_quote(answer, 40) == "Wanneer wordt de Kamer geïnformeerd…"
    assert shorten("kort") == "kort"

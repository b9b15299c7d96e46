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


# -- the mechanism of the fast paths: same results as the plain definitions, fewer steps, less memory ------

def _plain_align(a, b, shared, k=similarity.K, gap=similarity.GAP, gap_max=similarity.GAP_MAX):
    """align as first written: one step per shared shingle of a (the definition the fast path must keep)."""
    b_pos = {}
    for q, h in enumerate(b):
        if h in shared and len(b_pos.setdefault(h, [])) < 4:
            b_pos[h].append(q)
    chains, active, last = [], [], None
    for p, h in enumerate(a):
        if h not in shared:
            continue
        qs = b_pos[h]
        if last is not None and p == last.lp + 1 and last.lq + 1 in qs:
            for name in ("cov_a", "cov_b", "a1", "b1", "lp", "lq"):
                setattr(last, name, getattr(last, name) + 1)
            if len(qs) == 1:
                continue
            qs = [q for q in qs if q != last.lq]
        active = [c for c in active if p - c.lp <= gap_max]
        for q in qs:
            fits = [(abs((p - c.lp) - (q - c.lq)), i) for i, c in enumerate(active)
                    if 0 < p - c.lp and 0 < q - c.lq and max(p - c.lp, q - c.lq) <= gap_max
                    and min(p - c.lp, q - c.lq) <= gap]
            if not fits:
                last = similarity.Chain(p, p + k, q, q + k, k, k, p, q)
                chains.append(last)
                active.append(last)
            else:
                best = active[min(fits)[1]]
                best.cov_a += p + k - max(p, best.a1)
                best.cov_b += q + k - max(q, best.b1)
                best.a1, best.b1, best.lp, best.lq = p + k, q + k, p, q
                last = best
    return chains


def _edited(rng, words, vocab, edits):
    out = list(words)
    for _ in range(edits):
        at = rng.randrange(len(out) + 1)
        kind = rng.random()
        if kind < 0.3:
            out.insert(at, rng.choice(vocab))
        elif out and kind < 0.6:
            del out[min(at, len(out) - 1)]
        elif out:
            out[min(at, len(out) - 1)] = rng.choice(vocab)
    return out


def test_align_gives_the_chains_of_the_step_by_step_definition():
    """Runs taken in one step, positions made once: the chains stay those of one step per shared shingle, also
    with shingles repeated in either text (a small vocabulary), moved passages and pasted parts."""
    import random

    rng = random.Random(13)
    words = PILOT.split() * 3
    for trial in range(400):
        vocab = rng.sample(words, rng.randint(3, 25))
        a = [rng.choice(vocab) for _ in range(rng.randint(5, 250))]
        b = _edited(rng, a, vocab, rng.randint(0, 8))
        if trial % 3 == 0:  # a part of a pasted behind new text
            b = [rng.choice(vocab) for _ in range(rng.randint(0, 30))] + b[rng.randrange(len(b) // 2 + 1):]
        ha, hb = text_shingles(" ".join(a)), text_shingles(" ".join(b))
        shared = set(ha) & set(hb)
        expected = _plain_align(ha, hb, shared)
        assert align(ha, hb, shared) == expected, trial
        assert align(ha, hb, shared, where=similarity.positions(hb, shared)) == expected, trial


def test_a_copied_passage_is_aligned_in_a_few_steps_whatever_its_length():
    class Counted(list):  # counts the shingles align reads one at a time (slices are compared in C)
        reads = 0

        def __getitem__(self, i):
            if isinstance(i, int):
                Counted.reads += 1
            return super().__getitem__(i)

    for n in (100, 5000):
        Counted.reads = 0
        hashes = text_shingles(" ".join(f"woord{i}" for i in range(n)))
        (chain,) = align(Counted(hashes), hashes, set(hashes))
        assert (chain.a0, chain.a1, chain.cov_a) == (0, n, n)
        assert Counted.reads <= 6  # not one per shingle


def test_run_length_and_positions():
    run_length, positions = similarity.run_length, similarity.positions
    a, b = [1, 2, 3, 4, 5, 6], [9, 2, 3, 4, 7]
    assert run_length(a, b, 1, 1, 10) == 3 and run_length(a, b, 1, 1, 2) == 2 and run_length(a, b, 0, 0, 5) == 0
    assert run_length(a, a, 0, 0, 6) == 6 and run_length(a, b, 5, 4, 0) == 0
    where = positions([7, 8, 7, 9, 7, 7, 7, 7, 8])
    assert where.first == {7: 0, 8: 1, 9: 3}
    assert where.many == {7: [0, 2, 4, 5], 8: [1, 8]} and where.repeats == [0, 1, 2, 4, 5, 6, 7, 8]
    assert positions([7, 8, 9, 8], {8}).first == {8: 1} and positions([1, 2, 3]).many == {}


def test_a_long_document_keeps_its_hashes_as_arrays_with_the_same_results(monkeypatch):
    text = "".join(f"Antwoord: {PILOT} Onderdeel {i} van de reeks gaat over iets anders.\n" for i in range(40))
    plain = analyse(doc_of(text))
    assert all(isinstance(u.hashes, list) for u in plain.units)  # a letter of usual length: lists
    monkeypatch.setattr(similarity, "KEEP_AS_ARRAY", 200)  # as if the document were long
    monkeypatch.setattr(similarity, "BIG", 16)  # and its units too
    compact = analyse(doc_of(text))
    assert all(u.hashes.itemsize == 8 for u in compact.units)  # array('q'): 8 bytes a hash
    assert [list(u.hashes) for u in compact.units] == [u.hashes for u in plain.units]
    assert [(p.i, p.j, p.sim_i, p.sim_j, p.chains) for p in compact.pairs] == \
        [(p.i, p.j, p.sim_i, p.sim_j, p.chains) for p in plain.pairs]


def test_a_long_paragraph_is_indexed_without_copies_of_its_words():
    """A letter flattened to one line: words tokenised a chunk at a time and hashes made a part at a time, so
    the peak stays a few machine words per word (the word list and the hash array), not a string per word."""
    import gc
    import tracemalloc

    words = [f"{w}{i % 997}" for i, w in enumerate(similarity.tokens(PILOT) * 2500)]  # 85 000 words, ~1 000 distinct
    par = doc_of(" ".join(words) + "\n").paragraphs[0]
    similarity.make_unit(0, [(par, 0, len(par.text))])  # the word ids cached, as in a long run
    gc.collect()
    tracemalloc.start()
    unit = similarity.make_unit(0, [(par, 0, len(par.text))])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert unit.n_words == len(words) and len(unit.hashes) == len(words) - similarity.K + 1
    assert list(unit.hashes) == text_shingles(par.text)
    # ids and hashes (8 bytes a word each, with room to grow) and one chunk of words and hashes; the words as
    # strings and the hashes as a list, as made before, were ~145 bytes a word
    assert peak < 48 * len(words)


def test_word_places_are_kept_without_an_object_per_word():
    import gc

    long = " ".join([PILOT] * 30)
    doc = doc_of(f"Antwoord: {long}\nAntwoord: {long} Met een eigen slot.\n")
    structure(doc)
    (unit, _) = analyse(doc).units
    gc.collect()
    before = len(gc.get_objects())
    places = [unit.word(i) for i in range(unit.n_words)]
    del places
    gc.collect()
    assert len(gc.get_objects()) - before < 10  # not a tuple per word (1 000 words)
    (par, start, end), = unit.segments
    assert [unit.word(i)[1:] for i in range(unit.n_words)] == similarity.token_spans(par.text, start, end)


def test_duplicate_groups_are_made_once_per_setting():
    doc = doc_of(f"Antwoord: {PILOT}\nAntwoord: {PILOT}\n")
    analysis = analyse(doc)
    groups = similarity.duplicate_groups(analysis, 0.8, 15)
    assert [g.members for g in groups] == [[0, 1]]
    assert similarity.duplicate_groups(analysis, 0.8, 15) is groups
    assert similarity.duplicate_groups(analysis, 0.9, 15) is not groups


# -- words folded in batches: the same ids as word by word, without a Python step per character or per word ----

ODD_WORDS = ["Creëren", "GGD’en", "GGD'en", "‘t", "wet‐", "niet‑", "STRAẞE", "Straße", "İstanbul", "ﬁets", "½",
             "´", "¨x", "ΣΟΦΟΣ", "ΌΣΟΣ", "e\u0301\u0327", "e\u0327\u0301", "Å", "ǅemal", "Ⅻ", "x²", "naïef", "Ĳssel",
             "", "café", "CAFÉ", "a\u200db", "\U0001d400", "x\u0308\u0323"]


def test_words_folded_together_are_folded_as_one_by_one():
    """Case folding, NFKD and the quote map work character by character, and a line break ends every run of
    marks NFKD reorders: folding the words joined gives what folding each gives."""
    import random

    rng = random.Random(7)
    pool = ODD_WORDS + similarity.tokens(PILOT)
    for _ in range(200):
        words = [rng.choice(pool) + rng.choice(["", "\u0301", "’s", "É"]) for _ in range(rng.randint(1, 12))]
        similarity._NORMAL.clear()
        expected = [similarity.normal(w) for w in words]
        assert similarity.normals(words) == expected, words
        assert similarity.normals([w.encode("ascii", "ignore").decode() for w in words]) == \
            [similarity.normal(w.encode("ascii", "ignore").decode()) for w in words]
    assert similarity.normals(["a\nb", "C"]) == ["a\nb", "c"]  # a word with a line break: one by one
    assert similarity.normal("Creëren") == "creeren" and similarity.normal("ΣΟΦΟΣ") == "σοφοσ"


def test_new_words_are_learnt_in_one_batch(monkeypatch):
    """The first letter of a process knows no word: its words are folded in one batch per stretch of text, not
    one call (and a walk over the characters) per distinct word; only a word with a letter beyond ASCII is
    folded on its own."""
    calls = {"normal": 0, "normals": 0}
    real_normal, real_normals = similarity.normal, similarity.normals

    def normal(word):
        calls["normal"] += 1
        return real_normal(word)

    def normals(words):
        calls["normals"] += 1
        return real_normals(words)

    monkeypatch.setattr(similarity, "normal", normal)
    monkeypatch.setattr(similarity, "normals", normals)
    monkeypatch.setattr(similarity, "_TOKEN_IDS", {})
    text = " ".join(f"Nieuwwoord{i} één" for i in range(300))
    ids = similarity.ids_of(similarity.tokens(text))
    assert calls == {"normal": 1, "normals": 1}  # 301 distinct words: "één" on its own
    assert ids == [similarity.word_id(real_normal(w)) for w in similarity.tokens(text)]
    assert similarity.ids_of(similarity.tokens(text)) == ids and calls["normals"] == 1  # known now: no new batch
    assert similarity.ids_of(["NIEUWWOORD1", "Een"]) == [ids[2], ids[1]]  # folded as the text's words


def test_word_ids_are_the_same_in_every_process_and_distinct():
    code = "from letterlint.similarity import word_id; print([word_id(w) for w in ('pilot', 'één', '')])"
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1
    words = {normal(w) for w in similarity.tokens(PILOT)} | {f"w{i}" for i in range(5000)} | {"", "a", "b", "ab"}
    assert len({similarity.word_id(w) for w in words}) == len(words)
    odd = "a\udcff"  # a lone surrogate (a file decoded with surrogateescape): ids as for its bytes kept as such
    assert similarity.word_ids(["x", odd]) == [similarity.word_id("x"), similarity.word_id(odd)]
    assert similarity.word_id(odd) != similarity.word_id("a")


def test_a_letters_new_words_are_learnt_a_batch_of_answers_at_a_time(monkeypatch):
    """On a process's first letter every answer brings new words: they are learnt for many answers at once (a
    few calls per letter), with the same ids and units as answer by answer."""
    text = "".join(f"Antwoord: {PILOT} Onderwerp{i} betreft kwestie{i} en variant{i}.\n" for i in range(120))
    doc = doc_of(text)
    structure(doc)
    expected = [(u.ids, u.hashes, u.starts) for u in
                (make_unit(i, s, a) for i, (s, a) in enumerate((similarity.answer_segments(a), a)
                                                               for a in structure(doc).answers))]
    batches = []
    real = similarity.normals
    monkeypatch.setattr(similarity, "normals", lambda words: batches.append(len(words)) or real(words))
    monkeypatch.setattr(similarity, "_TOKEN_IDS", {})
    units = similarity.build_index(doc, {}).units
    assert [(u.ids, u.hashes, u.starts) for u in units] == expected
    assert sum(batches) >= 3 * 120 and len(batches) <= len(text) // similarity.BATCH + 1


def test_batched_words_give_the_units_of_make_unit_with_long_segments_too(monkeypatch):
    monkeypatch.setattr(similarity, "CHUNK", 150)  # some answers longer than a chunk: read a chunk at a time
    monkeypatch.setattr(similarity, "BATCH", 700)
    text = "".join(f"Antwoord: {PILOT * (i % 3)} Onderwerp{i} betreft kwestie{i}.\n\nEn verder {i}.\n"
                   for i in range(40))
    doc = doc_of(text)
    answers = structure(doc).answers
    expected = [(u.ids, u.hashes, u.starts) for u in
                (make_unit(i, similarity.answer_segments(a), a) for i, a in enumerate(answers))]
    assert [(u.ids, u.hashes, u.starts) for u in similarity.build_index(doc, {}).units] == expected
    assert any(len(s) > 1 for _, _, s in expected)  # answers of several paragraphs among them
    plain = doc_of("".join(f"{PILOT * (i % 3)} Alinea {i} gaat over iets anders.\n\n" for i in range(30)))
    analysis = similarity.build_index(plain, {})
    assert analysis.kind == "paragraphs" and len(analysis.units) == 30
    assert [(u.ids, u.hashes, u.starts) for u in analysis.units] == \
        [(u.ids, u.hashes, u.starts) for u in (make_unit(i, u.segments) for i, u in enumerate(analysis.units))]
    assert analysis.pairs  # the repeated paragraphs are found

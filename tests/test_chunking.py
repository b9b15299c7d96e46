"""chunking: bounded pieces of a long text and batches of texts, and folding a long text a piece at a time,
with the results of the whole-text operations and a bounded part of the text's memory at once."""

from __future__ import annotations

import random
import tracemalloc

import pytest

from letterlint.chunking import PIECE, batches, folded, pieces

ALPHABET = ["a", "Σ", "σ", "ς", "İ", "ß", "ﬁ", "Ǆ", " ", "\n", "\u00a0", "\u2003", ".", "-", "’", "Ⓐ", "😀", "i\u0307"]


def _text(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(ALPHABET) for _ in range(n))


def test_pieces_make_up_the_text_and_cut_only_after_white_space():
    rnd = random.Random(11)
    for _ in range(500):
        text = _text(rnd, rnd.randint(0, 80))
        size = rnd.randint(1, 10)
        parts = list(pieces(text, size))
        assert "".join(parts) == text
        assert all(p[-1].isspace() for p in parts[:-1])
        assert sum(len(p.split()) for p in parts) == len(text.split())  # no token cut


def _greedy(texts: list[str], size: int) -> list[tuple[int, list[str]]]:
    """batches as a text at a time would make them: a group takes the next text while the total fits."""
    if sum(map(len, texts)) <= size:
        return [(0, texts)]
    out, first, total = [], 0, 0
    for i, text in enumerate(texts):
        if i > first and total + len(text) > size:
            out.append((first, texts[first:i]))
            first, total = i, 0
        total += len(text)
    return out + ([(first, texts[first:])] if first < len(texts) else [])


def test_batches_are_the_longest_groups_that_fit_as_a_text_at_a_time_would_make_them():
    rnd = random.Random(14)
    for _ in range(500):
        texts = [_text(rnd, rnd.choice((0, 0, 1, 5, 30, 90))) for _ in range(rnd.randint(0, 25))]
        size = rnd.randint(1, 60)
        assert [(first, list(b)) for first, b in batches(texts, size)] == _greedy(texts, size)


def test_batches_keep_order_and_size():
    rnd = random.Random(12)
    for _ in range(300):
        texts = [_text(rnd, rnd.randint(0, 30)) for _ in range(rnd.randint(0, 20))]
        size = rnd.randint(1, 60)
        out = list(batches(texts, size))
        assert [t for _, b in out for t in b] == texts
        assert all(first == sum(len(b) for _, b in out[:i]) for i, (first, _) in enumerate(out))  # texts before
        assert all(len(b) == 1 or sum(map(len, b)) <= size for _, b in out)


@pytest.mark.parametrize("fold", [str.lower, str.casefold])
def test_folding_a_long_text_a_piece_at_a_time_gives_the_whole_fold(fold):
    rnd = random.Random(13)
    text = _text(rnd, 3 * PIECE)
    assert folded(text, fold) == fold(text)


def test_folding_a_long_text_holds_a_bounded_part_of_it():
    text = "Het Kabinet schrijft de Kamer over “normen”. " * 50_000  # not ASCII: the slow fold
    tracemalloc.start()
    try:
        folded(text, str.lower)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak <= 3 * 2 * len(text), f"{peak / len(text):.1f}× the text"  # two bytes a character


def test_the_prefilter_finds_needed_strings_across_the_cuts_of_a_long_text():
    import re

    from letterlint.structure.prefilter import Prefilter

    patterns = [re.compile(p) for p in (r"in antwoord op", r"vraag \d+", r"de kamer", r"SS", r"\w+", r"zie bijlage")]
    prefilter = Prefilter(patterns)
    rnd = random.Random(14)
    words = ["in", "antwoord", "op", "vraag", "de", "Kamer", "ß", "zie", "bijlage", "x" * 50]
    for _ in range(20):
        text = " ".join(rnd.choice(words[3:]) for _ in range(PIECE // 4))  # more than a piece
        text += " " + " ".join(rnd.sample(words, 3))
        folded_text = text.casefold()
        whole = sorted(set(prefilter.always).union(*(u for w, u in prefilter.users.items() if w in folded_text)))
        assert prefilter.candidates(text) == whole

"""misspelling: what a checker learns about unknown words (compound or not, the known words one edit away)
depends only on the vocabulary and the extra words, and is kept between runs under their identity."""

from __future__ import annotations

import pytest

from letterlint import bundled, slips
from letterlint.vocabulary import Vocabulary

WORDS = {"beleid": 900, "regeling": 800, "subsidie": 700, "subsidieregeling": 50, "aanvraag": 600}


@pytest.fixture
def runs(tmp_path, monkeypatch):
    """new_run(): the memos as a new process finds them (what the last one kept at exit)."""
    monkeypatch.setattr(bundled, "kept_path", lambda stem: str(tmp_path / f"{stem}.pickle"))
    monkeypatch.setattr(bundled.sys, "dont_write_bytecode", False)
    monkeypatch.setattr(bundled, "_MEMOS", {})

    def new_run():
        for memo in bundled._MEMOS.values():
            memo._save()  # what the run's exit does
        monkeypatch.setattr(bundled, "_MEMOS", {})

    return new_run


def vocabulary(identity="nl-test-1"):
    voc = Vocabulary.from_counts(WORDS)
    voc.identity = identity
    return voc


def counted(monkeypatch):
    calls = []
    real = slips.Checker.neighbours
    monkeypatch.setattr(slips.Checker, "neighbours", lambda self, w: calls.append(w) or real(self, w))
    return calls


def test_a_second_run_does_not_look_up_the_neighbours_again(runs, monkeypatch):
    calls = counted(monkeypatch)
    first = slips.Checker(vocabulary()).known_near("subsidei")
    runs()
    again = slips.Checker(vocabulary()).known_near("subsidei")
    assert first == again and "subsidie" in first and calls == ["subsidei"]
    assert slips.Checker(vocabulary()).is_compound("beleidregeling") is True


def test_another_vocabulary_or_other_extra_words_start_afresh(runs, monkeypatch):
    calls = counted(monkeypatch)
    slips.Checker(vocabulary()).known_near("subsidei")
    runs()
    slips.Checker(vocabulary("nl-test-2")).known_near("subsidei")
    runs()
    assert "subsidei" in slips.Checker(vocabulary(), extra=["subsidei"]).extra
    slips.Checker(vocabulary(), extra=["Subsidiei"]).known_near("subsidei")
    assert calls == ["subsidei"] * 3


def test_a_vocabulary_of_unknown_origin_keeps_nothing(runs, monkeypatch):
    calls = counted(monkeypatch)
    for _ in range(2):
        slips.Checker(Vocabulary.from_counts(WORDS)).known_near("subsidei")
        runs()
    assert calls == ["subsidei"] * 2


def test_a_damaged_memo_is_made_again(runs, tmp_path, monkeypatch):
    slips.Checker(vocabulary()).known_near("subsidei")
    runs()
    (tmp_path / "misspelling-words.pickle").write_bytes(b"\x80\x04damaged")
    calls = counted(monkeypatch)
    assert "subsidie" in slips.Checker(vocabulary()).known_near("subsidei") and calls == ["subsidei"]

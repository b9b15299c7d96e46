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


def looked_up(monkeypatch):
    calls = []
    real = Vocabulary.count
    monkeypatch.setattr(Vocabulary, "count", lambda self, w: calls.append(w) or real(self, w))
    return calls


def test_a_second_run_looks_up_none_of_the_words_the_first_dismissed(runs, monkeypatch):
    forms = {"Beleid", "regeling", "subsidie", "aanvraag", "subsidei", "de"}
    calls = looked_up(monkeypatch)
    assert slips.Checker(vocabulary()).undecided(forms) == ["subsidei"]
    assert sorted(calls) == ["aanvraag", "beleid", "regeling", "subsidei", "subsidie"]
    runs()
    calls.clear()
    assert sorted(slips.Checker(vocabulary()).undecided(forms | {"regelingen"})) == ["regelingen", "subsidei"]
    assert calls == ["regelingen"]  # the new one only: subsidei is known to be unknown
    runs()
    calls.clear()
    assert slips.Checker(vocabulary("nl-test-2")).undecided(forms) == ["subsidei"]  # another vocabulary
    assert len(calls) == 5


def test_the_kept_forms_are_bounded_and_keep_the_last_letter(runs, monkeypatch):
    monkeypatch.setattr(slips, "KEPT_FORMS", 4)
    voc = Vocabulary.from_counts({w: 10 for w in ("alfa", "bravo", "charlie", "delta", "echo", "foxtrot")})
    voc.identity = "nl-test-small"
    checker = slips.Checker(voc)
    checker.undecided({"alfa", "bravo", "charlie"})
    checker.undecided({"delta", "echo", "foxtrot"})
    runs()
    calls = looked_up(monkeypatch)
    assert slips.Checker(voc).undecided({"delta", "echo", "foxtrot", "alfa"}) == [] and calls == ["alfa"]


def test_asking_a_second_opinion_that_remembers_imports_no_subprocess():
    """subprocess (2 ms to import) is imported only where a hunspell process runs, not to catch its errors."""
    import subprocess
    import sys

    code = """
import sys, types
from letterlint import slips
from letterlint.vocabulary import Vocabulary
class Remembers:
    def unknown(self, words):
        return set(words)
checker = slips.Checker(Vocabulary.from_counts({"kabinet": 500, "heeft": 900}), second_opinion=Remembers())
found = slips.find([types.SimpleNamespace(text="Het kabnet heeft besloten.")], checker)
print([s.word for s in found], "subprocess" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["['kabnet']", "False"]


class Opinion:
    """A second opinion that says what its verdicts depend on (key) and when its own file changed (stamp)."""

    def __init__(self, key="hunspell-1", stamp=(1, 2, 3)):
        self.asked: list[list[str]] = []
        self.verdicts = type("Verdicts", (), {"key": lambda _: [key], "stamp": lambda _: stamp})()

    def unknown(self, words):
        self.asked.append(list(words))
        return {w for w in words if w != "beleidje"}


def test_a_second_run_asks_the_second_opinion_only_about_new_words(runs):
    first = Opinion()
    assert slips.Checker(vocabulary(), second_opinion=first).doubted(["beleidje", "subsidei"]) == {"subsidei"}
    runs()
    again = Opinion()
    checker = slips.Checker(vocabulary(), second_opinion=again)
    assert checker.doubted(["beleidje", "subsidei"]) == {"subsidei"} and again.asked == []
    assert checker.doubted(["subsidei", "regelin"]) == {"subsidei", "regelin"} and again.asked == [["regelin"]]
    assert first.asked == [["beleidje", "subsidei"]]


def test_the_kept_opinions_hold_while_the_second_opinion_and_its_file_are_unchanged(runs):
    slips.Checker(vocabulary(), second_opinion=Opinion()).doubted(["beleidje"])
    runs()
    for other in (Opinion(stamp=(1, 2, 4)), Opinion(key="hunspell-2")):  # its file written again; another one
        slips.Checker(vocabulary(), second_opinion=other).doubted(["beleidje"])
        assert other.asked == [["beleidje"]]
        runs()


def test_a_second_opinion_that_does_not_say_what_it_depends_on_is_asked_every_time(runs):
    class Plain:
        asked: list = []

        def unknown(self, words):
            self.asked.append(list(words))
            return set(words)

    for _ in range(2):
        slips.Checker(vocabulary(), second_opinion=Plain()).doubted(["subsidei"])
        runs()
    assert Plain.asked == [["subsidei"], ["subsidei"]]


def test_a_second_run_does_not_load_the_english_vocabulary_for_words_judged_before(runs):
    loads = []

    def english():
        loads.append(1)
        return Vocabulary.from_counts({"framework": 10, "pipeline": 10})

    def checker(identity="en-1"):
        return slips.Checker(vocabulary(), english=english, english_identity=identity)

    first = checker()
    assert first.english_word("Framework") and not first.english_word("subsidei") and len(loads) == 1
    runs()
    again = checker()
    assert again.english_word("framework") and not again.english_word("subsidei") and len(loads) == 1
    assert again.english_word("pipeline") and len(loads) == 2  # a new word: loaded
    runs()
    assert checker("en-2").english_word("framework") and len(loads) == 3  # another English list

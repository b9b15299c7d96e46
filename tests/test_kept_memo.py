"""Facts kept between runs (bundled.kept_memo): read back under the same key, empty under another or when
damaged; the prefilter's needed strings are worked out once and then read from the memo."""

from __future__ import annotations

import sys

from letterlint import bundled
from letterlint.structure import prefilter


def _fresh(monkeypatch, tmp_path):
    monkeypatch.setattr(bundled, "kept_path", lambda stem: str(tmp_path / f"{stem}.pickle"))
    monkeypatch.setattr(bundled, "_MEMOS", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # kept only where Python keeps bytecode


def test_memo_is_read_back_under_its_key_only(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    memo = bundled.KeptMemo("facts", ("v", 1))
    memo.data["word"] = frozenset({"w"})
    memo._save()
    assert bundled.KeptMemo("facts", ("v", 1)).data == {"word": frozenset({"w"})}
    assert bundled.KeptMemo("facts", ("v", 2)).data == {}  # another version or configuration: afresh


def test_damaged_memo_starts_afresh(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    (tmp_path / "facts.pickle").write_bytes(b"\x80\x05not a pickle")
    assert bundled.KeptMemo("facts", 1).data == {}


def test_needed_is_worked_out_once(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    pattern = r"\b(?:kan|kunnen)\s+niet\s+beantwoord"
    first = prefilter.needed(pattern)
    assert first == frozenset({"beantwoord"})  # from the parse tree
    bundled.kept_memo("prefilter-needed", prefilter._MEMO_FORMAT)._save()
    monkeypatch.setattr(bundled, "_MEMOS", {})  # as a new run: the memo comes from the file

    def parsed(p):
        raise AssertionError("parsed again")

    monkeypatch.setattr(prefilter, "_needed", parsed)
    assert prefilter.needed(pattern) == first


# -- the typo screen's verdicts on words, kept between runs under the lists' fingerprint ------------------------

_LETTER = ("De minister schrijft de Kamer over het bevoegd gezag, de Omgevingswet en het RVIM.\n\n"
           "Nog een alinea over de leefomgeving, het beleid en de rijksoverheid.\n")


def _screen(lists):
    from letterlint.wordlists import Screen

    return Screen(lists.phrases, lists.lexicon, lists.fingerprint())


def _selected(screen, text):
    return [(i, sorted(keys), near) for i, keys, near in screen.select(text.split("\n\n"))]


def test_typo_screen_judges_a_word_once_across_runs(monkeypatch, tmp_path):
    from letterlint.wordlists import WordLists

    _fresh(monkeypatch, tmp_path)
    lists = WordLists.from_settings()
    first = _screen(lists)
    expected = _selected(first, _LETTER)
    assert first.judged > 0
    bundled.kept_memo("typo-quiet", first._memo.key)._save()
    monkeypatch.setattr(bundled, "_MEMOS", {})  # a new run
    again = _screen(lists)
    assert _selected(again, _LETTER) == expected
    assert again.judged == 0  # every word's verdict came from the kept copy


def test_typo_screen_keeps_verdicts_per_lists(monkeypatch, tmp_path):
    from letterlint.wordlists import WordLists

    _fresh(monkeypatch, tmp_path)
    shipped = WordLists.from_settings()
    first = _screen(shipped)
    _selected(first, _LETTER)
    first._memo._save()
    monkeypatch.setattr(bundled, "_MEMOS", {})
    # other lists (a word of the letter now a listed misspelling): its verdicts are not the shipped lists'
    own = WordLists.from_settings({"extra-entries": [{"wrong": "alinea", "right": "paragraaf"}]})
    assert own.fingerprint() != shipped.fingerprint()
    screen = _screen(own)
    assert screen.judged == 0 and not screen._quiet
    assert any(keys for _, keys, _ in _selected(screen, _LETTER))  # «alinea» is telling now
    assert screen.judged > 0


def test_memo_is_not_written_where_python_writes_no_bytecode(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # -B, PYTHONDONTWRITEBYTECODE
    memo = bundled.KeptMemo("facts", 1)
    memo.data["word"] = None
    memo.changed()
    memo._save()  # even if asked: keep() writes nothing
    assert not (tmp_path / "facts.pickle").exists()

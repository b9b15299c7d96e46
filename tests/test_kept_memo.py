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

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


def test_a_memos_parts_are_kept_together_or_made_afresh_together(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    memo = bundled.KeptMemo("facts", 1)
    words, verdicts = memo.parts({"words": set, "verdicts": dict}, 3)
    assert (words, verdicts) == (set(), {}) and memo.data["words"] is words  # made, and in the memo
    words.add("a")
    verdicts["b"] = True
    assert memo.parts({"words": set, "verdicts": dict}, 3) == [{"a"}, {"b": True}]  # the same ones
    assert memo.parts({"words": set, "verdicts": dict}, 1) == [set(), {}]  # together past the limit: afresh
    memo.data["words"] = ["not", "a", "set"]
    memo.data["verdicts"] = {"c": False}
    assert memo.parts({"words": set, "verdicts": dict}, 9) == [set(), {}]  # one damaged: both afresh


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


# -- the typo screen's verdicts on tokens, kept too: a new run looks up no token an earlier run looked up -------

_TELLING = ("Het RVIM adviseert het bevoegd bezag; de staatsecretaris en de Omgevinsgwet.\n\n"
            "De minister-president, de Tweede Kamer, het RIVM/beleid en (RIVM) en de kamerlid.\n\n"
            "Gewone woorden zonder iets: de leefomgeving, het beleid, de rijksoverheid.\n")


def _counting_lookups(monkeypatch) -> dict:
    """Count the tokens screened by each list (PhraseList.screen, Lexicon.screen) and the chunks the
    lexicon judges (Lexicon.quiet)."""
    from letterlint.lexicon import Lexicon
    from letterlint.phrases import PhraseList

    counts: dict = {"phrases": 0, "lexicon": 0, "quiet": []}
    phrases, lexicon, quiet = PhraseList.screen, Lexicon.screen, Lexicon.quiet

    def counted_phrases(self, token):
        counts["phrases"] += 1
        return phrases(self, token)

    def counted_lexicon(self, token, *args):
        counts["lexicon"] += 1
        return lexicon(self, token, *args)

    def counted_quiet(self, chunk):
        counts["quiet"].append(chunk)
        return quiet(self, chunk)

    monkeypatch.setattr(PhraseList, "screen", counted_phrases)
    monkeypatch.setattr(Lexicon, "screen", counted_lexicon)
    monkeypatch.setattr(Lexicon, "quiet", counted_quiet)
    return counts


def _new_run(monkeypatch, screen) -> None:
    """End a run as the process's exit does (the memo written), and start another (read from the file)."""
    screen._memo._save()
    monkeypatch.setattr(bundled, "_MEMOS", {})


def test_typo_screen_looks_up_no_token_an_earlier_run_looked_up(monkeypatch, tmp_path):
    from letterlint.wordlists import WordLists

    _fresh(monkeypatch, tmp_path)
    lists = WordLists.from_settings()
    first = _screen(lists)
    counts = _counting_lookups(monkeypatch)
    expected = _selected(first, _TELLING)
    assert counts["phrases"] > 0 and counts["lexicon"] > 0 and any(keys or near for _, keys, near in expected)
    _new_run(monkeypatch, first)
    counts = _counting_lookups(monkeypatch)
    again = _screen(lists)
    assert _selected(again, _TELLING) == expected
    assert counts == {"phrases": 0, "lexicon": 0, "quiet": []}  # every token's verdict came from the kept copy
    assert again.classified == again.looked_up == again.judged == 0


def test_typo_screen_judges_no_chunk_twice_for_a_new_token(monkeypatch, tmp_path):
    from letterlint.wordlists import WordLists

    _fresh(monkeypatch, tmp_path)
    lists = WordLists.from_settings()
    first = _screen(lists)
    _selected(first, _TELLING)
    _new_run(monkeypatch, first)
    counts = _counting_lookups(monkeypatch)
    again = _screen(lists)
    # new tokens made of known words: a quiet one beside a telling one is not judged again by the lexicon
    (selected,) = _selected(again, "Het beleid/RVIM en het RVIM,beleid.")
    assert selected[0] == 0 and selected[1] and selected[2]  # RVIM: listed, and a near-miss of RIVM
    assert again.looked_up == counts["lexicon"] == 2
    assert counts["quiet"] == ["RVIM"] * 2  # the quiet chunk «beleid» came from the kept copy


def test_typo_screen_keeps_a_bounded_number_of_token_verdicts(monkeypatch, tmp_path):
    from letterlint import wordlists
    from letterlint.wordlists import WordLists

    _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(wordlists, "_MAX_KEPT_TOKENS", 12)
    lists = WordLists.from_settings()
    whole = _selected(_screen(lists), _TELLING)  # (a memo under another limit: the same findings)
    _fresh(monkeypatch, tmp_path)
    screen = _screen(lists)
    texts = _TELLING.split("\n\n")
    assert [sel for text in texts for sel in _selected(screen, text)] == [(0, *sel[1:]) for sel in whole]
    kept = screen._memo.data
    assert 0 < len(kept["boring"]) + len(kept["known"]) <= 12  # started afresh, not grown past the limit
    assert len(screen._boring) + len(screen._known) > 12  # while this process knows every token it met
    before = (set(kept["boring"]), dict(kept["known"]))
    many = " ".join(f"woord{i}" for i in range(13))
    assert _selected(screen, many) == [] and (kept["boring"], kept["known"]) == before  # more than fit: as it was
    assert "woord12" in screen._boring
    # a kept copy over the limit (written by another version, say) is not used
    kept["boring"].update(f"woord{i}" for i in range(20))
    _new_run(monkeypatch, screen)
    assert not _screen(lists)._boring


def test_typo_screen_ignores_damaged_token_verdicts(monkeypatch, tmp_path):
    from letterlint.wordlists import WordLists

    _fresh(monkeypatch, tmp_path)
    lists = WordLists.from_settings()
    first = _screen(lists)
    expected = _selected(first, _TELLING)
    first._memo.data["known"] = ["not", "a", "dict"]
    _new_run(monkeypatch, first)
    again = _screen(lists)
    assert _selected(again, _TELLING) == expected and again.looked_up > 0


def test_typo_scan_classifies_no_word_the_screen_kept_as_quiet(monkeypatch, tmp_path):
    from letterlint.lexicon import Lexicon
    from letterlint.wordlists import WordLists

    _fresh(monkeypatch, tmp_path)
    own = {"extra-terms": ["Luchtmeetnet"]}  # (lists of their own: a lexicon that classified nothing yet)
    first = _screen(WordLists.from_settings(own))
    _selected(first, _TELLING)
    _new_run(monkeypatch, first)
    lists = WordLists.from_settings(own)
    again = _screen(lists)
    classified: list[str] = []
    classify = Lexicon._classify

    def counted(self, word):
        classified.append(word)
        return classify(self, word)

    monkeypatch.setattr(Lexicon, "_classify", counted)
    text = "Het RVIM adviseert het beleid en de leefomgeving; de Luchtmeetnet-gegevens (Luchtmetnet)."
    assert _selected(again, text)[0][2]  # the screen (which runs first) takes in its new words
    hits = [(h.start, h.found, h.suggestion) for h in lists.lexicon.scan(text, frozenset(), (), again.quiet)]
    assert classified and "beleid" not in classified and set(classified) <= again._loud
    assert hits == [(h.start, h.found, h.suggestion) for h in WordLists.from_settings(own).lexicon.scan(text)]
    assert [found for _, found, _ in hits] == ["RVIM", "Luchtmetnet"]


def test_typo_screen_writes_its_kept_copy_only_after_enough_new_verdicts(monkeypatch, tmp_path):
    from letterlint import wordlists
    from letterlint.wordlists import WordLists

    _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(wordlists, "_WRITE_AFTER", 10)
    lists = WordLists.from_settings()
    first = _screen(lists)
    _selected(first, _TELLING)
    assert first._memo._dirty  # a new letter: written at exit
    _new_run(monkeypatch, first)
    again = _screen(lists)
    (selected,) = _selected(again, "Het beleid/RVIM, de RVIM-rapporten en het bevoegd gezag.")  # a small edit
    assert selected[1] and selected[2] and 0 < again.classified < 10
    assert not again._memo._dirty  # judging these few again costs less than writing the file

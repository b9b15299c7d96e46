import pytest
from conftest import EXAMPLE, lint_text


def doubles(text, name="brief.txt", **kw):
    return [(f.location.text, f.suggestion.nl) for f in lint_text(text, name, select=["doubled-word"], **kw)]


def test_the_drafts_article_slip():
    findings = lint_text(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name, select=["doubled-word"])
    assert [(f.location.line, f.location.text, f.suggestion.nl) for f in findings] == [
        (383, "de die", "schrap «de» of «die»")]
    assert findings[0].fix is None  # only the writer knows which word stays


@pytest.mark.parametrize("text,expected", [
    ("Het het rapport.", [("Het het", "Het")]),
    ("Het rapport is is verschenen.", [("is is", "is")]),
    ("De leden van de de VVD-fractie.", [("de de", "de")]),
    ("Zij vragen om om een reactie.", [("om om", "om")]),
    ("Nu de die brief er is.", [("de die", "schrap «de» of «die»")]),
    ("Over de deze week verschenen brief en de dit rapport.", [("de dit", "schrap «de» of «dit»")]),
])
def test_findings(text, expected):
    assert doubles(text + "\n") == expected


def test_across_a_line_break_in_markdown():
    assert doubles("# Brief\n\nDe leden van de\nde VVD-fractie.\n", "brief.md") == [("de\nde", "de")]


def test_safe_fix_only_for_words_that_never_repeat():
    (a, b) = lint_text("Het het rapport is is verschenen.\n", select=["doubled-word"])
    assert a.fix.safe and a.fix.replacement == "Het"
    assert not b.fix.safe


@pytest.mark.parametrize("text", [
    "Hij zegt dat dat rapport klopt; de mensen die die brief lazen; als hij het geweten had had hij gebeld.",
    "Wat het was was duidelijk; zij kamt haar haar; dat zijn zijn woorden; als ze ze zien.",
    "Dan moet je je afvragen of u zich aanmeldt.",
    "Worden GGD’en en het RIVM betrokken? En GGD'en en gemeenten.",
    "De de-escalatie; Bora Bora; 10 10; a a.",
    "De dit jaar ingevoerde regels en de die dag geldende normen; de deze week verschenen brief.",
    "Dat het de bedoeling is; het die en dat; dat de Dit-regeling.",
])
def test_no_finding(text):
    assert doubles(text + "\n") == []


def test_options(tmp_path):
    rules = "rules:\n  doubled-word:\n    extra-allow: [is]\n    article-slip: false\n"
    assert doubles("Wat het is is dit; de die brief; het het.\n", rules_yaml=rules, tmp_path=tmp_path) == [
        ("het het", "het")]


@pytest.mark.parametrize("seed", range(30))
def test_words_by_substitution_and_split_are_the_words_of_the_pattern(seed):
    # (issue 13) the quick test before the exact pattern tokenises with one substitution and str.split (in C):
    # it must give exactly the \w+ words, whatever stands between them
    import random

    import regex

    from letterlint.lint_rules import doubled_word as dw

    pieces = ["de", "De", "het", "GGD", "’en", "e-mail", "café", "cafe\u0301", "CO₂", "m²", "½", "abc_def", "2024",
              " ", "  ", "\n", "\u00a0", "\u202f", "\u2009", "\t", "\x0b", "\x1c", "\x00", ",", ".", "(", ")", "–", "-",
              "«", "»", "“", "”", "'", "/", "İ", "ß", "ǅ", "\u2028", "\u3000", "\u1680", "\x85", "\u200b", "\u180e",
              "\u205f", "\x1f"]
    rnd = random.Random(seed)
    text = "".join(rnd.choice(pieces) for _ in range(200)).lower()
    assert dw.NOT_WORD.sub(" ", text).split() == regex.findall(r"\w+", text)


def test_the_quick_test_over_pieces_sees_a_word_follow_itself_across_a_cut(monkeypatch):
    import functools
    import random

    from letterlint.chunking import pieces
    from letterlint.lint_rules import doubled_word

    def whole(lower):
        words = doubled_word.NOT_WORD.sub(" ", lower).split()
        return any(a == b for a, b in zip(words, words[1:]))

    rnd = random.Random(8)
    alphabet = ["de", "het", "kamer", " ", " ", "  ", "\n", ",", ". ", "-", "’"]
    monkeypatch.setattr(doubled_word, "pieces", functools.partial(pieces, size=5))  # many cuts
    seen = set()
    for _ in range(3000):
        lower = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20)))
        assert doubled_word._word_follows_itself(lower) == whole(lower), lower
        seen.add(whole(lower))
    assert seen == {True, False}


def test_a_long_paragraph_is_checked_without_a_list_of_its_words():
    import random
    import tracemalloc

    from letterlint.lint_rules import doubled_word

    rnd = random.Random(2)
    words = "de minister het kabinet schrijft aan de kamer over een brief met vragen".split()
    text = " ".join(rnd.choice(words) for _ in range(400_000))
    lower = "".join(w + " " for w in _no_repeats(text.split()))
    doubled_word._word_follows_itself("de kamer")  # the pattern compiled: not the text's memory
    tracemalloc.start()
    try:
        assert not doubled_word._word_follows_itself(lower)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(lower) > 1_500_000 and peak <= len(lower), f"{peak / len(lower):.1f}× the text"


def _no_repeats(words):
    out = []
    for w in words:
        if not out or out[-1] != w:
            out.append(w)
    return out

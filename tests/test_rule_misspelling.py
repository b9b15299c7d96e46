"""The misspelling rule: confident typing slips in running text (issue 14), its vocabulary and its guards."""

import pytest
from conftest import EXAMPLE, lint_text, run_cli

from letterlint import slips, vocabulary
from letterlint.vocabulary import Vocabulary

WORDS = {"kabinet": 5000, "bedoeling": 9000, "rapport": 3000, "minister": 8000, "blootstelling": 500,
         "bloos": 300, "telling": 400, "net": 9000, "congestie": 60, "koppel": 200, "kansen": 3000, "mee": 9000,
         "gemeente": 4000, "uitvoeringsorganisaties": 50, "nederland": 50, "heeft": 90000, "de": 900000,
         "het": 900000, "een": 900000, "van": 900000, "en": 900000, "dat": 900000, "vergunning": 2000,
         "piek": 400, "belasters": 60, "brief": 3000, "plaatse": 0, "behoeven": 300, "ten": 9000, "ter": 9000,
         "emissies": 50, "kennis": 3000, "the": 0}


@pytest.fixture(scope="module")
def checker():
    return slips.Checker(Vocabulary.from_counts({w: n for w, n in WORDS.items() if n}), ["Rijkswaterstaat"],
                         english=Vocabulary.from_counts({"the": 10, "of": 10, "framework": 10, "with": 10}))


class Par:
    def __init__(self, text):
        self.text = text


def found(checker, *texts):
    return [(s.word, s.suggestions[0]) for s in slips.find([Par(t) for t in texts], checker)]


# -- the vocabulary --------------------------------------------------------------------------------------


def test_vocabulary_round_trip_and_lookup():
    v = Vocabulary.from_counts({"kabinet": 12, "Nederland": 3, "brief": 1})
    again = Vocabulary.from_bytes(v.to_bytes())
    assert again.count("kabinet") == 12 and again.count("KABINET") == 12 and again.count("nederland") == 3
    assert again.count("kabnet") == 0 and "brief" in again and "brieven" not in again


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    if vocabulary.source_path() is None:
        pytest.skip("pyspellchecker is not installed")
    monkeypatch.setenv("LETTERLINT_CACHE", str(tmp_path))
    first = vocabulary._load("nl")
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and first.count("kabinet") > 0
    files[0].write_bytes(files[0].read_bytes()[:1000])  # truncated
    assert vocabulary._load("nl").count("kabinet") > 0
    assert vocabulary.Vocabulary.from_bytes(files[0].read_bytes()).count("kabinet") > 0


def test_building_an_index_removes_the_older_ones_beyond_a_few(tmp_path, monkeypatch):
    """Every new environment or pyspellchecker upgrade built another 8 MB index and none was removed: the
    cache folder grew without end.  A new one removes the older of that language beyond KEEP (the most
    recent kept: environments used in turn), and stale half-written ones; others' files stay."""
    if vocabulary.source_path() is None:
        pytest.skip("pyspellchecker is not installed")
    import os
    import time

    monkeypatch.setenv("LETTERLINT_CACHE", str(tmp_path))
    now = time.time()
    old = []
    for age in range(1, 7):  # six indexes of earlier environments, the oldest last
        path = tmp_path / f"vocabulary-nl-3-1000-{age}-little.bin"
        path.write_bytes(b"x")
        os.utime(path, (now - age * 86400, now - age * 86400))
        old.append(path)
    stale = tmp_path / "vocabulary-nl-3-1000-9-little.123.tmp"
    fresh = tmp_path / "vocabulary-nl-3-1000-9-little.456.tmp"  # another run writing its index now
    for path, age in ((stale, 7200), (fresh, 0)):
        path.write_bytes(b"x")
        os.utime(path, (now - age, now - age))
    others = [tmp_path / "vocabulary-en-3-1000-1-little.bin", tmp_path / "verdicts-hunspell-x.json"]
    for path in others:
        path.write_bytes(b"x")
    assert vocabulary._load("nl").count("kabinet") > 0
    left = {p.name for p in tmp_path.iterdir()}
    made = vocabulary.identity("nl")
    assert left == {made, *(p.name for p in old[:vocabulary.KEEP - 1]), fresh.name, *(p.name for p in others)}


def test_a_damaged_word_list_checks_nothing_and_says_so(tmp_path, monkeypatch):
    bad = tmp_path / "nl.json.gz"
    bad.write_bytes(b"not gzip")
    monkeypatch.setattr(vocabulary, "source_path", lambda lang="nl": bad)
    monkeypatch.setenv("LETTERLINT_CACHE", str(tmp_path / "cache"))
    assert vocabulary._load("nl") is None


def test_an_unwritable_cache_still_works(tmp_path, monkeypatch):
    if vocabulary.source_path() is None:
        pytest.skip("pyspellchecker is not installed")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LETTERLINT_CACHE", str(blocker / "sub"))
    assert vocabulary._load("nl").count("kabinet") > 0


# -- what is a slip (a small vocabulary: runs anywhere) ------------------------------------------------


@pytest.mark.parametrize("slip, right", [
    ("kabinrt", "kabinet"),  # a keyboard neighbour
    ("bedoleing", "bedoeling"),  # two letters swapped
    ("rapporrt", "rapport"),  # a doubled letter
    ("miniser", "minister"),  # a dropped letter
    ("uitvoeringsorganisatis", "uitvoeringsorganisaties"),
])
def test_one_edit_from_a_known_word(checker, slip, right):
    assert found(checker, f"Het is de {slip} van de gemeente.") == [(slip, right)]


def test_a_compound_of_known_parts_is_no_slip_unless_the_letter_uses_the_correction(checker):
    assert found(checker, "De netcongestie en de meekoppelkansen; de piekbelasters.") == []
    assert found(checker, "De bloostelling van de gemeente.") == []  # bloos + telling
    assert found(checker, "De blootstelling daalt.", "De bloostelling van de gemeente.") == [
        ("bloostelling", "blootstelling")]


def test_names_are_slips_of_names_the_letter_writes_protected_terms_or_long_words(checker):
    # a long known word (nine letters or more) is taken for a name's correction; a shorter one only when the
    # letter writes it with a capital
    assert found(checker, "Dit geldt voor Nederlnad en de gemeente.") == [("Nederlnad", "Nederland")]
    assert found(checker, "Dit geldt voor Rapporrt en de gemeente.") == []
    assert found(checker, "Het Rapport.", "Dit geldt voor Rapporrt en de gemeente.") == [("Rapporrt", "Rapport")]
    assert found(checker, "Het advies van Rijkswatrstaat aan de gemeente.") == [("Rijkswatrstaat", "Rijkswaterstaat")]
    assert found(checker, "Het advies van Kabinetz aan de gemeente.") == []  # a name not known as a name


@pytest.mark.parametrize("text", [
    "Het KABNET en de RAPPORRT.",  # acronyms / capitals
    "Zie kabinrt2 en 3kabinrt.",  # digits
    "Zie www.kabinrt.nl of info@kabinrt.nl en https://example.org/bedoleing.",  # addresses
    "The kabinrt of the minister with the bedoleing.",  # English
    "De zogenoemde «kabinrt» en de bedoleing (hierna: bedoleing).",  # quoted and defined terms
    "Het kabinrt en nog eens het kabinrt.",  # written twice: a term
    "Ten behoeve van en ter plaatse.",  # old case forms in fixed phrases
    "De onderzoeks- en kabinrt-gegevens; (rapporrt)gegevens.",  # parts of compounds
    "Het iKabinrt van de gemeente.",  # an inner capital: a brand
])
def test_guards(checker, text):
    assert found(checker, text) == []


def test_english_words_are_not_dutch_slips(checker):
    assert found(checker, "Het framework van de gemeente.") == []


def test_hyphens(checker):
    pars = [Par("De ZZSemissies en het Kennis-en Innovatieconvenant; het IJsselmeer.")]
    hits = [(h.found, h.right, h.kind) for h in slips.hyphen_slips(pars, checker)]
    assert hits == [("ZZSemissies", "ZZS-emissies", "acronym"), ("Kennis-en", "Kennis- en", "elision")]
    # «ZZS emissies» beside «ZZS-emissies» is term-consistency's (a correct compound beats a split one)
    pars = [Par("De ZZS-emissies dalen."), Par("De ZZS emissies dalen. De ZZS heeft een rapport.")]
    assert slips.hyphen_slips(pars, checker) == []
    both = lint_text("De ZZS-emissies dalen. De ZZS emissies dalen.\n", select=["misspelling", "term-consistency"])
    assert [(f.rule, f.location.text, str(f.suggestion)) for f in both] == [
        ("term-consistency", "ZZS emissies", "ZZS-emissies")]


def test_inflections_the_vocabulary_lacks_are_no_slips():
    assert slips._inflection("actualisaties", "actualisatie") and slips._inflection("opgaven", "opgave")
    assert slips._inflection("logischere", "logischer") and slips._inflection("control", "controle")
    assert slips._inflection("overheidsbrede", "overheidsbreed", compound=True)
    assert not slips._inflection("wannere", "wanneer") and not slips._inflection("weetn", "weet")
    assert not slips._inflection("gebouwe", "gebouw")


# -- the rule, with the real vocabulary ---------------------------------------------------------------


def test_the_rule_on_running_text():
    text = ("Het kabniet heeft niet de bedoleing om de uitvoeringsorgnisaties te belasten.\n\n"
            "De gemeente heeft de vergunnig verleend; het is de bedoeling dat Nederland meedoet.\n\n"
            "Dit geldt ook voor Nedreland en de gemeentes.\n")
    hits = [(f.location.text, str(f.suggestion)) for f in lint_text(text, select=["misspelling"])]
    assert hits == [("kabniet", "kabinet"), ("bedoleing", "bedoeling"),
                    ("uitvoeringsorgnisaties", "uitvoeringsorganisaties"), ("vergunnig", "vergunning"),
                    ("Nedreland", "Nederland")]


def test_a_name_is_a_slip_of_a_long_known_name_even_when_the_letter_does_not_write_it():
    hits = [(f.location.text, str(f.suggestion)) for f in lint_text("Dit geldt binnen Nederlnd en daarbuiten.\n",
                                                                    select=["misspelling"])]
    assert hits == [("Nederlnd", "Nederland")]
    assert lint_text("Dit zegt Vermeulen over Chemelot en Tata Steel.\n", select=["misspelling"]) == []


def test_what_the_typo_rule_reports_is_not_reported_again():
    text = "Het RIVM en de staatsecretaris; de Omgevinsgwet.\n"
    both = lint_text(text, select=["misspelling", "typo"])
    assert sorted((f.rule, f.location.text) for f in both) == [("typo", "Omgevinsgwet"), ("typo", "staatsecretaris")]


def test_own_words_are_accepted(lint):
    text = "De Kabinrt-aanpak en de kabinrt van de gemeente.\n"
    assert [f.location.text for f in lint(text, select=["misspelling"])] == ["kabinrt"]
    assert lint(text, select=["misspelling"], rules_yaml="rules:\n  misspelling:\n    words: [kabinrt]\n") == []


def test_fix_applies_a_unique_one_edit_correction(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("Het kabniet besluit. De gemeente heeft de vergunnig verleend.\n", encoding="utf-8")
    run_cli("--select", "misspelling", "--fix", path)
    assert path.read_text(encoding="utf-8") == "Het kabinet besluit. De gemeente heeft de vergunning verleend.\n"


def test_the_example_draft_only_its_slips():
    findings = lint_text(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name, select=["misspelling"])
    assert sorted((f.location.line, f.location.text) for f in findings) == [
        (541, "bloostelling"), (547, "ZZSemissies")]


def test_hunspell_as_second_opinion():
    """Where Hunspell is installed, a word it knows is no slip (a fake stands in for the hunspell command)."""

    class Knows:
        def __init__(self, words):
            self.words = words

        def unknown(self, words):
            return {w for w in words if w not in self.words}

    vocab = Vocabulary.from_counts({w: n for w, n in WORDS.items() if n})
    text = "Het is de kabinrt van de gemeente en de bedoleing.\n"
    assert [s.word for s in slips.find([Par(text)], slips.Checker(vocab, second_opinion=Knows({"kabinrt"})))] == [
        "bedoleing"]


# -- work done once: the same answers, with less work ------------------------------------------------------


def test_counting_words_in_one_pass_gives_what_word_gives():
    """The byte-level count equals WORD.findall on text with accents, apostrophes, dashes, digits, marks."""
    import random
    from collections import Counter

    alphabet = ["kab", "net", "é", "ü", "ß", "'", "’", "–", "-", "\u2011", "_", "1", "²", " ", "\n", "\u00a0", "“",
                "Z", "\u0300", "IJ", ".", "(", "ø", "\t", "\x1f", "Ω", "中"]
    rnd = random.Random(13)
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25)))
        assert slips._count_words(text.encode("utf-8", "surrogatepass")) == Counter(slips.WORD.findall(text)), text
    text = EXAMPLE.read_text(encoding="utf-8")
    assert slips._count_words(text.encode("utf-8")) == Counter(slips.WORD.findall(text))


class Spy:
    """Counts the calls of a Checker's methods that do the letter-independent work."""

    def __init__(self, monkeypatch, checker):
        self.calls = 0
        for name in ("neighbours", "compound_neighbours", "compound"):
            original = getattr(checker, name)

            def counted(*args, original=original, **kw):
                self.calls += 1
                return original(*args, **kw)

            monkeypatch.setattr(checker, name, counted)


def test_a_second_letter_of_the_run_redoes_no_letter_independent_work(monkeypatch):
    checker = slips.Checker(Vocabulary.from_counts({w: n for w, n in WORDS.items() if n}), ["Rijkswaterstaat"])
    spy = Spy(monkeypatch, checker)
    text = "Het kabinrt en de bloostelling; de netcongestie van de gemeente. Nederlnad en het rapporrt."
    first = found(checker, text)
    assert spy.calls > 0 and first == [("kabinrt", "kabinet"), ("Nederlnad", "Nederland"), ("rapporrt", "rapport")]
    spy.calls = 0
    assert found(checker, text.replace("de gemeente", "het kabinet")) == first
    assert spy.calls == 0


def test_what_is_remembered_for_the_run_does_not_carry_one_letters_words_to_another():
    """A verdict that depends on the letter (its own words, its quotations, its names) is made per letter: the
    same letters in any order, with a fresh or a used checker, give the same slips."""
    letters = [("De bloostelling van de gemeente.",),
               ("De blootstelling daalt.", "De bloostelling van de gemeente."),
               ("Het Rapport.", "Dit geldt voor Rapporrt en de gemeente."),
               ("Dit geldt voor Rapporrt en de gemeente.",),
               ("De zogenoemde «kabinrt» van de gemeente.",),
               ("Het kabinrt van de gemeente.",)]
    vocab = Vocabulary.from_counts({w: n for w, n in WORDS.items() if n})
    alone = [found(slips.Checker(vocab, ["Rijkswaterstaat"]), *texts) for texts in letters]
    assert alone[0] == [] and alone[1] == [("bloostelling", "blootstelling")] and alone[4] == []
    for order in (letters, letters[::-1]):
        used = slips.Checker(vocab, ["Rijkswaterstaat"])
        assert {texts: found(used, *texts) for texts in order} == dict(zip(letters, alone))


def test_hyphen_slips_in_any_paragraph(checker):
    pars = [Par("De gemeente."), Par("Het Kennis\u2011of Innovatieconvenant."), Par("Geen."),
            Par("De uitstoot van ZZSemissies; het NLkennis-en Innovatieconvenant.")]
    hits = [(pars.index(h.paragraph), h.start, h.found, h.kind) for h in slips.hyphen_slips(pars, checker)]
    assert hits == [(3, 16, "ZZSemissies", "acronym"), (1, 4, "Kennis\u2011of", "elision")]


def test_the_runs_word_index_finds_what_a_full_comparison_finds():
    """Seen.near (words added letter by letter, asked in between) equals comparing with every word seen."""
    import random

    from letterlint.lexicon import edit_kind

    rnd = random.Random(7)
    letters = "abeilnorstüé"
    words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(3, 9))) for _ in range(3000)]
    asked = [w for w in words[:400] if len(w) >= 4]
    seen, added = slips.Seen(), set()
    for start in range(0, len(words), 500):
        batch = set(words[start:start + 500])
        seen.add(batch)
        added |= batch
        for word in asked[start // 10:start // 10 + 60]:
            if len(word) < 7:
                expected = set(slips.edits1(word)) & added
            else:
                expected = {w for w in added if w != word and edit_kind(word, w) is not None}
            assert seen.near(word) == expected, word


def _long_letter(one_paragraph: bool) -> list[str]:
    """Some 800 KB of paragraphs (or one paragraph) of words, quotations, definitions and elisions."""
    import random

    rnd = random.Random(31)
    words = ["kabinet", "gemeente", "Provincie", "’s", "RIVM", "stikstof-", "en", "uitstoot", "“norm”", "(NEC)",
             "verlaagde", "minister-president", "weg-", "of", "\u00a0", "Ω", "d’r", "1,5", "rapport."]
    pars = [" ".join(rnd.choice(words) for _ in range(rnd.randint(3, 60))) for _ in range(4000)]
    return [" ".join(pars)] if one_paragraph else pars


@pytest.mark.parametrize("one_paragraph", [False, True])
def test_a_long_letter_is_counted_and_searched_as_a_whole(one_paragraph):
    """Batches of paragraphs and pieces of a long one give what the whole text joined gives."""
    from bisect import bisect_right
    from collections import Counter
    from itertools import accumulate

    texts = _long_letter(one_paragraph)
    joined = "\n".join(texts)
    letter = slips.Letter(texts)
    assert letter.forms == Counter(slips.WORD.findall(joined))
    assert letter.elision_hint == any(h in joined for h in slips.ELISION_TEXTS)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    needles = ["weg- of", "Ω d’r", "RIVM (NEC)"]
    expected = sorted({bisect_right(starts, m) - 1 for n in needles for m in _all(joined, n)})
    assert expected and letter.holding(needles) == expected
    assert "norm" in letter.defined and "nec" in letter.defined


def _all(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


@pytest.mark.parametrize("one_paragraph", [False, True])
def test_counting_a_long_letters_words_holds_a_bounded_part_of_it(one_paragraph):
    import tracemalloc

    texts = _long_letter(one_paragraph)
    size = sum(map(len, texts))
    tracemalloc.start()
    try:
        letter = slips.Letter(texts)
        letter.holding(["weg- of"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size > 500_000 and peak <= 2 * size, f"{peak / size:.1f}× the text"


def test_the_runs_word_index_finds_what_a_full_comparison_finds_in_long_words():
    """Seen.near on long words (compared only with words sharing an end as long as one edit leaves intact)
    equals comparing with every word seen, for edits at every place, the ends included."""
    import random

    from letterlint.lexicon import edit_kind

    rnd = random.Random(11)
    base = ["".join(rnd.choice("aeinrst") for _ in range(rnd.randint(7, 16))) for _ in range(60)]
    words = set(base)
    for word in base:  # every kind of edit, at every place
        for i in range(len(word) + 1):
            words.add(word[:i] + "o" + word[i:])
            if i < len(word):
                words.update({word[:i] + word[i + 1:], word[:i] + "u" + word[i + 1:]})
            if i < len(word) - 1:
                words.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    words = sorted(words)
    seen, added = slips.Seen(), set()
    for start in range(0, len(words), 700):
        batch = set(words[start:start + 700])
        seen.add(batch)
        added |= batch
        for word in base:
            assert seen.near(word) == {w for w in added if edit_kind(word, w) is not None}, word


def test_a_long_word_is_compared_only_with_words_sharing_a_long_end(monkeypatch):
    """A 13-letter word is compared with the words that share its first or last six letters, not with every
    word that starts or ends as it does (ver…, …ing): two hundred such words cost no comparison."""
    import random

    from letterlint import lexicon

    rnd = random.Random(3)
    crowd = {"ver" + "".join(rnd.choice("aeklmnopst") for _ in range(7)) + "ing" for _ in range(200)}
    seen = slips.Seen()
    seen.add(crowd | {"verzekerinng", "verzekeringen"})
    calls = []
    monkeypatch.setattr(slips, "edit_kind", lambda a, b: calls.append(b) or lexicon.edit_kind(a, b))
    assert seen.near("verzekerinngen") == {"verzekeringen"}
    assert len(calls) <= 4


def test_the_elision_hint_is_found_from_the_hyphens_as_a_search_for_the_hints_finds_it():
    import random

    rnd = random.Random(5)
    parts = ["-en ", "-of ", "\u2011en ", "\u2011of ", "-e", "en ", "\u2011", "-", "of", " ", "x", "\u2011e", "é", "‑of"]
    for _ in range(5000):
        data = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 6))).encode()
        assert slips._elision_hint(data) == any(h in data for h in slips.ELISION_HINTS), data


def test_a_lookup_searches_only_the_hashes_that_share_its_top_bits():
    """A word is found among the few hashes with its top bits (two or three pages of the kept file touched on a
    run's first letter), not by a binary search over all of them (~16 probes in 50,000)."""
    words = {f"woord{i}": i + 1 for i in range(50_000)}
    plain = Vocabulary.from_counts(words)

    class Probed(list):
        probes = 0

        def __getitem__(self, i):
            Probed.probes += 1
            return list.__getitem__(self, i)

    v = Vocabulary(Probed(plain.hashes), plain.counts, plain.bitmap, plain.starts)
    for word in ("woord7", "woord49999", "woord123"):
        Probed.probes = 0
        assert v.count(word) == words[word] and Probed.probes <= 4
    assert v.count("woord50000") == 0 and Vocabulary.from_bytes(plain.to_bytes()).count("woord49999") == 50_000

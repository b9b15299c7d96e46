import pytest
from conftest import EXAMPLE, lint_text


def variants(text, name="brief.txt", **kw):
    return [(f.location.text, f.suggestion.nl) for f in lint_text(text, name, select=["term-consistency"], **kw)]


def test_the_drafts_inconsistent_variants():
    findings = lint_text(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name, select=["term-consistency"])
    # JLOI (lines 477, 481) stands in the Members' questions only: the ministry does not edit those (issue 14)
    assert [(f.location.line, f.location.text, f.suggestion.nl) for f in findings] == [
        (168, "GroenLinks-PvdA fractie", "GroenLinks-PvdA-fractie"),
        (225, "meet-pilot", "meetpilot"),  # a closed compound needs no hyphen; it wins whatever the counts
        (280, "Schone Luchtakkoord", "Schone Lucht Akkoord"),  # the name the letter defines: (SLA)
        (522, "Rie", "RIE"),  # Richtlijn Industriële Emissies (RIE)
        (612, "meet-pilot", "meetpilot"),
        (620, "meet-pilot", "meetpilot"),
    ]
    first = findings[3]
    assert "de officiële schrijfwijze is «RIE»" in first.message.nl
    assert first.related and first.related[0].location.line == 75  # where the definition stands
    assert first.fix and not first.fix.safe


@pytest.mark.parametrize("text,expected", [
    ("De JLoI is getekend. De JLoI geldt. De JLOI loopt af.", [("JLOI", "JLoI")]),
    ("De RIE geldt. De RIE is herzien. Onder de Rie vallen.", [("Rie", "RIE")]),
    ("GroenLinks stemt. GroenLinks wil. Groenlinks zegt.", [("Groenlinks", "GroenLinks")]),
    # a correctly written compound beats the split form, whatever the counts (issue 14)
    ("Het Lucht Akkoord. Het Lucht Akkoord. Het Luchtakkoord.", [("Lucht Akkoord", "Luchtakkoord")] * 2),
    ("De CDA-fractie. De CDA-fractie. De CDA fractie.", [("CDA fractie", "CDA-fractie")]),
    ("Per e-mail. Per e-mail. Per email.", [("email", "e-mail")]),
    ("Het stelsel: de milieuvergunning, de milieuvergunning, de milieu vergunning.",
     [("milieu vergunning", "milieuvergunning")]),
    ("De AMVI adviseert. De AMVI ziet. De AMIV schrijft.", [("AMIV", "AMVI")]),  # a swap (not in the lexicon)
])
def test_variants(text, expected):
    assert variants(text + "\n") == expected


@pytest.mark.parametrize("text", [
    "De minister besluit. Minister en staatssecretaris. De Minister van IenW.",  # a capital at a sentence start
    "Omdat het voordat gebeurt, voor dat doel, voor dat doel. Ten minste drie, tenminste vier, tenminste vijf.",
    "Het Kamerlid, de Kamerleden, de Kamerleden.",  # another ending is another word
    "De JLoI en de JLOI.",  # a tie: no usual spelling
    "De RIE, de RIE, de RIE. ONDER DE RIE VALLEN NU AL DE GROTE INSTALLATIES",  # an all-capital heading
    "Zie «De ondergang van Nagorno Karabach», over Nagorno-Karabach en Nagorno-Karabach.",  # a quoted title
    "Op rivm.nl en www.rivm.nl/Luchtkwaliteit; het RIVM en het RIVM.",
    "Kenmerk IENW/BSK-2026/1; IenW en IenW.",
    "In 2024-2025 en 20242025; 1-0 en 10 en 10.",
    "De RIVM, de RIVM, de RIVM, het RVIM.",  # the typo rule reports RVIM (it is on its list)
])
def test_no_finding(text):
    assert variants(text + "\n") == []


def test_a_typo_the_typo_rule_reports_is_left_to_it_unless_it_is_off(tmp_path):
    text = "De RIVM, de RIVM, de RIVM, het RVIM.\n"
    assert variants(text, rules_yaml="rules:\n  typo: false\n", tmp_path=tmp_path) == [("RVIM", "RIVM")]


def test_never_suggests_a_known_slip(tmp_path):
    # the document writes the slip most often: the usual spelling is no suggestion here
    assert variants("De staatsecretaris, de staatsecretaris, de staatssecretaris.\n") == []


def test_options(tmp_path):
    text = "De JLoI is getekend. De JLoI geldt. De JLOI loopt af. De JLOI ook.\n"
    assert variants(text) == []  # 2 against 2
    text = "De JLoI. De JLoI. De JLoI. De JLOI. De JLOI.\n"
    assert variants(text) == []  # 3 against 2: not twice as often
    assert variants(text, rules_yaml="rules:\n  term-consistency:\n    ratio: 1.5\n", tmp_path=tmp_path) == [
        ("JLOI", "JLoI"), ("JLOI", "JLoI")]


def test_footnotes_count_and_are_checked():
    text = "De JLoI[footnoteRef:1] en de JLoI. [1:  Zie de JLOI van 2024.]\n"
    (f,) = lint_text(text, select=["term-consistency"])
    assert f.location.part == "footnote" and f.location.text == "JLOI"


def test_docx_draft_gives_the_same_findings():
    from conftest import DATA

    from letterlint.config import load_config
    from letterlint.readers import read_path
    from letterlint.runner import build_plan, lint_document

    plan = build_plan(load_config(None, search=False), select=["term-consistency"])
    findings, problems = lint_document(read_path(str(DATA / "draft-pandoc.docx")), plan)
    assert not problems
    assert [f.location.text for f in findings] == ["GroenLinks-PvdA fractie", "meet-pilot", "Schone Luchtakkoord", "Rie",
                                                   "meet-pilot", "meet-pilot"]


# -- issue 14: what the writer owns, official forms, compounds, phrases ------------------------------------

QA = """Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie vragen naar de {q} en de {q}. Hoe staat het met de {q}?

Antwoord: {a}
"""


def test_only_the_writers_own_text_counts():
    text = QA.format(q="WMO-voorziening", a="De Wmo-voorziening is geregeld.")
    assert variants(text) == []
    text = QA.format(q="meldpunt", a="Het meld punt is open; het meld punt werkt; het meldpunt ook.")
    assert variants(text) == [("meld punt", "meldpunt")] * 2  # only the answer's forms are reported


@pytest.mark.parametrize("text,expected", [
    # the lexicon's form (Wmo) beats the majority (WMO), and so does the letter's own definition
    ("De WMO-voorziening, de WMO-voorziening en de Wmo-voorziening.", [("WMO-voorziening", "Wmo-voorziening")] * 2),
    ("De Regeling Kleine Subsidies (RKS). De RkS en de RkS.", [("RkS", "RKS")] * 2),
    # a correct closed compound beats a split one, whatever the counts
    ("Het online loket, het online loket en het onlineloket.", [("online loket", "onlineloket")] * 2),
    ("De Klimaat Top, de Klimaat Top en de Klimaattop.", [("Klimaat Top", "Klimaattop")] * 2),
    ("De G20 verklaring, de G20 verklaring en de G20-verklaring.", [("G20 verklaring", "G20-verklaring")] * 2),
])
def test_official_forms_and_compounds_win(text, expected):
    assert variants(text + "\n") == expected


@pytest.mark.parametrize("text", [
    "Op korte termijn en op korte termijn komt er een korte-termijn maatregel.",  # a phrase and a modifier
    "Over Nagorno Karabach en Nagorno Karabach; NagornoKarabach.",  # a name run together, not a compound
    "De zee-egel en de zeeegel.",  # a hyphen the compound needs (vowel clash) is no loose form
])
def test_no_finding_issue_14(text):
    assert variants(text + "\n") == []


def test_the_same_place_is_reported_once():
    findings = lint_text("Het Lucht Akkoord. Het Luchtakkoord.\n", select=["term-consistency"])
    places = [(f.location.line, f.location.column, f.location.text) for f in findings]
    assert len(places) == len(set(places)) == 1


# -- a separable verb is written together in a subordinate clause, apart in a main one: both right ----------

@pytest.mark.parametrize("text", [
    "Dat hij er gebruikmaakt. Hij gebruik maakt, gebruik maakt, gebruik maakt, gebruik maakt.",
    "Dat zij deelneemt, deelneemt, deelneemt. Zij deel neemt.",
    "Of het plaatsvindt, plaatsvindt, plaatsvindt. Het plaats vindt.",
    "Dat zij kennisnemen, kennisnemen, kennisnemen. Wij kennis nemen.",
    "Dat zij gebruikmaakte, gebruikmaakte, gebruikmaakte. Zij gebruik maakte.",
    "Dat het plaatsvond, plaatsvond, plaatsvond. Het plaats vond.",  # a strong verb's past
    "Wij gebruik maken, gebruik maken, gebruik maken; gebruikmaken.",
])
def test_a_separable_verb_is_no_inconsistency(text):
    assert variants(text + "\n") == []


@pytest.mark.parametrize("text,expected", [
    ("De meet pilot, de meet pilot, de meetpilot.", [("meet pilot", "meetpilot")] * 2),  # pilot: no verb
    ("Het werk plaats, het werk plaats, de werkplaats.", [("werk plaats", "werkplaats")] * 2),  # plaatsen: a plural
    ("De gemeente huizen, de gemeente huizen, de gemeentehuizen.", [("gemeente huizen", "gemeentehuizen")] * 2),
    ("De milieu vergunning, de milieu vergunning, de milieuvergunning.", [("milieu vergunning", "milieuvergunning")] * 2),
    ("De bus rit, de bus rit, de busrit.", [("bus rit", "busrit")] * 2),
])
def test_a_split_noun_is_still_reported(text, expected):
    assert variants(text + "\n") == expected


def test_a_pasted_web_title_in_a_footnote_is_someone_elses_spelling():
    body = "Het fine-tunen werkt[footnoteRef:1], fine-tunen kost geld[footnoteRef:2], fine-tunen helpt. "
    notes = ("[1:  Kosten van Finetunen Uitgelegd | by Jan Jansen | Towards Data Science] "
             "[2:  Zie: [2401.00001] Finetunen voor Iedereen (arxiv.org), en fine-tunen van een model.]")
    assert variants(body + notes + "\n") == []
    # the writer's own words after the site's name still count
    notes = "[1:  Een Titel | Hugging Face dit is Finetunen zelf] [2:  Zie ook.]"
    assert variants(body + notes + "\n") == [("Finetunen", "Fine-tunen")]


# -- speed (issue 13): the counting runs in C loops, places are found without a pattern over every paragraph ----

import random  # noqa: E402
from collections import Counter  # noqa: E402

import regex  # noqa: E402

from letterlint import chunking  # noqa: E402
from letterlint.lexicon import FUNCTION_WORDS  # noqa: E402
from letterlint.lint_rules import term_consistency as tc  # noqa: E402
from tracing import line_events as count_lines  # noqa: E402

WORDS = ["de", "het", "Lucht", "lucht", "Akkoord", "akkoord", "Luchtakkoord", "Lucht-Akkoord", "JLoI", "JLOI",
         "GroenLinks-PvdA", "fractie", "GroenLinks-PvdA-fractie", "e-mail", "email", "G20", "2024-2025", "van",
         "Schone", "schone", "x", "Rie", "RIE", "ten", "minste", "tenminste", "abc_def", "CO₂", "café", "cafe\u0301",
         "Zero\u2011Pollution", "zero", "pollution", "in", "ΟΔΟΣ", "οδος"]
GAPS = [" ", " ", " ", "  ", "\n", "\u00a0", "\u202f", "\t", ", ", ". ", " - ", "-", " (", ") ", "\u2009", "\x00", "/",
        " «", "» "]


def texts_of(seed: int, paragraphs: int = 6, words: int = 40) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(WORDS) + rnd.choice(GAPS) for _ in range(rnd.randint(1, words)))
            for _ in range(paragraphs)]


def content_plainly(word: str) -> bool:
    """A word that can be part of a term, word by word (the reference for the rule's C loops)."""
    letters = sum(1 for c in word if c.isalpha())
    if word[:1].isalpha() and letters < len(word) and any(c.isdigit() for c in word):
        return True  # a name with a number: G20, A4, COP28
    return letters >= 3 and word.lower() not in FUNCTION_WORDS and not word[:1].isdigit()


def counted_plainly(texts: list[str], max_words: int) -> Counter:
    """The counting as the rule first did it: run by run, word by word (the reference for the fast one)."""
    counts: Counter = Counter()
    for text in texts:
        for run in tc.RUN.finditer(text):
            words = run.group().split()
            counts.update(words)
            flags = [content_plainly(w) for w in words]
            for i in range(len(words) - 1):
                form = words[i]
                for j in range(i + 1, min(i + max_words, len(words))):
                    if not (flags[i] and flags[j]):
                        break
                    form += " " + words[j]
                    counts[form] += 1
    return counts


def groups_plainly(counts: Counter) -> dict:
    groups: dict = {}
    for form, n in counts.items():
        key = form.lower().replace(" ", "").replace("-", "").replace("\u2011", "")
        if not key.isdigit():
            groups.setdefault(key, {})[form] = n
    return {key: forms for key, forms in groups.items() if len(forms) > 1}


@pytest.mark.parametrize("seed", range(40))
def test_counting_in_c_loops_equals_counting_word_by_word(seed, monkeypatch):
    texts = texts_of(seed)
    max_words = 1 + seed % 5
    if seed % 2:
        monkeypatch.setattr(tc, "_BATCH", 50)  # many batches: the counts add up across them
    counted = tc._Counted(texts, max_words)
    plain = counted_plainly(texts, max_words)
    assert counted.counts == plain
    assert counted.groups(()) == groups_plainly(plain)


def test_a_defined_form_joins_its_group_with_count_zero():
    counted = tc._Counted(["Het Lucht Akkoord en de JLoI."], 3)
    groups = counted.groups({"LuchtAkkoord", "Lucht Akkoord", "JLOI", "Onbekend"})
    assert groups == {"luchtakkoord": {"Lucht Akkoord": 1, "LuchtAkkoord": 0}, "jloi": {"JLoI": 1, "JLOI": 0}}


def line_events(func, names=None) -> int:
    """Lines run in term_consistency (in the functions `names`, or all) while func() runs."""
    return count_lines(func, lambda code: "term_consistency" in code.co_filename
                       and (names is None or code.co_qualname in names))


def test_counting_runs_no_python_statement_per_word():
    short = texts_of(1, paragraphs=1, words=200)
    long = [" ".join(short * 16)]
    tc._Counted(long, 3)  # warm the word facts
    assert line_events(lambda: tc._Counted(long, 3)) <= line_events(lambda: tc._Counted(short, 3)) + 5


def _new_words(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    return " ".join("".join(rnd.choice("abcdefgKLM3") for _ in range(rnd.randint(2, 9))) for _ in range(n))


def test_a_letter_of_new_words_runs_no_python_statement_per_word(monkeypatch):
    # the first letter of a run: every word new to the process (the word facts worked out in C loops, all at once)
    monkeypatch.setattr(tc, "_WORD_FACTS", tc._WordFacts())
    texts = [[_new_words(n, seed)] for n, seed in ((200, 1), (3200, 2))]
    work = [line_events(lambda t=t: tc._Counted(t, 3), {"_Counted.__init__", "_Counted._count", "_terms",
                                                         "_WordFacts.learn", "_content_flags", "_keys"}) for t in texts]
    assert tc._WORD_FACTS.worked_out > 3000
    assert work[1] <= work[0] + 5


@pytest.mark.parametrize("seed", range(5))
def test_word_facts_worked_out_at_once_equal_word_by_word(seed):
    words = list(dict.fromkeys(w for text in texts_of(seed) for w in regex.split(r"[\W_]+", text) if w)) + WORDS
    words += ["G20", "A4", "COP28", "2x", "x2", "Ab3", "de", "Het", "van", "ÉÉN", "a_b", "a1_", "１２３", "ab"]
    assert tc._content_flags(words) == [content_plainly(w) for w in words]
    facts = tc._WordFacts()
    facts.learn(words)
    assert [facts.key[w] for w in words] == [tc._term_key(w) for w in words]


def places_plainly(form, visible):
    pattern = regex.compile(r"(?<![\w\-\u2011])" + r"[ \t\n\r\u00A0\u202F]+".join(map(regex.escape, form.split()))
                            + r"(?!\w|[-\u2011]\w)")
    return [(par, m.start(), m.end()) for par, text in visible for m in pattern.finditer(text)]


@pytest.mark.parametrize("seed", range(20))
def test_places_found_by_str_find_equal_a_pattern_over_every_paragraph(seed):
    visible = [(object(), text) for text in texts_of(seed)] + [(object(), "Lucht Lucht Lucht -Lucht Lucht-")]
    forms = ["Lucht", "Lucht Akkoord", "Lucht Lucht", "JLoI", "e-mail", "Schone Lucht Akkoord", "ΟΔΟΣ"]
    places = tc._Places(visible, [(form, first) for form in forms for first in (False, True)])
    for form in forms:
        assert places.of(form) == places_plainly(form, visible)
        assert places.of(form, first_only=True) == places_plainly(form, visible)[:1]


@pytest.mark.parametrize("size", [1, 40, 200])
def test_places_found_a_batch_of_texts_at_a_time_equal_those_in_one_text(size, monkeypatch):
    visible = [(object(), text) for seed in range(5) for text in texts_of(seed)]
    forms = [("Lucht", False), ("Lucht Akkoord", False), ("Lucht", True), ("Schone Lucht Akkoord", True)]
    whole = tc._Places(visible, forms)
    monkeypatch.setattr(tc, "batches", lambda texts: chunking.batches(texts, size))
    batched = tc._Places(visible, forms)
    assert all(batched.of(form, first) == whole.of(form, first) for form, first in forms)


def test_places_never_copy_the_whole_letter():
    import tracemalloc

    visible = [(object(), f"Het Luchtakkoord {i} en het luchtakkoord. " * 250) for i in range(200)]  # ~2 MB
    visible.append((object(), "Het Lucht Akkoord."))
    size = sum(len(text) for _, text in visible)
    tracemalloc.start()
    try:
        tc._Places(visible, [("Lucht Akkoord", False)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < size / 4  # a batch at a time (the whole text joined: its size)


def test_finding_a_forms_places_compiles_no_pattern(monkeypatch):
    # a pattern per form was compiled for every form reported: most of a run's first letter
    visible = [(object(), "Het Nieuwe Woordakkoord en het Nieuwe  Woordakkoord-plan; nieuwe woordakkoord.")]
    tc._Places(visible, [("Lucht", False)])  # the shared patterns compiled

    def compiled(*args, **kwargs):
        raise AssertionError("a pattern compiled for a form")

    monkeypatch.setattr(regex, "compile", compiled)
    form = ("Nieuwe Woordakkoord", False)
    assert tc._Places(visible, [form]).of(*form) == [(visible[0][0], 4, 23)]


def test_finding_places_does_not_run_a_pattern_per_paragraph_and_term():
    # 300 paragraphs, 20 inconsistent terms: each term's places cost no Python statement per paragraph
    terms = [f"Term{chr(65 + i)}{chr(65 + i)}x" for i in range(20)]
    filler = "Dit is een gewone zin zonder bijzonderheden in de brief.\n\n"
    def letter(n):
        body = "".join(f"De {t}, de {t} en de {t}.\n\n" for t in terms) + filler * n
        return body + "".join(f"De {t[:-3] + t[-3].lower() + t[-2:]}.\n\n" for t in terms)
    reporting = {"_report", "_Places.of", "_Places._find", "_Places.__init__"}
    work = [line_events(lambda n=n: variants(letter(n)), reporting) for n in (150, 300)]
    assert len(variants(letter(150))) == 20
    assert work[1] - work[0] <= 150 * 3  # three statements for each paragraph more, not one per paragraph and term


@pytest.mark.parametrize("text", ["www.rivm.nl/a.b.c en a.b._x, IENW/BSK-2026/1 info@ggd.nl x.y", "a.b.c.d", ".a.", "a._b.c"])
def test_dotted_names_found_by_their_separator_as_the_three_character_pattern_did(text):
    old = []
    for m in regex.finditer(r"\w[.@/]\w", text):
        a, b = m.start(), m.end()
        while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "-.@/_"):
            a -= 1
        while b < len(text) and (text[b].isalnum() or text[b] in "-@/_" or (text[b] == "." and text[b + 1:b + 2].isalnum())):
            b += 1
        old.append((a, b))
    assert tc._dotted(text) == old


def _kept_in(monkeypatch, tmp_path):
    """Facts kept between runs go to tmp_path (none from earlier runs), as where Python writes bytecode."""
    import sys

    from letterlint import bundled

    monkeypatch.setattr(bundled, "kept_path", lambda stem: str(tmp_path / f"{stem}.pickle"))
    monkeypatch.setattr(bundled, "_MEMOS", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_the_vocabulary_judges_a_compound_once_for_all_letters(monkeypatch, tmp_path):
    _kept_in(monkeypatch, tmp_path)
    calls: Counter = Counter()
    judge = tc._compound
    monkeypatch.setattr(tc, "_compound", lambda checker, form: calls.update([form]) or judge(checker, form))
    from letterlint.config import load_config
    from letterlint.readers import read_bytes
    from letterlint.runner import build_plan, lint_document

    plan = build_plan(load_config(None, search=False), select=["term-consistency"])
    text = "Het online loket, het online loket en het onlineloket.\n"
    for name in ("a.txt", "b.txt"):
        findings, _ = lint_document(read_bytes(text.encode(), name, "text"), plan)
        assert [f.location.text for f in findings] == ["online loket"] * 2
    assert calls and max(calls.values()) == 1


def _judged_in_a_run(monkeypatch, text: str) -> Counter:
    """The compounds the vocabulary judges while a new run (a new plan, the kept memos read afresh) checks text."""
    from letterlint import bundled
    from letterlint.config import load_config
    from letterlint.readers import read_bytes
    from letterlint.runner import build_plan, lint_document

    calls: Counter = Counter()
    judge = tc._compound
    monkeypatch.setattr(tc, "_compound", lambda checker, form: calls.update([form]) or judge(checker, form))
    monkeypatch.setattr(bundled, "_MEMOS", {})
    plan = build_plan(load_config(None, search=False), select=["term-consistency"])
    findings, _ = lint_document(read_bytes(text.encode(), "a.txt", "text"), plan)
    assert [f.location.text for f in findings] == ["online loket"] * 2
    for memo in bundled._MEMOS.values():
        memo._save()  # as at the end of the run
    return calls


def test_the_vocabulary_verdicts_are_kept_for_the_next_run(monkeypatch, tmp_path):
    _kept_in(monkeypatch, tmp_path)
    text = "Het online loket, het online loket en het onlineloket.\n"
    assert _judged_in_a_run(monkeypatch, text)  # the first run judges the compounds
    assert not _judged_in_a_run(monkeypatch, text)  # the next one reads its verdicts
    from letterlint import vocabulary

    identity = vocabulary.load().identity
    monkeypatch.setattr(vocabulary.load(), "identity", f"{identity} (another word list)")
    assert _judged_in_a_run(monkeypatch, text)  # another vocabulary: its own verdicts
    (tmp_path / "term-consistency-verdicts.pickle").write_bytes(b"\x80\x05damaged")
    assert _judged_in_a_run(monkeypatch, text)  # a damaged file: judged again, no crash


@pytest.mark.parametrize("text,expected", [
    # BACD is a swap of both ABCD and BADC: the acronym whose group came first in the text is the usual form
    ("De BADC en de BADC en de BADC. De ABCD en de ABCD en de ABCD. De BACD.", [("BACD", "BADC")]),
    ("De Abcd. De BADC en de BADC en de BADC. De ABCD en de ABCD en de ABCD. De BACD.",
     [("Abcd", "ABCD"), ("BACD", "ABCD")]),
])
def test_a_swap_of_two_acronyms_goes_to_the_one_seen_first(text, expected):
    assert variants(text + "\n") == expected


def _long_paragraph() -> str:
    import random

    rnd = random.Random(4)
    words = ["het", "Rijks", "vaccinatie-programma", "Vaccinatieprogramma", "RIVM", "gemeente", "de", "stikstof",
             "uitstoot", ",", ".", "(NEC)", "zorg", "verzekeraar", "zorgverzekeraar", ";", "EU"]
    return " ".join(rnd.choice(words) for _ in range(250_000))


def test_a_long_paragraph_is_counted_in_pieces_as_a_whole(monkeypatch):
    from letterlint.lint_rules import term_consistency as tc

    text = _long_paragraph()
    pieces = tc._Counted([text], 3)
    monkeypatch.setattr(tc, "_BATCH", 10 * len(text))  # the whole paragraph at once
    whole = tc._Counted([text], 3)
    assert list(pieces.counts.items()) == list(whole.counts.items()) and pieces.key == whole.key
    assert sum(" " in form for form in whole.counts) > 10  # terms of several words were counted


def test_counting_a_long_paragraph_holds_a_bounded_part_of_it():
    import tracemalloc

    from letterlint.lint_rules import term_consistency as tc

    text = _long_paragraph()
    tc._Counted(["het Rijks vaccinatie-programma, de zorg"], 3)  # patterns compiled: not the text's memory
    tracemalloc.start()
    try:
        tc._Counted([text], 3)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(text) > 1_500_000 and peak <= len(text), f"{peak / len(text):.1f}× the text"


@pytest.mark.parametrize("seed", range(5))
def test_the_words_before_a_bracket_are_those_of_the_whole_text(seed):
    rng = random.Random(seed)
    words = ["Richtlijn", "Industriële", "Emissies", "x" * 300, "a", "Bb", "—", "\u00a0", "de"]
    text = " ".join(rng.choice(words) for _ in range(400))
    for end in [0, 1, 5, len(text) // 2, len(text)] + [rng.randrange(len(text)) for _ in range(50)]:
        for n in (1, 2, 3, 5):
            assert tc._last_words(text, end, n) == text[:end].rsplit(None, n)[-n:]


def test_the_words_before_a_bracket_are_found_without_copying_the_text_before_it():
    import tracemalloc

    text = " ".join(f"Een Nieuwe Regel{i} (ENR)" for i in range(40_000))  # ~1 MB, one paragraph
    tracemalloc.start()
    try:
        words = tc._last_words(text, len(text) - 6, 3)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert words == ["Een", "Nieuwe", "Regel39999"] and peak < 20_000  # a copy of text[:end] is ~1 MB


@pytest.mark.parametrize("seed", range(10))
def test_forms_differing_in_their_first_letter_only_are_never_reported(seed):
    # the reason such groups (De/de, Rijk/rijk) are not judged at all: judged, they give nothing, whatever the letter
    from letterlint.readers import read_bytes

    rnd = random.Random(seed)
    doc = read_bytes("De Wet Milieubeheer (WM) en de Richtlijn Industriële Emissies (RIE).\n".encode(), "a.txt", "text")
    authority = tc._Authority(frozenset({"Wmo", "JLoI", "RIE", "Lucht"}), doc, tc._Verdicts())
    seen = []
    for _ in range(200):
        form = " ".join(rnd.choice(WORDS + ["Wmo", "wmo", "WM", "meet-pilot", "Meet-pilot"]) for _ in range(rnd.randint(1, 3)))
        forms = {form: rnd.randint(0, 9), form[0].swapcase() + form[1:]: rnd.randint(0, 9)}
        if len(forms) == 2:
            assert tc._first_letter_only(forms)
            tc._judge(forms, authority, lambda *args, **kw: seen.append(args))
    assert seen == []


def test_groups_differing_in_their_first_letter_only_are_not_judged(monkeypatch):
    judged = []
    judge = tc._judge
    monkeypatch.setattr(tc, "_judge", lambda forms, *args: judged.append(set(forms)) or judge(forms, *args))
    text = "De kamer vergadert. de kamer. Het Schone Lucht Akkoord, het Schone Lucht Akkoord en het Schone Luchtakkoord.\n"
    assert variants(text)  # (the spacing of the agreement is reported)
    assert {"De", "de"} not in judged and {"Het", "het"} not in judged
    assert {"Schone Luchtakkoord", "Schone Lucht Akkoord"} in judged


def test_a_separable_verb_is_judged_with_patterns_compiled_once(monkeypatch):
    # regex.findall(pattern, …) compiled its pattern on a run's first verb: the rule's patterns are kept between runs
    def known(word):
        return word in {"plaatsvinden", "plaatsvond", "deelnemen", "deelneemt"}

    assert tc._separable_verb("plaats vond", "plaatsvond", known)  # the patterns compiled

    def compiled(*args, **kwargs):
        raise AssertionError("a pattern compiled while judging a verb")

    for name in ("findall", "search", "compile"):
        monkeypatch.setattr(regex, name, compiled)
    assert tc._separable_verb("plaats vond", "plaatsvond", known)
    assert tc._separable_verb("deel neemt", "deelneemt", known)
    assert not tc._separable_verb("werk plaats", "werkplaats", known)


def test_places_are_set_up_without_a_statement_per_paragraph():
    def visible(n):
        return [(object(), f"Alinea {i} met de JLoI.") for i in range(n)] + [(object(), "")]

    absent = [("Lucht", False)]  # (a statement per place found, of course: here none)
    work = [line_events(lambda v=visible(n): tc._Places(v, absent), {"_Places.__init__", "_Places._search"})
            for n in (10, 1000)]
    assert work[0] == work[1]
    for v in (visible(3), visible(0), [(object(), "x")], []):
        assert tc._Places(v, [("JLoI", False)]).of("JLoI") == places_plainly("JLoI", v)


# the blanked-out parts (dotted names, quotations) found with fewer, quicker searches: the same spans

NAMES = ["rivm.nl", "www.rivm.nl/Lucht", "info@ggd.nl", "IENW/BSK-2026/1", "1.000", "a.", ".b", "@", "/", "x/", "é.e\u0301",
         "Lucht", " ", "\n", ". ", "-", "_", "a_b.c", "\x00", "..", "a@b/c.d", "‿"]


def name_texts(seed: int, n: int = 8) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(NAMES) for _ in range(rnd.randint(0, 12))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(20))
def test_separators_found_a_literal_at_a_time_equal_those_of_one_class(seed):
    for text in name_texts(seed):
        assert tc._separators(text) == [m.start() for m in regex.finditer(r"[.@/](?<=\w.)(?=\w)", text)]


@pytest.mark.parametrize("seed", range(20))
def test_dotted_names_found_in_the_texts_joined_equal_those_of_each_text(seed, monkeypatch):
    texts = name_texts(seed)
    if seed % 2:
        monkeypatch.setattr(tc, "batches", lambda texts: chunking.batches(texts, 16))  # many batches
    expected = {i: tc._dotted(text) for i, text in enumerate(texts) if tc._dotted(text)}
    assert tc._dotted_in(texts) == expected


def test_dotted_names_are_searched_once_for_all_paragraphs_not_once_for_each(monkeypatch):
    calls = []
    dotted = tc._dotted
    monkeypatch.setattr(tc, "_dotted", lambda text: calls.append(text) or dotted(text))
    paragraphs = [f"Zie rivm.nl/lucht{i} over het Lucht Akkoord en het Luchtakkoord." for i in range(60)]
    assert variants("\n\n".join(paragraphs) + "\nHet Lucht Akkoord.\n") == [("Lucht Akkoord", "Luchtakkoord")] * 61
    assert len(calls) == 1


QUOTE_PIECES = ["«", "»", "“", "”", "„", '"', "_", "(", ")", "– ", "—", " ", "\n", "Lucht", "a_b", "x", "  "]


@pytest.mark.parametrize("seed", range(40))
def test_quotations_searched_with_the_alternatives_a_text_allows_equal_all_of_them(seed):
    rnd = random.Random(seed)
    for _ in range(10):
        text = "".join(rnd.choice(QUOTE_PIECES) for _ in range(rnd.randint(0, 30)))
        assert tc._quoted(text) == [m.span() for m in tc.QUOTED.finditer(text)]


def test_a_text_with_one_kind_of_quotation_marks_is_searched_for_those_only():
    text = "Zij schreef “Het Lucht Akkoord” toen."
    assert tc._quoted(text) == [(text.index("“"), text.index("”") + 1)]
    pattern = tc._QUOTED_WITH["“”"].pattern
    assert "“" in pattern and not any(sign in pattern for sign in "«„_\"")

"""The shortcuts of the structure analysis and its rules (issue 13): each gives the same answers as the plain
way, and spares the work it is there to spare.  Counts and equality, never wall-clock time."""

from __future__ import annotations

import random
import re
import sys

import pytest
import regex
from conftest import EXAMPLE
from letterlint.lint_rules import answer_label, deferred_answer

from letterlint.readers import read_bytes
from letterlint.structure import WORD_TOKEN, ask_kind, asking, content_words, sentences, structure, words
from letterlint.structure.asking import question_spans
from letterlint.structure.patterns import NUMBERED_INLINE, NUMS, UPPER
from letterlint.structure.prefilter import Prefilter, needed

LINES = [
    "De leden van de VVD-fractie vragen hoe de staatssecretaris de meetcapaciteit borgt.",
    "Antwoord: De omgevingsdiensten investeren in meer eigen meetcapaciteit, zie Kamerstuk 36 123, nr. 4.",
    "Zij vragen of de minister bereid is dit te doen. Ze willen graag weten wanneer.",
    "Graag ontvangen deze leden een reflectie op de pilot.",
    "Vragen de leden van de CDA-fractie ook naar de kosten?",
    "Kan de staatssecretaris aangeven hoeveel bedrijven dit betreft",
    "Het lid Kops vraagt wanneer de brief komt. Dat zou in het najaar zijn.",
    "Antwoord 3: Dit kan nog niet worden beantwoord; de uitkomsten zijn nog niet bekend.",
    "Vraag 4 en 5 De leden vragen «waarom?» en zeggen “dat is zo”. Zo ja, waarom?",
    "Reactie: PM",
    "De uitkomsten van de pilot zijn op dit moment nog niet beschikbaar. Hierop kom ik terug.",
    "Het kabinet zal in een separate brief op deze vraag ingaan, o.a. over art. 3 jl. 5.",
]
ODD = ["İ", "ı", "ſ", "K", "Σ", "ß", "’", "«", "»", "“", "”", '"', "?", ".", "…", "\t", "nr.", "3.", "GRAAG", "LEDEN",
       "VRAGEN", "Vraag 7", "-Vraag 8", "xAntwoord 9", "deze", "zeggen", "wil", "TODO", "p.m.", "nog invullen"]


def variants(n: int, seed: int = 13) -> list[str]:
    """Letters of our own making: the lines above shuffled, with words upper-cased, odd letters put in."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        lines = rnd.sample(LINES, len(LINES))
        text = []
        for line in lines:
            ws = line.split(" ")
            for _ in range(rnd.randrange(3)):
                i = rnd.randrange(len(ws))
                r = rnd.random()
                if r < 0.3:
                    ws[i] = ws[i].upper()
                elif r < 0.7:
                    ws.insert(i, rnd.choice(ODD))
                else:
                    ws[i] = ws[i].replace("i", rnd.choice("İıi")).replace("k", rnd.choice("Kk")).replace("s", rnd.choice("ſs"))
            text.append(" ".join(ws))
        out.append("\n\n".join(text))
    return out


# -- which sentences ask: the gates change nothing ---------------------------------------------------------------


def _plain_kind(sentence: str, party_text: bool) -> str | None:
    """ask_kind as it was before the gates: every search on every sentence."""
    unquoted = asking.QUOTED.sub("", sentence)
    if "?" in unquoted:
        return "direct"
    m = asking.SUBJECT_ASK.search(sentence)
    if m:
        if m.group("pronoun") and not party_text:
            return None
        verb = m.group("verb").lower()
        if verb.startswith("vraag") or verb == "vragen":
            if asking._COMPLEMENT.search(sentence, m.end()):
                return "request"
        else:
            return "request"
    m = asking.INVERTED_ASK.search(sentence)
    if m and (m.group("verb") is None or m.group("verb").lower() != "vragen" or asking._COMPLEMENT.search(sentence, m.end())):
        return "request"
    if asking.VERB_FIRST.match(sentence):
        return "probable"
    return None


def test_gated_ask_kind_equals_the_plain_searches_on_variants():
    seen = set()
    for text in variants(60) + [EXAMPLE.read_text(encoding="utf-8")]:
        doc = read_bytes(text.encode("utf-8"), "brief.txt")
        for p in doc.paragraphs:
            party = "leden" in p.text or "fractie" in p.text
            plain = [(s, e) for s, e in sentences(p.text) if _plain_kind(p.text[s:e], party)]
            spans, kind = question_spans(p)
            if not asking.QUESTION_LABEL.match(p.text):
                assert spans == plain, p.text
            for s, e in sentences(p.text):
                got = ask_kind(p.text[s:e], party)
                assert got == _plain_kind(p.text[s:e], party), p.text[s:e]
                seen.add(got)
    assert seen == {None, "direct", "request", "probable"}  # the variants exercise every kind


class _Counting:
    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def search(self, *args):
        self.calls += 1
        return self.pattern.search(*args)


def test_sentences_without_asking_words_are_not_searched(monkeypatch):
    subject, inverted = _Counting(asking.SUBJECT_ASK), _Counting(asking.INVERTED_ASK)
    monkeypatch.setattr(asking, "SUBJECT_ASK", subject)
    monkeypatch.setattr(asking, "INVERTED_ASK", inverted)
    answer = ("De omgevingsdiensten investeren in meetcapaciteit. Deze metingen van de omgevingsdiensten in "
              "Nederland zouden in het najaar starten. Het beleid wordt in 2026 geëvalueerd.")
    doc = read_bytes(f"{answer}\n\nDe leden van de D66-fractie vragen hoe dat gaat.\n".encode(), "brief.txt")
    first, second = [p for p in doc.paragraphs if p.text.strip()]
    assert question_spans(first) == ([], None)
    # "zouden", and "ze" in "Deze", but no subject with a verb of asking a few words on: nothing searched
    assert subject.calls == inverted.calls == 0
    spans, kind = question_spans(second)
    assert kind == "request" and subject.calls == 1


# -- content words: each distinct chunk tokenised once ----------------------------------------------------------


def _plain_content_words(text: str, extra_stop: frozenset[str] = frozenset()) -> list[str]:
    return [t for w in WORD_TOKEN.findall(text) for t in words._tokens(w) if t not in extra_stop]


def test_content_words_equal_the_plain_tokenisation_on_variants():
    stop = words.stop_tokens(["meetcapaciteit", "VVD"])
    for text in variants(40) + ["a-b-c GGD’s 3e x_y ‘quoted’ -dash- omgevingsdiensten, PFAS-uitstoot"]:
        assert content_words(text) == _plain_content_words(text)
        assert content_words(text, stop) == _plain_content_words(text, stop)
        assert words.paragraph_words(text) == set(_plain_content_words(text))


def test_each_distinct_chunk_is_tokenised_once_per_process():
    text = " ".join(f"woord{i}x meetcapaciteit, meetcapaciteit." for i in range(50))
    before = words.chunk_misses
    doc = read_bytes((text + "\n\n" + text + "\n").encode(), "brief.txt")
    words.build_rarity(doc)
    first = words.chunk_misses - before
    assert first <= 52  # 50 distinct words and two spellings of one word, however often they occur
    content_words(text)
    words.build_rarity(read_bytes((text + "\n").encode(), "andere.txt"))
    assert words.chunk_misses - before == first  # a second letter with the same words tokenises nothing again


def _structure_facts(st):
    return ([(tuple(map(id, q.paragraphs)), [(id(x.paragraph), x.start, x.end) for x in q.questions], q.certain)
             for q in st.questions],
            [(tuple(map(id, a.paragraphs)), a.label and (a.label.start, a.label.end), [id(q) for q in a.questions])
             for a in st.answers],
            [id(p) for p in st.remarks], [(s.start, s.end, s.party) for s in st.sections], st.mode)


def _ids(st):
    """Question units by position, so that two readings of one document compare."""
    order = {id(q): i for i, q in enumerate(st.questions)}
    qs, answers, remarks, sections, mode = _structure_facts(st)
    return qs, [(pars, label, [order[q] for q in asked]) for pars, label, asked in answers], remarks, sections, mode


def test_answer_paragraphs_are_read_as_before_without_their_sentences(monkeypatch):
    """An answer's further paragraphs are not split into sentences where nothing in them could start a question
    again; the structure is the same as where every paragraph is split."""
    from letterlint.structure import build_labelled, labelled, LabelMatcher, labels

    texts = variants(30) + [EXAMPLE.read_text(encoding="utf-8")]
    for text in texts:
        doc = read_bytes(text.encode("utf-8"), "brief.txt")
        fast = _ids(build_labelled(doc, LabelMatcher(labels({}))))
        with monkeypatch.context() as m:
            m.setattr(labelled, "_may_ask_again", lambda text: True)
            plain = _ids(build_labelled(doc, LabelMatcher(labels({}))))
        assert fast == plain
    split = []
    monkeypatch.setattr(asking, "sentences", lambda text: split.append(text) or sentences(text))
    answer = "Deze metingen zouden in het najaar starten. Zij willen het beleid in 2026 evalueren."
    doc = read_bytes(("De leden van de VVD-fractie vragen hoe de staatssecretaris dit borgt.\n\n"
                      f"Antwoord: Dat gebeurt.\n\n{answer}\n\n{answer}\n").encode(), "brief.txt")
    st = structure(doc, {})
    assert len(st.answers) == 1 and len(st.answers[0].paragraphs) == 3
    assert answer not in split  # ("ze" in "Deze" and "zouden": the old gate split them)


def test_only_sentences_that_may_ask_are_judged(monkeypatch):
    judged = []
    monkeypatch.setattr(asking, "ask_kind", lambda s, *a: judged.append(s) or ask_kind(s, *a))
    text = ("De omgevingsdiensten meten. Het beleid wordt geëvalueerd. De leden van de D66-fractie vragen hoe dat "
            "gaat. Dat is goed. Kan de minister aangeven wanneer. Wat kost het? Dat weten we.")
    doc = read_bytes(text.encode(), "brief.txt")
    spans, kind = question_spans(doc.paragraphs[0])
    assert [text[s:e] for s, e in spans] == ["De leden van de D66-fractie vragen hoe dat gaat.",
                                            "Kan de minister aangeven wanneer.", "Wat kost het?"]
    assert judged == [text[s:e] for s, e in spans]  # the four sentences that cannot ask were not looked at


# -- content words: a letter's new words tokenised in bulk ---------------------------------------------------------


@pytest.fixture
def fresh_words(monkeypatch):
    """Empty word memos, as in a new process."""
    monkeypatch.setattr(words, "_CHUNKS", {})
    monkeypatch.setattr(words, "_TOKENS", {})
    return words


def _plain_df(doc):
    from collections import Counter

    df = Counter()
    for p in doc.paragraphs:
        if p.text.strip():
            df.update(set(_plain_content_words(p.text)))
    return df


def test_bulk_tokenising_equals_the_plain_tokenisation(fresh_words, monkeypatch):
    texts = variants(30) + [EXAMPLE.read_text(encoding="utf-8"),
                            "a-b-c GGD’s 3e x_y ‘quoted’ -dash- omgevingsdiensten, PFAS-uitstoot (RIVM) «ERG» d’r 123 ĲSSEL"]
    for limit in (200_000, 40):  # past the limit the memos start afresh, mid-letter: the same result
        monkeypatch.setattr(words, "_MEMO_LIMIT", limit)
        for text in texts:
            doc = read_bytes(text.encode("utf-8"), "brief.txt")
            fresh_words._CHUNKS.clear()
            fresh_words._TOKENS.clear()
            r = words.build_rarity(doc)
            assert r.df == _plain_df(doc)
            assert r.n == sum(1 for p in doc.paragraphs if p.text.strip())
    plain = sorted({w for text in texts for w in WORD_TOKEN.findall(text) if "-" not in w})
    assert words._plain_tokens(plain) == [words._word_tokens(w) for w in plain]


def test_a_letters_new_words_are_tokenised_in_bulk(fresh_words, monkeypatch):
    """No Python call per new word (norm, _tokens) and one tokenising pass per batch of paragraphs, not one a
    paragraph: what a process's first letter spends most of its rarity on."""
    calls = {"norm": 0, "learn": 0}
    norm, learn = words.norm, words._learn
    monkeypatch.setattr(words, "norm", lambda w: calls.__setitem__("norm", calls["norm"] + 1) or norm(w))
    monkeypatch.setattr(words, "_learn", lambda c: calls.__setitem__("learn", calls["learn"] + 1) or learn(c))
    tags = [chr(97 + i // 26) + chr(97 + i % 26) for i in range(300)]  # aa, ab, …: 300 new words of each kind
    text = "\n\n".join(f"De meetpost{t} van omgevingsdienst{t} meet{t}. (Stikstofdepositie{t})," for t in tags)
    doc = read_bytes(text.encode(), "brief.txt")
    r = words.build_rarity(doc)
    assert r.df["omgevingsdienstah"] == 1 and r.df["stikstofdepositieah"] == 1 and r.df["stikstofdepositiea"] == 2 and r.n == 300
    assert calls == {"norm": 0, "learn": 1}
    assert words.word_misses and words.chunk_misses


# -- the prefilter: needed strings, and the same first hit as searching everything -------------------------------


@pytest.mark.parametrize(("pattern", "want"), [
    (r"\bniet\s+(?:te\s+)?beantwoorden\b", {"beantwoorden"}),
    (r"(?:uitkomsten|cijfers)\s+zijn", {"uitkomsten", "cijfers"}),
    (r"(ab)?cd", {"cd"}),
    (r"x+y", {"x"}),
    (r"(?i)Foo|BAR", {"foo", "bar"}),
    (r"a(?=bcd)e", {"a"}),
])
def test_needed_strings_of_a_pattern(pattern, want):
    assert needed(pattern) == want


@pytest.mark.parametrize("pattern", [r"\w+", r"a|\d", r"abc{e<=1}", r"\p{L}+x", r"(", r"(?:x)?"])
def test_no_needed_strings_where_none_can_be_told(pattern):
    assert needed(pattern) is None


def test_prefilter_gives_the_same_first_phrase_as_every_search():
    phrases = deferred_answer.prepare(dict(deferred_answer.DEFAULT), None)
    holders = answer_label._Placeholders(answer_label.placeholders({}))
    texts = variants(40) + [EXAMPLE.read_text(encoding="utf-8")]
    searched = 0
    for text in texts:
        for piece in text.split("\n\n"):
            plain = [m for m in (p.search(piece) for p in phrases.patterns) if m]
            first = min(plain, key=lambda m: m.start()) if plain else None
            got = [i for i in phrases.prefilter.candidates(piece) if phrases.patterns[i].search(piece)]
            hit = min((phrases.patterns[i].search(piece) for i in got), key=lambda m: m.start(), default=None)
            assert (hit and hit.span()) == (first and first.span())
            searched += len(phrases.prefilter.candidates(piece))
            plain_placeholder = next(((m.start(), m.end()) for p in holders.anywhere if (m := p.search(piece))), None)
            assert answer_label._anywhere(holders, piece) == plain_placeholder
    assert searched < len(texts) * 12 * 6  # most pieces are searched with few of the twelve patterns


def test_prefilter_searches_everything_where_case_folding_is_odd():
    pats = [regex.compile(r"beantwoord", regex.IGNORECASE), regex.compile(r"\w+")]
    pre = Prefilter(pats)
    assert pre.candidates("niets") == [1]
    assert pre.candidates("BEANTWOORD") == [0, 1]
    assert pre.candidates("beantwoord met ı") == [0, 1]


# -- the numbered labels pattern, rewritten for speed, finds what it found -----------------------------------------


def test_numbered_inline_equals_the_pattern_with_look_behinds_first():
    letter = r"[^\W\d_]"
    plain = re.compile(
        rf"(?<!{letter})(?<!-)(?P<kind>Vraag|Antwoord)\s+(?P<numbers>{NUMS})(?![\d_])(?!{letter})\s*[:.]?"
        rf"(?=\s*$|\s+[{UPPER[1:-1]}«\"“‘'(\[¿])"
    )
    texts = variants(40) + ["xVraag 1 Hoe", "-Vraag 2 Hoe", "1Vraag 3 Hoe", "Antwoord 4 Ja", "éAntwoord 5 Ja",
                            "_Vraag 6 Wat", "Aanhangsel 2Antwoord 7 Ja", "Vraag 8 en 9: Wat?"]
    found = 0
    for text in texts:
        want = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in NUMBERED_INLINE.finditer(text)] == want
        found += len(want)
    assert found > 20


def test_structure_of_variants_is_stable():
    """The structure of a variant is read the same twice (the memos carry nothing from one letter into the
    next that changes a result)."""
    for text in variants(10):
        a = structure(read_bytes(text.encode("utf-8"), "a.txt"), {})
        b = structure(read_bytes(text.encode("utf-8"), "b.txt"), {})
        assert [q.text for q in a.questions] == [q.text for q in b.questions]
        assert [x.text for x in a.answers] == [x.text for x in b.answers]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__]))

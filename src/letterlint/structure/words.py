"""Content words of a text, and their rarity in a letter: for judging whether an answer addresses a question."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain, compress, repeat

from .. import chunking
from ..model import Document
from ..lazyre import lazy_re

STOPWORDS = frozenset(
    """
    aan aangaande aangezien achter af al alle allebei alleen als alsnog altijd ander andere anders bij bijna binnen
    boven buiten daar daarbij daardoor daarin daarmee daarna daarom daarop daarover daartoe daarvan daarvoor dan dat
    de deze die dien dit doch doen door dus echter een eens eerst en enige enkele er erg ergens even eveneens ge geen
    gehad gekund geleden gelijk gemoeten gemogen genoeg geweest gewoon gezegd had hadden hare heb hebben hebt heeft
    hem hen het hier hierbij hierdoor hierin hiermee hierna hierom hierop hierover hiervan hiervoor hij hoe hoewel hun
    iemand iets ik in inmiddels is ja je jij jou jouw juist kan kon konden kunnen kunt laat later liever maar meer
    mede meest men met mij mijn mijnheer minder misschien moest moet moeten mogen na naar nabij namelijk nee neem net
    niet niets noch nog nogal nu of ofschoon om omdat omtrent onder ondertussen ons onze ook op opdat over overigens
    pas precies reeds rond rondom sinds sommige steeds te tegen tenzij ter terwijl tijdens toch toe tot totdat tussen
    u uit uw van vanaf vandaan vanuit vanwege veel veeleer verder vervolgens via vol volgens voor vooraf vooral
    voordat voorts vrij waar waarbij waardoor waarin waarmee waarom waarop waarover waarvan wanneer want waren was wat
    we wederom weer wel welk welke werd werden wie wier wij wiens wil willen wilt word worden wordt zal ze zelf zelfs
    zich zij zijn zo zoals zodat zodra zonder zou zouden zowel zulk zulke zullen zult een twee drie vier vijf zes
    tevens daarnaast tot slot ten slotte eerder hierbij eraan ervan erover ervoor erin erop ermee kunt waarvoor
    leden fractie fracties staatssecretaris minister ministers kabinet regering bewindspersoon vraag vragen vraagt
    vroegen verzoeken verzoekt graag ontvangen vernemen horen reflectie reflecteren reactie toelichten toelichting
    aangeven bereid mening delen deelt eens erkent acht ziet zien bevestigen kunnen uiteenzetten concretiseren
    lezen lezen merken merkt opmerken constateren constateert stellen stelt vinden vindt menen achten hechten
    daadwerkelijk concreet concrete namelijk wijze manier mogelijk mogelijkheden nadrukkelijk specifiek expliciet
    antwoord antwoorden beantwoording beantwoorden zo ja nee hoeverre hoeveel waarom wanneer welke
    """.split()
)
WORD_TOKEN = lazy_re(r"[^\W\d_](?:[\w’'-]*[^\W\d_])?")
_SUFFIXES = ("en", "s", "e")


def norm(word: str) -> str:
    """A word in lower case with one inflection suffix taken off (omgevingsdiensten → omgevingsdienst)."""
    w = word.lower().replace("’", "").replace("'", "")
    if len(w) >= 6:
        for suffix in _SUFFIXES:
            if w.endswith(suffix):
                return w[: -len(suffix)]
    return w


_MEMO_LIMIT = 200_000  # entries per memo: a process that reads many letters must not grow without bound
_TOKENS: dict[str, tuple[str, ...]] = {}  # a word as written → its content tokens
_CHUNKS: dict[str, tuple[str, ...]] = {}  # a white-space-free chunk ("omgevingsdiensten,") → its content tokens
chunk_misses = 0  # how many chunks were tokenised (not found in the memo): for the tests
word_misses = 0  # how many words were tokenised: for the tests
# what may stand around a word in a chunk ("(PFAS),", "«meten»"): no letter, digit or underscore, so a chunk
# that is a run of letters once these are stripped holds that one word and nothing else (WORD_TOKEN.findall)
_EDGES = ",.;:!?()[]{}«»“”„\"'‘’…/–—*-"


def _tokens(word: str) -> tuple[str, ...]:
    """The content tokens of one word as written (memoised: words repeat)."""
    got = _TOKENS.get(word)
    if got is None:
        _learn_words([word])
        got = _TOKENS[word]
    return got


def _word_tokens(word: str) -> tuple[str, ...]:
    """`_tokens` worked out: the word (and its parts where hyphenated), acronyms as written, stopwords out."""
    out = []
    for part in [word] + (word.split("-") if "-" in word else []):
        if part.isupper() and 2 <= len(part) <= 6:  # an acronym (GGD, PAS, RIE) is never a stopword
            out.append(part)
            continue
        low = part.lower()
        if low in STOPWORDS or low.isdigit() or len(low) < 3:
            continue
        out.append(norm(part))
    return tuple(out)


def _learn_words(words: set[str] | list[str]) -> None:
    """Tokenise the distinct `words` the memo lacks (past its limit it starts afresh with these)."""
    global word_misses
    new = [w for w in words if w not in _TOKENS]
    if len(_TOKENS) + len(new) > _MEMO_LIMIT:
        _TOKENS.clear()
        new = list(words)
    word_misses += len(new)
    plain = [w for w in new if "-" not in w]
    _TOKENS.update(zip(plain, _plain_tokens(plain)))
    hyphenated = [w for w in new if "-" in w]
    _TOKENS.update(zip(hyphenated, map(_word_tokens, hyphenated)))


def _plain_tokens(words: list[str]) -> list[tuple[str, ...]]:
    """`_word_tokens` of words without a hyphen, in one loop (no function call a word: a letter's first
    paragraphs bring thousands of new words)."""
    out: list[tuple[str, ...]] = []
    add, stop = out.append, STOPWORDS
    for w, low in zip(words, map(str.lower, words)):
        if w.isupper() and 2 <= len(w) <= 6:  # an acronym (GGD, PAS, RIE) is never a stopword
            add((w,))
        elif low in stop or len(low) < 3 or low.isdigit():
            add(())
        else:  # norm(w)
            if "’" in low or "'" in low:
                low = low.replace("’", "").replace("'", "")
            if len(low) >= 6:
                if low[-2:] == "en":
                    low = low[:-2]
                elif low[-1] in "se":
                    low = low[:-1]
            add((low,))
    return out


def _learn(chunks: Iterable[str]) -> None:
    """Tokenise the chunks not in the memo, in bulk (a letter's first paragraphs meet thousands): a chunk that
    is one word between punctuation (nineteen in twenty) is that word, found with C string methods; the
    others go through WORD_TOKEN; each distinct word is tokenised once."""
    global chunk_misses
    new = [c for c in set(chunks) if c not in _CHUNKS]
    if not new:
        return
    chunk_misses += len(new)
    bare = list(map(str.strip, new, repeat(_EDGES, len(new))))
    alone = list(map(str.isalpha, bare))  # the chunk is this one word
    others = [c for c, one in zip(new, alone) if not one]
    words_of = list(map(WORD_TOKEN.findall, others))
    _learn_words(set(compress(bare, alone)).union(chain.from_iterable(words_of)))
    if len(_CHUNKS) + len(new) > _MEMO_LIMIT:
        _CHUNKS.clear()
    get = _TOKENS.__getitem__
    _CHUNKS.update(zip(compress(new, alone), map(get, compress(bare, alone))))
    _CHUNKS.update((c, tuple(chain.from_iterable(map(get, ws)))) for c, ws in zip(others, words_of))


def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    """The content tokens of one whitespace-free chunk of text ("omgevingsdiensten," or "PFAS-uitstoot").

    WORD_TOKEN never matches whitespace, so a text's tokens are its chunks' tokens in order; chunks repeat
    within a letter and across letters, so each distinct chunk is tokenised once per process."""
    got = _CHUNKS.get(chunk)
    if got is None:
        _learn([chunk])
        got = _CHUNKS[chunk]
    return got


def _chunks_tokens(chunks: list[str]) -> tuple[str, ...]:
    """The content tokens of a text's chunks, in order: one memo look-up a chunk, in C; where the memo lacks
    some, they are tokenised together first."""
    get = _CHUNKS.__getitem__
    try:
        return tuple(chain.from_iterable(map(get, chunks)))
    except KeyError:
        _learn(chunks)
    try:
        return tuple(chain.from_iterable(map(get, chunks)))
    except KeyError:  # the memo started afresh while learning (past its limit): one chunk at a time
        return tuple(t for c in chunks for t in _chunk_tokens(c))


def _text_tokens(text: str) -> list[str]:
    """All content tokens of a text, in order (stopwords out; `content_words` without its extra stopwords)."""
    return list(_chunks_tokens(text.split()))


def content_words(text: str, extra_stop: frozenset[str] = frozenset()) -> list[str]:
    """The normalised content words of a text: stopwords, the framing of a question ("De leden … vragen de
    staatssecretaris …") and short words left out; acronyms (GGD, RIE) kept as written; hyphenated compounds
    also in their parts.  `extra_stop`: more words to leave out, as `stop_tokens` makes them."""
    out = _text_tokens(text)
    if extra_stop:
        return [t for t in out if t not in extra_stop]
    return out


def paragraph_words(text: str) -> set[str]:
    """The distinct content words of a paragraph: each chunk looked up in the memo in C (no set of the chunks
    first: hashing them for it cost more than the look-ups it spared)."""
    return set(_chunks_tokens(text.split()))


def stop_tokens(words: Iterable[str]) -> frozenset[str]:
    """Words (as written) made into tokens that `content_words` leaves out."""
    return frozenset(t for w in words for t in _tokens(w))


class WordMatcher:
    """Does a text contain a word, allowing other inflections and longer forms (verplaatsing ~ verplaatst)?"""

    def __init__(self, text: str):
        self.words = set(content_words(text))
        self.prefixes: set[str] = set()
        for w in self.words:
            for k in range(6, len(w) + 1):
                self.prefixes.add(w[:k])

    def __contains__(self, word: str) -> bool:
        if word in self.words:
            return True
        if word.isupper():
            return False
        if len(word) < 6:
            return False
        k = max(6, math.ceil(0.75 * len(word)))
        return word[:k] in self.prefixes


@dataclass(frozen=True)
class Rarity:
    """Document frequency of content words over the body paragraphs: rare words are distinctive."""

    df: Mapping[str, int]
    n: int

    def weight(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 0.5))

    def distinctive(self, word: str, share: float = 0.03) -> bool:
        """Rare in this letter: in at most max(2, share × paragraphs) paragraphs."""
        return self.df.get(word, 0) <= max(2, round(share * self.n))


def rarity(doc: Document) -> Rarity:
    """How many body paragraphs use each content word (a shared analysis: `analyses.of(doc).words`)."""
    from .. import analyses

    return analyses.of(doc).words


def build_rarity(doc: Document) -> Rarity:
    """How many body paragraphs use each content word (`rarity` caches it).

    Each paragraph's chunks are looked up in the memo in C; the chunks of the paragraphs where some were
    missing are tokenised together afterwards, a batch of paragraphs (chunking.batches) at a time: once for
    the thousands of a process's first letter, not paragraph by paragraph, and only for the few paragraphs
    with a new word (a date, a number) of a later letter."""
    df: Counter = Counter()
    texts = [p.text for p in doc.paragraphs if p.text and not p.text.isspace()]
    get = _CHUNKS.__getitem__
    for _, batch in chunking.batches(texts):
        missed: list[list[str]] = []
        for text in batch:
            chunks = text.split()
            try:
                df.update(set(chain.from_iterable(map(get, chunks))))
            except KeyError:
                missed.append(chunks)
        if missed:
            _learn(chain.from_iterable(missed))
            for chunks in missed:
                df.update(set(_chunks_tokens(chunks)))
    return Rarity(df, len(texts))

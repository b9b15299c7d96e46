"""Content words of a text, and their rarity in a letter: for judging whether an answer addresses a question."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain

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
_TOKENS: dict[str, tuple[str, ...]] = {}


def _tokens(word: str) -> tuple[str, ...]:
    """The content tokens of one word as written (memoised: words repeat)."""
    got = _TOKENS.get(word)
    if got is not None:
        return got
    out = []
    for part in [word] + (word.split("-") if "-" in word else []):
        if part.isupper() and 2 <= len(part) <= 6:  # an acronym (GGD, PAS, RIE) is never a stopword
            out.append(part)
            continue
        low = part.lower()
        if low in STOPWORDS or low.isdigit() or len(low) < 3:
            continue
        out.append(norm(part))
    got = tuple(out)
    if len(_TOKENS) < _MEMO_LIMIT:
        _TOKENS[word] = got
    return got


_CHUNKS: dict[str, tuple[str, ...]] = {}
chunk_misses = 0  # how many chunks were tokenised (not found in the memo): for the tests


def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    """The content tokens of one whitespace-free chunk of text ("omgevingsdiensten," or "PFAS-uitstoot").

    WORD_TOKEN never matches whitespace, so a text's tokens are its chunks' tokens in order; chunks repeat
    within a letter and across letters, so each distinct chunk is tokenised once per process."""
    global chunk_misses
    chunk_misses += 1
    got = tuple(t for word in WORD_TOKEN.findall(chunk) for t in _tokens(word))
    if len(_CHUNKS) < _MEMO_LIMIT:
        _CHUNKS[chunk] = got
    return got


def _text_tokens(text: str) -> list[str]:
    """All content tokens of a text, in order (stopwords out; `content_words` without its extra stopwords)."""
    memo = _CHUNKS
    out: list[str] = []
    for chunk in text.split():
        got = memo.get(chunk)
        if got is None:
            got = _chunk_tokens(chunk)
        if got:
            out.extend(got)
    return out


def content_words(text: str, extra_stop: frozenset[str] = frozenset()) -> list[str]:
    """The normalised content words of a text: stopwords, the framing of a question ("De leden … vragen de
    staatssecretaris …") and short words left out; acronyms (GGD, RIE) kept as written; hyphenated compounds
    also in their parts.  `extra_stop`: more words to leave out, as `stop_tokens` makes them."""
    out = _text_tokens(text)
    if extra_stop:
        return [t for t in out if t not in extra_stop]
    return out


def paragraph_words(text: str) -> set[str]:
    """The distinct content words of a paragraph (each distinct chunk looked up once, in C where it can)."""
    chunks = set(text.split())
    found: list[tuple[str, ...] | None] = list(map(_CHUNKS.get, chunks))
    if None in found:
        found = [_chunk_tokens(c) if got is None else got for c, got in zip(chunks, found, strict=True)]
    return set(chain.from_iterable(found))  # type: ignore[arg-type]  # no None left


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
    """How many body paragraphs use each content word (`rarity` caches it)."""
    df: Counter = Counter()
    n = 0
    for p in doc.paragraphs:
        if p.text.strip():
            n += 1
            df.update(paragraph_words(p.text))
    return Rarity(df, n)

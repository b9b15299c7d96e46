"""Finding copied text: normalised words, word shingles, an inverted index, and aligned chains.

Used by the rules duplicate-answer and repeated-passage (and, across files, by duplicate-answer's
`collect`/`check_across`).

How it works, and why its cost is linear in the text
  * Every unit (an answer, or a body paragraph in a letter without answers) becomes a list of normalised
    words (case, accents, curly quotes and hyphenation variants folded; artefacts and footnote markers are
    already out of the paragraph text).
  * Every run of `K` consecutive words (a *shingle*) gets a 64-bit hash.  Hashes are stable across
    processes (a word id is the CRC-32 and Adler-32 of the word, shingles are tuples of ints), so summaries
    made in parallel worker processes can be compared in the parent.
  * An inverted index maps each shingle hash to the units that contain it, each posting list capped at
    `POSTING_CAP` entries: looking up a unit costs at most `len(unit) × POSTING_CAP`, whatever the number of
    copies.  A unit is compared only with the earlier units it shares shingles with, at most `MAX_PARTNERS`
    of them (those sharing most), so the work is linear in the number of words — no all-pairs loop.
  * Two units are compared by *aligning* their shared shingles into chains (runs of matches that advance
    together in both texts, allowing gaps of a few edited words).  A chain gives the shared passage's span
    in both units and how many words of each it covers; the share of a unit's words covered by chains is
    its similarity to the other unit: one changed word ("deze pilot" → "de pilot") uncovers that word
    only, so light edits keep the similarity high.  A run that continues in both texts is measured by
    comparing slices (in C), not shingle by shingle: a long copied passage costs a few steps.
  * Memory: a unit keeps its word ids and shingle hashes (as 8-byte arrays in a long document), no sets;
    a long paragraph is tokenised a chunk at a time.
  * Across files only a sample of shingle hashes is kept per answer (`sample_shingles`: those with hash ≡ 0
    mod `SAMPLE_MOD`, the same sample in every file, as 32-bit values; duplicate-answer samples three-word
    shingles, which survive light edits better), enough to estimate which share of one answer's shingles
    another answer has (containment), with a summary that is small and picklable.
"""

from __future__ import annotations

import re
import string
import unicodedata
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain as concat
from itertools import compress, filterfalse, islice, repeat
from operator import lshift
from re import Match
from typing import TYPE_CHECKING, Any
from zlib import adler32, crc32

import regex

from .lazyre import compile_regex, lazy, lazy_re
from .model import BODY, LIST, Document, Location, Paragraph

if TYPE_CHECKING:
    from .structure import AnswerUnit

K = 5  # words per shingle
GAP = 12  # shingle positions between two matches of one chain, on the side that moved least
GAP_MAX = 20  # … and on the side that moved most (an inserted clause)
MIN_RUN = 8  # a chain counts towards an answer's similarity when it covers this many words (or a quarter)
POSTING_CAP = 48  # units kept per shingle in the index
MAX_PARTNERS = 16  # earlier units a unit is aligned with (those that share most shingles)
MIN_SHARED = 3  # shingles two units must share before they are aligned
SAMPLE_MOD = 4  # across files: keep shingle hashes ≡ 0 mod this (a power of two)

# Words are the runs of characters that are neither white space nor punctuation ("jl.," → "jl", "(zoals" →
# "zoals", "VTH-stelsel" → "VTH", "stelsel", "GGD’en" → "GGD", "en"), found with the standard library's
# `re` (the fastest way here), the same in every copy of a text.
PUNCT = "".join(sorted(set(string.punctuation) | set("‘’‚‛“”„‟«»‹›–—―‐‑…·•°§¶†‡")))
_WORD_RUN = lazy_re(r"[^\s" + re.escape(PUNCT) + "]+")
_NON_SPACE = lazy_re(r"\S")
_QUOTES = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"))  # folded to the straight character
_NORMAL: dict[str, str] = {}
_TOKEN_IDS: dict[str, int] = {}

# Letter furniture: salutations, closings, signature lines and the "Antwoord van minister …
# (ontvangen …)" header of published answers.  Never part of a unit, so never reported.
LETTER_FURNITURE = compile_regex(
    r"""^\s*(?:
        (?:geachte|beste)\s+\S.{0,60}$
      | (?:hoogachtend|met\s+(?:vriendelijke|hoogachtende|beste)\s+groet(?:en)?)\b.{0,120}$
      | (?:de\s+)?(?:minister|staatssecretaris|minister-president)\s+(?:van|voor)\s+[^.]{0,100}[,.]?\s*$
      | (?:antwoord\s+)?van\s+(?:de\s+)?(?:minister|staatssecretaris)\b[^.]{0,160}\(ontvangen\b.*$
      | \(ontvangen\s+\d.*$
    )""",
    regex.IGNORECASE | regex.VERBOSE | regex.DOTALL,
)


def is_furniture(text: str) -> bool:
    return bool(LETTER_FURNITURE.match(text.strip())) if len(text) < 400 else False


# -- words and shingles ------------------------------------------------------------------------------


def normal(word: str) -> str:
    """A word folded for comparison: lower case, no accents, straight apostrophes."""
    out = _NORMAL.get(word)
    if out is None:
        out = _strip_marks(unicodedata.normalize("NFKD", _fold_quotes(word).casefold()))
        if len(_NORMAL) > 500_000:
            _NORMAL.clear()
        _NORMAL[word] = out
    return out


def _fold_quotes(text: str) -> str:
    if not text.isascii():
        for curly, straight in _QUOTES:
            text = text.replace(curly, straight)
    return text


def _strip_marks(folded: str) -> str:
    """A decomposed (NFKD) text without its combining marks (the accents)."""
    return folded if folded.isascii() else "".join(c for c in folded if not unicodedata.combining(c))


def normals(words: Sequence[str]) -> list[str]:
    """`normal` of each word, the ASCII ones (nearly all) folded at once: joined by line breaks, lower-cased and
    split again in C (for ASCII, casefold is lower and NFKD changes nothing); the few others one by one."""
    parts = "\n".join(words).lower().split("\n")
    if len(parts) != len(words):  # a word with a line break in it (never one of `tokens`)
        return [normal(w) for w in words]
    return [p if w.isascii() else normal(w) for p, w in zip(parts, words, strict=True)]


def word_id(word: str) -> int:
    """A stable 64-bit id for a normalised word (the same in every process): CRC-32 and Adler-32 of its UTF-8,
    side by side (two calls in C; a cryptographic hash per word was a third of the index's cost on a first
    letter, when no word id is known yet)."""
    return word_ids([word])[0]


def word_ids(words: Sequence[str]) -> list[int]:
    """`word_id` of each word, every step mapped over all of them in C."""
    try:
        data = list(map(str.encode, words))  # UTF-8
    except UnicodeEncodeError:  # a lone surrogate (text decoded with surrogateescape)
        data = [w.encode("utf-8", "surrogatepass") for w in words]
    return list(map(int.__or__, map(lshift, map(crc32, data), repeat(32)), map(adler32, data)))


def token_id(token: str) -> int:
    """The word id of a token as it appears in the text."""
    return ids_of([token])[0]


def tokens(text: str) -> list[str]:
    """The words of a text as written."""
    return _WORD_RUN.findall(text)


def token_spans(text: str, start: int = 0, end: int | None = None, limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every word of text[start:end] (the first `limit` words), in the order of `tokens`."""
    found = _WORD_RUN.finditer(text, start, len(text) if end is None else end)
    return [m.span() for m in (found if limit is None else islice(found, limit))]


def ids_of(words: Sequence[str]) -> list[int]:
    """The word ids of tokens as written (cached per token: most recur; new ones are learnt together)."""
    try:
        return list(map(_TOKEN_IDS.__getitem__, words))
    except KeyError:
        _learn(words)
        return list(map(_TOKEN_IDS.__getitem__, words))


def _learn(words: Sequence[str]) -> None:
    """Cache the ids of the tokens not seen before, normalised in one batch (`normals`)."""
    if len(_TOKEN_IDS) > 500_000:  # bounded; the ids are a function of the token, so nothing is lost
        _TOKEN_IDS.clear()
    new = list(set(words).difference(_TOKEN_IDS))  # in C (in any order: an id depends on its token only)
    _TOKEN_IDS.update(zip(new, word_ids(normals(new)), strict=True))


def shingles(ids: Sequence[int], k: int = K) -> list[int]:
    """The hash of every run of k consecutive word ids (stable across processes)."""
    if len(ids) < k:
        return []
    return list(map(hash, zip(*(ids[i:] for i in range(k)), strict=False)))


def text_shingles(text: str, k: int = K) -> list[int]:
    return shingles(ids_of(tokens(text)), k)


def sample(hashes: Iterable[int], mod: int = SAMPLE_MOD) -> bytes:
    """The hashes ≡ 0 mod `mod` (a power of two), cut to 32 bits, sorted, without repeats, packed 4 bytes each.

    The same sample in every file; read it back with `unpack`.  32 bits are plenty to compare samples
    (a chance collision adds one shared hash in a few thousand answers) and keep summaries small.
    """
    mask = mod - 1
    return array("I", sorted({h >> 8 & 0xFFFFFFFF for h in hashes if not h & mask})).tobytes()


def sample_shingles(ids: Sequence[int], k: int, mod: int = SAMPLE_MOD) -> bytes:
    """`sample` of the k-word shingles of a list of word ids, in one pass."""
    if len(ids) < k:
        return b""
    return sample(map(hash, zip(*(ids[i:] for i in range(k)), strict=False)), mod)


def unpack(packed: bytes) -> array:
    out = array("I")
    out.frombytes(packed)
    return out


# -- units -------------------------------------------------------------------------------------------


@dataclass(eq=False)
class Unit:
    """A stretch of text compared as a whole: an answer, or a paragraph."""

    index: int
    segments: list[tuple[Paragraph, int, int]]  # (paragraph, start, end) in paragraph.text
    ids: list[int]  # word ids (shared int objects: the word-id cache holds them)
    hashes: Sequence[int]  # shingle hashes, one per word position (n_words - K + 1); a list while the units
    # are compared (fastest to read), then, in a long document, an array('q') (8 bytes a hash, not ~44: it
    # stays with the document)
    answer: Any = None  # the AnswerUnit, when units are answers
    starts: list[int] = field(default_factory=list)  # index of the first word of each segment
    # segment → where its words are, flat: [start0, end0, start1, end1, …] (no tuple per word: thousands of
    # small objects kept alive make the garbage collector run more often)
    _spans: dict[int, list[int]] = field(default_factory=dict, repr=False)

    @property
    def hashset(self) -> set[int]:
        """The distinct shingle hashes (made on each call: kept for every unit, they were the biggest part of
        the index's memory)."""
        return set(self.hashes)

    @property
    def n_words(self) -> int:
        return len(self.ids)

    def word(self, i: int) -> tuple[int, int, int]:
        """Word i as (segment, start, end) in that segment's paragraph text (segments are split when needed)."""
        seg = bisect_right(self.starts, i) - 1 if len(self.starts) > 1 else 0
        spans = self._spans.get(seg)
        if spans is None:
            par, start, end = self.segments[seg]
            found = _WORD_RUN.finditer(par.text, start, end)
            spans = self._spans[seg] = list(concat.from_iterable(map(Match.span, found)))
        j = 2 * (i - (self.starts[seg] if self.starts else 0))
        return seg, spans[j], spans[j + 1]

    @property
    def first(self) -> Paragraph:
        return self.segments[0][0]

    def word_span(self, start: int, end: int) -> tuple[Paragraph, int, int]:
        """The part of words [start, end) that lies in the paragraph of word `start`, as (paragraph, a, b)."""
        seg, a, _ = self.word(start)
        stop = min(end, self.starts[seg + 1] if seg + 1 < len(self.starts) else self.n_words)
        return self.segments[seg][0], a, self.word(stop - 1)[2]

    def text_of(self, start: int, end: int) -> str:
        """The text of words [start, end), paragraphs joined by a space."""
        parts = []
        (s0, a0, _), (s1, _, b1) = self.word(start), self.word(end - 1)
        for seg in range(s0, s1 + 1):
            par, s, e = self.segments[seg]
            parts.append(par.text[a0 if seg == s0 else s : b1 if seg == s1 else e])
        return " ".join(" ".join(p.split()) for p in parts)


CHUNK = 1 << 16  # characters tokenised at a time: the words of a long paragraph are never all strings at once
BIG = 1 << 14  # words from which a unit's shingle hashes are built as an array at once (8 bytes a hash)
KEEP_AS_ARRAY = 1 << 16  # words in a document from which its units' hashes are arrays, not lists (slower to
# read in Python, so not for a letter of usual length)


def text_ids(text: str, start: int, end: int) -> list[int]:
    """The word ids of text[start:end], a chunk at a time (cut at white space, so no word is cut)."""
    ids: list[int] = []
    while end - start > CHUNK:
        cut = text.find(" ", start + CHUNK, end)
        if cut < 0:
            break
        ids += ids_of(_WORD_RUN.findall(text, start, cut))
        start = cut
    ids += ids_of(_WORD_RUN.findall(text, start, end))
    return ids


def make_unit(index: int, segments: list[tuple[Paragraph, int, int]], answer: Any = None,
              words: tuple[list[int], list[int]] | None = None) -> Unit:
    """A unit of these segments; `words`: its word ids and the index of each segment's first word, when known."""
    if words is None:
        ids: list[int] = []
        starts = []
        for par, start, end in segments:
            starts.append(len(ids))
            ids += text_ids(par.text, start, end)
    else:
        ids, starts = words
    if len(ids) < BIG:
        return Unit(index, segments, ids, shingles(ids), answer, starts)
    hashes = array("q")
    for at in range(0, len(ids) - K + 1, BIG):  # a part at a time: no copies of the whole word list
        hashes.fromlist(shingles(ids[at : at + BIG + K - 1]))
    return Unit(index, segments, ids, hashes, answer, starts)


BATCH = 1 << 14  # characters of text whose words are looked up together: on a process's first letter the new
# words are learnt a few batches at a time, not paragraph by paragraph (each batch of new words costs a few
# calls whatever its size); small enough that the words of one batch as strings stay small

Piece = tuple[list[tuple[Paragraph, int, int]], Any]  # a unit's segments, and its answer


def with_words(pieces: Iterable[Piece]) -> Iterator[tuple[list[tuple[Paragraph, int, int]], Any,
                                                           tuple[list[int], list[int]] | None]]:
    """The pieces with their word ids and segment starts, looked up a batch of pieces at a time (a piece with
    a segment longer than CHUNK: None, for make_unit to read a chunk at a time)."""
    batch: list[Piece] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += sum(end - start for _, start, end in piece[0])
        if size >= BATCH:
            yield from _batch_words(batch)
            batch, size = [], 0
    yield from _batch_words(batch)


def _batch_words(batch: list[Piece]) -> Iterator[tuple[list[tuple[Paragraph, int, int]], Any,
                                                         tuple[list[int], list[int]] | None]]:
    short = [all(end - start <= CHUNK for _, start, end in segments) for segments, _ in batch]
    words = [[_WORD_RUN.findall(p.text, start, end) for p, start, end in segments] if ok else []
             for (segments, _), ok in zip(batch, short, strict=True)]
    ids = ids_of(list(concat.from_iterable(concat.from_iterable(words))))  # new words: learnt in one go
    at = 0
    for (segments, answer), ok, lists in zip(batch, short, words, strict=True):
        if not ok:
            yield segments, answer, None
            continue
        starts = []
        for found in lists:
            starts.append(at)
            at += len(found)
        first = starts[0] if starts else at
        yield segments, answer, (ids[first:at], [s - first for s in starts])


def answer_segments(answer: AnswerUnit) -> list[tuple[Paragraph, int, int]]:
    """The text of an answer without its label, piece by piece (as AnswerUnit.text), furniture left out.

    The pieces are the answer's own spans: in a letter flattened to one paragraph ("Vraag 1 … Antwoord 1 …
    Vraag 2 …" on one line) an answer is a part of that paragraph, never the whole of it."""
    out = []
    for p, start, end in answer.pieces():
        # no copy of a long piece (a whole letter on one line): only short ones can be furniture
        if _NON_SPACE.search(p.text, start, end) and (end - start >= 400 or not is_furniture(p.text[start:end])):
            out.append((p, start, end))
    return out


# -- alignment ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Chain:
    """Matching shingles that run in step through two units: a shared passage, possibly lightly edited."""

    a0: int  # first word in unit a
    a1: int  # end (exclusive) in unit a
    b0: int
    b1: int
    cov_a: int  # words of a covered by the chain's matches
    cov_b: int
    lp: int  # last matched shingle position in a, in b
    lq: int

    @property
    def words(self) -> int:
        return min(self.cov_a, self.cov_b)


@dataclass(slots=True)
class Positions:
    """Where the shingles of a unit are, made once per unit and used for all units it is aligned with."""

    first: dict[int, int]  # hash → its first position
    many: dict[int, list[int]]  # hashes that occur more than once → their first four positions
    repeats: list[int]  # the positions of those hashes, sorted (a run of unique matches stops before one)
    # made for the shingles a unit shares with earlier ones only, it is all align needs: align looks up the
    # shared shingles, and every position of a shared shingle is in it


def positions(hashes: Sequence[int], shared: set[int] | None = None) -> Positions:
    """The positions of a unit's shingles (only those in `shared` when given), found in C unless some repeat."""
    at = range(len(hashes)) if shared is None else list(compress(range(len(hashes)), map(shared.__contains__, hashes)))
    first = dict(zip(map(hashes.__getitem__, reversed(at)), reversed(at), strict=True))
    if len(first) == len(at):
        return Positions(first, {}, [])
    counts = Counter(map(hashes.__getitem__, at))
    repeats = [q for q in at if counts[hashes[q]] > 1]
    many: dict[int, list[int]] = {}
    for q in repeats:
        lst = many.setdefault(hashes[q], [])
        if len(lst) < 4:
            lst.append(q)
    return Positions(first, many, repeats)


def run_length(a: Sequence[int], b: Sequence[int], i: int, j: int, limit: int) -> int:
    """How many items a[i:] and b[j:] have in common from the start, at most `limit` (slices compared in C:
    doubling, then halving, so a run of n costs O(n) in C and O(log n) steps)."""
    if limit <= 0 or a[i] != b[j]:
        return 0
    lo, hi = 1, 1  # a[i:i+lo] == b[j:j+lo] is known
    while hi < limit:
        hi = min(2 * hi, limit)
        if a[i + lo : i + hi] != b[j + lo : j + hi]:
            break
        lo = hi
    else:
        return lo
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[i + lo : i + mid] == b[j + lo : j + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def align(a_hashes: Sequence[int], b_hashes: Sequence[int], shared: set[int], k: int = K, gap: int = GAP,
          gap_max: int = GAP_MAX, where: Positions | None = None) -> list[Chain]:
    """Chains of the shingles two units share, in order in both.

    Cost: a scan of a in C, then a step per shared shingle, except inside runs that continue in both texts
    (the bulk of a copied passage), which are measured in C (`run_length`) and taken in one step.  `where`
    is `positions(b_hashes)`, made once when b is aligned with several units."""
    where = where or positions(b_hashes, shared)
    first, many, repeats = where.first, where.many, where.repeats
    matched = list(compress(range(len(a_hashes)), map(shared.__contains__, a_hashes)))
    chains: list[Chain] = []
    active: list[Chain] = []
    last: Chain | None = None  # the chain the previous match extended
    i, n = 0, len(matched)
    while i < n:
        p = matched[i]
        i += 1
        h = a_hashes[p]
        qs = many.get(h) or [first[h]]
        if last is not None and p == last.lp + 1 and last.lq + 1 in qs:
            # the next shingle of a run that continues in both texts (one that occurs again in b)
            _advance(last, 1)
            qs = [q for q in qs if q != last.lq]
        if qs:
            if active:
                active = [c for c in active if p - c.lp <= gap_max]
            for q in qs:
                last = _place(p, q, k, gap, gap_max, active, chains)
        # the shingles that follow in both texts, each found once in b, only extend `last`: take them at once
        assert last is not None
        after = bisect_right(repeats, last.lq)  # the run stops before the next shingle that b repeats
        stop = repeats[after] if after < len(repeats) else len(b_hashes)
        run = run_length(a_hashes, b_hashes, p + 1, last.lq + 1, min(len(a_hashes) - p, stop - last.lq) - 1)
        if run:
            _advance(last, run)
            i += run
    return chains


def _advance(chain: Chain, steps: int) -> None:
    """Extend a chain by the next `steps` shingles of both texts."""
    chain.cov_a += steps
    chain.cov_b += steps
    chain.a1 += steps
    chain.b1 += steps
    chain.lp += steps
    chain.lq += steps


def _place(p: int, q: int, k: int, gap: int, gap_max: int, active: list[Chain], chains: list[Chain]) -> Chain:
    """Match (p, q) joins the active chain it fits best (closest to the diagonal), or starts a chain."""
    best, best_score = None, None
    for c in active:
        dp, dq = p - c.lp, q - c.lq
        if 0 < dp and 0 < dq and max(dp, dq) <= gap_max and min(dp, dq) <= gap:
            score = abs(dp - dq)
            if best_score is None or score < best_score:
                best, best_score = c, score
    if best is None:
        best = Chain(p, p + k, q, q + k, k, k, p, q)
        chains.append(best)
        active.append(best)
    else:
        best.cov_a += p + k - max(p, best.a1)
        best.cov_b += q + k - max(q, best.b1)
        best.a1, best.b1, best.lp, best.lq = p + k, q + k, p, q
    return best


def extend(a_ids: Sequence[int], b_ids: Sequence[int], chain: Chain) -> None:
    """Widen a chain word by word past its ends while the words agree, stepping over single changed words.

    Shingles cannot reach the last K-1 words before a change or the edge of the text; this walk does
    ("Het doel van deze pilot" / "Het doel van de pilot": the first three words count too).
    """
    for step in (-1, 1):
        i, j = (chain.a0 - 1, chain.b0 - 1) if step < 0 else (chain.a1, chain.b1)
        gained, best, misses, matched = 0, None, 0, 0
        while 0 <= i < len(a_ids) and 0 <= j < len(b_ids):
            if a_ids[i] == b_ids[j]:
                matched += 1
                misses = 0
                gained, best = matched, (i, j)
            else:
                misses += 1
                if misses > 1:
                    break
            i += step
            j += step
        if best is not None:
            if step < 0:
                chain.a0, chain.b0 = best
            else:
                chain.a1, chain.b1 = best[0] + 1, best[1] + 1
            chain.cov_a += gained
            chain.cov_b += gained


def covered(chains: Sequence[Chain], side: str, min_run: int = 1) -> int:
    """Words of one side covered by chains of at least `min_run` words (overlapping chains counted once)."""
    if len(chains) == 1:  # most pairs share one passage
        (c,) = chains
        return (c.cov_a if side == "a" else c.cov_b) if c.words >= min_run else 0
    spans = sorted((c.a0, c.a1, c.cov_a) if side == "a" else (c.b0, c.b1, c.cov_b) for c in chains
                   if c.words >= min_run)
    total, end = 0, -1
    for s, e, cov in spans:
        if s >= end:
            total += cov
        else:  # overlap with an earlier chain (repeated text): count only the part beyond it, at most
            total += max(0, min(cov, e - end))
        end = max(end, e)
    return total


def shares(chains: Sequence[Chain], n_a: int, n_b: int) -> tuple[float, float]:
    """The share of the words of a and of b covered by the chains that count (`covered`)."""
    # isolated stock phrases ("de Kamerbrief van 19 december jl.") do not make two answers alike
    min_run = min(MIN_RUN, max(K, min(n_a, n_b) // 4))
    if len(chains) == 1:  # most pairs share one passage
        c = chains[0]
        cov_a, cov_b = (c.cov_a, c.cov_b) if min(c.cov_a, c.cov_b) >= min_run else (0, 0)
    else:
        cov_a, cov_b = covered(chains, "a", min_run), covered(chains, "b", min_run)
    return min(1.0, cov_a / max(1, n_a)), min(1.0, cov_b / max(1, n_b))


@dataclass(eq=False, slots=True)
class Pair:
    """Two units that share text: i is the earlier one."""

    i: int
    j: int
    chains: list[Chain]
    sim_i: float  # share of unit i's words covered by text of unit j
    sim_j: float


@dataclass(eq=False)
class Analysis:
    """The units of a letter (answers or paragraphs) and the pairs of them that are alike."""

    kind: str  # "answers" or "paragraphs"
    units: list[Unit]
    pairs: list[Pair]
    # duplicate_groups per (similarity, min-words): both rules ask for the same groups
    groups: dict[tuple[float, int], list[DuplicateGroup]] = field(default_factory=dict, repr=False)


def count_and_post(index: dict[int, int | list[int]], shared: Iterable[int], me: int, cap: int) -> dict[int, int]:
    """For the hashes `me` shares with earlier units: how many each earlier unit shares; `me` joins the posting
    lists (a posting is one unit as an int, or a list of at most `cap` units once two have the hash)."""
    counts: dict[int, int] = {}
    for h in shared:
        posting = index[h]
        if isinstance(posting, int):
            counts[posting] = counts.get(posting, 0) + 1
            index[h] = [posting, me]
        else:
            for u in posting:
                counts[u] = counts.get(u, 0) + 1
            if len(posting) < cap:
                posting.append(me)
    return counts


def compare(units: Sequence[Unit], max_partners: int = MAX_PARTNERS, posting_cap: int = POSTING_CAP) -> list[Pair]:
    """Every pair of units that shares text, found through the shingle index (each unit against earlier ones).

    The index maps a shingle hash to the unit that has it (an int) or, once two units have it, to a list
    of at most `posting_cap` units.  New hashes go in with set and dict operations that run in C; only
    the hashes a unit shares with earlier ones are looked at one by one.
    """
    index: dict[int, int | list[int]] = {}
    keys = index.keys()
    pairs: list[Pair] = []
    for unit in units:
        hashes = unit.hashes if len(unit.hashes) < BIG else set(unit.hashes)  # a long unit repeats itself
        shared = keys & hashes  # a set, made in C by looking each hash up in the index
        me = unit.index
        if shared:
            counts = count_and_post(index, shared, me, posting_cap)
            partners = [u for u, n in counts.items() if n >= MIN_SHARED]
            if len(partners) > max_partners:
                partners = sorted(partners, key=lambda u: (-counts[u], u))[:max_partners]
            where = positions(unit.hashes, shared) if partners else None
            ids = unit.ids
            for u in sorted(partners):
                other = units[u]
                # the shingles of `other` in `shared` are those it has in common with `unit`: every shingle of
                # an earlier unit is in the index
                chains = align(other.hashes, unit.hashes, shared, where=where)
                if chains:
                    for chain in chains:
                        extend(other.ids, ids, chain)
                    pairs.append(Pair(u, me, chains, *shares(chains, len(other.ids), len(ids))))
            # the others join the index; those in `shared` have their postings already (left out in C, not
            # deleted one by one)
            index.update(dict.fromkeys(filterfalse(shared.__contains__, hashes), me))
        else:
            index.update(dict.fromkeys(hashes, me))
    return pairs


def analyse(doc: Document, settings: Mapping[str, Any] | None = None) -> Analysis:
    """Units of the document (its answers; body paragraphs when it has none) and the pairs sharing text.

    A shared analysis: built once per document and answer-label setting (`analyses.of(doc).similarity`)."""
    from . import analyses

    return analyses.of(doc).similarity(settings)


def build_index(doc: Document, settings: Mapping[str, Any]) -> Analysis:
    from .structure import structure

    struct = structure(doc, settings)
    if struct.answers:
        kind = "answers"
        pieces: Iterable[tuple[list[tuple[Paragraph, int, int]], Any]] = (
            (answer_segments(answer), answer) for answer in struct.answers)
    else:
        kind = "paragraphs"
        pieces = (([(par, 0, len(par.text))], None) for par in doc.paragraphs
                  if par.kind in (BODY, LIST) and not par.is_empty and not is_furniture(par.text))
    units: list[Unit] = []
    words = 0
    for segments, answer, found in with_words(piece for piece in pieces if piece[0]):
        unit = make_unit(len(units), segments, answer, found)
        if unit.hashes:
            units.append(unit)
            words += unit.n_words
            if words >= KEEP_AS_ARRAY:  # a long document: its hashes as arrays from here on (memory)
                for u in units if words - unit.n_words < KEEP_AS_ARRAY else (unit,):
                    u.hashes = array("q", u.hashes)
    return Analysis(kind, units, compare(units))


# -- groups ------------------------------------------------------------------------------------------


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller key becomes the root, so a group's root is its first member
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def groups(self) -> dict[Any, list]:
        out: dict[Any, list] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return out


@dataclass(eq=False)
class DuplicateGroup:
    """Answers that are (nearly) the same, or contained one in another: members in document order."""

    members: list[int]
    source: dict[int, tuple[int, float, str]]  # later member → (earlier member it copies, similarity, relation)


def duplicate_groups(analysis: Analysis, similarity: float, min_words: int) -> list[DuplicateGroup]:
    """Groups of units whose shorter member's words are covered by the other for at least `similarity`.

    relation: "same" (both mostly covered), "contained" (the later one lies within the earlier, longer one),
    "contains" (the later one holds the earlier, shorter one).  Made once per analysis and setting.
    """
    found = analysis.groups.get((similarity, min_words))
    if found is None:
        found = analysis.groups[(similarity, min_words)] = _duplicate_groups(analysis, similarity, min_words)
    return found


def _duplicate_groups(analysis: Analysis, similarity: float, min_words: int) -> list[DuplicateGroup]:
    units = analysis.units
    uf = UnionFind()
    best: dict[int, tuple[int, float, str]] = {}
    for pair in analysis.pairs:
        a, b = units[pair.i], units[pair.j]
        if min(a.n_words, b.n_words) < min_words:
            continue
        short = pair.sim_i if a.n_words <= b.n_words else pair.sim_j
        if short < similarity:
            continue
        if pair.sim_i >= similarity and pair.sim_j >= similarity:
            relation, sim = "same", min(pair.sim_i, pair.sim_j)
        elif b.n_words <= a.n_words:
            relation, sim = "contained", pair.sim_j
        else:
            relation, sim = "contains", pair.sim_i
        uf.union(pair.i, pair.j)
        if pair.j not in best or sim > best[pair.j][1]:
            best[pair.j] = (pair.i, sim, relation)
    out = []
    for members in uf.groups().values():
        members.sort()
        out.append(DuplicateGroup(members, {m: best[m] for m in members[1:] if m in best}))
    out.sort(key=lambda g: g.members[0])
    return out


@dataclass(eq=False)
class PassageGroup:
    """A passage that recurs: its places as (unit, first word, end word), in document order."""

    places: list[tuple[int, int, int]]
    lead: int = 0  # the place that best shows the passage: the first one found as a full-length passage


def passage_groups(analysis: Analysis, min_words: int, cluster_of: Mapping[int, int] | None = None,
                   join: float = 0.7) -> list[PassageGroup]:
    """Passages of at least `min_words` words shared by units of different clusters.

    A chain of at least `min_words` words on both sides makes a passage; a shorter chain (at least half of
    that) joins it where it covers `join` of a place already found (the same standard sentence with a
    different opening word).  Units of one cluster (copies that duplicate-answer reports) are not compared.
    """
    cluster_of = cluster_of or {}
    nodes: dict[int, list[list[int]]] = {}  # unit → [[start, end, serial, seed], …]
    uf = UnionFind()

    def overlap(s1: int, e1: int, s2: int, e2: int) -> int:
        return min(e1, e2) - max(s1, s2)

    def overlapping(unit: int, s: int, e: int) -> list[int] | None:
        for n in nodes.get(unit, ()):
            if overlap(s, e, n[0], n[1]) * 2 >= min(e - s, n[1] - n[0]):
                return n
        return None

    def node(unit: int, s: int, e: int, seed: bool) -> tuple[int, int]:
        n = overlapping(unit, s, e) if seed else None
        if n is not None:
            n[0], n[1] = min(n[0], s), max(n[1], e)
            return (unit, n[2])
        places = nodes.setdefault(unit, [])
        places.append([s, e, len(places), seed])
        return (unit, len(places) - 1)

    def seed_node(unit: int, s: int, e: int) -> tuple[int, int] | None:
        for n in nodes.get(unit, ()):
            if n[3] and overlap(s, e, n[0], n[1]) >= join * (n[1] - n[0]):
                return (unit, n[2])
        return None

    def different(pair: Pair) -> bool:
        return cluster_of.get(pair.i, -1 - pair.i) != cluster_of.get(pair.j, -1 - pair.j)

    pairs = [p for p in analysis.pairs if different(p)]
    for pair in pairs:
        for c in pair.chains:
            if c.cov_a >= min_words and c.cov_b >= min_words:
                uf.union(node(pair.i, c.a0, c.a1, True), node(pair.j, c.b0, c.b1, True))
    # shorter chains join a passage found above when they cover most of one of its places, and their other
    # end is not already part of another passage
    for pair in pairs:
        for c in pair.chains:
            if min_words > c.words >= min_words / 2:
                na, nb = seed_node(pair.i, c.a0, c.a1), seed_node(pair.j, c.b0, c.b1)
                if na is not None and nb is None and overlapping(pair.j, c.b0, c.b1) is None:
                    nb = node(pair.j, c.b0, c.b1, False)
                elif nb is not None and na is None and overlapping(pair.i, c.a0, c.a1) is None:
                    na = node(pair.i, c.a0, c.a1, False)
                if na is not None and nb is not None:
                    uf.union(na, nb)
    out = []
    for members in uf.groups().values():
        found = sorted((u, nodes[u][k][0], nodes[u][k][1], nodes[u][k][3]) for u, k in members)
        places = [(u, s, e) for u, s, e, _ in found]
        if len({cluster_of.get(u, -1 - u) for u, _, _ in places}) >= 2:
            out.append(PassageGroup(places, next(i for i, x in enumerate(found) if x[3])))
    out.sort(key=lambda g: g.places[g.lead])
    return out


# -- quoting -----------------------------------------------------------------------------------------

_ASKS = lazy(r"\b(?:vragen|vraagt|verzoeken|verzoekt|willen\s+(?:graag\s+)?weten|graag)\b", regex.IGNORECASE)


def shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(",;: ") + "…"


def question_quote(answer: AnswerUnit | None, limit: int = 90) -> str | None:
    """The question an answer answers, quoted short: its first sentence with '?' (or else with a request)."""
    if answer is None or not answer.questions:
        return None
    quotes = []
    for q in answer.questions[:2]:
        text = " ".join(s.text for s in q.questions) or q.text
        end = text.find("?")
        if end < 0:
            m = _ASKS.search(text)
            end = -1 if m is None else (_SENTENCE_END.search(text, m.end()) or m).end() - 1
        if end >= 0:
            start = max(text.rfind(". ", 0, end), text.rfind("? ", 0, end), text.rfind("! ", 0, end),
                        text.rfind(".\n", 0, end))
            text = text[start + 2 if start >= 0 else 0 : end + 1]
        quotes.append(shorten(text[: limit * 4], limit))
    out = " / ".join(quotes)
    if len(answer.questions) > 2:
        out += " / …"
    return out


# -- places ------------------------------------------------------------------------------------------

_SENTENCE_END = lazy(r"[.?!:;]")


def snap(unit: Unit, start: int, end: int, slack: int = 3) -> tuple[int, int]:
    """Widen words [start, end) to whole sentences when a sentence boundary is at most `slack` words away."""
    n = unit.n_words

    def boundary(i: int) -> bool:  # is there a sentence break between word i-1 and word i?
        if i <= 0 or i >= n:
            return True
        (s1, _, e1), (s2, b2, _) = unit.word(i - 1), unit.word(i)
        return s1 != s2 or bool(_SENTENCE_END.search(unit.segments[s1][0].text, e1, b2))

    for t in range(start, max(start - slack, 0) - 1, -1):
        if boundary(t):
            start = t
            break
    for t in range(end, min(end + slack, n) + 1):
        if boundary(t):
            end = t
            break
    return start, end


def locate_words(doc: Document, unit: Unit, start: int, end: int) -> Location:
    """Location of words [start, end) of a unit (cut at the end of the first paragraph they are in)."""
    par, a, b = unit.word_span(start, end)
    while b < len(par.text) and par.text[b] in ".?!":  # the full stop that ends the passage
        b += 1
    return doc.locate(par, a, b)


def locate_start(doc: Document, unit: Unit, chars: int = 80) -> Location:
    """Location of the start of a unit: its first words, about `chars` characters (cheap: no word split)."""
    par, start, end = unit.segments[0]
    text = par.text
    while start < end and text[start].isspace():
        start += 1
    stop = min(end, start + chars)
    if stop < end:
        cut = text.rfind(" ", start, stop)
        stop = cut if cut > start else stop
    return doc.locate(par, start, len(text[start:stop].rstrip()) + start)


def locate_unit(doc: Document, unit: Unit) -> Location:
    """Location of a unit: the text of its first paragraph (an answer without its label)."""
    par, start, end = unit.segments[0]
    text = par.text[start:end]
    lead = len(text) - len(text.lstrip())
    return doc.locate(par, start + lead, start + len(text.rstrip()))

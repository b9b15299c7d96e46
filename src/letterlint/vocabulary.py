"""The Dutch vocabulary: which words exist and how common they are, loaded in about a millisecond.

The words come from pyspellchecker's Dutch dictionary (``spellchecker/resources/nl.json.gz``, MIT licence:
word counts from the OpenSubtitles 2018 corpus plus the package's curated list of further Dutch words, 343 585
words in 0.9.1).  Reading that JSON costs about half a second, so on first use it is turned into a compact
index in the user's cache (``$LETTERLINT_CACHE``, else ``$XDG_CACHE_HOME/letterlint``, else
``~/.cache/letterlint``): a sorted array of 64-bit hashes of the lower-cased words, a parallel array of their
counts, where the hashes of each value of their top 16 bits start (256 KB), and a 4 MB bitmap over another
hash that turns most absent words away at once (8 MB in all).  Later runs map that file into memory as it is:
nothing is read or copied until a word is looked up, and no word objects are made; a word is found by binary
search among the few hashes that share its top bits, which touches two or three pages of the file, not the
ten or so of a search over all the hashes (on a run's first letter each page is read in, which costs more
than the search).  Where the cache cannot be written the index is built in memory each run.

pyspellchecker's English list is indexed the same way (on demand) so that English words in a Dutch letter
are not taken for Dutch slips.  Only words are looked up, never listed: the checker (``letterlint.slips``) generates the candidate corrections
of an unknown word itself (every one-edit variant) and asks which of them exist.
"""

from __future__ import annotations

import importlib.util
import mmap
import os
import sys
import time
from array import array
from bisect import bisect_left
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING
from zlib import crc32

from .hashing import blake2b

if TYPE_CHECKING:
    from collections.abc import Iterable

FORMAT = 3  # bump when the layout of the cache file changes
BITS = 25  # a bitmap of 2**25 bits (4 MB) over crc32 turns most absent words away before the binary search
TOP = 16  # the hashes are found by their top 16 bits first (STARTS), so a binary search spans ~5 of them
PACKAGE = "spellchecker"


MASK = (1 << BITS) - 1
SHIFT = 64 - TOP


def _hash(data: bytes) -> int:
    return int.from_bytes(blake2b(data, digest_size=8).digest(), "little")


def source_path(lang: str = "nl") -> Path | None:
    """pyspellchecker's word counts for a language (found without importing the package)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / f"{lang}.json.gz"
    return path if path.is_file() else None


def cache_dir() -> Path:
    if os.environ.get("LETTERLINT_CACHE"):
        return Path(os.environ["LETTERLINT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "letterlint"


class Vocabulary:
    """Lower-cased words and their counts; `count(word)` is 0 for a word it does not know."""

    def __init__(self, hashes: array | memoryview, counts: array | memoryview, bitmap: bytes | memoryview,
                 starts: array | memoryview | None = None) -> None:  # 64-bit, 32-bit, byte and 32-bit items
        self.hashes, self.counts, self.bitmap = hashes, counts, bitmap
        self.starts = starts if starts is not None else _starts(hashes)  # 2**TOP + 1: where each top bits start
        self.identity: str | None = None  # which word list, size and date it was built from (load sets it)
        self._memo: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.hashes)

    def count(self, word: str) -> int:
        word = word.lower()
        found = self._memo.get(word)
        if found is None:
            data = word.encode("utf-8")
            bit = crc32(data) & MASK
            if not self.bitmap[bit >> 3] >> (bit & 7) & 1:
                return 0  # certainly absent (not memoised: the candidates of a slip are many and used once)
            found = self._find(_hash(data))
            self._memo[word] = found
        return found

    def _find(self, h: int) -> int:
        """The count of the word of hash `h` (0: none): a binary search among the hashes with its top bits."""
        top = h >> SHIFT
        hi = self.starts[top + 1]
        i = bisect_left(self.hashes, h, self.starts[top], hi)
        return self.counts[i] if i < hi and self.hashes[i] == h else 0

    def known_among(self, words: Iterable[str]) -> dict[str, int]:
        """The counts of those of `words` (lower case) that the vocabulary knows: one pass, the bitmap first
        (most candidate corrections of a slip do not exist)."""
        bitmap, find, memo = self.bitmap, self._find, self._memo
        out = {}
        for word in words:
            found = memo.get(word)
            if found is None:
                data = word.encode("utf-8")
                bit = crc32(data) & MASK
                if not bitmap[bit >> 3] >> (bit & 7) & 1:
                    continue
                found = memo[word] = find(_hash(data))
            if found:
                out[word] = found
        return out

    def __contains__(self, word: str) -> bool:
        return self.count(word) > 0

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> Vocabulary:
        merged: dict[int, int] = {}
        bitmap = bytearray(1 << (BITS - 3))
        for word, n in counts.items():
            data = word.lower().encode("utf-8")
            h = _hash(data)
            merged[h] = max(merged.get(h, 0), max(int(n), 1))
            bit = crc32(data) & MASK
            bitmap[bit >> 3] |= 1 << (bit & 7)
        keys = sorted(merged)
        return cls(array("Q", keys), array("I", (min(merged[k], 2**32 - 1) for k in keys)), bytes(bitmap))

    def to_bytes(self) -> bytes:
        header = array("Q", [FORMAT, len(self.hashes)])
        return header.tobytes() + self.hashes.tobytes() + self.counts.tobytes() + self.starts.tobytes() + self.bitmap

    @classmethod
    def from_bytes(cls, data: bytes | mmap.mmap) -> Vocabulary:
        """From the cache file's bytes (or a memory map of it: nothing is copied, pages load as they are used)."""
        view = memoryview(data)
        if len(view) < 16:
            raise ValueError("truncated")
        fmt, n = view[:16].cast("Q")
        tops = 4 * ((1 << TOP) + 1)
        size = 16 + 12 * n + tops + (1 << (BITS - 3))
        if fmt != FORMAT or len(view) != size:
            raise ValueError("another format, or truncated")
        at = 16 + 12 * n  # the 64-bit hashes first: every part starts aligned to its item size
        return cls(view[16:16 + 8 * n].cast("Q"), view[16 + 8 * n:at].cast("I"), view[at + tops:],
                   view[at:at + tops].cast("I"))


def _starts(hashes: array | memoryview) -> array:
    """For each value b of the top TOP bits, the index of the first of the sorted `hashes` whose top bits are b or
    more (and the number of hashes last)."""
    sizes = [0] * (1 << TOP)
    for h in hashes:
        sizes[h >> SHIFT] += 1
    return array("I", accumulate(sizes, initial=0))


_LOADED: dict[str, Vocabulary | None] = {}


def load(lang: str = "nl") -> Vocabulary | None:
    """The vocabulary of a language, nl or en (cached per process), or None when pyspellchecker is not installed.
    (English: to leave English words in a Dutch letter alone: cloud, framework, pipeline.)"""
    if lang not in _LOADED:
        _LOADED[lang] = _load(lang)
    return _LOADED[lang]


def identity(lang: str = "nl") -> str | None:
    """The identity `load(lang)` gives its vocabulary (which word list, its size and date, the layout), without
    loading it: for facts kept about its words (None: pyspellchecker is not installed)."""
    source = source_path(lang)
    if source is None:
        return None
    try:
        return _name(lang, source.stat())
    except OSError:
        return None


def _name(lang: str, stat: os.stat_result) -> str:
    return f"vocabulary-{lang}-{FORMAT}-{stat.st_size}-{int(stat.st_mtime)}-{sys.byteorder}.bin"


def _load(lang: str) -> Vocabulary | None:
    source = source_path(lang)
    if source is None:
        return None
    name = _name(lang, source.stat())
    cached = cache_dir() / name
    try:
        with open(cached, "rb") as f:
            found = Vocabulary.from_bytes(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
        found.identity = name
        return found
    except (OSError, ValueError):
        pass
    try:
        import gzip  # here, not at import: only building the kept copy reads the source (start-up)
        import json

        with gzip.open(source, "rt", encoding="utf-8") as f:
            vocabulary = Vocabulary.from_counts(json.load(f))
    except (OSError, ValueError, EOFError, AttributeError, TypeError):
        return None  # a damaged installation: the rule says what to install and checks nothing
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(vocabulary.to_bytes())
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home: build it again next time
    else:
        prune(cached.parent, lang, name)
    vocabulary.identity = name
    return vocabulary


KEEP = 3  # indexes of a language kept in the cache folder: of a few environments used in turn (a checkout's,
# pre-commit's), each with its own copy of pyspellchecker


def prune(folder: Path, lang: str, made: str) -> None:
    """Remove the older indexes of `lang` once a new one (`made`) is built, keeping the KEEP most recent, and
    index files a killed run left half-written.  Every new environment, pyspellchecker upgrade or change of
    FORMAT builds another index (8 MB for Dutch); without this none was ever removed.  An index still mapped
    by a running process stays readable to it (POSIX); where it cannot be removed it is left."""
    indexes: list[tuple[float, Path]] = []
    leftovers: list[Path] = []
    for path in folder.glob(f"vocabulary-{lang}-*"):
        if path.name == made:
            continue
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue  # removed meanwhile by another run
        if path.suffix == ".bin":
            indexes.append((mtime, path))
        elif mtime < time.time() - 3600:  # (not one another run is writing now)
            leftovers.append(path)
    indexes.sort(reverse=True)
    for path in leftovers + [path for _, path in indexes[KEEP - 1:]]:
        try:
            path.unlink()
        except OSError:
            pass

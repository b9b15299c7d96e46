"""The shared word lists: the typo list (wrong → right) and the protected-term lexicon.

They ship as package data (`letterlint/data/wordlists.yaml`), so they are present whatever a configuration's
`extends` says.  The typo rule reports them; spelling accepts the protected terms; spelling and
term-consistency leave alone what the typo rule reports.  A configuration changes them in one place, the
typo rule's options: `extra-entries` / `extra-terms` add to the shipped lists, `entries` / `terms` replace
them.  The engine resolves those once per configuration into one `WordLists` and gives every rule the same
object (`ctx.wordlists`, and `where.wordlists` in prepare()), so no rule reads another rule's options or
imports another rule.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import chain
from pathlib import Path
from typing import Any

from .bundled import load_yaml
from .chunking import PIECE, batches, pieces
from .lexicon import CHUNK, QUIET, Lexicon
from .phrases import PhraseList

WORD_LISTS = "data/wordlists.yaml"


@cache
def shipped() -> dict[str, list]:
    """The shipped lists: {"entries": [...], "terms": [...]} (parsed once and kept between runs: `bundled`)."""
    path = Path(__file__).parent / WORD_LISTS  # no importlib.resources: it loads tempfile, shutil … (start-up)
    if not path.is_file():
        from importlib import resources

        path = Path(str(resources.files("letterlint").joinpath(WORD_LISTS)))
    data = load_yaml(path, path.read_text("utf-8")) or {}
    return {"entries": list(data.get("entries") or []), "terms": list(data.get("terms") or [])}


class _Raise:
    """A `where` for lists that were checked already (shipped data: by the tests; configured: by typo)."""

    def error(self, keys: tuple, message: str, nl: str | None = None) -> ValueError:
        return ValueError(message)


def compile_entries(entries: list) -> PhraseList:
    from .yamlrules import phrases_from_entries

    return phrases_from_entries(entries, _Raise(), (), check_examples=False)


@cache
def _shipped_phrases() -> PhraseList:
    return compile_entries(shipped()["entries"])


@cache
def _shipped_lexicon() -> Lexicon:
    return Lexicon.from_entries(shipped()["terms"])


@dataclass(frozen=True, eq=False)
class WordLists:
    """The typo list and the protected terms of one configuration."""

    entries: tuple[Any, ...]  # typo entries {wrong, right, case, stem, fix, note, examples}
    terms: tuple[Any, ...]  # protected terms: a string or {term, forms, neighbours, near-miss, note, examples}
    near_misses: bool = True  # the typo rule reports near-misses of the terms
    typo_enabled: bool = True  # the typo rule is switched on (others leave its findings to it)
    shipped_entries: bool = True  # `entries` are exactly the shipped list (compiled once per process)
    shipped_terms: bool = True
    _seen: dict[str, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def from_settings(cls, typo: Mapping[str, Any] | None = None) -> WordLists:
        """The lists as the typo rule's settings in a configuration (`rules: typo: …`) make them."""
        typo = typo or {}
        base = shipped()
        entries = typo.get("entries")
        terms = typo.get("terms")
        extra_entries = list(typo.get("extra-entries") or [])
        extra_terms = list(typo.get("extra-terms") or [])
        return cls(
            entries=tuple((base["entries"] if entries is None else entries) + extra_entries),
            terms=tuple((base["terms"] if terms is None else terms) + extra_terms),
            near_misses=typo.get("near-misses", True),
            typo_enabled=typo.get("enabled", True),
            shipped_entries=entries is None and not extra_entries,
            shipped_terms=terms is None and not extra_terms,
        )

    @cached_property
    def phrases(self) -> PhraseList:
        return _shipped_phrases() if self.shipped_entries else compile_entries(list(self.entries))

    @cached_property
    def lexicon(self) -> Lexicon:
        return _shipped_lexicon() if self.shipped_terms else Lexicon.from_entries(list(self.terms))

    def fingerprint(self) -> tuple:
        """What the lists' verdicts on a word depend on, for facts kept between runs: the shipped file's
        identity (path, size, modification time) where the lists are the shipped ones, else a hash of the
        configured lists; with the identity of the code that judges (this module, lexicon, phrases; yamlrules,
        which makes the phrases of the entries) and the regex module's version (what \\w matches)."""
        import regex

        from .bundled import file_key

        here = Path(__file__).parent
        code = (*(file_key(here / name) for name in ("wordlists.py", "lexicon.py", "phrases.py", "yamlrules.py")),
                regex.__version__)
        if self.shipped_entries and self.shipped_terms:
            return ("shipped", file_key(here / WORD_LISTS), code)
        import json
        from hashlib import blake2b

        data = json.dumps([self.entries, self.terms], sort_keys=True, default=repr).encode("utf-8", "surrogatepass")
        return ("configured", blake2b(data, digest_size=16).hexdigest(), code)

    @cached_property
    def term_words(self) -> set[str]:
        """Every form of every protected term (words a spelling check accepts)."""
        return self.lexicon.words()

    def typo_flags(self, text: str) -> bool:
        """Does the typo rule, so configured, report something in this short text?"""
        found = self._seen.get(text)
        if found is None:
            found = next(iter(self.phrases.finditer(text)), None) is not None or (
                self.near_misses and next(iter(self.lexicon.scan(text)), None) is not None)
            if len(self._seen) > 50000:
                self._seen.clear()
            self._seen[text] = found
        return found


_MAX_TOKENS = 200_000  # tokens remembered per screen; then it starts again (memory stays bounded)
_MAX_KEPT = 15_000  # quiet chunks kept between runs (a letter has a few thousand): past this, afresh
_MAX_KEPT_TOKENS = 12_000  # token verdicts kept between runs (a long letter has ~4,000): past this, afresh
_WRITE_AFTER = 100  # verdicts a run adds before the kept copy is written again (at exit)
_KEPT_FORMAT = 2  # bump when what a kept verdict means changes (2: token verdicts kept too)
_GATE, _ANCHOR, _SLIP = 1, 2, 4  # a token: can start a hit; anchors a multi-word term; can be a slip in one
# what a telling token says: (flags, gate, met) of PhraseList.screen, (words, slips, single) of Lexicon.screen;
# plain ints and a bool, so that the verdicts pickle small and load fast (kept between runs)
_Known = tuple[int, int, int, int, int, bool]


class Screen:
    """The texts of a document screened in one pass against both lists: which texts can hold a hit.

    Running every candidate phrase pattern and the lexicon's word scan on every paragraph cost more than
    the rest of the typo rule; almost no paragraph has anything.  Every word either list looks at lies
    inside one white-space-separated token, so the screen splits the texts into tokens (str.split, in C)
    and looks each distinct token up once (most are known from earlier letters, or earlier runs: a set
    difference, in C).  A text is looked at only if one of its tokens is telling (a phrase's most telling
    word, a near-miss, a word a multi-word term is found from); then what its tokens say together
    (PhraseList.candidates, Lexicon.could_hit) picks the phrases to try and whether to scan for near-misses,
    with the same code as before, so the findings are the same.  Kept per plan (the typo rule's prepare).
    """

    def __init__(self, phrases: PhraseList, lexicon: Lexicon | None, kept: tuple | None = None) -> None:
        self.phrases, self.lexicon = phrases, lexicon
        self._boring: set[str] = set()  # tokens that say nothing
        self._known: dict[str, _Known] = {}  # the others: what they say
        self._quiet: set[str] = set()  # words (lexicon chunks) that say nothing to either list
        self._loud: set[str] = set()  # words that may say something (judged once, looked at per token)
        self.classified = 0  # new tokens taken in (for tests: a token is taken in once)
        self.looked_up = 0  # tokens screened by both lists (for tests: kept verdicts are not looked up again)
        self.judged = 0  # chunks judged by the lists (for tests: kept verdicts are not judged again)
        self._memo: Any = None
        self._new = 0  # verdicts this process added to the kept copy
        if kept is not None:  # the lists' fingerprint: verdicts of earlier runs with the same lists
            self._keep(kept)

    @property
    def quiet(self) -> AbstractSet[str]:
        """Chunks (lexicon.CHUNK) that say nothing to either list: Lexicon.quiet() holds for each."""
        return self._quiet

    def _keep(self, kept: tuple) -> None:
        """What a token or a chunk says depends only on the lists (and the code judging), not on the letter:
        the verdicts are kept between runs under the lists' fingerprint (bundled.kept_memo), so a run's
        first letter judges only the tokens no earlier run met.  Past _MAX_KEPT chunks or _MAX_KEPT_TOKENS
        tokens a copy starts afresh (loading it must stay cheaper than judging)."""
        from .bundled import kept_memo

        memo = kept_memo("typo-quiet", (_KEPT_FORMAT, kept, self.lexicon is None))
        quiet, loud = memo.parts({"quiet": set, "loud": set}, _MAX_KEPT)
        boring, known = memo.parts({"boring": set, "known": dict}, _MAX_KEPT_TOKENS)
        self._quiet, self._loud, self._boring, self._known, self._memo = quiet, loud, boring, known, memo

    def _learn(self, tokens: set[str]) -> dict[str, _Known]:
        """Take in the tokens not seen before, in bulk: their words, chunked in one pass (a chunk never
        spans white space), are judged once each; a token all of whose words say nothing is boring without
        a closer look (most new tokens are a known word with other punctuation, or a word of no interest);
        the others are screened by both lists (_lookup).  What the telling ones say."""
        new = list(tokens.difference(self._known))
        if not new:
            return {}
        self.classified += len(new)
        quiet = self._judge_chunks(new)
        boring: list[str] = []
        known: dict[str, _Known] = {}
        for token in new:
            if quiet.issuperset(CHUNK.findall(token)):
                boring.append(token)
            else:
                found = self._lookup(token)
                if found is None:
                    boring.append(token)
                else:
                    known[token] = found
        self._remember(boring, known)
        return known

    def _judge_chunks(self, tokens: list[str]) -> set[str]:
        """Judge the chunks of `tokens` not judged before (quiet or loud); the quiet chunks."""
        quiet, loud = self._quiet, self._loud
        if len(quiet) + len(loud) > _MAX_TOKENS:
            quiet.clear()
            loud.clear()
        before = len(quiet) + len(loud)
        for chunk in set(CHUNK.findall("\n".join(tokens))).difference(quiet, loud):
            self.judged += 1
            if self.phrases.quiet(chunk) and (self.lexicon is None or self.lexicon.quiet(chunk)):
                quiet.add(chunk)
            else:
                loud.add(chunk)
        self._added(len(quiet) + len(loud) - before)
        return quiet

    def _remember(self, boring: list[str], known: dict[str, _Known]) -> None:
        """Add verdicts to what this screen knows, and to the copy kept between runs while they fit: past
        _MAX_KEPT_TOKENS that copy starts afresh with them (or, more than fit at all, stays as it is), and this
        process goes on with its own copy (bounded by _MAX_TOKENS), so the file stays small however many
        letters one process reads."""
        added = len(boring) + len(known)
        kept = self._memo.data if self._memo is not None else None
        shared = kept is not None and kept["boring"] is self._boring
        if kept is not None and added:
            size = len(kept["boring"]) + len(kept["known"])
            if size + added > _MAX_KEPT_TOKENS:
                if shared:
                    self._boring, self._known, shared = set(self._boring), dict(self._known), False
                if added <= _MAX_KEPT_TOKENS:
                    kept["boring"], kept["known"], size = set(), {}, 0
            if size + added <= _MAX_KEPT_TOKENS:
                if not shared:
                    kept["boring"].update(boring)
                    kept["known"].update(known)
                self._added(added)
        if len(self._boring) + len(self._known) + added > _MAX_TOKENS:
            self._boring, self._known = set(), {}  # (a new set: the old may be the kept copy)
        self._boring.update(boring)
        self._known.update(known)

    def _added(self, count: int) -> None:
        """`count` verdicts were added to the kept copy: it is written at exit once a run added _WRITE_AFTER
        (writing it costs more than judging a few tokens again next time, as after a small edit)."""
        self._new += count
        if self._memo is not None and self._new >= _WRITE_AFTER:
            self._memo.changed()

    def _lookup(self, token: str) -> _Known | None:
        """What `token` says to both lists (None: nothing)."""
        self.looked_up += 1
        gate, met = self.phrases.screen(token)
        lex = self.lexicon.screen(token, self._quiet) if self.lexicon is not None else QUIET
        if not gate and not met and not lex:
            return None
        flags = (_GATE if gate or lex.single else 0) | (_ANCHOR if lex.anchor else 0) | (_SLIP if lex.slips else 0)
        return flags, gate, met, lex.words, lex.slips, lex.single

    def select(self, texts: Sequence[str]) -> Iterator[tuple[int, set[int], bool]]:
        """(index, the phrases that can match, whether the lexicon can find something) for each text worth
        scanning (PhraseList.finditer_screened, Lexicon.scan); the other texts have no hit of either list.
        Done per batch of texts (chunking.batches): the tokens of a whole long document are not held at once."""
        for first, batch in batches(texts):
            for i, phrases, near in self._select([_tokens(text) for text in batch]):
                yield first + i, phrases, near

    def _select(self, tokens: list[Collection[str]]) -> Iterator[tuple[int, set[int], bool]]:
        """select() on one batch, given the tokens of each of its texts."""
        unseen = set(chain.from_iterable(tokens)).difference(self._boring)  # (C loops)
        known = self._known
        said = {token: known[token] for token in known.keys() & unseen}  # (known.keys() & …: a loop over unseen)
        said.update(self._learn(unseen))
        # a text is looked at closer only if one of its tokens can start a hit, or one anchors a multi-word
        # term and another can be a slip in one (slips are rare: most texts are passed over at the first test)
        gating, anchoring, slipping = (frozenset(t for t, found in said.items() if found[0] & flag)
                                       for flag in (_GATE, _ANCHOR, _SLIP))
        everywhere = self.phrases.everywhere
        if not gating and not (anchoring and slipping) and not everywhere:
            return
        for i, words in enumerate(tokens):
            if not everywhere and gating.isdisjoint(words) and (slipping.isdisjoint(words) or anchoring.isdisjoint(words)):
                continue
            found = self._judge([said[t] for t in said.keys() & words], bool(everywhere))
            if found is not None:
                yield i, *found

    def _judge(self, infos: list[_Known], everywhere: bool) -> tuple[set[int], bool] | None:
        """What the tokens of one text say together: the phrases to try, whether to scan for near-misses;
        None when nothing (a word a multi-word term is found from, but nothing that can be its slip)."""
        flags = gate = met = words = slips = 0
        single = False
        for f, g, m, w, s, one in infos:
            flags |= f
            gate |= g
            met |= m
            words |= w
            slips |= s
            single = single or one
        if not everywhere and not flags & (_GATE | _SLIP):
            return None
        phrases = self.phrases.candidates(gate, met) if gate else set()
        near = self.lexicon is not None and (single or bool(slips) and self.lexicon.could_hit(False, words, slips))
        return (phrases, near) if phrases or near or everywhere else None


def _tokens(text: str) -> Collection[str]:
    """The white-space-separated tokens of `text` (str.split): as a list (a set of each paragraph's
    tokens cost more than looking the telling ones up in the list); a long text's distinct tokens, split a
    piece at a time, so that its list of tokens is not held whole."""
    if len(text) <= PIECE:
        return text.split()
    out: set[str] = set()
    for piece in pieces(text):
        out.update(piece.split())
    return out

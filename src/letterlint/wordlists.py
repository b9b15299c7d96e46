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

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from .bundled import load_yaml

from .lexicon import Lexicon
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

"""The shared analyses: facts about one document that several rules read, each computed once per document.

A rule gets them through `analyses.of(doc)` (or `ctx.shared(doc)` in a check), a typed accessor:

    shared = analyses.of(doc)
    shared.structure(ctx.settings)   # question–answer structure (structure.Structure), per answer-label setting
    shared.similarity(ctx.settings)  # the similarity index of the answers/paragraphs (similarity.Analysis)
    shared.words                     # content-word rarity over the body paragraphs (structure.Rarity)
    shared.notes                     # footnote/endnote references paired with their bodies (footnotes.Notes)
    shared.addresses                 # URL, e-mail, file name, path, owner/name and inline-code spans per
                                     # paragraph (addresses.Addresses)

Whichever rules run, and in whatever order, each analysis is built on first request and then reused.  The
cache belongs to the engine, not to the (immutable) Document: it is keyed weakly on the document, so it
goes when the document goes.  Adding an analysis: a builder function in its own module, a property here.

A big analysis that only a few rules read is listed in `RELEASABLE`, and a rule that reads one says so in its
module (`NEEDS = ("similarity",)`): the runner runs those rules one after the other and then drops it
(`release`), so that it does not sit in memory while the other rules make their own (on a 1.5 MB letter the
similarity index is as big as the document).  A rule that reads it without saying so gets it built again:
the same result, only slower (tests/test_engine_work.py checks that it is built once).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from .addresses import Addresses
from .model import Document

if TYPE_CHECKING:
    from .footnotes import Notes
    from .similarity import Analysis as SimilarityIndex
    from .structure import Rarity, Structure

T = TypeVar("T")


# the big analyses (their properties here) dropped once the rules that need them ran; see the module documentation
RELEASABLE = ("similarity",)


class Analyses:
    """The analyses of one document (see the module docstring)."""

    def __init__(self, doc: Document):
        self._doc = weakref.ref(doc)  # the cache must not keep its own key alive
        self._keyed: dict[Hashable, Any] = {}

    @property
    def doc(self) -> Document:
        doc = self._doc()
        assert doc is not None, "analyses of a document that is gone"
        return doc

    def keyed(self, key: Hashable, build: Callable[[], T]) -> T:
        """An analysis that depends on settings: built once per document and key."""
        if key not in self._keyed:
            self._keyed[key] = build()
        return self._keyed[key]

    def release(self, name: str) -> None:
        """Drop the analysis `name` (all its settings variants); the next request builds it again."""
        self.__dict__.pop(name, None)  # a cached_property
        for key in [k for k in self._keyed if isinstance(k, tuple) and k and k[0] == name]:
            del self._keyed[key]

    def structure(self, settings: Mapping[str, Any] | None = None) -> Structure:
        from .structure import build_structure, labels

        settings = settings or {}
        return self.keyed(("structure", labels(settings)), lambda: build_structure(self.doc, settings))

    def similarity(self, settings: Mapping[str, Any] | None = None) -> SimilarityIndex:
        from .similarity import build_index
        from .structure import labels

        settings = settings or {}
        return self.keyed(("similarity", labels(settings)), lambda: build_index(self.doc, settings))

    @cached_property
    def words(self) -> Rarity:
        from .structure import build_rarity

        return build_rarity(self.doc)

    @cached_property
    def notes(self) -> Notes:
        from .footnotes import build_notes

        return build_notes(self.doc)

    @cached_property
    def addresses(self) -> Addresses:
        return Addresses(lambda: self.doc.blocks())


_BY_DOCUMENT: weakref.WeakKeyDictionary[Document, Analyses] = weakref.WeakKeyDictionary()


def of(doc: Document) -> Analyses:
    """The shared analyses of `doc`, made on first request."""
    found = _BY_DOCUMENT.get(doc)
    if found is None:
        found = _BY_DOCUMENT[doc] = Analyses(doc)
    return found


def forget(doc: Document) -> None:
    """Drop what was computed for `doc` (the next request computes it again)."""
    _BY_DOCUMENT.pop(doc, None)

"""Web and mail addresses, file names and paths in the text: the patterns, and their spans per paragraph.

Rules leave what sits inside an address alone (a misspelled acronym in rivm.nl, a dossier number in a URL,
"..." in a query string, a word in 01-kamervragen-stalvloer.txt or ../docx-nl/), so every rule asks this
module where the addresses are, instead of each matching its own pattern with its own pre-check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import regex

from .lazyre import compile_regex, lazy, lazy_re
from .model import Paragraph
from .textpass import find_all, texts_at

# https://…, www.…, name@host.tld, and host.tld/path (a dotted host with a path)
ADDRESS = compile_regex(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)+/\S*")

_TRAILING = ".,;:!?)]»”’'\""


# ADDRESS's alternatives, in its order, and the literal each needs: a paragraph without "@" is scanned without
# the mail alternative, which lets the regex engine skip it on the missing literal (the whole pattern was
# the largest cost on a long paragraph: ~0.7 s a megabyte)
_PARTS = (
    (r"(?:https?://|www\.)\S+", ("://", "www.")),
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", ("@",)),
    (r"\b[\w-]+(?:\.[\w-]+)+/\S*", ("/",)),
)


@lru_cache(maxsize=8)
def _pattern(which: tuple[bool, ...]) -> regex.Pattern:
    return compile_regex("|".join(p for (p, _), on in zip(_PARTS, which, strict=True) if on))


def address_spans(text: str) -> list[tuple[int, int]]:
    """tuple[int, int]s of the addresses in `text`, as ADDRESS.finditer gives them (leftmost, first
    alternative), matched with only the alternatives whose literal occurs."""
    which = tuple(any(lit in text for lit in needs) for _, needs in _PARTS)
    if not any(which):
        return []
    return [m.span() for m in _pattern(which).finditer(text)]


# file names: a name with the extension of a document, data or code file ("01-brief.txt", "Nota v2.DOCX")
_EXTENSIONS = ("docx?|dotx|docm|pdf|odt|ods|odp|rtf|txt|md|markdown|csv|tsv|xlsx?|xlsm|pptx?|json|ya?ml|xml|html?"
               "|toml|ini|cfg|sarif|zip|py|sh|png|jpe?g|gif|svg|msg|eml")
FILE_NAME = compile_regex(rf"(?<![\w.@-])\w[\w.-]*\.(?i:{_EXTENSIONS})(?![\w-])")
# what every FILE_NAME match ends with: FILE_NAME tries a word at each word start and backtracks through it,
# the largest cost of a paragraph (~30 µs); this tail, which starts with a literal ".", is found ~20× faster,
# and a paragraph without it holds no file name
_FILE_TAIL = compile_regex(rf"\.(?i:{_EXTENSIONS})(?![\w-])")
# a token with a path separator (filtered by _is_path: "en/of", "2023/24" and "Slot/Pia" are running text)
# (a match is a whole run of the characters it allows, so it starts where a run starts: the look-behind says
# so and spares the engine a try at every character of every run; the standard `re` engine, ~5× faster here.
# Its white space is written out: `re`'s \s has four control characters more than `regex`'s, which was used)
_WHITE = "\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_TOKEN_CHAR = rf"[^{_WHITE}«»“”„\"'`()\[\]<>{{}},;|*]"
SLASHED = lazy_re(rf"(?<!{_TOKEN_CHAR}){_TOKEN_CHAR}*[/\\]{_TOKEN_CHAR}*")
_PATH_START = compile_regex(r"(?:\.{1,2}|~)?/\w|\.{1,2}/|[A-Za-z]:\\")
_LETTER = compile_regex(r"\p{L}")
_BACKSLASH_INSIDE = lazy(r"\w\\\w")  # (kept between runs by lazyre, as every pattern here: none compiled in a function)
_SEPARATOR = lazy(r"[/\\]")


# What a paragraph holds if address_spans or path_spans finds anything in it: a slash ("://" and every
# address but a mail address have one), a backslash, "@", "www." or a file name's extension after a dot.
# signed() looks for them in one pass over a document's text (most paragraphs hold none): the literals with
# str.find, the extensions with a pattern that starts with its literal "." (the engine skips in C to the next
# one); no look-ahead after the extension, so that it stays a superset of FILE_NAME's ending.
_SIGN_LITERALS = ("/", "\\", "@", "www.")
_FILE_SIGN = lazy_re(rf"\.(?i:{_EXTENSIONS})")


def signed(texts: list[str]) -> set[int]:
    """The indexes of the texts that hold a sign of an address, file name or path (see above)."""
    def positions(joined: str) -> Iterator[int]:
        yield from (m.start() for m in _FILE_SIGN.finditer(joined))
        for literal in _SIGN_LITERALS:
            yield from find_all(joined, literal)

    return texts_at(texts, positions)


def _is_path(token: str) -> bool:
    """A path: it starts like one (/, ./, ../, ~/, C:\\), has a backslash between names, is a folder (ends
    with a separator), or its last part is a file name.  Not a token without letters (26/03/2024, 2023/24)."""
    if not _LETTER.search(token):
        return False
    if _PATH_START.match(token) or ("\\" in token and _BACKSLASH_INSIDE.search(token)):
        return True
    parts = _SEPARATOR.split(token)
    if token.endswith(("/", "\\")) and len(parts) >= 2 and all(parts[:-1]):
        return True
    return len(parts) >= 2 and all(parts) and FILE_NAME.fullmatch(parts[-1]) is not None


# identifiers of the form owner/name (a Hugging Face model, a GitHub repository): BramVanroy/GEITje-7B-ultra,
# meta-llama/Llama-2-7b, Org-Team/ProjectName-tools.  A CamelCase word joined by a slash to a technical name
# is not running text; "CDA/ChristenUnie", "GroenLinks/PvdA" and "e-mail/post" are.
_ID_PART = compile_regex(r"[\w.-]+")
_CAMEL = compile_regex(r"\p{Ll}\p{Lu}|\p{Lu}{2,}\p{Ll}{2,}")
_MIXED = compile_regex(r"\p{L}\d|\d\p{L}")  # 7B, v0, 13b
_TECHNICAL = compile_regex(r"\p{L}\d|\d\p{L}|_|\w\.\w|-\p{Ll}|-\d")


def _is_identifier(token: str) -> bool:
    """owner/name: the name (the last part) is technical (a digit inside a word, "_", ".", a hyphen before a
    small letter or digit) and the owner is CamelCase, or the name has a digit inside a word and the owner is
    one plain ASCII word."""
    parts = token.split("/")
    if not 2 <= len(parts) <= 3 or not all(_ID_PART.fullmatch(p) for p in parts) or not _LETTER.search(token):
        return False
    last = parts[-1]
    if not _TECHNICAL.search(last):
        return False
    return any(_CAMEL.search(p) for p in parts) or (_MIXED.search(last) is not None and parts[0].isascii())


def handles(token: str) -> set[str]:
    """The parts of an owner/name identifier that are no ordinary word (CamelCase, a digit inside): where they
    stand alone elsewhere in the document ("a Space by BramVanroy") they are the same handle."""
    return {p for p in token.split("/") if _CAMEL.search(p) or _MIXED.search(p)}


def path_spans(text: str) -> list[tuple[int, int]]:
    """The spans of file names, paths and owner/name identifiers in `text` (what follows them left out: "zie
    map/a.txt." keeps its ".")."""
    out: list[tuple[int, int]] = []
    if "/" in text or "\\" in text:
        for m in SLASHED.finditer(text):
            start, end = trim(text, m.span())
            if end > start and (_is_path(text[start:end]) or _is_identifier(text[start:end])):
                out.append((start, end))
    if "." in text and _FILE_TAIL.search(text):
        out += [m.span() for m in FILE_NAME.finditer(text)]
    return out


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted and joined where they overlap."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The address without the punctuation that follows it ("(https://…/a)." keeps its ")." )."""
    start, end = span
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break  # a bracket that belongs to the address: …/Foo_(bar)
        end -= 1
    return start, end


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


class Addresses:
    """The spans of the addresses, file names, paths and inline code (Paragraph.code) of one document's
    paragraphs, sorted and not overlapping, each paragraph scanned once (on first request)."""

    def __init__(self, blocks: Callable[[], Iterable[Paragraph]] | None = None) -> None:
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._blocks = blocks  # the document's paragraphs, for the handles of its owner/name identifiers
        self._handles: regex.Pattern | None = None
        self._indexed = False
        self._ids: set[int] = set()  # ids of the document's paragraphs
        self._signed: set[int] = set()  # ids of those with a sign of an address
        self._paths: dict[int, list[tuple[int, int]]] = {}  # path_spans of the paragraphs with a "/", by id

    def spans(self, par: Paragraph) -> list[tuple[int, int]]:
        if not self._indexed:
            self._index()
        found = self._spans.get(id(par))
        if found is None:
            found = self._spans[id(par)] = self._scan(par)
        return found

    def _index(self) -> None:
        """On first request, one pass over the document: which of its paragraphs hold a sign of an address
        (signed), and the handles of its owner/name identifiers."""
        self._indexed = True
        blocks = list(self._blocks()) if self._blocks is not None else []
        signs = signed([par.text for par in blocks])
        self._ids = set(map(id, blocks))
        self._signed = {id(blocks[i]) for i in signs}
        names: set[str] = set()
        for i in signs:
            text = blocks[i].text
            if "/" in text:
                paths = self._paths[id(blocks[i])] = path_spans(text)
                names.update(n for s, e in paths for n in handles(text[s:e]))
        if names:
            alternatives = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
            self._handles = regex.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    def _scan(self, par: Paragraph) -> list[tuple[int, int]]:
        text = par.text
        if id(par) not in self._signed and id(par) in self._ids:  # another document's is scanned in full
            found, extra = [], list(par.code)  # what address_spans and path_spans would find: nothing
        else:
            found = address_spans(text)
            paths = self._paths.get(id(par))
            extra = (path_spans(text) if paths is None else list(paths)) + list(par.code)
        if self._handles is not None:
            extra += [m.span() for m in self._handles.finditer(text)]
        return merged(found + extra) if extra else found

    def trimmed(self, par: Paragraph) -> list[tuple[int, int]]:
        """The spans without the punctuation that follows an address; inline code is kept whole (its "." is
        part of the code)."""
        spans = [trim(par.text, s) for s in self.spans(par)]
        return merged(spans + list(par.code)) if par.code else spans

    def covers(self, par: Paragraph, start: int, end: int) -> bool:
        """Does [start, end) of the paragraph's text overlap an address?"""
        return overlaps(self.spans(par), start, end)

"""Rules written in YAML, without Python (in the spirit of Vale).

Two kinds:

    rules:
      ivm:
        kind: pattern              # a regular expression (the `regex` module), run with a timeout
        pattern: '\\bivm\\b'
        message: "Schrijf 'i.v.m.' voluit met punten."
        suggestion: i.v.m.         # optional; may use {match} and named groups
        severity: warning
        examples: {match: ["ivm de regels"], no-match: ["i.v.m. de regels"]}

      huisstijl:
        kind: substitution         # wrong → right, like the typo list
        entries:
          - {wrong: "Tweede kamer", right: "Tweede Kamer"}

Examples are checked when the configuration loads: an example that fails is a configuration error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

import regex

from . import analyses
from .addresses import ADDRESS
from .findings import Finding, Fix, Msg, Severity, as_msg, msg
from .lazyre import compile_regex
from .model import Document, Paragraph
from .phrases import Phrase, PhraseList
from .registry import Rule, RuleContext

URL = ADDRESS  # the address pattern lives in addresses.py; this name stays for code that imports it
PATTERN_TIMEOUT = 1.0  # seconds per paragraph; a slower user pattern is a configuration problem
# Compiling is not interruptible, so its cost is bounded before: the length of a pattern and its size once
# counted repetitions are expanded (regex expands `(a{1000}){1000}` into a million items; one more level
# runs out of memory).  Both limits are far above any pattern a house-style rule needs.
MAX_PATTERN_CHARS = 10_000
MAX_PATTERN_SIZE = 100_000
QUANTIFIER = compile_regex(r"\{(\d*)(?:,(\d*))?\}")


class PatternTimeout(Exception):
    pass


class ErrorPlace(Protocol):
    """Where a configuration error points (runner.Where; wordlists' check of the shipped lists)."""

    def error(self, keys: tuple, message: str, nl: str | None = None) -> Exception: ...


def _message(value: Any) -> Msg:
    if isinstance(value, dict):
        return Msg(value["nl"], value.get("en") or value["nl"])
    return msg(value)


def _blocks(doc: Document, scope: str) -> Iterator[Paragraph]:
    for par in doc.blocks():
        if scope == "all" or (scope == "body") == (par.part == "body"):
            yield par


def _fill(template: str, m: regex.Match[str]) -> str:
    groups = {k: (v or "") for k, v in m.groupdict().items()}
    return template.format(*[(g or "") for g in m.groups()], match=m.group(), **groups)


def phrases_from_entries(entries: list[dict], where: ErrorPlace, path: tuple, check_examples: bool = True) -> PhraseList:
    """Compile phrase entries; check their examples (a failing example raises a ConfigError)."""
    phrases = []
    for i, entry in enumerate(entries):
        try:
            phrase = Phrase(
                wrong=entry["wrong"],
                right=entry["right"],
                case=entry.get("case", "auto"),
                stem=entry.get("stem", False),
                note=entry.get("note"),
                data=entry,
            )
        except regex.error as exc:
            raise where.error(path + (i, "wrong"), f"cannot be matched: {exc}") from None
        if check_examples:
            _check_examples(entry.get("examples") or {}, phrase.matches, where, path + (i, "examples"))
        phrases.append(phrase)
    return PhraseList(phrases)


def _check_examples(examples: dict, matches: Callable[[str], bool], where: ErrorPlace, path: tuple) -> None:
    for j, example in enumerate(examples.get("match", [])):
        if not matches(example):
            raise where.error(path + ("match", j), f"example {example!r} should match but does not")
    for j, example in enumerate(examples.get("no-match", [])):
        if matches(example):
            raise where.error(path + ("no-match", j), f"example {example!r} should not match but does")


# -- pattern ---------------------------------------------------------------------------------------------


def pattern_size(pattern: str) -> int:
    """An upper estimate of a pattern's size with counted repetitions expanded (linear in its length)."""
    frames = [[0, 0]]  # per open group: [size so far, size of the last item]
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        q = QUANTIFIER.match(pattern, i) if ch == "{" else None
        if q and (q.group(1) or q.group(2)):
            count = max(int(q.group(1) or 0), int(q.group(2) or 0), 1)
            frame = frames[-1]
            grown = min(frame[1] * count, 10**12)
            frame[0], frame[1] = frame[0] - frame[1] + grown, grown
            i = q.end()
            continue
        if ch == "(":
            frames.append([0, 0])
        elif ch == ")" and len(frames) > 1:
            inner = max(frames.pop()[0], 1)
            frames[-1][0] += inner
            frames[-1][1] = inner
        elif ch not in "*+?|":
            i = _skip_atom(pattern, i)
            frames[-1][0] += 1
            frames[-1][1] = 1
        i += 1
    return sum(f[0] for f in frames)


def _skip_atom(pattern: str, i: int) -> int:
    """The index of the last character of the atom at `i` (an escape or a character class)."""
    if pattern[i] == "\\":
        return i + 1
    if pattern[i] == "[":
        j = i + 1 + (pattern[i + 1 : i + 2] == "^")
        j += pattern[j : j + 1] == "]"
        while j < len(pattern) and pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        return min(j, len(pattern) - 1)
    return i


def pattern_problem(text: str) -> tuple[str, str] | None:
    """Why a user pattern is too big to compile safely ((English, Dutch)), or None."""
    if len(text) > MAX_PATTERN_CHARS:
        return (f"the pattern is longer than {MAX_PATTERN_CHARS:,} characters",
                f"het patroon is langer dan {MAX_PATTERN_CHARS:_} tekens".replace("_", "."))
    if pattern_size(text) > MAX_PATTERN_SIZE:
        return (f"the pattern's repetitions expand beyond {MAX_PATTERN_SIZE:,} items",
                f"de herhalingen in het patroon lopen op tot meer dan {MAX_PATTERN_SIZE:_} elementen".replace("_", "."))
    return None


def _compile_user_pattern(text: str, flags: int, where: ErrorPlace) -> regex.Pattern:
    problem = pattern_problem(text)
    if problem:
        raise where.error(("pattern",), *problem)
    try:
        return compile_regex(text, flags)
    except regex.error as exc:
        raise where.error(("pattern",), f"expected a valid regular expression: {exc}",
                          f"verwacht een geldige reguliere expressie: {exc}") from None
    except (MemoryError, RecursionError, OverflowError):
        raise where.error(("pattern",), "the pattern is too large to compile",
                          "het patroon is te groot om te compileren") from None


def _prepare_pattern(options: dict, where: ErrorPlace) -> regex.Pattern:
    flags = regex.IGNORECASE if options.get("ignore-case") else 0
    pattern = _compile_user_pattern(options["pattern"], flags, where)
    try:
        _check_examples(options.get("examples") or {}, lambda s: pattern.search(s, timeout=PATTERN_TIMEOUT) is not None,
                        where, ("examples",))
    except TimeoutError:
        raise where.error(("pattern",), "the pattern is too slow (it timed out on an example)") from None
    return pattern


def _check_pattern(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    pattern: regex.Pattern = ctx.prepared
    options = ctx.options
    message = _message(options["message"])
    template = options.get("suggestion")
    fix_kind = options.get("fix", "none")
    for par in _blocks(doc, options.get("scope", "all")):
        if not par.text:
            continue
        try:
            matches = list(pattern.finditer(par.text, timeout=PATTERN_TIMEOUT))
        except TimeoutError:
            raise PatternTimeout(f"rule {ctx.rule}: the pattern took longer than {PATTERN_TIMEOUT:g}s on paragraph {par.number}") from None
        for m in matches:
            if m.end() == m.start():
                continue
            suggestion = _fill(template, m) if template is not None else None
            fix = (Fix.text_edit(par, m.start(), m.end(), suggestion, "safe" if fix_kind == "safe" else "unsafe")
                   if suggestion is not None and fix_kind != "none" else None)
            yield Finding(
                location=doc.locate(par, m.start(), m.end()),
                message=Msg(_fill(message.nl, m), _fill(message.en, m)),
                suggestion=as_msg(suggestion),
                fix=fix,
            )


# -- substitution -----------------------------------------------------------------------------------------


def _prepare_substitution(options: dict, where: ErrorPlace) -> PhraseList:
    return phrases_from_entries(options.get("entries", []), where, ("entries",))


SUBSTITUTION_MESSAGE = Msg("Schrijf '{right}' in plaats van '{wrong}'.", "Write '{right}' instead of '{wrong}'.")


def substitution_findings(doc: Document, phrases: PhraseList, message: Msg, scope: str = "all",
                          fix_default: str = "safe") -> Iterator[Finding]:
    addresses = analyses.of(doc).addresses
    for par in _blocks(doc, scope):
        if not par.text:
            continue
        urls = addresses.spans(par)
        for start, end, phrase, suggestion in phrases.finditer(par.text):
            if any(s < end and start < e for s, e in urls):
                continue  # web and mail addresses are spelled as they are
            found = par.text[start:end]
            values = {"wrong": found, "right": suggestion, "note": phrase.note or ""}
            fix_kind = (phrase.data or {}).get("fix", fix_default)
            yield Finding(
                location=doc.locate(par, start, end),
                message=Msg(message.nl.format(**values), message.en.format(**values)),
                suggestion=as_msg(suggestion),
                fix=Fix.text_edit(par, start, end, suggestion, "safe" if fix_kind == "safe" else "unsafe")
                if fix_kind != "none" else None,
            )


def _check_substitution(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    message = _message(ctx.options["message"]) if "message" in ctx.options else SUBSTITUTION_MESSAGE
    fix_default = ctx.options.get("fix", "safe")
    yield from substitution_findings(doc, ctx.prepared, message, ctx.options.get("scope", "all"), fix_default)


# -- building ---------------------------------------------------------------------------------------------

_KINDS = {
    "pattern": (_prepare_pattern, _check_pattern),
    "substitution": (_prepare_substitution, _check_substitution),
}


def build(rule_id: str, options: dict[str, Any]) -> Rule:
    prepare, check = _KINDS[options["kind"]]
    summary = options.get("summary") or (f"pattern rule: {options['pattern']}" if options["kind"] == "pattern"
                                         else f"substitution rule ({len(options.get('entries', []))} entries)")
    doc = options.get("description") or f"A {options['kind']} rule defined in the configuration."
    return Rule(
        id=rule_id,
        severity=Severity(options.get("severity", "warning")),
        summary=msg(summary),
        doc=doc,
        doc_nl=options.get("description") or f"Een regel uit de configuratie (soort: {options['kind']}).",
        default={},
        conf={},
        check=check,
        origin="config",
        enabled=options.get("enabled", True),
        fixable=options.get("fix", "none" if options["kind"] == "pattern" else "safe") != "none",
        prepare=prepare,
    )

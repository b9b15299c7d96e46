"""Suppressions: a writer silences a finding where it is intended, and stale suppressions are reported.

Where a suppression can be written:

* text exports (.txt) and Markdown: a line ``<!-- letterlint: ignore RULE[,RULE…] -->`` silences those rules
  in the next (non-empty) paragraph — with its footnote bodies when they sit on its line (text export);
  ``<!-- letterlint: disable RULE -->`` … ``<!-- letterlint: enable RULE -->`` silences them in between
  (without an `enable`: to the end of the file);
* .docx: a Word comment whose text starts with ``letterlint: ignore RULE[,RULE…]`` silences those rules on the
  text it is anchored to (a comment on a point, without a selection, covers its whole paragraph).  A comment
  in a Word text export (POI's ``Comment by …:``) covers its paragraph;
* the configuration: ``per-file-ignores`` (glob → rule ids), handled by the runner.

RULE may be ``all``.  Anything after `` -- `` (or a dash, or a second colon) is a reason for the reader:
``<!-- letterlint: ignore typo -- letterlijk citaat uit het rapport -->``.

A suppression that silenced nothing — or cannot work (unknown rule, unknown instruction, an `enable`
without its `disable`) — is itself reported by the rule ``unused-suppression`` (info), so they do not rot.
A suppression of a rule that did not run on the file (switched off, not selected, ignored for the file)
is not reported: nothing can be said about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .findings import Finding, Msg
from .lazyre import lazy
from .model import Comment, Document, Location, Paragraph

RULE_ID = "unused-suppression"
HEAD = lazy(r"\s*letterlint\s*:\s*", regex.IGNORECASE)
REASON = lazy(r"\s+(?:--|—|–)(?:\s|$)|\s*:")
ID = lazy(r"[a-z][a-z0-9-]*|\*")
VERBS = ("ignore", "disable", "enable")
ALL = "all"


@dataclass(frozen=True, slots=True)
class Zone:
    """A stretch of the document: source offsets (text formats) or a paragraph's raw offsets (.docx)."""

    xml: tuple[str, int] | None  # .docx: the paragraph (part, ordinal); None for text formats
    number: int  # .docx fallback when a location has no xml: paragraph number and part
    part: str
    start: int
    end: int


@dataclass
class Suppression:
    """One suppression comment: which rules it silences, where, and whether it was used."""

    verb: str  # ignore | disable
    rules: tuple[str, ...]  # lower-case ids, "all" for every rule
    text: str  # as written (first line)
    location: Location  # where the suppression itself is
    zones: list[Zone] = field(default_factory=list)
    in_comment: bool = False
    used: set[str] = field(default_factory=set)


@dataclass
class Suppressions:
    """The suppression comments of a document, and the problems of those that cannot work."""

    suppressions: list[Suppression]
    problems: list[tuple[Location, Msg, Msg | None]]  # directives that cannot work: (where, message, suggestion)


def parse(text: str) -> tuple[str, list[str]] | None:
    """(verb, rule ids) of a `letterlint: …` instruction, or None when the text is not one."""
    first = text.strip().split("\n", 1)[0]
    m = HEAD.match(first)
    if not m:
        return None
    rest = REASON.split(first[m.end():], maxsplit=1)[0]
    words = [w for w in regex.split(r"[\s,;]+", rest.strip()) if w]
    if not words:
        return "", []
    return words[0].lower(), [w.lower() for w in words[1:]]


# -- finding them ----------------------------------------------------------------------------------------


def find_suppressions(doc: Document) -> Suppressions:
    """The document's suppressions (directives and `letterlint:` comments), and those that cannot work."""
    out = Suppressions([], [])
    if doc.source is not None and doc.directives:
        _directives(doc, out)
    for comment in doc.comments:
        parsed = parse(comment.text)
        if parsed is None:
            continue
        first = comment.text.strip().split("\n", 1)[0]
        where = _comment_location(doc, comment)
        verb, ids = parsed
        if verb != "ignore":
            out.problems.append((where, *_bad_verb(first, verb, comment=True)))
            continue
        if not ids:
            out.problems.append((where, *_no_rules(first)))
            continue
        sup = Suppression("ignore", _norm(ids), first, where, in_comment=True)
        sup.zones = _comment_zones(doc, comment)
        out.suppressions.append(sup)
    return out


def _norm(ids: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ALL if i in ("*", ALL) else i for i in ids))


def _directives(doc: Document, out: Suppressions) -> None:
    src = doc.source or ""  # directives come from text formats, which have a source
    starts = doc._line_starts
    blocks = sorted((p for p in doc.blocks() if p.origin is not None and not p.is_empty), key=lambda p: p.origin or 0)
    origins = [p.origin or 0 for p in blocks]
    open_regions: dict[str, tuple[int, Suppression]] = {}
    from bisect import bisect_right

    for directive in doc.directives:
        parsed = parse(directive.text)
        if parsed is None or directive.line is None or directive.line > len(starts):
            continue
        a = starts[directive.line - 1]
        b = src.find("\n", a)
        b = len(src) if b == -1 else b
        line = src[a:b].rstrip("\r")
        indent = len(line) - len(line.lstrip())
        nxt_index = bisect_right(origins, a)
        nxt = blocks[nxt_index] if nxt_index < len(blocks) else None
        where = _line_location(doc, a + indent, a + len(line), nxt or directive.paragraph)
        verb, ids = parsed
        if verb not in VERBS:
            out.problems.append((where, *_bad_verb(line.strip(), verb, comment=False)))
            continue
        if not ids:
            out.problems.append((where, *_no_rules(line.strip())))
            continue
        rules = _norm(ids)
        if verb == "ignore":
            sup = Suppression("ignore", rules, line.strip(), where)
            if nxt is not None:
                origin = nxt.origin or 0  # set: `blocks` holds paragraphs with an origin only
                sup.zones.append(Zone(None, nxt.number, nxt.part, origin, origin + len(nxt.raw)))
            out.suppressions.append(sup)
        elif verb == "disable":
            sup = Suppression("disable", rules, line.strip(), where)
            out.suppressions.append(sup)
            for rule in rules:
                open_regions[rule] = (b, sup)
        else:  # enable
            closed = [r for r in open_regions if r in rules or ALL in rules]
            for rule in closed:
                start, sup = open_regions.pop(rule)
                sup.zones.append(Zone(None, 0, "", start, a))
            missing = [r for r in rules if r != ALL and r not in closed]
            if not closed or missing:
                shown = ", ".join(missing or rules)
                out.problems.append((where, Msg(
                    f"«{line.strip()}» heeft geen «letterlint: disable {shown}» ervoor en doet dus niets",
                    f"«{line.strip()}» has no «letterlint: disable {shown}» before it, so it does nothing"),
                    Msg("verwijder deze regel, of zet «disable» ervoor", "remove this line, or put a «disable» before it")))
    for _rule, (start, sup) in open_regions.items():  # a disable without enable: to the end of the file
        sup.zones.append(Zone(None, 0, "", start, len(src)))


def _bad_verb(text: str, verb: str, comment: bool) -> tuple[Msg, Msg | None]:
    verbs = "ignore" if comment else "ignore, disable of enable"
    verbs_en = "ignore" if comment else "ignore, disable or enable"
    import difflib

    close = difflib.get_close_matches(verb, VERBS if not comment else ("ignore",), n=1)
    return (Msg(f"«{text.strip()}»: onbekende opdracht «{verb}» voor letterlint; gebruik {verbs}",
                f"«{text.strip()}»: unknown letterlint instruction «{verb}»; use {verbs_en}"),
            Msg(f"letterlint: {close[0]} …", f"letterlint: {close[0]} …") if close else None)


def _no_rules(text: str) -> tuple[Msg, Msg]:
    return (Msg(f"«{text.strip()}» noemt geen regel en doet dus niets",
                f"«{text.strip()}» names no rule, so it does nothing"),
            Msg("noem de regel(s), bijvoorbeeld «letterlint: ignore typo», of «all» voor alle regels",
                "name the rule(s), e.g. «letterlint: ignore typo», or «all» for every rule"))


def _line_location(doc: Document, a: int, b: int, par: Paragraph | None) -> Location:
    line, col = doc.line_col(a)
    end_line, end_col = doc.line_col(b - 1) if b > a else (line, col)
    return Location(paragraph=par.number if par else 1, heading=par.heading if par else None,
                    text=(doc.source or "")[a:b], line=line, column=col, end_line=end_line, end_column=end_col,
                    part=par.part if par else "body", note=doc.note_label(par) if par else None,
                    raw_start=a, raw_end=b)


def _comment_location(doc: Document, comment: Comment) -> Location:
    par = comment.paragraph
    if par is None:  # a comment anchored nowhere
        return Location(paragraph=1, heading=None, text=comment.text.strip().split("\n", 1)[0])
    end = comment.end if (comment.end_paragraph in (None, par)) else len(par.text)
    start, end = min(comment.start, len(par.text)), min(max(end, comment.start), len(par.text))
    if start == end:
        return doc.locate_paragraph(par)
    return doc.locate(par, start, end)


def _zone(doc: Document, par: Paragraph, raw_start: int, raw_end: int) -> Zone:
    if doc.source is not None and par.origin is not None:
        return Zone(None, par.number, par.part, par.origin + raw_start, par.origin + raw_end)
    return Zone(par.xml, par.number, par.part, raw_start, raw_end)


def _comment_zones(doc: Document, comment: Comment) -> list[Zone]:
    first = comment.paragraph
    if first is None:
        return []
    last = comment.end_paragraph or first
    if last is first:
        start, end = min(comment.start, len(first.text)), min(comment.end, len(first.text))
        if end <= start:  # a comment on a point: its paragraph
            return [_zone(doc, first, 0, len(first.raw))]
        return [_zone(doc, first, *_raw_span(first, start, end))]
    zones = [_zone(doc, first, _raw_span(first, min(comment.start, len(first.text)), len(first.text))[0],
                   len(first.raw))]
    siblings = _siblings(doc, first)
    if first.index < last.index and last.part == first.part and last.note == first.note:
        zones += [_zone(doc, p, 0, len(p.raw)) for p in siblings[first.index + 1 : last.index + 1]]
    else:
        zones.append(_zone(doc, last, 0, len(last.raw)))
    return zones


def _raw_span(par: Paragraph, start: int, end: int) -> tuple[int, int]:
    """The raw span of a cleaned span, widened over markers taken out of the text at its edges."""
    n = len(par.text)
    raw_start = par.span_to_raw(start - 1, start)[1] if start > 0 else 0
    raw_end = par.span_to_raw(end, end + 1)[0] if end < n else len(par.raw)
    return raw_start, max(raw_end, raw_start)


def _siblings(doc: Document, par: Paragraph) -> tuple[Paragraph, ...]:
    if par.part == "body":
        return doc.paragraphs
    note = doc.notes_by_key.get((par.part, par.note))
    return note.paragraphs if note else (par,)


# -- applying ---------------------------------------------------------------------------------------------


def _covers(zone: Zone, loc: Location, text_format: bool) -> bool:
    if not text_format:
        if loc.xml is not None and zone.xml is not None:
            if loc.xml != zone.xml:
                return False
        elif (loc.paragraph, loc.part) != (zone.number, zone.part):
            return False
    a, b = loc.raw_start, loc.raw_end
    if a < b and zone.start < zone.end:
        return a < zone.end and b > zone.start
    return zone.start <= a <= zone.end


def apply(doc: Document, findings: list[Finding], active: dict[str, str], known: frozenset[str] | set[str],
          collected: Suppressions | None = None) -> list[Finding]:
    """Drop suppressed findings; add `unused-suppression` findings when that rule is in `active`.

    `active` maps the ids of the rules that ran on this document to their severity.
    """
    collected = collected if collected is not None else find_suppressions(doc)
    sups = collected.suppressions
    if not sups:
        return findings
    text_format = doc.source is not None
    kept = []
    for f in findings:
        hit = None
        for sup in sups:
            if (f.rule in sup.rules or ALL in sup.rules) and any(_covers(z, f.location, text_format) for z in sup.zones):
                hit = sup
                break
        if hit is None:
            kept.append(f)
        else:
            hit.used.add(f.rule if f.rule in hit.rules else ALL)
    severity = active.get(RULE_ID)
    if severity is None:
        return kept
    others = set(active) - {RULE_ID}
    for sup in sups:
        for problem in _unused(sup, others, known):
            kept.append(Finding(sup.location, problem[0], suggestion=problem[1], rule=RULE_ID, severity=severity))
    return sorted(kept, key=Finding.sort_key)


def _unused(sup: Suppression, active: set[str], known: frozenset[str] | set[str]) -> list[tuple[Msg, Msg | None]]:
    out = []
    remove = (Msg("verwijder deze opmerking", "remove this comment") if sup.in_comment
              else Msg("verwijder deze regel", "remove this line"))
    unknown = [r for r in sup.rules if r != ALL and r not in known]
    for rule in unknown:
        import difflib

        close = difflib.get_close_matches(rule, sorted(known), n=1)
        out.append((Msg(f"«{sup.text}»: onbekende regel «{rule}» (zie letterlint rules)",
                        f"«{sup.text}»: unknown rule «{rule}» (see letterlint rules)"),
                    Msg(close[0], close[0]) if close else None))
    stale = [r for r in sup.rules if r not in unknown and r not in sup.used and (r in active or (r == ALL and active))]
    if stale:
        names = ", ".join(stale)
        whole = len(stale) == len(sup.rules)
        out.append((Msg(f"«{sup.text}» onderdrukt hier niets (geen bevinding van {names}); "
                        + ("haal de aanwijzing weg" if whole else f"haal {names} eruit"),
                        f"«{sup.text}» suppresses nothing here (no {names} finding); "
                        + ("remove it" if whole else f"take {names} out")),
                    remove if whole else None))
    return out

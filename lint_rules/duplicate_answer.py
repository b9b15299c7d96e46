"""An answer that is (nearly) the same as another answer, or lies within a longer one.

What it checks
  Every answer (all its paragraphs, without the label "Antwoord:"; artefacts and footnote markers are
  already out) is compared with the other answers of the letter.  Two answers are copies when the words of
  the shorter one are, for at least ``similarity`` of them, found in the other in the same order — so small
  edits ("deze pilot" / "de pilot", a changed opening word) still count, and so does an answer that was
  pasted into a longer one.  Each group of copies is reported once, at the first later copy: it names the
  first copy and the other copies (with their similarity), and quotes the questions each copy answers, so
  that a reviewer can judge whether the copy fits its question.
  Answers that only share a sentence or a standard passage are not copies: see ``repeated-passage``.
  A letter without recognised answers (a plain Kamerbrief) has nothing for this rule.

  Across files: with ``letterlint --across-files`` (several files or a folder), answers that recur in
  other letters are reported too (severity info), in each letter, pointing at the other letters.  This
  compares a sample of each answer's word sequences, so it scales to whole document repositories.

Why
  Writers paste one answer under several questions.  Sometimes that is right, but often the copy does not
  answer the question it stands under, or one copy was updated and the other not.  Where the same answer
  is meant, a reference ("Zie het antwoord op vraag 12") is clearer for the reader.

Options
  similarity: the share of the shorter answer's words that must be found, in order, in the other
    (default 0.8).  Examples from the example draft: two answers that differ in one clause of three
    sentences are 0.83 alike (reported); an answer whose last two of three sentences are pasted from a
    longer answer is 0.82 (reported); an answer that shares its long first paragraph with another but has
    a second paragraph of its own is 0.75 (not a copy: repeated-passage reports the shared paragraph).
    Raise it to 0.9 to report only near-verbatim copies.
  min-words: answers shorter than this are never reported as copies (default 15): "Ja." or "Zie het
    antwoord op vraag 3." may well recur.
  across-files: take part in --across-files (default true).
  across-similarity: across files, the share of the shorter answer's three-word sequences that the other
    answer must have (default 0.6; estimated from a sample — one in four — so a little less exact than in
    one letter: a copy with three changed words in forty is about 0.75 alike, half an answer pasted into
    another about 0.5).
  max-related: the most other places listed with one finding (default 6).

Bad::

    Vragen en opmerkingen van de leden van de D66-fractie
    De leden van de D66-fractie vragen hoe de staatssecretaris de gezondheid van omwonenden beschermt?
    Antwoord: Het doel van deze pilot is om te bevorderen dat gezondheid op voorhand wordt meegewogen bij keuzes over de ruimtelijke inpassing en voorwaarden. De pilot is gericht op planvorming en niet op vergunningverlening.
    De leden van de D66-fractie vragen wanneer de Kamer wordt geïnformeerd over de meetpilot?
    Antwoord: Het doel van de pilot is om te bevorderen dat gezondheid op voorhand wordt meegewogen bij keuzes over de ruimtelijke inpassing en voorwaarden. De pilot is gericht op planvorming en niet op vergunningverlening.

Good::

    Vragen en opmerkingen van de leden van de D66-fractie
    De leden van de D66-fractie vragen hoe de staatssecretaris de gezondheid van omwonenden beschermt?
    Antwoord: Het doel van deze pilot is om te bevorderen dat gezondheid op voorhand wordt meegewogen bij keuzes over de ruimtelijke inpassing en voorwaarden. De pilot is gericht op planvorming en niet op vergunningverlening.
    De leden van de D66-fractie vragen wanneer de Kamer wordt geïnformeerd over de meetpilot?
    Antwoord: Eind 2026 wordt de Kamer geïnformeerd over de stand van zaken rondom de pilots, de gesprekstafel en de verkenningen; eind 2027 volgen de resultaten.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from letterlint import places
from letterlint.findings import Finding, Msg, Related, msg
from letterlint.similarity import (
    UnionFind,
    analyse,
    count_and_post,
    duplicate_groups,
    locate_start,
    locate_unit,
    question_quote,
    sample_shingles,
    unpack,
)
from letterlint.wording import place

if TYPE_CHECKING:
    from letterlint.model import Document
    from letterlint.registry import RuleContext

ACROSS_K = 3  # words per sequence compared across files
ACROSS_CAP = 16  # answers kept per sampled sequence: the first copies of a text, enough to link every later one

DOC_NL = """Een antwoord dat (bijna) gelijk is aan een ander antwoord, of in een langer antwoord staat.

Wat het controleert
  Elk antwoord (al zijn alinea's, zonder het label "Antwoord:"; resten en voetnootmarkeringen zijn er al uit)
  wordt vergeleken met de andere antwoorden van de brief.  Twee antwoorden zijn kopieën als de woorden van het
  kortste voor minstens ``similarity`` ervan in dezelfde volgorde in het andere staan — zo tellen kleine
  wijzigingen ("deze pilot" / "de pilot", een ander eerste woord) nog mee, en ook een antwoord dat in een
  langer antwoord is geplakt.  Elke groep kopieën wordt één keer gemeld, bij de eerste latere kopie: de
  melding noemt de eerste kopie en de andere kopieën (met hun gelijkenis), en citeert de vragen die elke kopie
  beantwoordt, zodat een lezer kan beoordelen of de kopie bij haar vraag past.
  Antwoorden die alleen een zin of een standaardpassage delen, zijn geen kopieën: zie ``repeated-passage``.
  Een brief zonder herkende antwoorden (een gewone Kamerbrief) heeft niets voor deze regel.

  Over bestanden heen: met ``letterlint --across-files`` (meerdere bestanden of een map) worden ook
  antwoorden gemeld die in andere brieven terugkomen (niveau info), in elke brief, met een verwijzing naar de
  andere brieven.  Dit vergelijkt een steekproef van de woordreeksen van elk antwoord, en werkt dus ook voor
  hele documentverzamelingen.

Waarom
  Schrijvers plakken één antwoord onder meerdere vragen.  Soms is dat terecht, maar vaak beantwoordt de kopie
  de vraag waaronder ze staat niet, of is de ene kopie bijgewerkt en de andere niet.  Waar hetzelfde antwoord
  bedoeld is, is een verwijzing ("Zie het antwoord op vraag 12") duidelijker voor de lezer.

Opties
  similarity: het deel van de woorden van het kortste antwoord dat in dezelfde volgorde in het andere moet
    staan (standaard 0.8).  Voorbeelden uit het voorbeeldconcept: twee antwoorden die in één bijzin van drie
    zinnen verschillen, lijken 0.83 op elkaar (gemeld); een antwoord waarvan de laatste twee van drie zinnen
    uit een langer antwoord zijn geplakt: 0.82 (gemeld); een antwoord dat zijn lange eerste alinea deelt met
    een ander maar een eigen tweede alinea heeft: 0.75 (geen kopie: repeated-passage meldt de gedeelde alinea).
    Zet het op 0.9 om alleen bijna letterlijke kopieën te melden.
  min-words: antwoorden korter dan dit worden nooit als kopie gemeld (standaard 15): "Ja." of "Zie het
    antwoord op vraag 3." mag best vaker voorkomen.
  across-files: doe mee met --across-files (standaard true).
  across-similarity: over bestanden heen, het deel van de reeksen van drie woorden van het kortste antwoord
    dat het andere antwoord moet hebben (standaard 0.6; geschat uit een steekproef — een op de vier — en dus
    iets minder precies dan binnen één brief: een kopie met drie gewijzigde woorden op veertig lijkt ongeveer
    0.75, een half antwoord in een ander geplakt ongeveer 0.5).
  max-related: het grootste aantal andere plekken dat bij één melding genoemd wordt (standaard 6).
"""  # the documentation in Dutch: same structure, same examples

ID = "duplicate-answer"
SEVERITY = "warning"
SUMMARY = msg(
    "Een antwoord dat (vrijwel) gelijk is aan een ander antwoord, of in een langer antwoord staat",
    "An answer that is (nearly) the same as another answer, or contained in a longer one",
)
NEEDS = ("similarity",)  # the shared similarity index (letterlint.analyses.RELEASABLE)
DEFAULT = {"similarity": 0.8, "min-words": 15, "across-files": True, "across-similarity": 0.6, "max-related": 6}
# published as shared settings ("duplicate-answer.similarity" …) while this rule runs: repeated-passage
# leaves alone the copies this rule reports
PUBLISH = ("similarity", "min-words")
CONF = {
    "similarity": {"type": "number", "minimum": 0.5, "maximum": 1},
    "min-words": {"type": "integer", "minimum": 5},
    "across-files": {"type": "boolean"},
    "across-similarity": {"type": "number", "minimum": 0.3, "maximum": 1},
    "max-related": {"type": "integer", "minimum": 1},
}

SUGGESTION = msg(
    "controleer of het antwoord bij deze vraag past; verwijs anders naar het eerdere antwoord "
    "(«Zie het antwoord op …») of schrijf een eigen antwoord",
    "check that the answer fits this question; otherwise refer to the earlier answer or write one of its own",
)
ACROSS_SUGGESTION = msg(
    "controleer of het antwoord nog klopt en bij deze vraag past",
    "check that the answer is still correct and fits this question",
)


def _pct(value: float) -> int:
    return int(value * 100 + 1e-9)


def _quote(q: str | None, lang: str) -> str:
    if q:
        return f"«{q}»"
    return "(geen vraag herkend)" if lang == "nl" else "(no question recognised)"


def _relation(relation: str, where: str, pct: int) -> Msg:
    if relation == "same":
        return Msg(f"Dit antwoord is (vrijwel) hetzelfde als het antwoord op {where} ({pct}% gelijk)",
                   f"This answer is (nearly) the same as the answer at {where} ({pct}% alike)")
    if relation == "contained":
        return Msg(f"Dit antwoord staat (vrijwel) helemaal in het langere antwoord op {where} ({pct}%)",
                   f"This answer is (almost) wholly contained in the longer answer at {where} ({pct}%)")
    return Msg(f"Dit antwoord bevat het antwoord op {where} (vrijwel) helemaal ({pct}%)",
               f"This answer contains (almost) all of the answer at {where} ({pct}%)")


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    analysis = analyse(doc, ctx.settings)
    if analysis.kind != "answers":
        return
    units = analysis.units
    groups = duplicate_groups(analysis, ctx.options["similarity"], ctx.options["min-words"])
    limit = ctx.options["max-related"]
    for group in groups:
        first, later = group.members[0], group.members[1:]
        if not later:
            continue
        here = later[0]
        loc = locate_unit(doc, units[here])
        locs = {m: locate_unit(doc, units[m]) for m in group.members[: limit + 1]}
        source, sim, relation = group.source.get(here, (first, 0.0, "same"))
        source_loc = locs.get(source) or locate_unit(doc, units[source])
        message = {}
        for lang in ("nl", "en"):
            text = _relation(relation, place(source_loc, lang), _pct(sim))(lang)
            if len(group.members) > 2:
                text += (f"; {len(group.members)} antwoorden in deze brief hebben deze tekst" if lang == "nl" else
                         f"; {len(group.members)} answers in this letter share this text")
            question = _quote(question_quote(units[here].answer), lang)
            text += f". Vraag hier: {question}" if lang == "nl" else f". Question here: {question}"
            message[lang] = text
        related = []
        for m in [first] + later[1:]:
            if m not in locs:
                break
            q_nl, q_en = _quote(question_quote(units[m].answer), "nl"), _quote(question_quote(units[m].answer), "en")
            if m == first:
                label = Msg(f"eerste exemplaar; vraag: {q_nl}", f"first copy; question: {q_en}")
            else:
                src, s, _ = group.source.get(m, (first, 0.0, "same"))
                label = Msg(f"nog een kopie ({_pct(s)}%); vraag: {q_nl}", f"another copy ({_pct(s)}%); question: {q_en}")
            related.append(Related(locs[m], label))
        yield Finding(loc, Msg(message["nl"], message["en"]), suggestion=SUGGESTION, related=tuple(related))


# -- across files --------------------------------------------------------------------------------------


def collect(doc: Document, ctx: RuleContext) -> tuple | None:
    """Per file, for --across-files: each answer's sampled shingle hashes, location and question (picklable)."""
    if not ctx.options["across-files"]:
        return None
    analysis = analyse(doc, ctx.settings)
    if analysis.kind != "answers":
        return None
    out = []
    for unit in analysis.units:
        if unit.n_words < ctx.options["min-words"]:
            continue
        # three-word sequences: an edit costs three of them, not five, so edited copies still match
        hashes = sample_shingles(unit.ids, ACROSS_K)
        if len(hashes) >= 3 * 4:  # three sampled hashes or more
            # the answer's first words locate it: the summary stays small (no full paragraph texts); with the
            # places a writer finds in Word filled in here, where the document is (the runner does that for
            # in-letter findings, but the findings across files are made after every document is gone)
            where = places.locate(doc, locate_start(doc, unit), ctx.settings)
            out.append((hashes, where, question_quote(unit.answer, 70)))
    return tuple(out)


def check_across(summaries: Mapping[str, Any], ctx: RuleContext) -> Iterator[tuple[str, Finding]]:
    """Answers that recur in other files: one finding per answer, in its own file, pointing at the others."""
    threshold = ctx.options["across-similarity"]
    limit = ctx.options["max-related"]
    items: list[tuple[int, tuple]] = []  # (file number, (hashes, location, question))
    blobs: list[bytes] = []
    paths = []
    for path, summary in summaries.items():
        if summary:
            paths.append(path)
            items += [(len(paths) - 1, (unpack(h), loc, q)) for h, loc, q in summary]
            blobs += [h for h, _, _ in summary]
    index: dict[int, int | list[int]] = {}  # sampled hash → the answer that has it, or a list of them
    keys = index.keys()
    uf = UnionFind()
    direct: dict[int, dict[int, float]] = {}
    first_with: dict[bytes, int] = {}  # a sample seen before: the first answer that had it
    for g, (f, (hashes, _, _)) in enumerate(items):
        same = first_with.setdefault(blobs[g], g)
        if same != g:  # the same sample as an earlier answer (a verbatim copy): linked, no need to count
            uf.union(same, g)
            direct.setdefault(g, {})[same] = 1.0
            direct.setdefault(same, {})[g] = 1.0
            continue
        mine = set(hashes)
        shared = keys & mine  # in C; the rest of this answer's hashes are new
        if shared:
            counts = count_and_post(index, shared, g, ACROSS_CAP)
            for other, n in counts.items():
                if items[other][0] == f:
                    continue
                sim = n / min(len(hashes), len(items[other][1][0]))
                if sim >= threshold:
                    uf.union(other, g)
                    direct.setdefault(g, {})[other] = sim
                    direct.setdefault(other, {})[g] = sim
            index.update(dict.fromkeys(mine - shared, g))
        else:
            index.update(dict.fromkeys(mine, g))
    for members in uf.groups().values():
        per_file: dict[int, int] = {}
        for m in members:
            per_file[items[m][0]] = per_file.get(items[m][0], 0) + 1
        if len(per_file) < 2:
            continue
        members.sort()
        for m in members:
            f, (hashes, loc, _) = items[m]
            # the closest answers in other files first (those compared directly), then others of the group;
            # never a scan of the whole group per answer, so a standard answer in every letter stays linear
            near = direct.get(m, {})
            chosen = sorted((o for o in near if items[o][0] != f), key=lambda o: (-near[o], o))[:limit]
            if len(chosen) < limit:
                for o in members:
                    if len(chosen) >= limit:
                        break
                    if items[o][0] != f and o not in near:
                        chosen.append(o)
            shown = []
            mine = set(hashes)
            for o in chosen:
                theirs = items[o][1][0]
                sim = near.get(o) or len(mine.intersection(theirs)) / max(1, min(len(mine), len(theirs)))
                shown.append((o, sim))
            n_files = len(per_file) - 1
            o, sim = shown[0]
            first_path, first_loc = paths[items[o][0]], items[o][1][1]
            text = {}
            for lang in ("nl", "en"):
                where = f"{first_path} ({place(first_loc, lang)}, {_pct(sim)}%)"
                if lang == "nl":
                    text[lang] = (f"Dit antwoord komt (vrijwel) ook voor in {n_files} andere "
                                  f"{'brief' if n_files == 1 else 'brieven'}: {where}")
                else:
                    text[lang] = (f"This answer also appears (nearly) in {n_files} other "
                                  f"{'letter' if n_files == 1 else 'letters'}: {where}")
            related = []
            for o, sim in shown:
                q = items[o][1][2]
                label = Msg(f"zelfde antwoord ({_pct(sim)}%); vraag: {_quote(q, 'nl')}",
                            f"same answer ({_pct(sim)}%); question: {_quote(q, 'en')}")
                related.append(Related(items[o][1][1], label, path=paths[items[o][0]]))
            yield paths[f], Finding(loc, Msg(text["nl"], text["en"]), suggestion=ACROSS_SUGGESTION,
                                    severity="info", related=tuple(related))

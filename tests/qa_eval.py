"""The question–answer test set of issue 3: real documents with a hand-made ground truth, and variants made
from them at run time (an answer deleted, a label dropped or misspelled, two questions merged, numbered answers
deleted, swapped or renumbered).  `evaluate()` lints them all and counts true and false findings;
tests/test_qa_quality.py asserts the figures and docs/quality.md reports them.  Run it to print the table:

    .venv/bin/python tests/qa_eval.py [--shared DIR] [-v]

A finding is matched to the truth by the paragraph it points at (the first 60 characters of its cleaned text),
so the keys survive the line shifts of a variant.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "examples" / "schriftelijk-overleg-actieagenda-industrie-en-omwonenden.txt"
TRUTH = ROOT / "tests" / "data" / "qa" / "draft-truth.yaml"
LETTERS_TRUTH = ROOT / "tests" / "data" / "qa" / "letters-truth.yaml"
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
RULES = ("unanswered-question", "answer-label", "deferred-answer")
# unanswered-question's error and warning findings claim a question is unanswered; its info findings point the
# reviewer at a shared answer and its questions.  POINTED counts both: is the reviewer led to the question?
POINTED = "unanswered-question (incl. info)"


def key(text: str) -> str:
    """The key of a paragraph: its first 60 characters, markers and spacing normalised."""
    text = BOOKMARK.sub("", text)
    text = re.sub(r"\[footnoteRef:\d+\]", "", text)
    return re.sub(r"\s+", " ", text).strip()[:60]


@dataclass
class Case:
    name: str
    kind: str  # base | delete-answer | drop-label | misspell-label | merge | numbered-… | converted-…
    text: str
    filename: str
    expected: dict[str, set[str]]  # rule → keys of the paragraphs it must flag
    introduced: dict[str, set[str]] = field(default_factory=dict)  # rule → the keys this variant added
    dont_care: dict[str, set[str]] = field(default_factory=dict)  # rule → keys where either way is fine
    doc: object = None  # the document, once linted


# -- the draft ------------------------------------------------------------------------------------------------


class Draft:
    """The example draft as lines, with its ground truth."""

    def __init__(self, path: Path = DRAFT, truth: Path = TRUTH):
        self.lines = path.read_text(encoding="utf-8").split("\n")
        self.truth = yaml.safe_load(truth.read_text(encoding="utf-8"))
        self.questions = {q["line"]: q for q in self.truth["questions"]}
        for q in self.truth["questions"]:
            got = key(self.lines[q["line"] - 1])
            assert got.startswith(key(q["starts"])[:40]), (q["line"], got, q["starts"])
        self.boundaries = sorted(set(self.questions) | set(self.truth["remarks"]) | set(self.truth["headings"]))
        self.unlabelled = {a["line"] for a in self.truth["answer-labels"] if a["issue"] == "missing"}

    def text_of(self, line: int) -> str:
        return self.lines[line - 1]

    def answer_lines(self, qline: int) -> tuple[int, int] | None:
        """The lines [start, end) of the question's own answer, or None (it shares one or has none)."""
        nxt = next((b for b in self.boundaries if b > qline), len(self.lines) + 1)
        for n in range(qline + 1, nxt):
            t = BOOKMARK.sub("", self.text_of(n)).strip()
            if t.startswith("Antwoord") or n in self.unlabelled:
                end = nxt
                while end - 1 > n and not BOOKMARK.sub("", self.text_of(end - 1)).strip():
                    end -= 1
                return n, end
        return None

    def expected(self) -> dict[str, set[str]]:
        exp = {rule: set() for rule in RULES}
        for q in self.truth["questions"]:
            if q["answered"] is False or q["answered"] == "no":
                exp["unanswered-question"].add(key(self.text_of(q["line"])))
        for a in self.truth["answer-labels"]:
            exp["answer-label"].add(key(self.text_of(a["line"])))
        for d in self.truth["deferred"]:
            exp["deferred-answer"].add(key(self.text_of(d)))
        return exp

    def dont_care(self) -> dict[str, set[str]]:
        out = {rule: set() for rule in RULES}
        for rule, lines in (self.truth.get("dont-care") or {}).items():
            out[rule] = {key(self.text_of(n)) for n in lines}
        return out

    def own_answered(self) -> list[int]:
        """Question lines that have an answer of their own (labelled), in order."""
        out = []
        for q in self.truth["questions"]:
            if q["answered"] in (True, "yes"):
                span = self.answer_lines(q["line"])
                if span and q["line"] not in self.unlabelled and span[0] not in self.unlabelled:
                    out.append(q["line"])
        return out

    def case(self, name: str, kind: str, lines: list[str], expected: dict, introduced: dict) -> Case:
        return Case(name, kind, "\n".join(lines), "draft.txt", expected, introduced, self.dont_care())


def _delete_answer(draft: Draft, base: dict, qline: int, start: int, end: int, label_line: str, qkey: str):
    lines = draft.lines[: start - 1] + draft.lines[end - 1 :]
    exp = {r: set(v) for r, v in base.items()}
    exp["unanswered-question"].add(qkey)
    exp["answer-label"] = {k for k in exp["answer-label"] if k != key(label_line)}
    exp["deferred-answer"] = {k for k in exp["deferred-answer"]
                              if k not in {key(draft.text_of(n)) for n in range(start, end)}}
    yield draft.case(f"draft: delete the answer to line {qline}", "delete-answer", lines, exp,
                     {"unanswered-question": {qkey}})


def draft_cases(draft: Draft, every: int = 1) -> Iterator[Case]:
    base = draft.expected()
    yield draft.case("draft", "base", draft.lines, base, {})
    answered = draft.own_answered()
    for i, qline in enumerate(answered):
        start, end = draft.answer_lines(qline)
        qkey = key(draft.text_of(qline))
        label_line = draft.text_of(start)
        # `every` thins out each kind of variant (the tests use a sample; docs/quality.md also reports all)
        # 1. delete the answer: the question is now unanswered (or shares the next question's answer)
        if i % every == 0:
            yield from _delete_answer(draft, base, qline, start, end, label_line, qkey)
        # 2. drop the label: the answer is there, but unlabelled
        if i % (2 * every) == 0:
            m = re.match(r"^((?:\[bookmark: [^\]]*\])*)Antwoord[:;]\s*", label_line)
            if m:
                new = m.group(1) + label_line[m.end() :]
                lines = list(draft.lines)
                lines[start - 1] = new
                exp = {r: set(v) for r, v in base.items()}
                exp["answer-label"] = (exp["answer-label"] - {key(label_line)}) | {key(new)}
                if key(label_line) in exp["deferred-answer"]:
                    exp["deferred-answer"] = (exp["deferred-answer"] - {key(label_line)}) | {key(new)}
                yield draft.case(f"draft: drop the label of the answer at line {start}", "drop-label", lines, exp,
                                 {"answer-label": {key(new)}})
        # 3. misspell the label
        if i % (4 * every) == 1:
            spelling = ["Antwoord;", "Antwoord :", "Antwoord", "antwoord:", "Antwoorrd:", "Antwoord:"][(i // (4 * every)) % 6]
            new = label_line.replace("Antwoord:", spelling + ("" if spelling.endswith(":") or spelling.endswith(";") else ""), 1)
            if spelling == "Antwoord:":  # the label followed by nothing
                new = re.sub(r"Antwoord:.*", "Antwoord:", label_line)
                lines = draft.lines[: start - 1] + [new] + draft.lines[end - 1 :]
            else:
                lines = list(draft.lines)
                lines[start - 1] = new
            if new != label_line:
                exp = {r: set(v) for r, v in base.items()}
                exp["answer-label"] = (exp["answer-label"] - {key(label_line)}) | {key(new)}
                if spelling == "Antwoord:":
                    exp["deferred-answer"] = {k for k in exp["deferred-answer"]
                                              if k not in {key(draft.text_of(n)) for n in range(start, end)}}
                elif key(label_line) in exp["deferred-answer"]:
                    exp["deferred-answer"] = (exp["deferred-answer"] - {key(label_line)}) | {key(new)}
                yield draft.case(f"draft: label «{spelling}» at line {start}", "misspell-label", lines, exp,
                                 {"answer-label": {key(new)}})
        # 4. a lost paragraph break: the answer runs on in the question's paragraph
        if i % (5 * every) == 3 and start == qline + 2 and not draft.text_of(qline + 1).strip():
            joined = draft.text_of(qline).rstrip() + " " + BOOKMARK.sub("", label_line).strip()
            lines = draft.lines[: qline - 1] + [joined] + draft.lines[start:]
            exp = {r: set(v) for r, v in base.items()}
            exp["answer-label"] = (exp["answer-label"] - {key(label_line)}) | {key(joined)}
            if key(label_line) in exp["deferred-answer"]:
                exp["deferred-answer"] = (exp["deferred-answer"] - {key(label_line)}) | {key(joined)}
            yield draft.case(f"draft: the answer at line {start} runs on in the question's paragraph", "join-break",
                             lines, exp, {"answer-label": {key(joined)}})
        # 5. merge this question and the next one into one paragraph, and their answers into one answer
        if i % (3 * every) == 2 and i + 1 < len(answered):
            q2 = answered[i + 1]
            s2, e2 = draft.answer_lines(q2)
            if q2 == next(b for b in draft.boundaries if b > start) and s2 > q2:  # it follows this answer
                merged_q = draft.text_of(qline).rstrip() + " " + BOOKMARK.sub("", draft.text_of(q2)).strip()
                merged_a = [draft.text_of(n) for n in range(start, end) if draft.text_of(n).strip()]
                merged_a += [BOOKMARK.sub("", draft.text_of(n)).replace("Antwoord: ", "", 1)
                             for n in range(s2, e2) if draft.text_of(n).strip()]
                lines = draft.lines[: qline - 1] + [merged_q, ""] + merged_a + [""] + draft.lines[e2 - 1 :]
                exp = {r: set(v) for r, v in base.items()}
                moved = {key(draft.text_of(n)): key(BOOKMARK.sub("", draft.text_of(n)).replace("Antwoord: ", "", 1))
                         for n in range(s2, e2)}
                gone = set(moved)
                exp["deferred-answer"] = {moved.get(k, k) for k in exp["deferred-answer"]}
                exp["answer-label"] = {k for k in exp["answer-label"] if k not in gone}
                yield draft.case(f"draft: merge the questions at lines {qline} and {q2}", "merge", lines, exp, {})


# -- numbered letters -------------------------------------------------------------------------------------------

LABEL_LINE = re.compile(r"^(?P<lead>.*?)(?P<label>(?P<kind>Vraag|Antwoord) (?P<n>\d+(?: en \d+)?))\s*$")


def numbered_blocks(lines: list[str]) -> list[tuple[str, str, int]]:
    """(kind, numbers, line index) of the label lines of a numbered letter (also labels glued to furniture)."""
    out = []
    for i, line in enumerate(lines):
        m = LABEL_LINE.match(line.strip())
        if m and (not m.group("lead") or re.search(r"Aanhangsel ?\d*$", m.group("lead"))):
            out.append((m.group("kind"), m.group("n"), i))
    return out


def letter_cases(path: Path, truth: dict) -> Iterator[Case]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    name = path.name
    base = {r: set() for r in RULES}
    for rule, items in (truth.get("expected") or {}).items():
        base[rule] = {key(t) for t in items}
    care = {r: set() for r in RULES}
    for rule, items in (truth.get("dont-care") or {}).items():
        care[rule] = {key(t) for t in items}
    yield Case(name, "base", text, name, base, {}, care)
    if len(lines) < 5:  # the flattened letter: no line-based variants
        return
    blocks = numbered_blocks(lines)
    answers = [(n, i) for kind, n, i in blocks if kind == "Antwoord"]
    vragen = {n: i for kind, n, i in blocks if kind == "Vraag"}
    skip = set(truth.get("skip-variants") or ())
    for j, (n, i) in enumerate(answers):
        if n in skip or n not in vragen:
            continue
        nxt = next((b for _, _, b in blocks if b > i), len(lines))
        vkey = key(lines[vragen[n]])
        # delete Antwoord N (label and text)
        lead = LABEL_LINE.match(lines[i].strip()).group("lead")
        new = lines[:i] + ([lead] if lead else []) + lines[nxt:]
        exp = {r: set(v) for r, v in base.items()}
        exp["deferred-answer"] = {k for k in exp["deferred-answer"] if k not in {key(x) for x in lines[i:nxt]}}
        exp["unanswered-question"].add(vkey)
        yield Case(f"{name}: delete Antwoord {n}", "numbered-delete", "\n".join(new), name, exp,
                   {"unanswered-question": {vkey}}, care)
        # renumber Antwoord N as the next answer's number (a typo): flagged at that label
        if j + 1 < len(answers) and " en " not in n and " en " not in answers[j + 1][0] and not lead:
            wrong = answers[j + 1][0]
            new = list(lines)
            new[i] = lines[i].replace(f"Antwoord {n}", f"Antwoord {wrong}")
            exp = {r: set(v) for r, v in base.items()}
            exp["unanswered-question"].add(key(new[i]))
            yield Case(f"{name}: Antwoord {n} numbered {wrong}", "numbered-renumber", "\n".join(new), name, exp,
                       {"unanswered-question": {key(new[i])}}, care)
        # drop the label "Antwoord N" (the text stays): an answer without its label
        if not lead and j % 2 == 1:
            first = next((k for k in range(i + 1, nxt) if lines[k].strip()
                          and not re.match(r"^\s*(\d|\[\d|Tweede Kamer|ah-tk|h tk|ISSN|-----|#)", lines[k])), None)
            if first is not None:
                new = lines[:i] + lines[i + 1 :]
                exp = {r: set(v) for r, v in base.items()}
                exp["answer-label"].add(key(lines[first]))
                yield Case(f"{name}: drop the label Antwoord {n}", "numbered-drop-antwoord", "\n".join(new), name, exp,
                           {"answer-label": {key(lines[first])}}, care)
        # drop the label "Vraag N": Antwoord N has no question
        vi = vragen[n]
        if not LABEL_LINE.match(lines[vi].strip()).group("lead") and j % 2 == 0:
            new = lines[:vi] + lines[vi + 1 :]
            exp = {r: set(v) for r, v in base.items()}
            exp["unanswered-question"].add(key(lines[i]))
            yield Case(f"{name}: drop the label Vraag {n}", "numbered-drop-vraag", "\n".join(new), name, exp,
                       {"unanswered-question": {key(lines[i])}}, care)
    # swap two neighbouring answers (label and text): both are out of order
    for j in range(0, len(answers) - 1, 3):
        (n1, i1), (n2, i2) = answers[j], answers[j + 1]
        if n1 in skip or n2 in skip or LABEL_LINE.match(lines[i1].strip()).group("lead") or \
                LABEL_LINE.match(lines[i2].strip()).group("lead"):
            continue
        e1 = next(b for _, _, b in blocks if b > i1)
        e2 = next((b for _, _, b in blocks if b > i2), len(lines))
        v2 = vragen.get(n2)
        if v2 is None or not (e1 == v2 < i2):
            continue
        new = lines[:i1] + lines[i2:e2] + lines[e1:i2] + lines[i1:e1] + lines[e2:]
        exp = {r: set(v) for r, v in base.items()}
        exp["unanswered-question"] |= {key(lines[i1]), key(lines[i2])}
        yield Case(f"{name}: swap Antwoord {n1} and {n2}", "numbered-swap", "\n".join(new), name, exp,
                   {"unanswered-question": {key(lines[i1]), key(lines[i2])}}, care)


# -- numbered letters rewritten in the labelled style: more shared-answer cases from other texts -----------------


def converted_cases(path: Path, truth: dict) -> Iterator[Case]:
    """The letter as a labelled document (questions as paragraphs, "Antwoord: …"), then each answer deleted."""
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks = numbered_blocks(lines)
    if len(blocks) < 4 or truth.get("no-conversion"):
        return
    units = []  # (kind, text)
    for j, (kind, n, i) in enumerate(blocks):
        end = blocks[j + 1][2] if j + 1 < len(blocks) else len(lines)
        body = []
        for line in lines[i + 1 : end]:
            s = line.strip()
            if not s or re.match(r"^(\d+\s?\S|Tweede Kamer|ah-tk|h tk|ISSN|-----|#)", s):
                continue  # footnotes and page furniture
            body.append(s.replace("**", ""))
        text = " ".join(body)
        text = re.sub(r"\[\d+(?:, ?\d+)* ?\]", "", text)
        if re.search(r"Aanhangsel ?\d*$", LABEL_LINE.match(lines[i].strip()).group("lead") or ""):
            pass
        units.append((kind, n, text))
    if not all(t for _, _, t in units):
        return
    head = ["Vragen en opmerkingen van de leden van de CDA-fractie", ""]

    def render(skip_answer: str | None = None) -> tuple[str, dict]:
        out = list(head)
        for kind, n, t in units:
            if kind == "Vraag":
                out += [t, ""]
            elif n != skip_answer:
                out += ["Antwoord: " + t, ""]
        return "\n".join(out), {}

    questions = {n: t for kind, n, t in units if kind == "Vraag"}
    for kind, n, _t in units:
        if kind != "Antwoord" or n not in questions:
            continue
        text, _ = render(n)
        exp = {r: set() for r in RULES}
        exp["unanswered-question"].add(key(questions[n]))
        yield Case(f"{path.name} (labelled): delete the answer to question {n}", "converted-delete", text,
                   path.stem + "-labelled.txt", exp, {"unanswered-question": {key(questions[n])}},
                   {"deferred-answer": {key("Antwoord: " + tt) for k, _, tt in units if k == "Antwoord"}})
    text, _ = render(None)
    yield Case(f"{path.name} (labelled)", "converted-base", text, path.stem + "-labelled.txt",
               {r: set() for r in RULES}, {}, {"deferred-answer": {key("Antwoord: " + tt) for k, _, tt in units if k == "Antwoord"}})


# -- running ----------------------------------------------------------------------------------------------------


def all_cases(shared: Path | None, every: int = 1, draft: bool = True) -> Iterator[Case]:
    if draft:
        yield from draft_cases(Draft(), every)
    if shared is not None and (shared / "corpus" / "letters").is_dir():
        truth = yaml.safe_load(LETTERS_TRUTH.read_text(encoding="utf-8"))
        for name, t in truth["letters"].items():
            path = shared / "corpus" / "letters" / name
            yield from letter_cases(path, t or {})
            yield from converted_cases(path, t or {})


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fps: list = field(default_factory=list)
    fns: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


_PLAN = None


def lint_case(case: Case):
    """Lint a case with the three rules (the default configuration); also return the paragraphs' keys found."""
    global _PLAN
    from letterlint.config import load_config
    from letterlint.readers import read_bytes
    from letterlint.runner import build_plan, lint_document

    if _PLAN is None:
        _PLAN = build_plan(load_config(None, search=False), select=list(RULES))
    doc = read_bytes(case.text.encode("utf-8"), case.filename)
    findings, problems = lint_document(doc, _PLAN)
    assert not problems, problems
    found: dict[str, set[str]] = {r: set() for r in RULES}
    found[POINTED] = set()
    for f in findings:
        par = doc.paragraphs[f.location.paragraph - 1]
        if f.rule == "unanswered-question" and f.severity == "info":
            # a shared answer pointed out to the reviewer: it points at its questions, claims none unanswered
            found[POINTED] |= {key(doc.paragraphs[r.location.paragraph - 1].text) for r in f.related}
            continue
        found[f.rule].add(key(par.text))
        if f.rule == "unanswered-question":
            found[POINTED].add(key(par.text))
    case.doc = doc
    return found, findings


def _shared_keys(case: Case) -> set[str]:
    from letterlint.structure import structure

    doc = case.doc
    return {key(q.first.text) for a in structure(doc).answers if len(a.questions) > 1 for q in a.questions}


def evaluate(shared: Path | None, every: int = 1, verbose: bool = False, draft: bool = True) -> dict:
    """Tallies per (rule, group): group "documents" counts every finding on the unchanged documents;
    "variants" counts only what a variant introduced (found or missed) and any finding it did not expect."""
    tallies: dict[tuple[str, str], Tally] = {}
    counts: dict[str, int] = {}
    for case in all_cases(shared, every, draft):
        counts[case.kind] = counts.get(case.kind, 0) + 1
        found, _ = lint_case(case)
        group = "documents" if case.kind in ("base",) else "variants"
        for rule, grp in [(r, g) for r in RULES + (POINTED,) for g in (group, "kind:" + case.kind)]:
            if grp.startswith("kind:") and (group == "documents" or not any(case.introduced.values())
                                            and case.kind not in ("merge", "converted-base")):
                continue
            t = tallies.setdefault((rule, grp), Tally())
            group_ = group
            src_rule = "unanswered-question" if rule == POINTED else rule
            exp, got, care = case.expected[src_rule], found[rule], case.dont_care.get(src_rule, set())
            if rule == POINTED:  # pointing at a question of a shared answer is not a false claim
                care = care | _shared_keys(case)
            if group_ == "documents":
                t.tp += len(exp & got)
                t.fn += len(exp - got)
                t.fns += [(case.name, k) for k in exp - got]
            else:
                intro = case.introduced.get(src_rule, set())
                t.tp += len(intro & got)
                t.fn += len(intro - got)
                t.fns += [(case.name, k) for k in intro - got]
            fps = got - exp - care
            t.fp += len(fps)
            t.fps += [(case.name, k) for k in fps]
    if verbose:
        for (rule, group), t in sorted(tallies.items()):
            for name, k in t.fps:
                print(f"FP {rule:20} {group:9} {name}: {k}")
            for name, k in t.fns:
                print(f"FN {rule:20} {group:9} {name}: {k}")
    return {"tallies": tallies, "counts": counts}


def table(result: dict, kinds: bool = False) -> str:
    rows = ["| rule | set | true | false | missed | precision | recall |", "|---|---|---|---|---|---|---|"]
    for (rule, group), t in sorted(result["tallies"].items()):
        if group.startswith("kind:") != kinds:
            continue
        if kinds and t.tp + t.fp + t.fn == 0 and not (group in ("kind:merge", "kind:converted-base")
                                                     and rule in ("unanswered-question", "answer-label")):
            continue
        name = f"{group[5:]} ({result['counts'].get(group[5:], 0)})" if kinds else group
        rows.append(f"| {rule} | {name} | {t.tp} | {t.fp} | {t.fn} | {t.precision:.2f} | {t.recall:.2f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    shared = ROOT.parent / "shared"
    if "--shared" in sys.argv:
        shared = Path(sys.argv[sys.argv.index("--shared") + 1])
    every = int(sys.argv[sys.argv.index("--every") + 1]) if "--every" in sys.argv else 1
    result = evaluate(shared if shared.is_dir() else None, every, verbose="-v" in sys.argv,
                      draft="--letters-only" not in sys.argv)
    print(result["counts"])
    print(table(result))
    print()
    print(table(result, kinds=True))

"""The engine's own work around the rules, as behaviour: constant work per finding, the big similarity
index dropped once its readers ran (and built once), memory bounded by the text, and the JSON report the
standard library would write, byte for byte."""

from __future__ import annotations

import dataclasses
import io
import json
import random
import tracemalloc

import pytest

from letterlint import analyses, similarity
from letterlint.config import load_config
from letterlint.findings import Finding, Fix, Msg, evolve
from letterlint.model import Location
from letterlint.readers import read_bytes
from letterlint.registry import rule_from_module
from tracing import line_events
from letterlint.reporters import json as json_report
from letterlint.runner import ActiveRule, FileResult, build_plan, lint_document

WORDS = ("gemeente provincie vergunning stikstof uitstoot bedrijf omwonenden meting rapport minister beleid "
         "regeling onderzoek gezondheid lucht water bodem maatregel plan toezicht handhaving cijfers gegevens "
         "advies reactie afspraak overleg industrie haven").split()


def letter(questions: int, seed: int = 3, one_paragraph: bool = False) -> str:
    """A numbered question-and-answer letter of made-up sentences (no two words alike in a row)."""
    rnd = random.Random(seed)

    def sentence(n: int) -> str:
        words = rnd.sample(WORDS, n)
        return " ".join(words).capitalize() + "."

    lines = ["Geachte voorzitter,", ""]
    for i in range(1, questions + 1):
        lines += [f"Vraag {i}", sentence(12)[:-1] + "?", f"Antwoord {i}",
                  " ".join(sentence(rnd.randint(6, 14)) for _ in range(4)), ""]
    return " ".join(x for x in lines if x) if one_paragraph else "\n".join(lines)


@pytest.fixture(scope="module")
def plan():
    return build_plan(load_config(None, search=False))


def doc_of(text: str):
    return read_bytes(text.encode("utf-8"), "brief.txt", "text")


# -- per-finding work -------------------------------------------------------------------------------------


def engine_lines(plan, n: int) -> int:
    """Lines of letterlint's code that lint_document runs for n findings of one rule (the rule's own work
    done beforehand: its check hands over a ready list)."""
    doc = doc_of("\n".join(f"Alinea {i} met wat tekst erin." for i in range(n)))
    made = [Finding(doc.locate(p, 0, 6), Msg("m", "m"), fix=Fix.text_edit(p, 0, 6, "Tekst")) for p in doc.paragraphs]
    active = next(a for a in plan.rules if a.rule.id == "doubled-word")
    # the rule as its module defines it (a plan's rule may be the registry's index entry, not a dataclass copy)
    rule = dataclasses.replace(rule_from_module(active.rule.module, "builtin"), check=lambda d, c: iter(made))
    one = dataclasses.replace(plan, rules=[ActiveRule(rule, active.ctx)])
    out: list = []
    count = line_events(lambda: out.extend(lint_document(doc, one)[0]), lambda code: "/letterlint/" in code.co_filename)
    assert len(out) == n and all(f.rule == "doubled-word" and f.fix.raw_end for f in out)
    return count


def test_the_engine_does_a_constant_small_amount_of_work_per_finding(plan):
    small, big = engine_lines(plan, 200), engine_lines(plan, 400)
    assert big <= 2.1 * small  # linear in the findings
    # lines per finding (about 95 today): rule id, severity, the fix mapped to the file, context, cap, sort, dedupe
    assert (big - small) / 200 <= 110


def test_evolve_is_dataclasses_replace():
    loc = Location(paragraph=3, heading="Kop", text="abc", line=3, column=4, end_line=3, end_column=6)
    f = Finding(loc, Msg("a", "b"), suggestion="c")
    for obj, changes in ((f, dict(rule="x", severity="error", fix=None)), (f, dict(context="ctx")),
                         (loc, dict(section="s", shown=2, cell=(1, 2, 3), quote="q")), (loc, {})):
        assert evolve(obj, **changes) == dataclasses.replace(obj, **changes)
    with pytest.raises(KeyError):
        evolve(f, nonsense=1)


# -- the similarity index: built once, dropped after its readers -------------------------------------------


def test_similarity_is_built_once_and_dropped_after_its_readers(plan, monkeypatch):
    built = []
    original = similarity.build_index
    monkeypatch.setattr(similarity, "build_index", lambda doc, settings: built.append(1) or original(doc, settings))
    doc = doc_of(letter(30))
    findings, problems = lint_document(doc, plan)
    assert not problems and built == [1]  # every rule that asks for it says so (NEEDS)
    shared = analyses.of(doc)
    assert not [k for k in shared._keyed if k[0] == "similarity"]
    assert findings == lint_document(doc, dataclasses.replace(plan, across=True))[0]  # the same, kept or not
    assert [k for k in shared._keyed if k[0] == "similarity"]  # --across-files: collect() reads it afterwards


def test_the_readers_of_a_releasable_analysis_run_first(plan):
    """The similarity index is built before any other rule made its data, so that the memory it frees is
    taken up again by theirs (built in the middle, it added to the peak what they held then)."""
    ran: list[str] = []
    rules = [ActiveRule(dataclasses.replace(rule_from_module(a.rule.module, "builtin"),
                                            check=lambda d, c, rid=a.rule.id, check=a.rule.check: ran.append(rid) or check(d, c)),
                        a.ctx) for a in plan.rules if a.rule.module is not None]
    findings, problems = lint_document(doc_of(letter(10)), dataclasses.replace(plan, rules=rules))
    readers = {a.rule.id for a in plan.rules if "similarity" in a.rule.needs}
    assert not problems and len(readers) >= 2 and len(ran) > len(readers)
    assert set(ran[:len(readers)]) == readers
    assert findings == lint_document(doc_of(letter(10)), plan)[0]


def test_release_drops_every_variant_and_a_later_request_builds_it_again():
    doc = doc_of(letter(5))
    shared = analyses.of(doc)
    first = shared.similarity({})
    _ = shared.words
    shared.release("similarity")
    shared.release("words")
    assert "words" not in shared.__dict__
    assert shared.similarity({}) is not first


def test_rules_order_does_not_change_the_findings(plan):
    doc = doc_of(letter(40))
    findings, _ = lint_document(doc, plan)
    reordered = dataclasses.replace(plan, rules=list(reversed(plan.rules)))
    assert lint_document(doc_of(letter(40)), reordered)[0] == findings


# -- memory -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("one_paragraph", [False, True])
def test_peak_memory_of_reading_and_linting_is_bounded_by_the_text(plan, one_paragraph):
    lint_document(doc_of(letter(3)), plan)  # patterns compiled, word lists loaded: not the text's memory
    data = letter(300, one_paragraph=one_paragraph).encode("utf-8")
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        doc = read_bytes(data, "brief.txt", "text")
        lint_document(doc, plan)
        del doc
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert peak <= 45 * len(data), f"{peak / len(data):.0f}× the text"


# -- the JSON report ---------------------------------------------------------------------------------------


def random_value(rnd: random.Random, depth: int = 0):
    if depth > 4 or rnd.random() < 0.5:
        return rnd.choice([None, True, False, 0, -5, 2**70, 1.5, float("inf"), 1e-9, "", "a\"b\\\n\té😀\x00",
                           Msg("nl", "en").nl, "gewoon"])
    if rnd.random() < 0.5:
        return [random_value(rnd, depth + 1) for _ in range(rnd.randint(0, 4))]
    return {rnd.choice(["k", "é", '"', "x y", 1, 2.5, True, None]): random_value(rnd, depth + 1)
            for _ in range(rnd.randint(0, 4))}


def test_the_json_writer_writes_what_json_dump_writes():
    rnd = random.Random(5)
    for _ in range(3000):
        value = random_value(rnd)
        assert json_report.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        json_report.dumps({"x": object()})


def test_the_json_report_is_json_dump_of_the_results(plan):
    doc = doc_of(letter(8))
    findings, _ = lint_document(doc, plan)
    results = [FileResult(path="a.txt", findings=findings), FileResult(path="b.txt", error=Msg("weg", "gone")),
               FileResult(path="c.txt")]
    for subset in ([], results[:1], results):
        out = io.StringIO()
        json_report.report(subset, out, lang="en")
        data = json.loads(out.getvalue())
        assert out.getvalue() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        assert [f["path"] for f in data["files"]] == [r.path for r in subset]
        assert data["summary"]["findings"] == sum(len(r.findings) for r in subset)


# -- garbage collection --------------------------------------------------------------------------------------


def test_a_lint_run_collects_garbage_less_often(tmp_path, capsys):
    import gc

    from letterlint.cli import main

    before = gc.get_threshold()
    (tmp_path / "brief.txt").write_text(letter(2), encoding="utf-8")
    try:
        main(["--format", "json", str(tmp_path / "brief.txt")])
        assert gc.get_threshold()[0] >= 10 * 700  # a young collection per 10,000 allocations, not per 700
    finally:
        gc.set_threshold(*before)
    assert json.loads(capsys.readouterr().out)["summary"]["files"] == 1


def test_the_rules_that_read_the_similarity_index_say_so():
    import inspect

    from letterlint.registry import builtin_rules

    for rule in builtin_rules().values():
        source = inspect.getsource(rule.module)
        reads = "letterlint.similarity" in source or ".similarity(" in source
        assert ("similarity" in rule.needs) == reads, rule.id  # the index entry carries NEEDS too
        assert rule.needs == frozenset(getattr(rule.module, "NEEDS", ())), rule.id

"""Precision and recall of the question–answer rules on the test set of tests/qa_eval.py (see docs/quality.md).

The normal run lints a sample (every 6th variant of each kind made from the draft, all variants of the
letters); LETTERLINT_QA_FULL=1 lints the full set, as docs/quality.md reports it.  The figures asserted are the ones
measured when the rules were written: a regression fails, an improvement passes (then update docs/quality.md).
"""

from __future__ import annotations

import os

import pytest
import qa_eval
from conftest import SHARED, needs_shared

FULL = os.environ.get("LETTERLINT_QA_FULL") == "1"
EVERY = 1 if FULL else 6

# (rule, set) → (precision at least, recall at least, false findings at most)
DRAFT_ONLY = {
    ("answer-label", "documents"): (1.0, 1.0, 0),
    ("answer-label", "variants"): (1.0, 1.0, 0),
    ("deferred-answer", "documents"): (1.0, 1.0, 0),
    ("deferred-answer", "variants"): (1.0, 1.0, 0),
    ("unanswered-question", "documents"): (1.0, 0.40, 0),
    ("unanswered-question", "variants"): (1.0, 0.40, 0) if not FULL else (0.96, 0.44, 2),
    (qa_eval.POINTED, "documents"): (1.0, 1.0, 0),
    (qa_eval.POINTED, "variants"): (1.0, 0.95, 0) if not FULL else (1.0, 0.87, 0),
}
LETTERS = {  # the published letters and their variants (the same at every sampling: all are used)
    ("answer-label", "documents"): (1.0, 1.0, 0),
    ("answer-label", "variants"): (1.0, 1.0, 0),
    ("deferred-answer", "documents"): (1.0, 1.0, 0),
    ("deferred-answer", "variants"): (1.0, 1.0, 0),
    ("unanswered-question", "documents"): (1.0, 1.0, 0),
    ("unanswered-question", "variants"): (0.98, 0.85, 2),
    (qa_eval.POINTED, "documents"): (1.0, 1.0, 0),
    (qa_eval.POINTED, "variants"): (1.0, 0.96, 0),
    ("unanswered-question", "kind:numbered-delete"): (1.0, 1.0, 0),
    ("unanswered-question", "kind:numbered-drop-vraag"): (1.0, 1.0, 0),
    ("unanswered-question", "kind:numbered-renumber"): (1.0, 1.0, 0),
    ("unanswered-question", "kind:numbered-swap"): (1.0, 1.0, 0),
    ("answer-label", "kind:numbered-drop-antwoord"): (1.0, 1.0, 0),
    ("unanswered-question", "kind:converted-delete"): (0.87, 0.33, 2),
    (qa_eval.POINTED, "kind:converted-delete"): (1.0, 0.83, 0),
}


def check(result, floors):
    problems = []
    for (rule, group), (precision, recall, false) in floors.items():
        t = result["tallies"][(rule, group)]
        if t.precision < precision or t.recall < recall or t.fp > false:
            problems.append(f"{rule} / {group}: precision {t.precision:.2f} (≥ {precision}), recall {t.recall:.2f} "
                            f"(≥ {recall}), false {t.fp} (≤ {false}); false: {t.fps[:5]}; missed: {t.fns[:5]}")
    assert not problems, "\n".join(problems)


def test_quality_on_the_draft_and_its_variants():
    result = qa_eval.evaluate(None, EVERY)
    assert result["counts"]["base"] == 1 and result["counts"]["delete-answer"] >= 20
    check(result, DRAFT_ONLY)


@needs_shared
def test_quality_on_the_published_letters_and_their_variants():
    result = qa_eval.evaluate(SHARED, EVERY, draft=False)
    assert result["counts"]["base"] == 6 and result["counts"]["numbered-delete"] == 49
    check(result, LETTERS)


def test_the_ground_truth_is_in_step_with_the_draft():
    draft = qa_eval.Draft()  # asserts that every question's line still starts with the text written down
    assert len(draft.truth["questions"]) == 140
    unanswered = [q["line"] for q in draft.truth["questions"] if q["answered"] in (False, "no")]
    assert unanswered == [315, 365, 399, 766, 770]


@pytest.mark.parametrize("every", [6])
def test_every_kind_of_variant_is_made(every):
    kinds = {c.kind for c in qa_eval.draft_cases(qa_eval.Draft(), every)}
    assert kinds == {"base", "delete-answer", "drop-label", "misspell-label", "merge", "join-break"}

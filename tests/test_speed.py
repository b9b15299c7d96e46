"""Speed as behaviour: linear work on crafted inputs, bounded findings, the --cache contract.

Linear means: doubling the input at most about doubles the work.  Work is counted as Python line events
(sys.settrace) in letterlint's own code, which is deterministic, unlike a clock on a shared machine; the
inputs are the shapes that were quadratic (many blank lines, unclosed note bodies, a paragraph of
references, of links and brackets, of ordinary text).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import regex
from conftest import EXAMPLE

from letterlint import cache as cache_mod
from letterlint.addresses import address_spans
from letterlint.caps import CAP, capped
from letterlint.cli import main
from letterlint.config import load_config
from letterlint.readers import read_bytes
from letterlint.runner import build_plan, lint_document
from tracing import line_events

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def plan():
    return build_plan(load_config(None, search=False))


def growth(make, fmt: str, plan, n: int, rules: tuple[str, ...] | None = None) -> float:
    """Work for input make(2n) over work for make(n): reading and linting (all rules, or `rules`)."""
    def work(size):
        def go():
            doc = read_bytes(make(size).encode("utf-8"), f"x.{fmt}", {"txt": "text", "md": "markdown"}[fmt])
            if rules is not None:
                for active in plan.rules:
                    if active.rule.id in rules:
                        list(active.rule.check(doc, active.ctx))
            else:
                lint_document(doc, plan)
        return line_events(go)

    work(2 * n)  # warm: compile patterns, fill the caches of words seen (for both sizes: make(2n) holds make(n))
    return work(2 * n) / work(n)


def test_many_blank_lines_read_in_linear_time(plan):
    assert growth(lambda n: "Tekst.\n" + "\n" * n + "Einde.\n", "txt", plan, 1500, rules=()) < 2.3


def test_many_unclosed_note_bodies_read_in_linear_time(plan):
    assert growth(lambda n: "".join(f"Zin {i} [{i}: zonder eind\n" for i in range(n)), "txt", plan, 300,
                  rules=()) < 2.3


def test_a_paragraph_of_undefined_footnote_references_is_linear(plan):
    make = lambda n: "Tekst.\n\n" + "".join(f"[^n{i}] " for i in range(n))  # noqa: E731
    assert growth(make, "md", plan, 300, rules=("footnote-spacing", "dangling-footnote")) < 2.3


def test_a_paragraph_of_links_and_brackets_is_linear(plan):
    make = lambda n: "Tekst.\n\n" + "".join(f"[link{i}]: https://example.org/p/{i} (zie) «x» " for i in range(n))  # noqa: E731
    assert growth(make, "md", plan, 200, rules=("punctuation", "typo", "term-consistency")) < 2.3


def test_a_long_paragraph_of_text_is_linear(plan):
    draft = (ROOT / "examples" / "schriftelijk-overleg-actieagenda-industrie-en-omwonenden.txt").read_text(encoding="utf-8")
    words = " ".join(draft.split())[:6000]
    assert growth(lambda n: " ".join([words] * n), "txt", plan, 2) < 2.3


# -- capped findings -----------------------------------------------------------------------------------------


def test_findings_of_one_rule_in_one_paragraph_are_capped_and_summarised(plan):
    doc = read_bytes(("Tekst" + "(" * 3000 + "\nEen gewone zin.\n").encode(), "x.txt", "text")
    findings, _ = lint_document(doc, plan)
    mine = [f for f in findings if f.rule == "punctuation" and f.location.paragraph == 1]
    assert len(mine) == CAP + 1
    summary = [f for f in mine if "en nog" in f.message.nl]
    assert len(summary) == 1 and summary[0].fix is None
    hidden = int(regex.search(r"en nog ([\d.]+) keer", summary[0].message.nl).group(1).replace(".", ""))
    assert hidden > 1000 and f"and {hidden:,} more" in summary[0].message.en


def test_the_cap_counts_per_paragraph():
    from letterlint.findings import Finding
    from letterlint.model import Location

    def f(par, i):
        return Finding(location=Location(paragraph=par, heading=None, text="x", raw_start=i), message="m")

    out = list(capped([f(1, i) for i in range(5)] + [f(2, i) for i in range(3)], cap=3))
    assert [x.location.paragraph for x in out] == [1, 1, 1, 2, 2, 2, 1]
    assert "en nog 2 keer" in out[-1].message.nl


# -- shared address spans ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "zie https://www.rijksoverheid.nl/a_(b) en info@ggd.nl, of rivm.nl/x.", "geen adres hier",
    "mail naam.achternaam@minienw.nl of www.example.org", "pad a.b/c en a/b", "x@y", "http:// leeg",
])
def test_address_spans_are_those_of_the_one_pattern(text):
    one = regex.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)+/\S*")
    assert address_spans(text) == [m.span() for m in one.finditer(text)]


# -- --cache ---------------------------------------------------------------------------------------------------


def _run(capsys, *args) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


@pytest.fixture
def letter(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("Het RVIM adviseert de staatsecretaris.\nDit is een zin ,met een komma.\n", encoding="utf-8")
    return path


def test_cache_gives_the_same_output_and_is_used(tmp_path, letter, capsys):
    store = tmp_path / "store"
    plain = _run(capsys, "--isolated", "--format", "json", str(letter))
    first = _run(capsys, "--isolated", "--cache", "--cache-dir", str(store), "--format", "json", str(letter))
    entries = list(store.rglob("*.json"))
    assert len(entries) == 1
    second = _run(capsys, "--isolated", "--cache", "--cache-dir", str(store), "--format", "json", str(letter))
    assert plain == first == second
    for fmt in ("sarif", "text"):
        assert _run(capsys, "--isolated", "--format", fmt, str(letter)) == \
            _run(capsys, "--isolated", "--cache", "--cache-dir", str(store), "--format", fmt, str(letter))


def test_cache_entry_is_what_is_shown(tmp_path, letter, capsys):
    """Proof that a hit is used: an entry edited by hand (with its own key) is what is reported."""
    store = tmp_path / "store"
    _run(capsys, "--isolated", "--cache", "--cache-dir", str(store), "--format", "json", str(letter))
    entry = next(store.rglob("*.json"))
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"] = data["findings"][:1]
    entry.write_text(json.dumps(data), encoding="utf-8")
    _, out = _run(capsys, "--isolated", "--cache", "--cache-dir", str(store), "--format", "json", str(letter))
    assert len(json.loads(out)["files"][0]["findings"]) == 1


def test_cache_misses_on_changed_content_config_and_version(tmp_path, letter, capsys, monkeypatch):
    store = tmp_path / "store"
    args = ["--cache", "--cache-dir", str(store), "--format", "json", str(letter)]
    _run(capsys, "--isolated", *args)
    assert len(list(store.rglob("*.json"))) == 1
    _run(capsys, "--isolated", "--ignore", "typo", *args)  # another effective configuration
    assert len(list(store.rglob("*.json"))) == 2
    config = tmp_path / "rules.yaml"
    config.write_text("rules:\n  typo:\n    severity: error\n", encoding="utf-8")
    _, out = _run(capsys, "--config", str(config), *args)
    assert len(list(store.rglob("*.json"))) == 3
    assert any(f["severity"] == "error" for f in json.loads(out)["files"][0]["findings"] if f["rule"] == "typo")
    monkeypatch.setattr(cache_mod, "__version__", "99.0")  # an upgrade
    _run(capsys, "--isolated", *args)
    assert len(list(store.rglob("*.json"))) == 4
    letter.write_text(letter.read_text(encoding="utf-8") + "Nog een zin.\n", encoding="utf-8")
    _run(capsys, "--isolated", *args)
    assert len(list(store.rglob("*.json"))) == 5


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"key": "other"}', b"\xff\xfe\x00", b'{"key": 1, "findings": 3}'])
def test_a_corrupt_cache_entry_is_ignored_and_rebuilt(tmp_path, letter, capsys, damage):
    store = tmp_path / "store"
    args = ["--isolated", "--cache", "--cache-dir", str(store), "--format", "json", str(letter)]
    good = _run(capsys, *args)
    entry = next(store.rglob("*.json"))
    entry.write_bytes(damage)
    assert _run(capsys, *args) == good
    assert json.loads(entry.read_text(encoding="utf-8"))["findings"]  # rewritten


def test_no_cache_without_the_option(tmp_path, letter, capsys, monkeypatch):
    monkeypatch.setenv("LETTERLINT_CACHE_DIR", str(tmp_path / "store"))
    _run(capsys, "--isolated", str(letter))
    assert not (tmp_path / "store").exists()
    _run(capsys, "--isolated", "--cache", str(letter))  # the environment names the default folder
    assert list((tmp_path / "store").rglob("*.json"))


def test_a_cache_entry_is_written_as_asdict_would_make_it_without_its_deep_copies(tmp_path, monkeypatch):
    """The findings of a letter (with fixes, related places, .docx-free locations) kept exactly as
    dataclasses.asdict made them, but without calling it: its deep copy of every value was most of the cost."""
    import dataclasses

    from letterlint import runner
    from letterlint.config import load_config

    plan = runner.build_plan(load_config(None, search=False))
    result = runner.lint_file(str(EXAMPLE), plan)
    assert any(f.fix for f in result.findings) and any(f.related for f in result.findings)
    expected = json.dumps([dataclasses.asdict(f) for f in result.findings], ensure_ascii=False)

    def refused(*args, **kwargs):
        raise AssertionError("dataclasses.asdict called")

    monkeypatch.setattr(dataclasses, "asdict", refused)
    assert json.dumps([cache_mod.plain(f) for f in result.findings], ensure_ascii=False) == expected
    store = cache_mod.Cache(tmp_path, plan)
    store.put(str(EXAMPLE), result)
    assert store.get(str(EXAMPLE)).findings == result.findings


def test_the_code_fingerprint_covers_the_package_and_its_rules_only(tmp_path, monkeypatch):
    """From a checkout the package's path holds the checkout's top folder too: its virtual environment and
    outputs are no part of letterlint's code (walking them cost a tenth of a second and more per --cache run)."""
    import importlib

    import letterlint

    seen = []
    real_walk = os.walk

    def walk(top, *args, **kwargs):
        seen.append(os.path.abspath(top))
        return real_walk(top, *args, **kwargs)

    monkeypatch.setattr(os, "walk", walk)
    before = cache_mod.code_fingerprint()
    package = os.path.dirname(os.path.abspath(letterlint.__file__))
    rules = [os.path.abspath(p) for p in importlib.import_module("letterlint.lint_rules").__path__]
    assert sorted(seen) == sorted([package, *rules])
    assert cache_mod.code_fingerprint() == before  # stable


def test_cache_entries_unused_for_a_month_are_removed_and_nothing_else(tmp_path, letter, capsys):
    """Every edit of a letter makes a new entry: a run that writes one removes those no run used for
    MAX_AGE, and a killed run's temporary files; a hit marks its entry used; others' files stay."""
    import time

    store = tmp_path / "store"
    args = ["--isolated", "--cache", "--cache-dir", str(store), "--format", "json", str(letter)]
    _run(capsys, *args)
    used = next(store.rglob("*.json"))
    month = time.time() - cache_mod.MAX_AGE - 60
    old_entry = used.parent / ("a" * 64 + ".json")
    old_tmp = used.parent / ("b" * 64 + ".123.tmp")
    theirs = [store / "vocabulary-nl-3-1-1-little.bin", used.parent / "notes.json", store / "ab" / ("c" * 64 + ".txt")]
    (store / "ab").mkdir()
    for path in (old_entry, old_tmp, *theirs):
        path.write_text("{}", encoding="utf-8")
        os.utime(path, (month, month))
    os.utime(used, (month, month))
    _run(capsys, *args)  # a hit: marks the entry used, writes nothing, removes nothing
    assert old_entry.exists() and used.stat().st_mtime > month + 3600
    letter.write_text(letter.read_text(encoding="utf-8") + "Nog een zin.\n", encoding="utf-8")
    _run(capsys, *args)  # a new entry: the run prunes
    assert not old_entry.exists() and not old_tmp.exists()
    assert used.exists() and all(path.exists() for path in theirs)
    assert len(list(store.rglob("*.json"))) == 3  # the two entries of the letter, and notes.json

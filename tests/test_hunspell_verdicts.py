"""Hunspell's verdicts are remembered: in the plan for a run, in the user cache between runs (issue 13).

A fake hunspell command (a small script) stands in for the real one: it knows the words of its .dic file and
logs every start, so the tests count processes, not milliseconds."""

import json
import multiprocessing
import os
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from letterlint import hunspell, runner, slips, vocabulary
from letterlint.config import load_config
from letterlint.hunspell import Hunspell, Verdicts
from letterlint.readers import read_bytes

REAL_CACHE = Path()  # the user's cache folder, with the vocabulary index (set by the fixture)
FAKE = """#!{python}
import os, sys
args = sys.argv[1:]
base = args[args.index("-d") + 1]
words = sys.stdin.read().split("\\n")
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "calls.log"), "a", encoding="utf-8") as log:
    log.write(" ".join(w for w in words if w) + "\\n")
known = set(open(base + ".dic", encoding="utf-8").read().split())
if "-L" in args:
    sys.stdout.write("".join(w + "\\n" for w in words if w and w not in known))
"""


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """A fake hunspell on PATH, a fake nl_NL dictionary in DICPATH and an empty cache folder."""
    for lang in ("nl", "en"):
        vocabulary.load(lang)  # the real vocabulary, loaded from the real cache before the cache moves
    monkeypatch.setattr(sys.modules[__name__], "REAL_CACHE", vocabulary.cache_dir())
    bin_dir, dic_dir = tmp_path / "bin", tmp_path / "dict"
    bin_dir.mkdir()
    dic_dir.mkdir()
    exe = bin_dir / "hunspell"
    exe.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    exe.chmod(0o755)
    (dic_dir / "nl_NL.aff").write_text("SET UTF-8\n", encoding="utf-8")
    (dic_dir / "nl_NL.dic").write_text("1\nkabinrt\n", encoding="utf-8")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DICPATH", str(dic_dir))
    monkeypatch.setenv("LETTERLINT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path))  # no personal word list of the user's
    return exe


def calls(exe: Path) -> list[str]:
    log = exe.parent / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def checker(exe: Path) -> Hunspell:
    return Hunspell(str(exe), hunspell.find_dictionary("nl_NL"))


def test_each_word_is_asked_once_per_run_and_once_across_runs(fake):
    h = checker(fake)
    assert h.unknown(["bedoleing", "kabinrt"]) == {"bedoleing"}
    assert h.unknown(["kabinrt", "bedoleing"]) == {"bedoleing"}
    assert h.unknown(["bedoleing", "vergunnig", "kabinrt"]) == {"bedoleing", "vergunnig"}
    assert calls(fake) == ["bedoleing kabinrt", "vergunnig"]  # one process per batch of new words
    again = checker(fake)  # the next run: the verdicts come from the cache folder
    assert again.unknown(["vergunnig", "kabinrt", "bedoleing"]) == {"bedoleing", "vergunnig"}
    assert again.started == 0 and len(calls(fake)) == 2


def test_a_changed_dictionary_is_asked_again(fake):
    assert checker(fake).unknown(["bedoleing", "kabinrt"]) == {"bedoleing"}
    dic = Path(hunspell.find_dictionary("nl_NL") + ".dic")
    dic.write_text("2\nkabinrt\nbedoleing\n", encoding="utf-8")
    assert checker(fake).unknown(["bedoleing", "kabinrt"]) == set()
    assert len(calls(fake)) == 2


def test_a_damaged_cache_file_is_ignored_and_written_anew(fake):
    first = checker(fake)
    assert first.unknown(["bedoleing", "kabinrt"]) == {"bedoleing"}
    path = first.verdicts.path()
    for damage in ("{not json", '{"format": 1, "identity": [], "words": []}', '["a list"]',
                   json.dumps({"format": hunspell.FORMAT, "identity": first.verdicts.identity, "words": {"x": 7}})):
        path.write_text(damage, encoding="utf-8")
        h = checker(fake)
        assert h.unknown(["bedoleing", "kabinrt"]) == {"bedoleing"} and h.started == 1
        assert json.loads(path.read_text(encoding="utf-8"))["words"] == {"bedoleing": 0, "kabinrt": 1}


def test_the_file_keeps_the_newest_words_only(fake, monkeypatch):
    monkeypatch.setattr(hunspell, "LIMIT", 3)
    h = checker(fake)
    for word in ("aaaa", "bbbb", "cccc", "dddd", "kabinrt"):
        h.unknown([word])
    assert list(json.loads(h.verdicts.path().read_text(encoding="utf-8"))["words"]) == ["cccc", "dddd", "kabinrt"]


def _save_words(base: str, words: list[str]) -> None:
    v = Verdicts("test", base, [])
    for word in words:
        v.unknown([word], lambda asked: set(asked))


def test_parallel_runs_merge_their_verdicts(fake, tmp_path):
    words = [[f"w{i}x{k}" for k in range(25)] for i in range(2)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    workers = [context.Process(target=_save_words, args=(str(tmp_path / "d"), w)) for w in words]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    v = Verdicts("test", str(tmp_path / "d"), [])
    assert v.unknown(words[0] + words[1], lambda asked: pytest.fail(f"asked again: {asked}")) == {
        *words[0], *words[1]}


LETTER = ("Het kabinrt heeft niet de bedoleing om de uitvoeringsorgnisaties te belasten.\n\n"
          "De gemeente heeft de vergunnig verleend.\n")


def _lint_letters(texts: list[str]) -> list[list[tuple]]:
    """The findings of one run (one plan) over the letters."""
    plan = runner.build_plan(load_config(None, search=False), select=["misspelling"])
    out = []
    for text in texts:
        findings, _ = runner.lint_document(read_bytes(text.encode("utf-8"), "brief.txt"), plan)
        out.append([(f.location.line, f.location.text, str(f.suggestion)) for f in findings])
    return out


def test_a_run_of_letters_starts_hunspell_once_and_a_second_run_not_at_all(fake):
    variants = [LETTER, LETTER.replace("gemeente", "provincie"), LETTER + "\nDe kabinrt besluit.\n"]
    first = _lint_letters(variants)
    assert len(calls(fake)) == 1  # the later letters bring no word Hunspell was not asked about
    assert [t for _, t, _ in first[0]] == ["bedoleing", "uitvoeringsorgnisaties", "vergunnig"]  # kabinrt: known
    assert _lint_letters(variants) == first and len(calls(fake)) == 1
    for path in Path(os.environ["LETTERLINT_CACHE"]).glob("verdicts-*.json"):
        path.write_text("damaged", encoding="utf-8")
    assert _lint_letters(variants) == first and len(calls(fake)) == 2


def test_the_letterlint_command_reuses_the_verdicts(fake, tmp_path):
    cache = Path(os.environ["LETTERLINT_CACHE"])
    cache.mkdir()
    if vocabulary.source_path() is None:
        pytest.skip("pyspellchecker is not installed")
    for lang in ("nl", "en"):  # the vocabulary index of the real cache (building it anew takes seconds)
        for index in REAL_CACHE.glob(f"vocabulary-{lang}-*.bin"):
            (cache / index.name).symlink_to(index)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(LETTER, encoding="utf-8")
    b.write_text(LETTER.replace("gemeente", "provincie"), encoding="utf-8")
    env = {k: os.environ[k] for k in ("PATH", "DICPATH", "LETTERLINT_CACHE", "HOME")}
    out1 = run_cli("--select", "misspelling", "--format", "json", a, b, env=env).stdout
    assert len(calls(fake)) == 1
    out2 = run_cli("--select", "misspelling", "--format", "json", a, b, env=env).stdout
    assert len(calls(fake)) == 1 and out1 == out2 and b"vergunnig" in out1

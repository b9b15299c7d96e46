"""The garbage collector's settings live in one module (letterlint.collecting), and it hands the collector back."""

import gc
import re
from pathlib import Path

import letterlint
from letterlint import collecting, lint_rules

SETTINGS = re.compile(r"\bgc\.(disable|enable|freeze|unfreeze|set_threshold|collect)\(")


def test_no_other_module_changes_the_collector():
    package = Path(letterlint.__file__).parent
    others = [p for p in package.rglob("*.py") if p.name != "collecting.py"]
    others += list(Path(lint_rules.__file__).parent.rglob("*.py"))
    assert [str(p) for p in others if SETTINGS.search(p.read_text(encoding="utf-8"))] == []


def test_start_up_pause_freezes_what_it_made_and_restore_gives_back_the_collector():
    for on in (True, False):
        (gc.enable if on else gc.disable)()
        try:
            was_on = collecting.pause_for_start_up()
            assert was_on is on and not gc.isenabled()
            made = [[] for _ in range(100)]  # objects of the start-up
            collecting.resume_after_start_up()
            assert gc.isenabled() is on and (gc.get_freeze_count() >= len(made) if on else True)
            collecting.restore(was_on)
            assert gc.isenabled() is on and gc.get_freeze_count() == 0
        finally:
            gc.unfreeze()
            gc.enable()


def test_one_file_collects_once_after_the_file_and_freezes_what_it_left():
    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    threshold = gc.get_threshold()
    gc.set_threshold(10, 1, 1)  # a collection every few allocations, were they allowed
    try:
        with collecting.one_file():
            collections.clear()  # (one may have come on the way in, before the collector was off)
            cycles = []
            for _ in range(1000):
                a: list = []
                a.append(a)
                cycles.append(a)
            assert collections == []
            del cycles
        assert collections == [2] and gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
        gc.unfreeze()

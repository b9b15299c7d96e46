"""Typing slips of our own making, injected into clean text to measure the misspelling rule's recall.

Four kinds, as a writer makes them: a key's neighbour on a QWERTY keyboard struck instead (kabinet →
kabinrt), two adjacent letters swapped (bedoeling → bedoleing), a letter doubled (rapport → rapporrt) and a
letter dropped (kabinet → kabnet).  One slip per paragraph, in a word of five letters or more, chosen by a
seeded random generator: the same seed gives the same test set.  A slip that makes another real word (a
real-word error: no word list can see it) is not part of the set; `real_word` decides that.  Each slip is
made once per text (the rule takes a word written twice for a term, and writers rarely repeat a slip).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
KINDS = ("neighbour", "swap", "double", "drop")
WORD = re.compile(r"(?<![\w\-@./])[^\W\d_]{5,}(?![\w\-@/]|\.\w)")  # not in a web or mail address


def _neighbours() -> dict[str, str]:
    out = {}
    for r, row in enumerate(ROWS):
        for c, ch in enumerate(row):
            near = [row[i] for i in (c - 1, c + 1) if 0 <= i < len(row)]
            for other in (r - 1, r + 1):
                if 0 <= other < len(ROWS):
                    near += [ROWS[other][i] for i in (c - 1, c, c + 1) if 0 <= i < len(ROWS[other])]
            out[ch] = "".join(near)
    return out


NEIGHBOURS = _neighbours()


@dataclass(frozen=True)
class Injected:
    paragraph: int  # index in the list of paragraphs
    start: int  # offset of the slip in the changed paragraph
    word: str
    slip: str
    kind: str


def make_slip(word: str, kind: str, rng: random.Random) -> str | None:
    inner = range(1, len(word) - 1)  # writers rarely miss a word's first letter
    if kind == "neighbour":
        spots = [i for i in inner if word[i].lower() in NEIGHBOURS]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + rng.choice(NEIGHBOURS[word[i].lower()]) + word[i + 1:]
    if kind == "swap":
        spots = [i for i in inner if word[i] != word[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    i = rng.choice(list(inner))
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1:]


def inject(paragraphs: list[str], seed: int, real_word, skip=lambda word: False) -> tuple[list[str], list[Injected]]:
    """The paragraphs with one slip in each that has a word to take it, and the slips made."""
    rng = random.Random(seed)
    out, made = [], []
    present = {w for text in paragraphs for w in WORD.findall(text)}
    for n, text in enumerate(paragraphs):
        words = [m for m in WORD.finditer(text) if not skip(m.group()) and sum(c.isupper() for c in m.group()) < 2]
        rng.shuffle(words)
        for m in words[:3]:
            kind = KINDS[(n + seed) % len(KINDS)]
            slip = make_slip(m.group(), kind, rng)
            # a writer rarely makes the same slip twice, and a word written twice is taken for a term
            if slip and slip != m.group() and slip not in present and not real_word(slip):
                present.add(slip)
                text = text[:m.start()] + slip + text[m.end():]
                made.append(Injected(n, m.start(), m.group(), slip, kind))
                break
        out.append(text)
    return out, made

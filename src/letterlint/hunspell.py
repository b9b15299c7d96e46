"""Hunspell with the OpenTaal dictionary, where installed: the hunspell command or the pure-Python spylls.

Used by the `spelling` rule (every word it does not know) and as a second opinion by the `misspelling`
rule (a word Hunspell knows is no slip).  Nothing here is needed for the default rules to work.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import regex

FOLDERS = ["/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell",
           "/opt/homebrew/share/hunspell", "/Library/Spelling", "~/Library/Spelling", "~/.local/share/hunspell"]

def find_dictionary(name: str) -> str | None:
    """The path (without extension) of a Hunspell dictionary: a path as given, or a name in the usual folders."""
    candidates = [name] if (os.sep in name or "/" in name) else []
    folders = [f for f in os.environ.get("DICPATH", "").split(os.pathsep) if f] + FOLDERS
    candidates += [os.path.join(os.path.expanduser(f), name) for f in folders]
    for base in candidates:
        base = base[:-4] if base.endswith((".dic", ".aff")) else base
        if os.path.isfile(base + ".dic") and os.path.isfile(base + ".aff"):
            return base
    return None


class Hunspell:
    """The hunspell command: -l lists the unknown words of its input (fast); -a gives suggestions (slow)."""

    name = "hunspell"

    def __init__(self, exe: str, base: str):
        self.exe, self.base = exe, base

    def _run(self, args, words, timeout):
        proc = subprocess.run([self.exe, "-d", self.base, "-i", "utf-8", *args], input="\n".join(words) + "\n",
                              capture_output=True, text=True, encoding="utf-8", timeout=timeout)
        return proc.stdout

    def unknown(self, words: list[str]) -> set[str]:
        out = set(self._run(["-l"], words, 60).split("\n")) - {""}
        # hunspell reports a word, or the part of it that it took for a word
        return {w for w in words if w in out or any(p in out for p in regex.split(r"[-\u2011’']", w))}

    def suggest(self, words: list[str]) -> dict[str, list[str]]:
        if not words:
            return {}
        try:
            text = self._run(["-a"], ["^" + w for w in words], 5 + len(words))
        except subprocess.TimeoutExpired:
            return {}
        out = {}
        for line in text.split("\n"):
            if line.startswith("& ") and ": " in line:
                head, tail = line.split(": ", 1)
                out[head.split()[1]] = [s.strip() for s in tail.split(",")][:3]
        return out


class Spylls:
    name = "spylls"

    def __init__(self, base: str):
        from spylls.hunspell import Dictionary

        self.dictionary = Dictionary.from_files(base)

    def unknown(self, words: list[str]) -> set[str]:
        return {w for w in words if not self.dictionary.lookup(w.replace("’", "'"))}

    def suggest(self, words: list[str]) -> dict[str, list[str]]:
        out = {}
        for w in words:
            found = []
            for s in self.dictionary.suggest(w):
                found.append(s)
                if len(found) == 3:
                    break
            out[w] = found
        return out


def second_opinion(engine: str = "auto", name: str = "nl_NL") -> Hunspell | Spylls | None:
    """A checker for the words a first check doubts, or None: the hunspell command where it and the dictionary
    are installed (engine auto or hunspell), spylls only when asked for (it takes about 2 s to load)."""
    if engine == "none":
        return None
    base = find_dictionary(name) or (find_dictionary("nl") if name == "nl_NL" else None)
    if base is None:
        return None
    exe = shutil.which("hunspell")
    if engine in ("auto", "hunspell") and exe:
        return Hunspell(exe, base)
    if engine == "spylls":
        try:
            return Spylls(base)
        except ImportError:
            return None
    return None

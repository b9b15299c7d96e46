"""Hunspell with the OpenTaal dictionary, where installed: the hunspell command or the pure-Python spylls.

Used by the `spelling` rule (every word it does not know) and as a second opinion by the `misspelling`
rule (a word Hunspell knows is no slip).  Nothing here is needed for the default rules to work.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .hashing import blake2b

if TYPE_CHECKING:
    from collections.abc import Callable

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


FORMAT = 1  # bump when the layout of the verdicts file (or the way a checker is asked) changes
LIMIT = 20_000  # words a verdicts file keeps (the most recently asked): a few hundred KB at most


class Verdicts:
    """What a checker said about words (known or not), so that each word is asked once: in memory for the run
    (the checker lives on the plan, so a run of many letters asks only for words no letter before it had) and
    between runs in the user cache (the folder of the vocabulary index), keyed by the checker's identity — the
    path, size and modification time of the executable and of the dictionary files: another hunspell or a new
    dictionary starts afresh.  A damaged file is ignored and written anew; the file is replaced atomically and
    merged under a lock, so parallel runs (-j 2) add to it without losing each other's words."""

    def __init__(self, engine: str, base: str, files: list[str]) -> None:
        self.engine, self.files = engine, files
        name = blake2b(f"{engine}\0{base}".encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
        self.name = f"verdicts-{engine}-{name}.json"
        self.known: dict[str, bool] | None = None  # word → known; None until first asked
        self.identity: list = []

    def unknown(self, words: list[str], ask: Callable[[list[str]], set[str]]) -> set[str]:
        """The unknown ones among `words`; `ask` is called once, with the words not answered before (if any)."""
        if self.known is None:
            self.identity = self.identity or _identity(self.files)
            self.known = _read(self.path(), self.identity)
        known = self.known
        new = [w for w in dict.fromkeys(words) if w not in known]
        if new:
            doubted = ask(new)
            answers = {w: w not in doubted for w in new}
            known.update(answers)
            self._save(answers)
        return {w for w in words if not known[w]}

    def key(self) -> list:
        """What the verdicts depend on (the engine, its files' paths, sizes and times): for a caller that keeps
        some of them itself (misspelling keeps its few words' verdicts with its other facts)."""
        if not self.identity:
            self.identity = _identity(self.files)
        return [self.engine, self.identity]

    def stamp(self) -> tuple | None:
        """The verdicts file's inode, size and modification time (None: no file): a caller's copy of some
        verdicts holds while the stamp does (another run may have written the file, or damaged it)."""
        try:
            st = os.stat(self.path())
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def path(self) -> Path:
        from .vocabulary import cache_dir

        return cache_dir() / self.name

    def _save(self, answers: dict[str, bool]) -> None:
        """Add `answers` to the file: read it again under the lock (another process may have added words), keep
        the newest LIMIT words, write a temporary file and move it into place."""
        path = self.path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(path.with_name(path.name + ".lock")):
                merged = _read(path, self.identity)
                for word in answers:
                    merged.pop(word, None)  # the newest answers last: trimming drops the oldest
                merged.update(answers)
                kept = dict(list(merged.items())[-LIMIT:])
                data = {"format": FORMAT, "identity": self.identity, "words": {w: int(k) for w, k in kept.items()}}
                tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
                import json

                tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
                os.replace(tmp, path)
        except (OSError, ValueError):
            pass  # a read-only cache folder (or a name it cannot hold): the verdicts last for this run only


def _personal(base: str) -> list[str]:
    """The personal word lists the hunspell command reads besides the dictionary (a word added there changes
    its verdicts): $WORDLIST, else ~/.hunspell_default and ~/.hunspell_<dictionary>."""
    home = os.path.expanduser("~")
    named = [os.environ["WORDLIST"]] if os.environ.get("WORDLIST") else []
    return [*named, os.path.join(home, ".hunspell_default"), os.path.join(home, ".hunspell_" + os.path.basename(base))]


def _identity(files: list[str]) -> list:
    """What a checker's verdicts depend on: the format and each file's path, size and modification time."""
    out: list = [FORMAT]
    for name in files:
        try:
            st = os.stat(name)
            out.append([name, st.st_size, st.st_mtime_ns])
        except OSError:
            out.append([name, None, None])
    return out


def _read(path: Path, identity: list) -> dict[str, bool]:
    """The verdicts kept in `path` for this identity; nothing when the file is missing, damaged or another's."""
    try:
        import json

        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("identity") != identity:
            return {}
        return {w: bool(k) for w, k in data["words"].items() if isinstance(w, str) and k in (0, 1)}
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return {}


class _locked:
    """An exclusive lock on a file beside the verdicts file, held while they are merged (no lock on Windows:
    there the last writer wins, which costs words, not correctness)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: IO[str] | None = None

    def __enter__(self) -> None:
        if sys.platform != "win32":
            import fcntl

            self.handle = handle = open(self.path, "a")
            fcntl.flock(handle, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()  # closing releases the lock


class Failed(OSError):
    """The hunspell command failed or took too long (a subprocess error, raised as an OSError: a caller that only
    asks for remembered verdicts need not import subprocess to catch it)."""


class Hunspell:
    """The hunspell command: -L lists the input lines (one word each) with an unknown word (fast); -a gives
    suggestions (slow).  What it says about a word is remembered (`Verdicts`): a word is asked once."""

    name = "hunspell"

    def __init__(self, exe: str, base: str) -> None:
        self.exe, self.base = exe, base
        self.verdicts = Verdicts(self.name, base, [exe, base + ".dic", base + ".aff", *_personal(base)])
        self.started = 0  # hunspell processes started (tests count them)

    def _run(self, args: list[str], words: list[str], timeout: float) -> str:
        self.started += 1
        import subprocess

        try:
            proc = subprocess.run([self.exe, "-d", self.base, "-i", "utf-8", *args], input="\n".join(words) + "\n",
                                  capture_output=True, text=True, encoding="utf-8", timeout=timeout)
        except subprocess.SubprocessError as exc:
            raise Failed(f"{self.exe}: {exc}") from exc
        return proc.stdout

    def unknown(self, words: list[str]) -> set[str]:
        return self.verdicts.unknown(words, self._unknown)

    def _unknown(self, words: list[str]) -> set[str]:
        # one word a line: a line -L prints holds a word (or a part hunspell took for a word) it does not know
        lines = set(self._run(["-L"], words, 60).split("\n"))
        return {w for w in words if w in lines}

    def suggest(self, words: list[str]) -> dict[str, list[str]]:
        if not words:
            return {}
        try:
            text = self._run(["-a"], ["^" + w for w in words], 5 + len(words))
        except Failed:
            return {}
        out = {}
        for line in text.split("\n"):
            if line.startswith("& ") and ": " in line:
                head, tail = line.split(": ", 1)
                out[head.split()[1]] = [s.strip() for s in tail.split(",")][:3]
        return out


class Spylls:
    """spylls, the pure-Python Hunspell; the dictionary (about 2 s to load) is loaded only when a word is not
    among the remembered verdicts."""

    name = "spylls"

    def __init__(self, base: str) -> None:
        import spylls.hunspell  # noqa: F401 (ImportError: not installed)

        self.base = base
        self._dictionary: Any = None
        self.verdicts = Verdicts(self.name, base, [spylls.hunspell.__file__ or "", base + ".dic", base + ".aff"])

    @property
    def dictionary(self) -> Any:
        if self._dictionary is None:
            from spylls.hunspell import Dictionary

            self._dictionary = Dictionary.from_files(self.base)
        return self._dictionary

    def unknown(self, words: list[str]) -> set[str]:
        return self.verdicts.unknown(words, self._unknown)

    def _unknown(self, words: list[str]) -> set[str]:
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
    import shutil

    exe = shutil.which("hunspell")
    if engine in ("auto", "hunspell") and exe:
        return Hunspell(exe, base)
    if engine == "spylls":
        try:
            return Spylls(base)
        except ImportError:
            return None
    return None

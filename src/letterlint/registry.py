"""Finding the rules: the modules in `lint_rules/`, rules of other packages (entry points), YAML rules.

A rule module defines:

    ID        the rule id ("bookmark-artefact")
    SEVERITY  default severity: "error", "warning" or "info"
    SUMMARY   one line, a `Msg` (Dutch and English) or a string
    DEFAULT   default options (a dict; may be empty)
    CONF      JSON-schema `properties` for those options (validated when a config loads)
    check(doc, ctx)  a generator of `Finding`s
    __doc__   the documentation: what, why, options, a Bad:: and a Good:: example

and optionally ENABLED = False (off unless configured), FIXABLE = True, and
`prepare(options, where)` to compile options once per configuration (raise ConfigError on bad values).

Rules that compare files (`letterlint --across-files`) also define

    collect(doc, ctx)                 a small picklable summary of one file (or None), made right after the
                                      file is linted, in the process that linted it
    check_across(summaries, ctx)      after all files are read: summaries is {path: summary} in the order
                                      the files were linted; yields (path, Finding) pairs, and each finding
                                      is added to that file's findings
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from . import analyses
from .analyses import Analyses
from .findings import Msg, Severity, as_msg, msg
from .model import Document
from .wordlists import WordLists


@dataclass
class RuleContext:
    """What a rule's check gets besides the document."""

    rule: str
    severity: Severity
    options: dict[str, Any]
    settings: dict[str, Any] = field(default_factory=dict)  # the configuration's shared `settings`
    prepared: Any = None  # whatever the rule's prepare() returned
    wordlists: WordLists = field(default_factory=WordLists.from_settings)  # the shared typo list and terms

    def shared(self, doc: Document) -> Analyses:
        """The document's shared analyses (structure, similarity, words, notes, addresses), computed once."""
        return analyses.of(doc)


@dataclass
class Rule:
    """A rule: its id, default severity, documentation, options and check (see the module's docstring)."""

    id: str
    severity: Severity
    summary: Msg
    doc: str
    default: dict[str, Any]
    conf: dict[str, Any]
    check: Callable[[Document, RuleContext], Iterable]
    origin: str  # "builtin", "plugin:<module>", or "config"
    enabled: bool = True
    fixable: bool = False
    prepare: Callable[[dict[str, Any], Any], Any] | None = None
    module: ModuleType | None = None
    collect: Callable[[Document, RuleContext], Any] | None = None  # --across-files: per-file summary
    check_across: Callable[[dict[str, Any], RuleContext], Iterable] | None = None  # … and the comparison
    doc_nl: str = ""  # the documentation in Dutch (the module's DOC_NL); empty: only the English `doc`
    needs: frozenset[str] = frozenset()  # the big shared analyses it reads (the module's NEEDS; analyses.RELEASABLE)

    def doc_in(self, lang: str) -> tuple[str, bool]:
        """The documentation in `lang`, and whether it is in that language (False: English stands in)."""
        if lang == "en" or not self.doc_nl:
            return self.doc, lang == "en" or not self.doc
        return with_examples(self.doc_nl, self.doc), True


def with_examples(doc_nl: str, doc: str) -> str:
    """The Dutch documentation followed by the English docstring's Bad::/Good:: examples (letter text, Dutch
    either way) under Dutch headers: the examples are written once, where the doc tests run them."""
    if "\nFout::" in doc_nl or "\nBad::" not in doc:
        return doc_nl
    examples = doc[doc.index("\nBad::"):]
    examples = re.sub(r"(?m)^Bad::$", "Fout::", re.sub(r"(?m)^Good::$", "Goed::", examples))
    return doc_nl.rstrip() + "\n" + examples


class RuleDefinitionError(Exception):
    pass


def _severity(module: ModuleType) -> Severity:
    try:
        return Severity(module.SEVERITY)
    except ValueError:
        raise RuleDefinitionError(f"{module.__name__}: SEVERITY must be one of {', '.join(Severity)}, "
                                  f"not {module.SEVERITY!r}") from None


def rule_from_module(module: ModuleType, origin: str) -> Rule:
    missing = [name for name in ("ID", "SEVERITY", "SUMMARY", "check") if not hasattr(module, name)]
    if missing:
        raise RuleDefinitionError(f"{module.__name__}: missing {', '.join(missing)}")
    return Rule(
        id=module.ID,
        severity=_severity(module),
        summary=as_msg(module.SUMMARY) or msg(""),
        doc=(module.__doc__ or "").strip(),
        default=dict(getattr(module, "DEFAULT", {})),
        conf=dict(getattr(module, "CONF", {})),
        check=module.check,
        origin=origin,
        enabled=getattr(module, "ENABLED", True),
        fixable=getattr(module, "FIXABLE", False),
        prepare=getattr(module, "prepare", None),
        module=module,
        collect=getattr(module, "collect", None),
        check_across=getattr(module, "check_across", None),
        doc_nl=str(getattr(module, "DOC_NL", "") or "").strip(),
        needs=frozenset(getattr(module, "NEEDS", ())),
    )


def _builtin_names() -> list[str]:
    lint_rules = importlib.import_module("letterlint.lint_rules")  # by name: mapped into the package (see __init__)
    return [info.name for info in sorted(pkgutil.iter_modules(lint_rules.__path__), key=lambda i: i.name)
            if not info.name.startswith("_")]


# -- the index of the bundled rules ----------------------------------------------------------------------
#
# Start-up: importing every rule module (and what they import) costs a run ~50 ms, also for rules that are
# off or not selected.  What the engine needs before a rule runs (its id, severity, summary, documentation,
# options and their schema, whether it is on) is kept between runs, like bytecode, in letterlint/__pycache__
# (`bundled`), keyed by the size and modification time of every module in lint_rules/; a rule's module is
# imported when its code is first asked for (check, prepare, …).  A stale or missing index: every module is
# imported, as without one, and the index written again.


class _IndexedRule(Rule):
    """A bundled rule as the index describes it; its module is imported on first use of its code."""

    def __init__(self, entry: dict[str, Any]):  # not the dataclass __init__: the code fields are properties
        self.id, self.severity, self.summary, self.doc = entry["id"], entry["severity"], entry["summary"], entry["doc"]
        self.doc_nl = entry["doc_nl"]
        self.default, self.conf = dict(entry["default"]), dict(entry["conf"])
        self.origin, self.enabled, self.fixable = "builtin", entry["enabled"], entry["fixable"]
        self.needs = frozenset(entry["needs"])
        self._entry = entry
        self._loaded: Rule | None = None

    def _rule(self) -> Rule:
        if self._loaded is None:
            module = importlib.import_module(f"letterlint.lint_rules.{self._entry['module']}")
            self._loaded = rule_from_module(module, "builtin")
        return self._loaded

    @property
    def check(self) -> Callable[[Document, RuleContext], Iterable]:  # type: ignore[override]
        return self._rule().check

    @property
    def module(self) -> ModuleType | None:  # type: ignore[override]
        return self._rule().module

    @property
    def prepare(self) -> Callable[[dict[str, Any], Any], Any] | None:  # type: ignore[override]
        return self._rule().prepare if self._entry["prepare"] else None

    @property
    def collect(self) -> Callable[[Document, RuleContext], Any] | None:  # type: ignore[override]
        return self._rule().collect if self._entry["collect"] else None

    @property
    def check_across(self) -> Callable[[dict[str, Any], RuleContext], Iterable] | None:  # type: ignore[override]
        return self._rule().check_across if self._entry["check_across"] else None


def _index_entry(name: str, rule: Rule) -> dict[str, Any]:
    return {"module": name, "id": rule.id, "severity": rule.severity, "summary": rule.summary, "doc": rule.doc,
            "doc_nl": rule.doc_nl,
            "default": rule.default, "conf": rule.conf, "enabled": rule.enabled, "fixable": rule.fixable,
            "prepare": rule.prepare is not None, "collect": rule.collect is not None,
            "check_across": rule.check_across is not None, "needs": sorted(rule.needs)}


_INDEX_FORMAT = 3  # bump when an index entry changes shape


def _index_key(names: list[str]) -> tuple | None:
    """The sizes and modification times of the rule modules (None: a module without source, no index)."""
    import os

    lint_rules = importlib.import_module("letterlint.lint_rules")
    key: list[Any] = [_INDEX_FORMAT]
    for name in names:
        for folder in lint_rules.__path__:
            path = os.path.join(folder, f"{name}.py")
            try:
                st = os.stat(path)
            except OSError:
                continue
            key.append((name, os.path.abspath(path), st.st_size, st.st_mtime_ns))
            break
        else:
            return None
    return tuple(key)


def _bundled_rules() -> dict[str, Rule]:
    from . import bundled

    names = _builtin_names()
    key = _index_key(names)
    path = bundled.kept_path("rule-index")
    entries = bundled.read_kept(path, key) if key is not None else None
    if entries is not None:
        try:
            return {entry["id"]: _IndexedRule(entry) for entry in entries}
        except (KeyError, TypeError, ValueError):
            pass  # an index of another shape: made again below
    rules: dict[str, Rule] = {}
    found = []
    for name in names:
        rule = rule_from_module(importlib.import_module(f"letterlint.lint_rules.{name}"), "builtin")
        rules[rule.id] = rule
        found.append(_index_entry(name, rule))
    if key is not None:
        bundled.keep(path, key, found)
    return rules


def _may_have_plugins() -> bool:
    """Whether any installed distribution declares `letterlint.rules` entry points.

    Start-up: importlib.metadata (with the email package it loads) costs more than linting a small letter,
    and almost no installation has plugins.  Reading the entry_points.txt files on sys.path is cheap."""
    import os
    import sys

    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith((".dist-info", ".egg-info")):
                    try:
                        with open(os.path.join(entry.path, "entry_points.txt"), "rb") as f:
                            if b"letterlint.rules" in f.read():
                                return True
                    except OSError:
                        continue
    return False


def _plugin_modules() -> Iterable[tuple[str, ModuleType]]:
    if not _may_have_plugins():
        return
    from importlib.metadata import entry_points

    for ep in entry_points(group="letterlint.rules"):
        try:
            module = ep.load()
        except Exception as exc:  # a broken plugin must say which one it is
            raise RuleDefinitionError(f"plugin {ep.name} ({ep.value}) cannot be loaded: {type(exc).__name__}: {exc}") from None
        yield ep.value, module


_CACHE: dict[str, Rule] | None = None


def builtin_rules() -> dict[str, Rule]:
    """All Python rules: the bundled ones and those registered by other packages, by id."""
    global _CACHE
    if _CACHE is None:
        rules: dict[str, Rule] = _bundled_rules()
        for name, module in _plugin_modules():
            rule = rule_from_module(module, f"plugin:{name}")
            if rule.id in rules:
                raise RuleDefinitionError(f"plugin {name}: rule id {rule.id!r} is already taken")
            rules[rule.id] = rule
        _CACHE = rules
    return _CACHE

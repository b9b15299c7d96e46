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
    )


def _builtin_modules() -> Iterable[ModuleType]:
    lint_rules = importlib.import_module("letterlint.lint_rules")  # by name: mapped into the package (see __init__)
    for info in sorted(pkgutil.iter_modules(lint_rules.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"letterlint.lint_rules.{info.name}")


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
        rules: dict[str, Rule] = {}
        for module in _builtin_modules():
            rule = rule_from_module(module, "builtin")
            rules[rule.id] = rule
        for name, module in _plugin_modules():
            rule = rule_from_module(module, f"plugin:{name}")
            if rule.id in rules:
                raise RuleDefinitionError(f"plugin {name}: rule id {rule.id!r} is already taken")
            rules[rule.id] = rule
        _CACHE = rules
    return _CACHE

"""The runner: files → documents → enabled rules → findings.  One bad file never stops the others."""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import analyses, places, suppress, yamlrules
from .baseline import Contexts, with_context
from .caps import capped
from .config import Config, ConfigError, default_source
from .findings import RANK, Finding, Msg, Severity, completed, resolve_fix, severity
from .model import Document
from .readers import SUPPORTED, InputError, kind_of, read_bytes, read_path
from .registry import Rule, RuleContext, builtin_rules
from .wordlists import WordLists

STDIN = "-"


class UsageError(Exception):
    pass


@dataclass
class ActiveRule:
    """A rule of the plan with the context its check gets (options, severity, prepared state)."""

    rule: Rule
    ctx: RuleContext


@dataclass
class Plan:
    """The rules to run, each with its options and severity, ready to use."""

    rules: list[ActiveRule]
    config: Config
    known: frozenset[str] = frozenset()  # every rule id of this configuration, active or not
    across: bool = False  # --across-files: rules with collect/check_across compare the files


@dataclass
class FileResult:
    """What linting one file gave: its findings, or why it could not be read, and the rules that failed."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: Msg | None = None  # the file could not be read
    problems: list[Msg] = field(default_factory=list)  # rules that failed on this file (exit 2)
    document: Document | None = None
    summaries: dict[str, object] = field(default_factory=dict)  # --across-files: rule id → collect() result
    notes: list[Msg] = field(default_factory=list)  # what a reader wants the user to know (not an error)


class Where:
    """What a rule's prepare() gets besides its options: a way to raise a ConfigError that points into the
    file that set an option, the folder of that file (for relative paths), and the shared word lists."""

    def __init__(self, config: Config, rule_id: str, wordlists: WordLists):
        self._config, self.rule_id, self.wordlists = config, rule_id, wordlists

    def error(self, keys: tuple, message: str, nl: str | None = None) -> ConfigError:
        source = self._config.where(self.rule_id, keys[0]) if keys else None
        source = source or default_source()
        return source.error(("rules", self.rule_id, *keys), message, nl)

    def folder(self, key: str) -> Path | None:
        """The folder of the configuration file that set this option (None: the bundled default)."""
        source = self._config.where(self.rule_id, key)
        if source is None or source.name.startswith("<"):
            return None
        return Path(source.name.split(" [tool.letterlint]")[0]).parent


def all_rules(config: Config) -> dict[str, Rule]:
    rules = dict(builtin_rules())
    for rule_id, settings in config.rules.items():
        if "kind" in settings:
            rules[rule_id] = yamlrules.build(rule_id, settings)
    return rules


def _ids(values: Iterable[str] | None) -> list[str]:
    out = []
    for value in values or ():
        out += [v.strip() for v in value.split(",") if v.strip()]
    return out


def build_plan(config: Config, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> Plan:
    rules = all_rules(config)
    select_ids, ignore_ids = _ids(select), _ids(ignore)
    for rule_id in select_ids + ignore_ids:
        if rule_id not in rules:
            raise UsageError(f"unknown rule {rule_id!r} (see `letterlint rules`)")
    _check_per_file_ignores(config, rules)
    wordlists = WordLists.from_settings(config.rule_settings("typo"))
    published = _published(config, rules, select_ids, ignore_ids)
    active = []
    for rule_id, rule in rules.items():
        settings = config.rule_settings(rule_id)
        if not _enabled(rule, settings, select_ids, ignore_ids):
            continue
        if rule.origin == "config":
            options = dict(settings)
        else:
            options = {**rule.default, **{k: v for k, v in settings.items() if k not in ("enabled", "severity")}}
        ctx = RuleContext(rule=rule_id, severity=Severity(settings.get("severity", rule.severity)), options=options,
                          settings={**config.settings, **published}, wordlists=wordlists)
        if rule.prepare is not None:
            ctx.prepared = rule.prepare(options, Where(config, rule_id, wordlists))
        active.append(ActiveRule(rule, ctx))
    return Plan(active, config, frozenset(rules))


def _enabled(rule: Rule, settings: dict, select_ids: list[str], ignore_ids: list[str]) -> bool:
    enabled = settings.get("enabled", rule.enabled)
    if select_ids:
        enabled = rule.id in select_ids
    if rule.id in ignore_ids:
        enabled = False
    return bool(enabled)


def _published(config: Config, rules: dict[str, Rule], select_ids: list[str], ignore_ids: list[str]) -> dict:
    """The options that active rules publish (their module's PUBLISH) as shared settings, under
    "<rule id>.<option>": configuration other rules may read (repeated-passage leaves alone the copies
    duplicate-answer reports), so that no rule reads another rule's context."""
    out = {}
    for rule_id, rule in rules.items():
        settings = config.rule_settings(rule_id)
        if not _enabled(rule, settings, select_ids, ignore_ids):
            continue  # before rule.module: a rule that does not run is not imported (registry's index)
        keys = getattr(rule.module, "PUBLISH", ()) if rule.module is not None else ()
        if keys:
            for key in keys:
                out[f"{rule_id}.{key}"] = settings.get(key, rule.default.get(key))
    return out


# -- files ---------------------------------------------------------------------------------------------


def expand(paths: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Files to lint: explicit files as given; directories searched for .docx, .txt and .md files."""
    exclude = list(exclude)
    out: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            found = []
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
                for name in files:
                    full = os.path.join(folder, name)
                    if kind_of(name) and not name.startswith(("~$", ".~lock")) and not _excluded(full, exclude):
                        found.append(full)
            out += sorted(found)
        else:
            out.append(path)
    return out


def _excluded(path: str, patterns: list[str]) -> bool:
    forms = path_forms(path)
    return any(fnmatch.fnmatch(form, p) for p in patterns for form in forms)


def path_forms(path: str, bases: Iterable[str] = ()) -> list[str]:
    """The ways a glob may name a file: as given, without "./", its name, and relative to the working
    folder and to `bases` (the folders of the configuration files)."""
    forms = [Path(path).as_posix(), Path(os.path.normpath(path)).as_posix(), os.path.basename(path)]
    if path != STDIN and not path.startswith("<"):
        absolute = os.path.abspath(path)
        for base in (*bases, os.getcwd()):
            rel = os.path.relpath(absolute, base) if os.path.splitdrive(absolute)[0] == os.path.splitdrive(base)[0] else ".."
            if not rel.startswith(".."):
                forms.append(Path(rel).as_posix())
    return list(dict.fromkeys(forms))


def is_lock_file(path: str) -> bool:
    """Word's owner files (~$draft.docx) exist while a document is open; they are not documents."""
    return os.path.basename(path).startswith("~$")


def read(path: str, stdin_filename: str | None = None) -> Document:
    if path == STDIN:
        name = stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read()
        return read_bytes(data, name, kind_of(name) or "text")
    return read_path(path)


# -- rules ---------------------------------------------------------------------------------------------


def lint_document(doc: Document, plan: Plan) -> tuple[list[Finding], list[Msg]]:
    """The document's findings, ready to report, and the rules that failed on it.

    Each finding is completed in one step as it comes (rule id, severity, fix in file coordinates, context):
    this is the engine's per-finding work, and a letter may have hundreds of findings."""
    findings: list[Finding] = []
    problems: list[tuple[int, Msg]] = []
    ignored = _ignored_for(doc.path, plan.config)
    ran: dict[str, str] = {}
    contexts = Contexts(doc)
    schedule = [(i, a) for i, a in enumerate(plan.rules) if not _is_ignored(a.rule.id, ignored)]
    schedule, releases = _grouped(schedule, keep=plan.across)
    for i, active in schedule:
        rule_id = active.rule.id
        ran[rule_id] = configured = active.ctx.severity
        try:
            for finding in capped(active.rule.check(doc, active.ctx)):
                fix = finding.fix
                if fix is not None:
                    fix = resolve_fix(doc, finding.location, fix)
                findings.append(completed(finding, rule_id, severity(finding.severity or configured), fix,
                                          finding.context or contexts(finding.location)))
        except yamlrules.PatternTimeout as exc:
            problems.append((i, Msg(f"regel {rule_id}: reguliere expressie te traag, overgeslagen ({exc})",
                                    f"rule {rule_id}: regular expression too slow, skipped ({exc})")))
        except Exception as exc:  # a bug in a rule must not hide the other rules' findings
            problems.append((i, _internal(rule_id, exc)))
        for name in releases.get(rule_id, ()):
            analyses.of(doc).release(name)
    findings = _dedupe(sorted(findings, key=Finding.sort_key))  # sorted: the order the rules ran in is not seen
    findings = with_context(doc, suppress.apply(doc, findings, ran, plan.known), contexts)  # unused-suppression's
    return places.enrich(doc, findings, plan.config.settings), [m for _, m in sorted(problems, key=lambda p: p[0])]


def _grouped(schedule: list[tuple[int, ActiveRule]], keep: bool = False) -> tuple[list[tuple[int, ActiveRule]],
                                                                                 dict[str, list[str]]]:
    """The rules in the order to run them, and which analyses to release after which rule.

    The rules that need a big analysis (their NEEDS, of `analyses.RELEASABLE`) run one after the other, before
    all others, and the analysis is dropped after the last: it is never held while the other rules build their
    own data.  First, not where the first of them comes: the memory the dropped index held is then taken up
    again by what the other rules make (findings, memos, analyses); built later, it finds that memory in use
    and adds its own to the process's peak (the draft 20x in one file: ~3 MB more; 5x: ~1 MB).  The order the
    rules run in is not seen in the findings (they are sorted).  `keep`: drop nothing (--across-files: the
    rules' collect() reads the analyses after the check)."""
    order = list(schedule)
    releases: dict[str, list[str]] = {}
    front: list[tuple[int, ActiveRule]] = []
    for name in analyses.RELEASABLE:
        group = [item for item in order if name in item[1].rule.needs]
        if not group:
            continue
        front += group
        order = [item for item in order if name not in item[1].rule.needs]
        if not keep:
            releases.setdefault(group[-1][1].rule.id, []).append(name)
    return front + order, releases


def _ignored_for(path: str, config: Config) -> set[str]:
    """Rule ids that `per-file-ignores` switches off for this file ("*" or "all": every rule).

    A glob matches the path as given, the file name, or the path relative to the working folder or to the
    folder of the configuration file (so `archief/*.txt` works from anywhere in the repository)."""
    if not config.per_file_ignores:
        return set()
    out: set[str] = set()
    forms = path_forms(path, config_dirs(config))
    for pattern, ids in config.per_file_ignores.items():
        if any(fnmatch.fnmatch(form, pattern) for form in forms):
            out.update(ids)
    return out


def _is_ignored(rule_id: str, ignored: set[str]) -> bool:
    return rule_id in ignored or "*" in ignored or "all" in ignored


def config_dirs(config: Config) -> list[str]:
    dirs = []
    for name in config.files:
        name = name.split(" [tool.letterlint]")[0]
        if not name.startswith("<") and os.path.exists(name):
            dirs.append(os.path.dirname(os.path.abspath(name)))
    return dirs[::-1]


def _check_per_file_ignores(config: Config, rules: dict[str, Rule]) -> None:
    for pattern, ids in config.per_file_ignores.items():
        for rule_id in ids:
            if rule_id not in rules and rule_id not in ("*", "all"):
                import difflib

                close = difflib.get_close_matches(rule_id, list(rules), n=1)
                hint = f" (did you mean {close[0]}?)" if close else " (see `letterlint rules`)"
                where = next((f for f in reversed(config.files) if not f.startswith("<")), "configuration")
                raise UsageError(f"{where}: per-file-ignores {pattern!r}: unknown rule {rule_id!r}{hint}")


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.rule, f.location.paragraph, f.location.part, f.location.note, f.location.raw_start,
               f.location.raw_end, f.message.nl)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def lint_file(path: str, plan: Plan, stdin_filename: str | None = None, keep_document: bool = False) -> FileResult:
    try:
        doc = read(path, stdin_filename)
    except InputError as exc:
        return FileResult(path=stdin_filename or path if path == STDIN else path, error=exc.msg)
    except Exception as exc:  # a reader bug: report it as this file's error, never as a traceback
        return FileResult(path=path, error=Msg(f"interne fout bij het lezen ({type(exc).__name__}: {exc}); meld dit",
                                               f"internal error while reading ({type(exc).__name__}: {exc}); please report"))
    findings, problems = lint_document(doc, plan)
    summaries = summarise(doc, plan, problems) if plan.across else {}
    return FileResult(path=doc.path, findings=findings, problems=problems, document=doc if keep_document else None,
                      summaries=summaries, notes=list(doc.info.notes))


# -- across files --------------------------------------------------------------------------------------
#
# With --across-files, each file's rules that define collect() leave a small picklable summary in its
# FileResult (made where the file was linted, so this works the same when files are linted in worker
# processes); after all files, lint_across() hands every rule the summaries of all files and adds the
# findings it yields to the files they belong to.


def summarise(doc: Document, plan: Plan, problems: list[Msg]) -> dict[str, object]:
    """Each across-files rule's summary of this file (its collect()), by rule id."""
    out: dict[str, object] = {}
    ignored = _ignored_for(doc.path, plan.config)
    for active in plan.rules:
        rule = active.rule
        if rule.collect is None or rule.check_across is None or _is_ignored(rule.id, ignored):
            continue
        try:
            summary = rule.collect(doc, active.ctx)
        except Exception as exc:
            problems.append(_internal(rule.id, exc))
            continue
        if summary is not None:
            out[rule.id] = summary
    return out


def lint_across(results: list[FileResult], plan: Plan) -> list[Msg]:
    """Run the rules' check_across on the summaries of all files; findings go to their files."""
    problems: list[Msg] = []
    by_path = {r.path: r for r in results}
    changed: set[str] = set()
    for active in plan.rules:
        rule = active.rule
        if rule.check_across is None:
            continue
        summaries = {r.path: r.summaries[rule.id] for r in results if rule.id in r.summaries}
        if len(summaries) < 2:
            continue
        try:
            for path, finding in rule.check_across(summaries, active.ctx):
                result = by_path.get(path)
                if result is not None:
                    result.findings.append(replace(finding, rule=rule.id,
                                                   severity=Severity(finding.severity or active.ctx.severity)))
                    changed.add(path)
        except Exception as exc:
            problems.append(_internal(rule.id, exc))
    for path in changed:
        result = by_path[path]
        result.findings = _dedupe(sorted(result.findings, key=Finding.sort_key))
    return problems


def _internal(rule_id: str, exc: Exception) -> Msg:
    import traceback

    where = traceback.extract_tb(exc.__traceback__)[-1]
    detail = f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
    return Msg(f"interne fout in regel {rule_id}: {detail}; meld dit aan de ontwikkelaars",
               f"internal error in rule {rule_id}: {detail}; please report this")


def lint_paths(paths: list[str], plan: Plan, stdin_filename: str | None = None) -> Iterator[FileResult]:
    for path in paths:
        yield lint_file(path, plan, stdin_filename)


def exit_code(results: list[FileResult], fail_on: str, usage_problem: bool = False) -> int:
    if usage_problem or any(r.error or r.problems for r in results):
        return 2
    threshold = RANK[fail_on]
    if any(RANK[f.severity or Severity.ERROR] >= threshold for r in results for f in r.findings):
        return 1
    return 0


__all__ = ["build_plan", "lint_file", "lint_paths", "lint_across", "expand", "exit_code", "Plan", "FileResult",
           "UsageError", "SUPPORTED", "is_lock_file"]

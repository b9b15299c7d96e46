"""The command line.

    letterlint [OPTIONS] PATH…      lint .docx, .txt (Word text export) and .md files, or folders of them
    letterlint rules                list every rule: id, default severity, summary
    letterlint explain RULE         print a rule's documentation

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from . import __version__, collecting

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any, TextIO

    from .baseline import Baseline
    from .config import Config
    from .registry import Rule
    from .runner import FileResult, Plan

SUBCOMMANDS = ("rules", "explain")


class _Parser(argparse.ArgumentParser):
    lang = "nl"  # the run's language, set from argv before parsing (argparse's errors come first)

    def error(self, message: str) -> NoReturn:  # one line, exit 2, with a suggestion for a mistyped option
        from .catalogue import say, usage_error

        hint = _option_hint(self, message, self.lang)
        sys.stderr.write(f"letterlint: {usage_error(message, self.lang)}{hint}{say('see-help', self.lang)}\n")
        sys.exit(2)


def _option_hint(parser: argparse.ArgumentParser, message: str, lang: str = "nl") -> str:
    """' (did you mean --show?)' for 'unrecognized arguments: --shwo'."""
    import difflib

    from .catalogue import say

    if "unrecognized arguments:" not in message:
        return ""
    options = [o for a in parser._actions for o in a.option_strings if o.startswith("--")]
    hints = []
    for word in message.split("unrecognized arguments:", 1)[1].split():
        if word.startswith("-"):
            close = difflib.get_close_matches(word.split("=", 1)[0], options, n=1, cutoff=0.6)
            if close:
                hints.append(close[0] if len(message.split()) <= 3 else
                             f"{close[0]} {'for' if lang == 'en' else 'voor'} {word}")
    return say("did-you-mean", lang, what=", ".join(hints)) if hints else ""


def _lint_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="letterlint",
        description="Lint Dutch government letters: .docx, Word text exports (.txt) and Markdown (.md).",
        epilog="Other commands: `letterlint rules` lists the rules, `letterlint explain RULE` documents one. "
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors. "
        "This help is in English, like the option names; everything letterlint reports follows --lang "
        "(default: Dutch). See docs/output.md and docs/ci.md.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; '-' reads standard input")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: the nearest rules.yaml, "
                   "or [tool.letterlint] in pyproject.toml, else the bundled default)")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files; use the bundled default")
    p.add_argument("--format", default="text", choices=_formats(), help="output format (default: text)")
    p.add_argument("--select", action="append", metavar="RULES", help="run only these rules (comma-separated)")
    p.add_argument("--ignore", action="append", metavar="RULES", help="do not run these rules (comma-separated)")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--lang", choices=("nl", "en"), default=None, help="language of messages (default: nl)")
    p.add_argument("--stdin-filename", metavar="NAME", help="name for standard input; its extension picks the reader")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output")
    p.add_argument("--across-files", action="store_true",
                   help="also compare the files with each other (answers that recur in other letters)")
    _output_arguments(p)
    _workflow_arguments(p)
    _add_fix_arguments(p)
    p.add_argument("--version", action="version", version=f"letterlint {__version__}")
    return p


def _output_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("output")
    g.add_argument("--show", choices=("info", "warning", "error"), default=None,
                   help="show findings of this severity and above (default: warning for text output, everything "
                   "for the other formats); the summary still counts the rest")
    g.add_argument("--group-by", choices=("file", "rule"), default="file",
                   help="text output: findings per file, errors first (default), or per rule")
    g.add_argument("--statistics", action="store_true",
                   help="text output: only the summary per rule (count, severity, how many --fix repairs)")
    g.add_argument("-q", "--quiet", action="store_true",
                   help="print only the findings: no summary, no notes on standard error")
    g.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE instead of standard output")
    g.add_argument("--report", metavar="OUT.html",
                   help="also write an HTML report (the letter with every finding highlighted) to OUT.html")
    g.add_argument("--only-letters", action="store_true",
                   help="of the files given, lint only the letters: .docx files, and .txt/.md files named by the "
                   "configuration's `letters:` globs or, without it, that look like letters (for pre-commit)")
    g.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when there are findings (input and usage errors still exit 2)")


def _workflow_arguments(p: argparse.ArgumentParser) -> None:
    """Options for large repositories and CI: parallel processes and baselines."""
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="lint files in N parallel processes (0: one per core); the output is the same")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--baseline", metavar="FILE",
                       help="report only findings that are not recorded in this baseline file")
    group.add_argument("--write-baseline", metavar="FILE",
                       help="record all current findings in FILE (entries of files not linted are kept) and exit 0")
    p.add_argument("--cache", action="store_true",
                   help="reuse the findings of files unchanged since the last run (same content, configuration and "
                   "letterlint); not with --across-files")
    p.add_argument("--cache-dir", metavar="DIR", help="where --cache keeps them (default: the user cache folder)")


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("expected 0 (one per core) or more")
    return n


def _formats() -> list[str]:
    from .reporters import FORMATS

    return sorted(FORMATS)


def main(argv: list[str] | None = None) -> int:
    from .catalogue import lang_of_argv, say

    argv = list(sys.argv[1:] if argv is None else argv)
    _Parser.lang = lang_of_argv(argv, os.environ.get("LETTERLINT_LANG"))
    collecting_was_on = collecting.pause_for_start_up()  # until the plan is made
    try:
        parser = _lint_parser()
        at = _subcommand_at(parser, argv)
        if at is not None:  # `letterlint --lang en rules`: the options before the command apply to it
            _start()
            return _subcommand(argv[at], argv[:at] + argv[at + 1:])
        args = parser.parse_args(argv)  # --version and --help end here
        _start()
        return _lint(args)
    except KeyboardInterrupt:
        sys.stderr.write(f"letterlint: {say('interrupted', _Parser.lang)}\n")
        return 130
    except BrokenPipeError:
        # the reader went away (`letterlint … | head`): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:
        if not _rule_definition_error(exc):
            raise
        sys.stderr.write(f"letterlint: {exc}\n")  # a broken plugin: say which, never a traceback
        return 2
    finally:
        collecting.restore(collecting_was_on)


def run() -> NoReturn:
    """The `letterlint` command (and `python -m letterlint`): main(), then exit without a last collection
    (collecting.freeze_for_exit)."""
    try:
        code = main()
    finally:
        collecting.freeze_for_exit()
    sys.exit(code)


def _rule_definition_error(exc: Exception) -> bool:
    """Is `exc` a RuleDefinitionError?  Without importing the registry (and the rules' modules with it) for
    runs that never load a rule (`letterlint --version`): if it is not loaded, none was raised."""
    registry = sys.modules.get("letterlint.registry")
    return registry is not None and isinstance(exc, registry.RuleDefinitionError)


def _start() -> None:
    """Before anything that defines dataclasses is imported: their compiled methods are kept between runs."""
    from .bundled import keep_dataclass_code

    keep_dataclass_code()


def _subcommand_at(parser: argparse.ArgumentParser, argv: list[str]) -> int | None:
    """The index of `rules`/`explain` when it is the first argument that is not an option or an option's value.

    A subcommand's name always means the subcommand, also when a file of that name exists: lint such a file
    as `./rules` (docs/usage.md)."""
    takes_value = {o for a in parser._actions if a.nargs != 0 for o in a.option_strings}
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            return None
        if not word.startswith("-") or word == "-":
            return i if word in SUBCOMMANDS else None
        i += 2 if word in takes_value else 1
    return None


def _load(args: argparse.Namespace, lang: str = "nl") -> tuple[Config, Plan]:
    """The configuration and the plan.  A broken configuration stops the run (ConfigError: all its errors)."""
    from .config import load_config
    from .runner import all_rules, build_plan

    collecting.quiet()
    config = load_config(None if args.isolated else args.config, search=not args.isolated)
    rules = all_rules(config)
    plan = build_plan(config, _rule_ids(args.select, rules, lang), _rule_ids(args.ignore, rules, lang))
    collecting.resume_after_start_up()
    return config, plan


def _rule_ids(values: list[str] | None, rules: dict[str, Rule], lang: str = "nl") -> list[str] | None:
    """Rule ids from --select/--ignore, matched case-insensitively; an unknown one is a usage error."""

    from .config import known_id
    from .runner import UsageError

    if not values:
        return values
    lower = {k.lower(): k for k in rules}
    out = []
    for value in values:
        for word in (w.strip() for w in value.split(",")):
            if not word:
                continue
            rule_id = known_id(word, rules, lower)
            if rule_id is None:
                raise UsageError(_unknown_rule(word, rules, lang))
            out.append(rule_id)
    return out


def _unknown_rule(word: str, rules: dict[str, Rule], lang: str) -> str:
    """«onbekende regel 'tpyo' (bedoelt u typo?)»."""
    import difflib

    from .catalogue import say

    lower = {k.lower(): k for k in rules}
    close = difflib.get_close_matches(word.lower(), list(lower), n=1)
    hint = say("did-you-mean", lang, what=lower[close[0]]) if close else say("see-rules", lang)
    return say("unknown-rule", lang, rule=word, hint=hint)


def _config_failed(exc: Exception, lang: str) -> int:
    """Every error of a broken configuration, one per line (file:line: key: what was expected); exit 2."""
    from .reporters.configerrors import in_language

    errors = getattr(exc, "errors", [exc])
    lines = []
    for e in errors:
        where = _relative(e.file)
        where = f"{where}:{e.line}" if e.line else where
        key = f" {e.keypath}:" if e.keypath else ""
        message = e.nl if lang != "en" and getattr(e, "nl", None) else in_language(e.message, lang)
        lines.append(f"letterlint: {where}:{key} {message}")
    n = len(errors)
    if n == 1:  # one broken setting: one line, as for any other input that cannot be used
        lines[0] += "; nothing was checked" if lang == "en" else "; er is niets gecontroleerd"
    else:
        lines.append("letterlint: " + (f"the configuration has {n} errors; nothing was checked" if lang == "en"
                                       else f"de configuratie bevat {n} fouten; er is niets gecontroleerd"))
    sys.stderr.write("".join(line + "\n" for line in lines))
    return 2


def _lint(args: argparse.Namespace) -> int:
    from .catalogue import say
    from .config import ConfigError
    from .runner import UsageError

    lang = args.lang or os.environ.get("LETTERLINT_LANG") or "nl"
    if not args.paths:
        sys.stderr.write(f"letterlint: {say('no-files', lang)}\n")
        return 2
    try:
        config, plan = _load(args, lang)
    except ConfigError as exc:
        return _config_failed(exc, lang)
    except UsageError as exc:
        sys.stderr.write(f"letterlint: {exc}\n")
        return 2
    lang = args.lang or config.lang or lang
    plan.across = args.across_files
    problem = _usage_problem(args, lang)
    if problem:
        sys.stderr.write(f"letterlint: {problem}\n")
        return 2
    baseline = _open_baseline(args, lang)
    if isinstance(baseline, int):
        return baseline
    results, diffs = _run(args, plan, config, lang)
    if args.diff:
        return _write_diffs(diffs, results, None)
    if args.write_baseline and baseline is not None:  # for_writing() made it
        return _write_baseline(baseline, results, lang, usage_problem=False)
    notes = _filter_baseline(baseline, results, lang) if baseline is not None else []
    written = _write_reports(args, results, plan, lang)
    if written is not None:
        return written
    if not args.quiet:
        for note in notes:
            sys.stderr.write(f"letterlint: {note}\n")
    code = exit_code_of(results, args.fail_on or config.fail_on or "warning")
    return 0 if args.exit_zero and code == 1 else code


def exit_code_of(results: list[FileResult], fail_on: str) -> int:
    from .runner import exit_code

    return exit_code(results, fail_on)


def _relative(name: str) -> str:
    """A path under the working folder as a relative one (what a writer typed or sees in their editor)."""
    if name.startswith("<") or not os.path.isabs(name.split(" [", 1)[0]):
        return name
    rel = os.path.relpath(name, os.getcwd())
    return name if rel.startswith("..") else rel


def _usage_problem(args: argparse.Namespace, lang: str = "nl") -> str | None:
    from .catalogue import say

    if args.paths.count("-") > 1:
        return say("stdin-once", lang)
    if args.format != "text" and (args.statistics or args.group_by != "file"):
        return say("text-only", lang)
    return _check_fix_arguments(args, lang)


def _run(args: argparse.Namespace, plan: Plan, config: Config, lang: str) -> tuple[list[FileResult], list[str]]:
    """Lint (or fix, or annotate) every file; the results in order, and the diffs of --diff."""
    from .runner import is_lock_file, lint_across

    diffs: list[str] = []
    paths = []
    found = _expand(args.paths, config.exclude, lang, args.quiet)
    for path in _letters_only(found, config) if args.only_letters else found:
        if is_lock_file(path):
            note = "Word-vergrendelbestand overgeslagen" if lang == "nl" else "Word lock file skipped"
            sys.stderr.write(f"letterlint: {path}: {note}\n")
            continue
        paths.append(path)
    results = []
    if args.fix or args.diff or args.annotate or args.suggest:  # writing files: one at a time, in this process
        stream: Iterator[FileResult] = (_fix_or_annotate(path, plan, args, lang, diffs) for path in paths)
    else:
        stream = _lint_files(paths, plan, args, lang)
    for result in stream:
        if result.error is not None:
            sys.stderr.write(f"letterlint: {result.path}: {result.error(lang)}\n")
        for problem in result.problems:
            sys.stderr.write(f"letterlint: {result.path}: {problem(lang)}\n")
        for remark in result.notes:
            sys.stderr.write(f"letterlint: {result.path}: {remark(lang)}\n")
        results.append(result)
    if plan.across:
        across_problems = lint_across(results, plan)
        for problem in across_problems:
            sys.stderr.write(f"letterlint: {problem(lang)}\n")
        if across_problems and results:
            results[0].problems.extend(across_problems)
    return results, diffs


def _expand(paths: list[str], exclude: list[str], lang: str, quiet: bool) -> list[str]:
    """The files to lint; a note on stderr for a folder given that holds none (exit code unchanged: 0 without
    findings, as for other linters, so a CI job over a folder with no letters yet does not fail)."""
    from .runner import STDIN, expand

    out: list[str] = []
    for path in paths:
        files = expand([path], exclude)
        if not files and path != STDIN and os.path.isdir(path) and not quiet:
            sys.stderr.write(f"letterlint: {path}: " + (
                "no letters found (.docx, .txt, .md) in this folder\n" if lang == "en" else
                "geen brieven gevonden (.docx, .txt, .md) in deze map\n"))
        out += files
    return out


def _letters_only(paths: list[str], config: Config) -> list[str]:
    from .letterlike import is_letter
    from .runner import config_dirs

    bases = config_dirs(config)
    return [p for p in paths if is_letter(p, config.letters, bases)]


def _shown_results(results: list[FileResult], show: str | None) -> list[FileResult]:
    """Results with only the findings at or above `show` (for the formats other than text)."""
    from dataclasses import replace as dc_replace

    from .findings import RANK

    if not show:
        return results
    return [dc_replace(r, findings=[f for f in r.findings if RANK[f.severity or ""] >= RANK[show]]) for r in results]


def _write_reports(args: argparse.Namespace, results: list[FileResult], plan: Plan, lang: str) -> int | None:
    """The report in --format (to stdout or --output-file) and the --report HTML; an exit code on failure."""
    from .reporters import FORMATS

    to_file = args.output_file is not None and args.output_file != "-"
    color = args.color == "always" or (args.color == "auto" and not to_file and sys.stdout.isatty()
                                       and not os.environ.get("NO_COLOR"))
    context: dict[str, Any] = dict(lang=lang, color=color, plan=plan)
    if args.format == "text":
        context.update(show=args.show or _default_show(args.fail_on or config_fail_on(plan)), group_by=args.group_by, statistics_only=args.statistics,
                       quiet=args.quiet)
        shown = results
    else:
        shown = _shown_results(results, args.show)
    try:
        if to_file:
            _write_atomic_text(args.output_file, lambda out: FORMATS[args.format](shown, out, **context))
        else:
            FORMATS[args.format](shown, sys.stdout, **context)
            sys.stdout.flush()
        if args.report:
            html = FORMATS["html"]
            _write_atomic_text(args.report, lambda out: html(_shown_results(results, args.show), out,
                                                              lang=lang, plan=plan))
    except BrokenPipeError:
        raise
    except OSError as exc:
        from .catalogue import reason, say

        name = exc.filename or args.report or args.output_file
        sys.stderr.write(f"letterlint: {name}: {say('report-unwritable', lang, why=reason(exc, lang))}\n")
        return 2
    return None


def config_fail_on(plan: Plan) -> str:
    return plan.config.fail_on or "warning"


def _default_show(fail_on: str) -> str:
    """Warnings and errors; info too when info findings fail the run (so the output says why)."""
    return "info" if fail_on == "info" else "warning"


def _write_atomic_text(path: str, write: Callable[[TextIO], object]) -> None:
    import io

    from .fixes import write_atomically

    buffer = io.StringIO()
    write(buffer)
    write_atomically(path, buffer.getvalue().encode("utf-8"))


# -- fixes and Word comments (--fix, --diff, --unsafe-fixes, --annotate) ---------------------------------


def _add_fix_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("fixes and Word comments")
    g.add_argument("--fix", action="store_true",
                   help="apply the safe fixes and write the files back, then report what remains")
    g.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply the unsafe fixes too")
    g.add_argument("--diff", action="store_true",
                   help="print what --fix would change as a unified diff (for .docx: of the paragraph texts); "
                   "write nothing; exit 1 when there is something to fix")
    g.add_argument("--annotate", metavar="OUT.docx",
                   help="write a copy of the .docx with every finding as a Word comment (the input is not changed)")
    g.add_argument("--suggest", metavar="OUT",
                   help="write a copy with every fix as a tracked change and every other finding as a comment "
                   "(Markdown/text: CriticMarkup); the input is not changed (see docs/suggest.md)")


def _check_fix_arguments(args: argparse.Namespace, lang: str = "nl") -> str | None:
    """A usage problem with the fix/annotate options, or None."""
    from .catalogue import say

    if args.unsafe_fixes and not (args.fix or args.diff or args.suggest):
        return say("unsafe-needs-fix", lang)
    if args.suggest is not None:
        from .suggest import check_arguments

        return check_arguments(args, lang)
    if args.fix and args.diff:
        return say("fix-or-diff", lang)
    if args.annotate is not None and (args.fix or args.diff):
        return say("annotate-alone", lang)
    if (args.fix or args.diff or args.annotate is not None) and "-" in args.paths:
        return say("needs-files", lang)
    if args.annotate is not None:
        from .annotate import same_file
        from .readers import kind_of

        if len(args.paths) != 1 or os.path.isdir(args.paths[0]):
            return say("annotate-one", lang)
        if same_file(args.paths[0], args.annotate):
            return say("annotate-overwrite", lang)
        if kind_of(args.annotate) != "docx":
            return say("annotate-docx", lang, name=args.annotate)
    return None


def _input_bytes(path: str) -> bytes:
    """The bytes of a file, with the reader's messages for what cannot be read."""
    from .readers import MAX_INPUT_BYTES, read_path

    try:
        if os.path.getsize(path) <= MAX_INPUT_BYTES:
            with open(path, "rb") as fh:
                return fh.read()
    except OSError:
        pass
    read_path(path)  # raises the InputError that explains why
    raise OSError(f"cannot read {path}")


def _fix_or_annotate(path: str, plan: Plan, args: argparse.Namespace, lang: str, diffs: list[str]) -> FileResult:
    from .findings import Msg
    from .readers import InputError
    from .runner import FileResult

    def failed(nl: str, en: str) -> FileResult:
        return FileResult(path=path, error=Msg(nl, en))

    try:
        data = _input_bytes(path)
        if args.annotate is not None:
            return _annotate_file(path, data, plan, args.annotate, lang)
        if args.suggest is not None:
            from .suggest import suggest_file

            return suggest_file(path, data, plan, args, lang)
        return _fix_file(path, data, plan, args, lang, diffs)
    except InputError as exc:
        return FileResult(path=path, error=exc.msg)
    except OSError as exc:
        from .catalogue import reason

        return failed(f"kon niet worden geschreven ({reason(exc, 'nl')}); het bestand is niet gewijzigd",
                      f"could not be written ({reason(exc, 'en')}); the file was not changed")
    except Exception as exc:  # a bug must not leave a traceback, nor a half-written file
        return failed(f"interne fout ({type(exc).__name__}: {exc}); het bestand is niet gewijzigd; meld dit",
                      f"internal error ({type(exc).__name__}: {exc}); the file was not changed; please report")


def _fix_file(path: str, data: bytes, plan: Plan, args: argparse.Namespace, lang: str, diffs: list[str]) -> FileResult:
    from .findings import Msg
    from .fixes import (
        FixError,
        WriteRefused,
        check_replaceable,
        diff,
        fix_bytes,
        open_elsewhere,
        snapshot,
        write_atomically,
    )
    from .reporters.text import where
    from .runner import FileResult
    from .wording import count

    en = lang == "en"
    snap = snapshot(path, data) if args.fix else None
    try:
        outcome = fix_bytes(data, path, plan, unsafe=args.unsafe_fixes)
    except FixError as exc:
        return FileResult(path=path, error=Msg(f"niet hersteld: {exc}", f"not fixed: {exc}"))
    if args.diff:
        diffs.append(diff(outcome, lang))
    elif outcome.changed:
        lock = open_elsewhere(path) if outcome.document.format == "docx" else None
        if lock:
            return FileResult(path=path, error=Msg(
                f"het document is geopend ({lock} bestaat); sluit het en herhaal --fix",
                f"the document is open in an editor ({lock} exists); close it and run --fix again"))
        try:
            check_replaceable(path)
            lost = write_atomically(path, outcome.data, expected=snap)
        except WriteRefused as exc:
            return FileResult(path=path, error=exc.msg)
        remain = len(outcome.findings)
        lost_note = (f"; extended attributes lost: {', '.join(lost)}" if en else
                     f"; uitgebreide attributen verloren: {', '.join(lost)}") if lost else ""
        sys.stderr.write(f"letterlint: {outcome.path}: " + (
            f"{count(outcome.applied, 'fix', lang)} applied, {count(remain, 'finding', lang)} remain{lost_note}\n"
            if en else
            f"{count(outcome.applied, 'fix', lang)} toegepast, {count(remain, 'finding', lang)} over{lost_note}\n"))
    if not args.diff:
        for f, why in outcome.unfixed:
            label = "not fixed" if en else "niet hersteld"
            sys.stderr.write(f"letterlint: {label}: {where(outcome.path, f.location, lang)} [{f.rule}] {why(lang)}\n")
    return FileResult(path=outcome.path, findings=outcome.findings, problems=outcome.problems,
                      notes=list(outcome.document.info.notes))


def _annotate_file(path: str, data: bytes, plan: Plan, out: str, lang: str) -> FileResult:
    from . import wording
    from .annotate import AnnotateError, annotate
    from .findings import Msg
    from .fixes import write_atomically
    from .readers import read_bytes
    from .runner import FileResult, lint_document

    doc = read_bytes(data, path)
    findings, problems = lint_document(doc, plan)
    try:
        annotated, count = annotate(data, doc, findings, lang)
    except AnnotateError as exc:
        return FileResult(path=doc.path, error=Msg(exc.nl, exc.en))
    write_atomically(out, annotated)
    sys.stderr.write(f"letterlint: {out}: {wording.count(count, 'comment', lang)} " +
                     ("written\n" if lang == "en" else "geschreven\n"))
    return FileResult(path=doc.path, findings=findings, problems=problems)


def _write_diffs(diffs: list[str], results: list[FileResult], config_problem: object) -> int:
    text = "".join(diffs)
    sys.stdout.write(text)
    sys.stdout.flush()
    if config_problem or any(r.error or r.problems for r in results):
        return 2
    return 1 if text else 0


# -- many files, baselines ---------------------------------------------------------------------------------


def _lint_files(paths: list[str], plan: Plan, args: argparse.Namespace, lang: str) -> Iterator[FileResult]:
    """FileResults in the order of `paths`: in -j processes, with a progress line on a terminal."""
    import functools

    from .parallel import Progress, lint_many

    cache = _open_cache(args, plan)
    cached = {p: cache.get(p) for p in paths if p != "-"} if cache else {}
    todo = [p for p in paths if cached.get(p) is None]
    progress = Progress.maybe(len(todo), lang)
    factory = functools.partial(_plan_for, args.config, args.isolated, args.select, args.ignore, os.getcwd(),
                                args.across_files)
    fresh = lint_many(todo, plan, jobs=args.jobs, stdin_filename=args.stdin_filename, plan_factory=factory,
                      progress=progress)
    try:
        for path in paths:
            result = cached.get(path)
            if result is None:
                result = next(fresh)
                if cache and path != "-":
                    cache.put(path, result)
            if progress and (result.error is not None or result.problems):
                progress.clear()
            yield result
    finally:
        fresh.close()
        if progress:
            progress.clear()
        if cache:
            cache.prune()


def _open_cache(args, plan):
    """The --cache store, or None (not asked for, or --across-files: summaries are not cached)."""
    if not getattr(args, "cache", False) or args.across_files:
        return None
    from pathlib import Path

    from .cache import Cache, default_dir

    return Cache(Path(args.cache_dir) if args.cache_dir else default_dir(), plan)


def _plan_for(config_path, isolated, select, ignore, cwd, across=False):
    """The plan again, in a spawned worker process (where the parent's cannot be inherited)."""
    from .config import ConfigError, load_config
    from .runner import build_plan

    os.chdir(cwd)
    try:
        config = load_config(None if isolated else config_path, search=not isolated)
    except ConfigError:
        config = load_config(None, search=False)
    plan = build_plan(config, select, ignore)
    plan.across = across
    return plan


def _open_baseline(args: argparse.Namespace, lang: str = "nl") -> Baseline | int | None:
    """The baseline to filter with or to write, None, or an exit code (2) when it cannot be read."""
    from .baseline import Baseline, BaselineError, for_writing

    if args.write_baseline:
        return for_writing(args.write_baseline)
    if args.baseline:
        try:
            return Baseline.load(args.baseline)
        except BaselineError as exc:
            sys.stderr.write(f"letterlint: {exc.path}: {exc.msg(lang)}\n")
            return 2
    return None


def _write_baseline(baseline: Baseline, results: list[FileResult], lang: str, usage_problem: bool) -> int:
    for r in results:
        if r.error is None:
            baseline.record(r.path, r.findings)
    try:
        baseline.write()
    except OSError as exc:
        from .catalogue import reason, say

        why = reason(exc, lang)
        sys.stderr.write(f"letterlint: {baseline.path}: {say('baseline-unwritable', lang, why=why)}\n")
        return 2
    n = sum(len(r.findings) for r in results)
    files = sum(1 for r in results if r.error is None)
    if lang == "en":
        print(f"Baseline {baseline.path} written: {n} finding{'s' if n != 1 else ''} in {files} "
              f"file{'s' if files != 1 else ''} recorded. Use --baseline {baseline.path} to report only new ones.")
    else:
        print(f"Baseline {baseline.path} geschreven: {n} bevinding{'en' if n != 1 else ''} in {files} "
              f"bestand{'en' if files != 1 else ''} vastgelegd. Gebruik --baseline {baseline.path} om alleen "
              "nieuwe te melden.")
    return 2 if usage_problem or any(r.error or r.problems for r in results) else 0


def _filter_baseline(baseline: Baseline, results: list[FileResult], lang: str) -> list[str]:
    """Drop the findings recorded in the baseline; notes for stderr (how many were hidden, stale ones)."""
    from .wording import plural

    known = 0
    for r in results:
        if r.error is None:
            r.findings, hidden = baseline.filter(r.path, r.findings)
            known += hidden
    notes = []
    nl = lang != "en"
    if known:
        found = plural(known, ("bevinding", "bevindingen") if nl else ("finding", "findings"))
        notes.append(f"{known} bekende {found} uit {baseline.path} niet getoond" if nl else
                     f"{known} known {found} from {baseline.path} not shown")
    if baseline.stale:
        n = baseline.stale
        notes.append(f"{n} vastgelegde {plural(n, ('bevinding komt', 'bevindingen komen'))} niet meer voor; maak "
                     f"de baseline opnieuw met --write-baseline {baseline.path}" if nl else
                     f"{n} recorded {plural(n, ('finding no longer occurs', 'findings no longer occur'))}; remake "
                     f"the baseline with --write-baseline {baseline.path}")
    return notes


# -- rules / explain -------------------------------------------------------------------------------------


def _subcommand(name: str, argv: list[str]) -> int:
    from .catalogue import lang_of_argv

    p = _Parser(prog=f"letterlint {name}")
    p.lang = lang_of_argv(argv, os.environ.get("LETTERLINT_LANG"))
    if name == "explain":
        p.add_argument("rule", help="a rule id (see letterlint rules)")
    p.add_argument("--config", metavar="FILE")
    p.add_argument("--isolated", action="store_true")
    p.add_argument("--lang", choices=("nl", "en"), default=None)
    args = p.parse_args(argv)
    from .config import ConfigError, load_config
    from .runner import all_rules

    try:
        config = load_config(None if args.isolated else args.config, search=not args.isolated)
    except ConfigError as exc:
        return _config_failed(exc, args.lang or p.lang)
    from .reporters.text import severity_word

    lang = args.lang or config.lang or os.environ.get("LETTERLINT_LANG") or "nl"
    rules = all_rules(config)
    if name == "rules":
        width = max(len(r) for r in rules)
        for rule_id in sorted(rules):
            listed = rules[rule_id]
            settings = config.rule_settings(rule_id)
            enabled = settings.get("enabled", listed.enabled)
            severity = settings.get("severity", listed.severity)
            state = "" if enabled else (" (uit)" if lang == "nl" else " (off)")
            fix = " [fix]" if listed.fixable else ""
            print(f"{rule_id:<{width}}  {severity_word(severity, lang):<12}  {listed.summary(lang)}{fix}{state}")
        return 0
    from .config import known_id

    rule = rules.get(known_id(args.rule, rules) or "")
    if rule is None:
        sys.stderr.write(f"letterlint: {_unknown_rule(args.rule, rules, lang)}\n")
        return 2
    print(_explain(rule, config, lang, severity_word))
    return 0


def _explain(rule: Rule, config: Config, lang: str, severity_word: Callable[[str, str], str]) -> str:
    import yaml

    settings = config.rule_settings(rule.id)
    severity = severity_word(settings.get("severity", rule.severity), lang)
    lines = [f"{rule.id}  ({severity})", "", rule.summary(lang), ""]
    doc, translated = rule.doc_in(lang)
    if not translated:  # no Dutch documentation for this rule (yet): say that English follows, once
        lines += ["Documentatie (in het Engels):", ""]
    lines.append(doc)
    options = {k: v for k, v in {**rule.default, **settings}.items() if k not in ("enabled", "severity", "kind")}
    if options and rule.origin != "config":
        shown = yaml.safe_dump(options, allow_unicode=True, sort_keys=False, width=100)
        if len(shown) > 2500:
            shown = shown[:2500] + "  …\n"
        lines += ["", "Options in effect:" if lang == "en" else "Opties zoals ingesteld:", shown.rstrip()]
    return "\n".join(lines)


if __name__ == "__main__":
    run()

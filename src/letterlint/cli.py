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

from . import __version__

SUBCOMMANDS = ("rules", "explain")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2
        sys.stderr.write(f"letterlint: {message} (see letterlint --help)\n")
        sys.exit(2)


def _lint_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="letterlint",
        description="Lint Dutch government letters: .docx, Word text exports (.txt) and Markdown (.md).",
        epilog="Other commands: `letterlint rules` lists the rules, `letterlint explain RULE` documents one. "
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors.",
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
    p.add_argument("--version", action="version", version=f"letterlint {__version__}")
    return p


def _formats() -> list[str]:
    from .reporters import FORMATS

    return sorted(FORMATS)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return _subcommand(argv[0], argv[1:])
        return _lint(_lint_parser().parse_args(argv))
    except KeyboardInterrupt:
        sys.stderr.write("letterlint: interrupted\n")
        return 130
    except BrokenPipeError:
        # the reader went away (`letterlint … | head`): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _load(args) -> tuple:
    """The configuration and the plan; an invalid configuration falls back to the default (exit 2)."""
    from .config import ConfigError, load_config
    from .runner import build_plan

    config_problem = None
    try:
        config = load_config(None if args.isolated else args.config, search=not args.isolated)
        plan = build_plan(config, args.select, args.ignore)
    except ConfigError as exc:
        config_problem = str(exc)
        config = load_config(None, search=False)  # the bundled default; its own validity is tested
        plan = build_plan(config, args.select, args.ignore)
    return config, plan, config_problem


def _lint(args) -> int:
    from .runner import UsageError, exit_code, expand, is_lock_file, lint_across, lint_file

    lang = args.lang or os.environ.get("LETTERLINT_LANG") or "nl"
    if not args.paths:
        sys.stderr.write("letterlint: no files given (try: letterlint draft.docx, or letterlint --help)\n")
        return 2
    try:
        config, plan, config_problem = _load(args)
    except UsageError as exc:
        sys.stderr.write(f"letterlint: {exc}\n")
        return 2
    lang = args.lang or config.lang or lang
    if config_problem:
        fallback = ("de standaardconfiguratie is gebruikt" if lang == "nl" else "the default configuration was used")
        sys.stderr.write(f"letterlint: {config_problem} ({fallback})\n")
    plan.across = args.across_files
    fail_on = args.fail_on or config.fail_on or "warning"
    if args.paths.count("-") > 1:
        sys.stderr.write("letterlint: '-' (standard input) can be given only once\n")
        return 2

    results = []
    for path in expand(args.paths, config.exclude):
        if is_lock_file(path):
            note = "Word-vergrendelbestand overgeslagen" if lang == "nl" else "Word lock file skipped"
            sys.stderr.write(f"letterlint: {path}: {note}\n")
            continue
        result = lint_file(path, plan, args.stdin_filename)
        if result.error is not None:
            sys.stderr.write(f"letterlint: {result.path}: {result.error(lang)}\n")
        for problem in result.problems:
            sys.stderr.write(f"letterlint: {result.path}: {problem(lang)}\n")
        results.append(result)
    if plan.across:
        across_problems = lint_across(results, plan)
        for problem in across_problems:
            sys.stderr.write(f"letterlint: {problem(lang)}\n")
        if across_problems and results:
            results[0].problems.extend(across_problems)

    from .reporters import FORMATS

    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    FORMATS[args.format](results, sys.stdout, lang=lang, color=color)
    sys.stdout.flush()
    return exit_code(results, fail_on, usage_problem=bool(config_problem))


# -- rules / explain -------------------------------------------------------------------------------------


def _subcommand(name: str, argv: list[str]) -> int:
    p = _Parser(prog=f"letterlint {name}")
    if name == "explain":
        p.add_argument("rule", help="a rule id (see letterlint rules)")
    p.add_argument("--config", metavar="FILE")
    p.add_argument("--lang", choices=("nl", "en"), default=None)
    args = p.parse_args(argv)
    from .config import ConfigError, load_config
    from .runner import all_rules

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        sys.stderr.write(f"letterlint: {exc}\n")
        return 2
    lang = args.lang or config.lang or os.environ.get("LETTERLINT_LANG") or "nl"
    rules = all_rules(config)
    if name == "rules":
        width = max(len(r) for r in rules)
        for rule_id in sorted(rules):
            rule = rules[rule_id]
            settings = config.rule_settings(rule_id)
            enabled = settings.get("enabled", rule.enabled)
            severity = settings.get("severity", rule.severity)
            state = "" if enabled else (" (uit)" if lang == "nl" else " (off)")
            fix = " [fix]" if rule.fixable else ""
            print(f"{rule_id:<{width}}  {severity:<7}  {rule.summary(lang)}{fix}{state}")
        return 0
    rule = rules.get(args.rule)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(args.rule, list(rules), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        sys.stderr.write(f"letterlint: unknown rule {args.rule!r}{hint}\n")
        return 2
    print(_explain(rule, config, lang))
    return 0


def _explain(rule, config, lang: str) -> str:
    import yaml

    settings = config.rule_settings(rule.id)
    lines = [f"{rule.id}  ({settings.get('severity', rule.severity)})", "", rule.summary(lang), "", rule.doc]
    options = {k: v for k, v in {**rule.default, **settings}.items() if k not in ("enabled", "severity", "kind")}
    if options and rule.origin != "config":
        shown = yaml.safe_dump(options, allow_unicode=True, sort_keys=False, width=100)
        if len(shown) > 2500:
            shown = shown[:2500] + "  …\n"
        lines += ["", "Options in effect:" if lang == "en" else "Opties zoals ingesteld:", shown.rstrip()]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

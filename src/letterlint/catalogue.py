"""What the command line says outside the findings, in the run's language (Dutch by default, English).

`say(key, lang, **fields)` looks a message up in MESSAGES.  `reason(exc, lang)` words why a file could not
be read or written — an OSError by its errno, a YAML or XML (expat) error by its kind and position — so no
library's English ends up inside a Dutch line.  `usage_error(message, lang)` does the same for argparse's
own errors, which are made from a few fixed English patterns.
"""

from __future__ import annotations

import errno
import os
import re

MESSAGES: dict[str, tuple[str, str]] = {  # key: (Dutch, English)
    "no-files": ("geen bestanden opgegeven (probeer: letterlint concept.docx, of letterlint --help)",
                 "no files given (try: letterlint draft.docx, or letterlint --help)"),
    "unknown-rule": ("onbekende regel {rule!r}{hint}", "unknown rule {rule!r}{hint}"),
    "did-you-mean": (" (bedoelt u {what}?)", " (did you mean {what}?)"),
    "see-rules": (" (zie `letterlint rules`)", " (see `letterlint rules`)"),
    "see-help": (" (zie letterlint --help)", " (see letterlint --help)"),
    "stdin-once": ("'-' (standaardinvoer) kan maar één keer worden opgegeven",
                   "'-' (standard input) can be given only once"),
    "text-only": ("--statistics en --group-by gelden voor de tekstuitvoer (--format text)",
                  "--statistics and --group-by apply to the text output (--format text)"),
    "unsafe-needs-fix": ("--unsafe-fixes werkt alleen met --fix of --diff (of --suggest)",
                         "--unsafe-fixes needs --fix or --diff (or --suggest)"),
    "fix-or-diff": ("--fix schrijft de bestanden, --diff toont alleen de wijzigingen: kies één van beide",
                    "--fix writes the files, --diff only shows the changes: give one of them"),
    "annotate-alone": ("--annotate gaat niet samen met --fix of --diff (eerst herstellen, dan annoteren)",
                       "--annotate cannot be combined with --fix or --diff (fix first, then annotate)"),
    "needs-files": ("--fix, --diff en --annotate werken op bestanden, niet op standaardinvoer",
                    "--fix, --diff and --annotate need files, not standard input"),
    "annotate-one": ("--annotate neemt precies één .docx-bestand", "--annotate takes exactly one .docx file"),
    "annotate-overwrite": ("--annotate zou het invoerbestand overschrijven; geef een andere naam voor de kopie",
                           "--annotate would overwrite the input; give another file name for the annotated copy"),
    "annotate-docx": ("--annotate schrijft een Word-bestand: geef het een .docx-naam, niet {name!r}",
                      "--annotate writes a Word file: give it a .docx name, not {name!r}"),
    "suggest-alone": ("--suggest gaat niet samen met --fix, --diff of --annotate",
                      "--suggest cannot be combined with --fix, --diff or --annotate"),
    "suggest-one": ("--suggest neemt precies één bestand (geen standaardinvoer, geen map)",
                    "--suggest takes exactly one file (not standard input)"),
    "suggest-overwrite": ("--suggest zou het invoerbestand overschrijven; geef een andere naam voor de kopie",
                          "--suggest would overwrite the input; give another file name for the copy"),
    "suggest-kind": ("--suggest schrijft een bestand van dezelfde soort als de invoer: geef het een {wanted}-naam, "
                     "niet {name!r}",
                     "--suggest writes a file of the same kind as the input: give it a {wanted} name, not {name!r}"),
    "baseline-missing": ("baseline niet gevonden (maak er een met --write-baseline {file})",
                         "baseline not found (make one with --write-baseline {file})"),
    "baseline-invalid": ("geen letterlint-baseline ({why})", "not a letterlint baseline ({why})"),
    "baseline-json": ("geen geldige JSON op regel {line}, kolom {column}", "not valid JSON at line {line}, column {column}"),
    "baseline-format": ("verwacht \"letterlint-baseline\": {format}", "expected \"letterlint-baseline\": {format}"),
    "baseline-entry": ("een vermelding heeft niet de verwachte vorm", "an entry does not have the expected shape"),
    "report-unwritable": ("het rapport kan niet worden geschreven ({why})", "cannot write the report ({why})"),
    "baseline-unwritable": ("de baseline kan niet worden geschreven ({why})", "cannot write the baseline ({why})"),
    "diff-paragraphs": ("(tekst van de alinea's)", "(paragraph text)"),
    "diff-bookmarks": ("{{bladwijzers: {names}}}", "{{bookmarks: {names}}}"),
    "interrupted": ("onderbroken", "interrupted"),
}

ERRNO: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("bestand of map bestaat niet", "no such file or folder"),
    errno.EACCES: ("geen toegang", "permission denied"),
    errno.EPERM: ("niet toegestaan", "operation not permitted"),
    errno.EISDIR: ("dit is een map", "this is a folder"),
    errno.ENOTDIR: ("een deel van het pad is geen map", "part of the path is not a folder"),
    errno.ENOSPC: ("de schijf is vol", "no space left on the disk"),
    errno.EROFS: ("het bestandssysteem is alleen-lezen", "the file system is read-only"),
    errno.EEXIST: ("bestaat al", "already exists"),
    errno.ENAMETOOLONG: ("de naam is te lang", "the name is too long"),
    errno.EDQUOT: ("de schijfquota is op", "disk quota exceeded"),
    errno.EBUSY: ("in gebruik", "busy"),
}

# YAML (PyYAML's `problem`) and XML (expat) kinds: (English text the library gives, Dutch, English)
YAML_PROBLEMS = [
    ("did not find expected node content", "hier ontbreekt een waarde", "a value is missing here"),
    ("expected the node content", "hier ontbreekt een waarde", "a value is missing here"),
    ("could not find expected ':'", "hier ontbreekt een dubbele punt", "a colon is missing here"),
    ("expected <block end>", "een inspringing klopt niet", "the indentation is wrong"),
    ("expected <document start>", "een inspringing klopt niet", "the indentation is wrong"),
    ("found unknown escape character", "een onbekende \\-code tussen aanhalingstekens (gebruik enkele "
     "aanhalingstekens)", "an unknown \\ escape in double quotes (use single quotes)"),
    ("did not find expected key", "hier ontbreekt een sleutel (of een inspringing klopt niet)",
     "a key is missing here (or the indentation is wrong)"),
    ("mapping values are not allowed here", "een dubbele punt op een plaats waar die niet mag (zet de tekst tussen "
     "aanhalingstekens)", "a colon where none may stand (quote the text)"),
    ("found character '\\t' that cannot start any token", "een tab; YAML springt in met spaties",
     "a tab; YAML indents with spaces"),
    ("found undefined alias", "een onbekende verwijzing (*naam)", "an unknown alias (*name)"),
    ("found unexpected end of stream", "de tekst houdt onverwacht op", "the text ends unexpectedly"),
    ("found unexpected ':'", "een onverwachte dubbele punt", "an unexpected colon"),
    ("expected ',' or ']'", "een ',' of ']' ontbreekt", "a ',' or ']' is missing"),
    ("expected ',' or '}'", "een ',' of '}' ontbreekt", "a ',' or '}' is missing"),
    ("found duplicate anchor", "een anker (&naam) staat er twee keer", "an anchor (&name) occurs twice"),
]
XML_PROBLEMS = [
    ("no element found", "het XML houdt onverwacht op", "the XML ends unexpectedly"),
    ("unclosed token", "het XML houdt onverwacht op", "the XML ends unexpectedly"),
    ("mismatched tag", "een element wordt niet goed gesloten", "an element is not closed properly"),
    ("not well-formed (invalid token)", "een ongeldig teken", "an invalid character"),
    ("junk after document element", "tekst na het einde van het document", "text after the end of the document"),
    ("undefined entity", "een onbekende entiteit", "an undefined entity"),
    ("syntax error", "het is geen XML", "it is not XML"),
    ("unbound prefix", "een onbekend namespace-voorvoegsel", "an unknown namespace prefix"),
    ("duplicate attribute", "een attribuut staat er twee keer", "an attribute occurs twice"),
    ("XML declaration not well-formed", "de XML-declaratie klopt niet", "the XML declaration is malformed"),
]


def _lang(lang: str) -> int:
    return 1 if lang == "en" else 0


def say(key: str, lang: str = "nl", **fields: object) -> str:
    """The message `key` in the run's language, with its fields filled in."""
    return MESSAGES[key][_lang(lang)].format(**fields)


def _known(text: str, table: list[tuple[str, str, str]], lang: str) -> str | None:
    for english, nl, en in table:
        if text.startswith(english):
            return en if lang == "en" else nl
    return None


def _at(line: int | None, column: int | None, lang: str) -> str:
    if line is None:
        return ""
    return (f"line {line}, column {column}: " if lang == "en" else f"regel {line}, kolom {column}: ")


def reason(exc: BaseException, lang: str = "nl") -> str:
    """Why something failed, in the run's language: OSError by errno, YAML and XML by kind and position.

    A kind not in the tables keeps the library's text after a neutral separator (in an English run the
    library's own text is the best wording there is)."""
    if isinstance(exc, OSError) and exc.errno in ERRNO:
        return ERRNO[exc.errno][_lang(lang)]
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    mark = getattr(exc, "problem_mark", None)
    if mark is not None or getattr(exc, "problem", None):  # a yaml.MarkedYAMLError
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where = _at(mark.line + 1, mark.column + 1, lang) if mark is not None else ""
        return where + (_known(problem, YAML_PROBLEMS, lang) or f"YAML — {problem}")
    position = getattr(exc, "position", None) or (getattr(exc, "lineno", None), getattr(exc, "offset", None))
    text = re.sub(r": line \d+, column \d+$", "", str(exc))
    if getattr(exc, "code", None) is not None or position[0] is not None:  # expat / ElementTree ParseError
        return _at(position[0], position[1], lang) + (_known(text, XML_PROBLEMS, lang) or f"XML — {text}")
    return str(exc)


def detail(text: str, lang: str = "nl") -> str:
    """A library's English detail (a YAML or XML problem, an OS error's strerror) in the run's language."""
    if lang == "en":
        return text
    for table in (YAML_PROBLEMS, XML_PROBLEMS):
        known = _known(text, table, lang)
        if known:
            return known
    by_text = {os_text.lower(): nl for nl, os_text in ERRNO.values()}
    by_text.update({os.strerror(code).lower(): nl for code, (nl, _) in ERRNO.items()})
    return by_text.get(text.lower(), text)


ARGPARSE = [  # argparse's English patterns (Python 3.10–3.13) → Dutch
    (r"unrecognized arguments: (?P<args>.+)", "onbekende argumenten: {args}"),
    (r"argument (?P<opt>\S+): invalid choice: (?P<got>\S+) \(choose from (?P<choices>.+)\)",
     "{opt}: ongeldige keuze {got} (kies uit {choices})"),
    (r"argument (?P<opt>\S+): expected one argument", "{opt} verwacht een waarde"),
    (r"argument (?P<opt>\S+): expected (?P<n>.+) arguments?", "{opt} verwacht {n} waarden"),
    (r"argument (?P<opt>\S+): not allowed with argument (?P<other>\S+)", "{opt} gaat niet samen met {other}"),
    (r"argument (?P<opt>\S+): ignored explicit argument (?P<got>.+)", "{opt} neemt geen waarde (gekregen: {got})"),
    (r"argument (?P<opt>\S+): invalid (?P<type>\w+) value: (?P<got>.+)", "{opt}: ongeldige waarde {got}"),
    (r"argument (?P<opt>\S+): expected a number of processes, got (?P<got>.+)",
     "{opt}: verwacht een aantal processen, niet {got}"),
    (r"argument (?P<opt>\S+): expected 0 \(one per core\) or more", "{opt}: verwacht 0 (één per kern) of meer"),
    (r"the following arguments are required: (?P<args>.+)", "deze argumenten ontbreken: {args}"),
    (r"ambiguous option: (?P<opt>\S+) could match (?P<options>.+)", "dubbelzinnige optie {opt}: bedoelt u {options}?"),
]
_ARGPARSE: list = []  # ARGPARSE compiled: only when argparse complains, not at the import every run pays


def _argparse_patterns() -> list:
    if not _ARGPARSE:
        from .lazyre import compile_re

        _ARGPARSE.extend((compile_re(rf"^{p}$", re.DOTALL), t) for p, t in ARGPARSE)
    return _ARGPARSE


def usage_error(message: str, lang: str = "nl") -> str:
    """An argparse error in the run's language (an unknown pattern stays as argparse wrote it)."""
    if lang == "en":
        return message
    for pattern, template in _argparse_patterns():
        m = pattern.match(message)
        if m:
            return template.format(**m.groupdict())
    return message


def lang_of_argv(argv: list[str], environ_lang: str | None) -> str:
    """The run's language before the options are parsed (for argparse's own errors): --lang, else the
    environment, else Dutch."""
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "nl"
        if word.startswith("--lang="):
            return "en" if word.split("=", 1)[1] == "en" else "nl"
    return "en" if environ_lang == "en" else "nl"

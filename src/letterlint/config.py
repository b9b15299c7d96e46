"""Configuration: finding, loading, validating and merging `rules.yaml` files.

Order of precedence: `--config PATH`; else the nearest `rules.yaml` or `pyproject.toml` with a
`[tool.letterlint]` table, from the working directory upward; else the bundled default.  A file extends the
bundled default unless it says `extends: none` (or names another file).  Each file is validated on its own
against the shipped JSON schema and the rules' option schemas, so an error names that file, the line, the
key path and what was expected.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .bundled import load_yaml as _load_bundled_yaml
from .findings import Severity
from .lazyre import lazy_re
from .registry import Rule, builtin_rules

if TYPE_CHECKING:
    import yaml  # for the annotations only: at run time PyYAML is imported where it is used (start-up)

DEFAULT = "default"
# PyYAML is imported where a file is parsed or a line looked up, not at import: the bundled default comes
# parsed from `bundled`, kept between runs (start-up).  Its loaders: "trusted" (libyaml's, the bundled
# default only) and "user": every other file goes through the pure-Python loader: libyaml's C composer
# recurses without a limit and crashes the process on deeply nested input, where the Python one raises a
# RecursionError we can report.


def _loader(kind: str = "user") -> type:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader) if kind == "trusted" else yaml.SafeLoader
MAX_CONFIG_BYTES = 4 * 1024 * 1024
MAX_ALIAS_NODES = 100_000  # nodes that aliases may add to a configuration (a "billion laughs" has 9^9)
MAX_INT_DIGITS = 4300  # Python's own limit for converting a string to an int
MAX_FLOW_DEPTH = 100  # [ and { nested this deep: refused at once (the Python scanner slows down quadratically)
_FLOW = lazy_re(r"[\[\]{}]")
_YAML_EXTENSIONS = (".yaml", ".yml")


class ConfigError(Exception):
    """An invalid configuration: one line naming the file, the line, the key and what was expected.

    `nl` is the Dutch message where there is one (else the CLI translates the English one, or shows it)."""

    def __init__(self, file: str, line: int | None, keypath: str, message: str, nl: str | None = None):
        self.file, self.line, self.keypath, self.message, self.nl = file, line, keypath, message, nl
        self.errors: list[ConfigError] = [self]  # every error found in the file, this one first
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" {self.keypath}:" if self.keypath else ""
        message = self.nl if lang == "nl" and self.nl else self.message
        return f"{where}:{key} {message}"

    @classmethod
    def combine(cls, errors: list[ConfigError]) -> ConfigError:
        """One exception for all the errors of a configuration; str() lists them, one per line."""
        first = errors[0]
        combined = cls(first.file, first.line, first.keypath, first.message, first.nl)
        combined.errors = list(errors)
        combined.args = ("\n".join(str(e.args[0]) for e in errors),)
        return combined


# -- the bundled default -------------------------------------------------------------------------------


def default_config_path() -> Path:
    beside = Path(__file__).with_name("rules.yaml")  # the installed wheel; no importlib.resources (start-up)
    if beside.is_file():
        return beside
    checkout = Path(__file__).resolve().parents[2] / "rules.yaml"
    if checkout.is_file() and (checkout.parent / "lint_rules").is_dir():
        return checkout  # an editable install or a source checkout: the design card keeps rules.yaml at the top
    from importlib import resources  # not at import: it loads tempfile, shutil, bz2, lzma … (start-up)

    packaged = resources.files("letterlint").joinpath("rules.yaml")
    if packaged.is_file():
        return Path(str(packaged))
    # an editable install or a source checkout: the design card keeps rules.yaml at the top
    return Path(__file__).resolve().parents[2] / "rules.yaml"


@cache
def schema() -> dict:
    import json  # here, not at import: only validating a configuration reads the schema (start-up)
    from importlib import resources

    return json.loads(resources.files("letterlint").joinpath("schema/config.schema.json").read_text("utf-8"))


# -- one file, with positions --------------------------------------------------------------------------


@dataclass
class Source:
    """One configuration file as loaded: its data and a way to find the line of a key path."""

    name: str
    text: str
    data: dict
    kind: str = "yaml"  # yaml | toml
    loader: str = "user"  # the YAML loader: "user" or "trusted" (see _loader)

    def line_of(self, path: tuple) -> int | None:
        if self.kind == "toml":
            return _toml_line(self.text, path)
        import yaml

        try:
            node = yaml.compose(self.text, Loader=_loader(self.loader))
        except (yaml.YAMLError, RecursionError):
            return None
        return _node_line(node, path)

    def error(self, path: tuple, message: str, nl: str | None = None) -> ConfigError:
        return ConfigError(self.name, self.line_of(path), keypath(path), message, nl)


def keypath(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _node_line(node: yaml.Node | None, path: tuple) -> int | None:
    import yaml

    line = node.start_mark.line + 1 if node is not None else None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    node, line = value_node, key_node.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _toml_line(text: str, path: tuple) -> int | None:
    """Best effort for pyproject.toml: the line of the deepest key found below [tool.letterlint…]."""
    lines = text.splitlines()
    header = next((i for i, ln in enumerate(lines) if ln.strip().startswith("[tool.letterlint")), None)
    if header is None:
        return None
    best = header + 1
    for part in (p for p in path if isinstance(p, str)):
        for i in range(best - 1, len(lines)):
            stripped = lines[i].strip()
            if stripped.startswith((f"{part} ", f"{part}=", f'"{part}"', f"[tool.letterlint.{part}")) or stripped.endswith(f".{part}]"):
                best = i + 1
                break
    return best


def load_yaml_source(path: Path, name: str | None = None, trusted: bool = False) -> Source:
    name = name or str(path)
    text = _read_config_text(path, name)
    if not trusted and _flow_depth(text) > MAX_FLOW_DEPTH:
        raise ConfigError(name, None, "", "nested too deeply", "te diep genest")
    if trusted:  # the bundled default: parsed once and kept between runs, without PyYAML (`bundled`)
        data = _load_bundled_yaml(path, text)
    else:
        data = _kept_user_yaml(text, name)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(name, 1, "", f"expected a mapping of settings at the top, got {_typename(data)}",
                          f"verwacht bovenaan een mapping van instellingen, niet {_typename(data)}")
    return Source(name, text, data, loader="trusted" if trusted else "user")


# A repository's own configuration is read by every run (a pre-commit hook: every commit).  Parsing it with
# PyYAML's pure-Python loader and validating it (importing jsonschema alone is ~75 ms) cost more than linting
# a small letter, for the same text each time; so a text that parsed, or validated, cleanly is remembered
# between runs by a digest of its content (bundled.kept_memo: beside the bytecode, not written with -B).
# A text with errors is never remembered: its errors are found and reported afresh every run.
_KEPT_FORMAT = 1


def _digest(*parts: str) -> str:
    from .hashing import blake2b

    return blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _kept_user_yaml(text: str, name: str) -> Any:
    """_load_user_yaml(text, name), remembered between runs for a text that loaded cleanly."""
    import pickle

    from . import __version__
    from .bundled import kept_memo

    memo = kept_memo("user-config", (_KEPT_FORMAT, __version__))
    key = _digest(text)
    kept = memo.data.get(key)
    if isinstance(kept, bytes):
        try:
            return pickle.loads(kept)  # a fresh copy: callers change the data (extends is popped)
        except Exception:  # damaged: parsed again below
            pass
    data = _load_user_yaml(text, name)
    try:
        memo.data[key] = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        memo.changed()
    except Exception:  # a value pickle cannot hold (none the safe loader makes): parsed every run
        pass
    return data


def _load_user_yaml(text: str, name: str) -> Any:
    import yaml

    loader = _loader("user")
    try:
        _inspect(yaml.compose(text, Loader=loader), name)
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        from .catalogue import detail

        raise ConfigError(name, mark.line + 1 if mark else None, "", f"invalid YAML: {problem}",
                          f"ongeldige YAML: {detail(problem, 'nl')}") from None
    except RecursionError:
        raise ConfigError(name, None, "", "nested too deeply", "te diep genest") from None
    except (ValueError, MemoryError):  # a number too long to convert, a value too large for memory
        raise ConfigError(name, None, "", "a value is too large", "een waarde is te groot") from None


def _flow_depth(text: str) -> int:
    """How deep [ and { nest (brackets inside quoted strings count too: a generous over-estimate)."""
    depth = deepest = 0
    for m in _FLOW.finditer(text):
        if m.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


def _read_config_text(path: Path, name: str) -> str:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(name, None, "", f"cannot read the configuration ({exc.strerror or exc})",
                          f"kan de configuratie niet lezen ({exc.strerror or exc})") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(name, None, "", f"the configuration is larger than {MAX_CONFIG_BYTES // 2**20} MB",
                          f"de configuratie is groter dan {MAX_CONFIG_BYTES // 2**20} MB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(name, None, "", "the configuration is not UTF-8 text",
                          "de configuratie is geen UTF-8-tekst") from None


def _inspect(root: yaml.Node | None, name: str) -> None:
    """Refuse what a YAML loader accepts but a configuration must not hold: aliases that expand beyond
    MAX_ALIAS_NODES nodes (or into themselves), duplicate keys, numbers too long to convert.

    One pass over the composed graph: an alias is the same node object as its anchor, so the expanded size
    of each node is computed once (memoised) and the work stays linear in the size of the text."""
    if root is None:
        return
    size: dict[int, int] = {}
    composed = 0
    stack = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, done = stack.pop()
        children = _children(node)
        if done:
            on_path.discard(id(node))
            size[id(node)] = 1 + sum(size[id(c)] for c in children)
            continue
        if id(node) in size:
            continue
        if id(node) in on_path:
            raise ConfigError(name, node.start_mark.line + 1, "", "an alias refers to itself",
                              "een alias verwijst naar zichzelf")
        composed += 1
        _check_node(node, name)
        on_path.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in size)
    if size[id(root)] > composed + MAX_ALIAS_NODES:
        raise ConfigError(name, None, "", f"aliases expand the configuration to {size[id(root)]:,} values "
                          f"(at most {MAX_ALIAS_NODES:,} more than written); a YAML alias bomb?",
                          f"aliassen blazen de configuratie op tot {size[id(root)]:_} waarden (hooguit "
                          f"{MAX_ALIAS_NODES:_} meer dan er staan); een YAML-aliasbom?".replace("_", "."))


def _children(node: yaml.Node) -> list:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_node(node: yaml.Node, name: str) -> None:
    import yaml

    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        digits = sum(ch.isdigit() for ch in node.value[: MAX_INT_DIGITS * 2])
        if node.tag == "tag:yaml.org,2002:int" and digits > MAX_INT_DIGITS:
            raise ConfigError(name, line, "", f"a number of more than {MAX_INT_DIGITS} digits",
                              f"een getal van meer dan {MAX_INT_DIGITS} cijfers")
        return
    if not isinstance(node, yaml.MappingNode):
        return
    seen: dict[str, int] = {}
    for key, _value in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        here = key.start_mark.line + 1
        if key.value in seen:
            raise ConfigError(name, here, "", f"duplicate key {key.value!r} (lines {seen[key.value]} and {here})",
                              f"sleutel {key.value!r} staat er twee keer (regel {seen[key.value]} en {here})")
        seen[key.value] = here


def load_pyproject_source(path: Path) -> Source | None:
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(str(path), None, "", f"cannot read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), None, "", f"invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("letterlint")
    if table is None:
        return None
    return Source(f"{path} [tool.letterlint]", text, table, kind="toml")


def find_config(start: Path) -> Path | None:
    """The nearest rules.yaml, or pyproject.toml with [tool.letterlint], from `start` upward."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "rules.yaml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.letterlint" in _read_quietly(pyproject):
            return pyproject
    return None


def _read_quietly(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _typename(value: Any) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)


# -- validation ---------------------------------------------------------------------------------------


def _describe(error: Any) -> str:  # a jsonschema.ValidationError
    v = error.validator
    inst = error.instance
    if v == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        names = {"string": "a string", "object": "a mapping", "array": "a list", "boolean": "true/false",
                 "integer": "a whole number", "number": "a number", "null": "nothing"}
        return f"expected {' or '.join(str(names.get(t, t)) for t in expected)}, got {_typename(inst)} {_short(inst)}"
    if v == "enum":
        return f"expected one of {', '.join(map(str, error.validator_value))}, got {_short(inst)}"
    if v == "const":
        return f"expected {error.validator_value!r}, got {_short(inst)}"
    if v == "required":
        missing = [k for k in error.validator_value if k not in inst]
        return f"missing required key {', '.join(missing)}"
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(inst) - set(allowed))
        hint = f" (expected one of: {', '.join(allowed)})" if allowed else ""
        return f"unknown key {', '.join(map(str, extra))}{hint}"
    if v in ("minLength", "minItems"):
        return f"must not be empty, got {_short(inst)}"
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"expected a number {'>=' if v == 'minimum' else '<=' if v == 'maximum' else v} {error.validator_value}, got {_short(inst)}"
    if v == "anyOf" or v == "oneOf":
        return f"expected {_alternatives(error.validator_value)}, got {_typename(inst)} {_short(inst)}"
    return error.message


def _alternatives(schemas: list) -> str:
    parts = []
    for s in schemas:
        if "enum" in s:
            parts.append(" or ".join(map(repr, s["enum"])))
        elif "type" in s:
            parts.append({"boolean": "true/false", "object": "a mapping of options", "string": "a string",
                          "array": "a list"}.get(s["type"], s["type"]))
        elif "$ref" in s:
            parts.append(s["$ref"].rsplit("/", 1)[-1])
    return " or ".join(parts) or "another value"


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else ""
    return text if len(text) < 60 else text[:57] + "…"


def _validate(instance: Any, schema_: dict, source: Source, prefix: tuple) -> list[ConfigError]:
    """Every schema error of `instance`, one per key path (the most specific first), as ConfigErrors."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema_)
    errors = sorted(validator.iter_errors(instance), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    out: list[ConfigError] = []
    seen: set[str] = set()
    for error in errors:
        path = prefix + tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            if extra:
                path = path + (extra[0],)
        key = keypath(path)
        if key in seen:
            continue
        seen.add(key)
        out.append(source.error(path, _describe(error)))
    return out


def rule_schema(rule: Rule) -> dict:
    properties = {
        "enabled": {"type": "boolean"},
        "severity": {"enum": [s.value for s in reversed(Severity)]},  # error, warning, info: as messages list them
        **rule.conf,
    }
    return {"$defs": schema()["$defs"], "type": "object", "additionalProperties": False, "properties": properties}


def validate_source(source: Source, known: dict[str, Rule]) -> None:
    """Check one file against the schema and every rule's options; raise one ConfigError listing ALL errors.

    A file whose data validated cleanly before, against the same rules, is not validated again (see
    _kept_user_yaml)."""
    from . import __version__
    from .bundled import file_key, kept_memo

    schema_file = file_key(Path(__file__).parent / "schema" / "config.schema.json")
    memo = kept_memo("valid-config", (_KEPT_FORMAT, __version__, schema_file))
    try:
        key = _digest(repr(source.data), repr(sorted((r.id, r.origin, repr(r.conf)) for r in known.values())))
    except RecursionError:  # data too deep to name: validate (which says so)
        key = None
    if key is not None and memo.data.get(key) is True:
        return
    _validate_source(source, known)
    if key is not None:
        memo.data[key] = True
        memo.changed()


def _validate_source(source: Source, known: dict[str, Rule]) -> None:
    try:
        errors = _validate(source.data, schema(), source, ())
        errors += _glob_errors(source)
        errors += _rule_errors(source, known)
    except RecursionError:
        raise ConfigError(source.name, None, "", "nested too deeply", "te diep genest") from None
    if errors:
        errors.sort(key=lambda e: (e.line or 0, e.keypath))
        raise ConfigError.combine(errors)


def _glob_errors(source: Source) -> list[ConfigError]:
    errors = []
    ignores = source.data.get("per-file-ignores")
    for pattern in ignores if isinstance(ignores, dict) else ():
        problem = glob_problem(str(pattern))
        if problem:
            errors.append(ConfigError(source.name, source.line_of(("per-file-ignores", pattern)),
                                      f"per-file-ignores.{pattern}", f"invalid glob pattern: {problem[1]}",
                                      f"ongeldig glob-patroon: {problem[0]}"))
    return errors


def _pattern_errors(source: Source, rule_id: str, value: dict) -> list[ConfigError]:
    """A user pattern past the size limits, caught before anything compiles it (compiling cannot be
    interrupted)."""
    from .yamlrules import pattern_problem

    pattern = value.get("pattern")
    problem = pattern_problem(pattern) if isinstance(pattern, str) else None
    return [source.error(("rules", rule_id, "pattern"), *problem)] if problem else []


def _rule_errors(source: Source, known: dict[str, Rule]) -> list[ConfigError]:
    base = schema()
    errors: list[ConfigError] = []
    rules = source.data.get("rules")
    if not isinstance(rules, dict):
        return errors
    lower = {k.lower(): k for k in known}
    for rule_id, value in rules.items():
        canonical = known_id(rule_id, known, lower)
        if isinstance(value, dict) and "kind" in value:
            kind = value["kind"]
            if kind not in ("pattern", "substitution"):
                errors.append(source.error(("rules", rule_id, "kind"), f"expected pattern or substitution, got {_short(kind)}"))
            elif canonical is not None:
                errors.append(source.error(("rules", rule_id), f"{rule_id!r} is a built-in rule; give your rule another id"))
            else:
                sub = {"$defs": base["$defs"], **base["$defs"][f"{kind}-rule"]}
                errors += _validate(value, sub, source, ("rules", rule_id))
                errors += _pattern_errors(source, rule_id, value)
        elif canonical is None:
            import difflib

            close = difflib.get_close_matches(str(rule_id).lower(), list(lower), n=1)
            hint = (f" (did you mean {lower[close[0]]}?)" if close else
                    " (see `letterlint rules`, or give it a kind: pattern or substitution)")
            errors.append(source.error(("rules", rule_id), f"unknown rule {rule_id!r}{hint}"))
        elif isinstance(value, dict):
            errors += _validate(value, rule_schema(known[canonical]), source, ("rules", rule_id))
    return errors


def known_id(rule_id: Any, known: dict, lower: dict | None = None) -> str | None:
    """The rule id as registered, matched case-insensitively ("Typo" → "typo"), or None."""
    if rule_id in known:
        return rule_id
    if not isinstance(rule_id, str):
        return None
    lower = lower if lower is not None else {k.lower(): k for k in known}
    return lower.get(rule_id.lower())


def glob_problem(pattern: str) -> tuple[str, str] | None:
    """Why `pattern` is not a usable glob ((Dutch, English)), or None.  fnmatch accepts anything, reading an
    unclosed "[" as a literal character, so a typo would silently match nothing."""
    if not pattern.strip():
        return "het patroon is leeg", "the pattern is empty"
    if "\0" in pattern:
        return "het patroon bevat een NUL-teken", "the pattern holds a NUL character"
    i = 0
    while i < len(pattern):
        if pattern[i] == "[":  # fnmatch's reading: "[!" negates, a "]" right after the opening is literal
            j = i + 1
            j += pattern[j : j + 1] == "!"
            j += pattern[j : j + 1] == "]"
            i = pattern.find("]", j)
            if i < 0:
                return "een '[' zonder ']'", "a '[' without ']'"
        i += 1
    return None


# -- merging -------------------------------------------------------------------------------------------


@dataclass
class Config:
    """The merged configuration.  `origins` remembers which file set each rule option, for errors."""

    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str | None = None
    lang: str | None = None
    exclude: list[str] = field(default_factory=list)
    letters: list[str] | None = None  # globs of the .txt/.md files that are letters (--only-letters)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    origins: dict[tuple[str, str], Source] = field(default_factory=dict)
    setting_origins: dict[str, Source] = field(default_factory=dict)

    def rule_settings(self, rule_id: str) -> dict[str, Any]:
        return self.rules.get(rule_id, {})

    def where(self, rule_id: str, key: str) -> Source | None:
        return self.origins.get((rule_id, key))


def _normalise_rule_value(value: Any) -> dict:
    if value is True or value == "enable":
        return {"enabled": True}
    if value is False or value == "disable":
        return {"enabled": False}
    return dict(value)


def _apply(config: Config, source: Source) -> None:
    data = source.data
    config.files.append(source.name)
    if "fail-on" in data:
        config.fail_on = data["fail-on"]
    if "lang" in data:
        config.lang = data["lang"]
    if "exclude" in data:
        config.exclude = list(data["exclude"])
    if "letters" in data:
        config.letters = list(data["letters"])
    known = builtin_rules()
    for pattern, ids in (data.get("per-file-ignores") or {}).items():
        config.per_file_ignores[pattern] = [known_id(i, known) or i for i in ids]  # "Typo" means typo
    for key, value in (data.get("settings") or {}).items():
        config.settings[key] = value
        config.setting_origins[key] = source
    for rule_id, value in (data.get("rules") or {}).items():
        rule_id = known_id(rule_id, known) or rule_id  # "Typo" configures typo
        value = _normalise_rule_value(value)
        if "kind" in value:
            config.rules[rule_id] = value  # a YAML rule is defined whole, never merged
        else:
            config.rules.setdefault(rule_id, {}).update(value)
        for key in value:
            config.origins[(rule_id, key)] = source


def _chain(source: Source, seen: set[str]) -> list[Source]:
    """The sources to apply, base first."""
    extends = source.data.get("extends", DEFAULT)
    if source.name in seen:
        raise source.error(("extends",), "the configuration extends itself (a loop)")
    seen.add(source.name)
    if extends == "none":
        return [source]
    if extends == DEFAULT:
        return [default_source(), source]
    base_dir = Path(source.name.split(" [tool.letterlint]")[0]).parent
    target = (base_dir / extends).resolve()
    if not target.is_file():
        raise source.error(("extends",), f"expected 'default', 'none' or an existing file, got {extends!r}")
    parent = _load_extended(source, target, extends)
    validate_source(parent, builtin_rules())
    return _chain(parent, seen) + [source]


def _load_extended(source: Source, target: Path, extends: str) -> Source:
    """The file named by `extends:`: a YAML file that is a letterlint configuration.

    Anything else is refused without a word of its content: `extends: /etc/shadow` must not print secrets."""
    line = source.line_of(("extends",))
    if target.suffix.lower() not in _YAML_EXTENSIONS:
        raise ConfigError(source.name, line, "extends", f"{extends!r} is not a YAML file (.yaml or .yml)",
                          f"{extends!r} is geen YAML-bestand (.yaml of .yml)")
    try:
        parent = load_yaml_source(target)
    except ConfigError:
        parent = None
    known = set(schema().get("properties", {}))
    if parent is None or (parent.data and not known.intersection(parent.data)):
        raise ConfigError(source.name, line, "extends", f"{extends!r} is not a letterlint configuration",
                          f"{extends!r} is geen letterlint-configuratie")
    return parent


_DEFAULT_SOURCE: Source | None = None


def default_source() -> Source:
    global _DEFAULT_SOURCE
    if _DEFAULT_SOURCE is None:
        src = load_yaml_source(default_config_path(), name="<default rules.yaml>", trusted=True)
        src.data.pop("extends", None)
        _DEFAULT_SOURCE = src
    return _DEFAULT_SOURCE


def load_config(path: str | os.PathLike | None = None, *, cwd: Path | None = None, search: bool = True) -> Config:
    """Load the configuration: `path`, or the one found from `cwd` upward, or the bundled default."""
    if path is None and search:
        path = find_config(cwd or Path.cwd())
    if path is None:
        sources = [default_source()]
    else:
        path = Path(path)
        if not path.exists():
            raise ConfigError(str(path), None, "", "configuration file not found")
        if path.name == "pyproject.toml":
            source = load_pyproject_source(path)
            if source is None:
                raise ConfigError(str(path), None, "", "no [tool.letterlint] table")
        else:
            source = load_yaml_source(path, trusted=_same_file(path, default_config_path()))
        if _same_file(path, default_config_path()):
            source.data.pop("extends", None)
            sources = [source]
        else:
            validate_source(source, builtin_rules())
            sources = _chain(source, set())
    bundled = any(s is _DEFAULT_SOURCE or s.name == str(default_config_path()) for s in sources)
    config = Config(rules=module_defaults() if bundled else {})
    for source in sources:
        _apply(config, source)
    return config


def module_defaults() -> dict[str, dict[str, Any]]:
    """The layer under the bundled rules.yaml: each rule module's severity and option defaults (their one
    home; rules.yaml only overrides them).  With `extends: none` the rules still run with these defaults
    (build_plan merges them), but the configuration holds only what its files say."""
    return {rule_id: {"severity": rule.severity, **rule.default} for rule_id, rule in builtin_rules().items()}


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False

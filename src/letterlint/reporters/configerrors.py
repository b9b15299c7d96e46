"""Configuration errors in the writer's language.

The configuration loader and the rules' `prepare()` raise `ConfigError`s with an English message (they are
also read by tools and tests).  For a Dutch run, `in_language()` renders the messages through a small
catalogue of the patterns they are made from; a message no pattern knows is shown as it is (English).
"""

from __future__ import annotations

import re

from ..lazyre import lazy_re

# (English pattern, Dutch template): the templates use the pattern's groups
_CATALOGUE = [
    (r"unknown key (?P<key>.+?) \(expected one of: (?P<keys>.+)\)", "onbekende sleutel {key} (verwacht een van: {keys})"),
    (r"unknown key (?P<key>.+)", "onbekende sleutel {key}"),
    (r"unknown rule (?P<rule>'[^']*') \(did you mean (?P<close>[\w-]+)\?\)", "onbekende regel {rule} (bedoelt u {close}?)"),
    (r"unknown rule (?P<rule>'[^']*') \(see `letterlint rules`, or give it a kind: pattern or substitution\)",
     "onbekende regel {rule} (zie `letterlint rules`, of geef hem een kind: pattern of substitution)"),
    (r"expected one of (?P<values>.+?), got (?P<got>.+)", "verwacht een van {values}, maar staat er {got}"),
    (r"expected a mapping of settings at the top, got (?P<got>.+)",
     "verwacht bovenaan een lijst van instellingen (sleutel: waarde), maar staat er {got}"),
    (r"expected (?P<what>.+?), got (?P<got>.+)", "verwacht {what}, maar staat er {got}"),
    (r"missing required key (?P<key>.+)", "verplichte sleutel {key} ontbreekt"),
    (r"must not be empty, got (?P<got>.+)", "mag niet leeg zijn, maar staat er {got}"),
    (r"invalid YAML: (?P<detail>.+)", "ongeldige YAML: {detail}"),
    (r"invalid TOML: (?P<detail>.+)", "ongeldige TOML: {detail}"),
    (r"configuration file not found", "configuratiebestand niet gevonden"),
    (r"no \[tool\.letterlint\] table", "geen tabel [tool.letterlint]"),
    (r"the configuration is not UTF-8 text", "de configuratie is geen UTF-8-tekst"),
    (r"cannot read the configuration \((?P<why>.+)\)", "de configuratie kan niet worden gelezen ({why})"),
    (r"the configuration extends itself \(a loop\)", "de configuratie breidt zichzelf uit (een kringverwijzing)"),
    (r"(?P<rule>'[^']*') is a built-in rule; give your rule another id",
     "{rule} is een ingebouwde regel; geef uw regel een andere id"),
    (r"example (?P<ex>.+) should match but does not", "voorbeeld {ex} zou moeten passen, maar past niet"),
    (r"example (?P<ex>.+) should not match but does", "voorbeeld {ex} zou niet moeten passen, maar past wel"),
    (r"expected a valid regular expression: (?P<detail>.+)", "verwacht een geldige reguliere expressie: {detail}"),
]
_COMPILED = [(lazy_re(rf"^{pattern}$", re.DOTALL), template) for pattern, template in _CATALOGUE]
_WORDS = [("a string", "een tekst"), ("a mapping of options", "een lijst van opties"), ("a mapping", "een lijst (sleutel: waarde)"),
          ("a list", "een opsomming"), ("a whole number", "een geheel getal"), ("a number", "een getal"),
          ("nothing", "niets"), ("true/false", "true/false")]


def _words(text: str) -> str:
    for en, nl in _WORDS:
        text = re.sub(rf"\b{re.escape(en)}\b", nl, text)
    return text.replace(" or ", " of ")


def in_language(message: str, lang: str) -> str:
    if lang == "en":
        return message
    for pattern, template in _COMPILED:
        m = pattern.match(message)
        if m:
            from ..catalogue import detail

            groups = {k: (detail(v, lang) if k in ("detail", "why") else
                          v if k in ("key", "keys", "rule", "close", "ex") else _words(v))
                      for k, v in m.groupdict().items()}
            return template.format(**groups)
    return message

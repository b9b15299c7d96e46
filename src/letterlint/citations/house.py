"""The house style for citations: the shared setting `house-style`, read by kamerstuk-reference, reference-style
and identifier-format alike (configuration shared through `settings`, not through another rule's options).

    settings:
      house-style:
        year: "2023/24"            # 2023/24 (Ar 3.43, Leidraad) | 2023/2024 | 2023-2024 | 2023–2024 | consistent | any
        kamerstuk: by-count        # by-count: "Kamerstuk" for one paper in the short form, "Kamerstukken" for
                                   #   several and in the full form (TK usage) | plural: always "Kamerstukken"
                                   #   (Ar 3.43) | any
        motie: hyphen              # hyphen: "motie-Grinwis" (TK usage, Handelingen) | any
        dossier-spacing: same-number  # same-number | document | space | no-space | any
        chamber: true              # "Kamerstukken II 2022/23", "Handelingen II": the Kamer with the year
        punctuation: true          # commas between the parts, "nr. 5" with a space, lower-case "nr."
        handelingen-item: true     # "item N" in Handelingen from 2011 on
        eu-domain: true            # "Richtlijn (EU) 2024/1785", not "Richtlijn 2024/1785"

A setting given replaces that point only; the others keep the defaults below.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import YEAR_STYLES

DEFAULT_HOUSE_STYLE: dict[str, Any] = {
    "year": "2023/24",
    "kamerstuk": "by-count",
    "motie": "hyphen",
    "dossier-spacing": "same-number",
    "chamber": True,
    "punctuation": True,
    "handelingen-item": True,
    "eu-domain": True,
}

# the JSON schema of the setting (config.schema.json holds the same under settings.house-style; a test keeps
# them in step)
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "year": {"enum": [*YEAR_STYLES, "consistent", "any"]},
        "kamerstuk": {"enum": ["by-count", "plural", "any"]},
        "motie": {"enum": ["hyphen", "any"]},
        "dossier-spacing": {"enum": ["same-number", "document", "space", "no-space", "any"]},
        "chamber": {"type": "boolean"},
        "punctuation": {"type": "boolean"},
        "handelingen-item": {"type": "boolean"},
        "eu-domain": {"type": "boolean"},
    },
}


def house_settings(settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """The house style in force: the defaults with the configured `settings.house-style` over them."""
    given = (settings or {}).get("house-style") or {}
    return {**DEFAULT_HOUSE_STYLE, **given}

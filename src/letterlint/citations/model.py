"""The model of a citation: a parsed reference with the span of each part, a motie, and a judged problem."""

from __future__ import annotations

from dataclasses import dataclass, field

from .grammar import SEVERAL


@dataclass(frozen=True, slots=True)
class CitationPart:
    """A piece of a citation: its span in the paragraph text and the text there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Year:
    """The (parliamentary) year of a citation: 2023/24, vergaderjaar 2023–2024, Zitting 1993/94-1996/97."""

    span: CitationPart
    first: int
    second_text: str  # as written: "24", "2024", "203"
    sep: str  # "/", "-", "–" …
    word: str | None  # "vergaderjaar" / "Zitting" before the year
    multi: bool  # a span of several years: 1993/94-1996/97

    @property
    def second(self) -> int | None:
        """The second year in full, or None when it cannot be read as a year."""
        t = self.second_text
        if len(t) == 4:
            return int(t)
        if len(t) == 2:
            return (self.first // 100) * 100 + int(t) + (100 if int(t) < self.first % 100 else 0)
        return None

    @property
    def valid(self) -> bool:
        return self.second == self.first + 1

    @property
    def style(self) -> str:
        """The style the year is written in, as a house-style name: 2023/24, 2023/2024, 2023-2024, 2023–2024."""
        sep = "/" if self.sep == "/" else ("–" if self.sep in "\u2013\u2014" else "-")
        return f"2023{sep}{'2024' if len(self.second_text) == 4 else '24'}"


@dataclass(frozen=True, slots=True)
class Dossier:
    """The dossier number of a Kamerstuk citation, with its suffix and Rijkswet number where given."""

    span: CitationPart
    number: CitationPart  # the number as written: "36 200"
    digits: str  # "36200"
    suffix: str | None  # "XII", "A", "07", "hoofdstuk XV"
    rijkswet: str | None  # "(R 1669)"

    @property
    def spaced(self) -> bool | None:
        """True for "28 089", False for "28089", None when the number is not five digits written one of those ways."""
        t = self.number.text
        if len(self.digits) != 5:
            return None
        if len(t) == 5:
            return False
        return True if len(t) == 6 and t[2].isspace() else None


@dataclass(frozen=True, slots=True)
class Numbers:
    """The numbers part of a citation: its label (nr., nrs.), what follows it, and the values."""

    span: CitationPart  # label and values: "nr. 5", "nrs. 520 en 548"
    label: CitationPart  # "nr.", "nrs.", "nr", "no.", "nummer" …
    gap: CitationPart  # what separates label and values
    values: CitationPart  # "5", "520 en 548", "AB"

    @property
    def several(self) -> bool:
        return SEVERAL.search(self.values.text) is not None


@dataclass(slots=True)
class Reference:
    """One Kamerstuk, Handelingen or Aanhangsel citation as written, split into its parts."""

    kind: str  # kamerstuk | handelingen | aanhangsel
    family: str  # full | short | compact | vergaderjaar
    start: int
    end: int
    text: str
    keyword: CitationPart | None = None
    bijlage: CitationPart | None = None
    chamber: CitationPart | None = None
    year: Year | None = None
    dossiers: list[Dossier] = field(default_factory=list)
    numbers: Numbers | None = None
    hyphen_number: CitationPart | None = None  # "-346" in "Kamerstuk 28089-346"
    bare_number: CitationPart | None = None  # "346" in "Kamerstuk 28089, 346"
    ek_letter: CitationPart | None = None  # "A" in "Kamerstukken I 2009/10, 32217, A"
    item: CitationPart | None = None
    page: CitationPart | None = None
    zaak: CitationPart | None = None  # "2019Z01234" in "Kamerstuk 2019Z01234": a zaak or document number under the label
    seps: dict[str, CitationPart] = field(default_factory=dict)  # the separator before each part, by part name
    wrapped: bool = False  # runs to the end of its line, and the next line seems to go on with it

    @property
    def dossier(self) -> Dossier | None:
        return self.dossiers[0] if self.dossiers else None

    @property
    def paper_numbers(self) -> int:
        """How many papers the reference names: 0 (a whole dossier), 1, or 2 for several."""
        if self.numbers is not None:
            return 2 if self.numbers.several else 1
        return 1 if (self.hyphen_number or self.bare_number or self.ek_letter) else 0


@dataclass(frozen=True, slots=True)
class Motie:
    """A mention of a motion or amendment by its submitters' names: motie-Bikker, motie Bikker en Omtzigt."""

    start: int
    end: int
    text: str
    keyword: CitationPart  # "motie", "Motie", "amendement"
    hyphen: bool  # motie-Naam (True) or motie Naam (False)
    joint: CitationPart  # the hyphen or the space(s) between keyword and names
    names: CitationPart
    extra: CitationPart | None  # " en Omtzigt" in "motie Bikker en Omtzigt"
    cs: CitationPart | None  # " c.s." as written



ERROR, STYLE, INFO = "error", "style", "info"
YEAR_STYLES = ("2023/24", "2023/2024", "2023-2024", "2023–2024")


@dataclass(frozen=True, slots=True)
class CitationEdit:
    """A replacement in the paragraph text that repairs a citation."""

    start: int  # offsets in the paragraph text
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with a citation, in Dutch and English, with the edits that repair it where known."""

    code: str
    kind: str  # error | style | info
    nl: str
    en: str
    edits: tuple[CitationEdit, ...] = ()
    safe: bool = True  # the edits are certainly what the writer meant
    hint: tuple[str, str] | None = None  # a suggestion in words, where no edit can be given
    # positions (in the paragraph text) of the punctuation marks it is about, "(" "(" ")" of "( (Kamerstuk …)":
    # the rule that reports the citation owns them, punctuation leaves them alone (one finding per defect)
    marks: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """The house style a citation is judged against (settings `house-style`, see citations/house.py)."""

    year_style: str = "2023/24"  # one of YEAR_STYLES, or "any"
    dossier_space: bool | None = None  # the document's spacing: True "28 089", False "28089", None unknown
    kamerstuk: str = "by-count"  # "Kamerstuk" for one paper, "Kamerstukken" for several | "plural" always | "any"
    punctuation: bool = True  # commas between the parts, "nr. 5" with a space
    handelingen_item: bool = True
    chamber: bool = True  # "Kamerstukken II 2023/24", "Handelingen II": the Kamer given with the year
    motie: str = "hyphen"  # "motie-Grinwis" | "any"

"""letterlint: a data-quality linter for official Dutch government letters."""

__version__ = "0.1.0"

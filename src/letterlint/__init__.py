"""letterlint: a data-quality linter for official Dutch government letters."""

import os as _os

__version__ = "0.1.0"

# The rules live in `lint_rules/` at the top of the repository (the user's layout); the wheel installs them
# as letterlint/lint_rules.  An editable install or a source checkout has no such folder inside the package:
# there the checkout's top folder joins this package's path, so `letterlint.lint_rules` is found all the same.
_here = _os.path.dirname(_os.path.abspath(__file__))
if not _os.path.isdir(_os.path.join(_here, "lint_rules")):
    _top = _os.path.dirname(_os.path.dirname(_here))
    if _os.path.isfile(_os.path.join(_top, "lint_rules", "__init__.py")):
        __path__.append(_top)  # noqa: F821 - a package's own __path__

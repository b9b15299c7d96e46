"""Every public function of the engine and the rules is annotated, so that mypy (run by .ci/run) checks the
calls into it and its body: a public def without a type for each parameter and its result fails here."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TREES = (ROOT / "src" / "letterlint", ROOT / "lint_rules")


def unannotated(source: str) -> list[str]:
    """`line: name` of each public def in `source` that lacks an annotation (a parameter or the result).

    Public: a module-level function or a method of a public class whose name does not start with `_`, and
    `__init__` (its parameters); functions nested in functions are the enclosing function's business."""
    out: list[str] = []

    def visit(node: ast.AST, in_class: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                if not child.name.startswith("_"):
                    visit(child, True)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if child.name.startswith("_") and child.name != "__init__":
                    continue
                args = [*child.args.posonlyargs, *child.args.args, *child.args.kwonlyargs]
                if in_class and args and args[0].arg in ("self", "cls"):
                    args = args[1:]
                args += [a for a in (child.args.vararg, child.args.kwarg) if a is not None]
                missing = [a.arg for a in args if a.annotation is None]
                if child.returns is None and child.name != "__init__":
                    missing.append("return")
                if missing:
                    out.append(f"{child.lineno}: {child.name} ({', '.join(missing)})")
            elif isinstance(child, (ast.If, ast.Try)):  # defs under `if TYPE_CHECKING:` or `try:` at the top
                visit(child, in_class)

    visit(ast.parse(source), False)
    return out


def test_the_check_finds_what_it_should():
    source = (
        "def f(a: int, b) -> int: ...\n"
        "def g(a: int): ...\n"
        "def _private(a): ...\n"
        "class C:\n"
        "    def __init__(self, x): ...\n"
        "    def m(self, *args: int, **kw) -> None: ...\n"
        "    def ok(self) -> None:\n"
        "        def inner(y): ...\n"
        "class _Hidden:\n"
        "    def m(self, x): ...\n"
    )
    assert unannotated(source) == ["1: f (b)", "2: g (return)", "5: __init__ (x)", "6: m (kw)"]


def test_every_public_function_is_annotated():
    files = sorted(p for tree in TREES for p in tree.rglob("*.py"))
    assert len(files) > 50
    problems = [f"{path.relative_to(ROOT)}:{line}" for path in files
                for line in unannotated(path.read_text(encoding="utf-8"))]
    assert not problems, "public functions without annotations:\n" + "\n".join(problems)

"""No assertion in the suite that cannot fail.

Three shapes are refused, found by reading the tests' syntax trees:
- an assertion whose condition is always true (``assert x or True``, ``assert True``, ``assert "text"``);
- an assertion of a non-empty tuple (``assert (a, "message")``: always true, a misplaced bracket);
- a test whose only checks are ``assert x is not None`` (it passes whatever ``x`` holds).
A test that checks by other means (``pytest.raises``, a helper that asserts, ``qtbot.waitUntil``) is not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def _always_true(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return bool(node.value)
    if isinstance(node, ast.Tuple):
        return bool(node.elts)
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        return any(_always_true(v) for v in node.values)
    return False


def _is_not_none(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and isinstance(node.ops[0], ast.IsNot)
        and isinstance(node.comparators[0], ast.Constant)
        and node.comparators[0].value is None
    )


def _checks_otherwise(fn: ast.FunctionDef) -> bool:
    """A call in the test other than plain construction may check (pytest.raises, helpers, waitUntil)."""
    for node in ast.walk(fn):
        if isinstance(node, ast.With):
            return True
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if any(word in name for word in ("raises", "wait", "check", "expect", "assert", "verify")):
                return True
    return False


def problems(source: str, name: str) -> list[str]:
    tree = ast.parse(source)
    found = [
        f"{name}:{node.lineno}: assertion that cannot fail: {ast.unparse(node.test)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Assert) and _always_true(node.test)
    ]
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef) and fn.name.startswith("test"):
            asserts = [n for n in ast.walk(fn) if isinstance(n, ast.Assert)]
            if asserts and all(_is_not_none(a.test) for a in asserts) and not _checks_otherwise(fn):
                found.append(f"{name}:{fn.lineno}: {fn.name} only checks that something is not None")
    return found


def test_no_assertion_in_the_suite_cannot_fail() -> None:
    found = [p for path in sorted(TESTS.rglob("*.py")) for p in problems(path.read_text(encoding="utf-8"), path.name)]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "def test_a():\n    assert window.isVisible() or True\n",
        "def test_a():\n    assert True\n",
        "def test_a():\n    assert (x == 1, 'x should be 1')\n",
        "def test_a():\n    doc = load()\n    assert doc is not None\n",
    ],
)
def test_each_shape_is_caught(source: str) -> None:
    assert len(problems(source, "t.py")) == 1


@pytest.mark.parametrize(
    "source",
    [
        "def test_a():\n    assert x or y\n",
        "def test_a():\n    doc = load()\n    assert doc is not None\n    assert doc.title == 'a'\n",
        "def test_a():\n    with pytest.raises(E):\n        f()\n    assert g() is not None\n",
    ],
)
def test_real_checks_pass(source: str) -> None:
    assert problems(source, "t.py") == []

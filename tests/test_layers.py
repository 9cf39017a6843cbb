"""Parsing, aggregation, charts and knowledge never import streamlit; only the store package imports sqlite_utils."""

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "dashboard"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_pure_layers_do_not_touch_streamlit_or_sqlite():
    pure = list((PKG / "parse").glob("*.py")) + [
        PKG / n
        for n in ("knowledge.py", "models.py", "readers.py", "encodings.py", "uploads.py", "aggregate.py", "charts.py", "view.py", "names.py", "paths.py", "decided.py")
        if (PKG / n).exists()
    ]
    assert pure
    for f in pure:
        bad = imports_of(f) & {"streamlit", "sqlite_utils", "sqlite3"}
        assert not bad, f"{f.name} imports {bad}"


def test_only_store_imports_sqlite_utils():
    store = PKG / "store"
    for f in PKG.rglob("*.py"):
        if store not in f.parents:
            assert "sqlite_utils" not in imports_of(f), f"{f} imports sqlite_utils"

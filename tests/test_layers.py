"""Layering: the domain, store, sync and CLI do not drag Qt in; the UI holds no SQL."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import gridkeeper

PACKAGE = Path(gridkeeper.__file__).resolve().parent

def _modules_outside_ui() -> list[str]:
    """Every module of the package but the UI (and the entry point, which starts it): the domain
    areas, rules, demo, store, sync and io, found from the tree so a new room is checked too."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[1:2] == ("ui",) or parts[-1] == "__main__" or "migrations" in parts:  # Alembic runs those
            continue
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


NO_QT_AT_ALL = [m for m in _modules_outside_ui() if m != "gridkeeper.cli"]
NO_WIDGETS = ["gridkeeper.cli"]


def _qt_modules_after_import(*modules: str) -> list[str]:
    code = (
        "import importlib, json, sys\n"
        f"for m in {list(modules)!r}: importlib.import_module(m)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m == 'PySide6' or m.startswith('PySide6.'))))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRIDKEEPER_")}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=PACKAGE.parent, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_check_sees_qt_when_it_is_imported() -> None:
    """The probe itself works: importing Qt widgets is noticed."""
    assert "PySide6.QtWidgets" in _qt_modules_after_import("PySide6.QtWidgets")


def test_the_layer_check_covers_every_room() -> None:
    """The list is the tree: the areas moved into packages are in it, the UI is not."""
    for module in ("gridkeeper.care", "gridkeeper.places.households", "gridkeeper.rules.idnumber",
                   "gridkeeper.demo.walks", "gridkeeper.mediation.agreement", "gridkeeper.store.engine",
                   "gridkeeper.sync.folder", "gridkeeper.io.roster_read", "gridkeeper.reports.monthly"):
        assert module in NO_QT_AT_ALL
    assert not any(m.startswith("gridkeeper.ui") for m in NO_QT_AT_ALL)


def test_core_modules_do_not_import_qt() -> None:
    """All at once in one interpreter (a module per process would take a minute), then, if Qt
    came in, one by one to name the culprits."""
    if _qt_modules_after_import(*NO_QT_AT_ALL) == []:
        return
    assert [m for m in NO_QT_AT_ALL if _qt_modules_after_import(m)] == []


@pytest.mark.parametrize("module", NO_WIDGETS)
def test_cli_does_not_import_qt_widgets(module: str) -> None:
    assert "PySide6.QtWidgets" not in _qt_modules_after_import(module)


# What the UI must never hold: SQL, sessions, engines. `.text()` and `.select(...)` are Qt
# methods (QLineEdit.text, QItemSelectionModel.select), so only bare calls count.
SQL_PATTERNS = [
    re.compile(r"session\.exec"),
    re.compile(r"(?<![\w.])text\("),
    re.compile(r"(?<![\w.])select\("),
    re.compile(r"sqlite3"),
    re.compile(r"create_engine"),
    re.compile(r"\b(SELECT\s+[\w*].*\bFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET)\b"),
]


def _has_code(source: str) -> bool:
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return True  # unparsable is still something to check
    return any(
        not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)) for node in body
    )


def test_the_sql_patterns_catch_sql_and_spare_qt() -> None:
    def hits(line: str) -> bool:
        return any(p.search(line) for p in SQL_PATTERNS)

    assert hits('conn.execute(text("SELECT id FROM household"))')
    assert hits("rows = session.exec(select(Person)).all()")
    assert hits("import sqlite3")
    assert hits('sql = "UPDATE person SET name = ?"')
    assert not hits("name = self.name_edit.text().strip()")
    assert not hits("self.view.selectionModel().select(index, flags)")
    assert not hits('label.setText(self.tr("Select a household"))')


def test_ui_modules_hold_no_sql() -> None:
    ui = PACKAGE / "ui"
    sources = {p: p.read_text(encoding="utf-8") for p in sorted(ui.rglob("*.py"))} if ui.is_dir() else {}
    sources = {p: s for p, s in sources.items() if _has_code(s)}
    if not sources:
        pytest.skip("gridkeeper/ui has no code yet")
    offences = []
    for path, source in sources.items():
        for n, line in enumerate(source.splitlines(), start=1):
            stripped = line.split("#", 1)[0]
            for pattern in SQL_PATTERNS:
                if pattern.search(stripped):
                    offences.append(f"{path.relative_to(PACKAGE.parent)}:{n}: {line.strip()}")
    assert offences == []


def _imports_of(path: Path) -> set[str]:
    """The gridkeeper modules a file names in its imports (anywhere in it), as dotted prefixes."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
    return {n for n in names if n == "gridkeeper" or n.startswith("gridkeeper.")}


def _is_cli(module: str) -> bool:
    """The command line: cli.py parses, gridkeeper/commands/ runs the commands."""
    return module == "gridkeeper.cli" or module.startswith("gridkeeper.commands")


def test_only_the_cli_imports_the_server_and_the_server_imports_no_ui() -> None:
    """The server is a layer above sync/store/domain: nothing but the CLI (and itself) reaches it, and it
    never reaches the UI (its Qt-freedom is checked with every other core module above)."""
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        inside = module.startswith("gridkeeper.server")
        for name in _imports_of(path):
            if name.startswith("gridkeeper.server") and not inside and not _is_cli(module):
                offences.append(f"{module} imports {name}")
            if inside and name.startswith("gridkeeper.ui"):
                offences.append(f"{module} imports {name}")
    assert offences == []
    assert "gridkeeper.server.app" in NO_QT_AT_ALL and "gridkeeper.sync.remote" in NO_QT_AT_ALL

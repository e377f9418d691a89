"""Import the grid division table (网格划分表): file, sheet, preview (a dry run), import, summary;
and export it or save an empty template (files.TableFiles).

Reading, checking, planning and applying are places/division's (no Qt); they run as Jobs off the
UI thread and the pages only show what they hand back. Only an office's admin, or a laptop in no
office, may import (division.may_import): a table rewrites grids and stints for the whole office.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from gridkeeper.places import division
from gridkeeper.store import Store
from gridkeeper.ui.division_wizard.files import TableFiles
from gridkeeper.ui.division_wizard.wizard import DivisionWizard

__all__ = ["DivisionWizard", "TableFiles", "not_allowed_reason", "open_division_wizard"]


def not_allowed_reason() -> str:
    """Why this laptop may not import a table (the menu's tooltip, the refusal's words)."""
    return QCoreApplication.translate(
        "DivisionWizard", "Only an admin laptop of the office imports the grid division table: it changes the grids "
                          "and who holds them for every colleague. Export it here, and ask the admin to import it.")


def open_division_wizard(parent: QWidget | None, store: Store, settings: Any = None,
                         on_imported: Any = None) -> DivisionWizard | None:
    """Open the import wizard modally (the 网格设置 page's button calls this). `on_imported(report)` runs
    once a table is written, so the caller refreshes its pages. A laptop that may not import is told why
    and gets no wizard (None). `settings` is accepted for the page's call; the wizard keeps none."""
    del settings
    if not division.may_import(store):
        QMessageBox.information(parent, QCoreApplication.translate("DivisionWizard", "Import grid division table"),
                                not_allowed_reason())
        return None
    wizard = DivisionWizard(store, parent)
    if on_imported is not None:
        wizard.imported.connect(on_imported)
    wizard.exec()
    return wizard

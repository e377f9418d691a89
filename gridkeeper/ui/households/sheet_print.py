"""Printing a household's file (一户一档) on A4, or saving it as PDF, in the user's language.

The HTML comes from gridkeeper.places.household_sheet (no Qt); the page layout and fonts are
the mediation agreement's (A4 portrait, a Latin serif then Chinese fonts, so numbers stay text).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from gridkeeper import care, clock
from gridkeeper.places import household_sheet
from gridkeeper.places.households import HouseholdFile
from gridkeeper.store import Store
from gridkeeper.ui.care import labels as care_labels
from gridkeeper.ui.mediation.agreement_print import FONTS, _layout


def sheet_html(store: Store, file: HouseholdFile) -> str:
    return household_sheet.html(file, care.household_plans(store, file.id), clock.today(),
                                QCoreApplication.translate, care_labels.frequency)


def _document(html: str) -> QTextDocument:
    text = QTextDocument()
    font = QFont()
    font.setFamilies(FONTS)
    font.setPointSize(10)
    text.setDefaultFont(font)
    text.setHtml(html)
    return text


def save_pdf(store: Store, file: HouseholdFile, path: Path) -> Path:
    """Write the sheet to `path` as a PDF (fonts embedded, so the Chinese shows anywhere)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(file.row.address)
    printer.setCreator("GridKeeper")
    _layout(printer)
    _document(sheet_html(store, file)).print_(printer)
    if not path.is_file() or path.stat().st_size == 0:  # QPrinter fails silently
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    return path


def print_with_dialog(store: Store, file: HouseholdFile, parent: QWidget | None = None) -> bool:
    """The system print dialog (which also offers PDF), then print; False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(file.row.address)
    _layout(printer)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    _document(sheet_html(store, file)).print_(printer)
    return True

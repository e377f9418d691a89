"""Printing the mediation agreement (调解协议书) through Qt's print support, or saving it as PDF.

The content and HTML come from gridkeeper.mediation.agreement (no Qt); this
module only lays it out on A4 with QTextDocument.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from gridkeeper.io.pdf_text import fix_text_layer
from gridkeeper.mediation import agreement as mediation_agreement
from gridkeeper.mediation.agreement import AgreementDocument

#: A Latin serif first, then fonts that hold Chinese. Latin first because Qt's PDF
#: writer maps the Latin digits of Noto CJK to no text ("WR98" reads back as "WR"):
#: case numbers and amounts must stay searchable and copyable.
FONTS = ["DejaVu Serif", "Times New Roman", "Liberation Serif",
         "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC"]


def _layout(printer: QPrinter) -> None:
    # QTextDocument.print_ adds its own 2 cm margin: 2.8 cm in all, as official documents have.
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter)
    )


def text_document(doc: AgreementDocument) -> QTextDocument:
    text = QTextDocument()
    font = QFont()
    font.setFamilies(FONTS)
    font.setPointSize(12)
    text.setDefaultFont(font)
    text.setHtml(mediation_agreement.html(doc))
    return text


def save_pdf(doc: AgreementDocument, path: Path) -> Path:
    """Write the agreement to `path` as a PDF (fonts embedded, so Chinese shows anywhere)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(doc.number)
    printer.setCreator("GridKeeper")
    _layout(printer)
    text_document(doc).print_(printer)
    if not path.is_file() or path.stat().st_size == 0:  # QPrinter fails silently
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    fix_text_layer(path)  # copy and search give 人民, not the radicals ⼈⺠ Qt maps the glyphs to
    return path


def print_with_dialog(doc: AgreementDocument, parent: QWidget | None = None) -> bool:
    """The system print dialog, then print; False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc.number)
    _layout(printer)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    text_document(doc).print_(printer)
    return True

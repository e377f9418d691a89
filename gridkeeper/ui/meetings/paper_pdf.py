"""Saving an HTML paper (会议纪要, 议事结果公示) as an A4 PDF, laid out as the mediation agreement is."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from gridkeeper.ui.mediation.agreement_print import FONTS, _layout


def save_pdf(title: str, html: str, path: Path) -> Path:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    printer.setCreator("GridKeeper")
    _layout(printer)
    text = QTextDocument()
    font = QFont()
    font.setFamilies(FONTS)
    font.setPointSize(12)
    text.setDefaultFont(font)
    text.setHtml(html)
    text.print_(printer)
    if not path.is_file() or path.stat().st_size == 0:  # QPrinter fails silently
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    return path

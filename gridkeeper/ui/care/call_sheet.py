"""The Today list as a call sheet on A4 (今日联系表): who to call or visit, with space to write.

Phones stay masked as on screen (a printed sheet leaves the office); columns for
the outcome and a note are left empty for the pen.
"""

from __future__ import annotations

import errno
import html
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from gridkeeper.care import DueItem, TodayList
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.ui.care import labels as care_labels

#: As for the agreement: a Latin face first (Qt's PDF writer keeps its digits searchable), then Chinese.
FONTS = ["DejaVu Sans", "Arial", "Liberation Sans", "Noto Sans CJK SC", "Source Han Sans SC",
         "Microsoft YaHei", "SimHei", "PingFang SC"]

_WORDS = {
    "title": QT_TRANSLATE_NOOP("CallSheet", "Call sheet, {date}"),
    "counts": QT_TRANSLATE_NOOP("CallSheet", "Due {due} · Overdue {overdue} · Alerts {alerts}"),
    "state": QT_TRANSLATE_NOOP("CallSheet", "State"),
    "name": QT_TRANSLATE_NOOP("CallSheet", "Name"),
    "address": QT_TRANSLATE_NOOP("CallSheet", "Address"),
    "phone": QT_TRANSLATE_NOOP("CallSheet", "Phone"),
    "last": QT_TRANSLATE_NOOP("CallSheet", "Last reached"),
    "outcome": QT_TRANSLATE_NOOP("CallSheet", "Outcome"),
    "note": QT_TRANSLATE_NOOP("CallSheet", "Note"),
    "alert": QT_TRANSLATE_NOOP("CallSheet", "Knock on the door"),
    "due": QT_TRANSLATE_NOOP("CallSheet", "Due today"),
    "overdue": QT_TRANSLATE_NOOP("CallSheet", "%n day(s) overdue"),
    "none": QT_TRANSLATE_NOOP("CallSheet", "Nobody is due today."),
    "foot": QT_TRANSLATE_NOOP("CallSheet", "Outcome: ✓ well · ✗ no answer · other: write it. "
                                           "Enter each contact in GridKeeper the same day."),
}


def _t(key: str, n: int = -1) -> str:
    return QCoreApplication.translate("CallSheet", _WORDS[key], None, n)


def _state(item: DueItem) -> str:
    if item.alert:
        return _t("alert")
    return _t("overdue", item.days_overdue) if item.days_overdue else _t("due")


#: Column widths (per cent of the A4 text width) and whether a cell may wrap: a phone number must not.
_COLUMNS = (("state", 13, True), ("name", 9, False), ("address", 22, True), ("phone", 14, False),
            ("last", 9, False), ("outcome", 10, False), ("note", 23, True))


def sheet_html(today: TodayList) -> str:
    """The sheet as HTML: every person still to work, in the order of the screen."""
    e = html.escape

    def cell(tag: str, text: str, width: int, wraps: bool) -> str:
        return f"<{tag} width='{width}%'{'' if wraps else ' nowrap'}>{e(text)}</{tag}>"

    head = "".join(cell("th", _t(k), w, True) for k, w, _wraps in _COLUMNS)
    rows = "".join(
        "<tr>" + "".join(cell("td", v, w, wraps) for v, (_k, w, wraps) in zip((
            _state(i), i.name, i.address, "、".join(i.phones_masked), care_labels.day(i.last_contact, today.day),
            "", ""), _COLUMNS, strict=True)) + "</tr>"
        for i in today.to_work)
    body = (f"<table cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{rows}</table>" if today.to_work
            else f"<p>{e(_t('none'))}</p>")
    counts = _t("counts").format(due=len(today.due), overdue=len(today.overdue), alerts=len(today.alerts))
    return (
        "<html><head><style>"
        "h1 { font-size: 16pt; text-align: center; margin-bottom: 4pt; }"
        "table { border-collapse: collapse; } th, td { border: 1px solid #444; font-size: 10pt; }"
        "th { background: #e8e8e8; } p.foot { font-size: 9pt; }"
        "</style></head><body>"
        f"<h1>{e(_t('title').format(date=today.day.isoformat()))}</h1><p>{e(counts)}</p>{body}"
        f"<p class='foot'>{e(_t('foot'))}</p></body></html>"
    )


def _document(today: TodayList) -> QTextDocument:
    text = QTextDocument()
    font = QFont()
    font.setFamilies(FONTS)
    font.setPointSize(10)
    text.setDefaultFont(font)
    text.setHtml(sheet_html(today))
    return text


def _layout(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter))


def save_pdf(today: TodayList, path: Path) -> Path:
    """The sheet as a PDF (fonts embedded): for tests, and to print elsewhere."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("GridKeeper")
    _layout(printer)
    _document(today).print_(printer)
    if not path.is_file() or path.stat().st_size == 0:  # QPrinter fails silently
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    return path


def print_with_dialog(today: TodayList, parent: QWidget | None = None) -> bool:
    """The system print dialog, then print; False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _layout(printer)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _document(today).print_(printer)
    return True

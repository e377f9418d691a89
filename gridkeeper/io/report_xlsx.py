"""Write a report (gridkeeper/reports/tables.py) as an .xlsx people can use at once.

openpyxl's write-only mode (streams rows; a fraction of the memory of the
normal mode). Every sheet: bold header row, frozen below the header, a filter
over the data, column widths that fit Chinese text, dates as real dates,
A4 landscape fitted to the page width with the header repeated on every
printed page. The file is written to a temporary name in the same folder and
renamed over the target only when complete, so a failure never leaves half a
workbook; a target that Excel holds open is refused before any work.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.reports.tables import DATE, NUMBER, PERCENT, Report, Table

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_FORMATS = {DATE: "yyyy-mm-dd", PERCENT: "0.0%", NUMBER: "0.0"}  # whole numbers need no format: plain cells are cheaper
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


class ReportNotWritten(GridKeeperError):
    pass


def _locked(target: Path) -> bool:
    """Excel (and WPS) keep "~$name.xlsx" next to a workbook they have open."""
    return (target.parent / f"~${target.name}").exists()


def _sheet_name(text: str, used: set[str]) -> str:
    name = text.translate(_BAD_SHEET_CHARS)[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]}({n})"
        n += 1
    used.add(name)
    return name


def _write_table(wb: Workbook, table: Table, used: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(table.title, used))
    ncols = len(table.columns)
    for i, col in enumerate(table.columns, start=1):
        # A Chinese character is about two Excel width units; leave room for the filter button.
        header_chars = len(col.title)
        ws.column_dimensions[get_column_letter(i)].width = max(col.width, header_chars) * 2 + 3
    ws.freeze_panes = "A2"
    last_row = len(table.rows) + 1
    if ncols:
        ws.auto_filter.ref = f"A1:{get_column_letter(ncols)}{max(last_row, 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    header = []
    for col in table.columns:
        cell = WriteOnlyCell(ws, value=col.title)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        header.append(cell)
    ws.append(header)
    formats = [_FORMATS.get(c.kind) for c in table.columns]
    for row in table.rows:
        out = []
        for value, fmt in zip(row, formats):
            if fmt is None or value is None or value == "":
                out.append(value)
                continue
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = fmt
            out.append(cell)
        ws.append(out)
    for n, spec in enumerate(table.charts):
        chart = BarChart()
        chart.type = "col"
        chart.title = spec.title
        chart.height, chart.width = 7.5, 16
        chart.legend = None if len(spec.value_columns) == 1 else chart.legend
        for col in spec.value_columns:
            data = Reference(ws, min_col=col, min_row=spec.first_row + 1, max_row=spec.last_row + 1)
            chart.add_data(data, titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=1, min_row=spec.first_row + 1, max_row=spec.last_row + 1))
        ws.add_chart(chart, f"{get_column_letter(ncols + 2)}{2 + n * 16}")


def write(report: Report, target: Path) -> Path:
    """Write `report` to `target` (.xlsx), atomically. Raises ReportNotWritten with a reason."""
    target = Path(target)
    if target.suffix.lower() != ".xlsx" and not target.is_dir():
        target = target.with_name(target.name + ".xlsx")  # "月报" -> "月报.xlsx"; the path printed says so
    if _locked(target):
        raise ReportNotWritten(QT_TRANSLATE_NOOP(
            "errors", "{name} is open in Excel or WPS; close it and try again."), name=target.name)
    if target.is_dir():
        raise ReportNotWritten(QT_TRANSLATE_NOOP("errors", "{name} is a folder; give a file name ending in .xlsx."),
                               name=str(target))
    if not target.parent.is_dir():
        raise ReportNotWritten(QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
                               folder=str(target.parent))
    wb = Workbook(write_only=True)
    wb.properties.title = report.title
    used: set[str] = set()
    for table in report.tables:
        _write_table(wb, table, used)
    # Not mkstemp: its file is private (0600); the report gets the folder's usual permissions.
    tmp = str(target.parent / f".{target.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.xlsx.part")
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    except PermissionError:
        raise ReportNotWritten(QT_TRANSLATE_NOOP(
            "errors", "{name} cannot be written: it is open in another program or the folder is read-only."),
            name=target.name) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target

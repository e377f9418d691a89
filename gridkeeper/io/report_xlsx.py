"""Write a report (gridkeeper/reports/tables.py) as an .xlsx people can use at once.

XlsxWriter, not openpyxl: on the street's monthly pack (~50,000 cells) it
writes about three times faster here (docs/performance.md), which is the
difference between meeting and missing the pack's time target. openpyxl stays
for the roster template and the rejected-rows file, which are small.

Every sheet: bold header row, frozen below the header, a filter over the data,
column widths that fit Chinese text, dates as real dates, A4 landscape fitted
to the page width with the header repeated on every printed page. Text is
always written as text, never read as a formula or a link (write_string, and the
workbook's options turn XlsxWriter's own conversions off), and held as xlsx can hold
it (io/xlsx_safe: characters XML cannot hold replaced by U+FFFD, counted; a number
that is not finite written as text, as XlsxWriter refuses it). The file is written
to a temporary name in the same folder and renamed over the target only when
complete, so a failure never leaves half a workbook; a target that Excel holds
open is refused before any work.
"""

from __future__ import annotations

import math
import os
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.io import xlsx_safe
from gridkeeper.reports.tables import DATE, NUMBER, PERCENT, TEXT, Column, Report, Table

_NUMBER_FORMATS = {DATE: "yyyy-mm-dd", PERCENT: "0.0%"}  # NUMBER: General, rounded to one decimal
_MAX_WIDTH = 30  # about 14 Chinese characters
_LINE = 15  # points: the height of one line of the default 11-point font
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
_A4 = 9
_CM = 37.8  # pixels per centimetre at 96 dpi, XlsxWriter's unit for chart sizes
_EPOCH = date(1899, 12, 30)  # day 0 of Excel's date serials (right for every date after February 1900)


class ReportNotWritten(GridKeeperError):
    pass


def _locked(target: Path) -> bool:
    """Excel (and WPS) keep "~$name.xlsx" next to a workbook they have open."""
    return (target.parent / f"~${target.name}").exists()


def _sheet_name(text: str, used: set[str]) -> str:
    # Excel also refuses a name that starts or ends with an apostrophe.
    name = xlsx_safe.name(text).translate(_BAD_SHEET_CHARS).strip("'")[:31] or "Sheet"
    base, n = name, 2
    while name.casefold() in used:  # Excel compares sheet names without case
        name = f"{base[:28]}({n})"
        n += 1
    used.add(name.casefold())
    return name


def _writers(ws: Worksheet, date_format: Format, changed: xlsx_safe.Changed) -> dict[type, Callable[..., Any]]:
    """The cell writer for each Python type a report holds; text never becomes a formula or link."""

    def write_text(row: int, col: int, value: str, fmt: Format | None) -> None:
        ws.write_string(row, col, xlsx_safe.text(value, changed), fmt)

    def write_float(row: int, col: int, value: float, fmt: Format | None) -> None:
        if math.isfinite(value):
            ws.write_number(row, col, value, fmt)
        else:  # XlsxWriter refuses NaN and infinity: shown as what they are
            ws.write_string(row, col, str(value), fmt)

    # A date is shown as a date in whatever column it is (the column's own format is ignored).
    def write_date(row: int, col: int, value: date, _fmt: Format | None) -> None:
        # The serial number ourselves: XlsxWriter's general datetime conversion costs ~20 µs a cell.
        ws.write_number(row, col, (value - _EPOCH).days, date_format)

    def write_datetime(row: int, col: int, value: datetime, _fmt: Format | None) -> None:
        ws.write_datetime(row, col, value.replace(tzinfo=None), date_format)

    return {str: write_text, int: ws.write_number, float: write_float,
            bool: ws.write_boolean, date: write_date, datetime: write_datetime}


def _text_width(text: str) -> float:
    """Excel width units: a Chinese character takes about two, a Latin letter or digit about one."""
    return sum(2 if ord(ch) >= 0x2E80 else 1.1 for ch in text)


def column_width(col: Column) -> float:
    """Wide enough for the column's usual content (`col.width`: Chinese characters for text,
    characters for numbers) and for its title on two or three lines, never wider than
    _MAX_WIDTH: longer text wraps onto more lines instead.

    A sheet is printed fitted to the width of an A4 landscape page (~130 units at 100 %):
    narrow columns keep the print readable; a wide sheet would shrink to 5-pt text."""
    if col.kind == TEXT:
        content, title = col.width * 2 + 3, _text_width(col.title) / 2 + 3
    elif col.kind == DATE:
        content, title = 12, _text_width(col.title) / 3 + 2
    else:  # digits are about one unit each
        content, title = max(col.width, 3) * 1.2 + 4, _text_width(col.title) / 3 + 2
    return min(max(content, title), _MAX_WIDTH)


def _lines(text: str, width: float) -> int:
    """Lines `text` takes in a wrapped cell `width` units wide (an estimate, as Excel's own is)."""
    room = max(width - 1.5, 1.0)
    if len(text) * 2 <= room:  # fits whatever the characters: the usual case, no counting
        return 1
    return max(1, math.ceil(_text_width(text) / room))


def _nice_step(top: float) -> int:
    """A whole-number step for a count axis with at most about eight gridlines (1, 2, 5, 10, 20...)."""
    step = 1
    while top / step > 8:
        for factor in (2, 5 / 2, 2):  # 1 -> 2 -> 5 -> 10
            step = round(step * factor)
            if top / step <= 8:
                break
    return step


def _write_table(wb: Workbook, table: Table, used: set[str], header_format: Format,
                 formats: dict[str, Format], changed: xlsx_safe.Changed, heading: str = "",
                 heading_format: Format | None = None) -> None:
    name = _sheet_name(table.title, used)
    ws = wb.add_worksheet(name)
    head = 1 if heading else 0  # the header's row: under the title line when there is one
    ncols = len(table.columns)
    # Text too long for its column wraps instead of being cut at the next cell, and its row gets
    # the height for it (XlsxWriter writes no row heights, and not every program fits them).
    column_formats = [formats.get(c.kind) for c in table.columns]
    widths = [column_width(c) for c in table.columns]
    text_columns = [(i, w) for i, (c, w) in enumerate(zip(table.columns, widths)) if c.kind == TEXT]
    wrap = formats["wrap"]
    for i, width in enumerate(widths):
        ws.set_column(i, i, width, column_formats[i])
    ws.set_row(head, _LINE * max([_lines(c.title, w) for c, w in zip(table.columns, widths)] + [1]))
    ws.freeze_panes(head + 1, 0)
    if ncols and table.filtered:
        ws.autofilter(head, 0, head + max(len(table.rows), 1), ncols - 1)
    ws.repeat_rows(0, head)
    ws.set_landscape()
    ws.set_paper(_A4)
    ws.fit_to_pages(1, 0)

    writers = _writers(ws, formats[DATE], changed)
    if heading:
        writers[str](0, 0, f"{heading} · {table.title}", heading_format)
    for c, col in enumerate(table.columns):
        writers[str](head, c, col.title, header_format)
    rounded = [c for c, col in enumerate(table.columns) if col.kind == NUMBER]
    for r, row in enumerate(table.rows, start=head + 1):
        if rounded:  # a median of days: 7 or 5.5, not 7.0
            row = tuple(round(v, 1) if c in rounded and isinstance(v, float) else v for c, v in enumerate(row))
        long_text: dict[int, Format] = {}
        lines = 1
        for i, width in text_columns:
            value = row[i]
            if type(value) is str and len(value) * 2 > width - 1.5:  # else it fits, whatever its characters
                n = _lines(value, width)
                if n > 1:
                    long_text[i], lines = wrap, max(lines, n)
        if lines > 1:
            ws.set_row(r, _LINE * lines)
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            fmt = long_text.get(c, column_formats[c]) if long_text else column_formats[c]
            write = writers.get(type(value))
            if write is None:  # anything else is shown as its text
                writers[str](r, c, str(value), fmt)
            else:
                write(r, c, value, fmt)
    for n, spec in enumerate(table.charts):
        chart = wb.add_chart({"type": spec.kind})
        # A name that begins with "=" is a cell reference to XlsxWriter: a title never is one.
        title = xlsx_safe.name(spec.title)
        chart.set_title({"name": title if not title.startswith("=") else "'" + title})
        chart.set_size({"width": round(16 * _CM), "height": round(7.5 * _CM)})
        values = [row[col - 1] for row in table.rows[spec.first_row - 1:spec.last_row] for col in spec.value_columns]
        top = max([v for v in values if isinstance(v, (int, float))] + [1])
        # Counts: bars start at zero (or 55 vs 51 looks like five to one), gridlines on whole numbers.
        if spec.kind == "line":  # shares: the whole 0-100 % scale, so a rise is seen at its true size
            chart.set_y_axis({"min": 0, "max": 1, "major_unit": 0.2, "num_format": "0%"})
        else:
            chart.set_y_axis({"min": 0, "major_unit": _nice_step(top), "num_format": "0"})
        if len(spec.value_columns) == 1:
            chart.set_legend({"none": True})
        cat = spec.category_column - 1
        for col in spec.value_columns:  # 1-based columns; the chart's rows are 1-based data rows
            chart.add_series({
                "name": [name, head, col - 1],
                "categories": [name, head + spec.first_row, cat, head + spec.last_row, cat],
                "values": [name, head + spec.first_row, col - 1, head + spec.last_row, col - 1],
                **({"marker": {"type": "circle"}, "data_labels": {"value": True}} if spec.kind == "line" else {}),
            })
        ws.insert_chart(head + 1 + n * 16, ncols + 1, chart)


def write(report: Report, target: Path) -> Path:
    """Write `report` to `target` (.xlsx), atomically. Raises ReportNotWritten with a reason."""
    return write_counted(report, target)[0]


def write_counted(report: Report, target: Path) -> tuple[Path, xlsx_safe.Changed]:
    """write(), and the cells whose text had to change to be written (xlsx_safe.Changed)."""
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
    # Not mkstemp: its file is private (0600); the report gets the folder's usual permissions.
    tmp = str(target.parent / f".{target.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.xlsx.part")
    # in_memory: the parts are zipped from memory instead of temporary files; the pack is small.
    # The strings_to_* options off: XlsxWriter's write() would turn "=..." into a formula, a URL
    # into a link and "007" into 7; only write_string is used, and these make sure of it.
    wb = Workbook(tmp, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                        "strings_to_numbers": False})
    wb.set_properties({"title": xlsx_safe.name(report.title)})
    changed = xlsx_safe.Changed()
    header_format = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True})
    formats = {kind: wb.add_format({"num_format": text}) for kind, text in _NUMBER_FORMATS.items()}
    formats["wrap"] = wb.add_format({"text_wrap": True})
    used: set[str] = set()
    heading_format = wb.add_format({"bold": True, "font_size": 13})
    for table in report.tables:
        _write_table(wb, table, used, header_format, formats, changed, report.heading, heading_format)
    try:
        try:
            wb.close()
        except FileCreateError as e:  # XlsxWriter wraps the OSError; the caller wants the real one
            raise e.args[0] if e.args and isinstance(e.args[0], OSError) else e from None
        os.replace(tmp, target)
    except PermissionError:
        raise ReportNotWritten(QT_TRANSLATE_NOOP(
            "errors", "{name} cannot be written: it is open in another program or the folder is read-only."),
            name=target.name) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target, changed

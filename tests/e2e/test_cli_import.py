"""gridkeeper import-roster as a subprocess: JSON shape and exit codes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_roster_import import people, write_roster

pytestmark = pytest.mark.e2e


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GRIDKEEPER_DATA_DIR", "GRIDKEEPER_PASSPHRASE")}
    return subprocess.run([sys.executable, "-m", "gridkeeper", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_json_report_and_exit_1_when_rows_are_rejected(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "r.xlsx", people())
    done = run(tmp_path / "p", "import-roster", str(roster), "--json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert (report["rows_read"], report["persons_created"], report["households_created"]) == (4, 3, 2)
    assert [(r["row"], r["code"]) for r in report["rejected"]] == [(6, "id_checksum")]
    assert report["rejected"][0]["column"] == "C" and report["rejected"][0]["message"]
    db = sqlite3.connect(tmp_path / "p" / "gridkeeper.db")  # not open_store(): it would re-key itself
    assert db.execute("SELECT count(*) FROM search_dirty").fetchone() == (0,)  # the CLI caught the index up
    assert db.execute("SELECT count(DISTINCT hh) FROM search_key").fetchone() == (2,)
    db.close()
    again = json.loads(run(tmp_path / "p", "import-roster", str(roster), "--json").stdout)
    assert (again["persons_created"], again["persons_unchanged"]) == (0, 3)


def test_clean_file_exits_0_and_dry_run_changes_nothing(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "r.xlsx", people()[:3])
    dry = run(tmp_path / "p", "import-roster", str(roster), "--dry-run", "--json")
    assert dry.returncode == 0 and json.loads(dry.stdout)["persons_created"] == 3
    assert not (tmp_path / "p").exists()  # a dry run creates no profile either
    assert run(tmp_path / "p", "import-roster", str(roster)).returncode == 0
    before = run(tmp_path / "p", "dump").stdout
    changed = write_roster(tmp_path / "r2.xlsx", people()[:2])
    dry = run(tmp_path / "p", "import-roster", str(changed), "--dry-run", "--json")
    assert dry.returncode == 0 and json.loads(dry.stdout)["persons_unchanged"] == 2
    assert run(tmp_path / "p", "dump").stdout == before


@pytest.mark.parametrize("content", [b"%PDF-1.4 not a workbook" * 50, b""])
def test_unreadable_file_exits_2_with_one_line(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "roster.xlsx"
    bad.write_bytes(content)
    done = run(tmp_path / "p", "import-roster", str(bad), "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "p").exists()  # nothing created for a file that is not a roster


def test_row_messages_follow_the_profiles_language_not_the_locale(tmp_path: Path) -> None:
    """Set to Chinese in the app, on a PC whose locale is C: the real catalogue speaks Chinese."""
    from gridkeeper import settings as cfg
    from gridkeeper.settings import Settings

    roster = write_roster(tmp_path / "r.xlsx", people())
    Settings(tmp_path / "p").set(cfg.LANGUAGE, "zh_CN")
    env = {k: v for k, v in os.environ.items()
           if k not in ("GRIDKEEPER_DATA_DIR", "GRIDKEEPER_PASSPHRASE", "LANGUAGE", "LC_MESSAGES")}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8")
    base = [sys.executable, "-m", "gridkeeper", "--data-dir", str(tmp_path / "p"), "import-roster"]
    done = subprocess.run([*base, str(roster)], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 1
    assert done.stderr.startswith("第6行"), done.stderr  # "Row 6, column C: …" in Chinese
    missing = subprocess.run([*base, str(tmp_path / "无.xlsx")], capture_output=True, text=True, env=env,
                             timeout=120, check=False)
    assert missing.returncode == 2 and "不存在" in missing.stderr, missing.stderr


def test_a_reader_that_stops_early_does_not_hide_rejected_rows(tmp_path: Path) -> None:
    """`gridkeeper import-roster r.xlsx --json | head -c 10`: the rows were imported and some
    rejected whatever the reader did; the exit code still says so (1), without a traceback."""
    roster = write_roster(tmp_path / "r.xlsx", people())
    env = {k: v for k, v in os.environ.items() if k not in ("GRIDKEEPER_DATA_DIR", "GRIDKEEPER_PASSPHRASE")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gridkeeper", "--data-dir", str(tmp_path / "p"), "import-roster", str(roster), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # gone before the report is written
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()
    db = sqlite3.connect(tmp_path / "p" / "gridkeeper.db")
    assert db.execute("SELECT count(*) FROM person").fetchone() == (3,)  # imported all the same
    db.close()


def test_a_roster_past_a_limit_exits_2_with_one_line_and_makes_no_profile(tmp_path: Path) -> None:
    """A sheet that inflates to 4 GiB, two cells far apart: refused before they are parsed."""
    from tests.io.hostile_xlsx import declare_size, header_rows, inline, sheet_xml, write_xlsx

    bomb = declare_size(write_xlsx(tmp_path / "bomb.xlsx", sheet_xml(header_rows())),
                        "xl/worksheets/sheet1.xml", 0xFFFF_FFF0)
    far = write_xlsx(tmp_path / "far.xlsx", sheet_xml(header_rows('<row r="1048576">' + inline("XFD1048576", "y")
                                                                  + "</row>")))
    for path, says in ((bomb, "unpacks to more than a roster can be"), (far, "uses cells up to row 1048576")):
        done = run(tmp_path / "p", "import-roster", str(path), "--json")
        assert done.returncode == 2, done.stderr
        assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1 and says in done.stderr, done.stderr
    assert not (tmp_path / "p").exists()


def test_hostile_cells_are_rejected_rows_with_their_own_codes(tmp_path: Path) -> None:
    rows = people()[:3]
    rows[0] = ["\x1b[31m张建国", *rows[0][1:]]  # ANSI escape: control characters
    rows[1] = ["=1+1", *rows[1][1:]]  # a formula openpyxl saves without a result
    roster = write_roster_raw(tmp_path / "r.xlsx", rows)
    done = run(tmp_path / "p", "import-roster", str(roster), "--json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert [(r["row"], r["code"]) for r in report["rejected"]] == [(3, "text_control"), (4, "formula_no_value")]
    assert report["persons_created"] == 1


def write_roster_raw(path: Path, rows: list[list[object]]) -> Path:
    """write_roster's layout, control characters written as Excel writes them (_xHHHH_)."""
    from tests.io.roster_builder import RosterBuilder
    from tests.test_roster_import import HEADER

    builder = RosterBuilder(HEADER).title("塘川社区户籍人口花名册")
    for r in rows:
        builder.add(*r)
    return builder.save(path)

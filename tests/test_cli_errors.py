"""The command line's refusals: one line in words, exit 2, nothing written (in process, fast)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gridkeeper import cli
from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from gridkeeper.store import open_store
from tests.test_roster_import import people, write_roster


@pytest.fixture
def english_profile(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    Settings(root).set(cfg.LANGUAGE, "en")
    open_store(root).close()
    return root


def test_a_locked_profile_is_one_line_and_exit_2(
    english_profile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from gridkeeper.store import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)  # not the real 10 s
    roster = write_roster(tmp_path / "r.xlsx", people()[:3])
    other = sqlite3.connect(english_profile / "gridkeeper.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window or a sync, writing
    try:
        code = cli.main(["--data-dir", str(english_profile), "import-roster", str(roster)])
    finally:
        other.rollback()
        other.close()
    out, err = capsys.readouterr()
    assert code == cli.EXIT_USAGE
    assert out == ""
    assert err == ("The profile is busy: another GridKeeper window or a sync is writing to it. "
                   "Try again in a moment.\n")
    db = sqlite3.connect(english_profile / "gridkeeper.db")
    assert db.execute("SELECT count(*) FROM person").fetchone() == (0,)
    db.close()


def test_a_roster_with_only_a_header_is_exit_2_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gridkeeper.io import roster

    root = tmp_path / "p"
    Settings(root).set(cfg.LANGUAGE, "en")
    blank = tmp_path / "blank.xlsx"
    roster.write_template(blank)
    code = cli.main(["--data-dir", str(root), "import-roster", str(blank)])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_USAGE and out == ""
    assert err == ("The sheet “花名册” has its header in row 1 but no rows of data below it: "
                   "fill in the residents under the header and import it again.\n")
    assert not (root / "gridkeeper.db").exists()  # refused before the profile is touched


def _notes_then_roster(path: Path) -> Path:
    """A police station's workbook: a notes sheet first, the roster second, a hidden sheet last."""
    from openpyxl import Workbook

    from tests.test_roster_import import HEADER

    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表由派出所提供"])
    sheet = wb.create_sheet("花名册")
    sheet.append(HEADER)
    for row in people()[:3]:
        sheet.append(row)
    wb.create_sheet("统计")
    wb.create_sheet("底稿").sheet_state = "hidden"
    wb.save(path)
    return path


def test_no_header_names_the_other_sheets_and_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "p"
    Settings(root).set(cfg.LANGUAGE, "en")
    book = _notes_then_roster(tmp_path / "book.xlsx")
    code = cli.main(["--data-dir", str(root), "import-roster", str(book)])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_USAGE and out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("No roster header in the first 30 rows of the sheet “说明”")
    assert err.endswith(' The workbook has other sheets: 花名册, 统计. Choose the roster\'s sheet with --sheet, '
                        'for example: --sheet "花名册"\n')
    assert not (root / "gridkeeper.db").exists()
    assert cli.main(["--data-dir", str(root), "import-roster", str(book), "--sheet", "花名册"]) == cli.EXIT_OK
    code = cli.main(["--data-dir", str(root), "import-roster", str(book), "--sheet", "统计"])  # empty
    assert code == cli.EXIT_USAGE
    assert 'sheets: 说明, 花名册. Choose the roster\'s sheet with --sheet, for example: --sheet "说明"' in (
        capsys.readouterr().err)


def test_a_one_sheet_workbook_without_a_header_gets_no_sheet_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    root = tmp_path / "p"
    Settings(root).set(cfg.LANGUAGE, "en")
    wb = Workbook()
    wb.active.append(["本表由派出所提供"])
    wb.save(tmp_path / "notes.xlsx")
    assert cli.main(["--data-dir", str(root), "import-roster", str(tmp_path / "notes.xlsx")]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("No roster header") and "--sheet" not in err


def test_a_broken_file_into_an_existing_profile_is_one_line_and_changes_nothing(
    english_profile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a profile there, the file is read by the import itself (beside the profile's rows):
    a file it cannot read is refused the same way, and the profile is as it was."""
    roster = write_roster(tmp_path / "r.xlsx", people()[:3])
    assert cli.main(["--data-dir", str(english_profile), "import-roster", str(roster)]) == cli.EXIT_OK
    capsys.readouterr()
    before = _dump(english_profile)
    broken = tmp_path / "roster.xlsx"
    broken.write_bytes(b"%PDF-1.4 not a workbook" * 100)
    code = cli.main(["--data-dir", str(english_profile), "import-roster", str(broken)])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_USAGE and out == "" and len(err.splitlines()) == 1
    assert err.startswith("roster.xlsx is a PDF document, not an Excel workbook")
    book = _notes_then_roster(tmp_path / "book.xlsx")
    assert cli.main(["--data-dir", str(english_profile), "import-roster", str(book)]) == cli.EXIT_USAGE
    assert "The workbook has other sheets: 花名册, 统计." in capsys.readouterr().err
    assert _dump(english_profile) == before


def _dump(root: Path) -> str:
    from tests.test_roster_import import snapshot

    store = open_store(root)
    try:
        return snapshot(store)
    finally:
        store.close()

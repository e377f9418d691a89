"""The command line's words: in the profile's language, translated at print time (in process, fast)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridkeeper import cli
from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from tests.test_roster_import import people, write_roster


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """i18n.cli_translate replaced by one that marks every text with the language it was asked for."""
    from gridkeeper.ui import i18n

    asked: list[str] = []

    def fake(setting: str = "system"):  # type: ignore[no-untyped-def]
        asked.append(setting)
        return lambda context, text: f"«{setting}:{context}»{text}"

    monkeypatch.setattr(i18n, "cli_translate", fake)
    return asked


def _profile(tmp_path: Path, language: str | None) -> Path:
    root = tmp_path / "p"
    if language:
        Settings(root).set(cfg.LANGUAGE, language)
    return root


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_import_roster_speaks_the_profiles_language(
    tmp_path: Path, marked: list[str], capsys: pytest.CaptureFixture[str], language: str
) -> None:
    root = _profile(tmp_path, language)
    roster = write_roster(tmp_path / "r.xlsx", people())
    assert cli.main(["--data-dir", str(root), "import-roster", str(roster)]) == cli.EXIT_REJECTED
    out, err = capsys.readouterr()
    assert set(marked) == {language}
    # the row's problem: prefix and message both translated
    assert err.startswith(f"«{language}:roster»Row 6, column C: «{language}:roster»The ID number")
    assert out == (f"«{language}:cli»Imported r.xlsx (sheet 花名册, header on row 2): 4 rows; persons 3 new, "
                   "0 updated, 0 unchanged; households 2 new, 0 updated; 1 rows rejected, 0 warnings.\n")


def test_an_update_prints_what_it_changed_in_the_profiles_language(
    tmp_path: Path, marked: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = _profile(tmp_path, "zh_CN")
    assert cli.main(["--data-dir", str(root), "import-roster", str(write_roster(tmp_path / "r.xlsx", people()[:3]))]) == 0
    rows = people()[:3]
    rows[0][5] = "13900001111"
    capsys.readouterr()
    assert cli.main(["--data-dir", str(root), "import-roster", str(write_roster(tmp_path / "r2.xlsx", rows))]) == 0
    change, summary = capsys.readouterr().out.splitlines()
    assert change == "«zh_CN:roster»Row 3, 张建国: «zh_CN:roster»Phone 138****5678 → 139****1111"
    assert "persons 0 new, 1 updated, 2 unchanged" in summary


def test_dry_run_summary_is_translated_too(
    tmp_path: Path, marked: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = _profile(tmp_path, "zh_CN")
    roster = write_roster(tmp_path / "r.xlsx", people()[:3])
    assert cli.main(["--data-dir", str(root), "import-roster", str(roster), "--dry-run"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("«zh_CN:cli»Would import r.xlsx (sheet 花名册, header on row 2): 3 rows;")
    assert out.rstrip().endswith("Nothing was changed (dry run).")


def test_without_a_setting_the_system_language_is_used(
    tmp_path: Path, marked: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = _profile(tmp_path, None)
    roster = write_roster(tmp_path / "r.xlsx", people()[:3])
    assert cli.main(["--data-dir", str(root), "import-roster", str(roster)]) == cli.EXIT_OK
    assert set(marked) == {"system"}
    assert capsys.readouterr().out.startswith("«system:cli»Imported r.xlsx")


def test_known_errors_follow_the_setting(
    tmp_path: Path, marked: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = _profile(tmp_path, "zh_CN")
    missing = tmp_path / "missing.xlsx"
    assert cli.main(["--data-dir", str(root), "import-roster", str(missing)]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == f"«zh_CN:errors»The file {missing} does not exist.\n"


def test_a_broken_translation_falls_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from gridkeeper.ui import i18n

    monkeypatch.setattr(i18n, "cli_translate", lambda setting="system": lambda c, t: "{nonsense}" if c == "cli" else t)
    root = _profile(tmp_path, "zh_CN")
    roster = write_roster(tmp_path / "r.xlsx", people()[:3])
    assert cli.main(["--data-dir", str(root), "import-roster", str(roster)]) == cli.EXIT_OK
    assert capsys.readouterr().out.startswith("Imported r.xlsx (sheet 花名册, header on row 2): 3 rows;")


def test_report_says_where_it_wrote_in_the_users_language(
    tmp_path: Path, marked: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from gridkeeper.store import open_store

    root = _profile(tmp_path, "zh_CN")
    open_store(root).close()
    out_file = tmp_path / "pack.xlsx"
    code = cli.main(["--data-dir", str(root), "report", "monthly", "--month", "2026-01", "-o", str(out_file)])
    assert code == cli.EXIT_OK
    assert capsys.readouterr().out == f"«zh_CN:cli»Wrote {out_file}\n"


def test_import_roster_reads_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command checks the file before it opens a profile, and imports what it read then."""
    from gridkeeper.io import roster

    reads: list[Path] = []
    real = roster.read_sheet

    def counted(path, sheet=None):  # type: ignore[no-untyped-def]
        reads.append(Path(path))
        return real(path, sheet)

    monkeypatch.setattr(roster, "read_sheet", counted)
    file = write_roster(tmp_path / "r.xlsx", people()[:3])
    assert cli.main(["--data-dir", str(tmp_path / "p"), "import-roster", str(file)]) == 0
    assert reads == [file]
    # Into the profile that now exists (a re-import): the import reads it, still once.
    assert cli.main(["--data-dir", str(tmp_path / "p"), "import-roster", str(file)]) == 0
    assert reads == [file, file]

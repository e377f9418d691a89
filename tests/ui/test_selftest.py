"""gridkeeper self-test: every check passes on a sound install; a broken one fails alone, exit 1."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest

from gridkeeper import cli, selftest
from gridkeeper.ui import selftest as qt_checks

pytestmark = pytest.mark.gui

CHECKS = ["profile", "qt", "translations", "excel", "pdf", "sync"]


def _lines(text: str) -> dict[str, str]:
    """check name -> its line, from the output's check lines."""
    found = {}
    for line in text.splitlines():
        status, _, rest = line.partition("  ")
        if status.strip() in ("ok", "FAIL"):
            found[rest.split()[0]] = line
    return found


def test_all_checks_pass_one_line_each_and_exit_0(qapp, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["self-test"]) == 0
    out = capsys.readouterr().out
    lines = _lines(out)
    assert list(lines) == CHECKS
    assert all(line.startswith("ok  ") for line in lines.values()), out
    assert "migrated to" in lines["profile"] and "SQLCipher" in lines["profile"]
    assert "qtbase_zh_CN.qm" in lines["translations"]
    assert "CJK" in lines["pdf"]  # the Chinese drawn with a Chinese font
    assert out.rstrip().endswith("self-test: all 6 checks passed")


def test_a_missing_translation_fails_that_check_only_and_exit_1(qapp, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "no translations here"
    empty.mkdir()
    monkeypatch.setattr(qt_checks.i18n, "translations_dir", lambda: empty)
    assert cli.main(["--self-test"]) == 1
    out = capsys.readouterr().out
    lines = _lines(out)
    assert lines["translations"].startswith("FAIL") and "gridkeeper_zh_CN.qm" in lines["translations"]
    assert [n for n, line in lines.items() if line.startswith("FAIL")] == ["translations"]
    assert "Traceback" not in out
    assert out.rstrip().endswith("self-test: 1 of 6 checks failed: translations")


def test_an_unexpected_error_is_one_line_naming_where(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_ws: selftest.Workspace) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(selftest, "checks", lambda: [("excel", broken)])
    out = io.StringIO()
    assert selftest.main(out) == 1
    line = _lines(out.getvalue())["excel"]
    assert line.startswith("FAIL") and "OSError" in line and "No space left on device" in line
    assert "test_selftest.py" in line  # where it broke, for the bug report


def test_nothing_is_left_behind(qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(selftest.tempfile, "tempdir", str(tmp_path))
    outcomes = selftest.run()
    assert [o.name for o in outcomes] == CHECKS and all(o.ok for o in outcomes)
    assert list(tmp_path.iterdir()) == []


def test_pdf_text_chars_reads_bfchar_and_bfrange_maps() -> None:
    cmap = (b"/CIDInit /ProcSet findresource begin begincmap\n2 beginbfchar\n<0001> <8C03>\n<0002> <89E3>\nendbfchar\n"
            b"1 beginbfrange\n<0010> <0012> <534F>\nendbfrange\nendcmap")
    pdf = b"%PDF-1.4\n1 0 obj<</Filter /FlateDecode>>stream\n" + zlib.compress(cmap) + b"\nendstream\nendobj\n"
    assert qt_checks.pdf_text_chars(pdf) == {"调", "解", "协", chr(0x5350), chr(0x5351)}

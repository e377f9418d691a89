"""The area code a landline without one takes (issue 25): --area-code, else the setting, else the street's."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridkeeper import cli
from gridkeeper import settings as cfg
from gridkeeper.places import street
from gridkeeper.store import Store


def test_the_setting_overrides_the_streets_code_and_a_bad_one_is_ignored(store: Store) -> None:
    assert street.area_code(store) == ""  # no community yet: nothing to go by
    street.add_community(store, "城南社区", "330382001001")
    assert street.area_code(store) == "0577"  # Yueqing, from the division code
    cfg.Settings(store.root).set(cfg.AREA_CODE, "0571")
    assert street.area_code(store) == "0571"
    assert street.area_code(store, "010") == "010"  # a command's own choice comes first
    cfg.Settings(store.root).set(cfg.AREA_CODE, "57")
    assert street.area_code(store) == "0577"  # not an area code: the street's again


def test_the_command_line_refuses_a_bad_area_code_before_reading_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "p"
    root.mkdir()
    cfg.Settings(root).set(cfg.LANGUAGE, "zh_CN")
    code = cli.main(["--data-dir", str(root), "import-roster", str(tmp_path / "none.xlsx"), "--area-code", "577"])
    assert code == cli.EXIT_USAGE
    assert "不是区号" in capsys.readouterr().err
    assert not (tmp_path / "p" / "gridkeeper.db").exists()

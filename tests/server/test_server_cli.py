"""gridkeeper server office create | list | backup | restore, in-process: results, and bad input said in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gridkeeper.cli import main


def test_create_list_back_up_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = ["--data-dir", str(tmp_path / "root"), "server"]
    assert main([*folder, "office", "create", "--name", "城南街道", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert len(made["code"]) == 14 and len(made["fingerprint"]) == 64
    assert main([*folder, "office", "list", "--json"]) == 0
    assert [o["name"] for o in json.loads(capsys.readouterr().out)["offices"]] == ["城南街道"]
    assert main([*folder, "backup", str(tmp_path / "copy.db"), "--json"]) == 0
    capsys.readouterr()
    assert main([*folder, "office", "create", "--name", "after the backup"]) == 0
    assert main([*folder, "restore", str(tmp_path / "copy.db")]) == 0
    capsys.readouterr()
    assert main([*folder, "office", "list", "--json"]) == 0
    assert [o["name"] for o in json.loads(capsys.readouterr().out)["offices"]] == ["城南街道"]
    (tmp_path / "not-a-db").write_text("hello")
    assert main([*folder, "restore", str(tmp_path / "not-a-db")]) == 2
    err = capsys.readouterr().err
    assert "Nothing was restored" in err and "Traceback" not in err
    assert main([*folder, "serve", "--listen", "nonsense"]) == 2
    assert "--listen wants HOST:PORT" in capsys.readouterr().err

"""gridkeeper sync / conflicts as subprocesses: the JSON contract and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GRIDKEEPER_DATA_DIR", "GRIDKEEPER_PASSPHRASE")}
    return subprocess.run([sys.executable, "-m", "gridkeeper", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, timeout=180)


def test_sync_two_profiles_and_list_conflicts(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    assert run(tmp_path / "a", "demo", "--size", "small").returncode == 0
    made = run(tmp_path / "a", "office", "create", "--folder", str(share), "--name", "城南街道", "--json")
    assert made.returncode == 0, made.stderr
    first = run(tmp_path / "a", "sync", "--folder", str(share), "--json")
    assert first.returncode == 0, first.stderr
    out = json.loads(first.stdout)
    assert out["offline"] is False and out["pushed"] > 1000 and out["held"] == [] and out["missing"] == []
    code = json.loads(run(tmp_path / "a", "office", "invite", "--json").stdout)
    assert set(code) == {"code", "expires"} and len(code["code"]) == 14
    # A new laptop: no profile yet; join makes it and pulls the office's data.
    joined = run(tmp_path / "b", "office", "join", "--folder", str(share), "--code", code["code"].lower(), "--json")
    assert joined.returncode == 0, joined.stderr
    second = json.loads(joined.stdout)["sync"]
    assert second["applied"] == out["pushed"] and second["conflicts_open"] == 0
    assert run(tmp_path / "a", "dump").stdout == run(tmp_path / "b", "dump").stdout
    assert run(tmp_path / "b", "office", "join", "--folder", str(share), "--code", code["code"]).returncode == 2
    admitted = json.loads(run(tmp_path / "a", "sync", "--folder", str(share), "--json").stdout)
    assert admitted["admitted"] != [] and admitted["missing"] == []
    members = json.loads(run(tmp_path / "a", "office", "members", "--json").stdout)["members"]
    assert len(members) == 2 and [m["admin"] for m in members].count(True) == 1
    listed = json.loads(run(tmp_path / "b", "conflicts", "--json").stdout)
    assert listed == {"conflicts": []}


def test_unusable_share_exits_2_offline(tmp_path: Path) -> None:
    from gridkeeper.store import open_store

    open_store(tmp_path / "a").close()
    done = run(tmp_path / "a", "sync", "--folder", str(tmp_path / "missing"), "--json")
    assert done.returncode == 2
    assert json.loads(done.stdout)["offline"] is True

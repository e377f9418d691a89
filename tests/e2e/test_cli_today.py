"""`gridkeeper today`: the Today list on the command line."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from gridkeeper import clock
from tests.e2e.test_cli import gk

pytestmark = pytest.mark.e2e


def test_today_json_lists_due_overdue_and_alerts(small_demo_dir: Path, tmp_path: Path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(small_demo_dir, root)
    done = gk("today", "--json", data_dir=root, home=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    out = json.loads(done.stdout)
    assert set(out) >= {"date", "cadre", "counts", "due", "overdue", "alerts"}
    assert out["counts"]["due"] == len(out["due"]) and out["cadre"]
    items = out["due"] + out["overdue"]
    assert items, "the demo history ends yesterday: someone is due today"
    for item in items:
        assert set(item) >= {"name", "address", "frequency", "last_contact", "days_overdue", "phones"}
        assert all("*" in p for p in item["phones"])  # masked
    assert all(i["days_overdue"] > 0 for i in out["overdue"])

    # A day far ahead: everyone is overdue; by name of a cadre who does not exist: a clear refusal.
    far = (clock.today() + timedelta(days=200)).isoformat()
    later = json.loads(gk("today", "--json", "--date", far, data_dir=root, home=tmp_path).stdout)
    assert later["due"] == [] and len(later["overdue"]) >= len(items)
    missing = gk("today", "--cadre", "无此人", data_dir=root, home=tmp_path)
    assert missing.returncode == 2 and "无此人" in missing.stderr.decode()
    bad = gk("today", "--date", "2026-13-01", data_dir=root, home=tmp_path)
    assert bad.returncode == 2 and b"not a date" in bad.stderr


def test_a_reader_that_stops_early_ends_it_quietly(small_demo_dir: Path, tmp_path: Path) -> None:
    """`gridkeeper today | head -1`: no BrokenPipeError traceback."""
    import subprocess
    import sys

    from tests.e2e.test_cli import REPO, _env

    root = tmp_path / "demo"
    shutil.copytree(small_demo_dir, root)
    proc = subprocess.Popen(
        [sys.executable, "-m", "gridkeeper", "--data-dir", str(root), "today", "--date", "2027-06-01"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path), cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before a line is written: every write meets a closed pipe
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()

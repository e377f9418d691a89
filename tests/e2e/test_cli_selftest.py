"""`gridkeeper --self-test` as a process (its own QGuiApplication, no test fixtures), and the app's
GRIDKEEPER_QUIT_AFTER_PAINT that CI's bundle smoke test and benchmarks/bench_bundle.py rely on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gridkeeper.ui.app import QUIT_AFTER_PAINT
from tests.e2e.test_cli import _env, gk

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_self_test_as_a_process_passes_every_check(tmp_path: Path) -> None:
    env = _env(tmp_path, TMPDIR=str(tmp_path))
    proc = gk("--self-test", data_dir=None, home=tmp_path, env=env)
    out = proc.stdout.decode()
    assert proc.returncode == 0, out + proc.stderr.decode()
    assert sum(line.startswith("ok  ") for line in out.splitlines()) == 6
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("gridkeeper-selftest")] == []


def test_the_app_quits_after_its_first_paint_when_asked(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    made = gk("demo", "--size", "small", data_dir=root, home=tmp_path)
    assert made.returncode == 0, made.stderr.decode()
    env = _env(tmp_path, QT_QPA_PLATFORM="offscreen", **{QUIT_AFTER_PAINT: "1"})
    env.setdefault("XDG_RUNTIME_DIR", os.environ.get("XDG_RUNTIME_DIR", str(tmp_path)))
    proc = gk(data_dir=root, home=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    painted = [line for line in proc.stdout.decode().splitlines() if line.startswith("first paint at ")]
    assert len(painted) == 1 and float(painted[0].split()[-1]) > 0

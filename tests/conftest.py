"""Shared fixtures: every test gets its own data dir; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt: tests never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
if not os.environ.get("XDG_RUNTIME_DIR"):  # Qt warns without one (and fails strict tests)
    import tempfile

    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="xdg-")
os.environ.pop("GRIDKEEPER_DATA_DIR", None)
os.environ.pop("GRIDKEEPER_PASSPHRASE", None)

from gridkeeper.store import Store, open_store  # noqa: E402


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "profile"
    root.mkdir()
    return root


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = open_store(data_dir)
    yield s
    s.close()


@pytest.fixture(scope="session")
def small_demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One generated small demo profile, shared read-only by tests (copy it to write)."""
    from gridkeeper import demo

    root = tmp_path_factory.mktemp("demo-small")
    s = open_store(root)
    demo.generate(s, size="small", seed=1)
    s.close()
    return root


@pytest.fixture
def demo_store(small_demo_dir: Path, tmp_path: Path) -> Iterator[Store]:
    """A private, writable copy of the small demo profile."""
    import shutil

    target = tmp_path / "demo"
    shutil.copytree(small_demo_dir, target)
    s = open_store(target)
    yield s
    s.close()

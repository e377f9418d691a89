"""UI tests run in English with its plural forms ("1 row", "2 rows"), as a user would see it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gridkeeper.store import Store, open_store


@pytest.fixture(autouse=True)
def english(qapp):  # type: ignore[no-untyped-def]
    from gridkeeper.ui import i18n

    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def share(tmp_path: Path) -> Path:
    """An empty shared folder for sync tests."""
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two profiles, as two cadres' laptops."""
    a, b = open_store(tmp_path / "laptop-a"), open_store(tmp_path / "laptop-b")
    yield a, b
    a.close()
    b.close()

"""Fixtures for the sync server's tests: a server on SQLite, and the same on PostgreSQL when
GRIDKEEPER_TEST_POSTGRES names one (.ci/run starts a throwaway cluster; skipped when unset)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.server_sim import ServerHost

POSTGRES = os.environ.get("GRIDKEEPER_TEST_POSTGRES", "")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/server/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.server)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A new, empty database on the test PostgreSQL, dropped afterwards."""
    if not POSTGRES:
        pytest.skip("GRIDKEEPER_TEST_POSTGRES is not set (.ci/run sets it)")
    import psycopg

    name = f"gk_test_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, _db = POSTGRES.rpartition("/")
    yield f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    """None: the server's own SQLite file; else a PostgreSQL URL."""
    if request.param == "sqlite":
        return None
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def host(tmp_path: Path, database: str | None) -> Iterator[ServerHost]:
    h = ServerHost(tmp_path / "server", database)
    yield h
    h.close()

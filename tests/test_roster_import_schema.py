"""A first import builds the indexes of empty tables after loading them: the schema must come out as it went in."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from gridkeeper.places.roster_import import import_roster
from gridkeeper.store import Store
from tests.test_roster_import import people, write_roster


def schema(store: Store) -> list[tuple[str, str, str]]:
    with store.read() as conn:
        return sorted(conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL").all())


def test_indexes_and_triggers_are_the_same_after_an_import_or_a_failure(store: Store, tmp_path: Path,
                                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The first import into empty tables builds their indexes after loading them (and drops the
    insert triggers meanwhile): committed or rolled back, the schema must come out as it went in."""
    from gridkeeper.store import roster as db

    before = schema(store)
    assert any(name == "ix_person_name" for _, name, _ in before)
    path = write_roster(tmp_path / "r.xlsx", people())
    real_insert = db.insert

    def failing_insert(conn, table, rows, **kw):  # type: ignore[no-untyped-def]
        real_insert(conn, table, rows, **kw)
        if table == "person":
            raise OSError("disk full")

    monkeypatch.setattr(db, "insert", failing_insert)
    with pytest.raises(OSError):
        import_roster(store, path)
    assert schema(store) == before
    monkeypatch.setattr(db, "insert", real_insert)
    import_roster(store, path)
    assert schema(store) == before
    with store.read() as conn:  # the rebuilt index is used and complete
        assert conn.execute(text("SELECT count(*) FROM person INDEXED BY ix_person_name WHERE name = '王伟'")
                            ).scalar() == 1

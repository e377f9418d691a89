"""Migration 0008: opening a profile finds the newest change time by the index, not a scan of the log."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from gridkeeper.store import migrate, open_store
from gridkeeper.store.engine import _Hooks, make_engine
from gridkeeper.sync.clock import HybridClock, Timestamp


def test_a_0007_profile_gets_the_index_and_its_clock_goes_on_after_its_newest_change(data_dir: Path) -> None:
    hooks = _Hooks()
    hooks.clock = HybridClock("old-laptop")
    engine = make_engine(data_dir / "gridkeeper.db", None, hooks)
    migrate.upgrade(engine, data_dir, target="0007")
    with engine.execution_options(gk_write=True).begin() as conn:
        conn.execute(text("INSERT INTO community (id, name, deleted) VALUES ('c', '塘川社区', 0)"))
        newest = conn.execute(text("SELECT max(hlc) FROM change_log")).scalar()
        indexes = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))}
    engine.dispose()
    assert newest and "ix_change_log_hlc" not in indexes

    store = open_store(data_dir)
    with store.read() as conn:
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN SELECT max(hlc) FROM change_log"))
        assert conn.execute(text("SELECT max(hlc) FROM change_log")).scalar() == newest
    assert "ix_change_log_hlc" in plan  # a seek to the end of the index, not a scan of every change
    with store.begin() as conn:
        conn.execute(text("UPDATE community SET name = '塘川' WHERE id = 'c'"))
    with store.read() as conn:
        later = conn.execute(text("SELECT max(hlc) FROM change_log")).scalar()
    assert Timestamp.decode(later) > Timestamp.decode(newest)
    store.close()

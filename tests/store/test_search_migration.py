"""Migration 0007: a profile with the old search index upgrades and is found exactly as before."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from gridkeeper.store import households, migrate, open_store, searchindex
from gridkeeper.store.engine import _Hooks, make_engine
from gridkeeper.sync.clock import HybridClock

QUERIES = ["", "张伟", "伟", "zw", "zhangwei", "阳光花园3幢2单元501", "3-2-501", "501", "5678", "123x", "张 501"]


def test_a_0003_profile_is_rekeyed_into_the_compact_index(data_dir: Path) -> None:
    hooks = _Hooks()
    hooks.clock = HybridClock("old-laptop")
    engine = make_engine(data_dir / "gridkeeper.db", None, hooks)
    migrate.upgrade(engine, data_dir, target="0003")
    with engine.execution_options(gk_write=True).begin() as conn:  # written through the 0001 triggers
        conn.execute(text("INSERT INTO community (id, name, deleted) VALUES ('c', '塘川社区', 0)"))
        conn.execute(text("INSERT INTO compound (id, community_id, name, deleted) VALUES ('co', 'c', '阳光花园', 0)"))
        conn.execute(text("INSERT INTO grid (id, community_id, name, deleted) VALUES ('g', 'c', '第1网格', 0)"))
        conn.execute(text("INSERT INTO building (id, compound_id, grid_id, name, deleted) "
                          "VALUES ('b', 'co', 'g', '3幢', 0)"))
        for room, name, id_number, phones in (("501", "张伟", "330382196001011234", '["13812345678"]'),
                                              ("502", "曾建国", "33038219700101123X", "[]")):
            conn.execute(text("INSERT INTO household (id, building_id, unit, room, deleted) "
                              "VALUES (:h, 'b', '2', :r, 0)"), {"h": "h" + room, "r": room})
            conn.execute(text("INSERT INTO person (id, household_id, name, id_number, phones, status, deleted) "
                              "VALUES (:p, :h, :n, :i, :ph, 'active', 0)"),
                         {"p": "p" + room, "h": "h" + room, "n": name, "i": id_number, "ph": phones})
        old_keys = conn.execute(text("SELECT count(*) FROM search_key")).scalar()
    engine.dispose()
    assert old_keys > 0

    store = open_store(data_dir)  # migrates, then re-keys everything 0007 listed
    with store.read() as conn:
        assert not searchindex.pending(conn)
        assert conn.execute(text("SELECT count(*) FROM search_key")).scalar() == old_keys
        found = {q: households.search_ids(conn, q) for q in QUERIES}
        assert households.search_ids(conn, "", ["g"]) == ["h501", "h502"]
    assert found == {"": ["h501", "h502"], "张伟": ["h501"], "伟": ["h501"], "zw": ["h501"],
                     "zhangwei": ["h501"], "阳光花园3幢2单元501": ["h501"], "3-2-501": ["h501"],
                     "501": ["h501"], "5678": ["h501"], "123x": ["h502"], "张 501": ["h501"]}
    store.close()

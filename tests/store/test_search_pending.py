"""Search is right while households wait in search_dirty (a bulk write deferred their keys)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from gridkeeper.store import Store, searchindex
from gridkeeper.store import households as queries

QUERIES = ["", "张", "王", "zh", "z", "w", "1", "2单元", "3幢2单元", "501", "3-2", "1234", "138", "张 3幢", "王 1单元"]


def results(store: Store, grids: list[str] | None = None) -> dict[str, list[object]]:
    with store.read() as conn:
        return {q: queries.search_page(conn, q, grids, limit=1_000_000) for q in QUERIES}


def pages(store: Store, query: str) -> list[object]:
    out: list[object] = []
    after = None
    with store.read() as conn:
        while True:
            page = queries.search_page(conn, query, after=after, limit=13)
            out.extend(page)
            if len(page) < 13:
                return out
            after = page[-1]


def test_every_household_pending_finds_what_the_index_finds(demo_store: Store) -> None:
    with demo_store.read() as conn:
        grids = [r[0] for r in conn.execute(text("SELECT id FROM grid ORDER BY id LIMIT 2"))]
    indexed, scoped = results(demo_store), results(demo_store, grids)
    paged = pages(demo_store, "张")
    with demo_store.begin() as conn:  # as if a bulk write had just listed them all
        conn.execute(text("INSERT INTO search_dirty SELECT id FROM household"))
        conn.execute(text("DELETE FROM search_key WHERE length(key) % 3 = 0"))  # and the stored keys were stale
    with demo_store.read() as conn:
        assert searchindex.pending(conn)
    assert results(demo_store) == indexed
    assert results(demo_store, grids) == scoped
    assert pages(demo_store, "张") == paged
    assert all(indexed[q] for q in ("", "张", "zh", "501", "张 3幢"))  # the comparison is not empty


def test_a_deferred_bulk_load_is_searchable_before_and_after_reindex(demo_store: Store) -> None:
    with demo_store.read() as conn:
        target = queries.search_ids(conn, "")[3]
        person = conn.execute(text("SELECT id FROM person WHERE household_id = :h LIMIT 1"), {"h": target}).scalar()
        dropped = queries.search_ids(conn, "")[4]
    with demo_store.bulk_load({target, dropped}, defer_index=True) as conn:
        conn.execute(text("UPDATE person SET name = '欧阳Qxjvw' WHERE id = :p"), {"p": person})
        conn.execute(text("UPDATE household SET deleted = 1 WHERE id = :h"), {"h": dropped})
    with demo_store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_dirty")).scalar() == 2
        assert queries.search_ids(conn, "qxjv") == [target]
        assert queries.search_ids(conn, "欧阳q") == [target]
        assert dropped not in queries.search_ids(conn, "")
    before = results(demo_store)
    assert demo_store.reindex_dirty() == 2
    with demo_store.read() as conn:
        assert not searchindex.pending(conn)
        assert queries.search_ids(conn, "qxjv") == [target]
    assert results(demo_store) == before


def test_a_failed_deferred_bulk_load_lists_nothing(demo_store: Store) -> None:
    with pytest.raises(RuntimeError):
        with demo_store.bulk_load({"h-x"}, defer_index=True):
            raise RuntimeError("cut off")
    with demo_store.read() as conn:
        assert not searchindex.pending(conn)


def test_a_catch_up_that_fails_never_keeps_the_profile_from_opening(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Finding: a re-index that ran out of memory was retried at every open, and nothing opened."""
    from gridkeeper.store import engine, open_store, searchindex
    from tests.store.helpers import place

    store = open_store(tmp_path / "p")
    where = place(store)
    with store.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_dirty (household_id) VALUES (?)", (where["household"],))
    store.close()
    calls = []

    def out_of_memory(*_a, **_k):  # type: ignore[no-untyped-def]
        calls.append(1)
        raise MemoryError("6 GB")

    monkeypatch.setattr(searchindex, "refresh", out_of_memory)
    for attempt in range(4):
        s = open_store(tmp_path / "p")  # opens every time
        assert s.catch_up_error == "MemoryError: 6 GB"
        assert s.meta("device_id")
        s.close()
    assert len(calls) == 2  # tried twice, then no more at every start
    monkeypatch.undo()
    s = open_store(tmp_path / "p")
    assert s.reindex_dirty() == 1 and s.catch_up_error == ""  # a later catch-up succeeds and clears it
    assert s.meta(engine.CATCH_UP_FAILED) is None
    s.close()

"""Store.bulk_load(households=...) re-keys only what the caller touched."""

from __future__ import annotations

from sqlalchemy import text

from gridkeeper.store import Store
from gridkeeper.store import households as queries


def keys(store: Store) -> list[tuple[str, str, str, str]]:
    with store.read() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT * FROM search_key ORDER BY 1, 2, 3"))]


def test_refresh_of_touched_households_equals_a_full_rebuild(demo_store: Store) -> None:
    with demo_store.read() as conn:
        target = queries.search_ids(conn, "")[5]
        person = conn.execute(text("SELECT id FROM person WHERE household_id = :h LIMIT 1"), {"h": target}).scalar()
    touched: set[str] = set()
    with demo_store.bulk_load(touched) as conn:
        conn.execute(text("UPDATE person SET name = 'Qxjvw' WHERE id = :p"), {"p": person})
        touched.add(target)
    with demo_store.read() as conn:
        assert queries.search_ids(conn, "qxjv") == [target]
    incremental = keys(demo_store)
    with demo_store.bulk_load() as conn:  # full rebuild
        pass
    assert keys(demo_store) == incremental


def test_untouched_households_keep_their_keys_until_a_rebuild(demo_store: Store) -> None:
    """The contract: bulk_load's caller names what it touched; what it leaves out is not re-keyed."""
    with demo_store.read() as conn:
        target = queries.search_ids(conn, "")[7]
        person = conn.execute(text("SELECT id FROM person WHERE household_id = :h LIMIT 1"), {"h": target}).scalar()
    with demo_store.bulk_load(set()) as conn:
        conn.execute(text("UPDATE person SET name = 'Vwkzq' WHERE id = :p"), {"p": person})
    with demo_store.read() as conn:
        assert queries.search_ids(conn, "vwkz") == []
    with demo_store.bulk_load() as conn:
        pass
    with demo_store.read() as conn:
        assert queries.search_ids(conn, "vwkz") == [target]

"""Migration 0010: stored numbers in the canonical form, nothing lost, the rewrite logged for sync."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from gridkeeper.store import migrate, open_store
from gridkeeper.store.engine import _Hooks, make_engine
from gridkeeper.sync.clock import HybridClock

PHONES = {
    "p1": ["138 1234 5678", "0577-4658612", "+86 13812345678"],  # spaced; refused by the plan; a repeat
    "p2": ["13812345678", "0577-62345678"],  # canonical already
    "p3": ["0577 6234 5678转8001"],
}


def test_0009_numbers_become_canonical_and_the_refused_ones_stay(data_dir: Path) -> None:
    hooks = _Hooks()
    hooks.clock = HybridClock("old-laptop")
    engine = make_engine(data_dir / "gridkeeper.db", None, hooks)
    migrate.upgrade(engine, data_dir, target="0009")
    with engine.execution_options(gk_write=True).begin() as conn:
        conn.execute(text("INSERT INTO community (id, name, deleted) VALUES ('c', '塘川社区', 0)"))
        for pid, numbers in PHONES.items():
            conn.execute(text("INSERT INTO person (id, name, phones, status, deleted) "
                              "VALUES (:p, '张伟', :ph, 'active', 0)"), {"p": pid, "ph": json.dumps(numbers)})
        conn.execute(text("INSERT INTO cadre (id, name, phone, deleted) VALUES ('k', '李四', '0577 62345678', 0)"))
        logged = conn.execute(text("SELECT max(rowid) FROM change_log")).scalar()
    engine.dispose()

    store = open_store(data_dir)
    with store.read() as conn:
        phones = {r[0]: json.loads(r[1]) for r in conn.execute(text("SELECT id, phones FROM person"))}
        cadre = conn.execute(text("SELECT phone FROM cadre")).scalar()
        log = conn.execute(text("SELECT row_id, field, value FROM change_log WHERE rowid > :n ORDER BY rowid"),
                           {"n": logged}).all()
    store.close()
    assert phones == {"p1": ["13812345678", "0577-4658612"], "p2": PHONES["p2"], "p3": ["0577-62345678转8001"]}
    assert cadre == "0577-62345678"
    assert [(r, f) for r, f, _ in log] == [("p1", "phones"), ("p3", "phones"), ("k", "phone")]  # synced edits

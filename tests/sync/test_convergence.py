"""Invariants 1-3 and 5 by simulation: random inserts, edits, tombstones and roster
imports on three laptops, random sync orders, and faults (a crash leaving a temporary batch
file, a lost cursor that makes batches arrive twice).

Whatever happened in between, once every laptop has synced twice in turn
they hold identical data (a byte-identical canonical dump), every value ever
written is in every laptop's change log, and no change is stored twice.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from gridkeeper.store import Store, open_store
from gridkeeper.store.models import Person
from gridkeeper.sync.engine import sync_folder
from tests.store.helpers import place
from tests.sync.simulation import dump_text

LAPTOPS = 3
PEOPLE = ("p1", "p2")
NAMES = ("张伟", "张玮", "章伟")
NOTES = ("独居", "需每日联系", None)
PHONES = ('["13812345678"]', '["13900001111", "0577-62345678"]', "[]")

_template: Path | None = None


def template() -> Path:
    """One migrated empty profile, copied for every laptop (migrations take most of a profile's start)."""
    global _template
    if _template is None:
        _template = Path(tempfile.mkdtemp(prefix="gk-template-"))
        open_store(_template).close()
    return _template


def new_laptop(root: Path) -> Store:
    shutil.copytree(template(), root)
    raw = sqlite3.connect(root / "gridkeeper.db")
    raw.execute("DELETE FROM local_meta")  # each laptop makes its own device id
    raw.commit()
    raw.close()
    return open_store(root)


def _inserted_names(store: Store) -> set[tuple[str, str, object]]:
    """(person, "name", value) for every insert in the log: an insert sets the name too."""
    with store.read() as conn:
        return {
            (r, "name", json.loads(v)["name"])
            for r, v in conn.execute(text("SELECT row_id, value FROM change_log WHERE tbl = 'person' AND field = '*'"))
        }


op = st.one_of(
    st.tuples(st.just("name"), st.integers(0, LAPTOPS - 1), st.sampled_from(PEOPLE), st.sampled_from(NAMES)),
    st.tuples(st.just("note"), st.integers(0, LAPTOPS - 1), st.sampled_from(PEOPLE), st.sampled_from(NOTES)),
    st.tuples(st.just("phones"), st.integers(0, LAPTOPS - 1), st.sampled_from(PEOPLE), st.sampled_from(PHONES)),
    st.tuples(st.just("delete"), st.integers(0, LAPTOPS - 1), st.sampled_from(PEOPLE), st.none()),
    st.tuples(st.just("sync"), st.integers(0, LAPTOPS - 1), st.none(), st.none()),
    st.tuples(st.just("insert"), st.integers(0, LAPTOPS - 1), st.none(), st.sampled_from(NAMES)),
    st.tuples(st.just("crash"), st.integers(0, LAPTOPS - 1), st.none(), st.none()),
    st.tuples(st.just("lost_cursor"), st.integers(0, LAPTOPS - 1), st.none(), st.none()),
    st.tuples(st.just("import"), st.integers(0, LAPTOPS - 1), st.none(), st.none()),
)


def roster() -> Path:
    """The same small roster each laptop may import, offline, any number of times."""
    path = template().parent / f"{template().name}-roster.xlsx"
    if not path.exists():
        from tests.test_roster_import import people, write_roster

        write_roster(path, people()[:3])
    return path


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op, max_size=14), final_order=st.permutations(list(range(LAPTOPS))))
def test_any_edits_in_any_sync_order_converge(ops, final_order) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        share = root / "share"
        share.mkdir()
        laptops = [new_laptop(root / f"laptop{i}") for i in range(LAPTOPS)]
        try:
            where = place(laptops[0])
            with laptops[0].write() as s:
                for pid in PEOPLE:
                    s.add(Person(id=pid, household_id=where["household"], name="张伟"))
            for i in (0, 1, 2):
                assert sync_folder(laptops[i], share).status == "ok"
            written: set[tuple[str, str, object]] = set()
            for n, (kind, i, pid, value) in enumerate(ops):
                store = laptops[i]
                if kind == "sync":
                    assert sync_folder(store, share).status == "ok"
                    continue
                if kind == "crash":  # a batch half-written when the laptop died: a temp file stays
                    folder = share / "gridkeeper" / (store.meta("dataset_id") or "none") / "devices"
                    target = folder / store.device_id / "changes"
                    if target.is_dir():
                        (target / f".{n:012d}.jsonl.gz.tmp").write_bytes(b"\x1f\x8b half")
                    continue
                if kind == "lost_cursor":  # every batch will arrive a second time
                    with store.begin() as conn:
                        conn.execute(text("DELETE FROM sync_cursor"))
                    continue
                if kind == "import":  # deterministic ids: the same rows on every laptop that imports it
                    from gridkeeper.places.roster_import import import_roster

                    import_roster(store, roster())
                    continue
                if kind == "insert":
                    new_id = f"n{n}-{i}"
                    with store.write() as s:
                        s.add(Person(id=new_id, household_id=where["household"], name=value))
                    written.add((new_id, "name", value))
                    continue
                column = "deleted" if kind == "delete" else kind
                new = 1 if kind == "delete" else value
                with store.begin() as conn:
                    changed = conn.execute(
                        text(f"UPDATE person SET {column} = :v WHERE id = :p AND {column} IS NOT :v"),
                        {"v": new, "p": pid},
                    ).rowcount
                if changed:
                    written.add((pid, column, new))
            for _ in range(2):
                for i in final_order:
                    result = sync_folder(laptops[i], share)
                    assert result.status == "ok" and not result.held, result
            dumps = [dump_text(s) for s in laptops]
            assert dumps[0] == dumps[1] == dumps[2]
            for store in laptops:  # nothing lost
                with store.read() as conn:
                    logged = {
                        (r, f, json.loads(v) if v is not None else None)
                        for r, f, v in conn.execute(text(
                            "SELECT row_id, field, value FROM change_log WHERE tbl = 'person' AND field != '*'"))
                    }
                    twice = conn.execute(text(
                        "SELECT count(*) FROM (SELECT 1 FROM change_log "
                        "GROUP BY hlc, device_id, tbl, row_id, field HAVING count(*) > 1)")).scalar()
                assert twice == 0
                assert written <= logged | _inserted_names(store)
        finally:
            for s in laptops:
                s.close()

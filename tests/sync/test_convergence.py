"""Invariants 1-3, 5, 7 and 8 by simulation: random inserts, edits, tombstones and roster
imports on three laptops of one office, random sync orders, and faults: a crash leaving a
temporary batch file, a lost cursor that makes batches arrive twice, a batch deleted from
the share, a batch duplicated under another number, an old batch replayed over a newer
one, a forged batch (a stranger's key, in a member's folder and in a folder of its own),
an oversized file, and the third laptop revoked by the admin.

Whatever happened in between, once every laptop still in the office has synced twice in
turn they hold identical data (a byte-identical canonical dump), every value the members
wrote is in every member's change log, no change is stored twice, nothing is missing, and
nothing a stranger wrote was applied.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from gridkeeper.store import Store, open_store
from gridkeeper.store.models import Person
from gridkeeper.sync import office, safe_read
from gridkeeper.sync.crypto import DeviceKeys
from gridkeeper.sync.engine import sync_folder
from gridkeeper.sync.folder import Batch, Change, Sealing, seal_batch
from tests.store.helpers import place
from tests.sync.simulation import dump_text, enrol

LAPTOPS = 3
PEOPLE = ("p1", "p2")
NAMES = ("张伟", "张玮", "章伟")
NOTES = ("独居", "需每日联系", None)
PHONES = ('["13812345678"]', '["13900001111", "0577-62345678"]', "[]")

_template: Path | None = None


def template() -> Path:
    """An office of three enrolled, empty laptops and its share, copied for every example (migrations
    and the enrolment codes' Argon2id take most of the time)."""
    global _template
    if _template is None:
        _template = Path(tempfile.mkdtemp(prefix="gk-template-"))
        (_template / "share").mkdir()
        laptops = [open_store(_template / f"laptop{i}") for i in range(LAPTOPS)]
        enrol(_template / "share", *laptops)
        for s in laptops:
            s.close()
    return _template


def stranger() -> DeviceKeys:
    return DeviceKeys.generate()


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
    st.tuples(st.sampled_from(("delete_batch", "duplicate", "replay", "forge", "forge_device", "oversized")),
              st.integers(0, LAPTOPS - 1), st.none(), st.none()),
    st.tuples(st.just("revoke"), st.just(LAPTOPS - 1), st.none(), st.none()),
)


def fault(kind: str, share: Path, store: Store, n: int) -> None:
    """Do to the share what a person, a sync client or malware with write access could."""
    folder = next(iter(share.glob("gridkeeper/*/devices")), share) / store.device_id / "changes"
    batches = sorted(folder.glob("*.gkb")) if folder.is_dir() else []
    if kind == "delete_batch" and batches:
        batches[n % len(batches)].unlink()
    elif kind == "duplicate" and batches:
        shutil.copy(batches[-1], folder / f"{900_000 + n:012d}.gkb")
    elif kind == "replay" and len(batches) > 1:
        shutil.copy(batches[0], batches[-1])
    elif kind == "oversized" and folder.is_dir():
        with open(folder / f"{800_000 + n:012d}.gkb", "wb") as f:
            f.truncate(safe_read.MAX_BATCH_BYTES + 1)
    elif kind in ("forge", "forge_device"):
        office_id = next(share.glob("gridkeeper/*")).name
        victim = store.device_id if kind == "forge" else f"ffffffff-{n:04d}"
        keys = office.epoch_keys(store)
        epoch = max(keys)
        # The stranger even knows the office key (a revoked laptop, say): only the signature stops it.
        forged = Batch(victim, 1, 700_000 + n, (Change("000001764236400000.00000", victim, "person", "p1", "name",
                                                       '"冒名顶替"'),), "x", 0)
        target = share / "gridkeeper" / office_id / "devices" / victim / "changes"
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{700_000 + n:012d}.gkb").write_bytes(
            seal_batch(forged, Sealing(office_id, epoch, keys[epoch], stranger())))



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
        root = Path(tmp) / "office"
        shutil.copytree(template(), root)
        share = root / "share"
        laptops = [open_store(root / f"laptop{i}") for i in range(LAPTOPS)]
        revoked: set[int] = set()
        try:
            where = place(laptops[0])
            with laptops[0].write() as s:
                for pid in PEOPLE:
                    s.add(Person(id=pid, household_id=where["household"], name="张伟"))
            for i in (0, 1, 2):
                assert sync_folder(laptops[i], share).status == "ok"
            written: set[tuple[str, str, object]] = set()  # what a member wrote and pushed, or will push
            unpushed: dict[int, set[tuple[str, str, object]]] = {i: set() for i in range(LAPTOPS)}
            for n, (kind, i, pid, value) in enumerate(ops):
                store = laptops[i]
                if kind == "sync":
                    assert sync_folder(store, share).status == ("refused" if i in revoked else "ok")
                    if i not in revoked:
                        written |= unpushed[i]
                        unpushed[i].clear()
                    continue
                if kind == "revoke":
                    if not revoked:
                        office.revoke(laptops[0], share, store.device_id)
                        revoked.add(i)  # what it wrote and never pushed stays on that laptop
                    continue
                if kind in ("delete_batch", "duplicate", "replay", "forge", "forge_device", "oversized"):
                    fault(kind, share, store, n)
                    continue
                if kind == "crash":  # a batch half-written when the laptop died: a temp file stays
                    target = next(iter(share.glob("gridkeeper/*/devices")), share) / store.device_id / "changes"
                    if target.is_dir():
                        (target / f".{n:012d}.gkb.{n}-dead.tmp").write_bytes(b"GKB2 half")
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
                    unpushed[i].add((new_id, "name", value))
                    continue
                column = "deleted" if kind == "delete" else kind
                new = 1 if kind == "delete" else value
                with store.begin() as conn:
                    changed = conn.execute(
                        text(f"UPDATE person SET {column} = :v WHERE id = :p AND {column} IS NOT :v"),
                        {"v": new, "p": pid},
                    ).rowcount
                if changed:
                    unpushed[i].add((pid, column, new))
            members = [i for i in final_order if i not in revoked]
            for i in members:
                written |= unpushed[i]
            for _ in range(2):
                for i in members:
                    result = sync_folder(laptops[i], share)
                    assert result.status == "ok" and not result.missing, result
                    # Only what is not a member's batch stays held: strays, forgeries, huge files.
                    assert {h.reason for h in result.held} <= {"misplaced", "signature", "not_admitted", "too_large",
                                                               "revoked"}, result.held
            dumps = {dump_text(laptops[i]) for i in members}
            assert len(dumps) == 1
            assert "冒名顶替" not in dumps.pop()  # nothing a stranger signed was applied
            for store in (laptops[i] for i in members):  # nothing lost
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

"""Sync through a shared folder: push a street profile, pull it into an empty one, then small syncs.

    python benchmarks/bench_sync.py --data-dir DIR   (a street profile; copied, never changed)

Batches are sealed (encrypted and signed) and only an office's members sync
(architecture.md, "Offices: trust on the share"): before anything is timed, A
creates the office on the empty share and B joins with a code and is admitted
by A (admit_requests, what A's next sync would do, without pushing anything).

Invariant 6 says a sync costs in proportion to the new changes, not to the
data: the small syncs after the initial one show it. A sync ends when the changes
are applied and pushed; the search index then catches up on the households the
pull wrote (Store.reindex_dirty(), run right after by the app and the CLI;
search is right meanwhile), timed on its own line.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from gridkeeper.store import Store, open_store
from gridkeeper.sync import office
from gridkeeper.sync.engine import sync_folder


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t
    print(f"| {label} | {seconds:.2f} | {result.pushed_changes} | {result.pulled_changes} | {result.status} |")
    return result


def enrol(share: Path, admin: Store, *others: Store) -> None:
    """The office on `share` with `admin` as founder; each other store joins with its own code and is admitted.

    Like tests/sync/simulation.py's enrol(), except that the admission is admit_requests() alone: the
    admin's sync_folder() would also push its whole change log, which is what the bench times."""
    if not office.office_id(admin):
        office.create(admin, share)
    for store in others:
        office.join(store, share, office.invite(admin, share).code)
    if others:
        admitted = office.admit_requests(admin, share)
        assert sorted(admitted) == sorted(s.device_id for s in others), admitted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True, type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gk-sync-"))
    shutil.copytree(args.data_dir, work / "a")
    share = work / "share"
    share.mkdir()
    a = open_store(work / "a")
    b = open_store(work / "b")
    enrol(share, a, b)  # untimed
    print("| step | seconds | sent | received | status |")
    print("|---|---:|---:|---:|---|")
    pushed = timed("A pushes the whole street", lambda: sync_folder(a, share))
    timed("B (empty) receives it", lambda: sync_folder(b, share))
    t = time.perf_counter()
    keyed = b.reindex_dirty()  # what the app and the CLI run right after a sync
    print(f"| then B's search index catches up ({keyed:,} households) | {time.perf_counter() - t:.2f} | | | |")
    with a.begin() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM person ORDER BY id LIMIT 100"))]
        for i, pid in enumerate(ids):
            conn.execute(text("UPDATE person SET note = :n WHERE id = :i"), {"n": f"回访 {i}", "i": pid})
    edits = timed("A sends 100 edits", lambda: sync_folder(a, share))
    timed("B receives 100 edits", lambda: sync_folder(b, share))
    timed("B syncs with nothing new", lambda: sync_folder(b, share))
    size = sum(p.stat().st_size for p in share.rglob("*.gkb"))
    logged = pushed.pushed_changes + edits.pushed_changes
    print(f"\nbytes on the share: {size:,} for {logged:,} changes = {size / logged:.1f} bytes per change")

    # 50 devices' folders on the share: a no-op sync must not grow with them or with the data.
    # 49 more laptops join (each with its own code, admitted by A), each writes one sealed batch; with A's
    # folder, 50 (B has written nothing, so it has no folder).
    from gridkeeper import ids
    from gridkeeper.sync.folder import Batch, Change, FolderShare, Sealing

    office_id = office.office_id(a) or ""
    folder = FolderShare(share, office_id)
    laptops = [open_store(work / f"laptop{n:02d}") for n in range(49)]
    enrol(share, a, *laptops)  # untimed
    epoch, key = office.current_epoch(a)
    for n, laptop in enumerate(laptops):
        device = laptop.device_id
        name = f"标签{n}"
        change = Change(hlc=f"{1_790_000_000_000 + n:018d}.00000", device=device, tbl="tag", row=ids.tag_id(name),
                        field="*", value=f'{{"deleted": 0, "name": "{name}", "sensitive": 0}}')
        folder.write_batch(Batch(device=device, first_seq=1, seq=1, changes=(change,)),
                           Sealing(office_id, epoch, key, office.device_keys(laptop)))
        laptop.close()
    a.close()
    devices = len(folder.devices())
    print(f"devices on the share: {devices}")
    print("| step | seconds | sent | received | status |")
    print("|---|---:|---:|---:|---|")
    timed(f"B receives one batch from each of {len(laptops)} new devices", lambda: sync_folder(b, share))
    times = []
    for _ in range(10):
        t = time.perf_counter()
        sync_folder(b, share)
        times.append(time.perf_counter() - t)
    times.sort()
    print(f"no-op sync with {devices} device folders, 10 runs: median {times[5]:.3f} s, max {times[-1]:.3f} s")
    b.close()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()

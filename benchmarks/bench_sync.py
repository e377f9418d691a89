"""Sync through a shared folder: push a street profile, pull it into an empty one, then small syncs.

    python benchmarks/bench_sync.py --data-dir DIR   (a street profile; copied, never changed)

Invariant 6 says a sync costs in proportion to the new changes, not to the
data: the small syncs after the initial one show it.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from gridkeeper.store import open_store
from gridkeeper.sync.engine import sync_folder


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t
    print(f"| {label} | {seconds:.2f} | {result.pushed_changes} | {result.pulled_changes} | {result.status} |")
    return result


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
    print("| step | seconds | sent | received | status |")
    print("|---|---:|---:|---:|---|")
    timed("A pushes the whole street", lambda: sync_folder(a, share))
    timed("B (empty) receives it", lambda: sync_folder(b, share))
    with a.begin() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM person ORDER BY id LIMIT 100"))]
        for i, pid in enumerate(ids):
            conn.execute(text("UPDATE person SET note = :n WHERE id = :i"), {"n": f"回访 {i}", "i": pid})
    timed("A sends 100 edits", lambda: sync_folder(a, share))
    timed("B receives 100 edits", lambda: sync_folder(b, share))
    timed("B syncs with nothing new", lambda: sync_folder(b, share))
    a.close()
    b.close()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()

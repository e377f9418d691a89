"""One sync with a shared folder: pull and apply what others wrote, then push ours.

Pull comes first, so a local change not yet pushed can be recognised as in
conflict with an incoming one. Each remote batch is applied in its own
transaction together with its cursor, so a sync cut off anywhere leaves
both sides consistent and the next sync carries on (invariant 5). What we
pushed is read off the share (the highest batch of ours there), never kept
apart from it, so a crash between writing a batch and noting it costs
nothing but a batch written twice, which applying ignores.
"""

from __future__ import annotations

import logging
import platform
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from sqlalchemy.exc import IntegrityError

from gridkeeper import clock
from gridkeeper.errors import GridKeeperError
from gridkeeper.places import profile
from gridkeeper.store.engine import Store
from gridkeeper.store.schema import HEAD_REVISION
from gridkeeper.sync import apply
from gridkeeper.sync.clock import MAX_DRIFT_MS, Timestamp
from gridkeeper.sync.folder import BadBatch, Batch, Change, FolderShare, ProfileCopied, ShareOffline, batch_name

log = logging.getLogger("gridkeeper.sync")

DATASET_KEY = "dataset_id"
LAST_SYNC_KEY = "last_sync"  # UTC ISO time of the last completed sync (device-local)
OWN_CHECKED_KEY = "own_batches_checked"  # UTC date our batches on the share were last read back
PUSHED_KEY = "pushed_seq"  # our last change on the share then: for the status bar only
BATCH_SIZE = 5000

Progress = Callable[[int, str], None]


@dataclass
class Held:
    device: str
    seq: int
    reason: str  # checksum, truncated, unreadable, newer_format, unknown_schema, clock_ahead, waiting


@dataclass
class SyncResult:
    status: str = "ok"  # ok, offline, refused
    message: str = ""
    dataset: str = ""
    pushed_batches: int = 0
    pushed_changes: int = 0
    pulled_batches: int = 0
    pulled_changes: int = 0
    duplicates: int = 0
    conflicts: int = 0
    held: list[Held] = field(default_factory=list)
    clock_behind_days: int = 0  # this laptop's clock, measured against the shared folder's
    repaired_batches: int = 0  # our own batches the share had damaged, written again

    def as_json(self, conflicts_open: int = 0) -> dict[str, Any]:
        """The CLI's contract (architecture.md): counts, skipped batches with reasons, offline."""
        return {
            "status": self.status,
            "message": self.message,
            "dataset": self.dataset,
            "offline": self.status == "offline",
            "pushed": self.pushed_changes,
            "pushed_batches": self.pushed_batches,
            "pulled": self.pulled_changes + self.duplicates,
            "pulled_batches": self.pulled_batches,
            "applied": self.pulled_changes,
            "conflicts_new": self.conflicts,
            "conflicts_open": conflicts_open,
            "skipped_batches": [asdict(h) for h in self.held],
            "clock_behind_days": self.clock_behind_days,
            "repaired_batches": self.repaired_batches,
        }


def _cursor(store: Store, device: str) -> int:
    with store.read() as conn:
        value = conn.exec_driver_sql("SELECT seq FROM sync_cursor WHERE device_id = ?", (device,)).scalar()
    return int(value or 0)


def _written_ms(share: FolderShare, dataset: str, device: str, seq: int) -> int | None:
    """When the share says the batch file was written (its own clock), in ms."""
    path = share.root / "gridkeeper" / dataset / "devices" / device / "changes" / batch_name(seq)
    try:
        return int(path.stat().st_mtime * 1000)
    except OSError:
        return None


def _pushed_seq(share: FolderShare, dataset: str, me: str) -> int:
    return share.last_seq(dataset, me)


def _apply_batch(store: Store, batch: Batch, me: str, pushed: int, columns: dict[str, list[str]]) -> apply.Applied:
    with store.capture_paused():
        with store.begin_unindexed() as conn:
            result = apply.apply_changes(conn, batch.changes, me=me, pushed_seq=pushed, columns=columns)
            conn.exec_driver_sql(
                "INSERT INTO sync_cursor (device_id, seq) VALUES (?, ?) "
                "ON CONFLICT(device_id) DO UPDATE SET seq = excluded.seq",
                (batch.device, batch.seq),
            )
    return result


def _pull(store: Store, share: FolderShare, dataset: str, me: str, result: SyncResult, progress: Progress) -> None:
    pushed = _pushed_seq(share, dataset, me)
    with store.read() as conn:
        columns = apply.table_columns(conn)
    others = [d for d in share.devices(dataset) if d != me]
    # Rounds: a batch that refers to rows another device has not delivered yet waits for the next round.
    waiting: dict[str, Held] = {}
    progress_made = True
    while progress_made:
        progress_made = False
        for device in others:
            if device in waiting and waiting[device].reason != "waiting":
                continue
            waiting.pop(device, None)
            for item in share.read_batches(dataset, device, _cursor(store, device)):
                if isinstance(item, BadBatch):
                    waiting[device] = Held(device, item.seq, item.reason)
                    break
                newest = Timestamp.decode(max(c.hlc for c in item.changes)).wall_ms if item.changes else 0
                # The share's file time is a third clock: if it agrees with the batch, the
                # remote clock is right and ours is the one behind.
                written = _written_ms(share, dataset, device, item.seq)
                ours = store.clock.now().wall_ms
                if newest - max(ours, written or 0) > MAX_DRIFT_MS:
                    waiting[device] = Held(device, item.seq, "clock_ahead")
                    break
                if written and written - ours > MAX_DRIFT_MS:
                    result.clock_behind_days = max(result.clock_behind_days, (written - ours) // 86_400_000)
                try:
                    applied = _apply_batch(store, item, me, pushed, columns)
                except apply.UnknownSchema as exc:
                    log.warning("batch %s/%s needs a newer GridKeeper: %s", device, item.seq, exc)
                    waiting[device] = Held(device, item.seq, "newer_format")
                    break
                except IntegrityError as exc:
                    log.info("batch %s/%s waits for related changes: %s", device, item.seq, exc)
                    waiting[device] = Held(device, item.seq, "waiting")
                    break
                if applied.max_hlc:
                    store.clock.observe(Timestamp.decode(applied.max_hlc, device), reference_ms=written)
                result.pulled_batches += 1
                result.pulled_changes += applied.changes
                result.duplicates += applied.duplicates
                result.conflicts += applied.conflicts
                progress_made = True
                progress(50, f"{device[:8]} {item.seq}")
    result.held.extend(waiting.values())
    # The households the applied rows feed wait in search_dirty (search is right meanwhile,
    # see searchindex.PENDING_SOURCE); the caller re-keys them once, after the sync:
    # Store.reindex_dirty(), which the CLI and the app run right after it.


def _batch(store: Store, me: str, after: int, upto: int | None = None) -> Batch | None:
    """Our changes with seq in (after, upto], at most BATCH_SIZE of them, as a batch."""
    sql = ("SELECT seq, hlc, device_id, tbl, row_id, field, value FROM change_log "
           "WHERE device_id = ? AND seq > ?" + (" AND seq <= ?" if upto is not None else "") + " ORDER BY seq LIMIT ?")
    params = (me, after, upto, BATCH_SIZE) if upto is not None else (me, after, BATCH_SIZE)
    with store.read() as conn:
        rows = conn.exec_driver_sql(sql, params).all()
    if not rows:
        return None
    return Batch(
        device=me, first_seq=rows[0][0], seq=upto if upto is not None else rows[-1][0],
        changes=tuple(Change(hlc=r[1], device=r[2], tbl=r[3], row=r[4], field=r[5], value=r[6]) for r in rows),
        app_version=_version(),
    )


def _repair_own(store: Store, share: FolderShare, dataset: str, me: str) -> int:
    """Write again any batch of ours the share has damaged, once a day (readers stop at it).

    The change log keeps every local change under its seq, so the batch is made
    again exactly; write_batch replaces a damaged file and leaves a good one.
    """
    today = clock.utcnow().date().isoformat()
    if store.meta(OWN_CHECKED_KEY) == today:
        return 0
    repaired, previous = 0, 0
    for item in share.read_batches(dataset, me, 0):
        if isinstance(item, BadBatch):
            if item.reason == "newer_format":
                break
            batch = _batch(store, me, previous, item.seq)
            if batch is None:  # not ours to remake (restored profile?): leave it for a person
                break
            share.write_batch(dataset, batch)
            repaired += 1
            log.warning("rewrote our damaged batch %s (%s)", item.seq, item.reason)
            return repaired + _repair_own(store, share, dataset, me) if repaired < 100 else repaired
        previous = item.seq
    store.set_meta(OWN_CHECKED_KEY, today)
    return repaired


def _check_not_a_copy(store: Store, share: FolderShare, dataset: str, me: str) -> None:
    """Our newest batch on the share must end with our own change of that seq, at the same time.

    A copied profile folder keeps the device id: the copy that syncs second would see the first
    copy's batches as its own, take them as pushed and never send its own changes. Checked
    before anything is pulled or pushed (pull also trusts what we pushed).
    """
    last = share.last_seq(dataset, me)
    if last == 0:
        return
    theirs = share.read_batch(dataset, me, last)
    if isinstance(theirs, BadBatch) or not theirs.changes:
        return  # a damaged batch of ours is repaired from the log, if the log has it (see _repair_own)
    with store.read() as conn:
        mine = conn.exec_driver_sql("SELECT hlc FROM change_log WHERE seq = ? AND device_id = ?", (last, me)).first()
    if mine is None or mine[0] != theirs.changes[-1].hlc:
        raise ProfileCopied(share.root)


def _push(store: Store, share: FolderShare, dataset: str, me: str, result: SyncResult) -> None:
    result.repaired_batches += _repair_own(store, share, dataset, me)
    pushed = _pushed_seq(share, dataset, me)
    while (batch := _batch(store, me, pushed)) is not None:
        share.write_batch(dataset, batch)
        result.pushed_batches += 1
        result.pushed_changes += len(batch.changes)
        pushed = batch.seq


def _version() -> str:
    from gridkeeper import __version__

    return __version__


def sync_folder(store: Store, root: Path, progress: Progress | None = None) -> SyncResult:
    """Sync this profile with the shared folder `root`; never raises for an unreachable share."""
    report = progress or (lambda _p, _m: None)
    result = SyncResult()
    share = FolderShare(root)
    try:
        share.check()
        with share.lock(store.root):
            dataset = share.join(store.meta(DATASET_KEY), new_id=str(uuid.uuid4()), schema=HEAD_REVISION)
            store.set_meta(DATASET_KEY, dataset)
            result.dataset = dataset
            me = store.device_id
            cadre = profile.current_cadre(store)
            share.register_device(dataset, me, {"id": me, "name": platform.node(), "cadre": cadre.name if cadre else ""})
            _check_not_a_copy(store, share, dataset, me)
            report(5, "pull")
            with store.checkpoints_held():
                _pull(store, share, dataset, me, result, report)
            report(80, "push")
            _push(store, share, dataset, me, result)
            store.set_meta(LAST_SYNC_KEY, clock.utcnow().isoformat(timespec="seconds"))
            store.set_meta(PUSHED_KEY, str(_pushed_seq(share, dataset, me)))
    except ShareOffline as exc:
        result.status, result.message = "offline", exc.english()
        return result
    except GridKeeperError as exc:  # a different dataset, another sync running
        result.status, result.message = "refused", exc.english()
        return result
    report(100, "done")
    return result


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows; read from the profile alone (no share access)."""

    last_sync: datetime | None
    pending_changes: int  # changes made here since the last completed sync
    open_conflicts: int


def status(store: Store) -> SyncStatus:
    last = store.meta(LAST_SYNC_KEY)
    pushed = int(store.meta(PUSHED_KEY) or 0)
    with store.read() as conn:
        pending = conn.exec_driver_sql(
            "SELECT count(*) FROM change_log WHERE device_id = ? AND seq > ?", (store.device_id, pushed)).scalar()
        conflicts = conn.exec_driver_sql("SELECT count(*) FROM conflict WHERE resolved = 0").scalar()
    return SyncStatus(datetime.fromisoformat(last) if last else None, int(pending or 0), int(conflicts or 0))

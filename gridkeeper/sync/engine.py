"""One sync with the office's shared folder: pull and apply what members wrote, then push ours.

Pull comes first, so a local change not yet pushed can be recognised as in
conflict with an incoming one. Each remote batch is applied in its own
transaction together with its cursor, so a sync cut off anywhere leaves
both sides consistent and the next sync carries on (invariant 5). What we
pushed is kept in our own profile (PUSHED_BATCHES: each batch's range and
the hash of the file written), never read off the share; every sync checks
our own folder against it and writes again what is missing or damaged
(invariant 7). Only admitted members' signed batches are applied
(invariant 8; architecture.md, "Offices: trust on the share").
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from sqlalchemy.exc import IntegrityError

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.mediation import numbers as mediation_numbers
from gridkeeper.store.engine import Store
from gridkeeper.sync import apply, blobs, identity, office
from gridkeeper.sync.clock import MAX_DRIFT_MS, Timestamp
from gridkeeper.sync.folder import (
    BadBatch,
    Batch,
    Change,
    FolderShare,
    Opening,
    ProfileCopied,
    Sealing,
    ShareOffline,
    sha256,
)

log = logging.getLogger("gridkeeper.sync")

LAST_SYNC_KEY = "last_sync"  # UTC ISO time of the last completed sync (device-local)
PUSHED_KEY = "pushed_seq"  # our last change written to the share
PUSHED_BATCHES = "pushed_batches"  # [[first_seq, seq, size, sha256], ...]: what we wrote, to check and repair
BATCH_SIZE = 5000

Progress = Callable[[int, str], None]

LEGACY_SHARE = QT_TRANSLATE_NOOP(
    "errors", "The shared folder {path} holds unencrypted data written by an older GridKeeper, readable by "
    "anybody who opens the folder. Nothing was synced. An admin creates the office there once "
    "(gridkeeper office create --folder), which takes that data in and removes the unencrypted copy; then "
    "every other laptop joins with an enrolment code.")
NOT_FOUND = QT_TRANSLATE_NOOP(
    "errors", "The shared folder {path} does not hold this laptop's office. Nothing was synced; check that you "
    "chose the right folder.")
REVOKED = QT_TRANSLATE_NOOP(
    "errors", "This laptop was removed from the office by an admin. Nothing was synced; ask the office.")


@dataclass
class Held:
    device: str
    seq: int
    reason: str  # see folder.BadBatch; also unknown_schema, clock_ahead, waiting


@dataclass
class Missing:
    device: str
    from_seq: int
    to_seq: int


@dataclass
class SyncResult:
    status: str = "ok"  # ok, offline, refused
    message: str = ""
    dataset: str = ""  # the office id
    pushed_batches: int = 0
    pushed_changes: int = 0
    pulled_batches: int = 0
    pulled_changes: int = 0
    duplicates: int = 0
    conflicts: int = 0
    held: list[Held] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    clock_behind_days: int = 0  # this laptop's clock, measured against the shared folder's
    repaired_batches: int = 0  # our own batches missing or damaged on the share, written again
    set_aside: list[str] = field(default_factory=list)  # files in our folder that were not our batches
    admitted: list[str] = field(default_factory=list)  # laptops this (admin) sync admitted
    adopted: int = 0  # changes of this profile's former identity (a restored backup) now sent as ours
    pushed_blobs: int = 0  # photos and scans written to the share (sync/blobs.py)

    @property
    def complete(self) -> bool:
        return self.status == "ok" and not self.held and not self.missing

    def as_json(self, conflicts_open: int = 0) -> dict[str, Any]:
        """The CLI's contract (architecture.md): counts, held and missing batches with reasons, offline."""
        return {
            "status": self.status,
            "message": self.message,
            "dataset": self.dataset,
            "office": self.dataset,
            "offline": self.status == "offline",
            "pushed": self.pushed_changes,
            "pushed_batches": self.pushed_batches,
            "pulled": self.pulled_changes + self.duplicates,
            "pulled_batches": self.pulled_batches,
            "applied": self.pulled_changes,
            "conflicts_new": self.conflicts,
            "conflicts_open": conflicts_open,
            "held": [asdict(h) for h in self.held],
            "skipped_batches": [asdict(h) for h in self.held],
            "missing": [asdict(m) for m in self.missing],
            "clock_behind_days": self.clock_behind_days,
            "repaired_batches": self.repaired_batches,
            "set_aside": self.set_aside,
            "admitted": self.admitted,
            "adopted": self.adopted,
        }


def _cursor(store: Store, device: str) -> int:
    with store.read() as conn:
        value = conn.exec_driver_sql("SELECT seq FROM sync_cursor WHERE device_id = ?", (device,)).scalar()
    return int(value or 0)


def _written_ms(path: Path) -> int | None:
    """When the share says the batch file was written (its own clock), in ms."""
    try:
        return int(os.lstat(path).st_mtime * 1000)
    except OSError:
        return None


def _pushed(store: Store) -> list[list[Any]]:
    raw = store.meta(PUSHED_BATCHES)
    try:
        return [b for b in json.loads(raw) if isinstance(b, list) and len(b) >= 4] if raw else []
    except ValueError:
        return []


def _pushed_seq(store: Store) -> int:
    batches = _pushed(store)
    return int(batches[-1][1]) if batches else 0


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


class _Stop(Exception):
    """Stop reading one device this round, with what to report."""

    def __init__(self, held: Held | None = None, missing: Missing | None = None) -> None:
        self.held, self.missing = held, missing


def _pull_device(store: Store, share: FolderShare, device: str, opening: Opening | None, accepts: Callable[[int], bool],
                 me: str, pushed: int, columns: dict[str, list[str]], result: SyncResult, progress: Progress) -> None:
    """Apply the device's batches that follow its cursor, in order; raise _Stop at a gap or a batch that
    cannot be applied yet. Files that are not what they claim are held and passed over."""
    files = share.batch_files(device)
    cursor = _cursor(store, device)
    for seq in sorted(s for s in files if s > cursor):
        path = files[seq]
        if opening is None:
            raise _Stop(Held(device, seq, "not_admitted"))  # kept; applied once an admin admits it
        if not accepts(seq):
            result.held.append(Held(device, seq, "revoked"))
            continue
        item = share.read_batch(device, seq, path, opening)
        if isinstance(item, BadBatch):
            result.held.append(Held(device, seq, item.reason))
            continue  # maybe a stray file; a real batch lost here shows as a gap at the next one
        if item.prev_seq > cursor:  # the batches between the cursor and this one are not on the share
            raise _Stop(missing=Missing(device, cursor + 1, item.prev_seq))
        newest = Timestamp.decode(max(c.hlc for c in item.changes)).wall_ms if item.changes else 0
        # The share's file time is a third clock: if it agrees with the batch, the
        # remote clock is right and ours is the one behind.
        written = _written_ms(path)
        ours = store.clock.now().wall_ms
        if newest - max(ours, written or 0) > MAX_DRIFT_MS:
            raise _Stop(Held(device, seq, "clock_ahead"))
        if written and written - ours > MAX_DRIFT_MS:
            result.clock_behind_days = max(result.clock_behind_days, (written - ours) // 86_400_000)
        try:
            applied = _apply_batch(store, item, me, pushed, columns)
        except apply.UnknownSchema as exc:
            log.warning("batch %s/%s needs a newer GridKeeper: %s", device, seq, exc)
            raise _Stop(Held(device, seq, "newer_format")) from None
        except IntegrityError as exc:
            log.info("batch %s/%s waits for related changes: %s", device, seq, exc)
            raise _Stop(Held(device, seq, "waiting")) from None
        if applied.max_hlc:
            store.clock.observe(Timestamp.decode(applied.max_hlc, device), reference_ms=written)
        cursor = item.seq
        result.pulled_batches += 1
        result.pulled_changes += applied.changes
        result.duplicates += applied.duplicates
        result.conflicts += applied.conflicts
        progress(50, f"{device[:8]} {seq}")


def _pull(store: Store, share: FolderShare, me: str, result: SyncResult, progress: Progress) -> None:
    pushed = _pushed_seq(store)
    with store.read() as conn:
        columns = apply.table_columns(conn)
    members = office.members(store)
    keys = office.epoch_keys(store)
    others = [d for d in share.devices() if d != me]
    # Rounds: a batch that refers to rows another device has not delivered yet waits for the next round.
    stopped: dict[str, _Stop] = {}
    progress_made = True
    while progress_made:
        progress_made = False
        for device in others:
            stop = stopped.get(device)
            if stop is not None and not (stop.held and stop.held.reason == "waiting"):
                continue
            stopped.pop(device, None)
            member = members.get(device)
            opening = Opening(share.office, keys, member.sign_key) if member else None
            accepts = member.accepts if member else (lambda _seq: True)
            before = result.pulled_batches
            try:
                _pull_device(store, share, device, opening, accepts, me, pushed, columns, result, progress)
            except _Stop as exc:
                stopped[device] = exc
            progress_made |= result.pulled_batches > before
    for stop in stopped.values():
        if stop.held:
            result.held.append(stop.held)
        if stop.missing:
            result.missing.append(stop.missing)
    # Files held in a round that was later retried are reported once.
    unique: dict[tuple[str, int, str], Held] = {(h.device, h.seq, h.reason): h for h in result.held}
    result.held = list(unique.values())
    # The households the applied rows feed wait in search_dirty (search is right meanwhile,
    # see searchindex.PENDING_SOURCE); the caller re-keys them once, after the sync:
    # Store.reindex_dirty(), which the CLI and the app run right after it.


def _batch(store: Store, me: str, after: int, upto: int | None = None, prev: int | None = None) -> Batch | None:
    """Our changes with seq in (after, upto], at most BATCH_SIZE of them, as a batch following our
    batch that ended at `prev` (default: `after`)."""
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
        app_version=_version(), prev_seq=after if prev is None else prev,
    )


def _sealing(store: Store) -> Sealing:
    epoch, key = office.current_epoch(store)
    return Sealing(office.office_id(store) or "", epoch, key, office.device_keys(store))


def _ours(store: Store, batch: Batch) -> bool:
    """Whether our change log holds exactly this batch's changes under its seqs (our own batch, written
    by a sync that stopped before noting it), rather than another copy of this profile's."""
    with store.read() as conn:
        hlcs = dict(conn.exec_driver_sql(
            "SELECT seq, hlc FROM change_log WHERE device_id = ? AND seq BETWEEN ? AND ?",
            (batch.device, batch.first_seq, batch.seq)).all())
    return len(hlcs) == len(batch.changes) and [hlcs[s] for s in sorted(hlcs)] == [c.hlc for c in batch.changes]


def _check_own(store: Store, share: FolderShare, me: str, result: SyncResult) -> None:
    """Our folder against what we wrote: write again what is missing or changed, set aside what is
    not ours, and refuse when a valid batch of ours is there that this profile never wrote."""
    pushed = _pushed(store)
    files = share.batch_files(me)
    ours = {int(b[1]) for b in pushed}
    keys = office.device_keys(store)
    for seq, path in sorted(files.items()):
        if seq in ours:
            continue
        item = share.read_batch(me, seq, path, Opening(share.office, office.epoch_keys(store), keys.sign_public))
        if isinstance(item, Batch):
            if not _ours(store, item):
                raise ProfileCopied(share.root)  # signed by our key, written by another copy of this profile
            _record(store, item, path)  # written by a sync of ours that stopped before noting it
            continue
        if item.reason == "timeout":
            continue
        if share.set_aside(path) is not None:
            result.set_aside.append(path.name)
            log.warning("set aside %s in our folder: %s", path.name, item.reason)
    sealing: Sealing | None = None
    previous = 0
    for record in _pushed(store):
        first, seq = int(record[0]), int(record[1])
        prev, previous = previous, seq
        path = files.get(seq)
        if path is not None and _unchanged(path, record):
            continue
        batch = _batch(store, me, first - 1, seq, prev)
        if batch is None:
            continue  # not in our log (a restored profile?): nothing to write it from
        sealing = sealing or _sealing(store)
        written, data = share.write_batch(batch, sealing)
        _record(store, batch, written, data)
        result.repaired_batches += 1
        log.warning("wrote our batch %s again (%s on the share)", seq, "missing" if path is None else "changed")


def _unchanged(path: Path, record: list[Any]) -> bool:
    """The file is the one we wrote: same size and time as noted (no read), or else the same bytes."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if info.st_size != record[2]:
        return False
    if len(record) > 4 and info.st_mtime_ns == record[4]:
        return True
    try:
        return _digest(path) == record[3]
    except Exception:  # noqa: BLE001 - unreadable is changed
        return False


def _digest(path: Path) -> str:
    from gridkeeper.sync import safe_read

    return sha256(safe_read.read_limited(path, safe_read.MAX_BATCH_BYTES))


def _record(store: Store, batch: Batch, path: Path, data: bytes | None = None) -> None:
    """Note a batch of ours as on the share: its range, and the file's size, hash and time."""
    if data is None:
        from gridkeeper.sync import safe_read

        data = safe_read.read_limited(path, safe_read.MAX_BATCH_BYTES)
    pushed = [b for b in _pushed(store) if int(b[1]) != batch.seq]
    pushed.append([batch.first_seq, batch.seq, len(data), sha256(data), os.lstat(path).st_mtime_ns])
    pushed.sort(key=lambda b: int(b[1]))
    store.set_meta(PUSHED_BATCHES, json.dumps(pushed))
    store.set_meta(PUSHED_KEY, str(int(pushed[-1][1])))


def _push(store: Store, share: FolderShare, me: str, result: SyncResult) -> None:
    pushed = _pushed_seq(store)
    sealing = _sealing(store)
    while (batch := _batch(store, me, pushed)) is not None:
        written, data = share.write_batch(batch, sealing)
        _record(store, batch, written, data)
        result.pushed_batches += 1
        result.pushed_changes += len(batch.changes)
        pushed = batch.seq


def _version() -> str:
    from gridkeeper import __version__

    return __version__


def sync_folder(store: Store, root: Path, progress: Progress | None = None, *, lock: bool = True) -> SyncResult:
    """Sync this profile with its office on the shared folder `root`; never raises for an unreachable share.
    `lock=False`: the caller holds the profile's sync lock already (a server sync, sync/remote.py)."""
    report = progress or (lambda _p, _m: None)
    result = SyncResult()
    try:
        FolderShare(root).check()
        office_id = office.office_id(store)
        if not office_id:
            if office.legacy_datasets(root):
                raise GridKeeperError(LEGACY_SHARE, path=str(root))
            raise office.OfficeError(office.NO_OFFICE, path=str(root))
        share = FolderShare(root, office_id)
        if not share.has_office():
            raise GridKeeperError(NOT_FOUND, path=str(root))
        result.dataset = office_id
        with share.lock(store.root) if lock else contextlib.nullcontext():
            office.receive_keys(store, root)
            members = office.refresh_members(store, root)
            me = store.device_id
            if me in members and members[me].revoked_after is not None:
                raise GridKeeperError(REVOKED)
            result.admitted = office.admit_requests(store, root)
            _check_own(store, share, me, result)
            report(5, "pull")
            with store.checkpoints_held():
                _pull(store, share, me, result, report)
            # A restored profile: what its former identity never put on the share is sent as ours.
            result.adopted = identity.adopt(store, identity.blocked_by(result.held, result.missing))
            # Agreement numbers: blocks granted (numbering laptop) and provisional cases numbered, sent now.
            mediation_numbers.settle(store)
            report(80, "push")
            _push(store, share, me, result)
            # Photos after the records that name them: a reader never holds a blob without its record.
            result.pushed_blobs = len(blobs.push(store, root).pushed)
            identity.forget_secrets(store)
            store.set_meta(LAST_SYNC_KEY, clock.utcnow().isoformat(timespec="seconds"))
            if not result.missing:  # the office's data is in: a roster may be imported now
                store.set_meta(office.PULL_DUE_KEY, "")
    except ShareOffline as exc:
        result.status, result.message = "offline", exc.english()
        return result
    except GridKeeperError as exc:  # not in an office, another sync running, a copied profile
        result.status, result.message = "refused", exc.english()
        result.error = exc  # type: ignore[attr-defined]
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

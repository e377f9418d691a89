"""Folder-share transport: immutable change batches in a shared network folder.

Layout (architecture.md, "Sync transports"):

    <share>/gridkeeper/<dataset-id>/dataset.json
    <share>/gridkeeper/<dataset-id>/devices/<device-id>/device.json
    <share>/gridkeeper/<dataset-id>/devices/<device-id>/changes/<seq:012d>.jsonl.gz

Each device writes only inside its own folder, so no lock is ever taken on the
share, and only plain files are used (SQLite over SMB/NFS corrupts). A batch is
written under a temporary name, fsync'ed and renamed, and carries a SHA-256 of
its change lines, so a reader can tell a half-copied or damaged file from a
good one and simply stop at it for that device until it is repaired.
Pure Python: no Qt, no database.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import secrets
import socket
import sys
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError

FORMAT = 1  # batch/dataset format this app writes and reads
#: Datasets created this close together are two laptops racing on an empty share.
RACE_SECONDS = 600

TOP = "gridkeeper"
LOCK_NAME = "sync.lock"
LOCK_STALE_SECONDS = 3600.0
_BLANK_LOCK_GRACE = 10.0  # a lock file still empty after this long belongs to a crashed sync
_TEMP_MAX_AGE = 3600.0  # leftover temp files of our own older than this are removed
_BATCH_NAME = re.compile(r"^(\d{12,})\.jsonl\.gz$")
# Ids become folder names: no separators, no leading dot (temp files), nothing Windows refuses.
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_VALUE = {str, type(None)}
_HELD: set[str] = set()  # tokens of the locks this process holds


@dataclass(frozen=True)
class Change:
    hlc: str  # "000001795772749697.00007" (wall.counter, fixed width)
    device: str  # device id that made the change
    tbl: str
    row: str
    field: str  # a column name, or "*" for an insert (value = JSON object of all fields)
    value: str | None  # the JSON text exactly as stored in the change log


@dataclass(frozen=True)
class Batch:
    device: str
    first_seq: int
    seq: int  # last seq (the file name)
    changes: tuple[Change, ...]
    app_version: str = ""


@dataclass(frozen=True)
class BadBatch:
    """A batch that cannot be used now; the reader stops at it for this device."""

    device: str
    seq: int
    path: Path
    reason: str  # "checksum", "truncated", "unreadable", "newer_format"


class ShareOffline(GridKeeperError):
    """The share cannot be used right now: nothing local changed, sync again later."""

    def __init__(self, path: Path | str, *, writing: bool = False, detail: str = "") -> None:
        message = QT_TRANSLATE_NOOP(
            "errors",
            "GridKeeper cannot write to the shared folder {path}: it may be read-only, full, or no longer "
            "connected. Your data is safe on this laptop; sync again once the folder can be written to.",
        ) if writing else QT_TRANSLATE_NOOP(
            "errors",
            "The shared folder {path} cannot be reached. Your data is safe on this laptop; "
            "sync again when you are back on the office network.",
        )
        super().__init__(message, path=str(path), detail=detail)  # detail: for logs, not shown
        self.path = str(path)
        self.writing = writing


class DatasetMismatch(GridKeeperError):
    """Refuse to mix two offices' data, or to guess which of several to join."""

    def __init__(self, path: Path | str, ours: str | None, found: list[str]) -> None:
        message = QT_TRANSLATE_NOOP(
            "errors",
            "The shared folder {path} holds the data of several offices ({found}), so GridKeeper "
            "cannot tell which one to join. Nothing was synced; ask the office which folder to use.",
        ) if ours is None else QT_TRANSLATE_NOOP(
            "errors",
            "The shared folder {path} holds another office's data ({found}), not this profile's "
            "({ours}). Nothing was synced; check that you chose the right folder.",
        )
        super().__init__(message, path=str(path), ours=ours or "", found=", ".join(found))
        self.ours = ours
        self.found = list(found)


class ProfileCopied(GridKeeperError):
    """Two copies of one profile (a copied folder, a restored backup) write as the same device."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors",
            "The shared folder {path} holds changes written under this laptop's identity that this profile "
            "did not make: this profile is probably a copy of another laptop's (a copied folder or a restored "
            "backup). Nothing was synced, and nothing on this laptop was changed or lost. Keep using only one "
            "of the copies, or ask for help before syncing this one."), path=str(path))


class SyncBusy(GridKeeperError):
    def __init__(self, started: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Another sync of this profile is already running (started {started}). "
                "Wait for it to finish, then sync again.",
            ),
            started=started,
        )


class SeqTaken(GridKeeperError):
    """Our own batch number is on the share with other changes: never overwrite it."""

    def __init__(self, path: Path | str, seq: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The shared folder already holds a different batch no. {seq} from this laptop ({path}). "
                "Was this profile restored from an older backup? Nothing was overwritten; ask for help "
                "before syncing again.",
            ),
            path=str(path),
            seq=seq,
        )


def batch_name(seq: int) -> str:
    return f"{seq:012d}.jsonl.gz"


def encode_batch(batch: Batch) -> bytes:
    """The uncompressed file content: header line, then one line per change."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    lines = [
        dumps({"hlc": c.hlc, "device": c.device, "tbl": c.tbl, "row": c.row, "field": c.field, "value": c.value})
        + "\n"
        for c in batch.changes
    ]
    body = "".join(lines).encode("utf-8")
    header = {
        "format": FORMAT, "app": batch.app_version, "device": batch.device, "first_seq": batch.first_seq,
        "seq": batch.seq, "count": len(lines), "sha256": hashlib.sha256(body).hexdigest(),
    }
    return json.dumps(header, separators=(",", ":")).encode("utf-8") + b"\n" + body


def decode_batch(raw: bytes, device: str, seq: int, path: Path) -> Batch | BadBatch:
    """Parse gzip bytes; anything doubtful is a BadBatch, never an exception."""

    def bad(reason: str) -> BadBatch:
        return BadBatch(device, seq, path, reason)

    try:
        data = gzip.decompress(raw)
    except EOFError:
        return bad("truncated")
    except (OSError, zlib.error, ValueError):
        return bad("unreadable")
    head, newline, body = data.partition(b"\n")
    if not newline:
        return bad("truncated")  # empty file, or cut inside the header
    try:
        header = json.loads(head)
        fmt = header["format"]
    except (ValueError, TypeError, KeyError):
        return bad("unreadable")
    if type(fmt) is not int or fmt < 1:
        return bad("unreadable")
    if fmt > FORMAT:
        return bad("newer_format")  # held until this app is updated, never dropped
    if header.get("device") != device or header.get("seq") != seq or type(header.get("first_seq")) is not int:
        return bad("unreadable")  # a file copied into the wrong folder or renamed
    if header.get("sha256") != hashlib.sha256(body).hexdigest() or header.get("count") != body.count(b"\n"):
        return bad("checksum")
    try:  # one JSON array is twice as fast as a loads() per line; lines hold no raw newline
        objs = json.loads(b"[" + body[:-1].replace(b"\n", b",") + b"]")
        changes = tuple(Change(o["hlc"], o["device"], o["tbl"], o["row"], o["field"], o["value"]) for o in objs)
    except (ValueError, TypeError, KeyError):
        return bad("unreadable")
    texts = {type(t) for c in changes for t in (c.hlc, c.device, c.tbl, c.row, c.field)}
    if len(changes) != header["count"] or not texts <= {str} or not {type(c.value) for c in changes} <= _VALUE:
        return bad("unreadable")
    return Batch(device, header["first_seq"], seq, changes, str(header.get("app", "")))


class FolderShare:
    """One shared folder; every method that touches it raises ShareOffline, never OSError."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.top = self.root / TOP

    # -- datasets -----------------------------------------------------------

    def check(self) -> None:
        try:
            ok = self.root.is_dir() and os.access(self.root, os.R_OK | os.X_OK)
            if ok:
                os.listdir(self.root)
        except OSError as exc:
            raise ShareOffline(self.root, detail=str(exc)) from exc
        if not ok:
            raise ShareOffline(self.root, detail="missing or not a readable folder")

    def datasets(self) -> list[str]:
        self.check()
        try:
            names = sorted(os.listdir(self.top))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise ShareOffline(self.root, detail=str(exc)) from exc
        return [n for n in names
                if _SAFE_ID.match(n) and isinstance(_read_json(self.top / n / "dataset.json"), dict)]

    def join(self, dataset_id: str | None, *, new_id: str, schema: str) -> str:
        """The dataset this profile syncs with; created when the share holds none.

        Two laptops that find an empty share at the same moment each create a
        dataset. Datasets created within RACE_SECONDS of each other are taken
        for such a race: every laptop settles on the first (oldest, then
        smallest id), moving there if it started on the other and pushing its
        changes again. Datasets created further apart are different offices'
        data and are refused.
        """
        found = self.datasets()
        winner = self._race_winner(found) if len(found) > 1 else None
        if dataset_id is None:
            if winner:
                return winner
            if len(found) > 1:
                raise DatasetMismatch(self.root, None, found)
            if found:
                return found[0]
            dataset_id = new_id
        elif dataset_id in found:
            return winner or dataset_id
        elif found:
            raise DatasetMismatch(self.root, dataset_id, found)
        # No dataset at all: a new share, or one that was emptied; this profile (re-)seeds it.
        _check_id(dataset_id)
        folder = self.top / dataset_id
        info = {"id": dataset_id, "schema": schema, "created": _now_iso(), "format": FORMAT}
        try:
            (folder / "devices").mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ShareOffline(self.root, writing=True, detail=str(exc)) from exc
        self._write_atomic(folder / "dataset.json", _pretty(info))
        return dataset_id

    # -- devices ------------------------------------------------------------

    def _race_winner(self, found: list[str]) -> str | None:
        """The dataset all racers settle on, or None if these are not a race."""
        created = []
        for dataset in found:
            info = _read_json(self.top / dataset / "dataset.json")
            try:
                created.append((datetime.fromisoformat(str(info.get("created"))), dataset))
            except (AttributeError, ValueError):
                return None  # unreadable dates: do not guess
        created.sort()
        first = created[0][0]
        if all((when - first).total_seconds() <= RACE_SECONDS for when, _ in created):
            return created[0][1]
        return None

    def register_device(self, dataset: str, device: str, info: dict[str, str]) -> None:
        folder = self._device_dir(dataset, device, create=True)
        data = {"id": device, "name": "", "cadre": "", **info}
        data["id"] = device
        data["updated"] = info.get("updated") or _now_iso()
        self._write_atomic(folder / "device.json", _pretty(data))

    def devices(self, dataset: str) -> list[str]:
        folder = self._dataset_dir(dataset) / "devices"
        try:
            return sorted(e.name for e in os.scandir(folder) if _SAFE_ID.match(e.name) and e.is_dir())
        except FileNotFoundError:
            self.check()
            return []
        except OSError as exc:
            raise ShareOffline(self.root, detail=str(exc)) from exc

    def device_info(self, dataset: str, device: str) -> dict[str, str]:
        data = _read_json(self._device_dir(dataset, device) / "device.json")
        if not isinstance(data, dict):
            return {}
        return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}

    # -- batches ------------------------------------------------------------

    def last_seq(self, dataset: str, device: str) -> int:
        return max(self._batch_seqs(dataset, device), default=0)

    def write_batch(self, dataset: str, batch: Batch) -> Path:
        """Write our own batch atomically; a rewrite of the same batch is a no-op."""
        if batch.seq < 1 or batch.first_seq < 1 or batch.first_seq > batch.seq:
            raise ValueError(f"bad batch range {batch.first_seq}..{batch.seq}")
        data = encode_batch(batch)
        final = self._device_dir(dataset, batch.device, create=True) / "changes" / batch_name(batch.seq)
        if os.path.lexists(final):
            existing = self._load(final, batch.device, batch.seq)
            if isinstance(existing, Batch):
                if existing.first_seq == batch.first_seq and existing.changes == tuple(batch.changes):
                    return final
                raise SeqTaken(final, batch.seq)
            if existing.reason == "newer_format":
                raise SeqTaken(final, batch.seq)
            # A damaged copy of our own batch: rewriting it from the local log repairs it.
        self._write_atomic(final, gzip.compress(data, compresslevel=6, mtime=0))
        _sweep_temps(final.parent)
        return final

    def read_batch(self, dataset: str, device: str, seq: int) -> Batch | BadBatch:
        """One batch of a device by its seq."""
        return self._load(self._device_dir(dataset, device) / "changes" / batch_name(seq), device, seq)

    def read_batches(self, dataset: str, device: str, after_seq: int) -> Iterator[Batch | BadBatch]:
        """Batches newer than the cursor, in order; stops after the first bad one."""
        changes = self._device_dir(dataset, device) / "changes"
        for seq in sorted(s for s in self._batch_seqs(dataset, device) if s > after_seq):
            item = self._load(changes / batch_name(seq), device, seq)
            yield item
            if isinstance(item, BadBatch):
                return

    # -- the profile's sync lock ----------------------------------------------

    @contextmanager
    def lock(self, profile_dir: Path) -> Iterator[None]:
        """One sync at a time per profile; the lock lives in the profile, never on the share."""
        with profile_lock(profile_dir):
            yield

    # -- internals ------------------------------------------------------------

    def _dataset_dir(self, dataset: str) -> Path:
        _check_id(dataset)
        return self.top / dataset

    def _device_dir(self, dataset: str, device: str, *, create: bool = False) -> Path:
        _check_id(device)
        folder = self._dataset_dir(dataset) / "devices" / device
        if create:
            try:
                if not self._dataset_dir(dataset).is_dir():  # share emptied or gone since join()
                    self.check()
                    raise ShareOffline(self.root, writing=True, detail=f"dataset {dataset} is gone")
                (folder / "changes").mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ShareOffline(self.root, writing=True, detail=str(exc)) from exc
        return folder

    def _batch_seqs(self, dataset: str, device: str) -> list[int]:
        try:
            names = os.listdir(self._device_dir(dataset, device) / "changes")
        except FileNotFoundError:
            self.check()
            return []
        except OSError as exc:
            raise ShareOffline(self.root, detail=str(exc)) from exc
        return [int(m.group(1)) for m in map(_BATCH_NAME.match, names) if m]

    def _load(self, path: Path, device: str, seq: int) -> Batch | BadBatch:
        try:
            raw = path.read_bytes()
        except OSError:
            self.check()  # the whole share went away: offline, not a bad batch
            return BadBatch(device, seq, path, "unreadable")
        return decode_batch(raw, device, seq, path)

    def _write_atomic(self, path: Path, data: bytes) -> None:
        """Temp name in the same folder, flush + fsync, rename, fsync the folder."""
        temp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        try:
            with open(temp, "xb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp, path)
        except OSError as exc:
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                pass
            raise ShareOffline(self.root, writing=True, detail=str(exc)) from exc
        _fsync_dir(path.parent)


def _check_id(name: str) -> None:
    if not isinstance(name, str) or not _SAFE_ID.match(name):
        raise ValueError(f"not a usable dataset/device id: {name!r}")


def _now_iso() -> str:
    return clock.utcnow().isoformat(timespec="seconds")


def _pretty(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable where the OS allows (not on Windows, not on some SMB mounts)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sweep_temps(folder: Path) -> None:
    """Remove our own temp files left by a crash long ago (never needed for correctness)."""
    cutoff = time.time() - _TEMP_MAX_AGE  # file ages are real time, not the app's clock
    try:
        for entry in os.scandir(folder):
            if entry.name.startswith(".") and entry.name.endswith(".tmp") and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
    except OSError:
        pass


# -- profile lock ---------------------------------------------------------------


@contextmanager
def profile_lock(profile_dir: Path) -> Iterator[None]:
    """O_EXCL lock file holding pid, host and time; a dead or hour-old holder is taken over."""
    path = Path(profile_dir) / LOCK_NAME
    token = secrets.token_hex(8)
    content = json.dumps(
        {"pid": os.getpid(), "host": socket.gethostname(), "time": time.time(), "token": token}
    ).encode("utf-8")
    for attempt in range(2):  # a stale lock is removed once, then O_EXCL decides
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            started = _stale_or_started(path)
            if started is not None or attempt:
                raise SyncBusy(started or "?") from None
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            continue
        try:
            os.write(fd, content)
            os.fsync(fd)
        finally:
            os.close(fd)
        break
    _HELD.add(token)
    try:
        yield
    finally:
        _HELD.discard(token)
        try:
            if path.read_bytes() == content:  # never remove a lock another sync took over
                path.unlink()
        except OSError:
            pass


def _stale_or_started(path: Path) -> str | None:
    """None if the lock at path is stale; else when its holder started, for the message."""
    now = time.time()  # compared with file times and other processes' locks: real time, not the app's clock
    try:
        raw = path.read_bytes()
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    except OSError:
        return "?"
    try:
        info = json.loads(raw)
        pid, started, host = int(info["pid"]), float(info["time"]), str(info.get("host", ""))
        token = str(info.get("token", ""))
    except (ValueError, TypeError, KeyError):
        # Empty or garbled: a sync crashed between creating and writing it, or is writing it now.
        return None if abs(now - mtime) > _BLANK_LOCK_GRACE else _clock(mtime)
    if abs(now - started) > LOCK_STALE_SECONDS:
        return None
    if host == socket.gethostname():
        if pid == os.getpid():  # our pid: stale unless this very process holds it (pid reused)
            return _clock(started) if token in _HELD else None
        if not _pid_alive(pid):
            return None
    return _clock(started)


def _clock(when: float) -> str:
    return datetime.fromtimestamp(when).strftime("%H:%M:%S")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        k32, code = ctypes.windll.kernel32, ctypes.c_ulong()  # type: ignore[attr-defined]
        handle = k32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(k32.GetLastError() == 5)  # access denied: it exists
        ok = k32.GetExitCodeProcess(handle, ctypes.byref(code))
        k32.CloseHandle(handle)
        return not ok or code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

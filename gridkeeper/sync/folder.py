"""Folder-share transport: the office's encrypted, signed batches in a shared network folder.

Layout and checks: architecture.md, "Offices: trust on the share". Each device
writes only inside its own folder, so no lock is ever taken on the share, and
only plain files are used (SQLite over SMB/NFS corrupts). A batch is written
under a temporary name, fsync'ed and renamed. Everything read from the share
goes through safe_read (regular files only, size and time limits) and is
checked (device, seq, membership, signature, decryption) before it is a Batch;
anything else is a BadBatch with a reason, never an exception.
Pure Python: no Qt, no database.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import socket
import struct
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.sync import crypto, safe_read
from gridkeeper.sync.crypto import CryptoError, DeviceKeys
from gridkeeper.sync.private import private_dirs, write_private

FORMAT = 2  # batch format this app writes and reads
MAGIC = b"GKB2"
TOP = "gridkeeper"
SUFFIX = ".gkb"
LOCK_NAME = "sync.lock"
LOCK_STALE_SECONDS = 3600.0
_BLANK_LOCK_GRACE = 10.0  # a lock file still empty after this long belongs to a crashed sync
_TEMP_MAX_AGE = 3600.0  # leftover temp files of our own older than this are removed
_BATCH_NAME = re.compile(r"^(\d{12})\.gkb$")
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
    # The last seq of the device's batch before this one (0 for its first): a device's own changes are
    # not consecutive in its log (remote changes sit between them), so the chain says what follows what.
    prev_seq: int = 0


@dataclass(frozen=True)
class BadBatch:
    """A file that cannot be used now: held with its reason and tried again at the next sync."""

    device: str
    seq: int
    path: Path
    reason: str  # not_regular, too_large, timeout, unreadable, missing, misplaced, signature, decrypt,
    #              newer_format, not_admitted, revoked


@dataclass(frozen=True)
class Sealing:
    """What writing a batch needs: the office, the epoch and key to encrypt under, our signing key."""

    office: str
    epoch: int
    key: bytes
    signer: DeviceKeys


@dataclass(frozen=True)
class Opening:
    """What reading a device's batches needs: the office, the epoch keys held, the device's public key."""

    office: str
    keys: dict[int, bytes]
    sign_key: str


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
    return f"{seq:012d}{SUFFIX}"


def _lines(batch: Batch) -> bytes:
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return "".join(
        dumps({"hlc": c.hlc, "device": c.device, "tbl": c.tbl, "row": c.row, "field": c.field, "value": c.value})
        + "\n" for c in batch.changes).encode("utf-8")


def seal_batch(batch: Batch, sealing: Sealing) -> bytes:
    """MAGIC, header length, header, AES-GCM(gzip(lines)) with the header as associated data, signature."""
    header = json.dumps({"suite": crypto.SUITE, "format": FORMAT, "office": sealing.office, "device": batch.device,
                         "epoch": sealing.epoch, "prev": batch.prev_seq, "first_seq": batch.first_seq, "seq": batch.seq,
                         "count": len(batch.changes), "app": batch.app_version},
                        sort_keys=True, separators=(",", ":")).encode("utf-8")
    compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    plain = compressor.compress(_lines(batch)) + compressor.flush()
    key = crypto.derive(sealing.key, f"batch {sealing.office} {sealing.epoch}")
    signed = MAGIC + struct.pack(">I", len(header)) + header + crypto.seal(key, plain, header)
    return signed + sealing.signer.sign(signed)


def open_batch(raw: bytes, device: str, seq: int, path: Path, opening: Opening) -> Batch | BadBatch:
    """Check and decrypt one batch file's bytes; anything doubtful is a BadBatch, never an exception."""

    def bad(reason: str) -> BadBatch:
        return BadBatch(device, seq, path, reason)

    if raw[:4] != MAGIC:
        return bad("newer_format" if raw[:3] == b"GKB" else "unreadable")
    if len(raw) < 8 + crypto.SIGNATURE_BYTES:
        return bad("unreadable")
    (size,) = struct.unpack(">I", raw[4:8])
    if size > 64 * 1024 or len(raw) < 8 + size + crypto.SIGNATURE_BYTES:
        return bad("unreadable")
    header_bytes = raw[8:8 + size]
    try:
        header = json.loads(header_bytes)
        first, last, count, epoch = header["first_seq"], header["seq"], header["count"], header["epoch"]
        prev = header["prev"]
    except (ValueError, TypeError, KeyError):
        return bad("unreadable")
    if header.get("format") != FORMAT or header.get("suite") != crypto.SUITE:
        return bad("newer_format")
    if not all(type(v) is int for v in (first, last, count, epoch, prev)) or not 0 <= prev < first <= last:
        return bad("unreadable")
    if header.get("office") != opening.office or header.get("device") != device or last != seq:
        return bad("misplaced")  # another office's, another device's, or renamed: not what its name claims
    signed, signature = raw[:-crypto.SIGNATURE_BYTES], raw[-crypto.SIGNATURE_BYTES:]
    try:
        crypto.verify(opening.sign_key, signature, signed)
    except CryptoError:
        return bad("signature")
    if epoch not in opening.keys:
        return bad("decrypt")  # a key we have not received (yet)
    try:
        key = crypto.derive(opening.keys[epoch], f"batch {opening.office} {epoch}")
        plain = crypto.open_sealed(key, signed[8 + size:], header_bytes)
    except CryptoError:
        return bad("decrypt")
    try:
        body = safe_read.gunzip_limited(plain)
    except safe_read.Unsafe as exc:
        return bad(exc.reason)
    try:  # one JSON array is twice as fast as a loads() per line; lines hold no raw newline
        objs = json.loads(b"[" + body[:-1].replace(b"\n", b",") + b"]") if body else []
        changes = tuple(Change(o["hlc"], o["device"], o["tbl"], o["row"], o["field"], o["value"]) for o in objs)
    except (ValueError, TypeError, KeyError):
        return bad("unreadable")
    texts = {type(t) for c in changes for t in (c.hlc, c.device, c.tbl, c.row, c.field)}
    if len(changes) != count or not texts <= {str} or not {type(c.value) for c in changes} <= _VALUE:
        return bad("unreadable")
    return Batch(device, first, seq, changes, str(header.get("app", "")), prev)


class FolderShare:
    """One office's folder on a share; every method that touches it raises ShareOffline, never OSError."""

    def __init__(self, root: Path, office: str = "") -> None:
        self.root = Path(root)
        self.top = self.root / TOP
        self.office = office

    def check(self) -> None:
        try:
            ok = self.root.is_dir() and os.access(self.root, os.R_OK | os.X_OK)
            if ok:
                os.listdir(self.root)
        except OSError as exc:
            raise ShareOffline(self.root, detail=str(exc)) from exc
        if not ok:
            raise ShareOffline(self.root, detail="missing or not a readable folder")

    @property
    def folder(self) -> Path:
        _check_id(self.office)
        return self.top / self.office

    def has_office(self) -> bool:
        return safe_read.is_regular(self.folder / "office.json")

    # -- devices ------------------------------------------------------------

    def devices(self) -> list[str]:
        folder = self.folder / "devices"
        try:
            return sorted(e.name for e in os.scandir(folder)
                          if _SAFE_ID.match(e.name) and e.is_dir(follow_symlinks=False))
        except FileNotFoundError:
            self.check()
            return []
        except OSError as exc:
            raise ShareOffline(self.root, detail=str(exc)) from exc

    def batch_files(self, device: str) -> dict[int, Path]:
        """The files named like batches in a device's folder, by the seq their name claims."""
        folder = self._device_dir(device) / "changes"
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            self.check()
            return {}
        except OSError as exc:
            raise ShareOffline(self.root, detail=str(exc)) from exc
        return {int(m.group(1)): folder / m.group(0) for m in map(_BATCH_NAME.match, names) if m}

    # -- batches ------------------------------------------------------------

    def write_batch(self, batch: Batch, sealing: Sealing) -> tuple[Path, bytes]:
        """Write our own batch atomically (replacing whatever file had its name); the path and bytes."""
        if batch.seq < 1 or batch.first_seq < 1 or batch.first_seq > batch.seq:
            raise ValueError(f"bad batch range {batch.first_seq}..{batch.seq}")
        data = seal_batch(batch, sealing)
        final = self._device_dir(batch.device, create=True) / "changes" / batch_name(batch.seq)
        self._write_atomic(final, data)
        _sweep_temps(final.parent)
        return final, data

    def read_batch(self, device: str, seq: int, path: Path, opening: Opening) -> Batch | BadBatch:
        try:
            raw = safe_read.read_limited(path, safe_read.MAX_BATCH_BYTES)
        except safe_read.Unsafe as exc:
            if exc.reason in ("unreadable", "timeout"):
                self.check()  # the whole share went away: offline, not a bad batch
            return BadBatch(device, seq, path, exc.reason)
        return open_batch(raw, device, seq, path, opening)

    def set_aside(self, path: Path) -> Path | None:
        """Rename a file of our own folder that is not one of our batches, so nobody takes it for one."""
        target = path.with_name(f"{path.name}.{secrets.token_hex(3)}.setaside")
        try:
            os.replace(path, target)
        except OSError:
            return None
        return target

    # -- the profile's sync lock ----------------------------------------------

    @contextmanager
    def lock(self, profile_dir: Path) -> Iterator[None]:
        """One sync at a time per profile; the lock lives in the profile, never on the share."""
        with profile_lock(profile_dir):
            yield

    # -- internals ------------------------------------------------------------

    def _device_dir(self, device: str, *, create: bool = False) -> Path:
        _check_id(device)
        folder = self.folder / "devices" / device
        if create:
            try:
                if not self.folder.is_dir():  # share emptied or gone
                    self.check()
                    raise ShareOffline(self.root, writing=True, detail=f"office {self.office} is gone")
                private_dirs(folder / "changes")
            except OSError as exc:
                raise ShareOffline(self.root, writing=True, detail=str(exc)) from exc
        return folder

    def _write_atomic(self, path: Path, data: bytes) -> None:
        try:
            write_private(path, data)
        except OSError as exc:
            raise ShareOffline(self.root, writing=True, detail=str(exc)) from exc


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_id(name: str) -> None:
    if not isinstance(name, str) or not _SAFE_ID.match(name):
        raise ValueError(f"not a usable office/device id: {name!r}")


def _sweep_temps(folder: Path) -> None:
    """Remove our own temp files left by a crash long ago (never needed for correctness)."""
    cutoff = clock.machine_seconds() - _TEMP_MAX_AGE  # compared with file times
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
        {"pid": os.getpid(), "host": socket.gethostname(), "time": clock.machine_seconds(), "token": token}
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
    now = clock.machine_seconds()  # compared with file times and other processes' locks
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

"""Taking in an old share's plaintext dataset (format 1) once, when an office is created there.

Format 1 wrote readable gzip JSON batches; `office create` on such a share pulls
them through the same limits as any file on a share (regular files, sizes,
streamed decompression), so nothing a laptop wrote there is lost, and then
removes the plaintext from the share. Laptops keep their own change logs and
push them again, encrypted, when they join the office.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
from pathlib import Path

from gridkeeper.store.engine import Store
from gridkeeper.sync import apply, safe_read
from gridkeeper.sync.folder import Batch, Change

log = logging.getLogger("gridkeeper.sync")

_NAME = re.compile(r"^(\d{12,})\.jsonl\.gz$")
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def _decode(raw: bytes, device: str, seq: int) -> Batch | None:
    try:
        data = safe_read.gunzip_limited(raw)
        head, _, body = data.partition(b"\n")
        header = json.loads(head)
        if header.get("format") != 1 or header.get("device") != device or header.get("seq") != seq:
            return None
        if header.get("sha256") != hashlib.sha256(body).hexdigest():
            return None
        objs = [json.loads(line) for line in body.splitlines() if line]
        changes = tuple(Change(o["hlc"], o["device"], o["tbl"], o["row"], o["field"], o["value"]) for o in objs)
    except (safe_read.Unsafe, ValueError, TypeError, KeyError, AttributeError):
        return None
    return Batch(device, int(header.get("first_seq", 1)), seq, changes)


def take_in(store: Store, root: Path) -> tuple[int, list[str]]:
    """Apply every readable plaintext batch on the share, then remove the plaintext datasets.

    (changes applied, batches that could not be read or applied: named in the result). The plaintext
    goes even then: it is readable by anybody, and every laptop still holds its own changes."""
    from sqlalchemy.exc import IntegrityError

    top = Path(root) / "gridkeeper"
    applied, unreadable = 0, []
    with store.read() as conn:
        columns = apply.table_columns(conn)
    datasets = [d for d in sorted(os.listdir(top)) if safe_read.is_regular(top / d / "dataset.json")]
    waiting: list[Batch] = []
    for dataset in datasets:
        devices = top / dataset / "devices"
        for device in sorted(os.listdir(devices)) if devices.is_dir() else []:
            if not _SAFE_ID.match(device):
                continue
            folder = devices / device / "changes"
            for name in sorted(os.listdir(folder)) if folder.is_dir() else []:
                m = _NAME.match(name)
                if not m:
                    continue
                try:
                    raw = safe_read.read_limited(folder / name, safe_read.MAX_BATCH_BYTES)
                except safe_read.Unsafe:
                    unreadable.append(f"{device}/{name}")
                    continue
                batch = _decode(raw, device, int(m.group(1)))
                if batch is None:
                    unreadable.append(f"{device}/{name}")
                else:
                    waiting.append(batch)
    progress = True
    while waiting and progress:  # rounds: a batch may need rows another device's batch brings
        progress, later = False, []
        for batch in waiting:
            try:
                with store.capture_paused(), store.begin_unindexed() as conn:
                    result = apply.apply_changes(conn, batch.changes, me=store.device_id, pushed_seq=0,
                                                 columns=columns)
            except (IntegrityError, apply.UnknownSchema):
                later.append(batch)
                continue
            applied += result.changes
            progress = True
        waiting = later
    unreadable += [f"{b.device}/{b.seq}" for b in waiting]
    for dataset in datasets:
        shutil.rmtree(top / dataset, ignore_errors=True)
    log.warning("took in %d changes from a plaintext share; %d batches not taken", applied, len(unreadable))
    return applied, unreadable

"""Several profiles and one shared folder, for sync tests."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import text

from gridkeeper.store import Store, dump, open_store
from gridkeeper.sync import office
from gridkeeper.sync import office as office_mod
from gridkeeper.sync.crypto import DeviceKeys
from gridkeeper.sync.engine import SyncResult, sync_folder
from gridkeeper.sync.folder import Change


def enrol(share: Path, admin: Store, *others: Store) -> None:
    """The office on `share` with `admin` as its founder, the others joined with a code each and admitted."""
    if not office.office_id(admin):
        office.create(admin, share)
    for store in others:
        office.join(store, share, office.invite(admin, share).code)
    if others:
        assert sync_folder(admin, share).status == "ok"  # the admin's sync admits them
    for store in others:  # and each pulls the office's data, as `office join` does
        assert sync_folder(store, share).status == "ok"


class Office:
    def __init__(self, tmp: Path, n: int, now_ms=None) -> None:  # type: ignore[no-untyped-def]
        self.share = tmp / "share"
        self.share.mkdir()
        self.laptops: list[Store] = [
            open_store(tmp / f"laptop{i}", now_ms=now_ms) if now_ms else open_store(tmp / f"laptop{i}")
            for i in range(n)
        ]
        enrol(self.share, *self.laptops)

    def sync(self, i: int) -> SyncResult:
        return sync_folder(self.laptops[i], self.share)

    def sync_all(self, rounds: int = 2) -> None:
        for _ in range(rounds):
            for i in range(len(self.laptops)):
                result = self.sync(i)
                assert result.status == "ok", result.message

    def dumps(self) -> list[str]:
        return [dump_text(s) for s in self.laptops]

    def close(self) -> None:
        for s in self.laptops:
            s.close()


def dump_text(store: Store) -> str:
    out = io.StringIO()
    dump.write(store, out)
    return out.getvalue()


def value(store: Store, sql: str, **params: object) -> object:
    with store.read() as conn:
        return conn.execute(text(sql), params).scalar()


def batches_of(office: Office, store: Store) -> list[Path]:
    """The batch files of one laptop on the share, in order."""
    return sorted((office.share / "gridkeeper").glob(f"*/devices/{store.device_id}/changes/*.gkb"))


def reseal(office: Office, store: Store, path: Path, change: Callable[[list[Change]], list[Change]]) -> None:
    """Rewrite one of the laptop's batches with its own keys, its changes changed (a newer app, say)."""
    from gridkeeper.sync import engine, folder

    keys = office_keys(store)
    device, seq = store.device_id, int(path.name.split(".")[0])
    batch = folder.open_batch(path.read_bytes(), device, seq, path,
                              folder.Opening(office_mod.office_id(store) or "", office_mod.epoch_keys(store),
                                             keys.sign_public))
    assert isinstance(batch, folder.Batch)
    changed = replace(batch, changes=tuple(change(list(batch.changes))))
    path.write_bytes(folder.seal_batch(changed, engine._sealing(store)))


def office_keys(store: Store) -> DeviceKeys:
    return office_mod.device_keys(store)

"""Several profiles and one shared folder, for sync tests."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy import text

from gridkeeper.store import Store, dump, open_store
from gridkeeper.sync.engine import SyncResult, sync_folder


class Office:
    def __init__(self, tmp: Path, n: int, now_ms=None) -> None:  # type: ignore[no-untyped-def]
        self.share = tmp / "share"
        self.share.mkdir()
        self.laptops: list[Store] = [
            open_store(tmp / f"laptop{i}", now_ms=now_ms) if now_ms else open_store(tmp / f"laptop{i}")
            for i in range(n)
        ]

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

"""Several profiles and one GridKeeper server, for sync tests: the server runs in-process behind
Starlette's TestClient (real HTTP semantics, no socket); tests/server/test_socket.py uses a real one."""

from __future__ import annotations

import warnings
from pathlib import Path

with warnings.catch_warnings():  # Starlette 1.x would rather have httpx2; httpx is what the laptop uses
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from gridkeeper.server import db, offices, tls
from gridkeeper.server.app import Limits, Server, build_app
from gridkeeper.store import Store, open_store
from gridkeeper.sync import remote
from gridkeeper.sync.engine import SyncResult
from tests.sync.simulation import dump_text


class ServerHost:
    """A server's data folder, database and app; `restart()` builds a new app on the same database."""

    def __init__(self, folder: Path, url: str | None = None, limits: Limits | None = None) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.url = url or db.default_url(folder)
        cert, _key = tls.ensure_certificate(folder)
        self.cert_pem = cert.read_text()
        self.fingerprint = tls.fingerprint(cert)
        self.limits = limits
        self.engine = db.connect(self.url)
        db.migrate(self.engine)
        self.start()

    def start(self) -> None:
        self.server = Server(self.engine, self.fingerprint, limits=self.limits)
        self.app = build_app(self.server)
        self.http = TestClient(self.app, base_url="https://testserver")

    def restart(self) -> None:
        self.http.close()
        self.engine.dispose()
        self.engine = db.connect(self.url)
        self.start()

    def create_office(self, name: str = "塘川街道") -> offices.NewOffice:
        return offices.create(self.engine, name, self.fingerprint)

    def join(self, store: Store, code: str) -> tuple[str, bool]:
        return remote.join(store, "https://testserver", code, http=self.http, cert_pem=self.cert_pem)

    def sync(self, store: Store) -> SyncResult:
        return remote.sync_server(store, http=self.http)

    def close(self) -> None:
        self.http.close()
        self.engine.dispose()


class ServerOffice:
    """The server-side twin of simulation.Office: n laptops, the first its admin, all joined and synced."""

    def __init__(self, tmp: Path, n: int, host: ServerHost | None = None) -> None:
        self.host = host or ServerHost(tmp / "server")
        self.laptops: list[Store] = [open_store(tmp / f"laptop{i}") for i in range(n)]
        made = self.host.create_office()
        self.office = made.office
        admin = self.laptops[0]
        assert self.host.join(admin, made.code) == (made.office, True)
        assert self.sync(0).status == "ok"
        for store in self.laptops[1:]:
            code = remote.invite(admin, http=self.host.http).code
            self.host.join(store, code)
        if n > 1:
            assert self.sync(0).status == "ok"  # the admin's sync admits them
        for i in range(n):
            result = self.sync(i)
            assert result.status == "ok", result.message

    def sync(self, i: int) -> SyncResult:
        return self.host.sync(self.laptops[i])

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
        self.host.close()

"""Several profiles and one GridKeeper server, for sync tests: the server runs in-process behind
Starlette's TestClient (real HTTP semantics, no socket); tests/server/test_socket.py uses a real one."""

from __future__ import annotations

import secrets
import shutil
import tempfile
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
    """The server-side twin of simulation.Office: n laptops, the first its admin, all joined and synced.

    `ServerOffice.copied(tmp, n, database)` gives the same from a template made once per session (profiles'
    migrations and enrolment take most of a test's time otherwise)."""

    @classmethod
    def copied(cls, tmp: Path, n: int, database: str | None = None) -> ServerOffice:
        folder, url, office_id = _template(n, database)
        shutil.copytree(folder, tmp, dirs_exist_ok=True)
        if url:
            url = _copy_database(url)
        self = cls.__new__(cls)
        self.host = ServerHost(tmp / "server", url or None)
        self.laptops = [open_store(tmp / f"laptop{i}") for i in range(n)]
        self.office = office_id
        return self

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


_templates: dict[tuple[int, str], tuple[Path, str, str]] = {}


def _template(n: int, database: str | None) -> tuple[Path, str, str]:
    """A folder with n enrolled laptops and the server's folder, and the server's database URL when it is
    PostgreSQL (a database used as a template): made once per session."""
    key = (n, "postgres" if database else "sqlite")
    if key not in _templates:
        folder = Path(tempfile.mkdtemp(prefix="gk-server-office-"))
        url = ""
        if database:
            url = _copy_database(database, prefix="gk_tpl")
        office = ServerOffice(folder, n, ServerHost(folder / "server", url or None))
        office_id = office.office
        office.close()
        _templates[key] = (folder, url, office_id)
    return _templates[key]


def _copy_database(url: str, prefix: str = "gk_copy") -> str:
    """A new PostgreSQL database beside `url`'s, made from it as a template (empty if it is the server's
    maintenance database); its URL."""
    import psycopg

    base, _, source = url.rpartition("/")
    name = f"{prefix}_{secrets.token_hex(4)}"
    admin = base.replace("postgresql+psycopg://", "postgresql://", 1) + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        template = "" if source == "postgres" else f" TEMPLATE {source}"
        conn.execute(f"CREATE DATABASE {name}{template}")
    return f"{base}/{name}"

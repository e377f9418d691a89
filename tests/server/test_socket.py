"""The server over real HTTPS on 127.0.0.1 (an ephemeral port): the certificate made at first start,
pinned through the enrolment code, a changed certificate refused, a stopped server offline; and the
command line end to end (server office create, serve, office join --server, sync --server --json)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from gridkeeper.server import db, offices, tls
from gridkeeper.server.app import Server, build_app
from gridkeeper.store import open_store
from gridkeeper.sync import remote
from tests.sync.simulation import dump_text
from tests.sync.test_sync_folder import add_person


class Running:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.engine = db.connect(db.default_url(folder))
        db.migrate(self.engine)
        cert, key = tls.ensure_certificate(folder)
        self.fingerprint = tls.fingerprint(cert)
        config = uvicorn.Config(build_app(Server(self.engine, self.fingerprint)), host="127.0.0.1", port=0,
                                ssl_certfile=str(cert), ssl_keyfile=str(key), log_level="warning",
                                access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "the server did not start"
            time.sleep(0.02)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
        self.engine.dispose()


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    r = Running(tmp_path / "server")
    yield r
    r.stop()


def test_over_real_https_the_certificate_is_pinned_and_a_changed_one_refused(tmp_path: Path,
                                                                             running: Running) -> None:
    made = offices.create(running.engine, "塘川街道", running.fingerprint)
    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    try:
        assert remote.join(a, running.url, made.code) == (made.office, True)
        assert remote.sync_server(a).status == "ok"
        assert remote.join(b, running.url, remote.invite(a).code)[1] is False  # the admin laptop admits it
        add_person(a)
        assert remote.sync_server(a).admitted == [b.device_id]
        assert remote.sync_server(b).status == "ok"
        assert remote.sync_server(a).status == "ok"
        assert dump_text(a) == dump_text(b)
        # A laptop that pinned another certificate (a man in the middle now, or a reinstalled server).
        other, _ = tls.ensure_certificate(tmp_path / "elsewhere")
        b.set_meta(remote.SERVER_KEY, json.dumps({"url": running.url, "cert_pem": other.read_text()}))
        result = remote.sync_server(b)
        assert result.status == "refused" and "did not show the certificate this laptop pinned" in result.message
        running.stop()
        result = remote.sync_server(a)
        assert result.status == "offline" and "cannot be reached" in result.message
    finally:
        a.close()
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GRIDKEEPER_DATA_DIR", "GRIDKEEPER_PASSPHRASE")}
    return subprocess.run([sys.executable, "-m", "gridkeeper", "--data-dir", str(data_dir), *args],
                          check=False, capture_output=True, text=True, env=env, timeout=180)


@pytest.mark.e2e
def test_the_command_line_serves_joins_and_syncs(tmp_path: Path) -> None:
    made = run(tmp_path / "srv", "server", "office", "create", "--name", "城南街道", "--json")
    assert made.returncode == 0, made.stderr
    office = json.loads(made.stdout)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "GRIDKEEPER_DATA_DIR"}
    serving = subprocess.Popen([sys.executable, "-m", "gridkeeper", "--data-dir", str(tmp_path / "srv"), "server",
                                "serve", "--listen", f"127.0.0.1:{port}"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, env=env)
    try:
        assert serving.stdout is not None
        first = serving.stdout.readline()
        assert office["fingerprint"] in first, first
        url = f"https://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:  # the line is printed just before uvicorn binds
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert run(tmp_path / "a", "demo", "--size", "small").returncode == 0
        joined = run(tmp_path / "a", "office", "join", "--server", url, "--code", office["code"], "--json")
        assert joined.returncode == 0, joined.stderr
        synced = run(tmp_path / "a", "sync", "--server", url, "--json")
        assert synced.returncode == 0, synced.stderr
        out = json.loads(synced.stdout)
        folder_keys = {"status", "message", "dataset", "office", "offline", "pushed", "pushed_batches", "pulled",
                       "pulled_batches", "applied", "conflicts_new", "conflicts_open", "held", "skipped_batches",
                       "missing", "clock_behind_days", "repaired_batches", "set_aside", "admitted", "adopted"}
        assert set(out) == folder_keys and out["status"] == "ok"
        assert out["pushed"] + json.loads(joined.stdout)["sync"]["pushed"] > 1000
        code = json.loads(run(tmp_path / "a", "office", "invite", "--json").stdout)["code"]
        joined_b = run(tmp_path / "b", "office", "join", "--server", url, "--code", code, "--json")
        assert joined_b.returncode == 0, joined_b.stderr
        assert json.loads(joined_b.stdout)["admitted"] is False
        assert run(tmp_path / "a", "sync", "--server", url).returncode == 0  # admits b
        assert run(tmp_path / "b", "sync", "--server", url).returncode == 0
        assert run(tmp_path / "a", "dump").stdout == run(tmp_path / "b", "dump").stdout
        members = json.loads(run(tmp_path / "b", "office", "members", "--json").stdout)["members"]
        assert len(members) == 3  # the server, a, b
        bad = run(tmp_path / "c", "office", "join", "--server", "ftp://nowhere", "--code", code)
        assert bad.returncode == 2 and "is not a server address" in bad.stderr and "Traceback" not in bad.stderr
    finally:
        serving.terminate()
        serving.wait(timeout=20)

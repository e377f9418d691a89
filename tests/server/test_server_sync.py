"""The sync server: who gets what (authentication, revocation), pushes stored once, order without gaps
under concurrent writers, and faults (a dropped connection, a restart mid-push, a restore from backup).
On SQLite and, when GRIDKEEPER_TEST_POSTGRES is set, on PostgreSQL."""

from __future__ import annotations

import base64
import threading
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from gridkeeper.server import app as server_app
from gridkeeper.server import db
from gridkeeper.store import open_store
from gridkeeper.sync import crypto, office, protocol, remote
from gridkeeper.sync.crypto import DeviceKeys
from tests.sync.server_sim import ServerHost, ServerOffice
from tests.sync.simulation import dump_text, value
from tests.sync.test_sync_folder import add_person, edit


@pytest.fixture
def trio(tmp_path: Path, database: str | None) -> ServerOffice:
    o = ServerOffice.copied(tmp_path, 3, database)
    yield o  # type: ignore[misc]
    o.close()


def signed(client: remote.Client, method: str, target: str, body: bytes = b"") -> httpx.Response:
    """One request signed as `client` would, without its retries and words: the server's raw answer."""
    nonce = client.http.get(f"/v1/challenge?device={client.device}",
                            headers={protocol.H_PROTOCOL: "1"}).json()["nonce"]
    assert client.keys is not None
    return client.http.request(method, target, content=body or None, headers={
        protocol.H_PROTOCOL: "1", protocol.H_DEVICE: client.device, protocol.H_NONCE: nonce,
        protocol.H_SIGNATURE: crypto.b64(client.keys.sign(protocol.signed_text(method, target, nonce, body)))})


def client_of(o: ServerOffice, i: int) -> remote.Client:
    store = o.laptops[i]
    return remote.Client("https://testserver", o.host.http, store.device_id, office.device_keys(store), o.office)


def batch_rows(host: ServerHost) -> int:
    with host.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(db.batch)).scalar() or 0)


def test_laptops_converge_through_the_server(trio: ServerOffice) -> None:
    a, b, c = trio.laptops
    add_person(a, "p1", "张伟", "501")
    add_person(b, "p2", "李娜", "502")
    trio.sync_all()
    assert value(c, "SELECT count(*) FROM person") == 2
    assert len(set(trio.dumps())) == 1


def test_strangers_and_forgers_get_nothing(trio: ServerOffice) -> None:
    add_person(trio.laptops[0])
    trio.sync(0)
    member = client_of(trio, 1)
    target = f"/v1/offices/{trio.office}/changes?after=0&limit=500"
    assert signed(member, "GET", target).status_code == 200
    bare = trio.host.http.get(target, headers={protocol.H_PROTOCOL: "1"})
    assert bare.status_code == 401 and "items" not in bare.text
    stranger = remote.Client("https://testserver", trio.host.http, "stranger-laptop", DeviceKeys.generate(),
                             trio.office)
    assert signed(stranger, "GET", target).status_code == 401
    # A member's id with a stranger's key: the signature does not hold.
    impostor = remote.Client("https://testserver", trio.host.http, member.device, DeviceKeys.generate(), trio.office)
    answer = signed(impostor, "GET", target)
    assert answer.status_code == 401 and answer.json() == {"error": "signature"}
    # A signed request whose target was changed on the way (after=0 -> the same nonce, another query).
    nonce = trio.host.http.get(f"/v1/challenge?device={member.device}", headers={protocol.H_PROTOCOL: "1"}).json()
    assert member.keys is not None
    signature = crypto.b64(member.keys.sign(protocol.signed_text("GET", target, nonce["nonce"], b"")))
    moved = trio.host.http.get(target.replace("after=0", "after=1"), headers={
        protocol.H_PROTOCOL: "1", protocol.H_DEVICE: member.device, protocol.H_NONCE: nonce["nonce"],
        protocol.H_SIGNATURE: signature})
    assert moved.status_code == 401
    # Nobody may push under another laptop's name, even a member.
    own = min((remote.staging(trio.laptops[0]) / "gridkeeper" / trio.office / "devices" /
               trio.laptops[0].device_id / "changes").glob("*.gkb"))
    seq = int(own.name.split(".")[0])
    theirs = f"/v1/offices/{trio.office}/devices/{trio.laptops[0].device_id}/batches/{seq}"
    assert signed(member, "PUT", theirs, own.read_bytes()).status_code == 403


def test_a_revoked_laptop_is_refused_and_gets_nothing(trio: ServerOffice) -> None:
    a, _b, c = trio.laptops
    office.revoke(a, remote.staging(a), c.device_id)
    remote.publish(a, http=trio.host.http)
    add_person(a)
    assert trio.sync(0).status == "ok"
    result = trio.sync(2)
    assert result.status == "refused" and "removed from the office" in result.message
    assert value(c, "SELECT count(*) FROM person") == 0
    answer = signed(client_of(trio, 2), "GET", f"/v1/offices/{trio.office}/changes?after=0&limit=500")
    assert answer.status_code == 403 and "items" not in answer.text
    assert trio.sync(1).status == "ok" and value(trio.laptops[1], "SELECT count(*) FROM person") == 1


def test_a_push_sent_twice_is_stored_once(trio: ServerOffice) -> None:
    a = trio.laptops[0]
    add_person(a)
    trio.sync(0)
    own = max((remote.staging(a) / "gridkeeper" / trio.office / "devices" / a.device_id / "changes")
              .glob("*.gkb"))
    before = batch_rows(trio.host)
    target = f"/v1/offices/{trio.office}/devices/{a.device_id}/batches/{int(own.name[:12])}"
    for _ in range(2):
        answer = signed(client_of(trio, 0), "PUT", target, own.read_bytes())
        assert answer.status_code == 200 and answer.json() == {"stored": False}
    assert batch_rows(trio.host) == before
    # Other bytes under the same number, another range: refused, never overwritten.
    from gridkeeper.sync import engine, folder

    other = folder.Batch(a.device_id, 1, int(own.name[:12]), (folder.Change(
        "000001764236400000.00000", a.device_id, "person", "p9", "name", '"x"'),), "x", 0)
    answer = signed(client_of(trio, 0), "PUT", target, folder.seal_batch(other, engine._sealing(a)))
    assert answer.status_code in (200, 409)
    trio.sync_all()
    assert len(set(trio.dumps())) == 1


class Flaky(httpx.BaseTransport):
    """The network between a laptop and the server: the `fail`-th request is carried out by the server but
    its answer is lost (a dropped connection), optionally with the server restarted at that moment."""

    def __init__(self, host: ServerHost, fail: int, restart: bool = False) -> None:
        self.host, self.fail, self.restart, self.count = host, fail, restart, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        response = self.host.http._transport.handle_request(request)
        if self.count == self.fail:
            if self.restart:
                self.host.restart()
            raise httpx.RemoteProtocolError("connection dropped", request=request)
        return response


@pytest.mark.parametrize("restart", [False, True], ids=["dropped", "restarted"])
def test_a_sync_cut_off_at_any_request_is_finished_by_the_next(tmp_path: Path, database: str | None,
                                                               restart: bool) -> None:
    o = ServerOffice.copied(tmp_path, 2, database)
    host = o.host
    a, b = o.laptops
    try:
        add_person(a, "p1", "张伟", "501")
        o.sync(0)
        add_person(a, "p2", "李娜", "502")
        add_person(b, "p3", "王芳", "503")
        probe = Flaky(host, fail=0)
        remote.sync_server(a, http=httpx.Client(transport=probe, base_url="https://testserver"))
        for fail in range(1, probe.count + 1):
            cut = httpx.Client(transport=Flaky(host, fail, restart), base_url="https://testserver")
            result = remote.sync_server(a, http=cut)
            assert result.status in ("offline", "ok")
            edit(a, "UPDATE person SET note = :n WHERE id = 'p2'", n=f"note {fail}")
        o.sync_all()
        assert len(set(o.dumps())) == 1
        assert value(b, "SELECT note FROM person WHERE id = 'p2'") == f"note {probe.count}"
    finally:
        o.close()


def test_positions_commit_in_order_under_concurrent_pushes(trio: ServerOffice) -> None:
    """Four writers push at once while a reader pages; the reader misses nothing (no position it passed
    is committed later)."""
    host = trio.host
    server = host.server
    seen: list[int] = []
    stop = threading.Event()
    cursor = [0]

    def reader() -> None:
        while not stop.is_set() or cursor[0] < _head(host, trio.office):
            page = server_app._page(server, trio.office, "reader", cursor[0], 50)
            seen.extend(item["pos"] for item in page["items"])
            cursor[0] = page["next"]

    def writer(w: int) -> None:
        for n in range(25):
            header = {"seq": n + 1, "first_seq": n + 1, "prev": n}
            server_app._store_batch(server, trio.office, f"writer-{w}", header, f"{w}/{n}".encode())

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    read = threading.Thread(target=reader)
    read.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    read.join(timeout=60)
    with host.engine.connect() as conn:
        stored = sorted(conn.execute(select(db.batch.c.pos).where(db.batch.c.device.like("writer-%"))).scalars())
    assert len(stored) == 100
    assert sorted(p for p in seen if p in set(stored)) == stored  # every one seen, each once
    assert seen == sorted(seen)


def _head(host: ServerHost, office_id: str) -> int:
    with host.engine.connect() as conn:
        return int(conn.execute(select(db.office.c.pos).where(db.office.c.id == office_id)).scalar() or 0)


def test_a_server_restored_from_a_backup_loses_nothing(tmp_path: Path) -> None:
    host = ServerHost(tmp_path / "server")
    o = ServerOffice(tmp_path, 2, host)
    a, b = o.laptops
    try:
        add_person(a, "p1", "张伟", "501")
        o.sync_all()
        copy = db.backup_sqlite(host.engine, tmp_path / "backup" / "server.db")
        add_person(a, "p2", "李娜", "502")  # pushed after the backup: lost with the server
        assert o.sync(0).status == "ok"
        host.close()
        db.restore_sqlite(copy, host.folder)
        host.engine = db.connect(host.url)
        host.start()
        assert o.sync(1).status == "ok"  # a new generation: B pulls from the start, nothing twice
        assert o.sync(0).status == "ok"  # A sees its batch missing on the server and sends it again
        assert o.sync(1).status == "ok"
        assert value(b, "SELECT count(*) FROM person") == 2
        assert len(set(o.dumps())) == 1
    finally:
        for s in o.laptops:
            s.close()
        host.close()


def test_limits_version_health_and_metrics(tmp_path: Path) -> None:
    host = ServerHost(tmp_path / "server", limits=server_app.Limits(burst=4, rate=0.01, max_body=64 * 1024))
    o = ServerOffice.__new__(ServerOffice)
    try:
        assert host.http.get("/healthz").json()["status"] == "ok"
        made = host.create_office()
        laptop = open_store(tmp_path / "laptop")
        host.join(laptop, made.code)
        client = remote.Client("https://testserver", host.http, laptop.device_id, office.device_keys(laptop),
                               made.office)
        too_big = signed(client, "PUT", f"/v1/offices/{made.office}/devices/{laptop.device_id}/batches/1",
                         b"x" * (65 * 1024))
        assert too_big.status_code == 413
        statuses = [signed(client, "GET", f"/v1/offices/{made.office}/changes?after=0&limit=1").status_code
                    for _ in range(6)]
        assert statuses.count(429) >= 2 and statuses[0] == 200
        old = host.http.get("/v1/info", headers={protocol.H_PROTOCOL: "0"})
        assert old.status_code == 426 and old.json()["server"] == [1, 1]
        metrics = host.http.get("/metrics").text
        assert f'gridkeeper_devices{{office="{made.office}"}} 2' in metrics  # the server and the laptop
        assert "gridkeeper_device_lag_positions" in metrics and 'status="429"' in metrics
        laptop.close()
    finally:
        del o
        host.close()


def test_a_laptop_speaking_another_protocol_is_told_in_words(trio: ServerOffice) -> None:
    before = dump_text(trio.laptops[1])
    trio.host.server.protocols = (2, 3)  # a newer server that no longer speaks this laptop's protocol
    result = trio.sync(1)
    assert result.status == "refused" and "update GridKeeper on this laptop" in result.message
    trio.host.server.protocols = (0, 0)  # an older server
    result = trio.sync(1)
    assert result.status == "refused" and "the server needs updating" in result.message
    assert dump_text(trio.laptops[1]) == before


def test_a_wrong_certificate_stops_the_join_before_anything_is_sent(tmp_path: Path, host: ServerHost) -> None:
    from gridkeeper.server import tls

    made = host.create_office()
    laptop = open_store(tmp_path / "laptop")
    try:
        other_cert, _ = tls.ensure_certificate(tmp_path / "mitm")
        with pytest.raises(remote.ServerRefused) as refused:
            remote.join(laptop, "https://testserver", made.code, http=host.http, cert_pem=other_cert.read_text())
        assert "another certificate than the one the code vouches for" in refused.value.english()
        assert office.office_id(laptop) is None
        with host.engine.connect() as conn:  # no join request reached the server
            assert conn.execute(select(func.count()).select_from(db.office_file).where(
                db.office_file.c.path.like("requests/%"))).scalar() == 0
            assert conn.execute(select(func.count()).select_from(db.office_file).where(
                db.office_file.c.path.like("members/%"))).scalar() == 1
    finally:
        laptop.close()


def test_a_code_works_once_on_the_server(tmp_path: Path, host: ServerHost) -> None:
    made = host.create_office()
    first, second = open_store(tmp_path / "one"), open_store(tmp_path / "two")
    try:
        assert host.join(first, made.code)[1] is True
        with pytest.raises(remote.ServerRefused) as refused:
            host.join(second, made.code)
        assert "does not open an invitation" in refused.value.english()
    finally:
        first.close()
        second.close()


def test_nothing_on_the_server_reveals_personal_data(trio: ServerOffice) -> None:
    add_person(trio.laptops[0], "p1", "张伟")
    trio.sync_all()
    with trio.host.engine.connect() as conn:
        blobs = [r[0] for r in conn.execute(select(db.batch.c.data))] + [
            r[0] for r in conn.execute(select(db.office_file.c.data)) if r[0]]
    for blob in blobs:
        for text in ("张伟".encode(), base64.b64encode("张伟".encode()), "塘川".encode()):
            assert text not in blob
    assert dump_text(trio.laptops[2]).count("张伟") >= 1


def test_codes_cannot_be_tried_at_line_speed_and_buckets_stay_bounded(tmp_path: Path) -> None:
    host = ServerHost(tmp_path / "server", limits=server_app.Limits(burst=5, rate=0.01))
    try:
        made = host.create_office()
        answers = [host.http.get(f"/v1/invites/{'0' * 32}", headers={protocol.H_PROTOCOL: "1"}).status_code
                   for _ in range(8)]
        assert answers[:5] == [404] * 5 and answers[5:] == [429] * 3  # per client address, no key needed
        assert host.http.get(f"/v1/offices/{made.office}/invites/{'0' * 32}",
                             headers={protocol.H_PROTOCOL: "1"}).status_code == 429
        limits = server_app.Limits(burst=2, rate=1e12)  # full again at once: every older bucket is idle
        for n in range(server_app.MAX_BUCKETS + 50):
            limits.allow(f"ip/{n}")
        assert len(limits.buckets) <= server_app.MAX_BUCKETS
    finally:
        host.close()

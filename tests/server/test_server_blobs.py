"""Photos and scans through the server (server/blobs.py, sync/remote_blobs.py): a photo taken on one laptop is
shown on another, a blob tampered with on the server is refused, a revoked laptop gets nothing.
On SQLite and, when GRIDKEEPER_TEST_POSTGRES is set, on PostgreSQL."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from gridkeeper import attachments
from gridkeeper.server import db
from gridkeeper.store import blobs
from gridkeeper.sync import blobs as share_blobs
from gridkeeper.sync import office, protocol, remote
from tests.attachment_files import png
from tests.server.test_server_sync import client_of, signed
from tests.sync.server_sim import ServerOffice
from tests.walk_fixtures import Street, street


@pytest.fixture
def trio(tmp_path: Path, database: str | None) -> ServerOffice:
    o = ServerOffice.copied(tmp_path, 3, database)
    yield o  # type: ignore[misc]
    o.close()


def _stored(o: ServerOffice) -> dict[str, bytes]:
    with o.host.engine.connect() as conn:
        return {n: bytes(d) for n, d in conn.execute(select(db.blob.c.name, db.blob.c.data))}


def _attach(o: ServerOffice) -> tuple[Street, attachments.AttachmentRow, bytes]:
    st = street(o.laptops[0])
    photo = png(8, 8, seed=5)
    row = attachments.add(o.laptops[0], "household", st.household, photo, by="李娜")
    assert o.sync(0).pushed_blobs == 1
    return st, row, photo


def _seen(o: ServerOffice, i: int, st: Street) -> attachments.AttachmentRow:
    assert o.sync(i).status == "ok"
    (seen,) = attachments.of_entity(o.laptops[i], "household", st.household)
    return seen


def test_a_photo_taken_on_one_laptop_is_shown_on_another(trio: ServerOffice) -> None:
    st, row, photo = _attach(trio)
    held = _stored(trio)
    assert list(held) == [row.blob]  # uploaded after the batches, sealed: the server cannot read it
    assert photo not in held[row.blob] and hashlib.sha256(photo).hexdigest().encode() not in held[row.blob]
    other = trio.laptops[1]
    seen = _seen(trio, 1, st)
    assert not blobs.has(other.root, seen.blob)  # the sync brought the record, not the file
    assert attachments.content(other, seen, http=trio.host.http) == photo
    assert blobs.has(other.root, seen.blob)  # kept: the next look needs no server
    # The next syncs send nothing again: the server has it, and a blob is stored once.
    assert trio.sync(0).status == "ok" and trio.sync(1).status == "ok"
    with trio.host.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(db.blob)).scalar() == 1
    # Not uploaded yet (the server lost it, say): "not received", then there after the owner's next sync.
    with trio.host.engine.begin() as conn:
        conn.execute(db.blob.delete())
    third = trio.laptops[2]
    seen3 = _seen(trio, 2, st)
    with pytest.raises(attachments.NotReceived) as missing:
        attachments.content(third, seen3, http=trio.host.http)
    assert missing.value.reason == "missing"
    assert trio.sync(0).status == "ok" and list(_stored(trio)) == [row.blob]
    assert attachments.content(third, seen3, http=trio.host.http) == photo


def test_a_blob_tampered_with_on_the_server_is_refused(trio: ServerOffice) -> None:
    st, row, photo = _attach(trio)
    sealed = _stored(trio)[row.blob]
    flipped = sealed[:-20] + bytes([sealed[-20] ^ 1]) + sealed[-19:]
    with trio.host.engine.begin() as conn:
        conn.execute(update(db.blob).values(data=flipped))
    other = trio.laptops[1]
    seen = _seen(trio, 1, st)
    with pytest.raises(attachments.NotReceived) as held:
        attachments.content(other, seen, http=trio.host.http)
    assert held.value.reason == "decrypt" and not blobs.has(other.root, seen.blob)
    # Through the API a stored blob is never replaced, and the header must name this office and this blob.
    member = client_of(trio, 1)
    target = f"/v1/offices/{trio.office}/blobs/{row.blob}"
    assert signed(member, "PUT", target, sealed).status_code == 409
    other_name = "0" * 32
    answer = signed(member, "PUT", f"/v1/offices/{trio.office}/blobs/{other_name}", sealed)
    assert answer.status_code == 422 and answer.json() == {"error": "misplaced"}
    assert signed(member, "PUT", f"/v1/offices/{trio.office}/blobs/{other_name}", b"not a blob").status_code == 422
    too_big = b"x" * (share_blobs.MAX_SHARE_BYTES + 1)
    answer = signed(member, "PUT", f"/v1/offices/{trio.office}/blobs/{other_name}", too_big)
    assert answer.status_code == 413 and list(_stored(trio)) == [row.blob]
    # The server's copy repaired (an operator's restore): shown again at the next look.
    with trio.host.engine.begin() as conn:
        conn.execute(update(db.blob).values(data=sealed))
    assert attachments.content(other, seen, http=trio.host.http) == photo


def test_a_revoked_or_unknown_device_gets_no_blob(trio: ServerOffice) -> None:
    st, row, _photo = _attach(trio)
    admin, _b, c = trio.laptops
    seen = _seen(trio, 2, st)
    office.revoke(admin, remote.staging(admin), c.device_id)
    remote.publish(admin, http=trio.host.http)
    target = f"/v1/offices/{trio.office}/blobs/{row.blob}"
    sealed = _stored(trio)[row.blob]
    for path in (target, f"/v1/offices/{trio.office}/blobs"):
        answer = signed(client_of(trio, 2), "GET", path)
        assert answer.status_code == 403 and sealed not in answer.content and row.blob not in answer.text
    assert signed(client_of(trio, 2), "PUT", f"/v1/offices/{trio.office}/blobs/{'1' * 32}", sealed
                  ).status_code == 403
    with pytest.raises(attachments.NotReceived) as held:
        attachments.content(c, seen, http=trio.host.http)
    assert held.value.reason == "refused" and not blobs.has(c.root, seen.blob)
    bare = trio.host.http.get(target, headers={protocol.H_PROTOCOL: "1"})
    assert bare.status_code == 401 and sealed not in bare.content


def test_a_server_database_at_the_first_schema_gets_the_blob_table(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect, text

    engine = db.connect(db.default_url(tmp_path))
    config = Config()
    config.set_main_option("script_location", str(Path(db.__file__).with_name("migrations")))
    with db.writer(engine).begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "s0001")
    db.migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == db.HEAD == "s0002"
        assert "blob" in inspect(conn).get_table_names()
    engine.dispose()

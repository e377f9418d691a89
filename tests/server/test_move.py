"""Moving an office from a shared folder to a server, keeping everything: the server takes the share's
files as they are (again later for what laptops wrote there meanwhile), each laptop pins the server's
certificate by the fingerprint its operator gave and syncs through it; a laptop that joins afterwards
receives the whole office."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridkeeper.server import offices
from gridkeeper.store import open_store
from gridkeeper.sync import office, remote
from tests.sync.server_sim import ServerHost
from tests.sync.simulation import Office, dump_text, value
from tests.sync.test_sync_folder import add_person, edit


def test_an_office_moves_from_the_share_to_the_server_and_keeps_everything(tmp_path: Path) -> None:
    (tmp_path / "share-office").mkdir()
    shared = Office(tmp_path / "share-office", 2)
    a, b = shared.laptops
    host = ServerHost(tmp_path / "server")
    newcomer = open_store(tmp_path / "newcomer")
    try:
        add_person(a, "p1", "张伟", "501")
        shared.sync_all()
        moved = offices.import_share(host.engine, shared.share, "塘川街道")
        assert moved.office == office.office_id(a) and moved.batches >= 1 and moved.refused == ()
        with pytest.raises(remote.ServerRefused) as wrong:  # a fingerprint that is not the server's
            remote.move(a, "https://testserver", "00" * 32, http=host.http, cert_pem=host.cert_pem)
        assert "not the" in wrong.value.english() and remote.server_of(a) is None
        result = remote.move(a, "https://testserver", host.fingerprint, http=host.http, cert_pem=host.cert_pem)
        assert result.status == "ok" and result.pulled_changes == 0  # it had it all
        # B has not moved yet and writes to the share; the operator takes it in again.
        add_person(b, "p2", "李娜", "502")
        assert shared.sync(1).status == "ok"
        again = offices.import_share(host.engine, shared.share)
        assert again.batches == 1
        assert host.sync(a).status == "ok" and value(a, "SELECT count(*) FROM person") == 2
        # B writes once more to the share only, then moves: its first server sync sends what the server lacks.
        edit(b, "UPDATE person SET note = '独居' WHERE id = 'p1'")
        assert shared.sync(1).status == "ok"
        assert remote.move(b, "https://testserver", host.fingerprint, http=host.http,
                           cert_pem=host.cert_pem).status == "ok"
        assert host.sync(a).status == "ok" and value(a, "SELECT note FROM person WHERE id = 'p1'") == "独居"
        # A new laptop joins through the server with an admin laptop's code and receives the whole office.
        code = remote.invite(a, http=host.http).code
        assert host.join(newcomer, code)[1] is False
        assert host.sync(a).admitted == [newcomer.device_id]
        assert host.sync(newcomer).status == "ok"
        assert dump_text(newcomer) == dump_text(a) == dump_text(b)
    finally:
        newcomer.close()
        shared.close()
        host.close()

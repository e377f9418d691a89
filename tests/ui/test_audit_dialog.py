"""The audit log in the app: an admin (or a laptop in no office) reads who saw, exported or printed what."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from gridkeeper.places import audit
from gridkeeper.store import Store, open_store
from gridkeeper.sync import office
from gridkeeper.ui.audit_dialog import AuditDialog


def test_the_audit_log_lists_reveals_and_dumps_newest_first(qtbot: QtBot, demo_store: Store) -> None:
    with demo_store.read() as conn:
        person, name = conn.exec_driver_sql(
            "SELECT id, name FROM person WHERE phones != '[]' AND deleted = 0 LIMIT 1").one()
    audit.reveal(demo_store, "person", person, "phones")
    audit.record(demo_store, "dump", 843, "gridkeeper dump")
    dialog = AuditDialog(demo_store)
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(5)] for r in range(dialog.table.rowCount())]
    whats = [r[2] for r in rows]
    assert "Shown in full" in whats and "Dumped (every number)" in whats
    assert any(r[3] == name for r in rows if r[2] == "Shown in full")
    assert any(r[3] == "many persons" and r[4].startswith("843 persons") for r in rows)
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), reverse=True)


def test_only_an_admin_sees_the_audit_log_in_an_office(qtbot: QtBot, tmp_path: Path, share: Path) -> None:
    from tests.ui.windows import window

    admin, member = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    office.create(admin, share)
    office.join(member, share, office.invite(admin, share).code)
    try:
        for store, shown in ((admin, True), (member, False)):
            w = window(qtbot, store)
            assert (w.findChild(QAction, "auditAction") is not None) is shown
    finally:
        admin.close()
        member.close()

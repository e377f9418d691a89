"""Sync and conflict review driven as two cadres would, each on their own laptop, through one share."""

from __future__ import annotations

import json
import platform
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from gridkeeper import settings as cfg
from gridkeeper.places import profile
from gridkeeper.settings import Settings
from gridkeeper.store import Store, searchindex
from gridkeeper.store.models import Person
from gridkeeper.sync import engine, office
from gridkeeper.sync.engine import Held, Missing, SyncResult
from gridkeeper.ui.main_window import MainWindow
from gridkeeper.ui.sync.conflicts_page import ConflictsPage
from gridkeeper.ui.sync.page import SyncPanel
from tests.store.helpers import place
from tests.sync.simulation import enrol, value
from tests.ui.windows import window

pytestmark = pytest.mark.gui

MASKED_MOBILE = re.compile(r"^1\d{2}\*{4}\d{4}$")
CODE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")
REASONS = ("not_regular", "too_large", "timeout", "unreadable", "missing", "misplaced", "signature", "decrypt",
           "newer_format", "not_admitted", "revoked", "clock_ahead", "waiting", "unknown_schema")


def plural(text: str) -> str:
    """English plurals for counts other than 1, with or without the built en catalogue ("change(s)")."""
    return text.replace("(s)", "s")


def add_person(store: Store, pid: str = "p1", name: str = "张伟") -> str:
    where = place(store)
    with store.write() as s:
        s.add(Person(id=pid, household_id=where["household"], name=name, phones='["13812345678"]'))
    return where["household"]


def rename(store: Store, pid: str, name: str) -> None:
    with store.write() as s:
        person = s.get(Person, pid)
        assert person is not None
        person.name = name


def enrol_named(monkeypatch, share: Path, *laptops: tuple[Store, str, str]) -> None:  # type: ignore[no-untyped-def]
    """enrol() with a cadre and a laptop name for each (the first is the admin): what the members list shows."""
    for store, cadre, _host in laptops:
        profile.create_cadre(store, cadre)
    (admin, _, admin_host), *others = laptops
    with monkeypatch.context() as patch:
        patch.setattr(platform, "node", lambda: admin_host)
        office.create(admin, share)
        for store, _cadre, host in others:
            patch.setattr(platform, "node", lambda host=host: host)
            office.join(store, share, office.invite(admin, share).code)
    assert engine.sync_folder(admin, share).status == "ok"  # admits them


def sync_page(qtbot, w: MainWindow) -> SyncPanel:  # type: ignore[no-untyped-def]
    w.nav.setCurrentRow(w.pages.indexOf(w.sync_page))
    assert w.pages.currentWidget() is w.sync_page and w.nav.currentItem().text() == "Sync"
    return w.sync_page


def sync_through_page(qtbot, w: MainWindow, folder: Path) -> SyncPanel:  # type: ignore[no-untyped-def]
    page = sync_page(qtbot, w)
    page.folder.setText(str(folder))
    with qtbot.waitSignal(page.ended, timeout=10_000):
        page.sync_button.click()
    assert page.outcome is not None and page.outcome.result is not None
    assert page.outcome.result.status == "ok", page.outcome.result.message
    return page


def members_shown(page: SyncPanel) -> list[list[str]]:
    table = page.office_box.members
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


# -- syncing -------------------------------------------------------------------------


def test_a_household_travels_from_one_laptop_to_the_other(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol(share, a, b)
    household = add_person(a)
    first = window(qtbot, a)
    page = sync_through_page(qtbot, first, share)
    assert plural(page.report.text()) == "Sent 5 changes, received 0."  # 4 places and 1 person
    assert not page.running() and page.sync_button.isEnabled() and not page.progress.isVisible()
    assert Settings(a.root).get(cfg.SYNC_FOLDER) == str(share)  # remembered after a good sync
    assert plural(first.statusBar().currentMessage()) == "Sent 5 changes, received 0."

    second = window(qtbot, b)
    assert second.households.model.rowCount() == 0
    page = sync_through_page(qtbot, second, share)
    assert plural(page.report.text()).startswith("Sent 0 changes, received 5.")
    assert second.households.model.rowCount() == 1
    assert second.households.model.household_id(0) == household
    with b.read() as conn:  # the sync's job re-keyed what it received before the page searched again
        assert not searchindex.pending(conn)
    assert second.totals_label.text().startswith("1 household")
    assert SyncPanel(b, Settings(b.root)).folder.text() == str(share)  # shown next time


def test_the_office_folder_is_offered_before_any_sync(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol(share, a, b)
    assert Settings(b.root).get(cfg.SYNC_FOLDER) == ""
    page = SyncPanel(b, Settings(b.root))
    qtbot.addWidget(page)
    assert page.folder.text() == str(share.resolve())  # where it joined
    assert page.setup.isHidden() and not page.sync_box.isHidden() and not page.office_box.isHidden()


def test_a_conflict_is_reviewed_and_the_other_value_taken(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol(share, a, b)
    add_person(a)
    assert engine.sync_folder(a, share).status == "ok"
    assert engine.sync_folder(b, share).status == "ok"
    rename(a, "p1", "张玮")
    rename(b, "p1", "张炜")  # later: wins everywhere
    assert engine.sync_folder(a, share).status == "ok"
    w = window(qtbot, b)
    assert w.nav.item(w.pages.indexOf(w.conflicts)).text() == "Conflicts"
    result = engine.sync_folder(b, share)
    assert result.conflicts == 1
    w._after_sync(result)  # what the page's synced signal does
    assert w.nav.item(w.pages.indexOf(w.conflicts)).text() == "Conflicts (1)"
    assert "· 1 conflict" in w.sync_status.text()

    w.nav.setCurrentRow(w.pages.indexOf(w.conflicts))
    page = w.conflicts
    assert w.pages.currentWidget() is page
    row = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert row == ["张炜", row[1], "Name", "张炜", "张玮", "this laptop"] and row[1]  # which 张炜: the address
    assert page.table.isVisible() and not page.empty.isVisible()

    page.table.setFocus()
    page.table.selectRow(0)
    with qtbot.waitSignal(page.resolved, timeout=5000):
        page.take_button.click()
    assert value(b, "SELECT name FROM person WHERE id = 'p1'") == "张玮"
    assert page.table.rowCount() == 0
    assert page.empty.isVisible() and page.empty.text() == "No conflicts to review."
    assert page.status.text() == "Took 张玮 for Name of 张炜."
    assert not page.take_button.isEnabled()
    assert w.nav.item(w.pages.indexOf(w.conflicts)).text() == "Conflicts"
    assert "conflict" not in w.sync_status.text()  # refreshed after the resolve
    assert "1 change" in w.sync_status.text()  # the choice, to send

    # the choice is a normal change: it reaches the other laptop
    assert engine.sync_folder(b, share).status == "ok"
    assert engine.sync_folder(a, share).status == "ok"
    assert value(a, "SELECT name FROM person WHERE id = 'p1'") == "张玮"


def test_phone_conflicts_are_masked_and_kept(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol(share, a, b)
    add_person(a)
    assert engine.sync_folder(a, share).status == "ok"
    assert engine.sync_folder(b, share).status == "ok"
    with a.write() as s:
        person = s.get(Person, "p1")
        assert person is not None
        person.phones = json.dumps(["13900001111"])
    with b.write() as s:
        person = s.get(Person, "p1")
        assert person is not None
        person.phones = json.dumps(["13712345678", "13600002222"])
    assert engine.sync_folder(a, share).status == "ok"
    assert engine.sync_folder(b, share).conflicts == 1

    page = ConflictsPage(b)
    qtbot.addWidget(page)
    page.show()
    counts: list[int] = []
    page.count_changed.connect(counts.append)
    cells = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert cells[page.FIELD] == "Phones"
    for text in (cells[page.NOW], cells[page.OTHER]):
        assert all(MASKED_MOBILE.match(p) for p in text.split("、")), text
    assert "13712345678" not in "".join(cells) and "13900001111" not in "".join(cells)
    page.table.selectRow(0)
    assert "13712345678" not in page.details.text() and "13900001111" not in page.details.text()
    with qtbot.waitSignal(page.resolved, timeout=5000):
        page.keep_button.click()
    assert json.loads(str(value(b, "SELECT phones FROM person WHERE id = 'p1'"))) == ["13712345678", "13600002222"]
    assert counts == [0] and page.status.text().startswith("Kept 137****5678")


def test_a_conflict_says_which_person_who_wrote_each_value_and_reveals_numbers_audited(qtbot, laptops, share: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from gridkeeper.places import audit

    a, b = laptops
    enrol_named(monkeypatch, share, (a, "王芳", "PC-01"), (b, "李强", "PC-02"))
    add_person(a)
    with a.write() as s:
        person = s.get(Person, "p1")
        assert person is not None
        person.gender, person.birth_date = "F", date(1956, 3, 1)
    engine.sync_folder(a, share)
    engine.sync_folder(b, share)
    with a.write() as s:
        s.get(Person, "p1").phones = json.dumps(["13900001111"])  # type: ignore[union-attr]
    with b.write() as s:
        s.get(Person, "p1").phones = json.dumps(["13712345678"])  # type: ignore[union-attr]
    assert engine.sync_folder(a, share).status == "ok"
    assert engine.sync_folder(b, share).conflicts == 1
    page = ConflictsPage(b)
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(0)
    which = page.table.item(0, page.WHERE).text()
    assert which.endswith(", female, born 1956") and len(which) > len(", female, born 1956")  # the address first
    details = page.details.text()
    assert "Value now: 137****5678, written by this laptop at " in details
    assert "Other value: 139****1111, written by 王芳 (PC-01) at " in details
    assert "13712345678" not in details and "13900001111" not in details
    assert page.reveal_button.isVisible() and page.reveal_button.isEnabled()
    before = len(audit.entries(b))
    page.reveal_button.click()
    assert "Value now: 13712345678," in page.details.text() and "Other value: 13900001111," in page.details.text()
    logged = audit.entries(b)[: len(audit.entries(b)) - before]
    assert sorted((e.action, e.field, e.row_id, e.note) for e in logged) == [
        ("reveal", "phones", "p1", "conflict: other value"), ("reveal", "phones", "p1", "conflict: value now")]
    assert not page.reveal_button.isEnabled()  # shown once; the next refresh masks them again
    page.refresh()
    assert "13712345678" not in page.details.text()


def test_type_a_new_value(qtbot, laptops, share: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    a, b = laptops
    enrol(share, a, b)
    add_person(a)
    engine.sync_folder(a, share)
    engine.sync_folder(b, share)
    rename(a, "p1", "张玮")
    rename(b, "p1", "张炜")
    engine.sync_folder(a, share)
    engine.sync_folder(b, share)
    page = ConflictsPage(b)
    qtbot.addWidget(page)
    asked: list[str] = []

    def answer(_parent, _title, _label, _echo, prefill):  # type: ignore[no-untyped-def]
        asked.append(prefill)
        return "张伟", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    page.table.selectRow(0)
    with qtbot.waitSignal(page.resolved, timeout=5000):
        page.type_button.click()
    assert asked == ["张炜"]
    assert value(b, "SELECT name FROM person WHERE id = 'p1'") == "张伟"
    assert page.status.text() == "Set Name of 张炜 to 张伟."


def test_a_missing_folder_is_offline_without_syncing(qtbot, store: Store, share: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    office.create(store, share)
    called: list[object] = []

    def must_not_sync(*args: object, **kwargs: object) -> SyncResult:
        called.append(args)  # pytest.fail would be swallowed by the worker thread: record instead
        raise AssertionError("sync_folder must not be called for a missing folder")

    monkeypatch.setattr(engine, "sync_folder", must_not_sync)
    dialog = SyncPanel(store, Settings(store.root))
    qtbot.addWidget(dialog)
    dialog.show()
    synced: list[object] = []
    dialog.synced.connect(synced.append)
    missing = tmp_path / "not-mounted"
    dialog.folder.setText(str(missing))
    dialog.sync_button.click()
    qtbot.waitUntil(lambda: not dialog.running() and dialog.outcome is not None, timeout=5000)
    assert called == [] and synced == []
    assert dialog.report.text() == (
        f"The shared folder {missing} cannot be reached. Your data is safe on this laptop; "
        "sync again when you are back on the office network.")
    assert Settings(store.root).get(cfg.SYNC_FOLDER) == ""  # only a good sync is remembered
    assert dialog.sync_button.isEnabled()


def test_offline_text_is_translated(qtbot, store: Store, share: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui import i18n

    office.create(store, share)
    try:
        i18n.install(QApplication.instance(), "zh_CN")
        dialog = SyncPanel(store, Settings(store.root))
        qtbot.addWidget(dialog)
        dialog.folder.setText(str(tmp_path / "gone"))
        dialog.sync_button.click()
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=5000)
        assert dialog.report.text().startswith("无法访问共享文件夹")
    finally:
        i18n.install(QApplication.instance(), "en")


def test_engine_messages_are_translated(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from gridkeeper.sync.folder import ShareOffline
    from gridkeeper.ui import i18n

    dialog = SyncPanel(store, Settings(store.root))
    qtbot.addWidget(dialog)
    root = tmp_path / "share"
    offline = SyncResult(status="offline", message=ShareOffline(root, writing=True).english())
    refused = engine.sync_folder(store, root.parent)  # in no office: refused, with the error kept
    assert refused.status == "refused"
    try:
        i18n.install(QApplication.instance(), "zh_CN")
        assert dialog._message(offline, root).startswith(f"网格管家无法写入共享文件夹 {root}")
        assert dialog._message(refused, root).startswith("本机尚未加入任何单位")
    finally:
        i18n.install(QApplication.instance(), "en")
    assert dialog._message(refused, root) == refused.message
    busy = SyncResult(status="refused", message="Another sync of this profile is already running.")
    assert dialog._message(busy, root) == busy.message


# -- the first run: create or join -----------------------------------------------------------


def test_a_laptop_in_no_office_sees_how_to_set_up(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store)
    page = sync_page(qtbot, w)
    assert page.setup.isVisible() and not page.sync_box.isVisible() and not page.office_box.isVisible()
    assert page.setup.create_button.text() == "C&reate the office here"
    assert page.setup.join_button.text() == "&Join with the code"
    assert not page.sync_now(automatic=True) and page.report.text() == ""  # the timer says nothing
    w.sync()  # File > Sync: says what to do instead
    assert page.report.text().startswith("This laptop is not in an office yet")
    assert not page.running()


def test_create_the_office_here(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, _b = laptops
    add_person(a)
    w = window(qtbot, a)
    page = sync_page(qtbot, w)
    page.setup.create_button.click()  # no folder yet
    assert page.report.text() == "Choose the shared folder first." and not page.running()
    page.folder.setText(str(share))
    page.setup.office_name.setText("城南街道网格")
    with qtbot.waitSignal(page.ended, timeout=15_000):
        page.setup.create_button.click()
    assert office.office_id(a) and office.is_admin(a)
    lines = plural(page.report.text()).splitlines()
    assert lines[0] == (f"The office was created on {share}; this laptop is its admin. Give every other laptop "
                        "an enrolment code (New enrolment code, below) to join it.")
    assert lines[1] == "Sent 5 changes, received 0."  # the first sync put this laptop's data there
    assert page.setup.isHidden() and page.office_box.isVisible() and page.sync_box.isVisible()
    assert page.office_box.about.text() == "Office 城南街道网格. This laptop is an admin of the office."
    assert [row[1:] for row in members_shown(page)] == [
        [f"{platform.node()} (this laptop)", "admin", "in the office"]]
    assert page.office_box.invite_button.isVisible() and page.office_box.revoke_button.isVisible()
    assert Settings(a.root).get(cfg.SYNC_FOLDER) == str(share)
    assert w.sync_status.text().startswith("Synced ") and "share reachable" in w.sync_status.text()


def test_create_on_a_folder_that_is_not_there(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = SyncPanel(store, Settings(store.root))
    qtbot.addWidget(page)
    missing = tmp_path / "Z-drive"
    page.folder.setText(str(missing))
    with qtbot.waitSignal(page.ended, timeout=10_000):
        page.setup.create_button.click()
    assert page.report.text().startswith(f"The shared folder {missing} cannot be reached.")
    assert not missing.exists() and office.office_id(store) is None  # a mistyped path is not made
    assert not page.setup.isHidden() and page.setup.create_button.isEnabled()


def test_join_with_a_code(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    office.create(a, share)
    add_person(a)
    assert engine.sync_folder(a, share).status == "ok"
    code = office.invite(a, share).code

    w = window(qtbot, b)
    page = sync_page(qtbot, w)
    page.folder.setText(str(share))
    page.setup.code.setText(" " + code.replace("-", " ").lower() + " ")  # as read out over the phone
    with qtbot.waitSignal(page.ended, timeout=15_000):
        page.setup.join_button.click()
    assert office.office_id(b) == office.office_id(a)
    lines = plural(page.report.text()).splitlines()
    assert lines[0].startswith("This laptop joined the office. An admin's laptop admits it at its next sync;")
    assert lines[1] == "Sent 0 changes, received 5."
    assert w.households.model.rowCount() == 1  # the first sync's data, shown
    assert page.setup.isHidden() and page.office_box.isVisible()
    assert page.office_box.about.text() == (
        "This laptop has joined and waits to be admitted by an admin's laptop, at its next sync.")
    assert page.office_box.admin_only.isVisible() and not page.office_box.invite_button.isVisible()
    assert Settings(b.root).get(cfg.SYNC_FOLDER) == str(share)

    admin = window(qtbot, a)  # the admin's next sync admits it and says so
    page_a = sync_through_page(qtbot, admin, share)
    assert f"Admitted 1 new laptop to the office: {platform.node()}." in page_a.report.text().splitlines()
    assert len(members_shown(page_a)) == 2


def test_a_wrong_code_is_refused_in_words(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    office.create(a, share)
    page = SyncPanel(b, Settings(b.root))
    qtbot.addWidget(page)
    page.show()
    page.folder.setText(str(share))
    page.setup.code.setText("ACD-EFG")  # too short: said at once, nothing run
    assert not page.join_office(page.setup.code.text())
    assert plural(page.report.text()) == "An enrolment code has 12 letters and digits, like ABCD-EFGH-JKLM; this one has 6."
    page.setup.code.setText("")
    page.setup.join_button.click()
    assert page.report.text() == "Type the enrolment code the office's admin gave you."

    page.setup.code.setText("acde fghj kmnp")
    with qtbot.waitSignal(page.ended, timeout=15_000):
        page.setup.join_button.click()
    assert page.report.text() == (
        f"The enrolment code ACDE-FGHJ-KMNP does not open an invitation on the shared folder {share}: check the "
        "code and the folder, or ask the admin for a new code (a code works once, for 72 hours).")
    assert "Traceback" not in page.report.text()
    assert office.office_id(b) is None and page.setup.isVisible()
    assert page.setup.join_button.isEnabled()


def test_a_wrong_code_is_refused_in_chinese(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui import i18n

    a, b = laptops
    office.create(a, share)
    try:
        i18n.install(QApplication.instance(), "zh_CN")
        page = SyncPanel(b, Settings(b.root))
        qtbot.addWidget(page)
        page.folder.setText(str(share))
        page.setup.code.setText("ACDE-FGHJ-KMNP")
        with qtbot.waitSignal(page.ended, timeout=15_000):
            page.setup.join_button.click()
        assert page.report.text().startswith(f"邀请码 ACDE-FGHJ-KMNP 在共享文件夹 {share} 中找不到对应的邀请")
    finally:
        i18n.install(QApplication.instance(), "en")


# -- the office: members, codes, revoking ---------------------------------------------------------


def test_members_are_listed_by_cadre_and_laptop(qtbot, laptops, share: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol_named(monkeypatch, share, (a, "王芳", "PC-01"), (b, "李强", "PC-07"))
    page = SyncPanel(a, Settings(a.root))
    qtbot.addWidget(page)
    page.show()
    assert members_shown(page) == [["王芳", "PC-01 (this laptop)", "admin", "in the office"],
                                   ["李强", "PC-07", "member", "in the office"]]
    assert page.office_box.about.text() == "This laptop is an admin of the office."

    assert engine.sync_folder(b, share).status == "ok"  # a member sees itself admitted at its next sync
    member = SyncPanel(b, Settings(b.root))
    qtbot.addWidget(member)
    member.show()
    assert members_shown(member) == [["王芳", "PC-01", "admin", "in the office"],
                                     ["李强", "PC-07 (this laptop)", "member", "in the office"]]
    assert member.office_box.about.text() == "This laptop is a member of the office."
    assert not member.office_box.invite_button.isVisible() and not member.office_box.revoke_button.isVisible()
    assert member.office_box.admin_only.isVisible()


def test_an_admin_makes_an_enrolment_code(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol(share, a)
    w = window(qtbot, a)
    page = sync_page(qtbot, w)
    box = page.office_box
    assert not box.invite_panel.isVisible()
    with qtbot.waitSignal(page.ended, timeout=15_000):
        box.invite_button.click()
    assert page.invite is not None
    assert CODE.match(box.code_label.text()) and box.code_label.text() == page.invite.code
    assert box.invite_panel.isVisible()
    assert box.code_label.font().pointSizeF() > 1.5 * page.font().pointSizeF()  # large, to read out
    pixmap = box.qr_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() == pixmap.height() >= 100
    assert "It works once, for one laptop, until " in box.expires_label.text()
    assert page.report.text() == "A new enrolment code is shown below. Give it only to the cadre of the new laptop."

    office.join(b, share, box.code_label.text())  # the code shown is one that works
    with qtbot.waitSignal(page.ended, timeout=10_000):
        page.sync_button.click()
    assert not box.invite_panel.isVisible()  # used: not shown to be given again


def test_the_qr_code_reads_back_as_the_code() -> None:
    import segno

    from gridkeeper.ui.sync.qr import BORDER, qr_pixmap

    code = "ACDE-FGHJ-KMNP"
    pixmap = qr_pixmap(code, 200)
    modules = segno.make(code, error="m").symbol_size(border=BORDER)[0]
    assert pixmap.width() % modules == 0 and pixmap.width() // modules >= 2
    image = pixmap.toImage()
    scale = pixmap.width() // modules
    drawn = [[image.pixelColor(x * scale + scale // 2, y * scale + scale // 2).black() > 128
              for x in range(modules)] for y in range(modules)]
    expected = [[bool(v) for v in row] for row in segno.make(code, error="m").matrix_iter(scale=1, border=BORDER)]
    assert drawn == expected


def test_revoke_a_laptop_after_confirming(qtbot, laptops, share: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol_named(monkeypatch, share, (a, "王芳", "PC-01"), (b, "李强", "PC-07"))
    w = window(qtbot, a)
    page = sync_page(qtbot, w)
    box = page.office_box
    assert not box.revoke_button.isEnabled()  # nothing chosen
    assert box.select_device(a.device_id) and not box.revoke_button.isEnabled()  # not itself
    assert box.select_device(b.device_id) and box.revoke_button.isEnabled()

    asked: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *_: (asked.append(f"{title}|{text}"),
                                                                                   answers.pop(0))[1])
    box.revoke_button.click()  # Cancel: nothing happens
    assert len(asked) == 1 and not page.running() and office.members(a)[b.device_id].revoked_after is None
    title, text = asked[0].split("|", 1)
    assert title == "Revoke a laptop"
    assert text.startswith("Remove 李强 (PC-07) from the office?")
    assert "refuse the data it writes from now on" in text and "the office key is changed" in text

    with qtbot.waitSignal(page.ended, timeout=15_000):
        box.revoke_button.click()
    assert office.members(a)[b.device_id].revoked_after is not None
    assert page.report.text() == (
        "李强 (PC-07) was removed from the office. Every laptop refuses the data it writes from now on, and the "
        "office key was changed for the remaining laptops.")
    rows = members_shown(page)
    assert rows[1][:3] == ["李强", "PC-07", "member"] and rows[1][3].startswith("removed 20")
    assert not box.revoke_button.isEnabled()  # already removed

    refused = engine.sync_folder(b, share)  # the revoked laptop is told so, in words
    member = SyncPanel(b, Settings(b.root))
    qtbot.addWidget(member)
    assert member._message(refused, share) == (
        "This laptop was removed from the office by an admin. Nothing was synced; ask the office.")
    assert member.office_box.about.text() == "This laptop was removed from the office by an admin; it no longer syncs."


# -- held and missing batches, in words ---------------------------------------------------------


def test_every_reason_is_said_in_words(qtbot, laptops, share: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui import i18n

    a, b = laptops
    enrol_named(monkeypatch, share, (a, "王芳", "PC-01"), (b, "李强", "PC-07"))
    page = SyncPanel(a, Settings(a.root))
    qtbot.addWidget(page)
    for language in ("en", "zh_CN"):
        try:
            i18n.install(QApplication.instance(), language)
            lines = {reason: page.held_line(Held(b.device_id, 12, reason)) for reason in REASONS}
        finally:
            i18n.install(QApplication.instance(), "en")
        assert len(set(lines.values())) >= len(REASONS) - 1  # newer_format and unknown_schema say the same
        for reason, line in lines.items():
            assert b.device_id[:6] not in line, line
            if "_" in reason or language == "zh_CN":
                assert reason not in line, line  # "signature" is also a word
            if reason != "not_admitted":
                assert ("李强 (PC-07)" if language == "en" else "李强（PC-07）") in line, line
            if language == "zh_CN":
                assert not re.search(r"[A-Za-z]{3,}", line.replace("PC-07", "")), line  # no English left
    assert page.held_line(Held(b.device_id, 12, "signature")) == (
        "Batch no. 12 of 李强 (PC-07) has been damaged or tampered with (its signature does not match); "
        "it is not used.")
    try:
        i18n.install(QApplication.instance(), "zh_CN")
        assert page.held_line(Held(b.device_id, 12, "signature")) == (
            "李强（PC-07）的第12号批次数据已损坏或被篡改（签名不符），已不予使用。")
        assert page.words.missing(Missing(b.device_id, 12, 12), page.view.members, a.device_id) == (
            "李强（PC-07）的第12号修改在共享文件夹中缺失，等待它下次同步时补上。")
    finally:
        i18n.install(QApplication.instance(), "en")


def test_the_report_names_laptops_and_says_what_was_repaired(qtbot, laptops, share: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol_named(monkeypatch, share, (a, "王芳", "PC-01"), (b, "李强", "PC-07"))
    page = SyncPanel(a, Settings(a.root))
    qtbot.addWidget(page)
    result = SyncResult(pushed_changes=0, pulled_changes=5, conflicts=2, clock_behind_days=3, repaired_batches=2,
                        set_aside=["x.gkb"], admitted=[b.device_id],
                        held=[Held(b.device_id, 40, "unreadable"), Held("stranger", 1, "not_admitted")],
                        missing=[Missing(b.device_id, 12, 30)])
    assert [plural(line) for line in page.describe(result)] == [
        "Sent 0 changes, received 5. 2 conflicts to review.",
        "Admitted 1 new laptop to the office: 李强 (PC-07).",
        "• Changes no. 12 to 30 of 李强 (PC-07) are missing from the shared folder; waiting for that laptop's next "
        "sync, which writes them again.",
        "• Batch no. 40 of 李强 (PC-07) is damaged or incomplete; it is not used for now and is tried again at the "
        "next sync.",
        "• A new laptop has joined but no admin has admitted it yet; its changes are kept and used once an admin's "
        "laptop admits it at its next sync.",
        "This laptop wrote 2 batches of its own again, missing or damaged on the shared folder.",
        "Set aside, unused: 1 file in this laptop's place on the shared folder that it did not write.",
        "This laptop's clock is about 3 days behind; please correct it.",
    ]


def test_a_missing_batch_is_reported_then_written_again(qtbot, laptops, share: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol_named(monkeypatch, share, (a, "王芳", "PC-01"), (b, "李强", "PC-07"))
    add_person(b)
    assert engine.sync_folder(b, share).status == "ok"
    rename(b, "p1", "张玮")
    assert engine.sync_folder(b, share).status == "ok"
    batches = sorted((share / "gridkeeper").glob(f"*/devices/{b.device_id}/changes/*.gkb"))
    assert len(batches) == 2
    batches[0].unlink()  # lost on the share (a sync client, a colleague)

    admin = window(qtbot, a)
    page = sync_through_page(qtbot, admin, share)
    assert page.outcome is not None and page.outcome.result is not None
    [gap] = page.outcome.result.missing
    assert gap.device == b.device_id
    assert (f"• Changes no. {gap.from_seq} to {gap.to_seq} of 李强 (PC-07) are missing from the shared folder; "
            "waiting for that laptop's next sync, which writes them again.") in page.report.text().splitlines()
    assert "some data not received" in admin.sync_status.text()

    member = window(qtbot, b)  # its next sync writes the batch again, and says so
    page_b = sync_through_page(qtbot, member, share)
    assert "This laptop wrote 1 batch of its own again, missing or damaged on the shared folder." in (
        page_b.report.text().splitlines())

    batches[1].write_bytes(batches[1].read_bytes()[:-5] + b"XXXXX")  # tampered with: its signature fails
    page = sync_through_page(qtbot, admin, share)
    assert page.outcome is not None and page.outcome.result is not None
    assert not page.outcome.result.missing
    assert value(a, "SELECT name FROM person WHERE id = 'p1'") == "张伟"  # the first batch, written again
    [held] = page.outcome.result.held
    assert (f"• Batch no. {held.seq} of 李强 (PC-07) has been damaged or tampered with (its signature does not "
            "match); it is not used.") in page.report.text().splitlines()


def test_screenshots_in_chinese(qtbot, laptops, share: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui import i18n
    from gridkeeper.ui.app import _choose_font

    a, b = laptops
    app = QApplication.instance()
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese), "no Chinese font installed"
    try:
        assert i18n.install(app, "zh_CN") == "zh_CN"
        _choose_font(app)
        first = MainWindow(b, Settings(b.root), "zh_CN")  # in no office yet
        qtbot.addWidget(first)
        first.resize(1280, 800)
        first.show()
        first.nav.setCurrentRow(first.pages.indexOf(first.sync_page))
        first.sync_page.folder.setText(str(share))
        assert first.sync_page.setup.title() == "在本机设置同步"
        qtbot.waitUntil(lambda: "尚未加入单位" in first.sync_status.text(), timeout=2000)
        setup_shot = tmp_path / "sync-setup-zh.png"
        assert first.grab().save(str(setup_shot))

        enrol_named(monkeypatch, share, (a, "王芳", "PC-01"), (b, "李强", "PC-07"))
        w = MainWindow(a, Settings(a.root), "zh_CN")
        qtbot.addWidget(w)
        w.resize(1280, 800)
        w.show()
        page = sync_page_zh(w)
        with qtbot.waitSignal(page.ended, timeout=15_000):
            page.office_box.invite_button.click()
        page._show("\n".join(page.describe(SyncResult(
            pushed_changes=3, pulled_changes=12, repaired_batches=1,
            held=[Held(b.device_id, 340, "signature"), Held(b.device_id, 352, "clock_ahead")],
            missing=[Missing(b.device_id, 12, 12)]))))
        text = page.report.text()
        assert "李强（PC-07）的第12号修改在共享文件夹中缺失，等待它下次同步时补上。" in text
        assert "李强（PC-07）的第340号批次数据已损坏或被篡改" in text
        assert b.device_id[:8] not in text and "signature" not in text
        assert [page.office_box.members.horizontalHeaderItem(c).text() for c in range(4)] == [
            "网格员", "电脑", "身份", "状态"]
        qtbot.wait(50)  # the report's new height laid out
        office_shot = tmp_path / "sync-office-zh.png"
        assert w.grab().save(str(office_shot))
        assert setup_shot.stat().st_size > 10_000 and office_shot.stat().st_size > 10_000
    finally:
        i18n.install(app, "en")


def sync_page_zh(w: MainWindow) -> SyncPanel:
    w.nav.setCurrentRow(w.pages.indexOf(w.sync_page))
    assert w.nav.currentItem().text() == "同步"
    return w.sync_page

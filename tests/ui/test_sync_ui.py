"""Sync and conflict review driven as two cadres would, each on their own laptop, through one share."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from gridkeeper.store import Store, searchindex
from gridkeeper.store.models import Person
from gridkeeper.sync import engine
from gridkeeper.sync.engine import Held, SyncResult
from gridkeeper.ui.main_window import MainWindow
from gridkeeper.ui.sync.conflicts_page import ConflictsPage
from gridkeeper.ui.sync.page import SyncPanel
from tests.store.helpers import place
from tests.sync.simulation import value

pytestmark = pytest.mark.gui

MASKED_MOBILE = re.compile(r"^1\d{2}\*{4}\d{4}$")
from tests.ui.windows import window


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


def sync_through_page(qtbot, w: MainWindow, folder: Path) -> SyncPanel:  # type: ignore[no-untyped-def]
    w.nav.setCurrentRow(w.pages.indexOf(w.sync_page))
    page = w.sync_page
    assert w.pages.currentWidget() is page and w.nav.currentItem().text() == "Sync"
    page.folder.setText(str(folder))
    with qtbot.waitSignal(page.ended, timeout=10_000):
        page.sync_button.click()
    assert page.outcome is not None and page.outcome.result is not None
    assert page.outcome.result.status == "ok", page.outcome.result.message
    return page


def test_a_household_travels_from_one_laptop_to_the_other(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
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


def test_a_conflict_is_reviewed_and_the_other_value_taken(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
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
    assert row == ["张炜", "Name", "张炜", "张玮", "this laptop"]
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
    assert cells[1] == "Phones"
    for text in (cells[2], cells[3]):
        assert all(MASKED_MOBILE.match(p) for p in text.split("、")), text
    assert "13712345678" not in "".join(cells) and "13900001111" not in "".join(cells)
    page.table.selectRow(0)
    with qtbot.waitSignal(page.resolved, timeout=5000):
        page.keep_button.click()
    assert json.loads(str(value(b, "SELECT phones FROM person WHERE id = 'p1'"))) == ["13712345678", "13600002222"]
    assert counts == [0] and page.status.text().startswith("Kept 137****5678")


def test_type_a_new_value(qtbot, laptops, share: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    a, b = laptops
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


def test_a_missing_folder_is_offline_without_syncing(qtbot, store: Store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
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


def test_offline_text_is_translated(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui import i18n

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


def test_an_engine_offline_message_is_rebuilt_and_held_batches_are_told(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.sync.folder import ShareOffline

    dialog = SyncPanel(store, Settings(store.root))
    qtbot.addWidget(dialog)
    root = tmp_path / "share"
    offline = SyncResult(status="offline", message=ShareOffline(root, writing=True).english())
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui import i18n

    try:
        i18n.install(QApplication.instance(), "zh_CN")
        assert dialog._message(offline, root).startswith(f"网格管家无法写入共享文件夹 {root}")
    finally:
        i18n.install(QApplication.instance(), "en")
    refused = SyncResult(status="refused", message="Another sync of this profile is already running.")
    assert dialog._message(refused, root) == refused.message

    result = SyncResult(pushed_changes=0, pulled_changes=5, conflicts=2, clock_behind_days=3, held=[
        Held("dev-1", 4, "truncated"), Held("dev-2", 1, "newer_format"),
        Held("dev-3", 2, "clock_ahead"), Held("dev-4", 9, "waiting")])
    lines = [plural(line) for line in dialog.describe(result, {"dev-1": "王芳 (PC-07)", "dev-2": "李强", "dev-3": "PC-9", "dev-4": "赵敏"})]
    assert lines == [
        "Sent 0 changes, received 5. 2 conflicts to review.",
        "• A batch from laptop 王芳 (PC-07) is damaged or incomplete; it is kept and retried next time.",
        "• Laptop 李强 uses a newer GridKeeper; update this laptop to receive its changes.",
        "• The clock of laptop PC-9 is more than a day ahead; its changes wait until its clock is corrected.",
        "• Changes from laptop 赵敏 wait for changes from another laptop.",
        "This laptop's clock is about 3 days behind; please correct it.",
    ]

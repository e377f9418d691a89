"""The sync indicator in the status bar, the Sync page from File > Sync, and the automatic sync."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from gridkeeper.store import Store
from gridkeeper.store.models import Person
from gridkeeper.sync import engine, office
from gridkeeper.sync.engine import Held, SyncResult, SyncStatus
from gridkeeper.ui.sync.status import SyncStatusLabel
from tests.store.helpers import place
from tests.sync.simulation import enrol

pytestmark = pytest.mark.gui
from tests.ui.windows import window


def counted(text: str) -> str:
    """English plural forms whether or not the en catalogue has the string yet ("1 conflict(s)")."""
    return re.sub(r"\b(\d+) (\w+)\(s\)", lambda m: f"{m[1]} {m[2]}{'' if m[1] == '1' else 's'}", text)


def add_person(store: Store, pid: str = "p1", name: str = "张伟") -> None:
    where = place(store)
    with store.write() as s:
        s.add(Person(id=pid, household_id=where["household"], name=name))


def synced_at(store: Store) -> str:
    last = engine.status(store).last_sync
    assert last is not None
    return last.astimezone().strftime("%H:%M")


def test_the_indicator_before_and_after_a_sync(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, _b = laptops
    add_person(a)  # 4 places and 1 person
    w = window(qtbot, a)
    qtbot.waitUntil(lambda: bool(w.sync_status.text()), timeout=2000)  # counted just after the first paint
    # in no office, no folder: nothing about a share
    assert counted(w.sync_status.text()) == "Not in an office yet · 5 changes to send"
    assert w.sync_status.toolTip() == (
        "This laptop is not in an office yet. Click to create or join one on the Sync page.")
    assert w.sync_page.state.text() == w.sync_status.text()  # the page says the same

    w.nav.setCurrentRow(w.pages.indexOf(w.sync_page))
    w.sync_page.folder.setText(str(share))
    with qtbot.waitSignal(w.sync_page.ended, timeout=15_000):
        w.sync_page.setup.create_button.click()  # the office, then its first sync
    assert w.sync_status.in_office()
    assert w.sync_status.text() == f"Synced {synced_at(a)} · nothing to send · share reachable"
    assert w.sync_page.state.text() == w.sync_status.text()

    with a.write() as s:
        person = s.get(Person, "p1")
        assert person is not None
        person.name = "张玮"
    w.sync_status.tick()  # what the minute's timer does
    assert counted(w.sync_status.text()) == f"Synced {synced_at(a)} · 1 change to send · share reachable"


def test_an_unreachable_share_is_said_and_found_again(qtbot, store: Store, share: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office.create(store, share)
    folder = tmp_path / "not-mounted"
    Settings(store.root).set(cfg.SYNC_FOLDER, str(folder))
    w = window(qtbot, store)
    label = w.sync_status
    qtbot.waitUntil(lambda: not label.checking(), timeout=5000)  # the first look, made in a job
    assert label.text() == "Never synced · nothing to send · share not reachable"
    assert label.timer.isActive() and label.timer.interval() == 60_000

    folder.mkdir()  # back on the office network
    label.tick()
    qtbot.waitUntil(lambda: not label.checking(), timeout=5000)
    assert label.text() == "Never synced · nothing to send · share reachable"


def test_the_office_folder_is_looked_at_before_any_sync(qtbot, store: Store, share: Path) -> None:  # type: ignore[no-untyped-def]
    office.create(store, share)  # no folder saved yet: the office's is the one to look at
    w = window(qtbot, store)
    label = w.sync_status
    assert label.folder() == str(share.resolve())
    qtbot.waitUntil(lambda: label.reachable() is True, timeout=5000)
    assert label.text() == "Never synced · nothing to send · share reachable"


def test_a_sync_that_held_data_back_is_said(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, _b = laptops
    enrol(share, a)
    label = SyncStatusLabel(a, Settings(a.root))
    qtbot.addWidget(label)
    assert engine.sync_folder(a, share).status == "ok"
    label.set_result(SyncResult(held=[Held("dev-2", 4, "signature")]))
    assert label.text().startswith(f"Synced {synced_at(a)} · nothing to send · some data not received")
    label.set_result(SyncResult(status="offline"))  # says nothing of what was received
    assert "some data not received" in label.text()
    label.set_result(SyncResult())
    assert "some data not received" not in label.text()


def test_an_old_sync_shows_its_date(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2025, 3, 10, 12, 0, tzinfo=timezone.utc)
    label = SyncStatusLabel(store, Settings(store.root), now=lambda: now)
    qtbot.addWidget(label)
    today = SyncStatus(now - timedelta(minutes=5), 0, 2)
    week_ago = SyncStatus(now - timedelta(days=7), 3, 0)
    local = (now - timedelta(days=7)).astimezone()
    assert counted(label.describe(today, None)) == (
        f"Synced {(now - timedelta(minutes=5)).astimezone():%H:%M} · nothing to send · 2 conflicts")
    assert counted(label.describe(week_ago, False)) == (
        f"Synced {local:%Y-%m-%d %H:%M} · 3 changes to send · share not reachable")
    assert counted(label.describe(week_ago, True, in_office=False)) == (
        "Not in an office yet · 3 changes to send · share reachable")
    assert counted(label.describe(today, None, incomplete=True)) == (
        f"Synced {(now - timedelta(minutes=5)).astimezone():%H:%M} · nothing to send · 2 conflicts · "
        "some data not received")


def test_big_counts_are_grouped_and_the_status_texts_kept_apart(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    label = SyncStatusLabel(store, Settings(store.root))
    qtbot.addWidget(label)
    assert "291,470 change" in label.describe(SyncStatus(None, 291470, 0), None)  # like "30,000 households"
    w = window(qtbot, store)
    bar = [c for c in w.statusBar().findChildren(QWidget) if c.isVisible() and c.parent() is w.statusBar()]
    texts = [w.sync_status, w.user_label, w.totals_label, w.profile_label]
    order = sorted((c for c in bar if c in texts or c.objectName() == "statusDivider"), key=lambda c: c.x())
    names = ["|" if c.objectName() == "statusDivider" else "text" for c in order]
    assert names == ["text", "|", "text", "|", "text", "|", "text"]  # a line between every two texts


def test_clicking_the_indicator_opens_the_sync_page(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store)
    assert w.pages.currentWidget() is w.today  # the morning page opens first
    qtbot.mouseClick(w.sync_status, Qt.MouseButton.LeftButton)
    assert w.pages.currentWidget() is w.sync_page and w.nav.currentRow() == w.pages.indexOf(w.sync_page)


def test_file_sync_goes_to_the_page_and_syncs(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, _b = laptops
    w = window(qtbot, a)
    action = next(x for m in w.menuBar().actions() for x in m.menu().actions() if x.objectName() == "syncAction")
    assert action.shortcut().toString() == "Ctrl+S"

    action.trigger()  # in no office yet: the page, saying how to set up
    assert w.pages.currentWidget() is w.sync_page
    assert not w.sync_page.running() and w.sync_page.report.text().startswith("This laptop is not in an office yet")

    enrol(share, a)
    w = window(qtbot, a)
    assert w.sync_page.folder.text() == str(share.resolve())  # the office's folder, ready
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(w.sync_page.ended, timeout=10_000):
        qtbot.keyClick(w.households.search, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert w.pages.currentWidget() is w.sync_page
    assert w.sync_page.outcome is not None and w.sync_page.outcome.result is not None
    assert w.sync_page.outcome.result.status == "ok"


def test_the_automatic_sync_runs_on_its_timer(qtbot, laptops, share: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    enrol(share, a, b)
    add_person(a)
    for store in (a, b):
        Settings(store.root).set(cfg.SYNC_FOLDER, str(share))
    first = window(qtbot, a)
    assert not first.auto_sync.isActive()  # 0: off
    first.sync_page.auto_minutes.setValue(1)
    assert Settings(a.root).get(cfg.AUTO_SYNC_MINUTES) == 1
    assert first.auto_sync.isActive() and first.auto_sync.interval() == 60_000
    with qtbot.waitSignal(first.sync_page.ended, timeout=10_000):
        first.auto_sync.timeout.emit()  # instead of waiting a minute
    assert counted(first.statusBar().currentMessage()) == "Automatic sync: Sent 5 changes, received 0."
    assert first.pages.currentWidget() is first.today  # nothing pops up, the page stays
    assert first.sync_status.text() == f"Synced {synced_at(a)} · nothing to send · share reachable"

    Settings(b.root).set(cfg.AUTO_SYNC_MINUTES, 1)
    second = window(qtbot, b)
    assert second.sync_page.auto_minutes.value() == 1 and second.auto_sync.isActive()
    assert second.households.model.rowCount() == 0
    with qtbot.waitSignal(second.sync_page.ended, timeout=10_000):
        second.auto_sync.timeout.emit()
    assert second.households.model.rowCount() == 1
    assert counted(second.statusBar().currentMessage()) == "Automatic sync: Sent 0 changes, received 5."

    second.sync_page.auto_minutes.setValue(0)
    assert not second.auto_sync.isActive() and Settings(b.root).get(cfg.AUTO_SYNC_MINUTES) == 0


def test_the_automatic_sync_waits_quietly_for_the_share(qtbot, store: Store, share: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office.create(store, share)
    folder = tmp_path / "not-mounted"
    settings = Settings(store.root)
    settings.set(cfg.SYNC_FOLDER, str(folder))
    settings.set(cfg.AUTO_SYNC_MINUTES, 5)
    w = window(qtbot, store)
    synced: list[object] = []
    w.sync_page.synced.connect(synced.append)
    with qtbot.waitSignal(w.sync_page.ended, timeout=10_000):
        w.auto_sync.timeout.emit()
    assert synced == []  # the job looked for the folder and did not ask the engine
    assert w.statusBar().currentMessage() == ""
    assert w.sync_status.text().endswith("share not reachable")


def test_the_automatic_sync_waits_quietly_for_an_office(qtbot, store: Store, share: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(store.root)
    settings.set(cfg.SYNC_FOLDER, str(share))  # an old design's folder, no office yet
    settings.set(cfg.AUTO_SYNC_MINUTES, 5)
    w = window(qtbot, store)
    ended: list[str] = []
    w.sync_page.ended.connect(ended.append)
    w.auto_sync.timeout.emit()
    assert not w.sync_page.running() and ended == []  # nothing run, nothing said on the page or the status bar
    assert w.sync_page.report.text() == "" and w.statusBar().currentMessage() == ""
    qtbot.waitUntil(lambda: w.sync_status.text().startswith("Not in an office yet · nothing to send"), timeout=2000)


def test_auto_sync_minutes_are_bounded() -> None:
    setting = cfg.AUTO_SYNC_MINUTES
    assert setting.default == 0 and setting.bounds == (0, 240)
    assert all(setting.allows(v) for v in (0, 1, 240))
    assert not any(setting.allows(v) for v in (-1, 241, True, "5", 1.5))


def test_a_bad_auto_sync_value_falls_back_to_off(tmp_path: Path) -> None:
    import json

    settings = Settings(tmp_path)
    settings.set(cfg.AUTO_SYNC_MINUTES, 30)
    assert Settings(tmp_path).get(cfg.AUTO_SYNC_MINUTES) == 30
    path = next(tmp_path.rglob("settings.json"))
    path.write_text(json.dumps({"auto_sync_minutes": 10_000}), encoding="utf-8")
    assert Settings(tmp_path).get(cfg.AUTO_SYNC_MINUTES) == 0
    with pytest.raises(ValueError):
        settings.set(cfg.AUTO_SYNC_MINUTES, 241)

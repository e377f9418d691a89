"""The sync indicator in the status bar: last sync, changes to send, open conflicts, the share.

A laptop in no office says so (it cannot sync until it creates or joins one
on the Sync page); one whose last sync held batches back or found some
missing says that too, until a sync receives everything. The counts are read
from the profile (a few milliseconds). Whether the shared
folder is there is asked off the UI thread, once a minute and one look at a
time: a network path that has gone away can hang for as long as the system
likes before it answers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from gridkeeper import clock
from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from gridkeeper.store import Store
from gridkeeper.sync import engine, office
from gridkeeper.sync.engine import SyncResult, SyncStatus
from gridkeeper.ui.sync.page import run_detached
from gridkeeper.ui.worker import Cancelled, Job, Progress

CHECK_MS = 60_000
SEPARATOR = " · "


def _utc_now() -> datetime:
    return clock.utcnow()


def look_for_share(folder: str, _progress: Progress, _cancelled: Cancelled) -> tuple[str, bool]:
    """The job: (the folder, whether it is a folder we can see). May block on a network path.
    A server's address: whether its port answers (no request, no credentials)."""
    if folder.lower().startswith(("https://", "http://")):
        import socket
        from urllib.parse import urlsplit

        parts = urlsplit(folder)
        try:
            socket.create_connection((parts.hostname or "", parts.port or 443), timeout=5).close()
            return folder, True
        except (OSError, ValueError):
            return folder, False
    try:
        return folder, Path(folder).is_dir()
    except OSError:
        return folder, False



def divider() -> QFrame:
    """A thin line between two texts in the status bar."""
    line = QFrame()
    line.setObjectName("statusDivider")
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line

class SyncStatusLabel(QLabel):
    """Click it to open the Sync page. `changed` repeats its text for the page."""

    clicked = Signal()
    changed = Signal(str)

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None, *,
                 now: Callable[[], datetime] = _utc_now, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self._store = store
        self._settings = settings
        self._now = now
        self._share: tuple[str, bool] | None = None  # the folder last looked at, and whether it was there
        self._look: Job | None = None
        self._syncing = False
        self._incomplete = False  # the last sync here held batches back or found some missing
        self._office, self._office_folder = self._read_office()
        self.status: SyncStatus | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        gap = self.fontMetrics().horizontalAdvance("国")
        self.setContentsMargins(gap // 2, 0, gap, 0)  # apart from the user's name next to it
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        # Counted right after the window is painted, not before: a street profile's
        # change log takes ~40 ms to count, and the window should appear first.
        QTimer.singleShot(0, self.refresh)
        self.check_share()

    # -- what it knows -------------------------------------------------------

    def _read_office(self) -> tuple[bool, str]:
        """Whether this laptop is in an office, and the folder it was made or joined on (two small reads)."""
        from gridkeeper.sync import remote

        pinned = remote.server_of(self._store)
        where = pinned.url if pinned else office.folder(self._store)
        return office.office_id(self._store) is not None, str(where) if where else ""

    def folder(self) -> str:
        """The folder synced with last, else the office's."""
        return self._settings.get(cfg.SYNC_FOLDER).strip() or self._office_folder

    def in_office(self) -> bool:
        return self._office

    def reachable(self) -> bool | None:
        """None: no folder set, or not looked at yet."""
        folder = self.folder()
        if not folder or self._share is None or self._share[0] != folder:
            return None
        return self._share[1]

    def checking(self) -> bool:
        return self._look is not None

    def set_reachable(self, folder: str, reachable: bool) -> None:
        """A sync has just found out (it looked at the folder itself)."""
        self._share = (folder, reachable)
        self.refresh()

    def set_syncing(self, syncing: bool) -> None:
        self._syncing = syncing
        self.refresh()

    def set_result(self, result: SyncResult) -> None:
        """A sync has ended: whether it received everything there was (offline and refused ones say nothing)."""
        if result.status == "ok":
            self._incomplete = bool(result.held or result.missing)
        self.refresh()

    def office_changed(self) -> None:
        """This laptop created, joined or changed its office on the Sync page."""
        self._office, self._office_folder = self._read_office()
        self.refresh()
        self.check_share()

    # -- keeping up to date --------------------------------------------------

    def tick(self) -> None:
        self.refresh()
        self.check_share()

    def check_share(self) -> None:
        """Look for the folder in a job; a look still hanging is not doubled."""
        folder = self.folder()
        if not folder or self._look is not None:
            return
        job = Job(partial(look_for_share, folder))
        job.finished.connect(self._looked)
        job.failed.connect(self._look_failed)
        self._look = job
        run_detached(job, QThreadPool.globalInstance())  # not database work: never queued behind a sync

    def _looked(self, answer: tuple[str, bool]) -> None:
        self._look = None
        self.set_reachable(*answer)

    def _look_failed(self, _message: str) -> None:
        self._look = None

    def refresh(self) -> None:
        self.status = engine.status(self._store)
        text = self.describe(self.status, self.reachable(), in_office=self._office, incomplete=self._incomplete)
        self.setText(text)
        # Not squeezed by the labels beside it (a long profile path): this one says what to do.
        self.setMinimumWidth(self.sizeHint().width())
        if not self._office:
            self.setToolTip(self.tr("This laptop is not in an office yet. Click to create or join one on the Sync "
                                    "page."))
        elif self.status.last_sync is None:
            self.setToolTip(self.tr("Click to open the Sync page."))
        else:
            when = self.status.last_sync.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            self.setToolTip(self.tr("Last sync: {when}. Click to open the Sync page.").format(when=when))
        self.changed.emit(text)

    # -- words ---------------------------------------------------------------

    def describe(self, status: SyncStatus, reachable: bool | None, *, in_office: bool = True,
                 incomplete: bool = False) -> str:
        """'Synced 10:42 · 3 changes to send · 1 conflict · share reachable' (local time)."""
        if self._syncing:
            parts = [self.tr("Syncing…")]
        elif not in_office:
            parts = [self.tr("Not in an office yet")]
        elif status.last_sync is None:
            parts = [self.tr("Never synced")]
        else:
            parts = [self.tr("Synced {when}").format(when=self.when(status.last_sync))]
        if status.pending_changes:
            parts.append(self.tr("%Ln change(s) to send", "", status.pending_changes))
        else:
            parts.append(self.tr("nothing to send"))
        if status.open_conflicts:
            parts.append(self.tr("%Ln conflict(s)", "", status.open_conflicts))
        if incomplete and in_office:
            parts.append(self.tr("some data not received"))
        server = self.folder().lower().startswith(("https://", "http://"))
        if reachable is True:
            parts.append(self.tr("server reachable") if server else self.tr("share reachable"))
        elif reachable is False:
            parts.append(self.tr("server not reachable") if server else self.tr("share not reachable"))
        return SEPARATOR.join(parts)

    def when(self, moment: datetime) -> str:
        """The time alone today, the date too before today: a week-old "10:42" would mislead."""
        local = moment.astimezone()
        if local.date() == self._now().astimezone().date():
            return local.strftime("%H:%M")
        return local.strftime("%Y-%m-%d %H:%M")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

"""The Sync page: choose the shared folder, sync in a worker, say in words what happened.

`SyncPanel` is the page (the modal dialog it once lived in is gone: a page lets
a sync run while the cadre goes on working, and is where the automatic sync
shows its progress). The engine's messages are English (it has no Qt). The two
"offline" ones are rebuilt here from the folder we passed in, so they reach the
user translated; others are shown as the engine wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import settings as cfg
from gridkeeper.errors import GridKeeperError
from gridkeeper.places import households
from gridkeeper.settings import Settings
from gridkeeper.store import Store
from gridkeeper.sync import engine
from gridkeeper.sync.engine import Held, SyncResult
from gridkeeper.sync.folder import FolderShare, ShareOffline
from gridkeeper.ui.worker import Job, database_pool

DAMAGED = ("checksum", "truncated", "unreadable")
NEWER = ("newer_format", "unknown_schema")


@dataclass
class Outcome:
    """What the worker found: the engine's result (None: the folder was not there) and laptop names."""

    result: SyncResult | None
    laptops: dict[str, str] = field(default_factory=dict)


def _laptop_names(root: Path, result: SyncResult) -> dict[str, str]:
    """Device id -> "王芳 (PC-07)" from the share's device.json, for the held batches only."""
    names: dict[str, str] = {}
    if not result.dataset:
        return names
    share = FolderShare(root)
    for held in result.held:
        try:
            info = share.device_info(result.dataset, held.device)
        except (GridKeeperError, OSError, ValueError):
            info = {}
        cadre, host = info.get("cadre", "").strip(), info.get("name", "").strip()
        names[held.device] = f"{cadre} ({host})" if cadre and host else cadre or host or held.device[:8]
    return names


def run_sync(store: Store, root: Path, progress: Any) -> Outcome:
    """The worker's part: look for the folder first (a missing share is not worth a sync), then sync."""
    try:
        reachable = root.is_dir()
    except OSError:
        reachable = False
    if not reachable:
        return Outcome(None)
    result = engine.sync_folder(store, root, progress)
    progress(90, "search index")
    households.update_search_index(store)  # search is right meanwhile, only slower
    return Outcome(result, _laptop_names(root, result))


class _Keeper(QObject):
    """Holds jobs that have no parent until they have ended.

    A sync must outlive the page that started it: the window is rebuilt when the
    language changes, and a Job deleted while its function runs takes the
    function's Python objects with it under the pool thread.
    """

    def __init__(self) -> None:
        super().__init__()
        self.jobs: set[Job] = set()

    def hold(self, job: Job) -> None:
        self.jobs.add(job)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)

    @Slot(object)
    def _finished(self, _result: object) -> None:
        self._release()

    @Slot(str)
    def _failed(self, _message: str) -> None:
        self._release()

    def _release(self) -> None:
        job = self.sender()
        if isinstance(job, Job) and job in self.jobs:
            self.jobs.discard(job)
            job.deleteLater()


_keeper: _Keeper | None = None


def run_detached(job: Job, pool: QThreadPool) -> None:
    """Start a parentless job and keep it until it ends; connect its signals first."""
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    _keeper.hold(job)
    job.start(pool)


class SyncPanel(QWidget):
    """The Sync page. Runs one sync at a time, started by a click or by the main window's timer."""

    synced = Signal(object)  # SyncResult, after every sync the engine ran (ok, offline or refused)
    share_checked = Signal(str, bool)  # the folder a run used, and whether it was there
    ended = Signal(str)  # after every run: one sentence for the status bar, "" when the page says it all
    busy_changed = Signal(bool)
    auto_minutes_changed = Signal(int)

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._job: Job | None = None
        self._root: Path | None = None
        self.automatic = False  # the run going on (or the last one) was started by the timer
        self.outcome: Outcome | None = None

        intro = QLabel(self.tr(
            "Changes travel between laptops through a shared folder on the office network. Each laptop "
            "writes only its own files there; nothing on this laptop is lost if the sync is cut off."))
        intro.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("state")
        self.state.setWordWrap(True)
        self.folder = QLineEdit(settings.get(cfg.SYNC_FOLDER))
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(self.tr("For example \\\\server\\share or Z:\\gridkeeper"))
        self.folder.setClearButtonEnabled(True)
        folder_label = QLabel(self.tr("Shared &folder:"))
        folder_label.setBuddy(self.folder)
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.setObjectName("choose")
        self.choose_button.clicked.connect(self.choose)
        self.auto_minutes = QSpinBox()
        self.auto_minutes.setObjectName("autoMinutes")
        low, high = cfg.AUTO_SYNC_MINUTES.bounds or (0, 240)
        self.auto_minutes.setRange(low, high)
        self.auto_minutes.setSpecialValueText(self.tr("off"))
        self.auto_minutes.setValue(settings.get(cfg.AUTO_SYNC_MINUTES))
        self.auto_minutes.setToolTip(self.tr("Only while the shared folder can be reached; "
                                             "the result shows in the status bar"))
        self.auto_minutes.valueChanged.connect(self._auto_minutes_set)
        auto_label = QLabel(QCoreApplication.translate("settings", cfg.AUTO_SYNC_MINUTES.label))
        auto_label.setBuddy(self.auto_minutes)
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self._sync_clicked)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.step = QLabel()
        self.step.setObjectName("step")
        self.report = QLabel()
        self.report.setObjectName("report")
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report.setMinimumHeight(self.fontMetrics().height() * 4)
        self.report.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        row = QHBoxLayout()
        row.addWidget(folder_label)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        auto = QHBoxLayout()
        auto.addWidget(auto_label)
        auto.addWidget(self.auto_minutes)
        auto.addStretch(1)
        action = QHBoxLayout()
        action.addWidget(self.sync_button)
        action.addWidget(self.progress, 1)
        action.addStretch(0)
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(row)
        layout.addLayout(auto)
        layout.addLayout(action)
        layout.addWidget(self.step)
        layout.addWidget(self.report, 1)

        self._steps = {
            "pull": self.tr("Receiving changes from other laptops…"),
            "search index": self.tr("Updating the search index…"),
            "push": self.tr("Sending this laptop's changes…"),
            "done": self.tr("Done."),
        }

    # -- actions -------------------------------------------------------------

    def choose(self) -> None:
        start = self.folder.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the shared folder"), start)
        if chosen:
            self.folder.setText(chosen)

    def running(self) -> bool:
        return self._job is not None and self._job.is_running()

    def show_state(self, text: str) -> None:
        """What the status bar says about sync, repeated at the top of the page."""
        self.state.setText(text)

    def _sync_clicked(self) -> None:
        self.sync_now()

    def sync_now(self, *, automatic: bool = False) -> bool:
        """Start a sync; False when one is running or there is no folder to sync with.

        A click syncs with the folder typed on the page; the timer only with the
        folder saved after a good sync, and says nothing on the page when none is set.
        """
        if self.running():
            return False
        text = (self._settings.get(cfg.SYNC_FOLDER) if automatic else self.folder.text()).strip()
        if not text:
            if not automatic:
                self._show(self.tr("Choose the shared folder first."), error=True)
                self.folder.setFocus()
            return False
        root = Path(text)
        self._root = root
        self.automatic = automatic
        self.outcome = None
        self._set_busy(True)
        self.step.setText(self.tr("Automatic sync: looking for the shared folder…") if automatic
                          else self.tr("Looking for the shared folder…"))
        self._show("")
        store = self._store
        job = Job(lambda progress, _cancelled: run_sync(store, root, progress))
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self._job = job
        run_detached(job, database_pool())
        return True

    def _auto_minutes_set(self, minutes: int) -> None:
        self._settings.set(cfg.AUTO_SYNC_MINUTES, minutes)
        self.auto_minutes_changed.emit(minutes)

    # -- the job's signals -----------------------------------------------------

    def _progress(self, percent: int, step: str) -> None:
        self.progress.setValue(percent)
        self.step.setText(self._steps.get(step, self._steps["pull"]))

    def _finished(self, outcome: Outcome) -> None:
        self._end_job()
        self.outcome = outcome
        assert self._root is not None
        root, result = self._root, outcome.result
        if result is None:  # the folder is not there: the engine was not asked
            self.step.setText(self.tr("Not synced."))
            self._show(ShareOffline(root).translated(QCoreApplication.translate), error=True)
            self.share_checked.emit(str(root), False)
            self.ended.emit("")  # the status bar's indicator says "share not reachable"
            return
        if result.status == "ok":
            self._settings.set(cfg.SYNC_FOLDER, str(root))
            self.step.setText(self._steps["done"])
            self._show("\n".join(self.describe(result, outcome.laptops)))
            sentence = self.summary(result)
            if self.automatic:
                sentence = self.tr("Automatic sync: {summary}").format(summary=sentence)
        else:
            self.step.setText(self.tr("Not synced."))
            self._show(self._message(result, root), error=True)
            sentence = ""
            if self.automatic and result.status != "offline":
                sentence = self.tr("Automatic sync: not synced. {reason}").format(reason=self._message(result, root))
        self.share_checked.emit(str(root), result.status != "offline")
        self.synced.emit(result)
        self.ended.emit(sentence)

    def _failed(self, message: str) -> None:
        self._end_job()
        self.step.setText(self.tr("Not synced."))
        self._show(message + "\n" + self.tr("Your data on this laptop was not changed by the part that failed; "
                                            "sync again later."), error=True)
        self.ended.emit(self.tr("Automatic sync: not synced. {reason}").format(reason=message)
                        if self.automatic else "")

    def _end_job(self) -> None:
        self._job = None  # run_detached deletes it
        self._set_busy(False)

    # -- words ---------------------------------------------------------------

    def summary(self, result: SyncResult) -> str:
        """One sentence for the status bar."""
        text = self.tr("Sent %n change(s), received {received}.", "", result.pushed_changes).format(
            received=result.pulled_changes)
        if result.conflicts:
            text += " " + self.tr("%n conflict(s) to review.", "", result.conflicts)
        return text

    def describe(self, result: SyncResult, laptops: dict[str, str]) -> list[str]:
        lines = [self.summary(result)]
        if not result.pushed_changes and not result.pulled_changes:
            lines.append(self.tr("Nothing new on either side: this laptop is up to date."))
        for held in result.held:
            lines.append("• " + self._held_line(held, laptops.get(held.device, held.device[:8])))
        if result.clock_behind_days > 0:
            lines.append(self.tr(
                "This laptop's clock is about %n day(s) behind; please correct it.", "", result.clock_behind_days))
        return lines

    def _held_line(self, held: Held, laptop: str) -> str:
        if held.reason in DAMAGED:
            return self.tr("A batch from laptop {laptop} is damaged or incomplete; it is kept and retried next "
                           "time.").format(laptop=laptop)
        if held.reason in NEWER:
            return self.tr("Laptop {laptop} uses a newer GridKeeper; update this laptop to receive its "
                           "changes.").format(laptop=laptop)
        if held.reason == "clock_ahead":
            return self.tr("The clock of laptop {laptop} is more than a day ahead; its changes wait until its "
                           "clock is corrected.").format(laptop=laptop)
        if held.reason == "waiting":
            return self.tr("Changes from laptop {laptop} wait for changes from another laptop.").format(
                laptop=laptop)
        return self.tr("Changes from laptop {laptop} were not received this time ({reason}); they are kept "
                       "and retried next time.").format(laptop=laptop, reason=held.reason)

    @staticmethod
    def _message(result: SyncResult, root: Path) -> str:
        """The engine's English message, translated when it is one we can rebuild from the folder."""
        for known in (ShareOffline(root), ShareOffline(root, writing=True)):
            if known.english() == result.message:
                return known.translated(QCoreApplication.translate)
        return result.message

    def _show(self, text: str, *, error: bool = False) -> None:
        self.report.setStyleSheet("color: #b00020" if error else "")
        self.report.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)
        self.choose_button.setEnabled(not busy)
        self.folder.setReadOnly(busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.busy_changed.emit(busy)

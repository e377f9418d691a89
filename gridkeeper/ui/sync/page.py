"""The Sync page: set up the office, sync in a worker, say in words what happened.

`SyncPanel` is the page (the modal dialog it once lived in is gone: a page lets
a sync run while the cadre goes on working, and is where the automatic sync
shows its progress). A laptop in no office sees the first-run box (create the
office on the shared folder, or join it with an enrolment code); a laptop in
an office sees the sync and the Office box (members; codes and revoking for an
admin). Everything that touches the share or the profile runs as a job
(`jobs.py`) on the database pool, one at a time; the page only shows what the
job returned. The engine's messages are English (it has no Qt): a refusal
carries its error, translated here; the two "offline" ones are rebuilt from
the folder we passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import settings as cfg
from gridkeeper.errors import GridKeeperError
from gridkeeper.settings import Settings
from gridkeeper.store import Store
from gridkeeper.sync import remote
from gridkeeper.sync.engine import Held, SyncResult
from gridkeeper.sync.folder import ShareOffline
from gridkeeper.sync.office import Invite, Member
from gridkeeper.ui.sync import jobs
from gridkeeper.ui.sync.jobs import OfficeView, Outcome, Where, office_view, where
from gridkeeper.ui.sync.office_box import OfficeBox
from gridkeeper.ui.sync.setup_box import SetupBox
from gridkeeper.ui.sync.words import SyncWords
from gridkeeper.ui.worker import Job, database_pool


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
    """The Sync page. Runs one job at a time (a sync, started by a click or the main window's timer,
    or an office action)."""

    synced = Signal(object)  # SyncResult, after every sync the engine ran (ok, offline or refused)
    share_checked = Signal(str, bool)  # the folder a run used, and whether it was there
    ended = Signal(str)  # after every run: one sentence for the status bar, "" when the page says it all
    busy_changed = Signal(bool)
    auto_minutes_changed = Signal(int)
    office_changed = Signal()  # this laptop created, joined or changed its office

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._job: Job | None = None
        self._root: Where | None = None
        self.automatic = False  # the run going on (or the last one) was started by the timer
        self.outcome: Outcome | None = None
        self.invite: Invite | None = None  # the last enrolment code made here
        self.view: OfficeView = office_view(store)  # a few small reads of the profile's local_meta
        self.words = SyncWords(self)

        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("state")
        self.state.setWordWrap(True)
        self.in_use = QLabel()  # which the office is on: a shared folder or a server
        self.in_use.setObjectName("inUse")
        self.in_use.setWordWrap(True)
        saved = settings.get(cfg.SYNC_FOLDER) or self.view.server or (str(self.view.folder) if self.view.folder else "")
        self.folder = QLineEdit(saved)
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(self.tr("For example \\\\server\\share, Z:\\gridkeeper or a server: "
                                               "https://192.168.1.10:8443"))
        self.folder.setClearButtonEnabled(True)
        folder_label = QLabel(self.tr("Shared &folder or server:"))
        folder_label.setBuddy(self.folder)
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.setObjectName("choose")
        self.choose_button.clicked.connect(self.choose)

        self.setup = SetupBox()
        self.setup.create_requested.connect(self.create_office)
        self.setup.join_requested.connect(self.join_office)

        self.sync_box = QWidget()
        self.auto_minutes = QSpinBox()
        self.auto_minutes.setObjectName("autoMinutes")
        low, high = cfg.AUTO_SYNC_MINUTES.bounds or (0, 240)
        self.auto_minutes.setRange(low, high)
        self.auto_minutes.setSpecialValueText(self.tr("off"))
        self.auto_minutes.setSuffix(self.tr(" min"))  # "30 分钟", not a bare number beside "N minutes"
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
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        auto = QHBoxLayout()
        auto.setContentsMargins(0, 0, 0, 0)
        auto.addWidget(auto_label)
        auto.addWidget(self.auto_minutes)
        auto.addSpacing(self.fontMetrics().horizontalAdvance("国") * 2)
        auto.addWidget(self.sync_button)
        auto.addStretch(1)
        self.sync_box.setLayout(auto)

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

        self.office_box = OfficeBox()
        self.office_box.invite_requested.connect(self.new_invite)
        self.office_box.revoke_requested.connect(self.revoke)

        row = QHBoxLayout()
        row.addWidget(folder_label)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        working = QHBoxLayout()
        working.addWidget(self.step)
        working.addWidget(self.progress, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addWidget(self.in_use)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(row)
        layout.addWidget(self.setup)
        layout.addWidget(self.sync_box)
        layout.addLayout(working)
        layout.addWidget(self.report)
        layout.addWidget(self.office_box, 1)
        layout.addStretch(0)
        scroll = QScrollArea()  # a 768-pixel-high screen still reaches every button
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._steps = {
            "create": self.tr("Creating the office on the shared folder…"),
            "join": self.tr("Joining the office…"),
            "pull": self.tr("Receiving changes from other laptops…"),
            "search index": self.tr("Updating the search index…"),
            "push": self.tr("Sending this laptop's changes…"),
            "done": self.tr("Done."),
        }
        self._show_view(self.view)

    # -- what is shown -------------------------------------------------------

    def in_office(self) -> bool:
        return self.view.office is not None

    def _show_view(self, view: OfficeView) -> None:
        self.view = view
        self.setup.setVisible(view.office is None)
        self.sync_box.setVisible(view.office is not None)
        self.office_box.setVisible(view.office is not None)
        self.office_box.show_office(view)
        self.intro.setText(self.tr(
            "Changes travel between laptops through the office's GridKeeper server, encrypted and signed by "
            "each laptop; nothing on this laptop is lost if the sync is cut off.") if view.server else self.tr(
            "Changes travel between laptops through a shared folder on the office network. Each laptop "
            "writes only its own files there; nothing on this laptop is lost if the sync is cut off."))
        if view.server:
            self.in_use.setText(self.tr("This office is on the GridKeeper server {url}.").format(url=view.server))
        elif view.folder:
            self.in_use.setText(self.tr("This office is on the shared folder {folder}.").format(folder=str(view.folder)))
        self.in_use.setVisible(bool(view.server or view.folder))

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

    def _folder_typed(self) -> Where | None:
        """The folder (or server address) on the page, or None with the user told to choose one."""
        text = self.folder.text().strip()
        if not text:
            self._show(self.tr("Choose the shared folder first."), error=True)
            self.folder.setFocus()
            return None
        return where(text)

    def _office_folder(self) -> Where | None:
        """Where the office actions go: the folder on the page, else the one the office was made or joined on."""
        text = self.folder.text().strip()
        return where(text) if text else (self.view.server or self.view.folder)

    def sync_now(self, *, automatic: bool = False) -> bool:
        """Start a sync; False when a job is running, this laptop is in no office, or there is no folder.

        A click syncs with the folder typed on the page; the timer only with the
        folder saved after a good sync (or the office's), and says nothing on the page when none is set.
        """
        if self.running():
            return False
        if not self.in_office():
            if not automatic:
                self._show(self.tr("This laptop is not in an office yet: create the office on the shared folder, "
                                   "or join it with an enrolment code from its admin (below)."), error=True)
                (self.folder if not self.folder.text().strip() else self.setup.code).setFocus()
            return False
        if automatic:
            text = (self._settings.get(cfg.SYNC_FOLDER) or self.view.server or str(self.view.folder or "")).strip()
            if not text:
                return False
            root = where(text)
        else:
            found = self._folder_typed()
            if found is None:
                return False
            root = found
        store = self._store
        self._start(lambda progress, _cancelled: jobs.run_sync(store, root, progress), root, self._finished,
                    self._failed, self.tr("Automatic sync: looking for the shared folder…") if automatic
                    else self.tr("Looking for the shared folder…"), automatic=automatic)
        return True

    def create_office(self, name: str) -> bool:
        if self.running() or self.in_office():
            return False
        root = self._folder_typed()
        if root is None:
            return False
        store = self._store
        self._start(lambda progress, _cancelled: jobs.run_create(store, root, name, progress), root,
                    self._office_finished, self._office_failed, self._steps["create"])
        return True

    def join_office(self, code: str) -> bool:
        if self.running() or self.in_office():
            return False
        root = self._folder_typed()
        if root is None:
            return False
        problem = self.setup.code_problem(code)
        if problem:
            self._show(problem, error=True)
            self.setup.code.setFocus()
            return False
        store = self._store
        self._start(lambda progress, _cancelled: jobs.run_join(store, root, code, progress), root,
                    self._office_finished, self._office_failed, self._steps["join"])
        return True

    def new_invite(self) -> bool:
        root = self._office_folder()
        if self.running() or root is None:
            return False
        store = self._store
        self._start(lambda _progress, _cancelled: jobs.run_invite(store, root), root, self._invited,
                    self._office_failed, self.tr("Making an enrolment code…"))
        return True

    def revoke(self, device: str) -> bool:
        root = self._office_folder()
        if self.running() or root is None:
            return False
        store = self._store
        laptop = self.words.laptop(device, self.view.members, self.view.me)
        self._start(lambda _progress, _cancelled: jobs.run_revoke(store, root, device), root,
                    lambda view: self._revoked(view, laptop), self._office_failed,
                    self.tr("Removing {laptop} from the office…").format(laptop=laptop))
        return True

    def _start(self, fn: Callable[[Any, Any], Any], root: Where, done: Callable[[Any], None],
               failed: Callable[[str], None], step: str, *, automatic: bool = False) -> None:
        self._root = root
        self.automatic = automatic
        self.outcome = None
        self._done, self._fail = done, failed
        self._set_busy(True)
        self.step.setText(step)
        self._show("")
        job = Job(fn)
        job.progress.connect(self._progress)
        job.finished.connect(self._job_finished)
        job.failed.connect(self._job_failed)
        self._job = job
        run_detached(job, database_pool())

    def _auto_minutes_set(self, minutes: int) -> None:
        self._settings.set(cfg.AUTO_SYNC_MINUTES, minutes)
        self.auto_minutes_changed.emit(minutes)

    # -- the job's signals -----------------------------------------------------

    def _progress(self, percent: int, step: str) -> None:
        self.progress.setValue(percent)
        self.step.setText(self._steps.get(step, self._steps["pull"]))

    def _job_finished(self, answer: object) -> None:
        self._end_job()
        self._done(answer)

    def _job_failed(self, message: str) -> None:
        self._end_job()
        self._fail(message)

    def _finished(self, outcome: Outcome) -> None:
        self.outcome = outcome
        assert self._root is not None
        root, result = self._root, outcome.result
        self._show_view(outcome.view)
        if result is None:  # the folder is not there: the engine was not asked
            self.step.setText(self.tr("Not synced."))
            self._show(ShareOffline(root).translated(QCoreApplication.translate), error=True)
            self.share_checked.emit(str(root), False)
            self.ended.emit("")  # the status bar's indicator says "share not reachable"
            return
        if result.status == "ok":
            self._settings.set(cfg.SYNC_FOLDER, str(root))
            self.step.setText(self._steps["done"])
            self._show("\n".join(self.describe(result, outcome.view.members)))
            if result.admitted:
                self.office_box.clear_invite()  # used (one of them, at least): not to be given again
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
        self.step.setText(self.tr("Not synced."))
        self._show(message + "\n" + self.tr("Your data on this laptop was not changed by the part that failed; "
                                            "sync again later."), error=True)
        self.ended.emit(self.tr("Automatic sync: not synced. {reason}").format(reason=message)
                        if self.automatic else "")

    def _office_finished(self, outcome: Outcome) -> None:
        """Created or joined; then the first sync ran (its result may still be offline or refused)."""
        self.outcome = outcome
        assert self._root is not None
        root, result = self._root, outcome.result
        self._settings.set(cfg.SYNC_FOLDER, str(root))  # the office is there, whatever the first sync did
        self._show_view(outcome.view)
        if outcome.action == "create":
            lines = [self.tr("The office was created on {folder}; this laptop is its admin. Give every other "
                             "laptop an enrolment code (New enrolment code, below) to join it.").format(
                folder=str(root))]
            if outcome.taken_in:
                lines.append(self.tr("Took in %n change(s) from the old unencrypted data on the folder, and "
                                     "removed that copy.", "", outcome.taken_in))
            if outcome.not_taken:
                lines.append(self.tr("Could not read %n damaged batch(es) of the old data.", "", outcome.not_taken))
        else:
            lines = [self.tr("This laptop joined the office. An admin's laptop admits it at its next sync; until "
                             "then the other laptops keep what this laptop sends, and use it once it is admitted.")]
        error = False
        if result is not None and result.status == "ok":
            self.step.setText(self._steps["done"])
            lines += self.describe(result, outcome.view.members)
        elif result is not None:
            self.step.setText(self.tr("Not synced."))
            lines.append(self.tr("The first sync did not finish: {reason}").format(reason=self._message(result, root)))
            error = True
        self._show("\n".join(lines), error=error)
        self.office_changed.emit()
        if result is not None:
            self.share_checked.emit(str(root), result.status != "offline")
            self.synced.emit(result)
        self.ended.emit(self.summary(result) if result is not None and result.status == "ok" else "")

    def _office_failed(self, message: str) -> None:
        """An office action could not be done: said in words; nothing was changed by it."""
        self.step.setText(self.tr("Not done."))
        self._show(message, error=True)
        self.ended.emit("")

    def _invited(self, answer: tuple[Invite, OfficeView]) -> None:
        invite, view = answer
        self.invite = invite
        self._show_view(view)
        self.office_box.show_invite(invite)
        self.step.setText(self._steps["done"])
        self._show(self.tr("A new enrolment code is shown below. Give it only to the cadre of the new laptop."))
        self.ended.emit("")

    def _revoked(self, view: OfficeView, laptop: str) -> None:
        self._show_view(view)
        self.step.setText(self._steps["done"])
        self._show(self.tr("{laptop} was removed from the office. Every laptop refuses the data it writes from now "
                           "on, and the office key was changed for the remaining laptops.").format(laptop=laptop))
        self.office_changed.emit()
        self.ended.emit("")

    def _end_job(self) -> None:
        self._job = None  # run_detached deletes it
        self._set_busy(False)

    # -- words ---------------------------------------------------------------

    def summary(self, result: SyncResult) -> str:
        """One sentence for the status bar."""
        return self.words.summary(result)

    def describe(self, result: SyncResult, members: dict[str, Member] | None = None) -> list[str]:
        return self.words.describe(result, self.view.members if members is None else members, self.view.me)

    def held_line(self, held: Held, members: dict[str, Member] | None = None) -> str:
        return self.words.held(held, self.view.members if members is None else members, self.view.me)

    @staticmethod
    def _message(result: SyncResult, root: Where) -> str:
        """The engine's English message in the user's language: a refusal carries its error; the offline
        ones are rebuilt from the folder."""
        error = getattr(result, "error", None)
        if isinstance(error, GridKeeperError):
            return error.translated(QCoreApplication.translate)
        for known in (ShareOffline(root), ShareOffline(root, writing=True), remote.ServerOffline(str(root))):
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
        self.setup.set_busy(busy)
        self.office_box.set_busy(busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.busy_changed.emit(busy)

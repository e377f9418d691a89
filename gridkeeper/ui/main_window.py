"""Main window: a navigation sidebar, one page per area, the status bar.

Only pages that work are listed; later issues add theirs to PAGES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from gridkeeper import __version__
from gridkeeper import settings as cfg
from gridkeeper.places import audit, households, profile
from gridkeeper.settings import Settings
from gridkeeper.store import Store
from gridkeeper.sync.engine import SyncResult
from gridkeeper.ui.cadre_dialog import CadreDialog
from gridkeeper.ui.care.today_page import TodayPage
from gridkeeper.ui.households.page import HouseholdsPage
from gridkeeper.ui.sync.conflicts_page import ConflictsPage
from gridkeeper.ui.sync.page import SyncPanel
from gridkeeper.ui.sync.status import SyncStatusLabel, divider

if TYPE_CHECKING:
    from gridkeeper.ui.care.volunteers_page import VolunteersPage
    from gridkeeper.ui.lists.page import ListsPage
    from gridkeeper.ui.mediation.page import MediationsPage
    from gridkeeper.ui.reports.page import DashboardPage
    from gridkeeper.ui.walks.page import WalksPage


class MainWindow(QMainWindow):
    language_chosen = Signal(str)
    lock_requested = Signal()  # Lock now (Ctrl+L): the controller hides everything (ui/lock.py)
    restore_requested = Signal()  # the controller swaps the profile, so it restores
    encrypt_requested = Signal()  # likewise: the profile is closed, converted, opened again
    lock_seconds_changed = Signal(int)

    def __init__(self, store: Store, settings: Settings, language: str) -> None:
        super().__init__()
        self._store = store
        self._settings = settings
        self._table_files: Any = None  # export / template of the grid division table, made on first use
        self.setWindowTitle(self.tr("GridKeeper"))
        self.resize(1280, 800)

        me = profile.current_cadre(store)
        my_grids = [g.id for g in me.grids] if me else None
        self.households = HouseholdsPage(store, my_grids, settings.get(cfg.SHOW_ALL_GRIDS))
        self.households.scope_changed.connect(lambda all_: settings.set(cfg.SHOW_ALL_GRIDS, all_))
        self.today = TodayPage(store)
        self.households.household_changed.connect(self._household_edited)
        self.today.open_household.connect(self.show_household)
        self.today.open_case.connect(self.show_case)
        self.today.open_item.connect(self.show_item)
        self.today.open_walks.connect(self.show_walks)
        self.today.open_duty.connect(self.show_duty)
        self._my_grids, self._my_name = my_grids, me.name if me else ""
        self.sync_page = SyncPanel(store, settings)
        self.conflicts = ConflictsPage(store)
        self.conflicts.resolved.connect(self._after_resolve)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(self.fontMetrics().horizontalAdvance("国") * 7 + 24)
        self.pages = QStackedWidget()
        # Pages other than Today, Households, Sync and Conflicts are built (and their modules
        # imported) when first shown or asked for: importing and building all nine at start
        # made the cold start 0.5 s slower. Until then an empty widget holds their place.
        self._factories: dict[str, Callable[[], QWidget]] = {
            "walks": self._make_walks, "lists": self._make_lists, "mediations": self._make_mediations,
            "volunteers": self._make_volunteers, "dashboard": self._make_dashboard, "street": self._make_street,
            "organisations": self._make_organisations,
            "meetings": self._make_meetings,
        }
        self._built: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        for title, page in ((self.tr("Today"), self.today), (self.tr("Households"), self.households),
                            (self.tr("Night walks"), "walks"), (self.tr("Lists"), "lists"),
                            (self.tr("Mediations"), "mediations"), (self.tr("Meetings"), "meetings"),
                            (self.tr("Volunteers"), "volunteers"),
                            (self.tr("Organisations"), "organisations"),
                            (self.tr("Reports"), "dashboard"), (self.tr("Street setup"), "street"),
                            (self.tr("Sync"), self.sync_page),
                            (self.tr("Conflicts"), self.conflicts)):
            self.nav.addItem(title)
            if isinstance(page, str):
                self._placeholders[page] = placeholder = QWidget()
                self.pages.addWidget(placeholder)
            else:
                self.pages.addWidget(page)
        self._sync_row = self.pages.indexOf(self.sync_page)
        self._conflicts_row = self.pages.indexOf(self.conflicts)
        self.conflicts.count_changed.connect(self._show_conflict_count)
        self._show_conflict_count(self.conflicts.count())
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_menus(language)
        self.profile_label = QLabel()
        self.user_label = QLabel()
        self.totals_label = QLabel()
        self.sync_status = SyncStatusLabel(store, settings)
        self.sync_status.clicked.connect(self.show_sync_page)
        self.sync_status.changed.connect(self.sync_page.show_state)
        self.sync_page.show_state(self.sync_status.text())
        for i, w in enumerate((self.sync_status, self.user_label, self.totals_label, self.profile_label)):
            if i:  # a line between the texts: after a sync two of them otherwise read as one sentence
                self.statusBar().addPermanentWidget(divider())
            w.setContentsMargins(6, 0, 6, 0)
            self.statusBar().addPermanentWidget(w)
        QTimer.singleShot(0, self.refresh_status)  # counts after the first paint (~50 ms on a street)

        # Bound methods, not lambdas: PySide can crash deleting a sender that has lambdas connected.
        self.sync_page.synced.connect(self._after_sync)
        self.sync_page.share_checked.connect(self.sync_status.set_reachable)
        self.sync_page.busy_changed.connect(self.sync_status.set_syncing)
        self.sync_page.office_changed.connect(self.sync_status.office_changed)
        self.sync_page.ended.connect(self._sync_ended)
        self.sync_page.auto_minutes_changed.connect(self._schedule_auto_sync)
        self.auto_sync = QTimer(self)
        self.auto_sync.timeout.connect(self.auto_sync_now)
        self._schedule_auto_sync(settings.get(cfg.AUTO_SYNC_MINUTES))
        self._close_after_sync = False
        self.today.table.setFocus()  # the morning's work: Enter records the first call

    # -- pages built on first use ------------------------------------------------

    def _page(self, name: str) -> QWidget:
        """The page called `name`, built now if this is its first use."""
        page = self._built.get(name)
        if page is None:
            page = self._built[name] = self._factories[name]()
            placeholder = self._placeholders.pop(name)
            row = self.pages.indexOf(placeholder)
            was_current = self.pages.currentWidget() is placeholder
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            if was_current:
                self.pages.setCurrentIndex(row)
        return page

    def _if_built(self, name: str) -> QWidget | None:
        """The page if it exists; a page built later reads fresh data then, it needs no refresh."""
        return self._built.get(name)

    def _show_row(self, row: int) -> None:
        for name, placeholder in list(self._placeholders.items()):
            if self.pages.indexOf(placeholder) == row:
                self._page(name)
        self.pages.setCurrentIndex(row)

    @property
    def walks(self) -> WalksPage:
        return self._page("walks")  # type: ignore[return-value]

    @property
    def lists(self) -> ListsPage:
        return self._page("lists")  # type: ignore[return-value]

    @property
    def mediations(self) -> MediationsPage:
        return self._page("mediations")  # type: ignore[return-value]

    @property
    def volunteers(self) -> VolunteersPage:
        return self._page("volunteers")  # type: ignore[return-value]

    @property
    def dashboard(self) -> DashboardPage:
        return self._page("dashboard")  # type: ignore[return-value]

    def _make_walks(self) -> QWidget:
        from gridkeeper.ui.walks.page import WalksPage

        page = WalksPage(self._store, self._my_grids, self._my_name)
        page.problem_made.connect(self._after_problem)
        page.walk_logged.connect(self._after_walk)
        return page

    def _make_lists(self) -> QWidget:
        from gridkeeper.ui.lists.page import ListsPage

        page = ListsPage(self._store, self._my_grids, self._my_name)
        page.changed.connect(self._after_list_change)
        return page

    def _make_mediations(self) -> QWidget:
        from gridkeeper.ui.mediation.page import MediationsPage

        page = MediationsPage(self._store, self._settings)
        page.changed.connect(self._case_changed)
        return page

    def _make_meetings(self) -> QWidget:
        from gridkeeper.ui.meetings.page import MeetingsPage

        return MeetingsPage(self._store)

    def _make_volunteers(self) -> QWidget:
        from gridkeeper.ui.care.volunteers_page import VolunteersPage

        return VolunteersPage(self._store)

    def _make_organisations(self) -> QWidget:
        from gridkeeper.ui.organisations.page import OrganisationsPage

        return OrganisationsPage(self._store, self._my_grids, self._my_name)

    def _make_dashboard(self) -> QWidget:
        from gridkeeper.ui.reports.page import DashboardPage

        return DashboardPage(self._store)

    def _make_street(self) -> QWidget:
        from gridkeeper.ui.street.page import StreetPage

        page = StreetPage(self._store)
        page.changed.connect(self._street_changed)
        return page

    def _street_changed(self) -> None:
        self.households.run_search()  # a building moved to another grid takes its households along
        self._household_edited("")
        self._rescope_if_my_grids_changed()

    def _rescope_if_my_grids_changed(self) -> bool:
        """My grids are the ones held today: when a stint begins or ends here or by a sync, every
        page is built again for the new grids (as after File › Change user)."""
        me = profile.current_cadre(self._store)
        now = [g.id for g in me.grids] if me else None
        if now == self._my_grids:
            return False
        self.language_chosen.emit(self._settings.get(cfg.LANGUAGE))
        return True

    def _build_menus(self, language: str) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        import_roster = QAction(self.tr("&Import household roster…"), self)
        import_roster.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        import_roster.triggered.connect(self.import_roster)
        file_menu.addAction(import_roster)
        self._add_division_actions(file_menu)
        sync = QAction(self.tr("&Sync with shared folder…"), self)
        sync.setObjectName("syncAction")
        sync.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_S))
        sync.triggered.connect(self.sync)
        file_menu.addAction(sync)
        file_menu.addSeparator()
        switch = QAction(self.tr("Change user…"), self)
        switch.triggered.connect(self.change_user)
        file_menu.addAction(switch)
        file_menu.addSeparator()
        lock = QAction(self.tr("&Lock now"), self)
        lock.setObjectName("lockAction")
        lock.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        lock.triggered.connect(self.lock_requested)
        file_menu.addAction(lock)
        lock_after = QAction(self.tr("Lock after…"), self)
        lock_after.triggered.connect(self.choose_lock_time)
        file_menu.addAction(lock_after)
        if self._store.encrypted:
            change = QAction(self.tr("Change passphrase…"), self)
            change.setObjectName("changePassphraseAction")
            change.triggered.connect(self.change_passphrase)
            file_menu.addAction(change)
        else:
            encrypt = QAction(self.tr("Encrypt this profile…"), self)
            encrypt.setObjectName("encryptAction")
            encrypt.triggered.connect(self.encrypt_requested)
            file_menu.addAction(encrypt)
        file_menu.addSeparator()
        back_up = QAction(self.tr("&Back up now"), self)
        back_up.setObjectName("backUpAction")
        back_up.triggered.connect(self.back_up)
        file_menu.addAction(back_up)
        restore = QAction(self.tr("&Restore from a backup…"), self)
        restore.setObjectName("restoreAction")
        restore.triggered.connect(self.restore_requested)
        file_menu.addAction(restore)
        if audit.may_read_log(self._store):
            audit_log = QAction(self.tr("&Audit log…"), self)
            audit_log.setObjectName("auditAction")
            audit_log.triggered.connect(self.show_audit_log)
            file_menu.addAction(audit_log)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        lang_menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self._settings.get(cfg.LANGUAGE)
        for code, label in (("system", self.tr("System language")), ("en", "English"), ("zh_CN", "简体中文")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _c=False, code=code: self.language_chosen.emit(code))
            group.addAction(action)
            lang_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About GridKeeper"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _add_division_actions(self, menu: QMenu) -> None:
        """The grid division table: import (an admin laptop, or one in no office), export, empty template."""
        from gridkeeper.places import division

        allowed = division.may_import(self._store)
        import_table = QAction(self.tr("Import grid &division table…"), self)
        import_table.setObjectName("importDivisionAction")
        import_table.triggered.connect(self.import_division_table)
        import_table.setEnabled(allowed)
        if not allowed:
            from gridkeeper.ui.division_wizard import not_allowed_reason

            import_table.setToolTip(not_allowed_reason())
            import_table.setStatusTip(not_allowed_reason())  # a disabled menu entry shows no tooltip
        menu.setToolTipsVisible(True)
        export_table = QAction(self.tr("Export grid division table…"), self)
        export_table.setObjectName("exportDivisionAction")
        export_table.triggered.connect(lambda: self._division_files().export())
        template = QAction(self.tr("Save an empty grid division template…"), self)
        template.setObjectName("divisionTemplateAction")
        template.triggered.connect(lambda: self._division_files().save_template())
        for action in (import_table, export_table, template):
            menu.addAction(action)

    def _division_files(self) -> Any:
        if self._table_files is None:
            from gridkeeper.ui.division_wizard import TableFiles

            self._table_files = TableFiles(self._store, self)
            self._table_files.said.connect(self._say)
        return self._table_files

    def _say(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 15000)

    def import_division_table(self) -> None:
        from gridkeeper.ui.division_wizard import open_division_wizard  # openpyxl and calamine load on first use

        imported: list[object] = []
        open_division_wizard(self, self._store, self._settings, on_imported=imported.append)
        if imported:  # after the wizard is closed: the refresh may rebuild the window it belonged to
            self._after_division_import(imported[-1])

    def _after_division_import(self, report: object) -> None:
        """Grids, buildings and stints changed: every built page reads again, or, when this laptop's
        cadre holds other grids now, the window is built again for them."""
        if not self._rescope_if_my_grids_changed():
            self.households.run_search()  # a building moved to another grid takes its households along
            self.today.refresh()
            if mediations := self._if_built("mediations"):
                mediations.load_compounds()  # type: ignore[attr-defined]
            for name in ("volunteers", "mediations", "walks", "lists", "street"):
                if page := self._if_built(name):
                    page.refresh()  # type: ignore[attr-defined]
            self.refresh_status()
            self.sync_status.refresh()
        changes = getattr(report, "changes", [])
        self._say(self.tr("Grid division table imported: %n change(s).", "", len(changes)))

    def _household_edited(self, _household_id: str) -> None:
        self.today.refresh()
        self.refresh_status()
        self.sync_status.refresh()

    def show_item(self, item_id: str) -> None:
        self.lists.show_item(item_id)
        self.nav.setCurrentRow(self.pages.indexOf(self.lists))

    def show_walks(self) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(self.walks))

    def show_duty(self, shift_id: str) -> None:
        meetings = self._page("meetings")
        self.nav.setCurrentRow(self.pages.indexOf(meetings))
        meetings.show_shift(shift_id)  # type: ignore[attr-defined]

    def _case_changed(self, _case_id: str) -> None:
        self.today.refresh()

    def show_case(self, case_id: str) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(self.mediations))
        self.mediations.show_case(case_id)

    def show_household(self, household_id: str) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(self.households))
        self.households.show(household_id)

    def refresh_status(self) -> None:
        me = profile.current_cadre(self._store)
        if me:
            by_community: dict[str, list[str]] = {}
            for g in me.grids:  # grid names repeat across communities: 塘川社区 第1网格、第2网格
                by_community.setdefault(g.community, []).append(g.name)
            grids = "；".join(f"{c} {'、'.join(names)}".strip() for c, names in by_community.items()) \
                or self.tr("no grid assigned")
            self.user_label.setText(self.tr("User: {name} ({grids})").format(name=me.name, grids=grids))
        else:
            self.user_label.setText(self.tr("User: not chosen"))
        h, p = households.totals(self._store)
        self.totals_label.setText(
            self.tr("{h} households · {p} persons").format(h=f"{h:,}", p=f"{p:,}")
        )
        self.profile_label.setText(self.tr("Profile: {path}").format(path=str(self._store.root)))
        self.profile_label.setToolTip(str(self._store.path))

    def import_roster(self) -> None:
        from gridkeeper.ui.roster_wizard import RosterWizard  # openpyxl and calamine load on first use

        wizard = RosterWizard(self._store, self)
        wizard.imported.connect(self._after_import)
        wizard.exec()

    def _after_import(self, report: object) -> None:
        self.households.run_search()
        self.today.refresh()
        if mediations := self._if_built("mediations"):
            mediations.load_compounds()  # type: ignore[attr-defined]
        self.refresh_status()
        self.sync_status.refresh()
        self.statusBar().showMessage(
            self.tr("Roster imported: {created} persons added, {updated} updated, {rejected} rows rejected.").format(
                created=getattr(report, "persons_created", 0),
                updated=getattr(report, "persons_updated", 0),
                rejected=len(getattr(report, "rejected_rows", [])),
            ),
            15000,
        )

    # -- sync ------------------------------------------------------------------

    def show_sync_page(self) -> None:
        self.nav.setCurrentRow(self._sync_row)

    def sync(self) -> None:
        """File > Sync (Ctrl+S): the Sync page, and a sync when there is a folder to sync with."""
        self.show_sync_page()
        if self.sync_page.folder.text().strip() or not self.sync_page.in_office():
            self.sync_page.sync_now()  # in no office yet: says so, and where to create or join one
        else:
            self.sync_page.folder.setFocus()

    def auto_sync_now(self) -> None:
        """The timer's sync: only with a saved folder and none running; the job looks for the folder first."""
        if self._settings.get(cfg.AUTO_SYNC_MINUTES) > 0 and not self.sync_page.running():
            self.sync_page.sync_now(automatic=True)

    def _schedule_auto_sync(self, minutes: int) -> None:
        if minutes > 0:
            self.auto_sync.start(minutes * 60_000)
        else:
            self.auto_sync.stop()

    def _after_sync(self, result: SyncResult) -> None:
        self.households.run_search()
        self.today.refresh()
        if mediations := self._if_built("mediations"):
            mediations.load_compounds()  # type: ignore[attr-defined]
        for name in ("volunteers", "mediations", "walks", "lists", "street"):
            if page := self._if_built(name):
                page.refresh()  # type: ignore[attr-defined]
        self.refresh_status()
        self.conflicts.refresh()
        self.sync_status.set_result(result)
        self._rescope_if_my_grids_changed()  # a rotation made on another laptop reached this one

    def _sync_ended(self, sentence: str) -> None:
        self.sync_status.refresh()
        if sentence:
            self.statusBar().showMessage(sentence, 15000)
        if self._close_after_sync:
            QTimer.singleShot(0, self.close)

    def _after_walk(self, _walk_id: str) -> None:
        self.today.refresh()  # this week's walk is no longer missing
        self.sync_status.refresh()

    def _after_problem(self, problem_id: str) -> None:
        if lists := self._if_built("lists"):
            lists.refresh()  # type: ignore[attr-defined]
        self.today.refresh()
        self.sync_status.refresh()

    def _after_list_change(self, _item_id: str) -> None:
        if walks := self._if_built("walks"):
            walks.refresh()  # type: ignore[attr-defined]  # a finding's problem status shows on its walk
        self.today.refresh()
        self.sync_status.refresh()

    def _after_resolve(self, _conflict: object) -> None:
        self.households.run_search()
        self.sync_status.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """A sync is safe to cut, but not on purpose: let it finish, then close."""
        if self.sync_page.running():
            self._close_after_sync = True
            self.statusBar().showMessage(self.tr("Finishing the sync; GridKeeper closes when it is done."))
            event.ignore()
            return
        super().closeEvent(event)

    def _show_conflict_count(self, count: int) -> None:
        title = self.tr("Conflicts ({n})").format(n=count) if count else self.tr("Conflicts")
        self.nav.item(self._conflicts_row).setText(title)

    def change_user(self) -> None:
        dialog = CadreDialog(self._store, self)
        if dialog.exec() and dialog.chosen:
            self.statusBar().showMessage(
                self.tr("This laptop now belongs to {name}.").format(name=dialog.chosen.name), 8000
            )
            self.language_chosen.emit(self._settings.get(cfg.LANGUAGE))  # rebuild with the new scope

    # -- passphrase, lock, backups ----------------------------------------------------

    def change_passphrase(self) -> None:
        from gridkeeper.store import encryption
        from gridkeeper.ui.passphrase import NewPassphraseDialog

        root = self._store.root
        dialog = NewPassphraseDialog(
            self.tr("Change passphrase"),
            self.tr("Type the current passphrase, then the new one twice. Only the small key file is rewritten: "
                    "the records and their backups stay as they are, and open with the new passphrase."),
            ask_current=True, work=lambda current, new: encryption.change_passphrase(root, current or "", new),
            parent=self)
        if dialog.exec():
            self.statusBar().showMessage(self.tr("The passphrase was changed."), 8000)

    def choose_lock_time(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        minutes, ok = QInputDialog.getInt(
            self, self.tr("Lock after"), self.tr("Lock GridKeeper after this many minutes without use:"),
            max(1, self._settings.get(cfg.LOCK_IDLE_SECONDS) // 60), 1, 240)
        if ok:
            self._settings.set(cfg.LOCK_IDLE_SECONDS, minutes * 60)
            self.lock_seconds_changed.emit(minutes * 60)

    def show_audit_log(self) -> None:
        from gridkeeper.ui.audit_dialog import AuditDialog

        AuditDialog(self._store, self).exec()

    def back_up(self) -> None:
        from PySide6.QtCore import QThreadPool

        from gridkeeper.store import backups
        from gridkeeper.ui.sync.page import run_detached
        from gridkeeper.ui.worker import Job

        store = self._store
        job = Job(lambda _p, _c: backups.create(store))  # parentless: it outlives a window rebuilt meanwhile
        job.finished.connect(self._backed_up)
        job.failed.connect(self._backup_failed)
        self.statusBar().showMessage(self.tr("Backing up…"))
        run_detached(job, QThreadPool.globalInstance())

    def _backed_up(self, made: object) -> None:
        self.statusBar().showMessage(
            self.tr("Backed up and checked: {name}").format(name=getattr(made, "name", "")), 10000)

    def _backup_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About GridKeeper"),
            self.tr("GridKeeper {version}\nOffline-first records for grid cadres of a street office.").format(
                version=__version__
            ),
        )

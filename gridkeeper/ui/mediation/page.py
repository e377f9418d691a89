"""Mediations page (金色调解室): the cases with filters, the return visits due, and one case's record.

A street settles a few hundred disputes a year, so the list holds its rows
(filtered in SQL) rather than paging ids like the households table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import clock, mediation
from gridkeeper import settings as cfg
from gridkeeper.errors import GridKeeperError
from gridkeeper.mediation import CaseRow
from gridkeeper.mediation import agreement as mediation_agreement
from gridkeeper.places import profile
from gridkeeper.settings import Settings
from gridkeeper.store import Store
from gridkeeper.ui.mediation import dialogs, labels
from gridkeeper.ui.mediation.case import CaseView
from gridkeeper.ui.widgets.attachments import AttachmentStrip
from gridkeeper.ui.widgets.scope import ScopeLabel

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    NUMBER, RECEIVED, CATEGORY, PARTIES, COMPOUND, STATUS, VISIT = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cases: list[CaseRow] = []
        self.today = clock.today()

    def set_cases(self, cases: list[CaseRow], today: date) -> None:
        self.beginResetModel()
        self.cases, self.today = cases, today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Number"), self.tr("Received"), self.tr("Category"), self.tr("Parties"),
                self.tr("Compound"), self.tr("Status"), self.tr("Return visit due"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cases):
            return None
        c = self.cases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == self.NUMBER:
                return c.number
            if col == self.RECEIVED:
                return c.received_on.isoformat()
            if col == self.CATEGORY:
                return labels.category(c.category)
            if col == self.PARTIES:
                return c.parties
            if col == self.COMPOUND:
                return c.compound
            if col == self.STATUS:
                return labels.status(c.status)
            if col == self.VISIT:
                return c.next_visit_due.isoformat() if c.next_visit_due and c.status != "archived" else ""
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.VISIT:
            if c.next_visit_due and c.next_visit_due < self.today and c.status != "archived":
                return QBrush(QColor("#b00020"))  # overdue
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.summary
        return None

    def case_id(self, row: int) -> str | None:
        return self.cases[row].id if 0 <= row < len(self.cases) else None

    def row_of(self, case_id: str) -> int:
        return next((i for i, c in enumerate(self.cases) if c.id == case_id), -1)


class MediationsPage(QWidget):
    changed = Signal(str)  # a case id whose record changed (the Today page may listen)

    def __init__(self, store: Store, settings: Settings | None = None, today: Callable[[], date] = clock.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._today = today
        self.dialog: dialogs.ActionDialog | None = None  # the one open, for tests and to keep it alive

        self.status = QComboBox()
        labels.fill(self.status, mediation.STATUSES, self.tr("All statuses"))
        self.category = QComboBox()
        labels.fill(self.category, mediation.CATEGORIES, self.tr("All categories"))
        self.compound = QComboBox()
        self.overdue = QCheckBox(self.tr("Return visit overdue"))
        self.names_button = QPushButton(self.tr("Office names for numbers and &letterhead…"))
        self.names_button.setToolTip(self.tr("How case numbers and printed agreements name the office"))
        self.new_button = QPushButton(self.tr("&New case…"))
        self.new_button.setObjectName("newCase")
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        filters = QHBoxLayout()
        for caption, combo in ((self.tr("Stat&us"), self.status), (self.tr("Categor&y"), self.category),
                               (self.tr("C&ompound"), self.compound)):
            tag = QLabel(caption)
            tag.setBuddy(combo)
            filters.addWidget(tag)
            filters.addWidget(combo)
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        filters.addWidget(self.names_button)
        filters.addWidget(self.new_button)

        self.model = CaseTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("cases")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.count = QLabel()
        self.count.setObjectName("count")

        self.due = QListWidget()
        self.due.setObjectName("dueVisits")
        self.due_title = QLabel()
        due_side = QWidget()
        due_layout = QVBoxLayout(due_side)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.due_title)
        due_layout.addWidget(self.due, 1)

        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filters)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.table)
        top.addWidget(due_side)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        top.setChildrenCollapsible(False)
        list_layout.addWidget(top, 1)
        list_layout.addWidget(self.count)

        self.view = CaseView()
        self.view.office = self.office()
        # The signed agreement as scanned, and photos of the case: a tab of the case.
        cadre = profile.current_cadre(store)
        self.photos = AttachmentStrip(store, cadre.name if cadre else "", self)
        self.photos.title.setText(self.tr("The signed agreement and other papers, scanned or photographed"))
        self.view.tabs.addTab(self.photos, self.tr("Scans and photos"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(list_side)
        splitter.addWidget(self.view)
        splitter.setSizes([330, 420])
        splitter.setChildrenCollapsible(False)
        self.scope_line = ScopeLabel(store)
        self.scope_line.show_whole_street(self.tr("— mediation cases are the street's, not kept by grid"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_line)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        for combo in (self.status, self.category, self.compound):
            combo.currentIndexChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.new_button.clicked.connect(self.new_case)
        self.names_button.clicked.connect(self.edit_names)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.due.itemActivated.connect(self._open_due)
        self.due.itemClicked.connect(self._open_due)
        self.view.requested.connect(self.run_action)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_case)
        self._read_once = False  # the cases are read when the page is first shown, not at start-up

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt)
        if not self._read_once:
            self._read_once = True
            self.load_compounds()
            self.refresh()
        super().showEvent(event)

    # -- lists -------------------------------------------------------------------

    def load_compounds(self) -> None:
        self.compound.blockSignals(True)
        current = self.compound.currentData()
        self.compound.clear()
        self.compound.addItem(self.tr("All compounds"), None)
        for cid, name in mediation.compounds(self._store):
            self.compound.addItem(name, cid)
        labels.choose(self.compound, current)
        self.compound.blockSignals(False)

    def refresh(self) -> None:
        """Re-read the list and the due visits, keeping the open case open."""
        today = self._today()
        keep = self.view.case.id if self.view.case else None
        cases = mediation.list_cases(
            self._store, status=self.status.currentData(), category=self.category.currentData(),
            compound_id=self.compound.currentData(), overdue_on=today if self.overdue.isChecked() else None)
        self.model.set_cases(cases, today)
        self.table.resizeColumnsToContents()  # a few hundred rows at most: cheap
        self.count.setText(self.tr("%n case(s)", "", len(cases)))
        self._fill_due(today)
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self.open_case(keep)

    def _fill_due(self, today: date) -> None:
        self.due.clear()
        due = mediation.return_visits_due(self._store, today)
        self.due_title.setText(self.tr("Return visits due (%n)", "", len(due)))
        for d in due:
            when = self.tr("today") if d.days_overdue == 0 else self.tr("%n day(s) overdue", "", d.days_overdue)
            item = QListWidgetItem(f"{d.number} · {when}\n{d.parties or labels.category(d.category)}")
            item.setData(Qt.ItemDataRole.UserRole, d.case_id)
            item.setToolTip(d.summary)
            self.due.addItem(item)
        if not due:
            self.due.addItem(self.tr("None due."))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.open_case(self.model.case_id(current.row()) if current.isValid() else None)

    def _open_due(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
        if case_id:
            self.show_case(case_id)

    def show_case(self, case_id: str) -> None:
        """Select and open a case (from the due list, or from the Today page)."""
        row = self.model.row_of(case_id)
        if row < 0:  # hidden by the filters: show everything so the case is in the list
            for combo in (self.status, self.category, self.compound):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.overdue.blockSignals(True)
            self.overdue.setChecked(False)
            self.overdue.blockSignals(False)
            self.refresh()
            row = self.model.row_of(case_id)
        self.table.selectRow(row)
        self.open_case(case_id)

    def open_case(self, case_id: str | None) -> None:
        self.view.show_case(mediation.case_file(self._store, case_id) if case_id else None)
        self.photos.show_for("mediationcase", self.view.case.id if self.view.case else None)

    # -- office names ------------------------------------------------------------

    def office(self) -> str:
        return self._settings.get(cfg.MEDIATION_OFFICE) if self._settings else cfg.MEDIATION_OFFICE.default

    def committee(self) -> str:
        return self._settings.get(cfg.MEDIATION_COMMITTEE) if self._settings else cfg.MEDIATION_COMMITTEE.default

    def edit_names(self) -> None:
        dialog = OfficeNamesDialog(self.office(), self.committee(), self)
        dialog.accepted.connect(lambda: self.set_names(dialog.office.text(), dialog.committee.text()))
        dialog.open()

    def set_names(self, office: str, committee: str) -> None:
        office, committee = office.strip() or self.office(), committee.strip() or self.committee()
        if self._settings is not None:
            self._settings.set(cfg.MEDIATION_OFFICE, office)
            self._settings.set(cfg.MEDIATION_COMMITTEE, committee)
        self.view.office = office
        self.open_case(self.view.case.id if self.view.case else None)
        self.message.setText(self.tr("Case numbers now read {example}; agreements are issued by {committee}.").format(
            example=mediation.format_number(f"{self._today().year}-15", office), committee=committee))

    # -- actions -----------------------------------------------------------------

    def new_case(self) -> None:
        me = profile.current_cadre(self._store)
        dialog = dialogs.NewCaseDialog(self._store, mediation.compounds(self._store), me.name if me else "",
                                       self._today(), self, cadres=[c.name for c in profile.list_cadres(self._store)])
        self._show_dialog(dialog, lambda case_id: self.tr("Case {number} registered.").format(
            number=self._number(case_id)), select=True)

    def run_action(self, action: str) -> None:
        case = self.view.case
        if case is None:
            return
        if action in ("print", "pdf"):
            self._print(action == "pdf")
            return
        today = self._today()
        made: dict[str, Callable[[], dialogs.ActionDialog]] = {
            "session": lambda: dialogs.SessionDialog(self._store, case, clock.now(), self),
            "agreed": lambda: dialogs.AgreementDialog(self._store, case, today, self),
            "edit_agreement": lambda: dialogs.AgreementDialog(self._store, case, today, self),
            "failed": lambda: dialogs.FailDialog(self._store, case, self),
            "escalated": lambda: dialogs.EscalateDialog(self._store, case, self),
            "visit": lambda: dialogs.VisitDialog(self._store, case, today, self),
            "schedule": lambda: dialogs.ScheduleDialog(self._store, case, self._today(), self),
            "party": lambda: dialogs.PartyDialog(self._store, case, self),
            "remove_party": lambda: dialogs.RemovePartyDialog(self._store, case, self.view.selected_party() or "", self),
        }
        if action == "remove_party" and self.view.selected_party() is None:
            return
        dialog = made[action]() if action in made else dialogs.NoteDialog(self._store, case, action, self)
        said = {
            "session": self.tr("Session recorded for {number}."),
            "edit_agreement": self.tr("Agreement of {number} saved."),
            "visit": self.tr("Return visit recorded for {number}."),
            "schedule": self.tr("Return visit for {number} scheduled."),
            "party": self.tr("Party added to {number}."),
            "remove_party": self.tr("Party removed from {number}."),
        }.get(action, self.tr("{number} is now “{status}”."))
        self._show_dialog(dialog, lambda _r: said.format(
            number=case.number, status=labels.status(self._status_of(case.id))))

    def _status_of(self, case_id: str) -> str:
        file = mediation.case_file(self._store, case_id)
        return file.status if file else ""

    def _number(self, case_id: str) -> str:
        file = mediation.case_file(self._store, case_id)
        return file.number if file else ""

    def _show_dialog(self, dialog: dialogs.ActionDialog, sentence: Callable[[Any], str], select: bool = False) -> None:
        self.dialog = dialog

        def done(result: object) -> None:
            if select and isinstance(result, str):
                self.view.show_case(mediation.case_file(self._store, result))
                self.photos.show_for("mediationcase", result)
            self.refresh()
            self.message.setText(sentence(result))
            self.changed.emit(self.view.case.id if self.view.case else "")

        dialog.done.connect(done)
        dialog.finished.connect(self.table.setFocus)
        dialog.open()
        dialog.activateWindow()  # its Ctrl+Enter works at once, whatever the window manager does

    def _print(self, to_pdf: bool) -> None:
        from gridkeeper.ui.mediation import agreement_print  # QtPrintSupport loads on first use

        case = self.view.case
        assert case is not None
        try:
            doc = mediation_agreement.document(self._store, case.id, self.office(), self.committee())
        except GridKeeperError as exc:
            self.message.setText(exc.translated(QCoreApplication.translate))
            return
        if not to_pdf:
            if agreement_print.print_with_dialog(doc, self):
                self.message.setText(self.tr("Agreement of {number} sent to the printer.").format(number=case.number))
            return
        suggested = str(Path.home() / f"调解协议书-{case.number}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the agreement as PDF"), suggested,
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        from gridkeeper.ui.mediation import agreement_print

        case = self.view.case
        assert case is not None
        try:
            doc = mediation_agreement.document(self._store, case.id, self.office(), self.committee())
            agreement_print.save_pdf(doc, path)
        except GridKeeperError as exc:
            self.message.setText(exc.translated(QCoreApplication.translate))
            return
        except OSError as exc:
            self.message.setText(self.tr("Could not write {path}: {reason}").format(path=str(path), reason=exc.strerror))
            return
        self.message.setText(self.tr("Agreement of {number} saved as {path}.").format(number=case.number, path=str(path)))


class OfficeNamesDialog(QDialog):
    """The office's short name in case numbers and the committee that issues agreements (device settings)."""

    def __init__(self, office: str, committee: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Office names"))
        self.office = QLineEdit(office)
        self.committee = QLineEdit(committee)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("In case numbers (〔2026〕…调字第…号)"), self.office)
        form.addRow(self.tr("Mediation committee"), self.committee)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 36)

"""Property company supervision (物业监督): a company's open problems, longest open first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import clock, lists, walks
from gridkeeper.store import Store
from gridkeeper.ui.widgets import vocab


class PropertyView(QWidget):
    TITLE, PLACE, CATEGORY, STATUS, CLAIMANT, OPENED, DAYS_OPEN, DUE, OVERDUE = range(9)

    def __init__(self, store: Store, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.company = QComboBox()
        self.company.setObjectName("company")
        self.company.setMinimumContentsLength(12)
        self.company.currentIndexChanged.connect(lambda _i: self.show_company())
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 9)
        self.table.setObjectName("propertyProblems")
        self.table.setHorizontalHeaderLabels([
            self.tr("Problem"), self.tr("Place"), self.tr("Category"), self.tr("Status"), self.tr("Claimant"),
            self.tr("Opened"), self.tr("Days open"), self.tr("Due"), self.tr("Overdue (days)")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        bar = QHBoxLayout()
        label = QLabel(self.tr("Propert&y company:"))
        label.setBuddy(self.company)
        bar.addWidget(label)
        bar.addWidget(self.company)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._stale = True

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def today(self) -> date:
        return self._today or clock.today()

    def refresh(self) -> None:
        """Re-read now if shown, else when next shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        chosen = self.company.currentText()
        self.company.blockSignals(True)
        self.company.clear()
        self.company.addItems(lists.property_companies(self._store))
        index = self.company.findText(chosen)
        self.company.setCurrentIndex(index if index >= 0 else 0)
        self.company.blockSignals(False)
        self.show_company()

    def show_company(self) -> None:
        company = self.company.currentText()
        rows = lists.open_problems_of(self._store, company, self.today()) if company else []
        # Problems the company handed up stay in sight, said to be handled above ("已上报，社区办理中").
        handed = lists.escalated_from(self._store, "property", company, self.today()) if company else []
        states = [vocab.word(lists.STATUSES, i.status) for i in rows] + [
            self.tr("Escalated, {level} handling it").format(level=vocab.word(lists.LEVELS, level))
            for _i, level in handed]
        self.table.setRowCount(len(rows) + len(handed))
        for r, item in enumerate(rows + [i for i, _level in handed]):
            cells = (item.title, item.place, vocab.word(walks.CATEGORIES, item.category),
                     states[r], item.claimant, item.opened_on.isoformat(),
                     str(item.days_open), item.due_date.isoformat() if item.due_date else "",
                     str(item.overdue_days) if item.overdue_days else "")
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column in (self.DAYS_OPEN, self.OVERDUE):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, column, cell)
        if not company:
            self.summary.setText(self.tr("No property company is named on a compound or a problem yet."))
        elif not rows:
            self.summary.setText(self.tr("{company} has no open problems.").format(company=company))
        else:
            overdue = sum(1 for i in rows if i.overdue_days)
            self.summary.setText(self.tr(
                "{company}: %n open problem(s), {overdue} overdue; the oldest open for {days} days.", "",
                len(rows)).format(company=company, overdue=overdue, days=rows[0].days_open))

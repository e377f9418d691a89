"""Small dialogs of the Lists page: a new item, verification with the resident, escalation, a link."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import lists
from gridkeeper.errors import GridKeeperError
from gridkeeper.lists import NewItem
from gridkeeper.places import households
from gridkeeper.store import Store
from gridkeeper.ui.widgets import forms, vocab


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ItemDialog(QDialog):
    """A new problem, need, service or project."""

    def __init__(self, store: Store, grid_ids: list[str] | None, kind: str | None, me: str,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._me = me
        self._grid_ids = grid_ids
        self.item_id: str | None = None
        self.setWindowTitle(self.tr("New list item"))
        self.setMinimumWidth(520)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        vocab.fill(self.kind, lists.KINDS)
        vocab.choose(self.kind, kind or "problem")
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("In a few words: what is it about?"))
        self.detail = QLineEdit()
        self.detail.setObjectName("detail")
        self.source = QComboBox()
        self.source.setObjectName("source")
        vocab.fill(self.source, lists.SOURCES)
        vocab.choose(self.source, "resident")
        self.owner = QComboBox()
        self.owner.setObjectName("owner")
        vocab.fill(self.owner, lists.OWNER_PARTIES)
        self.owner_name = QLineEdit()
        self.owner_name.setObjectName("ownerName")
        self.owner_name.setPlaceholderText(self.tr("Which company, which Party member… (optional)"))
        self.compound = QComboBox()
        self.compound.setObjectName("compound")
        self.compound.addItem(self.tr("(no particular compound)"), None)
        for cid, name in lists.compounds(store, grid_ids):
            self.compound.addItem(name, cid)
        self.household_search = QLineEdit()
        self.household_search.setObjectName("householdSearch")
        self.household_search.setPlaceholderText(self.tr("Name, pinyin initials or address (optional)"))
        self.household = QComboBox()
        self.household.setObjectName("household")
        self.household.addItem(self.tr("(no particular household)"), None)
        self.household_search.textChanged.connect(self._find_households)
        self.has_due = QCheckBox(self.tr("Due by"))
        self.has_due.setObjectName("hasDue")
        self.due = QDateEdit(QDate(today.year, today.month, today.day).addDays(7))
        self.due.setObjectName("due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Detail:"), self.detail)
        form.addRow(self.tr("&Source:"), self.source)
        form.addRow(self.tr("&Owner:"), self.owner)
        form.addRow(self.tr("Owner &name:"), self.owner_name)
        form.addRow(self.tr("&Compound:"), self.compound)
        form.addRow(self.tr("Find &household:"), self.household_search)
        form.addRow(self.tr("Ho&usehold:"), self.household)
        form.addRow("", due_row)
        self.error = forms.error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        self.title.setFocus()

    def _find_households(self, text: str) -> None:
        """The household search of the Households page: a few milliseconds, so as you type."""
        self.household.clear()
        self.household.addItem(self.tr("(no particular household)"), None)
        if not text.strip():
            return
        found: list[str] = []
        for hit in households.search_page(self._store, text, self._grid_ids, limit=60):
            if hit.household_id not in found:
                found.append(hit.household_id)
        rows = households.rows(self._store, found[:20])
        for hid in found[:20]:
            row = rows.get(hid)
            if row is not None:
                self.household.addItem(f"{row.address}  {row.head}", hid)
        if self.household.count() > 1:
            self.household.setCurrentIndex(1)

    def new_item(self) -> NewItem:
        d = self.due.date()
        return NewItem(kind=self.kind.currentData(), title=self.title.text(), source=self.source.currentData(),
                       owner_party=self.owner.currentData(), owner_name=self.owner_name.text(),
                       detail=self.detail.text(), compound_id=self.compound.currentData(),
                       household_id=self.household.currentData(),
                       due_date=date(d.year(), d.month(), d.day()) if self.has_due.isChecked() else None)

    def accept(self) -> None:
        try:
            self.item_id = lists.create_item(self._store, self.new_item(), by=self._me)
        except GridKeeperError as exc:
            self.error.setText(vocab.error_text(exc))
            self.title.setFocus()
            return
        super().accept()


class VerifyDialog(QDialog):
    """Verification with the resident: how satisfied, in their words."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify with the resident"))
        self.satisfaction = QComboBox()
        self.satisfaction.setObjectName("satisfaction")
        vocab.fill(self.satisfaction, lists.SATISFACTION)
        self.feedback = QLineEdit()
        self.feedback.setObjectName("feedback")
        self.feedback.setPlaceholderText(self.tr("What the resident said (optional)"))
        form = QFormLayout()
        form.addRow(QLabel(self.tr("“{title}” was done. Ask the resident.").format(title=title)))
        form.addRow(self.tr("&Satisfaction:"), self.satisfaction)
        form.addRow(self.tr("&Feedback:"), self.feedback)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def answer(self) -> tuple[str, str]:
        return self.satisfaction.currentData(), self.feedback.text()


class EscalateDialog(QDialog):
    """大事联动办: the level above, and why."""

    def __init__(self, level: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Escalate"))
        self.level = QComboBox()
        self.level.setObjectName("level")
        above = list(lists.LEVELS)[list(lists.LEVELS).index(level) + 1:] if level in lists.LEVELS else []
        for code in above:
            self.level.addItem(vocab.word(lists.LEVELS, code), code)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why it cannot be settled at this level"))
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Now at {level} level.").format(level=vocab.word(lists.LEVELS, level))))
        form.addRow(self.tr("&To:"), self.level)
        form.addRow(self.tr("&Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def answer(self) -> tuple[str, str]:
        return self.level.currentData(), self.reason.text()


class LinkDialog(QDialog):
    """Choose the service or project that meets a need."""

    def __init__(self, candidates: list[lists.Item], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Met by a service or project"))
        self.list = QListWidget()
        self.list.setObjectName("candidates")
        for item in candidates:
            entry = QListWidgetItem(f"{vocab.word(lists.KINDS, item.kind)} · {item.title} "
                                    f"({vocab.word(lists.STATUSES, item.status)})")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(entry)
        if candidates:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Services and projects:") if candidates else
                                self.tr("There are no services or projects yet: add one first.")))
        layout.addWidget(self.list)
        layout.addWidget(_buttons(self))

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

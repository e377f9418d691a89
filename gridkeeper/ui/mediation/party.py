"""A party's fields, with the residents of the profile offered as the name is typed."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QFormLayout, QLabel, QLineEdit, QWidget

from gridkeeper import mediation
from gridkeeper.mediation import PartyInput, Resident
from gridkeeper.store import Store

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # what the completer puts into the box: the name alone
RESIDENT_ROLE = Qt.ItemDataRole.UserRole + 2


class PartyFields(QWidget):
    """Name (search as you type among residents), contact, address, agent.

    Choosing a resident links the party to that Person and household and fills
    the address; typing another name afterwards drops the link.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._linked: Resident | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Type a name: residents of this profile are offered"))
        self.contact = QLineEdit()
        self.address = QLineEdit()
        self.agent = QLineEdit()
        self.agent.setPlaceholderText(self.tr("Name of the agent, if any"))
        self.link = QLabel()
        self.link.setObjectName("partyLink")
        self.link.setWordWrap(True)

        self._matches = QStandardItemModel(self)
        self.completer = QCompleter(self._matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.setMaxVisibleItems(10)
        self.name.setCompleter(self.completer)
        self.name.textEdited.connect(self._search)
        self.completer.activated[QModelIndex].connect(self._chosen)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.link)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Agent"), self.agent)
        self._show_link()

    def _search(self, typed: str) -> None:
        if self._linked is not None and typed != self._linked.name:
            self._linked = None
            self._show_link()
        self._matches.clear()
        for r in mediation.find_residents(self._store, typed) if typed.strip() else []:
            shown = " · ".join(p for p in (r.name, r.address, r.phone_masked) if p)
            item = QStandardItem(shown)
            item.setData(r.name, NAME_ROLE)
            item.setData(r, RESIDENT_ROLE)
            self._matches.appendRow(item)
        if self._matches.rowCount():
            self.completer.complete()

    def _chosen(self, index: QModelIndex) -> None:
        resident = index.data(RESIDENT_ROLE)
        if isinstance(resident, Resident):
            self.link_to(resident)

    def link_to(self, resident: Resident) -> None:
        self._linked = resident
        self.name.setText(resident.name)
        if not self.address.text().strip():
            self.address.setText(resident.address)
        self._show_link()

    def _show_link(self) -> None:
        if self._linked is None:
            self.link.setText(self.tr("Not linked to a resident's file."))
        else:
            self.link.setText(self.tr("Linked to the resident {name}, {address}.").format(
                name=self._linked.name, address=self._linked.address or self.tr("no address on file")))

    def value(self, role: str) -> PartyInput:
        linked = self._linked
        return PartyInput(
            role=role, name=self.name.text(), contact=self.contact.text(), address=self.address.text(),
            person_id=linked.person_id if linked else None, household_id=linked.household_id if linked else None,
            agent=self.agent.text(),
        )

    def is_empty(self) -> bool:
        return not any(w.text().strip() for w in (self.name, self.contact, self.address, self.agent))

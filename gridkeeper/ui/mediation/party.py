"""A party's fields, with the residents of the profile offered as the name is typed."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

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
        self.agent.setPlaceholderText(self.tr("Name of the agent or representative, if any"))
        # What the agreement form asks of each party; a resident's file fills them.
        self.gender = QComboBox()
        self.gender.addItem(self.tr("(not given)"), "")
        self.gender.addItem(self.tr("Male"), "M")
        self.gender.addItem(self.tr("Female"), "F")
        self.ethnicity = QLineEdit()
        self.ethnicity.setPlaceholderText(self.tr("e.g. 汉族"))
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD; from the ID number when one is typed"))
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("18 characters; gender and birth date follow from it"))
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
        person = QHBoxLayout()
        person.addWidget(self.gender)
        person.addWidget(QLabel(self.tr("Ethnicity")))
        person.addWidget(self.ethnicity, 1)
        person.addWidget(QLabel(self.tr("Born")))
        person.addWidget(self.birth_date, 2)
        form.addRow(self.tr("Gender"), person)
        form.addRow(self.tr("ID number"), self.id_number)
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
        if resident.gender and not self.gender.currentData():
            self.gender.setCurrentIndex(max(self.gender.findData(resident.gender), 0))
        if resident.ethnicity and not self.ethnicity.text().strip():
            self.ethnicity.setText(resident.ethnicity)
        if resident.birth_date and not self.birth_date.text().strip():
            self.birth_date.setText(resident.birth_date.isoformat())
        self._show_link()

    def _show_link(self) -> None:
        if self._linked is None:
            self.link.setText(self.tr("Not linked to a resident's file."))
            self.id_number.setPlaceholderText(self.tr("18 characters; gender and birth date follow from it"))
            self.contact.setPlaceholderText("")
        else:
            self.link.setText(self.tr("Linked to the resident {name}, {address}.").format(
                name=self._linked.name, address=self._linked.address or self.tr("no address on file")))
            # The numbers stay in the file (masked on screen); the printed agreement reads them there.
            self.id_number.setPlaceholderText(self.tr("From the resident's file when left empty"))
            self.contact.setPlaceholderText(self.tr("From the resident's file when left empty"))

    def value(self, role: str) -> PartyInput:
        """The party typed; a birth date that is not a date raises BadBirthDate (nothing is saved)."""
        linked = self._linked
        return PartyInput(
            role=role, name=self.name.text(), contact=self.contact.text(), address=self.address.text(),
            person_id=linked.person_id if linked else None, household_id=linked.household_id if linked else None,
            agent=self.agent.text(), gender=self.gender.currentData() or "", ethnicity=self.ethnicity.text(),
            birth_date=mediation.parse_birth_date(self.birth_date.text()), id_number=self.id_number.text(),
        )

    def is_empty(self) -> bool:
        boxes = (self.name, self.contact, self.address, self.agent, self.ethnicity, self.birth_date, self.id_number)
        return not any(w.text().strip() for w in boxes) and not self.gender.currentData()

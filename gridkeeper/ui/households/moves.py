"""Households by hand in the household file: move the household or one member, merge two files,
mark the flat vacant (空户) or lived in again; and a new household (the page's button).

Each action runs a use case of places.household_edit and says what it did in
the file's status line; the dialogs (address_dialog, merge_dialog) refuse bad
input in their own words and stay open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.places import household_edit, households, street
from gridkeeper.places.households import HouseholdFile, Member
from gridkeeper.store import Store


# The new household's words, outside the class: marked for lupdate, translated in its context.
_NEW_TITLE = QT_TRANSLATE_NOOP("HouseholdMoves", "New household")
_NEW_INTRO = QT_TRANSLATE_NOOP("HouseholdMoves", "Choose the building, then type the unit and room of the new "
                                                 "household. Its members are added in its file afterwards.")
_CREATE = QT_TRANSLATE_NOOP("HouseholdMoves", "&Create")
_FILED = QT_TRANSLATE_NOOP("HouseholdMoves", "New household filed at {address}: add its members.")


def _t(text: str) -> str:
    return QCoreApplication.translate("HouseholdMoves", text)


def _address(store: Store, household_id: str) -> str:
    row = households.rows(store, [household_id]).get(household_id)
    return row.address if row else "—"


def new_household(store: Store, parent: QWidget, near: str = "") -> tuple[str, str] | None:
    """Ask for an address (starting at the building `near`) and file a new household there.
    Returns (its id, what was done), or None when cancelled."""
    from gridkeeper.ui.households.address_dialog import AddressDialog

    dialog = AddressDialog(
        street.structure(store), _t(_NEW_TITLE),
        _t(_NEW_INTRO),
        lambda b, u, r: household_edit.create_household(store, b, u, r), building_id=near,
        ok_text=_t(_CREATE), parent=parent)
    dialog.setObjectName("newHousehold")
    if not dialog.exec():
        return None
    household_id = str(dialog.result_value)
    return household_id, _t(_FILED).format(
        address=_address(store, household_id))


class HouseholdMoves(QObject):
    """The household-level buttons of the file and the member's move; the file widget wires them."""

    done = Signal(str)  # what was done; the open file changed: re-read it
    reopen = Signal(str, str)  # (household to show instead, what was done): after a merge

    def __init__(self, store: Store | None, parent: QWidget, file: Callable[[], HouseholdFile | None],
                 member: Callable[[], Member | None]) -> None:
        super().__init__(parent)
        self._store = store
        self._parent = parent
        self._file = file
        self._member = member
        #: The grids the page shows (None: all): where Merge with… searches. The page sets it.
        self.scope: Callable[[], list[str] | None] = lambda: None
        self.move_button = self._button(self.tr("Move &household…"), "moveHousehold", self.move_household)
        self.merge_button = self._button(self.tr("Mer&ge with…"), "mergeHousehold", self.merge)
        self.vacant_button = self._button(self.tr("Mark &vacant (空户)"), "vacant", self.toggle_vacant)
        self.household_buttons = [self.move_button, self.merge_button, self.vacant_button]
        self.member_button = self._button(self.tr("Move to another &address…"), "moveMember", self.move_member)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def update(self) -> None:
        file = self._file()
        for b in self.household_buttons:
            b.setEnabled(self._store is not None and file is not None)
        member = self._member()
        self.member_button.setEnabled(self._store is not None and member is not None and member.status == "active")
        vacant = file is not None and file.vacant_since is not None
        self.vacant_button.setText(self.tr("&Lived in again") if vacant else self.tr("Mark &vacant (空户)"))
        self.vacant_button.setToolTip(
            self.tr("Someone lives in the flat again: it is no longer vacant (空户).") if vacant else
            self.tr("Nobody lives in the flat (空户). The file stays, with its members and history."))

    def move_household(self) -> None:
        from gridkeeper.ui.households.address_dialog import AddressDialog

        file = self._file()
        if self._store is None or file is None:
            return
        store, household_id = self._store, file.id
        dialog = AddressDialog(
            street.structure(store), self.tr("Move household"),
            self.tr("{address} moves to another address with its members, care and history. Choose where:").format(
                address=file.row.address),
            lambda b, u, r: household_edit.move_household(store, household_id, b, u, r),
            building_id=file.building_id, unit=file.unit, room=file.room, ok_text=self.tr("&Move"),
            parent=self._parent)
        dialog.setObjectName("moveHousehold")
        if dialog.exec():
            self.done.emit(self.tr("Household moved from {old} to {new}.").format(
                old=file.row.address, new=_address(store, household_id)))

    def move_member(self) -> None:
        from gridkeeper.ui.households.address_dialog import AddressDialog

        file, member = self._file(), self._member()
        if self._store is None or file is None or member is None:
            return
        store = self._store
        dialog = AddressDialog(
            street.structure(store), self.tr("Move to another address"),
            self.tr("{name} moves out of {address} into the household at the address chosen (a new household when "
                    "none is on file there).").format(name=member.name, address=file.row.address),
            lambda b, u, r: household_edit.move_member(store, member.id, b, u, r),
            building_id=file.building_id, ok_text=self.tr("&Move"), parent=self._parent)
        dialog.setObjectName("moveMember")
        if not dialog.exec():
            return
        message = self.tr("{name} moved to {address}.").format(name=member.name,
                                                                address=_address(store, str(dialog.result_value)))
        if not any(m.status == "active" and m.id != member.id for m in file.members):
            message += self.tr(" Nobody else lives at {address} now: mark it vacant (空户) if it stands "
                               "empty.").format(address=file.row.address)
        self.done.emit(message)

    def merge(self) -> None:
        from gridkeeper.ui.households.merge_dialog import MergeDialog

        file = self._file()
        if self._store is None or file is None:
            return
        dialog = MergeDialog(self._store, file, self.scope(), self._parent)
        if not dialog.exec() or dialog.kept is None:
            return
        self.reopen.emit(dialog.kept, self.tr(
            "Merged: the file of {gone} is closed; %n record(s) moved to {kept}.", "", dialog.moved).format(
                gone=dialog.gone_address, kept=_address(self._store, dialog.kept)))

    def toggle_vacant(self) -> None:
        file = self._file()
        if self._store is None or file is None:
            return
        if file.vacant_since is None:
            household_edit.mark_vacant(self._store, file.id)
            self.done.emit(self.tr("{address} marked vacant (空户). Its file and members stay on file.").format(
                address=file.row.address))
        else:
            household_edit.mark_lived_in(self._store, file.id)
            self.done.emit(self.tr("{address} is lived in again.").format(address=file.row.address))

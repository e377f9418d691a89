"""A cadre added or edited; a grid held from a day; a rotation (one leaves, one comes, on a day);
a cadre leaving the street. Stints stay: history is never rewritten."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from gridkeeper.places import staff
from gridkeeper.rules import cadre_roles
from gridkeeper.store import Store
from gridkeeper.ui.street import roles
from gridkeeper.ui.street.common import StreetDialog, Write, date_edit, day_of
from gridkeeper.ui.street.snapshot import Snapshot


def _combo(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    return box


def _grids(box: QComboBox, snap: Snapshot, chosen: str | None) -> None:
    for c in snap.whole.communities:
        for g in snap.whole.grids_of(c.id):
            box.addItem(f"{c.name} {g.name}", g.id)
    if chosen and (i := box.findData(chosen)) >= 0:
        box.setCurrentIndex(i)


class CadreEditDialog(StreetDialog):
    def __init__(self, store: Store, snap: Snapshot, row: staff.CadreInfo | None = None,
                 community_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Edit cadre") if row else self.tr("New cadre"), parent)
        self._row = row
        self.name = QLineEdit(row.name if row else "")
        self.name.setObjectName("name")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        if row and row.phone:  # the number stays masked: an empty field keeps it
            self.phone.setPlaceholderText(self.tr("unchanged ({phone})").format(phone=row.phone_masked))
        else:
            self.phone.setPlaceholderText(self.tr("138 0577 1234 or 0577-62345678"))
        self.role = _combo("role")
        roles.fill(self.role, row.role if row else cadre_roles.GRID_WORKER)  # editable: 网格长 and the like
        self.community = _combo("community")
        self.community.addItem(self.tr("(the street)"), None)
        for c in snap.whole.communities:
            self.community.addItem(c.name, c.id)
        chosen = row.community_id if row else community_id
        if chosen and (i := self.community.findData(chosen)) >= 0:
            self.community.setCurrentIndex(i)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Phone:"), self.phone)
        self.form.addRow(self.tr("&Role:"), self.role)
        self.form.addRow(self.tr("&Community:"), self.community)

    def prepare(self) -> Write:
        store, row = self._store, self._row
        name, role, community = self.name.text(), roles.chosen(self.role), self.community.currentData()
        phone = self.phone.text()
        if row:
            said = self.tr("Cadre {name} saved.").format(name=name.strip())
            keep = None if not phone.strip() else phone
            return lambda: (staff.edit_cadre(store, row.id, name, keep, role, community), said)[1]
        said = self.tr("Cadre {name} added.").format(name=name.strip())
        return lambda: (staff.add_cadre(store, name, phone, role, community), said)[1]


class HoldDialog(StreetDialog):
    """The cadre holds a grid from a day (today unless said otherwise)."""

    def __init__(self, store: Store, snap: Snapshot, cadre: staff.CadreInfo, grid_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("{name} holds a grid").format(name=cadre.name), parent)
        self._cadre, self._snap = cadre, snap
        self.grid = _combo("grid")
        _grids(self.grid, snap, grid_id)
        self.since = date_edit(snap.today, "since")
        self.form.addRow(self.tr("&Grid:"), self.grid)
        self.form.addRow(self.tr("&From:"), self.since)
        if not self.grid.count():
            self.form.addRow(QLabel(self.tr("There is no grid yet: add one first.")))
            self.save_button.setEnabled(False)

    def prepare(self) -> Write:
        store, cadre, grid_id, since = self._store, self._cadre, self.grid.currentData(), day_of(self.since)
        said = self.tr("{name} holds {grid} from {day}.").format(name=cadre.name, grid=self._snap.grid_label(grid_id),
                                                                  day=since.isoformat())
        return lambda: (staff.hold(store, cadre.id, grid_id, since), said)[1]


class RotateDialog(StreetDialog):
    """One cadre leaves the grid, another comes, on a day: the leaving one's last day is the day before."""

    def __init__(self, store: Store, snap: Snapshot, grid_id: str, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Rotation in {grid}").format(grid=snap.grid_label(grid_id)), parent)
        self._snap, self._grid = snap, grid_id
        self.leaving = _combo("leaving")
        for s in snap.holders(grid_id):
            self.leaving.addItem(f"{s.cadre}  {roles.label(s.role)}".strip(), s.cadre_id)
        self.coming = _combo("coming")
        holding = {s.cadre_id for s in snap.holders(grid_id)}
        for c in snap.cadres:
            if c.id not in holding:
                self.coming.addItem(f"{c.name}  {roles.label(c.role)}".strip(), c.id)
        self.on = date_edit(snap.today, "on")
        self.form.addRow(self.tr("&Leaves:"), self.leaving)
        self.form.addRow(self.tr("&Comes:"), self.coming)
        self.form.addRow(self.tr("&On:"), self.on)
        if not self.leaving.count():
            self.form.addRow(QLabel(self.tr("Nobody holds this grid today: use “Hold a grid…” on a cadre.")))
            self.save_button.setEnabled(False)

    def prepare(self) -> Write:
        store, grid_id, on = self._store, self._grid, day_of(self.on)
        leaving, coming = self.leaving.currentData(), self.coming.currentData()
        said = self.tr("{coming} holds {grid} from {day}; {leaving} held it until {last}.").format(
            coming=self.coming.currentText().split("  ")[0], leaving=self.leaving.currentText().split("  ")[0],
            grid=self._snap.grid_label(grid_id), day=on.isoformat(), last=(on - timedelta(days=1)).isoformat())
        return lambda: (staff.rotate(store, grid_id, leaving, coming, on), said)[1]


class LeaveDialog(StreetDialog):
    """The cadre leaves the street: every grid they hold ends on the last day; their stints stay."""

    def __init__(self, store: Store, snap: Snapshot, cadre: staff.CadreInfo, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("{name} leaves").format(name=cadre.name), parent)
        self._cadre = cadre
        held = "、".join(snap.grid_label(s.grid_id) for s in snap.held_by(cadre.id)) or self.tr("none")
        text = QLabel(self.tr("{name} stops holding every grid ({grids}) and leaves the list of cadres. "
                              "The grids' history keeps who held them, and when.").format(name=cadre.name,
                                                                                          grids=held))
        text.setWordWrap(True)
        self.last_day = date_edit(snap.today - timedelta(days=1), "lastDay")
        self.form.addRow(text)
        self.form.addRow(self.tr("&Last day:"), self.last_day)

    def prepare(self) -> Write:
        store, cadre, last = self._store, self._cadre, day_of(self.last_day)
        said = self.tr("{name} left; their last day was {day}.").format(name=cadre.name, day=last.isoformat())
        return lambda: (staff.leave(store, cadre.id, last), said)[1]


class ReleaseDialog(StreetDialog):
    """The cadre stops holding one grid (and stays a cadre): the stint ends on the last day."""

    def __init__(self, store: Store, snap: Snapshot, cadre: staff.CadreInfo, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("{name} stops holding a grid").format(name=cadre.name), parent)
        self._cadre, self._snap = cadre, snap
        self.grid = _combo("grid")
        for s in snap.held_by(cadre.id):
            self.grid.addItem(snap.grid_label(s.grid_id), s.grid_id)
        self.last_day = date_edit(snap.today - timedelta(days=1), "lastDay")
        self.form.addRow(self.tr("&Grid:"), self.grid)
        self.form.addRow(self.tr("&Last day:"), self.last_day)
        if not self.grid.count():
            self.form.addRow(QLabel(self.tr("{name} holds no grid today.").format(name=cadre.name)))
            self.save_button.setEnabled(False)

    def prepare(self) -> Write:
        store, cadre, grid_id, last = self._store, self._cadre, self.grid.currentData(), day_of(self.last_day)
        said = self.tr("{name} held {grid} until {day}.").format(name=cadre.name, grid=self._snap.grid_label(grid_id),
                                                                 day=last.isoformat())
        return lambda: (staff.release(store, cadre.id, grid_id, last), said)[1]

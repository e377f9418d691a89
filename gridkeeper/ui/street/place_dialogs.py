"""Adding and editing the street's places: a community, a compound, buildings (several at once), a grid."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from gridkeeper.places import street
from gridkeeper.store import Store
from gridkeeper.store.street import BuildingRow, CommunityRow, CompoundRow, GridRow
from gridkeeper.ui.street.common import StreetDialog, Write, count_box, count_of


def _line(text: str, name: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    return edit


class CommunityDialog(StreetDialog):
    def __init__(self, store: Store, row: CommunityRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Edit community") if row else self.tr("New community"), parent)
        self._row = row
        self.name = _line(row.name if row else "", "name")
        self.code = _line(row.division_code if row else "", "divisionCode")
        self.code.setPlaceholderText(self.tr("12 digits, like 330382001001 (may stay empty)"))
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Division code:"), self.code)

    def prepare(self) -> Write:
        store, row, name, code = self._store, self._row, self.name.text(), self.code.text()
        if row:
            said = self.tr("Community {name} saved.").format(name=name.strip())
            return lambda: (street.edit_community(store, row.id, name, code), said)[1]
        said = self.tr("Community {name} added.").format(name=name.strip())
        return lambda: (street.add_community(store, name, code), said)[1]


class CompoundDialog(StreetDialog):
    def __init__(self, store: Store, community: CommunityRow, row: CompoundRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Edit compound") if row else self.tr("New compound in {community}").format(
            community=community.name), parent)
        self._community, self._row = community, row
        self.name = _line(row.name if row else "", "name")
        self.company = _line(row.property_company if row else "", "propertyCompany")
        self.hoa = _line(row.hoa if row else "", "hoa")
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Property company:"), self.company)
        self.form.addRow(self.tr("&Homeowners' committee:"), self.hoa)

    def prepare(self) -> Write:
        store, row, community = self._store, self._row, self._community
        name, company, hoa = self.name.text(), self.company.text(), self.hoa.text()
        if row:
            said = self.tr("Compound {name} saved.").format(name=name.strip())
            return lambda: (street.edit_compound(store, row.id, name, company, hoa), said)[1]
        said = self.tr("Compound {name} added to {community}.").format(name=name.strip(), community=community.name)
        return lambda: (street.add_compound(store, community.id, name, company, hoa), said)[1]


class BuildingsDialog(StreetDialog):
    """New buildings, several at once ("1-12" makes 1幢 to 12幢), or one building edited."""

    def __init__(self, store: Store, compound: CompoundRow, row: BuildingRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Edit building") if row else self.tr("New buildings in {compound}").format(
            compound=compound.name), parent)
        self._compound, self._row = compound, row
        self.names = _line(row.name if row else "", "names")
        unknown = self.tr("not known")
        self.units = count_box(row.units if row else None, "units", unknown)
        self.floors = count_box(row.floors if row else None, "floors", unknown)
        if row:
            self.form.addRow(self.tr("&Name:"), self.names)
        else:
            self.names.setPlaceholderText(self.tr("1-12, or 1、3、5, or 综合楼"))
            self.form.addRow(self.tr("&Buildings:"), self.names)
            hint = QLabel(self.tr("“1-12” adds 1幢 to 12幢; buildings already there are left as they are."))
            hint.setWordWrap(True)
            self.form.addRow(hint)
        self.form.addRow(self.tr("&Units:"), self.units)
        self.form.addRow(self.tr("&Floors:"), self.floors)

    def prepare(self) -> Write:
        store, row, compound = self._store, self._row, self._compound
        text, units, floors = self.names.text(), count_of(self.units), count_of(self.floors)
        if row:
            said = self.tr("Building {name} saved.").format(name=text.strip())
            return lambda: (street.edit_building(store, row.id, text, units, floors), said)[1]
        street.building_names(text)  # a line that names no building is refused here, the dialog open
        return lambda: street.add_buildings(store, compound.id, text, units, floors)

    def describe(self, result: object) -> str:
        if self._row:
            return str(result)
        added, there = result  # type: ignore[misc]
        said = self.tr("%n building(s) added to {compound}.", "", len(added)).format(compound=self._compound.name)
        if there:
            said += " " + self.tr("Already there: {names}.").format(names="、".join(there))
        return said


class GridDialog(StreetDialog):
    def __init__(self, store: Store, community: CommunityRow, row: GridRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Edit grid") if row else self.tr("New grid in {community}").format(
            community=community.name), parent)
        self._community, self._row = community, row
        self.name = _line(row.name if row else "", "name")
        self.name.setPlaceholderText("第1网格")  # an example in the street's own words
        self.code = _line(row.code if row else "", "gridCode")
        self.code.setPlaceholderText(self.tr("the street's own code (may stay empty)"))
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Code:"), self.code)

    def prepare(self) -> Write:
        store, row, community, name, code = self._store, self._row, self._community, self.name.text(), self.code.text()
        if row:
            said = self.tr("Grid {name} saved.").format(name=name.strip())
            return lambda: (street.edit_grid(store, row.id, name, code), said)[1]
        said = self.tr("Grid {name} added to {community}.").format(name=name.strip(), community=community.name)
        return lambda: (street.add_grid(store, community.id, name, code), said)[1]

"""The page's tree and tables filled from a snapshot; each item carries (kind, id) for the actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyle, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QWidget

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.rules import cadre_roles
from gridkeeper.ui.street import roles
from gridkeeper.ui.street.snapshot import Snapshot

KEY = Qt.ItemDataRole.UserRole
#: Buildings in no grid are marked in this colour (the warning red of the forms).
LOOSE = QBrush(QColor("#b00020"))


NO_GRID = QT_TRANSLATE_NOOP("StreetPage", "(no grid)")
WHOLE = QT_TRANSLATE_NOOP("StreetPage", "{grid} (whole compound)")
MISSING = QT_TRANSLATE_NOOP("StreetPage", "Nobody holds this grid today as: {roles}")


def tr(text: str) -> str:
    """A sentence marked above (lupdate reads the marks, not this call)."""
    return QCoreApplication.translate("StreetPage", text)


def key_of(item: QTreeWidgetItem) -> tuple[str, str]:
    """(kind, id) of a tree item: kept as "kind:id" text (plain data for Qt to hold)."""
    kind, _, row_id = str(item.data(0, KEY)).partition(":")
    return kind, row_id


def _item(texts: list[str], kind: str, row_id: str) -> QTreeWidgetItem:
    item = QTreeWidgetItem(texts)
    item.setData(0, KEY, f"{kind}:{row_id}")
    for c in (2,):
        item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def fill_tree(tree: QTreeWidget, snap: Snapshot) -> None:
    """社区 > 小区 > 幢, with each building's grid and households; a compound covered whole says so.
    Expanded and selected places stay so across a refresh."""
    expanded, selected = set(), set()
    for item in _walk(tree):
        if item.isExpanded():
            expanded.add(item.data(0, KEY))
        if item.isSelected():
            selected.add(item.data(0, KEY))
    current = tree.currentItem().data(0, KEY) if tree.currentItem() else None
    first = tree.topLevelItemCount() == 0
    whole = snap.whole
    tree.setUpdatesEnabled(False)
    tree.clear()
    no_grid = tr(NO_GRID)
    for community in whole.communities:
        compounds = whole.compounds_of(community.id)
        c_item = _item([community.name, "", ""], "community", community.id)
        households = 0
        for compound in compounds:
            buildings = whole.buildings_of(compound.id)
            n = sum(b.households for b in buildings)
            households += n
            if compound.grid_id:
                grid = tr(WHOLE).format(grid=_grid_name(snap, compound.grid_id))
            else:
                names = list(dict.fromkeys(_grid_name(snap, b.grid_id) if b.grid_id else no_grid for b in buildings))
                grid = "、".join(names)
            p_item = _item([compound.name, grid, str(n)], "compound", compound.id)
            for b in buildings:
                b_item = _item([b.name, _grid_name(snap, b.grid_id) if b.grid_id else no_grid, str(b.households)],
                               "building", b.id)
                if not b.grid_id and b.households:
                    b_item.setForeground(1, LOOSE)
                p_item.addChild(b_item)
            c_item.addChild(p_item)
        c_item.setText(2, str(households))
        c_item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tree.addTopLevelItem(c_item)
        if first:
            c_item.setExpanded(True)  # communities open at first: a street has a handful
    for item in _walk(tree):
        key = item.data(0, KEY)
        if key in expanded:
            item.setExpanded(True)
        if key in selected:
            item.setSelected(True)
        if key == current:
            tree.setCurrentItem(item, 0, tree.selectionModel().SelectionFlag.NoUpdate)
            while item is not None:  # what was just added under the chosen place shows
                item.setExpanded(True)
                item = item.parent()
    tree.setUpdatesEnabled(True)


def _walk(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    out: list[QTreeWidgetItem] = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(item.child(i) for i in range(item.childCount()))
    return out


def _grid_name(snap: Snapshot, grid_id: str | None) -> str:
    grid = snap.whole.get(grid_id)
    return getattr(grid, "name", "")


def _cell(text: str, row_id: str | None = None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if row_id is not None:
        item.setData(KEY, row_id)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def fill_grids(table: QTableWidget, snap: Snapshot, community_id: str | None, style_from: QWidget) -> None:
    """The community's grids: buildings, households, who holds each today by role (三员), a warning
    mark where one of the three is missing."""
    chosen = table.currentItem().data(KEY) if table.currentItem() else None
    grids = snap.whole.grids_of(community_id) if community_id else []
    table.setRowCount(len(grids))
    warning = style_from.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    for r, g in enumerate(grids):
        holders = snap.holders(g.id)
        by_role: dict[str, list[str]] = {}
        for s in holders:
            role = cadre_roles.normalise(s.role)
            by_role.setdefault(role if role in cadre_roles.THREE else "", []).append(s.cadre)
        name = _cell(g.name, g.id)
        missing = snap.missing_roles(g.id)
        if missing:
            name.setIcon(warning)
            name.setToolTip(tr(MISSING).format(
                roles="、".join(roles.label(m) for m in missing)))
        buildings = snap.whole.buildings_in(g.id)
        cells = [name, _cell(g.code), _cell(str(len(buildings)), right=True),
                 _cell(str(sum(b.households for b in buildings)), right=True)]
        cells += [_cell("、".join(by_role.get(role, [])) or "—") for role in (*cadre_roles.THREE, "")]
        for c, cell in enumerate(cells):
            table.setItem(r, c, cell)
        if g.id == chosen:
            table.setCurrentCell(r, 0)


def fill_cadres(table: QTableWidget, snap: Snapshot) -> None:
    """Every cadre: role, phone masked, the grids held today and since when."""
    chosen = table.currentItem().data(KEY) if table.currentItem() else None
    table.setRowCount(len(snap.cadres))
    for r, c in enumerate(snap.cadres):
        held = snap.held_by(c.id)
        starts = [s.start for s in held if s.start]
        cells = [_cell(c.name, c.id), _cell(roles.label(c.role)), _cell(c.phone_masked),
                 _cell("、".join(snap.grid_label(s.grid_id) for s in held) or "—"),
                 _cell(min(starts).isoformat() if starts else "")]
        for col, cell in enumerate(cells):
            table.setItem(r, col, cell)
        if c.id == chosen:
            table.setCurrentCell(r, 0)


def fill_loose(tree: QTreeWidget, snap: Snapshot) -> None:
    """未划网格: the buildings whose households no grid covers, by compound."""
    tree.clear()
    by_compound: dict[str, QTreeWidgetItem] = {}
    for u in snap.unassigned:
        parent = by_compound.get(u.compound_id)
        if parent is None:
            compound = snap.whole.get(u.compound_id)
            community = snap.whole.get(getattr(compound, "community_id", None))
            parent = by_compound[u.compound_id] = _item(
                [f"{getattr(community, 'name', '')} {u.compound}".strip(), "", "0"], "compound", u.compound_id)
            tree.addTopLevelItem(parent)
        parent.addChild(_item([u.building, "", str(u.households)], "building", u.building_id))
        parent.setText(2, str(int(parent.text(2)) + u.households))
    tree.expandAll()

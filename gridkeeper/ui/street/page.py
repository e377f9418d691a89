"""网格设置: the street's structure and the cadres who hold its grids, for whoever may set them up.

Left, the street as a tree (社区 > 小区 > 幢) and, under it, the buildings whose
households no grid covers (未划网格). Right, the grids of the community chosen
in the tree with who holds each today by role (三员), and the cadres. Reading
and every write run off the UI thread (a compound of 750 households moved to
another grid re-keys their search index: seconds, not milliseconds); the page
reads everything again after each write. Only an office's admin, or a laptop
in no office, may change anything; others see the page read-only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QToolBar,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.places import street
from gridkeeper.rules import cadre_roles
from gridkeeper.store import Store
from gridkeeper.ui.households.detail import _table
from gridkeeper.ui.street import roles, views
from gridkeeper.ui.street.cadre_dialogs import CadreEditDialog, HoldDialog, LeaveDialog, ReleaseDialog, RotateDialog
from gridkeeper.ui.street.common import StreetDialog
from gridkeeper.ui.street.cover_dialog import CoverDialog
from gridkeeper.ui.street.history_dialog import GridHistoryDialog
from gridkeeper.ui.street.place_dialogs import BuildingsDialog, CommunityDialog, CompoundDialog, GridDialog
from gridkeeper.ui.street.snapshot import Snapshot, load
from gridkeeper.ui.worker import Job, database_pool

KEY = views.KEY


class StreetPage(QWidget):
    changed = Signal()  # places, grids or who holds them changed: other pages' counts and scopes may follow
    loaded = Signal()  # a fresh snapshot is on screen (tests wait for it)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.snap: Snapshot | None = None
        self._job: Job | None = None
        self._again = False
        self._said = ""
        self._wrote = False
        self.editable = street.may_edit(store)
        em = self.fontMetrics().horizontalAdvance("国")

        self.read_only = QLabel(self.tr("Read only: only an admin laptop of the office can change the street's "
                                        "setup. Ask the office's admin to add places, grids or cadres."))
        self.read_only.setObjectName("readOnly")
        self.read_only.setWordWrap(True)
        self.read_only.setVisible(not self.editable)

        self.tree = QTreeWidget()
        self.tree.setObjectName("structure")
        self.tree.setColumnCount(3)
        first = self.tr("Community / compound / building")
        self.tree.setHeaderLabels([first, self.tr("Grid"), self.tr("Households")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().resizeSection(0, max(em * 14, self.fontMetrics().horizontalAdvance(first) + em * 2))
        self.tree.header().resizeSection(1, em * 12)
        self.tree.itemSelectionChanged.connect(self._tree_moved)

        self.loose_count = QLabel()
        self.loose_count.setObjectName("looseCount")
        self.loose_count.setWordWrap(True)
        self.loose = QTreeWidget()
        self.loose.setObjectName("loose")
        self.loose.setColumnCount(3)
        self.loose.setHeaderLabels([self.tr("Not in a grid"), "", self.tr("Households")])
        self.loose.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.loose.header().resizeSection(0, em * 14)
        self.loose.header().resizeSection(1, em * 2)
        self.loose.itemSelectionChanged.connect(self._update_actions)

        self.grids_title = QLabel()
        self.grids_title.setObjectName("gridsTitle")
        self.grids = _table([self.tr("Grid"), self.tr("Code"), self.tr("Buildings"), self.tr("Households"),
                             *(roles.label(r) for r in cadre_roles.THREE), self.tr("Others")], "grids")
        self.grids.itemSelectionChanged.connect(self._update_actions)
        self.cadres = _table([self.tr("Cadre"), self.tr("Role"), self.tr("Phone"), self.tr("Grids held today"),
                              self.tr("Since")], "cadres")
        self.cadres.itemSelectionChanged.connect(self._update_actions)
        for table in (self.grids, self.cadres):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.setWordWrap(False)
            table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._make_actions()
        self._lay_out()
        self._update_actions()
        self._shown_once = False

    # -- building the page -------------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], None], tip: str, edits: bool = True) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        action.setToolTip(tip if self.editable or not edits else self._read_only_tip)
        action.setProperty("edits", edits)
        return action

    def import_table(self) -> None:
        """The grid division table's wizard; the page reads again once it has closed (a refresh may
        rebuild the window the wizard belongs to)."""
        from gridkeeper.ui.division_wizard import open_division_wizard

        imported: list[object] = []
        open_division_wizard(self, self._store, on_imported=imported.append)
        if imported:
            self.refresh()
            self.changed.emit()

    def _make_actions(self) -> None:
        self._read_only_tip = self.tr("Only an admin laptop of the office can change the street's setup.")
        a = self._action
        self.add_community_action = a(self.tr("New community…"), "addCommunity", self.add_community,
                                      self.tr("A community (社区) of the street, with its division code"))
        self.import_table_action = a(self.tr("Import division table…"), "importTable", self.import_table,
                                     self.tr("Set up communities, compounds, buildings, grids and their cadres "
                                             "from a grid division table (网格划分表, .xlsx)"))
        self.add_compound_action = a(self.tr("New compound…"), "addCompound", self.add_compound,
                                     self.tr("A compound (小区) in the chosen community"))
        self.add_buildings_action = a(self.tr("New buildings…"), "addBuildings", self.add_buildings,
                                      self.tr("Buildings of the chosen compound; “1-12” adds twelve at once"))
        self.edit_place_action = a(self.tr("Edit…"), "editPlace", self.edit_place,
                                   self.tr("Rename the chosen community, compound or building"))
        self.delete_place_action = a(self.tr("Delete"), "deletePlace", self.delete_place,
                                     self.tr("Delete the chosen place; refused while records hang on it"))
        self.cover_action = a(self.tr("Put in a grid…"), "cover", self.cover,
                              self.tr("Put the chosen buildings, or whole compounds, in a grid of their community"))
        self.uncover_action = a(self.tr("Take out of grid"), "uncover", self.uncover,
                                self.tr("The chosen buildings' households will be in no grid (未划网格)"))
        self.assign_loose_action = a(self.tr("Put in a grid…"), "assignLoose", self.assign_loose,
                                     self.tr("Put the chosen compound's or building's households in a grid at once"))
        self.add_grid_action = a(self.tr("New grid…"), "addGrid", self.add_grid,
                                 self.tr("A grid (网格) of the chosen community"))
        self.edit_grid_action = a(self.tr("Edit…"), "editGrid", self.edit_grid, self.tr("Rename the grid or change its code"))
        self.delete_grid_action = a(self.tr("Delete"), "deleteGrid", self.delete_grid,
                                    self.tr("Delete the grid; refused while it covers buildings or is held"))
        self.rotate_action = a(self.tr("Rotation…"), "rotate", self.rotate,
                               self.tr("One cadre leaves the grid and another comes, on a day"))
        self.history_action = a(self.tr("History…"), "history", self.history,
                                self.tr("Who held the grid, and the buildings that came in or went out"), edits=False)
        self.add_cadre_action = a(self.tr("New cadre…"), "addCadre", self.add_cadre,
                                  self.tr("A cadre with phone and role (三员: 驻社区干部, 驻经合社干部, 小区党建指导员)"))
        self.edit_cadre_action = a(self.tr("Edit…"), "editCadre", self.edit_cadre,
                                   self.tr("Change the cadre's name, phone or role"))
        self.hold_action = a(self.tr("Hold a grid…"), "hold", self.hold, self.tr("The cadre holds a grid from a day"))
        self.release_action = a(self.tr("Stop holding…"), "release", self.release,
                                self.tr("The cadre stops holding one grid from a day, and stays a cadre"))
        self.leave_action = a(self.tr("Leaves…"), "leave", self.leave,
                              self.tr("The cadre leaves the street: every grid they hold ends; their history stays"))
        self._menus = {
            self.tree: [self.add_compound_action, self.add_buildings_action, self.edit_place_action,
                        self.cover_action, self.uncover_action, self.delete_place_action],
            self.loose: [self.assign_loose_action],
            self.grids: [self.add_grid_action, self.edit_grid_action, self.rotate_action, self.history_action,
                         self.delete_grid_action],
            self.cadres: [self.add_cadre_action, self.edit_cadre_action, self.hold_action, self.release_action,
                          self.leave_action],
        }
        for widget in self._menus:
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(self._context_menu)
        # Double-click edits, Delete deletes, where the page may be changed at all.
        self.tree.itemDoubleClicked.connect(self._tree_double_clicked)
        self.grids.cellDoubleClicked.connect(self._grid_double_clicked)
        self.cadres.cellDoubleClicked.connect(self._cadre_double_clicked)
        self.loose.itemDoubleClicked.connect(self._loose_double_clicked)
        for action, widget in ((self.delete_place_action, self.tree), (self.delete_grid_action, self.grids)):
            action.setShortcut(QKeySequence.StandardKey.Delete)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            widget.addAction(action)

    def _bar(self, name: str, actions: list[QAction]) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName(name)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in actions:
            bar.addAction(action)
        return bar

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._bar("placesBar", [
            self.add_community_action, self.add_compound_action, self.add_buildings_action, self.edit_place_action,
            self.delete_place_action]))
        left_layout.addWidget(self._bar("coverBar", [self.cover_action, self.uncover_action,
                                                     self.import_table_action]))
        left_layout.addWidget(self.tree, 3)
        left_layout.addWidget(self.loose_count)
        self.loose_bar = self._bar("looseBar", [self.assign_loose_action])
        left_layout.addWidget(self.loose_bar)
        left_layout.addWidget(self.loose, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.grids_title)
        right_layout.addWidget(self._bar("gridsBar", [self.add_grid_action, self.edit_grid_action,
                                                      self.rotate_action, self.history_action,
                                                      self.delete_grid_action]))
        right_layout.addWidget(self.grids, 3)
        right_layout.addWidget(QLabel(self.tr("Cadres")))
        right_layout.addWidget(self._bar("cadresBar", [self.add_cadre_action, self.edit_cadre_action,
                                                       self.hold_action, self.release_action, self.leave_action]))
        right_layout.addWidget(self.cadres, 2)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def _tree_double_clicked(self, *_args: object) -> None:
        if self.edit_place_action.isEnabled():
            self.edit_place()

    def _grid_double_clicked(self, *_args: object) -> None:
        if self.edit_grid_action.isEnabled():
            self.edit_grid()

    def _cadre_double_clicked(self, *_args: object) -> None:
        if self.edit_cadre_action.isEnabled():
            self.edit_cadre()

    def _loose_double_clicked(self, *_args: object) -> None:
        if self.assign_loose_action.isEnabled():
            self.assign_loose()

    def _context_menu(self, at: QPoint) -> None:
        widget = self.sender()
        menu = QMenu(self)
        for action in self._menus[widget]:  # type: ignore[index]
            menu.addAction(action)
        menu.exec(widget.viewport().mapToGlobal(at))  # type: ignore[union-attr]

    # -- reading --------------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self._shown_once:  # read when first looked at, not at start-up
            self._shown_once = True
            self.refresh()
        super().showEvent(event)

    def busy(self) -> bool:
        return self._job is not None and self._job.is_running()

    def refresh(self, said: str = "", wrote: bool = False) -> None:
        """Read the street again (off the UI thread); `said` goes to the status line once it is shown;
        `wrote`: a dialog changed something (the page then tells the window, for the other pages)."""
        self._wrote = self._wrote or wrote
        self._run(None, said)

    def _run(self, write: Callable[[], object] | None, said: str) -> None:
        """Write (if any), then read the street again, both on the database thread."""
        if self.busy():
            if write is None:  # a refresh asked for while one runs: read once more after it
                self._again = True
                self._said = said or self._said
            return
        store = self._store

        def work(_progress: object, _cancelled: object) -> Snapshot:
            if write is not None:
                write()
            return load(store)

        self._said = said
        self._wrote = self._wrote or write is not None
        if self._job is not None:
            self._job.deleteLater()
        self._job = Job(work, self)
        self._job.finished.connect(self._loaded)
        self._job.failed.connect(self._failed)
        if write is not None:
            self.status.setText(self.tr("Working…"))
        self._update_actions()
        self._job.start(database_pool())

    def _loaded(self, snap: object) -> None:
        assert isinstance(snap, Snapshot)
        self.snap = snap
        views.fill_tree(self.tree, snap)
        self._show_grids()
        views.fill_cadres(self.cadres, snap)
        self.cadres.resizeColumnsToContents()
        views.fill_loose(self.loose, snap)
        households = sum(u.households for u in snap.unassigned)
        if snap.unassigned:
            self.loose_count.setText(self.tr("Not in a grid: {buildings}, {households}").format(
                buildings=self.tr("%n building(s)", "", len(snap.unassigned)),
                households=self.tr("%n household(s)", "", households)))
            self.loose_count.setStyleSheet("color: #b00020; font-weight: bold")
        else:
            self.loose_count.setText(self.tr("Every household is in a grid."))
            self.loose_count.setStyleSheet("")
        self.loose.setVisible(bool(snap.unassigned))
        self.loose_bar.setVisible(bool(snap.unassigned))
        if self._said:
            self.status.setText(self._said)
        elif not snap.whole.communities:
            self.status.setText(self.tr("The street has no community yet. Start with “New community…”, then add its "
                                        "compounds, buildings and grids, and the cadres who hold them."))
        elif self.status.text() == self.tr("Working…"):
            self.status.setText("")
        if self._again:
            self._again = False
            self.refresh(self._said)
            return
        self._update_actions()
        self.loaded.emit()
        if self._wrote:
            self._wrote = False
            self.changed.emit()

    def _failed(self, message: str) -> None:
        self.status.setText(message)  # the domain's sentence as it is (a refused delete says what hangs on it)
        self._update_actions()
        self.loaded.emit()

    def _tree_moved(self) -> None:
        self._show_grids()
        self._update_actions()

    def community_id(self) -> str | None:
        """The community of the place chosen in the tree, else the first one."""
        if self.snap is None:
            return None
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is not None:
            return views.key_of(item)[1]
        return self.snap.whole.communities[0].id if self.snap.whole.communities else None

    def _show_grids(self) -> None:
        if self.snap is None:
            return
        community = self.snap.whole.get(self.community_id())
        self.grids_title.setText(self.tr("Grids of {community}").format(community=community.name)  # type: ignore
                                 if community else self.tr("Grids"))
        views.fill_grids(self.grids, self.snap, self.community_id(), self)
        self.grids.resizeColumnsToContents()

    # -- what is chosen -------------------------------------------------------------------------------

    def _chosen(self, tree: QTreeWidget) -> list[tuple[str, str]]:
        return [views.key_of(item) for item in tree.selectedItems()]

    def _current(self, kinds: tuple[str, ...]) -> tuple[str, object] | None:
        """The place chosen in the tree (current item), if of one of these kinds."""
        item = self.tree.currentItem()
        if item is None or self.snap is None or not item.isSelected():
            return None
        kind, row_id = views.key_of(item)
        return (kind, self.snap.whole.get(row_id)) if kind in kinds else None

    def _row(self, table: QTableWidget) -> str | None:
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        return item.data(KEY) if item is not None and item.isSelected() else None

    def _cadre(self) -> object | None:
        cadre_id = self._row(self.cadres)
        return next((c for c in self.snap.cadres if c.id == cadre_id), None) if self.snap and cadre_id else None

    def _update_actions(self) -> None:
        ready = self.snap is not None and not self.busy()
        place = self._current(("community", "compound", "building"))
        places = [k for k in self._chosen(self.tree) if k[0] in ("compound", "building")]
        has = {
            self.import_table_action: True,
            self.add_community_action: True,
            self.add_compound_action: self.community_id() is not None,
            self.add_buildings_action: self._current(("compound", "building")) is not None,
            self.edit_place_action: place is not None,
            self.delete_place_action: place is not None,
            self.cover_action: bool(places),
            self.uncover_action: bool(places),
            self.assign_loose_action: bool(self._chosen(self.loose)),
            self.add_grid_action: self.community_id() is not None,
            self.edit_grid_action: self._row(self.grids) is not None,
            self.delete_grid_action: self._row(self.grids) is not None,
            self.rotate_action: self._row(self.grids) is not None,
            self.history_action: self._row(self.grids) is not None,
            self.add_cadre_action: True,
            self.edit_cadre_action: self._cadre() is not None,
            self.hold_action: self._cadre() is not None,
            self.release_action: self._cadre() is not None,
            self.leave_action: self._cadre() is not None,
        }
        for action, chosen in has.items():
            may = self.editable or not action.property("edits")
            action.setEnabled(ready and may and chosen)

    # -- asking ---------------------------------------------------------------------------------------

    def confirm(self, question: str) -> bool:
        """Yes or no before a write that is not typed in a form (tests answer it)."""
        return QMessageBox.question(self, self.tr("Street setup"), question) == QMessageBox.StandardButton.Yes

    def _dialog(self, dialog: StreetDialog) -> None:
        """A form whose Save writes (it stays open on a refusal); then the street is read again."""
        if dialog.exec():
            self.refresh(dialog.message, wrote=True)

    # -- places -----------------------------------------------------------------------------------------

    def add_community(self) -> None:
        self._dialog(CommunityDialog(self._store, parent=self))

    def add_compound(self) -> None:
        community = self.snap.whole.get(self.community_id()) if self.snap else None
        if community is not None:
            self._dialog(CompoundDialog(self._store, community, parent=self))  # type: ignore[arg-type]

    def add_buildings(self) -> None:
        chosen = self._current(("compound", "building"))
        if chosen is None or self.snap is None:
            return
        kind, row = chosen
        compound = row if kind == "compound" else self.snap.whole.get(row.compound_id)  # type: ignore[attr-defined]
        self._dialog(BuildingsDialog(self._store, compound, parent=self))  # type: ignore[arg-type]

    def edit_place(self) -> None:
        chosen = self._current(("community", "compound", "building"))
        if chosen is None or self.snap is None:
            return
        kind, row = chosen
        if kind == "community":
            self._dialog(CommunityDialog(self._store, row, parent=self))  # type: ignore[arg-type]
        elif kind == "compound":
            community = self.snap.whole.get(row.community_id)  # type: ignore[attr-defined]
            self._dialog(CompoundDialog(self._store, community, row, parent=self))  # type: ignore[arg-type]
        else:
            compound = self.snap.whole.get(row.compound_id)  # type: ignore[attr-defined]
            self._dialog(BuildingsDialog(self._store, compound, row, parent=self))  # type: ignore[arg-type]

    def delete_place(self) -> None:
        chosen = self._current(("community", "compound", "building"))
        if chosen is not None:
            self._delete(chosen[0], chosen[1])

    def _delete(self, kind: str, row: object) -> None:
        name = getattr(row, "name", "")
        if not self.confirm(self.tr("Delete “{name}”? It goes from every list; a record of it is kept.").format(
                name=name)):
            return
        store, row_id = self._store, getattr(row, "id", "")
        self._run(lambda: street.delete(store, kind, row_id), self.tr("Deleted “{name}”.").format(name=name))

    def _selection(self, keys: list[tuple[str, str]], loose: bool = False) -> tuple[list[str], list[str]] | None:
        """(building ids, compound ids) of the chosen places, all in one community; from the 未划网格
        list a compound means its buildings in no grid, or the whole compound when none of it is in one."""
        if self.snap is None:
            return None
        whole = self.snap.whole
        compounds = [i for k, i in keys if k == "compound"]
        buildings = [i for k, i in keys if k == "building"
                     and whole.get(i).compound_id not in compounds]  # type: ignore[union-attr]
        if loose:
            for c in list(compounds):
                if any(b.grid_id for b in whole.buildings_of(c)):
                    compounds.remove(c)
                    buildings += [u.building_id for u in self.snap.unassigned
                                  if u.compound_id == c and u.building_id not in buildings]
        communities = {whole.get(c).community_id for c in compounds}  # type: ignore[union-attr]
        communities |= {whole.get(whole.get(b).compound_id).community_id for b in buildings}  # type: ignore
        if len(communities) != 1:
            self.status.setText(self.tr("Choose compounds or buildings of one community: a grid covers its own "
                                        "community only."))
            return None
        return buildings, compounds

    def _describe(self, buildings: list[str], compounds: list[str]) -> str:
        whole = self.snap.whole  # type: ignore[union-attr]
        parts = [self.tr("{compound} (the whole compound)").format(compound=whole.get(c).name)  # type: ignore
                 for c in compounds]
        by_compound: dict[str, list[str]] = {}
        for b in buildings:
            row = whole.get(b)
            by_compound.setdefault(whole.get(row.compound_id).name, []).append(row.name)  # type: ignore
        parts += [f"{c} {'、'.join(names)}" for c, names in by_compound.items()]
        return "；".join(parts)

    def cover(self) -> None:
        self._cover(self._chosen(self.tree), loose=False)

    def assign_loose(self) -> None:
        self._cover(self._chosen(self.loose), loose=True)

    def _cover(self, keys: list[tuple[str, str]], loose: bool) -> None:
        chosen = self._selection(keys, loose)
        if chosen is None or self.snap is None:
            return
        buildings, compounds = chosen
        whole = self.snap.whole
        first = whole.get(compounds[0]) if compounds else whole.get(whole.get(buildings[0]).compound_id)  # type: ignore
        self._dialog(CoverDialog(self._store, self.snap, first.community_id, buildings, compounds,  # type: ignore
                                 self._describe(buildings, compounds), self))

    def uncover(self) -> None:
        chosen = self._selection(self._chosen(self.tree))
        if chosen is None or self.snap is None:
            return
        buildings, compounds = chosen
        p = street.cover_preview(self.snap.whole, None, buildings, compounds)
        if not p.buildings and not compounds:
            self.status.setText(self.tr("These buildings are in no grid already."))
            return
        counted = self.tr("{households} in {buildings}").format(
            households=self.tr("%n household(s)", "", p.households), buildings=self.tr("%n building(s)", "", p.buildings))
        if not self.confirm(self.tr("Take {places} out of their grid? {counted} will be in no grid (未划网格) until "
                                    "put in another.").format(places=self._describe(buildings, compounds),
                                                               counted=counted)):
            return
        store = self._store
        self._run(lambda: street.uncover(store, buildings, compounds),
                  self.tr("{counted} taken out of their grid: they are in no grid (未划网格) now.").format(
                      counted=counted))

    # -- grids ------------------------------------------------------------------------------------------

    def add_grid(self) -> None:
        community = self.snap.whole.get(self.community_id()) if self.snap else None
        if community is not None:
            self._dialog(GridDialog(self._store, community, parent=self))  # type: ignore[arg-type]

    def edit_grid(self) -> None:
        grid = self.snap.whole.get(self._row(self.grids)) if self.snap else None
        if grid is not None:
            community = self.snap.whole.get(grid.community_id)  # type: ignore[union-attr, attr-defined]
            self._dialog(GridDialog(self._store, community, grid, parent=self))  # type: ignore[arg-type]

    def delete_grid(self) -> None:
        grid = self.snap.whole.get(self._row(self.grids)) if self.snap else None
        if grid is not None:
            self._delete("grid", grid)

    def rotate(self) -> None:
        grid_id = self._row(self.grids)
        if grid_id and self.snap:
            self._dialog(RotateDialog(self._store, self.snap, grid_id, self))

    def history(self) -> None:
        grid_id = self._row(self.grids)
        if grid_id and self.snap:
            GridHistoryDialog(self._store, self.snap, grid_id, self).exec()

    # -- cadres -----------------------------------------------------------------------------------------

    def add_cadre(self) -> None:
        if self.snap:
            self._dialog(CadreEditDialog(self._store, self.snap, community_id=self.community_id(), parent=self))

    def edit_cadre(self) -> None:
        cadre = self._cadre()
        if cadre and self.snap:
            self._dialog(CadreEditDialog(self._store, self.snap, cadre, parent=self))  # type: ignore[arg-type]

    def hold(self) -> None:
        cadre = self._cadre()
        if cadre and self.snap:
            self._dialog(HoldDialog(self._store, self.snap, cadre, self._row(self.grids), self))  # type: ignore

    def release(self) -> None:
        cadre = self._cadre()
        if cadre and self.snap:
            self._dialog(ReleaseDialog(self._store, self.snap, cadre, self))  # type: ignore[arg-type]

    def leave(self) -> None:
        cadre = self._cadre()
        if cadre and self.snap:
            self._dialog(LeaveDialog(self._store, self.snap, cadre, self))  # type: ignore[arg-type]

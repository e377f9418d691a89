"""The households table: a Qt model over household ids with a lazy row cache.

It never holds all rows: ids arrive a page at a time (fetchMore, as the view
scrolls), and display rows are loaded in small blocks when first painted.
A search reads one page off the index (a few ms), so it runs on the UI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from gridkeeper.places import households
from gridkeeper.places.households import Hit, HouseholdRow
from gridkeeper.store import Store

Index = QModelIndex | QPersistentModelIndex

PAGE = households.PAGE
BLOCK = 50
CACHE_LIMIT = 4000


class HouseholdTableModel(QAbstractTableModel):
    ADDRESS, HEAD, MEMBERS, TAGS, GRID, MATCHED = range(6)
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._query = ""
        self._grids: list[str] | None = None
        self._ids: list[str] = []
        self._seen: set[str] = set()
        self._after: Hit | None = None
        self._more = False
        self._cache: dict[str, HouseholdRow] = {}
        self._headers = (
            self.tr("Address"),
            self.tr("Head of household"),
            self.tr("Members"),
            self.tr("Tags"),
            self.tr("Community · grid"),
            self.tr("Matched member"),
        )

    # -- searching ---------------------------------------------------------

    def search(self, query: str, grid_ids: list[str] | None) -> None:
        """Show the first page of households matching `query` within `grid_ids` (None: all)."""
        self.beginResetModel()
        self._query, self._grids = query, grid_ids
        self._ids, self._seen, self._after, self._more = [], set(), None, True
        self._cache.clear()
        self._append_page()
        self.endResetModel()

    def _next_ids(self) -> list[str]:
        """Distinct new ids from the next index page(s); at least one unless exhausted."""
        new: list[str] = []
        while self._more and not new:
            page = households.search_page(self._store, self._query, self._grids, self._after, PAGE)
            self._more = len(page) == PAGE
            if page:
                self._after = page[-1]
            for hit in page:
                if hit.household_id not in self._seen:
                    self._seen.add(hit.household_id)
                    new.append(hit.household_id)
        return new

    def _append_page(self) -> None:
        self._ids.extend(self._next_ids())

    def has_more(self) -> bool:
        return self._more

    def household_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, household_id: str) -> int:
        try:
            return self._ids.index(household_id)
        except ValueError:
            return -1

    # -- Qt model ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or not self._more:
            return
        new = self._next_ids()
        if new:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._ids.extend(new)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._headers):
                return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        household_id = self._ids[index.row()]
        if role == self.IdRole:
            return household_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if index.column() == self.GRID:
            return self.grid_text(row)
        if index.column() == self.MATCHED:
            return self.matched_text(row)
        return (row.address, row.head, row.members, row.tags)[index.column()]

    def grid_text(self, row: HouseholdRow) -> str:
        """The grid with its community: grid names repeat, so 第1网格 alone does not tell two 廖欣 apart."""
        if not row.grid:
            return self.tr("{community} (no grid)").format(community=row.community)
        return f"{row.community} {row.grid}"

    def matched_text(self, row: HouseholdRow) -> str:
        """Who in the household the search found: the head column shows only the head."""
        m = row.matched
        if m is None:
            return ""
        who = self.tr("{name} ({relation})").format(name=m.name, relation=m.relation) if m.relation else m.name
        if m.by_number:
            return self.tr("Matched: {who}, by ID or phone number").format(who=who)
        return self.tr("Matched: {who}").format(who=who)

    def _row(self, position: int) -> HouseholdRow | None:
        household_id = self._ids[position]
        row = self._cache.get(household_id)
        if row is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            start = max(0, position - BLOCK // 5)
            block = [i for i in self._ids[start : start + BLOCK] if i not in self._cache]
            self._cache.update(households.rows(self._store, block, self._query))
            row = self._cache.get(household_id)
        return row

    def refresh_rows(self) -> None:
        """Forget cached rows (after data changed) and repaint."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self._headers) - 1))

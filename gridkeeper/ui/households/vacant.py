"""The household list marks a vacant flat (空户) at the head of its Tags column.

A proxy over the list's model rather than a column of it: the mark needs one
fact per visible row, read in blocks like the model's own rows, and the
model's row shape is the search's (another change's) to own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gridkeeper.places import households
from gridkeeper.store import Store
from gridkeeper.ui.households.model import BLOCK, CACHE_LIMIT, HouseholdTableModel

Index = QModelIndex | QPersistentModelIndex


class VacantMarks(QIdentityProxyModel):
    def __init__(self, store: Store, source: HouseholdTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._households = source
        self._vacant: dict[str, bool] = {}
        self.setSourceModel(source)
        # Any change of the rows (a new search, a file edited) may change which are vacant.
        source.modelReset.connect(self._vacant.clear)
        source.dataChanged.connect(lambda *_: self._vacant.clear())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if role != Qt.ItemDataRole.DisplayRole or index.column() != HouseholdTableModel.TAGS:
            return value
        if not self.is_vacant(index.row()):
            return value
        mark = self.tr("vacant")
        return f"{mark}、{value}" if value else mark

    def is_vacant(self, row: int) -> bool:
        household_id = self._households.household_id(row)
        if household_id is None:
            return False
        if household_id not in self._vacant:
            if len(self._vacant) > CACHE_LIMIT:
                self._vacant.clear()
            block = [h for h in (self._households.household_id(r)
                                 for r in range(max(0, row - BLOCK // 5), row + BLOCK)) if h]
            found = households.vacant(self._store, block)
            self._vacant.update({h: h in found for h in block})
        return self._vacant.get(household_id, False)

"""Who is using this laptop: pick a cadre from the data, or add yourself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.places import profile
from gridkeeper.store import Store
from gridkeeper.store.cadres import CadreRow
from gridkeeper.ui.widgets import forms


class CadreDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.chosen: CadreRow | None = None
        self.setWindowTitle(self.tr("Who is using this laptop?"))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "This profile belongs to one cadre. Choose yourself from the cadres in the data, "
                "or add yourself if you are new. Pages then show your grids first."
            )
        )
        intro.setWordWrap(True)
        self.existing = QRadioButton(self.tr("I am one of these cadres:"))
        self.filter = QLineEdit()
        self.filter.setObjectName("cadreFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter by name or grid"))
        self.list = QListWidget()
        self.list.setObjectName("cadres")
        self.new = QRadioButton(self.tr("I am new; my name is:"))
        self.name = QLineEdit()
        self.name.setObjectName("newCadreName")
        self.error = forms.error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        for w in (intro, self.existing, self.filter, self.list, self.new, self.name, self.error, buttons):
            layout.addWidget(w)

        cadres = profile.list_cadres(store)
        for cadre in cadres:
            grids = "、".join(f"{g.community}{g.name}" for g in cadre.grids) or self.tr("no grid assigned")
            item = QListWidgetItem(f"{cadre.name}  —  {grids}")
            item.setData(Qt.ItemDataRole.UserRole, cadre.id)
            self.list.addItem(item)
        if cadres:
            self.existing.setChecked(True)
            self.list.setCurrentRow(0)
        else:
            self.existing.setEnabled(False)
            self.filter.setEnabled(False)
            self.list.setEnabled(False)
            self.new.setChecked(True)

        self.filter.textChanged.connect(self._filter)
        self.name.textEdited.connect(lambda _t: self.new.setChecked(True))
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.list.currentRowChanged.connect(lambda _r: self.existing.setChecked(True))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def _filter(self, text: str) -> None:
        text = text.strip()
        first_visible = -1
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(text) and text not in item.text()
            item.setHidden(hidden)
            if not hidden and first_visible < 0:
                first_visible = row
        if first_visible >= 0:
            self.list.setCurrentRow(first_visible)

    def accept(self) -> None:
        if self.new.isChecked():
            name = self.name.text().strip()
            if not name:
                self.error.setText(self.tr("Enter your name, or choose a cadre from the list."))
                self.name.setFocus()
                return
            self.chosen = profile.create_cadre(self._store, name)
        else:
            item = self.list.currentItem()
            if item is None or item.isHidden():
                self.error.setText(self.tr("Choose a cadre from the list."))
                return
            self.chosen = profile.choose_cadre(self._store, item.data(Qt.ItemDataRole.UserRole))
        super().accept()

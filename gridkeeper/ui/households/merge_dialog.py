"""Merge with…: find the other file of the same household, see both side by side, choose which is kept.

The search is the page's (name, pinyin, address, phone or ID digits) within
the page's scope. Before anything is merged the dialog says which file is
kept and what moves to it; the merge is one transaction (places.household_edit).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.errors import GridKeeperError
from gridkeeper.places import household_edit, households
from gridkeeper.places.households import HouseholdFile
from gridkeeper.store import Store

#: Matches listed at most: the right household is found by typing more, not by scrolling.
MATCHES = 30


class MergeDialog(QDialog):
    def __init__(self, store: Store, this: HouseholdFile, grid_ids: list[str] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge with another household"))
        self._store = store
        self._this = this
        self._grids = grid_ids
        self._other: HouseholdFile | None = None
        self.kept: str | None = None  # after a merge: the id of the household kept
        self.gone_address = ""
        self.moved = 0

        intro = QLabel(self.tr("Two files of one household (filed twice, or under two addresses): find the other "
                               "file, then choose which one is kept."))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("mergeSearch")
        self.search.setPlaceholderText(self.tr("Search by name, pinyin, address, phone or ID"))
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setObjectName("mergeMatches")
        self.matches.setMaximumHeight(self.fontMetrics().height() * 8)

        self.this_box, self.this_text, self.keep_this = self._panel(self.tr("This file"))
        self.other_box, self.other_text, self.keep_other = self._panel(self.tr("The other file"))
        self.keep = QButtonGroup(self)  # the two radio buttons sit in two boxes: one group makes them exclusive
        self.keep.addButton(self.keep_this)
        self.keep.addButton(self.keep_other)
        self.keep_this.setChecked(True)
        side = QHBoxLayout()
        side.addWidget(self.this_box, 1)
        side.addWidget(self.other_box, 1)

        self.summary = QLabel()
        self.summary.setObjectName("mergeSummary")
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(self.tr("&Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        layout.addLayout(side, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().horizontalAdvance("国") * 52, self.sizeHint().height())

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.matches.currentItemChanged.connect(self._on_match)
        self.keep_this.toggled.connect(self._explain)
        self._describe(self.this_text, this)
        self._describe(self.other_text, None)
        self._explain()

    def _panel(self, title: str) -> tuple[QGroupBox, QLabel, QRadioButton]:
        box = QGroupBox(title)
        text = QLabel()
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)  # address, place, no., vacant, members (2 lines)
        keep = QRadioButton(self.tr("Keep this file"))
        layout = QVBoxLayout(box)
        layout.addWidget(text, 1)
        layout.addWidget(keep)
        return box, text, keep

    def run_search(self) -> None:
        self._debounce.stop()
        self.matches.clear()
        query = self.search.text().strip()
        if not query:
            return
        found: list[str] = []
        for hit in households.search_page(self._store, query, self._grids, None, households.PAGE):
            if hit.household_id != self._this.id and hit.household_id not in found:
                found.append(hit.household_id)
            if len(found) == MATCHES:
                break
        rows = households.rows(self._store, found)
        for household_id in found:
            row = rows.get(household_id)
            if row is None:
                continue
            item = QListWidgetItem(self.tr("{address} · {head} · {community}").format(
                address=row.address, head=row.head or self.tr("no members"), community=row.community))
            item.setData(Qt.ItemDataRole.UserRole, household_id)
            self.matches.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("No other household matches “{query}”.").format(query=query))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.matches.addItem(item)

    def _on_match(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        household_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._other = households.household_file(self._store, household_id) if household_id else None
        self._describe(self.other_text, self._other)
        self._explain()

    def _describe(self, label: QLabel, file: HouseholdFile | None) -> None:
        if file is None:
            label.setText(self.tr("Search above and choose the other file."))
            return
        lines = [f"<b>{escape(file.row.address)}</b>",
                 escape(f"{file.row.community} · {file.row.grid or self.tr('(no grid)')}"),
                 escape(self.tr("household no. {number}").format(number=file.household_no or "—"))]
        if file.vacant_since:
            lines.append(escape(self.tr("vacant (空户) since {day}").format(day=file.vacant_since.isoformat())))
        members = [f"{m.name}（{m.relation or '—'}）" for m in file.members]
        lines.append(escape(self.tr("Members: {names}").format(names="、".join(members) or self.tr("none"))))
        label.setText("<br>".join(lines))

    def _roles(self) -> tuple[HouseholdFile, HouseholdFile] | None:
        if self._other is None:
            return None
        return (self._this, self._other) if self.keep_this.isChecked() else (self._other, self._this)

    def _explain(self) -> None:
        roles = self._roles()
        self.merge_button.setEnabled(roles is not None)
        self.keep_other.setEnabled(roles is not None)
        if roles is None:
            self.summary.setText("")
            return
        keep, gone = roles
        self.summary.setText(self.tr(
            "{keep} is kept. From {gone}, %n member(s) and its care plans, list items and mediations move to it; "
            "the file of {gone} is closed, and its contacts and services show in the history of {keep}.",
            "", len(gone.members)).format(keep=keep.row.address, gone=gone.row.address)
            + (self.tr(" Both files have a head of household (户主): correct the relations afterwards.")
               if all(any(m.relation == "户主" and m.status == "active" for m in f.members) for f in roles) else ""))

    def accept(self) -> None:
        roles = self._roles()
        if roles is None:
            return
        keep, gone = roles
        try:
            self.moved = household_edit.merge(self._store, keep.id, gone.id)
        except GridKeeperError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            self.error.show()
            return
        self.kept, self.gone_address = keep.id, gone.row.address
        super().accept()

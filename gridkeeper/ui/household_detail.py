"""The household file pane: address, status, members with masked numbers, tags."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.households import HouseholdFile, Member

SENSITIVE_MARK = "※"


class HouseholdDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("householdTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)

        self.facts = QLabel()
        self.facts.setObjectName("householdFacts")
        self.facts.setWordWrap(True)

        self.members = QTableWidget(0, 7)
        self.members.setObjectName("members")
        self.members.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Gender"),
                self.tr("Born (age)"),
                self.tr("ID number"),
                self.tr("Phones"),
                self.tr("Tags"),
            ]
        )
        self.members.verticalHeader().hide()
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.members.horizontalHeader().setStretchLastSection(True)

        self.legend = QLabel(
            self.tr("ID and phone numbers are masked. {mark} marks sensitive personal information.").format(
                mark=SENSITIVE_MARK
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setObjectName("hint")

        self.placeholder = QLabel(self.tr("Select a household to read its file."))
        self.placeholder.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.legend)
        self.show_file(None)

    def _gender(self, code: str) -> str:
        return {"M": self.tr("Male"), "F": self.tr("Female")}.get(code, "")

    def _status(self, member: Member) -> str:
        return {"moved_out": self.tr("moved out"), "deceased": self.tr("deceased")}.get(member.status, "")

    def _tags(self, member: Member) -> str:
        parts = []
        for name, sensitive, detail in member.tags:
            text = f"{name}({detail})" if detail else name
            parts.append(SENSITIVE_MARK + text if sensitive else text)
        return "、".join(parts)

    def show_file(self, file: HouseholdFile | None) -> None:
        has = file is not None
        self.placeholder.setVisible(not has)
        for w in (self.title, self.facts, self.members, self.legend):
            w.setVisible(has)
        if file is None:
            self.members.setRowCount(0)
            return
        self.title.setText(escape(file.row.address))
        self.facts.setText(
            self.tr("{community} · {grid} · household no. {number} · {status}").format(
                community=file.row.community,
                grid=file.row.grid or self.tr("(no grid)"),
                number=file.household_no or "—",
                status=file.residence_status or self.tr("residence status unknown"),
            )
        )
        self.members.setRowCount(len(file.members))
        for r, m in enumerate(file.members):
            born = m.birth_date.isoformat() if m.birth_date else ""
            if m.age is not None:
                born = self.tr("{date} ({age})").format(date=born, age=m.age)
            name = m.name if m.status == "active" else f"{m.name}（{self._status(m)}）"
            cells = (name, m.relation, self._gender(m.gender), born, m.id_number_masked,
                     "、".join(m.phones_masked), self._tags(m))
            for c, value in enumerate(cells):
                self.members.setItem(r, c, QTableWidgetItem(value))

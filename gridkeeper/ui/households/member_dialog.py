"""Forms for a household member: add or edit a person, and choose their tags.

A form that fails its checks stays open with the reason in red under the
fields: nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.errors import GridKeeperError
from gridkeeper.places import members
from gridkeeper.places.households import Member
from gridkeeper.places.members import PersonInput
from gridkeeper.rules import idnumber
from gridkeeper.ui.widgets import forms

RELATIONS = ("户主", "配偶", "子", "女", "儿媳", "女婿", "孙子", "孙女", "父亲", "母亲", "兄弟", "姐妹", "其他")


class MemberDialog(QDialog):
    """Add a person (member=None) or edit one. `person`, `relation`, `note` hold the result."""

    def __init__(self, member: Member | None = None, parent: QWidget | None = None, *,
                 has_head: bool = False) -> None:
        """`has_head`: another active member is already 户主, so it is not offered."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit member") if member else self.tr("Add a member"))
        self.person: PersonInput | None = None
        self.name = QLineEdit(member.name if member else "")
        self.name.setObjectName("name")
        self.id_number = QLineEdit()
        self.id_number.setObjectName("idNumber")
        self.id_number.setPlaceholderText(self.tr("18 characters; gender and birth date are read from it"))
        self.gender = QComboBox()
        self.gender.setObjectName("gender")
        for label, code in (("—", None), (self.tr("Male"), "M"), (self.tr("Female"), "F")):
            self.gender.addItem(label, code)
        self.birth = QLineEdit()
        self.birth.setObjectName("birth")
        self.birth.setPlaceholderText("1948-05-17")
        self.relation = QComboBox()
        self.relation.setObjectName("relation")
        self.relation.setEditable(True)
        self.relation.addItems([r for r in RELATIONS if not (has_head and r == "户主")])
        self.relation.setCurrentText(member.relation if member else "")
        self.phones = QLineEdit()
        self.phones.setObjectName("phones")
        self.phones.setPlaceholderText(self.tr("Several numbers separated by 、"))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.error = forms.error_label()
        if member:
            # The ID and phone numbers are not shown here (masked elsewhere): leaving them empty keeps them.
            self.id_number.setPlaceholderText(self.tr("{masked} (leave empty to keep)").format(
                masked=member.id_number_masked) if member.id_number_masked else self.id_number.placeholderText())
            self.id_number.setEnabled(not member.id_number_masked)
            self.gender.setCurrentIndex(max(0, self.gender.findData(member.gender or None)))
            self.birth.setText(member.birth_date.isoformat() if member.birth_date else "")
            self.phones.setPlaceholderText(self.tr("{masked} (leave empty to keep)").format(
                masked="、".join(member.phones_masked)) if member.phones_masked else self.phones.placeholderText())
        self._member = member
        self.id_number.textChanged.connect(self._read_id_number)

        forms.lay_out(self, [
            (self.tr("&Name:"), self.name), (self.tr("&ID number:"), self.id_number),
            (self.tr("&Gender:"), self.gender), (self.tr("&Born:"), self.birth),
            (self.tr("&Relation to head:"), self.relation), (self.tr("&Phones:"), self.phones),
            (self.tr("No&te:"), self.note)], self.error)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 32)

    def _read_id_number(self, text: str) -> None:
        """Check the number as it is typed: a complete one fills gender and birth date, a wrong one
        says why at once, and the error goes away as soon as the number is corrected."""
        self.error.clear()
        typed = idnumber.normalize(text)
        if len(typed) < 18 and not (len(typed) == 15 and typed.isdigit()):
            return  # still being typed (a 15-digit old number is complete too)
        try:
            read = members.check("-", text)  # the name is checked at Save
        except GridKeeperError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            return
        self.gender.setCurrentIndex(max(0, self.gender.findData(read.gender)))
        self.birth.setText(read.birth_date.isoformat() if read.birth_date else "")

    def keeps_phones(self) -> bool:
        """Editing with the phones field left empty keeps the numbers on file."""
        return self._member is not None and not self.phones.text().strip() and bool(self._member.phones_masked)

    def accept(self) -> None:
        try:
            born = members.parse_date(self.birth.text())
            self.person = members.check(self.name.text(), self.id_number.text(), self.gender.currentData(), born,
                                        self.phones.text())
        except GridKeeperError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            return
        super().accept()


class TagsDialog(QDialog):
    """Tick the person's tags; a detail (e.g. disability type and grade) and new tags can be typed."""

    def __init__(self, name: str, available: list[tuple[str, bool]], current: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tags of {name}").format(name=name))
        self.list = QListWidget()
        self.list.setObjectName("tags")
        for tag, sensitive in available:
            item = QListWidgetItem(f"{tag} ※" if sensitive else tag)
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tag in current else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.details = dict(current)
        self.detail = QLineEdit()
        self.detail.setObjectName("detail")
        self.detail.setPlaceholderText(self.tr("Detail of the selected tag, e.g. 肢体二级"))
        self.new_tag = QLineEdit()
        self.new_tag.setObjectName("newTag")
        self.new_tag.setPlaceholderText(self.tr("A tag of your own, e.g. 爱唱越剧"))
        legend = QLabel(self.tr("※ sensitive personal information (health, disability, welfare)"))
        legend.setObjectName("hint")
        self.list.currentItemChanged.connect(self._show_detail)
        self.detail.textEdited.connect(self._store_detail)
        buttons = forms.save_cancel(self)
        form = QFormLayout()
        form.addRow(self.tr("&Detail:"), self.detail)
        form.addRow(self.tr("&New tag:"), self.new_tag)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)

    def _show_detail(self, item: QListWidgetItem | None) -> None:
        self.detail.setText(self.details.get(item.data(Qt.ItemDataRole.UserRole), "") if item else "")

    def _store_detail(self, text: str) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.details[item.data(Qt.ItemDataRole.UserRole)] = text
            if text.strip():
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> dict[str, str]:
        """{tag: detail} ticked, with the new tag if one was typed."""
        out = {}
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                tag = item.data(Qt.ItemDataRole.UserRole)
                out[tag] = self.details.get(tag, "")
        if self.new_tag.text().strip():
            out[self.new_tag.text().strip()] = ""
        return out

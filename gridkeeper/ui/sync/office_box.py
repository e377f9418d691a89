"""The Office section of the Sync page: its laptops, and for an admin, enrolment codes and revoking."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.sync.office import Invite, Member
from gridkeeper.ui.sync.jobs import OfficeView
from gridkeeper.ui.sync.qr import qr_pixmap
from gridkeeper.ui.sync.words import SyncWords, local_time

DEVICE_ROLE = Qt.ItemDataRole.UserRole


class OfficeBox(QGroupBox):
    """Shows an OfficeView; asks the page (which runs the jobs) for a code or a revoke."""

    invite_requested = Signal()
    revoke_requested = Signal(str)  # device id, after the user confirmed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office")
        self.setTitle(self.tr("Office"))
        self.view = OfficeView()
        self._words = SyncWords(self)
        self._busy = False

        self.about = QLabel()
        self.about.setObjectName("officeAbout")
        self.about.setWordWrap(True)
        self.members = QTableWidget(0, 4)
        self.members.setObjectName("members")
        self.members.setHorizontalHeaderLabels(
            [self.tr("Cadre"), self.tr("Laptop"), self.tr("Role"), self.tr("State")])
        self.members.verticalHeader().hide()
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.members.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.members.setMinimumHeight(self.fontMetrics().height() * 8)
        self.members.itemSelectionChanged.connect(self._update_buttons)

        self.invite_button = QPushButton(self.tr("&New enrolment code"))
        self.invite_button.setObjectName("invite")
        self.invite_button.setToolTip(self.tr("A one-time code for a new laptop to join this office"))
        self.invite_button.clicked.connect(self.invite_requested)
        self.revoke_button = QPushButton(self.tr("&Revoke…"))
        self.revoke_button.setObjectName("revoke")
        self.revoke_button.setToolTip(self.tr("Remove the selected laptop from the office (a lost or stolen "
                                              "laptop, or one handed on)"))
        self.revoke_button.clicked.connect(self._revoke_clicked)
        self.admin_only = QLabel(self.tr("Only an admin's laptop can add laptops to the office or remove them."))
        self.admin_only.setObjectName("adminOnly")
        self.admin_only.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.invite_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.admin_only, 1)
        buttons.addStretch(0)

        # The code just made: large, and as a QR code, with how long it works.
        self.invite_panel = QFrame()
        self.invite_panel.setObjectName("invitePanel")
        self.invite_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.code_title = QLabel(self.tr("Enrolment code for a new laptop:"))
        self.code_label = QLabel()
        self.code_label.setObjectName("inviteCode")
        big = QFont(self.font())
        big.setFamilies(["Consolas", "DejaVu Sans Mono", "monospace"])
        big.setStyleHint(QFont.StyleHint.Monospace)
        big.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 2.2)
        big.setBold(True)
        self.code_label.setFont(big)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr_label = QLabel()
        self.qr_label.setObjectName("inviteQr")
        self.qr_label.setToolTip(self.tr("The same code as a QR code"))
        self.expires_label = QLabel()
        self.expires_label.setObjectName("inviteExpires")
        self.expires_label.setWordWrap(True)
        words = QVBoxLayout()
        words.addWidget(self.code_title)
        words.addWidget(self.code_label)
        words.addWidget(self.expires_label)
        words.addStretch(1)
        panel = QHBoxLayout(self.invite_panel)
        panel.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)
        panel.addLayout(words, 1)
        self.invite_panel.hide()

        left = QVBoxLayout()
        left.addWidget(self.members, 1)
        left.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.invite_panel, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(body, 1)
        self._update_buttons()

    # -- what it shows ---------------------------------------------------------

    def show_office(self, view: OfficeView) -> None:
        selected = self.selected_device()
        self.view = view
        self.about.setText(self._about(view))
        self.members.setRowCount(0)
        for device, member in view.members.items():
            row = self.members.rowCount()
            self.members.insertRow(row)
            cells = self._cells(member, device == view.me)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(DEVICE_ROLE, device)
                self.members.setItem(row, column, item)
            if device == selected:
                self.members.selectRow(row)
        can_manage = view.admin and not view.revoked
        self.invite_button.setVisible(can_manage)
        self.revoke_button.setVisible(can_manage)
        self.admin_only.setVisible(not can_manage and not view.revoked)
        if not can_manage:
            self.invite_panel.hide()
        self._update_buttons()

    def show_invite(self, invite: Invite) -> None:
        self.code_label.setText(invite.code)
        size = self.fontMetrics().height() * 9
        self.qr_label.setPixmap(qr_pixmap(invite.code, size))
        self.expires_label.setText(self.tr(
            "Type it on the new laptop's Sync page, under Join an office. It works once, for one laptop, "
            "until {when}. The new laptop is admitted at this laptop's next sync.").format(
            when=local_time(invite.expires)))
        self.invite_panel.show()

    def clear_invite(self) -> None:
        self.code_label.clear()
        self.qr_label.clear()
        self.invite_panel.hide()

    def selected_device(self) -> str | None:
        rows = self.members.selectionModel().selectedRows() if self.members.selectionModel() else []
        if not rows:
            return None
        item = self.members.item(rows[0].row(), 0)
        return str(item.data(DEVICE_ROLE)) if item else None

    def select_device(self, device: str) -> bool:
        for row in range(self.members.rowCount()):
            item = self.members.item(row, 0)
            if item is not None and item.data(DEVICE_ROLE) == device:
                self.members.selectRow(row)
                return True
        return False

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    # -- words -----------------------------------------------------------------

    def _about(self, view: OfficeView) -> str:
        name = view.name
        if view.revoked:
            return self.tr("This laptop was removed from the office by an admin; it no longer syncs.")
        if view.me not in view.members:
            who = self.tr("This laptop has joined and waits to be admitted by an admin's laptop, at its next sync.")
        elif view.admin:
            who = self.tr("This laptop is an admin of the office.")
        else:
            who = self.tr("This laptop is a member of the office.")
        if name:
            return self.tr("Office {name}. {who}").format(name=name, who=who)
        return who

    def _cells(self, member: Member, me: bool) -> list[str]:
        cadre = member.about.get("cadre", "").strip()
        laptop = member.about.get("laptop", "").strip() or self.tr("(no name)")
        if me:
            laptop = self.tr("{laptop} (this laptop)").format(laptop=laptop)
        role = self.tr("admin") if member.admin else self.tr("member")
        if member.revoked_after is None:
            state = self.tr("in the office")
        else:
            state = self.tr("removed {when}").format(when=local_time(member.revoked_at))
        return [cadre, laptop, role, state]

    # -- revoking ----------------------------------------------------------------

    def _update_buttons(self) -> None:
        view = self.view
        can_manage = view.admin and not view.revoked and not self._busy
        self.invite_button.setEnabled(can_manage)
        device = self.selected_device()
        member = view.members.get(device) if device else None
        self.revoke_button.setEnabled(bool(can_manage and member and device != view.me
                                           and member.revoked_after is None))

    def _revoke_clicked(self) -> None:
        device = self.selected_device()
        if not device or device == self.view.me:
            return
        if self.confirm_revoke(self._words.laptop(device, self.view.members, self.view.me)):
            self.revoke_requested.emit(device)

    def confirm_revoke(self, laptop: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Revoke a laptop"),
            self.tr("Remove {laptop} from the office?\n\nEvery laptop will refuse the data it writes from now on, "
                    "and the office key is changed, so it cannot read what the others write after this. What it "
                    "sent before stays. Do this for a lost or stolen laptop, or one that leaves the office; it "
                    "cannot be undone.").format(laptop=laptop),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

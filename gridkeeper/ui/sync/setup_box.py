"""The first run of sync on a laptop: create the office on the shared folder, or join it with a code."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.sync import crypto, office


class SetupBox(QGroupBox):
    """Two ways in, side by side; the page runs the work (in a job) when one is asked for."""

    create_requested = Signal(str)  # the office's name, may be empty
    join_requested = Signal(str)  # the code as typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup")
        self.setTitle(self.tr("Set up sync on this laptop"))
        about = QLabel(self.tr(
            "This laptop is not in an office yet. An office is the laptops that sync with each other through "
            "the shared folder above: only laptops admitted to it can read or add data there, and what is on "
            "the folder is encrypted. Choose the shared folder first, then one of the two below."))
        about.setWordWrap(True)

        create = QGroupBox(self.tr("Start a new office"))
        create_about = QLabel(self.tr(
            "For the first laptop only. The office is made on the shared folder and this laptop becomes its "
            "admin: it gives the other laptops their enrolment codes and can remove a lost laptop."))
        create_about.setWordWrap(True)
        self.office_name = QLineEdit()
        self.office_name.setObjectName("officeName")
        self.office_name.setPlaceholderText(self.tr("optional, e.g. 城南街道网格"))
        self.office_name.setMaxLength(60)
        self.create_button = QPushButton(self.tr("C&reate the office here"))
        self.create_button.setObjectName("createOffice")
        self.create_button.clicked.connect(self._create)
        create_form = QFormLayout()
        create_form.addRow(self.tr("Office &name:"), self.office_name)
        create_layout = QVBoxLayout(create)
        create_layout.addWidget(create_about)
        create_layout.addLayout(create_form)
        create_layout.addStretch(1)
        create_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)

        join = QGroupBox(self.tr("Join an office"))
        join_about = QLabel(self.tr(
            "For every other laptop. Ask the office's admin for an enrolment code (it works once, for %n "
            "day(s)) and type it here; capitals, spaces and dashes do not matter. This laptop then receives the "
            "office's data.", "", max(1, office.INVITE_HOURS // 24)))
        join_about.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setPlaceholderText("ABCD-EFGH-JKLM")
        self.code.setMaxLength(40)
        mono = QFont(self.code.font())
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setFamilies(["Consolas", "DejaVu Sans Mono", "monospace"])
        self.code.setFont(mono)
        self.code.returnPressed.connect(self._join)
        self.join_button = QPushButton(self.tr("&Join with the code"))
        self.join_button.setObjectName("joinOffice")
        self.join_button.clicked.connect(self._join)
        join_form = QFormLayout()
        join_form.addRow(self.tr("Enrolment &code:"), self.code)
        join_layout = QVBoxLayout(join)
        join_layout.addWidget(join_about)
        join_layout.addLayout(join_form)
        join_layout.addStretch(1)
        join_layout.addWidget(self.join_button, 0, Qt.AlignmentFlag.AlignLeft)

        for box in (create, join):
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        ways = QHBoxLayout()
        ways.addWidget(create, 1)
        ways.addWidget(join, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(ways)

    def code_problem(self, text: str) -> str:
        """What is wrong with a code as typed, in words; "" when it looks like a code."""
        code = crypto.normalise_code(text)
        if not code:
            return self.tr("Type the enrolment code the office's admin gave you.")
        if len(code) != crypto.CODE_LENGTH:
            return self.tr("An enrolment code has 12 letters and digits, like ABCD-EFGH-JKLM; this one has "
                           "%n.", "", len(code))
        return ""

    def set_busy(self, busy: bool) -> None:
        for w in (self.create_button, self.join_button, self.office_name, self.code):
            w.setEnabled(not busy)

    def _create(self) -> None:
        self.create_requested.emit(self.office_name.text().strip())

    def _join(self) -> None:
        self.join_requested.emit(self.code.text())

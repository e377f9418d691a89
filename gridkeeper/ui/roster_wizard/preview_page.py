"""Every row checked, the first ones shown with their problems."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QProgressBar, QTableWidgetItem, QVBoxLayout, QWizard, QWizardPage

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.io import roster
from gridkeeper.io.roster import RosterRow
from gridkeeper.places import roster_import, street
from gridkeeper.places.roster_import import CheckedRoster
from gridkeeper.store import searchkeys
from gridkeeper.ui.roster_wizard.common import (
    ERROR_ROW_TINT,
    ERROR_TINT,
    PREVIEW_ROWS,
    WARNING_ROW_TINT,
    WARNING_TINT,
    _error_label,
    _readonly_table,
    _translate,
    _wrapped,
    cell_text,
)
from gridkeeper.ui.roster_wizard.places_panel import PlacesPanel
from gridkeeper.ui.roster_wizard.state import RosterState

if TYPE_CHECKING:
    from gridkeeper.ui.worker import Job


#: What each reason code means, in a few words: the code itself stays next to it (a stable
#: identifier people can quote), but a community worker reads the words.
REASON_LABELS = {
    "id_checksum": QT_TRANSLATE_NOOP("RosterReasons", "ID number: check character wrong"),
    "id_birth_date": QT_TRANSLATE_NOOP("RosterReasons", "ID number: impossible birth date"),
    "id_lost_digits": QT_TRANSLATE_NOOP("RosterReasons", "ID number stored as a number"),
    "id_length": QT_TRANSLATE_NOOP("RosterReasons", "ID number: wrong length"),
    "id_format": QT_TRANSLATE_NOOP("RosterReasons", "ID number: not an ID number"),
    "id_province": QT_TRANSLATE_NOOP("RosterReasons", "ID number: no such province"),
    "id_converted": QT_TRANSLATE_NOOP("RosterReasons", "Old 15-digit ID number"),
    "id_duplicate": QT_TRANSLATE_NOOP("RosterReasons", "Same ID number, different person"),
    "id_repeat": QT_TRANSLATE_NOOP("RosterReasons", "Row repeated"),
    "person_repeat": QT_TRANSLATE_NOOP("RosterReasons", "Same person listed twice"),
    "name_missing": QT_TRANSLATE_NOOP("RosterReasons", "Name missing"),
    "gender_mismatch": QT_TRANSLATE_NOOP("RosterReasons", "Gender differs from the ID number"),
    "gender_invalid": QT_TRANSLATE_NOOP("RosterReasons", "Gender not readable"),
    "birth_date_invalid": QT_TRANSLATE_NOOP("RosterReasons", "Birth date not readable"),
    "birth_date_mismatch": QT_TRANSLATE_NOOP("RosterReasons", "Birth date differs from the ID number"),
    "birth_date_incomplete": QT_TRANSLATE_NOOP("RosterReasons", "Birth date incomplete"),
    "phone_invalid": QT_TRANSLATE_NOOP("RosterReasons", "Phone number not valid"),
    "phone_length": QT_TRANSLATE_NOOP("RosterReasons", "Phone number: wrong number of digits"),
    "phone_range": QT_TRANSLATE_NOOP("RosterReasons", "Not a mobile range in use"),
    "phone_no_area": QT_TRANSLATE_NOOP("RosterReasons", "Phone number without area code"),
    "address_missing": QT_TRANSLATE_NOOP("RosterReasons", "Building or room missing"),
    "place_unassigned": QT_TRANSLATE_NOOP("RosterReasons", "Building in no grid"),
}


class PreviewPage(QWizardPage):
    def __init__(self, state: RosterState) -> None:
        super().__init__()
        self.state = state
        self._generation = 0
        self._checked = False
        self._warming: Job | None = None  # the search keys of the rows' names, made while the user reads
        self.counts: Counter[str] = Counter()
        self.setTitle(self.tr("Preview"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))
        self.totals = _wrapped(name="totals")
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.error = _error_label()
        self.reasons = _readonly_table("reasons")
        self.reasons.setColumnCount(3)
        self.reasons.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Rows"), self.tr("For example")])
        self.reasons.verticalHeader().hide()
        self.reasons.horizontalHeader().setStretchLastSection(True)
        # The compounds in no grid, known once the rows are compared with the profile.
        self.places = PlacesPanel(state.store)
        self.places.placed.connect(lambda _m: self._compare(self._generation))
        self.only_problems = QCheckBox(self.tr("Show only rows with problems"))
        self.only_problems.setObjectName("onlyProblems")
        self.only_problems.toggled.connect(lambda _on: self._fill_table())
        self.shown = _wrapped(name="shown")
        self.table = _readonly_table("preview")
        legend = _wrapped(self.tr(
            "Red: the row is rejected and will not be imported. Yellow: a warning; the row is imported as the "
            "warning says (a doubtful value left out or corrected). Point at a cell to read why. ID and phone "
            "numbers are masked."), "hint")
        row = QHBoxLayout()
        row.addWidget(self.shown, 1)
        row.addWidget(self.only_problems)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.reasons)
        layout.addWidget(self.places)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)

    def initializePage(self) -> None:  # noqa: N802
        sheet, header = self.state.sheet, self.state.header
        assert sheet is not None and header is not None
        self._generation += 1
        generation = self._generation
        self._checked = False
        self.state.checked = None
        self.error.setText("")
        self.totals.setText(self.tr("Checking every row…"))
        self.busy.show()
        for widget in (self.reasons, self.table):
            widget.setRowCount(0)
        self.places.show_plan(None)
        self.places.done.setText("")
        self.completeChanged.emit()
        # Checked once: the Import page stores this very value (roster_import.plan, apply).
        area = street.area_code(self.state.store)  # landlines written without one take it
        self.state.run(lambda _p, _c: roster_import.check(sheet, header, area_code=area),
                   lambda checked: self._checked_rows(generation, checked),
                   lambda message: self._failed(generation, message))

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.busy.hide()
            self.totals.setText("")
            self.error.setText(message)

    def stop_warming(self) -> None:
        """The import is starting (or the rows changed): it needs the machine more than this."""
        if self._warming is not None:
            self._warming.cancel()
            self._warming = None

    def _checked_rows(self, generation: int, checked: CheckedRoster) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.state.checked = checked
        rows = checked.rows
        self._checked = True
        # While the user reads the preview, make the names' search keys (pinyin): the import's
        # search-index catch-up then finds them ready instead of spending over a second on them.
        self.stop_warming()
        names = list(dict.fromkeys(r.name for r in rows if r.name and not r.rejected))
        self._warming = self.state.run(lambda _p, cancelled: searchkeys.warm_name_keys(names, cancelled),
                                   lambda _n: None, lambda _m: None)
        rejected = sum(1 for r in rows if r.rejected)
        warned = sum(1 for r in rows if not r.rejected and r.issues)
        self.totals.setText(self.tr(
            "{rows} rows read · {ok} will be imported · {rejected} rejected · {warned} with warnings").format(
                rows=f"{len(rows):,}", ok=f"{len(rows) - rejected:,}", rejected=f"{rejected:,}",
                warned=f"{warned:,}"))
        self._fill_reasons(rows)
        self._fill_table()
        self.completeChanged.emit()
        self._compare(generation)

    def _compare(self, generation: int) -> None:
        """The import's plan, as a dry run: which compounds of the roster no grid covers yet."""
        checked, store = self.state.checked, self.state.store
        if checked is None or generation != self._generation:
            return
        self.state.run(lambda _p, cancelled: roster_import.plan(store, checked, cancelled=cancelled),
                       lambda plan: self.places.show_plan(plan) if generation == self._generation else None,
                       lambda message: self.error.setText(message) if generation == self._generation else None,
                       database=True)  # the rows stay checked and shown: only the places are not known

    def _fill_reasons(self, rows: list[RosterRow]) -> None:
        self.counts = Counter()
        example: dict[str, str] = {}
        severity: dict[str, str] = {}
        for r in rows:
            for issue in r.issues:
                example.setdefault(issue.code, issue.text(_translate))
                if severity.get(issue.code) != "error":
                    severity[issue.code] = issue.severity
            self.counts.update({i.code for i in r.issues})
        order = sorted(self.counts, key=lambda code: (severity[code] != "error", -self.counts[code], code))
        self.reasons.setRowCount(len(order))
        for i, code in enumerate(order):
            tint = ERROR_TINT if severity[code] == "error" else WARNING_TINT
            kind = self.tr("rejected") if severity[code] == "error" else self.tr("warning")
            label = _translate("RosterReasons", REASON_LABELS[code]) if code in REASON_LABELS else code
            # Words for the cadre; the code (id_checksum) only in the tooltip, for whoever they phone.
            items = (QTableWidgetItem(self.tr("{reason} ({kind})").format(reason=label, kind=kind)),
                     QTableWidgetItem(self.tr("%n row(s)", "", self.counts[code])),
                     QTableWidgetItem(example[code]))
            items[0].setToolTip(code)
            items[0].setBackground(tint)
            items[0].setForeground(QColor("black"))
            items[2].setToolTip(example[code])
            for c, item in enumerate(items):
                self.reasons.setItem(i, c, item)
        self.reasons.setVisible(bool(order))
        self.reasons.resizeColumnsToContents()
        self.reasons.resizeRowsToContents()
        shown_rows = min(len(order), 6)  # more scroll
        height = self.reasons.horizontalHeader().sizeHint().height() + 2 * self.reasons.frameWidth() + sum(
            self.reasons.rowHeight(r) for r in range(shown_rows))
        self.reasons.setFixedHeight(height)

    def _fill_table(self) -> None:
        checked = self.state.checked
        if checked is None or not self._checked:
            return
        sheet, header = checked.sheet.data, checked.header
        rows = [r for r in checked.rows if r.issues] if self.only_problems.isChecked() else checked.rows
        shown = rows[:PREVIEW_ROWS]
        if self.only_problems.isChecked():
            self.shown.setText(self.tr("Rows with problems: the first %n shown.", "", len(shown)))
        else:
            self.shown.setText(self.tr("The first %n row(s) of the sheet.", "", len(shown)))
        width = len(header.labels)
        fields = {i: f for f, i in header.columns.items()}
        self.table.clear()
        self.table.setRowCount(len(shown))
        self.table.setColumnCount(width)
        self.table.setHorizontalHeaderLabels(
            [f"{roster.column_letter(c)} {label}".strip() for c, label in enumerate(header.labels)])
        for i, r in enumerate(shown):
            values = sheet.rows[r.row - 1] if r.row - 1 < len(sheet.rows) else []
            texts = [issue.text(_translate) for issue in r.issues]
            cells: dict[int, list[int]] = {}  # column -> its issues (-1: the row as a whole)
            for n, issue in enumerate(r.issues):
                cells.setdefault(_column_index(issue.column), []).append(n)
            head = QTableWidgetItem(str(r.row))
            head.setToolTip("\n".join(texts))
            self.table.setVerticalHeaderItem(i, head)
            for c in range(width):
                item = QTableWidgetItem(cell_text(values[c] if c < len(values) else None, fields.get(c)))
                if r.issues:
                    own = cells.get(c, [])
                    if own:
                        error = any(r.issues[n].severity == "error" for n in own)
                        item.setBackground(ERROR_TINT if error else WARNING_TINT)
                        item.setToolTip("\n".join(texts[n] for n in own))
                    else:
                        item.setBackground(ERROR_ROW_TINT if r.rejected else WARNING_ROW_TINT)
                        item.setToolTip("\n".join(texts))
                    item.setForeground(QColor("black"))
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        for c in range(width):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 260))

    def isComplete(self) -> bool:  # noqa: N802
        return self._checked and self.state.checked is not None and bool(self.state.checked.rows)


def _column_index(letters: str) -> int:
    """0-based index of an Excel column name; -1 when the issue names no column."""
    letters = (letters or "").strip().upper()
    if not letters.isalpha() or not letters.isascii():
        return -1
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1



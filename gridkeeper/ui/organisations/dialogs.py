"""The forms of the Organisations page. Each saves through a use case when Save is pressed;
a refusal shows in red under the fields and the form stays open with what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from gridkeeper import clock, lists
from gridkeeper.care import add_months
from gridkeeper.errors import GridKeeperError
from gridkeeper.organisations import committees, supervision, surveys, teams
from gridkeeper.organisations.terms import (
    CHECKLIST,
    EVALUATION_ITEMS,
    EVALUATION_PARTIES,
    PARTY_ORG_KINDS,
    SURVEY_METHODS,
    TEAM_KINDS,
    TOPICS,
)
from gridkeeper.store import Store
from gridkeeper.ui.widgets import forms, vocab


def date_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = day or clock.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def day_of(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def spin(maximum: int = 100000, value: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setValue(value)
    return box


def compound_box(compounds: list[tuple[str, str, str]], current: str | None = None) -> QComboBox:
    box = QComboBox()
    box.setObjectName("compound")
    for cid, name, community in compounds:
        box.addItem(f"{community} {name}".strip(), cid)
    if current:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


class Form(QDialog):
    """Fields, the error line, Save and Cancel; `save()` raises GridKeeperError to keep the form open."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.error = forms.error_label()
        self.saved: object = None

    def build(self, fields: list[tuple[str, QWidget]]) -> None:
        forms.lay_out(self, fields, self.error)

    def save(self) -> object:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except GridKeeperError as exc:
            self.error.setText(vocab.error_text(exc))
            return
        super().accept()


class CommitteeDialog(Form):
    """A newly elected term: election day, term end, chair, other members (、-separated)."""

    def __init__(self, store: Store, compound_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New owners' committee term"), parent)
        self._store, self._compound = store, compound_id
        self.elected = date_edit()
        self.ends = date_edit(add_months(clock.today(), 60))
        self.chair = QLineEdit()
        self.chair.setObjectName("chair")
        self.chair_party = QCheckBox(self.tr("The chair is a Party member"))
        self.members = QLineEdit()
        self.members.setObjectName("members")
        self.members.setPlaceholderText(self.tr("Names separated by 、"))
        self.build([(self.tr("Elected on:"), self.elected), (self.tr("Term ends:"), self.ends),
                    (self.tr("&Chair:"), self.chair), ("", self.chair_party), (self.tr("&Members:"), self.members)])

    def save(self) -> str:
        people = []
        if self.chair.text().strip():
            people.append(committees.NewMember(self.chair.text(), "chair", self.chair_party.isChecked()))
        people += [committees.NewMember(n, "member") for n in vocab.split_names(self.members.text())]
        return committees.add_committee(self._store, self._compound, day_of(self.elected), day_of(self.ends), people)


class PartyOrgDialog(Form):
    def __init__(self, store: Store, compound_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Party organisation"), parent)
        self._store, self._compound = store, compound_id
        self.kind = QComboBox()
        vocab.fill(self.kind, PARTY_ORG_KINDS)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.secretary = QLineEdit()
        self.secretary.setObjectName("secretary")
        self.build([(self.tr("Kind:"), self.kind), (self.tr("&Name:"), self.name),
                    (self.tr("&Secretary:"), self.secretary)])

    def save(self) -> str:
        return committees.set_party_org(self._store, self._compound, self.kind.currentData(), self.name.text(),
                                        self.secretary.text())


class CompanyDialog(Form):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New property company"), parent)
        self._store = store
        self.name, self.contact, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.name.setObjectName("name")
        self.build([(self.tr("&Name:"), self.name), (self.tr("Contact person:"), self.contact),
                    (self.tr("&Phone:"), self.phone)])

    def save(self) -> str:
        return supervision.add_company(self._store, self.name.text(), self.contact.text(), self.phone.text())


class ChangeCompanyDialog(Form):
    """The company serving a compound from a day: the first record, or a change with its reason."""

    def __init__(self, store: Store, compound_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Property company of the compound"), parent)
        self._store, self._compound = store, compound_id
        self.current = supervision.company_on(store, compound_id)
        self.company = QComboBox()
        self.company.setObjectName("company")
        for c in supervision.companies(store):
            self.company.addItem(c.name, c.id)
        self.day = date_edit()
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        fields: list[tuple[str, QWidget]] = [(self.tr("&Company:"), self.company), (self.tr("From:"), self.day)]
        if self.current:
            fields.append((self.tr("&Reason for the change:"), self.reason))
        self.build(fields)

    def save(self) -> str:
        company = self.company.currentData()
        if company is None:
            raise GridKeeperError(self.tr("Add the property company first."))
        if self.current:
            return supervision.change_company(self._store, self._compound, company, day_of(self.day),
                                              self.reason.text())
        return supervision.serve(self._store, self._compound, company, day_of(self.day))


class InspectionDialog(Form):
    """The checklist as a table: tick what passed, type a finding for what failed (it becomes a problem)."""

    def __init__(self, store: Store, compound_id: str, by: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Inspection of the property service"), parent)
        self._store, self._compound, self._by = store, compound_id, by
        self.day = date_edit()
        self.inspectors = QLineEdit(by)
        self.inspectors.setObjectName("inspectors")
        self.checks = QTableWidget(len(CHECKLIST), 2)
        self.checks.setObjectName("checks")
        self.checks.setHorizontalHeaderLabels([self.tr("Item (ticked: passed)"), self.tr("Finding")])
        self.checks.verticalHeader().hide()
        self.checks.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for r, item in enumerate(CHECKLIST):
            cell = QTableWidgetItem(QCoreApplication.translate("vocab", item))
            cell.setFlags(cell.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            cell.setCheckState(Qt.CheckState.Checked)
            self.checks.setItem(r, 0, cell)
            self.checks.setItem(r, 1, QTableWidgetItem(""))
        self.checks.horizontalHeader().setStretchLastSection(True)
        self.checks.resizeColumnToContents(0)
        self.checks.setMinimumWidth(520)
        self.checks.setMinimumHeight(self.checks.verticalHeader().defaultSectionSize() * (len(CHECKLIST) + 1) + 8)
        self.build([(self.tr("Day:"), self.day), (self.tr("Inspected by:"), self.inspectors),
                    (self.tr("Checklist:"), self.checks)])
        self.problems: list[str] = []

    def save(self) -> str:
        checks = [supervision.Check(self.checks.item(r, 0).text(),
                                    self.checks.item(r, 0).checkState() == Qt.CheckState.Checked,
                                    self.checks.item(r, 1).text()) for r in range(self.checks.rowCount())]
        inspection, self.problems = supervision.inspect(self._store, self._compound, day_of(self.day),
                                                        self.inspectors.text(), checks, self._by)
        return inspection


class SurveyDialog(Form):
    """Typed from a paper tally: every count a spin box, Tab to the next (its number selected, so typing
    replaces it), Enter saves. A topic left at "not asked" is recorded as not asked."""

    def __init__(self, store: Store, compound_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Satisfaction survey"), parent)
        self._store, self._compound = store, compound_id
        self.day = date_edit()
        self.method = QComboBox()
        vocab.fill(self.method, SURVEY_METHODS)
        vocab.choose(self.method, "paper")
        self.asked, self.answered, self.overall = spin(), spin(), spin()
        self.asked.setObjectName("asked")
        self.answered.setObjectName("answered")
        self.overall.setObjectName("overall")
        self.topics: dict[str, QSpinBox] = {}
        fields: list[tuple[str, QWidget]] = [
            (self.tr("Day:"), self.day), (self.tr("Method:"), self.method),
            (self.tr("Households &asked:"), self.asked), (self.tr("Households a&nswered:"), self.answered),
            (self.tr("Satisfied &overall:"), self.overall)]
        for key in TOPICS:
            box = QSpinBox()
            box.setRange(-1, 100000)
            box.setValue(-1)
            box.setSpecialValueText(self.tr("not asked"))
            box.setObjectName(key)
            self.topics[key] = box
            fields.append((self.tr("Satisfied with {topic}:").format(topic=vocab.word(TOPICS, key)), box))
        self.build(fields)

    def save(self) -> str:
        new = surveys.NewSurvey(self._compound, day_of(self.day), self.method.currentData(), self.asked.value(),
                                self.answered.value(), self.overall.value(),
                                {k: (b.value() if b.value() >= 0 else None) for k, b in self.topics.items()})
        return surveys.record(self._store, new)


class EvaluationDialog(Form):
    """One party's quarterly scores of the compound's property service, 0-100 per item."""

    def __init__(self, store: Store, compound_id: str, quarter: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Quarterly evaluation of the property service"), parent)
        self._store, self._compound = store, compound_id
        self.quarter = QLineEdit(quarter)
        self.quarter.setObjectName("quarter")
        self.party = QComboBox()
        self.party.setObjectName("party")
        vocab.fill(self.party, EVALUATION_PARTIES)
        self.scores: dict[str, QSpinBox] = {}
        fields: list[tuple[str, QWidget]] = [(self.tr("Quarter:"), self.quarter), (self.tr("Scored by:"), self.party)]
        for key in EVALUATION_ITEMS:
            box = spin(100, 80)
            box.setObjectName(key)
            self.scores[key] = box
            fields.append((vocab.word(EVALUATION_ITEMS, key) + self.tr(":"), box))
        self.build(fields)

    def save(self) -> str:
        return supervision.evaluate(self._store, self._compound, self.quarter.text(), self.party.currentData(),
                                    {k: b.value() for k, b in self.scores.items()})


class TeamDialog(Form):
    def __init__(self, store: Store, compounds: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New club or team"), parent)
        self._store = store
        self.name, self.leader = QLineEdit(), QLineEdit()
        self.name.setObjectName("name")
        self.kind = QComboBox()
        vocab.fill(self.kind, TEAM_KINDS)
        self.compound = compound_box([("", self.tr("(the whole community)"), ""), *compounds])
        self.compound.setItemData(0, None)
        self.build([(self.tr("&Name:"), self.name), (self.tr("Kind:"), self.kind),
                    (self.tr("Compound:"), self.compound), (self.tr("Leader:"), self.leader)])

    def save(self) -> str:
        return teams.add_team(self._store, self.name.text(), self.kind.currentData(), self.compound.currentData(),
                              self.leader.text())


class ActivityDialog(Form):
    def __init__(self, store: Store, team: teams.TeamRow, compounds: list[tuple[str, str, str]],
                 parent: QWidget | None = None, by: str = "") -> None:
        super().__init__(self.tr("Activity of {team}").format(team=team.name), parent)
        self._store, self._team = store, team
        self.day = date_edit()
        self.what = QLineEdit()
        self.what.setObjectName("what")
        self.participants, self.minutes, self.households = spin(10000, 1), spin(24 * 60, 60), spin()
        self.participants.setObjectName("participants")
        self.minutes.setObjectName("minutes")
        self.minutes.setSuffix(self.tr(" min"))
        self.households.setObjectName("households")
        self.compound = compound_box([("", self.tr("(none)"), ""), *compounds], team.compound_id)
        self.compound.setItemData(0, None)
        self.service = QComboBox()  # a service of the four lists this activity did: claimed and done by the team
        self.service.setObjectName("service")
        self.service.addItem(self.tr("(none)"), None)
        for item in lists.items(store, clock.today(), kind="service", statuses=lists.OPEN_STATUSES):
            self.service.addItem(f"{item.title}（{item.place}）" if item.place else item.title, item.id)
        self.build([(self.tr("Day:"), self.day), (self.tr("&What:"), self.what),
                    (self.tr("&Participants:"), self.participants), (self.tr("Each for:"), self.minutes),
                    (self.tr("&Households served:"), self.households), (self.tr("Compound:"), self.compound),
                    (self.tr("Service done from the lists:"), self.service)])
        self._by = by

    def save(self) -> str:
        return teams.add_activity(self._store, teams.NewActivity(
            self._team.id, day_of(self.day), self.what.text(), self.participants.value(), self.minutes.value(),
            self.households.value(), self.compound.currentData(), item_id=self.service.currentData()), self._by)


def run_form(form: Form, after: Callable[[], None]) -> bool:
    """Show the form; when it saved, call `after` (a refresh)."""
    if form.exec():
        after()
        return True
    return False

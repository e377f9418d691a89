"""The Organisations page (issue 23): owners' committees and Party organisations, property
companies under supervision, residents' satisfaction over time, clubs and volunteer teams."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.organisations import committees, supervision, surveys, teams
from gridkeeper.organisations.terms import SURVEY_METHODS, TEAM_KINDS, TERM_WARNING_MONTHS
from gridkeeper.reports import period
from gridkeeper.store import Store
from gridkeeper.store import organisations as q
from gridkeeper.ui.households.detail import _button, _fill, _table
from gridkeeper.ui.organisations import dialogs
from gridkeeper.ui.organisations.chart import satisfaction_chart
from gridkeeper.ui.widgets import vocab
from gridkeeper.ui.widgets.attachments import AttachmentStrip
from gridkeeper.ui.widgets.scope import ScopeLabel

# Read by lupdate for chart.py's event words (context "organisations").
_EVENTS = (QT_TRANSLATE_NOOP("organisations", "Property company changed to {text}"),
           QT_TRANSLATE_NOOP("organisations", "Deliberation decided: {text}"),
           QT_TRANSLATE_NOOP("organisations", "Satisfied overall (%)"))


def _quarter_of(day: date) -> period.Period:
    return period.quarter(f"{day.year}-Q{(day.month - 1) // 3 + 1}")


def _pct(n: int | None, d: int) -> str:
    share = surveys.rate(n, d)
    return "" if share is None else f"{share:.0%}"


class OrganisationsPage(QWidget):
    changed = Signal()

    def __init__(self, store: Store, my_grids: Sequence[str] | None = None, my_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._grids, self._me = store, (list(my_grids) if my_grids is not None else None), my_name
        self._governance: list[committees.Governance] = []
        self._teams: list[teams.TeamRow] = []
        self._compounds: list[tuple[str, str, str]] = []
        self.scope_line = ScopeLabel(store)
        self.status = QLabel()
        self.status.setObjectName("orgStatus")
        self.status.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("orgTabs")
        self.tabs.addTab(self._committees_tab(), self.tr("Committees and Party"))
        self.tabs.addTab(self._companies_tab(), self.tr("Property companies"))
        self.tabs.addTab(self._satisfaction_tab(), self.tr("Satisfaction"))
        self.tabs.addTab(self._teams_tab(), self.tr("Clubs and teams"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_line)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self._shown_once = False

    # -- tabs --------------------------------------------------------------------------

    def _committees_tab(self) -> QWidget:
        self.figures = QLabel()
        self.figures.setObjectName("orgFigures")
        self.figures.setWordWrap(True)
        self.committees = _table([self.tr("Community"), self.tr("Compound"), self.tr("Elected"), self.tr("Term ends"),
                                  self.tr("Chair"), self.tr("Party organisation"), self.tr("Secretary"),
                                  self.tr("Secretary chairs (一肩挑)"), self.tr("Warning")], "committees")
        buttons = QHBoxLayout()
        for b in (_button(self.tr("New committee &term…"), "newTerm", self.new_term),
                  _button(self.tr("&Party organisation…"), "partyOrg", self.party_org)):
            buttons.addWidget(b)
        buttons.addStretch(1)
        return self._tab(self.figures, self.committees, buttons)

    def _companies_tab(self) -> QWidget:
        self.companies = _table([self.tr("Company"), self.tr("Contact"), self.tr("Compounds served"),
                                 self.tr("Open problems"), self.tr("Overdue"), self.tr("Median days to close")],
                                "companies")
        self.history_compound = QComboBox()
        self.history_compound.setObjectName("historyCompound")
        self.history_compound.currentIndexChanged.connect(self._show_history)
        self.history = _table([self.tr("From"), self.tr("Until"), self.tr("Company"), self.tr("Reason for leaving")],
                              "companyHistory")
        # The compound's inspections; the chosen one's photos (its failed checks' findings among them).
        self.inspections = _table([self.tr("Inspected"), self.tr("By"), self.tr("Failed checks")], "inspections")
        self.inspections.setMaximumHeight(6 * self.fontMetrics().height())
        self.inspections.itemSelectionChanged.connect(self._show_inspection_photos)
        self._inspection_ids: list[str] = []
        self.inspection_photos = AttachmentStrip(self._store, self._me, self)
        self.ranking = QLabel()
        self.ranking.setObjectName("ranking")
        self.ranking.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (_button(self.tr("New &company…"), "newCompany", self.new_company),
                  _button(self.tr("Company of the compound / &change…"), "changeCompany", self.change_company),
                  _button(self.tr("&Inspection…"), "inspect", self.inspect),
                  _button(self.tr("Quarterly &evaluation…"), "evaluate", self.evaluate)):
            buttons.addWidget(b)
        buttons.addStretch(1)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("History of:")))
        pick.addWidget(self.history_compound, 1)
        tab = self._tab(None, self.companies, buttons)
        tab.layout().addLayout(pick)  # type: ignore[union-attr]
        tab.layout().addWidget(self.history)  # type: ignore[union-attr]
        tab.layout().addWidget(self.inspections)  # type: ignore[union-attr]
        tab.layout().addWidget(self.inspection_photos)  # type: ignore[union-attr]
        tab.layout().addWidget(self.ranking)  # type: ignore[union-attr]
        return tab

    def _satisfaction_tab(self) -> QWidget:
        self.survey_compound = QComboBox()
        self.survey_compound.setObjectName("surveyCompound")
        self.survey_compound.currentIndexChanged.connect(self._show_surveys)
        self.chart = QChartView()
        self.chart.setObjectName("satisfactionChart")
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setMinimumHeight(260)
        self.surveys = _table([self.tr("Day"), self.tr("Method"), self.tr("Asked"), self.tr("Answered"),
                               self.tr("Satisfied overall"), self.tr("Property service"), self.tr("Environment"),
                               self.tr("Safety"), self.tr("Neighbours"), self.tr("Community's work")], "surveys")
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Compound:")))
        pick.addWidget(self.survey_compound, 1)
        buttons = QHBoxLayout()
        for b in (_button(self.tr("New &survey…"), "newSurvey", self.new_survey),
                  _button(self.tr("Import &answers…"), "importAnswers", self.import_answers)):
            buttons.addWidget(b)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(pick)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.surveys, 1)
        layout.addLayout(buttons)
        return tab

    def _teams_tab(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("teamSearch")
        self.search.setPlaceholderText(self.tr("Search teams by name, leader, compound or community"))
        self.search.textChanged.connect(self._filter_teams)
        self.team_table = _table([self.tr("Team name"), self.tr("Kind"), self.tr("Compound or community"),
                                  self.tr("Leader"), self.tr("Members"), self.tr("Activities this month"),
                                  self.tr("Volunteer hours this month"), self.tr("Households served")], "teams")
        self.work_line = QLabel()
        self.work_line.setObjectName("teamWork")
        buttons = QHBoxLayout()
        for b in (_button(self.tr("New club or &team…"), "newTeam", self.new_team),
                  _button(self.tr("Record an &activity…"), "newActivity", self.new_activity)):
            buttons.addWidget(b)
        buttons.addStretch(1)
        tab = self._tab(self.search, self.team_table, buttons)
        tab.layout().addWidget(self.work_line)  # type: ignore[union-attr]
        return tab

    @staticmethod
    def _tab(top: QWidget | None, table: QTableWidget, buttons: QHBoxLayout) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        if top is not None:
            layout.addWidget(top)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        return tab

    # -- reading -------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self._shown_once:  # read when first looked at, not at start-up
            self._shown_once = True
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self.scope_line.show_grids(self._grids)
        with self._store.read() as conn:
            self._compounds = q.compounds(conn, self._grids)
        for box in (self.history_compound, self.survey_compound):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            for cid, name, community in self._compounds:
                box.addItem(f"{community} {name}", cid)
            box.setCurrentIndex(max(0, box.findData(keep)))
            box.blockSignals(False)
        self._show_committees()
        self._show_companies()
        self._show_history()
        self._show_surveys()
        self._show_teams()

    def _show_committees(self) -> None:
        today = clock.today()
        self._governance = committees.governance(self._store, self._grids, today)
        rows = []
        for g in self._governance:
            t = g.committee
            warning = ""
            if g.days_left is not None and g.days_left < 0:
                warning = self.tr("term ended {n} days ago").format(n=-g.days_left)
            elif g.term_warning:
                warning = self.tr("term ends in {n} days").format(n=g.days_left)
            rows.append((g.community, g.compound, t.elected_on.isoformat() if t else self.tr("no committee"),
                         t.term_ends.isoformat() if t else "", g.chair, g.party_org.name if g.party_org else "",
                         g.party_org.secretary if g.party_org else "", self.tr("yes") if g.one_shoulder else "",
                         warning))
        _fill(self.committees, rows)
        total = committees.governance_figures(self._governance)[-1]
        cover = "—" if total.coverage is None else f"{total.coverage:.0%}"
        self.figures.setText(self.tr(
            "{compounds} compounds · {committees} with an owners' committee · {party} of them with a Party "
            "organisation (coverage {cover}) · {one} where the secretary chairs the committee · {ending} terms "
            "ending within {months} months").format(
            compounds=total.compounds, committees=total.with_committee, party=total.with_party_org, cover=cover,
            one=total.one_shoulder, ending=total.terms_ending, months=TERM_WARNING_MONTHS))

    def _show_companies(self) -> None:
        rows = supervision.summaries(self._store)
        contacts = {c.id: " ".join(x for x in (c.contact, c.phone) if x) for c in supervision.companies(self._store)}
        _fill(self.companies, [(r.name, contacts.get(r.company_id, ""), "、".join(r.compounds), str(r.open_problems),
                                str(r.overdue), "—" if r.median_closing_days is None else f"{r.median_closing_days:g}")
                               for r in rows])
        quarter = _quarter_of(clock.today())
        ranked = supervision.ranking(self._store, quarter.label, self._grids)
        if not ranked:  # early in a quarter: the last one's evaluation
            quarter = _quarter_of(quarter.first - timedelta(days=1))
            ranked = supervision.ranking(self._store, quarter.label, self._grids)
        self.ranking.setText(self.tr("Service evaluation {quarter}: {ranking}").format(
            quarter=quarter.label, ranking="；".join(f"{e.rank}. {e.compound} {e.overall:.1f}" for e in ranked[:10])
            or self.tr("none recorded")))

    def _show_history(self) -> None:
        cid = self.history_compound.currentData()
        rows = supervision.history(self._store, cid) if cid else []
        _fill(self.history, [(k.start_date.isoformat(), k.end_date.isoformat() if k.end_date else self.tr("serving"),
                              k.company, k.exit_reason) for k in rows])
        done = supervision.inspections(self._store, cid) if cid else []
        self._inspection_ids = [i.id for i in done]
        _fill(self.inspections, [(i.inspected_on.isoformat(), i.inspectors, "；".join(
            f"{c.item}：{c.finding}" if c.finding else c.item for c in i.checks if not c.passed) or self.tr("none"))
            for i in done])
        if done:
            self.inspections.selectRow(0)
        self._show_inspection_photos()

    def _show_inspection_photos(self) -> None:
        row = self.inspections.currentRow() if self.inspections.selectedItems() else -1
        self.inspection_photos.show_for("inspection", self._inspection_ids[row] if 0 <= row < len(
            self._inspection_ids) else None)

    def _show_surveys(self) -> None:
        cid = self.survey_compound.currentData()
        if not cid:
            _fill(self.surveys, [])
            return
        series = surveys.series(self._store, cid)
        self.chart.setChart(satisfaction_chart(series, self.tr("Satisfaction in {compound}").format(
            compound=self.survey_compound.currentText())))
        _fill(self.surveys, [(s.surveyed_on.isoformat(), vocab.word(SURVEY_METHODS, s.method), str(s.asked),
                              str(s.answered), _pct(s.overall, s.answered),
                              *(_pct(s.topics[t], s.answered) for t in q.TOPIC_COLUMNS))
                             for s in reversed([p.survey for p in series.points])])

    def _filter_teams(self) -> None:
        """Hide the teams the search leaves out (filled once per refresh, not per keystroke)."""
        keep = {t.id for t in teams.team_list(self._store, self.search.text())}
        for r, t in enumerate(self._teams):
            hidden = t.id not in keep
            if hidden != self.team_table.isRowHidden(r):
                self.team_table.setRowHidden(r, hidden)

    def _show_teams(self) -> None:
        self._teams = teams.team_list(self._store)
        month = period.month_of(clock.today())
        # Teams are the street's (a team may serve no compound): their work is counted street-wide here.
        work = teams.work(self._store, month.first, month.last)
        by_team = {f.key: f for f in work.teams}
        rows = []
        for t in self._teams:
            f = by_team.get(t.id)
            rows.append((t.name, vocab.word(TEAM_KINDS, t.kind), t.compound or t.community, t.leader, str(t.members),
                         str(f.activities) if f else "0", f"{f.hours:g}" if f else "0",
                         str(f.households_served) if f else "0"))
        _fill(self.team_table, rows)
        for r in range(len(rows)):
            if self.team_table.isRowHidden(r):
                self.team_table.setRowHidden(r, False)
        self._filter_teams()
        self.work_line.setText(self.tr(
            "{month}, whole street: {activities} activities, {people} took part, {hours} volunteer hours, "
            "{households} households served").format(month=month.label, activities=work.total.activities, people=work.total.participants,
                             hours=f"{work.total.hours:g}", households=work.total.households_served))

    # -- actions -------------------------------------------------------------------------

    def _done(self, message: str) -> None:
        self.refresh()
        self.status.setText(message)
        self.changed.emit()

    def _compound_of(self, table: QTableWidget) -> str | None:
        row = table.currentRow()
        if 0 <= row < len(self._governance):
            return self._governance[row].compound_id
        self.status.setText(self.tr("Select a compound first."))
        return None

    def new_term(self) -> None:
        cid = self._compound_of(self.committees)
        if cid:
            dialogs.run_form(dialogs.CommitteeDialog(self._store, cid, self), lambda: self._done(
                self.tr("The new committee term is recorded.")))

    def party_org(self) -> None:
        cid = self._compound_of(self.committees)
        if cid:
            dialogs.run_form(dialogs.PartyOrgDialog(self._store, cid, self), lambda: self._done(
                self.tr("The Party organisation is recorded.")))

    def new_company(self) -> None:
        dialogs.run_form(dialogs.CompanyDialog(self._store, self), lambda: self._done(
            self.tr("The property company is added.")))

    def change_company(self) -> None:
        cid = self.history_compound.currentData()
        if cid:
            dialogs.run_form(dialogs.ChangeCompanyDialog(self._store, cid, self), lambda: self._done(
                self.tr("The compound's property company is recorded; its history keeps the one before.")))

    def inspect(self) -> None:
        cid = self.history_compound.currentData()
        if not cid:
            return
        form = dialogs.InspectionDialog(self._store, cid, self._me, self)
        dialogs.run_form(form, lambda: self._done(self.tr(
            "Inspection recorded; {n} problems opened for the company in the four lists.").format(n=len(form.problems))))

    def evaluate(self) -> None:
        cid = self.history_compound.currentData()
        if cid:
            dialogs.run_form(dialogs.EvaluationDialog(self._store, cid, _quarter_of(clock.today()).label, self),
                             lambda: self._done(self.tr("The evaluation is recorded.")))

    def new_survey(self) -> None:
        cid = self.survey_compound.currentData()
        if cid:
            dialogs.run_form(dialogs.SurveyDialog(self._store, cid, self), lambda: self._done(
                self.tr("The survey is recorded.")))

    def import_answers(self) -> None:
        cid = self.survey_compound.currentData()
        if not cid:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Survey answers"), "", self.tr("Excel (*.xlsx *.xls)"))
        if name:
            self.import_answers_from(cid, name)

    def import_answers_from(self, compound_id: str, path: str) -> None:
        """Count a sheet's answers into the survey form, for the cadre to check the households asked and save."""
        from gridkeeper.io.survey_answers import read_answers

        try:
            counted = surveys.count_answers(read_answers(path))  # type: ignore[arg-type]
        except GridKeeperError as exc:
            self.status.setText(self.tr("Not imported: {reason}").format(reason=vocab.error_text(exc)))
            return
        form = dialogs.SurveyDialog(self._store, compound_id, self)
        form.asked.setValue(counted.answered)
        form.answered.setValue(counted.answered)
        form.overall.setValue(counted.overall)
        for key, n in counted.topics.items():
            form.topics[key].setValue(-1 if n is None else n)
        skipped = self.tr("; rows set aside (answer not understood): {rows}").format(
            rows="、".join(str(r) for r, _a in counted.skipped)) if counted.skipped else ""
        form.error.setText(self.tr("{n} answers counted{skipped}. Check the households asked, then save.").format(
            n=counted.answered, skipped=skipped))
        form.error.setStyleSheet("")
        self._pending_form = form  # tests reach it; exec() below is modal
        dialogs.run_form(form, lambda: self._done(self.tr("The survey is recorded.")))

    def _team(self) -> teams.TeamRow | None:
        row = self.team_table.currentRow()
        if 0 <= row < len(self._teams) and not self.team_table.isRowHidden(row):
            return self._teams[row]
        self.status.setText(self.tr("Select a team first."))
        return None

    def new_team(self) -> None:
        dialogs.run_form(dialogs.TeamDialog(self._store, self._compounds, self), lambda: self._done(
            self.tr("The club or team is added.")))

    def new_activity(self) -> None:
        team = self._team()
        if team:
            dialogs.run_form(dialogs.ActivityDialog(self._store, team, self._compounds, self, self._me), lambda: self._done(
                self.tr("The activity is recorded.")))


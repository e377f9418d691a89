"""Reports: this month's figures for a scope, with charts, and the monthly pack as .xlsx.

The numbers are `reports.monthly.monthly_figures()`, the very ones the
workbook holds. They are computed off the UI thread (about a second for a
whole street); the page says when they were computed and refreshes on demand.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import clock
from gridkeeper.places import profile
from gridkeeper.reports import period
from gridkeeper.reports import scope as scopes
from gridkeeper.store import Store
from gridkeeper.ui.care import labels as care_labels
from gridkeeper.ui.widgets.scope import ScopeLabel
from gridkeeper.ui.worker import Job


def _nice_step(rough: float) -> int:
    """1, 2, 5, 10, 20, 50 … : the smallest at least `rough`."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude >= rough:
                return factor * magnitude
        magnitude *= 10


def _bar_chart(title: str, items: list[tuple[str, float]], series_name: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    bars = QBarSet(series_name)
    for _label, value in items:
        bars.append(value)
    # Many categories lie down: a third of the page is ~50 px a bar, too narrow for 代购代办
    # even slanted (Qt cut it to "…"); on the left axis each name has the chart's width to spare.
    lying = len(items) > 4
    series = QHorizontalBarSeries() if lying else QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([label for label, _v in items])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignLeft if lying else Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    top = max([v for _l, v in items] + [1.0])
    step = _nice_step(top / 4)
    axis_y.setRange(0, math.ceil(top / step) * step)
    axis_y.setTickType(QValueAxis.TickType.TicksDynamic)  # whole-number ticks: counts are never 0.5
    axis_y.setTickAnchor(0)
    axis_y.setTickInterval(step)
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignBottom if lying else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return chart


class DashboardPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._job: Job | None = None
        self.figures = None  # reports.monthly.MonthlyFigures once counted (imported on first use)

        self._pending = False  # the scope or month changed while counting: count again when done
        self.scope = QComboBox()
        self.scope.setObjectName("scope")
        self.scope.setMaxVisibleItems(20)  # a street has ~50 grids: scroll, not a list as tall as the screen
        # Fusion (and macOS) lay the list over the combo, as tall as it gets, ignoring maxVisibleItems:
        # a plain drop-down list honours it.
        self.scope.setStyleSheet("QComboBox { combobox-popup: 0; }")
        me = profile.current_cadre(store)
        self._mine: scopes.Scope | None = None
        if me and me.grids:
            self._mine = scopes.of_grids((g.id, g.name, g.community) for g in me.grids)
            self.scope.addItem(self.tr("My grids"), self._mine)
        self.scope.addItem(self.tr("Whole street"), scopes.EVERYTHING)
        communities, grids = scopes.choices(store)
        for group in (communities, grids):  # each community, then each grid, a line between the groups
            if group:
                self.scope.insertSeparator(self.scope.count())
            for choice in group:
                self.scope.addItem(choice.name, choice)
        view = self.scope.view()  # the list is as wide as the combo: leave room for its scroll bar
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 4)
        self.month = QComboBox()
        self.month.setObjectName("month")
        today = clock.today()
        for back in range(12):
            year, mon = today.year, today.month - back
            while mon < 1:
                year, mon = year - 1, mon + 12
            label = f"{year}-{mon:02d}"
            self.month.addItem(self.tr("{month} (so far)").format(month=label) if back == 0 else label, label)
        # The last complete month: what the monthly meeting looks at; this month is still being filled in.
        self.month.setCurrentIndex(1)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("&Export monthly pack (.xlsx)…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        self.quarterly_button = QPushButton()
        self.quarterly_button.setObjectName("exportQuarterly")
        self.quarterly_button.clicked.connect(self.export_quarterly)
        self._name_quarterly_button()
        self.unmask = QCheckBox(self.tr("Full phone numbers (written to the audit log)"))
        self.unmask.setObjectName("unmask")
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.month.currentIndexChanged.connect(lambda _i: self._name_quarterly_button())
        # What the figures are, always in view: the period, the scope and the date they are as of.
        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        heading_font = self.heading.font()
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        self.state = QLabel()
        self.state.setObjectName("dashboardState")
        self.state.setWordWrap(True)
        self.figure_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = (("plans", self.tr("Persons under a care plan")), ("daily", self.tr("Under daily contact")),
                 ("coverage", self.tr("Contacts made / expected")), ("alerts", self.tr("Alerts at the end")),
                 ("services", self.tr("Services delivered")), ("logged", self.tr("Contacts logged")),
                 ("cases", self.tr("Mediations received")), ("agreed", self.tr("Agreements reached")),
                 ("failed", self.tr("Failed / escalated")), ("visits", self.tr("Return visits made / overdue")),
                 ("walks", self.tr("Night walks held")), ("weeks", self.tr("Grid-weeks walked / expected")),
                 ("findings", self.tr("Findings logged")), ("problems", self.tr("Problems opened / closed")),
                 ("open", self.tr("Problems open at the end")), ("median", self.tr("Median days to close")))
        for i, (key, text) in enumerate(names):
            caption = QLabel(text)
            caption.setObjectName("hint")
            value = QLabel("—")
            value.setObjectName(f"figure_{key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            self.figure_labels[key] = value
            grid.addWidget(caption, 2 * (i // 6), i % 6)
            grid.addWidget(value, 2 * (i // 6) + 1, i % 6)
        self.owner_chart = QChartView()
        self.owner_chart.setObjectName("ownerChart")
        self.owner_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.services_chart = QChartView()
        self.services_chart.setObjectName("servicesChart")
        self.services_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.coverage_chart = QChartView()
        self.coverage_chart.setObjectName("coverageChart")
        self.coverage_chart.setRenderHint(QPainter.RenderHint.Antialiasing)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Scope:")))
        bar.addWidget(self.scope)
        bar.addWidget(QLabel(self.tr("Month:")))
        bar.addWidget(self.month)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.unmask)
        bar.addWidget(self.export_button)
        bar.addWidget(self.quarterly_button)
        charts = QHBoxLayout()
        charts.addWidget(self.owner_chart, 1)
        charts.addWidget(self.coverage_chart, 1)
        charts.addWidget(self.services_chart, 1)
        self.scope_line = ScopeLabel(store)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_line)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        self.org_line = QLabel()  # issue 23: committees, Party coverage, 一肩挑, terms ending; teams' hours
        self.org_line.setObjectName("orgFigures")
        self.org_line.setWordWrap(True)
        layout.addWidget(self.org_line)
        layout.addLayout(charts, 1)
        layout.addWidget(self.state)
        self._shown_once = False

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self._shown_once:  # computed when first looked at, not at start-up
            self._shown_once = True
            self.refresh()
        super().showEvent(event)

    def _office(self) -> str:
        from gridkeeper import settings as cfg
        from gridkeeper.settings import Settings

        return Settings(self._store.root).get(cfg.MEDIATION_OFFICE)

    def selected_period(self) -> period.Period:
        return period.month(self.month.currentData())

    def selected_quarter(self) -> period.Period:
        """The quarter of the chosen month (季督考 is per quarter)."""
        chosen = self.selected_period().first
        return period.quarter(f"{chosen.year}-Q{(chosen.month - 1) // 3 + 1}")

    def _name_quarterly_button(self) -> None:
        self.quarterly_button.setText(self.tr("&Quarterly evaluation {quarter} (.xlsx)…").format(
            quarter=self.selected_quarter().label))

    def refresh(self) -> None:
        if self._job is not None and self._job.is_running():
            self._pending = True  # not lost: the figures shown must be those of the scope chosen last
            return
        self._pending = False
        store, chosen_period, scope = self._store, self.selected_period(), self.scope.currentData()
        if scope is self._mine:  # named grid by grid: the combo says only whose
            self.scope_line.show_grids(scope.grid_ids)
        elif scope.grid_ids is None:
            self.scope_line.show_whole_street()
        else:
            self.scope_line.show_named(scope.name)
        self.state.setText(self.tr("Counting…"))
        self.heading.setText(self.tr("{period} ({first} to {last}) · counting…").format(
            period=chosen_period.label, first=chosen_period.first.isoformat(), last=chosen_period.last.isoformat()))
        self.refresh_button.setEnabled(False)
        office = self._office()
        from gridkeeper.reports import monthly  # the report modules load when the page is first used

        job = Job(lambda _p, _c: monthly.monthly_figures(store, chosen_period, scope, office=office), self)
        job.finished.connect(self.show_figures)
        job.failed.connect(self._failed)
        self._job = job
        job.start()

    def _show_organisations(self, figures) -> None:  # type: ignore[no-untyped-def]
        g, work = getattr(figures, "governance", None), getattr(figures, "teams", None)
        if g is None or work is None:
            self.org_line.clear()
            return
        cover = "—" if g.coverage is None else f"{g.coverage:.0%}"
        self.org_line.setText(self.tr(
            "Owners' committees: {committees} of {compounds} compounds · with a Party organisation: {party} "
            "(coverage {cover}) · secretary chairs (一肩挑): {one} · terms ending within 6 months: {ending} · "
            "clubs and teams: {activities} activities, {hours} volunteer hours, {households} households served").format(
            committees=g.with_committee, compounds=g.compounds, party=g.with_party_org, cover=cover,
            one=g.one_shoulder, ending=g.terms_ending, activities=work.total.activities,
            hours=f"{work.total.hours:g}", households=work.total.households_served))

    def _failed(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.state.setText(message)
        self._count_again()

    def _count_again(self) -> None:
        if self._pending:
            self.refresh()

    def show_figures(self, figures) -> None:  # type: ignore[no-untyped-def]  # reports.monthly.MonthlyFigures
        self.figures = figures
        self.refresh_button.setEnabled(True)
        care = figures.care
        coverage = f"{care.coverage:.1%}" if care.coverage is not None else "—"
        values = {"plans": f"{care.plans:,}", "daily": f"{care.daily_persons:,}",
                  "coverage": f"{care.made:,} / {care.expected:,} ({coverage})", "alerts": f"{care.alerts:,}",
                  "services": f"{care.services_total:,}", "logged": f"{care.contacts_logged:,}"}
        cases = figures.mediation
        values.update({"cases": f"{cases.received:,}", "agreed": f"{cases.agreed:,}",
                       "failed": f"{cases.failed:,} / {cases.escalated:,}",
                       "visits": f"{cases.visits_done:,} / {cases.visits_overdue:,}"})
        walked, items = figures.walks, figures.lists
        median = items.median_days("problem")
        values.update({"walks": f"{len(walked.walks):,}", "weeks": f"{walked.weeks_walked:,} / {walked.weeks_expected:,}",
                       "findings": f"{len(walked.findings):,}",
                       "problems": f"{len(items.opened('problem')):,} / {len(items.closed('problem')):,}",
                       "open": f"{len(items.open_at_end('problem')):,}",
                       "median": self.tr("{days} days").format(days=f"{median:g}") if median is not None else "—"})
        from gridkeeper import lists
        from gridkeeper.ui.widgets import vocab

        self.owner_chart.setChart(_bar_chart(
            self.tr("Problems open at the end, by owner"),
            [(vocab.word(lists.OWNER_PARTIES, r.owner), float(r.open_at_end))
             for r in items.by_owner("problem") if not r.name], self.tr("Problems")))
        for key, text in values.items():
            self.figure_labels[key].setText(text)
        self._show_organisations(figures)
        self.services_chart.setChart(_bar_chart(
            self.tr("Services by type"),
            [(care_labels.service(k), float(n)) for k, n in sorted(care.services.items())], self.tr("Services")))
        by_frequency: dict[tuple[int, int], list[int]] = {}  # (order, interval): daily first, monthly last
        order = {"daily": 0, "every_n_days": 1, "weekly": 2, "monthly": 3}
        names = {}
        for row in care.rows:
            key = (order.get(row.frequency, 9), row.interval_days or 0)
            names[key] = care_labels.frequency(row.frequency, row.interval_days)
            made_expected = by_frequency.setdefault(key, [0, 0])
            made_expected[0] += row.made
            made_expected[1] += row.expected
        self.coverage_chart.setChart(_bar_chart(
            self.tr("Coverage by plan frequency (%)"),
            [(names[k], round(100 * m / e, 1) if e else 0.0) for k, (m, e) in sorted(by_frequency.items())],
            self.tr("Coverage")))
        self.state.setText(self.tr("{period} · {scope} · figures as of {date}").format(
            period=figures.period.label, scope=figures.scope.name or self.tr("whole street"),
            date=figures.as_of.isoformat()))
        self.heading.setText(self.tr("{period} ({first} to {last}) · {scope} · figures as of {date}").format(
            period=figures.period.label, first=figures.period.first.isoformat(),
            last=figures.period.last.isoformat(), scope=figures.scope.name or self.tr("whole street"),
            date=figures.as_of.isoformat()))
        self._count_again()

    def export(self) -> None:
        chosen_period = self.selected_period()
        chosen = self.scope.currentData()
        if chosen.name:  # one pack per community or grid: the name says which, and none overwrites another
            name = self.tr("Monthly pack {period} {scope}.xlsx").format(
                period=chosen_period.label, scope=re.sub(r'[\\/:*?"<>|]', "_", chosen.name))
        else:
            name = self.tr("Monthly pack {period}.xlsx").format(period=chosen_period.label)
        default = Path.home() / name
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the monthly pack"), str(default),
                                                    self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, target: Path) -> Job:
        from gridkeeper.io import report_xlsx
        from gridkeeper.reports import monthly

        store, chosen_period, scope = self._store, self.selected_period(), self.scope.currentData()
        office, unmask = self._office(), self.unmask.isChecked()

        def run(_p, _c):  # type: ignore[no-untyped-def]
            figures = monthly.monthly_figures(store, chosen_period, scope, office=office, unmask=unmask)
            return report_xlsx.write(monthly.monthly_report(figures, QCoreApplication.translate), target)

        self.state.setText(self.tr("Writing {name}…").format(name=target.name))
        job = Job(run, self)
        job.finished.connect(lambda written: self.state.setText(
            self.tr("Saved the monthly pack as {path}.").format(path=str(written))))
        job.failed.connect(self._failed)
        job.start()
        return job

    def export_quarterly(self) -> None:
        quarter = self.selected_quarter()
        default = Path.home() / self.tr("Quarterly evaluation {quarter}.xlsx").format(quarter=quarter.label)
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the quarterly evaluation"), str(default),
                                                    self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_quarterly_to(Path(path))

    def export_quarterly_to(self, target: Path) -> Job:
        """The quarterly evaluation (per cadre, per grid, the ranking) of the whole profile, as the
        command line's `report quarterly` writes it."""
        from gridkeeper.io import report_xlsx
        from gridkeeper.reports import quarterly

        store, quarter, office = self._store, self.selected_quarter(), self._office()

        def run(_p, _c):  # type: ignore[no-untyped-def]
            figures = quarterly.quarterly_figures(store, quarter, office=office)
            return report_xlsx.write(quarterly.quarterly_report(figures, QCoreApplication.translate), target)

        self.state.setText(self.tr("Writing {name}…").format(name=target.name))
        job = Job(run, self)
        job.finished.connect(lambda written: self.state.setText(
            self.tr("Saved the quarterly evaluation as {path}.").format(path=str(written))))
        job.failed.connect(self._failed)
        job.start()
        return job

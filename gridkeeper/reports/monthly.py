"""The monthly consultation pack (月协商): figures, then the workbook's tables.

`monthly_figures()` computes every number once (the dashboard shows these);
`monthly_report()` lays them out as sheets in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gridkeeper.errors import QT_TRANSLATE_NOOP as T  # noqa: N811 (lupdate reads the macro's name)
from gridkeeper.reports import labels
from gridkeeper.reports.care_figures import CareFigures, care_figures
from gridkeeper.reports.period import Period
from gridkeeper.reports.scope import Scope
from gridkeeper.reports.tables import DATE, INT, PERCENT, TEXT, Chart, Column, Report, Table, Translate
from gridkeeper.store.engine import Store


@dataclass(frozen=True)
class MonthlyFigures:
    period: Period
    scope: Scope
    as_of: date
    care: CareFigures


def monthly_figures(store: Store, period: Period, scope: Scope, today: date | None = None) -> MonthlyFigures:
    today = today or date.today()
    return MonthlyFigures(
        period=period, scope=scope, as_of=min(period.last, today),
        care=care_figures(store, period, scope.grid_ids, today),
    )


_OVERVIEW = T("report", "Overview")
_SECTION, _FIGURE, _COUNT, _SHARE = (T("report", "Section"), T("report", "Figure"), T("report", "Count"),
                                     T("report", "Share"))
_CARE = T("report", "Care")
_SERVICES = T("report", "Services by type")


class _Overview:
    """Rows of the overview sheet; remembers where each block starts for its chart."""

    def __init__(self, tr: Translate) -> None:
        self.tr = tr
        self.rows: list[tuple[object, ...]] = []
        self.charts: list[Chart] = []

    def add(self, section: str, figure: str, count: int | None, share: float | None = None) -> None:
        self.rows.append((self.tr("report", section), figure, count, share))

    def block(self, section: str, title: str, items: list[tuple[str, int]]) -> None:
        """Rows that a bar chart shows (figure = category)."""
        start = len(self.rows) + 1
        for name, count in items:
            self.add(section, name, count)
        if items:
            self.charts.append(Chart(self.tr("report", title), start, len(self.rows), (3,)))


def _care_overview(o: _Overview, care: CareFigures, tr: Translate) -> None:
    o.add(_CARE, tr("report", "Persons under a care plan"), care.plans)
    o.add(_CARE, tr("report", "Persons under daily contact"), care.daily_persons)
    o.add(_CARE, tr("report", "Contacts expected"), care.expected)
    o.add(_CARE, tr("report", "Contacts made (coverage)"), care.made, care.coverage)
    o.add(_CARE, tr("report", "Contacts logged, attempts included"), care.contacts_logged)
    o.add(_CARE, tr("report", "Alerts at the end (two unanswered calls)"), care.alerts)
    o.add(_CARE, tr("report", "Services delivered"), care.services_total)
    o.block(_CARE, _SERVICES, [(labels.service(tr, k), n) for k, n in sorted(care.services.items())])


def _care_sheet(care: CareFigures, tr: Translate) -> Table:
    def t(text: str) -> str:
        return tr("report", text)

    columns = [
        Column(t("Name"), TEXT, 5), Column(t("Address"), TEXT, 14), Column(t("Grid"), TEXT, 5),
        Column(t("Plan"), TEXT, 5), Column(t("Cadre"), TEXT, 4), Column(t("Volunteer"), TEXT, 4),
        Column(t("Contacts expected"), INT, 4), Column(t("Contacts made"), INT, 4),
        Column(t("Coverage"), PERCENT, 4), Column(t("Missed days"), INT, 4),
        Column(t("Last contact"), DATE, 6), Column(t("Alert"), TEXT, 3),
    ]
    rows = [
        (r.name, r.address, r.grid, labels.frequency(tr, r.frequency, r.interval_days), r.cadre, r.volunteer,
         r.expected, r.made, r.coverage, r.missed_days, r.last_contact, t("yes") if r.alert else "")
        for r in care.rows
    ]
    return Table(t("Care coverage"), columns, rows)


def monthly_report(figures: MonthlyFigures, tr: Translate) -> Report:
    scope = figures.scope.name or tr("report", "whole profile")
    title = tr("report", "Monthly consultation pack {period} · {scope}").format(
        period=figures.period.label, scope=scope)
    o = _Overview(tr)
    o.add(T("report", "Period"), f"{figures.period.first.isoformat()} – {figures.period.last.isoformat()}", None)
    o.add(T("report", "Period"), tr("report", "Figures as of {date}").format(date=figures.as_of.isoformat()), None)
    o.add(T("report", "Scope"), scope, None)
    _care_overview(o, figures.care, tr)
    overview = Table(tr("report", _OVERVIEW), [
        Column(tr("report", _SECTION), TEXT, 6), Column(tr("report", _FIGURE), TEXT, 22),
        Column(tr("report", _COUNT), INT, 5), Column(tr("report", _SHARE), PERCENT, 5)], o.rows, o.charts)
    return Report(title, figures.period.label, scope, [overview, _care_sheet(figures.care, tr)])

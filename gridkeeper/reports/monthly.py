"""The monthly consultation pack (月协商): figures, then the workbook's tables.

`monthly_figures()` computes every number once (the dashboard shows these);
`monthly_report()` lays them out as sheets in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.organisations.committees import GovernanceFigures
from gridkeeper.organisations.teams import MonthWork
from gridkeeper.reports import labels, monthly_lists, organisation_sheets
from gridkeeper.reports import meeting_figures as mf
from gridkeeper.reports.care_figures import CareFigures, care_figures
from gridkeeper.reports.list_figures import ListFigures, list_figures
from gridkeeper.reports.mediation_figures import MediationFigures, mediation_figures
from gridkeeper.reports.meeting_figures import MeetingFigures, meeting_figures
from gridkeeper.reports.overview import Overview
from gridkeeper.reports.period import Period
from gridkeeper.reports.scope import Scope
from gridkeeper.reports.tables import DATE, INT, PERCENT, TEXT, Column, Report, Table, Translate, Words
from gridkeeper.reports.walk_figures import WalkFigures, walk_figures
from gridkeeper.store.engine import Store


@dataclass(frozen=True)
class MonthlyFigures:
    period: Period
    scope: Scope
    as_of: date
    care: CareFigures
    mediation: MediationFigures
    walks: WalkFigures
    lists: ListFigures
    teams: MonthWork | None = None  # clubs and volunteer teams at work (issue 23)
    governance: GovernanceFigures | None = None  # committees and Party organisations at the end (issue 23)
    meetings: MeetingFigures | None = None  # weekend duty counts (issue 22)


def monthly_figures(store: Store, period: Period, scope: Scope, today: date | None = None,
                    office: str = "城南", unmask: bool = False) -> MonthlyFigures:
    """`office`: the short name in mediation case numbers (a setting of the laptop). `unmask`: the
    care sheet carries full phone numbers; each person's numbers are written to the audit log."""
    today = today or clock.today()
    period.check_begun(today)
    as_of = min(period.last, today)
    care = care_figures(store, period, scope.grid_ids, today)
    if unmask:
        from gridkeeper.places import audit

        full = audit.export_numbers(store, [r.person_id for r in care.rows if r.person_id],
                                    note=f"monthly pack {period.label}")
        care = replace(care, rows=[replace(r, phones=full.get(r.person_id, r.phones)) for r in care.rows])
    return MonthlyFigures(
        period=period, scope=scope, as_of=as_of,
        care=care,
        mediation=mediation_figures(store, period, scope.grid_ids, as_of, office),
        walks=walk_figures(store, period, scope.grid_ids, as_of, today),
        lists=list_figures(store, period, scope.grid_ids, as_of),
        teams=organisation_sheets.month_work(store, period, scope.grid_ids),
        governance=organisation_sheets.governance_total(store, scope.grid_ids, as_of),
        meetings=meeting_figures(store, period, scope.grid_ids),
    )


_OVERVIEW = QT_TRANSLATE_NOOP("report", "Overview")
_OVERVIEW_COLUMNS = ((QT_TRANSLATE_NOOP("report", "Section"), TEXT, 6), (QT_TRANSLATE_NOOP("report", "Figure"), TEXT, 22),
                     (QT_TRANSLATE_NOOP("report", "Count"), INT, 5), (QT_TRANSLATE_NOOP("report", "Share"), PERCENT, 5))
_PERIOD, _SCOPE, _CARE = QT_TRANSLATE_NOOP("report", "Period"), QT_TRANSLATE_NOOP("report", "Scope"), QT_TRANSLATE_NOOP("report", "Care")
_CARE_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Name"), TEXT, 5), (QT_TRANSLATE_NOOP("report", "Phone"), TEXT, 8),
    (QT_TRANSLATE_NOOP("report", "Address"), TEXT, 14), (QT_TRANSLATE_NOOP("report", "Grid"), TEXT, 5),
    (QT_TRANSLATE_NOOP("report", "Plan"), TEXT, 5), (QT_TRANSLATE_NOOP("report", "Cadre"), TEXT, 4), (QT_TRANSLATE_NOOP("report", "Volunteer"), TEXT, 4),
    (QT_TRANSLATE_NOOP("report", "Contacts expected"), INT, 4), (QT_TRANSLATE_NOOP("report", "Contacts made"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Coverage"), PERCENT, 4),
    (QT_TRANSLATE_NOOP("report", "Days due but not reached"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Last contact"), DATE, 6), (QT_TRANSLATE_NOOP("report", "Alert"), TEXT, 3),
)


_MEDIATION = QT_TRANSLATE_NOOP("report", "Mediation")
_CASE_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Case number"), TEXT, 12), (QT_TRANSLATE_NOOP("report", "Received"), DATE, 6),
    (QT_TRANSLATE_NOOP("report", "Category"), TEXT, 5), (QT_TRANSLATE_NOOP("report", "Compound"), TEXT, 6),
    (QT_TRANSLATE_NOOP("report", "Parties"), TEXT, 10), (QT_TRANSLATE_NOOP("report", "Mediators"), TEXT, 6),
    (QT_TRANSLATE_NOOP("report", "Status at the end of the period"), TEXT, 6),
    (QT_TRANSLATE_NOOP("report", "Return visits in the period"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Next return visit"), DATE, 6),
    (QT_TRANSLATE_NOOP("report", "Days overdue"), INT, 4), (QT_TRANSLATE_NOOP("report", "Summary"), TEXT, 16),
)


def _columns(w: Words, spec: tuple[tuple[str, str, int], ...]) -> list[Column]:
    return [Column(w(title), kind, width) for title, kind, width in spec]


def _care_overview(o: Overview, care: CareFigures, w: Words) -> None:
    o.add(_CARE, QT_TRANSLATE_NOOP("report", "Persons under a care plan"), care.plans)
    o.add(_CARE, QT_TRANSLATE_NOOP("report", "Persons under daily contact"), care.daily_persons)
    o.add(_CARE, QT_TRANSLATE_NOOP("report", "Contacts expected"), care.expected)
    o.add(_CARE, QT_TRANSLATE_NOOP("report", "Contacts made (coverage)"), care.made, care.coverage)
    o.add(_CARE, QT_TRANSLATE_NOOP("report", "Contacts logged, attempts included"), care.contacts_logged)
    o.add(_CARE, QT_TRANSLATE_NOOP("report", "Alerts at the end (two unanswered calls)"), care.alerts)
    o.add(_CARE, QT_TRANSLATE_NOOP("report", "Services delivered"), care.services_total)
    o.block(_CARE, QT_TRANSLATE_NOOP("report", "Services by type"),
            [(labels.service(w, k), n) for k, n in sorted(care.services.items())])


def _care_sheet(care: CareFigures, w: Words) -> Table:
    yes = w(QT_TRANSLATE_NOOP("report", "yes"))
    rows = [
        (r.name, r.phones, r.address, r.grid, labels.frequency(w, r.frequency, r.interval_days), r.cadre, r.volunteer,
         r.expected, r.made, r.coverage, r.missed_days, r.last_contact, yes if r.alert else "")
        for r in care.rows
    ]
    return Table(w(QT_TRANSLATE_NOOP("report", "Care coverage")), _columns(w, _CARE_COLUMNS), rows)


def _mediation_overview(o: Overview, m: MediationFigures, w: Words) -> None:
    o.add(_MEDIATION, QT_TRANSLATE_NOOP("report", "Cases received"), m.received)
    o.add(_MEDIATION, QT_TRANSLATE_NOOP("report", "Agreements reached"), m.agreed)
    o.add(_MEDIATION, QT_TRANSLATE_NOOP("report", "Mediations failed"), m.failed)
    o.add(_MEDIATION, QT_TRANSLATE_NOOP("report", "Cases escalated"), m.escalated)
    o.add(_MEDIATION, QT_TRANSLATE_NOOP("report", "Return visits made"), m.visits_done)
    o.add(_MEDIATION, QT_TRANSLATE_NOOP("report", "Return visits overdue at the end"), m.visits_overdue)
    o.add(_MEDIATION, QT_TRANSLATE_NOOP("report", "Cases open at the end"), m.open_at_end)
    o.block(_MEDIATION, QT_TRANSLATE_NOOP("report", "Cases received by category"),
            [(labels.case_category(w, k), n) for k, n in sorted(m.by_category.items())])


def _mediation_sheet(m: MediationFigures, w: Words) -> Table:
    rows = [(r.number, r.received_on, labels.case_category(w, r.category), r.compound, r.parties, r.mediators,
             labels.case_status(w, r.status), r.visits, r.next_visit_due, r.visit_overdue_days or None, r.summary)
            for r in m.rows]
    return Table(w(QT_TRANSLATE_NOOP("report", "Mediations")), _columns(w, _CASE_COLUMNS), rows)


def monthly_report(figures: MonthlyFigures, translate: Translate) -> Report:
    w = Words(translate)
    scope = figures.scope.name or w(QT_TRANSLATE_NOOP("report", "whole street"))
    title = w(QT_TRANSLATE_NOOP("report", "Monthly consultation pack {period} · {scope}")).format(
        period=figures.period.label, scope=scope)
    o = Overview(w)
    o.add(_PERIOD, f"{figures.period.first.isoformat()} – {figures.period.last.isoformat()}", None)
    o.add(QT_TRANSLATE_NOOP("report", "Figures as of"), figures.as_of.isoformat(), None)
    o.add(_SCOPE, scope, None)
    monthly_lists.walks_overview(o, figures.walks, w)
    monthly_lists.lists_overview(o, figures.lists, w)
    _mediation_overview(o, figures.mediation, w)
    _care_overview(o, figures.care, w)
    if figures.teams is not None:
        organisation_sheets.work_overview(o, figures.teams)
    if figures.governance is not None:
        organisation_sheets.governance_overview(o, figures.governance)
    if figures.meetings is not None:
        mf.overview(o, figures.meetings)
    overview = Table(w(_OVERVIEW), _columns(w, _OVERVIEW_COLUMNS), o.rows, o.charts, filtered=False)
    heading = w(QT_TRANSLATE_NOOP("report", "{title} · figures as of {date}")).format(
        title=title, date=figures.as_of.isoformat())
    return Report(title, figures.period.label, scope, heading=heading, tables=[
        overview, *monthly_lists.walk_sheets(figures.walks, w), monthly_lists.items_sheet(figures.lists, w),
        monthly_lists.owner_sheet(figures.lists, w),
        _mediation_sheet(figures.mediation, w), _care_sheet(figures.care, w),
        monthly_lists.agenda_sheet(figures.lists, figures.mediation, w),
        *(organisation_sheets.work_sheets(figures.teams, w) if figures.teams is not None else ()),
        *_meeting_sheets(figures, w)])


def _meeting_sheets(figures: MonthlyFigures, w: Words) -> list[Table]:
    return [] if figures.meetings is None else [mf.duty_sheet(figures.meetings, w)]

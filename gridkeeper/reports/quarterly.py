"""The quarterly evaluation (季督考): per cadre, per grid, and a ranking.

Per cadre: night walks the cadre led or joined, against the quarter's weeks
(weeks with a walk / weeks ended); findings on those walks; problems the
cadre claimed, closed in the quarter, and their median days to close; items
of the cadre's grids overdue at the quarter's end; the care persons whose
plan names the cadre (contacts expected, made, coverage, missed days); the
mediation cases the cadre mediated (received in the quarter; agreed, failed
or escalated by its end). The ranking orders cadres by walk weeks, then care
coverage, then fewer overdue items, then name: a plain, explainable order
rather than a weighted score nobody can check.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.reports import organisation_sheets
from gridkeeper.reports.care_figures import CareFigures, care_figures
from gridkeeper.reports.list_figures import OPEN, ListFigures, list_figures
from gridkeeper.reports.mediation_figures import MediationFigures, mediation_figures
from gridkeeper.reports.organisation_sheets import OrgQuarter
from gridkeeper.reports import meeting_figures as mf
from gridkeeper.reports.meeting_figures import MeetingFigures, meeting_figures
from gridkeeper.reports.period import Period
from gridkeeper.reports.tables import INT, NUMBER, PERCENT, TEXT, Column, Report, Table, Translate, Words
from gridkeeper.reports.walk_figures import WalkFigures, WalkRow, walk_figures
from gridkeeper.store import reports as queries
from gridkeeper.store.engine import Store


@dataclass
class CadreRow:
    cadre_id: str
    name: str
    grids: str
    grid_ids: list[str] = field(default_factory=list)
    weeks: int = 0
    weeks_walked: int = 0
    walks: int = 0
    findings: int = 0
    claimed: int = 0
    closed: int = 0
    median_days: float | None = None
    overdue: int = 0
    care_persons: int = 0
    expected: int = 0
    made: int = 0
    missed_days: int = 0
    cases: int = 0
    agreed: int = 0
    failed: int = 0
    escalated: int = 0

    @property
    def coverage(self) -> float | None:
        return self.made / self.expected if self.expected else None


@dataclass
class GridRow:
    grid_id: str
    name: str
    cadres: str
    weeks: int = 0
    weeks_walked: int = 0
    findings: int = 0
    problems_open: int = 0
    care_persons: int = 0
    expected: int = 0
    made: int = 0
    missed_days: int = 0

    @property
    def coverage(self) -> float | None:
        return self.made / self.expected if self.expected else None


@dataclass(frozen=True)
class QuarterlyFigures:
    period: Period
    as_of: date
    care: CareFigures
    mediation: MediationFigures
    walks: WalkFigures
    lists: ListFigures
    cadres: list[CadreRow] = field(default_factory=list)
    grids: list[GridRow] = field(default_factory=list)
    organisations: OrgQuarter | None = None  # committees, property service, satisfaction (issue 23)
    meetings: MeetingFigures | None = None  # the quarter's meetings and deliberations (issue 22)

    def ranking(self) -> list[CadreRow]:
        """Cadres with a grid or care persons: most weeks walked (as a share), best care coverage,
        fewest overdue items, then name."""
        ranked = [c for c in self.cadres if c.grid_ids or c.expected]
        return sorted(ranked, key=lambda c: (-(c.weeks_walked / c.weeks if c.weeks else 0.0),
                                             -(c.coverage or 0.0), c.overdue, c.name))


def quarterly_figures(store: Store, period: Period, today: date | None = None,
                      office: str = "城南") -> QuarterlyFigures:
    today = today or clock.today()
    period.check_begun(today)
    as_of = min(period.last, today)
    care = care_figures(store, period, None, today)
    cases = mediation_figures(store, period, None, as_of, office)
    walk_report = walk_figures(store, period, None, as_of, today)
    items = list_figures(store, period, None, as_of)
    with store.read() as conn:
        assignments = queries.cadres_with_grids(conn, period.first, period.last)  # who held what then
        grid_names = {gid: f"{community}{name}" for gid, name, _code, community in queries.grids(conn)}
    cadres: dict[str, CadreRow] = {}
    grid_cadres: dict[str, list[str]] = defaultdict(list)
    for cadre_id, name, grid_id in assignments:
        row = cadres.setdefault(cadre_id, CadreRow(cadre_id, name, ""))
        if grid_id:
            row.grids = "、".join(filter(None, (row.grids, grid_names.get(grid_id, ""))))
            row.grid_ids.append(grid_id)
            grid_cadres[grid_id].append(name)
    grids = {gid: GridRow(gid, name, "、".join(grid_cadres.get(gid, []))) for gid, name in grid_names.items()}
    _walks(period, walk_report, cadres, grids)
    _lists(items, cadres, grids)
    for r in care.rows:
        for row in filter(None, (cadres.get(r.cadre_id), grids.get(r.grid_id))):
            row.care_persons += 1
            row.expected += r.expected
            row.made += r.made
            row.missed_days += r.missed_days
    by_name = {c.name: c for c in cadres.values()}
    for case in cases.rows:
        if case.received_on < period.first:
            continue
        for name in filter(None, case.mediators.replace(",", "、").split("、")):
            row = by_name.get(name.strip())
            if row is None:
                continue
            row.cases += 1
            row.agreed += case.outcome == "agreed"
            row.failed += case.outcome == "failed"
            row.escalated += case.outcome == "escalated"
    return QuarterlyFigures(period, as_of, care, cases, walk_report, items,
                            sorted(cadres.values(), key=lambda c: c.name), sorted(grids.values(), key=lambda g: g.name),
                            organisations=organisation_sheets.quarter_figures(store, period, as_of),
                            meetings=meeting_figures(store, period, None))


def _walks(period: Period, report: WalkFigures, cadres: dict[str, CadreRow],
           grids: dict[str, GridRow]) -> None:
    """Per cadre, as per grid (walk_figures): the weeks that ended, plus a running week walked;
    walks and findings dated inside the quarter."""
    weeks = period.weeks()
    ended = set(report.ended_weeks(weeks))

    def takes_part(cadre: CadreRow, walk: WalkRow) -> bool:
        return cadre.cadre_id == walk.leader_cadre_id or cadre.cadre_id in walk.cadre_ids

    for cadre in cadres.values():
        for walk in report.walks:
            if takes_part(cadre, walk):
                cadre.walks += 1
                cadre.findings += walk.findings
        weeks_on = {tuple(w.walk_date.isocalendar()[:2]) for w in report.week_walks if takes_part(cadre, w)}
        counted = ended | weeks_on
        cadre.weeks = len(counted)
        cadre.weeks_walked = len(weeks_on & counted)
    for g in report.grids:
        if g.grid_id in grids:
            grids[g.grid_id].weeks, grids[g.grid_id].weeks_walked = g.weeks, g.weeks_walked
    for f in report.findings:
        if f.grid_id in grids:
            grids[f.grid_id].findings += 1


def _lists(items: ListFigures, cadres: dict[str, CadreRow], grids: dict[str, GridRow]) -> None:
    by_name: dict[str, list[CadreRow]] = defaultdict(list)
    for c in cadres.values():
        by_name[c.name].append(c)
    for cadre in cadres.values():
        mine = [r for r in items.of("problem") if r.claimant == cadre.name and len(by_name[cadre.name]) == 1]
        cadre.claimed = len(mine)
        days = [r.closure_days for r in mine if r.closed_on and r.closed_on >= items.first]
        cadre.closed = len(days)
        cadre.median_days = statistics.median(d for d in days if d is not None) if days else None
        cadre.overdue = sum(1 for r in items.rows if r.grid_id in cadre.grid_ids and r.overdue_days > 0)
    for r in items.of("problem"):
        if r.status in OPEN and r.grid_id in grids:
            grids[r.grid_id].problems_open += 1


_CADRE_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Cadre"), TEXT, 4), (QT_TRANSLATE_NOOP("report", "Grids"), TEXT, 12),
    (QT_TRANSLATE_NOOP("report", "Weeks"), INT, 3), (QT_TRANSLATE_NOOP("report", "Weeks walked"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Walks"), INT, 3), (QT_TRANSLATE_NOOP("report", "Findings"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Problems claimed"), INT, 3), (QT_TRANSLATE_NOOP("report", "Problems closed"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Median days to close"), NUMBER, 3),
    (QT_TRANSLATE_NOOP("report", "Overdue at the end"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Care persons"), INT, 4), (QT_TRANSLATE_NOOP("report", "Contacts expected"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Contacts made"), INT, 4), (QT_TRANSLATE_NOOP("report", "Coverage"), PERCENT, 4),
    (QT_TRANSLATE_NOOP("report", "Days due but not reached"), INT, 4), (QT_TRANSLATE_NOOP("report", "Cases mediated"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Agreed"), INT, 3), (QT_TRANSLATE_NOOP("report", "Failed"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Escalated"), INT, 3),
)
_GRID_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Grid"), TEXT, 8), (QT_TRANSLATE_NOOP("report", "Cadres"), TEXT, 8),
    (QT_TRANSLATE_NOOP("report", "Weeks"), INT, 3), (QT_TRANSLATE_NOOP("report", "Weeks walked"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Findings"), INT, 3), (QT_TRANSLATE_NOOP("report", "Problems open at the end"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Care persons"), INT, 4), (QT_TRANSLATE_NOOP("report", "Contacts expected"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Contacts made"), INT, 4), (QT_TRANSLATE_NOOP("report", "Coverage"), PERCENT, 4),
    (QT_TRANSLATE_NOOP("report", "Days due but not reached"), INT, 4),
)
_RANK_COLUMNS = ((QT_TRANSLATE_NOOP("report", "Rank"), INT, 3),) + _CADRE_COLUMNS


def _columns(w: Words, spec: tuple[tuple[str, str, int], ...]) -> list[Column]:
    return [Column(w(title), kind, width) for title, kind, width in spec]


def _cadre_cells(c: CadreRow) -> tuple[object, ...]:
    return (c.name, c.grids, c.weeks, c.weeks_walked, c.walks, c.findings, c.claimed, c.closed, c.median_days,
            c.overdue, c.care_persons, c.expected, c.made, c.coverage, c.missed_days, c.cases, c.agreed,
            c.failed, c.escalated)


def quarterly_report(figures: QuarterlyFigures, translate: Translate) -> Report:
    w = Words(translate)
    # Every cadre and grid of the profile: the title says so, as the monthly pack's names its scope.
    scope = w(QT_TRANSLATE_NOOP("report", "whole street"))
    title = w(QT_TRANSLATE_NOOP("report", "Quarterly evaluation {period} · {scope}")).format(
        period=figures.period.label, scope=scope)
    cadres = Table(w(QT_TRANSLATE_NOOP("report", "By cadre")), _columns(w, _CADRE_COLUMNS),
                   [_cadre_cells(c) for c in figures.cadres])
    ranking = Table(w(QT_TRANSLATE_NOOP("report", "Ranking")), _columns(w, _RANK_COLUMNS),
                    [(n, *_cadre_cells(c)) for n, c in enumerate(figures.ranking(), start=1)])
    grids = Table(w(QT_TRANSLATE_NOOP("report", "By grid")), _columns(w, _GRID_COLUMNS),
                  [(g.name, g.cadres, g.weeks, g.weeks_walked, g.findings, g.problems_open, g.care_persons,
                    g.expected, g.made, g.coverage, g.missed_days)
                   for g in figures.grids])
    about = Table(w(QT_TRANSLATE_NOOP("report", "About")), _columns(w, (
        (QT_TRANSLATE_NOOP("report", "Item"), TEXT, 10), (QT_TRANSLATE_NOOP("report", "Value"), TEXT, 40))), [
        (w(QT_TRANSLATE_NOOP("report", "Period")),
         f"{figures.period.label}: {figures.period.first.isoformat()} – {figures.period.last.isoformat()}"),
        (w(QT_TRANSLATE_NOOP("report", "Figures as of")), figures.as_of.isoformat()),
        (w(QT_TRANSLATE_NOOP("report", "Scope")), scope),
        (w(QT_TRANSLATE_NOOP("report", "Ranking")), w(QT_TRANSLATE_NOOP(
            "report", "By the share of weeks with a night walk, then care coverage, then fewer overdue items"))),
    ])
    heading = w(QT_TRANSLATE_NOOP("report", "{title} · figures as of {date}")).format(
        title=title, date=figures.as_of.isoformat())
    sheets = [about, cadres, ranking, grids]
    if figures.meetings is not None:
        sheets += [mf.meetings_sheet(figures.meetings, w), mf.deliberations_sheet(figures.meetings, w)]
    if figures.organisations:
        sheets += organisation_sheets.quarter_sheets(figures.organisations, w)
    return Report(title, figures.period.label, scope, sheets, heading=heading)

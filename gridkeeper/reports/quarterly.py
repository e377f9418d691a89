"""The quarterly evaluation (季督考): per cadre, per grid, and a ranking.

Per cadre: the care persons whose plan names the cadre (contacts expected,
made, coverage, missed days); the mediation cases the cadre mediated
(received in the quarter; agreed, failed or escalated by its end). The ranking orders
cadres by care coverage, then by fewer missed days, then by name: a plain,
explainable order rather than a weighted score nobody can check.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.reports.care_figures import CareFigures, care_figures
from gridkeeper.reports.mediation_figures import MediationFigures, mediation_figures
from gridkeeper.reports.period import Period
from gridkeeper.reports.tables import INT, PERCENT, TEXT, Column, Report, Table, Translate, Words
from gridkeeper.store import reports as queries
from gridkeeper.store.engine import Store


@dataclass
class CadreRow:
    cadre_id: str
    name: str
    grids: str
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
    cadres: list[CadreRow] = field(default_factory=list)
    grids: list[GridRow] = field(default_factory=list)

    def ranking(self) -> list[CadreRow]:
        """Cadres with care persons, best coverage first (then fewer missed days, then name)."""
        ranked = [c for c in self.cadres if c.expected]
        return sorted(ranked, key=lambda c: (-(c.coverage or 0.0), c.missed_days, c.name))


def quarterly_figures(store: Store, period: Period, today: date | None = None,
                      office: str = "城南") -> QuarterlyFigures:
    today = today or date.today()
    as_of = min(period.last, today)
    care = care_figures(store, period, None, today)
    cases = mediation_figures(store, period, None, as_of, office)
    with store.read() as conn:
        assignments = queries.cadres_with_grids(conn)
        grid_names = {gid: f"{community}{name}" for gid, name, _code, community in queries.grids(conn)}
    cadres: dict[str, CadreRow] = {}
    grid_cadres: dict[str, list[str]] = defaultdict(list)
    for cadre_id, name, grid_id in assignments:
        row = cadres.setdefault(cadre_id, CadreRow(cadre_id, name, ""))
        if grid_id:
            row.grids = "、".join(filter(None, (row.grids, grid_names.get(grid_id, ""))))
            grid_cadres[grid_id].append(name)
    grids = {gid: GridRow(gid, name, "、".join(grid_cadres.get(gid, []))) for gid, name in grid_names.items()}
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
    return QuarterlyFigures(period, as_of, care, cases, sorted(cadres.values(), key=lambda c: c.name),
                            sorted(grids.values(), key=lambda g: g.name))


_CADRE_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Cadre"), TEXT, 4), (QT_TRANSLATE_NOOP("report", "Grids"), TEXT, 12),
    (QT_TRANSLATE_NOOP("report", "Care persons"), INT, 4), (QT_TRANSLATE_NOOP("report", "Contacts expected"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Contacts made"), INT, 4), (QT_TRANSLATE_NOOP("report", "Coverage"), PERCENT, 4),
    (QT_TRANSLATE_NOOP("report", "Missed days"), INT, 4), (QT_TRANSLATE_NOOP("report", "Cases mediated"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Agreed"), INT, 3), (QT_TRANSLATE_NOOP("report", "Failed"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Escalated"), INT, 3),
)
_GRID_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Grid"), TEXT, 8), (QT_TRANSLATE_NOOP("report", "Cadres"), TEXT, 8),
    (QT_TRANSLATE_NOOP("report", "Care persons"), INT, 4), (QT_TRANSLATE_NOOP("report", "Contacts expected"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Contacts made"), INT, 4), (QT_TRANSLATE_NOOP("report", "Coverage"), PERCENT, 4),
    (QT_TRANSLATE_NOOP("report", "Missed days"), INT, 4),
)
_RANK_COLUMNS = ((QT_TRANSLATE_NOOP("report", "Rank"), INT, 3),) + _CADRE_COLUMNS


def _columns(w: Words, spec: tuple[tuple[str, str, int], ...]) -> list[Column]:
    return [Column(w(title), kind, width) for title, kind, width in spec]


def _cadre_cells(c: CadreRow) -> tuple[object, ...]:
    return (c.name, c.grids, c.care_persons, c.expected, c.made, c.coverage, c.missed_days, c.cases, c.agreed,
            c.failed, c.escalated)


def quarterly_report(figures: QuarterlyFigures, translate: Translate) -> Report:
    w = Words(translate)
    title = w(QT_TRANSLATE_NOOP("report", "Quarterly evaluation {period}")).format(period=figures.period.label)
    cadres = Table(w(QT_TRANSLATE_NOOP("report", "By cadre")), _columns(w, _CADRE_COLUMNS),
                   [_cadre_cells(c) for c in figures.cadres])
    ranking = Table(w(QT_TRANSLATE_NOOP("report", "Ranking")), _columns(w, _RANK_COLUMNS),
                    [(n, *_cadre_cells(c)) for n, c in enumerate(figures.ranking(), start=1)])
    grids = Table(w(QT_TRANSLATE_NOOP("report", "By grid")), _columns(w, _GRID_COLUMNS),
                  [(g.name, g.cadres, g.care_persons, g.expected, g.made, g.coverage, g.missed_days)
                   for g in figures.grids])
    return Report(title, figures.period.label, "", [cadres, ranking, grids])

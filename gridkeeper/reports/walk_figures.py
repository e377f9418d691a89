"""Night walk figures of a period: walks per grid per week against one a week, and findings.

A week belongs to the month that holds at least four of its days (the ISO
rule, so each week is counted in exactly one month); a walk on any day of
such a week counts for it. Weeks that have not ended by `as_of` count as done
if a walk is logged, and are not counted missed until they end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from gridkeeper.reports.period import Period
from gridkeeper.store import reports as queries
from gridkeeper.store.engine import Store


@dataclass(frozen=True)
class GridWalks:
    grid_id: str
    grid: str  # community + grid name
    weeks: int  # weeks of the period ended by as_of, plus a running week that has a walk
    weeks_walked: int
    walks: int

    @property
    def weeks_missed(self) -> int:
        return self.weeks - self.weeks_walked


@dataclass(frozen=True)
class WalkRow:
    walk_date: date
    time: str
    grids: str
    leader: str
    leader_cadre_id: str
    cadre_ids: tuple[str, ...]
    people: int
    findings: int
    route: str


@dataclass(frozen=True)
class FindingRow:
    walk_date: date
    grid: str
    grid_id: str
    place: str
    category: str
    severity: str
    note: str
    settled: bool
    problem_status: str  # "" when no problem was made of it


@dataclass(frozen=True)
class WalkFigures:
    grids: list[GridWalks] = field(default_factory=list)
    walks: list[WalkRow] = field(default_factory=list)
    findings: list[FindingRow] = field(default_factory=list)

    @property
    def weeks_expected(self) -> int:
        return sum(g.weeks for g in self.grids)

    @property
    def weeks_walked(self) -> int:
        return sum(g.weeks_walked for g in self.grids)

    @property
    def settled(self) -> int:
        return sum(1 for f in self.findings if f.settled)

    @property
    def made_problems(self) -> int:
        return sum(1 for f in self.findings if f.problem_status)

    def by_category(self) -> dict[str, int]:
        return dict(Counter(f.category for f in self.findings))


def walk_figures(store: Store, period: Period, grid_ids: list[str] | None, as_of: date) -> WalkFigures:
    weeks = period.weeks()
    mondays = [date.fromisocalendar(y, w, 1) for y, w in weeks]
    span_first = mondays[0] if mondays else period.first
    span_last = min(as_of, mondays[-1] + timedelta(days=6)) if mondays else period.last
    with store.read() as conn:
        grid_rows = [(gid, f"{community}{name}") for gid, name, _code, community in queries.grids(conn)
                     if grid_ids is None or gid in grid_ids]
        dates = queries.walk_grid_dates(conn, span_first.isoformat(), span_last.isoformat(), grid_ids)
        walk_rows = queries.walks(conn, period.first.isoformat(), as_of.isoformat(), grid_ids)
        finding_rows = queries.findings(conn, period.first.isoformat(), as_of.isoformat(), grid_ids)
    walked: dict[str, Counter[tuple[int, int]]] = {}
    for grid_id, day in dates:
        iso = date.fromisoformat(day).isocalendar()
        walked.setdefault(grid_id, Counter())[(iso[0], iso[1])] += 1
    grids = []
    for gid, name in grid_rows:
        counts = walked.get(gid, Counter())
        counted = [w for w, monday in zip(weeks, mondays)
                   if monday + timedelta(days=6) <= as_of or counts.get(w)]  # ended, or already walked
        grids.append(GridWalks(gid, name, len(counted), sum(1 for w in counted if counts.get(w)),
                               sum(counts.get(w, 0) for w in weeks)))
    return WalkFigures(
        grids=grids,
        walks=[WalkRow(date.fromisoformat(w.walk_date), f"{w.start_time}–{w.end_time}", w.grids or "", w.leader,
                       w.leader_cadre_id or "", tuple(filter(None, (w.cadres or "").split(","))), w.people,
                       w.findings, w.route) for w in walk_rows],
        findings=[FindingRow(date.fromisoformat(f.walk_date), f.grid, f.grid_id, f.place, f.category, f.severity, f.note or "",
                             bool(f.settled), f.problem_status or "") for f in finding_rows],
    )

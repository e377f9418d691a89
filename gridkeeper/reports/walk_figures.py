"""Night walk figures of a period: walks per grid per week against one a week, and findings.

A week belongs to the month that holds at least four of its days (the ISO
rule, so each week is counted in exactly one month); a walk on any day of
such a week counts for it, also on a day just outside the month (a walk on
Monday 28 September walks October's first week). Weeks are judged as of
today, up to the last day of the period's last week: last month's last week
ended on 1 November is expected of every grid in the October pack made in
November, not only of those that walked. A week still running counts as done
if a walk is logged, and is not counted missed until it ends.

Walk counts (the overview, the walk list, each grid's walks) are walks dated
inside the period, so the sheets add up to the same number; only the weeks
follow the ISO rule.
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
    weeks: int  # weeks of the period ended by weeks_end, plus a running week that has a walk
    weeks_walked: int
    walks: int  # walks dated inside the period

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
    walks: list[WalkRow] = field(default_factory=list)  # dated inside the period, up to as_of
    findings: list[FindingRow] = field(default_factory=list)
    week_walks: list[WalkRow] = field(default_factory=list)  # every walk in the period's weeks, up to weeks_end
    weeks_end: date | None = None  # weeks that end by this day are judged (done or missed)

    def ended_weeks(self, weeks: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The weeks of `weeks` that ended by weeks_end."""
        end = self.weeks_end
        return [w for w in weeks if end is not None and date.fromisocalendar(w[0], w[1], 7) <= end]

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


def walk_figures(store: Store, period: Period, grid_ids: list[str] | None, as_of: date,
                 today: date | None = None) -> WalkFigures:
    """`as_of`: the last day whose walks and findings are listed (the period's end, or today).
    `today`: weeks are judged up to it (as_of when not given)."""
    weeks = period.weeks()
    mondays = [date.fromisocalendar(y, w, 1) for y, w in weeks]
    span_first = min(mondays[0], period.first) if mondays else period.first
    weeks_end = min(today or as_of, mondays[-1] + timedelta(days=6)) if mondays else as_of
    with store.read() as conn:
        grid_rows = [(gid, f"{community}{name}") for gid, name, _code, community in queries.grids(conn)
                     if grid_ids is None or gid in grid_ids]
        dates = queries.walk_grid_dates(conn, span_first.isoformat(), max(weeks_end, as_of).isoformat(), grid_ids)
        walk_rows = queries.walks(conn, span_first.isoformat(), max(weeks_end, as_of).isoformat(), grid_ids)
        finding_rows = queries.findings(conn, period.first.isoformat(), as_of.isoformat(), grid_ids)
    first, last = period.first.isoformat(), as_of.isoformat()
    in_weeks: dict[str, Counter[tuple[int, int]]] = {}
    in_period: Counter[str] = Counter()
    for grid_id, day in dates:
        iso = date.fromisoformat(day).isocalendar()
        if day <= weeks_end.isoformat():
            in_weeks.setdefault(grid_id, Counter())[(iso[0], iso[1])] += 1
        if first <= day <= last:
            in_period[grid_id] += 1
    grids = []
    for gid, name in grid_rows:
        counts = in_weeks.get(gid, Counter())
        counted = [w for w, monday in zip(weeks, mondays)
                   if monday + timedelta(days=6) <= weeks_end or counts.get(w)]  # ended, or already walked
        grids.append(GridWalks(gid, name, len(counted), sum(1 for w in counted if counts.get(w)), in_period[gid]))
    rows = [WalkRow(date.fromisoformat(w.walk_date), f"{w.start_time}–{w.end_time}", w.grids or "", w.leader,
                    w.leader_cadre_id or "", tuple(filter(None, (w.cadres or "").split(","))), w.people,
                    w.findings, w.route) for w in walk_rows]
    week_set = set(weeks)
    return WalkFigures(
        grids=grids,
        walks=[r for r in rows if period.first <= r.walk_date <= as_of],
        findings=[FindingRow(date.fromisoformat(f.walk_date), f.grid, f.grid_id, f.place, f.category, f.severity, f.note or "",
                             bool(f.settled), f.problem_status or "") for f in finding_rows],
        week_walks=[r for r in rows if r.walk_date <= weeks_end and tuple(r.walk_date.isocalendar()[:2]) in week_set],
        weeks_end=weeks_end,
    )

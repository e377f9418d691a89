"""Mediation figures of a period: what came in, how cases ended, return visits.

A case belongs to the scope by its compound. Outcomes are counted by the
status change's day (agreed, failed, escalated within the period); the status
shown per case is the one it had at the end of the period (from the append-only
history), not today's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from gridkeeper.mediation import visit_overdue_days
from gridkeeper.mediation.numbers import format_number
from gridkeeper.reports.period import Period
from gridkeeper.store import reports as queries
from gridkeeper.store.engine import Store


@dataclass(frozen=True)
class CaseRow:
    number: str
    received_on: date
    category: str
    compound: str
    parties: str
    mediators: str
    summary: str
    status: str  # at the end of the period
    outcome: str  # the last of agreed / failed / escalated reached by then, "" if none
    visits: int  # return visits made in the period
    next_visit_due: date | None
    visit_overdue_days: int  # at the end of the period; 0 when none is overdue


@dataclass(frozen=True)
class MediationFigures:
    received: int
    agreed: int
    failed: int
    escalated: int
    visits_done: int
    visits_overdue: int
    open_at_end: int
    by_category: dict[str, int] = field(default_factory=dict)  # received in the period
    rows: list[CaseRow] = field(default_factory=list)

    @property
    def failed_rows(self) -> list[CaseRow]:
        return [r for r in self.rows if r.status == "failed"]


def mediation_figures(store: Store, period: Period, grid_ids: list[str] | None, as_of: date,
                      office: str = "城南") -> MediationFigures:
    first, until = period.first.isoformat(), (as_of + timedelta(days=1)).isoformat()
    with store.read() as conn:
        cases = queries.mediation_cases(conn, first, as_of.isoformat(), grid_ids)
        ids = [c.id for c in cases]
        steps = queries.mediation_steps(conn, ids, until)
        visits = queries.return_visits(conn, ids, first, as_of.isoformat())
    status: dict[str, str] = {}
    outcome: dict[str, str] = {}
    outcomes: Counter[str] = Counter()
    for s in steps:  # oldest first
        status[s.case_id] = s.to_status
        if s.to_status in ("agreed", "failed", "escalated"):
            outcome[s.case_id] = s.to_status
            if s.changed_at >= first:
                outcomes[s.to_status] += 1
    visited = Counter(v.case_id for v in visits)
    rows = []
    for c in cases:
        received = date.fromisoformat(c.received_on)
        due = date.fromisoformat(c.next_visit_due) if c.next_visit_due else None
        now = status.get(c.id, "received")
        overdue = visit_overdue_days(due, as_of, now)  # the definition Today uses
        rows.append(CaseRow(format_number(c.number, office), received, c.category, c.compound, c.parties or "",
                            c.mediators or "", c.summary or "", now, outcome.get(c.id, ""), visited.get(c.id, 0),
                            due, overdue))
    in_period = [r for r in rows if r.received_on >= period.first]
    return MediationFigures(
        received=len(in_period), agreed=outcomes["agreed"], failed=outcomes["failed"],
        escalated=outcomes["escalated"], visits_done=len(visits),
        visits_overdue=sum(1 for r in rows if r.visit_overdue_days > 0),
        open_at_end=sum(1 for r in rows if r.status != "archived"),
        by_category=dict(Counter(r.category for r in in_period)), rows=rows,
    )

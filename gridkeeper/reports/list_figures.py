"""Four-list figures of a period: problems opened, closed and open, closure times by owner.

An item is in the period when it was opened by its end and not closed before
its start. Its status at the end comes from the append-only status history,
not from today's row. "Closed" is done, verified or declined; closure days run
from the opening day to the closing day.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from gridkeeper.reports.period import Period
from gridkeeper.store import reports as queries
from gridkeeper.store.engine import Store

OPEN = ("open", "claimed", "in_progress")
CLOSED = ("done", "verified", "declined")


@dataclass(frozen=True)
class ItemRow:
    id: str
    kind: str
    title: str
    source: str
    owner_party: str
    owner_name: str
    claimant: str
    place: str
    grid_id: str
    opened_on: date
    due_date: date | None
    closed_on: date | None  # within the period (or before its end)
    status: str  # at the end of the period
    level: str  # escalation level at the end of the period
    escalated_in_period: bool
    escalation_note: str  # who escalated and why (the latest)
    satisfaction: str
    overdue_days: int  # at the end of the period, while still open

    @property
    def closure_days(self) -> int | None:
        return (self.closed_on - self.opened_on).days if self.closed_on else None


@dataclass(frozen=True)
class OwnerRow:
    owner: str  # owner party code
    name: str  # the property company's name, "" for the other parties
    opened: int
    closed: int
    open_at_end: int
    median_days: float | None


@dataclass(frozen=True)
class ListFigures:
    first: date
    as_of: date
    rows: list[ItemRow] = field(default_factory=list)

    def of(self, kind: str) -> list[ItemRow]:
        return [r for r in self.rows if r.kind == kind]

    def opened(self, kind: str) -> list[ItemRow]:
        return [r for r in self.of(kind) if r.opened_on >= self.first]

    def closed(self, kind: str) -> list[ItemRow]:
        return [r for r in self.of(kind) if r.closed_on is not None and r.closed_on >= self.first]

    def open_at_end(self, kind: str) -> list[ItemRow]:
        return [r for r in self.of(kind) if r.status in OPEN]

    def median_days(self, kind: str) -> float | None:
        days = [r.closure_days for r in self.closed(kind) if r.closure_days is not None]
        return statistics.median(days) if days else None

    def by_status(self, kind: str) -> dict[str, int]:
        return dict(Counter(r.status for r in self.of(kind)))

    def by_owner(self, kind: str = "problem") -> list[OwnerRow]:
        """One row per owner party, and one per property company (the supervision of property services)."""
        groups: dict[tuple[str, str], list[ItemRow]] = {}
        for r in self.of(kind):
            groups.setdefault((r.owner_party, ""), []).append(r)
            if r.owner_party == "property" and r.owner_name:
                groups.setdefault(("property", r.owner_name), []).append(r)
        out = []
        for (owner, name), items in sorted(groups.items()):
            days = [r.closure_days for r in items if r.closed_on and r.closed_on >= self.first]
            out.append(OwnerRow(owner, name, sum(1 for r in items if r.opened_on >= self.first),
                                len(days), sum(1 for r in items if r.status in OPEN),
                                statistics.median([d for d in days if d is not None]) if days else None))
        return out

    def agenda(self) -> dict[str, list[ItemRow]]:
        """What the monthly meeting must talk about (the failed mediations come from their figures)."""
        return {
            "escalated": [r for r in self.rows if r.status in OPEN and r.level != "compound"],
            "overdue": [r for r in self.open_at_end("problem") if r.overdue_days > 0],
            "unclaimed_needs": [r for r in self.open_at_end("need") if not r.claimant and r.status == "open"],
        }


def list_figures(store: Store, period: Period, grid_ids: list[str] | None, as_of: date) -> ListFigures:
    until = (as_of + timedelta(days=1)).isoformat()
    with store.read() as conn:
        items = queries.list_items(conn, period.first.isoformat(), as_of.isoformat(), grid_ids)
        ids = [i.id for i in items]
        steps = queries.list_steps(conn, ids, until)
        ups = queries.escalations(conn, ids, until)
    status: dict[str, str] = {}
    claimant: dict[str, str] = {}
    for s in steps:  # oldest first
        status[s.item_id] = s.to_status
        if s.to_status == "claimed":
            claimant[s.item_id] = s.by
    level: dict[str, str] = {}
    note: dict[str, str] = {}
    escalated_now: set[str] = set()
    for e in ups:
        level[e.item_id] = e.to_level
        note[e.item_id] = f"{e.by}: {e.reason}" if e.reason else e.by
        if e.at[:10] >= period.first.isoformat():
            escalated_now.add(e.item_id)
    rows = []
    for i in items:
        now = status.get(i.id, "open")
        closed = date.fromisoformat(i.closed_on) if i.closed_on and now in CLOSED else None
        due = date.fromisoformat(i.due_date) if i.due_date else None
        rows.append(ItemRow(
            id=i.id, kind=i.kind, title=i.title, source=i.source, owner_party=i.owner_party,
            owner_name=i.owner_name or "", claimant=i.claimant or claimant.get(i.id, "") if now != "open" else "",
            place=i.place or "", grid_id=i.grid_id or "", opened_on=date.fromisoformat(i.opened_on),
            due_date=due, closed_on=closed if closed and closed <= as_of else None, status=now,
            level=level.get(i.id, "compound"), escalated_in_period=i.id in escalated_now,
            escalation_note=note.get(i.id, ""), satisfaction=i.satisfaction or "",
            overdue_days=(as_of - due).days if due and due < as_of and now in OPEN else 0,
        ))
    return ListFigures(period.first, as_of, rows)

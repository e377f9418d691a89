"""Meetings, deliberations and weekend duty in the packs (issue 22).

The monthly pack counts the duty evenings per compound as the article counts them
(matters taken, settled on the spot, escalated, answered within 7 days); the
quarterly pack lists the quarter's meetings and deliberations decided.
"""

from __future__ import annotations

from dataclasses import dataclass

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.meetings import deliberation, duty, meeting
from gridkeeper.meetings.duty import DutyCounts
from gridkeeper.meetings.terms import CONTEXT, KINDS, STAGES
from gridkeeper.reports.overview import Overview
from gridkeeper.reports.period import Period
from gridkeeper.reports.tables import DATE, INT, TEXT, Column, Table, Words
from gridkeeper.store import meetings as queries
from gridkeeper.store.engine import Store
from gridkeeper.store.meetings import DeliberationRow, MeetingRow

_DUTY = QT_TRANSLATE_NOOP("report", "Weekend duty")
_DUTY_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Compound"), TEXT, 8), (QT_TRANSLATE_NOOP("report", "Duty evenings"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Matters taken"), INT, 4), (QT_TRANSLATE_NOOP("report", "Settled on the spot"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Escalated"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Answered within 7 days"), INT, 4),
)
_MEETING_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Date"), DATE, 6), (QT_TRANSLATE_NOOP("report", "Compound"), TEXT, 8),
    (QT_TRANSLATE_NOOP("report", "Kind"), TEXT, 8), (QT_TRANSLATE_NOOP("report", "Agenda items"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Decisions"), INT, 4),
)
_DELIBERATION_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Opened"), DATE, 6), (QT_TRANSLATE_NOOP("report", "Compound"), TEXT, 8),
    (QT_TRANSLATE_NOOP("report", "Matter"), TEXT, 12), (QT_TRANSLATE_NOOP("report", "Stage"), TEXT, 6),
    (QT_TRANSLATE_NOOP("report", "Decided"), DATE, 6),
)


@dataclass(frozen=True)
class MeetingFigures:
    duty: list[DutyCounts]
    meetings: list[MeetingRow]
    deliberations: list[DeliberationRow]

    def total(self, field: str) -> int:
        return sum(int(getattr(c, field)) for c in self.duty)


def meeting_figures(store: Store, period: Period, grid_ids: list[str] | None) -> MeetingFigures:
    counts = duty.monthly_counts(store, period.first, period.last)
    meetings = meeting.list_meetings(store, first=period.first, last=period.last)
    matters = [d for d in deliberation.matters(store)
               if d.opened_on <= period.last and (d.decided_on is None or d.decided_on >= period.first)]
    if grid_ids is not None:
        with store.read() as conn:
            mine = queries.compounds_in_grids(conn, grid_ids)
        counts = [c for c in counts if c.compound_id in mine]
        meetings = [m for m in meetings if m.compound_id in mine]
        matters = [d for d in matters if d.compound_id in mine]
    return MeetingFigures(counts, sorted(meetings, key=lambda m: (m.held_on, m.where)), matters)


def overview(o: Overview, f: MeetingFigures) -> None:
    o.add(_DUTY, QT_TRANSLATE_NOOP("report", "Duty evenings"), f.total("evenings"))
    o.add(_DUTY, QT_TRANSLATE_NOOP("report", "Matters taken on duty"), f.total("taken"))
    # Named apart from the night walks' "Settled on the spot": overview figures are unique.
    o.add(_DUTY, QT_TRANSLATE_NOOP("report", "Duty matters settled on the spot"), f.total("settled"))
    o.add(_DUTY, QT_TRANSLATE_NOOP("report", "Duty matters escalated"), f.total("escalated"))
    o.add(_DUTY, QT_TRANSLATE_NOOP("report", "Duty matters answered within 7 days"), f.total("answered_in_time"))


def duty_sheet(f: MeetingFigures, w: Words) -> Table:
    rows = [(c.compound, c.evenings, c.taken, c.settled, c.escalated, c.answered_in_time) for c in f.duty]
    return Table(w(_DUTY), [Column(w(t), k, n) for t, k, n in _DUTY_COLUMNS], rows)


def meetings_sheet(f: MeetingFigures, w: Words) -> Table:
    rows = [(m.held_on, m.where, w.other(CONTEXT, KINDS.get(m.kind, m.kind)), m.items, m.decisions)
            for m in f.meetings]
    return Table(w(QT_TRANSLATE_NOOP("report", "Meetings")), [Column(w(t), k, n) for t, k, n in _MEETING_COLUMNS],
                 rows)


def deliberations_sheet(f: MeetingFigures, w: Words) -> Table:
    rows = [(d.opened_on, d.compound, d.title, w.other(CONTEXT, STAGES.get(d.stage, d.stage)), d.decided_on)
            for d in f.deliberations]
    return Table(w(QT_TRANSLATE_NOOP("report", "Deliberations")),
                 [Column(w(t), k, n) for t, k, n in _DELIBERATION_COLUMNS], rows)

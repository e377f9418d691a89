"""Weekly night walks (周夜行): log a walk with its findings, read walks back, weekly compliance.

Plain dataclasses out, no Qt. Dates are local dates; a week is an ISO week
(Monday to Sunday, weeks numbered by ISO year, so 2026-W53 runs from Monday
28 December 2026 to Sunday 3 January 2027).

Findings are append-only: entered once, never edited. An unsettled finding
becomes a problem in the four lists with `lists.problem_from_finding`, which
keeps the link back (ListItem.finding_id).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from gridkeeper import clock, ids
from gridkeeper.errors import (
    QT_TRANSLATE_NOOP,
    BadTime,
    FindingNeedsWhat,
    UnknownWalk,
    WalkEndsBeforeStart,
    WalkInFuture,
    WalkNeedsGrid,
    WalkNeedsLeader,
)
from gridkeeper.store import walks as queries
from gridkeeper.store.engine import Store
from gridkeeper.store.walks import FindingRow, GridName, Place, WalkHead, WalkRow

__all__ = [
    "CATEGORIES", "SEVERITIES", "PARTIES", "NewFinding", "NewWalk", "WalkDetail", "GridWithoutWalk",
    "GridWeeks", "FindingRow", "GridName", "Place", "WalkRow", "log_walk", "add_finding", "walk_detail",
    "walks_between", "grids_without_walk", "walk_weeks", "week_of", "places", "match_place", "parse_time",
    "grids_in_scope", "cadre_names",
]

#: Finding categories (code -> English label, translated in context "vocab").
CATEGORIES: dict[str, str] = {
    "fire_lane": QT_TRANSLATE_NOOP("vocab", "Blocked fire lane"),
    "safety": QT_TRANSLATE_NOOP("vocab", "Safety hazard"),
    "sanitation": QT_TRANSLATE_NOOP("vocab", "Sanitation"),
    "facility": QT_TRANSLATE_NOOP("vocab", "Broken facility"),
    "parking": QT_TRANSLATE_NOOP("vocab", "Parking"),
    "noise": QT_TRANSLATE_NOOP("vocab", "Noise"),
    "public_order": QT_TRANSLATE_NOOP("vocab", "Public order"),
    "resident_request": QT_TRANSLATE_NOOP("vocab", "Resident request"),
    "other": QT_TRANSLATE_NOOP("vocab", "Other"),
}
SEVERITIES: dict[str, str] = {
    "low": QT_TRANSLATE_NOOP("vocab", "Minor"),
    "medium": QT_TRANSLATE_NOOP("vocab", "Moderate"),
    "high": QT_TRANSLATE_NOOP("vocab", "Serious"),
}
#: Who walked: the three parties that govern a compound together, and anyone else.
PARTIES: dict[str, str] = {
    "cadre": QT_TRANSLATE_NOOP("vocab", "Cadre"),
    "property": QT_TRANSLATE_NOOP("vocab", "Property company"),
    "hoa": QT_TRANSLATE_NOOP("vocab", "HOA"),
    "other": QT_TRANSLATE_NOOP("vocab", "Other"),
}

#: A walk that ends earlier in the day than it started ended after midnight, by this time at the latest.
LATEST_END_AFTER_MIDNIGHT = "06:00"


@dataclass(frozen=True)
class NewFinding:
    category: str
    severity: str = "medium"
    note: str = ""
    place: str = ""  # free text beyond the compound and building
    compound_id: str | None = None
    building_id: str | None = None
    grid_id: str | None = None
    settled: bool = False


@dataclass(frozen=True)
class NewWalk:
    walk_date: date
    start_time: str
    end_time: str
    grid_ids: tuple[str, ...]
    leader: str
    participants: tuple[tuple[str, str], ...] = ()  # (party, name)
    route: str = ""
    notes: str = ""
    findings: tuple[NewFinding, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class WalkDetail:
    head: WalkHead
    grids: tuple[GridName, ...]
    participants: tuple[tuple[str, str], ...]
    findings: tuple[FindingRow, ...]


_TIME = re.compile(r"^(\d{1,2})(?:[:.]?(\d{2}))?$")


def parse_time(value: str) -> str:
    """'19:30', '1930', '19.30', '７：３０', '19' -> 'HH:MM'; anything else is refused in words."""
    raw = unicodedata.normalize("NFKC", value or "").strip().replace(" ", "")
    m = _TIME.match(raw)
    if not m:
        raise BadTime(value)
    hours, minutes = int(m.group(1)), int(m.group(2) or 0)
    if hours > 23 or minutes > 59:
        raise BadTime(value)
    return f"{hours:02d}:{minutes:02d}"


def _check_times(start: str, end: str) -> tuple[str, str]:
    start, end = parse_time(start), parse_time(end)
    if end == start or (end < start and end > LATEST_END_AFTER_MIDNIGHT):
        raise WalkEndsBeforeStart(start, end)
    return start, end


def _check_finding(f: NewFinding) -> NewFinding:
    if f.category not in CATEGORIES or f.severity not in SEVERITIES:
        raise ValueError(f"unknown category or severity: {f.category}, {f.severity}")
    if not (f.note.strip() or f.place.strip() or f.compound_id):
        raise FindingNeedsWhat()
    return f


def _walkgrid_id(walk_id: str, grid_id: str) -> str:
    return ids.uuid5(f"walkgrid:{walk_id}|{grid_id}")


def log_walk(store: Store, walk: NewWalk, today: date | None = None) -> str:
    """Store a night walk with its grids, participants and findings in one transaction; its id."""
    from gridkeeper.store.models import Finding, NightWalk, WalkGrid, WalkParticipant

    today = today or clock.today()
    grid_ids = tuple(dict.fromkeys(walk.grid_ids))  # keep order, drop repeats
    if not grid_ids:
        raise WalkNeedsGrid()
    leader = walk.leader.strip()
    if not leader:
        raise WalkNeedsLeader()
    if walk.walk_date > today:
        raise WalkInFuture(walk.walk_date)
    start, end = _check_times(walk.start_time, walk.end_time)
    found = [_check_finding(f) for f in walk.findings]
    with store.read() as conn:
        cadres = {name: cid for cid, name in queries.cadre_names(conn)}
    walk_id = str(uuid.uuid4())
    with store.write() as s:
        s.add(NightWalk(id=walk_id, walk_date=walk.walk_date, start_time=start, end_time=end, leader=leader,
                        leader_cadre_id=cadres.get(leader), route=walk.route.strip() or None,
                        notes=walk.notes.strip() or None))
        for g in grid_ids:
            s.add(WalkGrid(id=_walkgrid_id(walk_id, g), walk_id=walk_id, grid_id=g))
        seen: set[tuple[str, str]] = set()
        for party, name in walk.participants:
            name = name.strip()
            if not name or (party, name) in seen:
                continue
            if party not in PARTIES:
                raise ValueError(f"unknown party {party}")
            seen.add((party, name))
            s.add(WalkParticipant(walk_id=walk_id, party=party, name=name,
                                  cadre_id=cadres.get(name) if party == "cadre" else None))
        for n, f in enumerate(found):
            s.add(_finding_row(Finding, walk_id, f, n, grid_ids))
    return walk_id


def _finding_row(model, walk_id: str, f: NewFinding, position: int, walk_grids: Sequence[str]):  # type: ignore[no-untyped-def]
    grid = f.grid_id or (walk_grids[0] if len(walk_grids) == 1 else None)
    return model(walk_id=walk_id, grid_id=grid, compound_id=f.compound_id, building_id=f.building_id,
                 place=f.place.strip(), category=f.category, severity=f.severity, note=f.note.strip(),
                 settled=f.settled, position=position)


def add_finding(store: Store, walk_id: str, finding: NewFinding) -> str:
    """Append one finding to a logged walk (findings are never edited, only added)."""
    from gridkeeper.store.models import Finding

    _check_finding(finding)
    with store.read() as conn:
        if queries.walk(conn, walk_id) is None:
            raise UnknownWalk()
        grid_ids = [g.id for g in queries.walk_grids(conn, walk_id)]
        position = queries.next_position(conn, walk_id)
    row = _finding_row(Finding, walk_id, finding, position, grid_ids)
    with store.write() as s:
        s.add(row)
    return str(row.id)


def walk_detail(store: Store, walk_id: str) -> WalkDetail | None:
    with store.read() as conn:
        head = queries.walk(conn, walk_id)
        if head is None:
            return None
        return WalkDetail(head, tuple(queries.walk_grids(conn, walk_id)),
                          tuple(queries.participants(conn, walk_id)), tuple(queries.findings(conn, walk_id)))


def walks_between(store: Store, grid_ids: Sequence[str] | None, first: date, last: date) -> list[WalkRow]:
    """Walks from `first` to `last` (inclusive) that covered a grid in scope (None: all), newest first."""
    with store.read() as conn:
        return queries.walks_between(conn, grid_ids, first, last)


# -- weekly compliance ---------------------------------------------------------


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


@dataclass(frozen=True)
class GridWithoutWalk:
    grid_id: str
    grid: str
    community: str
    last_walk: date | None  # the latest walk before this week, if any


def grids_without_walk(store: Store, grid_ids: Sequence[str] | None, today: date) -> list[GridWithoutWalk]:
    """The grids in scope (None: every grid) with no night walk logged in the ISO week of `today`.

    For the Today page ("which of my grids have no walk this week") and the
    monthly report. `today` is a local date; walks count by their local date.
    """
    monday, sunday = week_of(today)
    with store.read() as conn:
        in_scope = queries.grids(conn, grid_ids)
        last = queries.last_walk_by_grid(conn, [g.id for g in in_scope], sunday)
    return [
        GridWithoutWalk(g.id, g.name, g.community, last.get(g.id))
        for g in in_scope
        if not (last.get(g.id) and last[g.id] >= monday)
    ]


@dataclass(frozen=True)
class GridWeeks:
    """One grid's walks per ISO week of a period: for the monthly report's compliance table."""

    grid_id: str
    grid: str
    community: str
    weeks: tuple[tuple[int, int], ...]  # (ISO year, ISO week) of every week touching the period
    walks: tuple[int, ...]  # walks in each of those weeks (within the period)

    @property
    def weeks_missed(self) -> int:
        return sum(1 for n in self.walks if n == 0)


def walk_weeks(store: Store, grid_ids: Sequence[str] | None, first: date, last: date) -> list[GridWeeks]:
    """Walks per grid and ISO week from `first` to `last` (a month, say): weeks that start or end
    outside the period are listed and count only the walks inside it."""
    weeks: list[tuple[int, int]] = []
    day = week_of(first)[0]
    while day <= last:
        iso = day.isocalendar()
        weeks.append((iso.year, iso.week))
        day += timedelta(days=7)
    with store.read() as conn:
        in_scope = queries.grids(conn, grid_ids)
        dates = queries.walk_dates_by_grid(conn, [g.id for g in in_scope], first, last)
    counts: dict[tuple[str, tuple[int, int]], int] = {}
    for grid, d in dates:
        iso = d.isocalendar()
        key = (grid, (iso.year, iso.week))
        counts[key] = counts.get(key, 0) + 1
    return [
        GridWeeks(g.id, g.name, g.community, tuple(weeks), tuple(counts.get((g.id, w), 0) for w in weeks))
        for g in in_scope
    ]


# -- quick entry helpers ---------------------------------------------------------


def places(store: Store, grid_ids: Sequence[str] | None) -> list[Place]:
    """Compounds and their buildings in the grids (None: all), for completing a finding's place."""
    with store.read() as conn:
        return queries.places(conn, grid_ids)


def match_place(candidates: Sequence[Place], typed: str) -> tuple[Place | None, str]:
    """'阳光花园3幢 东侧通道' -> (the place 阳光花园3幢, '东侧通道'): the longest compound or
    building label the text starts with, and the rest as free text."""
    text = unicodedata.normalize("NFKC", typed or "").strip()
    squeezed = text.replace(" ", "")
    best: Place | None = None
    for p in candidates:
        if squeezed.startswith(p.label) and (best is None or len(p.label) > len(best.label)):
            best = p
    if best is None:
        return None, text
    # Drop the label's characters from the front of the typed text, spaces allowed between them.
    consumed, i = 0, 0
    while i < len(text) and consumed < len(best.label):
        if text[i] != " ":
            consumed += 1
        i += 1
    return best, text[i:].strip()


def grids_in_scope(store: Store, grid_ids: Sequence[str] | None) -> list[GridName]:
    """The grids a walk may cover: the cadre's (None: every grid), by community and name."""
    with store.read() as conn:
        return queries.grids(conn, grid_ids)


def cadre_names(store: Store) -> list[tuple[str, str]]:
    """(id, name) of every cadre, to complete the leader's name."""
    with store.read() as conn:
        return queries.cadre_names(conn)

"""邻里议事厅: 党组织先议 → 三方协议 → 居民合议 → decision → implementation.

The stages come in order and are never skipped; each move is a DeliberationStep
row (append-only), the deliberation row holds the current record of each stage.
A rejected matter may go back to a stage, with a reason; the residents' tally
must add up to the households consulted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from gridkeeper import clock, ids
from gridkeeper.meetings.terms import (
    DECISIONS,
    METHODS,
    ORDER,
    STAGES,
    BadBuildingLine,
    BuildingsMismatch,
    Missing,
    NegativeCount,
    NotAdopted,
    NotFound,
    NotRejected,
    StageSkipped,
    TallyMismatch,
    Unknown,
)
from gridkeeper.store import meetings as queries
from gridkeeper.store.engine import Store


@dataclass(frozen=True)
class Tally:
    """居民合议: households for, against, abstaining and not reached, of those consulted."""

    consulted: int
    for_: int
    against: int
    abstain: int
    not_reached: int
    by_building: tuple[tuple[str, int, int, int, int], ...] = ()

    def check(self) -> None:
        counts = (self.consulted, self.for_, self.against, self.abstain, self.not_reached)
        if any(n < 0 for n in counts) or any(n < 0 for b in self.by_building for n in b[1:]):
            raise NegativeCount()
        counted = self.for_ + self.against + self.abstain + self.not_reached
        if counted != self.consulted:
            raise TallyMismatch(counted, self.consulted)
        if self.by_building:
            sums = tuple(sum(b[i] for b in self.by_building) for i in range(1, 5))
            if sums != (self.for_, self.against, self.abstain, self.not_reached):
                raise BuildingsMismatch()

    @property
    def reached(self) -> int:
        return self.consulted - self.not_reached


def parse_buildings(text: str) -> tuple[tuple[str, int, int, int, int], ...]:
    """The tally by building as typed, one line each: building, for, against, abstaining, not reached
    (spaces, commas or the Chinese comma between). Empty text: no tally by building."""
    out = []
    for line in text.splitlines():
        parts = line.replace(",", " ").replace("，", " ").replace("、", " ").split()
        if not parts:
            continue
        if len(parts) != 5 or not all(p.isdigit() for p in parts[1:]):
            raise BadBuildingLine(line.strip())
        out.append((parts[0], int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4])))
    return tuple(out)


@dataclass(frozen=True)
class Step:
    at: str
    from_stage: str | None
    to_stage: str
    note: str
    by: str


@dataclass(frozen=True)
class DeliberationFile:
    id: str
    compound_id: str
    compound: str
    title: str
    detail: str
    opened_on: date
    stage: str
    party_on: date | None
    party_opinion: str
    tripartite_on: date | None
    tripartite_agreed: str
    residents_on: date | None
    residents_method: str | None
    tally: Tally | None
    decided_on: date | None
    decision_note: str
    steps: tuple[Step, ...]
    items: tuple[tuple[str, str, str], ...]  # (list item id, title, status)


def _stamp(now: datetime | None) -> str:
    return (now or clock.now()).replace(microsecond=0).isoformat()


def open_matter(store: Store, compound_id: str, title: str, opened_on: date, detail: str = "", by: str = "",
                now: datetime | None = None) -> str:
    """A new matter, at the first stage (党组织先议)."""
    from gridkeeper.store.models import Deliberation, DeliberationStep

    if not title.strip():
        raise Missing("title")
    with store.write() as s:
        row = Deliberation(compound_id=compound_id, title=title.strip(), detail=detail.strip(), opened_on=opened_on,
                           stage="party")
        s.add(row)
        s.add(DeliberationStep(deliberation_id=row.id, at=_stamp(now), from_stage=None, to_stage="party",
                               by_name=by))
        return str(row.id)


def _move(store: Store, deliberation_id: str, expected: tuple[str, ...], wanted: str, to_stage: str,
          fields: dict[str, object], note: str, by: str, now: datetime | None) -> None:
    from gridkeeper.store.models import Deliberation, DeliberationStep

    with store.write() as s:
        row = s.get(Deliberation, deliberation_id)
        if row is None or row.deleted:
            raise NotFound(deliberation_id)
        if row.stage not in expected:
            raise StageSkipped(STAGES.get(row.stage, row.stage), STAGES[wanted])
        previous = row.stage
        for key, value in fields.items():
            setattr(row, key, value)
        row.stage = to_stage
        s.add(row)
        s.add(DeliberationStep(deliberation_id=deliberation_id, at=_stamp(now), from_stage=previous,
                               to_stage=to_stage, note=note, by_name=by))


def record_party(store: Store, deliberation_id: str, on: date, opinion: str, by: str = "",
                 now: datetime | None = None) -> None:
    """党组织先议: the compound's Party organisation discussed it first."""
    if not opinion.strip():
        raise Missing("opinion")
    _move(store, deliberation_id, ("party",), "party", "tripartite",
          {"party_on": on, "party_opinion": opinion.strip()}, "", by, now)


def record_tripartite(store: Store, deliberation_id: str, on: date, agreed: str, by: str = "",
                      now: datetime | None = None) -> None:
    """三方协议: what the Party organisation, the HOA and the property company agreed."""
    if not agreed.strip():
        raise Missing("agreed")
    _move(store, deliberation_id, ("tripartite",), "tripartite", "residents",
          {"tripartite_on": on, "tripartite_agreed": agreed.strip()}, "", by, now)


def record_residents(store: Store, deliberation_id: str, on: date, method: str, tally: Tally, by: str = "",
                     now: datetime | None = None) -> None:
    """居民合议: how the residents were asked and how the households answered."""
    if method not in METHODS:
        raise Unknown(method)
    tally.check()
    buildings = json.dumps({b[0]: list(b[1:]) for b in tally.by_building}, ensure_ascii=False, sort_keys=True)
    _move(store, deliberation_id, ("residents",), "residents", "decision",
          {"residents_on": on, "residents_method": method, "households_consulted": tally.consulted,
           "votes_for": tally.for_, "votes_against": tally.against, "votes_abstain": tally.abstain,
           "not_reached": tally.not_reached, "by_building": buildings if tally.by_building else None},
          "", by, now)


def decide(store: Store, deliberation_id: str, decision: str, on: date, note: str = "", by: str = "",
           now: datetime | None = None) -> None:
    """Adopted or rejected once the residents have deliberated; withdrawn at any stage before."""
    if decision not in DECISIONS:
        raise Unknown(decision)
    expected = ORDER if decision == "withdrawn" else ("decision",)
    _move(store, deliberation_id, expected, "decision", decision,
          {"decided_on": on, "decision_note": note.strip()}, note.strip(), by, now)


def send_back(store: Store, deliberation_id: str, to_stage: str, reason: str, by: str = "",
              now: datetime | None = None) -> None:
    """A rejected matter goes back to a stage (reworked and asked again); the reason is kept."""
    if to_stage not in ORDER[:3]:
        raise Unknown(to_stage)
    if not reason.strip():
        raise Missing("reason")
    with store.read() as conn:
        row = queries.deliberation(conn, deliberation_id)
    if row is None:
        raise NotFound(deliberation_id)
    if row["stage"] != "rejected":
        raise NotRejected()
    _move(store, deliberation_id, ("rejected",), "decision", to_stage,
          {"decided_on": None, "decision_note": None}, reason.strip(), by, now)


def link_item(store: Store, deliberation_id: str, item_id: str) -> str:
    """An adopted matter's implementation: a list item (or project) that carries it out."""
    from gridkeeper.store.models import Deliberation, DeliberationLink

    link_id = ids.uuid5(f"deliberation-item:{deliberation_id}:{item_id}")
    with store.write() as s:
        row = s.get(Deliberation, deliberation_id)
        if row is None or row.deleted:
            raise NotFound(deliberation_id)
        if row.stage != "adopted":
            raise NotAdopted()
        link = s.get(DeliberationLink, link_id)
        if link is None:
            s.add(DeliberationLink(id=link_id, deliberation_id=deliberation_id, item_id=item_id))
        elif link.deleted:
            link.deleted = False
            s.add(link)
    return link_id


def matter_file(store: Store, deliberation_id: str) -> DeliberationFile | None:
    with store.read() as conn:
        row = queries.deliberation(conn, deliberation_id)
        if row is None:
            return None
        steps = tuple(Step(*s) for s in queries.deliberation_steps(conn, deliberation_id))
        items = tuple(queries.deliberation_items(conn, deliberation_id))
    tally = None
    if row["households_consulted"] is not None:
        buildings = json.loads(str(row["by_building"])) if row["by_building"] else {}
        tally = Tally(int(row["households_consulted"]), int(row["votes_for"]), int(row["votes_against"]),  # type: ignore[call-overload]
                      int(row["votes_abstain"]), int(row["not_reached"]),  # type: ignore[call-overload]
                      tuple((b, *v) for b, v in sorted(buildings.items())))
    return DeliberationFile(
        str(row["id"]), str(row["compound_id"]), str(row["compound"]), str(row["title"]), str(row["detail"]),
        row["opened_on"], str(row["stage"]), row["party_on"], str(row["party_opinion"] or ""),  # type: ignore[arg-type]
        row["tripartite_on"], str(row["tripartite_agreed"] or ""), row["residents_on"],  # type: ignore[arg-type]
        row["residents_method"], tally, row["decided_on"], str(row["decision_note"] or ""), steps, items,  # type: ignore[arg-type]
    )


def matters(store: Store, compound_id: str | None = None) -> list[queries.DeliberationRow]:
    with store.read() as conn:
        return queries.deliberations(conn, compound_id)

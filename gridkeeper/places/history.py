"""A household's timeline: contacts, services, member and tag changes, mediations, reveals, newest first.

Care records come from their own (append-only) tables; member, tag and
household changes come from the change log, which holds every captured
change of this profile and every change received by sync, so the timeline
is the same on every laptop once synced. Events carry codes and values; the
UI puts them into words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gridkeeper.store import care as care_queries
from gridkeeper.store import history as queries
from gridkeeper.store import searchkeys
from gridkeeper.store import street as street_queries
from gridkeeper.store.engine import Store

#: Person fields whose changes are worth a line in the timeline (not every typo fix in a note).
_PERSON_FIELDS = ("status", "household_id", "relation_to_head", "name", "phones")


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str  # contact / service / member_added / member_changed / tag_added / tag_removed / household /
    #            moved / vacant / lived_in / merged / reveal / mediation / list_item / plan_added / plan_ended / duty_matter / meeting
    person: str  # whose (a name), "" for the household
    values: dict[str, Any] = field(default_factory=dict)


def _hlc_time(hlc: str) -> datetime:
    return datetime.fromtimestamp(int(hlc.split(".", 1)[0]) / 1000)


def _value(raw: str | None) -> Any:
    try:
        return json.loads(raw) if raw is not None else None
    except ValueError:
        return raw


def authors(store: Store) -> dict[str, str]:
    """Device id -> the cadre who works on that laptop: this one's from the profile, the office's
    other laptops from the membership they were admitted with. A change logged by a laptop not
    known here (no office yet) names nobody rather than a guess."""
    from gridkeeper.places import profile
    from gridkeeper.sync import office

    names = {device: m.about["cadre"] for device, m in office.members(store).items() if m.about.get("cadre")}
    me = profile.current_cadre(store)
    if me is not None:
        names[store.device_id] = me.name
    return names


def _by(who: dict[str, str], row: Any) -> dict[str, Any]:
    return {"by": who[row.device_id]} if row.device_id in who else {}


def timeline(store: Store, household_id: str, limit: int = 300) -> list[Event]:
    events: list[Event] = []
    who = authors(store)
    with store.read() as conn:
        people = queries.person_ids(conn, household_id)
        # Contact and service logs are append-only: those of a household merged into this one stay on it.
        merged = street_queries.merged_into(conn, household_id)
        for house in (household_id, *merged):
            for c in care_queries.contacts_of_household(conn, house, limit):
                events.append(Event(datetime.fromisoformat(c.contacted_at), "contact",
                                    people.get(c.person_id or "", ""), {"method": c.method, "outcome": c.outcome,
                                                                        "note": c.note, "need": c.need, "by": c.by,
                                                                        "reason": c.correction_reason,
                                                                        "corrects": bool(c.corrects_id)}))
            for s in care_queries.services_of_household(conn, house, limit):
                events.append(Event(datetime.fromisoformat(s.served_on), "service",
                                    people.get(s.person_id or "", ""), {"type": s.service_type, "note": s.note,
                                                                        "minutes": s.duration_minutes,
                                                                        "by": s.by_name}))
        ids = sorted(people)
        for r in queries.changes(conn, "person", ids):
            if r.field == "*":
                events.append(Event(_hlc_time(r.hlc), "member_added", people[r.row_id], _by(who, r)))
            elif r.field in _PERSON_FIELDS:
                events.append(Event(_hlc_time(r.hlc), "member_changed", people[r.row_id],
                                    {"field": r.field, "value": _value(r.value), **_by(who, r)}))
        tags = queries.person_tags(conn, ids)
        for r in queries.changes(conn, "persontag", sorted(tags)):
            person, tag = tags[r.row_id]
            row = _value(r.value)
            if r.field == "*" and not (isinstance(row, dict) and row.get("deleted")):
                events.append(Event(_hlc_time(r.hlc), "tag_added", people[person],
                                    {"tag": tag, "detail": row.get("detail") if isinstance(row, dict) else None,
                                     **_by(who, r)}))
            elif r.field == "deleted":
                events.append(Event(_hlc_time(r.hlc), "tag_removed" if row else "tag_added", people[person],
                                    {"tag": tag, **_by(who, r)}))
            elif r.field == "detail":
                events.append(Event(_hlc_time(r.hlc), "tag_added", people[person],
                                    {"tag": tag, "detail": row, **_by(who, r)}))
        plans = {p.id: p for p in queries.care_plans(conn, household_id)}
        for r in queries.changes(conn, "careplan", sorted(plans)):
            plan, value = plans[r.row_id], _value(r.value)
            whom = people.get(plan.person_id or "", "")
            if r.field == "*":
                events.append(Event(_hlc_time(r.hlc), "plan_added", whom, {
                    "frequency": plan.frequency, "interval": plan.interval_days, **_by(who, r)}))
            elif r.field == "end_date" and value:
                events.append(Event(_hlc_time(r.hlc), "plan_ended", whom, {"end": value, **_by(who, r)}))
        events.extend(_household_events(conn, household_id, merged, who))
        events.extend(_grid_events(conn, household_id))
        for r in queries.mediation_steps(conn, household_id, ids):
            events.append(Event(datetime.fromisoformat(r.changed_at), "mediation", r.who or "",
                                {"number": r.number, "category": r.category, "status": r.to_status}))
        for r in queries.list_steps(conn, household_id):
            events.append(Event(datetime.fromisoformat(r.at), "list_item", "",
                                {"kind": r.kind, "title": r.title, "status": r.to_status, "by": r.by}))
        _meeting_events(conn, household_id, events)
        for r in queries.reveals(conn, ids):
            events.append(Event(datetime.fromisoformat(r.at), "reveal", people[r.row_id],
                                {"field": r.field, "by": r.who}))
    events.sort(key=lambda e: e.at, reverse=True)
    return events[:limit]


def _meeting_events(conn: Any, household_id: str, events: list[Event]) -> None:
    """Matters a resident of the household brought to the weekend duty, meetings one attended (issue 22)."""
    from gridkeeper.store import meetings as meeting_queries

    for m in meeting_queries.matters(conn, household_id=household_id):
        events.append(Event(datetime.fromisoformat(m.taken_at), "duty_matter", m.resident,
                            {"what": m.what, "category": m.category, "outcome": m.outcome,
                             "feedback": m.feedback or ""}))
    for day, kind, place in meeting_queries.household_meetings(conn, household_id):
        events.append(Event(datetime.combine(day, datetime.min.time()), "meeting", "", {"kind": kind,
                                                                                       "place": place}))


def _grid_events(conn: Any, household_id: str) -> list[Event]:
    """Its building put in another grid (or taken out of every grid): the household's scope moved."""
    building = street_queries.building_of(conn, household_id)
    if building is None:
        return []
    moves = street_queries.grid_moves(conn, [building])[1:]  # the first is the building's own insert
    names = street_queries.grid_names(conn, [g for _, _, v in moves if (g := _value(v))])
    return [Event(_hlc_time(hlc), "grid", "", {"grid": names.get(_value(v) or "", "")}) for hlc, _, v in moves]


#: The fields of a household's address: one move writes them together (one log row each).
_PLACE_FIELDS = ("building_id", "unit", "room")


def _household_events(conn: Any, household_id: str, merged_ids: list[str],
                      who: dict[str, str] | None = None) -> list[Event]:
    """Note and residence status changes, moves (from where to where), vacant / lived in again,
    and the households merged into this one."""
    events: list[Event] = []
    rows = queries.changes(conn, "household", [household_id])
    merged = [(gone, r) for gone in merged_ids for r in queries.changes(conn, "household", [gone])]
    buildings = set()
    for r in [*rows, *(r for _g, r in merged)]:
        value = _value(r.value)
        buildings.add(value if r.field == "building_id" else
                      value.get("building_id") if r.field == "*" and isinstance(value, dict) else None)
    names = queries.building_names(conn, sorted(b for b in buildings if isinstance(b, str)))

    def address(place: dict[str, Any]) -> str:
        if place.get("building_id") not in names:
            return ""
        return searchkeys.address(*names[place["building_id"]], place.get("unit") or "", place.get("room") or "")

    place: dict[str, Any] = {}
    move: tuple[str, dict[str, Any]] | None = None  # (time of the move, the address before it)
    moved: set[str] = set()  # the fields of the move being read

    def end_move() -> None:
        if move is not None:
            events.append(Event(_hlc_time(move[0]), "moved", "", {"from": address(move[1]), "to": address(place)}))

    for r in rows:
        if r.field in _PLACE_FIELDS:
            # One move is one UPDATE: its fields are logged one after the other, a millisecond or two
            # apart at most (the clock may tick between two triggers). A field seen again, or a pause,
            # starts the next move.
            wall = int(r.hlc.split(".", 1)[0])
            if move is None or r.field in moved or wall - int(move[0].split(".", 1)[0]) > 1000:
                end_move()
                move, moved = (r.hlc, dict(place)), set()
            moved.add(r.field)
            place[r.field] = _value(r.value)
            continue
        end_move()
        move = None
        value = _value(r.value)
        if r.field == "*" and isinstance(value, dict):
            place = {f: value.get(f) for f in _PLACE_FIELDS}
        elif r.field in ("note", "residence_status"):
            events.append(Event(_hlc_time(r.hlc), "household", "",
                                {"field": r.field, "value": value, **_by(who or {}, r)}))
        elif r.field == "vacant_since":
            events.append(Event(_hlc_time(r.hlc), "vacant", "", {"since": value, **_by(who or {}, r)}) if value
                          else Event(_hlc_time(r.hlc), "lived_in", "", _by(who or {}, r)))
    end_move()
    for gone in {g for g, _r in merged}:
        gone_place: dict[str, Any] = {}
        for r in (r for g, r in merged if g == gone):
            value = _value(r.value)
            if r.field == "*" and isinstance(value, dict):
                gone_place = {f: value.get(f) for f in _PLACE_FIELDS}
            elif r.field in _PLACE_FIELDS:
                gone_place[r.field] = value
            elif r.field == "merged_into" and value == household_id:
                events.append(Event(_hlc_time(r.hlc), "merged", "", {"address": address(gone_place)}))
    return events

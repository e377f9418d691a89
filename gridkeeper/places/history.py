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
from gridkeeper.store import street as street_queries
from gridkeeper.store.engine import Store

#: Person fields whose changes are worth a line in the timeline (not every typo fix in a note).
_PERSON_FIELDS = ("status", "household_id", "relation_to_head", "name", "phones")


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str  # contact / service / member_added / member_changed / tag_added / tag_removed / household /
    #            reveal / mediation / list_item
    person: str  # whose (a name), "" for the household
    values: dict[str, Any] = field(default_factory=dict)


def _hlc_time(hlc: str) -> datetime:
    return datetime.fromtimestamp(int(hlc.split(".", 1)[0]) / 1000)


def _value(raw: str | None) -> Any:
    try:
        return json.loads(raw) if raw is not None else None
    except ValueError:
        return raw


def timeline(store: Store, household_id: str, limit: int = 300) -> list[Event]:
    events: list[Event] = []
    with store.read() as conn:
        people = queries.person_ids(conn, household_id)
        # Contact and service logs are append-only: those of a household merged into this one stay on it.
        for house in (household_id, *street_queries.merged_into(conn, household_id)):
            for c in care_queries.contacts_of_household(conn, house, limit):
                events.append(Event(datetime.fromisoformat(c.contacted_at), "contact",
                                    people.get(c.person_id or "", ""), {"method": c.method, "outcome": c.outcome,
                                                                        "note": c.note, "need": c.need, "by": c.by}))
            for s in care_queries.services_of_household(conn, house, limit):
                events.append(Event(datetime.fromisoformat(s.served_on), "service",
                                    people.get(s.person_id or "", ""), {"type": s.service_type, "note": s.note,
                                                                        "minutes": s.duration_minutes,
                                                                        "by": s.by_name}))
        ids = sorted(people)
        for r in queries.changes(conn, "person", ids):
            if r.field == "*":
                events.append(Event(_hlc_time(r.hlc), "member_added", people[r.row_id]))
            elif r.field in _PERSON_FIELDS:
                events.append(Event(_hlc_time(r.hlc), "member_changed", people[r.row_id],
                                    {"field": r.field, "value": _value(r.value)}))
        tags = queries.person_tags(conn, ids)
        for r in queries.changes(conn, "persontag", sorted(tags)):
            person, tag = tags[r.row_id]
            row = _value(r.value)
            if r.field == "*" and not (isinstance(row, dict) and row.get("deleted")):
                events.append(Event(_hlc_time(r.hlc), "tag_added", people[person],
                                    {"tag": tag, "detail": row.get("detail") if isinstance(row, dict) else None}))
            elif r.field == "deleted":
                events.append(Event(_hlc_time(r.hlc), "tag_removed" if row else "tag_added", people[person],
                                    {"tag": tag}))
            elif r.field == "detail":
                events.append(Event(_hlc_time(r.hlc), "tag_added", people[person], {"tag": tag, "detail": row}))
        for r in queries.changes(conn, "household", [household_id]):
            if r.field in ("note", "residence_status"):
                events.append(Event(_hlc_time(r.hlc), "household", "", {"field": r.field, "value": _value(r.value)}))
        for r in queries.mediation_steps(conn, household_id, ids):
            events.append(Event(datetime.fromisoformat(r.changed_at), "mediation", r.who or "",
                                {"number": r.number, "category": r.category, "status": r.to_status}))
        for r in queries.list_steps(conn, household_id):
            events.append(Event(datetime.fromisoformat(r.at), "list_item", "",
                                {"kind": r.kind, "title": r.title, "status": r.to_status, "by": r.by}))
        for r in queries.reveals(conn, ids):
            events.append(Event(datetime.fromisoformat(r.at), "reveal", people[r.row_id],
                                {"field": r.field, "by": r.who}))
    events.sort(key=lambda e: e.at, reverse=True)
    return events[:limit]

"""Meetings (月度三方联席会议, 季度督考会): attendees by side, the agenda, minutes, decisions.

The agenda of a compound's meeting opens with the decisions of its previous
meeting (and the status of the list items they became), then the month's 议题
(escalated and overdue list items, escalated mediations, overdue return visits),
then the items added by hand. A decision becomes a list item, or updates the one
its agenda item was about, with an owner and a deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from gridkeeper import clock
from gridkeeper.meetings.terms import KINDS, SIDES, Missing, NotFound, Unknown
from gridkeeper.store import meetings as queries
from gridkeeper.store.engine import Store
from gridkeeper.store.meetings import AgendaRow, AttendeeRow, MeetingRow, Topic


@dataclass(frozen=True)
class AttendeeInput:
    side: str
    name: str
    person_id: str | None = None
    household_id: str | None = None


@dataclass(frozen=True)
class NewMeeting:
    kind: str
    held_on: date
    place: str = ""
    compound_id: str | None = None
    community_id: str | None = None
    title: str = ""
    attendees: tuple[AttendeeInput, ...] = ()
    hand_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingFile:
    meeting: MeetingRow
    attendees: tuple[AttendeeRow, ...]
    agenda: tuple[AgendaRow, ...]


def draft_agenda(store: Store, compound_id: str, held_on: date, exclude: str | None = None) -> list[Topic]:
    """What a compound's meeting on `held_on` opens with: the previous meeting's decisions, then the 议题."""
    with store.read() as conn:
        out: list[Topic] = []
        previous = queries.previous_meeting(conn, compound_id, held_on, exclude)
        if previous:
            for a in queries.agenda(conn, previous):
                if a.decision:
                    out.append(Topic("carried", a.id, f"{a.title}：{a.decision}", a.list_item_id))
        carried_items = {t.item_id for t in out}  # an item decided on last time is listed once, as carried
        out += [t for t in queries.month_topics(conn, compound_id, held_on) if t.ref_id not in carried_items]
    return out


def create_meeting(store: Store, new: NewMeeting, by: str = "") -> str:
    """The meeting, its attendees and its agenda prefilled (draft_agenda) plus the hand items."""
    from gridkeeper.store.models import AgendaItem, Meeting, MeetingAttendee

    if new.kind not in KINDS:
        raise Unknown(new.kind)
    if not new.compound_id and not new.community_id:
        raise Missing("compound")
    for a in new.attendees:
        if a.side not in SIDES:
            raise Unknown(a.side)
        if not a.name.strip():
            raise Missing("name")
    topics = draft_agenda(store, new.compound_id, new.held_on) if new.compound_id else []
    topics += [Topic("hand", "", t.strip()) for t in new.hand_items if t.strip()]
    with store.write() as s:
        row = Meeting(kind=new.kind, held_on=new.held_on, place=new.place.strip(), compound_id=new.compound_id,
                      community_id=new.community_id, title=new.title.strip(), recorded_by=by)
        s.add(row)
        s.flush()
        for a in new.attendees:
            s.add(MeetingAttendee(meeting_id=row.id, side=a.side, name=a.name.strip(), person_id=a.person_id,
                                  household_id=a.household_id))
        for i, t in enumerate(topics, 1):
            s.add(AgendaItem(meeting_id=row.id, position=i, source=t.source, title=t.title, ref_id=t.ref_id or None,
                             list_item_id=t.item_id))
        return str(row.id)


def add_item(store: Store, meeting_id: str, title: str) -> str:
    from gridkeeper.store.models import AgendaItem

    if not title.strip():
        raise Missing("title")
    with store.read() as conn:
        if queries.meeting(conn, meeting_id) is None:
            raise NotFound(meeting_id)
        last = max((a.position for a in queries.agenda(conn, meeting_id)), default=0)
    with store.write() as s:
        row = AgendaItem(meeting_id=meeting_id, position=last + 1, source="hand", title=title.strip())
        s.add(row)
        return str(row.id)


def record_minutes(store: Store, agenda_item_id: str, minutes: str) -> None:
    from gridkeeper.store.models import AgendaItem

    with store.write() as s:
        row = s.get(AgendaItem, agenda_item_id)
        if row is None or row.deleted:
            raise NotFound(agenda_item_id)
        row.minutes = minutes.strip()
        s.add(row)


def record_decision(store: Store, agenda_item_id: str, decision: str, owner_party: str, owner_name: str,
                    due: date, by: str = "", now: datetime | None = None) -> str:
    """The decision on an agenda item: it updates the list item the item was about (owner, deadline),
    or becomes a new problem (source "meeting") of the meeting's compound. Returns the list item's id."""
    from gridkeeper import lists
    from gridkeeper.store import lists as list_queries
    from gridkeeper.store.models import AgendaItem, ListItem

    if not decision.strip():
        raise Missing("decision")
    if owner_party not in lists.OWNER_PARTIES:
        raise Unknown(owner_party)
    with store.read() as conn:
        compound_id = queries.compound_of_agenda_item(conn, agenda_item_id)
        grid = list_queries.grid_of_compound(conn, compound_id, None) if compound_id else None
    with store.write() as s:
        row = s.get(AgendaItem, agenda_item_id)
        if row is None or row.deleted:
            raise NotFound(agenda_item_id)
        target = row.list_item_id
        if target is None and row.source == "carried" and row.ref_id:
            earlier = s.get(AgendaItem, row.ref_id)
            target = earlier.list_item_id if earlier else None
        item = s.get(ListItem, target) if target else None
        if item is not None:
            item.owner_party, item.owner_name, item.due_date = owner_party, owner_name.strip() or None, due
            s.add(item)
            item_id = str(item.id)
        else:
            new = lists.NewItem(kind="problem", title=row.title, source="meeting", owner_party=owner_party,
                                owner_name=owner_name, detail=decision.strip(), due_date=due,
                                compound_id=compound_id, grid_id=grid)
            item_id = lists._add_item(s, new, by, (now or clock.now()).replace(microsecond=0).isoformat(), None)
        row.decision, row.owner_party, row.owner_name, row.due_date = (decision.strip(), owner_party,
                                                                       owner_name.strip() or None, due)
        row.list_item_id = item_id
        s.add(row)
    return item_id


def meeting_file(store: Store, meeting_id: str) -> MeetingFile | None:
    with store.read() as conn:
        m = queries.meeting(conn, meeting_id)
        if m is None:
            return None
        return MeetingFile(m, tuple(queries.attendees(conn, meeting_id)), tuple(queries.agenda(conn, meeting_id)))


def list_meetings(store: Store, *, compound_id: str | None = None, first: date | None = None,
                  last: date | None = None) -> list[MeetingRow]:
    with store.read() as conn:
        return queries.meetings(conn, compound_id=compound_id, first=first, last=last)


def search(store: Store, words: str) -> dict[str, set[str]]:
    """Ids of the meetings, deliberations and duty evenings whose text holds `words`."""
    with store.read() as conn:
        return queries.search(conn, words)

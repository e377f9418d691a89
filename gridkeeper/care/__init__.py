"""Care (一户一档, 敲门日, 每日一联系): care plans, contacts, services, the Today list.

Due dates are counted in local calendar days (`date`, never datetimes): a
plan is due again `step` days after the last contact that reached the person
(monthly: the same day next month, clamped to the month's end). A plan never
contacted is due from its start date. Attempts that reached nobody ("no
answer", "not at home") do not move the due date; two "no answer" in a row
raise an alert that suggests a door knock.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from gridkeeper import clock, ids
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.ids import new_id
from gridkeeper.places import profile
from gridkeeper.rules import phone
from gridkeeper.rules.natural import natural_key
from gridkeeper.store import care as queries
from gridkeeper.store import households as household_queries
from gridkeeper.store.care import REACHED, VOID, ContactRow, PlanRow
from gridkeeper.store.engine import Store

FREQUENCIES = ("daily", "every_n_days", "weekly", "monthly")
METHODS = ("phone", "door", "visit", "video")
OUTCOMES = ("well", "needs_help", "no_answer", "in_hospital", "not_home", "refused", "deceased", "moved_out")
#: Outcomes that end the plan the day they are recorded, and change the household file.
ENDING = {"deceased": "deceased", "moved_out": "moved_out"}
#: Outcomes that pause the plan: it ends that day with the reason in its note; a cadre
#: restarts it by clearing the end date in the plan form.
PAUSING = ("refused",)
#: Days a need raised during a contact gets before it is overdue on the lists.
NEED_DAYS = 7
SERVICE_TYPES = ("groceries", "medicine", "errands", "chat", "cleaning", "escort", "other")
#: Two of these in a row and the person is an alert.
ALERT_OUTCOME = "no_answer"


class CareError(GridKeeperError):
    context = "errors"


def _error(message: str, **params: object) -> CareError:
    return CareError(message, **params)


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def step_days(frequency: str, interval_days: int | None) -> int:
    if frequency == "daily":
        return 1
    if frequency == "weekly":
        return 7
    if frequency == "every_n_days":
        return max(1, interval_days or 1)
    raise ValueError(frequency)


def next_due(frequency: str, interval_days: int | None, start: date, last_reached: date | None) -> date:
    """The first day the plan wants a contact after `last_reached` (or from its start)."""
    if last_reached is None or last_reached < start:
        return start
    if frequency == "monthly":
        return add_months(last_reached, 1)
    return last_reached + timedelta(days=step_days(frequency, interval_days))


@dataclass(frozen=True)
class DueItem:
    plan_id: str
    household_id: str
    person_id: str | None
    name: str
    address: str
    phones_masked: tuple[str, ...]
    frequency: str
    interval_days: int | None
    volunteer: str
    last_contact: date | None  # last contact that reached the person
    last_outcome: str  # of the newest contact of any outcome ("" if none)
    due_date: date
    days_overdue: int  # 0 when due today or done
    alert: bool  # two "no answer" in a row: knock on the door
    done_today: bool
    tried_today: bool = False  # an attempt (no answer, not at home) was recorded on the day listed

    def as_json(self) -> dict[str, object]:
        return {
            "plan_id": self.plan_id,
            "person_id": self.person_id,
            "household_id": self.household_id,
            "name": self.name,
            "address": self.address,
            "phones": list(self.phones_masked),
            "frequency": self.frequency,
            "interval_days": self.interval_days,
            "volunteer": self.volunteer,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "last_outcome": self.last_outcome or None,
            "due_date": self.due_date.isoformat(),
            "days_overdue": self.days_overdue,
            "alert": self.alert,
            "tried_today": self.tried_today,
        }


@dataclass(frozen=True)
class TodayList:
    day: date
    overdue: list[DueItem] = field(default_factory=list)  # most overdue first
    due: list[DueItem] = field(default_factory=list)  # due today
    alerts: list[DueItem] = field(default_factory=list)  # also in overdue or due
    done: list[DueItem] = field(default_factory=list)  # reached today

    @property
    def to_work(self) -> list[DueItem]:
        """The order a cadre works in: alerts, then most overdue, then due today."""
        return sorted(self.overdue + self.due, key=lambda i: (not i.alert, -i.days_overdue, i.address, i.name))

    def as_json(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "counts": {"due": len(self.due), "overdue": len(self.overdue), "done_today": len(self.done),
                       "alerts": len(self.alerts)},
            "due": [i.as_json() for i in self.due],
            "overdue": [i.as_json() for i in self.overdue],
            "alerts": [i.as_json() for i in self.alerts],
        }


def _masked_phones(raw: str) -> tuple[str, ...]:
    try:
        numbers = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(phone.mask(str(n)) for n in numbers) if isinstance(numbers, list) else ()


def _key(plan: PlanRow) -> tuple[str, str]:
    return ("person_id", plan.person_id) if plan.person_id else ("household_id", plan.household_id)


def today_list(store: Store, day: date, grid_ids: list[str] | None, cadre_id: str | None = None) -> TodayList:
    """Who is due for contact on `day` in these grids (None: every grid)."""
    with store.read() as conn:
        plans = queries.active_plans(conn, day, grid_ids, cadre_id)
        last: dict[tuple[str, str], tuple[date | None, list[str], date | None]] = {}
        for column in ("person_id", "household_id"):
            keys = sorted({k for c, k in map(_key, plans) if c == column})
            last.update({(column, k): v for k, v in queries.last_contacts(conn, column, keys, day).items()})
        addresses = household_queries.addresses(conn, sorted({p.household_id for p in plans}))
    out = TodayList(day)
    for p in plans:
        reached, outcomes, tried = last.get(_key(p), (None, [], None))
        due = next_due(p.frequency, p.interval_days, p.start_date, reached)
        item = DueItem(
            plan_id=p.id, household_id=p.household_id, person_id=p.person_id, name=p.name,
            address=addresses.get(p.household_id, ""), phones_masked=_masked_phones(p.phones),
            frequency=p.frequency, interval_days=p.interval_days, volunteer=p.volunteer,
            last_contact=reached, last_outcome=outcomes[0] if outcomes else "", due_date=due,
            days_overdue=max(0, (day - due).days),
            alert=outcomes[:2] == [ALERT_OUTCOME, ALERT_OUTCOME],
            done_today=reached == day, tried_today=tried == day and reached != day,
        )
        if item.done_today:
            out.done.append(item)
        elif due < day:
            out.overdue.append(item)
        elif due == day:
            out.due.append(item)
        if item.alert and not item.done_today and due <= day:
            out.alerts.append(item)
    out.overdue.sort(key=lambda i: (-i.days_overdue, i.address, i.name))
    out.due.sort(key=lambda i: (i.address, i.name))
    out.alerts.sort(key=lambda i: (-i.days_overdue, i.address, i.name))
    out.done.sort(key=lambda i: (i.address, i.name))
    return out


def my_today(store: Store, day: date | None = None) -> TodayList:
    """The Today list of this laptop's cadre (every grid when no cadre is chosen)."""
    day = day or clock.today()
    me = profile.current_cadre(store, day)  # the grids held on the day listed
    grids = None if me is None else [g.id for g in me.grids]
    return today_list(store, day, grids, me.id if me else None)


# --- writes --------------------------------------------------------------------------------


def record_contact(
    store: Store,
    plan_id: str,
    outcome: str,
    method: str = "phone",
    note: str = "",
    need: str = "",
    when: datetime | None = None,
    volunteer_id: str | None = None,
) -> str:
    """Log one contact for a plan's person (or household); returns the new log's id.

    A need raised during the contact also becomes a need on the four lists, concerning the
    household, titled with the person's name and due in NEED_DAYS. "Deceased" and "moved out" end
    the plan and mark the person (a household plan: the flat vacant for "moved out"); "refused"
    pauses it (ends it that day; the plan form restarts it)."""
    if outcome not in OUTCOMES:
        raise _error(QT_TRANSLATE_NOOP("errors", "Unknown contact outcome: {value}"), value=outcome)
    if method not in METHODS:
        raise _error(QT_TRANSLATE_NOOP("errors", "Unknown contact method: {value}"), value=method)
    when = when or clock.now()
    me = profile.current_cadre(store)
    contact_id = new_id()
    need = need.strip()
    with store.begin() as conn:
        plan = queries.plan(conn, plan_id)
        if plan is None:
            raise _error(QT_TRANSLATE_NOOP("errors", "This care plan no longer exists."))
        if method == "phone" and outcome == "no_answer" and not _masked_phones(plan.phones):
            # Nobody can fail to answer a number that is not on file: the call was never made.
            raise _error(QT_TRANSLATE_NOOP(
                "errors", "{name} has no phone number on file: a call cannot go unanswered. "
                "Knock on the door, or add the number in the household file."), name=plan.name)
        # "Twice in a row" needs a strict order: never at or before this laptop's newest log of the person.
        newest = queries.newest_time(conn, plan.household_id, plan.person_id)
        at = when.isoformat(sep=" ", timespec="milliseconds")
        if newest and newest >= at and newest[:10] == at[:10]:
            at = (datetime.fromisoformat(newest) + timedelta(milliseconds=1)).isoformat(sep=" ", timespec="milliseconds")
        queries.insert(conn, "contactlog", {
            "id": contact_id, "household_id": plan.household_id, "person_id": plan.person_id,
            "contact_date": when.date().isoformat(), "contacted_at": at,
            "cadre_id": None if volunteer_id else (me.id if me else None), "volunteer_id": volunteer_id,
            "method": method, "outcome": outcome, "note": note.strip() or None, "need": need or None,
        })
        if outcome in ENDING or outcome in PAUSING:
            # The plan stops from the day after the last day it ran: off today's list from now on.
            queries.update(conn, "careplan", plan.id, {"end_date": (when.date() - timedelta(days=1)).isoformat()})
        if outcome in ENDING:
            if plan.person_id:
                queries.update(conn, "person", plan.person_id, {"status": ENDING[outcome]})
            elif outcome == "moved_out":
                queries.update(conn, "household", plan.household_id, {"vacant_since": when.date().isoformat()})
    if need:
        # The need goes on the four lists (source: door knock), concerning the household, to be claimed.
        # The contact row keeps the words too, so a failure here loses nothing.
        from gridkeeper import lists

        lists.create_item(store, lists.NewItem(
            kind="need", title=f"{plan.name}：{need}"[:120], source="door_knock", owner_party="community",
            detail=note.strip(), household_id=plan.household_id, due_date=when.date() + timedelta(days=NEED_DAYS)),
            by=me.name if me else "", now=when, item_id=need_id_of(contact_id))
    return contact_id


def need_id_of(contact_id: str) -> str:
    """The need a contact raised has an id made from the contact's, so undo finds it."""
    return ids.uuid5(f"need-of-contact:{contact_id}")


#: How long after recording a contact it may still be undone outright (the page offers a few
#: seconds; the margin covers a slow write). Later, a correction says who changed it and why.
UNDO_SECONDS = 120


def undo_contact(store: Store, contact_id: str, now: datetime | None = None) -> None:
    """Take back a contact recorded a moment ago (a stray Enter): it and the need it raised are
    tombstoned. Its plan's end date or a person's status changed by it are not restored: the
    page does not offer undo for those outcomes."""
    now = now or clock.now()
    with store.begin() as conn:
        found = queries.contact(conn, contact_id)
        if found is None:
            raise _error(QT_TRANSLATE_NOOP("errors", "This contact no longer exists."))
        if found.outcome in ENDING or found.outcome in PAUSING:
            raise _error(QT_TRANSLATE_NOOP(
                "errors", "A contact that ended or paused a plan cannot be undone; correct it instead."))
        recorded = datetime.fromisoformat(found.contacted_at)
        if abs((now - recorded).total_seconds()) > UNDO_SECONDS:
            raise _error(QT_TRANSLATE_NOOP(
                "errors", "It is too late to undo this contact; record a correction, saying why."))
        queries.update(conn, "contactlog", contact_id, {"deleted": 1})
        need = need_id_of(contact_id)
        if queries.exists(conn, "listitem", need):
            queries.update(conn, "listitem", need, {"deleted": 1})


#: What a correction may say the contact really was: an outcome, or "it never happened".
CORRECTIONS = tuple(o for o in OUTCOMES if o not in ENDING and o not in PAUSING) + (VOID,)


def correct_contact(store: Store, contact_id: str, outcome: str, reason: str, now: datetime | None = None) -> str:
    """Append a correcting record: the contact really had `outcome` (VOID: it never happened).
    The earlier row stays as it was and stops counting; who corrects is this laptop's cadre,
    why is `reason` (required). Returns the correcting row's id."""
    if outcome not in CORRECTIONS:
        raise _error(QT_TRANSLATE_NOOP("errors", "Unknown contact outcome: {value}"), value=outcome)
    reason = " ".join(reason.split())
    if not reason:
        raise _error(QT_TRANSLATE_NOOP("errors", "Say why the contact is corrected."))
    me = profile.current_cadre(store)
    correction_id = new_id()
    with store.begin() as conn:
        found = queries.contact(conn, contact_id)
        if found is None:
            raise _error(QT_TRANSLATE_NOOP("errors", "This contact no longer exists."))
        if queries.is_corrected(conn, contact_id):
            raise _error(QT_TRANSLATE_NOOP("errors", "This contact was corrected already; correct the correction."))
        # The correction stands where the contact stood in time, so due dates and "twice no answer"
        # read the corrected outcome in its place.
        queries.insert(conn, "contactlog", {
            "id": correction_id, "household_id": found.household_id, "person_id": found.person_id,
            "contact_date": found.contact_date.isoformat(), "contacted_at": found.contacted_at,
            "cadre_id": me.id if me else None, "volunteer_id": None, "method": found.method, "outcome": outcome,
            "note": None, "need": None, "corrects_id": contact_id, "correction_reason": reason,
        })
    return correction_id


def latest_contact(store: Store, plan_id: str) -> ContactRow | None:
    """The plan's newest contact that still counts (what "Correct…" on the Today page corrects)."""
    with store.read() as conn:
        plan = queries.plan(conn, plan_id)
        if plan is None:
            return None
        column, key = _key(plan)
        return queries.latest_live(conn, column, key)


def household_contacts(store: Store, household_id: str) -> list[ContactRow]:
    """The household's contacts, newest first, corrections included (each names the row it corrects)."""
    with store.read() as conn:
        return queries.contacts_of_household(conn, household_id)


def record_service(
    store: Store,
    household_id: str,
    service_type: str,
    served_on: date,
    person_id: str | None = None,
    duration_minutes: int | None = None,
    note: str = "",
    volunteer_id: str | None = None,
    contact_id: str | None = None,
) -> str:
    if service_type not in SERVICE_TYPES:
        raise _error(QT_TRANSLATE_NOOP("errors", "Unknown service type: {value}"), value=service_type)
    if duration_minutes is not None and duration_minutes < 0:
        raise _error(QT_TRANSLATE_NOOP("errors", "A duration cannot be negative."))
    me = profile.current_cadre(store)
    service_id = new_id()
    with store.begin() as conn:
        queries.insert(conn, "servicerecord", {
            "id": service_id, "household_id": household_id, "person_id": person_id,
            "service_type": service_type, "served_on": served_on.isoformat(),
            "cadre_id": None if volunteer_id else (me.id if me else None), "volunteer_id": volunteer_id,
            "duration_minutes": duration_minutes, "contact_id": contact_id, "note": note.strip() or None,
        })
    return service_id


def save_plan(
    store: Store,
    household_id: str,
    person_id: str | None,
    frequency: str,
    start_date: date,
    interval_days: int | None = None,
    end_date: date | None = None,
    cadre_id: str | None = None,
    volunteer_id: str | None = None,
    note: str = "",
    plan_id: str | None = None,
) -> str:
    """Create a care plan, or change one (each changed field is captured for sync)."""
    if frequency not in FREQUENCIES:
        raise _error(QT_TRANSLATE_NOOP("errors", "Unknown contact frequency: {value}"), value=frequency)
    if frequency == "every_n_days" and (interval_days is None or interval_days < 1):
        raise _error(QT_TRANSLATE_NOOP("errors", "\"Every N days\" needs N of at least 1."))
    if end_date is not None and end_date < start_date:
        raise _error(QT_TRANSLATE_NOOP("errors", "The plan ends before it starts."))
    values = {
        "household_id": household_id, "person_id": person_id, "frequency": frequency,
        "interval_days": interval_days if frequency == "every_n_days" else None,
        "start_date": start_date.isoformat(), "end_date": end_date.isoformat() if end_date else None,
        "cadre_id": cadre_id, "volunteer_id": volunteer_id, "note": note.strip() or None,
    }
    with store.begin() as conn:
        if plan_id is None:
            plan_id = new_id()
            queries.insert(conn, "careplan", {"id": plan_id, **values})
        else:
            queries.update(conn, "careplan", plan_id, values)
    return plan_id


def end_plan(store: Store, plan_id: str, end_date: date) -> None:
    with store.begin() as conn:
        queries.update(conn, "careplan", plan_id, {"end_date": end_date.isoformat()})


def plan_household(store: Store, plan_id: str) -> str:
    with store.read() as conn:
        plan = queries.plan(conn, plan_id)
    if plan is None:
        raise _error(QT_TRANSLATE_NOOP("errors", "This care plan no longer exists."))
    return plan.household_id


def household_plans(store: Store, household_id: str) -> list[PlanRow]:
    """The household's care plans, running and ended, oldest first."""
    with store.read() as conn:
        return queries.plans_of_household(conn, household_id)


@dataclass(frozen=True)
class VolunteerRow:
    id: str
    name: str
    team: str
    phone_masked: str
    plans: int  # running care plans this volunteer is paired with


def volunteer_list(store: Store) -> list[VolunteerRow]:
    """By team, then name; numbers in names compare as numbers (第2队 before 第11队, issue 21)."""
    with store.read() as conn:
        rows = [VolunteerRow(i, n, t, phone.mask(p) if p else "", c) for i, n, t, p, c in queries.volunteer_rows(conn)]
    return sorted(rows, key=lambda v: (natural_key(v.team), natural_key(v.name), v.id))


def teams(store: Store) -> list[tuple[str, str, int]]:
    with store.read() as conn:
        return sorted(queries.teams(conn), key=lambda t: (natural_key(t[1]), t[0]))


def add_team(store: Store, name: str, leader: str = "") -> str:
    """A volunteer team (志愿服务队)."""
    name = " ".join(name.split())
    if not name:
        raise _error(QT_TRANSLATE_NOOP("errors", "The team needs a name."))
    team_id = new_id()
    with store.begin() as conn:
        queries.insert(conn, "volunteerteam", {"id": team_id, "name": name, "leader": leader.strip() or None})
    return team_id


def add_volunteer(store: Store, name: str, phone_text: str = "", team_id: str | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise _error(QT_TRANSLATE_NOOP("errors", "The volunteer needs a name."))
    valid, invalid = phone.split_cell(phone_text)
    if invalid or len(valid) > 1:
        raise _error(QT_TRANSLATE_NOOP("errors", "Not one phone number: {value}"), value=phone_text.strip())
    volunteer_id = new_id()
    with store.begin() as conn:
        queries.insert(conn, "volunteer", {"id": volunteer_id, "name": name,
                                           "phone": valid[0] if valid else None, "team_id": team_id})
    return volunteer_id


def volunteers(store: Store) -> list[tuple[str, str, str]]:
    with store.read() as conn:
        return queries.volunteers(conn)


def volunteers_near(store: Store, household_id: str) -> list[tuple[str, str, str, bool]]:
    """Volunteers for a household's care plan or service: its own community's teams first."""
    with store.read() as conn:
        return queries.volunteers_near(conn, household_id)


__all__ = [
    "CORRECTIONS",
    "ENDING",
    "FREQUENCIES",
    "METHODS",
    "NEED_DAYS",
    "OUTCOMES",
    "PAUSING",
    "REACHED",
    "SERVICE_TYPES",
    "UNDO_SECONDS",
    "VOID",
    "CareError",
    "DueItem",
    "TodayList",
    "VolunteerRow",
    "add_months",
    "add_team",
    "add_volunteer",
    "correct_contact",
    "end_plan",
    "household_contacts",
    "household_plans",
    "latest_contact",
    "my_today",
    "next_due",
    "record_contact",
    "record_service",
    "save_plan",
    "teams",
    "today_list",
    "undo_contact",
    "volunteer_list",
    "volunteers",
    "volunteers_near",
]

"""The four lists (四张清单): problems, needs, services and projects, and their closed loop.

An item is claimed (领办), handled and closed, then verified with the
resident's feedback: open → claimed → in progress → done → verified, or
declined with a reason. Every status change is a new ListItemHistory row
(append-only), escalations likewise (小事协商办、大事联动办: compound →
community → street). Illegal moves are refused with a message in words.

Plain dataclasses out, no Qt. Writes read the current status inside their
own write transaction (BEGIN IMMEDIATE), so two actions on one laptop queue
rather than race.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from gridkeeper import clock, ids
from gridkeeper.errors import (
    QT_TRANSLATE_NOOP,
    ClaimNeedsClaimant,
    DoneNeedsResolution,
    EscalationClosed,
    EscalationNotUp,
    FindingSettled,
    IllegalTransition,
    ItemNeedsTitle,
    LinkNeedsNeed,
    ReasonNeeded,
    UnknownItem,
    VerifyNeedsSatisfaction,
)
from gridkeeper.store import lists as queries
from gridkeeper.store import walks as walk_queries
from gridkeeper.store.engine import Store
from gridkeeper.store.lists import OPEN_STATUSES, EscalationEntry, HistoryEntry, ItemRow, LinkedItem

__all__ = [
    "KINDS", "SOURCES", "OWNER_PARTIES", "STATUSES", "ACTIONS", "SATISFACTION", "LEVELS", "OPEN_STATUSES",
    "NewItem", "Item", "ItemDetail", "ItemRow", "HistoryEntry", "EscalationEntry", "LinkedItem",
    "create_item", "problem_from_finding", "claim", "start", "finish", "verify", "reopen", "decline",
    "escalate", "link", "unlink", "items", "item_detail", "property_companies", "open_problems_of",
    "allowed_actions", "compounds", "overdue_items", "escalated_from", "waiting_for_claim", "owner_key",
]

KINDS: dict[str, str] = {
    "problem": QT_TRANSLATE_NOOP("vocab", "problem"),
    "need": QT_TRANSLATE_NOOP("vocab", "need"),
    "service": QT_TRANSLATE_NOOP("vocab", "service"),
    "project": QT_TRANSLATE_NOOP("vocab", "project"),
}
SOURCES: dict[str, str] = {
    "night_walk": QT_TRANSLATE_NOOP("vocab", "Night walk"),
    "door_knock": QT_TRANSLATE_NOOP("vocab", "Door knock"),
    "secretary": QT_TRANSLATE_NOOP("vocab", "Secretary appointment"),
    "meeting": QT_TRANSLATE_NOOP("vocab", "Meeting"),
    "resident": QT_TRANSLATE_NOOP("vocab", "Resident"),
    "inspection": QT_TRANSLATE_NOOP("vocab", "Property inspection"),  # organisations.property.inspect
}
OWNER_PARTIES: dict[str, str] = {
    "community": QT_TRANSLATE_NOOP("vocab", "Community"),
    "hoa": QT_TRANSLATE_NOOP("vocab", "HOA"),
    "property": QT_TRANSLATE_NOOP("vocab", "Property company"),
    "street": QT_TRANSLATE_NOOP("vocab", "Street office"),
    "party_member": QT_TRANSLATE_NOOP("vocab", "Party member"),
}
STATUSES: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("vocab", "open"),
    "claimed": QT_TRANSLATE_NOOP("vocab", "claimed"),
    "in_progress": QT_TRANSLATE_NOOP("vocab", "in progress"),
    "done": QT_TRANSLATE_NOOP("vocab", "done"),
    "verified": QT_TRANSLATE_NOOP("vocab", "verified"),
    "declined": QT_TRANSLATE_NOOP("vocab", "declined"),
}
SATISFACTION: dict[str, str] = {
    "satisfied": QT_TRANSLATE_NOOP("vocab", "Satisfied"),
    "basic": QT_TRANSLATE_NOOP("vocab", "Basically satisfied"),
    "not": QT_TRANSLATE_NOOP("vocab", "Not satisfied"),
}
LEVELS: dict[str, str] = {
    "compound": QT_TRANSLATE_NOOP("vocab", "compound"),
    "community": QT_TRANSLATE_NOOP("vocab", "community"),
    "street": QT_TRANSLATE_NOOP("vocab", "street"),
}
_LEVEL_ORDER = tuple(LEVELS)

#: The state machine: action -> (statuses it may start from, status it leads to, past-tense label).
ACTIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "claim": (("open",), "claimed", QT_TRANSLATE_NOOP("actions", "claimed")),
    "start": (("claimed",), "in_progress", QT_TRANSLATE_NOOP("actions", "started")),
    "finish": (("in_progress",), "done", QT_TRANSLATE_NOOP("actions", "marked done")),
    "verify": (("done",), "verified", QT_TRANSLATE_NOOP("actions", "verified")),
    "reopen": (("done", "declined"), "in_progress", QT_TRANSLATE_NOOP("actions", "reopened")),
    "decline": (("open", "claimed", "in_progress"), "declined", QT_TRANSLATE_NOOP("actions", "declined")),
}
#: What a user may do next, in words (for the "it can now be: …" part of a refusal).
_ACTION_NAMES: dict[str, str] = {
    "claim": QT_TRANSLATE_NOOP("actions", "claim"),
    "start": QT_TRANSLATE_NOOP("actions", "start"),
    "finish": QT_TRANSLATE_NOOP("actions", "mark done"),
    "verify": QT_TRANSLATE_NOOP("actions", "verify"),
    "reopen": QT_TRANSLATE_NOOP("actions", "reopen"),
    "decline": QT_TRANSLATE_NOOP("actions", "decline"),
}

#: Days a problem from a night walk gets, by the finding's severity.
DAYS_BY_SEVERITY = {"high": 3, "medium": 7, "low": 14}
#: Finding categories that are the property company's to handle (物业监督).
PROPERTY_CATEGORIES = {"fire_lane", "facility", "sanitation", "parking"}


def allowed_actions(status: str) -> tuple[str, ...]:
    return tuple(a for a, (froms, _to, _past) in ACTIONS.items() if status in froms)


@dataclass(frozen=True)
class NewItem:
    kind: str
    title: str
    source: str
    owner_party: str
    owner_name: str = ""
    detail: str = ""
    due_date: date | None = None
    compound_id: str | None = None
    household_id: str | None = None
    grid_id: str | None = None
    category: str | None = None
    finding_id: str | None = None


@dataclass(frozen=True)
class Item:
    """A row of the lists page: the item and how late it is."""

    row: ItemRow
    overdue_days: int  # days past due while not closed; 0 otherwise
    days_open: int  # from opened until closed, or until today

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.row, name)


@dataclass(frozen=True)
class ItemDetail:
    item: Item
    detail: str
    resolution: str
    feedback: str
    satisfaction: str | None
    decline_reason: str
    history: tuple[HistoryEntry, ...]
    escalations: tuple[EscalationEntry, ...]
    links: tuple[LinkedItem, ...]
    finding: walk_queries.FindingRow | None  # the night-walk finding it came from


def _stamp(now: datetime | None) -> str:
    return (now or clock.now()).replace(microsecond=0).isoformat()


def _check(new: NewItem) -> None:
    if new.kind not in KINDS or new.source not in SOURCES or new.owner_party not in OWNER_PARTIES:
        raise ValueError(f"unknown kind, source or owner party: {new.kind}, {new.source}, {new.owner_party}")
    if not new.title.strip():
        raise ItemNeedsTitle()


def create_item(store: Store, new: NewItem, by: str, now: datetime | None = None, item_id: str | None = None,
                also: Callable[[Any, str], None] | None = None) -> str:
    """A new open item; its first history row says who opened it. Returns its id (`item_id` when the
    caller makes it from what raised the item, so it can be found again). `also(session, item_id)`
    runs in the same write transaction, so what raised the item records it or neither is kept."""
    _check(new)
    if new.grid_id is None and new.compound_id:
        with store.read() as conn:
            new = replace(new, grid_id=queries.grid_of_compound(conn, new.compound_id, None))
    with store.write() as s:
        made = _add_item(s, new, by, _stamp(now), item_id)
        if also is not None:
            also(s, made)
        return made


def _add_item(s, new: NewItem, by: str, stamp: str, item_id: str | None) -> str:  # type: ignore[no-untyped-def]
    from gridkeeper.store.models import ListItem, ListItemHistory

    row = ListItem(kind=new.kind, title=new.title.strip(), detail=new.detail.strip() or None, source=new.source,
                   category=new.category, finding_id=new.finding_id, grid_id=new.grid_id,
                   compound_id=new.compound_id, household_id=new.household_id, owner_party=new.owner_party,
                   owner_name=new.owner_name.strip() or None, due_date=new.due_date,
                   opened_on=date.fromisoformat(stamp[:10]), status="open")
    if item_id:
        row.id = item_id
    s.add(row)
    s.add(ListItemHistory(item_id=row.id, at=stamp, from_status=None, to_status="open", by=by))
    return str(row.id)


TITLE_LENGTH = 24


def short_title(text: str, limit: int = TITLE_LENGTH) -> str:
    """A list title from a finding's description: its first sentence, cut short if still long
    ("楼道堆放纸箱和旧家具，堵住安全出口。物业说明天清" -> "楼道堆放纸箱和旧家具，堵住安全出口"). The whole
    description stays in the item's detail."""
    first = re.split(r"[。；;！!？?\n]", text.strip(), maxsplit=1)[0].strip()
    return first if len(first) <= limit else first[:limit - 1].rstrip("，,、 ") + "…"


def problem_id_for_finding(finding_id: str) -> str:
    """Deterministic: two laptops turning the same finding into a problem offline make one row."""
    return ids.uuid5(f"problem-of-finding:{finding_id}")


def problem_from_finding(store: Store, finding_id: str, by: str, now: datetime | None = None) -> str:
    """Turn an unsettled finding into a problem in the lists, keeping the link back; the problem's id.

    One action, sensible defaults: the property company owns what is its to
    mend (fire lanes, facilities, sanitation, parking), the community the
    rest; due in 3, 7 or 14 days by severity. Doing it twice returns the same
    problem.
    """
    from gridkeeper.store.models import ListItem

    problem_id = problem_id_for_finding(finding_id)
    with store.read() as conn:
        found = walk_queries.finding(conn, finding_id)
        if found is None:
            raise ValueError(f"no finding {finding_id}")
        if found.settled:
            raise FindingSettled()
        compound_id, company = queries.compound_of_finding(conn, finding_id)
        grid_id = found.grid_id or (queries.grid_of_compound(conn, compound_id, None) if compound_id else None)
    stamp = _stamp(now)
    property_owned = found.category in PROPERTY_CATEGORIES and bool(company)
    title = short_title(found.note) or found.place
    detail = "\n".join(p for p in (found.place if found.note else "", found.note if title != found.note else "") if p)
    due = date.fromisoformat(stamp[:10]) + timedelta(days=DAYS_BY_SEVERITY.get(found.severity, 7))
    new = NewItem(kind="problem", title=title[:200], source="night_walk",
                  owner_party="property" if property_owned else "community",
                  owner_name=(company or "") if property_owned else "", detail=detail, due_date=due,
                  compound_id=compound_id, grid_id=grid_id, category=found.category, finding_id=finding_id)
    with store.write() as s:
        existing = s.get(ListItem, problem_id)
        if existing is None:
            _add_item(s, new, by, stamp, problem_id)
        elif existing.deleted:  # a problem removed by mistake comes back, same id
            existing.deleted = False
    return problem_id


def _transition(store: Store, item_id: str, action: str, by: str, now: datetime | None, note: str | None,
                **fields: object) -> None:
    from gridkeeper.store.models import ListItem, ListItemHistory

    froms, to, past = ACTIONS[action]
    stamp = _stamp(now)
    with store.write() as s:
        item = s.get(ListItem, item_id)
        if item is None or item.deleted:
            raise UnknownItem()
        if item.status not in froms:
            allowed = tuple(_ACTION_NAMES[a] for a in allowed_actions(item.status))
            raise IllegalTransition(KINDS[item.kind], STATUSES[item.status], past, allowed)
        before = item.status
        item.status = to
        for name, value in fields.items():
            setattr(item, name, value)
        s.add(ListItemHistory(item_id=item_id, at=stamp, from_status=before, to_status=to, by=by, note=note))


def claim(store: Store, item_id: str, claimant: str, by: str, now: datetime | None = None) -> None:
    """领办: someone (often a Party member) takes the item on."""
    claimant = claimant.strip()
    if not claimant:
        raise ClaimNeedsClaimant()
    _transition(store, item_id, "claim", by, now, None, claimant=claimant)


def start(store: Store, item_id: str, by: str, now: datetime | None = None) -> None:
    _transition(store, item_id, "start", by, now, None)


def finish(store: Store, item_id: str, resolution: str, by: str, now: datetime | None = None) -> None:
    """Done: how it was resolved is required (it is what the resident is told)."""
    resolution = resolution.strip()
    if not resolution:
        raise DoneNeedsResolution()
    day = date.fromisoformat(_stamp(now)[:10])
    _transition(store, item_id, "finish", by, now, resolution, resolution=resolution, closed_on=day)


def verify(store: Store, item_id: str, satisfaction: str, feedback: str, by: str, now: datetime | None = None) -> None:
    """Verified with the resident: their satisfaction is required, their words are welcome."""
    if satisfaction not in SATISFACTION:
        raise VerifyNeedsSatisfaction()
    _transition(store, item_id, "verify", by, now, feedback.strip() or None,
                satisfaction=satisfaction, feedback=feedback.strip() or None)


def reopen(store: Store, item_id: str, reason: str, by: str, now: datetime | None = None) -> None:
    """Back to work: the resident is not satisfied, or a decline was wrong. A reason is required."""
    reason = reason.strip()
    if not reason:
        raise ReasonNeeded(ACTIONS["reopen"][2])
    _transition(store, item_id, "reopen", by, now, reason, closed_on=None)


def decline(store: Store, item_id: str, reason: str, by: str, now: datetime | None = None) -> None:
    reason = reason.strip()
    if not reason:
        raise ReasonNeeded(ACTIONS["decline"][2])
    day = date.fromisoformat(_stamp(now)[:10])
    _transition(store, item_id, "decline", by, now, reason, decline_reason=reason, closed_on=day)


def owner_key(party: str, name: str | None) -> str:
    """Who holds an item, as the escalation history keeps it: "property:南虹物业", "community:城南社区"."""
    return f"{party}:{name or ''}"


def escalate(store: Store, item_id: str, to_level: str, reason: str, by: str, now: datetime | None = None) -> None:
    """大事联动办: hand an item up (compound → community → street), saying who and why.

    The receiving level becomes the owner (the community by name, or the street office), the item
    waits there to be claimed again (open, no claimant), and the escalation row keeps who held it
    before and who holds it now; the status history records the hand-over too."""
    from gridkeeper.store.models import Escalation, ListItem, ListItemHistory

    if to_level not in LEVELS:
        raise ValueError(f"unknown level {to_level}")
    reason = reason.strip()
    if not reason:
        raise ReasonNeeded(QT_TRANSLATE_NOOP("actions", "escalated"))
    stamp = _stamp(now)
    with store.read() as conn:
        community = queries.community_of_item(conn, item_id)
    with store.write() as s:
        item = s.get(ListItem, item_id)
        if item is None or item.deleted:
            raise UnknownItem()
        if item.status not in OPEN_STATUSES:
            raise EscalationClosed()
        here = _LEVEL_ORDER.index(item.escalation_level)
        if _LEVEL_ORDER.index(to_level) <= here:
            higher = _LEVEL_ORDER[here + 1:] or (item.escalation_level,)
            raise EscalationNotUp(LEVELS[item.escalation_level], LEVELS[higher[0]])
        before_owner = owner_key(item.owner_party, item.owner_name or _compound_company(s, item))
        new_name = community if to_level == "community" else None
        s.add(Escalation(item_id=item_id, at=stamp, from_level=item.escalation_level, to_level=to_level,
                         by=by, reason=reason, from_owner=before_owner, to_owner=owner_key(to_level, new_name)))
        before = item.status
        item.escalation_level = to_level
        item.owner_party = to_level
        item.owner_name = new_name
        item.claimant = None
        item.status = "open"
        if before != "open":  # a claim at the lower level lapses: say so in the status history
            s.add(ListItemHistory(item_id=item_id, at=stamp, from_status=before, to_status="open", by=by,
                                  note=reason))


def _compound_company(s, item) -> str | None:  # type: ignore[no-untyped-def]
    """The property company an item of the property names implicitly (its compound's)."""
    from gridkeeper.store.models import Compound

    if item.owner_party != "property" or not item.compound_id:
        return None
    compound = s.get(Compound, item.compound_id)
    return compound.property_company if compound else None


def escalated_from(store: Store, party: str, name: str, today: date) -> list[tuple[Item, str]]:
    """Items still open that this owner handed up, with the level now handling them: the lower
    level sees them as "escalated, the community is handling it", not as its own work."""
    with store.read() as conn:
        handed = queries.escalated_from(conn, owner_key(party, name))
        rows = [(queries.item(conn, item_id), level) for item_id, level in handed]
    return sorted(((_item(r, today), level) for r, level in rows if r is not None),
                  key=lambda pair: (-pair[0].days_open, pair[0].id))


def waiting_for_claim(store: Store, grid_ids: Sequence[str] | None, today: date) -> list[Item]:
    """Items escalated to the community or the street and not yet claimed there: the receiving
    level's queue, shown on its Today."""
    rows = items(store, today, statuses=("open",), grid_ids=grid_ids)
    return [i for i in rows if i.escalation_level != "compound" and i.owner_party == i.escalation_level]


def _link_id(need_id: str, meets_id: str) -> str:
    return ids.uuid5(f"listlink:{need_id}|{meets_id}")


def link(store: Store, need_id: str, meets_id: str) -> str:
    """A need met by a service or a project. Linking again revives a removed link."""
    from gridkeeper.store.models import ListItem, ListLink

    link_id = _link_id(need_id, meets_id)
    with store.write() as s:
        need, meets = s.get(ListItem, need_id), s.get(ListItem, meets_id)
        if need is None or meets is None or need.deleted or meets.deleted:
            raise UnknownItem()
        if need.kind != "need" or meets.kind not in ("service", "project"):
            raise LinkNeedsNeed()
        existing = s.get(ListLink, link_id)
        if existing is None:
            s.add(ListLink(id=link_id, need_id=need_id, meets_id=meets_id))
        elif existing.deleted:
            existing.deleted = False
    return link_id


def unlink(store: Store, need_id: str, meets_id: str) -> None:
    from gridkeeper.store.models import ListLink

    with store.write() as s:
        existing = s.get(ListLink, _link_id(need_id, meets_id))
        if existing is not None:
            existing.deleted = True


# -- reading -----------------------------------------------------------------------


def _item(row: ItemRow, today: date) -> Item:
    still_open = row.status in OPEN_STATUSES
    overdue = (today - row.due_date).days if still_open and row.due_date and row.due_date < today else 0
    end = today if still_open or row.closed_on is None else row.closed_on
    return Item(row, overdue, max(0, (end - row.opened_on).days))


def _sort_key(item: Item) -> tuple:  # type: ignore[type-arg]
    """Most overdue first, then by due date (none last), then newest."""
    return (-item.overdue_days, item.due_date or date.max, -item.opened_on.toordinal(), item.id)


def items(
    store: Store,
    today: date,
    *,
    kind: str | None = None,
    owner_party: str | None = None,
    escalation_level: str | None = None,
    statuses: Sequence[str] | None = None,
    grid_ids: Sequence[str] | None = None,
) -> list[Item]:
    """Items for the lists page, most overdue first. `statuses=OPEN_STATUSES` for the work still to do;
    `grid_ids` the scope (None: all; items with no grid are always shown)."""
    with store.read() as conn:
        rows = queries.items(conn, kind=kind, owner_party=owner_party, escalation_level=escalation_level,
                             statuses=statuses, grid_ids=grid_ids)
    return sorted((_item(r, today) for r in rows), key=_sort_key)


def overdue_items(store: Store, grid_ids: Sequence[str] | None, today: date) -> list[Item]:
    """Items of every kind still to do and past their due date, most overdue first: for the Today page."""
    return [i for i in items(store, today, statuses=OPEN_STATUSES, grid_ids=grid_ids) if i.overdue_days]


def item_detail(store: Store, item_id: str, today: date) -> ItemDetail | None:
    with store.read() as conn:
        row = queries.item(conn, item_id)
        if row is None:
            return None
        words = queries.item_text(conn, item_id)
        found = walk_queries.finding(conn, row.finding_id) if row.finding_id else None
        return ItemDetail(_item(row, today), words.detail, words.resolution, words.feedback, words.satisfaction,
                          words.decline_reason, tuple(queries.history(conn, item_id)),
                          tuple(queries.escalations(conn, item_id)), tuple(queries.links(conn, item_id)), found)


def property_companies(store: Store) -> list[str]:
    with store.read() as conn:
        return queries.property_companies(conn)


def open_problems_of(store: Store, company: str, today: date, grid_ids: Sequence[str] | None = None) -> list[Item]:
    """物业监督: every open problem owned by a property company (named on the item, or the compound's
    company when the item names none), longest open first, with days open."""
    with store.read() as conn:
        rows = queries.items(conn, kind="problem", owner_party="property", statuses=OPEN_STATUSES,
                             grid_ids=grid_ids, owner_name=company)
    return sorted((_item(r, today) for r in rows), key=lambda i: (-i.days_open, i.id))


def compounds(store: Store, grid_ids: Sequence[str] | None) -> list[tuple[str, str]]:
    """(id, name) of compounds in the grids, for the new-item form."""
    with store.read() as conn:
        return queries.compounds(conn, grid_ids)

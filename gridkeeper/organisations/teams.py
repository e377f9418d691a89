"""Clubs and volunteer teams (共享社团、志愿团队) and their work.

A team has a kind, members (volunteer rows with its team_id) and activities:
date, what, the compound, how many took part and for how long, households
served, and the service in the four lists it did. Volunteer hours of an
activity = participants x its duration; a named volunteer is credited with the
duration. Figures per team, per compound and per volunteer for a period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from gridkeeper import clock, ids, lists
from gridkeeper.organisations.errors import QT_TRANSLATE_NOOP, refuse
from gridkeeper.organisations.terms import TEAM_KINDS, clean, new_id
from gridkeeper.rules.natural import natural_key
from gridkeeper.store import organisations as q
from gridkeeper.store.engine import Store

TeamRow = q.TeamRow
ActivityRow = q.ActivityRow
#: An activity longer than a day is a typing mistake (minutes for hours), not a day's work.
MAX_MINUTES = 24 * 60


def add_team(store: Store, name: str, kind: str = "volunteer_team", compound_id: str | None = None,
             leader: str = "") -> str:
    if kind not in TEAM_KINDS:
        raise ValueError(f"unknown team kind {kind}")
    name = clean(name)
    if not name:
        raise refuse(QT_TRANSLATE_NOOP("errors", "The team needs a name."))
    team_id = new_id()
    with store.begin() as conn:
        community = None
        if compound_id:
            community = conn.exec_driver_sql("SELECT community_id FROM compound WHERE id = ? AND deleted = 0",
                                             (compound_id,)).scalar()
            if community is None:
                raise refuse(QT_TRANSLATE_NOOP("errors", "That compound no longer exists."))
        q.insert(conn, "volunteerteam", {"id": team_id, "name": name, "kind": kind, "compound_id": compound_id,
                                         "community_id": community, "leader": clean(leader) or None})
    return team_id


def team_list(store: Store, query: str = "") -> list[TeamRow]:
    """Teams and clubs in natural order of their names; `query` keeps those whose name, leader,
    compound or community contains it."""
    with store.read() as conn:
        rows = q.teams(conn)
    wanted = clean(query).lower()
    if wanted:
        rows = [t for t in rows if any(wanted in s.lower() for s in (t.name, t.leader, t.compound, t.community))]
    return sorted(rows, key=lambda t: (natural_key(t.name), t.id))


@dataclass(frozen=True)
class NewActivity:
    team_id: str
    held_on: date
    what: str
    participants: int
    duration_minutes: int
    households_served: int = 0
    compound_id: str | None = None
    volunteer_ids: Sequence[str] = ()
    item_id: str | None = None  # a service in the four lists this activity did


def add_activity(store: Store, new: NewActivity, by: str = "") -> str:
    """Record the activity; when it did a service of the four lists, that service is claimed by the team
    and marked done with the activity as its resolution (each step in the item's own history)."""
    activity_id = _insert_activity(store, new)
    if new.item_id:
        _do_service(store, new.item_id, new.team_id, clean(new.what), by)
    return activity_id


def _do_service(store: Store, item_id: str, team_id: str, what: str, by: str) -> None:
    with store.read() as conn:
        team = conn.exec_driver_sql("SELECT name FROM volunteerteam WHERE id = ?", (team_id,)).scalar() or ""
        status = conn.exec_driver_sql("SELECT status FROM listitem WHERE id = ?", (item_id,)).scalar()
    who = by or team
    if status == "open":
        lists.claim(store, item_id, team, who)
        status = "claimed"
    if status == "claimed":
        lists.start(store, item_id, who)
        status = "in_progress"
    if status == "in_progress":
        lists.finish(store, item_id, what, who)


def _insert_activity(store: Store, new: NewActivity) -> str:
    what = clean(new.what)
    if not what:
        raise refuse(QT_TRANSLATE_NOOP("errors", "Say what the activity was."))
    if new.held_on > clock.today():
        raise refuse(QT_TRANSLATE_NOOP("errors", "The activity day {day} is in the future."),
                     day=new.held_on.isoformat())
    named = list(dict.fromkeys(new.volunteer_ids))
    if new.participants < max(1, len(named)):
        raise refuse(QT_TRANSLATE_NOOP(
            "errors", "{n} took part, fewer than the {named} volunteers named."), n=new.participants, named=len(named))
    if not 0 < new.duration_minutes <= MAX_MINUTES:
        raise refuse(QT_TRANSLATE_NOOP("errors", "An activity lasts more than nothing and at most a day."))
    if new.households_served < 0:
        raise refuse(QT_TRANSLATE_NOOP("errors", "Households served cannot be negative."))
    activity_id = new_id()
    with store.begin() as conn:
        if not q.exists(conn, "volunteerteam", new.team_id):
            raise refuse(QT_TRANSLATE_NOOP("errors", "That team no longer exists."))
        if new.item_id and conn.exec_driver_sql(
                "SELECT kind FROM listitem WHERE id = ? AND deleted = 0", (new.item_id,)).scalar() != "service":
            raise refuse(QT_TRANSLATE_NOOP("errors", "An activity does a service of the four lists, not another kind."))
        q.insert(conn, "teamactivity", {
            "id": activity_id, "team_id": new.team_id, "held_on": new.held_on, "what": what,
            "compound_id": new.compound_id, "participants": new.participants,
            "duration_minutes": new.duration_minutes, "households_served": new.households_served,
            "item_id": new.item_id})
        for vid in named:
            q.insert(conn, "activityvolunteer", {"id": ids.uuid5(f"activityvolunteer:{activity_id}|{vid}"),
                                                 "activity_id": activity_id, "volunteer_id": vid})
    return activity_id


def activities(store: Store, first: date | None = None, last: date | None = None,
               team_id: str | None = None) -> list[ActivityRow]:
    with store.read() as conn:
        return q.activities(conn, first, last, team_id)


# -- figures ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkFigures:
    """A team's, a compound's or a volunteer's work in a period."""

    key: str  # team id, compound id ("" for none) or volunteer id
    name: str
    activities: int
    participants: int  # person-times
    hours: float  # volunteer hours
    households_served: int
    services: int  # distinct services of the four lists done


@dataclass(frozen=True)
class MonthWork:
    teams: tuple[WorkFigures, ...]
    compounds: tuple[WorkFigures, ...]
    volunteers: tuple[WorkFigures, ...]
    total: WorkFigures


def _sum(key: str, name: str, rows: Sequence[ActivityRow]) -> WorkFigures:
    return WorkFigures(key, name, len(rows), sum(a.participants for a in rows),
                       round(sum(a.participants * a.duration_minutes for a in rows) / 60, 1),
                       sum(a.households_served for a in rows), len({a.item_id for a in rows if a.item_id}))


def work(store: Store, first: date, last: date, grid_ids: Sequence[str] | None = None) -> MonthWork:
    """Figures of the activities held in [first, last]: per team (natural order), per compound, per named
    volunteer (hours = the activities' durations), and the total. In a scope of grids: the activities in
    its compounds, and those with no compound of teams of its compounds or communities."""
    with store.read() as conn:
        rows = q.activities(conn, first, last)
        teams = {t.id: t for t in q.teams(conn)}
        people = q.volunteer_names(conn)
        places = q.compounds(conn, grid_ids)
    if grid_ids is not None:
        inside = {cid for cid, _n, _c in places}
        communities = {c for _i, _n, c in places}
        rows = [a for a in rows if (a.compound_id in inside) or (a.compound_id is None and a.team_id in teams and (
            teams[a.team_id].compound_id in inside or teams[a.team_id].community in communities))]
    by_team: dict[str, list[ActivityRow]] = {}
    by_compound: dict[str, list[ActivityRow]] = {}
    by_volunteer: dict[str, list[ActivityRow]] = {}
    for a in rows:
        by_team.setdefault(a.team_id, []).append(a)
        by_compound.setdefault(a.compound_id or "", []).append(a)
        for v in a.volunteer_ids:
            by_volunteer.setdefault(v, []).append(a)
    team_figs = sorted((_sum(tid, teams[tid].name if tid in teams else "", rs) for tid, rs in by_team.items()),
                       key=lambda f: (natural_key(f.name), f.key))
    compound_figs = sorted((_sum(cid, rs[0].compound, rs) for cid, rs in by_compound.items()),
                           key=lambda f: (f.name == "", f.name))
    volunteer_figs = sorted((WorkFigures(vid, people.get(vid, ("", None))[0], len(rs), len(rs),
                                         round(sum(a.duration_minutes for a in rs) / 60, 1),
                                         sum(a.households_served for a in rs),
                                         len({a.item_id for a in rs if a.item_id}))
                             for vid, rs in by_volunteer.items()), key=lambda f: (-f.hours, f.name))
    return MonthWork(tuple(team_figs), tuple(compound_figs), tuple(volunteer_figs), _sum("", "", rows))

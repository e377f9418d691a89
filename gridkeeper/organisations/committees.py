"""Owners' committees (业委会) and the compound's Party organisation (党支部/党小组).

A committee is one row per elected term with its members; the current term is
the latest elected on or before the day asked about. "一肩挑" is the Party
secretary chairing the committee: the same name (after spacing is normalised)
on both. Figures per community and for the street: compounds with a committee,
with a Party organisation (覆盖率 = with a Party organisation / with a
committee), 一肩挑, terms ending within TERM_WARNING_MONTHS months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from gridkeeper import clock, ids
from gridkeeper.care import add_months
from gridkeeper.organisations.errors import QT_TRANSLATE_NOOP, refuse
from gridkeeper.organisations.terms import (
    COMMITTEE_ROLES,
    DEFAULT_TERM_YEARS,
    PARTY_ORG_KINDS,
    TERM_WARNING_MONTHS,
    clean,
    new_id,
)
from gridkeeper.store import organisations as q
from gridkeeper.store.engine import Store


@dataclass(frozen=True)
class NewMember:
    name: str
    role: str = "member"
    party_member: bool = False


def add_committee(store: Store, compound_id: str, elected_on: date, term_ends: date | None = None,
                  members: Sequence[NewMember] = (), name: str = "") -> str:
    """A newly elected term of the compound's owners' committee, with its members; the new id."""
    term_ends = term_ends or add_months(elected_on, 12 * DEFAULT_TERM_YEARS)
    if term_ends <= elected_on:
        raise refuse(QT_TRANSLATE_NOOP("errors", "The term must end after the election ({day})."),
                     day=elected_on.isoformat())
    if elected_on > clock.today():
        raise refuse(QT_TRANSLATE_NOOP("errors", "The election day {day} is in the future."), day=elected_on.isoformat())
    people = [_member(m) for m in members]
    if sum(1 for m in people if m.role == "chair") > 1:
        raise refuse(QT_TRANSLATE_NOOP("errors", "A committee has one chair."))
    committee_id = new_id()
    with store.begin() as conn:
        if not q.exists(conn, "compound", compound_id):
            raise refuse(QT_TRANSLATE_NOOP("errors", "That compound no longer exists."))
        q.insert(conn, "ownerscommittee", {"id": committee_id, "compound_id": compound_id, "elected_on": elected_on,
                                           "term_ends": term_ends, "name": clean(name) or None})
        for m in people:
            q.insert(conn, "committeemember", {"id": new_id(), "committee_id": committee_id, "name": m.name,
                                               "role": m.role, "party_member": m.party_member})
    return committee_id


def _member(m: NewMember) -> NewMember:
    name = clean(m.name)
    if not name:
        raise refuse(QT_TRANSLATE_NOOP("errors", "A committee member needs a name."))
    if m.role not in COMMITTEE_ROLES:
        raise ValueError(f"unknown committee role {m.role}")
    return NewMember(name, m.role, m.party_member)


def add_member(store: Store, committee_id: str, member: NewMember) -> str:
    m = _member(member)
    member_id = new_id()
    with store.begin() as conn:
        if not q.exists(conn, "ownerscommittee", committee_id):
            raise refuse(QT_TRANSLATE_NOOP("errors", "That committee no longer exists."))
        if m.role == "chair" and any(x.role == "chair" for x in q.members(conn, [committee_id])):
            raise refuse(QT_TRANSLATE_NOOP("errors", "A committee has one chair."))
        q.insert(conn, "committeemember", {"id": member_id, "committee_id": committee_id, "name": m.name,
                                           "role": m.role, "party_member": m.party_member})
    return member_id


def set_party_org(store: Store, compound_id: str, kind: str, name: str, secretary: str,
                  founded_on: date | None = None) -> str:
    """The compound's Party organisation, one per compound (id from the compound: two laptops
    recording it offline make one row); setting it again updates it, a new secretary included."""
    if kind not in PARTY_ORG_KINDS:
        raise ValueError(f"unknown Party organisation kind {kind}")
    name, secretary = clean(name), clean(secretary)
    if not name or not secretary:
        raise refuse(QT_TRANSLATE_NOOP("errors", "A Party organisation needs its name and its secretary."))
    org_id = ids.uuid5(f"partyorg:{compound_id}")
    values = {"compound_id": compound_id, "kind": kind, "name": name, "secretary": secretary,
              "founded_on": founded_on, "deleted": False}
    with store.begin() as conn:
        if not q.exists(conn, "compound", compound_id):
            raise refuse(QT_TRANSLATE_NOOP("errors", "That compound no longer exists."))
        if conn.exec_driver_sql("SELECT 1 FROM partyorg WHERE id = ?", (org_id,)).first():
            q.update(conn, "partyorg", org_id, values)
        else:
            q.insert(conn, "partyorg", {"id": org_id, **values})
    return org_id


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Governance:
    """One compound's committee and Party organisation as of a day."""

    compound_id: str
    compound: str
    community: str
    committee: q.CommitteeRow | None  # the current term
    members: tuple[q.MemberRow, ...]
    party_org: q.PartyOrgRow | None
    chair: str
    one_shoulder: bool  # 一肩挑: the Party secretary chairs the committee
    days_left: int | None  # of the current term (negative: it has ended)
    term_warning: bool  # ends within TERM_WARNING_MONTHS months, or has ended


def current_committee(terms: Sequence[q.CommitteeRow], today: date) -> q.CommitteeRow | None:
    """The latest term elected on or before today (terms newest first)."""
    return next((t for t in terms if t.elected_on <= today), None)


def governance(store: Store, grid_ids: Sequence[str] | None = None, today: date | None = None) -> list[Governance]:
    today = today or clock.today()
    warn_until = add_months(today, TERM_WARNING_MONTHS)
    with store.read() as conn:
        places = q.compounds(conn, grid_ids)
        terms: dict[str, list[q.CommitteeRow]] = {}
        for t in q.committees(conn):
            terms.setdefault(t.compound_id, []).append(t)
        orgs = {o.compound_id: o for o in q.party_orgs(conn)}
        current = {cid: current_committee(terms.get(cid, []), today) for cid, _n, _c in places}
        members = q.members(conn, [c.id for c in current.values() if c])
    by_committee: dict[str, list[q.MemberRow]] = {}
    for m in members:
        by_committee.setdefault(m.committee_id, []).append(m)
    out = []
    for cid, name, community in places:
        term, org = current[cid], orgs.get(cid)
        mine = tuple(by_committee.get(term.id, ())) if term else ()
        chair = next((m.name for m in mine if m.role == "chair"), "")
        one = bool(org and chair and _same_person(org.secretary, chair))
        left = (term.term_ends - today).days if term else None
        out.append(Governance(cid, name, community, term, mine, org, chair, one, left,
                              bool(term and term.term_ends <= warn_until)))
    return out


def _same_person(a: str, b: str) -> bool:
    """Names compared without spacing: "王 建国" typed on one form is 王建国 on the other."""
    return "".join(a.split()) == "".join(b.split())


def committee_history(store: Store, compound_id: str) -> list[tuple[q.CommitteeRow, tuple[q.MemberRow, ...]]]:
    """Every term of the compound's committee, newest first, with its members."""
    with store.read() as conn:
        terms = q.committees(conn, compound_id)
        members = q.members(conn, [t.id for t in terms])
    return [(t, tuple(m for m in members if m.committee_id == t.id)) for t in terms]


@dataclass(frozen=True)
class GovernanceFigures:
    """组织覆盖: one community's (or the street's, community "") figures."""

    community: str
    compounds: int
    with_committee: int
    with_party_org: int  # compounds with a committee and a Party organisation
    one_shoulder: int
    terms_ending: int  # current terms ending within TERM_WARNING_MONTHS months (or ended)

    @property
    def coverage(self) -> float | None:
        """覆盖率: share of compounds with a committee that have a Party organisation."""
        return self.with_party_org / self.with_committee if self.with_committee else None


def governance_figures(rows: Sequence[Governance]) -> list[GovernanceFigures]:
    """Per community in the order given, then the total (community "")."""
    groups: dict[str, list[Governance]] = {}
    for g in rows:
        groups.setdefault(g.community, []).append(g)
    groups[""] = list(rows)
    return [GovernanceFigures(
        community, len(gs), sum(1 for g in gs if g.committee), sum(1 for g in gs if g.committee and g.party_org),
        sum(1 for g in gs if g.one_shoulder), sum(1 for g in gs if g.term_warning))
        for community, gs in groups.items()]

"""Queries for the four lists (problems, needs, services, projects): Core SQL, plain rows out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, bindparam, text

from gridkeeper.rules.places import join_place

#: Statuses of an item still being handled (the others are closed).
OPEN_STATUSES = ("open", "claimed", "in_progress")


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


@dataclass(frozen=True)
class ItemRow:
    id: str
    kind: str
    title: str
    status: str
    source: str
    category: str | None
    owner_party: str
    owner_name: str  # as entered, else the compound's property company for the property company
    claimant: str
    due_date: date | None
    opened_on: date
    closed_on: date | None
    escalation_level: str
    place: str  # compound (and household address) the item concerns
    grid_id: str | None
    finding_id: str | None


_ITEM_SQL = (
    "SELECT li.id, li.kind, li.title, li.status, li.source, li.category, li.owner_party, "
    " coalesce(nullif(li.owner_name, ''), CASE WHEN li.owner_party = 'property' THEN c.property_company END, '') "
    "   AS owner_name, "
    " coalesce(li.claimant, '') AS claimant, li.due_date, li.opened_on, li.closed_on, li.escalation_level, "
    " coalesce(c.name, hc.name, '') || coalesce(hb.name || CASE WHEN h.unit != '' THEN h.unit || '单元' ELSE '' END "
    "   || h.room, '') AS place, "
    " coalesce(li.grid_id, hb.grid_id) AS grid_id, li.finding_id, "
    " fc.name AS finding_compound, fb.name AS finding_building, fi.place AS finding_place "
    "FROM listitem li LEFT JOIN compound c ON c.id = li.compound_id "
    "LEFT JOIN finding fi ON fi.id = li.finding_id LEFT JOIN compound fc ON fc.id = fi.compound_id "
    "LEFT JOIN building fb ON fb.id = fi.building_id "
    "LEFT JOIN household h ON h.id = li.household_id LEFT JOIN building hb ON hb.id = h.building_id "
    "LEFT JOIN compound hc ON hc.id = hb.compound_id "
)


def _row(r) -> ItemRow:  # type: ignore[no-untyped-def]
    return ItemRow(r.id, r.kind, r.title, r.status, r.source, r.category, r.owner_party, r.owner_name or "",
                   r.claimant, _day(r.due_date), _day(r.opened_on), _day(r.closed_on),  # type: ignore[arg-type]
                   r.escalation_level, _place(r), r.grid_id, r.finding_id)


def _place(r) -> str:  # type: ignore[no-untyped-def]
    """A problem from a night walk names the finding's whole place (compound, building, where), not
    just the compound."""
    found = join_place(r.finding_compound, r.finding_building, r.finding_place) if r.finding_id else ""
    return found or r.place or ""


def items(
    conn: Connection,
    *,
    kind: str | None = None,
    owner_party: str | None = None,
    escalation_level: str | None = None,
    statuses: Sequence[str] | None = None,
    grid_ids: Sequence[str] | None = None,
    owner_name: str | None = None,
) -> list[ItemRow]:
    """Items matching every filter given; items with no grid are in every scope. Unsorted: callers sort."""
    where = ["li.deleted = 0"]
    params: dict[str, object] = {}
    binds = []
    if kind:
        where.append("li.kind = :kind")
        params["kind"] = kind
    if owner_party:
        where.append("li.owner_party = :party")
        params["party"] = owner_party
    if escalation_level:
        where.append("li.escalation_level = :level")
        params["level"] = escalation_level
    if statuses is not None:
        where.append("li.status IN :statuses")
        params["statuses"] = list(statuses)
        binds.append(bindparam("statuses", expanding=True))
    if grid_ids is not None:
        where.append("(coalesce(li.grid_id, hb.grid_id) IS NULL OR coalesce(li.grid_id, hb.grid_id) IN :grids)")
        params["grids"] = list(grid_ids)
        binds.append(bindparam("grids", expanding=True))
    if owner_name is not None:
        where.append(
            "coalesce(nullif(li.owner_name, ''), CASE WHEN li.owner_party = 'property' THEN c.property_company END) "
            "= :owner")
        params["owner"] = owner_name
    stmt = text(_ITEM_SQL + "WHERE " + " AND ".join(where)).bindparams(*binds)
    return [_row(r) for r in conn.execute(stmt, params)]


def item(conn: Connection, item_id: str) -> ItemRow | None:
    r = conn.execute(text(_ITEM_SQL + "WHERE li.id = :id AND li.deleted = 0"), {"id": item_id}).first()
    return None if r is None else _row(r)


@dataclass(frozen=True)
class ItemText:
    detail: str
    resolution: str
    feedback: str
    satisfaction: str | None
    decline_reason: str


def item_text(conn: Connection, item_id: str) -> ItemText:
    r = conn.execute(
        text("SELECT detail, resolution, feedback, satisfaction, decline_reason FROM listitem WHERE id = :id"),
        {"id": item_id},
    ).one()
    return ItemText(r.detail or "", r.resolution or "", r.feedback or "", r.satisfaction, r.decline_reason or "")


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    from_status: str | None
    to_status: str
    by: str
    note: str


def history(conn: Connection, item_id: str) -> list[HistoryEntry]:
    return [
        HistoryEntry(r.at, r.from_status, r.to_status, r.by or "", r.note or "")
        for r in conn.execute(
            text("SELECT at, from_status, to_status, by, note FROM listitemhistory "
                 "WHERE item_id = :i AND deleted = 0 ORDER BY at, rowid"), {"i": item_id})
    ]


@dataclass(frozen=True)
class EscalationEntry:
    at: str
    from_level: str
    to_level: str
    by: str
    reason: str
    from_owner: str = ""  # "party:name" of who held it before (migration 0012; "" on older rows)
    to_owner: str = ""


def escalations(conn: Connection, item_id: str) -> list[EscalationEntry]:
    return [
        EscalationEntry(r.at, r.from_level, r.to_level, r.by, r.reason, r.from_owner or "", r.to_owner or "")
        for r in conn.execute(
            text("SELECT at, from_level, to_level, by, reason, from_owner, to_owner FROM escalation "
                 "WHERE item_id = :i AND deleted = 0 ORDER BY at, rowid"), {"i": item_id})
    ]


@dataclass(frozen=True)
class LinkedItem:
    link_id: str
    id: str
    kind: str
    title: str
    status: str


def links(conn: Connection, item_id: str) -> list[LinkedItem]:
    """For a need: the services and projects meeting it; for those: the needs they meet."""
    return [
        LinkedItem(r.link_id, r.id, r.kind, r.title, r.status)
        for r in conn.execute(
            text("SELECT l.id AS link_id, li.id, li.kind, li.title, li.status FROM listlink l "
                 "JOIN listitem li ON li.id = CASE WHEN l.need_id = :i THEN l.meets_id ELSE l.need_id END "
                 "WHERE (l.need_id = :i OR l.meets_id = :i) AND l.deleted = 0 AND li.deleted = 0 "
                 "ORDER BY li.kind, li.title"), {"i": item_id})
    ]


def property_companies(conn: Connection) -> list[str]:
    """Every property company named on a compound or as the owner of an item."""
    return [
        r[0]
        for r in conn.execute(text(
            "SELECT property_company FROM compound WHERE deleted = 0 AND coalesce(property_company, '') != '' "
            "UNION SELECT owner_name FROM listitem WHERE deleted = 0 AND owner_party = 'property' "
            "AND coalesce(owner_name, '') != '' ORDER BY 1"))
    ]


def compound_of_finding(conn: Connection, finding_id: str) -> tuple[str | None, str | None]:
    """(compound id, its property company) of a finding, through its building when it names one."""
    r = conn.execute(
        text("SELECT coalesce(f.compound_id, b.compound_id) AS cid, c.property_company FROM finding f "
             "LEFT JOIN building b ON b.id = f.building_id "
             "LEFT JOIN compound c ON c.id = coalesce(f.compound_id, b.compound_id) WHERE f.id = :f"),
        {"f": finding_id},
    ).first()
    return (r.cid, r.property_company) if r else (None, None)


def compounds(conn: Connection, grid_ids: Sequence[str] | None) -> list[tuple[str, str]]:
    """(id, name) of the compounds with a building in the grids (None: all)."""
    params: dict[str, object] = {}
    binds = []
    where = "1 = 1"
    if grid_ids is not None:
        where = "EXISTS (SELECT 1 FROM building b WHERE b.compound_id = c.id AND b.deleted = 0 AND b.grid_id IN :g)"
        params["g"] = list(grid_ids)
        binds.append(bindparam("g", expanding=True))
    stmt = text(f"SELECT id, name FROM compound c WHERE deleted = 0 AND {where} ORDER BY name").bindparams(*binds)
    return [(r.id, r.name) for r in conn.execute(stmt, params)]


def community_of_item(conn: Connection, item_id: str) -> str:
    """The name of the community the item is in (by its compound, household or grid); "" if none."""
    return conn.execute(text(
        "SELECT coalesce(c1.name, c2.name, c3.name, '') FROM listitem li "
        "LEFT JOIN compound co ON co.id = li.compound_id LEFT JOIN community c1 ON c1.id = co.community_id "
        "LEFT JOIN household h ON h.id = li.household_id LEFT JOIN building b ON b.id = h.building_id "
        "LEFT JOIN compound hco ON hco.id = b.compound_id LEFT JOIN community c2 ON c2.id = hco.community_id "
        "LEFT JOIN grid g ON g.id = li.grid_id LEFT JOIN community c3 ON c3.id = g.community_id "
        "WHERE li.id = :id"), {"id": item_id}).scalar() or ""


def escalated_from(conn: Connection, owner: str) -> list[tuple[str, str]]:
    """(item id, level it went to) of items still open that `owner` ("party:name") handed up, newest hand-over
    per item: what the lower level still sees as "escalated, handled above"."""
    return [(r[0], r[1]) for r in conn.execute(text(
        "SELECT e.item_id, li.escalation_level FROM escalation e JOIN listitem li ON li.id = e.item_id "
        "WHERE e.from_owner = :o AND e.deleted = 0 AND li.deleted = 0 "
        "AND li.status IN ('open', 'claimed', 'in_progress') GROUP BY e.item_id"), {"o": owner})]


def grid_of_compound(conn: Connection, compound_id: str, grid_ids: Sequence[str] | None) -> str | None:
    """A grid the compound has buildings in, preferring the grids in scope."""
    rows = [r[0] for r in conn.execute(
        text("SELECT DISTINCT grid_id FROM building WHERE compound_id = :c AND deleted = 0 AND grid_id IS NOT NULL "
             "ORDER BY grid_id"), {"c": compound_id})]
    mine = [g for g in rows if grid_ids is None or g in grid_ids]
    return (mine or rows or [None])[0]

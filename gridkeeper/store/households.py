"""Household queries for the list, the search box and the household file.

Search is a prefix range scan over `search_key` (see searchkeys.py); sorting
and scoping happen in SQL, and callers page through ids, never whole tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, bindparam, text

from gridkeeper.store import searchindex, searchkeys


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    address: str
    community: str
    grid: str
    head: str
    members: int
    tags: str
    matched: MemberMatch | None = None  # set by places.households.rows() when a search found it


@dataclass(frozen=True)
class MemberMatch:
    """The member whose own keys (name, pinyin, ID or phone digits) a search matched, not the address."""

    name: str
    relation: str
    by_number: bool  # matched on the digits of an ID or phone number, not on the name


@dataclass(frozen=True)
class MemberRow:
    id: str
    name: str
    relation: str
    gender: str
    birth_date: date | None
    id_number: str
    phones: str
    status: str
    tags: tuple[tuple[str, bool, str], ...]  # (name, sensitive, detail)


@dataclass(frozen=True)
class Hit:
    """One index entry: the position a household is listed at."""

    key: str
    sort: str
    household_id: str


def _ranges_sql(term: str, name: str, params: dict[str, object], alias: str) -> str:
    parts = []
    for r, (lo, hi) in enumerate(searchkeys.query_ranges(term)):
        params[f"{name}lo{r}"], params[f"{name}hi{r}"] = lo, hi
        parts.append(f"({alias}.key >= :{name}lo{r} AND {alias}.key < :{name}hi{r})")
    return "(" + " OR ".join(parts) + ")"


def search_page(
    conn: Connection,
    query: str = "",
    grid_ids: list[str] | None = None,
    after: Hit | None = None,
    limit: int = 200,
) -> list[Hit]:
    """The next `limit` index entries matching every term of `query`, in list order.

    Read straight off the primary key (matching key, then address), so the
    cost is that of one page whatever the number of matches. A household can
    match under several keys: callers skip ids they have already listed.
    """
    params: dict[str, object] = {"limit": limit}
    # Households not re-keyed yet (a bulk import or sync just wrote them) are keyed on the fly.
    source = f"({searchindex.PENDING_SOURCE})" if searchindex.pending(conn) else "search_key"
    where: list[str] = []
    binds = []
    words = sorted(searchkeys.terms(query), key=len, reverse=True)
    if not words:
        if grid_ids is not None:
            params["grid_keys"] = [searchindex.GRID_KEY + g for g in grid_ids]
            binds.append(bindparam("grid_keys", expanding=True))
            where.append("k.key IN :grid_keys")
        else:
            where.append(f"k.key = '{searchkeys.ALL}'")
    else:
        # The longest term drives the scan; the others must match the same household.
        where.append(_ranges_sql(words[0], "t0", params, "k"))
        for i, word in enumerate(words[1:], start=1):
            where.append(
                f"EXISTS (SELECT 1 FROM {source} k2 WHERE k2.hh = k.hh "
                f"AND {_ranges_sql(word, f't{i}', params, 'k2')})"
            )
        if grid_ids is not None:
            params["grids"] = list(grid_ids)
            binds.append(bindparam("grids", expanding=True))
            where.append("k.grid IN (SELECT g FROM search_grid WHERE grid_id IN :grids)")
    if after is not None:
        handle = conn.exec_driver_sql(
            "SELECT hh FROM search_household WHERE household_id = ?", (after.household_id,)).scalar()
        params.update(ak=after.key, asort=after.sort, ah=handle if handle is not None else -1)
        where.append("(k.key, k.sort, k.hh) > (:ak, :asort, :ah)")
    # The household id of the page's rows only (the scan reads handles: small integers).
    stmt = text(
        "SELECT k.key, k.sort, (SELECT household_id FROM search_household WHERE hh = k.hh) "
        f"FROM {source} k WHERE {' AND '.join(where)} ORDER BY k.key, k.sort, k.hh LIMIT :limit"
    ).bindparams(*binds)
    return [Hit(*r) for r in conn.execute(stmt, params)]


def search_ids(
    conn: Connection, query: str = "", grid_ids: list[str] | None = None, limit: int | None = None
) -> list[str]:
    """Distinct household ids in list order (all of them unless `limit`): for tests and the CLI."""
    out: list[str] = []
    seen: set[str] = set()
    after = None
    while limit is None or len(out) < limit:
        page = search_page(conn, query, grid_ids, after, 500)
        for hit in page:
            if hit.household_id not in seen:
                seen.add(hit.household_id)
                out.append(hit.household_id)
        if len(page) < 500:
            break
        after = page[-1]
    return out if limit is None else out[:limit]


def rows(conn: Connection, ids: list[str]) -> dict[str, HouseholdRow]:
    """One display row per id (for a page of the table)."""
    if not ids:
        return {}
    stmt = text(
        "SELECT h.id, c.name AS compound, b.name AS building, h.unit, h.room, "
        "co.name AS community, g.name AS grid, "
        "(SELECT p.name FROM person p WHERE p.household_id = h.id AND p.deleted = 0 "
        "  ORDER BY p.relation_to_head = '户主' DESC, p.birth_date LIMIT 1) AS head, "
        "(SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deleted = 0 "
        "  AND p.status = 'active') AS members, "
        "(SELECT group_concat(name, '、') FROM (SELECT DISTINCT t.name FROM person p "
        "  JOIN persontag pt ON pt.person_id = p.id AND pt.deleted = 0 "
        "  JOIN tag t ON t.id = pt.tag_id AND t.deleted = 0 "
        "  WHERE p.household_id = h.id AND p.deleted = 0 ORDER BY t.name)) AS tags "
        "FROM household h JOIN building b ON b.id = h.building_id "
        "JOIN compound c ON c.id = b.compound_id JOIN community co ON co.id = c.community_id "
        "LEFT JOIN grid g ON g.id = b.grid_id WHERE h.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    out = {}
    for r in conn.execute(stmt, {"ids": list(ids)}):
        out[r.id] = HouseholdRow(
            id=r.id,
            address=searchkeys.address(r.compound, r.building, r.unit, r.room),
            community=r.community,
            grid=r.grid or "",
            head=r.head or "",
            members=r.members,
            tags=r.tags or "",
        )
    return out


def matched_members(conn: Connection, ids: list[str], query: str) -> dict[str, MemberMatch]:
    """For each household of `ids` that `query` found through a member, that member: the one matching
    the most terms, the first in the household file's order among equals (active, head first).

    Works the shown households' members out again (a page of 50 rows, ~150 persons) rather than storing
    in the index which member a key came from, with the index's own test: a term matches a name when it
    is inside the name or its initials or begins its full pinyin (searchkeys.name_forms, cached), and a
    number when its reversed digits begin the reversed number (made only for a term of digits)."""
    terms = []
    for term in searchkeys.terms(query):
        starts = [lo for lo, _hi in searchkeys.query_ranges(term)]
        if starts:
            terms.append(([s for s in starts if not s.startswith(searchkeys.REVERSED)],
                          tuple(s for s in starts if s.startswith(searchkeys.REVERSED))))
    if not ids or not terms:
        return {}
    numbers_wanted = any(reversed_ for _plain, reversed_ in terms)
    best: dict[str, tuple[int, MemberMatch]] = {}
    for household_id, name, relation, id_number, phones in conn.exec_driver_sql(
        "SELECT household_id, name, relation_to_head, id_number, phones FROM person "
        "WHERE household_id IN (SELECT value FROM json_each(?)) AND deleted = 0 "
        "ORDER BY household_id, status = 'active' DESC, relation_to_head = '户主' DESC, birth_date, name",
        (json.dumps(list(ids)),),
    ):
        forms = searchkeys.name_forms(name or "")
        numbers = searchkeys.number_keys(id_number, phones) if numbers_wanted else ()
        matched, by_number = 0, False
        for plain, reversed_ in terms:
            if forms is not None and any(s in forms[0] or s in forms[1] or forms[2].startswith(s) for s in plain):
                matched += 1
            elif reversed_ and any(k.startswith(reversed_) for k in numbers):
                matched, by_number = matched + 1, True
        if matched > best.get(household_id, (0, None))[0]:
            best[household_id] = (matched, MemberMatch(name or "", relation or "", by_number))
    return {h: m for h, (_n, m) in best.items()}


def addresses(conn: Connection, ids: list[str]) -> dict[str, str]:
    """Just the address of each household (the display rows also count members and tags)."""
    if not ids:
        return {}
    stmt = text(
        "SELECT h.id, c.name AS compound, b.name AS building, h.unit, h.room FROM household h "
        "JOIN building b ON b.id = h.building_id JOIN compound c ON c.id = b.compound_id WHERE h.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    return {r.id: searchkeys.address(r.compound, r.building, r.unit, r.room)
            for r in conn.execute(stmt, {"ids": list(ids)})}


def members(conn: Connection, household_id: str) -> list[MemberRow]:
    people = conn.execute(
        text(
            "SELECT id, name, relation_to_head, gender, birth_date, id_number, phones, status "
            "FROM person WHERE household_id = :h AND deleted = 0 "
            "ORDER BY status = 'active' DESC, relation_to_head = '户主' DESC, birth_date, name"
        ),
        {"h": household_id},
    ).all()
    tags: dict[str, list[tuple[str, bool, str]]] = {}
    for r in conn.execute(
        text(
            "SELECT pt.person_id, t.name, t.sensitive, pt.detail FROM persontag pt "
            "JOIN tag t ON t.id = pt.tag_id JOIN person p ON p.id = pt.person_id "
            "WHERE p.household_id = :h AND pt.deleted = 0 AND t.deleted = 0 ORDER BY t.name"
        ),
        {"h": household_id},
    ):
        tags.setdefault(r.person_id, []).append((r.name, bool(r.sensitive), r.detail or ""))
    return [
        MemberRow(
            id=p.id,
            name=p.name,
            relation=p.relation_to_head or "",
            gender=p.gender or "",
            birth_date=date.fromisoformat(p.birth_date) if p.birth_date else None,
            id_number=p.id_number or "",
            phones=p.phones or "[]",
            status=p.status,
            tags=tuple(tags.get(p.id, [])),
        )
        for p in people
    ]


def totals(conn: Connection) -> tuple[int, int]:
    """(live households, live active persons) for the status bar."""
    households = conn.execute(text("SELECT count(*) FROM household WHERE deleted = 0")).scalar_one()
    persons = conn.execute(
        text("SELECT count(*) FROM person WHERE deleted = 0 AND status = 'active'")
    ).scalar_one()
    return households, persons


def household_extra(conn: Connection, household_id: str) -> tuple[str, str, str]:
    """(户号, 人户状态, note) of one household."""
    r = conn.execute(
        text("SELECT household_no, residence_status, note FROM household WHERE id = :h"), {"h": household_id}
    ).first()
    return (r.household_no or "", r.residence_status or "", r.note or "") if r else ("", "", "")


def household_place(conn: Connection, household_id: str) -> tuple[str, str, str, str | None] | None:
    """(building id, unit, room, vacant since) of one household: where a move or a merge starts from."""
    r = conn.execute(text("SELECT building_id, unit, room, vacant_since FROM household WHERE id = :h"),
                     {"h": household_id}).first()
    return (r.building_id, r.unit or "", r.room or "", r.vacant_since) if r else None


def vacant(conn: Connection, ids: list[str]) -> set[str]:
    """Which of these households are vacant (空户)."""
    if not ids:
        return set()
    stmt = text("SELECT id FROM household WHERE id IN :ids AND vacant_since IS NOT NULL").bindparams(
        bindparam("ids", expanding=True))
    return set(conn.execute(stmt, {"ids": list(ids)}).scalars())

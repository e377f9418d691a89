"""Scope by grid: which grid each synced row belongs to, and removing from a laptop the rows of grids
it no longer holds (architecture.md, "Scope by grid", points 4 and 5).

One derivation for the server's index and the laptop's removal, so both draw the line in the same
place. Every synced table is either SHARED (the street's structure: every laptop has it) or in
GRID_OF (a query giving each row's grid, several rows for a row in more than one grid); a table in
neither fails tests/sync/test_scope.py, so a new table cannot leak by being forgotten. A row whose grid
is not known (no building, no grid) belongs to no grid: a scoped laptop does not hold it.

Removal is local: it is not a change (capture off, no tombstone), so nothing syncs back and the rows
stay on the server and on the laptops holding the grid. Not wired to the server yet: the relay that
would send a laptop only its grids is designed, not built.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from gridkeeper.store import Store

#: Every laptop holds these whole.
SHARED: frozenset[str] = frozenset({
    "community", "compound", "grid", "building", "tag", "cadre", "assignment", "volunteerteam", "volunteer",
    "propertycompany", "propertycontract", "ownerscommittee", "committeemember", "partyorg",
    "inspection", "inspectioncheck", "serviceevaluation", "survey", "teamactivity", "activityvolunteer",
    # A compound's meetings, deliberations and duty evenings are the street's governance, held by all;
    # the rows that name a resident (an attendee, a duty matter) are scoped below.
    "meeting", "agendaitem", "deliberation", "deliberationstep", "deliberationlink", "dutyshift",
    "mediationnumberblock",  # blocks of agreement numbers: every laptop must see every block
})

_HH = "SELECT h.id AS hid, b.grid_id AS grid FROM household h JOIN building b ON b.id = h.building_id"
_PERSON = f"SELECT p.id AS pid, hh.grid FROM person p JOIN ({_HH}) hh ON hh.hid = p.household_id"
# A care row names a household, or a person whose household says the grid.
_CARE = ("SELECT t.id, hh.grid FROM {t} t JOIN ({hh}) hh ON hh.hid = t.household_id "
         "UNION SELECT t.id, pp.grid FROM {t} t JOIN ({person}) pp ON pp.pid = t.person_id")
# A mediation case is in every grid of its parties, and in its compound's grid when the compound is one grid's.
_CASE = (f"SELECT mp.case_id AS cid, hh.grid FROM mediationparty mp JOIN ({_HH}) hh ON hh.hid = mp.household_id "
         f"UNION SELECT mp.case_id, pp.grid FROM mediationparty mp JOIN ({_PERSON}) pp ON pp.pid = mp.person_id "
         "UNION SELECT c.id, co.grid_id FROM mediationcase c JOIN compound co ON co.id = c.compound_id")
_ITEM = (f"SELECT i.id AS iid, i.grid_id AS grid FROM listitem i "
         f"UNION SELECT i.id, hh.grid FROM listitem i JOIN ({_HH}) hh ON hh.hid = i.household_id")

#: table -> SELECT id, grid: each row's grid(s).
GRID_OF: dict[str, str] = {
    "household": _HH,
    "person": _PERSON,
    "persontag": f"SELECT t.id, pp.grid FROM persontag t JOIN ({_PERSON}) pp ON pp.pid = t.person_id",
    "careplan": _CARE.format(t="careplan", hh=_HH, person=_PERSON),
    "contactlog": _CARE.format(t="contactlog", hh=_HH, person=_PERSON),
    "servicerecord": _CARE.format(t="servicerecord", hh=_HH, person=_PERSON),
    "mediationcase": _CASE,
    "mediationparty": f"SELECT t.id, cc.grid FROM mediationparty t JOIN ({_CASE}) cc ON cc.cid = t.case_id",
    "mediationsession": f"SELECT t.id, cc.grid FROM mediationsession t JOIN ({_CASE}) cc ON cc.cid = t.case_id",
    "mediationstatuschange": f"SELECT t.id, cc.grid FROM mediationstatuschange t "
                             f"JOIN ({_CASE}) cc ON cc.cid = t.case_id",
    "returnvisit": f"SELECT t.id, cc.grid FROM returnvisit t JOIN ({_CASE}) cc ON cc.cid = t.case_id",
    "nightwalk": "SELECT walk_id, grid_id FROM walkgrid",
    "walkgrid": "SELECT id, grid_id FROM walkgrid",
    "walkparticipant": "SELECT t.id, wg.grid_id FROM walkparticipant t JOIN walkgrid wg ON wg.walk_id = t.walk_id",
    "finding": "SELECT f.id, f.grid_id FROM finding f "
               "UNION SELECT f.id, b.grid_id FROM finding f JOIN building b ON b.id = f.building_id",
    "listitem": _ITEM,
    "listitemhistory": f"SELECT t.id, ii.grid FROM listitemhistory t JOIN ({_ITEM}) ii ON ii.iid = t.item_id",
    "escalation": f"SELECT t.id, ii.grid FROM escalation t JOIN ({_ITEM}) ii ON ii.iid = t.item_id",
    "listlink": f"SELECT t.id, ii.grid FROM listlink t JOIN ({_ITEM}) ii ON ii.iid IN (t.need_id, t.meets_id)",
}
# A resident who attended goes with the household; a named party secretary or company contact to all.
GRID_OF["meetingattendee"] = (
    f"SELECT a.id, hh.grid FROM meetingattendee a JOIN ({_HH}) hh ON hh.hid = a.household_id "
    "UNION SELECT a.id, g.id FROM meetingattendee a, grid g WHERE a.household_id IS NULL")
# A duty matter goes with the resident's household, or else with the grids of the compound it was taken in.
GRID_OF["dutymatter"] = (
    f"SELECT m.id, hh.grid FROM dutymatter m JOIN ({_HH}) hh ON hh.hid = m.household_id "
    "UNION SELECT m.id, b.grid_id FROM dutymatter m JOIN dutyshift s ON s.id = m.shift_id "
    "JOIN building b ON b.compound_id = s.compound_id WHERE m.household_id IS NULL AND b.grid_id IS NOT NULL")
# A photo or scan goes where the record it is attached to goes.
GRID_OF["attachment"] = " UNION ".join(
    f"SELECT a.id, x.grid FROM attachment a JOIN (WITH r(xid, grid) AS ({GRID_OF[table]}) SELECT xid, grid FROM r) x "
    "ON x.xid = a.entity_id "
    f"WHERE a.entity = '{table}'" for table in ("finding", "listitem", "mediationcase", "household"))
# An inspection's photos are shared like the inspection (a property company's record, no resident's data).
GRID_OF["attachment"] += " UNION SELECT a.id, g.id FROM attachment a, grid g WHERE a.entity = 'inspection'"
# The audit trail says who read or changed which row (its note may quote a value): a line about a household
# or person goes with it; one about another scoped table goes nowhere scoped (an admin's); the rest to all.
GRID_OF["auditlog"] = (
    f"SELECT a.id, hh.grid FROM auditlog a JOIN ({_HH}) hh ON a.tbl = 'household' AND hh.hid = a.row_id "
    f"UNION SELECT a.id, pp.grid FROM auditlog a JOIN ({_PERSON}) pp ON a.tbl = 'person' AND pp.pid = a.row_id "
    "UNION SELECT a.id, g.id FROM auditlog a, grid g WHERE a.tbl IS NULL OR a.tbl NOT IN ("
    + ", ".join(f"'{t}'" for t in GRID_OF) + ")"
)


def outside(conn: Connection, grids: Iterable[str]) -> dict[str, list[str]]:
    """The ids of each grid-scoped table's rows that belong to none of `grids` (tombstones included)."""
    held = sorted(set(grids))
    marks = ", ".join("?" for _ in held) or "NULL"
    found: dict[str, list[str]] = {}
    for table, grid_of in GRID_OF.items():
        sql = (f"WITH g(id, grid) AS ({grid_of}) "
               f'SELECT id FROM "{table}" WHERE id NOT IN (SELECT id FROM g WHERE grid IN ({marks}))')
        rows = [r[0] for r in conn.exec_driver_sql(sql, tuple(held)).all()]
        if rows:
            found[table] = rows
    return found


def remove_outside(store: Store, grids: Iterable[str]) -> dict[str, int]:
    """Delete on this laptop only the rows outside `grids`, with their change-log lines and search keys.

    The tombstone trigger refuses a DELETE of a synced row: it is dropped and made again inside this
    one transaction (SQLite's DDL is transactional), so no other writer ever sees a table without it.
    Capture is off, so nothing of this is a change that syncs. The other devices' change-log lines of those
    rows go; this laptop's own stay (what it wrote itself it keeps, and its batches are rebuilt from them).
    Returns table -> rows removed.
    """
    removed: dict[str, int] = {}
    with store.begin() as conn:
        gone = outside(conn, grids)
        if not gone:
            return removed
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # children and parents go in one transaction
        for table in reversed(list(GRID_OF)):  # children before parents
            row_ids = gone.get(table)
            if not row_ids:
                continue
            trigger = f"gk_tombstone_{table}"
            ddl = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                       (trigger,)).scalar()
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{trigger}"')
            for start in range(0, len(row_ids), 500):
                chunk = row_ids[start:start + 500]
                marks = ", ".join("?" for _ in chunk)
                if table == "household":
                    _drop_search_keys(conn, chunk, marks)
                conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE id IN ({marks})', tuple(chunk))
                # This laptop's own lines stay: its batches are re-sealed from them when repaired, and a
                # repair without them would replace on the server a batch with a poorer one.
                conn.exec_driver_sql(f"DELETE FROM change_log WHERE tbl = ? AND device_id != ? AND row_id IN ({marks})",
                                     (table, store.device_id, *chunk))
                conn.exec_driver_sql(f"DELETE FROM conflict WHERE tbl = ? AND row_id IN ({marks})", (table, *chunk))
            if ddl:
                conn.exec_driver_sql(ddl)
            removed[table] = len(row_ids)
    return removed


def _drop_search_keys(conn: Connection, households: list[str], marks: str) -> None:
    conn.exec_driver_sql(f"DELETE FROM search_key WHERE hh IN (SELECT hh FROM search_household "
                         f"WHERE household_id IN ({marks}))", tuple(households))
    conn.exec_driver_sql(f"DELETE FROM search_household WHERE household_id IN ({marks})", tuple(households))
    conn.exec_driver_sql(f"DELETE FROM search_dirty WHERE household_id IN ({marks})", tuple(households))

"""Audit log queries: append-only rows, read newest first."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

#: Tables whose rows a reveal can name, and the column that says whose they are.
_NAMES = {"person": "name", "volunteer": "name", "cadre": "name"}


def value(conn: Connection, table: str, row_id: str, field: str) -> str | None:
    if table not in _NAMES:
        return None
    r = conn.execute(text(f'SELECT "{field}" FROM "{table}" WHERE id = :id AND deleted = 0'), {"id": row_id}).first()
    return None if r is None else (r[0] or "")


def conflict_value(conn: Connection, conflict_id: int, other: bool) -> tuple[str, str, str, str | None] | None:
    """(table, row id, field, value) of one side of a kept conflict: the value in the data now, or
    the value that lost (JSON, as the conflict keeps it, decoded by the caller)."""
    r = conn.execute(text("SELECT tbl, row_id, field, loser_value FROM conflict WHERE id = :i"),
                     {"i": conflict_id}).first()
    if r is None:
        return None
    if other:
        return r.tbl, r.row_id, r.field, r.loser_value
    return r.tbl, r.row_id, r.field, value(conn, r.tbl, r.row_id, r.field)


def log(conn: Connection, values: dict[str, Any]) -> None:
    cols = list(values)
    conn.execute(text(f"INSERT INTO auditlog ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})"),
                 values)


def entries(conn: Connection, row_id: str | None, limit: int) -> list[tuple[str, ...]]:
    where = "WHERE a.deleted = 0" + (" AND a.row_id = :row" if row_id else "")
    rows = conn.execute(text(
        "SELECT a.at, coalesce(c.name, ''), a.device_id, a.action, a.tbl, a.row_id, coalesce(a.field, ''), "
        "coalesce(p.name, v.name, c2.name, ''), coalesce(a.note, '') FROM auditlog a "
        "LEFT JOIN cadre c ON c.id = a.cadre_id "
        "LEFT JOIN person p ON a.tbl = 'person' AND p.id = a.row_id "
        "LEFT JOIN volunteer v ON a.tbl = 'volunteer' AND v.id = a.row_id "
        "LEFT JOIN cadre c2 ON a.tbl = 'cadre' AND c2.id = a.row_id "
        f"{where} ORDER BY a.at DESC, a.id LIMIT :n"
    ), {"row": row_id, "n": limit})
    return [tuple(r) for r in rows]

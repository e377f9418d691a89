"""Queries for photos and scans attached to findings, list items, mediation cases, households and inspections."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

#: The tables an attachment may point into (the entity names are their table names).
ENTITIES = ("finding", "listitem", "mediationcase", "household", "inspection")

_COLS = "id, entity, entity_id, blob, sha256, kind, size, width, height, caption, added_by, added_at"


@dataclass(frozen=True)
class AttachmentRow:
    id: str
    entity: str
    entity_id: str
    blob: str
    sha256: str
    kind: str
    size: int
    width: int | None
    height: int | None
    caption: str
    added_by: str
    added_at: str


def _row(r) -> AttachmentRow:  # type: ignore[no-untyped-def]
    return AttachmentRow(r.id, r.entity, r.entity_id, r.blob, r.sha256, r.kind, int(r.size), r.width, r.height,
                         r.caption or "", r.added_by or "", r.added_at)


def entity_exists(conn: Connection, entity: str, entity_id: str) -> bool:
    if entity not in ENTITIES:  # also keeps the table name below one of ours
        return False
    return conn.execute(text(f"SELECT 1 FROM {entity} WHERE id = :id AND deleted = 0"), {"id": entity_id}).first() \
        is not None


def of_entity(conn: Connection, entity: str, entity_id: str) -> list[AttachmentRow]:
    """The live attachments of one thing, oldest first."""
    rows = conn.execute(text(f"SELECT {_COLS} FROM attachment WHERE entity = :e AND entity_id = :i AND deleted = 0 "
                             "ORDER BY added_at, rowid"), {"e": entity, "i": entity_id})
    return [_row(r) for r in rows]


def one(conn: Connection, attachment_id: str) -> AttachmentRow | None:
    r = conn.execute(text(f"SELECT {_COLS} FROM attachment WHERE id = :id AND deleted = 0"),
                     {"id": attachment_id}).first()
    return _row(r) if r else None


def live_blobs(conn: Connection) -> dict[str, tuple[str, int]]:
    """Every blob a live attachment names: name -> (sha256, size)."""
    rows = conn.execute(text("SELECT blob, sha256, size FROM attachment WHERE deleted = 0"))
    return {r.blob: (r.sha256, int(r.size)) for r in rows}


def blob_record(conn: Connection, blob: str) -> tuple[str, int] | None:
    """(sha256, size) of a blob as any attachment, live or removed, records it."""
    r = conn.execute(text("SELECT sha256, size FROM attachment WHERE blob = :b LIMIT 1"), {"b": blob}).first()
    return (r.sha256, int(r.size)) if r else None


def blob_shas(conn: Connection, blob: str) -> set[str]:
    """Every SHA-256 any attachment, live or removed, records for a blob name (normally one)."""
    return {r.sha256 for r in conn.execute(text("SELECT DISTINCT sha256 FROM attachment WHERE blob = :b"), {"b": blob})}

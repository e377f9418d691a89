"""Schema facts the read path needs without importing the SQLModel classes."""

from __future__ import annotations

#: Synced tables, parents first. Must match store.models.SYNCED_MODELS (a test checks).
SYNCED_TABLES: tuple[str, ...] = (
    "community",
    "compound",
    "grid",
    "building",
    "household",
    "person",
    "tag",
    "persontag",
    "cadre",
    "assignment",
    "nightwalk",
    "walkgrid",
    "walkparticipant",
    "finding",
    "listitem",
    "listitemhistory",
    "escalation",
    "listlink",
)

#: The Alembic head this version of the app writes; newer databases are refused.
HEAD_REVISION = "0005"  # 0004 (issue 5) lands beside it; the lead rechains 0005 after 0004
#: Every revision this app knows, oldest first.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0005")

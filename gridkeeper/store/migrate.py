"""Schema migrations at start-up: refuse newer databases, back up, then upgrade.

Alembic is imported only when there is something to do (it costs ~0.7 s), so
opening an up-to-date profile stays fast.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from gridkeeper.errors import MigrationFailed, NotAProfile, ProfileBusy, StoreTooNew
from gridkeeper.store.busy import is_busy
from gridkeeper.store.schema import HEAD_REVISION, KNOWN_REVISIONS

log = logging.getLogger("gridkeeper.store")

def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if "alembic_version" not in tables:
            if tables:
                raise NotAProfile(str(engine.url.database))
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup(engine: Engine, root: Path, revision: str, key: bytes | None = None) -> Path:
    """A checked backup (store/backups.py) before a migration, under the profile's key."""
    from gridkeeper.store import backups

    return backups.create_from_engine(engine, root, key, f"schema{revision}").path


def upgrade(engine: Engine, root: Path, target: str | None = None, *, key: bytes | None = None) -> bool:
    """Bring the schema to HEAD_REVISION (or `target`, for tests); True when a migration ran."""
    target = target or HEAD_REVISION
    found = current_revision(engine)
    if found == target:
        return False
    if found is not None and found not in KNOWN_REVISIONS:
        raise StoreTooNew(found)
    copy = backup(engine, root, found, key) if found is not None else None

    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    try:
        with engine.execution_options(gk_write=True).begin() as conn:  # all or nothing
            config.attributes["connection"] = conn
            command.upgrade(config, target)
    except Exception as exc:
        if is_busy(exc):  # another window or a sync holds the lock: nothing was migrated, try later
            raise ProfileBusy() from exc
        log.exception("migration of %s from %s failed", engine.url.database, found)
        if copy is None:
            raise
        raise MigrationFailed(found or "", str(copy)) from exc
    log.info("migrated %s from %s to %s", engine.url.database, found, target)
    return True

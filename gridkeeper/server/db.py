"""The server's database: SQLAlchemy Core tables, the engine, migrations, online backup.

SQLite in the server's data folder by default (WAL, one writer); PostgreSQL
(`postgresql+psycopg://`) for a district, the same code. Positions are given
out by `take_positions` inside the writer's transaction (architecture.md,
"Order without gaps").
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    inspect,
    select,
    text,
    update,
)

log = logging.getLogger("gridkeeper.server")

REVISIONS = ("s0001", "s0002")  # the server's own Alembic chain, oldest first
HEAD = REVISIONS[-1]
DATABASE_NAME = "server.db"

metadata = MetaData()
server_meta = Table("server_meta", metadata, Column("key", String(64), primary_key=True),
                    Column("value", Text, nullable=False))
office = Table("office", metadata, Column("id", String(64), primary_key=True), Column("name", Text, nullable=False),
               Column("created", String(40), nullable=False), Column("pos", BigInteger, nullable=False),
               Column("founder_key", Text, nullable=False), Column("secrets", Text, nullable=False))
office_file = Table("office_file", metadata, Column("office", String(64), ForeignKey("office.id"), primary_key=True),
                    Column("path", String(256), primary_key=True), Column("data", LargeBinary, nullable=True),
                    Column("pos", BigInteger, nullable=False))
batch = Table("batch", metadata, Column("office", String(64), ForeignKey("office.id"), primary_key=True),
              Column("device", String(128), primary_key=True), Column("seq", BigInteger, primary_key=True),
              Column("first_seq", BigInteger, nullable=False), Column("prev_seq", BigInteger, nullable=False),
              Column("data", LargeBinary, nullable=False), Column("sha256", String(64), nullable=False),
              Column("size", Integer, nullable=False), Column("pos", BigInteger, nullable=False),
              Column("received", String(40), nullable=False))
device_seen = Table("device_seen", metadata, Column("office", String(64), ForeignKey("office.id"), primary_key=True),
                    Column("device", String(128), primary_key=True), Column("last_seen", String(40), nullable=False),
                    Column("pulled_pos", BigInteger, nullable=False), Column("app", String(40), nullable=False))
blob = Table("blob", metadata, Column("office", String(64), ForeignKey("office.id"), primary_key=True),
             Column("name", String(32), primary_key=True), Column("data", LargeBinary, nullable=False),
             Column("size", Integer, nullable=False), Column("device", String(128), nullable=False),
             Column("received", String(40), nullable=False))


class ServerDatabaseError(Exception):
    """The database cannot be used (newer schema, unreachable): said to the operator, no traceback."""


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir) / DATABASE_NAME}"


def connect(url: str) -> Engine:
    """The engine for `url`; SQLite gets WAL, a busy timeout and foreign keys."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None  # we say BEGIN ourselves (below): BEGIN IMMEDIATE for writers
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):  # type: ignore[no-untyped-def]
            # A writer takes the lock at once, so two pushes never both read and then both try to write.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def writer(engine: Engine) -> Engine:
    """The engine whose transactions write (BEGIN IMMEDIATE on SQLite)."""
    return engine.execution_options(write=True)


def migrate(engine: Engine) -> None:
    """Bring the server's schema to HEAD; refuse a newer one."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if (
            "alembic_version" in tables) else None
    if found == HEAD:
        return
    known = {None, *REVISIONS}
    if found not in known:
        raise ServerDatabaseError(f"the server database is at schema {found}, newer than this GridKeeper ({HEAD}); "
                                  "run the newer server or restore a backup")
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    with writer(engine).begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, HEAD)
    with writer(engine).begin() as conn:
        if conn.execute(select(server_meta.c.value).where(server_meta.c.key == "generation")).scalar() is None:
            conn.execute(server_meta.insert(), [{"key": "generation", "value": secrets.token_hex(8)},
                                                {"key": "secret", "value": secrets.token_hex(32)}])


def meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(server_meta.c.value).where(server_meta.c.key == key)).scalar()


def take_positions(conn: Connection, office_id: str, count: int = 1) -> int:
    """Reserve `count` positions of the office inside this transaction; the first of them.

    The UPDATE locks the office's row until commit (PostgreSQL) or runs under SQLite's one writer, so the
    office's positions commit in the order they are given: a reader never sees n+1 without n."""
    last = conn.execute(update(office).where(office.c.id == office_id).values(pos=office.c.pos + count)
                        .returning(office.c.pos)).scalar()
    if last is None:
        raise KeyError(office_id)
    return int(last) - count + 1


# -- backup and restore (SQLite) ----------------------------------------------------------


def backup_sqlite(engine: Engine, target: Path) -> Path:
    """An online copy of the SQLite database with SQLite's backup API (writers go on meanwhile)."""
    source = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not source:
        raise ServerDatabaseError("online backup here is for the SQLite database; for PostgreSQL use pg_dump -Fc "
                                  "and WAL archiving (docs/architecture.md)")
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
        src.backup(dst, pages=1024)
    with closing(sqlite3.connect(partial)) as check:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise ServerDatabaseError(f"the backup {target} did not pass SQLite's integrity check")
    partial.replace(target)
    return target


def restore_sqlite(backup: Path, data_dir: Path) -> Path:
    """Put a backup in place of the server's database (the server stopped) and give it a new generation, so
    laptops whose cursor came from the lost database start again from 0 instead of missing batches."""
    try:
        with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as check:
            sound = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        sound = False
    if not sound:
        raise ServerDatabaseError(f"{backup} is not a sound SQLite database")
    target = Path(data_dir) / DATABASE_NAME
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    partial = target.with_name(target.name + ".restoring")
    with closing(sqlite3.connect(backup)) as src, closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)
        dst.execute("UPDATE server_meta SET value = ? WHERE key = 'generation'", (secrets.token_hex(8),))
        dst.commit()
    partial.replace(target)
    return target

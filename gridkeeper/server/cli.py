"""`gridkeeper server ...`: serve, create an office, back up and restore the server's database.

Registered by two lines in gridkeeper/cli.py; nothing else imports the server.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from gridkeeper import paths

EXIT_OK, EXIT_USAGE = 0, 2
DEFAULT_LISTEN = "0.0.0.0:8443"


def register(sub: Any) -> None:
    srv = sub.add_parser("server", help="the central sync server: serve, office create, backup, restore")
    ssub = srv.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    serve = ssub.add_parser("serve", help="run the server (HTTPS; a certificate is made at first start)")
    serve.add_argument("--listen", metavar="HOST:PORT", default=DEFAULT_LISTEN, help=f"default {DEFAULT_LISTEN}")
    serve.add_argument("--cert", metavar="FILE", help="a certificate to use instead of the server's own")
    serve.add_argument("--key", metavar="FILE", help="the certificate's private key")
    serve.add_argument("--workers", type=int, default=1, help="server processes sharing the port (default 1; "
                                                              "each has its own rate limits)")
    serve.add_argument("--public-metrics", action="store_true", help="serve /metrics to any address, not only "
                                                                     "the loopback")
    off = ssub.add_parser("office", help="the offices on this server")
    osub = off.add_subparsers(dest="server_office_command", metavar="ACTION", required=True)
    create = osub.add_parser("create", help="make an office; prints the enrolment code of its first admin laptop")
    create.add_argument("--name", metavar="NAME", required=True)
    create.add_argument("--hours", type=int, default=72, help="how long the code works (default 72)")
    invite = osub.add_parser("invite", help="another enrolment code made by the server (--admin: an admin laptop)")
    invite.add_argument("office", metavar="OFFICE")
    invite.add_argument("--admin", action="store_true")
    invite.add_argument("--hours", type=int, default=72)
    osub.add_parser("list", help="the offices on this server")
    imp = osub.add_parser("import", help="move an office from a shared folder to this server, keeping everything "
                                         "(run again to take what laptops wrote there since)")
    imp.add_argument("--folder", metavar="PATH", required=True, help="the office's shared folder")
    imp.add_argument("--name", metavar="NAME", default="", help="a name for the office on this server")
    backup = ssub.add_parser("backup", help="an online copy of the server's SQLite database")
    backup.add_argument("target", metavar="FILE")
    restore = ssub.add_parser("restore", help="put a backup in place (the server stopped)")
    restore.add_argument("backup", metavar="FILE")
    for p in (serve, create, invite, osub.choices["list"], imp, backup, restore):
        p.add_argument("--database", metavar="URL", help="sqlite:///FILE or postgresql://... (default: the SQLite "
                                                         "file in the server's data folder)")
        p.add_argument("--server-dir", metavar="DIR", help="the server's data folder (default: DATA_DIR/server)")
        p.add_argument("--json", action="store_true", help="print the result as one JSON object")


def _folder(args: argparse.Namespace, root: Path) -> Path:
    folder = Path(args.server_dir) if args.server_dir else root / "server"
    paths.private_dir(folder)
    return folder


def run(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.server import db, tls

    folder = _folder(args, root)
    url = args.database or db.default_url(folder)
    action = args.server_command
    if action == "restore":
        try:
            target = db.restore_sqlite(Path(args.backup), folder)
        except (db.ServerDatabaseError, OSError) as exc:
            print(f"Nothing was restored: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return _emit(args, {"restored": str(target)}, f"Restored {args.backup} as {target}; laptops start their "
                                                       "next pull from the beginning (nothing is lost).")
    try:
        engine = db.connect(url)
        db.migrate(engine)
    except db.ServerDatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - an unreachable database is said in words
        print(f"The server database {engine_label(url)} cannot be opened: {exc.__class__.__name__}: {exc}",
              file=sys.stderr)
        return EXIT_USAGE
    if action == "backup":
        try:
            target = db.backup_sqlite(engine, Path(args.target))
        except (db.ServerDatabaseError, OSError) as exc:
            print(f"No backup was made: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return _emit(args, {"backup": str(target)}, f"Backed up the server database to {target}.")
    cert, key = (Path(args.cert), Path(args.key)) if getattr(args, "cert", None) and getattr(args, "key", None) \
        else tls.ensure_certificate(folder)
    fingerprint = tls.fingerprint(cert)
    if action == "office":
        from gridkeeper.server import offices

        sub = args.server_office_command
        if sub == "create":
            made = offices.create(engine, args.name, fingerprint, args.hours)
            return _emit(args, {"office": made.office, "code": made.code, "expires": made.expires,
                                "fingerprint": fingerprint},
                         f"Created office {made.office} ({args.name}).\nEnrolment code of its first admin laptop: "
                         f"{made.code} (until {made.expires} UTC)\nCertificate SHA-256: {fingerprint}")
        if sub == "import":
            try:
                moved = offices.import_share(engine, Path(args.folder), args.name)
            except offices.Refused as exc:
                print(f"{args.folder} does not hold exactly one GridKeeper office ({exc.reason}).", file=sys.stderr)
                return EXIT_USAGE
            return _emit(args, {"office": moved.office, "files": moved.files, "batches": moved.batches,
                                "refused": list(moved.refused), "fingerprint": fingerprint},
                         f"Took office {moved.office} from {args.folder}: {moved.files} files, {moved.batches} "
                         f"batches" + (f"; {len(moved.refused)} files were not a member's batch and stay there"
                                       if moved.refused else "")
                         + f".\nOn each laptop: gridkeeper office move --server https://THIS-HOST:PORT "
                           f"--fingerprint {fingerprint}")
        if sub == "invite":
            code, expires = offices.invite(engine, args.office, fingerprint, args.hours, admin=args.admin)
            return _emit(args, {"office": args.office, "code": code, "expires": expires},
                         f"Enrolment code: {code} (until {expires} UTC)")
        with engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(db.office.select().with_only_columns(
                db.office.c.id, db.office.c.name, db.office.c.created, db.office.c.pos))]
        return _emit(args, {"offices": rows}, "\n".join(f"{r['id']}  {r['name']}  {r['created']}" for r in rows))
    return _serve(args, folder, engine, cert, key, fingerprint)


def engine_label(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return "?"


def _serve(args: argparse.Namespace, folder: Path, engine: Any, cert: Path, key: Path, fingerprint: str) -> int:
    import uvicorn

    from gridkeeper.server.app import Server, build_app

    host, _, port = args.listen.rpartition(":")
    if not host or not port.isdigit():
        print(f"--listen wants HOST:PORT, not {args.listen}", file=sys.stderr)
        return EXIT_USAGE
    from gridkeeper import logs

    logs.setup(folder)  # <server dir>/logs/gridkeeper.log, rotated, as well as stderr
    logging.getLogger("gridkeeper.server").setLevel(logging.INFO)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    print(f"GridKeeper server on https://{host.strip('[]')}:{port}/ (database {engine_label(str(engine.url))}); "
          f"certificate SHA-256 {fingerprint}", flush=True)
    common = {"host": host.strip("[]"), "port": int(port), "ssl_certfile": str(cert), "ssl_keyfile": str(key),
              "access_log": False, "log_level": "warning", "timeout_graceful_shutdown": 10}
    if args.workers > 1:
        import os

        from gridkeeper.server import app as server_app

        os.environ[server_app.ENV_DATABASE] = engine.url.render_as_string(hide_password=False)
        os.environ[server_app.ENV_FINGERPRINT] = fingerprint
        os.environ[server_app.ENV_PUBLIC_METRICS] = "1" if args.public_metrics else ""
        engine.dispose()
        uvicorn.run("gridkeeper.server.app:app_from_environment", factory=True, workers=args.workers, **common)
        return EXIT_OK
    uvicorn.run(build_app(Server(engine, fingerprint, public_metrics=args.public_metrics)), **common)
    return EXIT_OK


def _emit(args: argparse.Namespace, out: dict[str, Any], text: str) -> int:
    if args.json:
        sys.stdout.write(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        print(text)
    return EXIT_OK

"""The command line (architecture.md, "The command line"): a contract tests drive.

Exit status: 0 success, 1 the work ran but something was rejected, 2 bad
usage or unreadable input. `--json` prints one JSON object on stdout and
nothing else there. No subcommand starts the desktop app. Output cut short by
its reader (`gridkeeper today | head -1`) ends quietly with 0, as `dump` does.

Messages are in the profile's language setting, else the system's (the
report workbook has its own rule, see _report_translate).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from gridkeeper import __version__, clock, paths
from gridkeeper.commands import common
from gridkeeper.commands.common import ENV_PASSPHRASE, _error_text, _output_closed, _passphrase
from gridkeeper.commands.offices import _cmd_office, _cmd_server, _cmd_sync
from gridkeeper.commands.records import (
    _cmd_conflicts,
    _cmd_demo,
    _cmd_dump,
    _cmd_import_roster,
    _cmd_org,
    _cmd_places,
    _cmd_report,
    _cmd_today,
)
from gridkeeper.commands.safekeeping import _cmd_backup, _cmd_passphrase
from gridkeeper.errors import GridKeeperError

#: The exit statuses are the contract (the module docstring); the commands share them.
EXIT_OK, EXIT_REJECTED, EXIT_USAGE = common.EXIT_OK, common.EXIT_REJECTED, common.EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gridkeeper", description="GridKeeper 网格管家")
    parser.add_argument("--version", action="version", version=f"gridkeeper {__version__}")
    parser.add_argument("--self-test", action="store_true", help="the same as the self-test command")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"profile folder (default: ${paths.ENV_DATA_DIR} or the user data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"read an encrypted profile's passphrase from FILE (else ${ENV_PASSPHRASE}, else a prompt "
             "when run in a terminal)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill a new, empty profile with a generated demo street")
    demo.add_argument("--size", choices=("small", "street"), default="small")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--until", metavar="YYYY-MM-DD", type=_iso_date,
                      help="the day the demo's three months of history end (default: today)")
    demo.add_argument("--json", action="store_true", help="print the result as one JSON object")

    imp = sub.add_parser("import-roster", help="import a household roster from an Excel file")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument("--sheet", help="the sheet to read (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="check and compare only; change nothing")
    imp.add_argument("--area-code", metavar="CODE",
                     help="area code for landlines written without one, e.g. 0577; kept as this laptop's setting "
                          "(default: the setting, else the street's, from its division code)")
    imp.add_argument("--json", action="store_true", help="print the result as one JSON object")

    sync = sub.add_parser("sync", help="sync this profile with a shared folder or a GridKeeper server")
    where = sync.add_mutually_exclusive_group(required=True)
    where.add_argument("--folder", metavar="PATH", help="the shared folder (network drive or synced folder)")
    where.add_argument("--server", metavar="URL", help="a GridKeeper server, https://HOST:PORT")
    sync.add_argument("--json", action="store_true", help="print the result as one JSON object")

    off = sub.add_parser("office", help="the office on the shared folder: create, join, invite, members, revoke")
    osub = off.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    create = osub.add_parser("create", help="make the office on a shared folder, with this laptop as its admin")
    create.add_argument("--folder", metavar="PATH", required=True)
    create.add_argument("--name", metavar="NAME", default="", help="the office's name (kept encrypted)")
    join = osub.add_parser("join", help="join the office with an enrolment code, then sync")
    joined = join.add_mutually_exclusive_group(required=True)
    joined.add_argument("--folder", metavar="PATH")
    joined.add_argument("--server", metavar="URL", help="a GridKeeper server, https://HOST:PORT")
    join.add_argument("--code", metavar="CODE", required=True)
    invite = osub.add_parser("invite", help="a one-time enrolment code for a new laptop (admins)")
    invite.add_argument("--hours", type=int, default=72, help="how long the code works (default 72)")
    osub.add_parser("members", help="the laptops of the office")
    revoke = osub.add_parser("revoke", help="remove a lost laptop from the office (admins)")
    revoke.add_argument("device", metavar="DEVICE", help="its device id (or its first characters)")
    for p in (create, join, invite, osub.choices["members"], revoke):
        p.add_argument("--json", action="store_true", help="print the result as one JSON object")

    move = osub.add_parser("move", help="sync this laptop's office through the server it was moved to "
                                        "(gridkeeper server office import), keeping everything")
    move.add_argument("--server", metavar="URL", required=True)
    move.add_argument("--fingerprint", metavar="SHA256", required=True,
                      help="the server certificate's fingerprint, as its operator gave it")
    move.add_argument("--json", action="store_true", help="print the result as one JSON object")
    rejoin = osub.add_parser("rejoin", help="a profile restored from an admin laptop's backup takes its place "
                                            "in the office (no code needed)")
    rejoin.add_argument("--folder", metavar="PATH", help="the shared folder (default: the one it was on)")
    rejoin.add_argument("--json", action="store_true", help="print the result as one JSON object")

    phrase = sub.add_parser("passphrase", help="encrypt an unencrypted profile, or change the passphrase")
    psub = phrase.add_subparsers(dest="passphrase_command", metavar="encrypt|change", required=True)
    p_encrypt = psub.add_parser("encrypt", help="encrypt this unencrypted profile (a backup is made first)")
    p_change = psub.add_parser("change", help="change the passphrase (the database is not rewritten)")
    for p in (p_encrypt, p_change):
        p.add_argument("--new-passphrase-file", metavar="FILE",
                       help="read the new passphrase from FILE (else it is asked twice at the terminal)")

    backup = sub.add_parser("backup", help="the profile's backups: list, create, restore")
    bsub = backup.add_subparsers(dest="backup_command", metavar="list|create|restore", required=True)
    b_list = bsub.add_parser("list", help="the backups, newest first")
    b_create = bsub.add_parser("create", help="back up the profile now (checked after writing)")
    b_restore = bsub.add_parser("restore", help="replace the profile with a backup (the profile is backed up "
                                                "first; the laptop then joins its office again)")
    b_restore.add_argument("backup", metavar="BACKUP", help="its name as listed, or the path to a backup file")
    for p in (b_list, b_create, b_restore):
        p.add_argument("--json", action="store_true", help="print the result as one JSON object")

    conf = sub.add_parser("conflicts", help="list the conflicts sync kept for review")
    conf.add_argument("--json", action="store_true", help="print the result as one JSON object")
    sub.add_parser("self-test", help="check what a bundle can lose (SQLCipher, Qt, translations, Excel, PDF, "
                                     "sync) in a temporary folder; exit 0 when all pass")

    today = sub.add_parser("today", help="who is due for a care contact today (the Today list)")
    today.add_argument("--cadre", metavar="NAME", help="whose grids (default: this laptop's cadre)")
    today.add_argument("--date", metavar="YYYY-MM-DD", type=_iso_date, help="the day (default: today)")
    today.add_argument("--json", action="store_true", help="print the result as one JSON object")

    report = sub.add_parser("report", help="write a report workbook (.xlsx)")
    kinds = report.add_subparsers(dest="kind", metavar="monthly|quarterly", required=True)
    monthly = kinds.add_parser("monthly", help="the monthly consultation pack")
    monthly.add_argument("--month", metavar="YYYY-MM", required=True)
    where_m = monthly.add_mutually_exclusive_group()
    where_m.add_argument("--community", metavar="NAME", help="one community (default: the whole street)")
    where_m.add_argument("--grid", metavar="GRID", help="one grid: its code, or community/grid")
    monthly.add_argument("--unmask", action="store_true",
                         help="full phone numbers in the care sheet (each person is written to the audit log)")
    quarterly = kinds.add_parser("quarterly", help="the quarterly evaluation of cadres")
    quarterly.add_argument("--quarter", metavar="YYYY-Qn", required=True)
    for p in (monthly, quarterly):
        p.add_argument("-o", "--output", metavar="FILE.xlsx", required=True, type=Path)
        p.add_argument("--language", choices=("zh_CN", "en"),
                       help="default: Chinese, English when the app's language is set to English")
        p.add_argument("--json", action="store_true", help="print the result as one JSON object")

    from gridkeeper.server import cli as server_cli  # the server's commands live in its own package

    server_cli.register(sub)

    from gridkeeper.places.division import cli as places_cli

    places_cli.add_parser(sub)

    from gridkeeper.organisations import cli as org_cli  # issue 23

    org_cli.add_parser(sub)
    from gridkeeper.commands import meetings as meetings_cli  # issue 22

    meetings_cli.add_parsers(sub)
    from gridkeeper.commands import attachments as attachments_cli  # photos and scans (issue 21 part 5)

    attachments_cli.add_parser(sub)

    dump = sub.add_parser("dump", help="canonical JSON of all synced data (stable order); written to the audit log")
    dump.add_argument("--with-audit", action="store_true",
                      help="include the audit log (left out by default: each dump adds an entry to it)")
    return parser


def _cmd_attachment(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.commands import attachments as attachments_cli

    return attachments_cli.run(args, root)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.self_test or args.command == "self-test":  # gridkeeper/selftest.py; touches no profile
        from gridkeeper import selftest

        return selftest.main(sys.stdout)
    try:
        clock.today()  # a mistyped GRIDKEEPER_TODAY stops here, before anything is written
    except clock.BadClockSetting as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    root = paths.data_dir(args.data_dir)
    common._passphrase_file, common._data_dir_given = args.passphrase_file, args.data_dir
    if args.command is None:
        from gridkeeper.ui.app import run

        try:
            given = _passphrase()
        except GridKeeperError as exc:
            print(_error_text(exc, root), file=sys.stderr)
            return EXIT_USAGE
        return run(root, given)
    from gridkeeper import logs

    # Logs only beside a profile: a mistyped --data-dir, or a command that needs a profile run on a fresh
    # folder, must not leave folders behind. The commands that make a profile set up logs when they do.
    if paths.database_path(root).exists():
        logs.setup(root)
    handlers = {"demo": _cmd_demo, "dump": _cmd_dump, "import-roster": _cmd_import_roster, "sync": _cmd_sync,
                "office": _cmd_office, "conflicts": _cmd_conflicts, "today": _cmd_today, "report": _cmd_report,
                "passphrase": _cmd_passphrase, "backup": _cmd_backup, "places": _cmd_places,
                "server": _cmd_server, "org": _cmd_org,
                "attachment": _cmd_attachment}
    from gridkeeper.commands import meetings as meetings_cli  # issue 22

    handlers.update({"meetings": meetings_cli.run_meetings, "duty": meetings_cli.run_duty})
    try:
        code = handlers[args.command](args, root)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return code
    except GridKeeperError as exc:
        print(_error_text(exc, root), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `gridkeeper today | head -1`: the reader had enough
        _output_closed()
        return EXIT_OK
    except OSError as exc:  # a file the command writes (a backup, a workbook) met a full disk
        from gridkeeper.errors import DiskFull
        from gridkeeper.store.busy import is_full

        if not is_full(exc):
            raise
        print(_error_text(DiskFull(), root), file=sys.stderr)
        return EXIT_USAGE

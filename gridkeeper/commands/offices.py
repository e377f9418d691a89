"""Commands of the office: sync (a shared folder or a server), office, server."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gridkeeper import paths
from gridkeeper.errors import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gridkeeper.store import Store
from gridkeeper.commands.common import (
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    _emit,
    _no_profile,
    _open,
    _translator,
    _words,
)

_M_REJOINED = QT_TRANSLATE_NOOP(
    "cli", "Took this laptop's former place in office {office} as a new admin laptop; the former identity was "
           "revoked. Received {changes} changes; {adopted} changes the former identity never sent were sent.")


def _cmd_sync(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.sync import remote
    from gridkeeper.sync.engine import sync_folder

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    from gridkeeper.sync import conflicts

    store = _open(root)
    try:
        result = remote.sync_server(store, args.server) if args.server else sync_folder(store, Path(args.folder))
        store.reindex_dirty()  # the search index catches up on what the sync applied
        still_open = len(conflicts.open_conflicts(store))
    finally:
        store.close()
    if args.json:
        sys.stdout.write(json.dumps(result.as_json(still_open), ensure_ascii=False, sort_keys=True) + "\n")
    else:
        _print_sync(result, still_open)
    return _sync_exit(result)


def _print_sync(result: Any, still_open: int) -> None:
    if result.message:
        print(result.message, file=sys.stderr)
    for held in result.held:
        print(f"held: batch {held.seq} of laptop {held.device} ({held.reason}); it is kept and retried",
              file=sys.stderr)
    for gap in result.missing:
        print(f"missing: batches {gap.from_seq}-{gap.to_seq} of laptop {gap.device}; waiting for that laptop to "
              f"sync again", file=sys.stderr)
    if result.repaired_batches:
        print(f"wrote {result.repaired_batches} of this laptop's batches again (missing or damaged on the share)",
              file=sys.stderr)
    for name in result.set_aside:
        print(f"set aside {name}: a file in this laptop's folder that was not one of its batches", file=sys.stderr)
    for device in result.admitted:
        print(f"admitted laptop {device} to the office", file=sys.stderr)
    print(f"Sync {result.status}: sent {result.pushed_changes} changes in {result.pushed_batches} batches, "
          f"received {result.pulled_changes} in {result.pulled_batches}; {result.conflicts} new conflicts, "
          f"{still_open} open.")


def _sync_exit(result: Any) -> int:
    if result.status == "offline":
        return EXIT_USAGE
    return EXIT_REJECTED if result.status != "ok" or result.held or result.missing else EXIT_OK


def _cmd_office(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.sync import conflicts, office
    from gridkeeper.sync.engine import sync_folder

    action = args.office_command
    if action in ("create", "join"):
        paths.private_dir(root)  # a new laptop: the profile is made here
        from gridkeeper import logs

        logs.setup(root)
    elif not paths.database_path(root).exists():
        raise _no_profile(root)
    store = _open(root, create=action in ("create", "join"))
    try:
        if action == "rejoin":
            return _office_rejoin(args, store)
        from gridkeeper.sync import remote

        if getattr(args, "server", None) or (action != "create" and remote.server_of(store)):
            return _office_on_server(args, store)
        share = Path(args.folder) if getattr(args, "folder", None) else office.folder(store)
        if share is None:
            raise office.OfficeError(office.NO_OFFICE, path="?")
        out: dict[str, Any]
        if action == "create":
            created = office.create(store, share, args.name)
            out = {"office": created.office, "folder": str(share), "device": store.device_id,
                   "taken_in": created.taken_in, "not_taken": list(created.not_taken)}
            text = f"Created office {created.office} on {share}; this laptop is its admin."
            if created.taken_in or created.not_taken:
                text += (f" Took in {created.taken_in} changes from the old unencrypted data there and removed it"
                         + (f"; {len(created.not_taken)} damaged batches could not be read." if created.not_taken
                            else "."))
        elif action == "join":
            office_id = office.join(store, share, args.code)
            result = sync_folder(store, share)  # its data before anything else can be imported here
            store.reindex_dirty()
            out = {"office": office_id, "folder": str(share), "device": store.device_id,
                   "sync": result.as_json(len(conflicts.open_conflicts(store)))}
            text = (f"Joined office {office_id}; an admin's laptop admits this one at its next sync. "
                    f"Received {result.pulled_changes} changes.")
        elif action == "invite":
            made = office.invite(store, share, args.hours)
            out = made.as_json()
            text = f"Enrolment code: {made.code} (one laptop, until {made.expires} UTC)"
        elif action == "members":
            found = office.refresh_members(store, share)
            out = {"members": [m.as_json() for m in found.values()]}
            text = "\n".join(
                f"{m.device}  {'admin ' if m.admin else ''}{m.about.get('cadre', '')} {m.about.get('laptop', '')}"
                f"{'  revoked ' + m.revoked_at if m.revoked_after is not None else ''}" for m in found.values())
        else:
            epoch = office.revoke(store, share, args.device)
            out = {"revoked": args.device, "epoch": epoch}
            text = f"Revoked {args.device}; the office key was changed for the remaining laptops."
    finally:
        store.close()
    if args.json:
        sys.stdout.write(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        print(text)
    return EXIT_OK


def _office_on_server(args: argparse.Namespace, store: Store) -> int:
    """office join/invite/members/revoke for an office on a GridKeeper server (sync/remote.py)."""
    from gridkeeper.sync import conflicts, office, remote

    action = args.office_command
    if action == "move":
        result = remote.move(store, args.server, args.fingerprint)
        store.reindex_dirty()
        _emit(args, result.as_json(len(conflicts.open_conflicts(store))),
              f"This laptop now syncs office {office.office_id(store)} through {args.server}: sent "
              f"{result.pushed_changes} changes, received {result.pulled_changes}." if result.status == "ok"
              else result.message)
        return _sync_exit(result)
    if action == "join":
        office_id, admitted = remote.join(store, args.server, args.code)
        result = remote.sync_server(store)
        store.reindex_dirty()
        _emit(args, {"office": office_id, "server": args.server, "device": store.device_id, "admitted": admitted,
                     "sync": result.as_json(len(conflicts.open_conflicts(store)))},
              f"Joined office {office_id} on {args.server}"
              + ("." if admitted else "; an admin's laptop admits this one at its next sync.")
              + f" Received {result.pulled_changes} changes.")
        return _sync_exit(result) if result.status != "refused" or admitted else EXIT_OK
    if action == "invite":
        made = remote.invite(store, args.hours)
        _emit(args, made.as_json(), f"Enrolment code: {made.code} (one laptop, until {made.expires} UTC)")
        return EXIT_OK
    result = remote.sync_server(store)  # the membership as the server holds it now
    if result.status == "offline":
        raise remote.ServerOffline(remote.server_of(store).url)  # type: ignore[union-attr]
    if action == "members":
        found = office.members(store)
        _emit(args, {"members": [m.as_json() for m in found.values()]}, "\n".join(
            f"{m.device}  {'admin ' if m.admin else ''}{m.about.get('cadre', '')} {m.about.get('laptop', '')}"
            f"{'  revoked ' + m.revoked_at if m.revoked_after is not None else ''}" for m in found.values()))
        return EXIT_OK
    epoch = office.revoke(store, remote.staging(store), args.device)
    remote.publish(store)
    _emit(args, {"revoked": args.device, "epoch": epoch},
          f"Revoked {args.device}; the office key was changed for the remaining laptops.")
    return EXIT_OK


def _office_rejoin(args: argparse.Namespace, store: Store) -> int:
    from gridkeeper.sync import identity, office
    from gridkeeper.sync.engine import sync_folder

    former = identity.succession_candidate(store)
    share = Path(args.folder) if args.folder else identity.former_folder(store)
    if former is None or share is None:
        raise office.OfficeError(office.NO_FORMER, path=str(share or "?"))
    office_id = office.succeed(store, share, former)
    result = sync_folder(store, share)
    store.reindex_dirty()
    _emit(args, {"office": office_id, "folder": str(share), "device": store.device_id,
                 "sync": result.as_json()},
          _words(_translator(store.root), _M_REJOINED, office=office_id, changes=result.pulled_changes,
                 adopted=result.adopted))
    return _sync_exit(result)


def _cmd_server(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.server import cli as server_cli

    return server_cli.run(args, root)

"""A restored profile is a new laptop for sync: new device id, new keys, out of the office.

Why: the backup holds an older state of a device whose later batches may
already be on the share. Kept under its old identity, the restored profile
would write batches whose numbers that device used already (readers skip them),
and its own sync would find valid batches of its own that it never wrote and
refuse ("a copy of another laptop"). So a restore (`restore()`) gives the copy:

- a new `device_id` and no device keys (new ones are made when it joins);
- none of the office's state: office id, founder key, office keys, members,
  invites, folder, what it pushed, when it last synced, its case-number prefix;
- the cursors of other laptops it had applied (their changes are in its log);
- a record of the former identity (`FORMER_KEY`): its device id, the last seq
  of its own changes in the backup (`upto`) and, for `office rejoin`, the
  former keys and office state.

It joins the office again: with an enrolment code like any laptop, or, when
the former identity was an admin, with `office rejoin` (office.succeed: the
former admin key admits the new identity, then the former one is revoked).

At its syncs the former identity is just another member whose batches are
pulled (what the backup held is in the log already, and is ignored as
duplicate; what that laptop pushed after the backup is applied). Once the
former identity's batches have been read as far as they go (no gap, nothing
held that may still be applied), its changes that were *not* on the share
(seq after its cursor, up to `upto`) are re-stamped as the new identity's,
with new local seqs, and pushed in the new identity's batches: every change
reaches the office once, under one identity (`adopt()`). One that the log
holds already under another device, same time and value (a profile restored
twice: its second identity re-sent the first one's changes), is dropped
instead of sent again.
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path
from typing import Any

from gridkeeper.store import backups
from gridkeeper.store.engine import Store

log = logging.getLogger("gridkeeper.sync")

FORMER_KEY = "former_identities"  # [{"device", "upto", "adopted", and for rejoin: "office", "keys", ...}]

# local_meta keys that belong to the identity or to the office it was in (office.py, engine.py,
# mediation/numbers.py name them; tests/sync/test_identity.py holds the two lists together).
OFFICE_STATE = ("office_id", "office_founder_key", "office_keys", "office_members", "office_folder")
CLEARED = (*OFFICE_STATE, "device_keys", "office_invites", "office_pull_due", "pushed_seq", "pushed_batches",
           "last_sync", "mediation_prefix")
# Held reasons that clear by themselves: a batch held for one of these may still be applied by others.
_MAY_STILL_APPLY = {"waiting", "clock_ahead", "timeout", "newer_format"}


def _meta(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT value FROM local_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _set(conn: Any, key: str, value: str) -> None:
    conn.execute("INSERT INTO local_meta(key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def _record(device: str, upto: int, keys: str | None, state: dict[str, str | None]) -> dict[str, Any]:
    record: dict[str, Any] = {"device": device, "upto": upto, "adopted": False}
    if keys and state.get("office_id"):
        record["keys"] = keys
        record["state"] = state
    return record


def take_new_identity(conn: Any, replaced: dict[str, Any] | None = None) -> str:
    """On a DB-API connection to the restored copy, inside its transaction: the new device id.

    `replaced` is the identity of the profile the copy replaces, when that is not the backup's own (a
    profile restored before, now restored from an older backup): kept too, so that its place in the
    office (an admin's, say) can still be taken."""
    old = _meta(conn, "device_id")
    formers = json.loads(_meta(conn, FORMER_KEY) or "[]")

    def upto_of(device: str) -> int:
        return int(conn.execute("SELECT max(seq) FROM change_log WHERE device_id = ?", (device,)).fetchone()[0] or 0)

    if old:
        formers.append(_record(old, upto_of(old), _meta(conn, "device_keys"),
                               {k: _meta(conn, k) for k in OFFICE_STATE}))
    if replaced and replaced.get("device") and replaced["device"] != old:
        formers = [f for f in formers if f.get("device") != replaced["device"]]
        formers.append(_record(replaced["device"], upto_of(replaced["device"]), replaced.get("keys"),
                               replaced.get("state") or {}))
    new = str(uuid.uuid4())
    conn.execute(f"DELETE FROM local_meta WHERE key IN ({', '.join('?' for _ in CLEARED)})", CLEARED)
    _set(conn, "device_id", new)
    _set(conn, FORMER_KEY, json.dumps(formers))
    return new


def restore(store: Store, backup: backups.Backup) -> backups.Restored:
    """Restore `backup` into the profile under a new identity (module doc). The store is closed after."""
    replaced = {"device": store.device_id, "keys": store.meta("device_keys"),
                "state": {k: store.meta(k) for k in OFFICE_STATE}}
    restored = backups.restore(store, backup, prepare=lambda conn: take_new_identity(conn, replaced))
    log.info("restored %s from %s under a new device identity", store.root, backup.name)
    return restored


def formers(store: Store) -> list[dict[str, Any]]:
    try:
        found = json.loads(store.meta(FORMER_KEY) or "[]")
    except ValueError:
        return []
    return [f for f in found if isinstance(f, dict) and isinstance(f.get("device"), str)]


def _save(store: Store, found: list[dict[str, Any]]) -> None:
    store.set_meta(FORMER_KEY, json.dumps(found))


def forget_secrets(store: Store) -> None:
    """After the profile is in an office again: the former identities' keys are no longer needed."""
    found = formers(store)
    if any("keys" in f for f in found):
        _save(store, [{k: v for k, v in f.items() if k not in ("keys", "state")} for f in found])


def blocked_by(held: list[Any], missing: list[Any]) -> set[str]:
    """Devices whose batches a sync could not read to the end: a gap, or a batch that may still apply."""
    return {m.device for m in missing} | {h.device for h in held if h.reason in _MAY_STILL_APPLY}


def adopt(store: Store, blocked: set[str]) -> int:
    """Re-stamp each former identity's changes that are not on the share as ours (new seqs, pushed next);
    the number of changes. A former identity in `blocked` waits for a later sync."""
    found = formers(store)
    me = store.device_id
    total = 0
    changed = False
    for f in found:
        if f.get("adopted") or f["device"] in blocked:
            continue
        device, upto = f["device"], int(f.get("upto", 0))
        with store.begin() as conn:
            after = conn.exec_driver_sql(
                "SELECT seq FROM sync_cursor WHERE device_id = ?", (device,)).scalar() or 0
            params = (device, int(after), upto)
            # The same change already in the log under another identity (a later identity of this
            # profile re-sent it before this restore): it is on the share; keep that copy only.
            copies = conn.exec_driver_sql(
                "DELETE FROM change_log WHERE device_id = ? AND seq > ? AND seq <= ? AND EXISTS ("
                "SELECT 1 FROM change_log o WHERE o.tbl = change_log.tbl AND o.row_id = change_log.row_id "
                "AND o.field = change_log.field AND o.hlc = change_log.hlc AND o.device_id <> change_log.device_id "
                "AND o.value IS change_log.value)", params).rowcount
            conn.exec_driver_sql(
                "INSERT INTO change_log (hlc, device_id, tbl, row_id, field, value) "
                "SELECT hlc, ?, tbl, row_id, field, value FROM change_log "
                "WHERE device_id = ? AND seq > ? AND seq <= ? ORDER BY seq", (me, *params))
            moved = conn.exec_driver_sql(
                "DELETE FROM change_log WHERE device_id = ? AND seq > ? AND seq <= ?", params).rowcount
        f["adopted"] = True
        changed = True
        total += moved
        log.info("adopted %d changes of former identity %s (after its seq %s on the share; %d already there under "
                 "another identity)", moved, device, after, copies)
    if changed:
        _save(store, found)
    return total


def succession_candidate(store: Store, office_id: str | None = None) -> dict[str, Any] | None:
    """The newest former identity that was in an office (optionally this one) and whose keys are kept."""
    for f in reversed(formers(store)):
        state = f.get("state") or {}
        if "keys" in f and state.get("office_id") and (office_id is None or state["office_id"] == office_id):
            return f
    return None


def former_folder(store: Store) -> Path | None:
    f = succession_candidate(store)
    folder = (f or {}).get("state", {}).get("office_folder")
    return Path(folder) if folder else None

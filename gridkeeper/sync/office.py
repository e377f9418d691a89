"""The office on a share: its keys, its members, enrolment codes, revocation.

What the profile keeps (local_meta, device-local, never synced): this device's
key pair, the office id and founder key it pinned, every epoch's office key it
received, the membership entries it verified, the invites it made. What the
share holds is in architecture.md ("Offices: trust on the share"); every file
read from it is checked here before it is believed.
"""

from __future__ import annotations

import json
import os
import platform
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.store.engine import Store
from gridkeeper.sync import crypto, safe_read
from gridkeeper.sync.crypto import CryptoError, DeviceKeys
from gridkeeper.sync.private import write_private

FORMAT = 2
TOP = "gridkeeper"
INVITE_HOURS = 72

OFFICE_KEY = "office_id"
FOUNDER_KEY = "office_founder_key"
DEVICE_KEYS = "device_keys"
EPOCH_KEYS = "office_keys"  # {"1": b64, "2": b64, ...}
MEMBERS_KEY = "office_members"  # verified entries, as the share had them
INVITES_KEY = "office_invites"  # {lookup: {"mac_key", "expires", "used"}}
FOLDER_KEY = "office_folder"  # the share this laptop created or joined the office on
PULL_DUE_KEY = "office_pull_due"  # joined, not synced yet: no roster import until the office's data is in


class OfficeError(GridKeeperError):
    """An office action that cannot be done, said in words."""


def _error(message: str, **params: object) -> OfficeError:
    return OfficeError(message, **params)


NO_OFFICE = QT_TRANSLATE_NOOP(
    "errors", "This laptop is not in an office yet. Create one on the shared folder ({path}) or join one "
    "with the enrolment code an admin gives you.")
NOT_ADMIN = QT_TRANSLATE_NOOP("errors", "Only an admin laptop of the office can do this.")
BAD_CODE = QT_TRANSLATE_NOOP(
    "errors", "The enrolment code {code} does not open an invitation on the shared folder {path}: check the "
    "code and the folder, or ask the admin for a new code (a code works once, for {hours} hours).")
CODE_EXPIRED = QT_TRANSLATE_NOOP(
    "errors", "The enrolment code {code} expired on {expires}. Ask the admin for a new one.")
ALREADY = QT_TRANSLATE_NOOP(
    "errors", "This laptop is already in office {office}; it cannot create or join another one.")
OFFICE_EXISTS = QT_TRANSLATE_NOOP(
    "errors", "The shared folder {path} already holds an office. Join it with an enrolment code from its admin "
    "instead of creating another.")
UNKNOWN_DEVICE = QT_TRANSLATE_NOOP("errors", "No laptop {device} is a member of this office.")
SELF_REVOKE = QT_TRANSLATE_NOOP("errors", "A laptop cannot revoke itself.")


@dataclass(frozen=True)
class Member:
    device: str
    sign_key: str
    box_key: str
    admin: bool
    admitted_at: str
    admitted_by: str
    about: dict[str, str]  # cadre, laptop: decrypted with the office key when we hold it
    revoked_after: int | None = None  # its batches after this seq are refused; None: not revoked
    revoked_at: str = ""

    def accepts(self, seq: int) -> bool:
        return self.revoked_after is None or seq <= self.revoked_after

    def as_json(self) -> dict[str, Any]:
        return {"device": self.device, "admin": self.admin, "admitted_at": self.admitted_at,
                "admitted_by": self.admitted_by, "cadre": self.about.get("cadre", ""),
                "laptop": self.about.get("laptop", ""), "revoked": self.revoked_after is not None,
                "revoked_after_seq": self.revoked_after, "revoked_at": self.revoked_at or None}


# -- what the profile keeps ------------------------------------------------------


def _json_meta(store: Store, key: str, default: Any) -> Any:
    raw = store.meta(key)
    if not raw:
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return default


def office_id(store: Store) -> str | None:
    return store.meta(OFFICE_KEY) or None


def device_keys(store: Store) -> DeviceKeys:
    text = store.meta(DEVICE_KEYS)
    if text:
        return DeviceKeys.from_text(text)
    keys = DeviceKeys.generate()
    store.set_meta(DEVICE_KEYS, keys.to_text())
    return keys


def epoch_keys(store: Store) -> dict[int, bytes]:
    return {int(e): crypto.unb64(k) for e, k in _json_meta(store, EPOCH_KEYS, {}).items()}


def _add_epoch_keys(store: Store, keys: dict[int, bytes]) -> None:
    merged = {**epoch_keys(store), **keys}
    store.set_meta(EPOCH_KEYS, json.dumps({str(e): crypto.b64(k) for e, k in sorted(merged.items())}))


def current_epoch(store: Store) -> tuple[int, bytes]:
    keys = epoch_keys(store)
    epoch = max(keys)
    return epoch, keys[epoch]


# -- the share's files -----------------------------------------------------------


def office_dir(root: Path, office: str) -> Path:
    return Path(root) / TOP / office


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(safe_read.read_limited(path, safe_read.MAX_SMALL_BYTES))
    except (safe_read.Unsafe, ValueError):
        return None


def read_office(root: Path) -> list[dict[str, Any]]:
    """The offices (format 2) on a share: their office.json, as found."""
    top = Path(root) / TOP
    try:
        names = sorted(os.listdir(top))
    except OSError:
        return []
    found = []
    for name in names:
        info = _read_json(top / name / "office.json")
        if isinstance(info, dict) and info.get("format") == FORMAT and info.get("id") == name:
            found.append(info)
    return found


def legacy_datasets(root: Path) -> list[str]:
    """Format-1 datasets (plaintext batches) on the share."""
    top = Path(root) / TOP
    try:
        names = sorted(os.listdir(top))
    except OSError:
        return []
    return [n for n in names if safe_read.is_regular(top / n / "dataset.json")]


# -- membership ------------------------------------------------------------------


def _entry_file(entry: dict[str, Any], keys: DeviceKeys) -> bytes:
    signature = keys.sign(b"gk1 member " + _canonical(entry))
    return _canonical({"entry": entry, "sig": crypto.b64(signature)})


def _write_entry(root: Path, office: str, entry: dict[str, Any], keys: DeviceKeys) -> None:
    entry_id, data = signed_entry(entry, keys)
    write_private(office_dir(root, office) / "members" / f"{entry_id}.json", data)


def _about(store: Store, about: object) -> dict[str, str]:
    if not isinstance(about, dict):
        return {}
    try:
        key = epoch_keys(store)[int(about["epoch"])]
        plain = crypto.open_sealed(crypto.derive(key, "about"), crypto.unb64(about["sealed"]))
        data = json.loads(plain)
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (KeyError, ValueError, TypeError, CryptoError):
        return {}


def _seal_about(store: Store, about: dict[str, str]) -> dict[str, Any]:
    epoch, key = current_epoch(store)
    sealed = crypto.seal(crypto.derive(key, "about"), json.dumps(about, ensure_ascii=False).encode("utf-8"))
    return {"epoch": epoch, "sealed": crypto.b64(sealed)}


def _entries_on_share(root: Path, office: str) -> list[dict[str, Any]]:
    folder = office_dir(root, office) / "members"
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    out = []
    for name in names:
        data = _read_json(folder / name) if name.endswith(".json") else None
        if isinstance(data, dict) and isinstance(data.get("entry"), dict) and isinstance(data.get("sig"), str):
            out.append(data)
    return out


def _verified(store: Store, candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return verify_entries(store.meta(FOUNDER_KEY) or "", candidates)


def verify_entries(founder: str, candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries whose signature holds and whose signer was an admin when it signed, in (at, id) order.

    The founder's own admission, signed by the pinned founder key, is the root. An entry counts once
    its signer is an admitted admin that was not revoked before the entry's time; entries are taken
    until nothing more can be (times may tie, so no single pass in time order is enough). The server
    checks entries with this too (server/offices.py)."""
    by_id: dict[str, dict[str, Any]] = {}
    for c in candidates:
        entry = c["entry"]
        if isinstance(entry.get("id"), str) and isinstance(entry.get("at"), str) and entry.get("kind") in (
                "admit", "revoke"):
            by_id.setdefault(entry["id"], c)
    ordered = sorted(by_id.values(), key=lambda c: (c["entry"]["at"], c["entry"]["id"]))

    def signed_by(c: dict[str, Any], key: str) -> bool:
        try:
            crypto.verify(key, crypto.unb64(c["sig"]), b"gk1 member " + _canonical(c["entry"]))
            return True
        except CryptoError:
            return False

    good: dict[str, dict[str, Any]] = {}
    for c in ordered:
        e = c["entry"]
        if (e["kind"] == "admit" and e.get("device") == e.get("by") and e.get("sign_key") == founder
                and e.get("admin") and signed_by(c, founder)):
            good[e["id"]] = c
            break
    if not good:
        return []
    changed = True
    while changed:
        changed = False
        admins = {str(c["entry"]["device"]): (str(c["entry"]["sign_key"]), c["entry"]["at"])
                  for c in good.values() if c["entry"]["kind"] == "admit" and c["entry"].get("admin")}
        revoked_at = {str(c["entry"]["device"]): c["entry"]["at"] for c in good.values()
                      if c["entry"]["kind"] == "revoke"}
        for c in ordered:
            e = c["entry"]
            if e["id"] in good:
                continue
            signer = admins.get(str(e.get("by")))
            if signer is None or signer[1] > e["at"] or revoked_at.get(str(e.get("by")), "~") <= e["at"]:
                continue
            if e["kind"] == "admit" and not isinstance(e.get("sign_key"), str):
                continue
            if signed_by(c, signer[0]):
                good[e["id"]] = c
                changed = True
    return [c for c in ordered if c["entry"]["id"] in good]


def signed_entry(entry: dict[str, Any], keys: DeviceKeys) -> tuple[str, bytes]:
    """A new membership entry signed by `keys`: its id (the file name on a share) and the file's bytes."""
    entry["id"] = uuid.uuid4().hex
    return entry["id"], _entry_file(entry, keys)


def refresh_members(store: Store, root: Path) -> dict[str, Member]:
    """Verify what the share holds, merge it with what this laptop verified before, and keep it."""
    office = office_id(store)
    if not office:
        return {}
    known = _json_meta(store, MEMBERS_KEY, [])
    verified = _verified(store, [*known, *_entries_on_share(root, office)])
    store.set_meta(MEMBERS_KEY, json.dumps(verified, ensure_ascii=False))
    return _members(store, verified)


def members(store: Store) -> dict[str, Member]:
    """The membership as this laptop last verified it (no share access)."""
    return _members(store, _json_meta(store, MEMBERS_KEY, []))


def _members(store: Store, verified: list[dict[str, Any]]) -> dict[str, Member]:
    out: dict[str, Member] = {}
    for c in verified:
        e = c["entry"]
        device = str(e.get("device"))
        if e["kind"] == "admit" and device not in out:
            out[device] = Member(device, e["sign_key"], str(e.get("box_key", "")), bool(e.get("admin")), e["at"],
                                 str(e.get("by", "")), _about(store, e.get("about")))
        elif e["kind"] == "revoke" and device in out:
            until = e.get("until_seq")
            out[device] = _replace(out[device], revoked_after=int(until) if isinstance(until, int) else 0,
                                   revoked_at=e["at"])
    return out


def _replace(m: Member, **changes: Any) -> Member:
    from dataclasses import replace

    return replace(m, **changes)


def is_admin(store: Store) -> bool:
    me = members(store).get(store.device_id)
    return bool(me and me.admin and me.revoked_after is None)


# -- create, invite, join ----------------------------------------------------------


def _now() -> str:
    return clock.utcnow().isoformat(timespec="milliseconds")


def _about_me(store: Store) -> dict[str, str]:
    from gridkeeper.places import profile

    cadre = profile.current_cadre(store)
    return {"cadre": cadre.name if cadre else "", "laptop": platform.node()}


@dataclass(frozen=True)
class Created:
    office: str
    taken_in: int = 0  # changes taken in from an old plaintext dataset on the share
    not_taken: tuple[str, ...] = ()  # its batches that could not be read


def create(store: Store, root: Path, name: str = "") -> Created:
    """Make an office on the share with this laptop as its founder and admin.

    An old plaintext dataset there is taken in first and then removed from the share."""
    if office_id(store):
        raise _error(ALREADY, office=office_id(store))
    if read_office(root):
        raise _error(OFFICE_EXISTS, path=str(root))
    taken_in, not_taken = 0, []
    if legacy_datasets(root):
        from gridkeeper.sync import legacy

        taken_in, not_taken = legacy.take_in(store, root)
    keys = device_keys(store)
    office = str(uuid.uuid4())
    me = store.device_id
    info = {"format": FORMAT, "suite": crypto.SUITE, "id": office, "founder": me, "founder_key": keys.sign_public,
            "created": _now()}
    folder = office_dir(root, office)
    write_private(folder / "office.json", json.dumps(info, indent=2).encode("utf-8"))
    store.set_meta(FOUNDER_KEY, keys.sign_public)
    store.set_meta(OFFICE_KEY, office)
    _add_epoch_keys(store, {1: crypto.random_key()})
    about = _about_me(store)
    if name:
        about["office"] = name
    _write_entry(root, office, {"kind": "admit", "device": me, "sign_key": keys.sign_public,
                                "box_key": keys.box_public, "admin": True, "by": me, "at": _now(),
                                "about": _seal_about(store, about)}, keys)
    _seal_keys_to(store, root, me, keys.box_public)
    store.set_meta(FOLDER_KEY, str(Path(root).resolve()))
    refresh_members(store, root)
    return Created(office, taken_in, tuple(not_taken))


def folder(store: Store) -> Path | None:
    """The share this laptop's office is on, as it was given at create or join."""
    text = store.meta(FOLDER_KEY)
    return Path(text) if text else None


def _seal_keys_to(store: Store, root: Path, device: str, box_public: str) -> None:
    office = office_id(store) or ""
    for epoch, key in epoch_keys(store).items():
        path = office_dir(root, office) / "keys" / str(epoch) / f"{device}.json"
        if safe_read.is_regular(path):
            continue
        sealed = crypto.seal_key_to(box_public, key, f"{office}|{epoch}|{device}".encode())
        write_private(path, _canonical({"epoch": epoch, "device": device, "sealed": crypto.b64(sealed)}))


@dataclass(frozen=True)
class Invite:
    code: str  # as shown: ABCD-EFGH-JKLM
    expires: str

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "expires": self.expires}


def invite(store: Store, root: Path, hours: int = INVITE_HOURS, extra: dict[str, Any] | None = None) -> Invite:
    """A one-time enrolment code for a new laptop (an admin only). `extra` goes into the sealed payload
    (an office on a server: the server's address and certificate fingerprint, which the joiner pins)."""
    office = office_id(store)
    if not office:
        raise _error(NO_OFFICE, path=str(root))
    refresh_members(store, root)
    if not is_admin(store):
        raise _error(NOT_ADMIN)
    code = crypto.new_code()
    lookup = crypto.code_lookup(code)
    salt, mac_key = os.urandom(16), crypto.random_key()
    expires = (clock.utcnow() + timedelta(hours=hours)).isoformat(timespec="seconds")
    keys = device_keys(store)
    payload = {"office": office, "founder_key": store.meta(FOUNDER_KEY), "admin": store.device_id,
               "admin_key": keys.sign_public, "expires": expires, "mac_key": crypto.b64(mac_key),
               "keys": {str(e): crypto.b64(k) for e, k in epoch_keys(store).items()}, **(extra or {})}
    kdf = {"memory_kib": crypto.CODE_KDF_MEMORY_KIB, "iterations": crypto.CODE_KDF_ITERATIONS}
    sealed = crypto.seal(crypto.code_key(code, salt, kdf["memory_kib"], kdf["iterations"]), _canonical(payload),
                         lookup.encode())
    write_private(office_dir(root, office) / "invites" / f"{lookup}.json",
                  _canonical({"salt": crypto.b64(salt), "expires": expires, "kdf": kdf, "sealed": crypto.b64(sealed)}))
    invites = _json_meta(store, INVITES_KEY, {})
    invites[lookup] = {"mac_key": crypto.b64(mac_key), "expires": expires, "used": False}
    store.set_meta(INVITES_KEY, json.dumps(invites))
    return Invite(crypto.show_code(code), expires)


def _request_body(device: str, sign_key: str, box_key: str, lookup: str) -> bytes:
    return _canonical({"device": device, "sign_key": sign_key, "box_key": box_key, "invite": lookup})


def join(store: Store, root: Path, code_text: str,
         check: Callable[[dict[str, Any]], None] | None = None) -> str:
    """Open the invite the code names, take the office's keys, ask to be admitted; the office id.
    `check` sees the opened payload before anything is kept (a server's certificate is pinned there)."""
    if office_id(store):
        raise _error(ALREADY, office=office_id(store))
    code = crypto.normalise_code(code_text)
    lookup = crypto.code_lookup(code)
    shown = crypto.show_code(code)
    for info in read_office(root):
        path = office_dir(root, info["id"]) / "invites" / f"{lookup}.json"
        outer = _read_json(path)
        if not isinstance(outer, dict):
            continue
        try:
            kdf = outer.get("kdf") if isinstance(outer.get("kdf"), dict) else {}
            derived = crypto.code_key(code, crypto.unb64(outer["salt"]), int(kdf.get("memory_kib", 64 * 1024)),
                                      int(kdf.get("iterations", 3)))
            plain = crypto.open_sealed(derived, crypto.unb64(outer["sealed"]), lookup.encode())
            payload = json.loads(plain)
        except (KeyError, ValueError, CryptoError):
            continue
        if payload.get("office") != info["id"] or payload.get("founder_key") != info.get("founder_key"):
            continue
        if datetime.fromisoformat(payload["expires"]) < clock.utcnow():
            raise _error(CODE_EXPIRED, code=shown, expires=payload["expires"])
        if check is not None:
            check(payload)
        office = info["id"]
        keys = device_keys(store)
        store.set_meta(FOUNDER_KEY, payload["founder_key"])
        store.set_meta(OFFICE_KEY, office)
        _add_epoch_keys(store, {int(e): crypto.unb64(k) for e, k in payload["keys"].items()})
        me = store.device_id
        body = _request_body(me, keys.sign_public, keys.box_public, lookup)
        request = {"device": me, "sign_key": keys.sign_public, "box_key": keys.box_public, "invite": lookup,
                   "about": _seal_about(store, _about_me(store)), "at": _now(),
                   "mac": crypto.mac(crypto.unb64(payload["mac_key"]), body)}
        request["sig"] = crypto.b64(keys.sign(b"gk1 request " + _canonical(request)))
        write_private(office_dir(root, office) / "requests" / f"{me}.json", _canonical(request))
        store.set_meta(FOLDER_KEY, str(Path(root).resolve()))
        store.set_meta(PULL_DUE_KEY, "1")
        try:  # the code is spent: nobody else opens this invitation (the admin's record stays the judge)
            path.unlink()
        except OSError:
            pass
        refresh_members(store, root)
        return office
    raise _error(BAD_CODE, code=shown, path=str(root), hours=INVITE_HOURS)


def admit_requests(store: Store, root: Path) -> list[str]:
    """An admin's sync admits every join request made with one of its unexpired, unused codes."""
    office = office_id(store)
    if not office or not is_admin(store):
        return []
    folder = office_dir(root, office) / "requests"
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    invites = _json_meta(store, INVITES_KEY, {})
    keys = device_keys(store)
    admitted = []
    current = members(store)
    for name in names:
        request = _read_json(folder / name) if name.endswith(".json") else None
        if not isinstance(request, dict):
            continue
        device, lookup = request.get("device"), request.get("invite")
        if not isinstance(device, str) or name != f"{device}.json" or device in current:
            continue
        grant = invites.get(lookup) if isinstance(lookup, str) else None
        if not grant or grant.get("used") or datetime.fromisoformat(grant["expires"]) < clock.utcnow():
            continue
        try:
            signed = {k: v for k, v in request.items() if k != "sig"}
            crypto.verify(str(request["sign_key"]), crypto.unb64(request["sig"]), b"gk1 request " + _canonical(signed))
            body = _request_body(device, str(request["sign_key"]), str(request["box_key"]), lookup)
            if not crypto.mac_ok(crypto.unb64(grant["mac_key"]), body, request.get("mac")):
                continue
        except (KeyError, CryptoError):
            continue
        _write_entry(root, office, {"kind": "admit", "device": device, "sign_key": request["sign_key"],
                                    "box_key": request["box_key"], "admin": False, "by": store.device_id,
                                    "at": _now(), "about": request.get("about")}, keys)
        _seal_keys_to(store, root, device, str(request["box_key"]))
        grant["used"] = True
        store.set_meta(INVITES_KEY, json.dumps(invites))
        for path in (office_dir(root, office) / "invites" / f"{lookup}.json", folder / name):
            try:
                path.unlink()
            except OSError:
                pass
        admitted.append(device)
    if admitted:
        refresh_members(store, root)
    return admitted


def receive_keys(store: Store, root: Path) -> list[int]:
    """Epoch keys sealed to this laptop that it does not hold yet (after a rotation)."""
    office = office_id(store)
    if not office:
        return []
    have = epoch_keys(store)
    folder = office_dir(root, office) / "keys"
    try:
        epochs = sorted(int(n) for n in os.listdir(folder) if n.isdigit())
    except OSError:
        return []
    keys = device_keys(store)
    got: dict[int, bytes] = {}
    for epoch in epochs:
        if epoch in have:
            continue
        data = _read_json(folder / str(epoch) / f"{store.device_id}.json")
        if not isinstance(data, dict):
            continue
        try:
            got[epoch] = keys.unseal_key(crypto.unb64(data["sealed"]), f"{office}|{epoch}|{store.device_id}".encode())
        except (KeyError, CryptoError):
            continue
    if got:
        _add_epoch_keys(store, got)
    return sorted(got)


def revoke(store: Store, root: Path, device: str) -> int:
    """Revoke a laptop: its batches after the last valid one on the share now are refused, and the office
    key is rotated to the remaining members. The new epoch.

    The bound is what the share holds, not what this laptop applied, so members that already applied
    those batches agree with those that will (a batch written in the moment between the look and the
    revoke entry is the one race left; architecture.md says so)."""
    office = office_id(store)
    if not office:
        raise _error(NO_OFFICE, path=str(root))
    current = refresh_members(store, root)
    if not is_admin(store):
        raise _error(NOT_ADMIN)
    if device == store.device_id:
        raise _error(SELF_REVOKE)
    matches = [d for d in current if d == device or (len(device) >= 6 and d.startswith(device))]
    if len(matches) != 1:
        raise _error(UNKNOWN_DEVICE, device=device)
    device = matches[0]
    until_seq = _last_valid_seq(store, root, device, current[device])
    keys = device_keys(store)
    _write_entry(root, office, {"kind": "revoke", "device": device, "until_seq": until_seq, "by": store.device_id,
                                "at": _now()}, keys)
    epoch = max(epoch_keys(store)) + 1
    _add_epoch_keys(store, {epoch: crypto.random_key()})
    for member in refresh_members(store, root).values():
        if member.revoked_after is None and member.box_key:
            _seal_keys_to(store, root, member.device, member.box_key)
    return epoch


def _last_valid_seq(store: Store, root: Path, device: str, member: Member) -> int:
    from gridkeeper.sync.folder import Batch, FolderShare, Opening

    share = FolderShare(root, office_id(store) or "")
    opening = Opening(share.office, epoch_keys(store), member.sign_key)
    for seq, path in sorted(share.batch_files(device).items(), reverse=True):
        if isinstance(share.read_batch(device, seq, path, opening), Batch):
            return seq
    return 0


# -- a restored profile taking its former place ----------------------------------------

FORMER_NOT_ADMIN = QT_TRANSLATE_NOOP(
    "errors", "This profile was restored from a backup. Its former identity was not an admin of the office on "
    "{path}, so it cannot let itself back in: ask an admin for an enrolment code and join with it.")
FORMER_REVOKED = QT_TRANSLATE_NOOP(
    "errors", "This profile was restored from a backup of a laptop that has since been removed from the office on "
    "{path} (or replaced by another restore), so it cannot let itself back in: ask an admin for an enrolment code "
    "and join with it.")
NO_FORMER = QT_TRANSLATE_NOOP(
    "errors", "This profile was not restored from a backup of a laptop in an office on {path}: join with an "
    "enrolment code instead.")


def succeed(store: Store, root: Path, former: dict[str, Any]) -> str:
    """A restored profile whose former identity (identity.py) was an admin takes its place: the former key
    admits the new identity as an admin, then the new identity revokes the former one (its batches after
    the last valid one on the share are refused, the office key is rotated). The office id.

    No code is needed: whoever holds the backup and its passphrase holds the former admin key anyway."""
    if office_id(store):
        raise _error(ALREADY, office=office_id(store))
    state = former.get("state") or {}
    office = str(state.get("office_id") or "")
    if office not in {info["id"] for info in read_office(root)}:
        raise _error(NO_FORMER, path=str(root))
    old_keys = DeviceKeys.from_text(str(former["keys"]))
    old_device = str(former["device"])
    for key in (FOUNDER_KEY, OFFICE_KEY, EPOCH_KEYS, MEMBERS_KEY):
        if state.get(key):
            store.set_meta(key, str(state[key]))
    # Office keys sealed to the former identity after the backup was made (a rotation since).
    got: dict[int, bytes] = {}
    try:
        epochs = sorted(int(n) for n in os.listdir(office_dir(root, office) / "keys") if n.isdigit())
    except OSError:
        epochs = []
    have = epoch_keys(store)
    for epoch in (e for e in epochs if e not in have):
        data = _read_json(office_dir(root, office) / "keys" / str(epoch) / f"{old_device}.json")
        try:
            got[epoch] = old_keys.unseal_key(crypto.unb64(data["sealed"]), f"{office}|{epoch}|{old_device}".encode())
        except (KeyError, TypeError, CryptoError):
            continue
    if got:
        _add_epoch_keys(store, got)
    former_member = refresh_members(store, root).get(old_device)
    if not (former_member and former_member.admin and former_member.revoked_after is None):
        for key in (FOUNDER_KEY, OFFICE_KEY, EPOCH_KEYS, MEMBERS_KEY):
            store.set_meta(key, "")
        revoked = former_member is not None and former_member.revoked_after is not None
        raise _error(FORMER_REVOKED if revoked else FORMER_NOT_ADMIN, path=str(root))
    keys = device_keys(store)
    me = store.device_id
    admitted_at = _now()
    _write_entry(root, office, {"kind": "admit", "device": me, "sign_key": keys.sign_public,
                                "box_key": keys.box_public, "admin": True, "by": old_device, "at": admitted_at,
                                "about": _seal_about(store, _about_me(store))}, old_keys)
    _seal_keys_to(store, root, me, keys.box_public)
    store.set_meta(FOLDER_KEY, str(Path(root).resolve()))
    store.set_meta(PULL_DUE_KEY, "1")
    refresh_members(store, root)
    while _now() <= admitted_at:  # the revoke must come after the admission it relies on, never in its millisecond
        time.sleep(0.002)
    revoke(store, root, old_device)
    return office

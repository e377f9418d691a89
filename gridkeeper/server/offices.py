"""The server's side of an office: creating one with the server as founder, verifying membership from the
signed entries it stores, admitting joiners of its own codes, and which member may write which file.

The entries, sealed keys and invites are the very files a share holds (sync/office.py), checked with the
same code (office.verify_entries)."""

from __future__ import annotations

import hashlib
import json
import os
import struct
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, select

from gridkeeper import clock
from gridkeeper.server import db
from gridkeeper.sync import crypto, protocol
from gridkeeper.sync import office as office_mod
from gridkeeper.sync.crypto import CryptoError, DeviceKeys

SERVER_DEVICE_PREFIX = "server-"


class Refused(Exception):
    """A request the office's rules refuse; `status` is the HTTP status, `reason` a short code."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


@dataclass(frozen=True)
class Device:
    device: str
    sign_key: str
    admin: bool
    revoked_after: int | None

    def accepts(self, seq: int) -> bool:
        return self.revoked_after is None or seq <= self.revoked_after


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _now() -> str:
    return clock.utcnow().isoformat(timespec="milliseconds")


def _under(prefix: str) -> tuple[Any, Any]:
    """path starts with prefix, as a range the primary key's index serves (LIKE would scan)."""
    return db.office_file.c.path >= prefix, db.office_file.c.path < prefix[:-1] + chr(ord(prefix[-1]) + 1)


def put_file(conn: Connection, office_id: str, path: str, data: bytes | None) -> int:
    """Store (or delete, data None) one control file under a new position; the position."""
    pos = db.take_positions(conn, office_id)
    found = conn.execute(select(db.office_file.c.path).where(
        and_(db.office_file.c.office == office_id, db.office_file.c.path == path))).first()
    if found:
        conn.execute(db.office_file.update().where(and_(db.office_file.c.office == office_id,
                                                        db.office_file.c.path == path)).values(data=data, pos=pos))
    else:
        conn.execute(db.office_file.insert().values(office=office_id, path=path, data=data, pos=pos))
    return pos


def get_file(conn: Connection, office_id: str, path: str) -> bytes | None:
    return conn.execute(select(db.office_file.c.data).where(
        and_(db.office_file.c.office == office_id, db.office_file.c.path == path))).scalar()


# -- creating an office ---------------------------------------------------------------


@dataclass(frozen=True)
class NewOffice:
    office: str
    code: str
    expires: str
    fingerprint: str


def create(engine: Engine, name: str, fingerprint: str, hours: int = office_mod.INVITE_HOURS) -> NewOffice:
    """An office with the server as founder and admin, and a code that admits its first admin laptop."""
    keys = DeviceKeys.generate()
    office_id = str(uuid.uuid4())
    me = SERVER_DEVICE_PREFIX + uuid.uuid4().hex[:12]
    epoch_key = crypto.random_key()
    about = {"cadre": "", "laptop": "server", "office": name}
    sealed_about = crypto.seal(crypto.derive(epoch_key, "about"), json.dumps(about, ensure_ascii=False).encode())
    info = {"format": office_mod.FORMAT, "suite": crypto.SUITE, "id": office_id, "founder": me,
            "founder_key": keys.sign_public, "created": _now()}
    entry_id, entry = office_mod.signed_entry(
        {"kind": "admit", "device": me, "sign_key": keys.sign_public, "box_key": keys.box_public, "admin": True,
         "by": me, "at": _now(), "about": {"epoch": 1, "sealed": crypto.b64(sealed_about)}}, keys)
    secrets = {"device": me, "keys": keys.to_text(), "epochs": {"1": crypto.b64(epoch_key)}, "invites": {}}
    with db.writer(engine).begin() as conn:
        conn.execute(db.office.insert().values(id=office_id, name=name, created=_now(), pos=0,
                                               founder_key=keys.sign_public, secrets=json.dumps(secrets)))
        put_file(conn, office_id, "office.json", json.dumps(info, indent=2).encode())
        put_file(conn, office_id, f"members/{entry_id}.json", entry)
        sealed = crypto.seal_key_to(keys.box_public, epoch_key, f"{office_id}|1|{me}".encode())
        put_file(conn, office_id, f"keys/1/{me}.json",
                 _canonical({"epoch": 1, "device": me, "sealed": crypto.b64(sealed)}))
        code, expires = _invite(conn, office_id, fingerprint, hours, admin=True)
    return NewOffice(office_id, crypto.show_code(code), expires, fingerprint)


def invite(engine: Engine, office_id: str, fingerprint: str, hours: int = office_mod.INVITE_HOURS,
           admin: bool = False) -> tuple[str, str]:
    """Another code made by the server itself (`server office invite`): the code as shown, its expiry."""
    with db.writer(engine).begin() as conn:
        code, expires = _invite(conn, office_id, fingerprint, hours, admin=admin)
    return crypto.show_code(code), expires


def _secrets(conn: Connection, office_id: str) -> dict[str, Any]:
    raw = conn.execute(select(db.office.c.secrets).where(db.office.c.id == office_id)).scalar()
    if raw is None:
        raise Refused(404, "no_office")
    return json.loads(raw) if raw else {}


def _set_secrets(conn: Connection, office_id: str, secrets: dict[str, Any]) -> None:
    conn.execute(db.office.update().where(db.office.c.id == office_id).values(secrets=json.dumps(secrets)))


def _invite(conn: Connection, office_id: str, fingerprint: str, hours: int, *, admin: bool) -> tuple[str, str]:
    secrets = _secrets(conn, office_id)
    if not secrets:
        raise Refused(409, "not_member")
    keys = DeviceKeys.from_text(secrets["keys"])
    epochs = _epochs(conn, office_id, secrets)
    code = crypto.new_code()
    lookup = crypto.code_lookup(code)
    salt, mac_key = os.urandom(16), crypto.random_key()
    expires = (clock.utcnow() + timedelta(hours=hours)).isoformat(timespec="seconds")
    founder = conn.execute(select(db.office.c.founder_key).where(db.office.c.id == office_id)).scalar()
    payload = {"office": office_id, "founder_key": founder, "admin": secrets["device"],
               "admin_key": keys.sign_public, "expires": expires, "mac_key": crypto.b64(mac_key),
               "keys": {str(e): crypto.b64(k) for e, k in epochs.items()}, "server": {"cert_sha256": fingerprint}}
    kdf = {"memory_kib": crypto.CODE_KDF_MEMORY_KIB, "iterations": crypto.CODE_KDF_ITERATIONS}
    sealed = crypto.seal(crypto.code_key(code, salt, kdf["memory_kib"], kdf["iterations"]), _canonical(payload),
                         lookup.encode())
    put_file(conn, office_id, f"invites/{lookup}.json",
             _canonical({"salt": crypto.b64(salt), "expires": expires, "kdf": kdf, "sealed": crypto.b64(sealed)}))
    secrets["invites"][lookup] = {"mac_key": crypto.b64(mac_key), "expires": expires, "used": False, "admin": admin}
    _set_secrets(conn, office_id, secrets)
    return code, expires


def _epochs(conn: Connection, office_id: str, secrets: dict[str, Any]) -> dict[int, bytes]:
    """The epoch keys the server holds, taking in any an admin laptop sealed to it since (a rotation)."""
    have = {int(e): crypto.unb64(k) for e, k in secrets.get("epochs", {}).items()}
    me = secrets["device"]
    rows = conn.execute(select(db.office_file.c.path, db.office_file.c.data).where(and_(
        db.office_file.c.office == office_id, db.office_file.c.path.like(f"keys/%/{me}.json")))).all()
    keys = DeviceKeys.from_text(secrets["keys"])
    for path, data in rows:
        epoch = int(path.split("/")[1])
        if epoch in have or data is None:
            continue
        try:
            have[epoch] = keys.unseal_key(crypto.unb64(json.loads(data)["sealed"]), f"{office_id}|{epoch}|{me}".encode())
        except (KeyError, ValueError, CryptoError):
            continue
    secrets["epochs"] = {str(e): crypto.b64(k) for e, k in sorted(have.items())}
    return have


# -- membership --------------------------------------------------------------------------


class Membership:
    """Each office's verified members, cached until an entry is added (checked by the members' newest
    position, one indexed query)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[int, dict[str, Device]]] = {}
        self._lock = threading.Lock()

    def of(self, conn: Connection, office_id: str) -> dict[str, Device]:
        version = conn.execute(select(func.max(db.office_file.c.pos)).where(and_(
            db.office_file.c.office == office_id, *_under("members/")))).scalar() or 0
        with self._lock:
            cached = self._cache.get(office_id)
        if cached and cached[0] == version:
            return cached[1]
        founder = conn.execute(select(db.office.c.founder_key).where(db.office.c.id == office_id)).scalar()
        if founder is None:
            raise Refused(404, "no_office")
        devices = _devices(founder, _entries(conn, office_id))
        with self._lock:
            self._cache[office_id] = (version, devices)
        return devices

    def forget(self, office_id: str) -> None:
        with self._lock:
            self._cache.pop(office_id, None)


def _entries(conn: Connection, office_id: str) -> list[dict[str, Any]]:
    out = []
    for (data,) in conn.execute(select(db.office_file.c.data).where(and_(
            db.office_file.c.office == office_id, *_under("members/")))):
        try:
            item = json.loads(data) if data else None
        except ValueError:
            continue
        if isinstance(item, dict) and isinstance(item.get("entry"), dict) and isinstance(item.get("sig"), str):
            out.append(item)
    return out


def _devices(founder: str, candidates: list[dict[str, Any]]) -> dict[str, Device]:
    out: dict[str, Device] = {}
    for c in office_mod.verify_entries(founder, candidates):
        e = c["entry"]
        device = str(e.get("device"))
        if e["kind"] == "admit" and device not in out:
            out[device] = Device(device, str(e["sign_key"]), bool(e.get("admin")), None)
        elif e["kind"] == "revoke" and device in out:
            until = e.get("until_seq")
            old = out[device]
            out[device] = Device(device, old.sign_key, old.admin, int(until) if isinstance(until, int) else 0)
    return out


def check_entry(conn: Connection, office_id: str, path: str, data: bytes) -> None:
    """A membership entry a laptop uploads is stored only if it verifies with the others (an admin signed it)."""
    try:
        item = json.loads(data)
        entry_id = item["entry"]["id"]
    except (ValueError, KeyError, TypeError):
        raise Refused(422, "unreadable") from None
    if path != f"members/{entry_id}.json":
        raise Refused(422, "misplaced")
    founder = conn.execute(select(db.office.c.founder_key).where(db.office.c.id == office_id)).scalar()
    verified = office_mod.verify_entries(founder or "", [*_entries(conn, office_id), item])
    if entry_id not in {c["entry"]["id"] for c in verified}:
        raise Refused(422, "signature")


# -- joining -----------------------------------------------------------------------------


def join_request(conn: Connection, office_id: str, request: dict[str, Any]) -> bool:
    """A new laptop's join request for an invite on the server: spend the invite, and admit the laptop at
    once when the server made the code (else keep the request for the admin laptop that did). True when
    admitted here."""
    device, lookup = request.get("device"), request.get("invite")
    if not isinstance(device, str) or not isinstance(lookup, str) or not protocol.SAFE_ID.match(device):
        raise Refused(422, "unreadable")
    if get_file(conn, office_id, f"invites/{lookup}.json") is None:
        raise Refused(404, "no_invite")  # unknown, spent or withdrawn
    try:
        signed = {k: v for k, v in request.items() if k != "sig"}
        crypto.verify(str(request["sign_key"]), crypto.unb64(request["sig"]), b"gk1 request " + _canonical(signed))
    except (KeyError, CryptoError):
        raise Refused(422, "signature") from None
    put_file(conn, office_id, f"invites/{lookup}.json", None)  # one use, on the server too
    secrets = _secrets(conn, office_id)
    grant = secrets.get("invites", {}).get(lookup) if secrets else None
    if grant is None:  # an admin laptop's code: it admits at its next sync, as on a share
        put_file(conn, office_id, f"requests/{device}.json", _canonical(request))
        return False
    body = _canonical({"device": device, "sign_key": request["sign_key"], "box_key": request["box_key"],
                       "invite": lookup})
    if grant.get("used") or datetime.fromisoformat(grant["expires"]) < clock.utcnow() or not crypto.mac_ok(
            crypto.unb64(grant["mac_key"]), body, request.get("mac")):
        raise Refused(403, "invite")
    keys = DeviceKeys.from_text(secrets["keys"])
    entry_id, entry = office_mod.signed_entry(
        {"kind": "admit", "device": device, "sign_key": request["sign_key"], "box_key": request["box_key"],
         "admin": bool(grant.get("admin")), "by": secrets["device"], "at": _now(), "about": request.get("about")},
        keys)
    put_file(conn, office_id, f"members/{entry_id}.json", entry)
    for epoch, key in _epochs(conn, office_id, secrets).items():
        sealed = crypto.seal_key_to(str(request["box_key"]), key, f"{office_id}|{epoch}|{device}".encode())
        put_file(conn, office_id, f"keys/{epoch}/{device}.json",
                 _canonical({"epoch": epoch, "device": device, "sealed": crypto.b64(sealed)}))
    grant["used"] = True
    _set_secrets(conn, office_id, secrets)
    return True


# -- batches and moving an office from a share --------------------------------------------


def batch_header(raw: bytes) -> dict[str, Any]:
    """The clear header of a sealed batch (folder.seal_batch); the server cannot read further, nor needs to."""
    if raw[:4] != b"GKB2" or len(raw) < 8 + crypto.SIGNATURE_BYTES:
        raise Refused(422, "unreadable")
    (size,) = struct.unpack(">I", raw[4:8])
    if size > 64 * 1024 or len(raw) < 8 + size + crypto.SIGNATURE_BYTES:
        raise Refused(422, "unreadable")
    try:
        header = json.loads(raw[8:8 + size])
        ints = [header[k] for k in ("first_seq", "seq", "prev", "epoch")]
    except (ValueError, KeyError, TypeError):
        raise Refused(422, "unreadable") from None
    if not all(type(v) is int for v in ints) or not 0 <= header["prev"] < header["first_seq"] <= header["seq"]:
        raise Refused(422, "unreadable")
    return header


@dataclass(frozen=True)
class Imported:
    office: str
    files: int
    batches: int
    refused: tuple[str, ...]  # batch files that are not a member's (kept on the share, not taken)


def import_share(engine: Engine, root: Path, name: str = "") -> Imported:
    """Take an office's files from a shared folder (the server's machine can read it): office.json, the
    membership, sealed keys, invites, requests and every member's batch, as they are. Run again, it takes
    only what is new (laptops that have not moved yet go on writing to the share meanwhile).

    The server is not a member of an office moved here (it holds no office key and makes no codes; admin
    laptops do); it checks batches' signatures against the membership, as for a push."""
    from gridkeeper.sync import safe_read

    found = office_mod.read_office(root)
    if len(found) != 1:
        raise Refused(404, "no_office" if not found else "several_offices")
    info = found[0]
    office_id = str(info["id"])
    folder = office_mod.office_dir(root, office_id)
    files = batches = 0
    refused: list[str] = []
    with db.writer(engine).begin() as conn:
        if conn.execute(select(db.office.c.id).where(db.office.c.id == office_id)).first() is None:
            conn.execute(db.office.insert().values(id=office_id, name=name, created=_now(), pos=0,
                                                   founder_key=str(info["founder_key"]), secrets=""))
        for path in sorted(folder.rglob("*.json")):
            rel = path.relative_to(folder).as_posix()
            if not protocol.CONTROL_PATH.match(rel):
                continue
            try:
                data = safe_read.read_limited(path, safe_read.MAX_SMALL_BYTES)
            except safe_read.Unsafe:
                continue
            if get_file(conn, office_id, rel) != data:
                put_file(conn, office_id, rel, data)
                files += 1
        members = _devices(str(info["founder_key"]), _entries(conn, office_id))
        for changes in sorted((folder / "devices").glob("*/changes")):
            device = changes.parent.name
            member = members.get(device)
            for path in sorted(changes.glob("*.gkb")):
                try:
                    raw = safe_read.read_limited(path, safe_read.MAX_BATCH_BYTES)
                    header = batch_header(raw)
                    if member is None or header.get("office") != office_id or header.get("device") != device \
                            or not member.accepts(header["seq"]) or path.name != f"{header['seq']:012d}.gkb":
                        raise Refused(422, "not_a_member_batch")
                    crypto.verify(member.sign_key, raw[-crypto.SIGNATURE_BYTES:], raw[:-crypto.SIGNATURE_BYTES])
                except (safe_read.Unsafe, Refused, CryptoError):
                    refused.append(f"{device}/{path.name}")
                    continue
                key = and_(db.batch.c.office == office_id, db.batch.c.device == device, db.batch.c.seq == header["seq"])
                if conn.execute(select(db.batch.c.seq).where(key)).first() is not None:
                    continue
                conn.execute(db.batch.insert().values(
                    office=office_id, device=device, seq=header["seq"], first_seq=header["first_seq"],
                    prev_seq=header["prev"], data=raw, sha256=hashlib.sha256(raw).hexdigest(), size=len(raw),
                    pos=db.take_positions(conn, office_id), received=_now()))
                batches += 1
    return Imported(office_id, files, batches, tuple(refused))

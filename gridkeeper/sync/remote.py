"""Sync with an office on a GridKeeper server (issue 19): the laptop's side of "The sync server".

The server holds the files a share holds. A laptop keeps a staging folder in its profile (`server-staging/`), laid
out as a share: a sync pulls the server's new files and batches into it page by page (by the server's
cursor), runs the folder sync on it (engine.sync_folder: apply, conflicts, gaps, repair, admission,
revocation: one code path for both transports), then uploads what that sync wrote there. Batches of other
laptops already applied are pruned from the staging folder afterwards.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import ssl
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from gridkeeper import __version__
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.store.engine import Store
from gridkeeper.sync import crypto, engine, office, protocol, remote_blobs
from gridkeeper.sync.engine import Progress, SyncResult
from gridkeeper.sync.folder import FolderShare, batch_name, profile_lock
from gridkeeper.sync.private import write_private

log = logging.getLogger("gridkeeper.sync")

SERVER_KEY = "office_server"  # {"url", "cert_pem"}: the server this laptop's office is on, its pinned certificate
CURSOR_KEY = "server_cursor"  # {"generation", "pos"}: how far this laptop has pulled
MANIFEST_KEY = "server_files"  # {path: sha256}: the office's control files as the server holds them
STAGING = remote_blobs.STAGING  # the staging folder in the profile, laid out as a share
TIMEOUT = 60.0
RETRIES = 3
_BATCH_FILE = re.compile(r"^(\d{12})\.gkb$")

OFFLINE = QT_TRANSLATE_NOOP(
    "errors", "The GridKeeper server {url} cannot be reached. Your data is safe on this laptop; sync again "
    "when you are online.")
CERT_CHANGED = QT_TRANSLATE_NOOP(
    "errors", "The server {url} did not show the certificate this laptop pinned when it joined. Nothing was "
    "sent. Someone may be intercepting the connection, or the server was reinstalled: ask the office's admin.")
CERT_NOT_VOUCHED = QT_TRANSLATE_NOOP(
    "errors", "The enrolment code is good, but the server {url} showed another certificate than the one the code "
    "vouches for. Nothing was sent. Someone may be intercepting the connection: check the address, or ask the "
    "admin.")
TOO_OLD = QT_TRANSLATE_NOOP(
    "errors", "The server {url} speaks sync protocol {server}, this GridKeeper only {client}: update GridKeeper on "
    "this laptop. Nothing was synced.")
SERVER_OLD = QT_TRANSLATE_NOOP(
    "errors", "The server {url} speaks sync protocol {server}, older than this GridKeeper's {client}: the server "
    "needs updating (tell the office's admin). Nothing was synced.")
NOT_ADMITTED = QT_TRANSLATE_NOOP(
    "errors", "The server {url} does not know this laptop yet: an admin's laptop admits it at its next sync. "
    "Nothing was synced; sync again later.")
SERVER_FAILED = QT_TRANSLATE_NOOP(
    "errors", "The server {url} could not do what was asked ({reason}). Your data is safe on this laptop; sync "
    "again later, and tell the office's admin if it goes on.")
NO_SERVER = QT_TRANSLATE_NOOP(
    "errors", "This laptop's office is not on a GridKeeper server. Sync with its shared folder instead.")
BAD_URL = QT_TRANSLATE_NOOP(
    "errors", "{url} is not a server address. Write it like https://192.168.1.10:8443.")
OTHER_SERVER_CODE = QT_TRANSLATE_NOOP(
    "errors", "The enrolment code {code} does not open an invitation on the server {url}: check the code and "
    "the address, or ask the admin for a new code (a code works once).")


class ServerOffline(GridKeeperError):
    def __init__(self, url: str, detail: str = "") -> None:
        super().__init__(OFFLINE, url=url)
        self.detail = detail


class ServerRefused(GridKeeperError):
    """The server answered, and the answer is no (or not now): said in words."""


@dataclass(frozen=True)
class Pinned:
    url: str
    cert_pem: str  # "" only for a client handed in by a test


def server_of(store: Store) -> Pinned | None:
    raw = store.meta(SERVER_KEY)
    if not raw:
        return None
    data = json.loads(raw)
    return Pinned(str(data["url"]), str(data.get("cert_pem", "")))


def staging(store: Store) -> Path:
    return store.root / STAGING


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ServerRefused(BAD_URL, url=url)
    return url.rstrip("/")


def fetch_certificate(url: str) -> str:
    """The certificate the server shows, unverified: it is checked against what the code vouches for."""
    parts = urlsplit(url)
    try:
        return ssl.get_server_certificate((parts.hostname or "", parts.port or 443), timeout=15)
    except (OSError, ssl.SSLError) as exc:
        raise ServerOffline(url, str(exc)) from exc


def fingerprint(pem: str) -> str:
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()


def _http(url: str, cert_pem: str) -> httpx.Client:
    """A client that trusts exactly the pinned certificate (its key; host names are not what we check)."""
    context = ssl.create_default_context(cadata=cert_pem)
    context.check_hostname = False
    return httpx.Client(base_url=url, verify=context, timeout=TIMEOUT, http2=False)


class Client:
    """Signed requests to one office on one server."""

    def __init__(self, url: str, http: httpx.Client, device: str = "", keys: crypto.DeviceKeys | None = None,
                 office_id: str = "") -> None:
        self.url, self.http = url, http
        self.device, self.keys, self.office = device, keys, office_id
        self._nonce = ""

    def close(self) -> None:
        self.http.close()

    def request(self, method: str, target: str, body: bytes = b"", *, signed: bool = True,
                ok: tuple[int, ...] = (200,)) -> httpx.Response:
        for attempt in range(RETRIES + 1):
            headers = {protocol.H_PROTOCOL: str(protocol.PROTOCOL), protocol.H_APP: __version__}
            if signed:
                if not self._nonce:
                    self._nonce = self._challenge()
                assert self.keys is not None
                headers.update({protocol.H_OFFICE: self.office, protocol.H_DEVICE: self.device,
                                protocol.H_NONCE: self._nonce,
                                protocol.H_SIGNATURE: crypto.b64(self.keys.sign(
                                    protocol.signed_text(method, target, self._nonce, body)))})
            if body:
                headers["Content-Type"] = "application/octet-stream"
            response = self._send(method, target, body, headers)
            reason = _reason(response)
            if response.status_code == 401 and reason == "nonce" and attempt < RETRIES:
                self._nonce = ""  # expired during a long sync: a fresh one
                continue
            if response.status_code == 429 and attempt < RETRIES:
                time.sleep(min(5.0, float(response.headers.get("Retry-After", "1"))))
                continue
            if response.status_code in (502, 503, 504) and attempt < RETRIES:
                time.sleep(0.5 * (attempt + 1))
                continue
            if response.status_code in ok:
                return response
            raise self._refusal(response, reason)
        raise ServerOffline(self.url, "retries exhausted")

    def _challenge(self) -> str:
        response = self._send("GET", f"/v1/challenge?device={self.device}", b"",
                              {protocol.H_PROTOCOL: str(protocol.PROTOCOL)})
        if response.status_code != 200:
            raise self._refusal(response, _reason(response))
        return str(response.json()["nonce"])

    def _send(self, method: str, target: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
        try:
            return self.http.request(method, target, content=body or None, headers=headers)
        except httpx.ConnectError as exc:
            if "CERTIFICATE_VERIFY_FAILED" in str(exc) or isinstance(exc.__context__, ssl.SSLCertVerificationError):
                raise ServerRefused(CERT_CHANGED, url=self.url) from exc
            raise ServerOffline(self.url, str(exc)) from exc
        except httpx.TransportError as exc:  # refused, reset, timed out, cut mid-way
            raise ServerOffline(self.url, str(exc)) from exc

    def _refusal(self, response: httpx.Response, reason: str) -> GridKeeperError:
        status = response.status_code
        if status == 426:
            low, high = (int(v) for v in (response.json().get("server") or [0, 0]))
            spoken = f"{low}" if low == high else f"{low}-{high}"
            return ServerRefused(TOO_OLD if high > protocol.PROTOCOL else SERVER_OLD, url=self.url, server=spoken,
                                 client=protocol.PROTOCOL)
        if status == 403 and reason == "revoked":
            return ServerRefused(engine.REVOKED)
        if status == 401 and reason == "unknown_device":
            return ServerRefused(NOT_ADMITTED, url=self.url)
        if status >= 500:
            return ServerOffline(self.url, f"{status} {reason}")
        return ServerRefused(SERVER_FAILED, url=self.url, reason=f"{status} {reason}")

    def get_json(self, target: str, *, signed: bool = True) -> dict[str, Any]:
        return dict(self.request("GET", target, signed=signed).json())


def _reason(response: httpx.Response) -> str:
    try:
        return str(response.json().get("error", ""))
    except (ValueError, AttributeError):
        return ""


def office_client(store: Store, http: httpx.Client | None = None) -> Client | None:
    """A client for this laptop's office on its server; None when the office is on a shared folder.
    The caller closes it (`close()`) unless it handed in `http`."""
    pinned = server_of(store)
    return None if pinned is None or not office.office_id(store) else _client(store, pinned, http)


def _client(store: Store, pinned: Pinned, http: httpx.Client | None) -> Client:
    keys = office.device_keys(store)
    return Client(pinned.url, http or _http(pinned.url, pinned.cert_pem), store.device_id, keys,
                  office.office_id(store) or "")


# -- joining -------------------------------------------------------------------------------


def join(store: Store, url: str, code_text: str, *, http: httpx.Client | None = None,
         cert_pem: str | None = None) -> tuple[str, bool]:
    """Join the office whose invite the code opens on the server at `url`; (office id, admitted now).

    The server's certificate is fetched unverified, then checked against the fingerprint sealed in the
    invite under the code, before anything of ours is sent (architecture.md, "Transport")."""
    url = _check_url(url)
    if office.office_id(store):
        raise office.OfficeError(office.ALREADY, office=office.office_id(store))
    pem = cert_pem if cert_pem is not None else fetch_certificate(url)
    client = Client(url, http or _http(url, pem))
    code = crypto.normalise_code(code_text)
    lookup = crypto.code_lookup(code)
    shown = crypto.show_code(code)
    try:
        try:
            found = client.get_json(f"/v1/invites/{lookup}", signed=False)["offices"]
        except ServerRefused:
            raise ServerRefused(OTHER_SERVER_CODE, code=shown, url=url) from None
        root = staging(store)
        for office_id in found:
            if not protocol.SAFE_ID.match(str(office_id)):
                continue
            files = client.get_json(f"/v1/offices/{office_id}/invites/{lookup}", signed=False)
            folder = office.office_dir(root, office_id)
            write_private(folder / "office.json", base64.b64decode(files["office.json"]))
            write_private(folder / "invites" / f"{lookup}.json", base64.b64decode(files["invite"]))

        def vouched(payload: dict[str, Any]) -> None:
            wanted = str((payload.get("server") or {}).get("cert_sha256", ""))
            if not pem or fingerprint(pem) != wanted:
                raise ServerRefused(CERT_NOT_VOUCHED, url=url)

        try:
            office_id = office.join(store, root, code, check=vouched)
        except office.OfficeError as exc:
            if exc.message == office.BAD_CODE:
                raise ServerRefused(OTHER_SERVER_CODE, code=shown, url=url) from None
            raise
        store.set_meta(SERVER_KEY, json.dumps({"url": url, "cert_pem": pem}))
        request = (office.office_dir(root, office_id) / "requests" / f"{store.device_id}.json").read_bytes()
        admitted = bool(client.request("POST", f"/v1/offices/{office_id}/join", request, signed=False).json()
                        .get("admitted"))
    finally:
        if http is None:
            client.close()
    return office_id, admitted


# -- one sync ----------------------------------------------------------------------------


def sync_server(store: Store, url: str | None = None, progress: Progress | None = None, *,
                http: httpx.Client | None = None) -> SyncResult:
    """Sync this profile with its office on its server; never raises for an unreachable server."""
    report = progress or (lambda _p, _m: None)
    pinned = server_of(store)
    target = url or (pinned.url if pinned else "")
    result = SyncResult()
    client: Client | None = None
    try:
        if pinned is None:
            raise ServerRefused(NO_SERVER)
        if url and _check_url(url) != pinned.url:  # the server moved to another address: the same certificate
            pinned = Pinned(_check_url(url), pinned.cert_pem)
            store.set_meta(SERVER_KEY, json.dumps({"url": pinned.url, "cert_pem": pinned.cert_pem}))
        client = _client(store, pinned, http)
        root = staging(store)
        with profile_lock(store.root):
            report(2, "pull")
            _pull(store, client, root)
            result = engine.sync_folder(store, root, lambda p, m: report(10 + p * 8 // 10, m), lock=False)
            if result.status == "ok" and result.missing:
                # The prev chain says a batch is missing: ask the server for it by its seq (a position lost
                # to a restore, say), then apply again.
                for gap in result.missing:
                    _fetch_range(store, client, root, gap.device, gap.from_seq - 1, gap.to_seq)
                result = _merge(result, engine.sync_folder(store, root, lock=False))
            if result.status != "ok":
                return result
            report(92, "upload")
            _upload(store, client, root)
            remote_blobs.upload(client, root)  # photos after the batches whose records name them
            _prune(store, root)
    except ServerOffline as exc:
        log.info("server offline: %s", exc.detail)
        result.status, result.message = "offline", exc.english()
        result.error = exc  # type: ignore[attr-defined]
    except GridKeeperError as exc:
        result.status, result.message = "refused", exc.english()
        result.error = exc  # type: ignore[attr-defined]
    finally:
        if client is not None and http is None:
            client.close()
    if result.status == "ok":
        report(100, "done")
    log.info("server sync with %s: %s", target, result.status)
    return result


def _merge(first: SyncResult, second: SyncResult) -> SyncResult:
    for name in ("pushed_batches", "pushed_changes", "pulled_batches", "pulled_changes", "duplicates", "conflicts",
                 "repaired_batches", "adopted"):
        setattr(second, name, getattr(first, name) + getattr(second, name))
    second.admitted = first.admitted + second.admitted
    second.set_aside = first.set_aside + second.set_aside
    second.clock_behind_days = max(first.clock_behind_days, second.clock_behind_days)
    return second


def _json_meta(store: Store, key: str, default: Any) -> Any:
    raw = store.meta(key)
    try:
        return json.loads(raw) if raw else default
    except ValueError:
        return default


def _pull(store: Store, client: Client, root: Path) -> None:
    """Pull the server's pages after our cursor into the staging folder, noting the cursor after each."""
    cursor = _json_meta(store, CURSOR_KEY, {"generation": "", "pos": 0})
    manifest: dict[str, str] = _json_meta(store, MANIFEST_KEY, {})
    if not (office.office_dir(root, client.office) / "office.json").is_file():
        cursor, manifest = {"generation": cursor["generation"], "pos": 0}, {}  # the staging folder was lost
    restarted = False
    while True:
        page = client.get_json(f"/v1/offices/{client.office}/changes?after={int(cursor['pos'])}"
                               f"&limit={protocol.PAGE_LIMIT}")
        if (page["generation"] != cursor["generation"] or int(page["head"]) < int(cursor["pos"])) and not restarted:
            # Another database than the one our cursor counts in (restored from a backup): start again from 0.
            # Applying is idempotent, so nothing is lost and nothing is applied twice.
            if cursor["generation"]:
                log.warning("server generation %s -> %s: pulling from the start", cursor["generation"],
                            page["generation"])
            cursor, manifest, restarted = {"generation": page["generation"], "pos": 0}, {}, True
            continue
        folder = office.office_dir(root, client.office)
        for item in page["items"]:
            if item["kind"] == "file":
                _take_file(folder, item, manifest)
            else:
                _take_batch(store, folder, item)
        cursor = {"generation": page["generation"], "pos": int(page["next"])}
        store.set_meta(MANIFEST_KEY, json.dumps(manifest, sort_keys=True))
        store.set_meta(CURSOR_KEY, json.dumps(cursor))
        if not page.get("more"):
            return


def _take_file(folder: Path, item: dict[str, Any], manifest: dict[str, str]) -> None:
    path = str(item["path"])
    if not protocol.CONTROL_PATH.match(path):
        return
    target = folder / path
    if item["data"] is None:
        target.unlink(missing_ok=True)
        manifest.pop(path, None)
        return
    data = base64.b64decode(item["data"])
    write_private(target, data)
    manifest[path] = hashlib.sha256(data).hexdigest()


def _take_batch(store: Store, folder: Path, item: dict[str, Any]) -> None:
    device, seq = str(item["device"]), int(item["seq"])
    if not protocol.SAFE_ID.match(device):
        return
    target = folder / "devices" / device / "changes" / batch_name(seq)
    if device == store.device_id:
        if target.exists():  # ours: the staging copy is what the engine checks against its record
            return
    elif seq <= engine._cursor(store, device):
        return  # applied already
    write_private(target, base64.b64decode(item["data"]))
    try:  # the server's clock is the third clock the engine compares (its time of receipt)
        received = datetime.fromisoformat(str(item["received"])).timestamp()
        os.utime(target, (received, received))
    except (ValueError, OSError):
        pass


def _fetch_range(store: Store, client: Client, root: Path, device: str, after_seq: int, upto_seq: int) -> None:
    if not protocol.SAFE_ID.match(device):
        return
    page = client.get_json(f"/v1/offices/{client.office}/devices/{device}/batches?after_seq={max(0, after_seq)}"
                           f"&upto_seq={upto_seq}")
    folder = office.office_dir(root, client.office)
    for item in page["items"]:
        _take_batch(store, folder, {**item, "device": device})


def _upload(store: Store, client: Client, root: Path) -> None:
    """Send what the folder sync wrote in the staging folder: our batches the server lacks (or holds other
    bytes of), membership entries, sealed keys and invites; delete invites and requests it removed."""
    folder = office.office_dir(root, client.office)
    manifest: dict[str, str] = _json_meta(store, MANIFEST_KEY, {})
    present = set()
    for sub in ("members", "keys", "invites"):
        base = folder / sub
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.json")):
            rel = path.relative_to(folder).as_posix()
            if not protocol.CONTROL_PATH.match(rel):
                continue
            present.add(rel)
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if manifest.get(rel) == digest:
                continue
            try:
                client.request("PUT", f"/v1/offices/{client.office}/files/{rel}", data)
                manifest[rel] = digest
            except ServerRefused as exc:  # not ours to write (a non-admin): the server keeps its own
                log.warning("the server refused %s: %s", rel, exc)
    for rel in sorted(manifest):
        if rel.startswith(("invites/", "requests/")) and not (folder / rel).exists() and rel not in present:
            try:
                client.request("DELETE", f"/v1/offices/{client.office}/files/{rel}")
            except ServerRefused as exc:
                log.warning("the server refused to delete %s: %s", rel, exc)
            manifest.pop(rel, None)
    store.set_meta(MANIFEST_KEY, json.dumps(manifest, sort_keys=True))
    held = {int(s): h for s, h in client.get_json(
        f"/v1/offices/{client.office}/devices/{client.device}/index")["batches"]}
    mine = folder / "devices" / client.device / "changes"
    for name in sorted(os.listdir(mine)) if mine.is_dir() else []:
        match = _BATCH_FILE.match(name)
        if not match:
            continue
        data = (mine / name).read_bytes()
        if held.get(int(match.group(1))) != hashlib.sha256(data).hexdigest():
            client.request("PUT", f"/v1/offices/{client.office}/devices/{client.device}/batches/{int(match.group(1))}",
                           data)


def _prune(store: Store, root: Path) -> None:
    """Other laptops' batches below what we applied of them are never read again: remove them (the one at
    the cursor stays, for an admin's revocation to name)."""
    office_id = office.office_id(store) or ""
    share = FolderShare(root, office_id)
    for device in share.devices():
        if device == store.device_id:
            continue
        cursor = engine._cursor(store, device)
        for seq, path in share.batch_files(device).items():
            if seq < cursor:
                path.unlink(missing_ok=True)


def invite(store: Store, hours: int = office.INVITE_HOURS, *, http: httpx.Client | None = None) -> office.Invite:
    """An admin laptop's enrolment code for its office on the server: the server's certificate fingerprint
    goes into the sealed invite, and the invite is uploaded at once."""
    pinned = server_of(store)
    if pinned is None:
        raise ServerRefused(NO_SERVER)
    extra = {"server": {"cert_sha256": fingerprint(pinned.cert_pem) if pinned.cert_pem else ""}}
    made = office.invite(store, staging(store), hours, extra=extra)
    client = _client(store, pinned, http)
    try:
        with profile_lock(store.root):
            _upload(store, client, staging(store))
    finally:
        if http is None:
            client.close()
    return made


def publish(store: Store, *, http: httpx.Client | None = None) -> None:
    """Upload what an office action wrote in the staging folder (a revocation and its rotated keys)."""
    pinned = server_of(store)
    if pinned is None:
        raise ServerRefused(NO_SERVER)
    client = _client(store, pinned, http)
    try:
        with profile_lock(store.root):
            _upload(store, client, staging(store))
    finally:
        if http is None:
            client.close()


FINGERPRINT_MISMATCH = QT_TRANSLATE_NOOP(
    "errors", "The server {url} shows a certificate with fingerprint {found}, not the {given} you were given. "
    "Nothing was changed: check the address and the fingerprint with the server's operator.")
NOT_MOVED = QT_TRANSLATE_NOOP(
    "errors", "The server {url} does not hold this laptop's office yet. Its operator moves it there first "
    "(gridkeeper server office import --folder). Nothing was changed.")


def move(store: Store, url: str, given_fingerprint: str, *, http: httpx.Client | None = None,
         cert_pem: str | None = None) -> SyncResult:
    """Move this laptop's office sync from its shared folder to the server the office was moved to: pin the
    server's certificate (the fingerprint its operator gave), then sync through it. The profile keeps
    everything; batches already applied are not applied again, and what this laptop wrote only to the share
    is sent to the server by this first sync."""
    url = _check_url(url)
    if not office.office_id(store):
        raise office.OfficeError(office.NO_OFFICE, path=url)
    pem = cert_pem if cert_pem is not None else fetch_certificate(url)
    wanted = given_fingerprint.replace(":", "").strip().lower()
    if fingerprint(pem) != wanted:
        raise ServerRefused(FINGERPRINT_MISMATCH, url=url, found=fingerprint(pem), given=wanted)
    client = Client(url, http or _http(url, pem), store.device_id, office.device_keys(store),
                    office.office_id(store) or "")
    try:
        answer = client.request("GET", f"/v1/offices/{client.office}/devices/{store.device_id}/index",
                                ok=(200, 401, 404))
    finally:
        if http is None:
            client.close()
    if answer.status_code != 200:
        raise ServerRefused(NOT_MOVED, url=url)
    store.set_meta(SERVER_KEY, json.dumps({"url": url, "cert_pem": pem}))
    store.set_meta(CURSOR_KEY, "")
    store.set_meta(MANIFEST_KEY, "")
    store.set_meta(office.FOLDER_KEY, str(staging(store).resolve()))
    return sync_server(store, url, http=http)

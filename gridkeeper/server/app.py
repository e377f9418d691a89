"""The sync server's HTTP API (Starlette): authentication, push, pull, join, health and metrics.

The protocol is in architecture.md ("The sync server") and sync/protocol.py. Database work runs in
Starlette's thread pool on SQLAlchemy's synchronous engine; only what must wait for the network is async.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, and_, func, select
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from gridkeeper import __version__, clock
from gridkeeper.server import blobs, db, offices
from gridkeeper.server.offices import Device, Refused
from gridkeeper.sync import crypto, protocol
from gridkeeper.sync.crypto import CryptoError

log = logging.getLogger("gridkeeper.server")

NONCE_SECONDS = 600  # a challenge is good for ten minutes, whatever the laptop's own clock says
BUCKET_BURST = 120  # requests a device may make at once
BUCKET_RATE = 20.0  # and then per second
LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}
MAX_BUCKETS = 10_000  # rate-limit buckets kept (devices and client addresses) before idle ones are dropped


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass
class Limits:
    burst: int = BUCKET_BURST
    rate: float = BUCKET_RATE
    max_body: int = protocol.MAX_BODY_BYTES
    buckets: dict[str, _Bucket] = field(default_factory=dict)

    def allow(self, key: str) -> float:
        """0 if the request may go on, else the seconds to wait."""
        now = time.monotonic()
        bucket = self.buckets.get(key)
        if bucket is None:
            if len(self.buckets) >= MAX_BUCKETS:  # many addresses: forget those that would be full again by now
                idle = self.burst / self.rate
                self.buckets = {k: b for k, b in self.buckets.items() if now - b.at < idle}
            bucket = self.buckets[key] = _Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate


class Server:
    """One server: its database, certificate fingerprint, membership cache, limits and counters."""

    def __init__(self, engine: Engine, fingerprint: str = "", limits: Limits | None = None,
                 public_metrics: bool = False) -> None:
        self.engine = engine
        self.writer = db.writer(engine)
        # One snapshot per read transaction on PostgreSQL: a page never skips a position committed between
        # two of its statements (SQLite's read transactions are snapshots already).
        self.reader = engine.execution_options(isolation_level="REPEATABLE READ") if (
            engine.url.get_backend_name() == "postgresql") else engine
        self.fingerprint = fingerprint
        self.limits = limits or Limits()
        self.public_metrics = public_metrics
        self.protocols = (protocol.PROTOCOL, protocol.PROTOCOL)  # the oldest and newest wire protocol spoken
        self.membership = offices.Membership()
        self.requests: dict[int, int] = {}
        self.seen: dict[tuple[str, str], tuple[str, int]] = {}  # (office, device): (last seen, pulled up to)
        self.seen_written: dict[tuple[str, str], float] = {}
        with engine.connect() as conn:
            self.secret = bytes.fromhex(db.meta(conn, "secret") or "")
            self.generation = db.meta(conn, "generation") or ""

    # -- nonces ----------------------------------------------------------------------

    def nonce(self, device: str) -> str:
        stamp, rand = str(int(clock.machine_seconds())), secrets.token_hex(8)
        return f"{stamp}.{rand}.{self._mac(stamp, rand, device)}"

    def _mac(self, stamp: str, rand: str, device: str) -> str:
        return hmac.new(self.secret, f"{stamp}.{rand}.{device}".encode(), hashlib.sha256).hexdigest()[:32]

    def nonce_ok(self, nonce: str, device: str) -> bool:
        try:
            stamp, rand, tag = nonce.split(".")
            age = clock.machine_seconds() - int(stamp)
        except ValueError:
            return False
        return -60 <= age <= NONCE_SECONDS and hmac.compare_digest(tag, self._mac(stamp, rand, device))


# -- helpers ----------------------------------------------------------------------------


def _error(status: int, reason: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": reason, **extra}, status_code=status)


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is larger than `limit`, before it is all read."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise Refused(413, "too_large")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, "too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _target(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def _int(request: Request, name: str, default: int = 0) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or len(raw) > 18:
        raise Refused(400, "bad_query")
    return int(raw)


# -- the endpoints ----------------------------------------------------------------------


def build_app(server: Server) -> Starlette:
    async def authenticate(request: Request, body: bytes) -> tuple[str, Device]:
        office_id = request.path_params.get("office", "")
        device = request.headers.get(protocol.H_DEVICE, "")
        nonce = request.headers.get(protocol.H_NONCE, "")
        if not protocol.SAFE_ID.match(office_id) or not protocol.SAFE_ID.match(device):
            raise Refused(401, "unknown_device")
        if not server.nonce_ok(nonce, device):
            raise Refused(401, "nonce")
        members = await run_in_threadpool(_members, server, office_id)
        member = members.get(device)
        if member is None:
            raise Refused(401, "unknown_device")
        try:
            crypto.verify(member.sign_key, crypto.unb64(request.headers.get(protocol.H_SIGNATURE, "")),
                          protocol.signed_text(request.method, _target(request), nonce, body))
        except CryptoError:
            raise Refused(401, "signature") from None
        if member.revoked_after is not None:
            raise Refused(403, "revoked")
        wait = server.limits.allow(f"{office_id}/{device}")
        if wait:
            raise Refused(429, f"rate:{wait:.1f}")
        return office_id, member

    def endpoint(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def wrapped(request: Request) -> Response:
            started = time.perf_counter()
            if request.url.path.startswith("/v1/"):
                spoken = request.headers.get(protocol.H_PROTOCOL, "")
                low, high = server.protocols
                if not spoken.isdigit() or not low <= int(spoken) <= high:
                    response: Response = _error(426, "protocol", server=[low, high], client=spoken,
                                                version=__version__)
                    return _logged(request, response, started)
            try:
                response = await handler(request)
            except Refused as exc:
                if exc.reason.startswith("rate:"):
                    response = _error(429, "rate")
                    response.headers["Retry-After"] = str(max(1, round(float(exc.reason[5:]))))
                else:
                    response = _error(exc.status, exc.reason)
            except ClientDisconnect:
                response = _error(400, "disconnected")
            return _logged(request, response, started)

        return wrapped

    def _logged(request: Request, response: Response, started: float) -> Response:
        server.requests[response.status_code] = server.requests.get(response.status_code, 0) + 1
        log.info("%s %s %s %s %.0fms", request.method, request.url.path, response.status_code,
                 request.headers.get(protocol.H_DEVICE, "-")[:12], (time.perf_counter() - started) * 1000)
        return response

    @endpoint
    async def health(request: Request) -> Response:
        def ping() -> None:
            with server.engine.connect() as conn:
                conn.execute(select(1))

        try:
            await run_in_threadpool(ping)
        except Exception:
            log.exception("health check: database")
            return _error(503, "database")
        return JSONResponse({"status": "ok", "version": __version__, "protocol": protocol.PROTOCOL})

    @endpoint
    async def metrics(request: Request) -> Response:
        host = request.client.host if request.client else ""
        if not server.public_metrics and host not in LOOPBACK:
            return _error(403, "metrics_loopback_only")
        return PlainTextResponse(await run_in_threadpool(_metrics, server))

    @endpoint
    async def info(request: Request) -> Response:
        return JSONResponse({"protocol": list(server.protocols), "version": __version__,
                             "generation": server.generation})

    @endpoint
    async def challenge(request: Request) -> Response:
        device = request.query_params.get("device", "")
        if not protocol.SAFE_ID.match(device):
            raise Refused(400, "bad_query")
        return JSONResponse({"nonce": server.nonce(device)})

    @endpoint
    async def invite(request: Request) -> Response:
        """office.json and the invite a code names: whoever can name the invite holds the code."""
        host = request.client.host if request.client else "?"
        wait = server.limits.allow(f"ip/{host}")
        if wait:
            raise Refused(429, f"rate:{wait:.1f}")
        office_id, lookup = request.path_params["office"], request.path_params["lookup"]
        if not protocol.CONTROL_PATH.match(f"invites/{lookup}.json"):
            raise Refused(404, "no_invite")

        def read() -> dict[str, Any]:
            with server.reader.connect() as conn:
                data = offices.get_file(conn, office_id, f"invites/{lookup}.json")
                info = offices.get_file(conn, office_id, "office.json")
            if data is None or info is None:
                raise Refused(404, "no_invite")
            return {"office.json": base64.b64encode(info).decode(), "invite": base64.b64encode(data).decode()}

        return JSONResponse(await run_in_threadpool(read))

    @endpoint
    async def find_invite(request: Request) -> Response:
        """Which office on this server holds the invite a code names (a laptop joining knows only the code)."""
        host = request.client.host if request.client else "?"
        wait = server.limits.allow(f"ip/{host}")
        if wait:
            raise Refused(429, f"rate:{wait:.1f}")
        lookup = request.path_params["lookup"]
        if not protocol.CONTROL_PATH.match(f"invites/{lookup}.json"):
            raise Refused(404, "no_invite")

        def read() -> list[str]:
            with server.reader.connect() as conn:
                return [r[0] for r in conn.execute(select(db.office_file.c.office).where(and_(
                    db.office_file.c.path == f"invites/{lookup}.json", db.office_file.c.data.is_not(None))))]

        found = await run_in_threadpool(read)
        if not found:
            raise Refused(404, "no_invite")
        return JSONResponse({"offices": found})

    @endpoint
    async def join(request: Request) -> Response:
        host = request.client.host if request.client else "?"
        wait = server.limits.allow(f"ip/{host}")
        if wait:
            raise Refused(429, f"rate:{wait:.1f}")
        body = await _body(request, protocol.MAX_FILE_BYTES)
        office_id = request.path_params["office"]
        try:
            item = json.loads(body)
        except ValueError:
            raise Refused(422, "unreadable") from None
        if not isinstance(item, dict):
            raise Refused(422, "unreadable")

        def work() -> bool:
            with server.writer.begin() as conn:
                return offices.join_request(conn, office_id, item)

        admitted = await run_in_threadpool(work)
        server.membership.forget(office_id)
        return JSONResponse({"admitted": admitted})

    @endpoint
    async def changes(request: Request) -> Response:
        office_id, me = await authenticate(request, b"")
        after, limit = _int(request, "after"), min(max(_int(request, "limit", protocol.PAGE_LIMIT), 1),
                                                   protocol.PAGE_LIMIT)
        page = await run_in_threadpool(_page, server, office_id, me.device, after, limit)
        return JSONResponse(page)

    @endpoint
    async def device_batches(request: Request) -> Response:
        office_id, _me = await authenticate(request, b"")
        device = request.path_params["device"]
        after, upto = _int(request, "after_seq"), _int(request, "upto_seq", 10**17)

        def read() -> dict[str, Any]:
            with server.reader.connect() as conn:
                rows = conn.execute(select(db.batch.c.seq, db.batch.c.data, db.batch.c.pos, db.batch.c.received)
                                    .where(and_(db.batch.c.office == office_id, db.batch.c.device == device,
                                                db.batch.c.seq > after, db.batch.c.seq <= upto))
                                    .order_by(db.batch.c.seq).limit(protocol.PAGE_LIMIT)).all()
            return {"items": [_batch_item(device, seq, data, pos, received) for seq, data, pos, received in rows]}

        return JSONResponse(await run_in_threadpool(read))

    @endpoint
    async def device_index(request: Request) -> Response:
        office_id, _me = await authenticate(request, b"")
        device = request.path_params["device"]

        def read() -> list[list[Any]]:
            with server.reader.connect() as conn:
                return [[s, h] for s, h in conn.execute(select(db.batch.c.seq, db.batch.c.sha256).where(and_(
                    db.batch.c.office == office_id, db.batch.c.device == device)).order_by(db.batch.c.seq))]

        return JSONResponse({"batches": await run_in_threadpool(read)})

    @endpoint
    async def push_batch(request: Request) -> Response:
        body = await _body(request, server.limits.max_body)
        office_id, me = await authenticate(request, body)
        device, seq = request.path_params["device"], int(request.path_params["seq"])
        if device != me.device:
            raise Refused(403, "not_yours")
        header = offices.batch_header(body)
        if header.get("office") != office_id or header.get("device") != device or header["seq"] != seq:
            raise Refused(422, "misplaced")
        try:
            crypto.verify(me.sign_key, body[-crypto.SIGNATURE_BYTES:], body[:-crypto.SIGNATURE_BYTES])
        except CryptoError:
            raise Refused(422, "signature") from None
        if not me.accepts(seq):
            raise Refused(403, "revoked")
        stored = await run_in_threadpool(_store_batch, server, office_id, device, header, body)
        return JSONResponse({"stored": stored})

    @endpoint
    async def put_file(request: Request) -> Response:
        body = await _body(request, protocol.MAX_FILE_BYTES)
        office_id, me = await authenticate(request, body)
        path = request.path_params["path"]
        if not protocol.CONTROL_PATH.match(path) or path == "office.json" or path.startswith("requests/"):
            raise Refused(403, "not_writable")
        stored = await run_in_threadpool(_store_file, server, office_id, me, path, body)
        return JSONResponse({"stored": stored})

    @endpoint
    async def delete_file(request: Request) -> Response:
        office_id, me = await authenticate(request, b"")
        path = request.path_params["path"]
        if not path.startswith(("invites/", "requests/")) or not protocol.CONTROL_PATH.match(path):
            raise Refused(403, "not_writable")
        if not me.admin:
            raise Refused(403, "not_admin")

        def work() -> bool:
            with server.writer.begin() as conn:
                if offices.get_file(conn, office_id, path) is None:
                    return False
                offices.put_file(conn, office_id, path, None)
                return True

        return JSONResponse({"deleted": await run_in_threadpool(work)})

    office = "/v1/offices/{office}"
    routes = [
        Route("/healthz", health),
        Route("/metrics", metrics),
        Route("/v1/info", info),
        Route("/v1/challenge", challenge),
        Route("/v1/invites/{lookup}", find_invite),
        Route(office + "/invites/{lookup}", invite),
        Route(office + "/join", join, methods=["POST"]),
        Route(office + "/changes", changes),
        Route(office + "/devices/{device}/batches", device_batches),
        Route(office + "/devices/{device}/index", device_index),
        Route(office + "/devices/{device}/batches/{seq:int}", push_batch, methods=["PUT"]),
        Route(office + "/files/{path:path}", put_file, methods=["PUT"]),
        Route(office + "/files/{path:path}", delete_file, methods=["DELETE"]),
    ]
    routes += blobs.routes(server, endpoint, authenticate, _body)  # photos and scans (server/blobs.py)
    app = Starlette(routes=routes)
    app.state.server = server
    return app


# -- database work (in the thread pool) ------------------------------------------------------


def _members(server: Server, office_id: str) -> dict[str, Device]:
    with server.reader.connect() as conn:
        return server.membership.of(conn, office_id)


def _batch_item(device: str, seq: int, data: bytes, pos: int, received: str) -> dict[str, Any]:
    return {"pos": pos, "kind": "batch", "device": device, "seq": seq, "received": received,
            "data": base64.b64encode(data).decode()}


def _page(server: Server, office_id: str, device: str, after: int, limit: int) -> dict[str, Any]:
    """Files and batches after `after`, in position order, at most `limit` and PAGE_BYTES of batches."""
    with server.reader.connect() as conn:
        head = conn.execute(select(db.office.c.pos).where(db.office.c.id == office_id)).scalar() or 0
        files = conn.execute(select(db.office_file.c.pos, db.office_file.c.path, db.office_file.c.data).where(and_(
            db.office_file.c.office == office_id, db.office_file.c.pos > after, db.office_file.c.pos <= head))
            .order_by(db.office_file.c.pos).limit(limit)).all()
        metas = conn.execute(select(db.batch.c.pos, db.batch.c.size).where(and_(
            db.batch.c.office == office_id, db.batch.c.pos > after, db.batch.c.pos <= head))
            .order_by(db.batch.c.pos).limit(limit)).all()
        entries: list[tuple[int, str, Any]] = [(p, "file", (path, data)) for p, path, data in files]
        entries += [(p, "batch", size) for p, size in metas]
        entries.sort(key=lambda e: e[0])
        chosen, total = [], 0
        for entry in entries[:limit]:
            if entry[1] == "batch":
                if chosen and total + entry[2] > protocol.PAGE_BYTES:
                    break
                total += entry[2]
            chosen.append(entry)
        wanted = [e[0] for e in chosen if e[1] == "batch"]
        batches = {row.pos: row for row in conn.execute(
            select(db.batch.c.pos, db.batch.c.device, db.batch.c.seq, db.batch.c.data, db.batch.c.received)
            .where(and_(db.batch.c.office == office_id, db.batch.c.pos.in_(wanted))))} if wanted else {}
    items = []
    for pos, kind, value in chosen:
        if kind == "file":
            path, data = value
            items.append({"pos": pos, "kind": "file", "path": path,
                          "data": None if data is None else base64.b64encode(data).decode()})
        else:
            row = batches.get(pos)
            if row is not None:  # replaced meanwhile: it comes again at its new position
                items.append(_batch_item(row.device, row.seq, row.data, pos, row.received))
    end = chosen[-1][0] if chosen else max(head, after)
    more = bool(chosen) and end < head
    _seen(server, office_id, device, end)
    return {"generation": server.generation, "head": head, "next": end, "more": more, "items": items}


SEEN_SECONDS = 30.0  # "last seen" and "pulled up to" are written at most this often per device


def _seen(server: Server, office_id: str, device: str, pulled: int) -> None:
    """Note the device's pull for the metrics. In memory at once; in the database at most every SEEN_SECONDS,
    so that a pull, a read, does not take the writer's lock each time."""
    key = (office_id, device)
    now_s = time.monotonic()
    server.seen[key] = (clock.utcnow().isoformat(timespec="seconds"), pulled)
    if now_s - server.seen_written.get(key, -SEEN_SECONDS) < SEEN_SECONDS:
        return
    server.seen_written[key] = now_s
    now, pulled = server.seen[key]
    with server.writer.begin() as conn:
        done = conn.execute(db.device_seen.update().where(and_(
            db.device_seen.c.office == office_id, db.device_seen.c.device == device)).values(
            last_seen=now, pulled_pos=pulled)).rowcount
        if not done:
            conn.execute(db.device_seen.insert().values(office=office_id, device=device, last_seen=now,
                                                        pulled_pos=pulled, app=""))


def _store_batch(server: Server, office_id: str, device: str, header: dict[str, Any], body: bytes) -> bool:
    digest = hashlib.sha256(body).hexdigest()
    key = and_(db.batch.c.office == office_id, db.batch.c.device == device, db.batch.c.seq == header["seq"])
    with server.writer.begin() as conn:
        found = conn.execute(select(db.batch.c.sha256, db.batch.c.first_seq, db.batch.c.prev_seq).where(key)).first()
        if found and found.sha256 == digest:
            return False  # the same batch again: stored once
        if found and (found.first_seq, found.prev_seq) != (header["first_seq"], header["prev"]):
            raise Refused(409, "seq_taken")
        pos = db.take_positions(conn, office_id)
        values = {"first_seq": header["first_seq"], "prev_seq": header["prev"], "data": body, "sha256": digest,
                  "size": len(body), "pos": pos, "received": clock.utcnow().isoformat(timespec="milliseconds")}
        if found:  # the same range sealed again by its owner (a repair): the new copy replaces it
            conn.execute(db.batch.update().where(key).values(**values))
        else:
            conn.execute(db.batch.insert().values(office=office_id, device=device, seq=header["seq"], **values))
    return True


def _store_file(server: Server, office_id: str, me: Device, path: str, body: bytes) -> bool:
    with server.writer.begin() as conn:
        existing = offices.get_file(conn, office_id, path)
        if existing == body:
            return False
        if path.startswith("members/"):
            if existing is not None:
                raise Refused(409, "exists")
            offices.check_entry(conn, office_id, path, body)
        elif not me.admin:
            raise Refused(403, "not_admin")
        elif path.startswith("keys/") and existing is not None:
            raise Refused(409, "exists")  # a sealed key is never replaced
        offices.put_file(conn, office_id, path, body)
    if path.startswith("members/"):
        server.membership.forget(office_id)
    return True


def _metrics(server: Server) -> str:
    lines = ["# TYPE gridkeeper_offices gauge"]
    with server.reader.connect() as conn:
        heads = dict(conn.execute(select(db.office.c.id, db.office.c.pos)).all())
        lines.append(f"gridkeeper_offices {len(heads)}")
        lines.append("# TYPE gridkeeper_batches gauge")
        lines.append("# TYPE gridkeeper_batch_bytes gauge")
        for office_id, count, size in conn.execute(select(db.batch.c.office, func.count(), func.sum(db.batch.c.size))
                                                   .group_by(db.batch.c.office)):
            lines.append(f'gridkeeper_batches{{office="{office_id}"}} {count}')
            lines.append(f'gridkeeper_batch_bytes{{office="{office_id}"}} {int(size or 0)}')
        lines.append("# TYPE gridkeeper_devices gauge")
        for office_id in heads:
            devices = server.membership.of(conn, office_id)
            lines.append(f'gridkeeper_devices{{office="{office_id}"}} '
                         f'{sum(1 for d in devices.values() if d.revoked_after is None)}')
        lines.append("# TYPE gridkeeper_device_last_seen_seconds gauge")
        lines.append("# TYPE gridkeeper_device_lag_positions gauge")
        from datetime import datetime

        known = {(o, d): (s, p) for o, d, s, p in conn.execute(select(
            db.device_seen.c.office, db.device_seen.c.device, db.device_seen.c.last_seen, db.device_seen.c.pulled_pos))}
        for (office_id, device), (seen, pulled) in sorted({**known, **server.seen}.items()):
            labels = f'office="{office_id}",device="{device}"'
            lines.append(f"gridkeeper_device_last_seen_seconds{{{labels}}} {datetime.fromisoformat(seen).timestamp():.0f}")
            lines.append(f"gridkeeper_device_lag_positions{{{labels}}} {max(0, heads.get(office_id, 0) - pulled)}")
    lines.append("# TYPE gridkeeper_requests_total counter")
    for status, count in sorted(server.requests.items()):
        lines.append(f'gridkeeper_requests_total{{status="{status}"}} {count}')
    return "\n".join(lines) + "\n"


ENV_DATABASE = "GRIDKEEPER_SERVER_DATABASE"
ENV_FINGERPRINT = "GRIDKEEPER_SERVER_FINGERPRINT"
ENV_PUBLIC_METRICS = "GRIDKEEPER_SERVER_PUBLIC_METRICS"


def app_from_environment() -> Starlette:
    """The app of one of several worker processes (`server serve --workers N`): each opens its own engine.
    Membership caches and rate-limit buckets are per worker (a device's limit is then N times as high)."""
    import os

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("gridkeeper.server").setLevel(logging.INFO)
    server = Server(db.connect(os.environ[ENV_DATABASE]), os.environ.get(ENV_FINGERPRINT, ""),
                    public_metrics=os.environ.get(ENV_PUBLIC_METRICS) == "1")
    return build_app(server)

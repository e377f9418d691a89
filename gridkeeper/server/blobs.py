"""Photos and scans on the server: members upload the sealed blob files a share would hold, and fetch them.

The server holds no office key: it stores the sealed bytes as uploaded (sync/blobs.py's GKF1 file) after
checking only that the header names this office and this blob, and never overwrites one, so a blob once
stored cannot be swapped. Every request is authenticated like the others (a revoked or unknown device gets
nothing); an upload larger than a sealed blob can be is refused before it is read. The laptop checks what it
fetches as it checks a share's file. See architecture.md, "Photos and scans" (on the server).
"""

from __future__ import annotations

import json
import struct
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import and_, select
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gridkeeper import clock
from gridkeeper.server import db
from gridkeeper.server.offices import Device, Refused
from gridkeeper.store.blobs import NAME_RE
from gridkeeper.sync.blobs import MAGIC, MAX_HEADER_BYTES, MAX_SHARE_BYTES

LIST_LIMIT = 5000  # names per page of the listing (32 characters each)

Handler = Callable[[Request], Awaitable[Response]]


def check_header(body: bytes, office_id: str, name: str) -> None:
    """Refused (422) unless `body` is a sealed blob file whose header names this office and this blob."""
    if not body.startswith(MAGIC) or len(body) < 8:
        raise Refused(422, "unreadable")
    (length,) = struct.unpack(">I", body[4:8])
    if length > MAX_HEADER_BYTES or 8 + length > len(body):
        raise Refused(422, "unreadable")
    try:
        header = json.loads(body[8:8 + length])
        named, in_office = header["blob"], header["office"]
    except (ValueError, KeyError, TypeError):
        raise Refused(422, "unreadable") from None
    if named != name or in_office != office_id:
        raise Refused(422, "misplaced")


def routes(server: Any, endpoint: Callable[[Handler], Handler],
           authenticate: Callable[[Request, bytes], Awaitable[tuple[str, Device]]],
           read_body: Callable[[Request, int], Awaitable[bytes]]) -> list[Route]:
    """The blob endpoints of `server` (app.Server), wrapped and authenticated as app.build_app's own."""
    from starlette.concurrency import run_in_threadpool

    def _name(request: Request) -> str:
        name = request.path_params["name"]
        if not NAME_RE.match(name):
            raise Refused(404, "no_blob")
        return str(name)

    @endpoint
    async def listing(request: Request) -> Response:
        office_id, _me = await authenticate(request, b"")
        after = request.query_params.get("after", "")
        if after and not NAME_RE.match(after):
            raise Refused(400, "bad_query")

        def read() -> list[str]:
            with server.reader.connect() as conn:
                return [r[0] for r in conn.execute(select(db.blob.c.name).where(and_(
                    db.blob.c.office == office_id, db.blob.c.name > after)).order_by(db.blob.c.name)
                    .limit(LIST_LIMIT + 1))]

        names = await run_in_threadpool(read)
        return JSONResponse({"blobs": names[:LIST_LIMIT], "more": len(names) > LIST_LIMIT})

    @endpoint
    async def get_blob(request: Request) -> Response:
        office_id, _me = await authenticate(request, b"")
        name = _name(request)

        def read() -> bytes | None:
            with server.reader.connect() as conn:
                return conn.execute(select(db.blob.c.data).where(and_(
                    db.blob.c.office == office_id, db.blob.c.name == name))).scalar()

        data = await run_in_threadpool(read)
        if data is None:
            raise Refused(404, "no_blob")
        return Response(bytes(data), media_type="application/octet-stream")

    @endpoint
    async def put_blob(request: Request) -> Response:
        body = await read_body(request, MAX_SHARE_BYTES)
        office_id, me = await authenticate(request, body)
        name = _name(request)
        check_header(body, office_id, name)

        def work() -> bool:
            with server.writer.begin() as conn:
                found = conn.execute(select(db.blob.c.data).where(and_(
                    db.blob.c.office == office_id, db.blob.c.name == name))).scalar()
                if found is not None:
                    if bytes(found) == body:
                        return False
                    raise Refused(409, "exists")  # never overwritten: a stored blob cannot be swapped
                conn.execute(db.blob.insert().values(office=office_id, name=name, data=body, size=len(body),
                                                     device=me.device,
                                                     received=clock.utcnow().isoformat(timespec="seconds")))
                return True

        return JSONResponse({"stored": await run_in_threadpool(work)})

    blobs = "/v1/offices/{office}/blobs"
    return [Route(blobs, listing), Route(blobs + "/{name}", get_blob),
            Route(blobs + "/{name}", put_blob, methods=["PUT"])]

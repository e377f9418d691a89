"""Photos and scans with an office on a GridKeeper server: the staging share's blobs uploaded, and fetched.

The folder sync writes the sealed blob files into the staging share's `blobs/` as into any share
(sync/blobs.push). After the batches, `upload` lists the server's blobs once and sends the staged ones it
lacks. `fetch` is the first look at a photo this laptop does not keep: the sealed file is fetched from the
server into the staging share, where sync/blobs.fetch checks it exactly as a share's (size, header, key, tag,
size and SHA-256 against the record, type). See architecture.md, "Photos and scans" (on the server).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Protocol

import httpx

from gridkeeper.store import blobs as local_blobs
from gridkeeper.store.engine import Store
from gridkeeper.sync import blobs as share_blobs
from gridkeeper.sync.private import write_private

log = logging.getLogger("gridkeeper.sync")

STAGING = "server-staging"  # remote.STAGING: the staging share in the profile


class Client(Protocol):
    """What is used of remote.Client (not imported: sync.remote calls `upload`, so the arrow goes one way)."""

    office: str

    def request(self, method: str, target: str, body: bytes = b"", *, signed: bool = True,
                ok: tuple[int, ...] = (200,)) -> httpx.Response: ...

    def get_json(self, target: str, *, signed: bool = True) -> dict[str, Any]: ...


def _staged(root: Path, office_id: str) -> Path:
    return share_blobs.share_dir(root, office_id)


def server_names(client: Client) -> set[str]:
    """The names of the blobs the server holds for the office, page by page."""
    names: set[str] = set()
    after = ""
    while True:
        page = client.get_json(f"/v1/offices/{client.office}/blobs" + (f"?after={after}" if after else ""))
        batch = [str(n) for n in page.get("blobs", []) if local_blobs.NAME_RE.match(str(n))]
        names.update(batch)
        if not page.get("more") or not batch:
            return names
        after = batch[-1]


def upload(client: Client, root: Path) -> list[str]:
    """Send every sealed blob in the staging share that the server lacks; the names sent."""
    folder = _staged(root, client.office)
    try:
        staged = sorted(n[:-4] for n in os.listdir(folder) if n.endswith(".gkf")
                        and local_blobs.NAME_RE.match(n[:-4]))
    except FileNotFoundError:
        return []
    if not staged:
        return []
    there = server_names(client)
    sent = []
    for name in staged:
        if name in there:
            continue
        path = folder / f"{name}.gkf"
        if path.is_symlink() or not path.is_file() or path.stat().st_size > share_blobs.MAX_SHARE_BYTES:
            continue  # the staging share is ours; anything else is not sent
        answer = client.request("PUT", f"/v1/offices/{client.office}/blobs/{name}", path.read_bytes(),
                                ok=(200, 409))
        if answer.status_code == 409:  # other bytes under this name already there: they stay (never swapped)
            log.warning("the server holds other bytes under blob %s; not replaced", name)
        else:
            sent.append(name)
    return sent


def fetch(store: Store, client: Client, name: str, expected: tuple[str, int] | None = None) -> bytes:
    """The blob's plain bytes, checked and kept in the profile: from the staging share if a good copy is
    there, else fetched from the server first (`client`: remote.Client of this laptop's office). BlobHeld
    with a reason code if not on the server yet or not what its record says; the client's ServerOffline and
    ServerRefused go through to the caller."""
    if not local_blobs.NAME_RE.match(name):
        raise share_blobs.BlobHeld("misplaced")
    root = store.root / STAGING
    staged = _staged(root, client.office) / f"{name}.gkf"
    if staged.is_file():
        try:
            return share_blobs.fetch(store, root, name, expected)
        except share_blobs.BlobHeld as exc:
            log.info("staged blob %s held (%s): fetching it from the server", name, exc.reason)
    answer = client.request("GET", f"/v1/offices/{client.office}/blobs/{name}", ok=(200, 404))
    if answer.status_code == 404:
        raise share_blobs.BlobHeld("missing")  # not uploaded yet by the laptop that took it
    if len(answer.content) > share_blobs.MAX_SHARE_BYTES:
        raise share_blobs.BlobHeld("too_large")
    write_private(staged, answer.content)
    return share_blobs.fetch(store, root, name, expected)

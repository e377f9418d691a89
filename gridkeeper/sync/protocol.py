"""The sync server's wire protocol, shared by the laptop (sync/remote.py) and the server (server/).

What a request signs, the headers, the protocol version and the limits: one
place, so the two sides cannot drift. See architecture.md, "The sync server".
"""

from __future__ import annotations

import hashlib
import re

PROTOCOL = 1  # the wire protocol this app speaks; the server says which range it speaks
H_PROTOCOL = "GK-Protocol"
H_APP = "GK-App"
H_OFFICE = "GK-Office"
H_DEVICE = "GK-Device"
H_NONCE = "GK-Nonce"
H_SIGNATURE = "GK-Signature"

MAX_BODY_BYTES = 32 * 1024 * 1024  # one batch (safe_read.MAX_BATCH_BYTES); bigger requests are refused
MAX_FILE_BYTES = 256 * 1024  # a control file (safe_read.MAX_SMALL_BYTES): an entry, a sealed key, an invite, a request
PAGE_LIMIT = 500  # entries per pull page at most
PAGE_BYTES = 16 * 1024 * 1024  # batch bytes per pull page at most (one bigger batch still goes alone)

# Control files a share holds besides batches, by relative path (the same names as on a share).
CONTROL_PATH = re.compile(
    r"^(office\.json|members/[0-9a-f]{32}\.json|keys/\d{1,6}/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.json"
    r"|invites/[0-9a-f]{32}\.json|requests/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.json)$")


def signed_text(method: str, target: str, nonce: str, body: bytes) -> bytes:
    """What a device signs for one request: the method, the path with its query, the server's nonce and
    the body's hash (so a request cannot be replayed elsewhere or changed)."""
    digest = hashlib.sha256(body).hexdigest()
    return f"gk1 http\n{method.upper()}\n{target}\n{nonce}\n{digest}".encode()

# Office and device ids (they become folder names on a share: folder._SAFE_ID).
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")

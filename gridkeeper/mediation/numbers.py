"""Case numbers unique across laptops that create cases offline.

A number is year, a device prefix and that device's own sequence
("2026-K7QD-015"). The prefix is the shortest Crockford base-32 rendering (at
least 4 characters) of the device id that no other device this profile knows
of starts with; it is chosen once and kept in local_meta. Devices that have
synced once can never clash; two laptops that never met clash only if their
random device ids agree in 20 bits (0.07 % for 40 laptops), and even then
(device_id, device_seq) stays unique.
"""

from __future__ import annotations

from gridkeeper.store import mediation as queries
from gridkeeper.store.engine import Store

_B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
PREFIX_KEY = "mediation_prefix"
MIN_PREFIX = 4


def _b32(device_id: str) -> str:
    bits = int(device_id.replace("-", ""), 16) if _is_hex(device_id) else int.from_bytes(device_id.encode(), "big")
    out = []
    for _ in range(26):
        out.append(_B32[bits % 32])
        bits //= 32
    return "".join(out)


def _is_hex(s: str) -> bool:
    try:
        int(s.replace("-", ""), 16)
        return True
    except ValueError:
        return False


def device_prefix(store: Store) -> str:
    """This laptop's case number prefix: chosen once (see the module doc), then kept."""
    kept = store.meta(PREFIX_KEY)
    if kept:
        return kept
    mine = _b32(store.device_id)
    with store.read() as conn:
        others = {_b32(d) for d in queries.known_devices(conn) if d != store.device_id}
        used = {p for p, d in queries.prefixes_in_use(conn).items() if d != store.device_id}
    length = MIN_PREFIX
    while length < len(mine) and (any(o.startswith(mine[:length]) for o in others) or mine[:length] in used):
        length += 1
    store.set_meta(PREFIX_KEY, mine[:length])
    return mine[:length]


def format_number(number: str, office: str = "城南") -> str:
    """'2026-K7QD-015' as a Chinese document number: 〔2026〕城南调字第K7QD-015号."""
    parts = number.split("-", 1)
    if len(parts) != 2:
        return number
    return f"〔{parts[0]}〕{office}调字第{parts[1]}号"

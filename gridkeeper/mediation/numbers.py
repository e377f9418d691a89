"""Agreement numbers as a committee issues them: 〔2026〕城南调字第15号, never twice, offline too.

A case gets a *final* number (the year's plain sequence) from a block of numbers
granted to its laptop; without one left it gets a *provisional* number (year,
device prefix, the device's own sequence: "2026-K7QD-015", unique by
construction) and takes a final one at its laptop's next sync. Blocks are
written by one laptop only, the numbering laptop (the office's founding admin;
a laptop in no office numbers for itself), which always sees every block it
granted, so two blocks never overlap and no number is issued twice. The
numbering laptop grants at each of its syncs, topping every member up to
BLOCK_LOW unused numbers (plus those its provisional cases need); the blocks
reach the members at their next sync. See docs/architecture.md, "Agreement numbers".

The provisional prefix is the shortest Crockford base-32 rendering (at least 4
characters) of the device id that no other device this profile knows of starts
with; it is chosen once and kept in local_meta.
"""

from __future__ import annotations

from gridkeeper import clock
from gridkeeper.store import mediation as queries
from gridkeeper.store.engine import Store

_B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
PREFIX_KEY = "mediation_prefix"
MIN_PREFIX = 4
BLOCK = 10  # numbers in a block: a laptop's cases for a few weeks
BLOCK_LOW = 5  # fewer unused numbers than this: the numbering laptop grants another block


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
    """This laptop's provisional number prefix: chosen once (see the module doc), then kept."""
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


def is_final(number: str) -> bool:
    """'2026-15' is a committee number; '2026-K7QD-015' is provisional."""
    parts = number.split("-")
    return len(parts) == 2 and parts[1].isdigit()


def final_number(year: int, seq: int) -> str:
    return f"{year}-{seq}"


def format_number(number: str, office: str = "城南") -> str:
    """'2026-15' as a Chinese document number: 〔2026〕城南调字第15号. A provisional number leaves the
    blank a committee fills by hand, with the provisional number beside it to find the case."""
    parts = number.split("-", 1)
    if len(parts) != 2:
        return number
    if is_final(number):
        return f"〔{parts[0]}〕{office}调字第{parts[1]}号"
    return f"〔{parts[0]}〕{office}调字第____号（临时编号{parts[1]}）"


# -- issuing -----------------------------------------------------------------------


def numbering_device(store: Store) -> str | None:
    """The one laptop that grants blocks: the office's earliest admitted admin, or this laptop alone
    in no office; None while this laptop knows no admin (it then never grants itself)."""
    from gridkeeper.sync import office

    if not office.office_id(store):
        return store.device_id
    admins = sorted((m.admitted_at, m.device) for m in office.members(store).values()
                    if m.admin and m.revoked_after is None)
    return admins[0][1] if admins else None


def next_free(conn: object, year: int, device_id: str) -> int | None:
    """The lowest number of this device's blocks for `year` it has not issued, or None."""
    used = queries.final_numbers_used(conn, year, device_id)  # type: ignore[arg-type]
    for _d, first, last in queries.number_blocks(conn, year, device_id):  # type: ignore[arg-type]
        for n in range(first, last + 1):
            if n not in used:
                return n
    return None


def _unused(conn: object, year: int, device_id: str) -> int:
    used = queries.final_numbers_used(conn, year, device_id)  # type: ignore[arg-type]
    return sum(1 for _d, first, last in queries.number_blocks(conn, year, device_id)  # type: ignore[arg-type]
               for n in range(first, last + 1) if n not in used)


def grant_blocks(store: Store, years: set[int] | None = None) -> int:
    """On the numbering laptop: top every member (and itself) up to BLOCK_LOW unused numbers of each
    year, plus what its provisional cases need. Returns how many blocks were granted."""
    from gridkeeper.store.models import MediationNumberBlock
    from gridkeeper.sync import office

    if numbering_device(store) != store.device_id:
        return 0
    with store.read() as conn:
        if not queries.any_case(conn):  # an office that does not mediate is never written to
            return 0
    devices = {store.device_id} | {m.device for m in office.members(store).values() if m.revoked_after is None}
    granted = 0
    with store.write() as s:
        conn = s.connection()
        this_year = clock.today().year
        for year in sorted(years or {this_year}):
            waiting = queries.provisional_count(conn, year)
            # This year every laptop keeps a few in hand; another year's (a case received last
            # December, numbered in January) gets only what waits, so its sequence has no gaps to spare.
            low = BLOCK_LOW if year == this_year else 0
            # past every block and every number issued (a demo's, an import's): never one twice
            end = max([last for _d, _f, last in queries.number_blocks(conn, year)] + [queries.max_final(conn, year)])
            for device in sorted(devices):
                need = low + waiting.get(device, 0) - _unused(conn, year, device)
                while need > 0:
                    s.add(MediationNumberBlock(year=year, device_id=device, first=end + 1, last=end + BLOCK,
                                               granted_at=clock.now().strftime("%Y-%m-%d %H:%M:%S")))
                    s.flush()
                    end, need, granted = end + BLOCK, need - BLOCK, granted + 1
    return granted


def finalise(store: Store) -> int:
    """Give this laptop's provisional cases their final numbers from its blocks; returns how many."""
    from gridkeeper.store.models import MediationCase

    done = 0
    with store.write() as s:
        conn = s.connection()
        for case_id, year in queries.provisional_cases(conn, store.device_id):
            seq = next_free(conn, year, store.device_id)
            if seq is None:
                continue
            case = s.get(MediationCase, case_id)
            assert case is not None
            case.final_seq, case.number = seq, final_number(year, seq)
            s.flush()
            done += 1
    return done


def settle(store: Store) -> int:
    """At a sync, after pulling: grant blocks (on the numbering laptop), then number what waits."""
    with store.read() as conn:
        # every year some laptop waits in, not only this one's: the numbering laptop grants for all
        years = queries.provisional_years(conn)
    grant_blocks(store, years | {clock.today().year})
    return finalise(store)

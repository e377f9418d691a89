"""Search keys for households: what a cadre types to find one.

Substring search for one- and two-character Chinese queries cannot use FTS5's
trigram tokenizer (it returns nothing under three characters), so every key
is stored with all its suffixes in an indexed table: a prefix range scan over
suffixes is a substring match, of any length, in a few B-tree steps.

- names: the name and pinyin initials (all suffixes), the full pinyin (prefix)
- address: "阳光花园3幢2单元501" and its suffixes from each part on
  ("3幢2单元501", "2单元501", "501"), and "3-2-501"; not every character
  suffix: that tripled the index for searches nobody types
- ID and phone numbers: reversed, behind "~", so a suffix ("123X", "5678")
  becomes a prefix
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache

REVERSED = "~"
#: Every live household has this key: an empty search lists them in address order.
ALL = ""
_DIGITS = re.compile(r"^[0-9xX]{4,}$")
_SPACES = re.compile(r"\s+")
_NON_DIGITS = re.compile(r"\D")
#: json.dumps(..., ensure_ascii=False) builds an encoder per call; the index calls this 80,000 times.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def suffixes(word: str) -> list[str]:
    return [word[i:] for i in range(len(word))]


@lru_cache(maxsize=65536)
def name_forms(name: str) -> tuple[str, str, str] | None:
    """(the name as keyed, its pinyin initials, its full pinyin); None for no name. Its keys are the
    suffixes of the first two and the third whole, so a term matches a key exactly when it is inside
    the name or the initials, or begins the full pinyin (store/households.matched_members)."""
    from gridkeeper.rules import pinyin  # lazy: pypinyin costs 0.3 s to import

    clean = _SPACES.sub("", name or "").lower()
    if not clean:
        return None
    return clean, pinyin.initials(clean), pinyin.full(clean)


#: Names' keys made ahead in another process (NameKeysAhead), looked up before name_keys' cache.
_MADE_AHEAD: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, ...]:
    forms = name_forms(name)
    if forms is None:
        return ()
    clean, initials, full = forms
    keys = set(suffixes(clean))
    keys.update(suffixes(initials))
    keys.add(full)
    return tuple(sorted(keys))


def warm_name_keys(names: Iterable[str], cancelled: Callable[[], bool] = lambda: False) -> int:
    """Work out the keys of `names` ahead, into name_keys' cache; how many were done.

    A roster import re-keys its households right after its commit, and most of that is
    the pinyin of every name (27,000 names of a 50,000-row roster: over a second). The
    wizard does this while the user reads its preview, so the catch-up finds them ready.
    """
    done = 0
    for name in names:
        if done % 256 == 0 and cancelled():
            break
        name_keys(name)
        done += 1
    return done


def _keys_of(names: list[str]) -> dict[str, tuple[str, ...]]:
    return {name: name_keys(name) for name in names}


class NameKeysAhead:
    """The names' keys made in a second process while this one stores the rows.

    A first import of 50,000 rows spends about 0.8 s on the pinyin of its 27,000 distinct names
    in the index catch-up after its commit; the machine has a second core that the import leaves
    idle. collect() waits for them and hands them to name_keys. Not in the frozen bundle, whose
    executable a spawned child would start as the app: there the catch-up makes them itself.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._future: Future[dict[str, tuple[str, ...]]] | None = None
        self._pool: ProcessPoolExecutor | None = None
        wanted = [n for n in dict.fromkeys(names) if n and n not in _MADE_AHEAD]
        if not wanted or getattr(sys, "frozen", False):
            return
        import multiprocessing

        try:  # spawn, not fork: the same on every platform, and no copy of this process's memory
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            self._future = self._pool.submit(_keys_of, wanted)
        except (OSError, RuntimeError):  # no process to be had: the catch-up makes the keys itself
            self.close()

    def collect(self) -> int:
        """Wait for the keys and hand them to name_keys; how many names came."""
        try:
            made = self._future.result() if self._future is not None else {}
        except Exception:  # noqa: BLE001 - a failed helper costs time, never the import
            made = {}
        self.close()
        _MADE_AHEAD.update(made)
        return len(made)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._future = None


def forget_made_ahead() -> None:
    """Drop the keys made ahead once the index has them (they are only needed by the catch-up)."""
    _MADE_AHEAD.clear()


def _json_list(keys: list[str]) -> str:
    """_ENCODE(keys), without the encoder when no key needs escaping (names, digits: nearly all)."""
    plain = "".join(keys)
    if '"' not in plain and "\\" not in plain and plain.isprintable():
        return '["' + '","'.join(keys) + '"]' if keys else "[]"
    return _ENCODE(keys)


def _phones(phones_json: str | None) -> list[object]:
    if not phones_json or phones_json == "[]":
        return []
    one = _ONE_PHONE.fullmatch(phones_json)  # '["13812345678"]': most people have one number
    if one:
        return [one.group(1)]
    try:
        phones = json.loads(phones_json)
    except ValueError:
        return []
    return phones if isinstance(phones, list) else []


_ONE_PHONE = re.compile(r'\["([0-9 +-]*)"\]')


def number_keys(id_number: str | None, phones_json: str | None) -> list[str]:
    """The keys of a person's ID and phone numbers: reversed, behind "~"."""
    keys = [REVERSED + id_number.upper()[::-1]] if id_number else []
    for phone in _phones(phones_json):
        digits = _NON_DIGITS.sub("", str(phone))
        if digits:
            keys.append(REVERSED + digits[::-1])
    return keys


def person_keys(name: str | None, id_number: str | None, phones_json: str | None) -> str:
    name = name or ""
    keys = set(_MADE_AHEAD.get(name) or name_keys(name))
    keys.update(number_keys(id_number, phones_json))
    keys.discard("")
    return _json_list(sorted(keys))


def _address_parts(
    compound: str | None, building: str | None, unit: str | None, room: str | None
) -> list[str]:
    unit_part = f"{unit}单元" if unit and unit.isdigit() else (unit or "")
    return [compound or "", building or "", unit_part, room or ""]


def address(compound: str | None, building: str | None, unit: str | None, room: str | None) -> str:
    """The address as cadres write it: 阳光花园3幢2单元501."""
    return "".join(_address_parts(compound, building, unit, room))


_NUMBER = re.compile(r"\d+")


def sort_key(compound: str | None, building: str | None, unit: str | None, room: str | None) -> str:
    """Address order with numbers compared as numbers (2幢 before 12幢)."""
    return "\x1f".join(
        _NUMBER.sub(lambda m: m.group().zfill(6), part or "") for part in (compound, building, unit, room)
    )


def address_keys(
    compound: str | None, building: str | None, unit: str | None, room: str | None
) -> str:
    parts = _address_parts(compound, building, unit, room)
    keys = {ALL}
    for i in range(len(parts)):
        keys.add(_SPACES.sub("", "".join(parts[i:])).lower())
    building_no = re.sub(r"\D", "", building or "")
    if building_no and room:
        keys.add("-".join(p for p in (building_no, unit or "", room) if p).lower())
    return _json_list(sorted(keys))


def query_ranges(term: str) -> list[tuple[str, str]]:
    """Key ranges [lo, hi) that a search term matches."""
    term = unicodedata.normalize("NFKC", term).strip().lower()  # full-width ５０１ is 501
    if not term:
        return []
    ranges = [(term, term + "\U0010ffff")]
    if _DIGITS.match(term):
        rev = REVERSED + term.upper()[::-1]
        ranges.append((rev, rev + "\U0010ffff"))
    return ranges


def terms(query: str) -> list[str]:
    return [t for t in _SPACES.split(unicodedata.normalize("NFKC", query).strip()) if t]
